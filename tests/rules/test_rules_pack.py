"""Rule packs: the built-in kr-medical pack, and errors that point at the bad line."""

from pathlib import Path

import pytest

from rules import PolicyError, builtin_packs, load_pack
from rules.period import Period
from rules.policy import parse_pack

KR = load_pack("kr-medical")


def test_kr_medical_is_a_builtin_pack() -> None:
    assert "kr-medical" in builtin_packs()
    assert KR.name == "kr-medical"


@pytest.mark.parametrize(
    ("category", "period", "after", "law"),
    [
        ("medical_record", "P10Y", "anonymize", "의료법 시행규칙 제15조"),
        ("surgery_record", "P10Y", "anonymize", "의료법 시행규칙 제15조"),
        ("patient_roster", "P5Y", "delete", "의료법 시행규칙 제15조"),
        ("test_result", "P5Y", "delete", "의료법 시행규칙 제15조"),
        ("radiology", "P5Y", "delete", "의료법 시행규칙 제15조"),
        ("nursing_record", "P5Y", "delete", "의료법 시행규칙 제15조"),
        ("prescription", "P2Y", "delete", "의료법 시행규칙 제15조"),
        ("certificate_copy", "P3Y", "delete", "의료법 시행규칙 제15조"),
        ("complaint", "P3Y", "delete", "Consumer Protection in Electronic Commerce"),
        ("credit_record", "P3Y", "delete", "Credit Information Use and Protection Act"),
        ("identity_verification", "P6M", "delete", "Information and Communications Network"),
        ("access_log", "P3M", "delete", "Protection of Communications Secrets Act"),
        ("member_account", "P0D", "delete", "Personal Information Protection Act art. 21"),
        ("purpose_achieved", "P0D", "delete", "Personal Information Protection Act art. 21"),
    ],
)
def test_kr_medical_category_has_the_policy_period(
    category: str, period: str, after: str, law: str
) -> None:
    rule = KR.categories[category]
    assert rule.retention == Period.parse(period)
    assert rule.after == after
    assert law in rule.basis
    assert rule.title["en"] and rule.title["ko"]


def test_kr_medical_has_exactly_the_policy_categories() -> None:
    assert set(KR.categories) == {
        "medical_record", "surgery_record", "patient_roster", "test_result", "radiology",
        "nursing_record", "prescription", "certificate_copy", "complaint", "credit_record",
        "identity_verification", "access_log", "member_account", "purpose_achieved",
    }  # fmt: skip


def test_only_access_logs_auto_approve() -> None:
    assert [c.id for c in KR.categories.values() if c.auto_approve] == ["access_log"]


def test_member_account_clock_is_withdrawal() -> None:
    assert KR.categories["member_account"].clock == "member withdrawal"


def test_kr_medical_selectors_all_name_its_categories() -> None:
    assert KR.selectors
    assert all(selector.category in KR.categories for selector in KR.selectors)


GOOD = """\
name: site
version: 1
title: Site pack
categories:
  prescription:
    title: {en: Prescriptions, ko: 처방전}
    retention: P2Y
    clock: issue date
    after: delete
    basis: law
selectors:
  - {category: prescription, path: "**/rx/**"}
"""


def test_a_minimal_pack_parses_and_numbers_become_version_strings() -> None:
    pack = parse_pack(GOOD, "site.yaml")
    assert pack.version == "1"
    assert pack.selectors[0].path == "**/rx/**"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("P2Y", "P2X", 7, "categories.prescription.retention", "'P2X' is not an ISO 8601 period"),
        ("P2Y", "PT2H", 7, "categories.prescription.retention", "is not an ISO 8601 period"),
        ("retention: P2Y", "retention: 2", 7, "categories.prescription.retention", "string"),
        ("after: delete", "after: shred", 9, "categories.prescription.after", "'delete'"),
        ("    basis: law\n", "", 5, "categories.prescription.basis", "field required"),
        (
            "basis: law",
            "basis: law\n    color: red",
            11,
            "categories.prescription.color",
            "unknown field",
        ),
        (
            "ko: 처방전",
            "vi: Đơn thuốc",
            6,
            "categories.prescription.title",
            "a title in ko is required",
        ),
        (
            "basis: law",
            "basis: law\n    auto_approve: maybe",
            11,
            "categories.prescription.auto_approve",
            "true or false",
        ),
        (
            "category: prescription",
            "category: rx",
            12,
            "selectors[0].category",
            "unknown category 'rx'",
        ),
        ('path: "**/rx/**"', 'path: "/rx/**"', 12, "selectors[0].path", "relative"),
        (
            'path: "**/rx/**"',
            'clock: "meta:"',
            12,
            "selectors[0]",
            "at least one of path, prefix, table, entities",
        ),
        (
            'path: "**/rx/**"',
            'path: "**/rx/**", clock: "metadata:issued"',
            12,
            "selectors[0].clock",
            "unknown clock",
        ),
        (
            'path: "**/rx/**"',
            "entities: [medication]",
            12,
            "selectors[0].entities[0]",
            "not an entity type",
        ),
        ("  prescription:", "  Prescription:", 5, "categories.Prescription", "lower_snake_case"),
        ("title: Site pack", "title: Site pack\ntitle: Again", 4, "title", "duplicate key"),
        (
            'selectors:\n  - {category: prescription, path: "**/rx/**"}\n',
            "selectors: {}\n",
            11,
            "selectors",
            "expected a list",
        ),
        ("retention: P2Y", "retention: a: b", 7, "", "invalid YAML"),
    ],
)
def test_bad_pack_points_at_line_and_field(
    old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in GOOD
    with pytest.raises(PolicyError) as caught:
        parse_pack(GOOD.replace(old, new, 1), "site.yaml")
    error = caught.value
    assert (error.path, error.line) == ("site.yaml", line)
    assert (error.field or "") == field
    assert message in error.message
    assert str(error).startswith(f"site.yaml:{line}: ")


def test_error_renders_like_a_compiler_message() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_pack(GOOD.replace("P2Y", "P2X"), "kr-medical.yaml")
    assert str(caught.value) == (
        "kr-medical.yaml:7: categories.prescription.retention: 'P2X' is not an ISO 8601 period"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty"), ("- a\n- b\n", "expected a mapping"), ("name: x\n", "field required")],
)
def test_pack_that_is_not_a_pack_is_a_policy_error(text: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_pack(text, "x.yaml")


def test_pack_without_categories_is_rejected() -> None:
    text = "name: x\nversion: '1'\ntitle: t\ncategories: {}\n"
    with pytest.raises(PolicyError, match="at least one category") as caught:
        parse_pack(text, "x.yaml")
    assert caught.value.line == 4


def test_pack_loads_from_a_file_path(tmp_path: Path) -> None:
    file = tmp_path / "site.yaml"
    file.write_text(GOOD, encoding="utf-8")
    assert load_pack(str(file)).name == "site"


def test_bad_pack_file_error_names_the_path(tmp_path: Path) -> None:
    file = tmp_path / "site.yaml"
    file.write_text(GOOD.replace("P2Y", "P2X"), encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_pack(str(file))
    assert (caught.value.path, caught.value.line) == (str(file), 7)


def test_unknown_pack_name_lists_the_builtin_packs() -> None:
    with pytest.raises(PolicyError, match="kr-medical"):
        load_pack("no-such-pack")
