"""Write a unit's ledger (台账) as an .xlsx a clerk fills in Excel or WPS.

Columns: id, number, title, role, deadline, status, percent, latest progress — then the empty columns the
clerk fills: new status (a drop-down of status labels), new percent (0–100), progress this period, new
deadline and note. The task's version sits in a hidden last column; the sheet is protected (no password)
except for the fill-in columns, so ids and versions survive the round trip. Header bold and frozen.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from taskctl.labels import label
from taskctl.lifecycle import STATUSES
from taskctl.render import cell_text
from taskctl.render.text import neutralise

#: (field, cell kind, width cap) in sheet order; the fill-in columns follow the `FILL_FROM`th.
LEDGER_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", "int", 8),
    ("number", "text", 12),
    ("title", "text", 60),
    ("role", "role", 8),
    ("deadline", "date", 12),
    ("status", "status", 10),
    ("percent", "int", 8),
    ("latest_progress", "text", 40),
    ("new_status", "text", 12),
    ("new_percent", "text", 10),
    ("progress_text", "text", 40),
    ("new_deadline", "text", 14),
    ("note", "text", 24),
    ("version", "int", 8),
)
FILL_FIELDS = ("new_status", "new_percent", "progress_text", "new_deadline", "note")
SHEET_TITLE = "台账"


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_ledger_xlsx(
    rows: list[dict[str, Any]], path: str | Path, lang: str, *, unit: str | None = None
) -> None:
    """Write the ledger rows (from `taskctl.store.ledger.ledger_rows`) to `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    headers = [label(name, lang) for name, _, _ in LEDGER_COLUMNS]
    sheet.append(headers)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    # the fill-in columns start empty: give them their full width, room to type progress and dates
    widths = [
        cap if name in FILL_FIELDS else display_width(h) + 2
        for h, (name, _, cap) in zip(headers, LEDGER_COLUMNS, strict=True)
    ]
    for row in rows:
        values: list[Any] = []
        for index, (name, kind, cap) in enumerate(LEDGER_COLUMNS):
            value = row.get(name)
            if name in FILL_FIELDS:
                values.append(None)
                continue
            if name in ("id", "percent", "version"):
                values.append(value)
            else:
                value = neutralise(cell_text(value, kind, lang)) if value is not None else None
                values.append(value)
            shown = "" if value is None else str(value)
            widths[index] = max(widths[index], min(display_width(shown) + 2, cap))
        sheet.append(values)
    last = sheet.max_row
    fill_columns = [i + 1 for i, (name, _, _) in enumerate(LEDGER_COLUMNS) if name in FILL_FIELDS]
    wrap_columns = {"title", "latest_progress", "progress_text", "note"}
    for r in range(2, last + 1):
        for c, (name, _, _) in enumerate(LEDGER_COLUMNS, start=1):
            cell = sheet.cell(row=r, column=c)
            if name in wrap_columns:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if c in fill_columns:
                cell.protection = Protection(locked=False)
                cell.fill = fill
    for c in fill_columns:
        sheet.cell(row=1, column=c).fill = fill
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    version_letter = get_column_letter(len(LEDGER_COLUMNS))
    sheet.column_dimensions[version_letter].hidden = True
    sheet.freeze_panes = "A2"

    if last >= 2:
        letters = {name: get_column_letter(i + 1) for i, (name, _, _) in enumerate(LEDGER_COLUMNS)}
        choices = ",".join(label(f"status.{s}", lang) for s in STATUSES)
        status_list = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=label("new_status", lang),
            error=choices,
        )
        status_list.add(f"{letters['new_status']}2:{letters['new_status']}{last}")
        percent_range = DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="100",
            allow_blank=True,
            showErrorMessage=True,
            error="0–100",
        )
        percent_range.add(f"{letters['new_percent']}2:{letters['new_percent']}{last}")
        sheet.add_data_validation(status_list)
        sheet.add_data_validation(percent_range)

    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    protection.sort = False
    protection.autoFilter = False
    if unit:
        book.properties.title = f"{unit} {SHEET_TITLE}"
        book.properties.subject = unit
    book.save(str(path))
