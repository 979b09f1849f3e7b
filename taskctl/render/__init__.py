"""Render report rows: a rich table on a terminal, plain aligned text in a pipe, or a file format.

A report is a title, a list of `Column`s and rows (dicts keyed by `Column.key`, English snake_case). Every
format shows the same columns; JSON writes each row's keys as they are. Heavy writers (openpyxl,
python-docx, icalendar) are imported only by the format that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

FORMATS = ("table", "json", "csv", "md", "xlsx", "docx")
BINARY_FORMATS = ("xlsx", "docx")
EXTENSIONS = {
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".txt": "table",
}


@dataclass
class Column:
    """One column: its JSON key, its header in both languages, how to show its values.

    kind: text | int | date | list | status | light | percent | role | unit_kind | bar (a percentage
    drawn as a small bar; terminal only).
    `table`: shown on the terminal; `export`: written by json, csv, md, xlsx and docx.
    """

    key: str
    zh: str
    en: str
    kind: str = "text"
    wrap: bool = False
    table: bool = True
    export: bool = True

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass
class Report:
    """What a report query returns and every renderer takes."""

    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    summary: str | None = None
    subtitle: str | None = None
    sections: list[Report] = field(default_factory=list)
    #: A stable English name (JSON key of a section, xlsx sheet fallback); optional.
    key: str | None = None


def column(key: str, kind: str = "text", **kw: Any) -> Column:
    """A column whose headers come from `taskctl.labels`."""
    from taskctl.labels import LABELS

    zh, en = LABELS.get(key, (key, key))
    return Column(key=key, zh=zh, en=en, kind=kind, **kw)


def cell_text(value: Any, kind: str, lang: str) -> str:
    """A value as text for a terminal, csv, md, xlsx or docx cell (dates ISO, lists with 、)."""
    from taskctl.labels import label

    if value is None:
        return ""
    if kind == "list":
        return "、".join(str(v) for v in value)
    if kind == "bar":
        return bar_text(value)
    if kind in ("status", "light", "role", "unit_kind", "event"):
        return label(f"{kind}.{value}", lang)
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


def export_columns(report: Report) -> list[Column]:
    return [c for c in report.columns if c.export]
