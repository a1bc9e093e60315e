"""`expunge users add|list|disable` and `expunge dashboard --help`."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def users(cli, monkeypatch):
    monkeypatch.setenv("EXPUNGE_PASSWORD", "a long enough password")
    return cli


def test_the_first_admin_is_added_from_the_command_line(users) -> None:
    users("users", "add", "kim", "--role", "admin")
    users("users", "add", "lee", "--role", "officer")
    rows = json.loads(users("users", "list", "--format", "json").stdout)
    assert [(r["name"], r["role"]) for r in rows] == [("kim", "admin"), ("lee", "officer")]
    assert "argon2" not in users("users", "list", "--format", "json").stdout


def test_bad_users_are_refused_with_exit_code_2(users, monkeypatch) -> None:
    users("users", "add", "kim", "--role", "admin")
    users("users", "add", "kim", "--role", "officer", expect=2)
    users("users", "add", "park", "--role", "janitor", expect=2)
    monkeypatch.setenv("EXPUNGE_PASSWORD", "short")
    users("users", "add", "park", "--role", "auditor", expect=2)


def test_a_disabled_user_is_recorded_in_the_trail(users) -> None:
    users("users", "add", "kim", "--role", "auditor")
    users("users", "disable", "kim")
    users("users", "disable", "nobody", expect=2)
    [row] = json.loads(users("users", "list", "--format", "json").stdout)
    assert row["disabled_at"]
    actions = [r["action"] for r in users.json("audit", "list")]
    assert actions[:2] == ["user.disabled", "user.added"]


def test_the_dashboard_command_is_there(users) -> None:
    result = users("dashboard", "--help")
    assert "--port" in result.output and "--host" in result.output
