"""Research export at scale: 1 M synthetic visits, 4 quasi-identifiers, k = 5.

Writes a Parquet file of generated rows (not timed), then, in a fresh child process, times
the whole export from that file (reading, pseudonyms, lattice search, writing data.csv and
the report) and reports its peak RSS. In the same run, a plain Mondrian partitioning of the
same quasi-identifiers (the baseline) is measured with the same information-loss metrics.
Usage: python bench/export.py [--rows 1000000] [--k 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner import hierarchies  # noqa: E402
from scanner.export_profile import parse_profile  # noqa: E402
from scanner.kanon import encode  # noqa: E402
from scanner.metrics import measure  # noqa: E402
from scanner.mondrian import mondrian  # noqa: E402

KEY = b"bench-key-0123456789abcdef"
PLACES = {
    "서울특별시": ["강남구", "서초구", "송파구", "마포구", "종로구", "노원구", "강서구", "관악구"],
    "부산광역시": ["해운대구", "수영구", "부산진구", "사하구"],
    "경기도": ["성남시", "수원시", "고양시", "용인시", "부천시"],
    "인천광역시": ["연수구", "남동구", "부평구"],
    "대구광역시": ["수성구", "달서구"],
    "제주특별자치도": ["제주시", "서귀포시"],
}
VN_PLACES = {"TP. Hồ Chí Minh": ["quận 1", "quận 3", "quận 7", "huyện Củ Chi"],
             "Hà Nội": ["quận Hoàn Kiếm", "quận Hai Bà Trưng", "quận Cầu Giấy"]}
DIAGNOSES = ["rhinoplasty", "blepharoplasty", "liposuction", "facelift", "mammoplasty",
             "botox", "filler", "genioplasty"]
PROFILE = {"k": 5, "l": 1, "max_suppression": 0.05, "columns": {
    "patient_id": {"role": "identifier", "pseudonymize": True},
    "birth_date": {"role": "quasi", "generalize": "date"}, "sex": "quasi",
    "address": {"role": "quasi", "generalize": "address"},
    "postcode": {"role": "quasi", "generalize": "postcode"},
    "diagnosis": "sensitive", "amount": "insensitive"}}
QUASI = ["birth_date", "sex", "address", "postcode"]


def addresses() -> list[tuple[str, str]]:
    """(address, postcode): each district has its own 3-digit postcode prefix."""
    districts = [(p, d) for p, ds in PLACES.items() for d in ds]
    districts += [(p, d) for p, ds in VN_PLACES.items() for d in ds]
    out = []
    for i, (province, district) in enumerate(districts):
        for n in range(1, 40):
            street = (f"{province} {district} 중앙로 {n}" if province in PLACES else
                      f"Số {n} đường Lê Lợi, phường Bến Nghé, {district}, {province}")
            out.append((street, f"{100 + 7 * i:03d}{n % 8:02d}"))
    return out


def generate(rows: int, path: Path, seed: int = 20261125) -> None:
    """Skewed like a clinic's patients: Seoul-heavy, ages 25-45 most common, 80 % women."""
    rng = np.random.default_rng(seed)
    places = addresses()
    weights = np.array([4.0 if a.startswith("서울") else 1.0 for a, _ in places])
    chosen = rng.choice(len(places), rows, p=weights / weights.sum())
    born = date(1950, 1, 1) + np.clip(rng.normal(365 * 35, 365 * 10, rows), 0, 365 * 60
                                      ).astype(int) * timedelta(days=1)
    table = pa.table({
        "patient_id": [f"P{i:08d}" for i in range(rows)],
        "birth_date": pa.array(born, pa.date32()),
        "sex": rng.choice(["F", "M"], rows, p=[0.8, 0.2]),
        "address": [places[i][0] for i in chosen],
        "postcode": [places[i][1] for i in chosen],
        "diagnosis": rng.choice(DIAGNOSES, rows),
        "amount": rng.integers(100, 9000, rows) * 1000,
    })
    pq.write_table(table, path, row_group_size=100_000)


def run_export(path: str, out: str, queue: Any) -> None:
    """Child process: the timed export, then its peak RSS."""
    from scanner.research import build
    from workers.export import file_batches

    started = time.perf_counter()
    report = build(file_batches(Path(path)), parse_profile(PROFILE), Path(out), KEY)
    seconds = time.perf_counter() - started
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, report))


def baseline(path: Path, k: int) -> tuple[float, dict[str, Any]]:
    """Mondrian on the same quasi-identifiers (ordinal codes of the level-0 labels)."""
    table = pq.read_table(path, columns=[*QUASI, "diagnosis"])
    chains = {"birth_date": hierarchies.dates(), "sex": hierarchies.categories(),
              "address": hierarchies.addresses(), "postcode": hierarchies.postcodes()}
    ordinals = []
    for name in QUASI:
        uniques, codes = np.unique(np.array(table[name].to_pylist(), dtype=object).astype(str),
                                   return_inverse=True)
        quasi = encode(name, list(uniques), codes.reshape(-1), chains[name])
        ordinals.append(np.argsort(np.argsort(quasi.labels[0]))[quasi.maps[0]][quasi.codes])
    started = time.perf_counter()
    parts = mondrian(ordinals, k)
    seconds = time.perf_counter() - started
    keep = np.ones(len(parts.class_of), dtype=bool)
    report = measure(parts.class_of, keep, [], list(zip(ordinals, parts.released, strict=True)),
                     k)
    return seconds, report.as_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the files in this folder.")
    args = parser.parse_args()
    PROFILE["k"] = args.k
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        data = folder / "visits.parquet"
        generate(args.rows, data)
        queue: Any = multiprocessing.get_context("spawn").Queue()
        child = multiprocessing.get_context("spawn").Process(
            target=run_export, args=(str(data), str(folder / "export"), queue))
        child.start()
        seconds, rss_kb, report = queue.get()
        child.join()
        mondrian_seconds, plain = baseline(data, args.k)
    print_figures(args.rows, seconds, rss_kb, report, mondrian_seconds, plain)


def print_figures(rows: int, seconds: float, rss_kb: int, report: dict[str, Any],
                  mondrian_seconds: float, plain: dict[str, Any]) -> None:
    loss, achieved = report["information_loss"], report["achieved"]
    print(f"rows: {rows:,}; quasi-identifiers: {', '.join(QUASI)}; k={report['model']['k']}")
    print(f"expunge export (read + transform + search + write): {seconds:.1f} s, "
          f"{rows / seconds:,.0f} rows/s, peak RSS {rss_kb / 1024:.0f} MB "
          f"{'PASS' if seconds <= 60 else 'FAIL'} (≤ 60 s)")
    print(f"  node {report['manifest']['node']} (levels of {', '.join(QUASI)}), "
          f"{report['search']['nodes_checked']} nodes checked, "
          f"{report['search']['minimal_nodes']} minimal")
    print(f"  k={achieved['k']}, classes {achieved['classes']:,}, "
          f"suppressed {achieved['suppressed']:,} ({achieved['suppressed'] / rows:.2%})")
    print(f"  loss: non-uniform entropy {loss['non_uniform_entropy']:.4f}, "
          f"discernibility {loss['discernibility']:,}, avg class size "
          f"{loss['avg_class_size']:.2f}")
    print(f"Mondrian baseline (partitioning only, {mondrian_seconds:.1f} s): "
          f"k={plain['k']}, classes {plain['classes']:,}, non-uniform entropy "
          f"{plain['nue']:.4f}, discernibility {plain['discernibility']:,}, "
          f"avg class size {plain['avg_class_size']:.2f}")


if __name__ == "__main__":
    main()
