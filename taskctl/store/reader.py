"""Read-only queries in plain SQL, without paying for SQLAlchemy's import on every report.

Every report runs on a `Reader`. On a SQLite file it is the standard library's `sqlite3` (a report
has answered before SQLAlchemy would have finished importing); on PostgreSQL, and inside a write
session, it wraps a SQLAlchemy connection. Both run the same SQL: `:name` parameters, and
`in_list()` for lists of values. Values come back as the driver gives them (a date is a `date` on
PostgreSQL and ISO text on SQLite), so row builders pass them through `as_date` / `as_datetime`.

`open_reader` checks the schema revision with one query; a missing, older or foreign database goes
through the full `Store` (create, upgrade or refuse) first.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from taskctl.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

#: A report only reads, with an 8 MB page cache. Its sorts stay in memory up to the cache's size
#: and go on in a temporary file past it (`temp_store = MEMORY` would hold all of them: every row
#: of a 1,000,000-task listing). No memory map: its pages count as the process's memory (168 MB
#: instead of 97 MB for `overdue` on 100,000 tasks) for a few percent of speed.
READ_PRAGMAS = (
    "PRAGMA query_only = ON",
    "PRAGMA cache_size = -8192",
    "PRAGMA temp_store = FILE",
)
#: Lists up to this long are bound value by value; longer ones as one JSON array / array parameter.
_INLINE_LIST = 64


def as_date(value: Any) -> date | None:
    """A stored date (`date`, or ISO text on SQLite) as a `date`."""
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(value[:10])


def date_converter() -> Callable[[Any], date | None]:
    """`as_date` with a memory: a listing's few hundred distinct deadlines are parsed once each."""
    memo: dict[Any, date | None] = {None: None}

    def convert(value: Any) -> date | None:
        try:
            return memo[value]
        except KeyError:
            found = memo[value] = as_date(value)
            return found

    return convert


