"""Korean driver's licence numbers (운전면허번호).

Layout ``RR-YY-NNNNNN-CC``: a region code, the two-digit year of first issue, a six-digit
serial and two check digits (their formula is not published). Region codes are 11–26 and 28
(11 서울, 12 부산, 13 경기, 14 강원, 15 충북, 16 충남, 17 전북, 18 전남, 19 경북, 20 경남,
21 제주, 22 대구, 23 인천, 24 광주, 25 대전, 26 울산, 28 경기북부); licences issued since
2020 print the region's name instead (``서울 12-345678-90``).

The dashed layout with a valid region is distinctive and is reported alone; a bare run of 12
digits (or other separators) needs a context word (운전면허, driver's license, bằng lái).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.base import IDENTITY_WORDS, LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    edge_after,
    edge_before,
    starting_with,
)
from scanner.recognizers.trigger import Trigger

REGION_NAMES = (
    "서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남",
    "제주", "대구", "인천", "광주", "대전", "울산", "경기남부", "경기북부", "세종",
)  # fmt: skip
_CODE_CHARS = "0-9A-Za-z-"
_NOT_AFTER = f"[{_CODE_CHARS}]"
# a region code (11-19, 20-26, 28) not after a letter, digit or hyphen
_REGION_CODE = rf"(?:{starting_with('1', _NOT_AFTER)}[1-9]|{starting_with('2', _NOT_AFTER)}[0-68])"
_AFTER = r"(?![0-9A-Za-z]|-\d)"
_NAMES = "|".join(sorted(REGION_NAMES, key=len, reverse=True))

DASHED_SCORE = 0.6
NAMED_SCORE = 0.7
LOOSE_SCORE = 0.3


class KoreanDriverLicenseNumberRecognizer(FastPatternRecognizer):
    """Finds KR_DRIVER_LICENSE: dashed or region-named alone, other layouts with context."""

    ENTITY = "KR_DRIVER_LICENSE"
    PATTERNS = [
        Pattern(
            "KR_DRIVER_LICENSE (dashed)",
            rf"{_REGION_CODE}-\d{{2}}-\d{{6}}-\d{{2}}{_AFTER}",
            DASHED_SCORE,
        ),
        Pattern(
            "KR_DRIVER_LICENSE (region name)",
            rf"(?:{_NAMES})[ ]?\d{{2}}-\d{{6}}-\d{{2}}{_AFTER}",
            NAMED_SCORE,
        ),
        Pattern(
            "KR_DRIVER_LICENSE (bare or spaced)",
            rf"{_REGION_CODE}[ ]?\d{{2}}[ ]?\d{{6}}[ ]?\d{{2}}{_AFTER}",
            LOOSE_SCORE,
        ),
    ]
    # the three layouts without their look-arounds: a region code or name, then the year,
    # serial and check groups
    TRIGGER = Trigger(
        pattern=rf"(?:{edge_before(_CODE_CHARS)}(?:1[1-9]|2[0-68])"
        rf"(?:-\d\d-\d{{6}}-|[ ]?\d\d[ ]?\d{{6}}[ ]?)|(?:{_NAMES})[ ]?\d\d-\d{{6}}-)"
        rf"\d\d{edge_after('0-9A-Za-z')}"
    )
    CONTEXT = merge_words(
        ["운전면허", "면허번호", "운전면허증", "면허증"],
        ["bằng lái", "giấy phép lái xe"],
        ["driver's license", "driver license", "drivers license", "driving licence", "dl no"],
        *IDENTITY_WORDS,
    )


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[KoreanDriverLicenseNumberRecognizer]:
    """Return one recognizer per language."""
    return [
        KoreanDriverLicenseNumberRecognizer(supported_language=language) for language in languages
    ]
