"""Prometheus metrics: figures read from the catalog at scrape time, and per-process counters.

The catalog collector asks the database on every scrape, so any process (a worker, the
``expunge metrics`` command) reports the same figures however many workers there are. Counters
come from append-only records (scan runs, the audit trail), so they never go down. Labels are
source names, states, actors and entity types: never an item key, a path or a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import dramatiq
from dramatiq.middleware import Middleware
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    generate_latest,
    start_http_server,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.models import AuditEvent, Disposition, Finding, Item, ScanRun, Source
from catalog.store import Catalog

PRESENT_STATES = ("present", "error")

MESSAGES = Counter("expunge_worker_messages_processed", "Messages this process finished "
                   "without an exception.", ["actor"])
FAILURES = Counter("expunge_worker_messages_failed", "Message attempts in this process that "
                   "raised (each is retried, or dead-lettered after its last retry).", ["actor"])
DEAD = Counter("expunge_worker_messages_dead_lettered", "Messages this process moved to the "
               "dead-letter queue (see `expunge deadletters`).", ["actor"])


class WorkerMetrics(Middleware):
    """Dramatiq middleware counting each actor's processed, failed and dead messages."""

    def after_process_message(self, broker: dramatiq.Broker, message: Any, *,
                              result: Any = None, exception: BaseException | None = None) -> None:
        """Count one attempt."""
        (MESSAGES if exception is None else FAILURES).labels(message.actor_name).inc()

    def after_nack(self, broker: dramatiq.Broker, message: Any) -> None:
        """Count a message that exhausted its retries."""
        DEAD.labels(message.actor_name).inc()


class CatalogCollector(Collector):
    """Collects the catalog's figures on every scrape."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def collect(self) -> Iterator[Metric]:
        """Read every figure in one transaction."""
        with self.catalog.session() as session:
            yield from _scan_metrics(session)
            yield _items(session)
            yield _findings(session)
            yield _dispositions(session)
            yield _counted(session, "expunge_dispositions_failed", "Dispositions that failed "
                           "(each failure, from the audit trail).", "disposition.failed")
            yield _counted(session, "expunge_audit_events", "Events in the audit trail.")


def register_catalog_collector(catalog: Catalog,
                               registry: CollectorRegistry = REGISTRY) -> CatalogCollector:
    """Expose the catalog's figures through ``registry``."""
    collector = CatalogCollector(catalog)
    registry.register(collector)
    return collector


def serve(catalog: Catalog, port: int, addr: str = "0.0.0.0") -> None:
    """Serve ``/metrics`` (the catalog's figures and this process's) on a daemon thread."""
    register_catalog_collector(catalog)
    start_http_server(port, addr)


def exposition(catalog: Catalog) -> str:
    """The catalog's figures and this process's counters, in the text exposition format."""
    registry = CollectorRegistry()
    register_catalog_collector(catalog, registry)
    registry.register(_ProcessCounters())
    return generate_latest(registry).decode()


class _ProcessCounters(Collector):
    """This process's worker counters, for a registry other than the default one."""

    def collect(self) -> Iterator[Metric]:
        """The counters' current values."""
        for counter in (MESSAGES, FAILURES, DEAD):
            yield from counter.collect()


def _scan_metrics(session: Session) -> Iterator[Metric]:
    """Per source: items listed and failed in all scans, and when the last scan finished."""
    rows = session.execute(
        select(Source.name, func.sum(ScanRun.items_listed), func.sum(ScanRun.items_classified),
               func.sum(ScanRun.items_failed),
               func.count().filter(ScanRun.state == "failed"), func.max(ScanRun.finished_at))
        .join(ScanRun, ScanRun.source_id == Source.id).group_by(Source.name)
    ).all()
    scanned = CounterMetricFamily("expunge_items_scanned", "Items listed by scans (unchanged "
                                  "ones included).", labels=["source"])
    classified = CounterMetricFamily("expunge_items_classified", "Items read and classified "
                                     "by scans.", labels=["source"])
    errors = CounterMetricFamily("expunge_scan_errors", "Items a scan could not read, plus "
                                 "scans that failed as a whole.", labels=["source"])
    finished = GaugeMetricFamily("expunge_last_scan_finished_timestamp_seconds", "When the "
                                 "source's last scan finished (Unix time).", labels=["source"])
    for source, listed, read, failed, runs_failed, last in rows:
        scanned.add_metric([source], float(listed or 0))
        classified.add_metric([source], float(read or 0))
        errors.add_metric([source], float((failed or 0) + runs_failed))
        if last is not None:
            finished.add_metric([source], _timestamp(last))
    yield from (scanned, classified, errors, finished)


def _items(session: Session) -> Metric:
    """Catalogued items by source and state."""
    rows = session.execute(select(Source.name, Item.state, func.count())
                           .join(Item, Item.source_id == Source.id)
                           .group_by(Source.name, Item.state)).all()
    return _gauge("expunge_items_total", "Catalogued items by source and state.",
                  ["source", "state"], ((list(labels), count) for *labels, count in rows))


def _findings(session: Session) -> Metric:
    """Detected occurrences in items still present, by entity type."""
    rows = session.execute(select(Finding.entity_type, func.sum(Finding.count))
                           .join(Item, Finding.item_id == Item.id)
                           .where(Item.state.in_(PRESENT_STATES))
                           .group_by(Finding.entity_type)).all()
    return _gauge("expunge_findings_total", "Occurrences of personal data in items still "
                  "present, by entity type.", ["entity_type"],
                  (([entity], count or 0) for entity, count in rows))


def _dispositions(session: Session) -> Metric:
    """Dispositions by state."""
    rows = session.execute(select(Disposition.state, func.count())
                           .group_by(Disposition.state)).all()
    return _gauge("expunge_dispositions", "Dispositions by state.", ["state"],
                  (([state], count) for state, count in rows))


def _counted(session: Session, name: str, documentation: str,
             action: str | None = None) -> Metric:
    """A counter of audit events (all, or those of one action): the trail is append-only."""
    query = select(func.count()).select_from(AuditEvent)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    return CounterMetricFamily(name, documentation, value=session.execute(query).scalar_one())


def _gauge(name: str, documentation: str, labels: list[str],
           samples: Iterable[tuple[list[str], float]]) -> GaugeMetricFamily:
    """A labelled gauge family from (label values, value) pairs."""
    family = GaugeMetricFamily(name, documentation, labels=labels)
    for values, value in samples:
        family.add_metric(values, float(value))
    return family


def _timestamp(moment: datetime) -> float:
    """Unix time of a catalog timestamp (stored in UTC)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
