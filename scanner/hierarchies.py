"""Generalization hierarchies: each turns a value into a coarser label, level by level.

Level 0 is the value as exported (possibly already coarsened, e.g. a birth date kept to its
year), the last level is ``*`` (the value withheld). Each level's label must determine the
next one's, so that merging two classes never splits one: ``1985-03`` → ``1985-Q1`` → ``1985``.

Built in: dates (day → month → quarter → year → 5 years → decade), numbers such as ages
(exact → bands, 5/10/20 years by default), Korean addresses (→ 시/군/구 → 시/도), Vietnamese
addresses (→ quận/huyện → tỉnh/thành phố), postcodes (truncated digit by digit), categories
(value → ``*``), and user-defined mappings (value → its ancestors). Pure functions; labels
never hold more of a value than its level allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

TOP = "*"
MISSING = ""
DATE_STARTS = ("day", "month", "quarter", "year")
DEFAULT_BANDS = (5, 10, 20)
Level = Callable[[object], str]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
KR_PROVINCES = {
    "서울": "서울특별시",
    "부산": "부산광역시",
    "대구": "대구광역시",
    "인천": "인천광역시",
    "광주": "광주광역시",
    "대전": "대전광역시",
    "울산": "울산광역시",
    "세종": "세종특별자치시",
    "경기": "경기도",
    "강원": "강원특별자치도",
    "충북": "충청북도",
    "충남": "충청남도",
    "전북": "전북특별자치도",
    "전남": "전라남도",
    "경북": "경상북도",
    "경남": "경상남도",
    "제주": "제주특별자치도",
}
_KR_ALIASES = {
    "강원도": "강원",
    "전라북도": "전북",
    "제주도": "제주",
    "충청북도": "충북",
    "충청남도": "충남",
    "전라남도": "전남",
    "경상북도": "경북",
    "경상남도": "경남",
}
_VN_PROVINCE = re.compile(r"^(tỉnh|thành phố|tp\.?)\s*", re.IGNORECASE)
_VN_DISTRICT = re.compile(r"^(quận|huyện|thị xã|thành phố|tp\.?)\s*\S", re.IGNORECASE)


class HierarchyError(ValueError):
    """A hierarchy cannot be built or does not nest (the message names the column)."""


@dataclass(frozen=True)
class Hierarchy:
    """A named list of level functions; the last always gives ``*``."""

    name: str
    levels: tuple[Level, ...]

    @property
    def height(self) -> int:
        """The highest level (``*``)."""
        return len(self.levels) - 1

    def label(self, value: object, level: int) -> str:
        """The label of ``value`` at ``level``; a missing value stays missing below the top."""
        if level >= self.height:
            return TOP
        if value is None or value == "":
            return MISSING
        return self.levels[level](value)


def _top(_: object) -> str:
    return TOP


def _hierarchy(name: str, *levels: Level) -> Hierarchy:
    return Hierarchy(name, (*levels, _top))


# -- dates ------------------------------------------------------------------------------------


def _ymd(value: object) -> tuple[int, int, int]:
    """Year, month, day of a date, datetime or ISO string (missing parts as 1)."""
    if isinstance(value, datetime | date):
        return value.year, value.month, value.day
    match = _ISO.match(str(value).strip())
    if match is None:
        raise HierarchyError("a date column holds a value that is not an ISO date")
    return int(match[1]), int(match[2] or 1), int(match[3] or 1)


def _day(value: object) -> str:
    year, month, day = _ymd(value)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(value: object) -> str:
    year, month, _ = _ymd(value)
    return f"{year:04d}-{month:02d}"


def _quarter(value: object) -> str:
    year, month, _ = _ymd(value)
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def _year(value: object) -> str:
    return f"{_ymd(value)[0]:04d}"


def _years(width: int) -> Level:
    def level(value: object) -> str:
        start = _ymd(value)[0] // width * width
        return f"{start}-{start + width - 1}"

    return level


def dates(start: str = "day") -> Hierarchy:
    """Dates from ``start`` (day, month, quarter or year) up to decades, then ``*``."""
    if start not in DATE_STARTS:
        raise HierarchyError(f"a date hierarchy starts at one of {', '.join(DATE_STARTS)}")
    chain = (_day, _month, _quarter, _year, _years(5), _years(10))
    return _hierarchy(f"date:{start}", *chain[DATE_STARTS.index(start) :])


# -- numbers ----------------------------------------------------------------------------------


def _number(value: object) -> int:
    try:
        return int(float(str(value)))
    except ValueError:
        raise HierarchyError("a numeric column holds a value that is not a number") from None


def _band(width: int) -> Level:
    def level(value: object) -> str:
        start = _number(value) // width * width
        return f"{start}-{start + width - 1}"

    return level


def numbers(bands: Sequence[int] = DEFAULT_BANDS) -> Hierarchy:
    """Exact numbers (e.g. ages), then bands of the given widths (each dividing the next)."""
    widths = list(bands)
    if any(w < 1 for w in widths) or any(b % a for a, b in zip(widths, widths[1:], strict=False)):
        raise HierarchyError("bands must be positive and each must divide the next")
    return _hierarchy(
        "number:" + "/".join(map(str, widths)),
        lambda v: str(_number(v)),
        *(_band(w) for w in widths),
    )


# -- addresses --------------------------------------------------------------------------------


def _kr_province(token: str) -> str | None:
    short = _KR_ALIASES.get(token, token)
    if short in KR_PROVINCES:
        return KR_PROVINCES[short]
    if token in KR_PROVINCES.values():
        return token
    return None


def _kr_parts(text: str) -> tuple[str, str] | None:
    """(시/도, 시/군/구) of a Korean address, None when no province is named."""
    tokens = text.split()
    for i, token in enumerate(tokens):
        province = _kr_province(token)
        if province is None:
            continue
        district = next((t for t in tokens[i + 1 : i + 2] if t.endswith(("시", "군", "구"))), "")
        return province, district
    return None


def _vn_parts(text: str) -> tuple[str, str] | None:
    """(tỉnh/thành phố, quận/huyện) of a Vietnamese address written small to large."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2 or not any(_VN_DISTRICT.match(p) for p in parts[:-1]):
        return None
    province = _VN_PROVINCE.sub("", parts[-1]).strip()
    district = next(p for p in reversed(parts[:-1]) if _VN_DISTRICT.match(p))
    return province, district


