"""What the officer does from the dashboard; each one an audit event under their name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from catalog import audit
from catalog.models import Disposition, utcnow
from expunge.app import App
from workers.approve import approve
from workers.breaker import BreakerTripped
from workers.broker import new_run_id
from workers.enforce import queue_enforcement
from workers.holds import HoldError, add_hold, release_hold, subject_scope
from workers.scan import queue_scan


class ActionError(ValueError):
    """The action cannot be done as asked; the message says why (shown to the user)."""


@dataclass
class Outcome:
    """What an action did, and what it could not do."""

    done: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _need_reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ActionError("a reason is required (it is kept in the audit trail)")
    return reason.strip()


def approve_dispositions(app: App, actor: str, ids: Sequence[int], reason: str | None,
                         ) -> Outcome:
    """Approve proposed dispositions, with a reason."""
    if not ids:
        raise ActionError("select at least one disposition")
    done, problems = approve(app.runtime, actor, list(ids), _need_reason(reason))
    return Outcome(done, problems)


def reject_dispositions(app: App, actor: str, ids: Sequence[int], reason: str | None,
                        ) -> Outcome:
    """Reject proposed dispositions: nothing is done; the next plan may propose again."""
    if not ids:
        raise ActionError("select at least one disposition")
    why = _need_reason(reason)
    outcome = Outcome()
    with app.runtime.catalog.session() as session:
        rows = session.execute(select(Disposition).where(Disposition.id.in_(ids))).scalars()
        found = {d.id: d for d in rows}
        for missing in sorted(set(ids) - set(found)):
            outcome.problems.append(f"disposition {missing}: not found")
        for d in found.values():
            if d.state != "proposed":
                outcome.problems.append(f"disposition {d.id}: is {d.state}, only proposed "
                                        "dispositions can be rejected")
                continue
            d.state, d.approved_by, d.approved_at, d.reason = "rejected", actor, utcnow(), why
            audit.append(session, actor, "disposition.rejected", f"disposition:{d.id}",
                         {"item": d.item.key, "action": d.action, "rule": d.rule,
                          "reason": why})
            outcome.done.append(d.id)
    return outcome


def enforce(app: App, actor: str, confirmed: bool) -> tuple[str, list[int]]:
    """Send every approved disposition to the workers; raises BreakerTripped unless confirmed."""
    run_id = new_run_id()
    return run_id, queue_enforcement(app.runtime, actor, run_id, None, confirmed)


def place_hold(app: App, actor: str, reason: str, source: str | None, path: str | None,
               case: str | None = None, subject: str | None = None) -> int:
    """Place a hold on places, or on a data subject (``COLUMN=VALUE``, looked up, not kept)."""
    scope = None
    if subject:
        column, equals, value = subject.partition("=")
        if not equals or not value.strip():
            raise HoldError("the subject is given as COLUMN=VALUE, e.g. email=…")
        scope = subject_scope(app.runtime, column.strip(), value.strip())
    with app.runtime.catalog.session() as session:
        return add_hold(session, actor, reason, source or None, path or None, case or None,
                        scope)


def lift_hold(app: App, actor: str, hold_id: int) -> None:
    with app.runtime.catalog.session() as session:
        release_hold(session, actor, hold_id)


def start_scan(app: App, actor: str, source: str) -> int:
    """Queue a scan of a configured source; the dashboard's own worker runs it when embedded."""
    if source not in app.config.source_names():
        raise ActionError(f"no source named {source!r} in the configuration")
    return queue_scan(app.runtime, source, actor)


def record(app: App, actor: str, action: str, subject: str, details: dict[str, object]) -> None:
    """Audit one view: the officer's own access trail."""
    with app.runtime.catalog.session() as session:
        audit.append(session, actor, action, subject, details)


__all__ = ["ActionError", "BreakerTripped", "Outcome", "approve_dispositions", "enforce",
           "lift_hold", "place_hold", "record", "reject_dispositions", "start_scan"]
