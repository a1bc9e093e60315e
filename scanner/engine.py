"""The detection engine: Presidio, offline, for Korean, Vietnamese and English text.

``Engine().analyze(text)`` guesses the language from the script, runs every recognizer
(identifiers are found in any language), and returns detections as character offsets into
``text``. Long texts are analysed in chunks whose offsets are mapped back.
``analyze_many(texts)`` gives each text the same analysis, running each recognizer over a
batch of texts before the next (faster on many short texts).

Fast path: Presidio's ``AnalyzerEngine.analyze`` is built and kept for its registry and
configuration, but each text is analysed by ``_run``, which does the same steps without the
generic per-call work: recognizers, supported entities and thresholds are resolved once per
language; the spaCy pipeline runs only when a recognizer reads tokens (NER with a configured
model — the pattern recognizers never look at ``NlpArtifacts``).
Results are the same as ``AnalyzerEngine.analyze``'s: recognizer order, the context
enhancer, per-recognizer thresholds and Presidio's duplicate removal are kept.

Prefilter: on short texts the cost was each recognizer scanning every text. A recognizer may
declare a ``TRIGGER`` (scanner.recognizers.trigger), a cheap regex every one of its matches
implies; the plan evaluates the triggers once per text and skips the recognizers whose trigger
did not fire. A recognizer without a trigger always runs; ``Engine(prefilter=False)`` runs
them all (the reference the tests compare against).

Thread safety: one Engine may be shared by worker threads. The only shared mutable state,
the spaCy pipelines, is guarded by a lock inside ``OfflineSpacyNlpEngine``; recognizers, the
context enhancer and the per-language plans built at construction keep no per-call state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from scanner.chunking import chunks, dedupe
from scanner.errors import DetectionError
from scanner.language import detect_language
from scanner.nlp import OfflineSpacyNlpEngine
from scanner.normalize import fold_width
from scanner.recognizers import default_recognizers
from scanner.recognizers.base import (
    DEFAULT_WINDOW,
    ContextWords,
    SelfLabelling,
    WindowContextEnhancer,
    context_words,
    remove_duplicates,
)
from scanner.recognizers.email import OFFLINE_TLD_EXTRACT
from scanner.recognizers.trigger import LOWERED_CACHE_SIZE, Prefilter, Trigger, plain_lowered

DEFAULT_SCORE_THRESHOLD = 0.5
DEFAULT_LANGUAGES: tuple[str, ...] = ("ko", "vi", "en")
DEFAULT_CHUNK_SIZE = 100_000
MIN_CHUNK_SIZE = 1_000
MAX_CHUNK_SIZE = 1_000_000  # spaCy's default nlp.max_length
DEFAULT_CONTEXT_WINDOW = DEFAULT_WINDOW
BATCH_PIECES = LOWERED_CACHE_SIZE // 2
BATCH_CHARS = 200_000
FALLBACK_LANGUAGE = "en"
UNDETERMINED = "und"
NER_ENTITIES = ["PERSON", "LOCATION"]
NER_LABELS_TO_IGNORE = [
    "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "PRODUCT", "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE", "FAC", "ORG", "ORGANIZATION", "NORP", "NRP",
    "DATE", "TIME", "MISC",
]  # fmt: skip


class Detection(NamedTuple):
    """One detected value: its type, character span in the analysed text, and confidence.

    A named tuple rather than a frozen dataclass: an engine builds thousands per second and
    a tuple is built four times faster; it is just as immutable.
    """

    entity_type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Analysis:
    """The result of analysing one text: its language and what was found in it."""

    language: str
    detections: list[Detection]


@dataclass(frozen=True)
class EngineSettings:
    """Tunables of the engine; every field has a ``DEFAULT_*`` constant."""

    score_threshold: float = DEFAULT_SCORE_THRESHOLD
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    spacy_models: Mapping[str, str] = field(default_factory=dict)
    chunk_size: int = DEFAULT_CHUNK_SIZE
    context_window: int = DEFAULT_CONTEXT_WINDOW

    def __post_init__(self) -> None:
        """Reject settings the engine cannot run with (DetectionError names the field)."""
        if not 0.0 <= self.score_threshold <= 1.0:
            raise DetectionError("score_threshold: must be between 0 and 1")
        if not self.languages:
            raise DetectionError("languages: at least one language is required")
        if not MIN_CHUNK_SIZE <= self.chunk_size <= MAX_CHUNK_SIZE:
            raise DetectionError(
                f"chunk_size: must be between {MIN_CHUNK_SIZE} and {MAX_CHUNK_SIZE} characters"
            )
        if self.context_window < 0:
            raise DetectionError("context_window: must not be negative")
        unknown = set(self.spacy_models) - set(self.languages)
        if unknown:
            raise DetectionError(f"spacy_models: languages not enabled: {sorted(unknown)}")


class Engine:
    """Finds personal data in text; build once, share between threads."""

    def __init__(self, settings: EngineSettings | None = None, *, prefilter: bool = True) -> None:
        """Load pipelines and recognizers for the configured languages (offline).

        ``prefilter`` False runs every recognizer on every text (the triggers' reference).
        """
        self.settings = settings or EngineSettings()
        self._prefilter = prefilter
        languages = self.settings.languages
        self._nlp = OfflineSpacyNlpEngine(languages, self.settings.spacy_models)
        self._nlp.ner_model_configuration = NerModelConfiguration(
            labels_to_ignore=NER_LABELS_TO_IGNORE
        )
        self._analyzer = AnalyzerEngine(
            registry=self._registry(),
            nlp_engine=self._nlp,
            supported_languages=list(languages),
            default_score_threshold=self.settings.score_threshold,
            context_aware_enhancer=WindowContextEnhancer(self.settings.context_window),
        )
        self._plans = {language: self._plan(language) for language in languages}
        OFFLINE_TLD_EXTRACT("warm@example.com")

    def _registry(self) -> RecognizerRegistry:
        """Build the registry: built-in recognizers, plus NER where a model is configured."""
        languages = self.settings.languages
        registry = RecognizerRegistry(
            recognizers=default_recognizers(languages), supported_languages=list(languages)
        )
        for language in self.settings.spacy_models:
            registry.add_recognizer(
                SpacyRecognizer(supported_language=language, supported_entities=NER_ENTITIES)
            )
        return registry

    def _plan(self, language: str) -> _Plan:
        """Resolve once what ``AnalyzerEngine.analyze`` looks up on every call."""
        recognizers = self._analyzer.registry.get_recognizers(language=language, all_fields=True)
        for recognizer in recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        return _Plan(
            recognizers=recognizers,
            steps=[(recognizer, _runner(recognizer)) for recognizer in recognizers],
            prefilter=Prefilter([_trigger(recognizer) for recognizer in recognizers]),
            entities=self._analyzer.get_supported_entities(language=language),
            needs_nlp=any(_reads_tokens(recognizer) for recognizer in recognizers),
            own_enhancers=any(_enhances(recognizer) for recognizer in recognizers),
            no_tokens=_no_tokens(self._nlp, language),
            thresholds={r.id: r.score_thresholds for r in recognizers if r.score_thresholds},
            self_labelled=frozenset(r for r in recognizers if isinstance(r, SelfLabelling)),
            context_words={
                rec.id: context_words(tuple(rec.context)) for rec in recognizers if rec.context
            },
        )

    @property
    def entity_types(self) -> frozenset[str]:
        """The entity types this engine can find."""
        return frozenset(self._analyzer.get_supported_entities())

    def analyze(self, text: str, language: str | None = None) -> Analysis:
        """Find personal data in ``text``; ``language`` None means detect it from the script.

        The recognizers read ``fold_width(text)`` (full-width digits and letters as ASCII, same
        length): offsets are into ``text``.
        """
        return self.analyze_many([text], language)[0]

    def analyze_many(self, texts: Iterable[str], language: str | None = None) -> list[Analysis]:
        """``analyze`` each text (same results), faster on many short texts.

        Each recognizer runs over a batch of texts before the next one starts, so its regexes
        and tables stay in the CPU's caches (run text by text, each recognizer found them
        evicted by the others: short texts took a third longer). A text that cannot be
        analysed fails the call (``DetectionError``); analyse texts one by one to isolate it.
        """
        prepared = [self._prepare(text, language) for text in texts]
        size = self.settings.chunk_size
        pieces = (  # lazily: a long text's chunks are not all held at once
            _Piece(index, offset, piece, pipeline)
            for index, (_, pipeline, text) in enumerate(prepared)
            for offset, piece in chunks(text, size)
            if piece.strip()
        )
        found: list[list[Detection]] = [[] for _ in prepared]
        for batch in _batches(pieces):
            for piece, results in zip(batch, self._run_batch(batch), strict=True):
                found[piece.text_index].extend(_detection(r, piece.offset) for r in results)
        return [
            Analysis(language=reported, detections=dedupe(detections))
            for (reported, _, _), detections in zip(prepared, found, strict=True)
        ]

    def _prepare(self, text: str, language: str | None) -> tuple[str, str, str]:
        """A text's reported language, its pipeline's language, and the text width-folded."""
        text = fold_width(text)
        reported = language or detect_language(text)
        pipeline = self._pipeline_language(reported, explicit=language is not None)
        return reported, pipeline, text

    def _pipeline_language(self, language: str, *, explicit: bool) -> str:
        """Map the text's language to an enabled pipeline (undetermined → a fallback)."""
        enabled = self.settings.languages
        if language in enabled:
            return language
        if explicit and language != UNDETERMINED:
            raise DetectionError(f"language {language!r} is not enabled")
        return FALLBACK_LANGUAGE if FALLBACK_LANGUAGE in enabled else enabled[0]

    def _run_batch(self, batch: list[_Piece]) -> list[list[RecognizerResult]]:
        """Each piece's results, as ``AnalyzerEngine.analyze`` gives them, Presidio's and
        spaCy's failures mapped to DetectionError (never echoing the text)."""
        try:
            return [
                self._finish(piece.text, results, artifacts, self._plans[piece.language])
                for piece, (results, artifacts) in zip(batch, self._recognize(batch), strict=True)
            ]
        except DetectionError:
            raise
        except Exception as exc:
            raise DetectionError(f"analysis failed ({type(exc).__name__})") from None

    def _recognize(self, batch: list[_Piece]) -> list[tuple[list[RecognizerResult], NlpArtifacts]]:
        """Every recognizer's results for each piece, in registry order (recognizer by
        recognizer over the pieces of each language), and the piece's NLP artifacts."""
        raw: dict[int, tuple[list[RecognizerResult], NlpArtifacts]] = {}
        by_language: dict[str, list[int]] = {}
        for index, piece in enumerate(batch):
            by_language.setdefault(piece.language, []).append(index)
        for language, indexes in by_language.items():
            plan = self._plans[language]
            texts = [batch[index].text for index in indexes]
            artifacts = [
                self._nlp.process_text(text, language) if plan.needs_nlp else plan.no_tokens
                for text in texts
            ]
            for index, tokens in zip(indexes, artifacts, strict=True):
                raw[index] = ([], tokens)
            every = [True] * len(plan.steps)
            gates = [plan.prefilter.gates(text) if self._prefilter else every for text in texts]
            for step, (recognizer, run) in enumerate(plan.steps):
                for index, text, tokens, gate in zip(indexes, texts, artifacts, gates, strict=True):
                    if not gate[step]:
                        continue
                    found = run(text, plan.entities, tokens)
                    if found:
                        if recognizer not in plan.self_labelled:
                            _add_recognizer_id(found, recognizer)
                        raw[index][0].extend(found)
        return [raw[index] for index in range(len(batch))]

    def _finish(
        self, text: str, results: list[RecognizerResult], artifacts: NlpArtifacts, plan: _Plan
    ) -> list[RecognizerResult]:
        """Context enhancement, thresholds and duplicate removal, as ``AnalyzerEngine``."""
        if plan.own_enhancers:
            results = _recognizer_enhancements(text, results, artifacts, plan.recognizers)
        if not results:  # nothing to enhance, filter or merge
            return results
        enhancer = self._analyzer.context_aware_enhancer
        if type(enhancer) is WindowContextEnhancer:
            _enhance_in_window(text, results, enhancer, plan.context_words)
        else:
            results = enhancer.enhance_using_context(
                text=text,
                raw_results=results,
                nlp_artifacts=artifacts,
                recognizers=plan.recognizers,
                context=None,
            )
        default = self._analyzer.default_score_threshold
        if plan.thresholds:
            results = [r for r in results if r.score >= _threshold(r, plan.thresholds, default)]
        else:
            results = [r for r in results if r.score >= default]
        return remove_duplicates(results)


