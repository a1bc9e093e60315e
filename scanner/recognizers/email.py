"""E-mail addresses, with the domain checked against tldextract's bundled suffix list.

Presidio's EmailRecognizer calls ``tldextract.extract``, which downloads the public suffix
list on first use. This subclass uses an extractor built with ``suffix_list_urls=()`` and no
cache directory: it reads the snapshot shipped inside tldextract and never goes online.

Matching starts from each ``@``: the address can only begin where the run of local-part
characters before it begins, so the pattern is tried there alone (Presidio tries it at every
position of the text, which cost more than everything else the recognizer does).

Presidio's pattern matches any Unicode word character, so Korean particles glued to an address
(``이메일은hong@hospital.co.kr입니다``) become part of it and the match fails. Our pattern
keeps addresses ASCII (IDN domains appear as punycode ``xn--`` labels). Role accounts
(``info@``, ``reservation@``) are an organisation's, not personal data, and are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

import tldextract
from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer
from tldextract.remote import lenient_netloc
from tldextract.tldextract import ExtractResult

from scanner.recognizers.base import LANGUAGES, SelfLabelling, merge_words, pattern_result
from scanner.recognizers.organisation import is_role_mailbox
from scanner.recognizers.trigger import Trigger

OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
HOSTS_REMEMBERED = 4096
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_NOT_LOCAL_BEFORE = r"(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
EMAIL_REGEX = rf"{_NOT_LOCAL_BEFORE}{_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}(?![A-Za-z0-9-])"
# what may stand before the @ of a match: the local part's characters and its dots, and
# the four letters IGNORECASE takes for ASCII ones (İ ı ſ and the Kelvin sign)
_LOCAL_RUN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-"
    "\u0130\u0131\u017f\u212a"
)


class OfflineEmailRecognizer(SelfLabelling, EmailRecognizer):
    """Finds EMAIL_ADDRESS; the domain must end in a known public suffix (offline)."""

    PATTERNS = [Pattern("Email (ASCII)", EMAIL_REGEX, 0.5)]
    CONTEXT = merge_words(
        ["이메일", "메일", "전자우편"], ["email", "thư điện tử"], ["e-mail", "mail"]
    )
    TRIGGER = Trigger(pattern="@")

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
        )
        self._pattern = re.compile(EMAIL_REGEX, re.IGNORECASE)  # as Presidio compiles it

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's pattern analysis, tried only where a local part ends at an ``@``."""
        results = []
        consumed = 0  # as in finditer, a match starts after the previous one
        at = text.find("@")
        while at >= 0:
            start = local_part_start(text, at)
            match = self._pattern.match(text, start) if consumed <= start < at else None
            if match is not None:
                consumed = match.end()
                result = pattern_result(self, match, self.PATTERNS[0].score)
                if result.score > EntityRecognizer.MIN_SCORE:
                    results.append(result)
            at = text.find("@", at + 1)
        return results

    def validate_result(self, pattern_text: str) -> bool:
        """A registrable domain under a known suffix, and a person's mailbox (not info@)."""
        if is_role_mailbox(pattern_text) or pattern_text.startswith("/"):
            return False  # a role's mailbox; a URL's path (https://site/@handle)
        # tldextract first reads the host out of the address (``lenient_netloc``); reading
        # it again gives it back (an address holds no whitespace): one answer per host
        return bool(extract_host(lenient_netloc(pattern_text)).fqdn)


@lru_cache(maxsize=HOSTS_REMEMBERED)
def extract_host(host: str) -> ExtractResult:
    """``OFFLINE_TLD_EXTRACT`` of a host, worked out once per host (a few mail and site
    providers make most of them)."""
    return OFFLINE_TLD_EXTRACT(host)


def local_part_start(text: str, at: int) -> int:
    """Where the run of local-part characters ending at ``text[at]`` (an ``@``) begins.

    The pattern's look-behind forbids a local-part character or a dot before its start, so
    a match ending its local part at ``at`` can only start there.
    """
    start = at
    while start > 0 and text[start - 1] in _LOCAL_RUN:
        start -= 1
    return start


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[OfflineEmailRecognizer]:
    """Return one recognizer per language."""
    return [OfflineEmailRecognizer(supported_language=language) for language in languages]
