"""The SMB connector against a real Samba server (see samba.py); effects checked on disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from connectors import build_connector
from connectors.base import Item, ListingError
from connectors.errors import (
    AccessDenied,
    ItemAccessDenied,
    ItemChanged,
    ItemTooLarge,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)
from connectors.smb import SmbConnector
from tests.samba import SambaServer, free_port, samba_server


class Share(NamedTuple):
    server: SambaServer
    folder: Path  # this test's root folder on disk, inside the share
    connector: SmbConnector

    def put(self, key: str, data: bytes) -> Path:
        return self.server.write(f"{self.folder.name}/{key}", data)


@pytest.fixture
def share(tmp_path: Path) -> Iterator[Share]:
    """A fresh folder of the session's share and a connector rooted at it."""
    server = samba_server()
    folder = server.share / f"t-{tmp_path.name}"
    server.mkdirs(folder)
    connector = build_connector(server.options(path=folder.name))
    assert isinstance(connector, SmbConnector)
    with connector:
        yield Share(server, folder, connector)


def items(share: Share) -> dict[str, Item]:
    return {i.key: i for i in share.connector.list_items() if isinstance(i, Item)}


def errors(share: Share) -> dict[str, str]:
    return {e.key: e.error for e in share.connector.list_items() if isinstance(e, ListingError)}


def test_listing_gives_relative_keys_in_order_with_fingerprints(share: Share) -> None:
    share.put("b.txt", b"bee")
    share.put("a/deeper/c.txt", b"sea!")
    share.put("a/z.txt", b"")
    listed = list(share.connector.list_items())
    assert [i.key for i in listed] == ["a/deeper/c.txt", "a/z.txt", "b.txt"]
    item = items(share)["a/deeper/c.txt"]
    st = (share.folder / "a/deeper/c.txt").stat()
    assert item.size == 4
    assert item.fingerprint == f"4:{st.st_mtime_ns // 1000 * 1000}:{st.st_ino}"
    assert item.modified is not None and item.modified.utcoffset() is not None
    assert int(item.modified.timestamp()) == int(st.st_mtime)


def test_a_rewrite_or_replacement_changes_the_fingerprint(share: Share) -> None:
    path = share.put("a.txt", b"one")
    before = items(share)["a.txt"].fingerprint
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 5_000))
    assert items(share)["a.txt"].fingerprint != before


def test_the_session_is_encrypted_when_the_server_offers_it(share: Share) -> None:
    assert share.connector.encrypted


def test_read_streams_the_content_and_honours_the_cap(share: Share) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    share.put("scan.pdf", data)
    item = items(share)["scan.pdf"]
    assert b"".join(share.connector.open_stream(item)) == data
    with pytest.raises(ItemTooLarge):
        share.connector.read_bytes(item, limit=1024)


def test_delete_overwrites_then_removes_and_is_idempotent(share: Share, tmp_path: Path) -> None:
    path = share.put("rx/old.txt", b"patient 900101-1234567" * 1000)
    witness = share.server.share.parent / f"witness-{tmp_path.name}"
    os.link(path, witness)  # a second name outside the share shows what was written
    try:
        item = items(share)["rx/old.txt"]
        share.connector.delete(item)
        assert not path.exists()
        assert witness.read_bytes() == bytes(item.size or 0)
        assert not share.connector.exists(item)
        share.connector.delete(item)  # a retried message is harmless
        assert "rx/old.txt" not in items(share)
    finally:
        witness.unlink()


def test_a_modified_file_is_refused_and_kept(share: Share) -> None:
    path = share.put("a.txt", b"approved")
    item = items(share)["a.txt"]
    path.write_bytes(b"changed after approval")
    with pytest.raises(ItemChanged):
        share.connector.delete(item)
    assert path.read_bytes() == b"changed after approval"


