"""Phone numbers (Korean, Vietnamese and international): our shapes, ``phonenumbers``' check.

``MultiRegionPhoneRecognizer`` finds candidates with one compiled regex of the ways phone
numbers are written here, then checks each as ``phonenumbers.parse`` and ``is_valid_number``
would, reading its metadata compiled once per region and number length (``_RegionRules``).
Presidio's PhoneRecognizer runs ``phonenumbers.PhoneNumberMatcher`` once per region instead,
which parses and verifies every digit group of the text (dates, times, amounts, RRNs) once
per region; that was most of the engine's time on short documents.

The shapes (``SHAPES``), each not inside a longer run of digits or Latin letters:

- Korean, with ``-``, space, ``.`` or no separator: mobiles 010/011/016-019, Seoul 02, area
  codes 0[3-6][1-5], 050/060/070/080; ``(02) 123-4567``; service numbers 15xx/16xx/18xx-xxxx;
  ``+82`` with or without the trunk ``(0)``.
- Vietnamese: 10-digit mobiles 0[35789]x in 3-3-4 or 4-3-3 groups (or none), 11-digit
  landlines 02x (3-4-4, 4-3-4); ``+84``.
- British mobiles ``07xxx xxxxxx``; a country code may be bracketed: ``(+82) 10-1234-5678``.
- US ``(212) 555-0123`` and ``212-555-0123``; any ``+`` country code followed by digit groups.

An organisation's numbers are not personal data: service numbers (1588-xxxx, 080, 1800-xxxx)
and landlines written after the organisation's name or a switchboard label are dropped
(scanner.recognizers.organisation).

A 0-prefixed candidate is read as Korean, then Vietnamese, then British (the regions the
matcher used), the first valid reading wins; a ``+`` candidate by its country code (trailing
groups are dropped while it is invalid, so a number followed by another figure is found); US
shapes as US. A North American shape (``+1`` or none) whose area code phonenumbers does not
list still counts, at a lower score (``nanp_score``): forms hold made-up and mistyped codes.
Dates, amounts, order numbers, RRNs and digit runs of other lengths have no shape, and
numbers that continue a longer code (``12-010-1234-5678``) are dropped by ``glued``.

phonenumbers rejects numbers in ranges its metadata calls unassigned (e.g. 010-597x-xxxx);
``KoreanMobilePatternRecognizer`` still finds separated Korean mobile numbers at a lower
score, since a typo or an unassigned number in a chart is still someone's phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar, NamedTuple

import phonenumbers
from phonenumbers import (
    NumberParseException,
    PhoneMetadata,
    PhoneNumber,
    PhoneNumberDesc,
    PhoneNumberType,
)
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    LocalRecognizer,
    Pattern,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.base import LANGUAGES, SelfLabelling, merge_words
from scanner.recognizers.fast_pattern import FastPatternRecognizer, digits_of, starting_with
from scanner.recognizers.organisation import (
    after_business_cue,
    is_service_number,
    on_letterhead_line,
)
from scanner.recognizers.trigger import Trigger

NATIONAL_REGIONS = ("KR", "VN", "GB")  # 0-prefixed candidates, in the order they are tried
MAX_NATIONAL_DIGITS = 10
MAX_DIGITS = 15  # E.164
_GLUE = frozenset("0123456789-_/")
CONTEXT = merge_words(
    ["전화", "연락처", "연락", "휴대폰", "핸드폰", "휴대전화", "전번", "팩스", "카톡"],
    [
        "số điện thoại",
        "điện thoại",
        "sđt",
        "đt",
        "di động",
        "liên hệ",
        "liên lạc",
        "gọi",
        "số mới",
        "zalo",
    ],
    [
        "phone",
        "tel",
        "mobile",
        "cell",
        "fax",
        "contact",
        "call",
        "text me",
        "my number",
        "new number",
        "reach me",
        "whatsapp",
        "hotline",
    ],
)

_SEP = "[-. ]?"
_LATIN = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"  # phonenumbers' "Latin letter" test, roughly
_NATIONAL = "|".join(
    (
        # Korean: mobiles, Seoul, area codes, 050/060/070/080; 3-4 digit exchange, 4 digits
        rf"0(?:1[016789]|2|[3-6][1-5]|[5-8]0){_SEP}\d{{3,4}}{_SEP}\d{{4}}",
        r"\(0(?:2|[3-6][1-5]|[5-8]0)\) ?\d{3,4}[-. ]\d{4}",
        # Vietnamese: 10-digit mobiles 3-3-4 / 4-3-3, 11-digit landlines 3-4-4 / 4-3-4
        rf"0[35789]\d{_SEP}\d{{3}}{_SEP}\d{{4}}",
        rf"0[35789]\d\d{_SEP}\d{{3}}{_SEP}\d{{3}}",
        rf"02\d{_SEP}\d{{4}}{_SEP}\d{{4}}",
        rf"02\d\d{_SEP}\d{{3}}{_SEP}\d{{4}}",
        # British mobiles 07xxx xxxxxx (medical tourists)
        rf"07\d{{3}}{_SEP}\d{{6}}",
    )
)
_SERVICE = rf"1[568]\d\d{_SEP}\d{{4}}"
_US = r"\([2-9]\d\d\) ?\d{3}[-. ]\d{4}|[2-9]\d\d(?P<us_sep>[-. ])\d{3}(?P=us_sep)\d{4}"
_COUNTRY = r"(?:\+[1-9]\d{0,2}|\(\+[1-9]\d{0,2}\))"  # +82, or (+82)
_INTERNATIONAL = rf"{_COUNTRY}(?:[-. ]?\(0\))?(?:[-. ]?(?:\(\d{{1,5}}\)|\d{{1,5}})){{1,6}}"
_SHAPES = (
    rf"(?:(?P<national>{_NATIONAL})|(?P<service>{_SERVICE})|(?P<us>{_US})"
    rf"|(?P<international>{_INTERNATIONAL}))"
    rf"(?![{_LATIN}])"
)
_NOT_GLUED_BEFORE = rf"(?<![{_LATIN}+])"
# every shape starts with an ASCII digit, ( or +: tested before the look-behind, that test
# fails at once at most places
SHAPES = re.compile(rf"(?=[0-9(+]){_NOT_GLUED_BEFORE}{_SHAPES}")
_LAST_GROUP = re.compile(r"[-. ]?(?:\(\d{1,5}\)|\d{1,5})$")


SCORE = 0.6
NANP_SCORE = 0.5
POSSIBLE_SCORE = 0.5
LOOSE_SCORE = 0.4
NANP_REGION = "US"


class MultiRegionPhoneRecognizer(SelfLabelling, LocalRecognizer):
    """Finds PHONE_NUMBER: candidates by shape, each checked by ``phonenumbers``."""

    # every shape holds two groups of three digits, or a + and a digit (+33 1 23 45 67 89)
    TRIGGER = Trigger(pattern=r"\d\d\d[-. )]{0,2}\d\d\d|\+\d")
    CONTEXT: ClassVar[list[str]] = CONTEXT
    ENTITY = "PHONE_NUMBER"

    def __init__(self, supported_language: str = "en") -> None:
        """Create the recognizer for one language (it is language-independent)."""
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: the regex is compiled at import."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Each shape match that phonenumbers reads as a valid number of its region."""
        results: list[RecognizerResult] = []
        position = 0
        while (match := SHAPES.search(text, position)) is not None:
            found = read(match)
            if found is None:  # a shorter shape may start inside it
                position = match.start() + 1
                continue
            start, end = found.start, found.end
            position = end
            if (
                plausibly_written(text[start:end])
                and not glued(text, start, end)
                and not is_service_number(text[start:end])
                and not organisation_line(text, found)
            ):
                results.append(self._result(start, end, found.region, found.score))
        return results

    def _result(self, start: int, end: int, region: str, score: float) -> RecognizerResult:
        """A result shaped like Presidio's PhoneRecognizer's."""
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=type(self).__name__,
                original_score=score,
                textual_explanation=f"Recognized as {region} region phone number",
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


