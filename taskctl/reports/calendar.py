"""`calendar`: the deadlines of open tasks as calendar entries (queries only; render/ics.py writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taskctl.lifecycle import ACTIVE
from taskctl.reports.tasks import attach_people, select_tasks, task_row
from taskctl.store.models import Document, Task

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def deadline_entries(
    session: Session,
    *,
    unit: str | None = None,
    document: str | None = None,
    include_finished: bool = False,
) -> list[dict[str, Any]]:
    """Task rows (list keys plus `full_text`) of tasks with a deadline, soonest first.

    Open tasks only unless `include_finished`; `unit` keeps the tasks that unit has any role in.
    """
    stmt = (
        select_tasks(
            session, document=document, unit=unit, status=None if include_finished else ACTIVE
        )
        .where(Task.deadline.is_not(None))
        .order_by(None)
        .order_by(Task.deadline, Document.id, Task.position)
    )
    rows = []
    for task in session.execute(stmt.add_columns(Task.full_text)):
        row = task_row(task)
        row["full_text"] = task.full_text
        rows.append(row)
    attach_people(session, rows)
    return rows
