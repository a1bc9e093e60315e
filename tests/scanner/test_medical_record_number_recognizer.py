"""MEDICAL_RECORD_NUMBER: an identifier right after a chart-number label, nothing else."""

from __future__ import annotations

import random

import pytest

from scanner.recognizers.medical_record_number import MedicalRecordNumberRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean labels, particles glued
        ("등록번호: 12345678", ["12345678"]),
        ("등록번호는12345678이고", ["12345678"]),
        ("차트번호 A-2023-0012 환자 내원", ["A-2023-0012"]),
        ("차트 번호: C000123", ["C000123"]),
        ("병록번호#778899", ["778899"]),
        ("환자번호(병원): 20231012", ["20231012"]),
        ("OPD note  Hồ sơ số 21-83908", ["21-83908"]),
        ("Patient ID: P-169576 / Procedure", ["P-169576"]),
        ("외래번호: 20231012", ["20231012"]),
        ("Số lưu trữ: LT-2023-0456", ["LT-2023-0456"]),
        ("PID 00457812", ["00457812"]),
        ("Hospital ID: H-889123", ["H-889123"]),
        ("rapid 123456 test", []),  # PID inside a word is no label
        ("Chart: 2023/00123 reviewed", ["2023/00123"]),
        ("차트# KR.2023.0456", ["KR.2023.0456"]),
        ("MR# 00981234.", ["00981234"]),
        ("Med. Rec. No. 4471002", ["4471002"]),
        ("chart review 1234567", []),  # chart without a colon is the word, not a label
        # Vietnamese
        ("Số hồ sơ: BN2023-001", ["BN2023-001"]),
        ("Mã bệnh nhân BN00123, khám lại", ["BN00123"]),
        ("mã BN: 456789", ["456789"]),
        # English
        ("MRN #: 00123456.", ["00123456"]),
        ("Chart No.: 2023-04567, visit today", ["2023-04567"]),
        ("medical record number 998877", ["998877"]),
        ("Patient no. HN-55-0912", ["HN-55-0912"]),
        # another registration number is not a chart number
        ("주민등록번호 900101-1234568", []),
        ("외국인등록번호: 12345678", []),
        ("사업자등록번호 220-81-62517", []),
        # a label without an identifier with digits, or no label at all
        ("등록번호 확인 필요", []),
        ("MRN: ABC", []),
        ("chart no. 12", []),
        ("12345678", []),
        ("주문번호 12345678", []),
        ("Invoice no. 2023-04567", []),
        ("", []),
    ],
)
def test_medical_record_number_table(find, text, expected):
    assert [value for _, value in find(text, "MEDICAL_RECORD_NUMBER")] == expected


def test_the_span_is_the_identifier_alone(engine):
    text = "등록번호는12345678이고"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == (
        "MEDICAL_RECORD_NUMBER",
        5,
        13,
    )
    assert detection.score >= 0.5


def test_the_recognizer_declares_presidio_shape():
    recognizer = MedicalRecordNumberRecognizer(supported_language="ko")
    assert recognizer.supported_entities == ["MEDICAL_RECORD_NUMBER"]
    assert {"차트번호", "số hồ sơ", "mrn"} <= set(recognizer.context)


class _EveryPosition(MedicalRecordNumberRecognizer):
    """The reference: the pattern tried at every position of the text."""

    ANCHOR = None
    ANCHOR_AT_START = False


def test_matching_at_label_starts_finds_what_a_full_scan_finds():
    anchored, reference = MedicalRecordNumberRecognizer(), _EveryPosition()
    rng = random.Random(20261126)
    labels = [
        "차트번호",
        "주민등록번호",
        "등록 번호",
        "환자ID",
        "Số hồ sơ",
        "MÃ BN",
        "mã số bệnh nhân",
        "MRN",
        "xMRN",
        "medical record no.",
        "Patient #",
        "chart number",
        "번호",
    ]
    separators = ["", ": ", "는 ", "(병원): ", " # ", "No. ", "\n"]
    values = ["A-2023-0012", "12345678", "BN00123", "12", "-9999", "ab"]
    found = 0
    for _ in range(3_000):
        text = "".join(
            rng.choice(["", "환자 ", "x", " "])
            + rng.choice(labels)
            + rng.choice(separators)
            + rng.choice(values)
            for _ in range(rng.randint(1, 4))
        )
        expected = sorted((r.start, r.end, r.score) for r in reference.analyze(text, []))
        assert sorted((r.start, r.end, r.score) for r in anchored.analyze(text, [])) == expected
        found += bool(expected)
    assert found > 1_000


def test_labels_far_apart_in_a_long_text_are_each_found():
    text = ("차트번호 A-0001 " + "경과 관찰. " * 200) * 3
    found = MedicalRecordNumberRecognizer().analyze(text, [])
    assert [text[r.start : r.end] for r in found] == ["A-0001"] * 3
