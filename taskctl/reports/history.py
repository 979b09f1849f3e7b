"""`taskctl history`: every event of one task, oldest first (stored in UTC, shown in local time)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskctl.labels import label, value_label
from taskctl.reports.report import Column, Report, column
from taskctl.store.lookup import resolve_task
from taskctl.store.models import Document, Event, local_time

#: The keys of `history --format json`, in order.
HISTORY_KEYS = ("time", "actor", "kind", "old", "new", "note")


def history_rows(session: Session, ref: str | int) -> tuple[Any, list[dict[str, Any]]]:
    """The task and its events as plain rows with the JSON keys (time is local and aware)."""
    task = resolve_task(session, ref)
    rows = [
        {
            "time": local_time(e.created_at),
            "actor": e.actor,
            "kind": e.kind,
            "old": e.old_value,
            "new": e.new_value,
            "note": e.note,
        }
        for e in session.scalars(select(Event).where(Event.task_id == task.id).order_by(Event.id))
    ]
    return task, rows


def history_report(session: Session, ref: str | int, lang: str = "zh") -> Report:
    """History of one task. JSON gets the stored values; the terminal shows labels."""
    task, rows = history_rows(session, ref)
    for row in rows:
        row["kind_shown"] = label(f"event.{row['kind']}", lang)
        row["old_shown"] = value_label(row["kind"], row["old"], lang)
        row["new_shown"] = value_label(row["kind"], row["new"], lang)
    doc = session.get(Document, task.document_id)
    hidden = {"table": False}
    shown = {"export": False}
    cols: list[Column] = [
        column("time"),
        column("actor"),
        column("kind", **hidden),
        column("kind", **shown),
        column("old", **hidden),
        column("new", **hidden),
        column("old", **shown),
        column("new", **shown),
        column("note", wrap=True),
    ]
    cols[3].key = "kind_shown"
    cols[6].key = "old_shown"
    cols[7].key = "new_shown"
    title = f"{doc.key}:{task.number} (#{task.id}) {task.title}"
    if lang == "zh":
        summary = f"版本 {task.version}，共 {len(rows)} 条记录"
    else:
        summary = f"version {task.version}, {len(rows)} events"
    return Report(title=title, columns=cols, rows=rows, summary=summary)
