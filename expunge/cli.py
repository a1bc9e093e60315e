"""The ``expunge`` command line (Typer). Exit codes: 0 ok, 1 some items failed, 2 bad usage."""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from catalog import audit, queries
from expunge import config as config_module
from expunge.analyze import analyze_file, walk
from expunge.app import App, open_app
from expunge.cli_admin import parse_date, register_admin
from expunge.cli_common import (
    FormatOption,
    State,
    WaitOption,
    err,
    fail_usage,
    state,
    stop_on_signals,
)
from expunge.cli_dashboard import register_dashboard
from expunge.cli_erase import register_erase
from expunge.cli_export import register_export
from expunge.config import Config
from expunge.logs import configure_logging
from expunge.output import Format, emit
from expunge.progress import failed_items, watch_enforcement, watch_scans
from workers.approve import approve as approve_dispositions
from workers.breaker import BreakerTripped
from workers.broker import new_run_id, run_worker
from workers.enforce import queue_enforcement
from workers.plan import plan as plan_items
from workers.runtime import Runtime, install
from workers.scan import queue_scan


class LogFormat(StrEnum):
    """How log lines are written."""

    text = "text"
    json = "json"


app = typer.Typer(help="Find personal and medical data, keep it as long as the law says, "
                       "then destroy or de-identify it, with proof.",
                  no_args_is_help=True, rich_markup_mode="rich")

