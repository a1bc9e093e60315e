"""Credit card numbers: Presidio's pattern and Luhn check, with ko/vi/en context words.

A Luhn check passes one number in ten, so a 13-digit run is a card only when it can be one:
13-digit cards were only ever Visa (a leading 4), and a valid Korean RRN (13 digits, a birth
date and its own check digit) is read as the RRN it more likely is. Presidio's pattern
predates Mastercard's 2-series (2221–2720, issued since 2017); ours adds it.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer as _Presidio

from scanner.recognizers.base import LANGUAGES, LeanPatterns, merge_words
from scanner.recognizers.fast_pattern import digits_of
from scanner.recognizers.kr_rrn import validate_rrn
from scanner.recognizers.trigger import Trigger

SHORT_CARD_DIGITS = 13
MASTERCARD_2_SERIES = range(2221, 2721)
# Presidio's pattern with Mastercard's 2-series as a sixth leading group
CARD_REGEX = (
    r"\b(?!1\d{12}(?!\d))((4\d{3})|(5[0-5]\d{2})|(6\d{3})|(1\d{3})|(3\d{3})|(2[2-7]\d{2}))"
    r"[- ]?(\d{3,4})[- ]?(\d{3,4})[- ]?(\d{3,5})\b"
)


class LuhnCreditCardRecognizer(LeanPatterns, _Presidio):
    """Finds CREDIT_CARD; Luhn-valid matches score 1.0, others are dropped."""

    CONTEXT = merge_words(
        ["카드", "카드번호", "신용카드", "체크카드"],
        ["thẻ tín dụng", "số thẻ"],
        ["credit", "card", "visa", "mastercard", "amex", "jcb"],
    )
    # Presidio's pattern: 4 digits, then groups of 3-4, 3-4 and 3-5, each after [- ]?
    TRIGGER = Trigger(pattern=r"\d\d{3}[- ]?\d{3}\d?[- ]?\d{3}\d?[- ]?\d{3}")

    PATTERNS = [Pattern("All Credit Cards (weak)", CARD_REGEX, 0.3)]

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Luhn; a 13-digit number must be a Visa that is not a valid RRN; a number starting
        with 2 must be in Mastercard's 2-series."""
        digits = digits_of(pattern_text)
        if len(digits) == SHORT_CARD_DIGITS and (digits[0] != "4" or validate_rrn(digits)):
            return False
        if digits[0] == "2" and int(digits[:4]) not in MASTERCARD_2_SERIES:
            return False
        return bool(super().validate_result(pattern_text))


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[LuhnCreditCardRecognizer]:
    """Return one recognizer per language."""
    return [LuhnCreditCardRecognizer(supported_language=language) for language in languages]
