"""A blind, labeled evaluation corpus of clinic documents in Korean, Vietnamese and English.

Written independently of the detector and of the development corpora: nobody tunes on it.
``generate(seed, n_docs)`` returns ``Doc`` objects whose gold spans are recorded while the
text is appended (never found by searching afterwards).

Conventions: PERSON is the bare name of anyone (patients, relatives, staff), without titles
or honorifics. MEDICAL_RECORD_NUMBER covers the chart number itself, including letters that
belong to it (``HN-24-00817``) but never its label. Every valid KR_BRN is labeled, the
clinic's own included; the clinic's main phone, postal address, homepage and info mailbox
are not. Masked values, invalid-checksum look-alikes, doctor licence numbers, order,
booking, lot and tracking numbers, prices, doses, timestamps and visit dates are unlabeled.
Medical terms are labeled only when they are about a person (not in adverts or price lists).

``python bench/blind.py --stats [--seed S] [--docs N]`` prints counts and runs ``check``;
``--dump DIR`` writes ``<id>.txt`` and ``<id>.json`` per document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import ENTITY_TYPES, LANGUAGES, Doc, Span, dump  # noqa: E402

Piece = str | tuple[str, str]

# --------------------------------------------------------------------------- text builder

_FIELD = re.compile(r"\{(\w+)\}")


def unaccent(text: str) -> str:
    """Drop Vietnamese/Latin diacritics, leaving Hangul and other scripts untouched."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
        elif ord(ch) < 0x2000:
            out.append(
                "".join(
                    c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn"
                )
            )
        else:
            out.append(ch)
    return "".join(out)


class Text:
    """Appends pieces and records the offsets of labeled ones as they are appended."""

    def __init__(self, plain: bool = False, noise: Callable[[str], str] | None = None) -> None:
        """Start an empty text; ``plain`` strips diacritics, ``noise`` garbles unlabeled text."""
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.size = 0
        self.plain = plain
        self.noise = noise

    def add(self, *pieces: Piece) -> Text:
        """Append plain strings and ``(entity_type, value)`` labeled pieces."""
        for piece in pieces:
            if isinstance(piece, tuple):
                etype, value = piece
                value = unaccent(value) if self.plain else value
                if value != value.strip() or not value:
                    raise ValueError(f"untrimmed or empty {etype}: {value!r}")
                self.spans.append(Span(etype, self.size, self.size + len(value)))
                text = value
            else:
                text = unaccent(piece) if self.plain else piece
                text = self.noise(text) if self.noise else text
            self.parts.append(text)
            self.size += len(text)
        return self

    def line(self, *pieces: Piece) -> Text:
        """Append pieces and a newline."""
        return self.add(*pieces, "\n")

    def fmt(self, template: str, **kw: Piece) -> Text:
        """Append a template whose ``{key}`` fields are filled from ``kw``."""
        pos = 0
        for m in _FIELD.finditer(template):
            self.add(template[pos : m.start()], kw[m.group(1)])
            pos = m.end()
        return self.add(template[pos:])

    def extend(self, other: Text) -> Text:
        """Append another text, shifting its spans."""
        self.spans.extend(
            Span(s.entity_type, s.start + self.size, s.end + self.size) for s in other.spans
        )
        self.parts.append(other.text())
        self.size += other.size
        return self

    def text(self) -> str:
        """The text so far."""
        return "".join(self.parts)


def lab(etype: str, value: str) -> tuple[str, str]:
    """A labeled piece."""
    return (etype, value)


def per(v: str) -> tuple[str, str]:
    """A PERSON piece."""
    return ("PERSON", v)


def phn(v: str) -> tuple[str, str]:
    """A PHONE_NUMBER piece."""
    return ("PHONE_NUMBER", v)


def eml(v: str) -> tuple[str, str]:
    """An EMAIL_ADDRESS piece."""
    return ("EMAIL_ADDRESS", v)


def adr(v: str) -> tuple[str, str]:
    """An ADDRESS piece."""
    return ("ADDRESS", v)


def dob(v: str) -> tuple[str, str]:
    """A DATE_OF_BIRTH piece."""
    return ("DATE_OF_BIRTH", v)


def mrn(v: str) -> tuple[str, str]:
    """A MEDICAL_RECORD_NUMBER piece."""
    return ("MEDICAL_RECORD_NUMBER", v)


def cond(v: str) -> tuple[str, str]:
    """A MEDICAL_CONDITION piece."""
    return ("MEDICAL_CONDITION", v)


def proc(v: str) -> tuple[str, str]:
    """A MEDICAL_PROCEDURE piece."""
    return ("MEDICAL_PROCEDURE", v)


def med(v: str) -> tuple[str, str]:
    """A MEDICATION piece."""
    return ("MEDICATION", v)


def url(v: str) -> tuple[str, str]:
    """A URL piece."""
    return ("URL", v)


# --------------------------------------------------------------------------- vocabulary

KO_SURNAMES = (
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
    ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"),
    ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"), ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"),
    ("류", "Ryu"), ("전", "Jeon"), ("홍", "Hong"), ("고", "Ko"), ("문", "Moon"), ("양", "Yang"),
    ("손", "Son"), ("배", "Bae"), ("백", "Baek"), ("허", "Heo"), ("남", "Nam"), ("심", "Shim"),
    ("노", "Noh"), ("하", "Ha"), ("곽", "Kwak"), ("성", "Sung"), ("차", "Cha"), ("주", "Joo"),
    ("우", "Woo"), ("구", "Koo"), ("진", "Jin"), ("민", "Min"), ("나", "Na"), ("채", "Chae"),
    ("원", "Won"), ("천", "Chun"), ("방", "Bang"), ("표", "Pyo"), ("남궁", "Namgoong"),
    ("황보", "Hwangbo"), ("선우", "Sunwoo"), ("제갈", "Jegal"), ("엄", "Eom"), ("유", "Yoo"),
)  # fmt: skip
KO_GIVEN_F = (
    ("민지", "Min-ji"), ("지은", "Ji-eun"), ("서연", "Seo-yeon"), ("수빈", "Su-bin"),
    ("하은", "Ha-eun"), ("지현", "Ji-hyun"), ("은지", "Eun-ji"), ("예린", "Ye-rin"),
    ("유진", "Yu-jin"), ("혜진", "Hye-jin"), ("소영", "So-young"), ("다은", "Da-eun"),
    ("미경", "Mi-kyung"), ("정희", "Jung-hee"), ("수정", "Su-jeong"), ("나연", "Na-yeon"),
    ("지수", "Ji-soo"), ("현주", "Hyun-ju"), ("윤아", "Yoon-a"), ("보람", "Bo-ram"),
    ("채원", "Chae-won"), ("가영", "Ga-young"), ("은비", "Eun-bi"), ("선영", "Sun-young"),
    ("경숙", "Kyung-sook"), ("영미", "Young-mi"), ("슬기", "Seul-gi"), ("아름", "A-reum"),
    ("세진", "Se-jin"), ("효정", "Hyo-jung"), ("다희", "Da-hee"), ("연경", "Yeon-kyung"),
)  # fmt: skip
KO_GIVEN_M = (
    ("민준", "Min-jun"), ("지훈", "Ji-hoon"), ("현우", "Hyun-woo"), ("성민", "Sung-min"),
    ("준호", "Jun-ho"), ("동현", "Dong-hyun"), ("재원", "Jae-won"), ("승현", "Seung-hyun"),
    ("태윤", "Tae-yoon"), ("영수", "Young-soo"), ("상철", "Sang-chul"), ("우진", "Woo-jin"),
    ("도윤", "Do-yoon"), ("정훈", "Jung-hoon"), ("병철", "Byung-chul"), ("기태", "Ki-tae"),
)  # fmt: skip

VN_SURNAMES = (
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
    "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Cao",
    "Lâm", "Tạ", "Quách", "Châu", "Lương", "Tô",
)  # fmt: skip
VN_MIDDLE_F = (
    "Thị",
    "Thị",
    "Ngọc",
    "Thanh",
    "Thu",
    "Kim",
    "Hồng",
    "Bảo",
    "Minh",
    "Phương",
    "Thùy",
    "Mỹ",
    "Khánh",
    "Hoài",
)
VN_MIDDLE_M = ("Văn", "Văn", "Minh", "Đức", "Quốc", "Hữu", "Gia", "Thành", "Hoàng", "Tuấn")
VN_GIVEN_F = (
    "Lan", "Hương", "Linh", "Trang", "Mai", "Hoa", "Thảo", "Ngọc", "Anh", "Hà", "Huyền",
    "Nhung", "Vy", "Phương", "Yến", "Hạnh", "Thúy", "Duyên", "Quỳnh", "Nhi", "Tâm", "Hiền",
    "Dung", "Loan", "Oanh", "Nga", "Vân", "Trinh", "My", "Giang", "Châu", "Uyên",
)  # fmt: skip
VN_GIVEN_M = (
    "Tuấn",
    "Hùng",
    "Dũng",
    "Nam",
    "Minh",
    "Khoa",
    "Phúc",
    "Long",
    "Thắng",
    "Sơn",
    "Tùng",
    "Đạt",
    "Bảo",
    "Khánh",
    "Hiếu",
    "Quân",
    "Huy",
    "Trung",
)

# origin -> (female given names, male given names, surnames, family-name-first)
WORLD: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]] = {
    "anglo": (
        (
            "Emily",
            "Jessica",
            "Olivia",
            "Hannah",
            "Chloe",
            "Grace",
            "Megan",
            "Rachel",
            "Lauren",
            "Sophie",
            "Amelia",
        ),
        ("Michael", "James", "Daniel", "Ryan", "Thomas", "Nathan"),
        (
            "Carter",
            "Thompson",
            "Bennett",
            "O'Brien",
            "Mitchell",
            "Whitfield",
            "Harper",
            "Collins",
            "Fitzgerald",
            "Morgan",
            "Hughes",
            "McKenzie",
            "Sullivan",
        ),
        False,
    ),
    "hispanic": (
        ("Sofía", "Camila", "Valentina", "Lucía", "Mariana", "Daniela", "Ximena", "Gabriela"),
        ("Alejandro", "Mateo", "Diego", "Javier", "Carlos"),
        (
            "Hernández",
            "Ramírez",
            "Torres",
            "Gutiérrez",
            "Morales",
            "Castillo",
            "Vargas",
            "Rojas",
            "Mendoza",
            "Delgado",
        ),
        False,
    ),
    "slavic": (
        ("Katarzyna", "Olena", "Milena", "Jana", "Agnieszka", "Ivana", "Marta"),
        ("Piotr", "Tomasz", "Andriy", "Marek"),
        (
            "Nowak",
            "Kowalska",
            "Shevchenko",
            "Horvat",
            "Novotná",
            "Wiśniewska",
            "Kovalenko",
            "Dvořák",
        ),
        False,
    ),
    "russian": (
        ("Anastasia", "Ekaterina", "Alina", "Yulia", "Daria", "Polina", "Kseniya"),
        ("Dmitri", "Sergei", "Alexei", "Ivan"),
        (
            "Petrova",
            "Smirnova",
            "Ivanova",
            "Sokolova",
            "Volkova",
            "Kuznetsova",
            "Morozova",
            "Popova",
        ),
        False,
    ),
    "indian": (
        ("Priya", "Ananya", "Deepika", "Kavya", "Sneha", "Meera", "Aishwarya"),
        ("Rahul", "Arjun", "Vikram", "Rohan"),
        ("Sharma", "Iyer", "Mehta", "Nair", "Reddy", "Patel", "Kapoor", "Menon"),
        False,
    ),
    "arabic": (
        ("Fatima", "Layla", "Noura", "Mariam", "Aisha", "Huda", "Reem"),
        ("Omar", "Yousef", "Khalid", "Hamad"),
        ("Al-Sayed", "Haddad", "Khalil", "Al Mansouri", "Rahman", "Al-Qahtani", "Nasser", "Farouk"),
        False,
    ),
    "chinese": (
        ("Xiaoling", "Jiahui", "Yuting", "Meiling", "Xinyi", "Ruoxi"),
        ("Wei", "Hao", "Jun", "Zhiwei"),
        ("Wang", "Li", "Chen", "Zhang", "Liu", "Huang", "Zhou", "Lin"),
        True,
    ),
    "japanese": (
        ("Yuki", "Haruka", "Aiko", "Mei", "Sakura", "Misaki", "Ayaka"),
        ("Kenji", "Takeshi", "Haruto"),
        ("Tanaka", "Sato", "Suzuki", "Watanabe", "Nakamura", "Kobayashi", "Yamamoto"),
        False,
    ),
    "filipino": (
        ("Maria Clarissa", "Angelica", "Jasmine", "Kristine", "Maricel", "Joy Ann"),
        ("Mark Anthony", "Jerome", "Paolo"),
        ("Santos", "Dela Cruz", "Reyes", "Bautista", "Villanueva", "Mendoza", "Aquino"),
        False,
    ),
    "mongolian": (
        ("Enkhjargal", "Oyunchimeg", "Sarangerel", "Bolormaa", "Nomin", "Anujin", "Khulan"),
        ("Batbayar", "Temuulen", "Ganzorig"),
        ("Batbayar", "Ganbold", "Tserendorj", "Dorj", "Bat-Erdene", "Otgonbayar"),
        True,
    ),
    "thai": (
        ("Siriporn", "Kanokwan", "Pimchanok", "Naphat", "Supaporn", "Chanida"),
        ("Napat", "Somchai", "Kittipong"),
        ("Chaiyaphum", "Wongsawat", "Srisuk", "Rattanakul", "Saetang", "Boonmee"),
        False,
    ),
    "other": (
        ("Amara", "Ingrid", "Léa", "Giulia", "Hanna", "Zeynep", "Chiara", "Aaliyah"),
        ("Lukas", "Matteo", "Emre", "Kwame"),
        ("Okafor", "Johansson", "Dubois", "Rossi", "Müller", "Yılmaz", "Van der Berg", "Mensah"),
        False,
    ),
}

# (ko, vi, en)
PROCEDURES = (
    ("쌍꺼풀 수술", "cắt mí mắt", "double eyelid surgery"),
    ("절개식 쌍꺼풀 수술", "cắt mí toàn phần", "incisional blepharoplasty"),
    ("매몰법 쌍꺼풀", "bấm mí", "non-incisional double eyelid surgery"),
    ("눈매교정술", "chỉnh cơ nâng mi", "ptosis correction"),
    ("하안검 성형술", "cắt bọng mắt dưới", "lower blepharoplasty"),
    ("코성형", "nâng mũi", "rhinoplasty"),
    ("비중격 교정술", "chỉnh vách ngăn mũi", "septoplasty"),
    ("코끝 성형", "thu gọn đầu mũi", "tip plasty"),
    ("가슴확대술", "nâng ngực", "breast augmentation"),
    ("보형물 제거술", "tháo túi ngực", "implant removal"),
    ("지방흡입", "hút mỡ", "liposuction"),
    ("복부 지방흡입", "hút mỡ bụng", "abdominal liposuction"),
    ("얼굴 지방이식", "cấy mỡ mặt", "facial fat grafting"),
    ("광대축소술", "gọt xương gò má", "zygoma reduction"),
    ("사각턱 수술", "gọt góc hàm", "mandible angle reduction"),
    ("양악수술", "phẫu thuật hai hàm", "double jaw surgery"),
    ("턱끝 성형술", "độn cằm", "genioplasty"),
    ("안면거상술", "căng da mặt", "facelift"),
    ("실리프팅", "căng chỉ", "thread lift"),
    ("복부성형술", "tạo hình thành bụng", "abdominoplasty"),
    ("보톡스 시술", "tiêm botox", "Botox injection"),
    ("필러 시술", "tiêm filler", "filler injection"),
    ("흉터 성형술", "phẫu thuật xóa sẹo", "scar revision"),
    ("이마 거상술", "nâng cung mày", "brow lift"),
    ("앞트임", "mở rộng góc mắt trong", "epicanthoplasty"),
)  # fmt: skip
CONDITIONS = (
    ("안검하수", "sụp mí", "ptosis"),
    ("비중격 만곡증", "lệch vách ngăn mũi", "deviated septum"),
    ("켈로이드", "sẹo lồi", "keloid"),
    ("비후성 반흔", "sẹo phì đại", "hypertrophic scar"),
    ("구형구축", "co thắt bao xơ", "capsular contracture"),
    ("혈종", "tụ máu", "hematoma"),
    ("장액종", "tụ dịch", "seroma"),
    ("수술 부위 감염", "nhiễm trùng vết mổ", "surgical site infection"),
    ("고혈압", "tăng huyết áp", "hypertension"),
    ("제2형 당뇨병", "đái tháo đường type 2", "type 2 diabetes"),
    ("갑상선기능저하증", "suy giáp", "hypothyroidism"),
    ("천식", "hen phế quản", "asthma"),
    ("아토피 피부염", "viêm da cơ địa", "atopic dermatitis"),
    ("알레르기 비염", "viêm mũi dị ứng", "allergic rhinitis"),
    ("철결핍성 빈혈", "thiếu máu thiếu sắt", "iron-deficiency anemia"),
    ("안면 비대칭", "mất cân đối khuôn mặt", "facial asymmetry"),
    ("우울증", "trầm cảm", "depression"),
    ("공황장애", "rối loạn hoảng sợ", "panic disorder"),
    ("페니실린 알레르기", "dị ứng penicillin", "penicillin allergy"),
    ("B형 간염", "viêm gan B", "hepatitis B"),
    ("여유증", "nữ hóa tuyến vú", "gynecomastia"),
    ("역류성 식도염", "trào ngược dạ dày thực quản", "GERD"),
    ("봉와직염", "viêm mô tế bào", "cellulitis"),
    ("편두통", "đau nửa đầu", "migraine"),
    ("부정교합", "lệch khớp cắn", "malocclusion"),
)  # fmt: skip
# (ko, latin)
MEDICATIONS = (
    ("세파클러", "Cefaclor"), ("아목시실린", "Amoxicillin"), ("오구멘틴", "Augmentin"),
    ("세파졸린", "Cefazolin"), ("타이레놀", "Tylenol"), ("아세트아미노펜", "Acetaminophen"),
    ("이부프로펜", "Ibuprofen"), ("록소프로펜", "Loxoprofen"), ("트라마돌", "Tramadol"),
    ("트라넥삼산", "Tranexamic acid"), ("프레드니솔론", "Prednisolone"),
    ("메드롤", "Medrol"), ("레바미피드", "Rebamipide"), ("온단세트론", "Ondansetron"),
    ("리도카인", "Lidocaine"), ("케토롤락", "Ketorolac"), ("후시딘", "Fucidin"),
    ("무피로신", "Mupirocin"), ("레보티록신", "Levothyroxine"), ("메트포르민", "Metformin"),
    ("암로디핀", "Amlodipine"), ("아스피린", "Aspirin"), ("와파린", "Warfarin"),
    ("이소트레티노인", "Isotretinoin"), ("세르트랄린", "Sertraline"),
    ("세티리진", "Cetirizine"), ("클린다마이신", "Clindamycin"), ("세프트리악손", "Ceftriaxone"),
)  # fmt: skip
ANESTHETICS = (
    ("프로포폴", "Propofol"),
    ("미다졸람", "Midazolam"),
    ("펜타닐", "Fentanyl"),
    ("레미펜타닐", "Remifentanil"),
    ("세보플루란", "Sevoflurane"),
    ("로쿠로니움", "Rocuronium"),
    ("케타민", "Ketamine"),
)
VN_BRANDS = (
    "Efferalgan",
    "Panadol",
    "Alpha Choay",
    "Hirudoid",
    "Augmentin",
    "Medrol",
    "Klamentin",
    "Zinnat",
    "Partamol",
)
DOSES_KO = (
    "500mg 1정 1일 3회",
    "1T tid",
    "1캡슐 1일 2회",
    "250mg bid",
    "필요시 1정",
    "1일 1회 아침",
    "2정 하루 3번 식후 30분",
    "1 amp IV",
    "5일분",
)
DOSES_VI = (
    "500mg x 2 viên/ngày",
    "uống sau ăn, ngày 3 lần",
    "1 viên sáng 1 viên tối",
    "5 ngày",
    "khi đau uống 1 viên",
    "bôi 2 lần/ngày",
)
DOSES_EN = (
    "500 mg PO TID x 5 days",
    "1 tab BID after meals",
    "PRN for pain, max 4/day",
    "apply thinly twice daily",
    "25 mcg once daily",
    "10 mg at bedtime",
)


