"""`taskctl status|progress|deadline|assign|unit|history` end to end on the real seeds, both engines:
what the clerk sees, and what the database holds."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from taskctl.store.engine import open_store
from taskctl.store.models import Event, ProgressReport, Task, Unit
from tests.conftest import Runner, seed

TASK = "zj2012:二.3"  # 加快组织实施10个重大科技专项: 计划处、高新处、农村处、社发处 lead


def db_task(run: Runner, ref: str = TASK) -> dict:
    """The task's row as stored, read on a fresh connection."""
    shown = json.loads(run.ok("show", ref, "--format", "json"))
    store = open_store(run.db)
    try:
        with store.reading() as s:
            t = s.get(Task, shown["id"])
            return {
                "id": t.id,
                "status": t.status,
                "percent": t.percent,
                "version": t.version,
                "deadline": t.deadline,
                "original_deadline": t.original_deadline,
                "events": [
                    (e.kind, e.old_value, e.new_value, e.note, e.actor)
                    for e in s.scalars(
                        select(Event).where(Event.task_id == t.id).order_by(Event.id)
                    )
                ],
                "progress": [
                    (p.text, p.percent, p.actor)
                    for p in s.scalars(
                        select(ProgressReport)
                        .where(ProgressReport.task_id == t.id)
                        .order_by(ProgressReport.id)
                    )
                ],
            }
    finally:
        store.dispose()


def history(run: Runner, ref: str = TASK) -> list[dict]:
    return json.loads(run.ok("history", ref, "--format", "json"))


# --- status ---------------------------------------------------------------------------------------


def test_status_prints_one_line_in_chinese_and_english(zj: Runner) -> None:
    tid = db_task(zj)["id"]
    out = zj.ok("status", TASK, "已签收", "--by", "张三")
    assert out == f"任务 {tid}: 状态 待签收 → 已签收 (版本 2)\n"
    out = zj.ok("--lang", "en", "status", str(tid), "in_progress")
    assert out == f"task {tid}: status 已签收 → 办理中 (version 3)\n".replace(
        "已签收 → 办理中", "accepted → in progress"
    )
    row = db_task(zj)
    assert (row["status"], row["version"]) == ("in_progress", 3)
    assert row["events"][1:] == [
        ("status", "assigned", "accepted", None, "张三"),
        ("status", "accepted", "in_progress", None, "tester"),
    ]


def test_status_already_set_changes_nothing(zj: Runner) -> None:
    out = zj.ok("--lang", "en", "status", TASK, "assigned")
    assert "nothing changed" in out
    assert db_task(zj)["version"] == 1


def test_reopen_needs_note(zj: Runner) -> None:
    zj.ok("status", TASK, "办结")
    result = zj.fails("status", TASK, "办理中")
    assert "--note" in result.stderr
    assert db_task(zj)["status"] == "done"
    zj.ok("status", TASK, "办理中", "--note", "材料不全，退回")
    row = db_task(zj)
    assert row["status"] == "in_progress"
    assert row["events"][-1][3] == "材料不全，退回"


# --- progress -------------------------------------------------------------------------------------


def test_progress_with_percent(zj: Runner) -> None:
    tid = db_task(zj)["id"]
    out = zj.ok("progress", TASK, "已完成项目招标", "--percent", "60", "--by", "高新处李四")
    assert out == f"任务 {tid}: 进展已记录 ∅ → 60% (版本 2)\n"
    zj.ok("progress", TASK, "签订合同")
    row = db_task(zj)
    assert row["percent"] == 60
    assert row["progress"] == [("已完成项目招标", 60, "高新处李四"), ("签订合同", None, "tester")]
    shown = json.loads(zj.ok("show", TASK, "--format", "json"))
    assert shown["percent"] == 60
    assert shown["progress"][0]["text"] == "签订合同"


# --- deadline -------------------------------------------------------------------------------------

