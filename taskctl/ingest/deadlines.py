"""Deadline phrases in task text: `find_deadline` reads a task's text against its plan period
(`6月底前` in a 2012 plan is 2012-06-30), `ongoing_phrase` and `is_time_phrase` tell work without a
date (`持续推进`) and a clause that only says when.

`find_deadline` gives exactly the answer of `_scan`, which tries every pattern on the whole text (the
definition; the property tests hold the two equal). Instead, it tries each pattern only where a
match can start: every match of a running-text pattern holds 年, 月 or 季 at a fixed set of distances
from its start (`2026年…`: 4 or 5 with `到`; `9月…`: 1 or 2), read off the pattern itself; so the
starts to try are the positions of those characters minus those distances. The union of all
patterns first sorts out the starts where none matches (usually all but one). `Pattern.match` at a
position sees the text before it (look-behinds) and after it (look-aheads) as `finditer` does, and
the starts are tried in order after the previous match, so the matches are `finditer`'s. The
deadline-field patterns (`labelled`) only add weak phrases after all others, so they run (whole)
only when no strong phrase was found. Should a pattern's distances not be readable, every call goes
to `_scan` instead.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from re import Pattern

from taskctl.dates import (
    BEFORE,
    DAY,
    MONTH,
    PERIOD_WORDS,
    YEAR,
    month_end,
    number_value,
)
from taskctl.ingest.patterns import lazy
from taskctl.vocab import ONGOING_PHRASES, PERIOD_ENDS

# Book titles name plans (`《国家中长期科技人才发展规划(2010-2020年)》`): never a deadline.
_BOOK_TITLE = lazy(r"《[^《》\n]{0,200}》|«[^«»\n]{0,200}»")

# (pattern, kind, strong): kind tells `_resolve` which groups the pattern has.
_DEADLINE_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), kind, strong)
    for pattern, kind, strong in (
        (rf"(?:到|至|于)?{YEAR}年{MONTH}月{DAY}日{BEFORE}", "ymd", True),
        (rf"(?:到|至|于)?{YEAR}年{MONTH}月{DAY}日", "ymd", False),
        (rf"(?:到|至|于)?{YEAR}年{MONTH}月(?:底|末|份)?{BEFORE}", "ym", True),
        (rf"(?:到|至|于)?{YEAR}年{MONTH}月(?:底|末)", "ym", True),
        (rf"{YEAR}年(?:底|末|内){BEFORE}?", "y", True),
        (rf"{YEAR}年({PERIOD_WORDS}){BEFORE}?", "yp", True),
        (rf"{YEAR}年{BEFORE}(?!后)", "y", True),
        (rf"(?:到|至)\s?{YEAR}\s?年", "y", True),
        (rf"(?<![0-9年]){MONTH}月{DAY}日{BEFORE}", "md", True),
        (rf"(?<![0-9年]){MONTH}月{DAY}日", "md", False),
        (rf"(?<![0-9年]){MONTH}月(?:底|末|份)?{BEFORE}", "m", True),
        (rf"(?<![0-9年]){MONTH}月(?:底|末)", "m", True),
        (rf"(?<![0-9一二三四五六七八九十两几每全])({PERIOD_WORDS}){BEFORE}?", "p", True),
    )
)


# In a deadline field (`完成时限：2026年9月`, a table's 完成时间 cell) a bare month or year is a deadline
# too: the end of that month or year. In running text it is not (`2026年9月召开大会`).
_LABELLED_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), kind, False)
    for pattern, kind in (
        (rf"{YEAR}年{MONTH}月(?!\s*[0-9一二三四五六七八九十]+日)", "ym"),
        (rf"(?<![0-9年]){MONTH}月(?!\s*[0-9一二三四五六七八九十]+日)", "m"),
        (rf"{YEAR}年?(?!\s*[0-9一二三四五六七八九十]+月)", "y"),
    )
)


# A character each running-text pattern needs (one of them): 年 in dated phrases, 月 in month
# phrases, 年 or 季 in period words (上半年, 一季度); the labelled patterns need none.
_NEEDS: tuple[str, ...] = tuple(
    {"ymd": "年", "ym": "年", "y": "年", "yp": "年", "md": "月", "m": "月", "p": "年季"}[kind]
    for _pattern, kind, _strong in _DEADLINE_PATTERNS
) + ("",) * len(_LABELLED_PATTERNS)


def _resolve(kind: str, groups: tuple[str, ...], plan_year: int | None) -> date | None:
    """The date a deadline match means, or None when it is impossible or needs an unknown year."""
    try:
        if kind in ("ymd", "ym", "yp", "y"):
            year = int(groups[0])
            rest = groups[1:]
        elif plan_year is None:
            return None
        else:
            year = plan_year
            rest = groups
        if kind in ("ymd", "md"):
            return date(year, number_value(rest[0]), number_value(rest[1]))
        if kind in ("ym", "m"):
            return month_end(year, number_value(rest[0]))
        if kind in ("yp", "p"):
            month, day = PERIOD_ENDS[rest[0]]
            return date(year, month, day)
        return date(year, 12, 31)
    except ValueError:
        return None


def _scan(
    text: str, period_start: date | None, period_end: date | None, *, labelled: bool = False
) -> tuple[date | None, str | None]:
    """`find_deadline` by trying every pattern on the whole text: the definition the fast path is
    held equal to, and what runs when the patterns do not show where a match can start."""
    text = _BOOK_TITLE.sub(
        lambda match: " " * len(match.group()), unicodedata.normalize("NFKC", text)
    )
    plan_year = _plan_year(period_start, period_end)
    taken = bytearray(len(text))
    found: dict[bool, list[tuple[date, str]]] = {True: [], False: []}
    patterns = _DEADLINE_PATTERNS + _LABELLED_PATTERNS if labelled else _DEADLINE_PATTERNS
    present = {ch for ch in "年月季" if ch in text}
    for (pattern, kind, strong), needs in zip(patterns, _NEEDS, strict=False):
        if needs and not present.intersection(needs):
            continue  # it cannot match: skipping it changes nothing
        for match in pattern.finditer(text):
            claimed = _claim(match, kind, text, taken, plan_year)
            if claimed is not None:
                found[strong].append(claimed)
    return _latest(found[True] or found[False])


def _plan_year(period_start: date | None, period_end: date | None) -> int | None:
    """The year a phrase without one (`6月底前`) falls in: the plan period's last."""
    return period_end.year if period_end else (period_start.year if period_start else None)


