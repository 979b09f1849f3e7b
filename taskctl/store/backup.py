"""Backups and schema administration: a consistent copy of a SQLite database while others write.

SQLite files are copied with SQLite's online backup API (`sqlite3.Connection.backup`) in one step: the
copy is taken inside a single read transaction, so it is a consistent snapshot even while other clerks
keep writing (in WAL mode they are not even blocked). The copy is written next to the destination under
a temporary name, checked, and then renamed into place, so a crash never leaves a half-written backup.

A PostgreSQL database is backed up with the server's own tools (`pg_dump`); `backup_database` refuses
with a message that says how.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taskctl.errors import DatabaseError, InputError

if TYPE_CHECKING:
    from taskctl.store.engine import Store


@dataclass
class BackupResult:
    """Where the copy went and what it holds."""

    path: Path
    size: int
    documents: int
    tasks: int
    events: int


@dataclass
class SchemaState:
    """The schema revision a database records, and the newest one this taskctl knows."""

    url: str
    current: str | None
    head: str

    @property
    def status(self) -> str:
        """'empty', 'current', 'older' or 'newer'."""
        if self.current is None:
            return "empty"
        if self.current == self.head:
            return "current"
        return "older" if _is_known(self.current) else "newer"


def pg_dump_hint(url: str) -> str:
    """One line saying how to back up a PostgreSQL database (password left out of the URL)."""
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
        # what pg_dump understands: no password (use ~/.pgpass), no SQLAlchemy driver or options
        user = f"{u.username}@" if u.username else ""
        port = f":{u.port}" if u.port else ""
        target = f"postgresql://{user}{u.host or ''}{port}/{u.database or ''}"
    except Exception:  # noqa: BLE001 - a URL we cannot parse: show a placeholder
        target = "postgresql://USER@HOST/DB"
    return (
        "backup copies SQLite database files only; back up a PostgreSQL database with pg_dump: "
        f"pg_dump -Fc -f taskctl.dump '{target}' (restore with pg_restore --clean -d URL taskctl.dump)"
    )


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (`sqlite:///path`, `sqlite:///file:path?mode=ro&uri=true`), else None.

    None too for an in-memory database.
    """
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return None
    name = u.database or ""
    if name.startswith("file:"):
        name = name[len("file:") :].split("?", 1)[0]
    if not name or name == ":memory:":
        return None
    return Path(name)


def backup_database(url: str, dest: str | os.PathLike[str], *, force: bool = False) -> BackupResult:
    """Copy the SQLite database at `url` to `dest` consistently, even while others write to it."""
    source = sqlite_file(url)
    if source is None:
        if url.startswith("postgresql"):
            raise DatabaseError(pg_dump_hint(url))
        raise DatabaseError(f"{url}: backup copies SQLite database files only")
    if not source.is_file():
        raise DatabaseError(f"{source}: no database file to back up")
    target = Path(dest).expanduser()
    if target.is_dir():
        raise InputError("is a directory; give a file name for the backup", source=str(target))
    if target.exists():
        if not force:
            raise InputError("already exists; use --force to overwrite it", source=str(target))
        with contextlib.suppress(OSError):
            if target.resolve() == source.resolve():
                raise InputError("is the database itself; choose another file", source=str(target))
    if not target.parent.is_dir():
        raise InputError("no such directory", source=str(target.parent))

    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        _copy(source, tmp)
        result = _summarise(tmp, target)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{source}: backup failed: {_sqlite_message(exc)}") from None
    except OSError as exc:
        raise InputError(f"cannot write backup ({exc.strerror})", source=str(target)) from None
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    result.size = target.stat().st_size
    return result


def _copy(source: Path, tmp: Path) -> None:
    from taskctl.store.engine import BUSY_TIMEOUT_MS

    uri = f"file:{source.resolve().as_posix()}?mode=ro"
    src = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dst = sqlite3.connect(tmp)
        try:
            # pages=-1: the whole database in one step, inside one read transaction → a snapshot
            src.backup(dst, pages=-1)
            # a self-contained single file (no -wal beside it); taskctl turns WAL back on when opened
            dst.execute("PRAGMA journal_mode = DELETE")
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise DatabaseError(f"{source}: the copy failed its integrity check: {ok}")
        finally:
            dst.close()
    finally:
        src.close()


def _summarise(copy: Path, target: Path) -> BackupResult:
    con = sqlite3.connect(copy)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

        def count(table: str) -> int:
            return (
                con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in names else 0
            )

        return BackupResult(
            path=target,
            size=0,
            documents=count("documents"),
            tasks=count("tasks"),
            events=count("events"),
        )
    finally:
        con.close()


def _sqlite_message(exc: sqlite3.Error) -> str:
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if "file is not a database" in text:
        return "not a taskctl database (file is not a database)"
    return text


def _is_known(rev: str) -> bool:
    from alembic.script import ScriptDirectory

    from taskctl.store.schema import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(rev) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def schema_state(store: Store) -> SchemaState:
    """The database's recorded revision next to this taskctl's head (opens nothing new)."""
    from taskctl.store.engine import SCHEMA_HEAD
    from taskctl.store.schema import current_revision

    return SchemaState(url=store.url, current=current_revision(store), head=SCHEMA_HEAD)


def upgrade_schema(store: Store) -> tuple[str | None, str]:
    """Bring the schema to this taskctl's head; returns (revision before, revision after).

    A database made by a newer taskctl is refused (DatabaseError) and left untouched.
    """
    from taskctl.store.engine import SCHEMA_HEAD
    from taskctl.store.schema import current_revision, upgrade

    before = current_revision(store)
    if before != SCHEMA_HEAD:
        upgrade(store, before)
    return before, SCHEMA_HEAD
