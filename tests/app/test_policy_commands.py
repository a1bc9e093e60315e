"""`expunge rules check`, `explain` and `reconcile`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from expunge.cli import app


def test_rules_check_accepts_the_builtin_pack_and_names_the_line_of_an_error(
        tmp_path: Path) -> None:
    assert CliRunner().invoke(app, ["rules", "check", "kr-medical"]).exit_code == 0
    bad = tmp_path / "bad.yaml"
    good = (Path(__file__).parents[2] / "rules/packs/kr-medical.yaml").read_text()
    bad.write_text(good.replace("retention: P2Y", "retention: P2X", 1))
    result = CliRunner().invoke(app, ["rules", "check", str(bad)])
    assert result.exit_code == 2
    line = next(n for n, t in enumerate(good.splitlines(), 1) if "retention: P2Y" in t)
    assert f"bad.yaml:{line}:" in result.output and "P2X" in result.output


def test_explain_names_the_winning_rule_and_the_ones_that_missed(cli) -> None:
    cli("scan", expect=1)
    out = cli("explain", "rx/old-rx.txt", "--today", "2026-11-25").output
    assert out.splitlines()[0].startswith("decision: delete by bindings[1]:prescription")
    assert "bindings[0]:medical_record: no match" in out
    cli("explain", "no/such/item.txt", expect=2)


def test_reconcile_resumes_a_disposition_a_crashed_worker_left_running(
        cli, clinic, catalog_url) -> None:
    cli("scan", expect=1)
    plan = {r["item"]: r for r in cli.json("plan", "--today", "2026-11-25")}
    disposition = plan["rx/old-rx.txt"]["disposition"]
    cli("approve", str(disposition))
    engine = create_engine(catalog_url)
    with engine.begin() as connection:  # what a worker killed mid-action leaves behind
        connection.execute(text(
            "UPDATE disposition SET state = 'running', run_id = 'crashed-run', started_at = :t "
            "WHERE id = :id"), {"t": datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=3),
                                "id": disposition})
    engine.dispose()
    assert (clinic.root / "rx/old-rx.txt").exists()
    result = cli("reconcile")
    assert "resumed 1 disposition" in result.output
    assert not (clinic.root / "rx/old-rx.txt").exists()
    [row] = [r for r in cli.json("audit", "list", "--limit", "200")
             if r["action"] == "disposition.done"]
    assert row["subject"] == f"disposition:{disposition}"
