"""Write a parsed document to the database: one transaction, all or nothing."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session

from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument, ParseWarning
from taskctl.store.models import (
    ROLES,
    Document,
    Event,
    Person,
    Task,
    TaskPerson,
    TaskUnit,
    now_utc,
)
from taskctl.store.units import resolve_units, rows_in

_KEY_CHARS = re.compile(r"[^\w.-]+")


@dataclass
class ImportResult:
    """What one import did (or, with `skipped`, why it did nothing)."""

    key: str
    title: str
    source_name: str
    tasks: int = 0
    headings: int = 0
    units: int = 0
    new_units: int = 0
    persons: int = 0
    unassigned: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)
    skipped: bool = False
    document_id: int | None = None


def default_key(source_name: str) -> str:
    """A short document key from a file name: `seeds/zj2012.txt` → `zj2012`."""
    stem = re.split(r"[\\/]", source_name)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    key = _KEY_CHARS.sub("-", stem).strip("-").lower()
    return key[:48] or "doc"


def validate_key(key: str) -> str:
    if not key or ":" in key or len(key) > 64 or key.strip() != key:
        raise InputError(f"bad document key {key!r}: use letters, digits, '-', '_' or '.', no ':'")
    return key


def _unique_key(session: Session, key: str) -> str:
    """`key`, or `key-2`, `key-3` … when it is taken (the indexed exact look-up comes first)."""
    if session.scalar(select(Document.id).where(Document.key == key)) is None:
        return key
    taken = set(
        session.scalars(select(Document.key).where(Document.key.startswith(key, autoescape=True)))
    )
    if key not in taken:
        return key
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"


def save_document(
    session: Session,
    parsed: ParsedDocument,
    *,
    source_name: str,
    content_hash: str,
    actor: str,
    key: str | None = None,
    default_deadline: date | None = None,
) -> ImportResult:
    """Insert the document, its items, units, persons and one `import` event per task.

    Re-importing identical content is a no-op (`skipped`). An explicit `key` that is taken is an error;
    a derived one gets a numeric suffix. Rows are written with Core multi-row inserts (no ORM objects):
    the items with ids allocated up front, so that parents are set in the same insert.
    """
    existing = session.execute(
        select(Document.id, Document.key, Document.title).where(
            Document.content_hash == content_hash
        )
    ).first()
    if existing is not None:
        return ImportResult(
            key=existing.key,
            title=existing.title,
            source_name=source_name,
            skipped=True,
            document_id=existing.id,
        )
    if key is not None:
        validate_key(key)
        if session.scalar(select(Document.id).where(Document.key == key)) is not None:
            raise InputError(f"document key {key!r} is already used; choose another with --key")
    else:
        key = _unique_key(session, default_key(source_name))

    now = now_utc()
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        _fewer_checkpoints(conn)
    document_id: int = conn.execute(
        insert(Document.__table__).values(
            key=key,
            title=parsed.title,
            source_name=source_name,
            content_hash=content_hash,
            period_start=parsed.period_start,
            period_end=parsed.period_end,
            period_text=parsed.period_text,
            imported_at=now,
            imported_by=actor,
        )
    ).inserted_primary_key[0]
    result = ImportResult(
        key=key,
        title=parsed.title,
        source_name=source_name,
        warnings=list(parsed.warnings),
        document_id=document_id,
    )
    items = parsed.items
    tasks = [(index, item) for index, item in enumerate(items) if item.kind == "task"]
    result.tasks = len(tasks)
    result.headings = len(items) - len(tasks)
    if not items:
        return result
    ids = _allocate_ids(conn, Task.__table__, len(items))
    fallback = default_deadline or parsed.period_end
    deadlines = [item.deadline or (fallback if item.kind == "task" else None) for item in items]
    _insert(
        conn,
        Task.__table__,
        _TASK_COLUMNS,
        [
            (
                ids[position],
                document_id,
                None if item.parent is None else ids[item.parent],
                item.kind,
                item.number,
                item.level,
                item.title,
                item.full_text,
                position,
                item.line,
                deadlines[position],
                item.deadline_text,
                json.dumps(item.attributes, ensure_ascii=False) if item.attributes else None,
                deadlines[position],
                "assigned",
                1,
                now,
                now,
            )
            for position, item in enumerate(items)
        ],
    )

    # each task's units by role, in ROLES order
    task_roles = [
        (index, item, [(role, getattr(item, role)) for role in ROLES]) for index, item in tasks
    ]
    unit_ids, result.new_units = resolve_units(
        session,
        (name for _index, _item, roles in task_roles for _role, names in roles for name in names),
    )
    person_ids = _person_ids(conn, (name for _index, item in tasks for name in item.persons))
    unit_links: list[tuple[object, ...]] = []
    person_links: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    link = unit_links.append
    for index, item, roles in task_roles:
        task_id = ids[index]
        deadline = deadlines[index]
        seen: set[tuple[int, str]] = set()
        labels = item.unit_labels
        for role, names in roles:
            for order, name in enumerate(names):
                unit_id = unit_ids[name]
                if (unit_id, role) not in seen:
                    seen.add((unit_id, role))
                    link((task_id, unit_id, role, order, "assigned", deadline, labels.get(name)))
        if not seen:
            result.unassigned += 1
        if item.persons:
            for order, name in enumerate(dict.fromkeys(item.persons)):
                person_links.append((task_id, person_ids[name], order))
        events.append(
            (task_id, document_id, "import", "assigned", f"{source_name}:{item.line}", actor, now)
        )
    # the links carry their task's status and deadline (migration 0002): written here, the insert
    # trigger that would copy them has nothing to do
    _insert(conn, TaskUnit.__table__, _LINK_COLUMNS, unit_links)
    _insert(conn, TaskPerson.__table__, ("task_id", "person_id", "position"), person_links)
    _insert(conn, Event.__table__, _EVENT_COLUMNS, events)
    result.units = len({link[1] for link in unit_links})
    result.persons = len(person_ids)
    return result


#: WAL pages after which a commit checkpoints, on a connection that imports (SQLite's default is
#: 1,000: 4 MB, a checkpoint and two fsyncs every few documents of a batch)
IMPORT_WAL_PAGES = 32768


def _fewer_checkpoints(conn: Connection) -> None:
    """Let the WAL grow to `IMPORT_WAL_PAGES` before a commit checkpoints it (this connection only):
    a batch import then copies its pages to the database a few times instead of once per document.
    Nothing about the transactions changes; the last connection to close checkpoints the rest."""
    conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_PAGES}")


_TASK_COLUMNS = (
    "id",
    "document_id",
    "parent_id",
    "kind",
    "number",
    "level",
    "title",
    "full_text",
    "position",
    "source_line",
    "deadline",
    "deadline_text",
    "attributes",
    "original_deadline",
    "status",
    "version",
    "created_at",
    "updated_at",
)
_LINK_COLUMNS = ("task_id", "unit_id", "role", "position", "status", "deadline", "label")
_EVENT_COLUMNS = ("task_id", "document_id", "kind", "new_value", "note", "actor", "created_at")


def _allocate_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """`count` new ids of `table`, in increasing order, for rows this transaction will insert.

    PostgreSQL draws them from the table's sequence. SQLite takes the ones after the largest id, as it
    would itself: the write transaction (BEGIN IMMEDIATE) holds the database's write lock.
    """
    if conn.dialect.name == "postgresql":
        drawn = conn.scalars(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": count},
        )
        return sorted(drawn)
    last = conn.scalar(select(func.max(table.c.id))) or 0
    return list(range(last + 1, last + count + 1))


def _insert(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[object, ...]]
) -> None:
    """Insert rows (values in `columns` order) with one executemany on the driver's cursor.

    The statement is compiled by SQLAlchemy for the connection's dialect (once per process) and the
    values go through the columns' own bind processors (dates as SQLite stores them), column by
    column and once per distinct value, without the per-row parameter handling of
    `Connection.execute`.
    """
    if not rows:
        return
    sql, processors, order, positional = _insert_plan(conn.dialect, table, columns)
    if processors or order is not None:
        values = list(zip(*rows, strict=True))
        for index, process in processors:
            column = values[index]
            try:
                done = {value: process(value) for value in set(column)}
            except TypeError:  # an unhashable value: each one processed
                values[index] = [process(value) for value in column]
            else:
                values[index] = list(map(done.__getitem__, column))
        if order is not None:
            values = [values[i] for i in order]
        rows = list(zip(*values, strict=True))
    if positional:
        conn.exec_driver_sql(sql, rows)
    else:
        names = columns if order is None else tuple(columns[i] for i in order)
        conn.exec_driver_sql(sql, [dict(zip(names, row, strict=True)) for row in rows])


@functools.lru_cache(maxsize=64)
def _insert_plan(
    dialect: Any, table: Table, columns: tuple[str, ...]
) -> tuple[str, list[tuple[int, Callable[[Any], Any]]], list[int] | None, bool]:
    """(SQL, bind processors by column index, column order of the SQL's parameters when it differs
    from `columns`, positional?) of an insert of `columns` into `table` for `dialect`."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    processors = []
    for index, name in enumerate(columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((index, process))
    order: list[int] | None = None
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup or ()]
        if order == list(range(len(columns))):
            order = None
    return compiled.string, processors, order, bool(compiled.positional)


def _person_ids(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    """Ids of the persons named, in order of first mention; the missing ones are created."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, int] = dict(rows_in(conn, "SELECT name, id FROM persons WHERE name", wanted))
    missing = [name for name in wanted if name not in found]
    if missing:
        # ids allocated as the inserts one by one would draw them, the rows inserted in one go
        ids = _allocate_ids(conn, Person.__table__, len(missing))
        _insert(conn, Person.__table__, ("id", "name"), list(zip(ids, missing, strict=True)))
        found.update(zip(missing, ids, strict=True))
    return {name: found[name] for name in wanted}
