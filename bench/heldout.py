"""An independently written, held-out corpus of clinic documents in Korean, Vietnamese, English.

``generate(seed, n_docs)`` returns labeled documents whose templates, name lists and formats
were written separately from ``bench/corpus.py`` (only its ``Doc``/``Span``/``ENTITY_TYPES``
definitions are shared), so scores on it estimate how the detector does on unseen documents.

Labeling conventions:

* Spans are recorded while the text is appended, never searched for afterwards.
* PERSON covers the name only (no 님/씨/원장/Dr./Mr./Chị/Anh/BS.); any person is labeled:
  patients, relatives, doctors, nurses, coordinators.
* The clinic's own public contact details (main phone, street address, homepage, info@ mail
  in letterheads, footers and marketing copy) are NOT labeled; a staff member's direct mobile
  or personal mail is. A business registration number (KR_BRN) is always labeled.
* DATE_OF_BIRTH only for birth dates; visit, surgery, signature and print dates are decoys.
* Medical terms are labeled when they are about a person (chart, chat, claim, review...);
  price lists and marketing copy that merely name procedures are left unlabeled.
* Identifiers outside ENTITY_TYPES (Vietnamese BHYT card numbers, private insurance member
  ids, doctor licence numbers, Korean provider numbers 요양기관번호) are unlabeled decoys,
  as are masked values (010-****-5678, 900101-1******) and checksum-invalid look-alikes.

``python bench/heldout.py [--seed S] [--docs N] [--dump DIR] [--stats]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import ENTITY_TYPES, LANGUAGES, Doc, Span, dump  # noqa: E402

Piece = str | tuple[str, str]


class Text:
    """Accumulates document text and the gold spans of labeled pieces."""

    def __init__(self) -> None:
        """Start an empty text."""
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.size = 0

    def put(self, *pieces: Piece) -> Text:
        """Append plain strings and ``(entity_type, value)`` pairs (the latter labeled)."""
        for piece in pieces:
            value = piece
            if isinstance(piece, tuple):
                value = piece[1]
                self.spans.append(Span(piece[0], self.size, self.size + len(value)))
            assert isinstance(value, str)
            self.parts.append(value)
            self.size += len(value)
        return self

    def ln(self, *pieces: Piece) -> Text:
        """Append pieces followed by a newline."""
        return self.put(*pieces, "\n")

    def value(self) -> str:
        """Return the text built so far."""
        return "".join(self.parts)


# --------------------------------------------------------------------------- names

KO_SURNAMES = (
    "김김김김김이이이이박박박최최정정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하"
    "곽성차주우구민진나엄채원천방공현함변염여추도석설마길연표명기반왕금옥인맹제모탁국은"
)
KO_COMPOUND_SURNAMES = ("남궁", "제갈", "선우", "황보", "독고", "사공")
KO_SURNAME_ROMAN = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo",
    "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu",
    "홍": "Hong", "전": "Jeon", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae",
    "백": "Baek", "허": "Heo", "유": "Yoo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha",
    "곽": "Kwak", "성": "Sung", "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min",
    "진": "Jin", "나": "Na", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang",
    "공": "Kong", "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo",
    "도": "Do", "석": "Seok", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon", "표": "Pyo",
    "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Geum", "옥": "Ok", "인": "In",
    "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak", "국": "Kook", "은": "Eun",
    "남궁": "Namgung", "제갈": "Jegal", "선우": "Sunwoo", "황보": "Hwangbo", "독고": "Dokgo",
    "사공": "Sagong",
}  # fmt: skip
KO_GIVEN = (
    ("민지", "Min-ji"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("민준", "Min-jun"),
    ("서준", "Seo-jun"), ("하은", "Ha-eun"), ("지우", "Ji-woo"), ("수빈", "Su-bin"),
    ("예린", "Ye-rin"), ("유진", "Yu-jin"), ("지민", "Ji-min"), ("현우", "Hyun-woo"),
    ("도윤", "Do-yoon"), ("은지", "Eun-ji"), ("혜진", "Hye-jin"), ("소희", "So-hee"),
    ("다은", "Da-eun"), ("채원", "Chae-won"), ("하린", "Ha-rin"), ("시우", "Si-woo"),
    ("주원", "Ju-won"), ("건우", "Geon-woo"), ("예준", "Ye-jun"), ("서윤", "Seo-yoon"),
    ("지아", "Ji-a"), ("윤서", "Yoon-seo"), ("가은", "Ga-eun"), ("나연", "Na-yeon"),
    ("세영", "Se-young"), ("보람", "Bo-ram"), ("슬기", "Seul-gi"), ("아름", "A-reum"),
    ("미경", "Mi-kyung"), ("정희", "Jung-hee"), ("영숙", "Young-sook"), ("순자", "Soon-ja"),
    ("경자", "Kyung-ja"), ("명수", "Myung-soo"), ("영호", "Young-ho"), ("성민", "Sung-min"),
    ("재현", "Jae-hyun"), ("동현", "Dong-hyun"), ("상우", "Sang-woo"), ("태현", "Tae-hyun"),
    ("준영", "Jun-young"), ("승훈", "Seung-hoon"), ("우진", "Woo-jin"), ("민석", "Min-seok"),
    ("진호", "Jin-ho"), ("광수", "Kwang-soo"), ("정훈", "Jung-hoon"), ("대현", "Dae-hyun"),
    ("혜원", "Hye-won"), ("수정", "Su-jung"), ("지현", "Ji-hyun"), ("은영", "Eun-young"),
    ("미영", "Mi-young"), ("선영", "Sun-young"), ("현정", "Hyun-jung"), ("은비", "Eun-bi"),
    ("다현", "Da-hyun"), ("소연", "So-yeon"), ("유나", "Yu-na"), ("효진", "Hyo-jin"),
    ("민서", "Min-seo"), ("지유", "Ji-yu"), ("수아", "Su-a"), ("하윤", "Ha-yoon"),
    ("연우", "Yeon-woo"), ("도현", "Do-hyun"), ("이준", "Yi-jun"), ("은우", "Eun-woo"),
    ("태윤", "Tae-yoon"), ("규리", "Gyu-ri"), ("보영", "Bo-young"), ("한별", "Han-byul"),
    ("새롬", "Sae-rom"), ("나래", "Na-rae"), ("초롱", "Cho-rong"), ("하늘", "Ha-neul"),
    ("경민", "Kyung-min"), ("종현", "Jong-hyun"), ("병철", "Byung-chul"), ("기태", "Ki-tae"),
    ("창민", "Chang-min"), ("형준", "Hyung-jun"), ("용준", "Yong-jun"), ("석진", "Seok-jin"),
    ("윤아", "Yoon-a"), ("수현", "Su-hyun"), ("예지", "Ye-ji"), ("진영", "Jin-young"),
    ("희정", "Hee-jung"), ("명숙", "Myung-sook"), ("옥순", "Ok-soon"), ("말순", "Mal-soon"),
    ("재민", "Jae-min"), ("준서", "Jun-seo"), ("하준", "Ha-jun"), ("지안", "Ji-an"),
    ("서현", "Seo-hyun"), ("아린", "A-rin"), ("로운", "Ro-un"), ("다솜", "Da-som"),
)  # fmt: skip
KO_GIVEN_SINGLE = (("현", "Hyun"), ("준", "Jun"), ("진", "Jin"), ("솔", "Sol"), ("별", "Byul"))

VI_SURNAMES = (
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng",
    "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh",
    "Trịnh", "Mai", "Tô", "Lâm", "Cao", "Tạ", "Hà", "Lương", "Châu", "Thái", "Quách", "Kiều",
)  # fmt: skip
VI_MIDDLE_F = (
    "Thị",
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Thùy",
    "Kim",
    "Bảo",
    "Phương",
    "Mai",
    "Hồng",
    "Như",
    "Diệu",
    "Bích",
    "Minh",
    "Khánh",
    "Hoài",
    "Quỳnh",
    "Tường",
    "Cẩm",
)
VI_MIDDLE_M = (
    "Văn",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quang",
    "Hoàng",
    "Công",
    "Đình",
    "Tuấn",
    "Trọng",
    "Gia",
    "Anh",
    "Xuân",
    "Thành",
    "Quốc",
    "Nhật",
    "Bảo",
    "Hải",
    "Thế",
)
VI_GIVEN_F = (
    "Anh", "Linh", "Trang", "Hương", "Lan", "Hoa", "Mai", "Ngọc", "Thảo", "Vy", "Nhi", "Hằng",
    "Hà", "Yến", "Huyền", "Dung", "Phương", "Thủy", "Tâm", "Quỳnh", "Giang", "Hạnh", "Nhung",
    "Oanh", "Duyên", "My", "Trinh", "Loan", "Châu", "Uyên", "Tiên", "Ngân", "Hân", "Nga",
    "Hiền", "Thư", "Vân", "Xuân", "Diễm", "Ly", "Trâm", "Thơ", "Kiều", "Liên", "Ánh",
)  # fmt: skip
VI_GIVEN_M = (
    "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Long", "Hải", "Sơn", "Thắng", "Cường", "Đức",
    "Huy", "Khoa", "Phúc", "Trí", "Quân", "Tài", "Thành", "Vinh", "Bảo", "Khang", "Hiếu",
    "Tùng", "Việt", "Phong", "Lâm", "Duy", "Kiên", "Hưng", "Toàn", "Đạt", "Lộc", "Nhân",
    "Thịnh", "Tín", "Khôi", "An", "Bình", "Quý", "Trung",
)  # fmt: skip

EN_FIRST_F = (
    "Grace", "Hope", "Rose", "Faith", "Joy", "April", "June", "May", "Summer", "Olivia",
    "Emma", "Ava", "Sophia", "Isabella", "Mia", "Charlotte", "Amelia", "Harper", "Evelyn",
    "Abigail", "Emily", "Elizabeth", "Sofia", "Madison", "Avery", "Ella", "Scarlett",
    "Victoria", "Aria", "Chloe", "Camila", "Penelope", "Riley", "Layla", "Lillian", "Nora",
    "Zoey", "Hannah", "Lily", "Eleanor", "Hazel", "Violet", "Aurora", "Savannah", "Audrey",
    "Brooklyn", "Bella", "Claire", "Skylar", "Lucy", "Paisley", "Anna", "Caroline", "Genesis",
    "Aaliyah", "Kennedy", "Kinsley", "Allison", "Maya", "Sarah", "Madelyn", "Adeline", "Alexa",
    "Ariana", "Elena", "Gabriella", "Naomi", "Alice", "Sadie", "Hailey", "Eva", "Emilia",
    "Autumn", "Quinn", "Nevaeh", "Piper", "Ruby", "Serenity", "Willow", "Everly", "Cora",
    "Kaylee", "Lydia", "Aubrey", "Priya", "Aisha", "Fatima", "Mei", "Yuki", "Ingrid", "Siobhan",
    "Niamh", "Carmen", "Lucia", "Dolores", "Beatriz", "Tamika", "Keisha", "Ebony", "Shanice",
    "Megan", "Rebecca", "Laura", "Jessica", "Jennifer", "Amanda", "Stephanie", "Heather",
    "Crystal", "Amber", "Dawn", "Ivy", "Iris", "Daisy", "Holly", "Robin", "Sky", "Jade",
)  # fmt: skip
EN_FIRST_M = (
    "Will", "Mark", "Bill", "Rich", "Chase", "Hunter", "Grant", "Miles", "Drew", "Dean",
    "Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry",
    "Theodore", "Jack", "Levi", "Alexander", "Jackson", "Mateo", "Daniel", "Michael", "Mason",
    "Sebastian", "Ethan", "Logan", "Owen", "Samuel", "Jacob", "Asher", "Aiden", "John",
    "Joseph", "Wyatt", "David", "Leo", "Luke", "Julian", "Hudson", "Grayson", "Matthew",
    "Ezra", "Gabriel", "Carter", "Isaac", "Jayden", "Luca", "Anthony", "Dylan", "Lincoln",
    "Thomas", "Maverick", "Elias", "Josiah", "Charles", "Caleb", "Christopher", "Ezekiel",
    "Joshua", "Isaiah", "Andrew", "Ryan", "Nathan", "Adrian", "Christian", "Aaron", "Eli",
    "Connor", "Jeremiah", "Cameron", "Colton", "Jordan", "Nicholas", "Robert", "Angel",
    "Austin", "Ian", "Brandon", "Kevin", "Patrick", "Sean", "Declan", "Rory", "Callum",
    "Hamish", "Rajesh", "Arjun", "Mohammed", "Omar", "Tariq", "Kwame", "Jamal", "DeShawn",
    "Tyrone", "Diego", "Javier", "Alejandro", "Carlos", "Pedro", "Hiroshi", "Kenji", "Wei",
    "Björn", "Lars", "Pierre", "François", "Stefan", "Dmitri", "Raymond", "Gary", "Wayne",
    "Glenn", "Craig", "Troy", "Clay", "Frank", "Earl", "Sterling", "Forrest", "Reed", "Cliff",
)  # fmt: skip
EN_LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans",
    "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris",
    "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
    "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
    "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
    "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long",
    "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell",
    "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons",
    "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin",
    "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis",
    "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
    "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas",
    "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson",
    "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason",
    "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson",
    "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt",
    "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner",
    "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Hansen",
    "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan",
    "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins",
    "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Willis", "Carpenter", "Lawrence",
    "Sandoval", "O'Brien", "O'Connor", "MacLeod", "Fitzgerald", "Nakamura", "Tanaka", "Singh",
    "Kowalski", "Novak", "Dubois", "Rossi", "Müller", "Okafor", "Mensah", "Haddad", "Cohen",
    "Goldberg", "Banerjee", "Iyer", "Wong", "Zhang", "Liu", "Hope", "Bishop", "Church",
    "Little", "Small", "Strong", "Sharp", "Short", "Best", "Gold", "Day", "Moon", "Frost",
)  # fmt: skip


# --------------------------------------------------------------------------- places

KO_CITIES = (
    ("서울특별시", ("강남구", "서초구", "송파구", "마포구", "용산구", "성동구", "광진구", "강서구",
                  "노원구", "은평구", "종로구", "중구", "동작구", "관악구", "영등포구", "양천구")),
    ("부산광역시", ("해운대구", "수영구", "남구", "부산진구", "동래구", "연제구", "사하구")),
    ("인천광역시", ("연수구", "남동구", "부평구", "서구", "계양구")),
    ("대구광역시", ("수성구", "달서구", "중구", "북구")),
    ("대전광역시", ("유성구", "서구", "중구")),
    ("광주광역시", ("서구", "북구", "광산구")),
    ("울산광역시", ("남구", "중구", "울주군")),
    ("경기도", ("성남시 분당구", "수원시 영통구", "고양시 일산동구", "용인시 수지구", "화성시",
              "부천시", "안양시 동안구", "남양주시", "하남시", "김포시", "파주시", "평택시")),
    ("경상남도", ("창원시 성산구", "김해시", "진주시")),
    ("충청북도", ("청주시 흥덕구", "충주시")),
    ("전라북도", ("전주시 완산구", "익산시")),
    ("제주특별자치도", ("제주시", "서귀포시")),
)  # fmt: skip
KO_ROADS = (
    "테헤란로", "강남대로", "논현로", "도산대로", "압구정로", "선릉로", "봉은사로", "언주로",
    "올림픽로", "송파대로", "월드컵북로", "양화로", "독서당로", "한강대로", "판교역로",
    "정자일로", "광교중앙로", "중앙대로", "해운대해변로", "센텀중앙로", "달구벌대로",
    "동탄대로", "일산로", "수지로", "경수대로", "백제고분로", "마포대로", "청계천로",
    "성수이로", "왕십리로", "노해로", "은평로", "시흥대로", "노형로", "연삼로",
)  # fmt: skip
KO_DONG = (
    "역삼동", "삼성동", "논현동", "신사동", "압구정동", "청담동", "대치동", "서초동", "반포동",
    "잠실동", "문정동", "서교동", "합정동", "성수동", "한남동", "이태원동", "상계동", "불광동",
    "정자동", "서현동", "우동", "중동", "좌동", "범어동", "둔산동", "봉명동", "연동", "노형동",
)  # fmt: skip
KO_APTS = (
    "래미안",
    "자이",
    "힐스테이트",
    "푸르지오",
    "아이파크",
    "e편한세상",
    "롯데캐슬",
    "더샵",
    "SK뷰",
    "주공",
    "현대",
    "한신",
    "쌍용",
    "우성",
    "벽산",
)

VI_STREETS = (
    "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt", "Điện Biên Phủ",
    "Cách Mạng Tháng Tám", "Nguyễn Thị Minh Khai", "Võ Văn Tần", "Pasteur", "Nam Kỳ Khởi Nghĩa",
    "Lê Duẩn", "Nguyễn Huệ", "Đồng Khởi", "Phan Xích Long", "Hoàng Văn Thụ", "Cộng Hòa",
    "Nguyễn Văn Linh", "Xô Viết Nghệ Tĩnh", "Lạc Long Quân", "Hoàng Quốc Việt", "Cầu Giấy",
    "Kim Mã", "Láng Hạ", "Tây Sơn", "Xuân Thủy", "Trần Duy Hưng", "Giải Phóng", "Bạch Mai",
    "Nguyễn Chí Thanh", "Phạm Văn Đồng", "Lê Văn Sỹ", "Huỳnh Tấn Phát", "Bạch Đằng",
    "Nguyễn Văn Cừ", "Trường Chinh", "Quang Trung", "Hùng Vương", "Lê Thánh Tôn", "Ngô Quyền",
)  # fmt: skip
VI_HCM = (
    ("Bến Nghé", "quận 1"), ("Bến Thành", "quận 1"), ("Đa Kao", "quận 1"),
    ("Võ Thị Sáu", "quận 3"), ("phường 7", "quận 3"), ("Tân Định", "quận 1"),
    ("phường 12", "quận 10"), ("phường 2", "quận Tân Bình"), ("phường 15", "quận Tân Bình"),
    ("phường 25", "quận Bình Thạnh"), ("phường 7", "quận Phú Nhuận"), ("Tân Phong", "quận 7"),
    ("Thảo Điền", "TP. Thủ Đức"), ("Hiệp Bình Chánh", "TP. Thủ Đức"), ("phường 5", "quận Gò Vấp"),
)  # fmt: skip
VI_HN = (
    ("Nghĩa Đô", "quận Cầu Giấy"), ("Dịch Vọng", "quận Cầu Giấy"), ("Láng Hạ", "quận Đống Đa"),
    ("Kim Liên", "quận Đống Đa"), ("Hàng Bài", "quận Hoàn Kiếm"), ("Tràng Tiền", "quận Hoàn Kiếm"),
    ("Ngọc Khánh", "quận Ba Đình"), ("Kim Mã", "quận Ba Đình"), ("Thanh Xuân Trung",
    "quận Thanh Xuân"), ("Mỹ Đình 1", "quận Nam Từ Liêm"), ("Yên Hòa", "quận Cầu Giấy"),
    ("Bạch Đằng", "quận Hai Bà Trưng"), ("Phúc Đồng", "quận Long Biên"),
)  # fmt: skip
VI_RURAL = (
    ("xã Tân Lập", "huyện Đan Phượng", "Hà Nội"), ("xã Phước Kiển", "huyện Nhà Bè", "TP.HCM"),
    ("xã Hòa Phú", "huyện Hòa Vang", "TP. Đà Nẵng"), ("xã Nghĩa Trung", "huyện Việt Yên",
    "tỉnh Bắc Giang"), ("xã Quỳnh Lưu", "huyện Nho Quan", "tỉnh Ninh Bình"),
    ("xã Tân Phú Trung", "huyện Củ Chi", "TP. Hồ Chí Minh"), ("xã Mỹ Hòa", "huyện Tháp Mười",
    "tỉnh Đồng Tháp"), ("xã Hải Thanh", "huyện Tĩnh Gia", "tỉnh Thanh Hóa"),
    ("xã Diễn Kỷ", "huyện Diễn Châu", "tỉnh Nghệ An"), ("xã An Nhơn", "huyện Châu Thành",
    "tỉnh Đồng Tháp"),
)  # fmt: skip
VI_CITIES_OTHER = (
    ("phường Thạch Thang", "quận Hải Châu", "TP. Đà Nẵng"),
    ("phường An Hải Bắc", "quận Sơn Trà", "TP. Đà Nẵng"),
    ("phường Lộc Thọ", "TP. Nha Trang", "tỉnh Khánh Hòa"),
    ("phường Quyết Thắng", "TP. Biên Hòa", "tỉnh Đồng Nai"),
    ("phường Phú Cường", "TP. Thủ Dầu Một", "tỉnh Bình Dương"),
    ("phường Lạch Tray", "quận Ngô Quyền", "TP. Hải Phòng"),
    ("phường Xuân Khánh", "quận Ninh Kiều", "TP. Cần Thơ"),
    ("phường Vĩnh Ninh", "TP. Huế", "tỉnh Thừa Thiên Huế"),
)  # fmt: skip

US_STREETS = (
    "Oak",
    "Maple",
    "Cedar",
    "Pine",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Sunset",
    "Lincoln",
    "Jefferson",
    "Mission",
    "Valencia",
    "Broadway",
    "Highland",
    "Wilshire",
    "Vermont",
    "Magnolia",
    "Cypress",
    "Willow",
    "Chestnut",
    "Walnut",
)
US_SUFFIX = (
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Boulevard",
    "Blvd",
    "Drive",
    "Dr",
    "Lane",
    "Road",
    "Rd",
    "Court",
    "Way",
    "Place",
    "Terrace",
)
US_CITIES = (
    ("San Jose", "CA", "951"), ("Los Angeles", "CA", "900"), ("Irvine", "CA", "926"),
    ("Seattle", "WA", "981"), ("Bellevue", "WA", "980"), ("Houston", "TX", "770"),
    ("Austin", "TX", "787"), ("Chicago", "IL", "606"), ("Brooklyn", "NY", "112"),
    ("Fort Lee", "NJ", "070"), ("Annandale", "VA", "220"), ("Atlanta", "GA", "303"),
    ("Honolulu", "HI", "968"), ("Denver", "CO", "802"), ("Portland", "OR", "972"),
    ("Garden Grove", "CA", "928"), ("Boston", "MA", "021"), ("Miami", "FL", "331"),
)  # fmt: skip
UK_PLACES = (
    ("London", "N4", "3RP"), ("London", "SW11", "2JP"), ("London", "E14", "5AB"),
    ("Manchester", "M14", "6HN"), ("Leeds", "LS6", "2QT"), ("Bristol", "BS8", "1TH"),
    ("Edinburgh", "EH10", "4BF"), ("Glasgow", "G12", "8QQ"), ("Birmingham", "B15", "2TT"),
)  # fmt: skip
UK_ROADS = (
    "Albert Road",
    "Victoria Street",
    "Church Lane",
    "Station Road",
    "Kings Road",
    "Queens Avenue",
    "Mill Lane",
    "Grove Park",
    "Harcourt Terrace",
    "Elm Close",
)
AU_PLACES = (
    ("Surry Hills", "NSW", "2010"), ("Chatswood", "NSW", "2067"), ("Parramatta", "NSW", "2150"),
    ("Box Hill", "VIC", "3128"), ("Richmond", "VIC", "3121"), ("Southbank", "VIC", "3006"),
    ("Sunnybank", "QLD", "4109"), ("Subiaco", "WA", "6008"),
)  # fmt: skip


# --------------------------------------------------------------------------- medical terms

PROCEDURES = {
    "ko": (
        "쌍꺼풀 수술", "매몰법 쌍꺼풀", "절개법 쌍꺼풀", "눈매교정술", "앞트임", "뒤트임",
        "상안검 성형술", "하안검 성형술", "눈밑지방 재배치", "코성형", "코끝 성형",
        "매부리코 교정술", "비중격 연골 이식", "휜코 교정", "안면윤곽 수술", "사각턱 축소술",
        "광대축소술", "턱끝 성형술", "양악수술", "지방흡입", "복부 지방흡입", "허벅지 지방흡입",
        "얼굴 지방이식", "가슴확대술", "보형물 제거술", "유방축소술", "안면거상술", "이마거상술",
        "실리프팅", "보톡스 시술", "필러 시술", "울쎄라 리프팅", "레이저 토닝", "프락셀 레이저",
        "흉터 성형술", "복부성형술", "입꼬리 성형술", "인중축소술", "귀족수술", "재수술",
    ),
    "vi": (
        "nâng mũi", "nâng mũi cấu trúc", "nâng mũi bọc sụn", "thu gọn cánh mũi", "cắt mí",
        "bấm mí", "cắt mí trên", "lấy mỡ mí dưới", "mở góc mắt", "treo cơ mí", "hút mỡ",
        "hút mỡ bụng", "hút mỡ đùi", "nâng ngực", "nâng ngực túi giọt nước", "thu nhỏ ngực",
        "tháo túi ngực", "gọt hàm", "gọt mặt V-line", "hạ gò má", "độn cằm", "căng da mặt",
        "căng chỉ", "tiêm filler", "tiêm botox", "cấy mỡ tự thân", "trị sẹo lồi",
        "laser trẻ hóa da", "tạo má lúm đồng tiền", "thu gọn môi", "phẫu thuật hàm hô",
        "tạo hình thành bụng", "sửa mũi hỏng",
    ),
    "en": (
        "rhinoplasty", "septorhinoplasty", "revision rhinoplasty", "alar base reduction",
        "upper blepharoplasty", "lower blepharoplasty", "double eyelid surgery",
        "ptosis correction", "epicanthoplasty", "liposuction", "abdominal liposuction",
        "abdominoplasty", "tummy tuck", "facelift", "SMAS facelift", "neck lift", "brow lift",
        "breast augmentation", "breast reduction", "breast implant removal", "mastopexy",
        "genioplasty", "mandibular angle reduction", "zygoma reduction", "V-line surgery",
        "fat grafting", "thread lift", "Botox injection", "dermal filler injection",
        "chemical peel", "fractional CO2 laser", "scar revision", "otoplasty",
        "lip augmentation", "orthognathic surgery", "buccal fat removal",
    ),
}  # fmt: skip
CONDITIONS = {
    "ko": (
        "고혈압", "당뇨병", "제2형 당뇨", "갑상선기능저하증", "갑상선기능항진증", "켈로이드",
        "비후성 반흔", "페니실린 알레르기", "천식", "아토피 피부염", "철결핍성 빈혈", "B형 간염",
        "고지혈증", "우울증", "공황장애", "불면증", "심방세동", "편두통", "알레르기성 비염",
        "안검하수", "안구건조증", "수술 부위 감염", "혈종", "봉합부 염증", "구형구축",
        "역류성 식도염", "다낭성 난소 증후군", "혈소판 감소증", "라텍스 알레르기", "원형탈모",
    ),
    "vi": (
        "tăng huyết áp", "cao huyết áp", "tiểu đường", "đái tháo đường type 2", "hen suyễn",
        "suy giáp", "cường giáp", "bướu cổ", "sẹo lồi", "dị ứng penicillin", "viêm gan B",
        "rối loạn đông máu", "thiếu máu", "viêm da cơ địa", "trào ngược dạ dày", "rối loạn lo âu",
        "mất ngủ", "nhiễm trùng vết mổ", "tụ máu", "co thắt bao xơ", "viêm xoang",
        "rối loạn mỡ máu", "sụp mí", "viêm mũi dị ứng", "đau nửa đầu", "trầm cảm",
    ),
    "en": (
        "hypertension", "type 2 diabetes", "diabetes mellitus", "asthma", "hypothyroidism",
        "hyperthyroidism", "Hashimoto's thyroiditis", "keloid scarring", "hypertrophic scar",
        "penicillin allergy", "latex allergy", "atrial fibrillation", "von Willebrand disease",
        "iron deficiency anemia", "hepatitis B", "GERD", "major depressive disorder",
        "generalized anxiety disorder", "migraine", "obstructive sleep apnea", "seroma",
        "hematoma", "capsular contracture", "surgical site infection", "cellulitis",
        "deep vein thrombosis", "body dysmorphic disorder", "rheumatoid arthritis", "eczema",
        "psoriasis", "hyperlipidemia", "PCOS", "sulfa allergy",
    ),
}  # fmt: skip
MEDICATIONS = {
    "ko": (
        "아목시실린", "세파클러", "세프라딘", "세푸록심", "이부프로펜", "아세트아미노펜",
        "타이레놀", "트라마돌", "울트라셋", "록소프로펜", "록소닌", "세레콕시브", "레보플록사신",
        "클린다마이신", "무피로신", "박트로반", "후시딘", "메트포르민", "암로디핀", "로사르탄",
        "아토르바스타틴", "레보티록신", "신지로이드", "와파린", "아스피린", "프레드니솔론",
        "판토프라졸", "레바미피드", "에페리손", "트라넥삼산", "세티리진", "로라타딘",
        "메티마졸", "졸피뎀", "알프라졸람", "오구멘틴", "펠루비", "뮤코스타", "에스오메프라졸",
    ),
    "vi": (
        "Paracetamol", "Panadol", "Efferalgan", "Amoxicillin", "Augmentin", "Cefuroxim",
        "Cefixim", "Ciprofloxacin", "Metformin", "Amlodipin", "Losartan", "Atorvastatin",
        "Levothyroxin", "Ibuprofen", "Alpha Choay", "Medrol", "Methylprednisolon", "Omeprazol",
        "Esomeprazol", "Loratadin", "Cetirizin", "Transamin", "Mupirocin", "Fucidin",
        "Diclofenac", "Meloxicam", "Clarithromycin", "Gliclazid", "Nifedipin", "Hapacol",
    ),
    "en": (
        "acetaminophen", "Tylenol", "ibuprofen", "Advil", "naproxen", "oxycodone", "Percocet",
        "tramadol", "cephalexin", "Keflex", "amoxicillin", "clindamycin", "azithromycin",
        "doxycycline", "ondansetron", "Zofran", "metformin", "lisinopril", "amlodipine",
        "losartan", "atorvastatin", "levothyroxine", "Synthroid", "warfarin", "apixaban",
        "Eliquis", "aspirin", "sertraline", "escitalopram", "prednisone", "mupirocin",
        "famotidine", "omeprazole", "diazepam", "gabapentin", "tranexamic acid",
        "isotretinoin", "Accutane", "spironolactone", "bupropion",
    ),
}  # fmt: skip
DOSES = {
    "ko": ("500mg", "250 mg", "1정", "2캡슐", "650mg 1T", "10mg", "5 mg", "0.1mg", "1g", "200mg"),
    "vi": ("500mg", "1 viên", "2 viên", "250 mg", "10mg", "40 mg", "1g", "4mg", "650mg"),
    "en": ("500 mg", "1 tablet", "2 tabs", "250mg", "10 mg", "5mg", "1 g", "400 mg", "50 mcg"),
}  # fmt: skip
FREQ = {
    "ko": ("1일 3회 식후 30분", "1일 2회", "1일 1회 아침", "필요시", "취침 전", "tid pc", "bid"),
    "vi": ("ngày 2 lần sau ăn", "ngày 3 lần", "sáng 1 viên", "khi đau", "tối trước khi ngủ"),
    "en": ("PO q6h PRN pain", "BID with food", "TID x 5 days", "once daily", "QHS", "q8h"),
}  # fmt: skip


# --------------------------------------------------------------------------- clinics (public data)


@dataclass(frozen=True)
class Clinic:
    """A clinic's public identity: none of it is labeled, except its BRN."""

    ko: str
    en: str
    vi: str
    phone: str
    address_ko: str
    address_en: str
    web: str
    domain: str


