"""The database connector on real SQLite, PostgreSQL and MariaDB: listing, sampling, row sets."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from connectors.base import Item, ListingError, build_connector
from connectors.database import DatabaseConnector, mask_url
from connectors.errors import NotSupported, SourceUnreachable
from connectors.rowsets import Condition, Hop, Keep, RowSet, Subject
from tests.db_clinic import Estate, scalar, schema, seed, source_database

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres), "mariadb"]
TEN_YEARS_BEFORE = "2016-11-26"  # visits before this are past a ten-year retention on 2026-11-25


@pytest.fixture(params=KINDS)
def estate(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Estate]:
    with source_database(request.param, tmp_path) as url:
        yield seed(url)


def connector(url: str, **options: object) -> DatabaseConnector:
    built = build_connector({"name": "emr", "kind": "database", "url": url, **options})
    assert isinstance(built, DatabaseConnector)
    return built


def test_every_column_of_every_table_is_an_item_with_the_table_fingerprint(estate: Estate):
    with connector(estate.url) as db:
        items = [i for i in db.list_items() if isinstance(i, Item)]
    keys = {i.key for i in items}
    expected = {f"{t.name}.{c.name}" for t in schema().tables.values() for c in t.columns}
    assert keys == expected
    visits = [i for i in items if i.metadata["table"] == "visits"]
    assert {i.size for i in visits} == {estate.visits}
    assert len({i.fingerprint.rsplit(":", 1)[0] for i in visits}) == 1
    assert next(i for i in items if i.key == "legacy_import.rrn").metadata["primary_key"] == ""


def test_the_fingerprint_changes_when_rows_are_added_and_only_then(estate: Estate):
    with connector(estate.url) as db:
        before = {i.key: i.fingerprint for i in db.list_items() if isinstance(i, Item)}
    with connector(estate.url) as db:
        again = {i.key: i.fingerprint for i in db.list_items() if isinstance(i, Item)}
    assert again == before
    engine = create_engine(estate.url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO access_logs (id, path) VALUES (100000, '/x')"))
    engine.dispose()
    with connector(estate.url) as db:
        after = {i.key: i.fingerprint for i in db.list_items() if isinstance(i, Item)}
    changed = {k.split(".")[0] for k in after if after[k] != before[k]}
    assert changed == {"access_logs"}


def test_a_sample_is_bounded_and_spread_over_the_table(estate: Estate):
    with connector(estate.url, sample_rows=40) as db:
        sample = db.sample("access_logs")
    assert 20 <= sample.rows <= 40
    ids = sample.values["id"]
    assert len(set(ids)) == len(ids)
    assert isinstance(sample.values["extra"][0], dict | str)  # JSON comes back as data or text
    with connector(estate.url) as db:
        assert db.sample("visits").rows == estate.visits  # small tables are read whole


def test_row_sets_are_counted_in_sql_with_own_and_parent_clocks(estate: Estate):
    old_visits = RowSet("visits", (Condition("visit_date", TEN_YEARS_BEFORE),))
    their_rx = RowSet("prescriptions", (Condition("visits.visit_date", TEN_YEARS_BEFORE),))
    old_logs = RowSet("access_logs", (Condition("accessed_at", "2026-08-25"),))
    with connector(estate.url) as db:
        assert db.count_rows(old_visits) == estate.old_visits
        assert db.count_rows(their_rx) == estate.old_visits  # one prescription per visit
        assert db.count_rows(old_logs) == estate.old_access_logs
        assert db.count_rows(RowSet("visits")) == estate.visits


def test_deleting_a_row_set_takes_its_dependants_and_nothing_else(estate: Estate):
    old_visits = RowSet("visits", (Condition("visit_date", TEN_YEARS_BEFORE),))
    with connector(estate.url, batch_rows=7) as db:
        assert db.delete_rows(old_visits) == estate.old_visits
        assert db.count_rows(old_visits) == 0
        assert db.delete_rows(old_visits) == 0  # a second run deletes nothing
    assert scalar(estate.url, "SELECT count(*) FROM visits") == estate.visits - estate.old_visits
    assert scalar(estate.url, "SELECT count(*) FROM prescriptions") == \
        estate.prescriptions - estate.old_visits
    assert scalar(estate.url, "SELECT count(*) FROM patients") == estate.patients


def test_rows_with_a_dependant_the_law_keeps_are_left_out(estate: Estate):
    recent_rx = Keep("prescriptions", "visit_id", "id", (Condition("issued_at", "2016-11-26"),))
    all_patients = RowSet("patients", (), keep=(Keep("visits", "patient_id", "id",
                                                     (Condition("visit_date", "2016-11-26"),),
                                                     (recent_rx,)),))
    with connector(estate.url) as db:
        kept = db.count_rows(RowSet("patients")) - db.count_rows(all_patients)
        assert kept == scalar(estate.url, "SELECT count(DISTINCT patient_id) FROM visits "
                                         "WHERE visit_date >= '2016-11-26'")
        db.delete_rows(all_patients)
    assert scalar(estate.url, "SELECT count(*) FROM visits WHERE visit_date >= '2016-11-26'") \
        == estate.visits - estate.old_visits  # no kept record was touched


def test_a_subject_row_set_follows_foreign_keys_up_to_the_subject(estate: Estate):
    subject = Subject("patients", "id", (1, 2), (Hop("visit_id", "visits", "id"),
                                                 Hop("patient_id", "patients", "id")))
    with connector(estate.url) as db:
        assert db.count_rows(RowSet("prescriptions", subject=subject)) == 4


def test_finding_a_subject_needs_the_subject_settings(estate: Estate):
    options = {"subject": {"table": "patients", "key": "id", "match": ["email", "rrn"]}}
    with connector(estate.url, **options) as db:
        assert db.find_subject("email", ["patient3@example.org"]) == [3]
        with pytest.raises(NotSupported, match="not one of the subject's match columns"):
            db.find_subject("phone", ["010"])
    with connector(estate.url) as db, pytest.raises(NotSupported, match="no `subject:`"):
        db.find_subject("email", ["patient3@example.org"])


def test_a_table_without_a_primary_key_is_scanned_but_not_enforced(estate: Estate):
    with connector(estate.url) as db:
        assert db.sample("legacy_import").rows == 5
        with pytest.raises(NotSupported, match="legacy_import has no primary key"):
            db.delete_rows(RowSet("legacy_import"))


def test_rewriting_rows_changes_only_what_the_rewrite_returns(estate: Estate):
    old_visits = RowSet("visits", (Condition("visit_date", TEN_YEARS_BEFORE),))
    with connector(estate.url, batch_rows=5) as db:
        changed = db.update_rows(old_visits, ["notes"], lambda row: {"notes": "[REDACTED]"}
                                 if row["notes"] != "[REDACTED]" else {})
        assert changed == estate.old_visits
        assert db.update_rows(old_visits, ["notes"], lambda row: {}) == 0
        rows = db.read_rows(old_visits, ["notes"], 1000)
    assert {r["notes"] for r in rows} == {"[REDACTED]"}
    assert scalar(estate.url, "SELECT count(*) FROM visits WHERE notes = '[REDACTED]'") \
        == estate.old_visits


def test_an_unreachable_database_is_one_clear_error_without_the_password():
    url = "postgresql+psycopg://scanner:Sup3rSecret@127.0.0.1:1/emr"
    with connector(url) as db, pytest.raises(SourceUnreachable) as caught:
        list(db.list_items())
    assert "Sup3rSecret" not in str(caught.value)
    assert mask_url(url) == "postgresql+psycopg://scanner:***@127.0.0.1:1/emr"


@pytest.mark.postgres
def test_a_table_the_scanner_may_not_read_is_an_error_on_that_table_only(tmp_path: Path):
    role = f"expunge_ro_{uuid.uuid4().hex[:8]}"
    with source_database("postgres", tmp_path) as url:
        seed(url)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE ROLE {role} LOGIN"))
            connection.execute(text(f"GRANT SELECT ON visits, prescriptions TO {role}"))
        try:
            readonly = url.replace("postgres@", f"{role}@")
            with connector(readonly) as db:
                listed = list(db.list_items())
        finally:
            with admin.connect() as connection:
                connection.execute(text(f"DROP OWNED BY {role}"))
                connection.execute(text(f"DROP ROLE {role}"))
            admin.dispose()
    errors = {e.key: e.error for e in listed if isinstance(e, ListingError)}
    assert set(errors) == {"patients", "access_logs", "legacy_import"}
    assert all("permission denied" in e for e in errors.values())
    assert {i.metadata["table"] for i in listed if isinstance(i, Item)} == \
        {"visits", "prescriptions"}


@pytest.mark.postgres
def test_postgres_samples_a_big_table_with_tablesample(tmp_path: Path):
    with source_database("postgres", tmp_path) as url:
        seed(url, patients=1)
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO access_logs (id, path) "
                "SELECT g, '/p' FROM generate_series(10, 60009) g"))
            connection.execute(text("ANALYZE access_logs"))
        engine.dispose()
        with connector(url, sample_rows=500) as db:
            sample = db.sample("access_logs")
            with db.connect() as connection:
                total = connection.execute(select(func.count()).select_from(
                    db.table("access_logs"))).scalar_one()
    assert 250 <= sample.rows <= 500
    assert max(sample.values["id"]) > 30_000  # not just the first rows
    assert total == 60_004


def test_rows_are_streamed_in_batches_from_a_table_or_a_query(estate: Estate):
    with connector(estate.url) as db:
        batches = list(db.stream_rows("visits", batch=50))
        queried = list(db.stream_rows(query="SELECT patient_id, visit_date FROM visits "
                                            "WHERE total_price > 0", batch=100))
        with pytest.raises(ValueError, match="not both"):
            list(db.stream_rows("visits", query="SELECT 1"))
    assert batches[0][0] == ["id", "patient_id", "visit_date", "notes", "total_price"]
    assert [len(rows) for _, rows in batches] == [50, 50, estate.visits - 100]
    assert queried[0][0] == ["patient_id", "visit_date"]
    assert sum(len(rows) for _, rows in queried) == estate.visits
