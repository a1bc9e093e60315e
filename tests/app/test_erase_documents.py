"""Subject erasure across documents: found through keyed tokens recorded at scan time, minus
what the law keeps, never by storing or logging the identifier."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from tests.conftest import Cli, Clinic

KEY = "an-example-subject-key-of-32-bytes"
PHONE = "010-9876-5432"  # in charts/old-chart.txt (due) and rx/new-rx.txt (kept two years)


def test_a_phone_number_finds_every_document_and_only_the_due_ones_go(
        cli: Cli, clinic: Clinic, catalog_url: str, monkeypatch) -> None:
    monkeypatch.setenv("EXPUNGE_SUBJECT_KEY", KEY)
    cli("scan", expect=1)  # the clinic holds a corrupt PDF
    result = cli("erase", "--match", "phone=+82 10-9876-5432", "--today", "2026-11-25",
                 "--format", "json")
    parts = {p["item"]: p for p in json.loads(result.stdout)}
    assert set(parts) == {"charts/old-chart.txt", "rx/new-rx.txt"}
    assert parts["charts/old-chart.txt"]["erase"] == 1
    assert parts["rx/new-rx.txt"]["kept"] == 1
    assert "prescription" in parts["rx/new-rx.txt"]["reason"]
    assert PHONE not in result.stdout + result.stderr
    cli("approve", str(parts["charts/old-chart.txt"]["disposition"]))
    cli("enforce")
    assert not (clinic.root / "charts/old-chart.txt").exists()
    assert (clinic.root / "rx/new-rx.txt").exists()
    engine = create_engine(catalog_url)
    with engine.connect() as connection:
        stored = json.dumps([list(r) for r in connection.execute(text(
            "SELECT entity_type, token FROM subject_token"))])
        trail = json.dumps([list(r) for r in connection.execute(text(
            "SELECT action, details FROM audit_event"))], default=str)
    engine.dispose()
    for secret in clinic.secrets:
        assert secret not in stored + trail
    assert "erasure.requested" in trail


def test_without_a_key_no_token_is_kept_and_erasure_says_nothing_matches(
        cli: Cli, monkeypatch) -> None:
    monkeypatch.delenv("EXPUNGE_SUBJECT_KEY", raising=False)
    monkeypatch.delenv("EXPUNGE_PSEUDONYM_KEY", raising=False)
    cli("scan", expect=1)
    result = cli("erase", "--match", f"phone={PHONE}", expect=1)
    assert "nothing matches" in result.output
