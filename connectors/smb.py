"""Windows file shares (SMB 2/3, smbprotocol): list, read and destroy the files under a share.

Keys are POSIX paths relative to ``\\\\host\\share\\path`` (``rx/2016/scan.pdf``), escaped like
:mod:`connectors.files` keys: SMB names are UTF-16, so a name holding a lone surrogate (legal
on NTFS) is encoded as WTF-8 and its bytes escaped by :func:`~connectors.files.bytes_to_key`.

Fingerprint. ``"<size>:<mtime_ns>:<file_id>"``, the mtime truncated to microseconds: Samba
answers a directory query with microsecond times but a file query with 100 ns ones, and the
listing and the check before a deletion must agree.

Port. smbclient's ``DirEntry.stat()`` ignores a non-default port (it reconnects to 445), so the
listing reads what the directory query already returned and every other call passes this
source's port, credentials and private connection cache explicitly.

Safety. Reparse points (symbolic links, junctions) are reported, never followed: every open
asks for ``FILE_OPEN_REPARSE_POINT`` and refuses what turns out to be one. A Samba server
follows links itself (by default only inside the share, ``wide links = no``) and hides links
leading out of it; a link inside the share shows as a second name of the same file, so a
file id seen twice is listed once and the other names are reported, never overwritten
through. Keys with ``..``, ``\\`` or ``:`` (alternate data streams) are refused.
"""

from __future__ import annotations

import ntpath
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import smbclient
from pydantic import Field, SecretStr, field_validator
from smbclient._io import SMBDirectoryIO, SMBFileIO, SMBFileTransaction, query_info, set_info
from smbprotocol.exceptions import (
    SMBAuthenticationError,
    SMBConnectionClosed,
    SMBException,
    SMBOSError,
    SMBResponseException,
)
from smbprotocol.file_info import (
    FileAttributes,
    FileBasicInformation,
    FileDispositionInformation,
    FileInformationClass,
    FileInternalInformation,
    FileStandardInformation,
)
from smbprotocol.header import NtStatus
from smbprotocol.open import CreateOptions, FilePipePrinterAccessMask

from connectors.base import CHUNK_SIZE, Connector, ConnectorOptions, Item, ListingError
from connectors.errors import (
    AccessDenied,
    ConnectorError,
    DeletionFailed,
    ItemAccessDenied,
    ItemChanged,
    ItemError,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)
from connectors.files import Excluder, _key_parts, bytes_to_key, glob_to_regex

_EPOCH_FILETIME = 116444736000000000  # 1970-01-01 in 100 ns ticks since 1601-01-01
_REPARSE = FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT
_DIRECTORY = FileAttributes.FILE_ATTRIBUTE_DIRECTORY
_NOT_FOLLOWED = "reparse point (symbolic link or junction) not followed"
_ZEROS = bytes(CHUNK_SIZE)
_STATUS_IO_REPARSE_TAG_NOT_HANDLED = 0xC0000279

_VANISHED = {
    NtStatus.STATUS_OBJECT_NAME_NOT_FOUND,
    NtStatus.STATUS_OBJECT_PATH_NOT_FOUND,
    NtStatus.STATUS_NO_SUCH_FILE,
    NtStatus.STATUS_DELETE_PENDING,
    NtStatus.STATUS_NOT_A_DIRECTORY,
}
_UNREACHABLE = {
    NtStatus.STATUS_BAD_NETWORK_NAME,
    NtStatus.STATUS_NETWORK_NAME_DELETED,
    NtStatus.STATUS_USER_SESSION_DELETED,
    NtStatus.STATUS_IO_TIMEOUT,
}
_LOGON = {
    NtStatus.STATUS_LOGON_FAILURE,
    NtStatus.STATUS_WRONG_PASSWORD,
    NtStatus.STATUS_PASSWORD_EXPIRED,
    0xC0000072,  # STATUS_ACCOUNT_DISABLED
    0xC000006E,  # STATUS_ACCOUNT_RESTRICTION
    0xC0000234,  # STATUS_ACCOUNT_LOCKED_OUT
}


