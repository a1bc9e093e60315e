"""The S3 connector against a real moto server over HTTP on loopback (see conftest)."""

from __future__ import annotations

import logging
import socket
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from pydantic import ValidationError

from connectors import build_connector, s3
from connectors.base import Item, ListingError
from connectors.errors import (
    AccessDenied,
    ItemChanged,
    ItemLocked,
    ItemTooLarge,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)
from connectors.s3 import S3Connector, S3Options

KEY = "consents/2016/kim.pdf"


class Bucket:
    """A fresh bucket on the moto server, and a way to build connectors on it."""

    def __init__(self, endpoint: str, *, versioned: bool = True, lock: bool = False) -> None:
        self.endpoint = endpoint
        self.name = f"t-{uuid.uuid4().hex[:16]}"
        self.client: Any = boto3.client("s3", endpoint_url=endpoint)
        if lock:
            self.client.create_bucket(Bucket=self.name, ObjectLockEnabledForBucket=True)
        else:
            self.client.create_bucket(Bucket=self.name)
        if versioned and not lock:
            self.client.put_bucket_versioning(
                Bucket=self.name, VersioningConfiguration={"Status": "Enabled"}
            )

    def put(self, key: str, data: bytes, **extra: Any) -> str:
        """Write a new version of ``key``; its version id."""
        response = self.client.put_object(Bucket=self.name, Key=key, Body=data, **extra)
        return str(response.get("VersionId") or "null")

    def remove(self, key: str) -> str:
        """Put a delete marker on ``key``; the marker's version id."""
        return str(self.client.delete_object(Bucket=self.name, Key=key)["VersionId"])

    def versions(self, key: str) -> list[str]:
        """Version ids of every version and delete marker of exactly ``key``."""
        response = self.client.list_object_versions(Bucket=self.name, Prefix=key)
        entries = response.get("Versions", []) + response.get("DeleteMarkers", [])
        return [e["VersionId"] for e in entries if e["Key"] == key]

    def connector(self, **options: Any) -> S3Connector:
        config = {"name": "archive", "kind": "s3", "bucket": self.name}
        connector = build_connector({**config, "endpoint_url": self.endpoint, **options})
        assert isinstance(connector, S3Connector)
        return connector


@pytest.fixture
def bucket(s3_endpoint: str) -> Bucket:
    """A fresh versioned bucket."""
    return Bucket(s3_endpoint)


@pytest.fixture
def locked(s3_endpoint: str) -> Bucket:
    """A fresh bucket with Object Lock (hence versioning) enabled."""
    return Bucket(s3_endpoint, lock=True)


def items(connector: S3Connector) -> dict[str, Item]:
    """Every listed version, described as a scan describes new ones (metadata and tags)."""
    listed = list(connector.list_items())
    assert not [e for e in listed if isinstance(e, ListingError)]
    described = connector.describe_many([i for i in listed if isinstance(i, Item)])
    return {i.key: i for i in described if isinstance(i, Item)}


def test_listing_alone_reads_no_metadata(bucket: Bucket) -> None:
    bucket.put(KEY, b"x", Metadata={"record-date": "2010-01-05"})
    connector = bucket.connector()
    heads: list[str] = []
    connector._client.meta.events.register(
        "provide-client-params.s3.HeadObject", lambda params, **_: heads.append(params["Key"]))
    [listed] = list(connector.list_items())
    assert isinstance(listed, Item) and listed.metadata == {}
    assert heads == []
    [described] = connector.describe_many([listed])
    assert isinstance(described, Item) and described.metadata["meta:record-date"] == "2010-01-05"
    assert heads == [KEY]


def etag(bucket: Bucket, key: str, version: str) -> str:
    args = {} if version == "null" else {"VersionId": version}
    head = bucket.client.head_object(Bucket=bucket.name, Key=key, **args)
    return str(head["ETag"]).strip('"')


def seed_history(bucket: Bucket) -> tuple[str, str, str, str]:
    """Three versions of KEY with a delete marker between the second and the third."""
    v1 = bucket.put(
        KEY, b"v1 RRN 900101-1234567", Metadata={"record-date": "2010-01-05"}, Tagging="category=a"
    )
    v2 = bucket.put(KEY, b"v2 second", Metadata={"record-date": "2012-03-04"}, Tagging="category=b")
    marker = bucket.remove(KEY)
    v3 = bucket.put(KEY, b"v3 current", Metadata={"record-date": "2016-11-25"})
    return v1, v2, marker, v3


# --- listing ------------------------------------------------------------------------------


