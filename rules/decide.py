"""Deciding, for one item, its record category, when its clock started and what is due.

Candidates are every site binding and every pack selector that matches the item. Each
computes a due date (its category's retention after its clock). The latest due date wins: the
longer legal duty is kept, so a pack selector overrides the site's binding only when it keeps
the item longer. Ties go to bindings, then to the rule declared first. A candidate whose clock
cannot be read asks for review today, and wins over any candidate that would destroy the item
now: nothing is destroyed on a guessed date. The winner's due date in the future means keep.
Auto-approval is granted only to categories that allow it and only when a binding (the site's
word, not a pack's guess) decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from rules.clock import ClockUnavailable, read_clock
from rules.errors import PolicyError
from rules.globs import glob_match
from rules.policy import Binding, Category, Pack, Selector, check_binding

DecisionAction = Literal["delete", "anonymize", "review", "keep"]
NO_RULE = "none"
_DUE_ACTIONS: dict[str, DecisionAction] = {
    "delete": "delete",
    "anonymize": "anonymize",
    "review": "review",
}


@dataclass(frozen=True)
class ItemFacts:
    """What the rules may know about an item: where it is, its dates, what was detected."""

    source: str
    key: str
    kind: str
    modified: datetime | None
    metadata: Mapping[str, str] = field(default_factory=dict)
    entity_types: frozenset[str] = frozenset()
    table: str | None = None
    dates: Mapping[str, date] = field(default_factory=dict)
    tokens: frozenset[str] = frozenset()  # keyed hashes of the identifiers the item names


@dataclass(frozen=True)
class Decision:
    """The verdict on one item as of ``today``; ``due`` is the first day it may go."""

    category: str | None
    rule: str
    basis: str
    clock: date | None
    due: date | None
    action: DecisionAction
    reason: str
    auto_approve: bool


@dataclass(frozen=True)
class RowRule:
    """A rule over a table's rows as of a day: rows whose clock is before ``before`` are due."""

    label: str
    category: str
    basis: str
    clock: str
    before: date
    retention: str
    action: DecisionAction
    auto_approve: bool


@dataclass(frozen=True)
class _Rule:
    """A binding or a selector, normalised; ``order`` is its place in the rulebook."""

    label: str
    category: Category
    clock: str
    action: str | None
    is_binding: bool
    order: int
    source: str | None
    path: str | None
    prefix: str | None
    table: str | None
    entities: frozenset[str] = frozenset()

    def mismatch(self, facts: ItemFacts) -> str | None:
        """Why the rule does not apply to the item, or None when it does."""
        if self.source is not None and self.source != facts.source:
            return f"source is {facts.source!r}, not {self.source!r}"
        if self.table is not None and self.table != facts.table:
            return f"table is {facts.table!r}, not {self.table!r}"
        if self.prefix is not None and not facts.key.startswith(self.prefix):
            return f"key does not start with {self.prefix!r}"
        if self.path is not None and not glob_match(self.path, facts.key):
            return f"key does not match path {self.path!r}"
        if self.entities and not self.entities & facts.entity_types:
            return f"none of {', '.join(sorted(self.entities))} detected"
        return None


@dataclass(frozen=True)
class _Candidate:
    """A matching rule with its clock date and due date, or the reason its clock is unknown."""

    rule: _Rule
    clock: date | None
    due: date
    problem: str | None = None

    @property
    def rank(self) -> tuple[date, bool, bool, int]:
        """Sort key: latest due, then unreadable clocks, then bindings, then first declared."""
        return (self.due, self.problem is not None, self.rule.is_binding, -self.rule.order)


