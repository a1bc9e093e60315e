"""Database connector figures on PostgreSQL: column classification and row-set deletion.

1. Classification: sample and classify every column of a 100 K-row and a 1 M-row table
   (target: ≤ 10 s, and the 1 M time within 1.5× of the 100 K time). Baseline in the same
   run: the naive sample a user would write, ``ORDER BY random() LIMIT n`` (full scan + sort).
2. Deletion: 200 K expired rows of the 1 M-row table, each with a child row, deleted through
   the connector (batches of ``--batch`` keys, children first, verified by a COUNT). Baseline:
   the same rows removed by two bare DELETE statements in one transaction. Memory: peak RSS
   before and after the deletion (flat means the rows are never held).

Usage: python bench/db.py [--rows 1000000] [--small 100000] [--batch 5000]
PostgreSQL from EXPUNGE_BENCH_POSTGRES (default postgresql+psycopg://postgres@127.0.0.1/postgres).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path
from statistics import median

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pg import fresh_database  # noqa: E402  (bench/ is on the path)

from connectors.database import DatabaseConnector, DatabaseOptions  # noqa: E402
from connectors.rowsets import Condition, RowSet  # noqa: E402
from scanner.columns import classify_column  # noqa: E402
from scanner.engine import Engine  # noqa: E402

ADMIN = os.environ.get("EXPUNGE_BENCH_POSTGRES",
                       "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CUTOFF = "2016-11-26"
ROUNDS = 5

FILL = """
INSERT INTO {table} (id, full_name, rrn, phone, email, created, notes)
SELECT g,
       (ARRAY['김민준','이서연','Nguyễn Văn An','Trần Thị Bích','Emily Johnson'])[1 + g % 5],
       to_char(date '1960-01-01' + (g % 14000), 'YYMMDD') || '-' || (1 + g % 2)
         || lpad((g % 1000000)::text, 6, '0'),
       '010-' || lpad((1000 + g % 9000)::text, 4, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
       'patient' || g || '@example.org',
       date '2026-11-25' - (CASE WHEN g % 5 = 0 THEN 4200 ELSE g % 3000 END),
       '환자 상담 기록 ' || g || ', 쌍꺼풀 수술 후 경과 양호'
FROM generate_series(1, {rows}) g
"""


def build(url: str, table: str, rows: int, with_child: bool) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            f"CREATE TABLE {table} (id bigint PRIMARY KEY, full_name text, rrn text, "
            "phone text, email text, created date, notes text)"))
        connection.execute(text(FILL.format(table=table, rows=rows)))
        if with_child:
            connection.execute(text(
                f"CREATE TABLE {table}_visits (id bigint PRIMARY KEY, "
                f"patient_id bigint REFERENCES {table}(id), note text)"))
            connection.execute(text(f"CREATE INDEX ON {table}_visits (patient_id)"))
            connection.execute(text(
                f"INSERT INTO {table}_visits SELECT g, g, 'follow-up' "
                f"FROM generate_series(1, {rows}) g"))
        connection.execute(text(f"ANALYZE {table}"))
    engine.dispose()


def classify_table(db: DatabaseConnector, engine: Engine, table: str) -> tuple[float, int]:
    """Seconds to sample and classify every column of a table, and the findings made."""
    started = time.perf_counter()
    sample = db.sample(table)
    found = sum(len(classify_column(engine, table, name, values, sample.types.get(name)))
                for name, values in sample.values.items())
    return time.perf_counter() - started, found


def naive_sample(url: str, table: str, rows: int) -> float:
    engine = create_engine(url)
    started = time.perf_counter()
    with engine.connect() as connection:
        connection.execute(text(f"SELECT * FROM {table} ORDER BY random() LIMIT {rows}")).all()
    engine.dispose()
    return time.perf_counter() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_delete(url: str, table: str) -> float:
    engine = create_engine(url)
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text(f"DELETE FROM {table}_visits WHERE patient_id IN "
                                f"(SELECT id FROM {table} WHERE created < '{CUTOFF}')"))
        connection.execute(text(f"DELETE FROM {table} WHERE created < '{CUTOFF}'"))
    engine.dispose()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    engine = Engine()
    with fresh_database(ADMIN) as url:
        started = time.perf_counter()
        build(url, "small", args.small, with_child=False)
        build(url, "big", args.rows, with_child=True)
        build(url, "twin", args.rows, with_child=True)
        print(f"built {args.small:,} + 2 × {args.rows:,} rows in "
              f"{time.perf_counter() - started:.1f} s")
        report_classification(url, engine, args)
        report_deletion(url, args)


def report_classification(url: str, engine: Engine, args: argparse.Namespace) -> None:
    with DatabaseConnector(DatabaseOptions(name="bench", url=url)) as db:
        classify_table(db, engine, "small")  # warm-up: pipelines, statistics
        small = median(classify_table(db, engine, "small")[0] for _ in range(ROUNDS))
        big = median(classify_table(db, engine, "big")[0] for _ in range(ROUNDS))
        found = classify_table(db, engine, "big")[1]
    naive = naive_sample(url, "big", 1000)
    print(f"classify {args.small:>9,} rows: {small:6.2f} s (median of {ROUNDS})")
    print(f"classify {args.rows:>9,} rows: {big:6.2f} s  ({found} column findings); "
          f"1M/100K ratio {big / small:.2f} (target ≤ 1.5)")
    print(f"baseline ORDER BY random() LIMIT 1000 on {args.rows:,} rows: {naive:.2f} s "
          "(sampling only, before any classification)")


def report_deletion(url: str, args: argparse.Namespace) -> None:
    rowset = RowSet("big", (Condition("created", CUTOFF),))
    options = DatabaseOptions(name="bench", url=url, batch_rows=args.batch)
    with DatabaseConnector(options) as db:
        due = db.count_rows(rowset)
        before = peak_rss_mb()
        started = time.perf_counter()
        deleted = db.delete_rows(rowset)
        seconds = time.perf_counter() - started
        assert db.count_rows(rowset) == 0
    baseline = bare_delete(url, "twin")
    print(f"delete {deleted:,} of {args.rows:,} rows (+ {deleted:,} child rows), batches of "
          f"{args.batch}: {seconds:.2f} s = {deleted / seconds:,.0f} rows/s (target ≥ 20,000)")
    print(f"baseline: two bare DELETE statements, one transaction: {baseline:.2f} s = "
          f"{due / baseline:,.0f} rows/s; expunge/baseline speed {baseline / seconds:.2f}")
    print(f"peak RSS before deletion {before:.0f} MB, after {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
