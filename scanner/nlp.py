"""A Presidio NLP engine that never downloads: blank spaCy pipelines unless a model is named.

spaCy's blank Korean pipeline wants mecab-ko and its Vietnamese one wants pyvi; both are
configured here for spaCy's rule-based tokenizer instead. A model named in
``EngineSettings.spacy_models`` is loaded with ``spacy.load`` (an installed package or a
path); a missing model is a DetectionError, never a download.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language

from scanner.errors import DetectionError

BLANK_CONFIGS: Mapping[str, dict[str, Any]] = {
    "ko": {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}},
    "vi": {"nlp": {"tokenizer": {"use_pyvi": False}}},
}


def blank_pipeline(language: str) -> Language:
    """Return a blank spaCy pipeline for ``language`` that needs no extra package."""
    try:
        return spacy.blank(language, config=dict(BLANK_CONFIGS.get(language, {})))
    except (ImportError, ValueError, KeyError) as exc:
        raise DetectionError(f"no blank spaCy pipeline for language {language!r}") from exc


def load_model(name: str) -> Language:
    """Load an installed spaCy model (package name or path) without ever downloading."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise DetectionError(f"spaCy model {name!r} is not installed") from exc


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine holding blank pipelines (or named installed models), no downloads.

    spaCy pipelines are not documented as thread-safe, so ``process_text`` runs under a lock;
    everything else in an analysis (regexes, validation) runs concurrently.
    """

    def __init__(self, languages: tuple[str, ...], models: Mapping[str, str] | None = None) -> None:
        """Prepare pipelines for ``languages``; ``models`` maps a language to a model."""
        self.languages = languages
        self.model_names = dict(models or {})
        super().__init__(
            models=[
                {"lang_code": lang, "model_name": self.model_names.get(lang, f"blank:{lang}")}
                for lang in languages
            ]
        )
        self._lock = threading.Lock()

    def load(self) -> None:
        """Build every pipeline now: a named model or a blank pipeline."""
        pipelines: dict[str, Language] = {}
        for lang in self.languages:
            name = self.model_names.get(lang)
            pipelines[lang] = load_model(name) if name else blank_pipeline(lang)
        self.nlp = pipelines  # type: ignore[assignment]  # Presidio annotates it as None

    def has_model(self, language: str) -> bool:
        """Return True when ``language`` runs a named model (which may have NER)."""
        return language in self.model_names

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokenize (and tag, with a model) ``text`` under the engine's lock."""
        with self._lock:
            return super().process_text(text, language)