# A phone number as the checks read it: its country calling code and its national significant
# number (the digits after the country code and any trunk prefix, an Italian leading zero kept).
# Plain tuples rather than phonenumbers' PhoneNumber objects, costly to build.
Number = tuple[int, str]
NumberType = int  # a PhoneNumberType value (FIXED_LINE, MOBILE...)


class Reading(NamedTuple):
    """A number read in a shape match: its span, region, score and type."""

    start: int
    end: int
    region: str
    score: float
    kind: NumberType | None  # the type organisation_line checks; None: not worked out


def read(match: re.Match[str]) -> Reading | None:
    """The number in a shape match, or None."""
    start, end = match.span()
    raw = match.group()
    shape = match.lastgroup  # the SHAPES group that matched (us_sep closes inside us)
    if shape == "international":
        return _read_international(raw, start)
    for region in _SHAPE_REGIONS[shape]:
        if (kind := valid_type(raw, region)) is not None:
            return Reading(start, end, region, SCORE, kind)
    if shape == "us":
        return Reading(start, end, "US", nanp_score(raw), None)
    return None


# the regions a national shape is read in, in order (service: a 15xx/16xx/18xx number)
_SHAPE_REGIONS: dict[str | None, tuple[str, ...]] = {
    "national": NATIONAL_REGIONS,
    "us": ("US",),
    "service": ("KR",),
}


