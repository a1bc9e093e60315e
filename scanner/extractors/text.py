"""Plain-text formats: decoding with BOMs and legacy code pages, and HTML tag stripping."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from typing import ClassVar

from scanner.errors import UnsupportedFormat
from scanner.extractors.base import Extractor

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
UTF16_NUL_SHARE = 0.3
MAX_CONTROL_SHARE = 0.05
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not \t \n \v \f \r ESC
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3130-\u318f]")


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM, strict UTF-8, cp949, then cp1258; binary → UnsupportedFormat."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_reject(data[len(bom) :], encoding)
    if b"\x00" in data:
        return _decode_bomless_utf16(data)
    text = _try_decode(data, "utf-8")
    if text is None:
        text = _decode_legacy(data)
    _reject_binary(text)
    return text


def _decode_legacy(data: bytes) -> str:
    """Decode as cp949 when that gives Hangul, else cp1258, else cp949 anyway.

    cp1258 (Vietnamese) bytes often decode as valid but meaningless cp949 (Hanja and
    symbols); real cp949 text is mostly Hangul, so anything else is tried as cp1258.
    """
    korean = _try_decode(data, "cp949")
    if korean is not None and _mostly_hangul(korean):
        return korean
    vietnamese = _try_decode(data, "cp1258")
    if vietnamese is not None:
        return vietnamese
    if korean is not None:
        return korean
    raise UnsupportedFormat("data is not text in a supported encoding")


def _try_decode(data: bytes, encoding: str) -> str | None:
    """Decode strictly, or return None."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_hangul(text: str) -> bool:
    """True when at least half of the non-ASCII characters are Hangul."""
    return len(_HANGUL.findall(text)) * 2 >= len(_NON_ASCII.findall(text))


def _decode_or_reject(data: bytes, encoding: str) -> str:
    """Decode strictly with ``encoding`` or raise UnsupportedFormat."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnsupportedFormat(f"data is not valid {encoding}") from None
    _reject_binary(text)
    return text


def _decode_bomless_utf16(data: bytes) -> str:
    """Decode NUL-bearing data as BOM-less UTF-16 when its NULs fall on one byte parity."""
    half = max(len(data) // 2, 1)
    even_nuls = data[0::2].count(0) / half
    odd_nuls = data[1::2].count(0) / half
    if len(data) % 2 == 0 and odd_nuls >= UTF16_NUL_SHARE and even_nuls < 0.05:
        return _decode_or_reject(data, "utf-16-le")
    if len(data) % 2 == 0 and even_nuls >= UTF16_NUL_SHARE and odd_nuls < 0.05:
        return _decode_or_reject(data, "utf-16-be")
    raise UnsupportedFormat("data looks binary (NUL bytes)")


def _reject_binary(text: str) -> None:
    """Raise UnsupportedFormat when decoded text is mostly control characters."""
    if not text:
        return
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls / len(text) > MAX_CONTROL_SHARE:
        raise UnsupportedFormat("data looks binary (control characters)")


class TextExtractor(Extractor):
    """Plain text, CSV/TSV, Markdown, logs, JSON and XML, returned as decoded."""

    label: ClassVar[str] = "text"
    extensions: ClassVar[frozenset[str]] = frozenset(
        {"txt", "csv", "tsv", "md", "log", "json", "xml", "text"}
    )

    def extract(self, data: bytes) -> str:
        """Return the decoded text."""
        return decode_text(data)


class HtmlExtractor(Extractor):
    """HTML pages: tags, scripts and styles stripped, entities unescaped."""

    label: ClassVar[str] = "HTML"
    extensions: ClassVar[frozenset[str]] = frozenset({"html", "htm", "xhtml"})

    @classmethod
    def sniff(cls, data: bytes) -> bool:
        """Return True for data starting with an HTML doctype or <html> tag."""
        head = data[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))

    def extract(self, data: bytes) -> str:
        """Return the visible text of the page."""
        return html_to_text(decode_text(data))


def html_to_text(markup: str) -> str:
    """Return the visible text of HTML ``markup``: tags, scripts and styles stripped."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


class _TextCollector(HTMLParser):
    """Collects character data outside <script> and <style>; block tags become newlines."""

    _SKIPPED = frozenset({"script", "style"})
    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        """Start with no collected text."""
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter skipped elements; break lines at block elements."""
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        """Leave skipped elements."""
        if tag in self._SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements."""
        if not self._skipping:
            self.parts.append(data)
