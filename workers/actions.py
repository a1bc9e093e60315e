"""Disposition actions: what enforcing a decision does to an item, and how it is verified.

An action is one class: subclass :class:`Action`, set ``name`` (the decision's action) and
the connector kinds it supports, implement ``execute`` and ``verify``. It registers itself.
An instance carries out one disposition (``execute`` then ``verify`` on the same instance)
with the process's runtime (its engine and settings).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar

from connectors.base import Connector, Item
from scanner.anonymize import redact
from scanner.errors import ScannerError
from scanner.extract import extract_text

if TYPE_CHECKING:
    from workers.runtime import Runtime

ACTIONS: dict[str, list[type[Action]]] = {}  # by name; kind-specific ones first

# Formats whose extracted text *is* the file: rewriting the text rewrites the file faithfully.
TEXT_EXTENSIONS = frozenset({"txt", "text", "csv", "tsv", "log", "md", "json", "xml"})
MAX_REDACTION_PASSES = 3  # redacting can reveal nothing new in practice; bounded anyway


class Action(ABC):
    """Carries out one approved disposition on one item through its connector."""

    name: ClassVar[str]
    kinds: ClassVar[frozenset[str] | None] = None  # connector kinds supported; None = all

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__ or "kinds" in cls.__dict__:
            variants = ACTIONS.setdefault(cls.name, [])
            variants.insert(0 if cls.kinds is not None else len(variants), cls)

    @abstractmethod
    def execute(self, connector: Connector, item: Item) -> None:
        """Act on the item; idempotent (a second call after success changes nothing)."""

    @abstractmethod
    def verify(self, connector: Connector, item: Item) -> bool:
        """Read back: True only when the action's effect is observed at the source."""

    def report(self) -> dict[str, Any]:
        """Facts for the audit trail and the certificate (counts, never content)."""
        return {}


class Delete(Action):
    """Irreversible deletion of every copy the connector reaches."""

    name = "delete"

    def execute(self, connector: Connector, item: Item) -> None:
        connector.delete(item)

    def verify(self, connector: Connector, item: Item) -> bool:
        return not connector.exists(item)


class Anonymize(Action):
    """Rewrite a text item with every detected value replaced by ``[ENTITY_TYPE]``.

    Only plain-text formats (by the key's extension, :data:`TEXT_EXTENSIONS`) are rewritten:
    their extracted text is the file itself, so the rewrite keeps everything but the values.
    The text is written back NFC-normalised, as UTF-8. The connector's ``replace`` destroys
    every earlier copy (old content zeroed, older object versions deleted). Verified by
    reading the new content back: what was written, no detection left, exactly one copy.
    Content with nothing detected and a single copy is left untouched (a repeated or
    retried anonymization changes nothing).
    """

    name = "anonymize"

    def __init__(self, runtime: Runtime) -> None:
        super().__init__(runtime)
        self._result: tuple[Item, str] | None = None  # the item now, the text it must hold

    def execute(self, connector: Connector, item: Item) -> None:
        _require_text_format(item.key)
        text = self._text(connector, item)
        redacted = self._redact(text)
        if redacted == text and connector.copies(item) == 1:
            self._result = (item, text)
            return
        self._result = (connector.replace(item, _encode(redacted)), redacted)

    def verify(self, connector: Connector, item: Item) -> bool:
        if self._result is None:
            return False
        current, expected = self._result
        text = self._text(connector, current)
        if text != expected or self.runtime.engine.analyze(text).detections:
            return False
        return connector.copies(current) == 1

    def _text(self, connector: Connector, item: Item) -> str:
        return self._text_of(connector.read_bytes(item, self.runtime.settings.read_limit), item.key)

    @staticmethod
    def _text_of(data: bytes, key: str) -> str:
        try:
            return extract_text(data, _name(key))
        except ScannerError as exc:
            raise ValueError(f"cannot anonymize: {exc}") from exc

    def _redact(self, text: str) -> str:
        """Redact until the engine finds nothing more (a few passes at most)."""
        for _ in range(MAX_REDACTION_PASSES):
            detections = self.runtime.engine.analyze(text).detections
            if not detections:
                return text
            text = redact(text, detections)
        if self.runtime.engine.analyze(text).detections:
            raise ValueError(f"values still detected after {MAX_REDACTION_PASSES} redaction passes")
        return text


def _name(key: str) -> str:
    """The item's file name (an S3 key's ``?versionId=`` suffix is not part of it)."""
    return PurePosixPath(key.split("?versionId=", 1)[0]).name


def _require_text_format(key: str) -> None:
    extension = PurePosixPath(_name(key)).suffix.lower().lstrip(".")
    if extension not in TEXT_EXTENSIONS:
        what = f".{extension} items" if extension else "items without an extension"
        raise ValueError(f"anonymizing {what} is not supported yet (text formats only)")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def action_for(name: str, connector_kind: str, runtime: Runtime) -> Action:
    """The action implementation for a disposition, or a ValueError saying why there is none."""
    for cls in ACTIONS.get(name, []):
        if cls.kinds is None or connector_kind in cls.kinds:
            return cls(runtime)
    raise ValueError(f"no {name!r} action is available for {connector_kind} sources yet")
