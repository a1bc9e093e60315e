"""Masked samples: the only form of a detected value that is ever stored.

A mask keeps the value's length, separators and shape, reveals at most a small prefix and
never the whole value: ``KR_RRN 900101-1234567 → 9001**-*******``.
"""

from __future__ import annotations

from collections.abc import Callable

MASK_CHAR = "*"
GENERIC_REVEAL_SHARE = 0.25
GENERIC_REVEAL_MAX = 4
FULLY_MASKED_MAX = 3
RRN_REVEAL = 4
PHONE_REVEAL_MAX = 3


def mask(entity_type: str, value: str) -> str:
    """Return ``value`` masked according to ``entity_type`` (same length, never the value)."""
    masker = _MASKERS.get(entity_type, _mask_generic)
    masked = masker(value)
    if masked == value:
        return MASK_CHAR * len(value)
    return masked


def _reveal_first(value: str, count: int) -> str:
    """Keep the first ``count`` alphanumerics, mask the others, keep everything else."""
    out: list[str] = []
    seen = 0
    for char in value:
        if char.isalnum():
            out.append(char if seen < count else MASK_CHAR)
            seen += 1
        else:
            out.append(char)
    return "".join(out)


def _alnum_count(value: str) -> int:
    """Count the alphanumeric characters of ``value``."""
    return sum(1 for char in value if char.isalnum())


def _mask_generic(value: str) -> str:
    """Reveal at most 25 % of the alphanumerics (max 4); short values are fully masked."""
    count = _alnum_count(value)
    if count <= FULLY_MASKED_MAX:
        return _reveal_first(value, 0)
    reveal = min(GENERIC_REVEAL_MAX, int(count * GENERIC_REVEAL_SHARE))
    return _reveal_first(value, reveal)


def _mask_rrn(value: str) -> str:
    """Keep the birth year and month (first four digits): ``9001**-*******``."""
    return _reveal_first(value, RRN_REVEAL)


def _mask_phone(value: str) -> str:
    """Keep the country code or the first digit group (at most three digits)."""
    stripped = value.lstrip()
    if stripped.startswith("+"):
        group = _leading_digits(stripped[1:])
        return _reveal_first(value, min(group, PHONE_REVEAL_MAX))
    group = _leading_digits(stripped)
    reveal = min(group, PHONE_REVEAL_MAX)
    if reveal * 2 >= _alnum_count(value):
        reveal = 0
    return _reveal_first(value, reveal)


def _leading_digits(value: str) -> int:
    """Count the digits at the start of ``value``."""
    count = 0
    for char in value:
        if not char.isdigit():
            break
        count += 1
    return count


def _mask_email(value: str) -> str:
    """Keep the local part's first character, the domain's dots and its last label."""
    local, at, domain = value.rpartition("@")
    if not at or not local or "." not in domain:
        return _mask_generic(value)
    first = local[0] if len(local) > FULLY_MASKED_MAX else MASK_CHAR
    masked_local = first + MASK_CHAR * (len(local) - 1)
    head, _, tld = domain.rpartition(".")
    masked_head = "".join(char if char == "." else MASK_CHAR for char in head)
    return f"{masked_local}@{masked_head}.{tld}"


def _mask_person(value: str) -> str:
    """Keep the first letter of a name: ``홍길동 → 홍**``."""
    if _alnum_count(value) <= 1:
        return _reveal_first(value, 0)
    return _reveal_first(value, 1)


_MASKERS: dict[str, Callable[[str], str]] = {
    "KR_RRN": _mask_rrn,
    "PHONE_NUMBER": _mask_phone,
    "EMAIL_ADDRESS": _mask_email,
    "PERSON": _mask_person,
}
