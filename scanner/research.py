"""Build a de-identified research export from batches of rows, with its risk report.

Two passes, memory bounded by the codes (one int64 per row and quasi-identifier or
sensitive column), never by the values:

1. Each batch is transformed column by column (identifiers dropped or pseudonymized, dates
   shifted per subject, free text redacted); quasi-identifier and sensitive values become
   integer codes, and what is released as is goes to a spool file (Arrow IPC) next to the
   output.
2. The lattice search (:mod:`scanner.kanon`) picks the generalization; the spool is read back,
   generalized labels put in, suppressed records left out, and ``data.csv`` written.

The report says what was achieved (k, l, risk, information loss), how (hierarchy levels,
what became of each column), and the manifest (SHA-256 of ``data.csv``, the profile). It never
holds the key or a raw value of an identifier.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.ipc as ipc

from scanner import hierarchies
from scanner.anonymize import redact_identifying, shift_date, shift_days
from scanner.engine import Detection
from scanner.export_profile import ColumnSpec, Profile
from scanner.kanon import Codes, Model, Quasi, Result, anonymize, encode
from scanner.metrics import measure
from scanner.transform import pseudonym

Batch = tuple[Sequence[str], Sequence[Sequence[Any]]]
Detector = Callable[[str], Sequence[Detection]]
DATA_FILE = "data.csv"
REPORT_FILE = "report.json"
SPOOL_FILE = ".spool.arrow"
_ROWS = "\x1frows"  # a spool column that only carries the row count


class ExportError(ValueError):
    """The export cannot be built as asked (names the column or setting, never a value)."""


class Encoder:
    """Distinct values of one column, numbered in order of first appearance."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}

    def codes(self, values: Sequence[Any]) -> Codes:
        index = self.index
        return np.fromiter(
            (index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values)
        )

    @property
    def values(self) -> list[Any]:
        return list(self.index)


@dataclass
class Columns:
    """The first pass's state: codes per coded column, the spool, the order of output."""

    names: list[str] = field(default_factory=list)
    encoders: dict[str, Encoder] = field(default_factory=dict)
    codes: dict[str, list[Codes]] = field(default_factory=dict)
    spooled: list[str] = field(default_factory=list)
    schema: pa.Schema = field(default_factory=lambda: pa.schema([]))
    rows: int = 0


@dataclass
class Transformer:
    """Per-column transformations of one export (the key never leaves this object)."""

    profile: Profile
    key: bytes | None
    detect: Detector | None
    _shifts: dict[tuple[str, int], int] = field(default_factory=dict)

    def column(self, name: str, values: Sequence[Any], subjects: Sequence[Any]) -> list[Any]:
        """A column's values as released (before generalization)."""
        spec = self.profile.columns[name]
        out = list(values)
        if spec.shift_days:
            try:
                out = self._shift(out, subjects, spec.shift_days)
            except ValueError as exc:
                raise ExportError(f"{name}: {exc}") from None
        if spec.pseudonymize:
            key = self._need_key()
            out = [None if v is None else pseudonym(str(v), key) for v in out]
        if spec.redact:
            detect = self.detect
            if detect is None:
                raise ExportError(f"{name}: redaction needs the detection engine")
            out = [None if v is None else redact_identifying(str(v), detect) for v in out]
        return out

    def _shift(self, values: list[Any], subjects: Sequence[Any], days: int) -> list[Any]:
        key = self._need_key()
        shifted = []
        for value, subject in zip(values, subjects, strict=True):
            if value is None or subject is None:
                shifted.append(None if subject is None else value)  # no subject: no date
                continue
            token = (str(subject), days)
            if token not in self._shifts:
                self._shifts[token] = shift_days(token[0], key, days)
            shifted.append(shift_date(value, self._shifts[token]))
        return shifted

    def _need_key(self) -> bytes:
        if not self.key:
            raise ExportError("pseudonyms and date shifts need a key ($EXPUNGE_PSEUDONYM_KEY)")
        return self.key


def _check_columns(profile: Profile, names: Sequence[str]) -> None:
    missing = [c for c in profile.columns if c not in names]
    if missing:
        raise ExportError(f"columns named in the profile are not in the data: {', '.join(missing)}")


