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
- A first name from ``data/en_first_names.txt`` followed by a capitalised surname:
  ``SCORE_FIRST_NAME``; a romanised Korean name (``Kim Min-su``, ``Min-su Kim``):
  ``SCORE_KOREAN``.

Capitalised words that are not surnames (Clinic, Station, Street, months, weekdays, product
words...) end a name or rule it out, so ``Seoul Station``, ``May 2023`` and sentence-initial
capitals are not names. Candidate pairs of capitalised words come from one regex; the
first-name check is a set lookup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.recognizers.base import LANGUAGES
from scanner.recognizers.regex_base import RegexEntityRecognizer, load_words, split_words
from scanner.recognizers.trigger import Trigger

SCORE_TITLE = 0.85
SCORE_LABEL = 0.8
SCORE_FIRST_NAME = 0.65
SCORE_KOREAN = 0.7

FIRST_NAMES = load_words("en_first_names.txt")
KOREAN_SURNAMES = split_words(
    "Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han "
    "Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Jeon Jun Hong Yoo Yu Ko Go Moon Mun Yang Son "
    "Bae Baek Paek Heo Huh Nam Shim Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Koo Ku Min Ryu "
    "Na Jin Ji Um Eom Chae Won Cheon Bang Gong Hyun Ham Byun Yeom Yeo Choo Do So Seok Sun Seol "
    "Ma Gil Yeon Wi Pyo Myung Ki Ban Ra Wang Geum Ok Yook Namgung Hwangbo Jegal Seonwoo"
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
    """
)
_CAP = r"(?:[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Za-z][a-z]+)*)"
_NAMESEQ = rf"{_CAP}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_CAP}){{0,3}}"


def _word_start(branches: tuple[str, ...]) -> str:
    """``\\b(?:a|b|...)`` for branches starting with a letter, as an alternation ``re`` scans fast.

    The boundary moves behind each branch's first letter (``P(?<!\\wP)atient``), so every branch
    starts with a literal and ``re`` only tries the positions holding one of those letters.
    """
    return "|".join(rf"{branch[0]}(?<!\w{branch[0]}){branch[1:]}" for branch in branches)


_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Doctor")
_LABELS = (
    r"Patient(?:'s)?(?:[ \t]+[Nn]ame)?", r"Full[ \t]+[Nn]ame", "Name", "Dear",
    r"Signed(?:[ \t]+by)?", "Signature", "Attn", "Attention", "Guardian", "Surgeon", "Physician",
    "Nurse", r"Emergency[ \t]+contact", r"Next[ \t]+of[ \t]+kin", r"Referred[ \t]+by",
    r"Prepared[ \t]+by", r"Contact[ \t]+person", r"Patient[ \t]+ID[ \t]+holder", "Sincerely",
    "Regards", "regards", "Thanks", "From", "To", "Prescriber", r"Prescribed[ \t]+by",
    "Attending", "Hi", "Hello", "Hey", r"This[ \t]+is", r"this[ \t]+is", r"I[ \t]+am", "I['’]m",
    r"My[ \t]+name[ \t]+is", r"my[ \t]+name[ \t]+is", "I(?=,)",
)  # fmt: skip
_TITLED = re.compile(rf"(?:{_word_start(_TITLES)})\.?[ \t]+(?P<name>{_NAMESEQ})")
_LABELLED = re.compile(
    rf"(?P<label>{_word_start(_LABELS)})"
    rf"(?P<colon>[ \t]*[:,][ \t]*(?:\r?\n[ \t]*)?|[ \t]+)(?P<name>{_NAMESEQ})"
)
# labels after which two capitalised words are a name even when the first name is unknown
_PERSONAL_LABELS = split_words("Dear Hi Hello Hey is am I'm I’m I Sincerely Regards regards Thanks")
# an English name in Korean or Vietnamese text: a label before it or a Korean title after it
_FOREIGN_LABELLED = re.compile(
    r"(?:환자명|환자|성명|이름|성함|보호자(?:[ \t]*연락처)?|고객명|예약자|상담[ \t]*예약|수신|발신|"
    r"본인|Họ và tên|Họ tên|Bệnh nhân|Khách hàng|Người nhà|Tên)[ \t]*[:：]?[ \t]*"
    rf"(?P<name>{_NAMESEQ})"
)
# a signature after a Korean or Vietnamese closing line: "감사합니다.\nGrace Parker"
_SIGNATURE = re.compile(
    r"(?:감사합니다|감사드립니다|고맙습니다|Cảm ơn[^\n]{0,20}|Trân trọng)[.,!]?[ \t]*\r?\n"
    rf"[ \t]*(?P<name>{_NAMESEQ})"
)
# a chat line's speaker: "[14:02] Grace Clark: ..." (two or more capitalised words)
_SPEAKER = re.compile(
    r"(?m)^[ \t]*\[[^\]\n]{0,24}\d{1,2}:\d\d(?::\d\d)?[^\]\n]{0,6}\][ \t]*"
    rf"(?P<name>{_NAMESEQ})[ \t]?:"
)
_KO_TITLE = re.compile(r"님|씨|고객|환자|보호자|선생님|원장님|입니다|께서")
_NAMESEQ_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<name>{_NAMESEQ})$")
_PAIR = re.compile(  # a lookahead, so "Hi Andrew Morgan" still offers "Andrew Morgan"
    rf"\b(?=(?P<first>[A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?(?P<last>{_CAP})(?!['’-]|(?![가-힣])\w))"
)
# a romanised Korean name, hyphenated given name before or after the surname (s1 or s2); the
# first word is shared by both layouts, so the pattern starts with its capital letter
_KOREAN = re.compile(
    r"(?P<s1>[A-Z](?<!\w[A-Z])[a-z]+)"
    r"(?:[ \t]+[A-Z][a-z]+-[a-z]+|-[a-z]+[ \t]+(?P<s2>[A-Z][a-z]+))\b"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a capitalised run at its first word that is not a name (``John Smith Clinic``)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    keep = start
    for word in words:
        if word.group().rstrip(".") in NOT_NAMES:
            break
        keep = start + word.end()
    return start, keep


def _foreign_context_names(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised runs after a Korean/Vietnamese label or before a Korean title; speakers."""
    for pattern in (_FOREIGN_LABELLED, _SPEAKER, _SIGNATURE):
        for match in pattern.finditer(text):
            yield match.span("name")
    for title in _KO_TITLE.finditer(text):
        end = title.start()
        if end and text[end - 1] in " \t":
            end -= 1
        if not (end and "a" <= text[end - 1] <= "z"):
            continue
        before = _NAMESEQ_BEFORE.search(text, max(0, end - 60), end)
        if before is not None:
            yield before.span("name")


def _labelled(text: str) -> Iterator[tuple[int, int, float]]:
    """Names after an English label: any after a colon, else known or two-word after greetings."""
    for match in _LABELLED.finditer(text):
        start, end = _trim(text, *match.span("name"))
        words = text[start:end].split()
        if not words:
            continue
        personal = match.group("label").split()[-1] in _PERSONAL_LABELS
        if (
            ":" in match.group("colon")
            or words[0] in FIRST_NAMES
            or words[0] in KOREAN_SURNAMES
            or (personal and len(words) >= 2)
        ):
            yield start, end, SCORE_LABEL


class EnglishNameRecognizer(RegexEntityRecognizer):
    """Finds PERSON in English text: titles, labels, first-name dictionary, Korean romanised."""

    ENTITY = "PERSON"
    TRIGGER = Trigger(pattern="[A-Z][a-z'’]")  # every name holds a capitalised word

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield names; overlapping candidates are left to Presidio's de-duplication."""
        for match in _TITLED.finditer(text):
            start, end = _trim(text, *match.span("name"))
            if end > start:
                yield start, end, SCORE_TITLE
        yield from _labelled(text)
        for start, end in _foreign_context_names(text):
            start, end = _trim(text, start, end)
            words = text[start:end].split()
            if len(words) >= 2 or (words and words[0] in FIRST_NAMES):
                yield start, end, SCORE_LABEL
        for match in _PAIR.finditer(text):
            if match.group("first") in FIRST_NAMES and match.group("last") not in NOT_NAMES:
                yield match.start("first"), match.end("last"), SCORE_FIRST_NAME
        for match in _KOREAN.finditer(text):
            if (match.group("s2") or match.group("s1")) in KOREAN_SURNAMES:
                yield match.start(), match.end(), SCORE_KOREAN


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EnglishNameRecognizer]:
    """Return one recognizer per language: English names occur in ko and vi text too."""
    return [EnglishNameRecognizer(supported_language=language) for language in languages]
