"""Printing listings as a Rich table, a JSON array of flat objects, or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

Row = dict[str, Any]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


PIPE_WIDTH = 140


def make_console(stderr: bool = False) -> Console:
    """A console that stays readable when piped (Rich would assume 80 columns)."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(stderr=stderr, width=None if stream.isatty() else PIPE_WIDTH)


def plain(value: Any) -> Any:
    """JSON-friendly scalars: dates as ISO strings, everything else as is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def emit(rows: Sequence[Row], fmt: Format, title: str | None = None,
         columns: Sequence[str] | None = None, console: Console | None = None) -> None:
    """Print rows in the requested format to standard output."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        out = [{c: plain(r.get(c)) for c in columns} for r in rows]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: plain(r.get(c)) for c in columns} for r in rows)
    else:
        _table(rows, columns, title, console or make_console())


def _table(rows: Sequence[Row], columns: list[str], title: str | None, console: Console) -> None:
    if not rows:
        console.print(f"[dim]{title or 'nothing'}: none[/dim]")
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(plain(row.get(c))) for c in columns))
    console.print(table)