class Rulebook:
    """The packs and site bindings in use; decides and explains items."""

    def __init__(self, packs: Sequence[Pack], bindings: Sequence[Binding] = ()) -> None:
        self.categories = _merge_categories(packs)
        for index, binding in enumerate(bindings):
            check_binding(index, binding, self.categories)
        rules = [_from_binding(i, b, self.categories) for i, b in enumerate(bindings)]
        for pack in packs:
            for index, selector in enumerate(pack.selectors):
                rules.append(_from_selector(pack, index, selector, len(rules)))
        self._rules = tuple(rules)

    def decide(self, facts: ItemFacts, today: date) -> Decision:
        """The decision for one item as of ``today``."""
        candidates = self._candidates(facts, today)
        if not candidates:
            return _no_rule(facts, today)
        return _decision(max(candidates, key=lambda c: c.rank), today)

    def explain(self, facts: ItemFacts, today: date) -> list[str]:
        """One line for the decision, then one per rule: how it ranked, or why it missed."""
        decision = self.decide(facts, today)
        lines = [f"decision: {decision.action} by {decision.rule}: {decision.reason}"]
        ranked = sorted(self._candidates(facts, today), key=lambda c: c.rank, reverse=True)
        for candidate in ranked:
            outcome = "wins" if candidate is ranked[0] else _why_lost(candidate, ranked[0])
            lines.append(f"{candidate.rule.label}: {_describe(candidate)} -> {outcome}")
        considered = {candidate.rule.label for candidate in ranked}
        for rule in self._rules:
            reason = rule.mismatch(facts)
            if reason is not None:
                lines.append(f"{rule.label}: no match ({reason})")
            elif rule.label not in considered:
                lines.append(f"{rule.label}: left out (a site binding of {rule.category.id} "
                             "covers the item and decides its clock)")
        return lines

    def tables(self, source: str) -> list[str]:
        """The tables of a source that some rule names, sorted."""
        return sorted({r.table for r in self._rules if r.table and r.source in (None, source)})

    def table_rules(self, source: str, table: str, today: date) -> list[RowRule]:
        """The rules over a table's rows, longest retention first (it decides the action).

        A row is due when every one of them says so: the longer legal duty wins.
        """
        rules = [r for r in self._rules
                 if r.table == table and r.source in (None, source)
                 and r.path is None and r.prefix is None and not r.entities]
        rows = [_row_rule(r, today) for r in rules]
        return sorted(rows, key=lambda r: (r.before, not _is_binding(r)))

    def explain_table(self, source: str, table: str, today: date) -> list[str]:
        """How the rows of a table are decided: one line per rule, the first one deciding."""
        rules = self.table_rules(source, table, today)
        if not rules:
            return [f"table {table}: no rule names it; its personal columns go to review"]
        lines = [f"table {table}: a row is due when every rule below says so "
                 f"(the longest duty wins: {rules[0].label} decides the action)"]
        lines += [f"{r.label}: {r.category}, {r.retention} from {r.clock}: rows with "
                  f"{r.clock} < {r.before} are due, then {r.action}" for r in rules]
        return lines

    def _candidates(self, facts: ItemFacts, today: date) -> list[_Candidate]:
        """Every rule that matches the item, with its clock and due date.

        A pack selector guessing a category the site has bound the item to says nothing the
        binding does not say better (the binding knows the real clock), so it is left out.
        """
        matching = [rule for rule in self._rules if not rule.mismatch(facts)]
        bound = {rule.category.id for rule in matching if rule.is_binding}
        return [_evaluate(rule, facts, today) for rule in matching
                if rule.is_binding or rule.category.id not in bound]


def _is_binding(rule: RowRule) -> bool:
    return rule.label.startswith("bindings[")


def _row_rule(rule: _Rule, today: date) -> RowRule:
    """A table rule as of ``today``: the clock bound below which rows are due."""
    category = rule.category
    before = category.retention.latest_start(today) + timedelta(days=1)
    action = _action(rule)
    auto = category.auto_approve and rule.is_binding and action != "review"
    return RowRule(rule.label, category.id, category.basis, rule.clock, before,
                   str(category.retention), action, auto)


def _merge_categories(packs: Sequence[Pack]) -> dict[str, Category]:
    """All categories of all packs; a pack name or category id used twice is an error."""
    categories: dict[str, Category] = {}
    owners: dict[str, str] = {}
    for index, pack in enumerate(packs):
        if pack.name in owners.values():
            raise PolicyError(f"pack {pack.name!r} is loaded twice", field=f"rules[{index}]")
        for category_id, category in pack.categories.items():
            if category_id in categories:
                message = f"category {category_id!r} is defined in {owners[category_id]!r} too"
                raise PolicyError(message, field=f"rules[{index}]")
            categories[category_id] = category
            owners[category_id] = pack.name
    return categories


