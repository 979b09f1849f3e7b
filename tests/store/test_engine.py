"""Opening a database: URL resolution, SQLite pragmas, schema creation, upgrade and refusal."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from taskctl.errors import DatabaseError
from taskctl.store.engine import (
    BUSY_TIMEOUT_MS,
    SCHEMA_HEAD,
    Store,
    default_db_path,
    open_store,
    resolve_url,
)
from taskctl.store.schema import alembic_config, current_revision
from tests.conftest import Runner, seed

VERSIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"
TABLES = {
    "documents",
    "tasks",
    "units",
    "unit_aliases",
    "task_units",
    "persons",
    "task_persons",
    "progress_reports",
    "events",
    "alembic_version",
}


def _script():  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def _first_revision() -> str:
    return _script().get_base()


def _stamp(url: str, rev: str) -> None:
    """Overwrite the revision a database records (as a newer taskctl would have left it)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": rev})
    engine.dispose()


def _open_and_close(db: str) -> Store:
    store = open_store(db)
    store.dispose()
    return store


# --- URL resolution ---------------------------------------------------------------------------


def test_a_path_becomes_an_absolute_sqlite_url(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("plan.db") == f"sqlite:///{tmp_path.resolve() / 'plan.db'}"


def test_a_url_is_passed_through_unchanged() -> None:
    url = "postgresql+psycopg://clerk:secret@dbserver:5432/taskctl"
    assert resolve_url(url) == url
    assert resolve_url("sqlite:///file:/x/y.db?mode=ro&uri=true") == (
        "sqlite:///file:/x/y.db?mode=ro&uri=true"
    )


def test_taskctl_db_is_used_when_no_db_is_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TASKCTL_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"


def test_default_is_taskctl_db_in_taskctl_home(tmp_path: Path) -> None:
    # conftest points TASKCTL_HOME at tmp_path/home; the directory is created on demand
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'home' / 'taskctl.db'}"
    assert (tmp_path / "home").is_dir()


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is Linux's")
def test_without_taskctl_home_the_file_lives_where_xdg_and_platformdirs_put_it(
    tmp_path: Path, monkeypatch
) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv("TASKCTL_HOME")
    monkeypatch.delenv("TASKCTL_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    for xdg, expected in [
        (None, tmp_path / ".local" / "share" / "taskctl" / "taskctl.db"),
        (str(tmp_path / "data"), tmp_path / "data" / "taskctl" / "taskctl.db"),
        ("relative/data", tmp_path / ".local" / "share" / "taskctl" / "taskctl.db"),  # ignored
    ]:
        if xdg is None:
            monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_DATA_HOME", xdg)
        assert default_db_path() == str(expected)
        assert default_db_path() == os.path.join(
            user_data_dir("taskctl", appauthor=False), "taskctl.db"
        )
        assert resolve_url(None) == f"sqlite:///{expected}"
        assert expected.parent.is_dir()


def test_tilde_is_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_url("~/x.db") == f"sqlite:///{tmp_path / 'x.db'}"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a directory"):
        resolve_url(str(tmp_path))


def test_a_bad_url_is_a_database_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open database"):
        Store("nosuchdialect://x/y", migrate=False)


# --- SQLite pragmas and locking -----------------------------------------------------------------


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_db: str) -> None:
    store = open_store(sqlite_db)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    finally:
        store.dispose()
    # WAL is persistent: a plain sqlite3 connection sees it too
    con = sqlite3.connect(sqlite_db)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_keys_are_enforced(sqlite_db: str) -> None:
    store = open_store(sqlite_db)
    try:
        with pytest.raises(DatabaseError, match="FOREIGN KEY"), store.writing() as session:
            session.execute(
                text(
                    "INSERT INTO task_units (task_id, unit_id, role, position) "
                    "VALUES (999, 999, 'lead', 0)"
                )
            )
    finally:
        store.dispose()


