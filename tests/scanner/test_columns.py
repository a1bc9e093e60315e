"""Column classification: sampled values and the column's name, in ko/vi/en, with decoys."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from scanner.columns import ColumnFinding, classify_column, load_hints, name_hints, tokens
from scanner.engine import Engine
from scanner.recognizers import field_names

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def rrn(birth: date, sex: int, serial: int) -> str:
    """A resident registration number with a valid check digit."""
    digits = f"{birth:%y%m%d}{sex}{serial:05d}"
    check = (11 - sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11) % 10
    return f"{digits[:6]}-{digits[6:]}{check}"


def rrns(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [
        rrn(date(1940, 1, 1) + timedelta(days=rng.randrange(25_000)), rng.choice((1, 2)), i)
        for i in range(count)
    ]


def by_type(findings: list[ColumnFinding]) -> dict[str, ColumnFinding]:
    return {f.entity_type: f for f in findings}


# --- columns that hold personal data ---------------------------------------------------------

KO_NAMES = ["홍길동", "김민수", "이서연", "박지훈", "최유진", "정하늘"]
VI_NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Hà"]
EN_NAMES = ["Mary Johnson", "Robert Williams", "Linda Brown", "James Miller"]
PHONES = ["010-1234-5678", "02-555-1234", "+84 912 345 678", "0912345678", "010 9876 5432"]
EMAILS = ["minsu.kim@naver.com", "hoa.nguyen@gmail.com", "s.miller@example.org"]
KO_ADDRESSES = ["서울특별시 강남구 테헤란로 123, 4층", "부산광역시 해운대구 우동 123-45"]
VI_ADDRESSES = [
    "số 12 đường Nguyễn Trãi, phường 7, quận 5, TP. Hồ Chí Minh",
    "25 Lý Thường Kiệt, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
]
EN_ADDRESSES = ["123 Main Street, Springfield, IL 62704", "42 Oak Avenue, Apt 4B, Boston, MA 02118"]
CCCDS = ["079090001234", "001185012345", "096205123456"]
NOTES = [
    "환자 김민수님, 연락처 010-2345-6789. 고혈압, 당뇨 진단. 아스피린 100mg 처방.",
    "Bệnh nhân Nguyễn Thị Hoa, SĐT 0912 345 678, chẩn đoán viêm phổi, kê đơn amoxicillin.",
    "Patient Sarah Miller (DOB 1975-04-12) seen for asthma; prescribed salbutamol. "
    "Call (212) 736-5000.",
]
BIRTH_DATES = [date(1988, 2, 27), date(1990, 1, 1), date(1975, 4, 12), date(2001, 12, 31)]

PERSONAL: list[tuple[str, str, list[Any], str | None, str, str]] = [
    # (table, column, values, sql_type, expected entity, source)
    ("patients", "rrn", rrns(200), "VARCHAR(14)", "KR_RRN", "values+name"),
    ("환자", "주민등록번호", rrns(50, seed=3), None, "KR_RRN", "values+name"),
    ("patients", "col_a", rrns(50, seed=5), None, "KR_RRN", "values"),
    ("benh_nhan", "so_cccd", CCCDS * 5, "CHAR(12)", "VN_NATIONAL_ID", "values+name"),
    ("patients", "phone", PHONES * 10, None, "PHONE_NUMBER", "values+name"),
    ("benh_nhan", "so_dien_thoai", PHONES * 3, None, "PHONE_NUMBER", "values+name"),
    ("환자", "휴대폰번호", PHONES, None, "PHONE_NUMBER", "values+name"),
    ("환자", "환자명", KO_NAMES * 5, None, "PERSON", "values+name"),
    ("benh_nhan", "ho_ten", VI_NAMES * 5, None, "PERSON", "values+name"),
    ("patients", "full_name", EN_NAMES * 5, None, "PERSON", "values+name"),
    ("patients", "email", EMAILS * 4, None, "EMAIL_ADDRESS", "values+name"),
    ("customers", "contact", EMAILS, None, "EMAIL_ADDRESS", "values"),
    ("환자", "주소", KO_ADDRESSES * 3, None, "ADDRESS", "values+name"),
    ("benh_nhan", "dia_chi", VI_ADDRESSES * 3, None, "ADDRESS", "values+name"),
    ("orders", "shipping_address", EN_ADDRESSES * 3, None, "ADDRESS", "values+name"),
    ("patients", "birth_date", BIRTH_DATES * 5, "DATE", "DATE_OF_BIRTH", "values+name"),
    ("patients", "dob", [datetime(1988, 2, 27)] * 3, "TIMESTAMP", "DATE_OF_BIRTH", "values+name"),
    ("benh_nhan", "ngay_sinh", ["27/02/1988", "05-03-1990", "1985-11-30"], None,
     "DATE_OF_BIRTH", "values+name"),
    ("환자", "생년월일", ["1988-02-27", "19900101", "1975.04.12"], None,
     "DATE_OF_BIRTH", "values+name"),
    ("patients", "birth_year", [1988, 1990, 1975, 2001] * 3, "INTEGER", "DATE_OF_BIRTH", "name"),
    ("visits", "chan_doan", ["Tăng huyết áp", "Đái tháo đường type 2"] * 3, None,
     "MEDICAL_CONDITION", "values+name"),
    ("visits", "진단명", ["고혈압", "당뇨병"] * 3, None, "MEDICAL_CONDITION", "values+name"),
    ("visits", "diagnosis", ["I10", "E11.9", "J45"] * 3, None, "MEDICAL_CONDITION", "name"),
    ("prescriptions", "medication", ["metformin 500mg", "아스피린", "Paracetamol"], None,
     "MEDICATION", "values+name"),
    ("charts", "mrn", ["12345678", "00234567", "A-2023-0001"], None,
     "MEDICAL_RECORD_NUMBER", "values+name"),
    ("access_logs", "ip_address", ["192.168.0.1", "10.0.0.5", "2001:db8::1"], None,
     "IP_ADDRESS", "values+name"),
    ("payments", "card_no", ["4111-1111-1111-1111", "5500 0000 0000 0004"], None,
     "CREDIT_CARD", "values+name"),
    # behind the column's label, a form line "성명: Madonna" types even mononyms by value
    ("patients", "patient_name", ["Madonna", "Prince", "Cher", "Sting"], None, "PERSON",
     "values+name"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("table", "column", "values", "sql_type", "entity", "source"),
    PERSONAL,
    ids=[f"{row[0]}.{row[1]}" for row in PERSONAL],
)
def test_personal_columns_are_classified(
    engine: Engine,
    table: str,
    column: str,
    values: list[object],
    sql_type: str | None,
    entity: str,
    source: str,
) -> None:
    found = by_type(classify_column(engine, table, column, values, sql_type))
    assert entity in found, found
    finding = found[entity]
    assert finding.source == source
    assert 0.0 < finding.confidence <= 1.0
    assert 0.0 < finding.share <= 1.0
    assert finding.count == round(finding.share * len(values))
    assert_no_raw_value(list(found.values()), values)


def test_a_valid_rrn_column_is_fully_counted_and_masked(engine: Engine) -> None:
    values = rrns(300)
    (finding,) = classify_column(engine, "patients", "jumin_no", values)
    assert (finding.entity_type, finding.count, finding.share) == ("KR_RRN", 300, 1.0)
    assert finding.confidence == 1.0
    assert finding.sample[:4] in {v[:4] for v in values}
    assert finding.sample[4:] == "**-*******"


def test_name_hints_raise_confidence_over_values_alone(engine: Engine) -> None:
    values = rrns(40)
    named = by_type(classify_column(engine, "patients", "rrn", values))["KR_RRN"]
    unnamed = by_type(classify_column(engine, "patients", "col7", values))["KR_RRN"]
    assert named.source == "values+name" and unnamed.source == "values"
    assert named.confidence >= unnamed.confidence


def test_clinical_notes_count_every_entity_in_them(engine: Engine) -> None:
    values = [f"{note} #{i}" for i, note in enumerate(NOTES * 20)]
    found = by_type(classify_column(engine, "visits", "memo", values, "TEXT"))
    assert {"PERSON", "PHONE_NUMBER", "MEDICAL_CONDITION", "MEDICATION"} <= set(found)
    assert found["PERSON"].share == 1.0
    assert found["DATE_OF_BIRTH"].count == 20  # only the English note has a birth date
    assert all(f.source == "values" for f in found.values())
    assert_no_raw_value(list(found.values()), values)


@pytest.mark.parametrize("column", ["note", "ghi_chu", "경과기록", "clinical_note"])
def test_single_language_notes(engine: Engine, column: str) -> None:
    for note in NOTES:
        found = by_type(classify_column(engine, "visits", column, [note] * 5))
        assert {"PERSON", "PHONE_NUMBER"} <= set(found), note


def test_a_json_column_is_analysed_as_text(engine: Engine) -> None:
    values: list[object] = [
        {"name": "Nguyễn Văn An", "phone": "0912 345 678", "email": "an.nguyen@gmail.com"},
        {"guardian": {"phone": "010-2345-6789"}, "tags": ["고혈압", "당뇨"]},
        [{"tel": "010-9876-5432"}],
    ] * 4
    found = by_type(classify_column(engine, "patients", "extra", values, "JSONB"))
    assert found["PHONE_NUMBER"].share == 1.0
    assert "EMAIL_ADDRESS" in found
    assert_no_raw_value(list(found.values()), ["0912 345 678", "an.nguyen@gmail.com"])


# --- decoys ----------------------------------------------------------------------------------


def _order_numbers(count: int) -> list[str]:
    """Order numbers ``yymmdd`` + a 7-digit sequence: one in ten passes the RRN check."""
    rng = random.Random(11)
    return [f"24{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{i:07d}" for i in range(count)]


def _sixteen_digits(count: int) -> list[int]:
    """Random 16-digit numbers: one in ten passes Luhn."""
    rng = random.Random(13)
    return [rng.randrange(10**15, 10**16) for _ in range(count)]


DECOYS = [
    ("orders", "order_no", _order_numbers(1000), "VARCHAR(13)"),
    ("orders", "id", list(range(1, 1001)), "INTEGER"),
    ("payments", "transaction_id", _sixteen_digits(1000), "BIGINT"),
    ("invoices", "invoice_no", [f"INV-2024-{i:06d}" for i in range(300)], None),
    ("products", "product_code", [f"SKU-880{i:010d}" for i in range(300)], None),
    ("products", "barcode", [f"880{i:010d}" for i in range(300)], None),
    ("products", "price", [Decimal("12000.50"), Decimal("35000"), 4500, 99.9] * 50, "NUMERIC"),
    ("order_items", "quantity", [1, 2, 3, 10, 25] * 40, "INTEGER"),
    ("visits", "created_at",
     [datetime(2024, 1, 1, 10, tzinfo=UTC) + timedelta(hours=7 * i) for i in range(500)],
     "TIMESTAMP"),
    ("visits", "visit_date", [date(2023, 5, 1) + timedelta(days=i) for i in range(300)], "DATE"),
    ("visits", "created_at", [f"2024-03-{d:02d}T10:{d:02d}:00" for d in range(1, 29)], None),
    ("patients", "rrn", ["N/A", "unknown", "-", "123456-1234567", "000000-0000000"] * 20, None),
    ("patients", "주민번호", ["미상", "없음", "해당없음"] * 10, None),
    ("patients", "patient_name", ["N/A", "unknown", "-"] * 10, None),
    ("products", "name", ["Widget", "Gadget Pro", "USB cable", "Notebook A5"] * 10, None),
    ("patients", "birth_date", ["N/A", "-", "unknown"] * 5, None),
    ("patients", "phone", ["N/A", "없음", "-"] * 5, None),
    ("files", "content", [b"\x00\x01binary", memoryview(b"\x89PNG"), bytearray(b"x")], "BYTEA"),
    ("patients", "note", [None, "", "   "], "TEXT"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("table", "column", "values", "sql_type"),
    DECOYS,
    ids=[f"{row[0]}.{row[1]}" for row in DECOYS],
)
def test_decoy_columns_yield_nothing(
    engine: Engine, table: str, column: str, values: list[object], sql_type: str | None
) -> None:
    assert classify_column(engine, table, column, values, sql_type) == []


def test_a_few_lucky_checksums_among_id_numbers_are_dropped(engine: Engine) -> None:
    numbers = _order_numbers(1000)
    joined = engine.analyze("\n\n".join(numbers)).detections
    assert sum(d.entity_type == "KR_RRN" for d in joined) > 50  # one in ten passes by chance
    found = by_type(classify_column(engine, "orders", "ref", numbers + rrns(5)))
    assert "KR_RRN" not in found


def test_values_do_not_cross_the_separator(engine: Engine) -> None:
    # "010-1234" + "5678" would read as a phone number if joined
    assert classify_column(engine, "codes", "code", ["010-1234", "5678"] * 20) == []


# --- shares and counting -----------------------------------------------------------------------


def test_share_counts_rows_and_skips_empty_values(engine: Engine) -> None:
    phones = ["010-1234-5678", "010-2222-3333"] * 5  # duplicates count once per row
    values: list[object] = [*phones, *(["no phone here"] * 30), None, "", b"\x00"]
    (finding,) = classify_column(engine, "visits", "remark", values)
    assert finding.entity_type == "PHONE_NUMBER"
    assert finding.count == 10
    assert finding.share == 0.25  # 10 of 40 non-empty values


def test_min_share_filters_rare_detections(engine: Engine) -> None:
    values = ["연락처 010-1234-5678"] * 3 + [f"진료 메모 {i}" for i in range(97)]
    assert classify_column(engine, "visits", "memo", values) == []
    (finding,) = classify_column(engine, "visits", "memo", values, min_share=0.01)
    assert (finding.entity_type, finding.count, finding.share) == ("PHONE_NUMBER", 3, 0.03)


def test_findings_are_sorted_by_confidence(engine: Engine) -> None:
    findings = classify_column(engine, "visits", "memo", NOTES * 3)
    confidences = [f.confidence for f in findings]
    assert confidences == sorted(confidences, reverse=True)


def test_a_weak_name_hint_needs_the_values(engine: Engine) -> None:
    assert classify_column(engine, "products", "name", ["홍삼 음료", "김치"] * 5) == []
    people = by_type(classify_column(engine, "patients", "name", KO_NAMES))
    assert people["PERSON"].source == "values+name"


def test_findings_are_frozen_dataclasses(engine: Engine) -> None:
    (finding,) = classify_column(engine, "patients", "email", EMAILS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.count = 0  # type: ignore[misc]


def assert_no_raw_value(findings: list[ColumnFinding], values: Sequence[object]) -> None:
    """No sampled value (as text, 3+ characters) appears in any field of any finding."""
    texts = {str(v).strip() for v in values if v is not None}
    for finding in findings:
        fields = [str(getattr(finding, f.name)) for f in dataclasses.fields(finding)]
        for text in texts:
            if len(text) >= 3:
                assert not any(text in field for field in fields), finding.entity_type


def test_no_finding_ever_holds_a_raw_value(engine: Engine) -> None:
    for table, column, values, sql_type, _, _ in PERSONAL:
        findings = classify_column(engine, table, column, values, sql_type)
        assert_no_raw_value(findings, values)
        for finding in findings:
            assert "*" in finding.sample


# --- name hints --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("patientDOB_2", ("patient", "dob", "2")),
        ("IPAddress", ("ip", "address")),
        ("HoTen", ("ho", "ten")),
        ("số_điện_thoại", ("so", "dien", "thoai")),
        ("addr1", ("addr", "1")),
        ("환자 주민번호", ("환자", "주민번호")),
        ("E-Mail", ("e", "mail")),
    ],
)
def test_tokens(name: str, expected: tuple[str, ...]) -> None:
    assert tokens(name) == expected


HINTS = [
    ("rrn", {"KR_RRN"}), ("jumin_no", {"KR_RRN"}), ("juminno", {"KR_RRN"}),
    ("resident_no", {"KR_RRN"}), ("ssn", {"KR_RRN"}), ("주민등록번호", {"KR_RRN"}),
    ("환자주민번호", {"KR_RRN"}), ("so_cccd", {"VN_NATIONAL_ID"}), ("CMND", {"VN_NATIONAL_ID"}),
    ("national_id", {"VN_NATIONAL_ID"}), ("ho_ten", {"PERSON"}), ("HoTen", {"PERSON"}),
    ("patient_name", {"PERSON"}), ("환자명", {"PERSON"}), ("성명", {"PERSON"}),
    ("phone2", {"PHONE_NUMBER"}), ("hp", {"PHONE_NUMBER"}), ("sdt", {"PHONE_NUMBER"}),
    ("số_điện_thoại", {"PHONE_NUMBER"}), ("휴대폰번호", {"PHONE_NUMBER"}),
    ("연락처", {"PHONE_NUMBER"}), ("e_mail", {"EMAIL_ADDRESS"}),
    ("email_address", {"EMAIL_ADDRESS"}), ("이메일주소", {"EMAIL_ADDRESS"}),
    ("shipping_address", {"ADDRESS"}), ("dia_chi", {"ADDRESS"}), ("주소", {"ADDRESS"}),
    ("addr1", {"ADDRESS"}), ("birth_place", {"ADDRESS"}), ("dob", {"DATE_OF_BIRTH"}),
    ("dateOfBirth", {"DATE_OF_BIRTH"}), ("birth_date", {"DATE_OF_BIRTH"}),
    ("birthday", {"DATE_OF_BIRTH"}), ("ngay_sinh", {"DATE_OF_BIRTH"}),
    ("sinh_nhat", {"DATE_OF_BIRTH"}), ("생년월일", {"DATE_OF_BIRTH"}),
    ("passport_no", {"KR_PASSPORT", "VN_PASSPORT"}), ("ho_chieu", {"KR_PASSPORT", "VN_PASSPORT"}),
    ("여권번호", {"KR_PASSPORT", "VN_PASSPORT"}), ("diagnosis", {"MEDICAL_CONDITION"}),
    ("chan_doan", {"MEDICAL_CONDITION"}), ("진단명", {"MEDICAL_CONDITION"}),
    ("병명", {"MEDICAL_CONDITION"}), ("surgery", {"MEDICAL_PROCEDURE"}),
    ("thu_thuat", {"MEDICAL_PROCEDURE"}), ("시술명", {"MEDICAL_PROCEDURE"}),
    ("drug", {"MEDICATION"}), ("thuoc", {"MEDICATION"}), ("약", {"MEDICATION"}),
    ("처방", {"MEDICATION"}), ("mrn", {"MEDICAL_RECORD_NUMBER"}),
    ("chart_no", {"MEDICAL_RECORD_NUMBER"}), ("차트번호", {"MEDICAL_RECORD_NUMBER"}),
    ("ip", {"IP_ADDRESS"}), ("ip_address", {"IP_ADDRESS"}), ("IPAddress", {"IP_ADDRESS"}),
    ("client_ip", {"IP_ADDRESS"}), ("card_no", {"CREDIT_CARD"}),
    ("credit_card", {"CREDIT_CARD"}),
    # no hint
    ("zip", set()), ("description", set()), ("recipient", set()), ("shipping", set()),
    ("order_no", set()), ("invoice_number", set()), ("created_at", set()), ("price", set()),
    ("quantity", set()), ("product_code", set()), ("id", set()), ("예약일", set()),
    ("요약", set()), ("telemetry", set()), ("hotel", set()),
]  # fmt: skip


@pytest.mark.parametrize(("column", "expected"), HINTS, ids=[h[0] for h in HINTS])
def test_name_hints(column: str, expected: set[str]) -> None:
    assert name_hints(column) == expected


def test_a_bare_name_is_a_weak_hint_unless_the_table_is_about_people() -> None:
    assert name_hints("name", "products") == {"PERSON"}
    assert name_hints("name", "products", weak=False) == frozenset()
    assert name_hints("product_name", "products", weak=False) == frozenset()
    for table in ("patients", "benh_nhan", "환자정보", "Customers"):
        assert name_hints("name", table, weak=False) == {"PERSON"}, table
    assert name_hints("full_name", "products", weak=False) == {"PERSON"}


def test_hints_are_extendable_with_a_file(tmp_path: Path) -> None:
    extra = tmp_path / "hints.txt"
    extra.write_text("# site words\nMEDICAL_RECORD_NUMBER: so_benh_an, 외래번호\n", "utf-8")
    hints = load_hints([field_names.HINTS_FILE, extra])
    assert name_hints("so_benh_an", hints=hints) == {"MEDICAL_RECORD_NUMBER"}
    assert name_hints("외래번호", hints=hints) == {"MEDICAL_RECORD_NUMBER"}
    assert name_hints("rrn", hints=hints) == {"KR_RRN"}
    assert name_hints("so_benh_an") == frozenset()


def test_hint_files_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "hints.txt"
    extra.write_text("PERSON: nguoi_lien_he\n", "utf-8")
    monkeypatch.setenv(field_names.HINTS_ENV, str(extra))
    field_names.default_hints.cache_clear()
    try:
        assert name_hints("nguoi_lien_he") == {"PERSON"}
    finally:
        monkeypatch.delenv(field_names.HINTS_ENV)
        field_names.default_hints.cache_clear()
    assert name_hints("nguoi_lien_he") == frozenset()


def test_long_free_text_is_analysed_up_to_a_budget(engine: Engine) -> None:
    values = [f"연락처 010-1234-{i:04d}. " + "경과 양호. " * 20 for i in range(100)]
    values += ["경과 양호. " * 20] * 100  # beyond the budget: not counted at all
    budget = sum(len(v) for v in values[:100])
    (finding,) = classify_column(engine, "visits", "memo", values, max_chars=budget)
    assert (finding.entity_type, finding.count, finding.share) == ("PHONE_NUMBER", 100, 1.0)
    (whole,) = classify_column(engine, "visits", "memo", values)
    assert (whole.count, whole.share) == (100, 0.5)