@dataclass(frozen=True)
class Clinic:
    """A fictional clinic; its public contact details stay unlabeled."""

    ko: str
    en: str
    phone: str
    addr_ko: str
    addr_en: str
    web: str
    info: str
    domain: str


CLINICS = (
    Clinic(
        "서울미소성형외과",
        "Seoul Miso Plastic Surgery",
        "02-545-7788",
        "서울특별시 강남구 압구정로 342, 5~7층",
        "5F, 342 Apgujeong-ro, Gangnam-gu, Seoul",
        "www.misops.co.kr",
        "info@misops.co.kr",
        "misops.co.kr",
    ),
    Clinic(
        "라온성형외과의원",
        "Raon Aesthetic Clinic",
        "02-3442-1200",
        "서울 강남구 강남대로 470 라온빌딩 3층",
        "3F Raon Bldg, 470 Gangnam-daero, Seoul",
        "https://raonclinic.kr",
        "help@raonclinic.kr",
        "raonclinic.kr",
    ),
    Clinic(
        "더봄성형외과",
        "The Bom Plastic Surgery",
        "1588-3275",
        "서울특별시 서초구 강남대로 441, 서초빌딩 9층",
        "9F, 441 Gangnam-daero, Seocho-gu, Seoul",
        "www.thebomps.com",
        "contact@thebomps.com",
        "thebomps.com",
    ),
    Clinic(
        "해운대제이성형외과",
        "Haeundae J Plastic Surgery",
        "051-744-0909",
        "부산광역시 해운대구 센텀남대로 35, 4층",
        "4F, 35 Centum nam-daero, Busan",
        "www.jps-busan.co.kr",
        "info@jps-busan.co.kr",
        "jps-busan.co.kr",
    ),
)

KO_REGIONS = (
    ("서울특별시", "서울", "강남구", ("테헤란로", "논현로", "도산대로", "봉은사로", "선릉로"),
     ("역삼동", "논현동", "신사동", "삼성동", "대치동"), "06"),
    ("서울특별시", "서울", "마포구", ("월드컵북로", "양화로", "독막로"),
     ("서교동", "합정동", "망원동"), "04"),
    ("서울특별시", "서울", "송파구", ("올림픽로", "송파대로", "백제고분로"),
     ("잠실동", "석촌동", "가락동"), "05"),
    ("서울특별시", "서울", "관악구", ("관악로", "남부순환로"), ("봉천동", "신림동"), "08"),
    ("경기도", "경기", "성남시 분당구", ("판교역로", "정자일로", "불정로"),
     ("정자동", "서현동", "백현동"), "13"),
    ("경기도", "경기", "수원시 영통구", ("광교중앙로", "봉영로"), ("이의동", "영통동"), "16"),
    ("경기도", "경기", "고양시 일산동구", ("중앙로", "정발산로"), ("장항동", "마두동"), "10"),
    ("인천광역시", "인천", "연수구", ("송도과학로", "컨벤시아대로"), ("송도동",), "21"),
    ("부산광역시", "부산", "해운대구", ("해운대해변로", "센텀중앙로", "좌동순환로"),
     ("우동", "중동", "좌동"), "48"),
    ("대구광역시", "대구", "수성구", ("달구벌대로", "동대구로"), ("범어동", "만촌동"), "42"),
    ("대전광역시", "대전", "유성구", ("대학로", "계룡로"), ("궁동", "봉명동"), "34"),
    ("광주광역시", "광주", "서구", ("상무중앙로", "치평로"), ("치평동",), "61"),
    ("제주특별자치도", "제주", "제주시", ("연북로", "노형로"), ("노형동", "연동"), "63"),
)  # fmt: skip
KO_APTS = ("래미안", "자이", "힐스테이트", "푸르지오", "e편한세상", "아이파크", "롯데캐슬", "더샵")

VN_PLACES = (
    ("Hà Nội", "Quận Đống Đa", ("Láng Hạ", "Láng Thượng", "Ô Chợ Dừa"),
     ("Nguyễn Chí Thanh", "Láng Hạ", "Tây Sơn", "Thái Hà")),
    ("Hà Nội", "Quận Cầu Giấy", ("Dịch Vọng", "Nghĩa Đô", "Yên Hòa"),
     ("Trần Duy Hưng", "Xuân Thủy", "Cầu Giấy", "Hoàng Quốc Việt")),
    ("Hà Nội", "Quận Hai Bà Trưng", ("Bạch Đằng", "Minh Khai", "Thanh Nhàn"),
     ("Minh Khai", "Bạch Mai", "Lò Đúc")),
    ("TP. Hồ Chí Minh", "Quận 1", ("Bến Nghé", "Đa Kao", "Tân Định"),
     ("Nguyễn Thị Minh Khai", "Hai Bà Trưng", "Điện Biên Phủ")),
    ("TP. Hồ Chí Minh", "Quận 3", ("Võ Thị Sáu", "Phường 9", "Phường 11"),
     ("Lê Văn Sỹ", "Nam Kỳ Khởi Nghĩa", "Cách Mạng Tháng Tám")),
    ("TP. Hồ Chí Minh", "Quận Bình Thạnh", ("Phường 25", "Phường 22", "Phường 15"),
     ("Điện Biên Phủ", "Xô Viết Nghệ Tĩnh", "Nguyễn Hữu Cảnh")),
    ("TP. Hồ Chí Minh", "Quận 7", ("Tân Phong", "Tân Hưng", "Phú Mỹ"),
     ("Nguyễn Thị Thập", "Nguyễn Hữu Thọ", "Huỳnh Tấn Phát")),
    ("TP. Hồ Chí Minh", "Quận Phú Nhuận", ("Phường 9", "Phường 2"),
     ("Phan Xích Long", "Nguyễn Văn Trỗi")),
    ("Đà Nẵng", "Quận Hải Châu", ("Thạch Thang", "Hòa Cường Bắc", "Phước Ninh"),
     ("Nguyễn Văn Linh", "Lê Duẩn", "Trưng Nữ Vương")),
    ("Hải Phòng", "Quận Lê Chân", ("An Biên", "Dư Hàng Kênh"), ("Tô Hiệu", "Lạch Tray")),
    ("Cần Thơ", "Quận Ninh Kiều", ("An Hòa", "Xuân Khánh"), ("30 Tháng 4", "Mậu Thân")),
)  # fmt: skip
VN_RURAL = (
    ("Thôn 3", "xã Hòa Phú", "huyện Hòa Vang", "TP. Đà Nẵng"),
    ("Ấp Phú Lợi", "xã Tân Phú", "huyện Châu Thành", "tỉnh Tiền Giang"),
    ("Xóm 5", "xã Nghi Phong", "huyện Nghi Lộc", "tỉnh Nghệ An"),
    ("Thôn Đông", "xã Quảng Phú", "huyện Quảng Xương", "tỉnh Thanh Hóa"),
    ("Tổ 7", "phường Tân Thịnh", "TP. Thái Nguyên", "tỉnh Thái Nguyên"),
    ("Khu phố 2", "phường Phú Thọ", "TP. Thủ Dầu Một", "tỉnh Bình Dương"),
)
VN_PROVINCES = (
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
)  # fmt: skip
US_PLACES = (
    ("Los Angeles", "CA", "900"),
    ("Houston", "TX", "770"),
    ("Seattle", "WA", "981"),
    ("Fairfax", "VA", "220"),
    ("Flushing", "NY", "113"),
    ("Honolulu", "HI", "968"),
    ("Garden Grove", "CA", "928"),
    ("Fort Lee", "NJ", "070"),
    ("Atlanta", "GA", "303"),
    ("Chicago", "IL", "606"),
    ("San Jose", "CA", "951"),
)
US_STREETS = (
    "Maple Ave",
    "Oak Street",
    "Sunset Blvd",
    "W 3rd St",
    "Pine Ridge Dr",
    "Willow Ln",
    "Lakeview Terrace",
    "Brookhurst St",
    "Main St",
    "Cedar Court",
)
UK_PLACES = (
    ("London", "SW11 4NJ"),
    ("Manchester", "M14 5RG"),
    ("Leeds", "LS6 2AB"),
    ("Birmingham", "B15 2TT"),
    ("Glasgow", "G12 8QQ"),
    ("Bristol", "BS8 1TH"),
    ("London", "E14 9SH"),
)
UK_STREETS = (
    "Wellington Road",
    "Victoria Street",
    "Kingsway",
    "Albert Road",
    "St John's Close",
    "Highfield Avenue",
    "Queens Drive",
)
AU_PLACES = (
    ("Chatswood", "NSW", "2067"),
    ("Strathfield", "NSW", "2135"),
    ("Box Hill", "VIC", "3128"),
    ("Clayton", "VIC", "3168"),
    ("Sunnybank", "QLD", "4109"),
    ("Northbridge", "WA", "6003"),
    ("Cabramatta", "NSW", "2166"),
)
AU_STREETS = (
    "Banksia St",
    "Railway Pde",
    "Victoria Ave",
    "George St",
    "Mains Rd",
    "Wattle Grove",
    "Archer St",
)
EMAIL_DOMAINS = {
    "ko": (
        "naver.com",
        "naver.com",
        "gmail.com",
        "daum.net",
        "hanmail.net",
        "kakao.com",
        "nate.com",
    ),
    "vi": ("gmail.com", "gmail.com", "yahoo.com.vn", "outlook.com", "icloud.com", "fpt.vn"),
    "en": (
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "icloud.com",
        "yahoo.com",
        "proton.me",
        "mail.ru",
        "yandex.ru",
        "yahoo.co.jp",
        "qq.com",
        "bigpond.com",
    ),
}

# --------------------------------------------------------------------------- identifiers

_RRN_W = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _rrn_checks(body: str) -> tuple[int, int]:
    """Resident and foreigner check digits for the first 12 digits."""
    s = sum(int(d) * w for d, w in zip(body, _RRN_W, strict=True))
    return (11 - s % 11) % 10, (13 - s % 11) % 10


def make_rrn(r: random.Random, born: date, sex: str, foreign: bool = False) -> str:
    """A 주민등록번호 or 외국인등록번호 with a valid (pre-2020) check digit."""
    code = (1 if sex == "M" else 2) + (2 if born.year >= 2000 else 0) + (4 if foreign else 0)
    body = f"{born:%y%m%d}{code}" + "".join(str(r.randint(0, 9)) for _ in range(5))
    check = _rrn_checks(body)[1 if foreign else 0]
    return f"{body[:6]}-{body[6:]}{check}"


def bad_rrn(r: random.Random) -> str:
    """An RRN-shaped number whose check digit fits neither formula."""
    born = date(r.randint(1965, 2003), r.randint(1, 12), r.randint(1, 28))
    body = f"{born:%y%m%d}{r.randint(1, 4)}" + "".join(str(r.randint(0, 9)) for _ in range(5))
    good = _rrn_checks(body)
    check = r.choice([d for d in range(10) if d not in good])
    return f"{body[:6]}-{body[6:]}{check}"


