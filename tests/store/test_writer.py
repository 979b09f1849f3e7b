"""The Writer the write commands run on: stdlib sqlite3 on a SQLite file, SQLAlchemy elsewhere;
one transaction, the same statements, and no SQLAlchemy import on a current SQLite file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from taskctl.errors import DatabaseError
from taskctl.store.engine import SCHEMA_HEAD, Store, resolve_url
from taskctl.store.writer import SqliteWriter, open_writer

from ..conftest import Runner, seed


@pytest.fixture
def zj_file(sqlite_db: str) -> Runner:
    """zj2012 in a SQLite file (the stdlib path)."""
    run = Runner(sqlite_db)
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    return run


def _count(url: str, sql: str) -> int:
    with open_writer(url) as db:
        return int(db.scalar(sql))


def test_writer_commits_at_the_end_and_rolls_back_on_error(db_url: str) -> None:
    url = resolve_url(db_url)
    with open_writer(url) as db:
        new_id = db.insert(
            "INSERT INTO units (name, kind, created_at) VALUES (:name, :kind, :at)",
            {"name": "甲处", "kind": "department", "at": "2026-01-02 03:04:05"},
        )
        assert new_id > 0
        assert db.execute("UPDATE units SET kind = 'group' WHERE id = :id", {"id": new_id}) == 1
    with pytest.raises(RuntimeError), open_writer(url) as db:
        db.execute("DELETE FROM units")
        raise RuntimeError("half-way")
    assert _count(url, "SELECT COUNT(*) FROM units WHERE kind = 'group'") == 1


def test_writer_on_sqlite_is_stdlib_sqlite3_with_foreign_keys(zj_file: Runner) -> None:
    url = resolve_url(zj_file.db)
    with open_writer(url) as db:
        assert isinstance(db, SqliteWriter)
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.revision() == SCHEMA_HEAD
        with pytest.raises(DatabaseError, match="FOREIGN KEY"):
            db.execute(
                "INSERT INTO task_units (task_id, unit_id, role, position) VALUES (999999, 1, 'lead', 0)"
            )


def test_open_writer_creates_a_new_file(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "new.db"))
    with open_writer(url) as db:
        assert db.scalar("SELECT version_num FROM alembic_version") == SCHEMA_HEAD
        assert db.scalar("SELECT COUNT(*) FROM tasks") == 0


def test_open_writer_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100)
    with (
        pytest.raises(DatabaseError, match="not a taskctl database"),
        open_writer(f"sqlite:///{path}"),
    ):
        pass


def test_store_write_is_the_same_writer_on_sqlalchemy(zj: Runner, store: Store) -> None:
    with store.write() as db:
        assert db.for_update == (" FOR UPDATE" if db.dialect == "postgresql" else "")
        db.execute("UPDATE tasks SET percent = 5 WHERE number = :n", {"n": "一.1"})
    assert zj.json("show", "zj2012:一.1")["percent"] == 5


@pytest.mark.parametrize(
    "args",
    [
        ("status", "zj2012:一.1", "已签收"),
        ("status", "zj2012:一.1", "zj2012:一.2", "accepted"),
        ("progress", "zj2012:一.1", "已完成招标", "--percent", "30"),
        ("deadline", "zj2012:一.1", "2013-03-31", "--note", "延期"),
        ("assign", "zj2012:一.1", "--support", "计划处", "--new"),
        ("unit", "alias", "高新处", "高新技术处"),
        ("unit", "rename", "高新处", "高新技术处"),
    ],
)
def test_write_commands_on_sqlite_do_not_import_sqlalchemy(
    zj_file: Runner, args: tuple[str, ...]
) -> None:
    """The write path's start-up cost: a current SQLite file is changed without SQLAlchemy."""
    code = (
        "import sys\n"
        "from taskctl.cli import main\n"
        f"sys.argv = ['taskctl', '--db', {zj_file.db!r}, *{list(args)!r}]\n"
        "try:\n    main()\n"
        "except SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "EXIT" not in done.stderr or "EXIT 0" in done.stderr, done.stderr
    assert "HEAVY []" in done.stderr
    assert done.stdout.strip()
