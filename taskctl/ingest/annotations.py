"""Responsibility annotations: who leads, supports, is responsible for, or answers for a task.

An annotation is a bracket group at a sentence's end (`(牵头单位:X;配合单位:Y)`, `(X牵头,Y配合)`,
`(省文旅厅负责,各市州政府落实)`, `(市大数据局、市财政局)`) or a labelled line (`牵头单位:区发改局`).
Its content is read by a short sequence of named rules over the vocabularies of `taskctl.vocab`:

1. `_cut_rules`: a document convention inside it (`列第一位的为牵头单位,下同`) is noted and removed;
2. `_labelled_parts`: the content is cut at its labels; a label of the responsibility vocabulary
   (`ANNOTATION_LABELS`) gives its value a role, a person label gives persons, a deadline label a
   deadline phrase, and any other label (`实施范围:`, `备注:`) an attribute of the task, never units;
3. `_read_clauses`: a value (or unlabelled content) is split into clauses at `,` `;`, and each clause
   at its role verbs (`ROLE_VERBS`: 牵头, 配合, 负责, 落实, 指导 …; `CONNECTIVE_VERBS`: 会同): the units
   before a verb take its role; the units after 会同 support; a clause that only says when
   (`2024年底前完成`) is a deadline phrase;
4. every name passes the unit guard (`units.unit_problem`); a name that fails is rejected (reported,
   never stored); an unlabelled bracket with a piece between its verbs that names no unit at all is
   not an annotation (`(含技工院校)`, `(由市政府统一实施)` stay task text).

Besides brackets and labelled lines, role clauses that open a paragraph before its text
(`由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成…`) are an annotation (`_opening_clauses`); a
leader named with the title is a person. So are a clause opening with 由 that closes its sentence
(`…,由市商务局负责考核。`: `_closing_assignments`), the bodies each given a duty in the clauses of one
sentence (`党政办负责外围环境,财政所负责资金兑付。`: `_duty_clauses`), and a division of duties whose
lines or sentences open with their bodies (`县环保局:负责…` / `县交通局。负责…`: `_duty_lines`, a run
each). The task-level rule (`resolve_roles`): when a task names a
lead, its responsible units support it, and the label that named them is kept (`责任单位`); a unit has
one role per task (lead, then support, then responsible). Other prose is never read for units. A unit
is never invented: every name is text of the document.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from dataclasses import dataclass, field

from taskctl.ingest.deadlines import is_time_phrase
from taskctl.ingest.patterns import lazy
from taskctl.ingest.units import (
    CLOSERS,
    EDGE_PUNCTUATION,
    OPENERS,
    has_lead_mark,
    is_body_name,
    is_body_with_aliases,
    is_leader_post,
    is_person_name,
    is_short_unit_name,
    is_unit_name,
    split_person_notes,
    split_persons,
    split_top_level,
    split_units,
    unit_and_person,
    unit_problem,
)
from taskctl.vocab import (
    ANNOTATION_LABEL_PATTERN,
    ANNOTATION_NOTE_OPENERS,
    ASSIGNMENT_OPENERS,
    CLOSING_SECTION_HEADINGS,
    COMPOSED_LABEL_PATTERN,
    CONNECTIVE_VERBS,
    CUT_NAME_STEMS,
    DEADLINE,
    DUTY_VERBS,
    FIRST_LISTED_LEADS_PATTERN,
    INLINE_CLAUSE_PREFIXES,
    LEAD,
    LEAD_UNIT_NOTES,
    LEADER_AFTER_POST_PATTERN,
    LEADER_PATTERN,
    LEADING_WITH_SUPPORT,
    MANNER_PATTERN,
    NOTE_LABELS,
    PERSONS,
    RESPONSIBLE,
    ROLE_VERBS,
    RULE_SCOPE_WORDS,
    RULE_TAIL_PATTERN,
    SUPPORT,
    SURNAMES,
    UNIT_NAME_MAX,
    VACUOUS_OBJECT_STARTS,
    VERB_ADVERBS,
    VERB_OBJECTS,
    label_role,
    verb_role,
)

__all__ = [
    "Annotation",
    "AnnotationProblem",
    "cut_spans",
    "find_annotations",
    "read_annotation",
    "resolve_roles",
    "split_persons",
    "split_units",
]

# A unit label joined to a person label (`责任单位及责任人:市发改委(张三)`): units with their persons
# in brackets after them.
_COMPOUND = lazy(f"({COMPOSED_LABEL_PATTERN})(?:及|和|/|、)({ANNOTATION_LABEL_PATTERN})")
_LABEL_ALT = f"(?:{COMPOSED_LABEL_PATTERN}(?:及|和|/|、))?(?:{ANNOTATION_LABEL_PATTERN})"
_LABEL = lazy(f"({_LABEL_ALT})" + r"\s*:")
# An unbracketed labelled annotation starts a line or follows a sentence.
# (after a comma too: `农村道路畅通工程,牵头部门:市交通局。`)
_LINE_LABEL = lazy(r"(?:^|(?<=[\n。;,]))[ \t]*(?=(?:" + _LABEL_ALT + r")\s*:)")
_AFTER_BREAK_LABEL = lazy(r"[\n。;,][ \t]*(?=(?:" + _LABEL_ALT + r")\s*:)")
# Where an unbracketed annotation ends: its line's end, or a full stop not followed by a label.
_SENTENCE_STOP = lazy(r"。(?![ \t]*(?:" + _LABEL_ALT + r")\s*:)")
# Any label: a short run of Chinese (or Latin) letters before a colon, after a separator or the start.
_ANY_LABEL = lazy(
    r"(?:^|(?<=[\s,;，；、(]))([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z、]{1,19})\s*:"
)
# Names after a dash that closes a line (`推进放管服改革——市发改委、市财政局`).
_DASH_TAIL = lazy(r"—{1,2}[ \t]*([^—()\n]{2,60}?)[。;]?[ \t]*$", re.MULTILINE)
# A note's contact or remark label, wherever it stands (`张三联系电话:138…`).
_NOTE_LABEL = lazy("(" + "|".join(sorted(NOTE_LABELS, key=len, reverse=True)) + r")\s*:")
# A line that is only an other label's part, right after a labelled line (`备注:…` under `牵头单位:…`).
_ATTRIBUTE_LINE = lazy(r"[ \t]*([\u4e00-\u9fff][\u4e00-\u9fff、]{1,19})\s*:[^\n]*")
_BRACKETS = lazy(r"[()\[\]【】〔〕]")
_SENTENCE_ENDS = "。;!?"
_RULE = lazy(
    f"(?:{FIRST_LISTED_LEADS_PATTERN}){RULE_TAIL_PATTERN}"
    + r"(?:[,;]?(?:"
    + "|".join(map(re.escape, RULE_SCOPE_WORDS))
    + "))?"
)
# A quoted term (`除标注“分别牵头”外`): words about the text, not names or verbs.
_QUOTED = lazy(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_EMPTY_BRACKETS = lazy(r"\([,;\s]*\)")
_SENTENCE_END = lazy(r"[。\n]")
_VERBS = sorted([*ROLE_VERBS, *CONNECTIVE_VERBS], key=len, reverse=True)
# (and a label's role noun after 为: `市发改委为牵头单位,市财政局为配合单位`)
_VERB = lazy(
    f"(?:{MANNER_PATTERN})?(?:"
    + "|".join(map(re.escape, _VERBS))
    + f")|为(?:{COMPOSED_LABEL_PATTERN})"
)
# A verb followed by one of these is part of a name (`城乡统筹办`, `省实施办`, `各项目牵头单位`), not a verb.
_NAME_CONTINUES = "办局委处室组中心部厅院会社体单科"
# A leader named with the title (`杨志武副市长`) before a role verb.
_LEADER = lazy(LEADER_PATTERN + "$")
_LEADER_AFTER_POST = lazy(LEADER_AFTER_POST_PATTERN)
_MAX_TRAILING = 8

_ROLE_FIELDS = {
    DEADLINE: "deadline_texts",
    LEAD: "lead",
    SUPPORT: "support",
    RESPONSIBLE: "responsible",
    PERSONS: "persons",
}


@dataclass
class Annotation:
    """What an annotation names, and where it is in the text it was read from.

    `labels` maps a unit to the label or verb that named it (`责任单位`, `负责`); `attributes` holds
    the other labelled parts; `rejected` the candidates the unit guard refused, with the reason;
    `rules` the document conventions found inside (`列第一位的为牵头单位,下同`); `opens` is true for
    role clauses written before the task's text."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    deadline_texts: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    #: role clauses opening the task's text (`由X负责,Y配合,加快…`) rather than closing it
    opens: bool = False

    def add(self, role: str, names: list[str] | tuple[str, ...], source: str = "") -> None:
        """Add names to a role, keeping document order and skipping names it already has."""
        target: list[str] = getattr(self, _ROLE_FIELDS[role])
        for name in names:
            if name not in target:
                target.append(name)
                if source and role in (LEAD, SUPPORT, RESPONSIBLE):
                    self.labels.setdefault(name, source)

    def merge(self, other: Annotation) -> None:
        for name, source in other.labels.items():
            self.labels.setdefault(name, source)
        self.add(LEAD, other.lead)
        self.add(SUPPORT, other.support)
        self.add(RESPONSIBLE, other.responsible)
        self.add(PERSONS, other.persons)
        self.add(DEADLINE, other.deadline_texts)
        for label, value in other.attributes.items():
            self.attributes.setdefault(label, value)
        self.rejected.extend(other.rejected)
        self.rules.extend(other.rules)
        self.spans.extend(other.spans)
        self.opens = self.opens or other.opens

    def names_units(self) -> bool:
        return bool(self.lead or self.support or self.responsible)

    def is_empty(self) -> bool:
        """True when it names no unit, no person, no deadline and no attribute."""
        return not (self.names_units() or self.persons or self.deadline_texts or self.attributes)