class SmbOptions(ConnectorOptions):
    """Settings of a ``kind: smb`` source: a folder on a Windows (or Samba) file share."""

    kind: Literal["smb"] = Field("smb", description="Always `smb` for this connector.")
    host: str = Field(description="The file server's host name or address.")
    port: int = Field(445, ge=1, le=65535, description="The server's SMB port.")
    share: str = Field(description="The share's name, e.g. `records` for `\\\\host\\records`.")
    path: str = Field(
        "",
        description="A folder inside the share to use as the root (`scans/2016`); keys are"
        " relative to it. Empty: the whole share.",
    )
    domain: str = Field("", description="The account's domain (NTLM), empty for a local account.")
    username: str = Field(description="The account that reads and deletes, e.g. `scanner`.")
    password: SecretStr = Field(
        description="Its password; write `${VAR}` to take it from the environment."
    )
    encrypt: bool | None = Field(
        None,
        description="`true` requires SMB 3 encryption (fails against a server without it);"
        " unset: encrypted whenever the server asks for it (Samba `smb encrypt = desired`).",
    )
    timeout: float = Field(30, gt=0, description="Seconds to wait for the server to connect.")
    exclude: list[str] = Field(
        default_factory=list,
        description="Globs on the relative key that are neither listed nor walked, e.g."
        " `**/~$*` or `Thumbs.db`. A glob without `/` matches a name at any depth.",
    )

    @field_validator("exclude")
    @classmethod
    def _globs_compile(cls, patterns: list[str]) -> list[str]:
        """Reject a glob that cannot be compiled, naming it."""
        for pattern in patterns:
            glob_to_regex(pattern)
        return patterns

    @field_validator("path")
    @classmethod
    def _plain_folder(cls, path: str) -> str:
        """A relative folder inside the share, with `/` or `\\` separators and no `..`."""
        parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
        if ".." in parts or any(":" in p for p in parts):
            raise ValueError(f"{path!r} must be a folder inside the share, without `..`")
        return "/".join(parts)


# --- helpers ------------------------------------------------------------------------------


def _status(exc: BaseException) -> int | None:
    """The NTSTATUS of an smbprotocol error, if it carries one."""
    if isinstance(exc, SMBOSError):
        return int(exc.ntstatus)
    if isinstance(exc, SMBResponseException):
        return int(exc.status)
    return None


def _source_error(exc: BaseException, where: str) -> ConnectorError | None:
    """The source-level error (unreachable, logon refused) ``exc`` stands for, if any."""
    status = _status(exc)
    if isinstance(exc, SMBAuthenticationError) or status in _LOGON:
        return AccessDenied(f"{where}: logon refused")
    if status in _UNREACHABLE:
        return SourceUnreachable(f"{where}: share not available (0x{status:08x})")
    if isinstance(exc, SMBConnectionClosed | ConnectionError | TimeoutError):
        return SourceUnreachable(f"{where}: connection failed or closed")
    if isinstance(exc, ValueError) and "connect" in str(exc).lower():
        return SourceUnreachable(f"{where}: cannot connect")  # smbprotocol's connect failure
    if isinstance(exc, OSError) and status is None:
        return SourceUnreachable(f"{where}: network error ({type(exc).__name__})")
    return None


def _item_error(exc: Exception, key: str) -> ItemError:
    """Map an smbprotocol error on one item to our tree (the message never holds content)."""
    status = _status(exc)
    if status in _VANISHED:
        return ItemVanished(key, "no longer exists")
    if status == NtStatus.STATUS_ACCESS_DENIED:
        return ItemAccessDenied(key, "permission denied")
    if status == NtStatus.STATUS_SHARING_VIOLATION:
        return ItemError(key, "sharing violation: the file is open in another program")
    if status == NtStatus.STATUS_FILE_IS_A_DIRECTORY:
        return ItemChanged(key, "is now a directory")
    if status in (NtStatus.STATUS_STOPPED_ON_SYMLINK, _STATUS_IO_REPARSE_TAG_NOT_HANDLED):
        return PathEscapesRoot(key, _NOT_FOLLOWED)
    if status is not None:
        return ItemError(key, f"SMB error 0x{status:08x}")
    return ItemError(key, type(exc).__name__)


