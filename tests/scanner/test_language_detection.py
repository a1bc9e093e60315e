"""detect_language: script-based ko / vi / en / und."""

from __future__ import annotations

import random
import re
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


def _by_the_rule(text: str) -> str:
    """The documented rule, with every count made exactly (the slow reference)."""
    sample = unicodedata.normalize("NFC", text)
    letters = len(re.findall(r"[^\W\d_]", sample))
    hangul = len(re.findall(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]", sample))
    latin = len(re.findall(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]", sample))
    if letters == 0:
        return "und"
    if hangul / letters >= 0.2:
        return "ko"
    if latin == 0 or latin / letters < 0.5:
        return "und"
    vietnamese = len(re.findall(r"[ăâđêôơưĂÂĐÊÔƠƯãĩũõÃĨŨÕ\u1ea0-\u1ef9]", sample))
    return "vi" if vietnamese / latin >= 0.04 else "en"


def test_shortcuts_give_the_rules_answer_on_mixed_scripts():
    """The bounds and the ASCII shortcut never change the answer the full counts give."""
    rng = random.Random(20261126)
    pieces = ["abc ", "Nguyễn ", "김민수 ", "患者", "Приём ", "123 ", ".,:", "ăơư", "ſ", "😀",
              "\u0301", "½²", "“quoted” ", "café "]  # fmt: skip
    answers = set()
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = _by_the_rule(text)
        assert detect_language(text) == expected, text
        answers.add(expected)
    assert answers == {"ko", "vi", "en", "und"}
