"""Recording 督办函: number the letters of a year and write one `reminded` event per task in each.

Numbers are not stored anywhere else: the next number of a year is one more than the highest
`〔YEAR〕N号` among the recorded `reminded` events. The event bumps the task's version like every
other event (a task's version counts its events). On PostgreSQL a transaction-scoped advisory lock
keeps two clerks from taking the same number; SQLite's write transaction already holds the lock.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, insert, text, update

from taskctl.reports.reminders import Letter, format_number, next_sequence
from taskctl.store.models import Event, Task, now_utc
from taskctl.store.reader import SqlaReader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: The advisory lock key of letter numbering (any constant; "督办" in hex-ish).
_LOCK_KEY = 0x7763_5F6E


def number_letters(session: Session, letters: list[Letter], day: date) -> None:
    """Give `letters` consecutive numbers of `day`'s year, after the highest one recorded."""
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
    now = now_utc()
    events = []
    bumps: dict[int, int] = {}
    doc_of = {}
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
    for task_id, document_id in session.execute(
        text("SELECT id, document_id FROM tasks WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": sorted(bumps)},
    ):
        doc_of[task_id] = document_id
    for event in events:
        event["document_id"] = doc_of.get(event["task_id"])
    session.execute(insert(Event), events)
    for task_id, n in bumps.items():
        session.execute(
            update(Task).where(Task.id == task_id).values(version=Task.version + n, updated_at=now),
        )
    return len(events)
