"""PERSON in Korean, Vietnamese and English: titles, labels, dictionaries, and decoys."""

from __future__ import annotations

import random
import re

import pytest

from bench.corpus import generate
from scanner.recognizers import person_en
from scanner.recognizers.person_en import (
    _GATES,
    _INITIAL_DOT,
    _LABELS,
    _TITLES,
    COMMON_FIRST_NAMES,
    COMMON_SURNAMES,
    CREDENTIALS,
    FIRST_NAMES,
    SURNAMES,
    EnglishNameRecognizer,
    _word_start,
)
from scanner.recognizers.person_ko import (
    SCORE_PARTICLE,
    SCORE_STRONG,
    KoreanNameRecognizer,
)
from scanner.recognizers.person_vi import SCORE_SHORT, VietnameseNameRecognizer

KOREAN_POSITIVES = [
    ("환자 김민수님의 주민등록번호는", ["김민수"]),
    ("환자명: 이서연", ["이서연"]),
    ("성명 박지훈", ["박지훈"]),
    ("이름:최유진", ["최유진"]),
    ("보호자 정하늘 (모)", ["정하늘"]),
    ("담당의: 강동원", ["강동원"]),
    ("원장: 윤서준", ["윤서준"]),
    ("조민지 씨는 내일 내원 예정", ["조민지"]),
    ("장예린 고객님께 안내 문자 발송", ["장예린"]),
    ("임채원 환자 수술 동의서", ["임채원"]),
    ("한지민 간호사가 확인함", ["한지민"]),
    ("오세훈 의사 소견", ["오세훈"]),
    ("서지우 선생님께 전달", ["서지우"]),
    ("남궁민수 님 예약", ["남궁민수"]),
    ("황보혜정 고객", ["황보혜정"]),
    ("제갈윤 환자", ["제갈윤"]),
    ("선우재덕 원장님 집도", ["선우재덕"]),
    ("독고영재씨 연락 바람", ["독고영재"]),
    ("권나라 보호자 동의", ["권나라"]),
    ("송하윤님께서 방문하셨습니다", ["송하윤"]),
    ("김건 님 상담", ["김건"]),
    ("김민수가 왔다. 김민수 환자는 귀가", ["김민수", "김민수"]),
    ("박서연 환자의 보호자 박준호", ["박서연", "박준호"]),
    ("유재석 씨와 통화", ["유재석"]),
    ("작성자: 문채원", ["문채원"]),
    ("담당 원장 배수지", ["배수지"]),
    ("신민아님 예약 확인", ["신민아"]),
    ("Dear 김민수님, thank you for visiting.", ["김민수"]),
    ("Patient referred by 이지은 원장 of our clinic.", ["이지은"]),
    ("Bệnh nhân được tư vấn bởi 홍길동 원장.", ["홍길동"]),
    # chat speakers
    ("[10:22] 이미경: 네 확인했습니다", ["이미경"]),
    ("2024년 3월 5일 오후 3:12, 김민수 : 안녕하세요", ["김민수"]),
    ("[김민수] [오후 3:12] 네 알겠습니다", ["김민수"]),
    ("[16:41] 박미경: S22609461", ["박미경"]),
    # labels, self-introductions, signatures
    ("처방의: 박민지", ["박민지"]),
    ("본인 문나연(생년월일 미기재)은 동의합니다", ["문나연"]),
    ("보호자 연락처: 이경수 010-1234-5678", ["이경수"]),
    ("안녕하세요, 박은지입니다. 필러 문의드려요", ["박은지"]),
    ("감사합니다.\n박은지\n010-1234-5678", ["박은지"]),
    ("김민수 드림", ["김민수"]),
    # Korean names in Vietnamese and English text
    ("Chào 신수아, lịch căng da ngày mai", ["신수아"]),
    ("Dạ chị 미경 ơi, đã xác nhận", ["미경"]),
    ("Kính gửi bác sĩ 최은지", ["최은지"]),
    ("Chào bác sĩ, tôi là 배도윤.", ["배도윤"]),
    ("Hi 조지훈, can you confirm my surgery?", ["조지훈"]),
    ("Dear Dr. 한혜진", ["한혜진"]),
    ("From: 배도윤 <someone@example.com>", ["배도윤"]),
    ("Attending: Dr. 권지민", ["권지민"]),
    ("consent to surgery after Dr. 홍도윤 explained the risks", ["홍도윤"]),
    ("Cảm ơn bác sĩ.\n배도윤 / 010-7629-2020", ["배도윤"]),
    ("The consultation with 장서준 went well.", ["장서준"]),
]
KOREAN_DECOYS = [
    "이번에 정도가 조금 심해서 재수술을 권함",
    "김치찌개를 좋아하는 환자",
    "박스에 담아 보내드립니다",
    "강남 최고의 성형외과",
    "한국 전화 문의는 수술 전에 해주세요",
    "최고의 결과를 약속드립니다",
    "신규 환자 등록",
    "이 환자는 알레르기가 있음",
    "원장님께서 직접 상담합니다",
    "선생님께 문의하세요",
    "고객님의 소중한 정보",
    "김 원장님이 상담",
    "정상 범위입니다",
    "이상 반응 없음",
    "환자 정보 변경",
    "남성 환자와 여성 환자",
    "부모님께서 동의하셨습니다",
    "한의사 선생님",
    "우리 병원 고객",
    "성명 미기재",
    "전화번호 변경 요청",
    "수술이 잘 되었습니다",
    "장모님께서 오셨습니다",
    "주부 고객 할인 이벤트",
    "진정제 환자 투여",
    "[10:22] 이번: 네 알겠습니다",
    "Address (주소): 12 Main Street",
    "Sex (성별): F",
    "Name (성함): see below",
    "안녕하세요, 수술입니다",
    "이상입니다",
    "감사합니다.\n정상 범위\n",
    "Dạ anh ơi, em hiểu rồi",
    "Hi 선생님, thanks",
]