def _filetime_ns(raw: Any) -> int:
    """A FILETIME field's value as nanoseconds since the epoch, truncated to microseconds."""
    ticks = int.from_bytes(raw.pack(), "little")
    return (ticks - _EPOCH_FILETIME) // 10 * 1000


def _modified(mtime_ns: int) -> datetime:
    """The mtime as a timezone-aware UTC datetime."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=mtime_ns // 1000)


def _name_to_key(rel: str) -> str:
    """A relative path from UTF-16 names (lone surrogates kept) as a key."""
    return bytes_to_key(rel.encode("utf-8", "surrogatepass"))


def _key_to_names(key: str) -> list[str]:
    """The SMB names of a key's components; refuses anything but a plain relative path."""
    parts = _key_parts(key)
    try:
        names = [part.decode("utf-8", "surrogatepass") for part in parts]
    except UnicodeDecodeError as exc:
        raise ItemError(key, "not a valid key") from exc
    if any("\\" in name or ":" in name for name in names):
        raise PathEscapesRoot(key, "not a plain relative path inside the root")
    return names


class _Entry:
    """What a directory query says about one name."""

    __slots__ = ("name", "attributes", "size", "mtime_ns", "file_id")

    def __init__(self, info: Any) -> None:
        self.name: str = info["file_name"].get_value().decode("utf-16-le", "surrogatepass")
        self.attributes = int(info["file_attributes"].get_value())
        self.size = int(info["end_of_file"].get_value())
        self.mtime_ns = _filetime_ns(info["last_write_time"])
        self.file_id = int(info["file_id"].get_value())


_Node = str | Item | ListingError


