"""PERSON in layouts without a sentence around the name: signatures, cells, ward lists, caps."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean: alone on its line or in its cell, after a job title, before (서명)
        ("오심 호소하여 투여 후 호전됨.\n홍도현\n09/14 20:50 냉찜질", ["홍도현"]),
        ("| 670903-5889085 | 설아린\n", ["설아린"]),
        ("배아름 · 2024년 4월 27일", ["배아름"]),
        ("담당 코디네이터 남규리입니다.", ["남규리"]),
        ("2022. 6. 17   정도윤 (서명)", ["정도윤"]),
        ("보낸사람: 은용준 <yj@example.com>", ["은용준"]),
        ("검사자: 탁한별  전문의 제5777호", ["탁한별"]),
        # Vietnamese: ward lists with age/sex, chat-export headers, upper case, cells
        ("- 507 Huỳnh Bảo Hằng (43/F) cắt mí", ["Huỳnh Bảo Hằng"]),
        ("Lê Thị Trang  18:15\nChi phí bao nhiêu ạ?", ["Lê Thị Trang"]),
        ("Ho Tuong Hien  14:53\nEm gửi ảnh ạ", ["Ho Tuong Hien"]),
        ("DINH KHANH HUYEN PHUONG (1970)", ["DINH KHANH HUYEN PHUONG"]),
        ("Tên tiếng Anh (theo hộ chiếu)\tNGUYEN NHAT QUAN", ["NGUYEN NHAT QUAN"]),
        ("cho Levothyroxin, đỡ.\nMai Hoàng Quý\n01/08 04:10", ["Mai Hoàng Quý"]),
        ("| Cao Bích Yến | CCCD |", ["Cao Bích Yến"]),
        # Vietnamese given names after a form of address
        ("xin chào chị Quý! Lịch hẹn của chị", ["Quý"]),
        ("Chào anh Bình, bác sĩ dặn", ["Bình"]),
        ("bác sĩ Hạnh sẽ gọi lại", ["Hạnh"]),
        ("rồi Chị Trần Thị Bình đến", ["Trần Thị Bình"]),
        # romanised Korean names written as one word, any case, either order
        ("No distress.\nCho Nayeon\n05/02 15:25", ["Cho Nayeon"]),
        ("Your coordinator Wang Youngsook will assist you", ["Wang Youngsook"]),
        ("YOO KYUNGMIN\n05/18 23:01", ["YOO KYUNGMIN"]),
        ("Minji Kim called again", ["Minji Kim"]),
        ("Korean nurse notes\n오심 호소하여 투여 후 호전됨.  / 홍도현\n09/14", ["홍도현"]),
        # ward lists, labels with a note in brackets, older given names, upper-case English
        ("BP 모니터링 요함.\n- 308호 최지훈 (42/F) 상담", ["최지훈"]),
        ("비상연락처(가족): 천아린\n", ["천아린"]),
        ("감사합니다.\n이말순 드림\n", ["이말순"]),
        ("Name in passport\tKEVIN WOOD-GRANT", ["KEVIN WOOD-GRANT"]),
        ("Mo Jin-young\n04/10 12:10", ["Mo Jin-young"]),
        # a date or an account number before a Vietnamese name is no house number
        ("Vietcombank 723-782591-67-741 Phạm Cẩm Hà", ["Phạm Cẩm Hà"]),
        ("06.08.2021   Vũ Hoài Vân (ký tên)", ["Vũ Hoài Vân"]),
        # Korean given names with 님 / 씨
        ("민지 씨 내일 오세요", ["민지"]),
        ("예약 확인 부탁드려요 서연님", ["서연"]),
        # Vietnamese typed without diacritics
        ("chi Lan oi, em gui anh", ["Lan"]),
        ("Le Thu Ha da den kham", ["Le Thu Ha"]),
        ("Xin chào Lan, em gửi lịch hẹn", ["Lan"]),
        # a chat export: the time ending the line above is no house number
        ("Đinh Diệu Ánh  17:17\nĐinh Diệu Ánh - 0588029497", ["Đinh Diệu Ánh", "Đinh Diệu Ánh"]),
        ("[방다솜] [오후 12:01] 안녕하세요", ["방다솜"]),
        # chat speakers with no time
        ("Sarah: see you tomorrow\nMe: ok", ["Sarah"]),
    ],
)
def test_names_in_layouts_are_found(find, text, expected):  # type: ignore[no-untyped-def]
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "\n안내문\n",
        "\n이벤트 안내\n",
        "| 고객센터 | 02-123-4567 |",
        "\n주의사항\n",
        "HỒ SƠ BỆNH ÁN",
        "THÔNG TIN BỆNH NHÂN",
        "CAO CAP",
        "LE DO",
        "số 12 Nguyễn Trãi, phường Bến Thành",
        "12 Lê Lợi (3/F)",  # floor of a building, not an age
        "học tiếng Anh mỗi ngày",
        "Dạ chị Bác Sĩ ơi",
        "Go Home",
        "Park Hotel",
        "Song Book",
        "Ha Noi",
        "PATIENT INFORMATION",
        "DISCHARGE SUMMARY",
        "이상 없음",
        "정상 범위",
        "원장님 확인 부탁드립니다",
        "이모님께서 오셨어요",
        "고객님 안녕하세요",
        "Do Not Disturb",
        "ABC Co Ltd",
        "Cảm ơn Quý khách đã tin tưởng",
        "Chào mừng bạn đến với phòng khám",
        "Note: call back\nGrace: period ends",
        "이상: 없음",
        "서명일: 2024-03-09",
    ],
)
def test_headings_places_and_words_are_not_names(find, text):  # type: ignore[no-untyped-def]
    assert find(text, "PERSON") == []
