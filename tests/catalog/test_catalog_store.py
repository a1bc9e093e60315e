"""The catalog on SQLite and PostgreSQL: migrations from empty, models in sync, audit chain."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from catalog import audit
from catalog.models import AuditEvent, Base, Item, Source
from catalog.store import Catalog, alembic_config, current_revision

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


@pytest.fixture
def catalog(catalog_url: str) -> Catalog:
    store = Catalog(catalog_url)
    yield store
    store.close()


def test_migrations_create_every_table_from_an_empty_database(catalog: Catalog) -> None:
    tables = set(inspect(catalog.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert current_revision(catalog.engine) == HEAD


def test_migrations_match_the_models_exactly(catalog: Catalog) -> None:
    with catalog.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_opening_twice_is_a_no_op_migration(catalog: Catalog, catalog_url: str) -> None:
    again = Catalog(catalog_url)
    assert current_revision(again.engine) == HEAD
    again.close()


def test_timestamps_come_back_as_the_same_utc_instant(catalog: Catalog) -> None:
    moment = datetime(2016, 2, 29, 23, 59, 58, tzinfo=UTC)
    with catalog.session() as session:
        source = Source(name="s", kind="files")
        session.add(source)
        session.flush()
        session.add(Item(source_id=source.id, key="a", kind="file", fingerprint="f",
                         modified=moment))
    with catalog.session() as session:
        item = session.query(Item).one()
        assert item.modified == moment
        assert item.modified.tzinfo is not None


def _three_events(catalog: Catalog) -> None:
    with catalog.session() as session:
        for n in range(3):
            audit.append(session, "officer", "disposition.approved", f"disposition:{n}",
                         {"reason": f"ok {n}", "n": n})


def test_an_untouched_chain_verifies(catalog: Catalog) -> None:
    _three_events(catalog)
    with catalog.session() as session:
        result = audit.verify(session)
    assert result.ok, result.problems
    assert result.checked == 3


@pytest.mark.parametrize(("statement", "named_row"), [
    ("UPDATE audit_event SET actor = 'mallory' WHERE id = 2", "audit_event 2"),
    ("UPDATE audit_event SET details = '{}' WHERE id = 1", "audit_event 1"),
    ("UPDATE audit_event SET at = '2001-01-01 00:00:00' WHERE id = 3", "audit_event 3"),
    ("DELETE FROM audit_event WHERE id = 2", "audit_event 2"),
    ("DELETE FROM audit_event WHERE id = 3", "audit_head"),
])
def test_editing_or_deleting_any_audit_row_is_found_and_named(
        catalog: Catalog, statement: str, named_row: str) -> None:
    _three_events(catalog)
    with catalog.engine.begin() as connection:
        connection.execute(text(statement))
    with catalog.session() as session:
        result = audit.verify(session)
    assert not result.ok
    assert any(p.startswith(named_row) for p in result.problems), result.problems


def test_recomputing_a_forged_hash_still_breaks_the_next_link(catalog: Catalog) -> None:
    _three_events(catalog)
    with catalog.session() as session:
        event = session.get(AuditEvent, 2)
        assert event is not None
        event.actor = "mallory"
        event.hash = audit.event_hash(event)
    with catalog.session() as session:
        problems = audit.verify(session).problems
    assert any(p.startswith("audit_event 3") for p in problems), problems


def test_an_exported_chain_can_be_verified_without_expunge(catalog: Catalog) -> None:
    import hashlib

    _three_events(catalog)
    with catalog.session() as session:
        records = [audit.event_record(e) for e in
                   session.query(AuditEvent).order_by(AuditEvent.id)]
    previous = audit.GENESIS
    for record in records:  # what an auditor's script does with `expunge audit export`
        assert record["prev_hash"] == previous
        fields = [record[n] for n in ("id", "at", "actor", "action", "subject", "details",
                                      "prev_hash")]
        assert hashlib.sha256("\x1f".join(fields).encode()).hexdigest() == record["hash"]
        previous = record["hash"]
