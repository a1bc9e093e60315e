"""mask(): shape kept, small prefix revealed, the value itself never."""

from __future__ import annotations

import pytest

from scanner.mask import mask


@pytest.mark.parametrize(
    ("entity_type", "value", "expected"),
    [
        ("KR_RRN", "900101-1234567", "9001**-*******"),
        ("KR_RRN", "9001011234567", "9001*********"),
        ("KR_RRN", "900101 1234567", "9001** *******"),
        ("PHONE_NUMBER", "010-1234-5678", "010-****-****"),
        ("PHONE_NUMBER", "01012345678", "010********"),
        ("PHONE_NUMBER", "+82 10-1234-5678", "+82 **-****-****"),
        ("PHONE_NUMBER", "0912 345 678", "091* *** ***"),
        ("PHONE_NUMBER", "02-123-4567", "02-***-****"),
        ("EMAIL_ADDRESS", "hong.gildong@example.com", "h***********@*******.com"),
        ("EMAIL_ADDRESS", "nguyen@benhvien.com.vn", "n*****@********.***.vn"),
        ("EMAIL_ADDRESS", "ab@x.kr", "**@*.kr"),
        ("PERSON", "홍길동", "홍**"),
        ("PERSON", "Nguyễn Văn An", "N***** *** **"),
        ("PERSON", "김", "*"),
        ("CREDIT_CARD", "4111 1111 1111 1111", "4111 **** **** ****"),
        ("LOCATION", "서울특별시 강남구", "서울*** ***"),
        ("UNKNOWN", "abcdefgh", "ab******"),
        ("UNKNOWN", "abc", "***"),
        ("UNKNOWN", "a-b", "*-*"),
        ("UNKNOWN", "---", "***"),
    ],
)
def test_mask_table(entity_type, value, expected):
    assert mask(entity_type, value) == expected


VALUES = [
    ("KR_RRN", "900101-1234567"), ("KR_RRN", "0001014123456"), ("PHONE_NUMBER", "010"),
    ("PHONE_NUMBER", "+1 212-555-0123"), ("PHONE_NUMBER", "1588-1234"), ("PHONE_NUMBER", "12"),
    ("EMAIL_ADDRESS", "a@b.co"), ("EMAIL_ADDRESS", "no-at-sign"), ("EMAIL_ADDRESS", "x@y"),
    ("EMAIL_ADDRESS", "@example.com"), ("PERSON", "An"), ("PERSON", "Lê"), ("PERSON", " "),
    ("CREDIT_CARD", "378282246310005"), ("IP_ADDRESS", "10.0.0.1"), ("URL", "https://a.kr"),
    ("X", "a"), ("X", "ab"), ("X", "..."), ("X", "   "), ("X", "0000"), ("X", "ĐẶNG"),
    ("X", "1234567890123456789012345"), ("DATE_OF_BIRTH", "1990-01-01"),
]  # fmt: skip


@pytest.mark.parametrize(("entity_type", "value"), VALUES)
def test_a_mask_never_contains_the_value_and_keeps_its_length(entity_type, value):
    masked = mask(entity_type, value)
    assert len(masked) == len(value)
    assert value not in masked


@pytest.mark.parametrize(("entity_type", "value"), VALUES)
def test_a_mask_hides_at_least_half_and_reveals_at_most_four_characters(entity_type, value):
    masked = mask(entity_type, value)
    alnum = sum(char.isalnum() for char in value)
    revealed = sum(1 for a, b in zip(value, masked, strict=True) if a == b and a.isalnum())
    assert revealed * 2 <= alnum
    if entity_type != "EMAIL_ADDRESS":  # an e-mail also keeps its top-level domain
        assert revealed <= 4
