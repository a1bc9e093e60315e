"""IP addresses, version 4 and 6.

IPv4: four octets 0–255 without leading zeros, so Vietnamese prices with dot thousands
(``1.200.000.000``) and zero-padded codes are not addresses. A dotted quad right after a
version word (``version 1.2.3.4``, ``ver. 2.0.1.5``, ``"version": "1.9.3.190"``, 버전,
phiên bản, build) is a version
number and is dropped; one glued to a letter (``v1.2.3.4``) never matches. Quads of single
digits (``1.2.3.4``) read as section numbers as often as addresses and need a context word.

IPv6: candidates of hex groups and colons, validated by ``ipaddress``; times (``10:30:00``)
and MAC addresses are not valid IPv6 and are not matched.
"""

from __future__ import annotations

import ipaddress
import re

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span
from scanner.recognizers.trigger import Trigger

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4_REGEX = rf"(?<![0-9A-Za-z.])(?:{_OCTET}\.){{3}}{_OCTET}(?![0-9A-Za-z]|\.\d)"
IPV6_REGEX = (
    r"(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Za-z:])"
)
VERSION_BEFORE = re.compile(
    r"(?:\b(?:version|ver|v|build|release|firmware|rev)|버전|phiên bản)"
    r"\.?[\"']?\s*[:#=]?\s*[\"']?$",  # "version": "1.9.3.190" too
    re.IGNORECASE,
)
VERSION_LOOKBACK = 20
MIN_IPV6_HEX_DIGITS = 4
IPV4_SCORE = 0.6
SECTION_LIKE_SCORE = 0.4


class IpAddressRecognizer(FastPatternRecognizer):
    """Finds IP_ADDRESS (v4 and v6); version numbers and section-like quads are held back."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = [
        Pattern("IPv4", IPV4_REGEX, IPV4_SCORE),
        Pattern("IPv6", IPV6_REGEX, 0.6),
    ]
    CONTEXT = merge_words(
        ["아이피", "IP 주소", "접속", "서버"],
        ["địa chỉ ip", "máy chủ", "truy cập"],
        ["ip", "ip address", "ipv4", "ipv6", "host", "server", "client", "login from"],
    )
    # IPv4: four dotted numbers; IPv6: two colons at most four hex digits apart
    TRIGGER = Trigger(pattern=r"\.\d{1,3}\.\d{1,3}\.\d", lowered=r":[0-9a-f]{0,4}:")
    # the same, where the patterns are tried: an address holds no whitespace (the patterns
    # start with a look-behind, which ``re`` would try at every position of the text)
    ANCHOR = r"\.\d{1,3}\.\d{1,3}\.\d|:[0-9A-Fa-f]{0,4}:"
    ANCHOR_IN_TOKEN = True

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Drop version numbers and invalid IPv6; lower quads of single digits."""
        value = text[start:end]
        if ":" in value:
            return (start, end, score) if ipv6_plausible(value) else None
        if VERSION_BEFORE.search(text[max(0, start - VERSION_LOOKBACK) : start]):
            return None
        if all(len(octet) == 1 for octet in value.split(".")):
            return start, end, min(score, SECTION_LIKE_SCORE)
        return start, end, score


def ipv6_plausible(value: str) -> bool:
    """True for a valid IPv6 address with enough hex digits to be meant as one (or ::1)."""
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    digits = sum(char not in ":." for char in value)
    return digits >= MIN_IPV6_HEX_DIGITS or value == "::1"


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[IpAddressRecognizer]:
    """Return one recognizer per language."""
    return [IpAddressRecognizer(supported_language=language) for language in languages]
