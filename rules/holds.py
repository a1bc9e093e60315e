"""Legal holds as the rules see them: which holds cover an item (a hold beats every rule)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rules.decide import ItemFacts
from rules.globs import check_glob, glob_match


@dataclass(frozen=True)
class HoldSpec:
    """A legal hold; with neither ``source`` nor ``path`` it covers everything.

    An unusable ``path`` glob (empty, absolute) raises ValueError when the hold is built.
    """

    id: int
    reason: str
    source: str | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if self.path is not None:
            check_glob(self.path)  # a hold that silently covers nothing would be worse


def covers(hold: HoldSpec, facts: ItemFacts) -> bool:
    """Whether ``hold`` covers the item: same source (if set) and key (or, for database rows,
    table) matching the glob."""
    if hold.source is not None and hold.source != facts.source:
        return False
    if hold.path is None or glob_match(hold.path, facts.key):
        return True
    return facts.table is not None and glob_match(hold.path, facts.table)


def holds_covering(facts: ItemFacts, holds: Iterable[HoldSpec]) -> list[HoldSpec]:
    """The holds that cover the item, in the order given."""
    return [hold for hold in holds if covers(hold, facts)]
