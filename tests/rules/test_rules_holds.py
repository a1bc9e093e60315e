"""Which legal holds cover an item."""

from datetime import UTC, datetime

import pytest

from rules import HoldSpec, ItemFacts, holds_covering

ITEM = ItemFacts("charts", "2019/rx/a.pdf", "file", datetime(2019, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("hold", "covers"),
    [
        (HoldSpec(1, "investigation"), True),
        (HoldSpec(2, "dispute", source="charts"), True),
        (HoldSpec(3, "dispute", source="archive"), False),
        (HoldSpec(4, "dispute", path="2019/**"), True),
        (HoldSpec(5, "dispute", path="2020/**"), False),
        (HoldSpec(6, "dispute", source="charts", path="**/rx/**"), True),
        (HoldSpec(7, "dispute", source="archive", path="**/rx/**"), False),
    ],
)
def test_hold_covers_item_by_source_and_path(hold: HoldSpec, covers: bool) -> None:
    assert holds_covering(ITEM, [hold]) == ([hold] if covers else [])


def test_holds_covering_keeps_the_given_order() -> None:
    holds = [HoldSpec(9, "b"), HoldSpec(3, "x", source="other"), HoldSpec(1, "a")]
    assert [hold.id for hold in holds_covering(ITEM, holds)] == [9, 1]


@pytest.mark.parametrize("path", ["", "/srv/charts/**"])
def test_hold_with_an_unusable_path_cannot_be_built(path: str) -> None:
    with pytest.raises(ValueError):
        HoldSpec(1, "dispute", path=path)
