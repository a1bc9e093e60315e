"""Local and mounted file trees: list, read and destroy the regular files under one root.

Keys. An item's key is its POSIX path relative to the root (``rx/2016/scan.pdf``). Names are
bytes on disk; a name that is not valid UTF-8 is escaped so that every key is valid Unicode
(storable in PostgreSQL) and maps back to the exact bytes: each byte 0x80-0xFF that is not
part of valid UTF-8 becomes the private-use character U+EF00 + byte (U+EF80-U+EFFF, the range
MirBSD's OPTU-8 uses; Python's own surrogateescape gives lone surrogates, which PostgreSQL
rejects), and a name's own U+EF80-U+EFFF characters, which would otherwise be ambiguous, are
escaped byte by byte the same way. Every other name, i.e. every
name met in practice, is its key unchanged. See :func:`bytes_to_key` and :func:`key_to_bytes`.

Fingerprint. ``"<size>:<mtime_ns>:<inode>"``: a write changes the size or the mtime, and a
file replaced by another (editors' save-by-rename, restore from backup) changes the inode.
A writer that keeps the size and puts the old mtime back (``rsync --inplace -t``), or one that
rewrites a same-size file within one tick of the file system's clock, is not noticed.

Safety. Symbolic links are never followed, neither while listing nor when an item is used:
a key is resolved one component at a time from a descriptor of the root with ``O_NOFOLLOW``,
so a link swapped in after listing cannot lead outside the root (PathEscapesRoot). The root
path itself may be a link (``/srv/charts -> /mnt/charts``); it is configuration, not data.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import Field, field_validator

from connectors.base import CHUNK_SIZE, Connector, ConnectorOptions, Item, ListingError
from connectors.errors import (
    AccessDenied,
    DeletionFailed,
    ItemAccessDenied,
    ItemChanged,
    ItemError,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_NOT_FOLLOWED = "symbolic link not followed"
_FILE_TYPES = {
    stat.S_IFIFO: "fifo",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}
_ZEROS = memoryview(bytes(CHUNK_SIZE))


class FilesOptions(ConnectorOptions):
    """Settings of a ``kind: files`` source: a local or mounted directory tree."""

    kind: Literal["files"] = Field("files", description="Always `files` for this connector.")
    path: str = Field(description="Root directory; keys are paths relative to it.")
    exclude: list[str] = Field(
        default_factory=list,
        description=(
            "Globs on the relative key that are neither listed nor walked, e.g. `**/.git/**`"
            " or `~$*`. A glob without `/` matches a name at any depth; `**` spans directories."
        ),
    )

    @field_validator("exclude")
    @classmethod
    def _globs_compile(cls, patterns: list[str]) -> list[str]:
        """Reject a glob that cannot be compiled, naming it."""
        for pattern in patterns:
            try:
                glob_to_regex(pattern)
            except re.error as exc:
                raise ValueError(f"invalid glob {pattern!r}: {exc.msg}") from exc
        return patterns


# --- keys -------------------------------------------------------------------------------

_ESCAPE_BASE = 0xEF00
_NEEDS_ESCAPE = re.compile("[\udc80-\udcff\uef80-\uefff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNESCAPE = {_ESCAPE_BASE + byte: 0xDC00 + byte for byte in range(0x80, 0x100)}


def bytes_to_key(raw: bytes) -> str:
    """Turn a relative path as bytes into a key: valid Unicode, reversible by key_to_bytes."""
    return _NEEDS_ESCAPE.sub(_escape, raw.decode("utf-8", "surrogateescape"))


def _escape(match: re.Match[str]) -> str:
    """Escape one undecodable byte, or one literal U+EF80-U+EFFF character byte by byte."""
    char = match.group()
    if _SURROGATE.match(char):
        return chr(_ESCAPE_BASE + ord(char) - 0xDC00)
    return "".join(chr(_ESCAPE_BASE + byte) for byte in char.encode("utf-8"))


def key_to_bytes(key: str) -> bytes:
    """The exact bytes on disk of a key made by bytes_to_key."""
    return key.translate(_UNESCAPE).encode("utf-8", "surrogateescape")


def _key_parts(key: str) -> list[bytes]:
    """Split a key into path components, refusing anything but a plain relative path."""
    if "\x00" in key or _SURROGATE.search(key):
        raise ItemError(key, "not a valid key")
    parts = key.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise PathEscapesRoot(key, "not a plain relative path inside the root")
    return [key_to_bytes(part) for part in parts]


# --- exclude globs ----------------------------------------------------------------------

_GLOB_TOKEN = re.compile(r"\*\*/|\*\*|\*|\?|\[[^\]/]+\]|[^*?\[]+|\[")
_GLOB_REGEX = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a path glob: `**` spans directories, `*`, `?` and `[...]` stay within a name."""
    return re.compile("".join(_glob_token(t) for t in _GLOB_TOKEN.findall(pattern)), re.DOTALL)


