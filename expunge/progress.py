"""Live progress of scans and enforcement runs, read from the catalog (any broker)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from sqlalchemy import func, select

from catalog.models import Disposition, Item, ScanRun, Source
from expunge.app import App

FINISHED = ("done", "failed")


def _progress(console: Console) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[status]}"), console=console, transient=False)


def watch_scans(app: App, run_ids: dict[str, int], console: Console,
                timeout: float | None = None) -> bool:
    """Show one bar per source until every run has finished; False on timeout."""
    with _progress(console) as progress:
        tasks = {name: progress.add_task(name, total=None, status="queued") for name in run_ids}

        def runs() -> dict[int, ScanRun]:
            with app.runtime.catalog.session() as session:
                rows = session.execute(select(ScanRun).where(ScanRun.id.in_(run_ids.values())))
                return {r.id: r for r in rows.scalars()}

        def tick() -> None:
            current = runs()
            for name, run_id in run_ids.items():
                _update(progress, tasks[name], current[run_id])

        return app.dispatcher.wait(
            lambda: all(r.state in FINISHED for r in runs().values()), tick, timeout)


def _update(progress: Progress, task: TaskID, run: ScanRun) -> None:
    status = f"{run.state} · listed {run.items_listed} · unchanged {run.items_unchanged}"
    if run.items_failed:
        status += f" · [red]failed {run.items_failed}[/red]"
    total = run.items_to_classify if run.listing_done else None
    progress.update(task, total=total, completed=run.items_classified, status=status)


def watch_enforcement(app: App, run_id: str, count: int, console: Console,
                      timeout: float | None = None) -> bool:
    """One bar over the run's dispositions until none is approved or running."""
    with _progress(console) as progress:
        task = progress.add_task("enforce", total=count, status="")

        def pending() -> int:
            with app.runtime.catalog.session() as session:
                return int(session.execute(select(func.count()).where(
                    Disposition.run_id == run_id,
                    Disposition.state.in_(("approved", "running")))).scalar_one())

        def tick() -> None:
            left = pending()
            progress.update(task, completed=count - left, status=f"{left} pending")

        return app.dispatcher.wait(lambda: pending() == 0, tick, timeout)


def failed_items(app: App, run_ids: Sequence[int]) -> list[dict[str, object]]:
    """Runs that failed as a whole (source unreachable), then per-item errors of these scan
    runs (the message names the item, never content)."""
    with app.runtime.catalog.session() as session:
        runs = session.execute(
            select(Source.name, ScanRun.error).join(Source)
            .where(ScanRun.id.in_(run_ids), ScanRun.state == "failed").order_by(Source.name))
        failed: list[dict[str, object]] = [
            {"source": s, "item": "(whole source)", "error": error} for s, error in runs]
        rows = session.execute(
            select(Source.name, Item.key, Item.error).join(Source)
            .where(Item.last_scan_id.in_(run_ids), Item.state == "error")
            .order_by(Source.name, Item.key)
        )
        return failed + [{"source": s, "item": key, "error": error} for s, key, error in rows]
