"""`taskctl history`: every event of one task, oldest first (stored in UTC, shown in local time)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from taskctl.dates import local_time
from taskctl.labels import label, value_label
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import STREAM_BATCH
from taskctl.store.lookup import find_task_id
from taskctl.store.reader import as_datetime

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

#: The keys of `history --format json`, in order.
HISTORY_KEYS = ("time", "actor", "kind", "old", "new", "note")


def history_task(db: Reader, ref: str | int) -> dict[str, Any]:
    """The task a history is of: id, number, title, version and document key."""
    task_id = find_task_id(db, ref)
    number, title, version, key = db.one(
        "SELECT t.number, t.title, t.version, d.key FROM tasks t"
        " JOIN documents d ON d.id = t.document_id WHERE t.id = :id",
        {"id": task_id},
    ) or (None, None, None, None)
    return {"id": task_id, "number": number, "title": title, "version": version, "document": key}


def history_batches(db: Reader, task_id: int, lang: str) -> Iterator[list[dict[str, Any]]]:
    """The task's events as plain rows with the JSON keys (time is local and aware) and the labels
    the terminal shows, oldest first, a batch at a time off the cursor."""
    for batch in db.batches(
        "SELECT created_at, actor, kind, old_value, new_value, note FROM events"
        " WHERE task_id = :id ORDER BY id",
        {"id": task_id},
        size=STREAM_BATCH,
    ):
        yield [
            {
                "time": local_time(as_datetime(created_at)),
                "actor": actor,
                "kind": kind,
                "old": old,
                "new": new,
                "note": note,
                "kind_shown": label(f"event.{kind}", lang),
                "old_shown": value_label(kind, old, lang),
                "new_shown": value_label(kind, new, lang),
                "note_shown": _note(kind, note, lang),
            }
            for created_at, actor, kind, old, new, note in batch
        ]


class HistoryTally:
    """The summary line of a history: the task's version and how many events it has."""

    def __init__(self, version: int | None, lang: str) -> None:
        self.version, self.lang, self.count = version, lang, 0

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.count += len(rows)

    def text(self) -> str:
        if self.lang == "zh":
            return f"版本 {self.version}，共 {self.count} 条记录"
        return f"version {self.version}, {self.count} events"


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


def history_report(db: Reader, ref: str | int, lang: str = "zh", *, stream: bool = False) -> Report:
    """History of one task. JSON gets the stored values; the terminal shows labels. With `stream`
    the events come off the cursor as the report is written (`db` must stay open until then)."""
    task = history_task(db, ref)
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

    def batches() -> Iterator[list[dict[str, Any]]]:
        return history_batches(db, task["id"], lang)

    report = Report(
        title=title,
        columns=cols,
        rows=[],
        batches=batches,
        tally=HistoryTally(task["version"], lang),
    )
    return report if stream else report.materialize()
