"""The weekly round trip (报送): a unit's ledger rows out, filled rows back in.

`ledger_rows` selects what `taskctl ledger export` writes. `apply_ledger` validates every filled row
first (unknown task, bad status or transition, bad percent, bad date, a task changed since export) and
applies the rows only when all are good — or, with `skip_bad`, the good ones — inside the caller's write
transaction, through the same functions as the interactive commands (one event per change).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskctl import lifecycle
from taskctl.errors import TaskctlError
from taskctl.ingest.ledger import LedgerRow
from taskctl.store import tracking
from taskctl.store.lookup import resolve_unit
from taskctl.store.models import Document, ProgressReport, Task, TaskUnit, local_time

#: When a unit has several roles on a task, the ledger names the first of these.
ROLE_ORDER = ("lead", "responsible", "support")


def ledger_rows(session: Session, unit: str) -> tuple[str, list[dict[str, Any]]]:
    """The unit's canonical name and its tasks (lead, support or responsible) in document order."""
    found = resolve_unit(session, unit)
    roles: dict[int, set[str]] = {}
    for task_id, role in session.execute(
        select(TaskUnit.task_id, TaskUnit.role).where(TaskUnit.unit_id == found.id)
    ):
        roles.setdefault(task_id, set()).add(role)
    rows: list[dict[str, Any]] = []
    if not roles:
        return found.name, rows
    ids = list(roles)
    latest: dict[int, ProgressReport] = {}
    for report in session.scalars(
        select(ProgressReport)
        .where(ProgressReport.task_id.in_(ids))
        .order_by(ProgressReport.reported_at, ProgressReport.id)
    ):
        latest[report.task_id] = report
    for task, key in session.execute(
        select(Task, Document.key)
        .join(Document, Task.document_id == Document.id)
        .where(Task.id.in_(ids), Task.kind == "task")
        .order_by(Document.id, Task.position)
    ):
        report = latest.get(task.id)
        progress = None
        if report is not None:
            when = local_time(report.reported_at).date().isoformat()
            pct = f" ({report.percent}%)" if report.percent is not None else ""
            progress = f"{when}{pct} {report.text}".strip()
        rows.append(
            {
                "id": task.id,
                "document": key,
                "number": task.number,
                "title": task.title,
                "role": next(r for r in ROLE_ORDER if r in roles[task.id]),
                "deadline": task.deadline,
                "status": task.status,
                "percent": task.percent,
                "latest_progress": progress,
                "version": task.version,
            }
        )
    return found.name, rows


@dataclass
class RowProblem:
    """A row that cannot be applied, with its row number in the file."""

    row: int
    task: str | None
    message: str


@dataclass
class RowChange:
    """What one applied row changed (one `Change` per event written)."""

    row: int
    task_id: int
    number: str
    changes: list[tracking.Change]
    version: int


@dataclass
class LedgerResult:
    changed: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    applied: bool = False


@dataclass
class _Plan:
    row: int
    task: Task
    version: int
    status: str | None = None
    percent: int | None = None
    text: str | None = None
    deadline: date | None = None
    note: str | None = None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _int(value: Any, what: str) -> int:
    text = _text(value)
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"bad {what} {text or '(empty)'!r}") from None
    if not number.is_integer():
        raise ValueError(f"bad {what} {text!r}")
    return int(number)


