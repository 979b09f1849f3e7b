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
from taskctl.vocab import COMPOSED_LABEL_PATTERN, TABLE_HEADERS

_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}")
_WIDE_GAP = re.compile(r"[ \t\u3000]{2,}")
_ANY_GAP = re.compile(r"[ \t\u3000]+")
_NUMBER = re.compile(r"^[0-9]{1,3}[.、]?$")
_PERSON = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}$")
_MAX_HEADER_LINE = 120
# Any header word (spaces allowed between its characters: `工 作 任 务`): lines without two of them
# are no header row, cells without one no header cell.
_HEADER_WORD = re.compile(
    "|".join(
        r"\s*".join(map(re.escape, word))
        for word in sorted({w for ws in TABLE_HEADERS.values() for w in ws}, key=len, reverse=True)
    )
)
# A column named by any composed unit label (`主责部门`, `协同单位`), counted besides the words above.
_LABEL_WORD = re.compile(COMPOSED_LABEL_PATTERN)


def _header_words(text: str, start: int = 0, end: int = 200_000) -> int:
    """How many header words `text[start:end]` holds."""
    return len(_HEADER_WORD.findall(text, start, end)) + len(
        [
            m
            for m in _LABEL_WORD.finditer(text, start, end)
            if not _HEADER_WORD.match(text, m.start())
        ]
    )


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
        if len(line) > _MAX_HEADER_LINE or _header_words(line, 0, len(line)) < 2:
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
    detail = len(fields) - 1 - fields[::-1].index("task")  # the last task column: the task's text
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
        if rows and len(cells) < width and _next_item(rows[-1][detail], cells[0]):
            # `11.提前做好…` alone (its unit cell cut or empty): a new row in the same group
            rows.append(rows[-1][:detail] + cells + [""] * (width - detail - len(cells)))
            continue
        if rows and 2 <= len(cells) < width and _cell_like(cells[-1]):
            # a row under a rowspanned cell (a category on its group's first row only): its cells
            # are the last columns (or, in a row cut short, the first that fit them), the first
            # ones are the row above's
            offset = next(
                (
                    k
                    for k in range(width - len(cells), 0, -1)
                    if all(_fits_column(fields[k + i], cell) for i, cell in enumerate(cells))
                ),
                width - len(cells),
            )
            rows.append(rows[-1][:offset] + cells + [""] * (width - offset - len(cells)))
            continue
        if (
            rows
            and (len(cells) < width or not starts_row)
            and not (starts_row and len(cells) == width)
        ):
            rows[-1][task] += "".join(cells)
            continue
        rows.append(cells + [""] * (width - len(cells)))
    return rows


def _next_item(previous: str, cell: str) -> bool:
    """True when `cell` starts with the item marker after the one `previous` starts with."""
    from taskctl.ingest.structure import match_marker

    before, marker = match_marker(previous), match_marker(cell)
    return (
        before is not None
        and marker is not None
        and marker.style == before.style
        and marker.value == before.value + 1
    )


def _cell_lines_rows(lines: list[str]) -> list[list[str]] | None:
    """A table of one cell a line: a run of header lines, then rows started by their 序号 (numbers
    in sequence). A header without a 序号 cell whose first column is a category (工作任务 beside
    具体要求) has its rows numbered all the same: the cells of a row after the detail columns are
    the next row's category (a rowspanned cell written once per group)."""
    for index in range(len(lines)):
        end = index
        while (
            end < len(lines)
            and len(lines[end]) <= 12
            and (_HEADER_WORD.search(lines[end]) or _LABEL_WORD.search(lines[end]))
            and header_field(lines[end])
        ):
            end += 1
        header = lines[index:end]
        if len(header) < 3 or not _is_header(header):
            continue
        fields = [header_field(cell) for cell in header]
        numbered = fields[0] == "number"
        if not numbered and fields.count("task") < 2:
            continue
        rows: list[list[str]] = [[text] for text in lines[max(0, index - 11) : index]]
        rows.append(header if numbered else ["序号", *header])
        expected = 1
        before: list[str] = []  # the first row's category
        body: list[list[str]] = []
        for line in lines[end:]:
            if _NUMBER.match(line) and int(line.rstrip(".、")) in (expected, expected - 1):
                body.append([line.rstrip(".、")])
                expected = int(line.rstrip(".、")) + 1
            elif body:
                body[-1].append(line)
            else:
                before.append(line)
        if not body:
            continue
        if numbered:
            rows.extend(_cells_of(row[0], row[1:], fields) for row in body)
            return rows
        detail = len(header) - 1  # the columns after the category
        category = "".join(before)
        for number, *cells in body:
            mine, following = cells[:detail], cells[detail:]
            rows.append([number, category, *mine, *[""] * (detail - len(mine))])
            if following:
                category = "".join(following)
        return rows
    return None


