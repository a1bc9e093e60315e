"""The configuration: one YAML file, validated at start, errors naming the field.

Looked up in this order: ``--config FILE``, ``$EXPUNGE_CONFIG``, ``./expunge.yaml``; with
none of them, the embedded defaults (SQLite catalog, in-process broker, no sources).
Secrets come only from the environment: ``${VAR}`` (or ``${VAR:-default}``) in any value.
Relative paths (a files source's ``path``, a SQLite catalog or source) are relative to the
file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from croniter import croniter
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

import connectors  # noqa: F401  (registers the built-in connectors)
from catalog.store import DEFAULT_URL
from connectors.base import CONNECTORS, connector_kinds
from rules.decide import Rulebook
from rules.errors import PolicyError
from rules.policy import Binding, load_pack
from workers.breaker import DEFAULT_MAX_ITEMS, DEFAULT_MAX_SHARE
from workers.schedule import Schedule
from workers.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_ENFORCE_TIME_LIMIT,
    DEFAULT_READ_LIMIT,
    WorkerSettings,
)

CONFIG_FILE = "expunge.yaml"
ENV_VAR = "EXPUNGE_CONFIG"
_VAR = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?P<default>[^}]*))?\}")


class ConfigError(Exception):
    """The configuration is invalid; each line names a field (``sources[2].bucket: …``)."""

    def __init__(self, problems: list[str], origin: str = "configuration") -> None:
        self.problems = problems
        super().__init__(f"{origin}: " + "; ".join(problems))


class BindingConfig(BaseModel):
    """Which data of a source is which record category, and what starts its clock."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Name of the source the binding applies to.")
    category: str = Field(description="A category id of a loaded rule pack, e.g. prescription.")
    clock: str = Field("mtime", description="What starts the clock: mtime, path-date (a date "
                       "in the item's path), a date column (or parent.column), or "
                       "meta:<key> / tag:<key> of an object.")
    path: str | None = Field(None, description="Glob on file paths relative to the root.")
    prefix: str | None = Field(None, description="Object key prefix (S3).")
    table: str | None = Field(None, description="Table name (databases).")
    action: Literal["delete", "anonymize", "review"] | None = Field(
        None, description="Overrides the category's action after expiry.")


class ScheduleConfig(BaseModel):
    """A cron schedule (UTC) that runs one job, once per firing across all schedulers."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Unique name, shown in the audit trail.")
    cron: str = Field(description="Cron expression, e.g. '0 2 * * *' (02:00 UTC daily); "
                      "a sixth field gives seconds.")
    run: Literal["scan", "plan", "enforce"] = Field(
        description="scan sources, plan (decide and propose), or enforce approved "
                    "dispositions (auto-approved ones included).")
    sources: list[str] = Field([], description="Sources to scan or plan (default: all).")

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        if not croniter.is_valid(value):
            raise ValueError(f"{value!r} is not a cron expression")
        return value


class ScanConfig(BaseModel):
    """How scans read and classify."""

    model_config = ConfigDict(extra="forbid")

    batch_size: int = Field(DEFAULT_BATCH_SIZE, ge=1, le=10_000,
                            description="Items per classification message.")
    max_file_size: int = Field(DEFAULT_READ_LIMIT, ge=1,
                               description="Bytes read at most from one item; bigger ones are "
                                           "reported as errors.")
    score_threshold: float = Field(0.5, ge=0, le=1,
                                   description="Minimum detection score kept as a finding.")


class EnforceConfig(BaseModel):
    """The safety breaker: limits past which an enforcement run waits for --confirm."""

    model_config = ConfigDict(extra="forbid")

    max_items: int = Field(DEFAULT_MAX_ITEMS, ge=1,
                           description="Most dispositions one run may carry out unconfirmed.")
    max_share: float = Field(DEFAULT_MAX_SHARE, gt=0, le=1,
                             description="Largest share of a source's items one run may "
                                         "destroy unconfirmed (sources of 20+ items).")
    time_limit: int = Field(DEFAULT_ENFORCE_TIME_LIMIT, ge=1,
                            description="Seconds one disposition may take; a worker silent "
                                        "for 1.25× this long is presumed dead and its work "
                                        "is taken over.")


class Config(BaseModel):
    """The whole configuration file."""

    model_config = ConfigDict(extra="forbid")

    catalog: str = Field(DEFAULT_URL, description="SQLAlchemy URL of the catalog database.")
    broker: str = Field("embedded", description="embedded, redis://… or amqp://…")
    rules: list[str] = Field(["kr-medical"], description="Built-in pack names or pack files.")
    sources: list[dict[str, Any]] = Field([], description="Where data lives; see connectors.")
    bindings: list[BindingConfig] = Field([], description="Site bindings to categories.")
    scan: ScanConfig = Field(default_factory=ScanConfig, description="Scan settings.")
    enforce: EnforceConfig = Field(default_factory=EnforceConfig,
                                   description="Safety breaker limits.")
    certificates_dir: str = Field(".expunge/certificates",
                                  description="Where destruction certificates are written.")
    exports_dir: str = Field(".expunge/exports",
                             description="Where research exports are built (one folder each).")
    worker_threads: int = Field(2, ge=1, le=64, description="Threads per worker process.")
    schedules: list[ScheduleConfig] = Field([], description="Cron schedules for "
                                            "`expunge scheduler`.")

    @field_validator("broker")
    @classmethod
    def _known_broker(cls, value: str) -> str:
        if value != "embedded" and not value.startswith(("redis://", "rediss://", "amqp://")):
            raise ValueError("must be 'embedded', redis://… or amqp://…")
        return value

    def source_names(self) -> list[str]:
        return [str(s["name"]) for s in self.sources]

    def schedule_specs(self) -> list[Schedule]:
        return [Schedule(s.name, s.cron, s.run, tuple(s.sources)) for s in self.schedules]

    def rule_bindings(self) -> tuple[Binding, ...]:
        return tuple(Binding(**b.model_dump()) for b in self.bindings)

    def worker_settings(self) -> WorkerSettings:
        """The plain settings the workers run with."""
        return WorkerSettings(
            catalog_url=self.catalog, broker_url=self.broker,
            sources={str(s["name"]): s for s in self.sources}, packs=tuple(self.rules),
            bindings=self.rule_bindings(),
            batch_size=self.scan.batch_size, read_limit=self.scan.max_file_size,
            score_threshold=self.scan.score_threshold, certificates_dir=self.certificates_dir,
            worker_threads=self.worker_threads, max_enforce_items=self.enforce.max_items,
            max_enforce_share=self.enforce.max_share, enforce_time_limit=self.enforce.time_limit,
        )


def redacted(url: str) -> str:
    """A URL safe to print: any password replaced by ***."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _messages(error: ValidationError, prefix: tuple[int | str, ...] = ()) -> list[str]:
    return [f"{_location(prefix + tuple(e['loc']))}: {e['msg']}" for e in error.errors()]


