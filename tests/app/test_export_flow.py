"""Issue-8 acceptance through the CLI on a real database source (SQLite and PostgreSQL):
every export is k-anonymous and l-diverse by pycanon, no identifier survives, pseudonyms link
across exports under one key only, a public table links no record uniquely, and nothing is
released before the officer approves, with the audit trail to show it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from pycanon import anonymity

from scanner import hierarchies
from tests.conftest import Cli
from tests.db_clinic import rrn, source_database
from tests.research_data import KEY, OTHER_KEY, PROFILES, create_table, research_rows

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def secrets(rows: list[dict[str, Any]]) -> list[str]:
    """Values no export may contain."""
    return [str(r[c]) for r in rows for c in ("patient_no", "patient_name", "rrn", "phone")]


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def source_url(kind: str, tmp_path: Path) -> Iterator[str]:
    with source_database(kind, tmp_path) as url:
        yield url


def configure(tmp_path: Path, url: str) -> Cli:
    data = {"catalog": f"sqlite:///{tmp_path / 'catalog.db'}",
            "sources": [{"name": "emr", "kind": "database", "url": url}],
            "exports_dir": str(tmp_path / "exports"),
            "certificates_dir": str(tmp_path / "certificates")}
    path = tmp_path / "expunge.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Cli(path)


def write_profile(tmp_path: Path, profile: dict[str, Any], name: str = "profile.yaml") -> str:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    return str(path)


def create(cli: Cli, profile: str, *extra: str, expect: int = 0) -> int:
    result = cli("export", "create", "--source", "emr", "--table", "research_visits",
                 "--profile", profile, *extra, expect=expect)
    return int(result.stdout.strip())


def released(cli: Cli, export_id: int, out: Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Approve and download an export; its data (as text) and report."""
    cli("export", "approve", str(export_id), "--reason", "ethics board 2026-17")
    cli("export", "download", str(export_id), "--output", str(out))
    data = pd.read_csv(out / "data.csv", dtype=str, keep_default_na=False)
    return data, json.loads((out / "report.json").read_text(encoding="utf-8"))


def check_with_pycanon(data: pd.DataFrame, profile: dict[str, Any],
                       report: dict[str, Any]) -> None:
    quasi = [c for c, s in profile["columns"].items()
             if (s if isinstance(s, str) else s["role"]) == "quasi"]
    sensitive = [c for c, s in profile["columns"].items()
                 if (s if isinstance(s, str) else s["role"]) == "sensitive"]
    k = anonymity.k_anonymity(data, quasi)
    assert k >= profile["k"] and k == report["achieved"]["k"]
    if sensitive:
        assert anonymity.l_diversity(data, quasi, sensitive) >= profile["l"]
    suppressed = report["achieved"]["suppressed"]
    assert suppressed <= profile["max_suppression"] * report["achieved"]["rows"]
    assert len(data) == report["achieved"]["released"] == report["manifest"]["rows"]


