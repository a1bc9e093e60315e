"""ADDRESS in Korean, Vietnamese and English: whole-address spans, and decoys."""

from __future__ import annotations

import random

import pytest

from bench.corpus import generate
from scanner.recognizers.address import (
    _VI_ADDRESS,
    _VI_SEPARATOR,
    SCORE_KO_DISTRICT,
    SCORE_KO_FULL,
    EnglishAddressRecognizer,
    KoreanAddressRecognizer,
    VietnameseAddressRecognizer,
    _on_lines_with,
)
from scanner.recognizers.trigger import Prefilter

KOREAN_POSITIVES = [
    ("서울특별시 강남구 테헤란로 123, 4층", "서울특별시 강남구 테헤란로 123, 4층"),
    ("서울 강남구 논현동 123-45 거주", "서울 강남구 논현동 123-45"),
    ("경기도 성남시 분당구 판교역로 235 (삼평동)", "경기도 성남시 분당구 판교역로 235 (삼평동)"),
    ("부산 해운대구 우동 1408번지", "부산 해운대구 우동 1408번지"),
    ("강남구 도산대로45길 12 리더스빌딩 5층 501호", "강남구 도산대로45길 12 리더스빌딩 5층 501호"),
    ("서울시 서초구 강남대로 405", "서울시 서초구 강남대로 405"),
    ("인천광역시 연수구 송도과학로 32", "인천광역시 연수구 송도과학로 32"),
    ("대구 수성구 범어동 123-4", "대구 수성구 범어동 123-4"),
    (
        "주소: 서울특별시 마포구 양화로 45, 101동 1203호",
        "서울특별시 마포구 양화로 45, 101동 1203호",
    ),
    ("경기 수원시 영통구 광교중앙로 140", "경기 수원시 영통구 광교중앙로 140"),
    ("제주특별자치도 제주시 첨단로 242", "제주특별자치도 제주시 첨단로 242"),
    ("서울 종로구 종로1가 24", "서울 종로구 종로1가 24"),
    ("충청북도 청주시 상당구 상당로 155", "충청북도 청주시 상당구 상당로 155"),
    ("강원도 춘천시 중앙로 1", "강원도 춘천시 중앙로 1"),
    (
        "서울특별시 송파구 올림픽로 300 롯데월드타워 20층",
        "서울특별시 송파구 올림픽로 300 롯데월드타워 20층",
    ),
    ("울산 남구 삼산로 200", "울산 남구 삼산로 200"),
    ("세종특별자치시 한누리대로 2130", "세종특별자치시 한누리대로 2130"),
    ("대전광역시 유성구 대학로 99", "대전광역시 유성구 대학로 99"),
    ("경상남도 창원시 의창구 중앙대로 151", "경상남도 창원시 의창구 중앙대로 151"),
    ("서울 강남구 압구정로 340, 3층 (신사동)", "서울 강남구 압구정로 340, 3층 (신사동)"),
    (
        "경기도 고양시 일산동구 중앙로 1275번길 38",
        "경기도 고양시 일산동구 중앙로 1275번길 38",
    ),
    ("서울 강남구 역삼동 산 12-3", "서울 강남구 역삼동 산 12-3"),
    ("광주광역시 서구 내방로 111", "광주광역시 서구 내방로 111"),
    ("주소는 서울 강남구 테헤란로 123에 있습니다", "서울 강남구 테헤란로 123"),
    ("충남 천안시 서북구 불당동 1234", "충남 천안시 서북구 불당동 1234"),
    ("Address: 서울 강남구 논현로 508", "서울 강남구 논현로 508"),
    ("Địa chỉ tại Hàn Quốc: 서울 서초구 서초대로 77", "서울 서초구 서초대로 77"),
]
KOREAN_DECOYS = [
    "강남구청역 3번 출구",
    "강남 최고의 성형외과",
    "수술비 1,200,000원",
    "혹시 활동 2회",
    "연구 결과가 3개",
    "서울대병원 5층",
    "강남역 11번 출구",
    "강남구 소재 병원",
    "서울 강남구에 위치한 클리닉",
    "3층 상담실",
    "대표번호 1588-1234",
    "서울 강남구 논현로 1,200,000원",
    "서울시 2024년 통계",
    "서울 강남구 청담동 피부과",
    "경기도 지역 100명",
    "다시 시작 3회차",
]


