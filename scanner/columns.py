"""Classifying a database column from a sample of its values and its name.

The sampled values are joined into one text, with a separator no recognizer crosses, and
analysed once; each detection is mapped back to its value by offset, and one that crosses a
value boundary is dropped. Distinct values are analysed once and counted with their
multiplicity.

The column name is the context that a bare value lacks (``900101-1234567`` in an ``rrn``
column has no label next to it): each value of a column whose name strongly hints at an entity
is analysed behind that entity's label (``주민등록번호: 900101-1234567``), the way it would be
written in a document, so the recognizers' own context rules apply and validation still
decides (an ``rrn`` column of ``N/A`` gives nothing). Name hints come from
``recognizers/data/column_hints.txt`` (and files named in ``EXPUNGE_COLUMN_HINTS``).

A strong hint alone (no value detected) gives a low-confidence finding with source "name"
only for free-form entities (names, addresses, birth dates, clinical terms) whose values are
compatible; identifiers must be shown by their values. Checksummed identifiers found in only
a small share of same-shaped values (order numbers of which one in ten passes Luhn by chance)
are dropped.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from scanner.engine import Detection, Engine
from scanner.mask import mask
from scanner.recognizers.field_names import (
    PLACEHOLDERS,
    HintTable,
    hint_strengths,
    load_hints,
    name_hints,
    tokens,
)

__all__ = ["ColumnFinding", "HintTable", "classify_column", "load_hints", "name_hints", "tokens"]

SEPARATOR = "\n¶\n"
MAX_VALUE_CHARS = 20_000
MAX_COLUMN_CHARS = 300_000  # bounds the time a column of long free text takes
MAX_SAMPLE_CHARS = 64
DEFAULT_MIN_SHARE = 0.05
NAME_BONUS = 0.1
WEAK_NAME_BONUS = 0.05
NAME_ONLY_MIN_SHARE = 0.5
NAME_ONLY_CONFIDENCE = 0.4
NAME_AND_TYPE_CONFIDENCE = 0.6
DOMINANT_SHARE = 0.5
CHANCE_PASS_SHARE = 0.5
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 80
MAX_ADDRESS_CHARS = 300
MIN_BIRTH_YEAR = 1900

# Written before a value of a hinted column: one of each recognizer's context words.
LABELS: Mapping[str, str] = {
    "KR_RRN": "주민등록번호",
    "VN_NATIONAL_ID": "CCCD",
    "PERSON": "성명",
    "PHONE_NUMBER": "연락처",
    "EMAIL_ADDRESS": "이메일",
    "ADDRESS": "주소",
    "DATE_OF_BIRTH": "생년월일",
    "KR_PASSPORT": "여권번호",
    "VN_PASSPORT": "여권번호",
    "MEDICAL_RECORD_NUMBER": "차트번호",
    "MEDICAL_CONDITION": "진단",
    "MEDICAL_PROCEDURE": "시술",
    "MEDICATION": "처방",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "카드번호",
}
# A random number passes these checks often enough (1 in 10) to fill a share of an id column.
CHECKSUMMED = frozenset({"KR_RRN", "CREDIT_CARD", "KR_BRN", "IBAN_CODE"})

_NUMBER = re.compile(r"\d[\d-]*\d")
_DATE_LIKE = re.compile(
    r"(?P<y>\d{4})(?:[-./]\d{1,2}[-./]\d{1,2}(?:[T ][\d:.,+\-Z]*)?|\d{4})?"
    r"|\d{1,2}[-./]\d{1,2}[-./](?P<y2>\d{4})"
    r"|(?P<y3>\d{4})\s?년\s?\d{1,2}\s?월\s?\d{1,2}\s?일"
)
# What anonymization leaves: a redaction mark, a keyed pseudonym, a date cut to its year.
_DEIDENTIFIED = re.compile(r"(?:\[[A-Z_]+\]\s*)+|psn_[0-9a-f]{8,64}")
_GENERALIZED_DATE = re.compile(r"\d{4}-01-01(?:[T ]00:00(?::00)?)?")
_SOFT_TYPES = frozenset(
    {"PERSON", "ADDRESS", "DATE_OF_BIRTH", "MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"}
)
_DATE_SQL_TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class ColumnFinding:
    """One entity type found in a column's sample: how often, how sure, a masked sample."""

    entity_type: str
    count: int
    share: float
    confidence: float
    sample: str
    source: str


@dataclass(frozen=True)
class _Value:
    """One distinct sampled value as text, how many rows hold it, whether it was a date."""

    text: str
    rows: int
    is_date: bool


@dataclass
class _Tally:
    """What the values showed of one entity type."""

    rows: int = 0
    score_sum: float = 0.0
    best_score: float = -1.0
    best_span: str = ""


