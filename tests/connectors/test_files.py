"""The local files connector against a real file system under tmp_path."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from connectors.base import CHUNK_SIZE, Item, ListingError
from connectors.errors import (
    AccessDenied,
    DeletionFailed,
    ItemAccessDenied,
    ItemChanged,
    ItemError,
    ItemTooLarge,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)
from connectors.files import FilesConnector, FilesOptions, bytes_to_key, key_to_bytes

AsNobody = Callable[[Callable[[], Any]], Any]
Write = Callable[[Path, str, bytes], Path]


def items(connector: FilesConnector) -> dict[str, Item]:
    """The listed items by key."""
    return {i.key: i for i in connector.list_items() if isinstance(i, Item)}


def errors(connector: FilesConnector) -> dict[str, str]:
    """The listing errors, key to reason."""
    return {e.key: e.error for e in connector.list_items() if isinstance(e, ListingError)}


def connect(root: Path, **options: Any) -> FilesConnector:
    """A files connector on ``root`` with extra options."""
    return FilesConnector(FilesOptions(name="charts", path=str(root), **options))


# --- listing ----------------------------------------------------------------------------


def test_lists_every_file_with_its_relative_key_size_and_fingerprint(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "a.txt", b"hello")
    write(root, "rx/2016/scan.pdf", b"%PDF-1.4")
    listed = items(files)
    assert sorted(listed) == ["a.txt", "rx/2016/scan.pdf"]
    st = (root / "a.txt").stat()
    a = listed["a.txt"]
    assert (a.kind, a.size) == ("file", 5)
    assert a.fingerprint == f"5:{st.st_mtime_ns}:{st.st_ino}"
    assert listed["rx/2016/scan.pdf"].size == 8


def test_listing_is_in_byte_order_of_the_paths(
    root: Path, files: FilesConnector, write: Write
) -> None:
    for key in ["b.txt", "a/x.txt", "a.txt", "a0", "a/b/y.txt"]:
        write(root, key, b"x")
    keys = [i.key for i in files.list_items()]
    assert keys == ["a.txt", "a/b/y.txt", "a/x.txt", "a0", "b.txt"]
    assert keys == sorted(keys)


def test_modified_is_the_exact_mtime_in_utc(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"x")
    os.utime(path, ns=(0, 1_479_988_800_123_456_789))
    modified = items(files)["a.txt"].modified
    assert modified == datetime(2016, 11, 24, 12, 0, 0, 123456, tzinfo=UTC)
    assert modified is not None and modified.utcoffset() is not None


def test_a_tree_deeper_than_the_recursion_limit_is_walked(root: Path) -> None:
    depth = 1100
    fd = os.open(root, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=fd)
        fd = _descend(fd)
    os.close(os.open("leaf.txt", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
    os.close(fd)
    try:
        [item] = connect(root).list_items()
        assert isinstance(item, Item)
        assert item.key == "d/" * depth + "leaf.txt"
    finally:
        _remove_deep(root, depth)


def _descend(fd: int) -> int:
    """Open the subdirectory ``d`` and close its parent."""
    child = os.open("d", os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    return child


def _remove_deep(root: Path, depth: int) -> None:
    """Remove the deep tree without recursion (shutil.rmtree would hit the recursion limit)."""
    fds = [os.open(root, os.O_RDONLY)]
    for _ in range(depth):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("leaf.txt", dir_fd=fds[-1])
    for level in range(depth, 0, -1):
        os.close(fds[level])
        os.rmdir("d", dir_fd=fds[level - 1])
    os.close(fds[0])


def test_an_empty_root_lists_nothing(files: FilesConnector) -> None:
    assert list(files.list_items()) == []


# --- fingerprints -----------------------------------------------------------------------


def test_fingerprint_is_stable_while_the_file_is_untouched(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"hello")
    before = items(files)["a.txt"]
    files.read_bytes(before)
    path.chmod(0o600)
    assert items(files)["a.txt"].fingerprint == before.fingerprint


def test_fingerprint_changes_when_content_changes_at_the_same_size(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"hello")
    before = items(files)["a.txt"].fingerprint
    time.sleep(0.05)  # past one tick of the file system's clock
    path.write_bytes(b"jello")
    assert items(files)["a.txt"].fingerprint != before


def test_fingerprint_changes_when_the_file_is_replaced_by_another(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"hello")
    st = path.stat()
    before = items(files)["a.txt"].fingerprint
    write(root, "new.tmp", b"jello").replace(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert items(files)["a.txt"].fingerprint != before


# --- exclude globs ----------------------------------------------------------------------

TREE = [
    ".git/config",
    "src/.git/HEAD",
    "~$report.docx",
    "docs/~$draft.docx",
    "docs/keep.txt",
    "tmp/x.log",
    "a/b/c.tmp",
    "keep.txt",
]


@pytest.mark.parametrize(
    ("exclude", "removed"),
    [
        ([], []),
        (["**/.git/**"], [".git/config", "src/.git/HEAD"]),
        ([".git"], [".git/config", "src/.git/HEAD"]),
        (["~$*"], ["~$report.docx", "docs/~$draft.docx"]),
        (["tmp/"], ["tmp/x.log"]),
        (["/tmp/**"], ["tmp/x.log"]),
        (["*.tmp"], ["a/b/c.tmp"]),
        (["a/**/*.tmp"], ["a/b/c.tmp"]),
        (["a/*"], ["a/b/c.tmp"]),
        (["docs/*"], ["docs/~$draft.docx", "docs/keep.txt"]),
        (["[!k]*.txt"], []),
        (["[dk]*"], ["docs/~$draft.docx", "docs/keep.txt", "keep.txt"]),
        (["?eep.txt"], ["docs/keep.txt", "keep.txt"]),
        (["keep.txt"], ["docs/keep.txt", "keep.txt"]),
        (["/keep.txt"], ["keep.txt"]),
    ],
)
def test_exclude_globs_remove_matching_keys(
    root: Path, exclude: list[str], removed: list[str], write: Write
) -> None:
    for key in TREE:
        write(root, key, b"x")
    assert sorted(items(connect(root, exclude=exclude))) == sorted(set(TREE) - set(removed))


def test_an_excluded_directory_is_not_walked(root: Path, outside: Path, write: Write) -> None:
    write(root, "keep.txt", b"x")
    (root / ".git").mkdir()
    (root / ".git" / "link").symlink_to(outside)
    assert list(connect(root, exclude=["**/.git/**"]).list_items()) == list(
        connect(root, exclude=[".git"]).list_items()
    )
    assert [i.key for i in connect(root, exclude=[".git"]).list_items()] == ["keep.txt"]


# --- links and special files ------------------------------------------------------------


def test_a_symlink_to_a_file_outside_the_root_is_reported_not_followed(
    root: Path, outside: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "a.txt", b"x")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    assert errors(files) == {"leak.txt": "symbolic link not followed"}
    assert sorted(items(files)) == ["a.txt"]
    assert (outside / "secret.txt").read_bytes() == b"outside the root"


def test_a_symlinked_directory_is_reported_not_walked(
    root: Path, outside: Path, files: FilesConnector
) -> None:
    (root / "sub").mkdir()
    (root / "sub" / "linked").symlink_to(outside, target_is_directory=True)
    assert errors(files) == {"sub/linked": "symbolic link not followed"}
    assert items(files) == {}
    assert (outside / "secret.txt").read_bytes() == b"outside the root"


def test_a_fifo_is_skipped_with_a_listing_error(
    root: Path, files: FilesConnector, write: Write
) -> None:
    os.mkfifo(root / "pipe")
    write(root, "a.txt", b"x")
    assert errors(files) == {"pipe": "not a regular file (fifo), skipped"}
    assert sorted(items(files)) == ["a.txt"]


# --- keys that escape the root ----------------------------------------------------------

ESCAPING_KEYS = [
    "../outside/secret.txt",
    "/etc/passwd",
    str(Path("/tmp").absolute()),
    "sub/../../outside/secret.txt",
    "sub/./a.txt",
    "sub//a.txt",
    "sub/",
    "",
]


@pytest.mark.parametrize("key", ESCAPING_KEYS)
@pytest.mark.parametrize("action", ["read_bytes", "delete", "exists"])
def test_a_key_that_is_not_a_plain_relative_path_is_refused(
    root: Path, outside: Path, files: FilesConnector, key: str, action: str, write: Write
) -> None:
    write(root, "sub/a.txt", b"x")
    with pytest.raises(PathEscapesRoot) as raised:
        getattr(files, action)(Item(key, "file", "0:0:0"))
    assert raised.value.key == key
    assert (outside / "secret.txt").read_bytes() == b"outside the root"


def test_a_key_with_a_nul_character_is_refused(files: FilesConnector) -> None:
    with pytest.raises(ItemError, match="not a valid key"):
        files.read_bytes(Item("a\x00b", "file", "0:0:0"))


def test_a_symlink_swapped_in_after_listing_is_refused_on_read_and_delete(
    root: Path, outside: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"x")
    item = items(files)["a.txt"]
    path.unlink()
    path.symlink_to(outside / "secret.txt")
    with pytest.raises(PathEscapesRoot, match="a.txt: symbolic link not followed"):
        files.read_bytes(item)
    with pytest.raises(PathEscapesRoot):
        files.delete(item)
    assert (outside / "secret.txt").read_bytes() == b"outside the root"
    assert path.is_symlink()


def test_a_parent_directory_swapped_for_a_symlink_after_listing_is_refused(
    root: Path, outside: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "sub/secret.txt", b"outside the root")
    item = items(files)["sub/secret.txt"]
    (root / "sub").rename(root / "old")
    (root / "sub").symlink_to(outside, target_is_directory=True)
    for action in (files.read_bytes, files.delete, files.exists):
        with pytest.raises(PathEscapesRoot, match="sub/secret.txt: symbolic link not followed"):
            action(item)
    assert (outside / "secret.txt").read_bytes() == b"outside the root"


def test_a_fifo_swapped_in_after_listing_is_refused_without_blocking(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"x")
    item = items(files)["a.txt"]
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(ItemChanged, match="no longer a regular file"):
        files.read_bytes(item)
    with pytest.raises(ItemChanged):
        files.delete(item)


# --- permissions (as an unprivileged user) ----------------------------------------------


def test_the_unprivileged_runner_is_really_denied(
    root: Path, as_nobody: AsNobody, write: Write
) -> None:
    path = write(root, "secret.txt", b"x")
    path.chmod(0)
    with pytest.raises(PermissionError):
        as_nobody(path.read_bytes)


def test_an_unreadable_directory_is_reported_while_the_rest_is_listed(
    root: Path, as_nobody: AsNobody, write: Write
) -> None:
    write(root, "open/a.txt", b"x")
    write(root, "locked/secret.txt", b"x")
    write(root, "z.txt", b"x")
    (root / "locked").chmod(0)
    files = connect(root)
    listed = as_nobody(lambda: list(files.list_items()))
    assert [i.key for i in listed if isinstance(i, Item)] == ["open/a.txt", "z.txt"]
    assert [i for i in listed if isinstance(i, ListingError)] == [
        ListingError("locked", "permission denied")
    ]


def test_an_unreadable_file_is_listed_but_reading_it_is_denied(
    root: Path, as_nobody: AsNobody, write: Write
) -> None:
    write(root, "a.txt", b"readable")
    write(root, "secret.txt", b"x").chmod(0)
    files = connect(root)
    listed = as_nobody(lambda: items(files))
    assert sorted(listed) == ["a.txt", "secret.txt"]
    assert as_nobody(lambda: files.read_bytes(listed["a.txt"])) == b"readable"
    with pytest.raises(ItemAccessDenied, match="secret.txt: permission denied"):
        as_nobody(lambda: files.read_bytes(listed["secret.txt"]))


def test_delete_is_refused_before_overwriting_when_the_directory_is_not_writable(
    root: Path, as_nobody: AsNobody, write: Write
) -> None:
    path = write(root, "ro/a.txt", b"keep me")
    path.chmod(0o666)
    (root / "ro").chmod(0o555)
    files = connect(root)
    item = items(files)["ro/a.txt"]
    with pytest.raises(ItemAccessDenied, match="ro/a.txt: its directory is not writable"):
        as_nobody(lambda: files.delete(item))
    assert path.read_bytes() == b"keep me"


def test_a_root_that_cannot_be_read_is_access_denied(
    root: Path, as_nobody: AsNobody, write: Write
) -> None:
    write(root, "a.txt", b"x")
    root.chmod(0)
    files = connect(root)
    with pytest.raises(AccessDenied, match="charts: root .* is not a readable directory"):
        as_nobody(lambda: list(files.list_items()))


def test_a_root_that_is_a_file_is_access_denied(tmp_path: Path, write: Write) -> None:
    path = write(tmp_path, "file", b"x")
    with pytest.raises(AccessDenied):
        list(connect(path).list_items())


def test_a_missing_root_is_source_unreachable(tmp_path: Path) -> None:
    files = connect(tmp_path / "not-mounted")
    with pytest.raises(SourceUnreachable, match="charts: root .* does not exist"):
        list(files.list_items())
    with pytest.raises(SourceUnreachable):
        files.read_bytes(Item("a.txt", "file", "0:0:0"))


# --- reading ----------------------------------------------------------------------------


def test_a_file_that_vanished_after_listing_raises_item_vanished(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "sub/a.txt", b"x")
    write(root, "b.txt", b"x")
    listed = items(files)
    (root / "sub" / "a.txt").unlink()
    (root / "sub").rmdir()
    (root / "b.txt").unlink()
    for key in ("sub/a.txt", "b.txt"):
        with pytest.raises(ItemVanished, match=f"{key}: no longer exists"):
            files.read_bytes(listed[key])
        assert not files.exists(listed[key])


def test_a_file_whose_parent_became_a_file_has_vanished(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "sub/a.txt", b"x")
    item = items(files)["sub/a.txt"]
    (root / "sub" / "a.txt").unlink()
    (root / "sub").rmdir()
    write(root, "sub", b"now a file")
    with pytest.raises(ItemVanished):
        files.read_bytes(item)


def test_open_stream_yields_chunks_of_chunk_size(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "big.bin", b"\x01" * (2 * CHUNK_SIZE + 7))
    chunks = list(files.open_stream(items(files)["big.bin"]))
    assert [len(c) for c in chunks] == [CHUNK_SIZE, CHUNK_SIZE, 7]


def test_reading_past_the_cap_raises_item_too_large(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "a.txt", b"x" * 100)
    item = items(files)["a.txt"]
    with pytest.raises(ItemTooLarge, match="a.txt: 100 bytes exceeds"):
        files.read_bytes(item, limit=10)
    grown = Item(item.key, item.kind, item.fingerprint, size=5)
    with pytest.raises(ItemTooLarge, match="a.txt: more than the 50-byte read cap"):
        files.read_bytes(grown, limit=50)
    assert files.read_bytes(item, limit=100) == b"x" * 100


# --- names that are not UTF-8 -----------------------------------------------------------

NAMES = [
    b"plain.txt",
    "한글 차트.pdf".encode(),
    b"caf\xe9.txt",
    b"\xff\xfe",
    b"\xed\xb2\x80",
    "\uef80".encode(),
    "\uefe9".encode() + b"\xe9",
    b"100% done",
]


@pytest.mark.parametrize("raw", NAMES)
def test_every_name_maps_to_a_valid_unicode_key_and_back(raw: bytes) -> None:
    key = bytes_to_key(raw)
    key.encode("utf-8")  # no lone surrogates: storable in PostgreSQL
    assert key_to_bytes(key) == raw


def test_distinct_names_give_distinct_keys() -> None:
    assert len({bytes_to_key(raw) for raw in NAMES}) == len(NAMES)


def test_valid_utf8_names_are_their_own_keys() -> None:
    assert bytes_to_key("rx/한글 차트.pdf".encode()) == "rx/한글 차트.pdf"


def test_a_non_utf8_name_is_listed_read_and_deleted(
    root: Path, files: FilesConnector, write: Write
) -> None:
    directory = os.path.join(os.fsencode(root), b"r\xe9sum\xe9")
    os.mkdir(directory)
    path = os.path.join(directory, b"caf\xe9 \xff.txt")
    with open(path, "wb") as out:
        out.write(b"content")
    [item] = files.list_items()
    assert isinstance(item, Item)
    assert item.key == "r\uefe9sum\uefe9/caf\uefe9 \uefff.txt"
    assert files.read_bytes(item) == b"content"
    files.delete(item)
    assert not os.path.lexists(path)
    assert os.listdir(directory) == []


# --- deleting ---------------------------------------------------------------------------


def test_delete_overwrites_the_content_with_zeros_before_unlinking(
    root: Path, tmp_path: Path, files: FilesConnector, monkeypatch: pytest.MonkeyPatch, write: Write
) -> None:
    path = write(root, "a.txt", b"patient 9001011234567" * 1000)
    witness = tmp_path / "witness"
    os.link(path, witness)  # a second name for the same inode
    item = items(files)["a.txt"]
    seen: list[bytes] = []
    real_unlink = os.unlink

    def spy(name: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(witness.read_bytes())
        real_unlink(name, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", spy)
    files.delete(item)
    assert seen == [bytes(item.size or 0)]
    assert not path.exists()
    assert witness.read_bytes() == b""


def test_delete_removes_the_file_and_exists_turns_false(
    root: Path, files: FilesConnector, write: Write
) -> None:
    write(root, "sub/a.txt", b"x")
    write(root, "sub/b.txt", b"y")
    item = items(files)["sub/a.txt"]
    assert files.exists(item)
    files.delete(item)
    assert not files.exists(item)
    assert sorted(items(files)) == ["sub/b.txt"]


def test_deleting_twice_is_a_no_op(root: Path, files: FilesConnector, write: Write) -> None:
    write(root, "a.txt", b"x")
    item = items(files)["a.txt"]
    files.delete(item)
    files.delete(item)
    assert not files.exists(item)


def test_delete_after_modification_is_refused_and_the_file_is_intact(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"approved")
    item = items(files)["a.txt"]
    path.write_bytes(b"new content")
    with pytest.raises(ItemChanged, match="a.txt: changed since it was listed"):
        files.delete(item)
    assert path.read_bytes() == b"new content"


def test_delete_of_a_directory_swapped_in_is_refused(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"x")
    item = items(files)["a.txt"]
    path.unlink()
    path.mkdir()
    with pytest.raises(ItemChanged, match="a.txt: no longer a regular file"):
        files.delete(item)
    assert path.is_dir()


def test_a_delete_interrupted_after_the_overwrite_completes_on_retry(
    root: Path, files: FilesConnector, monkeypatch: pytest.MonkeyPatch, write: Write
) -> None:
    path = write(root, "a.txt", b"secret")
    item = items(files)["a.txt"]

    def crash(*args: Any, **kwargs: Any) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(os, "unlink", crash)
        with pytest.raises(
            DeletionFailed, match="a.txt: overwrite or unlink failed: input/output error"
        ):
            files.delete(item)
    assert path.read_bytes() == bytes(6)
    files.delete(item)
    assert not path.exists()


def test_a_delete_that_leaves_the_file_behind_is_a_failure(
    root: Path, files: FilesConnector, monkeypatch: pytest.MonkeyPatch, write: Write
) -> None:
    write(root, "a.txt", b"secret")
    item = items(files)["a.txt"]
    monkeypatch.setattr(os, "unlink", lambda *args, **kwargs: None)
    with pytest.raises(DeletionFailed, match="a.txt: still present after unlink"):
        files.delete(item)


def test_errors_name_the_key_never_the_content(
    root: Path, files: FilesConnector, write: Write
) -> None:
    path = write(root, "a.txt", b"9001011234567")
    item = items(files)["a.txt"]
    path.write_bytes(b"9001011234567 changed")
    with pytest.raises(ItemChanged) as raised:
        files.delete(item)
    assert str(raised.value).startswith("a.txt: ")
    assert "9001011234567" not in str(raised.value)


# --- options ----------------------------------------------------------------------------


def test_every_option_is_described() -> None:
    for name, field in FilesOptions.model_fields.items():
        assert field.description, name


def test_an_invalid_exclude_glob_is_rejected_naming_the_field() -> None:
    with pytest.raises(ValidationError, match="(?s)exclude.*invalid glob '\\[z-a\\]'"):
        FilesOptions(name="charts", path="/srv/charts", exclude=["[z-a]"])


def test_kind_defaults_to_files() -> None:
    assert FilesOptions(name="charts", path="/srv/charts").kind == "files"


@pytest.mark.parametrize(("residue", "finished"), [(b"\0" * 21, True), (b"x" * 21, False)])
def test_a_deletion_interrupted_after_overwriting_is_finished_on_retry(
        root: Path, files: FilesConnector, residue: bytes, finished: bool) -> None:
    path = root / "chart.txt"
    path.write_bytes(b"RRN 900101-1234567 ok")
    [item] = [i for i in files.list_items() if isinstance(i, Item) and i.key == "chart.txt"]
    with path.open("r+b") as handle:  # in place, as our overwrite does: same inode
        handle.write(residue)
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9, path.stat().st_mtime_ns + 10**9))
    if finished:
        files.delete(item)
        assert not path.exists()
    else:  # the same size but other content is somebody's edit: never destroyed
        with pytest.raises(ItemChanged):
            files.delete(item)
        assert path.read_bytes() == residue
