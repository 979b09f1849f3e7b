"""Tasks keep an annotation's other labelled parts; links keep the label that named the unit

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 11:30:00

An annotation such as `(负责单位:省商务厅;实施范围:各自贸片区)` names units under a responsibility label
and says other things under labels that are not (实施范围, 备注, 联系电话 …). Those parts are the task's
`attributes` (JSON text: {label: value}), shown by `show` and exported by `list --format json`.

A unit listed under 责任单位 next to a named lead supports the task; `task_units.label` keeps the
label the document used (`责任单位`), so a report can still say so. NULL where the label and the role
agree (牵头单位 → lead) or no label named the unit.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tasks", sa.Column("attributes", sa.Text(), nullable=True))
    op.add_column("task_units", sa.Column("label", sa.String(length=32), nullable=True))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite ≥ 3.35, PostgreSQL): a batch copy of the tables would trip the
    # triggers of migration 0002, which name them
    op.execute("ALTER TABLE task_units DROP COLUMN label")
    op.execute("ALTER TABLE tasks DROP COLUMN attributes")
