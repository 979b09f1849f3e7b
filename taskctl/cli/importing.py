"""`taskctl import`: documents in, tasks out."""

from __future__ import annotations

import click

from taskctl.cli.common import App, actor_option, pass_app, reading_options


@click.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--key",
    help="Short document key for KEY:NUMBER references (one file only; default: the file name).",
)
@reading_options
@click.option("--dry-run", is_flag=True, help="Show the parsed tree; write nothing.")
@actor_option
@pass_app
def import_cmd(
    app: App,
    files: tuple[str, ...],
    key: str | None,
    encoding: str | None,
    first_lead: bool,
    default_deadline: str | None,
    dry_run: bool,
    by: str | None,
) -> None:
    """Import work-plan documents (.txt in any encoding, .docx, .xlsx/.csv, .pdf; - for stdin).

    Each document is imported whole or not at all; importing the same file again does nothing.

    \b
    Example:
      taskctl import seeds/zj2012.txt --key zj2012
      taskctl import plan.docx --first-lead --default-deadline 2026-12-31
      taskctl import seeds/*.txt --dry-run
    """
    from taskctl.errors import InvalidValueError
    from taskctl.ingest.readers import parse_files

    if key and len(files) > 1:
        raise InvalidValueError("--key names one document; import the files one at a time")
    fallback = _parse_default_deadline(default_deadline)
    actor = app.actor(by)
    # parsing starts (in worker processes for a large batch) before the database is opened
    documents = parse_files(files, encoding=encoding, first_lead=first_lead)
    progress = _progress(len(files))
    try:
        for source, digest, parsed in documents:
            if progress is not None:
                progress.update(progress.task_ids[0], description=source)
            if dry_run:
                _show_tree(app, parsed, source)
                continue
            from taskctl.store.imports import ImportResult, save_document
            from taskctl.store.lookup import revised_document

            with app.writing() as db:
                # a file applied as a revision (`taskctl revise`) is imported already, too
                revised = revised_document(db, digest)
                if revised is not None:
                    key_of, title_of = revised
                    result = ImportResult(
                        key=key_of, title=title_of, source_name=source, skipped=True
                    )
                else:
                    result = save_document(
                        db,
                        parsed,
                        source_name=source,
                        content_hash=digest,
                        actor=actor,
                        key=key,
                        default_deadline=fallback,
                    )
            _print_result(result, app.lang)
            if progress is not None:
                progress.advance(progress.task_ids[0])
    finally:
        documents.close()
        if progress is not None:
            progress.stop()


def _parse_default_deadline(value: str | None):  # type: ignore[no-untyped-def]
    from taskctl.cli.common import parse_date_option

    return parse_date_option(value)


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _progress(total: int):  # type: ignore[no-untyped-def]
    """A progress bar on stderr when several files are imported on a terminal (rich is loaded
    only then: one document's import is done in the time its console takes to import; rich still
    has its say, TTY_COMPATIBLE=0 turns the bar off)."""
    import sys

    if total < 2 or not sys.stderr.isatty():  # a pipe or a file: no bar, and no rich to load
        return None
    console = _stderr_console()
    if not console.is_terminal:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )
    progress.add_task("import", total=total)
    progress.start()
    return progress


def _print_result(result, lang: str) -> None:  # type: ignore[no-untyped-def]
    """One line per document on stdout; written through `sys.stdout` as it is now, so that while the
    progress bar runs (rich swaps in a proxy) the line lands above the bar instead of inside it."""
    import sys

    zh = lang == "zh"
    if result.skipped:
        click.echo(
            f"{result.source_name}: 已导入过 (文件 {result.key})，未作改动"
            if zh
            else f"{result.source_name}: already imported as {result.key}; nothing changed",
            file=sys.stdout,
        )
        return
    for w in result.warnings:
        from taskctl.render.tree import warning_line

        click.echo(warning_line(result.source_name, w.line, w.message, lang), file=sys.stderr)
    if zh:
        click.echo(
            file=sys.stdout,
            message=f"{result.source_name} → {result.key}「{result.title}」: 任务 {result.tasks} 项, "
            f"单位 {result.units} 个 (新增 {result.new_units}), 责任人 {result.persons} 人, "
            f"未明确单位的任务 {result.unassigned} 项, 警告 {len(result.warnings)} 条",
        )
    else:
        click.echo(
            file=sys.stdout,
            message=f"{result.source_name} → {result.key} “{result.title}”: {result.tasks} tasks, "
            f"{result.units} units ({result.new_units} new), {result.persons} persons, "
            f"{result.unassigned} tasks without a unit, {len(result.warnings)} warnings",
        )
    if result.unassigned:
        click.echo(
            f"  未明确单位的任务可用 taskctl assign {result.key}:序号 --lead 单位 分工"
            if zh
            else f"  assign units to them with: taskctl assign {result.key}:NUMBER --lead UNIT",
            file=sys.stdout,
        )


def _show_tree(app: App, parsed, source: str) -> None:  # type: ignore[no-untyped-def]
    from taskctl.render.tree import print_parsed

    print_parsed(parsed, source, app.lang)


COMMANDS = [import_cmd]
