"""The overview's figures: sources and their last scans, findings, what falls due when."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.models import Decision, Disposition, Finding, Hold, Item, ScanRun, Source
from expunge.dashboard.charts import Chart, bar_chart

DUE_ACTIONS = ("delete", "anonymize")
MONTHS_AHEAD = 12


def scan_progress(run: ScanRun) -> dict[str, Any]:
    """A scan run with its progress as a share (None while still listing)."""
    total = run.items_to_classify if run.listing_done else None
    share = (run.items_classified / total if total else 1.0) if total is not None else None
    if run.state in ("done", "failed"):
        share = 1.0
    return {"id": run.id, "source": run.source.name, "state": run.state,
            "requested_by": run.requested_by, "queued_at": run.queued_at,
            "finished_at": run.finished_at, "listed": run.items_listed,
            "unchanged": run.items_unchanged, "to_classify": run.items_to_classify,
            "classified": run.items_classified, "failed": run.items_failed,
            "percent": None if share is None else round(share * 100)}


def _last_runs(session: Session) -> dict[int, ScanRun]:
    latest = select(func.max(ScanRun.id)).group_by(ScanRun.source_id)
    runs = session.execute(select(ScanRun).where(ScanRun.id.in_(latest))).scalars()
    return {r.source_id: r for r in runs}


def sources(session: Session) -> list[dict[str, Any]]:
    """Every catalogued source with its item and finding counts and its last scan."""
    items = dict(session.execute(select(Item.source_id, func.count()).where(
        Item.state.in_(("present", "error"))).group_by(Item.source_id)).all())
    found = dict(session.execute(select(Item.source_id, func.count(Finding.id)).join(
        Finding, Finding.item_id == Item.id).group_by(Item.source_id)).all())
    runs = _last_runs(session)
    return [{"name": s.name, "kind": s.kind, "item_count": items.get(s.id, 0),
             "findings": found.get(s.id, 0),
             "last_scan": scan_progress(runs[s.id]) if s.id in runs else None}
            for s in session.execute(select(Source).order_by(Source.name)).scalars()]


def findings_by_entity(session: Session) -> list[tuple[str, int]]:
    rows = session.execute(select(Finding.entity_type, func.count()).group_by(
        Finding.entity_type).order_by(func.count().desc()))
    return [(str(k), int(n)) for k, n in rows]


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def due_by_month(session: Session, today: date) -> list[tuple[str, int]]:
    """Items whose decision destroys or anonymizes them, by month due; earlier ones as overdue."""
    rows = session.execute(select(Decision.due, func.count()).where(
        Decision.action.in_(DUE_ACTIONS), Decision.due.is_not(None)).group_by(Decision.due)
    )
    months = [_month(date(today.year + (today.month - 1 + i) // 12,
                          (today.month - 1 + i) % 12 + 1, 1)) for i in range(MONTHS_AHEAD)]
    counts: Counter[str] = Counter()
    for due, count in rows:
        if due is None:
            continue
        key = _month(due)
        counts["overdue" if key < months[0] else key] += int(count)
    return [("overdue", counts["overdue"])] + [(m, counts[m]) for m in months]


def overview(session: Session, today: date) -> dict[str, Any]:
    """Everything the overview page and /api/overview show."""
    listed = sources(session)
    by_entity = findings_by_entity(session)
    states = dict(session.execute(select(Disposition.state, func.count()).group_by(
        Disposition.state)).all())
    holds = session.execute(select(func.count()).select_from(Hold).where(
        Hold.released_at.is_(None))).scalar_one()
    return {"sources": listed, "findings_by_entity": by_entity,
            "findings_by_source": [(s["name"], s["findings"]) for s in listed],
            "due_by_month": due_by_month(session, today), "dispositions": states,
            "active_holds": int(holds)}


def charts(data: dict[str, Any]) -> dict[str, Chart]:
    """The overview's three charts."""
    return {key: bar_chart(data[key])
            for key in ("findings_by_entity", "findings_by_source", "due_by_month")}
