"""Commands of the trail and the policy: audit, holds, rules, explain, reconcile."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from dramatiq.brokers.redis import RedisBroker
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import audit, queries
from catalog.models import AuditEvent, Certificate, Item, Source
from expunge import config as config_module
from expunge.app import App, open_app
from expunge.cli_common import FormatOption, err, fail_usage, state, stop_on_signals
from expunge.output import Format, emit
from rules.errors import PolicyError
from rules.policy import load_pack
from workers.certificate import verify_certificate, write_files, write_pdf
from workers.deadletters import DeadLetter, RedisDeadLetters
from workers.holds import (
    HoldError,
    HoldScope,
    add_hold,
    release_hold,
    subject_scope,
    table_scope,
)
from workers.plan import facts_of
from workers.reconcile import reconcile as reconcile_work
from workers.runtime import Runtime
from workers.schedule import run_scheduler

audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
holds_app = typer.Typer(help="Legal holds: nothing they cover is destroyed.",
                        no_args_is_help=True)


def register_admin(app: typer.Typer) -> None:
    """Attach these commands to the main application."""
    app.add_typer(audit_app, name="audit")
    app.add_typer(holds_app, name="holds")
    app.add_typer(rules_app, name="rules")
    app.command()(explain)
    app.command()(reconcile)
    app.command()(scheduler)
    app.add_typer(certificates_app, name="certificate")
    app.add_typer(deadletters_app, name="deadletters")
    app.command("metrics")(metrics_command)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Walk the hash chain; exit 1 naming every row that was changed or deleted."""
    with open_app(state(ctx).config()) as app_, app_.runtime.catalog.session() as session:
        result = audit.verify(session)
    for problem in result.problems:
        err.print(f"[red]{problem}[/red]", highlight=False)
    if not result.ok:
        raise typer.Exit(1)
    err.print(f"audit chain intact: {result.checked} events")


@audit_app.command("list")
def audit_list(ctx: typer.Context,
               limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
               fmt: FormatOption = Format.table) -> None:
    """Show the newest audit events."""
    with open_app(state(ctx).config()) as app_, app_.runtime.catalog.session() as session:
        rows = queries.audit_events(session, limit)
    emit(rows, fmt, title="audit trail")


@audit_app.command("export")
def audit_export(ctx: typer.Context, out: Annotated[Path, typer.Argument(
        help="File to write: one JSON object per event, oldest first.")]) -> None:
    """Export the whole trail with its hashes, so it can be verified outside expunge."""
    st = state(ctx)
    with open_app(st.config()) as app_, app_.runtime.catalog.session() as session:
        count = 0
        with out.open("w", encoding="utf-8") as handle:
            for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
                handle.write(json.dumps(audit.event_record(event), ensure_ascii=False) + "\n")
                count += 1
        audit.append(session, st.user, "audit.exported", "audit", {"events": count})
    err.print(f"wrote {count} events to {out}")


@holds_app.command("add")
def holds_add(ctx: typer.Context,
              reason: Annotated[str, typer.Option(help="Why (required).")],
              case: Annotated[str | None, typer.Option(help="Case or dispute number.")] = None,
              source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
              path: Annotated[str | None, typer.Option(help="Glob on item paths.")] = None,
              table: Annotated[str | None, typer.Option(
                  help="Rows of this table of --source (with --where).")] = None,
              where: Annotated[str | None, typer.Option(
                  help="COLUMN=V1,V2: the held rows of --table (and their dependants).")]
              = None,
              subject: Annotated[str | None, typer.Option(
                  help="COLUMN=VALUE (email=…, rrn=…): a data subject's rows and documents; "
                  "the value is looked up once and not stored.")] = None,
              ) -> None:
    """Place a legal hold; it stops deletion even of already approved dispositions.

    On places (--source, --path), rows (--source --table --where) or a data subject
    (--subject), under a --case number.
    """
    st = state(ctx)
    with open_app(st.config()) as app_, app_.runtime.catalog.session() as session:
        try:
            scope = _hold_scope(app_.runtime, session, source, table, where, subject)
            hold_id = add_hold(session, st.user, reason, source, path, case, scope)
        except HoldError as exc:
            fail_usage(str(exc))
        err.print(f"hold {hold_id} placed")


def _hold_scope(runtime: Runtime, session: Session, source: str | None, table: str | None,
                where: str | None, subject: str | None) -> HoldScope | None:
    """The rows or subject a hold covers, from the command's options."""
    if subject is not None:
        column, equals, value = subject.partition("=")
        if not equals or not value:
            raise HoldError("--subject takes COLUMN=VALUE")
        return subject_scope(runtime, column, value)
    if table is None and where is None:
        return None
    column, equals, values = (where or "").partition("=")
    if not (source and table and equals and values):
        raise HoldError("a row hold needs --source, --table and --where COLUMN=V1,V2")
    return table_scope(session, source, table, column, values.split(","))


