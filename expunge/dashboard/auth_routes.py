"""Signing in and out, and choosing the interface language."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from catalog import audit
from catalog.models import User, utcnow
from expunge.dashboard.context import context
from expunge.dashboard.i18n import COOKIE as LANG_COOKIE
from expunge.dashboard.i18n import LANGUAGES
from expunge.dashboard.security import (
    Principal,
    begin_session,
    check_csrf,
    principal,
    read_session,
    write_session,
)
from expunge.dashboard.users import Throttle, authenticate
from expunge.dashboard.web import redirect, render

router = APIRouter(include_in_schema=False)
YEAR = 365 * 24 * 3600


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, lang: str | None = None) -> Response:
    """The sign-in form; ``?lang=en|ko`` chooses the language before signing in."""
    if lang in LANGUAGES:
        request.state.lang = lang
    response = render(request, "login.html", error=None)
    if lang in LANGUAGES:
        _remember_language(response, lang)
    return response


def _remember_language(response: Response, lang: str) -> None:
    response.set_cookie(LANG_COOKIE, lang, max_age=YEAR, httponly=True, samesite="strict")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, username: Annotated[str, Form(max_length=200)],
          password: Annotated[str, Form(max_length=1000)]) -> Response:
    """Check the password; throttled per account and per client address."""
    ctx = context(request)
    if ctx.throttle.blocked(_client(request)):
        return render(request, "login.html", status=429, error="login_locked")
    settings = ctx.settings
    throttle = Throttle(settings.max_failures, timedelta(seconds=settings.lockout_seconds))
    with ctx.catalog.session() as session:
        outcome = authenticate(session, username, password, throttle)
    if outcome.user is None:
        ctx.throttle.failed(_client(request))
        return render(request, "login.html", status=429 if outcome.locked else 401,
                      error="login_locked" if outcome.locked else "login_failed")
    response = RedirectResponse("/", status_code=303)
    begin_session(request, response, outcome.user)
    return response


@router.post("/logout", dependencies=[Depends(principal), Depends(check_csrf)])
def logout(request: Request, user: Annotated[Principal, Depends(principal)]) -> Response:
    """End every session of this user that began before now, and drop the cookie."""
    with context(request).catalog.session() as session:
        row = session.get(User, user.id)
        if row is not None:
            row.sessions_valid_after = utcnow()
        audit.append(session, user.name, "user.logout", "dashboard", {})
    response = RedirectResponse("/login", status_code=303)
    write_session(request, response, {"csrf": read_session(request)["csrf"]})
    return response


@router.post("/lang", dependencies=[Depends(principal), Depends(check_csrf)])
def choose_language(request: Request, lang: Annotated[str, Form()],
                    back: Annotated[str, Form()] = "/") -> Response:
    """Remember the interface language; ``back`` must be a local path."""
    target = back if back.startswith("/") and not back.startswith(("//", "/\\")) else "/"
    response = redirect(request, target)
    if lang in LANGUAGES:
        _remember_language(response, lang)
    return response