def _addresses(find, text: str) -> list[str]:
    return [value for _, value in find(text, "ADDRESS")]


@pytest.mark.parametrize(("text", "expected"), KOREAN_POSITIVES)
def test_korean_addresses_are_found_whole(find, text, expected):
    assert _addresses(find, text) == [expected]


@pytest.mark.parametrize("text", KOREAN_DECOYS)
def test_korean_landmarks_prices_and_marketing_are_not_addresses(find, text):
    assert _addresses(find, text) == []


def test_korean_offsets_and_scores():
    text = "주소: 서울 강남구 논현동 123-45 / 강남구 논현로 12"
    found = list(KoreanAddressRecognizer().candidates(text))
    assert found == [(4, 21, SCORE_KO_FULL), (24, 34, SCORE_KO_DISTRICT)]


VIETNAMESE_POSITIVES = [
    (
        "số 12, đường Nguyễn Trãi, phường 7, quận 5, TP. Hồ Chí Minh.",
        "số 12, đường Nguyễn Trãi, phường 7, quận 5, TP. Hồ Chí Minh",
    ),
    ("Địa chỉ: 45 Lê Lợi, Quận 1, TP.HCM", "45 Lê Lợi, Quận 1, TP.HCM"),
    ("xã Tân Phú, huyện Đức Hòa, tỉnh Long An", "xã Tân Phú, huyện Đức Hòa, tỉnh Long An"),
    ("Số 8 Tràng Thi, Hoàn Kiếm, Hà Nội", "Số 8 Tràng Thi, Hoàn Kiếm, Hà Nội"),
    ("12/3 Nguyễn Văn Cừ, P. 4, Q. 5", "12/3 Nguyễn Văn Cừ, P. 4, Q. 5"),
    ("đường Lê Duẩn, quận Hải Châu, Đà Nẵng", "đường Lê Duẩn, quận Hải Châu, Đà Nẵng"),
    ("Số nhà 25, ngõ 10, phố Huế, Hà Nội", "Số nhà 25, ngõ 10, phố Huế, Hà Nội"),
    (
        "phường Bến Nghé, quận 1, TP. Hồ Chí Minh",
        "phường Bến Nghé, quận 1, TP. Hồ Chí Minh",
    ),
    (
        "120 Trần Hưng Đạo, phường Nguyễn Cư Trinh, quận 1",
        "120 Trần Hưng Đạo, phường Nguyễn Cư Trinh, quận 1",
    ),
    (
        "thôn 3, xã Hòa Phú, huyện Hòa Vang, Đà Nẵng",
        "thôn 3, xã Hòa Phú, huyện Hòa Vang, Đà Nẵng",
    ),
    ("Địa chỉ: 78 Hai Bà Trưng, Hoàn Kiếm, Hà Nội", "78 Hai Bà Trưng, Hoàn Kiếm, Hà Nội"),
    (
        "ấp Bình Hòa, xã Bình Chánh, huyện Bình Chánh",
        "ấp Bình Hòa, xã Bình Chánh, huyện Bình Chánh",
    ),
    (
        "tổ 5, phường Quang Trung, thành phố Thái Nguyên",
        "tổ 5, phường Quang Trung, thành phố Thái Nguyên",
    ),
    ("235 Nguyễn Văn Linh, quận 7, TP.HCM", "235 Nguyễn Văn Linh, quận 7, TP.HCM"),
    (
        "số 1 đường Đại Cồ Việt, Hai Bà Trưng, Hà Nội",
        "số 1 đường Đại Cồ Việt, Hai Bà Trưng, Hà Nội",
    ),
    (
        "khu phố 2, phường Linh Trung, thành phố Thủ Đức",
        "khu phố 2, phường Linh Trung, thành phố Thủ Đức",
    ),
    ("hẻm 51 Cao Thắng, quận 3", "hẻm 51 Cao Thắng, quận 3"),
    (
        "Tầng 5, 72 Lê Thánh Tôn, Bến Nghé, Quận 1",
        "72 Lê Thánh Tôn, Bến Nghé, Quận 1",
    ),
    (
        "thị trấn Củ Chi, huyện Củ Chi, TP. Hồ Chí Minh",
        "thị trấn Củ Chi, huyện Củ Chi, TP. Hồ Chí Minh",
    ),
    ("Phường 12, Quận Gò Vấp, TP.HCM", "Phường 12, Quận Gò Vấp, TP.HCM"),
    ("đường 3 Tháng 2, quận 10", "đường 3 Tháng 2, quận 10"),
    (
        "số 5 phố Hàng Bài, quận Hoàn Kiếm, Hà Nội",
        "số 5 phố Hàng Bài, quận Hoàn Kiếm, Hà Nội",
    ),
    ("tỉnh Bình Dương, Việt Nam", "tỉnh Bình Dương, Việt Nam"),
    ("huyện Cần Giờ, TP. Hồ Chí Minh", "huyện Cần Giờ, TP. Hồ Chí Minh"),
    ("Ngõ 46 Phạm Ngọc Thạch, Đống Đa, Hà Nội", "Ngõ 46 Phạm Ngọc Thạch, Đống Đa, Hà Nội"),
    ("주소: số 7, đường Lý Thường Kiệt, quận 10", "số 7, đường Lý Thường Kiệt, quận 10"),
]
VIETNAMESE_DECOYS = [
    "phòng 5, giá 120.000 đồng",
    "quận 5",
    "Bệnh nhân Nguyễn Văn An, 45 tuổi",
    "Hà Nội",
    "Ngày 12/10/2023, tái khám",
    "số điện thoại 0912 345 678",
    "số lượng 2, đơn giá 500.000",
    "tầng 3",
    "lầu 2, phòng 201",
    "mã đơn 20231012345",
    "Hồ Chí Minh",
    "TP.HCM",
    "Chi phí: 1.234.567 đồng, thanh toán 2 lần",
    "Bệnh viện Chợ Rẫy",
    "Khám lần 2, ngày 15",
    "Tổng chi phí 1.234.567 đồng, mã đơn 20231012345.",
]


