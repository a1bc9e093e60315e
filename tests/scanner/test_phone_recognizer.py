"""PHONE_NUMBER: Korean, Vietnamese and international formats, and decoys."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from bench.corpus import generate
from scanner.recognizers import phone
from scanner.recognizers.organisation import after_business_cue, on_letterhead_line
from scanner.recognizers.phone import (
    SHAPES,
    KoreanMobilePatternRecognizer,
    MultiRegionPhoneRecognizer,
    glued,
    plausibly_written,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean
        ("연락처: 010-1234-5678", ["010-1234-5678"]),
        ("휴대폰 01012345678", ["01012345678"]),
        ("휴대폰 010 1234 5678", ["010 1234 5678"]),
        ("전화 02-123-4567", ["02-123-4567"]),
        ("병원 02-1234-5678", []),  # the hospital's switchboard: not personal data
        ("경기 031-123-4567", ["031-123-4567"]),
        ("mobile +82 10-1234-5678", ["+82 10-1234-5678"]),
        ("+82-2-123-4567 (서울)", ["+82-2-123-4567"]),
        ("연락처:010-1234-5678입니다", ["010-1234-5678"]),
        ("연락처010-1234-5678", ["010-1234-5678"]),
        ("보호자 010-5981-6130", ["010-5981-6130"]),  # unassigned range: pattern fallback
        ("대표번호 1588-1234", []),  # service numbers are businesses'
        ("보호자 1588-1234", []),
        ("더엘성형외과 실장 010-1234-5678", ["010-1234-5678"]),  # a mobile is a person's
        ("WhatsApp (+82) 10-2040-6930.", ["(+82) 10-2040-6930"]),
        ("F,15 Mar 1968,07599 118138,abdominal", ["07599 118138"]),  # a British mobile
        ("order 07599118138000", []),
        # Busan's 051 landline is the clinic's, though a Vietnamese mobile starts 05 too
        ("부산 온유성형외과   051-746-8800", []),
        ("죄송합니다. 대표번호 051-746-8800", []),
        ("보호자 051-746-8800", ["051-746-8800"]),  # no organisation before it
        ("Thẩm mỹ viện Hoa 0912 345 678", ["0912 345 678"]),  # a Vietnamese mobile
        ("Phòng khám Hoa: 028 3822 1234", []),  # a Vietnamese landline after the clinic
        ("문의 051-746-8800", []),
        # a letterhead: the clinic's landline beside its front page; the mobile is a person's
        ("> M. 010-9522-2522 | T. 02-545-7700 | www.raonps.co.kr", ["010-9522-2522"]),
        ("Tel 02-545-7700 | https://clinic.vn/", []),
        ("집 02-545-7700, 블로그 blog.naver.com/kim/123", ["02-545-7700"]),  # a page, not a site
        # Vietnamese
        ("Số điện thoại: 0912 345 678", ["0912 345 678"]),
        ("SĐT: 0912345678", ["0912345678"]),
        ("điện thoại +84 912 345 678", ["+84 912 345 678"]),
        ("Bệnh viện 028 3822 1234", []),
        ("Nhà riêng 028 3822 1234", ["028 3822 1234"]),
        ("Hà Nội 024 3826 1234", ["024 3826 1234"]),
        ("liên hệ 0903-123-456", ["0903-123-456"]),
        ("+84 28 3822 1234", ["+84 28 3822 1234"]),
        ("Số mới: +84 93 684 6876", ["+84 93 684 6876"]),
        ("SĐT 093 379 4241", ["093 379 4241"]),
        ("SĐT:0912345678.", ["0912345678"]),
        # international
        ("phone +1 212-555-0123", ["+1 212-555-0123"]),
        ("tel (212) 555-0123", ["(212) 555-0123"]),
        ("London +44 20 7946 0958", ["+44 20 7946 0958"]),
        ("London 020 7946 0958", ["020 7946 0958"]),
        ("phone 212-555-0123", ["212-555-0123"]),
        ("phone +1 (212) 555-0123", ["+1 (212) 555-0123"]),
        ("mobile +61 412 345 678", ["+61 412 345 678"]),
        ("전화 (02) 123-4567", ["(02) 123-4567"]),
        ("+82 (0)10-1234-5678", ["+82 (0)10-1234-5678"]),
        ("보호자(+82 10-1234-5678)", ["+82 10-1234-5678"]),
        ("[17:55] 010-1234-5678", ["010-1234-5678"]),
        ("two: 010-1234-5678, 0912 345 678", ["010-1234-5678", "0912 345 678"]),
        # North American shapes with area codes phonenumbers does not list (made-up, new)
        ("Phone: 247-555-2505", ["247-555-2505"]),
        ("Jessica Parker 691-555-8115", ["691-555-8115"]),
        ("Call +1 751-555-9196 today", ["+1 751-555-9196"]),
        ("연락처 (299) 555-5942", ["(299) 555-5942"]),
        # a + number of a possible length for its country, outside the listed ranges
        ("Michael Wilson / +61 443 735 995", ["+61 443 735 995"]),
        # a bare Korean mobile in an unlisted range, next to a context word
        ("연락처: 01059925213 /", ["01059925213"]),
        # decoys
        ("visit 2023-10-12", []),
        ("ngày 12/10/2023", []),
        ("2023.10.12 진료", []),
        ("amount 1,234,567 KRW", []),
        ("Tổng chi phí 1.234.567 đồng", []),
        ("주문번호 20231012345", []),
        ("order no. 20231012345", []),
        ("invoice INV-2023-000123", []),
        ("code 12-010-1234-5678", []),
        ("version 3.11.7", []),
        ("lot 123456", []),
        ("000-0000-0000", []),
        ("Số CCCD: 082301836102", []),
        ("Số CCCD: 392766523", []),
        ("Order no. 2837361776", []),
        ("IP 14.176.70.196", []),
        ("ref x1-5598904031", []),
        ("RRN 8205271185542", []),
        ("Order 123-456-7890", []),  # area code breaks the plan's rules, no context
        ("주문번호 01059925213", []),  # bare mobile shape without a context word
        ("Total +12 345", []),
    ],
)
def test_phone_table(find, text, expected):
    assert [value for _, value in find(text, "PHONE_NUMBER")] == expected


def test_context_words_raise_a_phone_score(engine):
    bare = engine.analyze("x 010-1234-5678").detections[0].score
    korean = engine.analyze("연락처는 010-1234-5678").detections[0].score
    vietnamese = engine.analyze("số điện thoại 0912 345 678").detections[0].score
    assert korean > bare and vietnamese > bare


def test_latin_context_words_need_a_word_start(engine):
    hotel = engine.analyze("hotel 010-1234-5678").detections[0].score
    tel = engine.analyze("tel 010-1234-5678").detections[0].score
    assert tel > hotel


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8205271185542", False),
        ("+82 10-1234-5678", True),
        ("010-1234-5678", True),
        ("212-555-0123", True),
        ("1588-1234", True),
    ],
)
def test_bare_country_code_runs_are_not_plausible_phones(raw, expected):
    assert plausibly_written(raw) is expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("INV-2023-000123", 4, 15, True),
        ("a 010-1234-5678", 2, 15, False),
        ("010-1234-5678-9", 0, 13, True),
        ("연락처010-1234-5678", 3, 16, False),
    ],
)
def test_numbers_glued_to_longer_codes_are_rejected(text, start, end, expected):
    assert glued(text, start, end) is expected


def _spans(text):
    return [text[r.start : r.end] for r in MultiRegionPhoneRecognizer().analyze(text, [])]


def test_a_plus_number_followed_by_more_digits_is_cut_to_its_valid_part():
    text = "call +82 10-2345-6789 010-3456-7890"
    assert _spans(text) == ["+82 10-2345-6789", "010-3456-7890"]


def test_the_region_is_the_first_that_reads_the_number():
    text = "0912 345 678 / 010-1234-5678 / +44 20 7946 0958"
    results = MultiRegionPhoneRecognizer().analyze(text, [])
    regions = [r.analysis_explanation.textual_explanation.split()[2] for r in results]
    assert regions == ["VN", "KR", "GB"]


def test_text_without_phone_shapes_is_never_checked(monkeypatch):
    calls = []
    real_check = phone.region_and_type

    def counting_check(number):
        calls.append(number)
        return real_check(number)

    monkeypatch.setattr(phone, "region_and_type", counting_check)
    decoys = "2023-10-12 17:00, 880227-2521905, 1,234,567원, INV-2023-000123, 20231012345"
    assert _spans(decoys) == []
    assert calls == []
    assert _spans("x 010-1234-5678") == ["010-1234-5678"]
    assert calls == [(82, "1012345678")]


def _parsed_valid(raw: str, region: str) -> bool:
    """The reference reading: ``phonenumbers.parse`` in ``region``, then its checks."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number) and phonenumbers.is_valid_number(number)


