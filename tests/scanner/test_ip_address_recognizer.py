"""IP_ADDRESS: v4 and v6, versions, prices, times and MAC addresses are not addresses."""

from __future__ import annotations

import random

import pytest

from scanner.recognizers.ip_address import IpAddressRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # IPv4 in ko/vi/en
        ("접속 IP 192.168.0.15에서 로그인", ["192.168.0.15"]),
        ("IP주소는10.0.0.254입니다", ["10.0.0.254"]),
        ("Truy cập từ địa chỉ IP 203.113.45.6 lúc 10:30", ["203.113.45.6"]),
        ("login from 8.8.8.8, then 255.255.255.255.", ["8.8.8.8", "255.255.255.255"]),
        ("server 172.16.254.1/24", ["172.16.254.1"]),
        # single-digit quads need context
        ("IP 1.2.3.4", ["1.2.3.4"]),
        ("see section 1.2.3.4 of the consent", []),
        # version numbers are not addresses
        ("version 10.2.3.4 installed", []),
        ('{"version": "1.9.3.190"}', []),
        ("EMR ver. 2.10.3.15", []),
        ("버전 3.1.0.22 업데이트", []),
        ("phiên bản 4.0.1.2", []),
        ("v1.2.3.4", []),
        # invalid octets, leading zeros, more parts, prices
        ("256.1.1.1", []),
        ("192.168.01.1", []),
        ("1.2.3.4.5", []),
        ("Tổng chi phí 1.200.000.000 đồng", []),
        ("giá 12.500.000 đ", []),
        # IPv6
        ("IPv6 2001:db8::8a2e:370:7334 접속", ["2001:db8::8a2e:370:7334"]),
        ("host fe80::1ff:fe23:4567:890a", ["fe80::1ff:fe23:4567:890a"]),
        ("loopback ::1 only", ["::1"]),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", ["2001:0db8:85a3:0000:0000:8a2e:0370:7334"]),
        # times, MAC addresses, ratios
        ("수술 시작 10:30:00, 종료 12:45:30", []),
        ("MAC 00:1A:2B:3C:4D:5E", []),
        ("ratio 1::2", []),
        ("", []),
    ],
)
def test_ip_address_table(find, text, expected):
    assert [value for _, value in find(text, "IP_ADDRESS")] == expected


def test_the_span_is_exact_inside_korean_text(engine):
    text = "IP주소는10.0.0.254입니다"
    (detection,) = engine.analyze(text).detections
    assert (detection.entity_type, detection.start, detection.end) == ("IP_ADDRESS", 5, 15)


def test_a_single_digit_quad_alone_scores_below_the_threshold():
    (result,) = IpAddressRecognizer().analyze("x 1.2.3.4", [])
    assert result.score < 0.5


class _WholeText(IpAddressRecognizer):
    """The reference: the patterns scanned over the whole text, not only around anchors."""

    ANCHOR = None


def test_matching_in_the_tokens_around_anchors_finds_what_the_whole_text_gives():
    pieces = ["192.168.0.1", "10.0.0.254", "1.2.3.4", "fe80::1", "2001:db8::8a2e:370:7334",
              "::1", "10:30:00", "v", "version ", ".", ":", "0", "12", "a", " ", "\n", "\u3000",
              "-", "/24", "\u0663"]  # fmt: skip
    anchored, whole = IpAddressRecognizer(), _WholeText()
    rng = random.Random(31)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9)))
        expected = sorted((r.start, r.end, r.score) for r in whole.analyze(text, []))
        assert sorted((r.start, r.end, r.score) for r in anchored.analyze(text, [])) == expected
        found += bool(expected)
    assert found > 500
