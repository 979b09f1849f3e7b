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

from taskctl import lifecycle
from taskctl.clock import local_time
from taskctl.errors import TaskctlError
from taskctl.ingest.ledger import LedgerRow
from taskctl.store import tracking
from taskctl.store.lookup import find_task_id, find_unit_id
from taskctl.store.reader import Reader, as_date, as_datetime
from taskctl.store.writer import Writer, as_writer

#: When a unit has several roles on a task, the ledger names the first of these.
ROLE_ORDER = ("lead", "responsible", "support")


def ledger_rows(db: Reader | Any, unit: str) -> tuple[str, list[dict[str, Any]]]:
    """The unit's canonical name and its tasks (lead, support or responsible) in document order."""
    if not isinstance(db, Reader):  # a SQLAlchemy session or connection
        db = as_writer(db)
    unit_id, name = find_unit_id(db, unit)
    roles: dict[int, set[str]] = {}
    for task_id, role in db.rows(
        "SELECT task_id, role FROM task_units WHERE unit_id = :unit", {"unit": unit_id}
    ):
        roles.setdefault(task_id, set()).add(role)
    rows: list[dict[str, Any]] = []
    if not roles:
        return name, rows
    params: dict[str, Any] = {}
    in_ids = db.in_list("task_id", list(roles), params, "ids")
    latest: dict[int, tuple] = {}
    for report in db.rows(
        f"SELECT task_id, reported_at, percent, text FROM progress_reports WHERE {in_ids}"
        " ORDER BY reported_at, id",
        params,
    ):
        latest[report[0]] = report
    params = {}
    in_ids = db.in_list("t.id", list(roles), params, "ids")
    for task_id, key, number, title, deadline, status, percent, version in db.rows(
        "SELECT t.id, d.key, t.number, t.title, t.deadline, t.status, t.percent, t.version"
        f" FROM tasks t JOIN documents d ON d.id = t.document_id WHERE {in_ids}"
        " AND t.kind = 'task' ORDER BY d.id, t.position",
        params,
    ):
        report = latest.get(task_id)
        progress = None
        if report is not None:
            _id, reported_at, pct_value, text = report
            when = local_time(as_datetime(reported_at)).date().isoformat()
            pct = f" ({pct_value}%)" if pct_value is not None else ""
            progress = f"{when}{pct} {text}".strip()
        rows.append(
            {
                "id": task_id,
                "document": key,
                "number": number,
                "title": title,
                "role": next(r for r in ROLE_ORDER if r in roles[task_id]),
                "deadline": as_date(deadline),
                "status": status,
                "percent": percent,
                "latest_progress": progress,
                "version": version,
            }
        )
    return name, rows


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
    task: tracking.TaskRow
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


def _plan_row(session: Any, row: LedgerRow, today: date, seen: set[int]) -> _Plan | None:
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


def _lock_in_id_order(session: Any, rows: list[LedgerRow]) -> None:
    """Lock every task the file names in ascending id order, so that two imports never deadlock."""
    ids: set[int] = set()
    for row in rows:
        try:
            ids.add(find_task_id(session, _text(row.task)))
        except TaskctlError:
            continue  # reported when the row is validated
    for task_id in sorted(ids):
        tracking.lock_task(session, task_id)


def apply_ledger(
    session: Any,
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
    session = as_writer(session)
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
        changes = _apply_plan(session, plan, actor)
        task = plan.task
        result.changed.append(RowChange(plan.row, task.id, task.number, changes, task.version))
    result.applied = True
    return result


def _apply_plan(db: Writer, plan: _Plan, actor: str) -> list[tracking.Change]:
    """Write one validated row: status, then progress, then deadline (one event each)."""
    task = plan.task
    changes: list[tracking.Change] = []
    steps: list[Any] = []
    if plan.status is not None:
        steps.append(
            lambda v: tracking.set_status(
                db, task.id, plan.status, actor=actor, note=plan.note, expect_version=v
            )
        )
    if plan.text is not None or plan.percent is not None:
        steps.append(
            lambda v: tracking.add_progress(
                db, task.id, plan.text or "", actor=actor, percent=plan.percent, expect_version=v
            )
        )
    if plan.deadline is not None:
        steps.append(
            lambda v: tracking.change_deadline(
                db, task.id, plan.deadline, actor=actor, note=plan.note, expect_version=v
            )
        )
    for step in steps:
        change = step(task.version)
        changes.append(change)
        task.version = change.version
    return changes
