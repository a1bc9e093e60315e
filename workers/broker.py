"""Brokers and actors: the same actors run in-process (embedded) or through Redis/RabbitMQ.

``embedded`` is a real Dramatiq worker consuming an in-memory broker inside this process;
``redis://…`` and ``amqp://…`` send messages to separate ``expunge worker`` processes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.errors import QueueJoinTimeout
from dramatiq.middleware import CurrentMessage

from workers import enforce, export, scan
from workers.metrics import WorkerMetrics
from workers.reconcile import reconcile
from workers.runtime import MAX_RETRIES, Runtime

EMBEDDED = "embedded"
POLL_SECONDS = 0.2
EMBEDDED_POLL_MS = 50
RECONCILE_SECONDS = 600

ACTORS: dict[str, tuple[Callable[..., Any], str, int]] = {
    # name: (function, queue, time limit in ms)
    "scan_source": (scan.scan_source, "scan", 6 * 3600_000),
    "classify_items": (scan.classify_items, "scan", 3600_000),
    "enforce_disposition": (enforce.enforce_disposition, "enforce", 3600_000),
    "build_export": (export.build_export, "export", 6 * 3600_000),
}


def make_broker(url: str, namespace: str = "expunge") -> dramatiq.Broker:
    """A broker for ``embedded``, ``redis://…`` or ``amqp://…``."""
    broker: dramatiq.Broker
    if url == EMBEDDED:
        broker = StubBroker()
    elif url.startswith(("redis://", "rediss://", "unix://")):
        from dramatiq.brokers.redis import RedisBroker

        broker = RedisBroker(url=url, namespace=namespace)  # type: ignore[no-untyped-call]
    elif url.startswith(("amqp://", "amqps://")):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        broker = RabbitmqBroker(url=url)
    else:
        raise ValueError(f"broker: {url!r} is not 'embedded', redis://… or amqp://…")
    broker.add_middleware(CurrentMessage())
    broker.add_middleware(WorkerMetrics())
    return broker


def declare_actors(runtime: Runtime, broker: dramatiq.Broker) -> None:
    """Bind every actor to ``broker`` and make them reachable through ``runtime.send``."""
    limits = {"enforce_disposition": runtime.settings.enforce_time_limit * 1000}
    for name, (fn, queue, default_limit) in ACTORS.items():
        time_limit = limits.get(name, default_limit)
        runtime.actors[name] = dramatiq.Actor(
            fn, broker=broker, actor_name=name, queue_name=queue, priority=0,
            options={"max_retries": MAX_RETRIES, "time_limit": time_limit, "min_backoff": 1000},
        )


class Dispatcher:
    """Sends work and, on request, waits for it: one code path for every broker."""

    def __init__(self, runtime: Runtime, worker_threads: int = 2) -> None:
        self.runtime = runtime
        url = runtime.settings.broker_url
        self.embedded = url == EMBEDDED
        self.broker = make_broker(url)
        declare_actors(runtime, self.broker)
        self.worker: dramatiq.Worker | None = None
        self.worker_threads = worker_threads
        if self.embedded:
            runtime.before_send = self._start_embedded_worker

    def _start_embedded_worker(self) -> None:
        """Start the in-process worker on the first message (listings never pay for it)."""
        if self.worker is None:
            self.worker = dramatiq.Worker(self.broker, worker_threads=self.worker_threads,
                                          worker_timeout=EMBEDDED_POLL_MS)
            self.worker.start()

    def wait(self, done: Callable[[], bool], tick: Callable[[], None] = lambda: None,
             timeout: float | None = None) -> bool:
        """Wait until ``done()``; embedded mode also stops when its queues run dry."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not done():
            tick()
            if self.embedded and self._queues_idle():
                break
            if deadline is not None and time.monotonic() > deadline:
                return False
            if not self.embedded:
                time.sleep(POLL_SECONDS)
        tick()
        return done()

    def _queues_idle(self) -> bool:
        assert isinstance(self.broker, StubBroker)
        if self.worker is None:
            return True
        try:
            # join() covers a queue and its delay queue: joining delay queues again is waste.
            queues = self.broker.get_declared_queues() - self.broker.get_declared_delay_queues()
            for queue in queues:
                self.broker.join(queue, timeout=int(POLL_SECONDS * 1000))
        except QueueJoinTimeout:
            return False
        return True

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        self.broker.close()


def run_worker(runtime: Runtime, threads: int, should_stop: Callable[[], bool],
               reconcile_every: float = RECONCILE_SECONDS) -> None:
    """Consume the configured broker until ``should_stop()`` (used by ``expunge worker``)."""
    broker = make_broker(runtime.settings.broker_url)
    declare_actors(runtime, broker)
    worker = dramatiq.Worker(broker, worker_threads=threads)
    worker.start()
    next_reconcile = time.monotonic()
    try:
        while not should_stop():
            if time.monotonic() >= next_reconcile:
                reconcile(runtime)  # work a crashed worker left behind
                next_reconcile = time.monotonic() + reconcile_every
            time.sleep(POLL_SECONDS)
    finally:
        worker.stop()
        broker.close()


def new_run_id() -> str:
    """An id for one enforcement run (and its certificate)."""
    return uuid.uuid4().hex
