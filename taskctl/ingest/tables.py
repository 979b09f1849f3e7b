"""Task-division tables (任务分工表): one task per row, read from .docx, .xlsx and .csv alike.

The readers hand over plain grids of cell text in which a merged cell's text fills every cell it
covers (a lead unit merged over five rows is in all five; a section title merged across the row is
in every column). Here the header row is found (it may sit below a title row and span two rows),
columns are mapped by the synonyms in `taskctl.vocab.TABLE_HEADERS`, and each row becomes an
`ItemDraft`: section rows become headings, blank spacer rows and repeated header rows are skipped.
Unit cells are split with `annotations.split_units`, deadlines read with `deadlines.find_deadline`,
so a table lands in exactly the drafts the text parser would produce for the same plan.

The cells decide what some columns are: a task column of figures beside another one (`目标任务`:
26000) holds attributes; of two task columns, the first names each row's task when every row has
its own cell there (its title), else it groups the rows (headings); a column of another kind
before a single task column (`指标`) groups the rows when its cells are merged over several. Names
run together in one cell (`文化宣传股文化馆`) are read apart where another row names them apart.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from taskctl.errors import InputError
from taskctl.ingest.drafts import ItemDraft, ParsedDocument, ParseWarning
from taskctl.ingest.patterns import lazy
from taskctl.vocab import (
    GROUP_HEADER_ENDINGS,
    INLINE_ROLE_VERBS,
    LEAD_UNIT_MARKS,
    LEADER_HEADING_PATTERN,
    LEADING_WITH_SUPPORT,
    PERSON_HEADER_WORDS,
    PLAN_TITLE_WORDS,
    TABLE_HEADERS,
    WORK_HEADER_ENDINGS,
    chinese_numeral,
    label_role,
)

#: How many rows from the top of a sheet may hold titles before the header row.
HEADER_SEARCH_ROWS = 12
#: Fields that make a header row when found together with a task column.
_ROLE_FIELDS = ("lead", "support", "responsible", "persons", "deadline")
_NOTE_PREFIXES = ("注:", "注:", "备注:", "说明:", "注 :")
_SPACES_ONLY = lazy(r"[\s\u3000]+")
_BRACKETED = lazy(r"\([^()]*\)")
_LOOKUP = {
    "".join(unicodedata.normalize("NFKC", word).split()): name
    for name, words in TABLE_HEADERS.items()
    for word in words
}
_BY_LENGTH = sorted(_LOOKUP, key=len, reverse=True)


@dataclass
class Sheet:
    """One table: a name (sheet name or `table N`) and its rows of cell text, merged cells filled."""

    name: str
    rows: list[list[str]]


@dataclass
class Header:
    """Where a table's header is and which column holds what."""

    first_row: int  # 0-based index of the first header row
    last_row: int  # 0-based index of the last header row (first_row or the row below it)
    columns: dict[str, int] = field(default_factory=dict)
    task_columns: list[int] = field(default_factory=list)
    # columns of other kinds (`进展情况`, `备注`) → their header text: attributes of each task
    attributes: dict[int, str] = field(default_factory=dict)
    # a column naming each row's task in a few words (`重点任务`: 政策解读) beside its text column
    name_column: int | None = None
    # every column of persons, in order (`责任领导` then `责任人`)
    person_columns: list[int] = field(default_factory=list)
    # a second column of units in a role the header names already (`市里落实单位` | `局内负责处室`)
    extra_unit_columns: list[tuple[str, int]] = field(default_factory=list)
    # unit columns that name each unit's person too (`牵头单位及主要负责人`: `市民政局 伍泽国`)
    unit_person_columns: set[int] = field(default_factory=set)


def header_field(cell: str) -> str | None:
    """The field a header cell names (`牵头单位` → 'lead', `完成时限(年月)` → 'deadline'), or None."""
    key = "".join(unicodedata.normalize("NFKC", cell or "").split())
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    bare = _BRACKETED.sub("", key).strip("*:")
    if bare in _LOOKUP:
        return _LOOKUP[bare]
    # any annotation label names its column (`主责部门`, `协同单位`, `市级牵头单位`, `督办领导`)
    role = label_role(bare)
    if role is not None:
        return role
    # `牵头单位及责任人`, `主要工作任务`: a synonym inside a short cell
    if len(bare) <= 10:
        for word in _BY_LENGTH:
            # a two-character task word names only a whole cell (`项目`, not `项目业主`)
            if word in bare and (len(word) > 2 or _LOOKUP[word] == "number"):
                return _LOOKUP[word]
    return None


def exact_header_field(cell: str) -> str | None:
    """The field a header cell names by a whole header word or label (`牵头单位`, `主责部门`), not by
    a word inside it; None otherwise."""
    key = "".join(unicodedata.normalize("NFKC", cell or "").split())
    return _LOOKUP.get(key) or label_role(key)


def header_fields(cells: list[str]) -> list[str | None]:
    """The field each header cell names (`header_field`), with the task column a header leaves
    unnamed found by its place: a header that names no task column but a unit, person or deadline
    column has its task text in the column of another kind just before them, after the 序号 or
    columns grouping the rows (`序号 | 预期目标 | 责任单位 | 进展情况`, a district's quarterly progress
    table, 2021; `一级指标 | … | 五级指标 | 责任科室、单位`, a district bureau's assessment table)."""
    fields = [header_field(cell) for cell in cells]
    numbers = [index for index, name in enumerate(fields) if name == "number"]
    if "task" in fields and len(numbers) > 1 and fields.index("task") < numbers[-1]:
        # a second 序号 after the task column (`序号 | 类别 | 公开事项 | 序号 | 评分指标 | 分值 |
        # 责任部门`): the rows it numbers are the tasks, their text the column after it; the
        # columns before are groups
        after = numbers[-1] + 1
        if after < len(cells) and fields[after] is None:
            from taskctl.ingest.pasted import OTHER, header_kind

            if header_kind(cells[after]) == OTHER:
                fields[after] = "task"
    tasks = [index for index, name in enumerate(fields) if name == "task"]
    for before, later in itertools.pairwise(tasks):
        if exact_header_field(cells[later]) is None and any(
            fields[c] not in ("task", "number") for c in range(before + 1, later)
        ):
            # `工作任务 | 进展情况 | 存在问题和下步计划`: a column of another kind between them and
            # a task word only inside its name, the later is a report on the task, not its text
            fields[later] = None
    if "task" in fields:
        return fields
    roles = [index for index, name in enumerate(fields) if name in _ROLE_FIELDS]
    if not roles:
        return fields
    from taskctl.ingest.pasted import OTHER, header_kind

    # before the units: the 序号, or columns of other kinds that group the rows (`一级指标` … `四级
    # 指标`) or describe them (`检查对象`)
    before = range(roles[0])
    if not before or not all(
        fields[c] == "number" or (fields[c] is None and header_kind(cells[c]) == OTHER)
        for c in before
    ):
        return fields
    # the task's text: the last of them named for work (`抽查事项` before `检查对象`), else the last
    named = [
        c
        for c in before
        if fields[c] is None and "".join(cells[c].split()).endswith(WORK_HEADER_ENDINGS)
    ]
    column = named[-1] if named else roles[0] - 1
    if fields[column] is None:
        fields[column] = "task"
    return fields


