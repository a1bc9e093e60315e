"""FastPatternRecognizer: value groups, required context, span checks and anchor windows."""

from __future__ import annotations

import random
import re

import pytest
from presidio_analyzer import Pattern

from scanner.engine import _trigger
from scanner.recognizers import default_recognizers
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    Span,
    by_first_character,
    token_around,
)
from scanner.recognizers.trigger import Prefilter


class _Labelled(FastPatternRecognizer):
    ENTITY = "TEST_CODE"
    PATTERNS = [Pattern("code", r"code[: ]*(?P<value>\d{4})(?!\d)", 0.6)]
    CONTEXT = ["code"]
    VALUE_GROUP = "value"
    ANCHOR = "code"
    ANCHOR_BEFORE = 0
    ANCHOR_AFTER = 12


class _NeedsContext(FastPatternRecognizer):
    ENTITY = "TEST_NUMBER"
    PATTERNS = [Pattern("number", r"(?<!\d)\d{5}(?!\d)", 0.3)]
    CONTEXT = ["ticket"]
    CONTEXT_REQUIRED = True

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        return None if text[start] == "0" else (start, end, score)


def spans(recognizer: FastPatternRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, [])]


def test_the_value_group_is_the_reported_span():
    assert spans(_Labelled(), "code: 1234 and code 5678") == ["1234", "5678"]


def test_matches_are_only_looked_for_around_anchor_hits():
    windows = _Labelled()._windows("code 1234 " + "x" * 50 + " code 5678")
    assert windows == [(0, 16), (61, 70)]  # the last window ends with the text


def test_overlapping_anchor_windows_merge():
    assert _Labelled()._windows("code code 1234") == [(0, 14)]


def test_required_context_and_the_span_check_both_filter():
    text = "ticket 12345, ticket 01234" + " " * 50 + "order 54321"
    assert spans(_NeedsContext(), text) == ["12345"]


def test_results_carry_the_recognizer_identity_for_the_context_enhancer():
    recognizer = _NeedsContext()
    (result,) = recognizer.analyze("ticket 12345", [])
    assert result.recognition_metadata["recognizer_identifier"] == recognizer.id
    assert result.entity_type == "TEST_NUMBER" and result.score == 0.3


@pytest.mark.parametrize(
    ("text", "hit", "expected"),
    [
        ("see www.clinic.kr now", "clinic", "www.clinic.kr"),
        ("www.clinic.kr", "clinic", "www.clinic.kr"),
        ("a\nb\thttps://x.com/p?q=1\r\nc", "x.com", "https://x.com/p?q=1"),
        ("홈페이지\u3000www.x.vn\u3000끝", "x.vn", "www.x.vn"),  # an ideographic space
    ],
)
def test_token_around_is_the_whitespace_free_run(text: str, hit: str, expected: str) -> None:
    start = text.index(hit)
    begin, end = token_around(text, start, start + len(hit))
    assert text[begin:end] == expected


def test_token_around_stops_at_the_nearest_whitespace_of_any_kind():
    alphabet = "ab.-: \n\t\r\x0b\x0c\u3000\u00a0\x1c가"
    rng = random.Random(37)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randrange(3))
        if re.search(r"\s", text[start:end]):
            continue  # a hit holds no whitespace
        before = [space.end() for space in re.finditer(r"\s", text[:start])]
        after = re.compile(r"\s").search(text, end)
        expected = (before[-1] if before else 0, len(text) if after is None else after.start())
        assert token_around(text, start, end) == expected, text


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_an_alternation_grouped_by_first_character_matches_as_the_plain_one(flags: int) -> None:
    alternatives = ["mrn", r"mr\s?no", r"mã\s+bn", "hồ sơ", "ho chieu", "차트", r"차트\s?번호",
                    "p", "pp#"]  # fmt: skip
    plain = re.compile("|".join(alternatives), flags)
    grouped = re.compile(by_first_character(alternatives), flags)
    pieces = ["mrn", "MR no", "mã  bn", "Hồ sơ", "ho chieu", "차트번호", "차트 ", "pp#", "ſ", "x",
              " "]  # fmt: skip
    rng = random.Random(41)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8)))
        spans = [match.span() for match in plain.finditer(text)]
        assert [match.span() for match in grouped.finditer(text)] == spans, text


def test_grouping_needs_a_plain_first_character() -> None:
    with pytest.raises(ValueError, match="plain character"):
        by_first_character(["abc", "\\bxyz"])


IDENTIFIER_PIECES = [
    "9001011234568", "900101-1234568", "900101 - 1234568", "201015\u20103123456",  # RRN
    "220-81-12341", "1049012342", "0836647769",  # BRN, a phone number
    "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "2338252086043461",
    "11-22-123456-12", "서울 12-345678-90", "13 22 123456 12",  # driver's licences
    "079090001234", "123456789",  # CCCD, CMND
    "B1234567", "C7536252",  # passport numbers
    "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
    "192.168.0.1", "fe80::1", "10:30:00",
    "https://drive.google.com/x", "www.clinic.kr", "clinic.com", "a@clinic.com", "report.pdf",
    "ASP.NET", "http://localhost:8080/",
    "CCCD", "hộ chiếu", "passport", "운전면허", "주민등록번호", "card",
    " ", "\n", "-", ".", "/", ":", "@", "x", "Z", "_", "0", "7", "\u0663", "\u00b2", "가",
]  # fmt: skip


def test_every_identifier_trigger_fires_where_its_recognizer_finds_something() -> None:
    """The triggers keep only the patterns' edges: generated texts that put identifiers next
    to digits, letters, dashes and other scripts never find one the trigger missed."""
    recognizers = [r for r in default_recognizers(("en",)) if _trigger(r) is not None]
    with_hyperscan = Prefilter([_trigger(r) for r in recognizers])
    plain = Prefilter([_trigger(r) for r in recognizers], hyperscan=False)
    rng = random.Random(29)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(IDENTIFIER_PIECES) for _ in range(rng.randrange(1, 7)))
        fired = plain.gates(text)
        assert with_hyperscan.gates(text) == fired, text
        for recognizer, gate in zip(recognizers, fired, strict=True):
            if recognizer.analyze(text, []):
                found += 1
                assert gate, (type(recognizer).__name__, text)
    assert found > 1000  # the pieces make identifiers, not only decoys
