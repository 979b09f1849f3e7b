"""Reports clerks read and send on: `overdue`, `due`, `workload`, `unit-report`, `weekly`, `calendar`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

import click

from taskctl.cli.common import (
    App,
    Output,
    as_of_option,
    document_option,
    light_options,
    output_options,
    parse_date_option,
    pass_app,
    unit_option,
)

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules

_WITHIN = re.compile(r"\s*(\d+)\s*(d|day|days|天|日|w|week|weeks|周|星期)?\s*", re.IGNORECASE)
_WEEK = re.compile(r"\s*(\d{4})-?W(\d{1,2})\s*", re.IGNORECASE)


def parse_day(value: str | None, option: str, *, default: date | None = None) -> date | None:
    """A date option through `parse_when`; the error names the option."""
    from taskctl.errors import InvalidValueError

    if value is None:
        return default
    try:
        return parse_date_option(value)
    except InvalidValueError as exc:
        raise InvalidValueError(f"{option}: {exc}") from None


def parse_within(value: str) -> int:
    """`7d`, `7`, `2w`, `3天`, `1周` → days."""
    from taskctl.errors import InvalidValueError

    match = _WITHIN.fullmatch(value)
    if not match:
        raise InvalidValueError(f"--within: {value!r} is not a number of days or weeks (7d, 2w)")
    n = int(match.group(1))
    unit = (match.group(2) or "d").lower()
    return n * 7 if unit in ("w", "week", "weeks", "周", "星期") else n


def parse_week(value: str) -> tuple[date, date]:
    """`2026-W48` → its Monday and Sunday."""
    from taskctl.errors import InvalidValueError
    from taskctl.reports.weekly import iso_week

    match = _WEEK.fullmatch(value)
    if not match:
        raise InvalidValueError(f"--week: {value!r} is not an ISO week such as 2026-W48")
    try:
        return iso_week(int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise InvalidValueError(f"--week: {value!r} has no such week") from None


@click.command("overdue")
@as_of_option()
@unit_option()
@document_option
@light_options
@output_options
@pass_app
def overdue_cmd(
    app: App,
    as_of: date,
    unit: str | None,
    document: str | None,
    rules: LightRules,
    out: Output,
) -> None:
    """Open tasks past their deadline, most overdue first, with the latest progress.

    \b
    Example:
      taskctl overdue
      taskctl overdue --as-of 2013-01-15 --unit 高新处
      taskctl overdue --format xlsx -o overdue.xlsx
    """
    from taskctl.reports.overdue import overdue_report

    with app.reading() as db:
        report = overdue_report(
            db,
            as_of=as_of,
            lang=app.lang,
            unit=unit,
            document=document,
            rules=rules,
            stream=True,
        )
        app.emit(report, out)  # written as its rows come off the cursor


@click.command("due")
@click.option(
    "--within",
    default="7d",
    show_default=True,
    metavar="N[d|w]",
    help="How far ahead to look (days, or weeks with w).",
)
@as_of_option()
@unit_option()
@document_option
@light_options
@output_options
@pass_app
def due_cmd(
    app: App,
    within: str,
    as_of: date,
    unit: str | None,
    document: str | None,
    rules: LightRules,
    out: Output,
) -> None:
    """Open tasks due soon (from today, or --as-of, to WITHIN days later), soonest first.

    \b
    Example:
      taskctl due
      taskctl due --within 2w --unit 高新处
      taskctl due --as-of 2012-06-20 --format csv -o due.csv
    """
    from taskctl.reports.overdue import due_report

    with app.reading() as db:
        report = due_report(
            db,
            as_of=as_of,
            within_days=parse_within(within),
            lang=app.lang,
            unit=unit,
            document=document,
            rules=rules,
            stream=True,
        )
        app.emit(report, out)  # written as its rows come off the cursor


@click.command("workload")
@as_of_option()
@document_option
@click.option(
    "--sort",
    type=click.Choice(["overdue", "lead", "support", "name"]),
    default="overdue",
    show_default=True,
    help="Order of the units (departments first, group placeholders after them).",
)
@click.option("--departments-only", is_flag=True, help="Hide group placeholders such as 有关处室.")
@output_options
@pass_app
def workload_cmd(
    app: App,
    as_of: date,
    document: str | None,
    sort: str,
    departments_only: bool,
    out: Output,
) -> None:
    """One row per unit: tasks it leads (total, open, done, overdue), supports and is responsible
    for, and its completion rate (with a small bar on the terminal).

    \b
    Example:
      taskctl workload
      taskctl workload --as-of 2013-01-15 --sort lead --departments-only
      taskctl workload --format json
    """
    from taskctl.reports.workload import workload_report

    with app.reading() as db:
        report = workload_report(
            db,
            as_of=as_of,
            lang=app.lang,
            document=document,
            sort=sort,
            departments_only=departments_only,
        )
    app.emit(report, out)


@click.command("unit-report")
@click.argument("unit")
@as_of_option()
@click.option("--open-only", is_flag=True, help="Leave out finished and cancelled tasks.")
@light_options
@output_options
@pass_app
def unit_report_cmd(
    app: App,
    unit: str,
    as_of: date,
    open_only: bool,
    rules: LightRules,
    out: Output,
) -> None:
    """Everything one unit owes: the tasks it leads, then those it is responsible for, then those it
    supports, each with light, deadline, status and latest progress.

    UNIT is its name, an alias, or a unique part of either.

    \b
    Example:
      taskctl unit-report 高新处
      taskctl unit-report 高新 --as-of 2012-06-01 -o 高新处.docx
    """
    from taskctl.reports.unit_report import unit_report

    with app.reading() as db:
        report = unit_report(
            db,
            unit,
            as_of=as_of,
            lang=app.lang,
            open_only=open_only,
            rules=rules,
            stream=True,
        )
        app.emit(report, out)  # written as its rows come off the cursor


def _weekly_lang(app: App, explicit: str | None, ctx: click.Context) -> str:
    """--lang here, else the global --lang/TASKCTL_LANG, else Chinese when the documents are Chinese."""
    if explicit:
        return explicit
    root = ctx.find_root()
    if root.params.get("lang"):
        return app.lang
    with app.reading() as db:
        titles = [t for (t,) in db.rows("SELECT title FROM documents ORDER BY id LIMIT 50")]
    if any("\u4e00" <= ch <= "\u9fff" for title in titles for ch in title):
        return "zh"
    return app.lang


@click.command("weekly")
@click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2026-W48 (default: this week).")
@click.option("--since", metavar="DATE", help="First day of the period (instead of --week).")
@click.option("--until", metavar="DATE", help="Last day of the period (default: --as-of or today).")
@as_of_option(
    "Measure deadlines on this day (default: the last day of the period).", default_today=False
)
@click.option(
    "--lang",
    "report_lang",
    type=click.Choice(["zh", "en"]),
    help="Headings in this language (default: Chinese for Chinese documents).",
)
@light_options
@output_options
@pass_app
@click.pass_context
def weekly_cmd(
    ctx: click.Context,
    app: App,
    week: str | None,
    since: str | None,
    until: str | None,
    as_of: date | None,
    report_lang: str | None,
    rules: LightRules,
    out: Output,
) -> None:
    """The weekly summary (周报): headline numbers, tasks finished, progress reported (by unit),
    status changes and extensions, newly overdue tasks, tasks due next week, and the workload table.

    Overdue is measured on --as-of, by default the last day of the period.

    \b
    Example:
      taskctl weekly
      taskctl weekly --week 2026-W48 -o 周报.docx
      taskctl weekly --since 2026-11-01 --until 2026-11-30 --lang en --format xlsx -o nov.xlsx
    """
    from taskctl.errors import InvalidValueError
    from taskctl.reports.weekly import week_of, weekly_report

    if week and (since or until):
        raise InvalidValueError("give either --week or --since/--until, not both")
    if week:
        first, last = parse_week(week)
    elif since or until:
        last = parse_day(until, "--until") or as_of or date.today()
        first = parse_day(since, "--since") or last - timedelta(days=6)
    else:
        first, last = week_of(as_of or date.today())
    if first > last:
        raise InvalidValueError(f"--since {first} is after --until {last}")
    lang = _weekly_lang(app, report_lang, ctx)
    with app.reading() as db:
        report = weekly_report(
            db,
            since=first,
            until=last,
            lang=lang,
            as_of=as_of,
            rules=rules,
        )
    app.lang = lang
    app.emit(report, out)


@click.command("calendar")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The .ics file to write (- for standard output).",
)
@unit_option()
@document_option
@click.option("--all", "include_finished", is_flag=True, help="Include finished and paused tasks.")
@click.option(
    "--remind",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    metavar="DAYS",
    help="A reminder this many days before each deadline (0: none).",
)
@pass_app
def calendar_cmd(
    app: App,
    output: str,
    unit: str | None,
    document: str | None,
    include_finished: bool,
    remind: int,
) -> None:
    """Deadlines of open tasks as an iCalendar file for Outlook or a phone calendar.

    Each task is an all-day event on its deadline; importing a newer file updates the entries.

    \b
    Example:
      taskctl calendar -o deadlines.ics
      taskctl calendar -o 高新处.ics --unit 高新处
    """
    from taskctl.render.ics import write_ics
    from taskctl.reports.calendar import deadline_entries

    with app.reading() as db:
        entries = deadline_entries(
            db, unit=unit, document=document, include_finished=include_finished
        )
    name = "taskctl 完成时限" if app.lang == "zh" else "taskctl deadlines"
    if unit:
        name += f" · {unit}"
    write_ics(entries, output, app.lang, name=name, warn_days=remind)
    if output != "-":
        click.echo(
            f"{len(entries)} 个时限已写入 {output}"
            if app.lang == "zh"
            else f"{len(entries)} deadlines written to {output}",
            err=True,
        )


COMMANDS = [overdue_cmd, due_cmd, workload_cmd, unit_report_cmd, weekly_cmd, calendar_cmd]
