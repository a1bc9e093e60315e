"""Connector.replace: new content in place, every earlier copy destroyed (real stores)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from connectors import build_connector
from connectors.base import Connector, ConnectorOptions, Item, ListingError
from connectors.errors import ItemChanged, ItemError, ItemLocked, NotSupported
from connectors.files import FilesConnector
from connectors.smb import SmbConnector
from tests.connectors.test_s3 import Bucket
from tests.samba import samba_server

OLD = "주민등록번호 850315-1234561 연락처 010-9876-5432\n".encode()
NEW = "주민등록번호 [KR_RRN] 연락처 [PHONE_NUMBER]\n".encode()


def listed(connector: Connector) -> dict[str, Item]:
    """Every item, described as a scan describes new ones (S3 metadata and tags)."""
    items = [i for i in connector.list_items() if isinstance(i, Item)]
    return {i.key: i for i in connector.describe_many(items) if isinstance(i, Item)}


# --- the default -----------------------------------------------------------------------------


class _ReadOnly(Connector):
    kind = "test-read-only"

    def list_items(self) -> Iterator[Item | ListingError]:
        yield Item("a", "file", "1")

    def open_stream(self, item: Item) -> Iterator[bytes]:
        yield b"a"

    def delete(self, item: Item) -> None:
        raise AssertionError("not called")

    def exists(self, item: Item) -> bool:
        return item.key == "a"


def test_connectors_that_cannot_rewrite_say_so() -> None:
    connector = _ReadOnly(ConnectorOptions(name="ro", kind="test-read-only"))
    with pytest.raises(NotSupported, match="test-read-only sources cannot rewrite items"):
        connector.replace(Item("a", "file", "1"), b"x")
    assert connector.copies(Item("a", "file", "1")) == 1
    assert connector.copies(Item("b", "file", "1")) == 0


# --- files -----------------------------------------------------------------------------------


def test_files_replace_zeroes_the_old_inode_and_puts_the_new_content_in_place(
    files: FilesConnector, root: Path
) -> None:
    target = root / "charts/a.txt"
    target.parent.mkdir()
    target.write_bytes(OLD)
    target.chmod(0o640)
    link = root.parent / "hard-link"
    os.link(target, link)
    before = target.stat()
    item = listed(files)["charts/a.txt"]

    new = files.replace(item, NEW)

    assert target.read_bytes() == NEW
    assert link.read_bytes() == bytes(len(OLD))  # the old inode: zeros, not the old content
    after = target.stat()
    assert after.st_ino != before.st_ino and after.st_mode == before.st_mode
    assert new.key == item.key and new.fingerprint != item.fingerprint
    assert listed(files)["charts/a.txt"].fingerprint == new.fingerprint
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]  # no staging file
    assert files.read_bytes(new) == NEW and files.copies(new) == 1


def test_files_replace_refuses_a_changed_file_and_touches_nothing(
    files: FilesConnector, root: Path
) -> None:
    target = root / "a.txt"
    target.write_bytes(OLD)
    item = listed(files)["a.txt"]
    target.write_bytes(OLD + b"addendum\n")
    with pytest.raises(ItemChanged):
        files.replace(item, NEW)
    assert target.read_bytes() == OLD + b"addendum\n"
    assert [p.name for p in root.iterdir()] == ["a.txt"]


def test_files_replace_retried_after_a_crash_reuses_the_staging_name(
    files: FilesConnector, root: Path
) -> None:
    (root / "a.txt").write_bytes(OLD)
    (root / ".a.txt.expunge-tmp").write_bytes(b"half-written by a crashed run")
    new = files.replace(listed(files)["a.txt"], NEW)
    assert (root / "a.txt").read_bytes() == NEW and files.read_bytes(new) == NEW
    assert sorted(p.name for p in root.iterdir()) == ["a.txt"]


def test_files_replace_never_follows_a_link(files: FilesConnector, root: Path) -> None:
    outside = root.parent / "outside.txt"
    outside.write_bytes(OLD)
    (root / "a.txt").symlink_to(outside)
    with pytest.raises(ItemError):
        files.replace(Item("a.txt", "file", "x"), NEW)
    assert outside.read_bytes() == OLD


# --- SMB -------------------------------------------------------------------------------------


@pytest.fixture
def share(tmp_path: Path) -> Iterator[tuple[Path, SmbConnector]]:
    server = samba_server()
    folder = server.share / f"r-{tmp_path.name}"
    server.mkdirs(folder)
    connector = build_connector(server.options(path=folder.name))
    assert isinstance(connector, SmbConnector)
    with connector:
        yield folder, connector


def test_smb_replace_rewrites_the_file_in_place(share: tuple[Path, SmbConnector]) -> None:
    folder, connector = share
    samba_server().write(f"{folder.name}/notes/a.txt", OLD + b"x" * 5000)  # longer than NEW
    item = listed(connector)["notes/a.txt"]

    new = connector.replace(item, NEW)

    assert (folder / "notes/a.txt").read_bytes() == NEW
    assert new.fingerprint != item.fingerprint and new.size == len(NEW)
    assert listed(connector)["notes/a.txt"].fingerprint == new.fingerprint
    assert connector.read_bytes(new) == NEW and connector.copies(new) == 1


def test_smb_replace_refuses_a_changed_file(share: tuple[Path, SmbConnector]) -> None:
    folder, connector = share
    samba_server().write(f"{folder.name}/a.txt", OLD)
    item = listed(connector)["a.txt"]
    samba_server().write(f"{folder.name}/a.txt", OLD + b"addendum\n")
    with pytest.raises(ItemChanged):
        connector.replace(item, NEW)
    assert (folder / "a.txt").read_bytes() == OLD + b"addendum\n"


# --- S3 --------------------------------------------------------------------------------------

KEY = "notes/2016/kim.txt"


@pytest.fixture
def bucket(s3_endpoint: str) -> Bucket:
    return Bucket(s3_endpoint)


@pytest.fixture
def locked(s3_endpoint: str) -> Bucket:
    return Bucket(s3_endpoint, lock=True)


def _history(bucket: Bucket, **current: Any) -> list[str]:
    """Two versions, a delete marker and a current version of KEY: their version ids."""
    v1 = bucket.put(KEY, b"v1 " + OLD)
    v2 = bucket.put(KEY, b"v2 " + OLD)
    marker = bucket.remove(KEY)
    v3 = bucket.put(
        KEY, OLD, Metadata={"record-date": "2010-01-05"}, Tagging="category=chart&ward=3",
        **current,
    )
    return [v1, v2, marker, v3]


def test_s3_replace_leaves_exactly_the_new_version_with_metadata_and_tags(
    bucket: Bucket,
) -> None:
    _history(bucket)
    connector = bucket.connector()
    assert connector.copies(listed(connector)[KEY]) == 4
    item = listed(connector)[KEY]

    new = connector.replace(item, NEW)

    [only] = bucket.versions(KEY)
    assert new.fingerprint.startswith(f"{only}:")
    body = bucket.client.get_object(Bucket=bucket.name, Key=KEY)
    assert body["Body"].read() == NEW
    assert body["Metadata"] == {"record-date": "2010-01-05"}
    assert body["ContentType"] == "text/plain; charset=utf-8"
    tags = bucket.client.get_object_tagging(Bucket=bucket.name, Key=KEY)["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"category": "chart", "ward": "3"}
    assert listed(connector) == {KEY: new}
    assert new.metadata == {"meta:record-date": "2010-01-05", "tag:category": "chart",
                            "tag:ward": "3"}
    assert connector.read_bytes(new) == NEW and connector.copies(new) == 1


def test_s3_replace_refuses_an_older_version(bucket: Bucket) -> None:
    v1, *_ = _history(bucket)
    connector = bucket.connector()
    older = listed(connector)[f"{KEY}?versionId={v1}"]
    with pytest.raises(ItemError, match="anonymizing the current version") as raised:
        connector.replace(older, NEW)
    assert type(raised.value) is ItemError
    assert len(bucket.versions(KEY)) == 4


def test_s3_replace_refuses_when_a_newer_version_was_written(bucket: Bucket) -> None:
    _history(bucket)
    connector = bucket.connector()
    item = listed(connector)[KEY]
    bucket.put(KEY, b"written since")
    with pytest.raises(ItemChanged, match="no longer the current version"):
        connector.replace(item, NEW)
    assert len(bucket.versions(KEY)) == 5


def test_s3_replace_refuses_when_the_key_was_deleted_since(bucket: Bucket) -> None:
    _history(bucket)
    connector = bucket.connector()
    item = listed(connector)[KEY]
    bucket.remove(KEY)
    with pytest.raises(ItemChanged):
        connector.replace(item, NEW)


def test_s3_replace_with_a_legal_hold_on_an_older_version_writes_and_deletes_nothing(
    locked: Bucket,
) -> None:
    held = locked.put(KEY, b"v1 " + OLD, ObjectLockLegalHoldStatus="ON")
    locked.put(KEY, OLD)
    connector = locked.connector()
    item = listed(connector)[KEY]
    before = locked.versions(KEY)
    with pytest.raises(ItemLocked, match=f"legal hold on version {held}"):
        connector.replace(item, NEW)
    assert locked.versions(KEY) == before
    assert locked.client.get_object(Bucket=locked.name, Key=KEY)["Body"].read() == OLD
    locked.client.put_object_legal_hold(
        Bucket=locked.name, Key=KEY, VersionId=held, LegalHold={"Status": "OFF"}
    )


def test_s3_replace_in_an_unversioned_bucket_overwrites_the_object(s3_endpoint: str) -> None:
    plain = Bucket(s3_endpoint, versioned=False)
    plain.put(KEY, OLD, Metadata={"record-date": "2010-01-05"})
    connector = plain.connector()
    new = connector.replace(listed(connector)[KEY], NEW)
    assert plain.versions(KEY) == ["null"]
    assert connector.read_bytes(new) == NEW and connector.copies(new) == 1
