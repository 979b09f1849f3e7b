"""`overdue` and `due`: open tasks past their deadline, and open tasks due soon (queries only).

Rows carry the keys of `list --format json` (`TASK_KEYS`) plus `days_overdue` (or `days_left`), `light`,
`latest_progress_date` and `latest_progress`. "Open" means an active status (`lifecycle.ACTIVE`);
overdue means a deadline before `as_of`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from taskctl.lifecycle import ACTIVE
from taskctl.reports.lights import DEFAULT_RULES, LightRules, attach_lights
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import (
    select_tasks,
    stream_task_rows,
    task_columns,
)
from taskctl.store.reader import as_date

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

#: Owed tasks come soonest deadline first.
DEADLINE_ORDER = "t.deadline, d.id, t.position"


def progress_columns() -> list[Column]:
    return [
        column("latest_progress_date", "date"),
        column("latest_progress", wrap=True),
    ]


def attach_latest_progress(db: Reader, rows: list[dict[str, Any]]) -> None:
    """Set `latest_progress_date` and `latest_progress` (the newest progress report) on task rows.

    Reports come oldest first per task off the (task_id, reported_at) index; the last one stays.
    """
    latest: dict[int, tuple[Any, str]] = {}
    ids = sorted({r["id"] for r in rows})
    if ids:
        params: dict[str, Any] = {}
        cond = db.in_list("task_id", ids, params, "ids")
        latest = {
            task_id: (reported_at, text)
            for task_id, reported_at, text in db.rows(
                f"SELECT task_id, reported_at, text FROM progress_reports WHERE {cond}"
                " ORDER BY task_id, reported_at, id",
                params,
            )
        }
    nothing = (None, None)
    for r in rows:
        reported_at, r["latest_progress"] = latest.get(r["id"], nothing)
        r["latest_progress_date"] = as_date(reported_at)


def owed_batches(
    db: Reader,
    query: tuple[str, dict[str, Any]],
    *,
    as_of: date,
    rules: LightRules = DEFAULT_RULES,
    finish: Callable[[dict[str, Any]], None] | None = None,
    reminders: bool = False,
) -> Iterator[list[dict[str, Any]]]:
    """Task rows of a `select_tasks` query a batch at a time off the cursor, each batch with units,
    persons, light, latest progress, `finish` (days overdue or left) and, with `reminders`, how often
    each task was chased."""
    from taskctl.reports.reminders import attach_reminders

    for rows in stream_task_rows(db, query):
        attach_lights(rows, as_of, rules)
        attach_latest_progress(db, rows)
        if finish is not None:
            for r in rows:
                finish(r)
        if reminders:
            attach_reminders(db, rows)
        yield rows


def owed_task_rows(
    db: Reader, query: tuple[str, dict[str, Any]], *, as_of: date, rules: LightRules = DEFAULT_RULES
) -> list[dict[str, Any]]:
    """Task rows of a `select_tasks` query, with units, persons, light and latest progress."""
    return [r for rows in owed_batches(db, query, as_of=as_of, rules=rules) for r in rows]


def _owed_query(
    db: Reader,
    conditions: tuple[str, ...],
    params: dict[str, Any],
    unit: str | None,
    document: str | None,
) -> tuple[str, dict[str, Any]]:
    return select_tasks(
        db,
        document=document,
        unit=unit,
        status=ACTIVE,
        where=conditions,
        params=params,
        order=DEADLINE_ORDER,
    )


def overdue_tasks(
    db: Reader,
    *,
    as_of: date,
    since: date | None = None,
    unit: str | None = None,
    document: str | None = None,
    rules: LightRules = DEFAULT_RULES,
) -> list[dict[str, Any]]:
    """Active tasks whose deadline is before `as_of` (and on or after `since`, if given), most
    overdue first, with `days_overdue`."""
    conditions, params = _overdue_window(as_of)
    if since is not None:
        conditions += ("t.deadline >= :since",)
        params["since"] = since
    query = _owed_query(db, conditions, params, unit, document)
    batches = owed_batches(db, query, as_of=as_of, rules=rules, finish=_days_overdue(as_of))
    return [r for rows in batches for r in rows]


def _overdue_window(as_of: date) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The conditions and parameters of overdue tasks."""
    return ("t.deadline < :as_of",), {"as_of": as_of}


