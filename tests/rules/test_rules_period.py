"""Retention periods: ISO 8601 parsing and calendar arithmetic."""

from datetime import date

import pytest

from rules.period import Period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P10Y", Period(years=10)),
        ("P6M", Period(months=6)),
        ("P3M", Period(months=3)),
        ("P2W", Period(weeks=2)),
        ("P5D", Period(days=5)),
        ("P0D", Period()),
        ("P1Y6M", Period(years=1, months=6)),
        ("P1Y2M3W4D", Period(years=1, months=2, weeks=3, days=4)),
    ],
)
def test_valid_period_parses(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "P",
        "10Y",
        "p10y",
        "P10y",
        "PT5H",
        "P1DT2H",
        "P1.5Y",
        "P-1Y",
        "-P1Y",
        " P1Y",
        "P1Y ",
        "P6M1Y",
        "P2X",
        "P١Y",
        "P1Y\n",
        "10 years",
    ],
)
def test_junk_and_time_parts_are_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="is not an ISO 8601 period"):
        Period.parse(text)


@pytest.mark.parametrize(
    ("text", "rendered"),
    [("P10Y", "P10Y"), ("P1Y6M", "P1Y6M"), ("P0D", "P0D"), ("P0Y", "P0D"), ("P2W", "P2W")],
)
def test_period_renders_back_as_iso(text: str, rendered: str) -> None:
    assert str(Period.parse(text)) == rendered


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("P10Y", date(2015, 3, 1), date(2025, 3, 1)),
        ("P1Y", date(2020, 2, 29), date(2021, 2, 28)),
        ("P4Y", date(2020, 2, 29), date(2024, 2, 29)),
        ("P1M", date(2021, 1, 31), date(2021, 2, 28)),
        ("P1M", date(2024, 1, 31), date(2024, 2, 29)),
        ("P6M", date(2024, 8, 31), date(2025, 2, 28)),
        ("P3M", date(2024, 11, 30), date(2025, 2, 28)),
        ("P1Y6M", date(2023, 8, 31), date(2025, 2, 28)),
        ("P2W", date(2024, 12, 25), date(2025, 1, 8)),
        ("P5D", date(2024, 2, 26), date(2024, 3, 2)),
        ("P5D", date(2023, 12, 29), date(2024, 1, 3)),
        ("P0D", date(2024, 5, 5), date(2024, 5, 5)),
        ("P1M1D", date(2024, 1, 31), date(2024, 3, 1)),
    ],
)
def test_period_after_uses_calendar_arithmetic(period: str, start: date, end: date) -> None:
    assert Period.parse(period).after(start) == end


def test_period_beyond_year_9999_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="out of range"):
        Period.parse("P10Y").after(date(9995, 1, 1))


def test_negative_period_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        Period(days=-1)
