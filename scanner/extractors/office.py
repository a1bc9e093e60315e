"""Office Open XML formats: Word, Excel and PowerPoint, zip-bomb checked before opening."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from scanner.errors import CorruptDocument
from scanner.extractors.base import Extractor, guard_zip, zip_has_member


class DocxExtractor(Extractor):
    """Word documents: headers, body paragraphs and tables in order, footers."""

    label: ClassVar[str] = "DOCX"
    extensions: ClassVar[frozenset[str]] = frozenset({"docx", "docm", "dotx"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for a zip holding word/document.xml."""
        return zip_has_member(data, "word/document.xml")

    def extract(self, data: bytes) -> str:
        """Return the document's text, one paragraph or table row per line."""
        import docx

        guard_zip(data, self.label, self.nesting.limits)
        try:
            document = docx.Document(io.BytesIO(data))
            return "\n".join(_document_lines(document))
        except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors...
            raise CorruptDocument(f"DOCX document is corrupt ({type(exc).__name__})") from None


def _document_lines(document: Any) -> Iterator[str]:
    """Yield the lines of headers, body (paragraphs and tables in order) and footers."""
    for section in document.sections:
        yield from _container_lines(section.header)
    yield from _container_lines(document)
    for section in document.sections:
        yield from _container_lines(section.footer)


def _container_lines(container: Any) -> Iterator[str]:
    """Yield paragraphs and table rows of a body, header, footer or cell, in order."""
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            yield from _table_lines(block)
        elif block.text:
            yield block.text


def _table_lines(table: Any) -> Iterator[str]:
    """Yield one tab-joined line per table row; merged cells appear once."""
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(_container_lines(cell)))
        yield "\t".join(cells)


class XlsxExtractor(Extractor):
    """Excel workbooks: cached cell values, tab-separated, one row per line."""

    label: ClassVar[str] = "XLSX"
    extensions: ClassVar[frozenset[str]] = frozenset({"xlsx", "xlsm"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for a zip holding xl/workbook.xml."""
        return zip_has_member(data, "xl/workbook.xml")

    def extract(self, data: bytes) -> str:
        """Return every sheet's rows, sheets separated by a blank line."""
        import openpyxl

        guard_zip(data, self.label, self.nesting.limits)
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, lxml errors...
            raise CorruptDocument(f"XLSX workbook is corrupt ({type(exc).__name__})") from None
        try:
            return "\n\n".join(_sheet_text(sheet) for sheet in workbook.worksheets)
        except Exception as exc:
            raise CorruptDocument(f"XLSX workbook is corrupt ({type(exc).__name__})") from None
        finally:
            workbook.close()


def _sheet_text(sheet: Any) -> str:
    """Return a sheet's non-empty rows as tab-separated lines."""
    lines = (_row_text(row) for row in sheet.iter_rows(values_only=True))
    return "\n".join(line for line in lines if line)


def _row_text(values: Iterable[object]) -> str:
    """Join a row's cell values with tabs, dropping trailing empty cells."""
    cells = ["" if value is None else str(value) for value in values]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


class PptxExtractor(Extractor):
    """PowerPoint presentations: each slide's text frames and tables, then its notes."""

    label: ClassVar[str] = "PPTX"
    extensions: ClassVar[frozenset[str]] = frozenset({"pptx", "pptm"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for a zip holding ppt/presentation.xml."""
        return zip_has_member(data, "ppt/presentation.xml")

    def extract(self, data: bytes) -> str:
        """Return every slide's lines, slides separated by a blank line."""
        import pptx

        guard_zip(data, self.label, self.nesting.limits)
        try:
            presentation = pptx.Presentation(io.BytesIO(data))
            return "\n\n".join(_slide_text(slide) for slide in presentation.slides)
        except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors...
            raise CorruptDocument(f"PPTX presentation is corrupt ({type(exc).__name__})") from None


def _slide_text(slide: Any) -> str:
    """Return a slide's shape lines (z-order) followed by its speaker notes."""
    lines = list(_shape_lines(slide.shapes))
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        if notes is not None:
            lines.append(notes.text)
    return "\n".join(line.replace("\v", "\n") for line in lines if line)


def _shape_lines(shapes: Iterable[Any]) -> Iterator[str]:
    """Yield the text of shapes, recursing into groups; tables give one line per row."""
    for shape in shapes:
        if hasattr(shape, "shapes"):  # a group shape
            yield from _shape_lines(shape.shapes)
        elif getattr(shape, "has_table", False):
            yield from _pptx_table_lines(shape.table)
        elif getattr(shape, "has_text_frame", False):
            yield shape.text_frame.text


def _pptx_table_lines(table: Any) -> Iterator[str]:
    """Yield one tab-joined line per row; cells covered by a merge are left out."""
    for row in table.rows:
        yield "\t".join(cell.text for cell in row.cells if not cell.is_spanned)
