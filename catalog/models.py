"""The catalog's tables: what expunge knows about sources, items, findings and their fate.

No column holds a raw personal value: findings carry masked samples only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC, on every backend (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScanRun(Base):
    """One scan of one source; counters are updated as batches of items are classified."""

    __tablename__ = "scan_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    listing_done: Mapped[bool] = mapped_column(Boolean, default=False)
    items_listed: Mapped[int] = mapped_column(Integer, default=0)
    items_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    items_to_classify: Mapped[int] = mapped_column(Integer, default=0)
    items_classified: Mapped[int] = mapped_column(Integer, default=0)
    items_failed: Mapped[int] = mapped_column(Integer, default=0)
    items_gone: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship()


class Item(Base):
    """A file, object version, column or row set of a source, with its fingerprint."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("source_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    key: Mapped[str] = mapped_column(String(1024))
    kind: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str] = mapped_column(String(200))
    size: Mapped[int | None] = mapped_column(Integer)
    modified: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(20), default="present")
    scanned_fingerprint: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(10))
    error: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    scanned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_scan_id: Mapped[int | None] = mapped_column(ForeignKey("scan_run.id"))

    source: Mapped[Source] = relationship()
    findings: Mapped[list[Finding]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )
    tokens: Mapped[list[SubjectToken]] = relationship(cascade="all, delete-orphan")


class Finding(Base):
    """How many values of one entity type an item holds, with a masked sample."""

    __tablename__ = "finding"
    __table_args__ = (UniqueConstraint("item_id", "entity_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    entity_type: Mapped[str] = mapped_column(String(60), index=True)
    count: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    sample: Mapped[str] = mapped_column(String(200))
    scan_run_id: Mapped[int | None] = mapped_column(ForeignKey("scan_run.id"))
    share: Mapped[float | None] = mapped_column(Float)  # database columns: of sampled rows

    item: Mapped[Item] = relationship(back_populates="findings")


class SubjectToken(Base):
    """A keyed hash (HMAC) of an identifier found in an item, to find a data subject's items.

    Holds no value: without the site's key a token cannot be linked to anyone.
    """

    __tablename__ = "subject_token"
    __table_args__ = (UniqueConstraint("item_id", "token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    entity_type: Mapped[str] = mapped_column(String(60))
    token: Mapped[str] = mapped_column(String(64), index=True)


class Decision(Base):
    """The rules' verdict on one item as of the last plan."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("item.id", ondelete="CASCADE"), unique=True
    )
    category: Mapped[str | None] = mapped_column(String(60))
    rule: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text, default="")
    clock: Mapped[date | None] = mapped_column(Date)
    due: Mapped[date | None] = mapped_column(Date)
    action: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[Item] = relationship()


class Disposition(Base):
    """What will be done to one item: proposed → approved → running → done | failed.

    It freezes what was approved (action, rule, fingerprint), so a changed item or a
    redelivered message can never widen it.
    """

    __tablename__ = "disposition"
    __table_args__ = (Index("ix_disposition_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(60))
    rule: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date | None] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="proposed")
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[str | None] = mapped_column(String(40), index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)

    item: Mapped[Item] = relationship()


class Hold(Base):
    """A legal hold: while active, nothing it covers is deleted or anonymized."""

    __tablename__ = "hold"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str | None] = mapped_column(String(200))
    path: Mapped[str | None] = mapped_column(String(1024))
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_by: Mapped[str | None] = mapped_column(String(200))
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    case_ref: Mapped[str | None] = mapped_column(String(100))  # the case or dispute number
    # Rows and documents held (see rules.holds.HoldSpec): {"rows": [{"source", "table",
    # "column", "values"}], "tokens": [...]}; ids and keyed tokens only, never a value.
    scope: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AuditEvent(Base):
    """Append-only; each row carries the hash of the previous one (see catalog.audit)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60), index=True)
    subject: Mapped[str] = mapped_column(String(1024))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last id and hash: a truncated tail no longer matches it."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class Certificate(Base):
    """A destruction certificate issued for one enforcement run."""

    __tablename__ = "certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    items: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)


class ScheduleRun(Base):
    """One firing of a schedule: unique per (schedule, due time), so it runs once however
    many schedulers are up."""

    __tablename__ = "schedule_run"
    __table_args__ = (UniqueConstraint("schedule", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule: Mapped[str] = mapped_column(String(200))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    runner: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(Text)


class User(Base):
    """A dashboard user: an argon2 hash, one role, and what login throttling needs."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sessions_valid_after: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Export(Base):
    """A research export: requested → building → built → approved → downloaded, or failed /
    rejected. Holds the request (source, table or query text, profile) and what the build
    measured (report, manifest hash), never data: the rows live in ``output_dir``."""

    __tablename__ = "export"
    __table_args__ = (Index("ix_export_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    purpose: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    table_name: Mapped[str | None] = mapped_column(String(200))
    query: Mapped[str | None] = mapped_column(Text)
    input_file: Mapped[str | None] = mapped_column(String(1024))
    profile: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default="requested")
    output_dir: Mapped[str] = mapped_column(String(1024))
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    built_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    downloads: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
