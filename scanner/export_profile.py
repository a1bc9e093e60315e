"""Research export profiles: the privacy model and what becomes of each column.

A profile is YAML (see docs/exports.md)::

    k: 5
    l: 2
    max_suppression: 0.05
    columns:
      patient_name: identifier                      # dropped
      patient_id: {role: identifier, pseudonymize: true}
      birth_date: {role: quasi, generalize: year}
      visit_date: {role: quasi, shift_days: 30}
      diagnosis: sensitive
      note: {role: insensitive, redact: true}

Columns the profile does not name are left out of the export. ``suggest`` drafts a profile
from the entity types detection found in each column. Errors name the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from scanner.hierarchies import HIERARCHY_NAMES

Role = Literal["identifier", "quasi", "sensitive", "insensitive"]
IDENTIFYING = frozenset(
    {
        "KR_RRN",
        "VN_NATIONAL_ID",
        "KR_PASSPORT",
        "VN_PASSPORT",
        "KR_DRIVER_LICENSE",
        "KR_HEALTH_INSURANCE",
        "KR_BRN",
        "CREDIT_CARD",
        "IBAN_CODE",
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "IP_ADDRESS",
        "MEDICAL_RECORD_NUMBER",
        "URL",
        "PERSON",
    }
)
QUASI = {"DATE_OF_BIRTH": "date", "ADDRESS": "address", "LOCATION": "address"}
SENSITIVE = frozenset({"MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"})


class ProfileError(ValueError):
    """The profile is invalid; each problem names its field (``columns.sex.role: …``)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class ColumnSpec(BaseModel):
    """What happens to one column."""

    model_config = ConfigDict(extra="forbid")

    role: Role = Field(
        description="identifier (dropped or pseudonymized), quasi "
        "(generalized), sensitive (kept, l-diverse), insensitive (kept)."
    )
    pseudonymize: bool = Field(False, description="identifier: keep a keyed pseudonym.")
    generalize: str | None = Field(
        None,
        description="quasi: the hierarchy (date, month, "
        "quarter, year, number, age, address, postcode, category).",
    )
    bands: list[int] | None = Field(None, description="quasi numbers: band widths.")
    hierarchy: dict[str, list[str]] | None = Field(
        None, description="quasi: user-defined value → ancestors, most specific first."
    )
    weight: float = Field(
        1.0,
        gt=0,
        le=100,
        description="quasi: how much losing this "
        "column's detail counts in the search (ARX's attribute weight).",
    )
    shift_days: int | None = Field(
        None,
        ge=1,
        le=3650,
        description="Dates: shift each subject's dates by one keyed amount within ± days.",
    )
    redact: bool = Field(False, description="Free text: replace detected identifiers.")
    drop: bool = Field(False, description="Leave the column out.")

    @model_validator(mode="after")
    def _fits_role(self) -> ColumnSpec:
        if self.pseudonymize and self.role != "identifier":
            raise ValueError("pseudonymize applies to identifiers only")
        if (
            self.generalize or self.hierarchy or self.bands or self.weight != 1.0
        ) and self.role != "quasi":
            raise ValueError(
                "generalize, bands, hierarchy and weight apply to quasi-identifiers only"
            )
        if self.generalize and self.hierarchy:
            raise ValueError("give generalize or hierarchy, not both")
        if self.generalize and self.generalize not in HIERARCHY_NAMES:
            raise ValueError(f"generalize must be one of {', '.join(HIERARCHY_NAMES)}")
        if self.drop and self.role in ("quasi", "sensitive"):
            raise ValueError("quasi-identifiers and sensitive columns cannot be dropped")
        if self.redact and self.role not in ("sensitive", "insensitive"):
            raise ValueError("redact applies to sensitive or insensitive text")
        return self


