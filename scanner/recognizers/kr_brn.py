"""Korean business registration numbers (사업자등록번호), checksum-validated.

Layout ``XXX-YY-ZZZZC``: a tax-office code, a two-digit kind code (01–99; 00 is never issued),
a serial and a check digit. With weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus
the tens of (ninth digit × 5), the check digit is ``(10 - total % 10) % 10``. The dashed layout
is reported alone when the checksum holds; a bare 10-digit run (also a phone number's length)
scores below the threshold and needs a context word (사업자, business registration).
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, digits_of, starting_with
from scanner.recognizers.trigger import Trigger

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_FIRST = starting_with(r"\d", "[0-9A-Za-z-]")
_AFTER = r"(?![0-9A-Za-z]|-\d)"


def brn_check_digit(digits: str) -> int:
    """Return the check digit of a business registration number's first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], WEIGHTS, strict=True))
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
    PATTERNS = [
        Pattern("KR_BRN (dashed)", rf"{_FIRST}\d{{2}}-\d{{2}}-\d{{5}}{_AFTER}", 0.7),
        Pattern("KR_BRN (bare)", rf"{_FIRST}\d{{9}}{_AFTER}", 0.3),
    ]
    TRIGGER = Trigger(pattern=r"\d\d\d-?\d\d-?\d{5}")
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