def _claim(
    match: re.Match[str], kind: str, text: str, taken: bytearray, plan_year: int | None
) -> tuple[date, str] | None:
    """Take the match's characters unless an earlier match took some of them or it follows 每
    (`每月底前` is recurring work); (date, phrase) when it is taken and names a real date."""
    start, end = match.span()
    if any(taken[start:end]) or (start > 0 and text[start - 1] == "每"):
        return None
    taken[start:end] = b"\x01" * (end - start)
    resolved = _resolve(kind, match.groups(), plan_year)
    return None if resolved is None else (resolved, match.group().strip())


def _latest(candidates: list[tuple[date, str]]) -> tuple[date | None, str | None]:
    """The latest of the candidate (date, phrase) pairs, or (None, None)."""
    if not candidates:
        return None, None
    return max(candidates, key=lambda item: item[0])


_ONGOING = sorted(ONGOING_PHRASES, key=len, reverse=True)
_TIME_PHRASE_MAX = 30


def ongoing_phrase(text: str) -> str | None:
    """The first phrase of ongoing or recurring work in `text` (`持续推进`, `长期坚持`, `每季度`)."""
    found = [(text.find(phrase), phrase) for phrase in _ONGOING if phrase in text]
    return min(found, key=lambda item: (item[0], -len(item[1])))[1] if found else None


def is_time_phrase(text: str) -> bool:
    """True for a short clause that only says when (`2024年底前完成`, `6月底前`, `持续推进`, `每季度`),
    as written beside the units in an annotation (`(财政部牵头,2024年底前完成)`)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or len(text) > _TIME_PHRASE_MAX:
        return False
    if ongoing_phrase(text) is not None:
        return True
    return any(pattern.search(text) for pattern, _kind, strong in _DEADLINE_PATTERNS if strong)


# --- the fast path: patterns tried only where a match can start ---------------------------------

_ANCHORS = "年月季"
_MAX_OFFSETS = 16


def _anchor_offsets(pattern: Pattern[str]) -> tuple[str, tuple[int, ...]] | None:
    """(anchor characters, distances from a match's start) such that every match of `pattern` has one
    of those characters at one of those distances; None when the pattern does not show them."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11 had the same module as sre_parse
        return None
    try:
        parsed = parser.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] < 1:
            return None  # an empty match would need finditer's own stepping
        found = _sequence_offsets(parser, parsed, list(parsed))
    except Exception:  # noqa: BLE001 - any surprise in the parse tree: scan the whole text
        return None
    if found is None:
        return None
    chars, offsets = found
    return "".join(sorted(chars)), tuple(sorted(offsets))


