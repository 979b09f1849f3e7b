"""A new SQLite file's schema in one prepared script, without SQLAlchemy or Alembic.

`STATEMENTS` are the `sqlite_master` entries of a file migrated by Alembic to `REVISION`, in
creation order, replayed in one write transaction and stamped with the revision: the first import
into a new file costs a few milliseconds of schema instead of Alembic's import and six revisions.
Existing files, and PostgreSQL, still go through Alembic when their revision differs.

After adding a migration, regenerate the script with `python -m taskctl.store.sqlite_schema`;
`tests/store/test_sqlite_schema.py` holds it equal to the migrated schema (tables, columns,
indexes, triggers) and `REVISION` equal to `SCHEMA_HEAD`. A stale script is never used.
"""

from __future__ import annotations

import os
import sqlite3

REVISION = "0006"

# fmt: off
STATEMENTS = (
    'CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)',
    'CREATE TABLE documents (\n\tid INTEGER NOT NULL, \n\t"key" VARCHAR(64) NOT NULL, \n\ttitle TEXT NOT NULL, \n\tsource_name TEXT NOT NULL, \n\tcontent_hash VARCHAR(64) NOT NULL, \n\tperiod_start DATE, \n\tperiod_end DATE, \n\tperiod_text TEXT, \n\timported_at DATETIME NOT NULL, \n\timported_by VARCHAR(128), revision INTEGER DEFAULT 1 NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (content_hash), \n\tUNIQUE ("key")\n)',
    'CREATE TABLE persons (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(128) NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (name)\n)',
    'CREATE TABLE units (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(255) NOT NULL, \n\tkind VARCHAR(16) NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (name)\n)',
    'CREATE TABLE tasks (\n\tid INTEGER NOT NULL, \n\tdocument_id INTEGER NOT NULL, \n\tparent_id INTEGER, \n\tkind VARCHAR(16) NOT NULL, \n\tnumber VARCHAR(64) NOT NULL, \n\tlevel INTEGER NOT NULL, \n\ttitle TEXT NOT NULL, \n\tfull_text TEXT NOT NULL, \n\tposition INTEGER NOT NULL, \n\tsource_line INTEGER, \n\tdeadline DATE, \n\tdeadline_text TEXT, \n\toriginal_deadline DATE, \n\tstatus VARCHAR(16) NOT NULL, \n\tpercent INTEGER, \n\tversion INTEGER NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, attributes TEXT, removed_in INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, \n\tFOREIGN KEY(parent_id) REFERENCES tasks (id) ON DELETE CASCADE, \n\tUNIQUE (document_id, position)\n)',
    'CREATE INDEX ix_tasks_document_number ON tasks (document_id, number)',
    'CREATE INDEX ix_tasks_kind_status_deadline ON tasks (kind, status, deadline)',
    'CREATE TABLE unit_aliases (\n\tid INTEGER NOT NULL, \n\tunit_id INTEGER NOT NULL, \n\talias VARCHAR(255) NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(unit_id) REFERENCES units (id) ON DELETE CASCADE, \n\tUNIQUE (alias)\n)',
    'CREATE INDEX ix_unit_aliases_unit_id ON unit_aliases (unit_id)',
    'CREATE TABLE events (\n\tid INTEGER NOT NULL, \n\ttask_id INTEGER, \n\tdocument_id INTEGER, \n\tunit_id INTEGER, \n\tkind VARCHAR(32) NOT NULL, \n\told_value TEXT, \n\tnew_value TEXT, \n\tnote TEXT, \n\tactor VARCHAR(128) NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, \n\tFOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE\n)',
    'CREATE INDEX ix_events_document_id ON events (document_id)',
    'CREATE INDEX ix_events_kind_created ON events (kind, created_at)',
    'CREATE INDEX ix_events_task ON events (task_id, id)',
    'CREATE TABLE progress_reports (\n\tid INTEGER NOT NULL, \n\ttask_id INTEGER NOT NULL, \n\tunit_id INTEGER, \n\ttext TEXT NOT NULL, \n\tpercent INTEGER, \n\tactor VARCHAR(128) NOT NULL, \n\treported_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE, \n\tFOREIGN KEY(unit_id) REFERENCES units (id) ON DELETE SET NULL\n)',
    'CREATE INDEX ix_progress_reports_reported_at ON progress_reports (reported_at)',
    'CREATE INDEX ix_progress_task_reported ON progress_reports (task_id, reported_at)',
    'CREATE TABLE task_persons (\n\ttask_id INTEGER NOT NULL, \n\tperson_id INTEGER NOT NULL, \n\tposition INTEGER NOT NULL, \n\tPRIMARY KEY (task_id, person_id), \n\tFOREIGN KEY(person_id) REFERENCES persons (id) ON DELETE CASCADE, \n\tFOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE\n)',
    'CREATE INDEX ix_task_persons_person_id ON task_persons (person_id)',
    'CREATE TABLE task_units (\n\tid INTEGER NOT NULL, \n\ttask_id INTEGER NOT NULL, \n\tunit_id INTEGER NOT NULL, \n\trole VARCHAR(16) NOT NULL, \n\tposition INTEGER NOT NULL, status VARCHAR(16), deadline DATE, label VARCHAR(32), \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE, \n\tFOREIGN KEY(unit_id) REFERENCES units (id) ON DELETE CASCADE, \n\tUNIQUE (task_id, unit_id, role)\n)',
    'CREATE INDEX ix_task_units_load ON task_units (unit_id, role, status, deadline)',
    'CREATE INDEX ix_task_units_task ON task_units (task_id, role, position, unit_id)',
    'CREATE TRIGGER tr_tasks_copy_to_units AFTER UPDATE OF status, deadline ON tasks\n    BEGIN\n        UPDATE task_units SET status = NEW.status, deadline = NEW.deadline WHERE task_id = NEW.id;\n    END',
    'CREATE TRIGGER tr_task_units_fill AFTER INSERT ON task_units WHEN NEW.status IS NULL\n    BEGIN\n        UPDATE task_units SET\n            status = (SELECT status FROM tasks WHERE id = NEW.task_id),\n            deadline = (SELECT deadline FROM tasks WHERE id = NEW.task_id)\n        WHERE id = NEW.id;\n    END',
    'CREATE TABLE document_revisions (\n\tid INTEGER NOT NULL, \n\tdocument_id INTEGER NOT NULL, \n\tnumber INTEGER NOT NULL, \n\tsource_name TEXT NOT NULL, \n\tcontent_hash VARCHAR(64) NOT NULL, \n\tadded INTEGER NOT NULL, \n\tremoved INTEGER NOT NULL, \n\tchanged INTEGER NOT NULL, \n\tapplied_at DATETIME NOT NULL, \n\tapplied_by VARCHAR(128), \n\tPRIMARY KEY (id), \n\tUNIQUE (document_id, number), \n\tFOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE\n)',
    'CREATE INDEX ix_document_revisions_content_hash ON document_revisions (content_hash)',
    'CREATE TABLE access_units (\n\tid INTEGER NOT NULL, \n\trole_name VARCHAR(63) NOT NULL, \n\tunit_id INTEGER NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (role_name, unit_id), \n\tFOREIGN KEY(unit_id) REFERENCES units (id) ON DELETE CASCADE\n)',
)
# fmt: on


