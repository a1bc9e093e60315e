"""Bytes → text: a registry of extractors chosen by extension, then by magic bytes.

Adding a format is adding one ``Extractor`` subclass to ``EXTRACTORS``. The text returned is
NFC-normalised; detection offsets refer to it.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

from scanner.errors import UnsupportedFormat
from scanner.extractors.base import Extractor
from scanner.extractors.office import DocxExtractor, XlsxExtractor
from scanner.extractors.pdf import PdfExtractor
from scanner.extractors.text import HtmlExtractor, TextExtractor

EXTRACTORS: tuple[type[Extractor], ...] = (
    PdfExtractor,
    DocxExtractor,
    XlsxExtractor,
    HtmlExtractor,
    TextExtractor,
)


def extract_text(data: bytes, name: str) -> str:
    """Return the NFC-normalised text of file ``data`` named ``name``.

    Raises UnsupportedFormat, CorruptDocument or ArchiveBomb (all ExtractionError).
    """
    extractor = choose_extractor(data, name)
    return unicodedata.normalize("NFC", extractor().extract(data))


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
    {"doc", "xls", "ppt", "pptx", "hwp", "zip", "gz", "png", "jpg", "jpeg", "gif", "dcm", "exe"}
)


def _known_binary(extension: str) -> bool:
    """Return True for extensions of binary formats we do not read yet."""
    return extension in _BINARY_EXTENSIONS
