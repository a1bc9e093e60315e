"""Planning database row sets: which rows of each bound table are due, counted in SQL.

For every table a rule names, the planner builds one :class:`~connectors.rowsets.RowSet`
(rows whose clocks are past every matching rule's retention, minus rows with a dependant the
law still keeps), counts it with one COUNT, and records it as a catalog item of kind ``rows``
whose key is the row set's readable form (``visits WHERE visit_date < 2016-11-26``). Approval
freezes it: an approved row set is never redefined; a later plan makes a new one.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.models import Disposition
from catalog.models import Item as ItemRow
from connectors.errors import ConnectorError
from connectors.rowsets import Condition, Hop, Keep, RowSet, Subject
from rules.clock import METADATA_PREFIXES, MTIME, PATH_DATE
from rules.decide import Decision, ItemFacts, RowRule, Rulebook
from rules.holds import HoldSpec, RowHold, holds_covering

ROWS = "rows"
MAX_KEEP_DEPTH = 6  # dependants followed this deep when looking for kept records


class DependantInfo(Protocol):
    """A foreign key into a table (what :class:`connectors.database.Dependant` provides)."""

    table: str
    fk: str
    ref: str


class RowSetSource(Protocol):
    """What a connector offers for row sets (the database connector does)."""

    def count_rows(self, rowset: RowSet, enforce: bool = False) -> int: ...

    def dependants(self, name: str, enforce: bool = False) -> Sequence[DependantInfo]: ...


def supports_rowsets(connector: object) -> bool:
    """Whether a connector can count and act on row sets."""
    return callable(getattr(connector, "count_rows", None)) and \
        callable(getattr(connector, "dependants", None))


def conditions_of(rules: Sequence[RowRule]) -> tuple[Condition, ...]:
    """A row is due when every rule's clock is before its bound (the longer duty wins)."""
    return tuple(Condition(r.clock, r.before.isoformat()) for r in rules)


def unreadable_clock(rules: Sequence[RowRule]) -> str | None:
    """Why some rule's clock cannot be a column (mtime, object metadata), or None."""
    for rule in rules:
        if rule.clock in (MTIME, PATH_DATE) or rule.clock.startswith(METADATA_PREFIXES):
            return f"{rule.label}: clock {rule.clock!r} is not a column of the table"
    return None


@dataclass(frozen=True)
class TablePlanner:
    """Builds the row sets of one database source as of a day, under its active holds."""

    source: RowSetSource
    rulebook: Rulebook
    name: str
    today: date
    held: Mapping[str, tuple[Subject, ...]] = field(default_factory=dict)

    def keeps(self, table: str) -> tuple[Keep, ...]:
        """Dependants (at any depth) with rows the law still keeps or a hold covers."""
        return protecting_keeps(self.source, table, self.held, self.conditions)

    def conditions(self, table: str) -> tuple[Condition, ...]:
        """When a row of ``table`` is due under its rules (none: no rule names it)."""
        return conditions_of(self.rulebook.table_rules(self.name, table, self.today))

    def rowset(self, table: str, done_below: str | None) -> RowSet:
        """The row set of a table due now, for its winning rule's action, holds left out."""
        rules = self.rulebook.table_rules(self.name, table, self.today)
        conditions = conditions_of(rules)
        held = self.held.get(table, ())
        if rules[0].action == "anonymize":
            if done_below is not None:
                conditions += (Condition(rules[0].clock, done_below, lower=True),)
            return RowSet(table, conditions, holds=held)  # rewriting touches no dependant
        return RowSet(table, conditions, keep=self.keeps(table), holds=held)


def subject_paths(source: RowSetSource, table: str) -> dict[str, tuple[Hop, ...]]:
    """Every table reachable from ``table`` by foreign keys, with its way back up to it."""
    paths: dict[str, tuple[Hop, ...]] = {table: ()}
    queue = deque([table])
    while queue:
        parent = queue.popleft()
        for dependant in source.dependants(parent):
            if dependant.table not in paths:
                paths[dependant.table] = (Hop(dependant.fk, parent, dependant.ref),
                                          *paths[parent])
                queue.append(dependant.table)
    return paths


def protecting_keeps(source: RowSetSource, table: str, held: Mapping[str, tuple[Subject, ...]],
                     conditions: Callable[[str], tuple[Condition, ...]] = lambda _: (),
                     path: tuple[str, ...] = ()) -> tuple[Keep, ...]:
    """Dependants (at any depth) whose rows are kept, by their rules (``conditions``: when a
    row is due; none means always) or by a hold: they protect their parents from deletion."""
    if len(path) >= MAX_KEEP_DEPTH:
        return ()
    found = []
    for dependant in source.dependants(table):
        if dependant.table in (*path, table):
            continue
        due = conditions(dependant.table)
        nested = protecting_keeps(source, dependant.table, held, conditions, (*path, table))
        mine = held.get(dependant.table, ())
        if due or nested or mine:
            found.append(Keep(dependant.table, dependant.fk, dependant.ref, due, nested, mine))
    return tuple(found)


