"""A PatternRecognizer that matches with the standard ``re`` module and checks each match.

Presidio's PatternRecognizer matches with the ``regex`` module, case-insensitively, and builds
an explanation object per match. ``FastPatternRecognizer`` keeps Presidio's shape (PATTERNS,
CONTEXT, ``validate_result``) but compiles its patterns with ``re`` and only the flags the
recognizer asks for, and adds three hooks for identifiers that are ambiguous on their own:

- ``VALUE_GROUP``: a named group holding the value when the pattern also matches its label
  (``차트번호: (?P<value>...)``); the span reported is the group's.
- ``CONTEXT_REQUIRED``: a match without a context word in the window is dropped, whatever its
  score (an 11-digit run is a health-insurance number only next to 건강보험).
- ``ANCHOR``: a cheap regex that occurs in (or next to) every match, such as the labels'
  common words. When set, the patterns run only in windows around anchor hits
  (``ANCHOR_BEFORE`` characters before, ``ANCHOR_AFTER`` after), so a slow pattern (a long
  case-insensitive alternation of labels) costs little on text that has no label. With
  ``ANCHOR_IGNORECASE`` the anchor (lowercase words) matches in any case; it is then searched
  case-sensitively in the lowercased text, where ``re`` skips to the words' first letters.
  With ``ANCHOR_IN_TOKEN`` (for anchors and patterns that never match whitespace, such as
  URLs, whose look-arounds take a space as they take the text's edge) the window is instead
  the whitespace-free run of characters holding the hits: the patterns see the same text
  around every match, so they find the same matches.
  With ``ANCHOR_AT_START`` the anchor is where every match starts (a label alternation
  without its look-behinds): the patterns are tried only at the positions where the anchor
  matches, with ``match``, instead of scanning windows.
- ``check(text, start, end, score)``: a last look at the match in its surrounding text; it may
  move the span (trim punctuation), change the score, or drop the match (returns None).

``validate_result`` works as in Presidio: True gives ``VALIDATED_SCORE``, False drops the match,
None keeps the pattern's score. ``TRIGGER`` (trigger.py) lets the engine skip the recognizer on
texts that cannot hold a match. ``re`` scans fast only for patterns that start with a character
or a class; ``starting_with`` moves a leading boundary check behind the first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.base import DEFAULT_WINDOW, SelfLabelling, has_context, remove_duplicates
from scanner.recognizers.trigger import Trigger, plain_lowered

Span = tuple[int, int, float]


class FastPatternRecognizer(SelfLabelling, PatternRecognizer):
    """PatternRecognizer on ``re`` with value groups, required context and a span check."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    FLAGS: ClassVar[int] = 0
    VALUE_GROUP: ClassVar[str | None] = None
    CONTEXT_REQUIRED: ClassVar[bool] = False
    VALIDATED_SCORE: ClassVar[float] = EntityRecognizer.MAX_SCORE
    WINDOW: ClassVar[int] = DEFAULT_WINDOW
    ANCHOR: ClassVar[str | None] = None
    ANCHOR_BEFORE: ClassVar[int] = 40
    ANCHOR_AFTER: ClassVar[int] = 160
    ANCHOR_IGNORECASE: ClassVar[bool] = False
    ANCHOR_IN_TOKEN: ClassVar[bool] = False
    ANCHOR_AT_START: ClassVar[bool] = False
    TRIGGER: ClassVar[Trigger | None] = None

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (identifiers are language-independent)."""
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
            global_regex_flags=self.FLAGS,
        )
        self._compiled = [
            (pattern.score, re.compile(pattern.regex, self.FLAGS)) for pattern in self.PATTERNS
        ]
        folded = self.ANCHOR_IGNORECASE
        self._anchor = (
            re.compile(self.ANCHOR, re.IGNORECASE if folded else 0) if self.ANCHOR else None
        )
        self._lowered_anchor = re.compile(self.ANCHOR) if self.ANCHOR and folded else None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Match every pattern, validate and check each match, return Presidio results."""
        results: list[RecognizerResult] = []
        starts = self._starts(text) if self.ANCHOR_AT_START else None
        windows = self._windows(text) if self._anchor is not None and starts is None else None
        for score, compiled in self._compiled:
            found = (
                _matches(compiled, text, windows)
                if starts is None
                else matches_at(compiled, text, starts)
            )
            for match in found:
                start, end = match.span(self.VALUE_GROUP) if self.VALUE_GROUP else match.span()
                if start >= end:
                    continue
                span = self._score(text, start, end, self.match_score(match, score))
                if span is not None:
                    results.append(self._result(*span))
        if len(results) < 2:  # nothing to merge: remove_duplicates would return it as is
            return results
        return remove_duplicates(results)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Return merged ``[start, end)`` windows around every anchor hit."""
        anchor, searched = self._anchor_in(text)
        if self.ANCHOR_IN_TOKEN:
            return _tokens_holding(anchor, searched, text)
        windows: list[tuple[int, int]] = []
        for hit in anchor.finditer(searched):
            start = max(0, hit.start() - self.ANCHOR_BEFORE)
            end = min(len(text), hit.end() + self.ANCHOR_AFTER)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def _starts(self, text: str) -> list[int]:
        """Every position where the anchor matches (overlapping hits too), ascending."""
        anchor, searched = self._anchor_in(text)
        starts: list[int] = []
        while (hit := anchor.search(searched, starts[-1] + 1 if starts else 0)) is not None:
            starts.append(hit.start())
        return starts

    def _anchor_in(self, text: str) -> tuple[re.Pattern[str], str]:
        """The anchor and the text to search it in: a case-insensitive anchor is searched in
        the lowercased text when lowering keeps every position."""
        if self._lowered_anchor is not None:
            lowered = plain_lowered(text)
            if lowered is not None and len(lowered) == len(text):
                return self._lowered_anchor, lowered
        assert self._anchor is not None
        return self._anchor, text

    def _score(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Apply validate_result, the span check and required context to one match."""
        valid = self.validate_result(text[start:end])
        if valid is False:
            return None
        if valid:
            score = self.VALIDATED_SCORE
        checked = self.check(text, start, end, score)
        if checked is None:
            return None
        start, end, score = checked
        if self.CONTEXT_REQUIRED and not has_context(text, start, end, self.context, self.WINDOW):
            return None
        return (start, end, score) if score > EntityRecognizer.MIN_SCORE else None

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Look at the match in its text: return a (possibly moved) span and score, or None."""
        return start, end, score

    def match_score(self, match: re.Match[str], score: float) -> float:
        """A match's score before validation: its pattern's, unless the pattern stands for
        several layouts scored apart (a named group then tells which one matched)."""
        return score

    def validate_result(self, pattern_text: str) -> bool | None:
        """True: valid (full score); None: cannot tell (pattern score); False: invalid."""
        return None

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        """Build a RecognizerResult carrying this recognizer's name and id."""
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def _matches(
    compiled: re.Pattern[str], text: str, windows: list[tuple[int, int]] | None
) -> Iterator[re.Match[str]]:
    """Match over the whole text (``windows`` None), or only in the windows."""
    if windows is None:
        return compiled.finditer(text)
    return chain.from_iterable(compiled.finditer(text, start, end) for start, end in windows)


