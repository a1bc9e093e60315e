"""Enforcement throughput: dispositions per second with 1 and 2 `expunge worker` processes.

Each round builds N due files, scans and plans them, approves them all, then times
`expunge enforce --wait` through a private Redis with the given number of worker processes
(2 threads each). Catalog: PostgreSQL when EXPUNGE_BENCH_POSTGRES is a server URL, else
SQLite. Usage: python bench/enforce.py [--items N]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import yaml
from pg import fresh_database  # bench/ is on the path

OLD = 1_262_304_000  # 2010-01-01: every file is past its two years


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def redis_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.kill()
        process.wait()


@contextmanager
def catalog_url(tmp: Path) -> Iterator[str]:
    server = os.environ.get("EXPUNGE_BENCH_POSTGRES")
    if not server:
        yield f"sqlite:///{tmp / 'catalog.db'}"
        return
    with fresh_database(server) as url:
        yield url


def expunge(config: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "expunge.cli", "--config", str(config), *args],
                   check=True, capture_output=True, timeout=3600)


def round_trip(items: int, workers: int) -> float:
    """Seconds to enforce ``items`` approved deletions with ``workers`` processes."""
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        broker = stack.enter_context(redis_server())
        root = tmp / "estate" / "rx"
        root.mkdir(parents=True)
        for n in range(items):
            (root / f"{n:05d}.txt").write_text(f"처방전 {n}\n")
            os.utime(root / f"{n:05d}.txt", (OLD, OLD))
        config = tmp / "expunge.yaml"
        config.write_text(yaml.safe_dump({
            "catalog": stack.enter_context(catalog_url(tmp)), "broker": broker,
            "sources": [{"name": "estate", "kind": "files", "path": str(tmp / "estate")}],
            "bindings": [{"source": "estate", "path": "rx/**", "category": "prescription"}],
            "enforce": {"max_items": 10 * items, "max_share": 1.0}}))
        processes = [subprocess.Popen(
            [sys.executable, "-m", "expunge.cli", "--config", str(config), "worker",
             "--threads", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(workers)]
        try:
            expunge(config, "scan", "--wait")
            expunge(config, "plan")
            expunge(config, "approve", "--all")
            start = time.perf_counter()
            expunge(config, "enforce", "--wait")
            elapsed = time.perf_counter() - start
        finally:
            for process in processes:
                process.terminate()
                process.wait()
        assert not any(root.iterdir()), "some files were not deleted"
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    items = parser.parse_args().items
    one = round_trip(items, 1)
    two = round_trip(items, 2)
    catalog = "PostgreSQL" if os.environ.get("EXPUNGE_BENCH_POSTGRES") else "SQLite"
    print(f"{items} deletions, catalog {catalog}, Redis broker, 2 threads per worker")
    print(f"1 worker : {one:6.2f} s  {items / one:7.1f} dispositions/s")
    print(f"2 workers: {two:6.2f} s  {items / two:7.1f} dispositions/s")
    print(f"ratio 2/1: {one / two:.2f}x")


if __name__ == "__main__":
    main()
