"""Deciding an item: candidates, the longest duty, clocks, and the no-rule cases."""

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from rules import Binding, ItemFacts, PolicyError, Rulebook, load_pack
from rules.clock import date_in_path
from rules.policy import parse_pack

KR = load_pack("kr-medical")
TODAY = date(2025, 6, 1)


JAN_2020 = datetime(2020, 1, 1, tzinfo=UTC)


def facts(key: str, modified: datetime | None = JAN_2020, **kw: Any) -> ItemFacts:
    """A file of the 'charts' source unless told otherwise."""
    kw.setdefault("source", "charts")
    return ItemFacts(key=key, kind=kw.pop("kind", "file"), modified=modified, **kw)


def book(*bindings: Binding) -> Rulebook:
    return Rulebook([KR], bindings)


RX = Binding(source="charts", path="rx/**", category="prescription")


def test_binding_decides_prescription_two_years_after_mtime() -> None:
    decision = book(RX).decide(facts("rx/a.pdf"), TODAY)
    assert (decision.category, decision.due, decision.action) == (
        "prescription",
        date(2022, 1, 1),
        "delete",
    )
    assert decision.rule == "bindings[0]:prescription"
    assert decision.clock == date(2020, 1, 1)
    assert "의료법 시행규칙 제15조" in decision.basis


def test_binding_beats_selector_of_equal_duty() -> None:
    decision = book(RX).decide(facts("rx/sub/rx/a.pdf"), TODAY)
    assert decision.rule == "bindings[0]:prescription"


def test_first_declared_binding_wins_a_tie() -> None:
    other = Binding(source="charts", prefix="rx/", category="prescription")
    assert book(other, RX).decide(facts("rx/a.pdf"), TODAY).rule == "bindings[0]:prescription"
    assert book(RX, other).decide(facts("rx/a.pdf"), TODAY).rule == "bindings[0]:prescription"


def test_selector_wins_only_when_it_keeps_longer() -> None:
    members = Binding(source="charts", path="members/**", category="member_account")
    decision = book(members).decide(facts("members/charts/kim.pdf"), TODAY)
    assert (decision.category, decision.action) == ("medical_record", "keep")
    assert decision.rule == "kr-medical:selectors[0]:medical_record"
    assert decision.due == date(2030, 1, 1)


def test_binding_that_keeps_longer_beats_a_shorter_selector() -> None:
    charts = Binding(source="charts", path="rx/**", category="medical_record")
    decision = book(charts).decide(facts("rx/a.pdf"), TODAY)
    assert (decision.category, decision.action, decision.due) == (
        "medical_record",
        "keep",
        date(2030, 1, 1),
    )


def test_longest_duty_wins_among_selectors() -> None:
    decision = book().decide(facts("charts/rx/a.pdf"), TODAY)
    assert (decision.category, decision.action) == ("medical_record", "keep")


def test_binding_applies_only_to_its_source() -> None:
    decision = book(RX).decide(facts("rx/a.pdf", source="archive"), TODAY)
    assert decision.rule == "kr-medical:selectors[12]:prescription"


LOGS_TABLE = Binding("emr", "access_log", clock="at", table="logs")
LOGS_PREFIX = Binding("emr", "access_log", clock="at", prefix="logs/")
WHOLE_SOURCE = Binding("emr", "access_log", clock="at")


@pytest.mark.parametrize(
    ("binding", "key", "table", "matches"),
    [
        (LOGS_TABLE, "logs.at", "logs", True),
        (LOGS_TABLE, "visits.at", "visits", False),
        (LOGS_TABLE, "logs.at", None, False),
        (LOGS_PREFIX, "logs/1", None, True),
        (LOGS_PREFIX, "x/logs/1", None, False),
        (WHOLE_SOURCE, "anything", None, True),
    ],
)
def test_binding_matches_on_table_prefix_or_whole_source(
    binding: Binding, key: str, table: str | None, matches: bool
) -> None:
    item = ItemFacts("emr", key, "rows", None, table=table, dates={"at": date(2025, 1, 1)})
    decision = book(binding).decide(item, TODAY)
    assert (decision.category == "access_log") is matches


def test_database_clock_reads_the_date_column() -> None:
    binding = Binding("emr", "prescription", clock="issued_at", table="prescriptions")
    item = ItemFacts(
        "emr", "prescriptions WHERE issued_at < 2023-06-01", "rows", None,
        table="prescriptions", dates={"issued_at": date(2023, 5, 31)},
    )  # fmt: skip
    decision = book(binding).decide(item, TODAY)
    assert (decision.clock, decision.due, decision.action) == (
        date(2023, 5, 31),
        date(2025, 5, 31),
        "delete",
    )


def test_null_date_column_asks_for_review() -> None:
    binding = Binding("emr", "prescription", clock="issued_at", table="prescriptions")
    item = ItemFacts("emr", "p", "rows", None, table="prescriptions", dates={"issued_at": None})  # type: ignore[dict-item]
    decision = book(binding).decide(item, TODAY)
    assert decision.action == "review"
    assert "issued_at" in decision.reason


