"""Long texts: chunk boundaries, offsets mapped back, duplicates merged."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scanner.chunking import chunks, dedupe
from scanner.engine import Engine, EngineSettings

PHONE = "010-1234-5678"


@dataclass(frozen=True)
class Hit:
    entity_type: str
    start: int
    end: int
    score: float


@pytest.mark.parametrize(
    "text",
    [
        "word " * 2000,
        ("line of text\n" * 500),
        "x" * 5000,
        "가나다라 " * 1500,
        "short",
        "",
    ],
)
def test_chunks_cover_the_text_and_respect_the_size(text):
    pieces = list(chunks(text, 1000))
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    covered = 0
    for offset, piece in pieces:
        assert offset <= covered
        covered = max(covered, offset + len(piece))
    assert covered == len(text)


def test_chunks_end_at_newlines_when_there_are_some():
    text = ("a" * 90 + "\n") * 50
    for _, piece in list(chunks(text, 1000))[:-1]:
        assert piece.endswith("\n")


def test_dedupe_keeps_the_higher_score_of_overlapping_detections():
    hits = [
        Hit("PHONE_NUMBER", 10, 23, 0.6),
        Hit("PHONE_NUMBER", 10, 23, 0.95),
        Hit("KR_RRN", 40, 54, 1.0),
        Hit("PHONE_NUMBER", 40, 54, 0.6),
        Hit("EMAIL_ADDRESS", 60, 80, 1.0),
    ]
    assert dedupe(hits) == [hits[1], hits[2], hits[4]]


def test_offsets_are_right_across_chunk_boundaries():
    engine = Engine(EngineSettings(chunk_size=1_000, languages=("ko", "en")))
    parts = []
    expected = []
    position = 0
    for index in range(150):
        filler = "진료 기록 " * (index % 7 + 3)
        parts.append(filler)
        position += len(filler)
        expected.append((position, position + len(PHONE)))
        parts.append(PHONE + "\n")
        position += len(PHONE) + 1
    text = "".join(parts)
    assert len(text) > 5_000
    found = [(d.start, d.end) for d in engine.analyze(text).detections]
    assert found == expected
    assert all(text[start:end] == PHONE for start, end in found)


def test_a_value_on_a_chunk_boundary_is_found_once():
    engine = Engine(EngineSettings(chunk_size=1_000, languages=("en",)))
    for shift in range(0, 30, 3):
        text = "a" * (985 + shift) + " " + PHONE + " " + "b " * 600
        found = [(d.start, d.end) for d in engine.analyze(text).detections]
        start = 986 + shift
        assert found == [(start, start + len(PHONE))], shift


def test_chunked_and_whole_analysis_agree(engine):
    small = Engine(EngineSettings(chunk_size=2_000))
    text = "환자 연락처 010-1234-5678, email hong@example.com, 카드 4111 1111 1111 1111.\n" * 200
    assert small.analyze(text) == engine.analyze(text)