@pytest.mark.parametrize(("text", "expected"), KOREAN_POSITIVES)
def test_korean_names_are_found(find, text, expected):
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize("text", KOREAN_DECOYS)
def test_korean_words_that_look_like_names_are_not(find, text):
    assert find(text, "PERSON") == []


def test_korean_spans_and_scores():
    recognizer = KoreanNameRecognizer()
    text = "내원: 이서연 환자, 박지훈이 동행"
    found = {text[s:e]: (s, e, score) for s, e, score in recognizer.candidates(text)}
    assert found["이서연"] == (4, 7, SCORE_STRONG)
    assert found["박지훈"] == (12, 15, SCORE_PARTICLE)


def test_a_particle_alone_stays_below_the_threshold(find):
    assert find("박지훈이 동행했다", "PERSON") == []


VIETNAMESE_POSITIVES = [
    ("Bệnh nhân Nguyễn Văn An, 45 tuổi", ["Nguyễn Văn An"]),
    ("Chị Trần Thị Bình đến tái khám", ["Trần Thị Bình"]),
    ("Họ và tên: Lê Hoàng Nam", ["Lê Hoàng Nam"]),
    ("Họ tên: Phạm Minh Tuấn", ["Phạm Minh Tuấn"]),
    ("Anh Hoàng Đức Anh gọi điện", ["Hoàng Đức Anh"]),
    ("Bà Huỳnh Thị Mai nhập viện", ["Huỳnh Thị Mai"]),
    ("Ông Đỗ Quang Huy đã thanh toán", ["Đỗ Quang Huy"]),
    ("Em Võ Ngọc Hân tái khám", ["Võ Ngọc Hân"]),
    ("Cô Đặng Thu Trang hẹn lịch", ["Đặng Thu Trang"]),
    ("khách hàng Bùi Tiến Dũng đặt cọc", ["Bùi Tiến Dũng"]),
    ("Khách hàng: Ngô Thanh Vân", ["Ngô Thanh Vân"]),
    ("Bác sĩ Dương Văn Khoa phụ trách", ["Dương Văn Khoa"]),
    ("BS. Lý Thị Hương ký tên", ["Lý Thị Hương"]),
    ("Kính gửi anh Phan Văn Trị,", ["Phan Văn Trị"]),
    ("Người nhà: Đào Thị Lan", ["Đào Thị Lan"]),
    ("Nguyễn Thị Hồng Nhung đặt lịch", ["Nguyễn Thị Hồng Nhung"]),
    ("Trần Quốc Toản đã ký", ["Trần Quốc Toản"]),
    ("Vũ Thị Thu Hà xác nhận", ["Vũ Thị Thu Hà"]),
    ("Chú Trương Văn Lâm đến", ["Trương Văn Lâm"]),
    ("Bé Lâm Gia Bảo 5 tuổi", ["Lâm Gia Bảo"]),
    ("Tên: Hồ Ngọc Hà", ["Hồ Ngọc Hà"]),
    ("Bệnh nhân Mai Phương Thảo", ["Mai Phương Thảo"]),
    ("Chị Trần An gọi lại", ["Trần An"]),
    ("Mr. Le Van Thanh visited the clinic.", ["Le Van Thanh"]),
    ("Nguyen Thi Lan called about her results.", ["Nguyen Thi Lan"]),
    ("The interpreter Tran Minh Duc joined.", ["Tran Minh Duc"]),
    ("Nguyễn Văn An 환자 상담 완료", ["Nguyễn Văn An"]),
    ("보호자 Phạm Thị Hoa 연락처", ["Phạm Thị Hoa"]),
    ("Dạ chị Trang ơi, đã xác nhận", ["Trang"]),
    ("anh Minh Tuấn ơi, em gửi lịch", ["Minh Tuấn"]),
    ("được bác sĩ Hoàng Kim Nam giải thích", ["Hoàng Kim Nam"]),
    ("Lịch tư vấn: khách Hoàng Kim Tuấn 19-10-2024", ["Hoàng Kim Tuấn"]),
    ("[14:15] Hoàng Kim Nam: 안녕하세요", ["Hoàng Kim Nam"]),
    ("Chào bác sĩ, tôi là Hoàng Kim Hà. Em muốn hỏi", ["Hoàng Kim Hà"]),
    ("본인 Hoàng Kim Trung(생년월일 미기재)", ["Hoàng Kim Trung"]),
]
VIETNAMESE_DECOYS = [
    "số 12, đường Nguyễn Trãi, phường 7",
    "phố Trần Hưng Đạo rất đông",
    "TP. Hồ Chí Minh",
    "Hồ Chí Minh City",
    "Hà Nội là thủ đô",
    "tỉnh Lâm Đồng",
    "Lý do khám: đau đầu",
    "Trần nhà bị dột",
    "Lê Lợi Street",
    "12 Lê Lợi, Quận 1",
    "Do Not Resuscitate",
    "Ho Chi Minh City",
    "quận Phú Nhuận",
    "tỉnh Cao Bằng",
    "Phạm vi điều trị",
    "đường Lê Văn Sỹ",
    "Lâm Đồng province",
    "Le Monde reported",
    "Nguyen Trai Street",
    "Hồ Sơ Bệnh Án",
    "Triệu Chứng Lâm Sàng",
    "Dịch Vụ Cao Cấp",
    "Văn Phòng Đại Diện",
    "Trời ơi, đau quá",
    "Dạ chị Bác Sĩ ơi",
    "Hoàng Kim Spa khai trương",
    "Hi Hoàng Gia Spa",
]


