"""Web pages: a plan saved from a government site (`.html`), or a page's source pasted as text.

The markup is read with the standard library's `html.parser`: block elements (`<p>`, `<div>`,
`<br>`, `<li>`, headings) end a line, scripts, styles and the `<head>` are left out, character
references are decoded, and white space inside a block is collapsed as a browser shows it. Tables
become grids, a cell spanning rows or columns repeated in each (as the .docx reader does); a
task-division table is read by the table reader, any other table gives its cells as text lines.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements that end a line of text.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
#: Elements whose content is not the page's text.
_SKIPPED = frozenset(["head", "script", "style", "noscript", "template", "iframe", "object", "svg"])
_MAX_SPAN = 100
_SPACE = re.compile(r"[ \t\r\n\f]+")
# Markup a text holds when it is a page's source: an <html>/<body> element, or several paragraph,
# line-break, division or table-cell tags.
_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|br|div|td|tr|li|table|span|h[1-6])\b[^<>]{0,300}>", re.IGNORECASE)
_MIN_TAGS = 4


def looks_like_html(text: str) -> bool:
    """True when `text` is a web page's markup rather than a document's text."""
    head = text[:20_000]
    if _PAGE.search(head):
        return True
    return len(_TAG.findall(head, 0, 20_000)) >= _MIN_TAGS


class _Table:
    """A table being read: rows of (text, rowspan, colspan) cells."""

    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []
        self.cell: list[str] | None = None
        self.spans = (1, 1)

    def grid(self) -> list[list[str]]:
        """The rows with spanning cells repeated in every row and column they cover."""
        grid: list[list[str]] = []
        pending: dict[tuple[int, int], str] = {}
        for index, row in enumerate(self.rows):
            out: list[str] = []
            cells = iter(row)
            column = 0
            while True:
                if (index, column) in pending:
                    out.append(pending.pop((index, column)))
                    column += 1
                    continue
                cell = next(cells, None)
                if cell is None:
                    break
                text, rowspan, colspan = cell
                for offset in range(colspan):
                    out.append(text)
                    for below in range(1, rowspan):
                        pending[(index + below, column + offset)] = text
                column += colspan
            grid.append(out)
        return grid


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str | list[list[str]]] = []
        self.line: list[str] = []
        self.skipping = 0
        self.tables: list[_Table] = []

    # text -----------------------------------------------------------------------------------------
    def _end_line(self) -> None:
        text = _SPACE.sub(" ", "".join(self.line)).strip()
        self.line = []
        if not text:
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            table.cell.append(text)
        else:
            self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "table":
            self._end_line()
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._close_cell()
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            table.cell = []
            values = dict(attrs)
            table.spans = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag in _BLOCKS:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and not self.skipping:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self.tables:
            self._close_cell()
            table = self.tables.pop()
            grid = table.grid()
            if self.tables and self.tables[-1].cell is not None:
                # a table inside a cell: its text joins the cell
                self.tables[-1].cell.extend(cell for row in grid for cell in row if cell)
            else:
                self.blocks.append(grid)
        elif tag in _BLOCKS:
            self._end_line()

    def _close_cell(self) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if table.cell is None:
            return
        self._end_line()
        text = "\n".join(table.cell)
        table.cell = None
        if not table.rows:
            table.rows.append([])
        table.rows[-1].append((text, *table.spans))

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._end_line()


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def page_blocks(text: str) -> list[str | list[list[str]]]:
    """The page's text lines and table grids, in page order."""
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return reader.blocks
