"""Postal addresses (ADDRESS) in Korean, Vietnamese and English, each one compiled regex.

- Korean road-name addresses: [시/도] [시/군/구]{1,2} road (…로, …길, …번길) number, e.g.
  ``서울특별시 강남구 테헤란로 123, 4층``; lot-number addresses: [시/도] [시/군/구] 동/리/가
  [산] number[-number] [번지], e.g. ``서울 강남구 논현동 123-45``. Floor, unit, building and a
  parenthesised 동 belong to the span. A 시/도 or a 시/군/구 is required, so ``강남구청역 3번
  출구`` (a landmark: directions, not where a person lives), ``강남 최고의 성형외과`` and
  prices are not addresses.
- Vietnamese: components such as ``số 12``, ``đường Nguyễn Trãi``, ``phường 7``, ``quận 5``,
  ``xã``, ``huyện``, ``tỉnh``, ``TP. Hồ Chí Minh``, ``Hà Nội``, joined by commas; two or more
  components, at least one of them an administrative unit or a numbered street.
- English: number + street name + street type (Street, St, Ave, Rd...), then optional unit
  (Apt 4B, Suite 200), city, state and ZIP; romanised Korean addresses (``123 Teheran-ro,
  Gangnam-gu, Seoul 06234``) as well. ``Room 5`` alone is not an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.regex_base import RegexEntityRecognizer, split_words
from scanner.recognizers.trigger import Trigger

SCORE_KO_FULL = 0.85
SCORE_KO_DISTRICT = 0.7
SCORE_VI = 0.8
SCORE_VI_LONG = 0.85
SCORE_EN = 0.8
CONTEXT = merge_words(
    ["주소", "거주지", "자택", "주거지", "배송지", "현주소"],
    ["địa chỉ", "nơi ở", "thường trú", "tạm trú", "quê quán"],
    ["address", "addr", "residence", "lives at", "ship to", "mailing"],
)

# --- Korean ---------------------------------------------------------------------------------
_SIDO = (
    r"(?:서울특별시|서울시|서울|부산광역시|부산시|부산|대구광역시|대구시|대구|인천광역시|인천시|인천|"
    r"광주광역시|광주시|광주|대전광역시|대전시|대전|울산광역시|울산시|울산|세종특별자치시|세종시|세종|"
    r"경기도|경기|강원특별자치도|강원도|강원|충청북도|충북|충청남도|충남|전북특별자치도|전라북도|전북|"
    r"전라남도|전남|경상북도|경북|경상남도|경남|제주특별자치도|제주도|제주)"
)
_SGG = r"[가-힣]{1,4}(?:시|군|구)(?![가-힣])"
_NOT_SGG = split_words(
    "혹시 다시 역시 동시 당시 즉시 수시 항시 평시 임시 상시 연구 요구 친구 입구 출구 도구 가구 "
    "기구 추구 부구 전구 창구 비구 구구 시구 나구 하구 되구 이군 아군 적군 장군 대군 해군 공군 "
    "육군 제시 표시 지시 개시 무시 감시 게시 명시 교시 정시 오시 가시 보시 하시 주시"
)
_ROAD = r"[가-힣][가-힣0-9·.]{0,11}(?:대로|로|길)(?:[ \t]*\d{1,4}(?:번)?(?:길|가길))?"
_LOT = r"[가-힣][가-힣0-9]{0,7}(?:동|리|\d가)(?:[ \t]+[가-힣]{1,5}리)?"
_NUM = (
    r"(?:지하[ \t]*)?\d{1,5}(?:-\d{1,5})?"
    r"(?!\d|[,.]\d|(?!번지|에|이|의|으로|로|입니다|이며|이고)[가-힣])"
)
_KO_TAIL = (
    r"(?:[ \t]*번지)?"
    r"(?:,?[ \t]*[가-힣A-Za-z0-9]{1,15}(?:빌딩|타워|센터|아파트|오피스텔|빌라|맨션|프라자|플라자|"
    r"하우스|스퀘어|캐슬|파크|힐스|팰리스|자이|래미안|푸르지오|아이파크|e편한세상))?"
    r"(?:,?[ \t]*(?:제[ \t]*)?\d{1,4}동)?(?:,?[ \t]*(?:지하[ \t]*)?\d{1,3}층)?"
    r"(?:,?[ \t]*(?:제[ \t]*)?[A-Z]?\d{1,5}호)?(?:[ \t]*\([가-힣0-9·, \t]{2,30}\))?"
)
_KO_ADDRESS = re.compile(
    rf"(?<![가-힣])(?P<head>{_SIDO}(?:[ \t]+{_SGG}){{0,2}}|(?P<sgg>{_SGG})(?:[ \t]+{_SGG})?)"
    rf"[ \t]+(?:{_ROAD}|{_LOT}(?:[ \t]*산)?)[ \t]*{_NUM}{_KO_TAIL}"
)


# --- Vietnamese -----------------------------------------------------------------------------
_VI_UPPER = "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper())
_VI_WORD = rf"(?:[A-Z{_VI_UPPER}][^\W\d_]*|\d{{1,3}}(?:/\d{{1,2}})?)"
_VI_NAME = rf"{_VI_WORD}(?:[ \t]{_VI_WORD}){{0,4}}"  # a column gap (two spaces) ends it
# an English month after a number is a date (``13 June 21, 2022``), not a house and a street
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
    r"June|July|August|September|October|November|December)\b"
)
_VI_HOUSE = (
    r"(?:(?:[Ss]ố(?:[ \t]+nhà)?|[Nn]hà[ \t]+số)[ \t]*)?\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*"
)
_VI_STREET_KW = r"(?i:đường|phố|ngõ|ngách|hẻm|kiệt|đại lộ)"
_VI_ADMIN_WORDS = (
    r"phường|xã|thị trấn|quận|huyện|thị xã|tỉnh|thành phố|khu phố|ấp|thôn|tổ dân phố|tổ|"
    r"tp\.?|p\.|q\.|h\."
)
_VI_ADMIN_KW = f"(?i:{_VI_ADMIN_WORDS})"
_VI_CITIES = (
    r"Hà Nội|TP\.?[ \t]*HCM|TPHCM|Hồ Chí Minh|Sài Gòn|Đà Nẵng|Hải Phòng|Cần Thơ|Huế|"
    r"Nha Trang|Vũng Tàu|Biên Hòa|Bình Dương|Đồng Nai|Quảng Ninh|Việt Nam"
)
_VI_CITY = rf"(?:{_VI_CITIES})(?![\w])"
_VI_COMP = (
    rf"(?:{_VI_HOUSE}[ \t,]+{_VI_STREET_KW}[ \t]+{_VI_NAME}"
    rf"|{_VI_HOUSE}[ \t](?!{_VI_ADMIN_KW}|{_MONTHS}){_VI_NAME}"
    rf"|{_VI_STREET_KW}[ \t]+{_VI_NAME}"
    rf"|{_VI_ADMIN_KW}[ \t]*{_VI_NAME}"
    rf"|{_VI_CITY})"
)
_VI_SEP = r"[ \t]*[,\-–][ \t]*"
_VI_PLAIN = rf"[A-Z{_VI_UPPER}][^\W\d_]*(?:[ \t]+[A-Z{_VI_UPPER}][^\W\d_]*){{0,3}}"
_VI_ADDRESS = re.compile(
    rf"(?<![\w/.])(?:{_VI_COMP})(?:{_VI_SEP}(?:{_VI_PLAIN}{_VI_SEP}){{0,2}}(?:{_VI_COMP}))+"
)
_VI_STRONG = re.compile(rf"{_VI_ADMIN_KW}|{_VI_CITY}|^{_VI_HOUSE}")
_VI_SEPARATOR = re.compile(r"[,\-–]")  # in every match, which never holds a line break
_VI_RUN = r"[\w \t/.]*"  # what a component may hold, separators aside


def _beside_separator(words: list[str]) -> str:
    """A regex of one of ``words`` (regexes) in a component that a separator follows or
    precedes; one branch per word and per separator, each starting with a letter or a
    separator, so that ``re`` skips to those."""
    either = "|".join(words)
    return "|".join(
        [rf"{word}{_VI_RUN}[,\-–]" for word in words]
        + [rf"{separator}{_VI_RUN}(?:{either})" for separator in ",-–"]
    )


# a house number from its last digit, then a space, or a comma and a street word or two
_VI_NUMBERED = (
    r"\d[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*(?:[ \t]|[ \t,]+[^\W\d_]+(?:[ \t][^\W\d_]+)?[ \t]+)"
)
_VI_NEXT = r"(?:[^\W\d_]|\d[\d/A-Za-z]*[ \t,])"  # how the component after a separator starts
# What _VI_STRONG needs in a match: an administrative word or a city (both found in the
# lowercased text) in a component (the first, before a separator, or another, after one), else
# a first component that starts with a house number, its name (any number of words: Hyperscan
# finds _VI_NAME's bounded repeat too large here), a separator and the next component.
_VI_TRIGGER = Trigger(
    pattern=rf"{_VI_NUMBERED}{_VI_WORD}(?:[ \t]{_VI_WORD})*{_VI_SEP}{_VI_NEXT}",
    lowered=_beside_separator(_VI_ADMIN_WORDS.split("|") + _VI_CITIES.lower().split("|")),
)

# --- English --------------------------------------------------------------------------------
_EN_CAP = r"(?:[A-Z][a-zA-Z'’.]*|\d{1,3}(?:st|nd|rd|th))"
_EN_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|"
    r"Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Loop|Close|Parade|"
    r"Pde|Crescent|Cres|Grove|Gardens|Gdns|Mews|Esplanade|Quay|Wharf"
)
_EN_TYPE = rf"(?:{_EN_TYPES})\b\.?(?:[ \t]+(?:NW|NE|SW|SE)\b)?"
_EN_UNIT = (
    r"(?:,?[ \t]*(?:Apartment|Apt|Suite|Ste|Unit|Floor|Fl|Room|Rm|#)\.?[ \t]*#?[A-Za-z0-9-]{1,6})"
)
_EN_CITY = r"(?:,[ \t]*[A-Z][a-zA-Z.]+(?:[ \t]+[A-Z][a-zA-Z.]+){0,2})"
# a US state and ZIP, a UK postcode (SW11 2JP), an Australian state and postcode (NSW 2010)
_EN_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|(?:NSW|VIC|QLD|TAS|ACT|NT|SA|WA)[ \t]+\d{4})"
)
_EN_STATE_ZIP = (
    r"(?:,?[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?|[ \t]+\d{5}(?:-\d{4})?"
    rf"|,?[ \t]+{_EN_POSTCODE}\b)"
)
# a flat or unit before the number (Flat 10, 26 ...; Unit 3/12 ...), and a unit/number (24/285)
_EN_FLAT = r"(?:(?:Flat|Unit|Apt|Apartment|Suite)\.?[ \t]*[0-9A-Z]{1,5},?[ \t]+)?"
_EN_NUMBER = r"\d{1,6}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?)?"
_EN_NAME = rf"{_EN_CAP}(?:[ \t]+{_EN_CAP}){{0,3}}"
# any street name when a city and a UK or Australian postcode follow: 26 Grove Park, Leeds LS6 2QT
_EN_TOWN_POSTCODE = rf",[ \t]*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}},?[ \t]+{_EN_POSTCODE}"
_EN_POSTCODED = rf"{_EN_NUMBER}[ \t]+{_EN_NAME}{_EN_TOWN_POSTCODE}\b"
_KR_ROAD = r"\d{1,5}(?:-\d{1,4})?,?[ \t]+[A-Z][a-z]+(?:-[a-z]+)*-(?:daero|ro|gil)"
_KR_ROMAN = _KR_ROAD + (
    r"(?:[ \t]*\d{1,3}(?:beon)?-gil)?(?:[ \t]+\d{1,5}(?:-\d{1,4})?)?"
    r"(?:,[ \t]*[A-Z][a-z]+-(?:dong|gu|si|gun|eup|myeon))*"
    r"(?:,[ \t]*(?:Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Sejong|Jeju|"
    r"Gyeonggi-do|Gangwon-do|[A-Z][a-z]+-do|[A-Z][a-z]+-si))?(?:,?[ \t]+\d{5})?"
    r"(?:,[ \t]*(?:South[ \t]+)?Korea)?"
)
_EN_ADDRESS = re.compile(
    rf"\b(?:{_EN_FLAT}(?:{_EN_POSTCODED}|{_EN_NUMBER}[ \t]+(?:[NSEW]\.?[ \t]+)?{_EN_CAP}"
    rf"(?:[ \t]+{_EN_CAP}){{0,3}}?[ \t]+{_EN_TYPE}{_EN_UNIT}?{_EN_CITY}?{_EN_STATE_ZIP}?)"
    rf"|{_KR_ROMAN})"
)

# what every match holds, its word boundaries dropped: a number and a street name before a
# street type, or before a city and a postcode; or a romanised Korean road
_EN_TRIGGER = Trigger(
    pattern=(
        rf"{_EN_NUMBER}[ \t]+(?:(?:[NSEW]\.?[ \t]+)?{_EN_NAME}[ \t]+(?:{_EN_TYPES})"
        rf"|{_EN_NAME}{_EN_TOWN_POSTCODE})|{_KR_ROAD}"
    )
)


# --- an organisation's own address ----------------------------------------------------------
# A clinic's address in its letterhead, footer, advert or "how to find us" is not personal data.
# Read around the address: directions or the organisation's contact details before it on its
# line ("오시는 길:", "Cơ sở 1:", "located at"), a website, hotline, fax or business registration
# after it on its line or on a neighbouring line, an organisation's name and a separator right
# before it ("밝은성형외과의원 | ..."), or an organisation's name alone on the line above an
# unlabelled address (a letterhead). A person's label (자택, home address, nơi ở...) wins.
_ORG_NOUNS = (
    r"성형외과|피부과|의원|병원|클리닉|치과|한의원|의료원|의료재단|센터|"
    r"(?i:clinic|hospital|surgery|dermatology|dental|aesthetics?|medical|centre|center|"
    r"practice|thẩm mỹ|phòng khám|bệnh viện|nha khoa|spa|viện|inc\.?|ltd\.?|co\.,? ltd)"
)
_ORG_CONTACT = (
    r"www\.|https?://|(?<![@\w.-])[a-z0-9-]{2,}\.(?:com|net|org|co\.kr|kr|vn|com\.vn|clinic)\b|"
    r"(?i:website|web:|homepage|hotline|fax|business reg|company reg|facebook\.com|"
    r"kakaotalk channel|mã số thuế|giấy phép|fanpage)|"
    r"홈페이지|팩스|대표번호|대표전화|사업자|플러스친구|카카오톡[ \t]*채널"
)
_ORG_DIRECTIONS = (
    r"출구|도보|오시는[ \t]*길|찾아오시는|본원|분원|지점|"
    r"(?i:\bexit\b|minutes?(?:'|’)?[ \t]+(?:walk|drive)|minutes?[ \t]+from|walk from|"
    r"located (?:at|in|on)|our (?:clinic|office|centre|center|hospital|practice|address)|"
    r"head office|branch|cơ sở[ \t]*\d|chi nhánh|trụ sở|"
    r"cách ga|gần ga|lối ra|(?:clinic|hospital|office|practice|centre|center)[ \t]+address|"
    r"địa chỉ (?:phòng khám|bệnh viện|cơ sở|thẩm mỹ viện))|병원[ \t]*주소|의원[ \t]*주소"
)
_ORG_SAME_LINE = re.compile(rf"{_ORG_CONTACT}|{_ORG_DIRECTIONS}")
# an organisation's name right before the address, a separator and maybe an address label
# between: "밝은성형외과의원 | 서울 ...", "Thẩm mỹ viện Ánh Dương - Địa chỉ: ..." (not a form's
# other field: "Ngày nhập viện: 12/3   Địa chỉ: ...")
_ORG_NAME_BEFORE = re.compile(
    rf"(?:{_ORG_NOUNS})[^\n:：|·]{{0,30}}?[ \t]*[|·,\-–—][ \t]*"
    r"(?:(?:주소|(?i:địa chỉ|address|addr|add))[ \t]*[:：]?[ \t]*)?$"
)
_ORG_NAME_LINE = re.compile(_ORG_NOUNS)
_ORG_CONTACT_RE = re.compile(_ORG_CONTACT)
# words that make the address a person's whatever surrounds it
_PERSONAL_LABEL = re.compile(
    r"자택|거주|현주소|집[ \t]*주소|환자[ \t]*주소|보호자[ \t]*주소|배송지|수령지|"
    r"(?i:home|mailing|postal|billing|residential|patient(?:'s|’s)?|permanent|current|"
    r"bill to|ship to|deliver to|lives? at|living at|reside|thường trú|tạm trú|nơi ở|"
    r"quê quán|địa chỉ nhà|nhà riêng|bệnh nhân|người bệnh|khách hàng)"
)
_CONTEXT_REACH = 60


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding ``text[start:end]`` starts and ends."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _on_lines_with(
    pattern: re.Pattern[str], text: str, marker: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches hold ``marker`` and no line break:
    only the lines where ``marker`` occurs are searched."""
    line_end = -1
    for hit in marker.finditer(text):
        if hit.start() > line_end:
            line_start, line_end = _line_bounds(text, hit.start(), hit.end())
            yield from pattern.finditer(text, line_start, line_end)


