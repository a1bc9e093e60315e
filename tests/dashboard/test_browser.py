"""A real browser (Debian's chromium, headless) through the officer's day; screenshots kept.

Screenshots go to $EXPUNGE_SCREENSHOTS (default: the test's tmp dir); when that variable is
set, the overview is also copied to docs/dashboard.png for the README.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright

from expunge.dashboard.settings import SCREENSHOTS_ENV, screenshots_dir
from tests.dashboard.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
DOCS_SHOT = Path(__file__).parents[2] / "docs" / "dashboard.png"


@pytest.fixture
def catalog_url(tmp_path: Path) -> str:
    """One backend is enough for the browser: the API tests cover both."""
    return f"sqlite:///{tmp_path / 'catalog.db'}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(dash) -> Iterator[str]:
    """The dashboard served by uvicorn on a loopback port, in a thread."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(dash.web, host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def page(server: str) -> Iterator[Page]:
    assert Path(CHROMIUM).exists(), "apt-get install -y chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
        context = browser.new_context(base_url=server, viewport={"width": 1440, "height": 900},
                                      locale="en-US")
        tab = context.new_page()
        tab.on("dialog", lambda dialog: dialog.accept())
        yield tab
        browser.close()


class Shots:
    """Saves one full-page screenshot per step."""

    def __init__(self, page: Page, directory: Path) -> None:
        self.page, self.directory = page, directory
        directory.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str) -> Path:
        path = self.directory / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def test_an_officer_works_through_the_dashboard_in_a_browser(page: Page, dash,
                                                              tmp_path: Path) -> None:
    shot = Shots(page, screenshots_dir(tmp_path / "screenshots"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    shot("login")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.locator("svg")).to_have_count(3)
    overview = shot("overview")
    if os.environ.get(SCREENSHOTS_ENV):
        DOCS_SHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(overview, DOCS_SHOT)
    page.click("header button[name=lang]")
    expect(page.locator("h1")).to_have_text("개요")
    shot("overview-ko")
    page.click("header button[name=lang]")
    expect(page.locator("h1")).to_have_text("Overview")

    page.click("nav >> text=Findings")
    page.select_option("select[name=entity]", "KR_RRN")
    page.click("#findings-filter button[type=submit]")
    expect(page).to_have_url(re.compile(r"entity=KR_RRN"))
    types = page.locator("#findings tbody tr td:nth-child(4)").all_inner_texts()
    assert types and set(types) == {"KR_RRN"}
    shot("findings")
    page.click("#findings tbody tr:first-child a")
    expect(page.locator("h2", has_text="History")).to_be_visible()
    shot("item")

    page.click("nav >> text=Dispositions")
    row = page.locator("tr", has_text="rx/old-rx.txt")
    row.locator("input[name=ids]").check()
    page.fill("#reason", "retention period ended")
    page.click("button[value=approve]")
    expect(page.locator(".flash")).to_contain_text("Approved")
    shot("dispositions")
    page.goto("/dispositions?state=approved")
    expect(page.locator("tr", has_text="rx/old-rx.txt")).to_contain_text("officer")
    page.click("#enforce")
    expect(page.locator(".flash")).to_contain_text("run")

    page.click("nav >> text=Legal holds")
    page.fill("#add-hold input[name=reason]", "dispute 2026-17")
    page.fill("#add-hold input[name=path]", "charts/**")
    page.click("#add-hold button[type=submit]")
    expect(page.locator("#holds")).to_contain_text("dispute 2026-17")
    shot("holds")
    page.locator("#holds tr", has_text="dispute 2026-17").locator("button").click()
    expect(page.locator(".flash")).to_contain_text("Hold released")
    expect(page.locator("#holds")).not_to_contain_text("dispute 2026-17")

    page.click("nav >> text=Scans")
    shot("scans")
    page.click("nav >> text=Audit log")
    page.click("#verify")
    expect(page.locator("#verification")).to_contain_text("Audit chain intact")
    expect(page.locator("#audit")).to_contain_text("hold.released")
    shot("audit")

    dash.app.dispatcher.wait(lambda: False, timeout=60)
    page.click("nav >> text=Certificates")
    page.locator("table a").first.click()
    expect(page.locator("body")).to_contain_text("rx/old-rx.txt")
    shot("certificate")
    page.click("#logout")
    expect(page).to_have_url(re.compile(r"/login$"))
    assert {p.stem for p in shot.directory.glob("*.png")} >= {
        "login", "overview", "overview-ko", "findings", "item", "dispositions", "holds", "scans",
        "audit", "certificate"}
