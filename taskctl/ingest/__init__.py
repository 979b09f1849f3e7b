"""Reading work plans: bytes → text → repaired lines → structure → annotations → task drafts.

Public API: `decode_bytes` (bytes of a text document → str) and `parse_text` (str → ParsedDocument).
Both raise only `taskctl.errors.InputError`. Heavy modules are imported inside the functions.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from taskctl.errors import InputError
from taskctl.ingest.patterns import lazy

if TYPE_CHECKING:
    from taskctl.ingest.drafts import ItemDraft, ParsedDocument
    from taskctl.ingest.repair import Line

__all__ = ["decode_bytes", "parse_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters a text document would not have (all but \t \n \v \f \r), and DEL.
_BAD_CONTROLS = lazy("[\x00-\x08\x0e-\x1f\x7f]")
# Characters not typical of Chinese or ASCII text; the first _SAMPLE of them rule out a byte order.
_SAMPLE = 2000
_NOT_TYPICAL = lazy("[^\u4e00-\u9fff\u3000-\u303f\uff00-\uffef -~\n\r\t“”‘’—…·、]")


def _looks_like_text(text: str) -> bool:
    """True unless the text has control characters a text document would not have."""
    return len(_BAD_CONTROLS.findall(text)) <= len(text) // 200


def _text_score(text: str) -> float:
    """The share of characters typical of Chinese or ASCII text (to recognise BOM-less UTF-16)."""
    if not text:
        return 0.0
    return len(_NOT_TYPICAL.sub("", text)) / len(text)


def _clearly_atypical(text: str) -> bool:
    """True when more than 5% (plus a margin) of the text is atypical, counted chunk by chunk and
    stopping early: then `_text_score(text)` is below 0.95 (a wrong byte order is caught in the
    first chunks instead of a count over the whole text)."""
    limit = 0.05 * len(text) + 1
    bad = 0
    chunk = _SAMPLE
    for start in range(0, len(text), chunk):
        bad += len(_NOT_TYPICAL.findall(text, start, start + chunk))
        if bad > limit:
            return True
    return False


def _guess_utf16(data: bytes) -> str | None:
    """A BOM-less UTF-16 document: the byte order whose decoding reads as text, or None."""
    if len(data) < 2 or len(data) % 2:
        return None
    best: tuple[float, str | None] = (0.0, None)
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # a wrong byte order shows in the first characters: skip the full count when they alone
        # keep the score below the bar
        sample_bad = len(_NOT_TYPICAL.findall(text[:_SAMPLE]))
        if (len(text) - sample_bad) / len(text) < 0.95:
            continue
        if _clearly_atypical(text):
            continue  # its score is below the bar: it cannot be the answer
        score = _text_score(text)
        if score > best[0]:
            best = (score, encoding)
    return best[1] if best[0] >= 0.95 else None


def _check(text: str, source: str) -> str:
    if not _looks_like_text(text):
        raise InputError("not a text document", source=source)
    if not text.strip():
        raise InputError("empty document", source=source)
    return text


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """The text of a document's bytes.

    `encoding` forces a codec. Otherwise: a BOM (UTF-8, UTF-16, UTF-32) decides; then BOM-less UTF-16
    (recognised by reading as Chinese or ASCII text); then UTF-8; then GB18030/GBK and others as
    charset-normalizer guesses. Raises InputError "empty document" for empty or blank input and
    "not a text document" for binary data.
    """
    if not data.strip():
        raise InputError("empty document", source=source)
    if encoding:
        try:
            return _check(data.decode(encoding), source)
        except LookupError as error:
            raise InputError(f"unknown encoding {encoding!r}", source=source) from error
        except UnicodeDecodeError as error:
            raise InputError(
                f"cannot decode as {encoding} (byte {error.start})", source=source
            ) from error
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check(data[len(bom) :].decode(codec), source)
            except UnicodeDecodeError as error:
                raise InputError("not a text document", source=source) from error
    utf16 = _guess_utf16(data) if b"\x00" in data or len(data) % 2 == 0 else None
    if utf16:
        return _check(data.decode(utf16), source)
    if b"\x00" in data:
        raise InputError("not a text document", source=source)
    try:
        return _check(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    try:
        return _check(data.decode("gb18030"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not a text document", source=source)
    return _check(str(best), source)


def _number_annotated_lines(lines: list[Line]) -> list[Line] | None:
    """The lines of a text without item numbers in which at least two lines end with a note naming
    units (`马厂七期6栋396套安置房完成主体工程(三水街道牵头)`): each such line numbered by its place
    (`1.`, `2.` …), so that it is read as an item. None for any other text."""
    from dataclasses import replace

    from taskctl.ingest.annotations import find_annotations

    closing = []
    roles = False  # whether a note names a lead or a support (a bare list of names does not)
    for index, line in enumerate(lines):
        annotations, _problems = find_annotations(line.text)
        found = [
            a
            for a in annotations
            if a.names_units()
            and (a.spans[0][1] >= len(line.text.rstrip("。; |")) or a.spans[0][0] == 0)
        ]
        if found:
            # a note closing the line, or the bodies it opens with (`区住建局负责…`)
            closing.append(index)
            roles = roles or any(a.lead or a.support for a in found)
    blocks = _items_over_label_lines(lines, closing)
    if blocks is not None:
        closing = blocks
    # one paragraph closed by a note of roles (`…(市科技局牵头负责,市财政局配合)`) is enough where
    # the copy ends soon after it
    elif len(closing) < (1 if roles and len(lines) - closing[-1] <= 2 else 2):
        return None
    last = closing[-1] + 1
    if last == len(lines) - 1 and _is_cut_paragraph(lines[last].text):
        # the next paragraph, cut by the copy's end before its note, is the next item
        closing.append(last)
    numbered = list(lines)
    for position, index in enumerate(closing, start=1):
        text = lines[index].text
        caption = _CAPTION.match(text)
        if caption is not None:  # `图①:九龙大道…`: a photo's caption numbers itself
            mark = caption.group(1) if not caption.group(1).isdigit() else caption.group(1) + "."
            numbered[index] = replace(lines[index], text=mark + text[caption.end() :])
        else:  # a bullet it opens with (`● 推进…`) is no part of the task
            numbered[index] = replace(lines[index], text=f"{position}.{_BULLET.sub('', text)}")
    return numbered


def _items_over_label_lines(lines: list[Line], annotated: list[int]) -> list[int] | None:
    """The items of a text that writes each one as a line over its label lines (`市区新建中小学校30所。`
    / `主管领导:刘东` / `责任单位:市教育局` / `进度安排:…`, a newspaper's list of a city's 实事): the
    line above each run of label lines, and a last line after the last run that the copy cut
    (`新建、改扩建幼儿园84所,`). None unless two runs at least name units so."""
    items: list[int] = []
    for index in annotated:
        if not _LABEL_LINE.match(lines[index].text):
            return None
        above = index - 1
        while above >= 0 and _LABEL_LINE.match(lines[above].text):
            above -= 1
        if above < 0 or (items and above < items[-1]):
            return None
        if not items or above != items[-1]:
            items.append(above)
    if len(items) < 2:
        return None
    last = len(lines) - 1
    if (
        _LABEL_LINE.match(lines[last - 1].text)
        and not _LABEL_LINE.match(lines[last].text)
        and not lines[last].text.rstrip().endswith(("。", "!", "?"))
    ):
        items.append(last)  # the next item, cut before its label lines
    return items


# A label line: a short label, a colon, its value (`主管领导:刘东`, `进度安排:6月底前…`).
_LABEL_LINE = lazy(r"^[\u4e00-\u9fff()]{2,10}:")


def _is_cut_paragraph(text: str) -> bool:
    """A paragraph of task text cut by the copy's end: a sentence opening it, none closing it."""
    return (
        len(text) >= _CUT_PARAGRAPH_MIN
        and "。" in text[:_CUT_PARAGRAPH_MIN]
        and not text.rstrip().endswith(("。", ";", "!", "?", ")", "”"))
    )


