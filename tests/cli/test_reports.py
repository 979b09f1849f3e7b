"""The report commands end to end on the real zj2012 seed, in every format, with a fixed --as-of."""

from __future__ import annotations

import csv
import json
from pathlib import Path

AS_OF = ("--as-of", "2013-01-15")


def test_overdue_xlsx_has_red_lights(zj, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = tmp_path / "overdue.xlsx"
    zj.ok("overdue", *AS_OF, "-o", str(path))
    ws = load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header_at = next(i for i, r in enumerate(rows) if r[0] == "编号")
    header = rows[header_at]
    data = rows[header_at + 1 :]
    assert len(data) == 26
    light = header.index("灯")
    assert {r[light] for r in data} == {"红灯"}
    assert ws.cell(header_at + 2, light + 1).fill.fgColor.rgb.endswith("FFC7CE")
    assert {r[header.index("逾期天数")] for r in data} == {15}


def test_overdue_csv_and_md(zj, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "overdue.csv"
    zj.ok("--lang", "en", "overdue", *AS_OF, "--unit", "高新处", "-o", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 7
    assert all("高新处" in r["Lead"] for r in rows)
    assert {r["Light"] for r in rows} == {"red"}
    md = zj.ok("overdue", *AS_OF, "--format", "md")
    assert md.startswith("# 逾期任务") and md.count("| 红灯 |") == 26


def test_weekly_docx(zj, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    zj.ok("status", "zj2012:一.2", "done")  # stamped by `clock` in 2026-W48
    path = tmp_path / "周报.docx"
    zj.ok("weekly", "--week", "2026-W48", "-o", str(path))
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "工作周报 2026-W48"
    assert "本周办结任务" in texts and "单位工作量" in texts
    # headline, finished, changes, workload, trend; the empty sections say 无 instead of a table
    assert len(doc.tables) == 5
    assert texts.count("无") == 3
    finished = doc.tables[1]
    assert [c.text for c in finished.rows[0].cells][:4] == ["时间", "编号", "文件", "序号"]
    assert [c.text for c in finished.rows[1].cells][3] == "一.2"


def test_weekly_xlsx_one_sheet_per_section(zj, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = tmp_path / "weekly.xlsx"
    zj.ok("weekly", "--week", "2026-W48", "--lang", "en", "--format", "xlsx", "-o", str(path))
    names = load_workbook(path).sheetnames
    assert names == [
        "Weekly summary 2026-W48",
        "Tasks finished this week",
        "Progress reported this week (by",
        "Status changes and extensions",
        "Newly overdue this week",
        "Due next week",
        "Workload by unit",
        "Trend of the last 8 weeks",
        "Charts",
    ]


def test_unit_report_leads_then_supports(zj) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(zj.ok("unit-report", "法规处", *AS_OF, "--format", "json"))
    # zj2012 names 法规处 as lead of 一.1-一.3 and 八.2, and as support of 七.1
    assert [(r["role"], r["number"]) for r in rows] == [
        ("lead", "一.1"),
        ("lead", "一.2"),
        ("lead", "一.3"),
        ("lead", "八.2"),
        ("support", "七.1"),
    ]
    assert {r["light"] for r in rows} == {"red"}
    out = zj.ok("unit-report", "法规", *AS_OF)
    assert "法规处 任务清单" in out and "牵头 4" in out
    assert "unknown unit '没有这个单位'" in zj.fails("unit-report", "没有这个单位").stderr


def test_unit_report_open_only_leaves_out_finished_and_cancelled(zj) -> None:  # type: ignore[no-untyped-def]
    zj.ok("status", "zj2012:一.1", "done")
    zj.ok("status", "zj2012:一.2", "cancelled")
    zj.ok("status", "zj2012:一.3", "accepted")
    every = zj.json("unit-report", "法规处", *AS_OF)
    # by role, then worst light first: finished tasks (no light) after the red ones
    assert [(r["role"], r["number"], r["status"], r["light"]) for r in every] == [
        ("lead", "一.3", "accepted", "red"),
        ("lead", "八.2", "assigned", "red"),
        ("lead", "一.1", "done", None),
        ("lead", "一.2", "cancelled", None),
        ("support", "七.1", "assigned", "red"),
    ]
    open_only = zj.json("unit-report", "法规处", *AS_OF, "--open-only")
    assert [(r["number"], r["status"]) for r in open_only] == [
        ("一.3", "accepted"),
        ("八.2", "assigned"),
        ("七.1", "assigned"),
    ]


def test_calendar_ics_filtered_by_unit(zj, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    path = tmp_path / "gx.ics"
    zj.ok("calendar", "-o", str(path), "--unit", "高新处")
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == 7
    assert all("高新处" in str(e["description"]) for e in events)
    assert {e.decoded("dtstart").isoformat() for e in events} == {"2012-12-31"}
    zj.ok("status", "zj2012:三.1", "done")
    zj.ok("calendar", "-o", str(path))
    assert len(list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))) == 25


def test_list_shows_light_on_the_table_but_json_keeps_task_keys(zj) -> None:  # type: ignore[no-untyped-def]
    from taskctl.reports.tasks import TASK_KEYS

    rows = json.loads(zj.ok("list", "--format", "json"))
    assert list(rows[0]) == list(TASK_KEYS)
    table = zj.ok("list", *AS_OF)
    assert table.count("红灯") == 26
    assert zj.ok("list", "--as-of", "2012-12-28").count("黄灯") == 26
    shown = zj.ok("show", "zj2012:三.1", *AS_OF)
    assert "红灯" in shown
    assert json.loads(zj.ok("show", "zj2012:三.1", "--format", "json", *AS_OF))["light"] == "red"


def test_thresholds_are_options(zj) -> None:  # type: ignore[no-untyped-def]
    zj.ok("progress", "zj2012:三.1", "刚起步", "--percent", "10")
    at = ("--as-of", "2012-07-01", "--format", "json")
    rows = {r["number"]: r for r in json.loads(zj.ok("unit-report", "高新处", *at))}
    assert rows["三.1"]["light"] == "yellow"  # half the year gone, 10% reported
    assert rows["三.2"]["light"] == "green"  # nothing reported: judged on the deadline only
    rows = {
        r["number"]: r
        for r in json.loads(zj.ok("unit-report", "高新处", *at, "--lag-points", "45"))
    }
    assert rows["三.1"]["light"] == "green"
    rows = json.loads(zj.ok("unit-report", "高新处", *at, "--warn-days", "200"))
    assert {r["light"] for r in rows} == {"yellow"}


def test_terminal_table_plain_when_piped_and_no_color(zj) -> None:  # type: ignore[no-untyped-def]
    out = zj.ok("overdue", *AS_OF, env={"NO_COLOR": "1"})
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "逾期任务"
    limited = zj.ok("overdue", *AS_OF, "--limit", "5").splitlines()
    assert len(limited) == 2 + 2 + 5 + 1
    assert limited[-1] == "… 另有 21 行 (--limit 0 显示全部)"


def test_binary_format_without_file_is_one_line_error(zj) -> None:  # type: ignore[no-untyped-def]
    result = zj.fails("workload", "--format", "xlsx")
    assert result.stderr == "taskctl: error: --format xlsx needs -o FILE (it is a binary file)\n"
    assert result.stdout == ""
