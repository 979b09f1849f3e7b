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
        global _LANG
        _LANG = _early_lang(sys.argv[1:] if args is None else list(args))
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        import errno

        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            if hint and _LANG == "zh":
                hint = f"（见 '{exc.ctx.command_path} --help'）"  # type: ignore[union-attr]
            click.echo(error_line(tr(exc.format_message()) + hint), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            if isinstance(exc, CommandError):
                exc.show()
            else:
                click.echo(error_line(tr(exc.format_message())), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(f"taskctl: {tr('aborted')}", err=True)
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
                _use_local_help(command)
                self.add_command(command)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's command list, from the summaries in COMMANDS instead of importing every module."""
        from click.utils import make_default_short_help

        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        summary = {name: COMMANDS[name][1] for name in names}
        if _LANG == "zh":
            from taskctl.messages import COMMAND_HELP_ZH

            summary = {name: COMMAND_HELP_ZH[name][0] for name in names}
        if _LANG == "zh":
            limit //= 2  # a Chinese character takes two columns
        rows = [(name, make_default_short_help(summary[name], limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        from taskctl.errors import TaskctlError

        try:
            return super().invoke(ctx)
        except TaskctlError as exc:
            raise CommandError(error_text(exc), exc.exit_code) from None


class CommandError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(error_line(self.format_message()), err=True)


#: The language of help texts and messages of this invocation: `--lang` before the command, else
#: TASKCTL_LANG, else the locale (decided before click parses anything, so `--help` is in it too).
_LANG = "zh"


def current_lang() -> str:
    return _LANG


def _early_lang(args: list[str]) -> str:
    """The language the global options ask for, read off the arguments before click parses them."""
    from taskctl.labels import detect_lang

    explicit = None
    it = iter(args)
    for arg in it:
        if arg == "--lang":
            explicit = next(it, None)
        elif arg.startswith("--lang="):
            explicit = arg.partition("=")[2]
        elif arg in ("--db", "--by"):
            next(it, None)
        elif not arg.startswith("-"):
            break  # the command: options after it are its own
    return detect_lang(explicit)


def tr(text: str) -> str:
    """An English message in this invocation's language."""
    if _LANG != "zh":
        return text
    from taskctl.messages import translate

    return translate(text, "zh")


def error_line(message: str) -> str:
    return f"taskctl: 错误：{message}" if _LANG == "zh" else f"taskctl: error: {message}"


def error_text(exc: Exception) -> str:
    """A project error's message in this invocation's language (a file's name and line kept as
    they are, the message after them translated)."""
    from taskctl.errors import DatabaseError, InputError

    if _LANG != "zh":
        return str(exc)
    if isinstance(exc, InputError):
        where = str(exc)[: len(str(exc)) - len(exc.message)]
        return where.replace(": ", "：") + tr(exc.message) if where else tr(exc.message)
    text = tr(str(exc))
    if text == str(exc) and isinstance(exc, DatabaseError):
        return f"数据库错误：{text}"  # a driver's own words after the database's name
    return text


class LocalFormatter(click.HelpFormatter):
    """click's help layout with its own words (Usage, Options, default …) and option help in the
    invocation's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if _LANG == "zh" and prefix is None:
            prefix = "用法："
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if _LANG != "zh":
            return super().write_heading(heading)
        from taskctl.messages import CLICK_ZH

        self.write(f"{'':>{self.current_indent}}{CLICK_ZH.get(heading, heading)}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:  # type: ignore[no-untyped-def,override]
        if _LANG == "zh":
            rows = [(term, _zh_option_help(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _zh_option_help(text: str) -> str:
    from taskctl.messages import OPTION_HELP_ZH

    base, sep, extra = text.partition("  [")
    if not sep and text.startswith("["):
        base, sep, extra = "", "[", text[1:]
    base = OPTION_HELP_ZH.get(base, base)
    if sep:
        extra = (
            extra.replace("default: ", "默认：")
            .replace("env var: ", "环境变量：")
            .replace("required", "必填")
        )
        return f"{base}  [{extra}" if base else f"[{extra}"
    return base


def _zh_help(text: str, path: str) -> str:
    """A command's help in Chinese: the table's summary and description, then the command's own
    examples under 示例."""
    import inspect

    from taskctl.messages import COMMAND_HELP_ZH

    summary, description = COMMAND_HELP_ZH[path]
    _, sep, examples = inspect.cleandoc(text).partition("\b\nExample:")
    out = summary + (f"\n\n{description}" if description else "")
    return out + (f"\n\n\b\n示例：{examples}" if sep else "")


class LocalContext(click.Context):
    """A context whose help is written in the invocation's language."""

    formatter_class = LocalFormatter

    def get_help(self) -> str:
        if _LANG != "zh":
            return super().get_help()
        chain = []
        ctx: click.Context | None = self
        while ctx is not None and ctx.parent is not None:
            chain.append(ctx.info_name or "")
            ctx = ctx.parent
        path = " ".join(reversed(chain))
        from taskctl.messages import COMMAND_HELP_ZH

        swapped = [(self.command, path)]
        if isinstance(self.command, click.Group):
            swapped += [(c, f"{path} {n}".strip()) for n, c in self.command.commands.items()]
        saved = [(c, c.help, c.short_help) for c, _ in swapped]
        try:
            for command, where in swapped:
                if where in COMMAND_HELP_ZH and command.help:
                    command.help = _zh_help(command.help, where)
                    command.short_help = COMMAND_HELP_ZH[where][0]
            return super().get_help()
        finally:
            for command, help_text, short in saved:
                command.help, command.short_help = help_text, short


def _use_local_help(command: click.Command) -> None:
    command.context_class = LocalContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _use_local_help(sub)


TaskctlGroup.context_class = LocalContext


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
    "access": (
        "access",
        "Who may change what on the shared PostgreSQL server: unit clerks, the office, readers.",
    ),
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
        "Database schema: show its revision, upgrade it, copy it to another database.",
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
    "revise": (
        "revise",
        "Apply a new version of document KEY (FILE: any format `import` reads) to its tasks.",
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
        "Move one or more tasks to STATUS (English or Chinese: accepted / 已签收, done / 已办结, …).",
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
        click.echo(f"taskctl: {tr('interrupted')}", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("TASKCTL_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        line = f"internal error: {type(exc).__name__}: {first} (set TASKCTL_DEBUG=1 for details)"
        click.echo(f"taskctl: {tr(line)}", err=True)
        sys.exit(70)