def make_brn(r: random.Random) -> str:
    """A 사업자등록번호 with a valid check digit."""
    d = [r.randint(1, 9), r.randint(0, 9), r.randint(0, 9), r.randint(0, 8), r.randint(1, 9)]
    d += [r.randint(0, 9) for _ in range(4)]
    w = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    s = sum(a * b for a, b in zip(d, w, strict=True)) + (d[8] * 5) // 10
    digits = "".join(map(str, d)) + str((10 - s % 10) % 10)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def luhn_digit(body: str) -> int:
    """The Luhn check digit for ``body``."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return (10 - total % 10) % 10


def make_card(r: random.Random, valid: bool = True) -> str:
    """A Luhn-valid (or deliberately invalid) card number, grouped as people write it."""
    prefix, length = r.choice(
        (
            ("4", 16),
            ("4", 16),
            ("51", 16),
            ("55", 16),
            ("2221", 16),
            ("37", 15),
            ("35", 16),
            ("62", 16),
            ("9410", 16),
        )
    )
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    check = luhn_digit(body)
    if not valid:
        check = (check + r.randint(1, 9)) % 10
    num = body + str(check)
    sep = r.choice((" ", "-", "", " "))
    if length == 15:
        return sep.join((num[:4], num[4:10], num[10:]))
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


_IBAN_SHAPES = {
    "DE": "n18",
    "GB": "a4n14",
    "FR": "n10x11n2",
    "NL": "a4n10",
    "ES": "n20",
    "IT": "a1n10x12",
    "PL": "n24",
    "CH": "n5x12",
    "AE": "n19",
    "AT": "n16",
    "BE": "n12",
    "SE": "n20",
    "NO": "n11",
    "IE": "a4n14",
}


def make_iban(r: random.Random, country: str | None = None) -> str:
    """A mod-97 valid IBAN, printed in groups of four or compact."""
    cc = country or r.choice(tuple(_IBAN_SHAPES))
    bban = ""
    for kind, n in re.findall(r"([anx])(\d+)", _IBAN_SHAPES[cc]):
        pool = {
            "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "n": "0123456789",
            "x": "0123456789ABCDEFGHJKLMNPRSTUVWXYZ",
        }[kind]
        bban += "".join(r.choice(pool) for _ in range(int(n)))
    numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
    iban = f"{cc}{98 - int(numeric) % 97:02d}{bban}"
    if r.random() < 0.6:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def make_mrn(r: random.Random, style: int) -> str:
    """A chart number in one of several hospital styles."""
    yy = r.randint(19, 25)
    styles = (
        lambda: f"{r.randint(0, 99999999):08d}",
        lambda: f"20{yy}-{r.randint(1, 99999):06d}",
        lambda: f"HN-{yy}-{r.randint(1, 99999):05d}",
        lambda: f"C-{r.randint(10000, 99999)}",
        lambda: f"{r.randint(100000, 999999)}",
        lambda: f"R{r.randint(0, 9999999):07d}",
        lambda: f"MPS{yy}{r.randint(1, 9999):04d}",
        lambda: f"{r.randint(10, 99)}-{r.randint(1000, 9999)}-{r.randint(10, 99)}",
    )
    return styles[style % len(styles)]()


def make_kr_passport(r: random.Random) -> str:
    """A Korean passport number (old or 2021 format)."""
    if r.random() < 0.35:
        return f"M{r.randint(100, 999)}{r.choice('ABCDEFGHJKLMN')}{r.randint(1000, 9999)}"
    return f"{r.choice('MMMMS')}{r.randint(10000000, 99999999)}"


def make_kr_license(r: random.Random) -> str:
    """A Korean driver licence number."""
    return (
        f"{r.randint(11, 28)}-{r.randint(0, 24):02d}-{r.randint(0, 999999):06d}-{r.randint(10, 99)}"
    )


def make_health_ins(r: random.Random) -> str:
    """An 11-digit 건강보험증 number."""
    return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(10))


def make_cccd(r: random.Random, born: date, sex: str) -> str:
    """A 12-digit Vietnamese CCCD number."""
    cs = (0 if sex == "M" else 1) + (2 if born.year >= 2000 else 0)
    tail = "".join(str(r.randint(0, 9)) for _ in range(6))
    return f"{r.choice(VN_PROVINCES)}{cs}{born:%y}{tail}"


def make_cmnd(r: random.Random) -> str:
    """A 9-digit Vietnamese CMND number."""
    head = r.choice(
        (
            "01",
            "02",
            "03",
            "12",
            "17",
            "18",
            "19",
            "20",
            "21",
            "22",
            "23",
            "24",
            "25",
            "27",
            "28",
            "29",
            "31",
            "33",
            "36",
            "38",
        )
    )
    return head + "".join(str(r.randint(0, 9)) for _ in range(7))


def make_vn_passport(r: random.Random) -> str:
    """A Vietnamese passport number."""
    return f"{r.choice('CCCCNNB')}{r.randint(1000000, 9999999)}"


def make_ipv4(r: random.Random) -> str:
    """A public-looking IPv4 address."""
    first = r.choice(
        (1, 14, 27, 42, 49, 58, 61, 95, 103, 113, 115, 118, 121, 171, 175, 183, 203, 211, 220, 222)
    )
    return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def make_ipv6(r: random.Random) -> str:
    """A global IPv6 address, compressed as logs print it."""
    head = r.choice(("2001:e60", "2402:800", "2405:4800", "2600:1700", "2a02:c7f", "2001:2d8"))
    groups = [f"{r.randint(0, 0xFFFF):x}" for _ in range(r.choice((3, 4)))]
    mid = f"{r.randint(1, 0xFFFF):x}"
    return f"{head}:{mid}::{':'.join(groups)}"


FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")

# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Person:
    """A fictional person with the name forms documents use."""

    origin: str
    sex: str
    born: date
    native: str
    latin: str
    given: str
    given_latin: str
    upper: str
    handle: str


def _ko_person(r: random.Random, sex: str, born: date) -> Person:
    """A Korean person."""
    sur, sur_r = r.choice(KO_SURNAMES)
    giv, giv_r = r.choice(KO_GIVEN_F if sex == "F" else KO_GIVEN_M)
    joined = giv_r.replace("-", "").capitalize()
    latin = r.choice(
        (
            f"{sur_r} {giv_r}",
            f"{joined} {sur_r}",
            f"{sur_r} {joined}",
            f"{giv_r} {sur_r}",
            f"{giv_r.replace('-', ' ')} {sur_r}",
        )
    )
    handle = r.choice(
        (
            f"{joined.lower()}.{sur_r.lower()}",
            f"{sur_r.lower()}{joined.lower()}",
            f"{joined.lower()}{born:%y}",
            f"{sur_r[0].lower()}{joined.lower()}{born:%m%d}",
        )
    )
    return Person(
        "ko", sex, born, sur + giv, latin, giv, joined, f"{sur_r.upper()} {joined.upper()}", handle
    )


def _vi_person(r: random.Random, sex: str, born: date) -> Person:
    """A Vietnamese person."""
    sur = r.choice(VN_SURNAMES)
    mid = r.choice(VN_MIDDLE_F if sex == "F" else VN_MIDDLE_M)
    giv = r.choice(VN_GIVEN_F if sex == "F" else VN_GIVEN_M)
    full = f"{sur} {mid} {giv}" if r.random() < 0.9 else f"{sur} {giv}"
    plain = unaccent(full)
    parts = plain.lower().split()
    handle = r.choice(
        (
            f"{parts[-1]}.{parts[0]}{born:%y}",
            "".join(p[0] for p in parts[:-1]) + parts[-1] + f"{born.year}",
            f"{parts[-1]}{parts[0]}.{born:%d%m}",
        )
    )
    return Person(
        "vi",
        sex,
        born,
        full,
        full if r.random() < 0.6 else plain,
        giv,
        unaccent(giv),
        plain.upper(),
        handle,
    )


def _world_person(r: random.Random, sex: str, born: date, origin: str) -> Person:
    """A person of one of the WORLD origins."""
    fem, male, surs, family_first = WORLD[origin]
    giv = r.choice(fem if sex == "F" else male)
    sur = r.choice(surs)
    if origin == "russian" and sex == "M":
        sur = sur[:-1] if sur.endswith("a") else sur
    full = f"{sur} {giv}" if family_first else f"{giv} {sur}"
    g0 = unaccent(giv).lower().split()[0]
    s0 = unaccent(sur).lower().replace(" ", "").replace("'", "").replace("-", "")
    handle = r.choice(
        (f"{g0}.{s0}", f"{g0}{s0[:3]}{born:%y}", f"{g0}_{s0}", f"{s0}.{g0}{born.day}")
    )
    return Person(origin, sex, born, full, full, giv, giv, unaccent(f"{sur} {giv}").upper(), handle)


def make_person(
    r: random.Random, origin: str, sex: str | None = None, years: tuple[int, int] = (1962, 2005)
) -> Person:
    """A person of ``origin`` ('ko', 'vi' or a WORLD key)."""
    sex = sex or ("F" if r.random() < 0.8 else "M")
    born = date(r.randint(*years), 1, 1) + timedelta(days=r.randint(0, 364))
    if origin == "ko":
        return _ko_person(r, sex, born)
    if origin == "vi":
        return _vi_person(r, sex, born)
    return _world_person(r, sex, born, origin)


# --------------------------------------------------------------------------- per-document state

KO_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WORLD_PHONES: dict[str, Sequence[str]] = {
    "anglo": ("+1 ({a}) {b}-{c}", "+44 7{d} {e}", "+61 4{f} {g} {h}", "04{f} {g} {h}"),
    "hispanic": ("+1 {a}-{b}-{c}", "+52 55 {j} {j}", "+34 6{f} {g} {h}"),
    "slavic": ("+48 5{f} {g} {h}", "+380 67 {g} {j}", "+420 6{f} {g} {h}"),
    "russian": ("+7 9{f} {g}-{k}-{k}", "8 (9{f}) {g}-{k}-{k}"),
    "indian": ("+91 98{f} {i}", "+91-9{e}{d}"),
    "arabic": ("+971 50 {g} {j}", "+966 5{n} {g} {j}", "+965 {j}{j}"),
    "chinese": ("+86 138 {j} {j}", "+86 139-{j}-{j}", "+65 9{g} {j}"),
    "japanese": ("+81 90-{j}-{j}", "090-{j}-{j}"),
    "filipino": ("+63 917 {g} {j}", "0917 {g} {j}"),
    "mongolian": ("+976 99{k} {j}", "+976 88{k}{j}"),
    "thai": ("+66 81 {g} {j}", "081-{g}-{j}"),
    "other": ("+49 151 {j}{j}", "+33 6 {k} {k} {k} {k}", "+39 347 {g} {j}", "+46 70 {g} {k} {k}"),
}


class Gen:
    """Random helpers for one document."""

    def __init__(self, r: random.Random, lang: str) -> None:
        """Bind the generator and the document language."""
        self.r = r
        self.lang = lang
        self.clinic = r.choice(CLINICS)
        self.plain = False
        self.visit = date(2022, 1, 3) + timedelta(days=r.randint(0, 1360))

    def pick(self, seq: Sequence[str]) -> str:
        """One element."""
        return self.r.choice(seq)

    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.r.random() < p

    def num(self, lo: int, hi: int) -> int:
        """A random integer in [lo, hi]."""
        return self.r.randint(lo, hi)

    def patient(self, origin: str | None = None, sex: str | None = None) -> Person:
        """A patient whose origin suits the document language."""
        if origin is None:
            origin = {
                "ko": "ko"
                if self.chance(0.85)
                else self.pick(("vi", "chinese", "mongolian", "russian")),
                "vi": "vi" if self.chance(0.93) else "ko",
                "en": self.pick(tuple(WORLD) + ("ko", "vi", "anglo", "chinese")),
            }[self.lang]
        return make_person(self.r, origin, sex)

    def staff(self, origin: str = "ko", sex: str | None = None) -> Person:
        """A staff member (Korean unless told)."""
        return make_person(self.r, origin, sex or self.pick("FFM"), (1965, 1999))

    def name(self, p: Person) -> str:
        """The name as a document in this language writes it."""
        if p.origin == "ko" and self.lang != "ko":
            return p.latin
        if p.origin == "vi" and self.lang == "en" and self.chance(0.4):
            return unaccent(p.native)
        return p.native

    def given(self, p: Person) -> str:
        """A given-name-only mention."""
        if p.origin == "ko" and self.lang != "ko":
            return p.given_latin
        return p.given

    def proc(self, i: int | None = None) -> str:
        """A procedure name in the document language."""
        row = PROCEDURES[self.r.randrange(len(PROCEDURES)) if i is None else i]
        return row[LANGUAGES.index(self.lang)]

    def cond(self) -> str:
        """A condition name in the document language."""
        return self.r.choice(CONDITIONS)[LANGUAGES.index(self.lang)]

    def med(self) -> str:
        """A drug name in the document language."""
        ko, latin = self.r.choice(MEDICATIONS)
        if self.lang == "ko":
            return ko if self.chance(0.7) else latin
        if self.lang == "vi" and self.chance(0.3):
            return self.pick(VN_BRANDS)
        return latin if self.lang == "vi" or self.chance(0.5) else latin.lower()

    def dose(self) -> str:
        """A dose string (unlabeled)."""
        return self.pick({"ko": DOSES_KO, "vi": DOSES_VI, "en": DOSES_EN}[self.lang])

    def mrn(self) -> str:
        """A chart number."""
        return make_mrn(self.r, self.r.randrange(8))

    def when(self, d: date | None = None) -> str:
        """A visit date in the document language (unlabeled)."""
        d = d or self.visit
        return self.pick(
            {
                "ko": (f"{d:%Y-%m-%d}", f"{d.year}년 {d.month}월 {d.day}일", f"{d:%Y.%m.%d}"),
                "vi": (f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d-%m-%Y}"),
                "en": (
                    f"{d:%Y-%m-%d}",
                    f"{KO_MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
                    f"{d.day} {KO_MONTHS_EN[d.month - 1][:3]} {d.year}",
                    f"{d:%d/%m/%Y}",
                ),
            }[self.lang]
        )

    def birth(self, p: Person) -> str:
        """A date of birth string in the document language."""
        d = p.born
        mon = KO_MONTHS_EN[d.month - 1]
        return self.pick(
            {
                "ko": (
                    f"{d.year}년 {d.month}월 {d.day}일",
                    f"{d:%Y.%m.%d}",
                    f"{d:%Y-%m-%d}",
                    f"{d:%y.%m.%d}",
                    f"{d:%Y/%m/%d}",
                    f"{d:%Y%m%d}",
                ),
                "vi": (
                    f"{d:%d/%m/%Y}",
                    f"{d:%d-%m-%Y}",
                    f"{d.day}/{d.month}/{d.year}",
                    f"{d.day} tháng {d.month} năm {d.year}",
                    f"{d:%d.%m.%Y}",
                ),
                "en": (
                    f"{mon} {d.day}, {d.year}",
                    f"{d.day} {mon[:3]} {d.year}",
                    f"{d:%m/%d/%Y}",
                    f"{d:%Y-%m-%d}",
                    f"{d:%d/%m/%Y}",
                    f"{d:%d.%m.%Y}",
                    f"{d.day:02d} {mon[:3].upper()} {d.year}",
                ),
            }[self.lang]
        )

    def time(self) -> str:
        """A clock time."""
        return f"{self.num(7, 21):02d}:{self.num(0, 59):02d}"

    def digits(self, n: int) -> str:
        """``n`` random digits."""
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def phone(self, p: Person | None = None, origin: str | None = None) -> str:
        """A personal phone number formatted for the person's country."""
        origin = origin or (p.origin if p else self.lang if self.lang != "en" else "anglo")
        if origin == "ko":
            number = self.kr_phone()
        elif origin == "vi":
            number = self.vn_phone()
        else:
            sizes = {
                "a": 0,
                "b": 0,
                "c": 4,
                "d": 3,
                "e": 6,
                "f": 2,
                "g": 3,
                "h": 3,
                "i": 5,
                "j": 4,
                "k": 2,
                "n": 1,
            }

            def fill(m: re.Match[str]) -> str:
                key = m.group(1)
                if key in "ab":
                    return str(self.num(201, 989))
                return self.digits(sizes[key])

            number = re.sub(r"\{(\w)\}", fill, self.pick(WORLD_PHONES[origin]))
        return number.translate(FULLWIDTH) if self.chance(0.03) else number

    def kr_phone(self) -> str:
        """A Korean mobile or landline number."""
        a, b = self.digits(4), self.digits(4)
        a = str(self.num(2, 9)) + a[1:]
        if self.chance(0.1):
            return self.pick(
                (
                    f"02-{self.num(200, 999)}-{b}",
                    f"031-{self.num(200, 999)}-{b}",
                    f"051-{self.num(700, 799)}-{b}",
                )
            )
        return self.pick(
            (
                f"010-{a}-{b}",
                f"010-{a}-{b}",
                f"010 {a} {b}",
                f"010{a}{b}",
                f"+82 10-{a}-{b}",
                f"+82-10-{a}-{b}",
                f"(010) {a}-{b}",
                f"010.{a}.{b}",
                f"+82 10 {a} {b}",
            )
        )

    def vn_phone(self) -> str:
        """A Vietnamese mobile number."""
        pre = self.pick(
            (
                "090",
                "091",
                "093",
                "094",
                "096",
                "097",
                "098",
                "086",
                "088",
                "070",
                "077",
                "079",
                "081",
                "083",
                "032",
                "035",
                "039",
                "085",
                "089",
            )
        )
        d = str(self.num(1, 9)) + self.digits(6)
        return self.pick(
            (
                f"{pre}{d[0]} {d[1:4]} {d[4:]}",
                f"{pre}{d}",
                f"{pre}.{d[:3]}.{d[3:]}",
                f"+84 {pre[1:]}{d[0]} {d[1:4]} {d[4:]}",
                f"(+84) {pre[1:]} {d[:3]} {d[3:]}",
                f"{pre} {d[:3]} {d[3:]}",
                f"+84{pre[1:]}{d}",
            )
        )

    def email(self, p: Person) -> str:
        """A personal e-mail address."""
        pool = {
            "ko": EMAIL_DOMAINS["ko"],
            "vi": EMAIL_DOMAINS["vi"],
            "russian": ("mail.ru", "yandex.ru", "gmail.com"),
            "japanese": ("yahoo.co.jp", "gmail.com", "icloud.com"),
            "chinese": ("qq.com", "163.com", "gmail.com"),
        }.get(p.origin, EMAIL_DOMAINS["en"][:6])
        handle = p.handle if self.chance(0.85) else p.handle.upper()[:1] + p.handle[1:]
        return f"{handle}@{self.pick(pool)}"

    def staff_email(self, p: Person) -> str:
        """A staff member's work mailbox (personal data)."""
        first = p.given_latin.lower() if p.origin != "vi" else unaccent(p.given).lower()
        last = p.upper.split()[0].lower()
        local = self.pick((f"{first}.{last}", f"{last}.{first}", f"{first[0]}{last}"))
        return f"{local}@{self.clinic.domain}"

    def address(self, p: Person | None = None, where: str | None = None) -> str:
        """A full postal address for where the person lives."""
        where = where or self.residence(p)
        fn = {
            "ko": self.kr_address,
            "kr_en": self.kr_address_en,
            "vi": self.vn_address,
            "us": self.us_address,
            "uk": self.uk_address,
            "au": self.au_address,
            "intl": self.intl_address,
        }[where]
        return fn()

    def residence(self, p: Person | None) -> str:
        """Which address style fits the person and document."""
        origin = p.origin if p else self.lang
        if origin == "ko":
            return "ko" if self.lang != "en" else self.pick(("kr_en", "kr_en", "us"))
        if origin == "vi":
            return (
                self.pick(("vi", "vi", "vi", "ko"))
                if self.lang != "en"
                else self.pick(("vi", "au", "us"))
            )
        if origin in ("anglo", "hispanic"):
            return self.pick(("us", "uk", "au")) if origin == "anglo" else "us"
        return self.pick(("intl", "intl", "us", "ko" if self.lang == "ko" else "kr_en"))

    def kr_address(self) -> str:
        """A Korean road-name or lot-number address."""
        sido, short, gu, roads, dongs, zip2 = self.r.choice(KO_REGIONS)
        sido = sido if self.chance(0.6) else short
        unit = f"{self.num(101, 115)}동 {self.num(1, 25)}{self.num(1, 4):02d}호"
        if self.chance(0.65):
            base = f"{sido} {gu} {self.pick(roads)} {self.num(1, 480)}"
            base += self.pick(
                (
                    f", {unit}",
                    f" {unit}",
                    f", {self.num(2, 12)}층",
                    "",
                    f", {unit} ({self.pick(dongs)}, {self.pick(KO_APTS)})",
                )
            )
        else:
            base = f"{sido} {gu} {self.pick(dongs)} {self.num(1, 999)}-{self.num(1, 40)}"
            base += self.pick((f" {self.pick(KO_APTS)} {unit}", f" {self.num(1, 5)}층", ""))
        if self.chance(0.2):
            base = f"({zip2}{self.num(100, 999)}) {base}"
        return base

    def kr_address_en(self) -> str:
        """A Korean address written in English."""
        gu, city, roads = self.r.choice(
            (
                ("Gangnam-gu", "Seoul", ("Teheran-ro", "Nonhyeon-ro", "Dosan-daero")),
                ("Mapo-gu", "Seoul", ("Yanghwa-ro", "Dongmak-ro")),
                ("Yongsan-gu", "Seoul", ("Itaewon-ro", "Hangang-daero")),
                ("Bundang-gu, Seongnam-si", "Gyeonggi-do", ("Pangyoyeok-ro",)),
                ("Haeundae-gu", "Busan", ("Centum jungang-ro", "Haeundaehaebyeon-ro")),
            )
        )
        return self.pick(
            (
                f"{self.num(101, 112)}-{self.num(101, 2503)}, {self.num(1, 400)} "
                f"{self.pick(roads)}, {gu}, {city} {self.num(1, 6):02d}{self.num(100, 999)}",
                f"Apt {self.num(101, 2503)}, {self.num(1, 400)} {self.pick(roads)}, {gu}, {city}",
                f"{self.num(1, 400)}, {self.pick(roads)}, {gu}, {city}, Republic of Korea",
            )
        )

    def vn_address(self) -> str:
        """A Vietnamese street or rural address."""
        if self.chance(0.2):
            hamlet, commune, district, prov = self.r.choice(VN_RURAL)
            return f"{hamlet}, {commune}, {district}, {prov}"
        city, dist, wards, streets = self.r.choice(VN_PLACES)
        head = self.pick(
            (
                f"Số {self.num(1, 320)}",
                f"{self.num(1, 320)}",
                f"Số {self.num(1, 99)} ngõ {self.num(1, 250)}",
                f"{self.num(1, 199)}/{self.num(1, 40)}",
                f"Căn hộ {self.num(3, 30)}{self.num(1, 20):02d}, tòa "
                f"{self.pick('ABCS')}{self.num(1, 9)},",
            )
        )
        ward = self.pick(wards)
        ward = ward if ward.startswith("Phường") else f"Phường {ward}"
        sep = self.pick((", ", ", ", " - "))
        return f"{head} {self.pick(streets)}{sep}{ward}{sep}{dist}{sep}{city}"

    def us_address(self) -> str:
        """A US address."""
        city, st, z = self.r.choice(US_PLACES)
        unit = self.pick(
            ("", "", f", Apt {self.num(1, 40)}{self.pick('ABCD')}", f" #{self.num(100, 999)}")
        )
        street = f"{self.num(10, 9899)} {self.pick(US_STREETS)}"
        return f"{street}{unit}, {city}, {st} {z}{self.num(10, 99)}"

    def uk_address(self) -> str:
        """A UK address."""
        town, pc = self.r.choice(UK_PLACES)
        flat = self.pick(("", f"Flat {self.num(1, 24)}, ", ""))
        return f"{flat}{self.num(1, 180)} {self.pick(UK_STREETS)}, {town} {pc}"

    def au_address(self) -> str:
        """An Australian address."""
        sub, st, pc = self.r.choice(AU_PLACES)
        unit = self.pick(("", f"{self.num(1, 30)}/", f"Unit {self.num(1, 30)}, "))
        return f"{unit}{self.num(1, 250)} {self.pick(AU_STREETS)}, {sub} {st} {pc}"

    def intl_address(self) -> str:
        """An address elsewhere in the world."""
        n, m = self.num(1, 120), self.num(1, 300)
        return self.pick(
            (
                f"ul. Marszałkowska {n}/{m % 50 + 1}, 00-{self.num(100, 999)} Warszawa, Poland",
                f"Tverskaya ul. {n}, kv. {m}, Moscow 125009",
                f"Flat {m}, Tower {n % 4 + 1}, Jumeirah Lake Towers, Dubai, UAE",
                f"Bayanzurkh district, {n % 20 + 1}th khoroo, Peace Avenue {n}-{m}, Ulaanbaatar "
                f"13330",
                f"{n % 5 + 1}-{n % 20 + 1}-{m % 30 + 1} Jingumae, Shibuya-ku, Tokyo 150-0001",
                f"Blk {m} Tampines St 11, #0{n % 9 + 1}-{m % 90 + 10}, Singapore "
                f"52{self.num(1000, 9999)}",
                f"Unit {n % 30 + 1}C, {m} Jupiter St, Bel-Air, Makati City 1209",
                f"{m}/{n} Soi Sukhumvit 31, Khlong Toei Nuea, Watthana, Bangkok 10110",
                f"Plot {n}, Sector {m % 30 + 1}, Vashi, Navi Mumbai 400703",
                f"Calle de Serrano {n}, {m % 9 + 1}º B, 28001 Madrid",
                f"Room {m}, Building {n % 12 + 1}, Lane {m} Changning Road, Shanghai 200050",
                f"Av. Insurgentes Sur {n * 10}, Col. Roma Norte, 06700 Ciudad de México",
            )
        )

    def personal_url(self, p: Person) -> str:
        """A personal link: a social profile, a shared file or a personal booking link."""
        tok = "".join(
            self.r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
            for _ in range(self.num(7, 12))
        )
        return self.pick(
            (
                f"https://www.instagram.com/{p.handle}",
                f"instagram.com/{p.handle}",
                f"https://m.facebook.com/{p.handle}",
                f"https://www.facebook.com/{p.handle}.{self.num(10, 9999)}",
                f"https://www.tiktok.com/@{p.handle}",
                f"https://blog.naver.com/{p.handle}",
                f"https://drive.google.com/file/d/1{tok}{tok[::-1]}X{self.digits(6)}/view?usp=sharing",
                f"https://{self.clinic.domain}/booking/confirm?token={tok}",
                f"https://open.kakao.com/o/s{tok[:7]}",
                f"https://photos.app.goo.gl/{tok}{tok[:5]}",
                f"https://wetransfer.com/downloads/{self.digits(12)}{tok.lower()}/{self.digits(6)}",
                f"https://zalo.me/0{self.num(3, 9)}{self.digits(8)}",
            )
        )

    def order_no(self) -> str:
        """An order, booking or invoice number (decoy)."""
        d = self.visit
        return self.pick(
            (
                f"ORD-{d:%Y%m%d}-{self.digits(5)}",
                f"INV-{d.year}-{self.digits(4)}",
                f"BK{self.digits(2)}{self.pick('ABCDEFGH')}{self.digits(3)}{self.pick('QRSTUVWXYZ')}",
                f"R{d:%y%m%d}{self.digits(4)}",
                f"#{self.digits(7)}",
                f"A{self.digits(9)}",
            )
        )

    def price(self, lo: int = 30, hi: int = 1200) -> str:
        """A price in the document's currency (unlabeled)."""
        n = self.num(lo, hi)
        return {
            "ko": f"{n * 10000:,}원" if self.chance(0.6) else f"₩{n * 10000:,}",
            "vi": (
                f"{n * 190000:,}đ".replace(",", ".") if self.chance(0.6) else f"{n * 190000:,} VND"
            ),
            "en": f"${n * 8:,}" if self.chance(0.5) else f"KRW {n * 10000:,}",
        }[self.lang]


