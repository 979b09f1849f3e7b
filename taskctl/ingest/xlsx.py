"""Read task-division tables kept in Excel (.xlsx, openpyxl) or exported as CSV.

Every sheet whose header names a task column and a unit or deadline column is read (sheets without
such a header — notes, charts, lists of units — are left out); merged cells are filled with their
top-left value before `taskctl.ingest.tables` reads the rows. A workbook is opened in normal mode
because read-only mode does not report merged cells. CSV is decoded like a text document
(`decode_bytes`: BOMs, UTF-8, GB18030 …) and its delimiter sniffed (`,` `;` tab `|`).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time

from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument
from taskctl.ingest.tables import (
    Sheet,
    find_header,
    find_ledger_header,
    ledger_unit,
    parse_ledger,
    parse_sheets,
)


def cell_text(value: object) -> str:
    """A cell value as text: dates as `2023年6月30日` (so deadlines read like typed ones)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            value = value.date()
        else:
            return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def workbook_sheets(data: bytes, *, source: str) -> tuple[list[Sheet], list[str | None]]:
    """Every worksheet of an .xlsx as a Sheet (merged cells filled), and the workbook's subject and
    title properties (a ledger names its unit there)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        detail = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise InputError(f"corrupt .xlsx file ({detail})", source=source) from None
    sheets: list[Sheet] = []
    properties = [book.properties.subject, book.properties.title]
    try:
        for worksheet in book.worksheets:
            rows = [[cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
            for merged in worksheet.merged_cells.ranges:
                top = merged.min_row - 1
                left = merged.min_col - 1
                if top >= len(rows) or left >= len(rows[top]):
                    continue
                value = rows[top][left]
                for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                    for c in range(merged.min_col - 1, merged.max_col):
                        if c < len(rows[r]):
                            rows[r][c] = value
            sheets.append(Sheet(name=worksheet.title, rows=rows))
    finally:
        book.close()
    if not any(any(cell.strip() for cell in row) for sheet in sheets for row in sheet.rows):
        raise InputError("empty workbook (no cell holds any text)", source=source)
    return sheets, properties


def csv_rows(data: bytes, *, source: str, encoding: str | None = None) -> list[list[str]]:
    """The rows of a CSV file in any common encoding, with its delimiter sniffed."""
    import csv

    from taskctl.ingest import decode_bytes

    text = decode_bytes(data, source=source, encoding=encoding)
    delimiter = sniff_delimiter(text)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc})", source=source) from None


#: Delimiters a CSV export may use, most usual first (ties go to the earlier one).
CSV_DELIMITERS = (",", "\t", ";", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter found on the most of the first lines (a title row may have none)."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_lines = ",", 0
    for delimiter in CSV_DELIMITERS:
        count = sum(1 for line in lines if delimiter in line)
        if count > best_lines:
            best, best_lines = delimiter, count
    return best


def read_xlsx(data: bytes, *, source: str, first_lead: bool = False) -> ParsedDocument:
    """The tasks of an .xlsx workbook: every sheet with a task-table header, or the first sheet."""
    sheets, properties = workbook_sheets(data, source=source)
    for sheet in sheets:
        if ledger := find_ledger_header(sheet.rows):
            unit = ledger_unit([*properties, sheet.name], source)
            return parse_ledger(sheet, ledger, source=source, unit=unit)
    with_header = [sheet for sheet in sheets if find_header(sheet.rows)]
    return parse_sheets(with_header or sheets[:1], source=source, first_lead=first_lead)


def read_csv(
    data: bytes, *, source: str, encoding: str | None = None, first_lead: bool = False
) -> ParsedDocument:
    """The tasks of a CSV task table."""
    from pathlib import Path

    rows = csv_rows(data, source=source, encoding=encoding)
    if ledger := find_ledger_header(rows):
        unit = ledger_unit([], source)
        return parse_ledger(Sheet(Path(source).stem, rows), ledger, source=source, unit=unit)
    return parse_sheets([Sheet(Path(source).stem, rows)], source=source, first_lead=first_lead)
