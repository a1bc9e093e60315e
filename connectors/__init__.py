"""Where data lives: list, read and destroy the items of a source.

Importing this package registers the built-in connectors, so that :func:`build_connector`
knows their kinds.
"""

from connectors import database, files, s3, smb
from connectors.base import Connector, ConnectorOptions, Item, ListingError, build_connector

__all__ = [
    "Connector",
    "ConnectorOptions",
    "Item",
    "ListingError",
    "build_connector",
    "database",
    "files",
    "s3",
    "smb",
]