@pytest.mark.parametrize("shape", ["uniform", "skewed"])
@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_export_is_k_anonymous_and_l_diverse_by_an_independent_check(
    tmp_path: Path, source_url: str, shape: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    rows = research_rows(shape)
    create_table(source_url, rows)
    cli = configure(tmp_path, source_url)
    export_id = create(cli, write_profile(tmp_path, PROFILES[name]))
    data, report = released(cli, export_id, tmp_path / "out")
    check_with_pycanon(data, PROFILES[name], report)
    if shape == "skewed" and name == "issue":
        assert report["achieved"]["suppressed"] > 0  # the lone outliers
    assert set(data.columns) == {c for c, s in PROFILES[name]["columns"].items()
                                 if s not in ("identifier",)}


def test_no_identifier_survives_and_free_text_is_redacted(
    tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    rows = research_rows("uniform", 150)
    create_table(source_url, rows)
    cli = configure(tmp_path, source_url)
    profile = PROFILES["issue"] | {"k": 3, "l": 1, "max_suppression": 0.1}
    profile["columns"] = profile["columns"] | {"notes": {"role": "insensitive", "redact": True}}
    export_id = create(cli, write_profile(tmp_path, profile))
    data, report = released(cli, export_id, tmp_path / "out")
    text = (tmp_path / "out/data.csv").read_text(encoding="utf-8")
    text += (tmp_path / "out/report.json").read_text(encoding="utf-8")
    text += json.dumps(cli.json("audit", "list", "--limit", "100"), ensure_ascii=False)
    text += cli("export", "report", str(export_id)).stdout
    assert not [s for s in secrets(rows) if s in text]
    assert KEY not in text and OTHER_KEY not in text
    assert all(n.startswith("psn_") for n in data["patient_no"])
    assert data["notes"].str.contains(r"\[PHONE_NUMBER\]").all()
    assert data["notes"].str.contains("쌍꺼풀").all()  # clinical terms are kept for research
    check_with_pycanon(data, profile, report)


def test_pseudonyms_link_across_exports_under_one_key_only(
    tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_table(source_url, research_rows("uniform", 200))
    cli = configure(tmp_path, source_url)
    profile = write_profile(tmp_path, PROFILES["issue"])
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    first, _ = released(cli, create(cli, profile), tmp_path / "a")
    second, _ = released(cli, create(cli, profile), tmp_path / "b")
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", OTHER_KEY)
    third, _ = released(cli, create(cli, profile), tmp_path / "c")
    assert set(first["patient_no"]) == set(second["patient_no"])
    assert first.equals(second)  # same key: the same export, date shifts included
    assert not set(first["patient_no"]) & set(third["patient_no"])


def test_a_public_table_links_no_record_uniquely(
    tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    rows = research_rows("skewed", 400)
    create_table(source_url, rows)
    cli = configure(tmp_path, source_url)
    profile = PROFILES["issue"]
    data, report = released(cli, create(cli, write_profile(tmp_path, profile)), tmp_path / "o")
    # The attacker's register: every patient's name and demographics, plus strangers.
    public = [{"name": r["patient_name"], "birth_date": r["birth_date"], "sex": r["sex"],
               "address": r["address"]} for r in rows + research_rows("uniform", 300, seed=5)]
    known = ["birth_date", "sex", "address"]
    levels = {c: report["hierarchies"][c]["level"] for c in known}
    chain = {"birth_date": hierarchies.dates("year"), "sex": hierarchies.categories(),
             "address": hierarchies.addresses()}
    register = pd.DataFrame([{c: chain[c].label(p[c], levels[c]) for c in known}
                             for p in public])
    matches = data[known].merge(register.value_counts().rename("n").reset_index(), on=known,
                                how="left")
    assert matches["n"].min() >= profile["k"]


def test_nothing_is_released_before_approval_and_the_audit_shows_each_step(
    tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    create_table(source_url, research_rows("uniform", 120))
    cli = configure(tmp_path, source_url)
    profile = write_profile(tmp_path, PROFILES["issue"] | {"k": 3, "l": 1})
    export_id = create(cli, profile, "--purpose", "outcome study")
    [listed] = cli.json("export", "list")
    assert listed["state"] == "built" and listed["k"] >= 3
    table = cli("export", "list", "--format", "csv").stdout.splitlines()
    assert table[0].startswith("id,state,requested_by")
    assert table[1].startswith(f"{export_id},built")

    refused = cli("export", "download", str(export_id), "--output", str(tmp_path / "o"),
                  expect=1)
    assert "is built, expected approved" in refused.output
    assert not (tmp_path / "o").exists()
    cli("export", "approve", str(export_id))
    cli("export", "download", str(export_id), "--output", str(tmp_path / "o"))
    assert (tmp_path / "o/data.csv").exists() and (tmp_path / "o/report.json").exists()

    rejected = create(cli, profile)
    cli("export", "reject", str(rejected), "--reason", "too detailed")
    cli("export", "download", str(rejected), "--output", str(tmp_path / "r"), expect=1)
    cli("export", "approve", str(rejected), expect=1)
    assert not (tmp_path / "exports" / str(rejected)).exists()

    events = [(e["action"], e["subject"]) for e in cli.json("audit", "list")]
    for action in ("requested", "built", "approved", "downloaded"):
        assert (f"export.{action}", f"export:{export_id}") in events
    assert ("export.rejected", f"export:{rejected}") in events
    cli("audit", "verify")


def test_a_tampered_export_is_not_released(
    tmp_path: Path, source_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    create_table(source_url, research_rows("uniform", 120))
    cli = configure(tmp_path, source_url)
    export_id = create(cli, write_profile(tmp_path, PROFILES["issue"] | {"k": 3, "l": 1}))
    cli("export", "approve", str(export_id))
    with (tmp_path / "exports" / str(export_id) / "data.csv").open("a") as handle:
        handle.write("extra,row\n")
    refused = cli("export", "download", str(export_id), "--output", str(tmp_path / "o"),
                  expect=1)
    assert "SHA-256" in refused.output


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_file_can_be_exported_and_a_query_too(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    rows = research_rows("uniform", 300)
    frame = pd.DataFrame(rows)
    path = tmp_path / f"visits{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.astype(str).to_parquet(path)
    cli = configure(tmp_path, f"sqlite:///{tmp_path / 'emr.db'}")
    profile = write_profile(tmp_path, PROFILES["issue"])
    export_id = int(cli("export", "create", "--file", str(path), "--profile", profile).stdout)
    data, report = released(cli, export_id, tmp_path / "out")
    check_with_pycanon(data, PROFILES["issue"], report)
    create_table(f"sqlite:///{tmp_path / 'emr.db'}", rows)
    query = "SELECT * FROM research_visits WHERE sex = 'F'"
    by_query = int(cli("export", "create", "--source", "emr", "--query", query,
                       "--profile", profile).stdout)
    data, report = released(cli, by_query, tmp_path / "q")
    assert set(data["sex"]) <= {"F", "*"}
    check_with_pycanon(data, PROFILES["issue"], report)


def test_bad_profiles_and_impossible_models_are_clear_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    create_table(url, research_rows("uniform", 30))
    cli = configure(tmp_path, url)
    bad = write_profile(tmp_path, {"k": 0, "columns": {"sex": {"role": "quasi",
                                                               "pseudonymize": True}}})
    result = cli("export", "create", "--source", "emr", "--table", "research_visits",
                 "--profile", bad, expect=2)
    assert "k:" in result.output and "columns.sex" in result.output
    missing_key = write_profile(tmp_path, PROFILES["issue"], "p2.yaml")
    monkeypatch.delenv("EXPUNGE_PSEUDONYM_KEY", raising=False)
    failed = create(cli, missing_key, expect=1)
    [row] = [r for r in cli.json("export", "list") if r["id"] == failed]
    assert row["state"] == "failed" and "EXPUNGE_PSEUDONYM_KEY is not set" in row["error"]
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    impossible = write_profile(tmp_path, PROFILES["issue"] | {"k": 50, "l": 5}, "p3.yaml")
    failed = create(cli, impossible, expect=1)
    [row] = [r for r in cli.json("export", "list") if r["id"] == failed]
    assert "no generalization reaches k=50" in row["error"]


def test_suggest_drafts_a_profile_from_the_scan(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    create_table(url, research_rows("uniform", 60))
    cli = configure(tmp_path, url)
    cli("scan")
    drafted = yaml.safe_load(cli("export", "suggest", "--source", "emr",
                                 "--table", "research_visits").stdout)
    columns = drafted["columns"]
    assert columns["rrn"]["role"] == "identifier"
    assert columns["phone"]["role"] == "identifier"
    assert columns["address"] == {"role": "quasi", "generalize": "address"}
    assert columns["id"]["role"] == "insensitive"


def test_only_read_queries_and_readable_files_are_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    create_table(url, research_rows("uniform", 30))
    cli = configure(tmp_path, url)
    profile = write_profile(tmp_path, PROFILES["issue"])
    refused = cli("export", "create", "--source", "emr", "--query",
                  "DELETE FROM research_visits", "--profile", profile, expect=2)
    assert "SELECT" in refused.output
    broken = tmp_path / "broken.csv"
    secret = rrn("850315123456")
    broken.write_text("patient_no,sex\nMRN-1,F\nMRN-2,F," + secret + "\n", encoding="utf-8")
    failed = int(cli("export", "create", "--file", str(broken), "--profile", profile,
                     expect=1).stdout)
    [row] = [r for r in cli.json("export", "list") if r["id"] == failed]
    assert "could not be read" in row["error"] and secret not in row["error"]
    assert secret not in json.dumps(cli.json("audit", "list"))


def test_a_build_interrupted_by_a_dead_worker_is_redone_when_redelivered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.models import Export
    from expunge import config as config_module
    from expunge.app import open_app
    from workers import export as exports

    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", KEY)
    url = f"sqlite:///{tmp_path / 'emr.db'}"
    create_table(url, research_rows("uniform", 60))
    cli = configure(tmp_path, url)
    export_id = create(cli, write_profile(tmp_path, PROFILES["issue"] | {"k": 3, "l": 1}))
    folder = tmp_path / "exports" / str(export_id)
    (folder / "data.csv").write_text("half a file")
    with open_app(config_module.load(str(cli.config))) as app:
        with app.runtime.catalog.session() as session:
            export = session.get(Export, export_id)
            assert export is not None
            export.state = "building"
        exports.build_export(export_id)
        exports.build_export(export_id)  # a second redelivery: already built, nothing done
    [row] = cli.json("export", "list")
    assert row["state"] == "built" and (folder / "data.csv").read_text() != "half a file"
    assert sorted(p.name for p in folder.parent.iterdir()) == [str(export_id)]
    cli("export", "approve", str(export_id))
    cli("export", "download", str(export_id), "--output", str(tmp_path / "o"))
