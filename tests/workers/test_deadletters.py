"""Dead letters on a real Redis broker: a really failing actor, then list, requeue, purge."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dramatiq
import pytest
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker

from tests.conftest import Cli
from workers.deadletters import RedisDeadLetters, error_type, safe_arg, stub_dead_letters

pytestmark = pytest.mark.redis

SECRET = "김민준 /srv/charts/850315-1234567.pdf"  # what the exception says; never shown


class Estate:
    """A Redis namespace of its own, an actor that fails while ``broken`` is set, a worker."""

    def __init__(self, url: str, namespace: str, queue: str) -> None:
        self.broker = RedisBroker(url=url, namespace=namespace)
        self.queue = queue
        self.broken = threading.Event()
        self.broken.set()
        self.done: list[tuple[int, str]] = []
        self.actor = dramatiq.Actor(self._enforce, broker=self.broker, actor_name="enforce_x",
                                    queue_name=queue, priority=0,
                                    options={"max_retries": 1, "min_backoff": 10,
                                             "max_backoff": 20})
        self.worker = dramatiq.Worker(self.broker, worker_threads=1, worker_timeout=50)

    def _enforce(self, disposition_id: int, run_id: str) -> None:
        if self.broken.is_set():
            raise RuntimeError(f"cannot open {SECRET}")
        self.done.append((disposition_id, run_id))

    def dead(self, count: int) -> RedisDeadLetters:
        """Wait until ``count`` letters of this queue died."""
        letters = RedisDeadLetters(self.broker)
        wait_for(lambda: len([d for d in letters.letters() if d.queue == self.queue]) >= count)
        return letters

    def close(self) -> None:
        self.worker.stop()
        client = self.broker.client
        for key in client.scan_iter(match=f"{self.broker.namespace}:{self.queue}*"):
            client.delete(key)
        self.broker.close()


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def db_url(redis_url: str) -> str:
    """A database of its own: other Redis tests flush theirs."""
    return redis_url.rsplit("/", 1)[0] + "/12"


@pytest.fixture
def estate(redis_url: str) -> Iterator[Estate]:
    suffix = uuid.uuid4().hex[:8]
    estate = Estate(db_url(redis_url), f"expunge-test-{suffix}", f"enforce-{suffix}")
    estate.worker.start()
    yield estate
    estate.close()


def test_a_message_that_exhausts_its_retries_is_listed_without_values(estate: Estate) -> None:
    estate.actor.send(42, "run-7f3a")
    [letter] = estate.dead(1).letters()
    assert (letter.queue, letter.actor, letter.args, letter.retries) == (
        estate.queue, "enforce_x", [42, "run-7f3a"], 1)
    assert letter.error == "RuntimeError"
    assert letter.failed_at and datetime.now(UTC) - letter.failed_at < timedelta(minutes=1)
    shown = repr(letter.row())
    assert all(part not in shown for part in SECRET.split())


def test_requeue_sends_the_message_once_with_fresh_retries(estate: Estate) -> None:
    estate.actor.send(1, "run-a")
    estate.actor.send(2, "run-b")
    letters = estate.dead(2)
    first = next(d for d in letters.letters() if d.args[0] == 1)
    estate.broken.clear()
    assert [d.id for d in letters.requeue([first.message_id])] == [first.id]
    assert letters.requeue([first.id]) == []  # already taken: never sent twice
    wait_for(lambda: estate.done == [(1, "run-a")])
    assert [d.args for d in letters.letters()] == [[2, "run-b"]]
    assert [d.args for d in letters.requeue(None)] == [[2, "run-b"]]
    wait_for(lambda: sorted(estate.done) == [(1, "run-a"), (2, "run-b")])
    assert letters.letters() == []


def test_a_requeued_message_that_fails_again_dies_again_after_its_retries(
        estate: Estate) -> None:
    estate.actor.send(5, "run-c")
    letters = estate.dead(1)
    [letter] = letters.requeue(None)
    wait_for(lambda: bool(letters.letters()) and letters.letters()[0].id != letter.id)
    assert [(d.args, d.retries) for d in letters.letters()] == [([5, "run-c"], 1)]


def test_purge_drops_the_named_letters(estate: Estate) -> None:
    for disposition in (1, 2, 3):
        estate.actor.send(disposition, "run-d")
    letters = estate.dead(3)
    keep = letters.letters()[0]
    purged = letters.purge([d.id for d in letters.letters()[1:]])
    assert len(purged) == 2 and [d.id for d in letters.letters()] == [keep.id]
    assert [d.id for d in letters.purge(None)] == [keep.id]
    assert letters.queues() == [] and estate.done == []


@pytest.mark.parametrize(
    ("value", "shown"),
    [(7, 7), ("4f9c2e", "4f9c2e"), ([1, 2], [1, 2]), ("김민준", "<str>"),
     ("a b", "<str>"), ({"name": "x"}, "<dict>"), (None, None)],
)
def test_only_numbers_and_id_like_tokens_are_shown(value: Any, shown: Any) -> None:
    assert safe_arg(value) == shown


@pytest.mark.parametrize(
    ("traceback", "shown"),
    [("Traceback ...\n  File x\nValueError: 850315-1234567\n", "ValueError"),
     ("connectors.base.ConnectorError: cannot read kim.pdf", "connectors.base.ConnectorError"),
     ("dramatiq.middleware.time_limit.TimeLimitExceeded\n",
      "dramatiq.middleware.time_limit.TimeLimitExceeded"),
     (None, "unknown"), ("KeyError 'kim'", "unknown")],
)
def test_the_error_is_the_exception_type_alone(traceback: str | None, shown: str) -> None:
    assert error_type(traceback) == shown


def test_the_embedded_broker_lists_its_dead_letters_too() -> None:
    broker = StubBroker()
    actor = dramatiq.Actor(lambda n: 1 / 0, broker=broker, actor_name="boom", queue_name="q",
                           priority=0, options={"max_retries": 0})
    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=50)
    worker.start()
    try:
        actor.send(9)
        wait_for(lambda: bool(broker.dead_letters))
        [letter] = stub_dead_letters(broker)
        assert (letter.actor, letter.args, letter.error) == ("boom", [9], "ZeroDivisionError")
    finally:
        worker.stop()
        broker.close()


@pytest.fixture
def cli_estate(tmp_path: Path, redis_url: str, make_config: Any) -> Iterator[tuple[Cli, Estate]]:
    """A CLI on Redis, and dead letters in its namespace, on a queue of this test's own."""
    url = db_url(redis_url)
    config = make_config(tmp_path / "expunge.yaml", f"sqlite:///{tmp_path / 'c.db'}",
                         tmp_path, broker=url)
    estate = Estate(url, "expunge", f"enforce-{uuid.uuid4().hex[:8]}")
    estate.worker.start()
    yield Cli(config), estate
    estate.close()


