"""scan → plan → approve → enforce with `action: anonymize`, through the CLI, on real stores."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.conftest import Cli, Clinic
from tests.moto_s3 import S3_ENV, moto_endpoint

TODAY = "2026-11-25"
OLD = 1_262_304_000  # 2010-01-01


@pytest.fixture
def anonymizing(tmp_path: Path, clinic: Clinic, make_config: Any) -> Cli:
    """The clinic with charts bound to anonymize (a PDF among them) instead of delete."""
    scan = clinic.root / "charts/old-scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n garbage without structure")
    os.utime(scan, (OLD, OLD))
    bindings = [{"source": "clinic", "path": "charts/**", "clock": "mtime",
                 "category": "medical_record", "action": "anonymize"}]
    config = make_config(tmp_path / "expunge.yaml", f"sqlite:///{tmp_path / 'catalog.db'}",
                         clinic.root, bindings=bindings)
    return Cli(config)


def test_an_anonymized_chart_keeps_its_text_without_the_identifiers(
    anonymizing: Cli, clinic: Clinic, tmp_path: Path
) -> None:
    cli = anonymizing
    chart = clinic.root / "charts/old-chart.txt"
    original = chart.read_text(encoding="utf-8")
    scan_before = (clinic.root / "charts/old-scan.pdf").read_bytes()
    cli("scan", expect=1)  # the broken PDFs
    plan = {row["item"]: row for row in cli.json("plan", "--today", TODAY)}
    assert plan["charts/old-chart.txt"]["action"] == "anonymize"
    assert plan["charts/old-scan.pdf"]["action"] == "anonymize"
    assert plan["charts/new-chart.txt"]["action"] == "keep"
    cli("approve", "--all", "--reason", "retention ended")

    rows = {r["item"]: r for r in cli.json("enforce", expect=1)}

    assert rows["charts/old-chart.txt"]["state"] == "done"
    assert rows["charts/old-scan.pdf"]["state"] == "failed"
    assert rows["charts/old-scan.pdf"]["error"] == (
        "anonymizing .pdf items is not supported yet (text formats only)")
    assert (clinic.root / "charts/old-scan.pdf").read_bytes() == scan_before
    text = chart.read_text(encoding="utf-8")
    assert text == "환자명: [PERSON]\n주민등록번호는 [KR_RRN]\n연락처: [PHONE_NUMBER]\n"
    assert not any(secret in text for secret in clinic.secrets)
    assert original.startswith("환자명: 김민준\n")
    assert sorted(p.name for p in chart.parent.iterdir()) == [
        "new-chart.txt", "old-chart.txt", "old-scan.pdf"]

    [certificate] = (tmp_path / "certificates").glob("*.json")
    body = json.loads(certificate.read_text(encoding="utf-8"))
    entries = {e["item"]: e for e in body["items"]}
    entry = entries["charts/old-chart.txt"]
    assert entry["action"] == "anonymize" and entry["verified"] is True
    assert "charts/old-scan.pdf" not in entries
    assert [e["item"] for e in body["not_executed"]] == ["charts/old-scan.pdf"]
    assert not any(secret in certificate.read_text(encoding="utf-8") for secret in clinic.secrets)

    rescan = cli("scan", expect=1)
    assert "charts/old-chart.txt" not in rescan.output
    findings = {(r["item"], r["entity_type"]) for r in cli.json("findings")}
    assert not any(item == "charts/old-chart.txt" for item, _ in findings)
    assert ("charts/new-chart.txt", "KR_RRN") in findings
    cli("audit", "verify")


def test_an_anonymized_file_is_rescanned_and_not_planned_again(
    anonymizing: Cli, clinic: Clinic
) -> None:
    cli = anonymizing
    cli("scan", expect=1)
    cli("plan", "--today", TODAY)
    cli("approve", "--all")
    cli.json("enforce", expect=1)
    rescan = cli("scan", expect=1)
    assert "unchanged 3" in rescan.output  # new-chart, new-rx, readme: old-chart is read again
    plan = {row["item"]: row for row in cli.json("plan", "--today", TODAY)}
    # the rewrite is new content: its mtime clock starts again, nothing is due
    assert plan["charts/old-chart.txt"]["action"] == "keep"
    assert [r for r in cli.json("enforce")] == []


def test_an_anonymized_object_keeps_exactly_one_redacted_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_config: Any, rrn_of: Any
) -> None:
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)
    endpoint = moto_endpoint()
    bucket = f"anon-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket=bucket)
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    key, rrn = "notes/2010/kim.txt", rrn_of("850315123456")
    meta = {"record-date": "2010-01-05"}
    client.put_object(Bucket=bucket, Key=key, Body=f"draft {rrn}\n".encode(), Metadata=meta)
    client.delete_object(Bucket=bucket, Key=key)
    client.put_object(Bucket=bucket, Key=key, Metadata=meta, Tagging="ward=3",
                      Body=f"환자 주민등록번호 {rrn}\n연락처 010-9876-5432\n".encode())
    sources = [{"name": "archive", "kind": "s3", "bucket": bucket, "endpoint_url": endpoint}]
    bindings = [{"source": "archive", "prefix": "notes/", "clock": "meta:record-date",
                 "category": "medical_record", "action": "anonymize"}]
    cli = Cli(make_config(tmp_path / "expunge.yaml", f"sqlite:///{tmp_path / 'catalog.db'}",
                          tmp_path, sources=sources, bindings=bindings))
    cli("scan")
    plan = {row["item"]: row for row in cli.json("plan", "--today", TODAY)}
    assert plan[key]["action"] == "anonymize" and plan[key]["due"] == "2020-01-05"
    cli("approve", str(plan[key]["disposition"]), "--reason", "retention ended")

    rows = cli.json("enforce")

    assert [(r["item"], r["state"]) for r in rows] == [(key, "done")]
    versions = client.list_object_versions(Bucket=bucket, Prefix=key)
    assert len(versions.get("Versions", [])) == 1 and not versions.get("DeleteMarkers")
    current = client.get_object(Bucket=bucket, Key=key)
    assert current["Body"].read().decode() == "환자 주민등록번호 [KR_RRN]\n연락처 [PHONE_NUMBER]\n"
    assert current["Metadata"] == meta
    [version] = versions["Versions"]
    cli("scan")
    assert not [r for r in cli.json("findings") if r["item"].startswith(key)]
    # the clock is metadata, kept: still due, but clean content is not proposed again
    plan = {row["item"]: row for row in cli.json("plan", "--today", TODAY)}
    assert set(plan) == {key} and plan[key]["action"] == "anonymize"
    assert plan[key]["state"] == "done"  # the last disposition; no new proposal
    assert cli.json("enforce") == []
    again = client.list_object_versions(Bucket=bucket, Prefix=key)["Versions"]
    assert [v["VersionId"] for v in again] == [version["VersionId"]]
