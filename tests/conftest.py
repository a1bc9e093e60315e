"""Shared fixtures: real catalogs (SQLite and PostgreSQL), a seeded clinic folder, the CLI.

Service fixtures fail, never skip, when the service is missing: CI must run them.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from tests.moto_s3 import stop_moto
from tests.samba import stop_samba

POSTGRES_ADMIN_URL = os.environ.get(
    "EXPUNGE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("EXPUNGE_TEST_REDIS", "redis://127.0.0.1:6379/15")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"expunge_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def catalog_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each catalog test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.db'}"
    return str(request.getfixturevalue("postgres_url"))


def rrn(body12: str) -> str:
    """Complete 12 digits into a checksum-valid RRN, formatted YYMMDD-NNNNNNN."""
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    check = (11 - sum(int(d) * w for d, w in zip(body12, weights, strict=True)) % 11) % 10
    return f"{body12[:6]}-{body12[6:]}{check}"


@dataclass
class Clinic:
    """A folder of documents seeded with known fake identifiers."""

    root: Path
    secrets: list[str]


@pytest.fixture
def clinic(tmp_path: Path) -> Clinic:
    """Charts (old and new), prescriptions, a corrupt PDF and an unrelated note."""
    root = tmp_path / "clinic"
    rrn_a, rrn_b, rrn_c = rrn("850315123456"), rrn("920704276543"), rrn("770101134567")
    phone, email = "010-9876-5432", "kim.minjun@example.org"
    files = {
        "charts/old-chart.txt": f"환자명: 김민준\n주민등록번호는 {rrn_a}\n연락처: {phone}\n",
        "charts/new-chart.txt": f"Bệnh nhân: Nguyễn Văn An\nSố đăng ký: {rrn_b}\n",
        "rx/old-rx.txt": f"처방전\n환자: {rrn_c}\nE-mail: {email}\n",
        "rx/new-rx.txt": f"처방전\n환자 연락처 {phone}\n",
        "inbox/broken.pdf": "%PDF-1.4\n garbage without structure",
        "notes/readme.txt": "Opening hours 09:00-18:00, closed on Sundays.\n",
    }
    old = 1_262_304_000  # 2010-01-01
    for key, content in files.items():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        if "old" in key:
            os.utime(path, (old, old))
    return Clinic(root, [rrn_a, rrn_b, rrn_c, rrn_a.replace("-", ""), phone, email])


def write_config(path: Path, catalog: str, root: Path, **extra: Any) -> Path:
    """An expunge.yaml for the clinic folder with the usual bindings."""
    data: dict[str, Any] = {
        "catalog": catalog,
        "broker": "embedded",
        "rules": ["kr-medical"],
        "sources": [{"name": "clinic", "kind": "files", "path": str(root)}],
        "bindings": [
            {"source": "clinic", "path": "charts/**", "clock": "mtime",
             "category": "medical_record", "action": "delete"},
            {"source": "clinic", "path": "rx/**", "clock": "mtime", "category": "prescription"},
        ],
        "certificates_dir": str(path.parent / "certificates"),
    }
    data.update(extra)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@dataclass
class Cli:
    """Runs `expunge` in-process with a given configuration file."""

    config: Path

    def __call__(self, *args: str, expect: int | None = 0) -> Any:
        from expunge.cli import app

        result = CliRunner().invoke(app, ["--config", str(self.config), "--user", "tester",
                                          *args], catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, result.output
        return result

    def json(self, *args: str, expect: int | None = 0) -> Any:
        return json.loads(self(*args, "--format", "json", expect=expect).stdout)


@pytest.fixture
def cli(tmp_path: Path, catalog_url: str, clinic: Clinic) -> Cli:
    return Cli(write_config(tmp_path / "expunge.yaml", catalog_url, clinic.root))


@pytest.fixture
def make_config() -> Any:
    """write_config(path, catalog_url, root, **extra) -> path of a clinic configuration."""
    return write_config


@pytest.fixture
def redis_url() -> str:
    return REDIS_URL


@pytest.fixture
def rrn_of() -> Any:
    """rrn_of('850315123456') -> '850315-1234561' with a valid check digit."""
    return rrn


@pytest.fixture(scope="session", autouse=True)
def _stop_services() -> Iterator[None]:
    """Stop the session's Samba and moto servers, if a test started them."""
    yield
    stop_samba()
    stop_moto()
