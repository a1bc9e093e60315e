"""``expunge analyze``: detection on local files, without a catalog (one JSON line per file)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from scanner.engine import Engine
from scanner.errors import ScannerError
from scanner.extract import extract_text


def walk(paths: Sequence[Path]) -> Iterator[Path]:
    """Every file named or below a named directory, in a stable order; links not followed."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.is_symlink():
                    yield child
        else:
            yield path


def _read(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than the {limit}-byte read cap")
    return data


def analyze_file(engine: Engine, path: Path, limit: int) -> dict[str, Any]:
    """The contract's line for one file; an error on this file is reported on its line."""
    line: dict[str, Any] = {"path": str(path)}
    try:
        text = extract_text(_read(path, limit), path.name)
    except OSError as exc:
        line["error"] = exc.strerror or type(exc).__name__
        return line
    except (ScannerError, ValueError) as exc:
        line["error"] = str(exc)
        return line
    analysis = engine.analyze(text)
    line["language"] = analysis.language
    line["findings"] = [
        {"entity_type": d.entity_type, "start": d.start, "end": d.end, "score": round(d.score, 3)}
        for d in analysis.detections
    ]
    return line
