"""The process-wide runtime that actors run in: catalog, rules, engine, connectors, broker."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

import dramatiq
from dramatiq.middleware import CurrentMessage

from catalog.store import Catalog
from connectors.base import Connector, build_connector
from rules.decide import Rulebook
from rules.policy import load_pack
from scanner.engine import Engine, EngineSettings
from workers.settings import WorkerSettings

MAX_RETRIES = 3
SUBJECT_KEY_VARIABLES = ("EXPUNGE_SUBJECT_KEY", "EXPUNGE_PSEUDONYM_KEY")
MIN_KEY_LENGTH = 16

_current: Runtime | None = None


class Runtime:
    """Holds what actors share; built once per process from WorkerSettings."""

    def __init__(self, settings: WorkerSettings, catalog: Catalog | None = None) -> None:
        self.settings = settings
        self.catalog = catalog or Catalog(settings.catalog_url)
        self.rulebook = Rulebook([load_pack(p) for p in settings.packs], settings.bindings)
        self.actors: dict[str, dramatiq.Actor[Any, Any]] = {}
        self.before_send: Callable[[], None] = lambda: None
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The detection engine, built on first use (it loads recognizers and pipelines)."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = Engine(EngineSettings(score_threshold=self.settings.score_threshold))
            return self._engine

    @property
    def subject_key(self) -> bytes | None:
        """The key of subject tokens ($EXPUNGE_SUBJECT_KEY, else $EXPUNGE_PSEUDONYM_KEY);
        without one, no token is recorded and erasure cannot search documents."""
        for variable in SUBJECT_KEY_VARIABLES:
            value = os.environ.get(variable, "")
            if len(value) >= MIN_KEY_LENGTH:
                return value.encode()
        return None

    def connector(self, source: str) -> Connector:
        """A fresh connector for a configured source (the caller closes it)."""
        options = self.settings.sources.get(source)
        if options is None:
            raise KeyError(f"source {source!r} is not in the configuration")
        return build_connector(options)

    def send(self, actor_name: str, *args: Any) -> None:
        """Enqueue a message for one of our actors."""
        self.before_send()
        self.actors[actor_name].send(*args)


def install(runtime: Runtime) -> None:
    """Make ``runtime`` the one actors of this process use."""
    global _current
    _current = runtime


def current() -> Runtime:
    """The runtime installed in this process."""
    if _current is None:
        raise RuntimeError("no expunge runtime installed in this process")
    return _current


def retries_so_far() -> int:
    """How many times the message being processed has been retried already."""
    message = CurrentMessage.get_current_message()
    return 0 if message is None else int(message.options.get("retries", 0))
