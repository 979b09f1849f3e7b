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
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMAND_MODULES:
            import importlib

            module = importlib.import_module(f"taskctl.cli.{COMMAND_MODULES[name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(name)

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


#: The module (under taskctl.cli) of every command: a module is imported only when one of its
#: commands runs or help lists them, so `taskctl overdue` loads the report commands and no others.
COMMAND_MODULES = {
    "import": "importing",
    **dict.fromkeys(("list", "show", "units", "documents"), "browse"),
    **dict.fromkeys(("backup", "db"), "admin"),
    **dict.fromkeys(("status", "progress", "deadline", "assign", "unit", "history"), "track"),
    "ledger": "ledger",
    **dict.fromkeys(("overdue", "due", "workload", "unit-report", "weekly", "calendar"), "reports"),
}


def main() -> None:
    """Console-script entry point: no traceback reaches a clerk unless TASKCTL_DEBUG is set."""
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
