"""A labeled, seeded corpus of plastic-surgery clinic documents in Korean, Vietnamese, English.

``generate(seed, n_docs)`` returns documents (charts, consent forms, prescriptions, e-mails,
messenger logs, appointment notes, marketing texts, negatives) with gold spans
``(entity_type, start, end)``. Texts are built by appending pieces and recording offsets as
they are appended, never by searching afterwards. Every identifier is valid for its format
(checksums where the format has one); decoys (order numbers, prices, visit dates, product
codes, versions, invalid-checksum numbers, the clinic's marketing text) are left unlabeled.

``python bench/corpus.py --dump DIR [--seed S] [--docs N]`` writes ``<id>.txt`` and
``<id>.json`` (language, kind, spans with the covered text) per document.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

LANGUAGES = ("ko", "vi", "en")
ENTITY_TYPES = (
    "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "KR_RRN", "KR_PASSPORT", "KR_DRIVER_LICENSE",
    "KR_HEALTH_INSURANCE", "KR_BRN", "VN_NATIONAL_ID", "VN_PASSPORT", "MEDICAL_RECORD_NUMBER",
    "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "URL", "ADDRESS", "DATE_OF_BIRTH",
    "MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION",
)  # fmt: skip


class Span(NamedTuple):
    """One gold entity: its type and character offsets (end exclusive)."""

    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class Doc:
    """One labeled document."""

    doc_id: str
    language: str
    kind: str
    text: str
    spans: tuple[Span, ...]


@dataclass
class Builder:
    """Appends text pieces and records the offsets of labeled ones."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    size: int = 0

    def add(self, *pieces: str | tuple[str, str]) -> Builder:
        """Append plain strings and ``(entity_type, value)`` labeled pieces."""
        for piece in pieces:
            if isinstance(piece, tuple):
                entity_type, value = piece
                self.spans.append(Span(entity_type, self.size, self.size + len(value)))
                piece = value
            self.parts.append(piece)
            self.size += len(piece)
        return self

    def line(self, *pieces: str | tuple[str, str]) -> Builder:
        """Append pieces and a newline."""
        return self.add(*pieces, "\n")

    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------- names and places

KO_SURNAMES = (
    "김",
    "이",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "임",
    "한",
    "오",
    "서",
    "신",
    "권",
    "황",
    "안",
    "송",
    "전",
    "홍",
    "유",
    "고",
    "문",
    "양",
    "손",
    "배",
    "백",
    "남궁",
)
KO_GIVEN = (
    "민준",
    "서연",
    "지우",
    "하은",
    "도윤",
    "서준",
    "지민",
    "수아",
    "예준",
    "채원",
    "지호",
    "유진",
    "현우",
    "민지",
    "승민",
    "수빈",
    "지훈",
    "은지",
    "영호",
    "미경",
    "정희",
    "성민",
    "혜진",
    "동현",
    "소영",
    "재원",
    "다은",
    "태윤",
    "보람",
    "경수",
    "나연",
    "상철",
)
VI_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
VI_MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thu", "Hoàng", "Kim")
VI_GIVEN = (
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phong",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Trung",
    "Tuấn",
    "Vy",
    "Yến",
    "Khoa",
    "Nhung",
)
EN_FIRST = (
    "Emily",
    "James",
    "Olivia",
    "Daniel",
    "Sophie",
    "Michael",
    "Jessica",
    "David",
    "Sarah",
    "Robert",
    "Laura",
    "Thomas",
    "Hannah",
    "Christopher",
    "Rachel",
    "Matthew",
    "Grace",
    "Andrew",
    "Chloe",
    "Benjamin",
)
EN_LAST = (
    "Carter",
    "Miller",
    "Brown",
    "Wilson",
    "Taylor",
    "Anderson",
    "Thompson",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Wright",
    "Mitchell",
    "Turner",
    "Parker",
    "Collins",
    "Edwards",
    "Morgan",
    "Bennett",
)

KO_CITIES = (
    ("서울특별시", ("강남구", "서초구", "송파구", "마포구", "용산구")),
    ("부산광역시", ("해운대구", "수영구", "부산진구")),
    ("경기도", ("성남시 분당구", "수원시 영통구", "고양시 일산동구")),
    ("인천광역시", ("연수구", "남동구")),
    ("대구광역시", ("수성구", "중구")),
)
KO_ROADS = (
    "테헤란로",
    "강남대로",
    "도산대로",
    "압구정로",
    "논현로",
    "봉은사로",
    "해운대해변로",
    "판교역로",
    "센텀중앙로",
    "올림픽로",
    "월드컵북로",
    "송도과학로",
)
KO_DONGS = ("역삼동", "신사동", "논현동", "청담동", "우동", "정자동", "잠실동", "서교동")
KO_APTS = ("래미안아파트", "자이아파트", "힐스테이트", "푸르지오")
VI_STREETS = (
    "Lê Lợi",
    "Nguyễn Huệ",
    "Trần Hưng Đạo",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Điện Biên Phủ",
    "Cách Mạng Tháng Tám",
    "Nguyễn Trãi",
    "Láng Hạ",
    "Kim Mã",
)
VI_PLACES = (
    ("Phường Bến Nghé", "Quận 1", "TP. Hồ Chí Minh"),
    ("Phường 6", "Quận 3", "TP. Hồ Chí Minh"),
    ("Phường Tân Định", "Quận 1", "Thành phố Hồ Chí Minh"),
    ("Phường Láng Hạ", "Quận Đống Đa", "Hà Nội"),
    ("Phường Tràng Tiền", "Quận Hoàn Kiếm", "TP. Hà Nội"),
    ("Phường Hải Châu I", "Quận Hải Châu", "TP. Đà Nẵng"),
    ("Xã Tân Phú", "Huyện Châu Thành", "Tỉnh Đồng Tháp"),
    ("Phường Lê Lợi", "Thành phố Vinh", "Tỉnh Nghệ An"),
)
EN_STREETS = (
    "Oak Avenue",
    "Maple Street",
    "Baker Street",
    "High Street",
    "Elm Road",
    "Sunset Boulevard",
    "Park Lane",
    "Church Road",
    "Cedar Drive",
    "Market Street",
)
EN_CITIES = (
    ("Springfield, IL", "62704"),
    ("Seattle, WA", "98101"),
    ("Austin, TX", "78701"),
    ("London", "NW1 6XE"),
    ("Manchester", "M1 2AB"),
    ("Sydney NSW", "2000"),
    ("Los Angeles, CA", "90012"),
    ("Boston, MA", "02115"),
)

