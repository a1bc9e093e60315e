"""Issue-4 acceptance through the CLI, on a clinic schema in SQLite, PostgreSQL and MariaDB:
scan finds the right columns, plan counts due rows, enforcement deletes or anonymizes exactly
those rows, a second run does nothing, and a withdrawn patient is erased minus what is kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scanner.engine import Engine
from tests.conftest import Cli
from tests.db_clinic import Estate, column, scalar, seed, source_database

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres), "mariadb"]
TODAY = "2026-11-25"
IDENTIFYING = {"KR_RRN", "PHONE_NUMBER", "EMAIL_ADDRESS", "PERSON", "ADDRESS"}
EXPECTED_COLUMNS = {
    "patients.rrn": "KR_RRN",
    "patients.phone": "PHONE_NUMBER",
    "patients.email": "EMAIL_ADDRESS",
    "patients.full_name": "PERSON",
    "patients.address": "ADDRESS",
    "patients.birth_date": "DATE_OF_BIRTH",
    "visits.notes": "PHONE_NUMBER",
    "access_logs.ip": "IP_ADDRESS",
    "legacy_import.rrn": "KR_RRN",
}
NOT_PERSONAL = ["patients.id", "visits.id", "visits.visit_date", "visits.total_price",
                "prescriptions.order_no", "prescriptions.issued_at", "access_logs.accessed_at",
                "access_logs.path"]


@pytest.fixture(params=KINDS)
def estate(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Estate]:
    with source_database(request.param, tmp_path) as url:
        yield seed(url)


def configure(tmp_path: Path, estate: Estate, bindings: list[dict[str, str]],
              **source: Any) -> Cli:
    data = {
        "catalog": f"sqlite:///{tmp_path / 'catalog.db'}",
        "sources": [{"name": "emr", "kind": "database", "url": estate.url, "batch_rows": 25,
                     "subject": {"table": "patients", "key": "id", "match": ["email", "rrn"]},
                     **source}],
        "bindings": [{"source": "emr", **b} for b in bindings],
        "certificates_dir": str(tmp_path / "certificates"),
        "enforce": {"max_share": 1.0},
    }
    path = tmp_path / "expunge.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Cli(path)


RETENTION = [
    {"table": "visits", "clock": "visit_date", "category": "medical_record"},
    {"table": "prescriptions", "clock": "issued_at", "category": "prescription"},
    {"table": "access_logs", "clock": "accessed_at", "category": "access_log"},
]


def test_scan_reports_the_personal_columns_with_masked_samples(tmp_path: Path, estate: Estate):
    cli = configure(tmp_path, estate, RETENTION)
    cli("scan")
    rows = cli.json("findings")
    found: dict[str, set[str]] = {}
    for row in rows:
        assert {"source", "item", "entity_type", "count", "score", "sample"} <= set(row)
        found.setdefault(row["item"], set()).add(row["entity_type"])
    for item, entity in EXPECTED_COLUMNS.items():
        assert entity in found.get(item, set()), (item, found.get(item))
    assert not set(NOT_PERSONAL) & set(found), {k: found[k] for k in NOT_PERSONAL if k in found}
    shares = {(r["item"], r["entity_type"]): r["share"] for r in rows}
    assert shares[("patients.rrn", "KR_RRN")] >= 0.9
    output = json.dumps(rows, ensure_ascii=False)
    assert not [s for s in estate.secrets if s in output]
    cli("scan")  # nothing changed: nothing is sampled again
    catalog = f"sqlite:///{tmp_path / 'catalog.db'}"
    assert scalar(catalog, "SELECT items_to_classify FROM scan_run ORDER BY id DESC LIMIT 1") == 0


def test_plan_counts_due_rows_and_enforcement_deletes_exactly_those(tmp_path: Path,
                                                                    estate: Estate,
                                                                    monkeypatch):
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "0123456789abcdef0123456789abcdef")
    cli = configure(tmp_path, estate, RETENTION)
    cli("scan")
    rows = cli.json("plan", "--today", TODAY)
    plan = {r["item"].split(" ")[0]: r for r in rows}
    assert plan["prescriptions"]["rows"] == estate.old_prescriptions
    assert plan["prescriptions"]["action"] == "delete"
    assert plan["access_logs"]["rows"] == estate.old_access_logs
    assert plan["access_logs"]["state"] == "approved"  # access logs are auto-approved
    assert plan["visits"]["rows"] == estate.old_visits
    assert plan["visits"]["action"] == "anonymize"
    assert plan["prescriptions"]["item"] == "prescriptions WHERE issued_at < 2024-11-26"
    bound_columns = [r for r in rows if r["item"].startswith(("visits.", "access_logs."))]
    assert not bound_columns  # their tables' row sets carry the decision
    assert plan["patients.rrn"]["action"] == "review"  # personal data, no retention rule
    cli("approve", "--all", "--reason", "retention ended")
    outcome = cli.json("enforce")
    assert {r["state"] for r in outcome} == {"done"}, outcome
    url = estate.url
    assert scalar(url, "SELECT count(*) FROM prescriptions") == \
        estate.prescriptions - estate.old_prescriptions
    assert scalar(url, "SELECT count(*) FROM access_logs") == \
        estate.access_logs - estate.old_access_logs
    assert scalar(url, "SELECT count(*) FROM visits") == estate.visits
    old_notes = column(url, "SELECT notes FROM visits WHERE visit_date < '2016-11-26'")
    recent_notes = column(url, "SELECT notes FROM visits WHERE visit_date >= '2016-11-26'")
    engine = Engine()
    for note in old_notes:
        assert not {d.entity_type for d in engine.analyze(note).detections} & IDENTIFYING, note
    assert all("[PHONE_NUMBER]" not in note for note in recent_notes)
    again = {r["item"].split(" ")[0]: r for r in cli.json("plan", "--today", TODAY)}
    assert again["prescriptions"]["action"] == "keep"
    assert again["access_logs"]["action"] == "keep"
    assert again["visits"]["action"] == "keep"  # anonymized rows are not taken again
    assert cli.json("enforce") == []


def test_anonymizing_a_table_in_place_leaves_no_identifying_finding(tmp_path: Path,
                                                                   estate: Estate, monkeypatch):
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "0123456789abcdef0123456789abcdef")
    cli = configure(tmp_path, estate, [
        {"table": "patients", "clock": "created_at", "category": "medical_record"}])
    cli("scan")
    plan = cli.json("plan", "--today", "2040-01-01")
    row_sets = [(r["action"], r["rows"]) for r in plan if r["rows"] is not None]
    assert row_sets == [("anonymize", estate.patients)]
    cli("approve", "--all")
    assert {r["state"] for r in cli.json("enforce")} == {"done"}
    assert scalar(estate.url, "SELECT count(*) FROM patients") == estate.patients
    cli("scan")
    left = {(r["item"], r["entity_type"]) for r in cli.json("findings")
            if r["item"].startswith("patients.")}
    assert not {e for _, e in left} & (IDENTIFYING | {"DATE_OF_BIRTH"}), left
    names = column(estate.url, "SELECT full_name FROM patients")
    assert all(str(n).startswith("psn_") for n in names)
    assert len(set(names)) > 1  # keyed per value, not one constant


def test_erasing_a_withdrawn_patient_keeps_only_what_the_law_keeps(tmp_path: Path,
                                                                  estate: Estate):
    cli = configure(tmp_path, estate, [
        *RETENTION, {"table": "patients", "clock": "created_at", "category": "patient_roster"}])
    patient = 3  # visits 5 and 6: one of them is more than ten years old (every third visit)
    visits = column(estate.url, f"SELECT id FROM visits WHERE patient_id = {patient}")
    old = column(estate.url, f"SELECT id FROM visits WHERE patient_id = {patient} "
                             "AND visit_date < '2016-11-26'")
    assert len(visits) == 2 and len(old) == 1
    result = cli("erase", "--match", f"email=patient{patient}@example.org",
                 "--today", TODAY, "--format", "json")
    parts = {p["item"]: p for p in json.loads(result.stdout)}
    assert parts["patients"]["erase"] == 0 and parts["patients"]["kept"] == 1
    assert parts["visits"]["erase"] == 1 and parts["visits"]["kept"] == 1
    assert f"patient{patient}@example.org" not in result.stdout + result.stderr
    cli("approve", "--all")
    assert {r["state"] for r in cli.json("enforce")} == {"done"}
    assert column(estate.url, f"SELECT id FROM visits WHERE patient_id = {patient}") == \
        sorted(set(visits) - set(old))
    assert scalar(estate.url, f"SELECT count(*) FROM prescriptions WHERE visit_id = {old[0]}") \
        == 0
    assert scalar(estate.url, "SELECT count(*) FROM visits") == estate.visits - 1
    events = [e["action"] for e in cli.json("audit", "list", "--limit", "200")]
    assert "erasure.requested" in events


def test_explain_says_how_a_tables_rows_are_decided(tmp_path: Path, estate: Estate):
    cli = configure(tmp_path, estate, [
        *RETENTION, {"table": "prescriptions", "clock": "visits.visit_date",
                     "category": "medical_record", "action": "delete"}])
    plan = cli.json("plan", "--today", TODAY)
    rx = next(r for r in plan if r["item"].startswith("prescriptions WHERE"))
    assert rx["category"] == "medical_record"  # ten years through the visit beat two
    lines = cli("explain", rx["item"], "--today", TODAY).stdout.splitlines()
    assert lines[0].startswith("table prescriptions: a row is due when every rule")
    assert any("medical_record, P10Y from visits.visit_date: rows with visits.visit_date "
               "< 2016-11-26 are due" in line for line in lines)
    assert any("prescription, P2Y from issued_at" in line for line in lines)
    assert rx["rows"] == estate.old_visits  # due under both: the visit is ten years old


def test_an_unreachable_database_is_reviewed_and_the_plan_goes_on(tmp_path: Path):
    broken = Estate("postgresql+psycopg://scanner:Sup3rSecret@127.0.0.1:1/emr", 0, 0, 0, 0, 0,
                    0, 0)
    cli = configure(tmp_path, broken, RETENTION)
    scanned = cli("scan", expect=1)
    assert "Sup3rSecret" not in scanned.output
    plan = cli.json("plan", "--today", TODAY)
    assert {r["action"] for r in plan} == {"review"}
    assert len(plan) == len(RETENTION)
    assert all("Sup3rSecret" not in str(r) for r in plan)