AS_OF = "2026-03-04"  # a Wednesday


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("6月底前", date(2026, 6, 30)),
        ("年底", date(2026, 12, 31)),
        ("下周五", date(2026, 3, 13)),
        ("3月15日", date(2026, 3, 15)),
        ("+2w", date(2026, 3, 18)),
        ("+10d", date(2026, 3, 14)),
        ("2026-09-30", date(2026, 9, 30)),
        ("Sep 30 2026", date(2026, 9, 30)),
    ],
)
def test_deadline_phrases_resolve_against_as_of(zj: Runner, when: str, expected: date) -> None:
    zj.ok("deadline", TASK, when, "--note", "资金未到位", "--as-of", AS_OF)
    row = db_task(zj)
    assert row["deadline"] == expected
    assert row["original_deadline"] == date(2012, 12, 31)
    assert row["events"][-1] == (
        "deadline",
        "2012-12-31",
        expected.isoformat(),
        "资金未到位",
        "tester",
    )


def test_extension_keeps_original_deadline_and_every_change(zj: Runner) -> None:
    zj.ok("deadline", TASK, "2013-03-31", "--note", "第一次延期")
    out = zj.ok("--lang", "en", "deadline", TASK, "2013-06-30", "--note", "第二次延期")
    assert "deadline 2013-03-31 → 2013-06-30" in out
    row = db_task(zj)
    assert (row["deadline"], row["original_deadline"]) == (date(2013, 6, 30), date(2012, 12, 31))
    shown = json.loads(zj.ok("show", TASK, "--format", "json"))
    assert shown["original_deadline"] == "2012-12-31"
    assert [(h["old"], h["new"], h["note"]) for h in history(zj)[1:]] == [
        ("2012-12-31", "2013-03-31", "第一次延期"),
        ("2013-03-31", "2013-06-30", "第二次延期"),
    ]


def test_deadline_without_note_is_refused(zj: Runner) -> None:
    result = zj.fails("deadline", TASK, "2013-03-31")
    assert "reason" in result.stderr
    assert db_task(zj)["version"] == 1


# --- history --------------------------------------------------------------------------------------


def test_history_holds_one_event_per_change_in_order(zj: Runner) -> None:
    zj.ok("status", TASK, "accepted", "--by", "甲")
    zj.ok("progress", TASK, "开始", "--percent", "10", "--by", "乙")
    zj.ok("deadline", TASK, "2013-01-31", "--note", "延期", "--by", "丙")
    zj.ok("assign", TASK, "--support", "人事处", "--by", "丁")
    zj.ok("status", TASK, "done", "--by", "戊")
    rows = history(zj)
    assert [list(r) for r in rows] == [["time", "actor", "kind", "old", "new", "note"]] * 6
    assert [(r["kind"], r["actor"]) for r in rows] == [
        ("import", "tester"),
        ("status", "甲"),
        ("progress", "乙"),
        ("deadline", "丙"),
        ("assign", "丁"),
        ("status", "戊"),
    ]
    assert rows[4]["new"].endswith("support: 有关处室、人事处")
    assert db_task(zj)["version"] == 6
    table = zj.ok("history", TASK)
    assert "已签收" in table and "已办结" in table and "延期" in table


# --- stale updates --------------------------------------------------------------------------------


def test_stale_update_is_refused_and_nothing_changes(zj: Runner) -> None:
    zj.ok("status", TASK, "accepted", "--expect-version", "1", "--by", "张三")
    zj.ok("status", TASK, "in_progress", "--by", "李四")
    before = db_task(zj)
    result = zj.fails("status", TASK, "done", "--expect-version", "2", "--by", "王五")
    assert f"task {before['id']} changed since version 2" in result.stderr
    assert "status accepted→in_progress by 李四 at " in result.stderr
    result = zj.fails("progress", TASK, "旧数据", "--percent", "90", "--expect-version", "1")
    assert "张三" in result.stderr and "李四" in result.stderr
    assert db_task(zj) == before


# --- assign and units -----------------------------------------------------------------------------


