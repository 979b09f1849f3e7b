"""`calendar`: the deadlines of open tasks as calendar entries (queries only; render/ics.py writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taskctl.lifecycle import ACTIVE
from taskctl.reports.overdue import DEADLINE_ORDER
from taskctl.reports.tasks import attach_people, select_tasks, task_row

if TYPE_CHECKING:
    from taskctl.store.reader import Reader


def deadline_entries(
    db: Reader,
    *,
    unit: str | None = None,
    document: str | None = None,
    include_finished: bool = False,
) -> list[dict[str, Any]]:
    """Task rows (list keys plus `full_text`) of tasks with a deadline, soonest first.

    Open tasks only unless `include_finished`; `unit` keeps the tasks that unit has any role in.
    """
    query = select_tasks(
        db,
        document=document,
        unit=unit,
        status=None if include_finished else ACTIVE,
        where=("t.deadline IS NOT NULL",),
        order=DEADLINE_ORDER,
        extra=", t.full_text",
    )
    rows = []
    for rec in db.rows(*query):
        row = task_row(rec)
        row["full_text"] = rec[-1]
        rows.append(row)
    attach_people(db, rows)
    return rows
