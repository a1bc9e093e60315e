"""FastPatternRecognizer: value groups, required context, span checks and anchor windows."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern

from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span, token_around


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