def _cells_of(number: str, lines: list[str], fields: list[str | None]) -> list[str]:
    """A row's cells from its lines. The task text is the first line and the lines after it that
    look like no other cell; the rest are given to the columns after the task column: one line
    each when they are as many, else from the last column back (a deadline is one line, a person
    column takes the name-shaped lines, a unit column the unit-shaped ones)."""
    cells = [""] * len(fields)
    cells[0] = number
    task = fields.index("task")
    after = len(fields) - task - 1
    split = 1
    while split < len(lines) and not _cell_like(lines[split]):
        split += 1
    task_lines, rest = lines[:split], lines[split:]
    if len(rest) == after:
        cells[task + 1 :] = rest
    else:
        for column in range(len(fields) - 1, task, -1):
            taken: list[str] = []
            while rest and _fits(fields[column], rest[-1], taken):
                taken.insert(0, rest.pop())
            cells[column] = "、".join(taken)
        task_lines += rest
    cells[task] = "".join(task_lines)
    return cells


def _cell_like(line: str) -> bool:
    """A line that is a unit, a person or a deadline rather than part of a task's text (a unit
    cell may say roles: `办公室牵头,各科室配合`)."""
    from taskctl.ingest.annotations import read_annotation
    from taskctl.ingest.deadlines import is_time_phrase
    from taskctl.ingest.units import split_units, unit_problem

    if is_time_phrase(line) or _PERSON.match(line):
        return True
    names = split_units(line)
    if names and all(unit_problem(n) is None for n in names):
        return True
    annotation = read_annotation(f"({line})")
    return annotation is not None and annotation.names_units()


def _fits_column(name: str | None, cell: str) -> bool:
    """Whether a cell's text can be in a column of this field (text columns take anything)."""
    if name in ("lead", "support", "responsible", "persons", "deadline"):
        return _fits(name, cell, [])
    return not _cell_like(cell) or name is None


def _fits(name: str | None, line: str, taken: list[str]) -> bool:
    from taskctl.ingest.deadlines import is_time_phrase
    from taskctl.ingest.units import split_units, unit_problem
    from taskctl.vocab import UNIT_NAME_ENDINGS

    if name == "deadline":
        return not taken and (is_time_phrase(line) or len(line) <= 12)
    if name == "persons":
        return bool(_PERSON.match(line)) and not line.endswith(UNIT_NAME_ENDINGS)
    names = split_units(line)
    return bool(names) and all(unit_problem(n) is None for n in names)


def pasted_table_rows(text: str) -> list[list[str]] | None:
    """The rows of a task table pasted as text (see the module docstring), title rows first; None
    when the text holds no table header."""
    from taskctl.ingest.structure import is_chrome

    if _header_words(text) < 2:
        return None
    lines = [line.strip(" \u3000") for line in text.splitlines()]
    lines = [
        line.rstrip(" |").strip() if line.endswith("|") and line.count("|") == 1 else line
        for line in lines
    ]
    # page chrome goes (`分享到:`), but not a row of a table split by `|`
    lines = [
        line for line in lines if line.strip() and not (is_chrome(line) and line.count("|") < 2)
    ]
    return _line_rows(_join_pipe_rows(lines)) or _cell_lines_rows(lines)


def _join_pipe_rows(lines: list[str]) -> list[str]:
    """Rows of a `|` table whose cells hold line breaks (`市国土资源局` / `市农牧林业局 | 2010年…|`):
    a line of cells not closed by `|` goes on in the next line."""
    barred = [line for line in lines if line.count("|") >= 2]
    if sum(line.endswith("|") for line in barred) * 2 <= len(barred):
        return lines  # rows not closed by `|` (`a | b | c`): a line is a row
    out: list[str] = []
    open_row = False
    for line in lines:
        if open_row:
            out[-1] += "、" + line if not line.startswith("|") else line
        else:
            out.append(line)
        open_row = line.count("|") >= 2 and not line.endswith("|")
    return out
