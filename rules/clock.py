"""Retention clocks: which date of an item starts its retention period.

A clock is written as one of:

- ``mtime``: the item's modification time, as a UTC date;
- ``meta:<key>`` / ``tag:<key>``: an object metadata or tag value. Connectors put these in
  ``Item.metadata`` under the same prefixed key (``metadata["meta:record-date"]``), and the
  value is an ISO date (``2024-03-01``) or datetime (its date as written, offset ignored);
- ``path-date``: a date written in the item's key, the last one found: ``2019-03-15``,
  ``20190315``, ``2019/03/15`` or ``2019.03.15``; a folder ``2019/03`` alone counts as the
  month's last day and ``2019`` alone as December 31st, so that nothing goes early;
- any other name: a date column of a database row set, read from ``ItemFacts.dates``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Mapping
from datetime import UTC, date, datetime

MTIME = "mtime"
PATH_DATE = "path-date"
_FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTH = re.compile(r"(?:^|/)((?:19|20)\d\d)[-/](0[1-9]|1[0-2])(?=/|$)")
_YEAR = re.compile(r"(?:^|/)((?:19|20)\d\d)(?=/|$)")
METADATA_PREFIXES = ("meta:", "tag:")


class ClockUnavailable(Exception):
    """The item does not carry a usable date for this clock; the reason says which."""


def check_clock(spec: str) -> None:
    """Raise ValueError for a clock that can never be read."""
    prefix, colon, key = spec.partition(":")
    if not spec.strip() or (colon and (f"{prefix}:" not in METADATA_PREFIXES or not key)):
        raise ValueError(
            f"unknown clock {spec!r} (use mtime, path-date, meta:<key>, tag:<key> or a column)"
        )


def read_clock(
    spec: str,
    modified: datetime | None,
    metadata: Mapping[str, str],
    dates: Mapping[str, date],
    key: str = "",
) -> date:
    """The date that starts the clock ``spec``; ClockUnavailable when the item lacks it."""
    if spec == PATH_DATE:
        return date_in_path(key)
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


def date_in_path(key: str) -> date:
    """The last date written in a key (see the module docstring for the forms read)."""
    for found in reversed(list(_FULL_DATE.finditer(key))):
        try:
            return date(int(found[1]), int(found[3]), int(found[4]))
        except ValueError:
            continue  # 2019-02-30: not a date
    months = list(_MONTH.finditer(key))
    if months:
        year, month = int(months[-1][1]), int(months[-1][2])
        return date(year, month, monthrange(year, month)[1])
    years = list(_YEAR.finditer(key))
    if years:
        return date(int(years[-1][1]), 12, 31)
    raise ClockUnavailable("clock 'path-date': no date in the item's path")


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