def _glob_token(token: str) -> str:
    """The regular expression for one glob token."""
    if token in _GLOB_REGEX:
        return _GLOB_REGEX[token]
    if len(token) > 2 and token.startswith("["):
        inner = token[1:-1].replace("\\", "\\\\").replace("[", "\\[")
        if inner.startswith("!"):
            return f"[^/{inner[1:]}]"
        return f"[{inner}]" if not inner.startswith("^") else f"[\\{inner}]"
    return re.escape(token)


class Excluder:
    """Decides which keys the exclude globs remove; an excluded directory is not walked."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p.lstrip("/") for p in patterns if "/" in p]
        self.paths = [glob_to_regex(p) for p in anchored]
        self.names = [glob_to_regex(p) for p in patterns if "/" not in p]

    def __call__(self, key: str, is_dir: bool) -> bool:
        """Whether the entry at ``key`` is excluded (a directory also as ``key/``)."""
        name = key.rsplit("/", 1)[-1]
        candidates = (key, key + "/") if is_dir else (key,)
        return any(r.fullmatch(name) for r in self.names) or any(
            r.fullmatch(c) for r in self.paths for c in candidates
        )


# --- file system helpers ----------------------------------------------------------------


def fingerprint(st: os.stat_result) -> str:
    """``size:mtime_ns:inode``: changes when the file is written to or replaced."""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _modified(mtime_ns: int) -> datetime:
    """The mtime as an exact, timezone-aware UTC datetime."""
    seconds, nanos = divmod(mtime_ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC) + timedelta(microseconds=nanos // 1000)


def _reason(exc: OSError) -> str:
    """A short description of an OS error, without the path."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()


