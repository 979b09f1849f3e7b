"""The Reader reports run on: stdlib sqlite3 on a SQLite file, SQLAlchemy elsewhere; same SQL, same rows."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from taskctl.errors import DatabaseError
from taskctl.store.engine import SCHEMA_HEAD, Store, resolve_url
from taskctl.store.reader import SqliteReader, as_date, as_datetime, open_reader

from ..conftest import Runner, seed


def _task_ids(db) -> list[int]:  # type: ignore[no-untyped-def]
    return [r[0] for r in db.rows("SELECT id FROM tasks WHERE kind = 'task' ORDER BY id")]


@pytest.fixture
def zj_file(sqlite_db: str) -> Runner:
    """zj2012 in a SQLite file (the stdlib path)."""
    run = Runner(sqlite_db)
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    return run


def test_reader_on_sqlite_is_stdlib_sqlite3_and_read_only(zj_file: Runner) -> None:
    zj = zj_file
    with open_reader(resolve_url(zj.db)) as db:
        assert isinstance(db, SqliteReader)
        assert len(_task_ids(db)) == 26
        with pytest.raises(DatabaseError, match="readonly"):
            db.rows("DELETE FROM tasks")
    with open_reader(resolve_url(zj.db)) as db:
        assert len(_task_ids(db)) == 26


def test_same_rows_through_sqlite3_and_sqlalchemy(zj: Runner, store: Store) -> None:
    """Long id lists go as one parameter (JSON on SQLite, an array on PostgreSQL), short ones inline;
    both give the same rows, and dates read back the same through as_date/as_datetime."""
    sql = "SELECT id, deadline, created_at FROM tasks WHERE {cond} ORDER BY id"

    def fetch(db, ids):  # type: ignore[no-untyped-def]
        params: dict = {}
        cond = db.in_list("id", ids, params, "ids")
        return [
            (i, as_date(d), as_datetime(c)) for i, d, c in db.rows(sql.format(cond=cond), params)
        ]

    with store.query() as db:
        ids = _task_ids(db)
        via_sqlalchemy = fetch(db, ids * 40)  # 1,040 values: bound as one parameter
        assert fetch(db, ids[:3]) == via_sqlalchemy[:3]
        assert fetch(db, []) == []
    assert len(via_sqlalchemy) == 26
    assert via_sqlalchemy[0][1] == date(2012, 12, 31)
    with open_reader(resolve_url(zj.db)) as db:
        assert fetch(db, ids * 40) == via_sqlalchemy


def test_open_reader_creates_a_missing_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_reader(f"sqlite:///{path}") as db:
        assert db.scalar("SELECT version_num FROM alembic_version") == SCHEMA_HEAD
        assert _task_ids(db) == []


def test_open_reader_upgrades_an_older_schema(tmp_path: Path) -> None:
    """A database at revision 0001 (before task_units carried status and deadline) is upgraded on
    the first read, and the copies are filled from the tasks."""
    from alembic import command

    from taskctl.store.schema import alembic_config

    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    store = Store(url, migrate=False)
    cfg = alembic_config(store)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    store.dispose()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO documents (id, key, title, source_name, content_hash, imported_at)"
        " VALUES (1, 'k', 't', 's', 'h', '2026-01-01 00:00:00')"
    )
    conn.execute(
        "INSERT INTO tasks (id, document_id, kind, number, level, title, full_text, position,"
        " deadline, status, version, created_at, updated_at) VALUES (1, 1, 'task', '1', 1, 't',"
        " 't', 0, '2026-06-30', 'done', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    conn.execute(
        "INSERT INTO units (id, name, kind, created_at) VALUES (1, 'u', 'department', 'x')"
    )
    conn.execute(
        "INSERT INTO task_units (task_id, unit_id, role, position) VALUES (1, 1, 'lead', 0)"
    )
    conn.commit()
    conn.close()
    with open_reader(url) as db:
        assert db.scalar("SELECT version_num FROM alembic_version") == SCHEMA_HEAD
        assert db.rows("SELECT status, deadline FROM task_units") == [("done", "2026-06-30")]


def test_open_reader_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100)
    with (
        pytest.raises(DatabaseError, match="not a taskctl database"),
        open_reader(f"sqlite:///{path}"),
    ):
        pass


def test_a_report_on_sqlite_does_not_import_sqlalchemy(zj_file: Runner) -> None:
    """The reports' start-up cost: none of SQLAlchemy, Alembic or rich is loaded for a piped report."""
    code = (
        "import sys\n"
        "from taskctl.cli import main\n"
        f"sys.argv = ['taskctl', '--db', {zj_file.db!r}, 'overdue', '--as-of', '2013-01-15']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic', 'openpyxl', 'docx'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "逾期任务" in done.stdout or "Overdue" in done.stdout
    assert "HEAVY []" in done.stderr


def test_links_carry_their_tasks_status_and_deadline(zj: Runner, store: Store) -> None:
    """Migration 0002's copies stay true through import, status, deadline and assign."""
    zj.ok("status", "zj2012:一.1", "accepted")
    zj.ok("deadline", "zj2012:一.1", "2013-03-31", "--note", "延期")
    zj.ok("assign", "zj2012:一.2", "--support", "高新处")
    zj.ok("status", "zj2012:一.2", "accepted")
    same = "IS NOT DISTINCT FROM" if "postgresql" in zj.db else "IS"
    with store.query() as db:
        assert db.scalar("SELECT COUNT(*) FROM task_units") > 26
        stale = db.rows(
            "SELECT tu.id FROM task_units tu JOIN tasks t ON t.id = tu.task_id"
            f" WHERE NOT (tu.status {same} t.status AND tu.deadline {same} t.deadline)"
        )
        moved = db.rows(
            "SELECT DISTINCT tu.status, tu.deadline FROM task_units tu JOIN tasks t"
            " ON t.id = tu.task_id WHERE t.number = '一.1'"
        )
    assert stale == []
    assert [(s, as_date(d)) for s, d in moved] == [("accepted", date(2013, 3, 31))]
    workload = {r["unit"]: r for r in zj.json("workload", "--as-of", "2013-01-15")}
    assert workload["高新处"]["support_total"] == 1 and workload["高新处"]["support_open"] == 1
