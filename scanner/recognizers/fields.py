"""Values of structured text, typed by their field's name: tables, JSON, ``key=value``, forms.

An export or a log labels its values with field names rather than the words of a sentence:
``1,구기태,남,1958년 3월 12일`` under the header ``번호,성명,성별,생년월일``;
``"birth_date": "1970-05-10"``; ``patient="함윤아" chart=4241314``; ``수진자명：NOH CHORONG``.
``StructuredFieldRecognizer`` finds the fields, reads each name with the column-name hints
the database scanner uses (``field_names``), and reports the value as the hinted entity when
its shape fits the entity (``SHAPES``): a name is letters only, a birth date parses as a
plausible date, a record number holds digits, an address holds a number and words, a
passport or national ID number has its layout (and check digit or codes where it has them).

Fields come from four layouts (``fields``):

- tables: two or more consecutive lines with the same number (at least ``MIN_COLUMNS``) of
  tab-, pipe-, semicolon- or comma-separated cells (quoted CSV cells allowed), the first line
  a header of short, mostly non-numeric cells;
- JSON string or number members (``"key": "value"``);
- ``key=value`` and ``key="value"`` pairs (logs, query strings);
- form lines ``Label: value`` (ASCII or full-width colon), the value ending at a run of two
  spaces, a `` | `` or the line end, where the next field may start.

A weak hint (``name``, ``patient``) counts only in a record that also has a strong hint of a
personal field (a table header or JSON object with a phone or birth-date column): a lone
``name=`` is as often a product's. Phones, e-mails, cards and the like are left to their own
recognizers, which need no field name to validate them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.address import organisation_address
from scanner.recognizers.base import LANGUAGES, SelfLabelling
from scanner.recognizers.date_of_birth import parse_date
from scanner.recognizers.field_names import PLACEHOLDERS, hint_strengths
from scanner.recognizers.kr_rrn import validate_rrn
from scanner.recognizers.vn_national_id import validate_cccd

STRONG_SCORE = 0.85
WEAK_SCORE = 0.7
MIN_COLUMNS = 3
MAX_HEADER_CELL = 40
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 5
MAX_LABEL_WORDS = 4
MAX_JOINED = 2  # cells of a table row joined back into a date (an unquoted comma)
PERSONAL = frozenset(
    {"PERSON", "DATE_OF_BIRTH", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS", "KR_RRN",
     "VN_NATIONAL_ID", "MEDICAL_RECORD_NUMBER", "KR_PASSPORT", "VN_PASSPORT"}
)  # fmt: skip
DELIMITERS = ("\t", "|", ";", ",")

_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'’-](?=[ ]?[^\W\d_]))*\.?")
_RECORD_NUMBER = re.compile(r"(?=(?:[^\d\n]*\d){4})[A-Za-z]{0,5}[-_ ]?\d[0-9A-Za-z-]{2,22}")
_KR_PASSPORT = re.compile(r"[MSRODG](?:\d{8}|\d{3}[A-Z]\d{4})")
_VN_PASSPORT = re.compile(r"[A-Z]\d{7}")
_CMND = re.compile(r"\d{9}")
_CCCD = re.compile(r"\d{12}")
_RRN = re.compile(r"\d{6}[ -]?\d{7}")
_ADDRESS = re.compile(r"(?=.*\d)(?=.*[^\W\d_]{2})[^\n]{8,200}")
_JSON_PAIR = re.compile(
    r'"(?P<key>[^"\n]{1,40})"[ \t]*:[ \t]*(?:"(?P<value>(?:[^"\\\n]|\\.){1,200})"'
    r"|(?P<number>\d[\d-]{3,30})(?=[ \t]*[,}\n]))"
)
_KEY_VALUE = re.compile(
    r"(?<![\w.-])(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,39})="
    r'(?:"(?P<quoted>[^"\n]{1,200})"|(?P<value>[^\s"&,;]{1,100}))'
)
# found from each colon: the label before it (at the start of a line, or after a wide gap or
# a " | ", when several fields share a line), the value after it
_COLON = re.compile("[:：]")
_LABEL = re.compile(
    r"(?:^|(?<=[ \t][ \t])|(?<=\| ))[ \t]*(?P<key>[^\s:：=|\"][^\n:：=|\"]{0,29}?)[ \t]*$",
    re.MULTILINE,
)
_VALUE = re.compile(
    r"[ \t]*(?P<value>[^\n]{1,200}?)(?=[ \t]{2}|[ \t]\|[ \t]|[ \t]*$)", re.MULTILINE
)
_LABEL_REACH = 40
# ``_LABEL`` from a line's start up to the line's first colon (its own label) or to its end (a
# title, the label of the colons below it within reach): the same key, found for every line
# in one pass (the key is written greedily: the same span as the lazy one, found faster)
_LINE_LABEL = r'[ \t]*(?P<key>[^\s:：=|"](?:[^\n:：=|"]{0,28}[^\n:：=|" \t])?)[ \t]*(?=[:：\n])'
_FIRST_LINE_LABEL = re.compile(_LINE_LABEL)
_NEXT_LINE_LABEL = re.compile(rf"\n{_LINE_LABEL}")
_DEIDENTIFIED = re.compile(r"\[[A-Z_]+\]|psn_[0-9a-f]{8,}")
_NOT_LABEL = re.compile(r"[\d\[\]()<>@/]")
_MARKDOWN_RULE = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")
# a cell: quoted parts and other characters up to the delimiter (each cell, empty ones too)
_QUOTED_CELLS = {
    d: re.compile(rf'(?:(?<={re.escape(d)})|^)(?:"[^"]*"|[^"{re.escape(d)}])*') for d in DELIMITERS
}


class Field(NamedTuple):
    """A value's span in the text and the name of its field."""

    key: str
    start: int
    end: int


