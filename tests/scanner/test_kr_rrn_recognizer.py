"""KR_RRN: resident and foreigners' registration numbers, checksums, dates and decoys."""

from __future__ import annotations

import random
import re

import pytest
from presidio_analyzer import Pattern

from scanner.recognizers.kr_rrn import (
    _DATE,
    _EDGE_AFTER,
    _SEPARATOR,
    BARE_SCORE,
    SEPARATED_SCORE,
    KoreanRrnRecognizer,
    validate_rrn,
)

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def make_rrn(birth: str, s: int, serial: str = "23456", sep: str = "-", shift: int = 0) -> str:
    """Build an RRN with the published check digit (+shift to make it wrong)."""
    body = birth + str(s) + serial
    total = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
    base = 13 if s in (5, 6, 7, 8) else 11
    check = ((base - total % 11) % 10 + shift) % 10
    return f"{birth}{sep}{s}{serial}{check}"


CITIZEN_1990 = make_rrn("900101", 1)
CITIZEN_1982 = make_rrn("820527", 1, "18554")
CITIZEN_2005 = make_rrn("050315", 4)
CITIZEN_1890 = make_rrn("900101", 9)
FOREIGNER_1985 = make_rrn("851225", 5)
FOREIGNER_2010 = make_rrn("100704", 8)
POST_REFORM = "201015-3123456"  # born 2020-10-15: no checksum since the 2020 reform
POST_REFORM_FOREIGNER = "230101-7654321"


def foreigner_with_citizen_formula() -> str:
    body = "8512255" + "23456"
    total = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
    citizen_check = (11 - total % 11) % 10
    assert citizen_check != (13 - total % 11) % 10
    return f"851225-523456{citizen_check}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # valid numbers, every separator form
        (f"주민등록번호: {CITIZEN_1990}", [CITIZEN_1990]),
        (f"RRN {CITIZEN_1990.replace('-', ' ')}", [CITIZEN_1990.replace("-", " ")]),
        (f"RRN {CITIZEN_1990.replace('-', '')}", [CITIZEN_1990.replace("-", "")]),
        (CITIZEN_1990.replace("-", ""), [CITIZEN_1990.replace("-", "")]),
        (f"patient id {CITIZEN_2005}.", [CITIZEN_2005]),
        (f"{CITIZEN_1890} (born 1890)", [CITIZEN_1890]),
        (f"82년생 {CITIZEN_1982}", [CITIZEN_1982]),
        # Korean context glued to particles
        (f"주민등록번호는{CITIZEN_1990}이고", [CITIZEN_1990]),
        (f"환자의 주민번호는 {CITIZEN_1990}입니다.", [CITIZEN_1990]),
        (f"주민번호:{CITIZEN_1990.replace('-', '')}이며", [CITIZEN_1990.replace("-", "")]),
        # foreigners' registration numbers (13 - sum % 11) % 10
        (f"외국인등록번호는 {FOREIGNER_1985}", [FOREIGNER_1985]),
        (f"ARC {FOREIGNER_2010}", [FOREIGNER_2010]),
        # after the October 2020 reform: no checksum, accepted on a valid date
        (f"신생아 주민등록번호 {POST_REFORM}", [POST_REFORM]),
        (f"RRN {POST_REFORM_FOREIGNER}", [POST_REFORM_FOREIGNER]),
        (f"주민번호는 {POST_REFORM.replace('-', '')}", [POST_REFORM.replace("-", "")]),
        # a spaced or dashed separator, as typed into forms
        (f"주민등록번호: {CITIZEN_1990.replace('-', ' - ')}", [CITIZEN_1990.replace("-", " - ")]),
        (f"RRN {CITIZEN_1990.replace('-', chr(0x2013))}", [CITIZEN_1990.replace("-", chr(0x2013))]),
        # wrong check digits are not found
        (f"주민등록번호: {make_rrn('900101', 1, shift=1)}", []),
        (f"주민등록번호: {make_rrn('900101', 2, shift=5)}", []),
        (make_rrn("900101", 1, sep="", shift=3), []),
        (f"외국인등록번호 {foreigner_with_citizen_formula()}", []),
        (f"RRN {make_rrn('820527', 1, '18554', shift=1)}", []),
        # impossible dates
        ("주민등록번호 991301-1234567", []),
        ("주민등록번호 990230-1234567", []),
        ("주민등록번호 990100-1234567", []),
        ("주민등록번호 990132-1234567", []),
        ("RRN 210229-3123456", []),  # 2021 was not a leap year
        # post-reform shape without separator and without context: too weak alone
        (POST_REFORM.replace("-", ""), []),
        # embedded in longer digit runs or codes
        (f"1{CITIZEN_1990}", []),
        (f"{CITIZEN_1990}1", []),
        (f"9{CITIZEN_1990.replace('-', '')}", []),
        (f"{CITIZEN_1990.replace('-', '')}0", []),
        (f"{CITIZEN_1990}-12", []),
        (f"12-{CITIZEN_1990}", []),
        # decoys
        ("주문번호 20231012345678", []),
        ("날짜 2023-10-12, 금액 1,234,567원", []),
        ("", []),
    ],
)
def test_kr_rrn_table(find, text, expected):
    assert [value for _, value in find(text, "KR_RRN")] == expected


