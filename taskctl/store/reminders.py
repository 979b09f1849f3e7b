"""Recording 督办函: number the letters of a year and write one `reminded` event per task in each.

Numbers are not stored anywhere else: the next number of a year is one more than the highest
`〔YEAR〕N号` among the recorded `reminded` events (`new_value`); the event's `note` holds the letter's
date, unit, reply deadline and issuing office as JSON. The event bumps the task's version like every
other event (a task's version counts its events). On PostgreSQL a transaction-scoped advisory lock
keeps two clerks from taking the same number; SQLite's write transaction already holds the lock.
SQLAlchemy is imported only by the writing functions, so reports can use the numbering helpers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from taskctl.clock import now_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from taskctl.store.reader import Reader

#: A stored letter number: 〔2026〕3号.
NUMBER = re.compile(r"〔(\d{4})〕(\d+)号")
#: The advisory lock key of letter numbering (any constant).
_LOCK_KEY = 0x7763_5F6E


@dataclass
class Letter:
    """One letter to one unit: its tasks (rows with `id`, `role`, `days_overdue`, …) and number."""

    unit_id: int
    unit: str
    rows: list[dict[str, Any]]
    number: str | None = None


def format_number(year: int, seq: int) -> str:
    return f"〔{year}〕{seq}号"


def parse_number(text: str | None) -> tuple[int, int] | None:
    """(year, sequence) of a stored letter number, or None."""
    match = NUMBER.fullmatch(text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def next_sequence(db: Reader, year: int) -> int:
    """The next letter number of `year`: one more than the highest recorded, else 1."""
    highest = 0
    for (value,) in db.rows(
        "SELECT new_value FROM events WHERE kind = 'reminded' AND new_value LIKE :prefix",
        {"prefix": f"〔{year}〕%"},
    ):
        parsed = parse_number(value)
        if parsed and parsed[0] == year:
            highest = max(highest, parsed[1])
    return highest + 1


def number_letters(session: Session, letters: list[Letter], day: date) -> None:
    """Give `letters` consecutive numbers of `day`'s year, after the highest one recorded."""
    from sqlalchemy import text

    from taskctl.store.reader import SqlaReader

    db = SqlaReader(session)
    if db.dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    seq = next_sequence(db, day.year)
    for offset, letter in enumerate(letters):
        letter.number = format_number(day.year, seq + offset)


def record_letters(
    session: Session,
    letters: list[Letter],
    *,
    day: date,
    reply_by: date,
    issuer: str,
    actor: str,
) -> int:
    """One `reminded` event per task of each (numbered) letter; returns how many were written."""
    from sqlalchemy import bindparam, insert, text, update

    from taskctl.store.models import Event, Task

    now = now_utc()
    events = []
    bumps: dict[int, int] = {}
    for letter in letters:
        note = json.dumps(
            {
                "date": day.isoformat(),
                "unit": letter.unit,
                "reply_by": reply_by.isoformat(),
                "from": issuer,
            },
            ensure_ascii=False,
        )
        for row in letter.rows:
            task_id = row["id"]
            bumps[task_id] = bumps.get(task_id, 0) + 1
            events.append(
                {
                    "task_id": task_id,
                    "unit_id": letter.unit_id,
                    "kind": "reminded",
                    "old_value": None,
                    "new_value": letter.number,
                    "note": note,
                    "actor": actor,
                    "created_at": now,
                }
            )
    if not events:
        return 0
    documents = dict(
        session.execute(
            text("SELECT id, document_id FROM tasks WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": sorted(bumps)},
        ).all()
    )
    for event in events:
        event["document_id"] = documents.get(event["task_id"])
    session.execute(insert(Event), events)
    for task_id, n in bumps.items():
        session.execute(
            update(Task).where(Task.id == task_id).values(version=Task.version + n, updated_at=now)
        )
    return len(events)
