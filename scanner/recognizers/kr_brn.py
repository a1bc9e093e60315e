"""Korean business registration numbers (사업자등록번호), checksum-validated.

Layout ``XXX-YY-ZZZZC``: a tax-office code, a two-digit kind code (01–99; 00 is never issued),
a serial and a check digit. With weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus
the tens of (ninth digit × 5), the check digit is ``(10 - total % 10) % 10``. The dashed layout
is reported alone when the checksum holds; a bare 10-digit run (also a phone number's length)
scores below the threshold and needs a context word (사업자, business registration).
"""

from __future__ import annotations

import re
from operator import mul

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    digits_of,
    edge_after,
    edge_before,
    starting_with,
)
from scanner.recognizers.trigger import Trigger

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_FIRST = starting_with(r"\d", "[0-9A-Za-z-]")
_AFTER = r"(?![0-9A-Za-z]|-\d)"
DASHED_SCORE = 0.7
BARE_SCORE = 0.3


def brn_check_digit(digits: str) -> int:
    """Return the check digit of a business registration number's first nine digits."""
    total: int = sum(map(mul, map(int, digits[:9]), WEIGHTS))
    total += int(digits[8]) * 5 // 10
    return (10 - total % 10) % 10


def validate_brn(value: str) -> bool:
    """True when ``value`` has 10 digits, a kind code other than 00 and a valid check digit."""
    digits = digits_of(value)
    if len(digits) != 10 or digits[3:5] == "00" or digits[:3] == "000":
        return False
    return brn_check_digit(digits) == int(digits[9])


class KoreanBusinessRegistrationRecognizer(FastPatternRecognizer):
    """Finds KR_BRN: checksum-valid; dashed alone, bare 10 digits only with context."""

    ENTITY = "KR_BRN"
    # the dashed and the bare layout in one pattern (one pass over the text): a hyphen or a
    # digit after the third tells them apart. Their matches overlap only across a digit other
    # than 0-9 (the edges exclude ASCII ones alone), and a match holding one fails the
    # checksum, which reads ten ASCII digits: the valid ones are found as in two passes.
    PATTERNS = [
        Pattern(
            "KR_BRN (dashed or bare)",
            rf"{_FIRST}\d{{2}}(?:(?P<dashed>-\d{{2}}-)|\d{{2}})\d{{5}}{_AFTER}",
            DASHED_SCORE,
        ),
    ]
    # a valid number is ten ASCII digits (the checksum reads them), its office code not 000
    # and its kind code not 00, between the patterns' edges
    TRIGGER = Trigger(
        pattern=edge_before("0-9A-Za-z-")
        + "(?:[1-9][0-9][0-9]|0[1-9][0-9]|00[1-9])-?(?:0[1-9]|[1-9][0-9])-?[0-9]{5}"
        + edge_after("0-9A-Za-z")
    )
    CONTEXT = merge_words(
        ["사업자등록번호", "사업자번호", "사업자", "사업자 등록번호"],
        ["mã số doanh nghiệp", "đăng ký kinh doanh", "đkkd", "mã số thuế", "mst"],
        [
            "business registration",
            "business reg",
            "brn",
            "business no",
            "company registration",
            "tax id",
        ],
    )

    def match_score(self, match: re.Match[str], score: float) -> float:
        """The dashed layout's score, or the bare one's."""
        return score if match.group("dashed") is not None else BARE_SCORE

    def validate_result(self, pattern_text: str) -> bool | None:
        """False when the checksum fails; None keeps the pattern's score."""
        return None if validate_brn(pattern_text) else False


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[KoreanBusinessRegistrationRecognizer]:
    """Return one recognizer per language."""
    return [
        KoreanBusinessRegistrationRecognizer(supported_language=language) for language in languages
    ]
