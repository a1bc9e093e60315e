"""The connectors' exception tree.

    ConnectorError                 anything a connector raises on purpose
    ├── SourceUnreachable          the source as a whole cannot be reached (retryable)
    ├── AccessDenied               the source refused (bad credentials, permissions)
    ├── NotSupported               this kind of source cannot do that (e.g. rewrite an item)
    ├── ItemError                  one item failed; the rest of the source goes on
    │   ├── ItemVanished           the item disappeared between listing and use
    │   ├── ItemTooLarge           the item is bigger than the read cap
    │   ├── ItemChanged            the item no longer matches the fingerprint it was approved with
    │   ├── ItemAccessDenied       permission denied on this one item
    │   ├── ItemLocked             storage refuses deletion: legal hold, unexpired retention
    │   └── PathEscapesRoot        the item would resolve outside the source root
    └── DeletionFailed             a deletion ran but could not be verified

Each connector maps its driver's exceptions to these at its boundary, so callers never
catch an ``OSError`` or a ``botocore`` error. Messages name the item, never its content.
"""

from __future__ import annotations


class ConnectorError(Exception):
    """Base of every error a connector raises on purpose."""

    retryable = False


class SourceUnreachable(ConnectorError):
    """The source cannot be reached now (network, mount missing); worth retrying."""

    retryable = True


class AccessDenied(ConnectorError):
    """The source refused our credentials or permissions."""


class NotSupported(ConnectorError):
    """The operation is not available for this kind of source (e.g. rewriting a table column)."""


class ItemError(ConnectorError):
    """One item failed; the rest of the source is unaffected."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason

    def __reduce__(self) -> tuple[type[ItemError], tuple[str, str]]:
        """Pickle as (key, reason), so that the error crosses process boundaries intact."""
        return type(self), (self.key, self.reason)


class ItemVanished(ItemError):
    """The item disappeared between listing and use."""


class ItemTooLarge(ItemError):
    """The item exceeds the configured read cap."""


class ItemChanged(ItemError):
    """The item's content changed since it was fingerprinted (and approved)."""


class ItemAccessDenied(ItemError):
    """Permission denied on this one item."""


class ItemLocked(ItemError):
    """The storage refuses to delete the item: a legal hold or an unexpired retention period.

    The reason says which, e.g. ``legal hold on version X`` or ``COMPLIANCE retention until
    2031-01-01T00:00:00+00:00 on version X``. Not retryable until the lock is lifted or expires.
    """


class PathEscapesRoot(ItemError):
    """The item resolves outside the source root (``..``, a symlink out)."""


class DeletionFailed(ItemError):
    """A deletion ran but the item is still readable afterwards."""
