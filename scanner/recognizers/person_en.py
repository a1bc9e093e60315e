"""English-language personal names (PERSON): titles, labels, and known first names.

- A title (Mr, Mrs, Ms, Miss, Dr, Prof) followed by capitalised names: ``SCORE_TITLE``; the
  span is the name, not the title (``Dr. Park Ji-hoon`` → ``Park Ji-hoon``).
- A label (Patient:, Name:, Dear, Signed:, Guardian:...) followed by capitalised names:
  ``SCORE_LABEL``. Without a colon the first word must be a known first name or surname, or,
  after a greeting, introduction or closing (Hi, Hello, this is, my name is, ``I,``, Best
  regards + line break), the name must have two words.
- In Korean and Vietnamese text: capitalised names after a label (환자명:, 보호자 연락처:,
  Họ tên:, Bệnh nhân:) or before a Korean title (님, 고객, 입니다...), and chat speakers
  (``[14:02] Grace Clark:``): ``SCORE_LABEL`` when two words long or a known first name.
- Runs of capitalised words and initials, judged with ``data/en_first_names.txt`` and
  ``data/en_surnames.txt`` (US Census 1990; ``~`` marks names that are common words):
  ``SCORE_FIRST_NAME`` for a first name and the next word (a common-word first name such as
  Grace needs a known surname), an initial and a surname (``J. Smith``), ``Hughes, Rebecca``,
  three-part names, and an unknown word and a surname after patient/name/signed...
  (``_run_names``); a romanised Korean name (``Kim Min-su``, ``Min-su Kim``): ``SCORE_KOREAN``.

Capitalised words that are not surnames (Clinic, Station, Street, months, weekdays, product
words...) end a name or rule it out, so ``Seoul Station``, ``May 2023`` and sentence-initial
capitals are not names; so are words of the English medical term lists. Candidate runs of
capitalised words come from one regex; every list check is a set lookup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Set
from itertools import compress

from scanner.recognizers.base import LANGUAGES
from scanner.recognizers.fast_pattern import by_first_character
from scanner.recognizers.regex_base import (
    RegexEntityRecognizer,
    after_capitalised_word,
    load_words,
    split_words,
)
from scanner.recognizers.trigger import HYPERSCAN_AVAILABLE, Prefilter, Trigger

SCORE_TITLE = 0.85
SCORE_LABEL = 0.8
SCORE_FIRST_NAME = 0.65
SCORE_KOREAN = 0.7


def _marked(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A name list's lookup keys (``_key``): every entry, and those marked ``~`` (common words)."""
    words = load_words(name)
    every = frozenset(_key(word.lstrip("~")) for word in words)
    return every, frozenset(_key(word[1:]) for word in words if word.startswith("~"))


def _key(word: str) -> str:
    """The lookup form of a name: apostrophes and accents dropped, capitalised (``O'Neill`` →
    ``Oneill``, ``François`` → ``Francois``)."""
    word = word.replace("'", "").replace("’", "")
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
    return word.capitalize()


FIRST_NAMES, COMMON_FIRST_NAMES = _marked("en_first_names.txt")
SURNAMES, COMMON_SURNAMES = _marked("en_surnames.txt")
KOREAN_SURNAMES = split_words(
    "Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han "
    "Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Jeon Jun Hong Yoo Yu Ko Go Moon Mun Yang Son "
    "Bae Baek Paek Heo Huh Nam Shim Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Koo Ku Min Ryu "
    "Na Jin Ji Um Eom Chae Won Cheon Bang Gong Hyun Ham Byun Yeom Yeo Choo Do So Seok Sun Seol "
    "Ma Gil Yeon Wi Pyo Myung Ki Ban Ra Wang Geum Ok Yook Namgung Hwangbo Jegal Seonwoo "
    "Mo Maeng Tak Kook Guk Pyeon Yong Ye Gyeong Bong Bu Bok Tae Mok Hyeong Pi Gam Bin Eun On "
    "Je Hyeon Eo Pyun Seon Gu Goo Kong Gong Cheon Chun Ryoo Yu Rhee Ahn Suk Sohn Shin Kye "
    "In Sagong Sakong Namkung Seomun Dokgo Dongbang Sunwoo"
)
NOT_NAMES = split_words(
    """The And Or Of In On At To For With From By Is Was Are Be This That These Those It
    He She We They You My Your Our Their His Her Its Please Thank Thanks Dear Hello Hi Yes No
    Not Do Does Did Have Has Had Will Would Can Could Should May Might Must Shall Here There
    Clinic Hospital Center Centre Medical Surgery Plastic Beauty Aesthetic Dermatology Health
    Street St Road Rd Avenue Ave Boulevard Blvd Lane Drive Station Airport Hotel University
    College School Institute Office Department Dept Team Group Inc Ltd Co Corp Company Bank Mall
    Tower Building Plaza Market Square Bridge Gate City District Province State County Ward
    Seoul Busan Gangnam Korea Korean Vietnam Vietnamese English Hanoi Saigon Incheon Jeju
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday Morning
    Evening Night Week Month Year Day Time Date Total Invoice Order Number No Room Floor Suite
    Ultra Plus Pro Max Lite Gel Cream Filler Botox Laser Package Program Plan Care Form Consent
    Record Report Chart Note Notes Visit Follow Patient Patients Doctor Nurse Staff Customer
    Customers Client Guest Sir Madam Madame Mr Mrs Ms Miss Dr Prof Regards Best Sincerely Kind
    Warm Subject Re Fw Fwd Cc Bcc Tel Phone Mobile Email Fax Address Name Signature Signed
    Brand Secret Store Shop Collection Series Edition Beauty Cosmetics Skincare Prime Dior
    Female Male Unknown None Anonymous Redacted Pending Whom Concern Front Desk Reception
    Service Services Support Management Admin Administrator Coordinator Manager Counselor
    Valued Everyone All Team Members Sales Marketing Billing Accounts Help
    Spa Salon Pharmacy Lab Labs Laboratory Dental Dentistry Therapy Treatment Consultation
    Appointment Appointments Surgery Instructions Information Policy Terms Privacy Insurance
    Result Results Test Tests Summary Discharge Prescription Referral Letter Review Update
    Reminder Confirmation Booking Schedule Payment Receipt Refund Discount Event Promotion
    Holdings Group Foundation Association Society Trust Partners Solutions Systems Labs
    Avenue Heights Village Hills Garden Gardens Beach Bay Valley River Lake Island
    Cathedral Museum Gallery Theater Theatre Stadium Arena Library
    Christmas Easter Thanksgiving Halloween New Happy Merry Welcome Congratulations Dear
    """
)
# words of the English medical term lists (Amlodipine, Besylate, Botox): never part of a name,
# unless a name that is not also a common word (Graves, as in Graves' disease)
MEDICAL_WORDS = (
    frozenset(
        _key(part)
        for kind in ("condition", "medication", "procedure")
        for word in load_words(f"medical/{kind}.en.txt")
        for part in word.replace("/", "-").split("-")
        if len(part) > 3
    )
    - (FIRST_NAMES - COMMON_FIRST_NAMES)
    - (SURNAMES - COMMON_SURNAMES)
)
# capitalised words that end a name or rule it out, as lookup keys
_BLOCKED = frozenset(_key(word) for word in NOT_NAMES) | MEDICAL_WORDS
# a first name that is also a Korean surname (Kim, Lee, Min) needs a known surname after it
_STRONG_FIRST = FIRST_NAMES - COMMON_FIRST_NAMES - _BLOCKED - KOREAN_SURNAMES
# first names that are also months or words ruled out above (May, June, April, Will): a name
# only before a known surname (June Palmer, Will Powell), never alone or before any word
_WORD_FIRST = (FIRST_NAMES & _BLOCKED) & split_words("April August June May Will Rich Max Ward")
# surnames that are also words ruled out above: a surname after a known first name (Emma Ward)
_WORD_SURNAMES = split_words("Ward Lane Major Chin Day")
_WEAK_FIRST = (COMMON_FIRST_NAMES | (FIRST_NAMES & KOREAN_SURNAMES)) - _BLOCKED
_STRONG_SURNAMES = SURNAMES - COMMON_SURNAMES - _BLOCKED
_SURNAME_LIKE = SURNAMES - _BLOCKED
# after the capital: lower-case letters, Latin-1 accented ones included (Müller, François)
_LOW = "a-zß-öø-ÿ"
_CAP_TAIL = rf"(?:[{_LOW}]+(?:[A-Z][{_LOW}]+)?|['’][A-Z][{_LOW}]+)(?:-[A-Za-z][{_LOW}]+)*"
_CAP = rf"(?:[A-Z]{_CAP_TAIL})"
# a name's words are one space apart: two spaces or a tab end a column ("Kim Sol  Lic. 88")
_NAMESEQ = rf"(?:[A-Z]\.[ \t]*){{0,2}}{_CAP}(?:[ \t](?:[A-Z]\.[ \t])?{_CAP}){{0,3}}"


