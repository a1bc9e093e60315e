"""Vietnamese personal names (PERSON): a known surname and one to three capitalised syllables.

``Nguyễn Văn An``, ``Trần Thị Bình``, ``Lê Hoàng Nam``; also without diacritics, as they are
written in English letters (``Nguyen Van An``). Scores:

- a form of address or label before the name (Anh, Chị, Bà, Ông, Em, Cô, Chú, bệnh nhân,
  khách hàng, Họ và tên:, BS., Mr/Ms...): ``SCORE_ADDRESSED``;
- a bare name of three or more syllables: ``SCORE_FULL``; of two: ``SCORE_SHORT`` (below the
  engine's threshold);
- a given name alone after a form of address (``Chào chị Quý!``, ``anh Bình``, ``Dạ chị
  Trang ơi``, ``bác sĩ Hạnh``): ``SCORE_ADDRESSED``.

Unaccented surnames that are also English words (Le, Do, Ho, Ly, Vu, Vo, Mai, La...) need a
form of address or a Vietnamese middle name (Van, Thi, Duc, Minh...). Streets, wards and
cities named after people (đường Nguyễn Trãi, phường Lê Lợi, TP. Hồ Chí Minh) are not persons:
a name preceded by an address word, or a house number, is skipped, and so are place names.
Title-case headings whose first two syllables form a common word (Hồ Sơ Bệnh Án, Văn Phòng,
Triệu Chứng Lâm Sàng, Cao Cấp) are skipped through ``WORD_STARTS`` unless a form of address
comes first (bác sĩ Hoàng Kim Nam).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from scanner.recognizers.base import LANGUAGES
from scanner.recognizers.fast_pattern import matches_at, starting_with
from scanner.recognizers.regex_base import (
    RegexEntityRecognizer,
    after_capitalised_word,
    split_words,
)
from scanner.recognizers.trigger import Trigger, plain_lowered

SCORE_ADDRESSED = 0.85
SCORE_FULL = 0.7
SCORE_SHORT = 0.35
BEFORE_WINDOW = 24

SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Mai", "Tô",
    "Hà", "Tạ", "Cao", "Lương", "Đinh", "Chu", "Quách", "Thái", "Châu", "Phùng", "Kiều", "La",
    "Lưu", "Triệu", "Từ", "Mạc", "Nghiêm", "Tăng", "Giang", "Lại", "Thân", "Tôn", "Diệp", "Hứa",
    "Khổng", "Doãn", "Nông", "Lục", "Văn", "Viên", "Âu", "Khúc", "Kha", "Ninh", "Trình",
)  # fmt: skip
UNACCENTED_SAFE = (
    "Nguyen", "Tran", "Pham", "Hoang", "Huynh", "Phan", "Dang", "Bui", "Ngo", "Duong", "Dao",
    "Doan", "Vuong", "Trinh", "Truong", "Luong", "Dinh", "Quach", "Phung", "Trieu", "Nghiem",
)  # fmt: skip
UNACCENTED_AMBIGUOUS = (
    "Le", "Vu", "Vo", "Do", "Ho", "Ly", "Lam", "Mai", "To", "Ha", "Ta", "Cao", "Chu", "Thai",
    "Chau", "La", "Luu", "Lai", "Than", "Ton", "Giang", "Kieu", "Tang", "Diep", "Hua",
)  # fmt: skip
# common middle and given names, unaccented: after an ambiguous unaccented surname (Le, Vo,
# Ho...) one of them makes a name of "Le Thu Ha" but not of "Do Not Disturb"
MIDDLE_NAMES = split_words(
    "van thi duc minh ngoc thanh hoang quoc huu xuan kim anh hong gia bao tuan thu phuong "
    "quang cong dinh trung thuy my hai tien bich dieu khanh lan mai hoa huong linh trang nga "
    "hanh ha thao hien hang yen nhi vy an binh nam long hung dung son khoa phuc tai loc vinh "
    "thinh hieu kien cuong thang dat duy hoai tam tu uyen quynh giang chau loan oanh tuyet "
    "nhung diep ngan truc lam phong hoan huy khang nghia nhan phat quan sang tri tung vu viet "
    "thai thien toan trinh diem huyen thuong van yen nguyet suong kieu"
)
PLACES = frozenset(
    (
        "Hồ Chí Minh", "Hà Nội", "Hà Giang", "Hà Tĩnh", "Hà Nam", "Hà Đông", "Lâm Đồng",
        "Cao Bằng", "Hồ Gươm", "Hồ Tây", "Mai Châu", "Hồ Con Rùa", "Ho Chi Minh", "Ha Noi",
        "Lam Dong", "Cao Bang", "Ha Giang", "Ha Tinh", "Ha Nam", "Đồng Nai", "Giang Nam",
        "Ho Chi Minh City", "Hồ Chí Minh City",
    )
)  # fmt: skip

WORD_STARTS = split_words(
    """hồ_sơ văn_phòng văn_bản văn_hóa văn_học văn_minh cao_cấp cao_huyết cao_su cao_điểm
    cao_tuổi cao_độ lâm_sàng châu_á châu_âu châu_phi châu_mỹ thái_lan lý_lịch lý_do lý_thuyết
    lý_tưởng mai_táng phan_thiết hà_tiên giang_mai tô_màu hoàng_gia trần_nhà lương_cơ lương_tháng
    hồ_bơi đào_tạo tăng_cường tăng_sinh lưu_ý lưu_trữ từ_chối từ_khóa thân_thiện thân_nhiệt
    khổng_lồ vương_quốc triệu_chứng đoàn_thể chu_kỳ ninh_bình kiều_bào lục_địa đinh_tán
    thái_bình thái_nguyên quan_trọng phạm_vi phạm_lỗi võ_thuật đỗ_xe bùi_nhùi hồ_chí ngô_quyền
    lê_lợi trần_hưng hoàng_hôn tạ_ơn dương_tính ông_bà giang_hồ mai_mốt mạc_treo
    """
)
_UPPER = "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper())
_LOWER_WORD = r"[^\W\d_A-Z" + _UPPER + r"]"
_CAP = rf"[A-Z{_UPPER}]{_LOWER_WORD}*"


def _alternation(words: tuple[str, ...], not_after: str) -> str:
    """Return a regex alternation of literal ``words``, longest first, none after ``not_after``
    (checked once a word matched, so that ``re`` skips to where a word's first letter is)."""
    return "|".join(
        starting_with(re.escape(word), not_after)
        for word in sorted(set(words), key=len, reverse=True)
    )


_PLACE_WORDS = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|District|Ward|City|Province|Station|"
    r"Hospital|Clinic|University|School|Airport|Bridge|Park|Market|Spa|Salon|Hotel|Restaurant|"
    r"Company|Center|Centre|Pharmacy)\b"
)
_NOT_BEFORE_NAME = r"[\w.]"  # what a name does not follow
_SURNAME = _alternation(SURNAMES + UNACCENTED_SAFE + UNACCENTED_AMBIGUOUS, _NOT_BEFORE_NAME)
_NAME = re.compile(
    rf"(?P<surname>{_SURNAME})"
    rf"(?P<given>(?:[ \t]+(?!{_PLACE_WORDS}){_CAP}){{1,3}})(?![\w'’-])"
)
_TITLE_AFTER = re.compile(r"\s?(?:님|씨|환자|고객|보호자|선생님|\((?:ký tên|ký|signature|서명)\))")
# an age (and sex) after the name, as in ward lists: "Huỳnh Bảo Hằng (43/F)", "(43 tuổi)"
_AGE_AFTER = re.compile(
    r"[ \t]*[(,][ \t]*\d{2,3}[ \t]*(?:[/,][ \t]*[MFmfNn]|tuổi|세|y/?o\b|yrs?\b|[tT]\b)"
)
# a chat speaker without a time, at the start of a line: "Nguyễn Lan: em muốn hỏi giá"
_SPEAKER_AFTER = re.compile(r"[ \t]?:[ \t]")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
# a chat export's header line: the speaker, then the time ("Lê Thị Trang  18:15")
_TIME_AFTER = re.compile(r"[ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]*(?:\r?\n|$)")
# a run of capitalised words, where an upper-case name (DINH KHANH HUYEN) may stand
_UPPER_RUN = re.compile(
    rf"{starting_with(f'[A-Z{_UPPER}]', _NOT_BEFORE_NAME)}[A-Z{_UPPER}]{{0,6}}"
    rf"(?:[ \t]+[A-Z{_UPPER}]{{1,7}}){{1,3}}(?![\w'’-])"
)


