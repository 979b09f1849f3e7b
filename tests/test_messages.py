"""The message table: every command, option and message has Chinese and English, and under
`--lang zh` no command's help is English. (The bad-input suite, tests/cli/test_bad_input.py, runs
every case in both languages and holds each Chinese error line to this table.)"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from taskctl.cli import cli
from taskctl.messages import COMMAND_HELP_ZH, MESSAGES, OPTION_HELP_ZH, translate
from tests.cli.test_help import COMMANDS
from tests.conftest import seed

CJK = re.compile(r"[\u4e00-\u9fff]")
FIELD = re.compile(r"\{(\w+)\}")


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None, name
        command = found
    return command


def _option_helps() -> set[str]:
    helps = set()
    for path in [(), *COMMANDS]:
        for param in _command(path).params:
            if getattr(param, "help", None):
                helps.add(param.help)  # type: ignore[attr-defined]
    return helps


def test_every_message_has_both_languages() -> None:
    ids = [i for i, _, _ in MESSAGES]
    assert len(ids) == len(set(ids))
    for msg_id, en, zh in MESSAGES:
        assert en.strip() and zh.strip(), msg_id
        assert sorted(FIELD.findall(en)) == sorted(FIELD.findall(zh)), msg_id
        assert CJK.search(zh) or msg_id in ("option_msg", "list_msg", "error_prefix"), msg_id


def test_every_command_and_option_has_chinese_help() -> None:
    paths = {" ".join(p) for p in COMMANDS} | {""}
    assert set(COMMAND_HELP_ZH) == paths
    for path, (summary, description) in COMMAND_HELP_ZH.items():
        assert CJK.search(summary), path
        assert not description or CJK.search(description), path
    helps = _option_helps()
    missing = helps - set(OPTION_HELP_ZH)
    assert not missing
    stale = set(OPTION_HELP_ZH) - helps - {"Show this message and exit."}
    assert not stale
    assert all(CJK.search(text) for text in OPTION_HELP_ZH.values())


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "taskctl")
def test_help_in_both_languages(path: tuple[str, ...]) -> None:
    zh = CliRunner().invoke(cli, ["--lang", "zh", *path, "--help"])
    assert zh.exit_code == 0, zh.output
    assert zh.output.startswith("用法：") and "选项：" in zh.output and "示例：" in zh.output
    command = _command(path)
    summary = COMMAND_HELP_ZH[" ".join(path)][0]
    flat = re.sub(r"\s+", "", zh.output)
    assert re.sub(r"\s+", "", summary) in flat
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            assert re.sub(r"\s+", "", OPTION_HELP_ZH[text]) in flat, text
            assert text.split(" (")[0] not in zh.output
    assert "Show this message and exit." not in zh.output
    en = CliRunner().invoke(cli, ["--lang", "en", *path, "--help"])
    assert en.output.startswith("Usage:") and "Example:" in en.output and "Options:" in en.output
    assert "用法" not in en.output and "示例" not in en.output
    first_words = " ".join(command.get_short_help_str(1000).split()[:4])
    assert first_words in " ".join(en.output.split())


def test_the_language_comes_from_the_environment_too() -> None:
    out = CliRunner().invoke(cli, ["--help"], env={"TASKCTL_LANG": "en"}).output
    assert out.startswith("Usage:")
    out = CliRunner().invoke(cli, ["--help"], env={"TASKCTL_LANG": "zh"}).output
    assert out.startswith("用法：")


def test_nested_messages_are_translated_inside_out() -> None:
    en = "--until: 2月30日: February has no day 30"
    assert translate(en, "zh") == "--until：2月30日：2月没有 30 日"
    assert translate(en, "en") == en
    assert translate("something no table knows", "zh") == "something no table knows"


def test_an_unknown_tasks_hint_is_translated_too() -> None:
    # the plain "unknown task {ref}" must not swallow the hint as part of the name
    assert translate("unknown task '31' (see `taskctl list`)", "zh") == (
        "未知任务 '31'（见 `taskctl list`）"
    )
    assert translate(
        "unknown task 'zj2012:八.1' (give an id from `taskctl list` or KEY:NUMBER)", "zh"
    ) == ("未知任务 'zj2012:八.1'（请给出 `taskctl list` 中的编号或 文件代号:序号）")
    assert translate("unknown task 'x'", "zh") == "未知任务 'x'"


def test_import_warnings_in_both_languages(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "一、重点工作\n1.完成第一项任务。(牵头单位:法规处)\n3.完成第三项任务。(牵头单位:法规处\n",
        encoding="utf-8",
    )
    zh = run("--lang", "zh", "import", str(plan), "--dry-run")
    assert "plan.txt:3：警告：条目 3 编号不连续（应为 2）" in zh.stderr
    assert "plan.txt:3：警告：分工括号没有闭合" in zh.stderr
    en = run("--lang", "en", "import", str(plan), "--dry-run")
    assert "plan.txt:3: warning: item 3 is out of sequence (expected 2)" in en.stderr


def _raised_messages() -> list[tuple[str, str]]:
    """Every message the package raises or warns with, its f-string values filled with samples:
    (where, message)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "taskctl"
    kinds = ("Error", "ParseWarning", "AnnotationProblem")
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if not name.endswith(kinds) or name == "TypeError":
                continue
            texts = [a for a in node.args if isinstance(a, ast.Constant | ast.JoinedStr)]
            texts += [a for a in node.args if isinstance(a, ast.BinOp)]
            for arg in texts[-1:]:
                message = _sample(arg)
                if message is not None:
                    found.append((f"{path.relative_to(root.parent)}:{node.lineno}", message))
    return found


