"""督办函: which units to chase about which tasks, and how often each task has been chased (queries only).

A letter goes to a unit for every active task it has a role in (lead, responsible or support) whose
deadline is before `as_of` (overdue) or, with `within_days`, no later than `as_of + within_days`
(due soon). Without named units every department with such a task gets one; group placeholders
(有关处室) only when named. Each `reminded` event (written by `taskctl.store.reminders`) holds the
letter's number in `new_value` and its date, unit and reply deadline as JSON in `note`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from taskctl.errors import InvalidValueError, NotFoundError
from taskctl.lifecycle import ACTIVE
from taskctl.reports.overdue import DEADLINE_ORDER, owed_task_rows
from taskctl.reports.tasks import select_tasks
from taskctl.store.lookup import find_unit_id

if TYPE_CHECKING:
    from taskctl.store.reader import Reader
    from taskctl.store.reminders import Letter

ROLE_ORDER = ("lead", "responsible", "support")


def add_working_days(day: date, n: int) -> date:
    """`day` plus `n` working days (Monday to Friday; public holidays are not known)."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def letter_date(note: str | None, fallback: date | None) -> date | None:
    """The date a letter carries (from a `reminded` event's note), else `fallback`."""
    import json

    try:
        return date.fromisoformat(json.loads(note or "{}")["date"])
    except (ValueError, KeyError, TypeError):
        return fallback


def reminder_counts(db: Reader, task_ids: list[int]) -> dict[int, tuple[int, date | None]]:
    """task id → (how many letters chased it, the date of the latest). Reads the `reminded` events
    of those tasks only: a streamed report asks once per batch."""
    from taskctl.store.reader import as_date

    out: dict[int, tuple[int, date | None]] = {}
    wanted = sorted(set(task_ids))
    if not wanted:
        return out
    params: dict[str, Any] = {}
    cond = db.in_list("task_id", wanted, params, "ids")
    for task_id, note, created_at in db.rows(
        f"SELECT task_id, note, created_at FROM events WHERE kind = 'reminded' AND {cond}"
        " ORDER BY id",
        params,
    ):
        count, last = out.get(task_id, (0, None))
        day = letter_date(note, as_date(created_at))
        if last is not None and (day is None or day < last):
            day = last
        out[task_id] = (count + 1, day)
    return out


def attach_reminders(db: Reader, rows: list[dict[str, Any]]) -> None:
    """Set `reminded` (count) and `last_reminded` (date) on task rows."""
    counts = reminder_counts(db, [r["id"] for r in rows])
    for r in rows:
        r["reminded"], r["last_reminded"] = counts.get(r["id"], (0, None))


def _unit_roles(db: Reader, task_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """task id → [(unit id, role)] in role order."""
    params: dict[str, Any] = {}
    cond = db.in_list("task_id", task_ids, params, "ids")
    out: dict[int, list[tuple[int, str]]] = {}
    for task_id, unit_id, role in db.rows(
        f"SELECT task_id, unit_id, role FROM task_units WHERE {cond} ORDER BY task_id, position",
        params,
    ):
        out.setdefault(task_id, []).append((unit_id, role))
    return out


def reminder_letters(
    db: Reader,
    *,
    as_of: date,
    units: list[str] | tuple[str, ...] = (),
    within_days: int | None = None,
) -> list[Letter]:
    """One letter per unit with overdue (or, with `within_days`, due-soon) active tasks.

    Named units come in the order given and each must owe something; otherwise departments in
    name order. Tasks within a letter: lead first, then responsible, then support, most overdue first.
    """
    from taskctl.store.reminders import Letter  # the letters' own module; `overdue` needs none

    wanted: list[tuple[int, str]] = []
    for ref in units:
        found = find_unit_id(db, ref)
        if found not in wanted:
            wanted.append(found)
    last = as_of + timedelta(days=within_days) if within_days else as_of - timedelta(days=1)
    query = select_tasks(
        db,
        status=ACTIVE,
        where=("t.deadline <= :last",),
        params={"last": last},
        order=DEADLINE_ORDER,
    )
    tasks = owed_task_rows(db, query, as_of=as_of)
    attach_reminders(db, tasks)
    links = _unit_roles(db, [t["id"] for t in tasks])
    kinds = dict(db.rows("SELECT id, kind FROM units"))
    names = dict(db.rows("SELECT id, name FROM units"))
    by_unit: dict[int, list[dict[str, Any]]] = {}
    for task in tasks:
        task["days_overdue"] = max((as_of - task["deadline"]).days, 0)
        for unit_id, role in links.get(task["id"], []):
            by_unit.setdefault(unit_id, []).append(dict(task, role=role))
    if wanted:
        chosen = wanted
        for unit_id, name in wanted:
            if unit_id in by_unit:
                continue
            if within_days:
                raise InvalidValueError(
                    f"unit {name!r} has no overdue or due-soon tasks on {as_of}"
                )
            raise InvalidValueError(f"unit {name!r} has no overdue tasks on {as_of}")
    else:
        chosen = sorted(
            ((uid, names[uid]) for uid in by_unit if kinds.get(uid) == "department"),
            key=lambda pair: pair[1],
        )
        if not chosen and within_days:
            raise NotFoundError(
                f"no unit has overdue or due-soon tasks on {as_of}; no letter written"
            )
        if not chosen:
            raise NotFoundError(f"no unit has overdue tasks on {as_of}; no letter written")
    letters = []
    for unit_id, name in chosen:
        rows = by_unit[unit_id]
        rows.sort(key=lambda r: (ROLE_ORDER.index(r["role"]), -r["days_overdue"], r["deadline"]))
        letters.append(Letter(unit_id, name, rows))
    return letters
