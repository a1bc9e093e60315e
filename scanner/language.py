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


def detect_language(text: str) -> str:
    """Return "ko", "vi", "en" or "und" for ``text`` judged by its script."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return "und"
    if len(_HANGUL.findall(sample)) / letters >= HANGUL_SHARE:
        return "ko"
    latin = len(_LATIN.findall(sample))
    if latin == 0 or latin / letters < 0.5:
        return "und"
    if len(_VIETNAMESE.findall(sample)) / latin >= VIETNAMESE_SHARE:
        return "vi"
    return "en"
