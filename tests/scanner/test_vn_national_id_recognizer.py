"""VN_NATIONAL_ID: CCCD province and century codes, CMND with context, and decoys."""

from __future__ import annotations

from datetime import date

import pytest

from scanner.recognizers.vn_national_id import (
    VietnameseNationalIdRecognizer,
    cccd_birth_year,
    validate_cccd,
)

HCMC_MALE_1990 = "079090001234"  # 079 TP.HCM, 0 = male born 19xx, 90
HANOI_FEMALE_1985 = "001185012345"  # 001 Hà Nội, 1 = female born 19xx, 85
CA_MAU_MALE_2005 = "096205123456"  # 096 Cà Mau, 2 = male born 20xx, 05


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CCCD with context in vi/ko/en
        (f"Số CCCD: {HCMC_MALE_1990}", [HCMC_MALE_1990]),
        (f"căn cước công dân số {HANOI_FEMALE_1985}, cấp ngày 12/10/2021", [HANOI_FEMALE_1985]),
        (f"CMND/CCCD {CA_MAU_MALE_2005}.", [CA_MAU_MALE_2005]),
        (f"베트남 신분증번호는{HCMC_MALE_1990}입니다", [HCMC_MALE_1990]),
        (f"National ID {HANOI_FEMALE_1985} (Vietnam)", [HANOI_FEMALE_1985]),
        # the request on the line above: a chat answered by the bare number
        (
            f"[17:31] A: gửi giúp em số CCCD để làm hồ sơ nhé\n[17:55] B: {HCMC_MALE_1990}\n",
            [HCMC_MALE_1990],
        ),
        (
            "[09:21] A: Please send your passport or ID for the file\n"
            f"[09:27] B: {HANOI_FEMALE_1985}.",
            [HANOI_FEMALE_1985],
        ),
        # ...but not when the value is followed by more text on its line
        (
            "Số CCCD đã có trong hồ sơ, cảm ơn chị nhé\n"
            f"Tài khoản hoàn tiền {HCMC_MALE_1990} đã chuyển",
            [],
        ),
        # CMND: nine digits, context required
        ("Số CMND: 024123456", ["024123456"]),
        ("chứng minh nhân dân 123456789 do CA TP.HCM cấp", ["123456789"]),
        ("신분증 번호 212345678", ["212345678"]),
        ("123456789", []),
        ("Mã đơn hàng 123456789", []),
        # without context a valid CCCD stays below the threshold
        (HCMC_MALE_1990, []),
        (f"Tài khoản {HCMC_MALE_1990}", []),
        # invalid province codes (003, 000, 097+) and century/year combinations
        ("Số CCCD: 003090001234", []),
        ("Số CCCD: 000090001234", []),
        ("Số CCCD: 097090001234", []),
        ("Số CCCD: 079290001234", []),  # 2090: not born yet
        ("Số CCCD: 079490001234", []),  # 22nd century
        ("Số CCCD: 179090001234", []),
        # lengths and glued codes
        ("Số CCCD: 0790900012345", []),
        (f"Số CCCD: {HCMC_MALE_1990}-1", []),
        (f"Số CCCD: HD{HCMC_MALE_1990}", []),
        # decoys
        ("SĐT 0912 345 678, tổng chi phí 1.234.567 đồng", []),
        ("Ngày khám 12/10/2023", []),
        ("", []),
    ],
)
def test_vn_national_id_table(find, text, expected):
    assert [value for _, value in find(text, "VN_NATIONAL_ID")] == expected


def test_the_span_is_exact_inside_korean_text(engine):
    text = f"베트남 신분증번호는{HCMC_MALE_1990}입니다"
    found = [d for d in engine.analyze(text).detections if d.entity_type == "VN_NATIONAL_ID"]
    assert [(d.start, d.end) for d in found] == [(10, 22)]


def test_a_valid_cccd_alone_scores_below_the_threshold_and_context_lifts_it(engine):
    (alone,) = VietnameseNationalIdRecognizer().analyze(f"x {HCMC_MALE_1990}", [])
    assert alone.score < 0.5
    (found,) = engine.analyze(f"CCCD {HCMC_MALE_1990}").detections
    assert found.score >= 0.5


def test_a_cmnd_without_context_is_not_reported_at_any_score():
    assert VietnameseNationalIdRecognizer().analyze("x 123456789 y", []) == []


@pytest.mark.parametrize(
    ("value", "year"),
    [(HCMC_MALE_1990, 1990), (HANOI_FEMALE_1985, 1985), (CA_MAU_MALE_2005, 2005)],
)
def test_the_birth_year_comes_from_the_century_code(value, year):
    assert cccd_birth_year(value) == year


def test_the_plausible_birth_year_depends_on_today():
    assert validate_cccd("079225001234", today=date(2026, 1, 1))
    assert not validate_cccd("079227001234", today=date(2026, 1, 1))
