"""Detection quality and speed: expunge's Engine vs plain Presidio on the labeled corpus.

``python bench/detect.py [--corpus main|heldout|blind] [--docs N] [--seed S] [--json FILE]``
generates the corpus of bench/corpus.py (the one the recognizers were written against),
bench/heldout.py (written separately, used to find gaps) or bench/blind.py (written
separately and only ever scored, never read for errors), then runs each engine in its own
worker process (pinned to one core where the OS allows, so chars/s is per core and peak RSS
is the engine's own), one after the other, on the same texts, and prints chars/s (best of three
timed passes), the ratio, the F1 tables and peak RSS.

Speed is measured through each engine's batch API, as a scan feeds many texts
(``Engine.analyze_many``; Presidio's ``BatchAnalyzerEngine.analyze_iterator``), and also one
text per call (``analyze``), the way a single file is analysed.

Plain Presidio is AnalyzerEngine with its default recognizers, language "en", on a blank
spaCy "en" pipeline: no trained spaCy model is installable here (``spacy.load(
"en_core_web_sm")`` fails offline), so this is the best pipeline available. It is scored at
its default threshold (every result) and at expunge's threshold (score >= 0.5).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import blind, corpus, heldout  # noqa: E402
from bench.corpus import ENTITY_TYPES, Doc  # noqa: E402
from bench.score import Report, Scored, evaluate, format_comparison  # noqa: E402

DEFAULT_DOCS = 1500
DEFAULT_SEED = 20261125
CORPORA: dict[str, Callable[[int, int], list[Doc]]] = {
    "main": corpus.generate,
    "heldout": heldout.generate,
    "blind": blind.generate,
}
ENGINES = ("expunge", "presidio")
THRESHOLD = 0.5
REPEATS = 3

Found = list[tuple[str, int, int, float]]
Batch = Callable[[list[str]], list[Found]]


def build_expunge() -> tuple[Batch, Batch, frozenset[str]]:
    """The expunge Engine with default settings: its batch API, text by text, and the entity
    types it supports."""
    from scanner.engine import Analysis, Engine

    engine = Engine()

    def found(analysis: Analysis) -> Found:
        return [(d.entity_type, d.start, d.end, d.score) for d in analysis.detections]

    def batched(texts: list[str]) -> list[Found]:
        return [found(analysis) for analysis in engine.analyze_many(texts)]

    def one_by_one(texts: list[str]) -> list[Found]:
        return [found(engine.analyze(text)) for text in texts]

    return batched, one_by_one, engine.entity_types


def build_presidio() -> tuple[Batch, Batch, frozenset[str]]:
    """Plain Presidio: default registry, English, blank spaCy pipeline, kept offline."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerResult
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    from scanner.recognizers.email import OFFLINE_TLD_EXTRACT

    # tldextract would fetch the public suffix list; give it the bundled snapshot instead
    offline = SimpleNamespace(extract=OFFLINE_TLD_EXTRACT)
    email_recognizer.tldextract = offline  # type: ignore[attr-defined,assignment]
    nlp = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank:en"}])
    nlp.nlp = {"en": spacy.blank("en")}  # type: ignore[assignment]
    analyzer = AnalyzerEngine(nlp_engine=nlp)

    batch_analyzer = BatchAnalyzerEngine(analyzer)

    def found(results: list[RecognizerResult]) -> Found:
        return [(r.entity_type, r.start, r.end, float(r.score)) for r in results]

    def batched(texts: list[str]) -> list[Found]:
        return [found(results) for results in batch_analyzer.analyze_iterator(texts, "en")]

    def one_by_one(texts: list[str]) -> list[Found]:
        return [found(analyzer.analyze(text=text, language="en")) for text in texts]

    return batched, one_by_one, frozenset(analyzer.get_supported_entities(language="en"))


BUILDERS = {"expunge": build_expunge, "presidio": build_presidio}


def spacy_model_available() -> bool:
    """Whether a trained English spaCy model loads here (it does not, offline)."""
    import spacy

    try:
        spacy.load("en_core_web_sm")
    except OSError:
        return False
    return True