@pytest.mark.parametrize(("text", "expected"), VIETNAMESE_POSITIVES)
def test_vietnamese_addresses_are_found_whole(find, text, expected):
    assert _addresses(find, text) == [expected]


@pytest.mark.parametrize("text", VIETNAMESE_DECOYS)
def test_vietnamese_prices_rooms_and_lone_places_are_not_addresses(find, text):
    assert _addresses(find, text) == []


def test_vietnamese_offsets():
    text = "Địa chỉ: 45 Lê Lợi, Quận 1, TP.HCM."
    assert [(s, e) for s, e, _ in VietnameseAddressRecognizer().candidates(text)] == [(9, 34)]


ENGLISH_POSITIVES = [
    (
        "123 Main Street, Apt 4B, Springfield, IL 62704.",
        "123 Main Street, Apt 4B, Springfield, IL 62704",
    ),
    ("123 Teheran-ro, Gangnam-gu, Seoul 06234", "123 Teheran-ro, Gangnam-gu, Seoul 06234"),
    ("1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW"),
    ("221B Baker Street, London", "221B Baker Street, London"),
    ("350 Fifth Avenue, New York, NY 10118", "350 Fifth Avenue, New York, NY 10118"),
    ("42 Wallaby Way, Sydney", "42 Wallaby Way, Sydney"),
    ("10 Downing St, London", "10 Downing St, London"),
    (
        "500 W. Madison St., Suite 1000, Chicago, IL 60661",
        "500 W. Madison St., Suite 1000, Chicago, IL 60661",
    ),
    ("1 Infinite Loop, Cupertino, CA 95014", "1 Infinite Loop, Cupertino, CA 95014"),
    ("77 Massachusetts Ave, Cambridge, MA 02139", "77 Massachusetts Ave, Cambridge, MA 02139"),
    ("4059 Mt Lee Dr, Hollywood, CA 90068", "4059 Mt Lee Dr, Hollywood, CA 90068"),
    ("88 Gangnam-daero, Seocho-gu, Seoul", "88 Gangnam-daero, Seocho-gu, Seoul"),
    (
        "12 Nonhyeon-ro 175-gil, Gangnam-gu, Seoul 06027",
        "12 Nonhyeon-ro 175-gil, Gangnam-gu, Seoul 06027",
    ),
    ("742 Evergreen Terrace, Springfield", "742 Evergreen Terrace, Springfield"),
    ("1 Market St #300, San Francisco, CA 94105", "1 Market St #300, San Francisco, CA 94105"),
    ("15 Elm Rd, Unit 7, Austin, TX 78701", "15 Elm Rd, Unit 7, Austin, TX 78701"),
    ("99 Ocean Blvd, Miami, FL 33139", "99 Ocean Blvd, Miami, FL 33139"),
    ("She lives at 2 Sunset Ln now.", "2 Sunset Ln"),
    (
        "3000 Lakeshore Dr, Apt 12, Oakland, CA 94610",
        "3000 Lakeshore Dr, Apt 12, Oakland, CA 94610",
    ),
    ("8 Queen's Road, Hong Kong", "8 Queen's Road, Hong Kong"),
    ("450 Sutter Street, Floor 5, San Francisco", "450 Sutter Street, Floor 5, San Francisco"),
    ("600 Montgomery Place", "600 Montgomery Place"),
    ("31 Spooner Street, Quahog, RI 00093", "31 Spooner Street, Quahog, RI 00093"),
    ("16 Pine Court, Denver, CO 80202", "16 Pine Court, Denver, CO 80202"),
    ("Ship to: 55 Water Street, Brooklyn, NY 11201", "55 Water Street, Brooklyn, NY 11201"),
    ("45 Olympic-ro 35-gil, Songpa-gu, Seoul", "45 Olympic-ro 35-gil, Songpa-gu, Seoul"),
    ("환자 주소: 123 Main Street, Springfield", "123 Main Street, Springfield"),
]
ENGLISH_DECOYS = [
    "Room 5",
    "5 Star Clinic",
    "Follow-up in 2 weeks",
    "3 Main Points",
    "Floor 3",
    "Suite 200",
    "Order 12345",
    "$1,200 total",
    "Seoul Station Exit 3",
    "Gangnam Station",
    "Call 555-1234",
    "123 Main",
    "4 Drive Modes",
    "2 tablets daily",
    "Invoice 2023-001",
    "10 Best Places to visit",
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_POSITIVES)
def test_english_street_addresses_are_found_whole(find, text, expected):
    assert _addresses(find, text) == [expected]


