"""Bad input of every kind: one line on stderr, a non-zero exit, no traceback, an unchanged database.

Each case runs against a database holding two seed documents, on SQLite and on PostgreSQL; the whole
database (every table) is dumped before and after and must be identical. A subset runs through a real
`python -m taskctl` process to prove that no traceback reaches a clerk.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, table, text

from taskctl.messages import translate_message
from taskctl.store.engine import resolve_url
from taskctl.store.models import Base
from tests.conftest import Runner, seed

TASK = "zj2012:一.1"  # a task in status assigned
HEADING = "zj2012:一"  # a heading, not a task


@dataclass
class Case:
    id: str
    args: list[str]
    expect: str  # a part of the one-line message


CASES = [
    # documents that cannot be imported
    Case("missing file", ["import", "{tmp}/nope.txt"], "no such file"),
    Case("directory", ["import", "{tmp}"], "is a directory"),
    Case("binary file", ["import", "{tmp}/binary.bin"], "not a text document"),
    Case("empty file", ["import", "{tmp}/empty.txt"], "empty document"),
    Case("truncated UTF-8", ["import", "{tmp}/truncated.txt"], "truncated.txt"),
    Case("50 MB file", ["import", "{tmp}/huge.txt"], "larger than"),
    Case("corrupt docx", ["import", "{tmp}/corrupt.docx"], "corrupt file"),
    Case("corrupt xlsx", ["import", "{tmp}/corrupt.xlsx"], "corrupt file"),
    Case("zip neither docx nor xlsx", ["import", "{tmp}/other.docx"], "neither .docx nor .xlsx"),
    Case("old binary .doc", ["import", "{tmp}/old.doc"], "cannot be read"),
    Case("key with colon", ["import", "--key", "a:b", seed("sc2022")], "bad document key"),
    Case("key for two files", ["import", "--key", "x", seed("sc2022"), seed("sc2012")], "--key"),
    Case("key already used", ["import", "--key", "zj2012", seed("sc2022")], "already used"),
    # databases that cannot be used
    Case("not a database as --db", ["--db", "{tmp}/notes.db", "list"], "not a taskctl database"),
    Case("directory as --db", ["--db", "{tmp}", "list"], "is a directory"),
    Case("read-only database", ["--db", "{readonly}", "status", TASK, "done"], "read"),
    # tasks, units, documents that do not exist or are ambiguous
    Case("unknown task id", ["status", "99999", "done"], "unknown task"),
    Case("heading is not a task", ["progress", HEADING, "进展"], "unknown task"),
    Case("unknown KEY:NUMBER", ["show", "zj2012:九十九.1"], "unknown task"),
    Case("unknown document key", ["list", "--document", "nosuchplan"], "unknown document"),
    Case("unknown unit", ["list", "--unit", "不存在的单位"], "unknown unit"),
    Case("ambiguous unit", ["list", "--unit", "处"], "ambiguous"),
    Case("assign unknown unit", ["assign", TASK, "--lead", "不存在的单位"], "unknown unit"),
    Case("remove unassigned unit", ["assign", TASK, "--remove", "人事处"], "not assigned"),
    Case("merge unit into itself", ["unit", "merge", "法规处", "法规处"], "same unit"),
    Case("rename onto existing unit", ["unit", "rename", "法规处", "人事处"], "already exists"),
    # values
    Case("invalid status", ["status", TASK, "bogus"], "unknown status"),
    Case("invalid transition", ["status", TASK, "closed"], "cannot move task"),
    Case("stale expected version", ["status", TASK, "done", "--expect-version", "7"], "version"),
    Case("2月30日", ["deadline", TASK, "2月30日", "--note", "延期"], "February has no day 30"),
    Case("unreadable date", ["deadline", TASK, "someday", "--note", "延期"], "not a date"),
    Case("deadline without reason", ["deadline", TASK, "2026-12-31"], "--note"),
    Case("percent 150", ["progress", TASK, "进展", "--percent", "150"], "bad percent"),
    Case("percent negative", ["progress", TASK, "进展", "--percent", "-5"], "bad percent"),
    Case("percent not a number", ["progress", TASK, "进展", "--percent", "六成"], "bad percent"),
    Case("empty progress", ["progress", TASK, ""], "needs a text or a percent"),
    Case("bad --as-of", ["overdue", "--as-of", "2月30日"], "February has no day 30"),
    # 督办函: nothing is numbered or recorded
    Case(
        "remind unknown unit",
        ["remind", "-u", "不存在的单位", "--as-of", "2013-01-15", "-o", "{tmp}/l.docx"],
        "unknown unit",
    ),
    Case(
        "remind nothing overdue",
        ["remind", "-u", "高新处", "--as-of", "2012-03-01", "-o", "{tmp}/l.docx"],
        "no overdue tasks",
    ),
    Case(
        "remind unwritable path",
        ["remind", "--as-of", "2013-01-15", "-o", "{tmp}/empty.txt/l.docx"],
        "no such directory",
    ),
    # command-line usage (click)
    Case("bad --format", ["list", "--format", "bogus"], "bogus"),
    Case("negative --limit", ["list", "--limit", "-1"], "--limit"),
    Case("missing argument", ["status", TASK], "Missing argument 'STATUS'"),
    Case("unknown command", ["frobnicate"], "frobnicate"),
    Case("misspelt option", ["list", "--fromat", "json"], "Did you mean '--format'"),
    Case("not a number", ["overdue", "--limit", "abc"], "not a valid integer"),
    Case("option without its value", ["overdue", "--as-of"], "requires an argument"),
    Case("extra argument", ["show", TASK, "more"], "unexpected extra argument"),
]

#: Cases also run through a real `python -m taskctl` process.
SUBPROCESS = [
    "missing file",
    "binary file",
    "corrupt docx",
    "50 MB file",
    "not a database as --db",
    "read-only database",
    "invalid transition",
    "2月30日",
    "bad --format",
    "unknown command",
    "remind unwritable path",
]


def make_inputs(tmp: Path) -> None:
    """The broken files the cases refer to."""
    full = "一、重点工作\n1.完成第一项任务。(牵头单位:法规处)\n".encode()
    (tmp / "truncated.txt").write_bytes(full[:-2] + "二".encode()[:2])
    (tmp / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (tmp / "empty.txt").write_bytes(b"")
    with (tmp / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    (tmp / "corrupt.docx").write_bytes(b"PK\x03\x04" + os.urandom(4096))
    (tmp / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 500)
    with zipfile.ZipFile(tmp / "other.docx", "w") as zf:
        zf.writestr("readme.txt", "not an office document")
    (tmp / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    (tmp / "notes.db").write_text("会议纪要，不是数据库\n" * 100, encoding="utf-8")


def read_only(db_url: str) -> str:
    """The same database opened read-only (root ignores chmod, so: SQLite mode=ro / PG read-only)."""
    if db_url.startswith("postgresql"):
        assert "options=-c" in db_url
        return db_url.replace("options=-c", "options=-cdefault_transaction_read_only%3Don%20-c", 1)
    return f"sqlite:///file:{Path(db_url).resolve()}?mode=ro&uri=true"


def dump(db_url: str) -> dict[str, list[tuple]]:
    """Every row of every table (alembic_version too), in a stable order."""
    engine = create_engine(resolve_url(db_url))
    try:
        with engine.connect() as conn:
            out = {}
            for t in Base.metadata.sorted_tables:
                out[t.name] = sorted(map(tuple, conn.execute(select(t))), key=repr)
            out["alembic_version"] = conn.execute(
                select(text("version_num")).select_from(table("alembic_version"))
            ).all()
            return out
    finally:
        engine.dispose()


@pytest.fixture
def seeded(run: Runner, tmp_path: Path) -> Runner:
    run.ok("import", seed("zj2012"), seed("gd2012"))
    make_inputs(tmp_path)
    return run


def fill(args: list[str], tmp: Path, db_url: str) -> list[str]:
    return [a.format(tmp=tmp, readonly=read_only(db_url)) for a in args]


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_there_are_at_least_25_cases() -> None:
    assert len(CASES) >= 25
    assert len({c.id for c in CASES}) == len(CASES)
    assert set(SUBPROCESS) <= {c.id for c in CASES}


def check_languages(en: str, zh: str, case: Case) -> None:
    """The English line says what the case expects; the Chinese line says the same in Chinese, from
    the message table (no English message left untranslated)."""
    assert en.startswith("taskctl: error: "), en
    assert case.expect in en, en
    assert zh.startswith("taskctl: 错误："), zh
    message = en.removeprefix("taskctl: error: ")
    hint = re.search(r" \(see '([^']*)'\)$", message)
    if hint:
        message = message[: hint.start()]
        assert zh.endswith(f"（见 '{hint.group(1)}'）"), zh
    translated = translate_message(message)
    assert translated is not None, f"no Chinese for: {message}"
    assert translated.replace(": ", "：") in zh.replace(": ", "：")
    assert re.search(r"[\u4e00-\u9fff]", translated), translated


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input(case: Case, seeded: Runner, db_url: str, tmp_path: Path) -> None:
    before = dump(db_url)
    lines = {}
    for lang in ("en", "zh"):
        result = seeded("--lang", lang, *fill(case.args, tmp_path, db_url))
        assert result.exit_code != 0, result.output
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        lines[lang] = one_line(result.stderr)
        assert "Traceback" not in result.output
    check_languages(lines["en"], lines["zh"], case)
    assert dump(db_url) == before, "the database changed"


@pytest.mark.parametrize("case", [c for c in CASES if c.id in SUBPROCESS], ids=lambda c: c.id)
def test_bad_input_in_a_real_process(
    case: Case, seeded: Runner, db_url: str, tmp_path: Path
) -> None:
    before = dump(db_url)
    lines = {}
    for lang in ("en", "zh"):
        env = {**os.environ, "TASKCTL_LANG": lang}
        env.pop("TASKCTL_DEBUG", None)
        proc = subprocess.run(
            [sys.executable, "-m", "taskctl", "--db", db_url, *fill(case.args, tmp_path, db_url)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert proc.returncode in (1, 2), (proc.stdout, proc.stderr)  # 2: command-line usage
        lines[lang] = one_line(proc.stderr)
        assert "Traceback" not in proc.stdout
    check_languages(lines["en"], lines["zh"], case)
    assert dump(db_url) == before
