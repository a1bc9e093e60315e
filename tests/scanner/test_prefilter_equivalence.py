"""The engine's shortcuts give what the plain way gives: rewritten regexes, lowered matching."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult

from bench.corpus import generate
from scanner.language import _LETTER, _letters
from scanner.recognizers.base import context_regex, has_context, remove_duplicates, window_start
from scanner.recognizers.credit_card import LuhnCreditCardRecognizer
from scanner.recognizers.email import OfflineEmailRecognizer
from scanner.recognizers.fast_pattern import starting_with
from scanner.recognizers.medical import packaged_index
from scanner.recognizers.person_ko import FOREIGN_CUES
from scanner.recognizers.person_ko import _cue_start as cue_start
from scanner.recognizers.person_vi import (
    _ADDRESS_LABELS,
    _ADDRESS_WORDS,
    _PLACE_WORDS_BEFORE,
    _addressed,
    _place_before,
)
from scanner.recognizers.trigger import CASE_EXCEPTIONS

ALPHABET = "aAbBzZ09 -.:,\n@+()가김민İıſΣé\u0301ếĐđ"


def random_texts(count: int, length: int = 40) -> list[str]:
    rng = random.Random(20261125)
    return ["".join(rng.choice(ALPHABET) for _ in range(length)) for _ in range(count)]


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    return [doc.text for doc in generate(21, 200)] + random_texts(300)


@pytest.mark.parametrize(
    ("first", "not_after", "rest"),
    [(r"\d", "[0-9A-Za-z-]", r"\d{2}"), ("[A-Z]", "[0-9A-Za-z]", r"[A-Z]\d"), ("0", r"[\d-]", "1")],
)
def test_a_boundary_after_the_first_character_matches_as_one_before_it(
    first: str, not_after: str, rest: str, corpus_texts: list[str]
) -> None:
    plain = re.compile(f"(?<!{not_after}){first}{rest}")
    fast = re.compile(starting_with(first, not_after) + rest)
    texts = corpus_texts + ["0123", "a012", "-01", "9A1Z2"]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_remove_duplicates_keeps_presidios_results_and_order() -> None:
    rng = random.Random(7)
    for _ in range(300):
        results = [
            RecognizerResult(
                rng.choice(["PERSON", "URL", "KR_RRN"]),
                start := rng.randrange(20),
                start + rng.randrange(1, 8),
                rng.choice([0.0, 0.3, 0.5, 0.85]),
            )
            for _ in range(rng.randrange(8))
        ]
        expected = EntityRecognizer.remove_duplicates(list(results))
        got = remove_duplicates(list(results))
        assert [(r.entity_type, r.start, r.end, r.score) for r in got] == [
            (r.entity_type, r.start, r.end, r.score) for r in expected
        ]


def test_context_in_lowered_text_is_found_as_with_ignorecase(corpus_texts: list[str]) -> None:
    words = ("tel", "연락처", "điện thoại", "ip address", "sđt")
    plain = context_regex(words)
    assert plain is not None
    for text in corpus_texts:
        plain_lowered = text.lower() if CASE_EXCEPTIONS.search(text) is None else None
        for start in range(0, len(text), 7):
            end = min(len(text), start + 5)
            low = window_start(text, start, end, 20)
            before, after = text[low:start], text[end : end + 8]
            expected = bool(plain.search(before) or plain.search(after))
            assert has_context(text, start, end, words, 20) is expected
            assert has_context(text, start, end, words, 20, plain_lowered) is expected


def test_letters_are_counted_as_the_letter_class_counts_them(corpus_texts: list[str]) -> None:
    rng = random.Random(3)
    others = ["".join(chr(rng.randrange(0x2FFFF)) for _ in range(60)) for _ in range(200)]
    for text in corpus_texts + others:
        assert _letters(text) == len(_LETTER.findall(text))


def test_medical_terms_start_where_the_first_words_say(corpus_texts: list[str]) -> None:
    lowered = packaged_index().lowered
    assert lowered is not None and lowered.heads is not None
    everywhere = dataclasses.replace(lowered, heads=None)
    for text in corpus_texts:
        fast = [(m.span(), m.span("term")) for m in lowered.finditer(text)]
        plain = [(m.span(), m.span("term")) for m in everywhere.finditer(text)]
        assert fast == plain


def test_a_cue_is_looked_for_only_near_the_name() -> None:
    cue = re.compile(
        "(?<![^\\W\\d_])(?:" + "|".join(map(re.escape, FOREIGN_CUES)) + ")[.:：,\\s]*$",
        re.IGNORECASE,
    )
    for text in ["Dear 김민수", "xx chị 민지", "Hi,\n 김", "nothing 김", "bác sĩ :: 김", ".. 김"]:
        start = text.index(text.split()[-1])
        before = max(0, start - 40)
        expected = cue.search(text, before, start) is not None
        assert (cue.search(text, cue_start(text, before, start), start) is not None) is expected


@pytest.mark.parametrize("recognizer", [OfflineEmailRecognizer(), LuhnCreditCardRecognizer()])
def test_pattern_analysis_without_explanations_finds_what_presidio_finds(
    recognizer: PatternRecognizer, corpus_texts: list[str]
) -> None:
    texts = corpus_texts + ["a@b.com x@y.co.kr 4111 1111 1111 1111", "", "@@ 4111-1111-1111-1112"]
    for text in texts:
        got = [(r.entity_type, r.start, r.end, r.score) for r in recognizer.analyze(text, [])]
        expected = [
            (r.entity_type, r.start, r.end, r.score)
            for r in PatternRecognizer.analyze(recognizer, text, [])
        ]
        assert got == expected


def test_address_forms_and_places_are_looked_for_at_the_end_only() -> None:
    addressed = re.compile(
        r"(?:\b(?:" + "|".join(_ADDRESS_WORDS) + ")|" + "|".join(_ADDRESS_LABELS)
        + r"|(?:^|\n)[ \t]*\[[^\]\n]{0,24}\d:\d\d\])[.:：,\s]*$",
        re.IGNORECASE,
    )  # fmt: skip
    house_number = r"(?<![\d./:-])\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*"
    place = re.compile(
        r"(?:\b(?:" + "|".join(_PLACE_WORDS_BEFORE) + r")|" + house_number + r")[.,: \t]*\Z",
        re.IGNORECASE,
    )
    rng = random.Random(5)
    pieces = ["Bệnh nhân", "bác sĩ", " ", ":", ", ", "\n", "[10:22]", "x", "Q.", "số 5", "환자",
              "12/3", "06.08.2021", "67-741"]  # fmt: skip
    for _ in range(2000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randrange(6)))[-24:]
        assert _addressed(before) is (addressed.search(before) is not None), before
        assert _place_before(before) is (place.search(before) is not None), before
