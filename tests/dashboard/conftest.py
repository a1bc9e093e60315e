"""Dashboard fixtures: a real catalog (SQLite and PostgreSQL) with a scanned clinic and users."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from catalog.models import Decision, Disposition, Finding, Item, Source
from expunge import config as config_module
from expunge.app import App, open_app
from expunge.dashboard.app import create_app
from expunge.dashboard.settings import DashboardSettings
from expunge.dashboard.users import add_user

PASSWORD = "correct horse battery staple"
ROLES = ("admin", "officer", "researcher", "auditor")
EVIL = '<script>alert(1)</script>"onmouseover=alert(2) x="'
TODAY = "2026-11-25"


@dataclass
class Dash:
    """The dashboard under test, its App, and the clinic's secrets."""

    web: FastAPI
    app: App
    secrets: list[str]
    evil_item: int


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def add_evil_item(app: App) -> int:
    """An item whose name and masked sample carry markup, as a hostile file name could."""
    with app.runtime.catalog.session() as session:
        source = session.query(Source).filter_by(name="clinic").one()
        item = Item(source_id=source.id, key=f"inbox/{EVIL}.txt", kind="file", fingerprint="f")
        session.add(item)
        session.flush()
        session.add(Finding(item_id=item.id, entity_type="PERSON", count=1, score=0.9,
                            sample=f"{EVIL}**"))
        session.add(Decision(item_id=item.id, category="complaint", rule=f"rule {EVIL}",
                             action="delete", basis=EVIL))
        session.add(Disposition(item_id=item.id, action="delete", category="complaint",
                                rule=f"rule {EVIL}", fingerprint="f"))
        return item.id


@pytest.fixture
def dash(tmp_path: Path, catalog_url: str, clinic, cli) -> Iterator[Dash]:
    """A scanned and planned clinic, one user per role, and the dashboard over it."""
    cli("scan", expect=1)
    cli("plan", "--today", TODAY)
    config = config_module.load(str(cli.config))
    with open_app(config) as app:
        with app.runtime.catalog.session() as session:
            for role in ROLES:
                add_user(session, "test", role, role, PASSWORD)
        evil = add_evil_item(app)
        settings = DashboardSettings(secret_key="test-secret", page_size=3)
        yield Dash(create_app(app, settings), app, clinic.secrets, evil)


@pytest.fixture
async def anon(dash: Dash) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no session."""
    transport = httpx.ASGITransport(app=dash.web)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


async def login(client: httpx.AsyncClient, name: str, password: str = PASSWORD
                ) -> httpx.Response:
    """Sign in through the form, as a browser does."""
    token = csrf_of((await client.get("/login")).text)
    return await client.post("/login", data={"username": name, "password": password,
                                             "csrf_token": token})


@dataclass
class Session:
    """A signed-in client and its CSRF token."""

    client: httpx.AsyncClient
    csrf: str

    async def post(self, path: str, **data: object) -> httpx.Response:
        return await self.client.post(path, data={"csrf_token": self.csrf, **data})

    async def api(self, path: str, body: object | None = None) -> httpx.Response:
        return await self.client.post(path, json=body or {},
                                      headers={"X-CSRF-Token": self.csrf})


async def signed_in(dash: Dash, name: str) -> Session:
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=dash.web),
                               base_url="http://testserver")
    response = await login(client, name)
    assert response.status_code == 303, response.text
    me = (await client.get("/api/me")).json()
    return Session(client, me["csrf_token"])


@pytest.fixture
async def officer(dash: Dash) -> AsyncIterator[Session]:
    session = await signed_in(dash, "officer")
    yield session
    await session.client.aclose()


@pytest.fixture
async def researcher(dash: Dash) -> AsyncIterator[Session]:
    session = await signed_in(dash, "researcher")
    yield session
    await session.client.aclose()
