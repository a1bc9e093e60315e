"""Splitting long texts for analysis, and merging the detections found in the pieces.

Chunks end at a newline where one is near the limit, else at a space, else at the limit.
Each chunk after the first starts ``overlap`` characters early (at a whitespace), so a value
cut by a boundary is still seen whole in one chunk; ``dedupe`` removes the doubles, and also
settles overlaps between types (an RRN that phonenumbers also reads as a phone number).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

DEFAULT_OVERLAP = 200
BOUNDARY_SEARCH_SHARE = 0.2


class Span(Protocol):
    """Anything with an entity type, character span and score."""

    @property
    def entity_type(self) -> str: ...  # noqa: D102

    @property
    def start(self) -> int: ...  # noqa: D102

    @property
    def end(self) -> int: ...  # noqa: D102

    @property
    def score(self) -> float: ...  # noqa: D102


S = TypeVar("S", bound=Span)


def chunks(text: str, size: int, overlap: int = DEFAULT_OVERLAP) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)`` pairs covering ``text``, each piece at most ``size`` chars."""
    if size <= 0:
        raise ValueError("chunk size must be positive")
    overlap = min(overlap, size // 4)
    start = 0
    while True:
        if len(text) - start <= size:
            yield start, text[start:]
            return
        end = _boundary(text, start, start + size)
        yield start, text[start:end]
        start = _restart(text, end - overlap, end)


def _boundary(text: str, start: int, limit: int) -> int:
    """Return where a chunk starting at ``start`` should end, at most ``limit``."""
    floor = limit - int((limit - start) * BOUNDARY_SEARCH_SHARE)
    for separator in ("\n", " "):
        cut = text.rfind(separator, floor, limit)
        if cut > start:
            return cut + 1
    return limit


def _restart(text: str, earliest: int, end: int) -> int:
    """Return the next chunk's start: just after a whitespace in [earliest, end]."""
    for index in range(max(earliest, 0), end):
        if text[index].isspace():
            return index + 1
    return end


def dedupe(detections: Iterable[S]) -> list[S]:
    """Drop overlapping detections, keeping the higher score (then the longer span)."""
    kept: list[S] = []
    for candidate in sorted(detections, key=lambda d: (d.start, -d.end)):
        if kept and candidate.start < kept[-1].end:
            if _rank(candidate) > _rank(kept[-1]):
                kept[-1] = candidate
        else:
            kept.append(candidate)
    return kept


def _rank(detection: Span) -> tuple[float, int]:
    """Order overlapping detections: higher score first, then the longer span."""
    return detection.score, detection.end - detection.start
