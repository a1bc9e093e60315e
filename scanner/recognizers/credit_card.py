"""Credit card numbers: Presidio's pattern and Luhn check, with ko/vi/en context words."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import CreditCardRecognizer as _Presidio

from scanner.recognizers.base import LANGUAGES, merge_words


class LuhnCreditCardRecognizer(_Presidio):
    """Finds CREDIT_CARD; Luhn-valid matches score 1.0, others are dropped."""

    CONTEXT = merge_words(
        ["카드", "카드번호", "신용카드", "체크카드"],
        ["thẻ tín dụng", "số thẻ"],
        ["credit", "card", "visa", "mastercard", "amex", "jcb"],
    )

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(context=list(self.CONTEXT), supported_language=supported_language)


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[LuhnCreditCardRecognizer]:
    """Return one recognizer per language."""
    return [LuhnCreditCardRecognizer(supported_language=language) for language in languages]