def _org_name(line: str) -> bool:
    """Whether ``line`` names an organisation: a clinic noun and more (Raon Plastic Surgery,
    밝은성형외과의원), not a department alone (Dermatology, 성형외과) as under a doctor's name."""
    noun = _ORG_NAME_LINE.search(line)
    return noun is not None and line.strip(" \t|-–·,.") != noun.group()


def organisation_address(text: str, start: int, end: int) -> bool:
    """Whether the address at ``text[start:end]`` is an organisation's own (see above)."""
    line_start, line_end = _line_bounds(text, start, end)
    before = text[max(line_start, start - _CONTEXT_REACH) : start]
    after = text[end : min(line_end, end + _CONTEXT_REACH)]
    if _PERSONAL_LABEL.search(before):
        return False
    if (
        _ORG_SAME_LINE.search(before)
        or _ORG_NAME_BEFORE.search(before)
        or _ORG_CONTACT_RE.search(after)  # directions after may be a person's ("near exit 3")
    ):
        return True
    if line_start and ":" not in before and "：" not in before:  # a letterhead's unlabelled line
        previous = text[max(0, text.rfind("\n", 0, line_start - 1) + 1) : line_start - 1]
        if len(previous) <= 2 * _CONTEXT_REACH and (
            _ORG_CONTACT_RE.search(previous) or (":" not in previous and _org_name(previous))
        ):
            return True
    if line_end < len(text):
        following = text[line_end + 1 : line_end + 1 + 2 * _CONTEXT_REACH].split("\n", 1)[0]
        return _ORG_CONTACT_RE.search(following) is not None
    return False


