"""DATE_OF_BIRTH: a real date after a birth label (or before 생); visit dates are not."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from presidio_analyzer import RecognizerResult

from bench.corpus import generate
from scanner.recognizers.date_of_birth import BirthDateRecognizer, parse_date
from scanner.recognizers.fast_pattern import FastPatternRecognizer
from scanner.recognizers.trigger import Prefilter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean
        ("생년월일: 1985-03-05, 내원일 2023-10-12", ["1985-03-05"]),
        ("생년월일은1985.03.05이고", ["1985.03.05"]),
        ("생년월일 1985. 3. 5.", ["1985. 3. 5"]),
        ("생년월일 850305 / 성별 여", ["850305"]),
        ("환자 생일 1992년 11월 30일", ["1992년 11월 30일"]),
        ("출생일: 19850305", ["19850305"]),
        ("1985년 3월 5일생 여성 환자", ["1985년 3월 5일"]),
        ("1990-12-01 출생, 수술 이력 없음", ["1990-12-01"]),
        # Vietnamese
        ("Ngày sinh: 05/03/1985", ["05/03/1985"]),
        ("ngay sinh: 05/03/1985", ["05/03/1985"]),  # typed without diacritics
        ("BN Lê Văn An, NS: 12/03/1985, SĐT", ["12/03/1985"]),  # NS = ngày sinh
        ("Birthday: March 5, 1985", ["March 5, 1985"]),
        ("생년: 1985.03.05", ["1985.03.05"]),
        ("NSAID 2023-10-12 started", []),  # NS only as a word
        ("sinh ngày 5 tháng 3 năm 1985 tại Huế", ["5 tháng 3 năm 1985"]),
        ("Ngày tháng năm sinh: ngày 20 tháng 11 năm 1990", ["ngày 20 tháng 11 năm 1990"]),
        ("Bệnh nhân Trần Thị Bình, ngày sinh 1.2.1979, khám ngày 12/10/2023", ["1.2.1979"]),
        # English
        ("DOB: March 5, 1985", ["March 5, 1985"]),
        ("Date of birth 5th Mar. 1985", ["5th Mar. 1985"]),
        ("born 12/25/1990 in Seoul", ["12/25/1990"]),
        ("D.O.B. 1979-02-28; visit 2023-10-12", ["1979-02-28"]),
        ("Birth date: 2001/07/04", ["2001/07/04"]),
        ("DOB 05-Mar-1985 (age 40)", ["05-Mar-1985"]),
        # dates without a birth label are not birth dates
        ("내원일 2023-10-12, 다음 예약 2023-11-02", []),
        ("Ngày khám 12/10/2023", []),
        ("Follow-up visit on March 5, 2024", []),
        ("1985-03-05", []),
        ("2023-10-12 생성된 파일", []),
        # a digit between label and date: the label belongs to something else
        ("생년월일 미기재, 진료 2회차 2023-10-12", []),
        # impossible or implausible dates
        ("생년월일 1985-02-30", []),
        ("DOB 2099-01-01", []),
        ("DOB 1899-12-31", []),
        ("Ngày sinh: 32/01/1985", []),
        ("DOB 13/13/1985", []),
        # two-digit years with separators (Korean yy.mm.dd) after a label
        ("생년월일: 88.02.27 / 주민등록번호", ["88.02.27"]),
        ("본인 문상철(생년월일 66.07.24)은(는) 시술에 동의", ["66.07.24"]),
        ("DOB 05/03/85", ["05/03/85"]),
        ("생년월일: 99.13.45", []),
        # the label ends its line and the date starts the next one
        ("생년월일\n1985-03-05", ["1985-03-05"]),
        ("Date of birth:\n05/03/1985", ["05/03/1985"]),
        ("Ngày sinh: không rõ\n2023-10-12 tái khám", []),
        ("생년월일: 미상\n진료일: 2023.10.12", []),
        # a year of birth alone
        ("Năm sinh: 1985", ["1985"]),
        ("Year of birth: 1979.", ["1979"]),
        ("출생연도 1990, 여", ["1990"]),
        ("1985년생 여성 환자", ["1985"]),
        ("Năm sinh: 1985-03-05", ["1985-03-05"]),
        ("năm sinh 2099", []),
        ("Năm 2023 khám lại", []),
        ("2023년 생성된 파일", []),
        ("2023년 매출 1985건", []),
        # a date in brackets right after a patient's name
        ("Họ tên: Nguyễn Thu Ngân (03-09-1969)\nSố CCCD", ["03-09-1969"]),
        ("환자: 배승민 (2002.01.10)", ["2002.01.10"]),
        ("Patient: Sophie Edwards (June 11, 1982)", ["June 11, 1982"]),
        ("Họ tên: Lê Minh Bình (ngày 3 tháng 5 năm 1985)", ["ngày 3 tháng 5 năm 1985"]),
        ("Patient: 박보람 (07/18/1969)", ["07/18/1969"]),
        # ...but not a recent date (a visit), nor a bracketed date without a patient label
        ("Patient: John Smith (2023-10-12)", []),
        ("Patient: John Smith (visit 1999-03-05)", []),
        ("Ngày khám (12/10/1980)", []),
        ("Lot expiry (1985-03-05)", []),
        ("Invoice: order 5 (1985-03-05)", []),
        ("Patient: John Smith\nVisit (1985-03-05)", []),
        # an RRN's first half is not taken out of the RRN
        ("생년월일/주민번호 850305-1234567", []),
        ("", []),
    ],
)
def test_date_of_birth_table(find, text, expected):
    assert [value for _, value in find(text, "DATE_OF_BIRTH")] == expected


def test_the_span_is_the_date_alone(engine):
    text = "생년월일은1985.03.05이고"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("DATE_OF_BIRTH", 5, 15)
    assert detection.score >= 0.5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985-03-05", date(1985, 3, 5)),
        ("05/03/1985", date(1985, 3, 5)),  # day first when both readings exist
        ("12/25/1990", date(1990, 12, 25)),  # month first when day first is impossible
        ("850305", date(1985, 3, 5)),
        ("100305", date(2010, 3, 5)),
        ("March 5, 1985", date(1985, 3, 5)),
        ("2000-02-29", date(2000, 2, 29)),
        ("1900-02-29", None),
        ("not a date", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value, today=date(2026, 11, 25)) == expected


def test_today_is_the_latest_plausible_birth_date():
    assert parse_date("2026-11-25", today=date(2026, 11, 25)) == date(2026, 11, 25)
    assert parse_date("2026-11-26", today=date(2026, 11, 25)) is None


def test_the_recognizer_declares_presidio_shape():
    recognizer = BirthDateRecognizer(supported_language="vi")
    assert recognizer.supported_entities == ["DATE_OF_BIRTH"]
    assert {"생년월일", "ngày sinh", "dob"} <= set(recognizer.context)


def test_every_label_holds_the_anchor_that_opens_a_search_window():
    recognizer = BirthDateRecognizer()
    assert recognizer._anchor is not None
    assert all(recognizer._anchor.search(word) for word in recognizer.context)


def test_birth_dates_far_apart_in_a_long_text_are_each_found():
    text = ("DOB 1985-03-05. " + "Follow-up visit 2023-10-12. " * 100) * 3
    found = BirthDateRecognizer().analyze(text, [])
    assert [text[r.start : r.end] for r in found] == ["1985-03-05"] * 3


# --- the shortcuts give what the plain way gives ----------------------------------------------

PARTS = [
    "생년월일", "생일", "출생", "생", "년생", "학생", "ngày sinh", "Ngày Sinh", "NS", "ns",
    "năm sinh", "DOB", "d.o.b", "Born", "birth year", "YOB", "Date of Birth",
    "1985-03-05", "1985.3.5", "05/03/1985", "88.02.27", "850305", "19850305", "1985",
    "1985년 3월 5일", "ngày 5 tháng 3 năm 1985", "March 5, 1985", "5 March 1985", "2030-01-01",
    "(", ")", "Patient: Jane Doe (", "Họ tên: Lê Minh (", "환자 김철수 (", "NAME: X (",
    "(June 11, 1982)", "( 03-09-1969 )", "x", "-", "1", "İ", "ſ", "e\u0301",
]  # fmt: skip
GAPS = ["", " ", ": ", "\n", "\r\n", "\t", "|", " " * 35]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rng = random.Random(20261125)
    generated = [
        "".join(rng.choice(PARTS) + rng.choice(GAPS) for _ in range(rng.randint(1, 12)))
        for _ in range(20000)
    ]
    return [doc.text for doc in generate(31, 300)] + generated


def spans(results: list[RecognizerResult]) -> list[tuple[str, int, int, float]]:
    return [(r.entity_type, r.start, r.end, r.score) for r in results]


def test_matching_at_label_words_finds_what_searching_the_windows_finds(texts: list[str]) -> None:
    recognizer = BirthDateRecognizer()
    for text in texts:
        windowed = FastPatternRecognizer.analyze(recognizer, text, [])
        assert spans(recognizer._pattern_results(text)) == spans(windowed), text


def test_the_anchor_finds_what_its_plain_spelling_finds(texts: list[str]) -> None:
    plain = r"생|태어난|sinh|birth|dob|d\.o\.b|born|yob|\bns\b"
    for flags in (0, re.IGNORECASE):
        for text in texts:
            found = [m.span() for m in re.finditer(BirthDateRecognizer.ANCHOR, text, flags)]
            assert found == [m.span() for m in re.finditer(plain, text, flags)], text


def test_the_trigger_fires_wherever_a_birth_date_is_found(texts: list[str]) -> None:
    recognizer = BirthDateRecognizer()
    prefilters = [Prefilter([recognizer.TRIGGER]), Prefilter([recognizer.TRIGGER], hyperscan=False)]
    for text in texts:
        if recognizer.analyze(text, []):
            assert all(prefilter.gates(text) == [True] for prefilter in prefilters), text
