"""What every request of one dashboard shares: the app, its settings, keys and templates."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from catalog.store import Catalog
from expunge.app import App
from expunge.dashboard.settings import DashboardSettings

if TYPE_CHECKING:
    from itsdangerous import URLSafeTimedSerializer
    from jinja2 import Environment

CLIENT_WINDOW_SECONDS = 600


@dataclass
class ClientThrottle:
    """Failed logins per client address in a sliding window (in this process's memory)."""

    limit: int
    window: float = CLIENT_WINDOW_SECONDS
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def _recent(self, client: str) -> deque[float]:
        stamps = self._failures[client]
        while stamps and stamps[0] < time.monotonic() - self.window:
            stamps.popleft()
        return stamps

    def blocked(self, client: str) -> bool:
        return len(self._recent(client)) >= self.limit

    def failed(self, client: str) -> None:
        self._recent(client).append(time.monotonic())


@dataclass
class DashboardContext:
    """Shared by every request; stored on ``FastAPI.state.ctx``."""

    app: App
    settings: DashboardSettings
    serializer: URLSafeTimedSerializer
    templates: Environment
    throttle: ClientThrottle

    @property
    def catalog(self) -> Catalog:
        return self.app.runtime.catalog


def context(request: Request) -> DashboardContext:
    """The dashboard context of the app serving this request."""
    ctx: DashboardContext = request.app.state.ctx
    return ctx
