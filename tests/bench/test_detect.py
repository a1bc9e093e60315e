"""bench/detect.py: scoring of engine output and one tiny end-to-end run of both engines."""

from __future__ import annotations

import pytest

from bench import detect
from bench.corpus import generate


def test_gold_as_predictions_scores_one_and_threshold_filters() -> None:
    docs = generate(5, 12)
    perfect = [[(s.entity_type, s.start, s.end, 0.9) for s in d.spans] for d in docs]
    assert detect.score(docs, perfect).overall.f1 == 1.0
    assert detect.score(docs, perfect, threshold=0.95).overall.recall == 0.0


def test_both_engines_run_in_one_invocation(capsys: pytest.CaptureFixture[str]) -> None:
    detect.main(["--docs", "6", "--seed", "3"])
    out = capsys.readouterr().out
    assert "speed ratio expunge / presidio" in out
    assert "| overall |" in out
    assert "spaCy en_core_web_sm loadable:" in out
