"""The kr-medical pack on a test estate: every row of POLICY.md's retention table, decided on
both sides of its due date, in files, objects and database row sets; overlaps, unreadable
clocks, items no rule covers, and legal holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from rules import Binding, HoldSpec, ItemFacts, Rulebook, holds_covering, load_pack

KR = load_pack("kr-medical")
DAY = timedelta(days=1)

# The site's word: database tables and object prefixes say what they hold; file folders
# mostly rely on the pack's own selectors, except for categories a folder name cannot tell.
BINDINGS = (
    Binding("emr", "medical_record", clock="visit_end", table="visits"),
    Binding("emr", "surgery_record", clock="operated_on", table="surgeries"),
    Binding("emr", "patient_roster", clock="registered_on", table="patients"),
    Binding("emr", "test_result", clock="reported_on", table="lab_results"),
    Binding("emr", "radiology", clock="read_on", table="imaging_reports"),
    Binding("emr", "nursing_record", clock="written_on", table="nursing_notes"),
    Binding("emr", "prescription", clock="issued_at", table="prescriptions"),
    Binding("emr", "certificate_copy", clock="issued_on", table="certificates"),
    Binding("emr", "complaint", clock="closed_on", table="complaints"),
    Binding("emr", "credit_record", clock="recorded_on", table="payments"),
    Binding("emr", "identity_verification", clock="verified_at", table="identity_checks"),
    Binding("emr", "access_log", clock="accessed_at", table="access_logs"),
    Binding("emr", "member_account", clock="withdrawn_at", table="members"),
    Binding("emr", "purpose_achieved", clock="answered_on", table="consultations"),
    Binding("charts", "member_account", path="members/**"),
    Binding("charts", "complaint", path="complaints/**"),
    Binding("charts", "purpose_achieved", path="event-applications/**"),
    Binding("charts", "access_log", path="web/logs/**"),
    Binding("archive", "medical_record", clock="meta:record-date", prefix="consents/"),
    Binding("archive", "radiology", clock="meta:study-date", prefix="pacs/"),
    Binding("archive", "complaint", clock="tag:closed-on", prefix="disputes/"),
    Binding("archive", "credit_record", clock="meta:recorded", prefix="credit/"),
    Binding("archive", "identity_verification", clock="tag:verified", prefix="id-checks/"),
    Binding("archive", "member_account", clock="meta:withdrawn-on", prefix="members/"),
    Binding("archive", "prescription", clock="meta:issued", prefix="rx/"),
)
BOOK = Rulebook([KR], BINDINGS)


def row_set(table: str, column: str, clock: date | datetime) -> ItemFacts:
    """A database row set whose clock column holds ``clock``."""
    key = f"{table} WHERE {column} <= {clock.isoformat()[:10]}"
    return ItemFacts("emr", key, "rows", None, table=table, dates={column: clock})


def file(key: str, clock: date, **kw: object) -> ItemFacts:
    """A file of the 'charts' share modified on ``clock`` (noon, Seoul time)."""
    moment = datetime(clock.year, clock.month, clock.day, 12, tzinfo=UTC) - timedelta(hours=9)
    return ItemFacts("charts", key, "file", moment, **kw)  # type: ignore[arg-type]


def obj(key: str, clock_key: str, clock: date, uploaded: date | None = None) -> ItemFacts:
    """An S3 object version whose metadata or tag ``clock_key`` says ``clock``."""
    moment = uploaded or clock
    modified = datetime(moment.year, moment.month, moment.day, 23, 59, tzinfo=UTC)
    return ItemFacts("archive", key, "object", modified, metadata={clock_key: clock.isoformat()})


@dataclass(frozen=True)
class Case:
    """An item of the estate and what POLICY.md says about it."""

    name: str
    facts: ItemFacts
    category: str
    clock: date
    due: date
    action: str
    by_binding: bool


def case(name: str, facts: ItemFacts, category: str, clock: date, due: date, action: str,
         by_binding: bool = True) -> Case:
    return Case(name, facts, category, clock, due, action, by_binding)


D = date
ESTATE = [
    # medical records and charts: 10 years from the record date, then anonymized
    case("chart row set", row_set("visits", "visit_end", D(2015, 3, 10)), "medical_record",
         D(2015, 3, 10), D(2025, 3, 10), "anonymize"),
    case("chart file", file("charts/2015/kim.txt", D(2015, 6, 1)), "medical_record",
         D(2015, 6, 1), D(2025, 6, 1), "anonymize", by_binding=False),
    case("Korean chart folder", file("진료기록부/2016/lee.hwp", D(2016, 2, 29)),
         "medical_record", D(2016, 2, 29), D(2026, 2, 28), "anonymize", by_binding=False),
    case("consent object", obj("consents/2014/park.pdf", "meta:record-date", D(2014, 9, 30)),
         "medical_record", D(2014, 9, 30), D(2024, 9, 30), "anonymize"),
    # surgery records: 10 years
    case("surgery row set", row_set("surgeries", "operated_on", D(2014, 7, 1)),
         "surgery_record", D(2014, 7, 1), D(2024, 7, 1), "anonymize"),
    case("surgery file", file("수술기록/rhinoplasty-0412.pdf", D(2015, 4, 12)),
         "surgery_record", D(2015, 4, 12), D(2025, 4, 12), "anonymize", by_binding=False),
    # patient roster: 5 years, destroyed
    case("roster row set", row_set("patients", "registered_on", D(2019, 2, 28)),
         "patient_roster", D(2019, 2, 28), D(2024, 2, 28), "delete"),
    case("roster file", file("admin/환자명부/2020.xlsx", D(2020, 1, 2)), "patient_roster",
         D(2020, 1, 2), D(2025, 1, 2), "delete", by_binding=False),
    # test results, radiology and readings, nursing records: 5 years
    case("lab row set", row_set("lab_results", "reported_on", D(2020, 2, 29)), "test_result",
         D(2020, 2, 29), D(2025, 2, 28), "delete"),
    case("lab file", file("lab-results/cbc-0007.pdf", D(2020, 8, 1)), "test_result",
         D(2020, 8, 1), D(2025, 8, 1), "delete", by_binding=False),
    case("radiology reading row set", row_set("imaging_reports", "read_on", D(2019, 11, 5)),
         "radiology", D(2019, 11, 5), D(2024, 11, 5), "delete"),
    case("DICOM image file", file("imaging/ct-0001.dcm", D(2020, 3, 3)), "radiology",
         D(2020, 3, 3), D(2025, 3, 3), "delete", by_binding=False),
    case("radiology reading file", file("radiology/readings/r-17.txt", D(2020, 3, 4)),
         "radiology", D(2020, 3, 4), D(2025, 3, 4), "delete", by_binding=False),
    case("PACS object", obj("pacs/2019/study-9.dcm", "meta:study-date", D(2019, 12, 31)),
         "radiology", D(2019, 12, 31), D(2024, 12, 31), "delete"),
    case("nursing row set", row_set("nursing_notes", "written_on", D(2020, 5, 5)),
         "nursing_record", D(2020, 5, 5), D(2025, 5, 5), "delete"),
    case("nursing file", file("간호기록부/ward-3.txt", D(2020, 6, 6)), "nursing_record",
         D(2020, 6, 6), D(2025, 6, 6), "delete", by_binding=False),
    # prescriptions: 2 years from issue
    case("prescription row set", row_set("prescriptions", "issued_at",
                                         datetime(2023, 5, 31, 18, 30)),
         "prescription", D(2023, 5, 31), D(2025, 5, 31), "delete"),
    case("prescription file", file("rx/2023/a-17.pdf", D(2023, 7, 1)), "prescription",
         D(2023, 7, 1), D(2025, 7, 1), "delete", by_binding=False),
    case("prescription object", obj("rx/2023/b.pdf", "meta:issued", D(2023, 8, 1)),
         "prescription", D(2023, 8, 1), D(2025, 8, 1), "delete"),
    # copies of medical certificates: 3 years from issue
    case("certificate copy row set", row_set("certificates", "issued_on", D(2022, 4, 1)),
         "certificate_copy", D(2022, 4, 1), D(2025, 4, 1), "delete"),
    case("certificate copy file", file("certificates/진단서-0031.pdf", D(2022, 5, 1)),
         "certificate_copy", D(2022, 5, 1), D(2025, 5, 1), "delete", by_binding=False),
    # consumer complaints and disputes: 3 years from the case's closing
    case("complaint row set", row_set("complaints", "closed_on", D(2021, 12, 31)),
         "complaint", D(2021, 12, 31), D(2024, 12, 31), "delete"),
    case("complaint file", file("complaints/2022/c-4.eml", D(2022, 3, 1)), "complaint",
         D(2022, 3, 1), D(2025, 3, 1), "delete"),
    case("dispute object", obj("disputes/d-9.pdf", "tag:closed-on", D(2022, 6, 30)),
         "complaint", D(2022, 6, 30), D(2025, 6, 30), "delete"),
    # credit-information records: 3 years
    case("payment row set", row_set("payments", "recorded_on", D(2022, 1, 15)),
         "credit_record", D(2022, 1, 15), D(2025, 1, 15), "delete"),
    case("credit object", obj("credit/2022/card-slip.pdf", "meta:recorded", D(2022, 2, 1)),
         "credit_record", D(2022, 2, 1), D(2025, 2, 1), "delete"),
    # identity verification: 6 months (a month-end clock ends on the shorter month's end)
    case("identity row set", row_set("identity_checks", "verified_at",
                                     datetime(2024, 8, 31, 10)),
         "identity_verification", D(2024, 8, 31), D(2025, 2, 28), "delete"),
    case("identity object", obj("id-checks/passport-scan.png", "tag:verified", D(2024, 12, 1)),
         "identity_verification", D(2024, 12, 1), D(2025, 6, 1), "delete"),
    # website access logs: 3 months
    case("access log row set", row_set("access_logs", "accessed_at", D(2025, 11, 30)),
         "access_log", D(2025, 11, 30), D(2026, 2, 28), "delete"),
    case("bound access log file", file("web/logs/2025-10.log", D(2025, 10, 31)), "access_log",
         D(2025, 10, 31), D(2026, 1, 31), "delete"),
    case("access log file by name", file("nginx/access.log.3", D(2025, 9, 1)), "access_log",
         D(2025, 9, 1), D(2025, 12, 1), "delete", by_binding=False),
    # member accounts: destroyed without delay once the member withdraws (within 5 days)
    case("withdrawn member row set", row_set("members", "withdrawn_at", D(2025, 3, 2)),
         "member_account", D(2025, 3, 2), D(2025, 3, 2), "delete"),
    case("withdrawn member file", file("members/kim/profile.json", D(2025, 4, 1)),
         "member_account", D(2025, 4, 1), D(2025, 4, 1), "delete"),
    case("withdrawn member object", obj("members/1042.json", "meta:withdrawn-on",
                                        D(2025, 5, 9)),
         "member_account", D(2025, 5, 9), D(2025, 5, 9), "delete"),
    # data whose purpose is achieved: destroyed without delay
    case("answered consultation row set", row_set("consultations", "answered_on",
                                                  D(2025, 4, 1)),
         "purpose_achieved", D(2025, 4, 1), D(2025, 4, 1), "delete"),
    case("event application file", file("event-applications/2025-spring.csv", D(2025, 5, 31)),
         "purpose_achieved", D(2025, 5, 31), D(2025, 5, 31), "delete"),
]
IDS = [c.name for c in ESTATE]


def test_the_estate_covers_every_row_of_the_policy_table() -> None:
    assert {c.category for c in ESTATE} == set(KR.categories)


@pytest.mark.parametrize("item", ESTATE, ids=IDS)
def test_kept_until_the_day_before_it_is_due(item: Case) -> None:
    decision = BOOK.decide(item.facts, item.due - DAY)
    assert (decision.category, decision.clock, decision.due, decision.action) == (
        item.category, item.clock, item.due, "keep")
    assert decision.auto_approve is False


@pytest.mark.parametrize("item", ESTATE, ids=IDS)
def test_due_on_the_day_its_period_ends_and_after(item: Case) -> None:
    for today in (item.due, item.due + timedelta(days=400)):
        decision = BOOK.decide(item.facts, today)
        assert (decision.category, decision.clock, decision.due, decision.action) == (
            item.category, item.clock, item.due, item.action)
    kind = "bindings[" if item.by_binding else "kr-medical:selectors["
    assert decision.rule.startswith(kind) and decision.rule.endswith(f":{item.category}")
    assert decision.basis == KR.categories[item.category].basis


@pytest.mark.parametrize("item", ESTATE, ids=IDS)
def test_only_access_logs_the_site_bound_are_approved_by_policy(item: Case) -> None:
    decision = BOOK.decide(item.facts, item.due)
    assert decision.auto_approve is (item.category == "access_log" and item.by_binding)


ROW_SETS = [c for c in ESTATE if c.facts.table is not None]


@pytest.mark.parametrize("item", ROW_SETS, ids=[c.name for c in ROW_SETS])
def test_the_table_rules_a_database_plan_uses_agree_on_the_due_day(item: Case) -> None:
    assert item.facts.table is not None
    [column] = item.facts.dates
    for today, due in ((item.due - DAY, False), (item.due, True)):
        [rule] = BOOK.table_rules("emr", item.facts.table, today)
        assert (rule.category, rule.clock, rule.action) == (item.category, column, item.action)
        assert (item.clock < rule.before) is due  # rows whose clock is before ``before`` go
        assert rule.auto_approve is (item.category == "access_log")


def test_table_rules_keep_a_withdrawn_members_visits_for_the_charts_duty() -> None:
    withdrawn = Binding("emr", "member_account", clock="withdrawn_at", table="visits")
    book = Rulebook([KR], (*BINDINGS, withdrawn))
    first, second = book.table_rules("emr", "visits", D(2025, 2, 1))
    assert (first.category, first.before) == ("medical_record", D(2015, 2, 2))
    assert (second.category, second.before) == ("member_account", D(2025, 2, 2))
    visit_end, withdrawn_at = D(2021, 6, 1), D(2025, 1, 1)  # due only when both rules say so
    assert withdrawn_at < second.before and not visit_end < first.before


@pytest.mark.parametrize(
    ("facts", "category", "due", "rule"),
    [
        # a withdrawn member's chart: member data, but the 10-year duty wins
        (file("members/kim/charts/2020-visit.txt", D(2020, 1, 10)), "medical_record",
         D(2030, 1, 10), "kr-medical:selectors[0]:medical_record"),
        (ItemFacts("emr", "visits WHERE member withdrew", "rows", None, table="visits",
                   dates={"visit_end": D(2021, 6, 1), "withdrawn_at": D(2025, 1, 1)}),
         "medical_record", D(2031, 6, 1), "bindings[0]:medical_record"),
        # a prescription filed in a chart folder is part of the chart
        (file("charts/2023/kim/rx/a.pdf", D(2023, 1, 5)), "medical_record", D(2033, 1, 5),
         "kr-medical:selectors[0]:medical_record"),
        (file("rx/charts/b.pdf", D(2023, 1, 5)), "medical_record", D(2033, 1, 5),
         "kr-medical:selectors[0]:medical_record"),
        # an image in the lab-results folder: both 5 years; the first declared selector wins
        (file("lab-results/xray.dcm", D(2020, 1, 1)), "test_result", D(2025, 1, 1),
         "kr-medical:selectors[6]:test_result"),
        # a certificate copy in a surgery folder: the surgery record's 10 years win
        (file("surgery-records/certificates/c.pdf", D(2020, 1, 1)), "surgery_record",
         D(2030, 1, 1), "kr-medical:selectors[3]:surgery_record"),
        # a complaint that holds a chart copy: kept as a chart
        (file("complaints/charts/copy.pdf", D(2020, 1, 1)), "medical_record", D(2030, 1, 1),
         "kr-medical:selectors[0]:medical_record"),
    ],
    ids=["member chart file", "member visits rows", "rx in chart", "chart in rx",
         "dicom in lab", "certificate in surgery", "chart in complaint"],
)
def test_where_two_rules_cover_an_item_the_longer_duty_wins(
        facts: ItemFacts, category: str, due: date, rule: str) -> None:
    before, on = BOOK.decide(facts, due - DAY), BOOK.decide(facts, due)
    assert (before.category, before.due, before.action, before.rule) == (
        category, due, "keep", rule)
    assert (on.category, on.action) == (category, KR.categories[category].after)


def test_the_visits_binding_with_a_withdrawal_clock_would_delete_only_after_the_chart_duty(
        ) -> None:
    withdrawn = Binding("emr", "member_account", clock="withdrawn_at", table="visits")
    book = Rulebook([KR], (*BINDINGS, withdrawn))
    item = ItemFacts("emr", "visits", "rows", None, table="visits",
                     dates={"visit_end": D(2021, 6, 1), "withdrawn_at": D(2025, 1, 1)})
    lines = book.explain(item, D(2025, 2, 1))
    assert lines[0].startswith("decision: keep by bindings[0]:medical_record")
    assert any(line.startswith(f"bindings[{len(BINDINGS)}]:member_account") and
               "loses to bindings[0]:medical_record" in line for line in lines)


@pytest.mark.parametrize(
    "facts",
    [obj("pacs/2019/study-9.dcm", "meta:study-date", D(2019, 12, 31), uploaded=D(2026, 1, 1)),
     obj("rx/2023/b.pdf", "meta:issued", D(2023, 8, 1), uploaded=D(2026, 1, 1))],
    ids=["PACS image", "prescription"],
)
def test_the_sites_clock_decides_an_object_uploaded_after_its_record_date(
        facts: ItemFacts) -> None:
    decision = BOOK.decide(facts, D(2026, 1, 2))
    assert decision.rule.startswith("bindings[") and decision.action == "delete"


@pytest.mark.parametrize(
    ("facts", "category", "problem"),
    [
        (ItemFacts("emr", "members", "rows", None, table="members",
                   dates={"withdrawn_at": None}), "member_account",  # type: ignore[dict-item]
         "withdrawn_at"),
        (ItemFacts("emr", "complaints", "rows", None, table="complaints"), "complaint",
         "closed_on"),
        (ItemFacts("archive", "members/7.json", "object", datetime(2020, 1, 1, tzinfo=UTC)),
         "member_account", "meta:withdrawn-on"),
        (ItemFacts("archive", "disputes/x.pdf", "object", datetime(2020, 1, 1, tzinfo=UTC),
                   metadata={"tag:closed-on": "pending"}), "complaint", "not an ISO date"),
        (ItemFacts("archive", "id-checks/y.png", "object", None,
                   metadata={"tag:verified": "2024-13-45"}), "identity_verification",
         "not an ISO date"),
        (ItemFacts("charts", "rx/undated.pdf", "file", None), "prescription", "mtime"),
    ],
    ids=["null column", "missing column", "missing metadata", "bad tag", "bad date",
         "no mtime"],
)
def test_an_unreadable_clock_sends_the_item_to_review(
        facts: ItemFacts, category: str, problem: str) -> None:
    today = D(2025, 6, 1)
    decision = BOOK.decide(facts, today)
    assert (decision.category, decision.action, decision.clock, decision.due) == (
        category, "review", None, today)
    assert problem in decision.reason
    assert "pending" not in decision.reason and decision.auto_approve is False


def test_an_unreadable_clock_never_shortens_a_longer_duty_that_can_be_read() -> None:
    item = file("charts/rx/undated.pdf", D(2020, 1, 1))
    undated = Binding("charts", "prescription", clock="meta:issued", path="**/rx/**")
    decision = Rulebook([KR], (undated,)).decide(item, D(2025, 6, 1))
    assert (decision.category, decision.action, decision.due) == (
        "medical_record", "keep", D(2030, 1, 1))


@pytest.mark.parametrize(
    ("facts", "action"),
    [
        (file("scans/inbox/0001.pdf", D(2010, 1, 1),
              entity_types=frozenset({"KR_RRN", "PERSON"})), "review"),
        (ItemFacts("archive", "exports/list.csv", "object", datetime(2010, 1, 1, tzinfo=UTC),
                   entity_types=frozenset({"PHONE_NUMBER"})), "review"),
        (ItemFacts("emr", "staff_shifts.shift_date", "column", None, table="staff_shifts",
                   entity_types=frozenset({"PERSON"})), "review"),
        (file("notes/opening-hours.txt", D(2010, 1, 1)), "keep"),
    ],
    ids=["file with RRN", "object with phone", "column with names", "no personal data"],
)
def test_items_no_rule_covers_are_reviewed_when_they_hold_personal_data(
        facts: ItemFacts, action: str) -> None:
    decision = BOOK.decide(facts, D(2025, 6, 1))
    assert (decision.category, decision.rule, decision.action) == (None, "none", action)


def held(facts: ItemFacts, holds: list[HoldSpec], today: date) -> str:
    """What planning does with an item: a covering hold beats the decision."""
    return "held" if holds_covering(facts, holds) else BOOK.decide(facts, today).action


@pytest.mark.parametrize("item", ESTATE, ids=IDS)
def test_a_legal_hold_stops_every_clock(item: Case) -> None:
    late = item.due + timedelta(days=3650)
    by_source = HoldSpec(2, "litigation", source=item.facts.source)
    by_path = HoldSpec(3, "dispute", source=item.facts.source, path=_glob_for(item.facts.key))
    for hold in (HoldSpec(1, "investigation"), by_source, by_path):
        assert held(item.facts, [hold], late) == "held"
    elsewhere = [HoldSpec(4, "other", source="nowhere"),
                 HoldSpec(5, "other", source=item.facts.source, path="elsewhere/**")]
    assert held(item.facts, elsewhere, late) == item.action


def _glob_for(key: str) -> str:
    """A glob naming the item's folder (or the item itself at the root)."""
    head, slash, _ = key.rpartition("/")
    return f"{head}/**" if slash else key


def test_a_hold_on_one_folder_leaves_its_neighbours_due() -> None:
    hold = [HoldSpec(7, "patient dispute", source="charts", path="rx/2023/**")]
    today = D(2026, 1, 1)
    assert held(file("rx/2023/a-17.pdf", D(2023, 7, 1)), hold, today) == "held"
    assert held(file("rx/2022/a-16.pdf", D(2022, 7, 1)), hold, today) == "delete"
    assert held(obj("rx/2023/b.pdf", "meta:issued", D(2023, 8, 1)), hold, today) == "delete"
