"""Triggers: what a text must contain before a recognizer can find anything in it.

A recognizer may declare ``TRIGGER``, a cheap necessary condition of all its matches: a regex
searched in the text (``pattern``: a run of digits, ``@``, an upper-case letter and digits)
and/or one searched in the lowercased text (``lowered``: the label words a case-insensitive
pattern needs). The engine evaluates every trigger once per text (``Prefilter``) and skips
the recognizers whose trigger did not fire; a recognizer without a trigger always runs.

``hyperscan`` may restate ``pattern`` for Hyperscan when ``pattern`` is shaped for ``re``'s
speed (a lookbehind after a literal, one literal per branch) in a way Hyperscan rejects or
runs slowly; both must find the same texts (tests check them on the corpus).

A trigger may fire where the recognizer then finds nothing, never the reverse: it must be
implied by every match (drop lookarounds and optional parts, widen classes). A subclass that
matches more than its parent must restate ``TRIGGER`` (or set it to None).

``lowered`` is matched on ``str.lower()``, which agrees with ``re.IGNORECASE`` except for a few
letters (ſ, ı, İ, µ, Greek and Cyrillic variants): a text holding one fires every ``lowered``
trigger, so the shortcut never changes a result (``plain_lowered``).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

CACHE_ENV = "EXPUNGE_CACHE_DIR"

_hyperscan: Any
try:  # optional: one pass for every trigger; without it each is searched with ``re``
    import hyperscan as _hyperscan
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    _hyperscan = None
HYPERSCAN_AVAILABLE = _hyperscan is not None

# Characters that ``re``'s IGNORECASE pairs with others beyond ``str.lower`` (ſ ~ s, ı ~ i,
# µ ~ μ, Greek and Cyrillic variants; re._casefix), with their case pairs, and the letters
# ``str.lower`` maps context-dependently or to two characters (Σ, İ).
_CASEFIX = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u03a3\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc"
    "\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434"
    "\u043e\u0441\u0442\u044a\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"
    "\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)
CASE_EXCEPTIONS = re.compile(
    "["
    + "".join(
        re.escape(variant)
        for char in _CASEFIX
        for variant in sorted({char, char.lower(), char.upper()})
        if len(variant) == 1 and not variant.isascii()
    )
    + "]"
)


LOWERED_CACHE_SIZE = 64


@lru_cache(maxsize=LOWERED_CACHE_SIZE)
def plain_lowered(text: str) -> str | None:
    """``text.lower()`` when it lowercases letter by letter as IGNORECASE does, else None.

    Several recognizers match lowercased text; the cache lowers each text once for them all
    (the engine runs each recognizer over a batch of texts: a batch fits in the cache).
    """
    return text.lower() if CASE_EXCEPTIONS.search(text) is None else None


@dataclass(frozen=True)
class Trigger:
    """A necessary condition of a recognizer's matches; fires when either regex is found."""

    pattern: str = ""
    lowered: str = ""
    hyperscan: str = ""  # ``pattern`` rewritten for Hyperscan, when it is written for ``re``

    def __post_init__(self) -> None:
        """A trigger needs at least one regex (no trigger at all is ``TRIGGER = None``)."""
        if not (self.pattern or self.lowered):
            raise ValueError("a Trigger needs a pattern or a lowered pattern")


class Prefilter:
    """Evaluates the triggers of a list of recognizers once per text.

    With Hyperscan installed (``hyperscan`` on PyPI, x86-64 Linux wheels), every trigger the
    library accepts is found in one pass over the text (and one over its lowercased form);
    the rest, and every trigger where Hyperscan is missing, are searched with ``re``. Both
    give the same flags: the patterns are plain regexes (no lookarounds reach Hyperscan),
    matched with Unicode classes as ``re`` matches them.
    """

    def __init__(self, triggers: Sequence[Trigger | None], *, hyperscan: bool = True) -> None:
        """Compile each distinct trigger once; None means the recognizer always runs.

        ``hyperscan`` False searches every trigger with ``re`` (the reference).
        """
        distinct = list(dict.fromkeys(t for t in triggers if t is not None))
        slot = {trigger: index for index, trigger in enumerate(distinct)}
        self._slots = [None if t is None else slot[t] for t in triggers]
        self._count = len(distinct)
        patterns = {i: t.pattern for i, t in enumerate(distinct) if t.pattern}
        lowered = {i: t.lowered for i, t in enumerate(distinct) if t.lowered}
        rewritten = {i: t.hyperscan for i, t in enumerate(distinct) if t.hyperscan}
        self._text = _Searcher.build(patterns, hyperscan=hyperscan, rewritten=rewritten)
        self._lowered = _Searcher.build(lowered, hyperscan=hyperscan)
        self._lowered_ids = tuple(lowered)

    def gates(self, text: str) -> list[bool]:
        """One flag per recognizer: whether it must run on ``text``."""
        fired = [False] * self._count
        self._text.mark(text, fired)
        if self._lowered_ids:
            lowered = plain_lowered(text)
            if lowered is None:  # lowercasing differs from IGNORECASE: every lowered fires
                for index in self._lowered_ids:
                    fired[index] = True
            else:
                self._lowered.mark(lowered, fired)
        return [True if index is None else fired[index] for index in self._slots]


