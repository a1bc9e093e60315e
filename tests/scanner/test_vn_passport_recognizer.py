"""VN_PASSPORT: a letter and seven digits, only next to a passport word."""

from __future__ import annotations

import pytest

from scanner.recognizers.vn_passport import VietnamesePassportNumberRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số hộ chiếu: C1234567", ["C1234567"]),
        ("so ho chieu: C1234567", ["C1234567"]),  # typed without diacritics
        ("Số HC: N2345678", ["N2345678"]),
        ("PP no. B7654321", ["B7654321"]),
        ("Hộ chiếu B7654321, ngày cấp 01/02/2020", ["B7654321"]),
        ("베트남 여권번호는C1234567입니다", ["C1234567"]),
        ("Passport No.: N2345678 (Vietnam)", ["N2345678"]),
        ("passport P0012345", ["P0012345"]),
        # context is required
        ("C1234567", []),
        ("Mã sản phẩm C1234567", []),
        ("Order B7654321 shipped", []),
        # other shapes
        ("Số hộ chiếu: C123456", []),
        ("Số hộ chiếu: c1234567", []),
        ("Số hộ chiếu: CC1234567", []),
        ("Số hộ chiếu: C1234567-2", []),
        ("", []),
    ],
)
def test_vn_passport_table(find, text, expected):
    assert [value for _, value in find(text, "VN_PASSPORT")] == expected


def test_a_korean_passport_is_not_a_vietnamese_one(find):
    assert find("여권번호 M12345678") == [("KR_PASSPORT", "M12345678")]


def test_the_span_is_exact(engine):
    text = "베트남 여권번호는C1234567입니다"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("VN_PASSPORT", 9, 17)


def test_without_context_the_recognizer_reports_nothing():
    assert VietnamesePassportNumberRecognizer().analyze("x C1234567 y", []) == []


def test_every_context_word_contains_the_anchor_that_opens_a_search_window():
    recognizer = VietnamesePassportNumberRecognizer()
    assert recognizer._anchor is not None
    assert all(recognizer._anchor.search(word) for word in recognizer.context)