class KoreanAddressRecognizer(RegexEntityRecognizer):
    """Finds ADDRESS: Korean road-name and lot-number addresses."""

    ENTITY = "ADDRESS"
    TRIGGER = Trigger(pattern=r"[로길동리가산][ \t]*(?:지하|\d)")  # a road or lot, then a number

    def __init__(self, supported_language: str = "ko") -> None:
        """Create the recognizer for one language."""
        super().__init__(supported_language=supported_language, context=list(CONTEXT))

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield Korean addresses; a bare 시/군/구 head must not be a common word."""
        for match in _KO_ADDRESS.finditer(text):
            sgg = match.group("sgg")
            if sgg is not None and sgg in _NOT_SGG:
                continue
            end = match.end()
            while end > match.start() and text[end - 1] in " \t,":
                end -= 1
            if not organisation_address(text, match.start(), end):
                yield match.start(), end, SCORE_KO_DISTRICT if sgg else SCORE_KO_FULL


class VietnameseAddressRecognizer(RegexEntityRecognizer):
    """Finds ADDRESS: Vietnamese comma-joined address components."""

    ENTITY = "ADDRESS"
    TRIGGER = _VI_TRIGGER

    def __init__(self, supported_language: str = "vi") -> None:
        """Create the recognizer for one language."""
        super().__init__(supported_language=supported_language, context=list(CONTEXT))

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield chains of two or more components with an administrative unit or house number."""
        for match in _on_lines_with(_VI_ADDRESS, text, _VI_SEPARATOR):
            value = match.group()
            if not _VI_STRONG.search(value):
                continue
            if organisation_address(text, match.start(), match.end()):
                continue
            parts = value.count(",") + 1
            yield match.start(), match.end(), SCORE_VI_LONG if parts >= 3 else SCORE_VI


class EnglishAddressRecognizer(RegexEntityRecognizer):
    """Finds ADDRESS: street addresses with unit, city, state and ZIP; romanised Korean."""

    ENTITY = "ADDRESS"
    TRIGGER = _EN_TRIGGER

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language."""
        super().__init__(supported_language=supported_language, context=list(CONTEXT))

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield street addresses."""
        for match in _EN_ADDRESS.finditer(text):
            if not organisation_address(text, match.start(), match.end()):
                yield match.start(), match.end(), SCORE_EN


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[RegexEntityRecognizer]:
    """Return the three address recognizers for every language (addresses cross languages)."""
    found: list[RegexEntityRecognizer] = []
    for language in languages:
        found.append(KoreanAddressRecognizer(supported_language=language))
        found.append(VietnameseAddressRecognizer(supported_language=language))
        found.append(EnglishAddressRecognizer(supported_language=language))
    return found