def test_writing_takes_the_write_lock_up_front(sqlite_db: str) -> None:
    """BEGIN IMMEDIATE: while a writing() block is open, another writer cannot even begin."""
    store = open_store(sqlite_db)
    try:
        with store.writing() as session:
            session.execute(text("SELECT 1"))  # the transaction has begun
            other = sqlite3.connect(sqlite_db, timeout=0.05, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
                # readers are not blocked (WAL)
                assert other.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
            finally:
                other.close()
        # released at the end of the block
        other = sqlite3.connect(sqlite_db, timeout=0.05, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()
    finally:
        store.dispose()


def test_a_failed_write_is_rolled_back(db_url: str) -> None:
    store = open_store(db_url)
    try:
        with pytest.raises(RuntimeError), store.writing() as session:
            session.execute(
                text(
                    "INSERT INTO units (name, kind, created_at) "
                    "VALUES ('科技厅', 'department', '2026-01-01 00:00:00')"
                )
            )
            raise RuntimeError("boom")
        with store.reading() as session:
            assert session.execute(text("SELECT count(*) FROM units")).scalar() == 0
    finally:
        store.dispose()


# --- schema -------------------------------------------------------------------------------------


def test_schema_head_is_the_alembic_head() -> None:
    script = _script()
    assert script.get_heads() == [SCHEMA_HEAD], "one head, and engine.SCHEMA_HEAD names it"
    files = {p.stem.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*.py")}
    assert max(files) == SCHEMA_HEAD


def test_schema_is_created_on_first_open(db_url: str) -> None:
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= TABLES
        assert current_revision(store) == SCHEMA_HEAD
    finally:
        store.dispose()
    # a second open is the cheap path and changes nothing
    store = open_store(db_url)
    try:
        assert current_revision(store) == SCHEMA_HEAD
    finally:
        store.dispose()


def test_a_newer_schema_is_refused(db_url: str, run) -> None:  # type: ignore[no-untyped-def]
    store = _open_and_close(db_url)
    _stamp(store.url, "9999")
    with pytest.raises(DatabaseError, match=r"revision 9999 is newer than this taskctl"):
        open_store(db_url)
    result = run.fails("list")
    assert "newer than this taskctl; upgrade taskctl" in result.stderr
    # and nothing was changed: still stamped 9999
    check = Store(store.url, migrate=False)
    try:
        assert current_revision(check) == "9999"
    finally:
        check.dispose()


def test_db_version_reports_a_newer_schema(db_url: str, run) -> None:  # type: ignore[no-untyped-def]
    store = _open_and_close(db_url)
    _stamp(store.url, "9999")
    result = run("--lang", "en", "db", "version")
    assert result.exit_code == 1
    assert "schema revision: 9999" in result.stdout
    assert "newer than this taskctl" in result.stderr
    assert "newer than this taskctl" in run.fails("db", "upgrade").stderr
    check = Store(store.url, migrate=False)
    try:
        assert current_revision(check) == "9999", "a refused upgrade leaves the stamp alone"
    finally:
        check.dispose()


def test_db_version_and_upgrade_commands(db_url: str, run) -> None:  # type: ignore[no-untyped-def]
    if not db_url.startswith("postgresql"):
        assert "no database file" in run.fails("db", "version").stderr
    out = run.ok("db", "upgrade")
    assert f"→ {SCHEMA_HEAD}" in out
    out = run.ok("--lang", "en", "db", "version")
    assert f"schema revision: {SCHEMA_HEAD}" in out
    assert "up to date" in out
    assert "up to date" in run.ok("--lang", "en", "db", "upgrade")
    out = run.ok("--lang", "zh", "db", "version")
    assert f"结构版本：{SCHEMA_HEAD}" in out and "已是最新" in out
    assert "已是最新" in run.ok("--lang", "zh", "db", "upgrade")


def test_a_database_made_at_the_first_revision_is_upgraded(db_url: str) -> None:
    """Build a database with Alembic at the first revision (with a row in it), then open it."""
    from alembic import command

    first = _first_revision()
    url = resolve_url(db_url)
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, first)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (key, title, source_name, content_hash, imported_at) "
                "VALUES ('old', '旧文件', 'old.txt', 'abc', '2020-01-01 00:00:00')"
            )
        )
    engine.dispose()
    store = Store(url, migrate=False)
    try:
        assert current_revision(store) == first
    finally:
        store.dispose()

    store = open_store(db_url)
    try:
        assert current_revision(store) == SCHEMA_HEAD
        with store.reading() as session:
            assert session.execute(text("SELECT key FROM documents")).scalars().all() == ["old"]
    finally:
        store.dispose()


def test_a_database_of_another_program_is_refused(sqlite_db: str, run) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(sqlite_db)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a taskctl database"):
        open_store(sqlite_db)
    con = sqlite3.connect(sqlite_db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables == {"customers"}, "nothing was added to a stranger's database"


# --- files that are not usable databases (one line on stderr each) ------------------------------


def _one_line(db: str, *args: str) -> str:
    """Run the CLI on `db`; assert a clean one-line failure and return that line."""
    return Runner(db).fails(*args).stderr.strip()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("这不是数据库\n" * 200, encoding="utf-8")
    before = bogus.read_bytes()
    line = _one_line(str(bogus), "list")
    assert line.startswith("taskctl: error: ")
    assert "not a taskctl database" in line
    assert bogus.read_bytes() == before


def test_a_directory_as_db(tmp_path: Path) -> None:
    line = _one_line(str(tmp_path), "list")
    assert "is a directory" in line


def test_a_read_only_database(tmp_path: Path) -> None:
    """Opened read-only (root ignores chmod, so mode=ro it is): reads work, writes fail in one line."""
    path = tmp_path / "ro.db"
    _open_and_close(str(path))
    ro = f"sqlite:///file:{path}?mode=ro&uri=true"
    Runner(str(path)).ok("import", seed("zj2012"))
    assert len(Runner(ro).json("list")) == 26, "reads work"
    store = open_store(ro)
    try:
        with pytest.raises(DatabaseError, match="readonly database") as err, store.writing() as s:
            s.execute(text("INSERT INTO persons (name) VALUES ('张三')"))
        assert "\n" not in str(err.value)
    finally:
        store.dispose()


def test_an_empty_read_only_database_cannot_be_created(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    line = _one_line(f"sqlite:///file:{path}?mode=ro&uri=true", "list")
    assert "readonly" in line or "read-only" in line
    assert path.stat().st_size == 0


def test_a_missing_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    line = _one_line(f"sqlite:///file:{path}?mode=ro&uri=true", "list")
    assert "unable to open database file" in line
    assert not path.exists()


@pytest.mark.skipif(
    __import__("os").geteuid() == 0, reason="root ignores file permissions (chmod 0444)"
)
def test_a_chmod_read_only_database(tmp_path: Path) -> None:  # pragma: no cover - non-root only
    path = tmp_path / "ro.db"
    _open_and_close(str(path))
    path.chmod(0o444)
    line = _one_line(str(path), "import", seed("zj2012"))
    assert line.startswith("taskctl: error: ")
    assert "readonly" in line or "read-only" in line, line