@pytest.mark.parametrize(
    ("value", "clock"),
    [
        ("2014-06-01", date(2014, 6, 1)),
        ("2014-06-01T23:30:00+09:00", date(2014, 6, 1)),
        ("2014-06-01T10:00:00Z", date(2014, 6, 1)),
        ("2014-06-01 10:00:00", date(2014, 6, 1)),
    ],
)
def test_meta_clock_reads_the_iso_date_from_metadata(value: str, clock: date) -> None:
    binding = Binding("archive", "medical_record", clock="meta:record-date", prefix="consents/")
    item = facts("consents/kim.pdf", source="archive", metadata={"meta:record-date": value})
    decision = book(binding).decide(item, TODAY)
    assert (decision.clock, decision.due, decision.action) == (
        clock,
        date(2024, 6, 1),
        "anonymize",
    )


def test_tag_clock_reads_the_tag_from_metadata() -> None:
    binding = Binding("archive", "identity_verification", clock="tag:verified", prefix="id/")
    item = facts("id/1.png", source="archive", metadata={"tag:verified": "2024-12-31"})
    decision = book(binding).decide(item, TODAY)
    assert (decision.due, decision.action) == (date(2025, 6, 30), "keep")


MEMBERS = Binding("archive", "member_account", clock="meta:withdrawn-on", prefix="members/")


@pytest.mark.parametrize(
    ("item", "missing"),
    [
        (facts("members/1.json", source="archive"), "meta:withdrawn-on"),
        (
            facts("members/1.json", source="archive", metadata={"meta:withdrawn-on": "soon"}),
            "not an ISO date",
        ),
        (
            facts("members/1.json", source="archive", metadata={"meta:withdrawn": "2020-01-01"}),
            "meta:withdrawn-on",
        ),
    ],
)
def test_unreadable_clock_asks_for_review_instead_of_guessing(
    item: ItemFacts, missing: str
) -> None:
    decision = book(MEMBERS).decide(item, TODAY)
    assert (decision.action, decision.category, decision.clock) == (
        "review",
        "member_account",
        None,
    )
    assert decision.due == TODAY
    assert missing in decision.reason
    assert "soon" not in decision.reason.replace("review", "")


def test_missing_mtime_asks_for_review() -> None:
    decision = book(RX).decide(facts("rx/a.pdf", modified=None), TODAY)
    assert decision.action == "review"
    assert "mtime" in decision.reason


def test_unreadable_clock_beats_a_candidate_that_would_delete_now() -> None:
    binding = Binding("charts", "prescription", clock="meta:issued", path="rx/**")
    decision = book(binding).decide(facts("rx/a.pdf"), TODAY)  # the rx selector is long due
    assert (decision.action, decision.rule) == ("review", "bindings[0]:prescription")


def test_candidate_that_keeps_with_a_real_clock_beats_an_unreadable_clock() -> None:
    binding = Binding("charts", "prescription", clock="meta:issued", path="charts/**")
    decision = book(binding).decide(facts("charts/a.pdf"), TODAY)
    assert (decision.action, decision.category) == ("keep", "medical_record")


def test_aware_mtime_counts_in_utc() -> None:
    seoul = timezone(timedelta(hours=9))
    decision = book(RX).decide(
        facts("rx/a.pdf", modified=datetime(2020, 1, 1, 1, tzinfo=seoul)), TODAY
    )
    assert decision.clock == date(2019, 12, 31)


def test_item_with_personal_data_and_no_rule_goes_to_review() -> None:
    item = facts("misc/notes.txt", entity_types=frozenset({"PERSON", "KR_RRN"}))
    decision = book(RX).decide(item, TODAY)
    assert (decision.category, decision.action, decision.due) == (None, "review", TODAY)
    assert decision.reason == "personal data found but no retention category applies"


def test_item_without_personal_data_or_rule_is_kept() -> None:
    decision = book(RX).decide(facts("misc/menu.txt"), TODAY)
    assert (decision.category, decision.action, decision.due) == (None, "keep", None)
    assert decision.reason == "no personal data, no rule"


@pytest.mark.parametrize(
    ("modified", "action"),
    [
        (datetime(2023, 6, 2, tzinfo=UTC), "keep"),
        (datetime(2023, 6, 1, tzinfo=UTC), "delete"),
        (datetime(2023, 5, 31, tzinfo=UTC), "delete"),
    ],
)
def test_item_is_kept_until_its_due_date(modified: datetime, action: str) -> None:
    assert book(RX).decide(facts("rx/a.pdf", modified=modified), TODAY).action == action


def test_binding_action_overrides_the_category() -> None:
    binding = Binding("charts", "prescription", path="rx/**", action="review")
    assert book(binding).decide(facts("rx/a.pdf"), TODAY).action == "review"


def test_access_logs_auto_approve_only_when_the_site_bound_them() -> None:
    bound = Binding("web", "access_log", path="logs/**")
    item = facts("logs/access.log", source="web")
    assert book(bound).decide(item, TODAY).auto_approve is True
    assert book().decide(item, TODAY).category == "access_log"
    assert book().decide(item, TODAY).auto_approve is False


