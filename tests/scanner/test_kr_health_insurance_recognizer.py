"""KR_HEALTH_INSURANCE: 11 digits only next to a health-insurance word; phones are not."""

from __future__ import annotations

import pytest

from scanner.recognizers.kr_health_insurance import KoreanHealthInsuranceNumberRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with context in ko/vi/en
        ("건강보험증 번호: 12345678901", ["12345678901"]),
        ("건강보험증번호는12345678901입니다", ["12345678901"]),
        ("보험증번호 5-1234567890 (피부양자)", ["5-1234567890"]),
        ("건보 1234 5678 901 확인", ["1234 5678 901"]),
        ("Số thẻ bảo hiểm (Hàn Quốc): 98765432109", ["98765432109"]),
        ("NHIS health insurance no. 31234567890", ["31234567890"]),
        # context is required
        ("12345678901", []),
        ("주문번호 12345678901", []),
        ("Order 12345678901 shipped", []),
        # phone numbers near the word are still phones
        ("건강보험 고객센터 1577-1000, 담당자 010-1234-5678", []),
        ("건강보험 문의 01012345678", []),
        ("health insurance office 031-1234-5678", []),
        # other lengths
        ("건강보험증 번호 1234567890", []),
        ("건강보험증 번호 123456789012", []),
        ("건강보험증 번호 12345678901-2", []),
        ("", []),
    ],
)
def test_kr_health_insurance_table(find, text, expected):
    assert [value for _, value in find(text, "KR_HEALTH_INSURANCE")] == expected


def test_the_span_is_exact(engine):
    text = "건강보험증번호는12345678901입니다"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == (
        "KR_HEALTH_INSURANCE",
        8,
        19,
    )
    assert detection.score >= 0.5


def test_without_context_the_recognizer_reports_nothing_at_any_score():
    assert KoreanHealthInsuranceNumberRecognizer().analyze("x 12345678901 y", []) == []


def test_the_recognizer_declares_presidio_shape():
    recognizer = KoreanHealthInsuranceNumberRecognizer(supported_language="en")
    assert recognizer.supported_entities == ["KR_HEALTH_INSURANCE"]
    assert {"건강보험증", "health insurance"} <= set(recognizer.context)


def test_every_context_word_contains_the_anchor_that_opens_a_search_window():
    recognizer = KoreanHealthInsuranceNumberRecognizer()
    assert recognizer._anchor is not None
    assert all(recognizer._anchor.search(word) for word in recognizer.context)


def test_a_number_far_from_any_context_word_is_not_searched():
    text = "건강보험증 번호: 12345678901" + " 가나다라" * 100 + " 98765432109"
    found = KoreanHealthInsuranceNumberRecognizer().analyze(text, [])
    assert [text[r.start : r.end] for r in found] == ["12345678901"]
