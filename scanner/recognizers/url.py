"""URLs: with a scheme, starting with ``www.``, or bare domains under common suffixes.

Hosts are checked against tldextract's bundled public-suffix snapshot through the same
offline extractor the e-mail recognizer uses (never a download). Bare domains (no scheme, no
``www.``) are accepted only under common suffixes (com, net, org, kr, vn, co.kr, com.vn …),
since file names and abbreviations also contain dots (``report.pdf``, ``main.py``: .py is a
country code), and only in lower case (``ASP.NET`` is a product). URLs are ASCII here: a
Korean particle glued to one (``www.clinic.kr입니다``) ends it, and trailing punctuation is
not part of it. The domain of an e-mail address is not a URL. A front page (no path, no query)
is a site's, usually an organisation's (a letterhead's, a footer's "Website:", a form's
``"site"``), and scores too low for any context word to lift it; only a first-person cue
(``my website``, ``제 블로그``, ``trang cá nhân``) makes it someone's. Profiles, booking links
and shared files have paths.
"""

from __future__ import annotations

import ipaddress
import re

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.email import extract_host
from scanner.recognizers.fast_pattern import FastPatternRecognizer, Span, edge_after, edge_before
from scanner.recognizers.trigger import Trigger

BARE_SUFFIXES = frozenset(
    (
        "com", "net", "org", "info", "biz", "io", "me", "co", "app", "dev", "kr", "vn",
        "us", "uk", "jp", "cn", "tw", "hk", "sg", "au", "ca", "de", "fr", "edu",
        "gov", "xyz", "online", "site", "shop", "store",
    )
)  # fmt: skip
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"(?P<host>(?:{_LABEL}\.)+[A-Za-z]{{2,63}}|localhost|\d{{1,3}}(?:\.\d{{1,3}}){{3}})"
_NOT_BEFORE = "A-Za-z0-9@._%+/-"
_NOT_AFTER_HOST = "A-Za-z0-9_@-"
URL_REGEX = (
    rf"(?<![{_NOT_BEFORE}])"
    r"(?P<scheme>(?i:https?|ftp)://(?:[A-Za-z0-9._~%!$&'*+,;=-]+(?::[^\s@/]*)?@)?|(?i:www\.))?"
    rf"{_HOST}(?![{_NOT_AFTER_HOST}])(?::\d{{2,5}})?(?:[/?#][!-~]*)?"
)
_BARE_SUFFIX = "|".join(sorted(BARE_SUFFIXES))
# a bare domain's host for a trigger (no look-arounds): labels, then a common suffix
_BARE_DOMAIN = rf"[A-Za-z0-9][A-Za-z0-9.-]*\.(?:{_BARE_SUFFIX}){edge_after(_NOT_AFTER_HOST)}"
_TRAILING = ".,;:!?'\"*"
_OPENING = {")": "(", "]": "[", "}": "{", ">": "<"}
SCHEME_SCORE = 0.7
WWW_SCORE = 0.6
BARE_SCORE = 0.5
HOMEPAGE_SCORE = 0.1  # a site's front page is an organisation's: no context word lifts this
PERSONAL_SITE = re.compile(
    r"(?:\b(?:my|his|her)\s+(?:own\s+|personal\s+)?(?:web\s?site|site|home\s?page|blog|page)"
    r"|(?:제|내|개인)\s*(?:홈페이지|블로그|사이트)"
    r"|(?:trang|web|blog)\s+(?:web\s+)?(?:cá nhân|của (?:tôi|em|mình|anh|chị)))"
    r"[^\n]{0,12}$",
    re.IGNORECASE,
)
PERSONAL_REACH = 40


class OfflineUrlRecognizer(FastPatternRecognizer):
    """Finds URL: scheme or www. URLs on any known suffix, bare domains on common ones."""

    ENTITY = "URL"
    PATTERNS = [Pattern("URL", URL_REGEX, SCHEME_SCORE)]
    CONTEXT = merge_words(
        ["홈페이지", "사이트", "링크", "주소"],
        ["trang web", "đường dẫn", "liên kết", "website"],
        ["url", "link", "website", "homepage", "site"],
    )
    # what ``check`` keeps: a scheme (the only way to an IP or localhost), www., or a bare
    # domain under a lower-case common suffix, from the pattern's start to the host's end
    TRIGGER = Trigger(pattern=f"://|{edge_before(_NOT_BEFORE)}(?:[wW][wW][wW]\\.|{_BARE_DOMAIN})")
    # where the pattern is tried: a URL holds no whitespace, so only in the run of characters
    # around a host's dot (a dot and two letters, a dotted IPv4) or localhost
    ANCHOR = r"\.(?:[A-Za-z][A-Za-z]|\d{1,3}\.\d)|localhost"
    ANCHOR_IN_TOKEN = True

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Trim trailing punctuation; validate the host; score by how it is written."""
        end = _trim(text, start, end)
        value = text[start:end]
        lowered = value.lower()
        has_scheme = "://" in lowered[:8]
        host = _host(value)
        if _is_ip(host) or host.lower() == "localhost":
            return (start, end, SCHEME_SCORE) if has_scheme else None
        extracted = extract_host(host)
        if not extracted.domain or not extracted.suffix:
            return None
        homepage = _is_homepage(value) and not _personal_site(text, start)
        if has_scheme:
            return start, end, HOMEPAGE_SCORE if homepage else SCHEME_SCORE
        if lowered.startswith("www."):
            return start, end, HOMEPAGE_SCORE if homepage else WWW_SCORE
        suffix = extracted.suffix
        if suffix.islower() and suffix.rsplit(".", 1)[-1] in BARE_SUFFIXES:
            return start, end, HOMEPAGE_SCORE if homepage else BARE_SCORE
        return None


def _trim(text: str, start: int, end: int) -> int:
    """Move ``end`` back over trailing punctuation and unbalanced closing brackets."""
    while end > start:
        last = text[end - 1]
        value = text[start:end]
        opening = _OPENING.get(last)
        if last in _TRAILING or (opening and value.count(last) > value.count(opening)):
            end -= 1
        else:
            break
    return end


def _is_homepage(value: str) -> bool:
    """A URL with no path, query or user: a site's front page (``https://clinic.kr/``)."""
    rest = value.split("://", 1)[-1]
    if "@" in rest.split("/", 1)[0]:
        return False
    for separator in "/?#":
        if separator in rest:
            return separator == "/" and not rest.split(separator, 1)[1]
    return True


def _personal_site(text: str, start: int) -> bool:
    """Whether a first-person cue (``my website:``) stands just before the URL on its line."""
    return PERSONAL_SITE.search(text, max(0, start - PERSONAL_REACH), start) is not None


def _host(value: str) -> str:
    """Return the host part of a URL written with or without a scheme."""
    rest = value.split("://", 1)[-1]
    for separator in "/?#":
        rest = rest.split(separator, 1)[0]
    rest = rest.rsplit("@", 1)[-1]
    return rest.split(":", 1)[0]


def _is_ip(host: str) -> bool:
    """True when ``host`` is an IPv4 address."""
    if not host[-1:].isdigit():  # a name (the usual host): spare ``ipaddress`` its exception
        return False
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return True


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[OfflineUrlRecognizer]:
    """Return one recognizer per language."""
    return [OfflineUrlRecognizer(supported_language=language) for language in languages]
