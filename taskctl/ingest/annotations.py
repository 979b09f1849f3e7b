"""Responsibility annotations: who leads, supports, is responsible for, or answers for a task.

Forms read (text is repaired first, so brackets and colons are half-width):

- labelled, bracketed: `(责任人:寿剑刚,牵头单位:法规处,配合单位:各有关处室,各市、县科技局)`, `(责任单位:…)`;
- labelled, unbracketed at the start of a line or after a sentence: `牵头单位:省科技厅;配合单位:省财政厅`;
- inline role verbs, bracketed at the end of a paragraph or right after a sentence (a paragraph may hold
  several): `(国家发展改革委牵头,财政部等按职责分工负责)`, `(X牵头,Y、Z配合)`, `(X负责)`,
  `(各省级人民政府负责,住房城乡建设部指导)`, with an optional time clause `(X牵头,2024年底前完成)`;
- a bare list of unit names, bracketed at the end of a paragraph after a sentence: `。(市大数据局、市财政局)`
  (every name must end like a unit: 局, 厅, 委, 政府 …); its units are responsible;
- brackets may be round `()`, square `[]` or lenticular `【】`.

Deadline labels (`完成时限:`, `时间节点:`) are read too: their value is the task's deadline phrase.
A unit noted `(牵头)` in a 责任单位 list leads and the others support.

Prose is never read for units: `由省科技厅牵头组织实施`, `会同省财政厅制定` name departments, but a
sentence does not say reliably who is accountable, so only annotations (labelled, or bracketed clauses
that consist of unit names and role verbs and nothing else) give units. Labels, verbs and name endings
come from `taskctl.vocab`. A unit is never invented: every name is text of the document.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from taskctl.ingest.deadlines import is_time_phrase
from taskctl.vocab import (
    ANNOTATION_LABELS,
    DEADLINE,
    FIRST_LISTED_LEADS_PATTERN,
    GROUP_UNIT_PREFIXES,
    INLINE_CLAUSE_PREFIXES,
    INLINE_ROLE_VERBS,
    LEAD,
    LEAD_UNIT_NOTES,
    PERSONS,
    REGION_WORDS,
    RESPONSIBLE,
    SHARED,
    SUPPORT,
    UNIT_NAME_ENDINGS,
    UNIT_SEPARATORS,
    UNIT_TRAILING_ETC,
)

_LABELS = sorted(ANNOTATION_LABELS, key=len, reverse=True)
_LABEL = re.compile("(" + "|".join(map(re.escape, _LABELS)) + r")\s*:")
# An unbracketed labelled annotation starts a line or follows a sentence.
_LINE_LABEL = re.compile(
    r"(?:^|(?<=[\n。;]))[ \t]*(?=(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*:)"
)
# The same matches after the start of the text, each with the character before it.
_AFTER_BREAK_LABEL = re.compile(
    r"[\n。;][ \t]*(?=(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*:)"
)
_SPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " \t\n,;:、，；：。"
_PERSON_SEPARATORS = re.compile(r"[、,;，；\s]+")
# A note after a person's name: `张三(办公室主任)`.
_PERSON_NOTE = re.compile(r"\([^()]*\)$")
_MAX_INLINE_UNIT = 80
_MAX_BARE_UNIT = 30
_OPENERS = "([【"
_CLOSERS = ")]】"
_BRACKETS = re.compile(r"[()\[\]【】]")
_SENTENCE_ENDS = "。;!?"
_FIRST_LISTED_LEADS = re.compile(FIRST_LISTED_LEADS_PATTERN)

# Characters that end a unit name: a space after one of them separates two names (`省科技厅 省财政厅`);
# a space after anything else is an artifact inside one name (`中国人民银 行成都分行`).
_UNIT_END_CHARS = "厅局委部处室办院会行所站组队校馆社府团科署台司心室"


_ROLE_FIELDS = {
    DEADLINE: "deadline_texts",
    LEAD: "lead",
    SUPPORT: "support",
    RESPONSIBLE: "responsible",
    PERSONS: "persons",
}


@dataclass
class Annotation:
    """Units and persons an annotation names, and where it is in the text it was read from."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    deadline_texts: list[str] = field(default_factory=list)

    def add(self, role: str, names: list[str]) -> None:
        """Add names to a role, keeping document order and skipping names it already has."""
        target: list[str] = getattr(self, _ROLE_FIELDS[role])
        for name in names:
            if name not in target:
                target.append(name)

    def merge(self, other: Annotation) -> None:
        self.add(LEAD, other.lead)
        self.add(SUPPORT, other.support)
        self.add(RESPONSIBLE, other.responsible)
        self.add(PERSONS, other.persons)
        self.add(DEADLINE, other.deadline_texts)
        self.spans.extend(other.spans)

    def is_empty(self) -> bool:
        """True when it names no unit, no person and no deadline."""
        return not (
            self.lead or self.support or self.responsible or self.persons or self.deadline_texts
        )