@dataclass
class AnnotationProblem:
    """An annotation, or a part of one, that could not be read; `offset` is where it starts."""

    offset: int
    message: str


# --- Reading one annotation's content -------------------------------------------------------------


def _cut_rules(content: str) -> tuple[str, list[str]]:
    """The content without the document conventions it states, and those conventions."""
    matches = list(_RULE.finditer(content))
    if not matches:
        return content, []
    out = content
    for match in reversed(matches):
        start, end = match.span()
        # the rest of the rule's sentence (`一项任务涉及多个部门的,原则上` before it, `负责` after
        # it) when that names no one
        opening = max(content.rfind("。", 0, start), content.rfind(";", 0, start)) + 1
        if opening < start and _names_no_one(content[opening:start]):
            start = opening
        closing = content.find("。", end)
        if closing >= 0 and closing - end <= 4 and _names_no_one(content[end:closing]):
            end = closing
        # a bracket that holds only the rule and its qualifiers (`市卫生健康委(除标注“分别牵头”外,
        # 列第一位为牵头单位,下同)`) goes whole, so the name it is glued to stays a name
        opened, closed = content.rfind("(", 0, start), content.find(")", end)
        if (
            opened >= 0
            and closed >= 0
            and ")" not in content[opened:start]
            and "(" not in content[end:closed]
            and _names_no_one(
                _QUOTED.sub("", content[opened + 1 : start] + "," + content[end:closed])
            )
        ):
            start, end = opened, closed + 1
        out = out[:start] + "," + out[end:]
    return _EMPTY_BRACKETS.sub("", out), [match.group() for match in matches]


def _names_no_one(text: str) -> bool:
    """Whether text names no unit or person (the words around a rule: `原则上`, `负责`)."""
    text = text.strip(EDGE_PUNCTUATION + "()")
    if not text:
        return True
    if _LABEL.search(text) or _verbs_in(text):
        return False
    return not any(is_unit_name(name) for name in split_units(text))


def _label_starts(content: str) -> list[tuple[int, int, str]]:
    """(start, value start, label) of every label in `content` outside brackets: a responsibility
    label wherever it stands (repair removes the space in `市城管委 完成时限:`), any other label
    after a separator or at the start."""
    if _BRACKETS.search(content) is None:  # the usual content: every position at depth 0
        depths: bytes | list[int] = bytes(len(content))
    else:
        depth = 0
        depths = []
        for ch in content:
            if ch in OPENERS:
                depth += 1
            elif ch in CLOSERS and depth:
                depth -= 1
            depths.append(depth)
    found: dict[int, tuple[int, int, str]] = {}
    for match in _LABEL.finditer(content):
        if not depths[match.start()]:
            found[match.start()] = (match.start(), match.end(), match.group(1))
    for match in _NOTE_LABEL.finditer(content) if ":" in content else ():
        if not depths[match.start()] and match.start() not in found:
            found[match.start()] = (match.start(), match.end(), match.group(1))
    for match in _ANY_LABEL.finditer(content):
        start = match.start(1)
        # a known label inside the word (`主要牵头单位`) was found above; labels are at most 8 long
        if depths[start] or any(position in found for position in range(start, match.end())):
            continue
        found[start] = (start, match.end(), match.group(1))
    return [found[start] for start in sorted(found)]


def _labelled_parts(content: str) -> list[tuple[str | None, str]]:
    """The content cut at its labels: (label or None for the text before the first, value)."""
    starts = _label_starts(content)
    if not starts:
        return [(None, content)]
    parts: list[tuple[str | None, str]] = []
    if content[: starts[0][0]].strip(EDGE_PUNCTUATION):
        parts.append((None, content[: starts[0][0]]))
    for index, (_start, value_start, label) in enumerate(starts):
        value_end = starts[index + 1][0] if index + 1 < len(starts) else len(content)
        parts.append((label, content[value_start:value_end]))
    return parts


def _strip_prefix(text: str) -> str:
    """`由省科技厅` → `省科技厅`; a topic before 由 goes too (`规章由政策法规司` → `政策法规司`)."""
    if "由" in text[1:]:
        text = text[text.rindex("由") + 1 :]
    for prefix in INLINE_CLAUSE_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    # a word describing the unit before its name (`包片单位县文广局`: the unit in charge of the
    # patch, 县文广局; a unit label so used: `包片单位城关小学`)
    return _DESCRIBED_UNIT.sub("", text, count=1)


_DESCRIBED_UNIT = lazy(
    r"^(?:[\u4e00-\u9fff]{1,4}?(?:单位|部门)(?=[省市县区乡镇])"
    f"|[\u4e00-\u9fff]{{0,8}}?(?:{COMPOSED_LABEL_PATTERN})(?=[\u4e00-\u9fff]{{2}}))"
)


def _verbs_in(clause: str) -> list[re.Match[str]]:
    """The role verbs of a clause, outside brackets (`市市场监管局(牵头)` is a note) and without
    verb-like characters inside a name (`城乡统筹办`, `省工商业联合会`)."""
    verbs = []
    for match in _VERB.finditer(clause):
        before = clause[: match.start()]
        if sum(map(before.count, OPENERS)) > sum(map(before.count, CLOSERS)):
            continue
        after = clause[match.end() :]
        if (
            after
            and after[0] in _NAME_CONTINUES
            and not _VERB.match(after)
            # (`负责组织各村保洁人员`: 组织 is what it does, not a name's 组)
            and not after.startswith(VERB_OBJECTS)
        ):
            continue
        verbs.append(match)
    return verbs


