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

import regex
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from scanner.recognizers.trigger import CASE_EXCEPTIONS

DEFAULT_WINDOW = 40
DEFAULT_AFTER = 8
CONTEXT_BOOST = 0.35
MIN_SCORE_WITH_CONTEXT = 0.4
LANGUAGES = ("ko", "vi", "en")
PREVIOUS_LINE_REACH = 160
_LINE_END = re.compile(r"[ \t.,;:)\]]*(?:\r?\n|$)")


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


@lru_cache(maxsize=256)
def lowered_context_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """``context_regex`` for lowercased text, or None when a word does not allow it.

    Case-sensitive, with each Latin word's boundary placed after its first letter, so every
    branch starts with a literal and ``re`` only tries the positions holding a first letter
    (the case-insensitive alternation is tried at every position).
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        lowered = word.strip().lower()
        if not lowered or len(lowered) != len(word.strip()):
            return None
        first, rest = re.escape(lowered[0]), re.escape(lowered[1:])
        parts.append(f"{first}(?<![a-z]{first}){rest}" if word[:1].isascii() else first + rest)
    return re.compile("|".join(parts)) if parts else None


class ContextWords:
    """One recognizer's context words, compiled once; ``found`` is :func:`has_context`."""

    def __init__(self, words: Sequence[str]) -> None:
        """Compile ``words`` for lowercased text (when they allow it) and for raw text."""
        key = tuple(words)
        self._lowered = lowered_context_regex(key)
        self._pattern = context_regex(key)

    def found(
        self, text: str, start: int, end: int, window: int, plain_lowered: str | None = None
    ) -> bool:
        """Whether a word occurs within ``window`` chars before ``text[start:end]`` (or just
        after it); ``plain_lowered`` as for :func:`has_context`."""
        low, high = window_start(text, start, end, window), end + DEFAULT_AFTER
        lowered = self._lowered
        if lowered is not None and plain_lowered is not None:
            return _found(lowered, plain_lowered[low:start], plain_lowered[end:high])
        before, after = text[low:start], text[end:high]
        if lowered is not None and CASE_EXCEPTIONS.search(before + after) is None:
            return _found(lowered, before.lower(), after.lower())
        pattern = self._pattern
        return pattern is not None and _found(pattern, before, after)


@lru_cache(maxsize=256)
def context_words(words: tuple[str, ...]) -> ContextWords:
    """The compiled :class:`ContextWords` of ``words`` (one per distinct tuple)."""
    return ContextWords(words)


def has_context(
    text: str,
    start: int,
    end: int,
    words: Sequence[str],
    window: int,
    plain_lowered: str | None = None,
) -> bool:
    """Return True when a context word occurs within ``window`` chars before the span.

    ``plain_lowered`` may pass ``text.lower()`` for a text without ``CASE_EXCEPTIONS`` (so it
    lowercases letter by letter), saving the lowering of each window.
    """
    return context_words(tuple(words)).found(text, start, end, window, plain_lowered)


def window_start(text: str, start: int, end: int, window: int) -> int:
    """Where the context window before ``text[start:end]`` begins.

    ``window`` characters back; for a value that ends its line, back to the start of the
    previous line too (up to ``PREVIOUS_LINE_REACH``): the label is often a line above (a
    form's "여권번호" over the number, a chat question answered by a bare number).
    """
    low = max(0, start - window)
    line = text.rfind("\n", low, start)
    if line < 0 or _LINE_END.match(text, end) is None:
        return low
    return max(0, start - PREVIOUS_LINE_REACH, text.rfind("\n", 0, line) + 1)


def _found(pattern: re.Pattern[str], before: str, after: str) -> bool:
    """Whether ``pattern`` occurs in either window."""
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


class SelfLabelling:
    """Marks a recognizer whose ``analyze`` puts its id and name in every result's metadata.

    The engine then skips labelling the results itself (``AnalyzerEngine`` always does).
    """


