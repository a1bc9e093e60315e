"""Destruction certificates: what was destroyed, when, under which rule, by whom; no content."""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import AuditEvent, Certificate, Disposition, utcnow
from workers.runtime import Runtime

PENDING = ("approved", "running")


def _entry(d: Disposition) -> dict[str, Any]:
    return {
        "disposition": d.id, "source": d.item.source.name, "item": d.item.key,
        "category": d.category, "rule": d.rule, "basis": d.basis, "action": d.action,
        "due": d.due.isoformat() if d.due else None, "approved_by": d.approved_by,
        "approved_at": d.approved_at.isoformat() if d.approved_at else None,
        "approval_reason": d.reason,
        "executed_at": d.finished_at.isoformat() if d.finished_at else None,
        "state": d.state, "verified": d.state == "done", "error": d.error,
    }


def certificate_body(session: Session, run_id: str) -> dict[str, Any]:
    """The certificate of one enforcement run, as data."""
    rows = session.execute(
        select(Disposition).where(Disposition.run_id == run_id).order_by(Disposition.id)
    ).scalars().all()
    entries = [_entry(d) for d in rows]
    done = [e for e in entries if e["state"] == "done"]
    return {
        "certificate": run_id,
        "issued_at": utcnow().isoformat(),
        "issuer": "expunge",
        "audit_head_before_issue": audit.head_hash(session),
        "summary": {
            "destroyed_or_anonymized": len(done),
            "not_executed": len(entries) - len(done),
            "by_category": dict(Counter(str(e["category"]) for e in done)),
            "by_state": dict(Counter(e["state"] for e in entries)),
        },
        "items": done,
        "not_executed": [e for e in entries if e["state"] != "done"],
    }


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True)


def issue_if_complete(runtime: Runtime, run_id: str) -> Certificate | None:
    """Issue the run's certificate once nothing of it is pending (by whoever finishes last)."""
    try:
        with runtime.catalog.session() as session:
            pending = session.execute(select(func.count()).where(
                Disposition.run_id == run_id, Disposition.state.in_(PENDING))).scalar_one()
            issued = session.execute(
                select(Certificate).where(Certificate.run_id == run_id)).scalar_one_or_none()
            if pending or issued:
                return None
            body = certificate_body(session, run_id)
            text = canonical(body)
            digest = hashlib.sha256(text.encode()).hexdigest()
            cert = Certificate(run_id=run_id, items=len(body["items"]), sha256=digest, body=text)
            session.add(cert)
            session.flush()
            audit.append(session, "worker", "certificate.issued", f"run:{run_id}",
                         {"sha256": digest, "items": cert.items})
    except IntegrityError:
        return None  # another worker issued it at the same moment
    write_files(cert, Path(runtime.settings.certificates_dir))
    return cert


def write_files(cert: Certificate, directory: Path) -> list[Path]:
    """Write the certificate as JSON (what was signed off) and as a readable HTML page."""
    directory.mkdir(parents=True, exist_ok=True)
    json_path = directory / f"{cert.run_id}.json"
    json_path.write_text(cert.body, encoding="utf-8")
    html_path = directory / f"{cert.run_id}.html"
    html_path.write_text(render_html(json.loads(cert.body), cert.sha256), encoding="utf-8")
    return [json_path, html_path]


COLUMNS = ("source", "item", "category", "rule", "basis", "action", "due", "approved_by",
           "executed_at", "verified")


def _table(entries: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(e.get(c, '')))}</td>" for c in columns) + "</tr>"
        for e in entries
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def render_html(body: dict[str, Any], sha256: str) -> str:
    """A printable page of the certificate."""
    summary = body["summary"]
    failed = _table(body["not_executed"], ("source", "item", "action", "state", "error"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Destruction certificate {html.escape(body['certificate'])}</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:4px 8px;text-align:left}}</style></head><body>
<h1>Destruction certificate</h1>
<p>Run <code>{html.escape(body['certificate'])}</code>, issued {html.escape(body['issued_at'])}
by {html.escape(body['issuer'])}. Items destroyed or anonymized and verified:
<b>{summary['destroyed_or_anonymized']}</b>; not executed: <b>{summary['not_executed']}</b>.</p>
<p>Audit chain head when issued: <code>{html.escape(body['audit_head_before_issue'])}</code><br>
SHA-256 of the JSON certificate: <code>{html.escape(sha256)}</code></p>
<h2>Destroyed</h2>{_table(body['items'], COLUMNS)}
<h2>Not executed</h2>{failed}
</body></html>
"""


def verify_certificate(session: Session, run_id: str, sha256: str) -> list[str]:
    """Problems found checking a certificate's hash against the audit trail (none: genuine)."""
    events = session.execute(select(AuditEvent).where(
        AuditEvent.action == "certificate.issued", AuditEvent.subject == f"run:{run_id}")
    ).scalars().all()
    if not events:
        return [f"run {run_id}: the audit trail records no certificate"]
    recorded = json.loads(events[0].details).get("sha256")
    problems = [] if recorded == sha256 else [
        f"run {run_id}: the file's SHA-256 {sha256[:16]}… differs from the one recorded at "
        f"issue {str(recorded)[:16]}… (audit_event {events[0].id}): the file was altered"]
    chain = audit.verify(session)
    return problems + [f"audit trail: {p}" for p in chain.problems]
