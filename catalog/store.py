"""Opening the catalog: engine, per-backend settings, migrations, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, cast

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, CursorResult, Engine, Executable, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///.expunge/catalog.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000
MIGRATION_LOCK = 0x65787075  # "expu": one advisory lock id for catalog migrations


def affected_rows(session: Session, statement: Executable) -> int:
    """Execute an UPDATE/DELETE and return how many rows it changed (compare-and-set)."""
    result = session.execute(statement)
    return int(cast(CursorResult[Any], result).rowcount)


def _sqlite_engine(url: str) -> Engine:
    """SQLite with WAL, foreign keys, and every transaction taking the write lock up front.

    BEGIN IMMEDIATE makes concurrent writers (worker threads, a worker process, the CLI)
    wait for each other instead of failing when a read snapshot cannot be upgraded.
    """
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL, tuned for the catalog's access pattern."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> AlembicConfig:
    """Alembic's configuration for the catalog's migrations (packaged with the code)."""
    config = AlembicConfig()
    location = resources.files("catalog") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def _lock_migrations(connection: Connection) -> None:
    """Serialise migrations of processes starting together (workers, CLI, dashboard).

    SQLite needs nothing: its transactions already take the write lock up front.
    """
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    elif dialect in ("mysql", "mariadb"):
        connection.execute(text("SELECT GET_LOCK('expunge_migrations', 300)"))


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the catalog schema to ``revision`` (applied on every start; a no-op when current)."""
    config = alembic_config()
    with engine.begin() as connection:
        _lock_migrations(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class Catalog:
    """A migrated catalog database and the sessions to use it."""

    def __init__(self, url: str = DEFAULT_URL, *, apply_migrations: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if apply_migrations:
            migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
