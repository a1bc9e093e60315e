"""docker-compose.yml parses, and every expunge service runs a real `expunge` subcommand."""

from __future__ import annotations

from pathlib import Path

import typer.main
import yaml

from expunge.cli import app

ROOT = Path(__file__).parents[1]


def _subcommands() -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_every_expunge_service_runs_a_real_subcommand() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    ours = {name: s for name, s in services.items() if s.get("image", "").startswith("expunge")}
    assert {"worker", "cli"} <= set(ours)
    for name, service in ours.items():
        assert service["command"][0] in _subcommands(), name
        assert service["environment"]["EXPUNGE_CONFIG"].endswith(".yaml")
    assert {"redis", "postgres"} <= set(services)


def test_the_image_entrypoint_is_the_expunge_command() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["expunge"]' in dockerfile
    for package in ("connectors", "scanner", "rules", "catalog", "workers", "expunge"):
        assert f"COPY {package} {package}" in dockerfile