def worker(name: str, corpus_name: str, seed: int, n_docs: int, out: Path) -> None:
    """Run one engine over the corpus and write its predictions and figures as JSON."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    docs = CORPORA[corpus_name](seed, n_docs)
    texts = [doc.text for doc in docs]
    started = time.perf_counter()
    batched, one_by_one, supported = BUILDERS[name]()
    batched(texts[:1])  # warm-up: lazy imports, regex compilation
    load = time.perf_counter() - started
    predictions = batched(texts)
    result = {
        "engine": name,
        "load_s": load,
        "analyze_s": best_time(batched, texts),
        "analyze_one_by_one_s": best_time(one_by_one, texts),
        "chars": sum(len(d.text) for d in docs),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "supported": sorted(supported),
        "predictions": predictions,
    }
    out.write_text(json.dumps(result), encoding="utf-8")


def best_time(run: Batch, texts: list[str]) -> float:
    """The best of ``REPEATS`` timed runs over ``texts`` (other processes share the machine)."""
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run(texts)
        timings.append(time.perf_counter() - started)
    return min(timings)


def run_worker(name: str, corpus_name: str, seed: int, n_docs: int) -> dict[str, Any]:
    """Run ``worker`` for one engine in a fresh process and return what it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.json"
        command = [sys.executable, __file__, "--worker", name, "--corpus", corpus_name,
                   "--seed", str(seed), "--docs", str(n_docs), "--out", str(out)]  # fmt: skip
        subprocess.run(command, check=True)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def score(docs: list[Doc], predictions: list[Found], threshold: float = 0.0) -> Report:
    """Score predictions with score >= ``threshold`` against the corpus."""
    scored = [
        Scored(
            doc.language,
            [tuple(span) for span in doc.spans],  # type: ignore[misc]
            [(t, s, e) for t, s, e, p in found if p >= threshold],
        )
        for doc, found in zip(docs, predictions, strict=True)
    ]
    return evaluate(scored)


def print_errors(docs: list[Doc], name: str, predictions: list[Found], limit: int) -> None:
    """Print up to ``limit`` misses and false positives per entity type, with context."""
    shown: dict[tuple[str, str], int] = {}
    for doc, found in zip(docs, predictions, strict=True):
        preds = [(t, s, e) for t, s, e, _ in found]
        cases: list[tuple[str, tuple[str, int, int]]] = [
            ("miss", (s.entity_type, s.start, s.end)) for s in doc.spans if not _overlaps(s, preds)
        ]
        cases += [("fp", p) for p in preds if not _overlaps(p, doc.spans)]
        for what, (kind, start, end) in cases:
            key = (what, kind)
            if shown.get(key, 0) >= limit:
                continue
            shown[key] = shown.get(key, 0) + 1
            context = doc.text[max(0, start - 25) : end + 15].replace("\n", " / ")
            print(f"{name} {what:4} {kind:<22} {doc.text[start:end]!r:<32} …{context}…")


def _overlaps(item: tuple[str, int, int], others: Any) -> bool:
    kind, start, end = item
    return any(k == kind and start < e and s < end for k, s, e in others)


def print_speed(results: dict[str, dict[str, Any]]) -> None:
    """chars/s per engine (one core each) through its batch API and text by text, load time,
    peak RSS, and the ratios."""
    print("| engine | chars | analyze s | chars/s (1 core) | chars/s, one text per call "
          "| load s | peak RSS MB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        rate, one = r["chars"] / r["analyze_s"], r["chars"] / r["analyze_one_by_one_s"]
        print(f"| {name} | {r['chars']:,} | {r['analyze_s']:.2f} | {rate:,.0f} | {one:,.0f} | "
              f"{r['load_s']:.2f} | {r['peak_rss_mb']:.0f} |")  # fmt: skip
    if {"expunge", "presidio"} <= results.keys():
        ours, base = results["expunge"], results["presidio"]
        modes = (("batch APIs", "analyze_s"), ("one text per call", "analyze_one_by_one_s"))
        for label, key in modes:
            print(f"\nspeed ratio expunge / presidio, {label}: {base[key] / ours[key]:.1f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="detection quality and speed benchmark")
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="main",
                        help="main: bench/corpus.py; heldout: bench/heldout.py; "
                             "blind: bench/blind.py")  # fmt: skip
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--errors", type=int, default=0, help="show N errors per type")
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.corpus, args.seed, args.docs, args.out)
        return
    docs = CORPORA[args.corpus](args.seed, args.docs)
    gold = sum(len(d.spans) for d in docs)
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {args.corpus}, seed {args.seed}, {len(docs)} docs, {chars:,} chars, "
          f"{gold} gold spans")  # fmt: skip
    print(f"spaCy en_core_web_sm loadable: {spacy_model_available()} (baseline uses blank 'en')")
    results = {
        name: run_worker(name, args.corpus, args.seed, args.docs)
        for name in args.engines.split(",")
    }
    print()
    print_speed(results)
    reports: dict[str, Report] = {}
    for name, result in results.items():
        reports[name] = score(docs, result["predictions"])
        if name == "presidio":
            reports["presidio≥0.5"] = score(docs, result["predictions"], THRESHOLD)
    print()
    print(format_comparison(reports))
    for name, result in results.items():
        missing = sorted(set(ENTITY_TYPES) - set(result["supported"]))
        print(f"\n{name}: no recognizer for {', '.join(missing) or 'none'}")
    for name, result in results.items():
        if args.errors:
            print()
            print_errors(docs, name, result["predictions"], args.errors)
    if args.json:
        summary = {name: {k: v for k, v in r.items() if k != "predictions"}
                   for name, r in results.items()}  # fmt: skip
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
