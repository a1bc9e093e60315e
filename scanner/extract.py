"""Bytes → text: a registry of extractors chosen by extension, then by magic bytes.

Adding a format is adding one ``Extractor`` subclass to ``EXTRACTORS``. The text returned is
NFC-normalised; detection offsets refer to it. Containers (zip, e-mail) read their members
through this same registry, one nesting level deeper, under one set of ``ArchiveLimits``.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

from scanner.errors import UnsupportedFormat
from scanner.extractors.archive import ZipExtractor
from scanner.extractors.base import DEFAULT_ARCHIVE_LIMITS, ArchiveLimits, Extractor, Nesting
from scanner.extractors.dicom import DicomExtractor
from scanner.extractors.image import ImageExtractor
from scanner.extractors.mail import EmlExtractor
from scanner.extractors.office import DocxExtractor, PptxExtractor, XlsxExtractor
from scanner.extractors.pdf import PdfExtractor
from scanner.extractors.text import HtmlExtractor, TextExtractor

# Order matters for sniffing: Office formats before plain zip; text last.
EXTRACTORS: tuple[type[Extractor], ...] = (
    PdfExtractor,
    DocxExtractor,
    XlsxExtractor,
    PptxExtractor,
    ZipExtractor,
    DicomExtractor,
    ImageExtractor,
    EmlExtractor,
    HtmlExtractor,
    TextExtractor,
)


def extract_text(data: bytes, name: str, *, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS) -> str:
    """Return the NFC-normalised text of file ``data`` named ``name``.

    Raises UnsupportedFormat, CorruptDocument, ArchiveBomb or ExtractionTimeout (all
    ExtractionError).
    """
    return _extract(data, name, Nesting(limits=limits, read_member=_extract))


def _extract(data: bytes, name: str, nesting: Nesting) -> str:
    """Extract ``data`` at ``nesting``; containers call back here for their members."""
    extractor = choose_extractor(data, name)
    return unicodedata.normalize("NFC", extractor(nesting).extract(data))


def choose_extractor(data: bytes, name: str) -> type[Extractor]:
    """Pick the extractor for ``name``'s extension, else the first whose magic matches."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    for extractor in EXTRACTORS:
        if extension in extractor.extensions:
            return extractor
    for extractor in EXTRACTORS:
        if extractor.sniff(data):
            return extractor
    if _known_binary(extension):
        raise UnsupportedFormat(f"no extractor for .{extension} files")
    return TextExtractor


_BINARY_EXTENSIONS = frozenset(
    {"doc", "xls", "ppt", "hwp", "gz", "tgz", "7z", "rar", "gif", "bmp", "heic", "exe", "msg"}
)


def _known_binary(extension: str) -> bool:
    """Return True for extensions of binary formats we do not read yet."""
    return extension in _BINARY_EXTENSIONS
