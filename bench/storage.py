"""Storage benchmark: first scan vs rescan of unchanged data on local files, SMB and S3.

For each backend: N small generated clinic text files (a few KB each), one source, a first scan
and then a rescan of the unchanged data, both timed from queue to the ScanRun being done,
through the real pipeline (SQLite catalog in a temp dir, embedded broker). Target: rescan
<= 10 % of the first scan. A bare listing (connector.list_items, no catalog) is timed too, to
tell whether a slow rescan is the listing or the catalog; S3 is measured with
``read_metadata`` on and off. Real services: smbd (tests/samba.py) and moto's S3 server, run in
its own process so it does not share the scanner's GIL.

Usage: python bench/storage.py [--files N] [--backends local,smb,s3]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalog.models import ScanRun  # noqa: E402
from expunge.app import App, open_app  # noqa: E402
from expunge.config import parse  # noqa: E402
from expunge.demo_data import access_log_text, chart_text, patient, prescription_text  # noqa: E402
from tests.moto_s3 import S3_ENV  # noqa: E402
from tests.samba import free_port, running_samba  # noqa: E402
from workers.scan import queue_scan  # noqa: E402

TARGET = 0.10
BUCKET = "clinic-archive"
Docs = list[tuple[str, bytes]]


def documents(n: int, seed: int = 5) -> Docs:
    """N deterministic clinic text documents (chart or prescription plus access logs)."""
    rng, today = random.Random(seed), date.today()
    people = [patient(rng, i) for i in range(400)]
    docs = []
    for i in range(n):
        p, when = rng.choice(people), today - timedelta(days=rng.randrange(1, 4000))
        folder, head = ("charts", chart_text(p, when, rng)) if i % 2 else (
            "rx", prescription_text(p, when, rng))
        logs = "".join(access_log_text(rng, when, people) for _ in range(rng.randrange(1, 3)))
        docs.append((f"site-{i // 1000:02d}/{folder}/doc-{i:05d}.txt", (head + logs).encode()))
    return docs


@dataclass
class Result:
    backend: str
    items: int
    size: int
    first: float
    rescan: float
    listing: float
    note: str = ""

    def line(self) -> str:
        ratio = self.rescan / self.first
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        return (f"{self.backend:<14} {self.items:>6} {self.size / 1e6:>7.1f} MB "
                f"{self.first:>8.1f} s {self.items / self.first:>8.1f} files/s "
                f"{self.size / 1e6 / self.first:>6.2f} MB/s {self.rescan:>7.1f} s "
                f"{100 * ratio:>6.1f} % {verdict}  (bare listing {self.listing:.1f} s)")

    def diagnosis(self) -> str:
        rest = max(self.rescan - self.listing, 0.0)
        part = (f"connector listing ({self.listing:.1f} s of {self.rescan:.1f} s)"
                if self.listing >= rest else
                f"catalog/pipeline work besides listing ({rest:.1f} s of {self.rescan:.1f} s)")
        return f"  {self.backend}: rescan dominated by {part}{self.note}"


def timed_scan(app: App, source: str) -> tuple[float, dict[str, int]]:
    """Seconds from queueing a scan of ``source`` until its run is done, and its counters."""
    start = time.perf_counter()
    run_id = queue_scan(app.runtime, source, "bench")

    def done() -> bool:
        with app.runtime.catalog.session() as session:
            run = session.get(ScanRun, run_id)
            return run is not None and run.state in ("done", "failed")

    app.dispatcher.wait(done)
    seconds = time.perf_counter() - start
    with app.runtime.catalog.session() as session:
        run = session.get(ScanRun, run_id)
        assert run is not None
        if run.state != "done":
            raise RuntimeError(f"scan of {source} ended {run.state}: {run.error}")
        counts = {"listed": run.items_listed, "classified": run.items_classified,
                  "unchanged": run.items_unchanged, "failed": run.items_failed}
    return seconds, counts


def timed_listing(app: App, source: str) -> float:
    start = time.perf_counter()
    with app.runtime.connector(source) as connector:
        for _ in connector.list_items():
            pass
    return time.perf_counter() - start


def app_for(work: Path, source: dict[str, Any]) -> Any:
    config = parse({"catalog": f"sqlite:///{work}/catalog.db", "sources": [source]}, work)
    return open_app(config)


def measure(backend: str, work: Path, source: dict[str, Any], docs: Docs) -> Result:
    with app_for(work, source) as app:
        app.runtime.engine  # noqa: B018  (load the engine outside the timing)
        first, c1 = timed_scan(app, source["name"])
        rescan, c2 = timed_scan(app, source["name"])
        listing = timed_listing(app, source["name"])
    if c1["classified"] != len(docs) or c1["failed"] or c2["unchanged"] != len(docs):
        print(f"  warning {backend}: first {c1}, rescan {c2}", file=sys.stderr)
    return Result(backend, len(docs), sum(len(d) for _, d in docs), first, rescan, listing)


def bench_local(tmp: Path, docs: Docs, stack: ExitStack) -> list[Result]:
    root = tmp / "clinic"
    for key, data in docs:
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(data)
    source = {"name": "local", "kind": "files", "path": str(root)}
    return [measure("local", tmp / "work-local", source, docs)]


def bench_smb(tmp: Path, docs: Docs, stack: ExitStack) -> list[Result]:
    server = stack.enter_context(running_samba())
    for key, data in docs:  # straight onto the share's disk, owned like SambaServer.write
        server.mkdirs((server.share / key).parent)
        path = server.share / key
        path.write_bytes(data)
        os.chown(path, server.uid, server.gid)
    return [measure("smb", tmp / "work-smb", server.options(name="smb"), docs)]


@contextmanager
def moto_process() -> Iterator[str]:
    """moto's S3 server in a child process on a free loopback port; stopped afterwards."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bench_s3(tmp: Path, docs: Docs, stack: ExitStack) -> list[Result]:
    import boto3
    from botocore.config import Config

    os.environ.update(S3_ENV)
    endpoint = stack.enter_context(moto_process())
    client = boto3.client("s3", endpoint_url=endpoint,
                          config=Config(max_pool_connections=32))
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})

    def put(index: int) -> None:
        key, data = docs[index]
        extra = {"Tagging": "category=chart"} if index % 10 == 0 else {}
        client.put_object(Bucket=BUCKET, Key=key, Body=data,
                          Metadata={"record-date": "2016-05-02"}, **extra)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(put, range(len(docs))))
    source = {"name": "s3", "kind": "s3", "bucket": BUCKET, "endpoint_url": endpoint}
    work = tmp / "work-s3"
    on = measure("s3 meta on", work, source, docs)
    off_source = source | {"read_metadata": False}
    with app_for(work, off_source) as app:  # same catalog: the rescan finds nothing changed
        rescan, counts = timed_scan(app, "s3")
        listing = timed_listing(app, "s3")
    if counts["unchanged"] != len(docs):
        print(f"  warning s3 meta off: rescan {counts}", file=sys.stderr)
    off = Result("s3 meta off", on.items, on.size, on.first, rescan, listing,
                 " (rescan ratio against the meta-on first scan)")
    heads = len(docs) + len(docs) // 10
    on.note = (f"; read_metadata costs {heads} HEAD/GetObjectTagging requests per listing:"
               f" bare listing {on.listing:.1f} s with, {listing:.1f} s without")
    return [on, off]


BACKENDS: dict[str, Callable[[Path, Docs, ExitStack], list[Result]]] = {
    "local": bench_local, "smb": bench_smb, "s3": bench_s3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--backends", default="local,smb,s3")
    args = parser.parse_args()
    chosen = [b.strip() for b in args.backends.split(",") if b.strip()]
    if unknown := set(chosen) - BACKENDS.keys():
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up as on Ctrl-C
    docs = documents(args.files)
    print(f"{len(docs)} documents, {sum(len(d) for _, d in docs) / 1e6:.1f} MB, "
          f"target rescan <= {TARGET:.0%} of first scan", flush=True)
    results: list[Result] = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="expunge-bench-")))
        for backend in chosen:
            with ExitStack() as services:  # stop each backend's server before the next
                started = time.perf_counter()
                found = BACKENDS[backend](tmp, docs, services)
                for result in found:
                    print(result.line(), flush=True)
                print(f"  ({backend}: {time.perf_counter() - started:.0f} s including setup)",
                      flush=True)
                results += found
    failed = [r for r in results if r.rescan / r.first > TARGET]
    for result in failed:
        print(result.diagnosis())
    print("all PASS" if not failed else f"{len(failed)} FAIL")


if __name__ == "__main__":
    main()