# --------------------------------------------------------------------------- document kinds
# Each builder takes a Gen and returns a Text; KINDS maps kind -> {language: builder}.

NURSE_ENTRIES = {
    "ko": (
        "V/S 측정 BP {bp} HR {hr} BT {bt} SpO2 {sp}%",
        "{M} {D} 투약함.",
        "수술 부위 드레싱 시행, 삼출물 소량, 부종 중등도.",
        "통증 NRS {n}/10 호소하여 {M} IV 투여.",
        "보호자 {R} 면회, 수술 후 주의사항 설명함.",
        "냉찜질 20분 시행. 오심 없음.",
        "{C} 과거력 있어 혈압 재측정 {bp}.",
        "배액관 배액량 {n}0cc, 장액성.",
        "수면 중. 특이사항 없음.",
        "식이 SOW 진행, 구토 없음.",
        "주치의 {S} 회진, 내일 퇴원 예정.",
    ),
    "vi": (
        "Đo sinh hiệu: HA {bp}, mạch {hr}, nhiệt độ {bt}, SpO2 {sp}%",
        "Cho uống {M} {D}.",
        "Thay băng vết mổ, dịch ít, sưng vừa.",
        "Bệnh nhân đau {n}/10, tiêm {M} theo y lệnh.",
        "Người nhà ({R}) vào thăm, đã dặn dò chăm sóc sau mổ.",
        "Chườm lạnh 20 phút. Không buồn nôn.",
        "Tiền sử {C}, đo lại huyết áp {bp}.",
        "Dẫn lưu ra {n}0ml dịch thanh.",
        "Bệnh nhân ngủ yên.",
        "Ăn cháo được, không nôn.",
        "BS {S} thăm khám, dự kiến ra viện ngày mai.",
    ),
    "en": (
        "Vitals BP {bp}, HR {hr}, T {bt}, SpO2 {sp}%",
        "{M} {D} given.",
        "Dressing changed, minimal serous ooze, moderate swelling.",
        "Pain {n}/10, {M} IV given per order.",
        "Husband/relative {R} visited; post-op care explained.",
        "Cold compress 20 min. No nausea.",
        "Hx of {C}; BP rechecked {bp}.",
        "JP drain output {n}0 mL serous.",
        "Sleeping comfortably.",
        "Tolerating soft diet, no vomiting.",
        "Dr. {S} rounded, plan discharge tomorrow.",
    ),
}
NURSE_HEAD = {
    "ko": (
        "[간호기록지]  병동 {ward}  병실 {room}\n환자명: {N}   등록번호: {MRN}\n수술명: {P}\n",
        "간호 경과기록 / {N} ({age}세) / 차트 {MRN}\n시행 수술: {P}\n",
    ),
    "vi": (
        "PHIẾU CHĂM SÓC ĐIỀU DƯỠNG - Phòng {room}\nHọ tên: {N}   Mã BN: {MRN}\nPhẫu thuật: {P}\n",
        "Ghi chép điều dưỡng / BN {N} ({age} tuổi) / Số hồ sơ {MRN}\nCa mổ: {P}\n",
    ),
    "en": (
        "NURSING NOTES  Ward {ward}  Rm {room}\nPatient: {N}    MRN: {MRN}\nProcedure: {P}\n",
        "Nursing progress notes - {N}, {age}y - chart #{MRN}\nOp: {P}\n",
    ),
}


def _entry_kw(g: Gen, p: Person, rel: Person, doc: Person) -> dict[str, Piece]:
    """Fillers for nurse/call log entries."""
    return {
        "bp": f"{g.num(100, 150)}/{g.num(60, 95)}",
        "hr": str(g.num(58, 104)),
        "bt": f"{g.num(362, 381) / 10:.1f}",
        "sp": str(g.num(95, 100)),
        "n": str(g.num(1, 8)),
        "M": med(g.med()),
        "D": g.dose(),
        "C": cond(g.cond()),
        "R": per(g.name(rel)),
        "S": per(g.name(doc)),
        "G": per(g.given(p)),
    }


def nurse_notes(g: Gen) -> Text:
    """Nurse's notes with times."""
    t = Text(plain=g.plain)
    p, rel, doc = g.patient(), g.patient(), g.staff()
    t.fmt(
        g.pick(NURSE_HEAD[g.lang]),
        ward=f"{g.num(3, 9)}W",
        room=f"{g.num(2, 9)}0{g.num(1, 9)}",
        N=per(g.name(p)),
        MRN=mrn(g.mrn()),
        P=proc(g.proc()),
        age=str(g.visit.year - p.born.year),
    )
    t.line(g.when())
    clock = g.num(7, 14) * 60
    for _ in range(g.num(4, 10)):
        clock += g.num(5, 150)
        t.add(f"{clock // 60 % 24:02d}:{clock % 60:02d}  ")
        t.fmt(g.pick(NURSE_ENTRIES[g.lang]), **_entry_kw(g, p, rel, doc)).line()
    nurse = g.staff(sex="F")
    t.fmt(
        {"ko": "기록자: RN {X}\n", "vi": "Điều dưỡng ghi: {X}\n", "en": "Signed: {X}, RN\n"}[
            g.lang
        ],
        X=per(g.name(nurse)),
    )
    return t


ANES_DRUGS = "{A1} {d1}mg IV, {A2} {d2}mcg, {A3} {d3}mg"


def anesthesia_record(g: Gen) -> Text:
    """An anaesthesia record with drug table and vitals (ko or en)."""
    t = Text(plain=g.plain)
    p, anes, surg = g.patient(), g.staff(), g.staff()
    ko = g.lang == "ko"
    drugs = g.r.sample(ANESTHETICS, 3)
    names = [d[0] if ko and g.chance(0.6) else d[1] for d in drugs]
    t.line(
        "마취기록지" if ko else ("ANESTHESIA RECORD" if g.lang == "en" else "PHIẾU GÂY MÊ HỒI SỨC")
    )
    lbl = {
        "ko": ("환자", "등록번호", "생년월일", "수술명", "마취의", "집도의", "진단", "과거력"),
        "en": ("Patient", "MRN", "DOB", "Operation", "Anesthesiologist", "Surgeon", "Dx", "PMH"),
        "vi": (
            "Bệnh nhân",
            "Mã BN",
            "Ngày sinh",
            "Phẫu thuật",
            "BS gây mê",
            "PTV",
            "Chẩn đoán",
            "Tiền sử",
        ),
    }[g.lang]
    t.add(
        f"{lbl[0]}: ",
        per(g.name(p)),
        f"   {lbl[1]}: ",
        mrn(g.mrn()),
        f"   {lbl[2]}: ",
        dob(g.birth(p)),
        "\n",
    )
    t.add(f"{lbl[3]}: ", proc(g.proc()), f" / {lbl[6]}: ", cond(g.cond()), "\n")
    t.add(f"ASA {g.pick(('I', 'I', 'II'))}  Wt {g.num(42, 82)}kg  Ht {g.num(150, 182)}cm  NPO 8h\n")
    if g.chance(0.5):
        t.add(f"{lbl[7]}: ", cond(g.cond()), " (", med(g.med()), f" {g.dose()})\n")
    t.add(f"{lbl[4]}: ", per(g.name(anes)), f"    {lbl[5]}: ", per(g.name(surg)), "\n")
    t.add("Induction " + g.time() + " / ")
    for i, (nm, dose) in enumerate(
        zip(names, (g.num(50, 150), g.num(20, 100), g.num(1, 5)), strict=True)
    ):
        t.add(med(nm), f" {dose}{'mcg' if i == 1 else 'mg'}{', ' if i < 2 else chr(10)}")
    t.line("Time  | BP      | HR | SpO2 | EtCO2")
    h, m = g.num(8, 15), 0
    for _ in range(g.num(4, 9)):
        m += 15
        t.line(
            f"{h + m // 60:02d}:{m % 60:02d} | {g.num(95, 135)}/{g.num(55, 85)} | {g.num(55, 95)} "
            f"| {g.num(97, 100)}  | {g.num(30, 40)}"
        )
    t.line(f"EBL {g.num(5, 300)} mL, fluids LR {g.num(3, 15)}00 mL, extubated {g.time()}, to PACU.")
    return t


POSTOP_BODY = {
    "ko": (
        "{N}님, {C}에서 {P} 잘 마치셨습니다.\n\n[수술 후 주의사항]\n1. 수술 후 48시간 동안 "
        "냉찜질을 해 주세요.\n"
        "2. 처방된 {M}은(는) 식후 복용하시고, 진통제 {M2}는 통증 시 드세요.\n3. 음주·흡연은 2주간 "
        "금지입니다.\n"
        "4. 실밥 제거는 {D}에 예정되어 있습니다.\n5. 출혈이 계속되거나 38도 이상 열이 나면 연락 "
        "주세요.\n\n"
        "문의: {CP} (평일 10:00~19:00)\n"
    ),
    "vi": (
        "Chào {N}, ca {P} của bạn tại {C} đã hoàn tất.\n\nHƯỚNG DẪN SAU PHẪU THUẬT\n- Chườm lạnh "
        "trong 48 giờ đầu.\n"
        "- Uống {M} sau ăn theo đơn, {M2} khi đau.\n- Không uống rượu bia, không hút thuốc 2 "
        "tuần.\n"
        "- Cắt chỉ vào {D}.\n- Nếu chảy máu nhiều hoặc sốt trên 38 độ, liên hệ ngay.\n\nHotline "
        "phòng khám: {CP}\n"
    ),
    "en": (
        "Dear {N},\n\nThank you for choosing {C}. Your {P} went well.\n\nAFTER-CARE INSTRUCTIONS\n"
        "* Apply cold packs for the first 48 hours.\n* Take {M} as prescribed with food; {M2} only "
        "if needed for pain.\n"
        "* No alcohol or smoking for two weeks.\n* Stitch removal: {D}.\n"
        "* Call us if bleeding does not stop or you have a fever above 38°C.\n\nClinic line: {CP}\n"
    ),
}


