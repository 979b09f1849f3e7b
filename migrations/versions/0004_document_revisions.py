"""Documents keep their revisions; tasks a revision took out of the plan say which one

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 11:10:00

`taskctl revise KEY FILE` applies a new version of a document to the tasks already tracked.
`documents.revision` counts the versions applied (1: the import); `document_revisions` keeps one row
per revision after the first (its number, source file, content hash, who, when, and what it did).
A task or heading the new version no longer has is never deleted: `tasks.removed_in` names the
revision that took it out (NULL: still in the plan).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("1")),
    )
    op.add_column("tasks", sa.Column("removed_in", sa.Integer(), nullable=True))
    op.create_table(
        "document_revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("applied_by", sa.String(length=128), nullable=True),
        sa.UniqueConstraint("document_id", "number"),
    )
    op.create_index("ix_document_revisions_content_hash", "document_revisions", ["content_hash"])


def downgrade() -> None:
    # plain DROP (SQLite ≥ 3.35, PostgreSQL): a batch copy of the tables would trip the triggers of
    # migration 0002, which name them
    op.execute("DROP INDEX ix_document_revisions_content_hash")
    op.execute("DROP TABLE document_revisions")
    op.execute("ALTER TABLE tasks DROP COLUMN removed_in")
    op.execute("ALTER TABLE documents DROP COLUMN revision")