# number types only organisations hold (a mobile, or a type phonenumbers cannot tell, is a
# person's even next to the clinic's name)
ORGANISATION_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.VOIP,
        PhoneNumberType.UAN,
    }
)


def organisation_line(text: str, found: Reading) -> bool:
    """Whether the number is a landline written after an organisation's name or label."""
    if found.kind is not None and found.kind not in ORGANISATION_TYPES:
        return False  # a mobile is a person's whatever is written before it
    start, end = found.start, found.end
    if not (after_business_cue(text, start) or on_letterhead_line(text, start, end)):
        return False
    kind = found.kind if found.kind is not None else written_type(text[start:end], found.region)
    return kind in ORGANISATION_TYPES


def written_type(raw: str, region: str) -> NumberType | None:
    """The type of the number ``raw`` holds: read by its ``+`` country code, else in ``region``."""
    number = international_number(raw) if raw.startswith("+") else national_number(raw, region)
    return region_and_type(number)[1] if number is not None else None


def nanp_score(raw: str) -> float:
    """The score of a North American shape whose area code phonenumbers does not list.

    Plans change and forms hold made-up or mistyped area codes, so the shape still counts:
    ``NANP_SCORE`` when area code and exchange follow the plan's rules (first digit 2-9, not
    an N11 service code), ``LOOSE_SCORE`` (reported only next to a context word) otherwise.
    """
    digits = "".join(filter(str.isdigit, raw))[-10:]
    area, exchange = digits[:3], digits[3:6]
    follows_plan = all(code[0] in "23456789" and code[1:] != "11" for code in (area, exchange))
    return NANP_SCORE if follows_plan else LOOSE_SCORE


def _read_international(raw: str, start: int) -> Reading | None:
    """A ``+`` number, shortened group by group from the end until it is valid.

    When no reading is valid, the longest one of a possible length for its country counts at
    ``POSSIBLE_SCORE`` (a ``+`` and digit groups are written only for phone numbers, but the
    metadata lags behind new ranges), a North American one at its ``nanp_score``.
    """
    possible: Reading | None = None
    while raw:
        reading = _read_with_plus(raw) if sum(map(str.isdigit, raw)) <= MAX_DIGITS else None
        if reading is not None:
            region, kind = reading
            # written_type reads a bracketed code, "(+82) 2-...", as a national number
            written = kind if raw.startswith("+") else None
            if kind != PhoneNumberType.UNKNOWN:
                return Reading(start, start + len(raw), region, SCORE, written)
            if possible is None:
                score = nanp_score(raw) if region == NANP_REGION else POSSIBLE_SCORE
                possible = Reading(start, start + len(raw), region, score, written)
        shorter = _LAST_GROUP.sub("", raw)
        if shorter == raw or not any(map(str.isdigit, shorter[1:])):
            break
        raw = shorter
    return possible


