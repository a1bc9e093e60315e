"""The lattice search, Mondrian and the metrics, checked against brute force and pycanon."""

from __future__ import annotations

from itertools import product

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from pycanon import anonymity

from scanner import hierarchies as h
from scanner.kanon import AnonymityError, Lattice, Model, Quasi, anonymize, encode, row_classes
from scanner.metrics import distinct_l, entropy_loss, measure
from scanner.mondrian import mondrian

Ints = npt.NDArray[np.int64]


def quasi(name: str, values: Ints, chain: h.Hierarchy) -> Quasi:
    uniques, codes = np.unique(values, return_inverse=True)
    return encode(name, [int(v) for v in uniques], codes.reshape(-1), chain)


def table(shape: str, rows: int = 3000, seed: int = 4) -> tuple[list[Quasi], list[Ints]]:
    """Ages, sex, a region code (user hierarchy), a diagnosis; ``skewed`` piles most rows
    into one region and adds lone outliers."""
    rng = np.random.default_rng(seed)
    ages = rng.integers(18, 90, rows)
    sex = rng.integers(0, 2, rows)
    regions = rng.integers(0, 24, rows)
    diagnosis = rng.integers(0, 6, rows)
    if shape == "skewed":
        regions = np.where(rng.random(rows) < 0.8, 0, regions)
        ages[::150] = 101  # the only centenarians
        diagnosis = np.where(rng.random(rows) < 0.6, 0, diagnosis)
    region_chain = h.mapping("region", {str(r): [f"area{r // 4}", f"zone{r // 12}"]
                                        for r in range(24)})
    columns = [quasi("age", ages, h.numbers()), quasi("sex", sex, h.categories()),
               quasi("region", regions, region_chain)]
    if shape == "wide":
        columns.append(quasi("year", rng.integers(1990, 2020, rows), h.numbers([5, 10])))
    return columns, [diagnosis, rng.integers(0, 3, rows)]


def released(columns: list[Quasi], node: tuple[int, ...], keep: npt.NDArray[np.bool_],
             sensitive: list[Ints]) -> pd.DataFrame:
    frame = pd.DataFrame({q.name: np.array(q.labels[level], dtype=object)[q.maps[level][q.codes]]
                          for q, level in zip(columns, node, strict=True)})
    for i, column in enumerate(sensitive):
        frame[f"s{i}"] = column
    return frame[keep].reset_index(drop=True)


MODELS = [Model(5, 1, 0.0), Model(5, 2, 0.05), Model(10, 3, 0.02), Model(3, 2, 0.1)]


@pytest.mark.parametrize("shape", ["uniform", "skewed", "wide"])
@pytest.mark.parametrize("model", MODELS, ids=str)
def test_the_released_table_meets_k_and_l_by_pycanon(shape: str, model: Model) -> None:
    columns, sensitive = table(shape)
    sensitive = sensitive[:1] if model.l > 1 else []
    result = anonymize(columns, sensitive, model)
    frame = released(columns, result.node, result.keep, sensitive)
    names = [q.name for q in columns]
    assert anonymity.k_anonymity(frame, names) >= model.k
    if sensitive:
        assert anonymity.l_diversity(frame, names, ["s0"]) >= model.l
    assert (~result.keep).sum() <= model.max_suppression * len(result.keep)


def test_skewed_data_needs_suppression_and_gets_it_within_the_cap() -> None:
    columns, _ = table("skewed")
    result = anonymize(columns, [], Model(5, 1, 0.05))
    suppressed = int((~result.keep).sum())
    assert 0 < suppressed <= 150
    assert result.node[0] < columns[0].height  # ages are not withheld for 20 outliers


def test_l_diversity_holds_for_every_sensitive_column() -> None:
    columns, sensitive = table("uniform")
    result = anonymize(columns, sensitive, Model(5, 3, 0.05))
    frame = released(columns, result.node, result.keep, sensitive)
    names = [q.name for q in columns]
    assert anonymity.l_diversity(frame, names, ["s0", "s1"]) >= 3
    kept = result.class_of[result.keep]
    assert distinct_l(kept, [s[result.keep] for s in sensitive]) >= 3


@pytest.mark.parametrize("shape", ["uniform", "skewed"])
def test_the_search_finds_the_optimum_of_brute_force_with_fewer_checks(shape: str) -> None:
    columns, sensitive = table(shape)
    model = Model(5, 2, 0.03)
    result = anonymize(columns, sensitive[:1], model)
    lattice = Lattice(columns, sensitive[:1], model, (0, 0, 0))
    losses = {}
    for node in product(*(range(q.height + 1) for q in columns)):
        class_of, outcome = row_classes(lattice, node)
        if outcome.suppressed <= lattice.cap:
            losses[node] = entropy_loss(columns, node, ~outcome.failing[class_of])
    best = min(losses.values())
    assert entropy_loss(columns, result.node, result.keep) == pytest.approx(best)
    assert result.checked < len(list(product(*(range(q.height + 1) for q in columns))))


def test_no_feasible_node_is_a_clear_error() -> None:
    columns, sensitive = table("uniform", rows=20)
    with pytest.raises(AnonymityError, match="k=50"):
        anonymize(columns, sensitive, Model(50, 1, 0.0))


def test_weights_keep_the_detail_of_the_column_that_matters() -> None:
    columns, _ = table("uniform")
    plain = anonymize(columns, [], Model(10, 1, 0.01))
    columns[0].weight = 20.0
    weighted = anonymize(columns, [], Model(10, 1, 0.01))
    assert weighted.node[0] <= plain.node[0]


@pytest.mark.parametrize("shape", ["uniform", "skewed"])
def test_mondrian_partitions_are_k_anonymous_and_l_diverse(shape: str) -> None:
    columns, sensitive = table(shape)
    ordinals = [q.codes for q in columns]
    parts = mondrian(ordinals, 5, sensitive[:1], 2)
    frame = pd.DataFrame({f"q{i}": r for i, r in enumerate(parts.released)})
    frame["s0"] = sensitive[0]
    names = [f"q{i}" for i in range(len(columns))]
    assert anonymity.k_anonymity(frame, names) >= 5
    assert anonymity.l_diversity(frame, names, ["s0"]) >= 2


def test_risk_and_loss_figures_of_a_small_table() -> None:
    class_of = np.array([0, 0, 0, 1, 1, 1, 1, 2])
    keep = np.array([True] * 7 + [False])
    original = np.array([0, 1, 2, 3, 3, 4, 5, 6])
    report = measure(class_of, keep, [np.array([0, 1, 0, 1, 2, 1, 1, 0])],
                     [(original, class_of)], k=3, population=80)
    assert (report.rows, report.released, report.suppressed, report.classes) == (8, 7, 1, 2)
    assert report.k == 3 and report.l == 2
    assert report.prosecutor_max == pytest.approx(1 / 3, rel=1e-4)
    assert report.prosecutor_avg == pytest.approx(2 / 7, rel=1e-4)
    assert report.journalist_max == pytest.approx(1 / 30, rel=1e-4)
    assert report.discernibility == 9 + 16 + 8
    assert 0 < report.nue < 1


def test_a_lattice_too_large_to_walk_is_refused_up_front() -> None:
    rng = np.random.default_rng(1)
    columns = [quasi(f"d{i}", rng.integers(1900, 2000, 50), h.dates("year")) for i in range(9)]
    with pytest.raises(AnonymityError, match="too many quasi-identifiers"):
        anonymize(columns, [], Model(2))