def _row_fields(row: list[str]) -> dict[int, str]:
    return {index: name for index, name in enumerate(header_fields(row)) if name}


def _is_header_like(row: list[str], above: list[str]) -> bool:
    """A second header row: every filled cell names a field or repeats the (merged) cell above."""
    filled = [(i, cell.strip()) for i, cell in enumerate(row) if cell and cell.strip()]
    if not filled:
        return False
    named = 0
    for index, cell in filled:
        if header_field(cell):
            named += 1
        elif not (index < len(above) and above[index].strip() == cell):
            return False
    return named > 0


def find_header(rows: list[list[str]]) -> Header | None:
    """The header of a task-division table: a row (or two) naming a task column and at least one
    unit, person or deadline column, within the first rows. None when there is no such header."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = _row_fields(row)
        if not fields:
            continue
        last = index
        if index + 1 < len(rows) and _is_header_like(rows[index + 1], row):
            below = _row_fields(rows[index + 1])
            # the lower row is more specific (责任单位 over 牵头单位 | 配合单位)
            fields = {**fields, **below}
            last = index + 1
        names = set(fields.values())
        if "task" not in names or not (names & set(_ROLE_FIELDS)):
            continue
        texts = {
            column: next(
                (
                    r[column]
                    for r in reversed(rows[index : last + 1])  # the lower header row first
                    if column < len(r) and r[column]
                ),
                "",
            )
            for column in fields
        }
        counts = {column: 0 for column in fields}
        for row in rows[last + 1 :]:
            if len({cell for cell in row if cell}) < 2:
                continue  # a section row across the table, or a spacer
            for column, cell in enumerate(row):
                if column in counts and cell and cell.strip():
                    counts[column] += 1
        # a column the rows fill: on half of them at least as often as the fullest task column (a
        # group cell merged over many rows shows on few: `项目` over `重点工作目标任务`)
        most = max((counts[c] for c, name in fields.items() if name == "task"), default=0)
        filled = {column for column, count in counts.items() if count and 2 * count >= most}
        fields = {c: n for c, n in fields.items() if not late_task_column(c, fields, texts, filled)}
        names = set(fields.values())
        if "support" in names and "lead" not in names:
            # `承办单位 | 协办单位`: the unit that takes the work on beside its helpers leads it
            for column, name in fields.items():
                if name == "responsible" and "".join(texts[column].split()).startswith(
                    LEADING_WITH_SUPPORT
                ):
                    fields[column] = "lead"
        header = Header(first_row=index, last_row=last)
        for column, name in sorted(fields.items()):
            if name == "task":
                header.task_columns.append(column)
            elif name == "persons":
                header.person_columns.append(column)
            elif name in ("lead", "support", "responsible") and name in header.columns:
                header.extra_unit_columns.append((name, column))
            if name in ("lead", "support", "responsible") and any(
                word in texts[column] for word in PERSON_HEADER_WORDS
            ):
                header.unit_person_columns.add(column)
            if name == "number" and any(
                fields.get(other) == "task" for other in range(header.columns.get(name, 0), column)
            ):
                # a second 序号 after the groups' text (`序号 | 公开事项 | 序号 | 评分指标`): the rows'
                header.columns[name] = column
            header.columns.setdefault(name, column)
        header.attributes = _attribute_columns(rows[index : last + 1], fields)
        return header
    return None


def late_task_column(
    column: int, fields: dict[int, str], texts: dict[int, str], filled: set[int]
) -> bool:
    """Whether a task column is one of notes about the task: its header only holds a task word
    (`攻坚目标任务`, `工作任务安排`) and it stands after a column named exactly as the task column
    (`重点工作`) that the rows fill (`filled`: a column left empty is a group merged away, and the
    next one holds the task). Such a column is kept as an attribute (a township's progress table)."""
    if fields.get(column) != "task" or exact_header_field(texts.get(column, "")) is not None:
        return False
    return any(
        other < column
        and name == "task"
        and other in filled
        and exact_header_field(texts.get(other, "")) is not None
        # (a 序号 between them numbers the later column's rows: those are the tasks)
        and not any(fields.get(between) == "number" for between in range(other + 1, column))
        for other, name in fields.items()
    )


def _attribute_columns(header_rows: list[list[str]], fields: dict[int, str]) -> dict[int, str]:
    """Columns the header names but no field is read from (`进展情况`, `监督方式`, `备注`) → their
    header text (the lower row's when the header spans two rows); a cell merged across a named
    column (its text repeated) names nothing more."""
    named = {
        clean_cell(row[column])
        for row in header_rows
        for column in fields
        if column < len(row) and row[column]
    }
    found: dict[int, str] = {}
    for column in range(max(len(row) for row in header_rows)):
        if column in fields:
            continue
        texts = [clean_cell(row[column]) for row in header_rows if column < len(row)]
        text = next((text for text in reversed(texts) if text), "")
        text = "".join(text.split())
        if text and text not in named and text not in found.values():
            found[column] = text
    return found


#: A text needs at least this many `|` to be read as a table copied from a web page.
_PIPE_TABLE_MIN_BARS = 6


# A line of bars alone (`||`, `|||`): a row of one cell a line that merged cells left short.
_FILLER_LINE = lazy(r"^[ \t]*\|{2,}[ \t]*$", re.MULTILINE)


def pipe_table_rows(text: str) -> list[list[str]] | None:
    """The rows of a task table copied from a web page as text, each cell closed by `|` (`序号 |`,
    `目标与任务 |`, … one cell a line, rows not marked): the header is the longest run of cells naming
    columns, with a task column and a unit, person or deadline column; the cells after it are cut into
    rows of the header's width. Lines above the header are one-cell title rows. None when there is
    no such header."""
    from taskctl.ingest.pasted import header_kind, rows_fit

    if text.count("|") < _PIPE_TABLE_MIN_BARS:
        return None
    if any(
        line.count("|") >= 3
        and sum(bool(field) for field in header_fields([c.strip() for c in line.split("|")])) >= 2
        for line in text.splitlines()
    ):
        return None  # a row a line (`| 序号 | 重点任务 |`, Markdown): `ingest.pasted` reads those
    if _ROW_END.search(text) and len(_CELL_START.findall(text)) >= 2:
        return None  # cells opened by `| ` on their line, rows ended by a lone bar: `ingest.pasted`
    if len(_FILLER_LINE.findall(text)) >= 2:
        return None  # short rows closed by a bar for each merged cell (`||`): `ingest.pasted`
    pieces = text.split("|")
    # whatever follows the last bar closes no cell: the text after the table, or a cell cut where
    # the copy ends (`区经济信息委` without its bar), kept when it fills the last row's next cell
    tail = pieces.pop().strip()
    cells: list[str] = []
    above: list[str] = []
    for piece in pieces:
        lines = [line.strip() for line in piece.strip().splitlines() if line.strip()]
        if len(lines) > 1 and not cells:
            above.extend(lines[:-1])
            lines = lines[-1:]
        cells.append("\n".join(lines))
    for start in range(len(cells)):
        end = start
        # a header cell names a field or a column of another kind (`进展情况`: an attribute)
        while end < len(cells) and header_kind(cells[end]) and "\n" not in cells[end]:
            end += 1
        names = set(header_fields(cells[start:end]))
        if end - start < 2 or "task" not in names or not (names & set(_ROLE_FIELDS)):
            continue
        width = end - start
        body = cells[end:]
        if "number" not in names and [c for c in body if c.isdigit()][:2] == ["1", "2"]:
            return None  # numbered rows under a header without 序号: `ingest.pasted` reads those
        rows = [body[index : index + width] for index in range(0, len(body), width)]
        if not rows_fit(cells[start:end], rows):
            return None  # rows shorter than the header (a merged cell left out): `ingest.pasted`
        title_rows = [[line] for line in above]
        title_rows += [[line] for cell in cells[:start] for line in cell.splitlines()]
        body = cells[end:]
        if tail and "\n" not in tail and len(body) % width:
            body.append(tail)
        rows = [body[index : index + width] for index in range(0, len(body), width)]
        rows = [row + [""] * (width - len(row)) for row in rows]
        return [*title_rows[-(HEADER_SEARCH_ROWS - 1) :], cells[start:end], *rows]
    return None


_ROW_END = lazy(r"^[ \t]*\|[ \t]*$", re.MULTILINE)
_CELL_START = lazy(r"^[ \t]*\|[ \t]*[^\s|]", re.MULTILINE)

#: Lines a pasted table may have above its header (a title, a date line).
_TAB_TABLE_MAX_TITLE_LINES = 3


def tab_table_rows(text: str) -> list[list[str]] | None:
    """The rows of a task table pasted from Excel or WPS into a text file (cells separated by tabs),
    with up to three title lines above it as one-cell rows. None unless a header row names a task
    column and a unit, person or deadline column."""
    if text.count("\t") < 2:
        return None
    rows = tab_rows(text)
    first_tabbed = next((i for i, row in enumerate(rows) if len(row) > 1), None)
    if first_tabbed is None or first_tabbed > _TAB_TABLE_MAX_TITLE_LINES:
        return None  # a document with a table somewhere in it (an attachment), not a table
    if find_header(rows) is None:
        return None
    # rows as a table pasted as text has them: a row wrapped onto a line of its own, a section
    # row, cells out of their columns (`ingest.pasted`)
    from taskctl.ingest.pasted import pasted_table_rows

    return pasted_table_rows(text) or rows


# A cell Excel quotes when it copies it (it holds a line break or a quote): `"` opening a cell.
_QUOTED_CELL = lazy(r'(?:^|\t)"', re.MULTILINE)


def tab_rows(text: str) -> list[list[str]]:
    """Rows of tab-separated text, blank lines skipped; a row's first cell may be empty (a row
    starts with a tab). A cell Excel quoted (`"推进…\n完善…"`, `""` for a quote) holds its line
    breaks."""
    if _QUOTED_CELL.search(text):
        import csv
        import io

        reader = csv.reader(io.StringIO(text), delimiter="\t", strict=False)
        rows = [[cell.strip() for cell in row] for row in reader]
    else:
        rows = [[cell.strip() for cell in line.split("\t")] for line in text.splitlines()]
    return [row for row in rows if any(row)]


def _cell(row: list[str], column: int | None) -> str:
    if column is None or column >= len(row):
        return ""
    return row[column] or ""


@functools.lru_cache(maxsize=4096)
def clean_cell(text: str) -> str:
    """A cell's text repaired like a document line; lines inside a cell are joined (soft wraps)."""
    from taskctl.ingest.repair import repair_chars

    parts = [repair_chars(line) for line in (text or "").splitlines()]
    joined = ""
    for part in parts:
        if not part:
            continue
        if joined and joined[-1].isascii() and joined[-1].isalnum() and part[0].isascii():
            joined += " "
        joined += part
    return joined


def _label(number_cell: str) -> str | None:
    """The label of a 序号 cell: `3`, `3.`, `9*`, `三`, `(三)` → '3', '3', '9*', '三', '(三)'."""
    from taskctl.vocab import chinese_number

    text = clean_cell(number_cell).rstrip("、.。 ")
    if not text:
        return None
    if text.isdigit():
        return str(int(text))
    if text.endswith("*") and text[:-1].isdigit():
        return f"{int(text[:-1])}*"  # `9*`: a mark the table explains elsewhere
    if chinese_number(text):
        return text
    inner = text[1:-1].strip() if text.startswith("(") and text.endswith(")") else ""
    if inner.isdigit():
        return f"({int(inner)})"
    if inner and chinese_number(inner):
        return f"({inner})"
    return None


def _units(
    text: str, role: str, rejected: list[tuple[str, str]] | None = None
) -> dict[str, list[str]]:
    """A unit cell → {role: names}; a cell with role verbs (`X牵头,Y配合`) gives its own roles (the
    candidates the unit guard refused there go to `rejected`: (name, reason))."""
    from taskctl.ingest.annotations import read_annotation, split_units
    from taskctl.ingest.units import split_person_notes

    if not text:
        return {}
    if not _has_role_verb(text) or _names_a_line(text):
        # a clerk separates names by spaces and line breaks too: split before the repair
        # (which removes spaces between Chinese characters) and repair each name
        joined = _trailing_lead_marks(
            "、".join(_SPACES_ONLY.sub(" ", line) for line in _lines(text))
        )
        names = split_units(joined)
        units, persons = split_person_notes([n for n in map(clean_cell, names) if n])
        found = _marked_leads(list(dict.fromkeys(units)), role)
        return {**found, "persons": persons} if persons else found
    text = clean_cell(text)
    # the cell is read as its column's label would be (`责任单位:X牵头,Y等有关部门`): a list between
    # the verbs without one of its own (its verb cut where a copy ends) is in the column's role.
    # A unit cell leaves at most one refused candidate (a name cut where a copy ends); a sentence
    # that strayed into the column leaves many, and is read only as a bracket of text would be.
    annotation = read_annotation(f"({_ROLE_LABELS.get(role, '责任单位')}:{text})")
    if annotation is not None and len(annotation.rejected) > 1:
        annotation = read_annotation(f"({text})")
    if annotation is not None and rejected is not None:
        rejected.extend(annotation.rejected)
    if annotation is not None and not annotation.is_empty():
        found = {
            name: list(getattr(annotation, name))
            for name in ("lead", "support", "responsible", "persons")
            if getattr(annotation, name)
        }
        if found:
            return found
    return {role: split_units(text)}


def _trailing_lead_marks(text: str) -> str:
    """A unit list some of whose names close with a lead mark (`区政府办公室*、区财政局`, a district's
    table, 2023), written with the marks first, as lead marks are read; a mark on every name (or on
    the only one) is a footnote's, left as it is."""
    pieces = _LIST_SEPARATORS.split(text)
    names = pieces[::2]
    marked = [
        name.rstrip()[-1:] in LEAD_UNIT_MARKS and name.rstrip()[-2:-1] not in LEAD_UNIT_MARKS
        for name in names
    ]
    if not any(marked) or all(marked):
        return text
    pieces[::2] = [
        name.rstrip()[-1] + name.rstrip()[:-1] if mark else name
        for name, mark in zip(names, marked, strict=True)
    ]
    return "".join(pieces)


_LIST_SEPARATORS = lazy(r"([、,;，；])")


def _units_and_persons(names: list[str]) -> tuple[list[str], list[str]]:
    """The names of a cell that lists units with their persons (`市民政局 伍泽国`, `县教育局张三`):
    (the units, the persons)."""
    from taskctl.ingest.units import unit_and_person, unit_problem

    units: list[str] = []
    persons: list[str] = []
    for name in names:
        parts = unit_and_person(name) if unit_problem(name) is not None else None
        if parts is None:
            units.append(name)
            continue
        if parts[0]:
            units.append(parts[0])
        persons.append(parts[1])
    return units, persons


def _marked_leads(units: list[str], role: str) -> dict[str, list[str]]:
    """{role: units}, or, when some units carry a lead mark (`▲发改局,各部门`), the marked ones as
    leads and the others as support (in a 责任单位 or 牵头单位 column) without their marks."""
    from taskctl.ingest.units import has_lead_mark

    if not any(has_lead_mark(unit) for unit in units):
        return {role: units}
    leads = [unit[1:].strip() for unit in units if has_lead_mark(unit)]
    others = [unit for unit in units if not has_lead_mark(unit)]
    found = {"lead": leads}
    if others:
        found["support" if role in ("responsible", "lead") else role] = others
    return found


def _names_a_line(text: str) -> bool:
    """Whether a cell of several lines holds one unit's name a line (`教育督导室` / `督导中心`: a
    verb inside a name, 督导, makes no role)."""
    from taskctl.ingest.units import unit_problem

    lines = _lines(text)
    return len(lines) > 1 and all(unit_problem(clean_cell(line)) is None for line in lines)


# the label a unit column's cells are read under
_ROLE_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位"}


def _has_role_verb(text: str) -> bool:
    return any(verb in text for verb, _role in INLINE_ROLE_VERBS)


def _lines(text: str) -> list[str]:
    return [
        unicodedata.normalize("NFKC", line).strip() for line in text.splitlines() if line.strip()
    ]


def _title_and_period(
    sheet: Sheet, header: Header
) -> tuple[str | None, tuple[date | None, date | None, str | None]]:
    from taskctl.ingest.structure import find_period, find_title

    above: list[str] = []
    for row in sheet.rows[: header.first_row]:
        for cell in dict.fromkeys(clean_cell(c) for c in row):
            if cell:
                above.append(cell)
    title = find_title(above)[1] if above else None
    if title and not any(word in title for word in PLAN_TITLE_WORDS):
        # no line names a plan (a progress table: `…一季度进展情况表`): the titled line nearest the
        # header that names a year, rather than the page's first line (an issuer, a breadcrumb)
        title = next((text for text in reversed(above) if _is_dated_title(text)), title)
    period = find_period(title, above) if title else (None, None, None)
    return title or None, period


_YEAR = lazy(r"(?:19|20)[0-9]{2}\s*年")
_LEADER_HEADING = lazy(LEADER_HEADING_PATTERN)


def _is_dated_title(text: str) -> bool:
    """A line that may be a title naming its year (not a date alone: `2019年2月15日`, not an item
    of a list of attachments: `2. 2019年…分解表`)."""
    from taskctl.ingest.structure import match_marker
    from taskctl.vocab import ATTACHMENT_MARKERS

    return (
        len(text) <= 60
        and match_marker(text) is None
        and not text.startswith(ATTACHMENT_MARKERS)
        and bool(_YEAR.search(text))
        and not any(ch in text for ch in ",。;:")
        and len(_DATE_CHARS.sub("", text)) >= 4
    )


_DATE_CHARS = lazy(r"[0-9年月日号\s\-./]")


def _period_from_deadlines(cells: list[str]) -> tuple[date | None, date | None, str | None]:
    """A plan period spanning the years the deadline cells name (`2023年6月底` …)."""
    from taskctl.ingest.deadlines import find_deadline

    years = [found.year for cell in cells if cell and (found := find_deadline(cell, None, None)[0])]
    if not years:
        return None, None, None
    return date(min(years), 1, 1), date(max(years), 12, 31), None


@dataclass
class _Builder:
    """Accumulates the items of one or more tables into a single ParsedDocument."""

    source: str
    first_lead: bool
    period_start: date | None = None
    period_end: date | None = None
    items: list[ItemDraft] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def heading(self, text: str, line: int, parent: int | None, ordinal: int) -> int:
        """A heading from a section or group cell; a note in it (`(牵头领导:成坤、柯相国)`) names the
        persons or units of its tasks that name none, and so does a leader it puts in charge
        (`(一)王宏副市长牵头重点工作`: 王宏)."""
        from taskctl.ingest.annotations import cut_spans, read_annotation
        from taskctl.ingest.structure import lead_phrase, match_marker

        marker = match_marker(text)
        label, rest = (marker.label, marker.rest) if marker else (chinese_numeral(ordinal), text)
        roles: dict[str, Any] = {}
        annotation = read_annotation(rest) if "(" in rest or ":" in rest else None
        if annotation is not None and (annotation.names_units() or annotation.persons):
            rest = cut_spans(rest, annotation.spans).strip()
            roles = {
                name: list(getattr(annotation, name))
                for name in ("lead", "support", "responsible", "persons")
            }
            roles["annotation_text"] = text
        leader = _LEADER_HEADING.match(rest)
        if leader and not roles.get("persons"):
            roles["persons"] = [leader.group("name")]
        return self._place(
            "heading",
            label,
            parent,
            title=lead_phrase(rest) or rest,
            full_text=text,
            line=line,
            **roles,
        )

    def inherit(self, task: ItemDraft) -> None:
        """A task naming no person takes those of its nearest heading naming some; one naming no unit
        takes the units of its nearest heading naming some (as the text parser does)."""
        ancestor = task.parent
        wants_persons = not task.persons
        wants_units = not (task.lead or task.support or task.responsible)
        while ancestor is not None and (wants_persons or wants_units):
            heading = self.items[ancestor]
            if wants_persons and heading.persons:
                task.persons = list(heading.persons)
                wants_persons = False
            if wants_units and (heading.lead or heading.support or heading.responsible):
                task.lead, task.support = list(heading.lead), list(heading.support)
                task.responsible = list(heading.responsible)
                wants_units = False
            ancestor = heading.parent

    def _place(self, kind: str, label: str, parent: int | None, **fields: Any) -> int:
        """Append an item under `parent` (its number and level follow from the parent's)."""
        above = None if parent is None else self.items[parent]
        self.items.append(
            ItemDraft(
                kind=kind,
                number=label if above is None else f"{above.number}.{label}",
                label=label,
                level=1 if above is None else above.level + 1,
                parent=parent,
                **fields,
            )
        )
        return len(self.items) - 1

    def task(
        self,
        row: list[str],
        header: Header,
        line: int,
        parent: int | None,
        ordinal: int,
    ) -> None:
        from taskctl.ingest.annotations import (
            Annotation,
            cut_spans,
            find_annotations,
            split_persons,
        )
        from taskctl.ingest.deadlines import find_deadline
        from taskctl.ingest.structure import lead_phrase, match_marker

        columns = header.columns
        text = clean_cell(_cell(row, header.task_columns[-1]))
        label = _label(_cell(row, columns.get("number")))
        marker = match_marker(text)
        if marker is not None and marker.rest:
            label = label or marker.label
            text = marker.rest
        label = label or str(ordinal)
        row_name = ""
        if header.name_column is not None:
            row_name = clean_cell(_cell(row, header.name_column))
            row_name = lead_phrase(row_name) or row_name
        # annotations written into the task cell itself, as in a text plan
        annotations, _problems = find_annotations(text)
        merged = Annotation()
        for annotation in annotations:
            merged.merge(annotation)
        plain = cut_spans(text, merged.spans).strip()
        attributes = dict(merged.attributes)
        for column, name in header.attributes.items():
            value = clean_cell(_cell(row, column))
            if value:
                attributes.setdefault(name, value)
        roles: dict[str, list[str]] = {
            "lead": list(merged.lead),
            "support": list(merged.support),
            "responsible": list(merged.responsible),
            "persons": list(merged.persons),
        }
        rejected: list[tuple[str, str]] = []
        # persons of person columns and of unit columns naming them, in the columns' order
        column_persons: dict[int, list[str]] = {}
        person_cells = [("persons", column) for column in header.person_columns]
        for column_role, column in [
            ("lead", columns.get("lead")),
            ("support", columns.get("support")),
            ("responsible", columns.get("responsible")),
            *header.extra_unit_columns,
            *(person_cells or [("persons", None)]),
        ]:
            cell = _cell(row, column)
            role = column_role
            # 责任单位 beside a named lead unit are the units that work with it
            if column_role == "responsible" and roles["lead"]:
                role = "support"
            if column_role == "persons" and cell and not _has_role_verb(cell):
                # names as a clerk pads them (`俞 悦`), one cell line each: split before the repair
                column_persons[column or 0] = [
                    name for name in map(clean_cell, split_persons("、".join(_lines(cell)))) if name
                ]
                continue
            for name, names in _units(cell, role, rejected).items():
                if column in header.unit_person_columns and name != "persons":
                    names, persons = _units_and_persons(names)
                    column_persons.setdefault(column, []).extend(persons)
                roles[name] += names
        roles["persons"] += [name for key in sorted(column_persons) for name in column_persons[key]]
        for name, reason in rejected:
            self.warnings.append(ParseWarning(line, f"not a unit ({reason}): {name}"))
        for name in roles:
            roles[name] = list(dict.fromkeys(roles[name]))
        if self.first_lead and roles["responsible"] and not (roles["lead"] or roles["support"]):
            roles["lead"], roles["support"] = roles["responsible"][:1], roles["responsible"][1:]
            roles["responsible"] = []
        if "deadline" in columns:
            deadline_cell = clean_cell(_cell(row, columns["deadline"]))
            deadline, deadline_text = find_deadline(
                deadline_cell, self.period_start, self.period_end, labelled=True
            )
            if deadline is None and deadline_cell:
                deadline_text = deadline_cell
        else:
            deadline, deadline_text = find_deadline(plain, self.period_start, self.period_end)
        self._place(
            "task",
            label,
            parent,
            title=row_name or lead_phrase(plain) or plain,
            full_text=f"{row_name}\n{text}" if row_name else text,
            line=line,
            deadline=deadline,
            deadline_text=deadline_text,
            attributes=attributes,
            **roles,
        )
        self.inherit(self.items[-1])

    def sheet(self, sheet: Sheet, header: Header, parent: int | None) -> None:
        """The rows below the header: section rows → headings, a group column → headings, rows → tasks."""
        rows = sheet.rows
        header_rows = [[c.strip() for c in r] for r in rows[header.first_row : header.last_row + 1]]
        width = max((len(r) for r in header_rows), default=0)
        section: int | None = None
        sections: list[tuple[str | None, int]] = []  # the open section rows: (marker style, item)
        group: int | None = None
        group_text: str | None = None
        group_outer: int | None = None
        ordinals: dict[int | None, int] = {}

        def next_ordinal(under: int | None) -> int:
            ordinals[under] = ordinals.get(under, 0) + 1
            return ordinals[under]

        for index in range(header.last_row + 1, len(rows)):
            line = index + 1
            cells = [c.strip() if c else "" for c in rows[index]]
            filled = [c for c in cells if c]
            if not filled or cells in header_rows:
                continue
            task_text = clean_cell(_cell(cells, header.task_columns[-1]))
            distinct = list(dict.fromkeys(filled))
            if len(distinct) == 1:
                text = clean_cell(distinct[0])
                if text.startswith(_NOTE_PREFIXES):
                    continue
                spans_row = len(filled) >= min(3, max(width, 2))
                if spans_row or not task_text or _is_section_text(text):
                    # `(一)…` under `一、…`: a section of another marker style nests in the open one
                    style = _section_style(text)
                    while sections and (style is None or style in (s for s, _i in sections)):
                        sections.pop()
                    outer = sections[-1][1] if sections else parent
                    section = self.heading(text, line, outer, next_ordinal(outer))
                    sections.append((style, section))
                    group, group_text, group_outer = None, None, None
                    continue
            if len(header.task_columns) > 1:
                text = clean_cell(_cell(cells, header.task_columns[0]))
                if text and text != group_text and text != task_text:
                    outer = section if section is not None else parent
                    labels = _group_labels(_cell(cells, header.task_columns[0]))
                    if len(labels) > 1:
                        # a group cell under its outer group's (`就业促进工程` / `促进城乡劳动者…`):
                        # the outer one stays open for the single groups of the rows below
                        group_outer = self.heading(labels[0], line, outer, next_ordinal(outer))
                        outer, text = group_outer, "".join(labels[1:])
                    elif group_outer is not None:
                        outer = group_outer
                    group = self.heading(text, line, outer, next_ordinal(outer))
                    group_text = text
            if not task_text:
                self.warnings.append(ParseWarning(line, "row without task text skipped"))
                continue
            under = group if group is not None else section if section is not None else parent
            number_cell = _cell(cells, header.columns.get("number")).strip()
            column = header.task_columns[-1]
            for item in [task_text] if number_cell else _cell_items(task_text):
                # a task cell holding the next item too (`4.规范… 5.用好…`): a task each, the
                # row's other cells shared
                row = cells if item == task_text else [*cells[:column], item, *cells[column + 1 :]]
                self.task(row, header, line, under, next_ordinal(under))


def _cell_items(text: str) -> list[str]:
    """A task cell numbering itself split before each next item it holds after a sentence's end
    or a space (`4.规范…实效。 5.用好…` → two cells); [text] else."""
    from taskctl.ingest.structure import next_items

    return next_items(text, _ITEM_AFTER_STOP)


# Where a next item may open inside a cell: after a sentence's end (and the spaces after it).
_ITEM_AFTER_STOP = lazy(r"(?<=[。;；!?])\s*|\s+(?=[(（]?[0-9]{1,2}[.、)）])")


def _group_labels(cell: str) -> list[str]:
    """The labels of a group cell holding two groups, one a line, outer first: a group title row
    across the table, its rowspanned cell saying it again, then the inner group (`就业促进工程` /
    `就业促进工程` / `促进城乡劳动者就业创业`); [] for a cell of one label (its lines a label wrapped
    in its narrow column: `严格用水` / `效率控制`)."""
    lines = [clean_cell(line) for line in cell.splitlines() if line.strip()]
    labels = list(dict.fromkeys(lines))
    if len(labels) < 2 or len(labels) == len(lines) or any("。" in label for label in labels):
        return []
    return labels


# a cell of figures: `26000`, `95`, `4.3`, `74.8%`
_FIGURE_CELL = lazy(r"^[0-9]+(?:\.[0-9]+)?%?$")


def _find_figure_columns(sheet: Sheet, header: Header) -> None:
    """A task column whose cells are mostly figures (`目标任务`: 26000 beside `项目内容`) holds a target
    figure, not the task's text: an attribute, as long as another task column is left."""
    body = sheet.rows[header.last_row + 1 :]
    for column in list(header.task_columns):
        if len(header.task_columns) < 2:
            return
        filled = [text for row in body if (text := clean_cell(_cell(row, column)))]
        figures = sum(bool(_FIGURE_CELL.match(text)) for text in filled)
        if filled and 2 * figures > len(filled):
            header.task_columns.remove(column)
            name = clean_cell(_cell(sheet.rows[header.last_row], column))
            header.attributes[column] = "".join(name.split())


def _find_name_column(sheet: Sheet, header: Header) -> None:
    """Of two task columns, the first names each row's task when every row has its own cell there,
    none repeated and none missing (`重点任务`: 政策解读 | `工作内容`: …): the task's title, not a
    group heading (a group cell is merged over rows, or repeated in each)."""
    if len(header.task_columns) != 2:
        return
    first, text = header.task_columns
    names = []
    for row in sheet.rows[header.last_row + 1 :]:
        detail = clean_cell(_cell(row, text))
        name = clean_cell(_cell(row, first))
        if not detail or name == detail:
            continue  # a spacer row, a section row across the table
        names.append(name)
    if len(names) >= 2 and all(names) and len(set(names)) == len(names):
        header.name_column = first
        header.task_columns.remove(first)


def _find_group_column(sheet: Sheet, header: Header) -> None:
    """A table with one task column whose column of another kind before it (`指标`, `类别`) is
    rowspanned (its cell empty, or the one above repeated, on some rows with a task) groups the
    rows: its cells are headings, as a group task column's are, not attributes."""
    if len(header.task_columns) != 1:
        return
    task = header.task_columns[0]
    earlier = [column for column in header.attributes if column < task]
    if len(earlier) != 1:
        return
    column = earlier[0]
    above: str | None = None
    merged = repeated = False
    filled = 0
    for row in sheet.rows[header.last_row + 1 :]:
        if not clean_cell(_cell(row, task)):
            continue
        text = clean_cell(_cell(row, column))
        if text and text in row[task + 1 :]:
            continue  # a section row across the table
        merged = merged or not text
        repeated = repeated or text == above
        filled += bool(text)
        above = text or above
    # a cell written out again on each row groups them only under a group's or a task's header word
    # (`类别`, `工程名称`); a place repeated row by row (`路段名称`: 湘北大道, 湘北大道) says where
    # each task is
    name = "".join(clean_cell(_cell(sheet.rows[header.last_row], column)).split())
    grouping = name.endswith(GROUP_HEADER_ENDINGS) or header_field(name) == "task"
    spans = merged or (repeated and grouping)
    if spans and filled >= 2:
        del header.attributes[column]
        header.task_columns.insert(0, column)


def _split_glued_units(items: list[ItemDraft], warnings: list[ParseWarning]) -> None:
    """Names run together in a cell without a separator (`文化宣传股文化馆`) where another row of
    the table names them apart, together (`文化宣传股`, `文化馆`, `图书馆`): read as those units,
    with a warning. (A name that only starts with another one, `市委宣传部` beside `市委`, is kept.)"""
    roles = ("lead", "support", "responsible")
    lists = [
        {name for role in roles for name in getattr(item, role)}
        for item in items
        if item.kind == "task"
    ]
    known = set().union(*lists)
    warned: set[str] = set()
    for item in items:
        for role in roles:
            names = getattr(item, role)
            split: list[str] = []
            for name in names:
                parts = _known_parts(name, known - {name})
                if parts and not any(set(parts) <= together for together in lists):
                    parts = None  # no row names these units apart side by side
                if parts and name not in warned:  # said once, on the first row holding it
                    warned.add(name)
                    warnings.append(
                        ParseWarning(item.line, f"unit names run together read apart: {name}")
                    )
                split.extend(parts or [name])
            if split != names:
                setattr(item, role, list(dict.fromkeys(split)))


def _known_parts(name: str, known: set[str]) -> list[str] | None:
    """`name` as two or more of the `known` names written one after the other, or None."""
    for end in range(len(name) - 2, 1, -1):
        head, tail = name[:end], name[end:]
        if head not in known:
            continue
        if tail in known:
            return [head, tail]
        rest = _known_parts(tail, known)
        if rest:
            return [head, *rest]
    return None


def _section_style(text: str) -> str | None:
    from taskctl.ingest.structure import match_marker

    marker = match_marker(text)
    return marker.style if marker is not None else None


def _is_section_text(text: str) -> bool:
    from taskctl.ingest.structure import match_marker

    marker = match_marker(text)
    return marker is not None and marker.style in ("一、", "(一)")


def _simplified(sheet: Sheet) -> Sheet:
    """The sheet in simplified characters when its cells are written in traditional ones."""
    from taskctl.ingest.hanzi import is_traditional, simplified

    text = "\n".join("\t".join(cell or "" for cell in row) for row in sheet.rows)
    if not is_traditional(text):
        return sheet
    rows = [[simplified(cell) if cell else cell for cell in row] for row in sheet.rows]
    return Sheet(simplified(sheet.name), rows)


def parse_sheets(
    sheets: list[Sheet],
    *,
    source: str,
    first_lead: bool = False,
    title: str | None = None,
    period: tuple[date | None, date | None, str | None] | None = None,
    text_tasks: int = 0,
) -> ParsedDocument:
    """The tasks of every task-division table among `sheets` as one ParsedDocument.

    `title` and `period` come from the surrounding document when there is one (a .docx); otherwise
    from a title row above the header, the deadlines, or the file name. Raises InputError naming the
    file when no table has a recognisable header.
    """
    sheets = [_simplified(sheet) for sheet in sheets]
    found = [(sheet, header) for sheet in sheets if (header := find_header(sheet.rows))]
    for sheet, header in found:
        _find_figure_columns(sheet, header)
        _find_name_column(sheet, header)
        _find_group_column(sheet, header)
    if not found:
        names = "/".join(TABLE_HEADERS["task"][:2])
        units = "/".join(TABLE_HEADERS["lead"][:1] + TABLE_HEADERS["responsible"][:1])
        raise InputError(
            f"no task table found: no header row naming a task column ({names} …) and a unit or "
            f"deadline column ({units}, {TABLE_HEADERS['deadline'][0]} …)",
            source=source,
        )
    start, end, period_text = period or (None, None, None)
    if title is None or start is None:
        sheet_title, sheet_period = _title_and_period(found[0][0], found[0][1])
        title = title or sheet_title
        if start is None and sheet_period[0] is not None:
            start, end, period_text = sheet_period
    if start is None:
        deadline_cells = [
            _cell(row, header.columns.get("deadline"))
            for sheet, header in found
            for row in sheet.rows[header.last_row + 1 :]
        ]
        start, end, period_text = _period_from_deadlines(deadline_cells)
    builder = _Builder(source=source, first_lead=first_lead, period_start=start, period_end=end)
    for position, (sheet, header) in enumerate(found, start=1):
        parent = None
        if len(found) > 1:
            parent = builder.heading(sheet.name, header.first_row + 1, None, position)
        builder.sheet(sheet, header, parent)
    if not any(item.kind == "task" for item in builder.items):
        raise InputError("the task table has a header but no task rows", source=source)
    _split_glued_units(builder.items, builder.warnings)
    if text_tasks:
        builder.warnings.insert(
            0,
            ParseWarning(
                1,
                f"tasks read from the division table; {text_tasks} numbered paragraphs outside "
                "it were not imported as tasks",
            ),
        )
    return ParsedDocument(
        title=title or Path(source).stem or source,
        period_start=start,
        period_end=end,
        period_text=period_text,
        items=builder.items,
        warnings=builder.warnings,
    )


# --- Ledgers written by `taskctl ledger export` ----------------------------------------------------

#: Columns a ledger must have to be read as one (see `taskctl.ingest.ledger.LEDGER_HEADERS`).
LEDGER_REQUIRED = ("id", "title", "role")
_LEDGER_SUFFIXES = ("台账", "ledger")


def find_ledger_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """(header row index, field → column) of a ledger (编号 | 序号 | 任务 | 角色 | …), or None."""
    from taskctl.ingest.ledger import LEDGER_HEADERS

    lookup = {
        "".join(unicodedata.normalize("NFKC", word).split()).casefold(): name
        for name, words in LEDGER_HEADERS.items()
        for word in words
    }
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = "".join(unicodedata.normalize("NFKC", cell or "").split()).casefold()
            name = lookup.get(key)
            if name and name not in columns:
                columns[name] = column
        if all(name in columns for name in LEDGER_REQUIRED):
            return index, columns
    return None


def ledger_unit(hints: list[str | None], source: str) -> str:
    """The unit a ledger belongs to: the first hint (workbook subject, title, sheet name, file name)
    that is not just the word 台账, without a trailing 台账."""
    for hint in [*hints, Path(source).stem]:
        text = " ".join((hint or "").split())
        for suffix in _LEDGER_SUFFIXES:
            if text.casefold().endswith(suffix):
                text = text[: -len(suffix)].strip(" _-")
        if text:
            return text
    return Path(source).stem


def _ledger_deadline(text: str) -> date | None:
    from taskctl.dates import parse_when
    from taskctl.errors import InvalidValueError
    from taskctl.ingest.deadlines import find_deadline

    text = clean_cell(text)
    if not text:
        return None
    found = find_deadline(text, None, None)[0]
    if found is not None:
        return found
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        try:
            return parse_when(text, date.today())
        except InvalidValueError:
            return None
    return None


def parse_ledger(
    sheet: Sheet, header: tuple[int, dict[str, int]], *, source: str, unit: str
) -> ParsedDocument:
    """A unit's ledger as tasks: one task per 编号 (rows of the same id merge their roles), the unit
    in the role the 角色 column names, numbers and deadlines as exported."""
    from taskctl.labels import label

    roles_by_label: dict[str, str] = {}
    for role in ("lead", "support", "responsible"):
        for lang in ("zh", "en"):
            roles_by_label[label(f"role.{role}", lang).casefold()] = role
        roles_by_label[role] = role
    index, columns = header
    items: list[ItemDraft] = []
    by_id: dict[str, ItemDraft] = {}
    warnings: list[ParseWarning] = []
    for offset, row in enumerate(sheet.rows[index + 1 :], start=index + 2):
        task_id = clean_cell(_cell(row, columns["id"]))
        title = clean_cell(_cell(row, columns["title"]))
        if not task_id and not title:
            continue
        if not title:
            warnings.append(ParseWarning(offset, "ledger row without a task title skipped"))
            continue
        role_text = clean_cell(_cell(row, columns["role"])).casefold()
        role = roles_by_label.get(role_text)
        if role is None:
            warnings.append(ParseWarning(offset, f"unknown role {role_text!r}; unit left off"))
        key = task_id or f"row {offset}"
        item = by_id.get(key)
        if item is None:
            number = clean_cell(_cell(row, columns.get("number"))) or task_id or str(len(items) + 1)
            deadline_text = clean_cell(_cell(row, columns.get("deadline"))) or None
            item = ItemDraft(
                kind="task",
                number=number,
                label=number.rsplit(".", 1)[-1],
                level=1,
                title=title,
                full_text=title,
                line=offset,
                deadline=_ledger_deadline(deadline_text or ""),
                deadline_text=deadline_text,
            )
            by_id[key] = item
            items.append(item)
        if role is not None and unit not in getattr(item, role):
            getattr(item, role).append(unit)
    if not items:
        raise InputError("the ledger has a header but no task rows", source=source)
    years = [item.deadline.year for item in items if item.deadline]
    return ParsedDocument(
        title=f"{unit} 台账",
        period_start=date(min(years), 1, 1) if years else None,
        period_end=date(max(years), 12, 31) if years else None,
        period_text=None,
        items=items,
        warnings=warnings,
    )


def parse_text_and_tables(
    lines: list[str], grids: list[list[list[str]]], *, source: str, first_lead: bool = False
) -> ParsedDocument:
    """A document of text lines and task-division tables (a .docx, a web page): read from its
    tables when it has any (the text gives the title and period), else from its text."""
    from taskctl.ingest import parse_text
    from taskctl.ingest.hanzi import to_simplified

    text = to_simplified("\n".join(lines))  # parse_text would; the title below is read here
    if not grids:
        if not text.strip():
            raise InputError("empty document (no text and no task table)", source=source)
        return parse_text(text, source=source, first_lead=first_lead)
    title, period, text_tasks = None, None, 0
    if text.strip():
        from taskctl.ingest.repair import repair_text
        from taskctl.ingest.structure import find_period, find_title

        repaired = [line.text for line in repair_text(text)]
        title = find_title(repaired)[1] or None
        if title:
            period = find_period(title, repaired)
        try:
            text_tasks = len(parse_text(text, source=source).tasks)
        except InputError:
            text_tasks = 0
    sheets = [Sheet(name=f"table {i}", rows=grid) for i, grid in enumerate(grids, start=1)]
    return parse_sheets(
        sheets,
        source=source,
        first_lead=first_lead,
        title=title,
        period=period if period and period[0] else None,
        text_tasks=text_tasks,
    )