Runner = Callable[[str, list[str], NlpArtifacts], list[RecognizerResult]]


class _Piece(NamedTuple):
    """A chunk of one of the texts given to ``analyze_many``, with its pipeline's language."""

    text_index: int
    offset: int
    text: str
    language: str


def _batches(pieces: Iterable[_Piece]) -> Iterator[list[_Piece]]:
    """Consecutive runs of at most ``BATCH_PIECES`` pieces and ``BATCH_CHARS`` characters
    (a longer piece alone): every piece of a batch stays in ``plain_lowered``'s cache."""
    batch: list[_Piece] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) == BATCH_PIECES or size + len(piece.text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece.text)
    if batch:
        yield batch


@dataclass(frozen=True)
class _Plan:
    """What one language's analysis runs: recognizers in registry order and their runners."""

    recognizers: list[EntityRecognizer]
    steps: list[tuple[EntityRecognizer, Runner]]
    prefilter: Prefilter
    entities: list[str]
    needs_nlp: bool
    own_enhancers: bool
    no_tokens: NlpArtifacts
    thresholds: Mapping[str, Mapping[str, float]]  # only recognizers that set their own
    context_words: Mapping[str, ContextWords]  # only recognizers that have context words
    self_labelled: frozenset[EntityRecognizer]  # they put their id and name on each result


