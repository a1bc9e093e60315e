"""`expunge export`: request, review, approve and download de-identified research exports."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from expunge.app import App, open_app
from expunge.cli_common import FormatOption, WaitOption, err, fail_usage, state
from expunge.output import Format, emit
from scanner.export_profile import Profile, ProfileError, load_profile
from workers import export as exports

export_app = typer.Typer(help="De-identified research exports: request, review, approve, "
                              "download.", no_args_is_help=True)
ReasonOption = Annotated[str | None, typer.Option(help="Why (kept in the audit trail).")]


def register_export(app: typer.Typer) -> None:
    """Attach `export` to the main application."""
    app.add_typer(export_app, name="export")


def read_profile(path: Path) -> Profile:
    """A validated profile from a YAML file (bad usage when it is not)."""
    try:
        return load_profile(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail_usage(f"{path}: cannot read it ({exc.strerror})")
    except ProfileError as exc:
        fail_usage(f"{path}: {exc}")


def _wait_built(app_: App, export_id: int, wait: bool) -> dict[str, object] | None:
    """Follow the build when embedded or asked to; the export's row once it is done."""
    if not (app_.dispatcher.embedded or wait):
        return None

    def done() -> bool:
        return exports.get(app_.runtime, export_id)["state"] not in ("requested", "building")

    app_.dispatcher.wait(done)
    return exports.get(app_.runtime, export_id)


@export_app.command("create")
def create(ctx: typer.Context,
           profile: Annotated[Path, typer.Option(help="The export profile (YAML).")],
           source: Annotated[str | None, typer.Option(help="A database source.")] = None,
           table: Annotated[str | None, typer.Option(help="A table of the source.")] = None,
           query: Annotated[str | None, typer.Option(help="A read-only SQL query instead.")]
           = None,
           file: Annotated[Path | None, typer.Option(help="A .csv or .parquet file instead "
                                                     "of a source.")] = None,
           purpose: Annotated[str | None, typer.Option(help="What the data is for.")] = None,
           wait: WaitOption = False) -> None:
    """Request an export; with the embedded broker (or --wait) it is built before returning.
    Prints the export id."""
    st = state(ctx)
    parsed = read_profile(profile)
    cfg = st.config()
    with open_app(cfg) as app_:
        try:
            export_id = exports.request_export(
                app_.runtime, st.user, parsed, cfg.exports_dir, source=source, table=table,
                query=query, file=None if file is None else str(file.resolve()),
                purpose=purpose)
        except exports.ExportStateError as exc:
            fail_usage(str(exc))
        built = _wait_built(app_, export_id, wait)
    sys.stdout.write(f"{export_id}\n")
    if built is not None and built["state"] == "failed":
        err.print(f"[red]export {export_id} failed:[/red] {built['error']}", highlight=False)
        raise typer.Exit(1)
    if built is not None:
        err.print(f"export {export_id} built: k={built['k']}, l={built['l']}, "
                  f"{built['released']} rows released, {built['suppressed']} suppressed; "
                  "awaiting approval")


def _decide(ctx: typer.Context, export_id: int, approve: bool, reason: str | None) -> None:
    st = state(ctx)
    with open_app(st.config()) as app_:
        try:
            exports.decide(app_.runtime, st.user, export_id, approve, reason)
        except exports.ExportStateError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
    err.print(f"export {export_id} {'approved' if approve else 'rejected'}")


@export_app.command("approve")
def approve(ctx: typer.Context, export_id: Annotated[int, typer.Argument(help="Export id.")],
            reason: ReasonOption = None) -> None:
    """Release a built export after reviewing its report."""
    _decide(ctx, export_id, True, reason)


@export_app.command("reject")
def reject(ctx: typer.Context, export_id: Annotated[int, typer.Argument(help="Export id.")],
           reason: Annotated[str, typer.Option(help="Why (kept in the audit trail).")]) -> None:
    """Refuse a built export; its files are removed."""
    _decide(ctx, export_id, False, reason)


@export_app.command("download")
def download(ctx: typer.Context, export_id: Annotated[int, typer.Argument(help="Export id.")],
             output: Annotated[Path, typer.Option(help="Folder to write data.csv and "
                                                  "report.json to.")]) -> None:
    """Copy an approved export (data.csv, report.json); refused before approval."""
    st = state(ctx)
    with open_app(st.config()) as app_:
        try:
            paths = exports.download(app_.runtime, st.user, export_id, output)
        except exports.ExportStateError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
    for path in paths:
        err.print(f"wrote {path}")


@export_app.command("report")
def report(ctx: typer.Context,
           export_id: Annotated[int, typer.Argument(help="Export id.")]) -> None:
    """Print an export's risk report (JSON): k, l, risk, information loss, manifest."""
    st = state(ctx)
    with open_app(st.config()) as app_:
        try:
            found = exports.get(app_.runtime, export_id)
        except exports.ExportStateError as exc:
            fail_usage(str(exc))
    body = {"id": export_id, "state": found["state"], "error": found["error"],
            **(found["report"] or {})}
    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n")


@export_app.command("list")
def list_exports(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List exports, newest first."""
    with open_app(state(ctx).config()) as app_:
        rows = exports.listing(app_.runtime)
    emit(rows, fmt, title="exports")


@export_app.command("suggest")
def suggest(ctx: typer.Context,
            source: Annotated[str, typer.Option(help="A scanned database source.")],
            table: Annotated[str, typer.Option(help="One of its tables.")]) -> None:
    """Print a starter profile from the catalog's findings on the table's columns."""
    with open_app(state(ctx).config()) as app_:
        try:
            text = exports.suggest_profile(app_.runtime, source, table)
        except exports.ExportStateError as exc:
            fail_usage(str(exc))
    sys.stdout.write(text)
