"""The console-script entry point and the global options (cli/__init__.py): an unexpected error is one
line (exit 70) unless TASKCTL_DEBUG asks for the traceback; --db/TASKCTL_DB, --by/TASKCTL_USER and
--lang/TASKCTL_LANG pick the database, the actor and the language, flag before environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Runner, seed

# A product function that fails unexpectedly, in a real process (no CliRunner to catch it).
CRASH = r"""
import sys
import taskctl.store.tracking as tracking
from taskctl.cli import main

def boom(*args, **kwargs):
    raise RuntimeError("disk on fire\nsecond line")

tracking.set_status = boom
sys.argv = ["taskctl", *sys.argv[1:]]
main()
"""


def crash(db: str, debug: bool, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TASKCTL_DEBUG"}
    env["TASKCTL_LANG"] = lang
    if debug:
        env["TASKCTL_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", CRASH, "--db", db, "status", "zj2012:一.1", "done"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_an_internal_error_is_one_line_without_a_traceback(zj: Runner) -> None:
    proc = crash(zj.db, debug=False)
    assert proc.returncode == 70
    assert proc.stderr == (
        "taskctl: internal error: RuntimeError: disk on fire (set TASKCTL_DEBUG=1 for details)\n"
    )
    assert proc.stdout == ""
    zh = crash(zj.db, debug=False, lang="zh")
    assert zh.returncode == 70
    assert (
        zh.stderr
        == "taskctl: 内部错误：RuntimeError：disk on fire（设置 TASKCTL_DEBUG=1 查看详情）\n"
    )
    assert zj.json("show", "zj2012:一.1")["status"] == "assigned"


def test_taskctl_debug_shows_the_traceback(zj: Runner) -> None:
    proc = crash(zj.db, debug=True)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "RuntimeError: disk on fire" in proc.stderr


def test_db_flag_wins_over_taskctl_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_db, flag_db = tmp_path / "env.db", tmp_path / "flag.db"
    monkeypatch.setenv("TASKCTL_DB", str(env_db))
    from click.testing import CliRunner

    from taskctl.cli import cli

    result = CliRunner().invoke(cli, ["import", seed("zj2012")])
    assert result.exit_code == 0, result.output
    assert len(Runner(str(env_db)).json("list")) == 26
    result = CliRunner().invoke(cli, ["--db", str(flag_db), "import", seed("gd2012")])
    assert result.exit_code == 0, result.output
    assert [d["key"] for d in Runner(str(flag_db)).json("documents")] == ["gd2012"]
    assert [d["key"] for d in Runner(str(env_db)).json("documents")] == ["zj2012"]


def test_who_made_a_change(zj: Runner) -> None:
    """Command --by, else global --by, else TASKCTL_USER (conftest sets it to `tester`)."""
    zj.ok("status", "zj2012:一.1", "accepted")
    zj.ok("--by", "李四", "status", "zj2012:一.1", "in_progress")
    zj.ok("--by", "李四", "progress", "zj2012:一.1", "进展", "--by", "王五")
    zj.ok("status", "zj2012:一.1", "done", env={"TASKCTL_USER": "赵六"})
    actors = [h["actor"] for h in zj.json("history", "zj2012:一.1")]
    assert actors == ["tester", "tester", "李四", "王五", "赵六"]


def test_language_from_flag_environment_or_locale(zj: Runner) -> None:
    assert zj.ok("overdue", "--as-of", "2013-01-15", env={"LANG": "en_US.UTF-8"}).startswith(
        "Overdue tasks"
    )
    assert zj.ok("overdue", "--as-of", "2013-01-15", env={"LANG": "zh_CN.UTF-8"}).startswith(
        "逾期任务"
    )
    assert zj.ok("overdue", "--as-of", "2013-01-15", env={"TASKCTL_LANG": "en"}).startswith(
        "Overdue tasks"
    )
    out = zj.ok("--lang", "zh", "overdue", "--as-of", "2013-01-15", env={"TASKCTL_LANG": "en"})
    assert out.startswith("逾期任务")
