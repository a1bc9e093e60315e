"""Logs carry ids and counts, never a personal value; the JSON form is one object per line."""

from __future__ import annotations

import json
import logging

from expunge.logs import JsonFormatter, SafeFormatter
from tests.conftest import Cli, Clinic

RRN = "850315-1234561"


def record_of_failure() -> logging.LogRecord:
    try:
        raise ValueError(f"could not parse line: 주민등록번호 {RRN}")
    except ValueError:
        return logging.LogRecord("workers.scan", logging.ERROR, __file__, 1, "item %s failed",
                                 (42,), exc_info=__import__("sys").exc_info())


def test_an_exception_message_never_reaches_a_log_line() -> None:
    record = record_of_failure()
    for formatter in (SafeFormatter(), JsonFormatter()):
        line = formatter.format(record)
        assert RRN not in line
        assert "ValueError (message withheld)" in line
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "item 42 failed" and entry["level"] == "error"


def test_json_logs_of_a_scan_and_an_enforcement(cli: Cli, clinic: Clinic) -> None:
    scanned = cli("--log-format", "json", "-v", "scan", expect=1).stderr
    cli("plan", "--today", "2026-11-25")
    cli("approve", "--all")
    enforced = cli("--log-format", "json", "-v", "enforce").stderr
    lines = [line for line in (scanned + enforced).splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    events = {e.get("event") for e in entries}
    assert {"scan.finished", "disposition.done"} <= events
    finished = next(e for e in entries if e.get("event") == "scan.finished")
    assert finished["source"] == "clinic" and finished["listed"] == 6
    text = "\n".join(lines)
    assert not [s for s in clinic.secrets if s in text]
    assert "old-chart" not in text  # item keys (file names) stay out of the logs
