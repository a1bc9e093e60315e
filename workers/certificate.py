"""Destruction certificates: what was destroyed, when, under which rule, by whom; no content."""

from __future__ import annotations

import hashlib
import html
import json
import logging
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace
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


# Fonts with Hangul, best first; the first one found renders the PDF.
HANGUL_FONTS = ("NanumGothic.ttf", "NanumBarunGothic.ttf", "NotoSansKR-Regular.ttf",
                "NotoSansKR-Regular.otf", "malgun.ttf", "AppleGothic.ttf", "UnDotum.ttf")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "/System/Library/Fonts", "C:/Windows/Fonts")
NO_FONT_NOTE = ("Note: no font with Hangul was found on this machine (install fonts-nanum), so "
                "characters outside Latin-1 are shown as '?'. The JSON certificate is complete.")
TITLE, TITLE_KO = "Destruction certificate", "개인정보 파기 확인서"
HEADINGS = FontFace(emphasis="", fill_color=(225, 225, 225))  # no bold face needed
PDF_WIDTHS = (16, 40, 22, 36, 52, 15, 17, 18, 34, 14)  # mm, COLUMNS on landscape A4


@lru_cache(maxsize=1)
def hangul_font() -> Path | None:
    """A TrueType/OpenType font with Hangul installed on this machine, if any."""
    for name in HANGUL_FONTS:
        for directory in FONT_DIRS:
            root = Path(directory).expanduser()
            found = next(root.rglob(name), None) if root.is_dir() else None
            if found is not None:
                return found
    return None


class _CertificatePdf:
    """Lays out one certificate; ``text`` makes strings printable in the font in use."""

    def __init__(self, font: Path | None) -> None:
        self.pdf = FPDF(orientation="L", format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=12)
        self.pdf.add_page()
        self.family = "Helvetica"
        if font is not None:
            # fontTools names every table it drops while subsetting: noise, not a problem.
            logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
            self.pdf.add_font("Hangul", fname=str(font))
            self.family = "Hangul"
        self.unicode = font is not None

    def text(self, value: object) -> str:
        """``value`` as a string the font can show."""
        shown = "" if value is None else str(value)
        return shown if self.unicode else shown.encode("latin-1", "replace").decode("latin-1")

    def line(self, value: object, size: float = 10, mono: bool = False) -> None:
        """A paragraph across the page."""
        self.pdf.set_font("Courier" if mono else self.family, size=size)
        self.pdf.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")

    def table(self, entries: list[dict[str, Any]], columns: tuple[str, ...],
              widths: tuple[int, ...]) -> None:
        """A table with a heading row, one row per entry."""
        self.pdf.set_font(self.family, size=6.5)
        with self.pdf.table(col_widths=widths, text_align="LEFT", line_height=3.2,
                            headings_style=HEADINGS) as table:
            for values in [list(columns)] + [[e.get(c) for c in columns] for e in entries]:
                row = table.row()
                for value in values:
                    row.cell(self.text(value))


def render_pdf(body: dict[str, Any], sha256: str, font: Path | None = None) -> bytes:
    """The certificate as a PDF: the facts of the HTML page, never content."""
    doc = _CertificatePdf(font)
    summary = body["summary"]
    doc.line(TITLE + (f" / {TITLE_KO}" if doc.unicode else ""), size=16)
    if not doc.unicode:
        doc.line(NO_FONT_NOTE, size=8)
    doc.line(f"Run {body['certificate']}, issued {body['issued_at']} by {body['issuer']}.")
    doc.line(f"Items destroyed or anonymized and verified: {summary['destroyed_or_anonymized']};"
             f" not executed: {summary['not_executed']}.")
    by_category = ", ".join(f"{k}: {v}" for k, v in sorted(summary["by_category"].items()))
    doc.line(f"By category: {by_category or 'none'}.")
    doc.line("Audit chain head when issued:")
    doc.line(body["audit_head_before_issue"], size=9, mono=True)
    doc.line("SHA-256 of the JSON certificate (checked by `expunge certificate verify`):")
    doc.line(sha256, size=9, mono=True)
    doc.line("Destroyed", size=12)
    doc.table(body["items"], COLUMNS, PDF_WIDTHS)
    doc.line("Not executed", size=12)
    doc.table(body["not_executed"], ("source", "item", "action", "state", "error"),
              (30, 90, 25, 25, 107))
    return bytes(doc.pdf.output())


def write_pdf(cert: Certificate, path: Path) -> Path:
    """Write the certificate's PDF rendering to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_pdf(json.loads(cert.body), cert.sha256, hangul_font()))
    return path
