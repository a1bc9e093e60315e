"""discover → classify → decide → approve → enforce on a real folder, on both catalogs."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, select, text

TODAY = "2026-11-25"


def plan_by_item(cli) -> dict[str, dict]:
    return {row["item"]: row for row in cli.json("plan", "--today", TODAY)}


def test_scan_finds_the_seeded_identifiers_and_reports_the_corrupt_file(cli) -> None:
    result = cli("scan", expect=1)
    assert "inbox/broken.pdf" in result.output
    rows = cli.json("findings")
    found = {(r["item"], r["entity_type"]) for r in rows}
    assert {("charts/old-chart.txt", "KR_RRN"), ("charts/old-chart.txt", "PHONE_NUMBER"),
            ("charts/new-chart.txt", "KR_RRN"), ("rx/old-rx.txt", "EMAIL_ADDRESS"),
            ("rx/new-rx.txt", "PHONE_NUMBER")} <= found
    assert not any(r["item"] == "notes/readme.txt" for r in rows)
    for row in rows:
        assert {"source", "item", "entity_type", "count", "score", "sample"} <= row.keys()
        assert row["source"] == "clinic" and "*" in row["sample"]


def test_plan_marks_expired_records_due_and_keeps_the_rest(cli) -> None:
    cli("scan", expect=1)
    plan = plan_by_item(cli)
    assert plan["charts/old-chart.txt"]["action"] == "delete"
    assert plan["charts/old-chart.txt"]["category"] == "medical_record"
    assert plan["charts/old-chart.txt"]["due"] == "2020-01-01"
    assert plan["rx/old-rx.txt"]["action"] == "delete"
    assert plan["rx/old-rx.txt"]["due"] == "2012-01-01"
    assert plan["charts/new-chart.txt"]["action"] == "keep"
    assert plan["rx/new-rx.txt"]["action"] == "keep"
    for row in plan.values():
        assert {"source", "item", "category", "rule", "due", "action", "held"} <= row.keys()
        assert row["held"] is False


def test_only_approved_dispositions_are_enforced(cli, clinic) -> None:
    cli("scan", expect=1)
    plan = plan_by_item(cli)
    cli("enforce")  # nothing approved yet
    assert (clinic.root / "rx/old-rx.txt").exists()
    cli("approve", str(plan["rx/old-rx.txt"]["disposition"]), "--reason", "expired")
    rows = cli.json("enforce")
    assert [(r["item"], r["state"]) for r in rows] == [("rx/old-rx.txt", "done")]
    assert not (clinic.root / "rx/old-rx.txt").exists()
    assert (clinic.root / "charts/old-chart.txt").exists()
    assert (clinic.root / "rx/new-rx.txt").exists()


def test_enforcement_writes_a_certificate_without_content(cli, clinic, tmp_path) -> None:
    cli("scan", expect=1)
    cli("plan")
    cli("approve", "--all", "--reason", "retention ended")
    cli.json("enforce")
    [certificate] = (tmp_path / "certificates").glob("*.json")
    body = json.loads(certificate.read_text())
    destroyed = {e["item"]: e for e in body["items"]}
    assert set(destroyed) == {"charts/old-chart.txt", "rx/old-rx.txt"}
    entry = destroyed["rx/old-rx.txt"]
    assert entry["category"] == "prescription" and entry["verified"] is True
    assert entry["approved_by"] == "tester" and entry["approval_reason"] == "retention ended"
    assert "의료법" in destroyed["charts/old-chart.txt"]["basis"]
    assert certificate.with_suffix(".html").exists()
    cli("audit", "verify")


def test_a_hold_placed_after_approval_still_stops_deletion(cli, clinic) -> None:
    cli("scan", expect=1)
    cli("plan")
    cli("approve", "--all")
    cli("holds", "add", "--reason", "dispute 2026-17", "--path", "charts/**")
    rows = {r["item"]: r for r in cli.json("enforce", expect=1)}
    assert rows["charts/old-chart.txt"]["state"] == "held"
    assert rows["rx/old-rx.txt"]["state"] == "done"
    assert (clinic.root / "charts/old-chart.txt").exists()
    held = {r["item"]: r["held"] for r in cli.json("plan")}
    assert held["charts/old-chart.txt"] is True


def test_a_file_changed_after_approval_is_not_deleted(cli, clinic) -> None:
    cli("scan", expect=1)
    cli("plan")
    cli("approve", "--all")
    target = clinic.root / "rx/old-rx.txt"
    target.write_text(target.read_text() + "addendum\n")
    rows = {r["item"]: r for r in cli.json("enforce", expect=1)}
    assert rows["rx/old-rx.txt"]["state"] == "failed"
    assert "changed" in rows["rx/old-rx.txt"]["error"]
    assert target.read_text().endswith("addendum\n")


def test_a_rescan_reads_only_what_changed_and_marks_what_vanished(cli, clinic) -> None:
    cli("scan", expect=1)
    (clinic.root / "notes/readme.txt").unlink()
    (clinic.root / "rx/new-rx.txt").write_text("처방전 이메일 lee.seoyeon@example.net\n")
    result = cli("scan", expect=1)
    assert "unchanged 3" in result.output  # two charts and old-rx; broken.pdf is retried
    rows = cli.json("findings")
    assert ("rx/new-rx.txt", "EMAIL_ADDRESS") in {(r["item"], r["entity_type"]) for r in rows}
    assert ("rx/new-rx.txt", "PHONE_NUMBER") not in {(r["item"], r["entity_type"]) for r in rows}


def _dump_catalog(url: str) -> str:
    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        dump = "\n".join(str(row) for table in metadata.sorted_tables
                         for row in connection.execute(select(table)))
    engine.dispose()
    return dump


def test_no_raw_identifier_reaches_the_catalog_logs_or_outputs(
        cli, clinic, catalog_url, caplog, tmp_path) -> None:
    caplog.set_level(logging.DEBUG)
    outputs = [cli("scan", expect=1).output, cli("findings").output,
               cli("findings", "--format", "csv").output, cli("plan").output,
               cli("approve", "--all").output, cli("enforce").output,
               cli("audit", "list", "--format", "json").output]
    dump = _dump_catalog(catalog_url)
    certificates = "".join(p.read_text() for p in (tmp_path / "certificates").iterdir())
    assert "KR_RRN" in dump  # the dump really holds the findings
    for secret in clinic.secrets:
        assert secret not in dump
        assert secret not in caplog.text
        assert secret not in certificates
        for output in outputs:
            assert secret not in output


def test_editing_an_audit_row_makes_audit_verify_fail_naming_it(cli, catalog_url) -> None:
    cli("scan", expect=1)
    cli("plan")
    cli("audit", "verify")
    engine = create_engine(catalog_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE id = 2"))
    engine.dispose()
    result = cli("audit", "verify", expect=1)
    assert "audit_event 2" in result.output


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_listings_honour_every_format(cli, fmt: str) -> None:
    cli("scan", expect=1)
    out = cli("findings", "--format", fmt).stdout
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("source,item,entity_type,count,score,sample")
    else:
        assert "KR_RRN" in out


def test_unchanged_files_on_disk_are_untouched_by_scanning(cli, clinic) -> None:
    before = {p: p.read_bytes() for p in Path(clinic.root).rglob("*") if p.is_file()}
    cli("scan", expect=1)
    assert before == {p: p.read_bytes() for p in before}


def test_after_a_hold_is_released_the_item_needs_a_fresh_approval(cli, clinic) -> None:
    cli("scan", expect=1)
    cli("plan", "--today", TODAY)
    cli("approve", "--all")
    cli("holds", "add", "--reason", "dispute", "--path", "charts/old-*")
    cli("enforce", expect=1)
    [hold] = cli.json("holds", "list")
    cli("holds", "release", str(hold["id"]))
    assert cli.json("enforce") == []  # the old approval does not come back by itself
    chart = plan_by_item(cli)["charts/old-chart.txt"]
    assert chart["state"] == "proposed" and chart["held"] is False
    cli("approve", str(chart["disposition"]))
    assert [r["state"] for r in cli.json("enforce")] == ["done"]
    assert not (clinic.root / "charts/old-chart.txt").exists()


def test_a_symlink_is_recorded_as_skipped_without_failing_the_scan(cli, clinic, tmp_path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("주민등록번호 850315-1234561\n")
    (clinic.root / "inbox/broken.pdf").unlink()
    (clinic.root / "notes/link.txt").symlink_to(outside)
    cli("scan", expect=0)
    assert not any(r["item"] == "notes/link.txt" for r in cli.json("findings"))
    assert outside.exists()


def test_a_renamed_file_keeps_its_findings_without_being_read_again(cli, clinic,
                                                                    catalog_url) -> None:
    cli("scan", expect=1)
    (clinic.root / "rx/old-rx.txt").rename(clinic.root / "rx/renamed-rx.txt")
    cli("scan", expect=1)
    rows = {(r["item"], r["entity_type"]) for r in cli.json("findings")}
    assert ("rx/renamed-rx.txt", "KR_RRN") in rows
    assert not any(item == "rx/old-rx.txt" for item, _ in rows)
    engine = create_engine(catalog_url)
    with engine.connect() as connection:
        read = connection.execute(text(
            "SELECT items_to_classify FROM scan_run ORDER BY id DESC LIMIT 1")).scalar_one()
    engine.dispose()
    assert read == 1  # only inbox/broken.pdf, which failed before, is tried again


def test_the_safety_breaker_holds_a_run_too_large_until_confirmed(
        cli, clinic, tmp_path, catalog_url, make_config) -> None:
    from tests.conftest import Cli

    for n in range(30):  # a source of 36 items, 32 of them due: 89 % at once
        old = clinic.root / f"rx/bulk-{n:02d}.txt"
        old.write_text("처방전\n")
        os.utime(old, (1_262_304_000, 1_262_304_000))
    strict = Cli(make_config(tmp_path / "strict.yaml", catalog_url, clinic.root,
                             enforce={"max_share": 0.5}))
    strict("scan", expect=1)
    strict("plan", "--today", TODAY)
    strict("approve", "--all")
    result = strict("enforce", expect=1)
    assert "safety breaker" in result.output and "89%" in result.output
    assert (clinic.root / "rx/bulk-00.txt").exists()
    assert any(r["action"] == "enforcement.paused" for r in strict.json("audit", "list"))
    strict("enforce", "--confirm", expect=0)
    assert not (clinic.root / "rx/bulk-00.txt").exists()
    assert any(r["action"] == "enforcement.requested" and "breaker_overridden" in r["details"]
               and "89%" in r["details"] for r in strict.json("audit", "list"))


def test_a_certificate_altered_after_issue_is_detected(cli, tmp_path) -> None:
    cli("scan", expect=1)
    cli("plan", "--today", TODAY)
    cli("approve", "--all")
    cli("enforce")
    [path] = (tmp_path / "certificates").glob("*.json")
    cli("certificate", "verify", str(path))
    body = json.loads(path.read_text())
    body["items"][0]["approved_by"] = "someone else"
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True))
    result = cli("certificate", "verify", str(path), expect=1)
    assert "was altered" in result.output
    cli("certificate", "export", body["certificate"], "--out", str(tmp_path / "again"))
    cli("certificate", "verify", str(tmp_path / "again" / path.name))
