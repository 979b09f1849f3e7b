"""Tracking a task after import: status, progress, deadline, assignment, and unit housekeeping.

Every change locks the task row (`SELECT … FOR UPDATE`; on SQLite the write transaction already holds the
database lock), checks an optional expected version, writes exactly one `Event` and bumps the task's
version by 1. Events are only ever inserted. A task's version therefore counts its events: the last
`version - v` events of a task are what happened since version v.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from taskctl import lifecycle
from taskctl.clock import local_time, now_utc
from taskctl.errors import (
    AmbiguousError,
    InvalidValueError,
    NotFoundError,
    StaleVersionError,
    TaskctlError,
)
from taskctl.store import lookup
from taskctl.store.reader import as_date, as_datetime
from taskctl.store.writer import Writer, as_writer

#: What the tracking functions write through: a Writer, or a SQLAlchemy session or connection
#: (library callers, tests) that `as_writer` wraps in one.
DB = Any

ROLES = ("lead", "support", "responsible")

# The records below are named tuples and plain classes, not dataclasses: a status change is one
# short process, and each dataclass costs it a quarter of a millisecond to define.


class Change(NamedTuple):
    """What one tracking call did. `changed` is False for a no-op (nothing written, version kept)."""

    kind: str
    task_id: int | None
    old: str | None
    new: str | None
    note: str | None = None
    version: int | None = None
    changed: bool = True
    unit: str | None = None


class MergeResult:
    """What `merge_units` did: links moved to B, duplicate links dropped, aliases carried over."""

    def __init__(self, source: str, target: str) -> None:
        self.source = source
        self.target = target
        self.tasks: list[int] = []
        self.moved_links = 0
        self.dropped_links = 0
        self.aliases: list[str] = []

    def __repr__(self) -> str:
        return f"MergeResult({vars(self)!r})"


# --- locking, versions, events --------------------------------------------------------------------

#: The task columns a tracking change reads (and, by name, may write).
_TASK_COLUMNS = (
    "id",
    "document_id",
    "number",
    "status",
    "percent",
    "deadline",
    "original_deadline",
    "version",
)


class TaskRow:
    """A task as a tracking change sees it, read under its row lock (`_record` keeps it current)."""

    __slots__ = _TASK_COLUMNS

    def __init__(
        self,
        id: int,
        document_id: int,
        number: str,
        status: str,
        percent: int | None,
        deadline: date | None,
        original_deadline: date | None,
        version: int,
    ) -> None:
        self.id = id
        self.document_id = document_id
        self.number = number
        self.status = status
        self.percent = percent
        self.deadline = deadline
        self.original_deadline = original_deadline
        self.version = version

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _TASK_COLUMNS)
        return f"TaskRow({fields})"


class EventRow(NamedTuple):
    """One stored event, as `describe_event` phrases it."""

    kind: str
    old_value: str | None
    new_value: str | None
    note: str | None
    actor: str
    created_at: datetime


def lock_task(db: DB, task_ref: str | int) -> TaskRow:
    """Resolve a task reference and read its row locked for this transaction."""
    db = as_writer(db)
    task_id = lookup.find_task_id(db, task_ref)
    if db.dialect == "postgresql":
        from taskctl.store.access import check_task

        check_task(db, task_id)
    row = db.one(
        f"SELECT {', '.join(_TASK_COLUMNS)} FROM tasks WHERE id = :id{db.for_update}",
        {"id": task_id},
    )
    if row is None:  # pragma: no cover - found a moment ago, in this transaction
        raise NotFoundError(f"unknown task {task_ref!r}")
    task = TaskRow(*row)
    task.deadline = as_date(task.deadline)
    task.original_deadline = as_date(task.original_deadline)
    return task


def describe_event(event: EventRow) -> str:
    """One event as a short phrase: `status assigned→done by 李四 at 2026-11-20 10:02`."""
    when = local_time(as_datetime(event.created_at)).strftime("%Y-%m-%d %H:%M")
    if event.kind == "progress":
        pct = f" {event.new_value}" if event.new_value else ""
        what = f"progress{pct} {event.note!r}" if event.note else f"progress{pct}"
    elif event.old_value or event.new_value:
        what = f"{event.kind} {event.old_value or '∅'}→{event.new_value or '∅'}"
    else:
        what = event.kind
    return f"{what} by {event.actor} at {when}"


def events_since(db: DB, task: TaskRow, version: int) -> list[EventRow]:
    """The events of `task` that happened after it was at `version` (oldest first)."""
    count = task.version - version
    if count <= 0:
        return []
    newest = as_writer(db).rows(
        "SELECT kind, old_value, new_value, note, actor, created_at FROM events"
        " WHERE task_id = :id ORDER BY id DESC LIMIT :n",
        {"id": task.id, "n": count},
    )
    return [EventRow(*row) for row in reversed(newest)]


def check_version(db: DB, task: TaskRow, expect_version: int | None) -> None:
    """Refuse an update based on a stale read, saying what changed in between."""
    if expect_version is None or expect_version == task.version:
        return
    if expect_version > task.version:
        raise StaleVersionError(
            f"task {task.id} is at version {task.version}, not {expect_version}"
        )
    changes = "; ".join(describe_event(e) for e in events_since(db, task, expect_version))
    raise StaleVersionError(
        f"task {task.id} changed since version {expect_version}"
        f" (now {task.version}): {changes or 'unknown changes'}"
    )


def _set_clause(values: dict[str, Any]) -> str:
    return ", ".join(f"{column} = :{column}" for column in values)


def _insert_sql(table: str, values: dict[str, Any]) -> str:
    """`INSERT INTO table (columns) VALUES (:columns)` for the keys of `values`."""
    return (
        f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join(':' + c for c in values)})"
    )


def _event(db: Writer, **values: Any) -> None:
    db.execute(_insert_sql("events", values), values)


def _record(
    db: Writer,
    task: TaskRow,
    kind: str,
    old: str | None,
    new: str | None,
    *,
    actor: str,
    note: str | None = None,
    unit_id: int | None = None,
    now: datetime | None = None,
    sets: dict[str, Any] | None = None,
) -> Change:
    """Write the task's changed columns (`sets`) with its next version, and the one event."""
    now = now or now_utc()
    values = dict(sets or {}, version=task.version + 1, updated_at=now)
    db.execute(f"UPDATE tasks SET {_set_clause(values)} WHERE id = :id", {**values, "id": task.id})
    for column, value in values.items():
        if hasattr(task, column):
            setattr(task, column, value)
    _event(
        db,
        task_id=task.id,
        document_id=task.document_id,
        unit_id=unit_id,
        kind=kind,
        old_value=old,
        new_value=new,
        note=note,
        actor=actor,
        created_at=now,
    )
    return Change(kind, task.id, old, new, note, task.version)


