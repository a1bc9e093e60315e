"""Value transforms: keyed pseudonyms, date generalization, the key from the environment."""

from __future__ import annotations

import base64
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from scanner.transform import (
    PSEUDONYM_PREFIX,
    PseudonymKeyError,
    generalize,
    is_pseudonym,
    key_from_env,
    pseudonym,
)

KEY = b"k" * 32
OTHER_KEY = b"o" * 32
SECRET_NAME = "홍길동"


# --- pseudonym ----------------------------------------------------------------------------------


def test_a_pseudonym_is_the_prefix_and_hex_digits() -> None:
    value = pseudonym(SECRET_NAME, KEY)
    assert value.startswith(PSEUDONYM_PREFIX)
    digits = value.removeprefix(PSEUDONYM_PREFIX)
    assert len(digits) == 20 and all(c in "0123456789abcdef" for c in digits)
    assert SECRET_NAME not in value


def test_pseudonyms_are_deterministic_and_keyed() -> None:
    assert pseudonym(SECRET_NAME, KEY) == pseudonym(SECRET_NAME, KEY)
    assert pseudonym(SECRET_NAME, KEY) != pseudonym(SECRET_NAME, OTHER_KEY)
    assert pseudonym(SECRET_NAME, KEY) != pseudonym("김철수", KEY)


def test_pseudonyms_normalise_unicode_and_whitespace() -> None:
    composed = unicodedata.normalize("NFC", "Nguyễn Văn An")
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn An")
    assert composed != decomposed
    assert pseudonym(composed, KEY) == pseudonym(decomposed, KEY)
    assert pseudonym(f"  {composed}\n", KEY) == pseudonym(composed, KEY)
    assert pseudonym("Nguyen Van An", KEY) != pseudonym(composed, KEY)  # accents matter


def test_pseudonym_length() -> None:
    assert len(pseudonym("x", KEY, length=64)) == len(PSEUDONYM_PREFIX) + 64
    assert pseudonym("x", KEY, length=8) == pseudonym("x", KEY)[: len(PSEUDONYM_PREFIX) + 8]
    for length in (0, 7, 65):
        with pytest.raises(ValueError, match="length"):
            pseudonym("x", KEY, length=length)


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="key") as error:
        pseudonym(SECRET_NAME, b"")
    assert SECRET_NAME not in str(error.value)


def test_is_pseudonym_makes_reruns_idempotent() -> None:
    once = pseudonym(SECRET_NAME, KEY)
    assert is_pseudonym(once)
    assert is_pseudonym(pseudonym(SECRET_NAME, KEY, length=64))
    twice = once if is_pseudonym(once) else pseudonym(once, KEY)
    assert twice == once
    for value in (SECRET_NAME, "psn_", "psn_xyz", "psn_ABCDEF0123456789", "psn_12", None, 42,
                  b"psn_0123456789abcdef0123", f"{once}x", f" {once}"):  # fmt: skip
        assert not is_pseudonym(value), value


# --- generalize ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "to", "expected"),
    [
        (date(1988, 2, 27), "year", date(1988, 1, 1)),
        (date(1988, 2, 27), "month", date(1988, 2, 1)),
        (datetime(1988, 2, 27, 10, 30, 5, 7), "year", datetime(1988, 1, 1)),
        (datetime(1988, 2, 27, 10, 30), "month", datetime(1988, 2, 1)),
        ("1988-02-27", "year", "1988"),
        ("1988-02-27", "month", "1988-02"),
        ("1988-02-27T10:00", "year", "1988"),
        ("1988-02-27T10:00", "month", "1988-02"),
        ("1988-02-27 10:00:00+09:00", "month", "1988-02"),
        ("1988-02-27T10:00:00Z", "year", "1988"),
        ("1988-02", "year", "1988"),
    ],
)
def test_generalize(value: object, to: str, expected: object) -> None:
    result = generalize(value, to)  # type: ignore[arg-type]
    assert result == expected
    assert type(result) is type(expected)


def test_a_datetime_keeps_its_timezone() -> None:
    seoul = timezone(timedelta(hours=9))
    result = generalize(datetime(1988, 2, 27, 23, 59, tzinfo=seoul), "month")
    assert result == datetime(1988, 2, 1, tzinfo=seoul)
    assert isinstance(result, datetime) and result.tzinfo is seoul
    assert generalize(datetime(1988, 2, 27, tzinfo=UTC), "year") == datetime(1988, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [date(1988, 2, 27), datetime(1988, 2, 27, 10, 0), "1988-02-27", "1988-02-27T10:00", "1988",
     "1988-02"],
)  # fmt: skip
@pytest.mark.parametrize("to", ["year", "month"])
def test_generalize_is_idempotent(value: object, to: str) -> None:
    once = generalize(value, to)  # type: ignore[arg-type]
    assert generalize(once, to) == once  # type: ignore[arg-type]


def test_already_generalized_strings_are_unchanged() -> None:
    assert generalize("1988", "year") == "1988"
    assert generalize("1988", "month") == "1988"
    assert generalize("1988-02", "month") == "1988-02"
    assert generalize(date(1988, 1, 1), "year") == date(1988, 1, 1)


@pytest.mark.parametrize(
    "value",
    ["홍길동 1988-02-27", "27/02/1988", "1988-02-30", "1988-13", "880227", "", "secret-1988",
     19880227, 1988.0, None, b"1988-02-27", ["1988-02-27"], {"dob": "1988-02-27"}],
)  # fmt: skip
def test_errors_do_not_contain_the_value(value: object) -> None:
    with pytest.raises(ValueError) as error:
        generalize(value, "year")
    message = str(error.value)
    assert message.startswith("generalize:")
    if value not in ("", None):
        assert str(value) not in message
    assert "1988" not in message and "홍길동" not in message


def test_an_unknown_granularity_is_refused() -> None:
    with pytest.raises(ValueError, match="year"):
        generalize(date(1988, 2, 27), "day")  # type: ignore[arg-type]


# --- key_from_env ------------------------------------------------------------------------------


def test_a_hex_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "ab" * 32)
    assert key_from_env() == bytes.fromhex("ab" * 32)


def test_a_base64_key(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = bytes(range(24))
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", base64.b64encode(raw).decode())
    assert key_from_env() == raw
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", base64.urlsafe_b64encode(raw + b"\xff").decode())
    assert key_from_env() == raw + b"\xff"


def test_a_text_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "  clinic secret phrase!  ")
    assert key_from_env() == b"clinic secret phrase!"


def test_short_hex_is_not_taken_as_a_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "0123456789abcdef")  # 8 bytes of hex
    with pytest.raises(PseudonymKeyError, match="too short"):
        key_from_env()


def test_another_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_KEY", "a much longer passphrase")
    assert key_from_env("MY_KEY") == b"a much longer passphrase"


def test_a_missing_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPUNGE_PSEUDONYM_KEY", raising=False)
    with pytest.raises(PseudonymKeyError, match="EXPUNGE_PSEUDONYM_KEY is not set"):
        key_from_env()
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", "   ")
    with pytest.raises(PseudonymKeyError, match="EXPUNGE_PSEUDONYM_KEY"):
        key_from_env()


@pytest.mark.parametrize("secret", ["short-secret", "abcdef0123456789", "c2hvcnQ="])
def test_a_short_key_is_refused_without_printing_it(
    monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    monkeypatch.setenv("EXPUNGE_PSEUDONYM_KEY", secret)
    with pytest.raises(PseudonymKeyError, match="EXPUNGE_PSEUDONYM_KEY is too short") as error:
        key_from_env()
    assert secret not in str(error.value)
    assert isinstance(error.value, ValueError)