def _runner(recognizer: EntityRecognizer) -> Runner:
    """The recognizer's ``analyze``."""
    return recognizer.analyze


def _trigger(recognizer: EntityRecognizer) -> Trigger | None:
    """The recognizer's ``TRIGGER`` (None: it runs on every text)."""
    trigger = getattr(recognizer, "TRIGGER", None)
    return trigger if isinstance(trigger, Trigger) else None


def _reads_tokens(recognizer: EntityRecognizer) -> bool:
    """Whether ``recognizer`` needs the spaCy pipeline's output (NER, tokens, lemmas)."""
    return isinstance(recognizer, SpacyRecognizer)


def _enhances(recognizer: EntityRecognizer) -> bool:
    """Whether ``recognizer`` has its own context enhancement (the base one is a no-op)."""
    return type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context


def _no_tokens(nlp: OfflineSpacyNlpEngine, language: str) -> NlpArtifacts:
    """Empty NLP artifacts (an empty Doc) for recognizers that never read them."""
    empty = nlp.nlp[language].make_doc("")  # type: ignore[index]  # Presidio types it None
    return NlpArtifacts(
        entities=[], tokens=empty, tokens_indices=[], lemmas=[], nlp_engine=nlp, language=language
    )


def _add_recognizer_id(results: list[RecognizerResult], recognizer: EntityRecognizer) -> None:
    """Give each result its recognizer's id and name, as AnalyzerEngine does."""
    for result in results:
        if not result.recognition_metadata:
            result.recognition_metadata = {}
        metadata = result.recognition_metadata
        metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
        metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, getattr(recognizer, "name", ""))


