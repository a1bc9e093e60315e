"""Recognizers, one file each, in Presidio's shape (PATTERNS, CONTEXT, validate_result).

Identifiers are language-independent, but Presidio filters recognizers by language, so each
module's ``recognizers(languages)`` returns one instance per language. Adding a recognizer is
adding a module here and listing it in ``MODULES``; its class may declare a ``TRIGGER``
(trigger.py) so the engine skips it on texts that cannot hold a match.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from scanner.recognizers import (
    address,
    credit_card,
    date_of_birth,
    email,
    fields,
    iban,
    ip_address,
    kr_brn,
    kr_driver_license,
    kr_health_insurance,
    kr_passport,
    kr_rrn,
    medical,
    medical_record_number,
    person_en,
    person_ko,
    person_vi,
    phone,
    url,
    vn_national_id,
    vn_passport,
)
from scanner.recognizers.base import LANGUAGES

MODULES = (
    kr_rrn,
    phone,
    email,
    credit_card,
    kr_passport,
    kr_driver_license,
    kr_health_insurance,
    kr_brn,
    vn_national_id,
    vn_passport,
    medical_record_number,
    iban,
    ip_address,
    url,
    date_of_birth,
    medical,
    person_ko,
    person_vi,
    person_en,
    address,
    fields,
)


def default_recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[EntityRecognizer]:
    """Return every built-in recognizer, one instance per language."""
    found: list[EntityRecognizer] = []
    for module in MODULES:
        found.extend(module.recognizers(languages))
    return found