def test_assign_unassigned_document_needs_new_for_new_units(run: Runner) -> None:
    run.ok("import", seed("sc2012"), "--key", "sc")
    first = json.loads(run.ok("list", "--format", "json"))[0]
    assert first["lead"] == [] and first["support"] == []
    tid = str(first["id"])
    result = run.fails("assign", tid, "--lead", "省科技厅")
    assert "--new" in result.stderr
    out = run.ok(
        "--lang", "en", "assign", tid, "--lead", "省科技厅", "--support", "省财政厅", "--new"
    )
    assert "lead: 省科技厅; support: 省财政厅" in out
    run.ok("assign", tid, "--lead", "财政", "--remove", "科技厅")
    shown = json.loads(run.ok("show", tid, "--format", "json"))
    assert (shown["lead"], shown["support"]) == (["省财政厅"], [])


def test_assign_by_prefix_and_refuses_ambiguous(zj: Runner) -> None:
    result = zj.fails("assign", TASK, "--support", "处")
    assert "ambiguous" in result.stderr and "人事处" in result.stderr
    zj.ok("assign", TASK, "--remove", "高新")
    shown = json.loads(zj.ok("show", TASK, "--format", "json"))
    assert "高新处" not in shown["lead"]


def test_unit_alias_rename_merge(zj: Runner) -> None:
    out = zj.ok("unit", "alias", "高新处", "高新技术处", "--by", "管理员")
    assert "高新技术处" in out
    zj.ok("assign", "zj2012:一.1", "--support", "高新技术处")
    out = zj.ok("--lang", "en", "unit", "rename", "社发处", "社会发展处")
    assert "renamed to 社会发展处" in out
    assert "社会发展处" in json.loads(zj.ok("show", TASK, "--format", "json"))["lead"]
    before = db_task(zj)["version"]
    out = zj.ok("--lang", "en", "unit", "merge", "农村处", "高新处")
    assert out.startswith("unit 农村处 merged into 高新处:")
    shown = json.loads(zj.ok("show", TASK, "--format", "json"))
    assert shown["lead"].count("高新处") == 1 and "农村处" not in shown["lead"]
    assert db_task(zj)["version"] == before + 1
    assert history(zj)[-1]["kind"] == "unit_merge"
    units = json.loads(zj.ok("units", "--format", "json"))
    gx = next(u for u in units if u["unit"] == "高新处")
    assert {"农村处", "高新技术处"} <= set(gx["aliases"])
    store = open_store(zj.db)
    try:
        with store.reading() as s:
            assert s.scalar(select(Unit).where(Unit.name == "农村处")) is None
    finally:
        store.dispose()


# --- errors: one line, non-zero, no traceback -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("status", "9999", "done"), "unknown task"),
        (("status", "zj2012:九.9", "done"), "unknown task"),
        (("status", TASK, "finished?"), "unknown status"),
        (("status", TASK, "closed"), "allowed from assigned"),
        (("progress", TASK, "x", "--percent", "150"), "0 to 100"),
        (("deadline", TASK, "2月30日", "--note", "x"), "2月30日"),
        (("deadline", TASK, "someday", "--note", "x"), "someday"),
        (("assign", TASK, "--lead", "不存在的单位"), "unknown unit"),
        (("assign", TASK, "--lead", "处"), "ambiguous"),
        (("assign", TASK), "nothing to assign"),
        (("unit", "merge", "高新", "不存在"), "unknown unit"),
        (("unit", "rename", "高新处", "计划处"), "merge"),
        (("history", "9999"), "unknown task"),
        (("status", TASK, "done", "--expect-version", "5"), "not 5"),
    ],
)
def test_errors_are_one_line(zj: Runner, args: tuple[str, ...], needle: str) -> None:
    result = zj.fails("--lang", "en", *args)
    assert needle in result.stderr
    assert result.stderr.startswith("taskctl: error: ")
    assert db_task(zj)["version"] == 1
