"""`weekly`: the weekly summary (周报) as one Report with sections (queries only).

The week runs from `since` to `until`, both included, in local days; events and progress reports are
stored in UTC and picked by the UTC instants of those local midnights. Overdue counts are measured on
`as_of` (by default the last day of the week): a task is newly overdue when it fell overdue on a day of
the week — its deadline is on or after the day before `since` and before `as_of`. "Due next week" is
the seven days after `until`.

The report's own rows are the headline numbers; the sections are: tasks finished this week, progress
reported this week (by unit), status changes and extensions, newly overdue tasks, tasks due next week,
and the workload table.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from taskctl.dates import local_time
from taskctl.labels import label, value_label
from taskctl.lifecycle import ACTIVE, FINISHED
from taskctl.reports.lights import DEFAULT_RULES, LightRules
from taskctl.reports.overdue import due_columns, due_tasks, overdue_columns, overdue_tasks
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import attach_people
from taskctl.reports.workload import workload_report
from taskctl.store.reader import as_datetime

if TYPE_CHECKING:
    from taskctl.store.reader import Reader


def iso_week(year: int, week: int) -> tuple[date, date]:
    """Monday and Sunday of ISO week `week` of `year`."""
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week containing `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def utc_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """The UTC instants (naive, as stored) of local midnight on `since` and on the day after `until`."""

    def utc(day: date) -> datetime:
        return datetime.combine(day, time()).astimezone().astimezone(UTC).replace(tzinfo=None)

    return utc(since), utc(until + timedelta(days=1))


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _local(stored: Any) -> datetime:
    return local_time(as_datetime(stored)).replace(tzinfo=None)  # type: ignore[arg-type]


def _event_rows(
    db: Reader, kinds: tuple[str, ...], start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """Events of these kinds in [start, end), oldest first, with their task's number and title."""
    params: dict[str, Any] = {"start": start, "end": end}
    kind = db.in_list("e.kind", kinds, params, "kind")
    return [
        {
            "time": _local(created_at),
            "id": task_id,
            "document": key,
            "number": number,
            "title": title,
            "change": change,
            "old": old,
            "new": new,
            "note": note,
            "actor": actor,
        }
        for created_at, task_id, change, old, new, note, actor, number, title, key in db.rows(
            "SELECT e.created_at, e.task_id, e.kind, e.old_value, e.new_value, e.note, e.actor,"
            " t.number, t.title, d.key FROM events e JOIN tasks t ON t.id = e.task_id"
            " JOIN documents d ON d.id = t.document_id"
            f" WHERE {kind} AND e.created_at >= :start AND e.created_at < :end"
            " AND t.kind = 'task' ORDER BY e.created_at, e.id",
            params,
        )
    ]


def finished_section(db: Reader, start: datetime, end: datetime, lang: str) -> Report:
    rows = [r for r in _event_rows(db, ("status",), start, end) if r["new"] in FINISHED]
    attach_people(db, rows)
    for r in rows:
        r["status"] = r["new"]
    cols = [
        column("time", "date"),
        column("id", "int"),
        column("document", table=False),
        column("number"),
        column("title", wrap=True),
        column("lead", "list", wrap=True),
        column("status", "status"),
        column("actor"),
        column("note", wrap=True),
    ]
    return Report(
        title=_t(lang, "本周办结任务", "Tasks finished this week"),
        columns=cols,
        rows=rows,
        key="finished",
    )


def progress_section(db: Reader, start: datetime, end: datetime, lang: str) -> Report:
    """Progress reports of the week, grouped by the reporting unit (else the task's lead units)."""
    rows = [
        {
            "unit": unit_name,
            "time": _local(reported_at),
            "id": task_id,
            "document": key,
            "number": number,
            "title": title,
            "percent": percent,
            "text": text,
            "actor": actor,
        }
        for reported_at, task_id, percent, text, actor, unit_name, number, title, key in db.rows(
            "SELECT p.reported_at, p.task_id, p.percent, p.text, p.actor, u.name, t.number,"
            " t.title, d.key FROM progress_reports p JOIN tasks t ON t.id = p.task_id"
            " JOIN documents d ON d.id = t.document_id LEFT JOIN units u ON u.id = p.unit_id"
            " WHERE p.reported_at >= :start AND p.reported_at < :end"
            " ORDER BY p.reported_at, p.id",
            {"start": start, "end": end},
        )
    ]
    attach_people(db, rows)
    for r in rows:
        if not r["unit"]:
            owners = r["lead"] or r["responsible"]
            r["unit"] = "、".join(owners) if owners else label("none", lang)
    rows.sort(key=lambda r: (r["unit"], r["time"]))
    cols = [
        column("unit"),
        column("time", "date"),
        column("id", "int"),
        column("document", table=False),
        column("number"),
        column("title", wrap=True),
        column("percent", "percent"),
        Column("text", "进展情况", "Progress", wrap=True),
        column("actor"),
    ]
    return Report(
        title=_t(lang, "本周进展（按单位）", "Progress reported this week (by unit)"),
        columns=cols,
        rows=rows,
        key="progress",
    )


