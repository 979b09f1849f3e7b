"""`overdue` and `due` on the real zj2012 seed (26 tasks, all due 2012-12-31 by the plan period)."""

from __future__ import annotations

import json

from taskctl.reports.tasks import TASK_KEYS
from tests.conftest import Runner

OVERDUE_KEYS = {
    *TASK_KEYS,
    "days_overdue",
    "light",
    "latest_progress_date",
    "latest_progress",
    "reminded",
    "last_reminded",
}


def test_all_26_tasks_are_overdue_on_2013_01_15(zj: Runner) -> None:
    rows = json.loads(zj.ok("overdue", "--as-of", "2013-01-15", "--format", "json"))
    assert len(rows) == 26
    assert set(rows[0]) == OVERDUE_KEYS
    assert {r["days_overdue"] for r in rows} == {15}
    assert {r["light"] for r in rows} == {"red"}
    assert {r["deadline"] for r in rows} == {"2012-12-31"}
    assert all(r["latest_progress"] is None for r in rows)


def test_nothing_is_overdue_on_the_deadline_itself(zj: Runner) -> None:
    assert json.loads(zj.ok("overdue", "--as-of", "2012-12-31", "--format", "json")) == []
    out = zj.ok("--lang", "en", "overdue", "--as-of", "2012-12-31")
    assert "No overdue tasks as of 2012-12-31." in out


def test_most_overdue_first_finished_left_out_latest_progress_shown(zj: Runner) -> None:
    zj.ok("deadline", "zj2012:三.2", "2012-06-30", "--note", "提前")
    zj.ok("deadline", "zj2012:三.1", "2012-09-30", "--note", "提前")
    zj.ok("status", "zj2012:一.1", "done")
    zj.ok("progress", "zj2012:三.1", "已起草指导意见", "--percent", "40")
    rows = json.loads(zj.ok("overdue", "--as-of", "2013-01-15", "--format", "json"))
    assert len(rows) == 25
    assert [r["number"] for r in rows[:2]] == ["三.2", "三.1"]
    assert [r["days_overdue"] for r in rows[:3]] == [199, 107, 15]
    assert "一.1" not in {r["number"] for r in rows}
    assert rows[1]["latest_progress"] == "已起草指导意见"
    assert rows[1]["latest_progress_date"] is not None
    summary = zj.ok("overdue", "--as-of", "2013-01-15").splitlines()[1]
    assert "逾期任务 25 项" in summary and "三.2" in summary and "199 天" in summary


def test_overdue_filters_by_unit_and_document(zj: Runner) -> None:
    rows = json.loads(
        zj.ok("overdue", "--as-of", "2013-01-15", "--unit", "高新处", "--format", "json")
    )
    assert len(rows) == 7
    assert all("高新处" in r["lead"] for r in rows)
    rows = json.loads(
        zj.ok("overdue", "--as-of", "2013-01-15", "--document", "zj2012", "--format", "json")
    )
    assert len(rows) == 26
    assert "unknown document 'nosuch'" in zj.fails("overdue", "--document", "nosuch").stderr
    assert "not a date" in zj.fails("overdue", "--as-of", "not a date").stderr


def test_due_within_window(zj: Runner) -> None:
    zj.ok("deadline", "zj2012:三.2", "2012-12-20", "--note", "提前")
    rows = json.loads(zj.ok("due", "--as-of", "2012-12-18", "--format", "json"))
    assert [r["number"] for r in rows] == ["三.2"]
    assert rows[0]["days_left"] == 2
    assert rows[0]["light"] == "yellow"
    rows = json.loads(zj.ok("due", "--as-of", "2012-12-18", "--within", "2w", "--format", "json"))
    assert len(rows) == 26
    assert rows[0]["number"] == "三.2"
    assert {r["days_left"] for r in rows[1:]} == {13}
    assert "--within: 'soon' is not a number of days" in zj.fails("due", "--within", "soon").stderr
