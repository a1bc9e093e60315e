"""Glob patterns on POSIX keys: ``*`` and ``?`` stay in one segment, ``**`` spans segments.

``rx/**`` matches ``rx/a.txt`` and ``rx/sub/b.txt``; ``**/rx/**`` also matches ``x/rx/a``;
``**/*.log`` matches ``a.log`` and ``x/y/a.log``. Matching is case-sensitive and whole-key.
Every other character, ``[`` included, matches itself. Pattern and key are compared in
Unicode NFC, so a Korean folder name written decomposed (NFD, as macOS does) still matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def check_glob(pattern: str) -> None:
    """Raise ValueError for a pattern that can never match a relative key."""
    if not pattern:
        raise ValueError("empty path pattern")
    if pattern.startswith("/"):
        raise ValueError(f"path pattern {pattern!r} must be relative (no leading '/')")


def translate(pattern: str) -> str:
    """Translate a glob into an equivalent regular expression (for ``re.fullmatch``)."""
    segments = pattern.split("/")
    out: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
        else:
            out.append(_translate_segment(segment) + ("" if last else "/"))
    return "".join(out)


def _translate_segment(segment: str) -> str:
    """Translate the wildcards of one path segment."""
    wildcards = {"*": "[^/]*", "?": "[^/]"}
    return "".join(wildcards.get(char) or re.escape(char) for char in segment)


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compile (once) the regular expression of a glob."""
    return re.compile(translate(unicodedata.normalize("NFC", pattern)), re.DOTALL)


def glob_match(pattern: str, key: str) -> bool:
    """Whether the whole ``key`` matches the glob ``pattern``."""
    return _compiled(pattern).fullmatch(unicodedata.normalize("NFC", key)) is not None