CLINICS = (
    Clinic("라온성형외과의원", "Raon Plastic Surgery Clinic", "Thẩm mỹ viện Raon Hàn Quốc",
           "02-545-7700", "서울특별시 강남구 도산대로 318, 5-7층",
           "5-7F, 318 Dosan-daero, Gangnam-gu, Seoul", "www.raonps.co.kr", "raonps.co.kr"),
    Clinic("미담성형외과", "Midam Aesthetic Surgery", "Bệnh viện thẩm mỹ Midam",
           "1588-3375", "서울특별시 서초구 강남대로 441, 서산빌딩 9층",
           "9F Seosan Bldg, 441 Gangnam-daero, Seocho-gu, Seoul", "https://midam-ps.com",
           "midam-ps.com"),
    Clinic("더엘성형외과", "The L Plastic Surgery", "Phòng khám thẩm mỹ The L",
           "02-3444-1200", "서울특별시 강남구 논현로 842, 3층",
           "3F, 842 Nonhyeon-ro, Gangnam-gu, Seoul", "thelps.kr", "thelps.kr"),
    Clinic("부산 온유성형외과", "Onyu Plastic Surgery Busan", "Thẩm mỹ Onyu Busan",
           "051-746-8800", "부산광역시 해운대구 센텀남대로 35, 6층",
           "6F, 35 Centum nam-daero, Haeundae-gu, Busan", "https://www.onyups.com", "onyups.com"),
)  # fmt: skip


# --------------------------------------------------------------------------- identifiers


def digits(rng: random.Random, n: int) -> str:
    """Return ``n`` random decimal digits."""
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def pick_date(rng: random.Random, lo: date, hi: date) -> date:
    """Return a uniformly random date between ``lo`` and ``hi`` inclusive."""
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def rrn_check_digit(first12: str, foreigner: bool) -> int:
    """Return the pre-2020 check digit of a resident (or foreigner) registration number."""
    total = sum(int(c) * w for c, w in zip(first12, RRN_WEIGHTS, strict=True))
    return (13 - total % 11) % 10 if foreigner else (11 - total % 11) % 10


def kr_rrn_raw(rng: random.Random, dob: date, female: bool, foreigner: bool = False) -> str:
    """Return a valid 13-digit 주민등록번호/외국인등록번호 for the birth date."""
    gender = (3 if dob.year >= 2000 else 1) + int(female) + (4 if foreigner else 0)
    if foreigner:
        office = rng.randrange(10, 99, 2)
        rest = f"{office:02d}{digits(rng, 2)}{rng.choice('6789')}"
    else:
        rest = f"{rng.randint(0, 95):02d}{digits(rng, 3)}"
    first12 = f"{dob:%y%m%d}{gender}{rest}"
    return first12 + str(rrn_check_digit(first12, foreigner))


def fmt_rrn(rng: random.Random, raw: str) -> str:
    """Write a 13-digit RRN the way people do (mostly hyphenated)."""
    style = rng.choices(("-", "", " - ", " "), weights=(12, 3, 1, 1))[0]
    return raw[:6] + style + raw[6:]


def invalid_rrn(rng: random.Random, dob: date) -> str:
    """Return an RRN-shaped number whose check digit is wrong."""
    raw = kr_rrn_raw(rng, dob, rng.random() < 0.5)
    bad = (int(raw[-1]) + rng.randint(1, 9)) % 10
    return f"{raw[:6]}-{raw[6:12]}{bad}"


def masked_rrn(rng: random.Random, dob: date, female: bool) -> str:
    """Return a masked RRN such as 900101-2******."""
    raw = kr_rrn_raw(rng, dob, female)
    return rng.choice(
        (
            f"{raw[:6]}-{raw[6]}******",
            f"{raw[:6]}-*******",
            f"{raw[:2]}****-{raw[6]}******",
            f"{raw[:6]}-{raw[6]}xxxxxx",
        )
    )


def kr_passport(rng: random.Random) -> str:
    """Return a Korean passport number in the old or the 2021 format."""
    letter = rng.choices("MSRGD", weights=(20, 3, 1, 1, 1))[0]
    if rng.random() < 0.5:
        return f"{letter}{digits(rng, 8)}"
    return f"{letter}{digits(rng, 3)}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{digits(rng, 4)}"


KR_DL_REGIONS = {
    "11": "서울", "12": "부산", "13": "경기", "14": "강원", "15": "충북", "16": "충남",
    "17": "전북", "18": "전남", "19": "경북", "20": "경남", "21": "제주", "22": "대구",
    "23": "인천", "24": "광주", "25": "대전", "26": "울산", "28": "경기북부",
}  # fmt: skip


def kr_driver_license(rng: random.Random) -> str:
    """Return a Korean driver's licence number with a numeric or named region."""
    code = rng.choice(list(KR_DL_REGIONS))
    year, serial, tail = f"{rng.randint(88, 124) % 100:02d}", digits(rng, 6), digits(rng, 2)
    style = rng.randint(0, 4)
    if style == 0:
        return f"{KR_DL_REGIONS[code]} {year}-{serial}-{tail}"
    if style == 1:
        return f"{KR_DL_REGIONS[code]}{year}-{serial}-{tail}"
    if style == 2:
        return f"{code}{year}{serial}{tail}"
    return f"{code}-{year}-{serial}-{tail}"