def _unchanged(task: TaskRow, kind: str, value: str | None) -> Change:
    return Change(kind, task.id, value, value, None, task.version, changed=False)


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = " ".join(note.split())
    return note or None


# --- status, progress, deadline -------------------------------------------------------------------


def set_status(
    db: DB,
    task_ref: str | int,
    status: str,
    *,
    actor: str,
    note: str | None = None,
    expect_version: int | None = None,
) -> Change:
    """Move a task to `status` (English key or Chinese label) if the lifecycle allows it.

    Setting the status a task already has changes nothing.
    """
    db = as_writer(db)
    new = lifecycle.parse_status(status)
    note = _clean_note(note)
    task = lock_task(db, task_ref)
    check_version(db, task, expect_version)
    if task.status == new:
        return _unchanged(task, "status", new)
    lifecycle.check_transition(task.status, new, note=note, task=task.id)
    old = task.status
    return _record(db, task, "status", old, new, actor=actor, note=note, sets={"status": new})


def parse_percent(value: object) -> int:
    """A percent 0..100 from an int, a float that is whole, or text such as `60` or `60%`."""
    text = str(value).strip().rstrip("%％").strip()
    try:
        number = float(text)
    except ValueError:
        raise InvalidValueError(
            f"bad percent {value!r}: give a whole number from 0 to 100"
        ) from None
    if number != int(number) or not 0 <= number <= 100:
        raise InvalidValueError(f"bad percent {value!r}: give a whole number from 0 to 100")
    return int(number)


def _pct(value: int | None) -> str | None:
    return None if value is None else f"{value}%"


def add_progress(
    db: DB,
    task_ref: str | int,
    text: str,
    *,
    actor: str,
    percent: int | str | None = None,
    expect_version: int | None = None,
) -> Change:
    """Record a dated progress report in the unit's own words (and the task's percent, if given)."""
    db = as_writer(db)
    text = (text or "").strip()
    pct = None if percent is None else parse_percent(percent)
    if not text and pct is None:
        raise InvalidValueError("a progress report needs a text or a percent")
    task = lock_task(db, task_ref)
    check_version(db, task, expect_version)
    now = now_utc()
    old = task.percent
    report = {"task_id": task.id, "text": text, "percent": pct, "actor": actor, "reported_at": now}
    db.execute(_insert_sql("progress_reports", report), report)
    return _record(
        db,
        task,
        "progress",
        _pct(old),
        _pct(pct),
        actor=actor,
        note=text or None,
        now=now,
        sets={} if pct is None else {"percent": pct},
    )


