"""The difference a revision makes (`taskctl revise`): as rows for the table and the files, and as
the JSON object `{"added", "removed", "changed", "unchanged"}` whose tasks are `list --format json`'s."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from taskctl.labels import label
from taskctl.reports.report import Column, Report, column
from taskctl.reports.tasks import TASK_KEYS, list_tasks
from taskctl.store.models import ROLES

if TYPE_CHECKING:
    from taskctl.store.reader import Reader
    from taskctl.store.revisions import RevisionPlan

#: Labels of the kinds of change and of the fields (beyond the task columns').
LABELS: dict[str, tuple[str, str]] = {
    "added": ("新增", "added"),
    "removed": ("撤销", "removed"),
    "changed": ("变更", "changed"),
    "field": ("字段", "Field"),
    "text": ("全文", "full text"),
    "attributes": ("其他事项", "other details"),
}


def _label(key: str, lang: str) -> str:
    pair = LABELS.get(key)
    if pair is None:
        return label(key, lang)
    return pair[0] if lang == "zh" else pair[1]


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def revision_tasks(db: Reader, plan: RevisionPlan) -> dict[str, Any]:
    """The diff as `revise --format json` prints it (stored tasks as they are before the revision)."""
    rows = {row["id"]: row for row in list_tasks(db, document=plan.key)}

    def stored(task_id: int) -> dict[str, Any]:
        return {key: _json(rows[task_id][key]) for key in TASK_KEYS}

    items = plan.parsed.items
    added = []
    for index in plan.added:
        item = items[index]
        new: dict[str, Any] = {"id": None, "document": plan.key, "number": item.number}
        new["title"] = item.title
        for role in ROLES:
            new[role] = list(dict.fromkeys(plan.names[n] for n in getattr(item, role)))
        new["persons"] = list(dict.fromkeys(item.persons))
        new["deadline"] = _json(plan.deadlines[index])
        new["deadline_text"] = item.deadline_text
        new["status"] = "assigned"
        added.append(new)
    return {
        "added": added,
        "removed": [stored(s.id) for s in plan.removed],
        "changed": [
            {
                "task": stored(c.stored.id),
                "fields": {k: [_json(old), _json(new)] for k, (old, new) in c.fields.items()},
            }
            for c in plan.changed
        ],
        "unchanged": plan.unchanged,
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return _json(value) if isinstance(value, date) else str(value)


def revision_report(diff: dict[str, Any], plan: RevisionPlan, lang: str) -> Report:
    """One row per added and removed task and per changed field, and the counts as the summary."""
    rows: list[dict[str, Any]] = []
    for kind in ("added", "removed"):
        for task in diff[kind]:
            rows.append(
                {
                    "change": _label(kind, lang),
                    "id": task["id"],
                    "number": task["number"],
                    "title": task["title"],
                    "field": "",
                    "old": "",
                    "new": "",
                }
            )
    for entry in diff["changed"]:
        task = entry["task"]
        for name, (old, new) in entry["fields"].items():
            rows.append(
                {
                    "change": _label("changed", lang),
                    "id": task["id"],
                    "number": task["number"],
                    "title": task["title"],
                    "field": _label(name, lang),
                    "old": _text(old),
                    "new": _text(new),
                }
            )
    counts = (len(diff["added"]), len(diff["removed"]), len(diff["changed"]), diff["unchanged"])
    if lang == "zh":
        summary = "新增 {} 项，撤销 {} 项，变更 {} 项，未变 {} 项".format(*counts)
    else:
        summary = "{} added, {} removed, {} changed, {} unchanged".format(*counts)
    columns = [
        Column("change", *LABELS["changed"]),
        column("id", "int"),
        column("number"),
        column("title", wrap=True),
        Column("field", *LABELS["field"]),
        column("old", wrap=True),
        column("new", wrap=True),
    ]
    columns[0].en = "Change"
    title = (
        f"{plan.key} 第 {plan.revision} 版：{plan.source_name}"
        if lang == "zh"
        else f"{plan.key} revision {plan.revision}: {plan.source_name}"
    )
    return Report(title=title, columns=columns, rows=rows, summary=summary)