def test_national_reading_agrees_with_phonenumbers_parse() -> None:
    """The fast national reading accepts exactly the shapes parse + is_valid_number accepts."""
    rng = random.Random(20261126)
    kinds = {"national": ("KR", "VN", "GB"), "us": ("US",), "service": ("KR",)}
    checked = accepted = 0
    while checked < 4_000:
        body = "".join(rng.choice("0123456789") for _ in range(rng.randint(8, 11)))
        raw = rng.choice(["0", "1", "(0", "", "01", "09"]) + body
        if rng.random() < 0.5:
            raw = raw[:3] + rng.choice("-. ") + raw[3:7] + rng.choice("-. ") + raw[7:]
        match = phone.SHAPES.fullmatch(raw)
        kind = next((k for k in kinds if match is not None and match.group(k)), None)
        if kind is None:
            continue
        for region in kinds[kind]:
            expected = _parsed_valid(raw, region)
            assert (phone.valid_type(raw, region) is not None) is expected, (raw, region)
            checked += 1
            accepted += expected
    assert accepted > 200  # the sample holds valid numbers of every kind, not only rejects


def test_international_reading_agrees_with_phonenumbers_parse() -> None:
    """``+`` numbers of every country code are split as ``phonenumbers.parse`` splits them."""
    rng = random.Random(20261127)
    codes = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    checked = 0
    while checked < 5_000:
        body = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 12)))
        raw = f"+{rng.choice(codes)}{rng.choice(['', ' ', '-', ' (0) '])}{body}"
        match = phone.SHAPES.fullmatch(raw)
        if match is None or match.group("international") is None:
            continue
        expected = phonenumbers.parse(raw, None)
        found = phone.international_number(raw)
        assert found == (
            expected.country_code,
            phonenumbers.national_significant_number(expected),
        ), raw
        checked += 1