def _is_link(dir_fd: int, name: bytes) -> bool:
    """Whether ``name`` in the directory is a symbolic link (False if it cannot be told)."""
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _item_error(exc: OSError, key: str, dir_fd: int, name: bytes) -> ItemError:
    """Map an OS error met while resolving or using ``key`` to our exception tree."""
    if exc.errno in (errno.ELOOP, errno.ENOTDIR) and _is_link(dir_fd, name):
        return PathEscapesRoot(key, _NOT_FOLLOWED)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return ItemVanished(key, "no longer exists")
    if isinstance(exc, PermissionError):
        return ItemAccessDenied(key, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return ItemChanged(key, "is now a directory")
    return ItemError(key, _reason(exc))


def _open_at(dir_fd: int, name: bytes, flags: int, key: str) -> int:
    """Open ``name`` in the directory without following a link; errors name ``key``."""
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        raise _item_error(exc, key, dir_fd, name) from exc


def _lstat_at(dir_fd: int, name: bytes, key: str) -> os.stat_result:
    """lstat ``name`` in the directory; errors name ``key``."""
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except OSError as exc:
        raise _item_error(exc, key, dir_fd, name) from exc


def _open_dirs(root_fd: int, key: str, parts: list[bytes]) -> int:
    """Open the directory ``parts`` below the root one component at a time, never via a link."""
    fd = _open_at(root_fd, b".", _DIR_FLAGS, key)
    try:
        for part in parts:
            child = _open_at(fd, part, _DIR_FLAGS, key)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def _scan(dir_fd: int) -> list[tuple[bytes, os.stat_result | OSError]]:
    """Each entry of an open directory with its lstat (or the error that lstat raised)."""
    entries: list[tuple[bytes, os.stat_result | OSError]] = []
    with os.scandir(dir_fd) as it:
        for entry in it:
            try:
                entries.append((os.fsencode(entry.name), entry.stat(follow_symlinks=False)))
            except OSError as exc:
                entries.append((os.fsencode(entry.name), exc))
    return entries


def _check_same(item: Item, st: os.stat_result) -> None:
    """Refuse (ItemChanged) unless ``st`` is the regular file the item was listed as."""
    if stat.S_ISLNK(st.st_mode):
        raise PathEscapesRoot(item.key, _NOT_FOLLOWED)
    if not stat.S_ISREG(st.st_mode):
        raise ItemChanged(item.key, "no longer a regular file")
    if fingerprint(st) != item.fingerprint:
        raise ItemChanged(item.key, "changed since it was listed (fingerprint differs)")


def _interrupted_wipe(item: Item, st: os.stat_result) -> bool:
    """The listed regular file (same inode, same size) with only its mtime changed."""
    size, _, inode = item.fingerprint.split(":")
    same_file = stat.S_ISREG(st.st_mode) and (str(st.st_size), str(st.st_ino)) == (size, inode)
    return same_file and fingerprint(st) != item.fingerprint


def _all_zeros(fd: int, st: os.stat_result) -> bool:
    """Whether the file holds nothing but zeros (what our overwrite leaves)."""
    offset = 0
    while offset < st.st_size:
        chunk = os.pread(fd, CHUNK_SIZE, offset)
        if not chunk or chunk.count(0) != len(chunk):
            return not chunk
        offset += len(chunk)
    return True


def _overwrite(fd: int, st: os.stat_result) -> None:
    """Overwrite the file's content with zeros, sync it, and put its times back."""
    offset = 0
    while offset < st.st_size:
        offset += os.pwrite(fd, _ZEROS[: min(CHUNK_SIZE, st.st_size - offset)], offset)
    os.fsync(fd)
    # Same size and mtime: a retry after a crash before the unlink still matches and finishes.
    # Setting times needs ownership; without it a retry is refused (ItemChanged) instead.
    with suppress(OSError):
        os.utime(fd, ns=(st.st_atime_ns, st.st_mtime_ns))


def _unlink_same(dir_fd: int, name: bytes, st: os.stat_result, key: str) -> None:
    """Unlink ``name`` if it is still the inode we overwrote; sync the directory."""
    try:
        now = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise ItemChanged(key, "replaced while being deleted; the new file was left alone")
        os.unlink(name, dir_fd=dir_fd)
    except FileNotFoundError:
        pass
    os.fsync(dir_fd)


def _wipe(fd: int, dir_fd: int, name: bytes, st: os.stat_result, key: str) -> None:
    """Overwrite, unlink, then empty the inode; OS errors become DeletionFailed."""
    try:
        _overwrite(fd, st)
        _unlink_same(dir_fd, name, st, key)
        os.ftruncate(fd, 0)
        os.fsync(fd)
    except OSError as exc:
        raise DeletionFailed(key, f"overwrite or unlink failed: {_reason(exc)}") from exc


def _temp_name(name: bytes) -> bytes:
    """The fixed name of the file a rewrite of ``name`` is staged in (a retry reuses it)."""
    return b"." + name[:200] + b".expunge-tmp"


def _write_temp(dir_fd: int, tmp: bytes, data: bytes, st: os.stat_result, key: str) -> int:
    """Create the staging file (a stale one of ours is removed first), write ``data``, fsync;
    the old file's mode and, where allowed, owner are kept. Returns its open descriptor."""
    with suppress(FileNotFoundError):
        if stat.S_ISREG(os.stat(tmp, dir_fd=dir_fd, follow_symlinks=False).st_mode):
            os.unlink(tmp, dir_fd=dir_fd)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(tmp, flags, stat.S_IMODE(st.st_mode) | stat.S_IWUSR, dir_fd=dir_fd)
    except OSError as exc:
        raise ItemError(key, f"cannot create the rewritten file: {_reason(exc)}") from exc
    try:
        with suppress(OSError):
            os.fchown(fd, st.st_uid, st.st_gid)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view[:CHUNK_SIZE]) :]
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        with suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise ItemError(key, f"cannot write the rewritten file: {_reason(exc)}") from exc
    return fd


