"""Vietnamese names: the fast ways of finding them find what the plain patterns find."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from bench.corpus import generate
from scanner.recognizers.person_vi import (
    _ADDRESSED_GIVEN,
    _CAP,
    _NAME,
    _PLACE_WORDS,
    _UPPER,
    _UPPER_RUN,
    _VOCATIVE,
    SURNAMES,
    UNACCENTED_AMBIGUOUS,
    UNACCENTED_SAFE,
    _addressed,
    _form_starts,
    _place_before,
    _tried_at,
)
from scanner.recognizers.trigger import plain_lowered

# names, forms of address and places in several cases, spacings and spellings
PIECES = [
    "Nguyễn", "NGUYỄN", "Văn", "VĂN", "An", "AN", "Lê", "LE", "Le", "Thị", "Thu", "Hà", "Mai",
    "Anh", "Em", "Trần Hưng Đạo", "Hồ Chí Minh", "anh", "ANH", "aNh", "chị", "Chị", "em", "cô",
    "bà", "Bác", "bác sĩ", "BS.", "bs", "Y tá", "điều dưỡng", "chi", "Co", "co", "ba", "bac si",
    "xin chào", "Chào", "cảm ơn", "cam on", "tên em là", "Tên Tôi Là", "mình tên", "ơi", "Ơi",
    "khách", "đường", "Phường", "P.", "số", "12", "12A/3", "Street", "Dr", "Mr", "Họ và tên:",
    "환자", "[10:22]", "(43/F)", "18:15", " ", "  ", "\t", "\n", ",", ".", ":", "x", "ſ", "µ",
    "İ", "K", "ê", "e\u0301",
]  # fmt: skip


def _random_texts(count: int) -> list[str]:
    """Texts of one to sixteen PIECES, joined by a space or nothing."""
    rng = random.Random(29)
    return [
        "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 17)))
        for _ in range(count)
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [doc.text for doc in generate(31, 300)] + _random_texts(4000)


def _spans(
    matches: Iterable[re.Match[str]], group: str | int
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The span of each match and of its ``group``."""
    return [(match.span(), match.span(group)) for match in matches]


def test_names_are_found_as_with_the_boundary_before_the_surname(texts: list[str]) -> None:
    surnames = sorted(set(SURNAMES + UNACCENTED_SAFE + UNACCENTED_AMBIGUOUS), key=len, reverse=True)
    plain_name = re.compile(
        rf"(?<![\w.])(?P<surname>{'|'.join(map(re.escape, surnames))})"
        rf"(?P<given>(?:[ \t]+(?!{_PLACE_WORDS}){_CAP}){{1,3}})(?![\w'’-])"
    )
    plain_upper_run = re.compile(
        rf"(?<![\w.])[A-Z{_UPPER}]{{1,7}}(?:[ \t]+[A-Z{_UPPER}]{{1,7}}){{1,3}}(?![\w'’-])"
    )
    for text in texts:
        assert _spans(_NAME.finditer(text), "given") == _spans(
            plain_name.finditer(text), "given"
        ), text
        assert _spans(_UPPER_RUN.finditer(text), 0) == _spans(plain_upper_run.finditer(text), 0)


@pytest.mark.parametrize("pattern", [_VOCATIVE, _ADDRESSED_GIVEN])
def test_given_names_are_tried_only_where_a_form_of_address_starts(
    pattern: re.Pattern[str], texts: list[str]
) -> None:
    for text in texts:
        fast = _tried_at(pattern, text, _form_starts(text))
        assert _spans(fast, "name") == _spans(pattern.finditer(text), "name"), text


def test_forms_and_places_before_a_name_are_found_alike_in_lowercased_text(
    texts: list[str],
) -> None:
    for text in texts:
        lowered = plain_lowered(text)
        if lowered is None:
            continue
        for end in range(0, len(text), 3):
            start = max(0, end - 24)
            before = text[start:end]
            assert _place_before(before, lowered[start:end]) is _place_before(before), before
            assert _addressed(before, lowered[start:end]) is _addressed(before), before
