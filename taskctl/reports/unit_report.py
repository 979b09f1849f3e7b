"""`unit-report`: everything one unit owes — the list a clerk sends to that unit (queries only).

Tasks it leads, then tasks it is responsible for, then tasks it supports; within each role the worst
light first, then by deadline. Finished and cancelled tasks are listed too (without a light), so the unit
sees its whole record; `open_only` keeps the active ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from taskctl.labels import label
from taskctl.lifecycle import ACTIVE
from taskctl.reports.lights import DEFAULT_RULES, SEVERITY, LightRules, attach_lights, days_overdue
from taskctl.reports.overdue import attach_latest_progress, progress_columns
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import select_tasks, stream_task_rows, task_columns
from taskctl.store.lookup import find_unit_id

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

ROLE_ORDER = ("lead", "responsible", "support")


#: Each role's tasks in one run, lead first; within a role by deadline (none last), then as listed.
ROLE_RANK = "CASE tu.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 ELSE 2 END"
UNIT_ORDER = f"{ROLE_RANK}, t.deadline IS NULL, t.deadline, d.id, t.position"


def unit_batches(
    db: Reader,
    unit_id: int,
    *,
    as_of: date,
    open_only: bool = False,
    rules: LightRules = DEFAULT_RULES,
) -> Iterator[list[dict[str, Any]]]:
    """One row per (task, role) of the unit, a batch at a time: in ROLE_ORDER, within each role the
    worst light first, then by deadline. The database orders by role and deadline; the light is
    known only once a row is built, so each role's yellow, green and unlit rows wait in a spool
    (`spool.ranked`) until its red ones have passed."""
    from taskctl.reports.reminders import attach_reminders
    from taskctl.reports.spool import ranked

    query = select_tasks(
        db,
        status=ACTIVE if open_only else None,
        join=" JOIN task_units tu ON tu.task_id = t.id AND tu.unit_id = :unit_id",
        params={"unit_id": unit_id},
        extra=", tu.role",
        order=UNIT_ORDER,
    )

    def built() -> Iterator[list[dict[str, Any]]]:
        for rows in stream_task_rows(db, query, extra=("role",)):
            attach_lights(rows, as_of, rules)
            attach_latest_progress(db, rows)
            for row in rows:
                # one of the two: days past the deadline, or days still left (not "-213 days overdue")
                days = days_overdue(row["deadline"], as_of) if row["status"] in ACTIVE else None
                row["days_overdue"] = days if days is not None and days > 0 else None
                row["days_left"] = -days if days is not None and days <= 0 else None
            attach_reminders(db, rows)
            yield rows

    return ranked(built(), group=itemgetter("role"), rank=lambda r: SEVERITY[r["light"]])


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


class UnitTally:
    """The summary line of a unit report, made as the rows pass: tasks per role and per light."""

    def __init__(self, name: str, as_of: date, lang: str) -> None:
        self.name, self.as_of, self.lang = name, as_of, lang
        self.by_role: Counter[str] = Counter()
        self.lights: Counter[str] = Counter()

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.by_role.update(r["role"] for r in rows)
        self.lights.update(r["light"] for r in rows if r["light"])

    def text(self) -> str:
        lang, by_role, lights = self.lang, self.by_role, self.lights
        sep = "、" if lang == "zh" else ", "
        roles = sep.join(
            f"{label(f'role.{role}', lang)} {by_role[role]}" for role in ROLE_ORDER if by_role[role]
        )
        shown = sep.join(
            f"{label(f'light.{c}', lang)} {lights[c]}" for c in ("red", "yellow", "green")
        )
        if lang == "zh":
            return f"截至 {self.as_of}，{self.name}：{roles or '无任务'}；{shown}。"
        return f"{self.name} as of {self.as_of}: {roles or 'no tasks'}; {shown}."


def unit_report(
    db: Reader,
    unit: str,
    *,
    as_of: date,
    lang: str,
    open_only: bool = False,
    rules: LightRules = DEFAULT_RULES,
    stream: bool = False,
) -> Report:
    """What one unit owes. With `stream` the rows come off the cursor as the report is written (`db`
    must stay open until then), else all at once; the summary follows the rows."""
    unit_id, name = find_unit_id(db, unit)

    def batches() -> Iterator[list[dict[str, Any]]]:
        return unit_batches(db, unit_id, as_of=as_of, open_only=open_only, rules=rules)

    report = Report(
        title=f"{name} 任务清单" if lang == "zh" else f"Tasks of {name}",
        columns=unit_columns(),
        rows=[],
        key="unit_report",
        batches=batches,
        tally=UnitTally(name, as_of, lang),
    )
    return report if stream else report.materialize()
