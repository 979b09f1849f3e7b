"""Task listings: the rows `list`, `show` and `units` print (queries only, no printing)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from taskctl.labels import LABELS
from taskctl.lifecycle import parse_status
from taskctl.reports.report import Column, Report, column
from taskctl.store.engine import id_chunks
from taskctl.store.lookup import resolve_document
from taskctl.store.models import Document, Person, Task, TaskPerson, TaskUnit, Unit, UnitAlias
from taskctl.store.units import find_unit

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules

#: The keys of `list --format json`, in order; other commands and scripts rely on them.
TASK_KEYS = (
    "id",
    "document",
    "number",
    "title",
    "lead",
    "support",
    "responsible",
    "persons",
    "deadline",
    "deadline_text",
    "status",
)


def task_columns() -> list:
    """The columns of a task listing: the JSON keys, with the long ones kept off the terminal."""
    return [
        column("id", "int"),
        column("document", table=False),
        column("number"),
        column("title", wrap=True),
        column("lead", "list", wrap=True),
        column("support", "list", wrap=True),
        column("responsible", "list", wrap=True),
        column("persons", "list", table=False),
        column("deadline", "date"),
        column("deadline_text", table=False),
        column("status", "status"),
    ]


#: What `select_tasks` reads of each task.
TASK_COLUMNS = (
    Task.id,
    Task.number,
    Task.title,
    Task.deadline,
    Task.deadline_text,
    Task.status,
    Task.percent,
    Task.version,
    Task.original_deadline,
    Task.created_at,
)


def select_tasks(
    session: Session,
    *,
    document: str | None = None,
    unit: str | None = None,
    status: tuple[str, ...] | list[str] | None = None,
) -> Select:
    """A SELECT of the columns `task_row` reads, in document order, filtered as the options ask.

    Plain columns, not ORM objects: a 10,000-task listing loads in a fraction of the time.
    """
    stmt = (
        select(*TASK_COLUMNS, Document.key.label("doc_key"), Document.period_start)
        .join(Document, Task.document_id == Document.id)
        .where(Task.kind == "task")
        .order_by(Document.id, Task.position)
    )
    if document:
        stmt = stmt.where(Task.document_id == resolve_document(session, document).id)
    if unit:
        unit_id = find_unit(session, unit).id
        stmt = stmt.where(Task.id.in_(select(TaskUnit.task_id).where(TaskUnit.unit_id == unit_id)))
    if status:
        # what a clerk types (已办结, in progress) or the keys reports pass (ACTIVE)
        stmt = stmt.where(Task.status.in_({parse_status(s) for s in status}))
    return stmt


def attach_people(session: Session, rows: list[dict[str, Any]]) -> None:
    """Fill `lead`, `support`, `responsible` and `persons` of task rows with two bulk queries."""
    ids = [r["id"] for r in rows]
    units: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    persons: dict[int, list[str]] = defaultdict(list)
    for chunk in id_chunks(ids):
        for task_id, role, name in session.execute(
            select(TaskUnit.task_id, TaskUnit.role, Unit.name)
            .join(Unit, TaskUnit.unit_id == Unit.id)
            .where(TaskUnit.task_id.in_(chunk))
            .order_by(TaskUnit.task_id, TaskUnit.role, TaskUnit.position, TaskUnit.id)
        ):
            units[task_id][role].append(name)
        for task_id, name in session.execute(
            select(TaskPerson.task_id, Person.name)
            .join(Person, TaskPerson.person_id == Person.id)
            .where(TaskPerson.task_id.in_(chunk))
            .order_by(TaskPerson.task_id, TaskPerson.position)
        ):
            persons[task_id].append(name)
    for r in rows:
        roles = units.get(r["id"], {})
        r["lead"] = list(roles.get("lead", []))
        r["support"] = list(roles.get("support", []))
        r["responsible"] = list(roles.get("responsible", []))
        r["persons"] = persons.get(r["id"], [])


def task_row(task: Any, doc_key: str | None = None) -> dict[str, Any]:
    """The plain row of one task, from a `select_tasks` row or a Task (units and persons are
    attached separately). `start`, where the task's time begins, serves the warning light."""
    return {
        "id": task.id,
        "document": doc_key or task.doc_key,
        "number": task.number,
        "title": task.title,
        "deadline": task.deadline,
        "deadline_text": task.deadline_text,
        "status": task.status,
        "percent": task.percent,
        "version": task.version,
        "original_deadline": task.original_deadline,
        "start": getattr(task, "period_start", None) or task.created_at,
    }