class SmbConnector(Connector):
    """The files of one folder of an SMB share, reached with smbprotocol's smbclient."""

    kind = "smb"
    Options = SmbOptions
    options: SmbOptions

    def __init__(self, options: ConnectorOptions) -> None:
        super().__init__(options)
        options = self.options
        self.excluded = Excluder(options.exclude)
        root = rf"\\{options.host}\{options.share}"
        self.root = ntpath.join(root, *options.path.split("/")) if options.path else root
        self._cache: dict[str, Any] = {}  # this source's own connections, closed by close()
        user = f"{options.domain}\\{options.username}" if options.domain else options.username
        self._kwargs: dict[str, Any] = {
            "username": user,
            "password": options.password.get_secret_value(),
            "port": options.port,
            "encrypt": options.encrypt,
            "connection_timeout": options.timeout,
            "connection_cache": self._cache,
        }
        self._where = f"{options.name}: {root} port {options.port}"

    # --- the Connector API ------------------------------------------------------------------

    def list_items(self) -> Iterator[Item | ListingError]:
        """Walk the share iteratively in key order; reparse points and repeated files are errors."""
        self._connect()
        seen: dict[int, str] = {}
        stack: list[_Node] = [""]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                stack.extend(reversed(self._expand(node, seen)))
            else:
                yield node

    def open_stream(self, item: Item) -> Iterator[bytes]:
        """Yield the file's content in chunks from one handle that leaves others only reading."""
        raw = self._file(item.key, "r", share_access="r")
        with self._boundary(item.key):
            raw.open()
        try:
            with self._boundary(item.key):
                if raw.fd.file_attributes & _REPARSE:
                    raise PathEscapesRoot(item.key, _NOT_FOLLOWED)
            while True:
                with self._boundary(item.key):
                    chunk = raw.read(CHUNK_SIZE)
                if not chunk:
                    return
                yield chunk
        finally:
            with self._boundary(item.key):
                raw.close()

    def delete(self, item: Item) -> None:
        """Overwrite the file with zeros, delete it on close, and verify that its key is gone.

        Does nothing if the file is already gone; refuses (ItemChanged) if it no longer matches
        ``item.fingerprint``. One handle, opened without sharing, is used to check the
        fingerprint, overwrite, flush, put the old times back (a retry after a crash before the
        deletion still matches) and mark the file for deletion, so nothing can swap the file
        in between. As on local disks, overwriting cannot reach old copies a server keeps
        (Windows Previous Versions/VSS snapshots, copy-on-write file systems, SSD wear
        levelling); the server's disk encryption or snapshot policy must cover those.
        """
        try:
            self._destroy(item)
        except ItemVanished:
            return
        if self.exists(item):
            raise DeletionFailed(item.key, "still present after deletion")

    def replace(self, item: Item, data: bytes) -> Item:
        """Put ``data`` at the item's key in place of its content; return the new item.

        One handle, opened without sharing, checks the fingerprint (ItemChanged if the file
        differs), overwrites the whole old content with zeros and flushes, then writes
        ``data`` from the start, truncates the file to its length and flushes. The file keeps
        its id, so the new fingerprint differs only by size and modification time, which is
        read back after the handle is closed (servers may set the write time on close). The
        caveats of :meth:`delete` about snapshots and copy-on-write storage apply.
        """
        with self._exclusive(item) as (raw, _, size):
            try:
                self._rewrite(raw, size, data, item.key)
            except ItemError as exc:
                raise DeletionFailed(item.key, f"rewrite failed: {exc.reason}") from exc
        return self._current(item)

    def exists(self, item: Item) -> bool:
        """Whether anything is at the item's key (a fresh lookup, links not followed)."""
        path = self._path(item.key)
        try:
            with self._boundary(item.key):
                smbclient.stat(path, follow_symlinks=False, **self._kwargs)
        except ItemVanished:
            return False
        return True

    def close(self) -> None:
        """Log off and disconnect this source's connections."""
        smbclient.reset_connection_cache(fail_on_error=False, connection_cache=self._cache)

    @property
    def encrypted(self) -> bool:
        """Whether the current session encrypts its messages (connects if needed)."""
        return bool(self._connect().encrypt_data)

    # --- internals --------------------------------------------------------------------------

    def _connect(self) -> Any:
        """The session (registered once per connection); source-level errors if refused."""
        try:
            return smbclient.register_session(self.options.host, **self._kwargs)
        except Exception as exc:
            raise self._source_or(exc, SourceUnreachable(f"{self._where}: cannot log on")) from exc

    def _source_or(self, exc: Exception, default: ConnectorError) -> ConnectorError:
        return _source_error(exc, self._where) or default

    def _boundary(self, key: str) -> _Boundary:
        return _Boundary(self, key)

    def _path(self, key: str) -> str:
        """The UNC path of a key, refusing keys that are not plain relative paths."""
        return ntpath.join(self.root, *_key_to_names(key))

    def _file(self, key: str, mode: str, **kwargs: Any) -> Any:
        """An unopened handle on a key's file that never follows a reparse point."""
        path = self._path(key)
        with self._boundary(key):
            return SMBFileIO(
                path,
                mode=mode,
                create_options=CreateOptions.FILE_OPEN_REPARSE_POINT,
                **kwargs,
                **self._kwargs,
            )

    def _expand(self, rel: str, seen: dict[int, str]) -> list[_Node]:
        """The sorted children of one folder: subfolders to walk, items, errors."""
        key = _name_to_key(rel)
        path = ntpath.join(self.root, *rel.split("/")) if rel else self.root
        try:
            entries = self._scan(path)
        except Exception as exc:
            source = _source_error(exc, self._where)
            if source is not None or not rel:
                root_error = _item_error(exc, key or ".")
                raise source or (
                    AccessDenied(f"{self._where}: root folder not readable")
                    if isinstance(root_error, ItemAccessDenied)
                    else SourceUnreachable(f"{self._where}: root folder: {root_error.reason}")
                ) from exc
            return [ListingError(key, _item_error(exc, key).reason)]
        prefix = rel + "/" if rel else ""
        children: list[tuple[str, _Node]] = []
        for entry in sorted(entries, key=lambda e: e.name):
            child = prefix + entry.name
            node = self._classify(child, entry, seen)
            if node is not None:
                children.append((_name_to_key(child), node))
        return [node for _, node in children]

    def _scan(self, path: str) -> list[_Entry]:
        """One folder's entries from a single directory query (no per-entry round trip)."""
        entries: list[_Entry] = []
        with SMBDirectoryIO(path, share_access="rwd", **self._kwargs) as fd:
            infos = fd.query_directory("*", FileInformationClass.FILE_ID_FULL_DIRECTORY_INFORMATION)
            for info in infos:
                entry = _Entry(info)
                if entry.name not in (".", ".."):
                    entries.append(entry)
        return entries

    def _classify(self, rel: str, entry: _Entry, seen: dict[int, str]) -> _Node | None:
        """The node for one entry, or None if it is excluded."""
        key = _name_to_key(rel)
        is_dir = bool(entry.attributes & _DIRECTORY)
        if self.excluded(key, is_dir and not entry.attributes & _REPARSE):
            return None
        if entry.attributes & _REPARSE:
            return ListingError(key, _NOT_FOLLOWED, skipped=True)
        if is_dir:
            return rel
        if entry.file_id:
            first = seen.setdefault(entry.file_id, key)
            if first != key:
                return ListingError(key, f"same file as {first!r} (a link), not listed twice",
                                    skipped=True)
        fingerprint = f"{entry.size}:{entry.mtime_ns}:{entry.file_id}"
        return Item(key, "file", fingerprint, entry.size, _modified(entry.mtime_ns))

    def _destroy(self, item: Item) -> None:
        """Check, overwrite and delete through one exclusive handle."""
        delete_access = FilePipePrinterAccessMask.DELETE
        with self._exclusive(item, delete_access, resume_wipe=True) as (raw, basic, size):
            try:
                self._overwrite_and_mark(raw, basic, size, item.key)
            except ItemError as exc:
                raise DeletionFailed(
                    item.key, f"overwrite or deletion failed: {exc.reason}"
                ) from exc

    @contextmanager
    def _exclusive(self, item: Item, extra_access: int = 0, resume_wipe: bool = False,
                   ) -> Iterator[tuple[Any, Any, int]]:
        """One handle nobody may share, proven to be the approved file: (handle, times, size)."""
        access = (
            FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES
            | FilePipePrinterAccessMask.FILE_WRITE_ATTRIBUTES
            | FilePipePrinterAccessMask.FILE_READ_DATA
            | FilePipePrinterAccessMask.FILE_WRITE_DATA
            | extra_access
        )
        raw = self._file(item.key, "r+", share_access="", desired_access=access)
        with self._boundary(item.key):
            raw.open()
        try:
            with self._boundary(item.key):
                basic, size = self._check_same(raw, item, resume_wipe)
            yield raw, basic, size
        finally:
            with self._boundary(item.key):
                raw.close()

    def _rewrite(self, raw: Any, size: int, data: bytes, key: str) -> None:
        """Zeros over the old content (flushed), then ``data``, truncated to its length."""
        with self._boundary(key):
            _zero_fill(raw, size)
            raw.seek(0)
            view = memoryview(data)
            while view:
                view = view[raw.write(view[:CHUNK_SIZE]) :]
            raw.truncate(len(data))
            raw.flush()

    def _current(self, item: Item) -> Item:
        """The item at ``item``'s key as it is now (a fresh handle, only reading attributes)."""
        raw = self._file(
            item.key,
            "r",
            share_access="rwd",
            desired_access=FilePipePrinterAccessMask.FILE_READ_ATTRIBUTES,
        )
        with self._boundary(item.key):
            raw.open()
            try:
                _, size, mtime_ns, file_id = self._query(raw, item)
            finally:
                raw.close()
        fingerprint = f"{size}:{mtime_ns}:{file_id}"
        return Item(item.key, "file", fingerprint, size, _modified(mtime_ns), item.metadata)

    @classmethod
    def _check_same(cls, raw: Any, item: Item, resume_wipe: bool = False) -> tuple[Any, int]:
        """Refuse (ItemChanged) unless the open file is the one listed; its times and size.

        With ``resume_wipe``, the same file (id and size) holding only zeros is accepted
        whatever its write time: the residue of our deletion, interrupted after overwriting.
        """
        basic, size, mtime_ns, file_id = cls._query(raw, item)
        if f"{size}:{mtime_ns}:{file_id}" == item.fingerprint:
            return basic, size
        listed_size, _, listed_id = item.fingerprint.split(":")
        same_file = (str(size), str(file_id)) == (listed_size, listed_id)
        if resume_wipe and same_file and _all_zeros(raw, size):
            return basic, size
        raise ItemChanged(item.key, "changed since it was listed (fingerprint differs)")

    @staticmethod
    def _query(raw: Any, item: Item) -> tuple[Any, int, int, int]:
        """(basic information, size, mtime in ns, file id) of an open regular file."""
        with SMBFileTransaction(raw) as transaction:
            query_info(transaction, FileBasicInformation)
            query_info(transaction, FileInternalInformation)
            query_info(transaction, FileStandardInformation)
        basic, internal, standard = transaction.results
        attributes = int(basic["file_attributes"].get_value())
        if attributes & _REPARSE:
            raise PathEscapesRoot(item.key, _NOT_FOLLOWED)
        if attributes & _DIRECTORY:
            raise ItemChanged(item.key, "no longer a regular file")
        size = int(standard["end_of_file"].get_value())
        mtime_ns = _filetime_ns(basic["last_write_time"])
        file_id = int(internal["index_number"].get_value())
        return basic, size, mtime_ns, file_id

    def _overwrite_and_mark(self, raw: Any, basic: Any, size: int, key: str) -> None:
        """Write zeros over the whole file, flush, restore its times, mark it deleted on close."""
        with self._boundary(key):
            _zero_fill(raw, size)
            times = FileBasicInformation()
            for name in ("creation_time", "last_access_time", "last_write_time", "change_time"):
                times[name] = basic[name].get_value()
            times["file_attributes"] = 0  # 0: leave the attributes unchanged
            disposition = FileDispositionInformation()
            disposition["delete_pending"] = True
            with SMBFileTransaction(raw) as transaction:
                set_info(transaction, times)
                set_info(transaction, disposition)


class _Boundary:
    """Maps smbprotocol errors raised inside the block to our tree, for one key."""

    def __init__(self, connector: SmbConnector, key: str) -> None:
        self.connector = connector
        self.key = key

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> None:
        if exc is None or isinstance(exc, ConnectorError) or not isinstance(exc, Exception):
            return
        if isinstance(exc, SMBException | OSError | ValueError):
            source = _source_error(exc, self.connector._where)
            raise (source or _item_error(exc, self.key)) from exc


def _all_zeros(raw: Any, size: int) -> bool:
    """Whether the open file holds nothing but zeros (what our overwrite leaves)."""
    raw.seek(0)
    remaining = size
    while remaining > 0:
        chunk = raw.read(min(CHUNK_SIZE, remaining))
        if not chunk or bytes(chunk).count(0) != len(chunk):
            return False
        remaining -= len(chunk)
    return True


def _zero_fill(raw: Any, size: int) -> None:
    """Write zeros over the first ``size`` bytes of the open file and flush them."""
    raw.seek(0)
    written = 0
    while written < size:
        written += raw.write(_ZEROS[: min(CHUNK_SIZE, size - written)])
    raw.flush()
