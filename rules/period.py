"""Retention periods as ISO 8601 durations (``P10Y``, ``P6M``, ``P2W``, ``P5D``, ``P1Y6M``)."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

_PERIOD = re.compile(r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?")


@dataclass(frozen=True)
class Period:
    """A calendar duration; only dates, no time parts (a retention clock counts days)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if min(self.years, self.months, self.weeks, self.days) < 0:
            raise ValueError("a retention period cannot be negative")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``PnYnMnWnD`` (at least one part); raise ValueError for anything else."""
        match = _PERIOD.fullmatch(text) if isinstance(text, str) else None
        if match is None or text == "P":
            raise ValueError(f"{text!r} is not an ISO 8601 period")
        years, months, weeks, days = (int(part or 0) for part in match.groups())
        return cls(years=years, months=months, weeks=weeks, days=days)

    def after(self, start: date) -> date:
        """The date this period after ``start``; months first, clamped to the month's end."""
        total = start.year * 12 + start.month - 1 + self.years * 12 + self.months
        year, month = divmod(total, 12)
        try:
            day = min(start.day, monthrange(year, month + 1)[1])
            return date(year, month + 1, day) + timedelta(weeks=self.weeks, days=self.days)
        except (ValueError, OverflowError):
            raise ValueError(f"{self} after {start.isoformat()} is out of range") from None

    def latest_start(self, today: date) -> date:
        """The latest clock date whose period has ended by ``today`` (``after(d) <= today``)."""
        back = today.year * 12 + today.month - 1 - self.years * 12 - self.months
        year, month = divmod(back, 12)
        day = min(today.day, monthrange(year, month + 1)[1])
        start = date(year, month + 1, day) - timedelta(weeks=self.weeks, days=self.days)
        while self.after(start + timedelta(days=1)) <= today:
            start += timedelta(days=1)
        while self.after(start) > today:
            start -= timedelta(days=1)
        return start

    def __str__(self) -> str:
        parts = zip((self.years, self.months, self.weeks, self.days), "YMWD", strict=True)
        text = "".join(f"{value}{unit}" for value, unit in parts if value)
        return "P" + (text or "0D")
