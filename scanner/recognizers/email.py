"""E-mail addresses, with the domain checked against tldextract's bundled suffix list.

Presidio's EmailRecognizer calls ``tldextract.extract``, which downloads the public suffix
list on first use. This subclass uses an extractor built with ``suffix_list_urls=()`` and no
cache directory: it reads the snapshot shipped inside tldextract and never goes online.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from scanner.recognizers.base import LANGUAGES, merge_words

OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Finds EMAIL_ADDRESS; the domain must end in a known public suffix (offline)."""

    CONTEXT = merge_words(
        ["이메일", "메일", "전자우편"], ["email", "thư điện tử"], ["e-mail", "mail"]
    )

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(context=list(self.CONTEXT), supported_language=supported_language)

    def validate_result(self, pattern_text: str) -> bool:
        """Accept the match when its domain has a registrable name under a known suffix."""
        return bool(OFFLINE_TLD_EXTRACT(pattern_text).fqdn)


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[OfflineEmailRecognizer]:
    """Return one recognizer per language."""
    return [OfflineEmailRecognizer(supported_language=language) for language in languages]
