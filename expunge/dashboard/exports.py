"""Research exports in the dashboard: researchers request and download, the officer decides.

A researcher sees their own requests; the officer (and admin) sees every one, reviews the
risk report and approves or rejects. Downloads exist only for approved exports and re-check
the approved SHA-256; views, decisions and downloads are audit events.
"""

from __future__ import annotations

from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import FileResponse

from catalog import audit
from expunge.dashboard.context import context
from expunge.dashboard.security import Principal, act, require
from expunge.dashboard.users import Permission
from expunge.dashboard.web import blank, redirect, render
from scanner.export_profile import ProfileError, load_profile
from scanner.research import DATA_FILE, REPORT_FILE
from workers import export as exports

router = APIRouter(include_in_schema=False)
Reader = Annotated[Principal, Depends(require(Permission.export))]
Requesting = Annotated[Principal, Depends(act(Permission.export))]
Decider = Annotated[Principal, Depends(act(Permission.decide))]
Short = Annotated[str, Form(max_length=200)]
MAX_PROFILE = 64_000
FILES = (DATA_FILE, REPORT_FILE)
SAMPLE_PROFILE = """k: 5
l: 2
max_suppression: 0.05
columns:
  patient_name: identifier
  patient_id: {role: identifier, pseudonymize: true}
  birth_date: {role: quasi, generalize: year}
  sex: quasi
  address: {role: quasi, generalize: address}
  visit_date: {role: quasi, shift_days: 30}
  diagnosis: sensitive
"""


def _sees_all(user: Principal) -> bool:
    return user.can(Permission.decide)


def _database_sources(request: Request) -> list[str]:
    sources = context(request).app.runtime.settings.sources
    return [name for name, options in sources.items() if options.get("kind") == "database"]


@router.get("/exports")
def exports_page(request: Request, user: Reader) -> Response:
    """The requests (all of them for the officer, one's own for a researcher) and the form."""
    rows = exports.listing(context(request).app.runtime,
                           None if _sees_all(user) else user.name)
    return render(request, "exports.html", exports=rows, sources=_database_sources(request),
                  sample=SAMPLE_PROFILE)


async def _profile_text(profile: str, upload: UploadFile | None) -> str:
    if upload is not None and upload.filename:
        return (await upload.read(MAX_PROFILE + 1)).decode("utf-8", errors="replace")
    return profile


@router.post("/exports")
async def request_export(request: Request, user: Requesting, source: Short,
                         table: Short = "", query: Annotated[str, Form(max_length=10_000)] = "",
                         purpose: Annotated[str, Form(max_length=2000)] = "",
                         profile: Annotated[str, Form(max_length=MAX_PROFILE)] = "",
                         upload: Annotated[UploadFile | None, File()] = None) -> Response:
    """Record a request; the workers build it and the officer is asked to review it."""
    ctx = context(request)
    try:
        parsed = load_profile(await _profile_text(profile, upload))
        export_id = exports.request_export(
            ctx.app.runtime, user.name, parsed, ctx.app.config.exports_dir, source=source,
            table=blank(table), query=blank(query), purpose=blank(purpose))
    except (ProfileError, exports.ExportStateError) as exc:
        return redirect(request, "/exports", ("", str(exc)))
    return redirect(request, f"/exports/{export_id}", ("export_requested", f"#{export_id}"))


def _visible(request: Request, user: Principal, export_id: int) -> dict[str, Any] | None:
    """The export if it exists and this user may see it."""
    try:
        found = exports.get(context(request).app.runtime, export_id)
    except exports.ExportStateError:
        return None
    return found if _sees_all(user) or found["requested_by"] == user.name else None


@router.get("/exports/{export_id}")
def export_page(request: Request, export_id: int, user: Reader) -> Response:
    """One export: the request, the risk report, and what may be done with it."""
    found = _visible(request, user, export_id)
    if found is None:
        return render(request, "error.html", status=404, message_key="not_found")
    with context(request).catalog.session() as session:
        audit.append(session, user.name, "export.viewed", f"export:{export_id}", {})
    profile = yaml.safe_dump(found["profile"], allow_unicode=True, sort_keys=False)
    return render(request, "export.html", e=found, report=found["report"] or {},
                  profile=profile, files=FILES)


@router.post("/exports/{export_id}/{verb}")
def decide(request: Request, export_id: int, verb: str, user: Decider,
           reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """Approve or reject a built export."""
    if verb not in ("approve", "reject"):
        return render(request, "error.html", status=404, message_key="not_found")
    try:
        exports.decide(context(request).app.runtime, user.name, export_id, verb == "approve",
                       blank(reason))
    except exports.ExportStateError as exc:
        return redirect(request, f"/exports/{export_id}", ("", str(exc)))
    key = "export_approved" if verb == "approve" else "export_rejected"
    return redirect(request, f"/exports/{export_id}", (key, f"#{export_id}"))


@router.get("/exports/{export_id}/download/{name}")
def download(request: Request, export_id: int, name: str, user: Reader) -> Response:
    """A file of an approved export (audited); refused before approval."""
    if name not in FILES or _visible(request, user, export_id) is None:
        return render(request, "error.html", status=404, message_key="not_found")
    try:
        folder = exports.release(context(request).app.runtime, user.name, export_id,
                                 via="dashboard")
    except exports.ExportStateError:
        return render(request, "error.html", status=409, message_key="export_not_released")
    media = "text/csv" if name == DATA_FILE else "application/json"
    return FileResponse(folder / name, media_type=media,
                        filename=f"export-{export_id}-{name}")
