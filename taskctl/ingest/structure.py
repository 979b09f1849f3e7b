"""Document structure: title, plan period, numbered headings and items, and which items are tasks.

Marker styles (`第一部分`/`第二章`, `一、`, `(一)`, `1.`/`1、`, `(1)`, `1)`, `①`) are nested as the document
nests them: a marker whose style is open on the stack closes everything below it and becomes a sibling; a
new style opens a level under the current item. Numbering may restart in each section or run on across
sections (`(一) 1. 2. (二) 3.`): both are in sequence. Tasks are the leaf items of the work sections;
headings with children stay as headings, unless their own text names units (`(一)推进….(法制司牵头)`
over items 1, 2): then they are tasks too, and pass their units to no item. Sections whose heading is a goal or guiding idea (主要目标,
指导思想 …), page chrome, signatures and attachment lists are not tasks.

Sub-points (`(1)`, `1)`, `①`) under an item (`1.`, `(一)`) are that item's text, as a clerk reads them,
unless they carry their own responsibility annotations: then they are tasks. An annotation on its own
line after the last sub-point, when no other sub-point has one, closes the parent item (it is the
parent's), so the sub-points are folded into the parent too. Label lines after the last of a
heading's items (`1、` `2、` then `责任单位:…`), when no item has its own and the document does not
close each item so, assign the heading's section (`lift_closing_annotations`).

Text after the last item's closing annotation (a closing paragraph such as `各地区、各部门要…`) is not part
of that task. An attachment (`附件`) ends the body; a task table in it is not read from plain text and
is reported as a warning.

Input is repaired text (`taskctl.ingest.repair`): half-width brackets and digits, no blank lines.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from taskctl.ingest.patterns import lazy
from taskctl.vocab import (
    ANNOTATION_LABEL_PATTERN,
    ARTICLE_WORDS,
    ATTACHMENT_MARKERS,
    CHINESE_NUMERAL_CHARS,
    CIRCLED_NUMBERS,
    CLOSING_OPENERS,
    CLOSING_SECTION_HEADINGS,
    DUTY_HEADING_WORDS,
    LEAD,
    LEADER_HEADING_PATTERN,
    LEADER_POSTS_HEADING_PATTERN,
    LIST_ANNOUNCING_ENDS,
    NON_TASK_HEADINGS,
    NOTICE_WORDS,
    PAGE_CHROME_BAR_COUNT,
    PAGE_CHROME_LINE_STARTS,
    PAGE_CHROME_MARKERS,
    PART_WORDS,
    PLAN_TITLE_WORDS,
    RESPONSIBLE,
    ROLE_VERBS,
    SIGNATURE_ENDINGS,
    SUB_ITEM_STYLES,
    TABLE_HEADERS,
    TASK_SECTION_LABELS,
    UNIT_HEADING_WORDS,
    UNIT_LINE_ENDINGS,
    WORK_ABOVE_OPENERS,
    chinese_number,
    chinese_numeral,
)

if TYPE_CHECKING:
    from taskctl.ingest.annotations import Annotation, AnnotationProblem
    from taskctl.ingest.conventions import Conventions
    from taskctl.ingest.drafts import ItemDraft, ParseWarning
    from taskctl.ingest.repair import Line


@dataclass(frozen=True)
class Marker:
    """An item marker at the start of a line: its style, value, normalised label and the rest."""

    style: str  # "第一" "第一条" "一、" "(一)" "1." "(1)" "1)" "①"
    value: int
    label: str
    rest: str


#: Marker styles of sections (`第一部分`, `一、`), as opposed to the items inside them.
SECTION_STYLES = ("第一", "一、")
# The rank Chinese documents give their markers (GB/T 9704: 一、 over (一) over 1.): in a copy that
# starts inside a section (`(四)…` then `二、…`), a higher marker numbered past 1 is not a sub-item.
STYLE_RANK = {
    "第一": 0, "一、": 1, "第一条": 1, "(一)": 2, "1.": 3, "(1)": 3, "1)": 3, "①": 3,
    "1.1": 4, "1.1.1": 5,
}  # fmt: skip


_CN = f"[{CHINESE_NUMERAL_CHARS}]{{1,4}}"
_PART = "|".join(PART_WORDS)
_ARTICLE = "|".join(ARTICLE_WORDS)
_MARKER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第一", re.compile(rf"第\s*({_CN}|[0-9]{{1,2}})\s*({_PART})\s*[、.:]?\s*")),
    ("第一条", re.compile(rf"第\s*({_CN}|[0-9]{{1,3}})\s*({_ARTICLE})\s*[、.:]?\s*")),
    ("(一)", re.compile(rf"\(\s*({_CN})\s*\)\s*[、.]?")),
    ("一、", re.compile(rf"({_CN})\s*[、.]")),
    ("(1)", re.compile(r"\(\s*([0-9]{1,3})\s*\)\s*[、.]?")),
    # `1。` too: a news portal's copy writes the item's full stop as an ideographic one; a digit after
    # the stop is a decimal (`2.45万`) unless it opens a year (`1.2024年6月底前完成…`)
    ("1.", re.compile(r"([0-9]{1,3})\s*(?:、|[.。](?!(?!(?:19|20)[0-9]{2}年)[0-9]))")),
    ("1)", re.compile(r"([0-9]{1,3})\)")),
    ("①", re.compile(f"([{CIRCLED_NUMBERS}])")),
)


def match_marker(text: str) -> Marker | None:
    """The item marker `text` starts with, or None (`2012年`, `2.45万`, `(工程)` are not markers)."""
    if not text:
        return None
    first = text[0]
    if not (
        first in "(第"
        or first.isdigit()
        or first in CHINESE_NUMERAL_CHARS
        or first in CIRCLED_NUMBERS
    ):
        return None
    # a document's lines are read twice (when lines are joined, then for the outline)
    return _match_marker(text)


@functools.lru_cache(maxsize=1024)
def _match_marker(text: str) -> Marker | None:
    """`match_marker` past its first-character check."""
    for style, pattern in _MARKER_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        token = match.group(1)
        if style in ("第一", "第一条"):
            value = int(token) if token.isdigit() else chinese_number(token)
            label = f"第{token}{match.group(2)}"
        elif style in ("(一)", "一、"):
            value = chinese_number(token)
            label = f"({token})" if style == "(一)" else token
        elif style == "①":
            value = CIRCLED_NUMBERS.index(token) + 1
            label = token
        else:
            value = int(token) if token.isascii() else None
            label = f"({value})" if style == "(1)" else str(value)
        if value is None or value < 1:
            return None
        rest = text[match.end() :].strip()
        if not rest and style not in ("第一", "第一条", "(一)", "一、"):
            return None
        return Marker(style, value, label, rest)
    return None


#: Marker styles of the items a line or a cell may run together (`①…;②…`, `4.… 5.…`).
INLINE_ITEM_STYLES = ("1.", "(1)", "1)", "①")


def next_items(text: str, boundary: re.Pattern[str]) -> list[str]:
    """`text`, opening with an item marker, cut before each next item it holds where `boundary`
    matches (after a sentence's end: `①…;②…;③…`): the same style, the number one more each time;
    [text] for text that holds none."""
    marker = match_marker(text)
    if marker is None or marker.style not in INLINE_ITEM_STYLES or not marker.rest:
        return [text]
    items: list[str] = []
    start, value = 0, marker.value
    for found in boundary.finditer(text):
        following = match_marker(text[found.end() :])
        if (
            following is not None
            and following.style == marker.style
            and following.value == value + 1
            and following.rest
        ):
            items.append(text[start : found.end()].strip())
            start, value = found.end(), following.value
    return [*items, text[start:].strip()]


# --- Title and period -----------------------------------------------------------------------------

_YEAR_RANGE = lazy(
    r"((?:19|20|21)[0-9]{2})\s*年?\s*[—–\-~至到一－―]{1,2}\s*((?:19|20|21)[0-9]{2})\s*年?"
)
_ONE_YEAR = lazy(r"((?:19|20|21)[0-9]{2})\s*年")
_BOOK_TITLE = lazy(r"[《«]([^《》«»]{2,80})[》»]")
_PERIOD_LINE = lazy(r"\(\s*(?:19|20|21)[0-9]{2}[^()]{0,20}\)")
_DATE_LINE = lazy(
    r"(?:(?:19|20|21)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
    r"|(?:19|20|21)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})"
)
_TITLE_BREAKERS = set(",。;")


_CHROME = lazy("|".join(map(re.escape, PAGE_CHROME_MARKERS)))


def is_chrome(text: str) -> bool:
    """True for web-page and print chrome (navigation bars, 打印 关闭窗口, 版权所有, 转自:, 发布时间,
    上一篇/下一篇, 分享到, a line naming a file)."""
    return (
        text.startswith(PAGE_CHROME_LINE_STARTS)
        or text.count("|") >= PAGE_CHROME_BAR_COUNT
        or _CHROME.search(text) is not None
        or _FILE_NAME.search(text) is not None
    )


# A line naming a file (`17.内蒙古自治区…政策清单.docx`, a document-sharing site's listing), or an
# image a page shows (`640.webp.jpg`, a news repost's picture between its paragraphs).
_FILE_NAME = lazy(r"\.(?:docx?|wps|pdf|xlsx?|et|txt|ofd|jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)


def _is_notice(text: str) -> bool:
    return "印发" in text or text.endswith("通知") or text.endswith("的通知》")


def is_plan_title(text: str) -> bool:
    """A line that may be a plan's title: short, naming a plan word (方案, 要点, 分解表 …), no notice."""
    return (
        4 <= len(text) <= 60
        and not text.startswith(ATTACHMENT_MARKERS)
        and not (_TITLE_BREAKERS & set(text))
        and any(word in text for word in PLAN_TITLE_WORDS)
        and not _is_notice(text)
        and match_marker(text) is None
    )


def find_title(lines: list[str]) -> tuple[int | None, str]:
    """The plan title among the lines before the first item: (index of its line or None, title).

    A line naming a plan (`…工作要点`, `…实施方案`) wins over the covering notice; a period line right
    after it (`(2017—2020年)`) is part of the title; otherwise the plan named in 《》 by the notice.
    """
    for index, text in enumerate(lines):
        if is_plan_title(text):
            title = text
            if index + 1 < len(lines) and _PERIOD_LINE.fullmatch(lines[index + 1]):
                title += lines[index + 1]
            return index, title
    for text in lines:
        if any(word in text for word in NOTICE_WORDS):
            for match in _BOOK_TITLE.finditer(text):
                if any(word in match.group(1) for word in PLAN_TITLE_WORDS):
                    return None, match.group(1)
    for text in lines:
        if len(text) <= 60 and not _DATE_LINE.fullmatch(text):
            return None, text
    return None, ""


def find_period(title: str, lines: list[str]) -> tuple[date | None, date | None, str | None]:
    """The plan period from the title (`(2017—2020年)`, `2012年…要点`), else from a plan named in the
    lines before the first item: (start, end, text as written)."""
    candidates = [title] + [
        match.group(1) for text in lines for match in _BOOK_TITLE.finditer(text)
    ]
    for text in candidates:
        match = _YEAR_RANGE.search(text)
        if match and int(match.group(1)) <= int(match.group(2)):
            return date(int(match.group(1)), 1, 1), date(int(match.group(2)), 12, 31), match.group()
        match = _ONE_YEAR.search(text)
        if match and (text is title or any(word in text for word in PLAN_TITLE_WORDS)):
            year = int(match.group(1))
            return date(year, 1, 1), date(year, 12, 31), match.group()
    return None, None, None


# --- Items ----------------------------------------------------------------------------------------


@dataclass
class Node:
    """An item while the document is read: its marker, its lines and its place in the tree."""

    marker: Marker
    line: int
    parent: int | None
    depth: int
    number: str
    head: str = ""  # the item's first line as written, marker included
    lines: list[str] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    children: int = 0
    excluded: bool = False
    folded: bool = False  # a sub-point read as part of its parent's text
    assigned: bool = False  # a heading above a goal item that names its units (kept as a heading)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _is_label_line(text: str, words: tuple[str, ...]) -> bool:
    return text.rstrip(": ") in words


def _is_non_task_heading(text: str) -> bool:
    """A goals or principles heading (`二、指导思想`), its text glued on (a flattened copy's
    `一、指导思想以…为指导,…`) or not, unless that text assigns units."""
    if not text.startswith(NON_TASK_HEADINGS):
        return False
    return len(text) <= 40 or not any(a.names_units() for a in node_annotations(text)[0])


def _is_signature(text: str) -> bool:
    return (
        len(text) <= 20 and not (_TITLE_BREAKERS & set(text)) and text.endswith(SIGNATURE_ENDINGS)
    )


def _table_header_line(lines: list[Line]) -> int | None:
    """The source line of the first table header (a line naming columns of two kinds or more: a
    longer header word holding a shorter one, `重点项目` and `项目`, names one), or None."""
    for line in lines:
        if (
            len(line.text) <= 80
            and sum(any(word in line.text for word in words) for words in TABLE_HEADERS.values())
            >= 2
        ):
            return line.number
    return None


_GLUED_NUMBER = lazy(r"([0-9]{1,3})[.、](?=[0-9]+[\u4e00-\u9fff])")


def may_be_glued_marker(text: str) -> bool:
    """True when `text` may start with an item marker glued to a number (`11.121人才…`): the
    outline decides by the sequence; a wrapped line is not joined to the line before it."""
    return text[:1].isdigit() and _GLUED_NUMBER.match(text) is not None


def _glued_number_marker(
    text: str, stack: list[int], nodes: list[Node], last_value: dict[str, int]
) -> Marker | None:
    """`11.121人才梯队项目` after item 10: the next item's marker, glued to a number of its text
    (read alone it looks like the decimal 11.121). Only the expected next number is a marker."""
    match = _GLUED_NUMBER.match(text)
    if match is None:
        return None
    previous = next((nodes[i] for i in reversed(stack) if nodes[i].marker.style == "1."), None)
    expected = previous.marker.value + 1 if previous else last_value.get("1.", 0) + 1
    if int(match.group(1)) != expected or expected == 1:
        return None
    return Marker("1.", expected, str(expected), text[match.end() :].strip())


#: Marker styles of decimal numbering (`1.1`, `1.1.1`): the label is the whole number.
DECIMAL_STYLES = ("1.1", "1.1.1")
# A decimal item number at a line's start (`2.3 完善…`, `1.2.1推进…`), not a decimal figure (`2.45万`,
# `1.5%`): text follows, after a space or opening with a character that counts nothing.
_DECIMAL = lazy(
    r"([0-9]{1,2}(?:\.[0-9]{1,2}){1,2})(?![0-9.%])[ \t]*"
    r"(?=[\u4e00-\u9fff“\"《(])(?![万亿元个倍千百米吨年月日天项次人家所条台座辆户亩])"
)
# A part's heading numbered alone (`2 推进产业升级`) over its decimal items (`2.1 …`).
_BARE_NUMBER = lazy(r"([0-9]{1,2})[ \t]*([\u4e00-\u9fff][^。;,:]{1,30})")


def uses_decimal_numbering(lines: list[Line]) -> bool:
    """Whether a text numbers its items with decimals (`1.1`, `1.2`, … at line starts): two at
    least, the second the first's next."""
    found = [
        match.group(1)
        for line in lines
        if line.text[:1].isdigit() and (match := _DECIMAL.match(line.text)) is not None
    ]
    return any(
        first.rsplit(".", 1)[0] == second.rsplit(".", 1)[0]
        and int(second.rsplit(".", 1)[1]) == int(first.rsplit(".", 1)[1]) + 1
        for first, second in itertools.pairwise(found)
    )


def _decimal_marker(text: str, following: list[Line]) -> Marker | None:
    """The decimal item number `text` opens with (`2.3 完善…` → label 2.3, value 3), or a part's
    heading numbered alone over its first decimal item (`2 推进…` over `2.1 …`); None else."""
    if not text[:1].isdigit():
        return None
    match = _DECIMAL.match(text)
    if match is not None:
        token = match.group(1)
        style = "1.1" if token.count(".") == 1 else "1.1.1"
        return Marker(style, int(token.rsplit(".", 1)[1]), token, text[match.end() :].strip())
    bare = _BARE_NUMBER.fullmatch(text)
    if bare is not None and any(
        line.text.startswith(f"{bare.group(1)}.1") and _DECIMAL.match(line.text)
        for line in following
    ):
        return Marker("1.", int(bare.group(1)), bare.group(1), bare.group(2).strip())
    return None


def _decimal_place(marker: Marker, open_nodes: list[Node]) -> int:
    """How many open nodes stay above a decimal item (`2.2`): those up to its part (`2`), a decimal
    item of fewer places (`2` over `2.2`, `2.2` over `2.2.1`) or a section; not the points of the
    item before it (`(12)`), whatever their marker."""
    keep = len(open_nodes)
    places = marker.label.count(".")
    while keep:
        above = open_nodes[keep - 1].marker
        if above.style in DECIMAL_STYLES and above.label.count(".") < places:
            break
        if above.label == _decimal_prefix(marker) or above.style in _ABOVE_DECIMALS:
            break
        keep -= 1
    return keep


# Marker styles a decimal item always stands under (sections, articles, `(一)` groups).
_ABOVE_DECIMALS = (*SECTION_STYLES, "第一条", "(一)")


def _decimal_prefix(marker: Marker) -> str:
    """`2.3` → '2'; the label of the item a decimal item is numbered under."""
    return marker.label.rsplit(".", 1)[0] if marker.style in DECIMAL_STYLES else marker.label


#: How far past the expected number an arabic item may jump (a skipped or cut item) and still be
#: read as the next item.
_MAX_SKIP = 2


def _far_out_of_sequence(
    marker: Marker, expected: int, runs_on: bool, last_value: dict[str, int]
) -> bool:
    """True for an arabic number (`1.`, `(1)`, `1)`) that cannot be the next item of its level: not
    the expected number, not the run-on one, not a new list's 1, and more than `_MAX_SKIP` past it
    or behind it."""
    if marker.style not in ("1.", "(1)", "1)") or runs_on or marker.value in (expected, 1):
        return False
    if expected == 1 and marker.style not in last_value:
        return False  # the first of its kind: a list may start anywhere (a cut copy)
    reference = max(expected, last_value.get(marker.style, 0) + 1)
    if marker.value == expected - 1 and marker.rest[:1] >= "\u4e00":
        return False  # `3、` twice in a row, each over its own item: the number repeated by a slip
    return marker.value > reference + _MAX_SKIP or marker.value < expected


def _plan_after(body: list[Line], start: int) -> int | None:
    """The index of a plan title a few lines after a notice's date (`…责任分解方案`), when numbered
    items follow it; None when the date ends the document."""
    for index in range(start, min(start + 4, len(body))):
        if is_plan_title(body[index].text):
            after = body[index + 1 : index + 4]
            if any(match_marker(line.text) for line in after):
                return index
    return None


def _plan_after_attachment_list(body: list[Line], start: int) -> int | None:
    """The index of the plan title opening the first attachment, when the line at `start` lists a
    notice's attachments and the notice's date follows within a few lines (`附件:1.…` / `2.…` /
    `沁县人民政府办公室` / `2025年5月18日` / `(此件公开发布)` / `附件1` / `…任务清单` / `一、…`)."""
    for index in range(start + 1, min(start + _ATTACHMENT_LIST_MAX, len(body))):
        if _DATE_LINE.fullmatch(body[index].text):
            return _plan_after(body, index + 1)
    return None


#: How far after the line listing the attachments the notice's date may stand.
_ATTACHMENT_LIST_MAX = 10


@dataclass
class Outline:
    """What `read_outline` finds: title, period, item tree and warnings."""

    title: str
    period_start: date | None
    period_end: date | None
    period_text: str | None
    nodes: list[Node]
    warnings: list[tuple[int, str]]
    # unnumbered lines naming the unit of the items below them (`凤台县政府` over `1.` `2.` …): the
    # line's number and the units
    unit_lines: list[tuple[int, list[str]]] = field(default_factory=list)


def read_outline(lines: list[Line]) -> Outline:
    """Read the numbered structure of repaired lines into a tree of nodes (document order)."""
    lines = [line for line in lines if not is_chrome(line.text)]
    first_item = next(
        (index for index, line in enumerate(lines) if match_marker(line.text) is not None),
        len(lines),
    )
    preamble = [line.text for line in lines[:first_item]]
    title_index, title = find_title(preamble)
    period_start, period_end, period_text = find_period(title, preamble)

    nodes: list[Node] = []
    warnings: list[tuple[int, str]] = []
    unit_lines: list[tuple[int, list[str]]] = []
    stack: list[int] = []
    last_value: dict[str, int] = {}  # the last number of each style, for numbering that runs on
    non_task_zone = False
    start = 0 if title_index is None else title_index + 1
    body = lines[start:]
    decimal = uses_decimal_numbering(body)
    resume = 0
    tail = _cut_item_tail(lines, start, first_item)
    if tail is not None:
        # a copy starting inside an item (a journal's page 7: `范意识和防护能力。(X、Y按职责分工负责)`
        # then `(四)…`): that item's end, numbered before the first whole one
        nodes.append(tail)
        stack.append(0)
        last_value[tail.marker.style] = tail.marker.value
        resume = first_item - start
    for position, line in enumerate(body):
        if position < resume:
            continue
        text = line.text
        plan = None
        if nodes and _DATE_LINE.fullmatch(text):
            # the items so far were the covering notice's (`一、各单位要…`): the plan starts here
            plan = _plan_after(body, position + 1)
        elif nodes and text.startswith(ATTACHMENT_MARKERS):
            # the covering notice's list of attachments (`附件:1.…任务清单` / `2.…`), its signature
            # and date, then the first attachment: the plan starts there
            plan = _plan_after_attachment_list(body, position)
        if plan is not None:
            nodes.clear()
            stack.clear()
            last_value.clear()
            warnings.clear()
            non_task_zone = False
            title = body[plan].text
            period_start, period_end, period_text = find_period(title, [])
            resume = plan + 1
            continue
        if nodes and text.startswith(ATTACHMENT_MARKERS):
            table_line = _table_header_line(body[position:])
            if table_line is not None:
                warnings.append(
                    (
                        table_line,
                        "the attachment's task table is not read from plain text;"
                        " import it as .xlsx, .csv or .docx",
                    )
                )
            break
        if nodes and _DATE_LINE.fullmatch(text):
            last = nodes[stack[-1]] if stack else nodes[-1]
            if len(last.lines) > 1 and _is_signature(last.lines[-1]):
                last.lines.pop()
                last.line_numbers.pop()
            break
        marker = match_marker(text) or _glued_number_marker(text, stack, nodes, last_value)
        if marker is None and decimal:
            marker = _decimal_marker(text, body[position + 1 : position + 3])
        if marker is None and stack and nodes[stack[-1]].lines == [""]:
            # a marker alone on its line (`第一章`, `一、`): this line is its heading
            node = nodes[stack[-1]]
            node.lines[0] = text
            node.excluded = node.excluded or _is_non_task_heading(text)
            continue
        if _is_label_line(text, NON_TASK_HEADINGS):
            non_task_zone, stack = True, []
            continue
        if _is_label_line(text, TASK_SECTION_LABELS):
            non_task_zone, stack = False, []
            continue
        if marker is None:
            names = _unit_line(text, [later.text for later in body[position + 1 : position + 4]])
            if names:
                # `凤台县政府` over its targets `1.` `2.` …: the items restart under the unit
                unit_lines.append((line.number, names))
                stack = []
                last_value.clear()
                continue
            if stack:
                node = nodes[stack[-1]]
                node.lines.append(text)
                node.line_numbers.append(line.number)
            continue
        previous: Node | None = None
        found_at = len(stack)
        for index in range(len(stack) - 1, -1, -1):
            if nodes[stack[index]].marker.style == marker.style:
                previous = nodes[stack[index]]
                found_at = index
                break
        if previous is None and stack and marker.style in DECIMAL_STYLES:
            found_at = _decimal_place(marker, [nodes[i] for i in stack])
        elif previous is None and stack and marker.value > 1:
            # `二、` after a copy's first item `(四)`: a section, not a sub-item; `(二)` after item 8
            # of a `(一)` the copy lost: a sibling of that group under `一、`, not a sub-item of 8
            found_at = _outranked(marker.style, [nodes[i] for i in stack])
        expected = previous.marker.value + 1 if previous else 1
        if (
            previous is not None
            and marker.style in DECIMAL_STYLES
            and _decimal_prefix(previous.marker) != _decimal_prefix(marker)
        ):
            expected = 1  # `2.1` after `1.3`: the next part's first item
        runs_on = previous is None and marker.value == last_value.get(marker.style, 0) + 1
        if stack and _far_out_of_sequence(marker, expected, runs_on, last_value):
            # `121.人才工程` after item 10: a number in the text, not the next item
            node = nodes[stack[-1]]
            node.lines.append(text)
            node.line_numbers.append(line.number)
            warnings.append(
                (
                    line.number,
                    f"{marker.label} read as text, not as an item (expected {expected})",
                )
            )
            continue
        del stack[found_at:]
        if marker.value != expected and not runs_on:
            warnings.append(
                (line.number, f"item {marker.label} is out of sequence (expected {expected})")
            )
        last_value[marker.style] = marker.value
        parent = stack[-1] if stack else None
        parent_node = nodes[parent] if parent is not None else None
        number = f"{parent_node.number}.{marker.label}" if parent_node else marker.label
        if (
            marker.style in DECIMAL_STYLES
            and parent_node is not None
            and parent_node.marker.label == _decimal_prefix(marker)
        ):
            number = f"{parent_node.number}.{marker.value}"  # `2.1` under `2`: not `2.2.1`
        node = Node(
            marker=marker,
            line=line.number,
            parent=parent,
            depth=len(stack) + 1,
            number=number,
            head=text,
            lines=[marker.rest],
            line_numbers=[line.number],
        )
        node.excluded = non_task_zone or _is_non_task_heading(marker.rest)
        if parent_node is not None:
            parent_node.children += 1
            node.excluded = node.excluded or parent_node.excluded
        stack.append(len(nodes))
        nodes.append(node)
    return Outline(title, period_start, period_end, period_text, nodes, warnings, unit_lines)


def _cut_item_tail(lines: list[Line], start: int, first_item: int) -> Node | None:
    """The end of the item before the copy's first one, when the copy starts inside it: the text
    between the title and a first item numbered past one (`(四)`), a page's byline aside, is short
    and closes with a note naming units. None otherwise (a preamble, or a list that starts at its
    first item)."""
    if first_item >= len(lines) or first_item <= start:
        return None
    first = match_marker(lines[first_item].text)
    if first is None or first.value < 2 or first.style not in _LABELS:
        return None
    tail = lines[start:first_item]
    while tail and (is_chrome(tail[0].text) or _DATE_LINE.search(tail[0].text)):
        tail = tail[1:]  # a page's byline (`编辑: 向日葵8AS 2016-12-31`)
    text = "\n".join(line.text for line in tail)
    annotations = node_annotations(text)[0]
    if not text.endswith(")") or len(text) > _CUT_TAIL_MAX:
        return None
    if not any(a.names_units() for a in annotations):
        return None
    value = first.value - 1
    label = _LABELS[first.style](value)
    # (a page's running head joined before it, `Page 7 …工作要点3范意识和防护能力。`, ends at its
    # page number)
    head = _RUNNING_HEAD_END.match(text, 0, min(span[0] for a in annotations for span in a.spans))
    rest = text[head.end() :] if head is not None else text
    parts = rest.split("\n")
    marker = Marker(first.style, value, label, parts[0])
    numbers = [line.number for line in tail][-len(parts) :]
    return Node(marker, numbers[0], None, 1, label, parts[0], parts, numbers)


# The longest text a copy may start with inside an item it cut.
_CUT_TAIL_MAX = 600
# The end of a page's running head before a cut item's text (`Page 7 - …3`): its last Latin letter
# or digit, in a head holding Latin letters.
_RUNNING_HEAD_END = lazy(r"(?=[^\n]*[A-Za-z])[^\n]*[0-9A-Za-z][ \t]*(?=[\u4e00-\u9fff])")


# How a marker of each style is labelled, from its value.
_LABELS: dict[str, Callable[[int], str]] = {
    "(一)": lambda value: f"({chinese_numeral(value)})",
    "一、": chinese_numeral,
    "1.": str,
    "(1)": lambda value: f"({value})",
}


def _unit_line(text: str, following: list[str]) -> list[str]:
    """The units an unnumbered line names alone, above a first item `1.` (a plan of targets set out
    by the bodies that answer for them: `凤台县政府` / `1.地区生产总值…`), or []. Between the two may
    stand the title of the body's list and a paragraph introducing its items (`上海市区级人民政府` /
    `2024年度食品安全工作责任清单` / `…主要承担以下工作:` / `1.…`). Only names ending like a
    government body (`UNIT_LINE_ENDINGS`: not an inspected place, `儋州村社区`)."""
    if len(text) > 24 or any(ch in text for ch in "。,;:()"):
        return []
    skipped = 0
    while skipped < len(following) - 1 and (
        is_plan_title(following[skipped]) or following[skipped].endswith(":")
    ):
        skipped += 1
    marker = match_marker(following[skipped]) if following else None
    if marker is None or marker.value != 1 or marker.style in SECTION_STYLES:
        return []
    from taskctl.ingest.units import is_unit_name, split_units

    names = split_units(text)
    if names and all(is_unit_name(name) and name.endswith(UNIT_LINE_ENDINGS) for name in names):
        return names
    return []


def _outranked(style: str, open_nodes: list[Node]) -> int:
    """How many open nodes stay above a marker of `style` that is not open: those up to the last
    one ranking above it (`STYLE_RANK`), when the nodes after it all rank below; all of them
    otherwise (the marker opens a level under the last)."""
    rank = STYLE_RANK.get(style)
    if rank is None:
        return len(open_nodes)
    ranks = [STYLE_RANK.get(node.marker.style, -1) for node in open_nodes]
    keep = len(ranks)
    while keep and ranks[keep - 1] > rank:
        keep -= 1
    return keep


_TITLE_MAX = 120
_TITLE_TRIM = " ,;:、。.!?"


def lead_phrase(text: str) -> str:
    """A title from an item's text (marker and annotations already cut): its first line of text up to the first
    `。`; failing that, up to a `;`/`:` ending a heading-like lead, or the line (at most 120 characters)."""
    # the first line with text: an annotation may have taken the item's first line (`4.责任单位:X`)
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    end = first_line.find("。", 0, _TITLE_MAX)
    if end < 0:
        if len(first_line) <= _TITLE_MAX:
            end = len(first_line)
        else:
            cuts = [
                position
                for position in (
                    first_line.find(";", 0, _TITLE_MAX),
                    first_line.find(":", 0, _TITLE_MAX),
                )
                if position > 0
            ]
            end = min(cuts) if cuts else first_line.rfind(",", 0, _TITLE_MAX)
            end = end if end > 0 else _TITLE_MAX
    return first_line[:end].strip(_TITLE_TRIM)


@functools.lru_cache(maxsize=4096)
def node_annotations(text: str) -> tuple[tuple[Annotation, ...], tuple[AnnotationProblem, ...]]:
    """The annotations of an item's text, read once per distinct text (the structural passes and
    the drafts all ask). Read-only: callers merge them into new annotations."""
    from taskctl.ingest.annotations import find_annotations

    annotations, problems = find_annotations(text)
    return tuple(annotations), tuple(problems)


def _assigns_units(node: Node) -> bool:
    """Whether a node's own text (its children aside) names units."""
    return any(a.names_units() for a in node_annotations(node.text)[0])


def _names_units(node: Node) -> bool:
    return any(a.names_units() or a.persons for a in node_annotations(node.text)[0])


def _draft(
    node: Node,
    kind: str,
    outline: Outline,
    text: str,
    annotations: tuple[Annotation, ...],
    line: int,
    cut: int | None = None,
) -> ItemDraft:
    """An ItemDraft from (part of) a node's text and the annotations read in it; the text from
    `cut` on is left out of the title and the deadline search."""
    from taskctl.ingest.annotations import Annotation, cut_spans, resolve_roles
    from taskctl.ingest.drafts import ItemDraft

    merged = Annotation()
    for annotation in annotations:
        merged.merge(annotation)
    resolve_roles(merged)
    spans = list(merged.spans) + ([(cut, len(text))] if cut is not None else [])
    plain = cut_spans(text, spans)
    # a sentence opening with who does it (`区住建局负责全区…`, `由办公室负责,按照…`) is the title as
    # written; a note or label before the text (`【市发改委】推进…`) is not
    opening = [span for span in spans if _opens_in_prose(text, span)]
    title = lead_phrase(cut_spans(text, [span for span in spans if span not in opening]))
    first, first_end = min(merged.spans, default=(None, None))
    if first is not None and 0 < first < len(title) and text[first - 1] in ",，":
        # `棚户区改造,牵头部门:市住建委。新开工…`: the title ends where the annotation starts
        title = lead_phrase(text[:first])
    elif first and text[first_end : first_end + 1] == ":" and "\n" not in text[:first]:
        # `联盛快乐城(责任单位:县商务局):前期通报…`: a name, its note, then what is said of it
        title = lead_phrase(text[:first])
    if not title and node.marker.style == "第一条":
        # `第一组:组长单位(县政府办)`: an item of labels alone is called by its marker's words
        title = node.marker.label
    draft = ItemDraft(
        kind=kind,
        number=node.number,
        label=node.marker.label,
        level=node.depth,
        title=title,
        full_text=text,
        line=line,
        lead=merged.lead,
        support=merged.support,
        responsible=merged.responsible,
        persons=merged.persons,
        attributes=merged.attributes,
        unit_labels=merged.labels,
        annotation_text=" ".join(text[start:end].strip() for start, end in sorted(merged.spans)),
    )
    if kind == "task":
        draft.deadline, draft.deadline_text = _deadline(merged.deadline_texts, plain, outline)
    return draft


def _opens_in_prose(text: str, span: tuple[int, int]) -> bool:
    """Whether an annotation at `span` opens the text as its sentence's subject (no bracket, no
    label)."""
    start = len(text) - len(text.lstrip())
    return (
        span[0] <= start < span[1]
        and text[start : start + 1] not in "(【[〔"
        and not (_LABEL_OPENING.match(text, start))
    )


_LABEL_OPENING = lazy(r"[\u4e00-\u9fff]{2,12}\s*:")


def _make_drafts(
    node: Node, kind: str, outline: Outline, warnings: list[ParseWarning]
) -> list[ItemDraft]:
    """The draft of a node, or, for a paragraph of several annotated runs of sentences
    (`…网络。(民政部牵头)完善…(人社部负责)`), a heading and one task per run (`三.(二)-1`, `-2`)."""
    from taskctl.ingest.annotations import cut_spans
    from taskctl.ingest.drafts import ParseWarning

    text = node.text
    annotations, problems = node_annotations(text)
    for problem in problems:
        warnings.append(ParseWarning(_line_at(node, text, problem.offset), problem.message))
    # text from an unreadable annotation on is not the title's (it stays in the full text)
    cut = min((p.offset for p in problems if not p.message.startswith("not a unit")), default=None)
    runs = _annotated_runs(text, annotations) if kind == "task" and cut is None else []
    if len(runs) < 2:
        return [_draft(node, kind, outline, text, annotations, node.line, cut)]
    parent = _draft(node, "heading", outline, text, (), node.line)
    parent.title = lead_phrase(cut_spans(text, [a.spans[0] for a in annotations]))
    drafts = [parent]
    for index, (start, end, run_annotations) in enumerate(runs, 1):
        # (a run after a note closed without its full stop, `…(X负责)。在高端装备…`, `…(X负责),建设…`,
        # starts after the stop or comma)
        raw = text[start:end]
        opening = raw.lstrip().lstrip("。,;、").lstrip()
        run_text = opening.rstrip()
        shifted = tuple(_shifted(a, start + len(raw) - len(opening)) for a in run_annotations)
        heading_end = run_text.find("。") + 1
        if index == 1 and heading_end and _starts_sub_item(run_text[heading_end:]):
            # `深化商事制度改革。(1)全面落实…`: the heading sentence is the paragraph's title
            shifted = tuple(_shifted(a, heading_end) for a in shifted)
            run_text = run_text[heading_end:]
        marker = match_marker(run_text)
        if marker is not None and marker.style in SUB_ITEM_STYLES and marker.rest:
            # an inline sub-item (`…改革。(1)全面落实…(X牵头负责)(2)…`) keeps its own number
            cut = len(run_text) - len(marker.rest)
            run_text = marker.rest
            shifted = tuple(_shifted(a, cut) for a in shifted)
            number, label = f"{node.number}.{marker.label}", marker.label
        else:
            number, label = f"{node.number}-{index}", f"-{index}"
        child = _draft(node, "task", outline, run_text, shifted, _line_at(node, text, start))
        child.number, child.label = number, label
        child.level = node.depth + 1
        opened = bool(shifted) and shifted[0].opens and shifted[0].spans[0][0] == 0
        if index == 1 and not opened:  # clauses opening the paragraph leave no heading sentence
            child.title = _without_heading(child.title, run_text, shifted, parent.title)
        drafts.append(child)
    return drafts


def _shifted(annotation: Annotation, offset: int) -> Annotation:
    """A copy of an annotation with its spans moved `offset` characters left."""
    from dataclasses import replace

    return replace(annotation, spans=[(a - offset, b - offset) for a, b in annotation.spans])


def _without_heading(
    title: str, run_text: str, annotations: tuple[Annotation, ...], heading: str
) -> str:
    """The first run's title without the paragraph's heading sentence (`加强养老服务。建设…`), or
    its heading line (`生态环境质量信息` on a line of its own, the runs below it)."""
    from taskctl.ingest.annotations import cut_spans

    plain = cut_spans(run_text, [a.spans[0] for a in annotations]).strip()
    if title != heading:
        return title
    first_end = plain.find("。")
    line_end = plain.find("\n")
    if line_end >= 0 and (first_end < 0 or line_end < first_end):
        first_end = line_end
    # (a stop left at the next line's start, `…能力` / `。ㄒ唬…`, opens no sentence)
    rest = plain[first_end + 1 :].strip().lstrip("。,;、:").strip() if first_end >= 0 else ""
    return (lead_phrase(rest) if rest else "") or title


def _annotated_runs(
    text: str, annotations: tuple[Annotation, ...]
) -> list[tuple[int, int, tuple[Annotation, ...]]]:
    """Runs of sentences each closed by annotations naming units: (start, end, annotations).
    A single run (the usual task, annotations at the end) gives one; text after the last run is
    the last run's. Annotations with nothing but text breaks between them are one run's. Role
    clauses opening a sentence (`Annotation.opens`) start a run and the text after them is its."""
    runs: list[tuple[int, int, list[Annotation]]] = []
    start = 0
    for annotation in annotations:
        span_start, span_end = annotation.spans[0]
        between = text[start:span_start].strip(" \n。;,")
        if annotation.opens and annotation.names_units() and runs and between:
            # `由X负责,Y配合,加快…。Z负责,W配合,强化…`: the clauses open a run of their own
            runs[-1] = (runs[-1][0], span_start, runs[-1][2])
            runs.append((span_start, span_end, [annotation]))
        elif runs and not between:
            runs[-1][2].append(annotation)
            runs[-1] = (runs[-1][0], span_end, runs[-1][2])
        elif annotation.names_units():
            # (a first run opening after the words announcing it, `…职责如下:县环保局。负责…`,
            # starts at its bodies)
            opens_after_intro = annotation.opens and not runs and between.endswith(":")
            runs.append((span_start if opens_after_intro else start, span_end, [annotation]))
        elif runs:
            runs[-1][2].append(annotation)
            runs[-1] = (runs[-1][0], span_end, runs[-1][2])
        else:
            continue
        start = span_end
    if not runs:
        return []
    tail = text[start:].strip(" \n。;,")
    cut = not text.rstrip().endswith(tuple(_SENTENCE_CLOSERS))  # a copy ending mid-sentence
    if (
        (len(runs) >= 2 or _cut_paragraph_after_note(text, runs[-1][2][-1].spans[0][0], start))
        and len(tail) >= _MIN_TAIL_RUN
        and ("。" in tail or cut or _starts_sub_item(tail))
    ):
        # a further run of sentences without a note of its own (`(3)推进…。`, or one the copy
        # cuts before its note): a task of its own
        runs.append((start, len(text), []))
    else:
        last_start, _end, last = runs[-1]
        runs[-1] = (last_start, len(text), last)
    return [(a, b, tuple(c)) for a, b, c in runs]


def _cut_paragraph_after_note(text: str, start: int, end: int) -> bool:
    """Whether, under a heading line of its own, the text after a note (from `start` to `end`)
    closing a paragraph is a paragraph of its own that the copy's end cuts mid-sentence (`(一)优化…`
    / `携手…(X牵头)` / `积极参与建设…,做好穗莞深`): the next run of work, whose note the copy lost.
    A note on the item's first line (its body after it) or opening its line is not such a run's."""
    heading_end = text.find("\n")
    line_start = text.rfind("\n", 0, start) + 1
    rest = text[end:]
    stripped = rest.lstrip(" 。;,")
    return (
        0 < heading_end < line_start
        and start - line_start >= _MIN_CUT_PARAGRAPH
        and "\n" in rest[: len(rest) - len(stripped) + 1]
        and len(stripped) >= _MIN_CUT_PARAGRAPH
        and not stripped.rstrip().endswith(tuple(_SENTENCE_CLOSERS))
    )


#: The shortest paragraph of a run read so (a sentence and more).
_MIN_CUT_PARAGRAPH = 30
# What a paragraph's last sentence ends with when the copy is whole.
_SENTENCE_CLOSERS = "。;!?)”\"'"


#: The shortest text after a paragraph's last annotated run that is a run (a task) of its own.
_MIN_TAIL_RUN = 10


def _starts_sub_item(text: str) -> bool:
    marker = match_marker(text)
    return marker is not None and marker.style in SUB_ITEM_STYLES


def _deadline(labelled: list[str], plain: str, outline: Outline) -> tuple[date | None, str | None]:
    """A labelled deadline (`完成时限:…`) wins over a phrase in the task's text; a labelled phrase of
    ongoing or recurring work (`持续推进`, `每季度`) gives no date but is kept as the deadline text."""
    from taskctl.ingest.deadlines import find_deadline, ongoing_phrase

    if labelled:
        phrase = "\n".join(labelled)
        found = find_deadline(phrase, outline.period_start, outline.period_end, labelled=True)
        if found[0] is not None:
            return found
        ongoing = ongoing_phrase(phrase)
        if ongoing is not None:
            return None, ongoing
    if not _DEADLINE_HINT.search(plain):
        return None, None
    return find_deadline(plain, outline.period_start, outline.period_end)


# Every deadline phrase in running text has 年, 月 or 季(度) once NFKC-normalised; the compatibility
# ideographs and squared/enclosed CJK forms are kept in case normalisation makes one of them.
_DEADLINE_HINT = lazy("[年月季\u3200-\u33ff\uf900-\ufaff\U0002f800-\U0002fa1f]")


def _has_annotation(node: Node) -> bool:
    return bool(node_annotations(node.text)[0])


def _closes_on_own_line(node: Node) -> bool:
    """True when the node's first annotation starts after its first line (`责任单位:…` on its own)."""
    text = node.text
    annotations = node_annotations(text)[0]
    first_break = text.find("\n")
    return bool(annotations) and 0 <= first_break < annotations[0].spans[0][0]


def fold_sub_items(nodes: list[Node]) -> None:
    """Fold sub-points (`(1)`, `1)`, `①`) into their parent item's text unless they are tasks of their
    own (see the module's docstring). Sections (`一、`, `第一部分`) keep their sub-points as items."""
    children: dict[int, list[int]] = {}
    for index, node in enumerate(nodes):
        if node.parent is not None:
            children.setdefault(node.parent, []).append(index)
    for index in range(len(nodes) - 1, -1, -1):
        parent = nodes[index]
        kids = [nodes[kid] for kid in children.get(index, ()) if not nodes[kid].folded]
        if not kids or parent.marker.style in SECTION_STYLES or _introduces_a_list(parent):
            continue
        if any(kid.marker.style not in SUB_ITEM_STYLES or kid.children for kid in kids):
            continue
        annotated = [kid for kid in kids if _has_annotation(kid)]
        if annotated and not (annotated == [kids[-1]] and _closes_on_own_line(kids[-1])):
            continue
        for kid in kids:
            if kid.line == parent.line_numbers[-1]:
                parent.lines[-1] += kid.head  # `①…;②…` run together on one line: kept so
                parent.line_numbers.extend(kid.line_numbers[1:])
            else:
                parent.lines.append(kid.head)
                parent.line_numbers.extend(kid.line_numbers)
            parent.lines.extend(kid.lines[1:])
            kid.folded = True
        parent.children -= len(kids)


def _introduces_a_list(node: Node) -> bool:
    """True for an item whose text is only a short heading closed by a colon (`(1)年度主要任务与要求:`
    over `①…` `②…`): its points are the items it announces, not its own text's parts."""
    lines = [line for line in node.lines if line.strip()]
    return (
        len(lines) == 1
        and lines[0].endswith(":")
        # (or a sentence announcing them: `…省防总设置以下工作小组:`)
        and (len(lines[0]) <= _LIST_HEADING_MAX or lines[0].endswith(LIST_ANNOUNCING_ENDS))
    )


_LIST_HEADING_MAX = 16


# A line that opens with a responsibility label (`责任单位:…`, `【牵头单位】…`).
_LABEL_LINE_START = lazy(rf"[ \t]*[(【\[]?(?:{ANNOTATION_LABEL_PATTERN})\s*[:】\]]")


def lift_closing_annotations(nodes: list[Node]) -> None:
    """An annotation on lines of its own after the last of a heading's items, when no other item has
    one (`(一)环境卫生整治` / `1、…` `2、…` `3、…` / `责任单位:…` / `配合单位:…`), assigns the heading's
    section, not its last item: its lines move to the heading, a task over its items (as a note
    right under the heading is). Not in a document whose items close with such lines each (an item
    before its last sibling does): there the lines after the last item are that item's."""
    children: dict[int, list[int]] = {}
    for index, node in enumerate(nodes):
        if node.parent is not None and not node.folded:
            children.setdefault(node.parent, []).append(index)
    if any(_closes_on_own_line(nodes[kid]) for kids in children.values() for kid in kids[:-1]):
        return
    for parent_index, kids in children.items():
        parent, last = nodes[parent_index], nodes[kids[-1]]
        if len(kids) < 2 or parent.folded or any(nodes[kid].children for kid in kids):
            continue
        if _has_annotation(parent) or any(_has_annotation(nodes[kid]) for kid in kids[:-1]):
            continue
        if _names_its_units(nodes, parent_index):
            continue  # `(二)省编办牵头的工作`: a heading whose units its items take
        first = _closing_label_lines(last)
        if first is None:
            continue
        parent.lines.extend(last.lines[first:])
        parent.line_numbers.extend(last.line_numbers[first:])
        del last.lines[first:], last.line_numbers[first:]


def _closing_label_lines(node: Node) -> int | None:
    """The index of the first of the label lines that close `node` on lines of their own (`责任单位:…`
    after its text), or None when its first note is no such line (a note closing its own
    paragraph)."""
    if not _closes_on_own_line(node):
        return None
    text = node.text
    first = text.count("\n", 0, node_annotations(text)[0][0].spans[0][0])
    line = node.lines[first]
    # (or a sentence giving all the work above to its units: `以上工作由省教育厅牵头,会同…`)
    return first if _LABEL_LINE_START.match(line) or line.startswith(WORK_ABOVE_OPENERS) else None


def _names_its_units(nodes: list[Node], index: int | None) -> bool:
    """Whether the heading at `index` names the unit or leader its items answer to (`(二)省编办牵头
    的工作`, `一、王丹县长牵头重点工作`)."""
    if index is None:
        return False
    rest = nodes[index].marker.rest
    return bool(_UNIT_HEADING.match(rest) or _LEADER_HEADING.match(rest))


def share_closing_annotations(nodes: list[Node]) -> None:
    """Label lines after the last item of a run numbered from 1 again (`1.…` `2.…` / `整改责任单位:X`
    / `1.…` / `整改责任单位:Y`, an inspection's findings place by place), when no other item of the
    run has a note, assign each item of the run: the lines are given to every one of them. Not in a
    document whose items close with such lines each (an item before the last of its run does)."""
    runs: list[list[int]] = []
    last_of: dict[tuple[int | None, str], list[int]] = {}
    for index, node in enumerate(nodes):
        if node.folded or node.children:
            continue
        key = (node.parent, node.marker.style)
        run = last_of.get(key)
        if run is None or node.marker.value == 1:
            run = []
            runs.append(run)
            last_of[key] = run
        run.append(index)
    if any(_closes_on_own_line(nodes[item]) for run in runs for item in run[:-1]):
        return
    for run in runs:
        last = nodes[run[-1]]
        if len(run) < 2 or any(_has_annotation(nodes[item]) for item in run[:-1]):
            continue
        first = _closing_label_lines(last)
        if first is None or _names_its_units(nodes, last.parent):
            continue
        for item in run[:-1]:
            nodes[item].lines.extend(last.lines[first:])
            nodes[item].line_numbers.extend(last.line_numbers[first:])


def drop_closing_text(nodes: list[Node]) -> None:
    """Drop the lines after the last item's closing annotation when none of them is an annotation:
    they are the document's closing paragraph (`各地区、各部门要…`), not part of the task."""
    last = next((node for node in reversed(nodes) if not node.folded), None)
    if last is None or len(last.lines) < 2:
        return
    text = last.text
    annotations = node_annotations(text)[0]
    if not annotations:
        return
    start = min(span_start for annotation in annotations for span_start, _end in annotation.spans)
    if not text[:start].strip(" 。;,"):
        return  # the annotation opens the item (`4.责任单位:X` over its text): the lines are its text
    end = max(span_end for annotation in annotations for _start, span_end in annotation.spans)
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip(" 。;,"):
        return
    keep = text.count("\n", 0, line_end) + 1
    if len(annotations) > 1 and not last.lines[keep].startswith(CLOSING_OPENERS):
        return  # a paragraph of several annotated runs goes on: a further run, not a closing word
    closing = max(annotations, key=lambda annotation: annotation.spans[-1][1])
    paragraph = _cut_paragraph_after_note(text, closing.spans[0][0], end)
    if paragraph and not last.lines[keep].startswith(CLOSING_OPENERS):
        return  # the next run, cut by the copy's end before its note
    del last.lines[keep:]
    del last.line_numbers[keep:]


def keep_assigned_goals(nodes: list[Node]) -> None:
    """Items under a goals heading (`主要预期目标`, `总体要求`) are tasks when some of them name their own
    units or persons: a division-of-labour plan assigns its targets (`1.地区生产总值增长6%左右。(X牵头)`),
    and so is one numbered in the same list as the assigned tasks of the next section. The headings
    above them are kept as headings."""
    assigned_sections: set[int | None] = set()
    for node in nodes:
        if not node.excluded or node.children or node.folded:
            continue
        if _names_units(node):
            assigned_sections.add(node.parent)
    # once a goals section assigns some of its items, all its items are tasks (the last one may
    # name its units in a line the copy cut off)
    for node in nodes:
        if (
            node.excluded
            and not (node.children or node.folded)
            and node.parent in assigned_sections
        ):
            node.excluded = False
    # an item numbered in the same list as the tasks after it (`一、总体目标 / 1.目标。…` then
    # `二、… / 2.…(牵头单位:…)`): the numbering makes it the plan's first task
    for index, node in enumerate(nodes):
        if not node.excluded or node.children or node.folded or node.parent is None:
            continue
        following = next(
            (later for later in nodes[index + 1 :] if later.marker.style == node.marker.style),
            None,
        )
        if (
            following is not None
            and following.marker.value == node.marker.value + 1
            and following.parent != node.parent
            and not following.excluded
            and _names_units(following)
        ):
            node.excluded = False
            assigned_sections.add(node.parent)
    for section in assigned_sections:
        index = section
        while index is not None:
            nodes[index].assigned = True
            index = nodes[index].parent


def drop_inline_lists(nodes: list[Node]) -> None:
    """An item whose line only goes on numbering short entries (`1、金寨县;2、裕安区;3、霍山县`, a
    ranking of counties under `一、…综合排名`) is a list in the text, not a task."""
    for node in nodes:
        if not node.children and not node.folded and _INLINE_LIST.fullmatch(node.text.strip()):
            node.excluded = True


# an entry of at most ten characters, then at least two more numbered ones, `;` or `,` between
_INLINE_LIST = lazy(r"[^;,。\n]{1,10}(?:[;,][0-9]{1,2}[、.][^;,。\n]{1,10}){2,}[。;]?")


def demote_bare_sections(nodes: list[Node]) -> None:
    """A section without items (`三、保障措施` followed by a paragraph) among sibling sections that
    have items is a heading, not a task, unless it names its own units or persons: it is the
    document's closing exhortation, not work to be assigned."""
    siblings: dict[tuple[int | None, str], list[Node]] = {}
    for node in nodes:
        if not node.folded:
            siblings.setdefault((node.parent, node.marker.style), []).append(node)
        if (
            node.marker.style in SECTION_STYLES
            and not (node.children or node.folded or node.excluded)
            and node.marker.rest.startswith(CLOSING_SECTION_HEADINGS)
            and not _names_units(node)
        ):
            node.excluded = True  # `五、组织领导` over a paragraph: how the work is organised
    _drop_closing_sections(nodes)
    for (_parent, style), group in siblings.items():
        if style not in SECTION_STYLES or not any(node.children for node in group):
            continue
        for node in group:
            if node.children or node.excluded:
                continue
            if not _names_units(node):
                node.excluded = True


def _drop_closing_sections(nodes: list[Node]) -> None:
    """A closing section over items (`二、几点要求` then `1.…报市政府督查室` `2.…`) whose items name
    no unit and no person holds the notice's own instructions, not work: it and its items are
    left out."""
    for index, node in enumerate(nodes):
        if not (
            node.children
            and node.marker.style in SECTION_STYLES
            and node.marker.rest.startswith(CLOSING_SECTION_HEADINGS)
        ):
            continue
        below = [other for other in nodes[index + 1 :] if _descends(nodes, other, index)]
        if any(_names_units(other) for other in [node, *below]):
            continue
        for other in [node, *below]:
            other.excluded = True


def _descends(nodes: list[Node], node: Node, ancestor: int) -> bool:
    parent = node.parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = nodes[parent].parent
    return False


def _line_at(node: Node, text: str, offset: int) -> int:
    """The source line of a character offset in a node's text."""
    breaks = _line_breaks(text)
    index = bisect.bisect_left(breaks, offset)
    return node.line_numbers[min(index, len(node.line_numbers) - 1)]


@functools.lru_cache(maxsize=64)
def _line_breaks(text: str) -> list[int]:
    """Where the line breaks of a text are (for many look-ups of lines by offset)."""
    return [index for index, ch in enumerate(text) if ch == "\n"]


def build_items(
    outline: Outline, conventions: Conventions
) -> tuple[list[ItemDraft], list[ParseWarning]]:
    """Turn the outline into ItemDrafts: leaves are tasks, the rest headings. Items inside a non-task
    section are dropped (the section's own heading is kept). A task naming no unit takes the units of
    its nearest annotated heading; then the document's conventions apply (`conventions`)."""
    from taskctl.ingest.conventions import apply_conventions
    from taskctl.ingest.drafts import ParseWarning

    warnings = [ParseWarning(line, message) for line, message in outline.warnings]
    fold_sub_items(outline.nodes)
    lift_closing_annotations(outline.nodes)
    share_closing_annotations(outline.nodes)
    drop_closing_text(outline.nodes)
    keep_assigned_goals(outline.nodes)
    demote_bare_sections(outline.nodes)
    drop_inline_lists(outline.nodes)
    items: list[ItemDraft] = []
    new_index: dict[int, int] = {}
    unit_lines = list(outline.unit_lines)
    unit_scope: tuple[str, list[str]] | None = None  # (the style of its items, the units)
    for index, node in enumerate(outline.nodes):
        if node.folded:
            continue
        while unit_lines and unit_lines[0][0] < node.line:
            unit_scope = (node.marker.style, unit_lines.pop(0)[1])
        if unit_scope is not None and node.depth == 1 and node.marker.style != unit_scope[0]:
            unit_scope = None  # a section of another style ends the unit's items
        parent_excluded = node.parent is not None and outline.nodes[node.parent].excluded
        if node.excluded and parent_excluded and not node.assigned:
            continue
        kind = "task" if node.children == 0 and not node.excluded else "heading"
        if kind == "heading" and not node.excluded and _assigns_units(node):
            kind = "task"  # `(一)推进…。(法制司牵头,有关单位负责)` over items 1, 2: a task itself
        drafts = _make_drafts(node, kind, outline, warnings)
        _units_of_heading(drafts[0])
        drafts[0].parent = new_index.get(node.parent) if node.parent is not None else None
        new_index[index] = len(items)
        for position, draft in enumerate(drafts):
            if position:
                draft.parent = new_index[index]
            if draft.kind == "task":
                if unit_scope is not None and not (draft.lead or draft.responsible):
                    draft.responsible = list(unit_scope[1])
                _give_counted_items(draft, items)
                _inherit_units(draft, items)
                apply_conventions(draft, conventions)
            items.append(draft)
    _units_of_body_headings(items)
    return items, warnings


def _units_of_body_headings(items: list[ItemDraft]) -> None:
    """In a text whose items name no unit at all, a heading that is a body's name (`(二)招商合作局
    (行政审批局、政务服务中心)` over its duties, a zone's departments) answers for the items under
    it. (Where items name their units, a heading shaped like a body's name is a project's: `七、市直
    公用事业综合服务中心` over the works building it.)"""
    from taskctl.ingest.units import is_body_name, is_body_with_aliases

    if any(item.lead or item.support or item.responsible for item in items):
        return
    bodies: dict[int, str] = {}
    for index, item in enumerate(items):
        if item.kind == "heading":
            title = item.full_text.strip().rstrip(":")
            if is_body_name(title) or is_body_with_aliases(title):
                bodies[index] = title
                item.responsible = [title]
            continue
        ancestor = item.parent
        while ancestor is not None and ancestor not in bodies:
            ancestor = items[ancestor].parent
        if ancestor is not None:
            item.responsible = [bodies[ancestor]]


# An assignment after a run of items, with their count (`4项目标的,责任单位:市发展改革委。`, as repair
# writes `4项目标的责任单位均为…`)
_COUNTED = lazy(r"(?:^|\n)[ \t]*(?:以上|上述)?([0-9一二三四五六七八九十两]{1,3})项[^\n:]{0,8},")


def _give_counted_items(draft: ItemDraft, items: list[ItemDraft]) -> None:
    """An item closed by an assignment of the items above it (`4项目标的责任单位均为X。` after item
    4 of 1-4) gives its units to the items before it that name none, as many as it counts."""
    if not (draft.lead or draft.support or draft.responsible) or "项" not in draft.full_text:
        return
    match = _COUNTED.search(draft.full_text)
    if match is None:
        return
    count = chinese_number(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
    if not count or count < 2:
        return
    siblings = [item for item in items if item.kind == "task" and item.parent == draft.parent]
    for item in siblings[-(count - 1) :]:
        if not (item.lead or item.support or item.responsible):
            item.lead, item.support = list(draft.lead), list(draft.support)
            item.responsible = list(draft.responsible)


_LEADER_HEADING = lazy(LEADER_HEADING_PATTERN)
_LEADER_POSTS_HEADING = lazy(LEADER_POSTS_HEADING_PATTERN)


def _leader_of(heading: ItemDraft) -> str | None:
    """The leader a heading puts in charge (`王丹县长牵头重点工作` → 王丹), or None."""
    match = _LEADER_HEADING.match(heading.title) or _LEADER_POSTS_HEADING.match(heading.title)
    return match.group("name") if match else None


def _units_of_heading(draft: ItemDraft) -> None:
    """A heading or item that names the unit in charge of its work (`(一)省监察厅牵头的工作`,
    `(三)省编办牵头的工作` over items 1, 2: a province's division by leaders and lead units, 2008)
    has that unit in the verb's role, its title kept, unless it names units of its own."""
    from taskctl.ingest.units import is_unit_name, split_units

    duties = _DUTIES_HEADING.match(draft.title) if "职责" in draft.title else None
    if duties is not None and not (draft.lead or draft.support or draft.responsible):
        # `第七条 区科委工作职责:` over the duties `(一)`…: the body named answers for them
        names = split_units(duties.group("units"))
        if names and all(is_unit_name(name) for name in names):
            draft.responsible = names
        return
    if draft.lead or draft.responsible or not any(w in draft.title for w in UNIT_HEADING_WORDS):
        return

    match = _UNIT_HEADING.match(draft.title)
    if match is None:
        return
    names = split_units(match.group("units"))
    if not names or not all(is_unit_name(name) for name in names):
        return
    if ROLE_VERBS[match.group("verb")] == LEAD:
        draft.lead = names
    else:
        draft.responsible = names


_UNIT_HEADING = lazy(
    r"^(?P<units>[^,。;:()]{2,40}?)(?P<verb>"
    + "|".join(
        sorted(
            (v for v in ROLE_VERBS if ROLE_VERBS[v] in (LEAD, RESPONSIBLE)), key=len, reverse=True
        )
    )
    + ")的?(?:"
    + "|".join(UNIT_HEADING_WORDS)
    # (and how many there are: `一、县示范区管委会牵头工作(8项)`)
    + r")(?:\([0-9一二三四五六七八九十]{1,3}[项条个件]\))?$"
)


# A heading naming a body's duties (`区科委工作职责`, `市公安局主要职责`, `县教育局的职责`).
_DUTIES_HEADING = lazy(
    r"^(?P<units>[^,。;:()]{2,30}?)的?(?:" + "|".join(DUTY_HEADING_WORDS) + r")[::]?$"
)


def _inherit_units(draft: ItemDraft, items: list[ItemDraft]) -> None:
    """A task naming no unit takes the units of its nearest heading that names some; a task naming
    no person takes the leader or persons its nearest heading names. A task over tasks (a section
    with a note of its own) passes nothing down: its units are its own."""
    if not draft.persons:
        ancestor = draft.parent
        while ancestor is not None and items[ancestor].kind == "heading":
            leader = _leader_of(items[ancestor])
            if leader or items[ancestor].persons:
                # `王丹县长牵头重点工作`, `(一)产业发展(牵头领导:王明)`: the section's leader
                draft.persons = [leader] if leader else list(items[ancestor].persons)
                break
            ancestor = items[ancestor].parent
    if draft.support and not (draft.lead or draft.responsible):
        # `协同单位:X` under `(三)省编办牵头的工作`: the support works with the heading's lead
        ancestor = draft.parent
        while ancestor is not None and items[ancestor].kind == "heading":
            if items[ancestor].lead:
                draft.lead = list(items[ancestor].lead)
                break
            ancestor = items[ancestor].parent
    if draft.lead or draft.support or draft.responsible:
        return
    ancestor = draft.parent
    while ancestor is not None:
        heading = items[ancestor]
        if heading.kind == "task":
            return  # a task over tasks keeps its units: they are not its items' units
        if (heading.lead or heading.support or heading.responsible) and (
            ancestor == draft.parent or not _UNIT_HEADING.match(heading.title)
        ):
            # (a part named for its unit, `第一部分 通州区政府主责任务`, over sections whose items
            # name their own: its unit is its items' only where they stand right under it)
            draft.lead = list(heading.lead)
            draft.support = list(heading.support)
            draft.responsible = list(heading.responsible)
            draft.persons = draft.persons or list(heading.persons)
            draft.unit_labels = dict(heading.unit_labels)
            return
        ancestor = heading.parent
