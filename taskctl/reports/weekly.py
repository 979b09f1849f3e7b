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


#: How many weeks the trend goes back (the report's own week included).
TREND_WEEKS = 8


def weekly_trend(
    db: Reader, until: date, *, as_of: date | None = None, weeks: int = TREND_WEEKS
) -> list[dict[str, Any]]:
    """Open, done and overdue tasks at the end of each of the `weeks` weeks ending on `until`
    (oldest first), as they stood then: the present statuses and deadlines are wound back through
    the status and deadline events made since, and tasks imported later are left out. The last
    week is taken at the end of `as_of` instead when that comes before `until` (a week not over).

    A week's numbers are those a `weekly --as-of` on its last day would have shown: open means an
    active status, done a finished one, overdue an open task whose deadline was before that day.
    """
    ends = [until - timedelta(days=7 * k) for k in range(weeks)]  # newest first
    if as_of is not None and as_of < until:
        ends[0] = as_of
    instants = [utc_bounds(end, end)[1] for end in ends]
    tasks = {
        task_id: [as_datetime(created), status, _iso(deadline)]
        for task_id, created, status, deadline in db.rows(
            "SELECT id, created_at, status, deadline FROM tasks WHERE kind = 'task'"
        )
    }
    changes = db.rows(
        "SELECT created_at, task_id, kind, old_value FROM events"
        " WHERE kind IN ('status', 'deadline') AND created_at >= :since"
        " ORDER BY created_at DESC, id DESC",
        {"since": instants[-1]},
    )
    out = []
    i = 0
    for end, instant in zip(ends, instants, strict=True):
        while i < len(changes) and as_datetime(changes[i][0]) >= instant:  # type: ignore[operator]
            _, task_id, kind, old = changes[i]
            state = tasks.get(task_id)
            if state is not None:
                if kind == "status":
                    state[1] = old or state[1]
                else:
                    state[2] = old
            i += 1
        open_count = done = overdue = 0
        day = end.isoformat()
        for created, status, deadline in tasks.values():
            if created is not None and created >= instant:
                continue
            if status in ACTIVE:
                open_count += 1
                if deadline is not None and deadline < day:
                    overdue += 1
            elif status in FINISHED:
                done += 1
        year, week, _ = end.isocalendar()
        out.append(
            {
                "week": f"{year}-W{week:02d}",
                "week_end": end,
                "open": open_count,
                "done": done,
                "overdue": overdue,
            }
        )
    out.reverse()
    top = max([max(r["open"], r["done"], r["overdue"]) for r in out] + [1])
    for r in out:
        for key in ("open", "done", "overdue"):
            r[f"{key}_bar"] = r[key] * 100 / top
    return out


def _iso(value: Any) -> str | None:
    """A stored date as ISO text (dates compare as text, in the order of the days)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def trend_section(db: Reader, until: date, as_of: date, lang: str) -> Report:
    rows = weekly_trend(db, until, as_of=as_of)
    cols = [
        Column("week", "周次", "Week"),
        Column("week_end", "截至日期", "As of", kind="date"),
        Column("open", "未办结", "Open", kind="int"),
        Column("open_bar", "", "", kind="bar", export=False),
        Column("done", "已办结", "Done", kind="int"),
        Column("done_bar", "", "", kind="bar", export=False),
        Column("overdue", "逾期", "Overdue", kind="int"),
        Column("overdue_bar", "", "", kind="bar", export=False),
    ]
    return Report(
        title=_t(lang, f"近 {len(rows)} 周趋势", f"Trend of the last {len(rows)} weeks"),
        columns=cols,
        rows=rows,
        key="trend",
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
        trend_section(db, until, as_of, lang),
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
