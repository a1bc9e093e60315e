"""Bar charts as plain geometry; templates draw them as inline SVG (no script, no library)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LABEL_WIDTH = 190
BAR_AREA = 330
ROW_HEIGHT = 22
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart: one row per (label, value), widths scaled to the largest."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(pairs: Sequence[tuple[str, int]]) -> Chart:
    """Scale the values so the largest fills the bar area; zero stays invisible."""
    top = max((v for _, v in pairs), default=0) or 1
    bars = [Bar(label, value, i * ROW_HEIGHT, round(value / top * BAR_AREA))
            for i, (label, value) in enumerate(pairs)]
    return Chart(bars, LABEL_WIDTH + BAR_AREA + 70, max(len(bars), 1) * ROW_HEIGHT)
