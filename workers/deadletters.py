"""Messages that exhausted their retries: list them, send them again, or drop them.

Dramatiq's Redis broker keeps each queue's dead letters in ``<namespace>:<queue>.XQ`` (a sorted
set of Redis message ids, scored by when they died) and ``<namespace>:<queue>.XQ.msgs`` (id →
encoded message). A listing shows only what identifies the work: actor, ids (our actors take
disposition, scan-run and item ids, never content), and the exception's type, never its
message, which may quote a path or a value. Dramatiq drops dead letters after its
``dead_message_ttl`` (7 days by default).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from dramatiq import Message
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.common import q_name

XQ_SUFFIX = ".XQ"
_TOKEN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_EXCEPTION = re.compile(r"[A-Za-z_][\w.]*")
# Options that belonged to the failed attempts: a requeued message starts afresh.
_SPENT_OPTIONS = ("retries", "traceback", "eta", "redis_message_id", "requeue_timestamp")


@dataclass(frozen=True)
class DeadLetter:
    """One dead-lettered message, as far as it may be shown."""

    id: str
    message_id: str
    queue: str
    actor: str
    args: list[Any]
    failed_at: datetime | None
    retries: int
    error: str

    def row(self) -> dict[str, Any]:
        """A flat row for listings (the arguments as JSON text)."""
        return {"id": self.id, "message_id": self.message_id, "queue": self.queue,
                "actor": self.actor, "args": json.dumps(self.args), "failed_at": self.failed_at,
                "retries": self.retries, "error": self.error}

    def matches(self, ids: Iterable[str]) -> bool:
        """Whether ``ids`` name this letter (by its dead-letter id or its message id)."""
        return bool({self.id, self.message_id} & set(ids))


def safe_arg(value: Any) -> Any:
    """An actor argument as it may be shown: numbers and id-like tokens, else its type."""
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, str):
        return value if _TOKEN.fullmatch(value) else "<str>"
    if isinstance(value, list | tuple):
        return [safe_arg(v) for v in value]
    return f"<{type(value).__name__}>"


def error_type(traceback: str | None) -> str:
    """The exception type named by a traceback's last line, without its message."""
    lines = [line for line in (traceback or "").splitlines() if line.strip()]
    if not lines:
        return "unknown"
    name = lines[-1].split(":", 1)[0].strip()
    return name if _EXCEPTION.fullmatch(name) else "unknown"


def describe(letter_id: str, message: Message[Any], failed_ms: float | None) -> DeadLetter:
    """What a listing shows of one dead-lettered message."""
    failed_at = None if failed_ms is None else datetime.fromtimestamp(failed_ms / 1000, UTC)
    return DeadLetter(
        id=letter_id, message_id=message.message_id, queue=q_name(message.queue_name),
        actor=message.actor_name, args=[safe_arg(a) for a in message.args],
        failed_at=failed_at, retries=int(message.options.get("retries", 0)),
        error=error_type(message.options.get("traceback")))


def fresh(message: Message[Any]) -> Message[Any]:
    """The message as first sent: its own queue, none of the failed attempts' options."""
    options = {k: v for k, v in message.options.items() if k not in _SPENT_OPTIONS}
    return dataclasses.replace(message, queue_name=q_name(message.queue_name), options=options)


class RedisDeadLetters:
    """The dead-letter queues of one Redis broker namespace."""

    def __init__(self, broker: RedisBroker) -> None:
        self.broker = broker
        self.client = broker.client
        self.namespace = broker.namespace

    def queues(self) -> list[str]:
        """Every queue of the namespace that has dead letters."""
        prefix = f"{self.namespace}:"
        keys = self.client.scan_iter(match=f"{prefix}*{XQ_SUFFIX}")
        return sorted(_text(key)[len(prefix):-len(XQ_SUFFIX)] for key in keys)

    def letters(self) -> list[DeadLetter]:
        """Every dead letter, oldest first."""
        letters = [letter for queue in self.queues() for letter in self._of_queue(queue)]
        return sorted(letters, key=lambda letter: (letter.failed_at is None, letter.failed_at))

    def requeue(self, ids: Sequence[str] | None = None) -> list[DeadLetter]:
        """Send the named letters (all when ``ids`` is None) again, each exactly once."""
        sent = []
        for letter, message in self._take(ids):
            self.broker.enqueue(fresh(message))
            sent.append(letter)
        return sent

    def purge(self, ids: Sequence[str] | None = None) -> list[DeadLetter]:
        """Drop the named letters (all when ``ids`` is None)."""
        return [letter for letter, _ in self._take(ids)]

    def _of_queue(self, queue: str) -> Iterator[DeadLetter]:
        """The dead letters of one queue."""
        xq = self._key(queue)
        stored = cast(dict[bytes, bytes], self.client.hgetall(f"{xq}.msgs"))
        members = cast(list[tuple[bytes, float]], self.client.zrange(xq, 0, -1, withscores=True))
        for member, score in members:
            data = stored.get(member)
            if data is not None:
                yield describe(_text(member), Message.decode(data), score)

    def _take(self, ids: Sequence[str] | None) -> Iterator[tuple[DeadLetter, Message[Any]]]:
        """Remove the chosen letters; yield those this call removed (a race yields once)."""
        for letter in self.letters():
            if ids is not None and not letter.matches(ids):
                continue
            xq = self._key(letter.queue)
            pipe = self.client.pipeline(transaction=True)
            pipe.hget(f"{xq}.msgs", letter.id)
            pipe.zrem(xq, letter.id)
            pipe.hdel(f"{xq}.msgs", letter.id)
            data, removed, _ = pipe.execute()
            if removed and data is not None:
                yield letter, Message.decode(data)

    def _key(self, queue: str) -> str:
        return f"{self.namespace}:{queue}{XQ_SUFFIX}"


def stub_dead_letters(broker: StubBroker) -> list[DeadLetter]:
    """The dead letters an in-process (embedded) broker holds until the process ends."""
    return [describe(proxy.message_id, Message.decode(proxy.encode()), None)
            for proxy in broker.dead_letters]


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
