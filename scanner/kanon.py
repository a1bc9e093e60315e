"""k-anonymity with distinct l-diversity by an optimal search over a generalization lattice.

Global recoding: a *node* gives each quasi-identifier a hierarchy level. A node is feasible
when the records in equivalence classes smaller than ``k`` (or with fewer than ``l`` distinct
values of a sensitive column) number at most ``max_suppressed``; those classes are suppressed
(left out of the export). Feasibility is monotone (generalizing merges classes, which only
grow in size and diversity), so the search walks the lattice by height with predictive
tagging as in OLA/Flash: every generalization of a feasible node is feasible without a look,
and each untagged node's frequency set is rolled up from a predecessor's (Incognito), never
recomputed from the rows. The minimal feasible nodes are then measured on the rows and the
one losing least information (non-uniform entropy, suppressed records counting as ``*``)
wins. Everything is numpy over integer codes; values are never compared as strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product

import numpy as np
import numpy.typing as npt

from scanner.hierarchies import Hierarchy, HierarchyError

Codes = npt.NDArray[np.int64]
_SAFE_RADIX = 1 << 62
_COUNTING_SPAN = 1 << 22  # keys below this are grouped by counting, not sorting
MAX_NODES = 100_000  # lattices are walked in memory: about 8 quasi-identifiers of 4 levels


class AnonymityError(ValueError):
    """No node of the lattice satisfies the privacy model within the suppression cap."""


@dataclass
class Quasi:
    """One quasi-identifier: per-row codes of its distinct values and, per level, each
    distinct value's generalized code and the labels of those codes."""

    name: str
    codes: Codes
    maps: list[Codes]
    labels: list[list[str]]
    hierarchy: str
    weight: float = 1.0

    @property
    def height(self) -> int:
        return len(self.maps) - 1


def encode(
    name: str, values: Sequence[object], codes: Codes, hierarchy: Hierarchy, weight: float = 1.0
) -> Quasi:
    """A Quasi from the distinct values, the rows' codes into them, and a hierarchy."""
    maps: list[Codes] = []
    labels: list[list[str]] = []
    for level in range(hierarchy.height + 1):
        try:
            names = [hierarchy.label(v, level) for v in values]
        except HierarchyError as exc:
            raise HierarchyError(f"{name}: {exc}") from None
        index: dict[str, int] = {}
        maps.append(
            np.array([index.setdefault(n, len(index)) for n in names] or [0], dtype=np.int64)[
                : len(names)
            ]
        )
        labels.append(list(index))
    quasi = Quasi(name, codes.astype(np.int64, copy=False), maps, labels, hierarchy.name, weight)
    for level in range(quasi.height):
        _step(quasi, level)  # nesting is checked once, up front
    return quasi


def _step(quasi: Quasi, level: int) -> Codes:
    """Map of codes at ``level`` to codes at ``level + 1``; error if the hierarchy splits."""
    lower, upper = quasi.maps[level], quasi.maps[level + 1]
    step = np.full(len(quasi.labels[level]), -1, dtype=np.int64)
    step[lower] = upper
    if not np.array_equal(step[lower], upper):
        raise HierarchyError(
            f"{quasi.name}: level {level + 1} of its hierarchy splits a "
            f"level-{level} group (each label must have one parent)"
        )
    return step


def combine(columns: Sequence[Codes], radices: Sequence[int]) -> tuple[Codes, int]:
    """One int64 key per row for tuples of codes, and the key's span (re-densified before it
    could overflow)."""
    key = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    span = 1
    for column, radix in zip(columns, radices, strict=True):
        radix = max(radix, 1)
        if span * radix >= _SAFE_RADIX:
            key, span = dense(key, span)
        key = key * radix + column
        span *= radix
    return key, span


def dense(codes: Codes, span: int | None = None) -> tuple[Codes, int]:
    """Codes renumbered 0..n-1 (in order) and n: by counting when the span is small (no
    sort), else by sorting."""
    if span is not None and span <= max(_COUNTING_SPAN, 4 * len(codes)):
        present = np.bincount(codes, minlength=span) > 0
        renumber = np.cumsum(present) - 1
        return renumber[codes].astype(np.int64), int(renumber[-1]) + 1 if span else 0
    uniques, inverse = np.unique(codes, return_inverse=True)
    return inverse.astype(np.int64).reshape(-1), len(uniques)


