"""The safety breaker: a run that would destroy too much of a source waits for a human.

A misconfigured binding (a glob too wide, a wrong clock) can make every item of a share due
at once. Before a run is sent, its dispositions are counted per source; past the configured
count or share, the run is refused until someone confirms it explicitly (audited).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.models import Disposition, Source
from catalog.models import Item as ItemRow

DEFAULT_MAX_ITEMS = 1000
DEFAULT_MAX_SHARE = 0.5
MIN_SOURCE_SIZE = 20  # below this, a share says little: the count limit still applies


class BreakerTripped(Exception):
    """The run exceeds the limits; the message says by how much, never what."""


def _per_source(session: Session, ids: Sequence[int]) -> Counter[str]:
    rows = session.execute(
        select(Source.name).select_from(Disposition)
        .join(ItemRow, Disposition.item_id == ItemRow.id).join(Source)
        .where(Disposition.id.in_(ids))
    ).scalars()
    return Counter(rows)


def _source_size(session: Session, name: str) -> int:
    return int(session.execute(
        select(func.count()).select_from(ItemRow).join(Source)
        .where(Source.name == name, ItemRow.state.in_(("present", "error")))
    ).scalar_one())


def check(session: Session, ids: Sequence[int], max_items: int = DEFAULT_MAX_ITEMS,
          max_share: float = DEFAULT_MAX_SHARE) -> None:
    """Raise BreakerTripped when the run is larger than the limits allow."""
    if len(ids) > max_items:
        raise BreakerTripped(f"{len(ids)} items to destroy exceeds the limit of {max_items}")
    for source, count in _per_source(session, ids).items():
        size = _source_size(session, source)
        if size >= MIN_SOURCE_SIZE and count / size > max_share:
            raise BreakerTripped(f"{count} of {size} items of source {source!r} "
                                 f"({count / size:.0%}) exceeds the limit of {max_share:.0%}")
