"""Field names as hints of what a field holds: column names, CSV headers, JSON keys.

``hint_strengths("patient_dob")`` → ``{"DATE_OF_BIRTH": True}``. Names are split into tokens
(``tokens``: on ``_``, spaces, digits and camelCase, lower-cased, Vietnamese diacritics
removed) and matched against the keys of ``data/column_hints.txt`` (and the files named in
``EXPUNGE_COLUMN_HINTS``), whose header explains the format. A weak hint (``name?``) counts in
full in a table about people (``~people`` keys in the table's name).

The database scanner (scanner.columns) classifies columns with it, and the structured-field
recognizer (fields.py) types the values of CSV tables, JSON objects and ``key=value`` logs.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HINTS_FILE = Path(__file__).parent / "data" / "column_hints.txt"
HINTS_ENV = "EXPUNGE_COLUMN_HINTS"
PEOPLE = "~people"
# values that stand for "no value" in any field (and the sexes, which no name or date is)
PLACEHOLDERS = frozenset(
    {"n/a", "na", "none", "null", "nil", "unknown", "-", "--", "?", "x", "test", "미상", "없음",
     "해당없음", "không", "khong", "chưa có", "không có", "male", "female", "남", "여", "nam",
     "nữ"}
)  # fmt: skip

_TOKEN = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_A-Za-z]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class HintTable:
    """Column-name keys (token tuples) → (entity types, weak), and the people-table keys."""

    keys: Mapping[tuple[str, ...], tuple[frozenset[str], bool]]
    people: frozenset[tuple[str, ...]]


def tokens(name: str) -> tuple[str, ...]:
    """Split an identifier into lower-case tokens: ``patientDOB_2`` → patient, dob, 2."""
    plain = _fold(name)
    return tuple(token.lower() for token in _TOKEN.findall(plain))


def _fold(text: str) -> str:
    """NFC, Vietnamese diacritics removed from Latin letters (đ → d); Hangul kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char.isascii() or not char.isalpha() or _HANGUL.match(char):
            out.append(char)
        else:
            base = unicodedata.normalize("NFD", char)[0]
            out.append(base if base.isascii() else char)
    return "".join(out)


def load_hints(paths: Iterable[Path | str]) -> HintTable:
    """Read hint files (``ENTITY: key, key?, ...`` lines; ``~people: ...``) into one table."""
    merged: dict[tuple[str, ...], tuple[set[str], bool]] = {}
    people: set[tuple[str, ...]] = set()
    for path in paths:
        for entity, key, weak in _hint_lines(Path(path)):
            if entity == PEOPLE:
                people.add(key)
                continue
            types, was_weak = merged.get(key, (set(), True))
            merged[key] = (types | {entity}, was_weak and weak)
    keys = {key: (frozenset(types), weak) for key, (types, weak) in merged.items()}
    return HintTable(keys=keys, people=frozenset(people))


def _hint_lines(path: Path) -> Iterable[tuple[str, tuple[str, ...], bool]]:
    """Yield (entity, key tokens, weak) for each key of a hint file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        entity, colon, rest = line.partition(":")
        if not colon:
            continue
        for raw in rest.split(","):
            word = raw.strip()
            key = tokens(word.rstrip("?"))
            if key:
                yield entity.strip(), key, word.endswith("?")


@lru_cache(maxsize=1)
def default_hints() -> HintTable:
    """The built-in hint table plus the files listed in ``EXPUNGE_COLUMN_HINTS``."""
    extra = [p for p in os.environ.get(HINTS_ENV, "").split(os.pathsep) if p.strip()]
    return load_hints([HINTS_FILE, *extra])


def name_hints(
    column: str, table: str | None = None, *, weak: bool = True, hints: HintTable | None = None
) -> frozenset[str]:
    """The entity types a column's name suggests (``weak=False``: only the strong ones)."""
    strengths = hint_strengths(column, table, hints)
    return frozenset(e for e, strong in strengths.items() if weak or strong)


def hint_strengths(
    column: str, table: str | None = None, hints: HintTable | None = None
) -> dict[str, bool]:
    """Entity type → True for a strong hint, False for a weak one."""
    table_hints = hints or default_hints()
    column_tokens = tokens(column)
    people = table is not None and bool(_matches(tokens(table), table_hints.people))
    strengths: dict[str, bool] = {}
    for key in _covering(_matches(column_tokens, table_hints.keys)):
        types, weak = table_hints.keys[key]
        for entity in types:
            strengths[entity] = strengths.get(entity, False) or not weak or people
    return strengths


def _matches(
    name: tuple[str, ...], keys: Iterable[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[int, int]]:
    """Keys found in a token sequence → their character span in the space-joined tokens."""
    joined, starts = _joined(name)
    present = frozenset(name)
    hangul = _HANGUL.search(joined) is not None
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    for key in keys:
        if key[0] not in present and not (hangul and len(key) == 1 and key[0] in joined):
            continue  # cheap test first: a key starts with one of the name's tokens
        span = _find_key(key, name, joined, starts)
        if span is not None:
            found[key] = span
    return found


def _joined(name: tuple[str, ...]) -> tuple[str, list[int]]:
    """Tokens joined by spaces, and each token's start offset in the joined text."""
    starts, offset = [], 0
    for token in name:
        starts.append(offset)
        offset += len(token) + 1
    return " ".join(name), starts


def _find_key(
    key: tuple[str, ...], name: tuple[str, ...], joined: str, starts: list[int]
) -> tuple[int, int] | None:
    """The char span of ``key`` in the name: whole tokens, or inside one for Hangul keys."""
    size = len(key)
    for index in range(len(name) - size + 1):
        if name[index : index + size] == key:
            start = starts[index]
            return start, start + len(" ".join(key))
    if size == 1 and len(key[0]) >= 2 and _HANGUL.match(key[0]):
        at = joined.find(key[0])
        if at >= 0:
            return at, at + len(key[0])
    return None


def _covering(found: Mapping[tuple[str, ...], tuple[int, int]]) -> list[tuple[str, ...]]:
    """Drop keys whose span lies inside a longer key's span (``ip_address`` beats ``address``)."""
    kept = []
    for key, (start, end) in found.items():
        inside = any(
            (s <= start and end <= e) and (e - s) > (end - start) for s, e in found.values()
        )
        if not inside:
            kept.append(key)
    return kept
