"""Shared fixtures: a fresh database per test on SQLite and (with TASKCTL_TEST_PG) PostgreSQL,
a `run` helper that drives the real click CLI against it, `zj` (the same with the zj2012 seed
imported), `store` (the library's handle on the same database) and `clock` (a fixed, ticking
time for every change a test makes)."""

from __future__ import annotations

import itertools
import json
import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from taskctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_ENV = "TASKCTL_TEST_PG"
PG_SKIP = (
    f"PostgreSQL tests need {PG_ENV}=postgresql+psycopg://USER:PASSWORD@HOST/DB "
    "(.ci/run starts the local cluster and sets it)"
)


def seed(name: str) -> str:
    """Path of a seed document, e.g. seed('zj2012')."""
    return str(SEEDS / f"{name}.txt")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch a real user's data; a fixed actor and language unless a test says otherwise."""
    monkeypatch.setenv("TASKCTL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TASKCTL_USER", "tester")
    monkeypatch.delenv("TASKCTL_DB", raising=False)
    monkeypatch.delenv("TASKCTL_LANG", raising=False)
    monkeypatch.delenv("TASKCTL_DEBUG", raising=False)


def _pg_schema_url(base: str) -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards; the URL pins search_path to it."""
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a schema on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "taskctl.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    yield from _pg_schema_url(base)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    """A SQLite file only (for tests about the file itself: backup, integrity, permissions)."""
    return str(tmp_path / "taskctl.db")


class Runner:
    """Invoke the real CLI on one database; `ok()` asserts success and returns stdout."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(
        self, *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return self.runner.invoke(
            cli, ["--db", self.db, *args], input=input, env=env, catch_exceptions=True
        )

    def ok(self, *args: str, **kw) -> str:  # type: ignore[no-untyped-def]
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.output, result.stderr, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        return result.stdout

    def json(self, *args: str, **kw) -> Any:  # type: ignore[no-untyped-def]
        """Run a command with `--format json` and return what it printed, parsed."""
        return json.loads(self.ok(*args, "--format", "json", **kw))

    def fails(self, *args: str, **kw) -> Result:  # type: ignore[no-untyped-def]
        """Assert a clean failure: non-zero exit, one line on stderr, no traceback. The message is
        asked for in English, the language it is written in; tests/cli/test_bad_input.py holds
        every kind of bad input to its Chinese too."""
        result = self("--lang", "en", *args, **kw)
        assert result.exit_code != 0, result.output
        assert isinstance(result.exception, SystemExit), result.exception
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.output
        return result


@pytest.fixture
def run(db_url: str) -> Runner:
    return Runner(db_url)


@pytest.fixture
def zj(run: Runner) -> Runner:
    """`run` on a database holding the zj2012 seed under the key zj2012 (26 tasks, all due
    2012-12-31 by the plan period; 高新处 leads 7 of them)."""
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    return run


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    """The library's Store on the same database as `run`."""
    from taskctl.store.engine import open_store

    s = open_store(db_url)
    yield s
    s.dispose()


#: The instant `clock` starts at: Wednesday 2026-11-25 04:00 UTC, midday in China, mid-week
#: in every time zone, so the week a change falls in never depends on when the tests run.
CLOCK_START = datetime(2026, 11, 25, 4, 0, 0)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Stamp every change (imports, revisions, events, progress reports, new units) at CLOCK_START
    plus one second per stamp, instead of the wall clock; returns CLOCK_START."""
    import taskctl.store.imports as imports
    import taskctl.store.reminders as reminders
    import taskctl.store.revisions as revisions
    import taskctl.store.tracking as tracking
    import taskctl.store.units as units

    ticks = itertools.count()

    def now() -> datetime:
        return CLOCK_START + timedelta(seconds=next(ticks))

    monkeypatch.setattr(imports, "now_utc", now)
    monkeypatch.setattr(revisions, "now_utc", now)
    monkeypatch.setattr(reminders, "now_utc", now)
    monkeypatch.setattr(tracking, "now_utc", now)
    monkeypatch.setattr(units, "now_utc", now)
    return CLOCK_START
