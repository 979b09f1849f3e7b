"""`workload`: one row per unit — what it leads, supports and is responsible for (queries only).

The database aggregates (one GROUP BY over task_units ⨝ tasks). Open means an active status, done a
finished one, overdue an active task with a deadline before `as_of`.

JSON keys: the eight the issue asks for (`unit`, `lead_total`, `lead_open`, `lead_done`, `lead_overdue`,
`support_total`, `support_open`, `support_overdue`) and, deliberately, four more: `responsible_total`,
`responsible_open`, `responsible_overdue` (documents such as sc2017 name only 责任单位, so without them
those units would show nothing) and `completion_rate` (finished share, in percent, of the tasks the unit
leads or is responsible for, suspended and cancelled ones left out; null when it owns none), and
`kind` (`department` or `group`: group placeholders such as 有关处室 are listed after the departments,
or left out with `departments_only`). The terminal adds a small bar of the completion rate.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

from taskctl.lifecycle import ACTIVE, FINISHED, INACTIVE
from taskctl.reports.report import Column, Report, column
from taskctl.store.lookup import resolve_document
from taskctl.store.models import Task, TaskUnit, Unit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SORTS = ("overdue", "lead", "support", "name")

#: The keys `workload --format json` writes, in order (see the module docstring for the extra ones).
WORKLOAD_KEYS = (
    "unit",
    "kind",
    "lead_total",
    "lead_open",
    "lead_done",
    "lead_overdue",
    "support_total",
    "support_open",
    "support_overdue",
    "responsible_total",
    "responsible_open",
    "responsible_overdue",
    "completion_rate",
)


def workload_rows(
    session: Session,
    *,
    as_of: date,
    document: str | None = None,
    sort: str = "overdue",
    departments_only: bool = False,
) -> list[dict[str, Any]]:
    """One row per unit with tasks (in `document`, if given), departments before group placeholders."""

    def count(*conds: Any) -> Any:
        return func.coalesce(func.sum(case((and_(*conds), 1), else_=0)), 0)

    is_open = Task.status.in_(ACTIVE)
    is_overdue = and_(is_open, Task.deadline < as_of)
    owns = TaskUnit.role.in_(("lead", "responsible"))
    aggregates = {}
    for role in ("lead", "support", "responsible"):
        is_role = TaskUnit.role == role
        aggregates[f"{role}_total"] = count(is_role)
        aggregates[f"{role}_open"] = count(is_role, is_open)
        aggregates[f"{role}_done"] = count(is_role, Task.status.in_(FINISHED))
        aggregates[f"{role}_overdue"] = count(is_role, is_overdue)
    aggregates["owned_counted"] = count(owns, Task.status.notin_(INACTIVE))
    aggregates["owned_done"] = count(owns, Task.status.in_(FINISHED))
    labelled = {name: expr.label(name) for name, expr in aggregates.items()}
    stmt = (
        select(Unit.name, Unit.kind, *labelled.values())
        .join(TaskUnit, TaskUnit.unit_id == Unit.id)
        .join(Task, Task.id == TaskUnit.task_id)
        .where(Task.kind == "task")
        .group_by(Unit.id, Unit.name, Unit.kind)
    )
    if document:
        stmt = stmt.where(Task.document_id == resolve_document(session, document).id)
    if departments_only:
        stmt = stmt.where(Unit.kind == "department")
    overdue = (
        labelled["lead_overdue"] + labelled["support_overdue"] + labelled["responsible_overdue"]
    )
    orders = {
        "overdue": (overdue.desc(), labelled["lead_open"].desc(), Unit.name),
        "lead": (labelled["lead_total"].desc(), labelled["lead_open"].desc(), Unit.name),
        "support": (labelled["support_total"].desc(), labelled["support_open"].desc(), Unit.name),
        "name": (Unit.name,),
    }
    stmt = stmt.order_by(Unit.kind, *orders[sort])
    rows = []
    for rec in session.execute(stmt).mappings():
        row: dict[str, Any] = {"unit": rec["name"], "kind": rec["kind"]}
        for name in aggregates:
            row[name] = int(rec[name])
        owned = row.pop("owned_counted")
        done = row.pop("owned_done")
        row["completion_rate"] = round(100 * done / owned) if owned else None
        row["bar"] = row["completion_rate"]
        rows.append(row)
    return rows


def workload_columns(rows: list[dict[str, Any]] | None = None) -> list[Column]:
    """All columns in every export; the terminal leaves out the responsible counts when no unit has any."""
    with_responsible = rows is None or any(r["responsible_total"] for r in rows)
    cols = [column("unit"), column("kind", "unit_kind")]
    for key in WORKLOAD_KEYS[2:-1]:
        show = with_responsible or not key.startswith("responsible")
        cols.append(column(key, "int", table=show))
    cols += [column("completion_rate", "percent"), column("bar", "bar", export=False)]
    return cols


def workload_summary(rows: list[dict[str, Any]], as_of: date, lang: str) -> str:
    departments = [r for r in rows if r["kind"] == "department"]
    groups = len(rows) - len(departments)
    overdue_units = sum(1 for r in departments if r["lead_overdue"] or r["responsible_overdue"])
    if lang == "zh":
        text = (
            f"截至 {as_of}，{len(departments)} 个部门，"
            f"其中 {overdue_units} 个有逾期的牵头或负责任务"
        )
        return text + (f"；泛指单位 {groups} 个列在最后。" if groups else "。")
    text = (
        f"{len(departments)} departments as of {as_of}, {overdue_units} with overdue tasks they "
        "lead or are responsible for"
    )
    return text + (f"; {groups} group placeholders listed last." if groups else ".")


def workload_report(
    session: Session,
    *,
    as_of: date,
    lang: str,
    document: str | None = None,
    sort: str = "overdue",
    departments_only: bool = False,
) -> Report:
    rows = workload_rows(
        session, as_of=as_of, document=document, sort=sort, departments_only=departments_only
    )
    return Report(
        title="单位工作量" if lang == "zh" else "Workload by unit",
        columns=workload_columns(rows),
        rows=rows,
        summary=workload_summary(rows, as_of, lang),
        key="workload",
    )
