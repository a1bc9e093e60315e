"""EMAIL_ADDRESS (offline suffix check) and CREDIT_CARD (Luhn)."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer
from tldextract.remote import lenient_netloc

from scanner.recognizers.base import analyze_patterns
from scanner.recognizers.credit_card import LuhnCreditCardRecognizer, luhn_valid
from scanner.recognizers.email import OFFLINE_TLD_EXTRACT, OfflineEmailRecognizer, extract_host


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("이메일: hong.gildong@example.com", ["hong.gildong@example.com"]),
        ("이메일은hong@hospital.co.kr입니다", ["hong@hospital.co.kr"]),
        ("email nguyen.van.an@benhvien.com.vn.", ["nguyen.van.an@benhvien.com.vn"]),
        ("e-mail: j.smith+lab@mail.example.org", ["j.smith+lab@mail.example.org"]),
        ("two a.b@example.com, c_d@example.net", ["a.b@example.com", "c_d@example.net"]),
        # decoys
        ("user@localhost", []),
        ("x@foo.notatld", []),
        ("name@example", []),
        ("hong@", []),
        ("https://www.tiktok.com/@its.fatima", []),  # a URL's path, not a mailbox
        ("email your photos to vn@onyups.com?", []),  # a language desk's mailbox
        ("booking.vn@clinic.kr, cs-team2@clinic.kr", []),  # roles joined by separators
        ("info.minji@clinic.kr", ["info.minji@clinic.kr"]),  # a person's name in it
        ("@handle on twitter", []),
        ("a@b.c", []),
    ],
)
def test_email_table(find, text, expected):
    assert [value for _, value in find(text, "EMAIL_ADDRESS")] == expected


def luhn_complete(prefix: str) -> str:
    """Append the Luhn check digit to ``prefix``."""
    total = 0
    for index, char in enumerate(reversed(prefix)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return prefix + str((10 - total % 10) % 10)


VISA = luhn_complete("411111111111111")
MASTERCARD = luhn_complete("550000000000000")
MASTERCARD_2_SERIES = luhn_complete("233825208604346")
OUTSIDE_2_SERIES = luhn_complete("280012345678901")  # 2800: no card network's range


def broken(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def grouped(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"카드번호 {grouped(VISA)}", [grouped(VISA)]),
        (f"card {grouped(MASTERCARD, '-')}", [grouped(MASTERCARD, "-")]),
        (f"số thẻ {VISA}", [VISA]),
        ("Amex 378282246310005", ["378282246310005"]),
        (f"카드번호 {grouped(broken(VISA))}", []),
        (f"card {broken(MASTERCARD)}", []),
        ("order 1234 5678 9012 3456", []),
        ("RRN: 6111041409607", []),  # Luhn-valid, but a valid RRN and no Visa
        (f"card {luhn_complete('641128636709')}", []),  # 13-digit cards were only Visa
        (f"카드 {grouped(MASTERCARD_2_SERIES, '-')}", [grouped(MASTERCARD_2_SERIES, "-")]),
        (f"card {grouped(OUTSIDE_2_SERIES)}", []),
    ],
)
def test_credit_card_table(find, text, expected):
    assert [value for _, value in find(text, "CREDIT_CARD")] == expected


def test_anchored_search_finds_what_presidios_pattern_pass_finds() -> None:
    """Matching from each @ gives the spans and scores of matching at every position."""
    recognizer = OfflineEmailRecognizer()
    rng = random.Random(20261126)
    alphabet = "abcXYZ09._-+@@..  김e\n%!Kſı"
    tails = ["@a.com", "@x.co.kr", " hong.gildong@naver.com", ".@b.vn", "@localhost", ""]
    found = 0
    for _ in range(5_000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 40)))
        text = body + rng.choice(tails)
        expected = _spans_and_scores(analyze_patterns(recognizer, text))
        assert _spans_and_scores(recognizer.analyze(text, ["EMAIL_ADDRESS"])) == expected, text
        found += bool(expected)
    assert found > 500  # many samples hold addresses, not only rejects


def _spans_and_scores(results: list[RecognizerResult]) -> list[tuple[int, int, float]]:
    return sorted((r.start, r.end, r.score) for r in results)


def test_the_suffix_check_of_an_address_is_the_one_of_its_host():
    local_chars = ["a", "B", "9", ".", "_", "+", "-", "/", "//", "?", "#", ":", "[", "]", "@", "%"]
    domains = ["example.com", "hospital.co.kr", "x.notatld", "b.c", "Mail.Example.ORG", "localhost"]
    rng = random.Random(5)
    for _ in range(3000):
        local = "".join(rng.choice(local_chars) for _ in range(rng.randrange(1, 8)))
        address = f"{local}@{rng.choice(domains)}"
        assert extract_host(lenient_netloc(address)) == OFFLINE_TLD_EXTRACT(address), address


def test_the_luhn_check_is_presidios():
    recognizer = LuhnCreditCardRecognizer()
    rng = random.Random(11)
    numbers = [VISA, grouped(MASTERCARD, "-"), broken(VISA), "", "\u0664" + VISA[1:]]
    numbers += [
        "".join(rng.choice("0123456789 -") for _ in range(rng.randrange(20))) for _ in range(3000)
    ]
    for number in numbers:
        sanitized = number.replace("-", "").replace(" ", "")
        assert luhn_valid(sanitized) is CreditCardRecognizer.validate_result(recognizer, number)
