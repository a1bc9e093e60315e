"""Phone numbers (Korean, Vietnamese and international) found by ``phonenumbers``.

Presidio's PhoneRecognizer runs ``phonenumbers.PhoneNumberMatcher`` once per region; with
KR, VN, US and GB it finds 010-1234-5678, 01012345678, 02-123-4567, +82 10-1234-5678,
0912 345 678, +84 912 345 678, 028 3822 1234 and any number written with a ``+`` country
code. Dates, amounts and order numbers are not valid numbers and are not matched.

phonenumbers rejects numbers in ranges its metadata calls unassigned (e.g. 010-597x-xxxx);
``KoreanMobilePatternRecognizer`` still finds separated Korean mobile numbers at a lower
score, since a typo or an unassigned number in a chart is still someone's phone.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from scanner.recognizers.base import LANGUAGES, merge_words

REGIONS = ("KR", "VN", "US", "GB")
CONTEXT = merge_words(
    ["전화", "연락처", "휴대폰", "핸드폰", "휴대전화", "전번", "팩스"],
    ["số điện thoại", "điện thoại", "sđt", "đt", "di động", "liên hệ"],
    ["phone", "tel", "mobile", "cell", "fax", "contact"],
)


class MultiRegionPhoneRecognizer(PhoneRecognizer):
    """Finds PHONE_NUMBER with phonenumbers' validity check (leniency VALID)."""

    SCORE = 0.6
    CONTEXT = CONTEXT

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(
            context=list(self.CONTEXT),
            supported_language=supported_language,
            supported_regions=REGIONS,
        )


class KoreanMobilePatternRecognizer(PatternRecognizer):
    """Finds separated Korean mobile numbers (01X-NNNN-NNNN) that phonenumbers rejects."""

    PATTERNS = [
        Pattern(
            "KR mobile (separated)",
            r"(?<![\d-])01[016789][- ]\d{3,4}[- ]\d{4}(?!\d|-\d)",
            0.5,
        ),
    ]
    CONTEXT = CONTEXT

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(
            supported_entity="PHONE_NUMBER",
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
        )


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[PhoneRecognizer | PatternRecognizer]:
    """Return both phone recognizers, one instance each per language."""
    found: list[PhoneRecognizer | PatternRecognizer] = []
    for language in languages:
        found.append(MultiRegionPhoneRecognizer(supported_language=language))
        found.append(KoreanMobilePatternRecognizer(supported_language=language))
    return found
