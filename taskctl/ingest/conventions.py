"""Document conventions: rules a document states once for all its unit lists.

`列第一位的为牵头单位` (and its variants in `vocab.FIRST_LISTED_LEADS_PATTERNS`): the first unit of a
task's responsible list leads, the others support. `以下各项均由省发展改革委牵头` (`DEFAULT_LEAD_PATTERN`):
tasks after it that name no lead are led by those units. A rule in the preamble or in a closing note
covers the whole document; a rule inside the text (a task's annotation, a section's intro) covers its
line and everything after it (`下同`). `--first-lead` applies the first rule to the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taskctl.ingest.patterns import lazy
from taskctl.vocab import DEFAULT_LEAD_PATTERN, FIRST_LISTED_LEADS_PATTERN

if TYPE_CHECKING:
    from taskctl.ingest.drafts import ItemDraft
    from taskctl.ingest.repair import Line
    from taskctl.ingest.structure import Outline

_FIRST_LISTED = lazy(FIRST_LISTED_LEADS_PATTERN)
_DEFAULT_LEAD = lazy(DEFAULT_LEAD_PATTERN)


@dataclass
class Conventions:
    """The rules found: from which source line each applies (0: the whole document)."""

    first_lead_from: int | None = None
    default_leads: list[tuple[int, list[str]]] = field(default_factory=list)

    def first_lead_at(self, line: int) -> bool:
        return self.first_lead_from is not None and line >= self.first_lead_from

    def default_lead_at(self, line: int) -> list[str]:
        """The units a `以下各项均由…牵头` before `line` names (the latest such statement)."""
        found: list[str] = []
        for start, units in self.default_leads:
            if start <= line:
                found = units
        return found


def find_conventions(lines: list[Line], outline: Outline, *, first_lead: bool) -> Conventions:
    """The document's conventions, found anywhere in its lines (see the module docstring): a rule
    inside an item covers that item and the ones after it."""
    from taskctl.ingest.units import split_units, unit_problem

    conventions = Conventions(first_lead_from=0 if first_lead else None)
    item_of_line = {number: node.line for node in outline.nodes for number in node.line_numbers}
    first_item_line = outline.nodes[0].line if outline.nodes else None
    last_item_line = outline.nodes[-1].line if outline.nodes else None
    for line in lines:
        text = line.text
        if "牵头" not in text and "主办" not in text and "主责" not in text:
            continue
        whole = (
            first_item_line is None
            or line.number < first_item_line
            or (last_item_line is not None and line.number > last_item_line and _is_note(text))
        )
        if _FIRST_LISTED.search(text):
            start = 0 if whole else item_of_line.get(line.number, line.number)
            if conventions.first_lead_from is None or start < conventions.first_lead_from:
                conventions.first_lead_from = start
        match = _DEFAULT_LEAD.search(text)
        if match:
            units = [n for n in split_units(match.group("units")) if unit_problem(n) is None]
            if units:
                conventions.default_leads.append((line.number, units))
    return conventions


def _is_note(text: str) -> bool:
    return text.lstrip("(（").startswith(("注", "备注", "说明"))


def apply_conventions(draft: ItemDraft, conventions: Conventions) -> None:
    """Give a task the roles its document's conventions say (in place)."""
    if draft.lead:
        return
    default = conventions.default_lead_at(draft.line)
    if default:
        draft.lead = list(default)
        draft.support = [n for n in [*draft.support, *draft.responsible] if n not in draft.lead]
        for name in draft.responsible:
            draft.unit_labels.setdefault(name, "责任单位")
        draft.responsible = []
        return
    if draft.responsible and not draft.support and conventions.first_lead_at(draft.line):
        draft.lead, draft.support = draft.responsible[:1], draft.responsible[1:]
        draft.responsible = []