class _Caseless:
    """A case-insensitive regex of lower-case words; where the text has a lowercased form that
    IGNORECASE would read alike (``plain_lowered``), it is searched there case-sensitively,
    which ``re`` does several times faster."""

    def __init__(self, regex: str) -> None:
        """Compile ``regex`` both ways."""
        self._ignoring_case = re.compile(regex, re.IGNORECASE)
        self._lowered = re.compile(regex)

    def found(self, text: str, lowered: str | None, start: int) -> bool:
        """Whether the regex occurs in ``text`` (or ``lowered``, its lowercased form) from
        ``start`` on."""
        if lowered is None:
            return self._ignoring_case.search(text, start) is not None
        return self._lowered.search(lowered, start) is not None


_ADDRESS_WORDS = (
    "anh", "chị", "bà", "ông", "em", "cô", "chú", "bác", "bé", "cháu", "bệnh nhân", "người bệnh",
    "khách hàng", "khách", "người nhà", "họ và tên", "họ tên", "tên", "bác sĩ", "bs", "ths", "ts",
    "kính gửi", "thân gửi", "gửi", "mr", "mrs", "ms", "miss", "dr", "tôi là", "em là", "patient",
    "name", "dear", "guardian", "hi", "hello", "this is", "bn", "cc", "bcc", "mẹ", "bố", "cha",
    "má", "vợ", "chồng", "con", "con gái", "con trai", "người liên hệ", "người giám hộ",
    "người lập phiếu", "người làm đơn", "người khai", "người ký", "người nhận", "người gửi",
    "người đại diện", "đại diện", "mình tên", "em tên", "tôi tên", "tên là", "mình là", "ký tên",
)  # fmt: skip
_ADDRESS_LABELS = ("환자명", "환자", "성명", "이름", "보호자", "고객명", "본인")
# a form of address or a label ending the text before a name, then punctuation: it ends where
# the punctuation starts, so it is looked for only in the last _ADDRESS_REACH characters
_ADDRESSED = _Caseless(
    rf"(?:\b(?:{'|'.join(_ADDRESS_WORDS)})|{'|'.join(_ADDRESS_LABELS)})[.:：,\s]*$"
)
_ADDRESS_REACH = max(map(len, _ADDRESS_WORDS + _ADDRESS_LABELS))
_ADDRESS_TRAILING = frozenset(".:：,")
_CHAT_SPEAKER = re.compile(r"(?:^|\n)[ \t]*\[[^\]\n]{0,24}\d:\d\d\][.:：,\s]*$")
_PLACE_WORDS_BEFORE = (
    "đường", "phố", "phường", "quận", "huyện", "xã", "tỉnh", "thành phố", "tp", "p", "q", "ngõ",
    "ngách", "hẻm", "kiệt", "số", "thị trấn", "thị xã", "khu phố", "ấp", "thôn", "trường",
    "bệnh viện", "chợ", "cầu", "công viên", "street", "st", "duong", "pho", "phuong", "quan",
    "huyen", "tinh", "district", "ward", "city", "province",
)  # fmt: skip
# a place word or a house number (short: not the end of a date or an account number)
# (not the end of a time, a date or an account number, and on the name's own line)
_HOUSE_NUMBER = r"(?<![\d./:-])\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*"
_PLACE_BEFORE = _Caseless(rf"(?:\b(?:{'|'.join(_PLACE_WORDS_BEFORE)})|{_HOUSE_NUMBER})[.,: \t]*\Z")
# a number then a tab or two spaces ends a column: a date or a row number before a name
# ("năm 2022   Phan Thị Kiều", "6\tChâu Khánh Mai Anh"), not a house number
_COLUMN_GAP = re.compile(r"\d(?: *\t| {2,})[ \t]*\Z")
_PLACE_REACH = max(map(len, _PLACE_WORDS_BEFORE))
_PLACE_TRAILING = frozenset(".,:")
_PLACE_AFTER = re.compile(rf"[ \t]+{_PLACE_WORDS}")
_AMBIGUOUS = frozenset(UNACCENTED_AMBIGUOUS)
_PLACE_PREFIXES = tuple(sorted(PLACES))


