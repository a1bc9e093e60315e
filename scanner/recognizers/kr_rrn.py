"""Korean resident registration numbers (주민등록번호), foreigners' numbers included.

Layout ``YYMMDD-SNNNNNN``: a birth date, then S giving century and sex (1,2,5,6 → 1900s;
3,4,7,8 → 2000s; 9,0 → 1800s; 5–8 are foreigners' registration numbers, 외국인등록번호).
The last digit is a check digit over weights 2,3,4,5,6,7,8,9,2,3,4,5: ``(11 - sum % 11) % 10``
for citizens and ``(13 - sum % 11) % 10`` for foreigners. Numbers issued since the October
2020 reform carry no check digit, so for birth dates on or after 2020-10-01 a valid date is
all we can check: they are kept at the pattern's (lower) score instead of the full score.
A number written without a separator scores lower still: any 13-digit run has its shape.
"""

from __future__ import annotations

import re
from datetime import date
from operator import mul

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    edge_after,
    edge_before,
    starting_with,
)
from scanner.recognizers.trigger import Trigger

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
REFORM_DATE = date(2020, 10, 1)
CENTURY_BY_S = {1: 1900, 2: 1900, 5: 1900, 6: 1900, 3: 2000, 4: 2000, 7: 2000, 8: 2000}
FOREIGNER_S = frozenset({5, 6, 7, 8})

# the birth date, its first digit not after a digit or a hyphen
_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_DATE = starting_with(r"\d", r"[\d-]") + rf"\d{_MONTH_DAY}"
_EDGE_AFTER = r"(?!\d|-\d)"
_SEPARATOR = "(?: ?[-\u2010-\u2013] ?| )"  # hyphen or dash, maybe spaced (``900101 - 1234567``)
SEPARATED_SCORE = 0.6
BARE_SCORE = 0.4


def check_digit(digits: str) -> int:
    """Return the expected check digit of a 13-digit number (citizen or foreigner formula)."""
    total: int = sum(map(mul, map(int, digits[:12]), WEIGHTS))
    base = 13 if int(digits[6]) in FOREIGNER_S else 11
    return (base - total % 11) % 10


def birth_date(digits: str) -> date | None:
    """Return the birth date encoded in a 13-digit number, or None if impossible."""
    century = CENTURY_BY_S.get(int(digits[6]), 1800)
    try:
        return date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None


def validate_rrn(text: str) -> bool | None:
    """True: checksum holds; None: post-reform number (no checksum); False: invalid."""
    digits = "".join(filter(str.isdigit, text))
    if len(digits) != 13:
        return False
    born = birth_date(digits)
    if born is None:
        return False
    if born >= REFORM_DATE:
        return None
    return check_digit(digits) == int(digits[12])


class KoreanRrnRecognizer(FastPatternRecognizer):
    """Finds KR_RRN: date-checked, checksum-checked where the number carries one."""

    ENTITY = "KR_RRN"
    # the separated and the bare layout in one pattern (one pass over the text): the
    # separator tells them apart, so both cannot match at one start, and their matches never
    # overlap (each is whole runs of digits: six and seven, or thirteen)
    PATTERNS = [
        Pattern(
            "KR_RRN (separated or bare)",
            rf"{_DATE}(?P<separator>{_SEPARATOR})?\d{{7}}{_EDGE_AFTER}",
            SEPARATED_SCORE,
        ),
    ]
    CONTEXT = merge_words(
        ["주민등록번호", "주민번호", "외국인등록번호", "외국인번호", "생년월일"],
        ["số đăng ký cư trú", "mã số cá nhân"],
        ["rrn", "resident registration", "alien registration", "ssn", "id no"],
    )
    # the pattern without its look-arounds
    TRIGGER = Trigger(
        pattern=edge_before(r"\d-") + rf"\d\d{_MONTH_DAY}{_SEPARATOR}?\d{{7}}" + edge_after(r"\d")
    )

    def match_score(self, match: re.Match[str], score: float) -> float:
        """The separated layout's score, or the bare one's."""
        return score if match.group("separator") is not None else BARE_SCORE

    def validate_result(self, pattern_text: str) -> bool | None:
        """Check birth date and (before the 2020 reform) the check digit."""
        return validate_rrn(pattern_text)


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[KoreanRrnRecognizer]:
    """Return one recognizer per language."""
    return [KoreanRrnRecognizer(supported_language=language) for language in languages]
