"""One extractor class per file format; ``scanner.extract`` keeps the registry."""
