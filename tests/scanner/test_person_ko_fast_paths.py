"""Korean names: the fast forms of person_ko's patterns find what the plain forms find."""

from __future__ import annotations

import random
import re

import pytest

from bench.corpus import generate
from scanner.recognizers import person_ko
from scanner.recognizers.person_ko import (
    _AFTER_NAME,
    FOREIGN_CUES,
    GIVEN_SYLLABLES,
    SURNAMES_ONE,
    SURNAMES_TWO,
    _alternation,
)

# names, titles, particles, vocatives and cues, in and out of Hangul words, and letters that
# lowercase unlike IGNORECASE (İ, ı, ſ, Σ, the Kelvin sign)
PIECES = [
    "김민수", "남궁민", "선우진", "황보", "제갈량", "동방", "이서연", "박지훈입니다", "김치",
    "이번", "민지", "서연", "지훈",
    "님", "씨", " 씨", "님께", "씨가", "아", "야", "아,", "야 ", "지훈아 ", "민지 씨", "서연야",
    "여기야", "누구야", "주사야", "원장님", "이모님", " ơi", " ƠI", " Ơi", "ơi", "người", "chị ",
    "Chị ", "anh ", "EM ", "bà ", "Chào ", "CHÀO ", "Dear ", "DR. ", "Dr.", "hi ", "bác sĩ ",
    "BÁC SĨ ", "Tôi là ", "this is ", "Prescribed by: ", "cc ", "72cc, ", "İ", "ı", "ſ", "Σ",
    "\u212a", "환자명: ", "확인: ", "\n", "\t", " ", "  ", ":", ",", ".", "(", "|", "가", "1",
]  # fmt: skip


def _texts(count: int) -> list[str]:
    """Corpus texts with the pieces inserted at random places, and strings of pieces alone."""
    rng = random.Random(20261130)
    texts = [doc.text for doc in generate(31, count // 2)]
    for _ in range(count // 4):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 8)):
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(PIECES) + text[at:]
        texts.append(text)
    while len(texts) < count:
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 16))))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts(2_000)


def _groups(match: re.Match[str]) -> tuple[object, ...]:
    return match.span(), match.span("name"), match.group("title"), match.group("particle")


def test_names_are_found_as_with_the_surname_after_a_look_behind(texts: list[str]) -> None:
    """``_NAME``, which starts with a class, finds the plain pattern's matches and groups."""
    plain = re.compile(
        rf"(?<![가-힣])(?P<name>(?:{_alternation(SURNAMES_TWO)}|[{SURNAMES_ONE}])"
        rf"[{GIVEN_SYLLABLES}]{{1,2}}){_AFTER_NAME}"
    )
    found = 0
    for text in texts:
        expected = [_groups(match) for match in plain.finditer(text)]
        assert [_groups(match) for match in person_ko._NAME.finditer(text)] == expected, text
        found += len(expected)
    assert found > 3_000


def test_titled_given_names_tried_where_they_can_start_are_all_found(texts: list[str]) -> None:
    """``_given_titled`` tries ``_GIVEN_TITLED`` only before 님 / 씨 / 아 / 야: same matches."""
    found = 0
    for text in texts:
        expected = [
            (match.span(), match.group("vocative"))
            for match in person_ko._GIVEN_TITLED.finditer(text)
        ]
        got = [(match.span(), match.group("vocative")) for match in person_ko._given_titled(text)]
        assert got == expected, text
        found += len(expected)
    assert found > 300


def test_a_vocative_given_name_needs_a_syllable_before_oi(texts: list[str]) -> None:
    """``_NAME_BEFORE_OI`` finds something in every text where ``_GIVEN_VOCATIVE`` does."""
    called = 0
    for text in texts:
        if person_ko._GIVEN_VOCATIVE.search(text):
            called += 1
            assert person_ko._NAME_BEFORE_OI.search(text), text
    assert called > 10


def test_foreign_cues_are_found_as_with_one_case_insensitive_alternation(
    texts: list[str],
) -> None:
    """``_cue_before`` (cues grouped by first letter, matched in the lowercased text when it
    lowercases letter by letter) answers as the flat case-insensitive alternation."""
    plain = re.compile(rf"(?<!\w)(?:{_alternation(FOREIGN_CUES)})[.:：,\s]*$", re.IGNORECASE)
    cued = 0
    for text in texts:
        for start in (at for at, char in enumerate(text) if "가" <= char <= "힣"):
            before = max(0, start - person_ko.CUE_WINDOW)
            cue_start = person_ko._cue_start(text, before, start)
            expected = plain.search(text, cue_start, start) is not None
            assert person_ko._cue_before(text, before, start) is expected, (text, start)
            cued += expected
    assert cued > 1_000
