"""Usability regressions in the renderers: terminal tables that fit the terminal, ASCII that stays ASCII."""

from __future__ import annotations

from datetime import date

import pytest
from rich.cells import cell_len
from rich.console import Console

from taskctl.render.text import more_line, print_table
from taskctl.reports.overdue import overdue_columns
from taskctl.reports.report import Report
from taskctl.reports.workload import workload_columns

TITLE = "加快高新技术产业开发区(园区)转型升级"


def _overdue(n: int = 3) -> Report:
    rows = [
        {
            "id": 150 + i,
            "document": "zj2012",
            "number": f"三.{i + 1}",
            "title": TITLE,
            "lead": ["成果处", "计划处", "高新处", "农村处", "社发处"][: 1 + i],
            "support": ["有关处室"],
            "responsible": [],
            "persons": ["邱飞章"],
            "deadline": date(2012, 7, 31),
            "deadline_text": None,
            "status": "in_progress",
            "percent": 40,
            "version": 2,
            "days_overdue": 168,
            "light": "red",
            "latest_progress_date": date(2012, 7, 1),
            "latest_progress": "已认定120家，正在组织第二批认定",
        }
        for i in range(n)
    ]
    return Report(title="逾期任务", columns=overdue_columns(), rows=rows, summary="逾期任务 3 项")


def _workload() -> Report:
    keys = [c.key for c in workload_columns()]
    row = {k: 3 for k in keys} | {"unit": "省经济和信息化委", "kind": "department"}
    row["completion_rate"] = row["bar"] = 40
    return Report(title="单位工作量", columns=workload_columns(), rows=[row])


def _render(report: Report, width: int, lang: str = "zh", ascii_only: bool = False) -> str:
    console = Console(record=True, width=width, color_system=None, force_terminal=True)
    print_table(report, console, lang, ascii_only=ascii_only)
    return console.export_text()


def _table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:1] in "┌│├└+|"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("make", [_overdue, _workload])
def test_tables_fit_a_narrow_terminal(make, width: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns the overdue table used to run past the right edge (its border and the status
    column cut off); now the least needed columns go and every line ends with the border."""
    lines = _table_lines(_render(make(), width, lang))
    assert lines
    assert {cell_len(line) for line in lines} == {max(cell_len(line) for line in lines)}
    assert all(cell_len(line) <= width for line in lines), lines
    assert all(line.rstrip()[-1] in "┐│┤┘" for line in lines), lines


def test_narrow_table_keeps_what_matters_and_headers_do_not_break_inside_words() -> None:
    text = _render(_overdue(), 80)
    flat = "".join(text.split())
    for kept in ("编号", "任务", "完成时限", "灯", "状态", "红灯"):
        assert kept in flat
    assert "│ 牵头单位" in text  # not 牵头单 / 位
    english = _render(_overdue(), 80, "en")
    assert "overd" not in english.replace("overdue", "")  # "Days overdue" stacks at its space


def test_wide_terminal_keeps_every_column() -> None:
    text = _render(_overdue(), 200)
    for header in ("序号", "责任人", "最新进展", "进展日期"):
        assert header in text


def test_columns_no_row_fills_are_left_out() -> None:
    report = _overdue()
    for row in report.rows:
        row["latest_progress"] = row["latest_progress_date"] = None
    text = _render(report, 200)
    assert "最新进展" not in text and "进展日期" not in text


def test_ascii_more_line_has_no_ellipsis() -> None:
    assert more_line(3, "en", ascii_only=True).isascii()
    assert more_line(3, "zh", ascii_only=True).startswith("...")
    text = _render_limited()
    assert "…" not in text


def _render_limited() -> str:
    console = Console(record=True, width=100, color_system=None, force_terminal=True)
    print_table(_overdue(3), console, "en", ascii_only=True, limit=1)
    return console.export_text()
