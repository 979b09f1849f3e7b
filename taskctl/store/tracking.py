"""Tracking a task after import: status, progress, deadline, assignment, and unit housekeeping.

Every change locks the task row (`SELECT … FOR UPDATE`; on SQLite the write transaction already holds the
database lock), checks an optional expected version, writes exactly one `Event` and bumps the task's
version by 1. Events are only ever inserted. A task's version therefore counts its events: the last
`version - v` events of a task are what happened since version v.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskctl import lifecycle
from taskctl.errors import (
    AmbiguousError,
    InvalidValueError,
    NotFoundError,
    StaleVersionError,
)
from taskctl.store import lookup
from taskctl.store.lookup import resolve_task
from taskctl.store.models import (
    ROLES,
    Event,
    ProgressReport,
    Task,
    TaskUnit,
    Unit,
    UnitAlias,
    local_time,
    now_utc,
)
from taskctl.store.units import get_or_create_unit, lookup_unit, normalize_unit_name


@dataclass
class Change:
    """What one tracking call did. `changed` is False for a no-op (nothing written, version kept)."""

    kind: str
    task_id: int | None
    old: str | None
    new: str | None
    note: str | None = None
    version: int | None = None
    changed: bool = True
    unit: str | None = None


@dataclass
class MergeResult:
    """What `merge_units` did: links moved to B, duplicate links dropped, aliases carried over."""

    source: str
    target: str
    tasks: list[int] = field(default_factory=list)
    moved_links: int = 0
    dropped_links: int = 0
    aliases: list[str] = field(default_factory=list)


# --- locking, versions, events --------------------------------------------------------------------


def lock_task(session: Session, task_ref: str | int) -> Task:
    """Resolve a task reference and re-read the row locked for this transaction (fresh values)."""
    task_id = resolve_task(session, task_ref).id
    return session.execute(
        select(Task)
        .where(Task.id == task_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def describe_event(event: Event) -> str:
    """One event as a short phrase: `status assigned→done by 李四 at 2026-11-20 10:02`."""
    when = local_time(event.created_at).strftime("%Y-%m-%d %H:%M")
    if event.kind == "progress":
        pct = f" {event.new_value}" if event.new_value else ""
        what = f"progress{pct} {event.note!r}" if event.note else f"progress{pct}"
    elif event.old_value or event.new_value:
        what = f"{event.kind} {event.old_value or '∅'}→{event.new_value or '∅'}"
    else:
        what = event.kind
    return f"{what} by {event.actor} at {when}"


def events_since(session: Session, task: Task, version: int) -> list[Event]:
    """The events of `task` that happened after it was at `version` (oldest first)."""
    count = task.version - version
    if count <= 0:
        return []
    newest = list(
        session.scalars(
            select(Event).where(Event.task_id == task.id).order_by(Event.id.desc()).limit(count)
        )
    )
    return list(reversed(newest))


def check_version(session: Session, task: Task, expect_version: int | None) -> None:
    """Refuse an update based on a stale read, saying what changed in between."""
    if expect_version is None or expect_version == task.version:
        return
    if expect_version > task.version:
        raise StaleVersionError(
            f"task {task.id} is at version {task.version}, not {expect_version}"
        )
    changes = "; ".join(describe_event(e) for e in events_since(session, task, expect_version))
    raise StaleVersionError(
        f"task {task.id} changed since version {expect_version}"
        f" (now {task.version}): {changes or 'unknown changes'}"
    )


def _record(
    session: Session,
    task: Task,
    kind: str,
    old: str | None,
    new: str | None,
    *,
    actor: str,
    note: str | None = None,
    unit_id: int | None = None,
    now: datetime | None = None,
) -> Change:
    now = now or now_utc()
    task.version += 1
    task.updated_at = now
    session.add(
        Event(
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
    )
    session.flush()
    return Change(kind, task.id, old, new, note, task.version)


def _unchanged(task: Task, kind: str, value: str | None) -> Change:
    return Change(kind, task.id, value, value, None, task.version, changed=False)


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = " ".join(note.split())
    return note or None


# --- status, progress, deadline -------------------------------------------------------------------


def set_status(
    session: Session,
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
    new = lifecycle.parse_status(status)
    note = _clean_note(note)
    task = lock_task(session, task_ref)
    check_version(session, task, expect_version)
    if task.status == new:
        return _unchanged(task, "status", new)
    lifecycle.check_transition(task.status, new, note=note, task=task.id)
    old = task.status
    task.status = new
    return _record(session, task, "status", old, new, actor=actor, note=note)


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
    session: Session,
    task_ref: str | int,
    text: str,
    *,
    actor: str,
    percent: int | str | None = None,
    expect_version: int | None = None,
) -> Change:
    """Record a dated progress report in the unit's own words (and the task's percent, if given)."""
    text = (text or "").strip()
    pct = None if percent is None else parse_percent(percent)
    if not text and pct is None:
        raise InvalidValueError("a progress report needs a text or a percent")
    task = lock_task(session, task_ref)
    check_version(session, task, expect_version)
    now = now_utc()
    old = task.percent
    session.add(
        ProgressReport(task_id=task.id, text=text, percent=pct, actor=actor, reported_at=now)
    )
    if pct is not None:
        task.percent = pct
    return _record(
        session, task, "progress", _pct(old), _pct(pct), actor=actor, note=text or None, now=now
    )


def change_deadline(
    session: Session,
    task_ref: str | int,
    when: date,
    *,
    actor: str,
    note: str | None,
    expect_version: int | None = None,
) -> Change:
    """Extend (or bring forward) a task's deadline; the original deadline is kept. A note is required."""
    note = _clean_note(note)
    if not note:
        raise InvalidValueError("a deadline change needs a reason (--note)")
    if not isinstance(when, date):
        raise InvalidValueError(f"bad deadline {when!r}")
    if isinstance(when, datetime):
        when = when.date()
    task = lock_task(session, task_ref)
    check_version(session, task, expect_version)
    old = task.deadline
    if old == when:
        return _unchanged(task, "deadline", when.isoformat())
    if task.original_deadline is None:
        task.original_deadline = old
    task.deadline = when
    return _record(
        session,
        task,
        "deadline",
        old.isoformat() if old else None,
        when.isoformat(),
        actor=actor,
        note=note,
    )


