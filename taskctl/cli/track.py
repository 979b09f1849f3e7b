"""Tracking commands: `status`, `progress`, `deadline`, `assign`, `unit alias|rename|merge`, `history`."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from taskctl.cli.common import App, Output, actor_option, as_of_option, output_options, pass_app


def expect_version_option(func: Any) -> Any:
    return click.option(
        "--expect-version",
        type=click.IntRange(min=1),
        metavar="N",
        help="Refuse the change unless the task is still at version N (as you last read it).",
    )(func)


def describe_change(change: Any, lang: str) -> str:
    """One line saying what a tracking call changed (or that it changed nothing)."""
    from taskctl.labels import value_label

    zh = lang == "zh"
    what = f"任务 {change.task_id}" if zh else f"task {change.task_id}"
    if not change.changed:
        value = value_label(change.kind, change.new, lang)
        return (
            f"{what}: 已是 {value}，未作改动 (版本 {change.version})"
            if zh
            else f"{what}: already {value}; nothing changed (version {change.version})"
        )
    body = change_text(change, lang)
    version = f"版本 {change.version}" if zh else f"version {change.version}"
    return f"{what}: {body} ({version})"


def change_text(change: Any, lang: str) -> str:
    """What a change did, as people read it: `状态 待签收 → 已签收`, `deadline 2013-03-31 → …`
    (used by the tracking commands and by the ledger import's result table)."""
    from taskctl.labels import value_label

    zh = lang == "zh"
    old = value_label(change.kind, change.old, lang) or "∅"
    new = value_label(change.kind, change.new, lang) or "∅"
    if change.kind == "status":
        return f"状态 {old} → {new}" if zh else f"status {old} → {new}"
    if change.kind == "progress":
        pct = f" {change.old or '∅'} → {change.new}" if change.new else ""
        return f"进展已记录{pct}" if zh else f"progress recorded{pct}"
    if change.kind == "deadline":
        body = f"完成时限 {old} → {new}" if zh else f"deadline {old} → {new}"
        return body + _shift(change.old, change.new, zh)
    if change.kind == "assign":
        return f"分工 {old} → {new}" if zh else f"units {old} → {new}"
    return f"{change.kind} {old} → {new}"


def _shift(old: str | None, new: str | None, zh: bool) -> str:
    """`, 延后 31 天` / `, 提前 1 天`: how far a deadline moved (an "extension" can shorten it)."""
    try:
        days = (date.fromisoformat(str(new)) - date.fromisoformat(str(old))).days
    except ValueError:
        return ""
    if days > 0:
        return f"，延后 {days} 天" if zh else f", {days} days later"
    if days < 0:
        return f"，提前 {-days} 天" if zh else f", {-days} days earlier"
    return ""


def _echo(change: Any, lang: str) -> None:
    click.echo(describe_change(change, lang))


@click.command("status")
@click.argument("tasks_and_status", nargs=-1, required=True, metavar="TASK... STATUS")
@click.option("--note", help="Why (required when reopening a done, closed or cancelled task).")
@expect_version_option
@actor_option
@pass_app
def status_cmd(
    app: App,
    tasks_and_status: tuple[str, ...],
    note: str | None,
    expect_version: int | None,
    by: str | None,
) -> None:
    """Move one or more tasks to STATUS (English or Chinese: accepted / 已签收, done / 已办结, …).

    Lifecycle: 待签收 assigned → 已签收 accepted → 办理中 in_progress → 已办结 done → 已销号 closed;
    also 暂缓 suspended and 已取消 cancelled. TASK is an id or DOCUMENT:NUMBER. Several tasks change
    in one transaction, one event each: if one cannot move, none does.

    \b
    Example:
      taskctl status 12 已签收 --by 张三
      taskctl status 12 13 14 已签收
      taskctl status zj2012:二.3 done
      taskctl status 12 in_progress --note "复核未通过" --expect-version 4
    """
    from taskctl.errors import InvalidValueError
    from taskctl.store import tracking

    if len(tasks_and_status) < 2:
        raise click.UsageError("Missing argument 'STATUS'.")
    *tasks, status = tasks_and_status
    if expect_version is not None and len(tasks) > 1:
        raise InvalidValueError("--expect-version takes one task; give the tasks one at a time")
    with app.writing() as db:
        if len(tasks) == 1:
            changes = [
                tracking.set_status(
                    db,
                    tasks[0],
                    status,
                    actor=app.actor(by),
                    note=note,
                    expect_version=expect_version,
                )
            ]
        else:
            changes = tracking.set_statuses(db, tasks, status, actor=app.actor(by), note=note)
    for change in changes:
        _echo(change, app.lang)


@click.command("progress")
@click.argument("task", required=False)
@click.argument("text", required=False)
@click.option("--percent", metavar="N", help="How far along, 0 to 100.")
@click.option(
    "--from-file",
    "from_file",
    metavar="CSV",
    type=click.Path(dir_okay=False),
    help="Apply many updates in one transaction: a CSV with columns id (or KEY:NUMBER), status, "
    "percent, note.",
)
@expect_version_option
@actor_option
@pass_app
def progress_cmd(
    app: App,
    task: str | None,
    text: str | None,
    percent: str | None,
    from_file: str | None,
    expect_version: int | None,
    by: str | None,
) -> None:
    """Record a dated progress report in the unit's own words.

    With --from-file, every row of the CSV is applied in one transaction (a status first, then the
    percent and note as a progress report; one event per change); if one row is bad, the error
    names it and nothing is written.

    \b
    Example:
      taskctl progress 12 "已完成项目招标" --percent 60
      taskctl progress zj2012:二.3 "正在起草实施方案"
      taskctl progress --from-file updates.csv
    """
    from taskctl.store import tracking

    if from_file is not None:
        if task is not None or percent is not None or expect_version is not None:
            raise click.UsageError("--from-file takes no TASK, TEXT, --percent or --expect-version")
        from taskctl.ingest.updates import read_updates

        rows = read_updates(from_file)
        with app.writing() as db:
            changes = tracking.apply_updates(db, rows, actor=app.actor(by), source=from_file)
        for change in changes:
            _echo(change, app.lang)
        return
    if task is None or text is None:
        raise click.UsageError("give a TASK and a TEXT (or --from-file CSV)")
    with app.writing() as session:
        change = tracking.add_progress(
            session,
            task,
            text,
            actor=app.actor(by),
            percent=percent,
            expect_version=expect_version,
        )
    _echo(change, app.lang)


@click.command("deadline")
@click.argument("task")
@click.argument("when")
@click.option("--note", metavar="REASON", help="The reason for the change (延期理由; required).")
@as_of_option("Resolve relative dates (下周五, +2w, 6月底前) against this day (default: today).")
@expect_version_option
@actor_option
@pass_app
def deadline_cmd(
    app: App,
    task: str,
    when: str,
    note: str | None,
    as_of: date,
    expect_version: int | None,
    by: str | None,
) -> None:
    """Change a task's deadline (an extension, 延期); the original deadline is kept.

    WHEN is an ISO date, anything python-dateutil reads, a Chinese phrase (6月底前, 年底, 下周五,
    3月15日) or an offset (+2w, +10d), resolved against --as-of.

    \b
    Example:
      taskctl deadline 12 2026-12-31 --note "资金未到位"
      taskctl deadline 12 6月底前 --note "等待审批" --as-of 2026-03-01
      taskctl deadline zj2012:二.3 +2w --note "配合单位调整"
    """
    from taskctl.cli.common import parse_date_option
    from taskctl.store.tracking import change_deadline

    when_date = parse_date_option(when, today=as_of)
    with app.writing() as session:
        change = change_deadline(
            session,
            task,
            when_date,
            actor=app.actor(by),
            note=note,
            expect_version=expect_version,
        )
    _echo(change, app.lang)


@click.command("assign")
@click.argument("task")
@click.option("--lead", multiple=True, metavar="UNIT", help="Make UNIT a lead unit (repeatable).")
@click.option(
    "--support", multiple=True, metavar="UNIT", help="Make UNIT a support unit (repeatable)."
)
@click.option(
    "--remove", multiple=True, metavar="UNIT", help="Take UNIT off the task (repeatable)."
)
@click.option("--new", "create", is_flag=True, help="Create units whose names match none.")
@click.option("--note", help="Why the assignment changes.")
@expect_version_option
@actor_option
@pass_app
def assign_cmd(
    app: App,
    task: str,
    lead: tuple[str, ...],
    support: tuple[str, ...],
    remove: tuple[str, ...],
    create: bool,
    note: str | None,
    expect_version: int | None,
    by: str | None,
) -> None:
    """Assign lead and support units to a task, or take units off it.

    A unique part of a unit's name is enough (高新 → 高新处); an ambiguous one lists the candidates.

    \b
    Example:
      taskctl assign 12 --lead 高新 --support 计划
      taskctl assign sc2012:3 --lead 省发展改革委 --new
      taskctl assign 12 --remove 计划处
    """
    from taskctl.store.tracking import assign

    with app.writing() as session:
        change = assign(
            session,
            task,
            lead=list(lead),
            support=list(support),
            remove=list(remove),
            actor=app.actor(by),
            new=create,
            note=note,
            expect_version=expect_version,
        )
    _echo(change, app.lang)


@click.group("unit")
def unit_group() -> None:
    """Maintain units: aliases, renames and merges (every one is recorded).

    \b
    Example:
      taskctl unit alias 高新技术处 高新处
      taskctl unit rename 计划处 发展计划处
      taskctl unit merge 省科技厅 科技厅
    """


@unit_group.command("alias")
@click.argument("name")
@click.argument("alias")
@actor_option
@pass_app
def unit_alias_cmd(app: App, name: str, alias: str, by: str | None) -> None:
    """Let ALIAS name the unit NAME too.

    \b
    Example:
      taskctl unit alias 高新技术处 高新处
    """
    from taskctl.store.tracking import add_alias

    with app.writing() as session:
        change = add_alias(session, name, alias, actor=app.actor(by))
    zh = app.lang == "zh"
    if not change.changed:
        click.echo(
            f"{change.new} 已是 {change.unit} 的别名，未作改动"
            if zh
            else f"{change.new} already names {change.unit}; nothing changed"
        )
    else:
        click.echo(
            f"单位 {change.unit}: 新增别名 {change.new}"
            if zh
            else f"unit {change.unit}: alias {change.new} added"
        )


@unit_group.command("rename")
@click.argument("old")
@click.argument("new")
@actor_option
@pass_app
def unit_rename_cmd(app: App, old: str, new: str, by: str | None) -> None:
    """Rename unit OLD to NEW; the old name stays as an alias.

    \b
    Example:
      taskctl unit rename 计划处 发展计划处
    """
    from taskctl.store.tracking import rename_unit

    with app.writing() as session:
        change = rename_unit(session, old, new, actor=app.actor(by))
    zh = app.lang == "zh"
    if not change.changed:
        click.echo(
            f"单位已名为 {change.new}，未作改动"
            if zh
            else f"unit is already named {change.new}; nothing changed"
        )
    else:
        click.echo(
            f"单位 {change.old} 更名为 {change.new} (原名保留为别名)"
            if zh
            else f"unit {change.old} renamed to {change.new} (old name kept as an alias)"
        )


@unit_group.command("merge")
@click.argument("a")
@click.argument("b")
@actor_option
@pass_app
def unit_merge_cmd(app: App, a: str, b: str, by: str | None) -> None:
    """Merge unit A into unit B: A's tasks, progress reports and aliases move to B, A's name becomes
    an alias of B, and every affected task records the merge in its history.

    \b
    Example:
      taskctl unit merge 省科技厅 科技厅
    """
    from taskctl.store.tracking import merge_units

    with app.writing() as session:
        result = merge_units(session, a, b, actor=app.actor(by))
    if app.lang == "zh":
        click.echo(
            f"单位 {result.source} 并入 {result.target}: 任务 {len(result.tasks)} 项, "
            f"转移分工 {result.moved_links} 条, 去重 {result.dropped_links} 条, "
            f"别名 {len(result.aliases)} 个"
        )
    else:
        click.echo(
            f"unit {result.source} merged into {result.target}: {len(result.tasks)} tasks, "
            f"{result.moved_links} links moved, {result.dropped_links} duplicates dropped, "
            f"{len(result.aliases)} aliases"
        )


@click.command("history")
@click.argument("task")
@output_options
@pass_app
def history_cmd(
    app: App,
    task: str,
    out: Output,
) -> None:
    """Show every change of a task, oldest first (time in local time).

    `--format json` gives a list of objects with time, actor, kind, old, new and note.

    \b
    Example:
      taskctl history 12
      taskctl history zj2012:二.3 --format json
    """
    from taskctl.reports.history import history_report

    with app.reading() as db:
        report = history_report(db, task, app.lang, stream=True)
        app.emit(report, out)  # written as its rows come off the cursor


COMMANDS = [
    status_cmd,
    progress_cmd,
    deadline_cmd,
    assign_cmd,
    unit_group,
    history_cmd,
]