def test_a_link_leading_out_of_the_share_is_never_followed(share: Share, tmp_path: Path) -> None:
    outside = share.server.share.parent / f"outside-{tmp_path.name}.txt"
    outside.write_bytes(b"outside the share")
    try:
        os.symlink(outside, share.folder / "out.txt")
        share.put("in.txt", b"inside")
        listed = list(share.connector.list_items())
        # Samba (wide links = no) hides the link; it must never show the outside content.
        assert all(i.key != "out.txt" for i in listed if isinstance(i, Item))
        fake = Item("out.txt", "file", "17:0:0", 17)
        with pytest.raises((ItemVanished, PathEscapesRoot)):
            share.connector.read_bytes(fake)
        share.connector.delete(fake)  # nothing is there as far as SMB goes: a no-op
        assert outside.read_bytes() == b"outside the share"
    finally:
        outside.unlink()


def test_a_second_name_of_the_same_file_is_reported_not_listed_twice(share: Share) -> None:
    share.put("a.txt", b"one file")
    os.symlink("a.txt", share.folder / "b.txt")  # Samba follows links inside the share
    assert list(items(share)) == ["a.txt"]
    assert "same file as 'a.txt'" in errors(share)["b.txt"]


@pytest.mark.parametrize("key", ["../x.txt", "a/../../x.txt", "/etc/passwd", "a\\..\\..\\x", "a:s"])
def test_keys_leaving_the_root_are_refused(share: Share, key: str) -> None:
    item = Item(key, "file", "1:0:0", 1)
    with pytest.raises(PathEscapesRoot):
        share.connector.read_bytes(item)
    with pytest.raises(PathEscapesRoot):
        share.connector.delete(item)


def test_a_file_the_account_cannot_read_is_an_item_error(share: Share) -> None:
    secret = share.put("locked.txt", b"root only")
    os.chown(secret, 0, 0)
    secret.chmod(0o600)
    share.put("open.txt", b"readable")
    listed = items(share)
    assert share.connector.read_bytes(listed["open.txt"]) == b"readable"
    with pytest.raises(ItemAccessDenied) as raised:
        share.connector.read_bytes(listed["locked.txt"])
    assert raised.value.key == "locked.txt"
    assert "root only" not in str(raised.value)


def test_excluded_names_are_neither_listed_nor_walked(share: Share) -> None:
    share.put("keep.txt", b"1")
    share.put("~$lock.docx", b"2")
    share.put("tmp/inner.txt", b"3")
    connector = build_connector(
        share.server.options(path=share.folder.name, exclude=["~$*", "tmp/**"])
    )
    with connector:
        assert [i.key for i in connector.list_items()] == ["keep.txt"]


def test_a_wrong_password_is_access_denied() -> None:
    server = samba_server()
    connector = build_connector(server.options(password="wrong"))
    with connector, pytest.raises(AccessDenied):
        list(connector.list_items())


def test_a_missing_share_is_unreachable() -> None:
    server = samba_server()
    connector = build_connector(server.options(share="nosuchshare"))
    with connector, pytest.raises(SourceUnreachable):
        list(connector.list_items())


def test_a_closed_port_is_unreachable() -> None:
    server = samba_server()
    connector = build_connector(server.options(port=free_port(), timeout=5))
    with connector, pytest.raises(SourceUnreachable):
        list(connector.list_items())


def test_the_password_is_never_shown() -> None:
    server = samba_server()
    connector = build_connector(server.options())
    assert server.password not in repr(connector.options)


@pytest.mark.parametrize(("residue", "finished"), [(b"\0" * 21, True), (b"x" * 21, False)])
def test_a_deletion_interrupted_after_overwriting_is_finished_on_retry(
        share: Share, residue: bytes, finished: bool) -> None:
    path = share.put("chart.txt", b"RRN 900101-1234567 ok")
    item = items(share)["chart.txt"]
    path.write_bytes(residue)  # what a worker killed after overwriting leaves: new mtime
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9, path.stat().st_mtime_ns + 10**9))
    if finished:
        share.connector.delete(item)
        assert not path.exists()
    else:  # the same size but other content is somebody's edit: never destroyed
        with pytest.raises(ItemChanged):
            share.connector.delete(item)
        assert path.read_bytes() == residue