def remove_duplicates(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """``EntityRecognizer.remove_duplicates`` on plain keys: same results, same order.

    Presidio hashes each result through an f-string and sorts with Python key functions; the
    results differ only in (type, start, end, score), which is all a Detection keeps.
    """
    unique: dict[tuple[str, int, int, float], RecognizerResult] = {}
    for result in results:
        unique.setdefault((result.entity_type, result.start, result.end, result.score), result)
    kept = _uncontained(sorted(unique, key=_sweep_order))
    kept.sort(key=_result_order)
    return [unique[key] for key in kept]


def _uncontained(keys: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
    """The keys (sorted by ``_sweep_order``) with a score, not inside another of their type
    with a score at least as high."""
    kept: list[tuple[str, int, int, float]] = []
    active: list[tuple[str, int, int, float]] = []  # same type, still open at this start
    for key in keys:
        entity_type, start, end, score = key
        if score == 0:
            continue
        if active and active[0][0] != entity_type:
            active = []
        elif active:
            active = [other for other in active if other[2] >= start]
        # every active key starts at or before ``start`` (the sort): only its end and score
        if not any(end <= other[2] and score <= other[3] for other in active):
            kept.append(key)
            active.append(key)
    return kept


def _sweep_order(key: tuple[str, int, int, float]) -> tuple[str, int, int, float]:
    """Presidio's order for the sweep: by type, start, longer first, higher score first."""
    return key[0], key[1], key[1] - key[2], -key[3]


def _result_order(key: tuple[str, int, int, float]) -> tuple[float, int, int]:
    """Presidio's order of the kept results: higher score first, then start, longer first."""
    return -key[3], key[1], key[1] - key[2]


def analyze_patterns(
    recognizer: PatternRecognizer, text: str, flags: int | None = None
) -> list[RecognizerResult]:
    """``PatternRecognizer.analyze``: same ``regex`` matching, validation and scores.

    Presidio also builds an explanation object per match and times each pattern; the engine
    reads neither, and on short texts that bookkeeping cost more than the matching.
    """
    flags = flags or recognizer.global_regex_flags
    results: list[RecognizerResult] = []
    for pattern in recognizer.patterns:  # type: ignore[has-type]  # set in Presidio's __init__
        if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        try:
            for match in pattern.compiled_regex.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                results.append(pattern_result(recognizer, match, pattern.score))
        except TimeoutError:  # Presidio keeps what it found and skips the rest (with a warning)
            continue
    return remove_duplicates([r for r in results if r.score > EntityRecognizer.MIN_SCORE])


class LeanPatterns(SelfLabelling, PatternRecognizer):
    """A Presidio pattern recognizer analysed by :func:`analyze_patterns` (same results,
    none of the per-match explanation bookkeeping). Put it first among the bases."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's pattern analysis, without its per-match explanations."""
        return analyze_patterns(self, text, regex_flags)


def pattern_result(
    recognizer: PatternRecognizer, match: regex.Match[str] | re.Match[str], score: float
) -> RecognizerResult:
    """One match scored as Presidio does: validation sets the maximum or minimum score."""
    value = match.group()
    valid = recognizer.validate_result(value) if value else False
    if valid is not None:
        score = EntityRecognizer.MAX_SCORE if valid else EntityRecognizer.MIN_SCORE
    if recognizer.invalidate_result(value):
        score = EntityRecognizer.MIN_SCORE
    return RecognizerResult(
        entity_type=recognizer.supported_entities[0],
        start=match.start(),
        end=match.end(),
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,  # type: ignore[has-type]
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


# Words asking for or naming an identity document of any kind: a number of an identity
# document's shape next to them is someone's identity number, even when the words name
# another document (a chat asks for "passport or ID" and gets the ID card's number).
IDENTITY_WORDS = (
    ["신분증", "신분 확인", "여권", "외국인등록", "운전면허", "주민등록"],
    ["giấy tờ tùy thân", "hộ chiếu", "căn cước", "cccd", "cmnd", "định danh"]
    + ["giay to tuy than", "ho chieu", "can cuoc", "dinh danh"],  # typed without diacritics
    ["passport", "identity", "id card", "id number", "alien registration", "national id"],
)
IDENTITY_ANCHOR = (
    "신분|여권|외국인|면허|주민|giấy tờ|hộ chiếu|căn cước|cccd|cmnd|định danh|passport"
    "|giay to|ho chieu|can cuoc|dinh danh"
    "|identity|id card|id number|registration|national id"
)  # one of these occurs in every identity word


def merge_words(*groups: Iterable[str]) -> list[str]:
    """Concatenate context word groups (ko, vi, en) without duplicates, order kept."""
    return list(dict.fromkeys(word for group in groups for word in group))
