"""Credit card numbers: Presidio's pattern and Luhn check, with ko/vi/en context words.

A Luhn check passes one number in ten, so a 13-digit run is a card only when it can be one:
13-digit cards were only ever Visa (a leading 4), and a valid Korean RRN (13 digits, a birth
date and its own check digit) is read as the RRN it more likely is.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import CreditCardRecognizer as _Presidio

from scanner.recognizers.base import LANGUAGES, LeanPatterns, merge_words
from scanner.recognizers.fast_pattern import digits_of
from scanner.recognizers.kr_rrn import validate_rrn
from scanner.recognizers.trigger import Trigger

SHORT_CARD_DIGITS = 13


class LuhnCreditCardRecognizer(LeanPatterns, _Presidio):
    """Finds CREDIT_CARD; Luhn-valid matches score 1.0, others are dropped."""

    CONTEXT = merge_words(
        ["카드", "카드번호", "신용카드", "체크카드"],
        ["thẻ tín dụng", "số thẻ"],
        ["credit", "card", "visa", "mastercard", "amex", "jcb"],
    )
    # Presidio's pattern: 4 digits, then groups of 3-4, 3-4 and 3-5, each after [- ]?
    TRIGGER = Trigger(pattern=r"\d\d{3}[- ]?\d{3}\d?[- ]?\d{3}\d?[- ]?\d{3}")

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(context=list(self.CONTEXT), supported_language=supported_language)

    def validate_result(self, pattern_text: str) -> bool:
        """Luhn, and a 13-digit number must be a Visa that is not a valid RRN."""
        digits = digits_of(pattern_text)
        if len(digits) == SHORT_CARD_DIGITS and (digits[0] != "4" or validate_rrn(digits)):
            return False
        return bool(super().validate_result(pattern_text))


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[LuhnCreditCardRecognizer]:
    """Return one recognizer per language."""
    return [LuhnCreditCardRecognizer(supported_language=language) for language in languages]