def narrowing(source: RowSetSource, holds: Sequence[RowHold], table: str) -> str | None:
    """What holds placed now leave out of an approved row set of ``table`` (JSON for
    :meth:`RowSet.narrowed`), or None when no hold touches it."""
    held = held_rows(source, holds)
    keep = protecting_keeps(source, table, held)
    if not held.get(table) and not keep:
        return None
    return json.dumps({"holds": [asdict(h) for h in held.get(table, ())],
                       "keep": [asdict(k) for k in keep]}, default=str)


def held_rows(source: RowSetSource, holds: Sequence[RowHold]) -> dict[str, tuple[Subject, ...]]:
    """Per table, the rows that holds cover: the held rows and everything depending on them."""
    held: dict[str, list[Subject]] = {}
    for hold in holds:
        for table, path in subject_paths(source, hold.table).items():
            held.setdefault(table, []).append(
                Subject(hold.table, hold.column, hold.values, path))
    return {table: tuple(subjects) for table, subjects in held.items()}


def previous_bound(session: Session, source_id: int, table: str) -> str | None:
    """The bound of the latest anonymized row set of a table: rows below it are done."""
    rows = session.execute(
        select(ItemRow.attributes).where(ItemRow.source_id == source_id, ItemRow.kind == ROWS,
                                         ItemRow.state == "anonymized")
    ).scalars()
    bounds = [str(a["before"]) for a in rows if a and a.get("table") == table and "before" in a]
    return max(bounds, default=None)


def row_decision(rules: Sequence[RowRule], rows: int, today: date, table: str,
                 problem: str | None = None) -> Decision:
    """The plan's verdict on a table's due rows, from its rules (longest retention first)."""
    winner = rules[0]
    if problem is not None:
        return Decision(winner.category, winner.label, winner.basis, None, today, "review",
                        f"{problem}; review instead of deciding on a guessed date", False)
    span = " and ".join(f"{r.clock} < {r.before} ({r.category}, {r.retention})" for r in rules)
    if rows == 0:
        return Decision(winner.category, winner.label, winner.basis, None, None, "keep",
                        f"no row of {table} is due: none has {span}", False)
    reason = f"{rows} row(s) of {table} past retention: {span}; then {winner.action}"
    return Decision(winner.category, winner.label, winner.basis, None, today, winner.action,
                    reason, winner.auto_approve)


def rowset_item(session: Session, source_id: int, rowset: RowSet, rows: int,
                run_id: int | None = None) -> ItemRow:
    """The catalog item of a row set, created or refreshed (never redefined once approved)."""
    key = rowset.describe()
    row = session.execute(select(ItemRow).where(
        ItemRow.source_id == source_id, ItemRow.key == key)).scalar_one_or_none()
    if row is None:
        row = ItemRow(source_id=source_id, key=key, kind=ROWS)
        session.add(row)
    elif _frozen(session, row):
        return row  # approved as it was defined then; the next plan makes a new one
    before = next((c.before for c in rowset.conditions if not c.lower), None)
    attributes = {"rowset": rowset.to_json(), "table": rowset.table, "rows": str(rows)}
    if before is not None:
        attributes["before"] = before
    row.kind, row.fingerprint, row.size, row.attributes = ROWS, rowset.fingerprint, rows, attributes
    row.state, row.error, row.last_scan_id = "present", None, run_id
    session.flush()
    return row


def _frozen(session: Session, row: ItemRow) -> bool:
    """Whether an approval (or its execution) holds the row set's definition."""
    return session.execute(select(Disposition.id).where(
        Disposition.item_id == row.id, Disposition.state.in_(("approved", "running")),
    )).first() is not None


def superseded(session: Session, source_id: int, table: str, keep_key: str) -> list[ItemRow]:
    """Other present row sets of the table: yesterday's plans that today's replaces."""
    rows = session.execute(select(ItemRow).where(
        ItemRow.source_id == source_id, ItemRow.kind == ROWS, ItemRow.state == "present",
        ItemRow.key != keep_key)).scalars()
    return [r for r in rows if (r.attributes or {}).get("table") == table
            and "subject" not in (r.attributes or {})]


def facts_of_rows(source_name: str, key: str, table: str) -> ItemFacts:
    """What holds may match for a row set: its source, key and table."""
    return ItemFacts(source=source_name, key=key, kind=ROWS, modified=None, table=table)


def held(source_name: str, key: str, table: str, holds: Sequence[HoldSpec]) -> bool:
    """Whether a legal hold covers a table's row set."""
    return bool(holds_covering(facts_of_rows(source_name, key, table), holds))


def count_safely(source: RowSetSource, rowset: RowSet) -> tuple[int, str | None]:
    """(rows, None), or (0, the error) when the database refuses."""
    try:
        return source.count_rows(rowset), None
    except ConnectorError as exc:
        return 0, str(exc)
