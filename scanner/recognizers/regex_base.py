"""A recognizer base for whole-text compiled regexes that score each match in Python.

Subclasses compile one alternation per recognizer (so the text is scanned once at C speed)
and implement ``candidates(text)`` yielding ``(start, end, score)``; Python-level work only
happens around the few matches. Results carry the recognizer's name and id, as Presidio's
own pattern recognizers do, so ``WindowContextEnhancer`` can boost them by ``context``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.base import SelfLabelling
from scanner.recognizers.trigger import Trigger


def split_words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


def load_words(name: str) -> frozenset[str]:
    """Read ``data/<name>``: whitespace-separated entries, ``#`` starts a comment."""
    text = resources.files("scanner.recognizers").joinpath("data", name).read_text("utf-8")
    return frozenset(word for line in text.splitlines() for word in line.split("#", 1)[0].split())


def after_capitalised_word(text: str, start: int) -> bool:
    """Whether ``text[start]`` follows a capitalised word and one space: the run starting
    there continues a longer name ("Lạc Long Quân", "Mai Anh") rather than starting one."""
    if start < 2 or text[start - 1] != " ":
        return False
    word_start = start - 1
    while word_start and text[word_start - 1].isalpha():
        word_start -= 1
    return word_start < start - 1 and text[word_start].isupper()


class RegexEntityRecognizer(SelfLabelling, EntityRecognizer):
    """Base: ``candidates`` finds spans and scores them; ``analyze`` wraps them as results."""

    ENTITY = ""
    TRIGGER: Trigger | None = None
    name: str

    def __init__(self, supported_language: str = "en", context: list[str] | None = None) -> None:
        """Create the recognizer for one language."""
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            context=context or [],
        )

    def load(self) -> None:
        """Nothing to load: patterns are compiled at import time."""

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield ``(start, end, score)`` for every match in ``text``."""
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Return this recognizer's results over ``text`` (empty if its entity is not asked)."""
        if entities and self.ENTITY not in entities:
            return []
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        return [
            RecognizerResult(self.ENTITY, start, end, score, recognition_metadata=dict(metadata))
            for start, end, score in self.candidates(text)
        ]
