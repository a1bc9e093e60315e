"""Fixtures for the connector tests: real trees under tmp_path, backends, an unprivileged runner."""

from __future__ import annotations

import os
import pickle
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pytest

from connectors import build_connector
from connectors.base import Connector
from connectors.files import FilesConnector, FilesOptions
from tests.moto_s3 import S3_ENV, moto_endpoint
from tests.samba import samba_server

NOBODY = 65534
T = TypeVar("T")


def _write(root: Path, key: str, data: bytes) -> Path:
    """Create (or overwrite) the file at ``key`` below ``root`` with ``data``."""
    path = root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def write() -> Callable[[Path, str, bytes], Path]:
    """A function that creates (or overwrites) the file at a key below a directory."""
    return _write


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An empty source root."""
    path = tmp_path / "root"
    path.mkdir()
    return path


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory next to the root holding a file that must never be touched."""
    path = tmp_path / "outside"
    path.mkdir()
    (path / "secret.txt").write_bytes(b"outside the root")
    return path


@pytest.fixture
def files(root: Path) -> FilesConnector:
    """A files connector on ``root``."""
    return FilesConnector(FilesOptions(name="charts", path=str(root)))


class Backend(NamedTuple):
    """A connector under test, a way to create an item in it, and its configuration."""

    connector: Connector
    put: Callable[[str, bytes], str]
    config: dict[str, Any]


def _files_backend(tmp_path: Path) -> Iterator[Backend]:
    """The local files backend."""
    root = tmp_path / "files-root"
    root.mkdir()
    config = {"name": "charts", "kind": "files", "path": str(root)}

    def put(name: str, data: bytes) -> str:
        _write(root, name, data)
        return name

    with build_connector(config) as connector:
        yield Backend(connector, put, config)


# --- S3: one moto server over HTTP on loopback for the whole session --------------------

@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> str:
    """The moto server's URL, with test credentials and region in the environment."""
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)
    return moto_endpoint()


def _s3_backend(tmp_path: Path) -> Iterator[Backend]:
    """A fresh versioned bucket on the moto server; credentials from the environment."""
    import uuid

    import boto3

    with pytest.MonkeyPatch.context() as env:
        for name, value in S3_ENV.items():
            env.setenv(name, value)
        endpoint = moto_endpoint()
        bucket = f"contract-{uuid.uuid4().hex[:12]}"
        client = boto3.client("s3", endpoint_url=endpoint)
        client.create_bucket(Bucket=bucket)
        client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        config = {"name": "archive", "kind": "s3", "bucket": bucket, "endpoint_url": endpoint}

        def put(name: str, data: bytes) -> str:
            client.put_object(Bucket=bucket, Key=name, Body=data)
            return name

        with build_connector(config) as connector:
            yield Backend(connector, put, config)


BACKENDS: dict[str, Callable[[Path], Iterator[Backend]]] = {"files": _files_backend}
BACKENDS["s3"] = _s3_backend


# --- SMB: one Samba server on a loopback port for the whole session ----------------------


def _smb_backend(tmp_path: Path) -> Iterator[Backend]:
    """A fresh folder of the session's Samba share, reached over SMB."""
    server = samba_server()
    folder = f"contract-{tmp_path.name}"
    server.mkdirs(server.share / folder)
    config = server.options(path=folder)

    def put(name: str, data: bytes) -> str:
        server.write(f"{folder}/{name}", data)
        return name

    with build_connector(config) as connector:
        yield Backend(connector, put, config)


BACKENDS["smb"] = _smb_backend


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """Every backend in turn; SMB, S3 and databases add themselves to BACKENDS."""
    yield from BACKENDS[request.param](tmp_path)


def _let_nobody_traverse(tmp_path: Path, base: Path) -> None:
    """Add o+x to tmp_path and its parents up to pytest's per-user directory."""
    for path in [tmp_path, *tmp_path.parents]:
        mode = path.stat().st_mode
        if not mode & stat.S_IXOTH:
            path.chmod(mode | stat.S_IXOTH)
        if path == base:
            return


def _run_as_nobody(fn: Callable[[], T]) -> T:
    """Run ``fn`` in a forked child with uid/gid 65534; return its result or raise its error."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            os.close(read_fd)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                result: tuple[str, Any] = ("returned", fn())
            except Exception as exc:
                result = ("raised", exc)
            with os.fdopen(write_fd, "wb") as out:
                pickle.dump(result, out)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as inp:
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged child failed"
    outcome, value = pickle.loads(data)
    if outcome == "raised":
        raise value
    return value  # type: ignore[no-any-return]


@pytest.fixture
def as_nobody(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[Callable[[], T]], T]:
    """Run a function where chmod 000 denies: as uid/gid 65534 if we are root, else as we are."""
    if os.geteuid() != 0:
        return lambda fn: fn()
    _let_nobody_traverse(tmp_path, tmp_path_factory.getbasetemp().parent)
    return _run_as_nobody
