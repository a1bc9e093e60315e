"""Dates of birth: a valid date right after a birth-date label, or followed by 생 / 출생.

A date is personal data as a birth date, not as a visit date, so this recognizer finds dates
only where the text says they are birth dates: after 생년월일, 생일, 출생, ngày sinh, sinh ngày,
DOB, date of birth, born … with no digit and no line break between the label and the date
(so a later visit date in the same line is not taken), or directly before 생 / 출생
(``1985년 3월 5일생``). Written forms: ``1985-03-05``, ``1985.3.5``, ``1985/03/05``,
``19850305``, ``850305``, ``05/03/1985`` (day or month first), ``1985년 3월 5일``,
``ngày 5 tháng 3 năm 1985``, ``March 5, 1985``, ``5 March 1985``, ``05-Mar-1985``. The date
must exist and lie between 1900-01-01 and today. The reported span is the date alone.
"""

from __future__ import annotations

import re
from datetime import date

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEP = r"\s?[-./]\s?"
_END = r"(?!\d|[-./]\d)"
FORMATS = {
    "ymd": rf"(?P<y>(?:19|20)\d\d){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})",
    "ko": r"(?P<y>(?:19|20)\d\d)\s?년\s?(?P<m>\d{1,2})\s?월\s?(?P<d>\d{1,2})\s?일",
    "vi": r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+(?:năm\s+)?(?P<y>\d{4})",
    "dmy": rf"(?P<a>\d{{1,2}}){_SEP}(?P<b>\d{{1,2}}){_SEP}(?P<y>(?:19|20)\d\d)",
    "mdy_en": rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    "dmy_en": rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s-](?P<mon>{_MONTH})\.?,?[\s-](?P<y>\d{{4}})",
    "ymd8": r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)",
    "ymd6": r"(?P<yy>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)",
}
_PARSERS = [(name, re.compile(regex, re.IGNORECASE)) for name, regex in FORMATS.items()]
_ANY_DATE = "|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', r)})" for r in FORMATS.values())
_NUMERIC_DATE = "|".join(
    f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', FORMATS[k])})" for k in ("ko", "ymd", "ymd8", "ymd6")
)
LABELS = merge_words(
    ["생년월일", "생일", "출생일", "출생", "태어난"],
    ["ngày sinh", "sinh ngày", "ngày tháng năm sinh"],
    ["date of birth", "birth date", "birthdate", "d.o.b", "dob", "born"],
)
_LABEL = "|".join(
    rf"\b{re.escape(w)}" if w[0].isascii() else re.escape(w)
    for w in sorted(LABELS, key=len, reverse=True)
)
_KO_SUFFIX = r"\s?(?:출생|생)(?:이고|이며|이다|입니다|인|으로|의)?(?![가-힣])"
LABELLED_REGEX = rf"(?i:{_LABEL})[^\d\n]{{0,30}}?(?<![0-9A-Za-z])(?P<value>(?i:{_ANY_DATE})){_END}"
SUFFIXED_REGEX = rf"(?<![0-9A-Za-z.-])(?P<value>{_NUMERIC_DATE}){_END}{_KO_SUFFIX}"
FIRST_YEAR = 1900


def parse_date(value: str, today: date | None = None) -> date | None:
    """Return the birth date written in ``value`` if it exists and is plausible, else None."""
    today = today or date.today()
    for name, parser in _PARSERS:
        match = parser.fullmatch(value.strip())
        if match is None:
            continue
        for candidate in _candidates(name, match.groupdict(), today):
            if candidate is not None and date(FIRST_YEAR, 1, 1) <= candidate <= today:
                return candidate
    return None


def _candidates(name: str, parts: dict[str, str], today: date) -> list[date | None]:
    """Return the dates a matched format can mean (day-first and month-first for dmy)."""
    if name == "dmy":
        year, first, second = int(parts["y"]), int(parts["a"]), int(parts["b"])
        return [_date(year, second, first), _date(year, first, second)]
    if "mon" in parts:
        month = MONTHS[parts["mon"].lower()]
        return [_date(int(parts["y"]), month, int(parts["d"]))]
    if "yy" in parts:
        year = 2000 + int(parts["yy"])
        if year > today.year:
            year -= 100
        return [_date(year, int(parts["m"]), int(parts["d"]))]
    return [_date(int(parts["y"]), int(parts["m"]), int(parts["d"]))]


def _date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


class BirthDateRecognizer(FastPatternRecognizer):
    """Finds DATE_OF_BIRTH: a valid, plausible date right after a birth label (or 생)."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = [
        Pattern("DATE_OF_BIRTH (labelled)", LABELLED_REGEX, 0.85),
        Pattern("DATE_OF_BIRTH (Korean 생 suffix)", SUFFIXED_REGEX, 0.75),
    ]
    CONTEXT = LABELS
    VALUE_GROUP = "value"
    ANCHOR = r"생|태어난|(?i:sinh|birth|dob|d\.o\.b|born)"
    ANCHOR_BEFORE = 30  # "ngày tháng năm " before "sinh"; a date before "생"
    ANCHOR_AFTER = 90  # label rest, a gap of 30 and the date fit in this

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Keep the match when it is a real date between 1900 and today."""
        return (start, end, score) if parse_date(text[start:end]) else None


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[BirthDateRecognizer]:
    """Return one recognizer per language."""
    return [BirthDateRecognizer(supported_language=language) for language in languages]
