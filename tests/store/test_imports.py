"""Saving parsed documents: keys, deadlines, units, persons, events, re-import."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from taskctl.errors import InputError
from taskctl.ingest.drafts import ItemDraft, ParsedDocument
from taskctl.store.imports import default_key, save_document
from taskctl.store.models import Event, Task, TaskUnit, Unit


def _doc() -> ParsedDocument:
    heading = ItemDraft(
        kind="heading",
        number="一",
        label="一",
        level=0,
        title="总体工作",
        full_text="一、总体工作",
        line=3,
    )
    t1 = ItemDraft(
        kind="task",
        number="一.1",
        label="1",
        level=1,
        title="加强统筹",
        full_text="1.加强统筹。(牵头单位:办公室,配合单位:各有关处室)",
        line=4,
        parent=0,
        lead=["办公室"],
        support=["各有关处室"],
        persons=["张三"],
    )
    t2 = ItemDraft(
        kind="task",
        number="一.2",
        label="2",
        level=1,
        title="完善制度",
        full_text="2.完善制度,6月底前完成。",
        line=5,
        parent=0,
        deadline=date(2026, 6, 30),
        deadline_text="6月底前",
    )
    return ParsedDocument(
        title="2026年工作要点",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        period_text="2026年",
        items=[heading, t1, t2],
    )


def test_default_key_from_file_name() -> None:
    assert default_key("seeds/zj2012.txt") == "zj2012"
    assert default_key(r"C:\docs\2026 工作要点.docx") == "2026-工作要点"
    assert default_key("<stdin>") == "stdin"


def test_save_document_writes_items_units_events_and_deadlines(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        result = save_document(
            session, _doc(), source_name="plan.txt", content_hash="h1", actor="tester"
        )
    assert (result.key, result.tasks, result.headings, result.unassigned) == ("plan", 2, 1, 1)
    assert (result.units, result.persons) == (2, 1)
    with store.reading() as session:
        tasks = session.scalars(select(Task).order_by(Task.position)).all()
        assert [(t.kind, t.number, t.deadline, t.deadline_text) for t in tasks] == [
            ("heading", "一", None, None),
            ("task", "一.1", date(2026, 12, 31), None),
            ("task", "一.2", date(2026, 6, 30), "6月底前"),
        ]
        assert tasks[1].parent_id == tasks[0].id
        assert tasks[1].original_deadline == date(2026, 12, 31)
        links = session.execute(
            select(Unit.name, Unit.kind, TaskUnit.role).join(TaskUnit).order_by(TaskUnit.id)
        ).all()
        assert links == [("办公室", "department", "lead"), ("各有关处室", "group", "support")]
        events = session.scalars(select(Event.kind)).all()
        assert events == ["import", "import"]


def test_default_deadline_overrides_period_end_only(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        save_document(
            session,
            _doc(),
            source_name="plan.txt",
            content_hash="h1",
            actor="t",
            default_deadline=date(2026, 9, 30),
        )
    with store.reading() as session:
        deadlines = session.scalars(
            select(Task.deadline).where(Task.kind == "task").order_by(Task.position)
        ).all()
    assert deadlines == [date(2026, 9, 30), date(2026, 6, 30)]


def test_identical_content_is_skipped_and_keys_stay_unique(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        save_document(session, _doc(), source_name="plan.txt", content_hash="h1", actor="t")
    with store.writing() as session:
        again = save_document(session, _doc(), source_name="plan.txt", content_hash="h1", actor="t")
        other = save_document(session, _doc(), source_name="plan.txt", content_hash="h2", actor="t")
    assert again.skipped and again.key == "plan"
    assert other.key == "plan-2"
    with store.writing() as session, pytest.raises(InputError, match="already used"):
        save_document(
            session, _doc(), source_name="x.txt", content_hash="h3", actor="t", key="plan"
        )
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Task)) == 6
