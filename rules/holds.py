"""Legal holds as the rules see them: which holds cover an item (a hold beats every rule).

A hold covers, within its ``source`` (any when unset):

- items whose key (or, for database row sets, table) matches its ``path`` glob, or every item
  when it names neither a path nor rows nor tokens;
- documents whose recorded subject tokens include one of its ``tokens`` (a data subject's
  documents, found through keyed hashes of their identifiers);
- database rows, through ``rows``: rows of ``table`` whose ``column`` holds one of ``values``
  (a table predicate, or a subject's keys in the subject table), and everything that depends
  on them. Those are left out of row sets in SQL; a row hold never covers a whole table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rules.decide import ItemFacts
from rules.globs import check_glob, glob_match


@dataclass(frozen=True)
class RowHold:
    """Held rows of a database source: ``table.column`` IN ``values``, and their dependants."""

    source: str
    table: str
    column: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class HoldSpec:
    """A legal hold; with neither ``source``, ``path``, ``rows`` nor ``tokens`` it covers
    everything.

    An unusable ``path`` glob (empty, absolute) raises ValueError when the hold is built.
    """

    id: int
    reason: str
    source: str | None = None
    path: str | None = None
    rows: tuple[RowHold, ...] = ()
    tokens: frozenset[str] = frozenset()
    case: str | None = None

    def __post_init__(self) -> None:
        if self.path is not None:
            check_glob(self.path)  # a hold that silently covers nothing would be worse

    @property
    def selective(self) -> bool:
        """Whether the hold names rows or documents rather than whole places."""
        return bool(self.rows or self.tokens)


def covers(hold: HoldSpec, facts: ItemFacts) -> bool:
    """Whether ``hold`` covers the item as a whole (row holds act inside row sets instead)."""
    if hold.source is not None and hold.source != facts.source:
        return False
    if hold.selective:
        return bool(hold.tokens & facts.tokens) or _path_covers(hold, facts)
    return hold.path is None or _path_covers(hold, facts)


def _path_covers(hold: HoldSpec, facts: ItemFacts) -> bool:
    if hold.path is None:
        return False
    if glob_match(hold.path, facts.key):
        return True
    return facts.table is not None and glob_match(hold.path, facts.table)


def holds_covering(facts: ItemFacts, holds: Iterable[HoldSpec]) -> list[HoldSpec]:
    """The holds that cover the item, in the order given."""
    return [hold for hold in holds if covers(hold, facts)]


def row_holds(holds: Iterable[HoldSpec], source: str) -> list[RowHold]:
    """The held rows of one database source."""
    return [row for hold in holds for row in hold.rows if row.source == source]
