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
        # a full name right before a mobile number: a contact entry
        ("연락처: 김민수 010-1234-5678", ["김민수"]),
        ("이지은(010-9876-5432)", ["이지은"]),
        ("정기검진 010-1234-5678", []),
        ("김민수 900101-1234568", ["김민수"]),
        ("정기검진 900101-1234568", []),
        ("문의사항 010-1234-5678", []),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean: a family member after the label, lists after a label, form sign-off rows
        ("보호자: 어머니 박순자 (010-2233-4455)", ["박순자"]),
        ("보호자 : 남편 송한결", ["송한결"]),
        ("환자 딸 이지은 동행함", ["이지은"]),
        ("참조: 최시우, 도윤, 김한결", ["최시우", "도윤", "김한결"]),
        ("작성: 모은비\n확인: 하순자", ["모은비", "하순자"]),
        ("수진자명 - 곽민석\n성별: 남", ["곽민석"]),
        ("사업자등록번호 123-45-67890 | 대표: 길채원 | 주소: 서울", ["길채원"]),
        # Korean: rosters, ages, 귀하, credentials, vocatives, note sign-offs, named columns
        ("내원객 명단\n1. 위아름 10:00\n2. 심소율 10:30", ["위아름", "심소율"]),
        ("★★★★★ 친절하세요!\n- 박하람", ["박하람"]),
        ("최건 (45세, 남) 코 재수술 상담", ["최건"]),
        ("정슬기 귀하\n안녕하십니까.", ["정슬기"]),
        ("14:00 여서준 RN 활력징후 측정", ["여서준"]),
        ("지훈아 내일 몇시에 와?", ["지훈"]),
        ("서연아, 어디야?", ["서연"]),
        ("BP rechecked.  / 엄솔\n08/04 10:01  Nausea", ["엄솔"]),
        ("[네이버 리뷰] 더엘성형외과\n\n백별 · 2022. 9. 19\n", ["백별"]),
        ("번호;성명;성별\n4;엄솔;여\n5;송진;남", ["엄솔", "송진"]),
        ("time | name | by\n17:58 | Thái Thị Hà | 변별\n", ["Thái Thị Hà", "변별"]),
        # Korean names after a Vietnamese or English role
        ("Người đón: 왕별 01060368759", ["왕별"]),
        ("Tư vấn viên 김솔 sẽ hỗ trợ chị.", ["김솔"]),
        # Vietnamese: kinship, BN, self-introduction, bạn, column gaps before a signature
        ("Người nhà: mẹ Võ Hạnh (SĐT 0903123456)", ["Võ Hạnh"]),
        ("BN Huỳnh Dũng, 45t, nữ", ["Huỳnh Dũng"]),
        ("Chào bạn Huy, lịch hẹn của bạn là 10h.", ["Huy"]),
        ("Em là Hương, em muốn hỏi giá ạ", ["Hương"]),
        ("Mình tên Hà, năm nay 30 tuổi", ["Hà"]),
        ("ngày 19 tháng 3 năm 2022   Phan Thị Kiều (ký tên)", ["Phan Thị Kiều"]),
        ("6\tChâu Khánh Mai Anh\tNữ\t04-06-1984", ["Châu Khánh Mai Anh"]),
        # English: first names that are words, before a known surname
        ("Many thanks,\nMay White\n+1-626-592-0890", ["May White"]),
        ("Emergency contact: June Hernandez (909) 555-0171", ["June Hernandez"]),
        ("[07/02/2021, 08:13:54] Will Powell: Hi, I'm interested", ["Will Powell"]),
        # English: greetings, closings, reviews, family, credentials, ages, CSV rows
        ("Hi Will, this is the clinic.", ["Will"]),
        ("Good morning Chloe! Your appointment is confirmed.", ["Chloe"]),
        ("Cheers,\nGrace", ["Grace"]),
        ("Best regards,\n\nJade West-Long\nPatient Coordinator", ["Jade West-Long"]),
        ("Ariana B. · 08/11/2021", ["Ariana B"]),
        ("François C. · Aug 9, 2021", ["François C"]),
        ("Mrs. Amy Brooks and her daughter Noah attended.", ["Amy Brooks", "Noah"]),
        ("Referred by Jade Short, MD", ["Jade Short"]),
        ("08:00-16:00  Sky Rogers (RN)", ["Sky Rogers"]),
        ("- 607 Faith Ward (21/F) zygoma", ["Faith Ward"]),
        ("- 711 Dmitri Day (35/M) rhinoplasty", ["Dmitri Day"]),
        ("December 20, 2021   Emma Ward (signature)", ["Emma Ward"]),
        ("10,Bill King,M,12 Feb 1987", ["Bill King"]),
        ("CC: Sky Hall-Thomas; Faith Frost", ["Sky Hall-Thomas", "Faith Frost"]),
        ("Re: Sky Cruz, DOB Mar 20, 1985", ["Sky Cruz"]),
        ("Verified by: Se-young Sagong  Lic. 883243", ["Se-young Sagong"]),
        ("Patient - Frank Müller\nD.O.B.: 24 Apr", ["Frank Müller"]),
        ("Dr. NOH SUA\nS: orthognathic", ["NOH SUA"]),
        ("Patient: Faith White\nFAITH WHITE (1988)", ["Faith White", "FAITH WHITE"]),
        # romanised Korean: hyphenated given names from one letter, one-syllable given names
        ("Bác sĩ kê đơn: Sung A-reum  Số CCHN 55950", ["Sung A-reum"]),
        ("Your coordinator Ye-jun In can be reached", ["Ye-jun In"]),
        ("Your coordinator Byul Bang can be reached", ["Byul Bang"]),
        ("BP rechecked.  / Eom Sol\n08/04 21:21  Pain", ["Eom Sol"]),
    ],
)
def test_names_in_everyday_layouts_are_found(find, text, expected):  # type: ignore[no-untyped-def]
    assert [value for _, value in find(text, "PERSON")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # volumes, medical terms and form labels shaped like Korean names
        "배액량 72cc, 오심 있어 판토프라졸 투여.",
        "진단명 - 고지혈증\n",
        "번호\t성명\t방문일\t결제금액",
        "여기야 빨리 와",
        "그건 정상이야",
        "항목 | 금액\n이상 | 0원\n주의 | 1",
        "주의\n2024-01-01",
        # English: hyphenated words before a Korean surname, organisations after a label
        "Plan: Follow-up Jun 16, 2022",
        "Provider: Raon Plastic Surgery",
        "Re: Botox Pricing",
        "Hi Team, please see below.",
        "Dear Sir,",
        "Hello Everyone!",
        "Thanks,\nReception",
        "May 2023 schedule",
        "Do Not\n12/3 follow-up",
        "Dr. PLASTIC SURGERY",
        "Valentine Day sale (20% off)",
        "nurse 이상 없음",
        "Johnson & Johnson, MD Anderson",
        # Vietnamese: a street after a word the name pattern cannot read, sex after a name
        "Địa chỉ - P3002, tòa B3, Lạc Long Quân, P. Nghĩa Đô",
        "chào Việt Nam",
        "người Hàn Quốc",
    ],
)
def test_lookalikes_in_everyday_layouts_are_not_names(find, text):  # type: ignore[no-untyped-def]
    assert find(text, "PERSON") == []
