"""Classifying database columns: each table sampled once, every column classified from it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from connectors.base import Item
from connectors.errors import ConnectorError, ItemVanished, SourceUnreachable
from scanner.columns import classify_column
from workers.runtime import Runtime


class TableSample(Protocol):
    """Sampled rows of a table: per column, the values read, and the column types."""

    rows: int
    values: Mapping[str, list[Any]]
    types: Mapping[str, str]


class SamplesTables(Protocol):
    """A connector that samples tables (the database connector does)."""

    def sample(self, name: str) -> TableSample: ...


@dataclass(frozen=True)
class EntitySummary:
    """What one item holds of one entity type: never the values, only a masked sample."""

    count: int
    score: float
    sample: str
    share: float | None = None  # of sampled rows, for database columns


@dataclass(frozen=True)
class Outcome:
    """What classifying one item gave: findings, or why not (the item's new state)."""

    state: str = "present"
    language: str | None = None
    summary: dict[str, EntitySummary] = field(default_factory=dict)
    error: str | None = None
    unreachable: bool = False
    tokens: frozenset[tuple[str, str]] = frozenset()  # (entity type, keyed hash): see subjects


def samples_tables(connector: object) -> bool:
    """Whether the connector classifies by sampling tables rather than reading items."""
    return callable(getattr(connector, "sample", None))


def _by_table(items: Mapping[int, Item]) -> dict[str, list[tuple[int, Item]]]:
    groups: dict[str, list[tuple[int, Item]]] = defaultdict(list)
    for item_id, item in items.items():
        groups[str(item.metadata.get("table", ""))].append((item_id, item))
    return groups


def _failed(group: Sequence[tuple[int, Item]], exc: ConnectorError) -> dict[int, Outcome]:
    state = "gone" if isinstance(exc, ItemVanished) else "error"
    unreachable = isinstance(exc, SourceUnreachable)
    return {i: Outcome(state=state, error=str(exc), unreachable=unreachable) for i, _ in group}


def classify_columns(runtime: Runtime, connector: SamplesTables,
                     items: Mapping[int, Item]) -> dict[int, Outcome]:
    """Classify column items, sampling each of their tables once."""
    outcomes: dict[int, Outcome] = {}
    for table, group in _by_table(items).items():
        try:
            sample = connector.sample(table)
        except ConnectorError as exc:
            outcomes.update(_failed(group, exc))
            continue
        for item_id, item in group:
            outcomes[item_id] = _column_outcome(runtime, table, item, sample)
    return outcomes


def _column_outcome(runtime: Runtime, table: str, item: Item, sample: TableSample) -> Outcome:
    column = str(item.metadata.get("column", ""))
    findings = classify_column(runtime.engine, table, column, sample.values.get(column, []),
                               sample.types.get(column))
    summary = {f.entity_type: EntitySummary(f.count, f.confidence, f.sample, f.share)
               for f in findings}
    return Outcome(summary=summary)
