"""Korean personal names (PERSON): surname + given name, confirmed by a title or a label.

A candidate is a Hangul word start holding one of the common surnames (two-syllable ones such
as 남궁, 황보, 제갈 included) and one or two given-name syllables drawn from the syllables
Korean given names are made of, 2–4 syllables in all. It is scored by what surrounds it:

- a title after it (김민수님, 김민수 씨, 이서연 환자, 박지훈 원장님) or a label before it
  (환자명: 김민수, 성명 이서연, 보호자 박지훈): ``SCORE_STRONG``;
- the honorific subject particle 께서: ``SCORE_HONORIFIC``;
- a chat speaker (``[10:22] 김민수:``, ``오후 3:12, 김민수 :``, ``[김민수] [오후 3:12]``), a
  signature line after a closing (감사합니다 / Best regards / Cảm ơn), a self-introduction
  (안녕하세요, 김민수입니다), or a Vietnamese/English cue before it (Chào, Kính gửi, bác sĩ,
  tôi là, Hi, Dear, Dr., this is, From:...) or the vocative ơi after it: ``SCORE_STRONG``
  (a given name alone is taken only as ``chị 미경 ơi``);
- a full name (3+ syllables) standing alone among Latin-script words on its line, as Korean
  names are written in Vietnamese and English documents, or alone in its line or table cell
  (a signature under a note, ``| 김민수 |``, ``김민수 · 2024.05.01``): ``SCORE_FOREIGN``;
- a given name alone with 님 or 씨 (``민지 씨``, ``지훈님께``), unless it is a title or kinship
  word that takes 님 (원장님, 이모님): ``SCORE_GIVEN_TITLED``;
- another particle (김민수가, 이서연의, 박지훈에게): ``SCORE_PARTICLE``, below the engine's
  threshold, unless the same name is confirmed elsewhere in the text, when every occurrence
  (bare ones included) gets ``SCORE_REPEATED``.

Common nouns that look like names (이번, 정도, 조금, 김치, 강남, 최고, 한국, 전화, 문의...) are
kept out by the given-syllable whitelist and by ``data/ko_name_stopwords.txt``. One compiled
regex scans the text; Python only looks at its matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.recognizers.base import LANGUAGES
from scanner.recognizers.fast_pattern import by_first_character
from scanner.recognizers.regex_base import RegexEntityRecognizer, load_words, split_words
from scanner.recognizers.trigger import Trigger, plain_lowered

SCORE_STRONG = 0.85
SCORE_HONORIFIC = 0.6
SCORE_PARTICLE = 0.35
SCORE_REPEATED = 0.8
SCORE_FOREIGN = 0.7
SCORE_GIVEN_TITLED = 0.75
LABEL_WINDOW = 16
CUE_WINDOW = 40

SURNAMES_TWO = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
SURNAMES_ONE = (
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어편용예경봉"
    "부복태목형피감빈은온"
)
GIVEN_SYLLABLES = (
    "가각간갑강개건걸겸경계고곤관광교구국군권규균근글금기길나난남내녀노누늘다단달담대덕도돈동"
    "두득라란람랑래량려력련렬령례로록론룡루류륜률륭름리린림마만매맹면명모목몽묘무문미민바반"
    "방배백범법벽변별병보복본봄봉부분비빈빛사산삼상새샘서석선설섬섭성세소솔송수숙순슬승시식"
    "신실심아안애야양억언엄여연열염엽영예오옥온완왕요용우욱운울웅원월위유육윤율융은을음의익"
    "인일임자잔장재저전점정제조종주준중지직진찬참창채처천철청초총추춘충치탁태택판평포표풍필"
    "하학한함해행향허헌혁현협형혜호홍화환활황회효후훈휘휴흠흥희힘말분점이솜롱롬결"
)
TITLES = (
    "선생님", "선생", "원장님", "원장", "환자분", "환자", "고객님", "고객", "보호자", "간호사",
    "의사", "실장님", "실장", "팀장님", "팀장", "과장님", "과장", "교수님", "교수", "대표님",
    "상담실장", "코디네이터", "매니저", "드림", "올림", "님", "씨", "(서명)", "(인)", "(ký tên)",
    "(sign)", "귀하", "RN", "MD",
)  # fmt: skip
PARTICLES = (
    "에게서", "에게", "께서", "한테", "으로부터", "로부터", "입니다", "이며", "이고", "이다",
    "이랑", "하고", "이", "가", "은", "는", "의", "을", "를", "와", "과", "도", "랑", "께",
)  # fmt: skip
LABELS = (
    "환자명", "환자 성명", "환자 이름", "환자", "성명", "이름", "성함", "보호자명", "보호자",
    "담당의", "담당 의사", "담당의사", "주치의", "집도의", "담당 원장", "원장", "고객명", "고객",
    "신청인", "동의자", "서명자", "작성자", "대리인", "법정대리인", "예약자", "상담자", "담당자",
    "수신인", "발신인", "수신", "발신", "받는 사람", "보내는 사람", "처방의", "처방 의사", "본인",
    "수진자", "시술자", "상담의", "보호자 연락처", "비상 연락처", "비상연락처", "긴급 연락처",
    "서명", "검사자", "처방의료인", "보낸사람", "보낸 사람", "받는사람", "인계", "인수", "의사",
    "픽업 담당", "수진자명", "대표", "대표자", "대표원장", "의뢰의사", "의뢰의", "의뢰인", "동의인",
    "수령인", "받는분", "보내는분", "예금주", "입금자", "주문자", "결제자", "방문자", "간병인",
    "집도", "마취의", "수술의", "참석자", "참조", "작성", "확인자", "검토자", "승인자", "접수자",
    "간호사", "상담실장", "실장", "코디네이터", "매니저", "팀장", "과장", "교수", "통역사",
)  # fmt: skip
# Words before a name in Vietnamese or English text: forms of address, greetings, labels
FOREIGN_CUES = (
    "hi", "hello", "hey", "dear", "dr", "mr", "mrs", "ms", "miss", "prof", "doctor", "patient",
    "name", "from", "to", "cc", "attn", "attending", "prescriber", "prescribed by", "surgeon",
    "physician", "guardian", "contact", "signed", "signed by", "this is", "i am", "i'm",
    "my name is", "regards", "sincerely", "thanks", "thank you", "chào", "xin chào", "kính gửi",
    "thân gửi", "gửi", "bác sĩ", "bs", "bệnh nhân", "người bệnh", "khách", "khách hàng",
    "họ tên", "họ và tên", "tên", "người nhà", "phụ trách", "kê đơn", "tôi là", "em là",
    "chị", "anh", "em", "cô", "chú", "ông", "bà", "bạn", "cháu", "người đón", "người đi cùng",
    "người liên hệ", "người giám hộ", "người thân", "tư vấn viên", "điều dưỡng", "y tá",
    "phiên dịch", "thông dịch viên", "nhân viên", "coordinator", "nurse", "interpreter",
    "counselor", "consultant", "manager", "witness",
)  # fmt: skip
# family members named after a label or before a name: "보호자: 어머니 박순자", "딸 이지은"
KIN = (
    "어머니", "아버지", "엄마", "아빠", "남편", "아내", "부인", "배우자", "딸", "아들", "자녀",
    "모친", "부친", "언니", "오빠", "누나", "동생", "할머니", "할아버지", "손녀", "손자", "며느리",
    "사위", "시어머니", "시아버지", "장모", "장인", "조카", "친구", "지인", "형",
)  # fmt: skip
STOPWORDS = load_words("ko_name_stopwords.txt")
# medical terms shaped like a name (오심, 천식, 이마, 문신): a person only with a title after
MEDICAL_WORDS = frozenset(
    word
    for kind in ("condition", "medication", "procedure")
    for word in load_words(f"medical/{kind}.ko.txt")
)


def _alternation(words: tuple[str, ...]) -> str:
    """Return a regex alternation of literal ``words``, longest first."""
    return "|".join(_longest_first(words))


def _longest_first(words: tuple[str, ...]) -> list[str]:
    """The distinct ``words``, escaped, longest first (as an alternation must try them)."""
    return [re.escape(word) for word in sorted(set(words), key=len, reverse=True)]


def _surname() -> str:
    """A surname at the start of a Hangul word, as a pattern that starts with a class.

    The plain form, ``(?<![가-힣])(?:남궁|황보|...|[김이박...])``, starts with a look-behind,
    which ``re`` tries at every position; a leading class lets it skip to the characters a
    surname starts with. The first syllable is matched, then the second of a two-syllable
    surname (which looks back at the first), else none: the plain form's matches, in its order.
    """
    first = "".join(sorted(set(SURNAMES_ONE).union(surname[0] for surname in SURNAMES_TWO)))
    second = "|".join(f"(?<={surname[0]}){surname[1]}" for surname in SURNAMES_TWO)
    return rf"[{first}](?<![가-힣].)(?:{second}|(?<=[{SURNAMES_ONE}]))"


# what follows a name: a title, a particle, or the end of its Hangul word
_AFTER_NAME = (
    rf"(?=(?P<title>\s?(?:{_alternation(TITLES)}))|(?P<particle>{_alternation(PARTICLES)})"
    rf"|(?![가-힣]))"
)
_NAME = re.compile(rf"(?P<name>{_surname()}[{GIVEN_SYLLABLES}]{{1,2}}){_AFTER_NAME}")
# a label, maybe with a note in brackets (비상연락처(가족):), then a colon or particle
# (or a family member: "보호자: 어머니 박순자"; a list marker: "참조: 김민수, 이서연")
_LABEL_BEFORE = re.compile(
    rf"(?:{_alternation(LABELS)})명?(?:\([^)\n]{{0,10}}\))?(?:은|는|:|：|\s|-)*"
    rf"(?:(?:{_alternation(KIN)})[ \t]+)?$"
)
# labels that take a colon, as a form's sign-off rows do: "확인: 박지훈", "기록: 이서연"
_COLON_LABEL_BEFORE = re.compile(
    r"(?<![가-힣])(?:확인|기록|담당|입력|검토|승인|접수|상담|보조|참석|마취|전달|면담|교육)"
    r"[ \t]*[:：][ \t]*$"
)
# a family member right before a full name: "남편 김철수", "딸 이지은 동행"
_KIN_BEFORE = re.compile(rf"(?<![가-힣])(?:{_alternation(KIN)})[ \t]+$")
# a name after another one in a list: "김민수, 이서연", "김민수 · 이서연", "김민수 및 이서연"
_LIST_GAP = re.compile(r"[ \t]*(?:[,·/;、][ \t]*|[ \t]및[ \t]+|[ \t]*\n[ \t]*)")
# a roster or list line: a number or bullet (or a time) first, then the name, then its end,
# a time, a number or a bracket: "1. 위아름 10:00", "- 박하람", "14:00 여서준 RN"
_ROSTER_START = re.compile(
    r"(?:^|\n)[ \t]*(?:\d{1,3}[.)]|[-–—•*▶►]|\d{1,2}:\d\d(?:[ \t]*[-~][ \t]*\d{1,2}:\d\d)?)"
    r"[ \t]*$"
)
_ROSTER_END = re.compile(r"[ \t]*(?:$|\n|[ \t]\d|[ \t]?\(|[ \t]*[|·,])")
# a mobile or a resident registration number right after a full name: a contact entry or a
# patient list's row ("김민수 010-1234-5678", "김민수 900101-1234567")
_CONTACT_AFTER = re.compile(
    r"[ \t]*[(:：/,]?[ \t]*(?:(?:\+82[- ]?)?0?1[016789][- .]?\d{3,4}[- .]?\d{4}"
    r"|\d{6}[ ]?-?[ ]?[1-8]\d{6}(?!\d))"
)
# an age and sex after the name, as in ward lists: "308호 최지훈 (42/F)"
_AGE_AFTER = re.compile(
    r"[ \t]*\([ \t]*\d{1,3}[ \t]*(?:세[ \t]*\)|(?:세|y)?[ \t]*[/,][ \t]*[MFmf남여])"
)
# (not after a digit or a letter: "72cc, 오심" is a volume, not a CC list)
_CUE_BEFORE_SOURCE = rf"(?<!\w)(?:{by_first_character(_longest_first(FOREIGN_CUES))})[.:：,\s]*$"
_CUE_BEFORE = re.compile(_CUE_BEFORE_SOURCE, re.IGNORECASE)
# the same for lowercased text (the cues are lowercase): each branch then starts with a plain
# literal, which ``re`` checks before trying the branch (a case-insensitive one it tries)
_LOWERED_CUE_BEFORE = re.compile(_CUE_BEFORE_SOURCE)
# a cue ends with a letter, so it ends where the trailing [.:：,\s] characters start
_CUE_REACH = max(len(cue) for cue in FOREIGN_CUES)
_CUE_TRAILING = frozenset(".:：,")
# a chat line's speaker: "[10:22] 김민수: ...", "10:22 김민수: ...", "[김민수] [오후 3:12] ..."
_TIME = r"(?:오전|오후|AM|PM|am|pm)?[ \t]?\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?(?:AM|PM|am|pm))?"
_SPEAKER_BEFORE = re.compile(
    rf"(?:^|\n)[ \t]*(?:\[[^\]\n]{{0,24}}{_TIME}\]|(?:\d{{4}}[^\n:]{{0,16}}?)?{_TIME}[ \t]*[,-]?)"
    r"[ \t]*$"
)
_SPEAKER_AFTER = re.compile(r"[ \t]?[:：]")
_KAKAO_AFTER = re.compile(rf"\][ \t]*\[{_TIME}\]")
_VOCATIVE_AFTER = re.compile(r"[ \t]+ơi(?![^\W\d_])")
_GREETING_BEFORE = re.compile(r"(?:안녕하세요|안녕하십니까|저는|제 이름은)[.,!\s]*$")
_CLOSING_LINE = re.compile(
    r"(?:감사합니다|감사드립니다|고맙습니다|수고하세요|regards|sincerely|thanks|thank you|cheers|"
    r"cảm ơn|trân trọng|thân ái)[^\n]{0,20}\n[ \t]*$",
    re.IGNORECASE,
)
_SIGNATURE_AFTER = re.compile(r"[ \t]*(?:$|\n|[/|,(<+]|\d)")
# a given name alone, called by a Vietnamese form of address: "chị 미경 ơi"
_GIVEN_VOCATIVE = re.compile(
    rf"(?<![^\W\d_])(?:anh|chị|em|cô|chú|bác|ông|bà|bạn)[ \t]+(?P<name>[{GIVEN_SYLLABLES}]{{2}})"
    r"[ \t]+ơi(?![^\W\d_])",
    re.IGNORECASE,
)
# a given name alone with 님 / 씨 ("민지 씨", "지훈님께"), as chats and notes address people,
# or called with the vocative 아 / 야 ("지훈아,", "서연아 내일 와?"): 아 after a final
# consonant, 야 after a vowel
_GIVEN_TITLED = re.compile(
    rf"(?<![가-힣])(?P<name>[{GIVEN_SYLLABLES}]{{2}})(?=[ \t]?(?:님|씨)"
    rf"(?:{_alternation(PARTICLES)})?(?![가-힣])|(?P<vocative>[아야])(?:[ \t,!?~.…]|$))",
    re.MULTILINE,
)
_GIVEN_FOLLOWERS = "님씨아야"  # what follows each _GIVEN_TITLED name
# a Hangul syllable before ơi: every _GIVEN_VOCATIVE match holds one ("ơi" is also in người)
_NAME_BEFORE_OI = re.compile(r"[가-힣][ \t]+ơi", re.IGNORECASE)
# words that end a vocative-looking run: "여기야", "누구야", "주사야"
NOT_VOCATIVE = split_words("여기 저기 거기 누구 주사 우유 소주 미소 요기 이거 수고 이제 정말")
# two-syllable words that take 님 as titles, kinship terms and roles do, not names
NOT_GIVEN = split_words(
    """원장 실장 팀장 과장 부장 사장 차장 대표 교수 의사 이모 사모 고모 선배 후배 형수 주임
    대리 계장 반장 회장 총장 이사 상무 전무 기사 작가 감독 코치 소장 원무 수간 간호 기자
    고객 환자 보호 선생 도련 아가 부모 자녀 손님 주인 신부 신랑 엄마 아빠 할머 할아 아드
    따님 형제 자매 남편 아내 동생 언니 오빠 누나 형님 매니 코디 상담 담당 작성 신청 예약
    장모 장인 시모 부인 사위 조카 손자 손녀 처제 처남 시누 동서 사돈 어르 마님 주님 스님 목사
    수녀 의원 위원 간사 총무 팀원 직원 회원 사원 학생 교사 원생 군인 경찰 부처 하느 어머 아버"""
)
_HANGUL = re.compile(r"[가-힣]")
_CELL_START = re.compile(r"(?:^|[\n\t|]|[ \t]{2}|[ \t]/)[ \t]*$")
_CELL_END = re.compile(r"[ \t]*(?:$|[\n\t|·/,(]|[ \t]{2}|[ \t]-[ \t])")
_LETTER = re.compile(r"[^\W\d_]")
_LINE_START = re.compile(r"(?:^|\n|[ \t]/)[ \t]*$")  # a line's start, or a note's "  / " sign-off
# a sex cell after a name cell, as rosters and exports have: "4;엄솔;여;1965-08-21"
_SEX_AFTER = re.compile(
    r"[ \t]*[;,\t|][ \t]*(?:남|여|남성|여성|M|F|Nam|Nữ)[ \t]*(?:[;,\t|]|$)", re.M
)
# a table's column header that names people: a cell under it holding a name-shaped word is one
_NAME_HEADER = re.compile(
    r"[ \t]*(?:성명|이름|환자명?|고객명?|보호자|담당자?|담당의|확인자?|서명|작성자|상담자|예약자|"
    r"수진자|간호사|의사|원장|직원|(?i:name|full name|patient|by|staff|nurse|doctor|surgeon|"
    r"checked by|verified by|signed by|họ tên|họ và tên|tên|người [^\W\d_]+|bác sĩ|"
    r"nhân viên))[ \t]*"
)
_SEPARATORS = "|\t;,"
HEADER_LINES = 40
_DATED_AFTER = re.compile(
    r"[ \t]*(?:\r?\n[ \t]*|[ \t]·[ \t]*)(?:\d{1,4}[./-][ \t]?\d{1,2}|\d{1,2}:\d\d|\[?(?:오전|오후))"
)


class KoreanNameRecognizer(RegexEntityRecognizer):
    """Finds PERSON: Korean names by surname, given-name syllables, titles and labels."""

    ENTITY = "PERSON"
    TRIGGER = Trigger(pattern="[가-힣]")  # surnames and given names are Hangul

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield Korean names; bare or particle-only ones only when confirmed elsewhere."""
        found: list[tuple[int, int, float]] = []
        strong: set[str] = set()
        for match in _NAME.finditer(text):
            name = match.group("name")
            if name in STOPWORDS or (name in MEDICAL_WORDS and match.group("title") is None):
                continue
            start, end = match.span("name")
            score = _score(text, start, match)
            if score < SCORE_FOREIGN and found and _listed_after(text, found[-1], start, end):
                score = SCORE_REPEATED
            if score >= SCORE_STRONG:
                strong.add(name)
            found.append((start, end, score))
        found.extend(_given_names(text, {(start, end) for start, end, _ in found}))
        for start, end, score in found:
            if score < SCORE_REPEATED and text[start:end] in strong:
                score = SCORE_REPEATED
            if score > 0:
                yield start, end, score


