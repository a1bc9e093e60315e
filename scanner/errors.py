"""The scanner's exception tree.

    ScannerError                anything the scanner raises on purpose
    ├── ExtractionError         bytes could not be turned into text
    │   ├── UnsupportedFormat   not a format we read (or binary data)
    │   ├── CorruptDocument     a known format, but the file is broken
    │   ├── ArchiveBomb         a zip-based file that would inflate too far
    │   └── ExtractionTimeout   extraction (OCR) ran past its time limit
    └── DetectionError          detection could not run (bad settings, language)

Extractors map their parser's exceptions to these at the boundary, so callers never catch
a ``zipfile`` or ``pypdf`` error. Messages name the format or the setting, never content.
"""

from __future__ import annotations


class ScannerError(Exception):
    """Base of every error the scanner raises on purpose."""


class ExtractionError(ScannerError):
    """The data could not be turned into text."""


class UnsupportedFormat(ExtractionError):
    """The data is in a format no extractor reads, or is binary."""


class CorruptDocument(ExtractionError):
    """The data claims a known format but cannot be parsed."""


class ArchiveBomb(ExtractionError):
    """A zip-based document would inflate beyond the safety limits."""


class DetectionError(ScannerError):
    """Detection could not run (e.g. an unsupported language or a missing model)."""


class ExtractionTimeout(ExtractionError):
    """Extraction (e.g. OCR of an image) took longer than its time limit."""
