"""Everything about one task, for `taskctl show`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskctl.reports.tasks import attach_people, task_row
from taskctl.store.lookup import resolve_task
from taskctl.store.models import Document, Event, ProgressReport, Task

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules


def task_detail(
    session: Session,
    ref: str,
    *,
    as_of: date | None = None,
    rules: LightRules | None = None,
) -> dict[str, Any]:
    """The task's row plus its light on `as_of` (default today), full text, headings above it, recent
    progress and the number of events."""
    from taskctl.reports.lights import DEFAULT_RULES, attach_lights

    task = resolve_task(session, ref)
    doc = session.get(Document, task.document_id)
    row = task_row(task, doc.key)
    attach_people(session, [row])
    attach_lights(session, [row], as_of or date.today(), rules or DEFAULT_RULES)
    headings = []
    parent_id = task.parent_id
    while parent_id is not None:
        parent = session.get(Task, parent_id)
        headings.insert(0, f"{parent.number} {parent.title}")
        parent_id = parent.parent_id
    progress = [
        {"time": p.reported_at, "actor": p.actor, "percent": p.percent, "text": p.text}
        for p in session.scalars(
            select(ProgressReport)
            .where(ProgressReport.task_id == task.id)
            .order_by(ProgressReport.reported_at.desc(), ProgressReport.id.desc())
            .limit(5)
        )
    ]
    events = session.scalar(
        select(Event.id).where(Event.task_id == task.id).order_by(Event.id.desc()).limit(1)
    )
    row.update(
        document_title=doc.title,
        headings=headings,
        full_text=task.full_text,
        source_line=task.source_line,
        progress=progress,
        has_history=events is not None,
    )
    return row
