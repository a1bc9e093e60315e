"""YAML documents that remember where each value was written, for errors with line numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from rules.errors import PolicyError

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """A parsed YAML document and the line (1-based) of every key and list item in it."""

    data: Any
    lines: dict[Loc, int]
    path: str

    def line_of(self, loc: Iterable[str | int]) -> int:
        """The line of ``loc``, or of its nearest enclosing value that exists."""
        parts = tuple(loc)
        while parts not in self.lines:
            parts = parts[:-1]
        return self.lines[parts]

    def error(self, loc: Iterable[str | int], message: str) -> PolicyError:
        """A PolicyError pointing at ``loc`` in this document."""
        parts = tuple(loc)
        return PolicyError(
            message, path=self.path, line=self.line_of(parts), field=field_name(parts)
        )


def field_name(loc: Iterable[str | int]) -> str:
    """Render a location as ``categories.prescription.retention`` or ``selectors[2].path``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def parse(text: str, path: str) -> Document:
    """Parse one YAML document; syntax errors and duplicate keys become PolicyError."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise PolicyError("the file is empty", path=path, line=1)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else mark.line + 1
        raise PolicyError(f"invalid YAML: {exc.problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise PolicyError(f"invalid YAML: {exc}", path=path) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {(): node.start_mark.line + 1}
    _record_lines(node, (), lines, path)
    return Document(data=data, lines=lines, path=path)


def _record_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: str) -> None:
    """Walk the node tree, noting the line of every mapping key and sequence item."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*loc, str(key_node.value))
            if child in lines:
                line = key_node.start_mark.line + 1
                message = f"duplicate key {key_node.value!r}"
                raise PolicyError(message, path=path, line=line, field=field_name(child))
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1
            _record_lines(item, (*loc, index), lines, path)