def _listed_after(text: str, previous: tuple[int, int, float], start: int, end: int) -> bool:
    """A name right after a confirmed one in a list, alone up to the next separator or its
    line's end: "참조: 김민수, 이서연, 박지훈"."""
    before_end, score = previous[1], previous[2]
    if score < SCORE_FOREIGN:
        return False
    gap = _LIST_GAP.fullmatch(text, before_end, start)
    return gap is not None and _ROSTER_END.match(text, end) is not None


def _given_names(text: str, seen: set[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
    """Given names alone: with 님 / 씨 (민지 씨), or called by a Vietnamese vocative."""
    for match in _given_titled(text):
        name = match.group("name")
        if match.span("name") in seen or name in NOT_GIVEN:
            continue
        vocative = match.group("vocative")
        if vocative is not None and not _vocative_name(name, vocative):
            continue
        yield *match.span("name"), SCORE_GIVEN_TITLED
    if "ơi" in text and _NAME_BEFORE_OI.search(text):
        for match in _GIVEN_VOCATIVE.finditer(text):
            if match.span("name") not in seen and match.group("name") not in STOPWORDS:
                yield *match.span("name"), SCORE_STRONG


def _given_titled(text: str) -> Iterator[re.Match[str]]:
    """``_GIVEN_TITLED.finditer(text)``, tried only where a match can start.

    A match's two-syllable name starts two characters before 님 / 씨 / 아 / 야, or three
    before 님 / 씨 after a space; it follows a non-Hangul character, so matches never overlap,
    and trying those starts in order finds ``finditer``'s matches without a scan of every
    position (``str.find`` finds the four characters faster than ``re`` does).
    """
    tried = -1
    for follower in sorted(_positions(text, _GIVEN_FOLLOWERS)):
        for start in (follower - 3, follower - 2):
            if start > tried and start >= 0:
                tried = start
                if (match := _GIVEN_TITLED.match(text, start)) is not None:
                    yield match


def _positions(text: str, chars: str) -> Iterator[int]:
    """Every position of each of ``chars`` in ``text`` (character by character)."""
    for char in chars:
        at = text.find(char)
        while at >= 0:
            yield at
            at = text.find(char, at + 1)


def _vocative_name(name: str, vocative: str) -> bool:
    """Whether ``name`` + 아/야 is a call: 아 after a final consonant, 야 after a vowel (이야 is
    the copula), and the name no common word (여기야, 누구야)."""
    if name in STOPWORDS or name in NOT_VOCATIVE or name in MEDICAL_WORDS or name[-1] == "이":
        return False
    has_final = (ord(name[-1]) - 0xAC00) % 28 != 0
    return has_final == (vocative == "아")


def _score(text: str, start: int, match: re.Match[str]) -> float:
    """Score one candidate by its title, label, cue or particle (0 when nothing supports it)."""
    end = match.end("name")
    if match.group("title") is not None or _AGE_AFTER.match(text, end):
        return SCORE_STRONG
    if (
        _LABEL_BEFORE.search(text, max(0, start - LABEL_WINDOW), start)
        or _COLON_LABEL_BEFORE.search(text, max(0, start - 8), start)
        or _cued(text, start, end)
    ):
        return SCORE_STRONG
    particle = match.group("particle")
    if particle == "입니다" and _GREETING_BEFORE.search(text, max(0, start - 12), start):
        return SCORE_STRONG  # self-introduction: 안녕하세요, 김민수입니다
    if particle is None:
        if _SEX_AFTER.match(text, end) or (end - start < 3 and named_column(text, start, end)):
            return SCORE_STRONG
        if end - start >= 3 and (
            _KIN_BEFORE.search(text, max(0, start - 8), start)
            or _CONTACT_AFTER.match(text, end)
            or (
                _ROSTER_START.search(text, max(0, start - 20), start)
                and _ROSTER_END.match(text, end)
            )
        ):
            return SCORE_STRONG
        alone = _in_foreign_text(text, start, end) or _stands_alone(text, start, end)
        return SCORE_FOREIGN if alone else 0.0
    return SCORE_HONORIFIC if particle in ("께서", "께") else SCORE_PARTICLE


def _cued(text: str, start: int, end: int) -> bool:
    """A chat speaker, a signature, a vocative (chị 민지 ơi) or a foreign cue before the name."""
    before = max(0, start - CUE_WINDOW)
    head = text[before:start].rstrip(" \t")
    if _SPEAKER_AFTER.match(text, end) and _SPEAKER_BEFORE.search(text, before, start):
        return True
    if head.endswith("[") and _KAKAO_AFTER.match(text, end):
        return True
    if _VOCATIVE_AFTER.match(text, end):
        return True
    if head and not _HANGUL.match(head[-1]) and _cue_before(text, before, start):
        return True  # cues are Latin-script words, so a Hangul character before rules them out
    return bool(
        (not head or head.endswith("\n"))
        and _SIGNATURE_AFTER.match(text, end)
        and _CLOSING_LINE.search(text, max(0, start - 60), start)
    )


def _cue_before(text: str, before: int, start: int) -> bool:
    """Whether a foreign cue (``Chào``, ``bác sĩ``, ``Dear``...) ends before ``start``, with
    only spaces and punctuation between."""
    cue_start = _cue_start(text, before, start)
    lowered = plain_lowered(text)
    if lowered is not None and len(lowered) == len(text):  # lowercased letter by letter
        return _LOWERED_CUE_BEFORE.search(lowered, cue_start, start) is not None
    return _CUE_BEFORE.search(text, cue_start, start) is not None


def _cue_start(text: str, before: int, start: int) -> int:
    """The earliest place a cue ending just before ``start`` (and its punctuation) can begin."""
    end = start
    while end > before and (text[end - 1] in _CUE_TRAILING or text[end - 1].isspace()):
        end -= 1
    return max(before, end - _CUE_REACH)


def _in_foreign_text(text: str, start: int, end: int) -> bool:
    """A full name (3+ syllables) standing alone among Latin-script words on its line."""
    if end - start < 3:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = _LETTER.findall(text, max(line_start, start - 12), start)
    after = _LETTER.findall(text, end, min(line_end, end + 12))
    neighbours = before[-1:] + after[:1]
    return bool(neighbours) and not any(_HANGUL.match(c) for c in neighbours)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A full name (3+ syllables) alone at the start of its line or cell, then its end or a
    separator (a signature, a table cell, ``name · date``); a two-syllable one only alone on
    its line (or after a note's `` / ``) before a date or a time (a note's signature:
    ``엄솔\n08/04 10:01``, ``백별 · 2022. 9. 19``)."""
    if end - start < 3:
        return bool(_LINE_START.search(text, max(0, start - 4), start)) and bool(
            _DATED_AFTER.match(text, end)
        )
    return bool(_CELL_START.search(text, max(0, start - 8), start)) and bool(
        _CELL_END.match(text, end)
    )


def named_column(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills a table cell whose column header names people
    (성명, 이름, 확인자, name, by, Họ tên...): the cell's index in its row, then the header
    cell with that index in the first row of the table (the lines above with the same
    separator)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start].rstrip(" ")
    if not head or head[-1] not in _SEPARATORS:
        return False
    separator = head[-1]
    line_end = text.find("\n", end)
    tail = text[end : len(text) if line_end < 0 else line_end].lstrip(" ")
    if tail and tail[0] != separator:
        return False
    column = head.count(separator)
    header = line_start
    for _ in range(HEADER_LINES):
        if header == 0:
            break
        above = text.rfind("\n", 0, header - 1) + 1
        if text.count(separator, above, header - 1) < column:
            break
        header = above
    if header == line_start:
        return False
    header_end = text.find("\n", header)
    cells = text[header:header_end].split(separator)
    return column < len(cells) and _NAME_HEADER.fullmatch(cells[column]) is not None


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[KoreanNameRecognizer]:
    """Return one recognizer per language: Korean names occur in vi and en documents too."""
    return [KoreanNameRecognizer(supported_language=language) for language in languages]