@pytest.mark.parametrize(("text", "expected"), VIETNAMESE_POSITIVES)
def test_vietnamese_names_are_found(find, text, expected):
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize("text", VIETNAMESE_DECOYS)
def test_vietnamese_places_and_words_are_not_names(find, text):
    assert find(text, "PERSON") == []


def test_vietnamese_spans_and_scores():
    recognizer = VietnameseNameRecognizer()
    text = "gặp Mai Anh, rồi Chị Trần Thị Bình"
    found = [(s, e, score) for s, e, score in recognizer.candidates(text)]
    assert found[0] == (4, 11, SCORE_SHORT)
    assert text[found[1][0] : found[1][1]] == "Trần Thị Bình"
    assert found[1][0] == 21


ENGLISH_POSITIVES = [
    ("Dear Mr. John Smith,", ["John Smith"]),
    ("Patient: Kim Min-su, 34", ["Kim Min-su"]),
    ("Dr. Park performed the surgery.", ["Park"]),
    ("Alex Kim called the clinic.", ["Alex Kim"]),
    ("Name: Sarah O'Connor", ["Sarah O'Connor"]),
    ("Mrs. Emily Watson signed the form.", ["Emily Watson"]),
    ("Ms. Lee Ji-eun will attend.", ["Lee Ji-eun"]),
    ("Prof. Michael Brown reviewed it.", ["Michael Brown"]),
    ("Dear Jennifer,", ["Jennifer"]),
    ("Guardian: Park Soo-jin", ["Park Soo-jin"]),
    ("Emergency contact: David Miller", ["David Miller"]),
    ("Min-su Kim arrived early.", ["Min-su Kim"]),
    ("Referred by Dr. Choi Young-ho.", ["Choi Young-ho"]),
    ("Thank you, Mary Johnson.", ["Mary Johnson"]),
    ("Robert A. Davis paid by card.", ["Robert A. Davis"]),
    ("Mr. Brown is recovering.", ["Brown"]),
    ("Patient name: Linda Taylor", ["Linda Taylor"]),
    ("Attn: Kevin Nguyen", ["Kevin Nguyen"]),
    ("From: Jessica Lee", ["Jessica Lee"]),
    ("cc: Daniel Martinez", ["Daniel Martinez"]),
    ("Sincerely, Dr. Kim Ji-hoon", ["Kim Ji-hoon"]),
    ("Miss Olivia Wilson checked in.", ["Olivia Wilson"]),
    ("Surgeon: Lee Seung-hoon", ["Lee Seung-hoon"]),
    ("James O'Neil booked a consultation.", ["James O'Neil"]),
    ("our nurse Rachel Green confirmed", ["Rachel Green"]),
    ("Dr. McDonald will call.", ["McDonald"]),
    ("환자 상담: Dr. Sarah Connor 참석", ["Sarah Connor"]),
    ("Hi Andrew Morgan, confirmed.", ["Andrew Morgan"]),
    ("Hi Grace Clark, confirmed.", ["Grace Clark"]),
    ("Hello, this is Grace Bennett. My surgery was", ["Grace Bennett"]),
    ("My name is Hope Larson.", ["Hope Larson"]),
    ("I, Grace Parker (date of birth unknown), consent", ["Grace Parker"]),
    ("Best regards,\nGrace Bennett / +44 20 7946 4163", ["Grace Bennett"]),
    ("[14:02] Grace Clark: Hi there", ["Grace Clark"]),
    ("안녕하세요, Michael Miller입니다.", ["Michael Miller"]),
    ("네 Robert Thompson님 확인되었습니다", ["Robert Thompson"]),
    ("상담 예약: Grace Wilson 고객 2021-12-16", ["Grace Wilson"]),
    ("환자명: Grace Bennett", ["Grace Bennett"]),
    ("Bệnh nhân: Grace Bennett", ["Grace Bennett"]),
    ("감사합니다.\nGrace Parker / +44 20 7946 4163", ["Grace Parker"]),
    ("본인 Grace Bennett(생년월일 미기재)", ["Grace Bennett"]),
]
ENGLISH_DECOYS = [
    "May 2023 follow-up",
    "Seoul Station exit 3",
    "Juvederm Ultra Plus",
    "Please Call Us Today",
    "Dear Customer,",
    "Dear Patient,",
    "Grace Hospital",
    "Thank You For Visiting",
    "Botox Package special",
    "June Clinic Day",
    "Gangnam Station",
    "Mark Down prices",
    "Will Power",
    "Patient Consent Form",
    "Room 5 is ready",
    "Monday Morning",
    "Main Street",
    "Apple Watch",
    "Christmas Eve",
    "Follow Up",
    "Christian Dior skincare",
    "Best regards,\nFront Desk Team",
    "Thanks,\nSeoul Beauty Clinic",
    "Hi Team,",
    "Hello Everyone",
    "Hi there, Summer Sale starts",
    "Dear Valued Customer,",
    "I, the undersigned, agree",
    "Botox 환자 20% 할인",
    "Juvederm 고객 이벤트",
    "10:30 Blood Pressure: 120/80",
    "[09:00] Front Desk: welcome",
    "This is Gangnam Station",
    "Cảm ơn quý khách.\nSeoul Beauty Clinic",
    "감사합니다.\nBest Regards",
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_POSITIVES)
def test_english_names_are_found(find, text, expected):
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize("text", ENGLISH_DECOYS)
def test_english_capitalised_words_are_not_names(find, text):
    assert find(text, "PERSON") == []


