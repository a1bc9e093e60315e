"""With broker: redis://…, scans and enforcement run in a separate `expunge worker` process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

pytestmark = pytest.mark.redis


def run(config: Path, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "expunge.cli", "--config", str(config), "--user", "it", *args],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == expect, result.stdout + result.stderr
    return result


@pytest.fixture
def redis_config(tmp_path: Path, clinic, postgres_url: str, make_config,
                 redis_url: str) -> Iterator[Path]:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    config = make_config(tmp_path / "expunge.yaml", postgres_url, clinic.root, broker=redis_url)
    yield config
    client.flushdb()


@pytest.fixture
def worker(redis_config: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "expunge.cli", "--config", str(redis_config), "worker",
         "--threads", "2"], stdout=log, stderr=subprocess.STDOUT, text=True)
    yield process
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    log.close()


def test_scan_and_enforcement_run_through_a_separate_worker(redis_config, worker, clinic,
                                                             tmp_path) -> None:
    queued = run(redis_config, "scan", expect=0)
    assert "queued scan runs" in queued.stderr
    run(redis_config, "scan", "--wait", expect=1)  # broken.pdf is reported per item
    findings = json.loads(run(redis_config, "findings", "--format", "json").stdout)
    assert ("charts/old-chart.txt", "KR_RRN") in {(f["item"], f["entity_type"])
                                                  for f in findings}
    run(redis_config, "plan", "--today", "2026-11-25")
    run(redis_config, "approve", "--all", "--reason", "expired")
    outcome = json.loads(run(redis_config, "enforce", "--wait", "--format", "json").stdout)
    assert {(r["item"], r["state"]) for r in outcome} == {
        ("charts/old-chart.txt", "done"), ("rx/old-rx.txt", "done")}
    assert not (clinic.root / "rx/old-rx.txt").exists()
    assert (clinic.root / "rx/new-rx.txt").exists()
    assert worker.poll() is None, "the worker must still be running"
    assert list((tmp_path / "certificates").glob("*.json"))
    run(redis_config, "audit", "verify")


def test_a_worker_needs_a_real_broker(tmp_path: Path, clinic, make_config) -> None:
    config = make_config(tmp_path / "e.yaml", f"sqlite:///{tmp_path}/c.db", clinic.root)
    result = run(config, "worker", expect=2)
    assert "embedded" in result.stderr


def _wait_until_ready(log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while "worker consuming" not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def test_the_worker_stops_cleanly_on_sigterm(redis_config, worker, tmp_path) -> None:
    _wait_until_ready(tmp_path / "worker.log")
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
