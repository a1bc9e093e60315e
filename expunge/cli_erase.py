"""`expunge erase`: a data subject's erasure (a withdrawn member), minus what the law keeps."""

from __future__ import annotations

import dataclasses
import os
import sys
from typing import Annotated

import typer

from connectors.errors import ConnectorError
from expunge.app import open_app
from expunge.cli_admin import parse_date
from expunge.cli_common import FormatOption, err, fail_usage, state
from expunge.output import Format, emit
from workers.erase import ErasureError, request_erasure

VALUE_VARIABLE = "EXPUNGE_SUBJECT_VALUE"


def register_erase(app: typer.Typer) -> None:
    """Attach `erase` to the main application."""
    app.command()(erase)


def _value(given: str) -> str:
    """The looked-up value: given, or `-` for stdin, or `env` for $EXPUNGE_SUBJECT_VALUE, so
    that an identifier need not sit in the shell history."""
    if given == "-":
        return sys.stdin.readline().strip()
    if given == "env":
        value = os.environ.get(VALUE_VARIABLE, "").strip()
        if not value:
            fail_usage(f"{VALUE_VARIABLE} is not set")
        return value
    return given


def erase(ctx: typer.Context,
          match: Annotated[str, typer.Option(
              "--match", help="COLUMN=VALUE identifying the subject, e.g. email=a@b.org or "
              f"rrn=…; VALUE `-` reads it from stdin, `env` from ${VALUE_VARIABLE}.")],
          sources: Annotated[list[str] | None, typer.Argument(
              help="Sources to search (default: all).")] = None,
          reason: Annotated[str | None, typer.Option(help="Why (kept in the audit trail).")]
          = None,
          today: Annotated[str | None, typer.Option(help="Decide as of this ISO date.")] = None,
          fmt: FormatOption = Format.table) -> None:
    """Plan the erasure of one data subject (a withdrawn member) everywhere, except what the
    law keeps.

    Databases: the subject's rows in every table linked to the `subject` table. Documents:
    those whose identifiers match (needs $EXPUNGE_SUBJECT_KEY or $EXPUNGE_PSEUDONYM_KEY at
    scan time). Proposes deletions (approve and enforce them as usual) and lists what is kept
    and by which rule. The value looked up is never stored or logged.
    """
    column, equals, given = match.partition("=")
    if not equals or not column or not given:
        fail_usage("--match takes COLUMN=VALUE")
    st = state(ctx)
    cfg = st.config()
    unknown = sorted(set(sources or ()) - set(cfg.source_names()))
    if unknown:
        fail_usage(f"no source named {', '.join(unknown)}")
    with open_app(cfg) as app_:
        try:
            parts = request_erasure(app_.runtime, st.user, column, _value(given),
                                    parse_date(today), reason, sources)
        except (ErasureError, ConnectorError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
    emit([dataclasses.asdict(p) for p in parts], fmt, title="erasure plan")