def kr_health_insurance(rng: random.Random) -> str:
    """Return an 11-digit 건강보험증 number, plain or with the leading type digit split off."""
    raw = rng.choice("1234567") + digits(rng, 10)
    return rng.choice((raw, raw, f"{raw[0]}-{raw[1:]}", f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"))


BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def kr_brn(rng: random.Random, plain: bool = False) -> str:
    """Return a 사업자등록번호 with a valid check digit."""
    first9 = f"{rng.randint(101, 899)}{rng.choice((rng.randint(1, 79), rng.randint(81, 88))):02d}"
    first9 += digits(rng, 4)
    total = sum(int(c) * w for c, w in zip(first9, BRN_WEIGHTS, strict=True))
    total += int(first9[8]) * 5 // 10
    raw = first9 + str((10 - total % 10) % 10)
    return raw if plain else f"{raw[:3]}-{raw[3:5]}-{raw[5:]}"


VN_PROVINCES = (
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "079", "079",
    "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    "001", "001", "048", "031", "092",
)  # fmt: skip


def vn_cccd(rng: random.Random, dob: date, female: bool) -> str:
    """Return a 12-digit căn cước công dân number consistent with birth year and sex."""
    century = 0 if dob.year < 2000 else 2
    return f"{rng.choice(VN_PROVINCES)}{century + int(female)}{dob:%y}{digits(rng, 6)}"


def vn_cmnd(rng: random.Random) -> str:
    """Return a 9-digit chứng minh nhân dân number."""
    return rng.choice(("0", "0", "1", "2", "2", "3")) + digits(rng, 8)


def vn_passport(rng: random.Random) -> str:
    """Return a Vietnamese passport number (a letter and 7 digits)."""
    return rng.choices("CBNEK", weights=(8, 5, 4, 1, 1))[0] + digits(rng, 7)


def luhn_complete(body: str) -> str:
    """Append the Luhn check digit to ``body``."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def credit_card(rng: random.Random) -> str:
    """Return a Luhn-valid card number grouped the way it is typed or printed."""
    brand = rng.choice(("visa", "visa", "mc", "mc2", "amex", "jcb", "unionpay"))
    prefix = {
        "visa": "4",
        "mc": str(rng.randint(51, 55)),
        "mc2": str(rng.randint(2221, 2720)),
        "amex": rng.choice(("34", "37")),
        "jcb": str(rng.randint(3528, 3589)),
        "unionpay": "62",
    }[brand]
    length = 15 if brand == "amex" else 16
    raw = luhn_complete(prefix + digits(rng, length - 1 - len(prefix)))
    sep = rng.choice((" ", "-", "", " "))
    if length == 15:
        return sep.join((raw[:4], raw[4:10], raw[10:]))
    return sep.join(raw[i : i + 4] for i in range(0, 16, 4))


def invalid_card(rng: random.Random) -> str:
    """Return a 16-digit card-shaped number failing the Luhn check."""
    raw = luhn_complete("4" + digits(rng, 14))
    raw = raw[:-1] + str((int(raw[-1]) + rng.randint(1, 9)) % 10)
    return " ".join(raw[i : i + 4] for i in range(0, 16, 4))


def iban_check(country: str, bban: str) -> str:
    """Return the two mod-97 check digits of an IBAN."""
    moved = bban + country + "00"
    number = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(number) % 97:02d}"


def fr_rib_key(bank: str, branch: str, account: str) -> str:
    """Return the French RIB key for a numeric account."""
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def iban(rng: random.Random) -> str:
    """Return a valid European IBAN, compact or grouped by four."""
    country = rng.choice(("DE", "DE", "GB", "GB", "FR", "NL", "BE", "CH"))
    if country == "DE":
        bban = digits(rng, 18)
    elif country == "GB":
        bban = rng.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + digits(rng, 14)
    elif country == "FR":
        bank, branch, acct = digits(rng, 5), digits(rng, 5), digits(rng, 11)
        bban = bank + branch + acct + fr_rib_key(bank, branch, acct)
    elif country == "NL":
        bban = rng.choice(("ABNA", "INGB", "RABO", "TRIO")) + digits(rng, 10)
    elif country == "BE":
        first = digits(rng, 10)
        bban = first + f"{(int(first) % 97) or 97:02d}"
    else:
        bban = digits(rng, 17)
    raw = country + iban_check(country, bban) + bban
    if rng.random() < 0.4:
        return raw
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


IPV4_FIRST = (
    1,
    14,
    27,
    39,
    42,
    49,
    58,
    59,
    61,
    101,
    106,
    110,
    112,
    113,
    115,
    116,
    118,
    119,
    121,
    123,
    125,
    171,
    175,
    180,
    183,
    203,
    210,
    211,
    218,
    220,
    222,
    27,
    14,
    113,
)


def ipv4(rng: random.Random) -> str:
    """Return a public-looking IPv4 address."""
    return f"{rng.choice(IPV4_FIRST)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}." + str(
        rng.randint(1, 254)
    )


def ipv6(rng: random.Random) -> str:
    """Return an IPv6 address from Korean/Vietnamese/US ranges, full or compressed."""
    head = rng.choice(("2001:2d8", "2001:e60", "2402:800", "2405:4802", "2600:1700", "2a02:c7f"))
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(6)]
    if rng.random() < 0.5:
        return head + ":" + ":".join(groups)
    return head + ":" + groups[0] + "::" + ":".join(groups[4:])


# --------------------------------------------------------------------------- phones, mail, web


def kr_mobile(rng: random.Random) -> str:
    """Return a Korean mobile number in one of the common spellings."""
    mid, last = str(rng.randint(2000, 9999)), digits(rng, 4)
    return rng.choices(
        (
            f"010-{mid}-{last}",
            f"010{mid}{last}",
            f"010 {mid} {last}",
            f"010.{mid}.{last}",
            f"+82 10-{mid}-{last}",
            f"+82 10 {mid} {last}",
            f"+82-10-{mid}-{last}",
            f"+8210{mid}{last}",
            f"(+82) 10-{mid}-{last}",
        ),
        weights=(30, 6, 4, 2, 3, 3, 2, 1, 1),
    )[0]


def kr_landline(rng: random.Random) -> str:
    """Return a Korean landline number."""
    area = rng.choice(("02", "02", "031", "032", "051", "053", "042", "062", "064", "070"))
    mid = str(rng.randint(200, 999)) if rng.random() < 0.4 else str(rng.randint(2000, 9999))
    last = digits(rng, 4)
    return rng.choice(
        (
            f"{area}-{mid}-{last}",
            f"{area}-{mid}-{last}",
            f"({area}) {mid}-{last}",
            f"{area}) {mid}-{last}",
            f"{area} {mid} {last}",
        )
    )


VN_MOBILE_PREFIX = (
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
    "086",
    "088",
    "089",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "083",
    "084",
    "085",
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "056",
    "058",
    "059",
)


def vn_mobile(rng: random.Random) -> str:
    """Return a Vietnamese mobile number in one of the common spellings."""
    p, rest = rng.choice(VN_MOBILE_PREFIX), digits(rng, 7)
    return rng.choices(
        (
            f"{p}{rest}",
            f"{p[:3]}{rest[0]} {rest[1:4]} {rest[4:]}",
            f"{p}.{rest[:3]}.{rest[3:]}",
            f"+84 {p[1:]} {rest[:3]} {rest[3:]}",
            f"+84{p[1:]}{rest}",
            f"(+84) {p[1:]}{rest}",
            f"{p} {rest[:3]} {rest[3:]}",
            f"+84 (0){p[1:]}{rest[0]} {rest[1:4]} {rest[4:]}",
        ),
        weights=(12, 10, 4, 4, 2, 1, 4, 1),
    )[0]


def vn_landline(rng: random.Random) -> str:
    """Return a Vietnamese landline (Hà Nội, TP.HCM, Đà Nẵng, Hải Phòng...)."""
    area = rng.choice(("024", "028", "028", "0236", "0225", "0292", "0251"))
    n = digits(rng, 8 if len(area) == 3 else 7)
    first = rng.choice("3456789")
    n = first + n[1:]
    return rng.choice(
        (
            f"{area} {n[:4]} {n[4:]}",
            f"({area}) {n[:4]} {n[4:]}",
            f"{area}.{n}",
            f"{area}{n}",
            f"+84 {area[1:]} {n}",
        )
    )


US_AREAS = (
    "415",
    "213",
    "408",
    "206",
    "312",
    "718",
    "646",
    "917",
    "212",
    "310",
    "626",
    "714",
    "949",
    "832",
    "512",
    "404",
    "808",
    "503",
    "617",
    "305",
    "201",
    "703",
    "510",
    "909",
)


def us_phone(rng: random.Random) -> str:
    """Return a North American number in one of the common spellings."""
    a, ex, last = rng.choice(US_AREAS), str(rng.randint(201, 989)), digits(rng, 4)
    if rng.random() < 0.3:
        ex, last = "555", "01" + digits(rng, 2)
    return rng.choice(
        (
            f"+1 ({a}) {ex}-{last}",
            f"{a}-{ex}-{last}",
            f"({a}) {ex} {last}",
            f"({a}) {ex}-{last}",
            f"{a}.{ex}.{last}",
            f"+1 {a} {ex} {last}",
            f"+1-{a}-{ex}-{last}",
        )
    )


def intl_phone(rng: random.Random) -> str:
    """Return a UK or Australian number."""
    return rng.choice(
        (
            f"+44 20 {rng.randint(7000, 8999)} {digits(rng, 4)}",
            f"07{rng.randint(400, 999)} {digits(rng, 6)}",
            f"+44 7{rng.randint(400, 999)} {digits(rng, 6)}",
            f"+61 2 {rng.randint(8000, 9999)} {digits(rng, 4)}",
            f"04{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
            f"+61 4{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
        )
    )


def en_phone(rng: random.Random) -> str:
    """Return a phone number for an English-speaking patient."""
    return us_phone(rng) if rng.random() < 0.65 else intl_phone(rng)


def masked_phone(rng: random.Random, lang: str) -> str:
    """Return a masked phone number (not personal data any more)."""
    if lang == "vi":
        return f"09{rng.randint(0, 9)}****{digits(rng, 3)}"
    if lang == "en":
        return f"(***) ***-{digits(rng, 4)}"
    return rng.choice((f"010-****-{digits(rng, 4)}", f"010-{digits(rng, 2)}**-**{digits(rng, 2)}"))


def strip_marks(s: str) -> str:
    """Remove Vietnamese diacritics (Nguyễn Thị Hà -> Nguyen Thi Ha)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


PROVIDERS = {
    "ko": (
        "naver.com",
        "naver.com",
        "naver.com",
        "gmail.com",
        "gmail.com",
        "daum.net",
        "hanmail.net",
        "nate.com",
        "kakao.com",
        "icloud.com",
    ),
    "vi": (
        "gmail.com",
        "gmail.com",
        "gmail.com",
        "yahoo.com.vn",
        "yahoo.com",
        "fpt.vn",
        "outlook.com.vn",
        "hotmail.com",
        "vnn.vn",
        "icloud.com",
    ),
    "en": (
        "gmail.com",
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "icloud.com",
        "protonmail.com",
        "aol.com",
        "comcast.net",
        "btinternet.com",
        "bigpond.com",
    ),
}


def email_for(rng: random.Random, first: str, last: str, year: int, lang: str) -> str:
    """Return a personal e-mail address built from a romanized name."""
    f = strip_marks(first).lower().replace("-", "").replace(" ", "").replace("'", "")
    la = strip_marks(last).lower().replace(" ", "").replace("'", "")
    yy = str(year)[2:]
    local = rng.choice(
        (
            f"{f}.{la}",
            f"{f}{la}{yy}",
            f"{la}{f[0]}{rng.randint(1, 999)}",
            f"{f}_{la}",
            f"{f[0]}{la}{year}",
            f"{f}{rng.randint(10, 99)}",
            f"{la}.{f}{yy}",
            f"{f}.{la}.{rng.randint(1, 9)}",
        )
    )
    return f"{local}@{rng.choice(PROVIDERS[lang])}"


def handle_for(rng: random.Random, first: str, last: str) -> str:
    """Return a social-media handle."""
    f = strip_marks(first).lower().replace("-", "").replace("'", "").replace(" ", "")
    la = strip_marks(last).lower().replace("-", "").replace("'", "").replace(" ", "")
    return rng.choice(
        (
            f"{f}.{la}",
            f"{f}_{la}{rng.randint(1, 99)}",
            f"its.{f}",
            f"{la}{f}.official",
            f"{f}{la}_",
            f"_{f}.{rng.randint(90, 99)}",
        )
    )


def personal_url(rng: random.Random, handle: str, lang: str) -> str:
    """Return a URL pointing at a person (social profile, blog, photo link)."""
    options = [
        f"https://www.instagram.com/{handle}",
        f"instagram.com/{handle}",
        f"https://www.facebook.com/{handle}",
        f"https://www.tiktok.com/@{handle}",
        f"https://drive.google.com/file/d/1{digits(rng, 6)}Xk{digits(rng, 4)}Qw/view",
    ]
    if lang == "ko":
        options += [
            f"https://blog.naver.com/{handle.replace('.', '')}",
            f"https://open.kakao.com/o/s{digits(rng, 4)}Xa{digits(rng, 2)}",
        ]
    if lang == "vi":
        options += [
            f"https://zalo.me/{vn_mobile(rng).replace(' ', '').replace('.', '')[-10:]}",
            f"fb.com/profile.php?id=1000{digits(rng, 11)}",
        ]
    return rng.choice(options)


def booking_url(rng: random.Random, clinic: Clinic) -> str:
    """Return a personalised booking/reschedule link (labeled: it identifies a patient)."""
    token = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(10))
    return rng.choice(
        (
            f"https://booking.{clinic.domain}/r/{token}",
            f"https://{clinic.domain}/reserve?code={token}",
            f"http://m.{clinic.domain}/my/{token}",
        )
    )


# --------------------------------------------------------------------------- record numbers


def mrn(rng: random.Random, lang: str) -> tuple[str, str]:
    """Return a (label, chart number) pair in a hospital-specific style."""
    year = rng.randint(2016, 2024)
    options = {
        "ko": (
            ("차트번호", f"{year}-{digits(rng, 6)}"),
            ("등록번호", digits(rng, 8)),
            ("차트No.", f"{digits(rng, 7)}"),
            ("환자번호", f"P{digits(rng, 7)}"),
            ("병록번호", f"{year % 100}-{digits(rng, 5)}"),
        ),
        "vi": (
            ("Mã BN", f"BN{year % 100}{digits(rng, 4)}"),
            ("Hồ sơ số", f"{year % 100}-{digits(rng, 5)}"),
            ("Mã hồ sơ", f"HS{digits(rng, 6)}"),
            ("Số bệnh án", f"{digits(rng, 7)}"),
            ("Mã bệnh nhân", f"{year}{digits(rng, 5)}"),
        ),
        "en": (
            ("MRN", digits(rng, 8)),
            ("MRN#", digits(rng, 7)),
            ("Patient ID", f"P-{digits(rng, 6)}"),
            ("Hospital No.", f"H{digits(rng, 7)}"),
            ("Chart #", f"{year}-{digits(rng, 6)}"),
        ),
    }
    return rng.choice(options[lang])


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Person:
    """A generated person: native and romanized names, sex, birth date."""

    lang: str
    full: str
    roman: str
    first: str
    last: str
    female: bool
    dob: date
    rfirst: str
    rlast: str

    def variant(self, rng: random.Random) -> str:
        """Return the name as it might be written on a form (mostly the native full name)."""
        r = rng.random()
        if self.lang == "en":
            if r < 0.12:
                return f"{self.first[0]}. {self.last}"
            if r < 0.2:
                return f"{self.first} {rng.choice('ABCDEJKLMRST')}. {self.last}"
            return self.full
        if r < 0.12:
            return self.roman if self.lang == "ko" else strip_marks(self.full)
        if r < 0.2:
            return self.full.upper() if self.lang == "vi" else self.full
        return self.full


def korean(
    rng: random.Random, female: bool | None = None, lo: int = 1958, hi: int = 2005
) -> Person:
    """Return a Korean person."""
    fem = rng.random() < 0.7 if female is None else female
    family = rng.choice(KO_COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(KO_SURNAMES)
    given, roman = rng.choice(KO_GIVEN_SINGLE) if rng.random() < 0.03 else rng.choice(KO_GIVEN)
    fam_roman = KO_SURNAME_ROMAN[family]
    roman_full = rng.choice(
        (
            f"{fam_roman} {roman}",
            f"{roman} {fam_roman}",
            f"{fam_roman.upper()} {roman.replace('-', '').upper()}",
            f"{fam_roman} {roman.replace('-', '')}",
        )
    )
    dob = pick_date(rng, date(lo, 1, 1), date(hi, 12, 31))
    return Person("ko", family + given, roman_full, given, family, fem, dob, roman, fam_roman)


def vietnamese(rng: random.Random, female: bool | None = None) -> Person:
    """Return a Vietnamese person."""
    fem = rng.random() < 0.75 if female is None else female
    family = rng.choice(VI_SURNAMES)
    middle = rng.choice(VI_MIDDLE_F if fem else VI_MIDDLE_M)
    given = rng.choice(VI_GIVEN_F if fem else VI_GIVEN_M)
    if rng.random() < 0.25:  # a second given syllable: Nguyễn Thị Thu Hà
        middle += " " + rng.choice(VI_GIVEN_F if fem else VI_GIVEN_M)
    full = f"{family} {middle} {given}"
    dob = pick_date(rng, date(1965, 1, 1), date(2005, 12, 31))
    return Person(
        "vi",
        full,
        strip_marks(full),
        given,
        family,
        fem,
        dob,
        strip_marks(given),
        strip_marks(family),
    )


def english(rng: random.Random, female: bool | None = None) -> Person:
    """Return an English-speaking person."""
    fem = rng.random() < 0.65 if female is None else female
    first = rng.choice(EN_FIRST_F if fem else EN_FIRST_M)
    last = rng.choice(EN_LAST)
    if rng.random() < 0.06:
        last = f"{last}-{rng.choice(EN_LAST)}"
    dob = pick_date(rng, date(1960, 1, 1), date(2004, 12, 31))
    return Person("en", f"{first} {last}", f"{first} {last}", first, last, fem, dob, first, last)


def person(rng: random.Random, lang: str, female: bool | None = None) -> Person:
    """Return a person of the document's language."""
    if lang == "ko":
        return korean(rng, female)
    if lang == "vi":
        return vietnamese(rng, female)
    return english(rng, female)


def staff(rng: random.Random, lang: str) -> Person:
    """Return a clinic staff member (Korean in most documents, as the clinic is in Korea)."""
    if lang == "vi" and rng.random() < 0.4:
        return vietnamese(rng)
    return korean(rng, lo=1965, hi=1998)


def staff_name(rng: random.Random, p: Person, lang: str) -> str:
    """Return how a Korean doctor's name is written in a document of ``lang``."""
    if p.lang != "ko" or lang == "ko":
        return p.full
    return p.roman if rng.random() < 0.8 else p.full


def phone_for(rng: random.Random, p: Person) -> str:
    """Return a personal phone number matching the person's country."""
    if p.lang == "ko":
        return kr_mobile(rng) if rng.random() < 0.9 else kr_landline(rng)
    if p.lang == "vi":
        return vn_mobile(rng) if rng.random() < 0.9 else vn_landline(rng)
    return en_phone(rng)


def mail_for(rng: random.Random, p: Person) -> str:
    """Return a personal e-mail address for the person."""
    return email_for(rng, p.rfirst, p.rlast, p.dob.year, p.lang)


# --------------------------------------------------------------------------- addresses and dates


def kr_address(rng: random.Random) -> str:
    """Return a Korean road-name or lot-number address."""
    city, gus = rng.choice(KO_CITIES)
    gu = rng.choice(gus)
    if rng.random() < 0.25:
        city = city.replace("특별시", "").replace("광역시", "").replace("특별자치도", "")
    tail = rng.choice(
        (
            "",
            f", {rng.randint(2, 15)}층",
            f", {rng.randint(101, 125)}동 {rng.randint(1, 25)}{rng.randint(1, 4):02d}호",
            f" {rng.randint(101, 905)}호",
            f", {rng.choice(KO_APTS)}아파트 {rng.randint(101, 130)}동 {rng.randint(101, 2504)}호",
        )
    )
    if rng.random() < 0.7:
        road = rng.choice(KO_ROADS)
        if rng.random() < 0.4:
            road += f"{rng.randint(1, 99)}길"
        return f"{city} {gu} {road} {rng.randint(1, 450)}{tail}"
    return f"{city} {gu} {rng.choice(KO_DONG)} {rng.randint(1, 1600)}-{rng.randint(1, 40)}{tail}"


KR_EN_ROADS = (
    ("Teheran-ro", "Gangnam-gu", "Seoul"),
    ("Gangnam-daero", "Seocho-gu", "Seoul"),
    ("Olympic-ro", "Songpa-gu", "Seoul"),
    ("Yanghwa-ro", "Mapo-gu", "Seoul"),
    ("Pangyoyeok-ro", "Bundang-gu, Seongnam-si", "Gyeonggi-do"),
    ("Haeundaehaebyeon-ro", "Haeundae-gu", "Busan"),
    ("Itaewon-ro", "Yongsan-gu", "Seoul"),
)


def kr_address_en(rng: random.Random) -> str:
    """Return a Korean address written in English."""
    road, gu, city = rng.choice(KR_EN_ROADS)
    unit = rng.choice(
        (
            "",
            f"Apt {rng.randint(101, 120)}-{rng.randint(101, 2305)}, ",
            f"#{rng.randint(201, 1505)}, ",
        )
    )
    return (
        f"{unit}{rng.randint(1, 400)} {road}, {gu}, {city} {rng.randint(1, 63):02d}{digits(rng, 3)}"
    )


def vi_ward(ward: str) -> str:
    """Prefix a ward name with 'phường' unless it already is a numbered ward."""
    return ward if ward.startswith("phường") else f"phường {ward}"


def vi_address(rng: random.Random) -> str:
    """Return a Vietnamese street, alley or rural address."""
    kind = rng.randint(0, 5)
    street = rng.choice(VI_STREETS)
    if kind <= 1:
        ward, dist = rng.choice(VI_HCM)
        city = rng.choice(("TP. Hồ Chí Minh", "TP.HCM", "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"))
        house = rng.choice(
            (
                f"Số {rng.randint(1, 350)}",
                f"{rng.randint(1, 350)}/{rng.randint(1, 80)}",
                f"{rng.randint(1, 350)}/{rng.randint(1, 60)}/{rng.randint(1, 20)}",
                f"{rng.randint(1, 350)}A",
            )
        )
        road = rng.choice((f"đường {street}", street, f"hẻm {rng.randint(2, 400)} {street}"))
        return f"{house} {road}, {vi_ward(ward)}, {dist}, {city}"
    if kind == 2:
        ward, dist = rng.choice(VI_HN)
        alley = rng.choice(
            (
                f"ngõ {rng.randint(2, 300)} ngách {rng.randint(1, 90)}",
                f"ngõ {rng.randint(2, 300)}",
                f"ngõ {rng.randint(2, 300)}/{rng.randint(1, 40)}",
            )
        )
        return f"Số {rng.randint(1, 99)} {alley} phố {street}, phường {ward}, {dist}, Hà Nội"
    if kind == 3:
        ward, dist = rng.choice(VI_HN)
        return (
            f"P{rng.randint(1, 30)}{rng.randint(1, 20):02d}, tòa "
            f"{rng.choice('ABCDE')}{rng.randint(1, 5)}, "
            f"{street}, P. {ward}, Q. {dist.replace('quận ', '')}, Hà Nội"
        )
    if kind == 4:
        xa, huyen, tinh = rng.choice(VI_RURAL)
        hamlet = rng.choice(
            (
                f"thôn {rng.choice(('Đông', 'Tây', 'Trung', 'Thượng', 'Hạ'))}",
                f"ấp {rng.randint(1, 9)}",
                f"xóm {rng.randint(1, 15)}",
                f"tổ {rng.randint(1, 20)}",
            )
        )
        return f"{hamlet}, {xa}, {huyen}, {tinh}"
    ward, city, prov = rng.choice(VI_CITIES_OTHER)
    return f"{rng.randint(1, 400)} {street}, {ward}, {city}, {prov}"


def en_address(rng: random.Random) -> str:
    """Return a US, UK or Australian street address on one line."""
    r = rng.random()
    if r < 0.55:
        city, state, zip3 = rng.choice(US_CITIES)
        unit = rng.choice(
            (
                "",
                "",
                f", Apt {rng.randint(1, 40)}{rng.choice('ABCD')}",
                f", Unit {rng.randint(1, 300)}",
                f" #{rng.randint(100, 999)}",
            )
        )
        return (
            f"{rng.randint(10, 9999)} {rng.choice(US_STREETS)} {rng.choice(US_SUFFIX)}{unit}, "
            f"{city}, {state} {zip3}{digits(rng, 2)}"
        )
    if r < 0.8:
        city, pc1, pc2 = rng.choice(UK_PLACES)
        flat = rng.choice(("", f"Flat {rng.randint(1, 12)}, "))
        return f"{flat}{rng.randint(1, 240)} {rng.choice(UK_ROADS)}, {city} {pc1} {pc2}"
    suburb, state, pc = rng.choice(AU_PLACES)
    unit = rng.choice(("", f"{rng.randint(1, 30)}/"))
    number, street = rng.randint(1, 300), rng.choice(US_STREETS)
    kind = rng.choice(("St", "Rd", "Ave", "Pde"))
    return f"{unit}{number} {street} {kind}, {suburb} {state} {pc}"


def address_for(rng: random.Random, p: Person) -> str:
    """Return a home address matching the person's country (some foreigners live in Korea)."""
    if p.lang == "ko" or rng.random() < 0.1:
        return kr_address(rng) if p.lang != "en" else kr_address_en(rng)
    return vi_address(rng) if p.lang == "vi" else en_address(rng)


MONTHS_EN = (
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


def fmt_date(rng: random.Random, d: date, lang: str) -> str:
    """Write a date the way a ko/vi/en form or message would."""
    y, m, dd = d.year, d.month, d.day
    opts = {
        "ko": (
            f"{y}.{m:02d}.{dd:02d}",
            f"{y}-{m:02d}-{dd:02d}",
            f"{y}년 {m}월 {dd}일",
            f"{y % 100:02d}.{m:02d}.{dd:02d}",
            f"{y}/{m:02d}/{dd:02d}",
            f"{y}. {m}. {dd}",
        ),
        "vi": (
            f"{dd:02d}/{m:02d}/{y}",
            f"{dd:02d}-{m:02d}-{y}",
            f"ngày {dd} tháng {m} năm {y}",
            f"{dd:02d}.{m:02d}.{y}",
            f"{dd}/{m}/{y}",
        ),
        "en": (
            f"{m:02d}/{dd:02d}/{y}",
            f"{dd:02d}/{m:02d}/{y}",
            f"{MONTHS_EN[m - 1]} {dd}, {y}",
            f"{dd} {MONTHS_EN[m - 1][:3]} {y}",
            f"{y}-{m:02d}-{dd:02d}",
            f"{dd} {MONTHS_EN[m - 1]} {y}",
            f"{MONTHS_EN[m - 1][:3]} {dd}, {y}",
        ),
    }
    return rng.choice(opts[lang])


def visit_date(rng: random.Random) -> date:
    """Return a recent visit/surgery date."""
    return pick_date(rng, date(2021, 1, 1), date(2025, 6, 30))


def stamp(rng: random.Random, d: date) -> str:
    """Return a timestamp on the given day."""
    return (
        f"{d:%Y-%m-%d} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    )


# --------------------------------------------------------------------------- decoys (unlabeled)


def price(rng: random.Random, lang: str) -> str:
    """Return a price in won, dong or dollars."""
    if lang == "ko":
        n = rng.randint(3, 1200) * 10000 + rng.choice((0, 0, 5000))
        return rng.choice((f"₩{n:,}", f"{n:,}원", f"{n // 10000}만원", f"{n:,} 원"))
    if lang == "vi":
        n = rng.randint(5, 900) * 100000
        return rng.choice(
            (
                f"{n:,}".replace(",", ".") + "đ",
                f"{n:,}".replace(",", ".") + " VNĐ",
                f"{n // 1000000} triệu",
                f"{n:,} VND",
            )
        )
    n2 = rng.randint(50, 12000) + rng.choice((0, 0.5, 0.99))
    return rng.choice((f"${n2:,.2f}", f"USD {n2:,.0f}", f"US${n2:,.2f}", f"£{n2:,.2f}"))


def order_no(rng: random.Random, d: date) -> str:
    """Return an order, invoice or receipt number."""
    return rng.choice(
        (
            f"ORD-{d:%Y%m%d}-{digits(rng, 5)}",
            f"INV-{d.year}-{digits(rng, 6)}",
            f"R{d:%y%m%d}{digits(rng, 4)}",
            f"{d:%Y%m%d}-{digits(rng, 7)}",
            f"HD{digits(rng, 7)}",
            f"#{digits(rng, 6)}",
            f"SO{d:%y}{digits(rng, 8)}",
        )
    )


def lot_no(rng: random.Random) -> str:
    """Return a product lot number."""
    return rng.choice(
        (
            "LOT "
            f"{rng.randint(19, 25)}{rng.randint(1, 12):02d}{rng.choice('ABCDK')}{digits(rng, 2)}",
            f"Lot: {rng.choice('ABCDEFHK')}{digits(rng, 2)}{rng.choice('KLMN')}{digits(rng, 3)}",
            f"LOT#{digits(rng, 8)}",
            f"Lot {digits(rng, 4)}-{digits(rng, 3)}",
        )
    )


def udi(rng: random.Random) -> str:
    """Return a GS1 UDI string from an implant sticker."""
    gtin, year = digits(rng, 13), rng.randint(25, 29)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"(01)0{gtin}(17){year}{month:02d}{day:02d}(10){digits(rng, 6)}"


def license_no(rng: random.Random, lang: str) -> str:
    """Return a doctor's licence number (not one of our entity types)."""
    return {
        "ko": rng.choice(
            (
                f"면허번호 제{digits(rng, 5)}호",
                f"전문의 제{digits(rng, 4)}호",
                f"의사면허 {digits(rng, 6)}",
            )
        ),
        "vi": rng.choice(
            (f"CCHN: {digits(rng, 6)}/HCM-CCHN", f"Số CCHN {digits(rng, 5)}/BYT-CCHN")
        ),
        "en": rng.choice(
            (f"License No. {digits(rng, 5)}", f"KMA #{digits(rng, 5)}", f"Lic. {digits(rng, 6)}")
        ),
    }[lang]


def bhyt(rng: random.Random) -> str:
    """Return a Vietnamese health-insurance card number (not one of our entity types)."""
    kind = rng.choice(("DN", "HC", "GD", "HT", "TE", "CN", "HS", "SV"))
    level, province = rng.randint(1, 5), rng.choice(VN_PROVINCES)[1:]
    return f"{kind}{level}{province}{digits(rng, 10)}"


def tracking(rng: random.Random) -> str:
    """Return a parcel tracking number."""
    return rng.choice(
        (
            f"1Z{digits(rng, 3)}AA{digits(rng, 10)}",
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
            f"GHN{digits(rng, 9)}VN",
            f"EE{digits(rng, 9)}KR",
            f"CJ{digits(rng, 10)}",
        )
    )


def version(rng: random.Random) -> str:
    """Return a software version string."""
    return rng.choice(
        (
            f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}",
            f"{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(100, 4000)}",
            f"build {rng.randint(2019, 2025)}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}",
        )
    )


LAB_TESTS = (
    ("WBC", 4.0, 10.0, "x10³/µL"),
    ("RBC", 3.8, 5.2, "x10⁶/µL"),
    ("Hb", 12.0, 16.0, "g/dL"),
    ("Hct", 36.0, 46.0, "%"),
    ("PLT", 150, 400, "x10³/µL"),
    ("PT(INR)", 0.8, 1.2, ""),
    ("aPTT", 25.0, 38.0, "sec"),
    ("AST", 5, 40, "IU/L"),
    ("ALT", 5, 40, "IU/L"),
    ("BUN", 8, 23, "mg/dL"),
    ("Creatinine", 0.5, 1.1, "mg/dL"),
    ("Glucose", 70, 110, "mg/dL"),
    ("HbA1c", 4.0, 6.0, "%"),
    ("Na", 135, 145, "mmol/L"),
    ("K", 3.5, 5.1, "mmol/L"),
    ("TSH", 0.4, 4.5, "µIU/mL"),
    ("Free T4", 0.8, 1.8, "ng/dL"),
    ("CRP", 0.0, 0.5, "mg/dL"),
)


def lab_line(rng: random.Random, test: tuple[str, float, float, str]) -> str:
    """Return one lab result line with value, unit and reference range."""
    name, lo, hi, unit = test
    val = rng.uniform(lo * 0.8, hi * 1.2)
    flag = " H" if val > hi else (" L" if val < lo else "")
    fmt = ".0f" if hi >= 100 else ".1f" if hi >= 5 else ".2f"
    return f"{name:<12}{val:>8{fmt}}{flag:<3} {unit:<10} ({lo:{fmt}}-{hi:{fmt}})"


def proc(rng: random.Random, lang: str) -> tuple[str, str]:
    """Return a labeled procedure."""
    return ("MEDICAL_PROCEDURE", rng.choice(PROCEDURES[lang]))


def cond(rng: random.Random, lang: str) -> tuple[str, str]:
    """Return a labeled condition."""
    return ("MEDICAL_CONDITION", rng.choice(CONDITIONS[lang]))


def drug(rng: random.Random, lang: str) -> tuple[str, str]:
    """Return a labeled medication name."""
    return ("MEDICATION", rng.choice(MEDICATIONS[lang]))


def two_distinct(rng: random.Random, pool: tuple[str, ...]) -> tuple[str, str]:
    """Return two different items of ``pool``."""
    a, b = rng.sample(pool, 2)
    return a, b


LBL: dict[str, dict[str, tuple[str, ...]]] = {
    "name": {
        "ko": ("환자명", "성명", "이름", "수진자명"),
        "vi": ("Họ và tên", "Họ tên", "Tên bệnh nhân", "Họ tên người bệnh"),
        "en": ("Patient Name", "Name", "Patient", "Full name"),
    },
    "dob": {
        "ko": ("생년월일", "생일"),
        "vi": ("Ngày sinh", "Ngày tháng năm sinh", "Sinh ngày"),
        "en": ("DOB", "Date of Birth", "D.O.B.", "Birth date"),
    },
    "phone": {
        "ko": ("연락처", "휴대폰", "전화번호", "H.P", "핸드폰"),
        "vi": ("Điện thoại", "SĐT", "Số điện thoại", "ĐT liên hệ"),
        "en": ("Phone", "Mobile", "Tel", "Contact number", "Cell"),
    },
    "email": {
        "ko": ("이메일", "E-mail", "메일"),
        "vi": ("Email", "Thư điện tử", "E-mail"),
        "en": ("Email", "E-mail", "Email address"),
    },
    "address": {
        "ko": ("주소", "자택 주소", "거주지"),
        "vi": ("Địa chỉ", "Địa chỉ thường trú", "Nơi ở hiện tại"),
        "en": ("Address", "Home address", "Mailing address"),
    },
    "sex": {"ko": ("성별",), "vi": ("Giới tính", "Giới"), "en": ("Sex", "Gender")},
    "doctor": {
        "ko": ("주치의", "담당의", "집도의", "담당 원장"),
        "vi": ("Bác sĩ điều trị", "BS phụ trách", "Bác sĩ phẫu thuật"),
        "en": ("Attending", "Surgeon", "Physician", "Attending surgeon"),
    },
    "date": {
        "ko": ("작성일", "일자", "발행일"),
        "vi": ("Ngày", "Ngày lập", "Ngày in"),
        "en": ("Date", "Printed", "Date issued"),
    },
}
SEX = {"ko": ("남", "여"), "vi": ("Nam", "Nữ"), "en": ("M", "F")}


def lbl(rng: random.Random, key: str, lang: str) -> str:
    """Return a random form label for ``key`` in ``lang``."""
    return rng.choice(LBL[key][lang])


def field(w: Text, rng: random.Random, label: str, value: Piece) -> None:
    """Write one 'label: value' form line with a varying separator."""
    w.ln(label, rng.choice((": ", ": ", " : ", "：", "\t", " - ")), value)


def id_fields(w: Text, rng: random.Random, lang: str, p: Person) -> None:
    """Write the national identifiers a registration form would hold for ``p``."""
    if p.lang == "ko":
        label = rng.choice(("주민등록번호", "주민번호", "주민등록번호(앞6-뒤7)"))
        field(
            w,
            rng,
            label if lang == "ko" else "Resident Reg. No.",
            ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female))),
        )
        if rng.random() < 0.5:
            label = (
                rng.choice(("건강보험증번호", "건강보험 증번호", "보험증 번호"))
                if lang == "ko"
                else "NHIS card no."
            )
            field(w, rng, label, ("KR_HEALTH_INSURANCE", kr_health_insurance(rng)))
        if rng.random() < 0.35:
            label = (
                rng.choice(("운전면허번호", "면허번호(신분증)"))
                if lang == "ko"
                else "Driver's licence"
            )
            field(w, rng, label, ("KR_DRIVER_LICENSE", kr_driver_license(rng)))
        if rng.random() < 0.3:
            field(
                w,
                rng,
                "여권번호" if lang == "ko" else "Passport No.",
                ("KR_PASSPORT", kr_passport(rng)),
            )
        return
    if p.lang == "vi":
        if rng.random() < 0.7:
            field(
                w,
                rng,
                rng.choice(("Số CCCD", "CCCD", "Căn cước công dân số")),
                ("VN_NATIONAL_ID", vn_cccd(rng, p.dob, p.female)),
            )
        else:
            field(w, rng, rng.choice(("CMND số", "Số CMND")), ("VN_NATIONAL_ID", vn_cmnd(rng)))
        if rng.random() < 0.5:
            field(
                w,
                rng,
                rng.choice(("Số hộ chiếu", "Hộ chiếu", "Passport")),
                ("VN_PASSPORT", vn_passport(rng)),
            )
        return
    if rng.random() < 0.5:
        field(
            w,
            rng,
            "Alien Registration No.",
            ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female, True))),
        )