class Profile(BaseModel):
    """The privacy model and the columns."""

    model_config = ConfigDict(extra="forbid")

    k: int = Field(5, ge=1, le=10_000, description="Smallest equivalence class released.")
    l: int = Field(1, ge=1, le=1000, description="Distinct sensitive values per class.")  # noqa: E741
    max_suppression: float = Field(
        0.05,
        ge=0,
        lt=1,
        description="Largest share of records that may be left out to reach k and l.",
    )
    subject: str | None = Field(
        None,
        description="Column identifying the subject, for date "
        "shifts (default: the first identifier).",
    )
    population: int | None = Field(
        None,
        ge=1,
        description="Size of the population the data is drawn from, for journalist risk.",
    )
    columns: dict[str, ColumnSpec] = Field(description="Column name → role or settings.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """``sex: quasi`` means ``sex: {role: quasi}``."""
        if isinstance(data, dict) and isinstance(data.get("columns"), dict):
            data = dict(data)
            data["columns"] = {
                name: {"role": spec} if isinstance(spec, str) else spec
                for name, spec in data["columns"].items()
            }
        return data

    @model_validator(mode="after")
    def _coherent(self) -> Profile:
        if not self.quasi:
            raise ValueError("columns: name at least one quasi-identifier")
        if self.l > 1 and not self.sensitive:
            raise ValueError("l: l-diversity needs a sensitive column")
        if self.subject is not None and self.subject not in self.columns:
            raise ValueError(f"subject: {self.subject!r} is not one of the columns")
        if any(s.shift_days for s in self.columns.values()) and self.subject_column is None:
            raise ValueError("shift_days needs a subject column (an identifier or `subject`)")
        return self

    @property
    def quasi(self) -> list[str]:
        return [n for n, s in self.columns.items() if s.role == "quasi"]

    @property
    def sensitive(self) -> list[str]:
        return [n for n, s in self.columns.items() if s.role == "sensitive"]

    @property
    def subject_column(self) -> str | None:
        """The column whose value identifies a subject (for per-subject date shifts)."""
        if self.subject:
            return self.subject
        return next((n for n, s in self.columns.items() if s.role == "identifier"), None)

    def as_json(self) -> dict[str, Any]:
        """The profile as plain data, column settings without their defaults."""
        head = self.model_dump(mode="json", exclude_none=True, exclude={"columns"})
        return head | {
            "columns": {
                n: s.model_dump(mode="json", exclude_defaults=True) for n, s in self.columns.items()
            }
        }

    def released(self, column: str) -> bool:
        """Whether a column appears in the export."""
        spec = self.columns.get(column)
        if spec is None or spec.drop:
            return False
        return spec.role != "identifier" or spec.pseudonymize


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc if p not in ("function-after[_fits_role()]",))


def parse_profile(data: Any) -> Profile:
    """Validate loaded YAML; ProfileError names every bad field."""
    if not isinstance(data, dict):
        raise ProfileError(["the profile must be a mapping (k, l, columns, …)"])
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = [f"{_location(tuple(e['loc'])) or 'profile'}: {e['msg']}" for e in exc.errors()]
        raise ProfileError(problems) from None


def load_profile(text: str) -> Profile:
    """Parse and validate a YAML profile."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProfileError([f"not valid YAML ({type(exc).__name__})"]) from None
    return parse_profile(data)


def suggest_column(entity_types: set[str]) -> dict[str, Any]:
    """A column's starting settings from the entity types found in it."""
    if entity_types & (IDENTIFYING - {"PERSON"}):
        return {"role": "identifier"}
    if "PERSON" in entity_types:
        return {"role": "identifier", "pseudonymize": True}
    for entity, hierarchy in QUASI.items():
        if entity in entity_types:
            return {"role": "quasi", "generalize": hierarchy}
    if entity_types & SENSITIVE:
        return {"role": "sensitive"}
    return {"role": "insensitive"}


def suggest(columns: Mapping[str, set[str]], k: int = 5) -> str:
    """A starter profile (YAML) for columns and the entity types found in each."""
    specs = {name: suggest_column(found) for name, found in columns.items()}
    doc = {"k": k, "l": 1, "max_suppression": 0.05, "columns": specs}
    head = (
        "# Suggested from the catalog's findings: review every role before requesting.\n"
        "# Columns left unnamed are not exported; insensitive ones are copied as they are.\n"
    )
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
