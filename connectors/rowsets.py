"""Row sets: which rows of a table a retention decision covers, as data and as SQL.

A :class:`RowSet` is plain, JSON-serialisable data, so that an approval can freeze it (the
catalog stores it with the disposition's item, and its hash is the item's fingerprint):

- ``conditions``: every one must hold — the row's clock is before a date. A clock is a column
  of the table (``visit_date``) or of a parent reached by a foreign key (``visits.visit_date``).
  A NULL clock never matches: nothing is destroyed on an unknown date.
- ``after``: optional lower bounds (``clock >= date``), so that rows already anonymized by an
  earlier run are not taken again.
- ``subject``: optional link to one data subject: a chain of foreign keys from the table up to
  a subject table, and the subject rows' primary-key values.
- ``keep``: dependent tables whose rows the law still keeps; a row with such a dependant (at any
  depth) is left out, so that deleting it and its dependants never destroys a kept record.
- ``holds``: rows under a legal hold, each given like a subject (keys of a table, reached
  through foreign keys); they are left out, and a dependant under a hold keeps its parent.

:func:`where_clause` turns it into a SQLAlchemy condition over reflected tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    DateTime,
    MetaData,
    Table,
    and_,
    exists,
    not_,
    or_,
)
from sqlalchemy import true as sql_true


class RowSetError(ValueError):
    """A row set does not fit the schema (unknown table, column, or no foreign key)."""


@dataclass(frozen=True)
class Condition:
    """``clock < before`` (``>=`` when ``lower``); the clock is a column or ``parent.column``."""

    clock: str
    before: str  # ISO date
    lower: bool = False


@dataclass(frozen=True)
class Keep:
    """Rows of ``table`` (a dependant through ``fk`` → the parent's ``ref``) kept by the law:
    those whose own conditions do not all hold yet."""

    table: str
    fk: str
    ref: str
    conditions: tuple[Condition, ...]
    keep: tuple[Keep, ...] = ()
    holds: tuple[Subject, ...] = ()


@dataclass(frozen=True)
class Hop:
    """One foreign key on the way from a table to the subject table."""

    fk: str
    parent: str
    ref: str


@dataclass(frozen=True)
class Subject:
    """The rows about one data subject: reached through ``path`` to the subject table's keys."""

    table: str
    key: str
    values: tuple[Any, ...]
    path: tuple[Hop, ...] = ()


@dataclass(frozen=True)
class RowSet:
    """The rows of ``table`` a decision covers; see the module docstring."""

    table: str
    conditions: tuple[Condition, ...] = ()
    subject: Subject | None = None
    keep: tuple[Keep, ...] = ()
    label: str = ""
    holds: tuple[Subject, ...] = ()

    def to_json(self) -> str:
        """A canonical JSON form (stable key order), stored with the disposition's item."""
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"), default=str)

    @classmethod
    def from_json(cls, text: str) -> RowSet:
        """Parse what :meth:`to_json` wrote."""
        data = json.loads(text)
        subject = data.get("subject")
        return cls(
            table=data["table"],
            conditions=tuple(Condition(**c) for c in data.get("conditions", ())),
            subject=None if subject is None else _subject_from(subject),
            keep=tuple(_keep_from(k) for k in data.get("keep", ())),
            label=data.get("label", ""),
            holds=tuple(_subject_from(h) for h in data.get("holds", ())),
        )

    def narrowed(self, text: str) -> RowSet:
        """This row set with more rows left out: ``text`` is JSON with ``holds`` and ``keep``
        lists (holds placed after approval). Narrowing never adds a row."""
        data = json.loads(text)
        holds = tuple(_subject_from(h) for h in data.get("holds", ()))
        keep = tuple(_keep_from(k) for k in data.get("keep", ()))
        return replace(self, holds=self.holds + holds, keep=self.keep + keep)

    @property
    def fingerprint(self) -> str:
        """A hash of the frozen definition: approval covers exactly this row set."""
        return "rows:" + hashlib.sha256(self.to_json().encode()).hexdigest()[:32]

    def describe(self) -> str:
        """A short readable form, e.g. ``visits WHERE visit_date < 2016-11-26``."""
        parts = [f"{c.clock} {'>=' if c.lower else '<'} {c.before}" for c in self.conditions]
        if self.subject is not None:
            parts.insert(0, f"SUBJECT {self.label or self.subject.table}")
        return f"{self.table} WHERE {' AND '.join(parts)}" if parts else f"{self.table} (all rows)"


def _subject_from(data: Mapping[str, Any]) -> Subject:
    return Subject(table=data["table"], key=data["key"], values=tuple(data["values"]),
                   path=tuple(Hop(**h) for h in data.get("path", ())))


def _keep_from(data: Mapping[str, Any]) -> Keep:
    return Keep(table=data["table"], fk=data["fk"], ref=data["ref"],
                conditions=tuple(Condition(**c) for c in data.get("conditions", ())),
                keep=tuple(_keep_from(k) for k in data.get("keep", ())),
                holds=tuple(_subject_from(h) for h in data.get("holds", ())))


def table_of(metadata: MetaData, name: str) -> Table:
    """A reflected table by name (schema-qualified names are matched too)."""
    for table in metadata.tables.values():
        if name in (table.name, table.fullname):
            return table
    raise RowSetError(f"table {name!r} is not in the database")


def column_of(table: Table, name: str) -> Column[Any]:
    """A column of a reflected table, or a clear error."""
    if name not in table.c:
        raise RowSetError(f"column {table.name}.{name} does not exist")
    return table.c[name]


def foreign_key(child: Table, parent: Table) -> tuple[Column[Any], Column[Any]]:
    """The (child column, parent column) of the one single-column foreign key between them."""
    found = [(fk.parent, fk.column) for fk in child.foreign_keys if fk.column.table is parent]
    if not found:
        raise RowSetError(f"no foreign key from {child.name} to {parent.name}")
    if len(found) > 1:
        raise RowSetError(f"several foreign keys from {child.name} to {parent.name}")
    return found[0]


def bound_value(column: Column[Any], iso_date: str) -> Any:
    """The bound to compare a clock column with, in the column's own type (UTC midnight)."""
    day = date.fromisoformat(iso_date)
    if isinstance(column.type, DateTime):
        moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return moment if column.type.timezone else moment.replace(tzinfo=None)
    if isinstance(column.type, Date):
        return day
    return iso_date  # text columns holding ISO dates compare as strings


def _typed(column: Column[Any], value: Any) -> Any:
    """A key given as text (a hold's ``--where id=12``) in the column's own Python type."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    if isinstance(value, str) and kind is not str:
        try:
            return kind(value)
        except (TypeError, ValueError):
            return value
    return value


def _condition(metadata: MetaData, table: Table, condition: Condition) -> ColumnElement[bool]:
    """One clock condition, through a parent when the clock names one."""
    parent_name, dot, column_name = condition.clock.rpartition(".")
    if not dot:
        column = column_of(table, column_name)
        return _compare(column, condition)
    parent = table_of(metadata, parent_name)
    fk, ref = foreign_key(table, parent)
    column = column_of(parent, column_name)
    return exists().where(ref == fk, _compare(column, condition))


def _compare(column: Column[Any], condition: Condition) -> ColumnElement[bool]:
    value = bound_value(column, condition.before)
    return and_(column.is_not(None), column >= value if condition.lower else column < value)


def conditions_clause(metadata: MetaData, table: Table,
                      conditions: Sequence[Condition]) -> ColumnElement[bool]:
    """All conditions at once (true when there are none)."""
    return and_(sql_true(), *(_condition(metadata, table, c) for c in conditions))


def _kept_dependants(metadata: MetaData, table: Table, keep: Keep) -> ColumnElement[bool]:
    """True for a row of ``table`` that has a dependant in ``keep.table`` the law keeps."""
    child = table_of(metadata, keep.table)
    fk, ref = column_of(child, keep.fk), column_of(table, keep.ref)
    due = conditions_clause(metadata, child, keep.conditions)
    kept = or_(not_(due), *(_subject_clause(metadata, child, h) for h in keep.holds),
               *(_kept_dependants(metadata, child, k) for k in keep.keep))
    return exists().where(fk == ref, kept)


def _subject_clause(metadata: MetaData, table: Table, subject: Subject) -> ColumnElement[bool]:
    """True for the rows about the subject: its own rows, or rows reaching them by the path."""
    if not subject.path:
        column = column_of(table, subject.key)
        return column.in_([_typed(column, v) for v in subject.values])
    hop, rest = subject.path[0], Subject(subject.table, subject.key, subject.values,
                                         subject.path[1:])
    parent = table_of(metadata, hop.parent)
    fk, ref = column_of(table, hop.fk), column_of(parent, hop.ref)
    return exists().where(ref == fk, _subject_clause(metadata, parent, rest))


def where_clause(metadata: MetaData, rowset: RowSet) -> ColumnElement[bool]:
    """The SQL condition selecting exactly the row set's rows."""
    table = table_of(metadata, rowset.table)
    clause = conditions_clause(metadata, table, rowset.conditions)
    if rowset.subject is not None:
        clause = and_(clause, _subject_clause(metadata, table, rowset.subject))
    for keep in rowset.keep:
        clause = and_(clause, not_(_kept_dependants(metadata, table, keep)))
    for held in rowset.holds:
        clause = and_(clause, not_(_subject_clause(metadata, table, held)))
    return clause

