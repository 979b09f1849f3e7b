"""`taskctl db copy`: SQLite → PostgreSQL → SQLite gives identical rows, table by table; SQLite →
SQLite; ids, times and versions kept; sequences moved on; a non-empty target refused."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_ENV, PG_SKIP, Runner, _pg_schema_url, seed

TABLES = (
    "documents",
    "document_revisions",
    "persons",
    "units",
    "unit_aliases",
    "tasks",
    "task_units",
    "task_persons",
    "progress_reports",
    "events",
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    yield from _pg_schema_url(base)


@pytest.fixture
def source(tmp_path: Path) -> Runner:
    """A SQLite file with two plans, a revision, and every kind of tracking change."""
    run = Runner(str(tmp_path / "source.db"))
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    run.ok("import", seed("sc2012"), "--key", "sc2012")
    run.ok("status", "zj2012:三.1", "已签收", "--by", "张三")
    run.ok("progress", "zj2012:三.1", "已认定120家", "--percent", "40")
    run.ok("deadline", "zj2012:三.2", "2013-03-31", "--note", "推迟")
    run.ok("assign", "zj2012:三.3", "--support", "计划处")
    run.ok("unit", "alias", "高新处", "高新技术处")
    return run


def _rows(path: str) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def test_sqlite_to_postgresql_to_sqlite_is_identical(
    source: Runner, pg_url: str, tmp_path: Path
) -> None:
    out = source.ok("--lang", "en", "db", "copy", "--to", pg_url)
    assert "counts and checksums verified" in out
    before = _rows(source.db)
    assert all(before[t] for t in TABLES if t != "document_revisions")
    back = str(tmp_path / "back.db")
    Runner(back).ok("db", "copy", "--from", pg_url)
    after = _rows(back)
    for table in TABLES:
        assert after[table] == before[table], table
    # the same checksums on every side
    sums = [line.split() for line in out.splitlines()[:-1]]
    out_back = Runner(pg_url).ok("--lang", "en", "db", "copy", "--to", str(tmp_path / "b2.db"))
    assert [line.split() for line in out_back.splitlines()[:-1]] == sums
    assert {name for name, _, _ in sums} >= set(TABLES)


def test_the_server_copy_works_on(source: Runner, pg_url: str) -> None:
    source.ok("db", "copy", "--to", pg_url)
    server = Runner(pg_url)
    history = server.json("history", "zj2012:三.1")
    assert [e["actor"] for e in history][-2:] == ["张三", "tester"]
    # the sequences start after the copied ids: new rows get new ids
    server.ok("status", "zj2012:三.1", "已办结", "--expect-version", "3")
    server.ok("unit", "alias", "计划处", "发展计划处")
    server.ok("import", seed("gd2012"), "--key", "gd2012")
    assert len(server.json("history", "zj2012:三.1")) == 4


def test_sqlite_to_sqlite_and_a_non_empty_target(source: Runner, tmp_path: Path) -> None:
    target = str(tmp_path / "copy.db")
    source.ok("db", "copy", "--to", target)
    assert _rows(target) == _rows(source.db)
    result = source.fails("db", "copy", "--to", target)
    assert "not empty" in result.stderr and "--replace" in result.stderr
    source.ok("status", "zj2012:三.2", "已签收")
    assert _rows(target) != _rows(source.db)  # the refusal wrote nothing
    zh = source("--lang", "zh", "db", "copy", "--to", target)
    assert zh.exit_code != 0 and "不是空库" in zh.stderr
    out = source.ok("--lang", "en", "db", "copy", "--to", target, "--replace")
    assert "copied to" in out
    assert _rows(target) == _rows(source.db)


def test_a_non_empty_postgresql_target_is_refused(source: Runner, pg_url: str) -> None:
    Runner(pg_url).ok("import", seed("gd2012"), "--key", "gd2012")
    result = source.fails("db", "copy", "--to", pg_url)
    assert "not empty" in result.stderr
    assert Runner(pg_url).json("documents")[0]["key"] == "gd2012"
    source.ok("db", "copy", "--to", pg_url, "--replace")
    assert {d["key"] for d in Runner(pg_url).json("documents")} == {"zj2012", "sc2012"}


def test_copy_needs_one_direction(source: Runner) -> None:
    assert "give one of --to URL" in source.fails("db", "copy").stderr
    assert "give one of" in source.fails("db", "copy", "--to", "a.db", "--from", "b.db").stderr
    assert "same database" in source.fails("db", "copy", "--to", source.db).stderr
