"""The supervision lifecycle (督查督办: 交办 → 签收 → 办理 → 办结 → 销号) as small tables.

Labels of each status live in `taskctl.labels` (`status.<name>`). Overdue and due-soon are computed
from the deadline, never stored as a status.
"""

from __future__ import annotations

STATUSES = ("assigned", "accepted", "in_progress", "done", "closed", "suspended", "cancelled")

#: Statuses in which a task is still owed and can fall overdue.
ACTIVE = ("assigned", "accepted", "in_progress")
#: Statuses counted as finished (reported done by the unit, or verified and closed).
FINISHED = ("done", "closed")
#: Statuses of tasks that are neither owed nor finished.
INACTIVE = ("suspended", "cancelled")

#: status → statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "assigned": ("accepted", "in_progress", "done", "suspended", "cancelled"),
    "accepted": ("in_progress", "done", "suspended", "cancelled"),
    "in_progress": ("done", "suspended", "cancelled"),
    "done": ("closed", "in_progress"),
    "closed": ("in_progress",),
    "suspended": ("accepted", "in_progress", "cancelled"),
    "cancelled": ("assigned",),
}

#: Moves out of these statuses reopen a task and need a --note saying why.
NOTE_REQUIRED_FROM = ("done", "closed", "cancelled")

#: Words a clerk may type for a status (Chinese labels and a few synonyms) → the status.
# fmt: off
STATUS_ALIASES: dict[str, str] = {
    "待签收": "assigned", "交办": "assigned", "已交办": "assigned",
    "已签收": "accepted", "签收": "accepted",
    "办理中": "in_progress", "进行中": "in_progress", "推进中": "in_progress",
    "in-progress": "in_progress", "progress": "in_progress", "doing": "in_progress",
    "已办结": "done", "办结": "done", "完成": "done", "已完成": "done",
    "已销号": "closed", "销号": "closed",
    "暂缓": "suspended", "suspend": "suspended",
    "已取消": "cancelled", "取消": "cancelled", "canceled": "cancelled",
}
# fmt: on


def parse_status(text: str) -> str:
    """The status a clerk means: an English key (`in_progress`, `in progress`) or a Chinese label/alias.

    An unknown word is refused with the valid ones listed.
    """
    from taskctl.errors import InvalidValueError
    from taskctl.labels import label

    word = " ".join(str(text).split())
    key = word.lower().replace(" ", "_")
    if key in STATUSES:
        return key
    for candidate in (word, word.lower(), key):
        if candidate in STATUS_ALIASES:
            return STATUS_ALIASES[candidate]
    for status in STATUSES:
        if word in (label(f"status.{status}", "zh"), label(f"status.{status}", "en")):
            return status
    valid = ", ".join(f"{s} ({label(f'status.{s}', 'zh')})" for s in STATUSES)
    raise InvalidValueError(f"unknown status {text!r}; valid statuses: {valid}")


def needs_note(old: str, new: str) -> bool:
    """True when moving old → new reopens a finished or cancelled task (done → closed does not)."""
    return old in NOTE_REQUIRED_FROM and new not in FINISHED


def check_transition(old: str, new: str, *, note: str | None = None, task: object = None) -> None:
    """Raise TransitionError unless old → new is in TRANSITIONS (and a reopening has a note)."""
    from taskctl.errors import TransitionError
    from taskctl.labels import label

    def show(status: str) -> str:
        return f"{status} ({label(f'status.{status}', 'zh')})"

    what = f"task {task}" if task is not None else "a task"
    allowed = TRANSITIONS.get(old, ())
    if new not in allowed:
        moves = ", ".join(show(s) for s in allowed) or "none"
        raise TransitionError(
            f"cannot move {what} from {show(old)} to {show(new)}; allowed from {old}: {moves}"
        )
    if needs_note(old, new) and not (note and note.strip()):
        raise TransitionError(
            f"moving {what} from {show(old)} to {show(new)} reopens it: give the reason with --note"
        )