# --------------------------------------------------------------------------- document builders
# Each builder takes (rng, lang) and returns the Text of one document.


def b_discharge(rng: random.Random, lang: str) -> Text:
    """Discharge summary / giấy ra viện / 퇴원요약지."""
    w, c, p, dr = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    adm = visit_date(rng)
    title = {"ko": "퇴 원 요 약 지", "vi": "GIẤY RA VIỆN", "en": "DISCHARGE SUMMARY"}[lang]
    w.ln(getattr(c, lang), "   ", c.phone).ln(title).ln("=" * rng.randint(20, 40))
    label, number = mrn(rng, lang)
    field(w, rng, lbl(rng, "name", lang), ("PERSON", p.variant(rng)))
    w.ln(
        f"{lbl(rng, 'sex', lang)}: {SEX[lang][int(p.female)]}   {label}: ",
        ("MEDICAL_RECORD_NUMBER", number),
    )
    field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    if rng.random() < 0.6:
        field(w, rng, lbl(rng, "address", lang), ("ADDRESS", address_for(rng, p)))
    adm_l, dis_l, room = {
        "ko": ("입원일", "퇴원일", f"{rng.randint(3, 9)}0{rng.randint(1, 9)}호"),
        "vi": ("Vào viện", "Ra viện", f"Phòng {rng.randint(1, 20)}"),
        "en": ("Admitted", "Discharged", f"Room {rng.randint(3, 9)}{rng.randint(1, 20):02d}"),
    }[lang]
    w.ln(
        f"{adm_l}: {fmt_date(rng, adm, lang)}   {dis_l}: "
        f"{fmt_date(rng, adm + timedelta(days=rng.randint(1, 4)), lang)}   {room}"
    )
    field(w, rng, lbl(rng, "doctor", lang), ("PERSON", staff_name(rng, dr, lang)))
    dx_l, op_l, hx_l, med_l, plan_l = {
        "ko": ("진단명", "수술명", "과거력", "퇴원약", "향후 계획"),
        "vi": (
            "Chẩn đoán",
            "Phương pháp phẫu thuật",
            "Tiền sử",
            "Thuốc ra viện",
            "Hướng điều trị tiếp",
        ),
        "en": ("Diagnosis", "Procedure(s)", "PMH", "Discharge medications", "Plan"),
    }[lang]
    p1, p2 = two_distinct(rng, PROCEDURES[lang])
    field(w, rng, dx_l, cond(rng, lang))
    w.ln(f"{op_l}: ", ("MEDICAL_PROCEDURE", p1), ", ", ("MEDICAL_PROCEDURE", p2))
    w.ln(
        f"{hx_l}: ",
        cond(rng, lang),
        {"ko": " (", "vi": " (đang dùng ", "en": " (on "}[lang],
        drug(rng, lang),
        ")",
    )
    w.ln(f"{med_l}:")
    for i in range(rng.randint(1, 4)):
        w.ln(
            f"  {i + 1}) ", drug(rng, lang), f" {rng.choice(DOSES[lang])} {rng.choice(FREQ[lang])}"
        )
    course = {
        "ko": (
            "수술 후 경과 양호함. 부종 및 멍 경미. 활력징후 안정적.",
            "POD#1 드레싱 시행, 배액관 제거함.",
        ),
        "vi": (
            "Hậu phẫu ổn định, vết mổ khô, không chảy máu.",
            "Sinh hiệu ổn, bệnh nhân tỉnh, ăn uống được.",
        ),
        "en": (
            "Uneventful post-op course. Mild swelling, no active bleeding.",
            "Drain removed POD1, VS stable.",
        ),
    }[lang]
    w.ln(rng.choice(course))
    follow = {"ko": "외래 방문 예정일", "vi": "Hẹn tái khám", "en": "Follow-up"}[lang]
    w.ln(
        f"{plan_l}: {follow} {fmt_date(rng, adm + timedelta(days=7), lang)}, "
        f"{rng.choice(('10:30', '14:00', '16:20'))}"
    )
    if rng.random() < 0.5:
        g = person(rng, lang)
        rel = {"ko": "보호자", "vi": "Người nhà", "en": "Emergency contact"}[lang]
        w.ln(f"{rel}: ", ("PERSON", g.full), " ", ("PHONE_NUMBER", phone_for(rng, g)))
    w.ln(
        f"{license_no(rng, lang)}   {lbl(rng, 'date', lang)}: "
        f"{fmt_date(rng, adm + timedelta(days=2), lang)}"
    )
    return w


def b_soap(rng: random.Random, lang: str) -> Text:
    """Outpatient progress note in SOAP form with chart abbreviations."""
    w, p, dr = Text(), person(rng, lang), staff(rng, lang)
    d = visit_date(rng)
    label, number = mrn(rng, lang)
    w.ln(
        f"[{d:%Y-%m-%d} {rng.randint(9, 18):02d}:{rng.randint(0, 59):02d}] OPD note  {label} ",
        ("MEDICAL_RECORD_NUMBER", number),
    )
    age = d.year - p.dob.year
    w.ln(
        "Pt: ",
        ("PERSON", p.variant(rng)),
        f" ({age}/{SEX['en'][int(p.female)]})  Dr. ",
        ("PERSON", staff_name(rng, dr, lang)),
    )
    s = {
        "ko": ("S) ", "수술 후 ", "일째, 붓기 많이 빠졌다고 함. 통증 NRS 2/10. "),
        "vi": ("S: ", "Hậu phẫu ", " ngày, BN than hơi đau, sưng giảm. "),
        "en": ("S: ", "POD ", ". Pt reports mild pain 3/10, swelling improving. "),
    }[lang]
    w.ln(s[0], proc(rng, lang), f" {s[1]}{rng.randint(3, 14)}{s[2]}")
    o = {
        "ko": "O) V/S stable, BP {}/{} HR {}. 절개부위 clean, 발적(-), 삼출물(-).",
        "vi": "O: M {2} l/p, HA {0}/{1} mmHg. Vết mổ khô, không dịch.",
        "en": "O: BP {}/{}, HR {}, afebrile. Incision c/d/i, no erythema.",
    }[lang]
    w.ln(o.format(rng.randint(100, 140), rng.randint(60, 90), rng.randint(60, 95)))
    a = {"ko": "A) ", "vi": "A: ", "en": "A: "}[lang]
    w.ln(
        a,
        rng.choice(("s/p ", "")),
        proc(rng, lang),
        ", ",
        cond(rng, lang),
        rng.choice((" r/o", "", " 의심" if lang == "ko" else "")),
    )
    plan = {
        "ko": ("P) ", " 3일분 처방, 실밥제거 ", "일 후 f/u"),
        "vi": ("P: ", " x 5 ngày, cắt chỉ sau ", " ngày"),
        "en": ("P: ", " x 5d, suture removal in ", " days, RTC PRN"),
    }[lang]
    w.ln(
        plan[0],
        drug(rng, lang),
        f" {rng.choice(DOSES[lang])}",
        ", ",
        drug(rng, lang),
        f"{plan[1]}{rng.randint(3, 7)}{plan[2]}",
    )
    if rng.random() < 0.4:
        w.ln(
            {
                "ko": "※ 환자 요청으로 다음 예약 문자 발송 → ",
                "vi": "Gửi lịch hẹn qua Zalo: ",
                "en": "Appt reminder sent to ",
            }[lang],
            ("PHONE_NUMBER", phone_for(rng, p)),
        )
    w.ln(f"signed {stamp(rng, d)}")
    return w


