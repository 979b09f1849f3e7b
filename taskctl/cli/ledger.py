"""`taskctl ledger export|import`: the weekly round trip (报送) through an Excel ledger (台账)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from taskctl.cli.common import App, Output, actor_option, as_of_option, output_options, pass_app


@click.group("ledger")
def ledger_group() -> None:
    """Export a unit's tasks as an Excel ledger (台账) and import it back once filled in.

    \b
    Example:
      taskctl ledger export --unit 高新 -o 高新处.xlsx
      taskctl ledger import 高新处.xlsx --by 张三
    """


@ledger_group.command("export")
@click.option(
    "-u",
    "--unit",
    required=True,
    help="The unit whose tasks (lead, support, responsible) go in the ledger; a unique part of "
    "its name is enough.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="The .xlsx file to write.",
)
@pass_app
def export_cmd(app: App, unit: str, output: str) -> None:
    """Write a unit's ledger: its tasks with id, number, title, role, deadline, status, percent and
    latest progress, and empty columns for the new status, percent, progress text, new deadline and
    note. The task versions travel in a hidden column so stale rows are caught on import.

    \b
    Example:
      taskctl ledger export --unit 高新处 -o 高新处.xlsx
    """
    from taskctl.errors import InvalidValueError
    from taskctl.render.ledger import write_ledger_xlsx
    from taskctl.store.ledger import ledger_rows

    if not output.lower().endswith(".xlsx"):
        raise InvalidValueError(f"{output}: a ledger is written as an .xlsx file")
    with app.reading() as db:
        name, rows = ledger_rows(db, unit)
    write_ledger_xlsx(rows, output, app.lang, unit=name)
    click.echo(
        f"{name}: 任务 {len(rows)} 项已写入 {output}"
        if app.lang == "zh"
        else f"{name}: {len(rows)} tasks written to {output}"
    )


def _change_text(change: Any, lang: str) -> str:
    """The tracking commands' wording, with the progress text a clerk typed into the row."""
    from taskctl.cli.track import change_text

    text = change_text(change, lang)
    return f"{text}: {change.note}" if change.kind == "progress" and change.note else text


def result_report(result: Any, lang: str) -> Any:
    """The changed rows as a Report (plus a section of the rows that were skipped)."""
    from taskctl.reports.report import Report, column

    zh = lang == "zh"
    rows = [
        {
            "row": rc.row,
            "id": rc.task_id,
            "number": rc.number,
            "changes": "; ".join(_change_text(c, lang) for c in rc.changes),
            "version": rc.version,
        }
        for rc in result.changed
    ]
    if zh:
        summary = f"已更新 {len(rows)} 项, 未变 {result.unchanged} 行"
    else:
        summary = f"{len(rows)} tasks updated, {result.unchanged} rows unchanged"
    report = Report(
        title="",
        columns=[
            column("row", "int"),
            column("id", "int"),
            column("number"),
            column("changes", wrap=True),
            column("version", "int"),
        ],
        rows=rows,
        summary=summary,
    )
    if result.problems:
        report.sections.append(problem_report(result, lang, skipped=True))
    return report


def problem_report(result: Any, lang: str, *, skipped: bool = False) -> Any:
    from taskctl.messages import translate
    from taskctl.reports.report import Report, column

    zh = lang == "zh"
    if skipped:
        title = "未导入的行" if zh else "Rows skipped"
    else:
        title = "有问题的行 (未作任何改动)" if zh else "Rows with problems (nothing was changed)"
    return Report(
        title=title,
        columns=[column("row", "int"), column("id"), column("problem", wrap=True)],
        rows=[
            {"row": p.row, "id": p.task, "problem": translate(p.message, lang)}
            for p in result.problems
        ],
    )


@ledger_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--skip-bad", is_flag=True, help="Apply the good rows and list the bad ones.")
@as_of_option(
    "Resolve relative dates in the new-deadline column against this day (default: today)."
)
@actor_option
@output_options
@pass_app
def import_cmd(
    app: App,
    file: str,
    skip_bad: bool,
    as_of: date,
    by: str | None,
    out: Output,
) -> None:
    """Apply a filled ledger (.xlsx or .csv) in one transaction.

    Every row is checked first (unknown task, unknown status or refused move, bad percent, bad
    date, a task changed since the export); if any row is bad nothing is applied, unless
    --skip-bad applies the good rows. Rows left empty or unchanged do nothing.

    \b
    Example:
      taskctl ledger import 高新处.xlsx --by 张三
      taskctl ledger import 高新处.csv --skip-bad --as-of 2026-11-20
    """
    from taskctl.errors import InvalidValueError
    from taskctl.ingest.ledger import read_ledger
    from taskctl.store.ledger import apply_ledger

    rows = read_ledger(file)
    with app.writing() as session:
        result = apply_ledger(session, rows, actor=app.actor(by), today=as_of, skip_bad=skip_bad)
    if not result.applied:
        app.emit(problem_report(result, app.lang), out, limit=0)
        details = "; ".join(f"row {p.row}: {p.message}" for p in result.problems)
        raise InvalidValueError(
            f"{file}: {len(result.problems)} bad rows, nothing applied "
            f"(--skip-bad applies the good ones): {details}"
        )
    app.emit(result_report(result, app.lang), out)


COMMANDS = [ledger_group]