def test_every_version_is_an_item_and_delete_markers_are_not(bucket: Bucket) -> None:
    v1, v2, _, v3 = seed_history(bucket)
    listed = items(bucket.connector())
    assert set(listed) == {KEY, f"{KEY}?versionId={v1}", f"{KEY}?versionId={v2}"}
    current = listed[KEY]
    assert current.kind == "object"
    assert current.fingerprint == f"{v3}:{etag(bucket, KEY, v3)}"
    assert current.size == len(b"v3 current")
    assert current.modified is not None and current.modified.tzinfo is not None
    assert current.metadata == {"meta:record-date": "2016-11-25"}
    oldest = listed[f"{KEY}?versionId={v1}"]
    assert oldest.fingerprint == f"{v1}:{etag(bucket, KEY, v1)}"
    assert oldest.metadata == {"meta:record-date": "2010-01-05", "tag:category": "a"}
    assert listed[f"{KEY}?versionId={v2}"].metadata["tag:category"] == "b"


def test_a_key_whose_newest_entry_is_a_delete_marker_has_only_noncurrent_items(
    bucket: Bucket,
) -> None:
    v1 = bucket.put(KEY, b"only version")
    bucket.remove(KEY)
    assert set(items(bucket.connector())) == {f"{KEY}?versionId={v1}"}


def test_an_unversioned_bucket_lists_null_versions(s3_endpoint: str) -> None:
    plain = Bucket(s3_endpoint, versioned=False)
    plain.put(KEY, b"plain")
    (item,) = items(plain.connector()).values()
    assert item.key == KEY
    assert item.fingerprint == f"null:{etag(plain, KEY, 'null')}"
    connector = plain.connector()
    connector.delete(item)
    assert not connector.exists(item)
    assert plain.versions(KEY) == []


def test_metadata_can_be_left_unread(bucket: Bucket) -> None:
    bucket.put(KEY, b"x", Metadata={"record-date": "2010-01-05"}, Tagging="category=a")
    assert items(bucket.connector(read_metadata=False))[KEY].metadata == {}


def test_the_prefix_filters_but_keys_stay_full(bucket: Bucket) -> None:
    bucket.put(KEY, b"in")
    bucket.put("invoices/2016/1.pdf", b"out")
    connector = bucket.connector(prefix="consents/")
    assert set(items(connector)) == {KEY}
    outside = items(bucket.connector())["invoices/2016/1.pdf"]
    with pytest.raises(PathEscapesRoot):
        connector.delete(outside)
    assert bucket.versions("invoices/2016/1.pdf")


def test_listing_follows_every_page(bucket: Bucket) -> None:
    expected = set()
    for n in range(7):
        key = f"consents/{n}.txt"
        first = bucket.put(key, b"old")
        second = bucket.put(key, b"new")
        expected.add(f"{key}?versionId={first}")
        if n == 3:
            bucket.remove(key)
            expected.add(f"{key}?versionId={second}")
        else:
            expected.add(key)
    connector = bucket.connector(page_size=2)
    assert set(items(connector)) == expected
    # exists/delete also page through a key with more entries than one page
    item = items(connector)["consents/4.txt"]
    connector.delete(item)
    assert not connector.exists(item)
    assert bucket.versions("consents/5.txt")


# --- reading ------------------------------------------------------------------------------


def test_each_version_reads_its_own_bytes(bucket: Bucket) -> None:
    v1, v2, _, _ = seed_history(bucket)
    connector = bucket.connector()
    listed = items(connector)
    assert connector.read_bytes(listed[KEY]) == b"v3 current"
    assert connector.read_bytes(listed[f"{KEY}?versionId={v1}"]) == b"v1 RRN 900101-1234567"
    assert connector.read_bytes(listed[f"{KEY}?versionId={v2}"]) == b"v2 second"