def _number_samples() -> list[phonenumbers.PhoneNumber]:
    """Every region's example numbers of every type, each changed a few ways (digits
    replaced, cut, added, leading zeros), and random numbers of every country code."""
    rng = random.Random(20261128)
    seeds = [
        example
        for region in sorted(phonenumbers.SUPPORTED_REGIONS)
        for kind in phonenumbers.PhoneNumberType.values()
        if (example := phonenumbers.example_number_for_type(region, kind)) is not None
    ]
    seeds += [
        example
        for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
        if (example := phonenumbers.example_number_for_non_geo_entity(code)) is not None
    ]
    samples = []
    for seed in seeds:
        digits = str(seed.national_number)
        for _ in range(6):
            changed = rng.choice(
                [
                    digits,
                    digits[:-2] + f"{rng.randrange(100):02d}",
                    digits[: rng.randint(1, len(digits))],
                    digits + str(rng.randrange(10)),
                    digits[:2] + "".join(rng.choice("0123456789") for _ in digits[2:]),
                ]
            )
            number = phonenumbers.PhoneNumber(seed.country_code, int(changed))
            if rng.random() < 0.1:
                number.italian_leading_zero = True
                number.number_of_leading_zeros = rng.choice([None, 1, 2])
            samples.append(number)
    for code in [*sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE), 0, 999]:
        for _ in range(20):
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 14)))
            samples.append(phonenumbers.PhoneNumber(code, int(digits)))
    return samples


def test_region_type_and_validity_agree_with_phonenumbers() -> None:
    """The compiled metadata reads every number as phonenumbers does: region, type, validity."""
    samples = _number_samples()
    kinds = set()
    for sample in samples:
        number = (sample.country_code, phonenumbers.national_significant_number(sample))
        region, kind = phone.region_and_type(number)
        assert region == phonenumbers.region_code_for_number(sample), sample
        assert kind == phonenumbers.number_type(sample), sample
        valid = phonenumbers.is_valid_number(sample)
        assert (kind != phonenumbers.PhoneNumberType.UNKNOWN) is valid, sample
        if region is not None:
            assert phonenumbers.is_valid_number_for_region(sample, region) is valid, sample
        kinds.add(kind)
    assert len(samples) > 10_000
    assert kinds == set(phonenumbers.PhoneNumberType.values())  # every type, and invalid ones


