"""Deciding: turn every catalogued item into a decision, and due ones into dispositions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from catalog import audit
from catalog.models import Decision, Disposition, Hold, Source
from catalog.models import Item as ItemRow
from connectors.errors import ConnectorError
from connectors.rowsets import RowSet
from rules.decide import Decision as RuleDecision
from rules.decide import ItemFacts
from rules.holds import HoldSpec, RowHold, holds_covering, row_holds
from workers.items import ensure_source
from workers.rowsets import (
    ROWS,
    RowSetSource,
    TablePlanner,
    count_safely,
    held,
    held_rows,
    previous_bound,
    row_decision,
    rowset_item,
    superseded,
    supports_rowsets,
    unreadable_clock,
)
from workers.runtime import Runtime

ENFORCEABLE = ("delete", "anonymize")
OPEN_STATES = ("proposed", "approved", "running", "held")
PLANNED_STATES = ("present", "error")
TABLE_KINDS = ("column", ROWS)


@dataclass
class PlanSummary:
    """What one planning pass decided."""

    items: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    proposed: int = 0
    auto_approved: int = 0
    withdrawn: int = 0
    released: int = 0


def active_holds(session: Session) -> list[HoldSpec]:
    """Every hold not yet released, as the rules see them."""
    rows = session.execute(select(Hold).where(Hold.released_at.is_(None))).scalars()
    return [hold_spec(h) for h in rows]


def hold_spec(hold: Hold) -> HoldSpec:
    """A catalogued hold as the rules see it (its rows and documents from ``scope``)."""
    scope = hold.scope or {}
    rows = tuple(RowHold(r["source"], r["table"], r["column"], tuple(map(str, r["values"])))
                 for r in scope.get("rows", ()))
    return HoldSpec(id=hold.id, reason=hold.reason, source=hold.source, path=hold.path,
                    rows=rows, tokens=frozenset(scope.get("tokens", ())), case=hold.case_ref)


def facts_of(row: ItemRow) -> ItemFacts:
    """What the rules may know about an item: where it is, its dates, what was detected."""
    attributes = dict(row.attributes or {})
    return ItemFacts(source=row.source.name, key=row.key, kind=row.kind, modified=row.modified,
                     metadata={k: v for k, v in attributes.items() if isinstance(v, str)},
                     entity_types=frozenset(f.entity_type for f in row.findings),
                     table=attributes.get("table") if row.kind in TABLE_KINDS else None,
                     tokens=frozenset(t.token for t in row.tokens))


def store_decision(session: Session, row: ItemRow, verdict: RuleDecision, held: bool) -> None:
    decision = session.execute(
        select(Decision).where(Decision.item_id == row.id)
    ).scalar_one_or_none() or Decision(item_id=row.id)
    decision.category, decision.rule, decision.basis = verdict.category, verdict.rule, verdict.basis
    decision.clock, decision.due, decision.action = verdict.clock, verdict.due, verdict.action
    decision.reason, decision.held = verdict.reason, held
    session.add(decision)


def open_disposition(session: Session, item_id: int) -> Disposition | None:
    return session.execute(
        select(Disposition).where(Disposition.item_id == item_id,
                                  Disposition.state.in_(OPEN_STATES))
    ).scalar_one_or_none()


def propose(session: Session, row: ItemRow, verdict: RuleDecision, held: bool,
             summary: PlanSummary) -> None:
    current = open_disposition(session, row.id)
    if current is not None and current.state == "held" and not held:
        current.state, current.approved_by, current.approved_at = "proposed", None, None
        summary.released += 1  # the hold is gone: the officer approves afresh
    if current is not None and current.state != "proposed":
        return  # approved, running or held: planning never widens or undoes an approval
    if current is None:
        current = Disposition(item_id=row.id)
        session.add(current)
        summary.proposed += 1
    current.action, current.category, current.rule = verdict.action, verdict.category, verdict.rule
    current.basis, current.due, current.fingerprint = verdict.basis, verdict.due, row.fingerprint
    if verdict.auto_approve:
        current.state, current.approved_by = "approved", "policy"
        current.reason = f"auto-approved by {verdict.rule}"
        summary.auto_approved += 1
    session.flush()
    audit.append(session, "planner", f"disposition.{current.state}",
                 f"disposition:{current.id}",
                 {"item": row.key, "source": row.source.name, "action": current.action,
                  "category": current.category, "rule": current.rule, "due": current.due})


def _withdraw(session: Session, row: ItemRow, summary: PlanSummary) -> None:
    current = open_disposition(session, row.id)
    if current is not None and current.state == "proposed":
        current.state = "withdrawn"
        summary.withdrawn += 1
        audit.append(session, "planner", "disposition.withdrawn", f"disposition:{current.id}",
                     {"item": row.key, "source": row.source.name})


def _already_clean(row: ItemRow, verdict: RuleDecision) -> bool:
    """Anonymizing content that was scanned and holds nothing would change nothing."""
    scanned = row.scanned_fingerprint is not None and row.scanned_fingerprint == row.fingerprint
    return verdict.action == "anonymize" and scanned and not row.findings


def _decide_item(session: Session, row: ItemRow, runtime: Runtime, today: date,
                 holds: list[HoldSpec], summary: PlanSummary) -> None:
    facts = facts_of(row)
    verdict = runtime.rulebook.decide(facts, today)
    is_held = bool(holds_covering(facts, holds))
    store_decision(session, row, verdict, is_held)
    summary.items += 1
    summary.actions[verdict.action] += 1
    if verdict.action in ENFORCEABLE and not _already_clean(row, verdict):
        propose(session, row, verdict, is_held, summary)
    else:
        _withdraw(session, row, summary)


def _planned_elsewhere(row: ItemRow, bound: dict[str, set[str]]) -> bool:
    """Row sets, and the columns of tables whose rows the rules cover, have no decision of
    their own: the table's row sets carry it."""
    if row.kind == ROWS:
        return True
    table = (row.attributes or {}).get("table")
    return row.kind == "column" and table in bound.get(row.source.name, set())


