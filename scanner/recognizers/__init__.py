"""Recognizers, one file each, in Presidio's shape (PATTERNS, CONTEXT, validate_result).

Identifiers are language-independent, but Presidio filters recognizers by language, so each
module's ``recognizers(languages)`` returns one instance per language. Adding a recognizer is
adding a module here and listing it in ``MODULES``.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from scanner.recognizers import credit_card, email, kr_rrn, phone
from scanner.recognizers.base import LANGUAGES

MODULES = (kr_rrn, phone, email, credit_card)


def default_recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EntityRecognizer]:
    """Return every built-in recognizer, one instance per language."""
    found: list[EntityRecognizer] = []
    for module in MODULES:
        found.extend(module.recognizers(languages))
    return found
