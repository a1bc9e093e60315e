"""The embedded dispatcher: a real Dramatiq worker in-process, and its waiting."""

from __future__ import annotations

from pathlib import Path

from workers.broker import Dispatcher
from workers.runtime import Runtime
from workers.settings import WorkerSettings


def test_waiting_on_idle_queues_returns_and_reports_not_done(tmp_path: Path) -> None:
    runtime = Runtime(WorkerSettings(catalog_url=f"sqlite:///{tmp_path / 'c.db'}"))
    dispatcher = Dispatcher(runtime)
    try:
        dispatcher._start_embedded_worker()
        for _ in range(3):  # several polls over every declared queue, delay queues included
            assert dispatcher.wait(lambda: False) is False
    finally:
        dispatcher.close()
        runtime.catalog.close()


def test_waiting_returns_true_as_soon_as_the_work_is_done(tmp_path: Path) -> None:
    runtime = Runtime(WorkerSettings(catalog_url=f"sqlite:///{tmp_path / 'c.db'}"))
    dispatcher = Dispatcher(runtime)
    try:
        assert dispatcher.wait(lambda: True) is True
    finally:
        dispatcher.close()
        runtime.catalog.close()
