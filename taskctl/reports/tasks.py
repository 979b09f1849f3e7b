"""Task listings: the rows `list`, `show` and `units` print (queries only, no printing)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from taskctl.labels import LABELS
from taskctl.lifecycle import parse_status
from taskctl.reports.report import Column, Report, column
from taskctl.store.lookup import find_document, find_unit_id
from taskctl.store.reader import as_date, as_datetime, date_converter

if TYPE_CHECKING:
    from taskctl.reports.lights import LightRules
    from taskctl.store.reader import Reader

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
    "attributes",
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
        column("attributes", "attributes", table=False),
    ]


#: What `select_tasks` reads of each task, in the order `task_row` takes them.
TASK_COLUMNS = (
    "t.id",
    "t.number",
    "t.title",
    "t.deadline",
    "t.deadline_text",
    "t.status",
    "t.percent",
    "t.version",
    "t.original_deadline",
    "t.created_at",
    "d.key",
    "d.period_start",
    "t.attributes",
)
TASK_SELECT = (
    "SELECT " + ", ".join(TASK_COLUMNS) + "{extra}"
    " FROM tasks t JOIN documents d ON d.id = t.document_id{join}"
)
#: Document order.
DOCUMENT_ORDER = "d.id, t.position"


def select_tasks(
    db: Reader,
    *,
    document: str | None = None,
    unit: str | None = None,
    status: tuple[str, ...] | list[str] | frozenset[str] | None = None,
    where: tuple[str, ...] = (),
    params: dict[str, Any] | None = None,
    order: str = DOCUMENT_ORDER,
    extra: str = "",
    join: str = "",
) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters of a task query, filtered as the options ask.

    `where` adds conditions (on `t.` and `d.`, with their values in `params`), `extra` more columns
    after those `task_row` reads, `join` more tables. Plain columns, not ORM objects: 100,000 rows
    load in a blink. The order is the SQL's: a listing streams straight off the cursor.
    """
    params = dict(params or {})
    conds = ["t.kind = 'task'", *where]
    if document:
        conds.append("t.document_id = :document_id")
        params["document_id"] = find_document(db, document).id
    if unit:
        conds.append("t.id IN (SELECT task_id FROM task_units WHERE unit_id = :unit_id)")
        params["unit_id"] = find_unit_id(db, unit)[0]
    if status:
        # what a clerk types (已办结, in progress) or the keys reports pass (ACTIVE)
        wanted = sorted({parse_status(s) for s in status})
        conds.append(db.in_list("t.status", wanted, params, "status"))
    sql = (
        TASK_SELECT.format(extra=extra, join=join)
        + " WHERE "
        + " AND ".join(conds)
        + " ORDER BY "
        + order
    )
    return sql, params