def _word_start(branches: Iterable[str]) -> str:
    """``\\b(?:a|b|...)`` for branches starting with a letter, as an alternation ``re`` scans
    fast (``by_first_character``)."""
    return by_first_character(branches, not_after=r"\w")


_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Doctor")
_LABELS = (
    r"Patient(?:'s)?(?:[ \t]+[Nn]ame)?", r"Full[ \t]+[Nn]ame", "Name", "Dear",
    r"Signed(?:[ \t]+by)?", "Signature", "Attn", "Attention", "Guardian", "Surgeon", "Physician",
    "Nurse", r"Emergency[ \t]+contact", r"Next[ \t]+of[ \t]+kin", r"Referred[ \t]+by",
    r"Prepared[ \t]+by", r"Contact[ \t]+person", r"Patient[ \t]+ID[ \t]+holder", "Sincerely",
    "Regards", "regards", "Thanks", "From", "To", "Prescriber", r"Prescribed[ \t]+by",
    "Attending", "Hi", "Hello", "Hey", r"This[ \t]+is", r"this[ \t]+is", r"I[ \t]+am", "I['’]m",
    r"My[ \t]+name[ \t]+is", r"my[ \t]+name[ \t]+is", "I(?=,)",
    r"Bill(?:ed)?[ \t]+to", r"Ship[ \t]+to", r"Sold[ \t]+to", r"Completed[ \t]+by",
    r"Reviewed[ \t]+by", r"Seen[ \t]+by", r"Approved[ \t]+by", r"Performed[ \t]+by",
    r"Requested[ \t]+by", r"Written[ \t]+by", r"Posted[ \t]+by", "Witness", "Interpreter",
    "Translator", "Caregiver", "Parent", "Spouse", "Pt", "Re", "Cc", "CC", "Bcc", "Attendees",
    "Participants", "Anesthetist", "Anaesthetist", "Anesthesiologist", "Provider", "Clinician",
    "Therapist", "Consultant", "Coordinator", "Pharmacist", "Practitioner", "Insured",
    "Policyholder", "Cardholder", r"Account[ \t]+holder", "Client", "Customer", "Member",
    "Recipient", "Sender", "Author", "Reviewer", r"Attending[ \t]+(?:surgeon|physician|doctor)",
    r"Patient[ \t]+signature", r"Patient(?:'s)?[ \t]+(?:full[ \t]+)?name",
    r"Many[ \t]+thanks", r"many[ \t]+thanks", r"Thank[ \t]+you", r"Best[ \t]+wishes", "Cheers",
    "Warmly", "Respectfully", r"Yours(?:[ \t]+(?:truly|faithfully|sincerely))?",
)  # fmt: skip
_TITLED = re.compile(rf"(?:{_word_start(_TITLES)})\.?[ \t]+(?P<name>{_NAMESEQ})")
_LABEL_END = r"[ \t]*[:,][ \t]*(?:\r?\n[ \t]*){0,2}|[ \t]+[-–][ \t]+|[ \t]+"
_LABELLED = re.compile(
    rf"(?P<label>{_word_start(_LABELS)})(?P<colon>{_LABEL_END})(?P<name>{_NAMESEQ})"
)
# labels after which two capitalised words are a name even when the first name is unknown
_PERSONAL_LABELS = split_words(
    "Dear Hi Hello Hey is am I'm I’m I Sincerely Regards regards Thanks thanks you wishes Cheers "
    "Warmly Respectfully Yours truly faithfully sincerely"
)
_COMMA_GIVEN = re.compile(rf",[ \t]*({_CAP})\b(?![ \t]+[A-Z][a-z])")
# any "<verb>ed by:" label: "Verified by: ...", "Checked by: ...", "Dictated by: ..." (found
# by its " by:", then the word before it is read)
_BY_COLON = re.compile(r"[ \t]by[ \t]*:[ \t]*")
_PARTICIPLE_BEFORE = re.compile(r"(?<!\w)[A-Za-z]+(?:ed|en|ne)$")
_NAMESEQ_AT = re.compile(_NAMESEQ)
# labels after which a name must hold a known name (From Seoul Clinic, To Whom, Re: Botox
# Pricing), even after a colon
_IMPERSONAL_LABELS = split_words("From To")
_CHECKED_LABELS = split_words("Re Client Customer Member Recipient Sender Author Reviewer")
# the next names of a list after a label: "CC: Grace Lee; Will Powell", "Attendees: ..., ..."
_LIST_NEXT = re.compile(rf"[ \t]*(?:[;,/&]|[ \t]and)[ \t]*(?P<name>{_NAMESEQ})")
# an English name in Korean or Vietnamese text: a label before it or a Korean title after it
_FOREIGN_LABEL = (
    r"(?:환자명|환자|성명|이름|성함|보호자(?:[ \t]*연락처)?|고객명|예약자|상담[ \t]*예약|수신|발신|"
    r"본인|Họ và tên|Họ tên|Bệnh nhân|Khách hàng|Người nhà|Tên)[ \t]*[:：]?[ \t]*"
)
_FOREIGN_LABELLED = re.compile(rf"{_FOREIGN_LABEL}(?P<name>{_NAMESEQ})")
# a signature after a Korean or Vietnamese closing line: "감사합니다.\nGrace Parker"
_CLOSING = (
    r"(?:감사합니다|감사드립니다|고맙습니다|Cảm ơn[^\n]{0,20}|Trân trọng)[.,!]?[ \t]*\r?\n[ \t]*"
)
_SIGNATURE = re.compile(rf"{_CLOSING}(?P<name>{_NAMESEQ})")
# a chat line's speaker: "[14:02] Grace Clark: ..." (two or more capitalised words)
_CHAT_TIME = r"(?m)^[ \t]*\[[^\]\n]{0,24}\d{1,2}:\d\d(?::\d\d)?[^\]\n]{0,6}\][ \t]*"
_SPEAKER = re.compile(rf"{_CHAT_TIME}(?P<name>{_NAMESEQ})[ \t]?:")
_KO_TITLE = re.compile(r"님|씨|고객|환자|보호자|선생님|원장님|입니다|께서")
_NAMESEQ_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<name>{_NAMESEQ})$")
# a run of two or more capitalised words or initials, spaces or ", " between them: every
# name not found by a title or a label comes from one of these runs, judged word by word
_TOKEN_TAIL = rf"(?:{_CAP_TAIL}(?![\w'’-])|\.|(?![\w'’.-]))"  # a word or an initial
_RUN = re.compile(rf"[A-Z](?<![\w'’.-][A-Z]){_TOKEN_TAIL}(?:,?[ \t]+[A-Z]{_TOKEN_TAIL})+")
# the lower-case word before a letter that is not an initial: "hepatitis B. Miller", "Plan A"
_LETTER_OWNER = re.compile(
    r"(?i)(?:type|vitamin|hepatitis|plan|grade|class|group|stage|level|"
    r"appendix|section|part|item|option|block|zone|gate|exit|line|room|"
    r"ward|building|unit|phase|form|schedule|size|cup|hep)[ \t]*$"
)
# words before a name whose first name is not known (Xochitl Alvarez) that make it a name
_WEAK_CONTEXT = re.compile(
    r"(?i)(?:patient|name|mr|mrs|ms|miss|dr|doctor|contact|signed|sign|guardian|(?:seen|treated|"
    r"referred|prepared|reviewed|examined|approved|signed|performed) by|attn|spouse|husband|wife|"
    r"mother|father|son|daughter|caregiver|witness|interpreter|dear|from|cc|to)\W{0,4}$"
)
# a romanised Korean name, hyphenated given name before or after the surname (s1 or s2); the
# first word is shared by both layouts, so the pattern starts with its capital letter
_KOREAN = re.compile(
    r"(?P<s1>[A-Z](?<!\w[A-Z])[a-z]*)"
    r"(?:[ \t]+(?P<g1>[A-Z][a-z]*-[a-z]+)|(?P<g2>-[a-z]+)[ \t]+(?P<s2>[A-Z][a-z]+))\b"
)


