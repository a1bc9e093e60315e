"""Dates of birth: a valid date right after a birth-date label, or followed by 생 / 출생.

A date is personal data as a birth date, not as a visit date, so this recognizer finds dates
only where the text says they are birth dates: after 생년월일, 생일, 출생, ngày sinh, sinh ngày,
DOB, date of birth, born … with no digit and no line break between the label and the date
(so a later visit date in the same line is not taken) or at the start of the next line when the
label ends its own, or directly before 생 / 출생 (``1985년 3월 5일생``). Written forms:
``1985-03-05``, ``1985.3.5``, ``1985/03/05``, ``19850305``, ``850305``, ``05/03/1985`` (day
or month first), ``88.02.27`` (yy.mm.dd, or dd.mm.yy / mm.dd.yy), ``1985년 3월 5일``,
``ngày 5 tháng 3 năm 1985``, ``March 5, 1985``, ``5 March 1985``, ``05-Mar-1985``. A year
alone counts after a year-of-birth label (Năm sinh: 1985, 출생연도, year of birth) or before
년생 (1985년생). A date in brackets right after a patient's name (``Họ tên: Lê Minh Bình
(03-09-1969)``, ``Patient: Jane Doe (June 11, 1982)``) counts too when it is at least
``BRACKETED_MIN_AGE`` years old (a recent one is more likely a visit date). The date must
exist and lie between 1900-01-01 and today. The reported span is the date alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.base import LANGUAGES, merge_words, remove_duplicates
from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span
from scanner.recognizers.trigger import Trigger, plain_lowered

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
    "short": r"(?P<p>\d\d)[-./](?P<q>\d\d)[-./](?P<r>\d\d)",
    "ymd6": r"(?P<yy>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)",
}


def _ungrouped(regex: str) -> str:
    """``regex`` with its named groups made non-capturing."""
    return re.sub(r"[(][?]P<[a-z]+>", "(?:", regex)


_PARSERS = [(name, re.compile(regex, re.IGNORECASE)) for name, regex in FORMATS.items()]
_ANY_DATE = "|".join(f"(?:{_ungrouped(r)})" for r in FORMATS.values())
_NUMERIC_DATE = "|".join(f"(?:{_ungrouped(FORMATS[k])})" for k in ("ko", "ymd", "ymd8", "ymd6"))
LABELS = merge_words(
    ["생년월일", "생일", "출생일", "출생", "태어난", "생년"],
    ["ngày sinh", "sinh ngày", "ngày tháng năm sinh", "năm sinh", "sinh nhật", "ns"]
    + ["ngay sinh", "sinh ngay", "ngay thang nam sinh", "nam sinh", "sinh nhat"],  # unaccented
    ["date of birth", "birth date", "birthdate", "birthday", "d.o.b", "dob", "born"],
)
_LABEL = "|".join(
    rf"\b{re.escape(w)}(?![a-z])" if w[0].isascii() else re.escape(w)
    for w in sorted(LABELS, key=len, reverse=True)
)
_KO_SUFFIX = r"\s?(?:출생|생)(?:이고|이며|이다|입니다|인|으로|의)?(?![가-힣])"
# the date follows on the label's line, or starts the next line when the label ends its own
_GAP = r"(?:[^\d\n]{0,30}?|[ \t:：|]*\r?\n[ \t:：|]*)"
YEAR_LABELS = merge_words(
    ["출생연도", "출생년도", "출생 연도", "출생 년도"],
    ["năm sinh", "nam sinh"],
    ["year of birth", "birth year", "yob"],
)
_YEAR_LABEL = "|".join(re.escape(w) for w in sorted(YEAR_LABELS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_YEAR_ONLY = rf"{_YEAR}(?![\d.,/-]?\d)(?![ \t]*년)"
# one pattern per kind, each with one value group: a date after a birth label, or a year
# after a year-of-birth label (Năm sinh: 1985)
LABELLED_REGEX = (
    rf"(?:(?i:{_LABEL}){_GAP}(?<![0-9A-Za-z])(?=(?i:{_ANY_DATE}){_END})"
    rf"|(?i:{_YEAR_LABEL})[ \t]*(?:[:：][ \t]*)?(?={_YEAR_ONLY}))"
    rf"(?P<value>(?i:{_ANY_DATE})|{_YEAR}){_END}"
)
# where a labelled match may start: any label word, in the lowercased text (IGNORECASE agrees
# with it on a ``plain_lowered`` text) or, failing that, in the text itself
_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(LABELS + YEAR_LABELS, key=len, reverse=True))
_LOWERED_LABEL = re.compile(_LABEL_WORDS)
_ANY_CASE_LABEL = re.compile(_LABEL_WORDS, re.IGNORECASE)
_KO_SUFFIX_WORD = "생"  # in every suffixed match (생 or 출생)
# a date, or a year + 년, directly before 생 / 출생 (1985년 3월 5일생, 1985년생)
SUFFIXED_REGEX = (
    rf"(?<![0-9A-Za-z.,/-])(?P<value>(?:{_NUMERIC_DATE}){_END}(?={_KO_SUFFIX})"
    rf"|{_YEAR}(?=[ \t]*년{_KO_SUFFIX}))"
)
# "Patient: Name (date)": a date in brackets right after a patient's name is a birth date
_BRACKETED = re.compile(rf"\([ \t]*(?P<value>(?i:{_ANY_DATE})){_END}[ \t]*\)")
_PATIENT = (
    r"환자명|환자|수진자|성명|성함|이름|본인|họ và tên|họ tên|bệnh nhân|người bệnh|khách hàng|"
    r"patient(?:'s)?(?: name)?|full name|name|client"
)
_PATIENT_REACH = 60
_PATIENT_BEFORE = re.compile(
    rf"(?:{_PATIENT})[ \t]*[:：]?[ \t]*[^\n\d():：;,]{{1,40}}$", re.IGNORECASE
)
# what a bracketed date starts with: a digit, ngày or a month's name
_DATE_START = r"\d|ngày|" + "|".join(sorted({month[:3] for month in MONTHS}))
BRACKETED_SCORE = 0.75
BRACKETED_MIN_AGE = 10  # years: a recent date in brackets is more likely a visit date
FIRST_YEAR = 1900
_FIRST_DATE = date(FIRST_YEAR, 1, 1)


def parse_date(value: str, today: date | None = None) -> date | None:
    """Return the birth date written in ``value`` if it exists and is plausible, else None."""
    today = today or date.today()
    value = value.strip()
    for name, parser in _PARSERS:
        match = parser.fullmatch(value)
        if match is None:
            continue
        for candidate in _candidates(name, match.groupdict(), today):
            if candidate is not None and _FIRST_DATE <= candidate <= today:
                return candidate
    return None


def _candidates(name: str, parts: dict[str, str], today: date) -> list[date | None]:
    """Return the dates a matched format can mean (day-first and month-first for dmy)."""
    if name == "dmy":
        year, first, second = int(parts["y"]), int(parts["a"]), int(parts["b"])
        return [_date(year, second, first), _date(year, first, second)]
    if name == "short":  # yy.mm.dd (Korean), dd.mm.yy, mm.dd.yy: any reading that exists
        p, q, r = int(parts["p"]), int(parts["q"]), int(parts["r"])
        return [_date(_century(p, today), q, r), _date(_century(r, today), q, p),
                _date(_century(r, today), p, q)]  # fmt: skip
    if "mon" in parts:
        month = MONTHS[parts["mon"].lower()]
        return [_date(int(parts["y"]), month, int(parts["d"]))]
    if "yy" in parts:
        return [_date(_century(int(parts["yy"]), today), int(parts["m"]), int(parts["d"]))]
    return [_date(int(parts["y"]), int(parts["m"]), int(parts["d"]))]


def _century(yy: int, today: date) -> int:
    """Return the latest year ending in the two digits ``yy`` that is not after today."""
    year = 2000 + yy
    return year - 100 if year > today.year else year


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
    CONTEXT = merge_words(LABELS, YEAR_LABELS)
    VALUE_GROUP = "value"
    # \bns\b written to start with its letter: ``re`` then skips to the words' first letters
    ANCHOR = r"생|태어난|sinh|birth|dob|d\.o\.b|born|yob|n(?<!\wn)s\b"
    ANCHOR_IGNORECASE = True
    ANCHOR_BEFORE = 30  # "ngày tháng năm " before "sinh"; a date before "생"
    ANCHOR_AFTER = 90  # label rest, a gap of 30 and the date fit in this
    # the anchor words (Hyperscan takes no \b with Unicode classes), or a patient's label
    # shortly before a bracket opening a date
    TRIGGER = Trigger(
        lowered=r"생|태어난|sinh|birth|dob|d\.o\.b|born|yob|(?:^|[^a-z])ns(?:[^a-z]|$)"
        rf"|(?:{_PATIENT})[^\n]{{0,{_PATIENT_REACH}}}\([ \t]*(?:{_DATE_START})"
    )

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Keep the match when it is a real date (or a birth year) between 1900 and today."""
        value = text[start:end]
        if len(value) == 4 and value.isdigit():
            return (start, end, score) if FIRST_YEAR <= int(value) <= date.today().year else None
        return (start, end, score) if parse_date(value) else None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Labelled dates, plus a date in brackets right after a patient's name."""
        results = self._pattern_results(text)
        if "(" not in text:
            return results
        today = date.today()
        latest = _date(today.year - BRACKETED_MIN_AGE, today.month, min(today.day, 28))
        found = {(r.start, r.end) for r in results}
        for match in _BRACKETED.finditer(text):
            start, end = match.span("value")
            line_start = text.rfind("\n", 0, match.start()) + 1
            if (start, end) in found or not _PATIENT_BEFORE.search(
                text, max(line_start, match.start() - _PATIENT_REACH), match.start()
            ):
                continue
            born = parse_date(text[start:end], today)
            if born is not None and latest is not None and born <= latest:
                results.append(self._result(start, end, BRACKETED_SCORE))
        return results

    def _pattern_results(self, text: str) -> list[RecognizerResult]:
        """What ``FastPatternRecognizer.analyze`` finds, with less searching: the labelled
        pattern is tried only where a label word starts, the suffixed one only next to 생."""
        starts = _label_starts(text)
        suffixed_found = _KO_SUFFIX_WORD in text
        if not starts and not suffixed_found:
            return []
        windows = self._windows(text)
        (labelled_score, labelled), (suffixed_score, suffixed) = self._compiled
        found = [(labelled_score, match) for match in _matches_at(labelled, text, windows, starts)]
        if suffixed_found:
            found += [
                (suffixed_score, match)
                for start, end in windows
                for match in suffixed.finditer(text, start, end)
            ]
        results = []
        for score, match in found:
            start, end = match.span(self.VALUE_GROUP)
            if start < end and (span := self._score(text, start, end, score)) is not None:
                results.append(self._result(*span))
        return remove_duplicates(results) if len(results) > 1 else results


def _label_starts(text: str) -> list[int]:
    """Where a label word starts in ``text``, overlapping ones too, ascending."""
    lowered = plain_lowered(text)
    if lowered is not None and len(lowered) == len(text):
        words, searched = _LOWERED_LABEL, lowered
    else:
        words, searched = _ANY_CASE_LABEL, text
    starts: list[int] = []
    while (word := words.search(searched, starts[-1] + 1 if starts else 0)) is not None:
        starts.append(word.start())
    return starts


def _matches_at(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]], starts: list[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` in each window, for a pattern whose matches begin only at
    ``starts``: tried there alone, with ``match``, instead of at every position."""
    index = 0
    for window_start, window_end in windows:
        consumed = window_start
        while index < len(starts) and starts[index] < window_end:
            start = starts[index]
            index += 1
            if start >= consumed and (match := pattern.match(text, start, window_end)):
                consumed = match.end()
                yield match


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[BirthDateRecognizer]:
    """Return one recognizer per language."""
    return [BirthDateRecognizer(supported_language=language) for language in languages]
