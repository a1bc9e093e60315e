"""The dashboard application: FastAPI, server-rendered pages, a JSON API under /api/."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST

from expunge.app import App
from expunge.dashboard import api, auth_routes, exports, forms, pages
from expunge.dashboard.context import ClientThrottle, DashboardContext
from expunge.dashboard.security import (
    Forbidden,
    NotAuthenticated,
    principal,
    require,
    serializer,
)
from expunge.dashboard.settings import DashboardSettings
from expunge.dashboard.users import Permission
from expunge.dashboard.web import environment, render
from workers.metrics import exposition

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


async def security_headers(request: Request,
                           call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Every response: CSP, no framing, no sniffing; nothing but static files is cached."""
    response = await call_next(request)
    response.headers.update(HEADERS)
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def not_authenticated(request: Request, exc: Exception) -> Response:
    if _is_api(request) or request.url.path == "/metrics":
        return JSONResponse({"detail": "not signed in"}, status_code=401)
    return RedirectResponse("/login", status_code=303)


async def forbidden(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": str(exc)}, status_code=403)
    return render(request, "error.html", status=403, message_key="forbidden")


def metrics(request: Request) -> Response:
    """Prometheus metrics: an admin's or auditor's session, or the configured bearer token."""
    token = request.app.state.ctx.settings.metrics_token
    given = request.headers.get("authorization", "").removeprefix("Bearer ")
    if not (token and hmac.compare_digest(token.encode(), given.encode())):
        require(Permission.metrics)(request)
    ctx = request.app.state.ctx
    return Response(exposition(ctx.app.runtime.catalog), media_type=CONTENT_TYPE_LATEST)


def openapi(request: Request) -> dict[str, Any]:
    """The API's OpenAPI description (signed-in users only, like everything else)."""
    return request.app.openapi()  # type: ignore[no-any-return]


def create_app(app: App, settings: DashboardSettings | None = None) -> FastAPI:
    """The dashboard for an open App (its catalog, runtime and dispatcher)."""
    settings = settings or DashboardSettings()
    web = FastAPI(title="expunge dashboard", docs_url=None, redoc_url=None, openapi_url=None,
                  description="The privacy officer's dashboard and its JSON API.")
    web.state.ctx = DashboardContext(app, settings, serializer(settings.secret_key),
                                     environment(), ClientThrottle(settings.client_failures))
    web.middleware("http")(security_headers)
    web.add_exception_handler(NotAuthenticated, not_authenticated)
    web.add_exception_handler(Forbidden, forbidden)
    web.mount("/static", StaticFiles(directory=STATIC), name="static")
    web.add_api_route("/metrics", metrics, include_in_schema=False)
    web.add_api_route("/api/openapi.json", openapi, include_in_schema=False,
                      dependencies=[Depends(principal)])
    web.include_router(auth_routes.router)
    web.include_router(pages.router)
    web.include_router(forms.router)
    web.include_router(api.router)
    web.include_router(exports.router)
    return web