# a romanised Korean syllable (Revised Romanisation and the usual older spellings: Young,
# Sook, Hee, Joo), and a given name of two of them written as one word (Minji, Kyungmin,
# Youngsook); English words that split the same way after a surname are kept out
_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh])?"
    r"(?:yeo|yae|wae|you|yoo|woo|ya|ye|yo|yu|yi|wa|wo|we|wi|eo|eu|ui|ae|oe|oo|ee|ou|a|e|i|o|u)"
    r"(?:ng|[kntlmp])?"
)
_GIVEN_TWO = re.compile(rf"(?:{_SYLLABLE}){{2}}")
_ONE_SYLLABLE = re.compile(_SYLLABLE)
_KOREAN_SURNAME_KEYS = frozenset(s.capitalize() for s in KOREAN_SURNAMES)
_PAIR_WORD = re.compile(r"[^\s,]+")
NOT_GIVEN = split_words(
    "book look cook took hook good food mood pool tool cool moon soon noon room loan bean mean "
    "lean dean seen keen teen been deep keep jean neon real meal deal seal heal heel feel peel "
    "main rain gain pain noi hotel motel landing lemon melon salon bacon robin japan sudan "
    "kenya seoul busan daegu incheon ulsan jeju hanoi"
)
MIN_GIVEN_LETTERS = 4


