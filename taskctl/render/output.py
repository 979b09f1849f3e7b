"""Send a report where the user asked: the terminal, standard output, or a file in any format."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from taskctl.errors import InvalidValueError
from taskctl.render import BINARY_FORMATS, FORMATS, Report, format_for

DEFAULT_TERMINAL_LIMIT = 200


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def emit(
    report: Report,
    *,
    fmt: str | None,
    output: str | None,
    lang: str,
    ascii_only: bool = False,
    limit: int | None = None,
) -> None:
    """Render `report` as `fmt` (or the format of `output`'s extension) to `output` or stdout.

    A streamed report (`Report.batches`) is written as its rows come off the cursor in json, csv,
    md and plain text; the terminal table holds only the rows it shows, html, xlsx and docx all."""
    fmt = format_for(fmt, output)
    if fmt not in FORMATS:
        raise InvalidValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    to_file = bool(output) and output != "-"
    if fmt in BINARY_FORMATS and not to_file:
        raise InvalidValueError(f"--format {fmt} needs -o FILE (it is a binary file)")
    if fmt in BINARY_FORMATS or fmt == "html":
        report.materialize()  # a document holds its rows (a streamed report: taken off the cursor)
    if fmt in BINARY_FORMATS:
        from pathlib import Path

        if fmt == "xlsx":
            from taskctl.render.xlsx import write_xlsx as write
        else:
            from taskctl.render.docx import write_docx as write
        write(report, Path(output), lang)  # type: ignore[arg-type]
        return
    from taskctl.render import text as textfmt

    chunks: Iterable[str]
    if fmt == "json":
        chunks = textfmt.json_chunks(report)
    elif fmt == "csv":
        chunks = textfmt.csv_chunks(report, lang)
    elif fmt == "md":
        chunks = textfmt.md_chunks(report, lang)
    elif fmt == "html":
        from taskctl.render.html import to_html

        chunks = [to_html(report, lang)]
    elif not to_file and _is_terminal():
        console = terminal_console()
        if limit is None:
            limit = DEFAULT_TERMINAL_LIMIT
        shown = limit if limit > 0 else None
        report.keep_first(shown)  # a streamed report: the first rows held, the others counted
        textfmt.print_table(report, console, lang, ascii_only=ascii_only, limit=shown)
        return
    else:
        chunks = textfmt.plain_chunks(report, lang, limit=limit, ascii_only=ascii_only)
    if to_file:
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        newline = "" if fmt == "csv" else None
        with open(output, "w", encoding=encoding, newline=newline) as fh:  # type: ignore[arg-type]
            fh.writelines(chunks)
    else:
        sys.stdout.writelines(chunks)
        sys.stdout.flush()


def terminal_console():  # type: ignore[no-untyped-def]
    """A rich console for stdout; colour off with NO_COLOR (rich honours it) or when not a terminal."""
    from rich.console import Console

    return Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")))
