"""`unit-report`: everything one unit owes — the list a clerk sends to that unit (queries only).

Tasks it leads, then tasks it is responsible for, then tasks it supports; within each role the worst
light first, then by deadline. Finished and cancelled tasks are listed too (without a light), so the unit
sees its whole record; `open_only` keeps the active ones.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from taskctl.labels import label
from taskctl.lifecycle import ACTIVE
from taskctl.reports.lights import DEFAULT_RULES, SEVERITY, LightRules, days_overdue
from taskctl.reports.overdue import owed_task_rows, progress_columns
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import select_tasks, task_columns
from taskctl.store.lookup import find_unit_id

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

ROLE_ORDER = ("lead", "responsible", "support")


def unit_tasks(
    db: Reader,
    unit: str,
    *,
    as_of: date,
    open_only: bool = False,
    rules: LightRules = DEFAULT_RULES,
) -> tuple[str, list[dict[str, Any]]]:
    """The unit's canonical name and one row per (task, role), in ROLE_ORDER."""
    unit_id, name = find_unit_id(db, unit)
    roles: dict[int, list[str]] = {}
    for task_id, role in db.rows(
        "SELECT task_id, role FROM task_units WHERE unit_id = :unit_id", {"unit_id": unit_id}
    ):
        roles.setdefault(task_id, []).append(role)
    query = select_tasks(
        db,
        status=ACTIVE if open_only else None,
        where=("t.id IN (SELECT task_id FROM task_units WHERE unit_id = :unit_id)",),
        params={"unit_id": unit_id},
    )
    rows = []
    for base in owed_task_rows(db, query, as_of=as_of, rules=rules):
        for role in roles.get(base["id"], []):
            row = dict(base, role=role)
            # one of the two: days past the deadline, or days still left (not "-213 days overdue")
            days = days_overdue(row["deadline"], as_of) if row["status"] in ACTIVE else None
            row["days_overdue"] = days if days is not None and days > 0 else None
            row["days_left"] = -days if days is not None and days <= 0 else None
            rows.append(row)
    far = date.max
    rows.sort(
        key=lambda r: (
            ROLE_ORDER.index(r["role"]),
            SEVERITY[r["light"]],
            r["deadline"] or far,
        )
    )
    return name, rows


def unit_columns() -> list[Column]:
    cols: list[Column] = [column("role", "role")]
    shown = ("id", "number", "title", "lead", "deadline", "status")
    for c in task_columns():
        c.table = c.key in shown
        cols.append(c)
        if c.key == "deadline":
            cols += [
                column("days_overdue", "int"),
                column("days_left", "int"),
                column("light", "light"),
            ]
    cols += [column("percent", "percent"), *progress_columns()]
    cols += [column("reminded", "int"), column("last_reminded", "date")]
    return cols


def unit_summary(name: str, rows: list[dict[str, Any]], as_of: date, lang: str) -> str:
    by_role = Counter(r["role"] for r in rows)
    lights = Counter(r["light"] for r in rows if r["light"])
    sep = "、" if lang == "zh" else ", "
    roles = sep.join(
        f"{label(f'role.{role}', lang)} {by_role[role]}" for role in ROLE_ORDER if by_role[role]
    )
    shown = sep.join(f"{label(f'light.{c}', lang)} {lights[c]}" for c in ("red", "yellow", "green"))
    if lang == "zh":
        return f"截至 {as_of}，{name}：{roles or '无任务'}；{shown}。"
    return f"{name} as of {as_of}: {roles or 'no tasks'}; {shown}."


def unit_report(
    db: Reader,
    unit: str,
    *,
    as_of: date,
    lang: str,
    open_only: bool = False,
    rules: LightRules = DEFAULT_RULES,
) -> Report:
    from taskctl.reports.reminders import attach_reminders

    name, rows = unit_tasks(db, unit, as_of=as_of, open_only=open_only, rules=rules)
    attach_reminders(db, rows)
    return Report(
        title=f"{name} 任务清单" if lang == "zh" else f"Tasks of {name}",
        columns=unit_columns(),
        rows=rows,
        summary=unit_summary(name, rows, as_of, lang),
        key="unit_report",
    )