# forms of address before a given name, in any case: kinship words, titles
_KIN_FORMS = ("anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "cháu", "bé", "bạn")
_TITLE_FORMS = ("bác sĩ", "bs.", "bs", "y tá", "điều dưỡng")
# the same typed without diacritics, in lower case only ("Co" and "Ba" start English words)
_UNACCENTED_FORMS = ("chi", "co", "chu", "bac", "ong", "ba", "chau", "ban", "bac si")
_GREETINGS = ("xin chào", "chào", "cảm ơn", "xin chao", "chao", "cam on")
_INTRODUCTIONS = (
    "em là", "mình là", "tôi là", "tên là", "em tên", "mình tên", "tôi tên", "tên em là",
    "tên mình là", "tên tôi là",
)  # fmt: skip


def _literals(words: tuple[str, ...]) -> str:
    """Return a regex alternation of literal ``words``, in their order."""
    return "|".join(map(re.escape, words))


# a given name alone between a form of address and the vocative ơi: "Dạ chị Trang ơi"
_VOCATIVE = re.compile(
    rf"(?<![^\W\d_])(?i:{_literals(_KIN_FORMS)})[ \t]+(?P<name>{_CAP}"
    rf"(?:[ \t]+{_CAP})?)[ \t]+ơi(?![^\W\d_])"
)
# a given name after a form of address: "Chào chị Quý!", "anh Bình", "bác sĩ Hạnh"
# with or without diacritics (texts typed without them: "chi Lan", "anh Minh")
_ADDRESS_FORMS = (
    rf"(?:(?i:{_literals(_KIN_FORMS + _TITLE_FORMS)})|{_literals(_UNACCENTED_FORMS)}"
    rf"|(?i:{_literals(_GREETINGS + _INTRODUCTIONS)}))"
)
_ADDRESSED_GIVEN = re.compile(
    rf"(?<![^\W\d_]){_ADDRESS_FORMS} +(?P<name>{_CAP}(?: +{_CAP})?)"
    rf"(?![^\W\d_]| +{_CAP}| +khách)"
)
# the first word of every form of address, not after a letter, in the lowercased text: the
# two patterns above are tried only where one starts (they start with a look-behind and
# case-insensitive words, so ``re`` would try them at every position)
_FORM_START = re.compile(
    "(?:"
    + _alternation(
        tuple(
            form.split()[0].rstrip(".")
            for form in _KIN_FORMS + _TITLE_FORMS + _UNACCENTED_FORMS + _GREETINGS + _INTRODUCTIONS
        ),
        r"[^\W\d_]",
    )
    + r")[ \t.]"
)
# places whose syllables are given names too (Nam, Hà): not names as a whole
NOT_GIVEN_PHRASES = frozenset(("việt nam", "hàn quốc", "hà nội", "sài gòn", "hồ chí minh"))
NOT_GIVEN = split_words(
    "seoul busan zalo facebook google kakao hotline spa clinic "
    "the dạ vâng ạ ok chào xin cảm em anh chị bác sĩ y tá nữ nam nu bạn"
)

# a surname, a space and a capital letter, or the vocative ơi (one literal per branch, so
# ``re`` scans for the branches' first letters only)
_TRIGGER_SURNAMES = tuple(
    dict.fromkeys(
        spelling
        for surname in SURNAMES + UNACCENTED_SAFE + UNACCENTED_AMBIGUOUS
        for spelling in (surname, surname.upper())  # upper-case names: NGUYỄN VĂN AN
    )
)
_GIVEN_TRIGGER = rf"{_ADDRESS_FORMS}[ \t]+[A-Z{_UPPER}]"
_TRIGGER = "|".join(
    [rf"{re.escape(s)}[ \t]+[A-Z{_UPPER}]" for s in _TRIGGER_SURNAMES] + ["ơi", _GIVEN_TRIGGER]
)

_HYPERSCAN_TRIGGER = (
    "(?:"
    + "|".join(re.escape(s) for s in _TRIGGER_SURNAMES)
    + rf")[ \t]+[A-Z{_UPPER}]|ơi|{_GIVEN_TRIGGER}"
)
_NOT_VOCATIVE = split_words("bác sĩ y tá dược anh chị em cô chú ông bà bạn cháu bé ơi ạ trời mẹ bố")


class VietnameseNameRecognizer(RegexEntityRecognizer):
    """Finds PERSON: Vietnamese names by surname, capitalised syllables and address forms."""

    ENTITY = "PERSON"
    TRIGGER = Trigger(pattern=_TRIGGER, hyperscan=_HYPERSCAN_TRIGGER)

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield Vietnamese names with a score from their form of address and length."""
        yield from _given_names(text)
        lowered = plain_lowered(text)
        found = [
            (start, end, _score(text, lowered, start, end, match))
            for start, end, match in _name_matches(text)
        ]
        confirmed = {text[start:end] for start, end, score in found if score >= SCORE_FULL}
        for start, end, score in found:
            if score == SCORE_SHORT and (
                text[start:end] in confirmed  # the same name confirmed elsewhere in the text
                or (
                    _SPEAKER_AFTER.match(text, end)
                    and _LINE_START.search(text, max(0, start - 8), start)
                )
            ):
                score = SCORE_FULL
            if score:
                yield start, end, score


def _given_names(text: str) -> Iterator[tuple[int, int, float]]:
    """Given names alone after a form of address (``Dạ chị Trang ơi``, ``anh Bình``)."""
    starts = _form_starts(text)
    if "ơi" in text:
        for match in _tried_at(_VOCATIVE, text, starts):
            if not _NOT_VOCATIVE.intersection(match.group("name").lower().split()):
                yield *match.span("name"), SCORE_ADDRESSED
    for match in _tried_at(_ADDRESSED_GIVEN, text, starts):
        words = match.group("name").lower().split()
        if (
            not NOT_GIVEN.intersection(words)
            and " ".join(words) not in NOT_GIVEN_PHRASES
            # a capitalised form of address ending a name: Mai Anh, Trần Văn Em
            and not (text[match.start()].isupper() and after_capitalised_word(text, match.start()))
        ):
            yield *match.span("name"), SCORE_ADDRESSED


def _form_starts(text: str) -> list[int] | None:
    """Every position where a form of address may start (and more), ascending; None when
    lowercasing ``text`` differs from IGNORECASE (then every position may)."""
    lowered = plain_lowered(text)
    if lowered is None:
        return None
    return [match.start() for match in _FORM_START.finditer(lowered)]


def _tried_at(
    pattern: re.Pattern[str], text: str, starts: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``starts`` when they are known."""
    return pattern.finditer(text) if starts is None else matches_at(pattern, text, starts)


def _name_matches(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Candidate names: title-case ones, and upper-case ones read in title case."""
    for match in _NAME.finditer(text):
        yield match.start(), match.end(), match
    for run in _UPPER_RUN.finditer(text):
        titled = _NAME.fullmatch(run.group().title())
        if titled is not None:
            yield run.start(), run.end(), titled


def _score(text: str, lowered: str | None, start: int, end: int, match: re.Match[str]) -> float:
    """The score of a candidate name (0: a place, a heading or an English word).

    ``lowered``: ``plain_lowered(text)``.
    """
    name = match.group()
    syllables = name.split()
    if name.startswith(_PLACE_PREFIXES):
        return 0.0
    window = max(0, start - BEFORE_WINDOW)
    before = text[window:start]
    lowered_before = None if lowered is None else lowered[window:start]
    described = _AGE_AFTER.match(text, end) is not None or _TIME_AFTER.match(text, end) is not None
    placed = _place_before(before, lowered_before) and _COLUMN_GAP.search(before) is None
    if not described and (placed or _PLACE_AFTER.match(text, end)):
        return 0.0
    addressed = (
        described or _addressed(before, lowered_before) or _TITLE_AFTER.match(text, end) is not None
    )
    if not addressed and "_".join(syllables[:2]).lower() in WORD_STARTS:
        return 0.0  # a heading (Hồ Sơ Bệnh Án), unless addressed (bác sĩ Hoàng Kim Nam)
    if match.group("surname") in _AMBIGUOUS and not (
        addressed or not name.isascii() or _has_middle_name(syllables)
    ):
        return 0.0  # an unaccented "Le Do", "Mai Ha": English words as often as names
    if addressed:
        return SCORE_ADDRESSED
    return SCORE_FULL if len(syllables) >= 3 else SCORE_SHORT


def _has_middle_name(syllables: list[str]) -> bool:
    """Whether a syllable after the surname is a common middle name (Van, Thi, Minh...)."""
    return any(_fold(s) in MIDDLE_NAMES for s in syllables[1:])


def _fold(word: str) -> str:
    """Lower-case, Vietnamese diacritics removed (Hoàng → hoang, Đức → duc)."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _place_before(before: str, lowered: str | None = None) -> bool:
    """A place word or a number ends ``before`` (then punctuation): the name is a place.

    ``lowered``: ``before`` lowercased, when it lowercases as IGNORECASE reads it.
    """
    start = max(0, _stem_end(before, _PLACE_TRAILING) - _PLACE_REACH)
    return _PLACE_BEFORE.found(before, lowered, start)


def _addressed(before: str, lowered: str | None = None) -> bool:
    """A form of address, a label or a chat line's time ends ``before``.

    ``lowered``: ``before`` lowercased, when it lowercases as IGNORECASE reads it.
    """
    start = max(0, _stem_end(before, _ADDRESS_TRAILING) - _ADDRESS_REACH)
    return _ADDRESSED.found(before, lowered, start) or (
        "]" in before and _CHAT_SPEAKER.search(before) is not None
    )


def _stem_end(text: str, trailing: frozenset[str]) -> int:
    """Where ``text`` ends without its trailing punctuation (``trailing``) and spaces."""
    end = len(text)
    while end and (text[end - 1] in trailing or text[end - 1].isspace()):
        end -= 1
    return end


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[VietnameseNameRecognizer]:
    """Return one recognizer per language: Vietnamese names occur in ko and en text too."""
    return [VietnameseNameRecognizer(supported_language=language) for language in languages]
