"""Native Excel charts for the weekly summary (openpyxl, imported only here).

`add_weekly_charts` adds a sheet (图表 / Charts) to a weekly workbook: two small data tables and, next
to them, a clustered bar chart of finished and overdue lead tasks per lead unit and a line chart of
open, done and overdue tasks at the end of each of the last weeks. Titles, axis titles and series
names are in the output language; both axes are drawn (`delete = False`), which Excel 365 and WPS
otherwise hide.
"""

from __future__ import annotations

from typing import Any

from taskctl.render import Report

#: How many lead units the bar chart shows (the busiest first).
MAX_UNITS = 20


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _section(report: Report, key: str) -> Report | None:
    return next((s for s in report.sections if s.key == key), None)


def unit_chart_rows(report: Report) -> list[tuple[str, int, int]]:
    """(unit, finished lead tasks, overdue lead tasks) of the units that lead something, busiest
    first, at most MAX_UNITS."""
    workload = _section(report, "workload")
    if workload is None:
        return []
    rows = [r for r in workload.rows if r.get("lead_total")]
    rows.sort(key=lambda r: (-r["lead_total"], r["unit"]))
    return [(r["unit"], r["lead_done"], r["lead_overdue"]) for r in rows[:MAX_UNITS]]


def _axes(chart: Any, x_title: str, y_title: str) -> None:
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"


def add_weekly_charts(wb: Any, report: Report, lang: str, *, sheet_name: str) -> None:
    """Add the chart sheet of a weekly summary to `wb`."""
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    ws = wb.create_sheet(sheet_name)
    bold = Font(bold=True)
    units = unit_chart_rows(report)
    ws.append(
        [_t(lang, "牵头单位", "Lead unit"), _t(lang, "办结", "Done"), _t(lang, "逾期", "Overdue")]
    )
    for row in units:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = bold
    ws.column_dimensions["A"].width = 24

    bar = BarChart()
    bar.type = "col"
    bar.grouping = "clustered"
    bar.title = _t(lang, "各牵头单位办结与逾期任务", "Finished and overdue tasks by lead unit")
    _axes(bar, _t(lang, "牵头单位", "Lead unit"), _t(lang, "任务数", "Tasks"))
    if units:
        data = Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(units) + 1)
        cats = Reference(ws, min_col=1, min_row=2, max_row=len(units) + 1)
        bar.add_data(data, titles_from_data=True)
        bar.set_categories(cats)
    bar.width, bar.height = 24, 10
    ws.add_chart(bar, "E2")

    trend = _section(report, "trend")
    rows = trend.rows if trend is not None else []
    top = max(len(units) + 3, 24)
    ws.cell(row=top, column=1, value=_t(lang, "周次", "Week")).font = bold
    for col, (zh, en) in enumerate(
        (("未办结", "Open"), ("已办结", "Done"), ("逾期", "Overdue")), 2
    ):
        ws.cell(row=top, column=col, value=_t(lang, zh, en)).font = bold
    for i, r in enumerate(rows, 1):
        ws.cell(row=top + i, column=1, value=r["week"])
        ws.cell(row=top + i, column=2, value=r["open"])
        ws.cell(row=top + i, column=3, value=r["done"])
        ws.cell(row=top + i, column=4, value=r["overdue"])
    line = LineChart()
    line.title = _t(lang, f"近 {len(rows)} 周趋势", f"Trend of the last {len(rows)} weeks")
    _axes(line, _t(lang, "周次", "Week"), _t(lang, "任务数", "Tasks"))
    if rows:
        data = Reference(ws, min_col=2, max_col=4, min_row=top, max_row=top + len(rows))
        cats = Reference(ws, min_col=1, min_row=top + 1, max_row=top + len(rows))
        line.add_data(data, titles_from_data=True)
        line.set_categories(cats)
    line.width, line.height = 24, 10
    ws.add_chart(line, f"F{top}")
