"""Reading it back: `list`, `show`, `units`, `documents`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from taskctl.cli.common import (
    App,
    Output,
    as_of_option,
    document_option,
    light_options,
    output_options,
    pass_app,
    unit_option,
)

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules


@click.command("list")
@document_option
@unit_option()
@click.option("-s", "--status", multiple=True, help="Only tasks in this status (repeatable).")
@as_of_option()
@light_options
@output_options
@pass_app
def list_cmd(
    app: App,
    document: str | None,
    unit: str | None,
    status: tuple[str, ...],
    as_of: date,
    rules: LightRules,
    out: Output,
) -> None:
    """List tasks in document order, with each task's warning light on the terminal.

    \b
    Example:
      taskctl list --document zj2012
      taskctl list --unit 高新 --status assigned
      taskctl list --format json > tasks.json
    """
    from taskctl.reports.tasks import list_report

    with app.reading() as db:
        report = list_report(
            db,
            document=document,
            unit=unit,
            status=status or None,
            as_of=as_of,
            rules=rules,
            stream=True,
        )
        app.emit(report, out)  # written as its rows come off the cursor
    if not report.row_count() and not (document or unit or status):
        click.echo(
            "还没有任务：先用 `taskctl import 文件` 导入工作要点或任务分工。"
            if app.lang == "zh"
            else "No tasks yet: import a work plan first with `taskctl import FILE`.",
            err=True,
        )


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
@as_of_option()
@light_options
@pass_app
def show_cmd(app: App, task: str, fmt: str, as_of: date, rules: LightRules) -> None:
    """Show everything about one task: text, units, persons, deadline, status, progress.

    TASK is an id from `taskctl list` or DOCUMENT:NUMBER.

    \b
    Example:
      taskctl show 12
      taskctl show zj2012:二.3 --format json
    """
    from taskctl.render.detail import print_detail
    from taskctl.reports.detail import task_detail

    with app.reading() as db:
        detail = task_detail(
            db,
            task,
            as_of=as_of,
            rules=rules,
        )
    print_detail(detail, fmt, app.lang)


@click.command("units")
@click.option("--departments-only", is_flag=True, help="Hide group placeholders such as 有关处室.")
@output_options
@pass_app
def units_cmd(
    app: App,
    departments_only: bool,
    out: Output,
) -> None:
    """List units with how many tasks each leads, supports or is responsible for.

    \b
    Example:
      taskctl units
      taskctl units --departments-only --format csv -o units.csv
    """
    from taskctl.reports.tasks import units_report

    with app.reading() as db:
        report = units_report(db, departments_only=departments_only)
    app.emit(report, out)


@click.command("documents")
@output_options
@pass_app
def documents_cmd(app: App, out: Output) -> None:
    """List imported documents with their keys (for KEY:NUMBER), periods and task counts.

    \b
    Example:
      taskctl documents
    """
    from taskctl.reports.tasks import documents_report

    with app.reading() as db:
        report = documents_report(db)
    app.emit(report, out)


COMMANDS = [list_cmd, show_cmd, units_cmd, documents_cmd]
