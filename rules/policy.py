"""Rule packs: record categories with their retention, and selectors that recognise them.

A pack is one YAML file (``rules/packs/kr-medical.yaml`` is the built-in default)::

    name: kr-medical                  # unique among the packs in use; names its rules
    version: "2025.1"
    title: Korean medical records
    categories:                       # id -> category; ids are [a-z][a-z0-9_]*
      prescription:
        title: {en: Prescriptions, ko: 처방전}     # at least en and ko
        retention: P2Y                # ISO 8601 period: PnYnMnWnD, no time part
        clock: issue date             # what starts the clock, in words
        after: delete                 # delete | anonymize | review, once the period ends
        basis: Medical Service Act Enforcement Rule art. 15 (의료법 시행규칙 제15조)
        auto_approve: false           # optional; true lets due dispositions skip approval
    selectors:                        # optional; how to recognise a category without bindings
      - category: prescription        # required: a category of this pack
        path: "**/rx/**"              # glob on the item key: * ? within a segment, ** across
        prefix: "rx/"                 # key prefix (object stores)
        table: prescriptions          # database table
        entities: [MEDICATION]        # matches when ANY of these entity types was detected
        source: charts                # only items of this source
        clock: mtime                  # mtime (default), path-date, meta:<key>, tag:<key>, column
        action: review                # overrides the category's ``after``

A selector needs at least one of path, prefix, table, entities; all given conditions must hold.
Unknown fields are errors, and every error names its file, line and field.

A site's **bindings** (configuration, ARCHITECTURE §5) say which data is which category; they
are the site's word and are checked against the packs when a Rulebook is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictBool, ValidationError, field_validator

from rules.clock import check_clock
from rules.errors import PolicyError
from rules.globs import check_glob
from rules.period import Period
from rules.yamlsource import Document, parse

Action = Literal["delete", "anonymize", "review"]
ACTIONS: tuple[str, ...] = ("delete", "anonymize", "review")
REQUIRED_LANGUAGES = ("en", "ko")
_CATEGORY_ID = re.compile(r"[a-z][a-z0-9_]*")
_ENTITY = re.compile(r"[A-Z][A-Z0-9_]*")


@dataclass(frozen=True)
class Category:
    """A kind of record, how long the law keeps it, and what happens afterwards."""

    id: str
    title: Mapping[str, str]
    retention: Period
    clock: str
    after: Action
    basis: str
    auto_approve: bool = False


@dataclass(frozen=True)
class Selector:
    """A pack's own guess at which items belong to a category."""

    category: str
    path: str | None = None
    prefix: str | None = None
    table: str | None = None
    entities: frozenset[str] = frozenset()
    clock: str | None = None
    action: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Pack:
    """A named, versioned set of categories and selectors."""

    name: str
    version: str
    title: str
    categories: Mapping[str, Category]
    selectors: tuple[Selector, ...]


@dataclass(frozen=True)
class Binding:
    """The site's statement that items of a source (path, prefix, table) are a category."""

    source: str
    category: str
    clock: str = "mtime"
    path: str | None = None
    prefix: str | None = None
    table: str | None = None
    action: str | None = None


class _Model(BaseModel):
    """Strict base of the YAML schema."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _CategoryModel(_Model):
    """Schema of one category."""

    title: dict[str, str]
    retention: str
    clock: str
    after: Action
    basis: str
    auto_approve: StrictBool = False

    @field_validator("title")
    @classmethod
    def _has_languages(cls, title: dict[str, str]) -> dict[str, str]:
        missing = [lang for lang in REQUIRED_LANGUAGES if not title.get(lang)]
        if missing:
            raise ValueError(f"a title in {', '.join(missing)} is required")
        return title

    @field_validator("retention")
    @classmethod
    def _is_period(cls, retention: str) -> str:
        Period.parse(retention)
        return retention


class _SelectorModel(_Model):
    """Schema of one selector."""

    category: str
    path: str | None = None
    prefix: str | None = None
    table: str | None = None
    entities: list[str] = []
    clock: str | None = None
    action: Action | None = None
    source: str | None = None


class _PackModel(_Model):
    """Schema of a pack file."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    name: str
    version: str
    title: str
    categories: dict[str, _CategoryModel]
    selectors: list[_SelectorModel] = []


_MESSAGES = {
    "missing": "field required",
    "extra_forbidden": "unknown field",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "list_type": "expected a list",
    "string_type": "expected a string",
    "bool_type": "expected true or false",
}


def builtin_packs() -> list[str]:
    """Names of the packs shipped in ``rules/packs/``."""
    folder = resources.files("rules").joinpath("packs")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def load_pack(name_or_path: str) -> Pack:
    """Load a built-in pack by name, or a pack file by path; PolicyError when invalid."""
    text, display = _read_pack_text(name_or_path)
    return parse_pack(text, display)


