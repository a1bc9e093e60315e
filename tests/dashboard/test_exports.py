"""Research exports in the dashboard: a researcher requests, the officer reviews the risk
report and decides, the researcher downloads; nothing before approval, every step audited."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import anyio
import pytest
import yaml

from expunge import config as config_module
from expunge.app import open_app
from expunge.dashboard.app import create_app
from expunge.dashboard.settings import DashboardSettings
from expunge.dashboard.users import add_user
from tests.dashboard.conftest import PASSWORD, Dash, Session, signed_in
from tests.research_data import KEY, PROFILES, create_table, research_rows

pytestmark = pytest.mark.anyio
PROFILE = yaml.safe_dump(PROFILES["issue"] | {"k": 3, "l": 2}, allow_unicode=True)


@pytest.fixture
def research(tmp_path: Path, catalog_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dash]:
    """A database source with the research table, one user per role and a second researcher."""
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    rows = research_rows("uniform", 200)
    create_table(url, rows)
    path = tmp_path / "expunge.yaml"
    path.write_text(yaml.safe_dump({
        "catalog": catalog_url, "sources": [{"name": "emr", "kind": "database", "url": url}],
        "exports_dir": str(tmp_path / "exports")}), encoding="utf-8")
    with open_app(config_module.load(str(path))) as app:
        with app.runtime.catalog.session() as session:
            for name in ("admin", "officer", "researcher", "auditor", "researcher2"):
                add_user(session, "test", name, name.rstrip("2"), PASSWORD)
        settings = DashboardSettings(secret_key="test-secret", page_size=3)
        secrets = [str(r[c]) for r in rows for c in ("patient_no", "rrn", "phone")]
        yield Dash(create_app(app, settings), app, secrets, 0)


async def _signed(dash: Dash, name: str) -> AsyncIterator[Session]:
    session = await signed_in(dash, name)
    yield session
    await session.client.aclose()


@pytest.fixture
async def scientist(research: Dash) -> AsyncIterator[Session]:
    async for session in _signed(research, "researcher"):
        yield session


@pytest.fixture
async def reviewer(research: Dash) -> AsyncIterator[Session]:
    async for session in _signed(research, "officer"):
        yield session


async def requested(session: Session, dash: Dash, **form: str) -> int:
    """Submit the request form; wait for the embedded worker to build it; its id."""
    response = await session.post("/exports", source="emr", table="research_visits",
                                  purpose="outcome study", profile=PROFILE, **form)
    assert response.status_code == 303, response.text
    export_id = int(response.headers["location"].rsplit("/", 1)[1])
    deadline = time.monotonic() + 60
    while "export_building" in (state := await _state(session, export_id)) \
            or "export_requested" in state:
        assert time.monotonic() < deadline
        await anyio.sleep(0.1)
    return export_id


async def _state(session: Session, export_id: int) -> str:
    session.client.cookies.set("expunge_lang", "en")
    page = (await session.client.get(f"/exports/{export_id}")).text
    for key, label in (("built", "Awaiting review"), ("approved", "Approved"),
                       ("failed", "Failed"), ("building", "Being built"),
                       ("requested", "Requested")):
        if f'id="export-state">{label}' in page:
            return f"export_{key}"
    return page


async def test_a_researcher_requests_the_officer_approves_then_the_data_is_released(
    research: Dash, scientist: Session, reviewer: Session
) -> None:
    export_id = await requested(scientist, research)
    report = await reviewer.client.get(f"/exports/{export_id}")
    assert report.status_code == 200 and 'id="approve-export"' in report.text
    assert 'id="report"' in report.text and "k / l" in report.text

    early = await scientist.client.get(f"/exports/{export_id}/download/data.csv")
    assert early.status_code == 409
    assert (await scientist.post(f"/exports/{export_id}/approve")).status_code == 403

    decided = await reviewer.post(f"/exports/{export_id}/approve", reason="IRB 2026-17")
    assert decided.status_code == 303
    data = await scientist.client.get(f"/exports/{export_id}/download/data.csv")
    assert data.status_code == 200
    rows = list(csv.DictReader(io.StringIO(data.text)))
    assert rows and all(r["patient_no"].startswith("psn_") for r in rows)
    assert not [s for s in research.secrets if s in data.text]
    assert (await scientist.client.get(f"/exports/{export_id}/download/report.json")
            ).json()["achieved"]["k"] >= 3

    trail = (await reviewer.client.get("/api/audit", params={"subject": f"export:{export_id}"}
                                       )).json()["rows"]
    actions = {(e["action"], e["actor"]) for e in trail}
    assert {("export.requested", "researcher"), ("export.built", "worker"),
            ("export.approved", "officer"), ("export.downloaded", "researcher")} <= actions


async def test_a_rejected_export_is_never_released_and_others_cannot_see_it(
    research: Dash, scientist: Session, reviewer: Session
) -> None:
    export_id = await requested(scientist, research)
    assert (await reviewer.post(f"/exports/{export_id}/reject", reason="")).status_code == 303
    assert await _state(scientist, export_id) == "export_built"  # a rejection needs a reason
    await reviewer.post(f"/exports/{export_id}/reject", reason="too detailed")
    gone = await scientist.client.get(f"/exports/{export_id}/download/data.csv")
    assert gone.status_code == 409
    async for other in _signed(research, "researcher2"):
        assert (await other.client.get(f"/exports/{export_id}")).status_code == 404
        listing = (await other.client.get("/exports")).text
        assert f'href="/exports/{export_id}"' not in listing
    async for auditor in _signed(research, "auditor"):
        assert (await auditor.client.get("/exports")).status_code == 403


async def test_a_bad_profile_is_refused_with_the_field_named(
    research: Dash, scientist: Session
) -> None:
    response = await scientist.post("/exports", source="emr", table="research_visits",
                                    profile="k: 0\ncolumns: {sex: {role: quasi, drop: true}}")
    assert response.status_code == 303 and response.headers["location"] == "/exports"
    page = (await scientist.client.get("/exports")).text
    assert "k:" in page and "columns.sex" in page


async def test_a_profile_can_be_uploaded(research: Dash, scientist: Session) -> None:
    response = await scientist.client.post(
        "/exports", data={"csrf_token": scientist.csrf, "source": "emr",
                          "table": "research_visits"},
        files={"upload": ("profile.yaml", PROFILE.encode(), "application/yaml")})
    assert response.status_code == 303 and "/exports/" in response.headers["location"]


async def test_the_exports_page_lists_requests_in_both_languages(
    research: Dash, scientist: Session
) -> None:
    await requested(scientist, research)
    for lang, title in (("en", "Research exports"), ("ko", "연구용 반출")):
        scientist.client.cookies.set("expunge_lang", lang)
        page = await scientist.client.get("/exports")
        assert page.status_code == 200 and title in page.text