@dataclass(frozen=True)
class Model:
    """The privacy model: k, distinct l over each sensitive column, the suppression cap."""

    k: int
    l: int = 1  # noqa: E741  (the model's own name)
    max_suppression: float = 0.0


@dataclass
class Frequencies:
    """A frequency set: per group of identical rows, its code per quasi-identifier (at the
    lattice's bottom) and per sensitive column, and how many rows it holds."""

    quasi: list[Codes]
    sensitive: list[Codes]
    counts: Codes


@dataclass
class Outcome:
    """A node's classes: class of each group, class sizes, and which classes fail."""

    suppressed: int
    failing: npt.NDArray[np.bool_]
    class_of: Codes
    sizes: Codes


def classes(
    freq: Frequencies,
    quasi: Sequence[Quasi],
    node: Sequence[int],
    model: Model,
    base: Sequence[int],
) -> Outcome:
    """Group a frequency set (coded at levels ``base``) into the classes of ``node`` and find
    those breaking the model."""
    columns = [lift(q, b, h)[c] for q, b, h, c in zip(quasi, base, node, freq.quasi, strict=True)]
    class_of, count = dense(
        *combine(columns, [len(q.labels[h]) for q, h in zip(quasi, node, strict=True)])
    )
    sizes = np.bincount(class_of, weights=freq.counts, minlength=count).astype(np.int64)
    failing = sizes < model.k
    for column in freq.sensitive if model.l > 1 else []:
        width = int(column.max(initial=0)) + 1
        pairs, _ = dense(*combine([class_of, column], [count, width]))
        first = np.zeros(int(pairs.max(initial=-1)) + 1, dtype=np.int64)
        first[pairs] = class_of
        distinct = np.bincount(first, minlength=count)
        failing |= distinct < model.l
    return Outcome(int(sizes[failing].sum()), failing, class_of, sizes)


def lift(quasi: Quasi, low: int, high: int) -> Codes:
    """Map of codes at level ``low`` to codes at level ``high``."""
    if low == 0:
        return quasi.maps[high]
    step = np.arange(len(quasi.labels[low]), dtype=np.int64)
    for level in range(low, high):
        step = _step(quasi, level)[step]
    return step


def aggregate(quasi: list[Codes], sensitive: list[Codes], radices: Sequence[int]) -> Frequencies:
    """Merge identical (quasi, sensitive) rows, counting them."""
    groups, size = dense(*combine(quasi + sensitive, radices))
    first = np.zeros(size, dtype=np.int64)
    first[groups] = np.arange(len(groups))  # any row of the group will do
    counts = np.bincount(groups, minlength=size).astype(np.int64)
    return Frequencies([c[first] for c in quasi], [c[first] for c in sensitive], counts)


Node = tuple[int, ...]


@dataclass
class Lattice:
    """The search state: quasi-identifiers, sensitive codes, model, what is known of nodes."""

    quasi: list[Quasi]
    sensitive: list[Codes]
    model: Model
    minimum: Node
    feasible: set[Node] = field(default_factory=set)
    infeasible: set[Node] = field(default_factory=set)
    checked: int = 0
    _bottom: Frequencies | None = None

    @property
    def rows(self) -> int:
        return len(self.quasi[0].codes) if self.quasi else 0

    @property
    def cap(self) -> int:
        return int(self.model.max_suppression * self.rows + 1e-9)

    def nodes(self) -> list[Node]:
        """Every node from ``minimum`` up."""
        ranges = [range(m, q.height + 1) for m, q in zip(self.minimum, self.quasi, strict=True)]
        return list(product(*ranges))

    def bottom(self) -> Frequencies:
        """The frequency set at ``minimum``, from the rows (computed once)."""
        if self._bottom is None:
            pairs = list(zip(self.quasi, self.minimum, strict=True))
            columns = [q.maps[h][q.codes] for q, h in pairs]
            radices = [len(q.labels[h]) for q, h in pairs]
            radices += [int(s.max(initial=0)) + 1 for s in self.sensitive]
            self._bottom = aggregate(columns, list(self.sensitive), radices)
        return self._bottom

    def check(self, node: Node) -> bool:
        """Evaluate one node and tag what monotonicity then says of others."""
        self.checked += 1
        outcome = classes(self.bottom(), self.quasi, node, self.model, self.minimum)
        feasible = outcome.suppressed <= self.cap
        (self.feasible if feasible else self.infeasible).add(node)
        return feasible

    def known(self, node: Node) -> bool:
        """Whether tagging already settles ``node``."""
        return any(_le(f, node) for f in self.feasible) or any(
            _le(node, i) for i in self.infeasible
        )

    def is_feasible(self, node: Node) -> bool:
        return any(_le(f, node) for f in self.feasible)


