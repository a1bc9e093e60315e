"""Dashboard users: roles, argon2 password hashes, login with throttling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import audit
from catalog.models import User, utcnow

MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verified against when the user does not exist, so both cases take as long.
_DUMMY_HASH = _hasher.hash("expunge-no-such-user")


class Role(StrEnum):
    admin = "admin"
    officer = "officer"
    researcher = "researcher"
    auditor = "auditor"


class Permission(StrEnum):
    overview = "overview"
    findings = "findings"  # findings, items, dispositions, holds, scans: read
    decide = "decide"  # approve, reject, enforce
    holds = "holds"  # place and release
    scan = "scan"
    audit = "audit"  # read, verify, export the trail; certificates
    metrics = "metrics"
    export = "export"  # request research exports, download approved ones


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(Permission),
    Role.officer: frozenset(Permission) - {Permission.metrics},
    Role.auditor: frozenset({Permission.overview, Permission.findings, Permission.audit,
                             Permission.metrics}),
    Role.researcher: frozenset({Permission.overview, Permission.export}),
}


def allowed(role: str, permission: Permission) -> bool:
    """Whether a role may do this; an unknown role may do nothing."""
    return role in Role.__members__ and permission in GRANTS[Role(role)]


class UserError(ValueError):
    """A user cannot be added or changed; the message says why."""


@dataclass(frozen=True)
class Login:
    """The outcome of a login attempt: the user, or refused (``locked`` while throttled)."""

    user: User | None
    locked: bool = False


def add_user(session: Session, actor: str, name: str, role: str, password: str) -> User:
    """Create a user; raises UserError for a taken name, unknown role or short password."""
    if role not in Role.__members__:
        raise UserError(f"role must be one of {', '.join(Role)}")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password needs at least {MIN_PASSWORD} characters")
    if not name.strip() or session.execute(select(User).where(User.name == name)).first():
        raise UserError(f"user {name!r} exists or the name is empty")
    user = User(name=name, role=role, password_hash=_hasher.hash(password), failed_logins=0)
    session.add(user)
    session.flush()
    audit.append(session, actor, "user.added", f"user:{name}", {"role": role})
    return user


def disable_user(session: Session, actor: str, name: str) -> None:
    """Disable a user; their open sessions end with it."""
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        raise UserError(f"no user {name!r}")
    user.disabled_at = user.sessions_valid_after = utcnow()
    audit.append(session, actor, "user.disabled", f"user:{name}", {})


def list_users(session: Session) -> list[dict[str, object]]:
    """Every user without the hash."""
    rows = session.execute(select(User).order_by(User.name)).scalars()
    return [{"name": u.name, "role": u.role, "created_at": u.created_at,
             "last_login_at": u.last_login_at, "disabled_at": u.disabled_at} for u in rows]


@dataclass(frozen=True)
class Throttle:
    """Per-user lockout: ``max_failures`` wrong passwords lock the account for a while."""

    max_failures: int
    lockout: timedelta


def _password_ok(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def authenticate(session: Session, name: str, password: str, throttle: Throttle) -> Login:
    """Check a password; the account must be neither disabled nor locked.

    Every outcome is an audit event, recorded in the caller's transaction: so refusals
    return (they must commit) rather than raise.
    """
    now = utcnow()
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    ok = _password_ok(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or user.disabled_at is not None:
        # Not the typed name: it is sometimes a password typed into the wrong field.
        audit.append(session, "anonymous", "user.login_failed", "dashboard", {"known": False})
        return Login(None)
    if _is_locked(user, now):
        audit.append(session, user.name, "user.login_throttled", "dashboard", {})
        return Login(None, locked=True)
    if not ok:
        return Login(None, locked=_count_failure(session, user, now, throttle))
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.append(session, user.name, "user.login", "dashboard", {})
    return Login(user)


def _count_failure(session: Session, user: User, now: datetime, throttle: Throttle) -> bool:
    user.failed_logins = (user.failed_logins or 0) + 1
    locked = user.failed_logins >= throttle.max_failures
    if locked:
        user.locked_until, user.failed_logins = now + throttle.lockout, 0
    audit.append(session, user.name, "user.login_failed", "dashboard",
                 {"known": True, "locked": locked})
    return locked
