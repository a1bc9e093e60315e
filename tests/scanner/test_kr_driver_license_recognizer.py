"""KR_DRIVER_LICENSE: region codes and names, layouts, context, and look-alike numbers."""

from __future__ import annotations

import pytest

from scanner.recognizers.kr_driver_license import KoreanDriverLicenseNumberRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dashed layout with a region code: reported alone
        ("운전면허번호: 11-12-345678-90", ["11-12-345678-90"]),
        ("면허번호는11-12-345678-90이며", ["11-12-345678-90"]),
        ("11-12-345678-90", ["11-12-345678-90"]),
        ("Bằng lái xe Hàn Quốc số 26-05-123456-78", ["26-05-123456-78"]),
        ("Korean driver's license 28-19-000123-45.", ["28-19-000123-45"]),
        ("운전면허 13-99-654321-01 (경기)", ["13-99-654321-01"]),
        # region name instead of the code (licences issued since 2020)
        ("운전면허번호 서울 21-123456-78", ["서울 21-123456-78"]),
        ("운전면허: 경기북부 22-654321-09", ["경기북부 22-654321-09"]),
        ("면허 부산21-123456-78", ["부산21-123456-78"]),
        # bare or spaced digits need context
        ("운전면허번호 111234567890", ["111234567890"]),
        ("driver license 11 12 345678 90", ["11 12 345678 90"]),
        ("주문번호 111234567890", []),
        ("111234567890", []),
        # unknown region codes
        ("운전면허번호 10-12-345678-90", []),
        ("운전면허번호 27-12-345678-90", []),
        ("운전면허번호 29-12-345678-90", []),
        ("운전면허번호 31-12-345678-90", []),
        # wrong group lengths or embedded in longer codes
        ("운전면허번호 11-12-34567-90", []),
        ("운전면허번호 11-12-345678-901", []),
        ("INV-11-12-345678-90", []),
        ("11-12-345678-90-1", []),
        # decoys
        ("내원일 2023-10-12, 금액 1,234,567원", []),
        ("전화 010-1234-5678", []),
        ("", []),
    ],
)
def test_kr_driver_license_table(find, text, expected):
    assert [value for _, value in find(text, "KR_DRIVER_LICENSE")] == expected


def test_the_span_is_exact_inside_korean_text(engine):
    text = "면허번호는11-12-345678-90이며"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("KR_DRIVER_LICENSE", 5, 20)


def test_context_raises_the_score_of_a_dashed_number(engine):
    bare = engine.analyze("x 11-12-345678-90").detections[0].score
    with_context = engine.analyze("운전면허번호 11-12-345678-90").detections[0].score
    assert with_context > bare >= 0.5


def test_a_bare_run_alone_scores_below_the_threshold():
    (result,) = KoreanDriverLicenseNumberRecognizer().analyze("x 111234567890", [])
    assert result.score < 0.5


def test_the_recognizer_declares_presidio_shape():
    recognizer = KoreanDriverLicenseNumberRecognizer()
    assert recognizer.supported_entities == ["KR_DRIVER_LICENSE"]
    assert {"운전면허", "bằng lái", "driver license"} <= set(recognizer.context)
