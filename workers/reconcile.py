"""The reconciler: finds work a crashed worker left behind and puts it back on track.

A disposition stuck in ``running`` (its worker died mid-action) is sent again: actions are
idempotent and the claim accepts a running disposition of the same run, so it resumes. A scan
run that has not moved for longer than a scan may take is closed as abandoned; the next scan
reads only what that one did not finish (unchanged items keep their findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, or_, select

from catalog import audit
from catalog.models import Disposition, ScanRun, utcnow
from workers.runtime import Runtime

ABANDONED_AFTER = timedelta(hours=6)


@dataclass(frozen=True)
class Reconciled:
    """What one pass found and did."""

    resent: list[int]
    abandoned: list[int]


def _stuck(stale: datetime) -> Select[Disposition]:
    """Running past its lease (the worker died), or sent long ago and never started (the
    message was lost, e.g. with a broker that restarted without persistence)."""
    return (select(Disposition).where(Disposition.run_id.is_not(None), or_(
        and_(Disposition.state == "running", Disposition.started_at < stale),
        and_(Disposition.state == "approved", Disposition.sent_at < stale)))
        # Rows a worker (or another reconciler) is busy with are skipped, not waited for;
        # all rows are locked before the audit head, the order every writer keeps.
        .order_by(Disposition.id).with_for_update(skip_locked=True))


def reconcile(runtime: Runtime, stuck_after: timedelta | None = None,
              abandoned_after: timedelta = ABANDONED_AFTER) -> Reconciled:
    """Resend stuck dispositions; close scan runs abandoned by a dead worker."""
    now = utcnow()
    stale = now - (stuck_after or runtime.settings.lease)
    with runtime.catalog.session() as session:
        stuck = session.execute(_stuck(stale)).scalars().all()
        runs = session.execute(_abandoned(now - abandoned_after)).scalars().all()
        for d in stuck:
            d.sent_at = now
        for run in runs:
            run.state, run.finished_at = "failed", now
            run.error = "abandoned: no progress (a worker stopped); the next scan resumes it"
        session.flush()
        for d in stuck:  # the audit head last, after every row lock
            audit.append(session, "reconciler", "disposition.resent", f"disposition:{d.id}",
                         {"run": d.run_id, "was": d.state})
        for run in runs:
            audit.append(session, "reconciler", "scan.abandoned", f"source:{run.source.name}",
                         {"scan_run": run.id})
        resend = [(d.id, str(d.run_id)) for d in stuck]
        abandoned = [run.id for run in runs]
    for disposition_id, run_id in resend:
        runtime.send("enforce_disposition", disposition_id, run_id)
    return Reconciled([d for d, _ in resend], abandoned)


def _abandoned(stale: datetime) -> Select[ScanRun]:
    """Scan runs queued long ago and still not finished: their worker is gone."""
    return (select(ScanRun)
            .where(ScanRun.state.in_(("queued", "running")), ScanRun.queued_at < stale)
            .order_by(ScanRun.id).with_for_update(skip_locked=True))