def test_kept_item_is_never_auto_approved() -> None:
    bound = Binding("web", "access_log", path="logs/**")
    item = facts("logs/access.log", source="web", modified=datetime(2025, 5, 1, tzinfo=UTC))
    assert book(bound).decide(item, TODAY).auto_approve is False


ENTITY_PACK = """\
name: site
version: "1"
title: Site
categories:
  chart:
    title: {en: Chart, ko: 차트}
    retention: P10Y
    clock: record date
    after: review
    basis: law
selectors:
  - {category: chart, entities: [MEDICAL_CONDITION, MEDICAL_PROCEDURE], source: charts}
"""


@pytest.mark.parametrize(
    ("source", "entities", "category"),
    [
        ("charts", {"MEDICAL_PROCEDURE", "PERSON"}, "chart"),
        ("charts", {"MEDICAL_CONDITION"}, "chart"),
        ("charts", {"PERSON"}, None),
        ("archive", {"MEDICAL_CONDITION"}, None),
    ],
)
def test_entity_selector_matches_any_detected_entity_of_its_source(
    source: str, entities: set[str], category: str | None
) -> None:
    rulebook = Rulebook([parse_pack(ENTITY_PACK, "site.yaml")])
    item = facts("x.txt", source=source, entity_types=frozenset(entities))
    assert rulebook.decide(item, TODAY).category == category


@pytest.mark.parametrize(
    ("binding", "message"),
    [
        (Binding("emr", "foo"), "bindings[2].category: unknown category 'foo'"),
        (Binding("emr", "access_log", action="shred"), "bindings[2].action: 'shred' is not"),
        (Binding("emr", "access_log", clock="metadata:x"), "bindings[2].clock: unknown clock"),
        (Binding("emr", "access_log", clock="tag:"), "bindings[2].clock: unknown clock"),
        (Binding("emr", "access_log", path="/var/log/**"), "bindings[2].path: path pattern"),
    ],
)
def test_bad_binding_is_a_policy_error_naming_its_index(binding: Binding, message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        book(RX, RX, binding)
    assert str(caught.value).startswith(message)
    assert caught.value.field is not None and caught.value.field.startswith("bindings[2].")


def test_same_pack_twice_is_a_policy_error() -> None:
    with pytest.raises(PolicyError, match="loaded twice"):
        Rulebook([KR, KR])


def test_explain_names_winner_losers_and_misses() -> None:
    lines = book(RX).explain(facts("charts/rx/a.pdf"), TODAY)
    assert lines[0].startswith("decision: keep by kr-medical:selectors[0]:medical_record")
    assert lines[1] == (
        "kr-medical:selectors[0]:medical_record: clock mtime = 2020-01-01, P10Y"
        " -> due 2030-01-01 -> wins"
    )
    assert lines[2].startswith("kr-medical:selectors[12]:prescription:")
    assert "loses to kr-medical:selectors[0]:medical_record: due 2022-01-01 is earlier" in lines[2]
    assert "bindings[0]:prescription: no match (key does not match path 'rx/**')" in lines


def test_explain_says_a_binding_overrides_a_selector_of_the_same_category() -> None:
    lines = book(RX).explain(facts("rx/a.pdf"), TODAY)
    assert lines[1].endswith("-> wins") and lines[1].startswith("bindings[0]")
    assert any(line.startswith("kr-medical:selectors[") and "left out (a site binding of "
               "prescription covers the item" in line for line in lines)


def test_explain_without_rules_says_why() -> None:
    lines = book().explain(facts("misc/a.txt", source="x"), TODAY)
    assert lines[0] == "decision: keep by none: no personal data, no rule"
    assert all("no match" in line for line in lines[1:])


@pytest.mark.parametrize(("key", "expected"), [
    ("charts/2019/03/15/a.pdf", date(2019, 3, 15)),
    ("scans/scan-20190315.pdf", date(2019, 3, 15)),
    ("rx/2019-02-30/copy-2018.03.04.txt", date(2018, 3, 4)),  # the last valid date wins
    ("charts/2019/03/a.pdf", date(2019, 3, 31)),  # a month alone: its last day
    ("charts/2019/a.pdf", date(2019, 12, 31)),  # a year alone: December 31st
])
def test_a_date_in_the_path_starts_the_clock_never_early(key: str, expected: date) -> None:
    assert date_in_path(key) == expected


def test_a_path_without_a_date_is_reviewed_not_guessed() -> None:
    binding = Binding("charts", "prescription", clock="path-date", path="rx/**")
    decision = Rulebook([KR], [binding]).decide(facts("rx/ORD-20241301.pdf", source="charts"),
                                                TODAY)
    assert decision.action == "review" and "no date in the item's path" in decision.reason
    dated = Rulebook([KR], [binding]).decide(facts("rx/2020/06/a.pdf", source="charts"), TODAY)
    assert dated.clock == date(2020, 6, 30) and dated.due == date(2022, 6, 30)
