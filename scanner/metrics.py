"""What an anonymized table achieves: k, l, re-identification risk and information loss.

Measured on codes: ``class_of`` gives each row its equivalence class, ``keep`` says which
rows were released (suppressed ones were not). Information loss is reported the ways ARX
does, so that a global recoding and a Mondrian partitioning can be compared on one table:

- non-uniform entropy: bits lost per quasi-identifier value, Σ −log₂ P(original | released),
  a suppressed value counting as ``*``; normalised by the loss of releasing nothing (0..1);
- discernibility: Σ |E|² over released classes + suppressed × rows;
- average class size: (released rows / classes) / k (1 is ideal).

Risk (prosecutor): a record's is 1/|E|. Journalist risk needs the population the export is
drawn from: with ``population`` (its size) each class is scaled by population / rows,
without it the prosecutor figure is the (upper-bound) answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from scanner.kanon import Codes, Quasi, combine, dense

Mask = npt.NDArray[np.bool_]


def _bits(part: npt.NDArray[Any], whole: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """−log₂(part / whole), 0 where part is 0 (no row pays it)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(part > 0, -np.log2(part / np.maximum(whole, 1)), 0.0)


def entropy_loss(quasi: Sequence[Quasi], node: Sequence[int], keep: Mask) -> float:
    """The search's objective: non-uniform entropy of a global recoding, normalised per
    quasi-identifier and averaged by the attributes' weights (computed per distinct value:
    cheap)."""
    suppressed = ~keep
    shares, weights = [], []
    for q, level in zip(quasi, node, strict=True):
        counts = np.bincount(q.codes, minlength=len(q.maps[0])).astype(np.float64)
        lost_rows = np.bincount(q.codes[suppressed], minlength=len(q.maps[0]))
        kept = counts - lost_rows
        generalized = np.bincount(q.maps[level], weights=counts).astype(np.float64)
        top = _bits(counts, np.full_like(counts, counts.sum()))
        lost = float(kept @ _bits(counts, generalized[q.maps[level]]) + (counts - kept) @ top)
        worst = float(counts @ top)
        shares.append(q.weight * (lost / worst if worst else 0.0))
        weights.append(q.weight)
    return sum(shares) / sum(weights) if weights else 0.0


def nue(original: Codes, released: Codes, keep: Mask) -> tuple[float, float]:
    """Non-uniform entropy of one column (bits) and of releasing none of it."""
    rows = len(original)
    spans = [int(original.max(initial=0)) + 1, int(released.max(initial=0)) + 1]
    pairs, pair_count = dense(*combine([original, released], spans))
    per_pair = np.bincount(pairs, minlength=pair_count).astype(np.float64)[pairs]
    per_released = np.bincount(released).astype(np.float64)[released]
    per_original = np.bincount(original).astype(np.float64)[original]
    top = _bits(per_original, np.full(rows, float(rows)))
    lost = np.where(keep, _bits(per_pair, per_released), top)
    return float(lost.sum()), float(top.sum())


@dataclass(frozen=True)
class Report:
    """The figures of one anonymized table (JSON-ready with ``as_dict``)."""

    rows: int
    released: int
    suppressed: int
    classes: int
    k: int
    l: int  # noqa: E741
    prosecutor_max: float
    prosecutor_avg: float
    journalist_max: float
    journalist_avg: float
    nue: float
    discernibility: int
    avg_class_size: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def measure(
    class_of: Codes,
    keep: Mask,
    sensitive: Sequence[Codes],
    columns: Sequence[tuple[Codes, Codes]],
    k: int,
    population: int | None = None,
) -> Report:
    """Everything a risk report says, from classes, the kept mask, sensitive codes and,
    per quasi-identifier, (original codes, released codes)."""
    rows = len(class_of)
    released = int(keep.sum())
    kept_of, kept_classes = dense(class_of[keep], int(class_of.max(initial=0)) + 1)
    sizes = np.bincount(kept_of, minlength=kept_classes).astype(np.float64)
    scale = max(1.0, (population or rows) / max(rows, 1))
    lost = [nue(o, r, keep) for o, r in columns]
    worst = sum(w for _, w in lost)
    return Report(
        rows=rows,
        released=released,
        suppressed=rows - released,
        classes=kept_classes,
        k=int(sizes.min()) if kept_classes else 0,
        l=distinct_l(kept_of, [s[keep] for s in sensitive]) if kept_classes else 0,
        prosecutor_max=_ratio(1.0, sizes.min() if kept_classes else 0),
        prosecutor_avg=_ratio(kept_classes, released),
        journalist_max=_ratio(1.0, sizes.min() * scale if kept_classes else 0),
        journalist_avg=_ratio(kept_classes, released * scale),
        nue=round(sum(b for b, _ in lost) / worst, 6) if worst else 0.0,
        discernibility=int((sizes**2).sum()) + (rows - released) * rows,
        avg_class_size=round(_ratio(released, kept_classes * k), 4),
    )


def distinct_l(class_of: Codes, sensitive: Sequence[Codes]) -> int:
    """The smallest number of distinct values of any sensitive column in any class."""
    if not sensitive:
        return 0
    class_of, _ = dense(class_of, int(class_of.max(initial=0)) + 1)
    smallest = None
    for column in sensitive:
        width = int(column.max(initial=0)) + 1
        pairs, count = dense(
            *combine([class_of, column], [int(class_of.max(initial=0)) + 1, width])
        )
        first = np.zeros(count, dtype=np.int64)
        first[pairs] = class_of
        distinct = int(np.bincount(first).min())
        smallest = distinct if smallest is None else min(smallest, distinct)
    return int(smallest or 0)


def _ratio(part: float, whole: float) -> float:
    return round(float(part) / float(whole), 6) if whole else 0.0
