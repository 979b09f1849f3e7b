"""Crash safety: SIGKILL a `taskctl import` of a large document midway; nothing half-imported remains."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from taskctl.store.engine import open_store
from tests.conftest import Runner, seed

HEADINGS = 100
TASKS_PER_HEADING = 200  # 20,000 tasks: a full import takes 5-10 s, plenty to kill it in
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    if n == 100:
        return "一百"
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def big_plan(path: Path) -> int:
    """Write a work plan of HEADINGS × TASKS_PER_HEADING tasks; return the number of tasks."""
    lines = ["大型测试工作要点", ""]
    for h in range(1, HEADINGS + 1):
        lines.append(f"{chinese_number(h)}、第{h}方面重点工作")
        for t in range(1, TASKS_PER_HEADING + 1):
            lines.append(
                f"{t}.推进第{h}方面第{t}项工作，确保按期完成。"
                f"(牵头单位:甲{t % 7}处,配合单位:乙{h % 5}处)"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return HEADINGS * TASKS_PER_HEADING


def start_import(db: str, doc: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "taskctl", "--db", db, "import", str(doc)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill(proc: subprocess.Popen) -> None:
    assert proc.poll() is None, "the import finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    proc.stdout.close()
    proc.stderr.close()


def wait_for(condition, proc: subprocess.Popen, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"import ended early: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("import never reached the point to kill it at")
        time.sleep(0.05)


def counts(con) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    q = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tasks WHERE kind = 'task'), "
    q += "(SELECT count(*) FROM events), (SELECT count(*) FROM task_units)"
    return tuple(con.execute(text(q) if hasattr(con, "dialect") else q).fetchone())


def assert_whole_or_nothing(found: tuple[int, ...], n_tasks: int) -> None:
    documents, tasks, events, links = found
    if documents == 0:
        assert (tasks, events, links) == (0, 0, 0), found
    else:
        assert (documents, tasks, events) == (1, n_tasks, n_tasks), found
        assert links == 2 * n_tasks


@pytest.mark.parametrize("when", ["while parsing", "while writing"])
def test_sqlite_import_killed_midway(sqlite_db: str, tmp_path: Path, when: str) -> None:
    doc = tmp_path / "big.txt"
    n_tasks = big_plan(doc)
    open_store(sqlite_db).dispose()  # schema in place, WAL on
    wal = Path(f"{sqlite_db}-wal")
    proc = start_import(sqlite_db, doc)
    if when == "while parsing":
        time.sleep(0.5)
    else:
        # uncommitted pages spill into the WAL once the transaction outgrows the page cache
        wait_for(lambda: wal.exists() and wal.stat().st_size > 1_000_000, proc)
    kill(proc)

    con = sqlite3.connect(sqlite_db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        found = counts(con)
    finally:
        con.close()
    assert_whole_or_nothing(found, n_tasks)
    assert found[0] == 0, "killed midway: nothing of the document may remain"

    # the database is usable afterwards: not locked, and the next import goes through
    run = Runner(sqlite_db)
    run.ok("import", seed("zj2012"))
    assert "zj2012" in run.ok("documents")


def test_postgresql_import_killed_midway(tmp_path: Path) -> None:
    base = os.environ.get("TASKCTL_TEST_PG") or pytest.skip(
        "PostgreSQL tests need TASKCTL_TEST_PG (.ci/run sets it)"
    )
    from tests.conftest import _pg_schema_url

    doc = tmp_path / "big.txt"
    n_tasks = big_plan(doc)
    schema_urls = _pg_schema_url(base)
    url = next(schema_urls)
    app = f"taskctl_crash_{uuid.uuid4().hex[:8]}"
    open_store(url).dispose()
    watch = create_engine(base)
    try:
        proc = start_import(f"{url}&application_name={app}", doc)

        def writing() -> bool:
            with watch.connect() as conn:
                return bool(
                    conn.execute(
                        text(
                            "SELECT count(*) FROM pg_stat_activity "
                            "WHERE application_name = :app AND backend_xid IS NOT NULL"
                        ),
                        {"app": app},
                    ).scalar()
                )

        wait_for(writing, proc)
        # its transaction has begun writing; writing 20,000 tasks takes seconds, so a short pause
        # lets it write a part of them and still leaves it running on a fast machine
        time.sleep(0.2)
        kill(proc)
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                found = counts(conn)
        finally:
            engine.dispose()
        assert_whole_or_nothing(found, n_tasks)
        assert found[0] == 0
        # and nothing holds a lock: the next import goes through
        Runner(url).ok("import", seed("zj2012"))
    finally:
        watch.dispose()
        next(schema_urls, None)  # drop the schema