# words before a name, each kind judged differently (``_cued_names``): a greeting before a given
# name alone ("Hi Will,", "Good morning Chloe!"); a family member ("her daughter Noah",
# "husband, John Smith"); a role or an introduction before a romanised Korean name ("Your
# coordinator Byul Bang", "this is MA BYUL")
GREETINGS = (
    "hi", "hello", "hey", "dear", "morning", "good morning", "good afternoon", "good evening",
    "welcome", "welcome back", "congrats", "congratulations", "thanks", "thank you",
)  # fmt: skip
KIN = (
    "husband", "wife", "son", "daughter", "mother", "father", "mom", "mum", "dad", "sister",
    "brother", "partner", "fiance", "fiancee", "fiancé", "fiancée", "boyfriend", "girlfriend",
    "friend", "spouse", "aunt", "uncle", "niece", "nephew", "grandson", "granddaughter",
    "grandmother", "grandfather", "grandma", "grandpa", "caregiver", "guardian", "child",
)  # fmt: skip
ROLES = (
    "coordinator", "counselor", "counsellor", "consultant", "nurse", "interpreter", "translator",
    "manager", "assistant", "surgeon", "doctor", "this is", "i am", "i'm", "my name is",
    "contact",
)  # fmt: skip
# found as a lower-case letter or a comma, blanks and a capital (one cheap pass), then the
# words before are compared with the cues (longest first)
_BLANK_BEFORE_CAPITAL = re.compile(r"[a-z,][ \t]+(?=[A-Z])")
_CUES = tuple(sorted(set(GREETINGS + KIN + ROLES), key=len, reverse=True))
_CUE_REACH = max(map(len, _CUES)) + 2
_CUED_NAME = re.compile(r"[A-Z][^\s,.;:!?()<>\[\]]*(?:[ \t][A-Z][^\s,.;:!?()<>\[\]]*){0,3}")
_GREETING_KEYS = frozenset(GREETINGS)
_KIN_KEYS = frozenset(KIN)
_GREETING_END = re.compile(r"[ \t]*(?:[,!.?:;]|\r?\n|$)")
_ROMAN_WORD = re.compile(r"[A-Z][a-zA-Z]+(?:-[a-z]+)?")
# words a greeting is addressed to that are not names
NOT_GREETED = split_words(
    "Guys Folks Everybody Everyone There Both Friend Friends Doc Admin Ma'am Mom Mum Dad Honey "
    "Sweetie Boss Again Anyway Much Lots Alot"
)
# a known given name, then one initial and its dot, ending a review or a signature: "Ariana B.
# · 08/11/2021", "— Ivy E.", "Review by Will P. on 3/4" (the initial's dot is found, then the
# word before the initial is read; the dot comes first so that ``re`` tries only the dots)
_INITIAL_DOT = re.compile(
    r"\.(?<=[ \t][A-Z]\.)(?=[ \t]*(?:$|\r?\n|[·|,(\-–—]|on\b|\d))", re.MULTILINE
)
_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<first>{_CAP})[ \t]*$")
# credentials, an age and sex, a signature mark or a sex cell after a name: "Jade Short, MD",
# "Sky Rogers (RN)", "Faith Ward (21/F)", "Emma Ward (signature)", "10,Bill King,M,..." (the
# description is found, then the name before it is read)
CREDENTIALS = (
    "MD", r"M\.D\.", "RN", r"R\.N\.", "DO", "DDS", "DMD", "PhD", "NP", "PA-C", "PA", "BSN", "MSN",
    "FNP", "CRNA", "LPN", "MBBS", "FRCS", "DNP", "PharmD", "LCSW", "RPh", "CNA",
)  # fmt: skip


# (two passes: one alternation of both kinds is slower than the two)
_CREDENTIAL = re.compile(
    rf"(?:{_word_start(sorted(CREDENTIALS, key=len, reverse=True))})(?![-.]?\w)"
)
_AGE_SEX_OR_SIGNED = re.compile(
    r"\((?:[ \t]*\d{1,3}[ \t]*(?:y/?o?)?[ \t]*[/,]?[ \t]*[MFmf]|signature|signed|sign|e-signed)\)"
    r"|[,;\t|][ \t]*(?:M|F|Male|Female)[ \t]*[,;\t|]"
)
_NAME_BEFORE_DESCRIPTION = re.compile(rf"(?<![A-Za-z])(?P<name>{_NAMESEQ})(?:,?[ \t]*\(?)$")
# an upper-case name after a title: "Dr. NOH SUA", "Mr KIM MIN-SU"
_TITLED_UPPER = re.compile(
    rf"(?:{_word_start(_TITLES)})\.?[ \t]+"
    r"(?P<name>[A-Z]{2,}(?:-[A-Z]{2,})?(?:[ \t][A-Z]{2,}(?:-[A-Z]{2,})?){1,2})(?![\w'’-])"
)
# two words alone on a line (or after a note's " / ") signing the entry dated on the next line:
# "... rechecked.  / Eom Sol\n08/04 10:01", "Kim Sol\n2024-05-01" (the dated line is found,
# then the line above is read)
_DATED_LINE = re.compile(r"\n[ \t]*\d{1,4}[./-]\d{1,2}")
_SIGNATURE_LINE = re.compile(
    r"[ \t]*(?P<name>[A-Z][a-z]+(?:-[a-z]+)?[ \t][A-Z][a-z]+(?:-[a-z]+)?)[ \t]*\r?"
)


def _korean_pair(first: str, second: str) -> bool:
    """A romanised Korean surname and a one- or two-syllable given name, either order."""
    for surname, given in ((first, second), (second, first)):
        if surname.capitalize() in _KOREAN_SURNAME_KEYS and len(given) >= 2:
            parts = given.lower().split("-")
            if all(_ONE_SYLLABLE.fullmatch(part) for part in parts) or _korean_given(given):
                return given.lower() not in NOT_GIVEN and _key(given) not in _BLOCKED
    return False


# a chat speaker with no time: "Sarah: see you", "Sarah Kim: ok" (a known given name first)
_BARE_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<name>(?P<first>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?)[ \t]?:[ \t]"
)
# an upper-case name, as on passports and wristbands: CLAIRE WONG, KEVIN WOOD-GRANT
_UPPER_NAME = re.compile(
    r"(?<![\w'’.-])[A-Z]{2,}(?:-[A-Z]{2,})?(?:[ \t]+[A-Z]{2,}(?:-[A-Z]{2,})?){1,2}(?![\w'’-])"
)