def _due_window(first: date, last: date) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The conditions and parameters of tasks due from `first` to `last`."""
    return ("t.deadline >= :first", "t.deadline <= :last"), {"first": first, "last": last}


def _days_overdue(as_of: date) -> Callable[[dict[str, Any]], None]:
    def finish(r: dict[str, Any]) -> None:
        r["days_overdue"] = (as_of - r["deadline"]).days

    return finish


def _days_left(as_of: date) -> Callable[[dict[str, Any]], None]:
    def finish(r: dict[str, Any]) -> None:
        r["days_left"] = (r["deadline"] - as_of).days

    return finish


def due_tasks(
    db: Reader,
    *,
    as_of: date,
    first: date,
    last: date,
    unit: str | None = None,
    document: str | None = None,
    rules: LightRules = DEFAULT_RULES,
) -> list[dict[str, Any]]:
    """Active tasks due from `first` to `last` (both included), soonest first, with `days_left`
    counted from `as_of`."""
    conditions, params = _due_window(first, last)
    query = _owed_query(db, conditions, params, unit, document)
    batches = owed_batches(db, query, as_of=as_of, rules=rules, finish=_days_left(as_of))
    return [r for rows in batches for r in rows]


#: Task columns shown on the terminal by the owed-task reports (the rest are exported only).
OWED_TABLE_KEYS = ("id", "number", "title", "lead", "responsible", "persons", "deadline", "status")


def _with_extra(extra: list[Column]) -> list[Column]:
    """The task columns with `extra` after the deadline and the latest progress at the end."""
    cols: list[Column] = []
    for c in task_columns():
        c.table = c.key in OWED_TABLE_KEYS
        cols.append(c)
        if c.key == "deadline":
            cols.extend(extra)
    cols.extend(progress_columns())
    return cols


def overdue_columns() -> list[Column]:
    cols = _with_extra([column("days_overdue", "int"), column("light", "light")])
    return [*cols, column("reminded", "int"), column("last_reminded", "date")]


def due_columns() -> list[Column]:
    return _with_extra([column("days_left", "int"), column("light", "light")])


class OwedTally:
    """The summary line of `overdue` or `due`, made as the rows pass: how many, how many lead units
    (the responsible ones of a task without a lead), and the first row (the worst overdue)."""

    def __init__(self, say: Callable[[OwedTally], str]) -> None:
        self.say = say
        self.count = 0
        self.leads: set[str] = set()
        self.first: dict[str, Any] | None = None

    def add(self, rows: list[dict[str, Any]]) -> None:
        if self.first is None and rows:
            r = rows[0]
            self.first = {k: r.get(k) for k in ("document", "number", "title", "days_overdue")}
        self.count += len(rows)
        self.leads.update(name for r in rows for name in r["lead"] or r["responsible"])

    def text(self) -> str:
        return self.say(self)


def overdue_summary(as_of: date, lang: str) -> OwedTally:
    """One line: how many, how many lead units, the worst."""

    def say(t: OwedTally) -> str:
        zh = lang == "zh"
        if not t.count or t.first is None:
            return f"截至 {as_of}，无逾期任务。" if zh else f"No overdue tasks as of {as_of}."
        worst = t.first
        ref = f"{worst['document']}:{worst['number']}"
        if zh:
            return (
                f"截至 {as_of}，逾期任务 {t.count} 项，涉及牵头单位 {len(t.leads)} 个；"
                f"逾期最久：{ref} {worst['title']}（{worst['days_overdue']} 天）。"
            )
        return (
            f"{t.count} overdue tasks as of {as_of}, {len(t.leads)} lead units; "
            f"worst: {ref} {worst['title']} ({worst['days_overdue']} days)."
        )

    return OwedTally(say)


def due_summary(as_of: date, within_days: int, lang: str) -> OwedTally:
    """One line: how many tasks are due in the window, how many lead units."""
    until = as_of + timedelta(days=within_days)

    def say(t: OwedTally) -> str:
        if lang == "zh":
            return f"{as_of} 至 {until} 到期任务 {t.count} 项，涉及牵头单位 {len(t.leads)} 个。"
        return f"{t.count} tasks due from {as_of} to {until}, {len(t.leads)} lead units."

    return OwedTally(say)


def overdue_report(
    db: Reader,
    *,
    as_of: date,
    lang: str,
    unit: str | None = None,
    document: str | None = None,
    rules: LightRules = DEFAULT_RULES,
    stream: bool = False,
) -> Report:
    """Overdue tasks, most overdue first. With `stream` the rows come off the cursor as the report
    is written (`db` must stay open until then), else all at once; the summary follows the rows."""
    title = "逾期任务" if lang == "zh" else "Overdue tasks"
    conditions, params = _overdue_window(as_of)
    query = _owed_query(db, conditions, params, unit, document)

    def batches() -> Iterator[list[dict[str, Any]]]:
        finish = _days_overdue(as_of)
        return owed_batches(db, query, as_of=as_of, rules=rules, finish=finish, reminders=True)

    report = Report(
        title,
        overdue_columns(),
        [],
        key="overdue",
        batches=batches,
        tally=overdue_summary(as_of, lang),
    )
    return report if stream else report.materialize()


def due_report(
    db: Reader,
    *,
    as_of: date,
    within_days: int,
    lang: str,
    unit: str | None = None,
    document: str | None = None,
    rules: LightRules = DEFAULT_RULES,
    stream: bool = False,
) -> Report:
    """Tasks due within `within_days` of `as_of`, soonest first; `stream` as for `overdue_report`."""
    title = "即将到期任务" if lang == "zh" else "Tasks due soon"
    conditions, params = _due_window(as_of, as_of + timedelta(days=within_days))
    query = _owed_query(db, conditions, params, unit, document)

    def batches() -> Iterator[list[dict[str, Any]]]:
        return owed_batches(db, query, as_of=as_of, rules=rules, finish=_days_left(as_of))

    report = Report(
        title,
        due_columns(),
        [],
        key="due",
        batches=batches,
        tally=due_summary(as_of, within_days, lang),
    )
    return report if stream else report.materialize()
