"""Deadline phrases in task text, found as `taskctl.dates.find_deadline` finds them, faster.

`find_deadline` gives exactly the answer of `taskctl.dates.find_deadline` (the reference, and the
property tests hold them equal). Instead of scanning the whole text with every pattern, it tries each
pattern only where a match can start: every match of a running-text pattern holds 年, 月 or 季 at a
fixed set of distances from its start (`2026年…`: 4 or 5 with `到`; `9月…`: 1 or 2), read off the
pattern itself; so the starts to try are the positions of those characters minus those distances.
The union of all patterns first sorts out the starts where none matches (usually all but one).
`Pattern.match` at a position sees the text before it (look-behinds) and after it (look-aheads) as
`finditer` does, and the starts are tried in order after the previous match, so the matches are
`finditer`'s. The deadline-field patterns (`labelled`) only add weak phrases after all others, so
they run (whole) only when no strong phrase was found. Should a pattern's distances not be
readable, every call goes to the reference instead.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from re import Pattern

from taskctl.dates import _BOOK_TITLE, _DEADLINE_PATTERNS, _LABELLED_PATTERNS, _NEEDS, _resolve
from taskctl.dates import find_deadline as _reference_find_deadline

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
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, *_rest in _PLAN))
# the fast path needs every pattern's anchors, and anchors among the characters the pattern needs
# (so that skipping a pattern whose characters are missing, as the reference does, changes nothing)
_SCAN_ALL = any(
    anchors is None or not set(anchors[0]) <= set(needs)
    for _pattern, _kind, _strong, needs, anchors in _PLAN
) or any(strong for _pattern, _kind, strong in _LABELLED_PATTERNS)


def find_deadline(
    text: str, period_start: date | None, period_end: date | None, *, labelled: bool = False
) -> tuple[date | None, str | None]:
    """The deadline a task's text sets: `taskctl.dates.find_deadline`'s answer (see there)."""
    if _SCAN_ALL:
        return _reference_find_deadline(text, period_start, period_end, labelled=labelled)
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
    plan_year = period_end.year if period_end else (period_start.year if period_start else None)
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
            end = last_end = match.end()
            if any(taken[start:end]) or (start > 0 and text[start - 1] == "每"):
                continue
            taken[start:end] = b"\x01" * (end - start)
            resolved = _resolve(kind, match.groups(), plan_year)
            if resolved is not None:
                (strong_found if strong else weak_found).append((resolved, match.group().strip()))
    if labelled and not strong_found:
        # the field patterns come last and only add weak phrases: they matter only without a strong one
        for pattern, kind, _strong in _LABELLED_PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(taken[start:end]) or (start > 0 and text[start - 1] == "每"):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                resolved = _resolve(kind, match.groups(), plan_year)
                if resolved is not None:
                    weak_found.append((resolved, match.group().strip()))
    candidates = strong_found or weak_found
    if not candidates:
        return None, None
    return max(candidates, key=lambda item: item[0])
