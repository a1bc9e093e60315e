"""Enforcing approved dispositions, exactly once, verified, with a certificate per run."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import Disposition, Finding, utcnow
from catalog.models import Item as ItemRow
from catalog.store import affected_rows
from connectors.base import Connector, Item
from connectors.errors import ConnectorError, DeletionFailed
from rules.holds import holds_covering, row_holds
from workers import breaker
from workers import row_actions as _row_actions  # noqa: F401 - registers the database actions
from workers.actions import action_for
from workers.certificate import issue_if_complete
from workers.items import to_connector_item
from workers.plan import active_holds, facts_of
from workers.rowsets import ROWS, RowSetSource, narrowing
from workers.runtime import MAX_RETRIES, Runtime, current, retries_so_far

log = logging.getLogger(__name__)


def queue_enforcement(
    runtime: Runtime, actor: str, run_id: str, ids: Sequence[int] | None = None,
    confirmed: bool = False,
) -> list[int]:
    """Claim approved dispositions for run ``run_id`` and send them to the workers.

    Raises BreakerTripped (and claims nothing) when the run is too large, unless confirmed.
    """
    with runtime.catalog.session() as session:
        query = select(Disposition.id).where(Disposition.state == "approved")
        if ids is not None:
            query = query.where(Disposition.id.in_(ids))
        claimed = list(session.execute(query.order_by(Disposition.id)).scalars())
        tripped = _breaker(runtime, session, claimed)
        if tripped is None or confirmed:
            session.execute(update(Disposition).where(Disposition.id.in_(claimed))
                            .values(run_id=run_id, sent_at=utcnow()))
            audit.append(session, actor, "enforcement.requested", f"run:{run_id}",
                         {"dispositions": claimed, "breaker_overridden": tripped})
    if tripped is not None and not confirmed:
        with runtime.catalog.session() as session:
            audit.append(session, actor, "enforcement.paused", f"run:{run_id}",
                         {"reason": tripped, "dispositions": len(claimed)})
        raise breaker.BreakerTripped(tripped)
    for disposition_id in claimed:
        runtime.send("enforce_disposition", disposition_id, run_id)
    return claimed


def _breaker(runtime: Runtime, session: Session, claimed: list[int]) -> str | None:
    """Why the safety breaker stops this run, or None."""
    settings = runtime.settings
    try:
        breaker.check(session, claimed, settings.max_enforce_items, settings.max_enforce_share)
    except breaker.BreakerTripped as exc:
        return str(exc)
    return None


def _claim(session: Session, disposition_id: int, run_id: str, lease: timedelta) -> int | None:
    """approved → running, or take over a running one whose lease ran out (its worker died).

    Returns the claim token (the attempt number) that finishing must present, or None when
    the disposition is not ours to run: done, failed, held, or running under a live lease.
    """
    stale = utcnow() - lease
    claimed = affected_rows(
        session,
        update(Disposition)
        .where(
            Disposition.id == disposition_id,
            Disposition.run_id == run_id,
            or_(Disposition.state == "approved",
                and_(Disposition.state == "running", Disposition.started_at < stale)),
        )
        .values(state="running", started_at=utcnow(), attempts=Disposition.attempts + 1),
    )
    if not claimed:
        return None
    return int(session.execute(
        select(Disposition.attempts).where(Disposition.id == disposition_id)).scalar_one())


def _hold_reason(session: Session, row: ItemRow) -> str | None:
    covering = holds_covering(facts_of(row), active_holds(session))
    return None if not covering else f"under legal hold #{covering[0].id}: {covering[0].reason}"


def _finish(runtime: Runtime, disposition_id: int, token: int, state: str,
            error: str | None, outcome: dict[str, Any] | None = None) -> None:
    """running → a final state, once: only the holder of the current claim may finish."""
    with runtime.catalog.session() as session:
        if not affected_rows(session, update(Disposition).where(
                Disposition.id == disposition_id, Disposition.state == "running",
                Disposition.attempts == token).values(
                state=state, error=error, finished_at=utcnow())):
            return  # another delivery took over and finishes it
        d = session.get(Disposition, disposition_id)
        assert d is not None
        if state == "done":
            d.item.state = "deleted" if d.action == "delete" else "anonymized"
            session.execute(delete(Finding).where(Finding.item_id == d.item_id))
            if d.item.kind == ROWS:
                resample_table(session, d.item)
        log.info("disposition %s (%s) %s", d.id, d.action, state, extra={
            "event": f"disposition.{state}", "disposition": d.id, "action": d.action,
            "source": d.item.source.name, "run": d.run_id, "attempt": token})
        audit.append(session, "worker", f"disposition.{state}", f"disposition:{d.id}", {
            "item": d.item.key, "source": d.item.source.name, "action": d.action,
            "rule": d.rule, "run": d.run_id, "verified": state == "done", "error": error,
            "attempt": token, **(outcome or {})})


def _execute(runtime: Runtime, disposition: Disposition, row: ItemRow) -> dict[str, Any]:
    """Act and verify; returns what the action reports (counts) for the audit trail."""
    item = to_connector_item(row, fingerprint=disposition.fingerprint)
    with runtime.connector(row.source.name) as connector:
        if row.kind == ROWS:
            item = _narrowed_by_holds(runtime, connector, item, row)
        action = action_for(disposition.action, connector.kind, runtime)
        action.execute(connector, item)
        if not action.verify(connector, item):
            raise DeletionFailed(item.key, f"{disposition.action} could not be verified")
        return action.report()


def resample_table(session: Session, rowset: ItemRow) -> None:
    """After rows changed in place, the table's columns are sampled again at the next scan
    (their fingerprint, row count and newest key, does not see an update)."""
    table = (rowset.attributes or {}).get("table")
    columns = session.execute(select(ItemRow).where(
        ItemRow.source_id == rowset.source_id, ItemRow.kind == "column")).scalars()
    for column in columns:
        if (column.attributes or {}).get("table") == table:
            column.scanned_fingerprint = None


def _narrowed_by_holds(runtime: Runtime, connector: Connector, item: Item,
                       row: ItemRow) -> Item:
    """An approved row set minus the rows that holds placed since cover (and their parents)."""
    with runtime.catalog.session() as session:
        holds = row_holds(active_holds(session), row.source.name)
    table = str((row.attributes or {}).get("table", ""))
    narrower = narrowing(cast(RowSetSource, connector), holds, table) if holds else None
    if narrower is None:
        return item
    return replace(item, metadata={**item.metadata, "narrowed": narrower})


def enforce_disposition(disposition_id: int, run_id: str) -> None:
    """Actor: carry out one approved disposition; a redelivered message changes nothing."""
    runtime = current()
    with runtime.catalog.session() as session:
        token = _claim(session, disposition_id, run_id, runtime.settings.lease)
        if token is None:
            return
        disposition = session.get(Disposition, disposition_id)
        assert disposition is not None
        row = disposition.item
        held = _hold_reason(session, row)
        source_name = row.source.name
    if held:
        _finish(runtime, disposition_id, token, "held", held)
    else:
        _run_action(runtime, disposition, row, source_name, token)
    issue_if_complete(runtime, run_id)


def _run_action(runtime: Runtime, disposition: Disposition, row: ItemRow, source: str,
                token: int) -> None:
    try:
        outcome = _execute(runtime, disposition, row)
    except ConnectorError as exc:
        if exc.retryable and retries_so_far() < MAX_RETRIES:
            raise  # Dramatiq retries with backoff; the disposition stays running
        _finish(runtime, disposition.id, token, "failed", str(exc))
    except ValueError as exc:
        _finish(runtime, disposition.id, token, "failed", str(exc))
    except Exception as exc:
        log.exception("unexpected error enforcing disposition %s on %s", disposition.id, source)
        _finish(runtime, disposition.id, token, "failed", f"unexpected {type(exc).__name__}")
    else:
        _finish(runtime, disposition.id, token, "done", None, outcome)