# --- values -------------------------------------------------------------------------------


def _as_text(value: object) -> str | None:
    """A sampled value as text; None for NULL, empty and binary values."""
    if value is None or isinstance(value, bytes | bytearray | memoryview):
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, date):  # datetime included
        text = value.isoformat()
    elif isinstance(value, dict | list | tuple):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = text.strip()[:MAX_VALUE_CHARS]
    return text or None


def _distinct(values: Sequence[object]) -> list[_Value]:
    """The distinct non-empty values with their row counts."""
    rows: Counter[str] = Counter()
    dates: set[str] = set()
    for value in values:
        text = _as_text(value)
        if text is None:
            continue
        rows[text] += 1
        if isinstance(value, date):
            dates.add(text)
    return [_Value(text, count, text in dates) for text, count in rows.items()]


def _within(values: list[_Value], max_chars: int) -> list[_Value]:
    """The first values whose text fits in ``max_chars`` characters (at least one)."""
    used = 0
    for index, value in enumerate(values):
        used += len(value.text)
        if used > max_chars and index:
            return values[:index]
    return values


def _detect(engine: Engine, values: list[_Value], prefix: str) -> list[dict[str, Detection]]:
    """Per value: entity type → its best detection (offsets relative to the value)."""
    pieces: list[str] = []
    starts: list[int] = []
    offset = 0
    for value in values:
        starts.append(offset + len(prefix))
        pieces.append(prefix + value.text)
        offset += len(prefix) + len(value.text) + len(SEPARATOR)
    text = SEPARATOR.join(pieces)
    found: list[dict[str, Detection]] = [{} for _ in values]
    for detection in engine.analyze(text).detections:
        index = bisect_right(starts, detection.start) - 1
        if index < 0 or detection.end > starts[index] + len(values[index].text):
            continue  # inside a label, or across a separator
        _keep_best(found[index], detection, starts[index])
    return found


def _keep_best(best: dict[str, Detection], detection: Detection, start: int) -> None:
    """Record ``detection`` (shifted to its value) if it beats that type's best so far."""
    current = best.get(detection.entity_type)
    if current is None or detection.score > current.score:
        best[detection.entity_type] = Detection(
            detection.entity_type, detection.start - start, detection.end - start, detection.score
        )


def _tally(values: list[_Value], found: list[dict[str, Detection]]) -> dict[str, _Tally]:
    """Sum, per entity type, the rows it was found in and the scores it was found with."""
    tallies: dict[str, _Tally] = {}
    for value, best in zip(values, found, strict=True):
        for entity, detection in best.items():
            tally = tallies.setdefault(entity, _Tally())
            tally.rows += value.rows
            tally.score_sum += detection.score * value.rows
            if detection.score > tally.best_score:
                tally.best_score = detection.score
                tally.best_span = value.text[detection.start : detection.end]
    return tallies


def _by_chance(entity: str, values: list[_Value], found: list[dict[str, Detection]]) -> bool:
    """Whether a checksummed type passed in too few of the values holding such a number.

    Candidates are values holding a number (digits and dashes) as long as a detected one:
    in a column of 13-digit order numbers about one in ten passes the RRN check by chance.
    """
    if entity not in CHECKSUMMED:
        return False
    lengths = {
        _digit_count(value.text[best[entity].start : best[entity].end])
        for value, best in zip(values, found, strict=True)
        if entity in best
    }
    candidates = passed = 0
    for value, best in zip(values, found, strict=True):
        if any(_digit_count(n) in lengths for n in _NUMBER.findall(value.text)):
            candidates += value.rows
            passed += value.rows if entity in best else 0
    return candidates > 0 and passed / candidates < CHANCE_PASS_SHARE


def _digit_count(text: str) -> int:
    """How many digits ``text`` holds."""
    return sum(char.isdigit() for char in text)


# --- compatibility of values with a name-only hint ---------------------------------------


def _year_of(text: str) -> int | None:
    """The year of a date-like value (``1988-02-27``, ``27/02/1988``, ``1988``), else None."""
    match = _DATE_LIKE.fullmatch(text)
    if match is None:
        return None
    return int(match.group("y") or match.group("y2") or match.group("y3"))


def _deidentified(text: str, strong: Sequence[str]) -> bool:
    """What anonymization left: a mark, a pseudonym; in a birth-date column, a date cut to
    its year (January 1st: real birthdays on that day are too few to tip a column)."""
    if _DEIDENTIFIED.fullmatch(text):
        return True
    return "DATE_OF_BIRTH" in strong and bool(_GENERALIZED_DATE.fullmatch(text))


