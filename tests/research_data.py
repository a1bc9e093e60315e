"""A research-shaped clinic table for the export tests: demographics, visits, diagnoses,
identifiers, notes; ``skewed`` piles most patients into one district and adds lone outliers."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text, create_engine, insert

from tests.db_clinic import ADDRESSES, KO_NAMES, VI_NAMES, rrn

KEY = "0123456789abcdef0123456789abcdef"
OTHER_KEY = "fedcba9876543210fedcba9876543210"
DISTRICTS = ADDRESSES[:3] + ["부산광역시 해운대구 우동 1408",
                             "Số 3 Phố Huế, quận Hai Bà Trưng, Hà Nội",
                             "경기도 성남시 분당구 판교역로 235"]
DIAGNOSES = ["rhinoplasty", "blepharoplasty", "liposuction", "facelift", "mammoplasty"]

PROFILES: dict[str, dict[str, Any]] = {
    "issue": {"k": 5, "l": 2, "max_suppression": 0.05, "columns": {
        "patient_name": "identifier", "rrn": "identifier", "phone": "identifier",
        "patient_no": {"role": "identifier", "pseudonymize": True},
        "birth_date": {"role": "quasi", "generalize": "year"}, "sex": "quasi",
        "address": {"role": "quasi", "generalize": "address"},
        "visit_date": {"role": "quasi", "shift_days": 30},
        "diagnosis": "sensitive"}},
    "strict": {"k": 10, "l": 3, "max_suppression": 0.02, "columns": {
        "patient_no": {"role": "identifier", "pseudonymize": True},
        "birth_date": {"role": "quasi", "generalize": "date"}, "sex": "quasi",
        "address": {"role": "quasi", "hierarchy": {a: [a.split()[0], "KR" if "시" in a
                                                       else "VN"] for a in DISTRICTS}},
        "visit_date": {"role": "quasi", "generalize": "month"},
        "diagnosis": "sensitive"}},
    "k_only": {"k": 3, "max_suppression": 0.0, "columns": {
        "birth_date": {"role": "quasi", "generalize": "date"}, "sex": "quasi",
        "address": {"role": "quasi", "generalize": "address"},
        "visit_date": {"role": "quasi"}, "diagnosis": "insensitive"}},
}


def research_rows(shape: str, count: int = 400, seed: int = 11) -> list[dict[str, Any]]:
    """Patients' visits; ``skewed``: most in one district, a few lone outliers."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, count + 1):
        born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
        address = rng.choice(DISTRICTS)
        if shape == "skewed":
            address = DISTRICTS[0] if rng.random() < 0.85 else rng.choice(DISTRICTS[1:])
            if i % 97 == 0:  # lone outliers: the only one of their age and district
                born, address = date(1921, 2, 2), "제주특별자치도 서귀포시 중문관광로 72"
        rows.append({
            "id": i, "patient_no": f"MRN-{700000 + i}",
            "patient_name": rng.choice(KO_NAMES + VI_NAMES),
            "rrn": rrn(f"{born:%y%m%d}{rng.choice('12')}{rng.randrange(10**5):05d}"),
            "phone": f"010-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
            "birth_date": born, "sex": rng.choice("MF"), "address": address,
            "visit_date": date(2021, 1, 1) + timedelta(days=rng.randrange(900)),
            "diagnosis": rng.choice(DIAGNOSES[:2] if shape == "skewed" and rng.random() < .7
                                    else DIAGNOSES),
            "notes": f"환자 {i} 상담, 연락처 010-{rng.randrange(1000, 9999)}-"
                     f"{rng.randrange(1000, 9999)}. 쌍꺼풀 수술 후 경과 관찰."})
    return rows


def create_table(url: str, rows: list[dict[str, Any]]) -> None:
    metadata = MetaData()
    table = Table("research_visits", metadata,
                  Column("id", Integer, primary_key=True, autoincrement=False),
                  Column("patient_no", String(20)), Column("patient_name", String(100)),
                  Column("rrn", String(20)), Column("phone", String(30)),
                  Column("birth_date", Date), Column("sex", String(1)),
                  Column("address", String(200)), Column("visit_date", Date),
                  Column("diagnosis", String(60)), Column("notes", Text))
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table), rows)
    engine.dispose()
