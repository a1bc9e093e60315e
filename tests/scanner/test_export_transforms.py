"""Per-column transformations of research exports, profiles, and the two-pass build."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from scanner.anonymize import redact_identifying, shift_date, shift_days
from scanner.engine import Detection
from scanner.export_profile import ProfileError, load_profile, parse_profile, suggest
from scanner.research import ExportError, build
from scanner.transform import pseudonym

KEY = b"k" * 32
OTHER = b"o" * 32
COLUMNS = ["mrn", "name", "born", "sex", "visit", "diagnosis", "note"]


def detection(entity: str, start: int, end: int) -> Detection:
    return Detection(entity_type=entity, start=start, end=end, score=0.9)


def test_a_subjects_shift_is_keyed_bounded_and_stable() -> None:
    shifts = [shift_days(f"MRN-{i}", KEY, 30) for i in range(500)]
    assert all(-30 <= s <= 30 for s in shifts) and len(set(shifts)) > 40
    assert shift_days("MRN-1", KEY, 30) == shift_days("MRN-1", KEY, 30)
    assert [shift_days(f"MRN-{i}", OTHER, 30) for i in range(500)] != shifts


def test_a_shift_is_not_derived_from_the_pseudonym() -> None:
    digest = pseudonym("MRN-1", KEY)[4:]
    assert shift_days("MRN-1", KEY, 10**6) != int(digest[:16], 16) % (2 * 10**6 + 1) - 10**6


@pytest.mark.parametrize(("value", "moved"), [
    (date(2024, 2, 27), date(2024, 3, 1)),
    (datetime(2024, 2, 27, 9, 30), datetime(2024, 3, 1, 9, 30)),
    ("2024-02-27", "2024-03-01"),
    ("2024-02-27T09:30:00", "2024-03-01T09:30:00"),
])
def test_dates_shift_and_keep_their_type(value: object, moved: object) -> None:
    assert shift_date(value, 3) == moved


def test_a_non_date_is_refused_without_quoting_it() -> None:
    with pytest.raises(ValueError) as error:
        shift_date("홍길동", 3)
    assert "홍길동" not in str(error.value)


def test_redaction_keeps_clinical_terms_and_repeats_until_clean() -> None:
    text = "김민준 환자 쌍꺼풀 수술, 010-1234-5678"

    def detect(value: str) -> list[Detection]:
        found = []
        if "김민준" in value:
            found.append(detection("PERSON", 0, 3))
        if "010-1234-5678" in value:
            start = value.index("010")
            found.append(detection("PHONE_NUMBER", start, start + 13))
        if "쌍꺼풀" in value:
            start = value.index("쌍꺼풀")
            found.append(detection("MEDICAL_PROCEDURE", start, start + 6))
        return found

    assert redact_identifying(text, detect) == "[PERSON] 환자 쌍꺼풀 수술, [PHONE_NUMBER]"


PROFILE = """
k: 2
max_suppression: 0.0
columns:
  name: identifier
  mrn: {role: identifier, pseudonymize: true}
  born: {role: quasi, generalize: year}
  sex: quasi
  visit: {role: quasi, shift_days: 20, generalize: date}
  diagnosis: sensitive
