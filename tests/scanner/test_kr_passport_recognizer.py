"""KR_PASSPORT: both layouts, context in ko/vi/en, and codes that only look like passports."""

from __future__ import annotations

import pytest

from scanner.recognizers.kr_passport import KoreanPassportNumberRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # classic layout: type letter + 8 digits
        ("여권번호: M12345678", ["M12345678"]),
        ("여권번호는M12345678이고", ["M12345678"]),
        ("환자 여권 S98765432 사본 첨부", ["S98765432"]),
        ("Số hộ chiếu Hàn Quốc: M70012345", ["M70012345"]),
        ("Passport No. D00012345, diplomatic", ["D00012345"]),
        ("passport: G12345678 (official)", ["G12345678"]),
        ("passport (travel certificate) R12345678", ["R12345678"]),
        ("여권번호: O975G7712", ["O975G7712"]),  # official
        # 2021 layout: letter + 3 digits + letter + 4 digits
        ("여권번호 M123A4567 (2022년 발급)", ["M123A4567"]),
        ("Passport number: M001B2345.", ["M001B2345"]),
        ("hộ chiếu M987Z6543 còn hạn", ["M987Z6543"]),
        # without context the same shapes are product or order codes
        ("상품코드 M12345678 재고 있음", []),
        ("Model M123A4567 laser tip", []),
        ("S98765432", []),
        # other letters (other countries), lengths, case and glued codes are not passports
        ("여권번호 A12345678", []),
        ("Passport (China): E12345678", []),
        ("여권번호 M1234567", []),  # 7 digits: Vietnamese layout
        ("여권번호 M123456789", []),
        ("여권번호 m12345678", []),
        ("여권번호 XM12345678", []),
        ("여권번호 M12345678-01", []),
        ("여권번호 M123A45678", []),
        ("", []),
    ],
)
def test_kr_passport_table(find, text, expected):
    assert [value for _, value in find(text, "KR_PASSPORT")] == expected


def test_the_span_is_the_number_alone(engine):
    text = "여권번호는M12345678이고"
    (detection,) = engine.analyze(text).detections
    assert (detection.start, detection.end) == (5, 14)
    assert detection.entity_type == "KR_PASSPORT"


def test_a_bare_number_stays_below_the_threshold_and_context_lifts_it():
    recognizer = KoreanPassportNumberRecognizer()
    (bare,) = recognizer.analyze("x M12345678", ["KR_PASSPORT"])
    assert bare.score < 0.5


def test_a_vietnamese_passport_is_not_a_korean_one(find):
    assert find("hộ chiếu C1234567") == [("VN_PASSPORT", "C1234567")]


def test_the_recognizer_declares_presidio_shape():
    recognizer = KoreanPassportNumberRecognizer(supported_language="vi")
    assert recognizer.supported_entities == ["KR_PASSPORT"]
    assert recognizer.supported_language == "vi"
    assert {"여권", "hộ chiếu", "passport"} <= set(recognizer.context)
