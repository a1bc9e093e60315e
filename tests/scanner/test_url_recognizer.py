"""URL: schemes, www., bare domains under common suffixes; files and e-mails are not URLs."""

from __future__ import annotations

import random
import socket

import pytest
from presidio_analyzer import RecognizerResult

from scanner.recognizers.url import OfflineUrlRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with a scheme
        (
            "예약: https://clinic.example.com/booking?id=123",
            ["https://clinic.example.com/booking?id=123"],
        ),
        ("see https://example.com/a/b?x=1.", ["https://example.com/a/b?x=1"]),
        ("(https://vi.wikipedia.org/wiki/Foo_(bar))", ["https://vi.wikipedia.org/wiki/Foo_(bar)"]),
        ("Trang web: http://benhvien.com.vn/lien-he, gọi ngay", ["http://benhvien.com.vn/lien-he"]),
        ("admin http://192.168.0.1:8080/login", ["http://192.168.0.1:8080/login"]),
        ("FTP ftp://files.clinic.co.kr/xray/", ["ftp://files.clinic.co.kr/xray/"]),
        # www. and bare domains, Korean particles glued
        ("이벤트 페이지는 www.clinic.co.kr/event입니다.", ["www.clinic.co.kr/event"]),
        ("후기: blog.naver.com/gangnam_ps/12345 참고", ["blog.naver.com/gangnam_ps/12345"]),
        ("Liên hệ qua facebook.com/thammyvien!", ["facebook.com/thammyvien"]),
        ("visit clinic.vn/events today", ["clinic.vn/events"]),
        # not URLs
        ("이메일 hong@hospital.co.kr", []),
        ("첨부: report.pdf, main.py, photo.jpg", []),
        ("e.g. Dr.Kim, TP.HCM, Q.1", []),
        ("Built on ASP.NET", []),
        ("www.invalid-suffix.notatld", []),
        ("가격 1.234.567원, 버전 1.2.3", []),
        ("", []),
    ],
)
def test_url_table(find, text, expected):
    assert [value for _, value in find(text, "URL")] == expected


def test_the_span_is_exact_inside_korean_text(engine):
    text = "제 블로그는 www.jiyoung.co.kr입니다."
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("URL", 7, 24)


def test_scheme_urls_score_higher_than_bare_domains():
    recognizer = OfflineUrlRecognizer()
    (scheme,) = recognizer.analyze("x https://clinic.vn/booking/123", [])
    (bare,) = recognizer.analyze("x clinic.vn/booking/123", [])
    assert scheme.score > bare.score >= 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a front page is an organisation's site: below the threshold alone...
        ("Tel 02-545-7700 | www.raonps.co.kr", []),
        ("https://www.onyups.com", []),
        ("https://www.onyups.com/", []),
        # ...whatever the label says ("Website:", a form's "site")...
        ("Website: https://midam-ps.com", []),
        ('{"site": "midam-ps.com", "form_id": 3}', []),
        ("홈페이지는 www.clinic.co.kr입니다.", []),
        # ...unless it is someone's own; paths, queries and users are someone's
        ("my website: https://www.janesmith.com/", ["https://www.janesmith.com/"]),
        ("Xem trang cá nhân của tôi: www.vyvo.vn", ["www.vyvo.vn"]),
        ("https://instagram.com/vy.vo", ["https://instagram.com/vy.vo"]),
        ("booking.clinic.kr/r?id=8f3a", ["booking.clinic.kr/r?id=8f3a"]),
    ],
)
def test_front_pages_are_reported_only_as_someones_own(find, text, expected):
    assert [value for _, value in find(text, "URL")] == expected


def test_the_recognizer_never_goes_online(monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    found = OfflineUrlRecognizer().analyze("https://brand-new-domain.io/x www.example.vn", [])
    assert len(found) == 2


class _EveryPosition(OfflineUrlRecognizer):
    """The reference: the pattern tried over the whole text, not only around host dots."""

    ANCHOR = None


def test_matching_around_host_dots_finds_what_a_full_scan_finds() -> None:
    anchored, reference = OfflineUrlRecognizer(), _EveryPosition()
    rng = random.Random(20261126)
    noise = "abcXYZ09._-+@/:?#  김e\n%!\u3000\t"
    hosts = ["clinic.co.kr", "example.com", "10.0.0.1", "localhost", "a.b.vn", "LOCALHOST"]
    found = 0
    for _ in range(3_000):
        pieces = ["".join(rng.choice(noise) for _ in range(rng.randint(0, 15))) for _ in range(3)]
        url = (
            rng.choice(["https://", "www.", "", "http://u:p@", "ftp://"])
            + rng.choice(hosts)
            + rng.choice(["/path?x=1", "", ":8080/a", ".", ")"])
        )
        text = (
            pieces[0] + url + pieces[1] + rng.choice(["", " www.x.com", " report.pdf"]) + pieces[2]
        )
        expected = _spans_and_scores(reference.analyze(text, ["URL"]))
        assert _spans_and_scores(anchored.analyze(text, ["URL"])) == expected, text
        found += bool(expected)
    assert found > 1_000


def _spans_and_scores(results: list[RecognizerResult]) -> list[tuple[int, int, float]]:
    return sorted((r.start, r.end, r.score) for r in results)
