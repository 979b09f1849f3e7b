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
    result = CliRunner().invoke(cli, [*path, flag])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert f"taskctl {' '.join(path)}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_every_module_s_commands_are_registered_where_they_live() -> None:
    """COMMAND_MODULES (what lets a command load only its own module) names every command of
    every module, and nothing else."""
    import importlib

    from taskctl.cli import COMMAND_MODULES

    found = {}
    for module in sorted(set(COMMAND_MODULES.values())):
        for command in importlib.import_module(f"taskctl.cli.{module}").COMMANDS:
            found[command.name] = module
    assert found == COMMAND_MODULES