def _tokens_holding(anchor: re.Pattern[str], searched: str, text: str) -> list[tuple[int, int]]:
    """The whitespace-free runs of ``text`` that hold an anchor hit, in order.

    A hit holds no whitespace, so the hits after the first in a run add nothing: the search
    goes on from the run's end.
    """
    tokens: list[tuple[int, int]] = []
    position = 0
    while (hit := anchor.search(searched, position)) is not None:
        tokens.append(token_around(text, hit.start(), hit.end()))
        position = max(tokens[-1][1], hit.start() + 1)
    return tokens


_SPACE = re.compile(r"\s")


def token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whitespace-free run of characters holding ``text[start:end]``."""
    begin = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    while (other := _SPACE.search(text, begin, start)) is not None:  # rarer spaces (\t, U+3000)
        begin = other.end()
    space = _SPACE.search(text, end)
    return begin, len(text) if space is None else space.start()


def matches_at(compiled: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``finditer`` finds when matches can only start at ``starts``: the first match at
    or after the end of the previous one."""
    consumed = 0
    for start in starts:
        if start >= consumed and (match := compiled.match(text, start)) is not None:
            consumed = max(match.end(), start + 1)
            yield match


def starting_with(first: str, not_after: str) -> str:
    """``(?<!not_after)first`` written as ``first(?<!not_after first)``, for one-character parts.

    The same matches, but a pattern that starts with ``first`` (a character or a class) lets
    ``re`` skip to where that character occurs instead of trying every position.
    """
    return f"{first}(?<!{not_after}{first})"


def by_first_character(alternatives: Iterable[str], not_after: str = "") -> str:
    """The alternation of ``alternatives`` (each starting with a plain character) grouped by
    that character, in their order: ``P(?:atient|hysician)|D(?:octor)``.

    The same matches: alternatives with another first character cannot match where one does,
    so the first one that matches is the plain alternation's. But every group starts with a
    literal, so ``re`` only tries the positions holding a first character, and there one
    group only. ``not_after`` (a class such as ``\\w``) may not stand before a match; it is
    checked behind the first character (``starting_with``), keeping the literal first.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if re.escape(alternative[0]) != alternative[0]:
            raise ValueError(f"{alternative!r} does not start with a plain character")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(
        f"{starting_with(first, not_after) if not_after else first}(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


def edge_before(excluded: str) -> str:
    """A trigger's form of the look-behind ``(?<![excluded])``: the text's start or a
    character outside the class (Hyperscan takes no look-arounds)."""
    return f"(?:^|[^{excluded}])"


def edge_after(excluded: str) -> str:
    """A trigger's form of a look-ahead ``(?![excluded]...)``: a character outside the class
    or the text's end."""
    return f"(?:[^{excluded}]|$)"


_NOT_ASCII_DIGITS = re.compile("[^0-9]+")


def digits_of(text: str) -> str:
    """Return the ASCII digits of ``text``, in order."""
    return _NOT_ASCII_DIGITS.sub("", text)