def task_rows(db: Reader, query: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of a `select_tasks` query (without units and persons); each distinct stored date
    is converted once."""
    to_date = date_converter()
    return [task_row(r, to_date) for r in db.rows(*query)]


def attach_people(db: Reader, rows: list[dict[str, Any]]) -> None:
    """Fill `lead`, `support`, `responsible` and `persons` of task rows: the links come in display
    order straight off the `ix_task_units_task` index, unit and person names from small maps."""
    ids = sorted({r["id"] for r in rows})
    units: dict[int, tuple[list[str], list[str], list[str]]] = {}  # lead, support, responsible
    persons: dict[int, list[str]] = {}
    if ids:
        names = dict(db.rows("SELECT id, name FROM units"))
        params: dict[str, Any] = {}
        cond = db.in_list("task_id", ids, params, "ids")
        current = None
        slot = {"lead": 0, "support": 1, "responsible": 2}
        lists: tuple[list[str], list[str], list[str]] = ([], [], [])
        for task_id, role, unit_id in db.rows(
            f"SELECT task_id, role, unit_id FROM task_units WHERE {cond}"
            " ORDER BY task_id, role, position, unit_id",
            params,
        ):
            if task_id != current:
                current = task_id
                lists = units[task_id] = ([], [], [])
            lists[slot[role]].append(names[unit_id])
        params = {}
        cond = db.in_list("tp.task_id", ids, params, "ids")
        for task_id, name in db.rows(
            "SELECT tp.task_id, p.name FROM task_persons tp JOIN persons p ON p.id = tp.person_id"
            f" WHERE {cond} ORDER BY tp.task_id, tp.position",
            params,
        ):
            persons.setdefault(task_id, []).append(name)
    if len(ids) < len(rows):  # a task twice (weekly sections): every row gets lists of its own
        for r in rows:
            lead, support, responsible = units.get(r["id"], ((), (), ()))
            r["lead"], r["support"], r["responsible"] = [*lead], [*support], [*responsible]
            r["persons"] = [*persons.get(r["id"], ())]
        return
    for r in rows:
        found = units.get(r["id"])
        if found is None:
            r["lead"], r["support"], r["responsible"] = [], [], []
        else:
            r["lead"], r["support"], r["responsible"] = found
        r["persons"] = persons.get(r["id"]) or []


def task_row(rec: tuple, to_date: Callable[[Any], date | None] = as_date) -> dict[str, Any]:
    """The plain row of one task from a `select_tasks` record (units and persons are attached
    separately). `start`, where the task's time begins, serves the warning light."""
    start = to_date(rec[11])
    return {
        "id": rec[0],
        "document": rec[10],
        "number": rec[1],
        "title": rec[2],
        "deadline": to_date(rec[3]),
        "deadline_text": rec[4],
        "status": rec[5],
        "percent": rec[6],
        "version": rec[7],
        "original_deadline": to_date(rec[8]),
        "start": start if start is not None else as_datetime(rec[9]),
        "attributes": _attributes(rec[12]) if rec[12] else {},
    }


def _attributes(text: str) -> dict[str, str]:
    """A task's other labelled details, stored as JSON (few tasks have any: json is loaded then)."""
    import json

    return json.loads(text)


#: Rows per batch that a streamed listing takes off the cursor.
STREAM_BATCH = 2000


def stream_task_rows(
    db: Reader, query: tuple[str, dict[str, Any]], *, extra: tuple[str, ...] = ()
) -> Iterator[list[dict[str, Any]]]:
    """The rows of a `select_tasks` query with units and persons, a batch at a time off the cursor;
    `extra` names the query's `extra` columns, which the rows then carry under those keys."""
    to_date = date_converter()
    first = len(TASK_COLUMNS)
    for batch in db.batches(*query, size=STREAM_BATCH):
        rows = [task_row(r, to_date) for r in batch]
        if extra:
            for row, rec in zip(rows, batch, strict=True):
                row.update(zip(extra, rec[first:], strict=True))
        attach_people(db, rows)
        yield rows


def list_tasks(db: Reader, **filters: Any) -> list[dict[str, Any]]:
    """Task rows (with units and persons) in document order."""
    rows = task_rows(db, select_tasks(db, **filters))
    attach_people(db, rows)
    return rows


def list_report(
    db: Reader,
    *,
    as_of: date | None = None,
    rules: LightRules | None = None,
    stream: bool = False,
    **filters: Any,
) -> Report:
    """The task listing; the terminal also shows each task's light on `as_of` (default today), which
    the exports leave out so that `list --format json` keeps exactly TASK_KEYS.

    With `stream`, the rows come batch by batch off the cursor as the report is written: memory
    stays flat at any number of tasks, and `db` must stay open until then. Without, they are all
    taken at once (the same rows)."""
    from taskctl.reports.lights import DEFAULT_RULES, attach_lights

    cols = []
    for c in task_columns():
        cols.append(c)
        if c.key == "deadline":
            cols.append(column("light", "light", export=False))
    day, rules = as_of or date.today(), rules or DEFAULT_RULES
    query = select_tasks(db, **filters)

    def batches() -> Iterator[list[dict[str, Any]]]:
        for rows in stream_task_rows(db, query):
            attach_lights(rows, day, rules)
            yield rows

    report = Report(title="", columns=cols, rows=[], batches=batches)
    return report if stream else report.materialize()


def units_report(db: Reader, *, departments_only: bool = False) -> Report:
    """Units with how many tasks each leads, supports or is responsible for, and their aliases."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for unit_id, alias in db.rows("SELECT unit_id, alias FROM unit_aliases"):
        aliases[unit_id].append(alias)
    where = " WHERE u.kind = 'department'" if departments_only else ""
    rows = [
        {
            "unit": name,
            "kind": kind,
            "lead_count": lead or 0,
            "support_count": support or 0,
            "responsible_count": resp or 0,
            "aliases": sorted(aliases.get(uid, [])),
        }
        for uid, name, kind, lead, support, resp in db.rows(
            "SELECT u.id, u.name, u.kind, c.lead, c.support, c.resp FROM units u LEFT JOIN ("
            " SELECT unit_id,"
            " SUM(CASE WHEN role = 'lead' THEN 1 ELSE 0 END) AS lead,"
            " SUM(CASE WHEN role = 'support' THEN 1 ELSE 0 END) AS support,"
            " SUM(CASE WHEN role = 'responsible' THEN 1 ELSE 0 END) AS resp"
            f" FROM task_units GROUP BY unit_id) c ON c.unit_id = u.id{where}"
            " ORDER BY u.kind, u.name"
        )
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


def documents_report(db: Reader) -> Report:
    """Imported documents with their keys, periods and task counts."""
    rows = []
    sources: dict[int, list[str]] = defaultdict(list)
    for document_id, source in db.rows(
        "SELECT document_id, source_name FROM document_revisions ORDER BY document_id, number"
    ):
        sources[document_id].append(source)
    for doc_id, key, title, text, start, end, n, source, imported_at, revision in db.rows(
        "SELECT d.id, d.key, d.title, d.period_text, d.period_start, d.period_end, c.n,"
        " d.source_name, d.imported_at, d.revision FROM documents d LEFT JOIN (SELECT document_id,"
        " COUNT(*) AS n FROM tasks WHERE kind = 'task' GROUP BY document_id) c"
        " ON c.document_id = d.id ORDER BY d.id"
    ):
        start, end = as_date(start), as_date(end)
        rows.append(
            {
                "key": key,
                "title": title,
                "period": text or (f"{start}—{end}" if start else None),
                "tasks": n or 0,
                "source": source,
                "imported_at": as_datetime(imported_at),
                "revision": revision,
                "revision_sources": sources.get(doc_id, []),
            }
        )
    cols = [
        column("key"),
        Column("title", *LABELS["document_title"], wrap=True),
        column("period"),
        column("tasks", "int"),
        column("source"),
        column("imported_at", "date"),
        column("revision", "int"),
        column("revision_sources", "list", wrap=True),
    ]
    return Report(title="", columns=cols, rows=rows)
