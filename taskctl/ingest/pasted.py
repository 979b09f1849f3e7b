"""Task-division tables pasted into a text file, rebuilt into rows for the table reader.

A table copied from a web page, from Word or from a PDF arrives as text in one of these shapes:

- one row a line, cells split by tabs, by `|` (a Markdown table too, its `---` rule skipped), by runs
  of spaces (space-aligned columns), or by single spaces (a PDF copy: a run of n spaces leaves n-1
  empty cells, a cell wrapped in the PDF keeps a space inside it); a header written letter-spaced
  (`工 作 任 务`) is one cell;
- one cell a line (`序号` / `重点工作` / `责任单位` …), with or without blank lines between cells,
  sometimes closed by ` |`: a cell spread over several lines (a unit list, a wrapped text) gives
  several lines, an empty cell none;
- cells opened by a bar at the start of a line (`| 目标任务`) and rows ended by a bar alone on its
  line (`_bar_marked_rows`): a row is known, its cells may run over lines, a merged cell is
  missing from the rows below its first, a narrow column's name is written a few characters a
  line (`市`/`监`/`察`/`局`).

The pipeline:

1. The header: a row naming a task column and a unit, person or deadline column (the table reader's
   `vocab.TABLE_HEADERS`, or any annotation label); its other cells may name columns of other kinds
   (`进展情况`, `监督方式`, `备注`: `vocab.TABLE_OTHER_HEADER_ENDINGS`), which the table reader keeps as
   attributes; a note in brackets (`重点工作任务(本市2项牵头工作)`) or on the line below (`责任股室` /
   `(单位)`) is part of its cell. Lines above it are title rows (the table reader takes the title
   and plan year there). A text may hold several tables one cell a line, each under its own section
   line (`二、…`, the table's heading); a header printed again without one (a new page) goes on
   with the same table.
2. Rows of one cell a line start at their 序号: numbers rising (a jump, `6` then `52`, only after a
   row's worth of cells and before a task's text, and not when the next number in sequence soon
   follows: a stray `2` in a cell, figures `95`, `100` in a progress table's columns start
   nothing), under a header with or without its own 序号 cell; `9*` keeps its mark. A table without any 序号 has its rows one after the other, a row ending after its
   last unit column. A line with a section marker (`一、`, `(一)`) just before a row's number is a
   section row (a group row across the table, or a rowspanned group cell).
3. Cells: a row's pieces (its lines, or its cells when they are not as many as the columns) are placed
   in the columns in order by their shape (`_align`): unit columns take unit lists, a person column
   names, a deadline column time phrases, text columns anything; a piece that fits nowhere is
   dropped, a column without a piece is empty (a rowspanned cell given on an earlier row). A
   unit's name wrapped in its narrow column (`市人力资源` / `社会保障局`) is one piece. Under two
   task columns, the second is read as a figure column (`目标任务`: `26000`) when the rows fit far
   better so. Pieces left
   after a row's last column are the next row's group cells (a table with columns before its task
   text) or a second sub-row under the same number, whose empty cells are its first sub-row's.

4. Merged cells: a cell merged over several rows shows on its first row only, and in a table of
   one cell a line it then leaves no trace on the others (`_fill_rowspans`): a unit column before
   the task text, a row naming no unit at all, and a person or deadline column filled on at most
   half of the rows take the cell above, with a warning naming the rows to check.

`pasted_table_rows` returns None when the text holds no such header, and the text is read as a
numbered document instead.

What stays ambiguous: in a table of one cell a line without any 序号, an empty cell after the
last unit column leaves no trace, so the next row's first cell may be read into it (the units
stay on their rows: each row has its unit cell; a task's text is never figures alone). A row
whose unit cell is really empty cannot be told from one under a merged cell: it is read as merged
(a task always has a unit), and the warning says so; a unit cell that is there but empty beside
others of the row (a row with a lead and no 配合单位) stays empty.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from taskctl.ingest.patterns import lazy
from taskctl.ingest.structure import is_plan_title, match_marker
from taskctl.ingest.tables import (
    _NOTE_PREFIXES,
    _ROLE_FIELDS,
    HEADER_SEARCH_ROWS,
    exact_header_field,
    header_field,
    header_fields,
)
from taskctl.vocab import (
    ATTACHMENT_MARKERS,
    COMPOSED_LABEL_PATTERN,
    GROUP_UNIT_PREFIXES,
    HEADER_CELL_TAILS,
    LABEL_HOLDER_WORDS,
    LEAD_UNIT_MARKS,
    LEADER_PATTERN,
    PAGE_CHROME_LINE_STARTS,
    TABLE_HEADERS,
    TABLE_OTHER_HEADER_ENDINGS,
    TABLE_OTHER_HEADERS,
    TARGET_WORDS,
    UNIT_NAME_ENDINGS,
    UNIT_NAME_STARTS,
    label_role,
)

_MARKDOWN_RULE = lazy(r"^\|?\s*:?-{3,}")
# (an ideographic space is as wide as two spaces: one is a gap between cells aligned in it)
_WIDE_GAP = lazy(r"(?:[ \t]{2,}|\u3000)[ \t\u3000]*")
# a 序号 cell: `3`, `3.`, `3、`, and `9*` (a mark the table explains elsewhere, kept in the label)
_NUMBER = lazy(r"^[0-9]{1,3}\*?[.、]?$")
# a name of two or three characters, or four written with a space (`周 斐`, `陆 明俞 悦`): four
# characters run together are words (`文化产业`)
_PERSON = lazy(
    r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2}$|^(?=.* )[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){3}$"
)
# a leader named with the post (`周阳市长`, a rowspanned 牵头领导 cell)
_LEADER = lazy(f"^{LEADER_PATTERN}$")
# figures and their punctuation only (a telephone number, a code, an amount): never a task's text
_FIGURES = lazy(
    r"^[0-9][0-9\s\-—./()%,:]{3,}$|^[0-9]+\.[0-9]+%?$|^[0-9]+%$"
    # a unit of measure (`万亩`, `亿斤`, `万元/人`, `%`) or a target figure (`≥2%`)
    r"|^[万亿千百]?(?:亩|吨|头|只|斤|元|人|个|家|所|户|次|公里|平方米|千瓦|立方米|%|‰)(?:/[人户个年])?$"
    r"|^[≥≤><]=?[0-9.]+%?$"
)
_CJK_CHAR = lazy(r"^[\u4e00-\u9fff]$")
_MAX_HEADER_LINE = 120
# the longest header cell (spaces not counted): `执行措施、实施步骤`, `是否达到序时进度`
_MAX_HEADER_CELL = 16
# what no header cell holds outside its brackets (`完成时限(2024年)`): figures, sentence punctuation
_NOT_HEADER = lazy(r"[0-9:;。,!?：；，]")
_BRACKETED = lazy(r"[(（][^()（）]*[)）]")
# The period of a progress column (`1-10月推进情况`, `1—6月完成情况`, `截至9月底进展`).
_PERIOD_PREFIX = lazy(r"^(?:截至|截止)?[0-9]{1,2}(?:[-—~至到][0-9]{1,2})?月(?:底|末|份)?")
# The year of a column of figures or targets (`2022年度任务目标`; not `2024年重点工作`, a title).
_YEAR_PREFIX = lazy(r"^[0-9]{4}年度?")
# A yes-or-no column (`是否达序`, `是否完成`).
_YES_NO = lazy(r"是否[\u4e00-\u9fff]{1,4}$")
# Any header word (spaces allowed between its characters: `工 作 任 务`): lines without two of them
# are no header row.
_HEADER_WORD = lazy(
    "|".join(
        r"\s*".join(map(re.escape, word))
        for word in sorted({w for ws in TABLE_HEADERS.values() for w in ws}, key=len, reverse=True)
    )
)
# A column named by any composed unit label (`主责部门`, `协同单位`), counted besides the words above.
_LABEL_WORD = lazy(COMPOSED_LABEL_PATTERN)


def _header_words(text: str, start: int = 0, end: int = 200_000) -> int:
    """How many header words `text[start:end]` holds."""
    return len(_HEADER_WORD.findall(text, start, end)) + len(
        [
            m
            for m in _LABEL_WORD.finditer(text, start, end)
            if not _HEADER_WORD.match(text, m.start())
        ]
    )


def _few_words_header(line: str) -> bool:
    """A `|` or tab header row with one header word, its other columns named otherwise (`工作要求 |
    一级要点 | 二级要点 | 责任科室`: the task column is the one before the units, by its place)."""
    if ("|" not in line and "\t" not in line) or _header_words(line, 0, len(line)) != 1:
        return False
    return _is_header([cell.strip() for cell in re.split(r"[|\t]", line) if cell.strip()])


def is_header_line(line: str) -> bool:
    """Whether a line of text is a table's header row (`重点任务 | 工作内容 | 负责科室 |`): cells
    naming a task column and a unit, person or deadline column."""
    if len(line) > _MAX_HEADER_LINE:
        return False
    if _header_words(line) < 2:
        return _few_words_header(line)
    cells = [cell.strip() for cell in re.split(r"[|\t]|\s{2,}", line) if cell.strip()]
    return _is_header(cells) or _is_header(_split_letter_spaced(line))


#: A column of another kind (`进展情况`, `备注`): the table reader keeps its cells as attributes.
OTHER = "other"
# a column of another kind that names bodies (`评分部门`: who scores the task): unit names fit it
OTHER_BODIES = "other bodies"
_BODY_HEADER_ENDINGS = ("部门", "单位", "处室", "科室", "机构")
_UNIT_FIELDS = ("lead", "support", "responsible")
#: A piece placed in a column it does not fit (or dropped): what the alignment minimises.
_SKIP = 1.0
_SKIP_EMPTY = 0.3
# a small number that fits no column (a stray `3` between a unit and a deadline): dropped cheaply,
# more than placed in a figure column after the task text (`_LATE_NUMBER`)
_SKIP_NUMBER = 0.3
# A piece after a numbered row's last column: in a sub-row under the same number, or the next row's
# group cell (less than dropping it, more than anything that fits the row)
_SUB_ROW = 0.4
# A row whose task text has no piece (a row cut where a copy ends, or pieces misplaced)
_NO_TASK = 0.5
# A few words in the task column: a little more than in a group column before it (`文化产业` then
# a sentence: the group cell and the task, not the task and a 备注)
_SHORT_TASK = 0.02
# A number (`95`, `100`) in a column of another kind after the task text: a figure (row numbers are
# found before the cells are placed)
_LATE_NUMBER = 0.1
# A task column read as one of another kind must fit the rows better by this much a row
_FIGURE_COLUMN_MARGIN = 0.1
# At most this many pieces (times the width, plus a margin) are aligned at once for one row.
_WINDOW = 4


@functools.lru_cache(maxsize=4096)
def header_kind(cell: str) -> str | None:
    """The field a header cell names (`header_field`), OTHER for a column of another kind (a short
    cell ending like `进展情况`, `监督方式`, `备注`), or None for a cell that is no header cell."""
    if len(cell) - cell.count(" ") > 2 * _MAX_HEADER_CELL:
        return None  # a line of text (spaces aside: `目  标  任  务`)
    key = "".join(cell.split())
    # a note in brackets is not counted (`重点工作任务(杭州市2项牵头工作、19项配合工作)`), nor the
    # period a progress column is of (`1-10月推进情况`)
    bare = _PERIOD_PREFIX.sub("", _BRACKETED.sub("", key))
    year = _YEAR_PREFIX.match(bare)
    if year and bare[year.end() :].endswith(TABLE_OTHER_HEADER_ENDINGS):
        return OTHER  # `2022年度任务目标`
    if not bare or len(bare) > _MAX_HEADER_CELL or _NOT_HEADER.search(bare):
        return None
    if match_marker(key) is not None:
        return None  # a section row (`一、…`)
    if not (
        _HEADER_WORD.search(key)
        or _LABEL_WORD.search(key)
        or label_role(key)
        or bare.endswith(TABLE_OTHER_HEADER_ENDINGS)
        or _YES_NO.match(bare)
        or bare in TABLE_OTHER_HEADERS
    ):
        return None  # the quick test: no word a header cell is named by
    name = header_field(key)
    if name is not None:
        return name
    if (
        bare.endswith(TABLE_OTHER_HEADER_ENDINGS)
        or _YES_NO.match(bare)
        or bare in TABLE_OTHER_HEADERS
    ):
        return OTHER
    return None


def _column_fields(header: list[str]) -> list[str | None]:
    """The field each header cell names, OTHER for a column of another kind, None for no header."""
    return [
        name or (OTHER if header_kind(cell) else None)
        for cell, name in zip(header, header_fields(header), strict=True)
    ]


def _is_header(cells: list[str]) -> bool:
    names = set(header_fields(cells))
    return "task" in names and bool(names & set(_ROLE_FIELDS))


# --- The shape of a piece ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _shape(piece: str) -> str:
    """What a piece of a row looks like: 'empty', 'number' (a 序号), 'time' (a deadline phrase),
    'units' (a unit list, or a unit cell stating roles: `办公室牵头,各科室配合`), 'part' (a unit list
    cut inside its last name, where a copy ends), 'person' (names), 'figures' (`0533-6715628`),
    'short' (a few words: a group cell, a deadline written as an event: `9月投入使用`) or 'text'."""
    from taskctl.ingest.annotations import read_annotation
    from taskctl.ingest.deadlines import is_time_phrase
    from taskctl.ingest.tables import _has_role_verb
    from taskctl.ingest.units import (
        is_short_unit_name,
        is_unit_name,
        split_units,
        unit_and_person,
        unit_problem,
    )

    if not piece:
        return "empty"
    if _NUMBER.match(piece):
        return "number"
    if len(piece) <= 16 and not any(ch in piece for ch in ",。;") and is_time_phrase(piece):
        return "time"
    if (
        len(piece) <= 24
        and "," in piece
        and "。" not in piece
        and all(part and is_time_phrase(part) for part in re.split(r"[,;]", piece))
    ):
        return "time"  # `2025年11月底前,并长期坚持`: time phrases one after the other
    if _FIGURES.match(piece):
        return "figures"
    names = split_units("、".join(piece.splitlines()))
    # (a unit with its person glued on, `县财政局李四`, in a 责任单位及责任人 column, is a unit's cell)
    failing = [
        name
        for name in names
        if unit_problem(name) is not None and not (unit_and_person(name) or ("",))[0]
    ]
    if (
        names
        and not failing
        and not (piece.rstrip().endswith("。") and any(word in piece for word in TARGET_WORDS))
        # one short word that ends like no unit is a note (`全市统筹`), not a unit cell
        and (
            len(names) > 1
            or is_unit_name(names[0])
            or names[0].startswith(GROUP_UNIT_PREFIXES)
            or is_short_unit_name(names[0])  # `林站`
        )
    ):
        # (a target's sentence closed by 。 that ends like a unit, `成功创建首批浙江省美丽城镇。`, is
        # text; a unit cell a clerk closed by 。 is units: `区投资促进中心。`)
        return "units"
    if _has_role_verb(piece):
        # read as a unit column's cell is (`ingest.tables`): a sentence with a verb in it names no
        # units but leaves rejected candidates; a cell cut where a copy ends leaves one
        annotation = read_annotation(f"(责任单位:{' '.join(piece.splitlines())})")
        if annotation is not None and annotation.names_units() and len(annotation.rejected) <= 1:
            named = [*annotation.lead, *annotation.support, *annotation.responsible]
            # `全市统筹` (a target: the whole city pools it) names no unit before its verb
            if any(is_unit_name(name) or name.startswith(GROUP_UNIT_PREFIXES) for name in named):
                return "units"
    if len(names) >= 2 and failing == names[-1:] and (len(names[-1]) <= 3 or _cut_open(names[-1])):
        return "part"
    if _PERSON.match(piece) or _LEADER.match(piece):
        return "person"
    if _is_item(piece):
        return "text"  # `14.改扩建泉山学校`: a task cell numbered itself, however short
    return "short" if len(piece) <= 12 and not any(ch in piece for ch in ",。;") else "text"


def _cut_open(name: str) -> bool:
    """True for a name cut inside its brackets where a copy ends (`各镇乡(`)."""
    return name.count("(") > name.count(")")


# cost of a piece of each shape in a column of each kind
_UNIT_COSTS = {"units": 0.0, "part": 0.5, "person": 2.0}
_PERSON_COSTS = {"person": 0.0, "units": 2.0}
_DEADLINE_COSTS = {"time": 0.0, "short": 0.3, "person": 1.0}  # `9月投入使用`
_TEXT_COSTS = {
    "text": 0.0, "short": 0.0, "units": 0.5, "part": 0.8, "time": 0.5, "person": 0.5, "number": 1.0,
    "figures": 0.0,
}  # fmt: skip
# text-like shapes: what a task's text, a group cell or a note looks like
_TEXTS = ("text", "short")
# a piece in a column before the task text, per column: on a tie, a row's missing cells are its
# first ones (rowspanned group cells given on an earlier row)
_EARLY = 0.01


@dataclass
class _Layout:
    """The columns a row's pieces are placed in (the 序号 column aside), and how."""

    fields: list[str | None]
    floating: bool  # the row's number may stand anywhere before its task text
    detail: int  # the last task column: the task's text
    last_unit: int  # the last unit, person or deadline column
    persons: bool  # whether a column holds persons (else a name-shaped piece is text)
    # a further piece in a unit column: a unit list over several lines (one cell a line) costs
    # little, a further cell (one row a line) more: it more likely fills the next unit column
    unit_extra: float = 0.05
    # whether a cell's text may be wrapped into pieces (a PDF copy split by spaces): then a single
    # character is what a wrap left of the cell before it, else it is a cell (`是`, `√`)
    wraps: bool = False
    _vectors: dict[tuple[str, bool], tuple[list[float], list[float]]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def of(
        cls, fields: list[str | None], floating: bool, unit_extra: float = 0.05, wraps: bool = False
    ) -> _Layout:
        tasks = [index for index, name in enumerate(fields) if name == "task"]
        units = [index for index, name in enumerate(fields) if name in _ROLE_FIELDS]
        return cls(
            fields=fields,
            floating=floating,
            detail=tasks[-1] if tasks else 0,
            last_unit=units[-1] if units else len(fields) - 1,
            persons="persons" in fields,
            unit_extra=unit_extra,
            wraps=wraps,
        )

    def shape(self, piece: str) -> str:
        shape = _shape(piece)
        return "text" if shape == "person" and not self.persons else shape

    def cost(self, column: int, shape: str) -> float:
        name = self.fields[column]
        if shape == "empty":
            return 0.0
        if column < self.detail and name not in _ROLE_FIELDS:
            return _TEXT_COSTS[shape] + _EARLY * (self.detail - column)
        if name in _UNIT_FIELDS:
            return _UNIT_COSTS.get(shape, 3.0)
        if name == "persons":
            return _PERSON_COSTS.get(shape, 3.0)
        if name == "deadline":
            return _DEADLINE_COSTS.get(shape, 3.0)
        if name == OTHER_BODIES:
            return _UNIT_COSTS.get(shape, _TEXT_COSTS[shape])
        if column == self.detail and shape == "figures":
            return 2.0  # a task's text is words
        if column > self.detail and name == OTHER and shape == "number":
            return _LATE_NUMBER  # a figure column's small number (`95`), the rows' own found
        if column == self.detail and shape == "short":
            return _SHORT_TASK  # a few words are a group cell's more likely than a task's
        return _TEXT_COSTS[shape]

    def extra(self, column: int, piece: str, shape: str) -> float:
        """The cost of a further piece in a column that has one already."""
        name = self.fields[column]
        fit = self.cost(column, shape)
        if name == "lead":
            return fit + self.unit_extra + 0.02  # a lead cell holds one unit more often than not
        if name in _UNIT_FIELDS or name == "persons":
            return fit + self.unit_extra  # a list written over several lines
        if name == "deadline":
            return fit + 0.5
        if self.wraps and _CJK_CHAR.match(piece):
            return fit  # what a PDF wrap leaves of a cell
        if column < self.detail:
            return _TEXT_COSTS[shape] + 0.1  # a group cell wrapped in its narrow column
        if column == self.detail:
            # the task's text is one piece more often than a note is; a wide column wraps into long
            # pieces, a narrow one (a group cell) into short ones
            return fit + (0.2 if shape == "short" else 0.11)
        return fit + 0.1

    def vectors(self, shape: str, single: bool) -> tuple[list[float], list[float]]:
        """The cost of a piece of this shape in each column, as its first piece and as a further
        one (`single`: the piece is one Chinese character); computed once per layout."""
        key = (shape, single)
        found = self._vectors.get(key)
        if found is None:
            piece = "字" if single else ""
            columns = range(len(self.fields))
            fits = [self.cost(column, shape) for column in columns]
            extras = [self.extra(column, piece, shape) for column in columns if shape != "empty"]
            found = self._vectors[key] = (fits, extras)
        return found

    def has_groups(self) -> bool:
        """Whether columns stand before the task text (rowspanned group cells)."""
        return self.detail > 0


@dataclass
class _Placed:
    """A row's pieces placed in its columns."""

    cells: list[list[str]]
    number: str
    rest: list[str]  # the pieces after its last column
    cost: float = 0.0  # how badly the pieces fit their columns


_State = tuple[int, bool, bool, bool]  # column, column has a piece, number taken, task text placed
_Layer = dict[_State, tuple[float, "_State | None", object]]


def _step(layer: _Layer, state: _State, cost: float, previous: _State, action: object) -> None:
    """Keep the cheaper way to reach `state` (the first one found on a tie)."""
    known = layer.get(state)
    if known is None or cost < known[0]:
        layer[state] = (cost, previous, action)


def _align(pieces: list[str], layout: _Layout, *, rest_cost: float | None, chain: bool) -> _Placed:
    """The cheapest placement of `pieces`, in order, in the layout's columns (dynamic programming
    over (column, column has a piece, number taken, task text placed)). With `rest_cost`, the pieces
    from a text-shaped one after the task text on may be left for the next row at that cost a piece
    (with `chain`, only after the last unit column). Ties go to the placement leaving fewer pieces."""
    width = len(layout.fields)
    detail = layout.detail
    start: _State = (-1, False, False, False)
    # per position: state → (cost, previous state, action)
    layers: list[_Layer] = [{start: (0.0, None, None)}]
    exits: list[tuple[tuple[float, int], int, _State]] = []
    for index, piece in enumerate(pieces):
        shape = layout.shape(piece)
        has_piece = shape != "empty"
        fits, extras = layout.vectors(shape, bool(_CJK_CHAR.match(piece)))
        skip = _SKIP_NUMBER if shape == "number" else _SKIP if has_piece else _SKIP_EMPTY
        leaves = rest_cost is not None and shape in _TEXTS
        takes_number = shape == "number" and layout.floating
        layer: _Layer = {}
        step = functools.partial(_step, layer)
        for state, (cost, _previous, _action) in layers[index].items():
            column, filled, numbered, placed = state
            if leaves and placed and (not chain or column >= layout.last_unit):
                left = len(pieces) - index
                exits.append(((cost + rest_cost * left, left), index, state))  # type: ignore[operator]
            step(state, cost + skip, state, "skip")
            if takes_number and not numbered and not placed:
                step((column, filled, True, placed), cost, state, "number")
            if filled and has_piece:
                step(state, cost + extras[column], state, column)
            for target in range(column + 1, width):  # the hot loop: `step` written out
                reached = (target, has_piece, numbered, placed or (has_piece and target == detail))
                new_cost = cost + fits[target]
                known = layer.get(reached)
                if known is None or new_cost < known[0]:
                    layer[reached] = (new_cost, state, target)
        layers.append(layer)
    for state, (cost, _previous, _action) in layers[-1].items():
        exits.append(((cost + (0.0 if state[3] else _NO_TASK), 0), len(pieces), state))
    (cost, _left), end, state = min(exits, key=lambda item: item[0])
    cells: list[list[str]] = [[] for _ in range(width)]
    number = ""
    position: _State | None = state
    for index in range(end, 0, -1):
        assert position is not None
        _known, previous, action = layers[index][position]
        if action == "number":
            number = pieces[index - 1].rstrip(".、")
        elif isinstance(action, int) and pieces[index - 1]:
            cells[action].insert(0, pieces[index - 1])
        position = previous
    return _Placed(cells, number, pieces[end:], cost)


def _joined(pieces: list[str]) -> str:
    """A cell's pieces as one cell text: a line each (the table reader joins text lines and splits
    unit lists at them); a single character left by a wrap goes back onto the piece before it."""
    text = ""
    for piece in pieces:
        if text and _CJK_CHAR.match(piece):
            text += piece
        else:
            text += ("\n" if text else "") + piece
    return text


# --- One row a line ---------------------------------------------------------------------------------


def _split_letter_spaced(line: str) -> list[str]:
    """Cells of a line split by single spaces, single Chinese characters run back together
    (`序号 工 作 任 务 牵头负责部门` → 序号, 工作任务, 牵头负责部门)."""
    return [cell for cell in _split_spaced(line) if cell]


def _split_spaced(line: str) -> list[str]:
    """`_split_letter_spaced` keeping the empty cells a run of spaces leaves (n spaces: n-1 empty
    cells, as a PDF copy writes a row whose rowspanned cells are blank)."""
    cells: list[str] = []
    joining = False
    for token in line.strip().replace("\t", " ").replace("\u3000", " ").split(" "):
        single = len(token) == 1 and "\u4e00" <= token <= "\u9fff"
        if single and joining and cells:
            cells[-1] += token
        else:
            cells.append(token)
        joining = single
    return cells


def _split_tabs(line: str) -> list[str]:
    """Cells of a tab-separated line; a cell Excel quoted (`"推进…\n完善…"`) unquoted."""
    cells = [cell.strip() for cell in line.strip(" ").split("\t")]
    return [
        cell[1:-1].replace('""', '"') if len(cell) > 1 and cell[0] == cell[-1] == '"' else cell
        for cell in cells
    ]


def _split_bars(line: str, bordered: bool) -> list[str]:
    """Cells of a `|` row. A bar opening the line is a border (`| 1 | 推进… |`, Markdown) when the
    table has one (`bordered`), else it closes an empty first cell; a bar ending the line closes
    its last cell (`工作任务 | 具体要求 | 责任部门 |`)."""
    text = line.strip()
    if text.endswith("|"):
        text = text[:-1]
    if bordered and text.startswith("|"):
        text = text[1:]
    return [cell.strip() for cell in text.split("|")]


def _splitter(name: str, header_line: str) -> Callable[[str], list[str]]:
    """How the rows of a table whose header line is `header_line` are split into cells."""
    if name == "pipe":
        return functools.partial(_split_bars, bordered=header_line.lstrip().startswith("|"))
    return _SPLITTERS[name]


_SPLITTERS: dict[str, Callable[[str], list[str]]] = {
    "tab": _split_tabs,
    "gap": lambda line: [cell.strip() for cell in _WIDE_GAP.split(line.strip())],
    "space": _split_letter_spaced,
}
_SPLITTER_NAMES = ("tab", "pipe", "gap", "space")


def _line_rows(lines: list[str]) -> list[list[str]] | None:
    """A table of one row a line: the first header line and the rows below it, by its splitter."""
    for index, line in enumerate(lines):
        if len(line) > _MAX_HEADER_LINE:
            continue
        below = 1
        if _header_words(line, 0, len(line)) < 2 and not _few_words_header(line):
            # a header row written over two lines (`序号 | 重点 | 牵头 |` / ` | 任务 | 单位 |`)
            if ("|" not in line and "\t" not in line) or index + 1 == len(lines):
                continue
            line = _two_line_header(line, lines[index + 1])
            if not line:
                continue
            below = 2
        for name in _SPLITTER_NAMES:
            if (name == "tab" and "\t" not in line) or (name == "pipe" and "|" not in line):
                continue
            split = _splitter(name, line)
            header = split(line)
            spanning = list(header)  # (its empty cells may be what a cell above spans)
            while header and not header[-1]:
                header.pop()  # `时限要求 | ||`: cells the header row leaves empty
            under = index + below
            if under < len(lines) and _MARKDOWN_RULE.match(lines[under]):
                under += 1  # a Markdown table's rule under its first header row
            refined = _sub_header(spanning, split(lines[under])) if under < len(lines) else None
            if refined is not None and _is_header(refined):
                header, below = refined, under - index + 1
            elif len(header) < 2 or not _is_header(header):
                continue
            body = _normalized(lines[index + below :], wide=name == "gap")
            header = _normalized(header)
            return [
                *[[text] for text in lines[max(0, index - HEADER_SEARCH_ROWS + 1) : index]],
                *_body_rows(body, name, split, header),
            ]
    return None


def _sub_header(header: list[str], lower: list[str]) -> list[str] | None:
    """The header made more specific by a second header row under a cell that spans some columns
    (`序号 | 重点任务 | 责任单位 | | 完成时限` over ` | | 牵头单位 | 配合单位 |`, or the lower row
    written without its empty cells: `牵头单位 | 配合单位`), or None when the row is no such row."""
    cells = [cell for cell in lower if cell]
    if not cells or any(header_kind(cell) is None for cell in cells):
        return None
    # a cell over the empty ones it spans (`责任单位 | |`, `信息更新 | |`): the lower cells, as
    # many, are its parts, wherever the copy put them in their row
    spans = [
        (column, width)
        for column, cell in enumerate(header)
        if cell
        and (width := 1 + len(list(itertools.takewhile(lambda c: not c, header[column + 1 :])))) > 1
    ]
    if len(spans) == 1 and spans[0][1] == len(cells):
        column, width = spans[0]
        return [*header[:column], *cells, *header[column + width :]]
    fields = header_fields(header)
    lower_fields = set(header_fields(cells))
    for column, name in enumerate(fields):
        # the one cell the lower row spells out: a unit column over units of their roles
        # (`责任单位` over `牵头单位 | 配合单位`), a period over its parts
        if name in _ROLE_FIELDS and lower_fields <= set(_ROLE_FIELDS) and len(cells) >= 2:
            span = column + 1
            while span < len(header) and not header[span]:
                span += 1  # the empty cells the spanning cell covers
            return [*header[:column], *cells, *header[span:]]
    return None


def _spanned_header(header: list[str]) -> list[str]:
    """A header of one cell a line whose second row spells out a unit cell of the first (`序号` /
    `重点任务` / `责任单位` / `完成时限` / `牵头单位` / `配合单位`): the role cells closing the run
    stand where the cell they refine does (序号, 重点任务, 牵头单位, 配合单位, 完成时限). Any other
    header is returned as it is."""
    fields = header_fields(header)
    tail = len(header)
    while tail > 0 and fields[tail - 1] in ("lead", "support"):
        tail -= 1
    spelled = header[tail:]
    if len(spelled) < 2 or "responsible" not in fields[:tail]:
        return header
    at = fields.index("responsible")
    if any(name in ("lead", "support") for name in fields[:tail]) or at == tail - 1:
        return header  # the units' columns are in the first row, or the unit cell ends it
    return [*header[:at], *spelled, *header[at + 1 : tail]]


def _two_line_header(first: str, second: str) -> str:
    """The header row a table writes over two lines of `|` or tab cells, its cells joined column by
    column, or '' when the two lines are no such header."""
    for separator, name in (("|", "pipe"), ("\t", "tab")):
        split = _splitter(name, first)
        if separator not in first or separator not in second or len(second) > _MAX_HEADER_LINE:
            continue
        upper, lower = split(first), split(second)
        if len(upper) != len(lower) or any(len(cell) > 8 for cell in upper + lower):
            continue
        cells = [a + b for a, b in zip(upper, lower, strict=True)]
        if _is_header(cells) and not _is_header(upper):
            return separator.join(cells)
    return ""


def _body_rows(
    lines: list[str],
    splitter: str,
    split: Callable[[str], list[str]],
    header: list[str],
    *,
    marked: bool = False,
    notes: list[tuple[int, str]] | None = None,
) -> list[list[str]]:
    """The header row and the rows below it. A row of the header's width whose cells fit their
    columns is taken as it is; a shorter line that does not start a numbered row and ends in no
    unit-like cell continues the row above (a cell wrapped onto the next line); any other row has
    its cells placed by shape (`_align`), after its leading section cells (`一、…` | `(一)…` | `1`,
    rowspanned on its first row) are taken out as section rows. With `marked`, each line is a row
    (the text marks where rows end) whose missing cells are merged ones (`_fill_rowspans`)."""
    fields = _column_fields(header)
    numbered = fields[0] == "number"
    columns = fields[1:] if numbered else fields
    layout = _Layout.of(columns, floating=not numbered, unit_extra=0.3, wraps=splitter == "space")
    width = len(columns)
    rows: list[list[str]] = []
    labels: list[str] = []

    def add(label: str, cells: list[str]) -> None:
        labels.append(label)
        rows.append(cells + [""] * (width - len(cells)))

    sub_rows = 0
    for position, line in enumerate(lines):
        if _MARKDOWN_RULE.match(line.strip()):
            continue
        if splitter == "pipe" and rows and "|" not in line and _is_section(line.strip()):
            break  # `二、工作要求` under a table of `|` rows: the text goes on, the table has ended
        split_cells = split(line)  # as written, empty cells included
        if splitter == "space":
            cells = _split_spaced(line)
        elif splitter == "tab":
            cells = list(split_cells)
        else:
            cells = list(split_cells)
            interior_gap = any(not c and any(cells[i + 1 :]) for i, c in enumerate(cells))
            if len(cells) != width + numbered or not cells[0] or not interior_gap:
                # a row of its own shape (merged cells left out, rows shifted left): its empty
                # pieces hold no column; a full row with an empty cell inside keeps it in place
                cells = [cell for cell in cells if cell != ""]
        if not any(cells):
            continue
        in_place = numbered and rows and splitter in ("tab", "pipe")
        sub_row = _sub_row(split_cells) if in_place else []
        if (
            not sub_row
            and in_place
            and sub_rows
            and position == len(lines) - 1
            and splitter == "pipe"
            and not line.rstrip().endswith("|")
            and lines[position - 1].rstrip().endswith("|")
            and _shape(split_cells[0].strip()) != "number"
            and not split_cells[0].strip().startswith(_NOTE_PREFIXES)
        ):
            # the copy's end cuts a sub-row inside its cells (`打通城市断头路6条。 | 新建城北…` with
            # no closing bar) in a table that writes sub-rows: a sub-row still, not a wrap
            sub_row = [cell.strip() for cell in split_cells]
        if sub_row:
            sub_rows += 1
            # `新增学位810个 | |||||`, `新增托位500个。 | 新增托位600个。 | ||`: a sub-row's own cells
            # from the task's column on, its 序号 and its empty cells the row above's
            own = {layout.detail + offset: cell for offset, cell in enumerate(sub_row) if cell}
            add(labels[-1], [own.get(i, cell) for i, cell in enumerate(rows[-1])])
            continue
        if in_place:
            # `| | 完善政务云平台 | | 市政务服务局 |`: a row without its 序号, its cells in place
            placed_cells = _under_the_row_above(split_cells, width)
            if placed_cells is not None:
                if _goes_on(rows[-1][layout.detail], placed_cells[layout.detail]):
                    rows[-1] = [
                        _joined([above, cell]) if above and cell else above or cell
                        for above, cell in zip(rows[-1], placed_cells, strict=True)
                    ]
                else:  # a sub-row under the same number: its empty cells are the row above's
                    add(labels[-1], [c or a for c, a in zip(placed_cells, rows[-1], strict=True)])
                continue
        while len(cells) > width + 1 and not cells[-1]:
            cells.pop()  # a trailing tab or bar
        label = ""
        if numbered and cells and _shape(cells[0]) == "number":
            label, cells = cells[0].rstrip(".、"), cells[1:]
        # `(二)聚焦… | 4.建立… | …` under a group column: the section cell is a section row's
        # (or in columns named otherwise, `工作要求 | 一级要点`, whose cells open with section markers)
        over_item = len(cells) > 1 and (
            (layout.has_groups() and _is_section(cells[0]) and _is_item(cells[1]))
            or 0 < len(_leading_sections(cells)[0]) <= layout.detail
        )
        if len(cells) == width and not over_item and _fit_as_they_stand(cells, layout):
            add(label, cells)
            continue
        if (
            rows
            and not label
            and len(cells) < width
            and _next_item(rows[-1][layout.detail], cells[0])
        ):
            # `11.提前做好…` alone (its unit cell cut or empty): a new row in the same group
            add("", rows[-1][: layout.detail] + cells)
            continue
        starts_row = (
            marked
            or bool(label)
            or any(_shape(cell) == "number" for cell in cells[:1])
            or bool(_leading_sections(cells)[0])  # `(三)聚焦… | 7.完善…`: a group's first row
            # `二、重点工作` in a table with section rows above: a section row of its own (in a table
            # without them, a section line after it is the text's next heading)
            or (
                len(cells) == 1
                and _is_section(cells[0])
                and any(
                    not name and _is_section(row[layout.detail])
                    for name, row in zip(labels, rows, strict=True)
                )
            )
        )
        cell_like = len(cells) >= 2 and layout.shape(cells[-1]) in ("units", "part", "time")
        if rows and not starts_row and len(cells) < width and not cell_like:
            if not _continue_cells(rows[-1], cells, layout):
                rows[-1][layout.detail] += "".join(cells)
            continue
        sections, cells = _leading_sections(cells)
        for section in sections:
            add(section, [section] * width)
        placed = _align(
            [cell for cell in cells if splitter in ("space", "tab") or cell],
            layout,
            rest_cost=None,
            chain=False,
        )
        add(label or placed.number, [_joined(cell) for cell in placed.cells])
    header_row = header if numbered else ["序号", *header]
    if marked:
        filled = _fill_rowspans(
            [
                (label or str(index), row)
                for index, (label, row) in enumerate(zip(labels, rows, strict=True), start=1)
            ],
            layout,
            notes,
        )
        rows = [row for _label, row in filled]
    return [header_row, *([label, *row] for label, row in zip(labels, rows, strict=True))]


def _continue_cells(row: list[str], cells: list[str], layout: _Layout) -> bool:
    """Place a line that goes on with the row above (`row`) after its last filled cell, when that
    cell is a unit cell and the line a unit's name (a unit list written a name a line: `2 第一产业…
    区农业农村委` / `区林业局` / `区供销联社`), or when the line's cells fill the columns left
    empty after it (the row's 推进情况 cell following its units); False when the line is none of
    these (then it is the task text wrapped)."""
    last = max((column for column, cell in enumerate(row) if cell), default=-1)
    if last <= layout.detail:
        return False
    if len(cells) == 1 and layout.fields[last] in _UNIT_FIELDS and _shape(cells[0]) == "units":
        row[last] += "\n" + cells[0]
        return True
    free = len(row) - last - 1
    if not 0 < len(cells) <= free or any(_shape(cell) in ("units", "number") for cell in cells):
        return False
    for offset, cell in enumerate(cells, start=last + 1):
        if layout.cost(offset, layout.shape(cell)) >= 3.0:
            return False
    row[last + 1 : last + 1 + len(cells)] = cells
    return True


def _sub_row(cells: list[str]) -> list[str]:
    """The cells of a row written without its 序号 and ended by empty cells the text marks (`新增学位
    810个 | |||||`, `新增托位500个。 | 新增托位600个。 | ||`): a task cell first, then at least two
    empty cells at its end; [] for any other row."""
    cells = [cell.strip() for cell in cells]
    if len(cells) < 3 or not cells[0] or _shape(cells[0]) == "number" or any(cells[-2:]):
        return []
    return cells


def _under_the_row_above(cells: list[str], width: int) -> list[str] | None:
    """The cells (序号 aside) of a row written with an empty 序号 cell and its cells in their
    columns, or None for any other row."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    if len(cells) < 2 or cells[0] or len(cells) > width + 1:
        return None
    return cells[1:] + [""] * (width + 1 - len(cells))


def _goes_on(above: str, text: str) -> bool:
    """Whether a row's task text `text` continues the text of the row above (its cell wrapped into
    a row of its own) rather than starting a task of its own: the text above ends no sentence, and
    `text` starts with no item marker."""
    if not text:
        return True
    return not above.rstrip().endswith(("。", ";", "!", "?")) and match_marker(text) is None


def rows_fit(header: list[str], rows: list[list[str]]) -> bool:
    """Whether rows cut to the header's width have every cell in a column of its kind (no sentence
    in a unit, person or deadline column, no number in a text column)."""
    fields = _column_fields(header)
    numbered = fields[0] == "number"
    layout = _Layout.of(fields[1:] if numbered else fields, floating=False)
    return all(
        _fit_as_they_stand([cell.strip() for cell in (row[1:] if numbered else row)], layout)
        for row in rows
        if any(cell.strip() for cell in row)
    )


def _fit_as_they_stand(cells: list[str], layout: _Layout) -> bool:
    """True when no cell is clearly out of its column: a number in a column that holds none, a
    sentence in a unit, person or deadline column."""
    for column, cell in enumerate(cells):
        shape = layout.shape(cell)
        if shape == "number" and layout.fields[column] not in (OTHER, None):
            return False
        if shape == "text" and layout.cost(column, shape) >= 3.0:
            return False
    return True


def _leading_sections(cells: list[str]) -> tuple[list[str], list[str]]:
    """The cells with a section marker (`一、…`, `(一)…`) a row starts with before its number (or a
    task cell numbered itself: `7.完善…`), and the rest of its cells."""
    count = 0
    while count < len(cells) - 1 and _is_section(cells[count]):
        count += 1
    if count and (_shape(cells[count]) == "number" or _is_item(cells[count])):
        return cells[:count], cells[count:]
    return [], cells


def _is_item(text: str) -> bool:
    """True for a task cell opening with its own item number (`7.完善…`)."""
    marker = match_marker(text)
    return marker is not None and marker.style not in ("第一", "一、", "(一)") and bool(marker.rest)


def _is_section(text: str) -> bool:
    marker = match_marker(text)
    return marker is not None and marker.style in ("第一", "一、", "(一)")


def _next_item(previous: str, cell: str) -> bool:
    """True when `cell` starts with the item marker after the one `previous` starts with."""
    before, marker = match_marker(previous), match_marker(cell)
    return (
        before is not None
        and marker is not None
        and marker.style == before.style
        and marker.value == before.value + 1
    )


# --- Rows marked by bars ----------------------------------------------------------------------------


def _bar_marked_rows(
    lines: list[str], notes: list[tuple[int, str]] | None = None
) -> list[list[str]] | None:
    """A `|` table copied from a web page whose cells open with a bar at the start of a line
    (`| 目标任务`) and whose rows end with a bar alone on its line; a cell may run over several
    lines (a unit list, a name written vertically in a narrow column: `市`/`监`/`察`/`局`), and a
    merged cell is missing from the rows below its first (its place is found by the shapes of the
    cells, its text shared: `_fill_rowspans`). None for text of any other shape."""
    if sum(line == "|" for line in lines) < 2 or sum(_opens_cell(line) for line in lines) < 2:
        return None
    rows: list[list[list[str]]] = []
    current: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if line == "|" and index + 1 < len(lines) and _opens_cell(lines[index + 1]):
            current.append([])  # an empty cell: a row's next cell opens on the next line
        elif line == "|":
            if any(current):
                rows.append(current)
            current = [[]]
        elif _opens_cell(line):
            current.append([line[1:].strip()])
        else:
            current[-1].append(line)
    if any(current):
        rows.append(current)  # the last row, cut where the copy ends
    for index, row in enumerate(rows):
        cells = [_cell_text(cell) for cell in row]
        *above, first = cells[0].split("\n") if cells[0] else [""]
        header = [first, *cells[1:]]
        if len(header) < 2 or len(header) > 12 or not _is_header(header):
            continue
        if any(header_kind(cell) is None for cell in header if cell):
            continue
        body = [" | ".join(_cell_text(cell) for cell in later) for later in rows[index + 1 :]]
        title_lines = [line for earlier in rows[:index] for cell in earlier for line in cell]
        title_rows = [[text] for text in [*title_lines, *above][-(HEADER_SEARCH_ROWS - 1) :]]
        found: list[tuple[int, str]] = []
        table = _body_rows(
            _normalized(body),
            "pipe",
            _splitter("pipe", ""),
            _normalized(header),
            marked=True,
            notes=found,
        )
        if notes is not None:
            notes.extend((len(title_rows) + 2 + row, message) for row, message in found)
        return [*title_rows, *table]
    return None


# A line of bars alone closing a row of one cell a line (`||`, `|||`): one bar for each cell that a
# merge above leaves out of the row.
_FILLER = lazy(r"^\|{2,}$")


def _filler_bar_rows(lines: list[str]) -> list[list[str]] | None:
    """A table copied one cell a line, each cell closed by a bar (`钱 宇` / `|`, or `区城管局 |`),
    whose rows that a merged cell above leaves short end with a line of bars, one for each cell left
    out (`||`): a row is its cells up to the header's width or to such a line. Which columns a short
    row lacks is told by the shapes of its cells (a task's text, names, a unit list); those take the
    cell above (the merge). None for text of any other shape."""
    if sum(bool(_FILLER.match(line)) for line in lines) < 2:
        return None
    cells: list[str | int] = []  # a cell's text, or the count of cells a row's filler leaves out
    pending: list[str] = []
    for line in lines:
        if _FILLER.match(line):
            if pending:
                cells.append("\n".join(pending))
                pending = []
            cells.append(len(line))
        elif line == "|":
            cells.append("\n".join(pending))
            pending = []
        elif line.endswith("|") and "|" not in line[:-1]:
            pending.append(line[:-1].strip())
            cells.append("\n".join(pending))
            pending = []
        else:
            pending.append(line)
    if pending:
        cells.append("\n".join(pending))
    for index, cell in enumerate(cells[:-1]):
        # the lines above the header run into its first cell (`(共118项)` / `序号` / `|`)
        if isinstance(cell, str) and "\n" in cell and header_kind(str(cells[index + 1])):
            above, _, first = cell.rpartition("\n")
            if header_kind(first):
                cells[index : index + 1] = [above, first]
                break
    runs = ((index, _header_run(cells, index)) for index in range(len(cells)))
    start, width = next(
        (
            (index, width)
            for index, width in runs
            if width >= 3 and _is_header([str(c) for c in cells[index : index + width]])
        ),
        (None, 0),
    )
    if start is None:
        return None
    header = [str(cell) for cell in cells[start : start + width]]
    fields = _column_fields(header)
    titles = [
        [line] for cell in cells[:start] if isinstance(cell, str) for line in cell.splitlines()
    ][-(HEADER_SEARCH_ROWS - 1) :]
    rows: list[list[str]] = []
    row: list[str] = []
    above: list[str] | None = None
    misfits = 0
    for cell in [*cells[start + width :], 0]:
        if isinstance(cell, str):
            row.append(cell)
            if len(row) < width:
                continue
            missing = 0
        else:
            missing = cell
            if not row:
                continue
        if len(row) + missing > width:
            # an empty row the copy ran into this one (a section row without its text, `|` then
            # `||||`): its cells are no part of the row, which lacks what its width says
            before = len(row)
            while row and not row[-1] and len(row) + missing > width:
                row.pop()
            misfits += len(row) == before  # more cells than the header has: not this shape
            missing = width - len(row)
        elif len(row) + missing != width and cell != 0:
            misfits += 1
        if len(row) == 1 and match_marker(row[0].strip()) is not None and missing:
            rows.append([row[0]] * width)  # a section row across the table
            above = None
        else:
            # (the last row, cut where the copy ends, takes nothing from above: what it lacks may
            # be what the copy lost)
            placed = _placed_short_row(row[:width], width, fields, None if cell == 0 else above)
            rows.append(placed)
            above = placed
        row = []
    if misfits * 3 > len(rows) or len(rows) < 2:
        return None
    return [*titles, header, *rows]


def _header_run(cells: list[str | int], start: int) -> int:
    """How many header cells follow one another from `start`."""
    end = start
    while end < len(cells) and isinstance(cells[end], str) and header_kind(str(cells[end])):
        end += 1
    return end - start


def _placed_short_row(
    row: list[str], width: int, fields: list[str | None], above: list[str] | None
) -> list[str]:
    """A row's cells in their columns: a row short of the header's width lacks the cells a merge
    above leaves out, found by the cells' shapes (the columns left out take the cell above)."""
    if len(row) >= width:
        return row[:width]
    best: tuple[float, int] | None = None
    chosen: tuple[int, ...] = tuple(range(len(row)))
    for columns in itertools.combinations(range(width), len(row)):
        cost = sum(_fit(fields[c], row[i]) for i, c in enumerate(columns))
        key = (cost, -sum(columns))  # ties: the merged cells are the leftmost (group cells)
        if best is None or key < best:
            best, chosen = key, columns
    # a merged 序号, leader, deadline or unit cell is the row's too; a merged group cell (a task
    # column's, another kind's) is left empty, as the table reader reads a group merged away
    placed = [
        above[c] if above is not None and fields[c] in _SPANNED_FIELDS else "" for c in range(width)
    ]
    for i, c in enumerate(chosen):
        placed[c] = row[i]
    return placed


_SPANNED_FIELDS = ("persons", "deadline", *_ROLE_FIELDS)


def _fit(field: str | None, cell: str) -> float:
    """How badly a cell fits a column of the field (0: well)."""
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    shapes = {_shape(line.lstrip("".join(LEAD_UNIT_MARKS))) for line in lines} or {"empty"}
    shape = shapes.pop() if len(shapes) == 1 else "text"
    if shape == "empty":
        return 0.5
    if field == "number":
        return 0.0 if shape == "number" else 9.0
    if field == "task":
        return {"text": 0.0, "short": 1.0}.get(shape, 6.0)
    if field == "persons":
        return 0.0 if shape == "person" else 9.0
    if field in _ROLE_FIELDS:
        return 0.0 if shape in ("units", "part") else 8.0
    if field == "deadline":
        return {"time": 0.0, "short": 1.0}.get(shape, 5.0)
    return 1.0


def _opens_cell(line: str) -> bool:
    return line.startswith("|") and bool(line[1:].strip(" |"))


def _cell_text(lines: list[str]) -> str:
    """A cell's lines as one text, a line each; a name written vertically in a narrow column
    (`市政`/`府办`/`公厅`: short lines, some no name alone, a unit's name together) joined."""
    from taskctl.ingest.units import unit_problem

    lines = [line.strip() for line in lines if line.strip()]
    if (
        len(lines) >= 2
        and all(len(line) <= 4 for line in lines)
        and any(unit_problem(line) is not None for line in lines)
        and unit_problem("".join(lines)) is None
    ):
        return "".join(lines)
    return "\n".join(lines).replace("|", "")


# --- One cell a line --------------------------------------------------------------------------------


def _cell_lines_tables(
    lines: list[str], notes: list[tuple[int, str]] | None = None
) -> list[tuple[str | None, list[list[str]]]]:
    """The tables of one cell a line: a run of header lines, then the rows (see the module
    docstring), each table running to the next one's header. A header repeated without a section
    line above it (a table printed over pages) goes on with the same table; one under its own
    section line (`二、…`) starts a table named by that line. (name, title rows and rows) each."""
    headers = _cell_headers(lines)
    tables: list[tuple[str | None, list[list[str]]]] = []
    position = 0
    top = 0  # where the lines above the next table's header start
    while position < len(headers):
        start, end, header = headers[position]
        name = None
        at = start
        while at > top and _is_section(lines[at - 1]):
            at -= 1
        if at < start:
            name = lines[at]
        body: list[str] = []
        following = position + 1
        stop = len(lines)
        while following < len(headers):
            next_start, next_end, next_header = headers[following]
            above = next_start
            while above > end and _is_section(lines[above - 1]):
                above -= 1
            while above > end and _titles_a_table(lines[above - 1]):
                above -= 1  # `附件2` / `2022年…任务分解表` over the next header: not this table's
            if above == next_start and next_header == header:
                body += lines[end:next_start]  # the header printed again on a new page
                end = next_end
                following += 1
                continue
            stop = above
            break
        body = _before_text_sections(body + lines[end:stop])
        found: list[tuple[int, str]] = []
        rows = _cell_rows(_normalized(_spanned_header(header)), _normalized(body), found)
        position = following
        if rows is None:
            continue
        first = max(top, start - HEADER_SEARCH_ROWS + 1)
        title_rows = [[text] for text in lines[first:start]]
        if notes is not None:  # a note's row counted in its sheet
            notes.extend((len(title_rows) + 2 + row, message) for row, message in found)
        tables.append((name, [*title_rows, *rows]))
        top = stop
    return tables


def _before_text_sections(body: list[str]) -> list[str]:
    """A one-cell-a-line table's body up to a section line after which the text goes on as numbered
    items naming no unit (`二、4月份清单之外其他重要工作` / `1、下发…` / `2、启动…`): the table has
    ended there, the items are the text's."""
    for index, line in enumerate(body[1:-1], start=1):
        if not _is_section(line):
            continue
        first = match_marker(body[index + 1])
        if first is None or first.value != 1 or not first.rest or _is_section(body[index + 1]):
            continue
        if not any(_shape(later) in ("units", "part") for later in body[index + 1 :]):
            return body[:index]
    return body


# --- Cells glued without separators ----------------------------------------------------------------


def _glued_header(line: str) -> list[str] | None:
    """A header whose cells a copy glued together (`序号项目名称责任单位`): its cells, found as the
    header words that make up the line (as many whole header words as can be, then as few cells),
    opening with 序号 and naming a task column and one unit column; None for any other line."""
    from taskctl.ingest.tables import exact_header_field

    text = "".join(line.split())
    if not 4 <= len(text) <= _MAX_HEADER_LINE or not text.startswith(("序号", "编号")):
        return None
    # best[end]: (-whole words, cells) of the best split of text[:end], and its cells
    best: list[tuple[tuple[int, int], list[str]] | None] = [((0, 0), [])] + [None] * len(text)
    for end in range(2, len(text) + 1):
        for start in range(max(0, end - _MAX_HEADER_CELL), end - 1):
            before = best[start]
            word = text[start:end]
            if before is None:
                continue
            whole = exact_header_field(word) is not None
            if not whole and (len(word) > 6 or header_kind(word) is None):
                continue
            (missing, count), cells = before
            key = (missing - whole, count + 1)
            if best[end] is None or key < best[end][0]:  # type: ignore[index]
                best[end] = (key, [*cells, word])
    found = best[len(text)]
    if found is None or len(found[1]) < 3:
        return None
    cells = found[1]
    fields = _column_fields(cells)
    roles = [field for field in fields if field in _UNIT_FIELDS]
    if fields[0] != "number" or "task" not in fields or len(roles) != 1:
        return None
    return cells


def _glued_rows(lines: list[str]) -> list[list[str]] | None:
    """A table copied with every separator lost (`序号项目名称责任单位` / `1切实解决…60万平方米。市房管局`
    / `市建设局` / `2对建军东路…`, a yearbook's table): rows open with their 序号 glued to the text,
    in sequence; a row's unit cell is glued after its text's last full stop, and further units of
    the cell stand one a line below. Only a header of one unit column is read so (two glued unit
    cells cannot be told apart). None for text of any other shape."""
    for index, line in enumerate(lines):
        header = _glued_header(line) if line[:2] in ("序号", "编号") else None
        if header is None:
            continue
        fields = _column_fields(header)
        task = max(i for i, field in enumerate(fields) if field == "task")
        unit = next(i for i, field in enumerate(fields) if field in _UNIT_FIELDS)
        rows: list[list[str]] = []
        for later in lines[index + 1 :]:
            number = str(len(rows) + 1)
            text = later.strip()
            if text.startswith(number) and text[len(number) : len(number) + 1] > "\u4dff":
                rest = text[len(number) :]
                stop = rest.rfind("。") + 1
                row = [""] * len(header)
                row[0], row[task], row[unit] = (
                    number,
                    rest[:stop] or rest,
                    rest[stop:] if stop else "",
                )
                rows.append(row)
            elif rows and _shape(text) in ("units", "part"):
                row = rows[-1]
                row[unit] = f"{row[unit]}、{text}" if row[unit] else text
            elif rows and not rows[-1][unit]:
                rows[-1][task] += text  # the row's text wrapped onto the next line
            elif rows:
                break  # the text after the table
        if len(rows) >= 2:
            return [*[[text] for text in lines[max(0, index - 3) : index]], header, *rows]
    return None


def _titles_a_table(line: str) -> bool:
    """An attachment's number (`附件2`) or a plan's title line (`2022年…重点工作任务分解表`)."""
    return bool(_ATTACHMENT_LINE.match(line)) or is_plan_title(line)


_ATTACHMENT_LINE = lazy(
    rf"^(?:{'|'.join(ATTACHMENT_MARKERS)})\s*[0-9一二三四五六七八九十]{{0,3}}[::]?$"
)


def _cell_headers(lines: list[str]) -> list[tuple[int, int, list[str]]]:
    """(first line, line after, cells) of each run of header lines naming a task column and a
    unit, person or deadline column."""
    found: list[tuple[int, int, list[str]]] = []
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if len(line) - line.count(" ") > _MAX_HEADER_CELL:
            index += 1  # a line of text: no header starts here (the quick test of most lines)
            continue
        end = index
        header: list[str] = []
        while end < count:
            # a header cell broken over two lines (`牵头` / `单位`) is one cell
            if end + 1 < count and _split_header_cell(lines[end], lines[end + 1]):
                header.append(lines[end] + lines[end + 1])
                end += 2
            elif header and _is_header_note(lines[end]):
                header[-1] += lines[end]  # `责任股室` / `(单位)`, `完成目标` / `(%)`
                end += 1
            elif header_kind(lines[end]):
                header.append(lines[end])
                end += 1
            else:
                break
        if len(header) >= 3 and _is_header(header):
            found.append((index, end, header))
        index = max(end, index + 1)
    return found


def _is_header_note(line: str) -> bool:
    """A short bracket alone on its line (`(单位)`, `(%)`): the end of the header cell above,
    wrapped in its narrow column (not a section marker `(一)`)."""
    return bool(_HEADER_NOTE.match(line)) and match_marker(line) is None


_HEADER_NOTE = lazy(r"^[(（][^()（）]{1,6}[)）]$")


def _split_header_cell(first: str, second: str) -> bool:
    """Whether two short lines are one header cell broken in two: together they are a header word
    and the second is no header cell alone (`重点` / `任务`, `牵头` / `单位`, `完成` / `时限`, `工程` /
    `名称`), or the first is a role word without its holder and together they are a label
    (`市级牵头` / `责任单位`: one lead column, not a lead and a responsible one), or the first is a
    header cell and the second only the word naming its column (`攻坚目标` / `任务`), or the first the
    period of the header cell below (`第二季度` / `完成情况`)."""
    from taskctl.ingest.deadlines import is_time_phrase

    if len(first) > 6 or len(second) > 6:
        return False
    joined = first + second
    if second in HEADER_CELL_TAILS and header_kind(first) is None and header_kind(joined):
        return True  # `工程` / `名称`: a word that names no column alone, and its column's tail
    if header_kind(second):
        if header_kind(first) is None and is_time_phrase(first) and header_kind(joined) is not None:
            return True  # `第二季度` / `完成情况`: the period wrapped above its header word
        if (
            first.isalpha()
            and header_kind(first) is None
            and header_kind(joined) == OTHER == header_kind(second)
        ):
            return True  # `区本级` / `任务数`: a qualifier wrapped above a column of another kind
        return (
            label_role(first) is not None
            and not first.endswith(LABEL_HOLDER_WORDS)
            and label_role(joined) is not None
        )
    if second in HEADER_CELL_TAILS and header_kind(joined) is not None:
        return True  # `攻坚目标` / `任务`: the word naming the column wrapped below
    return exact_header_field(joined) is not None or (
        header_kind(first) is None and header_kind(joined) is not None
    )


def _cell_rows(
    header: list[str], body: list[str], notes: list[tuple[int, str]] | None = None
) -> list[list[str]] | None:
    """The header row (with a 序号 column first) and the body rows of a one-cell-a-line table."""
    # a dash or slash alone stands for an empty cell (`——` under a 责任单位 column)
    body = [line for line in body if not _EMPTY_CELL.fullmatch(line)]
    body = _join_wrapped_names(body, notes)
    fields = [
        OTHER_BODIES if kind == OTHER and cell.endswith(_BODY_HEADER_ENDINGS) else kind
        for cell, kind in (
            (cell, name or header_kind(cell))
            for cell, name in zip(header, header_fields(header), strict=True)
        )
    ]
    if "number" in fields:
        # (the rows' own: the last 序号, when a first numbers the groups they are in)
        at = len(fields) - 1 - fields[::-1].index("number")
        columns, names = fields[:at] + fields[at + 1 :], header[:at] + header[at + 1 :]
        layout = _Layout.of(columns, floating=at > 0)
        starts = _row_starts(body, len(columns))
    else:
        at = 0
        columns, names = fields, header
        layout = _Layout.of(columns, floating=True)
        starts = _row_starts(body, len(columns))
        if len(starts) < 2:
            body = _numbered_task_cells(body)
            starts = _row_starts(body, len(columns))
        if len(starts) < 2:
            starts = []
    width = len(columns)
    # (the 序号 column where the header has it: a first one numbering groups stays before it)
    out: list[list[str]] = [[*names[:at], "序号", *names[at:]]]
    costs: list[float] = []
    rows = (
        _numbered_rows(body, starts, layout, costs)
        if starts
        else _chained_rows(body, layout, costs)
    )
    tasks = [column for column, name in enumerate(columns) if name == "task"]
    figures = sum(_shape(line) in ("figures", "number") for line in body)
    if len(tasks) > 1 and rows and figures > len(costs):
        # a second task column may hold figures (`目标任务`: 26000 beside `项目内容`): read as a
        # column of another kind when the rows fit far better so
        other = [OTHER if column == tasks[-1] else name for column, name in enumerate(columns)]
        layout_b = _Layout.of(other, floating=layout.floating)
        costs_b: list[float] = []
        rows_b = (
            _numbered_rows(body, starts, layout_b, costs_b)
            if starts
            else _chained_rows(body, layout_b, costs_b)
        )
        if sum(costs_b) + _FIGURE_COLUMN_MARGIN * len(costs_b) < sum(costs):
            rows, layout = rows_b, layout_b
    if not any(label is not None for label, _cells in rows):
        return None
    rows = _fill_rowspans(rows, layout, notes)
    for label, cells in rows:
        if label is None:  # a section row, across the table
            out.append([cells[0]] * (width + 1))
        else:
            out.append([*cells[:at], label, *cells[at:]])
    return out


_EMPTY_CELL = lazy(r"[-—–―/\\]{1,6}")


def _fill_rowspans(
    rows: list[tuple[str | None, list[str]]],
    layout: _Layout,
    notes: list[tuple[int, str]] | None = None,
) -> list[tuple[str | None, list[str]]]:
    """The rows with the cells a merged (rowspanned) cell leaves out taken from the row above: an
    empty cell leaves no trace in a table of one cell a line, and a merged one shows only on its
    first row, so the shape of the table decides:

    - a unit column before the task text groups the rows (`牵头单位` first): a row without its cell
      shares the one above;
    - a row naming no unit at all (a task always has one) shares the unit cells above;
    - a person or deadline column filled on at most half of the rows is merged over the others (not
      the persons when section rows name leaders: those are the persons of rows naming none).

    Sections end a merged cell. The last row takes nothing after its last piece (a copy cut there
    cannot say what followed). `notes` gets (row, message) for the rows that took cells."""
    fields = layout.fields
    units = [column for column, name in enumerate(fields) if name in _UNIT_FIELDS]
    early = [column for column in units if column < layout.detail]
    late = [column for column in units if column > layout.detail]
    body = [cells for label, cells in rows if label is not None]
    section_persons = any(label is None and _names_persons(cells[0]) for label, cells in rows)
    spanned = [
        column
        for column, name in enumerate(fields)
        if name in ("persons", "deadline")
        and not (name == "persons" and section_persons)
        and 2 * sum(bool(cells[column]) for cells in body) <= len(body)
    ]
    last = max((index for index, (label, _c) in enumerate(rows) if label is not None), default=-1)
    out: list[tuple[str | None, list[str]]] = []
    taken: list[str] = []
    above: list[str] | None = None
    for index, (label, cells) in enumerate(rows):
        if label is None:
            above = None
            out.append((label, cells))
            continue
        if above is not None:
            reach = len(cells)
            if index == last:
                reach = max((c + 1 for c, cell in enumerate(cells) if cell), default=0)
            wanted = early + spanned + ([] if any(cells[c] for c in units) else late)
            filled = [c for c in wanted if c < reach and not cells[c] and above[c]]
            if filled:
                cells = [above[c] if c in filled else cell for c, cell in enumerate(cells)]
                if any(c in units for c in filled):
                    taken.append(label)
        out.append((label, cells))
        above = cells
    if taken and notes is not None:
        first = next(i for i, (label, _c) in enumerate(out) if label == taken[0])
        notes.append(
            (
                first,
                f"rows {_ranges(list(dict.fromkeys(taken)))} without a unit cell share the one "
                "above (a merged cell): check them",
            )
        )
    return out


def _ranges(labels: list[str]) -> str:
    """Row labels as a short list: `3-5, 8, 11-13` (runs of consecutive numbers joined)."""
    runs: list[list[str]] = []
    for label in labels:
        if (
            runs
            and label.isdigit()
            and runs[-1][-1].isdigit()
            and int(label) == int(runs[-1][-1]) + 1
        ):
            runs[-1].append(label)
        else:
            runs.append([label])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def _names_persons(text: str) -> bool:
    """Whether a section row names persons (`一、经济发展(牵头领导:王明、李华)`, `(一)王宏副市长牵头
    重点工作`)."""
    from taskctl.ingest.annotations import read_annotation
    from taskctl.vocab import LEADER_HEADING_PATTERN

    marker = match_marker(text)
    if re.match(LEADER_HEADING_PATTERN, marker.rest if marker else text):
        return True
    if "(" not in text and ":" not in text:
        return False
    annotation = read_annotation(text)
    return annotation is not None and bool(annotation.persons)


def _join_wrapped_names(lines: list[str], notes: list[tuple[int, str]] | None = None) -> list[str]:
    """Lines with a unit's name wrapped in its narrow column joined (`市人力资源` / `社会保障局`):
    the first starts like a unit's name (`市`, `县` …) but is none, the second ends like one but
    does not start like one, and together they are one (not when the first is a row's first cell,
    its task's text, unless the name is written whole elsewhere). `notes` gets each name so read."""
    from taskctl.ingest.units import unit_problem

    out: list[str] = []
    joined: list[str] = []
    for line in lines:
        if (
            out
            and len(out[-1]) <= 10
            and len(line) <= 10
            and out[-1].startswith(UNIT_NAME_STARTS)
            and not line.startswith(UNIT_NAME_STARTS)
            and unit_problem(out[-1]) is not None
            and line.endswith(UNIT_NAME_ENDINGS)
            and unit_problem(out[-1] + line) is None
            # a row's first cell is its task's text (`1` / `市区道路改造` / `城管局`) unless the
            # table writes the name whole elsewhere
            and not (
                len(out) >= 2
                and _NUMBER.match(out[-2])
                and not any(out[-1] + line in other for other in lines)
            )
        ):
            joined.append(f"{out[-1]}/{line}")
            out[-1] += line
        else:
            out.append(line)
    if joined and notes is not None:
        notes.append((0, f"a unit's name read over two lines: {', '.join(dict.fromkeys(joined))}"))
    return out


def _row_starts(body: list[str], width: int) -> list[int]:
    """The lines that start rows: a 序号 followed by a cell, numbers rising by one, or jumping ahead
    after a row's worth of lines (half the columns) unless the next number in sequence follows
    within two rows' worth (then the jump was a figure in a cell: `95`, `100` in a progress
    table's columns)."""
    candidates = [
        (index, int(line.rstrip(".、*")))
        for index, line in enumerate(body)
        if _NUMBER.match(line) and not (index + 1 < len(body) and _NUMBER.match(body[index + 1]))
    ]
    starts: list[int] = []
    previous = 0
    for position, (index, value) in enumerate(candidates):
        if starts and value != previous + 1:
            if value <= previous or index - starts[-1] - 1 < max(2, width // 2):
                continue
            if not _starts_a_row(body, index, [at for at, _value in candidates], width):
                continue  # a figure's note (`100` / `已完成`), not a row out of sequence
            reach = index + 2 * width + 2
            if any(
                later == previous + 1 for at, later in candidates[position + 1 :] if at <= reach
            ):
                continue
        starts.append(index)
        previous = value
    return starts


def _starts_a_row(body: list[str], index: int, numbers: list[int], width: int) -> bool:
    """Whether the number at `index`, out of sequence, starts a row: its task's text follows (a
    sentence, or a few words followed by the rest of a row's cells before the next number)."""
    if index + 1 >= len(body):
        return False
    shape = _shape(body[index + 1])
    if shape == "text":
        return True
    if shape != "short":
        return False
    following = next((at for at in numbers if at > index), len(body))
    return following - index - 1 >= max(2, width // 2)


def _numbered_rows(
    body: list[str], starts: list[int], layout: _Layout, costs: list[float] | None = None
) -> list[tuple[str | None, list[str]]]:
    """(label, cells) of each row, (None, [text]) for a section row; `costs` gets how badly each
    row's pieces fit."""
    rows: list[tuple[str | None, list[str]]] = []
    carried: list[str] = []
    bounds = [*starts, len(body)]
    # lines before the first row: section rows, or the first row's group cells
    sections, before = _trailing_sections(body[: starts[0]], keep=0)
    if layout.floating or layout.has_groups():
        carried = before
    rows.extend((None, [text]) for text in sections)
    group_markers: set[tuple[str, int]] = set()  # the markers group cells opened with so far
    for position, start in enumerate(starts):
        end = bounds[position + 1]
        lines = body[start + 1 : end]
        sections: list[str] = []
        following: list[str] = []
        if position + 1 < len(starts):
            sections, lines = _trailing_sections(lines, keep=1)
            last = match_marker(lines[-1]) if len(lines) > 1 and not sections else None
            if last is not None and (last.style, last.value - 1) in group_markers:
                # `(2)学校章程…` after a row's cells, a group cell `(1)…` above: the next group's
                # cell, rowspanned over the rows after it
                following, lines = lines[-1:], lines[:-1]
        label = body[start].rstrip(".、")
        pieces = carried + lines
        carried = []
        parent: list[str] | None = None
        while pieces:
            placed = _align(
                pieces[: _WINDOW * len(layout.fields) + 8], layout, rest_cost=_SUB_ROW, chain=False
            )
            rest = placed.rest + pieces[_WINDOW * len(layout.fields) + 8 :]
            if costs is not None:
                costs.append(placed.cost)
            cells = [_joined(cell) for cell in placed.cells]
            for cell in cells[: layout.detail]:
                if (marker := match_marker(cell)) is not None:
                    group_markers.add((marker.style, marker.value))
            if parent is not None:  # a sub-row: its empty cells are rowspanned from the row above
                if not rest and position == len(starts) - 1 and _is_scrap(cells):
                    break  # `区`, `区机关事务`: what the copy's end left of a cell, no sub-row
                cells = [cell or above for cell, above in zip(cells, parent, strict=True)]
            rows.append((label, cells))
            if rest and layout.has_groups() and position + 1 < len(starts):
                carried = rest  # the next row's group cells
                break
            parent, pieces = cells, rest
        carried += following
        rows.extend((None, [text]) for text in sections)
    return rows


def _is_scrap(cells: list[str]) -> bool:
    """Whether a sub-row at the copy's end is only what was left of a cell: a character or two, or
    one unit's name cut short (`区机关事务`, of 区机关事务服务中心)."""
    from taskctl.ingest.units import unit_problem

    text = "".join(cells)
    if len(text) <= 2:
        return True
    pieces = [cell for cell in cells if cell]
    return (
        len(pieces) == 1
        and text.startswith(UNIT_NAME_STARTS)
        and _shape(text) == "short"
        and unit_problem(text) is not None
    )


def _numbered_task_cells(body: list[str]) -> list[str]:
    """`body` with a 序号 line before each task cell that opens with its own item number, when the
    table has no 序号 column and its task cells number themselves (`1.始终做到忠诚于党。…`, a
    city's 责任分工 table, 2021): the numbers rise by one, in one style, over two rows at least.
    The cells keep their text without the number; a body without such cells is returned as is."""
    marked: list[tuple[int, str]] = []
    style = None
    for index, line in enumerate(body):
        marker = match_marker(line)
        if marker is None or not _is_item(line) or _shape(marker.rest) != "text":
            continue
        if not marked and marker.value == 1:
            style = marker.style
            marked.append((index, marker.rest))
        elif marked and marker.style == style and marker.value == len(marked) + 1:
            marked.append((index, marker.rest))
    if len(marked) < 2:
        return body
    out = list(body)
    for number, (index, rest) in reversed(list(enumerate(marked, start=1))):
        out[index : index + 1] = [str(number), rest]
    return out


def _trailing_sections(lines: list[str], keep: int) -> tuple[list[str], list[str]]:
    """The section rows (`一、…`, `(一)…`) that end `lines`, leaving at least `keep` lines."""
    count = 0
    while len(lines) - count > keep and _is_section(lines[len(lines) - count - 1]):
        count += 1
    if not count:
        return [], lines
    return lines[len(lines) - count :], lines[: len(lines) - count]


def _chained_rows(
    body: list[str], layout: _Layout, costs: list[float] | None = None
) -> list[tuple[str | None, list[str]]]:
    """Rows of a table without 序号: each row's pieces end after its last unit column."""
    rows: list[tuple[str | None, list[str]]] = []
    pieces = list(body)
    window = _WINDOW * len(layout.fields) + 8
    while pieces:
        placed = _align(pieces[:window], layout, rest_cost=0.0, chain=True)
        rest = placed.rest + pieces[window:]
        if len(rest) == len(pieces):
            break
        if costs is not None:
            costs.append(placed.cost)
        rows.append(("", [_joined(cell) for cell in placed.cells]))
        pieces = rest
    return rows


# --- Entry point ------------------------------------------------------------------------------------


def pasted_table_rows(
    text: str, notes: list[tuple[int, str]] | None = None
) -> list[list[str]] | None:
    """The rows of the (first) task table pasted as text (see the module docstring), title rows
    first; None when the text holds no table header. `notes` gets (sheet line, message) for what a
    clerk should check (cells read as merged over several rows)."""
    tables = pasted_tables(text, notes)
    return tables[0][1] if tables else None


def pasted_tables(
    text: str, notes: list[tuple[int, str]] | None = None
) -> list[tuple[str | None, list[list[str]]]]:
    """The task tables pasted as text, each as (the section line naming it or None, its rows with
    the title rows first); [] when the text holds no table header."""
    from taskctl.ingest.structure import is_chrome

    if _header_words(text) < 2 and not any(
        _few_words_header(line) for line in text.splitlines() if len(line) <= _MAX_HEADER_LINE
    ):
        return []
    lines = _unflattened([line.strip(" \u3000") for line in text.splitlines()])
    marked = _bar_marked_rows([line for line in lines if line], notes)
    if marked is not None:
        return [(None, marked)]
    filled = _filler_bar_rows([line for line in lines if line])
    if filled is not None:
        return [(None, filled)]
    lines = [
        line.rstrip(" |").strip()
        if line.endswith("|") and (line.count("|") == 1 or not line.strip(" |"))
        else line
        for line in lines
    ]  # `说明 |`: a cell closed by its bar; `||`: empty cells
    # page chrome goes (`分享到:`), but not a row of a table split by `|`
    lines = [
        line
        for line in lines
        if line.strip()
        and not (
            is_chrome(line)
            # a page's metadata set out as a table row (`索引号: | 1137… | 成文日期: | … |`)
            and (line.count("|") < 2 or line.startswith(PAGE_CHROME_LINE_STARTS))
        )
    ]
    if "<" in text:
        lines = [_BR.sub("\n", line) for line in lines]  # `市财政局<br>市税务局` in a Markdown cell
    if "\t" in text and '"' in text:
        lines = _join_quoted_cells(lines)
    rows = _line_rows(_join_pipe_rows(lines))
    if rows is not None:
        return [(None, rows)]
    tables = _cell_lines_tables(lines, notes)
    if not tables:
        glued = _glued_rows([line for line in lines if line.strip()])
        if glued is not None:
            return [(None, glued)]
    return tables


def _unflattened(lines: list[str]) -> list[str]:
    """Lines with a table flattened onto one line (`… 序号 承担的重点工作 完成状态 牵头责任单位 一、…
    1 全市生产总值增长。 序时推进 市发展改革委 2 …`, cells and rows run together with single
    spaces) cut again: before its header, after the header's last cell, and before each row's
    序号 in sequence (and each section row `一、`). Other lines stay as they are."""
    out: list[str] = []
    for line in lines:
        start = line.find("序号 ")
        if len(line) <= _MAX_HEADER_LINE or start < 0:
            out.append(line)
            continue
        tokens = line[start:].split(" ")
        width = 0
        while width < len(tokens) and header_kind(tokens[width]):
            width += 1
        if width < 3:
            out.append(line)
            continue
        out.extend(piece for piece in (line[:start].strip(), " ".join(tokens[:width])) if piece)
        row: list[str] = []
        expected = 1
        for token in tokens[width:]:
            section = match_marker(token)
            if token == str(expected) or (section is not None and section.style == "一、"):
                if row:
                    out.append(" ".join(row))
                row = []
                expected += token == str(expected)
            row.append(token)
        if row:
            out.append(" ".join(row))
    return out


_BR = lazy(r"<br\s*/?>", re.IGNORECASE)
# a cell Excel quoted because it holds a line break: its quote opens a cell and is not closed
_OPEN_QUOTE = lazy(r'(?:^|\t)"')


def _join_quoted_cells(lines: list[str]) -> list[str]:
    """Rows of a tab table whose cells Excel quoted because they hold line breaks: a line that opens
    a quoted cell without closing it goes on in the next lines (kept inside the cell)."""
    out: list[str] = []
    open_cell = False
    for line in lines:
        if open_cell:
            out[-1] += "\n" + line
        else:
            out.append(line)
        current = out[-1]
        open_cell = bool(_OPEN_QUOTE.search(current)) and current.count('"') % 2 == 1
    return out


def _normalized(lines: list[str], *, wide: bool = False) -> list[str]:
    """Lines in NFKC (`（一）` → `(一)`, `１` → `1`), read once a table's header is found; with
    `wide`, an ideographic space stays a gap between cells (two spaces, not NFKC's one)."""
    if wide:
        lines = [line.replace("\u3000", "  ") for line in lines]
    return [unicodedata.normalize("NFKC", line).strip(" ") for line in lines]


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
