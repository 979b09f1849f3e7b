"""Everything about one task, for `taskctl show`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from taskctl.reports.tasks import attach_people, select_tasks, task_row
from taskctl.store.lookup import find_task_id
from taskctl.store.reader import as_datetime

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules
    from taskctl.store.reader import Reader


def task_detail(
    db: Reader,
    ref: str,
    *,
    as_of: date | None = None,
    rules: LightRules | None = None,
) -> dict[str, Any]:
    """The task's row plus its light on `as_of` (default today), full text, headings above it, recent
    progress and the number of events."""
    from taskctl.reports.lights import DEFAULT_RULES, attach_lights

    task_id = find_task_id(db, ref)
    query = select_tasks(
        db,
        where=("t.id = :id",),
        params={"id": task_id},
        extra=", d.title, t.full_text, t.source_line, t.parent_id",
    )
    rec = db.one(*query)
    assert rec is not None  # find_task_id found it
    row = task_row(rec)
    attach_people(db, [row])
    attach_lights([row], as_of or date.today(), rules or DEFAULT_RULES)
    doc_title, full_text, source_line, parent_id = rec[-4:]
    headings = []
    while parent_id is not None:
        number, title, parent_id = db.one(
            "SELECT number, title, parent_id FROM tasks WHERE id = :id", {"id": parent_id}
        ) or (None, None, None)
        if number is None:
            break
        headings.insert(0, f"{number} {title}")
    progress = [
        {"time": as_datetime(at), "actor": actor, "percent": percent, "text": text}
        for at, actor, percent, text in db.rows(
            "SELECT reported_at, actor, percent, text FROM progress_reports WHERE task_id = :id"
            " ORDER BY reported_at DESC, id DESC LIMIT 5",
            {"id": task_id},
        )
    ]
    has_history = db.one("SELECT 1 FROM events WHERE task_id = :id LIMIT 1", {"id": task_id})
    removed_in = db.scalar("SELECT removed_in FROM tasks WHERE id = :id", {"id": task_id})
    row.update(
        document_title=doc_title,
        headings=headings,
        full_text=full_text,
        source_line=source_line,
        progress=progress,
        has_history=has_history is not None,
        removed_in=removed_in,
        plan_revised=_plan_revised(db, task_id, row),
    )
    return row


def _plan_revised(db: Reader, task_id: int, row: dict[str, Any]) -> dict[str, Any] | None:
    """Where a revision moved the planned deadline of an extended task: the plan's old and new
    deadline and the revision's note (the extension in force is the task's deadline)."""
    if row["original_deadline"] is None or row["deadline"] == row["original_deadline"]:
        return None
    found = db.one(
        "SELECT old_value, new_value, note FROM events WHERE task_id = :id AND kind = 'revised'"
        " AND note LIKE 'deadline %' ORDER BY id DESC LIMIT 1",
        {"id": task_id},
    )
    if found is None:
        return None
    return {"old": found[0], "new": found[1], "note": found[2]}
