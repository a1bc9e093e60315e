"""Signed session cookies, CSRF tokens and the role checks every route goes through.

The cookie holds the user's id, when the session began and a CSRF token, signed with the
site key (itsdangerous); nothing else. Anonymous visitors get one too (only the token), so
the login form is protected as well. Forms send the token as ``csrf_token``, scripts as
the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from catalog.models import User
from expunge.dashboard.context import context
from expunge.dashboard.users import Permission, allowed

COOKIE = "expunge_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class NotAuthenticated(Exception):
    """No valid session: HTML pages redirect to /login, the API answers 401."""


class Forbidden(Exception):
    """Signed in, but the role does not allow this, or the CSRF token is wrong: 403."""


@dataclass(frozen=True)
class Principal:
    """The signed-in user as a request sees it."""

    id: int
    name: str
    role: str
    csrf: str

    def can(self, permission: Permission | str) -> bool:
        return allowed(self.role, Permission(permission))


def serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="expunge.dashboard.session")


def read_session(request: Request) -> dict[str, Any]:
    """The cookie's content if its signature and age are good, else a fresh anonymous one."""
    cached: dict[str, Any] | None = getattr(request.state, "session", None)
    if cached is not None:
        return cached
    ctx = context(request)
    data: dict[str, Any] = {}
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            data = ctx.serializer.loads(raw, max_age=ctx.settings.session_seconds)
        except BadSignature:
            data = {}
    if not isinstance(data, dict) or not isinstance(data.get("csrf"), str):
        data = {"csrf": secrets.token_urlsafe(32), "new": True}
    request.state.session = data
    return data


def write_session(request: Request, response: Response, data: dict[str, Any]) -> None:
    """Set the session cookie: HttpOnly, SameSite=Strict, Secure over https."""
    ctx = context(request)
    clean = {k: v for k, v in data.items() if k != "new"}
    response.set_cookie(
        COOKIE, ctx.serializer.dumps(clean), max_age=ctx.settings.session_seconds,
        httponly=True, samesite="strict", path="/",
        secure=ctx.settings.secure_cookies or request.url.scheme == "https")


def begin_session(request: Request, response: Response, user: User) -> None:
    """A new session for ``user``, with a new CSRF token (no fixation of the old one)."""
    data = {"uid": user.id, "iat": time.time(), "csrf": secrets.token_urlsafe(32)}
    request.state.session = data
    write_session(request, response, data)


def ensure_cookie(request: Request, response: Response) -> None:
    """Give an anonymous visitor the cookie that carries their CSRF token."""
    data = read_session(request)
    if data.get("new"):
        write_session(request, response, data)


def _valid_user(request: Request, data: dict[str, Any]) -> User | None:
    uid = data.get("uid")
    ctx = context(request)
    began = float(data.get("iat", 0))
    if not isinstance(uid, int) or time.time() - began > ctx.settings.session_seconds:
        return None  # rewriting the cookie (flash notes) never extends a session
    with ctx.catalog.session() as session:
        user = session.get(User, uid)
        if user is None or user.disabled_at is not None:
            return None
        ended = user.sessions_valid_after
        if ended is not None and began < ended.timestamp():
            return None  # signed out (or disabled) since this session began
        session.expunge(user)
        return user


def principal(request: Request) -> Principal:
    """The signed-in user; raises NotAuthenticated."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    data = read_session(request)
    user = _valid_user(request, data)
    if user is None:
        raise NotAuthenticated()
    found = Principal(user.id, user.name, user.role, str(data["csrf"]))
    request.state.principal = found
    return found


async def submitted_token(request: Request) -> str:
    """The CSRF token a request carries: header first, then the form field."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def check_csrf(request: Request) -> None:
    """Raise Forbidden unless the request carries this session's CSRF token."""
    expected = str(read_session(request)["csrf"])
    if not hmac.compare_digest(expected.encode(), (await submitted_token(request)).encode()):
        raise Forbidden("missing or wrong CSRF token")


def require(permission: Permission) -> Callable[[Request], Principal]:
    """Dependency for reading: a session whose role grants ``permission``."""

    def dependency(request: Request) -> Principal:
        user = principal(request)
        if not user.can(permission):
            raise Forbidden(f"role {user.role} may not {permission}")
        return user

    return dependency


def act(permission: Permission) -> Callable[[Request], Awaitable[Principal]]:
    """Dependency for changing state: a session, its CSRF token, and the permission."""
    check = require(permission)

    async def dependency(request: Request) -> Principal:
        principal(request)
        await check_csrf(request)
        return check(request)

    return dependency