def _read_with_plus(raw: str) -> tuple[str, NumberType] | None:
    """``(region, type)`` of ``raw`` read as an international number; None if impossible.

    An invalid number (type UNKNOWN) of a possible length gets its country's main region
    (``US`` for +1).
    """
    number = international_number(raw)
    if number is None:
        return None
    region, kind = region_and_type(number)
    if region is not None and kind != PhoneNumberType.UNKNOWN:
        return region, kind
    if not is_possible(number):
        return None
    main_region = phonenumbers.region_code_for_country_code(number[0])
    if main_region == phonenumbers.UNKNOWN_REGION:
        return None
    return main_region, PhoneNumberType.UNKNOWN


def valid_type(raw: str, region: str) -> NumberType | None:
    """The type of ``raw`` (a national shape) read in ``region``; None unless it is a possible
    and valid number there.

    The number is built from its digits (trunk ``0`` dropped) rather than by
    ``phonenumbers.parse``, which cost three times the validation itself; on every shape
    the answer is parse's (tests compare the two).
    """
    number = national_number(raw, region)
    if number is None or not is_possible(number):
        return None
    kind = region_and_type(number)[1]
    return None if kind == PhoneNumberType.UNKNOWN else kind


def national_number(raw: str, region: str) -> Number | None:
    """``raw``, written nationally in ``region``, as a Number; None if it cannot be one."""
    digits = digits_of(raw)
    if digits[:1] == "0" and region != NANP_REGION:
        digits = digits[1:]  # the trunk prefix
    if not digits or digits[0] == "0":  # not a plain national layout: phonenumbers reads it
        return _from_parsed(parse(raw, region))
    return _country_code(region), digits


@cache
def _country_code(region: str) -> int:
    """``phonenumbers.country_code_for_region`` (looked up once per region)."""
    return phonenumbers.country_code_for_region(region)


def international_number(raw: str) -> Number | None:
    """``raw`` (``+`` and digit groups) as a Number, as ``phonenumbers.parse`` reads it.

    Country codes are prefix-free, so the first one to two or three digits that is a code
    is the number's. Where the rest could lose a national prefix (a trunk ``0``, Russia's
    ``8``, +1's ``1``…) phonenumbers reads it, as it does any number it cannot split.
    """
    digits = digits_of(raw)
    for size in (1, 2, 3):
        code = int(digits[:size]) if len(digits) > size else 0
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            rest = digits[size:]
            if rest[0] == "0" or _may_strip_prefix(code, rest):
                break
            return code, rest
    return _from_parsed(parse(raw, None))


def _may_strip_prefix(country_code: int, national: str) -> bool:
    """Whether parsing could strip a national prefix (or transform) from ``national``."""
    prefix = _national_prefix_for_parsing(country_code)
    return prefix is not None and prefix.match(national) is not None