@holds_app.command("list")
def holds_list(ctx: typer.Context, fmt: FormatOption = Format.table,
               released: Annotated[bool, typer.Option(help="Include released.")] = False) -> None:
    """List legal holds."""
    with open_app(state(ctx).config()) as app_, app_.runtime.catalog.session() as session:
        rows = queries.holds(session, released)
    emit(rows, fmt, title="legal holds")


@holds_app.command("release")
def holds_release(ctx: typer.Context, hold_id: Annotated[int, typer.Argument()]) -> None:
    """Release a legal hold."""
    st = state(ctx)
    with open_app(st.config()) as app_, app_.runtime.catalog.session() as session:
        try:
            release_hold(session, st.user, hold_id)
        except HoldError as exc:
            fail_usage(str(exc))
    err.print(f"hold {hold_id} released")




rules_app = typer.Typer(help="Retention rule packs.", no_args_is_help=True)


@rules_app.command("check")
def rules_check(packs: Annotated[list[str], typer.Argument(
        help="Built-in pack names or YAML files.")]) -> None:
    """Validate rule packs; errors name the file, line and field. Exit 2 on any error."""
    failed = False
    for name in packs:
        try:
            pack = load_pack(name)
        except (PolicyError, OSError) as exc:
            err.print(f"[red]{exc}[/red]", highlight=False)
            failed = True
            continue
        err.print(f"{name}: ok ({len(pack.categories)} categories, "
                  f"{len(pack.selectors)} selectors)", highlight=False)
    if failed:
        raise typer.Exit(2)


def explain(ctx: typer.Context,
            item: Annotated[str, typer.Argument(help="The item, as `findings` shows it.")],
            source: Annotated[str | None, typer.Option(help="Its source, if ambiguous.")]
            = None,
            today: Annotated[str | None, typer.Option(help="As of this ISO date.")] = None,
            ) -> None:
    """Say which rule applies to an item and why, and why the others did not."""
    st = state(ctx)
    as_of = parse_date(today)
    with open_app(st.config()) as app_, app_.runtime.catalog.session() as session:
        query = select(Item).join(Source).where(Item.key == item)
        if source:
            query = query.where(Source.name == source)
        rows = session.execute(query).scalars().all()
        if len(rows) != 1:
            fail_usage(f"{len(rows)} items match {item!r}" + ("; give --source" if rows else ""))
        facts = facts_of(rows[0])
        rulebook = app_.runtime.rulebook
        lines = (rulebook.explain_table(facts.source, facts.table, as_of) if facts.table
                 else rulebook.explain(facts, as_of))
        audit.append(session, st.user, "item.explained", f"item:{rows[0].id}", {})
    for line in lines:
        typer.echo(line)


def parse_date(text: str | None) -> date:
    """An ISO date given on the command line, or today."""
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        fail_usage(f"{text!r} is not an ISO date (YYYY-MM-DD)")


def reconcile(ctx: typer.Context) -> None:
    """Resume dispositions a crashed worker left running; close abandoned scans."""
    with open_app(state(ctx).config()) as app_:
        result = reconcile_work(app_.runtime)
        if result.resent and app_.dispatcher.embedded:
            app_.dispatcher.wait(lambda: False)
    err.print(f"resumed {len(result.resent)} disposition(s), "
              f"closed {len(result.abandoned)} abandoned scan run(s)")


def scheduler(ctx: typer.Context) -> None:
    """Run the configured cron schedules; start two for availability: each firing runs once."""
    cfg = state(ctx).config()
    specs = cfg.schedule_specs()
    if not specs:
        fail_usage("no schedules configured (add `schedules:` to the configuration)")
    stop = stop_on_signals()
    with open_app(cfg) as app_:
        names = ", ".join(f"{s.name} ({s.cron}: {s.job})" for s in specs)
        err.print(f"scheduler running: {names}", highlight=False)
        run_scheduler(app_.runtime, specs, stop, time.sleep)


certificates_app = typer.Typer(help="Destruction certificates.", no_args_is_help=True)


@certificates_app.command("export")
def certificate_export(ctx: typer.Context, run_id: Annotated[str, typer.Argument()],
                       out: Annotated[Path, typer.Option(help="Directory to write to.")]
                       = Path("."),
                       pdf: Annotated[Path | None, typer.Option(
                           help="Also write a printable PDF to this file.", show_default=False)]
                       = None) -> None:
    """Write a run's destruction certificate (JSON and HTML, optionally PDF) from the catalog."""
    with open_app(state(ctx).config()) as app_, app_.runtime.catalog.session() as session:
        cert = session.execute(select(Certificate).where(Certificate.run_id == run_id)
                               ).scalar_one_or_none()
        if cert is None:
            fail_usage(f"no certificate for run {run_id}")
        written = write_files(cert, out) + ([write_pdf(cert, pdf)] if pdf else [])
    for path in written:
        err.print(f"wrote {path}")


