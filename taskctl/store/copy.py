"""`taskctl db copy`: every row of one taskctl database into another, in any direction between
SQLite and PostgreSQL.

Both databases are brought to the current schema revision first. The source is read in one
snapshot (REPEATABLE READ on PostgreSQL, one read transaction on SQLite); the target is written in
one transaction: ids, times and versions exactly as they are, parents before children, then each
PostgreSQL sequence moved past the highest id copied. Before committing, every table of the target
is read back and its row count and checksum (SHA-256 over the rows in key order, values in one
text form for both engines) compared with the source's; any difference rolls the copy back.
Who may change what (`access_units`) belongs to a server's roles and is not copied.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from taskctl.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection

#: Tables a copy leaves out: the schema's own bookkeeping and the server's access grants.
NOT_COPIED = ("access_units",)


@dataclass
class TableCopy:
    """One table copied: its rows and the checksum both sides agree on."""

    table: str
    rows: int
    checksum: str


def copy_tables() -> list[Table]:
    """The tables a copy carries, parents before children."""
    from taskctl.store.models import Base

    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def _text(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def checksum(rows: list[tuple]) -> str:
    """SHA-256 of rows (in key order), each value in its engine-independent text form."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join(map(_text, row)).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _read(conn: Connection, table: Table) -> list[tuple]:
    from sqlalchemy import select

    return [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]


def _parents_first(rows: list[tuple], table: Table) -> list[tuple]:
    """Tasks ordered so that each row's parent (a heading) is inserted before it."""
    if "parent_id" not in table.c:
        return rows
    key = list(table.c.keys())
    pid, tid = key.index("parent_id"), key.index("id")
    done: set[int] = set()
    ordered: list[tuple] = []
    pending = rows
    while pending:
        later = []
        for row in pending:
            if row[pid] is None or row[pid] in done:
                ordered.append(row)
                done.add(row[tid])
            else:
                later.append(row)
        if len(later) == len(pending):  # a parent that is not there: let the database say so
            ordered += later
            break
        pending = later
    return ordered


def row_counts(conn: Connection) -> dict[str, int]:
    """Rows per copied table (and access_units) of an open connection."""
    from sqlalchemy import func, select

    from taskctl.store.models import Base

    return {
        t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in Base.metadata.sorted_tables
    }


def copy_database(source_url: str, target_url: str, *, replace: bool = False) -> list[TableCopy]:
    """Copy every taskctl row from `source_url` to `target_url` (empty unless `replace`), verify
    counts and checksums, commit; returns what each table holds."""
    from taskctl.store.engine import Store, _display, translate_db_errors

    if source_url == target_url:
        raise DatabaseError(f"{_display(source_url)}: source and target are the same database")
    source = Store(source_url)
    try:
        target = Store(target_url)
    except BaseException:
        source.dispose()
        raise
    try:
        tables = copy_tables()
        read_options: dict[str, Any] = {}
        if not source.is_sqlite:
            read_options["isolation_level"] = "REPEATABLE READ"
        with translate_db_errors(source.url), source.engine.connect() as src:
            src = src.execution_options(**read_options)
            with src.begin():
                data = {t.name: _read(src, t) for t in tables}
        bind = target.engine.execution_options(taskctl_write=True)
        with translate_db_errors(target.url), bind.begin() as dst:
            counts = row_counts(dst)
            filled = [name for name, n in counts.items() if n and name not in NOT_COPIED]
            if filled and not replace:
                raise DatabaseError(
                    f"{_display(target.url)}: not empty ({counts[filled[0]]} rows in "
                    f"{filled[0]}); give --replace to overwrite it"
                )
            from taskctl.store.models import Base

            for table in reversed(Base.metadata.sorted_tables):
                dst.execute(table.delete())
            for table in tables:
                rows = _parents_first(data[table.name], table)
                if rows:
                    names = list(table.c.keys())
                    dst.execute(table.insert(), [dict(zip(names, r, strict=True)) for r in rows])
            if dst.dialect.name == "postgresql":
                _move_sequences(dst, tables)
            done = []
            for table in tables:
                want, got = data[table.name], _read(dst, table)
                if len(got) != len(want) or checksum(got) != checksum(want):
                    raise DatabaseError(
                        f"{_display(target.url)}: {table.name} differs after the copy "
                        f"({len(got)} rows, {len(want)} expected); nothing was copied"
                    )
                done.append(TableCopy(table.name, len(got), checksum(got)))
        return done
    finally:
        source.dispose()
        target.dispose()


def _move_sequences(conn: Connection, tables: list[Table]) -> None:
    """Each serial id's sequence past the highest id copied, so new rows get new ids."""
    from sqlalchemy import text

    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                f" COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )
