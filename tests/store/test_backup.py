"""`taskctl backup FILE`: a consistent copy while another process keeps writing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from taskctl.cli import cli
from taskctl.store.backup import backup_database
from taskctl.store.engine import SCHEMA_HEAD, open_store
from taskctl.store.imports import save_document
from tests.conftest import PG_ENV, PG_SKIP, Runner
from tests.store.test_concurrency import make_plan

WRITER = r"""
import json, sys
from taskctl.store.engine import open_store
from taskctl.store.tracking import add_progress, set_status

store = open_store(sys.argv[1])
tasks = json.loads(sys.argv[2])
stop = __import__("pathlib").Path(sys.argv[3])
n = 0
while not stop.exists() or n < 50:
    tid = tasks[n % len(tasks)]
    with store.writing() as session:
        if n % 3:
            add_progress(session, tid, f"report {n}", actor="writer", percent=n % 101)
        else:
            set_status(session, tid, "suspended" if n % 2 else "in_progress", actor="writer")
    n += 1
    if n == 20:
        print("ready", flush=True)
print(n, flush=True)
store.dispose()
"""

TABLES = ("documents", "tasks", "units", "unit_aliases", "task_units", "persons", "task_persons",
          "progress_reports", "events")  # fmt: skip


def dump(path: str | Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def seeded(db: str, n_tasks: int = 30) -> list[int]:
    from sqlalchemy import select

    from taskctl.store.models import Task

    store = open_store(db)
    try:
        with store.writing() as session:
            save_document(
                session, make_plan(n_tasks), source_name="plan.txt", content_hash="h", actor="t"
            )
        with store.reading() as session:
            return list(session.scalars(select(Task.id).where(Task.kind == "task")))
    finally:
        store.dispose()


def consistent(path: Path) -> tuple[int, int]:
    """Check the invariants a torn copy would break; return (events, progress reports)."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute(
            "SELECT t.id, t.version, (SELECT count(*) FROM events e WHERE e.task_id = t.id) "
            "FROM tasks t WHERE t.kind = 'task'"
        ).fetchall()
        for tid, version, events in rows:
            assert version == events, f"task {tid}: version {version} but {events} events"
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        reports = con.execute("SELECT count(*) FROM progress_reports").fetchone()[0]
        progress = con.execute("SELECT count(*) FROM events WHERE kind = 'progress'").fetchone()[0]
        assert reports == progress
        return events, reports
    finally:
        con.close()


def test_backup_while_another_process_writes(sqlite_db: str, tmp_path: Path) -> None:
    tasks = seeded(sqlite_db)
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, sqlite_db, json.dumps(tasks[:10]), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        run = Runner(sqlite_db)
        seen = []
        for i in range(5):
            copy = tmp_path / f"copy{i}.db"
            out = run.ok("--lang", "en", "backup", str(copy))
            assert out.startswith(f"backed up to {copy}")
            assert not Path(f"{copy}-wal").exists(), "the copy is one self-contained file"
            seen.append(consistent(copy))
    finally:
        stop.touch()
        total = int(writer.stdout.readline() or -1)
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
        writer.stdout.close()
        writer.stderr.close()
    assert total >= 50
    assert seen == sorted(seen), "later copies hold at least as much"
    assert seen[-1][0] > seen[0][0], "the writer kept writing while the copies were made"

    # the copy opens with --db and holds the same tasks and history
    final = tmp_path / "final.db"
    Runner(sqlite_db).ok("backup", str(final))
    assert dump(final) == dump(sqlite_db)
    copy_run = Runner(str(final))
    for args in (["list", "--format", "json"], ["history", str(tasks[0])], ["show", str(tasks[1])]):
        assert copy_run.ok(*args) == Runner(sqlite_db).ok(*args)
    # and it is an ordinary taskctl database: it takes new updates, the original does not see them
    copy_run.ok("progress", str(tasks[0]), "恢复后继续")
    assert copy_run.json("history", str(tasks[0]))[-1]["note"] == "恢复后继续"
    assert Runner(sqlite_db).json("history", str(tasks[0]))[-1]["note"] != "恢复后继续"


