"""Phone numbers (Korean, Vietnamese and international) found by ``phonenumbers``.

Presidio's PhoneRecognizer runs ``phonenumbers.PhoneNumberMatcher`` once per region, here
with STRICT_GROUPING leniency so that oddly grouped digit runs are not phones. With regions
KR, VN, US and GB it finds 010-1234-5678, 01012345678, 02-123-4567, +82 10-1234-5678,
0912 345 678, +84 912 345 678, 028 3822 1234 and any number written with a ``+`` country
code. Dates, amounts and order numbers are not valid numbers and are not matched.

phonenumbers rejects numbers in ranges its metadata calls unassigned (e.g. 010-597x-xxxx);
``KoreanMobilePatternRecognizer`` still finds separated Korean mobile numbers at a lower
score, since a typo or an unassigned number in a chart is still someone's phone.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from scanner.recognizers.base import LANGUAGES, merge_words

REGIONS = ("KR", "VN", "US", "GB")
MAX_NATIONAL_DIGITS = 10
STRICT_GROUPING = 2  # phonenumbers.Leniency.STRICT_GROUPING: rejects "2023-000123"
_GLUE = frozenset("0123456789-_/")
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
            leniency=STRICT_GROUPING,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Run phonenumbers, then drop bare-country-code runs and pieces of longer codes."""
        results = super().analyze(text, entities, nlp_artifacts)  # type: ignore[arg-type]
        return [
            r
            for r in results
            if plausibly_written(text[r.start : r.end]) and not glued(text, r.start, r.end)
        ]


def glued(text: str, start: int, end: int) -> bool:
    """True when the match continues a longer code (``INV-2023-000123``, ``12-010-...``)."""
    before = text[start - 1] if start else ""
    after = text[end : end + 2]
    return before in _GLUE or (after[:1] == "-" and after[1:].isdigit())


def plausibly_written(raw: str) -> bool:
    """False for long digit runs that only parse with a bare country code.

    phonenumbers reads ``8205271185542`` (an RRN born in 1982) as +82 5271185542. National
    numbers without a trunk 0 have at most ten digits, so a longer run starting 2-9 with no
    ``+`` or ``(`` is not written as a phone number.
    """
    stripped = raw.lstrip()
    if stripped[:1] in ("+", "(", "0", "1"):
        return True
    return sum(char.isdigit() for char in stripped) <= MAX_NATIONAL_DIGITS


class KoreanMobilePatternRecognizer(PatternRecognizer):
    """Finds separated Korean mobiles (01X-NNNN-NNNN, +82 1X-...) that phonenumbers rejects."""

    PATTERNS = [
        Pattern(
            "KR mobile (separated)",
            r"(?<![\d-])(?:\+82[- ]?|0)1[016789][- ]\d{3,4}[- ]\d{4}(?!\d|-\d)",
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