# ---------------------------------------------------------------- medical terms

CONDITIONS = {
    "ko": (
        "고혈압",
        "당뇨병",
        "켈로이드 체질",
        "비염",
        "페니실린 알레르기",
        "갑상선기능저하증",
        "천식",
        "아토피 피부염",
        "우울증",
        "고지혈증",
        "부정맥",
        "B형 간염",
    ),
    "vi": (
        "tăng huyết áp",
        "tiểu đường",
        "hen suyễn",
        "dị ứng penicillin",
        "viêm mũi dị ứng",
        "sẹo lồi",
        "suy giáp",
        "viêm gan B",
        "rối loạn lo âu",
        "mỡ máu cao",
    ),
    "en": (
        "hypertension",
        "type 2 diabetes",
        "asthma",
        "penicillin allergy",
        "keloid scarring",
        "hypothyroidism",
        "atopic dermatitis",
        "depression",
        "hepatitis B",
        "atrial fibrillation",
    ),
}
PROCEDURES = {
    "ko": (
        "쌍꺼풀 수술",
        "코 성형",
        "안면윤곽 수술",
        "지방흡입",
        "보톡스 시술",
        "필러 시술",
        "눈매교정",
        "가슴 성형",
        "리프팅 시술",
        "지방이식",
        "사각턱 수술",
        "눈밑지방 재배치",
    ),
    "vi": (
        "nâng mũi",
        "cắt mí mắt",
        "hút mỡ bụng",
        "tiêm botox",
        "tiêm filler",
        "nâng ngực",
        "căng da mặt",
        "gọt hàm",
        "cấy mỡ tự thân",
        "nhấn mí",
    ),
    "en": (
        "rhinoplasty",
        "blepharoplasty",
        "liposuction",
        "facelift",
        "Botox injection",
        "breast augmentation",
        "double eyelid surgery",
        "jaw reduction surgery",
        "dermal filler injection",
        "fat grafting",
    ),
}
MEDICATIONS = {
    "ko": (
        "아목시실린",
        "세파클러",
        "이부프로펜",
        "타이레놀",
        "트라마돌",
        "메트포르민",
        "암로디핀",
        "레보티록신",
        "세팔렉신",
        "덱사메타손",
    ),
    "vi": (
        "Amoxicillin",
        "Paracetamol",
        "Cefuroxime",
        "Ibuprofen",
        "Metformin",
        "Amlodipin",
        "Prednisolon",
        "Cephalexin",
        "Tramadol",
        "Augmentin",
    ),
    "en": (
        "Amoxicillin",
        "Cefaclor",
        "Ibuprofen",
        "Acetaminophen",
        "Tramadol",
        "Metformin",
        "Amlodipine",
        "Levothyroxine",
        "Cephalexin",
        "Dexamethasone",
        "Mupirocin",
    ),
}
DOSES = ("250mg", "500mg", "400mg", "50mg", "5mg", "10mg", "1g")

# ---------------------------------------------------------------- identifiers

RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
VN_PROVINCES = (
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
)  # fmt: skip
KR_LICENSE_REGIONS = (
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
    "26",
    "28",
)
KR_LICENSE_REGION_NAMES = (
    "서울",
    "부산",
    "경기",
    "강원",
    "충북",
    "충남",
    "전북",
    "전남",
    "경북",
    "경남",
    "제주",
    "대구",
    "인천",
    "광주",
    "대전",
    "울산",
)
IBAN_COUNTRIES = (("DE", 18), ("GB", 18), ("FR", 23), ("NL", 14), ("ES", 20))


def rrn_check(body: str, foreigner: bool) -> int:
    """The RRN check digit (pre-Oct-2020 rule; foreigners' numbers use 13 - r)."""
    remainder = sum(int(d) * w for d, w in zip(body, RRN_WEIGHTS, strict=True)) % 11
    return ((13 if foreigner else 11) - remainder) % 10


def kr_rrn(rng: random.Random, born: date, foreigner: bool = False, valid: bool = True) -> str:
    """A resident (or foreigner) registration number with a valid check digit."""
    century = 0 if born.year < 2000 else 2
    sex = rng.choice((1, 2)) + century + (4 if foreigner else 0)
    if foreigner:  # registration-office digits 8-9 are even in foreigners' numbers
        middle = f"{rng.randrange(10, 99):02d}{rng.randrange(0, 50) * 2:02d}{rng.randrange(10):d}"
    else:
        middle = f"{rng.randrange(0, 100000):05d}"
    body = f"{born:%y%m%d}{sex}{middle}"
    check = rrn_check(body, foreigner)
    if not valid:
        check = (check + rng.randrange(1, 10)) % 10
    sep = rng.choice(("-", "-", "-", " - ", ""))
    return f"{body[:6]}{sep}{body[6:]}{check}"


