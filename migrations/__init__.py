"""Alembic revisions of the taskctl schema (installed as `taskctl.migrations`)."""
