"""Revisions in the library: the matching (pure, no database), the field diff, and what
`apply_revision` writes on SQLite and PostgreSQL (removed tasks, later revisions, versions, the
links' copies of status and deadline)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.drafts import ItemDraft, ParsedDocument
from taskctl.store.engine import Store
from taskctl.store.revisions import (
    Stored,
    apply_revision,
    diff_item,
    match_items,
    plan_revision,
)
from tests.conftest import Runner, seed
from tests.fixtures.revised import revise_zj2012


@dataclass
class Item:
    number: str
    title: str


def pairs(new: list[Item], old: list[Item]) -> set[tuple[str, str]]:
    found = match_items(new, old)
    return {(new[j].number, old[i].number) for j, i in found.pairs}


# --- matching ----------------------------------------------------------------------------------------

OLD = [
    Item("一.1", "加快培育创新型试点示范企业"),
    Item("一.2", "加快推进产业技术创新战略联盟建设"),
    Item("二.1", "改革科研与人才评价体系"),
    Item("二.2", "大力实施十大科技成果转化工程"),
]


def test_unchanged_items_pair_by_number_and_title() -> None:
    found = match_items(OLD, OLD)
    assert found.pairs == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert found.added == found.removed == found.warnings == []


def test_a_renumbered_item_with_the_same_text_is_the_same_item() -> None:
    new = [OLD[0], OLD[1], Item("三.1", OLD[2].title), Item("三.2", OLD[3].title)]
    assert pairs(new, OLD) == {
        ("一.1", "一.1"),
        ("一.2", "一.2"),
        ("三.1", "二.1"),
        ("三.2", "二.2"),
    }


def test_a_few_characters_reworded_under_the_same_number_is_the_same_item() -> None:
    new = [*OLD[:3], Item("二.2", "大力实施“十大科技成果转化工程”")]
    assert ("二.2", "二.2") in pairs(new, OLD)


def test_renumbered_and_reworded_still_pairs_when_nearly_the_same() -> None:
    new = [*OLD[:3], Item("二.3", "大力实施十大科技成果转化工程。")]
    assert ("二.3", "二.2") in pairs(new, OLD)


def test_another_task_under_the_same_number_is_added_and_the_old_one_removed() -> None:
    new = [*OLD[:3], Item("二.2", "开展科技成果转化年度评估")]
    found = match_items(new, OLD)
    assert [new[j].number for j in found.added] == ["二.2"]
    assert [OLD[i].number for i in found.removed] == ["二.2"]
    assert found.warnings == []


def test_ambiguous_matches_are_added_and_removed_with_a_warning() -> None:
    old = [Item("一.1", "加强督查督办"), Item("二.1", "加强督查督办"), Item("三.1", "完善制度")]
    new = [Item("四.1", "加强督查督办"), Item("三.1", "完善制度")]
    found = match_items(new, old)
    assert [(new[j].number, old[i].number) for j, i in found.pairs] == [("三.1", "三.1")]
    assert found.added == [0]
    assert sorted(found.removed) == [0, 1]
    (warning,) = found.warnings
    assert "四.1" in warning and "一.1" in warning and "二.1" in warning


def test_near_ties_in_similarity_are_ambiguous() -> None:
    old = [Item("一.1", "推进科技金融结合试点工作甲"), Item("一.2", "推进科技金融结合试点工作乙")]
    new = [Item("二.1", "推进科技金融结合试点工作丙")]
    found = match_items(new, old)
    assert found.pairs == []
    assert len(found.warnings) == 1


def test_matching_is_deterministic() -> None:
    text = revise_zj2012()
    new = parse_text(text).tasks
    old = parse_text(Path(seed("zj2012")).read_text(encoding="utf-8")).tasks
    expected = pairs(new, old)
    rng = random.Random(14)
    for _ in range(5):
        shuffled_new, shuffled_old = new[:], old[:]
        rng.shuffle(shuffled_new)
        rng.shuffle(shuffled_old)
        assert pairs(shuffled_new, shuffled_old) == expected
    assert len(expected) == 25  # 26 stored, one removed; 26 new, one added


# --- the field diff ---------------------------------------------------------------------------------


def _draft(**kw) -> ItemDraft:  # type: ignore[no-untyped-def]
    base = dict(kind="task", number="一.1", label="1", level=1, title="加强统筹", line=4)
    base.update(kw)
    base.setdefault("full_text", base["title"] + "。")
    return ItemDraft(**base)  # type: ignore[arg-type]


def test_diff_names_each_plan_fact_that_changed() -> None:
    stored = Stored(
        id=1,
        kind="task",
        number="一.1",
        title="加强统筹",
        full_text="加强统筹。",
        lead=["办公室"],
        persons=["张三"],
        planned=date(2026, 12, 31),
        deadline=date(2027, 3, 31),  # extended: not a plan fact
    )
    names = {"省办公室": "办公室", "法规处": "法规处"}
    same = _draft(lead=["省办公室"], persons=["张三"])
    assert diff_item(stored, same, date(2026, 12, 31), names) == {}
    moved = _draft(number="二.1", lead=["法规处"], support=["省办公室"], persons=["李四"])
    assert diff_item(stored, moved, date(2026, 6, 30), names) == {
        "number": ("一.1", "二.1"),
        "lead": (["办公室"], ["法规处"]),
        "support": ([], ["办公室"]),
        "persons": (["张三"], ["李四"]),
        "deadline": (date(2026, 12, 31), date(2026, 6, 30)),
    }
    detailed = _draft(lead=["省办公室"], persons=["张三"], attributes={"实施范围": "各自贸片区"})
    assert diff_item(stored, detailed, date(2026, 12, 31), names) == {
        "attributes": ({}, {"实施范围": "各自贸片区"})
    }
    reworded = _draft(lead=["省办公室"], persons=["张三"], full_text="加强统筹。建立台账。")
    assert diff_item(stored, reworded, date(2026, 12, 31), names) == {
        "text": ("加强统筹。", "加强统筹。建立台账。")
    }


# --- applying ---------------------------------------------------------------------------------------


def _parsed(text: str) -> ParsedDocument:
    return parse_text(text)


def _revise(store: Store, text: str, source: str = "v2.txt") -> None:
    with store.writing() as session:
        plan = plan_revision(
            session, "zj2012", _parsed(text), source_name=source, content_hash=source * 8
        )
        apply_revision(session, plan, actor="tester")


def test_a_finished_task_taken_out_keeps_its_status(zj: Runner, store: Store) -> None:
    zj.ok("status", "zj2012:八.3", "已办结")
    _revise(store, revise_zj2012())
    task = zj.json("show", "zj2012:八.3")
    assert task["status"] == "done"
    assert task["removed_in"] == 2
    last = zj.json("history", "zj2012:八.3")[-1]
    assert (last["kind"], last["old"], last["note"]) == (
        "revised",
        "八.3",
        "撤销 (revision of v2.txt)",
    )


def test_later_revisions_leave_removed_tasks_alone(zj: Runner, store: Store) -> None:
    original = Path(seed("zj2012")).read_text(encoding="utf-8")
    removed_id = zj.json("show", "zj2012:八.3")["id"]
    _revise(store, revise_zj2012(original), "v2.txt")
    # version 3 is version 1 again: the dropped task comes back as a new task, the cancelled one
    # stays cancelled; 二.4 goes, the renumbering and the other changes are undone
    with store.writing() as session:
        plan = plan_revision(
            session, "zj2012", _parsed(original), source_name="v3.txt", content_hash="3" * 64
        )
        assert [plan.parsed.items[i].number for i in plan.added] == ["八.3"]
        assert [s.number for s in plan.removed] == ["二.4"]
        assert len(plan.changed) == 10
        apply_revision(session, plan, actor="tester")
    rows = zj.json("list", "--document", "zj2012")
    assert len(rows) == 28
    again = zj.json("show", "zj2012:八.3")  # the one in the plan, not the cancelled one
    assert again["id"] != removed_id
    assert again["status"] == "assigned"
    assert zj.json("show", str(removed_id))["status"] == "cancelled"
    (document,) = zj.json("documents")
    assert document["revision"] == 3
    assert document["revision_sources"] == ["v2.txt", "v3.txt"]
    # the tasks out of the plan come after the ones in it
    assert [r["status"] == "cancelled" for r in rows] == [False] * 26 + [True] * 2
    assert rows[-2]["id"] == removed_id


def test_versions_count_events_and_links_copy_the_task(zj: Runner, store: Store) -> None:
    zj.ok("deadline", "zj2012:一.1", "2013-03-31", "--note", "延期")
    _revise(store, revise_zj2012())
    with store.query() as db:
        for task_id, version, events in db.rows(
            "SELECT t.id, t.version, (SELECT COUNT(*) FROM events e WHERE e.task_id = t.id)"
            " FROM tasks t WHERE t.kind = 'task'"
        ):
            assert version == events, task_id
        stale = db.rows(
            "SELECT tu.task_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id"
            " WHERE tu.status <> t.status OR tu.deadline <> t.deadline"
        )
        assert stale == []
        positions = [p for (p,) in db.rows("SELECT position FROM tasks ORDER BY position")]
        assert positions == list(range(len(positions)))


def test_nothing_to_change_writes_nothing(zj: Runner, store: Store) -> None:
    before = zj.json("list")
    text = Path(seed("zj2012")).read_text(encoding="utf-8")
    with store.writing() as session:
        plan = plan_revision(
            session, "zj2012", _parsed(text), source_name="same.txt", content_hash="s" * 64
        )
        assert plan.changes == 0 and plan.unchanged == 26
        apply_revision(session, plan, actor="tester")
    assert zj.json("list") == before
    assert zj.json("documents")[0]["revision"] == 1


def test_a_version_without_tasks_is_refused(zj: Runner, store: Store) -> None:
    empty = ParsedDocument("说明", None, None, None, [])
    with store.reading() as session, pytest.raises(InputError, match="no tasks found"):
        plan_revision(session, "zj2012", empty, source_name="x.txt", content_hash="x" * 64)


def test_a_plan_made_before_another_revision_is_refused(zj: Runner, store: Store) -> None:
    with store.reading() as session:
        plan = plan_revision(
            session,
            "zj2012",
            _parsed(revise_zj2012()),
            source_name="late.txt",
            content_hash="l" * 64,
        )
    _revise(store, revise_zj2012())
    with store.writing() as session, pytest.raises(InputError, match="revised meanwhile"):
        apply_revision(session, plan, actor="tester")
