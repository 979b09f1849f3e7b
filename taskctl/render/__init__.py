"""Render report rows: a rich table on a terminal, plain aligned text in a pipe, or a file format.

Renderers take a `taskctl.reports.report.Report` (title, columns, rows keyed by `Column.key` in English
snake_case). Every format shows the same columns. Heavy writers (openpyxl, python-docx, icalendar) are
imported only by the format that needs them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from taskctl.reports.report import Column, Report, column

__all__ = ["Column", "Report", "column"]

FORMATS = ("table", "json", "csv", "md", "html", "xlsx", "docx")
BINARY_FORMATS = ("xlsx", "docx")
EXTENSIONS = {
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".txt": "table",
}


def cell_text(value: Any, kind: str, lang: str) -> str:
    """A value as text for a terminal, csv, md, xlsx or docx cell (dates ISO, lists with 、)."""
    return cell_formatter(kind, lang)(value)


@functools.cache
def cell_formatter(kind: str, lang: str) -> Callable[[Any], str]:
    """The function `cell_text` applies to values of `kind`: one lookup per column, not per cell."""
    if kind == "list":
        return lambda v: "" if v is None else "、".join(map(str, v))
    if kind == "bar":
        return lambda v: "" if v is None else bar_text(v)
    if kind == "attributes":  # an annotation's other labelled parts: `实施范围:各自贸片区；备注:…`
        return lambda v: "；".join(f"{label}:{value}" for label, value in (v or {}).items())
    if kind in ("status", "light", "role", "unit_kind", "event"):
        from taskctl.labels import label

        return lambda v: "" if v is None else label(f"{kind}.{v}", lang)
    return _plain_text


def column_texts(values: list[Any], kind: str, lang: str) -> list[str]:
    """`cell_text` of a whole column: the common kinds in one comprehension, not a call per cell."""
    if kind == "list":
        try:
            return ["、".join(v) if v else "" for v in values]
        except TypeError:  # not all names are text: the cell formatter's way
            return list(map(cell_formatter(kind, lang), values))
    if kind == "attributes":
        return list(map(cell_formatter(kind, lang), values))
    if cell_formatter(kind, lang) is _plain_text:
        plain = _plain_text
        return [
            v
            if (t := type(v)) is str
            else v.isoformat()
            if t is date
            else str(v)
            if t is int
            else plain(v)
            for v in values
        ]
    fmt = cell_formatter(kind, lang)
    known: dict[Any, str] = {}  # labels: a handful of distinct values per column
    out = []
    for v in values:
        text = known.get(v)
        if text is None:
            text = known[v] = fmt(v)
        out.append(text)
    return out


def _plain_text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


def bar_text(percent: float, *, width: int = 10, ascii_only: bool = False) -> str:
    """A small bar for a percentage: `██████░░░░` (or `######....` with ascii_only)."""
    full = max(0, min(width, round(float(percent) * width / 100)))
    on, off = ("#", ".") if ascii_only else ("█", "░")
    return on * full + off * (width - full)


def json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def format_for(fmt: str | None, output: str | None) -> str:
    """The format named by `--format`, else by the output file's extension, else `table`."""
    if fmt:
        return fmt
    if output and output != "-":
        import os

        ext = os.path.splitext(output)[1].lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
    return "table"


def export_columns(report: Report, *, for_people: bool = False) -> list[Column]:
    """The columns a file carries; `for_people` (md, xlsx, docx) leaves out machine keys."""
    return [c for c in report.columns if c.export and (c.for_people or not for_people)]
