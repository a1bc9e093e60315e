"""The dashboard's tunables: from `expunge dashboard` options and the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

SECRET_ENV = "EXPUNGE_SECRET_KEY"
METRICS_TOKEN_ENV = "EXPUNGE_METRICS_TOKEN"
SCREENSHOTS_ENV = "EXPUNGE_SCREENSHOTS"
DEFAULT_SESSION_SECONDS = 8 * 3600
DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCKOUT_SECONDS = 15 * 60
DEFAULT_CLIENT_FAILURES = 20  # per client address and window, whatever the user name
DEFAULT_PAGE_SIZE = 50


def _secret_from_env() -> str:
    return os.environ.get(SECRET_ENV) or secrets.token_urlsafe(32)


@dataclass(frozen=True)
class DashboardSettings:
    """How sessions, login throttling and /metrics behave."""

    secret_key: str = field(default_factory=_secret_from_env, repr=False)
    secure_cookies: bool = False  # also set whenever the request came over https
    session_seconds: int = DEFAULT_SESSION_SECONDS
    max_failures: int = DEFAULT_MAX_FAILURES
    lockout_seconds: int = DEFAULT_LOCKOUT_SECONDS
    client_failures: int = DEFAULT_CLIENT_FAILURES
    metrics_token: str | None = field(
        default_factory=lambda: os.environ.get(METRICS_TOKEN_ENV) or None, repr=False)
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def secret_is_ephemeral(self) -> bool:
        """True when no key was configured: sessions end when the process does."""
        return not os.environ.get(SECRET_ENV)


def screenshots_dir(default: Path) -> Path:
    """Where browser tests save screenshots ($EXPUNGE_SCREENSHOTS, else ``default``)."""
    return Path(os.environ.get(SCREENSHOTS_ENV) or default)