def test_english_title_is_not_part_of_the_span():
    text = "Dear Mr. John Smith,"
    spans = {(s, e) for s, e, _ in EnglishNameRecognizer().candidates(text)}
    assert spans == {(9, 19)}


# Structure and name lists: names the lists do not hold where the structure decides (title,
# label, initial + context), and names they hold in each new form.
ENGLISH_LIST_POSITIVES = [
    ("Seen by Dr. Nakamura today.", ["Nakamura"]),
    ("Mrs. Thorsdottir called.", ["Thorsdottir"]),
    ("signed by T. Okonkwo", ["T. Okonkwo"]),
    ("J. Smith will bring the forms.", ["J. Smith"]),
    ("reviewed, J Hughes", ["J Hughes"]),
    ("Mary Ann Smith checked in.", ["Mary Ann Smith"]),
    ("John F. Kennedy Jr was the donor", ["John F. Kennedy"]),
    ("Contact: Hughes, Rebecca", ["Hughes, Rebecca"]),
    ("Johnson, Mary and Lopez, Carlos attended.", ["Johnson, Mary", "Lopez, Carlos"]),
    ("We called Sarah Smith-Jones back.", ["Sarah Smith-Jones"]),
    ("Invoice for Garcia-Lopez, Ana", ["Garcia-Lopez, Ana"]),
    ("Talked with Jennifer McAllister about fees.", ["Jennifer McAllister"]),
    ("Grace Wright booked a consultation.", ["Grace Wright"]),
    ("We met Rose Turner at noon.", ["Rose Turner"]),
    ("Aaliyah Brooks paid by card.", ["Aaliyah Brooks"]),
    ("Jayden Alvarez missed his visit.", ["Jayden Alvarez"]),
    ("spoke with patient Xochitl Alvarez", ["Xochitl Alvarez"]),
    ("Dr. J. R. Hughes", ["J. R. Hughes"]),
    ("Emily Watson, David Miller", ["Emily Watson", "David Miller"]),
]
ENGLISH_LIST_DECOYS = [
    "Will you call us back?",
    "Grace period applies",
    "Young adults welcome",
    "King size bed",
    "Rose Hill Road",
    "Brown Street",
    "Mark the box",
    "May 2024",
    "Dr. appointment",
    "Amlodipine Besylate",
    "Seoul National University",
    "Rose Hill",
    "Grace Period Ends",
    "Long Beach",
    "Hepatitis B. Miller negative",
    "Vitamin C. Brown rice",
    "A Brown bag",
    "Still, David said",
    "Jasmine Rice",
    "Austin Texas",
    "Will Power",
    "Virginia Beach",
    "Hoàng Kim Spa",
    "Plan B. Turner",
    "Young, Rebecca",
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_LIST_POSITIVES)
def test_english_names_from_lists_and_structure(find, text, expected):
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize("text", ENGLISH_LIST_DECOYS)
def test_english_common_words_do_not_make_names(find, text):
    assert find(text, "PERSON") == []