def test_possible_lengths_agree_with_phonenumbers() -> None:
    """``is_possible`` is phonenumbers' for every country code and every length."""
    for code in [*sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE), 0, 999]:
        for length in range(1, 20):
            sample = phonenumbers.PhoneNumber(code, int("7" * length))
            number = (code, "7" * length)
            assert phone.is_possible(number) is phonenumbers.is_possible_number(sample), number


_NUMBERS = [
    "010-1234-5678", "02-345-6789", "031-123-4567", "+82 10 1234 5678", "(+82) 2-1234-5678",
    "(+82) 10-2040-6930", "+1 212 555 0123", "(212) 555-0123", "212-555-0123", "1588-1234",
    "080-123-4567", "070-1234-5678", "0912 345 678", "028 3822 1234", "+84 28 3822 1234",
    "07700 900123", "+44 20 7946 0958", "+33 1 23 45 67 89", "+7 8", "(02) 123-4567",
    "+1 (800) 555-0199", "+39 06 1234 5678", "01012345678", "+82-10-597", "010-5981-6130",
]  # fmt: skip
_ORGANISATION_CUES = [
    "병원 ", "대표번호 ", "성형외과 ", "Clinic ", "Hotline: ", "Phòng khám Hoa: ", "T. ",
]  # fmt: skip
_OTHER_PIECES = [" www.clinic.kr", " https://clinic.vn/", "\n", " ", "-", "12", "٠١٢", "x", "("]


def _texts_with_numbers(count: int) -> list[str]:
    """Corpus texts with phone numbers (some after an organisation's label), letterhead
    sites and decoys inserted at random places."""
    rng = random.Random(20261129)
    texts = [doc.text for doc in generate(29, count // 2)]
    for _ in range(count - len(texts)):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 6)):
            at = rng.randint(0, len(text))
            piece = rng.choice(
                [
                    rng.choice(_NUMBERS),
                    rng.choice(_ORGANISATION_CUES) + rng.choice(_NUMBERS),
                    rng.choice(_OTHER_PIECES),
                ]
            )
            text = text[:at] + piece + text[at:]
        texts.append(text)
    return texts


def test_shapes_are_found_as_with_the_boundary_tested_first() -> None:
    """SHAPES tests its first character before its boundary: the same matches."""
    reference = re.compile(rf"{phone._NOT_GLUED_BEFORE}(?=[\d(+]){phone._SHAPES}")
    for text in _texts_with_numbers(600):
        found = [(m.span(), m.lastgroup) for m in SHAPES.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in reference.finditer(text)], text


def _organisation_line_by_cues_first(text: str, found: phone.Reading) -> bool:
    """The reference: the cues first, then the type of the number as written."""
    start, end = found.start, found.end
    if not (after_business_cue(text, start) or on_letterhead_line(text, start, end)):
        return False
    return phone.written_type(text[start:end], found.region) in phone.ORGANISATION_TYPES


def test_organisation_check_agrees_with_checking_the_cues_first() -> None:
    """A read number's known type skips the cues only where they could not change the
    answer (a mobile stays a person's after any cue)."""
    checked = organisations = 0
    for text in _texts_with_numbers(1_200):
        for match in SHAPES.finditer(text):
            found = phone.read(match)
            if found is None:
                continue
            expected = _organisation_line_by_cues_first(text, found)
            assert phone.organisation_line(text, found) is expected, (text, found)
            checked += 1
            organisations += expected
    assert checked > 1_000
    assert organisations > 100


def test_korean_mobile_trigger_fires_wherever_the_recognizer_finds_a_number() -> None:
    recognizer = KoreanMobilePatternRecognizer()
    trigger = re.compile(KoreanMobilePatternRecognizer.TRIGGER.pattern)
    found = 0
    for text in _texts_with_numbers(1_000):
        if recognizer.analyze(text, []):
            found += 1
            assert trigger.search(text) is not None, text
    assert found > 200