def expand_env(value: Any, path: tuple[int | str, ...] = ()) -> Any:
    """Replace ``${VAR}`` in every string; a missing variable is an error naming the field."""
    if isinstance(value, dict):
        return {k: expand_env(v, path + (k,)) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_env(v, path + (i,)) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def substitute(match: re.Match[str]) -> str:
        name, default = match.group("name"), match.group("default")
        if name in os.environ:
            return os.environ[name]
        if default is not None:
            return default
        raise ConfigError([f"{_location(path)}: environment variable {name} is not set"])

    return _VAR.sub(substitute, value)


def _sqlite_relative_to(url: str, base: Path) -> str:
    """A SQLite URL with a relative file path made absolute against ``base``."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/"):
        database = url[len(prefix):]
        if database and database != ":memory:":
            return prefix + str((base / database).resolve())
    return url


def _resolve_paths(config: Config, base: Path) -> None:
    for source in config.sources:
        if source.get("kind") == "files" and "path" in source:
            source["path"] = str((base / str(source["path"])).resolve())
        for key in ("url", "enforce_url"):
            if source.get("kind") == "database" and isinstance(source.get(key), str):
                source[key] = _sqlite_relative_to(source[key], base)
    config.catalog = _sqlite_relative_to(config.catalog, base)
    if not Path(config.certificates_dir).is_absolute():
        config.certificates_dir = str((base / config.certificates_dir).resolve())
    if not Path(config.exports_dir).is_absolute():
        config.exports_dir = str((base / config.exports_dir).resolve())


def _check_sources(config: Config) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for i, source in enumerate(config.sources):
        kind = source.get("kind")
        if kind not in CONNECTORS:
            problems.append(f"sources[{i}].kind: unknown kind {kind!r} "
                            f"(known: {', '.join(connector_kinds())})")
            continue
        try:
            options = CONNECTORS[str(kind)].Options.model_validate(source)
        except ValidationError as exc:
            problems += _messages(exc, ("sources", i))
            continue
        if options.name in seen:
            problems.append(f"sources[{i}].name: {options.name!r} is used twice")
        seen.add(options.name)
    return problems


def _check_rules(config: Config) -> list[str]:
    problems: list[str] = []
    for i, name in enumerate(config.rules):
        try:
            load_pack(name)
        except (PolicyError, OSError) as exc:
            problems.append(f"rules[{i}]: {exc}")
    names = set(config.source_names())
    problems += [f"bindings[{i}].source: no source named {b.source!r}"
                 for i, b in enumerate(config.bindings) if b.source not in names]
    problems += [f"schedules[{i}].sources: no source named {n!r}"
                 for i, s in enumerate(config.schedules) for n in s.sources if n not in names]
    seen = [s.name for s in config.schedules]
    problems += [f"schedules[{i}].name: {n!r} is used twice"
                 for i, n in enumerate(seen) if n in seen[:i]]
    if not problems:
        try:
            Rulebook([load_pack(p) for p in config.rules], config.rule_bindings())
        except PolicyError as exc:
            problems.append(str(exc))
    return problems


def parse(data: Any, base: Path, origin: str = "configuration") -> Config:
    """Validate already-loaded YAML data; raise ConfigError listing every problem."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(["the file must hold a mapping of settings"], origin)
    try:
        config = Config.model_validate(expand_env(data))
    except ValidationError as exc:
        raise ConfigError(_messages(exc), origin) from None
    except ConfigError as exc:
        raise ConfigError(exc.problems, origin) from None
    problems = _check_sources(config) + _check_rules(config)
    if problems:
        raise ConfigError(problems, origin)
    _resolve_paths(config, base)
    return config


def find_config_file(explicit: str | None) -> Path | None:
    """The file in use: --config, then $EXPUNGE_CONFIG, then ./expunge.yaml."""
    for candidate in (explicit, os.environ.get(ENV_VAR)):
        if candidate:
            return Path(candidate)
    default = Path(CONFIG_FILE)
    return default if default.exists() else None


def load(explicit: str | None = None) -> Config:
    """Load and validate the configuration in use (embedded defaults when there is none)."""
    path = find_config_file(explicit)
    if path is None:
        return parse({}, Path.cwd(), "defaults")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"cannot read it ({exc.strerror})"], str(path)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError([f"not valid YAML: {exc}"], str(path)) from None
    return parse(data, path.parent.resolve(), str(path))
