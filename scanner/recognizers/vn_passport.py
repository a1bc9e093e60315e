"""Vietnamese passport numbers (số hộ chiếu): one letter and seven digits.

Ordinary passports are numbered B1234567 / C1234567 (and N…, P… in recent series); official
and diplomatic ones use other letters. ``C1234567`` is also a product or order code, so a
match is reported only with a context word in the window (hộ chiếu, passport, 여권).
Korean passports (letter + 8 digits) are KR_PASSPORT.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.base import IDENTITY_ANCHOR, IDENTITY_WORDS, LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    by_first_character,
    edge_after,
    edge_before,
    starting_with,
)
from scanner.recognizers.trigger import Trigger


class VietnamesePassportNumberRecognizer(FastPatternRecognizer):
    """Finds VN_PASSPORT: a letter and seven digits next to a passport context word."""

    ENTITY = "VN_PASSPORT"
    PATTERNS = [
        Pattern(
            "VN_PASSPORT (letter + 7 digits)",
            starting_with("[A-Z]", "[0-9A-Za-z-]") + r"\d{7}(?![0-9A-Za-z]|-[0-9A-Za-z])",
            0.45,
        ),
    ]
    CONTEXT = merge_words(
        ["여권", "여권번호", "여권 번호"],
        ["hộ chiếu", "số hộ chiếu", "hc số", "số hc", "so hc"],
        ["passport", "passport no", "passport number", "pp no", "pp#", "travel document"],
        *IDENTITY_WORDS,
    )
    CONTEXT_REQUIRED = True
    # each context word holds one of these
    ANCHOR = by_first_character(
        f"{IDENTITY_ANCHOR}|hc số|số hc|so hc|pp no|pp#|travel document".split("|")
    )
    ANCHOR_IGNORECASE = True
    # the number between its edges: rarer than the context words (which every match also needs)
    TRIGGER = Trigger(pattern=edge_before("0-9A-Za-z-") + r"[A-Z]\d{7}" + edge_after("0-9A-Za-z"))


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[VietnamesePassportNumberRecognizer]:
    """Return one recognizer per language."""
    return [
        VietnamesePassportNumberRecognizer(supported_language=language) for language in languages
    ]