@pytest.mark.parametrize("text", ENGLISH_DECOYS)
def test_english_rooms_prices_and_stations_are_not_addresses(find, text):
    assert _addresses(find, text) == []


def test_english_offsets():
    text = "Lives at 2 Sunset Ln now."
    assert [(s, e) for s, e, _ in EnglishAddressRecognizer().candidates(text)] == [(9, 20)]


BRITISH_AND_AUSTRALIAN = [
    (
        "My mailing address is 130 Elm Close, Edinburgh EH10 4BF.",
        "130 Elm Close, Edinburgh EH10 4BF",
    ),
    ("Flat 10, 26 Grove Park, Leeds LS6 2QT.", "Flat 10, 26 Grove Park, Leeds LS6 2QT"),
    ("Home address - 32 Elm Close, London SW11 2JP", "32 Elm Close, London SW11 2JP"),
    ("24/285 Wilshire Pde, Southbank VIC 3006", "24/285 Wilshire Pde, Southbank VIC 3006"),
    ("Address - 170 Oak Pde, Surry Hills NSW 2010", "170 Oak Pde, Surry Hills NSW 2010"),
    ("I live at 9 Rose Crescent, Bath BA1 2AB", "9 Rose Crescent, Bath BA1 2AB"),
]


@pytest.mark.parametrize(("text", "expected"), BRITISH_AND_AUSTRALIAN)
def test_british_and_australian_addresses_are_found_whole(find, text, expected):
    assert _addresses(find, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Rev. v9.19.13  June 21, 2022  Tel. 02-545-7700",  # a version and a date, not a house
        "Room 5, Ward 3",
        "Invoice INV-2023 EH10 total",
    ],
)
def test_versions_dates_and_wards_are_not_addresses(find, text):
    assert _addresses(find, text) == []