def first_pass(
    batches: Iterable[Batch], profile: Profile, transformer: Transformer, spool: Path
) -> Columns:
    """Transform every batch: codes for quasi and sensitive columns, the rest spooled."""
    state = Columns()
    writer: ipc.RecordBatchStreamWriter | None = None
    try:
        for names, rows in batches:
            if writer is None:
                writer = _open_spool(state, profile, names, spool)
            if rows:
                writer.write_batch(_batch(state, profile, transformer, names, rows))
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        raise ExportError("the data has no columns")
    return state


def _open_spool(
    state: Columns, profile: Profile, names: Sequence[str], spool: Path
) -> ipc.RecordBatchStreamWriter:
    _check_columns(profile, names)
    state.names = [n for n in names if profile.released(n)]
    state.spooled = [
        n for n in state.names if profile.columns[n].role not in ("quasi", "sensitive")
    ]
    state.schema = pa.schema([(n, pa.string()) for n in state.spooled] + [(_ROWS, pa.null())])
    return ipc.new_stream(str(spool), state.schema)


def _batch(
    state: Columns,
    profile: Profile,
    transformer: Transformer,
    names: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> pa.RecordBatch:
    """Code one batch's quasi and sensitive columns; return the columns to spool."""
    columns = dict(zip(names, zip(*rows, strict=True), strict=True))
    subject = profile.subject_column
    subjects = columns[subject] if subject else (None,) * len(rows)
    arrays = []
    for name in state.names:
        values = transformer.column(name, columns[name], subjects)
        if name in state.spooled:
            arrays.append(pa.array([None if v is None else str(v) for v in values], pa.string()))
        else:
            encoder = state.encoders.setdefault(name, Encoder())
            state.codes.setdefault(name, []).append(encoder.codes(values))
    state.rows += len(rows)
    return pa.record_batch([*arrays, pa.nulls(len(rows))], schema=state.schema)


def hierarchy_of(name: str, spec: ColumnSpec, values: Sequence[Any]) -> hierarchies.Hierarchy:
    """The column's hierarchy: user-defined, named in the profile, or guessed from values."""
    if spec.hierarchy is not None:
        return hierarchies.mapping(name, spec.hierarchy)
    kind = spec.generalize or hierarchies.guess(values)
    return hierarchies.named(kind, spec.bands)


def _all_codes(state: Columns, name: str) -> Codes:
    parts = state.codes.get(name, [])
    return np.concatenate(parts) if parts else np.zeros(state.rows, dtype=np.int64)


def quasi_columns(state: Columns, profile: Profile) -> list[Quasi]:
    """Encoded quasi-identifiers with their hierarchies."""
    out = []
    for name in profile.quasi:
        values = state.encoders[name].values if name in state.encoders else []
        spec = profile.columns[name]
        out.append(
            encode(
                name, values, _all_codes(state, name), hierarchy_of(name, spec, values), spec.weight
            )
        )
    return out


def _labels(values: Sequence[Any]) -> npt.NDArray[Any]:
    return np.array([None if v is None else str(v) for v in values] or [None], dtype=object)


def second_pass(
    state: Columns, profile: Profile, quasi: list[Quasi], result: Result, spool: Path, output: Path
) -> None:
    """Write ``data.csv``: released rows, generalized labels, spooled columns as they are."""
    released: dict[str, tuple[npt.NDArray[Any], Codes]] = {}
    for q, level in zip(quasi, result.node, strict=True):
        released[q.name] = (np.array(q.labels[level] or [""], dtype=object), q.maps[level][q.codes])
    for name in profile.sensitive:
        if name in state.names:
            released[name] = (_labels(state.encoders[name].values), _all_codes(state, name))
    schema = pa.schema([(n, pa.string()) for n in state.names])
    start = 0
    with ipc.open_stream(str(spool)) as reader, pacsv.CSVWriter(str(output), schema) as out:
        for batch in reader:
            end = start + batch.num_rows
            keep = result.keep[start:end]
            arrays = [
                batch.column(name).filter(pa.array(keep))
                if name in state.spooled
                else _released(released[name], start, end, keep)
                for name in state.names
            ]
            out.write_batch(pa.record_batch(arrays, schema=schema))
            start = end


def _released(
    column: tuple[npt.NDArray[Any], Codes], start: int, end: int, keep: npt.NDArray[np.bool_]
) -> pa.Array:
    labels, codes = column
    return pa.array(labels[codes[start:end][keep]], pa.string())


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build(
    batches: Iterable[Batch],
    profile: Profile,
    directory: Path,
    key: bytes | None = None,
    detect: Detector | None = None,
) -> dict[str, Any]:
    """Build ``data.csv`` and ``report.json`` in ``directory``; return the report."""
    started = time.monotonic()
    directory.mkdir(parents=True, exist_ok=True)
    spool = directory / SPOOL_FILE
    try:
        state = first_pass(batches, profile, Transformer(profile, key, detect), spool)
        if state.rows == 0:
            raise ExportError("the data has no rows")
        quasi = quasi_columns(state, profile)
        sensitive = [_all_codes(state, n) for n in profile.sensitive]
        model = Model(profile.k, profile.l, profile.max_suppression)
        result = anonymize(quasi, sensitive, model)
        second_pass(state, profile, quasi, result, spool, directory / DATA_FILE)
    finally:
        spool.unlink(missing_ok=True)
    report = risk_report(state, profile, quasi, sensitive, result)
    report["search"]["seconds"] = round(time.monotonic() - started, 3)
    report["manifest"] = manifest(directory / DATA_FILE, profile, state, result)
    (directory / REPORT_FILE).write_text(
        json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return report


def risk_report(
    state: Columns, profile: Profile, quasi: list[Quasi], sensitive: list[Codes], result: Result
) -> dict[str, Any]:
    """k, l, risks and information loss achieved, the hierarchies and column treatments."""
    figures = measure(
        result.class_of,
        result.keep,
        sensitive,
        [(q.codes, q.maps[h][q.codes]) for q, h in zip(quasi, result.node, strict=True)],
        profile.k,
        profile.population,
    )
    return {
        "model": {"k": profile.k, "l": profile.l, "max_suppression": profile.max_suppression},
        "achieved": {
            "k": figures.k,
            "l": figures.l if profile.sensitive else None,
            "rows": figures.rows,
            "released": figures.released,
            "suppressed": figures.suppressed,
            "classes": figures.classes,
        },
        "risk": {
            "prosecutor_max": figures.prosecutor_max,
            "prosecutor_avg": figures.prosecutor_avg,
            "journalist_max": figures.journalist_max,
            "journalist_avg": figures.journalist_avg,
            "population": profile.population,
        },
        "information_loss": {
            "non_uniform_entropy": figures.nue,
            "discernibility": figures.discernibility,
            "avg_class_size": figures.avg_class_size,
            "generalization_height": sum(result.node),
            "max_height": sum(q.height for q in quasi),
        },
        "hierarchies": {
            q.name: {"hierarchy": q.hierarchy, "level": h, "height": q.height}
            for q, h in zip(quasi, result.node, strict=True)
        },
        "columns": treatments(profile, state.names),
        "search": {"nodes_checked": result.checked, "minimal_nodes": result.minimal},
    }


def treatments(profile: Profile, released: Sequence[str]) -> dict[str, str]:
    """What became of each column named in the profile, in words."""
    out = {}
    for name, spec in profile.columns.items():
        steps = [f"shifted ±{spec.shift_days} days per subject"] if spec.shift_days else []
        if name not in released:
            steps.append("dropped")
        elif spec.pseudonymize:
            steps.append("pseudonymized (HMAC-SHA256)")
        elif spec.role == "quasi":
            steps.append("generalized")
        if spec.redact:
            steps.append("redacted")
        out[name] = ", ".join(steps) or "kept"
    return out


def manifest(data: Path, profile: Profile, state: Columns, result: Result) -> dict[str, Any]:
    """The output's SHA-256 and the parameters that made it (never the key)."""
    canonical = json.dumps(profile.as_json(), sort_keys=True, ensure_ascii=False)
    return {
        "file": DATA_FILE,
        "sha256": sha256_file(data),
        "rows": int(result.keep.sum()),
        "columns": state.names,
        "profile": profile.as_json(),
        "profile_sha256": hashlib.sha256(canonical.encode()).hexdigest(),
        "node": list(result.node),
    }
