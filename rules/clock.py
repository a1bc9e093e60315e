"""Retention clocks: which date of an item starts its retention period.

A clock is written as one of:

- ``mtime``: the item's modification time, as a UTC date;
- ``meta:<key>`` / ``tag:<key>``: an object metadata or tag value. Connectors put these in
  ``Item.metadata`` under the same prefixed key (``metadata["meta:record-date"]``), and the
  value is an ISO date (``2024-03-01``) or datetime (its date as written, offset ignored);
- any other name: a date column of a database row set, read from ``ItemFacts.dates``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

MTIME = "mtime"
METADATA_PREFIXES = ("meta:", "tag:")


class ClockUnavailable(Exception):
    """The item does not carry a usable date for this clock; the reason says which."""


def check_clock(spec: str) -> None:
    """Raise ValueError for a clock that can never be read."""
    prefix, colon, key = spec.partition(":")
    if not spec.strip() or (colon and (f"{prefix}:" not in METADATA_PREFIXES or not key)):
        raise ValueError(
            f"unknown clock {spec!r} (use mtime, meta:<key>, tag:<key> or a column name)"
        )


def read_clock(
    spec: str,
    modified: datetime | None,
    metadata: Mapping[str, str],
    dates: Mapping[str, date],
) -> date:
    """The date that starts the clock ``spec``; ClockUnavailable when the item lacks it."""
    if spec == MTIME:
        if modified is None:
            raise ClockUnavailable("clock 'mtime': the item has no modification time")
        return _utc_date(modified)
    if spec.startswith(METADATA_PREFIXES):
        if spec not in metadata:
            raise ClockUnavailable(f"clock {spec!r}: the item has no such metadata")
        return _parse_iso_date(spec, metadata[spec])
    value = dates.get(spec)
    if not isinstance(value, date):
        raise ClockUnavailable(f"clock {spec!r}: no value for this date column")
    return _utc_date(value) if isinstance(value, datetime) else value


def _utc_date(moment: datetime) -> date:
    """The UTC calendar date of ``moment``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(UTC).date()


def _parse_iso_date(spec: str, text: str) -> date:
    """Parse an ISO date or datetime (never echoing the value: it may be personal data)."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(text).date()
    except (TypeError, ValueError):
        raise ClockUnavailable(f"clock {spec!r}: the value is not an ISO date") from None
