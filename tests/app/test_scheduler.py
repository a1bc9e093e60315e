"""Schedules fire once per due time, however many `expunge scheduler` processes run."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from expunge.cli import app
from expunge.config import ConfigError, load


def test_two_schedulers_run_each_firing_once(tmp_path: Path, clinic, postgres_url: str,
                                             make_config: Any) -> None:
    config = make_config(tmp_path / "expunge.yaml", postgres_url, clinic.root, schedules=[
        {"name": "frequent-scan", "cron": "* * * * * */2", "run": "scan"}])
    logs = [(tmp_path / f"scheduler-{n}.log").open("w") for n in range(2)]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "expunge.cli", "--config", str(config), "scheduler"],
        stdout=log, stderr=subprocess.STDOUT) for log in logs]
    try:
        time.sleep(12)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=60) for process in processes]
        for log in logs:
            log.close()
    assert codes == [0, 0], [p.read_text() for p in tmp_path.glob("scheduler-*.log")]
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        firings = connection.execute(text(
            "SELECT due_at, runner FROM schedule_run WHERE schedule = 'frequent-scan'")).all()
        scans = connection.execute(text("SELECT count(*) FROM scan_run")).scalar_one()
    engine.dispose()
    assert len(firings) >= 2
    assert len({due for due, _ in firings}) == len(firings)  # no due time ran twice
    assert scans == len(firings)  # one scan per firing, none duplicated by the 2nd scheduler


def test_a_bad_cron_expression_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "expunge.yaml"
    path.write_text("schedules: [{name: x, cron: 'every day', run: scan}]\n")
    with pytest.raises(ConfigError, match=r"schedules\[0\]\.cron"):
        load(str(path))


def test_the_scheduler_needs_schedules(tmp_path: Path) -> None:
    path = tmp_path / "expunge.yaml"
    path.write_text("{}\n")
    result = CliRunner().invoke(app, ["--config", str(path), "scheduler"])
    assert result.exit_code == 2 and "no schedules" in result.output