@dataclass
class AnnotationProblem:
    """An annotation that could not be read; `offset` is where it starts in the text."""

    offset: int
    message: str


# --- Unit lists -----------------------------------------------------------------------------------


@functools.cache
def _split_pattern(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(_OPENERS + _CLOSERS + separators) + "]")


@functools.cache
def _split_capturing(separators: str) -> re.Pattern[str]:
    return re.compile("([" + re.escape(_OPENERS + _CLOSERS + separators) + "])")


def _split_top_level(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at separators outside brackets: (fragment, separator that ended it) pairs."""
    parts = _split_capturing(separators).split(text)
    if len(parts) == 1:
        return [(text, "")]
    delimiters = parts[1::2]
    if not any(ch in _OPENERS or ch in _CLOSERS for ch in delimiters):
        # no bracket: every delimiter is a separator at the top level
        delimiters.append("")
        return list(zip(parts[0::2], delimiters, strict=True))
    pieces: list[tuple[str, str]] = []
    depth = 0
    start = 0
    for match in _split_pattern(separators).finditer(text):
        index, ch = match.start(), match.group()
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            pieces.append((text[start:index], ch))
            start = index + 1
    pieces.append((text[start:], ""))
    return pieces


def _is_bare_region(fragment: str) -> bool:
    """True for a fragment that is only region words, like '各市', '县', '有关市、县(市、区)'."""
    rest = fragment
    for prefix in GROUP_UNIT_PREFIXES:
        if rest.startswith(prefix):
            rest = rest[len(prefix) :]
            break
    if not rest:
        return False
    while rest:
        for word in REGION_WORDS:
            if rest.startswith(word):
                rest = rest[len(word) :].lstrip("、")
                break
        else:
            return False
    return True


def _split_on_spaces(fragment: str) -> list[str]:
    """Split a fragment at spaces that separate whole names; remove spaces inside a name."""
    words = fragment.split()
    if len(words) <= 1:
        return words
    names = [words[0]]
    for word in words[1:]:
        if names[-1][-1] in _UNIT_END_CHARS and len(word) >= 2:
            names.append(word)
        else:
            names[-1] += word
    return names


def _strip_etc(name: str) -> str:
    if not name.endswith(UNIT_TRAILING_ETC):
        return name
    for suffix in UNIT_TRAILING_ETC:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@functools.lru_cache(maxsize=1 << 14)
def _is_bare_region_fragment(fragment: str) -> bool:
    return _is_bare_region(_SPACE.sub("", fragment))


@functools.lru_cache(maxsize=1 << 14)
def _fragment_names(fragment: str) -> tuple[str, ...]:
    """The names in one fragment of a unit list (most fragments are one unit's name)."""
    names = (_strip_etc(name.strip(_EDGE_PUNCTUATION)) for name in _split_on_spaces(fragment))
    return tuple(name for name in names if name)


def split_units(text: str) -> list[str]:
    """The unit names in a list as a document writes it, in order, without duplicates.

    Splits on `、` `,` `;` (full- or half-width) outside brackets, and on spaces between whole names;
    never on 和 (`省经济和信息化委`); keeps compound names whole (`各市、县(市、区)科技局`: a fragment
    made only of region words joins the next one when that one starts with a region word); drops a trailing 等/等单位/等部门 and empty pieces; removes spaces inside a name.
    """
    fragments: list[str] = []
    joining = False
    for piece, separator in _split_top_level(text, UNIT_SEPARATORS):
        piece = piece.strip(_EDGE_PUNCTUATION)
        if joining and fragments and piece.startswith(REGION_WORDS):
            fragments[-1] += "、" + piece
        elif piece:
            fragments.append(piece)
        else:
            joining = False
            continue
        joining = separator == "、" and _is_bare_region_fragment(fragments[-1])
    names: list[str] = []
    for fragment in fragments:
        for name in _fragment_names(fragment):
            if name not in names:
                names.append(name)
    return names


# A two-character name padded to three characters' width (`俞 悦`), or a name written plainly.
_PADDED_OR_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4}")


def _padded_names(text: str) -> list[str] | None:
    """`陆 明俞 悦` (two padded names run together, as a table cell of two lines copies) → ['陆明',
    '俞悦']; None unless the text is only such names and spaces, one of them padded."""
    names = _PADDED_OR_PLAIN_NAME.findall(text)
    if not any(" " in name for name in names):
        return None
    if "".join(names).replace(" ", "") != text.replace(" ", ""):
        return None
    return [name.replace(" ", "") for name in names]


def split_persons(text: str) -> list[str]:
    """Person names in order; a note after a name (`张三(办公室主任)`) is not part of it; a two-character
    name padded with a space (`俞 悦`) is one name."""
    names: list[str] = []
    pieces: list[str] = []
    for piece, _separator in _split_top_level(text, "、,;，；"):
        piece = piece.strip(_EDGE_PUNCTUATION)
        padded = _padded_names(piece)
        if padded is not None:
            pieces.extend(padded)
        else:
            pieces.extend(part for part, _sep in _split_top_level(piece, " "))
    for piece in pieces:
        name = _PERSON_NOTE.sub("", piece.strip(_EDGE_PUNCTUATION)).strip()
        name = _strip_etc(name.strip(_EDGE_PUNCTUATION))
        if name and name not in names:
            names.append(name)
    return names


# --- Reading annotations --------------------------------------------------------------------------


def _read_labelled(content: str, offset: int, end: int) -> Annotation | None:
    """`牵头单位:X,配合单位:Y` (content starting with a label) → Annotation spanning offset..end."""
    matches = list(_LABEL.finditer(content))
    if not matches:
        return None
    annotation = Annotation(spans=[(offset, end)])
    for index, match in enumerate(matches):
        value_end = matches[index + 1].start() if index + 1 < len(matches) else len(content)
        value = content[match.end() : value_end]
        role = ANNOTATION_LABELS[match.group(1)]
        if role == PERSONS:
            annotation.add(role, split_persons(value))
        elif role == DEADLINE:
            phrase = value.strip(_EDGE_PUNCTUATION)
            annotation.add(role, [phrase] if phrase else [])
        else:
            _add_unit_list(annotation, role, value)
    return annotation


def _add_unit_list(annotation: Annotation, role: str, value: str) -> None:
    """The units of a labelled list: role verbs inside it (`X牵头,Y配合`) and `(牵头)` notes win over
    the label's role; in a 责任单位 list, units noted as leading lead and the others support."""
    for target, names in _unit_list_roles(role, value):
        annotation.add(target, list(names))


@functools.lru_cache(maxsize=1 << 14)
def _unit_list_roles(role: str, value: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The (role, names) additions `_add_unit_list` makes, in order: once per distinct value."""
    inline = _read_inline(value) if _role_verb(value.strip(_EDGE_PUNCTUATION)) else None
    if inline is not None:
        inner = _inline_annotation(*inline, 0, 0)
        return (
            (LEAD, tuple(inner.lead)),
            (SUPPORT, tuple(inner.support)),
            (RESPONSIBLE, tuple(inner.responsible)),
            (PERSONS, tuple(inner.persons)),
            (DEADLINE, tuple(inner.deadline_texts)),
        )
    names = split_units(value)
    leads: list[str] = []
    others: list[str] = []
    for name in names:
        bare = _strip_lead_note(name)
        (leads if bare != name else others).append(bare)
    if not leads:
        return ((role, tuple(names)),)
    if role in (RESPONSIBLE, LEAD):
        return ((LEAD, tuple(leads)), (SUPPORT if role == RESPONSIBLE else LEAD, tuple(others)))
    return ((role, (*leads, *others)),)


def _strip_lead_note(name: str) -> str:
    if not name.endswith(LEAD_UNIT_NOTES):
        return name
    for note in LEAD_UNIT_NOTES:
        if name.endswith(note) and len(name) > len(note) + 1:
            return name[: -len(note)].strip()
    return name


_VERBS = tuple(verb for verb, _role in INLINE_ROLE_VERBS)


def _role_verb(clause: str) -> tuple[str, str] | None:
    """The (verb, role) a clause ends with, like ('牵头', 'lead') for '国家发展改革委牵头'."""
    if not clause.endswith(_VERBS):
        return None
    for verb, role in INLINE_ROLE_VERBS:
        if clause.endswith(verb):
            return verb, role
    return None


def _read_inline(content: str) -> tuple[list[tuple[str, list[str]]], list[str]] | None:
    """`X牵头,Y、Z配合` → ([(role, units)], [time phrases]), or None unless every clause ends with a
    role verb or only says when (`2024年底前完成`, `持续推进`) and at least one clause names units."""
    clauses: list[tuple[str, list[str]]] = []
    times: list[str] = []
    for clause, _separator in _split_top_level(content, ",;，；"):
        clause = clause.strip(_EDGE_PUNCTUATION)
        if not clause:
            continue
        verb_role = _role_verb(clause)
        if verb_role is None:
            if is_time_phrase(clause):
                times.append(clause)
                continue
            return None
        verb, role = verb_role
        units_text = clause[: -len(verb)]
        for prefix in INLINE_CLAUSE_PREFIXES:
            if units_text.startswith(prefix):
                units_text = units_text[len(prefix) :]
                break
        if (
            not units_text
            or len(units_text) > _MAX_INLINE_UNIT
            or any(ch in units_text for ch in "。:")
        ):
            return None
        units = split_units(units_text)
        if not units:
            return None
        clauses.append((role, units))
    return (clauses, times) if clauses else None


def _read_bare_units(content: str) -> list[str] | None:
    """`市大数据局、市财政局` → the names, or None unless every piece is shaped like a unit's name."""
    names = split_units(content)
    if not names or any(ch in content for ch in ":。"):
        return None
    for name in names:
        if not (3 <= len(name) <= _MAX_BARE_UNIT and name.endswith(UNIT_NAME_ENDINGS)):
            return None
    return names


def _inline_annotation(
    clauses: list[tuple[str, list[str]]], times: list[str], start: int, end: int
) -> Annotation:
    has_lead = any(role == LEAD for role, _units in clauses)
    annotation = Annotation(spans=[(start, end)])
    for role, units in clauses:
        if role == SHARED:
            role = SUPPORT if has_lead else RESPONSIBLE
        annotation.add(role, units)
    annotation.add(DEADLINE, times)
    return annotation


def _bracket_groups(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Top-level bracket groups as (start, end) spans, and the starts of groups never closed.

    Round, square and lenticular brackets are told apart: `【责任单位:(X)】` closes at `】`; a closing
    bracket of another kind than the open one is text."""
    groups: list[tuple[int, int]] = []
    open_at: list[tuple[int, str]] = []
    for match in _BRACKETS.finditer(text):
        index, ch = match.start(), match.group()
        if ch in _OPENERS:
            open_at.append((index, _CLOSERS[_OPENERS.index(ch)]))
        elif ch in _CLOSERS and open_at and open_at[-1][1] == ch:
            start, _closer = open_at.pop()
            if not open_at:
                groups.append((start, index + 1))
    return groups, [start for start, _closer in open_at[:1]]


def _after_sentence(text: str, start: int) -> bool:
    """True when the bracket at `start` opens a line or follows the end of a sentence."""
    before = text[max(0, start - 4) : start].rstrip(" ")
    return not before or before[-1] in _SENTENCE_ENDS or before[-1] == "\n"


def _at_paragraph_end(text: str, end: int) -> bool:
    """True when only punctuation and spaces follow `end` up to the end of its line."""
    tail = text[end : end + 8]
    newline = tail.find("\n")
    if newline >= 0:
        return tail[:newline].strip(" 。;,") == ""
    return end + 8 >= len(text) and tail.strip(" 。;,") == ""


# What a bracket group says: its (lead, support, responsible, persons, deadline texts).
_Reading = tuple[
    tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]
]


@functools.lru_cache(maxsize=1 << 14)
def _read_group(content: str, at_end: bool, after_sentence: bool) -> _Reading | None:
    """What a bracket group holding `content` says, or None when it is no annotation; `at_end` and
    `after_sentence` tell where the group stands. A pure function of its arguments, so computed once
    per distinct group (documents repeat their annotations: `(牵头单位:省科技厅)`)."""
    stripped = content.lstrip()
    annotation: Annotation | None = None
    if _LABEL.match(stripped):
        annotation = _read_labelled(stripped, 0, 0)
    else:
        if at_end or after_sentence:
            inline = _read_inline(content)
            if inline:
                annotation = _inline_annotation(*inline, 0, 0)
        if annotation is None and at_end and after_sentence:
            names = _read_bare_units(content)
            if names:
                annotation = Annotation(responsible=names)
    if annotation is None:
        return None
    return (
        tuple(annotation.lead),
        tuple(annotation.support),
        tuple(annotation.responsible),
        tuple(annotation.persons),
        tuple(annotation.deadline_texts),
    )


def _line_label_ends(text: str) -> list[int]:
    """The ends of `_LINE_LABEL`'s matches in `text` (where an unbracketed label starts), found with
    patterns that start with a character class, which the regex engine scans for quickly."""
    ends = []
    first = _LINE_LABEL.match(text)
    if first is not None:
        ends.append(first.end())
    # a match after the start runs from the character before it (a line break, 。 or ;) to the
    # same end; two such matches cannot overlap, as the character a match starts after is no space
    ends.extend(match.end() for match in _AFTER_BREAK_LABEL.finditer(text))
    return ends


def find_annotations(text: str) -> tuple[list[Annotation], list[AnnotationProblem]]:
    """Every annotation in `text` (in order) and every annotation-like text that could not be read."""
    annotations: list[Annotation] = []
    problems: list[AnnotationProblem] = []
    groups, unclosed = _bracket_groups(text)
    for start, end in groups:
        content = text[start + 1 : end - 1]
        if _LABEL.match(content.lstrip()):
            reading = _read_group(content, False, False)
        else:
            at_end = _at_paragraph_end(text, end)
            after_sentence = _after_sentence(text, start)
            if not (at_end or after_sentence):
                continue
            reading = _read_group(content, at_end, after_sentence)
        if reading is not None:
            lead, support, responsible, persons, deadline_texts = reading
            annotations.append(
                Annotation(
                    list(lead),
                    list(support),
                    list(responsible),
                    list(persons),
                    [(start, end)],
                    list(deadline_texts),
                )
            )
    for start in unclosed:
        if _LABEL.match(text[start + 1 : start + 40].lstrip()):
            problems.append(AnnotationProblem(start, "annotation bracket is never closed"))
    starts = [start for start, _end in groups]
    for position in _line_label_ends(text) if ":" in text else ():
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and groups[index][0] <= position < groups[index][1]:
            continue
        if unclosed and position > unclosed[0]:
            continue
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        annotation = _read_labelled(text[position:line_end], position, line_end)
        if annotation is not None and not annotation.is_empty():
            annotations.append(annotation)
        elif annotation is not None:
            problems.append(AnnotationProblem(position, "annotation label without any unit"))
    annotations.sort(key=lambda item: item.spans[0])
    return annotations, problems


def read_annotation(text: str) -> Annotation | None:
    """All annotations of `text` merged into one (spans kept), or None when there is none."""
    annotations, _problems = find_annotations(text)
    if not annotations:
        return None
    merged = Annotation()
    for annotation in annotations:
        merged.merge(annotation)
    return merged


def states_first_listed_leads(text: str) -> bool:
    """True when the document says that the first unit of each list leads (`列第一位的为牵头单位`)."""
    return _FIRST_LISTED_LEADS.search(text) is not None


def cut_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the given (sorted, non-overlapping) spans."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start >= position:
            parts.append(text[position:start])
            position = end
    parts.append(text[position:])
    return "".join(parts)