def b_lab(rng: random.Random, lang: str) -> Text:
    """Lab result sheet with values, ranges and flags."""
    w, c, p = Text(), rng.choice(CLINICS), person(rng, lang)
    d = visit_date(rng)
    head = {
        "ko": "진단검사의학 결과보고서",
        "vi": "PHIẾU KẾT QUẢ XÉT NGHIỆM",
        "en": "LABORATORY REPORT",
    }[lang]
    w.ln(head, "   ", c.en).ln("-" * 60)
    label, number = mrn(rng, lang)
    w.ln(
        f"{lbl(rng, 'name', lang)}: ",
        ("PERSON", p.variant(rng)),
        f"    {label}: ",
        ("MEDICAL_RECORD_NUMBER", number),
    )
    w.ln(
        f"{lbl(rng, 'dob', lang)}: ",
        ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)),
        f"    {lbl(rng, 'sex', lang)}: {SEX[lang][int(p.female)]}",
    )
    spec = {"ko": "검체", "vi": "Mẫu", "en": "Specimen"}[lang]
    w.ln(
        f"{spec}: {rng.choice(('Whole blood', 'Serum', 'EDTA'))}  #{digits(rng, 10)}  "
        f"{stamp(rng, d)}"
    )
    reason = {
        "ko": "검사 목적: 수술 전 검사 (",
        "vi": "Lý do: xét nghiệm trước ",
        "en": "Indication: pre-op work-up for ",
    }[lang]
    w.ln(reason, proc(rng, lang), ")" if lang == "ko" else "")
    w.ln("-" * 60)
    for test in rng.sample(LAB_TESTS, rng.randint(6, 14)):
        w.ln(lab_line(rng, test))
    w.ln("-" * 60)
    if rng.random() < 0.5:
        note = {"ko": "판독: ", "vi": "Nhận xét: ", "en": "Comment: "}[lang]
        w.ln(
            note,
            cond(rng, lang),
            {
                "ko": " 소견 있어 내과 협진 권유",
                "vi": " - đề nghị khám chuyên khoa",
                "en": " suspected; recommend medical clearance",
            }[lang],
        )
    tech = staff(rng, lang)
    w.ln(
        {"ko": "검사자: ", "vi": "KTV: ", "en": "Verified by: "}[lang],
        ("PERSON", staff_name(rng, tech, lang)),
        f"  {license_no(rng, lang)}",
    )
    return w


def b_referral(rng: random.Random, lang: str) -> Text:
    """Referral / transfer letter between doctors."""
    w, c, p, dr = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    to = person(rng, lang)
    d = visit_date(rng)
    if lang == "en":
        w.ln(c.en).ln(c.address_en).ln(f"Tel {c.phone} | {c.web}").ln("")
        w.ln(fmt_date(rng, d, lang)).ln("")
        w.ln("Dr. ", ("PERSON", to.full)).ln(
            rng.choice(("Internal Medicine", "Dermatology", "ENT", "Endocrinology"))
        )
        addr = en_address(rng)
        if rng.random() < 0.3:
            street, rest = addr.split(", ", 1)
            addr = street + "\n" + rest
        w.ln(("ADDRESS", addr)).ln("")
        w.ln("Re: ", ("PERSON", p.full), ", DOB ", ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
        w.ln("")
        w.ln(f"Dear Dr. {to.last},").ln("")
        w.put(
            "Thank you for seeing this ",
            str(d.year - p.dob.year),
            "-year-old patient, who is scheduled for ",
            proc(rng, lang),
        )
        w.ln(
            " at our clinic. Her history is significant for "
            if p.female
            else " at our clinic. His history is significant for ",
            cond(rng, lang),
            ", currently managed with ",
            drug(rng, lang),
            ".",
        )
        w.ln(
            "We would appreciate your assessment and clearance before surgery, particularly "
            "regarding ",
            cond(rng, lang),
            ".",
        )
        w.ln("").ln("Kind regards,").ln("")
        w.ln(("PERSON", staff_name(rng, dr, lang)), ", MD, PhD").ln(
            f"{c.en}  ({license_no(rng, 'en')})"
        )
        return w
    head = {"ko": "진 료 의 뢰 서", "vi": "GIẤY CHUYỂN TUYẾN / GIỚI THIỆU"}[lang]
    w.ln(head).ln("")
    w.ln(
        {"ko": "수신: ", "vi": "Kính gửi: BS. "}[lang],
        ("PERSON", to.full),
        {"ko": " 선생님 귀하", "vi": ""}[lang],
    )
    field(w, rng, lbl(rng, "name", lang), ("PERSON", p.full))
    field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    field(w, rng, lbl(rng, "phone", lang), ("PHONE_NUMBER", phone_for(rng, p)))
    w.ln({"ko": "상병명: ", "vi": "Chẩn đoán: "}[lang], cond(rng, lang))
    w.ln(
        {"ko": "의뢰 내용: ", "vi": "Lý do chuyển: "}[lang],
        proc(rng, lang),
        {
            "ko": " 예정 환자로 수술 전 평가 및 약물 조절 부탁드립니다. 현재 ",
            "vi": " dự kiến, đề nghị đánh giá trước mổ. Hiện dùng ",
        }[lang],
        drug(rng, lang),
        {"ko": " 복용 중입니다.", "vi": "."}[lang],
    )
    w.ln("").ln(f"{fmt_date(rng, d, lang)}")
    w.ln(
        {"ko": "의뢰의사: ", "vi": "Bác sĩ: "}[lang],
        ("PERSON", staff_name(rng, dr, lang)),
        f"  ({license_no(rng, lang)})",
    )
    w.ln(c.ko if lang == "ko" else c.vi, "  ", c.phone)
    return w


def b_claim(rng: random.Random, lang: str) -> Text:
    """Insurance claim form (실손보험 청구서 / hồ sơ bồi thường / claim form)."""
    w, c, p = Text(), rng.choice(CLINICS), person(rng, lang)
    d = visit_date(rng)
    head = {
        "ko": f"보험금 청구서 ({rng.choice(('삼성화재', 'DB손해보험', '현대해상', 'KB손해보험'))})",
        "vi": "GIẤY YÊU CẦU BỒI THƯỜNG - "
        f"{rng.choice(('Bảo Việt', 'PVI', 'Manulife', 'Prudential'))}",
        "en": f"CLAIM FORM - {rng.choice(('Cigna Global', 'Allianz Care', 'AXA', 'Bupa Global'))} "
        "/ Part B",
    }[lang]
    w.ln(head).ln("")
    w.ln({"ko": "1. 피보험자", "vi": "1. Người được bảo hiểm", "en": "1. Insured member"}[lang])
    field(w, rng, lbl(rng, "name", lang), ("PERSON", p.variant(rng)))
    id_fields(w, rng, lang, p)
    field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    field(w, rng, lbl(rng, "phone", lang), ("PHONE_NUMBER", phone_for(rng, p)))
    if rng.random() < 0.6:
        field(w, rng, lbl(rng, "email", lang), ("EMAIL_ADDRESS", mail_for(rng, p)))
    policy = {
        "ko": f"증권번호: {digits(rng, 4)}-{digits(rng, 7)}",
        "vi": f"Số HĐ: {digits(rng, 8)}",
        "en": f"Member ID: {rng.choice(('XJH', 'U', 'GB'))}{digits(rng, 9)}",
    }[lang]
    w.ln(policy)
    w.ln("").ln(
        {"ko": "2. 사고/질병 내용", "vi": "2. Thông tin điều trị", "en": "2. Treatment details"}[
            lang
        ]
    )
    w.ln(
        {"ko": "진료기관: ", "vi": "Cơ sở điều trị: ", "en": "Provider: "}[lang],
        c.en,
        f"  ({rng.choice(('요양기관번호', 'Provider no.'))} {digits(rng, 8)})",
    )
    w.ln(
        {"ko": "사업자등록번호: ", "vi": "MST/ĐKKD: ", "en": "Business reg. no.: "}[lang],
        ("KR_BRN", kr_brn(rng)),
    )
    w.ln(
        {"ko": "진료기간: ", "vi": "Thời gian điều trị: ", "en": "Dates of service: "}[lang],
        f"{fmt_date(rng, d, lang)} ~ {fmt_date(rng, d + timedelta(days=rng.randint(0, 5)), lang)}",
    )
    w.ln(
        {"ko": "상병명: ", "vi": "Chẩn đoán: ", "en": "Diagnosis: "}[lang],
        cond(rng, lang),
        f" ({rng.choice('HLMNT')}{rng.randint(10, 99)}.{rng.randint(0, 9)})",
    )
    w.ln({"ko": "치료내용: ", "vi": "Điều trị: ", "en": "Treatment: "}[lang], proc(rng, lang))
    w.ln(
        {"ko": "청구금액: ", "vi": "Số tiền yêu cầu: ", "en": "Amount claimed: "}[lang],
        price(rng, lang),
    )
    w.ln("").ln(
        {"ko": "3. 보험금 수령 계좌", "vi": "3. Tài khoản nhận tiền", "en": "3. Payment details"}[
            lang
        ]
    )
    if lang == "en" or rng.random() < 0.2:
        w.ln(
            "IBAN: ",
            ("IBAN_CODE", iban(rng)),
            f"   BIC: {rng.choice(('DEUTDEFF', 'NWBKGB2L', 'BNPAFRPP', 'INGBNL2A'))}",
        )
    else:
        bank = {
            "ko": ("국민은행", "신한은행", "우리은행", "하나은행"),
            "vi": ("Vietcombank", "Techcombank", "BIDV", "MB Bank"),
        }[lang]
        w.ln(
            f"{rng.choice(bank)} "
            f"{digits(rng, 3)}-{digits(rng, 6)}-{digits(rng, 2)}-{digits(rng, 3)} ",
            ("PERSON", p.full),
        )
    w.ln("").ln(
        {
            "ko": "위 내용이 사실과 다름없음을 확인합니다.",
            "vi": "Tôi cam đoan các thông tin trên là đúng sự thật.",
            "en": "I declare the above information is true and complete.",
        }[lang]
    )
    w.ln(
        f"{fmt_date(rng, d + timedelta(days=rng.randint(5, 30)), lang)}   ",
        ("PERSON", p.full),
        {"ko": " (서명)", "vi": " (ký tên)", "en": " (signature)"}[lang],
    )
    return w


CONSENT_RISKS = {
    "ko": (
        "출혈, 감염, 부종, 비대칭, 흉터, 감각 저하, 재수술 가능성",
        "마취 관련 합병증(구역, 구토, 드물게 아나필락시스)",
    ),
    "vi": (
        "chảy máu, nhiễm trùng, sưng nề, bất cân xứng, sẹo, tê bì",
        "biến chứng gây mê (buồn nôn, hiếm gặp sốc phản vệ)",
    ),
    "en": (
        "bleeding, infection, swelling, asymmetry, scarring, numbness",
        "anesthesia-related complications (nausea, rarely anaphylaxis)",
    ),
}


def b_consent(rng: random.Random, lang: str) -> Text:
    """Surgical consent form with patient, guardian and surgeon signatures."""
    w, c, p, dr = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    d = visit_date(rng)
    head = {
        "ko": "수술(시술) 동의서",
        "vi": "GIẤY CAM KẾT ĐỒNG Ý PHẪU THUẬT",
        "en": "INFORMED CONSENT FOR SURGERY",
    }[lang]
    w.ln(f"{getattr(c, lang)}").ln(head).ln("")
    label, number = mrn(rng, lang)
    w.ln(
        f"{lbl(rng, 'name', lang)}: ",
        ("PERSON", p.variant(rng)),
        f"  ({SEX[lang][int(p.female)]}, {d.year - p.dob.year})   {label}: ",
        ("MEDICAL_RECORD_NUMBER", number),
    )
    if rng.random() < 0.5:
        field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    w.ln(
        {"ko": "수술명: ", "vi": "Tên phẫu thuật: ", "en": "Procedure: "}[lang],
        proc(rng, lang),
        rng.choice((" + ", ", ")),
        proc(rng, lang),
    )
    w.ln(
        {"ko": "마취방법: ", "vi": "Phương pháp vô cảm: ", "en": "Anesthesia: "}[lang],
        rng.choice(("IV sedation", "GA", "local", "수면마취" if lang == "ko" else "MAC")),
    )
    w.ln(
        {
            "ko": "현재 앓고 있는 질환: ",
            "vi": "Bệnh lý hiện có: ",
            "en": "Relevant medical history: ",
        }[lang],
        cond(rng, lang),
    )
    w.ln(
        {"ko": "복용 중인 약: ", "vi": "Thuốc đang dùng: ", "en": "Current medications: "}[lang],
        drug(rng, lang),
    )
    w.ln("")
    risks = CONSENT_RISKS[lang]
    body = {
        "ko": "본인은 담당의사로부터 수술의 목적, 방법, 예상되는 결과 및 {} 및 {}에 대하여 충분한 "
        "설명을 들었으며, 이에 동의합니다.",
        "vi": "Tôi đã được bác sĩ giải thích rõ về mục đích, phương pháp, kết quả dự kiến và các "
        "nguy cơ: {}; {}. Tôi tự nguyện đồng ý.",
        "en": "I have been informed of the nature, purpose and expected outcome of the procedure "
        "and of its risks, including {}, and {}. I consent voluntarily.",
    }[lang]
    w.ln(body.format(*risks))
    w.ln(
        {
            "ko": "사진 촬영 및 의학적 목적의 사용에 동의합니다: [V] 예 [ ] 아니오",
            "vi": "Đồng ý chụp ảnh trước/sau: [x] Có [ ] Không",
            "en": "Photography consent: [X] Yes [ ] No",
        }[lang]
    ).ln("")
    w.ln(f"{lbl(rng, 'date', lang)}: {fmt_date(rng, d, lang)}")
    w.ln(
        {"ko": "환자 서명: ", "vi": "Người bệnh ký: ", "en": "Patient signature: "}[lang],
        ("PERSON", p.full),
        "  ______",
    )
    if rng.random() < 0.4:
        g = person(rng, lang)
        w.ln(
            {"ko": "보호자(관계: 모): ", "vi": "Người thân (mẹ): ", "en": "Witness: "}[lang],
            ("PERSON", g.full),
            "  ",
            ("PHONE_NUMBER", phone_for(rng, g)),
        )
    w.ln(
        {"ko": "설명 의사: ", "vi": "Bác sĩ giải thích: BS. ", "en": "Surgeon: Dr. "}[lang],
        ("PERSON", staff_name(rng, dr, lang)),
        "  ______",
    )
    if lang != "ko" and rng.random() < 0.5:
        interp = vietnamese(rng) if lang == "vi" else korean(rng)
        w.ln(
            {"vi": "Phiên dịch viên: ", "en": "Interpreter: "}[lang],
            ("PERSON", interp.full if lang == "vi" else interp.roman),
        )
    return w


def b_prescription(rng: random.Random, lang: str) -> Text:
    """Prescription (처방전 / đơn thuốc / Rx)."""
    w, c, p, dr = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    d = visit_date(rng)
    if lang == "ko":
        w.ln("처   방   전")
        if rng.random() < 0.5:
            w.ln("건강보험증 번호: ", ("KR_HEALTH_INSURANCE", kr_health_insurance(rng))).ln(
                f"교부번호: {d:%Y%m%d} 제 {rng.randint(1, 300):05d} 호   의료보험 [V] 의료급여 [ ]"
            )
        w.ln(
            "환자 성명: ",
            ("PERSON", p.full),
            "   주민등록번호: ",
            ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female))),
        )
        w.ln(f"의료기관: {c.ko}  전화 {c.phone}  요양기관기호 {digits(rng, 8)}")
        w.ln("처방의료인: ", ("PERSON", dr.full), f"  {license_no(rng, 'ko')}")
        w.ln("질병분류기호: ", f"{rng.choice('LMT')}{rng.randint(10, 98)}{rng.randint(0, 9)}")
    else:
        w.ln({"vi": "ĐƠN THUỐC", "en": "PRESCRIPTION"}[lang]).ln(
            f"{getattr(c, lang)}  -  {c.phone}"
        )
        field(w, rng, lbl(rng, "name", lang), ("PERSON", p.variant(rng)))
        field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
        if rng.random() < 0.5:
            field(w, rng, lbl(rng, "address", lang), ("ADDRESS", address_for(rng, p)))
        w.ln({"vi": "Chẩn đoán: ", "en": "Dx: "}[lang], cond(rng, lang), " / s/p ", proc(rng, lang))
    w.ln("-" * 40)
    for i in range(rng.randint(2, 5)):
        days = rng.randint(3, 14)
        w.ln(
            f"{i + 1}. ",
            drug(rng, lang),
            f"  {rng.choice(DOSES[lang])}   {rng.choice(FREQ[lang])}   x{days}"
            f"{ {'ko': '일', 'vi': ' ngày', 'en': ' days'}[lang] }",
        )
    w.ln("-" * 40)
    w.ln(
        {"ko": "조제시 참고사항: ", "vi": "Lời dặn: ", "en": "Notes: "}[lang],
        {
            "ko": "위장장애 시 복용 중단 후 내원",
            "vi": "Tái khám sau 7 ngày, kiêng rượu bia",
            "en": "Avoid alcohol. Refills: 0",
        }[lang],
    )
    w.ln(f"{lbl(rng, 'date', lang)}: {fmt_date(rng, d, lang)}")
    if lang != "ko":
        w.ln(
            {"vi": "Bác sĩ kê đơn: ", "en": "Prescriber: "}[lang],
            ("PERSON", staff_name(rng, dr, lang)),
            f"  {license_no(rng, lang)}",
        )
    return w


QA = {
    "ko": (
        ("1. 현재 치료 중인 질환이 있습니까?", "cond"),
        ("2. 복용 중인 약물을 모두 적어주세요.", "drug"),
        ("3. 이전에 받은 성형 수술/시술이 있습니까?", "proc"),
        ("4. 약물 또는 음식 알레르기가 있습니까?", "cond"),
        ("5. 흡연 여부", "흡연 안 함"),
        ("6. 음주 (주 몇 회)", "주 1-2회"),
        ("7. 임신 가능성", "없음"),
        ("8. 최근 2주 내 아스피린 복용 여부", "아니오"),
    ),
    "vi": (
        ("Câu 1. Chị có đang điều trị bệnh gì không?", "cond"),
        ("Câu 2. Thuốc đang sử dụng:", "drug"),
        ("Câu 3. Đã từng làm phẫu thuật thẩm mỹ chưa?", "proc"),
        ("Câu 4. Tiền sử dị ứng:", "cond"),
        ("Câu 5. Có hút thuốc không?", "Không"),
        ("Câu 6. Có đang mang thai / cho con bú?", "Không"),
        ("Câu 7. Cân nặng / chiều cao", "52kg / 158cm"),
    ),
    "en": (
        ("Q1. Do you have any ongoing medical conditions?", "cond"),
        ("Q2. List all current medications & supplements", "drug"),
        ("Q3. Previous cosmetic surgery or treatments?", "proc"),
        ("Q4. Allergies (drugs, latex, food)?", "cond"),
        ("Q5. Smoking status", "Never"),
        ("Q6. Alcohol use", "Socially, 2-3 drinks/week"),
        ("Q7. Are you pregnant or breastfeeding?", "No"),
        ("Q8. Height / weight", "5'6\" / 140 lb"),
    ),
}


def b_questionnaire(rng: random.Random, lang: str) -> Text:
    """Pre-operative questionnaire with Q/A pairs."""
    w, p = Text(), person(rng, lang)
    w.ln(
        {
            "ko": "[수술 전 문진표]",
            "vi": "PHIẾU KHAI THÔNG TIN TRƯỚC PHẪU THUẬT",
            "en": "Pre-operative Health Questionnaire",
        }[lang]
    )
    field(w, rng, lbl(rng, "name", lang), ("PERSON", p.variant(rng)))
    field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    field(w, rng, lbl(rng, "phone", lang), ("PHONE_NUMBER", phone_for(rng, p)))
    w.ln(
        {"ko": "희망 수술: ", "vi": "Dịch vụ quan tâm: ", "en": "Procedure of interest: "}[lang],
        proc(rng, lang),
    ).ln("")
    a_prefix = {"ko": "답: ", "vi": "Trả lời: ", "en": "A: "}[lang]
    for question, answer in QA[lang]:
        w.ln(question)
        if answer in ("cond", "drug", "proc"):
            maker = {"cond": cond, "drug": drug, "proc": proc}[answer]
            if rng.random() < 0.3:
                w.ln(a_prefix, {"ko": "없음", "vi": "Không", "en": "None"}[lang])
                continue
            w.put(a_prefix, maker(rng, lang))
            if rng.random() < 0.4:
                w.put(", ", maker(rng, lang))
            w.ln(f" ({rng.randint(2008, 2024)})" if answer == "proc" else "")
        else:
            w.ln(a_prefix, answer)
    w.ln("").ln(
        {"ko": "작성자 서명: ", "vi": "Người khai: ", "en": "Completed by: "}[lang],
        ("PERSON", p.full),
        f"   {fmt_date(rng, visit_date(rng), lang)}",
    )
    return w


