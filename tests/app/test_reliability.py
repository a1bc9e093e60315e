"""Issue-6 acceptance: 1 000 dispositions over real Redis while workers are SIGKILLed at random
and Redis is restarted once: each ends done exactly once, none lost, none outside approval."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.samba import free_port

DUE, NOT_APPROVED, NOT_DUE = 1000, 50, 100
OLD = 1_262_304_000  # 2010-01-01


class RedisServer:
    """A private redis-server that the test may kill and restart (it keeps nothing)."""

    def __init__(self, workdir: Path) -> None:
        self.port, self.workdir, self.process = free_port(), workdir, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"],
                             capture_output=True, text=True).stdout.strip() != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.kill()


def expunge(config: Path, *args: str) -> str:
    """Run one command; fail showing what it printed if it does not exit 0."""
    result = subprocess.run([sys.executable, "-m", "expunge.cli", "--config", str(config),
                             "--user", "officer", *args], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"expunge {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


class Workers:
    """`expunge worker` processes, killed and replaced at will."""

    def __init__(self, config: Path, logs: Path) -> None:
        self.config, self.logs, self.alive, self.started = config, logs, [], 0

    def start(self) -> None:
        self.started += 1
        log = (self.logs / f"worker-{self.started}.log").open("w")
        self.alive.append(subprocess.Popen(
            [sys.executable, "-m", "expunge.cli", "--config", str(self.config), "worker",
             "--threads", "2", "--reconcile-every", "1"], stdout=log, stderr=subprocess.STDOUT))

    def kill_one(self, rng: random.Random) -> None:
        victim = self.alive.pop(rng.randrange(len(self.alive)))
        victim.send_signal(signal.SIGKILL)
        victim.wait()

    def stop(self) -> None:
        for process in self.alive:
            process.send_signal(signal.SIGTERM)
        for process in self.alive:
            process.wait(timeout=60)


def make_estate(root: Path) -> None:
    for n in range(DUE + NOT_APPROVED):
        path = root / "rx" / f"old-{n:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"처방전 {n}\n")
        os.utime(path, (OLD, OLD))
    for n in range(NOT_DUE):
        (root / "rx" / f"new-{n:04d}.txt").write_text(f"처방전 {n}\n")


def pending(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text(
            "SELECT count(*) FROM disposition WHERE state IN ('approved', 'running') "
            "AND run_id IS NOT NULL")).scalar_one()
    engine.dispose()
    return int(count)


def test_every_disposition_is_done_exactly_once_through_kills_and_a_redis_restart(
        tmp_path: Path, postgres_url: str, redis_server: RedisServer, make_config: Any) -> None:
    rng = random.Random(20261125)
    root = tmp_path / "estate"
    make_estate(root)
    config = make_config(tmp_path / "expunge.yaml", postgres_url, root, broker=redis_server.url,
                         enforce={"time_limit": 10, "max_items": 100_000, "max_share": 1.0},
                         scan={"batch_size": 50}, worker_threads=2)
    workers = Workers(config, tmp_path)
    for _ in range(2):
        workers.start()
    try:
        expunge(config, "scan", "--wait")
        plan = json.loads(expunge(config, "plan", "--today", "2026-11-25", "--format", "json"))
        due = sorted(r["disposition"] for r in plan if r["action"] == "delete")
        assert len(due) == DUE + NOT_APPROVED
        approved = due[:DUE]
        for start in range(0, DUE, 250):
            chunk = [str(i) for i in approved[start:start + 250]]
            expunge(config, "approve", *chunk)
        expunge(config, "enforce")  # queued
        deadline, restarted = time.monotonic() + 240, False
        while pending(postgres_url) and time.monotonic() < deadline:
            time.sleep(rng.uniform(2.0, 4.0))  # a worker needs ~2 s to start
            workers.kill_one(rng)
            workers.start()
            if not restarted and pending(postgres_url) < DUE * 0.7:
                redis_server.kill()  # queued messages are lost with it
                redis_server.start()
                restarted = True
        assert restarted
        assert pending(postgres_url) == 0, "dispositions were lost"
    finally:
        workers.stop()
    check_outcome(postgres_url, root, set(approved))


def check_outcome(url: str, root: Path, approved: set[int]) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, state, error FROM disposition")).all()
        states = {i: state for i, state, _ in rows}
        errors = {i: (state, error) for i, state, error in rows
                  if (i in approved) != (state == "done")}
        done_events = Counter(connection.execute(text(
            "SELECT subject FROM audit_event WHERE action = 'disposition.done'")).scalars())
    engine.dispose()
    assert {i for i, s in states.items() if s == "done"} == approved, errors
    assert all(states[i] == "proposed" for i in set(states) - approved)  # never touched
    assert set(done_events.values()) == {1}, "a disposition was acted on twice"
    assert len(done_events) == len(approved)
    remaining = sorted(p.name for p in (root / "rx").iterdir())
    assert len(remaining) == NOT_APPROVED + 100
    assert all(name.startswith("new-") or int(name[4:8]) >= DUE for name in remaining)
