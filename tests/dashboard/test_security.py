"""Sessions, CSRF, roles, escaping and headers: what keeps the dashboard safe to expose."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi.routing import APIRoute

from expunge.dashboard.app import create_app
from expunge.dashboard.i18n import STRINGS
from expunge.dashboard.settings import DashboardSettings
from expunge.dashboard.users import disable_user
from expunge.dashboard.web import NAV, TEMPLATES
from tests.dashboard.conftest import EVIL, PASSWORD, csrf_of, login, signed_in

pytestmark = pytest.mark.anyio
PUBLIC = {"/login"}


def api_routes(routes: list) -> list[APIRoute]:
    """Every APIRoute, looking inside included routers."""
    found: list[APIRoute] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found += api_routes(inner.routes) if inner else [route]
    return [r for r in found if isinstance(r, APIRoute)]


def every_route(dash) -> list[tuple[str, str]]:
    """(method, path) of every route, path parameters filled in."""
    found = []
    for route in api_routes(dash.web.routes):
        if isinstance(route, APIRoute) and route.path not in PUBLIC:
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            found += [(method, path) for method in sorted(route.methods)]
    return found


async def test_every_route_without_a_session_redirects_or_answers_401(dash, anon) -> None:
    routes = every_route(dash)
    assert len(routes) > 30
    for method, path in routes:
        response = await anon.request(method, path)
        if path.startswith(("/api/", "/metrics")):
            assert response.status_code == 401, (method, path)
        else:
            assert response.status_code == 303, (method, path)
            assert response.headers["location"] == "/login"


async def test_static_files_and_the_login_page_need_no_session(anon) -> None:
    assert (await anon.get("/static/app.css")).status_code == 200
    assert (await anon.get("/login")).status_code == 200


@pytest.mark.parametrize("token", [None, "wrong"])
async def test_a_post_without_the_right_csrf_token_is_refused(dash, officer, token) -> None:
    data = {"reason": "case 1"} | ({} if token is None else {"csrf_token": token})
    response = await officer.client.post("/holds", data=data)
    assert response.status_code == 403
    api = await officer.client.post("/api/holds", json={"reason": "case 1"},
                                    headers={} if token is None else {"X-CSRF-Token": token})
    assert api.status_code == 403
    assert (await officer.client.get("/api/holds")).json() == []


async def test_login_itself_needs_the_csrf_token(anon) -> None:
    response = await anon.post("/login", data={"username": "officer", "password": PASSWORD})
    assert response.status_code == 403


@pytest.mark.parametrize(("path", "body"), [
    ("/api/dispositions/approve", {"ids": [1], "reason": "x"}),
    ("/api/dispositions/reject", {"ids": [1], "reason": "x"}),
    ("/api/enforce", {}),
    ("/api/holds", {"reason": "x"}),
    ("/api/holds/1/release", {}),
    ("/api/scans", {"source": "clinic"}),
])
async def test_a_researcher_cannot_do_what_an_officer_does(dash, researcher, path, body) -> None:
    assert (await researcher.api(path, body)).status_code == 403


async def test_a_researcher_sees_neither_findings_nor_the_trail(dash, researcher) -> None:
    for path in ("/findings", "/items/1", "/dispositions", "/audit", "/certificates",
                 "/api/findings", "/api/audit"):
        assert (await researcher.client.get(path)).status_code == 403, path
    for path in ("/holds", "/dispositions/decide"):
        response = await researcher.post(path, reason="x", decision="approve", ids="1")
        assert response.status_code == 403, path
    assert (await researcher.client.get("/")).status_code == 200


async def test_markup_in_a_sample_or_file_name_renders_inert(dash, officer) -> None:
    pages = [await officer.client.get(p) for p in
             ("/findings", f"/items/{dash.evil_item}", "/dispositions", "/findings?q=inbox")]
    for page in pages:
        assert page.status_code == 200
        assert "<script>alert" not in page.text
        assert '"onmouseover=' not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;onmouseover=alert(2)" in pages[1].text
    api = (await officer.client.get(f"/api/items/{dash.evil_item}")).json()
    assert api["item"]["key"] == f"inbox/{EVIL}.txt"  # JSON keeps the text; it is not HTML


async def test_no_raw_personal_value_in_any_page(dash, officer) -> None:
    paths = ["/", "/findings", "/dispositions", "/dispositions?state=approved", "/holds",
             "/scans", "/audit", "/certificates", "/api/overview", "/api/findings",
             "/api/dispositions", "/api/audit", "/api/scans"]
    item_ids = [r["item_id"] for r in (await officer.client.get("/api/findings")).json()["rows"]]
    paths += [f"/items/{i}" for i in item_ids] + [f"/api/items/{i}" for i in item_ids]
    for path in paths:
        response = await officer.client.get(path)
        assert response.status_code == 200, path
        for secret in dash.secrets:
            assert secret not in response.text, (path, secret)


async def test_pages_carry_security_headers(officer) -> None:
    response = await officer.client.get("/findings")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_the_session_cookie_is_httponly_and_samesite(anon) -> None:
    token = csrf_of((await anon.get("/login")).text)
    response = await anon.post("/login", data={"username": "officer", "password": PASSWORD,
                                               "csrf_token": token})
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie  # plain http in tests; https requests get Secure


async def test_repeated_wrong_passwords_lock_the_account(dash, anon) -> None:
    for _ in range(5):
        assert (await login(anon, "officer", "wrong password!")).status_code in (401, 429)
    locked = await login(anon, "officer")
    assert locked.status_code == 429
    assert "/api/me" and (await anon.get("/api/me")).status_code == 401


async def test_the_same_message_for_an_unknown_user_and_a_wrong_password(anon) -> None:
    unknown = await login(anon, "nobody", "whatever123")
    wrong = await login(anon, "auditor", "whatever123")
    assert unknown.status_code == wrong.status_code == 401
    assert re.sub(r'value="[^"]+"', "", unknown.text) == re.sub(r'value="[^"]+"', "",
                                                                  wrong.text)


async def test_signing_out_ends_the_session_even_for_a_copied_cookie(dash) -> None:
    session = await signed_in(dash, "auditor")
    stolen = dict(session.client.cookies)
    assert (await session.post("/logout")).status_code == 303
    session.client.cookies.clear()
    for name, value in stolen.items():
        session.client.cookies.set(name, value)
    assert (await session.client.get("/api/me")).status_code == 401
    await session.client.aclose()


async def test_metrics_need_an_admin_or_auditor_session(dash, officer) -> None:
    assert (await officer.client.get("/metrics")).status_code == 403
    auditor = await signed_in(dash, "auditor")
    response = await auditor.client.get("/metrics")
    assert response.status_code == 200 and "expunge_audit_events_total" in response.text
    await auditor.client.aclose()


async def test_over_https_the_cookie_is_secure(dash) -> None:
    transport = httpx.ASGITransport(app=dash.web)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        response = await login(client, "officer")
    assert "secure" in response.headers["set-cookie"].lower()


async def test_a_disabled_user_is_signed_out_at_once(dash) -> None:
    session = await signed_in(dash, "officer")
    with dash.app.runtime.catalog.session() as db:
        disable_user(db, "admin", "officer")
    assert (await session.client.get("/findings")).status_code == 303
    assert (await login(session.client, "officer")).status_code == 401
    await session.client.aclose()


async def test_metrics_accept_the_configured_bearer_token(dash, anon) -> None:
    web = create_app(dash.app, DashboardSettings(secret_key="k", metrics_token="s3cret-token"))
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        ok = await client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
        bad = await client.get("/metrics", headers={"Authorization": "Bearer guess"})
    assert ok.status_code == 200 and bad.status_code == 401


def test_every_interface_string_the_templates_use_exists_in_both_languages() -> None:
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r't\("([a-z_]+)"\)', template.read_text(encoding="utf-8")))
    used |= {entry.key for entry in NAV}
    assert used and used <= set(STRINGS)
    assert all(en and ko and en != ko for en, ko in STRINGS.values())
