"""S3 and S3-compatible object storage (AWS S3, MinIO): every version of every object.

Items. One item per object *version*; delete markers are not items (they hold no content).
The current version's key is the object's full key (``consents/2016/a.pdf``; the configured
prefix only filters, it is not stripped). Every non-current version is a separate item keyed
``f"{key}?versionId={version_id}"``. When a key's newest entry is a delete marker, all its
versions are non-current. (A real object key that itself ends in ``?versionId=<its own
version id>`` would be ambiguous; version ids are assigned by the server, so only an
unversioned object literally named ``…?versionId=null`` could be, and is read as the
non-current ``null`` version of the shorter key.)

Fingerprint. ``f"{version_id}:{etag}"`` (quotes stripped from the ETag; ``null`` for an
object written while versioning was off). A version is immutable, so a write always shows up
as a new version, i.e. a new current item and a changed fingerprint for the current key.

Metadata. Rules select on ``meta:<name>`` (the object's user metadata, ``x-amz-meta-<name>``)
and ``tag:<name>`` (its tags). Neither is in the version listing: each version costs one
HeadObject, plus one GetObjectTagging when HeadObject reports tags. So the listing yields
bare versions, and ``describe_many`` fetches metadata only for versions the catalog has not
seen (in a thread pool of ``max_workers``): a rescan of an unchanged bucket costs N/1000 list
calls and nothing more. A version's user metadata is immutable; its tags are not, and a tag
changed in place on an already-scanned version is not re-read. ``read_metadata: false``
skips metadata entirely when no rule needs it.

Deletion. The policy requires every copy to go: deleting the current item of a key removes every
version and every delete marker of that key (an older version's item goes alone), with
DeleteObjects and version ids in batches of up to 1 000, the item's own version last; then it
lists the key again and fails (DeletionFailed) if anything remains. It refuses (ItemChanged)
when the item's own version still exists with another ETag, or, for a current item, when a
version newer than the approved one was written since (new content nobody approved). If the own
version is already gone but older versions or markers remain (a retried, partly done deletion),
the rest is deleted. Nothing left: no-op.

Anonymization. :meth:`S3Connector.replace` rewrites only the *current* version of a key, and
only while it is still current and unchanged (ItemChanged otherwise: nothing is ever anonymized
from a stale version); older versions are not anonymized on their own (ItemError), they are
destroyed by the current one's anonymization. Every version is checked for Object Lock first
(ItemLocked: nothing written, nothing deleted); then the redacted bytes are put on the same key
with the current version's user metadata and tags (``Content-Type: text/plain; charset=utf-8``),
every version and delete marker listed before that put is deleted as above, and the key is
listed again: anything but the new version left is DeletionFailed.

Object Lock. On a bucket with Object Lock, every version is checked (HeadObject) before anything
is deleted: a legal hold, a COMPLIANCE retention or a GOVERNANCE retention not yet expired makes
the deletion fail with :class:`ItemLocked` naming the reason and version, and nothing of the key
is removed. GOVERNANCE retention is bypassed only with ``allow_governance_bypass: true``
(DeleteObjects with ``BypassGovernanceRetention``), and each bypass is logged on the
``connectors.s3`` logger at WARNING; legal holds and COMPLIANCE retention are never bypassed.

Credentials and region come from boto3's usual chain (environment, shared profile, instance
role), never from the options.

"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlencode

import boto3
import botocore.exceptions as bex
import urllib3.exceptions
from botocore.config import Config
from pydantic import Field

from connectors.base import CHUNK_SIZE, Connector, ConnectorOptions, Item, ListingError
from connectors.errors import (
    AccessDenied,
    ConnectorError,
    DeletionFailed,
    ItemAccessDenied,
    ItemChanged,
    ItemError,
    ItemLocked,
    ItemVanished,
    PathEscapesRoot,
    SourceUnreachable,
)

log = logging.getLogger("connectors.s3")

RANGE_SIZE = 8 * 1024 * 1024  # bytes per ranged GET
DELETE_BATCH = 1000  # DeleteObjects' own maximum
_LOCK_RECHECKS = 20  # versions re-examined to explain a refused deletion
_VERSION_MARK = "?versionId="

_VANISHED = {"NoSuchKey", "NoSuchVersion", "404", "NotFound"}
_DENIED = {"AccessDenied", "403", "Forbidden", "AllAccessDisabled"}
_BAD_CREDENTIALS = {
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "InvalidToken",
    "AccountProblem",
}
_BUCKET_GONE = {"NoSuchBucket", "PermanentRedirect", "AuthorizationHeaderMalformed"}
_CONNECTION_ERRORS = (bex.HTTPClientError, urllib3.exceptions.HTTPError, OSError)


class S3Options(ConnectorOptions):
    """Settings of a ``kind: s3`` source: one bucket (optionally one prefix of it)."""

    kind: Literal["s3"] = Field("s3", description="Always `s3` for this connector.")
    bucket: str = Field(
        pattern=r"^[A-Za-z0-9._-]{3,255}$",
        description="Bucket name, e.g. `clinic-archive`.",
    )
    prefix: str = Field(
        "",
        description=(
            "Only keys starting with this are listed, e.g. `consents/`. Keys stay full keys;"
            " the prefix is not stripped."
        ),
    )
    endpoint_url: str | None = Field(
        None,
        description="S3-compatible endpoint, e.g. `http://127.0.0.1:9000` for MinIO; AWS if unset.",
    )
    region: str | None = Field(
        None, description="Region name; boto3's usual chain (AWS_DEFAULT_REGION, profile) if unset."
    )
    allow_governance_bypass: bool = Field(
        False,
        description=(
            "Delete versions under GOVERNANCE-mode Object Lock retention (needs the"
            " s3:BypassGovernanceRetention permission; every bypass is logged). Legal holds and"
            " COMPLIANCE retention are never bypassed."
        ),
    )
    max_workers: int = Field(
        8,
        ge=1,
        le=64,
        description="Parallel requests: metadata/tag lookups while listing, lock checks, GETs.",
    )
    read_metadata: bool = Field(
        True,
        description=(
            "Fetch each version's user metadata (`meta:<name>`) and tags (`tag:<name>`) while"
            " listing: one or two requests per version. Turn off if no rule selects on them."
        ),
    )
    page_size: int = Field(
        1000, ge=1, le=1000, description="Versions per ListObjectVersions page (at most 1000)."
    )


@dataclass(frozen=True)
class _Entry:
    """One version or delete marker of a key, as listed."""

    key: str
    version_id: str
    is_latest: bool
    last_modified: datetime
    marker: bool
    etag: str = ""
    size: int = 0

    @property
    def item_key(self) -> str:
        if self.is_latest and not self.marker:
            return self.key
        return f"{self.key}{_VERSION_MARK}{self.version_id}"


@dataclass(frozen=True)
class _Target:
    """What an item points at: the object key, its version, and whether it was current."""

    key: str
    version_id: str
    etag: str
    current: bool


def _code(exc: bex.ClientError) -> str:
    error = exc.response.get("Error", {})
    return str(error.get("Code") or exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode"))


def _version(version_id: str, latest: bool) -> dict[str, str]:
    """The VersionId argument; left out for the current ``null`` version (the object of an
    unversioned bucket), which some S3-compatible servers refuse to address by id."""
    return {} if version_id == "null" and latest else {"VersionId": version_id}


def _strip_etag(etag: Any) -> str:
    return str(etag or "").strip('"')


class S3Connector(Connector):
    """Lists, reads and destroys every version of the objects in one bucket (and prefix)."""

    kind = "s3"
    Options = S3Options
    options: S3Options

    def __init__(self, options: ConnectorOptions) -> None:
        super().__init__(options)
        options = self.options
        self.read_concurrency = options.max_workers  # GETs are latency-bound: read in parallel
        config = Config(
            max_pool_connections=max(10, options.max_workers + 2),
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=10,
            read_timeout=60,
        )
        self._client: Any = boto3.session.Session().client(
            "s3", endpoint_url=options.endpoint_url, region_name=options.region, config=config
        )
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._lock_enabled: bool | None = None

    # --- errors --------------------------------------------------------------------------

    def _source_error(self, exc: Exception) -> ConnectorError:
        """A ConnectorError for a failure of the bucket as a whole."""
        bucket = self.options.bucket
        if isinstance(exc, bex.ClientError):
            code = _code(exc)
            if code in _DENIED or code in _BAD_CREDENTIALS:
                return AccessDenied(f"bucket {bucket}: access denied ({code})")
            if code == "NoSuchBucket":
                return SourceUnreachable(f"bucket {bucket}: no such bucket")
            return SourceUnreachable(f"bucket {bucket}: {code}")
        if isinstance(exc, bex.NoCredentialsError | bex.PartialCredentialsError):
            return AccessDenied(f"bucket {bucket}: no usable S3 credentials (environment, profile)")
        where = self.options.endpoint_url or "AWS"
        return SourceUnreachable(f"bucket {bucket} at {where}: {type(exc).__name__}")

    def _item_error(self, key: str, exc: Exception, version_id: str = "") -> ConnectorError:
        """A ConnectorError for a failure on one item; bucket-wide failures stay source-wide."""
        if not isinstance(exc, bex.ClientError):
            return self._source_error(exc)
        code = _code(exc)
        version = f"version {version_id}: " if version_id else ""
        if code in _VANISHED:
            return ItemVanished(key, f"{version}no longer exists")
        if code in _DENIED:
            return ItemAccessDenied(key, f"{version}access denied")
        if code == "PreconditionFailed":
            return ItemChanged(key, f"{version}ETag no longer matches")
        if code in _BAD_CREDENTIALS or code in _BUCKET_GONE:
            return self._source_error(exc)
        if (code.isdigit() and int(code) >= 500) or code in {"SlowDown", "InternalError"}:
            return self._source_error(exc)
        return ItemError(key, f"{version}{code}")

    # --- helpers ---------------------------------------------------------------------------

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.options.max_workers, "s3")
            return self._pool

    def _pages(self, prefix: str) -> Iterator[list[_Entry]]:
        """Every version and delete marker under ``prefix``, one listing page at a time."""
        paginator = self._client.get_paginator("list_object_versions")
        pages = paginator.paginate(
            Bucket=self.options.bucket,
            Prefix=prefix,
            PaginationConfig={"PageSize": self.options.page_size},
        )
        iterator = iter(pages)
        while True:
            try:
                page = next(iterator)
            except StopIteration:
                return
            except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
                raise self._source_error(exc) from exc
            yield self._entries(page)

    @staticmethod
    def _entries(page: dict[str, Any]) -> list[_Entry]:
        entries = [
            _Entry(
                key=str(v["Key"]),
                version_id=str(v.get("VersionId") or "null"),
                is_latest=bool(v.get("IsLatest")),
                last_modified=v["LastModified"],
                marker=False,
                etag=_strip_etag(v.get("ETag")),
                size=int(v.get("Size") or 0),
            )
            for v in page.get("Versions", [])
        ]
        entries += [
            _Entry(
                key=str(m["Key"]),
                version_id=str(m.get("VersionId") or "null"),
                is_latest=bool(m.get("IsLatest")),
                last_modified=m["LastModified"],
                marker=True,
            )
            for m in page.get("DeleteMarkers", [])
        ]
        return entries

    def _key_entries(self, key: str) -> list[_Entry]:
        """Every version and delete marker of exactly ``key``; versions newest first."""
        found: list[_Entry] = []
        for page in self._pages(key):
            found += [e for e in page if e.key == key]
            if any(e.key != key for e in page):  # listing is sorted: past our key
                break
        return found

    def _target(self, item: Item) -> _Target:
        version_id, sep, etag = item.fingerprint.partition(":")
        if not sep or not version_id:
            raise ItemError(item.key, "not an S3 version fingerprint")
        suffix = f"{_VERSION_MARK}{version_id}"
        if item.key.endswith(suffix) and len(item.key) > len(suffix):
            target = _Target(item.key[: -len(suffix)], version_id, etag, current=False)
        else:
            target = _Target(item.key, version_id, etag, current=True)
        if not target.key.startswith(self.options.prefix):
            raise PathEscapesRoot(item.key, f"outside the source's prefix {self.options.prefix!r}")
        return target

    # --- listing -----------------------------------------------------------------------------

    def list_items(self) -> Iterator[Item | ListingError]:
        for page in self._pages(self.options.prefix):
            yield from (self._item(e, {}) for e in page if not e.marker)

    lazy_metadata = True

    def describe_many(self, items: Sequence[Item]) -> list[Item | ListingError | None]:
        """Metadata and tags of new or changed versions, fetched in parallel."""
        if not self.options.read_metadata:
            return list(items)
        return list(self._executor().map(self._describe, items))

    @staticmethod
    def _item(entry: _Entry, metadata: dict[str, str]) -> Item:
        return Item(
            key=entry.item_key,
            kind="object",
            fingerprint=f"{entry.version_id}:{entry.etag}",
            size=entry.size,
            modified=entry.last_modified,
            metadata=metadata,
        )

    def _describe(self, item: Item) -> Item | ListingError | None:
        """The item of one version with its metadata and tags; None if it vanished meanwhile."""
        target = self._target(item)
        bucket, key, vid = self.options.bucket, target.key, target.version_id
        try:
            version = _version(vid, target.current)
            head = self._client.head_object(Bucket=bucket, Key=key, **version)
            metadata = {f"meta:{k}": str(v) for k, v in head.get("Metadata", {}).items()}
            if head.get("TagCount"):
                tags = self._client.get_object_tagging(Bucket=bucket, Key=key, **version)
                metadata |= {f"tag:{t['Key']}": str(t["Value"]) for t in tags.get("TagSet", [])}
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            error = self._item_error(item.key, exc)
            if isinstance(error, ItemVanished):
                return None
            if isinstance(error, ItemError):
                return ListingError(item.key, f"metadata unreadable: {error.reason}")
            raise error from exc
        return replace(item, metadata=metadata)

    # --- reading -------------------------------------------------------------------------------

    def open_stream(self, item: Item) -> Iterator[bytes]:
        """The version's bytes in ranged GETs of RANGE_SIZE, each pinned to its ETag.

        A range at a time bounds what one request holds open, lets a caller stop at its cap
        without the rest being sent, and makes a version overwritten mid-read (unversioned
        buckets) an ItemChanged instead of a mix of two contents.
        """
        target = self._target(item)
        offset, total = 0, item.size
        while total is None or offset < total:
            response = self._get_range(item, target, offset)
            total = _total_size(response, offset)
            body = response["Body"]
            try:
                for chunk in body.iter_chunks(CHUNK_SIZE):
                    offset += len(chunk)
                    yield bytes(chunk)
            except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
                raise self._item_error(item.key, exc) from exc
            finally:
                body.close()

    def _get_range(self, item: Item, target: _Target, offset: int) -> Any:
        try:
            return self._client.get_object(
                Bucket=self.options.bucket,
                Key=target.key,
                IfMatch=f'"{target.etag}"',
                Range=f"bytes={offset}-{offset + RANGE_SIZE - 1}",
                **_version(target.version_id, target.current),
            )
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            if isinstance(exc, bex.ClientError) and _code(exc) == "InvalidRange":
                # an empty object has no byte 0
                return {"Body": _EmptyBody(), "ContentRange": "bytes */0"}
            raise self._item_error(item.key, exc) from exc

    # --- deleting ------------------------------------------------------------------------------

    def exists(self, item: Item) -> bool:
        target = self._target(item)
        return bool(_scope(target, self._key_entries(target.key)))

    def copies(self, item: Item) -> int:
        """Versions and delete markers of the item's key."""
        return len(self._key_entries(self._target(item).key))

    # --- rewriting -----------------------------------------------------------------------------

    def replace(self, item: Item, data: bytes) -> Item:
        target = self._target(item)
        if not target.current:
            raise ItemError(
                item.key,
                "an older version is not anonymized on its own: anonymizing the current version"
                " of the key destroys every older one",
            )
        entries = self._key_entries(target.key)
        latest = next((e for e in entries if e.is_latest), None)
        if latest is None:
            raise ItemVanished(item.key, "no longer exists")
        if latest.marker or latest.version_id != target.version_id:
            raise ItemChanged(item.key, f"no longer the current version (now {latest.version_id})")
        if latest.etag != target.etag:
            raise ItemChanged(item.key, f"version {target.version_id} has another ETag")
        bypass = self._check_locks(item, entries)
        metadata, tags = self._metadata_and_tags(item, latest)
        new = self._put(item, target.key, data, metadata, tags)
        old = [e for e in entries if e.version_id != new.version_id]  # "null": overwritten
        old.sort(key=lambda e: (not e.marker, e.version_id == target.version_id))
        for start in range(0, len(old), DELETE_BATCH):
            self._delete_batch(item, target.key, old[start : start + DELETE_BATCH], bypass)
        after = self._key_entries(target.key)
        remaining = [e for e in after if e.version_id != new.version_id]
        new = next((e for e in after if e.version_id == new.version_id), new)  # server's times
        if remaining:
            raise DeletionFailed(
                item.key, f"{len(remaining)} older versions or delete markers remain after rewrite"
            )
        exposed = {f"meta:{k}": v for k, v in metadata.items()}
        return self._item(new, exposed | {f"tag:{k}": v for k, v in tags.items()})

    def _metadata_and_tags(
        self, item: Item, entry: _Entry
    ) -> tuple[dict[str, str], dict[str, str]]:
        """The user metadata and tags of one version."""
        bucket, version = self.options.bucket, _version(entry.version_id, entry.is_latest)
        try:
            head = self._client.head_object(Bucket=bucket, Key=entry.key, **version)
            tags: dict[str, str] = {}
            if head.get("TagCount"):
                tagging = self._client.get_object_tagging(Bucket=bucket, Key=entry.key, **version)
                tags = {str(t["Key"]): str(t["Value"]) for t in tagging.get("TagSet", [])}
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            raise self._item_error(item.key, exc, entry.version_id) from exc
        return {str(k): str(v) for k, v in head.get("Metadata", {}).items()}, tags

    def _put(
        self, item: Item, key: str, data: bytes, metadata: dict[str, str], tags: dict[str, str]
    ) -> _Entry:
        """Write ``data`` as a new version of ``key``; the new version as listed."""
        request: dict[str, Any] = {
            "Bucket": self.options.bucket,
            "Key": key,
            "Body": data,
            "ContentType": "text/plain; charset=utf-8",
            "Metadata": metadata,
        }
        if tags:
            request["Tagging"] = urlencode(tags)
        try:
            response = self._client.put_object(**request)
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            raise self._item_error(item.key, exc) from exc
        return _Entry(
            key=key,
            version_id=str(response.get("VersionId") or "null"),
            is_latest=True,
            last_modified=datetime.now(UTC),
            marker=False,
            etag=_strip_etag(response.get("ETag")),
            size=len(data),
        )

    def delete(self, item: Item) -> None:
        target = self._target(item)
        entries = self._key_entries(target.key)
        scope = _scope(target, entries)
        if not scope:
            return
        self._refuse_if_changed(item, target, entries)
        bypass = self._check_locks(item, scope)
        # Markers first, the item's own version last: a retry after a partial run still finds
        # the version it was approved for, and so still passes the change check.
        ordered = sorted(scope, key=lambda e: (not e.marker, e.version_id == target.version_id))
        for start in range(0, len(ordered), DELETE_BATCH):
            self._delete_batch(item, target.key, ordered[start : start + DELETE_BATCH], bypass)
        remaining = _scope(target, self._key_entries(target.key))
        if remaining:
            raise DeletionFailed(
                item.key, f"{len(remaining)} versions or delete markers remain after deletion"
            )

    @staticmethod
    def _refuse_if_changed(item: Item, target: _Target, entries: list[_Entry]) -> None:
        versions = [e for e in entries if not e.marker]  # newest first
        position = next(
            (i for i, e in enumerate(versions) if e.version_id == target.version_id), None
        )
        if position is not None and versions[position].etag != target.etag:
            raise ItemChanged(item.key, f"version {target.version_id} has another ETag")
        if not target.current:
            return
        if position is not None:
            newer = versions[:position]
        else:
            newer = [
                e for e in versions if item.modified is None or e.last_modified > item.modified
            ]
        if newer:
            raise ItemChanged(item.key, f"written again since (version {newer[0].version_id})")

    def _bucket_has_object_lock(self) -> bool:
        if self._lock_enabled is None:
            try:
                config = self._client.get_object_lock_configuration(Bucket=self.options.bucket)
                enabled = config.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled")
                self._lock_enabled = enabled == "Enabled"
            except bex.ClientError as exc:
                if _code(exc) == "ObjectLockConfigurationNotFoundError":
                    self._lock_enabled = False
                elif _code(exc) in _DENIED:
                    return True  # cannot tell: check every version
                else:
                    raise self._source_error(exc) from exc
            except (bex.BotoCoreError, *_CONNECTION_ERRORS) as exc:
                raise self._source_error(exc) from exc
        return self._lock_enabled

    def _lock_of(self, item: Item, entry: _Entry) -> tuple[str | None, bool]:
        """(why ``entry`` may not be deleted, or None; whether it needs governance bypass)."""
        try:
            head = self._client.head_object(
                Bucket=self.options.bucket,
                Key=entry.key,
                **_version(entry.version_id, entry.is_latest),
            )
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            error = self._item_error(item.key, exc, entry.version_id)
            if isinstance(error, ItemVanished):
                return None, False
            raise error from exc
        where = f"version {entry.version_id}"
        if head.get("ObjectLockLegalHoldStatus") == "ON":
            return f"legal hold on {where}", False
        mode = head.get("ObjectLockMode")
        until = head.get("ObjectLockRetainUntilDate")
        if mode and isinstance(until, datetime) and until > datetime.now(UTC):
            if mode == "GOVERNANCE" and self.options.allow_governance_bypass:
                return None, True
            return f"{mode} retention until {until.astimezone(UTC).isoformat()} on {where}", False
        return None, False

    def _check_locks(self, item: Item, entries: list[_Entry]) -> bool:
        """Raise ItemLocked if any version is locked; return whether bypass is needed."""
        versions = [e for e in entries if not e.marker]
        if not versions or not self._bucket_has_object_lock():
            return False
        results = list(self._executor().map(lambda e: self._lock_of(item, e), versions))
        reasons = [reason for reason, _ in results if reason]
        if reasons:
            more = f" (and {len(reasons) - 3} more)" if len(reasons) > 3 else ""
            raise ItemLocked(item.key, "; ".join(reasons[:3]) + more)
        bypassed = [e.version_id for e, (_, needs) in zip(versions, results, strict=True) if needs]
        if bypassed:
            log.warning(
                "governance retention bypassed: bucket=%s key=%s versions=%s",
                self.options.bucket,
                item.key,
                ",".join(bypassed),
            )
        return bool(bypassed)

    def _delete_batch(self, item: Item, key: str, batch: list[_Entry], bypass: bool) -> None:
        request: dict[str, Any] = {
            "Bucket": self.options.bucket,
            "Delete": {
                "Objects": [{"Key": key, "VersionId": e.version_id} for e in batch],
                "Quiet": True,
            },
        }
        if bypass:
            request["BypassGovernanceRetention"] = True
        try:
            response = self._client.delete_objects(**request)
        except (bex.BotoCoreError, bex.ClientError, *_CONNECTION_ERRORS) as exc:
            raise self._item_error(item.key, exc) from exc
        errors = [e for e in response.get("Errors", []) if e.get("Code") not in _VANISHED]
        if not errors:
            return
        first = errors[0]
        code, version = str(first.get("Code")), first.get("VersionId")
        detail = f"version {version or '?'}: {code}" + (
            f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        )
        if code in _DENIED:
            # Locked since the check (or a server that hides lock status): find the reason.
            refused = {str(e.get("VersionId")) for e in errors if e.get("VersionId")}
            suspects = [
                e for e in batch if not e.marker and (not refused or e.version_id in refused)
            ]
            for entry in suspects[:_LOCK_RECHECKS]:
                reason, _ = self._lock_of(item, entry)
                if reason:
                    raise ItemLocked(item.key, reason)
            raise ItemAccessDenied(item.key, detail)
        raise DeletionFailed(item.key, detail)

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def _scope(target: _Target, entries: list[_Entry]) -> list[_Entry]:
    """What deleting an item destroys.

    The current version takes every version and delete marker of its key with it: they are
    the record's earlier copies, all older than the one whose retention ended. An older
    version goes alone: a newer record under the same key has its own retention.
    """
    if target.current:
        return entries
    return [e for e in entries if e.version_id == target.version_id and not e.marker]


def _total_size(response: Any, offset: int) -> int:
    """The object's full size from a ranged response (``bytes 0-99/1234`` → 1234)."""
    content_range = str(response.get("ContentRange") or "")
    _, _, total = content_range.rpartition("/")
    if total.isdigit():
        return int(total)
    return offset + int(response.get("ContentLength") or 0)  # a server that ignored Range


class _EmptyBody:
    """The body of an empty object (S3 answers a Range on it with InvalidRange)."""

    def iter_chunks(self, size: int) -> Iterator[bytes]:
        return iter(())

    def close(self) -> None:
        return None