def _upper_names(runs: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Upper-case runs whose first word is a known first name and last a known surname."""
    for match in runs:
        words = [_key(word) for word in match.group().split()]
        first, last = words[0], "-".join(part.capitalize() for part in words[-1].split("-"))
        parts = [p.capitalize() for p in last.split("-")]
        if first not in _STRONG_FIRST and first not in _WEAK_FIRST:
            continue
        if any(word in _BLOCKED for word in words) or not all(p in SURNAMES for p in parts):
            continue
        if first in _STRONG_FIRST or all(p in _STRONG_SURNAMES for p in parts):
            yield match.span()


def _korean_joined(runs: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Romanised Korean names with a one-word given name (Cho Nayeon, BYUN MINJI, Minji Kim),
    as two neighbouring words of a capitalised or upper-case run: a surname and a given name
    in either order."""
    for run in runs:
        surnames = (w.capitalize() in _KOREAN_SURNAME_KEYS for w in _PAIR_WORD.findall(run.group()))
        if not any(surnames):
            continue  # most runs hold no Korean surname: no pair of theirs needs reading
        words = list(_PAIR_WORD.finditer(run.group()))
        for first, second in zip(words, words[1:], strict=False):
            a, b = first.group(), second.group()
            if (a.capitalize() in _KOREAN_SURNAME_KEYS and _korean_given(b)) or (
                b.capitalize() in _KOREAN_SURNAME_KEYS and _korean_given(a)
            ):
                yield run.start() + first.start(), run.start() + second.end()


def _korean_given(word: str) -> bool:
    """Whether ``word`` reads as a two-syllable romanised Korean given name."""
    if not (word[1:].islower() or word.isupper()) or not word.isalpha():
        return False
    given = word.lower()
    if len(given) < MIN_GIVEN_LETTERS or given in NOT_GIVEN or _key(given.title()) in _BLOCKED:
        return False
    if len(given) == MIN_GIVEN_LETTERS and given.endswith("e"):
        return False  # home, hope, time: Korean given names hardly end in a silent-looking e
    return _GIVEN_TWO.fullmatch(given) is not None


_NON_BLANK = re.compile(r"\S+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a capitalised run at its first word that is not a name (``John Smith Clinic``)."""
    words = list(_NON_BLANK.finditer(text, start, end))
    keep = start
    for index, word in enumerate(words):
        value = word.group().rstrip(".")
        if value in NOT_NAMES and not (
            (index == 0 and len(words) > 1 and _word_first(word.group(), words[1].group()))
            or (index == 1 and value in _WORD_SURNAMES and _key(words[0].group()) in FIRST_NAMES)
        ):
            break
        keep = word.end()
    return start, keep


def _word_first(first: str, second: str) -> bool:
    """A first name that is also a word (May, June, Will) before a known surname."""
    second = second.rstrip(",.")
    return (
        first in _WORD_FIRST
        and not _is_initial(second)
        and _key(second) not in _BLOCKED
        and _is_surname(second, _key(second), strong=False)
    )


def _foreign_context_names(text: str, possible: Set[int]) -> Iterator[tuple[int, int]]:
    """Capitalised runs after a Korean/Vietnamese label or before a Korean title; speakers."""
    for pattern in (_FOREIGN_LABELLED, _SPEAKER, _SIGNATURE):
        for match in _matches(pattern, text, possible):
            yield match.span("name")
    for title in _matches(_KO_TITLE, text, possible):
        end = title.start()
        if end and text[end - 1] in " \t":
            end -= 1
        if not (end and "a" <= text[end - 1] <= "z"):
            continue
        before = _NAMESEQ_BEFORE.search(text, max(0, end - 60), end)
        if before is not None:
            yield before.span("name")


def _strong_surnames(words: list[str]) -> bool:
    """Whether a name after a label ends in a known surname (or starts with initials)."""
    last = words[-1].rstrip(".,")
    return (_is_initial(words[0]) and len(words) > 1) or (
        _key(last) not in _BLOCKED and _is_surname(last, _key(last), strong=True)
    )


def _labelled(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names after an English label: any after a colon, else known or two-word after greetings."""
    yield from _by_labelled(text, possible)
    for match in _matches(_LABELLED, text, possible):
        start, end = _trim(text, *match.span("name"))
        words = text[start:end].split()
        if not words or _organisation_after(text, end, match.end("name")):
            continue
        if len(words) == 1:  # Contact: Hughes, Rebecca
            given = _COMMA_GIVEN.match(text, end)
            if given is not None and _key(given.group(1)) in _STRONG_FIRST:
                end = given.end()
        label = match.group("label").split()[-1]
        first = _key(words[0])
        checked = label in _CHECKED_LABELS
        if checked and not _known_name(words):
            continue
        if (
            (":" in match.group("colon") and not checked)
            or first in _STRONG_FIRST
            or (label in _PERSONAL_LABELS and first in FIRST_NAMES)
            or words[0] in KOREAN_SURNAMES
            or (label in _PERSONAL_LABELS and len(words) >= 2)
            or (
                label not in _IMPERSONAL_LABELS
                and not text[end : end + 1].isalpha()  # Hoàng: a word cut at its "à"
                and _strong_surnames(words)
            )
        ):
            yield start, end, SCORE_LABEL
            if ":" in match.group("colon"):
                yield from _listed(text, end)


# words that make a capitalised run an organisation's name: "Raon Plastic Surgery"
ORGANISATION_WORDS = split_words(
    "Clinic Hospital Center Centre Medical Surgery Plastic Beauty Aesthetic Aesthetics "
    "Dermatology Dental Dentistry Spa Salon Pharmacy Lab Labs Laboratory Institute Group Inc "
    "Ltd Co Corp Company Foundation Association Partners Holdings Practice University College"
)


def _organisation_after(text: str, end: int, run_end: int) -> bool:
    """Whether the word right after a trimmed name (within its run) names an organisation."""
    if end >= run_end:
        return False
    following = text[end:run_end].split(None, 1)
    return bool(following) and following[0].rstrip(".,") in ORGANISATION_WORDS


def _by_labelled(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names after a "<verb>ed by:" label (Verified by:, Checked by:, Dictated by:)."""
    for match in _matches(_BY_COLON, text, possible):
        if not _PARTICIPLE_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        name = _NAMESEQ_AT.match(text, match.end())
        if name is not None:
            start, end = _trim(text, *name.span())
            if end > start and not _organisation_after(text, end, name.end()):
                yield start, end, SCORE_LABEL


def _known_name(words: list[str]) -> bool:
    """Whether two or more words start with a known first name or end with a known surname."""
    if len(words) < 2:
        return False
    last = words[-1].rstrip(".,")
    return _key(words[0]) in FIRST_NAMES or _is_surname(last, _key(last), strong=False)


def _listed(text: str, end: int) -> Iterator[tuple[int, int, float]]:
    """The names listed after a labelled one: "CC: Grace Lee; Will Powell, Sky Cruz"."""
    while (following := _LIST_NEXT.match(text, end)) is not None:
        start, end = _trim(text, *following.span("name"))
        if end <= start or not _known_name(text[start:end].split()):
            return
        yield start, end, SCORE_LABEL


def _is_initial(word: str) -> bool:
    """``J`` or ``J.``."""
    return len(word) == 1 or (len(word) == 2 and word[1] == ".")


def _surname_shape(word: str) -> bool:
    """O'Neill, McAllister, MacLeod: surnames by their shape alone."""
    return (
        (len(word) > 3 and word[1] in "'’")
        or (word[2:3].isupper() and word[:2] == "Mc")
        or (word[3:4].isupper() and word[:3] == "Mac" and len(word) > 5)
    )


def _is_surname(word: str, key: str, strong: bool) -> bool:
    """A known surname (``strong``: not also a common word), by shape or hyphenated parts."""
    names = _STRONG_SURNAMES if strong else _SURNAME_LIKE
    if key in names or _surname_shape(word):
        return True
    if "-" in word:  # Garcia-Lopez, Smith-Jones: every part a surname, one of them strong
        parts = [_key(part) for part in word.split("-")]
        return all(part in _SURNAME_LIKE for part in parts) and any(
            part in _STRONG_SURNAMES for part in parts
        )
    return False


def _run_names(text: str, offset: int, run: str) -> Iterator[tuple[int, int, float]]:
    """Names in a run of capitalised words and initials (``_RUN``), judged by the name lists.

    - a known first name and the next word (``Jennifer Alvarez``), a middle name or initial
      between (``Mary Ann Smith``, ``John F. Kennedy``); a first name that is a common word
      (Grace, Rose) only with a known surname that is not (``Grace Wright``, not ``Rose Hill``);
    - an initial at the start and a known surname (``J. Smith``, ``T J Hughes``);
    - a known surname, a comma and a known first name (``Hughes, Rebecca``);
    - an unknown word and a known surname (``Xochitl Alvarez``) after a word such as patient,
      name, contact or signed.
    """
    words = run.split()  # a comma stays on the word before it: "Hughes," "Rebecca"
    keys = [word.rstrip(",.") for word in words]
    keys = [key if key[1:].islower() and key.isascii() else _key(key) for key in keys]
    index = 0
    while index < len(words) - 1:
        if keys[index] in _BLOCKED:
            last = index + 1 if _word_first_run(words, keys, index) else -1
        else:
            last = _name_end(text, offset, run, words, keys, index)
        if last > index:
            start = offset + _offset_of(run, words, index)
            end = offset + _offset_of(run, words, last) + len(words[last].rstrip(","))
            yield start, end, SCORE_FIRST_NAME
            index = last + 1
        else:
            index += 1


def _word_first_run(words: list[str], keys: list[str], index: int) -> bool:
    """In a run, May/June/Will start a name only before a surname that is no word (May Davis,
    Will Powell), not "May Day" or "June Short"."""
    if keys[index] not in _WORD_FIRST or words[index].endswith(","):
        return False
    second = words[index + 1].rstrip(",.")
    return keys[index + 1] not in _BLOCKED and _is_surname(second, keys[index + 1], strong=True)


def _name_end(
    text: str, offset: int, run: str, words: list[str], keys: list[str], index: int
) -> int:
    """Index of the last word of a name starting at ``words[index]``, or -1 (``_run_names``)."""
    word, key = words[index], keys[index]
    if word.endswith(","):
        return _inverted_end(words, keys, index)
    if key in _STRONG_FIRST or key in _WEAK_FIRST:
        return _given_name_end(words, keys, index, key in _STRONG_FIRST)
    if _is_initial(word):
        last, known = (-1, False) if word in ("A", "I") else _initial_end(words, keys, index)
        if last < 0:
            return -1
        start = offset + _offset_of(run, words, index)
        if _LETTER_OWNER.search(text, max(0, start - 16), start) is not None:
            return -1
        return last if known or _weak_context(text, start) else -1
    surname = words[index + 1].rstrip(",")
    if _is_surname(surname, keys[index + 1], strong=True) and _weak_context(
        text, offset + _offset_of(run, words, index)
    ):
        return index + 1
    return -1


def _offset_of(run: str, words: list[str], index: int) -> int:
    """Where ``words[index]`` (of ``run.split()``) starts in ``run``."""
    position = 0
    for word in words[:index]:
        position = run.index(word, position) + len(word)
    return run.index(words[index], position)


def _weak_context(text: str, start: int) -> bool:
    """Whether a word before ``start`` (patient, name, contact...) makes a run a name."""
    return _WEAK_CONTEXT.search(text, max(0, start - 24), start) is not None


def _given_name_end(words: list[str], keys: list[str], index: int, strong: bool) -> int:
    """Index of the last word of a name that starts with a first name, or -1."""
    count = len(words)
    position = index + 1
    initials = 0
    while position < count - 1 and _is_initial(words[position]) and initials < 2:
        position += 1  # John F. Kennedy, John F Kennedy
        initials += 1
    if position >= count or keys[position] in _BLOCKED or _is_initial(words[position]):
        return -1
    surname = words[position].rstrip(",")
    if not strong and not _is_surname(surname, keys[position], strong=True):
        return -1
    end = position
    if not words[position].endswith(",") and position + 1 < count:
        # a third word: Mary Ann Smith (second a first name), Maria Garcia Lopez (a surname)
        third, key = words[position + 1].rstrip(","), keys[position + 1]
        if (
            key not in _BLOCKED
            and not _is_initial(third)
            and (
                (initials == 0 and keys[position] in FIRST_NAMES and _is_surname(third, key, False))
                or _is_surname(third, key, strong=True)
            )
        ):
            end = position + 1
    return end


def _initial_end(words: list[str], keys: list[str], index: int) -> tuple[int, bool]:
    """Index of the surname after initials at a run's start (``J. Smith``), or -1; known?

    A surname not in the list (``T. Okonkwo``) is returned as not known: it takes a context
    word (signed by, patient, Dr) before the initial.
    """
    if index and not words[index - 1].endswith(","):
        return -1, False  # Hepatitis B. Miller: a letter after a word is not an initial
    position = index
    while position < len(words) - 1 and _is_initial(words[position]):
        position += 1
    key = keys[position]
    if position - index > 3 or _is_initial(words[position]) or key in _BLOCKED:
        return -1, False
    surname = words[position].rstrip(",")
    dotted = words[position - 1].endswith(".")
    if _is_surname(surname, key, strong=not dotted):
        return position, True
    unknown = key not in SURNAMES and key not in FIRST_NAMES
    return (position, False) if dotted and unknown else (-1, False)


def _inverted_end(words: list[str], keys: list[str], index: int) -> int:
    """Index of the first name in ``Surname, Firstname [I.]``, or -1."""
    surname = words[index].rstrip(",")
    if index and not words[index - 1].endswith(","):
        return -1  # the surname must start its segment: not "Emily Watson, David"
    if not _is_surname(surname, keys[index], strong=True):
        return -1
    position = index + 1
    if keys[position] not in _STRONG_FIRST or words[position].endswith("."):
        return -1
    end = position
    if position + 1 < len(words) and _is_initial(words[position + 1].rstrip(",")):
        end = position + 1
    if not words[end].endswith(",") and end + 1 < len(words):
        return -1  # "Hughes, Rebecca Clark": a list of names, not an inverted one
    return end


# Most passes look for a context that few texts hold. Each pass has a gate: a regex without
# look-arounds found in every text where the pass can give a name (mostly the pass's regex up
# to the name's capital: Hyperscan takes no pattern as large as a name). One Hyperscan scan
# tells which gates a text holds, and a pass runs only where its gate is found (``_possible``).
_TITLE_BEFORE_CAPITAL = Trigger(pattern=rf"(?:{'|'.join(_TITLES)})\.?[ \t]+[A-Z]")
# a name's last letter, then what may stand before a description (``_NAME_BEFORE_DESCRIPTION``,
# whose ``$`` also matches before a newline)
_NAME_END = rf"[{_LOW}],?[ \t]*\(?\n?"
# the label "I," without its look-ahead, which Hyperscan does not take
_ANY_LABEL = "|".join(label.removesuffix("(?=,)") for label in _LABELS)
# ``_cue_before`` lowers the text: every letter lowering to a cue's letter matches it here,
# the Kelvin sign too (İ lowers to two characters: it can only stand before a cue)
_ANY_CUE = "|".join(map(re.escape, _CUES))
_GATES = {
    _TITLED: _TITLE_BEFORE_CAPITAL,
    _TITLED_UPPER: _TITLE_BEFORE_CAPITAL,
    _LABELLED: Trigger(pattern=rf"(?:{_ANY_LABEL})(?:{_LABEL_END})[A-Z]"),
    _BY_COLON: Trigger(pattern=_BY_COLON.pattern),
    _FOREIGN_LABELLED: Trigger(pattern=f"{_FOREIGN_LABEL}[A-Z]"),
    _SPEAKER: Trigger(pattern=f"{_CHAT_TIME}[A-Z]"),
    _SIGNATURE: Trigger(pattern=f"{_CLOSING}[A-Z]"),
    _KO_TITLE: Trigger(pattern=rf"[a-z][ \t]?(?:{_KO_TITLE.pattern})"),
    _RUN: Trigger(pattern=rf"[A-Z][A-Za-z{_LOW}'’.-]*,?[ \t]+[A-Z]"),
    _BARE_SPEAKER: Trigger(pattern=_BARE_SPEAKER.pattern),
    _BLANK_BEFORE_CAPITAL: Trigger(pattern=rf"(?i:{_ANY_CUE}),?[ \t]+[A-Z]"),
    _INITIAL_DOT: Trigger(pattern=r"[ \t][A-Z]\."),
    _CREDENTIAL: Trigger(pattern=rf"{_NAME_END}(?:{'|'.join(CREDENTIALS)})"),
    _AGE_SEX_OR_SIGNED: Trigger(pattern=_AGE_SEX_OR_SIGNED.pattern),
    _DATED_LINE: Trigger(pattern=_DATED_LINE.pattern),
    # (``_KOREAN`` without its look-behind and word end)
    _KOREAN: Trigger(pattern=r"[A-Z][a-z]*(?:[ \t]+[A-Z][a-z]*-[a-z]|-[a-z]+[ \t]+[A-Z][a-z])"),
    _UPPER_NAME: Trigger(pattern=r"[A-Z][A-Z][ \t]+[A-Z][A-Z]"),
}
# Without Hyperscan each gate would be one more ``re`` search, dearer than the passes it
# spares: there every pass runs.
_GATE_FILTER = Prefilter(list(_GATES.values())) if HYPERSCAN_AVAILABLE else None
_GATED_IDS = [id(pattern) for pattern in _GATES]  # (a pattern hashes its whole program)
_EVERY_GATED = frozenset(_GATED_IDS)


def _possible(text: str) -> frozenset[int]:
    """The ``id`` of each pass of ``_GATES`` that can give a name in ``text``."""
    if _GATE_FILTER is None:
        return _EVERY_GATED
    return frozenset(compress(_GATED_IDS, _GATE_FILTER.gates(text)))


def _matches(pattern: re.Pattern[str], text: str, possible: Set[int]) -> Iterable[re.Match[str]]:
    """The matches of a gated pass, or none where its gate is not found."""
    return pattern.finditer(text) if id(pattern) in possible else ()


class EnglishNameRecognizer(RegexEntityRecognizer):
    """Finds PERSON in English text: titles, labels, first-name dictionary, Korean romanised."""

    ENTITY = "PERSON"
    # every name holds a capitalised word, or two upper-case words (BYUN MINJI)
    TRIGGER = Trigger(pattern="[A-Z][a-z'’]|[A-Z][A-Z]+[ \t]+[A-Z][A-Z]")

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield names; overlapping candidates are left to Presidio's de-duplication. A name
        of two or more words found once is found wherever else it occurs, in any case
        (``Patient: Ruby Ford`` … ``RUBY FORD``)."""
        found = list(self._candidates(text))
        yield from found
        names = {
            text[start:end]
            for start, end, score in found
            if score >= SCORE_FIRST_NAME and " " in text[start:end]
        }
        if names:
            yield from _again(text, names, {span[:2] for span in found})

    def _candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Every name found by a title, a label, a run, a context or a Korean shape."""
        possible = _possible(text)
        yield from _titled_names(text, possible)
        yield from _labelled(text, possible)
        for start, end in _foreign_context_names(text, possible):
            start, end = _trim(text, start, end)
            words = text[start:end].split()
            if len(words) >= 2 or (words and _key(words[0]) in _STRONG_FIRST):
                yield start, end, SCORE_LABEL
        runs = list(_matches(_RUN, text, possible))
        for match in runs:
            # not the tail of a name it cannot read (Vietnamese letters: "Lạc Long Quân")
            if not after_capitalised_word(text, match.start()):
                yield from _run_names(text, match.start(), match.group())
        for match in _matches(_BARE_SPEAKER, text, possible):
            if _key(match.group("first")) in _STRONG_FIRST:
                yield *match.span("name"), SCORE_LABEL
        yield from _personal_context_names(text, possible)
        yield from _korean_and_upper_case(text, runs, possible)


def _titled_names(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names after a title, capitalised (``Dr. Park Ji-hoon``) or upper-case (``Mr KIM MIN-SU``)."""
    for match in _matches(_TITLED, text, possible):
        start, end = _trim(text, *match.span("name"))
        if end > start:
            yield start, end, SCORE_TITLE
    for match in _matches(_TITLED_UPPER, text, possible):
        if not any(_key(word) in _BLOCKED for word in match.group("name").split()):
            yield *match.span("name"), SCORE_TITLE


def _personal_context_names(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names after greetings, family members and roles; given names with an initial; names
    before credentials, an age and sex or a dated line."""
    yield from _cued_names(text, possible)
    for dot in _matches(_INITIAL_DOT, text, possible):
        blank = dot.start() - 2  # before the initial
        first = _WORD_BEFORE.search(text, max(0, blank - 24), blank)
        if first is not None:
            key = _key(first.group("first"))
            if key in FIRST_NAMES and (key not in _BLOCKED or key in _WORD_FIRST):
                yield first.start(), dot.start(), SCORE_LABEL
    yield from _described_names(text, possible)


def _cue_before(text: str, end: int) -> str | None:
    """The cue (a greeting, a family member, a role) ending at ``end`` (then maybe a comma),
    as a whole word, or None."""
    before = text[max(0, end - _CUE_REACH) : end].lower()
    if before.endswith(","):
        before = before[:-1]
    if not before.endswith(_CUES):
        return None
    for cue in _CUES:
        if before.endswith(cue):
            head = before[: -len(cue)]
            if head and head[-1].isalnum():
                continue
            return cue  # (the window is longer than any cue: no head only at the text's start)
    return None


def _cued_names(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names after a greeting, a family member or a role (``_CUES``)."""
    for blank in _matches(_BLANK_BEFORE_CAPITAL, text, possible):
        cue = _cue_before(text, blank.start() + 1)
        if cue is None:
            continue
        start = blank.end()
        if cue in _GREETING_KEYS:
            found = _greeted(text, start)
        elif cue in _KIN_KEYS:
            found = _kin_named(text, start)
        else:
            found = _role_named(text, start)
        if found is not None:
            yield found


def _greeted(text: str, start: int) -> tuple[int, int, float] | None:
    """A given name alone after a greeting, then punctuation or the line's end."""
    name = _NAMESEQ_AT.match(text, start)
    if name is None or " " in name.group():
        return None
    key = _key(name.group())
    if key in NOT_GREETED or (key in _BLOCKED and key not in _WORD_FIRST):
        return None
    return (*name.span(), SCORE_LABEL) if _GREETING_END.match(text, name.end()) else None


def _kin_named(text: str, start: int) -> tuple[int, int, float] | None:
    """A known name (or known given name alone) after a family member."""
    name = _NAMESEQ_AT.match(text, start)
    if name is None:
        return None
    start, end = _trim(text, *name.span())
    words = text[start:end].split()
    if words and (_known_name(words) or (len(words) == 1 and _key(words[0]) in FIRST_NAMES)):
        return start, end, SCORE_LABEL
    return None


def _role_named(text: str, start: int) -> tuple[int, int, float] | None:
    """A romanised Korean name (or a known name) after a role or an introduction."""
    cued = _CUED_NAME.match(text, start)
    words = cued.group().split()[:2] if cued is not None else []
    if len(words) == 2 and all(_ROMAN_WORD.fullmatch(word) for word in words):
        first, second = words
        if _korean_pair(first, second) or (first.istitle() and _known_name(words)):
            return start, start + len(first) + 1 + len(second), SCORE_KOREAN
    return None


def _described_names(text: str, possible: Set[int]) -> Iterator[tuple[int, int, float]]:
    """Names before credentials, an age and sex, a signature mark or a sex cell, and names
    signing a dated note."""
    for pattern in (_CREDENTIAL, _AGE_SEX_OR_SIGNED):
        for match in _matches(pattern, text, possible):
            at = match.start()
            name = _NAME_BEFORE_DESCRIPTION.search(text, max(0, at - 60), at)
            if name is not None:
                start, end = _trim(text, *name.span("name"))
                if _known_name(text[start:end].split()):
                    yield start, end, SCORE_LABEL
    for match in _matches(_DATED_LINE, text, possible):
        line_start = text.rfind("\n", 0, match.start()) + 1
        slash = text.rfind(" / ", line_start, match.start())
        line_start = line_start if slash < 0 else slash + 2
        line = _SIGNATURE_LINE.fullmatch(text, line_start, match.start())
        if line is not None and _korean_pair(*line.group("name").split()):
            yield *line.span("name"), SCORE_KOREAN


def _again(
    text: str, names: set[str], known: set[tuple[int, int]]
) -> Iterator[tuple[int, int, float]]:
    """Every other occurrence of ``names`` in ``text``, in any case, as a whole word run."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return  # a letter lower-cases to two: offsets would not line up
    for name in names:
        needle = name.lower()
        position = lowered.find(needle)
        while position >= 0:
            end = position + len(needle)
            if (
                (position, end) not in known
                and not _continues_name(text, position - 1)
                and not _continues_name(text, end)
            ):
                yield position, end, SCORE_LABEL
            position = lowered.find(needle, end)


def _continues_name(text: str, index: int) -> bool:
    """Whether ``text[index]`` exists and continues a name (a letter, digit, ' or -)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "'’-")


def _korean_and_upper_case(
    text: str, runs: list[re.Match[str]], possible: Set[int]
) -> Iterator[tuple[int, int, float]]:
    """Romanised Korean names (hyphenated or joined) and upper-case names."""
    for match in _matches(_KOREAN, text, possible):
        given = match.group("g1") or match.group("s1") + match.group("g2")
        if (match.group("s2") or match.group("s1")) in KOREAN_SURNAMES and all(
            _ONE_SYLLABLE.fullmatch(part) for part in given.lower().split("-")
        ):  # Ji-hoon, A-reum; not Follow-up, Check-in
            yield match.start(), match.end(), SCORE_KOREAN
    upper_runs = list(_matches(_UPPER_NAME, text, possible))
    for start, end in _korean_joined(runs + upper_runs):
        yield start, end, SCORE_KOREAN
    for start, end in _upper_names(upper_runs):
        yield start, end, SCORE_FIRST_NAME


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EnglishNameRecognizer]:
    """Return one recognizer per language: English names occur in ko and vi text too."""
    return [EnglishNameRecognizer(supported_language=language) for language in languages]
