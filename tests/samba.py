"""A real Samba server on a loopback port, for the SMB connector's tests.

:func:`running_samba` writes a private smb.conf under a fresh temporary folder, adds a local
test user (``useradd -M``, then ``smbpasswd``) when missing, starts ``smbd --foreground`` on a
free port of 127.0.0.1, waits until the port answers and stops smbd afterwards. It raises,
never skips, when Samba is not installed: CI must install it (``apt-get install samba``).
Tests write the share's content directly on disk (``SambaServer.share``) with
:meth:`SambaServer.write`, which hands the file to the test user as a real share would have it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

SMBD = shutil.which("smbd") or "/usr/sbin/smbd"
SMBPASSWD = shutil.which("smbpasswd") or "/usr/bin/smbpasswd"
USER = "expungesmb"
PASSWORD = "Clinic-Share-Test-1"
SHARE = "records"
STARTUP_SECONDS = 30

_CONF = """\
[global]
  server role = standalone server
  smb ports = {port}
  interfaces = 127.0.0.1
  bind interfaces only = yes
  disable netbios = yes
  private dir = {base}/private
  lock directory = {base}/lock
  state directory = {base}/state
  cache directory = {base}/cache
  pid directory = {base}/run
  ncalrpc dir = {base}/ncalrpc
  binddns dir = {base}/binddns
  passdb backend = tdbsam:{base}/private/passdb.tdb
  log file = {base}/log.%m
  log level = 1
  server min protocol = SMB2
  server signing = desired
  smb encrypt = desired
  map to guest = never
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes

[{share}]
  path = {base}/share
  read only = no
  browseable = yes
  valid users = {user}
"""


@dataclass(frozen=True)
class SambaServer:
    """A running smbd: where to reach it, who may log on, and the share's folder on disk."""

    host: str
    port: int
    share_name: str
    username: str
    password: str
    share: Path
    uid: int
    gid: int

    def write(self, key: str, data: bytes) -> Path:
        """Create (or overwrite) the file at ``key`` in the share, owned by the test user."""
        path = self.share / key
        self.mkdirs(path.parent)
        path.write_bytes(data)
        os.chown(path, self.uid, self.gid)
        return path

    def mkdirs(self, path: Path) -> None:
        """Create ``path`` and its missing parents inside the share, owned by the test user."""
        missing = [p for p in [path, *path.parents] if not p.exists()]
        for directory in reversed(missing):
            directory.mkdir()
            os.chown(directory, self.uid, self.gid)

    def options(self, **overrides: object) -> dict[str, object]:
        """An ``smb`` source's configuration for this server."""
        config: dict[str, object] = {
            "name": "share",
            "kind": "smb",
            "host": self.host,
            "port": self.port,
            "share": self.share_name,
            "username": self.username,
            "password": self.password,
        }
        config.update(overrides)
        return config


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ensure_user() -> pwd.struct_passwd:
    """The local test user, created without a home folder if missing."""
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "-M", "-s", "/usr/sbin/nologin", USER], check=True)
        return pwd.getpwnam(USER)


def _wait_for_port(proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Return once smbd accepts connections; raise with its log if it exits or never does."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"smbd exited with {proc.returncode}:\n{_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"smbd did not answer on port {port}:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-4000:] if log.exists() else "(no log)"


@contextmanager
def running_samba() -> Iterator[SambaServer]:
    """Start smbd on a free loopback port for the duration of the block."""
    if not os.access(SMBD, os.X_OK):
        raise RuntimeError(f"{SMBD} not found: install Samba (apt-get install -y samba)")
    user = _ensure_user()
    base = Path(tempfile.mkdtemp(prefix="expunge-samba-"))
    base.chmod(0o755)  # mkdtemp makes 0700; the test user must reach the share below it
    try:
        for sub in ("private", "lock", "state", "cache", "run", "ncalrpc", "binddns"):
            (base / sub).mkdir()
        share = base / "share"
        share.mkdir()
        os.chown(share, user.pw_uid, user.pw_gid)
        port = free_port()
        conf = base / "smb.conf"
        conf.write_text(_CONF.format(port=port, base=base, share=SHARE, user=USER))
        subprocess.run(
            [SMBPASSWD, "-c", str(conf), "-s", "-a", USER],
            input=f"{PASSWORD}\n{PASSWORD}\n".encode(),
            check=True,
            capture_output=True,
        )
        log = base / "smbd.out"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [SMBD, "--foreground", "--no-process-group", "-s", str(conf)],
                stdout=out,
                stderr=subprocess.STDOUT,
                # smbd signals its whole process group when it stops: give it its own.
                start_new_session=True,
            )
        try:
            _wait_for_port(proc, port, log)
            yield SambaServer(
                "127.0.0.1", port, SHARE, USER, PASSWORD, share, user.pw_uid, user.pw_gid
            )
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    finally:
        shutil.rmtree(base, ignore_errors=True)


_session = ExitStack()
_running: list[SambaServer] = []


def samba_server() -> SambaServer:
    """The session's Samba server, started on first use; stopped by :func:`stop_samba`."""
    if not _running:
        _running.append(_session.enter_context(running_samba()))
    return _running[0]


def stop_samba() -> None:
    """Stop the session's Samba server, if it was started."""
    _running.clear()
    _session.close()