def _is_name(value: str) -> bool:
    """Letters only (with spaces, dots, hyphens, apostrophes), one to five words."""
    return (
        len(value) <= MAX_NAME_CHARS
        and len(value.split()) <= MAX_NAME_WORDS
        and _NAME.fullmatch(value) is not None
        and not value.islower()
    )


def _is_rrn(value: str) -> bool:
    """Thirteen digits (a separator allowed) with a valid birth date and check digit."""
    return _RRN.fullmatch(value) is not None and validate_rrn(value) is not False


def _is_national_id(value: str) -> bool:
    """A CCCD with a real province and birth year, or a CMND's nine digits."""
    if _CCCD.fullmatch(value) is not None:
        return validate_cccd(value)
    return _CMND.fullmatch(value) is not None


SHAPES: dict[str, Callable[[str], bool]] = {
    "PERSON": _is_name,
    "DATE_OF_BIRTH": lambda value: parse_date(value) is not None,
    "MEDICAL_RECORD_NUMBER": lambda value: _RECORD_NUMBER.fullmatch(value) is not None,
    "ADDRESS": lambda value: _ADDRESS.fullmatch(value) is not None and len(value.split()) >= 2,
    "KR_PASSPORT": lambda value: _KR_PASSPORT.fullmatch(value) is not None,
    "VN_PASSPORT": lambda value: _VN_PASSPORT.fullmatch(value) is not None,
    "VN_NATIONAL_ID": _is_national_id,
    "KR_RRN": _is_rrn,
}


@lru_cache(maxsize=4096)
def field_hints(key: str) -> tuple[tuple[str, bool], ...]:
    """The entity types a field name suggests that ``SHAPES`` can check: (type, strong)."""
    return tuple((e, strong) for e, strong in hint_strengths(key).items() if e in SHAPES)


@lru_cache(maxsize=4096)
def usable_hints(key: str, personal: bool) -> tuple[tuple[str, bool], ...]:
    """The ``field_hints`` that count: the strong ones, and the weak ones in a personal record."""
    return tuple((entity, strong) for entity, strong in field_hints(key) if strong or personal)


@lru_cache(maxsize=4096)
def label_hints(label: str) -> bool:
    """Whether a label, as matched (spaces around it too), hints at a type ``SHAPES`` checks."""
    return bool(field_hints(label.strip()))


@lru_cache(maxsize=4096)
def is_personal_key(key: str) -> bool:
    """Whether a field name strongly hints at a personal field (of any type)."""
    return any(strong and e in PERSONAL for e, strong in hint_strengths(key).items())


