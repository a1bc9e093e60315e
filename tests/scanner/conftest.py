"""Shared fixtures for the scanner tests: one Engine per session and a finder helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scanner.engine import Engine

Finder = Callable[..., list[tuple[str, str]]]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def find(engine: Engine) -> Finder:
    """Return ``find(text, entity_type=None, language=None)`` → [(entity_type, value)]."""

    def _find(
        text: str, entity_type: str | None = None, language: str | None = None
    ) -> list[tuple[str, str]]:
        detections = engine.analyze(text, language).detections
        return [
            (d.entity_type, text[d.start : d.end])
            for d in detections
            if entity_type is None or d.entity_type == entity_type
        ]

    return _find
