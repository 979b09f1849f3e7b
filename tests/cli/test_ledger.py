"""`taskctl ledger export|import`: a real .xlsx round trip, all-or-nothing, --skip-bad, stale rows, CSV."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from taskctl.store.engine import open_store
from taskctl.store.models import Event, ProgressReport, Task
from tests.conftest import Runner

HEADERS_ZH = [
    "编号",
    "序号",
    "任务",
    "角色",
    "完成时限",
    "状态",
    "进度%",
    "最新进展",
    "新状态",
    "新进度%",
    "本期进展",
    "新时限",
    "说明",
    "版本",
]
COL = {name: i + 1 for i, name in enumerate(HEADERS_ZH)}


def export(run: Runner, tmp_path: Path, unit: str = "高新", *lang: str) -> Path:
    path = tmp_path / "高新处.xlsx"
    out = run.ok(*lang, "ledger", "export", "--unit", unit, "-o", str(path))
    assert str(path) in out
    return path


def state(run: Runner) -> dict[int, tuple]:
    """Every task's (status, percent, deadline, version) and the number of events and reports."""
    store = open_store(run.db)
    try:
        with store.reading() as s:
            tasks = {
                t.id: (t.status, t.percent, t.deadline, t.version)
                for t in s.scalars(select(Task).where(Task.kind == "task"))
            }
            tasks[0] = (
                s.scalar(select(func.count(Event.id))),
                s.scalar(select(func.count(ProgressReport.id))),
            )
            return tasks
    finally:
        store.dispose()


def fill(path: Path, cells: dict[tuple[int, str], object], out: Path | None = None) -> Path:
    """Write values into the exported sheet by (row, Chinese header)."""
    book = load_workbook(path)
    sheet = book.active
    for (row, header), value in cells.items():
        sheet.cell(row=row, column=COL[header], value=value)
    out = out or path
    book.save(out)
    return out


def ids_in(path: Path) -> list[int]:
    sheet = load_workbook(path).active
    return [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]


