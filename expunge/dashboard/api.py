"""The JSON API under /api/: the same data and actions as the pages, for scripts.

Authenticated by the same session cookie; changes need the ``X-CSRF-Token`` header
(its value is in ``GET /api/me``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from catalog import audit
from expunge.dashboard import actions, records
from expunge.dashboard import findings as finding_data
from expunge.dashboard import overview as overview_data
from expunge.dashboard.context import context
from expunge.dashboard.pages import audit_filter, finding_filter
from expunge.dashboard.security import Principal, act, principal, require
from expunge.dashboard.users import Permission
from expunge.dashboard.web import parse_int
from workers.holds import HoldError

router = APIRouter(prefix="/api", tags=["dashboard"])
Reader = Annotated[Principal, Depends(require(Permission.findings))]
Auditor = Annotated[Principal, Depends(require(Permission.audit))]
Decider = Annotated[Principal, Depends(act(Permission.decide))]
HoldKeeper = Annotated[Principal, Depends(act(Permission.holds))]
Json = dict[str, Any]


class Decision(BaseModel):
    ids: list[int] = Field(min_length=1, description="Disposition ids.")
    reason: str = Field(min_length=1, max_length=2000, description="Kept in the audit trail.")


class Enforcement(BaseModel):
    confirm: bool = Field(False, description="Go past the safety breaker (audited).")


class NewHold(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)
    source: str | None = None
    path: str | None = Field(None, description="Glob on item paths.")
    case: str | None = Field(None, max_length=100, description="Case or dispute number.")
    subject: str | None = Field(None, max_length=300, description="A data subject, "
                                "COLUMN=VALUE (email=…, rrn=…): looked up, never stored.")


class NewScan(BaseModel):
    source: str


def _page(page: finding_data.Page) -> Json:
    return {"rows": page.rows, "next_after": page.next_after, "prev_before": page.prev_before}


def _unprocessable(exc: Exception) -> HTTPException:
    return HTTPException(status_code=422, detail=str(exc))


@router.get("/me")
def me(user: Annotated[Principal, Depends(principal)]) -> Json:
    """Who is signed in, their role, and the CSRF token changes must carry."""
    return {"name": user.name, "role": user.role, "csrf_token": user.csrf}


@router.get("/overview")
def overview(request: Request,
             user: Annotated[Principal, Depends(require(Permission.overview))]) -> Json:
    with context(request).catalog.session() as session:
        return overview_data.overview(session, date.today())


@router.get("/findings")
def findings(request: Request, user: Reader, source: str | None = None,
             entity: str | None = None, category: str | None = None, since: str | None = None,
             until: str | None = None, q: str | None = None, after: str | None = None,
             before: str | None = None) -> Json:
    """A page of findings (masked samples), newest first; pass next_after as ``after``."""
    flt = finding_filter(request)
    cursors = parse_int(after), parse_int(before)
    with context(request).catalog.session() as session:
        page = finding_data.findings_page(session, flt, context(request).settings.page_size,
                                          *cursors)
        audit.append(session, user.name, "findings.viewed", "api",
                     flt.as_query() | {"rows": len(page.rows), "after": cursors[0],
                                       "before": cursors[1]})
    return _page(page)


@router.get("/items/{item_id}")
def item(request: Request, item_id: int, user: Reader) -> Json:
    with context(request).catalog.session() as session:
        detail = finding_data.item_detail(session, item_id)
        if detail is not None:
            audit.append(session, user.name, "item.viewed", f"item:{item_id}", {"via": "api"})
    if detail is None:
        raise HTTPException(status_code=404, detail="no such item")
    return detail


@router.get("/dispositions")
def dispositions(request: Request, user: Reader, state: str = "proposed",
                 after: int | None = None) -> Json:
    with context(request).catalog.session() as session:
        return _page(records.dispositions(session, state, context(request).settings.page_size,
                                          after))


def _outcome(outcome: actions.Outcome) -> Json:
    return {"done": outcome.done, "problems": outcome.problems}


@router.post("/dispositions/approve")
def approve(request: Request, body: Decision, user: Decider) -> Json:
    return _outcome(actions.approve_dispositions(context(request).app, user.name, body.ids,
                                                 body.reason))


@router.post("/dispositions/reject")
def reject(request: Request, body: Decision, user: Decider) -> Json:
    return _outcome(actions.reject_dispositions(context(request).app, user.name, body.ids,
                                                body.reason))


@router.post("/enforce")
def enforce(request: Request, body: Enforcement, user: Decider) -> Json:
    """Send approved dispositions to the workers; 409 when the safety breaker trips."""
    try:
        run_id, claimed = actions.enforce(context(request).app, user.name, body.confirm)
    except actions.BreakerTripped as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return {"run_id": run_id, "dispositions": claimed}


@router.get("/holds")
def holds(request: Request, user: Reader, released: bool = False) -> list[Json]:
    with context(request).catalog.session() as session:
        return records.holds(session, released)


@router.post("/holds")
def add_hold(request: Request, body: NewHold, user: HoldKeeper) -> Json:
    try:
        hold_id = actions.place_hold(context(request).app, user.name, body.reason,
                                     body.source, body.path, body.case, body.subject)
    except HoldError as exc:
        raise _unprocessable(exc) from None
    return {"id": hold_id}


@router.post("/holds/{hold_id}/release")
def release_hold(request: Request, hold_id: int, user: HoldKeeper) -> Json:
    try:
        actions.lift_hold(context(request).app, user.name, hold_id)
    except HoldError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    return {"id": hold_id, "released": True}


@router.get("/scans")
def scans(request: Request, user: Reader) -> list[Json]:
    with context(request).catalog.session() as session:
        return records.scans(session)


@router.post("/scans")
def start_scan(request: Request, body: NewScan,
               user: Annotated[Principal, Depends(act(Permission.scan))]) -> Json:
    try:
        return {"scan_run": actions.start_scan(context(request).app, user.name, body.source)}
    except actions.ActionError as exc:
        raise _unprocessable(exc) from None


@router.get("/audit")
def audit_events(request: Request, user: Auditor, actor: str | None = None,
                 action: str | None = None, subject: str | None = None,
                 since: str | None = None, until: str | None = None,
                 after: int | None = None) -> Json:
    """Audit events, newest first, filtered."""
    with context(request).catalog.session() as session:
        return _page(records.audit_events(session, audit_filter(request), 100, after))


@router.post("/audit/verify")
def verify(request: Request, user: Annotated[Principal, Depends(act(Permission.audit))],
           ) -> Json:
    with context(request).catalog.session() as session:
        result = audit.verify(session)
        audit.append(session, user.name, "audit.verified", "audit",
                     {"ok": result.ok, "checked": result.checked,
                      "problems": len(result.problems), "via": "api"})
    return {"ok": result.ok, "checked": result.checked, "problems": result.problems}


@router.get("/certificates")
def certificates(request: Request, user: Auditor) -> list[Json]:
    with context(request).catalog.session() as session:
        return records.certificates(session)


@router.get("/certificates/{run_id}")
def certificate(request: Request, run_id: str, user: Auditor) -> Json:
    with context(request).catalog.session() as session:
        cert = records.certificate(session, run_id)
        if cert is not None:
            audit.append(session, user.name, "certificate.viewed", f"run:{run_id}",
                         {"via": "api"})
    if cert is None:
        raise HTTPException(status_code=404, detail="no such certificate")
    return {"sha256": cert.sha256, "certificate": records.certificate_body(cert)}
