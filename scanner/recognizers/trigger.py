"""Triggers: what a text must contain before a recognizer can find anything in it.

A recognizer may declare ``TRIGGER``, a cheap necessary condition of all its matches: a regex
searched in the text (``pattern``: a run of digits, ``@``, an upper-case letter and digits)
and/or one searched in the lowercased text (``lowered``: the label words a case-insensitive
pattern needs). The engine evaluates every trigger once per text (``Prefilter``) and skips
the recognizers whose trigger did not fire; a recognizer without a trigger always runs.

A trigger may fire where the recognizer then finds nothing, never the reverse: it must be
implied by every match (drop lookarounds and optional parts, widen classes). A subclass that
matches more than its parent must restate ``TRIGGER`` (or set it to None).

``lowered`` is matched on ``str.lower()``, which agrees with ``re.IGNORECASE`` except for a few
letters (ſ, ı, İ, µ, Greek and Cyrillic variants): a text holding one fires every ``lowered``
trigger, so the shortcut never changes a result (``plain_lowered``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=16)
def plain_lowered(text: str) -> str | None:
    """``text.lower()`` when it lowercases letter by letter as IGNORECASE does, else None.

    Several recognizers match lowercased text; the cache lowers each text once for them all.
    """
    return text.lower() if CASE_EXCEPTIONS.search(text) is None else None


@dataclass(frozen=True)
class Trigger:
    """A necessary condition of a recognizer's matches; fires when either regex is found."""

    pattern: str = ""
    lowered: str = ""

    def __post_init__(self) -> None:
        """A trigger needs at least one regex (no trigger at all is ``TRIGGER = None``)."""
        if not (self.pattern or self.lowered):
            raise ValueError("a Trigger needs a pattern or a lowered pattern")


class Prefilter:
    """Evaluates the triggers of a list of recognizers once per text."""

    def __init__(self, triggers: Sequence[Trigger | None]) -> None:
        """Compile each distinct trigger once; None means the recognizer always runs."""
        distinct = list(dict.fromkeys(t for t in triggers if t is not None))
        slot = {trigger: index for index, trigger in enumerate(distinct)}
        self._slots = [None if t is None else slot[t] for t in triggers]
        self._checks = [(_compile(t.pattern), _compile(t.lowered)) for t in distinct]
        self._needs_lowered = any(t.lowered for t in distinct)

    def gates(self, text: str) -> list[bool]:
        """One flag per recognizer: whether it must run on ``text``."""
        lowered = plain_lowered(text) if self._needs_lowered else ""
        fired = [
            (pattern is not None and pattern.search(text) is not None)
            or (folded is not None and (lowered is None or folded.search(lowered) is not None))
            for pattern, folded in self._checks
        ]
        return [True if index is None else fired[index] for index in self._slots]


def _compile(regex: str) -> re.Pattern[str] | None:
    """Compile a trigger's regex (None when empty)."""
    return re.compile(regex) if regex else None