@dataclass
class _Clauses:
    """What `_read_clauses` found: (role, names, source word) additions, time phrases, rejects."""

    additions: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def _checked_units(text: str, found: _Clauses) -> tuple[str, ...]:
    """The names of a unit list that pass the guard; the others go to `found.rejected`."""
    names = []
    units, persons = split_person_notes(split_units(_strip_prefix(text.strip(EDGE_PUNCTUATION))))
    if persons:
        # `市住建局(张三)`: the unit's responsible person in brackets
        found.additions.append((PERSONS, tuple(persons), ""))
    for name in units:
        bare = _strip_lead_note(name)
        problem = unit_problem(bare)
        if problem is None:
            names.append(name)
        elif is_leader_post(bare):
            # `分管副市长、市发改委牵头`: a leader named by the post beside the units, a person
            found.additions.append((PERSONS, (bare,), ""))
        else:
            found.rejected.append((name, problem))
    return tuple(names)


def _strip_lead_note(name: str) -> str:
    """The name without a note or mark making it the lead (`市发改委(牵头)`, `▲发改局`)."""
    if has_lead_mark(name):
        return name[1:].strip()
    if not name.endswith(LEAD_UNIT_NOTES):
        return name
    for note in LEAD_UNIT_NOTES:
        if name.endswith(note) and len(name) > len(note) + 1:
            return name[: -len(note)].strip()
    return name


def _read_list(text: str, role: str, source: str, found: _Clauses) -> None:
    """A plain unit list under a label: units noted `(牵头)` lead; in a 责任单位 list the rest support."""
    names = _checked_units(text, found)
    leads = [_strip_lead_note(name) for name in names if _strip_lead_note(name) != name]
    if not leads:
        found.additions.append((role, names, source))
        return
    others = tuple(name for name in names if _strip_lead_note(name) == name)
    found.additions.append((LEAD, tuple(leads), source))
    found.additions.append((SUPPORT if role in (RESPONSIBLE, LEAD) else role, others, source))


def _persons_of_compound(found: _Clauses, role: str, label: str) -> None:
    """Under `责任单位及责任人`, the names the guard refused that are a person's (`县教育局 张三`) or
    a unit's with a person's glued after it (`县教育局张三`) are read as such (in place)."""
    rejected = []
    for name, problem in found.rejected:
        parts = unit_and_person(name)
        if parts is None:
            rejected.append((name, problem))
            continue
        unit, person = parts
        if unit:
            found.additions.append((role, (unit,), label))
        found.additions.append((PERSONS, (person,), ""))
    found.rejected = rejected


def _leaders(text: str) -> tuple[str, ...]:
    """The names of leaders named with their title (`杨志武副市长`), several sharing one
    (`鲁国会、郑忠安副厅长`), or () when `text` is not that."""
    names = text.split("、")
    leader = _LEADER.match(names[-1])
    if leader is None:
        # `区委常委徐贻功`: the name after the post (one leader, a family name first)
        after = _LEADER_AFTER_POST.fullmatch(text)
        if after is not None and after.group("name")[0] in SURNAMES:
            return (after.group("name"),)
        return ()
    if any(not (2 <= len(name) <= 3 and name[0] in SURNAMES) for name in names[:-1]):
        return ()
    return (*names[:-1], leader.group("name"))


def _read_clause(clause: str, found: _Clauses) -> bool:
    """One clause with role verbs: `省卫健委会同省医保局负责`, `由省教育厅牵头`. False when the clause
    has no verb or text after its last verb that is neither a time phrase nor a short tail."""
    verbs = _verbs_in(clause)
    if not verbs:
        return False
    position = 0
    after_connective = False
    for match in verbs:
        segment = clause[position : match.start()]
        verb = match.group()
        if verb in CONNECTIVE_VERBS and segment.strip(EDGE_PUNCTUATION):
            probe = _Clauses()
            if not _checked_units(segment, probe) and probe.rejected:
                continue  # `…综合整治联合执法工作组`: 联合 inside a unit's name, no verb
        position = match.end()
        if not segment.strip(EDGE_PUNCTUATION):
            # `(由X牵头,会同Y、Z)`: a clause opening with 会同, its names after it support
            after_connective = after_connective or (verb in CONNECTIVE_VERBS and match.start() == 0)
            continue
        # `会同`, `协同` join two lists (`A会同B负责`: A leads); closing a clause, a verb of its own
        connective = verb in CONNECTIVE_VERBS and (
            verb not in ROLE_VERBS or bool(clause[position:].strip(EDGE_PUNCTUATION))
        )
        role = LEAD if connective else SUPPORT if after_connective else verb_role(verb)
        after_connective = connective
        if verb == "为主" and "以" in segment:
            segment = segment[segment.rindex("以") + 1 :]  # `…整治以X为主`: X, not the topic
        named = split_units(_strip_prefix(segment.strip(EDGE_PUNCTUATION)))
        if named and all(map(is_leader_post, named)):
            # `分管副省长、协管副秘书长负责`: leaders named by their posts, persons as written
            found.additions.append((PERSONS, tuple(named), ""))
            continue
        if named and role == RESPONSIBLE and all(len(n) == 3 and is_person_name(n) for n in named):
            # `(李焕龙负责)`: a person, by a full name alone, answers for it (two characters are
            # as often a word: `全面负责`, `师生负责`)
            found.additions.append((PERSONS, tuple(named), ""))
            continue
        leaders = _leaders(_strip_prefix(segment.strip(EDGE_PUNCTUATION)))
        if leaders:
            # `由杨志武副市长负责`, `由鲁国会、郑忠安副厅长分别负责`: leaders answer for the task,
            # persons, not units
            found.additions.append((PERSONS, leaders, ""))
            continue
        rejected = len(found.rejected)
        names = _checked_units(_without_adverb(segment), found)
        if not names and len(found.rejected) > rejected:
            return False  # a piece between the verbs names no unit: not a clause of units and verbs
        found.additions.append((role, names, verb))
    tail = clause[position:].strip(EDGE_PUNCTUATION)
    if tail and clause[position:].lstrip().startswith("、"):
        # `X和Y分别牵头、Z` (a 责任单位 value): the names after the verb are the list's others
        names = _checked_units(tail, _Clauses())
        if names and len(names) == len(split_units(tail)):
            found.additions.append((RESPONSIBLE, names, ""))
            return True
    if after_connective and tail:
        # `A会同B` with no verb after B: B supports
        names = _checked_units(tail, found)
        if names:
            found.additions.append((SUPPORT, names, "会同"))
        return True
    if tail and not is_time_phrase(tail):
        if len(tail) > _MAX_TRAILING or any(ch.isdigit() for ch in tail):
            return False
    elif tail:
        found.times.append(tail)
    return True


def _without_adverb(segment: str) -> str:
    """The names before a role verb without an adverb closing them (`市发改委将` → `市发改委`,
    `市发改委要` → `市发改委`); a name ending like one (`成都`) stays whole."""
    stripped = segment.rstrip(EDGE_PUNCTUATION)
    if not stripped.endswith(VERB_ADVERBS) or unit_problem(stripped) is None:
        return segment
    for adverb in VERB_ADVERBS:
        if stripped.endswith(adverb):
            rest = stripped[: -len(adverb)]
            names = split_units(_strip_prefix(rest))
            if names and unit_problem(names[-1]) is None:
                return rest
    return segment


