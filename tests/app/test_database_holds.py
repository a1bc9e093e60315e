"""Legal holds on rows and on data subjects: held rows (and everything depending on them)
are left out of every row set, also of one approved before the hold was placed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.test_database_flow import RETENTION, TODAY, configure
from tests.conftest import Cli, Clinic
from tests.db_clinic import Estate, column, scalar, seed, source_database

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
OLD_VISIT = 3  # every third visit is more than ten years old; visit 3 belongs to patient 2


@pytest.fixture(params=KINDS)
def estate(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Estate]:
    with source_database(request.param, tmp_path) as url:
        yield seed(url)


def rows_of(cli: Cli, table: str) -> dict[str, object]:
    plan = cli.json("plan", "--today", TODAY)
    return next(r for r in plan if r["item"].startswith(f"{table} WHERE"))


def test_held_rows_and_their_dependants_are_never_deleted(tmp_path: Path, estate: Estate):
    cli = configure(tmp_path, estate, [
        {"table": "visits", "clock": "visit_date", "category": "medical_record",
         "action": "delete"}])
    cli("holds", "add", "--reason", "dispute", "--case", "2026-17", "--source", "emr",
        "--table", "visits", "--where", f"id={OLD_VISIT}")
    assert rows_of(cli, "visits")["rows"] == estate.old_visits - 1
    cli("approve", "--all")
    assert {r["state"] for r in cli.json("enforce")} == {"done"}
    assert column(estate.url, "SELECT id FROM visits WHERE visit_date < '2016-11-26'") == \
        [OLD_VISIT]
    assert scalar(estate.url, f"SELECT count(*) FROM prescriptions WHERE visit_id = {OLD_VISIT}")\
        == 1
    holds = cli.json("holds", "list")
    assert holds[0]["case"] == "2026-17" and "visits.id (1 key(s))" in holds[0]["covers"]


def test_a_hold_placed_after_approval_narrows_the_approved_row_set(tmp_path: Path,
                                                                  estate: Estate):
    cli = configure(tmp_path, estate, RETENTION)
    before = rows_of(cli, "prescriptions")["rows"]
    cli("approve", "--all")
    held_rx = scalar(estate.url, f"SELECT count(*) FROM prescriptions WHERE visit_id = "
                                 f"{OLD_VISIT} AND issued_at < '2024-11-26'")
    assert held_rx == 1
    cli("holds", "add", "--reason", "investigation", "--source", "emr", "--table", "visits",
        "--where", f"id={OLD_VISIT}")
    states = {r["item"].split()[0]: r["state"] for r in cli.json("enforce", expect=1)}
    assert states["prescriptions"] == "done"
    assert states["visits"] == "failed"  # anonymizing needs a scan's findings: none here
    left = column(estate.url, "SELECT visit_id FROM prescriptions WHERE issued_at < '2024-11-26'")
    assert left == [OLD_VISIT]  # the approved set minus the held visit's prescription
    assert before == estate.old_prescriptions


def test_a_subject_hold_covers_the_subjects_rows_everywhere(tmp_path: Path, estate: Estate):
    cli = configure(tmp_path, estate, [
        *RETENTION, {"table": "patients", "clock": "created_at", "category": "patient_roster"}])
    cli("scan")
    result = cli("holds", "add", "--reason", "court order", "--subject",
                 "email=patient2@example.org")
    assert "patient2@example.org" not in result.output
    assert rows_of(cli, "visits")["rows"] == estate.old_visits - 1  # patient 2's old visit
    cli("approve", "--all")
    assert {r["state"] for r in cli.json("enforce")} == {"done"}
    assert scalar(estate.url, "SELECT count(*) FROM visits WHERE patient_id = 2") == 2
    assert scalar(estate.url, "SELECT count(*) FROM patients WHERE id = 2") == 1
    trail = str(cli.json("audit", "list", "--limit", "500"))
    assert "patient2@example.org" not in trail


def test_a_row_hold_by_an_identifier_column_is_refused(tmp_path: Path, estate: Estate):
    cli = configure(tmp_path, estate, RETENTION)
    cli("scan")
    result = cli("holds", "add", "--reason", "x", "--source", "emr", "--table", "patients",
                 "--where", "rrn=850315-1234561", expect=2)
    assert "--subject" in result.output


def test_a_subject_hold_stops_documents_naming_them(cli: Cli, clinic: Clinic, monkeypatch):
    monkeypatch.setenv("EXPUNGE_SUBJECT_KEY", "an-example-subject-key-of-32-bytes")
    cli("scan", expect=1)
    cli("holds", "add", "--reason", "complaint", "--subject", "phone=010-9876-5432")
    cli("plan", "--today", TODAY)
    cli("approve", "--all")
    outcome = {r["item"]: r["state"] for r in cli.json("enforce", expect=1)}
    assert outcome["charts/old-chart.txt"] == "held"  # names the subject
    assert outcome["rx/old-rx.txt"] == "done"  # does not
    assert (clinic.root / "charts/old-chart.txt").exists()
