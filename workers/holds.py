"""Placing and releasing legal holds, each an audit event (the CLI and the dashboard share it)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import Hold, utcnow
from rules.holds import HoldSpec


class HoldError(ValueError):
    """A hold that cannot be placed or released; the message says why."""


def add_hold(session: Session, actor: str, reason: str, source: str | None = None,
             path: str | None = None) -> int:
    """Place a hold in the caller's transaction and return its id.

    Raises HoldError for an empty reason or an unusable path glob.
    """
    if not reason.strip():
        raise HoldError("a hold needs a reason (case number or why)")
    try:
        HoldSpec(id=0, reason=reason, source=source or None, path=path or None)
    except ValueError as exc:
        raise HoldError(str(exc)) from None
    hold = Hold(source=source or None, path=path or None, reason=reason, created_by=actor)
    session.add(hold)
    session.flush()
    audit.append(session, actor, "hold.added", f"hold:{hold.id}",
                 {"source": hold.source, "path": hold.path, "reason": reason})
    return hold.id


def release_hold(session: Session, actor: str, hold_id: int) -> None:
    """Release an active hold; raises HoldError when there is none with that id."""
    hold = session.get(Hold, hold_id)
    if hold is None or hold.released_at is not None:
        raise HoldError(f"no active hold {hold_id}")
    hold.released_at, hold.released_by = utcnow(), actor
    audit.append(session, actor, "hold.released", f"hold:{hold_id}", {})
