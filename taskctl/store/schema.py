"""Schema upkeep: a cheap head check on every open, an Alembic upgrade only when the revision differs.

The revisions live in the top-level `migrations/` folder, installed as the package `taskctl.migrations`
so that a non-editable wheel carries them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taskctl.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

    from taskctl.store.engine import Store


def alembic_config(store: Store | None = None) -> Config:
    """An Alembic config pointing at the shipped revisions (and at the store's engine, if given)."""
    from importlib.resources import files

    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("taskctl.migrations")))
    if store is not None:
        cfg.set_main_option("sqlalchemy.url", store.url.replace("%", "%%"))
    return cfg


def current_revision(store: Store) -> str | None:
    """The revision recorded in the database, or None for a database without taskctl tables."""
    from sqlalchemy import inspect, text

    from taskctl.store.engine import translate_db_errors

    with translate_db_errors(store.url), store.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if "alembic_version" not in names:
            if names - {"sqlite_sequence"}:
                raise DatabaseError(f"{store.url}: not a taskctl database (it holds other tables)")
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(store: Store) -> None:
    """Create or upgrade the schema; refuse a database made by a newer taskctl."""
    from sqlalchemy import text

    from taskctl.store.engine import translate_db_errors

    with translate_db_errors(store.url), store.engine.connect() as conn:
        try:
            rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # noqa: BLE001 - no version table yet: look closer below
            rev = None
        if rev == _head():
            return
    rev = current_revision(store)
    if rev is None and store.is_sqlite:
        from taskctl.store.reader import sqlite_path
        from taskctl.store.sqlite_schema import create_if_new

        path = sqlite_path(store.url)
        if path is not None and create_if_new(path):  # a new file: the prepared script
            return
    upgrade(store, rev)


def _head() -> str:
    from taskctl.store.engine import SCHEMA_HEAD

    return SCHEMA_HEAD


def upgrade(store: Store, rev: str | None) -> None:
    """Run `alembic upgrade head` on the store's connection, after checking that `rev` is ours."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from taskctl.store.engine import translate_db_errors

    cfg = alembic_config(store)
    script = ScriptDirectory.from_config(cfg)
    if rev is not None:
        try:
            known = script.get_revision(rev)
        except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
            known = None
        if known is None:
            raise DatabaseError(
                f"{store.url}: schema revision {rev} is newer than this taskctl; upgrade taskctl"
            )
    with translate_db_errors(store.url), store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
