"""The rules' one exception: a pack or a binding that does not make sense.

    PolicyError        a rule pack, a binding or a clock specification is invalid

Messages point at the offending place, like a compiler does::

    kr-medical.yaml:12: categories.prescription.retention: 'P2X' is not an ISO 8601 period
    bindings[2].category: unknown category 'foo'
"""

from __future__ import annotations


class PolicyError(Exception):
    """A rule pack or a binding is invalid; ``path``, ``line`` and ``field`` say where."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        super().__init__(self._render())

    def _render(self) -> str:
        """Render as ``path:line: field: message``, leaving out the parts that are unknown."""
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        if self.field:
            where += f"{self.field}: "
        return where + self.message