"""


def rows() -> list[tuple[Any, ...]]:
    out = []
    for i in range(40):
        for visit in range(2):  # two visits a week apart per patient
            out.append((f"MRN-{i}", f"Patient {i}", date(1980 + i % 4, 5, 17), "MF"[i % 2],
                        date(2024, 1, 10) + timedelta(days=7 * visit + i), "rhinoplasty",
                        "note"))
    return out


def built(tmp_path: Path, profile: str = PROFILE, key: bytes | None = KEY,
          data: list[tuple[Any, ...]] | None = None) -> tuple[list[dict[str, str]], dict[str, Any]]:
    source = data if data is not None else rows()
    report = build([(COLUMNS, source[:30]), (COLUMNS, []), (COLUMNS, source[30:])],
                   load_profile(profile), tmp_path, key)
    with (tmp_path / "data.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle)), report


def test_identifiers_go_pseudonyms_match_in_place_ones_and_the_key_stays_out(
    tmp_path: Path
) -> None:
    out, report = built(tmp_path)
    assert list(out[0]) == ["mrn", "born", "sex", "visit", "diagnosis"]
    assert {r["mrn"] for r in out} == {pseudonym(f"MRN-{i}", KEY) for i in range(40)}
    text = (tmp_path / "data.csv").read_text() + (tmp_path / "report.json").read_text()
    assert "Patient" not in text and "MRN-" not in text and KEY.decode() not in text
    assert report["columns"]["name"] == "dropped"
    assert not (tmp_path / ".spool.arrow").exists()


def test_one_subjects_dates_move_together(tmp_path: Path) -> None:
    profile = PROFILE.replace("k: 2", "k: 1")
    out, report = built(tmp_path, profile)
    assert report["hierarchies"]["visit"]["level"] == 0
    by_subject: dict[str, list[date]] = {}
    for row in out:
        by_subject.setdefault(row["mrn"], []).append(date.fromisoformat(row["visit"]))
    original = {f"MRN-{i}": date(2024, 1, 10) + timedelta(days=i) for i in range(40)}
    for subject, visits in by_subject.items():
        assert visits[1] - visits[0] == timedelta(days=7)  # intervals survive
        assert subject.startswith("psn_")
    moved = [abs((date.fromisoformat(r["visit"]) - original[m]).days) for r, m in zip(
        out[::2], [f"MRN-{i}" for i in range(40)], strict=True)]
    assert max(moved) <= 20 and len(set(moved)) > 3


def test_the_manifest_hashes_the_data_and_names_the_model(tmp_path: Path) -> None:
    import hashlib

    _, report = built(tmp_path)
    digest = hashlib.sha256((tmp_path / "data.csv").read_bytes()).hexdigest()
    assert report["manifest"]["sha256"] == digest
    assert report["manifest"]["profile"]["k"] == 2
    assert json.loads((tmp_path / "report.json").read_text())["manifest"]["sha256"] == digest


def test_pseudonyms_and_shifts_need_a_key(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="EXPUNGE_PSEUDONYM_KEY"):
        built(tmp_path, key=None)


def test_columns_the_profile_names_must_exist(tmp_path: Path) -> None:
    profile = PROFILE + "  ward: quasi\n"
    with pytest.raises(ExportError, match="ward"):
        built(tmp_path, profile)


@pytest.mark.parametrize(("text", "field"), [
    ("k: 0\ncolumns: {sex: quasi}", "k"),
    ("columns: {sex: {role: quasi, pseudonymize: true}}", "columns.sex"),
    ("columns: {sex: {role: secret}}", "columns.sex.role"),
    ("columns: {sex: {role: quasi, generalize: galaxy}}", "columns.sex"),
    ("columns: {note: insensitive}", "profile"),  # no quasi-identifier
    ("l: 2\ncolumns: {sex: quasi}", "profile"),  # l-diversity without a sensitive column
    ("columns: {sex: quasi, d: {role: insensitive, shift_days: 5}}", "profile"),
    ("k: [", "YAML"),
])
def test_profile_errors_name_the_field(text: str, field: str) -> None:
    with pytest.raises(ProfileError) as error:
        load_profile(text)
    assert field in str(error.value)


def test_a_shorthand_role_is_a_full_spec() -> None:
    profile = parse_profile({"columns": {"sex": "quasi", "d": "sensitive"}, "l": 1})
    assert profile.quasi == ["sex"] and profile.sensitive == ["d"]
    assert profile.columns["sex"].role == "quasi"


def test_a_suggested_profile_follows_the_findings_and_validates_once_reviewed() -> None:
    import yaml

    text = suggest({"rrn": {"KR_RRN"}, "full_name": {"PERSON"}, "birth_date": {"DATE_OF_BIRTH"},
                    "address": {"ADDRESS"}, "notes": {"MEDICAL_PROCEDURE"}, "id": set()})
    columns = yaml.safe_load(text)["columns"]
    assert columns == {
        "rrn": {"role": "identifier"},
        "full_name": {"role": "identifier", "pseudonymize": True},
        "birth_date": {"role": "quasi", "generalize": "date"},
        "address": {"role": "quasi", "generalize": "address"},
        "notes": {"role": "sensitive"}, "id": {"role": "insensitive"}}
    assert parse_profile(yaml.safe_load(text)).quasi == ["birth_date", "address"]


def test_values_that_do_not_fit_their_hierarchy_or_shift_are_named_not_quoted(
    tmp_path: Path
) -> None:
    from scanner.hierarchies import HierarchyError

    with pytest.raises(HierarchyError) as error:
        built(tmp_path, PROFILE.replace("  sex: quasi", "  sex: {role: quasi, generalize: date}"))
    assert "sex" in str(error.value) and "'M'" not in str(error.value)
    shifted_name = PROFILE + "  note: {role: insensitive, shift_days: 3}\n"
    with pytest.raises(ExportError, match="note: shift"):
        built(tmp_path / "b", shifted_name)
