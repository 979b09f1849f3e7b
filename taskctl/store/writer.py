"""Writes in plain SQL, on the same two roads as the reads (`store.reader`).

A `Writer` is a `Reader` that may also change rows, inside one transaction. On a SQLite file it is
the standard library's `sqlite3` (the transaction starts with BEGIN IMMEDIATE, so concurrent clerks
queue for the write lock instead of failing); on PostgreSQL it wraps a SQLAlchemy connection in a
transaction. Both run the same statement text with `:name` parameters; the engine-specific parts
are two attributes: `for_update` (row locks, PostgreSQL only) and how `insert` learns the new id.

`open_writer` checks the schema revision with one plain query, as `open_reader` does; only a
missing or older database goes through the full `Store` (and so SQLAlchemy and Alembic) first.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from taskctl.store.reader import Reader, SqlaReader, SqliteReader, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

#: A writing connection: waits up to 30 s for the lock, enforces foreign keys (ON DELETE CASCADE
#: and SET NULL), keeps the database in WAL mode with the same durability as the SQLAlchemy engine.
WRITE_PRAGMAS = (
    "PRAGMA busy_timeout = 30000",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
)


class Writer(Reader):
    """Plain SQL that may change rows; everything runs in the writer's one transaction."""

    #: Appended to a SELECT that locks the rows it reads (the SQLite transaction holds the file lock).
    for_update = ""

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> int:
        """Run one statement; returns the number of rows it changed."""
        return self._run(sql, self._bind(params or {})).rowcount

    def insert(self, sql: str, params: dict[str, Any]) -> int:
        """Run one `INSERT … VALUES …` into a table with an `id` key; returns the new row's id."""
        if self.dialect == "postgresql":
            return int(self._execute(sql + " RETURNING id", self._bind(params))[0][0])
        return int(self._run(sql, self._bind(params)).lastrowid)

    def executemany(self, sql: str, rows: Sequence[dict[str, Any]]) -> None:
        """Run one statement once per parameter dict (nothing for none)."""
        if rows:
            self._run(sql, [self._bind(row) for row in rows], many=True)

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert many rows given as value tuples in `columns` order (bulk imports).

        One statement text, `INSERT INTO table (columns) VALUES (:columns)`; each value is bound as
        `Reader` binds it, converted once per distinct value of a column (a column holds values of
        one type, or None).
        """
        if not rows:
            return
        names = list(columns)
        sql = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + c for c in names)})"
        )
        if self.dialect == "sqlite":
            values = list(zip(*rows, strict=True))
            for index, column in enumerate(values):
                # a column holds one type and None: its first value says whether it needs converting
                first = next((v for v in column if v is not None), None)
                if isinstance(first, date):
                    done = {v: _sqlite_value(v) for v in set(column)}
                    values[index] = tuple(map(done.__getitem__, column))
            rows = list(zip(*values, strict=True))
        self._run_many_positional(sql, names, rows)

    def _run_many_positional(
        self, sql: str, names: list[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        self._run(sql, [dict(zip(names, row, strict=True)) for row in rows], many=True)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


class SqliteWriter(Writer, SqliteReader):
    """A read-write `sqlite3` connection in one BEGIN IMMEDIATE transaction."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        SqliteReader.__init__(self, path, WRITE_PRAGMAS)
        # a read-only file cannot switch mode; the write itself then says why it fails
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA journal_mode = WAL")

    def begin(self) -> None:
        self._run("BEGIN IMMEDIATE", {})

    @contextmanager
    def transaction(self) -> Iterator[SqliteWriter]:
        """This writer in one transaction: committed if the block ends normally, else rolled back
        (the connection stays open for the next)."""
        try:
            self.begin()
            yield self
            self.commit()
        finally:
            self.rollback()

    def commit(self) -> None:
        self._run("COMMIT", {})

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()

    def _run_many_positional(
        self, sql: str, names: list[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        # sqlite3 binds tuples faster than dicts: the same statement with `?` for each `:name`
        marks = ", ".join("?" * len(names))
        self._run(sql[: sql.rindex("VALUES (")] + f"VALUES ({marks})", rows, many=True)


class SqlaWriter(Writer, SqlaReader):
    """Plain SQL through a SQLAlchemy connection or session that is already in a transaction."""

    def __init__(self, bind: Connection | Session) -> None:
        SqlaReader.__init__(self, bind)
        if self.dialect == "postgresql":
            self.for_update = " FOR UPDATE"

    def _run_many_positional(
        self, sql: str, names: list[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        # the driver's own executemany (psycopg binds dates and times itself)
        bind = self.bind
        conn = bind if hasattr(bind, "exec_driver_sql") else bind.connection()
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        marks = ", ".join([mark] * len(names))
        conn.exec_driver_sql(sql[: sql.rindex("VALUES (")] + f"VALUES ({marks})", list(rows))


def as_writer(db: Writer | Session | Connection) -> Writer:
    """`db` itself, or a Writer on a SQLAlchemy session or connection (library callers, tests)."""
    return db if isinstance(db, Writer) else SqlaWriter(db)


@contextmanager
def open_writer(url: str) -> Iterator[Writer]:
    """A Writer in one transaction on the database at `url`: committed if the block ends normally,
    rolled back otherwise. A SQLite file whose schema is current opens without SQLAlchemy."""
    path = sqlite_path(url)
    if path is None:
        from taskctl.store.engine import Store

        store = Store(url)
        try:
            with store.write() as db:
                yield db
        finally:
            store.dispose()
        return
    writer = sqlite_writer(path)
    try:
        with writer.transaction():
            yield writer
    finally:
        writer.close()


def sqlite_writer(path: str) -> SqliteWriter:
    """A SqliteWriter on `path`, after the Store has created or upgraded the schema if it had to."""
    from taskctl.errors import DatabaseError
    from taskctl.store.engine import SCHEMA_HEAD

    writer = None
    if os.path.isfile(path):
        try:
            writer = SqliteWriter(path)
        except DatabaseError:
            writer = None  # not a database: the Store says so below
    if writer is None or writer.revision() != SCHEMA_HEAD:
        if writer is not None:
            writer.close()
        from taskctl.store.sqlite_schema import create_if_new

        if not create_if_new(path):
            from taskctl.store.engine import Store

            Store(f"sqlite:///{path}").dispose()  # upgrades, or refuses with the reason
        writer = SqliteWriter(path)
    return writer
