"""Read a batch of tracking updates (`taskctl progress --from-file`): a CSV file with a header row
naming the task column (id or KEY:NUMBER) and any of status, percent and note."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from taskctl.errors import InputError

#: field → header words that name it (compared after NFKC, case-folded, without spaces).
UPDATE_HEADERS: dict[str, tuple[str, ...]] = {
    "task": ("id", "task", "任务", "编号", "任务编号"),
    "status": ("status", "状态", "新状态"),
    "percent": ("percent", "%", "进度", "进度%", "新进度", "新进度%"),
    "note": ("note", "text", "progress", "说明", "进展", "本期进展"),
}


@dataclass(frozen=True)
class UpdateRow:
    """One data row: its row number in the file (the header is row 1) and the cells as typed."""

    row: int
    task: str
    status: str
    percent: str
    note: str


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def read_updates(path: str) -> list[UpdateRow]:
    """The filled rows of an updates CSV (UTF-8, with or without BOM, or GB18030), in file order.

    Refused with one line naming the file: unreadable, no header with a task column, an unknown
    column. Rows whose cells are all empty are skipped.
    """
    from taskctl.ingest.ledger import csv_grid

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=path) from None
    grid = csv_grid(data, source=path)
    if not grid:
        raise InputError(
            "empty file: expected a header row (id, status, percent, note)", source=path
        )
    words = {_key(word): name for name, names in UPDATE_HEADERS.items() for word in names}
    columns: dict[str, int] = {}
    for index, cell in enumerate(grid[0]):
        if not cell.strip():
            continue
        name = words.get(_key(cell))
        if name is None:
            raise InputError(
                f"unknown column {cell.strip()!r} (use id, status, percent, note)", source=path
            )
        columns[name] = index
    if "task" not in columns:
        raise InputError("no id column in the header row (id, status, percent, note)", source=path)

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    rows = []
    for number, row in enumerate(grid[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        rows.append(
            UpdateRow(
                number,
                cell(row, "task"),
                cell(row, "status"),
                cell(row, "percent"),
                cell(row, "note"),
            )
        )
    return rows