class _Searcher:
    """Finds which of several regexes occur in a text: Hyperscan where it can, else ``re``."""

    def __init__(self, database: Any, regexes: dict[int, str], in_database: set[int]) -> None:
        """``database``: Hyperscan's (or None), holding the ids ``in_database``; ``regexes``:
        every ``{id: regex}`` for ``re``, which searches those the database does not hold."""
        self._database = database
        self._regexes = regexes
        self._fallback = [(i, re.compile(r)) for i, r in regexes.items() if i not in in_database]
        self._local = threading.local()  # Hyperscan's scratch space: one per thread

    @classmethod
    def build(
        cls, regexes: dict[int, str], *, hyperscan: bool, rewritten: dict[int, str] | None = None
    ) -> _Searcher:
        """Compile ``{id: regex}``; each regex Hyperscan rejects is left to ``re``.

        ``rewritten`` gives Hyperscan's form of some regexes (the ``re`` form is kept for
        the fallback).
        """
        for_hyperscan = {i: (rewritten or {}).get(i, r) for i, r in regexes.items()}
        database, accepted = _database_for(for_hyperscan) if hyperscan else (None, {})
        return cls(database, regexes, set(accepted))

    @cached_property
    def _everything(self) -> list[tuple[int, re.Pattern[str]]]:
        """Every regex compiled for ``re``, for a text Hyperscan cannot take (compiled when
        first needed: the large triggers take ``re`` a third of a second)."""
        return [(i, re.compile(r)) for i, r in self._regexes.items()]

    def mark(self, text: str, fired: list[bool]) -> None:
        """Set ``fired[id]`` for every regex found in ``text``."""
        remaining = self._fallback
        if self._database is not None:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: Hyperscan needs valid UTF-8
                remaining = self._everything
            else:

                def found(index: int, *_: Any) -> None:
                    fired[index] = True

                self._database.scan(data, match_event_handler=found, scratch=self._scratch())
        for index, pattern in remaining:
            if not fired[index] and pattern.search(text) is not None:
                fired[index] = True

    def _scratch(self) -> Any:
        """This thread's scratch space (a scan may not share one with another thread)."""
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _hyperscan.Scratch(self._database)
        return scratch


_HS_FLAGS = ("HS_FLAG_SINGLEMATCH", "HS_FLAG_UTF8", "HS_FLAG_UCP", "HS_FLAG_ALLOWEMPTY")


def _hyperscan_flags() -> int | None:
    """Hyperscan's flags for a trigger (one report per regex, UTF-8, Unicode classes)."""
    if _hyperscan is None:
        return None
    flags = 0
    for name in _HS_FLAGS:
        flags |= getattr(_hyperscan, name)
    return flags


def _database_for(regexes: dict[int, str]) -> tuple[Any, dict[int, str]]:
    """A Hyperscan database of every regex it accepts, and those regexes (by id).

    Compiling is the slow part of building an engine, and each language's plan has the same
    triggers: the database is compiled once per set of regexes. One compile of the whole set
    is tried first; only when it fails is each regex tried alone.
    """
    if _hyperscan is None or not regexes:
        return None, {}
    try:
        return _cached_database(tuple(regexes.items())), regexes
    except Exception:  # hyperscan.error: one of them is not for Hyperscan
        accepted = {i: r for i, r in regexes.items() if _hyperscan_accepts(r)}
    return (_cached_database(tuple(accepted.items())) if accepted else None), accepted


@lru_cache(maxsize=16)
def _cached_database(items: tuple[tuple[int, str], ...]) -> Any:
    """``_hyperscan_database`` of ``dict(items)``, compiled once per distinct set.

    Compiling takes about a second; the serialized database is kept in ``cache_dir()``
    (keyed by the regexes, flags and library version) so the next process loads it in
    milliseconds. A file that does not load (another CPU, a damaged file) is compiled again.
    """
    path = _cache_file(items)
    if path is not None and path.is_file():
        try:
            return _hyperscan.loadb(path.read_bytes(), _hyperscan.HS_MODE_BLOCK)
        except Exception:  # hyperscan.error: stale or foreign; compile below
            pass
    database = _hyperscan_database(dict(items))
    if path is not None:
        _store(path, _hyperscan.dumpb(database))
    return database


def cache_dir() -> Path | None:
    """Where compiled trigger databases are kept: ``EXPUNGE_CACHE_DIR`` ("" turns it off),
    else ``$XDG_CACHE_HOME/expunge`` or ``~/.cache/expunge``."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "expunge"


def _cache_file(items: tuple[tuple[int, str], ...]) -> Path | None:
    """The cache file of one set of regexes (None when caching is off)."""
    directory = cache_dir()
    if directory is None:
        return None
    version = getattr(_hyperscan, "__version__", "?")
    key = hashlib.sha256(repr((version, _hyperscan_flags(), items)).encode()).hexdigest()
    return directory / f"triggers-{key[:32]}.hsdb"


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


@lru_cache(maxsize=512)
def _hyperscan_accepts(regex: str) -> bool:
    """Whether Hyperscan compiles ``regex`` (no lookarounds, no backreferences...)."""
    try:
        _hyperscan_database({0: regex})
    except Exception:  # hyperscan.error (or no hyperscan): ``re`` searches this one
        return False
    return True


def _hyperscan_database(regexes: dict[int, str]) -> Any:
    """One Hyperscan block-mode database of ``{id: regex}``."""
    flags = _hyperscan_flags()
    if _hyperscan is None or flags is None:
        raise RuntimeError("hyperscan is not installed")
    database = _hyperscan.Database(mode=_hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[regex.encode("utf-8") for regex in regexes.values()],
        ids=list(regexes),
        elements=len(regexes),
        flags=[flags] * len(regexes),
    )
    return database
