"""English-language personal names (PERSON): titles, labels, and known first names.

- A title (Mr, Mrs, Ms, Miss, Dr, Prof) followed by capitalised names: ``SCORE_TITLE``; the
  span is the name, not the title (``Dr. Park Ji-hoon`` → ``Park Ji-hoon``).
- A label (Patient:, Name:, Dear, Signed:, Guardian:...) followed by capitalised names:
  ``SCORE_LABEL``. Without a colon the first word must be a known first name or surname.
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
    Female Male Unknown None Anonymous Redacted Pending Whom Concern
    """
)
_CAP = r"(?:[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Za-z][a-z]+)*)"
_NAMESEQ = rf"{_CAP}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_CAP}){{0,3}}"
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Doctor)\.?[ \t]+(?P<name>{_NAMESEQ})")
_LABELLED = re.compile(
    r"\b(?:Patient(?:'s)?(?:[ \t]+[Nn]ame)?|Full[ \t]+[Nn]ame|Name|Dear|Signed(?:[ \t]+by)?|"
    r"Signature|Attn|Attention|Guardian|Surgeon|Physician|Nurse|Emergency[ \t]+contact|"
    r"Next[ \t]+of[ \t]+kin|Referred[ \t]+by|Prepared[ \t]+by|Contact[ \t]+person|"
    r"Patient[ \t]+ID[ \t]+holder|Sincerely|Regards|From|To)"
    rf"(?P<colon>[ \t]*[:,][ \t]*|[ \t]+)(?P<name>{_NAMESEQ})"
)
_PAIR = re.compile(rf"\b(?P<first>[A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?(?P<last>{_CAP})\b")
_KOREAN = re.compile(
    r"\b(?:(?P<s1>[A-Z][a-z]+)[ \t]+[A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[a-z]+[ \t]+(?P<s2>[A-Z][a-z]+))"
    r"\b"
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


class EnglishNameRecognizer(RegexEntityRecognizer):
    """Finds PERSON in English text: titles, labels, first-name dictionary, Korean romanised."""

    ENTITY = "PERSON"

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """Yield names; overlapping candidates are left to Presidio's de-duplication."""
        for match in _TITLED.finditer(text):
            start, end = _trim(text, *match.span("name"))
            if end > start:
                yield start, end, SCORE_TITLE
        for match in _LABELLED.finditer(text):
            start, end = _trim(text, *match.span("name"))
            first = text[start:end].split(" ", 1)[0] if end > start else ""
            if not first:
                continue
            if ":" in match.group("colon") or first in FIRST_NAMES or first in KOREAN_SURNAMES:
                yield start, end, SCORE_LABEL
        for match in _PAIR.finditer(text):
            if match.group("first") in FIRST_NAMES and match.group("last") not in NOT_NAMES:
                yield match.start(), match.end(), SCORE_FIRST_NAME
        for match in _KOREAN.finditer(text):
            if (match.group("s1") or match.group("s2")) in KOREAN_SURNAMES:
                yield match.start(), match.end(), SCORE_KOREAN


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EnglishNameRecognizer]:
    """Return one recognizer per language: English names occur in ko and vi text too."""
    return [EnglishNameRecognizer(supported_language=language) for language in languages]