# The shortest cut paragraph taken for an item (a heading sentence and some of its text).
_CUT_PARAGRAPH_MIN = 30

# A bullet a list's line opens with.
_BULLET = lazy(r"^[•●○◆◇■□▪▶►◎·*-][ \t]*")
# A photo caption's number (`图①:`, `图1:` in a news report of an inspection).
_CAPTION = lazy(r"^图\s*([\u2460-\u2473]|[0-9]{1,2}(?=[:.、]))[:.、]?\s*")


def _pasted_table(text: str, source: str, first_lead: bool) -> ParsedDocument | None:
    """The document read as a task table pasted as text, or None when it holds none (or no task)."""
    from taskctl.ingest.drafts import ParseWarning
    from taskctl.ingest.pasted import pasted_tables
    from taskctl.ingest.tables import Sheet, parse_sheets

    notes: list[tuple[int, str]] = []
    tables = pasted_tables(text, notes)
    if not tables:
        return None
    sheets = [
        Sheet(name or f"table {number}", rows)
        for number, (name, rows) in enumerate(tables, start=1)
    ]
    try:
        parsed = parse_sheets(sheets, source=source, first_lead=first_lead)
    except InputError:
        return None
    parsed.warnings.extend(ParseWarning(line, message) for line, message in notes)
    return parsed if parsed.tasks else None


