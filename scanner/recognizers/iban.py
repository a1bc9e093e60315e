"""International bank account numbers (IBAN), validated by length per country and mod 97.

An IBAN is a country code, two check digits and a national account number, written bare or in
groups of four (``DE89 3704 0044 0532 0130 00``). The candidate pattern may run into the
next word (``... 0130 00 BIC``), so each candidate is cut at its country's registered length,
which must end at a group boundary, and the result must satisfy ISO 7064 mod 97-10.
Korea and Vietnam do not use IBANs; clinic records meet them on foreign patients' invoices.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span, edge_before, starting_with
from scanner.recognizers.trigger import Trigger

LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def iban_valid(compact: str) -> bool:
    """True when ``compact`` (no spaces) has its country's length and passes mod 97."""
    if LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


class IbanCodeRecognizer(FastPatternRecognizer):
    """Finds IBAN_CODE: cut at the country's length, mod-97 valid (then full score)."""

    ENTITY = "IBAN_CODE"
    PATTERNS = [
        Pattern(
            "IBAN (bare or grouped)",
            starting_with("[A-Z]", "[0-9A-Za-z]") + r"[A-Z]\d{2}(?:[ ]?[0-9A-Z]){10,30}",
            0.5,
        ),
    ]
    # a country's code and check digits, then at least the shortest account number
    TRIGGER = Trigger(
        pattern=edge_before("0-9A-Za-z")
        + rf"[A-Z][A-Z]\d\d(?:[ ]?[0-9A-Z]){{{min(LENGTHS.values()) - 4}}}"
    )
    CONTEXT = merge_words(
        ["계좌", "계좌번호", "은행", "송금"],
        ["số tài khoản", "tài khoản", "ngân hàng", "chuyển khoản"],
        ["iban", "bank account", "account", "wire", "transfer"],
    )

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Cut the candidate at its country's length and validate it."""
        length = LENGTHS.get(text[start : start + 2])
        if length is None:
            return None
        count = 0
        for index in range(start, end):
            if text[index] != " ":
                count += 1
            if count == length:
                cut = index + 1
                break
        else:
            return None
        if cut < len(text) and text[cut].isascii() and text[cut].isalnum():
            return None
        if not iban_valid(text[start:cut].replace(" ", "")):
            return None
        return start, cut, self.VALIDATED_SCORE


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[IbanCodeRecognizer]:
    """Return one recognizer per language."""
    return [IbanCodeRecognizer(supported_language=language) for language in languages]
