"""Research exports: requested, built by a worker, reviewed by the officer, then released.

    requested → building → built → approved → downloaded
                    ↘ failed        ↘ rejected (files removed)

Nothing can be downloaded before approval, a download re-checks the data file against the
SHA-256 the officer approved, and every step is an audit event. The catalog keeps the
request (source, table or query text, profile) and the risk report, never a row.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import Export, Source, utcnow
from catalog.models import Item as ItemRow
from connectors.errors import ConnectorError
from scanner.errors import ScannerError
from scanner.export_profile import Profile, ProfileError, parse_profile, suggest
from scanner.hierarchies import HierarchyError
from scanner.kanon import AnonymityError
from scanner.research import DATA_FILE, REPORT_FILE, Batch, ExportError, build, sha256_file
from scanner.transform import PseudonymKeyError, key_from_env
from workers.runtime import Runtime, current

log = logging.getLogger(__name__)
BATCH_ROWS = 10_000
FILE_KINDS = (".csv", ".parquet")
DOWNLOADABLE = ("approved", "downloaded")
EXPECTED = (ExportError, ProfileError, AnonymityError, HierarchyError, ConnectorError,
            ScannerError, PseudonymKeyError, OSError)
_READ_ONLY = ("select", "with")


class ExportStateError(ValueError):
    """The export is not in a state that allows the step (or does not exist)."""


def request_export(runtime: Runtime, actor: str, profile: Profile, directory: str, *,
                   source: str | None = None, table: str | None = None,
                   query: str | None = None, file: str | None = None,
                   purpose: str | None = None) -> int:
    """Record a request, audit it, and send it to the workers; return its id."""
    _check_input(runtime, source, table, query, file)
    with runtime.catalog.session() as session:
        export = Export(requested_by=actor, purpose=purpose, source=source, table_name=table,
                        query=query, input_file=file, profile=profile.as_json(),
                        state="requested", output_dir="")
        session.add(export)
        session.flush()
        export.output_dir = str(Path(directory) / str(export.id))
        audit.append(session, actor, "export.requested", f"export:{export.id}",
                     {"source": source, "table": table, "file": file,
                      "query_sha256": query and hashlib.sha256(query.encode()).hexdigest(),
                      "k": profile.k, "l": profile.l, "purpose": purpose})
        export_id = export.id
    runtime.send("build_export", export_id)
    return export_id


def _check_input(runtime: Runtime, source: str | None, table: str | None, query: str | None,
                 file: str | None) -> None:
    if (source is None) == (file is None):
        raise ExportStateError("give a database source (with a table or query) or a file")
    if file is not None:
        if Path(file).suffix.lower() not in FILE_KINDS:
            raise ExportStateError("the file must be .csv or .parquet")
        return
    options = runtime.settings.sources.get(str(source))
    if options is None or options.get("kind") != "database":
        raise ExportStateError(f"{source!r} is not a configured database source")
    if (table is None) == (query is None):
        raise ExportStateError("give a table or a query, not both")
    if query is not None and not query.lstrip().lower().startswith(_READ_ONLY):
        raise ExportStateError("a query must be a SELECT (it runs with the scanning, "
                               "read-only credentials)")


def build_export(export_id: int) -> None:
    """Actor: build a requested export into its directory and record the risk report."""
    runtime = current()
    with runtime.catalog.session() as session:
        export = session.get(Export, export_id)
        if export is None or export.state not in ("requested", "building"):
            return  # redelivered after it was built
        # "building": redelivered after its worker died; the build starts over in a fresh
        # folder, and only a finished one replaces the export's.
        export.state = "building"
        spec = (export.source, export.table_name, export.query, export.input_file,
                dict(export.profile), export.output_dir)
    try:
        report = _build(runtime, *spec)
    except pa.ArrowException as exc:  # parser messages quote the offending row
        _failed(runtime, export_id, f"the file could not be read ({type(exc).__name__})")
        return
    except EXPECTED as exc:
        _failed(runtime, export_id, str(exc) or type(exc).__name__)
        return
    except Exception as exc:  # its message (and traceback) may quote data: the type only
        log.error("unexpected %s building export %s", type(exc).__name__, export_id)
        _failed(runtime, export_id, f"unexpected {type(exc).__name__}")
        return
    _built(runtime, export_id, report)


def _build(runtime: Runtime, source: str | None, table: str | None, query: str | None,
           file: str | None, profile_data: dict[str, Any], output: str) -> dict[str, Any]:
    profile = parse_profile(profile_data)
    needs_key = any(s.pseudonymize or s.shift_days for s in profile.columns.values())
    key = key_from_env() if needs_key else None
    needs_engine = any(s.redact for s in profile.columns.values())
    detect = (lambda text: runtime.engine.analyze(text).detections) if needs_engine else None
    work = Path(f"{output}.partial-{uuid.uuid4().hex[:8]}")
    try:
        if file is not None:
            report = build(file_batches(Path(file)), profile, work, key, detect)
        else:
            with runtime.connector(str(source)) as connector:
                batches: Iterator[Batch] = connector.stream_rows(  # type: ignore[attr-defined]
                    table=table, query=query, batch=BATCH_ROWS)
                report = build(batches, profile, work, key, detect)
        shutil.rmtree(output, ignore_errors=True)  # a build interrupted earlier
        work.rename(output)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def file_batches(path: Path) -> Iterator[Batch]:
    """Rows of a CSV (every value read as text) or Parquet file, in batches."""
    if path.suffix.lower() == ".parquet":
        reader = pq.ParquetFile(path)
        for batch in reader.iter_batches(batch_size=BATCH_ROWS):
            yield _rows(batch)
        return
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    options = pacsv.ConvertOptions(column_types={n: pa.string() for n in header},
                                   strings_can_be_null=True)
    with pacsv.open_csv(path, convert_options=options) as stream:
        for batch in stream:
            yield _rows(batch)


def _rows(batch: pa.RecordBatch) -> Batch:
    columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
    return list(batch.schema.names), list(zip(*columns, strict=True))


def _failed(runtime: Runtime, export_id: int, error: str) -> None:
    with runtime.catalog.session() as session:
        export = session.get(Export, export_id)
        assert export is not None
        export.state, export.error = "failed", error
        audit.append(session, "worker", "export.failed", f"export:{export_id}", {"error": error})
    shutil.rmtree(Path(export.output_dir), ignore_errors=True)


def _built(runtime: Runtime, export_id: int, report: dict[str, Any]) -> None:
    with runtime.catalog.session() as session:
        export = session.get(Export, export_id)
        assert export is not None
        export.state, export.report, export.built_at = "built", report, utcnow()
        export.manifest_sha256 = report["manifest"]["sha256"]
        audit.append(session, "worker", "export.built", f"export:{export_id}",
                     {"sha256": export.manifest_sha256, **report["achieved"]})


def _claim(session: Session, export_id: int, states: tuple[str, ...]) -> Export:
    export = session.get(Export, export_id)
    if export is None:
        raise ExportStateError(f"export {export_id}: not found")
    if export.state not in states:
        raise ExportStateError(f"export {export_id}: is {export.state}, expected "
                               f"{' or '.join(states)}")
    return export


def decide(runtime: Runtime, actor: str, export_id: int, approve: bool,
           reason: str | None) -> None:
    """The officer's decision on a built export: approved, or rejected (files removed)."""
    if not approve and not reason:
        raise ExportStateError("a rejection needs a reason")
    with runtime.catalog.session() as session:
        export = _claim(session, export_id, ("built",))
        export.state = "approved" if approve else "rejected"
        export.decided_by, export.decided_at, export.reason = actor, utcnow(), reason
        audit.append(session, actor, f"export.{export.state}", f"export:{export_id}",
                     {"sha256": export.manifest_sha256, "reason": reason})
        directory = Path(export.output_dir)
    if not approve:
        shutil.rmtree(directory, ignore_errors=True)