def postop_instructions(g: Gen) -> Text:
    """Post-op instructions sent to a patient."""
    t = Text(plain=g.plain)
    p = g.patient()
    clinic = g.clinic.ko if g.lang == "ko" else g.clinic.en
    t.fmt(
        POSTOP_BODY[g.lang],
        N=per(g.name(p) if g.chance(0.7) else g.given(p)),
        C=clinic,
        P=proc(g.proc()),
        M=med(g.med()),
        M2=med(g.med()),
        D=g.when(g.visit + timedelta(days=g.num(5, 8))),
        CP=g.clinic.phone,
    )
    if g.chance(0.5):
        t.fmt(
            {
                "ko": "담당 코디네이터 {S} 직통 {T}\n",
                "vi": "Phiên dịch viên {S}: {T} (Zalo)\n",
                "en": "Your coordinator {S}: {T} (WhatsApp)\n",
            }[g.lang],
            S=per(g.name(g.staff("vi" if g.lang == "vi" else "ko"))),
            T=phn(g.phone(origin="ko")),
        )
    if g.chance(0.3):
        t.fmt(
            {
                "ko": "사진 업로드: {U}\n",
                "vi": "Gửi ảnh hồi phục tại: {U}\n",
                "en": "Upload your recovery photos here: {U}\n",
            }[g.lang],
            U=url(g.personal_url(p)),
        )
    return t


CALL_LINES = {
    "ko": (
        "{G}님 통화 완료. 붓기 많이 빠졌다고 함. {M} 복용 중.",
        "부재중, 문자 남김.",
        "본인 아님, 보호자 {R}님과 통화. 환자 컨디션 양호.",
        "수술 부위 가려움 호소, {M} 처방 안내.",
        "{C} 의심되어 내원 권유. 내일 오전 예약.",
        "만족도 높음, 재수술 문의 없음.",
        "연락처 변경 요청: {T}",
    ),
    "vi": (
        "Đã gọi {G}, vết mổ khô, đỡ sưng. Đang uống {M}.",
        "Không bắt máy, đã nhắn Zalo.",
        "Người nhà {R} nghe máy, bệnh nhân ổn.",
        "BN kêu ngứa vết mổ, hướng dẫn dùng {M}.",
        "Nghi {C}, hẹn tái khám sáng mai.",
        "BN hài lòng.",
        "Đổi số liên lạc mới: {T}",
    ),
    "en": (
        "Spoke with {G}: swelling down, taking {M}.",
        "No answer, voicemail left.",
        "Spoke to relative {R}; patient doing fine.",
        "Itching at incision, advised {M}.",
        "Possible {C}; booked review tomorrow AM.",
        "Very satisfied, no concerns.",
        "New contact number: {T}",
    ),
}


def followup_call_log(g: Gen) -> Text:
    """A coordinator's follow-up call log for several patients."""
    t = Text(plain=g.plain)
    t.line(
        {
            "ko": "■ 수술 후 해피콜 기록",
            "vi": "NHẬT KÝ GỌI ĐIỆN CHĂM SÓC SAU MỔ",
            "en": "Post-op follow-up call log",
        }[g.lang]
        + f" ({g.when()})"
    )
    t.add({"ko": "담당: ", "vi": "Người gọi: ", "en": "Caller: "}[g.lang])
    t.line(per(g.name(g.staff(g.pick(("ko", "vi")) if g.lang == "vi" else "ko"))))
    for i in range(g.num(3, 7)):
        p, rel = g.patient(), g.patient()
        t.add(
            f"{i + 1}. ",
            per(g.name(p)),
            " / ",
            phn(g.phone(p)),
            " / ",
            proc(g.proc()),
            f" POD{g.num(1, 30)} / {g.time()}\n   ",
        )
        kw = _entry_kw(g, p, rel, p)
        kw["T"] = phn(g.phone(p))
        t.fmt(g.pick(CALL_LINES[g.lang]), **kw).line()
    return t


SURVEY_Q = {
    "ko": (
        "Q1. 전반적인 만족도 (1~5)",
        "Q2. 가장 만족스러웠던 점",
        "Q3. 개선이 필요한 점",
        "Q4. 추천 의향",
    ),
    "vi": (
        "Câu 1. Mức độ hài lòng (1-5)",
        "Câu 2. Điều bạn thích nhất",
        "Câu 3. Điều cần cải thiện",
        "Câu 4. Bạn có giới thiệu cho bạn bè?",
    ),
    "en": (
        "Q1. Overall satisfaction (1-5)",
        "Q2. What did you like most?",
        "Q3. What could we improve?",
        "Q4. Would you recommend us?",
    ),
}
SURVEY_GOOD = {
    "ko": (
        "상담해주신 {S} 실장님이 친절하게 설명해 주셨어요.",
        "{P} 결과가 자연스러워서 만족합니다.",
        "간호사 {S}님 덕분에 무섭지 않았어요.",
        "대기 시간이 짧았어요.",
        "원장님 설명이 자세했습니다.",
    ),
    "vi": (
        "Chị phiên dịch {S} rất nhiệt tình.",
        "Kết quả {P} rất tự nhiên.",
        "Bác sĩ {S} tư vấn kỹ.",
        "Phòng khám sạch sẽ.",
        "Nhân viên thân thiện.",
    ),
    "en": (
        "{S} at the front desk was lovely.",
        "My {P} result looks natural.",
        "Dr. {S} explained everything clearly.",
        "Very clean clinic.",
        "Pick-up from the hotel was on time.",
    ),
}
SURVEY_BAD = {
    "ko": (
        "주차가 불편해요.",
        "{C} 때문에 약 처방이 늦게 나와서 아쉬웠어요.",
        "회복실이 조금 추웠어요.",
        "없습니다.",
        "예약 변경이 어려웠어요.",
    ),
    "vi": (
        "Chờ hơi lâu.",
        "Tôi bị {C} nhưng phải hỏi mới được kê {M}.",
        "Không có.",
        "Giá hơi cao.",
    ),
    "en": (
        "Waiting room was crowded.",
        "I have {C} and had to remind staff about my {M}.",
        "Nothing.",
        "Invoice took a week to arrive.",
    ),
}


def survey_freetext(g: Gen) -> Text:
    """Patient satisfaction survey free text; often anonymous."""
    t = Text(plain=g.plain)
    staff = g.staff("vi" if g.lang == "vi" and g.chance(0.5) else "ko")
    p = g.patient()
    kw: dict[str, Piece] = {
        "S": per(g.given(staff) if g.chance(0.5) else g.name(staff)),
        "P": proc(g.proc()),
        "C": cond(g.cond()),
        "M": med(g.med()),
    }
    t.line(
        {
            "ko": "고객 만족도 설문 응답",
            "vi": "KHẢO SÁT MỨC ĐỘ HÀI LÒNG",
            "en": "Patient Satisfaction Survey",
        }[g.lang]
        + f" #{g.digits(5)}  {g.when()}"
    )
    q = SURVEY_Q[g.lang]
    t.line(q[0]).line(f"  {g.num(2, 5)}")
    t.line(q[1]).add("  ").fmt(g.pick(SURVEY_GOOD[g.lang]), **kw).line()
    t.line(q[2]).add("  ").fmt(g.pick(SURVEY_BAD[g.lang]), **kw).line()
    t.line(q[3]).line(
        "  "
        + g.pick(
            {
                "ko": ("네", "아니오", "글쎄요"),
                "vi": ("Có", "Không"),
                "en": ("Yes", "Maybe", "Definitely"),
            }[g.lang]
        )
    )
    if g.chance(0.35):
        t.add(
            {"ko": "응답자(선택): ", "vi": "Tên (không bắt buộc): ", "en": "Name (optional): "}[
                g.lang
            ],
            per(g.name(p)),
            "  ",
            phn(g.phone(p)),
            "\n",
        )
    return t


def insurance_email(g: Gen) -> Text:
    """A refund / insurance request e-mail from a (mostly foreign) patient."""
    t = Text(plain=g.plain)
    p = g.patient()
    email = g.email(p)
    fee = g.price()
    cl = g.clinic
    pid: Piece
    if p.origin == "vi":
        pid = lab("VN_PASSPORT", make_vn_passport(g.r))
    elif p.origin == "ko":
        pid = lab("KR_PASSPORT", make_kr_passport(g.r))
    else:
        pid = f"{g.num(1, 9)}{g.digits(8)}"  # a foreign passport number: not one of our types
    iban = lab(
        "IBAN_CODE", make_iban(g.r, g.pick(("DE", "GB", "FR", "NL", "AE", "PL", "CH", "ES")))
    )
    body = {
        "en": (
            "From: {N} <{E}>\nTo: {I}\nSubject: Refund request / itemised receipt for insurance\n\n"
            "Hello,\n\nI had {P} at your clinic on {V} (patient no. {MRN}). Afterwards I developed "
            "{C} and was treated with {M}. My travel insurer needs an itemised receipt in English "
            "and a doctor's note.\n\nPassport: {PID}\nDate of birth: {B}\nHome address: {A}\n\n"
            "You charged {F} to my card ending 4{L}. Please refund the cancelled consultation fee "
            "to:\n"
            "IBAN {IBAN}\n\nKind regards,\n{N}\n{T}\n"
        ),
        "vi": (
            "Từ: {N} <{E}>\nGửi: {I}\nTiêu đề: Xin hoàn tiền và hóa đơn chi tiết\n\n"
            "Chào phòng khám,\n\nEm là {N}, đã làm {P} ngày {V} (mã bệnh nhân {MRN}). Sau mổ em bị "
            "{C}, "
            "bác sĩ cho dùng {M}. Bảo hiểm yêu cầu hóa đơn chi tiết và giấy xác nhận của bác sĩ.\n"
            "\n"
            "Hộ chiếu: {PID}\nNgày sinh: {B}\nĐịa chỉ: {A}\n\nEm đã thanh toán {F} bằng thẻ đuôi "
            "4{L}. "
            "Xin hoàn phí tư vấn vào tài khoản {IBAN} (chồng em đứng tên).\n\nCảm ơn ạ,\n{N}\nSĐT: "
            "{T}\n"
        ),
        "ko": (
            "보낸사람: {N} <{E}>\n받는사람: {I}\n제목: 실손보험 청구용 서류 요청드립니다\n\n"
            "안녕하세요, {V}에 {P} 받은 {N}입니다 (등록번호 {MRN}).\n수술 후 {C} 진단으로 {M} "
            "처방받았는데 "
            "실손보험 청구를 위해 진료비 세부내역서와 소견서가 필요합니다.\n\n여권번호: {PID}\n"
            "생년월일: {B}\n주소: {A}\n\n"
            "카드(끝자리 4{L})로 {F} 결제했고, 취소된 상담비는 해외계좌 {IBAN}로 환불 "
            "부탁드립니다.\n\n{N} 드림\n{T}\n"
        ),
    }[g.lang]
    t.fmt(
        body,
        N=per(g.name(p)),
        E=eml(email),
        I=cl.info,
        P=proc(g.proc()),
        V=g.when(),
        MRN=mrn(g.mrn()),
        C=cond(g.cond()),
        M=med(g.med()),
        PID=pid,
        B=dob(g.birth(p)),
        A=adr(g.address(p)),
        F=fee,
        L=g.digits(3),
        IBAN=iban,
        T=phn(g.phone(p)),
    )
    return t


MEMO_LINES = {
    "vi": (
        "Khách hỏi về thời gian hồi phục sau {P}.",
        "Khách có tiền sử {C}, đang uống {M}.",
        "Bác sĩ {S} giải thích nguy cơ {C2}.",
        "Chồng khách ({R}) muốn ở lại phòng hồi sức.",
        "Khách muốn đổi lịch về nước, vé bay ngày {V}.",
        "Đã dịch bản cam kết sang tiếng Việt.",
    ),
    "en": (
        "Patient asked about recovery after {P}.",
        "History of {C}; currently on {M}.",
        "Dr. {S} explained risk of {C2}.",
        "Her sister {R} will stay overnight.",
        "Flight home moved to {V}.",
        "Consent form translated and read aloud.",
    ),
    "ko": (
        "{P} 후 회복 기간 문의함.",
        "{C} 병력 있으며 {M} 복용 중이라고 함.",
        "{S} 원장님이 {C2} 가능성 설명, 통역 완료.",
        "남편 {R} 씨가 회복실 동반 희망.",
        "귀국 항공편 {V}로 변경 예정.",
        "동의서 베트남어 번역본 제공함.",
    ),
}


def interpreter_memo(g: Gen) -> Text:
    """An interpreter's memo about one consultation."""
    t = Text(plain=g.plain)
    p = g.patient(
        "vi" if g.lang != "en" else g.pick(("mongolian", "russian", "arabic", "vi", "thai"))
    )
    interp = g.staff("vi" if g.lang != "en" else g.pick(("ko", "russian", "mongolian")), sex="F")
    doc, rel = g.staff(sex="M"), g.patient(p.origin, sex="M")
    head = {"vi": "GHI CHÚ PHIÊN DỊCH", "en": "INTERPRETER NOTE", "ko": "통역 메모"}[g.lang]
    t.line(f"{head} - {g.when()} {g.time()}")
    t.add(
        {"vi": "Phiên dịch: ", "en": "Interpreter: ", "ko": "통역사: "}[g.lang],
        per(g.name(interp)),
        "\n",
    )
    t.add({"vi": "Khách: ", "en": "Patient: ", "ko": "환자: "}[g.lang], per(g.name(p)))
    if p.origin == "vi" and g.chance(0.7):
        t.add(
            f" ({g.visit.year - p.born.year}",
            {"vi": "t", "en": "y", "ko": "세"}[g.lang],
            ", ",
            lab("VN_PASSPORT", make_vn_passport(g.r)),
            ")",
        )
    t.add("\n")
    kw: dict[str, Piece] = {
        "P": proc(g.proc()),
        "C": cond(g.cond()),
        "C2": cond(g.cond()),
        "M": med(g.med()),
        "S": per(g.name(doc)),
        "R": per(g.name(rel)),
        "V": g.when(g.visit + timedelta(days=g.num(3, 14))),
    }
    for line in g.r.sample(MEMO_LINES[g.lang], g.num(3, 6)):
        t.add("- ").fmt(line, **kw).line()
    return t


def agency_booking_sheet(g: Gen) -> Text:
    """A medical-tourism agency booking sheet (pipe or tab table)."""
    t = Text(plain=g.plain)
    pipes = g.chance(0.6)
    sep = " | " if pipes else "\t"
    agency = g.pick(
        (
            "Hanbit Medical Tour",
            "K-Beauty Travel Co.",
            "Sao Mai Travel",
            "Seoul Care Partners",
            "Du lịch Hàn Việt",
            "Golden Steppe Medical",
        )
    )
    t.add(
        f"{agency} - ",
        {"ko": "예약 확인서", "vi": "DANH SÁCH KHÁCH ĐẶT LỊCH", "en": "Booking sheet"}[g.lang],
        f" ({g.when()})\n",
    )
    if g.chance(0.6):
        t.add(
            {"ko": "사업자등록번호 ", "vi": "MST Hàn Quốc: ", "en": "Agency BRN "}[g.lang],
            lab("KR_BRN", make_brn(g.r)),
            "\n",
        )
    cols = {
        "ko": ("No", "성명", "여권번호", "생년월일", "연락처", "시술", "입국", "예약코드"),
        "vi": (
            "STT",
            "Họ tên",
            "Hộ chiếu",
            "Ngày sinh",
            "SĐT/Zalo",
            "Dịch vụ",
            "Ngày bay",
            "Mã đặt",
        ),
        "en": ("#", "Name", "Passport", "DOB", "Phone", "Procedure", "Arrival", "Booking ref"),
    }[g.lang]
    t.line(sep.join(cols))
    if pipes:
        t.line("-|-".join("-" * len(c) for c in cols))
    origin = "vi" if g.lang != "en" or g.chance(0.6) else "ko"
    for i in range(g.num(2, 8)):
        p = g.patient(origin)
        pp = make_vn_passport(g.r) if origin == "vi" else make_kr_passport(g.r)
        name = p.upper if g.chance(0.5) else g.name(p)
        t.add(
            f"{i + 1}{sep}",
            per(name),
            sep,
            lab("VN_PASSPORT" if origin == "vi" else "KR_PASSPORT", pp),
            sep,
            dob(g.birth(p)),
            sep,
            phn(g.phone(p)),
            sep,
            proc(g.proc()),
            sep,
            f"{g.when(g.visit + timedelta(days=i % 3))} "
            f"{g.pick(('VJ', 'VN', 'KE', 'OZ'))}{g.num(100, 999)}",
            sep,
            g.order_no(),
            "\n",
        )
    t.add({"ko": "인솔: ", "vi": "Trưởng đoàn: ", "en": "Tour lead: "}[g.lang])
    lead = g.staff(origin)
    t.add(per(g.name(lead)), " ", phn(g.phone(lead)), "\n")
    return t


def passport_piece(g: Gen, p: Person) -> Piece:
    """A passport number, labeled only when it is a Korean or Vietnamese passport."""
    if p.origin == "vi":
        return lab("VN_PASSPORT", make_vn_passport(g.r))
    if p.origin == "ko":
        return lab("KR_PASSPORT", make_kr_passport(g.r))
    return g.pick(("", "E", "P", "K", "N")) + f"{g.num(1, 9)}{g.digits(g.num(7, 8))}"


