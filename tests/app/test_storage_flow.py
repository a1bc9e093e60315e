"""Scans and enforcement over a real Samba share and a real (moto) S3 bucket, through the CLI."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer
from sqlalchemy import select

from catalog.models import ScanRun
from catalog.store import Catalog
from tests.moto_s3 import S3_ENV, RequestLog, moto_endpoint
from tests.samba import SambaServer, free_port, samba_server

TODAY = "2026-11-25"
OLD = 1_262_304_000  # 2010-01-01, on the share's files


@pytest.fixture
def s3_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)


@dataclass
class Archive:
    """A versioned bucket with Object Lock, and the secrets planted in it."""

    client: Any
    bucket: str
    endpoint: str

    def put(self, key: str, text: str, record_date: str, **extra: Any) -> str:
        response = self.client.put_object(Bucket=self.bucket, Key=key, Body=text.encode(),
                                          Metadata={"record-date": record_date}, **extra)
        return str(response["VersionId"])

    def versions(self, key: str) -> tuple[list[Any], list[Any]]:
        page = self.client.list_object_versions(Bucket=self.bucket, Prefix=key)
        return ([v for v in page.get("Versions", []) if v["Key"] == key],
                [m for m in page.get("DeleteMarkers", []) if m["Key"] == key])


def make_archive(endpoint: str, rrn_of: Any) -> Archive:
    client = boto3.client("s3", endpoint_url=endpoint)
    bucket = f"archive-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket, ObjectLockEnabledForBucket=True)
    archive = Archive(client, bucket, endpoint)
    archive.put("consents/a.txt", f"동의서 주민등록번호 {rrn_of('850315123456')}\n", "2010-01-01")
    archive.put("consents/a.txt", "동의서 연락처 010-3333-4444\n", "2010-01-01")
    archive.put("consents/held.txt", f"RRN {rrn_of('770101134567')}\n", "2010-01-01",
                ObjectLockLegalHoldStatus="ON")
    archive.put("consents/new.txt", f"RRN {rrn_of('920704276543')}\n", "2026-01-10")
    archive.put("consents/gone.txt", "e-mail lee.seoyeon@example.net\n", "2026-01-10")
    return archive


@pytest.fixture
def archive(s3_env: None, rrn_of: Any) -> Archive:
    return make_archive(moto_endpoint(), rrn_of)


@dataclass
class Share:
    server: SambaServer
    folder: str

    @property
    def root(self) -> Path:
        return self.server.share / self.folder

    def write(self, key: str, text: str, old: bool = False) -> None:
        path = self.server.write(f"{self.folder}/{key}", text.encode())
        if old:
            os.utime(path, (OLD, OLD))


@pytest.fixture
def share(tmp_path: Path, rrn_of: Any) -> Share:
    server = samba_server()
    share = Share(server, f"flow-{uuid.uuid4().hex[:8]}")
    server.mkdirs(share.root)
    share.write("rx/old.txt", f"처방전 환자 {rrn_of('801224154321')}\n", old=True)
    share.write("rx/new.txt", "처방전 연락처 010-5555-6666\n")
    return share


@pytest.fixture
def storage_cli(tmp_path: Path, catalog_url: str, share: Share, archive: Archive,
                make_config: Any, cli_for: Any) -> Any:
    config = make_config(
        tmp_path / "expunge.yaml", catalog_url, tmp_path / "unused",
        sources=[share.server.options(name="share", path=share.folder),
                 {"name": "archive", "kind": "s3", "bucket": archive.bucket,
                  "endpoint_url": archive.endpoint}],
        bindings=[{"source": "share", "path": "rx/**", "clock": "mtime",
                   "category": "prescription"},
                  {"source": "archive", "prefix": "consents/", "clock": "meta:record-date",
                   "category": "medical_record", "action": "delete"}])
    return cli_for(config)


def found(cli: Any) -> set[tuple[str, str, str]]:
    return {(r["source"], r["item"].split("?")[0] + ("?v" if "?" in r["item"] else ""),
             r["entity_type"]) for r in cli.json("findings")}


def test_a_scan_finds_identifiers_on_the_share_and_in_every_object_version(storage_cli) -> None:
    storage_cli("scan")
    assert {("share", "rx/old.txt", "KR_RRN"), ("share", "rx/new.txt", "PHONE_NUMBER"),
            ("archive", "consents/a.txt", "PHONE_NUMBER"),          # the current version
            ("archive", "consents/a.txt?v", "KR_RRN"),               # the version before it
            ("archive", "consents/held.txt", "KR_RRN")} <= found(storage_cli)


def test_enforcement_destroys_every_version_and_respects_object_lock(
        storage_cli, share: Share, archive: Archive) -> None:
    storage_cli("scan")
    storage_cli("plan", "--today", TODAY)
    storage_cli("approve", "--all", "--reason", "retention ended")
    outcome = storage_cli.json("enforce", expect=1)
    states = {(r["source"], r["item"].split("?")[0], r["state"]) for r in outcome}
    assert ("archive", "consents/a.txt", "done") in states
    assert ("share", "rx/old.txt", "done") in states
    assert archive.versions("consents/a.txt") == ([], [])  # no version, no delete marker
    [held] = [r for r in outcome if r["item"] == "consents/held.txt"]
    assert held["state"] == "failed" and "legal hold" in held["error"]
    assert len(archive.versions("consents/held.txt")[0]) == 1
    assert not (share.root / "rx/old.txt").exists()
    assert (share.root / "rx/new.txt").exists()
    assert len(archive.versions("consents/new.txt")[0]) == 1


def test_a_rescan_reads_nothing_unchanged_and_picks_up_changes(
        storage_cli, share: Share, archive: Archive) -> None:
    storage_cli("scan")
    requests = RequestLog(archive.endpoint)
    requests.start()
    storage_cli("scan")
    assert requests.object_reads(archive.bucket) == []
    archive.put("consents/new.txt", "updated: e-mail kim.minjun@example.org\n", "2026-01-10")
    for version in archive.versions("consents/gone.txt")[0]:
        archive.client.delete_object(Bucket=archive.bucket, Key="consents/gone.txt",
                                     VersionId=version["VersionId"])
    (share.root / "rx/new.txt").unlink()
    requests.start()
    storage_cli("scan")
    assert requests.object_reads(archive.bucket) == [f"/{archive.bucket}/consents/new.txt"]
    items = {(s, i) for s, i, _ in found(storage_cli)}
    assert ("archive", "consents/gone.txt") not in items
    assert ("share", "rx/new.txt") not in items
    assert ("archive", "consents/new.txt?v") in items  # the old version is still there


def test_a_server_stopped_mid_scan_gives_item_errors_and_the_next_scan_resumes(
        tmp_path: Path, s3_env: None, make_config: Any, cli_for: Any, rrn_of: Any) -> None:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint)
    bucket = f"flaky-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    for n in range(60):
        client.put_object(Bucket=bucket, Key=f"notes/{n:03d}.txt",
                          Body=f"{n}: 환자 {rrn_of(f'8001{n % 28 + 1:02d}123456')}\n".encode())
    catalog = f"sqlite:///{tmp_path / 'catalog.db'}"
    cli = cli_for(make_config(
        tmp_path / "expunge.yaml", catalog, tmp_path,
        sources=[{"name": "archive", "kind": "s3", "bucket": bucket, "endpoint_url": endpoint,
                  "max_workers": 1}],
        bindings=[], scan={"batch_size": 5}, worker_threads=1))
    stopper = threading.Thread(target=stop_when_classifying, args=(catalog, server))
    stopper.start()
    try:
        result = cli("scan", expect=1)
    finally:
        stopper.join()
    assert "EndpointConnectionError" in result.output  # each failed item says why
    scanned = len({r["item"] for r in cli.json("findings")})
    assert 0 < scanned < 60
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()  # moto keeps its state in-process: the bucket is back as it was
    requests = RequestLog(endpoint)
    try:
        requests.start()
        cli("scan", expect=0)
        assert len(requests.object_reads(bucket)) == 60 - scanned  # only what failed
        assert len({r["item"] for r in cli.json("findings")}) == 60
    finally:
        server.stop()


def stop_when_classifying(catalog_url: str, server: ThreadedMotoServer) -> None:
    """Stop the S3 server as soon as the scan has classified its first batch."""
    catalog = Catalog(catalog_url)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            with catalog.session() as session:
                run = session.execute(select(ScanRun)).scalars().first()
                if run is not None and run.items_classified > 0:
                    break
            time.sleep(0.01)
    finally:
        server.stop()
        catalog.close()


@pytest.fixture
def cli_for() -> Iterator[Any]:
    from tests.conftest import Cli

    yield Cli