def _names_units_before_its_verb(clause: str) -> bool:
    """Whether a clause that also says when names its units (`市发改委负责2023年底前`)."""
    if not _verbs_in(clause):
        return False
    probe = _Clauses()
    return (
        _read_clause(clause, probe)
        and not probe.rejected
        and any(names for _role, names, _source in probe.additions)
    )


def _reads_as_clause(clause: str) -> bool:
    """Whether a clause after a full stop goes on naming units: a role clause, or a list of
    names shaped like units."""
    clause = clause.strip(EDGE_PUNCTUATION)
    if not clause or clause in RULE_SCOPE_WORDS or _read_clause(clause, _Clauses()):
        return True
    names = split_units(_strip_prefix(clause))
    return bool(names) and all(is_unit_name(name) for name in names)


def _read_clauses(text: str, role: str | None, source: str) -> _Clauses | None:
    """Clauses of a value (`X牵头,Y、Z配合`) or of unlabelled content. With a `role` (the value of a
    label), a clause without verbs is a list of units in that role; without one, it must be a list
    of names all shaped like units (then responsible), else the content is no annotation (None)."""
    found = _Clauses()
    # unlabelled names before a comma share the verb of the clause after it (`X,Y、Z牵头`)
    waiting: tuple[str, ...] = ()
    after_stop = False  # a full stop ended the clauses read so far
    for clause, separator in split_top_level(text, ",;，；。"):
        if after_stop and found.additions and not _reads_as_clause(clause):
            break  # `省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出`: a note follows
        after_stop = separator == "。"
        clause = clause.strip(EDGE_PUNCTUATION)
        if not clause or clause in RULE_SCOPE_WORDS:
            continue
        if clause.startswith(ANNOTATION_NOTE_OPENERS):
            break  # `以下各项工作均需…落实,不再列出`: a note about the document, to the end
        if is_time_phrase(clause) and not _names_units_before_its_verb(clause):
            found.times.append(clause)  # `责任单位:…,6月底完成`: when, not who
            continue
        marks = (len(found.additions), len(found.times), len(found.rejected))
        if _read_clause(clause, found):
            if waiting and len(found.additions) > marks[0]:
                target, _names, verb = found.additions[marks[0]]
                found.additions.insert(marks[0], (target, waiting, verb))
            elif waiting:
                found.additions.append((RESPONSIBLE, waiting, ""))
            waiting = ()
            continue
        # not a clause of units and verbs after all: forget what it half read
        del found.additions[marks[0] :], found.times[marks[1] :], found.rejected[marks[2] :]
        if role is not None:
            _read_list(clause, role, source, found)
            continue
        posts = split_units(_strip_prefix(clause))
        if posts and all(map(is_leader_post, posts)):
            # `(分管副市长,市发改委牵头)`: the leader named by the post answers for it, a person
            found.additions.append((PERSONS, tuple(posts), ""))
            continue
        names, persons = split_person_notes(split_units(clause))
        bare = [_strip_lead_note(name) for name in names]
        whole = [name for name in bare if is_unit_name(name)]
        if not whole or any(name not in whole and not is_short_unit_name(name) for name in bare):
            return None
        if persons:  # `(市大数据局(张伟)、市政务服务局(李娜))`
            found.additions.append((PERSONS, tuple(persons), ""))
        if waiting:
            found.additions.append((RESPONSIBLE, waiting, ""))
            waiting = ()
        if bare != names:  # `(市发改委(牵头)、市财政局)`: the marked unit leads, the others support
            _read_list(clause, RESPONSIBLE, "", found)
            continue
        waiting = tuple(names)
        if separator not in ",，":
            found.additions.append((RESPONSIBLE, waiting, ""))
            waiting = ()
    if waiting:
        found.additions.append((RESPONSIBLE, waiting, ""))
    return found


@functools.lru_cache(maxsize=1 << 14)
def read_content(content: str, bare_lists: bool) -> Annotation | None:
    """What one annotation's content says (spans empty), or None when it is no annotation.

    `bare_lists` allows unlabelled content without verbs to be a list of units (a bracket closing a
    paragraph after a sentence). Cached: documents repeat their annotations."""
    content, rules = _cut_rules(content)
    # `(X、Y。列第一位者为牵头部门,下同)`: the rule says the names beside it are units
    bare_lists = bare_lists or bool(rules)
    parts = _labelled_parts(content.strip())
    annotation = Annotation(rules=rules)
    labelled = any(label is not None for label, _value in parts)
    for label, value in parts:
        value = value.strip(EDGE_PUNCTUATION)
        if label is None:
            if not value:
                continue
            if not bare_lists and not _verbs_in(value) and not labelled:
                return None
            found = _read_clauses(value, None, "")
            if found is None:
                if not labelled:
                    return None
                annotation.rejected.append((value, "not a unit list"))
                continue
        elif (compound := _COMPOUND.fullmatch(label)) is not None:
            # `责任单位及责任人:市发改委(张三)、市财政局(李四)`: the units in the unit label's role
            # (their bracketed persons are read with every unit list, `_checked_units`)
            found = _read_clauses(value, label_role(compound.group(1)) or RESPONSIBLE, label)
            if found is None:
                continue
            _persons_of_compound(found, label_role(compound.group(1)) or RESPONSIBLE, label)
        elif label_role(label) is None:
            if value:
                annotation.attributes.setdefault(label, value)
            continue
        else:
            role = label_role(label)
            if role == PERSONS:
                annotation.add(PERSONS, split_persons(value))
                continue
            if role == DEADLINE:
                if value:
                    annotation.add(DEADLINE, [value])
                    annotation.attributes.setdefault(label, value)
                continue
            found = _read_clauses(value, role, label)
            if found is None:
                continue
        for target, names, source in found.additions:
            annotation.add(target, names, source)
        annotation.add(DEADLINE, found.times)
        annotation.rejected.extend(found.rejected)
    if not labelled and not annotation.names_units() and not annotation.persons and not rules:
        return None
    return annotation


def resolve_roles(annotation: Annotation) -> None:
    """The task-level rule: with a lead named, responsible units support (their label kept); a unit
    has one role (lead, then support, then responsible). Changes `annotation` in place."""
    if (
        not annotation.lead
        and annotation.support
        and annotation.responsible
        and all(
            annotation.labels.get(name, "-").startswith(LEADING_WITH_SUPPORT)
            for name in annotation.responsible
        )
    ):
        # `由省经贸委承办,省农业厅协办`: 承办 beside 协办 is the lead, as 主办 is
        annotation.lead, annotation.responsible = annotation.responsible, []
    lead = set(annotation.lead)
    if annotation.lead and annotation.responsible:
        for name in annotation.responsible:
            if name not in lead and name not in annotation.support:
                annotation.support.append(name)
        annotation.responsible = []
    annotation.support = [name for name in annotation.support if name not in lead]
    taken = lead | set(annotation.support)
    annotation.responsible = [name for name in annotation.responsible if name not in taken]
    kept: dict[str, str] = {}
    for role in (LEAD, SUPPORT, RESPONSIBLE):
        for name in getattr(annotation, _ROLE_FIELDS[role]):
            label = annotation.labels.get(name, "")
            if (label_role(label) or role) != role:
                kept[name] = label
    annotation.labels = kept


# --- Finding annotations in a task's text ---------------------------------------------------------