def as_datetime(value: Any) -> datetime | None:
    """A stored timestamp (`datetime`, or ISO text on SQLite) as a naive `datetime`."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


class Reader:
    """Plain SQL in, tuples out. Subclasses run the statements; this class binds the parameters."""

    dialect = "sqlite"

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        """All rows of `sql` (`:name` parameters taken from `params`)."""
        return self._execute(sql, self._bind(params or {}))

    def batches(
        self, sql: str, params: dict[str, Any] | None = None, size: int = 2000
    ) -> Iterator[list[tuple]]:
        """The rows of `sql` in lists of at most `size`, fetched from the cursor as they are taken
        (other statements may run on this Reader in between)."""
        cursor = self._cursor(sql, self._bind(params or {}), size)
        while batch := cursor.fetchmany(size):
            yield [tuple(row) for row in batch] if self.dialect != "sqlite" else batch

    def _cursor(self, sql: str, params: Any, size: int) -> Any:
        """A cursor that fetches the rows of `sql` as they are taken."""
        return self._run(sql, params)

    def _run(self, sql: str, params: Any, many: bool = False) -> Any:
        raise NotImplementedError

    def one(self, sql: str, params: dict[str, Any] | None = None) -> tuple | None:
        """The first row, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        row = self.one(sql, params)
        return row[0] if row else None

    def in_list(self, column: str, values: Sequence[Any], params: dict[str, Any], name: str) -> str:
        """`column IN (values)` as SQL, its parameters added to `params` under `name…`.

        Short lists are bound value by value; long ones (thousands of task ids) as one parameter,
        so no statement meets a driver's limit on parameters.
        """
        values = list(values)
        if not values:
            return "1 = 0"
        if len(values) <= _INLINE_LIST:
            keys = [f"{name}_{i}" for i in range(len(values))]
            params.update(zip(keys, values, strict=True))
            return f"{column} IN ({', '.join(':' + k for k in keys)})"
        if self.dialect == "sqlite":
            if all(type(value) is int for value in values):  # ids: their JSON is their digits
                params[name] = f"[{','.join(map(str, values))}]"
            else:
                import json

                params[name] = json.dumps(values, ensure_ascii=False)
            return f"{column} IN (SELECT value FROM json_each(:{name}))"
        params[name] = values
        return f"{column} = ANY(:{name})"

    def _bind(self, params: dict[str, Any]) -> dict[str, Any]:
        if self.dialect != "sqlite":
            return params
        out = {}
        for key, value in params.items():
            if isinstance(value, datetime):
                value = value.isoformat(sep=" ", timespec="microseconds")
            elif isinstance(value, date):
                value = value.isoformat()
            out[key] = value
        return out

    def _execute(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        raise NotImplementedError


class SqliteReader(Reader):
    """A read-only `sqlite3` connection; all queries of one report see one snapshot."""

    dialect = "sqlite"

    def __init__(self, path: str, pragmas: Sequence[str] = READ_PRAGMAS) -> None:
        self.path = path
        try:
            self.conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            for pragma in pragmas:
                self.conn.execute(pragma)
        except sqlite3.Error as exc:
            raise DatabaseError(f"{path}: {exc}") from None

    def begin(self) -> None:
        self._execute("BEGIN", {})

    def revision(self) -> str | None:
        """The schema revision recorded in the file, or None (no taskctl schema, not a database)."""
        try:
            row = self.conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def _execute(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        return self._run(sql, params).fetchall()

    def _run(self, sql: str, params: Any, many: bool = False) -> sqlite3.Cursor:
        """The cursor of one statement (`many`: of an executemany over `params`)."""
        try:
            if many:
                return self.conn.executemany(sql, params)
            return self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise DatabaseError(f"{self.path}: {msg}") from None

    def close(self) -> None:
        self.conn.close()


class SqlaReader(Reader):
    """Plain SQL through a SQLAlchemy connection or session (PostgreSQL, and write sessions)."""

    def __init__(self, bind: Connection | Session) -> None:
        from sqlalchemy import text

        self._text = text
        self.bind = bind
        engine = bind.get_bind() if hasattr(bind, "get_bind") else bind
        self.dialect = engine.dialect.name

    def _execute(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        return [tuple(r) for r in self.bind.execute(self._text(sql), params)]

    def _run(self, sql: str, params: Any, many: bool = False) -> Any:
        """The result of one statement (`many`: `params` is a list of parameter dicts)."""
        return self.bind.execute(self._text(sql), params)

    def _cursor(self, sql: str, params: Any, size: int) -> Any:
        """A server-side cursor (PostgreSQL's driver would otherwise take every row into memory at
        once), `size` rows a fetch; other statements may run while it is open."""
        statement = self._text(sql).execution_options(stream_results=True, max_row_buffer=size)
        return self.bind.execute(statement, params)


def sqlite_path(url: str) -> str | None:
    """The file of a plain `sqlite:///path` URL, else None (other URLs take the SQLAlchemy path)."""
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = url[len("sqlite:///") :]
    return path if path and path != ":memory:" else None


@contextmanager
def open_reader(url: str) -> Iterator[Reader]:
    """A Reader on the database at `url` (created or upgraded first if it needs to be)."""
    from taskctl.store.engine import SCHEMA_HEAD, Store

    path = sqlite_path(url)
    if path is None:
        from taskctl.store.engine import translate_db_errors

        store = Store(url)
        try:
            with translate_db_errors(url), store.engine.connect() as conn:
                yield SqlaReader(conn)
        finally:
            store.dispose()
        return
    reader = None
    if os.path.isfile(path):  # os.path: pathlib costs a report 5 ms of imports
        with contextlib.suppress(DatabaseError):  # not a database: the Store says so below
            reader = SqliteReader(path)
    if reader is None or reader.revision() != SCHEMA_HEAD:
        if reader is not None:
            reader.close()
        from taskctl.store.sqlite_schema import create_if_new

        if not create_if_new(path):  # a new file's schema from the prepared script
            Store(url).dispose()  # upgrades, or refuses with the reason
        reader = SqliteReader(path)
    try:
        reader.begin()
        yield reader
    finally:
        reader.close()