def _compatible(entity: str, value: _Value) -> bool:
    """Whether ``value`` could be a value of ``entity`` though no recognizer found one."""
    text = value.text
    if text.lower() in PLACEHOLDERS or "@" in text or _DEIDENTIFIED.fullmatch(text):
        return False
    year = _year_of(text)
    if entity == "DATE_OF_BIRTH":
        plausible = year is not None and MIN_BIRTH_YEAR <= year <= date.today().year
        return plausible and not _GENERALIZED_DATE.fullmatch(text)
    if year is not None or value.is_date or not any(char.isalpha() for char in text):
        return False
    if entity == "PERSON":
        short = len(text) <= MAX_NAME_CHARS and len(text.split()) <= MAX_NAME_WORDS
        return short and _digit_count(text) == 0
    if entity == "ADDRESS":
        return len(text) <= MAX_ADDRESS_CHARS
    return True


# --- findings -----------------------------------------------------------------------------


def classify_column(
    engine: Engine,
    table: str,
    column: str,
    values: Sequence[object],
    sql_type: str | None = None,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    hints: HintTable | None = None,
    max_chars: int = MAX_COLUMN_CHARS,
) -> list[ColumnFinding]:
    """What a column holds, judged from sampled values and its name (most confident first).

    Counts and shares are over the values analysed: the distinct values, in sample order,
    until ``max_chars`` characters of text (at least one value).
    """
    distinct = _within(_distinct(values), max_chars)
    total = sum(value.rows for value in distinct)
    if not total:
        return []
    strengths = hint_strengths(column, table, hints)
    strong = sorted(e for e, is_strong in strengths.items() if is_strong)
    labels = list(dict.fromkeys(LABELS[e] for e in strong if e in LABELS))
    prefix = f"{' '.join(labels)}: " if labels else ""
    analysed = [v for v in distinct if not _deidentified(v.text, strong)]
    detected = dict(zip(map(id, analysed), _detect(engine, analysed, prefix), strict=True))
    found = [detected.get(id(v), {}) for v in distinct]  # de-identified values hold nothing
    tallies = _tally(distinct, found)
    findings = _value_findings(distinct, found, tallies, total, strengths, min_share)
    findings += _name_findings(distinct, tallies, total, strong, findings, sql_type)
    return sorted(findings, key=lambda f: (-f.confidence, -f.count, f.entity_type))


def _value_findings(
    values: list[_Value],
    found: list[dict[str, Detection]],
    tallies: Mapping[str, _Tally],
    total: int,
    strengths: Mapping[str, bool],
    min_share: float,
) -> list[ColumnFinding]:
    """Findings from the values: types detected in at least ``min_share`` of them."""
    findings = []
    for entity, tally in tallies.items():
        share = tally.rows / total
        if share < min_share or _by_chance(entity, values, found):
            continue
        hinted = entity in strengths
        bonus = (NAME_BONUS if strengths[entity] else WEAK_NAME_BONUS) if hinted else 0.0
        mean = tally.score_sum / tally.rows
        confidence = min(1.0, mean * (0.75 + 0.25 * share) + bonus)
        findings.append(
            ColumnFinding(
                entity_type=entity,
                count=tally.rows,
                share=round(share, 4),
                confidence=round(confidence, 4),
                sample=_masked(entity, tally.best_span),
                source="values+name" if hinted else "values",
            )
        )
    return findings


def _name_findings(
    values: list[_Value],
    tallies: Mapping[str, _Tally],
    total: int,
    strong: Sequence[str],
    reported: Sequence[ColumnFinding],
    sql_type: str | None,
) -> list[ColumnFinding]:
    """Findings from a strong name hint whose values are compatible though undetected."""
    if any(f.share >= DOMINANT_SHARE for f in reported):
        return []  # the values say what the column is
    done = {f.entity_type for f in reported}
    date_typed = any(t in (sql_type or "").upper() for t in _DATE_SQL_TYPES)
    findings = []
    for entity in strong:
        if entity in done or entity not in _SOFT_TYPES:
            continue
        fits = [v for v in values if _compatible(entity, v)]
        rows = sum(v.rows for v in fits)
        share = rows / total
        if share < NAME_ONLY_MIN_SHARE:
            continue
        typed = date_typed and entity == "DATE_OF_BIRTH"
        base = NAME_AND_TYPE_CONFIDENCE if typed else NAME_ONLY_CONFIDENCE
        tally = tallies.get(entity)
        sample = tally.best_span if tally else fits[0].text  # a detected span is the better one
        findings.append(
            ColumnFinding(entity, rows, round(share, 4), round(base * share, 4),
                          _masked(entity, sample), "name")
        )  # fmt: skip
    return findings


def _masked(entity: str, text: str) -> str:
    """The masked form of a (length-capped) sample value."""
    return mask(entity, text[:MAX_SAMPLE_CHARS])
