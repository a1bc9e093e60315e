"""The HTML forms' actions (each checks session, CSRF token and role) and the downloads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select

from catalog import audit
from catalog.models import AuditEvent
from expunge.dashboard import actions, records
from expunge.dashboard.context import context
from expunge.dashboard.pages import audit_filter
from expunge.dashboard.security import Principal, act, require
from expunge.dashboard.users import Permission
from expunge.dashboard.web import blank, redirect, render
from workers.certificate import render_html
from workers.holds import HoldError

router = APIRouter(include_in_schema=False)
Decider = Annotated[Principal, Depends(act(Permission.decide))]
HoldKeeper = Annotated[Principal, Depends(act(Permission.holds))]
Auditor = Annotated[Principal, Depends(require(Permission.audit))]
Reason = Annotated[str, Form(max_length=2000)]
QUEUE = "/dispositions"
EXPORT_CHUNK = 1000


def _decided(request: Request, verb: str, outcome: actions.Outcome) -> Response:
    key = "approved_n" if verb == "approve" else "rejected_n"
    done = ", ".join(f"#{n}" for n in outcome.done) or "-"
    return redirect(request, QUEUE, (key, done), *(("", p) for p in outcome.problems))


def _decide(request: Request, user: Principal, verb: str, ids: list[int],
            reason: str) -> Response:
    ctx = context(request)
    handler = actions.approve_dispositions if verb == "approve" else actions.reject_dispositions
    try:
        outcome = handler(ctx.app, user.name, ids, reason)
    except actions.ActionError as exc:
        return redirect(request, QUEUE, ("", str(exc)))
    return _decided(request, verb, outcome)


@router.post("/dispositions/decide")
def decide_many(request: Request, user: Decider, decision: Annotated[str, Form()],
                reason: Reason = "", ids: Annotated[list[int] | None, Form()] = None,
                ) -> Response:
    """Approve or reject the selected dispositions."""
    verb = "approve" if decision == "approve" else "reject"
    return _decide(request, user, verb, ids or [], reason)


@router.post("/dispositions/{disposition_id}/{verb}")
def decide_one(request: Request, disposition_id: int, verb: str, user: Decider,
               reason: Reason = "") -> Response:
    if verb not in ("approve", "reject"):
        return render(request, "error.html", status=404, message_key="not_found")
    return _decide(request, user, verb, [disposition_id], reason)


@router.post("/dispositions/enforce")
def enforce(request: Request, user: Decider,
            confirm: Annotated[str | None, Form()] = None) -> Response:
    """Carry out approved dispositions; a tripped breaker asks for an explicit confirmation."""
    ctx = context(request)
    try:
        run_id, claimed = actions.enforce(ctx.app, user.name, confirmed=confirm == "yes")
    except actions.BreakerTripped as exc:
        with ctx.catalog.session() as session:
            page = records.dispositions(session, "approved", ctx.settings.page_size, None)
        return render(request, "dispositions.html", status=409, page=page, state="approved",
                      states=records.QUEUE_STATES, breaker=str(exc))
    return redirect(request, f"{QUEUE}?state=approved",
                    ("queued_run", f"{run_id} ({len(claimed)})"))


@router.post("/holds")
def add_hold(request: Request, user: HoldKeeper, reason: Reason,
             source: Annotated[str, Form(max_length=200)] = "",
             path: Annotated[str, Form(max_length=1000)] = "",
             case: Annotated[str, Form(max_length=100)] = "",
             subject: Annotated[str, Form(max_length=300)] = "") -> Response:
    try:
        hold_id = actions.place_hold(context(request).app, user.name, reason, blank(source),
                                     blank(path), blank(case), blank(subject))
    except HoldError as exc:
        return redirect(request, "/holds", ("", str(exc)))
    return redirect(request, "/holds", ("hold_placed", f"#{hold_id}"))


@router.post("/holds/{hold_id}/release")
def release_hold(request: Request, hold_id: int, user: HoldKeeper) -> Response:
    try:
        actions.lift_hold(context(request).app, user.name, hold_id)
    except HoldError as exc:
        return redirect(request, "/holds", ("", str(exc)))
    return redirect(request, "/holds", ("hold_released", f"#{hold_id}"))


@router.post("/scans")
def start_scan(request: Request, user: Annotated[Principal, Depends(act(Permission.scan))],
               source: Annotated[str, Form(max_length=200)]) -> Response:
    try:
        run = actions.start_scan(context(request).app, user.name, source)
    except actions.ActionError as exc:
        return redirect(request, "/scans", ("", str(exc)))
    return redirect(request, "/scans", ("scan_queued", f"#{run}"))


@router.post("/audit/verify")
def verify(request: Request, user: Annotated[Principal, Depends(act(Permission.audit))],
           ) -> Response:
    """Walk the chain; the verification itself is recorded (after the walk)."""
    with context(request).catalog.session() as session:
        result = audit.verify(session)
        audit.append(session, user.name, "audit.verified", "audit",
                     {"ok": result.ok, "checked": result.checked,
                      "problems": len(result.problems)})
        page = records.audit_events(session, audit_filter(request), 100, None)
    return render(request, "audit.html", page=page, flt=records.AuditFilter(),
                  verification=result)


def _export_lines(request: Request) -> Iterator[str]:
    catalog = context(request).catalog
    last = 0
    while True:
        with catalog.session() as session:
            rows = session.execute(select(AuditEvent).where(AuditEvent.id > last)
                                   .order_by(AuditEvent.id).limit(EXPORT_CHUNK)).scalars().all()
        if not rows:
            return
        for event in rows:
            yield json.dumps(audit.event_record(event), ensure_ascii=False) + "\n"
        last = rows[-1].id


@router.get("/audit/export")
def export(request: Request, user: Auditor) -> Response:
    """The whole trail with its hashes, one JSON object per line, to verify elsewhere."""
    with context(request).catalog.session() as session:
        audit.append(session, user.name, "audit.exported", "audit", {"via": "dashboard"})
    return StreamingResponse(_export_lines(request), media_type="application/x-ndjson",
                             headers={"Content-Disposition":
                                      'attachment; filename="audit.jsonl"'})


@router.get("/certificates/{run_id}/download.{fmt}")
def download_certificate(request: Request, run_id: str, fmt: str, user: Auditor) -> Response:
    """The certificate as issued (JSON, whose SHA-256 the trail recorded) or as HTML."""
    with context(request).catalog.session() as session:
        cert = records.certificate(session, run_id)
        if cert is not None and fmt in ("json", "html"):
            audit.append(session, user.name, "certificate.downloaded", f"run:{run_id}",
                         {"format": fmt})
    if cert is None or fmt not in ("json", "html"):
        return render(request, "error.html", status=404, message_key="not_found")
    content = cert.body if fmt == "json" else render_html(json.loads(cert.body), cert.sha256)
    media = "application/json" if fmt == "json" else "text/html"
    return Response(content, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="certificate-{cert.run_id}.{fmt}"'})
