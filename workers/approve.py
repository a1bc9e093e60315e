"""Approving proposed dispositions: the officer's decision, each one an audit event."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from catalog import audit
from catalog.models import Disposition, utcnow
from workers.runtime import Runtime


def approve(runtime: Runtime, actor: str, ids: Sequence[int] | None, reason: str | None,
            ) -> tuple[list[int], list[str]]:
    """Approve proposed dispositions (all of them when ``ids`` is None).

    Returns the approved ids and one message per id that could not be approved.
    """
    approved: list[int] = []
    problems: list[str] = []
    with runtime.catalog.session() as session:
        query = select(Disposition).where(Disposition.state == "proposed")
        if ids is not None:
            query = select(Disposition).where(Disposition.id.in_(ids))
        found = {d.id: d for d in session.execute(query.order_by(Disposition.id)).scalars()}
        for missing in sorted(set(ids or ()) - set(found)):
            problems.append(f"disposition {missing}: not found")
        for disposition in found.values():
            if disposition.state != "proposed":
                problems.append(f"disposition {disposition.id}: is {disposition.state}, "
                                "only proposed dispositions can be approved")
                continue
            disposition.state, disposition.approved_by = "approved", actor
            disposition.approved_at, disposition.reason = utcnow(), reason
            audit.append(session, actor, "disposition.approved", f"disposition:{disposition.id}",
                         {"item": disposition.item.key, "action": disposition.action,
                          "rule": disposition.rule, "reason": reason})
            approved.append(disposition.id)
    return approved, problems
