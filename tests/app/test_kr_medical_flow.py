"""The kr-medical pack end to end: a clinic share and a clinic database holding every record of
POLICY.md's table, scanned and planned through the CLI on the day they fall due and the day
before; overlaps, unbound personal data, and legal holds."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import Cli

TODAY = date(2026, 11, 25)
SOURCE = "estate"


@dataclass(frozen=True)
class Row:
    """A POLICY.md row as the share files it: a folder, its category, its period."""

    folder: str
    category: str
    years: int = 0
    months: int = 0
    action: str = "delete"
    bound: bool = False  # the site's binding, not a pack selector, names the folder


POLICY = [
    Row("charts", "medical_record", years=10, action="anonymize"),
    Row("surgery-records", "surgery_record", years=10, action="anonymize"),
    Row("환자명부", "patient_roster", years=5),
    Row("lab-results", "test_result", years=5),
    Row("radiology", "radiology", years=5),
    Row("nursing-records", "nursing_record", years=5),
    Row("rx", "prescription", years=2),
    Row("certificates", "certificate_copy", years=3),
    Row("complaints", "complaint", years=3, bound=True),
    Row("credit", "credit_record", years=3, bound=True),
    Row("identity", "identity_verification", months=6, bound=True),
    Row("web/logs", "access_log", months=3, bound=True),
    Row("members", "member_account", bound=True),
    Row("events", "purpose_achieved", bound=True),
]


def clock_due_on(row: Row, due: date) -> date:
    """The clock date whose retention period ends on ``due`` (the 25th never clamps)."""
    year, month = divmod(due.year * 12 + due.month - 1 - row.years * 12 - row.months, 12)
    return date(year, month + 1, due.day)


def put(root: Path, key: str, clock: date, text: str = "기록 보관용 문서\n") -> None:
    """Write a file whose modification time is noon UTC on ``clock``."""
    path = root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    stamp = datetime(clock.year, clock.month, clock.day, 12, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture
def estate(tmp_path: Path, catalog_url: str, make_config: Any, rrn_of: Any) -> Cli:
    """A share with, per POLICY row, a record due today and one due tomorrow."""
    root = tmp_path / "share"
    for row in POLICY:
        put(root, f"{row.folder}/due.txt", clock_due_on(row, TODAY))
        put(root, f"{row.folder}/kept.txt", clock_due_on(row, TODAY + timedelta(days=1)))
    put(root, "members/kim/charts/visit.txt", date(2020, 1, 10))  # a withdrawn member's chart
    put(root, "charts/lee/rx/rx-1.txt", date(2020, 1, 10))  # a prescription in a chart
    put(root, "notes/call-list.txt", date(2010, 1, 1),
        f"주민등록번호 {rrn_of('850315123456')}, 연락처 010-9876-5432\n")
    put(root, "notes/opening-hours.txt", date(2010, 1, 1), "Open 09:00-18:00.\n")
    bindings = [{"source": SOURCE, "path": f"{row.folder}/**", "clock": "mtime",
                 "category": row.category} for row in POLICY if row.bound]
    config = make_config(tmp_path / "expunge.yaml", catalog_url, root,
                         sources=[{"name": SOURCE, "kind": "files", "path": str(root)}],
                         bindings=bindings)
    cli = Cli(config)
    cli("scan")
    return cli


def plan(cli: Cli) -> dict[str, dict[str, Any]]:
    """The plan as of TODAY, by item."""
    return {row["item"]: row for row in cli.json("plan", "--today", TODAY.isoformat())}


def test_every_policy_row_is_due_on_its_day_and_kept_the_day_before(estate: Cli) -> None:
    rows = plan(estate)
    for row in POLICY:
        due, kept = rows[f"{row.folder}/due.txt"], rows[f"{row.folder}/kept.txt"]
        rule = "bindings[" if row.bound else "kr-medical:selectors["
        assert (due["category"], due["due"], due["action"], due["held"]) == (
            row.category, TODAY.isoformat(), row.action, False), row
        assert due["rule"].startswith(rule) and due["rule"].endswith(row.category)
        assert (kept["category"], kept["due"], kept["action"]) == (
            row.category, (TODAY + timedelta(days=1)).isoformat(), "keep"), row


def test_only_the_bound_access_log_is_approved_by_policy(estate: Cli) -> None:
    rows = plan(estate)
    approved = {item for item, row in rows.items() if row["state"] == "approved"}
    assert approved == {"web/logs/due.txt"}
    assert rows["rx/due.txt"]["state"] == "proposed"


def test_the_longer_duty_wins_and_unbound_personal_data_goes_to_review(estate: Cli) -> None:
    rows = plan(estate)
    for item in ("members/kim/charts/visit.txt", "charts/lee/rx/rx-1.txt"):
        assert (rows[item]["category"], rows[item]["due"], rows[item]["action"]) == (
            "medical_record", "2030-01-10", "keep")
    assert (rows["notes/call-list.txt"]["category"], rows["notes/call-list.txt"]["action"]) == (
        None, "review")
    assert "notes/opening-hours.txt" not in rows


def test_a_legal_hold_stops_every_clock(estate: Cli, tmp_path: Path) -> None:
    estate("holds", "add", "--reason", "prescription dispute", "--source", SOURCE,
           "--path", "rx/**")
    rows = plan(estate)
    assert rows["rx/due.txt"]["held"] is True and rows["rx/kept.txt"]["held"] is True
    assert not any(row["held"] for item, row in rows.items() if not item.startswith("rx/"))
    estate("holds", "add", "--reason", "investigation", "--source", SOURCE)
    rows = plan(estate)
    assert all(row["held"] for row in rows.values())
    estate("approve", "--all")
    done = estate.json("enforce", "--confirm", expect=1)
    assert done and {row["state"] for row in done} == {"held"}
    due = [item for item, row in rows.items() if row["action"] == "delete"]
    assert due and all((tmp_path / "share" / item).exists() for item in due)


# The same table in a clinic database: one table per POLICY row, its clock a date column.
TABLES = {
    "medical_record": ("visits", "visit_end"), "surgery_record": ("surgeries", "operated_on"),
    "patient_roster": ("roster", "registered_on"), "test_result": ("lab_results", "reported_on"),
    "radiology": ("imaging_reports", "read_on"), "nursing_record": ("nursing_notes", "written_on"),
    "prescription": ("prescriptions", "issued_at"),
    "certificate_copy": ("certificates", "issued_on"),
    "complaint": ("complaints", "closed_on"), "credit_record": ("payments", "recorded_on"),
    "identity_verification": ("identity_checks", "verified_at"),
    "access_log": ("access_logs", "accessed_at"), "member_account": ("members", "withdrawn_at"),
    "purpose_achieved": ("consultations", "answered_on"),
}  # fmt: skip
DB = "emr"


@pytest.fixture
def database(tmp_path: Path, make_config: Any) -> Cli:
    """Per POLICY row a table with a row due today, one due tomorrow and one undated."""
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        for row in POLICY:
            table, clock = TABLES[row.category]
            connection.execute(text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, "
                                    f"memo TEXT, {clock} DATE)"))
            for day in (TODAY, TODAY + timedelta(days=1), None):
                connection.execute(text(f"INSERT INTO {table} (memo, {clock}) VALUES "
                                        "('record', :clock)"),
                                   {"clock": day and clock_due_on(row, day)})
    engine.dispose()
    bindings = [{"source": DB, "table": table, "clock": clock, "category": category}
                for category, (table, clock) in TABLES.items()]
    config = make_config(tmp_path / "expunge.yaml", f"sqlite:///{tmp_path / 'catalog.db'}",
                         tmp_path, sources=[{"name": DB, "kind": "database", "url": url}],
                         bindings=bindings)
    cli = Cli(config)
    cli("scan")
    return cli


def table_plan(cli: Cli, today: date) -> dict[str, dict[str, Any]]:
    """The plan's row sets as of ``today``, by table."""
    rows = cli.json("plan", "--today", today.isoformat())
    return {r["item"].split(" ")[0]: r for r in rows if r["rows"] is not None}


def test_every_policy_row_in_a_database_is_due_on_its_day(database: Cli) -> None:
    before, on = table_plan(database, TODAY - timedelta(days=1)), table_plan(database, TODAY)
    for row in POLICY:
        table, clock = TABLES[row.category]
        assert (before[table]["category"], before[table]["action"], before[table]["rows"]) == (
            row.category, "keep", 0), row
        due = on[table]
        assert (due["category"], due["action"], due["rows"], due["due"]) == (
            row.category, row.action, 1, TODAY.isoformat()), row
        first_kept = clock_due_on(row, TODAY + timedelta(days=1))
        assert due["item"] == f"{table} WHERE {clock} < {first_kept}"
        assert due["state"] == ("approved" if row.category == "access_log" else "proposed")


def test_a_hold_on_a_table_holds_its_rows(database: Cli) -> None:
    database("holds", "add", "--reason", "member dispute", "--source", DB, "--path", "members")
    plan = table_plan(database, TODAY)
    assert plan["members"]["held"] is True
    assert not any(row["held"] for table, row in plan.items() if table != "members")
