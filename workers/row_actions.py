"""Disposition actions on database row sets: batched deletion and in-place anonymization.

Imported by :mod:`workers.enforce`, which registers them; they take precedence over the
generic actions for ``database`` sources.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, cast

from sqlalchemy import select

from catalog.models import Item as ItemRow
from catalog.models import Source
from connectors.base import Connector, Item
from connectors.database import rowset_of
from connectors.rowsets import RowSet
from scanner.anonymize import redact
from scanner.transform import generalize, is_pseudonym, key_from_env, pseudonym
from workers.actions import Action, Delete

DATABASE = frozenset({"database"})
VERIFY_SAMPLE = 500  # rows re-read and rescanned after an anonymization
MAX_REDACTION_PASSES = 3
CLINICAL = frozenset({"MEDICAL_CONDITION", "MEDICAL_PROCEDURE", "MEDICATION"})  # kept: research
IDENTIFIERS = frozenset({
    "KR_RRN", "VN_NATIONAL_ID", "KR_PASSPORT", "VN_PASSPORT", "KR_DRIVER_LICENSE",
    "KR_HEALTH_INSURANCE", "KR_BRN", "CREDIT_CARD", "IBAN_CODE", "EMAIL_ADDRESS",
    "PHONE_NUMBER", "IP_ADDRESS", "MEDICAL_RECORD_NUMBER", "URL",
})
STRATEGIES = ("null", "pseudonym", "generalize:year", "generalize:month", "redact")
WHOLE_VALUE_SHARE = 0.5  # a column where most values are one entity holds that entity whole
FREE_TEXT_TYPES = ("TEXT", "CLOB", "JSON", "LONG")


class RowStore(Protocol):
    """What the row actions need of the database connector."""

    options: Any

    def delete_rows(self, rowset: RowSet) -> int: ...

    def update_rows(self, rowset: RowSet, columns: Sequence[str],
                    rewrite: Callable[[dict[str, Any]], dict[str, Any]]) -> int: ...

    def read_rows(self, rowset: RowSet, columns: Sequence[str],
                  limit: int) -> list[dict[str, Any]]: ...

    def nullable(self, table: str, column: str) -> bool: ...


class DeleteRows(Delete):
    """Delete a row set and its dependants in batches; verified by a count of zero."""

    kinds = DATABASE

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._deleted = 0

    def execute(self, connector: Connector, item: Item) -> None:
        self._deleted = cast(RowStore, connector).delete_rows(rowset_of(item))

    def report(self) -> dict[str, Any]:
        return {"rows_deleted": self._deleted}


class AnonymizeRows(Action):
    """Rewrite the personal columns of a row set in place, column by column.

    A column's strategy comes from the source's ``anonymize`` setting, else from its findings:
    a birth date is generalized to the year, a column of identifiers is emptied (or
    pseudonymized when it cannot be NULL), a column of names is pseudonymized (HMAC, key from
    ``EXPUNGE_PSEUDONYM_KEY``), free text is redacted by the engine. Clinical terms stay: an
    anonymized chart is for research. Every strategy is idempotent, so a rerun changes nothing.
    Verified by rescanning up to VERIFY_SAMPLE rewritten rows.
    """

    name = "anonymize"
    kinds = DATABASE

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._plan: dict[str, str] = {}
        self._changed = 0

    def execute(self, connector: Connector, item: Item) -> None:
        store, rowset = cast(RowStore, connector), rowset_of(item)
        self._plan = self.strategies(store, rowset.table)
        if not self._plan:
            raise ValueError(f"{rowset.table}: no column to anonymize (no findings, no "
                             "`anonymize` setting)")
        key = key_from_env() if "pseudonym" in self._plan.values() else b""
        rewrite = _rewriter(self._plan, key, self._redact)
        self._changed = store.update_rows(rowset, list(self._plan), rewrite)

    def verify(self, connector: Connector, item: Item) -> bool:
        rows = cast(RowStore, connector).read_rows(rowset_of(item), list(self._plan),
                                                   VERIFY_SAMPLE)
        return all(self._clean(self._plan[c], v) for row in rows for c, v in row.items())

    def report(self) -> dict[str, Any]:
        return {"rows_rewritten": self._changed, "columns": self._plan}

    def strategies(self, store: RowStore, table: str) -> dict[str, str]:
        """Column → strategy: the configured ones, then those the findings call for."""
        configured = dict(store.options.anonymize.get(table, {}))
        for column, strategy in configured.items():
            if strategy not in STRATEGIES:
                raise ValueError(f"anonymize.{table}.{column}: {strategy!r} is not one of "
                                 f"{', '.join(STRATEGIES)}")
        found = self._found(store.options.name, table)
        for column, (types, shares, sql_type) in found.items():
            if column not in configured:
                chosen = default_strategy(types, shares, sql_type,
                                          store.nullable(table, column))
                if chosen is not None:
                    configured[column] = chosen
        return configured

    def _found(self, source: str, table: str) -> dict[str, tuple[set[str], dict[str, float], str]]:
        """Per column of the table: entity types found, their shares, the SQL type."""
        with self.runtime.catalog.session() as session:
            rows = session.execute(select(ItemRow).join(Source).where(
                Source.name == source, ItemRow.kind == "column",
                ItemRow.state == "present")).scalars().all()
            return {str(r.attributes["column"]): (
                {f.entity_type for f in r.findings},
                {f.entity_type: f.share or 0.0 for f in r.findings},
                str(r.attributes.get("type", "")))
                for r in rows if (r.attributes or {}).get("table") == table and r.findings}

    def _identifying(self, text: str) -> list[Any]:
        return [d for d in self.runtime.engine.analyze(text).detections
                if d.entity_type not in CLINICAL]

    def _redact(self, text: str) -> str:
        for _ in range(MAX_REDACTION_PASSES):
            found = self._identifying(text)
            if not found:
                break
            text = redact(text, found)
        return text

    def _clean(self, strategy: str, value: Any) -> bool:
        """Whether a rewritten value shows the strategy's effect."""
        if value is None:
            return True
        if strategy == "null":
            return False
        if strategy == "pseudonym":
            return is_pseudonym(value)
        if strategy.startswith("generalize:"):
            return bool(generalize(value, strategy.split(":")[1]) == value)  # type: ignore[arg-type]
        return not self._identifying(str(value))