def fill(w: Text, rng: random.Random, lang: str, template: str, ctx: dict[str, Piece]) -> Text:
    """Append ``template``, replacing {key} by ``ctx[key]`` or a fresh term/price/date."""
    fresh: dict[str, Callable[[], Piece]] = {
        "proc": lambda: proc(rng, lang),
        "cond": lambda: cond(rng, lang),
        "drug": lambda: drug(rng, lang),
        "price": lambda: price(rng, lang),
        "when": lambda: fmt_date(rng, visit_date(rng), lang),
        "hour": lambda: f"{rng.randint(9, 18)}:{rng.choice(('00', '30', '15', '45'))}",
        "dose": lambda: rng.choice(DOSES[lang]),
    }
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        key, _, rest = tail.partition("}")
        w.put(head, ctx[key] if key in ctx else fresh[key]())
    return w.put(rest)


def b_reminder(rng: random.Random, lang: str) -> Text:
    """A log of appointment reminders sent by SMS / KakaoTalk 알림톡 / Zalo."""
    w, c = Text(), rng.choice(CLINICS)
    templates = {
        "ko": (
            "[Web발신]\n[{clinic}] {name}님, {when} {hour} {proc} 상담 예약이 확정되었습니다. 예약 "
            "변경: {url}\n문의 {cphone}",
            "[{clinic}] {name} 고객님 내일 {hour} 수술 예정입니다. 수술 전 8시간 금식, {drug} "
            "복용은 중단해 주세요.",
            "(광고)[{clinic}] {name}님 봄맞이 {proc} 이벤트 {price}! 수신거부 080-{d4}-{d4b}",
            "[{clinic}] {name}님 실밥 제거 예약 안내: {when} {hour}. 본인 확인용 연락처 {mphone}",
        ),
        "vi": (
            "[Zalo OA] {clinic} xin chào chị {given}! Lịch hẹn {proc} của chị vào {hour} ngày "
            "{when}. Đổi lịch: {url}",
            "{clinic}: Kính gửi {name}, nhắc lịch tái khám {when} lúc {hour}. Hotline {cphone}",
            "Chào anh {given}, bác sĩ dặn ngưng {drug} 7 ngày trước mổ. Cần hỗ trợ nhắn Zalo "
            "{sphone} (tư vấn viên {staff}).",
            "[QC] {clinic} ưu đãi {proc} chỉ {price}. Từ chối nhận tin soạn TC gửi 9x9x",
        ),
        "en": (
            "Hi {given}, this is {clinic}. Reminder: {proc} consult on {when} at {hour} KST. Reply "
            "C to confirm or reschedule at {url}",
            "{clinic}: {name}, your surgery is tomorrow at {hour}. No food after midnight. Stop "
            "{drug} as instructed. Questions? {cphone}",
            "Hi {given}! Your airport pickup is booked for {when}. Your coordinator {staff} can be "
            "reached on WhatsApp {sphone}.",
            "{clinic} SPRING SALE: {proc} from {price}. Txt STOP to opt out",
        ),
    }[lang]
    for _ in range(rng.randint(2, 6)):
        p, st = person(rng, lang), staff(rng, lang)
        sent = visit_date(rng)
        phone = phone_for(rng, p)
        masked = rng.random() < 0.25
        w.ln(
            f"--- {stamp(rng, sent)} | to: ",
            masked_phone(rng, lang) if masked else ("PHONE_NUMBER", phone),
            " | status: "
            f"{rng.choice(('DELIVERED', 'SENT', 'FAILED', '성공' if lang == 'ko' else 'OK'))}",
        )
        ctx: dict[str, Piece] = {
            "clinic": getattr(c, lang) if lang != "en" else c.en,
            "name": ("PERSON", p.full),
            "given": ("PERSON", p.first),
            "url": ("URL", booking_url(rng, c)),
            "cphone": c.phone,
            "mphone": masked_phone(rng, lang),
            "sphone": ("PHONE_NUMBER", phone_for(rng, st)),
            "staff": ("PERSON", st.full if lang == "ko" else staff_name(rng, st, lang)),
            "d4": digits(rng, 3),
            "d4b": digits(rng, 4),
        }
        fill(w, rng, lang, rng.choice(templates), ctx).ln("")
    return w


CHAT = {
    "ko": (
        ("p", "안녕하세요 {proc} 상담 받고 싶어서 연락드려요"),
        (
            "c",
            "안녕하세요 고객님 :) {clinic} 상담실장 {staff}입니다. 성함과 연락처 남겨주시면 "
            "안내드릴게요",
        ),
        ("p", "{name}, 연락처는 {phone} 입니다"),
        ("p", "제가 {cond} 진단받고 {drug} 먹고 있는데 수술 가능할까요?"),
        ("c", "네 복용 약은 원장님 상담 때 꼭 말씀해 주세요. 사진은 {cmail}로 보내주셔도 됩니다"),
        ("p", "제 메일은 {email} 이에요"),
        ("p", "견적이 대략 얼마 정도인가요?"),
        ("c", "{proc} 기준 {price}부터이며 정확한 비용은 대면 상담 후 안내드려요"),
        ("p", "생년월일 {dob} 이에요 예약할게요"),
        ("c", "{when} {hour} 예약 도와드렸습니다 ^^"),
        ("p", "감사합니다!!"),
        ("p", "예약금은 카드 {card} 유효기간 {exp}로 결제해 주세요"),
        ("p", "해외 송금 때문에 여권번호 필요하시면 {kpp} 입니다"),
        ("p", "인스타 {url} 이거 후기 보고 연락드렸어요"),
        ("c", "주차는 건물 지하 2층 이용 가능합니다"),
    ),
    "vi": (
        ("p", "Chào shop, em muốn hỏi về {proc} ạ"),
        (
            "c",
            "Dạ {clinic} xin chào chị, em là {staff} tư vấn viên ạ. Chị cho em xin tên và SĐT nhé",
        ),
        ("p", "{name} - {phone}"),
        ("p", "Em bị {cond}, đang uống {drug} thì có làm được không ạ?"),
        ("c", "Dạ chị gửi ảnh mặt thẳng nghiêng qua email {cmail} giúp em nha"),
        ("p", "Mail chị là {email} nha em"),
        ("p", "Chi phí khoảng bao nhiêu vậy em?"),
        ("c", "Dạ gói {proc} bên em đang ưu đãi {price} ạ"),
        ("p", "Ngày sinh của chị là {dob}, chị đặt lịch luôn nhé"),
        ("c", "Em đã đặt lịch cho chị lúc {hour} ngày {when} ạ"),
        ("p", "Link fb của chị đây {url}"),
        ("p", "Ok em, cảm ơn nhé"),
        ("p", "Em gửi số thẻ để đặt cọc: {card} hạn {exp}"),
        ("p", "Hộ chiếu của chị số {vnpp} nhé em"),
        ("c", "Chị nhớ mang hộ chiếu khi sang Hàn nha"),
    ),
    "en": (
        ("p", "Hi, I'm interested in {proc}, do you have English-speaking staff?"),
        ("c", "Hello! Yes, this is {staff} from {clinic} international team."),
        ("p", "Great. My name is {name}, phone {phone}"),
        ("p", "I have {cond} and take {drug} daily, is that a problem?"),
        (
            "c",
            "Not necessarily, the doctor will review it. Could you email your photos to {cmail}?",
        ),
        ("p", "Sure, sending from {email}"),
        ("p", "How much would it be roughly?"),
        ("c", "{proc} usually starts at {price}, final quote after consultation"),
        ("p", "My DOB is {dob} if you need it for the booking"),
        ("c", "You're booked on {when} at {hour} KST"),
        ("p", "Here's my insta so you can see my nose {url}"),
        ("p", "Thanks so much!"),
        ("p", "You can charge the deposit to my card {card}, exp {exp}"),
        ("c", "Please bring your passport on the day"),
    ),
}


def chat_header(
    w: Text, rng: random.Random, lang: str, p: Person, when: datetime, c: Clinic
) -> Callable[[str], None]:
    """Write the export header and return a function writing one speaker prefix."""
    clock = [when]

    def tick() -> datetime:
        clock[0] += timedelta(seconds=rng.randint(15, 900))
        return clock[0]

    if lang == "ko":
        w.ln(f"{c.ko} 님과 카카오톡 대화")
        w.ln(f"저장한 날짜 : {when + timedelta(days=2):%Y-%m-%d %H:%M:%S}").ln("")
        w.ln(f"--------------- {when.year}년 {when.month}월 {when.day}일 ---------------")

        def ko_prefix(who: str) -> None:
            t = tick()
            ampm, hour = ("오전", t.hour) if t.hour < 12 else ("오후", t.hour - 12 or 12)
            speaker: Piece = ("PERSON", p.full) if who == "p" else c.ko
            w.put("[", speaker, f"] [{ampm} {hour}:{t.minute:02d}] ")

        return ko_prefix
    if lang == "vi":
        w.ln(f"Zalo - Tin nhắn với {c.vi}").ln("")

        def vi_prefix(who: str) -> None:
            name = p.full if rng.random() < 0.6 else strip_marks(p.full)
            speaker: Piece = ("PERSON", name) if who == "p" else "Tư vấn viên"
            w.ln(speaker, f"  {tick():%H:%M}")

        return vi_prefix

    def en_prefix(who: str) -> None:
        speaker: Piece = ("PERSON", p.full) if who == "p" else "Clinic Intl Desk"
        w.put(f"[{tick():%d/%m/%Y, %H:%M:%S}] ", speaker, ": ")

    return en_prefix


def clinic_or_staff_mail(rng: random.Random, c: Clinic, st: Person) -> Piece:
    """Return the clinic's public mailbox (unlabeled) or a staff member's own address (labeled)."""
    if rng.random() < 0.5:
        return f"{rng.choice(('consult', 'info', 'global', 'intl', 'vn'))}@{c.domain}"
    local = rng.choice((f"{st.rfirst}.{st.rlast}", f"{st.rlast}{st.rfirst[0]}", f"{st.rfirst}"))
    return (
        "EMAIL_ADDRESS",
        f"{strip_marks(local).lower().replace('-', '').replace(' ', '')}@{c.domain}",
    )


def b_chat(rng: random.Random, lang: str) -> Text:
    """Messenger export (KakaoTalk / Zalo / WhatsApp) between a patient and the clinic."""
    w, c, p, st = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    when = datetime.combine(visit_date(rng), datetime.min.time()) + timedelta(
        hours=rng.randint(8, 20)
    )
    prefix = chat_header(w, rng, lang, p, when, c)
    ctx: dict[str, Piece] = {
        "clinic": getattr(c, lang),
        "staff": ("PERSON", staff_name(rng, st, lang)),
        "name": ("PERSON", p.full),
        "phone": ("PHONE_NUMBER", phone_for(rng, p)),
        "email": ("EMAIL_ADDRESS", mail_for(rng, p)),
        "cmail": clinic_or_staff_mail(rng, c, st),
        "dob": ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)),
        "url": ("URL", personal_url(rng, handle_for(rng, p.rfirst, p.rlast), lang)),
        "card": ("CREDIT_CARD", credit_card(rng)),
        "exp": f"{rng.randint(1, 12):02d}/{rng.randint(25, 31)}",
        "kpp": ("KR_PASSPORT", kr_passport(rng)),
        "vnpp": ("VN_PASSPORT", vn_passport(rng)),
    }
    lines = list(CHAT[lang])
    keep = sorted(rng.sample(range(len(lines)), rng.randint(5, len(lines))))
    for i in keep:
        who, template = lines[i]
        prefix(who)
        fill(w, rng, lang, template, ctx).ln("")
    return w


EMAIL_BODY = {
    "ko": (
        "안녕하세요, {when}에 {proc} 받은 {name}입니다.\n수술 부위가 아직 많이 붓고 열감이 있어서 "
        "메일 드립니다. "
        "원래 {cond} 진단을 받아 {drug} 복용 중인데 처방받은 {drug}도 같이 먹어도 되는지 "
        "궁금합니다.\n"
        "사진 첨부합니다. 확인 부탁드립니다.",
        "실장님 안녕하세요. {name}입니다.\n다음 달 {proc} 예약 관련해서 보험 서류가 필요해서요. "
        "진단서에 {cond} 내용이 들어가야 한다고 합니다. 우편 주소는 {addr} 입니다.",
    ),
    "vi": (
        "Kính gửi phòng khám,\nEm là {name}, đã làm {proc} ngày {when}. Hiện vết mổ còn sưng và "
        "hơi đỏ. "
        "Em có tiền sử {cond}, đang dùng {drug}. Em có cần uống thêm {drug} không ạ?\nEm gửi kèm "
        "ảnh.",
        "Chào chị,\nEm tên {name}, em muốn đặt lịch {proc} vào tháng sau. Địa chỉ nhận hồ sơ của "
        "em: {addr}. "
        "Em có bị {cond} nên muốn hỏi trước bác sĩ ạ.",
    ),
    "en": (
        "Hello,\nI had {proc} with Dr. {doctor} on {when} and I'm now back home. There's some "
        "swelling and a small "
        "firm lump near the incision. My GP thinks it could be {cond}. I've been taking {drug} as "
        "prescribed - "
        "should I continue?\nPhotos attached.",
        "Hi there,\nI'm planning to fly to Seoul for {proc} in the spring. I should mention I have "
        "{cond} "
        "and take {drug}. Could you send me a quote? My mailing address is {addr}.",
    ),
}


def b_email(rng: random.Random, lang: str) -> Text:
    """Patient e-mail with headers, body, signature and a quoted staff reply."""
    w, c, p, st = Text(), rng.choice(CLINICS), person(rng, lang), staff(rng, lang)
    d = datetime.combine(visit_date(rng), datetime.min.time()) + timedelta(
        minutes=rng.randint(400, 1400)
    )
    mail = mail_for(rng, p)
    hdr = {
        "ko": ("보낸사람", "받는사람", "날짜", "제목"),
        "vi": ("Từ", "Đến", "Ngày", "Tiêu đề"),
        "en": ("From", "To", "Date", "Subject"),
    }[lang]
    w.ln(f"{hdr[0]}: ", ("PERSON", p.variant(rng)), " <", ("EMAIL_ADDRESS", mail), ">")
    w.ln(f"{hdr[1]}: {rng.choice(('consult', 'global', 'intl'))}@{c.domain}")
    w.ln(f"{hdr[2]}: {d:%a, %d %b %Y %H:%M:%S} +0900")
    w.ln(
        f"{hdr[3]}: ",
        {
            "ko": "수술 후 문의드립니다",
            "vi": "Hỏi về tình trạng sau phẫu thuật",
            "en": "Question after surgery",
        }[lang],
    ).ln("")
    ctx: dict[str, Piece] = {
        "name": ("PERSON", p.full),
        "addr": ("ADDRESS", address_for(rng, p)),
        "doctor": ("PERSON", staff_name(rng, staff(rng, "en"), "en")),
    }
    fill(w, rng, lang, rng.choice(EMAIL_BODY[lang]), ctx).ln("").ln("")
    w.ln({"ko": "감사합니다.", "vi": "Trân trọng,", "en": "Many thanks,"}[lang])
    w.ln(("PERSON", p.full), {"ko": " 드림", "vi": "", "en": ""}[lang])
    w.ln(("PHONE_NUMBER", phone_for(rng, p)))
    if rng.random() < 0.3:
        w.ln(("URL", personal_url(rng, handle_for(rng, p.rfirst, p.rlast), lang)))
    if rng.random() < 0.6:
        w.ln("").ln(f"-----Original Message----- {d - timedelta(days=rng.randint(1, 9)):%Y-%m-%d}")
        w.ln(
            "> ",
            {
                "ko": "문의 주셔서 감사합니다. 담당 코디네이터 ",
                "vi": "> Cảm ơn chị đã liên hệ. Tư vấn viên ",
                "en": "> Thank you for reaching out. Your coordinator ",
            }[lang],
            ("PERSON", staff_name(rng, st, lang)),
            {"ko": "입니다.", "vi": " sẽ hỗ trợ chị.", "en": " will assist you."}[lang],
        )
        w.ln("> --").ln(
            "> ", ("PERSON", staff_name(rng, st, lang)), f" | International Patient Center | {c.en}"
        )
        w.ln("> M. ", ("PHONE_NUMBER", kr_mobile(rng)), f" | T. {c.phone} | {c.web}")
    return w


def b_booking_json(rng: random.Random, lang: str) -> Text:
    """A web booking form submission stored as JSON."""
    w, c, p = Text(), rng.choice(CLINICS), person(rng, lang)
    d = visit_date(rng)
    q = '"'
    w.ln("{").ln(f'  "site": "{c.domain}",').ln(
        f'  "form_id": "consult-{lang}-{rng.randint(1, 9)}",'
    )
    w.ln(
        '  "submitted_at": '
        f'"{d:%Y-%m-%d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+09:00",'
    )
    w.ln('  "name": "', ("PERSON", p.variant(rng)), '",')
    w.ln('  "phone": "', ("PHONE_NUMBER", phone_for(rng, p)), '",')
    w.ln('  "email": "', ("EMAIL_ADDRESS", mail_for(rng, p)), '",')
    w.ln(
        '  "birth_date": "',
        (
            "DATE_OF_BIRTH",
            f"{p.dob:%Y-%m-%d}" if rng.random() < 0.6 else fmt_date(rng, p.dob, lang),
        ),
        '",',
    )
    w.ln(
        '  "nationality": '
        f'"{ {"ko": "KR", "vi": "VN", "en": rng.choice(("US", "GB", "AU", "CA"))}[lang] }",'
    )
    w.ln('  "interests": ["', proc(rng, lang), '", "', proc(rng, lang), '"],')
    w.ln('  "medical_history": "', cond(rng, lang), '",')
    msg = {
        "ko": "주말 상담 가능한가요? {drug} 복용 중입니다",
        "vi": "Cho em hỏi giá {proc} ạ, em đang dùng {drug}",
        "en": "Can I get a quote for {proc}? I'm on {drug}.",
    }[lang]
    w.put('  "message": "')
    fill(w, rng, lang, msg, {}).ln('",')
    if rng.random() < 0.4:
        w.ln(
            '  "instagram": "',
            ("URL", personal_url(rng, handle_for(rng, p.rfirst, p.rlast), lang)),
            '",',
        )
    w.ln('  "client": {').ln(
        '    "ip": "', ("IP_ADDRESS", ipv4(rng) if rng.random() < 0.75 else ipv6(rng)), '",'
    )
    w.ln(
        f'    "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{rng.randint(0, 5)} like Mac OS '
        'X) AppleWebKit/605.1.15 Mobile/15E148",'
    )
    source = rng.choice(("instagram", "naver", "facebook", "google"))
    w.ln(f'    "page": "/{lang}/consult?utm_source={source}&utm_campaign=spring{d.year % 100}",')
    w.ln(f'    "session": "{"".join(rng.choice("0123456789abcdef") for _ in range(32))}"').ln(
        "  },"
    )
    w.ln(f'  "agree_privacy": true,\n  "version": {q}{version(rng)}{q}').ln("}")
    return w


CSV_HEAD = {
    "ko": ("번호", "성명", "성별", "생년월일", "연락처", "시술명", "방문일", "결제금액", "비고"),
    "vi": (
        "STT",
        "Họ tên",
        "Giới tính",
        "Ngày sinh",
        "SĐT",
        "Dịch vụ",
        "Ngày khám",
        "Thanh toán",
        "Ghi chú",
    ),
    "en": (
        "id",
        "patient_name",
        "sex",
        "dob",
        "phone",
        "procedure",
        "visit_date",
        "amount",
        "notes",
    ),
}


