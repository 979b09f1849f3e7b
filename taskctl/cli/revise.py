"""`taskctl revise`: a new version of an imported document, applied to the tasks already tracked."""

from __future__ import annotations

import click

from taskctl.cli.common import (
    App,
    Output,
    actor_option,
    output_options,
    pass_app,
    reading_options,
)


@click.command("revise")
@click.argument("key")
@click.argument("file")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@reading_options
@actor_option
@output_options
@pass_app
def revise_cmd(
    app: App,
    key: str,
    file: str,
    dry_run: bool,
    encoding: str | None,
    first_lead: bool,
    default_deadline: str | None,
    by: str | None,
    out: Output,
) -> None:
    """Apply a new version of document KEY (FILE: any format `import` reads) to its tasks.

    Tasks are matched by number, then by title. A changed task keeps its id, status, progress and
    history (each change is a `revised` event); new tasks are added; tasks no longer in the plan
    are cancelled, never deleted. Extensions, statuses and progress recorded by clerks are kept.
    All of it happens in one transaction, or none of it. Give the reading options the import
    was given (--first-lead, --encoding); --default-deadline dates the new version's undated tasks.

    \b
    Example:
      taskctl revise zj2012 zj2012-调整.docx --dry-run
      taskctl revise zj2012 zj2012-调整.docx
      taskctl revise zj2012 zj2012-调整.xlsx --dry-run --format json
    """
    from taskctl.cli.common import parse_date_option
    from taskctl.ingest.readers import parse_files
    from taskctl.reports.revisions import revision_report, revision_tasks
    from taskctl.store.reader import SqlaReader
    from taskctl.store.revisions import apply_revision, plan_revision

    fallback = parse_date_option(default_deadline)
    actor = app.actor(by)
    documents = parse_files([file], encoding=encoding, first_lead=first_lead)
    try:
        source, digest, parsed = next(documents)
    finally:
        documents.close()
    session_of = app.store.reading if dry_run else app.store.writing
    with session_of() as session:
        plan = plan_revision(
            session,
            key,
            parsed,
            source_name=source,
            content_hash=digest,
            default_deadline=fallback,
        )
        diff = revision_tasks(SqlaReader(session), plan)
        if not dry_run:
            apply_revision(session, plan, actor=actor)
    for warning in plan.warnings:
        click.echo(f"{source}: warning: {warning}", err=True)
    _emit(app, out, diff, revision_report(diff, plan, app.lang))
    click.echo(_summary(plan, source, dry_run=dry_run, zh=app.lang == "zh"), err=True)


def _summary(plan, source: str, *, dry_run: bool, zh: bool) -> str:  # type: ignore[no-untyped-def]
    """The one line on stderr that says what the revision did (or would do)."""
    added, removed, changed = len(plan.added), len(plan.removed), len(plan.changed)
    if not plan.changes and not plan.headings_changed:
        if zh:
            return f"{plan.key}: {source} 与现有任务无差异 (0 项变更)，未作改动"
        return f"{plan.key}: {source} makes 0 changes; nothing written"
    if zh:
        counts = f"新增 {added} 项，撤销 {removed} 项，变更 {changed} 项"
        if dry_run:
            return f"{plan.key}: 试运行 (--dry-run)，未写入 ({counts})"
        return f"{plan.key}: 已按 {source} 修订为第 {plan.revision} 版 ({counts})"
    counts = f"{added} added, {removed} removed, {changed} changed"
    if dry_run:
        return f"{plan.key}: --dry-run, nothing written ({counts})"
    return f"{plan.key}: revision {plan.revision} applied from {source} ({counts})"


def _emit(app: App, out: Output, diff: dict, report) -> None:  # type: ignore[no-untyped-def]
    """The diff as the output options ask; JSON is the diff object itself, not the report's rows."""
    from taskctl.render import format_for

    if format_for(out.fmt, out.path) != "json":
        app.emit(report, out)
        return
    import json

    text = json.dumps(diff, ensure_ascii=False, indent=2) + "\n"
    if out.path and out.path != "-":
        with open(out.path, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


COMMANDS = [revise_cmd]
