"""The `taskctl` command line: a thin layer that parses options, calls the library, renders rows."""

from __future__ import annotations

import os
import sys

import click

from taskctl import __version__
from taskctl.cli.common import App


class TaskctlGroup(click.Group):
    """Turns the project's errors, and click's usage errors, into one line on stderr and a non-zero
    exit code (click's own standalone mode prints usage errors over several lines)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[no-untyped-def,override]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        import errno

        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            click.echo(f"taskctl: error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("taskctl: aborted", err=True)
            sys.exit(1)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # output piped into `head`
                sys.exit(1)
            raise
        sys.exit(rv if isinstance(rv, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            import importlib

            module = importlib.import_module(f"taskctl.cli.{COMMANDS[name][0]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's command list, from the summaries in COMMANDS instead of importing every module."""
        from click.utils import make_default_short_help

        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = [(name, make_default_short_help(COMMANDS[name][1], limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        from taskctl.errors import TaskctlError

        try:
            return super().invoke(ctx)
        except TaskctlError as exc:
            raise CommandError(str(exc), exc.exit_code) from None


class CommandError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"taskctl: error: {self.format_message()}", err=True)


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=TaskctlGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="taskctl")
@click.option(
    "--db",
    envvar="TASKCTL_DB",
    metavar="PATH|URL",
    help="Database file or SQLAlchemy URL (env TASKCTL_DB; default: taskctl.db in the "
    "user data directory).",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    envvar="TASKCTL_LANG",
    help="Language of labels (env TASKCTL_LANG; default: from the locale, else zh).",
)
@click.option(
    "--by",
    "actor",
    metavar="NAME",
    envvar="TASKCTL_USER",
    help="Who makes changes (env TASKCTL_USER; default: the OS user).",
)
@click.option(
    "--ascii",
    "ascii_only",
    is_flag=True,
    envvar="TASKCTL_ASCII",
    help="Draw every table with ASCII characters only (env TASKCTL_ASCII).",
)
@click.pass_context
def cli(
    ctx: click.Context, db: str | None, lang: str | None, actor: str | None, ascii_only: bool
) -> None:
    """taskctl: 任务分工台账 — import work plans, track tasks, report on them.

    \b
    Example:
      taskctl --db plan.db import seeds/zj2012.txt
      taskctl --db plan.db list --unit 高新处
      taskctl --db plan.db overdue --as-of 2013-01-15
    """
    app = App(db, lang, actor)
    app.ascii_only = ascii_only
    ctx.obj = app
    ctx.call_on_close(app.close)


#: Every command: its module under taskctl.cli (imported only when one of its commands runs) and
#: the one-line summary `taskctl --help` lists, so that the overview loads no command module.
#: tests/cli/test_help.py holds both to the commands themselves.
COMMANDS: dict[str, tuple[str, str]] = {
    "assign": (
        "track",
        "Assign lead and support units to a task, or take units off it.",
    ),
    "backup": (
        "admin",
        "Copy the database to FILE, consistently, even while others are writing to it.",
    ),
    "calendar": (
        "reports",
        "Deadlines of open tasks as an iCalendar file for Outlook or a phone calendar.",
    ),
    "db": (
        "admin",
        "Database schema: show its revision, upgrade it.",
    ),
    "deadline": (
        "track",
        "Change a task's deadline (an extension, 延期); the original deadline is kept.",
    ),
    "documents": (
        "browse",
        "List imported documents with their keys (for KEY:NUMBER), periods and task counts.",
    ),
    "due": (
        "reports",
        "Open tasks due soon (from today, or --as-of, to WITHIN days later), soonest first.",
    ),
    "history": (
        "track",
        "Show every change of a task, oldest first (time in local time).",
    ),
    "import": (
        "importing",
        "Import work-plan documents (.txt in any encoding, .docx, .xlsx/.csv, .pdf; - for stdin).",
    ),
    "ledger": (
        "ledger",
        "Export a unit's tasks as an Excel ledger (台账) and import it back once filled in.",
    ),
    "list": (
        "browse",
        "List tasks in document order, with each task's warning light on the terminal.",
    ),
    "overdue": (
        "reports",
        "Open tasks past their deadline, most overdue first, with the latest progress.",
    ),
    "progress": (
        "track",
        "Record a dated progress report in the unit's own words.",
    ),
    "remind": (
        "remind",
        "Write 督办函: one letter per unit with overdue (and, with --within, due-soon) tasks.",
    ),
    "show": (
        "browse",
        "Show everything about one task: text, units, persons, deadline, status, progress.",
    ),
    "status": (
        "track",
        "Move a task to STATUS (English or Chinese: accepted / 已签收, done / 已办结, …).",
    ),
    "unit": (
        "track",
        "Maintain units: aliases, renames and merges (every one is recorded).",
    ),
    "unit-report": (
        "reports",
        "Everything one unit owes: the tasks it leads, then those it is responsible "
        "for, then those it supports, each with light, deadline, status and latest "
        "progress.",
    ),
    "units": (
        "browse",
        "List units with how many tasks each leads, supports or is responsible for.",
    ),
    "weekly": (
        "reports",
        "The weekly summary (周报): headline numbers, tasks finished, progress reported "
        "(by unit), status changes and extensions, newly overdue tasks, tasks due next "
        "week, and the workload table.",
    ),
    "workload": (
        "reports",
        "One row per unit: tasks it leads (total, open, done, overdue), supports and is"
        " responsible for, and its completion rate (with a small bar on the terminal).",
    ),
}


def main() -> None:
    """Console-script entry point: no traceback reaches a clerk unless TASKCTL_DEBUG is set."""
    import gc

    # A report builds tens of thousands of rows and frees them at exit; with the default thresholds
    # the cycle collector walks them again and again (10-15% of a 100,000-row listing). Cycles are
    # still collected, less often.
    gc.set_threshold(100_000, 50, 1000)
    try:
        cli.main(prog_name="taskctl")
    except KeyboardInterrupt:
        click.echo("taskctl: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("TASKCTL_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        click.echo(
            f"taskctl: internal error: {type(exc).__name__}: {first} "
            "(set TASKCTL_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(70)
