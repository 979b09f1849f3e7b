"""Text renderers: rich terminal table, plain aligned text, JSON, CSV (UTF-8 with BOM), Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from taskctl.render import Report, bar_text, cell_text, export_columns, json_value

if TYPE_CHECKING:
    from rich.console import Console

LIGHT_STYLES = {"red": "bold red", "yellow": "bold yellow", "green": "green"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (`=HYPERLINK(…)` → `'=HYPERLINK(…)`)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _json_rows(report: Report, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    cols = export_columns(report)
    return [
        {c.key: json_value(row.get(c.key)) for c in cols}
        for row in (report.rows if rows is None else rows)
    ]


def to_json(report: Report) -> str:
    """The rows as a JSON array of objects (keys as the report gives them).

    A report with sections (the weekly summary) is one object instead: title, subtitle, summary, its own
    rows, and `sections`, a list of {key, title, summary, rows}; nothing is dropped.
    """
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """`to_json`'s text in pieces: a long listing is encoded a batch of rows at a time, so that no
    copy of the whole document is ever held."""
    import json

    if not report.sections:
        first = True
        for batch in report.row_batches():
            if not batch:
                continue
            yield "[\n" if first else ",\n"
            first = False
            # one batch as an indented array, less its brackets: the same text as one dumps
            yield json.dumps(_json_rows(report, batch), ensure_ascii=False, indent=2)[2:-2]
        yield "[]\n" if first else "\n]\n"
        return
    doc = {
        "title": report.title,
        "subtitle": report.subtitle,
        "summary": report.summary,
        "rows": _json_rows(report),
        "sections": [
            {"key": s.key, "title": s.title, "summary": s.summary, "rows": _json_rows(s)}
            for s in report.sections
        ],
    }
    yield json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: Any, kind: str, lang: str) -> str:
    """One CSV/spreadsheet cell as text: numbers as they are, any other text neutralised."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return neutralise(cell_text(value, kind, lang))


def to_csv(report: Report, lang: str) -> str:
    """CSV with a header row, formula cells neutralised; the caller adds the BOM when writing a file.

    Sections follow the main table, each after an empty line and a line with its title.
    """
    return "".join(csv_chunks(report, lang))


def csv_chunks(report: Report, lang: str) -> Iterator[str]:
    """`to_csv`'s text in pieces of `BATCH` rows."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    tables = [(None, report), *((s.title, s) for s in report.sections)]
    for title, table in tables:
        if title is not None:
            writer.writerow([])
            writer.writerow([neutralise(title)])
        for _ in _csv_table(writer, table, lang):
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _csv_table(writer: Any, report: Report, lang: str) -> Iterator[None]:
    """Write the table's rows; pause after every `BATCH` of them for the caller to take the text."""
    cols = export_columns(report)
    writer.writerow([c.header(lang) for c in cols])
    for batch in report.row_batches():
        for row in batch:
            writer.writerow([csv_cell(row.get(c.key), c.kind, lang) for c in cols])
        yield


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: Report, lang: str) -> str:
    """A Markdown document: title, subtitle, summary, one pipe table (and one per section)."""
    return "".join(md_chunks(report, lang))


def md_chunks(report: Report, lang: str) -> Iterator[str]:
    """`to_markdown`'s text in pieces: the main table a batch of rows at a time, so a streamed
    report is written as it comes off the cursor. When its summary line (above the table) waits for
    the rows, the table waits in a `Spool` (on disk when long) until the last row has passed."""
    cols = export_columns(report, for_people=True)
    body = (
        "\n".join(_md_rows(cols, batch, lang)) + "\n" for batch in report.row_batches() if batch
    )
    if report.summary_pending:
        from taskctl.reports.spool import Spool

        spool = Spool()
        for piece in body:
            spool.add(piece)
        body = iter(spool)
    head = [f"# {report.title}", ""]
    if report.subtitle:
        head += [report.subtitle, ""]
    if report.summary:
        head += [report.summary, ""]
    head += _md_head(cols, lang)
    yield "\n".join(head) + "\n"
    yield from body
    for section in report.sections:
        out = ["", f"## {section.title}", ""]
        if section.summary:
            out += [section.summary, ""]
        out += _md_table(section, lang)
        yield "\n".join(out) + "\n"


def _md_head(cols: list, lang: str) -> list[str]:  # type: ignore[type-arg]
    return [
        "| " + " | ".join(_md_cell(c.header(lang)) for c in cols) + " |",
        "|" + "|".join("---" for _ in cols) + "|",
    ]


