"""Excel workbooks (openpyxl, imported only here): one sheet per table, ready to print or forward.

Each sheet: the report's title, date range and summary in the first rows (when it has them), then a bold
header row with the panes frozen below it and an auto-filter, real numbers and dates (shown ISO), column
widths measured in display cells (a Chinese character counts 2), red/yellow/green fills on the light
column, and every text cell that begins with = + - @ neutralised against formula injection. A report
with sections (the weekly summary) gets its headline sheet and one sheet per section.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from taskctl.render import Column, Report, cell_text, export_columns
from taskctl.render.text import neutralise

#: Fill and font colours of the lights (Excel's own "bad / neutral / good" palette).
LIGHT_FILLS = {
    "red": ("FFC7CE", "9C0006"),
    "yellow": ("FFEB9C", "9C5700"),
    "green": ("C6EFCE", "006100"),
}
MAX_WIDTH = 60
WRAP_WIDTH = 50
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def display_width(text: str) -> int:
    """Display cells of `text` on its longest line: wide and full-width characters count 2."""
    best = 0
    for line in text.split("\n"):
        n = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)
        best = max(best, n)
    return best


def _value(value: Any, col: Column, lang: str) -> Any:
    """A cell value: numbers and dates as themselves, everything else as neutralised text."""
    if value is None:
        return None
    if (
        col.kind in ("int", "percent")
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return value
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return value
    return neutralise(cell_text(value, col.kind, lang))


def _sheet_name(title: str, key: str | None, taken: set[str]) -> str:
    name = _SHEET_BAD.sub(" ", title or key or "Sheet").strip()[:31] or "Sheet"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _fill_sheet(ws: Any, report: Report, lang: str, subtitle: str | None = None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = export_columns(report, for_people=True)
    row_no = 1
    for text, font in (
        (report.title, Font(bold=True, size=14)),
        (subtitle, Font(italic=True)),
        (report.summary, None),
    ):
        if text:
            cell = ws.cell(row=row_no, column=1, value=neutralise(text))
            if font is not None:
                cell.font = font
            row_no += 1
    if row_no > 1:
        row_no += 1  # one empty row between the heading lines and the table
    header_row = row_no
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    widths = [display_width(c.header(lang)) for c in cols]
    for i, c in enumerate(cols, start=1):
        cell = ws.cell(row=header_row, column=i, value=c.header(lang))
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    fills = {
        name: (PatternFill("solid", fgColor=bg), Font(color=fg, bold=True))
        for name, (bg, fg) in LIGHT_FILLS.items()
    }
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for r, row in enumerate(report.rows, start=header_row + 1):
        for i, c in enumerate(cols):
            raw = row.get(c.key)
            value = _value(raw, c, lang)
            cell = ws.cell(row=r, column=i + 1, value=value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = wrap if c.wrap else top
            if c.kind == "light" and raw in fills:
                cell.fill, cell.font = fills[raw]
            if value is not None:
                shown = cell_text(raw, c.kind, lang) if not isinstance(value, str) else value
                widths[i] = max(widths[i], display_width(shown))
    for i, c in enumerate(cols):
        cap = WRAP_WIDTH if c.wrap else MAX_WIDTH
        ws.column_dimensions[get_column_letter(i + 1)].width = min(cap, widths[i] + 2)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if cols:
        last = get_column_letter(len(cols))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(report.rows), 1)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_xlsx(report: Report, path: Path | str, lang: str) -> None:
    """Write `report` (and its sections, one sheet each) to an .xlsx file."""
    from openpyxl import Workbook

    wb = Workbook()
    taken: set[str] = set()
    ws = wb.active
    ws.title = _sheet_name(report.title, report.key, taken)
    _fill_sheet(ws, report, lang, report.subtitle)
    for section in report.sections:
        sheet = wb.create_sheet(_sheet_name(section.title, section.key, taken))
        _fill_sheet(sheet, section, lang)
    if report.key == "weekly" and any(s.key in ("workload", "trend") for s in report.sections):
        from taskctl.render.charts import add_weekly_charts

        name = _sheet_name("图表" if lang == "zh" else "Charts", "charts", taken)
        add_weekly_charts(wb, report, lang, sheet_name=name)
    wb.properties.title = report.title or None
    wb.properties.subject = report.subtitle
    wb.properties.description = report.summary
    wb.properties.creator = "taskctl"
    wb.save(str(path))
