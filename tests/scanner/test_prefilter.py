"""Prefilter: recognizers run only where their trigger fires, with the same results."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern

from bench.corpus import generate
from scanner.engine import Engine, EngineSettings, _trigger
from scanner.recognizers import default_recognizers
from scanner.recognizers.email import OfflineEmailRecognizer
from scanner.recognizers.fast_pattern import FastPatternRecognizer
from scanner.recognizers.medical import MedicalTermRecognizer
from scanner.recognizers.trigger import Prefilter, Trigger


class _NoTrigger(FastPatternRecognizer):
    ENTITY = "TEST_CODE"
    PATTERNS = [Pattern("code", r"\d{4}", 0.6)]


def test_gates_follow_triggers_and_a_recognizer_without_one_always_runs() -> None:
    prefilter = Prefilter([None, Trigger(pattern="@"), Trigger(lowered="passport"), None])
    assert prefilter.gates("nothing here") == [True, False, False, True]
    assert prefilter.gates("PASSPORT M12345678") == [True, False, True, True]
    assert prefilter.gates("mail a@b.kr") == [True, True, False, True]


def test_a_recognizer_that_declares_no_trigger_has_none() -> None:
    assert _trigger(_NoTrigger()) is None
    assert _trigger(MedicalTermRecognizer()) is None


def test_lowered_triggers_fire_on_letters_that_lowercase_differently() -> None:
    # re's IGNORECASE pairs ı with i and ſ with s; str.lower does not, so such text fires
    prefilter = Prefilter([Trigger(lowered="insur"), Trigger(lowered="sinh")])
    assert prefilter.gates("ınsurance") == [True, True]
    assert prefilter.gates("İNSURANCE") == [True, True]
    assert prefilter.gates("plain text") == [False, False]


def test_a_trigger_needs_a_regex() -> None:
    with pytest.raises(ValueError, match="pattern"):
        Trigger()


def test_a_recognizer_whose_trigger_does_not_fire_is_not_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []
    original = OfflineEmailRecognizer.analyze

    def spy(self: OfflineEmailRecognizer, text: str, *args: object, **kwargs: object) -> object:
        seen.append(text)
        return original(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(OfflineEmailRecognizer, "analyze", spy)
    engine = Engine(EngineSettings(languages=("en",)))
    engine.analyze("call 010-1234-5678 tomorrow")
    found = engine.analyze("mail hong@example.com")
    assert seen == ["mail hong@example.com"]
    assert [d.entity_type for d in found.detections] == ["EMAIL_ADDRESS"]


def test_a_recognizer_without_a_trigger_runs_on_every_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []
    original = MedicalTermRecognizer.analyze

    def spy(self: MedicalTermRecognizer, text: str, *args: object, **kwargs: object) -> object:
        seen.append(text)
        return original(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MedicalTermRecognizer, "analyze", spy)
    engine = Engine(EngineSettings(languages=("en",)))
    texts = ["call 010-1234-5678", "no identifiers at all", "진단: 천식"]
    for text in texts:
        engine.analyze(text)
    assert seen == texts


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    return [doc.text for seed in (11, 12) for doc in generate(seed, 150)]


def test_every_trigger_fires_wherever_its_recognizer_finds_something(
    corpus_texts: list[str],
) -> None:
    for recognizer in default_recognizers(("en",)):
        trigger = _trigger(recognizer)
        if trigger is None:
            continue
        prefilter = Prefilter([trigger])
        for text in corpus_texts:
            if recognizer.analyze(text, []):
                assert prefilter.gates(text) == [True], (type(recognizer).__name__, text)


def test_results_with_the_prefilter_equal_results_without_it(
    engine: Engine, corpus_texts: list[str]
) -> None:
    reference = Engine(prefilter=False)
    for text in corpus_texts:
        assert engine.analyze(text) == reference.analyze(text), text


def _all_triggers() -> list[Trigger]:
    return list(dict.fromkeys(filter(None, map(_trigger, default_recognizers()))))


ODD_TEXTS = [
    "",
    "٠١٢٣٤٥٦٧٨٩ ١٢٣ ٤٥٦",  # Arabic-Indic digits: \d matches them in both engines
    "０１０-１２３４-５６７８ 여권 Ｍ１２３４５６７８",  # full-width
    "lone \ud800 surrogate 010-1234-5678 a@b.kr",  # not valid UTF-8: searched with re
    "ınsurance İNSURANCE ſ passport",  # letters IGNORECASE pairs beyond str.lower
    "Nguyễn\tVăn 12 Main\tStreet -daero 123-45-67890",
    "Ho Chi Minh ơi",
]


@pytest.mark.skipif(Prefilter([Trigger(pattern="a")])._text._database is None,
                    reason="hyperscan is not installed for this platform")
def test_hyperscan_fires_exactly_the_triggers_re_fires(corpus_texts: list[str]) -> None:
    triggers = _all_triggers()
    with_hyperscan = Prefilter(triggers)
    reference = Prefilter(triggers, hyperscan=False)
    assert with_hyperscan._text._fallback == []  # every trigger reached Hyperscan
    assert with_hyperscan._lowered._fallback == []  # (a \b with Unicode classes would not)
    for text in corpus_texts + ODD_TEXTS:
        assert with_hyperscan.gates(text) == reference.gates(text), text


def test_a_regex_hyperscan_rejects_is_searched_with_re() -> None:
    prefilter = Prefilter([Trigger(pattern=r"(?<=x)y"), Trigger(pattern="@")])
    assert prefilter.gates("xy") == [True, False]
    assert prefilter.gates("zy a@b") == [False, True]


@pytest.mark.skipif(Prefilter([Trigger(pattern="a")])._text._database is None,
                    reason="hyperscan is not installed for this platform")
def test_compiled_triggers_are_cached_on_disk_and_a_bad_file_is_compiled_again(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scanner.recognizers import trigger

    monkeypatch.setenv(trigger.CACHE_ENV, str(tmp_path))
    items = ((0, "cache[0-9]test"), (1, "@"))
    trigger._cached_database.cache_clear()
    trigger._cached_database(items)
    (cached,) = tmp_path.glob("triggers-*.hsdb")
    cached.write_bytes(b"not a database")
    trigger._cached_database.cache_clear()
    prefilter = Prefilter([Trigger(pattern="cache[0-9]test"), Trigger(pattern="@")])
    assert prefilter.gates("cache7test") == [True, False]
    assert cached.read_bytes() != b"not a database"  # written again
    trigger._cached_database.cache_clear()
