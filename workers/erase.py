"""Subject erasure: everything about one data subject, everywhere, except what the law keeps.

A member who withdraws (POLICY §7) is looked up by an identifier (``email``, ``rrn``…):

- in each database source with a ``subject`` table, by one of its ``match`` columns. Every
  table reachable from it through foreign keys gets one row set: the subject's rows there whose
  retention has ended (or that no rule keeps), minus rows with a dependant still kept;
- in every other source, through the subject tokens the scans recorded (keyed hashes of the
  identifiers found in each document): each document naming the person whose retention has
  ended, or that no rule keeps, is to be deleted; the others are kept with their rule.

Each deletion is a proposed ``delete`` disposition under the rule ``subject-erasure`` (approve
and enforce as usual); what the law keeps is reported with the rule that keeps it. The request
is audited under a random id, never under the value looked up.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from catalog import audit
from catalog.models import Item as ItemRow
from catalog.models import Source, SubjectToken
from connectors.rowsets import RowSet, Subject
from rules.decide import Decision, Rulebook
from rules.holds import holds_covering, row_holds
from scanner.subjects import lookup_tokens
from workers.items import ensure_source
from workers.plan import (
    PlanSummary,
    active_holds,
    facts_of,
    open_disposition,
    propose,
    store_decision,
)
from workers.rowsets import (
    DependantInfo,
    TablePlanner,
    conditions_of,
    count_safely,
    held,
    held_rows,
    rowset_item,
    subject_paths,
    unreadable_clock,
)
from workers.runtime import Runtime

RULE = "subject-erasure"
BASIS = "Personal Information Protection Act art. 21; the clinic's policy §7 (withdrawal)"


class SubjectSource(Protocol):
    """What erasure needs of a connector (the database connector provides it)."""

    options: Any
    kind: str

    def find_subject(self, column: str, values: Sequence[str]) -> list[Any]: ...

    def count_rows(self, rowset: RowSet, enforce: bool = False) -> int: ...

    def dependants(self, name: str, enforce: bool = False) -> Sequence[DependantInfo]: ...


class ErasureError(ValueError):
    """The erasure cannot be planned (no subject settings, nobody matches); says why."""


@dataclass(frozen=True)
class ErasurePart:
    """One table's share of an erasure: rows to delete now, rows kept and why."""

    request: str
    source: str
    item: str  # a table, or a document's key
    erase: int  # rows, or 1 for a document
    kept: int
    disposition: int | None
    reason: str


def request_erasure(runtime: Runtime, actor: str, column: str, value: str, today: date,
                    reason: str | None = None, sources: Sequence[str] | None = None,
                    ) -> list[ErasurePart]:
    """Plan the erasure of the subject ``column`` = ``value`` in every source; audited."""
    request = f"erasure-{secrets.token_hex(4)}"
    parts: list[ErasurePart] = []
    for name in sources or list(runtime.settings.sources):
        with runtime.connector(name) as connector:
            parts += _database_parts(runtime, connector, name, request, column, value, today)
        parts += _document_parts(runtime, name, request, column, value, today)
    if not parts:
        raise ErasureError(f"nothing matches the given {column} in "
                           f"{', '.join(sources or runtime.settings.sources) or 'no source'}")
    with runtime.catalog.session() as session:
        audit.append(session, actor, "erasure.requested", f"erasure:{request}", {
            "match": column, "reason": reason, "parts": [
                {"source": p.source, "item": p.item, "erase": p.erase, "kept": p.kept}
                for p in parts]})
    return parts


def locate_subject(connector: object, column: str, value: str) -> Subject | None:
    """The subject rows a source's ``subject`` table holds for ``column`` = ``value``; None
    when the source has no subject table, does not match on that column, or has no such row."""
    subject = getattr(getattr(connector, "options", None), "subject", None)
    if subject is None or column not in subject.match:
        return None
    keys = cast(SubjectSource, connector).find_subject(column, [value])
    return Subject(subject.table, subject.key, tuple(keys)) if keys else None


def _database_parts(runtime: Runtime, connector: object, name: str, request: str,
                    column: str, value: str, today: date) -> list[ErasurePart]:
    subject = locate_subject(connector, column, value)
    if subject is None:
        return []
    with runtime.catalog.session() as session:
        return _plan_parts(session, runtime.rulebook, cast(SubjectSource, connector), name,
                           request, subject, today)


