"""Logging that never writes a personal value: exception messages are withheld, and the JSON
form gives log collectors one object per line.

Our own log calls pass ids and counts only (a disposition's id, a scan run's counters, never
an item's key: file names can hold patient names). An exception's message may quote what a
parser read, so only its type and stack are written.
"""

from __future__ import annotations

import json
import logging
import traceback
from types import TracebackType
from typing import Any

STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "taskName"}
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def withheld(exc_info: ExcInfo) -> str:
    """A traceback with the exception's message left out."""
    kind, _, tb = exc_info
    frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
    name = kind.__qualname__ if kind is not None else "Exception"
    return f"Traceback (most recent call last):\n{frames}{name} (message withheld)"


class SafeFormatter(logging.Formatter):
    """The usual text lines; exception messages withheld."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's own name
        return withheld(ei)


class JsonFormatter(SafeFormatter):
    """One JSON object per line: time, level, logger, message, the call's extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in STANDARD_ATTRIBUTES})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(verbose: bool, fmt: str = "text") -> None:
    """Warnings by default; ``verbose`` adds progress; ``fmt`` is ``text`` or ``json``."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else SafeFormatter(TEXT_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("dramatiq").setLevel(logging.INFO if verbose else logging.WARNING)
    # Parsers complain about the broken files we report anyway, one error per item.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