def list_tasks(session: Session, **filters: Any) -> list[dict[str, Any]]:
    """Task rows (with units and persons) in document order."""
    rows = [task_row(r) for r in session.execute(select_tasks(session, **filters))]
    attach_people(session, rows)
    return rows


def list_report(
    session: Session,
    *,
    as_of: date | None = None,
    rules: LightRules | None = None,
    **filters: Any,
) -> Report:
    """The task listing; the terminal also shows each task's light on `as_of` (default today), which
    the exports leave out so that `list --format json` keeps exactly TASK_KEYS."""
    from taskctl.reports.lights import DEFAULT_RULES, attach_lights

    rows = list_tasks(session, **filters)
    attach_lights(session, rows, as_of or date.today(), rules or DEFAULT_RULES)
    cols = []
    for c in task_columns():
        cols.append(c)
        if c.key == "deadline":
            cols.append(column("light", "light", export=False))
    return Report(title="", columns=cols, rows=rows)


def units_report(session: Session, *, departments_only: bool = False) -> Report:
    """Units with how many tasks each leads, supports or is responsible for, and their aliases."""
    counts = (
        select(
            TaskUnit.unit_id,
            func.sum(case((TaskUnit.role == "lead", 1), else_=0)).label("lead_count"),
            func.sum(case((TaskUnit.role == "support", 1), else_=0)).label("support_count"),
            func.sum(case((TaskUnit.role == "responsible", 1), else_=0)).label("resp_count"),
        )
        .group_by(TaskUnit.unit_id)
        .subquery()
    )
    stmt = (
        select(
            Unit.id,
            Unit.name,
            Unit.kind,
            counts.c.lead_count,
            counts.c.support_count,
            counts.c.resp_count,
        )
        .outerjoin(counts, counts.c.unit_id == Unit.id)
        .order_by(Unit.kind, Unit.name)
    )
    if departments_only:
        stmt = stmt.where(Unit.kind == "department")
    aliases: dict[int, list[str]] = defaultdict(list)
    for unit_id, alias in session.execute(select(UnitAlias.unit_id, UnitAlias.alias)):
        aliases[unit_id].append(alias)
    rows = [
        {
            "unit": name,
            "kind": kind,
            "lead_count": lead or 0,
            "support_count": support or 0,
            "responsible_count": resp or 0,
            "aliases": sorted(aliases.get(uid, [])),
        }
        for uid, name, kind, lead, support, resp in session.execute(stmt)
    ]
    cols = [
        column("unit"),
        column("kind", "unit_kind"),
        column("lead_count", "int"),
        column("support_count", "int"),
        column("responsible_count", "int"),
        column("aliases", "list"),
    ]
    return Report(title="", columns=cols, rows=rows)


def documents_report(session: Session) -> Report:
    """Imported documents with their keys, periods and task counts."""
    n_tasks = (
        select(Task.document_id, func.count(Task.id).label("n"))
        .where(Task.kind == "task")
        .group_by(Task.document_id)
        .subquery()
    )
    rows = [
        {
            "key": d.key,
            "title": d.title,
            "period": d.period_text
            or (f"{d.period_start}—{d.period_end}" if d.period_start else None),
            "tasks": n or 0,
            "source": d.source_name,
            "imported_at": d.imported_at,
        }
        for d, n in session.execute(
            select(Document, n_tasks.c.n)
            .outerjoin(n_tasks, n_tasks.c.document_id == Document.id)
            .order_by(Document.id)
        )
    ]
    cols = [
        column("key"),
        Column("title", *LABELS["document_title"], wrap=True),
        column("period"),
        column("tasks", "int"),
        column("source"),
        column("imported_at", "date"),
    ]
    return Report(title="", columns=cols, rows=rows)
