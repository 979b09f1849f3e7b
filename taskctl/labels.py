"""Output labels in Chinese and English, and how the language is chosen."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

#: key → (Chinese, English). Column headers, statuses, roles, summary words.
LABELS: dict[str, tuple[str, str]] = {
    "id": ("编号", "ID"),
    "document": ("文件", "Document"),
    "number": ("序号", "No."),
    "title": ("任务", "Task"),
    "full_text": ("全文", "Full text"),
    "lead": ("牵头单位", "Lead"),
    "support": ("配合单位", "Support"),
    "responsible": ("责任单位", "Responsible"),
    "persons": ("责任人", "Persons"),
    "deadline": ("完成时限", "Deadline"),
    "deadline_text": ("时限原文", "Deadline phrase"),
    "attributes": ("其他事项", "Other details"),
    "original_deadline": ("原定时限", "Original deadline"),
    "status": ("状态", "Status"),
    "percent": ("进度%", "Percent"),
    "version": ("版本", "Version"),
    "light": ("灯", "Light"),
    "unit": ("单位", "Unit"),
    "kind": ("类别", "Kind"),
    "aliases": ("别名", "Aliases"),
    "lead_count": ("牵头", "Leads"),
    "support_count": ("配合", "Supports"),
    "responsible_count": ("负责", "Responsible"),
    "key": ("代号", "Key"),
    "tasks": ("任务数", "Tasks"),
    "period": ("计划期", "Period"),
    "document_title": ("标题", "Title"),
    "imported_at": ("导入时间", "Imported"),
    "source": ("来源", "Source"),
    "role": ("角色", "Role"),
    # statuses (the lifecycle itself lives in taskctl.lifecycle)
    "status.assigned": ("待签收", "assigned"),
    "status.accepted": ("已签收", "accepted"),
    "status.in_progress": ("办理中", "in progress"),
    "status.done": ("已办结", "done"),
    "status.closed": ("已销号", "closed"),
    "status.suspended": ("暂缓", "suspended"),
    "status.cancelled": ("已取消", "cancelled"),
    # lights
    "light.red": ("红灯", "red"),
    "light.yellow": ("黄灯", "yellow"),
    "light.green": ("绿灯", "green"),
    # report columns (overdue, due, workload, unit-report, weekly)
    "days_overdue": ("逾期天数", "Days overdue"),
    "days_left": ("剩余天数", "Days left"),
    "latest_progress_date": ("进展日期", "Progress date"),
    "lead_total": ("牵头总数", "Lead total"),
    "lead_open": ("牵头未结", "Lead open"),
    "lead_done": ("牵头办结", "Lead done"),
    "lead_overdue": ("牵头逾期", "Lead overdue"),
    "support_total": ("配合总数", "Support total"),
    "support_open": ("配合未结", "Support open"),
    "support_overdue": ("配合逾期", "Support overdue"),
    "responsible_total": ("负责总数", "Resp. total"),
    "responsible_open": ("负责未结", "Resp. open"),
    "responsible_overdue": ("负责逾期", "Resp. overdue"),
    "completion_rate": ("办结率%", "Done %"),
    "bar": ("完成度", "Progress"),
    "metric": ("指标", "Measure"),
    "value": ("数值", "Value"),
    "date": ("日期", "Date"),
    "change": ("变更", "Change"),
    # roles
    "role.lead": ("牵头", "lead"),
    "role.support": ("配合", "support"),
    "role.responsible": ("负责", "responsible"),
    # unit kinds
    "unit_kind.department": ("部门", "department"),
    "unit_kind.group": ("泛指", "group"),
    # history events
    "time": ("时间", "Time"),
    "actor": ("操作人", "By"),
    "old": ("原值", "Old"),
    "new": ("新值", "New"),
    "note": ("说明", "Note"),
    "event.import": ("导入", "import"),
    "event.status": ("状态", "status"),
    "event.progress": ("进展", "progress"),
    "event.deadline": ("时限", "deadline"),
    "event.assign": ("分工", "assign"),
    "event.unit_alias": ("单位别名", "unit alias"),
    "event.unit_rename": ("单位更名", "unit rename"),
    "event.unit_merge": ("单位合并", "unit merge"),
    "event.revised": ("修订", "revised"),
    # document revisions (`taskctl revise`)
    "revision": ("版次", "Revision"),
    "revision_sources": ("修订来源", "Revised from"),
    "plan_revised": ("计划修订", "Plan revised"),
    "removed_in": ("撤销", "Removed"),
    "event.reminded": ("督办", "reminded"),
    "reminded": ("督办次数", "Reminded"),
    "last_reminded": ("最近督办", "Last reminded"),
    # ledger (台账) columns
    "latest_progress": ("最新进展", "Latest progress"),
    "new_status": ("新状态", "New status"),
    "new_percent": ("新进度%", "New percent"),
    "progress_text": ("本期进展", "Progress this period"),
    "new_deadline": ("新时限", "New deadline"),
    "row": ("行", "Row"),
    "changes": ("变更", "Changes"),
    "problem": ("问题", "Problem"),
    # misc
    "none": ("无", "none"),
}


def detect_lang(explicit: str | None = None) -> str:
    """`--lang`, else `TASKCTL_LANG`, else the locale; Chinese when nothing says otherwise."""
    for value in (explicit, os.environ.get("TASKCTL_LANG")):
        if value:
            value = value.lower()[:2]
            if value in LANGS:
                return value
    loc = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    if not loc:
        import locale  # only when no variable names one: a command that knows pays nothing

        loc = locale.getlocale()[0] or ""
    if loc.lower().startswith("en"):
        return "en"
    return "zh"


def label(key: str, lang: str) -> str:
    """The label of `key` in `lang`; the key itself if it has none."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def assignment_label(text: str | None, lang: str) -> str | None:
    """A stored assignment (`lead: A、B; support: C`) in `lang`: `牵头: A、B；配合: C` in Chinese."""
    if not text:
        return text
    parts = []
    for part in text.split("; "):
        role, sep, names = part.partition(": ")
        if sep and f"role.{role}" in LABELS:
            part = f"{label(f'role.{role}', lang)}: {names}"
        parts.append(part)
    return ("；" if lang == "zh" else "; ").join(parts)


def value_label(kind: str, value: str | None, lang: str) -> str | None:
    """A stored change value (an event's or a tracking call's) as a person reads it: statuses (also an
    import's) become their labels, assignments are worded in `lang`, anything else is itself."""
    if value is None:
        return None
    if kind in ("status", "import"):
        return label(f"status.{value}", lang)
    if kind == "assign":
        return assignment_label(value, lang)
    return value
