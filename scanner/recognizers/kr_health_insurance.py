"""Korean National Health Insurance card numbers (건강보험증 번호).

The number is 11 digits, written bare or with dashes or spaces. Nothing in it can be checked
and 11-digit runs are everywhere (mobile numbers, order numbers), so a match is reported only
with a context word in the window (건강보험증, 보험증번호, health insurance); runs written like
a phone number (leading 0 in 0XX-XXXX-XXXX grouping, or starting with a mobile prefix 01X)
are not taken.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    Span,
    digits_of,
    starting_with,
)
from scanner.recognizers.trigger import Trigger

_PHONE_LIKE = re.compile(r"0\d{1,2}[- ]\d{3,4}[- ]\d{4}|01[016789]\d{8}")


class KoreanHealthInsuranceNumberRecognizer(FastPatternRecognizer):
    """Finds KR_HEALTH_INSURANCE: 11 digits, only next to a health-insurance context word."""

    ENTITY = "KR_HEALTH_INSURANCE"
    PATTERNS = [
        Pattern(
            "KR_HEALTH_INSURANCE (11 digits)",
            starting_with(r"\d", "[0-9A-Za-z-]") + r"(?:[- ]?\d){10}(?![0-9A-Za-z]|-\d)",
            0.45,
        ),
    ]
    CONTEXT = merge_words(
        ["건강보험증", "건강보험", "보험증번호", "보험증 번호", "건보", "의료보험", "피보험자"],
        ["thẻ bảo hiểm y tế", "bảo hiểm y tế", "số thẻ bảo hiểm", "bhyt", "thẻ bhyt"],
        ["health insurance", "nhis", "insurance card", "insurance no", "insured number"],
    )
    CONTEXT_REQUIRED = True
    ANCHOR = "보험|건보|insur|nhis|bảo hiểm|bhyt"  # every context word contains one
    ANCHOR_IGNORECASE = True
    TRIGGER = Trigger(lowered=ANCHOR)

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Reject runs that are written like phone numbers; need exactly 11 digits."""
        value = text[start:end]
        if len(digits_of(value)) != 11 or _PHONE_LIKE.fullmatch(value):
            return None
        return start, end, score


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[KoreanHealthInsuranceNumberRecognizer]:
    """Return one recognizer per language."""
    return [
        KoreanHealthInsuranceNumberRecognizer(supported_language=language) for language in languages
    ]
