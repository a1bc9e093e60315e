"""Placing and releasing legal holds, each an audit event (the CLI and the dashboard share it).

A hold covers places (a source, a path glob), rows (``--table T --where COL=V``: a table
predicate), or a data subject (``--subject email=…``: their rows in every database with a
subject table and every document naming them, through keyed tokens). Only ids and tokens are
stored: a subject is looked up once, when the hold is placed, and the value is not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import Finding, Hold, Source, utcnow
from catalog.models import Item as ItemRow
from rules.holds import HoldSpec
from scanner.subjects import SUBJECT_ENTITIES, lookup_tokens
from workers.erase import locate_subject
from workers.runtime import Runtime


class HoldError(ValueError):
    """A hold that cannot be placed or released; the message says why."""


@dataclass(frozen=True)
class HoldScope:
    """The rows and documents a hold covers beyond its source and path."""

    rows: Sequence[dict[str, Any]] = field(default_factory=list)
    tokens: Sequence[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any] | None:
        """What the catalog stores (nothing for a hold on places only)."""
        if not self.rows and not self.tokens:
            return None
        return {"rows": list(self.rows), "tokens": sorted(self.tokens)}


def add_hold(session: Session, actor: str, reason: str, source: str | None = None,
             path: str | None = None, case: str | None = None,
             scope: HoldScope | None = None) -> int:
    """Place a hold in the caller's transaction and return its id.

    Raises HoldError for an empty reason or an unusable path glob.
    """
    if not reason.strip():
        raise HoldError("a hold needs a reason (case number or why)")
    try:
        HoldSpec(id=0, reason=reason, source=source or None, path=path or None)
    except ValueError as exc:
        raise HoldError(str(exc)) from None
    stored = scope.as_json() if scope else None
    hold = Hold(source=source or None, path=path or None, reason=reason, created_by=actor,
                case_ref=case or None, scope=stored)
    session.add(hold)
    session.flush()
    audit.append(session, actor, "hold.added", f"hold:{hold.id}", {
        "source": hold.source, "path": hold.path, "reason": reason, "case": hold.case_ref,
        "rows": len((stored or {}).get("rows", ())),
        "documents_tokens": len((stored or {}).get("tokens", ()))})
    return hold.id


def release_hold(session: Session, actor: str, hold_id: int) -> None:
    """Release an active hold; raises HoldError when there is none with that id."""
    hold = session.get(Hold, hold_id)
    if hold is None or hold.released_at is not None:
        raise HoldError(f"no active hold {hold_id}")
    hold.released_at, hold.released_by = utcnow(), actor
    audit.append(session, actor, "hold.released", f"hold:{hold_id}", {})


def table_scope(session: Session, source: str, table: str, column: str,
                values: Sequence[str]) -> HoldScope:
    """Rows of one table by a key column; refused on a column holding identifiers (their
    values would be stored: hold by --subject instead)."""
    key = f"{table}.{column}"
    found = session.execute(
        select(Finding.entity_type).join(ItemRow).join(Source)
        .where(Source.name == source, ItemRow.key == key)).scalars().all()
    if set(found) & SUBJECT_ENTITIES:
        raise HoldError(f"{key} holds identifiers ({', '.join(sorted(found))}); hold the "
                        "subject with --subject instead, so that no value is stored")
    return HoldScope(rows=[{"source": source, "table": table, "column": column,
                            "values": list(values)}])


def subject_scope(runtime: Runtime, column: str, value: str) -> HoldScope:
    """A subject's rows in every database with a subject table, and their documents."""
    rows = []
    for name in runtime.settings.sources:
        with runtime.connector(name) as connector:
            subject = locate_subject(connector, column, value)
        if subject is not None:
            rows.append({"source": name, "table": subject.table, "column": subject.key,
                         "values": [str(k) for k in subject.values]})
    key = runtime.subject_key
    tokens = sorted(lookup_tokens(key, column, value)) if key else []
    if not rows and not tokens:
        raise HoldError(f"no subject matches the given {column}, and without a subject key "
                        "documents cannot be searched")
    return HoldScope(rows=rows, tokens=tokens)
