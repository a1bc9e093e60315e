"""Hospital chart numbers (등록번호, 차트번호, MRN, số hồ sơ, mã bệnh nhân).

A chart number is whatever the hospital's system issues (``12345678``, ``A-2023-0012``,
``BN00123``), so it is recognised only right after its label: the pattern matches the label,
then separators (``:``, ``#``, a glued particle such as 는), then the identifier, and reports
the identifier's span. The identifier must hold at least three digits. ``등록번호`` preceded by
주민, 외국인, 사업자 or 법인 is another number (KR_RRN, KR_BRN) and is not a label here.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from scanner.recognizers.base import LANGUAGES, merge_words
from scanner.recognizers.fast_pattern import (
    FastPatternRecognizer,
    Span,
    by_first_character,
    digits_of,
)
from scanner.recognizers.trigger import Trigger

KO_LABELS = (
    r"(?<!주민)(?<!외국인)(?<!사업자)(?<!법인)(?<!자동차)(?<!주민 )(?<!사업자 )등록\s?번호",
    r"차트\s?번호", r"병록\s?번호", r"환자\s?번호", r"의무기록\s?번호", r"진료\s?번호",
    r"환자\s?ID", r"차트\s?No\.?", r"외래\s?번호", r"입원\s?번호", r"진료카드\s?번호",
    r"환자\s?코드", r"차트(?=\s*[:：#])",
)  # fmt: skip
VI_LABELS = (
    r"số\s+hồ\s+sơ", r"hồ\s+sơ\s+số", r"mã\s+hồ\s+sơ", r"mã\s+bệnh\s+nhân", r"mã\s+BN",
    r"số\s+bệnh\s+án", r"mã\s+bệnh\s+án", r"số\s+HSBA", r"mã\s+số\s+bệnh\s+nhân",
    r"số\s+lưu\s+trữ", r"MSBN", r"MSHS",
)  # fmt: skip
EN_LABELS = (
    r"\bMRN", r"\bmedical\s+record\s+(?:number|no\.?|#)", r"\bchart\s+(?:number|no\.?|#)",
    r"\bhospital\s+(?:number|no\.?|ID)", r"\bpatient\s+(?:number|no\.?|#|ID)",
    r"\brecord\s+(?:number|no\.?)", r"\bchart\s+ID", r"\bPID\b", r"\bUR\s+(?:number|no\.?)",
    r"\bMR\s?(?:#|No\.?|number)", r"\bmed\.?\s+rec\.?\s+(?:number|no\.?|#)",
    r"\bchart(?=\s*[:#])",
)  # fmt: skip
_LABEL = "|".join(KO_LABELS) + "|(?i:" + "|".join(VI_LABELS + EN_LABELS) + ")"
_SEPARATOR = r"\s*(?:[은는이가]|\([^()\n]{0,12}\))?\s*(?:[:：#=.]\s*){0,2}(?:No\.?\s*)?"
_VALUE = (
    r"(?P<value>[A-Za-z0-9](?:[A-Za-z0-9/._-]{0,22}[A-Za-z0-9])?)"
    r"(?![A-Za-z0-9-]|[/._][A-Za-z0-9])"  # not cut inside a longer code
)
MIN_DIGITS = 3
# the labels without their boundary checks and look-arounds (Hyperscan takes neither),
# lowercased: every match starts with one
_BARE_LABELS = [
    re.sub(r"\(\?<?[!=][^)]*\)|\\b", "", label).lower()
    for label in KO_LABELS + VI_LABELS + EN_LABELS
]
_TRIGGER = "|".join(_BARE_LABELS)


class MedicalRecordNumberRecognizer(FastPatternRecognizer):
    """Finds MEDICAL_RECORD_NUMBER: an identifier right after a chart-number label."""

    ENTITY = "MEDICAL_RECORD_NUMBER"
    PATTERNS = [Pattern("MRN (labelled)", rf"(?:{_LABEL}){_SEPARATOR}{_VALUE}", 0.6)]
    CONTEXT = merge_words(
        ["등록번호", "차트번호", "병록번호", "환자번호", "의무기록번호", "진료번호"],
        ["số hồ sơ", "mã bệnh nhân", "mã bn", "số bệnh án", "mã hồ sơ"],
        ["mrn", "medical record", "chart no", "chart number", "patient no"],
    )
    VALUE_GROUP = "value"
    ANCHOR = by_first_character(_BARE_LABELS)  # where every match starts: a label
    ANCHOR_IGNORECASE = True
    ANCHOR_AT_START = True
    TRIGGER = Trigger(lowered=_TRIGGER)

    def check(self, text: str, start: int, end: int, score: float) -> Span | None:
        """Keep identifiers with at least three digits."""
        if len(digits_of(text[start:end])) < MIN_DIGITS:
            return None
        return start, end, score


def recognizers(
    languages: tuple[str, ...] = LANGUAGES,
) -> list[MedicalRecordNumberRecognizer]:
    """Return one recognizer per language."""
    return [MedicalRecordNumberRecognizer(supported_language=language) for language in languages]
