"""Engine: settings, languages, offline operation, threads, Presidio integration."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
import spacy
from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from bench import corpus
from scanner import engine as engine_module
from scanner.engine import Analysis, Detection, Engine, EngineSettings
from scanner.errors import DetectionError, ScannerError

MIXED = (
    "환자 홍길동 주민등록번호 900101-1234568, 연락처 010-1234-5678, hong@example.co.kr\n"
    "Bệnh nhân Nguyễn Văn An, số điện thoại +84 912 345 678, thẻ 4111 1111 1111 1111\n"
    "Patient John Smith, tel +1 212-555-0123, https://clinic.example.com/p?id=1\n"
)


def test_the_engine_finds_every_value_in_mixed_ko_vi_en_text(engine):
    found = [(d.entity_type, MIXED[d.start : d.end]) for d in engine.analyze(MIXED).detections]
    assert found == [
        ("PERSON", "홍길동"),
        ("KR_RRN", "900101-1234568"),
        ("PHONE_NUMBER", "010-1234-5678"),
        ("EMAIL_ADDRESS", "hong@example.co.kr"),
        ("PERSON", "Nguyễn Văn An"),
        ("PHONE_NUMBER", "+84 912 345 678"),
        ("CREDIT_CARD", "4111 1111 1111 1111"),
        ("PERSON", "John Smith"),
        ("PHONE_NUMBER", "+1 212-555-0123"),
        ("URL", "https://clinic.example.com/p?id=1"),
    ]


def test_analysis_reports_language_and_char_offsets(engine):
    text = "연락처: 010-1234-5678"
    analysis = engine.analyze(text)
    assert isinstance(analysis, Analysis) and analysis.language == "ko"
    (detection,) = analysis.detections
    assert isinstance(detection, Detection)
    assert text[detection.start : detection.end] == "010-1234-5678"
    assert 0.5 <= detection.score <= 1.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("연락처 010-1234-5678", "ko"),
        ("điện thoại 0912 345 678", "vi"),
        ("phone 0912 345 678", "en"),
    ],
)
def test_identifiers_are_found_whatever_the_language(engine, text, language):
    for forced in ("ko", "vi", "en", None):
        analysis = engine.analyze(text, forced)
        assert [d.entity_type for d in analysis.detections] == ["PHONE_NUMBER"]
    assert engine.analyze(text).language == language


def test_undetermined_text_is_analysed_and_reported_as_und(engine):
    analysis = engine.analyze("☎ 010-1234-5678")
    assert analysis.language == "und"
    assert [d.entity_type for d in analysis.detections] == ["PHONE_NUMBER"]


def test_an_explicit_language_that_is_not_enabled_is_a_detection_error(engine):
    with pytest.raises(DetectionError, match="'fr'"):
        engine.analyze("bonjour", "fr")


def test_empty_and_blank_texts_give_no_detections(engine):
    assert engine.analyze("").detections == []
    assert engine.analyze(" \n\t ").detections == []


def test_entity_types_lists_what_the_engine_can_find(engine):
    assert engine.entity_types == frozenset(
        {
            "PERSON",
            "ADDRESS",
            "DATE_OF_BIRTH",
            "PHONE_NUMBER",
            "EMAIL_ADDRESS",
            "URL",
            "IP_ADDRESS",
            "CREDIT_CARD",
            "IBAN_CODE",
            "KR_RRN",
            "KR_PASSPORT",
            "KR_DRIVER_LICENSE",
            "KR_HEALTH_INSURANCE",
            "KR_BRN",
            "VN_NATIONAL_ID",
            "VN_PASSPORT",
            "MEDICAL_RECORD_NUMBER",
            "MEDICAL_CONDITION",
            "MEDICAL_PROCEDURE",
            "MEDICATION",
        }
    )  # every entity of ARCHITECTURE §5 except Presidio's NER-only LOCATION and DATE_TIME


def test_a_higher_threshold_drops_uncontextualised_phones():
    strict = Engine(EngineSettings(score_threshold=0.9, languages=("en",)))
    assert strict.analyze("x 010-1234-5678").detections == []
    assert len(strict.analyze("phone 010-1234-5678").detections) == 1


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"score_threshold": 1.5}, "score_threshold"),
        ({"languages": ()}, "languages"),
        ({"chunk_size": 10}, "chunk_size"),
        ({"chunk_size": 2_000_000}, "chunk_size"),
        ({"context_window": -1}, "context_window"),
        ({"spacy_models": {"fr": "fr_core_news_sm"}}, "spacy_models"),
    ],
)
def test_bad_settings_raise_a_detection_error_naming_the_field(settings, field):
    with pytest.raises(DetectionError, match=field):
        EngineSettings(**settings)


def test_settings_have_documented_defaults():
    settings = EngineSettings()
    assert settings.score_threshold == 0.5
    assert settings.languages == ("ko", "vi", "en")
    assert dict(settings.spacy_models) == {}
    assert settings.chunk_size == 100_000


def test_a_named_model_that_is_not_installed_is_an_error_not_a_download():
    with pytest.raises(DetectionError, match="not installed"):
        Engine(EngineSettings(languages=("en",), spacy_models={"en": "en_core_web_nonexistent"}))


def test_an_installed_model_adds_named_entities(tmp_path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "John Smith"}])
    nlp.to_disk(tmp_path / "tiny_en")
    engine = Engine(
        EngineSettings(languages=("en",), spacy_models={"en": str(tmp_path / "tiny_en")})
    )
    text = "Patient John Smith called."
    found = [(d.entity_type, text[d.start : d.end]) for d in engine.analyze(text).detections]
    assert found == [("PERSON", "John Smith")]
    assert "PERSON" in engine.entity_types


def test_analysis_never_opens_a_network_connection(monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    engine = Engine()
    text = MIXED + "mail: someone@brand-new-domain.io, www.example.vn, 02-123-4567\n"
    found = {d.entity_type for d in engine.analyze(text).detections}
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER", "KR_RRN"} <= found


def test_one_engine_can_be_shared_by_threads(engine):
    texts = [MIXED * (n % 5 + 1) + f"\n연락처 010-{1000 + n}-5678" for n in range(40)]
    expected = [engine.analyze(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(engine.analyze, texts)) == expected


def test_analyze_many_gives_each_text_what_analyze_gives_it():
    # 150 documents fill several batches; small chunks split the long text in several
    engine = Engine(EngineSettings(chunk_size=1_000))
    texts = [d.text for d in corpus.generate(5, 150)] + [
        "",
        "   \n",
        "연락처 ０１０－１２３４－５６７８",  # full width: offsets stay offsets into the text
        MIXED * 40,  # longer than a chunk: its chunks meet in one analysis
        "Ca trực: BS. Nguyễn Văn An, 0912 345 678",
    ]
    expected = [engine.analyze(text) for text in texts]
    assert len(texts) > 2 * engine_module.BATCH_PIECES
    assert engine.analyze_many(texts) == expected
    assert engine.analyze_many(iter(texts), language="vi") == [
        engine.analyze(text, language="vi") for text in texts
    ]
    assert engine.analyze_many([]) == []


def test_analyze_many_on_threads_gives_what_it_gives_alone(engine):
    batches = [
        [MIXED * (n % 3 + 1), f"연락처 010-{1000 + n}-5678", "Dr. Ruby Ford"] for n in range(8)
    ]
    expected = [engine.analyze_many(batch) for batch in batches]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(engine.analyze_many, batches)) == expected


def test_our_recognizer_names_do_not_shadow_presidios_own():
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers()
    ours = {
        cls.__name__
        for cls in _subclasses(EntityRecognizer)
        if cls.__module__.startswith("scanner.")
    }
    theirs = {
        cls.__name__
        for cls in _subclasses(EntityRecognizer)
        if not cls.__module__.startswith("scanner.")
    }
    assert ours and not ours & theirs


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found.union(*(_subclasses(sub) for sub in cls.__subclasses__()))


def test_detection_errors_are_scanner_errors():
    assert issubclass(DetectionError, ScannerError)