def _document_parts(runtime: Runtime, name: str, request: str, column: str, value: str,
                    today: date) -> list[ErasurePart]:
    """Documents of a source whose recorded tokens name the subject."""
    key = runtime.subject_key
    if key is None:
        return []
    with runtime.catalog.session() as session:
        rows = session.execute(
            select(ItemRow).join(Source)
            .where(Source.name == name, ItemRow.state == "present",
                   ItemRow.id.in_(select(SubjectToken.item_id).where(
                       SubjectToken.token.in_(lookup_tokens(key, column, value)))))
            .options(selectinload(ItemRow.findings))
        ).scalars().all()
        holds = active_holds(session)
        return [_document_part(session, runtime.rulebook, row, request, today, holds)
                for row in rows]


def _document_part(session: Session, rulebook: Rulebook, row: ItemRow, request: str,
                   today: date, holds: list[Any]) -> ErasurePart:
    facts = facts_of(row)
    verdict = rulebook.decide(facts, today)
    if verdict.action == "keep" and verdict.category is not None:
        return ErasurePart(request, facts.source, row.key, 0, 1, None,
                           f"kept by law: {verdict.reason}")
    erasure = Decision(verdict.category, RULE, BASIS, verdict.clock, today, "delete",
                       f"erasure {request}: the document names the subject", False)
    return _propose_part(session, row, erasure, request, facts.source, row.key, 1, 0,
                         bool(holds_covering(facts, holds)), "nothing kept")


def _plan_parts(session: Session, rulebook: Rulebook, source: SubjectSource, name: str,
                request: str, subject: Subject, today: date) -> list[ErasurePart]:
    source_id = ensure_source(session, name, source.kind).id
    holds = active_holds(session)
    planner = TablePlanner(source, rulebook, name, today,
                           held_rows(source, row_holds(holds, name)))
    parts = []
    for table, path in subject_paths(source, subject.table).items():
        linked = Subject(subject.table, subject.key, subject.values, path)
        total, _ = count_safely(source, RowSet(table, subject=linked, label=request))
        if total:
            parts.append(_plan_part(session, planner, source_id, request, table, linked, total,
                                    holds))
    return parts


def _plan_part(session: Session, planner: TablePlanner, source_id: int, request: str,
               table: str, subject: Subject, total: int, holds: list[Any]) -> ErasurePart:
    name, today = planner.name, planner.today
    rules = planner.rulebook.table_rules(name, table, today)
    problem = unreadable_clock(rules)
    if problem is not None:
        return ErasurePart(request, name, table, 0, total, None, f"kept: {problem}")
    rowset = RowSet(table, conditions_of(rules), subject=subject, keep=planner.keeps(table),
                    label=request, holds=planner.held.get(table, ()))
    erase, error = count_safely(planner.source, rowset)
    if error is not None:
        return ErasurePart(request, name, table, 0, total, None, f"not planned: {error}")
    kept_reason = _kept_reason(rules, total - erase)
    if not erase:
        return ErasurePart(request, name, table, 0, total, None, kept_reason)
    row = rowset_item(session, source_id, rowset, erase)
    row.attributes = {**row.attributes, "subject": request}
    category = rules[0].category if rules else None
    verdict = Decision(category, RULE, BASIS, None, today, "delete",
                       f"erasure {request}: {erase} row(s) of {table}; {kept_reason}", False)
    return _propose_part(session, row, verdict, request, name, table, erase, total - erase,
                         held(name, row.key, table, holds), kept_reason)


def _propose_part(session: Session, row: ItemRow, verdict: Decision, request: str,
                  source: str, item: str, erase: int, kept: int, is_held: bool,
                  reason: str) -> ErasurePart:
    store_decision(session, row, verdict, is_held)
    propose(session, row, verdict, is_held, PlanSummary())
    found = open_disposition(session, row.id)
    return ErasurePart(request, source, item, erase, kept, found.id if found else None, reason)


def _kept_reason(rules: Sequence[Any], kept: int) -> str:
    if not kept:
        return "nothing kept"
    if not rules:
        return f"{kept} row(s) kept: a dependant record is still under retention, or on hold"
    duties = ", ".join(f"{r.category} {r.retention} from {r.clock}" for r in rules)
    return f"{kept} row(s) kept by law ({duties}), for a dependant still kept, or on hold"