def parse_pack(text: str, path: str = "<pack>") -> Pack:
    """Parse and validate a pack's YAML text; ``path`` is used in error messages."""
    doc = parse(text, path)
    try:
        model = _PackModel.model_validate(doc.data)
    except ValidationError as exc:
        raise _first_error(doc, exc) from None
    _check_pack(doc, model)
    return _build_pack(model)


def _read_pack_text(name_or_path: str) -> tuple[str, str]:
    """The text of a pack and the name to show in errors."""
    if name_or_path in builtin_packs():
        entry = resources.files("rules").joinpath("packs").joinpath(f"{name_or_path}.yaml")
        return entry.read_text(encoding="utf-8"), f"{name_or_path}.yaml"
    file = Path(name_or_path)
    if not file.is_file():
        known = ", ".join(builtin_packs())
        raise PolicyError(f"no built-in pack or pack file {name_or_path!r} (built-in: {known})")
    try:
        return file.read_text(encoding="utf-8"), name_or_path
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read pack: {exc}", path=name_or_path) from None


def _first_error(doc: Document, exc: ValidationError) -> PolicyError:
    """The earliest (by line) of pydantic's errors, as a PolicyError."""
    errors = [(doc.line_of(err["loc"]), err) for err in exc.errors()]
    _, err = min(errors, key=lambda pair: pair[0])
    message = _MESSAGES.get(err["type"], err["msg"])
    if err["type"] == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
    return doc.error(err["loc"], message)


def _check_pack(doc: Document, model: _PackModel) -> None:
    """Checks that span fields: ids, selector categories, globs, clocks, entity names."""
    if not model.categories:
        raise doc.error(("categories",), "a pack needs at least one category")
    for category_id in model.categories:
        if not _CATEGORY_ID.fullmatch(category_id):
            raise doc.error(("categories", category_id), "ids are lower_snake_case")
    for index, selector in enumerate(model.selectors):
        _check_selector(doc, ("selectors", index), selector, model.categories)


def _check_selector(
    doc: Document,
    loc: tuple[str | int, ...],
    selector: _SelectorModel,
    categories: Mapping[str, Any],
) -> None:
    """Validate one selector against its pack."""
    if selector.category not in categories:
        raise doc.error((*loc, "category"), f"unknown category {selector.category!r}")
    if not (selector.path or selector.prefix or selector.table or selector.entities):
        raise doc.error(loc, "a selector needs at least one of path, prefix, table, entities")
    for index, entity in enumerate(selector.entities):
        if not _ENTITY.fullmatch(entity):
            raise doc.error((*loc, "entities", index), f"{entity!r} is not an entity type")
    for field, check in (("path", check_glob), ("clock", check_clock)):
        value = getattr(selector, field)
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise doc.error((*loc, field), str(exc)) from None


def _build_pack(model: _PackModel) -> Pack:
    """Turn a validated schema model into the public frozen value classes."""
    categories = {
        category_id: Category(
            id=category_id,
            title=dict(spec.title),
            retention=Period.parse(spec.retention),
            clock=spec.clock,
            after=spec.after,
            basis=spec.basis,
            auto_approve=spec.auto_approve,
        )
        for category_id, spec in model.categories.items()
    }
    selectors = tuple(
        Selector(
            category=spec.category,
            path=spec.path,
            prefix=spec.prefix,
            table=spec.table,
            entities=frozenset(spec.entities),
            clock=spec.clock,
            action=spec.action,
            source=spec.source,
        )
        for spec in model.selectors
    )
    return Pack(model.name, model.version, model.title, categories, selectors)


def check_binding(index: int, binding: Binding, categories: Mapping[str, Category]) -> None:
    """Validate one site binding against the categories of the packs in use."""
    field = f"bindings[{index}]"
    if binding.category not in categories:
        message = f"unknown category {binding.category!r}"
        raise PolicyError(message, field=f"{field}.category")
    if binding.action is not None and binding.action not in ACTIONS:
        message = f"{binding.action!r} is not one of {', '.join(ACTIONS)}"
        raise PolicyError(message, field=f"{field}.action")
    _check_value(check_clock, binding.clock, f"{field}.clock")
    if binding.path is not None:
        _check_value(check_glob, binding.path, f"{field}.path")


def _check_value(check: Callable[[str], None], value: str, field: str) -> None:
    """Run a ValueError-raising check, re-raising as PolicyError naming ``field``."""
    try:
        check(value)
    except ValueError as exc:
        raise PolicyError(str(exc), field=field) from None