def test_reads_are_streamed_in_chunks_and_capped(
    bucket: Bucket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(s3, "CHUNK_SIZE", 1000)
    bucket.put(KEY, bytes(range(256)) * 20)
    connector = bucket.connector()
    item = items(connector)[KEY]
    assert [len(c) for c in connector.open_stream(item)] == [1000] * 5 + [120]
    with pytest.raises(ItemTooLarge) as raised:
        connector.read_bytes(item, limit=100)
    assert raised.value.key == KEY
    unsized = Item(item.key, item.kind, item.fingerprint)
    with pytest.raises(ItemTooLarge):
        connector.read_bytes(unsized, limit=1500)


def test_reads_go_in_ranges_pinned_to_the_version(
    bucket: Bucket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(s3, "RANGE_SIZE", 1000)
    data = bytes(range(256)) * 14  # 3 584 bytes: four ranges
    bucket.put(KEY, data)
    bucket.put(KEY + ".empty", b"")
    connector = bucket.connector()
    ranges: list[str] = []
    connector._client.meta.events.register(
        "provide-client-params.s3.GetObject", lambda params, **_: ranges.append(params["Range"]))
    listed = items(connector)
    assert connector.read_bytes(listed[KEY]) == data
    assert ranges == ["bytes=0-999", "bytes=1000-1999", "bytes=2000-2999", "bytes=3000-3999"]
    assert connector.read_bytes(listed[KEY + ".empty"]) == b""


def test_reading_a_vanished_version_is_item_vanished(bucket: Bucket) -> None:
    old = bucket.put(KEY, b"old")
    bucket.put(KEY, b"new")
    item = items(bucket.connector())[f"{KEY}?versionId={old}"]
    bucket.client.delete_object(Bucket=bucket.name, Key=KEY, VersionId=old)
    with pytest.raises(ItemVanished) as raised:
        bucket.connector().read_bytes(item)
    assert raised.value.key == item.key


def test_an_overwritten_unversioned_object_is_changed_not_misread(s3_endpoint: str) -> None:
    plain = Bucket(s3_endpoint, versioned=False)
    plain.put(KEY, b"approved")
    connector = plain.connector()
    item = items(connector)[KEY]
    plain.put(KEY, b"overwritten")
    with pytest.raises(ItemChanged):
        connector.read_bytes(item)
    with pytest.raises(ItemChanged):
        connector.delete(item)
    assert connector.read_bytes(items(connector)[KEY]) == b"overwritten"


# --- deleting -----------------------------------------------------------------------------


def test_deleting_an_older_version_removes_that_version_only(bucket: Bucket) -> None:
    v1, v2, marker, v3 = seed_history(bucket)
    connector = bucket.connector()
    item = items(connector)[f"{KEY}?versionId={v1}"]
    assert connector.exists(item)
    connector.delete(item)
    assert sorted(bucket.versions(KEY)) == sorted([v2, marker, v3])
    assert not connector.exists(item)
    connector.delete(item)  # again: harmless
    assert connector.read_bytes(items(connector)[KEY]) == b"v3 current"


def test_deleting_the_current_version_spares_a_neighbour_sharing_the_prefix(
    bucket: Bucket,
) -> None:
    seed_history(bucket)
    bucket.put(KEY + ".bak", b"a neighbour sharing the prefix")
    connector = bucket.connector()
    connector.delete(items(connector)[KEY])
    assert bucket.versions(KEY) == []
    assert set(items(connector)) == {KEY + ".bak"}


def test_deleting_the_current_item_removes_the_history_too(bucket: Bucket) -> None:
    seed_history(bucket)
    connector = bucket.connector()
    connector.delete(items(connector)[KEY])
    assert bucket.versions(KEY) == []


def test_a_version_written_after_listing_is_refused_and_nothing_is_deleted(
    bucket: Bucket,
) -> None:
    bucket.put(KEY, b"approved")
    connector = bucket.connector()
    item = items(connector)[KEY]
    bucket.put(KEY, b"new record")
    with pytest.raises(ItemChanged) as raised:
        connector.delete(item)
    assert raised.value.key == KEY
    assert len(bucket.versions(KEY)) == 2


def test_a_retry_after_a_partial_deletion_finishes_it(bucket: Bucket) -> None:
    old = bucket.put(KEY, b"old")
    time.sleep(1.1)  # LastModified has one-second resolution
    current = bucket.put(KEY, b"current")
    connector = bucket.connector()
    listed = items(connector)
    bucket.client.delete_object(Bucket=bucket.name, Key=KEY, VersionId=current)
    assert bucket.versions(KEY) == [old]
    connector.delete(listed[KEY])  # its own version is gone, an older one is left
    assert bucket.versions(KEY) == []


def test_deletion_goes_in_batches(bucket: Bucket, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(s3, "DELETE_BATCH", 2)
    for n in range(3):
        bucket.put(KEY, f"v{n}".encode())
        bucket.remove(KEY)
    bucket.put(KEY, b"current")
    connector = bucket.connector()
    calls = count_calls(connector, "DeleteObjects")
    connector.delete(items(connector)[KEY])
    assert bucket.versions(KEY) == []
    assert calls == [2, 2, 2, 1]


def test_more_than_a_thousand_versions_are_all_deleted(bucket: Bucket) -> None:
    for n in range(1003):  # one by one: moto may lose versions of a key written in parallel
        bucket.put(KEY, b"%d" % n)
    connector = bucket.connector(read_metadata=False)
    listed = items(connector)
    assert len(listed) == 1003
    calls = count_calls(connector, "DeleteObjects")
    connector.delete(listed[KEY])
    assert calls == [1000, 3]
    assert bucket.versions(KEY) == []


def count_calls(connector: S3Connector, operation: str) -> list[int]:
    """Record the number of objects in each ``operation`` request the connector sends."""
    sizes: list[int] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        sizes.append(len(params["Delete"]["Objects"]))

    connector._client.meta.events.register(f"provide-client-params.s3.{operation}", record)
    return sizes


# --- Object Lock --------------------------------------------------------------------------


def test_a_legal_hold_refuses_the_deletion_naming_it_and_keeps_everything(
    locked: Bucket,
) -> None:
    held = locked.put(KEY, b"held", ObjectLockLegalHoldStatus="ON")
    locked.put(KEY, b"later")
    connector = locked.connector(allow_governance_bypass=True)
    with pytest.raises(ItemLocked) as raised:
        connector.delete(items(connector)[KEY])
    assert raised.value.key == KEY
    assert raised.value.reason == f"legal hold on version {held}"
    assert len(locked.versions(KEY)) == 2
    assert connector.read_bytes(items(connector)[f"{KEY}?versionId={held}"]) == b"held"


def test_a_lock_the_check_missed_is_still_reported_as_locked(
    locked: Bucket, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = locked.put(KEY, b"held", ObjectLockLegalHoldStatus="ON")
    connector = locked.connector()
    monkeypatch.setattr(connector, "_bucket_has_object_lock", lambda: False)
    with pytest.raises(ItemLocked, match=f"legal hold on version {held}"):
        connector.delete(items(connector)[KEY])
    assert locked.versions(KEY) == [held]


def test_governance_retention_refuses_unless_bypass_is_allowed(
    locked: Bucket, caplog: pytest.LogCaptureFixture
) -> None:
    until = datetime.now(UTC) + timedelta(days=30)
    version = locked.put(KEY, b"kept", ObjectLockMode="GOVERNANCE", ObjectLockRetainUntilDate=until)
    with pytest.raises(ItemLocked, match=f"GOVERNANCE retention until .* on version {version}"):
        strict = locked.connector()
        strict.delete(items(strict)[KEY])
    assert locked.versions(KEY) == [version]
    bypassing = locked.connector(allow_governance_bypass=True)
    with caplog.at_level(logging.WARNING, logger="connectors.s3"):
        bypassing.delete(items(bypassing)[KEY])
    assert locked.versions(KEY) == []
    assert f"governance retention bypassed: bucket={locked.name} key={KEY}" in caplog.text


def test_compliance_retention_is_never_bypassed(locked: Bucket) -> None:
    until = datetime.now(UTC) + timedelta(days=30)
    locked.put(KEY, b"kept", ObjectLockMode="COMPLIANCE", ObjectLockRetainUntilDate=until)
    connector = locked.connector(allow_governance_bypass=True)
    with pytest.raises(ItemLocked, match=f"COMPLIANCE retention until {until.year}"):
        connector.delete(items(connector)[KEY])
    assert len(locked.versions(KEY)) == 1


def test_expired_retention_does_not_block(locked: Bucket) -> None:
    until = datetime.now(UTC) + timedelta(seconds=2)
    locked.put(KEY, b"x", ObjectLockMode="COMPLIANCE", ObjectLockRetainUntilDate=until)
    connector = locked.connector()
    item = items(connector)[KEY]
    time.sleep(2.2)
    connector.delete(item)
    assert locked.versions(KEY) == []


# --- the source as a whole ----------------------------------------------------------------


def test_a_missing_bucket_is_unreachable_naming_it(s3_endpoint: str) -> None:
    config = {"name": "a", "kind": "s3", "bucket": "no-such-bucket", "endpoint_url": s3_endpoint}
    with pytest.raises(SourceUnreachable, match="no-such-bucket: no such bucket"):
        list(build_connector(config).list_items())


def test_a_closed_port_is_unreachable(s3_endpoint: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    connector = build_connector(
        {"name": "a", "kind": "s3", "bucket": "b-1", "endpoint_url": endpoint}
    )
    with pytest.raises(SourceUnreachable, match="b-1") as raised:
        list(connector.list_items())
    assert raised.value.retryable
    item = Item(KEY, "object", "null:abc")
    with pytest.raises(SourceUnreachable):
        connector.exists(item)
    with pytest.raises(SourceUnreachable):
        connector.read_bytes(item)


def test_missing_credentials_are_access_denied(
    bucket: Bucket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with pytest.raises(AccessDenied, match="credentials"):
        list(bucket.connector().list_items())


def test_options_validate_and_are_documented() -> None:
    with pytest.raises(ValidationError, match="bucket"):
        build_connector({"name": "a", "kind": "s3"})
    with pytest.raises(ValidationError, match="page_size"):
        build_connector({"name": "a", "kind": "s3", "bucket": "b-1", "page_size": 5000})
    assert all(f.description for f in S3Options.model_fields.values())
    assert "s3" in s3.S3Connector.kind
