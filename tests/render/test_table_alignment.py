"""Tables line up with Chinese text: every line of a rendered table has the same display width."""

from __future__ import annotations

import time
from datetime import date

import pytest
from rich.cells import cell_len
from rich.console import Console

from taskctl.render.text import plain_table, print_table
from taskctl.reports.report import Report, column

TITLES = [
    "加快培育创新型试点示范企业",
    "深入推进创新型城市(县、区)创建工作，力争通过5年的努力，全省有三分之一以上的设区市达到国家创新型城市标准",
    "大力实施“十大科技成果转化工程”：落实激励成果转化的各项政策措施！",
    "ASCII title [bold]not markup[/bold]",
]


def _report(n: int = 4) -> Report:
    cols = [
        column("id", "int"),
        column("number"),
        column("title", wrap=True),
        column("lead", "list", wrap=True),
        column("deadline", "date"),
        column("light", "light"),
        column("status", "status"),
        column("bar", "bar"),
    ]
    rows = [
        {
            "id": i + 1,
            "number": f"三.{i + 1}",
            "title": TITLES[i % len(TITLES)],
            "lead": ["高新处", "成果处", "省知识产权局"][: 1 + i % 3],
            "deadline": date(2012, 12, 31),
            "light": ("red", "yellow", "green", None)[i % 4],
            "status": "in_progress",
            "bar": (i * 37) % 101,
        }
        for i in range(n)
    ]
    return Report(title="逾期任务", columns=cols, rows=rows, summary="逾期任务 4 项")


def _table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:1] in "┌│├└+|┏┃┡━┗┣"]


@pytest.mark.parametrize("ascii_only", [False, True])
def test_rich_table_lines_have_equal_width(ascii_only: bool) -> None:
    console = Console(record=True, width=100, color_system=None, force_terminal=True)
    print_table(_report(), console, "zh", ascii_only=ascii_only)
    text = console.export_text()
    lines = _table_lines(text)
    assert len(lines) > 8  # long titles folded onto several lines
    assert len({cell_len(line) for line in lines}) == 1, lines
    assert "[bold]not" in text  # cell text is never read as rich markup
    if ascii_only:
        assert not any("\u2500" <= ch <= "\u257f" for ch in text)  # no box-drawing characters


def test_long_titles_fold_instead_of_vanishing() -> None:
    console = Console(record=True, width=100, color_system=None, force_terminal=True)
    print_table(_report(), console, "zh")
    text = console.export_text()
    assert "…" not in text
    flat = "".join(line.split("│")[3].strip() for line in _table_lines(text) if "│" in line)
    assert "全省有三分之一以上的设区市达到国家创新型城市标准" in flat


def test_plain_table_pads_by_display_width() -> None:
    text = plain_table(_report(), "zh")
    lines = text.splitlines()[2:]  # title and summary first
    starts = {line.index("2012-12-31") for line in lines[2:]}
    widths = {cell_len(line[: line.index("2012-12-31")]) for line in lines[2:]}
    assert len(widths) == 1, (starts, widths)


def test_ten_thousand_rows_render_fast() -> None:
    """Linear work takes well under a second here; the bounds are loose so that a loaded CI machine
    does not fail them, while a quadratic renderer (minutes on 10,000 rows) still does."""
    report = _report(10_000)
    start = time.perf_counter()
    text = plain_table(report, "zh")
    assert time.perf_counter() - start < 10.0
    assert text.count("\n") > 10_000
    console = Console(record=True, width=100, color_system=None, force_terminal=True)
    start = time.perf_counter()
    print_table(report, console, "zh", limit=200)
    assert time.perf_counter() - start < 10.0
    shown = console.export_text()
    assert "另有 9800 行" in shown
    assert "三.200" in shown and "三.201" not in shown, "exactly the first 200 rows are drawn"
