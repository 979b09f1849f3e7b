"""`weekly`: the summary of a week lists exactly the changes made that week (real commands).

The changes are stamped by the `clock` fixture (a Wednesday), not the wall clock, so a run that
crosses midnight on Sunday cannot put them in another week than the one the report asks for.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.conftest import CLOCK_START, seed

MONDAY = CLOCK_START.date() - timedelta(days=CLOCK_START.weekday())
SUNDAY = MONDAY + timedelta(days=6)
WEEK = f"{MONDAY.isocalendar()[0]}-W{MONDAY.isocalendar()[1]:02d}"
pytestmark = pytest.mark.usefixtures("clock")


def test_the_clock_puts_the_changes_in_one_known_week() -> None:
    assert (WEEK, MONDAY.isoformat(), SUNDAY.isoformat()) == (
        "2026-W48",
        "2026-11-23",
        "2026-11-29",
    )


def _changes(run) -> None:  # type: ignore[no-untyped-def]
    run.ok("import", seed("zj2012"))
    run.ok("status", "zj2012:一.1", "accepted")
    run.ok("status", "zj2012:一.2", "done")
    run.ok("progress", "zj2012:三.1", "已起草指导意见", "--percent", "40")
    next_tuesday = MONDAY + timedelta(days=8)
    run.ok("deadline", "zj2012:三.2", next_tuesday.isoformat(), "--note", "等待审批")
    run.ok("deadline", "zj2012:三.3", MONDAY.isoformat(), "--note", "调整")


def _sections(doc: dict) -> dict[str, list[dict]]:
    return {s["key"]: s["rows"] for s in doc["sections"]}


def test_weekly_lists_exactly_this_weeks_changes(run) -> None:  # type: ignore[no-untyped-def]
    _changes(run)
    doc = json.loads(run.ok("weekly", "--week", WEEK, "--format", "json"))
    assert doc["title"] == f"工作周报 {WEEK}"
    assert doc["subtitle"].startswith(f"{MONDAY} 至 {SUNDAY}")
    headline = {r["key"]: r["value"] for r in doc["rows"]}
    assert headline == {
        "open": 25,
        "done_this_week": 1,
        "overdue": 24,
        "newly_overdue": 1,
        "due_next_week": 1,
        "progress_reports": 1,
        "status_changes": 4,
    }
    sections = _sections(doc)
    assert [r["number"] for r in sections["finished"]] == ["一.2"]
    assert sections["finished"][0]["lead"] == ["法规处"]
    progress = sections["progress"]
    assert [(r["number"], r["text"], r["percent"]) for r in progress] == [
        ("三.1", "已起草指导意见", 40)
    ]
    assert progress[0]["unit"] == "高新处"
    changes = [(r["number"], r["change"], r["new"]) for r in sections["changes"]]
    assert changes == [
        ("一.1", "status", "已签收"),
        ("一.2", "status", "已办结"),
        ("三.2", "deadline", (MONDAY + timedelta(days=8)).isoformat()),
        ("三.3", "deadline", MONDAY.isoformat()),
    ]
    assert sections["changes"][2]["old"] == "2012-12-31"
    assert sections["changes"][2]["note"] == "等待审批"
    assert [r["number"] for r in sections["newly_overdue"]] == ["三.3"]
    assert [r["number"] for r in sections["due_next_week"]] == ["三.2"]
    workload = {r["unit"]: r for r in sections["workload"]}
    assert workload["高新处"]["lead_total"] == 7


def test_the_week_before_is_empty_and_since_until_is_the_same_as_week(run) -> None:  # type: ignore[no-untyped-def]
    _changes(run)
    last = MONDAY - timedelta(days=7)
    doc = json.loads(
        run.ok(
            "weekly",
            "--since",
            str(last),
            "--until",
            str(last + timedelta(days=6)),
            "--format",
            "json",
        )
    )
    sections = _sections(doc)
    assert sections["finished"] == sections["progress"] == sections["changes"] == []
    same = json.loads(
        run.ok("weekly", "--since", str(MONDAY), "--until", str(SUNDAY), "--format", "json")
    )
    week = json.loads(run.ok("weekly", "--week", WEEK, "--format", "json"))
    assert same == week


def test_weekly_headings_chinese_by_default_english_with_lang(run) -> None:  # type: ignore[no-untyped-def]
    _changes(run)
    zh = run.ok("weekly", "--week", WEEK, env={"LANG": "en_US.UTF-8"})
    for heading in (
        "本周办结任务",
        "本周进展（按单位）",
        "状态变更与延期",
        "本周新增逾期任务",
        "下周到期任务",
        "单位工作量",
    ):
        assert heading in zh
    en = run.ok("weekly", "--week", WEEK, "--lang", "en")
    for heading in (
        "Tasks finished this week",
        "Progress reported this week (by unit)",
        "Status changes and extensions",
        "Newly overdue this week",
        "Due next week",
        "Workload by unit",
    ):
        assert heading in en
    assert "本周" not in en


def test_weekly_refuses_bad_periods(run) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (("--week", "2026-48"), "--week: '2026-48' is not an ISO week"),
        (("--week", "2026-W60"), "--week: '2026-W60' has no such week"),
        (("--week", WEEK, "--since", "2026-11-01"), "either --week or --since/--until"),
        (("--since", "2026-11-30", "--until", "2026-11-01"), "--since 2026-11-30 is after"),
        (("--since", "2月30日"), "--since: "),
    ]
    for args, message in cases:
        assert message in run.fails("weekly", *args).stderr, args