def kr_passport(rng: random.Random) -> str:
    letter = rng.choice("MMMSRO")
    if rng.random() < 0.5:
        return f"{letter}{rng.randrange(10**7, 10**8)}"
    return (
        f"{letter}{rng.randrange(100, 1000)}{rng.choice('ABCDEFGHJK')}{rng.randrange(1000, 10**4)}"
    )


def kr_driver_license(rng: random.Random) -> str:
    tail = f"{rng.randrange(0, 100):02d}-{rng.randrange(0, 10**6):06d}-{rng.randrange(0, 100):02d}"
    if rng.random() < 0.3:
        return f"{rng.choice(KR_LICENSE_REGION_NAMES)} {tail}"
    return f"{rng.choice(KR_LICENSE_REGIONS)}-{tail}"


def kr_health_insurance(rng: random.Random) -> str:
    number = f"{rng.randrange(1, 10)}{rng.randrange(0, 10**10):010d}"
    return number if rng.random() < 0.6 else f"{number[0]}-{number[1:]}"


def kr_brn(rng: random.Random, valid: bool = True) -> str:
    """A business registration number: tax office 101-899, type code 01-99, checksum."""
    head = f"{rng.randrange(101, 900)}{rng.randrange(1, 100):02d}{rng.randrange(0, 10**4):04d}"
    digits = [int(c) for c in head]
    total = sum(d * w for d, w in zip(digits, BRN_WEIGHTS, strict=True)) + digits[8] * 5 // 10
    check = (10 - total % 10) % 10
    if not valid:
        check = (check + rng.randrange(1, 10)) % 10
    s = "".join(map(str, digits)) + str(check)
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


def vn_national_id(rng: random.Random, born: date) -> str:
    """A 12-digit CCCD (province, century/sex, year) or, sometimes, a 9-digit CMND."""
    if rng.random() < 0.2:
        return f"{rng.randrange(0, 4)}{rng.randrange(0, 10**8):08d}"
    code = rng.choice((0, 1)) + (0 if born.year < 2000 else 2)
    return f"{rng.choice(VN_PROVINCES)}{code}{born:%y}{rng.randrange(0, 10**6):06d}"


def vn_passport(rng: random.Random) -> str:
    return f"{rng.choice('CCCBN')}{rng.randrange(10**6, 10**7):07d}"


def mrn(rng: random.Random) -> str:
    return rng.choice(
        (
            f"MRN-{rng.randrange(2015, 2026)}-{rng.randrange(0, 10**6):06d}",
            f"MRN{rng.randrange(10**7, 10**8)}",
            f"C{rng.randrange(0, 10**7):07d}",
        )
    )


def luhn_digit(digits: list[int]) -> int:
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if index % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return (10 - total % 10) % 10


def credit_card(rng: random.Random, valid: bool = True) -> str:
    prefix = rng.choice(([4], [5, rng.randrange(1, 6)], [3, 7]))
    length = 15 if prefix[0] == 3 else 16
    digits = prefix + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    check = luhn_digit(digits)
    digits.append(check if valid else (check + rng.randrange(1, 10)) % 10)
    s = "".join(map(str, digits))
    if length == 15:
        return f"{s[:4]} {s[4:10]} {s[10:]}"
    sep = rng.choice((" ", "-", ""))
    return sep.join(s[i : i + 4] for i in range(0, 16, 4))


def iban(rng: random.Random) -> str:
    country, length = rng.choice(IBAN_COUNTRIES)
    if country == "GB":
        bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        bban += "".join(str(rng.randrange(10)) for _ in range(14))
    else:
        bban = "".join(str(rng.randrange(10)) for _ in range(length))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if rng.random() < 0.5 else raw


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"2001:db8:{rng.randrange(0, 0xFFFF):x}::{rng.randrange(1, 0xFFFF):x}"
    first = rng.choice((211, 121, 175, 1, 14, 27, 58, 113, 116, 222))
    return f"{first}.{rng.randrange(0, 256)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class Person:
    """A fake patient or staff member."""

    name: str
    given: str
    roman: str
    nationality: str
    born: date


