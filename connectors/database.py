"""SQL databases through SQLAlchemy: list columns, sample them, delete and rewrite row sets.

Items. Every column of every table is an item keyed ``table.column`` (kind ``column``); its
fingerprint is the table's, ``<rows>:<max key>:<max change time>``, so a table whose row count
and newest key are unchanged is not sampled again. Retention acts on **row sets**
(kind ``rows``, :mod:`connectors.rowsets`): their definition travels in the item's metadata
under ``rowset``, and their fingerprint is the definition's hash.

Sampling keeps at most ``sample_rows`` rows per table at a cost independent of its size:
``TABLESAMPLE SYSTEM`` on PostgreSQL (ten times as many rows read, over many blocks), random
key ranges on an integer primary key elsewhere, the first rows otherwise (documented: a
table without an integer key is sampled from its start). Nothing is ever ordered at random.

Deletion runs in short transactions of ``batch_rows`` primary keys (keyset-paginated),
dependants first along the foreign keys (declared ``ON DELETE CASCADE`` is left to the
database), so that a crash leaves whole batches done or not done and a rerun finishes the job.
Tables without a primary key can be scanned but not enforced on (a clear error).

Scanning uses ``url`` (give it read-only credentials); deletion and rewriting use
``enforce_url`` when set. Passwords never appear in errors: URLs are shown masked and driver
messages lose quoted values.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    DateTime,
    Engine,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    any_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from connectors.base import Connector, ConnectorOptions, Item, ListingError
from connectors.errors import (
    AccessDenied,
    ConnectorError,
    ItemAccessDenied,
    ItemError,
    ItemVanished,
    NotSupported,
    SourceUnreachable,
)
from connectors.rowsets import RowSet, RowSetError, table_of, where_clause

EXACT_COUNT_LIMIT = 2_000_000  # above this estimate, the engine's statistics are used
SAMPLE_RANGES = 10  # key ranges a non-PostgreSQL sample is drawn from
SAMPLE_OVERREAD = 10  # PostgreSQL block samples read this many times the rows kept
MAX_SAMPLED_CHARS = 4000  # of one value; long notes are classified from their start
_CHANGE_COLUMNS = re.compile(r"(updated|modified|changed)(_at|_on|_time)?$", re.IGNORECASE)
_QUOTED_VALUE = re.compile(r"([\"'])(?=[^\"']*[\d@])[^\"']*\1")
_ACCESS_CODES = {"42501", "1142", "1143", "1044", "1045"}  # PostgreSQL / MySQL permission errors


class SubjectOptions(BaseModel):
    """The table of data subjects (patients, members) and the columns that identify one."""

    model_config = ConfigDict(extra="forbid")

    table: str = Field(description="The subject table, e.g. `patients`.")
    key: str = Field("id", description="Its primary-key column.")
    match: list[str] = Field(default_factory=list, description="Columns a subject may be "
                             "looked up by (e.g. `rrn`, `email`, `phone`).")


class DatabaseOptions(ConnectorOptions):
    """Settings of a ``kind: database`` source: any SQLAlchemy URL."""

    kind: Literal["database"] = Field("database", description="Always `database`.")
    url: str = Field(description="SQLAlchemy URL used for scanning, e.g. "
                     "`postgresql+psycopg://scanner@db/emr`; give it read-only credentials.")
    enforce_url: str | None = Field(None, description="URL with the rights to delete and "
                                    "update, used only by enforcement (default: `url`).")
    schema_name: str | None = Field(None, alias="schema", description="Schema to read "
                                    "(default: the connection's default schema).")
    tables: list[str] = Field(default_factory=list, description="Only these tables "
                              "(default: every table of the schema).")
    exclude_tables: list[str] = Field(default_factory=list, description="Tables never read.")
    sample_rows: PositiveInt = Field(1000, description="Rows sampled per table to classify "
                                     "its columns.")
    batch_rows: PositiveInt = Field(5000, description="Rows deleted or rewritten per "
                                    "transaction during enforcement.")
    subject: SubjectOptions | None = Field(None, description="Where data subjects live, for "
                                           "`expunge erase`.")
    anonymize: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="Per table, per column: `null`, `pseudonym`, "
        "`generalize:year`, `generalize:month` or `redact`; columns not named are chosen from "
        "their findings.")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)




@dataclass(frozen=True)
class Dependant:
    """A foreign key into a table: rows of ``table`` whose ``fk`` holds the parent's ``ref``."""

    table: str
    fk: str
    ref: str
    cascades: bool