@certificates_app.command("verify")
def certificate_verify(ctx: typer.Context, path: Annotated[Path, typer.Argument(
        help="A certificate's JSON file.")]) -> None:
    """Check a certificate file against the hash the audit trail recorded when it was issued."""
    try:
        data = path.read_bytes()
        run_id = str(json.loads(data)["certificate"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        fail_usage(f"{path}: not a certificate ({type(exc).__name__})")
    with open_app(state(ctx).config()) as app_, app_.runtime.catalog.session() as session:
        problems = verify_certificate(session, run_id, hashlib.sha256(data).hexdigest())
    for problem in problems:
        err.print(f"[red]{problem}[/red]", highlight=False)
    if problems:
        raise typer.Exit(1)
    err.print(f"certificate {run_id} matches the audit trail")


deadletters_app = typer.Typer(
    help="Messages that failed all their retries (Redis broker): list, requeue, purge. "
         "Without a subcommand, lists them.", invoke_without_command=True)
IdsArgument = Annotated[list[str] | None, typer.Argument(
    help="Dead-letter ids or message ids, as the listing shows them.", show_default=False)]
AllOption = Annotated[bool, typer.Option("--all", help="Every dead letter.")]
LetterOperation = Callable[[RedisDeadLetters, Sequence[str] | None], list[DeadLetter]]


@contextmanager
def _dead_letters(ctx: typer.Context) -> Iterator[tuple[RedisDeadLetters, App]]:
    """The Redis broker's dead-letter queues, with the app (for the audit trail)."""
    cfg = state(ctx).config()
    if not cfg.broker.startswith(("redis://", "rediss://", "unix://")):
        fail_usage(f"broker is {config_module.redacted(cfg.broker)!r}: dead letters are kept "
                   "by a Redis broker (the embedded one keeps them only while a command runs)")
    with open_app(cfg) as app_:
        assert isinstance(app_.dispatcher.broker, RedisBroker)
        yield RedisDeadLetters(app_.dispatcher.broker), app_


@deadletters_app.callback()
def deadletters_list(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List dead letters: id, actor, ids it was given, when it failed, the error's type."""
    if ctx.invoked_subcommand is not None:
        return
    with _dead_letters(ctx) as (letters, _):
        rows = [letter.row() for letter in letters.letters()]
    emit(rows, fmt, title="dead letters")


def _chosen(ids: list[str] | None, all_: bool) -> list[str] | None:
    """The ids a requeue or purge names; None for --all."""
    if bool(ids) == all_:
        fail_usage("give dead-letter ids or --all (not both)")
    return None if all_ else ids


def _audited(ctx: typer.Context, verb: str, operation: LetterOperation, ids: list[str] | None,
             all_: bool) -> None:
    """Requeue or purge dead letters, record it in the audit trail, exit 1 if some were gone."""
    chosen = _chosen(ids, all_)
    st = state(ctx)
    with _dead_letters(ctx) as (letters, app_):
        done = operation(letters, chosen)
        with app_.runtime.catalog.session() as session:
            audit.append(session, st.user, f"deadletters.{verb}", "broker",
                         {"messages": [f"{d.actor}:{d.message_id}" for d in done]})
    err.print(f"{verb} {len(done)} dead letter(s)")
    missing = [i for i in chosen or () if not any(d.matches([i]) for d in done)]
    for letter_id in missing:
        err.print(f"[yellow]no dead letter {letter_id}[/yellow]", highlight=False)
    raise typer.Exit(1 if missing else 0)


@deadletters_app.command("requeue")
def deadletters_requeue(ctx: typer.Context, ids: IdsArgument = None,
                        all_: AllOption = False) -> None:
    """Send dead letters to their queue again, with a fresh set of retries."""
    _audited(ctx, "requeued", RedisDeadLetters.requeue, ids, all_)


@deadletters_app.command("purge")
def deadletters_purge(ctx: typer.Context, ids: IdsArgument = None,
                      all_: AllOption = False) -> None:
    """Drop dead letters for good (reconcile still finds work they left undone)."""
    _audited(ctx, "purged", RedisDeadLetters.purge, ids, all_)


def metrics_command(ctx: typer.Context) -> None:
    """Print the catalog's Prometheus metrics once (for a node-exporter textfile collector)."""
    from workers.metrics import exposition

    with open_app(state(ctx).config()) as app_:
        typer.echo(exposition(app_.runtime.catalog), nl=False)
