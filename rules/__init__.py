"""Retention rules: record categories, how long each is kept, and what is due for an item.

A pure library (stdlib, pyyaml, pydantic): packs are loaded with :func:`load_pack`, combined
with the site's bindings in a :class:`Rulebook`, which decides items described by
:class:`ItemFacts`. Legal holds are checked with :func:`holds_covering`.
"""

from rules.decide import Decision, ItemFacts, Rulebook
from rules.errors import PolicyError
from rules.holds import HoldSpec, holds_covering
from rules.period import Period
from rules.policy import (
    Binding,
    Category,
    Pack,
    Selector,
    builtin_packs,
    load_pack,
    parse_pack,
)

__all__ = [
    "Binding",
    "Category",
    "Decision",
    "HoldSpec",
    "ItemFacts",
    "Pack",
    "PolicyError",
    "Period",
    "Rulebook",
    "Selector",
    "builtin_packs",
    "holds_covering",
    "load_pack",
    "parse_pack",
]
