"""What every reader produces: a parsed document as a flat list of items in document order.

Every input format (plain text, .docx, .xlsx/.csv tables, .pdf) lands in these same drafts, which
`taskctl.store.imports` writes to the database. Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any


@dataclass
class ParseWarning:
    """Something the parser could not place; `line` is 1-based in the repaired text (or the table row)."""

    line: int
    message: str


@dataclass
class ItemDraft:
    """A heading or a task, in document order.

    `number` is the path of markers from the top level, joined with '.', e.g. '二.3', '(二).1', '二.(一).1';
    `label` is this item's own marker as normalised ('3', '(一)', '二'). `parent` indexes the enclosing item
    in `ParsedDocument.items` (None at top level). Unit and person names are as the document writes them
    (after text repair), in document order, without a trailing 等.
    """

    kind: str  # "heading" or "task"
    number: str
    label: str
    level: int
    title: str
    full_text: str
    line: int
    parent: int | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    # other labelled parts of its annotations (`实施范围:各自贸片区` → {"实施范围": "各自贸片区"})
    attributes: dict[str, str] = field(default_factory=dict)
    # unit → the label that named it, where the label says another role than the unit has
    # (`责任单位` for a unit that supports a named lead)
    unit_labels: dict[str, str] = field(default_factory=dict)
    # the annotation text(s) as written, for `import --dry-run` and for rejected unit candidates
    annotation_text: str = ""


@dataclass
class ParsedDocument:
    """A whole document: its title, plan period, items and warnings."""

    title: str
    period_start: date | None
    period_end: date | None
    period_text: str | None
    items: list[ItemDraft]
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def tasks(self) -> list[ItemDraft]:
        return [item for item in self.items if item.kind == "task"]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with its items as tuples of their fields (worker processes send parsed documents
        to the writer): about half the bytes' making and reading of pickling each ItemDraft."""
        items = [tuple(getattr(item, name) for name in _ITEM_FIELDS) for item in self.items]
        return _rebuild, (
            self.title,
            self.period_start,
            self.period_end,
            self.period_text,
            items,
            self.warnings,
        )


_ITEM_FIELDS = tuple(item_field.name for item_field in fields(ItemDraft))


def _rebuild(
    title: str,
    period_start: date | None,
    period_end: date | None,
    period_text: str | None,
    items: list[tuple[Any, ...]],
    warnings: list[ParseWarning],
) -> ParsedDocument:
    return ParsedDocument(
        title, period_start, period_end, period_text, [ItemDraft(*item) for item in items], warnings
    )
