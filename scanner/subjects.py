"""Subject tokens: keyed hashes of the identifiers found in a text, to find a person's items.

A token is HMAC-SHA256(key, entity type + normalised value), truncated to 32 hex digits. The
catalog keeps tokens, never values: with the site's key (from the environment, kept apart
from the catalog) the same identifier gives the same token, so an erasure request finds every
item naming that person; without the key a token reveals nothing, not even by guessing
resident registration numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable

from scanner.engine import Detection

SUBJECT_ENTITIES = frozenset({
    "KR_RRN", "EMAIL_ADDRESS", "PHONE_NUMBER", "VN_NATIONAL_ID", "KR_PASSPORT", "VN_PASSPORT",
    "KR_DRIVER_LICENSE", "KR_HEALTH_INSURANCE", "MEDICAL_RECORD_NUMBER",
})
TOKEN_HEX = 32
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
_NOT_DIGIT = re.compile(r"\D")
KOREA_PREFIX = "82"


def normalise(entity_type: str, value: str) -> str:
    """One spelling per identifier: digits only, upper case, e-mail in lower case; a Korean
    phone number written internationally (+82 10…) as dialled at home (010…)."""
    value = unicodedata.normalize("NFKC", value).strip()
    if entity_type == "EMAIL_ADDRESS":
        return value.lower()
    if entity_type == "PHONE_NUMBER":
        digits = _NOT_DIGIT.sub("", value)
        if digits.startswith(KOREA_PREFIX) and len(digits) in (11, 12):
            digits = "0" + digits[len(KOREA_PREFIX):]
        return digits
    return _NOT_ALNUM.sub("", value).upper()


def token(key: bytes, entity_type: str, value: str) -> str:
    """The keyed token of one identifier."""
    message = f"{entity_type}\x00{normalise(entity_type, value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:TOKEN_HEX]


def subject_tokens(text: str, detections: Iterable[Detection],
                   key: bytes) -> set[tuple[str, str]]:
    """(entity type, token) of every identifying value detected in ``text``."""
    return {(d.entity_type, token(key, d.entity_type, text[d.start:d.end]))
            for d in detections if d.entity_type in SUBJECT_ENTITIES}


def lookup_tokens(key: bytes, column: str, value: str) -> set[str]:
    """The tokens a looked-up value may have been recorded under (its entity type unknown)."""
    wanted = {"email": ("EMAIL_ADDRESS",), "phone": ("PHONE_NUMBER",), "rrn": ("KR_RRN",)}
    types = wanted.get(column.lower(), tuple(sorted(SUBJECT_ENTITIES)))
    return {token(key, entity_type, value) for entity_type in types}
