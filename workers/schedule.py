"""Schedules: cron expressions that queue scans, plans and enforcement, each firing once.

Any number of schedulers may run (for availability): a firing is claimed by inserting its
(schedule, due time) row into the catalog, which a unique constraint lets only one win.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from croniter import croniter
from sqlalchemy.exc import IntegrityError

from catalog import audit
from catalog.models import ScheduleRun, utcnow
from workers.breaker import BreakerTripped
from workers.broker import new_run_id
from workers.enforce import queue_enforcement
from workers.plan import plan
from workers.runtime import Runtime
from workers.scan import queue_scan

log = logging.getLogger(__name__)
RUNNER = f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Schedule:
    """Run ``job`` (scan, plan or enforce) at every time ``cron`` matches (UTC)."""

    name: str
    cron: str
    job: str
    sources: tuple[str, ...] = field(default_factory=tuple)


def next_due(schedule: Schedule, after: datetime) -> datetime:
    """The first firing of ``schedule`` strictly after ``after``."""
    return croniter(schedule.cron, after).get_next(datetime)  # type: ignore[no-any-return]


def claim(runtime: Runtime, schedule: Schedule, due: datetime) -> bool:
    """Take this firing for this process; False when another scheduler already has."""
    try:
        with runtime.catalog.session() as session:
            session.add(ScheduleRun(schedule=schedule.name, due_at=due, runner=RUNNER))
            session.flush()
            audit.append(session, "scheduler", "schedule.fired", f"schedule:{schedule.name}",
                         {"due": due.isoformat(), "job": schedule.job, "runner": RUNNER})
    except IntegrityError:
        return False
    return True


def run_job(runtime: Runtime, schedule: Schedule) -> str:
    """Start the schedule's job; returns a one-line outcome for the log."""
    sources = list(schedule.sources) or list(runtime.settings.sources)
    if schedule.job == "scan":
        runs = [queue_scan(runtime, name, f"schedule:{schedule.name}") for name in sources]
        return f"queued scan runs {runs}"
    if schedule.job == "plan":
        summary = plan(runtime, date.today(), sources)
        return f"planned {summary.items} items, {summary.proposed} proposed"
    try:
        claimed = queue_enforcement(runtime, f"schedule:{schedule.name}", new_run_id())
    except BreakerTripped as exc:
        return f"paused by the safety breaker: {exc} (run `expunge enforce --confirm`)"
    return f"queued {len(claimed)} approved dispositions"


def run_scheduler(runtime: Runtime, schedules: Sequence[Schedule],
                  should_stop: Callable[[], bool], tick: Callable[[float], None]) -> None:
    """Fire every schedule at its times until ``should_stop()``; ``tick`` sleeps."""
    due = {s.name: next_due(s, utcnow()) for s in schedules}
    while not should_stop():
        now = utcnow()
        for schedule in schedules:
            if now < due[schedule.name]:
                continue
            if claim(runtime, schedule, due[schedule.name]):
                log.info("schedule %s: %s", schedule.name, run_job(runtime, schedule))
            due[schedule.name] = next_due(schedule, now)
        tick(0.2)
