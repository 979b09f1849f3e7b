"""Read a filled ledger (台账) back: .xlsx (openpyxl, imported lazily) or .csv, into plain rows.

Columns are found by their header in either language (the export writes Chinese or English headers);
the values are returned as typed in the cell, for `taskctl.store.ledger` to validate.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taskctl.errors import InputError

#: field → header words that name it (either language, compared after NFKC, case-folded, no spaces).
LEDGER_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "id", "任务编号"),
    "number": ("序号", "no.", "number"),
    "title": ("任务", "task", "title"),
    "role": ("角色", "role"),
    "deadline": ("完成时限", "deadline"),
    "status": ("状态", "status"),
    "percent": ("进度%", "percent", "进度"),
    "latest_progress": ("最新进展", "latestprogress"),
    "new_status": ("新状态", "newstatus"),
    "new_percent": ("新进度%", "新进度", "newpercent"),
    "progress_text": ("本期进展", "progressthisperiod", "progress"),
    "new_deadline": ("新时限", "newdeadline"),
    "note": ("说明", "note"),
    "version": ("版本", "version"),
}
#: The fields a clerk fills in.
INPUT_FIELDS = ("new_status", "new_percent", "progress_text", "new_deadline", "note")
LEDGER_SHEET = "台账"


@dataclass
class LedgerRow:
    """One data row of a ledger: its row number in the file and the raw cell values."""

    row: int
    task: Any
    version: Any
    new_status: Any = None
    new_percent: Any = None
    progress_text: Any = None
    new_deadline: Any = None
    note: Any = None

    def filled(self) -> bool:
        """True when any of the columns a clerk fills in holds something."""
        return any(not _blank(getattr(self, name)) for name in INPUT_FIELDS)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_key(text: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split()).casefold()


_LOOKUP = {_header_key(word): name for name, words in LEDGER_HEADERS.items() for word in words}


def _columns(header: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _LOOKUP.get(_header_key(cell))
        if name and name not in found:
            found[name] = index
    return found


def read_ledger(path: str | Path) -> list[LedgerRow]:
    """The data rows of a ledger file (.xlsx or .csv), each with its 1-based row number."""
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise InputError("no such file", source=source)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        grid = _read_csv(path)
    else:
        raise InputError("a ledger is an .xlsx or .csv file", source=source)
    for header_index, header in enumerate(grid[:10]):  # noqa: B007 - used after the loop
        columns = _columns(header)
        if "id" in columns and any(name in columns for name in INPUT_FIELDS):
            break
    else:
        raise InputError(
            "no ledger header row (编号 … 新状态 / 新进度% / 本期进展) found", source=source
        )
    if "version" not in columns:
        raise InputError(
            "the version column (版本) is missing; export the ledger again", source=source
        )
    rows: list[LedgerRow] = []
    for offset, cells in enumerate(grid[header_index + 1 :], start=header_index + 2):

        def get(name: str, cells: list[Any] = cells) -> Any:
            index = columns.get(name)
            if index is None or index >= len(cells):
                return None
            value = cells[index]
            return value.strip() if isinstance(value, str) else value

        task = get("id")
        if _blank(task) and not any(not _blank(get(name)) for name in INPUT_FIELDS):
            continue
        rows.append(
            LedgerRow(
                row=offset,
                task=task,
                version=get("version"),
                **{name: get(name) for name in INPUT_FIELDS},
            )
        )
    return rows


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, xml and format errors alike
        raise InputError(f"cannot read the workbook: {exc}", source=str(path)) from None
    sheet = book[LEDGER_SHEET] if LEDGER_SHEET in book.sheetnames else book.worksheets[0]
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return grid


def _read_csv(path: Path) -> list[list[Any]]:
    return csv_grid(path.read_bytes(), source=str(path))


def csv_grid(data: bytes, *, source: str) -> list[list[str]]:
    """The cells of a CSV file a clerk saved (UTF-8, with or without BOM, or GB18030)."""
    import csv
    import io

    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("cannot decode the CSV file (UTF-8 or GB18030)", source=source)
    return [list(row) for row in csv.reader(io.StringIO(text))]