def _md_rows(cols: list, rows: list[dict[str, Any]], lang: str) -> list[str]:  # type: ignore[type-arg]
    return [
        "| " + " | ".join(_md_cell(cell_text(row.get(c.key), c.kind, lang)) for c in cols) + " |"
        for row in rows
    ]


def _md_table(report: Report, lang: str) -> list[str]:
    cols = export_columns(report, for_people=True)
    return _md_head(cols, lang) + _md_rows(cols, report.rows, lang)


def _stack(text: str, width: int) -> str:
    """Break a long header over a narrow number column into lines: English at its spaces
    (Lead/overdue), CJK every `width` cells (牵头/逾期), which rich would not do by itself."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    if " " in text:
        return "\n".join(text.split())
    lines, line = [], ""
    for ch in text:
        if line and cell_len(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join([*lines, line])


#: Columns a narrow terminal gives up first, in this order, when the table would not fit; the id,
#: number, title, lead units, deadline, days, light and status stay.
DROP_FIRST = (
    "latest_progress_date",
    "persons",
    "kind",
    "bar",
    "lead_done",
    "support_total",
    "responsible_total",
    "support_open",
    "responsible_open",
    "aliases",
    "actor",
    "support",
    "percent",
    "original_deadline",
    "deadline_text",
    "number",
    "responsible",
    "latest_progress",
    "note",
    "role",
)
#: Narrowest a folding column may get: the task title keeps 8 Chinese characters a line.
TITLE_MIN = 16
WRAP_MIN = 8


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _fit_columns(cols: list[Any], needs: list[int], width: int | None) -> list[int]:
    """Indexes of the columns to keep so that their narrowest widths (plus borders) fit `width`."""
    keep = list(range(len(cols)))
    if width is None:
        return keep
    for key in DROP_FIRST:
        if sum(needs[i] + 3 for i in keep) + 1 <= width or len(keep) <= 2:
            break
        keep = [i for i in keep if cols[i].key != key]
    return keep


def _wrap_widths(
    cols: list[Any], widest: list[int], mins: list[int], width: int | None, lang: str
) -> dict[int, int]:
    """Widths of the folding columns when the table would not fit `width` as it is: each gets its
    narrowest, and the room left is shared by how much more each would take.

    Rich's own squeeze takes from the widest folding column first and then gives a column its minimum
    back, which leaves a table wider than the terminal (cut off at the right edge)."""
    from rich.cells import cell_len

    if width is None:
        return {}
    wrap = [i for i, c in enumerate(cols) if c.wrap]
    natural = [max(widest[i], mins[i], 1) for i in range(len(cols))]
    for i in wrap:
        natural[i] = max(natural[i], *(cell_len(w) for w in cols[i].header(lang).split()))
    frame = 3 * len(cols) + 1
    if not wrap or sum(natural) + frame <= width:
        return {}
    room = width - frame - sum(natural[i] for i in range(len(cols)) if i not in wrap)
    if room < sum(mins[i] for i in wrap):
        # even at their narrowest the folding columns do not fit: share what is left, 4 cells each
        # at least (rich would otherwise cut the table at the right edge)
        floor = {i: min(mins[i], 4) for i in wrap}
        spare = max(room - sum(floor.values()), 0)
        extra = sum(mins[i] - floor[i] for i in wrap) or 1
        return {i: floor[i] + spare * (mins[i] - floor[i]) // extra for i in wrap}
    room -= sum(mins[i] for i in wrap)
    wants = {i: natural[i] - mins[i] for i in wrap}
    total = sum(wants.values()) or 1
    given = {i: mins[i] + min(wants[i], room * wants[i] // total) for i in wrap}
    return given


def rich_table(  # type: ignore[no-untyped-def]
    report: Report,
    lang: str,
    *,
    ascii_only: bool = False,
    limit: int | None = None,
    with_title: bool = True,
    width: int | None = None,
):
    """A rich Table of the report's terminal columns; long text folds instead of vanishing.

    Columns that no shown row fills only take room and are left out; on a terminal `width` cells
    wide, the columns of `DROP_FIRST` go one by one until the rest fit (the file formats keep all).
    """
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    rows = report.rows if limit is None else report.rows[:limit]
    cols = [
        c
        for c in report.columns
        if c.table and not (rows and all(_blank(r.get(c.key)) for r in rows))
    ]
    texts = [[cell_text(row.get(c.key), c.kind, lang) for c in cols] for row in rows]
    widest = [max((cell_len(t[i]) for t in texts), default=0) for i in range(len(cols))]
    for i, c in enumerate(cols):
        if c.kind == "light" and not ascii_only:
            widest[i] += 2
    mins = []
    for i, c in enumerate(cols):
        # a header folds at its spaces (Days / overdue), never inside a word
        word = min(max(cell_len(w) for w in c.header(lang).split() or [""]), 12)
        if c.wrap:
            floor = TITLE_MIN if c.key == "title" else WRAP_MIN
            mins.append(max(min(widest[i], floor), word, 2))
        elif c.kind in ("int", "percent"):
            # a Chinese header stacks over the number (逾期/天数), an English one at its spaces
            mins.append(min(max(widest[i], 4, word if " " in c.header(lang) else 4), 24))
        else:
            mins.append(min(max(widest[i], cell_len(c.header(lang)), 2), 24))
    keep = _fit_columns(cols, mins, width)
    cols = [cols[i] for i in keep]
    texts = [[t[i] for i in keep] for t in texts]
    widest = [widest[i] for i in keep]
    mins = [mins[i] for i in keep]
    fixed = _wrap_widths(cols, widest, mins, width, lang)
    table = Table(
        title=Text(report.title) if with_title and report.title else None,
        box=box.ASCII if ascii_only else box.SQUARE,
        show_lines=False,
        header_style="bold",
        title_justify="left",
        safe_box=ascii_only,
    )
    for i, c in enumerate(cols):
        header = c.header(lang)
        if c.kind in ("int", "percent"):
            header = _stack(header, max(widest[i], 4))
        table.add_column(
            Text(header),
            overflow="fold",
            # numbers never wrap (their min width holds them); their long headers may fold
            no_wrap=not c.wrap and c.kind in ("date", "status", "light", "bar"),
            justify="right" if c.kind in ("int", "percent") else "left",
            ratio=3 if c.wrap else None,
            # short columns keep their width; long ones (titles, unit lists) fold instead
            min_width=mins[i],
            width=fixed.get(i),
        )
    for row, row_texts in zip(rows, texts, strict=True):
        cells: list[Any] = []
        for c, text in zip(cols, row_texts, strict=True):
            if c.kind == "light" and row.get(c.key):
                # the bullet is East Asian "ambiguous" width: left out with --ascii
                shown = text if ascii_only else "● " + text
                cells.append(Text(shown, style=LIGHT_STYLES.get(row[c.key], "")))
            elif c.kind == "bar" and row.get(c.key) is not None:
                cells.append(Text(bar_text(row[c.key], ascii_only=ascii_only), style="cyan"))
            else:
                cells.append(Text(text))  # a str would be read as rich markup: [高新处] vanishes
        table.add_row(*cells)
    return table


def print_table(
    report: Report,
    console: Console,
    lang: str,
    *,
    ascii_only: bool = False,
    limit: int | None = None,
) -> None:
    """Print title, subtitle, summary, table, an "N more" line and the sections to a rich console."""
    if report.title:
        console.print(report.title, style="bold", highlight=False, markup=False)
    if report.subtitle:
        console.print(report.subtitle, highlight=False, markup=False)
    if report.summary:
        console.print(report.summary, highlight=False, markup=False)
    if report.rows or not report.title:
        table = rich_table(
            report,
            lang,
            ascii_only=ascii_only,
            limit=limit,
            with_title=False,
            width=console.width,
        )
        console.print(table)
    else:
        console.print(empty_line(lang), highlight=False, markup=False)
    more = report.omitted + (max(len(report.rows) - limit, 0) if limit is not None else 0)
    if more:
        console.print(more_line(more, lang, ascii_only=ascii_only), highlight=False, markup=False)
    for section in report.sections:
        console.print()
        print_table(section, console, lang, ascii_only=ascii_only, limit=limit)


def empty_line(lang: str) -> str:
    """What a titled table without rows shows instead of an empty grid."""
    return "（无）" if lang == "zh" else "(none)"


def more_line(more: int, lang: str, *, ascii_only: bool = False) -> str:
    """The line under a table cut by --limit (no "…" with --ascii)."""
    dots = "..." if ascii_only else "…"
    if lang == "zh":
        return f"{dots} 另有 {more} 行 (--limit 0 显示全部)"
    return f"{dots} {more} more rows (--limit 0 shows all)"


def plain_table(report: Report, lang: str) -> str:
    """Aligned plain text for pipes and files: fast for 10,000 rows, columns padded by display width."""
    return "".join(plain_chunks(report, lang))


def plain_chunks(
    report: Report, lang: str, *, limit: int | None = None, ascii_only: bool = False
) -> Iterator[str]:
    """`plain_table`'s text in pieces of `BATCH` lines, never joined all at once. With `limit`
    (above 0) the table stops there with an "N more" line; the sections follow whole.

    Every column is padded to its widest cell, so no line can be written before the last row is
    known: the rows pass once, a batch at a time, each batch's cells formatted and measured and
    then kept in a `Spool` (on disk when long); the lines are padded as the spool is read back.
    A streamed report's summary, above the table, is known by then too."""
    from taskctl.reports.spool import Spool

    cols = [c for c in report.columns if c.table]
    header = [_measured([c.header(lang)]) for c in cols]
    widths = [width for _, _, width in header]
    keep = limit if limit and limit > 0 else None
    spool, shown = Spool(), 0
    for batch in report.row_batches():
        if keep is not None:
            if shown >= keep:
                continue  # counted (and summed up), not shown
            batch = batch[: keep - shown]
        if batch:
            shown += len(batch)
            spool.add(_column_cells(cols, batch, lang, widths))
    total = report.row_count()
    head = [line for line in (report.title, report.subtitle, report.summary) if line]
    if not shown and report.title:
        yield "\n".join([*head, empty_line(lang)]) + "\n"
    else:
        titles = [(cells, extra) for cells, extra, _ in header]
        yield "\n".join([*head, *_padded_lines(titles, widths)]) + "\n"
        yield "  ".join("-" * w for w in widths) + "\n"
        for piece in spool:
            yield "\n".join(_padded_lines(piece, widths)) + "\n"
    if shown < total:  # say so instead of dropping rows silently
        yield more_line(total - shown, lang, ascii_only=ascii_only) + "\n"
    for section in report.sections:
        yield "\n"
        yield from plain_chunks(section, lang)


