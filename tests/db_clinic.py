"""A clinic's database for tests: patients, visits, prescriptions, notes, access logs, members.

Built with SQLAlchemy Core on any URL (SQLite, PostgreSQL, MariaDB), seeded and deterministic.
``source_database(kind)`` yields a fresh, empty database URL of that kind and drops it after.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    text,
)

from tests.conftest import rrn

POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
MARIADB_ADMIN = "mysql+pymysql://root@127.0.0.1:3306/"
TODAY = date(2026, 11, 25)

KO_NAMES = ["김민준", "이서연", "박지훈", "최수아", "정우진", "강하은", "윤도윤", "장서윤"]
VI_NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hà", "Võ Minh Tuấn"]
EN_NAMES = ["Emily Johnson", "Michael Smith", "Sarah Williams", "David Brown"]
ADDRESSES = ["서울특별시 강남구 테헤란로 152", "서울특별시 서초구 반포대로 58",
             "Số 12 đường Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh",
             "221 Baker Street, London NW1 6XE"]
NOTES = {
    "ko": "{name} 환자, 쌍꺼풀 수술 후 경과 관찰. 연락처 {phone}. 페니실린 알레르기 있음.",
    "vi": "Bệnh nhân {name} tái khám sau phẫu thuật nâng mũi, số điện thoại {phone}.",
    "en": "Patient {name} seen for rhinoplasty follow-up; call {phone} if swelling persists.",
}


def schema() -> MetaData:
    """The clinic's tables (one without a primary key, as legacy imports often are)."""
    metadata = MetaData()
    Table("patients", metadata,
          Column("id", Integer, primary_key=True, autoincrement=False),
          Column("full_name", String(100)), Column("rrn", String(20)),
          Column("phone", String(30)), Column("email", String(100)),
          Column("address", String(200)), Column("birth_date", Date),
          Column("created_at", DateTime))
    Table("visits", metadata,
          Column("id", Integer, primary_key=True, autoincrement=False),
          Column("patient_id", Integer, ForeignKey("patients.id"), index=True),
          Column("visit_date", Date), Column("notes", Text), Column("total_price", Integer))
    Table("prescriptions", metadata,
          Column("id", Integer, primary_key=True, autoincrement=False),
          Column("visit_id", Integer, ForeignKey("visits.id"), index=True),
          Column("issued_at", Date), Column("drug", String(100)), Column("order_no", String(30)))
    Table("access_logs", metadata,
          Column("id", Integer, primary_key=True, autoincrement=False),
          Column("accessed_at", DateTime), Column("ip", String(45)),
          Column("path", String(200)), Column("extra", JSON))
    Table("legacy_import", metadata, Column("name", String(100)), Column("rrn", String(20)))
    return metadata


@dataclass
class Estate:
    """What was seeded: counts and the raw values no catalog row may contain."""

    url: str
    patients: int
    visits: int
    old_visits: int
    prescriptions: int
    old_prescriptions: int
    access_logs: int
    old_access_logs: int
    secrets: list[str] = field(default_factory=list)


def seed(url: str, patients: int = 60, seed_value: int = 7) -> Estate:
    """Create the schema and fill it; a third of visits are older than ten years."""
    rng = random.Random(seed_value)
    metadata = schema()
    engine = create_engine(url)
    metadata.create_all(engine)
    estate = Estate(url, patients, 0, 0, 0, 0, 0, 0)
    rows = _rows(rng, patients, estate)
    with engine.begin() as connection:
        for name, values in rows.items():
            if values:
                connection.execute(insert(metadata.tables[name]), values)
    engine.dispose()
    return estate


def _patient(rng: random.Random, i: int) -> dict[str, object]:
    name = rng.choice(KO_NAMES + VI_NAMES + EN_NAMES)
    born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
    body = f"{born:%y%m%d}{rng.choice('12')}{rng.randrange(10**5):05d}"
    return {"id": i, "full_name": name, "rrn": rrn(body),
            "phone": f"010-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
            "email": f"patient{i}@example.org", "address": rng.choice(ADDRESSES),
            "birth_date": born, "created_at": datetime(2012, 1, 1) + timedelta(days=i)}


