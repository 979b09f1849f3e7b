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

from taskctl.lifecycle import ACTIVE, FINISHED, INACTIVE
from taskctl.reports.report import Column, Report, column
from taskctl.store.lookup import find_document

if TYPE_CHECKING:
    from taskctl.store.reader import Reader

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
    db: Reader,
    *,
    as_of: date,
    document: str | None = None,
    sort: str = "overdue",
    departments_only: bool = False,
) -> list[dict[str, Any]]:
    """One row per unit with tasks (in `document`, if given), departments before group placeholders.

    The database counts links per (unit, role, status) in one scan of the `ix_task_units_load` index
    (links carry their task's status and deadline); the few hundred resulting rows are folded into
    the report's counters here.
    """
    params: dict[str, Any] = {"as_of": as_of}
    where = ""
    if document:
        where = " WHERE task_id IN (SELECT id FROM tasks WHERE document_id = :document_id)"
        params["document_id"] = find_document(db, document).id
    counts = db.rows(
        "SELECT unit_id, role, status, COUNT(*),"
        " SUM(CASE WHEN deadline < :as_of THEN 1 ELSE 0 END)"
        f" FROM task_units{where} GROUP BY unit_id, role, status",
        params,
    )
    units_sql = "SELECT id, name, kind FROM units"
    if departments_only:
        units_sql += " WHERE kind = 'department'"
    units = {uid: (name, kind) for uid, name, kind in db.rows(units_sql)}
    by_unit: dict[int, dict[str, Any]] = {}
    for unit_id, role, status, n, overdue in counts:
        if unit_id not in units:
            continue
        row = by_unit.get(unit_id)
        if row is None:
            name, kind = units[unit_id]
            row = by_unit[unit_id] = {"unit": name, "kind": kind}
            row.update(dict.fromkeys(_COUNTERS, 0))
        row[f"{role}_total"] += n
        if status in ACTIVE:
            row[f"{role}_open"] += n
            row[f"{role}_overdue"] += overdue
        elif status in FINISHED:
            row[f"{role}_done"] += n
        if role != "support" and status not in INACTIVE:
            row["owned_counted"] += n
            row["owned_done"] += n if status in FINISHED else 0
    rows = list(by_unit.values())
    for row in rows:
        owned = row.pop("owned_counted")
        done = row.pop("owned_done")
        row["completion_rate"] = round(100 * done / owned) if owned else None
        row["bar"] = row["completion_rate"]
    rows.sort(key=lambda r: r["unit"])
    rows.sort(key=_SORT_KEYS[sort])
    rows.sort(key=lambda r: r["kind"])
    return rows


_COUNTERS = [
    f"{role}_{what}"
    for role in ("lead", "support", "responsible")
    for what in ("total", "open", "done", "overdue")
] + ["owned_counted", "owned_done"]

_SORT_KEYS = {
    "overdue": lambda r: (
        -(r["lead_overdue"] + r["support_overdue"] + r["responsible_overdue"]),
        -r["lead_open"],
    ),
    "lead": lambda r: (-r["lead_total"], -r["lead_open"]),
    "support": lambda r: (-r["support_total"], -r["support_open"]),
    "name": lambda r: (),
}


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
    db: Reader,
    *,
    as_of: date,
    lang: str,
    document: str | None = None,
    sort: str = "overdue",
    departments_only: bool = False,
) -> Report:
    rows = workload_rows(
        db, as_of=as_of, document=document, sort=sort, departments_only=departments_only
    )
    return Report(
        title="单位工作量" if lang == "zh" else "Workload by unit",
        columns=workload_columns(rows),
        rows=rows,
        summary=workload_summary(rows, as_of, lang),
        key="workload",
    )
