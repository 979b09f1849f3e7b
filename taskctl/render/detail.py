"""`taskctl show`: one task as a labelled panel, or as JSON."""

from __future__ import annotations

import json
from typing import Any

from taskctl.labels import label
from taskctl.render import cell_text, json_value


def print_detail(detail: dict[str, Any], fmt: str, lang: str) -> None:
    if fmt == "json":
        out = {k: json_value(v) for k, v in detail.items()}
        out["progress"] = [{k: json_value(v) for k, v in p.items()} for p in detail["progress"]]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from taskctl.render.output import terminal_console
    from taskctl.render.text import LIGHT_STYLES

    console: Console = terminal_console()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    fields = [
        ("id", "int"),
        ("number", "text"),
        ("title", "text"),
        ("status", "status"),
        ("light", "light"),
        ("lead", "list"),
        ("support", "list"),
        ("responsible", "list"),
        ("persons", "list"),
        ("deadline", "date"),
        ("original_deadline", "date"),
        ("deadline_text", "text"),
        ("percent", "int"),
        ("version", "int"),
    ]
    grid.add_row(label("document", lang), Text(f"{detail['document']} {detail['document_title']}"))
    for heading in detail["headings"]:
        grid.add_row("", Text(heading))
    for key, kind in fields:
        value = detail.get(key)
        if value in (None, [], ""):
            continue
        if key == "original_deadline" and value == detail.get("deadline"):
            continue
        if kind == "light":
            grid.add_row(label(key, lang), Text(cell_text(value, kind, lang), LIGHT_STYLES[value]))
            continue
        grid.add_row(label(key, lang), Text(cell_text(value, kind, lang)))
    revised = detail.get("plan_revised")
    if revised:
        # a revision moved the plan's deadline; the clerk's extension stays the deadline in force
        extension = cell_text(detail["deadline"], "date", lang)
        what = (
            f"计划时限 {revised['old']} → {revised['new']}，延期至 {extension} 保留"
            if lang == "zh"
            else f"planned deadline {revised['old']} → {revised['new']}; the extension to "
            f"{extension} is kept"
        )
        grid.add_row(label("plan_revised", lang), Text(what))
    if detail.get("removed_in"):
        grid.add_row(
            label("removed_in", lang),
            Text(
                f"第 {detail['removed_in']} 版修订时撤销"
                if lang == "zh"
                else f"from the plan by revision {detail['removed_in']}"
            ),
        )
    grid.add_row(label("full_text", lang), Text(detail["full_text"]))
    for p in detail["progress"]:
        pct = f" {p['percent']}%" if p["percent"] is not None else ""
        grid.add_row(
            "进展" if lang == "zh" else "Progress",
            f"{cell_text(p['time'], 'date', lang)} {p['actor']}{pct}: {p['text']}",
        )
    console.print(grid)
