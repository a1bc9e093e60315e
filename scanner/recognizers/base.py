"""Shared recognizer machinery: context words matched in a raw-text window.

Presidio matches context words against spaCy lemmas, which fails for Korean, where particles
are glued to words (``주민등록번호는``, ``연락처:``), and with blank pipelines that have no
lemmas. ``WindowContextEnhancer`` instead looks for each recognizer's ``context`` words as
substrings of the ``window`` characters before a match (and a few after). Latin words must
start at a word boundary, so "tel" does not fire inside "hotel"; Hangul and Vietnamese words
match anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

DEFAULT_WINDOW = 40
DEFAULT_AFTER = 8
CONTEXT_BOOST = 0.35
MIN_SCORE_WITH_CONTEXT = 0.4
LANGUAGES = ("ko", "vi", "en")


@lru_cache(maxsize=256)
def context_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile context words into one case-insensitive alternation (None when empty)."""
    if not words:
        return None
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word.strip())
        parts.append(rf"(?<![a-z]){escaped}" if word[:1].isascii() else escaped)
    return re.compile("|".join(parts), re.IGNORECASE)


def has_context(text: str, start: int, end: int, words: Sequence[str], window: int) -> bool:
    """Return True when a context word occurs within ``window`` chars before the span."""
    pattern = context_regex(tuple(words))
    if pattern is None:
        return False
    before = text[max(0, start - window) : start]
    after = text[end : end + DEFAULT_AFTER]
    return pattern.search(before) is not None or pattern.search(after) is not None


class WindowContextEnhancer(ContextAwareEnhancer):
    """Raises a result's score when its recognizer's context words are near it."""

    def __init__(self, window: int = DEFAULT_WINDOW) -> None:
        """Create an enhancer looking ``window`` characters before each match."""
        super().__init__(
            context_similarity_factor=CONTEXT_BOOST,
            min_score_with_context_similarity=MIN_SCORE_WITH_CONTEXT,
            context_prefix_count=0,
            context_suffix_count=0,
        )
        self.window = window

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Boost results whose recognizer context (or the request's) occurs in the window."""
        words_by_id = {
            rec.id: tuple(rec.context or ()) + tuple(context or ()) for rec in recognizers
        }
        for result in raw_results:
            words = words_by_id.get(_recognizer_id(result), tuple(context or ()))
            if has_context(text, result.start, result.end, words, self.window):
                self._boost(result)
        return raw_results

    def _boost(self, result: RecognizerResult) -> None:
        """Raise one result's score and record that context did it."""
        score = max(
            result.score + self.context_similarity_factor, self.min_score_with_context_similarity
        )
        result.score = min(score, self.MAX_SCORE)
        metadata = result.recognition_metadata or {}
        metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        result.recognition_metadata = metadata


def _recognizer_id(result: RecognizerResult) -> str | None:
    """Return the id of the recognizer that produced ``result``."""
    metadata = result.recognition_metadata or {}
    value = metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
    return value if isinstance(value, str) else None


def merge_words(*groups: Iterable[str]) -> list[str]:
    """Concatenate context word groups (ko, vi, en) without duplicates, order kept."""
    return list(dict.fromkeys(word for group in groups for word in group))