def _table_holds_the_tasks(table: ParsedDocument, tasks: list) -> bool:  # type: ignore[type-arg]
    """Whether a table pasted as text, rather than the numbered outline around it, holds the
    document's tasks: it has more tasks, or as many with more units named (the outline took the
    table's section row `一、…` for a task), or every task of the outline is a section row of the
    table (`一、…` … `六、…` over rows, read by the outline as bare items); never a table that
    names no unit and no person at all."""

    def units(items: list) -> int:  # type: ignore[type-arg]
        return sum(len(t.lead) + len(t.support) + len(t.responsible) for t in items)

    found = table.tasks
    if tasks and not any(units([task]) or task.persons for task in found):
        # a table naming no unit and no person in any row was not read as its columns are meant
        # (nested groups over a two-row header): the outline's items are the better reading
        return False
    sections = {item.title for item in table.items if item.kind == "heading"}
    if units(found) and tasks and all(task.title in sections for task in tasks):
        return True
    return len(found) > len(tasks) or (len(found) == len(tasks) and units(found) > units(tasks))


def _units_from_table(items: list[ItemDraft], table: ParsedDocument) -> None:
    """The outline's tasks that name no unit take the units of the table row holding the same task
    (a one-cell-a-line table read as text too, numbered items after it: `1.持续推进…` / `…` / `市府办`
    then `二、…` / `1、下发…`), when every row of the table is such a task; the table's order kept."""
    tasks = [item for item in items if item.kind == "task"]
    rows = table.tasks
    keys = {_title_key(task.title): task for task in tasks}
    if not rows or any(_title_key(row.title) not in keys for row in rows):
        return
    for row in rows:
        task = keys[_title_key(row.title)]
        if task.lead or task.support or task.responsible or task.persons:
            continue
        task.lead, task.support = list(row.lead), list(row.support)
        task.responsible, task.persons = list(row.responsible), list(row.persons)
        task.unit_labels = dict(row.unit_labels)
        task.attributes = {**row.attributes, **task.attributes}


def _title_key(title: str) -> str:
    return "".join(title.split())[:12]


def _table_under_heading(
    items: list[ItemDraft], lines: list[Line], table: ParsedDocument
) -> list[ItemDraft] | None:
    """The outline's items with a table's items placed under the heading whose text holds the
    table's header line (a heading without items of its own), or None when there is no such
    heading. The table's items are numbered under the heading (`二.1`) and keep their order."""
    from dataclasses import replace

    from taskctl.ingest.pasted import is_header_line

    for index, heading in enumerate(items):
        if heading.kind != "heading":
            continue
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and following.parent == index:
            continue  # the heading has items of its own
        end = following.line if following is not None else lines[-1].number + 1
        header_line = next(
            (
                line.number
                for line in lines
                if heading.line < line.number < end and is_header_line(line.text)
            ),
            None,
        )
        if header_line is None:
            continue
        offset = index + 1
        moved: list[ItemDraft] = []
        for position, item in enumerate(table.items):
            parent = index if item.parent is None else item.parent + offset
            moved.append(
                replace(
                    item,
                    number=f"{heading.number}.{item.number}",
                    level=item.level + heading.level,
                    parent=parent,
                    line=header_line + position + 1,
                )
            )
        after = [
            replace(item, parent=item.parent + len(moved))
            if item.parent is not None and item.parent > index
            else item
            for item in items[index + 1 :]
        ]
        return [*items[: index + 1], *moved, *after]
    return None


