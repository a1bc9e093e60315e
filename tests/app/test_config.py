"""The configuration contract: validated at start, errors name the field, exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from expunge.cli import app
from expunge.config import Config, ConfigError, EnforceConfig, ScanConfig, load, redacted

GOOD = {"sources": [{"name": "charts", "kind": "files", "path": "charts"}]}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "expunge.yaml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(("data", "message"), [
    ({"sources": [{"name": "a", "kind": "files"}]}, "sources[0].path: Field required"),
    ({"sources": [GOOD["sources"][0], {"name": "b", "kind": "s4", "path": "x"}]},
     "sources[1].kind: unknown kind 's4'"),
    ({"sources": [{"name": "a", "kind": "files", "path": "p", "colour": 1}]},
     "sources[0].colour: Extra inputs are not permitted"),
    ({"sources": [{"name": "a", "kind": "files", "path": "p"}] * 2},
     "sources[1].name: 'a' is used twice"),
    ({"broker": "kafka://x"}, "broker: Value error, must be 'embedded'"),
    ({"catalogue": "sqlite://"}, "catalogue: Extra inputs are not permitted"),
    ({"scan": {"batch_size": 0}}, "scan.batch_size: Input should be greater than or equal to 1"),
    ({**GOOD, "bindings": [{"source": "nope", "category": "prescription"}]},
     "bindings[0].source: no source named 'nope'"),
    ({**GOOD, "bindings": [{"source": "charts", "category": "recipes"}]},
     "bindings[0].category: unknown category 'recipes'"),
    ({**GOOD, "bindings": [{"source": "charts", "category": "prescription", "action": "burn"}]},
     "bindings[0].action: Input should be 'delete', 'anonymize' or 'review'"),
    ({"rules": ["no-such-pack"]}, "rules[0]:"),
    ({"sources": [{"name": "a", "kind": "files", "path": "${EXPUNGE_TEST_UNSET_VAR}"}]},
     "sources[0].path: environment variable EXPUNGE_TEST_UNSET_VAR is not set"),
    ("sources: [unclosed", "not valid YAML"),
    ("- a list\n", "the file must hold a mapping"),
])
def test_a_bad_configuration_is_refused_naming_the_field(tmp_path: Path, data: object,
                                                         message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(str(write(tmp_path, data)))
    assert message in str(caught.value)


def test_a_bad_configuration_exits_2_naming_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, {"sources": [{"name": "a", "kind": "files"}]})
    result = CliRunner().invoke(app, ["--config", str(path), "scan"])
    assert result.exit_code == 2
    assert "sources[0].path" in result.output


def test_secrets_come_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CLINIC_ROOT", "/srv/x")
    path = write(tmp_path, {"sources": [{"name": "a", "kind": "files", "path": "${CLINIC_ROOT}"}],
                            "broker": "${BROKER:-embedded}"})
    config = load(str(path))
    assert config.sources[0]["path"] == "/srv/x"
    assert config.broker == "embedded"


def test_relative_paths_are_relative_to_the_configuration_file(tmp_path: Path) -> None:
    config = load(str(write(tmp_path, {**GOOD, "catalog": "sqlite:///state/c.db"})))
    assert config.sources[0]["path"] == str(tmp_path / "charts")
    assert config.catalog == f"sqlite:///{tmp_path}/state/c.db"


def test_a_sqlite_source_is_relative_to_the_configuration_file_too(tmp_path: Path) -> None:
    emr = {"name": "emr", "kind": "database", "url": "sqlite:///emr.db",
           "enforce_url": "sqlite:////srv/emr.db"}
    config = load(str(write(tmp_path, {**GOOD, "sources": [*GOOD["sources"], emr]})))
    assert config.sources[1]["url"] == f"sqlite:///{tmp_path}/emr.db"
    assert config.sources[1]["enforce_url"] == "sqlite:////srv/emr.db"


def test_the_config_is_found_through_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EXPUNGE_CONFIG", str(write(tmp_path, GOOD)))
    assert load().source_names() == ["charts"]


def test_init_writes_an_example_that_loads(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["init"]).exit_code == 0
    config = load("expunge.yaml")
    assert config.source_names() == ["charts"] and config.bindings
    assert CliRunner().invoke(app, ["init"]).exit_code == 2  # never overwrites silently


def test_passwords_in_broker_urls_are_redacted() -> None:
    assert redacted("redis://:s3cret@10.0.0.1:6379/0") == "redis://:***@10.0.0.1:6379/0"
    assert redacted("amqp://user:pw@host/") == "amqp://user:***@host/"
    assert redacted("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_the_readme_documents_every_setting() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("## Configuration reference", 1)[1]
    documented = set(re.findall(r"^\| `([a-z_.]+)`", section, re.M))
    expected = (set(Config.model_fields)
                | {f"scan.{name}" for name in ScanConfig.model_fields}
                | {f"enforce.{name}" for name in EnforceConfig.model_fields})
    assert expected <= documented, expected - documented
