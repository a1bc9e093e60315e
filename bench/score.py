"""Precision, recall and F1 of detections against gold spans (pure functions).

A prediction is a true positive when its (aliased) entity type equals a gold span's type and
the spans overlap; the exact variant requires equal offsets. Precision counts predictions that
hit some gold span of their type, recall counts gold spans hit by some prediction of their
type, so one prediction covering two gold spans is one correct prediction and two found
spans. Every prediction counts: a type the gold never uses (DATE_TIME on a birth date or a
visit date) is a false positive, and the gold span it covers stays unfound.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Entity = tuple[str, int, int]  # (entity_type, start, end), end exclusive

DEFAULT_ALIASES: Mapping[str, str] = {
    "KR_FRN": "KR_RRN",  # Presidio's foreigner registration number is our KR_RRN
}
GROUPS: Mapping[str, tuple[str, ...]] = {
    "identifiers": (
        "KR_RRN", "KR_PASSPORT", "KR_DRIVER_LICENSE", "KR_HEALTH_INSURANCE", "KR_BRN",
        "VN_NATIONAL_ID", "VN_PASSPORT", "MEDICAL_RECORD_NUMBER", "CREDIT_CARD", "IBAN_CODE",
    ),
    "contact": ("PHONE_NUMBER", "EMAIL_ADDRESS", "IP_ADDRESS", "URL"),
    "person": ("PERSON",),
    "address": ("ADDRESS",),
    "date_of_birth": ("DATE_OF_BIRTH",),
    "medical": ("MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"),
}  # fmt: skip


@dataclass(frozen=True)
class Counts:
    """Matched and total gold spans and predictions."""

    gold_hit: int = 0
    gold: int = 0
    pred_hit: int = 0
    pred: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold_hit + other.gold_hit,
            self.gold + other.gold,
            self.pred_hit + other.pred_hit,
            self.pred + other.pred,
        )

    @property
    def precision(self) -> float:
        """Share of predictions that are right; 1.0 when nothing was predicted."""
        return self.pred_hit / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        """Share of gold spans found; 1.0 when there was nothing to find."""
        return self.gold_hit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scored:
    """One document to score: its language, gold spans and predictions."""

    language: str
    gold: Sequence[Entity]
    pred: Sequence[Entity]


@dataclass
class Report:
    """Counts overall, per language, per entity type and per group; overlap and exact."""

    overall: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=dict)
    exact_by_language: dict[str, Counts] = field(default_factory=dict)
    by_type: dict[str, Counts] = field(default_factory=dict)
    by_group: dict[str, Counts] = field(default_factory=dict)


def canonical(entity_type: str, aliases: Mapping[str, str] = DEFAULT_ALIASES) -> str:
    """The entity type a predicted type stands for."""
    return aliases.get(entity_type, entity_type)


def _hits(a: Entity, others: Sequence[Entity], exact: bool) -> bool:
    """Whether ``a`` matches some entity of ``others`` (same type, overlap or exact)."""
    kind, start, end = a
    for other_kind, other_start, other_end in others:
        if other_kind != kind:
            continue
        if exact and (start, end) == (other_start, other_end):
            return True
        if not exact and start < other_end and other_start < end:
            return True
    return False


def score_doc(
    gold: Sequence[Entity],
    pred: Sequence[Entity],
    *,
    exact: bool = False,
    aliases: Mapping[str, str] = DEFAULT_ALIASES,
) -> dict[str, Counts]:
    """Counts per entity type for one document."""
    predicted = [(canonical(t, aliases), s, e) for t, s, e in pred]
    out: dict[str, Counts] = {}
    for item in gold:
        hit = int(_hits(item, predicted, exact))
        out[item[0]] = out.get(item[0], Counts()) + Counts(gold_hit=hit, gold=1)
    for item in predicted:
        hit = int(_hits(item, gold, exact))
        out[item[0]] = out.get(item[0], Counts()) + Counts(pred_hit=hit, pred=1)
    return out


def total(per_type: Mapping[str, Counts], types: Iterable[str] | None = None) -> Counts:
    """Sum counts over ``types`` (all when None)."""
    keys = per_type.keys() if types is None else types
    result = Counts()
    for key in keys:
        result = result + per_type.get(key, Counts())
    return result


def _merge(into: dict[str, Counts], key: str, counts: Counts) -> None:
    into[key] = into.get(key, Counts()) + counts


def evaluate(docs: Iterable[Scored], aliases: Mapping[str, str] = DEFAULT_ALIASES) -> Report:
    """Score every document and aggregate (micro averages)."""
    report = Report()
    for doc in docs:
        per_type = score_doc(doc.gold, doc.pred, aliases=aliases)
        exact = total(score_doc(doc.gold, doc.pred, exact=True, aliases=aliases))
        overlap = total(per_type)
        report.overall = report.overall + overlap
        report.exact = report.exact + exact
        _merge(report.by_language, doc.language, overlap)
        _merge(report.exact_by_language, doc.language, exact)
        for kind, counts in per_type.items():
            _merge(report.by_type, kind, counts)
    for group, types in GROUPS.items():
        report.by_group[group] = total(report.by_type, types)
    return report


def _fmt(value: float, defined: bool) -> str:
    return f"{value:.3f}" if defined else "–"


def _row(label: str, counts: Counts) -> str:
    p = _fmt(counts.precision, counts.pred > 0)
    r = _fmt(counts.recall, counts.gold > 0)
    f = _fmt(counts.f1, counts.pred > 0 or counts.gold > 0)
    return f"| {label} | {p} | {r} | {f} | {counts.gold} | {counts.pred} |"


def format_report(report: Report, title: str) -> str:
    """A Markdown table of one report: overall, exact, languages, groups, entity types."""
    lines = [
        f"**{title}**",
        "",
        "| scope | precision | recall | F1 | gold | predicted |",
        "|---|---|---|---|---|---|",
        _row("overall (overlap)", report.overall),
        _row("overall (exact span)", report.exact),
    ]
    lines += [_row(f"lang {k}", v) for k, v in sorted(report.by_language.items())]
    lines += [_row(f"group {k}", v) for k, v in report.by_group.items()]
    lines += [_row(k, v) for k, v in sorted(report.by_type.items())]
    return "\n".join(lines)


def format_comparison(reports: Mapping[str, Report]) -> str:
    """A Markdown table of F1 (and recall) side by side for several engines."""
    names = list(reports)
    head = "| scope | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " | gold |"
    rule = "|---|" + "---|---|---|" * len(names) + "---|"
    first = next(iter(reports.values()))
    scopes: list[tuple[str, str, str]] = [("overall", "overall", ""), ("exact span", "exact", "")]
    scopes += [(f"lang {k}", "by_language", k) for k in sorted(first.by_language)]
    scopes += [(f"group {k}", "by_group", k) for k in GROUPS]
    types = sorted({t for r in reports.values() for t in r.by_type})
    scopes += [(t, "by_type", t) for t in types]
    lines = [head, rule]
    for label, attr, key in scopes:
        cells = []
        gold = 0
        for report in reports.values():
            value = getattr(report, attr)
            counts = value.get(key, Counts()) if key else value
            gold = max(gold, counts.gold)
            cells.append(
                f"{_fmt(counts.precision, counts.pred > 0)} | "
                f"{_fmt(counts.recall, counts.gold > 0)} | "
                f"{_fmt(counts.f1, counts.pred > 0 or counts.gold > 0)}"
            )
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {gold} |")
    return "\n".join(lines)
