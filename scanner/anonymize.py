"""De-identification: detected spans of text replaced by their entity type in brackets, and
the per-column transformations of research exports (keyed date shifts, redaction that keeps
clinical terms). Pseudonyms are :func:`scanner.transform.pseudonym`'s, so that exports link
with in-place anonymizations under the same key.

Pure functions of their arguments, so that what a rewrite writes can be tested without a
store and reproduced from the same analysis.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta

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


# -- research exports: per-column transformations ---------------------------------------------

CLINICAL = frozenset({"MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"})
MAX_REDACTION_PASSES = 3
_SHIFT_DOMAIN = b"expunge.date-shift\x1f"  # separates shifts from pseudonyms under one key


def redact_identifying(text: str, detect: Callable[[str], Sequence[Detection]]) -> str:
    """Redact what ``detect`` finds except clinical terms (kept: the export is for research),
    again on the result until nothing is left or MAX_REDACTION_PASSES is reached."""
    for _ in range(MAX_REDACTION_PASSES):
        found = [d for d in detect(text) if d.entity_type not in CLINICAL]
        if not found:
            break
        text = redact(text, found)
    return text


def shift_days(subject: str, key: bytes, days: int) -> int:
    """A subject's keyed date shift in [-days, days]: the same for all of their dates, not
    derivable without the key, and unrelated to their pseudonym."""
    digest = hmac.new(
        key, _SHIFT_DOMAIN + unicodedata.normalize("NFC", subject).encode(), hashlib.sha256
    ).digest()
    return int.from_bytes(digest[:8], "big") % (2 * days + 1) - days


def shift_date(value: object, days: int) -> object:
    """A date, datetime or ISO date string moved by ``days`` (same type back)."""
    if isinstance(value, datetime | date):
        return value + timedelta(days=days)
    text = str(value).strip()
    try:
        moved = date.fromisoformat(text[:10]) + timedelta(days=days)
    except ValueError:
        raise ValueError("shift: a value is not an ISO date") from None
    return moved.isoformat() + text[10:]
