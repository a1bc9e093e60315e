"""Korean passport numbers (여권번호).

Two layouts: the classic one letter + 8 digits (``M12345678``), and the one issued since
December 2021, letter + 3 digits + letter + 4 digits (``M123A4567``). The first letter is the
passport type: M (multiple), S (single), R (travel certificate / residence), G and O
(official), D (diplomatic); other letters are other countries' (China's E12345678). Neither
layout carries a check digit, and a letter followed by digits is also a product or order
code, so a bare match scores below the threshold and needs a context word (여권, passport,
hộ chiếu) to be reported.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.base import IDENTITY_WORDS, LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, starting_with
from scanner.recognizers.trigger import Trigger

_LETTER = starting_with("[MSRODG]", "[0-9A-Za-z-]")
_AFTER = r"(?![0-9A-Za-z]|-[0-9A-Za-z])"


class KoreanPassportNumberRecognizer(FastPatternRecognizer):
    """Finds KR_PASSPORT in both layouts; context (여권, passport) makes it reportable."""

    ENTITY = "KR_PASSPORT"
    PATTERNS = [
        Pattern("KR_PASSPORT (2021 layout)", rf"{_LETTER}\d{{3}}[A-Z]\d{{4}}{_AFTER}", 0.4),
        Pattern("KR_PASSPORT (classic)", rf"{_LETTER}\d{{8}}{_AFTER}", 0.4),
    ]
    CONTEXT = merge_words(
        ["여권", "여권번호", "여권 번호", "패스포트"],
        ["hộ chiếu", "số hộ chiếu"],
        ["passport", "passport no", "passport number"],
        *IDENTITY_WORDS,
    )
    TRIGGER = Trigger(pattern=r"[MSRODG]\d\d\d")


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[KoreanPassportNumberRecognizer]:
    """Return one recognizer per language."""
    return [KoreanPassportNumberRecognizer(supported_language=language) for language in languages]
