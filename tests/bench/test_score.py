"""The scorer on tiny hand-made cases."""

from __future__ import annotations

import pytest

from bench.score import Counts, Scored, evaluate, format_comparison, format_report, score_doc

GOLD = [("PERSON", 0, 5), ("PHONE_NUMBER", 10, 23)]


def test_perfect_prediction_scores_one() -> None:
    report = evaluate([Scored("ko", GOLD, list(GOLD))])
    assert report.overall == Counts(gold_hit=2, gold=2, pred_hit=2, pred=2)
    assert report.overall.f1 == 1.0
    assert report.exact.f1 == 1.0


def test_one_miss_lowers_recall_only() -> None:
    report = evaluate([Scored("vi", GOLD, [("PERSON", 0, 5)])])
    assert report.overall.precision == 1.0
    assert report.overall.recall == 0.5
    assert report.overall.f1 == pytest.approx(2 / 3)
    assert report.by_type["PHONE_NUMBER"].recall == 0.0
    assert report.by_group["contact"].gold == 1


def test_one_false_positive_lowers_precision_only() -> None:
    pred = [*GOLD, ("CREDIT_CARD", 30, 46)]
    report = evaluate([Scored("en", GOLD, pred)])
    assert report.overall.recall == 1.0
    assert report.overall.precision == pytest.approx(2 / 3)
    assert report.by_type["CREDIT_CARD"] == Counts(pred=1)


def test_overlap_counts_but_exact_does_not() -> None:
    report = evaluate([Scored("ko", GOLD, [("PERSON", 0, 3), ("PHONE_NUMBER", 10, 23)])])
    assert report.overall.f1 == 1.0
    assert report.exact.recall == 0.5
    assert report.exact.precision == 0.5


def test_wrong_type_on_a_gold_span_is_a_miss_and_a_false_positive() -> None:
    counts = score_doc([("DATE_OF_BIRTH", 4, 14)], [("DATE_TIME", 4, 14)])
    assert counts["DATE_OF_BIRTH"] == Counts(gold_hit=0, gold=1)
    assert counts["DATE_TIME"] == Counts(pred_hit=0, pred=1)


def test_aliases_map_predicted_types() -> None:
    counts = score_doc([("KR_RRN", 0, 14)], [("KR_FRN", 0, 14)])
    assert counts == {"KR_RRN": Counts(gold_hit=1, gold=1, pred_hit=1, pred=1)}
    counts = score_doc([("KR_RRN", 0, 14)], [("X", 0, 14)], aliases={"X": "KR_RRN"})
    assert counts["KR_RRN"].f1 == 1.0


def test_touching_spans_do_not_overlap() -> None:
    counts = score_doc([("PERSON", 0, 5)], [("PERSON", 5, 9)])
    assert counts["PERSON"] == Counts(gold_hit=0, gold=1, pred_hit=0, pred=1)


def test_one_prediction_covering_two_gold_spans() -> None:
    gold = [("ADDRESS", 0, 10), ("ADDRESS", 12, 20)]
    counts = score_doc(gold, [("ADDRESS", 0, 20)])
    assert counts["ADDRESS"] == Counts(gold_hit=2, gold=2, pred_hit=1, pred=1)


def test_languages_are_kept_apart_and_summed_micro() -> None:
    report = evaluate(
        [Scored("ko", GOLD, list(GOLD)), Scored("vi", GOLD, []), Scored("en", [], [])]
    )
    assert report.by_language["ko"].f1 == 1.0
    assert report.by_language["vi"].recall == 0.0
    assert report.by_language["en"] == Counts()
    assert report.overall == Counts(gold_hit=2, gold=4, pred_hit=2, pred=2)


def test_empty_counts_are_defined() -> None:
    assert Counts().precision == 1.0
    assert Counts().recall == 1.0
    assert Counts(gold=3).f1 == 0.0


def test_tables_render() -> None:
    report = evaluate([Scored("ko", GOLD, [("PERSON", 0, 5)])])
    table = format_report(report, "x")
    assert "| PHONE_NUMBER | – | 0.000 | 0.000 | 1 | 0 |" in table
    both = format_comparison({"a": report, "b": report})
    assert both.count("| lang ko |") == 1