def change_deadline(
    db: DB,
    task_ref: str | int,
    when: date,
    *,
    actor: str,
    note: str | None,
    expect_version: int | None = None,
) -> Change:
    """Extend (or bring forward) a task's deadline; the original deadline is kept. A note is required."""
    db = as_writer(db)
    note = _clean_note(note)
    if not note:
        raise InvalidValueError("a deadline change needs a reason (--note)")
    if not isinstance(when, date):
        raise InvalidValueError(f"bad deadline {when!r}")
    if isinstance(when, datetime):
        when = when.date()
    task = lock_task(db, task_ref)
    check_version(db, task, expect_version)
    old = task.deadline
    if old == when:
        return _unchanged(task, "deadline", when.isoformat())
    sets: dict[str, Any] = {"deadline": when}
    if task.original_deadline is None:
        sets["original_deadline"] = old
    return _record(
        db,
        task,
        "deadline",
        old.isoformat() if old else None,
        when.isoformat(),
        actor=actor,
        note=note,
        sets=sets,
    )


# --- assignment -----------------------------------------------------------------------------------


def _get_or_create_unit(db: Writer, name: str) -> tuple[int, str]:
    """The unit a name means (name or alias, or the same name with or without an optional prefix
    such as 省, then recorded as an alias), else a new unit."""
    from taskctl.unitnames import normalize_unit_name, prefix_variants, unit_kind

    name = normalize_unit_name(name)
    found = lookup.exact_unit(db, name)
    if found is None:
        for variant in prefix_variants(name):
            found = lookup.exact_unit(db, normalize_unit_name(variant))
            if found is not None:
                db.execute(
                    "INSERT INTO unit_aliases (unit_id, alias) VALUES (:unit_id, :alias)",
                    {"unit_id": found[0], "alias": name},
                )
                break
    if found is None:
        unit = {"name": name, "kind": unit_kind(name), "created_at": now_utc()}
        found = (db.insert(_insert_sql("units", unit), unit), name)
    return found


def resolve_unit(db: DB, name: str, *, create: bool = False) -> tuple[int, str]:
    """The id and name of the unit a clerk typed (unique prefix or substring); with `create`, a
    new one if none matches. Without it an unknown name is refused with a hint."""
    db = as_writer(db)
    try:
        return lookup.find_unit_id(db, name)
    except AmbiguousError:
        raise
    except NotFoundError:
        if not create:
            raise NotFoundError(
                f"unknown unit {name!r} (see `taskctl units`; add --new to create it)"
            ) from None
    from taskctl.unitnames import normalize_unit_name

    if not normalize_unit_name(name):
        raise InvalidValueError("empty unit name")
    return _get_or_create_unit(db, name)


def assignment_text(db: DB, task_id: int) -> str:
    """The task's units as one line: `lead: A、B; support: C` (empty when none)."""
    parts: dict[str, list[str]] = {}
    for role, name in as_writer(db).rows(
        "SELECT tu.role, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
        " WHERE tu.task_id = :id ORDER BY tu.role, tu.position, tu.id",
        {"id": task_id},
    ):
        parts.setdefault(role, []).append(name)
    return "; ".join(f"{role}: {'、'.join(parts[role])}" for role in ROLES if role in parts)


class _Link(NamedTuple):
    id: int
    unit_id: int
    role: str
    position: int


def _links(db: Writer, task_id: int) -> list[_Link]:
    return [
        _Link(*row)
        for row in db.rows(
            "SELECT id, unit_id, role, position FROM task_units WHERE task_id = :id ORDER BY id",
            {"id": task_id},
        )
    ]


