"""KR_BRN: business registration numbers, checksum, layouts, context and decoys."""

from __future__ import annotations

import random
import re

import pytest
from presidio_analyzer import Pattern

from scanner.recognizers.kr_brn import (
    _AFTER,
    _FIRST,
    BARE_SCORE,
    DASHED_SCORE,
    KoreanBusinessRegistrationRecognizer,
    brn_check_digit,
    validate_brn,
)


def make_brn(first9: str, shift: int = 0, sep: str = "-") -> str:
    """Build a BRN with its check digit (+shift to make it wrong)."""
    check = (brn_check_digit(first9) + shift) % 10
    return f"{first9[:3]}{sep}{first9[3:5]}{sep}{first9[5:]}{check}"


CLINIC = make_brn("220811234")
PERSONAL = make_brn("104901234")
CORPORATION = make_brn("120861122")
WRONG = make_brn("220811234", shift=3)


def test_a_published_example_validates():
    assert validate_brn("220-81-62517")  # a published company number
    assert not validate_brn("220-81-62518")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dashed layout, checksum valid: reported alone
        (f"사업자등록번호: {CLINIC}", [CLINIC]),
        (f"사업자번호는{CLINIC}입니다", [CLINIC]),
        (f"상호 강남성형외과 | {PERSONAL} | 대표 김원장", [PERSONAL]),
        (f"Mã số doanh nghiệp Hàn Quốc {CORPORATION}", [CORPORATION]),
        (f"Business registration no. {CLINIC}.", [CLINIC]),
        (CORPORATION, [CORPORATION]),
        # bare 10 digits: with context only
        (f"사업자등록번호 {CLINIC.replace('-', '')}", [CLINIC.replace("-", "")]),
        (f"Business Reg. No. {CLINIC.replace('-', '')}", [CLINIC.replace("-", "")]),
        (f"Mã số ĐKKD: {CLINIC.replace('-', '')}", [CLINIC.replace("-", "")]),
        (f"BRN {PERSONAL.replace('-', '')}", [PERSONAL.replace("-", "")]),
        (f"주문번호 {CLINIC.replace('-', '')}", []),
        (CLINIC.replace("-", ""), []),
        # wrong check digit, impossible kind code
        (f"사업자등록번호: {WRONG}", []),
        (f"사업자등록번호 {make_brn('220001234')}", []),
        # embedded in longer codes
        (f"INV-{CLINIC}", []),
        (f"{CLINIC}-1", []),
        (f"1{CLINIC}", []),
        # decoys
        ("전화 02-123-4567, 010-1234-5678", []),
        ("금액 1,234,567원, 날짜 2023-10-12", []),
        ("", []),
    ],
)
def test_kr_brn_table(find, text, expected):
    assert [value for _, value in find(text, "KR_BRN")] == expected


def test_the_span_is_exact(engine):
    text = f"사업자번호는{CLINIC}입니다"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("KR_BRN", 6, 18)


def test_a_bare_valid_number_alone_scores_below_the_threshold():
    bare = CLINIC.replace("-", "")
    (result,) = KoreanBusinessRegistrationRecognizer().analyze(f"x {bare}", [])
    assert result.score < 0.5


def test_context_raises_the_score(engine):
    alone = engine.analyze(f"x {CLINIC}").detections[0].score
    with_context = engine.analyze(f"사업자등록번호 {CLINIC}").detections[0].score
    assert with_context > alone >= 0.5


@pytest.mark.parametrize(
    ("value", "expected"),
    [(CLINIC, True), (WRONG, False), ("123-45-6789", False), ("000-12-34567", False)],
)
def test_validate_brn(value, expected):
    assert validate_brn(value) is expected


class _PassPerLayout(KoreanBusinessRegistrationRecognizer):
    """The reference: one pattern per layout, each scanned over the text on its own."""

    PATTERNS = [
        Pattern("dashed", rf"{_FIRST}\d{{2}}-\d{{2}}-\d{{5}}{_AFTER}", DASHED_SCORE),
        Pattern("bare", rf"{_FIRST}\d{{9}}{_AFTER}", BARE_SCORE),
    ]

    def match_score(self, match: re.Match[str], score: float) -> float:
        return score


def test_one_pass_over_both_layouts_finds_what_a_pass_per_layout_finds():
    pieces = [CLINIC, CLINIC.replace("-", ""), PERSONAL, WRONG, "220", "81", "12345", "-",
              " ", "\u0663", "\u0663\u0663\u0663", "x", "\n", "0"]  # fmt: skip
    one, reference = KoreanBusinessRegistrationRecognizer(), _PassPerLayout()
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        found = sorted((r.start, r.end, r.score) for r in one.analyze(text, []))
        assert found == sorted((r.start, r.end, r.score) for r in reference.analyze(text, []))
