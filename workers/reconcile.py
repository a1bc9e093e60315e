"""The reconciler: finds work a crashed worker left behind and puts it back on track.

A disposition stuck in ``running`` (its worker died mid-action) is sent again: actions are
idempotent and the claim accepts a running disposition of the same run, so it resumes. A scan
run that has not moved for longer than a scan may take is closed as abandoned; the next scan
reads only what that one did not finish (unchanged items keep their findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from catalog import audit
from catalog.models import Disposition, ScanRun, utcnow
from workers.runtime import Runtime

STUCK_AFTER = timedelta(hours=2)  # longer than the enforce actor's 1 h time limit
ABANDONED_AFTER = timedelta(hours=6)


@dataclass(frozen=True)
class Reconciled:
    """What one pass found and did."""

    resent: list[int]
    abandoned: list[int]


def reconcile(runtime: Runtime, stuck_after: timedelta = STUCK_AFTER,
              abandoned_after: timedelta = ABANDONED_AFTER) -> Reconciled:
    """Resend dispositions stuck in running; close scan runs abandoned by a dead worker."""
    now = utcnow()
    with runtime.catalog.session() as session:
        stuck = session.execute(select(Disposition).where(
            Disposition.state == "running", Disposition.started_at < now - stuck_after)
        ).scalars().all()
        resend = [(d.id, d.run_id) for d in stuck if d.run_id]
        for disposition_id, run_id in resend:
            audit.append(session, "reconciler", "disposition.resumed",
                         f"disposition:{disposition_id}", {"run": run_id})
        runs = session.execute(select(ScanRun).where(
            ScanRun.state.in_(("queued", "running")),
            ScanRun.queued_at < now - abandoned_after)).scalars().all()
        for run in runs:
            run.state, run.finished_at = "failed", now
            run.error = "abandoned: no progress (a worker stopped); the next scan resumes it"
            audit.append(session, "reconciler", "scan.abandoned", f"source:{run.source.name}",
                         {"scan_run": run.id})
        abandoned = [run.id for run in runs]
    for disposition_id, run_id in resend:
        runtime.send("enforce_disposition", disposition_id, run_id)
    return Reconciled([d for d, _ in resend], abandoned)
