"""Write a parsed document to the database: one transaction, all or nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from taskctl.clock import now_utc
from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument, ParseWarning
from taskctl.store.lookup import like_prefix
from taskctl.store.units import resolve_units
from taskctl.store.writer import Writer, as_writer

ROLES = ("lead", "support", "responsible")

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


def _unique_key(db: Writer, key: str) -> str:
    """`key`, or `key-2`, `key-3` … when it is taken (the indexed exact look-up comes first)."""
    if db.scalar("SELECT id FROM documents WHERE key = :key", {"key": key}) is None:
        return key
    taken = {
        row[0]
        for row in db.rows(
            "SELECT key FROM documents WHERE key LIKE :prefix ESCAPE '\\'",
            {"prefix": like_prefix(key)},
        )
    }
    if key not in taken:
        return key
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"


def save_document(
    db: Writer | Any,
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
    a derived one gets a numeric suffix. Rows are written with multi-row inserts through the Writer
    (a SQLAlchemy session or connection is wrapped in one): the items with ids allocated up front,
    so that parents are set in the same insert.
    """
    db = as_writer(db)
    existing = db.one(
        "SELECT id, key, title FROM documents WHERE content_hash = :hash", {"hash": content_hash}
    )
    if existing is not None:
        return ImportResult(
            key=existing[1],
            title=existing[2],
            source_name=source_name,
            skipped=True,
            document_id=existing[0],
        )
    if key is not None:
        validate_key(key)
        if db.scalar("SELECT id FROM documents WHERE key = :key", {"key": key}) is not None:
            raise InputError(f"document key {key!r} is already used; choose another with --key")
    else:
        key = _unique_key(db, default_key(source_name))

    now = now_utc()
    if db.dialect == "sqlite":
        _fewer_checkpoints(db)
    document = {
        "key": key,
        "title": parsed.title,
        "source_name": source_name,
        "content_hash": content_hash,
        "period_start": parsed.period_start,
        "period_end": parsed.period_end,
        "period_text": parsed.period_text,
        "imported_at": now,
        "imported_by": actor,
    }
    document_id = db.insert(
        f"INSERT INTO documents ({', '.join(document)})"
        f" VALUES ({', '.join(':' + c for c in document)})",
        document,
    )
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
    ids = _allocate_ids(db, "tasks", len(items))
    fallback = default_deadline or parsed.period_end
    deadlines = [item.deadline or (fallback if item.kind == "task" else None) for item in items]
    db.insert_rows(
        "tasks",
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
        db,
        (name for _index, _item, roles in task_roles for _role, names in roles for name in names),
    )
    person_ids = _person_ids(db, (name for _index, item in tasks for name in item.persons))
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
    db.insert_rows("task_units", _LINK_COLUMNS, unit_links)
    db.insert_rows("task_persons", ("task_id", "person_id", "position"), person_links)
    db.insert_rows("events", _EVENT_COLUMNS, events)
    result.units = len({link[1] for link in unit_links})
    result.persons = len(person_ids)
    return result


#: WAL pages after which a commit checkpoints, on a connection that imports (SQLite's default is
#: 1,000: 4 MB, a checkpoint and two fsyncs every few documents of a batch)
IMPORT_WAL_PAGES = 32768


def _fewer_checkpoints(db: Writer) -> None:
    """Let the WAL grow to `IMPORT_WAL_PAGES` before a commit checkpoints it (this connection only):
    a batch import then copies its pages to the database a few times instead of once per document.
    Nothing about the transactions changes; the last connection to close checkpoints the rest."""
    db.rows(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_PAGES}")


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


def _allocate_ids(db: Writer, table: str, count: int) -> list[int]:
    """`count` new ids of `table`, in increasing order, for rows this transaction will insert.

    PostgreSQL draws them from the table's sequence. SQLite takes the ones after the largest id, as it
    would itself: the write transaction (BEGIN IMMEDIATE) holds the database's write lock.
    """
    if db.dialect == "postgresql":
        drawn = db.rows(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)",
            {"table": table, "n": count},
        )
        return sorted(int(row[0]) for row in drawn)
    last = db.scalar(f"SELECT MAX(id) FROM {table}") or 0
    return list(range(last + 1, last + count + 1))


def _person_ids(db: Writer, names: Iterable[str]) -> dict[str, int]:
    """Ids of the persons named, in order of first mention; the missing ones are created."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, int] = {}
    if wanted:
        params: dict[str, Any] = {}
        where = db.in_list("name", wanted, params, "names")
        found.update(db.rows(f"SELECT name, id FROM persons WHERE {where}", params))
    missing = [name for name in wanted if name not in found]
    if missing:
        # ids allocated as the inserts one by one would draw them, the rows inserted in one go
        ids = _allocate_ids(db, "persons", len(missing))
        db.insert_rows("persons", ("id", "name"), list(zip(ids, missing, strict=True)))
        found.update(zip(missing, ids, strict=True))
    return {name: found[name] for name in wanted}
