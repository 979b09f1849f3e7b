"""Read a Word .docx: paragraphs and tables in body order, with Word's automatic numbering put back.

Word keeps list numbers out of the paragraph text: a paragraph says only "use list 3, level 1"
(`w:numPr`, directly or through its style) and the numbering part says how that level is written
(`w:numFmt` chineseCounting / decimal / …, `w:lvlText` like `%1、` or `(%1)`, `w:start`). Here the
counters are replayed in document order and each numbered paragraph gets its marker written back in
front of its text, so `parse_text` sees `一、…`, `(一)…`, `1.…` exactly as in a plain-text plan.
Headings styled `Heading N` / `标题 N` without any numbering get the usual government markers
(`一、`, `(一)`, `1.`, `(1)`) by level.

A table whose header names a task column and a unit or deadline column is a task-division table and
is read row by row by `taskctl.ingest.tables`; any other table is read as text, cell by cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument
from taskctl.vocab import CIRCLED_NUMBERS, chinese_numeral

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_TAG_P = f"{{{_W}}}p"
_TAG_TBL = f"{{{_W}}}tbl"
_TAG_SDT = f"{{{_W}}}sdt"
_VAL = f"{{{_W}}}val"

# Markers given to headings that Word styles by level but does not number: the usual order of
# levels in a Chinese government document.
HEADING_MARKERS = ("{cn}、", "({cn})", "{n}.", "({n})")
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _letters(n: int) -> str:
    # Word repeats the letter: A…Z, AA…ZZ, AAA…
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def format_number(n: int, num_fmt: str) -> str:
    """One counter value written in a Word number format (unknown formats fall back to decimal)."""
    if num_fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
        "ideographDigital",
        "taiwaneseDigital",
        "japaneseDigitalTenThousand",
    ):
        return chinese_numeral(n)
    if num_fmt in ("chineseLegalSimplified", "japaneseLegal", "ideographLegalTraditional"):
        return chinese_numeral(n, _LEGAL_DIGITS)
    if num_fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if num_fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED_NUMBERS[n - 1] if 1 <= n <= len(CIRCLED_NUMBERS) else f"({n})"
    if num_fmt in ("decimalEnclosedParen", "ideographEnclosedCircle"):
        return f"({n})"
    if num_fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if num_fmt == "decimalZero":
        return f"{n:02d}"
    if num_fmt == "upperLetter":
        return _letters(n)
    if num_fmt == "lowerLetter":
        return _letters(n).lower()
    if num_fmt == "upperRoman":
        return _roman(n)
    if num_fmt == "lowerRoman":
        return _roman(n).lower()
    if num_fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    num_fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    style: str | None = None


@dataclass
class _List:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """The numbering definitions of a document and the counters replayed over its paragraphs."""

    def __init__(self, numbering_element) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.findall("w:abstractNum", _NS):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall("w:lvl", _NS):
                level = _Level(
                    num_fmt=_child_val(lvl, "numFmt") or "decimal",
                    text=_child_val(lvl, "lvlText") or "",
                    start=_int(_child_val(lvl, "start"), 1),
                    legal=lvl.find("w:isLgl", _NS) is not None,
                    style=_child_val(lvl, "pStyle"),
                )
                levels[_int(lvl.get(f"{{{_W}}}ilvl"), 0)] = level
            self.levels[abstract.get(f"{{{_W}}}abstractNumId", "")] = levels
        for num in numbering_element.findall("w:num", _NS):
            overrides = {}
            for override in num.findall("w:lvlOverride", _NS):
                start = override.find("w:startOverride", _NS)
                if start is not None:
                    overrides[_int(override.get(f"{{{_W}}}ilvl"), 0)] = _int(start.get(_VAL), 1)
            self.lists[num.get(f"{{{_W}}}numId", "")] = _List(
                _child_val(num, "abstractNumId") or "", overrides
            )

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        lst = self.lists.get(num_id)
        if lst is None or style_id is None:
            return 0
        for ilvl, level in self.levels.get(lst.abstract, {}).items():
            if level.style == style_id:
                return ilvl
        return 0

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (list, level) and return the marker text, '' for bullets."""
        lst = self.lists.get(num_id)
        if lst is None:
            return None
        levels = self.levels.get(lst.abstract)
        if not levels or ilvl not in levels:
            return None
        counters = self.counters.setdefault(lst.abstract, {})
        level = levels[ilvl]
        start = lst.start_overrides.get(ilvl, level.start)
        if ilvl in lst.start_overrides and (num_id, ilvl) not in self._started:
            # "Restart numbering": the first paragraph of this list instance starts again.
            self._started.add((num_id, ilvl))
            counters.pop(ilvl, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.num_fmt == "bullet":
            return ""

        def substitute(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            other = levels.get(k, _Level())
            value = counters.get(k, lst.start_overrides.get(k, other.start))
            fmt = "decimal" if level.legal else other.num_fmt
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", substitute, level.text)


def _child_val(element, name: str) -> str | None:  # type: ignore[no-untyped-def]
    child = element.find(f"w:{name}", _NS)
    return None if child is None else child.get(_VAL)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("python-docx is not installed", source=source) from None
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        detail = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise InputError(f"corrupt .docx file ({detail})", source=source) from None


@dataclass
class _StyleInfo:
    num_id: str | None
    ilvl: int | None
    heading: int | None
    is_title: bool


class _Styles:
    """Numbering and heading level of paragraph styles, following `basedOn`."""

    def __init__(self, styles_element) -> None:  # type: ignore[no-untyped-def]
        self.by_id: dict[str, object] = {}
        if styles_element is not None:
            for style in styles_element.findall("w:style", _NS):
                self.by_id[style.get(f"{{{_W}}}styleId", "")] = style
        self._cache: dict[str, _StyleInfo] = {}

    def info(self, style_id: str | None) -> _StyleInfo:
        if not style_id:
            style_id = self._default_id()
        if style_id in self._cache:
            return self._cache[style_id]
        num_id = ilvl = heading = None
        is_title = False
        seen: set[str] = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            style = self.by_id.get(current)
            if style is None:
                break
            name = _child_val(style, "name") or ""
            match = _HEADING_STYLE.match(name.strip())
            if heading is None and match:
                heading = int(match.group(1))
            outline = style.find("w:pPr/w:outlineLvl", _NS)
            if heading is None and outline is not None and _int(outline.get(_VAL), 9) < 9:
                heading = _int(outline.get(_VAL), 0) + 1
            if name.lower() in ("title", "标题") and current == style_id:
                is_title = True
            num_pr = style.find("w:pPr/w:numPr", _NS)
            if num_pr is not None and num_id is None:
                num_id = _child_val(num_pr, "numId")
                level = _child_val(num_pr, "ilvl")
                ilvl = _int(level, 0) if level is not None else None
            current = _child_val(style, "basedOn")
        info = _StyleInfo(num_id, ilvl, heading, is_title)
        self._cache[style_id or ""] = info
        return info

    def _default_id(self) -> str:
        for style_id, style in self.by_id.items():
            if style.get(f"{{{_W}}}type") == "paragraph" and style.get(f"{{{_W}}}default") in (  # type: ignore[attr-defined]
                "1",
                "true",
            ):
                return style_id
        return ""


def paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    """The visible text of a w:p: runs, hyperlinks, inserted revisions; tabs and breaks kept."""
    parts: list[str] = []
    for node in p.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr"):
        tag = node.tag.rsplit("}", 1)[1]
        if tag == "t":
            parts.append(node.text or "")
        elif tag == "tab":
            if node.getparent().tag != f"{{{_W}}}tabs":
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


@dataclass
class _Block:
    """One body element: a paragraph's text lines, or a table's grid (merged cells filled)."""

    text: str | None = None
    heading: int | None = None
    numbered: bool = False
    grid: list[list[str]] | None = None


class _BodyReader:
    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        part = document.part
        try:
            numbering_element = part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering_element = None
        try:
            styles_element = part.styles.element
        except (KeyError, NotImplementedError):
            styles_element = None
        self.numbering = Numbering(numbering_element)
        self.styles = _Styles(styles_element)
        self.body = document.element.body

    def blocks(self) -> list[_Block]:
        out: list[_Block] = []
        self._walk(self.body, out)
        return out

    def _walk(self, container, out: list[_Block]) -> None:  # type: ignore[no-untyped-def]
        for child in container.iterchildren():
            if child.tag == _TAG_P:
                out.append(self._paragraph(child))
            elif child.tag == _TAG_TBL:
                out.append(_Block(grid=self._grid(child)))
            elif child.tag == _TAG_SDT:
                content = child.find("w:sdtContent", _NS)
                if content is not None:
                    self._walk(content, out)

    def _paragraph(self, p) -> _Block:  # type: ignore[no-untyped-def]
        text = paragraph_text(p)
        style_id = None
        num_id = ilvl = None
        p_pr = p.find("w:pPr", _NS)
        if p_pr is not None:
            style_id = _child_val(p_pr, "pStyle")
            num_pr = p_pr.find("w:numPr", _NS)
            if num_pr is not None:
                num_id = _child_val(num_pr, "numId")
                level = _child_val(num_pr, "ilvl")
                ilvl = _int(level, 0) if level is not None else None
        style = self.styles.info(style_id)
        if num_id is None:
            num_id = style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        marker = None
        if num_id and num_id != "0" and text.strip():
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style_id)
            marker = self.numbering.next_marker(num_id, ilvl)
        if marker:
            text = marker + text.lstrip()
        heading = None if marker is not None or style.is_title else style.heading
        return _Block(text=text, heading=heading, numbered=bool(marker))

    def _grid(self, tbl) -> list[list[str]]:  # type: ignore[no-untyped-def]
        rows: list[list[str]] = []
        for tr in tbl.findall("w:tr", _NS):
            row: list[str] = []
            above = rows[-1] if rows else []
            for tc in tr.findall("w:tc", _NS):
                tc_pr = tc.find("w:tcPr", _NS)
                span = 1
                continues = False
                if tc_pr is not None:
                    span = max(1, _int(_child_val(tc_pr, "gridSpan"), 1))
                    v_merge = tc_pr.find("w:vMerge", _NS)
                    continues = v_merge is not None and v_merge.get(_VAL) in (None, "continue")
                if continues:
                    col = len(row)
                    text = above[col] if col < len(above) else ""
                else:
                    text = "\n".join(
                        t for t in (paragraph_text(p) for p in tc.iter(_TAG_P)) if t.strip()
                    )
                row.extend([text] * span)
            rows.append(row)
        return rows


def _number_headings(blocks: list[_Block]) -> None:
    """Give `Heading N` paragraphs that carry no marker the usual markers by level."""
    from taskctl.ingest.structure import match_marker

    headed = [b for b in blocks if b.heading and b.text and b.text.strip()]
    counts: dict[int, int] = {}
    for block in headed:
        counts[block.heading] = counts.get(block.heading, 0) + 1  # type: ignore[index]
    # A heading level used once, by the very first heading, is the document title.
    if headed and counts.get(headed[0].heading, 0) == 1:  # type: ignore[arg-type]
        counts.pop(headed[0].heading)  # type: ignore[arg-type]
    levels = sorted(counts)[: len(HEADING_MARKERS)]
    counters: dict[int, int] = {}
    for block in headed:
        if block.heading not in levels or match_marker(block.text.strip()) is not None:  # type: ignore[union-attr]
            continue
        depth = levels.index(block.heading)  # type: ignore[arg-type]
        counters[depth] = counters.get(depth, 0) + 1
        for deeper in [k for k in counters if k > depth]:
            del counters[deeper]
        n = counters[depth]
        marker = HEADING_MARKERS[depth].format(cn=chinese_numeral(n), n=n)
        block.text = marker + block.text.strip()  # type: ignore[union-attr]


def docx_text(data: bytes, *, source: str) -> tuple[list[str], list[list[list[str]]]]:
    """The text lines of a .docx (with numbering markers) and its task-division tables' grids.

    Tables that are not task-division tables contribute their cells to the text lines.
    """
    from taskctl.ingest.tables import find_header

    document = _open(data, source)
    blocks = _BodyReader(document).blocks()
    _number_headings(blocks)
    lines: list[str] = []
    division: list[list[list[str]]] = []
    for block in blocks:
        if block.grid is not None:
            if find_header(block.grid) is not None:
                division.append(block.grid)
                continue
            for row in block.grid:
                for cell in dict.fromkeys(row):
                    if cell.strip():
                        lines.append(cell)
        elif block.text is not None:
            lines.append(block.text)
    return lines, division


def read_docx(data: bytes, *, source: str, first_lead: bool = False) -> ParsedDocument:
    """Parse a .docx into a ParsedDocument: from its division tables if it has any, else its text."""
    from taskctl.ingest.tables import parse_text_and_tables

    lines, division = docx_text(data, source=source)
    return parse_text_and_tables(lines, division, source=source, first_lead=first_lead)