class StructuredFieldRecognizer(SelfLabelling, EntityRecognizer):
    """Finds names, birth dates, record numbers, addresses and ID numbers in named fields."""

    ENTITIES = tuple(SHAPES)

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (field names of every language are read)."""
        super().__init__(
            supported_entities=list(self.ENTITIES), supported_language=supported_language
        )

    def load(self) -> None:
        """Nothing to load: the hints are read on first use."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every field whose name hints at an entity and whose value has its shape."""
        wanted = entities or self.ENTITIES  # searched only when a field is found
        results = []
        for record in records(text):
            personal = any(is_personal_key(field.key) for field in record)
            for field in record:
                found = _typed(text, field, personal)
                if found is not None and found[0] in wanted:
                    results.append(self._result(field, *found))
        return results

    def _result(self, field: Field, entity: str, score: float) -> RecognizerResult:
        """A result carrying this recognizer's name and id."""
        return RecognizerResult(
            entity_type=entity,
            start=field.start,
            end=field.end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def _typed(text: str, field: Field, personal: bool) -> tuple[str, float] | None:
    """The entity and score of a field's value, or None when no hint fits its shape."""
    hints = usable_hints(field.key, personal)
    if not hints:
        return None
    value = text[field.start : field.end]
    if value.lower() in PLACEHOLDERS or _DEIDENTIFIED.search(value) is not None:
        return None  # a placeholder, or what anonymization left ("[ADDRESS], 4층", psn_...)
    for entity, strong in hints:
        if SHAPES[entity](value):
            if entity == "ADDRESS" and organisation_address(text, field.start, field.end):
                return None  # the clinic's own (a footer's "주소:", "Clinic address:")
            return entity, STRONG_SCORE if strong else WEAK_SCORE
    return None


def records(text: str) -> Iterator[list[Field]]:
    """The fields of ``text`` grouped by record: a table row, a JSON object, a line."""
    yield from table_rows(text)
    if '"' in text:
        members = [f for m in _JSON_PAIR.finditer(text) if (f := _pair_field(m)) is not None]
        if members:
            yield members
    if "=" in text:
        yield from _by_line(text, _KEY_VALUE.finditer(text))
    if ":" in text or "：" in text:
        yield from ([field] for field in _form_fields(text))


def _form_fields(text: str) -> Iterator[Field]:
    """The fields of ``Label: value`` lines whose label hints at something we report."""
    consumed = 0
    for at, label in _labelled_colons(text):
        if at < consumed:
            continue  # inside the value of the field before (a time: "Visit: 10:30")
        if 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            continue  # a time (10:30), not a label's colon
        if label is None or not label_hints(label.group("key")):
            continue  # nothing this recognizer could report under that label
        value = _VALUE.match(text, at + 1)
        if value is None:
            continue
        consumed = value.end()
        field = _form_field(text, label.group("key"), value)
        if field is not None:
            yield field


def _labelled_colons(text: str) -> Iterator[tuple[int, re.Match[str] | None]]:
    """Each colon whose label may hint, ascending, with its label: ``_LABEL`` searched in
    reach before it. The colons left out have no label, or one without a hint."""
    if "  " in text or "\t" in text or "| " in text:  # labels after wide gaps too: search
        for colon in _COLON.finditer(text):
            at = colon.start()
            yield at, _LABEL.search(text, max(0, at - _LABEL_REACH), at)
        return
    labels = _line_labels(text)
    hinted = [label for label in labels if label_hints(label.group("key"))]
    if not hinted:
        return
    titles = [_line_start(text, label) for label in labels if text[label.end()] == "\n"]
    own: dict[int, re.Match[str] | None] = {}  # colon → its line's label, if known to hint
    for label in hinted:
        if text[label.end()] == "\n":  # a title: the colons below it within reach
            reach_end = _line_start(text, label) + _LABEL_REACH + 1
            for colon in _COLON.finditer(text, label.end(), reach_end):
                own.setdefault(colon.start(), None)
        else:
            own[label.end()] = label
    for at in sorted(own):
        yield at, _label_in_lines(text, at, titles, own[at])


def _line_labels(text: str) -> list[re.Match[str]]:
    """Each line's ``_LINE_LABEL``: its own label, or the whole line as a title."""
    first = _FIRST_LINE_LABEL.match(text)
    return ([first] if first is not None else []) + list(_NEXT_LINE_LABEL.finditer(text))


def _line_start(text: str, label: re.Match[str]) -> int:
    """Where the line of a ``_LINE_LABEL`` starts."""
    return text.rfind("\n", 0, label.start("key")) + 1


def _label_in_lines(
    text: str, at: int, titles: list[int], own: re.Match[str] | None
) -> re.Match[str] | None:
    """``_LABEL.search(text, at - _LABEL_REACH, at)`` in a text whose labels all start a line:
    the first title (a line that is a label, at ``titles``) in reach above the colon's line,
    else the colon's line's own label (``own``, when its ``_LINE_LABEL`` was found)."""
    reach = max(0, at - _LABEL_REACH)
    line_start = text.rfind("\n", 0, at) + 1
    for title in titles:
        if reach <= title < line_start:
            return _LABEL.match(text, title, at)
    if line_start < reach:
        return None
    return own if own is not None else _LABEL.match(text, line_start, at)


def _by_line(text: str, matches: Iterator[re.Match[str]]) -> Iterator[list[Field]]:
    """The fields of ``key=value`` pairs, one record per line."""
    record: list[Field] = []
    line_end = -1
    for match in matches:
        field = _pair_field(match)
        if field is None:
            continue
        if match.start() > line_end and record:
            yield record
            record = []
        if not record:
            found = text.find("\n", match.start())
            line_end = len(text) if found < 0 else found
        record.append(field)
    if record:
        yield record


def _pair_field(match: re.Match[str]) -> Field | None:
    """The value of a JSON member or ``key=value`` pair, trimmed."""
    for group in ("value", "quoted", "number"):
        if group in match.re.groupindex and match.group(group) is not None:
            return _trimmed(match.group("key"), match.string, *match.span(group))
    return None


def _form_field(text: str, key: str, value: re.Match[str]) -> Field | None:
    """The value of a ``Label: value`` line, cut at a wide gap or a `` | ``.

    A label is a few words without digits or brackets (not ``[17:55] Lan`` of a chat).
    """
    if len(key.split()) > MAX_LABEL_WORDS or _NOT_LABEL.search(key) is not None:
        return None
    return _trimmed(key, text, *value.span("value"))


def _trimmed(key: str, text: str, start: int, end: int) -> Field | None:
    """The field with surrounding spaces and quotes removed from its value (None if empty)."""
    while start < end and text[start] in " \t\"'":
        start += 1
    while end > start and text[end - 1] in " \t\"',":
        end -= 1
    return Field(key.strip(), start, end) if end > start else None


# --- tables ---------------------------------------------------------------------------------


def table_rows(text: str) -> Iterator[list[Field]]:
    """Each data row of each delimited table in ``text``, its cells named by the header."""
    if "\n" not in text:
        return
    lines: list[tuple[int, int]] = []
    for delimiter in DELIMITERS:
        if not _may_hold_table(text, delimiter):
            continue
        lines = lines or _lines(text)
        cells = [_table_cells(text, start, end, delimiter) for start, end in lines]
        yield from _tables(text, cells)


def _may_hold_table(text: str, delimiter: str) -> bool:
    """Two neighbouring lines with the delimiter ``MIN_COLUMNS - 1`` times or more each; where
    no quotes can hide a delimiter, also a line above them that may be a header (no cell
    starting with a digit), with only Markdown rules between."""
    if text.count(delimiter) < 2 * (MIN_COLUMNS - 1):
        return False
    if _WIDE_LINES[delimiter].search(text) is None:
        return False
    return '"' in text or _HEADER_ABOVE_ROW[delimiter].search(text) is not None


def _wide_lines(delimiter: str) -> re.Pattern[str]:
    """Two neighbouring lines with ``delimiter`` ``MIN_COLUMNS - 1`` times or more each."""
    separator = re.escape(delimiter)
    cell = rf"[^\n{separator}]*{separator}"
    return re.compile(
        rf"{separator}(?:{cell}){{{MIN_COLUMNS - 2}}}[^\n]*\n(?:{cell}){{{MIN_COLUMNS - 1}}}"
    )


def _header_above_row(delimiter: str) -> re.Pattern[str]:
    """A line with ``delimiter`` ``MIN_COLUMNS - 1`` times or more and no cell starting with a
    digit, then lines of punctuation only (Markdown rules), then a line with as many."""
    separator = re.escape(delimiter)
    name = rf"(?![^\S\n{separator}]*\d)[^\n{separator}]*"
    row = rf"(?:[^\n{separator}]*{separator}){{{MIN_COLUMNS - 1}}}"
    return re.compile(
        rf"^{name}(?:{separator}{name}){{{MIN_COLUMNS - 1},}}\n(?:[^\n\w]*\n)*{row}", re.MULTILINE
    )


_WIDE_LINES = {delimiter: _wide_lines(delimiter) for delimiter in DELIMITERS}
_HEADER_ABOVE_ROW = {delimiter: _header_above_row(delimiter) for delimiter in DELIMITERS}


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    return spans


def _tables(text: str, cells: list[list[tuple[int, int]]]) -> Iterator[list[Field]]:
    """Rows under a header with as many cells, until a line with another count."""
    index = 0
    while index < len(cells):
        header = cells[index]
        if len(header) < MIN_COLUMNS or not _is_header(text, header):
            index += 1
            continue
        names = [text[start:end].strip() for start, end in header]
        row = index + 1
        while row < len(cells) and _is_rule(text, cells[row]):
            row += 1
        while row < len(cells) and (aligned := _aligned(text, cells[row], len(header))):
            yield [
                field
                for name, (start, end) in zip(names, aligned, strict=True)
                if (field := _trimmed(name, text, start, end)) is not None
            ]
            row += 1
        index = max(row, index + 1)


def _aligned(text: str, row: list[tuple[int, int]], width: int) -> list[tuple[int, int]] | None:
    """The row's cells under a header of ``width`` cells, or None when they do not fit.

    A hand-made CSV leaves the comma of ``Feb 26, 1982`` unquoted: two neighbouring cells
    that read as one date together are joined (at most ``MAX_JOINED`` per row).
    """
    if len(row) == width:
        return row
    if not width < len(row) <= width + MAX_JOINED:
        return None
    surplus = len(row) - width
    joined: list[tuple[int, int]] = []
    for start, end in row:
        if surplus and joined and _one_date(text, joined[-1][0], end):
            joined[-1] = (joined[-1][0], end)
            surplus -= 1
        else:
            joined.append((start, end))
    return joined if not surplus else None


def _one_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (two cells and their delimiter) is one date."""
    value = text[start:end].strip()
    return any(char.isalpha() for char in value) and parse_date(value) is not None


def _is_header(text: str, header: list[tuple[int, int]]) -> bool:
    """Short cells, at least one with a hint, none a number."""
    names = [text[start:end].strip() for start, end in header]
    if any(len(name) > MAX_HEADER_CELL or name[:1].isdigit() for name in names):
        return False
    return any(field_hints(name) or is_personal_key(name) for name in names if name)


def _is_rule(text: str, row: list[tuple[int, int]]) -> bool:
    """A Markdown separator row (``|---|---|``)."""
    line = text[row[0][0] : row[-1][1]] if row else ""
    return bool(line) and _MARKDOWN_RULE.fullmatch(line) is not None


def _table_cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """The ``_cells`` of a line that may be a table's header, row or rule: no cells for a line
    with fewer than ``MIN_COLUMNS - 1`` delimiters and no "---", which ends a table as its
    one or two cells would."""
    if text.count(delimiter, start, end) < MIN_COLUMNS - 1 and text.find("---", start, end) < 0:
        return []
    return _cells(text, start, end, delimiter)


def _cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """The cells of one line split at ``delimiter`` (CSV quotes kept together).

    A pipe table's outer pipes (``| a | b |``) open and close no cell.
    """
    line = text[start:end]
    if delimiter not in line:
        return []
    if delimiter == "|":
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            first = line.index("|")
            return _split(text, start + first + 1, start + line.rindex("|"), delimiter)
    return _split(text, start, end, delimiter)


def _split(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at ``delimiter``, outside double quotes."""
    segment = text[start:end]
    if '"' in segment:
        return [
            (start + m.start(), start + m.end()) for m in _QUOTED_CELLS[delimiter].finditer(segment)
        ]
    spans, cell_start = [], start
    for cell in segment.split(delimiter):
        spans.append((cell_start, cell_start + len(cell)))
        cell_start += len(cell) + 1
    return spans


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[StructuredFieldRecognizer]:
    """Return one recognizer per language."""
    return [StructuredFieldRecognizer(supported_language=language) for language in languages]
