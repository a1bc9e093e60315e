"""A deterministic synthetic clinic: ko/vi/en patient documents with fake identifiers.

Every identifier is generated (RRNs carry a valid checksum so detection has real work to
do); every date is spread over twelve years before ``today``.
"""

from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

KO_SURNAMES = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"]
KO_GIVEN = ["민준", "서연", "지우", "하은", "도윤", "서준", "지민", "수아", "예준", "채원"]
VI_NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hà", "Vũ Minh Tuấn",
            "Đặng Thị Lan", "Bùi Quốc Huy", "Hoàng Mai Anh"]
EN_NAMES = ["Emily Carter", "James Miller", "Olivia Brown", "Daniel Wilson", "Sophie Taylor"]
PROCEDURES = ["쌍꺼풀 수술", "코 성형", "안면윤곽", "지방흡입", "rhinoplasty", "blepharoplasty",
              "nâng mũi", "cắt mí mắt"]
DRUGS = ["Amoxicillin 500mg", "Ibuprofen 400mg", "Cefaclor 250mg", "Tramadol 50mg"]


def rrn(rng: random.Random, born: date) -> str:
    """A fake resident registration number with a valid pre-2020 checksum."""
    sex = rng.choice((1, 2)) if born.year < 2000 else rng.choice((3, 4))
    body = f"{born:%y%m%d}{sex}{rng.randrange(0, 100000):05d}"
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    check = (11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11) % 10
    return f"{body[:6]}-{body[6:]}{check}"


def kr_phone(rng: random.Random) -> str:
    return f"010-{rng.randrange(2000, 9999)}-{rng.randrange(1000, 9999)}"


def vn_phone(rng: random.Random) -> str:
    return f"+84 9{rng.randrange(10, 99)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}"


@dataclass(frozen=True)
class Patient:
    name: str
    language: str
    rrn: str
    phone: str
    email: str


def patient(rng: random.Random, index: int) -> Patient:
    """One fake patient, Korean, Vietnamese or English-speaking."""
    language = rng.choice(("ko", "ko", "vi", "en"))
    born = date(rng.randrange(1955, 2004), rng.randrange(1, 13), rng.randrange(1, 29))
    if language == "ko":
        name = rng.choice(KO_SURNAMES) + rng.choice(KO_GIVEN)
        phone = kr_phone(rng)
    elif language == "vi":
        name, phone = rng.choice(VI_NAMES), vn_phone(rng)
    else:
        name, phone = rng.choice(EN_NAMES), kr_phone(rng)
    return Patient(name, language, rrn(rng, born), phone, f"patient{index:04d}@example.com")


def chart_text(p: Patient, when: date, rng: random.Random) -> str:
    procedure = rng.choice(PROCEDURES)
    if p.language == "ko":
        return (f"진료기록부\n진료일: {when}\n환자명: {p.name}\n주민등록번호: {p.rrn}\n"
                f"연락처: {p.phone}\n이메일: {p.email}\n시술: {procedure}\n경과 양호.\n")
    if p.language == "vi":
        return (f"Hồ sơ bệnh án\nNgày khám: {when}\nBệnh nhân: {p.name}\n"
                f"Số đăng ký người nước ngoài: {p.rrn}\nSố điện thoại: {p.phone}\n"
                f"Email: {p.email}\nThủ thuật: {procedure}\n")
    return (f"Medical chart\nVisit date: {when}\nPatient: {p.name}\nRRN: {p.rrn}\n"
            f"Phone: {p.phone}\nE-mail: {p.email}\nProcedure: {procedure}\n")


def prescription_text(p: Patient, when: date, rng: random.Random) -> str:
    return (f"처방전 / Prescription\n교부일: {when}\n환자: {p.name} ({p.rrn})\n"
            f"약품: {rng.choice(DRUGS)}, 1일 3회\n")


def access_log_text(rng: random.Random, when: date, patients: list[Patient]) -> str:
    lines = []
    for _ in range(20):
        p = rng.choice(patients)
        ip = f"203.0.113.{rng.randrange(1, 255)}"
        lines.append(f"{when}T{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}:00Z "
                     f"{ip} login user={p.email} GET /reservation")
    return "\n".join(lines) + "\n"


def roster_xlsx(patients: list[Patient]) -> bytes:
    """A patient roster spreadsheet."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["환자명", "주민등록번호", "연락처", "이메일"])
    for p in patients:
        sheet.append([p.name, p.rrn, p.phone, p.email])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def consent_docx(p: Patient, when: date) -> bytes:
    """A consent form as a Word document."""
    from docx import Document

    document = Document()
    document.add_heading("수술 동의서 / Surgical consent", level=1)
    document.add_paragraph(f"환자 성명: {p.name}")
    document.add_paragraph(f"주민등록번호: {p.rrn}")
    document.add_paragraph(f"연락처: {p.phone}  Date: {when}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(path: Path, data: bytes | str, when: date) -> None:
    """Write a file and date it (mtime) as of ``when``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    stamp = datetime(when.year, when.month, when.day, 12, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))


def generate(root: Path, seed: int, today: date) -> int:
    """Write the clinic under ``root``; return how many files it holds."""
    rng = random.Random(seed)
    patients = [patient(rng, i) for i in range(40)]

    def some_day(max_days: int) -> date:
        return today - timedelta(days=rng.randrange(1, max_days))

    for i, p in enumerate(patients[:24]):
        when = some_day(12 * 365)
        write(root / "charts" / f"chart-{i:03d}.txt", chart_text(p, when, rng), when)
    for i, p in enumerate(patients[24:36]):
        when = some_day(4 * 365)
        write(root / "rx" / f"rx-{i:03d}.txt", prescription_text(p, when, rng), when)
    for i in range(8):
        when = some_day(200)
        log = access_log_text(rng, when, patients)
        write(root / "logs" / f"access-{i:02d}-{when}.log", log, when)
    for i, p in enumerate(patients[36:]):
        when = some_day(8 * 365)
        write(root / "consents" / f"consent-{i:03d}.docx", consent_docx(p, when), when)
    write(root / "roster" / "roster-2017.xlsx", roster_xlsx(patients[:10]), date(2017, 12, 31))
    write(root / "inbox" / "note-from-front-desk.txt",
          f"Please call back {patients[0].name} at {patients[0].phone}.\n", today)
    write(root / "inbox" / "scan-broken.pdf", b"%PDF-1.7\n% truncated scan\n", today)
    write(root / "charts" / "dispute-2019.txt", chart_text(patients[1], date(2013, 5, 2), rng),
          date(2013, 5, 2))
    return sum(1 for f in root.rglob("*") if f.is_file())
