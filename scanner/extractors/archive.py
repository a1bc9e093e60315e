"""Zip archives: every member read through the registry, nested archives included.

Each member's text follows a ``=== path/in/archive ===`` line. Declared sizes are checked
against ``ArchiveLimits`` before anything is inflated, members are inflated no further than
their declared size, and one inflation budget covers all nesting levels. A bomb anywhere makes
the whole file an ArchiveBomb; any other member failure, and an encrypted member, is noted in
the text and reading goes on.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import ClassVar

from scanner.errors import ArchiveBomb, CorruptDocument, ExtractionError
from scanner.extractors.base import (
    ZIP_MAGIC,
    Extractor,
    Nesting,
    check_zip_members,
    open_zip,
)

EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_ENCRYPTED = 0x1
_UTF8_NAME = 0x800
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    ValueError,
)


class ZipExtractor(Extractor):
    """Zip archives (not Office documents, whose extractors sniff first)."""

    label: ClassVar[str] = "ZIP"
    extensions: ClassVar[frozenset[str]] = frozenset({"zip"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for data starting with a zip local header or an empty-zip record."""
        return data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC))

    def extract(self, data: bytes) -> str:
        """Return each file member's header line and text, in directory order."""
        limits = self.nesting.limits
        with open_zip(data, self.label) as archive:
            members = archive.infolist()
            check_zip_members(members, self.label, limits)
            sections = [
                self._member_section(archive, member) for member in members if not member.is_dir()
            ]
        return "\n".join(sections)

    def _member_section(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> str:
        """Return the header line and the text (or a note) of one member."""
        name = member_name(member)
        header = f"=== {self.nesting.path(name)} ==="
        if member.flag_bits & _ENCRYPTED:
            return f"{header}\n[member {name}: skipped (encrypted)]"
        try:
            payload = read_member(archive, member, self.nesting)
            text = self.nesting.read(payload, name)
        except ArchiveBomb:
            raise
        except ExtractionError as exc:
            text = f"[member {name}: could not be read ({exc})]"
        return f"{header}\n{text}"


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, nesting: Nesting) -> bytes:
    """Inflate one member, never beyond its declared size, charging the shared budget."""
    nesting.budget.spend(member.file_size, nesting.limits, "ZIP")
    try:
        with archive.open(member) as stream:
            payload = stream.read(member.file_size + 1)
    except _READ_ERRORS as exc:
        raise CorruptDocument(f"ZIP member is corrupt ({type(exc).__name__})") from None
    if len(payload) > member.file_size:
        raise ArchiveBomb("ZIP archive member inflates beyond its declared size")
    return payload


def member_name(member: zipfile.ZipInfo) -> str:
    """Return the member's name, re-decoded as UTF-8 or CP949 when not flagged as UTF-8.

    Korean Windows archivers write CP949 names without the UTF-8 flag; ``zipfile`` then
    decodes them as CP437.
    """
    if member.flag_bits & _UTF8_NAME:
        return member.filename
    try:
        raw = member.filename.encode("cp437")
    except UnicodeEncodeError:
        return member.filename
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return member.filename