CHAT_SCRIPT: dict[str, tuple[tuple[str, str, float], ...]] = {
    "ko": (
        ("C", "안녕하세요 {CL}입니다 😊 {G}님 맞으시죠?", 1),
        ("P", "네 안녕하세요! {P} 상담 받고 싶어서요", 1),
        ("C", "예약 도와드릴게요~ 성함, 생년월일, 연락처 남겨주세요", 1),
        ("P", "{N} / {B} / {T}", 0.8),
        ("P", "혹시 {C} 있는데 수술 가능한가요? {M} 먹고 있어요", 0.5),
        ("C", "네 상담 시 원장님께 꼭 말씀해 주세요. 복용 중인 약은 미리 확인이 필요합니다", 0.5),
        ("P", "사진은 여기 올렸어요 {U}", 0.3),
        ("P", "메일은 {E} 이에요", 0.4),
        ("P", "엄마({R})랑 같이 가도 되나요?", 0.3),
        ("C", "네 보호자 동반 가능합니다 ^^", 0.3),
        ("C", "{V} 오후 {H}시로 예약되었습니다. 예약번호 {O}", 1),
        ("P", "감사합니다!!", 0.8),
    ),
    "vi": (
        ("C", "Dạ em chào chị {G}, bên em là {CL} ạ", 1),
        ("P", "Chào em, chị muốn hỏi {P} giá bao nhiêu", 1),
        (
            "C",
            "Dạ {P} bên em khoảng {F} ạ. Chị gửi em họ tên, ngày sinh, số hộ chiếu để em đặt lịch "
            "nha",
            1,
        ),
        ("P", "{N}, sinh {B}, hộ chiếu {PP}", 0.8),
        ("P", "CCCD của chị là {ID} nhé", 0.4),
        ("P", "chị bị {C}, đang uống {M} có sao ko em", 0.5),
        ("C", "Dạ chị báo bác sĩ lúc tư vấn giúp em ạ", 0.5),
        ("P", "sdt chị {T}, mail {E}", 0.6),
        ("P", "ảnh chị gửi đây {U}", 0.3),
        ("P", "chị đi cùng em gái tên {R}", 0.3),
        ("C", "Em đặt lịch chị ngày {V} lúc {H}h rồi nha, mã đặt lịch {O}", 1),
        ("P", "ok em, cảm ơn em nhiều", 0.8),
    ),
    "en": (
        ("C", "Hi {G}, this is the international desk at {CL} 🙂", 1),
        ("P", "Hi! I'm interested in {P}. How long is the recovery?", 1),
        (
            "C",
            "Usually 7-10 days. Could you send your full name, date of birth and passport number?",
            1,
        ),
        ("P", "{N}, born {B}. Passport {PP}", 0.8),
        ("P", "I have {C} and take {M} daily, is that ok?", 0.5),
        ("C", "Thanks for letting us know, the doctor will review it at consultation.", 0.5),
        ("P", "My number is {T} and email {E}", 0.6),
        ("P", "Photos are here: {U}", 0.3),
        ("P", "My partner {R} will come with me", 0.3),
        ("C", "You're booked for {V} at {H}:00, reference {O}. Address: {CA}", 1),
        ("P", "Perfect, thank you!", 0.8),
    ),
}
CHAT_AFTER = {
    "ko": (
        "붓기가 아직 많이 있어요 ㅠㅠ",
        "{M} 다 먹었는데 더 먹어야 하나요?",
        "실밥 언제 풀어요?",
        "사진 보내드려요 확인 부탁드려요",
        "멍이 노랗게 변했어요",
        "네 {G}님 정상적인 회복 과정입니다",
    ),
    "vi": (
        "mắt chị vẫn còn sưng em ơi",
        "hết thuốc {M} rồi có cần uống tiếp ko",
        "khi nào cắt chỉ em",
        "chị gửi ảnh em xem giúp",
        "vết bầm chuyển vàng rồi",
        "Dạ chị {G} hồi phục bình thường ạ",
    ),
    "en": (
        "still quite swollen today",
        "finished the {M}, do I need more?",
        "when are the stitches out?",
        "sending photos now",
        "bruising turned yellow",
        "That's normal healing, {G}!",
    ),
}
CHAT_STYLES = {
    "ko": ("kakao_m", "kakao_pc", "kakao_m", "line"),
    "vi": ("zalo", "zalo2", "wa_eu", "messenger"),
    "en": ("wa_eu", "wa_us", "imessage", "line", "kakao_pc", "messenger"),
}


def _stamp(style: str, d: date, minute: int) -> tuple[str, str]:
    """Text before and after the speaker's name in one chat export style."""
    h, m = divmod(minute % 1440, 60)
    ap_ko = ("오전" if h < 12 else "오후") + f" {(h - 1) % 12 + 1}:{m:02d}"
    ap_en = f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"
    return {
        "kakao_m": (f"{d.year}년 {d.month}월 {d.day}일 {ap_ko}, ", " : "),
        "kakao_pc": ("[", f"] [{ap_ko if h % 2 else ap_en}] "),
        "line": (f"{h:02d}:{m:02d}\t", "\t"),
        "zalo": (f"[{h:02d}:{m:02d} {d:%d/%m/%Y}] ", ": "),
        "zalo2": ("", f" ({h:02d}:{m:02d} {d:%d/%m}): "),
        "wa_eu": (f"{d:%d/%m/%Y}, {h:02d}:{m:02d} - ", ": "),
        "wa_us": (f"[{d.month}/{d.day}/{d:%y}, {ap_en.replace(' ', f':{m % 50 + 10} ')}] ", ": "),
        "imessage": ("", ": "),
        "messenger": ("", f" · {ap_en}\n"),
    }[style]


def _chat_kw(g: Gen, p: Person, rel: Person) -> dict[str, Piece]:
    """Fillers for chat messages."""
    ids = make_cccd(g.r, p.born, p.sex) if g.chance(0.8) else make_cmnd(g.r)
    return {
        "CL": g.clinic.ko if g.lang == "ko" else g.clinic.en,
        "G": per(g.given(p)),
        "P": proc(g.proc()),
        "N": per(g.name(p)),
        "B": dob(g.birth(p)),
        "T": phn(g.phone(p)),
        "C": cond(g.cond()),
        "M": med(g.med()),
        "U": url(g.personal_url(p)),
        "E": eml(g.email(p)),
        "R": per(g.given(rel) if g.chance(0.6) else g.name(rel)),
        "V": g.when(),
        "H": str(g.num(10, 17)),
        "O": g.order_no(),
        "F": g.price(),
        "PP": passport_piece(g, p),
        "ID": lab("VN_NATIONAL_ID", ids),
        "CA": g.clinic.addr_en,
    }


