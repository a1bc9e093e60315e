"""The JSON API and the pages' data: keyset pages, filters, actions, and their audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from expunge import config as config_module
from expunge.app import open_app
from expunge.dashboard.app import create_app
from expunge.dashboard.settings import DashboardSettings
from tests.dashboard.conftest import Dash, signed_in

pytestmark = pytest.mark.anyio


async def audit_actions(session, **filters: str) -> list[dict]:
    return (await session.client.get("/api/audit", params=filters)).json()["rows"]


async def test_findings_pages_follow_keyset_cursors_without_gaps_or_repeats(officer) -> None:
    seen: list[int] = []
    after = None
    while True:
        page = (await officer.client.get("/api/findings",
                                         params={"after": after} if after else {})).json()
        seen += [r["id"] for r in page["rows"]]
        assert len(page["rows"]) <= 3
        after = page["next_after"]
        if after is None:
            break
    assert len(seen) >= 6 and seen == sorted(seen, reverse=True) and len(set(seen)) == len(seen)
    back = (await officer.client.get("/api/findings", params={"before": seen[3]})).json()
    assert [r["id"] for r in back["rows"]] == seen[:3]


async def test_findings_filter_by_source_type_category_and_search(officer) -> None:
    rrn = (await officer.client.get("/api/findings", params={"entity": "KR_RRN"})).json()
    assert rrn["rows"] and {r["entity_type"] for r in rrn["rows"]} == {"KR_RRN"}
    rx = (await officer.client.get("/api/findings", params={"category": "prescription"})).json()
    assert rx["rows"] and all(r["item"].startswith("rx/") for r in rx["rows"])
    found = (await officer.client.get("/api/findings", params={"q": "old-ch"})).json()
    assert {r["item"] for r in found["rows"]} == {"charts/old-chart.txt"}
    none = (await officer.client.get("/api/findings", params={"source": "elsewhere"})).json()
    assert none["rows"] == []
    later = (await officer.client.get("/api/findings", params={"since": "2999-01-01"})).json()
    assert later["rows"] == []
    page = await officer.client.get("/findings", params={"entity": "KR_RRN", "since": "bad"})
    assert page.status_code == 200 and "KR_RRN" in page.text


async def test_every_view_of_findings_is_an_audit_event(officer) -> None:
    await officer.client.get("/findings", params={"entity": "KR_RRN"})
    item = (await officer.client.get("/api/findings")).json()["rows"][0]["item_id"]
    await officer.client.get(f"/items/{item}")
    events = await audit_actions(officer, actor="officer")
    actions = [e["action"] for e in events]
    assert "findings.viewed" in actions and "item.viewed" in actions and "user.login" in actions
    viewed = next(e for e in events if e["action"] == "findings.viewed" and "KR_RRN"
                  in e["details"])
    assert viewed["subject"] == "dashboard"


async def test_an_officer_approves_a_disposition_with_a_reason(dash, officer) -> None:
    proposed = (await officer.client.get("/api/dispositions")).json()["rows"]
    target = next(d for d in proposed if d["item"] == "rx/old-rx.txt")
    assert (await officer.api("/api/dispositions/approve",
                              {"ids": [target["id"]], "reason": ""})).status_code == 422
    result = (await officer.api("/api/dispositions/approve",
                                {"ids": [target["id"]], "reason": "expired"})).json()
    assert result == {"done": [target["id"]], "problems": []}
    again = (await officer.api("/api/dispositions/approve",
                               {"ids": [target["id"]], "reason": "again"})).json()
    assert again["done"] == [] and "only proposed" in again["problems"][0]
    [event] = await audit_actions(officer, action="disposition.approved")
    assert event["actor"] == "officer" and '"reason":"expired"' in event["details"]


async def test_bulk_reject_from_the_queue_page(dash, officer) -> None:
    proposed = (await officer.client.get("/api/dispositions")).json()["rows"]
    ids = [str(d["id"]) for d in proposed[:2]]
    response = await officer.client.post("/dispositions/decide", data={
        "csrf_token": officer.csrf, "decision": "reject", "reason": "wrong binding",
        "ids": ids})
    assert response.status_code == 303
    page = await officer.client.get("/dispositions?state=rejected")
    assert "wrong binding" in page.text
    assert len(await audit_actions(officer, action="disposition.rejected")) == 2


async def test_enforcing_from_the_dashboard_issues_a_certificate(dash, officer, clinic) -> None:
    proposed = (await officer.client.get("/api/dispositions")).json()["rows"]
    target = next(d for d in proposed if d["item"] == "rx/old-rx.txt")
    await officer.api("/api/dispositions/approve", {"ids": [target["id"]], "reason": "due"})
    run = (await officer.api("/api/enforce", {})).json()
    assert run["dispositions"] == [target["id"]]
    dash.app.dispatcher.wait(lambda: False, timeout=60)  # the embedded worker runs it
    assert not (clinic.root / "rx/old-rx.txt").exists()
    [cert] = (await officer.client.get("/api/certificates")).json()
    assert cert["run_id"] == run["run_id"]
    page = await officer.client.get(f"/certificates/{run['run_id']}")
    assert "rx/old-rx.txt" in page.text
    download = await officer.client.get(f"/certificates/{run['run_id']}/download.json")
    assert "attachment" in download.headers["content-disposition"]
    assert run["run_id"] in download.text


@pytest.fixture
def strict_breaker(dash, cli) -> Iterator[Dash]:
    """The same catalog served with a safety breaker that trips past one item."""
    config = config_module.load(str(cli.config))
    config.enforce.max_items = 1
    with open_app(config) as app:
        yield Dash(create_app(app, DashboardSettings(secret_key="k")), app, [], 0)


async def test_the_safety_breaker_asks_for_a_confirmation(strict_breaker, clinic) -> None:
    dash = strict_breaker
    officer = await signed_in(dash, "officer")
    proposed = (await officer.client.get("/api/dispositions")).json()["rows"]
    ids = [d["id"] for d in proposed if d["item"] in ("rx/old-rx.txt", "charts/old-chart.txt")]
    await officer.api("/api/dispositions/approve", {"ids": ids, "reason": "due"})
    tripped = await officer.api("/api/enforce", {})
    assert tripped.status_code == 409 and "exceeds" in tripped.json()["detail"]
    page = await officer.post("/dispositions/enforce")
    assert page.status_code == 409 and 'name="confirm"' in page.text
    confirmed = await officer.post("/dispositions/enforce", confirm="yes")
    assert confirmed.status_code == 303
    dash.app.dispatcher.wait(lambda: False, timeout=60)
    assert not (clinic.root / "rx/old-rx.txt").exists()
    events = await audit_actions(officer, action="enforcement.")
    assert {e["action"] for e in events} == {"enforcement.paused", "enforcement.requested"}
    await officer.client.aclose()


async def test_holds_are_placed_and_released_and_audited(officer) -> None:
    bad = await officer.api("/api/holds", {"reason": "dispute", "path": "/etc/*"})
    assert bad.status_code == 422
    hold = (await officer.api("/api/holds", {"reason": "dispute 2026-17",
                                             "path": "charts/**"})).json()
    [listed] = (await officer.client.get("/api/holds")).json()
    assert listed["id"] == hold["id"] and listed["created_by"] == "officer"
    assert (await officer.api(f"/api/holds/{hold['id']}/release")).status_code == 200
    assert (await officer.api(f"/api/holds/{hold['id']}/release")).status_code == 404
    assert (await officer.client.get("/api/holds")).json() == []
    actions = [e["action"] for e in await audit_actions(officer, action="hold.")]
    assert actions == ["hold.released", "hold.added"]


async def test_a_subject_hold_from_the_dashboard_keeps_no_value(officer, monkeypatch) -> None:
    monkeypatch.setenv("EXPUNGE_SUBJECT_KEY", "an-example-subject-key-of-32-bytes")
    email = "kim.minjun@example.org"
    hold = (await officer.api("/api/holds", {"reason": "complaint", "case": "C-17",
                                             "subject": f"email={email}"})).json()
    [listed] = (await officer.client.get("/api/holds")).json()
    assert listed["id"] == hold["id"] and listed["case"] == "C-17"
    assert listed["covers"] == "documents naming the subject"
    page = (await officer.client.get("/holds")).text
    assert "C-17" in page and email not in page and email not in str(listed)
    bad = await officer.api("/api/holds", {"reason": "x", "subject": "nobody"})
    assert bad.status_code == 422


async def test_audit_verification_reports_an_intact_chain_and_is_itself_audited(dash) -> None:
    auditor = await signed_in(dash, "auditor")
    result = (await auditor.api("/api/audit/verify")).json()
    assert result["ok"] and result["checked"] > 5
    page = await auditor.post("/audit/verify")
    assert page.status_code == 200 and 'id="verification"' in page.text
    export = await auditor.client.get("/audit/export")
    lines = export.text.splitlines()
    assert len(lines) >= result["checked"] and '"hash"' in lines[0]
    actions = {e["action"] for e in await audit_actions(auditor, actor="auditor")}
    assert {"audit.verified", "audit.exported"} <= actions
    await auditor.client.aclose()


async def test_starting_a_scan_from_the_dashboard(dash, officer) -> None:
    run = (await officer.api("/api/scans", {"source": "clinic"})).json()["scan_run"]
    assert (await officer.api("/api/scans", {"source": "nowhere"})).status_code == 422
    dash.app.dispatcher.wait(lambda: False, timeout=120)
    [latest, *_] = (await officer.client.get("/api/scans")).json()
    assert latest["id"] == run and latest["state"] in ("done", "failed")
    assert latest["percent"] == 100
    page = await officer.client.get("/scans/progress")
    assert f"<td>{run}</td>" in page.text


async def test_the_overview_draws_its_charts_as_inline_svg(officer) -> None:
    page = await officer.client.get("/")
    assert page.text.count("<svg") == 3 and "KR_RRN" in page.text and "기한 경과" in page.text
    data = (await officer.client.get("/api/overview")).json()
    assert data["sources"][0]["name"] == "clinic"
    assert dict(data["findings_by_entity"])["KR_RRN"] >= 2


async def test_the_interface_speaks_korean_and_english(officer) -> None:
    assert "탐지 결과" in (await officer.client.get("/findings")).text
    await officer.post("/lang", lang="en", back="/findings")
    assert "Masked sample" in (await officer.client.get("/findings")).text


async def test_the_api_is_described_by_openapi(officer) -> None:
    spec = (await officer.client.get("/api/openapi.json")).json()
    assert "/api/findings" in spec["paths"] and "/api/dispositions/approve" in spec["paths"]
    assert not any(p.startswith("/findings") for p in spec["paths"])


async def test_one_disposition_is_approved_from_its_row_with_the_reason(officer) -> None:
    proposed = (await officer.client.get("/api/dispositions")).json()["rows"]
    target = proposed[0]["id"]
    missing = await officer.post(f"/dispositions/{target}/approve")
    assert missing.status_code == 303
    assert (await officer.client.get("/api/dispositions")).json()["rows"][0]["id"] == target
    done = await officer.post(f"/dispositions/{target}/approve", reason="checked the chart")
    assert done.status_code == 303
    page = await officer.client.get("/dispositions?state=approved")
    assert "checked the chart" in page.text