def b_csv(rng: random.Random, lang: str) -> Text:
    """CSV export of a patient list (header + rows)."""
    w, sep = Text(), rng.choice((",", ",", ";", "\t"))
    w.ln(sep.join(CSV_HEAD[lang]))
    for i in range(rng.randint(4, 25)):
        p = person(rng, lang)
        price_txt = price(rng, lang)
        price_cell = f'"{price_txt}"' if sep in price_txt else price_txt
        w.put(f"{i + 1}{sep}", ("PERSON", p.full), f"{sep}{SEX[lang][int(p.female)]}{sep}")
        w.put(("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)), sep)
        w.put(("PHONE_NUMBER", phone_for(rng, p)), sep, proc(rng, lang), sep)
        w.put(f"{visit_date(rng):%Y-%m-%d}{sep}{price_cell}{sep}")
        note = rng.random()
        if note < 0.2:
            w.put(cond(rng, lang))
        elif note < 0.3:
            w.put(drug(rng, lang))
        elif note < 0.4:
            w.put(
                masked_rrn(rng, p.dob, p.female)
                if lang == "ko"
                else f"ref {order_no(rng, visit_date(rng))}"
            )
        w.ln("")
    return w


LOG_ACTIONS = (
    "VIEW_CHART",
    "PRINT_RX",
    "EXPORT_PHOTO",
    "EDIT_NOTE",
    "LOGIN",
    "VIEW_LAB",
    "DOWNLOAD_CONSENT",
)


def log_user(rng: random.Random, lang: str) -> str:
    """Return an EMR login id such as rn_park03 (not labeled: not a name)."""
    role = rng.choice(("dr", "rn", "coord", "desk"))
    if lang == "vi":
        name = strip_marks(rng.choice(VI_GIVEN_F + VI_GIVEN_M)).lower()
    else:
        name = rng.choice(list(KO_SURNAME_ROMAN.values())).lower()
    return f"{role}_{name}{rng.randint(1, 9):02d}"


def b_access_log(rng: random.Random, lang: str) -> Text:
    """EMR audit log and web server access lines with client IPs."""
    w = Text()
    d = datetime.combine(visit_date(rng), datetime.min.time()) + timedelta(hours=8)
    users = [log_user(rng, lang) for _ in range(3)]
    for _ in range(rng.randint(6, 30)):
        d += timedelta(seconds=rng.randint(5, 900))
        ip = ipv4(rng) if rng.random() < 0.85 else ipv6(rng)
        if rng.random() < 0.55:
            p = person(rng, lang)
            label, number = mrn(rng, lang)
            w.ln(
                f"{d:%Y-%m-%dT%H:%M:%S}+09:00 level=INFO user={rng.choice(users)} src=",
                ("IP_ADDRESS", ip),
                f' action={rng.choice(LOG_ACTIONS)} patient="',
                ("PERSON", p.full),
                '" chart=',
                ("MEDICAL_RECORD_NUMBER", number),
                f" took={rng.randint(3, 900)}ms",
            )
        else:
            path = rng.choice(
                (
                    "/emr/patient/view?id=",
                    "/api/v2/appointments/",
                    "/static/js/app.",
                    "/board/review/",
                )
            )
            w.ln(
                ("IP_ADDRESS", ip),
                f' - - [{d:%d/%b/%Y:%H:%M:%S} +0900] "GET {path}{digits(rng, 6)} HTTP/1.1" '
                f'{rng.choice((200, 200, 200, 304, 404, 500))} {rng.randint(200, 90000)} "-" '
                '"Mozilla/5.0"',
            )
    w.ln(f"# rotated {d:%Y-%m-%d} emr-audit {version(rng)}")
    return w


REVIEWS = {
    "ko": (
        "{stars} {proc} 후기입니다. {doctor} 원장님이 꼼꼼하게 상담해주셨고 결과도 만족해요! "
        "붓기는 2주 정도 갔어요.",
        "{stars} 솔직 후기... {proc} 받고 {cond} 생겨서 재방문했는데 응대가 너무 불친절했습니다. "
        "실장 {staff}씨는 연락도 안 받네요. "
        "제 번호 {phone} 로 연락 부탁드립니다.",
        "{stars} {cond} 있어서 걱정했는데 {doctor} 원장님이 내과랑 협진해서 안전하게 {proc} "
        "했어요. 강추합니다",
    ),
    "vi": (
        "{stars} Mình làm {proc} ở đây với bác sĩ {doctor}, dáng đẹp tự nhiên, phiên dịch {staff} "
        "rất nhiệt tình.",
        "{stars} Thất vọng. Sau {proc} mình bị {cond}, nhắn mãi không ai trả lời. Ai cần review "
        "thật inbox mình {phone}.",
        "{stars} Mình bị {cond} nên phải uống {drug} trước khi mổ, bác sĩ {doctor} theo dõi kỹ "
        "lắm. Recommend!",
    ),
    "en": (
        "{stars} Had {proc} with Dr. {doctor}. Honest, no upselling, and the coordinator {staff} "
        "was with me the whole time.",
        "{stars} Terrible aftercare. Developed {cond} after my {proc} and nobody answered for "
        "three days. "
        "Contact me at {email} if you want the full story.",
        "{stars} I have {cond} and they coordinated with my doctor back home about my {drug}. "
        "{proc} went smoothly.",
    ),
}


def b_review(rng: random.Random, lang: str) -> Text:
    """Online review / complaint thread with reviewer names and a clinic reply."""
    w, c = Text(), rng.choice(CLINICS)
    w.ln(
        {
            "ko": f"[네이버 리뷰] {c.ko}",
            "vi": f"Đánh giá trên Facebook - {c.vi}",
            "en": f"Google reviews - {c.en}",
        }[lang]
    ).ln("")
    for _ in range(rng.randint(1, 4)):
        p, dr, st = person(rng, lang), staff(rng, lang), staff(rng, lang)
        initial = lang == "en" and rng.random() < 0.5
        who = f"{p.first} {p.last[0]}" if initial else p.full
        handle = rng.random() < 0.2 and lang == "ko"
        w.ln(
            handle_for(rng, p.rfirst, p.rlast) if handle else ("PERSON", who),
            "." if initial else "",
            f" · {fmt_date(rng, visit_date(rng), lang)}",
        )
        stars = "★" * rng.randint(1, 5)
        ctx: dict[str, Piece] = {
            "stars": stars,
            "doctor": ("PERSON", staff_name(rng, dr, lang)),
            "staff": ("PERSON", staff_name(rng, st, lang)),
            "phone": ("PHONE_NUMBER", phone_for(rng, p)),
            "email": ("EMAIL_ADDRESS", mail_for(rng, p)),
        }
        fill(w, rng, lang, rng.choice(REVIEWS[lang]), ctx).ln("")
        if rng.random() < 0.4:
            w.ln(
                {
                    "ko": "└ 사장님 답글: 불편을 드려 죄송합니다. 대표번호 ",
                    "vi": "↳ Phản hồi từ phòng khám: Xin lỗi chị, vui lòng gọi hotline ",
                    "en": "↳ Response from the owner: We're sorry to hear this. Please call ",
                }[lang],
                c.phone,
            )
        w.ln("")
    return w


def b_handover(rng: random.Random, lang: str) -> Text:
    """Nursing/staff handover memo listing several in-patients."""
    w = Text()
    d = visit_date(rng)
    w.ln(
        {
            "ko": f"■ 병동 인수인계 {d:%m/%d} Night → Day",
            "vi": f"BÀN GIAO CA TRỰC - ngày {d:%d/%m/%Y}",
            "en": f"Ward handover {d:%d %b} (night -> day)",
        }[lang]
    )
    giver, taker = staff(rng, lang), staff(rng, lang)
    w.ln(
        {"ko": "인계: ", "vi": "Người giao: ", "en": "From: "}[lang],
        ("PERSON", staff_name(rng, giver, lang)),
        {"ko": " / 인수: ", "vi": " - Người nhận: ", "en": " / To: "}[lang],
        ("PERSON", staff_name(rng, taker, lang)),
    ).ln("")
    for _ in range(rng.randint(2, 6)):
        p = person(rng, lang)
        room = f"{rng.randint(3, 8)}{rng.randint(1, 12):02d}"
        w.ln(
            f"- {room}{ {'ko': '호', 'vi': '', 'en': ''}[lang] } ",
            ("PERSON", p.full),
            f" ({d.year - p.dob.year}/{SEX['en'][int(p.female)]}) ",
            proc(rng, lang),
            f" POD{rng.randint(0, 3)}",
        )
        tmpl = {
            "ko": (
                "  통증 호소하여 {drug} IV 1회 투여, {hour} 이후 NRS 3. {cond} 있어 BP 모니터링 "
                "요함.",
                "  배액량 {n}cc, 오심 있어 {drug} 투여. 보호자 연락처 {gphone}",
            ),
            "vi": (
                "  Đau nhiều, đã tiêm {drug} lúc {hour}. Có tiền sử {cond}, theo dõi huyết áp.",
                "  Dẫn lưu {n}ml, buồn nôn, cho {drug}. Người nhà: {gphone}",
            ),
            "en": (
                "  c/o pain, {drug} IV given at {hour}, now 3/10. Hx of {cond} - monitor BP q4h.",
                "  JP drain {n} mL, nauseous, {drug} given. Family contact {gphone}",
            ),
        }[lang]
        g = person(rng, lang)
        fill(
            w,
            rng,
            lang,
            rng.choice(tmpl),
            {"n": str(rng.randint(5, 80)), "gphone": ("PHONE_NUMBER", phone_for(rng, g))},
        ).ln("")
    w.ln(
        {
            "ko": "※ 비품: 거즈 재고 부족, LOT 확인 요망 ",
            "vi": "Ghi chú: hết gạc vô trùng, ",
            "en": "Misc: low on gauze, ",
        }[lang],
        lot_no(rng),
    )
    return w


def b_mixed(rng: random.Random, lang: str) -> Text:
    """A document mixing languages: foreign patients with Korean identifiers and Korean staff."""
    w, c, dr = Text(), rng.choice(CLINICS), korean(rng, lo=1965, hi=1990)
    if lang == "vi":
        p = vietnamese(rng)
        w.ln("PHIẾU THÔNG TIN BỆNH NHÂN NƯỚC NGOÀI / 외국인 환자 정보").ln("")
        w.ln(
            "Họ tên / 성명: ",
            ("PERSON", p.full),
            " (",
            ("PERSON", p.full.upper() if rng.random() < 0.5 else strip_marks(p.full).upper()),
            ")",
        )
        w.ln("외국인등록번호: ", ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female, True))))
        w.ln(
            "Số hộ chiếu / 여권번호: ",
            ("VN_PASSPORT", vn_passport(rng)),
            "   CCCD: ",
            ("VN_NATIONAL_ID", vn_cccd(rng, p.dob, p.female)),
        )
        w.ln(
            "Ngày sinh / 생년월일: ",
            ("DATE_OF_BIRTH", fmt_date(rng, p.dob, rng.choice(("vi", "ko")))),
        )
        w.ln("Địa chỉ tại Hàn Quốc / 국내 거소: ", ("ADDRESS", kr_address(rng)))
        w.ln(
            "SĐT Hàn Quốc: ",
            ("PHONE_NUMBER", kr_mobile(rng)),
            "  / Việt Nam: ",
            ("PHONE_NUMBER", vn_mobile(rng)),
        )
        w.ln("Dịch vụ / 시술: ", proc(rng, "vi"), " (", proc(rng, "ko"), ")")
        w.ln("Tiền sử / 과거력: ", cond(rng, "vi"), ", ", cond(rng, "ko"))
        w.ln("Bác sĩ / 담당의: ", ("PERSON", dr.full), " 원장 (", ("PERSON", dr.roman), ")")
        w.ln(
            "Phiên dịch / 통역: ",
            ("PERSON", vietnamese(rng).full),
            f"   {fmt_date(rng, visit_date(rng), 'ko')}",
        )
        return w
    if lang == "en":
        p = korean(rng) if rng.random() < 0.5 else english(rng)
        w.ln(c.en).ln(c.address_en).ln("")
        w.ln(f"To whom it may concern,   {fmt_date(rng, visit_date(rng), 'en')}").ln("")
        w.put(
            "This is to certify that ",
            ("PERSON", p.roman if p.lang == "ko" else p.full),
            " (born ",
            ("DATE_OF_BIRTH", fmt_date(rng, p.dob, "en")),
            ")",
        )
        if p.lang == "ko":
            w.put(
                ", 주민등록번호 ",
                ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female))),
                ", Korean passport ",
                ("KR_PASSPORT", kr_passport(rng)),
            )
        w.ln(
            ", underwent ",
            proc(rng, "en"),
            " (",
            proc(rng, "ko"),
            ") at our clinic under the care of Dr. ",
            ("PERSON", dr.roman),
            " (",
            ("PERSON", dr.full),
            ").",
        )
        w.ln(
            "The patient is fit to fly 10 days after surgery. Diagnosis: ",
            cond(rng, "en"),
            ". Medication: ",
            drug(rng, "en"),
            ".",
        )
        w.ln("").ln("Sincerely,").ln(
            ("PERSON", dr.roman), ", MD  /  ", ("PERSON", dr.full), " 원장"
        ).ln(license_no(rng, "en"))
        return w
    p = vietnamese(rng)
    w.ln("[통역 메모] 베트남 환자 상담").ln("")
    w.ln(
        "환자: ",
        ("PERSON", p.full),
        " (",
        ("PERSON", strip_marks(p.full)),
        ")  / 생년월일 ",
        ("DATE_OF_BIRTH", fmt_date(rng, p.dob, "ko")),
    )
    w.ln(
        "CCCD: ",
        ("VN_NATIONAL_ID", vn_cccd(rng, p.dob, p.female)),
        " / 여권 ",
        ("VN_PASSPORT", vn_passport(rng)),
    )
    w.ln(
        '환자 말: "Em bị ',
        cond(rng, "vi"),
        ", đang uống ",
        drug(rng, "vi"),
        '" → ',
        cond(rng, "ko"),
        " 있고 ",
        drug(rng, "ko"),
        " 복용 중이라고 함",
    )
    w.ln("희망 시술: ", proc(rng, "vi"), " = ", proc(rng, "ko"))
    w.ln(
        "통역사 ",
        ("PERSON", vietnamese(rng).full),
        " ",
        ("PHONE_NUMBER", kr_mobile(rng)),
        ", 담당 ",
        ("PERSON", dr.full),
        " 원장",
    )
    return w


def b_invoice(rng: random.Random, lang: str) -> Text:
    """Receipt / invoice with BRN, totals, payment card and refund account."""
    w, c, p = Text(), rng.choice(CLINICS), person(rng, lang)
    d = visit_date(rng)
    head = {"ko": "진료비 계산서·영수증", "vi": "HÓA ĐƠN THANH TOÁN", "en": "INVOICE / RECEIPT"}[
        lang
    ]
    w.ln(head).ln(f"{getattr(c, lang)}   {c.phone}")
    w.ln(
        {"ko": "사업자등록번호: ", "vi": "Mã số ĐKKD: ", "en": "Business Reg. No. "}[lang],
        ("KR_BRN", kr_brn(rng, rng.random() < 0.2)),
        f"   {rng.choice(('No.', '영수증번호', 'Số HĐ'))} {order_no(rng, d)}",
    )
    w.ln(
        f"{lbl(rng, 'name', lang)}: ",
        ("PERSON", p.variant(rng)),
        f"   {lbl(rng, 'date', lang)}: {fmt_date(rng, d, lang)}",
    )
    label, number = mrn(rng, lang)
    w.ln(f"{label}: ", ("MEDICAL_RECORD_NUMBER", number)).ln("-" * 44)
    for _ in range(rng.randint(1, 4)):
        w.ln(proc(rng, lang), f"  x{rng.randint(1, 2)}   {price(rng, lang)}")
    w.ln(f"{rng.choice(('VAT 10%', '부가세', 'Thuế'))}   {price(rng, lang)}").ln("-" * 44)
    w.ln({"ko": "합계: ", "vi": "Tổng cộng: ", "en": "TOTAL: "}[lang], price(rng, lang))
    r = rng.random()
    if r < 0.45:
        w.ln(
            {"ko": "카드결제 ", "vi": "Thẻ ", "en": "Paid by card "}[lang],
            f"{rng.choice(('VISA', 'MASTER', 'BC', 'AMEX'))} ",
            f"{rng.randint(4000, 5599)}-{digits(rng, 2)}**-****-{digits(rng, 4)}",
            f"  승인번호 {digits(rng, 8)}  할부 {rng.choice(('일시불', '3개월'))}",
        )
    elif r < 0.75:
        w.ln(
            {"ko": "결제 카드번호: ", "vi": "Số thẻ thanh toán: ", "en": "Card number: "}[lang],
            ("CREDIT_CARD", credit_card(rng)),
            f"  exp {rng.randint(1, 12):02d}/{rng.randint(25, 30)}",
        )
    else:
        w.ln(
            {"ko": "환불 계좌 (해외): ", "vi": "Tài khoản hoàn tiền: ", "en": "Refund to IBAN: "}[
                lang
            ],
            ("IBAN_CODE", iban(rng)),
            " (",
            ("PERSON", p.full),
            ")",
        )
    if rng.random() < 0.3:
        w.ln(
            {"ko": "상품권 번호: ", "vi": "Mã voucher: ", "en": "Gift card no.: "}[lang],
            invalid_card(rng),
        )
    w.ln(
        {
            "ko": "* 본 영수증은 소득공제용으로 사용 가능합니다.",
            "vi": "* Hóa đơn điện tử tra cứu tại website.",
            "en": "* Thank you for choosing us.",
        }[lang]
    )
    return w


def b_registration(rng: random.Random, lang: str) -> Text:
    """New patient registration / intake card with identifiers and contacts."""
    w, p = Text(), person(rng, lang)
    w.ln(
        {
            "ko": "환 자 등 록 카 드  (초진)",
            "vi": "PHIẾU ĐĂNG KÝ KHÁM BỆNH",
            "en": "NEW PATIENT REGISTRATION",
        }[lang]
    ).ln("")
    field(w, rng, lbl(rng, "name", lang), ("PERSON", p.variant(rng)))
    if lang != "ko":
        field(
            w,
            rng,
            {"vi": "Tên tiếng Anh (theo hộ chiếu)", "en": "Name in passport"}[lang],
            ("PERSON", p.roman.upper()),
        )
    field(w, rng, lbl(rng, "dob", lang), ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    field(w, rng, lbl(rng, "sex", lang), SEX[lang][int(p.female)])
    id_fields(w, rng, lang, p)
    field(w, rng, lbl(rng, "phone", lang), ("PHONE_NUMBER", phone_for(rng, p)))
    if rng.random() < 0.7:
        field(w, rng, lbl(rng, "email", lang), ("EMAIL_ADDRESS", mail_for(rng, p)))
    field(w, rng, lbl(rng, "address", lang), ("ADDRESS", address_for(rng, p)))
    if lang == "vi":
        field(w, rng, "Số thẻ BHYT", bhyt(rng))
    w.ln(
        {
            "ko": "내원 경로: [V] 인스타그램 [ ] 지인소개 [ ] 블로그",
            "vi": "Biết đến qua: [x] TikTok [ ] Bạn bè",
            "en": "How did you hear about us: [x] Instagram [ ] Friend",
        }[lang]
    )
    w.ln(
        {"ko": "상담 희망 부위: ", "vi": "Dịch vụ quan tâm: ", "en": "Treatment of interest: "}[
            lang
        ],
        proc(rng, lang),
    )
    g = person(rng, lang)
    w.ln(
        {"ko": "비상연락처(가족): ", "vi": "Liên hệ khẩn cấp: ", "en": "Emergency contact: "}[lang],
        ("PERSON", g.full),
        " / ",
        ("PHONE_NUMBER", phone_for(rng, g)),
    )
    w.ln(
        {
            "ko": "개인정보 수집·이용 동의 [V]   서명: ",
            "vi": "Đồng ý xử lý dữ liệu cá nhân [x]  Ký tên: ",
            "en": "Privacy consent [x]  Signed: ",
        }[lang],
        ("PERSON", p.full),
        f"   {fmt_date(rng, visit_date(rng), lang)}",
    )
    return w


def ko_id_document(rng: random.Random, p: Person) -> tuple[str, Piece]:
    """Return (document type, number) for a Korean's identity document."""
    r = rng.random()
    if r < 0.3:
        return "주민등록증", ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female)))
    if r < 0.6:
        return "운전면허증", ("KR_DRIVER_LICENSE", kr_driver_license(rng))
    if r < 0.85:
        return "여권", ("KR_PASSPORT", kr_passport(rng))
    return "주민등록증(마스킹)", masked_rrn(rng, p.dob, p.female)