def assign(
    db: DB,
    task_ref: str | int,
    *,
    lead: list[str] | tuple[str, ...] = (),
    support: list[str] | tuple[str, ...] = (),
    remove: list[str] | tuple[str, ...] = (),
    actor: str,
    new: bool = False,
    note: str | None = None,
    expect_version: int | None = None,
) -> Change:
    """Add lead and support units to a task and remove units from it (one event for the whole change).

    A unit given a new role loses its other roles on this task; removing a unit that is not assigned is
    refused. Names that match no unit are created only with `new=True`.
    """
    db = as_writer(db)
    if not (lead or support or remove):
        raise InvalidValueError("nothing to assign: give --lead, --support or --remove")
    task = lock_task(db, task_ref)
    check_version(db, task, expect_version)
    wanted: list[tuple[tuple[int, str], str]] = []
    for role, names in (("lead", lead), ("support", support)):
        for name in names:
            wanted.append((resolve_unit(db, name, create=new), role))
    dropping = [resolve_unit(db, name) for name in remove]
    clash = {u[0] for u, _ in wanted} & {u[0] for u in dropping}
    if clash:
        names = "、".join(sorted({u[1] for u in dropping if u[0] in clash}))
        raise InvalidValueError(f"{names}: both assigned and removed")
    before = assignment_text(db, task.id)
    links = _links(db, task.id)
    gone: list[_Link] = []
    for unit_id, unit_name in dropping:
        mine = [link for link in links if link.unit_id == unit_id]
        if not mine:
            raise InvalidValueError(f"unit {unit_name} is not assigned to task {task.id}")
        for link in mine:
            gone.append(link)
            links.remove(link)
    added: list[dict[str, Any]] = []
    for (unit_id, _name), role in wanted:
        if any(link.unit_id == unit_id and link.role == role for link in links):
            continue
        for link in [x for x in links if x.unit_id == unit_id]:
            gone.append(link)
            links.remove(link)
        position = max((x.position for x in links if x.role == role), default=-1) + 1
        links.append(_Link(0, unit_id, role, position))
        added.append({"task_id": task.id, "unit_id": unit_id, "role": role, "position": position})
    db.executemany(
        "DELETE FROM task_units WHERE id = :id", [{"id": link.id} for link in gone if link.id]
    )
    if added:
        # status and deadline come from the task (insert trigger, migration 0002)
        db.executemany(_insert_sql("task_units", added[0]), added)
    after = assignment_text(db, task.id)
    if after == before:
        return _unchanged(task, "assign", after)
    return _record(
        db, task, "assign", before or None, after or None, actor=actor, note=_clean_note(note)
    )


# --- units ----------------------------------------------------------------------------------------


def _unit_event(
    db: Writer,
    unit_id: int,
    unit_name: str,
    kind: str,
    old: str | None,
    new: str | None,
    actor: str,
) -> Change:
    _event(
        db,
        task_id=None,
        unit_id=unit_id,
        kind=kind,
        old_value=old,
        new_value=new,
        actor=actor,
        created_at=now_utc(),
    )
    return Change(kind, None, old, new, unit=unit_name)


def _add_alias_row(db: Writer, unit_id: int, alias: str) -> None:
    db.execute(
        "INSERT INTO unit_aliases (unit_id, alias) VALUES (:unit_id, :alias)",
        {"unit_id": unit_id, "alias": alias},
    )


def add_alias(db: DB, unit_name: str, alias: str, *, actor: str) -> Change:
    """Let `alias` name the unit too (exact match when a clerk or a document uses it)."""
    db = as_writer(db)
    from taskctl.unitnames import normalize_unit_name

    unit_id, name = lookup.find_unit_id(db, unit_name)
    alias = normalize_unit_name(alias)
    if not alias:
        raise InvalidValueError("empty alias")
    other = lookup.exact_unit(db, alias)
    if other is not None and other[0] != unit_id:
        raise InvalidValueError(
            f"{alias!r} already names unit {other[1]}; merge them with `taskctl unit merge`"
        )
    if other is not None:
        return Change("unit_alias", None, alias, alias, changed=False, unit=name)
    _add_alias_row(db, unit_id, alias)
    return _unit_event(db, unit_id, name, "unit_alias", None, alias, actor)


def rename_unit(db: DB, old_name: str, new_name: str, *, actor: str) -> Change:
    """Give a unit a new canonical name; the old name stays as an alias."""
    db = as_writer(db)
    from taskctl.unitnames import normalize_unit_name

    unit_id, old = lookup.find_unit_id(db, old_name)
    new = normalize_unit_name(new_name)
    if not new:
        raise InvalidValueError("empty unit name")
    if new == old:
        return Change("unit_rename", None, new, new, changed=False, unit=old)
    other = lookup.exact_unit(db, new)
    if other is not None and other[0] != unit_id:
        raise InvalidValueError(
            f"unit {other[1]} already exists; use `taskctl unit merge {old} {other[1]}`"
        )
    params = {"id": unit_id, "name": new}
    db.execute("DELETE FROM unit_aliases WHERE unit_id = :id AND alias = :name", params)
    db.execute("UPDATE units SET name = :name WHERE id = :id", params)
    _add_alias_row(db, unit_id, old)
    return _unit_event(db, unit_id, new, "unit_rename", old, new, actor)


