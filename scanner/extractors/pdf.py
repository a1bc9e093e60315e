"""PDF documents: the text layer of every page (no OCR)."""

from __future__ import annotations

import io
from typing import ClassVar

from scanner.errors import CorruptDocument, UnsupportedFormat
from scanner.extractors.base import Extractor

PDF_MAGIC = b"%PDF-"


class PdfExtractor(Extractor):
    """PDF files: each page's extracted text, pages separated by a blank line."""

    label: ClassVar[str] = "PDF"
    extensions: ClassVar[frozenset[str]] = frozenset({"pdf"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for data starting with the PDF header (within the first KiB)."""
        return PDF_MAGIC in data[:1024]

    def extract(self, data: bytes) -> str:
        """Return the text of every page; encrypted PDFs are unsupported."""
        import pypdf

        if PDF_MAGIC not in data[:1024]:
            raise CorruptDocument("PDF document has no PDF header")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnsupportedFormat("PDF document is encrypted")
            return "\n\n".join(page.extract_text() or "" for page in reader.pages)
        except UnsupportedFormat:
            raise
        except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError...
            raise CorruptDocument(f"PDF document is corrupt ({type(exc).__name__})") from None
