"""Issue-4 acceptance: a worker killed in the middle of deleting a row set, and a new one
started, finish the job exactly: every due row and its dependants gone, nothing else."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import yaml
from sqlalchemy import create_engine, text

from tests.app.test_reliability import RedisServer, Workers, expunge, pending
from tests.db_clinic import scalar, source_database

DUE, KEPT = 60_000, 3_000  # at 50 rows a batch: over a thousand transactions


def build(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE logins (id bigint PRIMARY KEY, at date, ip text)"))
        connection.execute(text("CREATE TABLE login_events (id bigint PRIMARY KEY, "
                                "login_id bigint REFERENCES logins(id), kind text)"))
        connection.execute(text("CREATE INDEX ON login_events (login_id)"))
        connection.execute(text(
            "INSERT INTO logins SELECT g, CASE WHEN g <= :due THEN date '2020-01-01' "
            "ELSE date '2026-11-20' END, '10.0.0.1' FROM generate_series(1, :n) g"),
            {"due": DUE, "n": DUE + KEPT})
        connection.execute(text("INSERT INTO login_events SELECT g, g, 'ok' "
                                "FROM generate_series(1, :n) g"), {"n": DUE + KEPT})
    engine.dispose()


def test_a_killed_deletion_is_finished_exactly_by_another_worker(tmp_path: Path,
                                                                 postgres_url: str):
    server = RedisServer(tmp_path)
    server.start()
    with source_database("postgres", tmp_path) as source:
        build(source)
        config = tmp_path / "expunge.yaml"
        config.write_text(yaml.safe_dump({
            "catalog": postgres_url, "broker": server.url,
            "sources": [{"name": "web", "kind": "database", "url": source, "batch_rows": 50}],
            "bindings": [{"source": "web", "table": "logins", "clock": "at",
                          "category": "access_log"}],
            "enforce": {"time_limit": 4, "max_share": 1.0},
            "certificates_dir": str(tmp_path / "certificates")}))
        workers = Workers(config, tmp_path)
        try:
            plan = json.loads(expunge(config, "plan", "--today", "2026-11-25", "--format",
                                      "json"))
            assert [(p["rows"], p["state"]) for p in plan] == [(DUE, "approved")]
            workers.start()
            expunge(config, "enforce")
            deadline = time.monotonic() + 120
            while scalar(source, "SELECT count(*) FROM logins") > DUE + KEPT - 2_000:
                assert time.monotonic() < deadline, "the worker never started deleting"
                time.sleep(0.02)
            victim = workers.alive.pop()
            victim.send_signal(signal.SIGKILL)
            victim.wait()
            left = scalar(source, "SELECT count(*) FROM logins")
            assert KEPT < left < DUE + KEPT, "killed too late to test anything"
            workers.start()
            deadline = time.monotonic() + 120
            while pending(postgres_url) and time.monotonic() < deadline:
                time.sleep(0.5)
            assert pending(postgres_url) == 0
        finally:
            workers.stop()
            server.kill()
        assert scalar(source, "SELECT count(*) FROM logins") == KEPT
        assert scalar(source, "SELECT min(id) FROM logins") == DUE + 1
        assert scalar(source, "SELECT count(*) FROM login_events") == KEPT
        assert scalar(postgres_url, "SELECT count(*) FROM audit_event "
                                  "WHERE action = 'disposition.done'") == 1