def merge_units(db: DB, source: str, target: str, *, actor: str) -> MergeResult:
    """Merge unit A into unit B: every task link and progress report of A moves to B (duplicates
    dropped), A's aliases move to B and A's name becomes one. Each affected task gets a `unit_merge`
    event and a new version; one more event (on B, no task) records the merge itself."""
    db = as_writer(db)
    a_id, a_name = lookup.find_unit_id(db, source)
    b_id, b_name = lookup.find_unit_id(db, target)
    if a_id == b_id:
        raise InvalidValueError(f"{source!r} and {target!r} are the same unit ({a_name})")
    result = MergeResult(source=a_name, target=b_name)
    task_ids = [
        int(row[0])
        for row in db.rows(
            "SELECT DISTINCT task_id FROM task_units WHERE unit_id = :a ORDER BY task_id",
            {"a": a_id},
        )
    ]
    tasks = [lock_task(db, tid) for tid in task_ids]
    for task in tasks:
        links = _links(db, task.id)
        b_positions = {link.role: link.position for link in links if link.unit_id == b_id}
        for link in links:
            if link.unit_id != a_id:
                continue
            if link.role in b_positions:
                # B keeps the earlier of the two positions
                db.execute("DELETE FROM task_units WHERE id = :id", {"id": link.id})
                if link.position < b_positions[link.role]:
                    db.execute(
                        "UPDATE task_units SET position = :position"
                        " WHERE task_id = :task AND unit_id = :b AND role = :role",
                        {"position": link.position, "task": task.id, "b": b_id, "role": link.role},
                    )
                result.dropped_links += 1
            else:
                db.execute(
                    "UPDATE task_units SET unit_id = :b WHERE id = :id", {"b": b_id, "id": link.id}
                )
                b_positions[link.role] = link.position
                result.moved_links += 1
        _record(db, task, "unit_merge", a_name, b_name, actor=actor, unit_id=b_id)
        result.tasks.append(task.id)
    ids = {"a": a_id, "b": b_id}
    db.execute("UPDATE progress_reports SET unit_id = :b WHERE unit_id = :a", ids)
    result.aliases = [
        row[0]
        for row in db.rows("SELECT alias FROM unit_aliases WHERE unit_id = :a ORDER BY id", ids)
    ]
    db.execute("UPDATE unit_aliases SET unit_id = :b WHERE unit_id = :a", ids)
    # a clerk of A reports for B now (migration 0005; only the server fills access_units)
    db.execute(
        "UPDATE access_units SET unit_id = :b WHERE unit_id = :a AND role_name NOT IN"
        " (SELECT role_name FROM access_units WHERE unit_id = :b)",
        ids,
    )
    db.execute("DELETE FROM units WHERE id = :a", ids)
    _add_alias_row(db, b_id, a_name)
    result.aliases.insert(0, a_name)
    _unit_event(db, b_id, b_name, "unit_merge", a_name, b_name, actor)
    return result


# --- batches --------------------------------------------------------------------------------------


def set_statuses(
    db: DB,
    task_refs: list[str] | tuple[str, ...],
    status: str,
    *,
    actor: str,
    note: str | None = None,
) -> list[Change]:
    """`set_status` for each task in turn, in the caller's one transaction (one event per task).

    The first refusal raises, and the caller's transaction writes nothing.
    """
    db = as_writer(db)
    return [set_status(db, ref, status, actor=actor, note=note) for ref in task_refs]


def apply_updates(db: DB, rows: list[Any], *, actor: str, source: str) -> list[Change]:
    """Apply the rows of an updates file (`ingest.updates.UpdateRow`) in the caller's transaction.

    A row's status is set first (its note is the status note); then a percent, or a note without a
    status, is recorded as a progress report. The first bad row raises an InvalidValueError naming
    the file and row, and the caller's transaction writes nothing.
    """
    db = as_writer(db)
    changes: list[Change] = []
    for row in rows:
        try:
            if not row.task:
                raise InvalidValueError("no task id")
            if not (row.status or row.percent or row.note):
                raise InvalidValueError(f"nothing to record for task {row.task}")
            if row.status:
                changes.append(set_status(db, row.task, row.status, actor=actor, note=row.note))
            if row.percent or (row.note and not row.status):
                changes.append(
                    add_progress(db, row.task, row.note, actor=actor, percent=row.percent or None)
                )
        except TaskctlError as exc:
            raise InvalidValueError(f"{source}, row {row.row}: {exc}; nothing written") from None
    return changes