def _le(low: Node, high: Node) -> bool:
    return all(a <= b for a, b in zip(low, high, strict=True))


def search(lattice: Lattice) -> list[Node]:
    """The minimal feasible nodes: OLA/Flash-style binary search over heights, each checked
    node tagging its generalizations (feasible) or specializations (infeasible)."""
    unsettled = lattice.nodes()
    while unsettled:
        heights = sorted({sum(n) for n in unsettled})
        middle = heights[len(heights) // 2]
        for node in (n for n in unsettled if sum(n) == middle):
            if not lattice.known(node):
                lattice.check(node)
        unsettled = [n for n in unsettled if not lattice.known(n)]
    return sorted(
        n
        for n in lattice.nodes()
        if lattice.is_feasible(n)
        and not any(lattice.is_feasible(p) for p in _predecessors(n, lattice.minimum))
    )


def _predecessors(node: Node, minimum: Node) -> list[Node]:
    return [
        node[:i] + (node[i] - 1,) + node[i + 1 :] for i in range(len(node)) if node[i] > minimum[i]
    ]


@dataclass
class Result:
    """The chosen node and, per row, whether it is kept and its equivalence class."""

    node: Node
    keep: npt.NDArray[np.bool_]
    class_of: Codes
    checked: int
    minimal: int


def row_classes(lattice: Lattice, node: Node) -> tuple[Codes, Outcome]:
    """Each row's class at ``node`` and the node's outcome (on the rows themselves)."""
    freq = Frequencies(
        [q.codes for q in lattice.quasi],
        list(lattice.sensitive),
        np.ones(lattice.rows, dtype=np.int64),
    )
    outcome = classes(freq, lattice.quasi, node, lattice.model, [0] * len(node))
    return outcome.class_of, outcome


def anonymize(
    quasi: list[Quasi], sensitive: list[Codes], model: Model, minimum: Sequence[int] | None = None
) -> Result:
    """The feasible node losing least information, with its kept rows and classes."""
    from scanner.metrics import entropy_loss

    if model.k < 1 or model.l < 1 or not 0 <= model.max_suppression < 1:
        raise AnonymityError("k and l must be at least 1, max_suppression in [0, 1)")
    size = math.prod(q.height + 1 for q in quasi)
    if size > MAX_NODES:
        raise AnonymityError(f"{size} generalization combinations: too many quasi-identifiers "
                             f"or levels (at most {MAX_NODES}); fix some with a coarser start")
    lattice = Lattice(quasi, sensitive, model, tuple(minimum or (0,) * len(quasi)))
    minimal = search(lattice)
    if not minimal:
        raise AnonymityError(
            f"no generalization reaches k={model.k}, l={model.l} within "
            f"{lattice.cap} suppressed records"
        )
    best: tuple[float, Node, Codes, npt.NDArray[np.bool_]] | None = None
    for node in minimal:
        class_of, outcome = row_classes(lattice, node)
        keep = ~outcome.failing[class_of]
        loss = entropy_loss(quasi, node, keep)
        if best is None or (loss, node) < best[:2]:
            best = (loss, node, class_of, keep)
    assert best is not None
    return Result(best[1], best[3], best[2], lattice.checked, len(minimal))
