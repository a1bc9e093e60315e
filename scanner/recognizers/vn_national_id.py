"""Vietnamese citizen identity numbers: 12-digit CCCD and 9-digit CMND.

CCCD (căn cước công dân, also the 12-digit CMND issued 2012–2016), per Circular 07/2016/TT-BCA:
``PPP G YY NNNNNN``: PPP is the province code of the birth registration (001 Hà Nội … 096 Cà
Mau, 63 codes, listed below), G the century and sex (0/1: 1900s male/female, 2/3: 2000s,
4/5: 2100s, 6/7: 2200s, 8/9: 2300s), YY the last two digits of the birth year, then a
serial. A number is accepted when its province code exists and its century and year give a
birth year between 1900 and this year. Even then a bare 12-digit run is ambiguous (bank
accounts), so it scores below the threshold alone and a context word (CCCD, căn cước, 신분증,
national ID) makes it reportable.

CMND (chứng minh nhân dân, the old 9-digit card) carries nothing to check and is reported only
next to a context word.
"""

from __future__ import annotations

from datetime import date

from presidio_analyzer import Pattern

from scanner.recognizers.base import (
    DEFAULT_WINDOW,
    IDENTITY_WORDS,
    LANGUAGES,
    has_context,
    merge_words,
)
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    Span,
    digits_of,
    edge_after,
    edge_before,
    starting_with,
)
from scanner.recognizers.trigger import Trigger

PROVINCE_CODES = frozenset(
    (
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
        "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
        "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
        "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
        "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    )
)  # fmt: skip
FIRST_CENTURY = 1900
_CODE_CHARS = "0-9A-Za-z-"
_NOT_AFTER = f"[{_CODE_CHARS}]"
_AFTER = r"(?![0-9A-Za-z]|-\d)"
CCCD_SCORE = 0.4
CMND_SCORE = 0.3


def cccd_birth_year(digits: str) -> int:
    """Return the birth year encoded in a 12-digit CCCD (century code and two digits)."""
    century = FIRST_CENTURY + (int(digits[3]) // 2) * 100
    return century + int(digits[4:6])


def validate_cccd(value: str, today: date | None = None) -> bool:
    """True when ``value`` is 12 digits with a real province code and a plausible birth year."""
    digits = digits_of(value)
    if len(digits) != 12 or digits[:3] not in PROVINCE_CODES:
        return False
    return FIRST_CENTURY <= cccd_birth_year(digits) <= (today or date.today()).year


# words naming this card itself; a CMND (nine digits, nothing to check) needs one of them
OWN_CONTEXT = merge_words(
    ["신분증", "신분증번호", "베트남 신분증", "주민증", "신분증 번호"],
    [
        "cccd", "căn cước", "căn cước công dân", "cmnd", "chứng minh nhân dân",
        "chứng minh thư", "số định danh", "định danh cá nhân", "cmt",
    ],
    ["national id", "citizen id", "id card", "identity card", "id no", "id number"],
)  # fmt: skip


class VietnameseNationalIdRecognizer(FastPatternRecognizer):
    """Finds VN_NATIONAL_ID: validated CCCD (context raises it), CMND only with context."""

    ENTITY = "VN_NATIONAL_ID"
    PATTERNS = [
        Pattern(
            "VN_NATIONAL_ID (CCCD, 12 digits)",
            rf"{starting_with('0', _NOT_AFTER)}\d{{11}}{_AFTER}",
            CCCD_SCORE,
        ),
        Pattern(
            "VN_NATIONAL_ID (CMND, 9 digits)",
            starting_with(r"\d", _NOT_AFTER) + rf"\d{{8}}{_AFTER}",
            CMND_SCORE,
        ),
    ]
    # a CCCD the check accepts is twelve ASCII digits, a CMND nine, between the patterns'
    # edges; a CMND holding or next to another script's digit (\d but not 0-9) fires the
    # last branch (with \d after an edge that may itself be such a digit, Hyperscan scans
    # every text ten times slower)
    TRIGGER = Trigger(
        pattern=rf"{edge_before(_CODE_CHARS)}(?:0[0-9]{{11}}|[0-9]{{9}}){edge_after('0-9A-Za-z')}"
        + r"|[^\D0-9]"
    )
    CONTEXT = merge_words(OWN_CONTEXT, *IDENTITY_WORDS)

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Validate a CCCD; keep a CMND only when a context word is near it."""
        value = text[start:end]
        if len(value) == 12:
            return (start, end, score) if validate_cccd(value) else None
        if has_context(text, start, end, OWN_CONTEXT, DEFAULT_WINDOW):
            return start, end, score
        return None  # nine digits next to "passport" are another country's passport


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[VietnameseNationalIdRecognizer]:
    """Return one recognizer per language."""
    return [VietnameseNationalIdRecognizer(supported_language=language) for language in languages]