@dataclass(frozen=True)
class Sample:
    """Sampled rows of one table: column names and, per column, the values read."""

    table: str
    rows: int
    values: Mapping[str, list[Any]]
    types: Mapping[str, str]


def mask_url(url: str) -> str:
    """The URL with its password hidden (for messages and logs)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid database URL>"


def _clean(message: str) -> str:
    """A driver message's first line, with quoted values (digits, @) removed."""
    first = message.strip().splitlines()[0] if message.strip() else "database error"
    return _QUOTED_VALUE.sub(r"\1…\1", first)


def _driver_message(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return _clean(str(orig) if orig is not None else type(exc).__name__)


def _error_code(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None)
    if code is None and orig is not None and getattr(orig, "args", None):
        code = orig.args[0]
    return str(code or "")


def map_error(exc: SQLAlchemyError, key: str | None = None) -> ConnectorError:
    """The connector error for a SQLAlchemy/driver error, on one item when ``key`` is given."""
    message = _driver_message(exc)
    denied = _error_code(exc) in _ACCESS_CODES
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return SourceUnreachable(f"connection lost: {message}")
    if key is None:
        return AccessDenied(message) if denied else SourceUnreachable(message)
    if denied:
        return ItemAccessDenied(key, message)
    return ItemError(key, message)


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    """SQLite enforces foreign keys (and ON DELETE CASCADE) only when asked, per connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2) \
            if not url.startswith("sqlite") else create_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise SourceUnreachable(f"{mask_url(url)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


class DatabaseConnector(Connector):
    """Columns, samples and row sets of one SQL database."""

    kind = "database"
    Options = DatabaseOptions
    options: DatabaseOptions

    def __init__(self, options: ConnectorOptions) -> None:
        super().__init__(options)
        self._engines: dict[str, Engine] = {}
        self._metadata: dict[str, MetaData] = {}

    # -- connections and schema ---------------------------------------------------------

    def engine(self, enforce: bool = False) -> Engine:
        """The scanning engine, or the enforcing one (``enforce_url`` when set)."""
        url = (self.options.enforce_url or self.options.url) if enforce else self.options.url
        if url not in self._engines:
            self._engines[url] = _engine(url)
        return self._engines[url]

    @contextmanager
    def connect(self, enforce: bool = False, key: str | None = None) -> Iterator[Connection]:
        """A connection in a transaction; driver errors become connector errors."""
        try:
            with self.engine(enforce).begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise map_error(exc, key) from None

    def metadata(self, enforce: bool = False) -> MetaData:
        """The reflected schema (tables, columns, keys), read once per connector."""
        role = "enforce" if enforce else "scan"
        if role not in self._metadata:
            metadata = MetaData(schema=self.options.schema_name)
            with self.connect(enforce) as connection:
                try:
                    metadata.reflect(connection, only=self._wanted, views=False)
                except SQLAlchemyError as exc:
                    raise map_error(exc) from None
            self._metadata[role] = metadata
        return self._metadata[role]

    def _wanted(self, name: str, _metadata: MetaData) -> bool:
        included = not self.options.tables or name in self.options.tables
        return included and name not in self.options.exclude_tables

    def table(self, name: str, enforce: bool = False) -> Table:
        """One reflected table; ItemVanished when it is not (or no longer) there."""
        try:
            return table_of(self.metadata(enforce), name)
        except RowSetError:
            raise ItemVanished(name, "table not found") from None

    def table_names(self) -> list[str]:
        """The tables this source covers, sorted."""
        return sorted(t.name for t in self.metadata().tables.values())

    def dependants(self, name: str, enforce: bool = False) -> list[Dependant]:
        """Single-column foreign keys of other tables into ``name``."""
        parent = self.table(name, enforce)
        found = []
        for child in self.metadata(enforce).tables.values():
            for fk in child.foreign_keys:
                if fk.column.table is parent and _single_column(fk.constraint):
                    cascades = (fk.ondelete or "").upper() == "CASCADE"
                    found.append(Dependant(child.name, fk.parent.name, fk.column.name, cascades))
        return sorted(found, key=lambda d: (d.table, d.fk))

    def nullable(self, name: str, column: str) -> bool:
        """Whether a column accepts NULL (anonymization empties such columns)."""
        return bool(self.table(name, enforce=True).c[column].nullable)

    def primary_key(self, name: str, enforce: bool = False) -> Column[Any]:
        """The single-column primary key enforcement needs, or NotSupported saying why."""
        columns = list(self.table(name, enforce).primary_key.columns)
        if len(columns) != 1:
            what = "no primary key" if not columns else "a composite primary key"
            raise NotSupported(f"table {name} has {what}: rows cannot be deleted or rewritten "
                               "safely in batches (scanning still works)")
        return columns[0]

    # -- listing ------------------------------------------------------------------------

    def list_items(self) -> Iterator[Item | ListingError]:
        """Every column of every table; a table that cannot be read is one error."""
        for name in self.table_names():
            try:
                fingerprint, rows = self._table_fingerprint(name)
            except ItemError as exc:
                yield ListingError(name, str(exc))
                continue
            yield from self._columns(name, fingerprint, rows)

    def _columns(self, name: str, fingerprint: str, rows: int) -> Iterator[Item]:
        table = self.table(name)
        pk = ",".join(c.name for c in table.primary_key.columns)
        for column in table.columns:
            metadata = {"table": name, "column": column.name, "type": _type_name(column),
                        "primary_key": pk}
            yield Item(key=f"{name}.{column.name}", kind="column",
                       fingerprint=f"{fingerprint}:{_type_name(column)}", size=rows,
                       metadata=metadata)

    def _table_fingerprint(self, name: str) -> tuple[str, int]:
        table = self.table(name)
        with self.connect(key=name) as connection:
            rows = self.row_count(connection, table)
            marks = [func.max(c) for c in _watermark_columns(table)]
            watermark = connection.execute(select(*marks)).one() if marks else ()
        return ":".join([str(rows), *(str(m) for m in watermark)]), rows

    def row_count(self, connection: Connection, table: Table) -> int:
        """Exact for tables up to EXACT_COUNT_LIMIT rows by the statistics, else estimated."""
        estimate = self.estimated_rows(connection, table)
        if estimate is not None and estimate > EXACT_COUNT_LIMIT:
            return estimate
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def estimated_rows(self, connection: Connection, table: Table) -> int | None:
        """The engine's own row estimate (PostgreSQL, MySQL/MariaDB), None elsewhere."""
        dialect = connection.dialect.name
        if dialect == "postgresql":
            name = connection.dialect.identifier_preparer.format_table(table)
            value = connection.execute(text("SELECT reltuples FROM pg_class "
                                            "WHERE oid = to_regclass(:n)"), {"n": name}).scalar()
            return int(value) if value is not None and value >= 0 else None
        if dialect in ("mysql", "mariadb"):
            value = connection.execute(text(
                "SELECT table_rows FROM information_schema.tables WHERE table_name = :t "
                "AND table_schema = COALESCE(:s, DATABASE())"),
                {"t": table.name, "s": table.schema}).scalar()
            return int(value) if value is not None else None
        return None

    # -- reading ------------------------------------------------------------------------

    def open_stream(self, item: Item) -> Iterator[bytes]:
        """A column's sampled values, one per line (the generic path; scans use sample())."""
        if item.kind != "column":
            raise NotSupported(f"{item.key}: only columns can be read as text")
        name, column = item.metadata.get("table", ""), item.metadata.get("column", "")
        for value in self.sample(name).values.get(column, []):
            if value is not None and not isinstance(value, bytes | memoryview):
                yield (str(value).replace("\n", " ") + "\n").encode("utf-8", "surrogatepass")

    def sample(self, name: str) -> Sample:
        """Up to ``sample_rows`` rows of a table, at a cost independent of its size."""
        table = self.table(name)
        columns = [c for c in table.columns if not isinstance(c.type, LargeBinary)]
        with self.connect(key=name) as connection:
            rows = self._sample_rows(connection, table, columns)
        values = {c.name: [_truncate(row[i]) for row in rows] for i, c in enumerate(columns)}
        types = {c.name: _type_name(c) for c in columns}
        return Sample(table=name, rows=len(rows), values=values, types=types)

    def _sample_rows(self, connection: Connection, table: Table,
                     columns: list[Column[Any]]) -> Sequence[Any]:
        limit = self.options.sample_rows
        estimate = self.estimated_rows(connection, table)
        query = select(*columns)
        if estimate is None or estimate <= 2 * limit:
            pass
        elif connection.dialect.name == "postgresql":
            rows = _tablesample(connection, table, columns, limit, estimate)
            if len(rows) >= limit // 2:
                return rows
        else:
            key = _integer_key(table)
            if key is not None:
                return _key_ranges(connection, table, columns, key, limit)
        return connection.execute(query.limit(limit)).all()

    # -- row sets -------------------------------------------------------------------------

    def count_rows(self, rowset: RowSet, enforce: bool = False) -> int:
        """How many rows the row set holds now (one COUNT, nothing loaded)."""
        key = rowset.describe()
        with self.connect(enforce, key=key) as connection:
            clause = self._where(rowset, enforce)
            table = self.table(rowset.table, enforce)
            return int(connection.execute(
                select(func.count()).select_from(table).where(clause)).scalar_one())

    def _where(self, rowset: RowSet, enforce: bool) -> Any:
        try:
            return where_clause(self.metadata(enforce), rowset)
        except RowSetError as exc:
            raise ItemError(rowset.describe(), str(exc)) from None

    def delete_rows(self, rowset: RowSet, progress: Callable[[int], None] | None = None) -> int:
        """Delete the row set and its dependants in batches; returns the rows deleted."""
        pk = self.primary_key(rowset.table, enforce=True)
        table, clause = pk.table, self._where(rowset, True)
        deleted, last = 0, None
        while True:
            with self.connect(True, key=rowset.describe()) as connection:
                query = select(pk).where(clause).order_by(pk).limit(self.options.batch_rows)
                if last is not None:
                    query = query.where(pk > last)
                ids = list(connection.execute(query).scalars())
                if not ids:
                    return deleted
                self._delete_dependants(connection, table.name, pk.name, ids, (table.name,))
                connection.execute(delete(table).where(one_of(connection, pk, ids)))
            deleted, last = deleted + len(ids), ids[-1]
            if progress is not None:
                progress(deleted)

    def _delete_dependants(self, connection: Connection, name: str, column: str,
                           values: Sequence[Any], path: tuple[str, ...]) -> None:
        """Delete rows referencing ``name.column`` IN values, their own dependants first."""
        if column != self.primary_key(name, enforce=True).name:
            parent = self.table(name, enforce=True)
            values = list(connection.execute(
                select(parent.c[column]).where(
                    one_of(connection, parent.primary_key.columns[0], values))
            ).scalars())
        for dependant in self.dependants(name, enforce=True):
            if dependant.cascades or dependant.table in path:
                continue  # the database cascades; a cycle is cut where it closes
            self._delete_references(connection, dependant, values, path)

    def _delete_references(self, connection: Connection, dependant: Dependant,
                           values: Sequence[Any], path: tuple[str, ...]) -> None:
        child = self.table(dependant.table, enforce=True)
        fk = child.c[dependant.fk]
        if self.dependants(dependant.table, enforce=True):
            pk = self.primary_key(dependant.table, enforce=True)
            ids = list(connection.execute(
                select(pk).where(one_of(connection, fk, values))).scalars())
            for start in range(0, len(ids), self.options.batch_rows):
                chunk = ids[start:start + self.options.batch_rows]
                self._delete_dependants(connection, child.name, pk.name, chunk,
                                        (*path, child.name))
        connection.execute(delete(child).where(one_of(connection, fk, values)))

    def update_rows(self, rowset: RowSet, columns: Sequence[str],
                    rewrite: Callable[[dict[str, Any]], dict[str, Any]],
                    progress: Callable[[int], None] | None = None) -> int:
        """Rewrite ``columns`` of the row set's rows in batches; returns the rows changed.

        ``rewrite`` gets a row's current values and returns the new ones of the columns that
        change (an empty dict leaves the row alone, so a rerun changes nothing).
        """
        pk = self.primary_key(rowset.table, enforce=True)
        table, clause = pk.table, self._where(rowset, True)
        wanted = [table.c[c] for c in columns]
        changed, last = 0, None
        while True:
            with self.connect(True, key=rowset.describe()) as connection:
                query = select(pk, *wanted).where(clause).order_by(pk)
                if last is not None:
                    query = query.where(pk > last)
                batch = connection.execute(query.limit(self.options.batch_rows)).all()
                if not batch:
                    return changed
                changed += self._rewrite(connection, table, pk, batch, columns, rewrite)
            last = batch[-1][0]
            if progress is not None:
                progress(changed)

    @staticmethod
    def _rewrite(connection: Connection, table: Table, pk: Column[Any], batch: Sequence[Any],
                 columns: Sequence[str],
                 rewrite: Callable[[dict[str, Any]], dict[str, Any]]) -> int:
        changed = 0
        for row in batch:
            updates = rewrite(dict(zip(columns, row[1:], strict=True)))
            if updates:
                connection.execute(update(table).where(pk == row[0]).values(**updates))
                changed += 1
        return changed

    def read_rows(self, rowset: RowSet, columns: Sequence[str], limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` rows of the row set (for verification by rescanning a sample)."""
        table = self.table(rowset.table, enforce=True)
        with self.connect(True, key=rowset.describe()) as connection:
            query = select(*(table.c[c] for c in columns)).where(self._where(rowset, True))
            return [dict(r._mapping) for r in connection.execute(query.limit(limit))]

    def stream_rows(self, table: str | None = None, query: str | None = None,
                    batch: int = 10_000) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """A table's rows, or a read-only query's, in batches (column names, rows), streamed
        with a server-side cursor so that memory stays bounded whatever the size."""
        if (table is None) == (query is None):
            raise ValueError("give a table or a query, not both")
        key = table or "query"
        statement: Any = select(self.table(table)) if table is not None else text(str(query))
        with self.connect(key=key) as connection:
            try:
                result = connection.execution_options(stream_results=True,
                                                      yield_per=batch).execute(statement)
                columns = list(result.keys())
                for rows in result.partitions(batch):
                    yield columns, [tuple(row) for row in rows]
            except SQLAlchemyError as exc:
                raise map_error(exc, key) from None

    def find_subject(self, column: str, values: Sequence[str]) -> list[Any]:
        """Primary keys of the subject table's rows whose ``column`` is one of ``values``."""
        subject = self.options.subject
        if subject is None:
            raise NotSupported(f"source {self.options.name} has no `subject:` setting")
        if column not in subject.match:
            raise NotSupported(f"{column!r} is not one of the subject's match columns "
                               f"({', '.join(subject.match) or 'none configured'})")
        table = self.table(subject.table)
        with self.connect(key=subject.table) as connection:
            query = select(table.c[subject.key]).where(table.c[column].in_(list(values)))
            return sorted(set(connection.execute(query).scalars()))

    # -- the Connector contract for row sets ------------------------------------------------

    def delete(self, item: Item) -> None:
        """Delete a row set (items of kind ``rows``); columns are never deleted."""
        self.delete_rows(rowset_of(item))

    def exists(self, item: Item) -> bool:
        """Whether any row of the row set is left (or the column still exists)."""
        if item.kind == "rows":
            return self.count_rows(rowset_of(item), enforce=True) > 0
        name, column = item.metadata.get("table", ""), item.metadata.get("column", "")
        try:
            return column in self.table(name).c
        except ItemVanished:
            return False

    def close(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()


def one_of(connection: Connection, column: Column[Any], values: Sequence[Any],
           ) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``= ANY(array)``, one parameter instead of
    thousands (the driver and SQLAlchemy spend more time on those than the server)."""
    if connection.dialect.name == "postgresql":
        array = bindparam(None, list(values), type_=postgresql.ARRAY(column.type))
        return column == any_(array)
    return column.in_(list(values))


def rowset_of(item: Item) -> RowSet:
    """The frozen row set an item of kind ``rows`` stands for, narrowed by holds placed since
    (``metadata["narrowed"]``, see :meth:`RowSet.narrowed`)."""
    if item.kind != "rows" or "rowset" not in item.metadata:
        raise NotSupported(f"{item.key}: only row sets can be deleted or rewritten")
    rowset = RowSet.from_json(item.metadata["rowset"])
    if item.fingerprint and item.fingerprint != rowset.fingerprint:
        raise ItemError(item.key, "the row set differs from the one approved")
    narrower = item.metadata.get("narrowed")
    return rowset.narrowed(narrower) if narrower else rowset


def _single_column(constraint: ForeignKeyConstraint | None) -> bool:
    return constraint is not None and len(constraint.columns) == 1


def _type_name(column: Column[Any]) -> str:
    try:
        return str(column.type)
    except Exception:  # some reflected types cannot compile without a dialect
        return type(column.type).__name__


def _truncate(value: Any) -> Any:
    return value[:MAX_SAMPLED_CHARS] if isinstance(value, str) else value


def _watermark_columns(table: Table) -> list[Column[Any]]:
    """The primary key and change-time columns whose maximum moves when rows are added."""
    marks = [c for c in table.primary_key.columns if isinstance(c.type, Integer)]
    marks += [c for c in table.columns
              if isinstance(c.type, DateTime) and _CHANGE_COLUMNS.search(c.name)]
    return marks


def _integer_key(table: Table) -> Column[Any] | None:
    columns = list(table.primary_key.columns)
    if len(columns) == 1 and isinstance(columns[0].type, Integer):
        return columns[0]
    return None


def _tablesample(connection: Connection, table: Table, columns: list[Column[Any]], limit: int,
                 estimate: int) -> Sequence[Any]:
    """PostgreSQL's block sample of about SAMPLE_OVERREAD × the rows wanted, thinned at random
    to ``limit``: reading more blocks spreads the sample over the table (a few blocks could
    all sit in one corner), and thinning beats a LIMIT, which favours the first blocks read."""
    percent = min(100.0, 100.0 * SAMPLE_OVERREAD * limit / max(estimate, 1))
    sampled = table.tablesample(func.system(percent))
    query = select(*(sampled.c[c.name] for c in columns)).limit(2 * SAMPLE_OVERREAD * limit)
    rows = connection.execute(query).all()
    return rows if len(rows) <= limit else random.sample(rows, limit)


def _key_ranges(connection: Connection, table: Table, columns: list[Column[Any]],
                key: Column[Any], limit: int) -> Sequence[Any]:
    """Rows from SAMPLE_RANGES random, non-overlapping key ranges (index range scans only)."""
    low, high = connection.execute(select(func.min(key), func.max(key))).one()
    if low is None:
        return []
    per_range = max(1, limit // SAMPLE_RANGES)
    starts = sorted(random.randint(int(low), int(high)) for _ in range(SAMPLE_RANGES))
    rows: list[Any] = []
    query = select(*columns, key).order_by(key).limit(per_range)
    after = None
    for start in starts:
        lower = start if after is None else max(start, after + 1)
        found = connection.execute(query.where(key >= lower)).all()
        if found:
            after = found[-1][-1]
            rows.extend(row[:-1] for row in found)  # the key was selected once more, last
    return rows
