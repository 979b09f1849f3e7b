"""Reading it back: `list`, `show`, `units`, `documents`."""

from __future__ import annotations

import click

from taskctl.cli.common import App, output_options, pass_app
from taskctl.cli.reports import as_of_option, light_options, parse_day, rules_from


@click.command("list")
@click.option("-d", "--document", help="Only this document (key or id).")
@click.option(
    "-u",
    "--unit",
    help="Only tasks this unit leads, supports or is responsible for "
    "(a unique part of its name is enough).",
)
@click.option("-s", "--status", multiple=True, help="Only tasks in this status (repeatable).")
@as_of_option
@light_options
@output_options
@pass_app
def list_cmd(
    app: App,
    document: str | None,
    unit: str | None,
    status: tuple[str, ...],
    as_of: str | None,
    warn_days: int,
    lag_points: int,
    fmt: str | None,
    output: str | None,
    limit: int | None,
    ascii_only: bool,
) -> None:
    """List tasks in document order, with each task's warning light on the terminal.

    \b
    Example:
      taskctl list --document zj2012
      taskctl list --unit 高新 --status assigned
      taskctl list --format json > tasks.json
    """
    from taskctl.reports.tasks import list_report

    day = parse_day(as_of, "--as-of")
    with app.store.reading() as session:
        report = list_report(
            session,
            document=document,
            unit=unit,
            status=status or None,
            as_of=day,
            rules=rules_from(warn_days, lag_points),
        )
    app.emit(report, fmt=fmt, output=output, limit=limit, ascii_only=ascii_only)


@click.command("show")
@click.argument("task")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    help="Output format.",
)
@as_of_option
@light_options
@pass_app
def show_cmd(
    app: App, task: str, fmt: str, as_of: str | None, warn_days: int, lag_points: int
) -> None:
    """Show everything about one task: text, units, persons, deadline, status, progress.

    TASK is an id from `taskctl list` or DOCUMENT:NUMBER.

    \b
    Example:
      taskctl show 12
      taskctl show zj2012:二.3 --format json
    """
    from taskctl.render.detail import print_detail
    from taskctl.reports.detail import task_detail

    with app.store.reading() as session:
        detail = task_detail(
            session,
            task,
            as_of=parse_day(as_of, "--as-of"),
            rules=rules_from(warn_days, lag_points),
        )
    print_detail(detail, fmt, app.lang)


@click.command("units")
@click.option("--departments-only", is_flag=True, help="Hide group placeholders such as 有关处室.")
@output_options
@pass_app
def units_cmd(
    app: App,
    departments_only: bool,
    fmt: str | None,
    output: str | None,
    limit: int | None,
    ascii_only: bool,
) -> None:
    """List units with how many tasks each leads, supports or is responsible for.

    \b
    Example:
      taskctl units
      taskctl units --departments-only --format csv -o units.csv
    """
    from taskctl.reports.tasks import units_report

    with app.store.reading() as session:
        report = units_report(session, departments_only=departments_only)
    app.emit(report, fmt=fmt, output=output, limit=limit, ascii_only=ascii_only)


@click.command("documents")
@output_options
@pass_app
def documents_cmd(
    app: App, fmt: str | None, output: str | None, limit: int | None, ascii_only: bool
) -> None:
    """List imported documents with their keys (for KEY:NUMBER), periods and task counts.

    \b
    Example:
      taskctl documents
    """
    from taskctl.reports.tasks import documents_report

    with app.store.reading() as session:
        report = documents_report(session)
    app.emit(report, fmt=fmt, output=output, limit=limit, ascii_only=ascii_only)


COMMANDS = [list_cmd, show_cmd, units_cmd, documents_cmd]
