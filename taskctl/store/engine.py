"""Open a taskctl database: resolve the URL, set SQLite pragmas, bring the schema to the head revision.

SQLite is the embedded default (one file in the user data directory); any SQLAlchemy URL works, and
`postgresql+psycopg://…` is the shared engine. Writes go through `Store.writing()`, which on SQLite takes
the write lock up front (BEGIN IMMEDIATE) so that concurrent clerks wait their turn instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from taskctl.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from taskctl.store.reader import Reader
    from taskctl.store.writer import Writer

T = TypeVar("T")

#: The newest Alembic revision this taskctl knows; tests check it against `migrations/versions`.
SCHEMA_HEAD = "0006"
BUSY_TIMEOUT_MS = 30_000
#: Ids per `IN (…)` list: below SQLite's oldest limit of 999 bound parameters per statement.
MAX_IN_IDS = 900


def in_chunks(values: list[T]) -> Iterator[list[T]]:
    """`values` in slices small enough for one `IN (…)` list of a SQLAlchemy query (nothing for
    none). Plain-SQL reads bind a long list as one parameter instead (`Reader.in_list`)."""
    for start in range(0, len(values), MAX_IN_IDS):
        yield values[start : start + MAX_IN_IDS]


def default_db_path() -> str:
    """`taskctl.db` in the user data directory (`TASKCTL_HOME` overrides the directory).

    On Linux that is the XDG Base Directory spec's `$XDG_DATA_HOME/taskctl` (absolute paths only),
    else `~/.local/share/taskctl`, worked out here: platformdirs, which other systems go through,
    takes longer to import than a whole report takes to answer.
    """
    home = os.environ.get("TASKCTL_HOME")
    if home:
        return os.path.join(home, "taskctl.db")
    if sys.platform == "linux":
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return os.path.join(base, "taskctl", "taskctl.db")
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("taskctl", appauthor=False), "taskctl.db")


def resolve_url(db: str | None) -> str:
    """A `--db` value (file path or SQLAlchemy URL), else `TASKCTL_DB`, else the default file."""
    db = db or os.environ.get("TASKCTL_DB")
    if db and "://" in db:
        return db
    path = os.path.expanduser(db) if db else default_db_path()
    if os.path.isdir(path):
        raise DatabaseError(f"{path}: is a directory, not a database file")
    path = os.path.realpath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return f"sqlite:///{path}"


def _install_sqlite_pragmas(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        # a read-only file cannot switch mode; reads still work
        with contextlib.suppress(Exception):
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("taskctl_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """An opened database: an engine plus sessions for reading and for writing."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        try:
            self.engine = create_engine(url, **kwargs)
        except Exception as exc:  # noqa: BLE001 - bad URL, missing driver
            raise DatabaseError(f"cannot open database {url!r}: {_first_line(exc)}") from None
        if self.is_sqlite:
            _install_sqlite_pragmas(self.engine)
        if migrate:
            from taskctl.store.schema import ensure_schema

            ensure_schema(self)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end."""
        from sqlalchemy.orm import Session

        with translate_db_errors(self.url), Session(self.engine) as session:
            yield session

    @contextmanager
    def query(self) -> Iterator[Reader]:
        """A Reader (plain SQL, as the reports run it) on a connection of this store's engine."""
        from taskctl.store.reader import SqlaReader

        with translate_db_errors(self.url), self.engine.connect() as conn:
            yield SqlaReader(conn)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session in one transaction: committed if the block ends normally, rolled back otherwise."""
        from sqlalchemy.orm import Session

        bind = self.engine.execution_options(taskctl_write=True)
        with translate_db_errors(self.url), Session(bind) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """A Writer (plain SQL, as the write commands run it) in one transaction, committed if the
        block ends normally, rolled back otherwise."""
        from taskctl.store.writer import SqlaWriter

        bind = self.engine.execution_options(taskctl_write=True)
        with translate_db_errors(self.url), bind.begin() as conn:
            yield SqlaWriter(conn)

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def translate_db_errors(url: str) -> Iterator[None]:
    """Turn driver errors (not a database, read-only, locked, unreachable) into one-line DatabaseErrors."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    try:
        yield
    except DBAPIError as exc:
        msg = _first_line(exc)
        if msg.startswith(("permission denied", "new row violates row-level security")):
            from taskctl.errors import AccessError

            raise AccessError(f"the database role {_role(url)} may not do this ({msg})") from None
        if "file is not a database" in msg:
            msg = "not a taskctl database (file is not a database)"
        raise DatabaseError(f"{_display(url)}: {msg}") from None
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{_display(url)}: {_first_line(exc)}") from None


def _role(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).username or "?"
    except Exception:  # noqa: BLE001
        return "?"


def _display(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url


def open_store(db: str | None, *, migrate: bool = True) -> Store:
    """Open (and create or upgrade) the database named by `--db`/`TASKCTL_DB`/the default."""
    return Store(resolve_url(db), migrate=migrate)
