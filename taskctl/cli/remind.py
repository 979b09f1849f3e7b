"""`taskctl remind`: 督办函 to the units whose tasks are overdue (or due soon), recorded per task."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from taskctl.cli.common import App, actor_option, as_of_option, pass_app

if TYPE_CHECKING:
    from taskctl.render.letters import LetterText
    from taskctl.store.reminders import Letter

LETTER_FORMATS = ("docx", "md", "json")
DEFAULT_ISSUER = {"zh": "市政府督查室", "en": "Supervision Office"}


def _format(fmt: str | None, output: str | None, split: str | None) -> str:
    from taskctl.errors import InvalidValueError

    if fmt is None and output and output != "-":
        ext = os.path.splitext(output)[1].lower().lstrip(".")
        fmt = ext if ext in LETTER_FORMATS else None
        if fmt is None:
            raise InvalidValueError(f"{output}: a letter is written as .docx, .md or .json")
    fmt = fmt or ("docx" if split else "md")
    if fmt == "docx" and not split and (not output or output == "-"):
        raise InvalidValueError("--format docx needs -o FILE or --split DIR")
    return fmt


def _check_target(output: str | None, split: str | None) -> None:
    """Refuse an output that cannot be written before anything is numbered or recorded."""
    from taskctl.errors import InputError

    if split:
        target = Path(split)
        if target.exists() and not target.is_dir():
            raise InputError("is not a directory", source=split)
        parent = target if target.exists() else target.parent
    elif output and output != "-":
        target = Path(output)
        if target.is_dir():
            raise InputError("is a directory; give a file name", source=output)
        parent = target.parent
    else:
        return
    parent = parent if str(parent) else Path(".")
    if not parent.is_dir():
        raise InputError("no such directory", source=str(parent))
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError("permission denied", source=str(target))


def _safe_name(text: str) -> str:
    return "".join("_" if ch in '/\\:*?"<>|' else ch for ch in text)


def _write(texts: list[LetterText], fmt: str, output: str | None, split: str | None) -> list[str]:
    """Write the letters; returns the files written (empty for standard output)."""
    from taskctl.errors import InputError
    from taskctl.render.letters import letters_json, letters_markdown, write_letters_docx

    def one(batch: list[LetterText], path: str | None) -> None:
        if fmt == "docx":
            write_letters_docx(batch, path)  # type: ignore[arg-type]
            return
        body = letters_json(batch) if fmt == "json" else letters_markdown(batch)
        if path is None:
            click.echo(body, nl=False)
        else:
            Path(path).write_text(body, encoding="utf-8")

    files: list[str] = []
    try:
        if split:
            Path(split).mkdir(parents=True, exist_ok=True)
            for t in texts:
                path = str(Path(split) / f"{_safe_name(t.number)}-{_safe_name(t.unit)}.{fmt}")
                one([t], path)
                files.append(path)
        elif output and output != "-":
            one(texts, output)
            files.append(output)
        else:
            one(texts, None)
    except OSError as exc:
        where = exc.filename or split or output
        raise InputError(f"cannot write ({exc.strerror})", source=str(where)) from None
    return files


def _dry_run(app: App, letters: list[Letter]) -> None:
    from taskctl.reports.report import Column, Report

    rows = [
        {
            "number": letter.number,
            "unit": letter.unit,
            "tasks": len(letter.rows),
            "ids": [str(r["id"]) for r in letter.rows],
        }
        for letter in letters
    ]
    zh = app.lang == "zh"
    report = Report(
        title="督办函（预览，未记录）" if zh else "Reminder letters (dry run, nothing recorded)",
        columns=[
            Column("number", "督办号", "Number"),
            Column("unit", "主送单位", "Unit"),
            Column("tasks", "任务数", "Tasks", kind="int"),
            Column("ids", "任务编号", "Task ids", kind="list", wrap=True),
        ],
        rows=rows,
        summary=(
            f"将发出督办函 {len(rows)} 份，涉及任务 {sum(r['tasks'] for r in rows)} 项；未记录。"
            if zh
            else f"{len(rows)} letters, {sum(r['tasks'] for r in rows)} tasks; nothing recorded."
        ),
    )
    from taskctl.cli.common import Output

    app.emit(report, Output())


@click.command("remind")
@click.option(
    "-u",
    "--unit",
    "units",
    multiple=True,
    help="Write to this unit only (repeat for several; default: every department that owes).",
)
@as_of_option("Count overdue days on this day; it is also the letter's date (default: today).")
@click.option(
    "--within",
    metavar="N[d|w]",
    help="Also chase tasks due within this many days (7d, 2w).",
)
@click.option("--title", help="The letter's title (default: 关于督促办理逾期任务的通知).")
@click.option(
    "--reply-by",
    metavar="DATE",
    help="Reply deadline (default: 3 working days after the letter's date).",
)
@click.option(
    "--from",
    "issuer",
    metavar="OFFICE",
    envvar="TASKCTL_OFFICE",
    help="The issuing office (env TASKCTL_OFFICE; default: 市政府督查室).",
)
@click.option(
    "--split",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="One file per unit in DIR instead of one file with a page per unit.",
)
@click.option(
    "--dry-run", is_flag=True, help="List the letters that would be sent; write and record nothing."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(LETTER_FORMATS),
    help="docx, md or json (default: from the -o file's extension, else md).",
)
@click.option("-o", "--output", metavar="FILE", help="Write the letters to FILE.")
@actor_option
@pass_app
def remind_cmd(
    app: App,
    units: tuple[str, ...],
    as_of: date,
    within: str | None,
    title: str | None,
    reply_by: str | None,
    issuer: str | None,
    split: str | None,
    dry_run: bool,
    fmt: str | None,
    output: str | None,
    by: str | None,
) -> None:
    """Write 督办函: one letter per unit with overdue (and, with --within, due-soon) tasks.

    Each letter has a number 〔YEAR〕N号 (counting on from the year's last letter), the unit as
    addressee, a table of its tasks, the reply deadline, the issuing office and the date. Every
    letter written (-o FILE, --split DIR, or --format md|json on standard output) is recorded on
    each of its tasks (see `taskctl history`). Without any of these, and with --dry-run, it only
    lists the letters and records nothing.

    \b
    Example:
      taskctl remind -o 督办函.docx
      taskctl remind --unit 高新处 --within 2w --reply-by 2026-12-04 -o 高新处督办函.docx
      taskctl remind --split 督办函/ --dry-run
    """
    from taskctl.cli.reports import parse_day, parse_within
    from taskctl.render.letters import default_title, letter_text
    from taskctl.reports.reminders import add_working_days, reminder_letters
    from taskctl.store.reminders import format_number, next_sequence

    within_days = parse_within(within) if within else None
    reply = parse_day(reply_by, "--reply-by") or add_working_days(as_of, 3)
    if reply < as_of:
        from taskctl.errors import InvalidValueError

        raise InvalidValueError(f"--reply-by {reply} is before the letter's date {as_of}")
    office = issuer or DEFAULT_ISSUER[app.lang]
    heading = title or default_title(app.lang, due_soon=bool(within_days))

    def texts(letters: list[Letter]) -> list[LetterText]:
        return [
            letter_text(
                letter, lang=app.lang, title=heading, day=as_of, reply_by=reply, issuer=office
            )
            for letter in letters
        ]

    if dry_run or not (output or split or fmt):
        with app.reading() as db:
            letters = reminder_letters(db, as_of=as_of, units=units, within_days=within_days)
            seq = next_sequence(db, as_of.year)
        for i, letter in enumerate(letters):
            letter.number = format_number(as_of.year, seq + i)
        _dry_run(app, letters)
        if not dry_run:
            click.echo(
                "（仅预览，未写入、未登记；用 -o 文件、--split 目录 或 --format md|json 生成督办函并登记）"
                if app.lang == "zh"
                else "(a preview: nothing written or recorded; give -o FILE, --split DIR or "
                "--format md|json to write the letters and record them)",
                err=True,
            )
        return

    _check_target(output, split)
    fmt = _format(fmt, output, split)
    from taskctl.store.reader import SqlaReader
    from taskctl.store.reminders import number_letters, record_letters

    with app.store.writing() as session:
        db = SqlaReader(session)
        letters = reminder_letters(db, as_of=as_of, units=units, within_days=within_days)
        number_letters(session, letters, as_of)
        files = _write(texts(letters), fmt, output, split)
        events = record_letters(
            session, letters, day=as_of, reply_by=reply, issuer=office, actor=app.actor(by)
        )
    first, last = letters[0].number, letters[-1].number
    numbers = first if first == last else f"{first}—{last}"
    where = "、".join(files) if app.lang == "zh" else ", ".join(files)
    if app.lang == "zh":
        done = f"督办函 {len(letters)} 份（{numbers}），已记录督办 {events} 项次"
        click.echo(f"{done}；已写入 {where}" if files else done, err=True)
    else:
        done = f"{len(letters)} letters ({numbers}), {events} task reminders recorded"
        click.echo(f"{done}; written to {where}" if files else done, err=True)


COMMANDS = [remind_cmd]
