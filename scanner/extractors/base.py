"""The extractor base class and the zip-bomb guard shared by zip-based formats."""

from __future__ import annotations

import io
import zipfile
from abc import ABC, abstractmethod
from typing import ClassVar

from scanner.errors import ArchiveBomb, CorruptDocument

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
ZIP_MAGIC = b"PK\x03\x04"


class Extractor(ABC):
    """Turns the bytes of one file format into text.

    ``extensions`` choose the extractor by file name; ``sniff`` is called when no extension
    matched and must be cheap (magic bytes). ``extract`` is called with the whole file and
    raises ``ExtractionError`` subclasses only, with messages naming ``label``.
    """

    label: ClassVar[str]
    extensions: ClassVar[frozenset[str]]

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True when ``data`` looks like this format (called without an extension)."""
        return False

    @abstractmethod
    def extract(self, data: bytes) -> str:
        """Return the text of ``data``; raise ExtractionError subclasses on failure."""


def guard_zip(data: bytes, label: str) -> None:
    """Check a zip's declared sizes before any parser opens it; never inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptDocument(f"{label} file is not a valid zip archive") from None
    check_zip_members(members, label)


def check_zip_members(members: list[zipfile.ZipInfo], label: str) -> None:
    """Raise ArchiveBomb when the members' declared sizes exceed the safety limits."""
    if len(members) > MAX_MEMBERS:
        raise ArchiveBomb(f"{label} archive has more than {MAX_MEMBERS} members")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ArchiveBomb(f"{label} archive would inflate beyond {MAX_UNCOMPRESSED_BYTES} bytes")
    for member in members:
        if member.file_size < RATIO_CHECK_MIN_BYTES:
            continue
        if member.file_size > MAX_MEMBER_RATIO * max(member.compress_size, 1):
            raise ArchiveBomb(f"{label} archive member exceeds {MAX_MEMBER_RATIO}:1 compression")


def zip_has_member(data: bytes, member: str) -> bool:
    """Return True when ``data`` is a zip whose directory names ``member``."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
