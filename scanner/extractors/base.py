"""The extractor base class, archive limits, nesting, and the zip-bomb guard.

Container formats (zip, e-mail) read their members through the same registry: an extractor
gets a ``Nesting`` saying how deep it runs, under which ``ArchiveLimits``, and how to read a
member. Limits are checked on declared sizes before anything is inflated.
"""

from __future__ import annotations

import io
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import ClassVar

from scanner.errors import ArchiveBomb, CorruptDocument, UnsupportedFormat

DEFAULT_MAX_TOTAL_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_MEMBER_RATIO = 200
DEFAULT_RATIO_CHECK_MIN_BYTES = 1024 * 1024
DEFAULT_MAX_MEMBERS = 10_000
DEFAULT_MAX_DEPTH = 3
ZIP_MAGIC = b"PK\x03\x04"

# The names the docx/xlsx guard used before the limits became a settings value.
MAX_UNCOMPRESSED_BYTES = DEFAULT_MAX_TOTAL_BYTES
MAX_MEMBER_RATIO = DEFAULT_MAX_MEMBER_RATIO
RATIO_CHECK_MIN_BYTES = DEFAULT_RATIO_CHECK_MIN_BYTES
MAX_MEMBERS = DEFAULT_MAX_MEMBERS


@dataclass(frozen=True)
class ArchiveLimits:
    """Safety limits for zip-based documents, archives and e-mail attachments.

    ``max_total_bytes`` bounds the declared uncompressed size of one archive and everything
    inflated while reading one file; ``max_member_ratio`` applies to members of at least
    ``ratio_check_min_bytes``; ``max_depth`` is how many containers may enclose a document
    (a zip in a zip in a zip is depth 3 for the innermost zip's members).
    """

    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES
    max_member_ratio: int = DEFAULT_MAX_MEMBER_RATIO
    ratio_check_min_bytes: int = DEFAULT_RATIO_CHECK_MIN_BYTES
    max_members: int = DEFAULT_MAX_MEMBERS
    max_depth: int = DEFAULT_MAX_DEPTH


DEFAULT_ARCHIVE_LIMITS = ArchiveLimits()


class InflationBudget:
    """Bytes inflated so far while reading one file, shared by every nesting level."""

    def __init__(self) -> None:
        """Start with nothing spent."""
        self.spent = 0

    def spend(self, size: int, limits: ArchiveLimits, label: str) -> None:
        """Reserve ``size`` bytes or raise ArchiveBomb when the total limit would be passed."""
        if self.spent + size > limits.max_total_bytes:
            raise ArchiveBomb(
                f"{label} archive would inflate beyond {limits.max_total_bytes} bytes"
            )
        self.spent += size


MemberReader = Callable[[bytes, str, "Nesting"], str]


@dataclass(frozen=True, eq=False)
class Nesting:
    """Where an extraction runs: the enclosing member names, the limits, how to read members."""

    limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS
    read_member: MemberReader | None = None
    trail: tuple[str, ...] = ()
    budget: InflationBudget = field(default_factory=InflationBudget)

    @property
    def depth(self) -> int:
        """How many containers enclose the document being read."""
        return len(self.trail)

    def enter(self, name: str) -> Nesting:
        """Return the nesting of member ``name``; ArchiveBomb when that is too deep."""
        if self.depth >= self.limits.max_depth:
            raise ArchiveBomb(f"archive nesting is deeper than {self.limits.max_depth} levels")
        return replace(self, trail=(*self.trail, name))

    def read(self, data: bytes, name: str) -> str:
        """Return the text of member ``name`` through the registry, one level deeper."""
        if self.read_member is None:
            raise UnsupportedFormat("nested documents are read only through scanner.extract")
        return self.read_member(data, name, self.enter(name))

    def path(self, name: str) -> str:
        """Return ``name`` prefixed by the enclosing member names, slash-separated."""
        return "/".join((*self.trail, name))


class Extractor(ABC):
    """Turns the bytes of one file format into text.

    ``extensions`` choose the extractor by file name; ``sniff`` is called when no extension
    matched and must be cheap (magic bytes). ``extract`` is called with the whole file and
    raises ``ExtractionError`` subclasses only, with messages naming ``label``.
    """

    label: ClassVar[str]
    extensions: ClassVar[frozenset[str]]

    def __init__(self, nesting: Nesting | None = None) -> None:
        """Run at the top level with default limits unless ``nesting`` says otherwise."""
        self.nesting = nesting if nesting is not None else Nesting()

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True when ``data`` looks like this format (called without an extension)."""
        return False

    @abstractmethod
    def extract(self, data: bytes) -> str:
        """Return the text of ``data``; raise ExtractionError subclasses on failure."""


def open_zip(data: bytes, label: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive (reads the directory only) or raise CorruptDocument."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptDocument(f"{label} file is not a valid zip archive") from None


def guard_zip(data: bytes, label: str, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS) -> None:
    """Check a zip's declared sizes before any parser opens it; never inflates anything."""
    with open_zip(data, label) as archive:
        members = archive.infolist()
    check_zip_members(members, label, limits)


def check_zip_members(
    members: list[zipfile.ZipInfo], label: str, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS
) -> None:
    """Raise ArchiveBomb when the members' declared sizes exceed the safety limits."""
    if len(members) > limits.max_members:
        raise ArchiveBomb(f"{label} archive has more than {limits.max_members} members")
    total = sum(member.file_size for member in members)
    if total > limits.max_total_bytes:
        raise ArchiveBomb(f"{label} archive would inflate beyond {limits.max_total_bytes} bytes")
    for member in members:
        if member.file_size < limits.ratio_check_min_bytes:
            continue
        if member.file_size > limits.max_member_ratio * max(member.compress_size, 1):
            raise ArchiveBomb(
                f"{label} archive member exceeds {limits.max_member_ratio}:1 compression"
            )


def zip_has_member(data: bytes, member: str) -> bool:
    """Return True when ``data`` is a zip whose directory names ``member``."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
