"""Access control on the shared server: group roles, GRANTs per table, row-level security

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 11:40:00

`access_units` maps a unit clerk's database role to the units whose tasks it may change (`taskctl
access grant USER --unit NAME`); both engines get the table, SQLite never fills it.

On PostgreSQL only: the cluster-wide group roles `taskctl_office` (imports, assigns, revises,
reminds, keeps units: every table), `taskctl_unit` (a unit's clerk: reads everything, changes its
own tasks' status, progress and deadline) and `taskctl_reader` (reads everything) are created if
missing (this needs CREATEROLE, or a superuser who made them beforehand), granted what they may do on
this schema's tables, and the per-unit tables (tasks, task_units, events, progress_reports) get
row-level security: a clerk's UPDATE or INSERT passes only for a task one of its units is linked to
(lead, support or responsible). The table owner, who runs the migrations, is not subject to it.
Every event and progress report written by a member of a group records `current_user` as its actor.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

GROUPS = ("taskctl_office", "taskctl_unit", "taskctl_reader")
#: The tables holding per-unit data: row-level security on each.
RLS_TABLES = ("tasks", "task_units", "events", "progress_reports")


def _create_groups() -> str:
    checks = "\n".join(
        f"""    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{g}') THEN
        BEGIN
            CREATE ROLE {g} NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;  -- made meanwhile by another
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'taskctl needs the group role {g}: create it as a superuser'
                    ' (CREATE ROLE {g} NOLOGIN) or give this role CREATEROLE';
        END;
    END IF;"""
        for g in GROUPS
    )
    return f"DO $$\nBEGIN\n{checks}\nEND $$"


def _postgresql_statements(schema: str) -> list[str]:
    q = f'"{schema}"'
    clerk_may = "taskctl_clerk_may({column}, current_user::text)"
    statements = [
        _create_groups(),
        f"GRANT USAGE ON SCHEMA {q} TO {', '.join(GROUPS)}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {q} TO {', '.join(GROUPS)}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {q} TO taskctl_office",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {q} TO taskctl_office",
        "GRANT UPDATE (status, percent, deadline, original_deadline, version, updated_at)"
        " ON tasks TO taskctl_unit",
        # the trigger of migration 0002 copies a task's status and deadline to its links
        "GRANT UPDATE (status, deadline) ON task_units TO taskctl_unit",
        "GRANT INSERT ON events, progress_reports TO taskctl_unit",
        "GRANT USAGE ON SEQUENCE events_id_seq, progress_reports_id_seq TO taskctl_unit",
        # is a task linked to one of the units of a clerk's role? (reads past row-level security)
        f"""CREATE FUNCTION taskctl_clerk_may(task integer, who text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {q} AS $$
        SELECT EXISTS (
            SELECT 1 FROM task_units tu JOIN access_units a ON a.unit_id = tu.unit_id
            WHERE tu.task_id = task AND a.role_name = who)
    $$""",
        # the actor of a change by a member of a group is its role, whatever the client typed
        f"""CREATE FUNCTION taskctl_actor_is_role() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM pg_auth_members m
            JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
            WHERE u.rolname = current_user AND g.rolname IN ({", ".join(f"'{g}'" for g in GROUPS)})
        ) THEN
            NEW.actor := current_user;
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    ]
    for table in ("events", "progress_reports"):
        statements.append(
            f"CREATE TRIGGER tr_{table}_actor BEFORE INSERT ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION taskctl_actor_is_role()"
        )
    for table in RLS_TABLES:
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY taskctl_read ON {table} FOR SELECT TO {', '.join(GROUPS)} USING (true)",
            f"CREATE POLICY taskctl_office ON {table} FOR ALL TO taskctl_office"
            " USING (true) WITH CHECK (true)",
        ]
    statements += [
        f"CREATE POLICY taskctl_unit ON tasks FOR UPDATE TO taskctl_unit"
        f" USING ({clerk_may.format(column='id')}) WITH CHECK ({clerk_may.format(column='id')})",
        f"CREATE POLICY taskctl_unit ON task_units FOR UPDATE TO taskctl_unit"
        f" USING ({clerk_may.format(column='task_id')})"
        f" WITH CHECK ({clerk_may.format(column='task_id')})",
        f"CREATE POLICY taskctl_unit ON events FOR INSERT TO taskctl_unit WITH CHECK ("
        f"task_id IS NOT NULL AND kind IN ('status', 'progress', 'deadline')"
        f" AND {clerk_may.format(column='task_id')})",
        f"CREATE POLICY taskctl_unit ON progress_reports FOR INSERT TO taskctl_unit"
        f" WITH CHECK ({clerk_may.format(column='task_id')})",
    ]
    return statements


def upgrade() -> None:
    op.create_table(
        "access_units",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column(
            "unit_id",
            sa.Integer(),
            sa.ForeignKey("units.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.UniqueConstraint("role_name", "unit_id"),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar()
        for statement in _postgresql_statements(schema):
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar()
        for table in RLS_TABLES:
            for policy in ("taskctl_read", "taskctl_office", "taskctl_unit"):
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for table in ("events", "progress_reports"):
            op.execute(f"DROP TRIGGER tr_{table}_actor ON {table}")
        op.execute("DROP FUNCTION taskctl_actor_is_role()")
        op.execute("DROP FUNCTION taskctl_clerk_may(integer, text)")
        groups = ", ".join(GROUPS)
        op.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {groups}')
        op.execute(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {groups}')
        op.execute(f'REVOKE USAGE ON SCHEMA "{schema}" FROM {groups}')
        # the group roles are the cluster's, shared by its other databases: they stay
    op.execute("DROP TABLE access_units")
