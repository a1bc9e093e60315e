"""Mondrian multidimensional partitioning (LeFevre et al. 2006): the baseline to beat.

Strict partitioning over ordinal codes: a partition is cut at the (weighted) median of its
widest dimension, relative to the whole table, while both halves keep at least ``k`` rows
(and ``l`` distinct values of each sensitive column). Each released value is the range of
its partition in that dimension. Works on distinct tuples with counts, so repeated rows cost
nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scanner.kanon import Codes, combine, dense


@dataclass
class Partitioning:
    """Each row's partition and, per dimension, each row's released range as a code."""

    class_of: Codes
    released: list[Codes]


@dataclass
class _Table:
    points: Codes  # groups × dimensions
    weights: Codes
    sensitive: list[Codes]
    k: int
    l: int  # noqa: E741

    def allowed(self, part: Codes) -> bool:
        if int(self.weights[part].sum()) < self.k:
            return False
        return (
            all(len(np.unique(s[part])) >= self.l for s in self.sensitive) if self.l > 1 else True
        )

    def split(self, part: Codes, spans: Codes) -> tuple[Codes, Codes] | None:
        """Two allowed halves of ``part``, trying its widest dimensions first."""
        block = self.points[part]
        widths = (block.max(axis=0) - block.min(axis=0)) / spans
        for dim in np.argsort(-widths, kind="stable"):
            if widths[dim] == 0:
                break
            halves = self._halves(part, block[:, dim])
            if halves is not None:
                return halves
        return None

    def _halves(self, part: Codes, values: Codes) -> tuple[Codes, Codes] | None:
        uniques, inverse = np.unique(values, return_inverse=True)
        cumulative = np.cumsum(np.bincount(inverse.reshape(-1), weights=self.weights[part]))
        cut = int(np.searchsorted(cumulative, cumulative[-1] / 2))
        cut = min(cut, len(uniques) - 2)
        left = values <= uniques[cut]
        halves = part[left], part[~left]
        return halves if all(self.allowed(h) for h in halves) else None


def mondrian(ordinals: Sequence[Codes], k: int, sensitive: Sequence[Codes] = (),
             diversity: int = 1) -> Partitioning:
    """Partition rows (ordinal codes per dimension) into k-anonymous, l-diverse boxes."""
    radices = [int(c.max(initial=0)) + 1 for c in (*ordinals, *sensitive)]
    _, first, groups = np.unique(
        combine([*ordinals, *sensitive], radices)[0], return_index=True, return_inverse=True
    )
    groups = groups.reshape(-1)
    points = np.stack([c[first] for c in ordinals], axis=1)
    table = _Table(
        points, np.bincount(groups).astype(np.int64), [s[first] for s in sensitive], k, diversity
    )
    spans = np.maximum(points.max(axis=0) - points.min(axis=0), 1).astype(np.float64)
    leaf_of = np.zeros(len(first), dtype=np.int64)
    stack, leaves = [np.arange(len(first))], 0
    while stack:
        part = stack.pop()
        halves = table.split(part, spans)
        if halves is None:
            leaf_of[part] = leaves
            leaves += 1
        else:
            stack.extend(halves)
    released = [_ranges(points[:, d], leaf_of, leaves)[groups] for d in range(points.shape[1])]
    return Partitioning(leaf_of[groups], released)


def _ranges(values: Codes, leaf_of: Codes, leaves: int) -> Codes:
    """Per group, a code for its leaf's (min, max) in one dimension."""
    low = np.full(leaves, np.iinfo(np.int64).max)
    high = np.full(leaves, -1)
    np.minimum.at(low, leaf_of, values)
    np.maximum.at(high, leaf_of, values)
    codes, _ = dense(*combine([low[leaf_of], high[leaf_of]], [int(values.max(initial=0)) + 1] * 2))
    return codes
