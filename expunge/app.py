"""Wiring for one CLI invocation: configuration → runtime → dispatcher, and back down."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from expunge.config import Config
from workers.broker import Dispatcher
from workers.runtime import Runtime, install


@dataclass
class App:
    """What a command works with."""

    config: Config
    runtime: Runtime
    dispatcher: Dispatcher


@contextmanager
def open_app(config: Config) -> Iterator[App]:
    """A runtime installed for this process and a dispatcher for its broker."""
    settings = config.worker_settings()
    runtime = Runtime(settings)
    install(runtime)
    dispatcher = Dispatcher(runtime, worker_threads=settings.worker_threads)
    try:
        yield App(config, runtime, dispatcher)
    finally:
        dispatcher.close()
        runtime.catalog.close()