# Faker-like sentences written for these tests (clinic notes, e-mails, letters), names chosen
# without looking at the lists, and decoys. On the recognizer before the census lists:
# precision 0.765, recall 0.394; now 1.000 and 0.939 (two misses, marked xfail).
ENGLISH_UNSEEN_TEXT = [
    (
        "Please send the discharge summary to Jennifer Alvarez at the front desk.",
        ["Jennifer Alvarez"],
    ),
    ("Patient Marcus O'Neill was seen on 12 March for a follow-up.", ["Marcus O'Neill"]),
    ("Contact: Hughes, Rebecca", ["Hughes, Rebecca"]),
    ("The consent form was signed by T. Nakamura on arrival.", ["T. Nakamura"]),
    ("Dr. Okonkwo reviewed the biopsy results this morning.", ["Okonkwo"]),
    ("Ms. Thorsdottir asked whether the swelling is normal.", ["Thorsdottir"]),
    ("Referred by Dr. A. Castellanos, St Mary's practice.", ["A. Castellanos"]),
    ("Brandon Whitfield called to reschedule his appointment.", ["Brandon Whitfield"]),
    ("Invoice prepared for Latoya Pemberton, paid in full.", ["Latoya Pemberton"]),
    ("Anesthesia was given by Gregory Vance, CRNA.", ["Gregory Vance"]),
    ("Attendees: Kowalski, Diane", ["Kowalski, Diane"]),
    ("Attendees: Kowalski, Diane; Okafor, Maureen", ["Kowalski, Diane", "Okafor, Maureen"]),
    ("Coordinator Priya Sharma and Dr. Yuki Tanaka met Dmitri Ivanov.",
     ["Priya Sharma", "Yuki Tanaka", "Dmitri Ivanov"]),
    pytest.param(
        "Attendees: Ferreira, Paulo",
        ["Ferreira, Paulo"],
        marks=pytest.mark.xfail(strict=True, reason="Paulo is not a known first name"),
    ),
    ("Mary Ellen Sutherland is the emergency contact.", ["Mary Ellen Sutherland"]),
    ("Her husband, Douglas R. Pritchard, will drive her home.", ["Douglas R. Pritchard"]),
    ("Grace Whitaker confirmed the 10:30 slot.", ["Grace Whitaker"]),
    ("We spoke with Rose McAllister about the aftercare.", ["Rose McAllister"]),
    ("Note from J. Abernathy: wound healing well.", ["J. Abernathy"]),
    ("Per Hope Castillo, the lab will fax the results.", ["Hope Castillo"]),
    ("Nurse Priya Raman changed the dressing at 14:00.", ["Priya Raman"]),
    ("Patient name: Zoltan Farkas", ["Zoltan Farkas"]),
    ("Dear Ms. Abernathy-Cole, your results are ready.", ["Abernathy-Cole"]),
    (
        "Kindly forward this to Terrence Blackwood and Shauna Delacroix.",
        ["Terrence Blackwood", "Shauna Delacroix"],
    ),
    ("Signed: Winifred Hargreaves", ["Winifred Hargreaves"]),
    ("The scan was booked by Kendra Lockhart yesterday.", ["Kendra Lockhart"]),
    ("Mr. Oyelaran prefers to be contacted by email.", ["Oyelaran"]),
    ("Prescriber: Dr. Elena Vasquez-Moreno", ["Elena Vasquez-Moreno"]),
    ("Follow-up with Ricardo Salgado in two weeks.", ["Ricardo Salgado"]),
    ("Spoke to patient Xiomara Quintanilla about fasting.", ["Xiomara Quintanilla"]),
    ("Witness: Harold Finch", ["Harold Finch"]),
    ("Cc: Fitzgerald, Maureen", ["Fitzgerald, Maureen"]),
    ("Will you confirm the appointment by Friday?", []),
    ("The grace period for payment is 30 days.", []),
    ("Young adults often need a lower dose.", []),
    ("The room has a King size bed for overnight stays.", []),
    ("Parking is available on Rose Hill Road.", []),
    ("Our second clinic is on Brown Street near the station.", []),
    ("Mark the box if you have allergies.", []),
    ("Your next visit is in May 2024.", []),
    ("Please book a Dr. appointment online.", []),
    ("Current medication: Amlodipine Besylate 5 mg daily.", []),
    ("She trained at Seoul National University Hospital.", []),
    ("Grace Period Ends Soon", []),
    ("Long Beach Memorial referred the case.", []),
    ("Take Vitamin D. Brown rice is fine.", []),
    ("Hepatitis B. Miller test negative.", []),
    ("Jasmine Rice and Ginger Tea are on the menu.", []),
    ("Austin Texas office closed on Monday.", []),
    ("Summer Sale: Hyaluronic Filler 20% off", []),
    ("Patient Portal login issues: call Front Desk.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_UNSEEN_TEXT)
def test_english_unseen_text(find, text, expected):
    assert [value for _, value in find(text, "PERSON")] == expected


def test_english_name_lists_mark_common_words():
    assert {"Grace", "Rose", "Hope"} <= COMMON_FIRST_NAMES
    assert {"Brown", "Young", "King", "Long"} <= COMMON_SURNAMES
    assert "Jennifer" in FIRST_NAMES and "Jennifer" not in COMMON_FIRST_NAMES
    assert "Alvarez" in SURNAMES and len(SURNAMES) > 9000 and len(FIRST_NAMES) > 3000


# pieces of the contexts every English pass looks for, and letters that case-fold oddly
ENGLISH_PIECES = [
    "Dr. ", "Mr KIM MIN-SU", "Prof ", "Hi ", "hi, ", "Welcome Back ", "good morning ", "HUSBAND, ",
    "than\u212as ", "FIANCÉ ", "my name is ", "Patient: ", "Verified by: ", "CC: ", "; ", "I, ",
    "Ji-hoon", "Park ", "(21/F)", ", MD", " M.D.", " J. ", "[14:02] ", "Sarah: ", "감사합니다.\n",
    "환자명: ", "님", " 고객", "Họ tên: ", "Trân trọng\n", "\n08/04 10:01", "Kim Sol", "Minji ",
    "BYUN MINJI ", "Hughes, Rebecca", "June Palmer", "Grace ", "Lee", "John ", "Smith", "Ivy E.",
    " on ", "·", ",M,", "\tF\t", "(signature)", "A-reum Kim", "Emma Ward", "MD", "(RN)", "İ", "ſ",
    " ", "\n", "x", "2", "-", ".",
]  # fmt: skip


# one name of each kind the passes find
ENGLISH_EXAMPLES = [
    "Dr. Park Ji-hoon", "Dr. NOH SUA", "Patient: Ruby Ford … RUBY FORD", "Verified by: John Smith",
    "CC: Grace Lee; Will Powell", "I, Sky Cruz", "환자명: Grace Lee", "[14:02] Grace Clark: ok",
    "감사합니다.\nGrace Parker", "Grace Lee 님", "Hughes, Rebecca", "Sarah: see you", "Hi Will,",
    "her daughter Noah", "Your coordinator Byul Bang", "this is MA BYUL", "Ariana B. · 08/11",
    "Jade Short, MD", "Emma Ward\nMD", "Sky Rogers (RN)", "Faith Ward (21/F)", "10,Bill King,M,",
    "Eom Sol\n08/04 10:01", "Kim Min-su", "A-reum Kim", "Cho Nayeon", "CLAIRE WONG", "HA MINJI",
    "J. Smith",
]  # fmt: skip


@pytest.fixture(scope="module")
def english_texts() -> list[str]:
    rng = random.Random(20261125)
    pieces = ["".join(rng.choices(ENGLISH_PIECES, k=rng.randrange(1, 14))) for _ in range(4000)]
    around = [
        "".join(rng.choices(ENGLISH_PIECES, k=2)) + example + rng.choice(ENGLISH_PIECES)
        for example in ENGLISH_EXAMPLES
        for _ in range(20)
    ]
    return [doc.text for doc in generate(21, 400)] + ENGLISH_EXAMPLES + pieces + around


def test_english_gates_skip_only_passes_that_find_nothing(english_texts, monkeypatch):
    recognizer = EnglishNameRecognizer()
    with_hyperscan = [sorted(recognizer.candidates(text)) for text in english_texts]
    monkeypatch.setattr(
        person_en, "_GATE_FILTER", person_en.Prefilter(list(_GATES.values()), hyperscan=False)
    )
    with_re = [sorted(recognizer.candidates(text)) for text in english_texts]
    monkeypatch.setattr(person_en, "_GATE_FILTER", None)  # every pass runs
    for text, hyperscan_found, re_found in zip(english_texts, with_hyperscan, with_re, strict=True):
        expected = sorted(recognizer.candidates(text))
        assert hyperscan_found == expected, text
        assert re_found == expected, text


@pytest.mark.skipif(person_en._GATE_FILTER is None, reason="hyperscan is not installed")
def test_every_english_gate_reaches_hyperscan():
    gates = person_en._GATE_FILTER
    assert gates is not None and gates._text._fallback == [] and gates._lowered._fallback == []


@pytest.mark.parametrize(
    ("branches", "sample"),
    [
        (_LABELS, ["Patient's name", "Patient ID holder", "Signed by", "I am", "I'm", "I,", "In"]),
        (_TITLES, ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr", "Doctor", "Prof"]),
        (tuple(sorted(CREDENTIALS, key=len, reverse=True)), ["MD", "M.D.", "PA-C", "PA", "PhD"]),
    ],
)
def test_branches_grouped_by_first_letter_match_as_the_plain_alternation(branches, sample):
    rng = random.Random(4)
    separators = [" ", ": ", ", ", "\n", "x", "A", "-", ".", " Grace Lee", "Pt", "R"]
    texts = ["".join(rng.choices(sample + separators, k=8)) for _ in range(2000)]
    grouped = re.compile(rf"(?:{_word_start(branches)})[ \t]*(?P<next>[:,]?[ \t]*[A-Z]\w*)?")
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(branches)})[ \t]*(?P<next>[:,]?[ \t]*[A-Z]\w*)?")
    for text in texts:
        expected = [(m.span(), m.group("next")) for m in plain.finditer(text)]
        assert [(m.span(), m.group("next")) for m in grouped.finditer(text)] == expected


def test_an_initial_is_found_from_its_dot(english_texts):
    from_blank = re.compile(r"[ \t][A-Z]\.(?=[ \t]*(?:$|\r?\n|[·|,(\-–—]|on\b|\d))", re.MULTILINE)
    for text in english_texts + ["Ivy E.", "x J.\n", "Will P. on 3/4", " A.·", "\tB.2"]:
        expected = [match.start() + 2 for match in from_blank.finditer(text)]
        assert [dot.start() for dot in _INITIAL_DOT.finditer(text)] == expected