def _swap(fd: int, dir_fd: int, name: bytes, st: os.stat_result, data: bytes, key: str) -> int:
    """Stage ``data``, zero the old content, rename the staged file over ``name``; returns
    the new file's descriptor. OS errors after staging become DeletionFailed."""
    tmp = _temp_name(name)
    new_fd = _write_temp(dir_fd, tmp, data, st, key)
    try:
        _overwrite(fd, st)
        now = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise ItemChanged(key, "replaced while being rewritten; the new file was left alone")
        os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        os.fsync(dir_fd)
    except BaseException as exc:
        os.close(new_fd)
        with suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        if isinstance(exc, OSError):
            raise DeletionFailed(key, f"overwrite or rename failed: {_reason(exc)}") from exc
        raise
    return new_fd


_Node = bytes | Item | ListingError


class FilesConnector(Connector):
    """The regular files under a local or mounted directory."""

    kind = "files"
    Options = FilesOptions
    options: FilesOptions

    def __init__(self, options: ConnectorOptions) -> None:
        super().__init__(options)
        self.root = os.fsencode(self.options.path)
        self.excluded = Excluder(self.options.exclude)

    def list_items(self) -> Iterator[Item | ListingError]:
        """Walk the tree iteratively in byte order of the paths; links and specials are errors."""
        with self._root() as root_fd:
            stack: list[_Node] = [b""]
            while stack:
                node = stack.pop()
                if isinstance(node, bytes):
                    stack.extend(reversed(self._expand(root_fd, node)))
                else:
                    yield node

    def open_stream(self, item: Item) -> Iterator[bytes]:
        """Yield the file's content in CHUNK_SIZE chunks from one descriptor."""
        with self._parent(item.key) as (dir_fd, name):
            fd = _open_at(dir_fd, name, os.O_RDONLY | _FILE_FLAGS, item.key)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ItemChanged(item.key, "no longer a regular file")
            while chunk := self._read(fd, item.key):
                yield chunk
        finally:
            os.close(fd)

    def delete(self, item: Item) -> None:
        """Overwrite the file with zeros, unlink it, and verify that its key is gone.

        Does nothing if the file is already gone; refuses (ItemChanged) if it no longer
        matches ``item.fingerprint``, and (ItemAccessDenied) before touching it if its
        directory is not writable. One pass of zeros is written and synced before the
        unlink; other hard links to the file keep the zeroed, then emptied, inode.
        Overwriting cannot guarantee erasure on copy-on-write file systems (btrfs, ZFS,
        snapshots) or on SSDs (wear levelling keeps old blocks): there, file-system or disk
        encryption is the answer. What is verified is the unlink: the key no longer exists.
        """
        try:
            self._destroy(item)
        except ItemVanished:
            return
        if self.exists(item):
            raise DeletionFailed(item.key, "still present after unlink")

    def replace(self, item: Item, data: bytes) -> Item:
        """Put ``data`` at the item's key in place of its content; return the new item.

        Refuses (ItemChanged) if the file no longer matches ``item.fingerprint``. The new
        content is written and synced to a staging file in the same directory first
        (``.<name>.expunge-tmp``, created with ``O_EXCL|O_NOFOLLOW``, the old file's mode and
        owner); then the old content is overwritten with zeros and synced, the staging file is
        renamed over the original atomically and the directory synced. Other hard links to the
        old file keep its zeroed inode. The caveats of :meth:`delete` about copy-on-write file
        systems and SSDs apply to the old content too.
        """
        with self._open_approved(item) as (fd, dir_fd, name, st):
            new_fd = _swap(fd, dir_fd, name, st, data, item.key)
        try:
            new = os.fstat(new_fd)
        finally:
            os.close(new_fd)
        return Item(
            item.key,
            "file",
            fingerprint(new),
            new.st_size,
            _modified(new.st_mtime_ns),
            item.metadata,
        )

    def exists(self, item: Item) -> bool:
        """Whether anything is at the item's key (lstat through the safe resolution)."""
        try:
            with self._parent(item.key) as (dir_fd, name):
                _lstat_at(dir_fd, name, item.key)
        except ItemVanished:
            return False
        return True

    @contextmanager
    def _root(self) -> Iterator[int]:
        """A descriptor of the root directory; SourceUnreachable or AccessDenied if none."""
        where = f"{self.options.name}: root {self.options.path!r}"
        try:
            fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError as exc:
            raise SourceUnreachable(f"{where} does not exist") from exc
        except (NotADirectoryError, PermissionError) as exc:
            raise AccessDenied(f"{where} is not a readable directory") from exc
        except OSError as exc:
            raise SourceUnreachable(f"{where}: {_reason(exc)}") from exc
        try:
            yield fd
        finally:
            os.close(fd)

    @contextmanager
    def _parent(self, key: str) -> Iterator[tuple[int, bytes]]:
        """The item's parent directory, opened safely, and the item's name in it."""
        *dirs, name = _key_parts(key)
        with self._root() as root_fd:
            dir_fd = _open_dirs(root_fd, key, dirs)
        try:
            yield dir_fd, name
        finally:
            os.close(dir_fd)

    def _expand(self, root_fd: int, rel: bytes) -> list[_Node]:
        """The sorted children of one directory: subdirectories to walk, items, errors."""
        key = bytes_to_key(rel)
        try:
            dir_fd = _open_dirs(root_fd, key, rel.split(b"/") if rel else [])
        except ItemError as exc:
            return [ListingError(key, exc.reason)]
        try:
            entries = _scan(dir_fd)
        except OSError as exc:
            return [ListingError(key, _reason(exc))]
        finally:
            os.close(dir_fd)
        prefix = rel + b"/" if rel else b""
        children = [self._classify(prefix + name, st) for name, st in entries]
        return [node for _, node in sorted(filter(None, children), key=lambda c: c[0])]

    def _classify(self, rel: bytes, st: os.stat_result | OSError) -> tuple[bytes, _Node] | None:
        """(sort key, node) for one entry, or None if it vanished or is excluded."""
        key = bytes_to_key(rel)
        if isinstance(st, FileNotFoundError):
            return None
        if isinstance(st, OSError):
            return None if self.excluded(key, False) else (rel, ListingError(key, _reason(st)))
        is_dir = stat.S_ISDIR(st.st_mode)
        if self.excluded(key, is_dir):
            return None
        if is_dir:
            return rel + b"/", rel
        if stat.S_ISREG(st.st_mode):
            item = Item(key, "file", fingerprint(st), st.st_size, _modified(st.st_mtime_ns))
            return rel, item
        if stat.S_ISLNK(st.st_mode):
            return rel, ListingError(key, _NOT_FOLLOWED, skipped=True)
        kind = _FILE_TYPES.get(stat.S_IFMT(st.st_mode), "special file")
        return rel, ListingError(key, f"not a regular file ({kind}), skipped", skipped=True)

    def _destroy(self, item: Item) -> None:
        """Check, overwrite, unlink; ItemVanished if there was nothing to destroy."""
        with self._open_approved(item, resume_wipe=True) as (fd, dir_fd, name, st):
            _wipe(fd, dir_fd, name, st, item.key)

    @contextmanager
    def _open_approved(self, item: Item, resume_wipe: bool = False,
                       ) -> Iterator[tuple[int, int, bytes, os.stat_result]]:
        """The item opened for writing, proven to be the very file approved (fd, dir, name, st).

        The fingerprint is checked before opening (a device swapped in is never opened) and
        again on the open descriptor; a read-only directory is refused before anything is
        touched. With ``resume_wipe``, a file whose only change is a new mtime and whose
        content is all zeros is accepted: the residue of our own deletion, interrupted
        between overwriting and unlinking (a worker killed there).
        """
        with self._parent(item.key) as (dir_fd, name):
            before = _lstat_at(dir_fd, name, item.key)
            resuming = resume_wipe and _interrupted_wipe(item, before)
            if not resuming:
                _check_same(item, before)
            if not os.access(b".", os.W_OK, dir_fd=dir_fd, effective_ids=True):
                raise ItemAccessDenied(item.key, "its directory is not writable")
            mode = os.O_RDWR if resuming else os.O_WRONLY
            fd = _open_at(dir_fd, name, mode | _FILE_FLAGS, item.key)
            try:
                st = os.fstat(fd)
                if not (resuming and _interrupted_wipe(item, st) and _all_zeros(fd, st)):
                    _check_same(item, st)
                yield fd, dir_fd, name, st
            finally:
                os.close(fd)

    @staticmethod
    def _read(fd: int, key: str) -> bytes:
        """One chunk from the descriptor; OS errors become an ItemError for ``key``."""
        try:
            return os.read(fd, CHUNK_SIZE)
        except OSError as exc:
            raise ItemError(key, _reason(exc)) from exc
