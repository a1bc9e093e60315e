"""An exact prefilter for phonenumbers-based recognizers: hide text that cannot hold a phone.

``phonenumbers.PhoneNumberMatcher`` costs tens of microseconds per candidate and region, and
clinic text is full of short digit groups (times, counts, dates) that are candidates but never
valid numbers. Every candidate the matcher can find is a run of characters from a fixed
alphabet (digits, its punctuation, ``+``, brackets and the letters of extension labels), and
whether it matches depends only on the candidate and the one character on each side. So:

- the text is split into maximal *runs* of that alphabet; a candidate never crosses a run;
- a run whose longest *core* (digits or letters joined by at most four punctuation
  characters, which is how the matcher's main number part is built) has fewer characters
  than the shortest national number in phonenumbers' metadata cannot hold a valid number;
- such runs are overwritten with newlines (outside the alphabet, not a letter, not the
  matcher's invalid punctuation), so the recognizer sees a text of the same length in which
  the surviving runs and their neighbouring characters are unchanged.

When no run survives, the recognizer is not called at all. Results are identical to running
the recognizer on the original text, with spans into that text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS, SUPPORTED_REGIONS
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# phonenumbers' _VALID_PUNCTUATION (phonenumberutil.py), which joins digit blocks
_PUNCTUATION = (
    "\\-x\u2010-\u2015\u2212\u30fc\uff0d-\uff0f \u00a0\u00ad\u200b\u2060\u3000"
    "()\uff08\uff09\uff3b\uff3d.\\[\\]/~\u2053\u223c\uff5e"
)
# Everything a candidate may contain: digits, punctuation, plus signs, and the characters of
# the extension patterns (separators, ``:;,=#~``, the labels ext/extension/anexo/int/доб and
# their full-width forms). Matched case-insensitively, as phonenumbers does.
_ALPHABET = (
    _PUNCTUATION + "\\d+\uff0b\t,;:=#\uff03extnsioóa\u0301\u0434\u043e\u0431"
    "\uff45\uff58\uff54\uff4e\uff49\uff0e"
)
RUN = re.compile(f"[{_ALPHABET}]+", re.IGNORECASE)
CORE = re.compile(f"[^\\W_](?:[{_PUNCTUATION}]{{0,4}}[^\\W_])*", re.IGNORECASE)
BARRIER = "\n"


@lru_cache(maxsize=1)
def min_number_length() -> int:
    """The shortest possible national number of any region in phonenumbers' metadata."""
    lengths: list[int] = []
    metadata = [PhoneMetadata.metadata_for_region(region) for region in SUPPORTED_REGIONS]
    metadata += [
        PhoneMetadata.metadata_for_nongeo_region(code) for code in COUNTRY_CODES_FOR_NON_GEO_REGIONS
    ]
    for entry in metadata:
        if entry is not None and entry.general_desc is not None:
            lengths.extend(n for n in entry.general_desc.possible_length if n > 0)
    return min(lengths, default=1)


def mask_unlikely(text: str, minimum: int) -> str | None:
    """Return ``text`` with runs that cannot hold a number blanked, or None if none can."""
    pieces: list[str] = []
    kept = False
    last = 0
    for run in RUN.finditer(text):
        if any(_long_enough(core, minimum) for core in CORE.findall(run.group())):
            kept = True
            continue
        start, end = run.span()
        pieces.append(text[last:start])
        pieces.append(BARRIER * (end - start))
        last = end
    if not kept:
        return None
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _long_enough(core: str, minimum: int) -> bool:
    """Whether ``core`` has at least ``minimum`` digits or letters."""
    return len(core) >= minimum and sum(char.isalnum() for char in core) >= minimum


class PhoneGate:
    """Runs a phonenumbers-based recognizer only on the parts of a text that can match."""

    def __init__(self, recognizer: EntityRecognizer) -> None:
        """Wrap ``recognizer`` (whose ``analyze`` reads phones with PhoneNumberMatcher)."""
        self.recognizer = recognizer
        self.minimum = min_number_length()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts
    ) -> list[RecognizerResult]:
        """The recognizer's results on ``text``, computed on the masked text."""
        masked = mask_unlikely(text, self.minimum)
        if masked is None:
            return []
        return self.recognizer.analyze(masked, entities, nlp_artifacts)
