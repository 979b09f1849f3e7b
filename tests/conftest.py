"""Shared fixtures: a fresh database per test on SQLite and (with TASKCTL_TEST_PG) PostgreSQL,
and a `run` helper that drives the real click CLI against it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

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

    def fails(self, *args: str, **kw) -> Result:  # type: ignore[no-untyped-def]
        """Assert a clean failure: non-zero exit, one line on stderr, no traceback."""
        result = self(*args, **kw)
        assert result.exit_code != 0, result.output
        assert isinstance(result.exception, SystemExit), result.exception
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.output
        return result


@pytest.fixture
def run(db_url: str) -> Runner:
    return Runner(db_url)
