"""The connector extension point: where data lives, and how to list, read and destroy it.

A connector is one class. Subclass :class:`Connector`, set ``kind`` (the ``kind:`` of a
source in the configuration) and ``Options`` (a pydantic model of that source's settings),
and implement four methods (``replace`` and ``copies``, which anonymization needs, are
optional). Subclasses register themselves by ``kind``; nothing else is
edited to add one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from connectors.errors import ItemTooLarge, NotSupported

DEFAULT_READ_LIMIT = 64 * 1024 * 1024
CHUNK_SIZE = 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One thing a source holds: a file, an object version, a table column or a row set.

    ``key`` is stable within the source (a file's POSIX path relative to the root, an
    object's key, ``table.column``) and ``fingerprint`` changes whenever the content does.
    ``metadata`` carries what rules may select on (object tags, metadata); never content.
    """

    key: str
    kind: str
    fingerprint: str
    size: int | None = None
    modified: datetime | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ListingError:
    """An entry that could not be listed; reported on that entry while listing goes on.

    ``skipped`` marks entries left out on purpose (a symbolic link, a device): recorded and
    shown, but not a failure of the scan.
    """

    key: str
    error: str
    skipped: bool = False


class ConnectorOptions(BaseModel):
    """Settings shared by every source; each connector extends this with its own."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="The source's name, unique within the configuration.")
    kind: str = Field(description="Which connector reads the source, e.g. `files`.")


CONNECTORS: dict[str, type[Connector]] = {}


class Connector(ABC):
    """Lists, reads and destroys the items of one source.

    Every method maps driver errors to :mod:`connectors.errors`. Methods that act on one
    item raise an :class:`~connectors.errors.ItemError` subclass for that item only.
    """

    kind: ClassVar[str]
    Options: ClassVar[type[ConnectorOptions]] = ConnectorOptions
    read_concurrency: int = 1  # items the scanner may read at once (network stores: more)
    lazy_metadata: ClassVar[bool] = False  # True when describe_many does real work

    def __init__(self, options: ConnectorOptions) -> None:
        """Keep the options, validated as this connector's own ``Options`` model."""
        if not isinstance(options, self.Options):
            options = self.Options.model_validate(options.model_dump())
        self.options = options

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            CONNECTORS[cls.kind] = cls

    @abstractmethod
    def list_items(self) -> Iterator[Item | ListingError]:
        """Yield every item of the source, and a ListingError for each entry that failed.

        Called at the start of every scan. Raises SourceUnreachable or AccessDenied only when
        the source as a whole cannot be listed.
        """

    @abstractmethod
    def open_stream(self, item: Item) -> Iterator[bytes]:
        """Yield the item's content in chunks, as it is now. Raises ItemError subclasses."""

    @abstractmethod
    def delete(self, item: Item) -> None:
        """Destroy the item irreversibly, as far as this kind of storage allows.

        Called only for an approved disposition. Must refuse (ItemChanged) when the item no
        longer matches ``item.fingerprint``, and do nothing when the item is already gone, so
        that a retried message is harmless.
        """

    @abstractmethod
    def exists(self, item: Item) -> bool:
        """Whether the item (any copy or version of it) can still be read; used to verify."""

    def replace(self, item: Item, data: bytes) -> Item:
        """Write ``data`` as the item's new content and destroy every earlier copy; refuse
        (ItemChanged) if the item no longer matches its fingerprint.

        Called only for an approved anonymization. Returns the item as it is now (same key,
        the new fingerprint), so that the caller can read back what was written. Connectors
        that cannot rewrite an item in place keep this default, which raises NotSupported.
        """
        raise NotSupported(f"{self.kind} sources cannot rewrite items")

    def copies(self, item: Item) -> int:
        """How many readable copies of the item's key remain (all versions and delete markers
        where the storage keeps them); used to verify that a rewrite left only the new one."""
        return 1 if self.exists(item) else 0

    def describe_many(self, items: Sequence[Item]) -> list[Item | ListingError | None]:
        """Complete listed items with metadata the listing leaves out (tags, user metadata).

        Called only for new or changed items, so a rescan of unchanged data costs one listing.
        Returns one entry per item: the item completed, a ListingError, or None if it vanished.
        """
        return list(items)

    def read_bytes(self, item: Item, limit: int = DEFAULT_READ_LIMIT) -> bytes:
        """Read the whole item, refusing (ItemTooLarge) anything bigger than ``limit`` bytes."""
        if item.size is not None and item.size > limit:
            raise ItemTooLarge(item.key, f"{item.size} bytes exceeds the {limit}-byte read cap")
        chunks: list[bytes] = []
        total = 0
        for chunk in self.open_stream(item):
            total += len(chunk)
            if total > limit:
                raise ItemTooLarge(item.key, f"more than the {limit}-byte read cap")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:  # noqa: B027 - an optional hook, a no-op by default
        """Release connections. Called once when the caller is done with the source."""

    def __enter__(self) -> Connector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connector_kinds() -> list[str]:
    """The kinds a configuration may name, i.e. every registered connector."""
    return sorted(CONNECTORS)


def build_connector(options: Mapping[str, Any]) -> Connector:
    """Validate one source's settings and build its connector."""
    kind = str(options.get("kind", ""))
    cls = CONNECTORS.get(kind)
    if cls is None:
        raise ValueError(f"unknown source kind {kind!r} (known: {', '.join(connector_kinds())})")
    return cls(cls.Options.model_validate(dict(options)))