def person(rng: random.Random, nationality: str) -> Person:
    born = date(rng.randrange(1958, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
    if nationality == "ko":
        surname, given = rng.choice(KO_SURNAMES), rng.choice(KO_GIVEN)
        roman = rng.choice(("kim", "lee", "park", "choi", "jung", "yoon", "han"))
        roman += rng.choice(("minji", "sy", "jh", "dy", "hyun", "sora", "jun", ".eunji"))
        return Person(surname + given, given, roman, nationality, born)
    if nationality == "vi":
        surname, middle, given = (
            rng.choice(VI_SURNAMES),
            rng.choice(VI_MIDDLE),
            rng.choice(VI_GIVEN),
        )
        roman = f"{_ascii(given)}.{_ascii(surname)}".lower()
        return Person(f"{surname} {middle} {given}", given, roman, nationality, born)
    first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
    return Person(f"{first} {last}", first, f"{first}.{last}".lower(), nationality, born)


_ASCII = str.maketrans(
    "ĐđăâêôơưÁÀẢÃẠáàảãạéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵắằẳẵặấầẩẫậ",
    "Ddaaeoouaaaaaaaaaaeeeeeeeeeeiiiiiooooooooooooooouuuuuuuuuuyyyyyaaaaaaaaaa",
)


def _ascii(text: str) -> str:
    return text.translate(_ASCII)


def email(rng: random.Random, p: Person) -> str:
    domain = {
        "ko": ("naver.com", "daum.net", "gmail.com", "hanmail.net", "kakao.com"),
        "vi": ("gmail.com", "yahoo.com.vn", "outlook.com", "fpt.vn"),
        "en": ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"),
    }[p.nationality]
    return f"{p.roman}{rng.randrange(1, 99)}@{rng.choice(domain)}"


def phone(rng: random.Random, nationality: str) -> str:
    a, b = rng.randrange(2000, 10000), rng.randrange(1000, 10000)
    if nationality == "ko":
        return rng.choice(
            (
                f"010-{a}-{b}",
                f"010{a}{b}",
                f"+82 10-{a}-{b}",
                f"010.{a}.{b}",
                f"02-{rng.randrange(200, 999)}-{b}",
                f"+82-10-{a}-{b}",
            )
        )
    if nationality == "vi":
        pre = rng.choice(("90", "91", "93", "96", "97", "98", "86", "88", "70", "77", "83"))
        nine = f"{pre}{rng.randrange(0, 10**7):07d}"
        return rng.choice(
            (
                f"0{nine[:3]} {nine[3:6]} {nine[6:]}",
                f"0{nine}",
                f"+84 {nine[:2]} {nine[2:5]} {nine[5:]}",
                f"+84{nine}",
                f"0{nine[:2]} {nine[2:5]} {nine[5:]}",
            )
        )
    c = rng.randrange(200, 1000)
    return rng.choice(
        (
            f"({c}) 555-{b}",
            f"+1 {c}-555-{b}",
            f"+44 20 7946 {b}",
            f"{c}-555-{b}",
            f"+61 4{rng.randrange(10, 100)} {a % 1000:03d} {b % 1000:03d}",
        )
    )


def url(rng: random.Random, p: Person) -> str:
    return rng.choice(
        (
            f"https://blog.naver.com/{p.roman}",
            f"https://www.instagram.com/{p.roman}",
            f"https://www.facebook.com/{p.roman}.{rng.randrange(1, 99)}",
            f"https://drive.google.com/file/d/1{rng.randrange(10**9, 10**10)}x/view",
        )
    )


def address(rng: random.Random, nationality: str) -> str:
    if nationality == "ko":
        city, districts = rng.choice(KO_CITIES)
        district = rng.choice(districts)
        if rng.random() < 0.6:
            extra = rng.choice(
                (
                    "",
                    f", {rng.randrange(2, 20)}층",
                    f" {rng.randrange(101, 120)}동 {rng.randrange(101, 2500)}호",
                )
            )
            return f"{city} {district} {rng.choice(KO_ROADS)} {rng.randrange(1, 600)}{extra}"
        return (
            f"{city} {district} {rng.choice(KO_DONGS)} {rng.randrange(1, 999)}-"
            f"{rng.randrange(1, 99)} {rng.choice(KO_APTS)}"
        )
    if nationality == "vi":
        ward, district, city = rng.choice(VI_PLACES)
        head = rng.choice(("Số ", "", "Số nhà "))
        return (
            f"{head}{rng.randrange(1, 300)} đường {rng.choice(VI_STREETS)}, {ward}, "
            f"{district}, {city}"
        )
    city, postcode = rng.choice(EN_CITIES)
    unit = rng.choice(("", f", Apt {rng.randrange(1, 40)}", f", Unit {rng.randrange(1, 12)}"))
    return f"{rng.randrange(1, 9999)} {rng.choice(EN_STREETS)}{unit}, {city} {postcode}"


# ---------------------------------------------------------------- dates and decoys


def fmt_date(rng: random.Random, day: date, language: str) -> str:
    if language == "ko":
        return rng.choice(
            (
                f"{day:%Y-%m-%d}",
                f"{day.year}년 {day.month}월 {day.day}일",
                f"{day:%Y.%m.%d}",
                f"{day:%y.%m.%d}",
            )
        )
    if language == "vi":
        return rng.choice(
            (
                f"{day:%d/%m/%Y}",
                f"{day:%d-%m-%Y}",
                f"ngày {day.day} tháng {day.month} năm {day.year}",
            )
        )
    return rng.choice(
        (
            f"{day:%m/%d/%Y}",
            f"{day:%B} {day.day}, {day.year}",
            f"{day.day} {day:%b} {day.year}",
            f"{day:%Y-%m-%d}",
        )
    )


def visit_day(rng: random.Random) -> date:
    return date(2019, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))


def decoy(rng: random.Random, language: str) -> str:
    """One unlabeled line that looks like data but is no personal data."""
    version = f"{rng.randrange(1, 9)}.{rng.randrange(0, 20)}.{rng.randrange(0, 30)}"
    bad_card = credit_card(rng, valid=False).replace(" ", "").replace("-", "")
    bad_rrn = kr_rrn(rng, date(1970, 1, 1) + timedelta(rng.randrange(12000)), False, False)
    day, lot = visit_day(rng), f"{rng.randrange(20, 25)}K{rng.randrange(1000, 9999)}"
    lines = {
        "ko": (
            f"주문번호 {day:%Y%m%d}{rng.randrange(10**4, 10**5)}",
            f"결제 금액 {rng.randrange(10, 900) * 10000:,}원 (VAT 포함)",
            f"제품코드 HA-FILLER-{rng.randrange(1, 3)}ML-{rng.randrange(1000, 9999)}",
            f"EMR 버전 v{version}",
            f"Lot No. {lot}",
            f"접수번호 {bad_rrn}",
            f"송장번호 {bad_card}",
        ),
        "vi": (
            f"Mã đơn hàng: DH{day:%Y%m%d}{rng.randrange(100, 999)}",
            f"Tổng chi phí: {rng.randrange(5, 300)}.{rng.randrange(100, 999)}.000 đồng",
            f"Mã sản phẩm: SP-{rng.randrange(10000, 99999)}-VN",
            f"Phiên bản phần mềm {version}",
            f"Số lô: {lot}",
            f"Mã vận đơn {bad_card}",
        ),
        "en": (
            f"Order no. {rng.randrange(10**9, 10**10)}",
            f"Invoice INV-{day:%Y}-{rng.randrange(10000, 99999)}, "
            f"total ${rng.randrange(300, 9000):,}.00",
            f"Product code SKU-{rng.randrange(100, 999)}-{rng.choice('ABCXYZ')}{rng.randrange(99)}",
            f"Portal version {version}",
            f"Tracking number {bad_card}",
            f"Ref. {kr_brn(rng, valid=False)}",
        ),
    }[language]
    return rng.choice(lines)


# ---------------------------------------------------------------- documents


@dataclass
class Ctx:
    """What one document is about: its language, patient, doctor and random source."""

    rng: random.Random
    language: str
    patient: Person
    doctor: Person
    b: Builder = field(default_factory=Builder)

    def pick(self, table: dict[str, tuple[str, ...]]) -> str:
        return self.rng.choice(table[self.language])

    def maybe(self, probability: float) -> bool:
        return self.rng.random() < probability


def _national_id(c: Ctx) -> tuple[str, tuple[str, str]]:
    """A label and the patient's national identifier, as fits their nationality."""
    p, rng = c.patient, c.rng
    if p.nationality == "ko":
        return {"ko": "주민등록번호: ", "vi": "Số CMND Hàn Quốc: ", "en": "RRN: "}[c.language], (
            "KR_RRN",
            kr_rrn(rng, p.born),
        )
    if p.nationality == "vi" and c.maybe(0.5):
        return {
            "ko": "외국인등록번호: ",
            "vi": "Số đăng ký người nước ngoài: ",
            "en": "Alien registration no.: ",
        }[c.language], ("KR_RRN", kr_rrn(rng, p.born, True))
    if p.nationality == "vi":
        return {"ko": "베트남 신분증(CCCD): ", "vi": "Số CCCD: ", "en": "Vietnamese ID (CCCD): "}[
            c.language
        ], ("VN_NATIONAL_ID", vn_national_id(rng, p.born))
    return {
        "ko": "외국인등록번호: ",
        "vi": "Số đăng ký người nước ngoài: ",
        "en": "Foreign resident no.: ",
    }[c.language], ("KR_RRN", kr_rrn(rng, p.born, True))


def _passport(c: Ctx) -> tuple[str, tuple[str, str]]:
    label = {"ko": "여권번호: ", "vi": "Số hộ chiếu: ", "en": "Passport no.: "}[c.language]
    if c.patient.nationality == "vi":
        return label, ("VN_PASSPORT", vn_passport(c.rng))
    return label, ("KR_PASSPORT", kr_passport(c.rng))


CHART = {
    "ko": (
        "진료기록부",
        "환자명: ",
        "생년월일: ",
        "진료일: ",
        "주소: ",
        "연락처: ",
        "이메일: ",
        "등록번호: ",
        "과거력: ",
        "시술명: ",
        "처방: ",
        "담당의: ",
        " 원장",
    ),
    "vi": (
        "Hồ sơ bệnh án",
        "Bệnh nhân: ",
        "Ngày sinh: ",
        "Ngày khám: ",
        "Địa chỉ: ",
        "Số điện thoại: ",
        "Email: ",
        "Mã hồ sơ: ",
        "Tiền sử bệnh: ",
        "Thủ thuật: ",
        "Đơn thuốc: ",
        "Bác sĩ phụ trách: ",
        "",
    ),
    "en": (
        "Medical chart",
        "Patient: ",
        "DOB: ",
        "Visit date: ",
        "Address: ",
        "Phone: ",
        "E-mail: ",
        "MRN: ",
        "History: ",
        "Procedure: ",
        "Rx: ",
        "Attending: Dr. ",
        "",
    ),
}


def chart(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = CHART[lang]
    b.line(t[0]).line(t[7], ("MEDICAL_RECORD_NUMBER", mrn(rng)))
    b.line(t[1], ("PERSON", p.name)).line(t[2], ("DATE_OF_BIRTH", fmt_date(rng, p.born, lang)))
    b.line(*_national_id(c))
    b.line(t[3], fmt_date(rng, visit_day(rng), lang))
    if c.maybe(0.6):
        b.line(t[4], ("ADDRESS", address(rng, p.nationality)))
    b.line(t[5], ("PHONE_NUMBER", phone(rng, p.nationality)))
    if c.maybe(0.5):
        b.line(t[6], ("EMAIL_ADDRESS", email(rng, p)))
    b.line(t[8], ("MEDICAL_CONDITION", c.pick(CONDITIONS)))
    b.line(t[9], ("MEDICAL_PROCEDURE", c.pick(PROCEDURES)))
    b.line(t[10], ("MEDICATION", c.pick(MEDICATIONS)), f" {rng.choice(DOSES)}")
    if c.maybe(0.5):
        b.line(decoy(rng, lang))
    b.line(t[11], ("PERSON", c.doctor.name), t[12])


CONSENT = {
    "ko": (
        "수술 동의서",
        "본인 ",
        "(생년월일 ",
        ")은(는) ",
        "에 대한 설명을 ",
        " 원장으로부터 충분히 들었으며, 수술 후 부작용 가능성에 동의합니다.",
        "기저질환: ",
        "보호자 연락처: ",
        "서명일: ",
        "주소: ",
    ),
    "vi": (
        "Giấy cam đoan phẫu thuật",
        "Tôi tên là ",
        " (ngày sinh ",
        "), đồng ý thực hiện ",
        " sau khi được bác sĩ ",
        " giải thích đầy đủ về rủi ro.",
        "Bệnh nền: ",
        "Người thân liên hệ: ",
        "Ngày ký: ",
        "Địa chỉ thường trú: ",
    ),
    "en": (
        "Surgical consent form",
        "I, ",
        " (date of birth ",
        "), consent to ",
        " after Dr. ",
        " explained the risks and alternatives.",
        "Pre-existing conditions: ",
        "Emergency contact: ",
        "Signed on ",
        "Home address: ",
    ),
}


def consent(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = CONSENT[lang]
    b.line(t[0])
    b.line(
        t[1],
        ("PERSON", p.name),
        t[2],
        ("DATE_OF_BIRTH", fmt_date(rng, p.born, lang)),
        t[3],
        ("MEDICAL_PROCEDURE", c.pick(PROCEDURES)),
        t[4],
        ("PERSON", c.doctor.name),
        t[5],
    )
    b.line(*_national_id(c))
    if c.maybe(0.4):
        b.line(*_passport(c))
    b.line(t[6], ("MEDICAL_CONDITION", c.pick(CONDITIONS)))
    b.line(t[9], ("ADDRESS", address(rng, p.nationality)))
    relative = person(rng, p.nationality)
    b.line(t[7], ("PERSON", relative.name), " ", ("PHONE_NUMBER", phone(rng, p.nationality)))
    if c.maybe(0.3) and p.nationality == "ko":
        b.line(
            {"ko": "건강보험증번호: ", "vi": "Số thẻ BHYT Hàn Quốc: ", "en": "NHIS card no.: "}[
                lang
            ],
            ("KR_HEALTH_INSURANCE", kr_health_insurance(rng)),
        )
    b.line(t[8], fmt_date(rng, visit_day(rng), lang))


PRESCRIPTION = {
    "ko": (
        "처방전",
        "교부일: ",
        "환자: ",
        "요양기관: 서울미래성형외과의원 (",
        "처방의: ",
        ", 1일 3회 식후 30분, ",
        "일분",
        "건강보험증번호: ",
    ),
    "vi": (
        "Đơn thuốc",
        "Ngày kê đơn: ",
        "Họ tên: ",
        "Cơ sở: Phòng khám Thẩm mỹ Seoul Mirae (",
        "Bác sĩ kê đơn: ",
        ", ngày uống 3 lần sau ăn, ",
        " ngày",
        "Số thẻ bảo hiểm Hàn Quốc: ",
    ),
    "en": (
        "Prescription",
        "Issued: ",
        "Patient: ",
        "Clinic: Seoul Mirae Plastic Surgery (",
        "Prescriber: Dr. ",
        ", three times a day after meals, ",
        " days",
        "Korean health insurance no.: ",
    ),
}


def prescription(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = PRESCRIPTION[lang]
    b.line(t[0]).line(t[1], fmt_date(rng, visit_day(rng), lang))
    b.line(t[2], ("PERSON", p.name), " (", ("DATE_OF_BIRTH", fmt_date(rng, p.born, lang)), ")")
    b.line(*_national_id(c))
    if p.nationality == "ko" and c.maybe(0.6):
        b.line(t[7], ("KR_HEALTH_INSURANCE", kr_health_insurance(rng)))
    b.line(t[3], ("KR_BRN", kr_brn(rng)), ")")
    for _ in range(rng.randrange(1, 4)):
        b.line(
            "- ",
            ("MEDICATION", c.pick(MEDICATIONS)),
            f" {rng.choice(DOSES)}{t[5]}",
            f"{rng.randrange(3, 15)}{t[6]}",
        )
    b.line(t[4], ("PERSON", c.doctor.name))
    if c.maybe(0.5):
        b.line(decoy(rng, lang))


EMAIL = {
    "ko": (
        "제목: 수술 후 경과 문의",
        "안녕하세요, ",
        "입니다. ",
        "를 받은 지 2주가 지났는데 붓기가 남아 있습니다. ",
        "이 있어서 걱정됩니다. 사진은 여기 올렸습니다: ",
        "환불 계좌 대신 카드 취소 부탁드립니다: ",
        "감사합니다.",
        "실장님께",
    ),
    "vi": (
        "Tiêu đề: Hỏi về tình trạng sau phẫu thuật",
        "Chào bác sĩ, tôi là ",
        ". ",
        " được hai tuần nhưng vẫn còn sưng. ",
        " nên tôi rất lo. Ảnh ở đây: ",
        "Xin hoàn tiền vào thẻ: ",
        "Cảm ơn bác sĩ.",
        "Kính gửi bác sĩ",
    ),
    "en": (
        "Subject: Question after my surgery",
        "Hello, this is ",
        ". ",
        " was two weeks ago and the swelling has not gone down. ",
        " so I am a bit worried. Photos: ",
        "Please refund to my card: ",
        "Best regards,",
        "Dear Dr.",
    ),
}


def e_mail(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = EMAIL[lang]
    b.line("From: ", ("PERSON", p.name), " <", ("EMAIL_ADDRESS", email(rng, p)), ">")
    b.line("To: info@mirae-ps.example")
    if c.maybe(0.4):
        b.line("X-Originating-IP: [", ("IP_ADDRESS", ip_address(rng)), "]")
    b.line(t[0]).line()
    b.line(t[7], " ", ("PERSON", c.doctor.name) if lang != "ko" else "")
    b.line(
        t[1],
        ("PERSON", p.name),
        t[2],
        ("MEDICAL_PROCEDURE", c.pick(PROCEDURES)),
        t[3],
        ("MEDICAL_CONDITION", c.pick(CONDITIONS)),
        t[4],
        ("URL", url(rng, p)),
    )
    if c.maybe(0.4):
        b.line(t[5], ("CREDIT_CARD", credit_card(rng)))
    elif c.maybe(0.4):
        b.line("IBAN: ", ("IBAN_CODE", iban(rng)))
    if c.maybe(0.5):
        b.line(decoy(rng, lang))
    b.line(t[6]).line(("PERSON", p.name), " / ", ("PHONE_NUMBER", phone(rng, p.nationality)))


CHAT = {
    "ko": (
        ("안녕하세요 ", "님, 내일 ", " 예약 확인 부탁드려요"),
        ("네 ", "님 확인되었습니다. 혹시 ", " 복용 중이신가요?"),
        ("네 ", " 먹고 있어요. 번호 바뀌었어요 ", ""),
        ("신분증 확인용으로 운전면허 번호 남겨주세요", "", ""),
        ("", "", ""),
    ),
    "vi": (
        ("Chào ", ", lịch ", " ngày mai của em được xác nhận chưa ạ"),
        ("Dạ chị ", " ơi, đã xác nhận. Chị có đang dùng ", " không ạ?"),
        ("Có, chị đang uống ", ". Số mới của chị là ", ""),
        ("Chị gửi giúp em số CCCD hoặc hộ chiếu để làm hồ sơ nhé", "", ""),
        ("", "", ""),
    ),
    "en": (
        ("Hi ", ", can you confirm my ", " tomorrow?"),
        ("Hi ", ", confirmed. Are you currently taking ", "?"),
        ("Yes, ", " daily. My new number is ", ""),
        ("Please send your passport or alien registration number for the file", "", ""),
        ("", "", ""),
    ),
}


def _chat_identifier(c: Ctx) -> tuple[str, str]:
    """The identifier a patient sends when asked for an ID, as fits their nationality."""
    p, rng = c.patient, c.rng
    if p.nationality == "ko":
        if c.language == "ko":
            return "KR_DRIVER_LICENSE", kr_driver_license(rng)
        return "KR_PASSPORT", kr_passport(rng)
    if p.nationality == "vi":
        if c.maybe(0.5):
            return "VN_NATIONAL_ID", vn_national_id(rng, p.born)
        return "VN_PASSPORT", vn_passport(rng)
    return "KR_RRN", kr_rrn(rng, p.born, foreigner=True)


def chat(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = CHAT[lang]
    staff = person(rng, "ko")
    hour = rng.randrange(9, 18)
    minutes = sorted(rng.randrange(0, 60) for _ in range(6))
    stamps = iter(f"[{hour:02d}:{m:02d}]" for m in minutes)
    b.line(
        next(stamps),
        " ",
        ("PERSON", p.name),
        ": ",
        t[0][0],
        ("PERSON", staff.name),
        t[0][1],
        ("MEDICAL_PROCEDURE", c.pick(PROCEDURES)),
        t[0][2],
    )
    short = p.given if lang == "vi" else p.name
    b.line(
        next(stamps),
        " ",
        ("PERSON", staff.name),
        ": ",
        t[1][0],
        ("PERSON", short),
        t[1][1],
        ("MEDICATION", c.pick(MEDICATIONS)),
        t[1][2],
    )
    b.line(
        next(stamps),
        " ",
        ("PERSON", p.name),
        ": ",
        t[2][0],
        ("MEDICATION", c.pick(MEDICATIONS)),
        t[2][1],
        ("PHONE_NUMBER", phone(rng, p.nationality)),
    )
    b.line(next(stamps), " ", ("PERSON", staff.name), ": ", t[3][0])
    b.line(next(stamps), " ", ("PERSON", p.name), ": ", _chat_identifier(c))
    if c.maybe(0.4):
        b.line(next(stamps), " ", ("PERSON", p.name), ": ", ("URL", url(rng, p)))


APPOINTMENT = {
    "ko": (
        "예약 메모",
        "상담 예약: ",
        " 고객 ",
        "상담 내용: ",
        " 희망, ",
        " 있음",
        "연락처 ",
        "사업자 세금계산서 요청 (사업자등록번호 ",
        "접속 IP ",
    ),
    "vi": (
        "Ghi chú lịch hẹn",
        "Lịch tư vấn: khách ",
        " ",
        "Nội dung: muốn ",
        ", có ",
        "",
        "SĐT ",
        "Yêu cầu hóa đơn công ty (mã số doanh nghiệp Hàn Quốc ",
        "IP truy cập ",
    ),
    "en": (
        "Appointment note",
        "Consultation: ",
        " ",
        "Notes: wants ",
        ", has ",
        "",
        "Call ",
        "Tax invoice requested (Korean BRN ",
        "Booked from IP ",
    ),
}


def appointment(c: Ctx) -> None:
    b, rng, p, lang = c.b, c.rng, c.patient, c.language
    t = APPOINTMENT[lang]
    b.line(t[0])
    when = fmt_date(rng, visit_day(rng), lang)
    b.line(t[1], ("PERSON", p.name), t[2], when, f" {rng.randrange(9, 19)}:00")
    b.line(
        t[3],
        ("MEDICAL_PROCEDURE", c.pick(PROCEDURES)),
        t[4],
        ("MEDICAL_CONDITION", c.pick(CONDITIONS)),
        t[5],
    )
    b.line(t[6], ("PHONE_NUMBER", phone(rng, p.nationality)))
    if c.maybe(0.4):
        b.line(t[7], ("KR_BRN", kr_brn(rng)), ")")
    if c.maybe(0.5):
        b.line(t[8], ("IP_ADDRESS", ip_address(rng)))
    if c.maybe(0.3):
        b.line("MRN ", ("MEDICAL_RECORD_NUMBER", mrn(rng)))
    b.line(decoy(rng, lang))


MARKETING = {
    "ko": (
        "[미래성형외과 봄맞이 이벤트] 상담 고객 전원 10% 할인! 리프팅·필러 패키지 특가 "
        "990,000원, 이벤트 기간 2024-03-01 ~ 2024-04-30. 주차 2시간 무료.",
        "공지: 4월 15일(월)은 내부 교육으로 휴진합니다. EMR 시스템 v5.2.1 업데이트 예정.",
        "원내 감염관리 지침 개정 안내: 소독 주기 및 멸균기 점검표(양식 번호 F-2024-07) 참고.",
    ),
    "vi": (
        "[Ưu đãi tháng 5] Giảm 15% gói chăm sóc da, chỉ còn 2.500.000 đồng. "
        "Áp dụng từ 01/05/2024 đến 31/05/2024. Mã khuyến mãi: SPRING24.",
        "Thông báo: phòng khám nghỉ lễ ngày 30/04 và 01/05. Phiên bản ứng dụng 3.4.0 đã ra mắt.",
        "Hướng dẫn vệ sinh thiết bị: kiểm tra máy tiệt trùng mỗi 7 ngày, mẫu số QT-12.",
    ),
    "en": (
        "Spring promotion: 10% off all skin-care packages, from $1,200. Valid 03/01/2024 "
        "through 04/30/2024, promo code GLOW2024. Free parking for 2 hours.",
        "Notice: the clinic is closed on May 6 for staff training. Portal release 2.8.3 is live.",
        "Sterilizer maintenance log, form QA-17: cycle 4412 passed, next check in 14 days.",
    ),
}


def marketing(c: Ctx) -> None:
    """The clinic's own texts: prices, dates, codes, versions; no personal data."""
    lines = list(MARKETING[c.language])
    c.rng.shuffle(lines)
    for text in lines[: c.rng.randrange(1, 4)]:
        c.b.line(text)
    for _ in range(c.rng.randrange(1, 4)):
        c.b.line(decoy(c.rng, c.language))


INSTRUCTIONS = {
    "ko": (
        "수술 후 주의사항",
        "- 48시간 동안 냉찜질을 해 주세요. 붓기는 2~3주에 걸쳐 빠집니다.",
        "- 실밥 제거는 수술 후 5~7일째에 내원하여 진행합니다.",
        "- 2주간 음주와 흡연, 사우나를 피해 주세요.",
        "- 처방받은 약은 정해진 시간에 복용하고, 열이 38도 이상이면 병원에 연락 바랍니다.",
    ),
    "vi": (
        "Hướng dẫn chăm sóc sau phẫu thuật",
        "- Chườm lạnh trong 48 giờ đầu. Vết sưng sẽ giảm dần sau 2 đến 3 tuần.",
        "- Cắt chỉ sau 5 đến 7 ngày tại phòng khám.",
        "- Không uống rượu, hút thuốc hoặc xông hơi trong 2 tuần.",
        "- Uống thuốc đúng giờ; nếu sốt trên 38 độ, hãy liên hệ phòng khám.",
    ),
    "en": (
        "Aftercare instructions",
        "- Apply cold compresses for the first 48 hours; swelling settles over 2-3 weeks.",
        "- Stitches are removed at the clinic 5 to 7 days after surgery.",
        "- Avoid alcohol, smoking and saunas for 2 weeks.",
        "- Take prescribed medicine on schedule; call the clinic if fever exceeds 38 C.",
    ),
}


def instructions(c: Ctx) -> None:
    """Generic aftercare text: a negative, no personal data at all."""
    head, *rest = INSTRUCTIONS[c.language]
    c.b.line(head)
    for text in c.rng.sample(rest, c.rng.randrange(2, len(rest) + 1)):
        c.b.line(text)


KINDS: dict[str, Callable[[Ctx], None]] = {
    "chart": chart, "consent": consent, "prescription": prescription, "email": e_mail,
    "chat": chat, "appointment": appointment, "marketing": marketing,
    "instructions": instructions,
}  # fmt: skip
KIND_WEIGHTS = (5, 3, 3, 4, 4, 3, 2, 1)
NATIONALITY_BY_LANGUAGE = {
    "ko": ("ko",) * 6 + ("vi", "en"),
    "vi": ("vi",) * 5 + ("ko",),
    "en": ("en", "en", "vi", "ko"),
}


def make_doc(seed: int, index: int) -> Doc:
    """Build document ``index`` of the corpus for ``seed`` (independent of the others)."""
    rng = random.Random(f"{seed}:{index}")
    language = LANGUAGES[index % 3]
    kind = rng.choices(list(KINDS), weights=KIND_WEIGHTS)[0]
    patient = person(rng, rng.choice(NATIONALITY_BY_LANGUAGE[language]))
    doctor = person(rng, "ko" if rng.random() < 0.8 else language)
    ctx = Ctx(rng, language, patient, doctor)
    KINDS[kind](ctx)
    return Doc(
        f"{seed}-{index:05d}-{language}-{kind}", language, kind, ctx.b.text(), tuple(ctx.b.spans)
    )


def generate(seed: int = 20261125, n_docs: int = 600) -> list[Doc]:
    """Return ``n_docs`` labeled documents, a third per language, reproducibly."""
    return [make_doc(seed, index) for index in range(n_docs)]


def dump(docs: list[Doc], directory: Path) -> None:
    """Write ``<id>.txt`` and ``<id>.json`` gold files for each document."""
    directory.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (directory / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
        gold = {
            "id": doc.doc_id, "language": doc.language, "kind": doc.kind,
            "spans": [{"entity_type": s.entity_type, "start": s.start, "end": s.end,
                       "text": doc.text[s.start : s.end]} for s in doc.spans],
        }  # fmt: skip
        (directory / f"{doc.doc_id}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, required=True, help="directory for .txt/.json")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--docs", type=int, default=600)
    args = parser.parse_args(argv)
    docs = generate(args.seed, args.docs)
    dump(docs, args.dump)
    spans = sum(len(d.spans) for d in docs)
    print(f"wrote {len(docs)} documents, {spans} gold spans to {args.dump}")


if __name__ == "__main__":
    main()
