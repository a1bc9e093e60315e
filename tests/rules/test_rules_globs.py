"""Glob patterns on POSIX item keys."""

import unicodedata

import pytest

from rules.globs import check_glob, glob_match


@pytest.mark.parametrize(
    ("pattern", "key", "matches"),
    [
        ("rx/**", "rx/a.txt", True),
        ("rx/**", "rx/sub/b.txt", True),
        ("rx/**", "rx", False),
        ("rx/**", "x/rx/a.txt", False),
        ("rx/**", "rxa/b", False),
        ("**/rx/**", "rx/a", True),
        ("**/rx/**", "x/rx/a", True),
        ("**/rx/**", "x/y/rx/z/a", True),
        ("**/rx/**", "x/rxz/a", False),
        ("**/rx/**", "xrx/a", False),
        ("**/*.log", "a.log", True),
        ("**/*.log", "x/y/a.log", True),
        ("**/*.log", "x/a.log.1", False),
        ("*.pdf", "a.pdf", True),
        ("*.pdf", "dir/a.pdf", False),
        ("charts/*/scan.pdf", "charts/2020/scan.pdf", True),
        ("charts/*/scan.pdf", "charts/2020/01/scan.pdf", False),
        ("a/**/b", "a/b", True),
        ("a/**/b", "a/x/y/b", True),
        ("a/**/b", "a/xb", False),
        ("file?.txt", "file1.txt", True),
        ("file?.txt", "file10.txt", False),
        ("file?.txt", "file/.txt", False),
        ("**", "anything/at/all", True),
        ("Charts/**", "charts/a", False),
        ("a.b", "axb", False),
        ("[ab].txt", "[ab].txt", True),
        ("[ab].txt", "a.txt", False),
        ("(x)+/**", "(x)+/y", True),
        ("**/진료기록부/**", "2020/진료기록부/홍.pdf", True),
    ],
)
def test_glob_table(pattern: str, key: str, matches: bool) -> None:
    assert glob_match(pattern, key) is matches


def test_decomposed_korean_key_matches_composed_pattern() -> None:
    key = unicodedata.normalize("NFD", "scans/처방전/a.pdf")
    assert glob_match("**/처방전/**", key)


@pytest.mark.parametrize("pattern", ["", "/rx/**"])
def test_empty_or_absolute_pattern_is_rejected(pattern: str) -> None:
    with pytest.raises(ValueError):
        check_glob(pattern)
