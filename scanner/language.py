"""Cheap, script-based language guess: Korean, Vietnamese, English or undetermined.

Counts characters, not words: a Hangul share above ``HANGUL_SHARE`` means Korean; Latin text
whose letters carry enough Vietnamese-only letters or tone marks means Vietnamese; other
Latin text is English; anything else (no letters, other scripts) is ``"und"``.
"""

from __future__ import annotations

import re
import unicodedata

HANGUL_SHARE = 0.2
VIETNAMESE_SHARE = 0.04
SAMPLE_CHARS = 100_000

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters that occur in Vietnamese but hardly in English: ă â đ ê ô ơ ư, the precomposed
# letters with tone marks of Latin Extended Additional (ả ạ ẫ ệ ...), and ã ĩ ũ õ ỳ ý.
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯãĩũõÃĨŨÕ\u1ea0-\u1ef9]")
# Counting by class tests every character against Unicode categories, slowly; instead, count
# what is not a letter: ASCII non-letters by range, and look up only the rare characters
# outside the ranges known to hold letters only (Hangul syllables, Latin letters).
_NOT_HANGUL = re.compile(r"[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
_NOT_LATIN = re.compile(r"[^A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_ASCII_NON_LETTERS = re.compile(r"[\x00-@\[-`{-\x7f]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
_COMMON_NON_LETTERS = " \n\t\r.,:;-/()0123456789"
_UNLISTED = re.compile(
    r"[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1ef9\uac00-\ud7a3]"
)


def detect_language(text: str) -> str:
    """Return "ko", "vi", "en" or "und" for ``text`` judged by its script."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    if sample.isascii():  # every letter Latin, none Vietnamese (a flag of the string: free)
        return "en" if _ASCII_LETTER.search(sample) else "und"
    hangul = _count(_NOT_HANGUL, sample)
    if sample and hangul >= HANGUL_SHARE * len(sample):
        return "ko"  # letters <= len(sample), so the Hangul share of letters is reached too
    latin = _count(_NOT_LATIN, sample)
    # Hangul and Latin letters are letters; common punctuation, spaces and digits are not.
    # The script follows from the letter count only through two thresholds, so when both
    # bounds give the same answer, counting the letters exactly would change nothing.
    script = _script(hangul, latin, hangul + latin)
    if script != _script(hangul, latin, len(sample) - _common_non_letters(sample)):
        script = _script(hangul, latin, _letters(sample))
    if script != "latin":
        return script
    return "vi" if len(_VIETNAMESE.findall(sample)) / latin >= VIETNAMESE_SHARE else "en"


def _script(hangul: int, latin: int, letters: int) -> str:
    """"ko", "und" or "latin" for texts with these counts of Hangul, Latin and all letters."""
    if letters == 0:
        return "und"
    if hangul / letters >= HANGUL_SHARE:
        return "ko"
    if latin == 0 or latin / letters < 0.5:
        return "und"
    return "latin"


def _common_non_letters(text: str) -> int:
    """How many characters of ``text`` are spaces, digits or common punctuation."""
    return sum(text.count(char) for char in _COMMON_NON_LETTERS)


def _count(complement: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs of ``complement`` leave."""
    return len(complement.sub("", text))


def _letters(text: str) -> int:
    """How many characters of ``text`` are letters (``[^\\W\\d_]``)."""
    unlisted = _UNLISTED.findall(text)
    non_letters = sum(1 for char in unlisted if _LETTER.match(char) is None)
    return _count(_ASCII_NON_LETTERS, text) - non_letters
