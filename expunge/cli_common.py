"""What every CLI command shares: the state, the consoles, the common options."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, NoReturn

import typer

from expunge import config as config_module
from expunge.config import Config, ConfigError
from expunge.output import Format, make_console

err = make_console(stderr=True)
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv.")]
WaitOption = Annotated[bool, typer.Option(
    "--wait/--no-wait", help="With a Redis broker, wait for the workers to finish.")]


@dataclass
class State:
    config_path: str | None = None
    user: str = "cli"

    def config(self) -> Config:
        try:
            return config_module.load(self.config_path)
        except ConfigError as exc:
            fail_usage(str(exc))


def fail_usage(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)


def state(ctx: typer.Context) -> State:
    return ctx.ensure_object(State)


def stop_on_signals() -> Callable[[], bool]:
    """A flag raised by SIGTERM or SIGINT, for long-running commands to end cleanly."""
    stop = threading.Event()

    def request_stop(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    return stop.is_set
