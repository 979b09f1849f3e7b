"""A new SQLite file's schema comes from the prepared script; it equals what the Alembic revisions
build (tables, columns, indexes, foreign keys, triggers), and importing a plan into a new or a
current file loads neither SQLAlchemy nor Alembic."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from taskctl.store import sqlite_schema
from taskctl.store.engine import SCHEMA_HEAD, Store
from taskctl.store.schema import upgrade

from ..conftest import Runner, seed


def describe(path: Path) -> dict[str, object]:
    """Everything SQLite knows about a file's schema, in a comparable form."""
    conn = sqlite3.connect(path)
    try:
        master = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [row[1] for row in master if row[0] == "table"]
        shape = {}
        for table in tables:
            indexes = conn.execute(f"PRAGMA index_list('{table}')").fetchall()
            shape[table] = {
                "columns": conn.execute(f"PRAGMA table_xinfo('{table}')").fetchall(),
                "indexes": sorted(indexes),
                "index_columns": {
                    index[1]: conn.execute(f"PRAGMA index_xinfo('{index[1]}')").fetchall()
                    for index in indexes
                },
                "foreign_keys": conn.execute(f"PRAGMA foreign_key_list('{table}')").fetchall(),
            }
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    return {"master": master, "tables": shape, "version": version}


def test_script_is_for_the_current_revision() -> None:
    assert sqlite_schema.REVISION == SCHEMA_HEAD


def test_script_schema_equals_the_migrated_schema(tmp_path: Path) -> None:
    scripted = tmp_path / "scripted.db"
    assert sqlite_schema.create_if_new(str(scripted))
    migrated = tmp_path / "migrated.db"
    store = Store(f"sqlite:///{migrated}", migrate=False)
    try:
        upgrade(store, None)
    finally:
        store.dispose()
    mine, theirs = describe(scripted), describe(migrated)
    assert mine["version"] == theirs["version"] == [(SCHEMA_HEAD,)]
    assert {r[0] for r in mine["master"]} == {"table", "index", "trigger"}  # type: ignore[union-attr]
    assert mine == theirs


def test_script_leaves_an_existing_or_foreign_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE mine (x)")
    conn.commit()
    conn.close()
    assert not sqlite_schema.create_if_new(str(path))
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    assert not sqlite_schema.create_if_new(str(notes))
    assert notes.read_text() == "not a database\n" * 100
    assert not sqlite_schema.create_if_new(str(tmp_path / "no" / "such" / "dir.db"))


def test_a_new_file_works_like_a_migrated_one(tmp_path: Path) -> None:
    """The scripted file carries the triggers: link copies follow status and deadline."""
    run = Runner(str(tmp_path / "new.db"))
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    run.ok("status", "zj2012:一.1", "accepted")
    run.ok("db", "upgrade")
    conn = sqlite3.connect(tmp_path / "new.db")
    try:
        stale = conn.execute(
            "SELECT COUNT(*) FROM task_units tu JOIN tasks t ON t.id = tu.task_id"
            " WHERE tu.status IS NOT t.status OR tu.deadline IS NOT t.deadline"
        ).fetchone()[0]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert stale == 0


def _modules_after(args: list[str]) -> tuple[subprocess.CompletedProcess[str], str]:
    code = (
        "import sys\n"
        "from taskctl.cli import main\n"
        f"sys.argv = ['taskctl', *{args!r}]\n"
        "try:\n    main()\n"
        "except SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done, done.stderr


def test_importing_one_plan_loads_no_sqlalchemy(tmp_path: Path) -> None:
    db = str(tmp_path / "plans.db")
    done, err = _modules_after(["--db", db, "import", seed("zj2012"), "--key", "zj2012"])
    assert "EXIT" not in err or "EXIT 0" in err, err
    assert "zj2012" in done.stdout and "HEAVY []" in err
    done, err = _modules_after(["--db", db, "import", seed("sc2012")])
    assert "sc2012" in done.stdout and "HEAVY []" in err, err
    run = Runner(db)
    assert len(run.json("list")) == 26 + 35