def chat(g: Gen, long: bool = False) -> Text:
    """A messenger export (KakaoTalk, Zalo, WhatsApp, iMessage, LINE, Messenger)."""
    t = Text(plain=g.plain)
    style = g.pick(CHAT_STYLES[g.lang])
    p, rel = g.patient(), g.patient()
    kw = _chat_kw(g, p, rel)
    account = {"ko": f"{g.clinic.ko} 상담실", "vi": f"{g.clinic.en} - Tư vấn", "en": g.clinic.en}[
        g.lang
    ]
    who: dict[str, Piece] = {"C": account, "P": per(g.name(p) if g.chance(0.6) else g.given(p))}
    d, minute = g.visit - timedelta(days=g.num(3, 30)), g.num(480, 1300)
    script = [(w, s) for w, s, pr in CHAT_SCRIPT[g.lang] if g.chance(pr)]
    if long:
        for _ in range(g.num(25, 60)):
            role = g.pick("PPC")
            pool = CHAT_AFTER[g.lang]
            script.append((role, pool[-1] if role == "C" else g.pick(pool[:-1])))
    if style == "line":
        t.line(f"[LINE] Chat history with {account}")
    for who_key, msg in script:
        minute += g.num(1, 240)
        if minute >= 1440:
            d, minute = d + timedelta(days=minute // 1440), minute % 1440
            t.line(f"--------------- {g.when(d)} ---------------" if style != "imessage" else "")
        before, after = _stamp(style, d, minute)
        if style == "imessage" and g.chance(0.4):
            h, m = divmod(minute, 60)
            t.line(
                f"{KO_MONTHS_EN[d.month - 1][:3]} {d.day}, {d.year} at {(h - 1) % 12 + 1}:{m:02d} "
                f"{'AM' if h < 12 else 'PM'}"
            )
        t.add(before, who[who_key], after).fmt(msg, **kw).line()
    return t


def chat_long(g: Gen) -> Text:
    """A long messenger export covering weeks of after-care."""
    return chat(g, long=True)


FORM_FIELDS = {
    "ko": (
        "진료 신청서 (초진)",
        "성명",
        "주민등록번호",
        "주소",
        "휴대전화",
        "이메일",
        "과거 병력",
        "복용 중인 약",
        "희망 시술",
        "보호자 성명",
        "보호자 연락처",
        "없음",
    ),
    "vi": (
        "PHIẾU ĐĂNG KÝ KHÁM",
        "Họ và tên",
        "Số CCCD",
        "Địa chỉ thường trú",
        "Điện thoại",
        "Email",
        "Tiền sử bệnh",
        "Thuốc đang dùng",
        "Dịch vụ mong muốn",
        "Người thân",
        "SĐT người thân",
        "Không",
    ),
    "en": (
        "NEW PATIENT REGISTRATION",
        "Full name",
        "Date of birth",
        "Home address",
        "Mobile",
        "Email",
        "Medical history",
        "Current medications",
        "Procedure of interest",
        "Emergency contact",
        "Emergency contact phone",
        "None",
    ),
}


def scanned_form(g: Gen) -> Text:
    """A scanned intake form: each label on one line, its value on the next."""
    t = Text(plain=g.plain)
    f = FORM_FIELDS[g.lang]
    p, rel = g.patient(), g.patient()
    ident: Piece
    if g.lang == "ko":
        ident = lab("KR_RRN", make_rrn(g.r, p.born, p.sex, p.origin != "ko"))
    elif g.lang == "vi":
        ident = lab("VN_NATIONAL_ID", make_cccd(g.r, p.born, p.sex))
    else:
        ident = dob(g.birth(p))
    multi = g.address(p)
    if g.chance(0.4) and ", " in multi:
        multi = multi.replace(", ", ",\n", 1)
    values: list[Piece] = [
        per(p.upper if g.chance(0.2) else g.name(p)),
        ident,
        adr(multi),
        phn(g.phone(p)),
        eml(g.email(p)) if g.chance(0.7) else "",
        cond(g.cond()) if g.chance(0.6) else f[11],
        med(g.med()) if g.chance(0.5) else f[11],
        proc(g.proc()),
        per(g.name(rel)),
        phn(g.phone(rel)),
    ]
    t.line(f[0]).line(f"{g.when()}    No. {g.digits(6)}").line()
    for label, value in zip(f[1:11], values, strict=True):
        t.line(label + (" :" if g.chance(0.3) else ""))
        t.line(value)
        if g.chance(0.7):
            t.line()
    if g.lang != "en" and g.chance(0.5):
        t.add({"ko": "생년월일\n", "vi": "Ngày sinh\n"}[g.lang], dob(g.birth(p)), "\n\n")
    _form_extras(g, t)
    t.line(
        {"ko": "서명 ________   (인)", "vi": "Chữ ký ________", "en": "Signature ________"}[g.lang]
    )
    return t


TSV_COLS = {
    "ko": ("차트번호", "성명", "생년월일", "성별", "휴대폰", "최근내원일", "시술", "미수금"),
    "vi": ("MaBN", "HoTen", "NgaySinh", "GioiTinh", "SDT", "NgayHen", "DichVu", "ConNo"),
    "en": ("mrn", "patient_name", "dob", "sex", "phone", "last_visit", "procedure", "balance"),
}


def _form_extras(g: Gen, t: Text) -> None:
    """Optional identity and payment fields of an intake form."""
    if g.lang == "ko" and g.chance(0.4):
        t.add("건강보험증 번호\n", lab("KR_HEALTH_INSURANCE", make_health_ins(g.r)), "\n\n")
    if g.lang == "ko" and g.chance(0.3):
        t.add("신분증 (운전면허)\n", lab("KR_DRIVER_LICENSE", make_kr_license(g.r)), "\n\n")
    if g.chance(0.2):
        label = {"ko": "예약금 결제 카드", "vi": "Thẻ đặt cọc", "en": "Card for deposit"}[g.lang]
        t.add(
            f"{label}\n",
            lab("CREDIT_CARD", make_card(g.r)),
            f"  exp {g.num(1, 12):02d}/{g.num(26, 30)}\n\n",
        )


def tsv_export(g: Gen) -> Text:
    """A TSV export from the practice-management system, with a header."""
    t = Text(plain=g.plain)
    cols = list(TSV_COLS[g.lang])
    with_mail = g.chance(0.5)
    if with_mail:
        cols.insert(5, "email")
    t.line("\t".join(cols))
    for _ in range(g.num(3, 14)):
        p = g.patient()
        row: list[Piece] = [mrn(g.mrn()), per(g.name(p)), dob(g.birth(p)), p.sex, phn(g.phone(p))]
        if with_mail:
            row.append(eml(g.email(p)) if g.chance(0.8) else "")
        row += [
            g.when(g.visit - timedelta(days=g.num(0, 400))),
            proc(g.proc()) if g.chance(0.85) else "-",
            g.price(0, 90) if g.chance(0.3) else "0",
        ]
        for i, cell in enumerate(row):
            t.add("\t" if i else "", cell)
        t.add("\n")
    return t


KCD = ("H02.4", "J34.2", "L91.0", "T85.4", "T81.4", "Q18.8", "N62", "M26.1", "L90.5", "Z41.1")


def medical_certificate(g: Gen) -> Text:
    """A 진단서 / giấy chứng nhận / medical certificate."""
    t = Text(plain=g.plain)
    p, doc = g.patient(), g.staff(sex=g.pick("MMF"))
    cl = g.clinic
    issued = g.visit + timedelta(days=g.num(1, 20))
    lic = f"{g.num(10000, 139999)}"
    if g.lang == "ko":
        t.line("진   단   서").line(f"연번호 제 {issued.year}-{g.num(1, 3999):04d} 호")
        t.add(
            "등록번호 ",
            mrn(g.mrn()),
            "\n환자의 성명  ",
            per(g.name(p)),
            "   주민등록번호 ",
            lab("KR_RRN", make_rrn(g.r, p.born, p.sex, p.origin != "ko")),
            "\n환자의 주소  ",
            adr(g.address(p, "ko")),
            "\n전화번호 ",
            phn(g.phone(p, "ko")),
            "\n",
        )
        t.add(
            "병명  [ ] 임상적 추정  [v] 최종 진단\n      ",
            cond(g.cond()),
            f"   (분류번호 {g.pick(KCD)})\n",
        )
        t.add(f"발병일 {g.when(g.visit - timedelta(days=g.num(30, 900)))}   진단일 {g.when()}\n")
        t.add(
            "치료 내용 및 향후 치료에 대한 소견\n  ",
            g.when(),
            " ",
            proc(g.proc()),
            f" 시행함. 향후 약 {g.num(2, 6)}주간 안정 및 외래 추적관찰 요함. ",
            med(g.med()),
            " 투약 중.\n",
        )
        t.line(f"용도: {g.pick(('보험회사 제출용', '회사 제출용', '병무용'))}").line(
            f"발행일 {g.when(issued)}"
        )
        t.line(f"의료기관 {cl.ko}  주소 {cl.addr_ko}  전화 {cl.phone}")
        t.add(f"의사 면허번호 제 {lic} 호   성명 ", per(g.name(doc)), " (인)\n")
        t.line(f"문서확인번호 {bad_rrn(g.r)}")
    elif g.lang == "vi":
        t.line(f"{cl.en.upper()}\nGIẤY CHỨNG NHẬN KHÁM VÀ ĐIỀU TRỊ").line(
            f"Số: {g.num(1, 999)}/{issued.year}/GCN"
        )
        t.add("Họ và tên: ", per(g.name(p)), "   Ngày sinh: ", dob(g.birth(p)), "\n")
        t.add(
            "Số CCCD: ",
            lab("VN_NATIONAL_ID", make_cccd(g.r, p.born, p.sex)),
            "   Hộ chiếu: ",
            lab("VN_PASSPORT", make_vn_passport(g.r)),
            "\nĐịa chỉ: ",
            adr(g.address(p, "vi")),
            "\n",
        )
        t.add(
            "Chẩn đoán: ",
            cond(g.cond()),
            f" ({g.pick(KCD)})\nĐã điều trị: ",
            proc(g.proc()),
            f" ngày {g.visit:%d/%m/%Y}. Đơn thuốc: ",
            med(g.med()),
            ", ",
            med(g.med()),
            ".\n",
        )
        t.line(f"Đề nghị nghỉ ngơi {g.num(5, 21)} ngày. Đủ điều kiện bay về nước.")
        t.add(
            f"Ngày {issued.day} tháng {issued.month} năm {issued.year}\nBác sĩ điều trị: ",
            per(g.name(doc)),
            f" (số giấy phép hành nghề {lic})\n",
        )
    else:
        t.line(f"{cl.en}\n{cl.addr_en} | Tel {cl.phone} | {cl.web}\n\nMEDICAL CERTIFICATE")
        t.add(
            f"Date of issue: {g.when(issued)}\n\nThis is to certify that ",
            per(g.name(p)),
            ", born ",
            dob(g.birth(p)),
            ", passport no. ",
            passport_piece(g, p),
            ", residing at ",
            adr(g.address(p)),
            ", underwent ",
            proc(g.proc()),
            f" at our clinic on {g.when()}.\n",
        )
        t.add(
            "Diagnosis: ",
            cond(g.cond()),
            ". Discharge medication: ",
            med(g.med()),
            f" {g.dose()}.\n",
        )
        t.line(
            f"The patient is fit to fly after {g.num(5, 10)} days and should avoid strenuous "
            f"exercise."
        )
        t.add(
            "\nYours faithfully,\n\n",
            per(g.name(doc)),
            f", MD\nBoard-certified plastic surgeon, Licence No. {lic}\n",
        )
    return t


def photo_consent(g: Gen) -> Text:
    """Consent to clinical before/after photographs and their use."""
    t = Text(plain=g.plain)
    p, rel = g.patient(), g.patient()
    body = {
        "ko": (
            "임상 사진 촬영 및 활용 동의서\n\n본인 {N}(생년월일 {B})은(는) {CL}에서 시행하는 {P}와 "
            "관련하여 "
            "수술 전·후 사진 촬영에 동의합니다.\n[v] 진료 기록 목적\n[{X}] 학회 발표 (얼굴 식별 "
            "불가 처리)\n"
            "[{Y}] 홈페이지·SNS 게시\n\n동의 철회는 언제든 가능합니다 (문의 {CP}).\n\n"
            "연락처 {T}\n환자 서명: ______    보호자: {R} (관계: {REL})\n작성일 {V}\n"
        ),
        "vi": (
            "GIẤY ĐỒNG Ý CHỤP ẢNH TRƯỚC VÀ SAU PHẪU THUẬT\n\nTôi tên là {N}, sinh ngày {B}, đồng ý "
            "để {CL} "
            "chụp ảnh trước và sau khi làm {P}.\n[v] Lưu hồ sơ bệnh án\n[{X}] Dùng cho hội thảo y "
            "khoa (che mặt)\n"
            "[{Y}] Đăng trên website/Facebook\n\nSố điện thoại: {T}\nNgười làm chứng: {R} ({REL})\n"
            "Ngày {V}\n"
        ),
        "en": (
            "CONSENT FOR CLINICAL PHOTOGRAPHY\n\nI, {N} (DOB {B}), consent to before-and-after "
            "photographs "
            "being taken in connection with my {P} at {CL}.\n[x] Medical record\n[{X}] Teaching "
            "(face masked)\n"
            "[{Y}] Website and social media\n\nI may withdraw consent at any time by calling "
            "{CP}.\n\n"
            "Mobile: {T}\nWitness: {R} ({REL})\nDate: {V}\n"
        ),
    }[g.lang]
    rels = {
        "ko": ("모", "배우자", "언니", "친구"),
        "vi": ("mẹ", "chồng", "chị gái", "bạn"),
        "en": ("mother", "husband", "friend", "sister"),
    }[g.lang]
    t.fmt(
        body,
        N=per(g.name(p)),
        B=dob(g.birth(p)),
        CL=g.clinic.ko if g.lang == "ko" else g.clinic.en,
        P=proc(g.proc()),
        X=g.pick(" v"),
        Y=g.pick("  v"),
        CP=g.clinic.phone,
        T=phn(g.phone(p)),
        R=per(g.name(rel)),
        REL=g.pick(rels),
        V=g.when(),
    )
    if g.chance(0.4):
        ip = make_ipv4(g.r) if g.chance(0.75) else make_ipv6(g.r)
        t.add(
            f"e-signature audit: signed {g.visit:%Y-%m-%d}T{g.time()}:{g.num(10, 59)}+09:00 from "
            f"IP ",
            lab("IP_ADDRESS", ip),
            f" (doc id {g.digits(10)})\n",
        )
    return t


REVIEW = {
    "ko": (
        "[내돈내산] {CL} {P} 후기 (D+{D})\n\n저는 원래 {C} 때문에 고민이 많았는데 친구 추천으로 "
        "{S} 원장님께 상담받고 "
        "{P} 했어요. 상담실장님 {G2}님이 가격이랑 회복 기간 솔직하게 알려주셔서 좋았어요.\n"
        "수술 당일은 수면마취라 기억이 거의 없고, 다음날 붓기가 엄청 났어요 ㅠㅠ {M} 먹으면서 "
        "버텼어요.\n"
        "D+{D} 지금은 거의 자연스러워요! 궁금한 거 있으면 인스타로 물어보세요 {U}\n"
    ),
    "vi": (
        "Review {P} tại Hàn Quốc - ngày thứ {D}\n\nMình bị {C} lâu rồi nên quyết định sang {CL} "
        "làm {P}. "
        "Bác sĩ {S} làm rất kỹ, chị phiên dịch {G2} hỗ trợ nhiệt tình từ sân bay tới khách sạn.\n"
        "Mấy ngày đầu sưng nhiều, uống {M} đỡ đau. Giờ ngày {D} thì gần như tự nhiên rồi ạ. "
        "Ai cần hỏi thì ib mình nha {U}\n"
    ),
    "en": (
        "Day {D} update - {P} in Seoul ({CL})\n\nBackground: I've had {C} for years and finally "
        "went for it. "
        "Dr. {S} was conservative, which I wanted. My coordinator {G2} answered WhatsApp at 2am, "
        "legend.\n"
        "Swelling peaked on day 3; {M} was enough for pain. Happy so far! More pics: {U}\n"
    ),
}


def review_post(g: Gen) -> Text:
    """A patient's diary / review post."""
    t = Text(plain=g.plain)
    p = g.patient()
    doc, coord = g.staff(sex="M"), g.staff("vi" if g.lang == "vi" else "ko", sex="F")
    t.fmt(
        REVIEW[g.lang],
        CL=g.clinic.ko if g.lang == "ko" else g.clinic.en,
        P=proc(g.proc()),
        D=str(g.num(5, 90)),
        C=cond(g.cond()),
        S=per(g.name(doc)),
        G2=per(g.given(coord)),
        M=med(g.med()),
        U=url(g.personal_url(p)) if g.chance(0.6) else "",
    )
    t.line(
        {
            "ko": "#성형후기 #강남성형 #붓기",
            "vi": "#review #hanquoc #thammy",
            "en": "#kbeauty #seoul",
        }[g.lang]
    )
    return t


def _signature(g: Gen, t: Text, s: Person) -> None:
    """An e-mail signature block."""
    t.add("\n--\n", per(g.name(s)), "\n")
    t.line(
        g.pick(("International Patient Center", "국제진료팀", "상담실", "Coordinator / Phiên dịch"))
    )
    t.add(f"{g.clinic.en} | T {g.clinic.phone} (ext. {g.num(100, 399)})")
    if g.chance(0.6):
        t.add(" | M ", phn(g.phone(s, "ko")))
    t.add("\n")


def staff_email_thread(g: Gen) -> Text:
    """A staff e-mail thread with quoted replies and signatures."""
    t = Text(plain=g.plain)
    a, b = g.staff(), g.staff("vi" if g.lang == "vi" else "ko")
    p = g.patient()
    subj = {
        "ko": "환자 수술 일정 변경 건",
        "vi": "Đổi lịch mổ khách",
        "en": "Schedule change for patient",
    }[g.lang]
    t.add(
        "From: ",
        per(g.name(b)),
        " <",
        eml(g.staff_email(b)),
        ">\nTo: ",
        per(g.name(a)),
        " <",
        eml(g.staff_email(a)),
        f">\nDate: {g.when()} {g.time()}\nSubject: RE: {subj}\n\n",
    )
    reply = {
        "ko": "{A}님, 확인했습니다. 마취과에도 전달해 두었어요. {C} 있으셔서 혈압약 {M}은 당일 "
        "아침 복용하도록 안내했습니다.",
        "vi": "Chị {A} ơi, em đã báo khách rồi. Khách có {C}, đang uống {M}, em dặn sáng hôm mổ "
        "vẫn uống.",
        "en": "Hi {A}, done - anaesthesia is informed. She has {C} and takes {M}; told her to take "
        "it the morning of surgery.",
    }
    t.fmt(reply[g.lang], A=per(g.given(a)), C=cond(g.cond()), M=med(g.med())).line()
    _signature(g, t, b)
    t.add(
        "\n-----Original Message-----\nFrom: ",
        per(g.name(a)),
        " <",
        eml(g.staff_email(a)),
        f">\nSent: {g.when()}\n\n",
    )
    quoted = {
        "ko": "> {N} 환자(차트 {MRN}) {P} 일정을 {V}로 변경 요청하셨습니다.\n> 연락처 {T}로 확인 "
        "전화 부탁드려요.\n",
        "vi": "> Khách {N} (mã {MRN}) xin đổi lịch {P} sang {V}.\n> Em gọi lại số {T} xác nhận "
        "giúp chị.\n",
        "en": "> {N} (MRN {MRN}) asked to move her {P} to {V}.\n> Could you call her on {T} to "
        "confirm?\n",
    }
    t.fmt(
        quoted[g.lang],
        N=per(g.name(p)),
        MRN=mrn(g.mrn()),
        P=proc(g.proc()),
        V=g.when(g.visit + timedelta(days=7)),
        T=phn(g.phone(p)),
    )
    t.line("> ")
    t.add("> ").add(per(g.name(a))).line()
    return t


def refund_receipt(g: Gen) -> Text:
    """A refund receipt / payment slip with business number, card and prices."""
    t = Text(plain=g.plain)
    p, doc = g.patient(), g.staff(sex="M")
    cl = g.clinic
    hdr = {
        "ko": (
            "진료비 환불 영수증",
            "상호",
            "사업자등록번호",
            "대표자",
            "환자",
            "등록번호",
            "항목",
            "금액",
            "환불 금액",
            "결제 카드",
            "승인번호",
        ),
        "vi": (
            "BIÊN LAI HOÀN TIỀN",
            "Đơn vị",
            "Mã số doanh nghiệp (KR)",
            "Đại diện",
            "Khách hàng",
            "Mã BN",
            "Hạng mục",
            "Số tiền",
            "Số tiền hoàn",
            "Thẻ thanh toán",
            "Mã chuẩn chi",
        ),
        "en": (
            "REFUND RECEIPT",
            "Clinic",
            "Business Reg. No.",
            "Representative",
            "Patient",
            "Chart No.",
            "Item",
            "Amount",
            "Refund",
            "Card",
            "Approval no.",
        ),
    }[g.lang]
    t.line(f"{hdr[0]}  No. {g.order_no()}")
    t.add(
        f"{hdr[1]}: {cl.ko if g.lang == 'ko' else cl.en}   {hdr[2]}: ",
        lab("KR_BRN", make_brn(g.r)),
        f"\n{hdr[3]}: ",
        per(g.name(doc)),
        f"\n{hdr[4]}: ",
        per(g.name(p)),
        f"   {hdr[5]}: ",
        mrn(g.mrn()),
        "\n",
    )
    t.line(f"{hdr[6]:<24}{hdr[7]}")
    for _ in range(g.num(1, 4)):
        item: Piece = (
            proc(g.proc())
            if g.chance(0.7)
            else g.pick(("Consultation", "진찰료", "Phí tư vấn", "CT 3D"))
        )
        t.add(item, f"    {g.price()}\n")
    t.line(f"{hdr[8]}: -{g.price()}  ({g.when()})")
    card: Piece = (
        lab("CREDIT_CARD", make_card(g.r))
        if g.chance(0.6)
        else f"{g.num(4000, 5599)}-{g.digits(2)}**-****-{g.digits(4)}"
    )
    t.add(f"{hdr[9]}: ", card, f"   {hdr[10]}: {g.digits(8)}\n")
    if g.chance(0.3):
        t.line(f"Gift voucher {make_card(g.r, valid=False).replace(' ', '')} (not refundable)")
    if g.chance(0.3):
        t.add("Cash receipt / 현금영수증 사업자: ", lab("KR_BRN", make_brn(g.r)), "\n")
    return t


def calendar_ics(g: Gen) -> Text:
    """An appointment calendar export in iCalendar lines."""
    t = Text(plain=g.plain)
    t.line("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//ClinicDesk//Scheduler 4.2//" + g.lang.upper())
    t.line("X-WR-TIMEZONE:Asia/Seoul")
    for _ in range(g.num(1, 4)):
        p, s = g.patient(), g.staff()
        d = g.visit + timedelta(days=g.num(0, 20))
        h = g.num(9, 17)
        t.line(f"BEGIN:VEVENT\nUID:{g.digits(8)}-{g.digits(4)}@{g.clinic.domain}")
        t.line(
            f"DTSTART;TZID=Asia/Seoul:{d:%Y%m%d}T{h:02d}0000\n"
            f"DTEND;TZID=Asia/Seoul:{d:%Y%m%d}T{h + 1:02d}3000"
        )
        t.add("SUMMARY:", proc(g.proc()), " - ", per(g.name(p)), "\n")
        desc = {
            "ko": ("DESCRIPTION:연락처 ", "\\n차트 ", "\\n특이사항: "),
            "vi": ("DESCRIPTION:SĐT ", "\\nMã BN ", "\\nLưu ý: "),
            "en": ("DESCRIPTION:Tel ", "\\nChart ", "\\nNote: "),
        }[g.lang]
        t.add(
            desc[0],
            phn(g.phone(p)),
            desc[1],
            mrn(g.mrn()),
            desc[2],
            cond(g.cond()) if g.chance(0.6) else "-",
            "\n",
        )
        t.add("ORGANIZER;CN=", per(g.name(s)), ":mailto:", eml(g.staff_email(s)), "\n")
        if g.chance(0.4):
            t.add(
                "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=",
                per(g.name(p)),
                ":mailto:",
                eml(g.email(p)),
                "\n",
            )
        t.line(f"LOCATION:Room {g.num(1, 6)}\nSTATUS:CONFIRMED\nEND:VEVENT")
    t.line("END:VCALENDAR")
    return t


def _ocr_noise(r: random.Random) -> Callable[[str], str]:
    """A garbler for unlabeled OCR text: doubled spaces and look-alike characters."""
    swap = {"o": "0", "l": "1", "e": "c", "I": "l", "m": "rn", ":": ";", ".": ","}

    def garble(s: str) -> str:
        out = []
        for ch in s:
            x = r.random()
            if ch in swap and x < 0.04:
                out.append(swap[ch])
            elif ch == " " and x < 0.15:
                out.append("  ")
            else:
                out.append(ch)
        return "".join(out)

    return garble


def ocr_intake(g: Gen) -> Text:
    """Handwritten consultation note as OCR returns it: typos and extra spaces."""
    t = Text(plain=g.plain, noise=_ocr_noise(g.r))
    p = g.patient()
    upper = g.chance(0.4)
    body = {
        "ko": "상 담 기 록 지\n성 명 : {N}     생년월일 : {B}\n연락처 : {T}\n주 소 : {A}\n병 력 : "
        "{C}\n"
        "복용약 : {M}\n상담내용 : {P} 희망, 눈 비대칭 있음.\n견적 {F}  /  상담자 {S}\n",
        "vi": "PHIEU TU VAN (viet tay)\nHo ten : {N}   Ngay sinh : {B}\nDT : {T}\nDia chi : {A}\n"
        "Tien su : {C}\n"
        "Thuoc : {M}\nMuon lam : {P}\nBao gia {F}  - tu van vien {S}\n",
        "en": "CONSULTATION NOTE (handwritten)\nName: {N}    DOB: {B}\nPhone: {T}\nAddress: {A}\n"
        "PMHx: {C}\n"
        "Meds: {M}\nRequest: {P}, asymmetry noted L>R.\nQuote {F}   Seen by {S}\n",
    }[g.lang]
    name = p.upper if upper else g.name(p)
    t.fmt(
        body,
        N=per(unaccent(name) if g.lang == "vi" else name),
        B=dob(g.birth(p)),
        T=phn(g.phone(p)),
        A=adr(g.address(p)),
        C=cond(g.cond()),
        M=med(g.med()),
        P=proc(g.proc()),
        F=g.price(),
        S=per(g.name(g.staff())),
    )
    return t


def sms(g: Gen) -> Text:
    """A short SMS (60-150 characters)."""
    t = Text(plain=g.plain)
    p = g.patient()
    cl = g.clinic.ko if g.lang == "ko" else g.clinic.en
    tpl = g.pick(
        {
            "ko": (
                "[Web발신]\n[{CL}] {G}님 {V} {H} 예약 안내드립니다. 변경은 {CP}",
                "[Web발신]\n[{CL}] {N}님 내일 {H} 실밥 제거 예약이 있습니다. 변경 {CP}",
                "[Web발신]\n{G}님~ 처방받으신 {M} 꼭 식후에 드세요! 열이 나면 연락 주세요 -{CL}",
                "[{CL}] 인증번호 [{OTP}]를 입력해 주세요. 타인에게 절대 알려주지 마세요.",
            ),
            "vi": (
                "{CL}: Chao {G}, lich tai kham {V} luc {H}. LH {CP}",
                "Chi {G} oi nho uong {M} sau an nhe. {CL}",
                "{CL} xac nhan lich hen cua {N} ngay {V}. Ma {O}",
                "{CL}: Ma xac thuc cua ban la {OTP}. Khong chia se ma nay cho bat ky ai.",
            ),
            "en": (
                "Hi {G}, reminder: consult at {CL} on {V} {H}. Reply C to confirm.",
                "{CL}: {N}, your stitches come out tomorrow.",
                "Hi {G}, take {M} with food. Call {CP} if fever.",
                "{CL}: your verification code is {OTP}. Never share this code.",
            ),
        }[g.lang]
    )
    t.fmt(
        tpl,
        CL=cl,
        G=per(g.given(p)),
        N=per(g.name(p)),
        V=g.when(),
        H=g.time(),
        CP=g.clinic.phone,
        M=med(g.med()),
        O=g.order_no(),
        OTP=g.digits(6),
    )
    return t


def prescription(g: Gen) -> Text:
    """A prescription (처방전 / đơn thuốc / Rx)."""
    t = Text(plain=g.plain)
    p, doc = g.patient(), g.staff(sex="M")
    head = {
        "ko": (
            "처   방   전",
            "교부번호",
            "환자 성명",
            "주민등록번호",
            "질병분류기호",
            "처방 의약품의 명칭",
            "처방의료인",
        ),
        "vi": ("ĐƠN THUỐC", "Số", "Họ tên", "Ngày sinh", "Chẩn đoán", "Thuốc", "Bác sĩ kê đơn"),
        "en": ("PRESCRIPTION", "Rx no.", "Patient", "DOB", "Diagnosis", "Medication", "Prescriber"),
    }[g.lang]
    t.line(head[0]).line(f"{head[1]}: {g.visit:%Y%m%d}-{g.digits(5)}")
    ident: Piece = (
        lab("KR_RRN", make_rrn(g.r, p.born, p.sex, p.origin != "ko"))
        if g.lang == "ko"
        else dob(g.birth(p))
    )
    t.add(f"{head[2]}: ", per(g.name(p)), f"   {head[3]}: ", ident, "\n")
    if g.lang == "ko" and g.chance(0.3):
        t.add("건강보험증번호: ", lab("KR_HEALTH_INSURANCE", make_health_ins(g.r)), "\n")
    if g.lang == "vi" and g.chance(0.6):
        t.add("Địa chỉ: ", adr(g.address(p)), "\n")
    t.add(f"{head[4]}: {g.pick(KCD)} (", cond(g.cond()), ")  s/p ", proc(g.proc()), "\n")
    t.line(f"{head[5]}:")
    for i in range(g.num(2, 5)):
        t.add(f"  {i + 1}) ", med(g.med()), f"  {g.dose()}\n")
    t.add(
        f"{head[6]}: ",
        per(g.name(doc)),
        f"  (면허 제{g.num(10000, 99999)}호 / Lic. {g.num(10000, 99999)})\n",
    )
    t.line(f"{g.clinic.en} · {g.clinic.phone} · {g.when()}")
    return t


PRICE_ITEMS = (
    ("쌍꺼풀 매몰법", "Bấm mí", "Non-incisional double eyelid"),
    ("코성형 (실리콘)", "Nâng mũi sụn", "Rhinoplasty (silicone)"),
    ("지방흡입 (복부)", "Hút mỡ bụng", "Liposuction - abdomen"),
    ("보톡스 사각턱 50u", "Botox gọn hàm", "Jaw Botox 50u"),
    ("필러 1cc", "Filler 1cc", "Filler 1cc"),
    ("가슴확대 (모티바)", "Nâng ngực Motiva", "Breast augmentation (Motiva)"),
    ("안면윤곽 3종", "Gọt mặt V-line", "V-line contouring"),
    ("실리프팅 10줄", "Căng chỉ 10 sợi", "Thread lift x10"),
)


def price_list(g: Gen) -> Text:
    """An advert / price list: medical terms not about a person, nothing labeled."""
    t = Text(plain=g.plain)
    i = LANGUAGES.index(g.lang)
    t.line(
        {
            "ko": f"★{g.visit.month}월 이벤트★ {g.clinic.ko}",
            "vi": f"ƯU ĐÃI THÁNG {g.visit.month} - {g.clinic.en}",
            "en": f"{g.clinic.en} - {KO_MONTHS_EN[g.visit.month - 1]} specials",
        }[g.lang]
    )
    for row in g.r.sample(PRICE_ITEMS, g.num(4, 8)):
        t.line(f"- {row[i]} .......... {g.price()} (-{g.num(1, 5)}0%)")
    t.line(
        {
            "ko": "※ 부작용: 붓기, 멍, 감염, 비대칭 등이 발생할 수 있습니다.",
            "vi": "* Có thể xảy ra sưng, bầm, nhiễm trùng. Kết quả tùy cơ địa.",
            "en": "* Risks include swelling, bruising, infection and asymmetry.",
        }[g.lang]
    )
    t.line(f"{g.clinic.phone} | {g.clinic.web} | {g.clinic.info}")
    t.line(g.clinic.addr_ko if g.lang == "ko" else g.clinic.addr_en)
    return t


def notice(g: Gen) -> Text:
    """A clinic notice with no personal data (holidays, parking, Wi-Fi, blank form)."""
    t = Text(plain=g.plain)
    opts = {
        "ko": (
            f"[공지] 설 연휴 휴진 안내\n{g.when()} ~ {g.when(g.visit + timedelta(days=3))} "
            f"휴진합니다. "
            f"응급 문의 {g.clinic.phone}\n주차: 건물 지하 2층, 2시간 무료 (영수증 지참)\n"
            f"Wi-Fi: MISO_GUEST / pw {g.digits(8)}\n",
            "개인정보 수집 동의서 (양식)\n성명: ____________\n주민등록번호: 900101-1******\n"
            "연락처: 010-****-****\n주소: ______________________\n※ 위 예시는 마스킹된 값입니다.\n",
        ),
        "vi": (
            f"THÔNG BÁO: Phòng khám nghỉ lễ từ {g.when()} đến "
            f"{g.when(g.visit + timedelta(days=4))}.\n"
            f"Hotline: {g.clinic.phone}. Đặt lịch online tại {g.clinic.web}\nKhách vui lòng mang "
            f"hộ chiếu khi đến.\n",
            "MẪU PHIẾU ĐĂNG KÝ\nHọ tên: ..............\nSố CCCD: 0**********5\nSĐT: 09** *** ***\n"
            "Ghi chú: không điền thông tin vào bản mẫu này.\n",
        ),
        "en": (
            f"NOTICE: The clinic will be closed on {g.when()} for staff training.\nFor urgent "
            f"post-op concerns "
            f"call {g.clinic.phone} or email {g.clinic.info}.\nShuttle departs Myeongdong Station "
            f"exit 6 at 09:30, "
            f"order ref {g.order_no()}.\n",
            f"Release notes v{g.num(2, 5)}.{g.num(0, 9)}.{g.num(0, 20)}.{g.num(100, 999)}\n- Fixed "
            f"export of "
            "lab values (Hb 12.1 g/dL, WBC 6.4)\n- Card numbers now shown as **** **** **** 1234\n",
        ),
    }[g.lang]
    t.add(g.pick(opts))
    return t


def portal_audit_log(g: Gen) -> Text:
    """A patient-portal / e-consent access log with IP addresses."""
    t = Text(plain=g.plain)
    t.line(
        {
            "ko": "# 환자 포털 접속 기록",
            "vi": "# Nhật ký truy cập cổng bệnh nhân",
            "en": "# patient portal audit log",
        }[g.lang]
    )
    t.line("timestamp\tevent\tuser\tip\tdetail")
    for _ in range(g.num(4, 12)):
        p = g.patient()
        ip = make_ipv4(g.r) if g.chance(0.8) else make_ipv6(g.r)
        ev = g.pick(
            ("LOGIN_OK", "LOGIN_FAIL", "VIEW_CHART", "DOWNLOAD", "ESIGN_CONSENT", "UPLOAD_PHOTO")
        )
        t.add(
            f"{g.visit:%Y-%m-%d}T{g.time()}:{g.num(10, 59)}+09:00\t{ev}\t",
            eml(g.email(p)),
            "\t",
            lab("IP_ADDRESS", ip),
            "\t",
        )
        if ev in ("VIEW_CHART", "DOWNLOAD"):
            t.add("chart=", mrn(g.mrn()))
        else:
            t.add(f"ua=Mozilla/5.0 Chrome/{g.num(110, 126)}.0.{g.num(5000, 6500)}.{g.num(50, 200)}")
        t.add("\n")
    return t


def reception_log(g: Gen) -> Text:
    """A front-desk identity-verification log (licence, insurance, RRN, foreign IDs)."""
    t = Text(plain=g.plain)
    hdr = {
        "ko": "접수 본인확인 대장",
        "vi": "SỔ XÁC MINH DANH TÍNH LỄ TÂN",
        "en": "Front desk ID verification log",
    }
    t.line(f"{hdr[g.lang]} - {g.when()}")
    for _ in range(g.num(3, 8)):
        p = g.patient()
        t.add(f"{g.time()}  ", per(g.name(p)), "  ")
        kind = g.r.randrange(5)
        if p.origin == "ko" and kind == 0:
            t.add(
                "운전면허 " if g.lang == "ko" else "Driver licence ",
                lab("KR_DRIVER_LICENSE", make_kr_license(g.r)),
            )
        elif p.origin == "ko" and kind == 1:
            t.add(
                "건강보험증 " if g.lang == "ko" else "NHIS card ",
                lab("KR_HEALTH_INSURANCE", make_health_ins(g.r)),
            )
        elif p.origin == "ko" and kind == 2:
            t.add(
                "주민등록증 " if g.lang == "ko" else "Resident card ",
                lab("KR_RRN", make_rrn(g.r, p.born, p.sex)),
            )
        elif p.origin == "vi" and kind < 3:
            t.add(
                "CCCD " if kind else "CMND ",
                lab("VN_NATIONAL_ID", make_cccd(g.r, p.born, p.sex) if kind else make_cmnd(g.r)),
            )
        elif kind == 3 and p.origin != "ko":
            t.add(
                "외국인등록증 " if g.lang == "ko" else "ARC ",
                lab("KR_RRN", make_rrn(g.r, p.born, p.sex, True)),
            )
        else:
            t.add("Passport ", passport_piece(g, p))
        t.add(f"  ok  by {g.pick(('desk1', 'desk2', 'coord'))}\n")
    return t


def inpatient_chart_long(g: Gen) -> Text:
    """A long inpatient chart: admission sheet, op/anaesthesia records, notes, prescriptions."""
    t = Text(plain=g.plain)
    p, guard = g.patient(), g.patient()
    if g.lang == "ko":
        t.add(
            "입원기록지\n성명: ",
            per(g.name(p)),
            "   주민등록번호: ",
            lab("KR_RRN", make_rrn(g.r, p.born, p.sex, p.origin != "ko")),
            "\n생년월일: ",
            dob(g.birth(p)),
            "   건강보험증: ",
            lab("KR_HEALTH_INSURANCE", make_health_ins(g.r)),
            "\n주소: ",
            adr(g.address(p, "ko")),
            "\n연락처: ",
            phn(g.phone(p)),
            "   보호자: ",
            per(g.name(guard)),
            " ",
            phn(g.phone(guard)),
            "\n",
        )
    else:
        head = {
            "vi": (
                "BỆNH ÁN NỘI TRÚ",
                "Họ tên",
                "Ngày sinh",
                "Địa chỉ",
                "Điện thoại",
                "Người nhà",
                "Số CCCD",
            ),
            "en": (
                "INPATIENT RECORD",
                "Name",
                "DOB",
                "Address",
                "Phone",
                "Next of kin",
                "Passport",
            ),
        }[g.lang]
        t.add(
            f"{head[0]}\n{head[1]}: ",
            per(g.name(p)),
            f"   {head[2]}: ",
            dob(g.birth(p)),
            f"\n{head[3]}: ",
            adr(g.address(p)),
            f"\n{head[4]}: ",
            phn(g.phone(p)),
            f"   {head[5]}: ",
            per(g.name(guard)),
            "\n",
        )
        ident: Piece = (
            lab("VN_NATIONAL_ID", make_cccd(g.r, p.born, p.sex))
            if g.lang == "vi"
            else passport_piece(g, p)
        )
        t.add(f"{head[6]}: ", ident, "\n")
    t.add("Email: ", eml(g.email(p)), "\n\n")
    target = g.num(3000, 7000)
    builders = (
        nurse_notes,
        anesthesia_record,
        prescription,
        followup_call_log,
        postop_instructions,
    )
    while t.size < target:
        t.extend(g.r.choice(builders)(g)).add("\n" + "=" * 40 + "\n")
    return t


KINDS: tuple[tuple[str, Callable[[Gen], Text], float], ...] = (
    ("nurse_notes", nurse_notes, 5),
    ("anesthesia_record", anesthesia_record, 3),
    ("postop_instructions", postop_instructions, 5),
    ("followup_call_log", followup_call_log, 4),
    ("survey_freetext", survey_freetext, 4),
    ("insurance_email", insurance_email, 5),
    ("interpreter_memo", interpreter_memo, 4),
    ("agency_booking_sheet", agency_booking_sheet, 4),
    ("chat", chat, 10),
    ("chat_long", chat_long, 1.5),
    ("scanned_form", scanned_form, 5),
    ("tsv_export", tsv_export, 4),
    ("medical_certificate", medical_certificate, 5),
    ("photo_consent", photo_consent, 4),
    ("review_post", review_post, 4),
    ("staff_email_thread", staff_email_thread, 4),
    ("refund_receipt", refund_receipt, 4),
    ("calendar_ics", calendar_ics, 3),
    ("ocr_intake", ocr_intake, 4),
    ("sms", sms, 7),
    ("prescription", prescription, 5),
    ("reception_log", reception_log, 3),
    ("portal_audit_log", portal_audit_log, 2),
    ("inpatient_chart_long", inpatient_chart_long, 1.5),
    ("price_list", price_list, 6),
    ("notice", notice, 5),
)


def generate(seed: int, n_docs: int) -> list[Doc]:
    """Generate ``n_docs`` labeled documents deterministically from ``seed``."""
    r = random.Random(seed)
    weights = [w for _, _, w in KINDS]
    docs = []
    for i in range(n_docs):
        lang = r.choice(LANGUAGES)
        name, build, _ = r.choices(KINDS, weights)[0]
        g = Gen(random.Random(r.getrandbits(64)), lang)
        g.plain = lang == "vi" and g.chance(0.35 if name in ("chat", "sms", "ocr_intake") else 0.12)
        t = build(g)
        docs.append(Doc(f"blind-{seed}-{i:05d}", lang, name, t.text(), tuple(t.spans)))
    return docs


def check(docs: Sequence[Doc]) -> list[str]:
    """Problems with the gold spans: bounds, overlap, emptiness, untrimmed values, unknown types."""
    problems = []
    for d in docs:
        if d.language not in LANGUAGES:
            problems.append(f"{d.doc_id}: language {d.language}")
        prev_end = 0
        for s in sorted(d.spans, key=lambda s: (s.start, s.end)):
            value = d.text[s.start : s.end]
            if s.entity_type not in ENTITY_TYPES:
                problems.append(f"{d.doc_id}: unknown type {s.entity_type}")
            if not 0 <= s.start < s.end <= len(d.text):
                problems.append(f"{d.doc_id}: bad bounds {s}")
            elif s.start < prev_end:
                problems.append(f"{d.doc_id}: overlap at {s}")
            elif value != value.strip() or not value.strip():
                problems.append(f"{d.doc_id}: untrimmed/empty {s} {value!r}")
            prev_end = max(prev_end, s.end)
    return problems


def stats(docs: Sequence[Doc]) -> str:
    """Counts per language, kind and entity type, and a length histogram."""
    by_lang = Counter(d.language for d in docs)
    by_kind = Counter(d.kind for d in docs)
    by_type: Counter[tuple[str, str]] = Counter()
    for d in docs:
        by_type.update((s.entity_type, d.language) for s in d.spans)
    lengths = Counter(
        "<150"
        if len(d.text) < 150
        else "150-200"
        if len(d.text) < 200
        else "200-2000"
        if len(d.text) <= 2000
        else "2000-3000"
        if len(d.text) <= 3000
        else ">3000"
        for d in docs
    )
    lines = [
        f"docs {len(docs)}  languages {dict(sorted(by_lang.items()))}",
        f"no-label docs {sum(1 for d in docs if not d.spans)}  lengths {dict(lengths)}",
        "",
        "kinds:",
    ]
    lines += [f"  {k:<24}{n}" for k, n in sorted(by_kind.items())]
    lines += ["", f"  {'type':<24}{'ko':>6}{'vi':>6}{'en':>6}{'total':>7}"]
    for et in ENTITY_TYPES:
        row = [by_type[(et, lang)] for lang in LANGUAGES]
        lines.append(f"  {et:<24}" + "".join(f"{n:>6}" for n in row) + f"{sum(row):>7}")
    return "\n".join(lines)


def main() -> None:
    """Command line: --stats, --dump DIR."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args()
    docs = generate(args.seed, args.docs)
    if args.stats:
        problems = check(docs)
        print(stats(docs))
        if problems:
            print("\n".join(problems[:50]))
            raise SystemExit(f"check failed: {len(problems)} problems")
        print("check ok")
    if args.dump:
        dump(docs, args.dump)


if __name__ == "__main__":
    main()