# a clinic's own address, in its letterhead, footer, advert or directions, is not personal
ORGANISATION_ADDRESSES = [
    "Raon Plastic Surgery Clinic\n5-7F, 318 Dosan-daero, Gangnam-gu, Seoul\nTel 02-545-7700",
    "밝은성형외과의원\n서울특별시 강남구 압구정로 123\nTel. 02-545-7700 | www.example.co.kr",
    "밝은성형외과의원 | 서울 서초구 강남대로 553, 5층 | 대표번호 1588-1234",
    "오시는 길: 서울특별시 강남구 도산대로 318, 5-7층 (신사역 8번 출구 도보 3분)",
    "Thẩm mỹ viện Ánh Dương\n529 Trần Duy Hưng, Cầu Giấy, Hà Nội\nHotline: 1900 1234",
    "Phòng khám Da liễu - số 12 đường Lê Lợi, phường Bến Nghé, quận 1, TP.HCM - Hotline 0909",
    "Cơ sở 1: 32 Nguyễn Thị Minh Khai, Phường Đa Kao, Quận 1, TP. Hồ Chí Minh",
    "Grace Dermatology Clinic · 32 Harley Street, London W1G 9QD · info@example.com",
    "Our clinic is located at 555 Gangnam-daero, Seocho-gu, Seoul, 5 minutes from Sinsa Station.",
    "3F, 842 Nonhyeon-ro, Gangnam-gu, Seoul\nTel 02-3444-1200 | thelps.kr",
]


@pytest.mark.parametrize("text", ORGANISATION_ADDRESSES)
def test_an_organisations_own_address_is_not_reported(text):
    for recognizer in (
        KoreanAddressRecognizer(), VietnameseAddressRecognizer(), EnglishAddressRecognizer()
    ):  # fmt: skip
        assert list(recognizer.candidates(text)) == [], type(recognizer).__name__