def plan(runtime: Runtime, today: date, sources: list[str] | None = None) -> PlanSummary:
    """Decide every present item of the configured sources; propose what is due."""
    summary = PlanSummary()
    names = sources or list(runtime.settings.sources)
    bound = {name: set(runtime.rulebook.tables(name)) for name in names}
    with runtime.catalog.session() as session:
        holds = active_holds(session)
        rows = session.execute(
            select(ItemRow).join(Source)
            .where(Source.name.in_(names), ItemRow.state.in_(PLANNED_STATES))
            .options(selectinload(ItemRow.findings), selectinload(ItemRow.source),
                     selectinload(ItemRow.tokens))
            .order_by(Source.name, ItemRow.key)
        ).scalars().all()
        for row in rows:
            if not _planned_elsewhere(row, bound):
                _decide_item(session, row, runtime, today, holds, summary)
    for name in names:
        if bound[name]:
            _plan_tables(runtime, name, sorted(bound[name]), today, summary)
    with runtime.catalog.session() as session:
        audit.append(session, "planner", "plan.run", "catalog",
                     {"items": summary.items, "proposed": summary.proposed,
                      "auto_approved": summary.auto_approved, "today": today})
    return summary


def _plan_tables(runtime: Runtime, name: str, tables: list[str], today: date,
                 summary: PlanSummary) -> None:
    """Count and propose the due row sets of a database source's bound tables."""
    with runtime.connector(name) as connector:
        if not supports_rowsets(connector):
            return
        source = cast(RowSetSource, connector)
        with runtime.catalog.session() as session:
            source_id = ensure_source(session, name, connector.kind).id
            holds = active_holds(session)
            planner = TablePlanner(source, runtime.rulebook, name, today,
                                   held_rows(source, row_holds(holds, name)))
            for table in tables:
                _plan_table(session, planner, source_id, table, holds, summary)


def _plan_table(session: Session, planner: TablePlanner, source_id: int, table: str,
                holds: list[HoldSpec], summary: PlanSummary) -> None:
    rules = planner.rulebook.table_rules(planner.name, table, planner.today)
    problem = unreadable_clock(rules)
    rowset, rows = RowSet(table), 0
    if problem is None:
        try:
            rowset = planner.rowset(table, previous_bound(session, source_id, table))
        except ConnectorError as exc:  # the schema could not be read: review, never guess
            problem = str(exc)
        else:
            rows, problem = count_safely(planner.source, rowset)
    row = rowset_item(session, source_id, rowset, rows)
    verdict = row_decision(rules, rows, planner.today, table, problem)
    is_held = held(planner.name, row.key, table, holds)
    store_decision(session, row, verdict, is_held)
    summary.items += 1
    summary.actions[verdict.action] += 1
    if verdict.action in ENFORCEABLE:
        propose(session, row, verdict, is_held, summary)
    else:
        _withdraw(session, row, summary)
    for old in superseded(session, source_id, table, row.key):
        _withdraw(session, old, summary)
        if open_disposition(session, old.id) is None:
            old.state = "superseded"