def parse_text(text: str, *, source: str = "<text>", first_lead: bool = False) -> ParsedDocument:
    """Parse a decoded document into its title, plan period, headings, tasks and warnings: lines →
    outline (or a table pasted as text) → document conventions → one annotation pass per item →
    the unit guard → drafts.

    Tasks without a deadline phrase keep `deadline=None`: the store applies the plan's period end or a
    default deadline. With `first_lead`, a bare 责任单位 list gives its first unit as lead and the rest
    as support; a document that states this convention itself (`列第一位的为牵头单位`) is read so
    without the option. Raises InputError for an empty document or one with no numbered items.
    """
    from taskctl.ingest.units import guard_units

    return guard_units(_parse_text(text, source=source, first_lead=first_lead))


def _parse_text(text: str, *, source: str, first_lead: bool) -> ParsedDocument:
    """`parse_text` before the unit guard."""
    from taskctl.ingest.conventions import find_conventions
    from taskctl.ingest.drafts import ParsedDocument
    from taskctl.ingest.repair import repair_text, without_glosses
    from taskctl.ingest.structure import build_items, read_outline

    if not isinstance(text, str):
        raise InputError("expected decoded text", source=source)
    from taskctl.ingest.hanzi import to_simplified

    # a plan in traditional characters, its characters glossed with pinyin (`實(shí)事`): every
    # reader below sees it in simplified ones, without the glosses
    text = without_glosses(to_simplified(text))
    if "<" in text:
        from taskctl.ingest.html import looks_like_html

        if looks_like_html(text):
            return _parse_page(text, source=source, first_lead=first_lead)
    from taskctl.ingest.tables import Sheet, parse_sheets, pipe_table_rows, tab_table_rows

    # a task table copied from a web page (`序号 |` `重点任务 |` `牵头单位 |` …) or from a spreadsheet
    rows = pipe_table_rows(text) or tab_table_rows(text)
    if rows is not None:
        return parse_sheets([Sheet("table 1", rows)], source=source, first_lead=first_lead)
    table = _pasted_table(text, source, first_lead)
    lines = repair_text(text)
    if not lines:
        raise InputError("empty document", source=source)
    outline = read_outline(lines)
    if not outline.nodes and table is None:
        # items written without numbers, each line closed by its own note (`…改造(住建局牵头)`)
        numbered = _number_annotated_lines(lines)
        if numbered is not None:
            lines, outline = numbered, read_outline(numbered)
    if not outline.nodes:
        if table is not None:
            return table
        raise InputError("no numbered items found", source=source, line=lines[0].number)
    conventions = find_conventions(lines, outline, first_lead=first_lead)
    items, warnings = build_items(outline, conventions)
    if table is not None:
        # a table under a heading of the numbered text that has no items of its own (`二、重点工作
        # 任务分解` then the table): its rows are that heading's tasks, the text's items stay
        placed = _table_under_heading(items, lines, table)
        if placed is not None:
            items = placed
            warnings = [*warnings, *table.warnings]
        elif _table_holds_the_tasks(table, [i for i in items if i.kind == "task"]):
            return table  # a table pasted under a numbered notice: the table holds the tasks
        else:
            _units_from_table(items, table)
    return ParsedDocument(
        title=outline.title or source,
        period_start=outline.period_start,
        period_end=outline.period_end,
        period_text=outline.period_text,
        items=items,
        warnings=warnings,
    )


def _parse_page(text: str, *, source: str, first_lead: bool) -> ParsedDocument:
    """A web page's markup: its text lines and its task-division tables (`taskctl.ingest.html`)."""
    from taskctl.ingest.html import page_blocks
    from taskctl.ingest.tables import find_header, parse_text_and_tables

    lines: list[str] = []
    grids: list[list[list[str]]] = []
    for block in page_blocks(text):
        if isinstance(block, str):
            lines.append(block)
        elif find_header(block) is not None:
            grids.append(block)
        else:
            # a layout table or one of figures: its cells are text
            for row in block:
                lines.extend(cell for cell in dict.fromkeys(row) if cell.strip())
    if not "".join(lines).strip() and not grids:
        raise InputError("empty document", source=source)
    return parse_text_and_tables(lines, grids, source=source, first_lead=first_lead)
