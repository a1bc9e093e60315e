"""Findings a page at a time (keyset pagination on finding.id), and one item in detail."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from catalog.models import AuditEvent, Decision, Disposition, Finding, Item, Source
from rules.holds import holds_covering
from workers.plan import active_holds, facts_of

LISTED_STATES = ("present", "error")
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class FindingFilter:
    """What the findings page is narrowed to; every field optional."""

    source: str | None = None
    entity: str | None = None
    category: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None

    def as_query(self) -> dict[str, str]:
        """The filter as URL parameters (empty ones left out), for links to other pages."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


@dataclass(frozen=True)
class Page:
    """One page of rows and the cursors to its neighbours (None: there is none)."""

    rows: list[dict[str, Any]]
    next_after: int | None
    prev_before: int | None


COLUMNS = (Finding.id, Source.name, Item.id, Item.key, Finding.entity_type, Finding.count,
           Finding.score, Finding.sample, Decision.category, Decision.due, Decision.action,
           Item.scanned_at)
KEYS = ("id", "source", "item_id", "item", "entity_type", "count", "score", "sample",
        "category", "due", "action", "scanned_at")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _utc_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _filtered(flt: FindingFilter) -> Select[*tuple[Any, ...]]:
    query: Select[*tuple[Any, ...]] = (select(*COLUMNS).join(Item, Finding.item_id == Item.id)
             .join(Source, Item.source_id == Source.id)
             .outerjoin(Decision, Decision.item_id == Item.id)
             .where(Item.state.in_(LISTED_STATES)))
    if flt.source:
        query = query.where(Source.name == flt.source)
    if flt.entity:
        query = query.where(Finding.entity_type == flt.entity)
    if flt.category:
        query = query.where(Decision.category == flt.category)
    if flt.since:
        query = query.where(Item.scanned_at >= _utc_midnight(flt.since))
    if flt.until:
        query = query.where(Item.scanned_at < _utc_midnight(flt.until + timedelta(days=1)))
    if flt.q:
        query = query.where(Item.key.ilike(_like(flt.q), escape="\\"))
    return query


def findings_page(session: Session, flt: FindingFilter, limit: int,
                  after: int | None = None, before: int | None = None) -> Page:
    """Newest findings first; ``after``/``before`` are the ids a previous page ended on."""
    query = _filtered(flt)
    if before is not None:
        query = query.where(Finding.id > before).order_by(Finding.id.asc())
    else:
        if after is not None:
            query = query.where(Finding.id < after)
        query = query.order_by(Finding.id.desc())
    found = [dict(zip(KEYS, r, strict=True)) for r in session.execute(query.limit(limit + 1))]
    more = len(found) > limit
    rows = found[:limit]
    if before is not None:
        rows.reverse()
        return Page(rows, rows[-1]["id"] if rows else None,
                    rows[0]["id"] if more and rows else None)
    return Page(rows, rows[-1]["id"] if more else None,
                rows[0]["id"] if after is not None and rows else None)


def filter_choices(session: Session) -> dict[str, list[str]]:
    """The values the filter menus offer."""
    def distinct(column: Any) -> list[str]:
        return [v for v in session.execute(select(column).distinct().order_by(column)).scalars()
                if v is not None]

    return {"sources": distinct(Source.name), "entities": distinct(Finding.entity_type),
            "categories": distinct(Decision.category)}


def _history(session: Session, item_id: int, disposition_ids: list[int]) -> list[dict[str, Any]]:
    subjects = [f"item:{item_id}"] + [f"disposition:{d}" for d in disposition_ids]
    query = (select(AuditEvent).where(AuditEvent.subject.in_(subjects))
             .order_by(AuditEvent.id.desc()).limit(HISTORY_LIMIT))
    return [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action,
             "subject": e.subject, "details": e.details}
            for e in session.execute(query).scalars()]


def item_detail(session: Session, item_id: int) -> dict[str, Any] | None:
    """Everything the catalog knows of one item: findings (masked), decision, history."""
    item = session.get(Item, item_id)
    if item is None:
        return None
    decision = session.execute(select(Decision).where(Decision.item_id == item_id)
                               ).scalar_one_or_none()
    dispositions = session.execute(select(Disposition).where(Disposition.item_id == item_id)
                                   .order_by(Disposition.id.desc())).scalars().all()
    holds = holds_covering(facts_of(item), active_holds(session))
    return {
        "item": {"id": item.id, "source": item.source.name, "key": item.key, "kind": item.kind,
                 "size": item.size, "modified": item.modified, "state": item.state,
                 "language": item.language, "error": item.error, "scanned_at": item.scanned_at},
        "findings": [{"entity_type": f.entity_type, "count": f.count, "score": f.score,
                      "sample": f.sample} for f in sorted(item.findings,
                                                          key=lambda f: f.entity_type)],
        "decision": None if decision is None else {
            "category": decision.category, "rule": decision.rule, "basis": decision.basis,
            "clock": decision.clock, "due": decision.due, "action": decision.action,
            "reason": decision.reason, "held": decision.held,
            "decided_at": decision.decided_at},
        "dispositions": [{"id": d.id, "action": d.action, "state": d.state, "rule": d.rule,
                          "due": d.due, "approved_by": d.approved_by, "reason": d.reason,
                          "error": d.error} for d in dispositions],
        "holds": [{"id": h.id, "reason": h.reason} for h in holds],
        "history": _history(session, item_id, [d.id for d in dispositions]),
    }
