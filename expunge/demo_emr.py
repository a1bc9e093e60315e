"""The demo clinic's EMR: a SQLite database of patients, visits, prescriptions, access logs.

Deterministic like :mod:`expunge.demo_data` (same fake patients), dated relative to ``today``
so that some rows are always past their retention.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import (
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
)

from expunge.demo_data import DRUGS, PROCEDURES, Patient, patient

NOTES = {
    "ko": "{name} 환자 {procedure} 후 경과 관찰, 연락처 {phone}.",
    "vi": "Bệnh nhân {name} tái khám sau {procedure}, số điện thoại {phone}.",
    "en": "Patient {name} seen after {procedure}; call {phone} if swelling persists.",
}


def schema() -> MetaData:
    """Patients, their visits (with free-text notes), prescriptions and website access logs."""
    metadata = MetaData()
    Table("patients", metadata, Column("id", Integer, primary_key=True),
          Column("full_name", String(100)), Column("rrn", String(20)),
          Column("phone", String(30)), Column("email", String(100)),
          Column("birth_date", Date), Column("created_at", DateTime))
    Table("visits", metadata, Column("id", Integer, primary_key=True),
          Column("patient_id", Integer, ForeignKey("patients.id"), index=True),
          Column("visit_date", Date), Column("notes", Text), Column("price_krw", Integer))
    Table("prescriptions", metadata, Column("id", Integer, primary_key=True),
          Column("visit_id", Integer, ForeignKey("visits.id"), index=True),
          Column("issued_on", Date), Column("drug", String(100)), Column("order_no", String(20)))
    Table("access_logs", metadata, Column("id", Integer, primary_key=True),
          Column("accessed_at", DateTime), Column("ip", String(45)), Column("path", String(100)))
    return metadata


def _patient_row(index: int, person: Patient, rng: random.Random) -> dict[str, object]:
    born = date(1950 + int(person.rrn[:2]) % 50, int(person.rrn[2:4]), int(person.rrn[4:6]))
    return {"id": index, "full_name": person.name, "rrn": person.rrn, "phone": person.phone,
            "email": person.email.replace("@", f".emr{index}@"), "birth_date": born,
            "created_at": datetime(2013, 1, 1) + timedelta(days=rng.randrange(2000))}


def _visit_rows(rows: dict[str, list[dict[str, object]]], index: int, person: Patient,
                rng: random.Random, today: date) -> None:
    for _ in range(3):
        visit_id = len(rows["visits"]) + 1
        day = today - timedelta(days=rng.randrange(30, 13 * 365))
        note = NOTES[person.language].format(name=person.name, phone=person.phone,
                                             procedure=rng.choice(PROCEDURES))
        rows["visits"].append({"id": visit_id, "patient_id": index, "visit_date": day,
                               "notes": note, "price_krw": rng.randrange(50, 900) * 10_000})
        rows["prescriptions"].append({
            "id": visit_id, "visit_id": visit_id, "issued_on": day,
            "drug": rng.choice(DRUGS), "order_no": f"RX-{day:%Y%m%d}-{visit_id:04d}"})


def generate_emr(path: Path, seed: int, today: date) -> int:
    """Write the EMR database at ``path``; return how many rows it holds."""
    rng = random.Random(seed + 1)
    rows: dict[str, list[dict[str, object]]] = {
        "patients": [], "visits": [], "prescriptions": [], "access_logs": []}
    for index in range(1, 31):
        person = patient(rng, index)
        rows["patients"].append(_patient_row(index, person, rng))
        _visit_rows(rows, index, person, rng, today)
    now = datetime(today.year, today.month, today.day, tzinfo=UTC).replace(tzinfo=None)
    for index in range(1, 201):
        rows["access_logs"].append({
            "id": index, "accessed_at": now - timedelta(hours=rng.randrange(1, 24 * 200)),
            "ip": f"203.0.113.{rng.randrange(1, 255)}", "path": "/reservation"})
    metadata = schema()
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    with engine.begin() as connection:
        for name, values in rows.items():
            connection.execute(insert(metadata.tables[name]), values)
    engine.dispose()
    return sum(len(values) for values in rows.values())