def test_export_layout(zj: Runner, tmp_path: Path) -> None:
    path = export(zj, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    assert sheet.title == "台账"
    assert [c.value for c in sheet[1]] == HEADERS_ZH
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["N"].hidden
    assert sheet.protection.sheet
    assert sheet.column_dimensions["C"].width >= 30
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # 高新处 leads 7 tasks of zj2012
    assert len(rows) == 7
    first = rows[0]
    assert first[1:7] == (
        "二.2",
        "大力实施“十大科技成果转化工程”",
        "牵头",
        "2012-12-31",
        "待签收",
        None,
    )
    assert first[8:13] == (None,) * 5
    assert first[13] == 1
    validations = sheet.data_validations.dataValidation
    lists = [v for v in validations if v.type == "list"]
    assert lists and "已签收" in lists[0].formula1 and "已销号" in lists[0].formula1
    assert str(lists[0].sqref) == "I2:I8"
    assert not sheet.cell(row=2, column=COL["新状态"]).protection.locked
    assert sheet.cell(row=2, column=COL["编号"]).protection.locked


def test_export_lists_support_and_responsible_roles(zj: Runner, tmp_path: Path) -> None:
    path = tmp_path / "有关处室.xlsx"
    zj.ok("ledger", "export", "--unit", "有关处室", "-o", str(path))
    roles = {r[3] for r in load_workbook(path).active.iter_rows(min_row=2, values_only=True)}
    assert roles == {"配合"}


def test_round_trip_applies_exactly_the_filled_cells(zj: Runner, tmp_path: Path) -> None:
    zj.ok("progress", "zj2012:二.2", "已启动", "--percent", "10")
    path = export(zj, tmp_path)
    ids = ids_in(path)
    sheet = load_workbook(path).active
    assert "已启动" in sheet.cell(row=2, column=COL["最新进展"]).value
    before = state(zj)
    fill(
        path,
        {
            (2, "新状态"): "办理中",
            (2, "新进度%"): 40,
            (2, "本期进展"): "完成招标",
            (3, "新进度%"): "25%",
            (4, "新时限"): datetime(2013, 3, 31),
            (4, "说明"): "等待省财政拨款",
            (5, "新状态"): "待签收",  # unchanged: a no-op
            (6, "新时限"): "6月底前",
            (6, "说明"): "配合单位调整",
        },
    )
    out = zj.ok(
        "--lang", "en", "ledger", "import", str(path), "--by", "高新处王五", "--as-of", "2013-01-10"
    )
    assert "4 tasks updated, 3 rows unchanged" in out
    after = state(zj)
    changed = {tid for tid in ids if after[tid] != before[tid]}
    assert changed == {ids[0], ids[1], ids[2], ids[4]}
    assert after[ids[0]][:2] == ("in_progress", 40)
    assert after[ids[0]][3] == before[ids[0]][3] + 2
    assert after[ids[1]][1] == 25
    assert after[ids[2]][2] == date(2013, 3, 31)
    assert after[ids[4]][2] == date(2013, 6, 30)
    assert after[0] == (before[0][0] + 5, before[0][1] + 2)
    rows = json.loads(zj.ok("history", str(ids[0]), "--format", "json"))
    assert [(r["kind"], r["actor"]) for r in rows[-2:]] == [
        ("status", "高新处王五"),
        ("progress", "高新处王五"),
    ]
    assert rows[-1]["note"] == "完成招标"
    # importing the same file again is refused: every filled row is now stale
    result = zj.fails("ledger", "import", str(path))
    assert "changed since export" in result.stderr
    assert state(zj) == after


def test_one_bad_row_changes_nothing_and_skip_bad_applies_the_rest(
    zj: Runner, tmp_path: Path
) -> None:
    path = export(zj, tmp_path)
    ids = ids_in(path)
    fill(
        path,
        {
            (2, "新状态"): "已签收",
            (3, "新进度%"): 150,
            (4, "新状态"): "搞定了",
            (5, "新时限"): "2月30日",
            (5, "说明"): "x",
            (6, "新状态"): "已销号",  # assigned → closed is not allowed
            (7, "本期进展"): "正常推进",
        },
    )
    before = state(zj)
    result = zj.fails("--lang", "en", "ledger", "import", str(path))
    for row in (3, 4, 5, 6):
        assert f"row {row}:" in result.stderr
    assert "row 2:" not in result.stderr and "row 7:" not in result.stderr
    assert "150" in result.stderr and "搞定了" in result.stderr and "2月30日" in result.stderr
    assert "nothing applied" in result.stderr
    assert "allowed from assigned" in result.stdout  # the problem table
    assert state(zj) == before
    zh = zj("--lang", "zh", "ledger", "import", str(path))
    assert zh.exit_code == 1
    line = zh.stderr.strip()
    assert line.startswith("taskctl: 错误：") and "4 行有误，未应用任何内容" in line, line
    for row in (3, 4, 5, 6):
        assert f"第 {row} 行：" in line
    assert "row " not in line and "bad percent" not in line and "task 12" not in line
    assert "第 6 行：任务 12 不能从 assigned (待签收) 改为 closed (已销号)" in line
    assert "只能改为" in zh.stdout  # the problem table
    assert state(zj) == before

    out = zj.ok("--lang", "en", "ledger", "import", str(path), "--skip-bad")
    assert "2 tasks updated" in out and "Rows skipped" in out
    after = state(zj)
    assert after[ids[0]][0] == "accepted"
    assert after[ids[5]][3] == before[ids[5]][3] + 1
    for i in (1, 2, 3, 4):
        assert after[ids[i]] == before[ids[i]]


def test_stale_row_is_refused_with_what_changed(zj: Runner, tmp_path: Path) -> None:
    path = export(zj, tmp_path)
    ids = ids_in(path)
    zj.ok("status", str(ids[0]), "accepted", "--by", "李四")
    fill(path, {(2, "新状态"): "办理中", (3, "新状态"): "办理中"})
    before = state(zj)
    result = zj.fails("ledger", "import", str(path))
    assert "row 2:" in result.stderr and "changed since export" in result.stderr
    assert "by 李四" in result.stderr
    assert state(zj) == before


def test_reopening_in_a_ledger_needs_the_note_column(zj: Runner, tmp_path: Path) -> None:
    zj.ok("status", "zj2012:二.2", "done")
    path = export(zj, tmp_path)
    fill(path, {(2, "新状态"): "办理中"})
    result = zj.fails("ledger", "import", str(path))
    assert "说明" in result.stderr
    fill(path, {(2, "说明"): "复核不通过"})
    zj.ok("ledger", "import", str(path))
    assert json.loads(zj.ok("show", "zj2012:二.2", "--format", "json"))["status"] == "in_progress"


def test_untouched_ledger_is_a_no_op(zj: Runner, tmp_path: Path) -> None:
    path = export(zj, tmp_path)
    before = state(zj)
    out = zj.ok("ledger", "import", str(path))
    assert "已更新 0 项, 未变 7 行" in out
    assert state(zj) == before


def test_csv_ledger(zj: Runner, tmp_path: Path) -> None:
    path = export(zj, tmp_path, "高新", "--lang", "en")
    sheet = load_workbook(path).active
    grid = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert grid[0][8] == "New status"
    grid[1][8] = "in progress"
    grid[1][10] = "按计划推进"
    out_path = tmp_path / "ledger.csv"
    with open(out_path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in grid])
    zj.ok("ledger", "import", str(out_path))
    shown = json.loads(zj.ok("show", str(grid[1][0]), "--format", "json"))
    assert shown["status"] == "in_progress"
    assert shown["progress"][0]["text"] == "按计划推进"


def test_ledger_errors_are_one_line(zj: Runner, tmp_path: Path) -> None:
    assert (
        "unknown unit"
        in zj.fails("ledger", "export", "--unit", "不存在", "-o", str(tmp_path / "x.xlsx")).stderr
    )
    assert (
        "ambiguous"
        in zj.fails("ledger", "export", "--unit", "处", "-o", str(tmp_path / "x.xlsx")).stderr
    )
    assert "no such file" in zj.fails("ledger", "import", str(tmp_path / "missing.xlsx")).stderr
    bogus = tmp_path / "bogus.xlsx"
    bogus.write_text("not a workbook")
    assert "cannot read" in zj.fails("ledger", "import", str(bogus)).stderr
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "header" in zj.fails("ledger", "import", str(wrong)).stderr
