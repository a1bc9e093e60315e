"""What is in the data: text extraction, PII detection and masking.

A pure library (stdlib and third-party imports only):

- ``scanner.extract.extract_text(data, name)`` turns file bytes into text;
- ``scanner.engine.Engine().analyze(text)`` finds identifiers (offline, ko/vi/en);
- ``scanner.mask.mask(entity_type, value)`` gives the only form of a value that is stored;
- ``scanner.language.detect_language(text)`` guesses ko/vi/en from the script;
- ``scanner.errors`` holds the exception tree.

Submodules are imported on demand so that ``import scanner`` stays cheap.
"""