def test_a_valid_rrn_is_not_also_reported_as_a_phone_number(find):
    assert find(f"RRN {CITIZEN_1982}") == [("KR_RRN", CITIZEN_1982)]


def test_an_invalid_rrn_starting_with_82_is_not_a_phone_number(find):
    assert find(f"ID {make_rrn('820527', 1, '18554', sep='', shift=1)}") == []


def test_checksum_valid_numbers_score_higher_than_post_reform_numbers(engine):
    valid = engine.analyze(f"x {CITIZEN_1990}").detections[0].score
    reform = engine.analyze(f"x {POST_REFORM}").detections[0].score
    assert valid > reform >= 0.5


def test_context_raises_the_score_of_a_post_reform_number(engine):
    bare = engine.analyze(f"x {POST_REFORM}").detections[0].score
    with_context = engine.analyze(f"주민등록번호는 {POST_REFORM}").detections[0].score
    assert with_context > bare


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (CITIZEN_1990, True),
        (FOREIGNER_1985, True),
        (make_rrn("900101", 1, shift=1), False),
        (POST_REFORM, None),
        ("991301-1234567", False),
        ("12345", False),
    ],
)
def test_validate_rrn_returns_true_none_or_false(value, expected):
    assert validate_rrn(value) is expected


def test_the_recognizer_declares_presidio_shape():
    recognizer = KoreanRrnRecognizer()
    assert recognizer.supported_entities == ["KR_RRN"]
    assert recognizer.patterns and "주민등록번호" in recognizer.context


class _PassPerLayout(KoreanRrnRecognizer):
    """The reference: one pattern per layout, each scanned over the text on its own."""

    PATTERNS = [
        Pattern("separated", rf"{_DATE}{_SEPARATOR}\d{{7}}{_EDGE_AFTER}", SEPARATED_SCORE),
        Pattern("bare", rf"{_DATE}\d{{7}}{_EDGE_AFTER}", BARE_SCORE),
    ]

    def match_score(self, match: re.Match[str], score: float) -> float:
        return score


def test_one_pass_over_both_layouts_finds_what_a_pass_per_layout_finds():
    pieces = [CITIZEN_1990, CITIZEN_1990.replace("-", ""), CITIZEN_1990.replace("-", " - "),
              POST_REFORM, POST_REFORM.replace("-", chr(0x2010)), FOREIGNER_1985, "900101",
              "1234567", "-", " ", "\u2013", "\u0663", "x", "\n", "12"]  # fmt: skip
    one, reference = KoreanRrnRecognizer(), _PassPerLayout()
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        found = sorted((r.start, r.end, r.score) for r in one.analyze(text, []))
        assert found == sorted((r.start, r.end, r.score) for r in reference.analyze(text, []))
