"""The tamper-evident audit trail: an append-only, hash-chained log.

Each event's hash covers its own fields and the previous event's hash, and ``audit_head``
keeps the last id and hash. Editing a row breaks its hash, deleting one breaks the link of
the next, cutting the tail breaks the head. ``verify`` names the first row that fails.
This is tamper-evident, not tamper-proof: someone who can rewrite the whole table and the
head can forge a new chain, which is why certificates quote the head hash they were issued at.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
HEAD_ID = 1
PENDING = "expunge.audit.pending"


def canonical_json(details: Mapping[str, Any]) -> str:
    """One spelling per value, so the same details always hash the same."""
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)


HASHED_FIELDS = ("id", "at", "actor", "action", "subject", "details", "prev_hash")


def event_record(event: AuditEvent) -> dict[str, str]:
    """An event as exported: the hashed fields, as strings, and its hash."""
    record = {name: str(getattr(event, name)) for name in HASHED_FIELDS}
    record["at"] = event.at.isoformat()
    return record | {"hash": event.hash}


def event_hash(event: AuditEvent) -> str:
    """SHA-256 over the hashed fields joined by U+001F; anyone can recompute it."""
    record = event_record(event)
    return hashlib.sha256("\x1f".join(record[n] for n in HASHED_FIELDS).encode()).hexdigest()


def _locked_head(session: Session) -> AuditHead:
    head = session.execute(
        select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()
    ).scalar_one()
    return head


def append(session: Session, actor: str, action: str, subject: str,
           details: Mapping[str, Any] | None = None) -> None:
    """Record an event in the caller's transaction; it is chained when that commits.

    Chaining locks the head row. Doing it at commit, after every other write, makes the head
    the last lock any transaction takes, so writers never wait on each other in a cycle.
    """
    pending: list[AuditEvent] = session.info.setdefault(PENDING, [])
    pending.append(AuditEvent(at=utcnow().replace(microsecond=0), actor=actor, action=action,
                              subject=subject, details=canonical_json(details or {})))


@sa_event.listens_for(Session, "before_commit")
def _chain_pending(session: Session) -> None:
    pending: list[AuditEvent] = session.info.pop(PENDING, [])
    if not pending:
        return
    session.flush()  # every other write first
    head = _locked_head(session)
    for record in pending:
        record.id, record.prev_hash = head.last_id + 1, head.last_hash
        record.hash = event_hash(record)
        session.add(record)
        head.last_id, head.last_hash = record.id, record.hash
    session.flush()


@sa_event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(PENDING, None)


def head_hash(session: Session) -> str:
    """The hash of the last event (GENESIS for an empty trail)."""
    head = session.get(AuditHead, HEAD_ID)
    return GENESIS if head is None else head.last_hash


@dataclass
class Verification:
    """The outcome of walking the chain."""

    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_event(event: AuditEvent, expected_id: int, prev_hash: str) -> str | None:
    if event.id != expected_id:
        return f"audit_event {expected_id}: missing (rows before id {event.id} were deleted)"
    if event.prev_hash != prev_hash:
        return f"audit_event {event.id}: link to the previous row is broken"
    if event_hash(event) != event.hash:
        return f"audit_event {event.id}: contents do not match its hash (row was edited)"
    return None


def verify(session: Session) -> Verification:
    """Walk the whole chain in id order and report every row that fails."""
    result = Verification()
    prev_hash, expected_id = GENESIS, 1
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        problem = _check_event(event, expected_id, prev_hash)
        if problem:
            result.problems.append(problem)
        result.checked += 1
        prev_hash, expected_id = event.hash, event.id + 1
    head = session.get(AuditHead, HEAD_ID)
    last_id, last_hash = (0, GENESIS) if head is None else (head.last_id, head.last_hash)
    if (last_id, last_hash) != (expected_id - 1, prev_hash):
        result.problems.append(
            f"audit_head: expects the chain to end at row {last_id}, it ends at row "
            f"{expected_id - 1} (rows at the end were deleted or the head was edited)"
        )
    return result