def _from_binding(index: int, binding: Binding, categories: Mapping[str, Category]) -> _Rule:
    """A site binding as a rule."""
    return _Rule(
        label=f"bindings[{index}]:{binding.category}",
        category=categories[binding.category],
        clock=binding.clock,
        action=binding.action,
        is_binding=True,
        order=index,
        source=binding.source,
        path=binding.path,
        prefix=binding.prefix,
        table=binding.table,
    )


def _from_selector(pack: Pack, index: int, selector: Selector, order: int) -> _Rule:
    """A pack selector as a rule."""
    return _Rule(
        label=f"{pack.name}:selectors[{index}]:{selector.category}",
        category=pack.categories[selector.category],
        clock=selector.clock or "mtime",
        action=selector.action,
        is_binding=False,
        order=order,
        source=selector.source,
        path=selector.path,
        prefix=selector.prefix,
        table=selector.table,
        entities=selector.entities,
    )


def _evaluate(rule: _Rule, facts: ItemFacts, today: date) -> _Candidate:
    """Read the rule's clock and compute the due date; an unreadable clock is due for review."""
    try:
        clock = read_clock(rule.clock, facts.modified, facts.metadata, facts.dates, facts.key)
        return _Candidate(rule, clock, rule.category.retention.after(clock))
    except (ClockUnavailable, ValueError) as exc:
        return _Candidate(rule, None, today, problem=str(exc))


def _decision(winner: _Candidate, today: date) -> Decision:
    """The decision a winning candidate makes."""
    rule, category = winner.rule, winner.rule.category
    if winner.problem is not None:
        reason = f"{winner.problem}; review instead of deciding on a guessed date"
        return Decision(
            category.id, rule.label, category.basis, None, today, "review", reason, False
        )
    span = f"{category.retention} from {winner.clock} (clock {rule.clock})"
    if winner.due > today:
        reason = f"{category.id}: kept until {winner.due}, {span}"
        return Decision(
            category.id, rule.label, category.basis, winner.clock, winner.due, "keep", reason, False
        )
    action = _action(rule)
    auto = category.auto_approve and rule.is_binding and action != "review"
    reason = f"{category.id}: retention ended {winner.due}, {span}; then {action}"
    return Decision(
        category.id, rule.label, category.basis, winner.clock, winner.due, action, reason, auto
    )


def _action(rule: _Rule) -> DecisionAction:
    """The rule's action override, else its category's action after expiry."""
    return _DUE_ACTIONS[rule.action or rule.category.after]


def _no_rule(facts: ItemFacts, today: date) -> Decision:
    """The decision when no rule matches: review personal data, keep the rest."""
    if facts.entity_types:
        reason = "personal data found but no retention category applies"
        return Decision(None, NO_RULE, "", None, today, "review", reason, False)
    return Decision(None, NO_RULE, "", None, None, "keep", "no personal data, no rule", False)


def _describe(candidate: _Candidate) -> str:
    """How a candidate computed its due date."""
    if candidate.problem is not None:
        return f"{candidate.problem} -> review now"
    retention = candidate.rule.category.retention
    return f"clock {candidate.rule.clock} = {candidate.clock}, {retention} -> due {candidate.due}"


def _why_lost(loser: _Candidate, winner: _Candidate) -> str:
    """Why a candidate lost to the winner."""
    if loser.due < winner.due:
        return f"loses to {winner.rule.label}: due {loser.due} is earlier than {winner.due}"
    if winner.problem is not None and loser.problem is None:
        return f"loses to {winner.rule.label}: same day, and an unreadable clock is reviewed"
    if winner.rule.is_binding and not loser.rule.is_binding:
        return f"loses to {winner.rule.label}: same due date, and the site's binding comes first"
    return f"loses to {winner.rule.label}: same due date, declared later"
