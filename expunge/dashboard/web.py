"""Rendering pages: templates with the user, CSRF token, strings and flash messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from expunge.dashboard.context import context
from expunge.dashboard.i18n import language, translator
from expunge.dashboard.security import Principal, ensure_cookie, read_session, write_session
from expunge.dashboard.users import Permission

TEMPLATES = Path(__file__).parent / "templates"
MAX_FLASH = 5
MAX_FLASH_LENGTH = 300


@dataclass(frozen=True)
class NavEntry:
    path: str
    key: str
    permission: Permission
    hidden: bool = False


NAV = (
    NavEntry("/", "overview", Permission.overview),
    NavEntry("/findings", "findings", Permission.findings),
    NavEntry("/dispositions", "dispositions", Permission.findings),
    NavEntry("/holds", "holds", Permission.findings),
    NavEntry("/scans", "scans", Permission.findings),
    NavEntry("/audit", "audit", Permission.audit),
    NavEntry("/certificates", "certificates", Permission.audit),
    NavEntry("/exports", "exports", Permission.export),
)


def environment() -> Environment:
    """Jinja with autoescaping always on: catalog text is never trusted as markup."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["combine_after"] = lambda query, cursor: {**query, "after": cursor}
    env.filters["combine_before"] = lambda query, cursor: {**query, "before": cursor}
    return env


Note = tuple[str, str]  # a string key (may be empty) and untranslated detail


def flash(request: Request, response: RedirectResponse, *notes: Note) -> RedirectResponse:
    """Carry notes to the next page in the session cookie."""
    data = read_session(request)
    kept = list(data.get("flash", [])) + [[k, d[:MAX_FLASH_LENGTH]] for k, d in notes]
    data["flash"] = kept[-MAX_FLASH:]
    write_session(request, response, data)
    return response


def redirect(request: Request, path: str, *notes: Note) -> RedirectResponse:
    """303 to ``path`` (always a local path), with flash notes."""
    return flash(request, RedirectResponse(path, status_code=303), *notes)


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A page from ``template`` with what every page needs."""
    data = read_session(request)
    messages = data.pop("flash", [])
    user: Principal | None = getattr(request.state, "principal", None)
    lang = language(request)
    page = context(request).templates.get_template(template).render(
        request=request, t=translator(lang), lang=lang, user=user, csrf=data["csrf"],
        nav=[n for n in NAV if user and user.can(n.permission)], messages=messages,
        path=request.url.path, **values)
    response = HTMLResponse(page, status_code=status)
    if messages:
        write_session(request, response, data)
    else:
        ensure_cookie(request, response)
    return response


def parse_date(text: str | None) -> date | None:
    """A date from a query parameter; empty or malformed ones are ignored."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def parse_int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def blank(text: str | None) -> str | None:
    """None for empty form fields."""
    return text.strip() or None if text else None
