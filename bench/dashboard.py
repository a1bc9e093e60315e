"""Dashboard findings page at 100 000 findings: time page 1, a middle page, a filtered page.

Fills a fresh catalog with N findings (4 per item, masked samples, decisions), signs in
through the login form, then times each page through the ASGI app in-process (template,
audit event and all), median of several requests. Catalog: PostgreSQL when
EXPUNGE_BENCH_POSTGRES is a database URL, else SQLite in a temporary directory.
Usage: python bench/dashboard.py [--findings N] [--repeat R]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, text

from catalog.models import Decision, Finding, Item, Source
from expunge import config as config_module
from expunge.app import App, open_app
from expunge.dashboard.app import create_app
from expunge.dashboard.settings import DashboardSettings
from expunge.dashboard.users import add_user

ENTITIES = ("KR_RRN", "PHONE_NUMBER", "PERSON", "EMAIL_ADDRESS")
SAMPLES = {"KR_RRN": "850315-*******", "PHONE_NUMBER": "010-****-5432", "PERSON": "김**",
           "EMAIL_ADDRESS": "k*****@example.org"}
CATEGORIES = ("medical_record", "prescription", "test_result", "access_log")
CHUNK = 5000
PASSWORD = "bench password 123"
BUDGET_MS = 300


def fill(app: App, findings: int) -> None:
    """Items with four findings each, and a decision per item."""
    items = findings // len(ENTITIES)
    scanned = datetime(2026, 11, 1, tzinfo=UTC)
    with app.runtime.catalog.session() as session:
        source = Source(name="emr", kind="files")
        session.add(source)
        session.flush()
        source_id = source.id
    for start in range(0, items, CHUNK):
        ids = range(start + 1, min(start + CHUNK, items) + 1)
        with app.runtime.catalog.session() as session:
            session.execute(insert(Item), [
                {"id": i, "source_id": source_id, "key": f"charts/{i // 1000:03d}/chart-{i}.txt",
                 "kind": "file", "fingerprint": f"fp{i}", "state": "present",
                 "scanned_at": scanned + timedelta(minutes=i % 20000)} for i in ids])
            session.execute(insert(Finding), [
                {"item_id": i, "entity_type": e, "count": 1 + i % 7, "score": 0.85,
                 "sample": SAMPLES[e]} for i in ids for e in ENTITIES])
            session.execute(insert(Decision), [
                {"item_id": i, "category": CATEGORIES[i % len(CATEGORIES)], "rule": "bench",
                 "action": "keep", "due": date(2030, 1 + i % 12, 1)} for i in ids])
    with app.runtime.catalog.engine.connect() as connection:
        # Fresh statistics, as autovacuum would have them on a catalog in service.
        connection.execute(text("ANALYZE"))
        connection.commit()


async def timed(client: httpx.AsyncClient, path: str, params: dict[str, str], repeat: int,
                ) -> tuple[float, int]:
    """Median milliseconds of ``repeat`` requests, and the rows on the page."""
    samples = []
    response = None
    for _ in range(repeat):
        begin = time.perf_counter()
        response = await client.get(path, params=params)
        samples.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, response.text[:300]
    assert response is not None
    return statistics.median(samples), response.text.count('<a href="/items/')


async def measure(app: App, repeat: int, findings: int) -> list[tuple[str, float, int]]:
    web = create_app(app, DashboardSettings(secret_key="bench"))
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        page = (await client.get("/login")).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        await client.post("/login", data={"username": "officer", "password": PASSWORD,
                                          "csrf_token": token.group(1)})
        cases = [("page 1", {}), ("middle page (keyset cursor)", {"after": str(findings // 2)}),
                 ("filtered: KR_RRN + prescription", {"entity": "KR_RRN",
                                                      "category": "prescription"}),
                 ("filtered + cursor + date range", {"entity": "PERSON", "after": str(
                     findings // 3), "since": "2026-11-01", "until": "2026-11-30"}),
                 ("search on item path", {"q": "chart-2499"})]
        return [(name, *await timed(client, "/findings", params, repeat))
                for name, params in cases]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("EXPUNGE_BENCH_POSTGRES") or f"sqlite:///{tmp}/catalog.db"
        config = config_module.parse({"catalog": url, "sources": [
            {"name": "emr", "kind": "files", "path": tmp}]}, Path(tmp))
        with open_app(config) as app:
            begin = time.perf_counter()
            fill(app, args.findings)
            with app.runtime.catalog.session() as session:
                add_user(session, "bench", "officer", "officer", PASSWORD)
            print(f"catalog: {url.split(':')[0]}, {args.findings} findings "
                  f"(filled in {time.perf_counter() - begin:.1f} s)")
            results = asyncio.run(measure(app, args.repeat, args.findings))
    for name, ms, rows in results:
        verdict = "ok" if ms <= BUDGET_MS else f"OVER {BUDGET_MS} ms"
        print(f"  {name:<34} {ms:7.1f} ms  ({rows} rows)  {verdict}")


if __name__ == "__main__":
    main()