def test_the_cli_lists_requeues_and_purges_dead_letters(
        cli_estate: tuple[Cli, Estate]) -> None:
    cli, estate = cli_estate
    estate.actor.send(11, "run-e")
    estate.actor.send(12, "run-f")
    estate.dead(2)
    rows = [r for r in cli.json("deadletters") if r["queue"] == estate.queue]
    assert sorted(json.loads(r["args"]) for r in rows) == [[11, "run-e"], [12, "run-f"]]
    assert {r["actor"] for r in rows} == {"enforce_x"} and rows[0]["error"] == "RuntimeError"
    assert all(part not in cli("deadletters", "--format", "csv").output
               for part in SECRET.split())
    first, second = rows
    estate.broken.clear()
    cli("deadletters", "requeue", first["id"])
    wait_for(lambda: [d[0] for d in estate.done] == [json.loads(first["args"])[0]])
    assert "no dead letter" in cli("deadletters", "requeue", first["id"], expect=1).output
    cli("deadletters", "purge", second["message_id"])
    assert not [r for r in cli.json("deadletters") if r["queue"] == estate.queue]
    actions = {r["action"] for r in cli.json("audit", "list")}
    assert {"deadletters.requeued", "deadletters.purged"} <= actions
    cli("deadletters", "purge", expect=2)  # neither ids nor --all


def test_the_cli_says_the_embedded_broker_keeps_no_dead_letters(cli) -> None:
    assert "Redis" in cli("deadletters", expect=2).output
