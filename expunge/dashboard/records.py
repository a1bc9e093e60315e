"""Listings for the queue, holds, scans, audit trail and certificates (keyset-paginated)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from catalog import queries
from catalog.models import AuditEvent, Certificate, Disposition, Item, ScanRun
from expunge.dashboard.findings import Page
from expunge.dashboard.overview import scan_progress

QUEUE_STATES = ("proposed", "approved", "running", "held", "failed", "done", "rejected",
                "withdrawn")
RECENT_SCANS = 20


def _page(rows: list[dict[str, Any]], limit: int, after: int | None) -> Page:
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, rows[-1]["id"] if more else None, None if after is None else after)


def dispositions(session: Session, state: str, limit: int, after: int | None) -> Page:
    """Dispositions in one state, oldest first."""
    query = (select(Disposition).where(Disposition.state == state)
             .options(joinedload(Disposition.item).joinedload(Item.source))
             .order_by(Disposition.id).limit(limit + 1))
    if after is not None:
        query = query.where(Disposition.id > after)
    rows = [{"id": d.id, "item_id": d.item_id, "source": d.item.source.name,
             "item": d.item.key, "action": d.action, "category": d.category, "rule": d.rule,
             "due": d.due, "state": d.state, "approved_by": d.approved_by,
             "reason": d.reason, "error": d.error, "rows": queries.row_count(d.item)}
            for d in session.execute(query).scalars()]
    return _page(rows, limit, after)


def holds(session: Session, include_released: bool) -> list[dict[str, Any]]:
    return queries.holds(session, include_released)


def scans(session: Session) -> list[dict[str, Any]]:
    """The most recent scan runs with their progress."""
    query = select(ScanRun).order_by(ScanRun.id.desc()).limit(RECENT_SCANS)
    return [scan_progress(run) for run in session.execute(query).scalars()]


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page is narrowed to."""

    actor: str | None = None
    action: str | None = None
    subject: str | None = None
    since: date | None = None
    until: date | None = None

    def as_query(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


def _audit_query(flt: AuditFilter) -> Select[AuditEvent]:
    query = select(AuditEvent)
    if flt.actor:
        query = query.where(AuditEvent.actor == flt.actor)
    if flt.action:
        query = query.where(AuditEvent.action.startswith(flt.action, autoescape=True))
    if flt.subject:
        query = query.where(AuditEvent.subject.contains(flt.subject, autoescape=True))
    if flt.since:
        query = query.where(AuditEvent.at >= datetime.combine(flt.since, time.min, tzinfo=UTC))
    if flt.until:
        query = query.where(AuditEvent.at < datetime.combine(
            flt.until + timedelta(days=1), time.min, tzinfo=UTC))
    return query


def audit_events(session: Session, flt: AuditFilter, limit: int, after: int | None) -> Page:
    """Newest events first."""
    query = _audit_query(flt).order_by(AuditEvent.id.desc()).limit(limit + 1)
    if after is not None:
        query = query.where(AuditEvent.id < after)
    rows = [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action,
             "subject": e.subject, "details": e.details, "hash": e.hash}
            for e in session.execute(query).scalars()]
    return _page(rows, limit, after)


def certificates(session: Session) -> list[dict[str, Any]]:
    query = select(Certificate).order_by(Certificate.id.desc())
    return [{"run_id": c.run_id, "issued_at": c.issued_at, "items": c.items,
             "sha256": c.sha256} for c in session.execute(query).scalars()]


def certificate(session: Session, run_id: str) -> Certificate | None:
    return session.execute(select(Certificate).where(Certificate.run_id == run_id)
                           ).scalar_one_or_none()


def certificate_body(cert: Certificate) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(cert.body)
    return body