def _rows(rng: random.Random, patients: int, estate: Estate) -> dict[str, list[dict[str, object]]]:
    rows: dict[str, list[dict[str, object]]] = {
        "patients": [], "visits": [], "prescriptions": [], "access_logs": [], "legacy_import": []}
    for i in range(1, patients + 1):
        patient = _patient(rng, i)
        rows["patients"].append(patient)
        estate.secrets += [str(patient["rrn"]), str(patient["phone"]), str(patient["email"])]
        for _ in range(2):
            _visit(rng, patient, rows, estate)
    for i in range(1, 4 * patients + 1):
        old = i % 2 == 0
        at = datetime(2026, 11, 20) - timedelta(days=200 if old else 10, minutes=i)
        rows["access_logs"].append({"id": i, "accessed_at": at, "path": f"/booking/{i}",
                                    "ip": f"10.{i % 200}.{i % 100}.{i % 250 + 1}",
                                    "extra": {"agent": "Mozilla/5.0", "status": 200}})
        estate.access_logs += 1
        estate.old_access_logs += old
    rows["legacy_import"] = [{"name": p["full_name"], "rrn": p["rrn"]}
                             for p in rows["patients"][:5]]
    return rows


def _visit(rng: random.Random, patient: dict[str, object],
           rows: dict[str, list[dict[str, object]]], estate: Estate) -> None:
    visit_id = len(rows["visits"]) + 1
    old = visit_id % 3 == 0
    day = TODAY - timedelta(days=(11 * 365 if old else rng.randrange(30, 3 * 365)))
    language = rng.choice(sorted(NOTES))
    notes = NOTES[language].format(name=patient["full_name"], phone=patient["phone"])
    rows["visits"].append({"id": visit_id, "patient_id": patient["id"], "visit_date": day,
                           "notes": notes, "total_price": rng.randrange(100, 9000) * 1000})
    estate.visits += 1
    estate.old_visits += old
    issued = day + timedelta(days=1)
    rx_old = issued < date(2024, 11, 26)  # two years before TODAY, inclusive
    rows["prescriptions"].append({"id": visit_id, "visit_id": visit_id, "issued_at": issued,
                                  "drug": rng.choice(["Amoxicillin 500mg", "아세트아미노펜",
                                                      "Paracetamol 500mg"]),
                                  "order_no": f"ORD-{2024000 + visit_id}"})
    estate.prescriptions += 1
    estate.old_prescriptions += rx_old


@contextmanager
def source_database(kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database of ``kind`` (sqlite, postgres, mariadb); dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / f'emr-{uuid.uuid4().hex[:6]}.db'}"
        return
    name = f"expunge_src_{uuid.uuid4().hex[:10]}"
    admin_url = POSTGRES_ADMIN if kind == "postgres" else MARIADB_ADMIN
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    quote = '"' if kind == "postgres" else "`"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {quote}{name}{quote}"))
    try:
        if kind == "postgres":
            yield POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
        else:
            yield f"{MARIADB_ADMIN}{name}?charset=utf8mb4"
    finally:
        drop = f"DROP DATABASE IF EXISTS {quote}{name}{quote}"
        with admin.connect() as connection:
            connection.execute(text(drop + (" WITH (FORCE)" if kind == "postgres" else "")))
        admin.dispose()


def scalar(url: str, sql: str) -> Any:
    """The one value a query returns, read on a connection of its own."""
    engine = create_engine(url)
    with engine.connect() as connection:
        value = connection.execute(text(sql)).scalar_one()
    engine.dispose()
    return value


def column(url: str, sql: str) -> list[Any]:
    """The first column of every row a query returns."""
    engine = create_engine(url)
    with engine.connect() as connection:
        values = list(connection.execute(text(sql)).scalars())
    engine.dispose()
    return values
