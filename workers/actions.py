"""Disposition actions: what enforcing a decision does to an item, and how it is verified.

An action is one class: subclass :class:`Action`, set ``name`` (the decision's action) and
the connector kinds it supports, implement ``execute`` and ``verify``. It registers itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from connectors.base import Connector, Item

ACTIONS: dict[str, type[Action]] = {}


class Action(ABC):
    """Carries out one approved disposition on one item through its connector."""

    name: ClassVar[str]
    kinds: ClassVar[frozenset[str] | None] = None  # connector kinds supported; None = all

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            ACTIONS[cls.name] = cls

    @abstractmethod
    def execute(self, connector: Connector, item: Item) -> None:
        """Act on the item; idempotent (a second call after success changes nothing)."""

    @abstractmethod
    def verify(self, connector: Connector, item: Item) -> bool:
        """Read back: True only when the action's effect is observed at the source."""


class Delete(Action):
    """Irreversible deletion of every copy the connector reaches."""

    name = "delete"

    def execute(self, connector: Connector, item: Item) -> None:
        connector.delete(item)

    def verify(self, connector: Connector, item: Item) -> bool:
        return not connector.exists(item)


def action_for(name: str, connector_kind: str) -> Action:
    """The action implementation for a disposition, or a ValueError saying why there is none."""
    cls = ACTIONS.get(name)
    if cls is None or (cls.kinds is not None and connector_kind not in cls.kinds):
        raise ValueError(f"no {name!r} action is available for {connector_kind} sources yet")
    return cls()
