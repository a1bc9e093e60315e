"""Scan throughput through the whole pipeline (catalog, embedded Dramatiq, extraction, detection).

Prints files/s and chars/s for a first scan of a generated clinic, then for a rescan of the
unchanged clinic (the incremental path), and their ratio. Usage: python bench/bench_scan.py [N]
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from catalog.models import ScanRun
from expunge.app import App, open_app
from expunge.config import parse
from expunge.demo_data import generate
from workers.scan import queue_scan


def timed_scan(app: App) -> float:
    """Seconds for one scan of the clinic source, from request to the run being closed."""
    start = time.perf_counter()
    run_id = queue_scan(app.runtime, "clinic", "bench")

    def done() -> bool:
        with app.runtime.catalog.session() as session:
            run = session.get(ScanRun, run_id)
            return run is not None and run.state in ("done", "failed")

    app.dispatcher.wait(done)
    return time.perf_counter() - start


def main(copies: int) -> None:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clinic"
        files = sum(generate(root / f"site-{i}", seed=i, today=date.today())
                    for i in range(copies))
        chars = sum(len(p.read_bytes()) for p in root.rglob("*") if p.is_file())
        config = parse({"catalog": f"sqlite:///{tmp}/catalog.db",
                        "sources": [{"name": "clinic", "kind": "files", "path": str(root)}]},
                       Path(tmp))
        with open_app(config) as app:
            app.runtime.engine  # noqa: B018  (load the engine outside the timing)
            first = timed_scan(app)
            again = timed_scan(app)
    print(f"files: {files}, bytes: {chars}")
    print(f"first scan : {first:6.2f} s  {files / first:8.1f} files/s  {chars / first:10.0f} B/s")
    print(f"rescan     : {again:6.2f} s  {files / again:8.1f} files/s (unchanged, not re-read)")
    print(f"ratio rescan/first: {first / again:.1f}x faster")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
