"""Generalization hierarchies: each level coarser than the last, labels that nest."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pytest

from scanner import hierarchies as h
from scanner.kanon import encode


@pytest.mark.parametrize(("value", "labels"), [
    (date(1985, 3, 2), ["1985-03-02", "1985-03", "1985-Q1", "1985", "1985-1989", "1980-1989",
                        "*"]),
    ("1999-12-31", ["1999-12-31", "1999-12", "1999-Q4", "1999", "1995-1999", "1990-1999", "*"]),
    (datetime(2001, 7, 4, 10, 30), ["2001-07-04", "2001-07", "2001-Q3", "2001", "2000-2004",
                                    "2000-2009", "*"]),
])
def test_dates_climb_from_day_to_decade(value: object, labels: list[str]) -> None:
    chain = h.dates()
    assert [chain.label(value, level) for level in range(chain.height + 1)] == labels


def test_a_date_hierarchy_can_start_at_the_year() -> None:
    chain = h.named("year")
    assert [chain.label("1985-03-02", n) for n in range(chain.height + 1)] == [
        "1985", "1985-1989", "1980-1989", "*"]


@pytest.mark.parametrize(("value", "labels"), [
    (37, ["37", "35-39", "30-39", "20-39", "*"]),
    ("64", ["64", "60-64", "60-69", "60-79", "*"]),
])
def test_ages_fall_into_5_10_and_20_year_bands(value: object, labels: list[str]) -> None:
    chain = h.named("age")
    assert [chain.label(value, n) for n in range(chain.height + 1)] == labels


def test_bands_must_nest() -> None:
    with pytest.raises(h.HierarchyError, match="divide"):
        h.numbers([5, 8])


@pytest.mark.parametrize(("address", "district", "province"), [
    ("서울특별시 강남구 테헤란로 152", "서울특별시 강남구", "서울특별시"),
    ("서울 서초구 반포대로 58", "서울특별시 서초구", "서울특별시"),
    ("경기도 성남시 분당구 판교역로 235", "경기도 성남시", "경기도"),
    ("부산광역시 해운대구 우동 1408", "부산광역시 해운대구", "부산광역시"),
    ("제주특별자치도 서귀포시 중문관광로 72", "제주특별자치도 서귀포시", "제주특별자치도"),
    ("Số 12 đường Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh", "quận 1, Hồ Chí Minh",
     "Hồ Chí Minh"),
    ("Số 3 Phố Huế, quận Hai Bà Trưng, Hà Nội", "quận Hai Bà Trưng, Hà Nội", "Hà Nội"),
    ("thôn 2, xã Tân Hội, huyện Đức Trọng, tỉnh Lâm Đồng", "huyện Đức Trọng, Lâm Đồng",
     "Lâm Đồng"),
    ("221 Baker Street, London NW1 6XE", "*", "*"),  # not recognised: withheld
])
def test_addresses_generalize_to_district_then_province(address: str, district: str,
                                                        province: str) -> None:
    chain = h.addresses()
    assert chain.label(address, 1) == district
    assert chain.label(address, 2) == province
    assert chain.label(address, 3) == "*"
    assert province in address or province in district


def test_postcodes_lose_one_digit_per_level() -> None:
    chain = h.postcodes()
    assert [chain.label("06236", n) for n in range(chain.height + 1)] == [
        "06236", "0623*", "062**", "06***", "0****", "*"]


def test_a_user_defined_mapping_withholds_what_it_does_not_name() -> None:
    chain = h.mapping("clinic", {"강남": ["서울 동남권", "서울"], "서초": ["서울 동남권", "서울"]})
    assert [chain.label("강남", n) for n in range(chain.height + 1)] == [
        "강남", "서울 동남권", "서울", "*"]
    assert chain.label("부산", 1) == "*"


def test_missing_values_stay_missing_below_the_top() -> None:
    assert h.dates().label(None, 2) == ""
    assert h.dates().label(None, 6) == "*"


def test_a_mapping_that_splits_a_group_is_refused() -> None:
    chain = h.mapping("bad", {"a": ["x", "p"], "b": ["x", "q"]})
    with pytest.raises(h.HierarchyError, match="splits"):
        encode("bad", ["a", "b"], np.array([0, 1]), chain)


def test_a_date_column_with_a_non_date_is_named_not_quoted() -> None:
    with pytest.raises(h.HierarchyError) as error:
        encode("birth_date", ["1985-03-02", "홍길동"], np.array([0, 1]), h.dates())
    assert "birth_date" in str(error.value) and "홍길동" not in str(error.value)


@pytest.mark.parametrize(("values", "kind"), [
    ([date(1990, 1, 1), None], "date"), (["1990-01-01", "2001-02-03"], "date"),
    ([31, 45], "number"), (["31", "45"], "number"), (["F", "M"], "category"),
])
def test_the_hierarchy_is_guessed_from_values(values: list[object], kind: str) -> None:
    assert h.guess(values) == kind
