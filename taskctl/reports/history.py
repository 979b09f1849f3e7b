"""`taskctl history`: every event of one task, oldest first (stored in UTC, shown in local time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taskctl.dates import local_time
from taskctl.labels import label, value_label
from taskctl.reports.report import Column, Report, column
from taskctl.store.lookup import find_task_id
from taskctl.store.reader import as_datetime

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

#: The keys of `history --format json`, in order.
HISTORY_KEYS = ("time", "actor", "kind", "old", "new", "note")


def history_rows(db: Reader, ref: str | int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The task (id, number, title, version, document key) and its events as plain rows with the
    JSON keys (time is local and aware)."""
    task_id = find_task_id(db, ref)
    number, title, version, key = db.one(
        "SELECT t.number, t.title, t.version, d.key FROM tasks t"
        " JOIN documents d ON d.id = t.document_id WHERE t.id = :id",
        {"id": task_id},
    ) or (None, None, None, None)
    task = {"id": task_id, "number": number, "title": title, "version": version, "document": key}
    rows = [
        {
            "time": local_time(as_datetime(created_at)),
            "actor": actor,
            "kind": kind,
            "old": old,
            "new": new,
            "note": note,
        }
        for created_at, actor, kind, old, new, note in db.rows(
            "SELECT created_at, actor, kind, old_value, new_value, note FROM events"
            " WHERE task_id = :id ORDER BY id",
            {"id": task_id},
        )
    ]
    return task, rows


def _note(kind: str, note: str | None, lang: str) -> str | None:
    """An event's note as people read it: a 督办函's stored details become a phrase."""
    if kind != "reminded" or not note:
        return note
    import json

    try:
        d = json.loads(note)
        if lang == "zh":
            return f"{d['date']} 督办函致{d['unit']}，{d['from']}，限 {d['reply_by']} 前反馈"
        return f"letter of {d['date']} to {d['unit']} from {d['from']}, reply by {d['reply_by']}"
    except (ValueError, KeyError, TypeError):
        return note


def history_report(db: Reader, ref: str | int, lang: str = "zh") -> Report:
    """History of one task. JSON gets the stored values; the terminal shows labels."""
    task, rows = history_rows(db, ref)
    for row in rows:
        row["kind_shown"] = label(f"event.{row['kind']}", lang)
        row["old_shown"] = value_label(row["kind"], row["old"], lang)
        row["new_shown"] = value_label(row["kind"], row["new"], lang)
        row["note_shown"] = _note(row["kind"], row["note"], lang)
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
        column("note", wrap=True, table=False),
        column("note", wrap=True, export=False),
    ]
    cols[3].key = "kind_shown"
    cols[6].key = "old_shown"
    cols[7].key = "new_shown"
    cols[9].key = "note_shown"
    title = f"{task['document']}:{task['number']} (#{task['id']}) {task['title']}"
    if lang == "zh":
        summary = f"版本 {task['version']}，共 {len(rows)} 条记录"
    else:
        summary = f"version {task['version']}, {len(rows)} events"
    return Report(title=title, columns=cols, rows=rows, summary=summary)