def _measured(cells: list[str]) -> tuple[list[str], list[int] | None, int]:
    """A column's cells on one line each, their wide characters per cell (`_wide_extra`) and the
    display width of the widest."""
    from operator import add

    if "\n" in "".join(cells):
        cells = [c.replace("\n", " ") for c in cells]
    extra = _wide_extra(cells)
    if extra is None:
        return cells, None, max(map(len, cells))
    return cells, extra, max(map(add, map(len, cells), extra))


def _column_cells(
    cols: list[Any], rows: list[dict[str, Any]], lang: str, widths: list[int]
) -> list[tuple[list[str], list[int] | None]]:
    """One batch of rows as column lists of cell texts (with their wide characters), built column by
    column: each column's cells formatted and measured by C-level maps; `widths` grows to fit."""
    from taskctl.render import column_texts

    piece = []
    for i, col in enumerate(cols):
        cells, extra, width = _measured(column_texts(_values(rows, col.key), col.kind, lang))
        if width > widths[i]:
            widths[i] = width
        piece.append((cells, extra))
    return piece


def _padded_lines(
    piece: list[tuple[list[str], list[int] | None]], widths: list[int]
) -> Iterator[str]:
    """The lines of one batch's cells, every column but the last padded to its width (a wide
    character takes one place in the string and two on screen)."""
    from itertools import repeat
    from operator import sub

    last = len(piece) - 1
    columns = []
    for i, (cells, extra) in enumerate(piece):
        if i < last:
            if extra is None:
                cells = list(map(str.ljust, cells, repeat(widths[i])))
            else:
                cells = list(map(str.ljust, cells, map(sub, repeat(widths[i]), extra)))
        columns.append(cells)
    return map(str.rstrip, map("  ".join, zip(*columns, strict=True)))


def _values(rows: list[dict[str, Any]], key: str) -> list[Any]:
    """One column of the rows (None where a row lacks the key)."""
    from operator import itemgetter

    try:
        return list(map(itemgetter(key), rows))
    except KeyError:
        return [row.get(key) for row in rows]


def _wide_extra(cells: list[str]) -> list[int] | None:
    """Per cell, display width minus length (the wide characters); None for an all-ASCII column.
    Each distinct text is measured once."""
    from taskctl.render.cells import display_width

    if "".join(cells).isascii():
        return None
    known = {cell: display_width(cell) - len(cell) for cell in set(cells)}
    return list(map(known.__getitem__, cells))
