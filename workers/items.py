"""Moving items between the connectors' view and the catalog's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from catalog.models import Finding, Source, SubjectToken, utcnow
from catalog.models import Item as ItemRow
from connectors.base import Item, ListingError


def ensure_source(session: Session, name: str, kind: str) -> Source:
    """The catalog row of a configured source, created on first use."""
    source = session.execute(select(Source).where(Source.name == name)).scalar_one_or_none()
    if source is None:
        source = Source(name=name, kind=kind)
        session.add(source)
        session.flush()
    return source


def to_connector_item(row: ItemRow, fingerprint: str | None = None) -> Item:
    """The connector's view of a catalogued item (optionally with a frozen fingerprint)."""
    return Item(key=row.key, kind=row.kind, fingerprint=fingerprint or row.fingerprint,
                size=row.size, modified=row.modified, metadata=dict(row.attributes or {}))


def rows_by_key(session: Session, source_id: int, keys: Sequence[str]) -> dict[str, ItemRow]:
    """Existing catalog rows for these keys of one source."""
    rows = session.execute(
        select(ItemRow).where(ItemRow.source_id == source_id, ItemRow.key.in_(keys))
    ).scalars()
    return {row.key: row for row in rows}


def classified_by_fingerprint(session: Session, source_id: int,
                              fingerprints: Sequence[str]) -> dict[str, ItemRow]:
    """Items of a source already classified with these fingerprints (the same content)."""
    rows = session.execute(
        select(ItemRow)
        .where(ItemRow.source_id == source_id, ItemRow.state == "present",
               ItemRow.scanned_fingerprint.in_(fingerprints))
        .options(selectinload(ItemRow.findings), selectinload(ItemRow.tokens))
    ).scalars()
    return {row.fingerprint: row for row in rows if row.fingerprint == row.scanned_fingerprint}


def _known(row: ItemRow | None, entry: Item) -> bool:
    """Classified already, with this very content."""
    if row is None or row.state != "present":
        return False
    return row.scanned_fingerprint == entry.fingerprint


def to_describe(session: Session, source_id: int, entries: Sequence[Item | ListingError],
                ) -> list[Item]:
    """The listed items the catalog does not know yet (neither by key nor by content)."""
    items = [e for e in entries if isinstance(e, Item)]
    existing = rows_by_key(session, source_id, [e.key for e in items])
    donors = classified_by_fingerprint(session, source_id, [e.fingerprint for e in items])
    return [e for e in items
            if not _known(existing.get(e.key), e) and e.fingerprint not in donors]


def reuse_findings(row: ItemRow, donor: ItemRow, run_id: int) -> None:
    """Give ``row`` the findings of identical content known under another key (no read)."""
    row.attributes = dict(donor.attributes or {})
    row.findings = [Finding(entity_type=f.entity_type, count=f.count, score=f.score,
                            sample=f.sample, scan_run_id=run_id, share=f.share)
                    for f in donor.findings]
    row.tokens = [SubjectToken(entity_type=t.entity_type, token=t.token) for t in donor.tokens]
    row.language, row.scanned_at = donor.language, utcnow()
    row.state, row.error, row.scanned_fingerprint = "present", None, row.fingerprint


def upsert_listed(session: Session, source_id: int, run_id: int,
                  entries: Iterable[Item | ListingError]) -> tuple[list[int], int, int]:
    """Record one page of a listing; return (ids needing classification, unchanged, failed).

    Content already classified under another key (an S3 version that became non-current, a
    renamed file: same fingerprint) takes over those findings instead of being read again.
    """
    entries = list(entries)
    existing = rows_by_key(session, source_id, [e.key for e in entries])
    donors = classified_by_fingerprint(
        session, source_id, [e.fingerprint for e in entries if isinstance(e, Item)])
    changed: list[ItemRow] = []
    unchanged = failed = 0
    now = utcnow()
    for entry in entries:
        row = existing.get(entry.key)
        if row is None:
            row = ItemRow(source_id=source_id, key=entry.key, first_seen_at=now)
            session.add(row)
        row.last_seen_at, row.last_scan_id = now, run_id
        if isinstance(entry, ListingError):
            row.kind, row.fingerprint, row.error = "file", "", entry.error
            row.state = "skipped" if entry.skipped else "error"
            failed += 0 if entry.skipped else 1
            continue
        row.kind, row.fingerprint, row.size = entry.kind, entry.fingerprint, entry.size
        row.modified = entry.modified
        donor = donors.get(entry.fingerprint)
        if _known(row, entry):
            unchanged += 1  # its metadata was read when it was new: kept as stored
        elif donor is not None and donor is not row:
            reuse_findings(row, donor, run_id)
            unchanged += 1
        else:
            row.state, row.error, row.attributes = "present", None, dict(entry.metadata)
            changed.append(row)
    session.flush()
    return [row.id for row in changed], unchanged, failed
