"""task_units carry their task's status and deadline; links are indexed in display order

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:20:00

`workload` counts, per unit and role, tasks by status and how many are overdue. Reading the status
and deadline from `tasks` means one random lookup per link (3 million at 1 million tasks); with copies
on the link and an index on (unit_id, role, status, deadline) the count is one ordered index scan.

The per-task index becomes (task_id, role, position, unit_id): a task list reads its units in the
order they are shown without a sort. (unit_id, role) goes: it is a prefix of the new load index;
so does events(created_at): the weekly report reads events by (kind, created_at), and every import
writes one event per task into each index.

Triggers keep the copies true whatever writes: an update of a task's status or deadline rewrites its
links; a link inserted without them (the ORM's `assign`) takes them from its task. The importer's bulk
insert writes them itself, so the insert trigger costs it nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = (
    """CREATE TRIGGER tr_tasks_copy_to_units AFTER UPDATE OF status, deadline ON tasks
    BEGIN
        UPDATE task_units SET status = NEW.status, deadline = NEW.deadline WHERE task_id = NEW.id;
    END""",
    """CREATE TRIGGER tr_task_units_fill AFTER INSERT ON task_units WHEN NEW.status IS NULL
    BEGIN
        UPDATE task_units SET
            status = (SELECT status FROM tasks WHERE id = NEW.task_id),
            deadline = (SELECT deadline FROM tasks WHERE id = NEW.task_id)
        WHERE id = NEW.id;
    END""",
)

POSTGRESQL_TRIGGERS = (
    """CREATE FUNCTION taskctl_copy_task_to_units() RETURNS trigger AS $$
    BEGIN
        UPDATE task_units SET status = NEW.status, deadline = NEW.deadline WHERE task_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tr_tasks_copy_to_units AFTER UPDATE OF status, deadline ON tasks
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deadline IS DISTINCT FROM NEW.deadline)
    EXECUTE FUNCTION taskctl_copy_task_to_units()""",
    """CREATE FUNCTION taskctl_fill_task_unit() RETURNS trigger AS $$
    BEGIN
        SELECT status, deadline INTO NEW.status, NEW.deadline FROM tasks WHERE id = NEW.task_id;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tr_task_units_fill BEFORE INSERT ON task_units
    FOR EACH ROW WHEN (NEW.status IS NULL)
    EXECUTE FUNCTION taskctl_fill_task_unit()""",
)


def upgrade() -> None:
    op.add_column("task_units", sa.Column("status", sa.String(length=16), nullable=True))
    op.add_column("task_units", sa.Column("deadline", sa.Date(), nullable=True))
    op.execute(
        "UPDATE task_units SET"
        " status = (SELECT status FROM tasks WHERE tasks.id = task_units.task_id),"
        " deadline = (SELECT deadline FROM tasks WHERE tasks.id = task_units.task_id)"
    )
    op.create_index("ix_task_units_load", "task_units", ["unit_id", "role", "status", "deadline"])
    op.create_index("ix_task_units_task", "task_units", ["task_id", "role", "position", "unit_id"])
    op.drop_index("ix_task_units_task_id", table_name="task_units")
    op.drop_index("ix_task_units_unit_role", table_name="task_units")  # a prefix of the load index
    op.drop_index("ix_events_created_at", table_name="events")  # (kind, created_at) serves reads
    dialect = op.get_bind().dialect.name
    for statement in POSTGRESQL_TRIGGERS if dialect == "postgresql" else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tr_task_units_fill ON task_units")
        op.execute("DROP TRIGGER tr_tasks_copy_to_units ON tasks")
        op.execute("DROP FUNCTION taskctl_fill_task_unit()")
        op.execute("DROP FUNCTION taskctl_copy_task_to_units()")
    else:
        op.execute("DROP TRIGGER tr_task_units_fill")
        op.execute("DROP TRIGGER tr_tasks_copy_to_units")
    op.create_index("ix_events_created_at", "events", ["created_at"])
    op.create_index("ix_task_units_task_id", "task_units", ["task_id"])
    op.create_index("ix_task_units_unit_role", "task_units", ["unit_id", "role"])
    op.drop_index("ix_task_units_task", table_name="task_units")
    op.drop_index("ix_task_units_load", table_name="task_units")
    with op.batch_alter_table("task_units") as batch_op:
        batch_op.drop_column("deadline")
        batch_op.drop_column("status")