def _sample(node) -> str | None:  # type: ignore[no-untyped-def]
    import ast

    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        out = []
        for i, part in enumerate(node.values):
            out.append(part.value if isinstance(part, ast.Constant) else f"x{i}")
        return "".join(out)
    if isinstance(node, ast.BinOp):  # "a " "b" + (…): the literal part
        return _sample(node.left)
    return None


def test_every_raised_message_has_chinese() -> None:
    from taskctl.messages import translate_message

    messages = _raised_messages()
    assert len(messages) > 60
    missing = [
        f"{where}: {message}"
        for where, message in messages
        if translate_message(message) is None and not message.startswith("x")
    ]
    assert not missing, "\n".join(missing)


ENGLISH = re.compile(r"\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")


def test_no_command_speaks_english_under_zh(zj, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every command's normal output (tables, summaries, confirmations, notices) under --lang zh has
    no English sentence in it; the same commands under --lang en do."""
    task = "zj2012:一.1"
    steps = [
        ["list", "--limit", "3"],
        ["show", task],
        ["units", "--limit", "3"],
        ["documents"],
        ["status", task, "accepted"],
        ["status", task, "accepted"],
        ["progress", task, "已起草", "--percent", "20"],
        ["deadline", task, "2013-03-31", "--note", "延期"],
        ["assign", task, "--support", "高新处"],
        ["unit", "alias", "高新处", "高新技术处"],
        ["unit", "rename", "人事处", "干部人事处"],
        ["unit", "merge", "机关党委", "监察室"],
        ["history", task],
        ["overdue", "--as-of", "2013-01-15", "--limit", "3"],
        ["due", "--as-of", "2012-12-20", "--within", "2w", "--limit", "3"],
        ["workload", "--limit", "3"],
        ["unit-report", "高新处", "--limit", "3"],
        ["weekly", "--limit", "3"],
        ["ledger", "export", "--unit", "高新处", "-o", str(tmp_path / "l.xlsx")],
        ["ledger", "import", str(tmp_path / "l.xlsx")],
        ["calendar", "-o", str(tmp_path / "c.ics")],
        ["import", seed("sc2012"), "--dry-run"],
        ["remind", "--as-of", "2013-01-15", "--dry-run"],
        ["remind", "--as-of", "2013-01-15", "-u", "高新处"],
        ["remind", "--as-of", "2013-01-16", "-u", "法规处", "-o", str(tmp_path / "l.docx")],
        ["overdue", "--as-of", "2013-01-15", "-o", str(tmp_path / "o.html")],
        ["db", "version"],
        ["db", "upgrade"],
    ]
    if not zj.db.startswith("postgresql"):
        steps.append(["backup", str(tmp_path / "copy.db")])
    english = []
    for step in steps:
        result = zj("--lang", "zh", *step)
        assert result.exit_code == 0, (step, result.output)
        for line in (result.stdout + result.stderr).splitlines():
            if ENGLISH.search(line.replace(str(tmp_path), "")):
                english.append(f"{' '.join(step)}: {line}")
    assert not english, "\n".join(english)
    en = zj("--lang", "en", "overdue", "--as-of", "2013-01-15", "--limit", "1").stdout
    assert ENGLISH.search(en)  # the detector does see English


def test_every_reason_the_unit_guard_gives_has_chinese() -> None:
    import inspect

    from taskctl.ingest import units
    from taskctl.messages import _REASONS_ZH

    reasons = re.findall(r'return "([^"]+)"', inspect.getsource(units.unit_problem))
    assert reasons and set(reasons) <= set(_REASONS_ZH)