def release(runtime: Runtime, actor: str, export_id: int, via: str = "cli") -> Path:
    """The folder of an approved export whose data still matches the approved SHA-256;
    audited as a download (the caller then copies or sends its files)."""
    with runtime.catalog.session() as session:
        export = _claim(session, export_id, DOWNLOADABLE)
        folder = Path(export.output_dir)
        data = folder / DATA_FILE
        if not data.is_file() or sha256_file(data) != export.manifest_sha256:
            raise ExportStateError(f"export {export_id}: data.csv is missing or no longer "
                                   "matches the approved SHA-256")
        export.state, export.downloads = "downloaded", export.downloads + 1
        audit.append(session, actor, "export.downloaded", f"export:{export_id}",
                     {"sha256": export.manifest_sha256, "via": via})
    return folder


def download(runtime: Runtime, actor: str, export_id: int, destination: Path) -> list[Path]:
    """Copy an approved export's data and report to ``destination`` (audited)."""
    folder = release(runtime, actor, export_id)
    destination.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(folder / name, destination / name))
            for name in (DATA_FILE, REPORT_FILE)]


def requester(runtime: Runtime, export_id: int) -> str | None:
    """Who asked for an export (None when there is no such export)."""
    with runtime.catalog.session() as session:
        export = session.get(Export, export_id)
        return None if export is None else export.requested_by


def get(runtime: Runtime, export_id: int) -> dict[str, Any]:
    """One export as a flat row plus its report."""
    with runtime.catalog.session() as session:
        export = session.get(Export, export_id)
        if export is None:
            raise ExportStateError(f"export {export_id}: not found")
        return row(export) | {"report": export.report, "profile": export.profile,
                              "query": export.query}


def row(export: Export) -> dict[str, Any]:
    """The listing's view of an export."""
    achieved = (export.report or {}).get("achieved", {})
    return {"id": export.id, "state": export.state, "requested_by": export.requested_by,
            "requested_at": export.requested_at, "source": export.source or export.input_file,
            "table": export.table_name or ("query" if export.query else None),
            "k": achieved.get("k"), "l": achieved.get("l"),
            "released": achieved.get("released"), "suppressed": achieved.get("suppressed"),
            "decided_by": export.decided_by, "sha256": export.manifest_sha256,
            "error": export.error}


def listing(runtime: Runtime, requested_by: str | None = None) -> list[dict[str, Any]]:
    """Every export (or one requester's), newest first."""
    with runtime.catalog.session() as session:
        query = select(Export).order_by(Export.id.desc())
        if requested_by is not None:
            query = query.where(Export.requested_by == requested_by)
        return [row(e) for e in session.execute(query).scalars()]


def column_findings(session: Session, source: str, table: str) -> dict[str, set[str]]:
    """Per column of a scanned table, the entity types found in it (in column order)."""
    items = session.execute(select(ItemRow).join(Source).where(
        Source.name == source, ItemRow.kind == "column")).scalars().all()
    return {str(i.attributes["column"]): {f.entity_type for f in i.findings}
            for i in items if (i.attributes or {}).get("table") == table}


def suggest_profile(runtime: Runtime, source: str, table: str) -> str:
    """A starter profile for a scanned table, from its columns' findings."""
    with runtime.catalog.session() as session:
        found = column_findings(session, source, table)
    if not found:
        raise ExportStateError(f"{source}: no scanned table {table!r} (run `expunge scan`)")
    return suggest(found)
