"""The HTML pages (reading); every view of findings is an audit event."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse

from catalog import audit
from expunge.dashboard import findings as finding_data
from expunge.dashboard import overview as overview_data
from expunge.dashboard import records
from expunge.dashboard.context import context
from expunge.dashboard.security import Principal, require
from expunge.dashboard.users import Permission
from expunge.dashboard.web import blank, parse_date, parse_int, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Reader = Annotated[Principal, Depends(require(Permission.findings))]
Auditor = Annotated[Principal, Depends(require(Permission.audit))]


@router.get("/")
def overview(request: Request,
             user: Annotated[Principal, Depends(require(Permission.overview))]) -> Response:
    with context(request).catalog.session() as session:
        data = overview_data.overview(session, date.today())
    return render(request, "overview.html", data=data, charts=overview_data.charts(data))


def finding_filter(request: Request) -> finding_data.FindingFilter:
    """The findings filter from query parameters; malformed values are ignored."""
    args = request.query_params
    return finding_data.FindingFilter(
        source=blank(args.get("source")), entity=blank(args.get("entity")),
        category=blank(args.get("category")), since=parse_date(args.get("since")),
        until=parse_date(args.get("until")), q=blank(args.get("q")))


@router.get("/findings")
def findings(request: Request, user: Reader) -> Response:
    flt = finding_filter(request)
    after, before = (parse_int(request.query_params.get(k)) for k in ("after", "before"))
    with context(request).catalog.session() as session:
        page = finding_data.findings_page(session, flt, context(request).settings.page_size,
                                          after, before)
        choices = finding_data.filter_choices(session)
        audit.append(session, user.name, "findings.viewed", "dashboard",
                     flt.as_query() | {"rows": len(page.rows), "after": after,
                                       "before": before})
    return render(request, "findings.html", page=page, flt=flt, choices=choices)


@router.get("/items/{item_id}")
def item(request: Request, item_id: int, user: Reader) -> Response:
    with context(request).catalog.session() as session:
        detail = finding_data.item_detail(session, item_id)
        if detail is not None:
            audit.append(session, user.name, "item.viewed", f"item:{item_id}", {})
    if detail is None:
        return render(request, "error.html", status=404, message_key="not_found")
    return render(request, "item.html", d=detail)


@router.get("/dispositions")
def dispositions(request: Request, user: Reader, state: str = "proposed",
                 after: str | None = None) -> Response:
    state = state if state in records.QUEUE_STATES else "proposed"
    with context(request).catalog.session() as session:
        page = records.dispositions(session, state, context(request).settings.page_size,
                                    parse_int(after))
    return render(request, "dispositions.html", page=page, state=state,
                  states=records.QUEUE_STATES, breaker=None)


@router.get("/holds")
def holds(request: Request, user: Reader, released: bool = False) -> Response:
    with context(request).catalog.session() as session:
        rows = records.holds(session, released)
    return render(request, "holds.html", holds=rows, released=released,
                  sources=context(request).app.config.source_names())


@router.get("/scans")
def scans(request: Request, user: Reader) -> Response:
    with context(request).catalog.session() as session:
        runs = records.scans(session)
    return render(request, "scans.html", runs=runs,
                  sources=context(request).app.config.source_names())


@router.get("/scans/progress")
def scans_progress(request: Request, user: Reader) -> Response:
    """Just the runs table, for the page's script to refresh while scans run."""
    with context(request).catalog.session() as session:
        runs = records.scans(session)
    return render(request, "_scan_rows.html", runs=runs)


def audit_filter(request: Request) -> records.AuditFilter:
    args = request.query_params
    return records.AuditFilter(actor=blank(args.get("actor")), action=blank(args.get("action")),
                               subject=blank(args.get("subject")),
                               since=parse_date(args.get("since")),
                               until=parse_date(args.get("until")))


@router.get("/audit")
def audit_log(request: Request, user: Auditor) -> Response:
    flt = audit_filter(request)
    with context(request).catalog.session() as session:
        page = records.audit_events(session, flt, 100,
                                    parse_int(request.query_params.get("after")))
    return render(request, "audit.html", page=page, flt=flt, verification=None)


@router.get("/certificates")
def certificates(request: Request, user: Auditor) -> Response:
    with context(request).catalog.session() as session:
        rows = records.certificates(session)
    return render(request, "certificates.html", certificates=rows)


@router.get("/certificates/{run_id}")
def certificate(request: Request, run_id: str, user: Auditor) -> Response:
    with context(request).catalog.session() as session:
        cert = records.certificate(session, run_id)
        if cert is not None:
            audit.append(session, user.name, "certificate.viewed", f"run:{run_id}", {})
    if cert is None:
        return render(request, "error.html", status=404, message_key="not_found")
    return render(request, "certificate.html", cert=cert, body=records.certificate_body(cert))