# --- assignment -----------------------------------------------------------------------------------


def resolve_unit(session: Session, name: str, *, create: bool = False) -> Unit:
    """A unit from what a clerk typed (unique prefix or substring); with `create`, a new one if none
    matches. Without it an unknown name is refused with a hint."""
    try:
        return lookup.resolve_unit(session, name)
    except AmbiguousError:
        raise
    except NotFoundError:
        if not create:
            raise NotFoundError(
                f"unknown unit {name!r} (see `taskctl units`; add --new to create it)"
            ) from None
    if not normalize_unit_name(name):
        raise InvalidValueError("empty unit name")
    return get_or_create_unit(session, name)


def assignment_text(session: Session, task_id: int) -> str:
    """The task's units as one line: `lead: A、B; support: C` (empty when none)."""
    parts: dict[str, list[str]] = {}
    for role, name in session.execute(
        select(TaskUnit.role, Unit.name)
        .join(Unit, TaskUnit.unit_id == Unit.id)
        .where(TaskUnit.task_id == task_id)
        .order_by(TaskUnit.role, TaskUnit.position, TaskUnit.id)
    ):
        parts.setdefault(role, []).append(name)
    return "; ".join(f"{role}: {'、'.join(parts[role])}" for role in ROLES if role in parts)


def assign(
    session: Session,
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
    if not (lead or support or remove):
        raise InvalidValueError("nothing to assign: give --lead, --support or --remove")
    task = lock_task(session, task_ref)
    check_version(session, task, expect_version)
    wanted: list[tuple[Unit, str]] = []
    for role, names in (("lead", lead), ("support", support)):
        for name in names:
            wanted.append((resolve_unit(session, name, create=new), role))
    dropping = [resolve_unit(session, name) for name in remove]
    clash = {u.id for u, _ in wanted} & {u.id for u in dropping}
    if clash:
        names = "、".join(sorted(session.get(Unit, i).name for i in clash))
        raise InvalidValueError(f"{names}: both assigned and removed")
    before = assignment_text(session, task.id)
    links = list(session.scalars(select(TaskUnit).where(TaskUnit.task_id == task.id)))
    for unit in dropping:
        mine = [link for link in links if link.unit_id == unit.id]
        if not mine:
            raise InvalidValueError(f"unit {unit.name} is not assigned to task {task.id}")
        for link in mine:
            session.delete(link)
            links.remove(link)
    for unit, role in wanted:
        if any(link.unit_id == unit.id and link.role == role for link in links):
            continue
        for link in [x for x in links if x.unit_id == unit.id]:
            session.delete(link)
            links.remove(link)
        position = max((x.position for x in links if x.role == role), default=-1) + 1
        link = TaskUnit(task_id=task.id, unit_id=unit.id, role=role, position=position)
        session.add(link)
        links.append(link)
    session.flush()
    after = assignment_text(session, task.id)
    if after == before:
        return _unchanged(task, "assign", after)
    return _record(
        session, task, "assign", before or None, after or None, actor=actor, note=_clean_note(note)
    )


# --- units ----------------------------------------------------------------------------------------


def _unit_event(
    session: Session, unit: Unit, kind: str, old: str | None, new: str | None, actor: str
) -> Change:
    session.add(
        Event(
            task_id=None,
            unit_id=unit.id,
            kind=kind,
            old_value=old,
            new_value=new,
            actor=actor,
            created_at=now_utc(),
        )
    )
    session.flush()
    return Change(kind, None, old, new, unit=unit.name)


def add_alias(session: Session, unit_name: str, alias: str, *, actor: str) -> Change:
    """Let `alias` name the unit too (exact match when a clerk or a document uses it)."""
    unit = lookup.resolve_unit(session, unit_name)
    alias = normalize_unit_name(alias)
    if not alias:
        raise InvalidValueError("empty alias")
    other = lookup_unit(session, alias)
    if other is not None and other.id != unit.id:
        raise InvalidValueError(
            f"{alias!r} already names unit {other.name}; merge them with `taskctl unit merge`"
        )
    if other is not None:
        return Change("unit_alias", None, alias, alias, changed=False, unit=unit.name)
    session.add(UnitAlias(unit_id=unit.id, alias=alias))
    return _unit_event(session, unit, "unit_alias", None, alias, actor)


def rename_unit(session: Session, old_name: str, new_name: str, *, actor: str) -> Change:
    """Give a unit a new canonical name; the old name stays as an alias."""
    unit = lookup.resolve_unit(session, old_name)
    new = normalize_unit_name(new_name)
    if not new:
        raise InvalidValueError("empty unit name")
    if new == unit.name:
        return Change("unit_rename", None, new, new, changed=False, unit=unit.name)
    other = lookup_unit(session, new)
    if other is not None and other.id != unit.id:
        raise InvalidValueError(
            f"unit {other.name} already exists; use `taskctl unit merge {unit.name} {other.name}`"
        )
    old = unit.name
    for existing in list(unit.aliases):
        if existing.alias == new:
            session.delete(existing)
    session.flush()
    unit.name = new
    session.flush()
    session.add(UnitAlias(unit_id=unit.id, alias=old))
    return _unit_event(session, unit, "unit_rename", old, new, actor)


def merge_units(session: Session, source: str, target: str, *, actor: str) -> MergeResult:
    """Merge unit A into unit B: every task link and progress report of A moves to B (duplicates
    dropped), A's aliases move to B and A's name becomes one. Each affected task gets a `unit_merge`
    event and a new version; one more event (on B, no task) records the merge itself."""
    a = lookup.resolve_unit(session, source)
    b = lookup.resolve_unit(session, target)
    if a.id == b.id:
        raise InvalidValueError(f"{source!r} and {target!r} are the same unit ({a.name})")
    result = MergeResult(source=a.name, target=b.name)
    task_ids = sorted(
        set(session.scalars(select(TaskUnit.task_id).where(TaskUnit.unit_id == a.id)))
    )
    tasks = [lock_task(session, tid) for tid in task_ids]
    for task in tasks:
        links = list(session.scalars(select(TaskUnit).where(TaskUnit.task_id == task.id)))
        b_roles = {link.role for link in links if link.unit_id == b.id}
        b_positions = {link.role: link.position for link in links if link.unit_id == b.id}
        for link in links:
            if link.unit_id != a.id:
                continue
            if link.role in b_roles:
                # B keeps the earlier of the two positions
                if link.position < b_positions[link.role]:
                    for other in links:
                        if other.unit_id == b.id and other.role == link.role:
                            other.position = link.position
                session.delete(link)
                result.dropped_links += 1
            else:
                link.unit_id = b.id
                b_roles.add(link.role)
                b_positions[link.role] = link.position
                result.moved_links += 1
        session.flush()
        _record(session, task, "unit_merge", a.name, b.name, actor=actor, unit_id=b.id)
        result.tasks.append(task.id)
    for report in session.scalars(select(ProgressReport).where(ProgressReport.unit_id == a.id)):
        report.unit_id = b.id
    for alias in list(a.aliases):
        result.aliases.append(alias.alias)
        alias.unit_id = b.id
    session.flush()
    session.expire(a, ["aliases"])
    old_name = a.name
    session.delete(a)
    session.flush()
    session.add(UnitAlias(unit_id=b.id, alias=old_name))
    result.aliases.insert(0, old_name)
    _unit_event(session, b, "unit_merge", old_name, b.name, actor)
    return result