def _sequence_offsets(parser, parent, items) -> tuple[set[str], set[int]] | None:  # type: ignore[no-untyped-def]
    """Anchor characters and their possible distances from the start of a sequence of parse items,
    for a sequence that always contains one (at a position all its matches share); else None."""
    consts = parser
    widths = {0}
    for op, av in items:
        if op is consts.LITERAL and chr(av) in _ANCHORS:
            return {chr(av)}, widths
        if op in (consts.ASSERT, consts.ASSERT_NOT, consts.AT):
            continue
        inner: tuple[set[str], set[int]] | None = None
        if op is consts.SUBPATTERN:
            inner = _sequence_offsets(parser, parent, list(av[-1]))
        elif op is consts.BRANCH:
            branches = [_sequence_offsets(parser, parent, list(alt)) for alt in av[1]]
            if all(branch is not None for branch in branches):
                inner = (
                    {ch for branch in branches if branch for ch in branch[0]},
                    {offset for branch in branches if branch for offset in branch[1]},
                )
        if inner is not None:
            return inner[0], {width + offset for width in widths for offset in inner[1]}
        low, high = parser.SubPattern(parent.state, [(op, av)]).getwidth()
        if high - low > _MAX_OFFSETS:
            return None
        widths = {width + extra for width in widths for extra in range(low, high + 1)}
        if len(widths) > _MAX_OFFSETS:
            return None
    return None


# For each running-text pattern: (pattern, kind, strong, characters it needs, anchors or None).
_PLAN = tuple(
    (pattern, kind, strong, needs, _anchor_offsets(pattern))
    for (pattern, kind, strong), needs in zip(_DEADLINE_PATTERNS, _NEEDS, strict=False)
)
# Anchor character → every distance any pattern has it at; the union of the patterns matches at a
# position exactly when one of them does (used to sort out the starts where nothing matches).
_OFFSETS: dict[str, tuple[int, ...]] = {
    ch: tuple(
        sorted({o for *_rest, anchors in _PLAN if anchors and ch in anchors[0] for o in anchors[1]})
    )
    for ch in _ANCHORS
}
_ANY = lazy("|".join(f"(?:{pattern.pattern})" for pattern, *_rest in _PLAN))
# the fast path needs every pattern's anchors, and anchors among the characters the pattern needs
# (so that skipping a pattern whose characters are missing, as the reference does, changes nothing)
_SCAN_ALL = any(
    anchors is None or not set(anchors[0]) <= set(needs)
    for _pattern, _kind, _strong, needs, anchors in _PLAN
) or any(strong for _pattern, _kind, strong in _LABELLED_PATTERNS)


def find_deadline(
    text: str, period_start: date | None, period_end: date | None, *, labelled: bool = False
) -> tuple[date | None, str | None]:
    """The deadline a task's text sets, resolved against the plan period: (date, phrase as written).

    Phrases with 前/底/末 (and `到2020年`) win over bare dates (`3月15日`); among the winners the latest
    date is taken. A phrase without a year takes the last year of the plan period, and is ignored when
    the period is unknown. Years in book titles (`《…(2010-2020年)》`) and plain years in prose
    (`2012年全社会科技投入增长15%`) are not deadlines. With `labelled` (the text is a deadline field),
    a bare month or year (`2026年9月`, `9月`, `2026年`) counts too. Returns (None, None) when there is
    no deadline.
    """
    if _SCAN_ALL:
        return _scan(text, period_start, period_end, labelled=labelled)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    starts: set[int] = set()
    for ch, offsets in _OFFSETS.items():
        position = text.find(ch)
        while position >= 0:
            starts.update(position - offset for offset in offsets if position >= offset)
            position = text.find(ch, position + 1)
    if not starts and not labelled:
        return None, None
    if "《" in text or "«" in text:
        text = _BOOK_TITLE.sub(lambda match: " " * len(match.group()), text)
    # the starts where some pattern matches (every match starts at one of `starts`)
    live = [start for start in sorted(starts) if _ANY.match(text, start)]
    if not live and not labelled:
        return None, None
    plan_year = _plan_year(period_start, period_end)
    taken = bytearray(len(text))
    strong_found: list[tuple[date, str]] = []
    weak_found: list[tuple[date, str]] = []
    for pattern, kind, strong, _needs, _anchors in _PLAN:
        last_end = 0
        for start in live:
            if start < last_end:
                continue
            match = pattern.match(text, start)
            if match is None:
                continue
            last_end = match.end()
            claimed = _claim(match, kind, text, taken, plan_year)
            if claimed is not None:
                (strong_found if strong else weak_found).append(claimed)
    if labelled and not strong_found:
        # the field patterns come last and only add weak phrases: they matter only without a strong one
        for pattern, kind, _strong in _LABELLED_PATTERNS:
            for match in pattern.finditer(text):
                claimed = _claim(match, kind, text, taken, plan_year)
                if claimed is not None:
                    weak_found.append(claimed)
    return _latest(strong_found or weak_found)
