"""Scanning: list a source into the catalog, then classify changed items in batches.

``scan_source`` lists and fans out ``classify_items`` batches; the last batch to finish
closes the run. Unchanged items (same fingerprint as when last classified) are not read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import cast

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import Finding, ScanRun, SubjectToken, utcnow
from catalog.models import Item as ItemRow
from catalog.store import affected_rows
from connectors.base import Connector, Item, ListingError
from connectors.errors import ConnectorError, ItemVanished, SourceUnreachable
from scanner.engine import Analysis
from scanner.errors import ScannerError
from scanner.extract import extract_text
from scanner.mask import mask
from scanner.subjects import subject_tokens
from workers.columns import (
    EntitySummary,
    Outcome,
    SamplesTables,
    classify_columns,
    samples_tables,
)
from workers.items import ensure_source, to_connector_item, to_describe, upsert_listed
from workers.runtime import Runtime, current

log = logging.getLogger(__name__)
LISTING_PAGE = 500  # entries recorded per transaction while listing


def queue_scan(runtime: Runtime, source_name: str, requested_by: str) -> int:
    """Create a queued scan run for one configured source and send it to the workers."""
    kind = str(runtime.settings.sources[source_name]["kind"])
    with runtime.catalog.session() as session:
        source = ensure_source(session, source_name, kind)
        run = ScanRun(source_id=source.id, requested_by=requested_by)
        session.add(run)
        session.flush()
        audit.append(
            session, requested_by, "scan.requested", f"source:{source_name}", {"scan_run": run.id}
        )
        run_id = run.id
    runtime.send("scan_source", run_id)
    return run_id


Listed = Item | ListingError


def _pages(entries: Iterator[Listed], size: int) -> Iterator[list[Listed]]:
    while page := list(islice(entries, size)):
        yield page


def _start(session: Session, run_id: int) -> tuple[int, str] | None:
    run = session.get(ScanRun, run_id)
    if run is None or run.state != "queued":
        return None  # a redelivered message for a run already under way or finished
    run.state, run.started_at = "running", utcnow()
    return run.source_id, run.source.name


def scan_source(run_id: int) -> None:
    """Actor: list the run's source into the catalog and fan out classification."""
    runtime = current()
    with runtime.catalog.session() as session:
        started = _start(session, run_id)
    if started is None:
        return
    source_id, source_name = started
    try:
        with runtime.connector(source_name) as connector:
            _list_source(runtime, connector, run_id, source_id)
    except ConnectorError as exc:
        _fail_run(runtime, run_id, str(exc))
        return
    _close_listing(runtime, run_id, source_id)


def count(session: Session, run_id: int, **increments: int) -> None:
    """Add to a run's counters in the database (atomic: batches finish concurrently)."""
    values = {name: getattr(ScanRun, name) + n for name, n in increments.items()}
    session.execute(update(ScanRun).where(ScanRun.id == run_id).values(**values))


def _list_source(runtime: Runtime, connector: Connector, run_id: int, source_id: int) -> None:
    for listed in _pages(iter(connector.list_items()), LISTING_PAGE):
        page = _described(runtime, connector, source_id, listed)
        with runtime.catalog.session() as session:
            changed, unchanged, failed = upsert_listed(session, source_id, run_id, page)
            count(session, run_id, items_listed=len(page), items_unchanged=unchanged,
                  items_failed=failed, items_to_classify=len(changed))
        size = runtime.settings.batch_size
        for start in range(0, len(changed), size):
            runtime.send("classify_items", run_id, changed[start:start + size])


def _described(runtime: Runtime, connector: Connector, source_id: int,
               page: list[Listed]) -> list[Listed]:
    """The page with metadata completed for what is new; no transaction is held meanwhile."""
    if not connector.lazy_metadata:
        return page
    with runtime.catalog.session() as session:
        new = to_describe(session, source_id, page)
    if not new:
        return page
    described = dict(zip((i.key for i in new), connector.describe_many(new), strict=True))
    completed = [described.get(entry.key, entry) for entry in page]
    return [entry for entry in completed if entry is not None]  # None: vanished meanwhile


def _close_listing(runtime: Runtime, run_id: int, source_id: int) -> None:
    with runtime.catalog.session() as session:
        gone = affected_rows(
            session,
            update(ItemRow)
            .where(
                ItemRow.source_id == source_id,
                ItemRow.kind != "rows",  # row sets are the planner's, not the listing's
                ItemRow.state.in_(("present", "error", "skipped")),
                ItemRow.last_scan_id != run_id,
            )
            .values(state="gone"),
        )
        session.execute(
            update(ScanRun).where(ScanRun.id == run_id).values(listing_done=True, items_gone=gone)
        )
        _finish_if_complete(session, run_id)


def _fail_run(runtime: Runtime, run_id: int, error: str) -> None:
    with runtime.catalog.session() as session:
        run = session.get(ScanRun, run_id)
        assert run is not None
        run.state, run.error, run.finished_at = "failed", error, utcnow()
        audit.append(
            session,
            "worker",
            "scan.failed",
            f"source:{run.source.name}",
            {"scan_run": run_id, "error": error},
        )