@app.callback()
def main_options(
    ctx: typer.Context,
    config: Annotated[str | None, typer.Option(
        "--config", "-c", help="Configuration file (default: $EXPUNGE_CONFIG, ./expunge.yaml).",
        show_default=False)] = None,
    user: Annotated[str | None, typer.Option(
        "--user", help="Who is acting, for the audit trail (default: $EXPUNGE_USER or login).",
        show_default=False)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
    log_format: Annotated[LogFormat, typer.Option(
        "--log-format", envvar="EXPUNGE_LOG_FORMAT",
        help="text, or json: one object per line for log collectors.")] = LogFormat.text,
) -> None:
    configure_logging(verbose, log_format.value)
    ctx.obj = State(config, user or os.environ.get("EXPUNGE_USER") or _login())


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


@app.command()
def init(path: Annotated[Path, typer.Argument(help="Where to write it.")] = Path("expunge.yaml"),
         force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False) -> None:
    """Write a commented example configuration."""
    from expunge.example import EXAMPLE_CONFIG

    if path.exists() and not force:
        fail_usage(f"{path} exists (use --force to overwrite)")
    path.write_text(EXAMPLE_CONFIG, encoding="utf-8")
    err.print(f"wrote {path}; edit its sources and bindings, then run: expunge scan")


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (walked).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or table.")] = "jsonl",
    max_size: Annotated[int, typer.Option(help="Bytes read at most per file.")] = 64 << 20,
) -> None:
    """Detect personal data in local files; no catalog, nothing stored."""
    from scanner.engine import Engine

    if fmt not in ("jsonl", "json", "table"):
        fail_usage("--format must be jsonl, json or table")
    engine = Engine()
    lines = []
    for path in walk(paths):
        line = analyze_file(engine, path, max_size)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        lines.append(line)
    if fmt == "json":
        sys.stdout.write(json.dumps(lines, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "table":
        emit([{"path": ln["path"], "language": ln.get("language"),
               "findings": len(ln.get("findings", [])), "error": ln.get("error")}
              for ln in lines], Format.table)
    if any("error" in ln for ln in lines):
        raise typer.Exit(1)


def _source_names(cfg: Config, names: list[str] | None) -> list[str]:
    known = cfg.source_names()
    if not known:
        fail_usage("no sources configured (run `expunge init` and edit expunge.yaml)")
    unknown = [n for n in names or [] if n not in known]
    if unknown:
        fail_usage(f"unknown source(s): {', '.join(unknown)} (configured: {', '.join(known)})")
    return names or known


def run_scans(app_: App, names: list[str], user: str, wait: bool, console: Console) -> int:
    """Queue a scan per source, follow it when asked; return how many items failed."""
    run_ids = {name: queue_scan(app_.runtime, name, user) for name in names}
    if not (app_.dispatcher.embedded or wait):
        console.print(f"queued scan runs {sorted(run_ids.values())}")
        return 0
    watch_scans(app_, run_ids, console)
    failures = failed_items(app_, list(run_ids.values()))
    if failures:
        emit(failures, Format.table, title="items that could not be scanned", console=console)
    return len(failures)


@app.command()
def scan(ctx: typer.Context,
         sources: Annotated[list[str] | None, typer.Argument(help="Sources (default: all).")]
         = None, wait: WaitOption = False) -> None:
    """Scan sources: list items, classify new and changed ones, record findings."""
    st = state(ctx)
    cfg = st.config()
    names = _source_names(cfg, sources)
    with open_app(cfg) as app_:
        failed = run_scans(app_, names, st.user, wait, err)
    raise typer.Exit(1 if failed else 0)


@app.command()
def findings(ctx: typer.Context,
             sources: Annotated[list[str] | None, typer.Argument(help="Sources (default: all).")]
             = None,
             entity: Annotated[str | None, typer.Option(help="Only this entity type.")] = None,
             fmt: FormatOption = Format.table) -> None:
    """List what was found where (masked samples only). Viewing is audited."""
    st = state(ctx)
    with open_app(st.config()) as app_, app_.runtime.catalog.session() as session:
        rows = queries.findings(session, sources or (), entity)
        audit.append(session, st.user, "findings.viewed", "catalog",
                     {"sources": sources or "all", "entity": entity, "rows": len(rows)})
    emit(rows, fmt, title="findings")


def run_plan(app_: App, today: date) -> list[dict[str, object]]:
    """Decide every item and list the plan."""
    summary = plan_items(app_.runtime, today)
    err.print(f"planned {summary.items} items: "
              + ", ".join(f"{n} {a}" for a, n in sorted(summary.actions.items()))
              + f"; {summary.proposed} new proposals, {summary.auto_approved} auto-approved")
    with app_.runtime.catalog.session() as session:
        return queries.plan(session)


@app.command()
def plan(ctx: typer.Context,
         today: Annotated[str | None, typer.Option(help="Plan as of this ISO date.")] = None,
         due: Annotated[bool, typer.Option("--due", help="Only items due now.")] = False,
         fmt: FormatOption = Format.table) -> None:
    """Apply the retention rules: what is kept until when, what is due, what is held."""
    st = state(ctx)
    as_of = parse_date(today)
    with open_app(st.config()) as app_:
        rows = run_plan(app_, as_of)
    if due:
        rows = [r for r in rows if r["action"] != "keep"]
    emit(rows, fmt, title="retention plan")


@app.command()
def approve(ctx: typer.Context,
            ids: Annotated[list[int] | None, typer.Argument(help="Disposition ids.")] = None,
            all_: Annotated[bool, typer.Option("--all", help="Every proposed one.")] = False,
            reason: Annotated[str | None, typer.Option(help="Why (kept in the audit trail).")]
            = None) -> None:
    """Approve proposed dispositions so that `expunge enforce` may carry them out."""
    st = state(ctx)
    if bool(ids) == all_:
        fail_usage("give disposition ids or --all (not both)")
    with open_app(st.config()) as app_:
        done, problems = approve_dispositions(app_.runtime, st.user, None if all_ else ids,
                                              reason)
    err.print(f"approved {len(done)} disposition(s)")
    for problem in problems:
        err.print(f"[yellow]{problem}[/yellow]")
    raise typer.Exit(1 if problems else 0)


@app.command()
def enforce(ctx: typer.Context,
            ids: Annotated[list[int] | None, typer.Argument(help="Only these dispositions.")]
            = None, wait: WaitOption = False,
            confirm: Annotated[bool, typer.Option(
                "--confirm", help="Go past the safety breaker's limits (audited).")] = False,
            fmt: FormatOption = Format.table) -> None:
    """Carry out approved dispositions: verified deletion, a certificate per run."""
    st = state(ctx)
    with open_app(st.config()) as app_:
        try:
            rows = run_enforcement(app_, st.user, ids, wait, err, confirm)
        except BreakerTripped as exc:
            err.print(f"[red]safety breaker:[/red] {exc}; nothing was done. Check the plan, "
                      "then run again with --confirm.", highlight=False)
            raise typer.Exit(1) from None
    if rows is None:
        return
    emit(rows, fmt, title="enforcement")
    raise typer.Exit(1 if any(r["state"] != "done" for r in rows) else 0)


def run_enforcement(app_: App, user: str, ids: list[int] | None, wait: bool,
                    console: Console, confirm: bool = False) -> list[dict[str, object]] | None:
    """Queue approved dispositions; when following, return their outcome."""
    run_id = new_run_id()
    claimed = queue_enforcement(app_.runtime, user, run_id, ids, confirm)
    if not claimed:
        console.print("nothing approved to enforce")
        return []
    if not (app_.dispatcher.embedded or wait):
        console.print(f"queued {len(claimed)} disposition(s) as run {run_id}")
        return None
    watch_enforcement(app_, run_id, len(claimed), console)
    with app_.runtime.catalog.session() as session:
        rows = queries.dispositions(session, run_id=run_id)
    directory = Path(app_.runtime.settings.certificates_dir)
    console.print(f"certificate: {directory / (run_id + '.html')}")
    return rows


@app.command()
def worker(ctx: typer.Context,
           threads: Annotated[int | None, typer.Option(help="Worker threads.")] = None,
           reconcile_every: Annotated[float, typer.Option(
               help="Seconds between looks for work a crashed worker left behind.")] = 600,
           metrics_port: Annotated[int | None, typer.Option(
               help="Serve Prometheus metrics on this port (/metrics); off by default.",
               show_default=False)] = None,
           ) -> None:
    """Run a worker process consuming the configured Redis/RabbitMQ broker."""
    from workers import metrics

    cfg = state(ctx).config()
    if cfg.broker == "embedded":
        fail_usage("broker is 'embedded': work runs inside each command; "
                   "set broker: redis://… to use separate workers")
    stop = stop_on_signals()
    runtime = Runtime(cfg.worker_settings())
    install(runtime)
    if metrics_port is not None:
        metrics.serve(runtime.catalog, metrics_port)
        err.print(f"metrics on port {metrics_port} (/metrics)")
    count = threads or cfg.worker_threads
    err.print(f"worker consuming {config_module.redacted(cfg.broker)} with {count} threads",
              highlight=False)
    run_worker(runtime, count, stop, reconcile_every)


@app.command()
def demo(ctx: typer.Context,
         seed: Annotated[int, typer.Option(help="Makes the generated clinic reproducible.")] = 7,
         directory: Annotated[Path, typer.Option("--dir", help="Where the demo lives.")]
         = Path(".expunge/demo")) -> None:
    """Generate a synthetic clinic, scan it, plan, approve, enforce, certify."""
    from expunge.demo import run_demo

    raise typer.Exit(run_demo(directory, seed, state(ctx).user))


register_admin(app)
register_dashboard(app)
register_erase(app)
register_export(app)


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
