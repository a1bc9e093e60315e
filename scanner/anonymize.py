"""De-identification of text: every detected span replaced by its entity type in brackets.

A pure function of the text and the detections, so that what a rewrite writes can be tested
without a store and reproduced from the same analysis.
"""

from __future__ import annotations

from collections.abc import Iterable

from scanner.engine import Detection


def redact(text: str, detections: Iterable[Detection]) -> str:
    """Replace each detected span of ``text`` with ``[ENTITY_TYPE]``.

    Offsets are character offsets into ``text``; spans are clipped to it and empty ones
    ignored. Overlapping (or nested) spans are merged into one region labelled with the
    type of the region's highest-scoring detection (the longest on a tie, then the first),
    so no character of any detected value survives and no label is cut into another.
    Adjacent spans that only touch stay separate: ``[KR_RRN][PHONE_NUMBER]``.
    """
    spans = sorted(
        (
            (max(0, d.start), min(len(text), d.end), d)
            for d in detections
            if min(len(text), d.end) > max(0, d.start)
        ),
        key=lambda span: (span[0], span[1]),
    )
    regions: list[tuple[int, int, Detection]] = []
    for start, end, detection in spans:
        if regions and start < regions[-1][1]:
            first, last, best = regions[-1]
            regions[-1] = (first, max(last, end), _better(best, detection))
        else:
            regions.append((start, end, detection))
    pieces: list[str] = []
    position = 0
    for start, end, detection in regions:
        pieces += [text[position:start], f"[{detection.entity_type}]"]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _better(a: Detection, b: Detection) -> Detection:
    """The detection that names a merged region: higher score, then longer, then ``a``."""
    if (b.score, b.end - b.start) > (a.score, a.end - a.start):
        return b
    return a
