"""Read-only listings of the catalog as flat rows (what the CLI and dashboard show)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.models import AuditEvent, Decision, Disposition, Finding, Hold, Item, Source

Row = dict[str, Any]


def findings(session: Session, sources: Sequence[str] = (), entity: str | None = None) -> list[Row]:
    """One row per (item, entity type) of present items; samples are masked."""
    query = (select(Source.name, Item.key, Finding.entity_type, Finding.count, Finding.score,
                    Finding.sample, Item.language, Finding.share)
             .join(Item, Finding.item_id == Item.id).join(Source, Item.source_id == Source.id)
             .where(Item.state == "present").order_by(Source.name, Item.key, Finding.entity_type))
    if sources:
        query = query.where(Source.name.in_(sources))
    if entity:
        query = query.where(Finding.entity_type == entity)
    keys = ("source", "item", "entity_type", "count", "score", "sample", "language", "share")
    return [dict(zip(keys, r, strict=True)) for r in session.execute(query)]


def _open_dispositions(session: Session) -> dict[int, Disposition]:
    rows = session.execute(select(Disposition).order_by(Disposition.id)).scalars()
    return {d.item_id: d for d in rows}  # latest per item wins


def plan(session: Session, sources: Sequence[str] = (), due_only: bool = False) -> list[Row]:
    """The retention plan: every item with a category or something to do."""
    query = (select(Decision, Item, Source.name).join(Item, Decision.item_id == Item.id)
             .join(Source, Item.source_id == Source.id)
             .where(Item.state.in_(("present", "error")))
             .order_by(Source.name, Item.key))
    if sources:
        query = query.where(Source.name.in_(sources))
    dispositions = _open_dispositions(session)
    rows: list[Row] = []
    for decision, item, source in session.execute(query):
        if decision.category is None and decision.action == "keep":
            continue
        if due_only and decision.action == "keep":
            continue
        d = dispositions.get(item.id)
        rows.append({
            "source": source, "item": item.key, "category": decision.category,
            "rule": decision.rule, "clock": decision.clock, "due": decision.due,
            "action": decision.action, "held": decision.held,
            "disposition": d.id if d else None, "state": d.state if d else None,
            "rows": row_count(item), "reason": decision.reason,
        })
    return rows


def row_count(item: Item) -> int | None:
    """How many rows a database row set held when last counted (None for other items)."""
    value = (item.attributes or {}).get("rows") if item.kind == "rows" else None
    return None if value is None else int(value)


def dispositions(session: Session, states: Sequence[str] = (), run_id: str | None = None,
                 ) -> list[Row]:
    """Dispositions with their item and approval."""
    query = select(Disposition).order_by(Disposition.id)
    if states:
        query = query.where(Disposition.state.in_(states))
    if run_id:
        query = query.where(Disposition.run_id == run_id)
    return [{
        "id": d.id, "source": d.item.source.name, "item": d.item.key, "action": d.action,
        "category": d.category, "rule": d.rule, "due": d.due, "state": d.state,
        "approved_by": d.approved_by, "error": d.error, "rows": row_count(d.item),
    } for d in session.execute(query).scalars()]


def audit_events(session: Session, limit: int = 100) -> list[Row]:
    """The newest audit events first."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    return [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action,
             "subject": e.subject, "details": e.details, "hash": e.hash[:16]}
            for e in session.execute(query).scalars()]


def holds(session: Session, include_released: bool = False) -> list[Row]:
    """Legal holds, active ones only unless asked."""
    query = select(Hold).order_by(Hold.id)
    if not include_released:
        query = query.where(Hold.released_at.is_(None))
    return [{"id": h.id, "case": h.case_ref, "source": h.source, "path": h.path,
             "covers": _hold_covers(h), "reason": h.reason,
             "created_by": h.created_by, "created_at": h.created_at,
             "released_at": h.released_at} for h in session.execute(query).scalars()]


def _hold_covers(hold: Hold) -> str:
    """What a hold covers, in words (counts, never values)."""
    scope = hold.scope or {}
    parts = [f"{r['source']}:{r['table']}.{r['column']} ({len(r['values'])} key(s))"
             for r in scope.get("rows", ())]
    if scope.get("tokens"):
        parts.append("documents naming the subject")
    if not parts:
        return hold.path or "everything"
    return "; ".join(parts)
