"""The tracking library: one event and one version per change, stale refusal, units, concurrency."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from taskctl.errors import (
    AmbiguousError,
    InvalidValueError,
    NotFoundError,
    StaleVersionError,
    TransitionError,
)
from taskctl.ingest.drafts import ItemDraft, ParsedDocument
from taskctl.store import tracking
from taskctl.store.engine import Store, open_store
from taskctl.store.imports import save_document
from taskctl.store.lookup import resolve_unit
from taskctl.store.models import Event, ProgressReport, Task, TaskUnit, Unit, UnitAlias

UNITS = ("高新处", "计划处", "农村处", "高新区管委会")


def make_plan(n_tasks: int = 4) -> ParsedDocument:
    """A small work plan: task 1 led by 高新处 with 计划处 supporting, task 2 led by 计划处 and
    农村处, task 3 with 高新区管委会 responsible, the rest without units."""
    items = [
        ItemDraft(
            kind="heading",
            number="一",
            label="一",
            level=0,
            title="总体",
            full_text="一、总体",
            line=1,
        )
    ]
    units = [
        {"lead": ["高新处"], "support": ["计划处"]},
        {"lead": ["计划处", "农村处"]},
        {"responsible": ["高新区管委会"]},
    ]
    for i in range(1, n_tasks + 1):
        items.append(
            ItemDraft(
                kind="task",
                number=f"一.{i}",
                label=str(i),
                level=1,
                title=f"任务{i}",
                full_text=f"{i}.任务{i}。",
                line=i + 1,
                parent=0,
                deadline=date(2026, 6, 30),
                deadline_text="6月底前",
                **(units[i - 1] if i <= len(units) else {}),
            )
        )
    return ParsedDocument(
        title="2026年工作要点",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        period_text="2026年",
        items=items,
    )


def seed_plan(url: str, n_tasks: int = 4) -> list[int]:
    """Save `make_plan` under key `p`; the task ids in document order."""
    store = open_store(url)
    try:
        with store.writing() as session:
            save_document(
                session,
                make_plan(n_tasks),
                source_name="plan.txt",
                content_hash="h1",
                actor="导入员",
                key="p",
            )
        with store.reading() as session:
            return list(
                session.scalars(select(Task.id).where(Task.kind == "task").order_by(Task.position))
            )
    finally:
        store.dispose()


@pytest.fixture
def ids(db_url: str, store: Store) -> list[int]:
    return seed_plan(db_url)


def events_of(
    store: Store, task_id: int
) -> list[tuple[str, str | None, str | None, str | None, str]]:
    with store.reading() as s:
        return [
            (e.kind, e.old_value, e.new_value, e.note, e.actor)
            for e in s.scalars(select(Event).where(Event.task_id == task_id).order_by(Event.id))
        ]


def task_of(store: Store, task_id: int) -> Task:
    with store.reading() as s:
        task = s.get(Task, task_id)
        s.expunge(task)
        return task


# --- status -----------------------------------------------------------------------------------------


def test_status_change_writes_one_event_and_bumps_version(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        change = tracking.set_status(s, ids[0], "已签收", actor="张三")
    assert (change.kind, change.old, change.new, change.version, change.changed) == (
        "status",
        "assigned",
        "accepted",
        2,
        True,
    )
    task = task_of(store, ids[0])
    assert (task.status, task.version) == ("accepted", 2)
    assert events_of(store, ids[0]) == [
        ("import", None, "assigned", "plan.txt:2", "导入员"),
        ("status", "assigned", "accepted", None, "张三"),
    ]


def test_status_by_key_number_and_english_words(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.set_status(s, "p:一.2", "in progress", actor="a")
        tracking.set_status(s, "p:一.2", "DONE", actor="a")
    assert task_of(store, ids[1]).status == "done"


def test_same_status_is_a_no_op(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        change = tracking.set_status(s, ids[0], "待签收", actor="a")
    assert not change.changed
    assert task_of(store, ids[0]).version == 1
    assert len(events_of(store, ids[0])) == 1


def test_unknown_status_lists_the_valid_ones(store: Store, ids: list[int]) -> None:
    with store.writing() as s, pytest.raises(InvalidValueError) as err:
        tracking.set_status(s, ids[0], "搞定", actor="a")
    assert "搞定" in str(err.value)
    for word in ("assigned", "已签收", "in_progress", "已销号", "cancelled"):
        assert word in str(err.value)


def test_refused_transition_names_the_allowed_moves(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.set_status(s, ids[0], "done", actor="a")
    with store.writing() as s, pytest.raises(TransitionError) as err:
        tracking.set_status(s, ids[0], "accepted", actor="a")
    message = str(err.value)
    assert "allowed from done" in message and "closed" in message and "in_progress" in message
    assert task_of(store, ids[0]).status == "done"


def test_reopening_needs_a_note_but_closing_does_not(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.set_status(s, ids[0], "done", actor="a")
    with store.writing() as s, pytest.raises(TransitionError, match="--note"):
        tracking.set_status(s, ids[0], "in_progress", actor="a")
    with store.writing() as s:
        tracking.set_status(s, ids[0], "closed", actor="督查室")
    with store.writing() as s:
        change = tracking.set_status(s, ids[0], "in_progress", actor="督查室", note="复查未达标")
    assert change.note == "复查未达标"
    assert [e[0:4] for e in events_of(store, ids[0])][1:] == [
        ("status", "assigned", "done", None),
        ("status", "done", "closed", None),
        ("status", "closed", "in_progress", "复查未达标"),
    ]


# --- progress, deadline ---------------------------------------------------------------------------


def test_progress_records_a_report_and_the_percent(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.add_progress(s, ids[0], "完成招标", actor="张三", percent=40)
        tracking.add_progress(s, ids[0], "签订合同", actor="张三", percent="60%")
        tracking.add_progress(s, ids[0], "正在施工", actor="张三")
    task = task_of(store, ids[0])
    assert (task.percent, task.version) == (60, 4)
    with store.reading() as s:
        texts = list(
            s.scalars(
                select(ProgressReport.text)
                .where(ProgressReport.task_id == ids[0])
                .order_by(ProgressReport.id)
            )
        )
    assert texts == ["完成招标", "签订合同", "正在施工"]
    assert [e[:4] for e in events_of(store, ids[0])][1:] == [
        ("progress", None, "40%", "完成招标"),
        ("progress", "40%", "60%", "签订合同"),
        ("progress", "60%", None, "正在施工"),
    ]


@pytest.mark.parametrize("bad", [150, -1, "abc", "50.5"])
def test_bad_percent_is_refused_and_nothing_is_written(store: Store, ids: list[int], bad) -> None:
    with store.writing() as s, pytest.raises(InvalidValueError, match="0 to 100"):
        tracking.add_progress(s, ids[0], "x", actor="a", percent=bad)
    assert task_of(store, ids[0]).version == 1
    with store.reading() as s:
        assert s.scalar(select(func.count(ProgressReport.id))) == 0


def test_extension_keeps_the_original_deadline(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.change_deadline(s, ids[0], date(2026, 9, 30), actor="a", note="资金未到位")
        tracking.change_deadline(s, ids[0], date(2026, 12, 31), actor="a", note="再次延期")
    task = task_of(store, ids[0])
    assert (task.deadline, task.original_deadline, task.version) == (
        date(2026, 12, 31),
        date(2026, 6, 30),
        3,
    )
    assert [e[:4] for e in events_of(store, ids[0])][1:] == [
        ("deadline", "2026-06-30", "2026-09-30", "资金未到位"),
        ("deadline", "2026-09-30", "2026-12-31", "再次延期"),
    ]


def test_deadline_change_needs_a_reason(store: Store, ids: list[int]) -> None:
    with store.writing() as s, pytest.raises(InvalidValueError, match="reason"):
        tracking.change_deadline(s, ids[0], date(2026, 9, 30), actor="a", note="  ")
    assert task_of(store, ids[0]).deadline == date(2026, 6, 30)


# --- stale updates --------------------------------------------------------------------------------


def test_stale_update_is_refused_with_what_changed(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.set_status(s, ids[0], "accepted", actor="张三", expect_version=1)
        tracking.set_status(s, ids[0], "done", actor="李四", expect_version=2)
    with store.writing() as s, pytest.raises(StaleVersionError) as err:
        tracking.add_progress(s, ids[0], "旧的进展", actor="王五", percent=10, expect_version=2)
    message = str(err.value)
    assert message.startswith(f"task {ids[0]} changed since version 2")
    assert "status accepted→done by 李四 at " in message
    assert "张三" not in message
    task = task_of(store, ids[0])
    assert (task.status, task.percent, task.version) == ("done", None, 3)
    assert len(events_of(store, ids[0])) == 3


def test_version_from_the_future_is_refused(store: Store, ids: list[int]) -> None:
    with store.writing() as s, pytest.raises(StaleVersionError, match="not 7"):
        tracking.set_status(s, ids[0], "accepted", actor="a", expect_version=7)


# --- assignment -----------------------------------------------------------------------------------


def test_assign_adds_moves_and_removes_units_in_one_event(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        change = tracking.assign(
            s, ids[0], lead=["农村"], support=["高新处"], remove=["计划"], actor="a"
        )
    assert change.old == "lead: 高新处; support: 计划处"
    assert change.new == "lead: 农村处; support: 高新处"
    assert task_of(store, ids[0]).version == 2
    assert [e[0] for e in events_of(store, ids[0])] == ["import", "assign"]


def test_assign_refuses_unknown_and_ambiguous_units(store: Store, ids: list[int]) -> None:
    with store.writing() as s, pytest.raises(NotFoundError, match="--new"):
        tracking.assign(s, ids[3], lead=["发改委"], actor="a")
    with store.writing() as s, pytest.raises(AmbiguousError) as err:
        tracking.assign(s, ids[3], lead=["高新"], actor="a")
    assert "高新处" in str(err.value) and "高新区管委会" in str(err.value)
    with store.writing() as s, pytest.raises(InvalidValueError, match="not assigned"):
        tracking.assign(s, ids[3], remove=["农村处"], actor="a")
    assert task_of(store, ids[3]).version == 1


def test_assign_new_unit_only_when_asked(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        change = tracking.assign(s, ids[3], lead=["省发展改革委"], actor="a", new=True)
    assert (change.old, change.new) == (None, "lead: 省发展改革委")
    with store.reading() as s:
        assert resolve_unit(s, "发展改革").name == "省发展改革委"


def test_assign_that_changes_nothing_is_a_no_op(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        change = tracking.assign(s, ids[0], lead=["高新处"], actor="a")
    assert not change.changed
    assert task_of(store, ids[0]).version == 1


# --- units ----------------------------------------------------------------------------------------


def test_alias_and_rename(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.add_alias(s, "农村处", "农村科技处", actor="a")
        tracking.rename_unit(s, "计划处", "发展计划处", actor="a")
    with store.reading() as s:
        assert resolve_unit(s, "农村科技处").name == "农村处"
        assert resolve_unit(s, "计划处").name == "发展计划处"
        kinds = [
            (e.kind, e.old_value, e.new_value)
            for e in s.scalars(select(Event).where(Event.task_id.is_(None)).order_by(Event.id))
        ]
    assert kinds == [("unit_alias", None, "农村科技处"), ("unit_rename", "计划处", "发展计划处")]
    with store.writing() as s, pytest.raises(InvalidValueError, match="merge"):
        tracking.rename_unit(s, "农村处", "高新处", actor="a")


def test_merge_moves_links_dedupes_and_keeps_aliases(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.add_alias(s, "计划处", "规划处", actor="a")
        # task 2 has both 计划处 and 农村处 as leads: merging leaves one lead link
        result = tracking.merge_units(s, "计划处", "农村处", actor="合并人")
    assert (result.source, result.target) == ("计划处", "农村处")
    assert result.tasks == [ids[0], ids[1]]
    assert (result.moved_links, result.dropped_links) == (1, 1)
    assert set(result.aliases) == {"计划处", "规划处"}
    with store.reading() as s:
        assert s.scalar(select(Unit).where(Unit.name == "计划处")) is None
        assert resolve_unit(s, "计划处").name == "农村处"
        assert resolve_unit(s, "规划处").name == "农村处"
        links = s.execute(
            select(TaskUnit.task_id, TaskUnit.role, Unit.name)
            .join(Unit)
            .where(TaskUnit.task_id.in_(ids[:2]))
            .order_by(TaskUnit.task_id, TaskUnit.role)
        ).all()
        assert s.scalar(select(func.count(UnitAlias.id)).where(UnitAlias.alias == "计划处")) == 1
    assert links == [
        (ids[0], "lead", "高新处"),
        (ids[0], "support", "农村处"),
        (ids[1], "lead", "农村处"),
    ]
    for task_id in ids[:2]:
        assert events_of(store, task_id)[-1] == ("unit_merge", "计划处", "农村处", None, "合并人")
        assert task_of(store, task_id).version == 2
    assert task_of(store, ids[2]).version == 1


def test_merge_into_itself_is_refused(store: Store, ids: list[int]) -> None:
    with store.writing() as s, pytest.raises(InvalidValueError, match="same unit"):
        tracking.merge_units(s, "高新处", "高新处", actor="a")


# --- invariants and concurrency -------------------------------------------------------------------


def test_version_counts_events(store: Store, ids: list[int]) -> None:
    with store.writing() as s:
        tracking.set_status(s, ids[0], "accepted", actor="a")
        tracking.add_progress(s, ids[0], "x", actor="a", percent=5)
        tracking.change_deadline(s, ids[0], date(2026, 7, 1), actor="a", note="n")
        tracking.assign(s, ids[0], support=["农村处"], actor="a")
    assert task_of(store, ids[0]).version == len(events_of(store, ids[0])) == 5


def test_concurrent_updates_lose_nothing(db_url: str, ids: list[int]) -> None:
    """4 threads, each with its own engine, 15 progress reports each on the same task."""
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        st = open_store(db_url)
        try:
            for i in range(15):
                with st.writing() as s:
                    tracking.add_progress(s, ids[0], f"w{n}-{i}", actor=f"w{n}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            st.dispose()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    st = open_store(db_url)
    try:
        assert task_of(st, ids[0]).version == 61
        assert len(events_of(st, ids[0])) == 61
    finally:
        st.dispose()
