"""Credit card numbers: Presidio's pattern and Luhn check, with ko/vi/en context words.

A Luhn check passes one number in ten, so a 13-digit run is a card only when it can be one:
13-digit cards were only ever Visa (a leading 4), and a valid Korean RRN (13 digits, a birth
date and its own check digit) is read as the RRN it more likely is. Presidio's pattern
predates Mastercard's 2-series (2221–2720, issued since 2017); ours adds it.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer as _Presidio

from scanner.recognizers.base import LANGUAGES, LeanPatterns, merge_words
from scanner.recognizers.fast_pattern import digits_of, edge_after, edge_before
from scanner.recognizers.kr_rrn import validate_rrn
from scanner.recognizers.trigger import Trigger

SHORT_CARD_DIGITS = 13
_TWICE_DIGIT_SUM = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)  # the digit sum of twice each digit
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
    # the pattern without its look-ahead; a word boundary next to a digit is a non-word
    # character there, which is neither a digit nor an ASCII letter or underscore (Hyperscan
    # takes no \b with Unicode classes)
    TRIGGER = Trigger(
        pattern=edge_before(r"\dA-Za-z_")
        + r"(?:[13-46]\d|5[0-5]|2[2-7])\d\d[- ]?\d{3,4}[- ]?\d{3,4}[- ]?\d{3,5}"
        + edge_after(r"\dA-Za-z_")
    )

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
        return luhn_valid(EntityRecognizer.sanitize_value(pattern_text, self.replacement_pairs))


def luhn_valid(number: str) -> bool:
    """Presidio's Luhn check of a number's digits, without its string round trips."""
    digits = list(map(int, number))
    doubled = map(_TWICE_DIGIT_SUM.__getitem__, digits[-2::-2])
    return (sum(digits[-1::-2]) + sum(doubled)) % 10 == 0


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[LuhnCreditCardRecognizer]:
    """Return one recognizer per language."""
    return [LuhnCreditCardRecognizer(supported_language=language) for language in languages]