def create_if_new(path: str) -> bool:
    """Create the schema in a missing or empty SQLite file; False (nothing done) when the file
    already holds a table, is not a database, cannot be written, or the script is not for the
    current revision."""
    from taskctl.store.engine import SCHEMA_HEAD

    if REVISION != SCHEMA_HEAD:
        return False
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            return False  # another process was first
        create_schema(conn)
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        return False  # the Store tries again and says what is wrong
    finally:
        if conn.in_transaction:
            conn.rollback()
        conn.close()


def create_schema(conn: sqlite3.Connection) -> None:
    """Run the script and stamp the revision, in the connection's open transaction."""
    for statement in STATEMENTS:
        conn.execute(statement)
    conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))


def migrated_statements() -> tuple[str, list[str]]:
    """(head revision, `sqlite_master` SQL in creation order) of a temporary file migrated by Alembic."""
    import tempfile

    from taskctl.store.engine import SCHEMA_HEAD, Store
    from taskctl.store.schema import upgrade

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "migrated.db")
        store = Store(f"sqlite:///{path}", migrate=False)
        try:
            upgrade(store, None)
        finally:
            store.dispose()
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
            ).fetchall()
        finally:
            conn.close()
    return SCHEMA_HEAD, [row[0] for row in rows]


def main() -> None:
    """Rewrite `REVISION` and `STATEMENTS` in this file from a freshly migrated database."""
    import re

    revision, statements = migrated_statements()
    here = os.path.abspath(__file__)
    with open(here, encoding="utf-8") as fh:
        text = fh.read()
    body = "".join(f"    {statement!r},\n" for statement in statements)
    text = re.sub(r'^REVISION = ".*"$', f'REVISION = "{revision}"', text, count=1, flags=re.M)
    text = re.sub(
        r"^STATEMENTS = \(\n.*?^\)\n",
        lambda _m: f"STATEMENTS = (\n{body})\n",
        text,
        count=1,
        flags=re.M | re.S,
    )
    with open(here, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"{here}: {len(statements)} statements at revision {revision}")


if __name__ == "__main__":
    main()
