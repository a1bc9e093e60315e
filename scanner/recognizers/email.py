"""E-mail addresses, with the domain checked against tldextract's bundled suffix list.

Presidio's EmailRecognizer calls ``tldextract.extract``, which downloads the public suffix
list on first use. This subclass uses an extractor built with ``suffix_list_urls=()`` and no
cache directory: it reads the snapshot shipped inside tldextract and never goes online.

Presidio's pattern matches any Unicode word character, so Korean particles glued to an address
(``이메일은hong@hospital.co.kr입니다``) become part of it and the match fails. Our pattern
keeps addresses ASCII (IDN domains appear as punycode ``xn--`` labels). Role accounts
(``info@``, ``reservation@``) are an organisation's, not personal data, and are dropped.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from scanner.recognizers.base import LANGUAGES, LeanPatterns, merge_words
from scanner.recognizers.organisation import is_role_mailbox
from scanner.recognizers.trigger import Trigger

OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_NOT_LOCAL_BEFORE = r"(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
EMAIL_REGEX = rf"{_NOT_LOCAL_BEFORE}{_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}(?![A-Za-z0-9-])"


class OfflineEmailRecognizer(LeanPatterns, EmailRecognizer):
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

    def validate_result(self, pattern_text: str) -> bool:
        """A registrable domain under a known suffix, and a person's mailbox (not info@)."""
        if is_role_mailbox(pattern_text):
            return False
        return bool(OFFLINE_TLD_EXTRACT(pattern_text).fqdn)


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[OfflineEmailRecognizer]:
    """Return one recognizer per language."""
    return [OfflineEmailRecognizer(supported_language=language) for language in languages]