def _recognizer_enhancements(
    text: str,
    results: list[RecognizerResult],
    artifacts: NlpArtifacts,
    recognizers: list[EntityRecognizer],
) -> list[RecognizerResult]:
    """Each recognizer's own ``enhance_using_context``, grouped as AnalyzerEngine does."""
    key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
    enhanced: list[RecognizerResult] = []
    for recognizer in recognizers:
        own = [r for r in results if r.recognition_metadata[key] == recognizer.id]
        others = [r for r in results if r.recognition_metadata[key] != recognizer.id]
        enhanced.extend(
            recognizer.enhance_using_context(
                text=text,
                raw_recognizer_results=own,
                other_raw_recognizer_results=others,
                nlp_artifacts=artifacts,
                context=None,
            )  # fmt: skip
        )
    return enhanced


def _enhance_in_window(
    text: str,
    results: list[RecognizerResult],
    enhancer: WindowContextEnhancer,
    context: Mapping[str, ContextWords],
) -> None:
    """``WindowContextEnhancer.enhance_using_context`` (no request context), words compiled
    once per recognizer.

    Boosts in place, as the enhancer does; a result whose recognizer is unknown has no words.
    """
    key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
    plain = plain_lowered(text)
    ceiling, window = enhancer.MAX_SCORE, enhancer.window
    for result in results:
        if result.score >= ceiling:  # a boost could not raise it
            continue
        recognizer_id = (result.recognition_metadata or {}).get(key)
        words = context.get(recognizer_id) if isinstance(recognizer_id, str) else None
        if words is not None and words.found(text, result.start, result.end, window, plain):
            enhancer._boost(result)


def _threshold(
    result: RecognizerResult, thresholds: Mapping[str, Mapping[str, float]], default: float
) -> float:
    """The score a result needs: its recognizer's threshold for its type, else the default."""
    recognizer_id = (result.recognition_metadata or {}).get(
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
    )
    own = thresholds.get(recognizer_id) if isinstance(recognizer_id, str) else None
    if not own:
        return default
    value = own.get(result.entity_type, own.get("default"))
    return default if value is None else value


def _detection(result: RecognizerResult, offset: int) -> Detection:
    """Convert a Presidio result into a Detection shifted by ``offset``."""
    score = round(float(result.score), 4)
    return Detection(result.entity_type, result.start + offset, result.end + offset, score)
