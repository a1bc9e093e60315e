"""A real browser through a research export: requested by a researcher, approved by the
officer after reading the risk report, downloaded by the researcher."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from expunge.dashboard.settings import screenshots_dir
from tests.dashboard.conftest import PASSWORD, Dash
from tests.dashboard.test_browser import Shots, catalog_url, page, server  # noqa: F401
from tests.dashboard.test_exports import research  # noqa: F401


@pytest.fixture
def dash(research: Dash) -> Iterator[Dash]:  # noqa: F811  (the browser serves this one)
    yield research


def sign_in(tab: Page, name: str) -> None:
    tab.goto("/login")
    tab.fill("input[name=username]", name)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    expect(tab.locator("h1")).to_have_text("Overview")


def sign_out(tab: Page) -> None:
    tab.context.clear_cookies()


def test_a_research_export_goes_from_request_to_download_in_a_browser(
    page: Page, tmp_path: Path  # noqa: F811
) -> None:
    shot = Shots(page, screenshots_dir(tmp_path / "screenshots"))
    sign_in(page, "researcher")
    page.click("nav >> text=Research exports")
    page.fill("#request-export input[name=table]", "research_visits")
    page.fill("#request-export input[name=purpose]", "outcome study")
    page.fill("#request-export textarea[name=profile]",
              "k: 3\nl: 2\ncolumns:\n  patient_no: {role: identifier, pseudonymize: true}\n"
              "  birth_date: {role: quasi, generalize: year}\n  sex: quasi\n"
              "  address: {role: quasi, generalize: address}\n  diagnosis: sensitive\n")
    shot("export-request")
    page.click("#request-export button[type=submit]")
    for _ in range(100):
        if page.locator("#export-state").inner_text() == "Awaiting review":
            break
        page.wait_for_timeout(200)
        page.reload()
    expect(page.locator("#export-state")).to_have_text("Awaiting review")
    expect(page.locator("#downloads")).to_have_count(0)
    url = page.url

    sign_out(page)
    sign_in(page, "officer")
    page.goto(url)
    expect(page.locator("#report")).to_contain_text("k / l")
    shot("export-review")
    page.fill("#export-reason", "IRB 2026-17")
    page.click("#approve-export")
    expect(page.locator("#export-state")).to_have_text("Approved")

    sign_out(page)
    sign_in(page, "researcher")
    page.goto(url)
    with page.expect_download() as info:
        page.click("#downloads a >> nth=0")
    saved = tmp_path / "data.csv"
    info.value.save_as(saved)
    with saved.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == ["patient_no", "birth_date", "sex", "address", "diagnosis"]
    shot("export-approved")
