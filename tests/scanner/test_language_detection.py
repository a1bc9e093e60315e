"""detect_language: script-based ko / vi / en / und."""

from __future__ import annotations

import unicodedata

import pytest

from scanner.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("환자 홍길동의 연락처는 010-1234-5678입니다.", "ko"),
        ("주민등록번호는 900101-1234568", "ko"),
        ("처방: amoxicillin 500mg 1일 3회 복용", "ko"),
        ("Bệnh nhân Nguyễn Văn An, số điện thoại 0912 345 678", "vi"),
        ("Đà Nẵng", "vi"),
        ("Chẩn đoán: viêm họng cấp", "vi"),
        (unicodedata.normalize("NFD", "Bệnh nhân Trần Thị Bình"), "vi"),
        ("Patient John Smith, phone 212-555-0123", "en"),
        ("The café served a naïve résumé of the visit", "en"),
        ("Nguyen Van An, benh nhan", "en"),  # without diacritics it reads as Latin text
        ("Hospital 서울병원 follow-up notes about insulin dosage for the patient", "en"),
        ("", "und"),
        ("12345 --- 2023-10-12", "und"),
        ("患者姓名", "und"),
        ("Приём пациента", "und"),
    ],
)
def test_language_table(text, expected):
    assert detect_language(text) == expected