def default_strategy(types: set[str], shares: Mapping[str, float], sql_type: str,
                     nullable: bool) -> str | None:
    """The strategy a column's findings call for, None when it holds nothing identifying.

    A short column holding one kind of value (an RRN column, a name column) loses the value
    whole; free text (TEXT, CLOB, JSON types, or several kinds of value) is redacted.
    """
    identifying = types - CLINICAL
    if not identifying:
        return None
    kind = sql_type.upper()
    if "DATE_OF_BIRTH" in identifying and any(t in kind for t in ("DATE", "TIME")):
        return "generalize:year"
    free_text = any(t in kind for t in FREE_TEXT_TYPES) or len(identifying) > 1
    (only,) = identifying if len(identifying) == 1 else ("",)
    if free_text or shares.get(only, 0.0) < WHOLE_VALUE_SHARE:
        return "redact"
    if only in IDENTIFIERS:
        return "null" if nullable else "pseudonym"
    return "pseudonym" if only == "PERSON" else "redact"


def _rewriter(plan: Mapping[str, str], key: bytes,
              redactor: Callable[[str], str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The per-row rewrite: new values of the columns that change, nothing for the rest."""

    def rewrite(row: dict[str, Any]) -> dict[str, Any]:
        updates: dict[str, Any] = {}
        for column, strategy in plan.items():
            value = row.get(column)
            if value is None:
                continue
            new = _apply(strategy, value, key, redactor)
            if new != value:
                updates[column] = new
        return updates

    return rewrite


def _apply(strategy: str, value: Any, key: bytes, redactor: Callable[[str], str]) -> Any:
    if strategy == "null":
        return None
    if strategy == "pseudonym":
        return value if is_pseudonym(value) else pseudonym(str(value), key)
    if strategy.startswith("generalize:"):
        return generalize(value, strategy.split(":")[1])  # type: ignore[arg-type]
    return redactor(value) if isinstance(value, str) else value

