"""Task-division tables pasted into a text file, rebuilt into rows for the table reader.

A table copied from a web page or from Word arrives as text in one of these shapes:

- one row a line, cells split by tabs, by `|` (a Markdown table too, its `---` rule skipped), or by
  runs of spaces (space-aligned columns; a header written letter-spaced, `工 作 任 务`, is one cell);
- one cell a line (`序号` / `重点工作` / `责任单位` …), rows found by their 序号 in sequence, a cell
  spread over several lines (a unit list, a wrapped task text) read by the shape of its lines.

The header is found with the table reader's header vocabulary (`vocab.TABLE_HEADERS`): a row naming a
task column and a unit, person or deadline column. Lines above it are title rows (the table reader
takes the title and plan year from them). `pasted_table_rows` returns None when the text holds no
such header, and the text is read as a numbered document instead.
"""

from __future__ import annotations

import re

from taskctl.ingest.tables import _ROLE_FIELDS, HEADER_SEARCH_ROWS, header_field

_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}")
_WIDE_GAP = re.compile(r"[ \t\u3000]{2,}")
_ANY_GAP = re.compile(r"[ \t\u3000]+")
_NUMBER = re.compile(r"^[0-9]{1,3}[.、]?$")
_PERSON = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}$")
_MAX_HEADER_LINE = 120


def _is_header(cells: list[str]) -> bool:
    names = {header_field(cell) for cell in cells}
    return "task" in names and bool(names & set(_ROLE_FIELDS))


def _split_letter_spaced(line: str) -> list[str]:
    """Cells of a line split by single spaces, single Chinese characters run back together
    (`序号 工 作 任 务 牵头负责部门` → 序号, 工作任务, 牵头负责部门)."""
    cells: list[str] = []
    joining = False
    for token in _ANY_GAP.split(line.strip()):
        single = len(token) == 1 and "\u4e00" <= token <= "\u9fff"
        if single and joining and cells:
            cells[-1] += token
        else:
            cells.append(token)
        joining = single
    return cells


_SPLITTERS = {
    "tab": lambda line: [cell.strip() for cell in line.strip().split("\t")],
    "pipe": lambda line: [cell.strip() for cell in line.strip().strip("|").split("|")],
    "gap": lambda line: [cell.strip() for cell in _WIDE_GAP.split(line.strip())],
    "space": _split_letter_spaced,
}


def _line_rows(lines: list[str]) -> list[list[str]] | None:
    """A table of one row a line: the first header line and the rows below it, by its splitter."""
    for index, line in enumerate(lines):
        if len(line) > _MAX_HEADER_LINE:
            continue
        for name, split in _SPLITTERS.items():
            if (name == "tab" and "\t" not in line) or (name == "pipe" and "|" not in line):
                continue
            header = split(line)
            if len(header) < 2 or not _is_header(header):
                continue
            return [
                *[[text] for text in lines[max(0, index - HEADER_SEARCH_ROWS + 1) : index]],
                header,
                *_body_rows(lines[index + 1 :], split, header),
            ]
    return None


def _body_rows(lines: list[str], split, header: list[str]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Rows of the header's width: extra cells join the task cell; a line of fewer cells that does
    not start a numbered row continues the row above (a cell wrapped onto the next line)."""
    width = len(header)
    fields = [header_field(cell) for cell in header]
    task = fields.index("task")
    rows: list[list[str]] = []
    for line in lines:
        if _MARKDOWN_RULE.match(line.strip()):
            continue
        cells = (
            [cell for cell in split(line) if cell != ""]
            if split is not _SPLITTERS["tab"]
            else split(line)
        )
        if len(cells) > width:
            extra = len(cells) - width
            cells = [
                *cells[:task],
                "".join(cells[task : task + extra + 1]),
                *cells[task + extra + 1 :],
            ]
        starts_row = fields[0] != "number" or bool(_NUMBER.match(cells[0]))
        if (
            rows
            and (len(cells) < width or not starts_row)
            and not (starts_row and len(cells) == width)
        ):
            rows[-1][task] += "".join(cells)
            continue
        rows.append(cells + [""] * (width - len(cells)))
    return rows


def _cell_lines_rows(lines: list[str]) -> list[list[str]] | None:
    """A table of one cell a line: a run of header lines, then rows started by their 序号."""
    for index in range(len(lines)):
        end = index
        while end < len(lines) and header_field(lines[end]) and len(lines[end]) <= 12:
            end += 1
        header = lines[index:end]
        if len(header) < 3 or not _is_header(header) or header_field(header[0]) != "number":
            continue
        fields = [header_field(cell) for cell in header]
        rows: list[list[str]] = [[text] for text in lines[max(0, index - 11) : index]]
        rows.append(header)
        expected = 1
        body: list[list[str]] = []
        for line in lines[end:]:
            if _NUMBER.match(line) and int(line.rstrip(".、")) in (expected, expected - 1):
                body.append([line.rstrip(".、")])
                expected = int(line.rstrip(".、")) + 1
            elif body:
                body[-1].append(line)
        rows.extend(_cells_of(row[0], row[1:], fields) for row in body)
        return rows
    return None


def _cells_of(number: str, lines: list[str], fields: list[str | None]) -> list[str]:
    """A row's cells from its lines, read from the last column back: a deadline is one short line,
    a unit column the unit-shaped lines, a person column the name-shaped lines; the rest is the task
    text (its lines joined)."""
    from taskctl.ingest.deadlines import is_time_phrase
    from taskctl.ingest.units import split_units, unit_problem

    cells = [""] * len(fields)
    cells[0] = number
    rest = list(lines)
    task = fields.index("task")
    for column in range(len(fields) - 1, task, -1):
        name = fields[column]
        taken: list[str] = []
        while len(rest) > 1:
            line = rest[-1]
            if name == "deadline":
                fits = not taken and (is_time_phrase(line) or len(line) <= 12)
            elif name == "persons":
                fits = bool(_PERSON.match(line))
            else:
                names = split_units(line)
                fits = bool(names) and all(unit_problem(n) is None for n in names)
            if not fits:
                break
            taken.insert(0, rest.pop())
        cells[column] = "、".join(taken)
    cells[task] = "".join(rest)
    return cells


def pasted_table_rows(text: str) -> list[list[str]] | None:
    """The rows of a task table pasted as text (see the module docstring), title rows first; None
    when the text holds no table header."""
    lines = [line.strip(" \u3000") for line in text.splitlines()]
    lines = [
        line.rstrip(" |").strip() if line.endswith("|") and line.count("|") == 1 else line
        for line in lines
    ]
    lines = [line for line in lines if line.strip()]
    return _line_rows(lines) or _cell_lines_rows(lines)
