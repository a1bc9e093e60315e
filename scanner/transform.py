"""Value transforms for anonymizing data in place: keyed pseudonyms and date generalization.

Pure functions of their arguments (the key comes from the caller, or from the environment via
``key_from_env``). Each is idempotent, so a retried rewrite changes nothing: a pseudonym is
recognised and never pseudonymised again, a generalized date generalizes to itself. Error
messages name the type or the variable, never the value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import unicodedata
from datetime import date, datetime
from typing import Literal

PSEUDONYM_PREFIX = "psn_"
DEFAULT_PSEUDONYM_LENGTH = 20
MIN_PSEUDONYM_LENGTH = 8
MAX_PSEUDONYM_LENGTH = 64  # hex digits of SHA-256
KEY_ENV = "EXPUNGE_PSEUDONYM_KEY"
MIN_KEY_BYTES = 16
Granularity = Literal["year", "month"]

_PSEUDONYM = re.compile(
    rf"{re.escape(PSEUDONYM_PREFIX)}[0-9a-f]{{{MIN_PSEUDONYM_LENGTH},{MAX_PSEUDONYM_LENGTH}}}"
)
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,+\-Z]*)?")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")


class PseudonymKeyError(ValueError):
    """The pseudonymization key is missing or too weak (the message names the variable)."""


def pseudonym(value: str, key: bytes, *, length: int = DEFAULT_PSEUDONYM_LENGTH) -> str:
    """``psn_`` + the first ``length`` hex digits of HMAC-SHA256(key, NFC-normalised value)."""
    if not key:
        raise ValueError("pseudonym key must not be empty")
    if not MIN_PSEUDONYM_LENGTH <= length <= MAX_PSEUDONYM_LENGTH:
        raise ValueError(
            f"pseudonym length must be between {MIN_PSEUDONYM_LENGTH} and {MAX_PSEUDONYM_LENGTH}"
        )
    normalised = unicodedata.normalize("NFC", value).strip()
    digest = hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:length]


def is_pseudonym(value: object) -> bool:
    """Whether ``value`` is already a pseudonym (so it is never pseudonymised twice)."""
    return isinstance(value, str) and _PSEUDONYM.fullmatch(value) is not None


def generalize(value: object, to: Granularity) -> object:
    """Coarsen a date to its year or month: a date stays a date, an ISO string a string."""
    if to not in ("year", "month"):
        raise ValueError("generalize: `to` must be 'year' or 'month'")
    if isinstance(value, datetime):
        day = value.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        return day.replace(month=1) if to == "year" else day
    if isinstance(value, date):
        return date(value.year, 1 if to == "year" else value.month, 1)
    if isinstance(value, str):
        return _generalize_text(value, to)
    raise ValueError(f"generalize: cannot generalize a value of type {type(value).__name__}")


def _generalize_text(value: str, to: Granularity) -> str:
    """``1988-02-27[T…]`` → ``1988`` or ``1988-02``; an already coarser string is kept."""
    if _YEAR.fullmatch(value):
        return value
    month = _MONTH.fullmatch(value)
    if month:
        _check_date(int(month[1]), int(month[2]), 1)
        return month[1] if to == "year" else value
    full = _ISO_DATE.fullmatch(value)
    if full is None:
        raise ValueError("generalize: a string must be an ISO date (YYYY-MM-DD[THH:MM])")
    _check_date(int(full[1]), int(full[2]), int(full[3]))
    return full[1] if to == "year" else f"{full[1]}-{full[2]}"


def _check_date(year: int, month: int, day: int) -> None:
    """Raise ValueError (without the value) unless the parts make a real date."""
    try:
        date(year, month, day)
    except ValueError:
        raise ValueError("generalize: the string is not a valid date") from None


def key_from_env(var: str = KEY_ENV) -> bytes:
    """The pseudonymization key from ``var``: hex, base64 or raw text, at least 16 bytes."""
    raw = os.environ.get(var, "").strip()
    if not raw:
        raise PseudonymKeyError(
            f"{var} is not set: set it to a secret of at least "
            f"{MIN_KEY_BYTES} bytes (hex, base64 or text)"
        )
    key = decode_key(raw)
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(
            f"{var} is too short: the key must be at least "
            f"{MIN_KEY_BYTES} bytes (hex, base64 or text)"
        )
    return key


def decode_key(text: str) -> bytes:
    """Hex if it is all hex digits, base64 if padded or decoding to 16+ bytes, else UTF-8.

    Text that looks like hex or padded base64 is taken as such even when short, so a
    too-short encoded key is refused rather than silently used as a passphrase.
    """
    if _HEX.fullmatch(text):
        return bytes.fromhex(text)
    if _BASE64.fullmatch(text) and len(text) % 4 == 0:
        try:
            decoded = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if len(decoded) >= MIN_KEY_BYTES or text.endswith("="):
            return decoded
    return text.encode("utf-8")
