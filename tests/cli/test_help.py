"""Every command answers -h/--help with an example, and --version works."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from taskctl import __version__
from taskctl.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        path = (*prefix, name)
        out.append(path)
        if isinstance(command, click.Group):
            out += _commands(command, path)
    return out


COMMANDS = _commands(cli)


def test_the_command_set_is_complete() -> None:
    names = {path[0] for path in COMMANDS}
    assert {
        "import",
        "list",
        "show",
        "units",
        "documents",
        "status",
        "progress",
        "deadline",
        "assign",
        "unit",
        "history",
        "ledger",
        "overdue",
        "due",
        "workload",
        "unit-report",
        "weekly",
        "calendar",
        "backup",
        "db",
    } <= names


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_an_example(path: tuple[str, ...], flag: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", *path, flag])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert f"taskctl {' '.join(path)}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_the_command_index_matches_the_commands() -> None:
    """COMMANDS (what lets a command load only its own module, and `taskctl --help` none) names
    every command of every module with the summary the command itself gives, and nothing else."""
    import importlib

    from taskctl.cli import COMMANDS

    found = {}
    for module in sorted({module for module, _ in COMMANDS.values()}):
        for command in importlib.import_module(f"taskctl.cli.{module}").COMMANDS:
            found[command.name] = (module, command.get_short_help_str(10_000))
    assert found == COMMANDS


def test_overview_help_lists_every_command_without_loading_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom taskctl.cli import main\nsys.argv = ['taskctl', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('taskctl.cli.')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "['taskctl.cli.common']"
    for name in ("import", "overdue", "unit-report", "weekly", "workload"):
        assert f"\n  {name} " in done.stdout