@cache
def _national_prefix_for_parsing(country_code: int) -> re.Pattern[str] | None:
    """The country's ``national_prefix_for_parsing`` regex (metadata, looked up once)."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    source = metadata.national_prefix_for_parsing if metadata is not None else None
    return re.compile(source) if source else None


# the types phonenumbers' number_type tries before fixed line and mobile, in its order
_SPECIAL_TYPES = (
    ("premium_rate", PhoneNumberType.PREMIUM_RATE),
    ("toll_free", PhoneNumberType.TOLL_FREE),
    ("shared_cost", PhoneNumberType.SHARED_COST),
    ("voip", PhoneNumberType.VOIP),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
    ("pager", PhoneNumberType.PAGER),
    ("uan", PhoneNumberType.UAN),
    ("voicemail", PhoneNumberType.VOICEMAIL),
)


@dataclass(frozen=True)
class _Desc:
    """A ``PhoneNumberDesc`` (a number type's lengths and pattern), its pattern compiled."""

    lengths: frozenset[int]  # empty: any length
    pattern: re.Pattern[str] | None  # None: no number is of this type

    @classmethod
    def of(cls, desc: PhoneNumberDesc | None) -> _Desc:
        """Compile ``desc`` (None, as metadata leaves a type out: matches nothing)."""
        source = desc.national_number_pattern if desc is not None else None
        lengths = frozenset(desc.possible_length) if desc is not None else frozenset()
        return cls(lengths, re.compile(source) if source else None)

    def allows(self, length: int) -> bool:
        """Whether the type's numbers may have ``length`` digits."""
        return not self.lengths or length in self.lengths

    def matches(self, national: str) -> bool:
        """phonenumbers' ``_is_number_matching_desc``: a possible length, the whole pattern."""
        return (
            self.pattern is not None
            and self.allows(len(national))
            and self.pattern.fullmatch(national) is not None
        )


@dataclass(frozen=True)
class _TypesOfLength:
    """The number types one region has for national numbers of one length, as one regex.

    Its alternatives are the types' patterns in the order phonenumbers tries them, so the
    first that matches the whole number (``lastindex``: metadata patterns hold no groups)
    names the number's type; one match instead of a dozen.
    """

    pattern: re.Pattern[str] | None  # None: no type has numbers of this length
    kinds: tuple[NumberType, ...]  # of the alternatives, in order

    @classmethod
    def of(cls, types: tuple[tuple[NumberType, _Desc], ...], length: int) -> _TypesOfLength:
        """Join the patterns of the ``types`` that have numbers of ``length`` digits."""
        kept = [
            (kind, desc.pattern.pattern)
            for kind, desc in types
            if desc.pattern is not None and desc.allows(length)
        ]
        source = "|".join(f"({pattern})" for _, pattern in kept)
        return cls(re.compile(source) if kept else None, tuple(kind for kind, _ in kept))

    def first_match(self, national: str) -> NumberType:
        """The type of the first alternative that matches all of ``national`` (or UNKNOWN)."""
        found = self.pattern.fullmatch(national) if self.pattern is not None else None
        if found is None or found.lastindex is None:
            return PhoneNumberType.UNKNOWN
        return self.kinds[found.lastindex - 1]


@dataclass(frozen=True)
class _RegionRules:
    """One region's metadata as ``phonenumbers`` validates a number, compiled once.

    phonenumbers looks each pattern up in ``re``'s cache on every test, and that lookup cost
    as much as the matching: the phone recognizer checked some fifteen thousand patterns.
    """

    general: _Desc
    possible_lengths: frozenset[int]  # local-only ones included
    # the special types, fixed line, then mobile unless its pattern is fixed line's
    types: tuple[tuple[NumberType, _Desc], ...]
    mobile: _Desc
    same_mobile_and_fixed_line: bool
    leading_digits: re.Pattern[str] | None
    by_length: dict[int, _TypesOfLength] = field(default_factory=dict, compare=False)

    def number_type(self, national: str) -> NumberType:
        """phonenumbers' ``_number_type_helper`` for this region."""
        if not self.general.matches(national):
            return PhoneNumberType.UNKNOWN
        length = len(national)
        types = self.by_length.get(length)
        if types is None:
            types = self.by_length[length] = _TypesOfLength.of(self.types, length)
        kind = types.first_match(national)
        if kind == PhoneNumberType.FIXED_LINE and (
            self.same_mobile_and_fixed_line or self.mobile.matches(national)
        ):
            return PhoneNumberType.FIXED_LINE_OR_MOBILE
        return kind


@cache
def _region_rules(country_code: int, region: str) -> _RegionRules | None:
    """The compiled metadata of ``region`` (of ``country_code`` for non-geographic ones)."""
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:
        return None
    same = bool(metadata.same_mobile_and_fixed_line_pattern)
    mobile = _Desc.of(metadata.mobile)
    types = [(kind, _Desc.of(getattr(metadata, name))) for name, kind in _SPECIAL_TYPES]
    types.append((PhoneNumberType.FIXED_LINE, _Desc.of(metadata.fixed_line)))
    if not same:
        types.append((PhoneNumberType.MOBILE, mobile))
    general = _Desc.of(metadata.general_desc)
    local = metadata.general_desc.possible_length_local_only if metadata.general_desc else ()
    return _RegionRules(
        general=general,
        possible_lengths=general.lengths.union(local),
        types=tuple(types),
        mobile=mobile,
        same_mobile_and_fixed_line=same,
        leading_digits=(
            re.compile(metadata.leading_digits) if metadata.leading_digits is not None else None
        ),
    )


def region_and_type(number: Number) -> tuple[str | None, NumberType]:
    """``phonenumbers.region_code_for_number`` and ``number_type`` of ``number``.

    A number is valid (``is_valid_number``) when its type is not UNKNOWN; tests compare all
    three with phonenumbers' on numbers of every country code. Of the regions sharing a
    country code, the number is the first's whose leading digits it starts with or, for one
    without leading digits, where it is valid (``_region_code_for_number_from_list``).
    """
    country_code, national = number
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    if len(regions) == 1:
        rules = _region_rules(country_code, regions[0])
        return regions[0], rules.number_type(national) if rules else PhoneNumberType.UNKNOWN
    for region in regions:
        rules = _region_rules(country_code, region)
        if rules is None:
            continue
        if rules.leading_digits is not None:
            if rules.leading_digits.match(national):
                return region, rules.number_type(national)
        elif (kind := rules.number_type(national)) != PhoneNumberType.UNKNOWN:
            return region, kind
    return None, PhoneNumberType.UNKNOWN


def is_possible(number: Number) -> bool:
    """``phonenumbers.is_possible_number``: a possible length in its country's main region."""
    country_code, national = number
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    rules = _region_rules(country_code, regions[0]) if regions else None
    return rules is not None and len(national) in rules.possible_lengths


def _from_parsed(number: PhoneNumber | None) -> Number | None:
    """A PhoneNumber from ``phonenumbers.parse`` as a Number."""
    if number is None or number.country_code is None:
        return None
    return number.country_code, phonenumbers.national_significant_number(number)


def parse(raw: str, region: str | None) -> PhoneNumber | None:
    """``phonenumbers.parse``, None when it cannot read ``raw``."""
    try:
        return phonenumbers.parse(raw, region)
    except NumberParseException:
        return None


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
    return sum(map(str.isdigit, stripped)) <= MAX_NATIONAL_DIGITS


_PLUS = starting_with(r"\+", r"[\d-]")  # +82 or 0, not after a digit or a hyphen
_ZERO = starting_with("0", r"[\d-]")


class KoreanMobilePatternRecognizer(FastPatternRecognizer):
    """Finds Korean mobiles (01X-NNNN-NNNN, +82 1X-..., bare with context) phonenumbers rejects.

    Bare 11-digit runs are also order and account numbers, so they need a context word.
    """

    ENTITY = "PHONE_NUMBER"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "KR mobile (separated)",
            f"(?:{_PLUS}82[- ]?|{_ZERO})" + r"1[016789][- ]\d{3,4}[- ]\d{4}(?!\d|-\d)",
            0.5,
        ),
        Pattern("KR mobile (bare)", f"{_ZERO}" + r"1[016789]\d{7,8}(?![\dA-Za-z]|-\d)", 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = CONTEXT
    # the mobile's prefix after its trunk 0 or +82, then the first digits of the exchange
    TRIGGER = Trigger(pattern=r"(?:0|82[- ]?)1[016789][- ]?\d\d\d")


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EntityRecognizer]:
    """Return both phone recognizers, one instance each per language."""
    found: list[EntityRecognizer] = []
    for language in languages:
        found.append(MultiRegionPhoneRecognizer(supported_language=language))
        found.append(KoreanMobilePatternRecognizer(supported_language=language))
    return found
