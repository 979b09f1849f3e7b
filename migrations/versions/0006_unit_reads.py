"""A unit's clerk reads only its own units' tasks

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 12:10:00

On PostgreSQL only (nothing changes on SQLite but the revision stamp): migration 0005 let every
group read every row of the per-unit tables. Now `taskctl_office` and `taskctl_reader` still read
everything, while a member of `taskctl_unit` reads only

- the tasks one of its units is linked to (lead, support or responsible, via `task_units`), and the
  headings above them (their ancestors through `parent_id`), so that a report keeps its outline;
- the `task_units` rows, events, progress reports and `task_persons` rows of those tasks
  (`task_persons` gets row-level security here; events not about a task are hidden from it).

Documents, units, unit aliases and persons stay readable to every group (names only).

The set of a role's visible tasks comes from `taskctl_visible_tasks(role)`, a SECURITY DEFINER SQL
function owned by the migrating role (the tables' owner, not subject to row-level security, so a
policy on `task_units` that reads `task_units` does not recurse), STABLE, with a fixed search_path.
Each policy is `task_id IN (SELECT taskctl_visible_tasks(current_user::text))`: the set is computed
once per statement (the units of the role from `access_units`' (role_name, unit_id) key, their
links from `ix_task_units_load` (unit_id, ...), the ancestors by primary key) and probed per row,
rather than a function call per row of a large table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GROUPS = ("taskctl_office", "taskctl_unit", "taskctl_reader")
#: The per-unit tables of 0005 and the column naming their task.
RLS_TABLES = {
    "tasks": "id",
    "task_units": "task_id",
    "events": "task_id",
    "progress_reports": "task_id",
}
VISIBLE = "{column} IN (SELECT taskctl_visible_tasks(current_user::text))"


def _upgrade_statements(schema: str) -> list[str]:
    q = f'"{schema}"'
    statements = [
        # a role's tasks: those linked to one of its units, and the headings above them
        f"""CREATE FUNCTION taskctl_visible_tasks(who text) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {q} AS $$
        WITH RECURSIVE seen(id) AS (
            SELECT tu.task_id FROM access_units a JOIN task_units tu ON tu.unit_id = a.unit_id
            WHERE a.role_name = who
            UNION
            SELECT t.parent_id FROM seen JOIN tasks t ON t.id = seen.id
            WHERE t.parent_id IS NOT NULL
        )
        SELECT id FROM seen
    $$""",
        # task_persons names the people behind a task: per-unit data like the rest
        "ALTER TABLE task_persons ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY taskctl_office ON task_persons FOR ALL TO taskctl_office"
        " USING (true) WITH CHECK (true)",
    ]
    for table, column in {**RLS_TABLES, "task_persons": "task_id"}.items():
        statements += [
            f"DROP POLICY IF EXISTS taskctl_read ON {table}",
            f"CREATE POLICY taskctl_read ON {table} FOR SELECT TO taskctl_office, taskctl_reader"
            " USING (true)",
            f"CREATE POLICY taskctl_unit_read ON {table} FOR SELECT TO taskctl_unit"
            f" USING ({VISIBLE.format(column=column)})",
        ]
    return statements


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar()
        for statement in _upgrade_statements(schema):
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in RLS_TABLES:
            op.execute(f"DROP POLICY taskctl_unit_read ON {table}")
            op.execute(f"DROP POLICY taskctl_read ON {table}")
            op.execute(
                f"CREATE POLICY taskctl_read ON {table} FOR SELECT TO {', '.join(GROUPS)}"
                " USING (true)"
            )
        for policy in ("taskctl_unit_read", "taskctl_read", "taskctl_office"):
            op.execute(f"DROP POLICY {policy} ON task_persons")
        op.execute("ALTER TABLE task_persons DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION taskctl_visible_tasks(text)")