def _date(value: Any, today: date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from taskctl.dates import parse_when

    return parse_when(_text(value), today)


def _plan_row(session: Session, row: LedgerRow, today: date, seen: set[int]) -> _Plan | None:
    """Validate one filled row; raises TaskctlError or ValueError with the problem."""
    ref = _text(row.task)
    if not ref:
        raise ValueError("no task id")
    task = tracking.lock_task(session, ref)
    if task.id in seen:
        raise ValueError(f"task {task.id} appears more than once")
    seen.add(task.id)
    version = _int(row.version, "version")
    if version != task.version:
        since = "; ".join(
            tracking.describe_event(e) for e in tracking.events_since(session, task, version)
        )
        raise ValueError(
            f"task {task.id} changed since export (version {version} → {task.version})"
            + (f": {since}" if since else "")
        )
    plan = _Plan(row=row.row, task=task, version=version)
    note = _text(row.note) or None
    problems: list[str] = []
    if _text(row.new_status):
        try:
            status = lifecycle.parse_status(_text(row.new_status))
            if status != task.status:
                lifecycle.check_transition(task.status, status, note=note, task=task.id)
                plan.status = status
        except TaskctlError as exc:
            problems.append(str(exc).replace("--note", "the 说明 (note) column"))
    if _text(row.new_percent):
        try:
            plan.percent = tracking.parse_percent(row.new_percent)
        except TaskctlError as exc:
            problems.append(str(exc))
    plan.text = _text(row.progress_text) or None
    if plan.percent == task.percent and plan.text is None:
        plan.percent = None
    if _text(row.new_deadline):
        try:
            when = _date(row.new_deadline, today)
            if when != task.deadline:
                plan.deadline = when
                if not note:
                    problems.append("a new deadline needs its reason in the 说明 (note) column")
        except TaskctlError as exc:
            problems.append(str(exc))
    if problems:
        raise ValueError("; ".join(problems))
    plan.note = note
    if plan.status is None and plan.percent is None and plan.text is None and plan.deadline is None:
        return None
    return plan


def _lock_in_id_order(session: Session, rows: list[LedgerRow]) -> None:
    """Lock every task the file names in ascending id order, so that two imports never deadlock."""
    from taskctl.store.lookup import resolve_task

    ids: set[int] = set()
    for row in rows:
        try:
            ids.add(resolve_task(session, _text(row.task)).id)
        except TaskctlError:
            continue  # reported when the row is validated
    for task_id in sorted(ids):
        tracking.lock_task(session, task_id)


def apply_ledger(
    session: Session,
    rows: list[LedgerRow],
    *,
    actor: str,
    today: date,
    skip_bad: bool = False,
) -> LedgerResult:
    """Validate all rows, then apply them (all, or with `skip_bad` the good ones) in this transaction.

    Nothing is written when a row is bad and `skip_bad` is False (`result.applied` stays False).
    Rows with nothing filled in, or whose values equal the task's, are counted as unchanged.
    """
    result = LedgerResult()
    plans: list[_Plan] = []
    seen: set[int] = set()
    _lock_in_id_order(session, [row for row in rows if row.filled()])
    for row in rows:
        if not row.filled():
            result.unchanged += 1
            continue
        try:
            plan = _plan_row(session, row, today, seen)
        except (TaskctlError, ValueError) as exc:
            result.problems.append(RowProblem(row.row, _text(row.task) or None, str(exc)))
            continue
        if plan is None:
            result.unchanged += 1
        else:
            plans.append(plan)
    if result.problems and not skip_bad:
        return result
    for plan in plans:
        task = plan.task
        changes: list[tracking.Change] = []
        if plan.status is not None:
            changes.append(
                tracking.set_status(
                    session,
                    task.id,
                    plan.status,
                    actor=actor,
                    note=plan.note,
                    expect_version=task.version,
                )
            )
        if plan.text is not None or plan.percent is not None:
            changes.append(
                tracking.add_progress(
                    session,
                    task.id,
                    plan.text or "",
                    actor=actor,
                    percent=plan.percent,
                    expect_version=task.version,
                )
            )
        if plan.deadline is not None:
            changes.append(
                tracking.change_deadline(
                    session,
                    task.id,
                    plan.deadline,
                    actor=actor,
                    note=plan.note,
                    expect_version=task.version,
                )
            )
        result.changed.append(RowChange(plan.row, task.id, task.number, changes, task.version))
    result.applied = True
    return result