def id_document(rng: random.Random, p: Person) -> tuple[str, Piece]:
    """Return (document type, number) for an identity document shown at the front desk."""
    if p.lang == "ko":
        return ko_id_document(rng, p)
    r = rng.random()
    if p.lang == "vi":
        if r < 0.35:
            return "Hộ chiếu VN", ("VN_PASSPORT", vn_passport(rng))
        if r < 0.6:
            return "CCCD", ("VN_NATIONAL_ID", vn_cccd(rng, p.dob, p.female))
        if r < 0.7:
            return "CMND", ("VN_NATIONAL_ID", vn_cmnd(rng))
        return "외국인등록증 ARC", ("KR_RRN", fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female, True)))
    if r < 0.6:
        return "ARC (alien reg. card)", (
            "KR_RRN",
            fmt_rrn(rng, kr_rrn_raw(rng, p.dob, p.female, True)),
        )
    if r < 0.8:
        return "Korean passport (dual)", ("KR_PASSPORT", kr_passport(rng))
    return "RRN (invalid, re-check!)", invalid_rrn(rng, p.dob)


def b_id_check(rng: random.Random, lang: str) -> Text:
    """Front-desk identity verification log (본인확인 기록)."""
    w = Text()
    d = visit_date(rng)
    head = {
        "ko": f"본인확인 기록부  {d:%Y.%m.%d}  (원무과)",
        "vi": f"Sổ xác minh danh tính - {d:%d/%m/%Y}",
        "en": f"Front desk ID verification log - {d:%Y-%m-%d}",
    }[lang]
    w.ln(head).ln(
        "시간 | 성명 | 신분증 | 번호 | 확인자" if lang == "ko" else "time | name | ID | number | by"
    )
    desk = staff(rng, lang)
    for _ in range(rng.randint(3, 9)):
        p = person(rng, lang) if rng.random() < 0.8 else person(rng, rng.choice(LANGUAGES))
        kind, number = id_document(rng, p)
        when = f"{rng.randint(9, 18):02d}:{rng.randint(0, 59):02d}"
        w.ln(when, " | ", ("PERSON", p.full), f" | {kind} | ", number, " | ", ("PERSON", desk.full))
    w.ln(
        {
            "ko": "※ 사본 보관 금지, 확인 후 즉시 파기",
            "vi": "Không lưu bản sao.",
            "en": "Do not keep copies.",
        }[lang]
    )
    return w


HOTELS = ("Lotte Hotel Seoul", "Gangnam Stay Residence", "L7 Gangnam", "Shilla Stay Yeoksam")


def b_itinerary(rng: random.Random, lang: str) -> Text:
    """International patient coordination sheet: passport, flights, pick-up, deposit."""
    w, c = Text(), rng.choice(CLINICS)
    p = person(rng, lang) if lang != "ko" else person(rng, rng.choice(("vi", "en")))
    coord = staff(rng, lang)
    arrive = visit_date(rng)
    t = {
        "ko": (
            "해외환자 일정표",
            "환자",
            "여권",
            "입국",
            "출국",
            "픽업 담당",
            "숙소",
            "예약금",
            "메모",
        ),
        "vi": (
            "LỊCH TRÌNH KHÁCH QUỐC TẾ",
            "Khách hàng",
            "Hộ chiếu",
            "Ngày đến",
            "Ngày về",
            "Người đón",
            "Khách sạn",
            "Đặt cọc",
            "Ghi chú",
        ),
        "en": (
            "INTERNATIONAL PATIENT ITINERARY",
            "Patient",
            "Passport",
            "Arrival",
            "Departure",
            "Pick-up",
            "Hotel",
            "Deposit",
            "Notes",
        ),
    }[lang]
    w.ln(f"{t[0]} - {c.en}").ln("")
    w.ln(
        f"{t[1]}: ",
        ("PERSON", p.full),
        " / ",
        ("PERSON", p.roman.upper()),
        f" ({p.dob.year})" if rng.random() < 0.5 else "",
    )
    if p.lang == "vi":
        w.ln(
            f"{t[2]}: ",
            ("VN_PASSPORT", vn_passport(rng)),
            f"  (exp {fmt_date(rng, arrive + timedelta(days=rng.randint(400, 3000)), lang)})",
        )
    elif rng.random() < 0.4:
        w.ln(f"{t[2]}: ", ("KR_PASSPORT", kr_passport(rng)), " (Korean national)")
    w.ln(f"{lbl(rng, 'dob', lang)}: ", ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)))
    w.ln(
        "WhatsApp/Zalo: ",
        ("PHONE_NUMBER", phone_for(rng, p)),
        "  ",
        ("EMAIL_ADDRESS", mail_for(rng, p)),
    )
    flight = f"{rng.choice(('VJ', 'VN', 'KE', 'OZ', '7C', 'UA', 'BA'))}{rng.randint(100, 999)}"
    w.ln(
        f"{t[3]}: {fmt_date(rng, arrive, lang)} {flight} ICN "
        f"{rng.randint(5, 23):02d}:{rng.choice(('05', '20', '45'))}   "
        f"{t[4]}: {fmt_date(rng, arrive + timedelta(days=rng.randint(7, 21)), lang)}"
    )
    w.ln(
        f"{t[5]}: ", ("PERSON", staff_name(rng, coord, lang)), " ", ("PHONE_NUMBER", kr_mobile(rng))
    )
    hotel = rng.choice(HOTELS)
    w.ln(f"{t[6]}: {hotel}, room {rng.randint(3, 25)}{rng.randint(1, 30):02d}")
    w.ln(
        f"{t[7]}: {price(rng, lang)} ",
        rng.choice(
            (("CREDIT_CARD", credit_card(rng)), "(bank transfer)", ("IBAN_CODE", iban(rng)))
        ),
    )
    w.put(f"{t[8]}: ")
    fill(
        w,
        rng,
        lang,
        {
            "ko": "{proc} 예정, {cond} 병력 있음. {drug} 지참 요청.",
            "vi": "Làm {proc}, có {cond}, nhớ mang theo {drug}.",
            "en": "Booked for {proc}; history of {cond}; bring own {drug}.",
        }[lang],
        {},
    )
    return w.ln("")


NURSE_NOTES = {
    "ko": (
        "V/S 측정: BP {bp}, HR {hr}, BT {bt}℃. 특이사항 없음.",
        "통증 호소(NRS {n}) → {drug} 투여함.",
        "드레싱 시행, 삼출물 소량 있음.",
        "{cond} 병력 있어 혈당/혈압 재측정함.",
        "보호자 면회, 퇴원 교육 시행 ({drug} 복용법 설명).",
        "수면 중. 라운딩 시 특이 호소 없음.",
        "냉찜질 시행, 부종 감소 추세.",
        "오심 호소하여 {drug} 투여 후 호전됨.",
    ),
    "vi": (
        "DHST: HA {bp}, M {hr}, T° {bt}. Ổn định.",
        "BN đau (VAS {n}), tiêm {drug} theo y lệnh.",
        "Thay băng, vết mổ khô.",
        "Tiền sử {cond}, đo lại đường huyết.",
        "Hướng dẫn người nhà chăm sóc, cách dùng {drug}.",
        "BN ngủ yên.",
        "Chườm lạnh, sưng giảm.",
        "Buồn nôn, cho {drug}, đỡ.",
    ),
    "en": (
        "VS: BP {bp}, HR {hr}, T {bt}C. No distress.",
        "Pain {n}/10, {drug} given per order.",
        "Dressing changed, scant serous drainage.",
        "Hx {cond}; fingerstick and BP rechecked.",
        "Discharge teaching with family, {drug} schedule reviewed.",
        "Sleeping, resp even.",
        "Ice packs applied, swelling decreasing.",
        "Nausea, {drug} given with relief.",
    ),
}


def b_nursing_record(rng: random.Random, lang: str) -> Text:
    """A long multi-day nursing record for one in-patient (3-6 K characters)."""
    w, p, c = Text(), person(rng, lang), rng.choice(CLINICS)
    label, number = mrn(rng, lang)
    w.ln(
        {"ko": "간호기록지", "vi": "PHIẾU CHĂM SÓC", "en": "NURSING RECORD"}[lang],
        f"   {getattr(c, lang)}",
    )
    w.ln(
        f"{lbl(rng, 'name', lang)}: ",
        ("PERSON", p.full),
        f"   {label}: ",
        ("MEDICAL_RECORD_NUMBER", number),
        f"   {lbl(rng, 'dob', lang)}: ",
        ("DATE_OF_BIRTH", fmt_date(rng, p.dob, lang)),
    )
    w.ln(
        {"ko": "수술명: ", "vi": "Phẫu thuật: ", "en": "Procedure: "}[lang],
        proc(rng, lang),
        " / ",
        proc(rng, lang),
    ).ln("=" * 50)
    t = datetime.combine(visit_date(rng), datetime.min.time()) + timedelta(hours=7)
    nurses = [staff(rng, lang) for _ in range(3)]
    target = rng.randint(3000, 5800)
    while w.size < target:
        t += timedelta(minutes=rng.randint(40, 240))
        w.put(f"{t:%m/%d %H:%M}  ")
        ctx: dict[str, Piece] = {
            "bp": f"{rng.randint(100, 150)}/{rng.randint(60, 95)}",
            "hr": str(rng.randint(58, 110)),
            "bt": f"{rng.uniform(36.0, 37.9):.1f}",
            "n": str(rng.randint(1, 8)),
        }
        fill(w, rng, lang, rng.choice(NURSE_NOTES[lang]), ctx)
        w.ln("  / ", ("PERSON", staff_name(rng, rng.choice(nurses), lang)))
    return w


# --------------------------------------------------------------------------- negatives (no labels)

MARKETING = {
    "ko": (
        "🌸 {clinic} 봄맞이 이벤트 🌸\n✔ {p1} {price} → {price2}\n✔ {p2} {price}\n✔ {p3} 1+1\n"
        "상담문의: {phone} / 카카오톡 플러스친구 @{short}\n주소: {addr} (신사역 8번 출구 도보 "
        "3분)\n{web}\n"
        "* 개인에 따라 붓기, 멍, 비대칭 등 부작용이 발생할 수 있습니다.\n의료광고 심의필 "
        "제{year}-I20-01-{n}호"
    ),
    "vi": (
        "✨ {clinic} - Thẩm mỹ chuẩn Hàn ✨\n🔥 {p1} chỉ từ {price}\n🔥 {p2} giảm 30%\n🔥 Tặng "
        "{p3} cho 10 khách đầu tiên\n"
        "Hotline Hàn Quốc: {phone}\nĐịa chỉ: {addr_en}\nWebsite: {web}\n#thammyhan #{short} #seoul"
    ),
    "en": (
        "{clinic} - Seoul's trusted clinic for international patients\n• {p1}: from {price}\n• "
        "{p2}: from {price2}\n"
        "• Free consultation for {p3}\nEnglish-speaking coordinators, airport pick-up included.\n"
        "Call {phone} | {web}\n{addr_en}\nResults may vary. Price list valid until {year}-12-31."
    ),
}


def b_marketing(rng: random.Random, lang: str) -> Text:
    """Clinic marketing copy: public contact details and procedure names, nothing personal."""
    c = rng.choice(CLINICS)
    p1, p2, p3 = rng.sample(PROCEDURES[lang], 3)
    ctx: dict[str, Piece] = {
        "clinic": getattr(c, lang),
        "p1": p1,
        "p2": p2,
        "p3": p3,
        "price2": price(rng, lang),
        "phone": c.phone,
        "short": c.domain.split(".")[0],
        "addr": c.address_ko,
        "addr_en": c.address_en,
        "web": c.web,
        "year": str(rng.randint(2022, 2025)),
        "n": digits(rng, 4),
    }
    return fill(Text(), rng, lang, MARKETING[lang], ctx).ln("")


PRICE_NOTES = {
    "ko": ("VAT 포함", "", "1회 기준", "LOT 관리대상"),
    "vi": ("VAT incl.", "", "per session", ""),
    "en": ("VAT incl.", "", "per session", ""),
}


def b_price_list(rng: random.Random, lang: str) -> Text:
    """Procedure price list with VAT notes and version footer."""
    w, c = Text(), rng.choice(CLINICS)
    w.ln(
        {
            "ko": f"{c.ko} 비급여 진료비용 고지",
            "vi": f"BẢNG GIÁ DỊCH VỤ - {c.vi}",
            "en": f"{c.en} - Fee Schedule",
        }[lang]
    )
    w.ln(
        {
            "ko": "항목 | 코드 | 금액(원) | 비고",
            "vi": "Dịch vụ | Mã | Giá | Ghi chú",
            "en": "Item | Code | Fee | Notes",
        }[lang]
    )
    for item in rng.sample(PROCEDURES[lang], rng.randint(5, 12)):
        code = f"{rng.choice('ABCDEFGHJK')}{rng.choice('XYZ')}{digits(rng, 4)}"
        fee = price(rng, lang)
        w.ln(f"{item} | {code} | {fee} | {rng.choice(PRICE_NOTES[lang])}")
    w.ln(f"Rev. {version(rng)}  {fmt_date(rng, visit_date(rng), lang)}  Tel. {c.phone}")
    return w


DEVICES = (
    "Mentor MemoryGel Xtra 275cc",
    "Motiva Ergonomix Round 310cc",
    "Silicone nasal implant L-type 4.5mm",
    "Gore-Tex sheet 1mm",
    "PDO cog thread 19G 100mm",
    "Ethilon 6-0",
    "Vicryl 4-0",
    "Tegaderm 6x7cm",
    "Blunt cannula 23G 50mm",
    "Nasal splint (S)",
    "Compression garment size M",
    "Steri-Strip 6x75mm",
)


def b_inventory(rng: random.Random, lang: str) -> Text:
    """Implant/consumable inventory log with lot numbers, UDIs and counts."""
    w = Text()
    d = visit_date(rng)
    w.ln(
        {
            "ko": f"재고 현황 ({d:%Y.%m.%d}) - 수술실",
            "vi": f"Tồn kho phòng mổ {d:%d/%m/%Y}",
            "en": f"OR inventory {d:%Y-%m-%d}",
        }[lang]
    )
    for item in rng.sample(DEVICES, rng.randint(4, 9)):
        w.ln(
            f"{item:<40} {lot_no(rng)}  qty {rng.randint(0, 40):>3}  exp "
            f"{rng.randint(2025, 2029)}-{rng.randint(1, 12):02d}"
        )
        if rng.random() < 0.3:
            w.ln(f"    UDI {udi(rng)}  PO {order_no(rng, d)}  tracking {tracking(rng)}")
    return w


def b_it_notice(rng: random.Random, lang: str) -> Text:
    """Internal IT/maintenance notice (versions, times, ticket numbers)."""
    w = Text()
    d = visit_date(rng)
    body = {
        "ko": "[공지] EMR 정기 점검 안내\n일시: {d} 02:00 ~ 04:30\n내용: 서버 {v1} → {v2} "
        "업데이트, PACS 연동 모듈 패치\n"
        "점검 중 처방 출력 불가. 문의: 전산실 내선 {ext}\n티켓 #{t}",
        "vi": "[Thông báo] Bảo trì hệ thống HIS\nThời gian: {d} 01:00 - 03:00\nNâng cấp phiên bản "
        "{v1} lên {v2}.\n"
        "Liên hệ IT nội bộ: máy lẻ {ext}. Mã yêu cầu {t}",
        "en": "[IT] Scheduled maintenance\nWindow: {d} 02:00-04:30 KST\nUpgrade EMR {v1} -> {v2}; "
        "backup job {t}.\n"
        "Printing disabled during the window. Helpdesk ext. {ext}",
    }[lang]
    ctx: dict[str, Piece] = {
        "d": f"{d:%Y-%m-%d}",
        "v1": version(rng),
        "v2": version(rng),
        "ext": str(rng.randint(200, 899)),
        "t": f"{d:%Y%m%d}-{digits(rng, 4)}",
    }
    return fill(w, rng, lang, body, ctx).ln("")


# --------------------------------------------------------------------------- corpus

Builder = Callable[[random.Random, str], Text]
KINDS: dict[str, tuple[Builder, int]] = {
    "discharge_summary": (b_discharge, 6),
    "progress_note": (b_soap, 6),
    "lab_result": (b_lab, 5),
    "referral_letter": (b_referral, 4),
    "insurance_claim": (b_claim, 5),
    "consent_form": (b_consent, 6),
    "prescription": (b_prescription, 6),
    "preop_questionnaire": (b_questionnaire, 5),
    "reminder_log": (b_reminder, 6),
    "chat_export": (b_chat, 8),
    "patient_email": (b_email, 7),
    "booking_json": (b_booking_json, 4),
    "patient_csv": (b_csv, 4),
    "access_log": (b_access_log, 3),
    "review": (b_review, 5),
    "handover_memo": (b_handover, 4),
    "mixed_language": (b_mixed, 4),
    "invoice": (b_invoice, 5),
    "registration_form": (b_registration, 5),
    "nursing_record": (b_nursing_record, 2),
    "intl_itinerary": (b_itinerary, 4),
    "id_check_log": (b_id_check, 3),
}
NEGATIVE_KINDS: dict[str, Builder] = {
    "marketing": b_marketing,
    "price_list": b_price_list,
    "inventory": b_inventory,
    "it_notice": b_it_notice,
}
NEGATIVE_SHARE = 0.1


def generate(seed: int, n_docs: int) -> list[Doc]:
    """Return ``n_docs`` labeled documents, deterministic for ``seed``, cycling ko/vi/en."""
    chooser = random.Random(seed)
    names, weights = list(KINDS), [w for _, w in KINDS.values()]
    docs = []
    for i in range(n_docs):
        lang = LANGUAGES[i % len(LANGUAGES)]
        rng = random.Random(seed * 1_000_003 + i)
        if chooser.random() < NEGATIVE_SHARE:
            kind = chooser.choice(sorted(NEGATIVE_KINDS))
            text = NEGATIVE_KINDS[kind](rng, lang)
        else:
            kind = chooser.choices(names, weights=weights)[0]
            text = KINDS[kind][0](rng, lang)
        docs.append(Doc(f"heldout-{seed}-{i:05d}", lang, kind, text.value(), tuple(text.spans)))
    return docs


def check(docs: list[Doc]) -> None:
    """Assert every span is known, in bounds, non-empty, trimmed and non-overlapping."""
    seen: set[str] = set()
    for doc in docs:
        assert doc.doc_id not in seen, doc.doc_id
        seen.add(doc.doc_id)
        assert doc.language in LANGUAGES, doc.language
        end = 0
        for span in sorted(doc.spans, key=lambda s: s.start):
            value = doc.text[span.start : span.end]
            assert span.entity_type in ENTITY_TYPES, span
            assert 0 <= span.start < span.end <= len(doc.text), (doc.doc_id, span)
            assert span.start >= end, (doc.doc_id, "overlap", span)
            assert value == value.strip(), (doc.doc_id, repr(value))
            assert value[-1] not in ".,;:!?\"'" and value[0] not in ".,;:!?\"'", (doc.doc_id, value)
            end = span.end


def stats(docs: list[Doc]) -> str:
    """Return counts per language, kind and entity type, and the length distribution."""
    langs = Counter(d.language for d in docs)
    kinds = Counter(d.kind for d in docs)
    types = Counter((s.entity_type, d.language) for d in docs for s in d.spans)
    lengths = sorted(len(d.text) for d in docs)
    empty = sum(1 for d in docs if not d.spans)
    out = [
        f"{len(docs)} docs, {sum(lengths):,} chars, {sum(len(d.spans) for d in docs)} spans, "
        f"{empty} without spans",
        f"length: min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}, "
        f">3000: {sum(1 for n in lengths if n > 3000)}, <150: {sum(1 for n in lengths if n < 150)}",
        "languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())),
        "kinds:",
    ]
    out += [f"  {k:<22}{v:>6}" for k, v in sorted(kinds.items())]
    out.append(f"  {'entity type':<22}{'ko':>6}{'vi':>6}{'en':>6}{'total':>7}")
    for t in ENTITY_TYPES:
        row = [types[(t, lang)] for lang in LANGUAGES]
        out.append(f"  {t:<22}" + "".join(f"{n:>6}" for n in row) + f"{sum(row):>7}")
    return "\n".join(out)


def main() -> None:
    """Command line: generate, optionally dump and print statistics."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--dump", type=Path, default=None, help="directory for <id>.txt/.json")
    parser.add_argument("--stats", action="store_true", help="check the corpus and print counts")
    args = parser.parse_args()
    docs = generate(args.seed, args.docs)
    if args.stats:
        check(docs)
        print(stats(docs))
    if args.dump:
        dump(docs, args.dump)
        print(f"wrote {len(docs)} documents to {args.dump}")


if __name__ == "__main__":
    main()
