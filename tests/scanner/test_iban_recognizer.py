"""IBAN_CODE: country lengths, mod 97, grouping, and what follows an IBAN."""

from __future__ import annotations

import pytest

from scanner.recognizers.iban import iban_valid

DE = "DE89 3704 0044 0532 0130 00"
GB = "GB82WEST12345698765432"
FR = "FR14 2004 1010 0505 0001 3M02 606"
NL = "NL91ABNA0417164300"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"IBAN: {DE}", [DE]),
        (f"IBAN: {DE} BIC COBADEFFXXX", [DE]),
        (f"계좌번호(해외송금): {GB}입니다", [GB]),
        (f"Số tài khoản quốc tế {FR}, ngân hàng BNP", [FR]),
        (f"Please wire the deposit to {NL}.", [NL]),
        (GB, [GB]),
        # wrong check digits or lengths, unknown country
        ("IBAN: DE89 3704 0044 0532 0130 01", []),
        ("IBAN: GB82WEST1234569876543", []),
        ("IBAN: GB82WEST123456987654321", []),
        ("IBAN: XX82WEST12345698765432", []),
        ("iban: gb82west12345698765432", []),
        # glued or embedded
        (f"X{GB}", []),
        (f"{GB}9", []),
        # decoys
        ("주문번호 AB12345678901234", []),
        ("Invoice INV2023100012345 total 1,234,567 KRW", []),
        ("", []),
    ],
)
def test_iban_table(find, text, expected):
    assert [value for _, value in find(text, "IBAN_CODE")] == expected


def test_the_span_ends_at_the_registered_length(engine):
    text = f"IBAN {DE} BIC"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("IBAN_CODE", 5, 32)
    assert detection.score == 1.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (DE.replace(" ", ""), True),
        (GB, True),
        ("GB82WEST12345698765433", False),
        ("DE8937040044053201300", False),
        ("ZZ00", False),
    ],
)
def test_iban_valid(value, expected):
    assert iban_valid(value) is expected