# a person's address stays an address next to a phone line, an e-mail or a clinic's name
PERSONAL_NEXT_TO_ORGANISATIONS = [
    ("Patient: John Smith\nAddress: 12 Oak Lane, Austin, TX 78701\nTel: 555-0101",
     "12 Oak Lane, Austin, TX 78701"),
    ("주소: 서울특별시 마포구 월드컵북로 45, 101동 1203호\n연락처: 010-2345-6789",
     "서울특별시 마포구 월드컵북로 45, 101동 1203호"),
    ("Địa chỉ: 45/12 Lê Văn Sỹ, phường 13, quận 3, TP. Hồ Chí Minh\nEmail: a@gmail.com",
     "45/12 Lê Văn Sỹ, phường 13, quận 3, TP. Hồ Chí Minh"),
    ("Raon Plastic Surgery\nPatient home address: 7 Cedar Dr, Portland, OR 97205",
     "7 Cedar Dr, Portland, OR 97205"),
    ("Dr. Aurora Ruiz\nDermatology\n1051 Sunset Boulevard, Austin, TX 78714",
     "1051 Sunset Boulevard, Austin, TX 78714"),
    ("I moved to 12 Oak Lane, Austin, TX 78701, 5 minutes from the station.",
     "12 Oak Lane, Austin, TX 78701"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PERSONAL_NEXT_TO_ORGANISATIONS)
def test_personal_addresses_near_organisation_words_are_found(find, text, expected):
    assert _addresses(find, text) == [expected]


# parts of addresses (one from each list makes one, or a decoy), in several cases and spellings
ADDRESS_PARTS = {
    "ko": [
        ["", "서울 ", "서울특별시 ", "경기도 ", "부산"],
        ["", "강남구 ", "성남시 분당구 ", "수원시 ", "혹시 "],
        ["테헤란로", "논현동", "반포대로 12길", "역삼1동", "신사동 산", "종로1가", "하남리"],
        ["", " ", "  "],
        ["123", "45-6", "지하 12", "12번지", "7"],
        ["", ", 3층", " 101호", "에", "입니다", "가"],
    ],
    "vi": [
        ["", "số ", "Số ", "SỐ ", "nhà số ", "Số nhà ", "phường", "P.", "q.", "Quận", "xã",
         "Tp.", "tp", "thị trấn", "tổ dân phố", "ấp", "TP.HCM", "Hà Nội", "Tổng", "Cấp"],
        ["", " ", "12", "3", "12A", "45/6", "1234", "7/12B"],
        ["", " ", ", ", " ,"],
        ["", "đường ", "Đường ", "ĐƯỜNG ", "phố ", "Ngõ ", "hẻm ", "đại lộ "],
        ["Lê Lợi", "Nguyễn Trãi", "3/2", "Bến Nghé", "Tân Định", "1", "Http", "June", "ngày"],
        [", ", " - ", "–", ",", " , ", "\n", " ", ": "],
        ["quận 1", "Phường 7", "Hồ Chí Minh", "Việt Nam", "Huế", "Bình Thạnh", "12 Lê Lợi"],
    ],
    "en": [
        ["", "Flat 3, ", "Apt 4B ", "Unit 2/"],
        ["12", "3", "123A", "24/285", "1,"],
        [" ", "  ", " N. "],
        ["Main", "Oak Tree", "21st", "Baker", "Teheran-ro", "Gangnam-daero", "O'Neil"],
        [" ", ", "],
        ["Street", "St", "St.", "Rd", "Ave", "Close", "Way", "", "Park"],
        ["", ", Apt 4", " #5"],
        ["", ", Seattle", ", Leeds", ", Sydney"],
        ["", ", WA 98101", " LS6 2QT", ", NSW 2010", " 06234", ", Gangnam-gu, Seoul"],
    ],
}  # fmt: skip
DECOYS = ["", " ", "\n", "x ", "ſ", "µ ", "www.example.com ", "Hotline 1900 ", "phòng khám ",
          "Clinic, ", "địa chỉ: ", "Nguyễn Văn An "]  # fmt: skip


def _generated_addresses(count: int) -> list[str]:
    """Texts of one to four addresses (or decoys) built from ADDRESS_PARTS, in any language."""
    rng = random.Random(11)

    def address() -> str:
        return "".join(map(rng.choice, ADDRESS_PARTS[rng.choice(list(ADDRESS_PARTS))]))

    return [
        "".join(address() + rng.choice(DECOYS) for _ in range(rng.randrange(1, 5)))
        for _ in range(count)
    ]


@pytest.fixture(scope="module")
def address_texts() -> list[str]:
    documents = [doc.text for doc in generate(23, 300)]
    examples = [text for text, _ in KOREAN_POSITIVES + VIETNAMESE_POSITIVES + ENGLISH_POSITIVES]
    return documents + examples + _generated_addresses(3000)


@pytest.mark.parametrize(
    "recognizer",
    [KoreanAddressRecognizer(), VietnameseAddressRecognizer(), EnglishAddressRecognizer()],
)
def test_each_address_trigger_fires_wherever_its_recognizer_finds_something(
    recognizer, address_texts
):
    # the triggers restate each pattern without its look-arounds (and with Hyperscan)
    prefilter = Prefilter([recognizer.TRIGGER])
    reference = Prefilter([recognizer.TRIGGER], hyperscan=False)
    for text in address_texts:
        fired = prefilter.gates(text)
        assert fired == reference.gates(text), text
        if list(recognizer.candidates(text)):
            assert fired == [True], text


def test_vietnamese_addresses_are_looked_for_on_lines_with_a_separator(address_texts):
    for text in address_texts:
        on_lines = [match.span() for match in _on_lines_with(_VI_ADDRESS, text, _VI_SEPARATOR)]
        assert on_lines == [match.span() for match in _VI_ADDRESS.finditer(text)], text
