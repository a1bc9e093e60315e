"""Structured fields: values of tables, JSON, key=value logs and form lines typed by name."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from bench.corpus import generate
from scanner.recognizers import fields
from scanner.recognizers.fields import StructuredFieldRecognizer, records, table_rows

CSV = (
    "번호,성명,성별,생년월일,연락처,시술명\n"
    '1,구기태,남,1958년 3월 12일,010-1234-5678,"코성형, 재수술"\n'
    "2,양준서,여,1981/08/23,010-2222-3333,지방흡입\n"
)


def found(text: str) -> list[tuple[str, str]]:
    results = StructuredFieldRecognizer().analyze(text, [])
    return sorted((r.entity_type, text[r.start : r.end]) for r in results)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CSV,
            [("DATE_OF_BIRTH", "1958년 3월 12일"), ("DATE_OF_BIRTH", "1981/08/23"),
             ("PERSON", "구기태"), ("PERSON", "양준서")],
        ),
        (
            "No\tHọ tên\tGiới\tNgày sinh\n1\tĐinh Văn Nhân\tNam\t25/1/1974\n",
            [("DATE_OF_BIRTH", "25/1/1974"), ("PERSON", "Đinh Văn Nhân")],
        ),
        (
            "| 시간 | 성명 | 신분증 |\n|---|---|---|\n| 09:33 | 손하린 | 여권 |\n",
            [("PERSON", "손하린")],
        ),
        (
            '{\n  "name": "THÁI THỊ THƯ",\n  "phone": "0912345678",\n'
            '  "birth_date": "1970-05-10",\n  "chart": 4241314\n}',
            [("DATE_OF_BIRTH", "1970-05-10"), ("MEDICAL_RECORD_NUMBER", "4241314"),
             ("PERSON", "THÁI THỊ THƯ")],
        ),
        (
            '2024-01-01 OPEN_NOTE patient="함윤아" chart=P-4241314 took=789ms',
            [("MEDICAL_RECORD_NUMBER", "P-4241314"), ("PERSON", "함윤아")],
        ),
        (
            "수진자명：NOH CHORONG    차트No.: 3431288\n생일：1959/10/10\nPatient ID: P-581882",
            [("DATE_OF_BIRTH", "1959/10/10"), ("MEDICAL_RECORD_NUMBER", "3431288"),
             ("MEDICAL_RECORD_NUMBER", "P-581882"), ("PERSON", "NOH CHORONG")],
        ),
        ("Home address: 221B Baker Street, London NW1 6XE", [
            ("ADDRESS", "221B Baker Street, London NW1 6XE")]),
    ],
)  # fmt: skip
def test_fields_are_typed_by_their_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a weak hint (name) with no personal field beside it: a product, a setting
        '{"name": "Restylane Lyft", "price": 350000}',
        "name=Botox100U qty=2",
        # values whose shape does not fit the hinted type
        "성명,생년월일,연락처\n미상,unknown,없음\n",
        "Name: 12345\nDate of birth: next Tuesday\nPatient ID: none",
        # lower-case words are logins, not names; a header of numbers is no header
        "user,name,role,ip\n1,rn_park03,nurse,10.0.0.1\n",
        "2021,2022,2023\n15,20,25\n",
        # what anonymization left is no longer the entity
        "주소: [ADDRESS], 4층\n성명: psn_0123456789abcdef",
        # chat lines are not form labels
        "[17:55] Võ Minh Vy: Chào chị\n",
        # prose with commas is no table
        "Hi, I'm fine, thanks.\nSee you, then, tomorrow.\n",
    ],
)
def test_fields_without_a_fitting_hint_give_nothing(text: str) -> None:
    assert found(text) == []


def test_a_weak_hint_counts_beside_a_personal_field() -> None:
    text = "name,phone,dob\nMinji Kim,010-1234-5678,1990-01-01\n"
    assert ("PERSON", "Minji Kim") in found(text)


def test_quoted_csv_cells_keep_their_commas() -> None:
    rows = list(table_rows(CSV))
    assert len(rows) == 2
    assert [CSV[f.start : f.end] for f in rows[0]][-1] == "코성형, 재수술"


def test_a_row_with_another_cell_count_ends_the_table() -> None:
    text = "성명,생년월일,성별\n김민수,1990-01-01,남\n합계: 1명\n이서연,1991-02-02,여\n"
    people = [text[f.start : f.end] for row in table_rows(text) for f in row if f.key == "성명"]
    assert people == ["김민수"]


def test_an_unquoted_comma_inside_a_date_keeps_the_row_in_the_table() -> None:
    text = (
        "id,patient_name,sex,dob,phone\n"
        "1,Matthew Gordon,M,Feb 26, 1982,+44 7865 561039\n"
        "2,Amelia Patel,F,07/10/2002,+1 917 885 3981\n"
        "3,Joy Washington,F,February 22, 1961,+44 20 7248 1560\n"
    )
    births = [text[f.start : f.end] for row in table_rows(text) for f in row if f.key == "dob"]
    assert births == ["Feb 26, 1982", "07/10/2002", "February 22, 1961"]


def test_extra_cells_that_make_no_date_still_end_the_table() -> None:
    text = "성명,생년월일,성별\n김민수,1990-01-01,남\n이서연,1991, 02,여\n박지훈,1992-03-03,남\n"
    people = [text[f.start : f.end] for row in table_rows(text) for f in row if f.key == "성명"]
    assert people == ["김민수"]


def test_the_clinics_own_address_field_is_not_reported() -> None:
    footer = "주소: 서울특별시 강남구 도산대로 318, 5층 (신사역 8번 출구 도보 3분)\nwww.ps.kr\n"
    assert [entity for entity, _ in found(footer)] == []
    home = "환자 주소: 서울특별시 강남구 도산대로 318, 5층\n연락처: 010-1234-5678\n"
    assert ("ADDRESS", "서울특별시 강남구 도산대로 318, 5층") in found(home)


def test_key_value_pairs_are_grouped_by_line() -> None:
    text = "a=1 patient=Lan chart=123456\nuser=x\n"
    assert [[f.key for f in record] for record in records(text) if record] == [
        ["a", "patient", "chart"], ["user"]
    ]  # fmt: skip


def test_the_engine_reports_table_cells(find) -> None:  # type: ignore[no-untyped-def]
    assert ("PERSON", "양준서") in find(CSV)
    assert ("DATE_OF_BIRTH", "1981/08/23") in find(CSV)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Họ tên\tHộ chiếu\tCCCD\nLê Lan\tC1234567\t079090001234\n",
         [("PERSON", "Lê Lan"), ("VN_NATIONAL_ID", "079090001234"), ("VN_PASSPORT", "C1234567")]),
        ("성명|여권번호|비고\n김민수|M123A4567|-\n",
         [("KR_PASSPORT", "M123A4567"), ("PERSON", "김민수")]),
        ("name,passport_no,dob\nWang Wei,E12345678,1990-01-01\n",  # China's: not KR nor VN
         [("DATE_OF_BIRTH", "1990-01-01"), ("PERSON", "Wang Wei")]),
        ("외국인등록번호: 820611-5125601", []),  # a wrong check digit
        ("CMND: 12345", []),
    ],
)  # fmt: skip
def test_identifier_fields_are_checked_by_layout(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# --- the shortcuts give what the plain way gives ----------------------------------------------

LABEL_PARTS = [
    "Name", "DOB", "주소", "생년월일", "Ngày sinh", "Họ tên", "Medical chart", "Patient", "Title",
    "x", "10", "[17", "1985-03-05", "Nguyễn Văn An", "3431288", "Visit",
]  # fmt: skip
SEPARATORS = [":", "：", " : ", "\n", "\r\n", " ", "|", "=", '"', ",", ""]
WIDE_GAPS = ["  ", "\t", " | "]  # where labels may also start mid-line
TABLE_NAMES = [
    "성명", "생년월일", "Name", "DOB", "phone", "Họ tên", "1번", " 2x", "²a", "", "x" * 41,
]  # fmt: skip
TABLE_VALUES = [
    "구기태", "1958년 3월 12일", "1", " 2", "Feb 26", " 1982", '"a, 1"', "---", ":---:", "",
    "Nguyễn Văn An", "1981/08/23", "P-12345",
]  # fmt: skip


def generated_forms(count: int) -> list[str]:
    """Labels, values and separators in any order: titles, times, several colons on a line;
    in one text of five, wide gaps too."""
    rng = random.Random(20261125)
    texts = []
    for _ in range(count):
        separators = SEPARATORS + WIDE_GAPS if rng.random() < 0.2 else SEPARATORS
        parts = [
            rng.choice(LABEL_PARTS) + rng.choice(separators) for _ in range(rng.randint(1, 14))
        ]
        texts.append("".join(parts))
    return texts


def generated_tables(count: int) -> list[str]:
    """A header and rows of one delimiter, some with outer pipes, rules or a stray line."""
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        delimiter, width = rng.choice(fields.DELIMITERS), rng.randint(2, 5)
        lines = [delimiter.join(rng.choice(TABLE_NAMES) for _ in range(width))]
        for _ in range(rng.randint(1, 4)):
            cells = width + rng.choice([0, 0, 0, 1, -1])
            lines.append(delimiter.join(rng.choice(TABLE_VALUES) for _ in range(cells)))
        if rng.random() < 0.3:
            lines = ["|" + line + "|" for line in lines]
        if rng.random() < 0.3:
            lines.insert(rng.randint(0, len(lines)), rng.choice(["intro", "1, 2, 3", "---|---"]))
        texts.append(rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n"]))
    return texts


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    return [doc.text for seed in (21, 22) for doc in generate(seed, 300)]


def form_fields_by_search(text: str) -> Iterator[fields.Field]:
    """The reference: from each colon, ``_LABEL`` searched before it."""
    consumed = 0
    for colon in fields._COLON.finditer(text):
        at = colon.start()
        if at < consumed:
            continue
        if 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            continue
        label = fields._LABEL.search(text, max(0, at - fields._LABEL_REACH), at)
        if label is None or not fields.field_hints(label.group("key").strip()):
            continue
        value = fields._VALUE.match(text, colon.end())
        if value is None:
            continue
        consumed = value.end()
        field = fields._form_field(text, label.group("key"), value)
        if field is not None:
            yield field


def test_form_fields_found_from_line_labels_equal_a_search_from_each_colon(
    corpus_texts: list[str],
) -> None:
    for text in corpus_texts + generated_forms(20000):
        assert list(fields._form_fields(text)) == list(form_fields_by_search(text)), text


def tables_without_shortcuts(text: str) -> Iterator[list[fields.Field]]:
    """The reference: every line split, for each delimiter two neighbouring lines hold often."""
    lines = fields._lines(text)
    for delimiter in fields.DELIMITERS:
        counts = [text.count(delimiter, start, end) for start, end in lines]
        wide = [count >= fields.MIN_COLUMNS - 1 for count in counts]
        if any(a and b for a, b in zip(wide, wide[1:], strict=False)):
            cells = [fields._cells(text, start, end, delimiter) for start, end in lines]
            yield from fields._tables(text, cells)


def test_tables_found_with_the_gates_equal_tables_found_without(corpus_texts: list[str]) -> None:
    for text in corpus_texts + generated_tables(20000):
        assert list(table_rows(text)) == list(tables_without_shortcuts(text)), text
