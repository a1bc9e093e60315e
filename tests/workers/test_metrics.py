"""Prometheus metrics from a real catalog after a real scan, and a worker serving /metrics."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dramatiq
import pytest
import redis
from dramatiq.brokers.stub import StubBroker
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from catalog.store import Catalog
from tests.conftest import Cli
from workers.metrics import WorkerMetrics, register_catalog_collector

TODAY = "2026-11-25"


def scrape(catalog_url: str) -> str:
    """The exposition text of a fresh registry over the catalog."""
    catalog = Catalog(catalog_url)
    try:
        registry = CollectorRegistry()
        register_catalog_collector(catalog, registry)
        return generate_latest(registry).decode()
    finally:
        catalog.close()


def value(text: str, name: str, **labels: str) -> float | None:
    """The sample ``name`` with exactly ``labels``, or None."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return float(sample.value)
    return None


@pytest.fixture
def scanned(cli: Cli) -> Cli:
    """The clinic scanned (its corrupt PDF fails) and planned."""
    cli("scan", expect=1)
    cli("plan", "--today", TODAY)
    return cli


def test_scan_figures_per_source(scanned: Cli, catalog_url: str) -> None:
    text = scrape(catalog_url)
    assert value(text, "expunge_items_scanned_total", source="clinic") == 6
    assert value(text, "expunge_items_classified_total", source="clinic") == 6
    assert value(text, "expunge_scan_errors_total", source="clinic") == 1
    assert value(text, "expunge_items_total", source="clinic", state="present") == 5
    assert value(text, "expunge_items_total", source="clinic", state="error") == 1
    finished = value(text, "expunge_last_scan_finished_timestamp_seconds", source="clinic")
    assert finished and 0 <= datetime.now(UTC).timestamp() - finished < 600


def test_findings_dispositions_and_the_audit_trail_match_the_listings(
        scanned: Cli, catalog_url: str) -> None:
    expected: dict[str, int] = {}
    for row in scanned.json("findings"):
        expected[row["entity_type"]] = expected.get(row["entity_type"], 0) + row["count"]
    proposed = [r for r in scanned.json("plan", "--today", TODAY) if r["state"] == "proposed"]
    text = scrape(catalog_url)
    for entity, count in expected.items():
        assert value(text, "expunge_findings_total", entity_type=entity) == count
    assert value(text, "expunge_dispositions", state="proposed") == len(proposed)
    assert value(text, "expunge_dispositions_failed_total") == 0
    events = scanned.json("audit", "list", "--limit", "100000")
    assert value(text, "expunge_audit_events_total") == len(events)


def test_enforcement_moves_the_figures(scanned: Cli, catalog_url: str) -> None:
    before = scrape(catalog_url)
    rx = next(r for r in scanned.json("plan", "--today", TODAY) if r["item"] == "rx/old-rx.txt")
    scanned("approve", str(rx["disposition"]))
    scanned("enforce")
    after = scrape(catalog_url)
    assert value(after, "expunge_dispositions", state="done") == 1
    assert value(after, "expunge_items_total", source="clinic", state="deleted") == 1
    assert value(after, "expunge_findings_total", entity_type="EMAIL_ADDRESS") is None
    assert value(before, "expunge_findings_total", entity_type="EMAIL_ADDRESS") == 1
    grown = value(after, "expunge_audit_events_total") or 0
    assert grown > (value(before, "expunge_audit_events_total") or 0)


def test_no_label_or_value_carries_personal_data(scanned: Cli, catalog_url: str,
                                                  clinic: Any) -> None:
    text = scrape(catalog_url) + scanned("metrics").output
    for secret in clinic.secrets:
        assert secret not in text
    assert "chart" not in text and "rx/" not in text  # no item keys either
    labels = {name for family in text_string_to_metric_families(text)
              for sample in family.samples for name in sample.labels}
    assert labels <= {"source", "state", "entity_type", "actor"}


def test_the_metrics_command_prints_the_exposition_once(scanned: Cli) -> None:
    text = scanned("metrics").output
    assert value(text, "expunge_items_scanned_total", source="clinic") == 6
    assert "# TYPE expunge_worker_messages_processed_total counter" in text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 60) -> str:
    """GET ``url``, retrying until the server is up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode())
        except OSError:
            assert time.monotonic() < deadline, f"{url} never answered"
            time.sleep(0.2)


@pytest.fixture
def worker_config(tmp_path: Path, clinic: Any, make_config: Any, redis_url: str) -> Path:
    url = redis_url.rsplit("/", 1)[0] + "/11"  # a database of its own: others flush theirs
    redis.Redis.from_url(url).flushdb()
    return Path(make_config(tmp_path / "expunge.yaml", f"sqlite:///{tmp_path / 'c.db'}",
                            clinic.root, broker=url))


@pytest.fixture
def metrics_worker(worker_config: Path, tmp_path: Path) -> Iterator[int]:
    """An `expunge worker --metrics-port` process; yields its port."""
    port = free_port()
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "expunge.cli", "--config", str(worker_config), "worker",
         "--threads", "1", "--metrics-port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        log.close()


@pytest.mark.redis
def test_the_worker_serves_metrics_on_its_port(metrics_worker: int,
                                               worker_config: Path) -> None:
    url = f"http://127.0.0.1:{metrics_worker}/metrics"
    assert value(get(url), "expunge_audit_events_total") is not None
    subprocess.run([sys.executable, "-m", "expunge.cli", "--config", str(worker_config),
                    "scan", "--wait"], capture_output=True, timeout=300, check=False)
    text = get(url)
    assert value(text, "expunge_items_scanned_total", source="clinic") == 6
    assert (value(text, "expunge_worker_messages_processed_total", actor="scan_source")
            or 0) >= 1
    assert (value(text, "expunge_worker_messages_processed_total", actor="classify_items")
            or 0) >= 1


def test_the_middleware_counts_each_actors_messages() -> None:
    broker = StubBroker()
    broker.add_middleware(WorkerMetrics())
    fine = dramatiq.Actor(lambda: None, broker=broker, actor_name="metrics_fine",
                          queue_name="m", priority=0, options={})
    boom = dramatiq.Actor(lambda: 1 / 0, broker=broker, actor_name="metrics_boom",
                          queue_name="m", priority=0, options={"max_retries": 0})
    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=50)
    worker.start()
    try:
        fine.send()
        fine.send()
        boom.send()
        broker.join("m", fail_fast=False)
        worker.join()
    finally:
        worker.stop()
        broker.close()
    counted = {(name, actor): REGISTRY.get_sample_value(f"expunge_worker_messages_{name}_total",
                                                         {"actor": actor})
               for name in ("processed", "failed", "dead_lettered")
               for actor in ("metrics_fine", "metrics_boom")}
    assert counted == {("processed", "metrics_fine"): 2, ("processed", "metrics_boom"): None,
                       ("failed", "metrics_fine"): None, ("failed", "metrics_boom"): 1,
                       ("dead_lettered", "metrics_fine"): None,
                       ("dead_lettered", "metrics_boom"): 1}