def _bracket_groups(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Top-level bracket groups as (start, end) spans, and the starts of groups never closed.

    Round, square and lenticular brackets are told apart: `【责任单位:(X)】` closes at `】`; a closing
    bracket of another kind than the open one is text."""
    groups: list[tuple[int, int]] = []
    open_at: list[tuple[int, str]] = []
    for match in _BRACKETS.finditer(text):
        index, ch = match.start(), match.group()
        if ch in OPENERS:
            open_at.append((index, CLOSERS[OPENERS.index(ch)]))
        elif ch in CLOSERS and open_at and open_at[-1][1] == ch:
            start, _closer = open_at.pop()
            if not open_at:
                groups.append((start, index + 1))
    return groups, [start for start, _closer in open_at[:1]]


def _several_names(content: str) -> bool:
    """Whether a bracket's content is a list of two names or more, none under three characters
    (`市发改委,各县市区政府`; not `市、区`, the levels after a place)."""
    pieces = _LIST_SEPARATORS.split(content)
    return len(pieces) >= 2 and all(len(piece.strip()) >= 3 for piece in pieces)


_LIST_SEPARATORS = lazy("[、,]")


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


def _before_sentence(text: str, end: int) -> bool:
    """True when the bracket ending at `end` is followed by a sentence end or a new sentence of the
    same paragraph (`…网络。(民政部牵头)完善…`): then it closes the sentence before it."""
    tail = text[end : end + 1]
    return not tail or tail in "。;,\n"


def _line_label_ends(text: str) -> list[int]:
    """Where the unbracketed labels (at a line's start or after a sentence) start."""
    ends = []
    first = _LINE_LABEL.match(text)
    if first is not None:
        ends.append(first.end())
    ends.extend(match.end() for match in _AFTER_BREAK_LABEL.finditer(text))
    return ends


def _glued_label_starts(text: str) -> list[int]:
    """Where a unit label glued to the text before it starts (`(一)适龄女生HPV疫苗接种牵头责任部门:
    县卫生健康委员会`): the line's only label, its value running to the line's end, and no longer
    label ending at its colon (`主要牵头单位:` is found at the line's start). Only the characters
    before each colon are tried."""
    starts = []
    colon = text.find(":")
    while colon >= 0:
        line_start = text.rfind("\n", 0, colon) + 1
        line_end = _next_end(text, colon)
        if ":" not in text[line_start:colon] and ":" not in text[colon + 1 : line_end]:
            found = [
                start
                for start in range(max(line_start, colon - _LONGEST_LABEL), colon - 1)
                if _LABEL.fullmatch(text, start, colon + 1)
            ]
            if found and found[0] > line_start and _GLUED_BEFORE.match(text[found[0] - 1]):
                label = text[found[0] : colon]
                if _COMPOSED.fullmatch(label):
                    starts.append(found[0])
        colon = text.find(":", colon + 1)
    return starts


# What stands before a label glued to the text: a character of that text.
_GLUED_BEFORE = lazy(r"[\u4e00-\u9fffA-Za-z0-9]")
_COMPOSED = lazy(COMPOSED_LABEL_PATTERN)
_LONGEST_LABEL = 10


def _copy(reading: Annotation, span: tuple[int, int]) -> Annotation:
    copy = Annotation(
        list(reading.lead),
        list(reading.support),
        list(reading.responsible),
        list(reading.persons),
        [span],
        list(reading.deadline_texts),
        dict(reading.attributes),
        dict(reading.labels),
        list(reading.rejected),
        list(reading.rules),
    )
    return copy


def _names_merged_offices(text: str, start: int, end: int) -> bool:
    """Whether the bracket at text[start:end] closes a line that is a body's name and the names of
    the offices it also is (`综合办公室(党群工作部、监察室、督查室、财务室)`, a zone's departments as
    headings): part of that name, no note of who does a task."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[end : len(text) if line_end < 0 else line_end].strip(" 。"):
        return False
    return is_body_name(text[line_start:start].strip()) and is_body_with_aliases(
        text[line_start:end].strip()
    )


def find_annotations(text: str) -> tuple[list[Annotation], list[AnnotationProblem]]:
    """Every annotation in `text` (in order) and every annotation-like text that could not be read
    (a bracket never closed, a label without units, a candidate the unit guard refused)."""
    annotations: list[Annotation] = []
    problems: list[AnnotationProblem] = []
    groups, unclosed = _bracket_groups(text)
    # the lines a note of bare names closes (`…信息。(监测司)`): there the notes after the other
    # sentences of the line are bare lists too (`…名单。(监测司、大气司) 实时公开…。(监测司)`)
    closed_lines = {
        text.count("\n", 0, start)
        for start, end in groups
        if _at_paragraph_end(text, end) and _after_sentence(text, start)
    }
    for start, end in groups:
        content = text[start + 1 : end - 1]
        if _LABEL.match(content.lstrip()) or _RULE.search(content):
            reading = read_content(content, False)
        else:
            at_end = _at_paragraph_end(text, end)
            after_sentence = _after_sentence(text, start)
            if not (at_end or after_sentence or _before_sentence(text, end)):
                continue
            if _names_merged_offices(text, start, end):
                continue
            bare = after_sentence and (at_end or text.count("\n", 0, start) in closed_lines)
            # `【市发改委】推进…`: a list of names opening the item says who does it; a list of
            # several closing it, even glued to its last words (`…增长11%(市发改委,各县市区政府)。`)
            bare = bare or start == 0 or (at_end and _several_names(content))
            reading = read_content(content, bare)
        if reading is not None and (not reading.is_empty() or reading.rules):
            annotations.append(_copy(reading, (start, end)))
    for match in _DASH_TAIL.finditer(text) if "—" in text else ():
        # `推进放管服改革——市发改委`: names after a dash closing the line
        reading = read_content(match.group(1), True)
        if reading is not None and reading.names_units() and not reading.rejected:
            annotations.append(_copy(reading, (match.start(), match.end())))
    for start in unclosed:
        reading = _cut_off_note(text, start)
        message = (
            "annotation bracket is never closed (text cut off?): read up to its last whole name"
        )
        if reading is None:
            reading = _note_to_line_end(text, start)
            message = "annotation bracket is never closed: read to its line's end"
        if reading is not None:
            annotations.append(reading)
            problems.append(AnnotationProblem(start, message))
        elif _LABEL.match(text[start + 1 : start + 40].lstrip()):
            problems.append(AnnotationProblem(start, "annotation bracket is never closed"))
    starts = [start for start, _end in groups]
    last_line_end = -1
    label_starts = (
        sorted({*_line_label_ends(text), *_glued_label_starts(text)}) if ":" in text else []
    )
    for position in label_starts:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and groups[index][0] <= position < groups[index][1]:
            continue
        if (unclosed and position > unclosed[0]) or position < last_line_end:
            continue  # inside a bracket never closed, or a label of the annotation just read
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        stop = _SENTENCE_STOP.search(text, position, line_end)
        if stop is not None and stop.end() < line_end:
            line_end = stop.end()  # `牵头部门:市交通局。建设进度…`: the sentence after is not units
        line_end = _before_next_run(text, position, line_end, label_starts)
        reading = read_content(text[position:line_end], False)
        if reading is not None and not reading.is_empty():
            annotations.append(_copy(reading, (position, line_end)))
            last_line_end = line_end
        else:
            problems.append(AnnotationProblem(position, "annotation label without any unit"))
        # lines of other labels right below a label line (`备注:…`) belong to the annotation (not
        # below a note closing a line of text: the next item's text may open like a label)
        opens_line = not text[text.rfind("\n", 0, position) + 1 : position].strip()
        while opens_line and last_line_end == line_end and line_end < len(text):
            match = _ATTRIBUTE_LINE.fullmatch(text, line_end + 1, _next_end(text, line_end + 1))
            if match is None or label_role(match.group(1)) is not None:
                break
            extra = read_content(match.group().strip(), False)
            if extra is None or not extra.attributes or extra.names_units():
                break  # (a line naming units is an annotation of its own: `指标:…,责任单位:X;`)
            annotations.append(_copy(extra, (line_end + 1, match.end())))
            line_end = last_line_end = match.end()
    unit_first = _UNIT_FIRST.match(text) if ":" in text[:22] else None
    # (a body's name, not a thing that ends like one: `主题班会:我的志愿者经历`, a school's calendar)
    if unit_first is not None and not annotations and is_body_name(unit_first.group(1)):
        # `15、市卫生局:负责对医疗卫生机构…`: a list of each unit's duties, the unit first
        reading = Annotation(spans=[(0, unit_first.end())])
        reading.add(RESPONSIBLE, [unit_first.group(1)])
        annotations.append(reading)
    duty = _UNIT_DUTY.match(text) if not annotations and _DUTY_HINT.search(text, 0, 120) else None
    heading_end = text.find("\n")
    if duty is None and not annotations and 0 < heading_end <= _HEADING_LINE_MAX:
        heading = text[:heading_end]
        if (
            "。" not in heading
            and not heading.startswith(CLOSING_SECTION_HEADINGS)  # how the work is organised
            and _DUTY_HINT.search(text, heading_end, heading_end + 120)
            and not _duty_lines(text, [])  # a division of duties: each body its own run
        ):
            # `(一)道路交通领域` / `镇派出所负责…`: the bodies open the text under the item's heading
            duty = _UNIT_DUTY.match(text, heading_end + 1)
    if duty is not None:
        # `区住建局负责全区村庄环境整治总协调工作…`: a division of duties, each body first
        names = split_units(duty.group(1)) if not duty.group(1).startswith("由") else []
        leaders = _leaders(duty.group(1).strip())
        if names and _all_bodies(names):
            reading = Annotation(spans=[(duty.start(), duty.end())])
            reading.add(RESPONSIBLE, names, "负责")
            annotations.append(reading)
        elif leaders:
            # `游膺局长负责联系昆山…`: a leader named with the post answers for the item
            reading = Annotation(spans=[(duty.start(), duty.end())])
            reading.add(PERSONS, list(leaders))
            annotations.append(reading)
    if "负责" in text:
        annotations.extend(_duty_lines(text, annotations))
        annotations.extend(_duty_clauses(text, annotations))
    if "由" in text:
        annotations.extend(_closing_assignments(text, annotations))
    # the spans of what names someone (a line of another label, `工作要求:由市发改委牵头…`, may
    # still hold a clause that does)
    taken = [
        span
        for annotation in annotations
        if annotation.names_units() or annotation.persons
        for span in annotation.spans
    ]
    for match in _PROSE_ASSIGNMENT.finditer(text) if _PROSE_HINT.search(text) else ():
        found = _prose_assignment(match)
        if found is not None and not any(a <= match.start() < b for a, b in taken):
            annotations.append(found)
            taken.append(found.spans[0])
    opens = "由" in text or "牵头" in text or ("为" in text and _NAMED_AS.search(text))
    for line_start in _clause_starts(text) if opens else ():
        if _LABEL.match(text, line_start):
            continue  # a responsibility label opens no role clause: the label is read above
        sentence_end = _SENTENCE_END.search(text, line_start)
        if (
            _VERB.search(text, line_start, sentence_end.start() if sentence_end else len(text))
            is None
        ):
            continue  # the quick test: a sentence without a role verb opens no task
        found = _opening_clauses(text, line_start)
        if found is not None and not any(a <= line_start < b for a, b in taken):
            annotations.append(found)
    # a bracket inside a labelled line (`责任单位:X、Y(列第一位者为牵头单位)`) was read with the line
    outer = sorted(a.spans[0] for a in annotations if a.names_units() or a.persons)
    if outer:
        reach = list(itertools.accumulate((end for _start, end in outer), max))
        annotations = [a for a in annotations if not _inside_another(a.spans[0], outer, reach)]
    for annotation in annotations:
        for name, reason in annotation.rejected:
            problems.append(
                AnnotationProblem(annotation.spans[0][0], f"not a unit ({reason}): {name}")
            )
    annotations.sort(key=lambda item: item.spans[0])
    return annotations, problems


# A body named by its role in a clause (`市委宣传部为组长单位,…`): the clause assigns.
_NAMED_AS = lazy(f"为(?:{COMPOSED_LABEL_PATTERN})")


def _cut_off_note(text: str, start: int) -> Annotation | None:
    """A note the text ends inside (a copy cut off mid-note: `(市府办牵头,市政府各部门、各功能区管委`,
    or a bracket a typist never closed), read up to its last whole part: the piece after the last
    separator may be a cut name and is dropped unless it ends with a role verb or like a whole
    unit's name (`vocab.CUT_NAME_STEMS` end names cut short). None when the
    bracket is not on the text's last line or its content names no unit with a label or a verb."""
    content = text[start + 1 :].rstrip()
    if not content or "\n" in content or not (_LABEL.match(content.lstrip()) or _verbs_in(content)):
        return None
    pieces = split_top_level(content, ",;，；、")
    last = pieces[-1][0].strip(EDGE_PUNCTUATION)
    verbs = _verbs_in(last)
    if not (verbs and verbs[-1].end() == len(last)):
        if len(pieces) == 1:
            return None
        content = "".join(piece + separator for piece, separator in pieces[:-1])
        label, colon, value = last.rpartition(":")  # `责任单位:各街办事处`
        if "等" in value[2:]:
            value = value[: value.rindex("等")]  # `…调查总队等按职责分`: the verb after 等 was cut
        names = split_units(value)
        # the names before a join are whole (`财政厅及相关盟市`), and so is a last name that ends
        # like a unit and like no longer ending cut short (`各街办事处`, not `各功能区管委`)
        if names and not (is_unit_name(names[-1]) and not names[-1].endswith(CUT_NAME_STEMS)):
            names = names[:-1]
        if names:
            content += label + colon + "、".join(names)
    reading = read_content(content.strip(EDGE_PUNCTUATION), False)
    if reading is None or reading.is_empty():
        return None
    return _copy(reading, (start, len(text)))


def _note_to_line_end(text: str, start: int) -> Annotation | None:
    """A labelled note whose bracket its line never closes (`(责任单位:县教育局` then the task's
    progress on the lines below, a county's bulletin, 2020), read to the line's end, or to the end
    of the next line when the label is all its line holds (`(责任单位:` / `县教育局`). None on the
    text's last line."""
    end = _next_end(text, start)
    content = text[start + 1 : end].strip()
    if not _LABEL.match(content) or not text[end:].strip():
        return None  # (on the text's last line the copy may have cut it: `_cut_off_note`)
    if not content.split(":", 1)[1].strip() and end < len(text):
        end = _next_end(text, end + 1)
        content = text[start + 1 : end].replace("\n", "")
    reading = read_content(content.strip(EDGE_PUNCTUATION), False)
    if reading is None or not reading.names_units():
        return None
    return _copy(reading, (start, end))


def _all_bodies(names: list[str]) -> bool:
    """Whether the names opening an item are bodies: each one a body's name (`区住建局`), or, in a
    list of several, each one shaped like a unit and one at least a body's name (`各镇、街道、莘庄
    工业区`)."""
    if all(is_body_name(name) for name in names):
        return True
    return (
        len(names) >= 2
        and all(unit_problem(name) is None for name in names)
        and any(is_body_name(name) for name in names)
    )


# Bodies opening an item's text as the subject of 负责 (`区住建局负责…`, `区委农办要结合…,负责…`).
# (the name may close a sentence of its own: `6、区质量技监局。负责规范市场计量行为…`)
# (or of the words that say it does its part: `乡村振兴办公室做好组织协调工作`)
_UNIT_DUTY = lazy(
    r"[ \t]*([\u4e00-\u9fff()、]{2,30}?)(?:[ \t]*。)?"
    # (`…要加强领导,负责…`; `市应急局在市政府的统一领导下,负责…`)
    r"(?:要[^。;:\n]{0,80}?,|在[^。;:\n]{0,40}?(?:领导|指挥|指导|部署)下,?)?(?:"
    + "|".join(VERB_ADVERBS)
    + ")?(?:"
    + "|".join(DUTY_VERBS)
    + ")"
)
_DUTY_HINT = lazy("|".join(DUTY_VERBS))
# The longest heading line an item's text may open with before the bodies of its duty.
_HEADING_LINE_MAX = 30


def _inside_another(span: tuple[int, int], spans: list[tuple[int, int]], reach: list[int]) -> bool:
    """Whether `span` lies inside another of the sorted `spans` (not one equal to it); `reach` holds
    the farthest end of the spans up to each one."""
    start, end = span
    before = bisect.bisect_left(spans, (start, -1))  # the spans starting before `start`
    if before and reach[before - 1] >= end:
        return True
    same = bisect.bisect_right(spans, (start, sys.maxsize)) - 1  # the last starting at `start`
    return same >= before and spans[same][1] > end


def _before_next_run(text: str, position: int, end: int, label_starts: list[int]) -> int:
    """Where a labelled annotation opening at `position` ends when a sentence of task text and
    another label follow it on its line (`…,责任单位为区发改委;技改投资占比16.5%,责任单位为区经信局;`):
    at the separator before that sentence. `end` otherwise."""
    index = bisect.bisect_right(label_starts, position)
    following = label_starts[index] if index < len(label_starts) else end
    if following >= end:
        return end
    cut = max(text.rfind(";", position, following), text.rfind("。", position, following))
    if cut < 0:
        return end
    piece = text[cut + 1 : following].strip(EDGE_PUNCTUATION)
    if len(piece) <= UNIT_NAME_MAX or not _names_no_one(piece):
        return end
    return cut + 1


def _duty_lines(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """A division of duties under a heading, each line or sentence after the heading's opening
    with its bodies (`县环保局:负责…`, `县交通局、公路局。负责…`, `区住建局负责…`): each a run of its
    own (the bodies responsible), when two at least are so. None is read inside another annotation."""
    found: list[Annotation] = []
    # (and after the colon closing the words that announce them: `各成员单位职责如下:县环保局。…`)
    intro = text.find("如下:")
    starts = sorted({*_clause_starts(text), *([intro + 3] if intro >= 0 else [])})
    for start in starts:
        if start == 0 or (found and start < found[-1].spans[0][1]):
            continue
        match = _DUTY_LINE.match(text, start)
        if match is not None and not any(a <= start < b for x in annotations for a, b in x.spans):
            names = split_units(match.group(1))
            if names and all(is_body_name(name) for name in names):
                reading = Annotation(spans=[(start, match.end())], opens=True)
                reading.add(RESPONSIBLE, names, "负责")
                found.append(reading)
    return found if len(found) >= 2 else []


def _closing_assignments(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """A clause closing its sentence that says who does the task: `…,由市商务局与市政府目标办负责考核。`,
    `…。由市住建局负责。` (units, a role verb and at most a short object after it)."""
    found: list[Annotation] = []
    taken = [span for annotation in annotations for span in annotation.spans]
    matches = [(match, False) for match in _CLOSING_BY.finditer(text)]
    if ":" in text and "由" in text:
        matches += [(match, True) for match in _MEASURE_BY.finditer(text)]
    for match, measure in matches:
        if any(a <= match.start(1) < b for a, b in taken):
            continue
        clause = match.group(1)
        verbs = _verbs_in(clause)
        if not verbs:
            continue
        prefix = clause if verbs[-1].end() == len(clause) else _opening_assignment(clause)
        object_ = clause[len(prefix) :] if prefix else ""
        if measure and prefix:
            object_ = ""  # a measure's value opening with who does it: its object is the measure
        # `由财政经济委员会负责做好相关工作。`: an object that says no more than "the work" (a
        # congress's supervision plan) is no task text of its own, however long
        vacuous = object_.startswith(VACUOUS_OBJECT_STARTS) and len(object_) <= _MAX_VACUOUS_OBJECT
        if not prefix or (len(object_) > _MAX_OBJECT and not vacuous):
            agent = _agent_before_duty(clause)
            if agent:
                # `由市政府办公室下达目标任务并负责考核`: the body 由 names does the task
                reading = Annotation()
                reading.add(RESPONSIBLE, [agent], "由")
                found.append(_copy(reading, (match.start(1), match.end(1))))
            continue
        reading = read_content(prefix, False)
        if reading is not None and reading.names_units() and not reading.rejected:
            found.append(_copy(reading, (match.start(1), match.end(1))))
    return found


def _agent_before_duty(clause: str) -> str:
    """The unit a closing `由X…并负责…` clause names before a verb of its own (`由市政府目标办下达目标
    任务并负责考核` → 市政府目标办): the longest name after 由 shaped like a unit, or ''."""
    if "并负责" not in clause and "并牵头" not in clause:
        return ""
    body = clause[1:]
    for end in range(min(len(body) - 2, UNIT_NAME_MAX), 2, -1):
        if is_unit_name(body[:end]) and not is_unit_name(body[: end + 1]):
            return body[:end]
    return ""


# A clause opening with 由 that closes its sentence, and the longest object its verb may take there
# (`负责考核`, `组织实施`): a longer text after the verb is the task's own.
_CLOSING_BY = lazy(
    r"(?:^|(?<=[,。;\n:])|(?<=\([0-9]\))|(?<=\([0-9]{2}\)))[ \t]*"
    r"(由(?!于|此)[^,。;\n]{2,60}?)(?=[。;]|[ \t]*$|[ \t]*\n)"
)
_MAX_OBJECT = 12
# A label's value opening with a 由…负责 clause up to its first comma (`整改要求:由X负责对…开展劝阻教育,
# …`, a bulletin's rectification measures): who does the measure, whatever its object.
_MEASURE_BY = lazy(
    r"^[ \t]*[\u4e00-\u9fff]{2,8}[:：](?:[^\n由]*?,)?[ \t]*"
    r"(由(?!于|此)[^,。;\n]{2,40}?负责[^,。;\n]{0,60}?)(?=,)",
    re.MULTILINE,
)
_MAX_VACUOUS_OBJECT = 10


def _duty_clauses(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """Bodies each given a duty in the clauses of one sentence (`党政办负责外围环境,社会管理办公室负责
    质量监督,财政所负责资金兑付。`, a township's meeting minutes): one annotation naming them all
    responsible, when two clauses at least are so (the task is the sentence's, not a run each)."""
    found: list[Annotation] = []
    taken = [span for annotation in annotations for span in annotation.spans]
    sentence_start = 0
    for sentence_end in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
        spans: list[tuple[int, int]] = []
        names: list[str] = []
        position = sentence_start
        while position < sentence_end:
            match = _DUTY_CLAUSE.match(text, position, sentence_end)
            if match is not None and not any(a <= position < b for a, b in taken):
                clause_names = split_units(match.group(1))
                # (the subject of a duty: a unit's name, `财政所`, `信用社` too)
                if clause_names and all(is_unit_name(name) for name in clause_names):
                    spans.append((position, match.end()))
                    names.extend(clause_names)
            following = _CLAUSE_BREAK.search(text, position, sentence_end)
            position = following.end() if following else sentence_end
        if len(spans) >= 2:
            reading = Annotation(spans=spans)
            reading.add(RESPONSIBLE, list(dict.fromkeys(names)), "负责")
            found.append(reading)
        sentence_start = sentence_end
    return found


# A clause of a sentence opening with the bodies given its duty (`党政办负责外围环境`), and where
# the next clause starts.
_DUTY_CLAUSE = lazy(r"[ \t]*([\u4e00-\u9fff()、]{2,30}?)负责(?=[\u4e00-\u9fff])")
_CLAUSE_BREAK = lazy(r"[,;]")


# A line opening with the bodies whose duty it states: `县环保局:负责…`, `县环保局。负责…`, `区住建局负责…`.
_DUTY_LINE = lazy(r"[ \t]*([\u4e00-\u9fff()、]{2,30}?)[ \t]*[:。]?[ \t]*(?=负责)")


# A unit's name opening an item's text before a colon (`市卫生局:负责…`, a city's division of duties).
_UNIT_FIRST = lazy(r"[ \t]*([\u4e00-\u9fff()]{3,20}?)[ \t]*:")


# `…的问题,由发展改革委会同中央农办、农业部等部门研究提出落实意见。`: the way 国办 divisions of work
# assign a task in running prose (X leads, the units after 会同 support); `由区工商分局牵头组织区相关
# 部门对…进行评估` (a district's plan, 2012), `镇应急办牵头,组织各村(居)委会开展…` (a township's,
# 2025) the same. Only these unambiguous forms are read in prose: `由市政府授权X…` names no role.
_PROSE_ASSIGNMENT = lazy(
    r"(?:^|(?<=[,;。\n]))(?P<by>由)?(?P<lead>[^,;。\n由]{2,40}?)(?P<leads>牵头,?)?"
    r"(?P<join>会同|联合|组织)"
    r"(?P<support>[^,;。\n]{2,120}?)(?:等(?:有关|相关)?(?:部门|单位|方面))?"
    r"(?=研究|负责|共同|提出|制定|落实|组织|推进|抓好|开展|做好|办理|按职责|对|进行)"
)


_PROSE_HINT = lazy("由|牵头|会同")


def _prose_assignment(match: re.Match[str]) -> Annotation | None:
    """The lead and supporting units of a `由X会同Y…` sentence, or None when a name is no unit's."""
    if not (match.group("by") or match.group("leads") or match.group("join") == "会同"):
        return None  # `X组织Y…` alone: prose, not an assignment
    found = _Clauses()
    lead = _checked_units(match.group("lead"), found)
    if not lead or found.rejected:
        return None
    # (among those brought in, a name the guard refuses is left out; the others still support)
    support = _checked_units(match.group("support"), found)
    if not support or found.additions:
        return None
    annotation = Annotation(spans=[(match.start(), match.end())])
    annotation.add(LEAD, lead, "由…会同")
    annotation.add(SUPPORT, support, "会同")
    return annotation


def _clause_starts(text: str) -> list[int]:
    """Where a line or a sentence starts: the places role clauses may open a task's text."""
    starts = [0]
    for stop in "\n。":
        index = text.find(stop)
        while index >= 0:  # str.find, not a Python loop over every character of the paragraph
            if index + 1 < len(text):
                starts.append(index + 1)
            index = text.find(stop, index + 1)
    if ":" in text:
        # the value of a label opening a line (`整改措施:由县住建局负责整治。`)
        starts.extend(match.end() for match in _LINE_LABEL_HEAD.finditer(text))
    return sorted(set(starts))


# a short label opening a line, its colon (`整改措施:`)
_LINE_LABEL_HEAD = lazy(r"(?:^|(?<=\n))[\u4e00-\u9fff]{2,8}:", re.MULTILINE)


def _opens_line(text: str, start: int) -> bool:
    """Whether `start` opens a line, or the value of a short label opening one."""
    if start == 0 or text[start - 1] == "\n":
        return True
    head = _LINE_LABEL_HEAD.match(text, text.rfind("\n", 0, start) + 1)
    return head is not None and head.end() == start


def _opening_clauses(text: str, start: int) -> Annotation | None:
    """Role clauses opening a line before the task's text: `由杨志武副市长负责,市发改委牵头,相关部门
    配合,尽快完成…`. Every clause up to the first that is not one must be units (or a leader) and a
    role verb and nothing else; it takes one opening with 由 at a line start, or two clauses, to be
    an annotation (a sentence inside a line: `…行动。X负责,Y配合,强化…`)."""
    end = _next_end(text, start)
    stop = text.find("。", start, end)
    end = end if stop < 0 else stop  # `由X承办,Y协办。治理工作目标:…`: the sentence, not the line
    clauses: list[str] = []
    position = start
    # names before a comma wait for the verb of the clause after them (`由市财政局、农业局,各县(市)、
    # 区人民政府负责落实`): `read_content` gives them that verb's role
    waiting: list[str] = []
    waited = 0  # the characters they take
    for clause, separator in split_top_level(text[start:end], ",;，；"):
        stripped = clause.strip(EDGE_PUNCTUATION)
        if (
            not clauses
            and not waiting
            and stripped.startswith("由")
            and not stripped.startswith(("由于", "由此"))
            and _opens_line(text, start)
        ):
            opening = _opening_assignment(stripped)
            if opening:
                # `由县住建局督促商户更换。` opening a line: the units before the verb answer for
                # the task, the words after it say what they do
                clauses.append(opening)
                position += len(clause) + len(separator)
                break
        found = _Clauses()
        if not stripped or not _read_clause(stripped, found) or found.rejected or found.times:
            names = split_units(_strip_prefix(stripped)) if separator in ",，" else []
            if names and all(is_unit_name(name) for name in names):
                waiting.append(_strip_prefix(stripped))
                waited += len(clause) + len(separator)
                continue
            break
        if _verbs_in(stripped)[-1].end() != len(stripped):
            break  # text after the verb: the task's own words (`市发改委牵头制定方案`)
        clauses += [*waiting, stripped]
        position += waited + len(clause) + len(separator)
        waiting, waited = [], 0
    at_line_start = _opens_line(text, start)
    assigning = bool(clauses) and clauses[0].startswith(ASSIGNMENT_OPENERS)  # `此项工作由X负责`
    if not clauses or (
        len(clauses) < 2 and not assigning and not (at_line_start and clauses[0].startswith("由"))
    ):
        return None  # inside a line it takes two clauses: `由X牵头组织实施,会同Y制定…` is prose
    reading = read_content(",".join(clauses), False)
    if reading is None or not (reading.names_units() or reading.persons):
        return None
    opening = _copy(reading, (start, position))
    opening.opens = True
    return opening


def _opening_assignment(clause: str) -> str:
    """`由X督促` of `由X督促商户更换`: the clause up to the last role verb before which stand only
    unit names (`由市容环境综合整治联合执法工作组负责整治`: not its name's `联合`), or ''."""
    verbs = _verbs_in(clause)
    if not verbs or verbs[-1].end() == len(clause):
        return ""
    for verb in reversed(verbs):
        reading = read_content(clause[: verb.end()], False)
        if reading is not None and reading.names_units() and not reading.rejected:
            return clause[: verb.end()]
    return ""


def _next_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def read_annotation(text: str) -> Annotation | None:
    """All annotations of `text` merged into one, roles resolved for one task (spans kept), or None
    when there is none."""
    annotations, _problems = find_annotations(text)
    if not annotations:
        return None
    merged = Annotation()
    for annotation in annotations:
        merged.merge(annotation)
    resolve_roles(merged)
    return merged


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