def _address_parts(value: object) -> tuple[str, str] | None:
    text = " ".join(str(value).split())
    return _kr_parts(text) if _HANGUL.search(text) else _vn_parts(text)


def _district(value: object) -> str:
    parts = _address_parts(value)
    if parts is None:
        return TOP
    province, district = parts
    if not district:
        return province
    return f"{province} {district}" if _HANGUL.search(province) else f"{district}, {province}"


def _province(value: object) -> str:
    parts = _address_parts(value)
    return TOP if parts is None else parts[0]


def addresses() -> Hierarchy:
    """Korean and Vietnamese addresses: full → district → province → ``*``.

    An address whose province is not recognised is withheld above level 0.
    """
    return _hierarchy("address", lambda v: " ".join(str(v).split()), _district, _province)


# -- postcodes, categories, user-defined ------------------------------------------------------


def _truncated(keep: int) -> Level:
    def level(value: object) -> str:
        text = re.sub(r"[^0-9A-Za-z]", "", str(value))
        return text[:keep] + "*" * max(0, len(text) - keep)

    return level


def postcodes(digits: int = 5) -> Hierarchy:
    """Postcodes of ``digits`` characters, losing one trailing character per level."""
    return _hierarchy(f"postcode:{digits}", *(_truncated(n) for n in range(digits, 0, -1)))


def categories() -> Hierarchy:
    """A value or nothing: ``sex`` → ``*``."""
    return _hierarchy("category", lambda v: str(v))


def mapping(name: str, ancestors: Mapping[str, Sequence[str]]) -> Hierarchy:
    """User-defined: each value's ancestors, most specific first (all the same length).

    A value the mapping does not name is withheld above level 0.
    """
    depths = {len(chain) for chain in ancestors.values()}
    if len(depths) > 1:
        raise HierarchyError(f"{name}: every value needs the same number of ancestors")
    depth = depths.pop() if depths else 0

    def ancestor(level: int) -> Level:
        return lambda v: ancestors[str(v)][level] if str(v) in ancestors else TOP

    return _hierarchy(f"user:{name}", lambda v: str(v), *(ancestor(i) for i in range(depth)))


def named(kind: str, bands: Sequence[int] | None = None) -> Hierarchy:
    """A built-in hierarchy by name: date, day, month, quarter, year, number/age, address,
    postcode, category."""
    if kind in ("date", *DATE_STARTS):
        return dates("day" if kind == "date" else kind)
    if kind in ("number", "age"):
        return numbers(bands or DEFAULT_BANDS)
    builders: dict[str, Callable[[], Hierarchy]] = {
        "address": addresses,
        "postcode": postcodes,
        "category": categories,
    }
    if kind not in builders:
        raise HierarchyError(f"unknown hierarchy {kind!r}")
    return builders[kind]()


HIERARCHY_NAMES = ("date", *DATE_STARTS, "number", "age", "address", "postcode", "category")


def guess(values: Sequence[object]) -> str:
    """The built-in hierarchy that fits sample values: date, number or category."""
    present = [v for v in values if v is not None and v != ""][:200]
    if present and all(isinstance(v, date) or _ISO.fullmatch(str(v).strip()[:10]) for v in present):
        return "date"
    if present and all(
        isinstance(v, int | float) and not isinstance(v, bool) or str(v).strip().isdigit()
        for v in present
    ):
        return "number"
    return "category"