def test_backup_refuses_to_overwrite_without_force(sqlite_db: str, tmp_path: Path) -> None:
    seeded(sqlite_db, 3)
    run = Runner(sqlite_db)
    target = tmp_path / "b.db"
    target.write_text("keep me")
    assert "use --force" in run.fails("backup", str(target)).stderr
    assert target.read_text() == "keep me"
    run.ok("backup", "--force", str(target))
    assert dump(target) == dump(sqlite_db)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}", "is a directory"),
        ("{tmp}/missing/dir/b.db", "no such directory"),
        ("{db}", "already exists"),
    ],
)
def test_backup_bad_targets(sqlite_db: str, tmp_path: Path, target: str, message: str) -> None:
    seeded(sqlite_db, 2)
    before = dump(sqlite_db)
    result = Runner(sqlite_db).fails("backup", target.format(tmp=tmp_path, db=sqlite_db))
    assert message in result.stderr
    assert dump(sqlite_db) == before


def test_backup_onto_the_database_itself_is_refused(sqlite_db: str) -> None:
    seeded(sqlite_db, 2)
    before = dump(sqlite_db)
    result = Runner(sqlite_db).fails("backup", "--force", sqlite_db)
    assert "is the database itself" in result.stderr
    assert dump(sqlite_db) == before


def test_backup_of_a_missing_or_bogus_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = Runner(str(missing)).fails("backup", str(tmp_path / "b.db"))
    assert "no database file to back up" in result.stderr
    assert not missing.exists()
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00\x01garbage" * 1000)
    result = Runner(str(bogus)).fails("backup", str(tmp_path / "b.db"))
    assert "not a taskctl database" in result.stderr
    assert not (tmp_path / "b.db").exists()
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_backup_does_not_upgrade_or_refuse_a_newer_schema(sqlite_db: str, tmp_path: Path) -> None:
    """Backing up before an upgrade (or a downgrade of taskctl) must work on any revision."""
    seeded(sqlite_db, 2)
    con = sqlite3.connect(sqlite_db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    result = backup_database(f"sqlite:///{sqlite_db}", tmp_path / "b.db")
    assert result.tasks == 3  # one heading and two tasks
    con = sqlite3.connect(tmp_path / "b.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"
    con.close()
    assert SCHEMA_HEAD != "9999"


def test_backup_on_postgresql_points_to_pg_dump(tmp_path: Path, monkeypatch) -> None:
    db_url = os.environ.get(PG_ENV) or pytest.skip(PG_SKIP)
    monkeypatch.chdir(tmp_path)
    result = Runner(db_url).fails("backup", "x.db")
    line = result.stderr.strip()
    # the URL pg_dump understands: no SQLAlchemy driver, no password (~/.pgpass), no options
    u = make_url(db_url)
    user = f"{u.username}@" if u.username else ""
    port = f":{u.port}" if u.port else ""
    target = f"postgresql://{user}{u.host}{port}/{u.database}"
    assert f"pg_dump -Fc -f taskctl.dump '{target}'" in line
    assert "pg_restore" in line
    assert "postgresql+psycopg" not in line, "pg_dump does not understand SQLAlchemy driver names"
    if u.password:
        assert f":{u.password}@" not in line, "the password is not shown"
    assert not Path("x.db").exists()


def test_pg_dump_hint_leaves_out_the_password_and_options() -> None:
    """No server is needed: the hint is given before any connection is made."""
    url = "postgresql+psycopg://clerk:S3cret-pw@dbserver:6543/ledger?options=-csearch_path%3Dx"
    line = Runner(url).fails("backup", "x.db").stderr.strip()
    assert "pg_dump -Fc -f taskctl.dump 'postgresql://clerk@dbserver:6543/ledger'" in line
    assert "S3cret-pw" not in line and "search_path" not in line


def test_backup_help_mentions_pg_dump() -> None:
    result = CliRunner().invoke(cli, ["backup", "--help"])
    assert result.exit_code == 0
    assert "pg_dump" in result.output
