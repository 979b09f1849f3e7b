"""SQLAlchemy models: the schema that the Alembic revisions in `migrations/` create.

Documents hold items (headings and tasks, one table, `kind` tells them apart); tasks link to units with a role
and to persons; every change writes an event; progress reports are dated texts in the unit's own words.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# re-exported: the store's modules take the clock from here
from taskctl.dates import local_time as local_time
from taskctl.dates import now_utc as now_utc

ROLES = ("lead", "support", "responsible")
UNIT_KINDS = ("department", "group")


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    period_text: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str | None] = mapped_column(String(128))
    # versions applied: 1 for the import, +1 per `taskctl revise` (migration 0004)
    revision: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)

    items: Mapped[list[Task]] = relationship(back_populates="document", order_by="Task.position")


class Task(Base):
    """A heading or a task of a document (`kind`); reports look at kind == 'task' only."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        Index("ix_tasks_document_number", "document_id", "number"),
        Index("ix_tasks_kind_status_deadline", "kind", "status", "deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), default="task")
    number: Mapped[str] = mapped_column(String(64))
    level: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    full_text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    source_line: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    # other labelled parts of the annotation ({label: value} as JSON text; migration 0003)
    attributes: Mapped[str | None] = mapped_column(Text)
    original_deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="assigned")
    percent: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # the document revision that took it out of the plan (never deleted; NULL: in the plan)
    removed_in: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    document: Mapped[Document] = relationship(back_populates="items")
    unit_links: Mapped[list[TaskUnit]] = relationship(
        back_populates="task", order_by="TaskUnit.position", cascade="all, delete-orphan"
    )
    person_links: Mapped[list[TaskPerson]] = relationship(
        back_populates="task", order_by="TaskPerson.position", cascade="all, delete-orphan"
    )


class DocumentRevision(Base):
    """A version of a document applied after its import (`taskctl revise`), and what it did."""

    __tablename__ = "document_revisions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    added: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    applied_at: Mapped[datetime] = mapped_column(DateTime)
    applied_by: Mapped[str | None] = mapped_column(String(128))


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="department")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan"
    )


class UnitAlias(Base):
    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(255), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class TaskUnit(Base):
    """A unit's role in a task (links tasks only, never headings).

    `status` and `deadline` are copies of the task's, kept by triggers (migration 0002), so that
    `workload` counts one index instead of looking up every task.
    """

    __tablename__ = "task_units"
    __table_args__ = (
        UniqueConstraint("task_id", "unit_id", "role"),
        Index("ix_task_units_load", "unit_id", "role", "status", "deadline"),
        Index("ix_task_units_task", "task_id", "role", "position", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str | None] = mapped_column(String(16))
    deadline: Mapped[date | None] = mapped_column(Date)
    # the label that named the unit when it differs from the role (`责任单位` on a support link)
    label: Mapped[str | None] = mapped_column(String(32))

    task: Mapped[Task] = relationship(back_populates="unit_links")
    unit: Mapped[Unit] = relationship()


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)


class TaskPerson(Base):
    __tablename__ = "task_persons"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    task: Mapped[Task] = relationship(back_populates="person_links")
    person: Mapped[Person] = relationship()


class ProgressReport(Base):
    """A dated progress report in the unit's own words (the latest one is what reports show)."""

    __tablename__ = "progress_reports"
    __table_args__ = (Index("ix_progress_task_reported", "task_id", "reported_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(128))
    reported_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Event(Base):
    """One change, never updated or deleted: what, old and new value, note, who, when (UTC)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_task", "task_id", "id"),
        Index("ix_events_kind_created", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    # No foreign key: a merged (deleted) unit must not rewrite the history that names it.
    unit_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AccessUnit(Base):
    """A unit whose tasks a unit clerk's database role may change (`taskctl access grant USER
    --unit NAME`; migration 0005). Only PostgreSQL enforces it; a SQLite file never fills it."""

    __tablename__ = "access_units"
    __table_args__ = (UniqueConstraint("role_name", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role_name: Mapped[str] = mapped_column(String(63))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