def _finish_if_complete(session: Session, run_id: int) -> None:
    finished = affected_rows(
        session,
        update(ScanRun)
        .where(
            ScanRun.id == run_id,
            ScanRun.state == "running",
            ScanRun.listing_done,
            ScanRun.items_classified >= ScanRun.items_to_classify,
        )
        .values(state="done", finished_at=utcnow()),
    )
    if finished:
        run = session.get(ScanRun, run_id)
        assert run is not None
        session.refresh(run)
        counts = {
            "scan_run": run_id,
            "listed": run.items_listed,
            "classified": run.items_classified,
            "unchanged": run.items_unchanged,
            "failed": run.items_failed,
            "gone": run.items_gone,
        }
        audit.append(session, "worker", "scan.finished", f"source:{run.source.name}", counts)
        log.info("scan run %s of %s finished: %s listed, %s classified, %s failed", run_id,
                 run.source.name, run.items_listed, run.items_classified, run.items_failed,
                 extra={"event": "scan.finished", "source": run.source.name, **counts})


def summarize(text: str, analysis: Analysis) -> dict[str, EntitySummary]:
    """Count detections per entity type, keeping the best score and its masked sample."""
    summary: dict[str, EntitySummary] = {}
    for d in analysis.detections:
        best = summary.get(d.entity_type)
        count = 1 if best is None else best.count + 1
        if best is None or d.score > best.score:
            best = EntitySummary(count, d.score, mask(d.entity_type, text[d.start : d.end]))
        summary[d.entity_type] = EntitySummary(count, best.score, best.sample)
    return summary


def classify(runtime: Runtime, connector: Connector, item: Item) -> Outcome:
    """Read one item and detect what it holds: language, summary by entity, subject tokens."""
    data = connector.read_bytes(item, runtime.settings.read_limit)
    text = extract_text(data, item.key)
    analysis = runtime.engine.analyze(text)
    key = runtime.subject_key
    tokens = frozenset(subject_tokens(text, analysis.detections, key)) if key else frozenset()
    return Outcome(language=analysis.language, summary=summarize(text, analysis),
                   tokens=tokens)


def _classify_safely(runtime: Runtime, connector: Connector, item: Item) -> Outcome:
    try:
        return classify(runtime, connector, item)
    except ItemVanished as exc:
        return Outcome(state="gone", error=str(exc))
    except SourceUnreachable as exc:
        return Outcome(state="error", error=str(exc), unreachable=True)
    except (ConnectorError, ScannerError) as exc:
        return Outcome(state="error", error=str(exc))
    except Exception as exc:  # a parser bug must not stop the scan; its message may hold content
        log.exception("unexpected error classifying an item of this source")
        return Outcome(state="error", error=f"{item.key}: unexpected {type(exc).__name__}")


def _classify_all(runtime: Runtime, connector: Connector,
                  items: dict[int, Item]) -> dict[int, Outcome]:
    """Classify a batch: columns by sampling their tables, other items by reading them."""
    columns = {i: item for i, item in items.items() if item.kind == "column"}
    if columns and samples_tables(connector):
        others = {i: item for i, item in items.items() if i not in columns}
        sampled = classify_columns(runtime, cast(SamplesTables, connector), columns)
        return sampled | (_read_all(runtime, connector, others) if others else {})
    return _read_all(runtime, connector, items)


def _read_all(runtime: Runtime, connector: Connector,
              items: dict[int, Item]) -> dict[int, Outcome]:
    """Classify items by reading them, as many at once as the connector allows."""
    down: list[Outcome] = []  # once the source is unreachable, the rest fail fast

    def one(item: Item) -> Outcome:
        if down:
            return Outcome(state="error", error=f"{item.key}: not read, {down[0].error}",
                           unreachable=True)
        outcome = _classify_safely(runtime, connector, item)
        if outcome.unreachable:
            down.append(outcome)
        return outcome

    threads = max(1, min(connector.read_concurrency, len(items)))
    if threads == 1:
        return {i: one(item) for i, item in items.items()}
    with ThreadPoolExecutor(threads, thread_name_prefix="read") as pool:
        futures = {i: pool.submit(one, item) for i, item in items.items()}
        return {i: future.result() for i, future in futures.items()}


def _record(session: Session, row: ItemRow, run_id: int, outcome: Outcome) -> None:
    session.execute(delete(Finding).where(Finding.item_id == row.id))
    row.scanned_at, row.language, row.error = utcnow(), outcome.language, outcome.error
    row.state = outcome.state
    row.scanned_fingerprint = row.fingerprint if outcome.state == "present" else None
    row.tokens = [SubjectToken(entity_type=t, token=v) for t, v in sorted(outcome.tokens)]
    for entity_type, s in sorted(outcome.summary.items()):
        session.add(Finding(item_id=row.id, entity_type=entity_type, count=s.count,
                            score=round(s.score, 3), sample=s.sample, scan_run_id=run_id,
                            share=None if s.share is None else round(s.share, 3)))


def classify_items(run_id: int, item_ids: list[int]) -> None:
    """Actor: classify a batch of items of one scan run and record their findings."""
    runtime = current()
    with runtime.catalog.session() as session:
        rows = session.execute(select(ItemRow).where(ItemRow.id.in_(item_ids))).scalars().all()
        source_name = rows[0].source.name if rows else ""
        items = {row.id: to_connector_item(row) for row in rows}
    results = {}
    if items:
        with runtime.connector(source_name) as connector:
            results = _classify_all(runtime, connector, items)
    with runtime.catalog.session() as session:
        for row in session.execute(select(ItemRow).where(ItemRow.id.in_(results))).scalars():
            _record(session, row, run_id, results[row.id])
        failed = sum(1 for outcome in results.values() if outcome.state == "error")
        count(session, run_id, items_classified=len(item_ids), items_failed=failed)
        _finish_if_complete(session, run_id)
