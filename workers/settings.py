"""What a worker needs to know, as plain data (the app builds it from its configuration)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from rules.policy import Binding
from workers.breaker import DEFAULT_MAX_ITEMS, DEFAULT_MAX_SHARE

DEFAULT_BATCH_SIZE = 20
DEFAULT_READ_LIMIT = 64 * 1024 * 1024
DEFAULT_CERTIFICATES_DIR = ".expunge/certificates"
DEFAULT_ENFORCE_TIME_LIMIT = 3600  # seconds one disposition may take


@dataclass(frozen=True)
class WorkerSettings:
    """Everything a scan, plan or enforcement needs, identical in the CLI and every worker."""

    catalog_url: str
    broker_url: str = "embedded"
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    packs: tuple[str, ...] = ("kr-medical",)
    bindings: tuple[Binding, ...] = ()
    batch_size: int = DEFAULT_BATCH_SIZE
    read_limit: int = DEFAULT_READ_LIMIT
    score_threshold: float = 0.5
    certificates_dir: str = DEFAULT_CERTIFICATES_DIR
    worker_threads: int = 2
    max_enforce_items: int = DEFAULT_MAX_ITEMS
    enforce_time_limit: int = DEFAULT_ENFORCE_TIME_LIMIT

    @property
    def lease(self) -> timedelta:
        """How long a running disposition belongs to its worker: past the time limit, the
        worker is dead (Dramatiq stops actors at their limit) and another may take over."""
        return timedelta(seconds=self.enforce_time_limit * 1.25)
    max_enforce_share: float = DEFAULT_MAX_SHARE