def changes_section(db: Reader, start: datetime, end: datetime, lang: str) -> Report:
    rows = _event_rows(db, ("status", "deadline"), start, end)
    for r in rows:
        r["old"] = value_label(r["change"], r["old"], lang)
        r["new"] = value_label(r["change"], r["new"], lang)
    cols = [
        column("time", "date"),
        column("id", "int"),
        column("document", table=False),
        column("number"),
        column("title", wrap=True),
        Column("change", "变更", "Change", kind="event"),
        column("old"),
        column("new"),
        column("note", wrap=True),
        column("actor"),
    ]
    return Report(
        title=_t(lang, "状态变更与延期", "Status changes and extensions"),
        columns=cols,
        rows=rows,
        key="changes",
    )


def weekly_report(
    db: Reader,
    *,
    since: date,
    until: date,
    lang: str,
    as_of: date | None = None,
    rules: LightRules = DEFAULT_RULES,
) -> Report:
    """The weekly summary for the local days `since`–`until` (both included)."""
    as_of = as_of or until
    start, end = utc_bounds(since, until)

    newly_rows = overdue_tasks(db, as_of=as_of, since=since - timedelta(days=1), rules=rules)
    due_rows = due_tasks(
        db,
        as_of=as_of,
        first=until + timedelta(days=1),
        last=until + timedelta(days=7),
        rules=rules,
    )

    finished = finished_section(db, start, end, lang)
    progress = progress_section(db, start, end, lang)
    changes = changes_section(db, start, end, lang)

    params: dict[str, Any] = {"as_of": as_of}
    active = db.in_list("status", sorted(ACTIVE), params, "active")
    open_count, overdue_count = db.one(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN deadline < :as_of THEN 1 ELSE 0 END), 0)"
        f" FROM tasks WHERE kind = 'task' AND {active}",
        params,
    ) or (0, 0)
    done_count = len({r["id"] for r in finished.rows})
    headline = [
        ("open", "未办结任务", "Open tasks", open_count),
        ("done_this_week", "本周办结", "Done this week", done_count),
        ("overdue", "逾期任务", "Overdue", overdue_count),
        ("newly_overdue", "本周新增逾期", "Newly overdue this week", len(newly_rows)),
        ("due_next_week", "下周到期", "Due next week", len(due_rows)),
        ("progress_reports", "本周进展报告", "Progress reports this week", len(progress.rows)),
        ("status_changes", "状态变更与延期", "Status changes and extensions", len(changes.rows)),
    ]
    rows = [
        {"key": k, "metric": zh if lang == "zh" else en, "value": v} for k, zh, en, v in headline
    ]

    workload = workload_report(db, as_of=as_of, lang=lang)
    workload.summary = None
    sections = [
        finished,
        progress,
        changes,
        Report(
            title=_t(lang, "本周新增逾期任务", "Newly overdue this week"),
            columns=overdue_columns(),
            rows=newly_rows,
            key="newly_overdue",
        ),
        Report(
            title=_t(lang, "下周到期任务", "Due next week"),
            columns=due_columns(),
            rows=due_rows,
            key="due_next_week",
        ),
        workload,
    ]
    if lang == "zh":
        summary = (
            f"未办结 {open_count} 项，本周办结 {done_count} 项，逾期 {overdue_count} 项"
            f"（本周新增 {len(newly_rows)} 项），下周到期 {len(due_rows)} 项。"
        )
        subtitle = f"{since} 至 {until}（统计截至 {as_of}）"
    else:
        summary = (
            f"{open_count} open, {done_count} done this week, {overdue_count} overdue "
            f"({len(newly_rows)} newly), {len(due_rows)} due next week."
        )
        subtitle = f"{since} to {until} (as of {as_of})"
    year, week, weekday = since.isocalendar()
    name = f"{year}-W{week:02d}" if weekday == 1 and until == since + timedelta(days=6) else None
    title = _t(lang, "工作周报", "Weekly summary") + (f" {name}" if name else "")
    return Report(
        title=title,
        columns=[
            Column("key", "代码", "Key", table=False, for_people=False),
            column("metric"),
            column("value", "int"),
        ],
        rows=rows,
        summary=summary,
        subtitle=subtitle,
        sections=sections,
        key="weekly",
    )
