"""``expunge demo``: the whole flow on a generated clinic, touching nothing outside its folder."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.rule import Rule

from catalog import audit, queries
from catalog.models import Hold
from expunge import config as config_module
from expunge.app import App, open_app
from expunge.cli import run_enforcement, run_plan, run_scans
from expunge.demo_data import generate
from expunge.demo_emr import generate_emr
from expunge.output import Format, emit, make_console
from workers.approve import approve

MARKER = ".expunge-demo"
DEMO_CONFIG = """\
# Written by `expunge demo`: a generated clinic with its own catalog and certificates.
catalog: sqlite:///catalog.db
broker: embedded
rules: [kr-medical]
sources:
  - {name: clinic, kind: files, path: clinic}
  - {name: emr, kind: database, url: "sqlite:///emr.db",
     subject: {table: patients, key: id, match: [email, rrn]}}
bindings:
  - {source: clinic, path: "charts/**", clock: mtime, category: medical_record, action: delete}
  - {source: clinic, path: "consents/**", clock: mtime, category: medical_record, action: delete}
  - {source: clinic, path: "rx/**", clock: mtime, category: prescription}
  - {source: clinic, path: "logs/**", clock: mtime, category: access_log}
  - {source: clinic, path: "roster/**", clock: mtime, category: patient_roster}
  - {source: emr, table: patients, clock: created_at, category: patient_roster}
  - {source: emr, table: visits, clock: visit_date, category: medical_record, action: delete}
  - {source: emr, table: prescriptions, clock: issued_on, category: prescription}
  - {source: emr, table: access_logs, clock: accessed_at, category: access_log}
certificates_dir: certificates
"""


def prepare(directory: Path) -> None:
    """Start from an empty demo folder; refuse to clear a folder the demo did not make."""
    if directory.exists():
        if not (directory / MARKER).exists() and any(directory.iterdir()):
            raise FileExistsError(f"{directory} exists and was not made by `expunge demo`")
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    (directory / MARKER).write_text("made by expunge demo; deleted and remade on each run\n")
    (directory / "expunge.yaml").write_text(DEMO_CONFIG, encoding="utf-8")


def show_findings(app: App, console: Console) -> None:
    with app.runtime.catalog.session() as session:
        rows = queries.findings(session)
        audit.append(session, "demo", "findings.viewed", "catalog", {"rows": len(rows)})
    by_type = Counter[str]()
    for row in rows:
        by_type[row["entity_type"]] += row["count"]
    emit([{"entity_type": t, "values": n} for t, n in by_type.most_common()], Format.table,
         title="what was found (values, all files)", console=console)
    emit(rows[:12], Format.table, title=f"findings: first 12 of {len(rows)} (masked samples)",
         columns=("item", "entity_type", "count", "score", "sample"), console=console)


def place_hold(app: App, user: str) -> None:
    with app.runtime.catalog.session() as session:
        hold = Hold(source="clinic", path="charts/dispute-*", reason="patient dispute 2019-031",
                    created_by=user)
        session.add(hold)
        session.flush()
        audit.append(session, user, "hold.added", f"hold:{hold.id}",
                     {"source": hold.source, "path": hold.path, "reason": hold.reason})


def run_demo(directory: Path, seed: int, user: str) -> int:
    """Run the tour; 0 when every approved disposition was enforced or held as it should."""
    console = make_console()
    try:
        prepare(directory)
    except FileExistsError as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 2
    files = generate(directory / "clinic", seed, date.today())
    rows = generate_emr(directory / "emr.db", seed, date.today())
    console.print(Rule(f"1. a synthetic clinic: {files} files in {directory / 'clinic'}, "
                       f"{rows} rows in {directory / 'emr.db'}"))
    cfg = config_module.load(str(directory / "expunge.yaml"))
    with open_app(cfg) as app:
        console.print(Rule("2. scan: list, extract text, detect (the broken PDF is reported)"))
        run_scans(app, ["clinic", "emr"], user, True, console)
        show_findings(app, console)
        console.print(Rule("3. a legal hold on the disputed chart, then the retention plan"))
        place_hold(app, user)
        due = [r for r in run_plan(app, date.today()) if r["action"] != "keep"]
        emit(due, Format.table, title="due now", console=console,
             columns=("source", "item", "category", "due", "action", "rows", "held",
                      "disposition"))
        console.print(Rule("4. the officer approves; workers destroy, verify and certify"))
        approved, _ = approve(app.runtime, user, None, "demo: retention period ended")
        console.print(f"approved {len(approved)} disposition(s)")
        outcome = run_enforcement(app, user, None, True, console) or []
        emit(outcome, Format.table, title="enforcement", console=console,
             columns=("id", "source", "item", "category", "action", "rows", "state", "error"))
        with app.runtime.catalog.session() as session:
            verification = audit.verify(session)
    console.print(Rule("5. proof"))
    console.print(f"audit chain: {'intact' if verification.ok else 'BROKEN'}, "
                  f"{verification.checked} events")
    console.print(f"explore: expunge --config {directory / 'expunge.yaml'} findings | plan")
    failed = [r for r in outcome if r["state"] not in ("done", "held")]
    return 1 if failed or not verification.ok else 0
