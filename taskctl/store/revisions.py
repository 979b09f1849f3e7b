"""A new version of an imported document applied to the tasks already tracked (`taskctl revise`).

`match_items` pairs the items of the new version with the stored ones (pure: no database), `diff_item`
says what changed in a pair, `plan_revision` reads the document and makes the whole `RevisionPlan`,
and `apply_revision` writes it in the caller's transaction:

- matched and unchanged: nothing is written;
- matched and changed: the task keeps its id, status, progress and history; each changed field is
  one `revised` event (old value, new value, the field and the source file in the note);
- added: a new task, status assigned, with an `import` event, as the import makes them;
- removed: never deleted; `removed_in` names the revision, an open task is cancelled with the note
  "撤销 (revision of FILE)", a finished or already cancelled one keeps its status (the clerk's fact)
  and gets a `revised` event with that note.

The plan's facts (wording, units, persons, planned deadline, place in the outline) follow the new
version; the clerk's facts (status, progress, a deadline extension) are never overwritten. A revised
planned deadline of an extended task moves `original_deadline` and keeps the extension.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from taskctl import lifecycle
from taskctl.errors import InputError
from taskctl.ingest.drafts import ItemDraft, ParsedDocument
from taskctl.store.lookup import exact_unit, find_document
from taskctl.store.models import (
    ROLES,
    Document,
    DocumentRevision,
    Event,
    Person,
    Task,
    TaskPerson,
    TaskUnit,
    now_utc,
)
from taskctl.store.reader import SqlaReader, as_date
from taskctl.store.units import resolve_units
from taskctl.unitnames import normalize_unit_name, prefix_variants

#: Same number: the same task when the titles are at least this similar (a few characters reworded).
SAME_NUMBER_SIMILARITY = 0.6
#: Different numbers: the same task when the titles are at least this similar (renumbered, reworded).
MOVED_SIMILARITY = 0.85
#: Two candidates whose similarities are this close are ambiguous.
AMBIGUITY_MARGIN = 0.05

#: The fields a change can name, in the order they are shown.
FIELDS = (
    "number",
    "title",
    "lead",
    "support",
    "responsible",
    "persons",
    "deadline",
    "attributes",
    "text",
)


class Numbered(Protocol):
    number: str
    title: str


@dataclass
class Stored:
    """A stored item of the document, as the matching and the diff see it (names are canonical)."""

    id: int
    kind: str
    number: str
    title: str
    full_text: str = ""
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    planned: date | None = None  # the plan's deadline (original_deadline)
    deadline: date | None = None  # the deadline in force (an extension when it differs)
    deadline_text: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    status: str = "assigned"
    position: int = 0


@dataclass
class Match:
    """What `match_items` found: (new index, stored index) pairs, and the indexes left over."""

    pairs: list[tuple[int, int]]
    added: list[int]
    removed: list[int]
    warnings: list[str] = field(default_factory=list)


@dataclass
class Changed:
    """A matched task whose plan facts differ: {field: (old, new)}."""

    stored: Stored
    index: int  # in the new version's items
    fields: dict[str, tuple[Any, Any]]


@dataclass
class RevisionPlan:
    """Everything a revision would do, worked out before anything is written."""

    document_id: int
    key: str
    revision: int  # the number this revision gets
    source_name: str
    content_hash: str
    parsed: ParsedDocument
    deadlines: list[date | None]  # planned deadline of each new item
    names: dict[str, str]  # unit name as the document writes it → canonical name
    added: list[int] = field(default_factory=list)
    removed: list[Stored] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    #: new item index → stored id, for every matched item (tasks and headings)
    matched: dict[int, int] = field(default_factory=dict)
    removed_headings: list[int] = field(default_factory=list)
    headings_changed: int = 0

    @property
    def changes(self) -> int:
        """Tasks added, removed or changed (0: the new version says what the stored one says)."""
        return len(self.added) + len(self.removed) + len(self.changed)


# --- matching (pure) ------------------------------------------------------------------------------


def normalize_title(title: str) -> str:
    """A title as compared: NFKC, no spaces, no trailing punctuation."""
    text_ = unicodedata.normalize("NFKC", title)
    return "".join(text_.split()).rstrip("。.;；,，:：")


def similarity(a: str, b: str) -> float:
    """How alike two normalised titles are, 0..1 (difflib's ratio, no junk heuristic); 0 for any
    pair below the lowest threshold, found by difflib's cheap upper bounds first."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    lowest = min(SAME_NUMBER_SIMILARITY, MOVED_SIMILARITY)
    if matcher.real_quick_ratio() < lowest or matcher.quick_ratio() < lowest:
        return 0.0
    return matcher.ratio()


def match_items(new: Sequence[Numbered], old: Sequence[Numbered]) -> Match:
    """Pair the items of a new version with the stored ones, deterministically.

    In turn, among the items still unpaired: the same number and title; the same title, where it
    is unique on both sides (a renumbered item); the same number, unique on both sides, with titles
    at least `SAME_NUMBER_SIMILARITY` alike (reworded); then titles at least `MOVED_SIMILARITY`
    alike, best first. A candidate with a rival about as good is ambiguous: neither is paired (the
    new one is added, the old one removed) and a warning names them.
    """
    titles_new = [normalize_title(item.title) for item in new]
    titles_old = [normalize_title(item.title) for item in old]
    free_new = dict.fromkeys(range(len(new)))
    free_old = dict.fromkeys(range(len(old)))
    pairs: list[tuple[int, int]] = []
    ambiguous_new: dict[int, set[int]] = defaultdict(set)

    def pair(j: int, i: int) -> None:
        pairs.append((j, i))
        del free_new[j]
        del free_old[i]

    def unique_pairs(key_new: Callable[[int], Any], key_old: Callable[[int], Any]) -> None:
        groups_new: dict[Any, list[int]] = defaultdict(list)
        groups_old: dict[Any, list[int]] = defaultdict(list)
        for j in free_new:
            groups_new[key_new(j)].append(j)
        for i in free_old:
            groups_old[key_old(i)].append(i)
        for key, js in groups_new.items():
            is_ = groups_old.get(key, [])
            if len(js) == 1 and len(is_) == 1:
                pair(js[0], is_[0])

    unique_pairs(lambda j: (new[j].number, titles_new[j]), lambda i: (old[i].number, titles_old[i]))
    # the same title on several items of one side: ambiguous unless a number pairs them below
    groups_new: dict[str, list[int]] = defaultdict(list)
    groups_old: dict[str, list[int]] = defaultdict(list)
    for j in free_new:
        groups_new[titles_new[j]].append(j)
    for i in free_old:
        groups_old[titles_old[i]].append(i)
    for title, js in groups_new.items():
        is_ = groups_old.get(title, [])
        if len(js) == 1 and len(is_) == 1:
            pair(js[0], is_[0])
        elif is_:
            for j in js:
                ambiguous_new[j].update(is_)
    by_number_new: dict[str, list[int]] = defaultdict(list)
    by_number_old: dict[str, list[int]] = defaultdict(list)
    for j in free_new:
        by_number_new[new[j].number].append(j)
    for i in free_old:
        by_number_old[old[i].number].append(i)
    for number, js in by_number_new.items():
        is_ = by_number_old.get(number, [])
        if len(js) == 1 and len(is_) == 1:
            j, i = js[0], is_[0]
            if similarity(titles_new[j], titles_old[i]) >= SAME_NUMBER_SIMILARITY:
                pair(j, i)
                ambiguous_new.pop(j, None)
    score = {
        (j, i): value
        for j in free_new
        for i in free_old
        if (value := similarity(titles_new[j], titles_old[i])) >= MOVED_SIMILARITY
    }
    blocked_new: set[int] = set()
    blocked_old: set[int] = set()
    for (j, i), value in sorted(score.items(), key=lambda kv: (-kv[1], kv[0])):
        if j not in free_new or i not in free_old or j in blocked_new or i in blocked_old:
            continue
        floor = value - AMBIGUITY_MARGIN
        rivals_old = [k for (jj, k), v in score.items() if jj == j and k != i and v >= floor]
        rivals_new = [k for (k, ii), v in score.items() if ii == i and k != j and v >= floor]
        rivals_old = [k for k in rivals_old if k in free_old]
        rivals_new = [k for k in rivals_new if k in free_new]
        if rivals_old or rivals_new:
            blocked_new.update([j, *rivals_new])
            blocked_old.update([i, *rivals_old])
            ambiguous_new[j].update([i, *rivals_old])
            for k in rivals_new:
                ambiguous_new[k].add(i)
            continue
        pair(j, i)
    warnings = [
        f"{new[j].number} 「{new[j].title}」 matches several stored items ("
        + ", ".join(f"{old[i].number} 「{old[i].title}」" for i in sorted(ambiguous_new[j]))
        + "): taken as added, the stored ones as removed"
        for j in sorted(ambiguous_new)
        if j in free_new
    ]
    return Match(
        pairs=sorted(pairs), added=list(free_new), removed=list(free_old), warnings=warnings
    )


def diff_item(
    stored: Stored, item: ItemDraft, planned: date | None, names: dict[str, str]
) -> dict[str, tuple[Any, Any]]:
    """The plan facts of `stored` that the new version's `item` changes: {field: (old, new)}.

    Units are compared by canonical name (`names` maps the document's spelling), in order; the
    deadline is the planned one. The whole text counts as a change of its own only when nothing
    else changed (a unit or deadline written in it changes it too).
    """
    fields: dict[str, tuple[Any, Any]] = {}
    if stored.number != item.number:
        fields["number"] = (stored.number, item.number)
    if stored.title != item.title:
        fields["title"] = (stored.title, item.title)
    for role in ROLES:
        new_names = list(dict.fromkeys(names[name] for name in getattr(item, role)))
        if getattr(stored, role) != new_names:
            fields[role] = (getattr(stored, role), new_names)
    persons = list(dict.fromkeys(item.persons))
    if stored.persons != persons:
        fields["persons"] = (stored.persons, persons)
    if stored.planned != planned:
        fields["deadline"] = (stored.planned, planned)
    if stored.attributes != item.attributes:
        fields["attributes"] = (stored.attributes, item.attributes)
    if not fields and stored.full_text != item.full_text:
        fields["text"] = (stored.full_text, item.full_text)
    return fields


# --- reading the stored version ---------------------------------------------------------------------


def _stored_items(session: Session, document_id: int) -> list[Stored]:
    """The document's items still in the plan, in document order, with canonical unit names."""
    db = SqlaReader(session)
    items: dict[int, Stored] = {}
    for row in db.rows(
        "SELECT id, kind, number, title, full_text, original_deadline, deadline, status, position,"
        " deadline_text, attributes FROM tasks WHERE document_id = :d AND removed_in IS NULL"
        " ORDER BY position",
        {"d": document_id},
    ):
        planned, deadline = as_date(row[5]), as_date(row[6])
        items[row[0]] = Stored(
            id=row[0],
            kind=row[1],
            number=row[2],
            title=row[3],
            full_text=row[4],
            planned=planned if planned is not None else deadline,
            deadline=deadline,
            status=row[7],
            position=row[8],
            deadline_text=row[9],
            attributes=json.loads(row[10]) if row[10] else {},
        )
    for task_id, role, name in db.rows(
        "SELECT tu.task_id, tu.role, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
        " JOIN tasks t ON t.id = tu.task_id WHERE t.document_id = :d"
        " ORDER BY tu.task_id, tu.role, tu.position, tu.unit_id",
        {"d": document_id},
    ):
        if task_id in items:
            getattr(items[task_id], role).append(name)
    for task_id, name in db.rows(
        "SELECT tp.task_id, p.name FROM task_persons tp JOIN persons p ON p.id = tp.person_id"
        " JOIN tasks t ON t.id = tp.task_id WHERE t.document_id = :d"
        " ORDER BY tp.task_id, tp.position",
        {"d": document_id},
    ):
        if task_id in items:
            items[task_id].persons.append(name)
    return list(items.values())


def canonical_names(session: Session, names: Sequence[str]) -> dict[str, str]:
    """Each unit name as a document writes it → the name of the unit an import would link it to
    (an existing unit by name or alias, with or without an optional prefix), else the normalised
    name a new unit would get. Reads only."""
    db = SqlaReader(session)
    out: dict[str, str] = {}
    for raw in dict.fromkeys(names):
        name = normalize_unit_name(raw)
        found = None
        for key in (name, *prefix_variants(name)):
            found = exact_unit(db, normalize_unit_name(key))
            if found is not None:
                break
        out[raw] = found[1] if found is not None else name
    return out


def plan_revision(
    session: Session,
    key: str,
    parsed: ParsedDocument,
    *,
    source_name: str,
    content_hash: str,
    default_deadline: date | None = None,
) -> RevisionPlan:
    """Match the new version `parsed` of document `key` against the stored one; writes nothing."""
    document = find_document(SqlaReader(session), key)
    if not parsed.tasks:
        raise InputError("no tasks found; not a new version of a work plan", source=source_name)
    revision = session.scalar(select(Document.revision).where(Document.id == document.id)) or 1
    fallback = default_deadline or parsed.period_end
    items = parsed.items
    deadlines = [item.deadline or (fallback if item.kind == "task" else None) for item in items]
    names = canonical_names(
        session, [name for item in items for role in ROLES for name in getattr(item, role)]
    )
    plan = RevisionPlan(
        document_id=document.id,
        key=document.key,
        revision=revision + 1,
        source_name=source_name,
        content_hash=content_hash,
        parsed=parsed,
        deadlines=deadlines,
        names=names,
    )
    stored = _stored_items(session, document.id)
    for kind in ("task", "heading"):
        new_index = [k for k, item in enumerate(items) if item.kind == kind]
        old = [s for s in stored if s.kind == kind]
        match = match_items([items[k] for k in new_index], old)
        for j, i in match.pairs:
            index, item, before = new_index[j], items[new_index[j]], old[i]
            plan.matched[index] = before.id
            if kind == "heading":
                if (before.number, before.title) != (item.number, item.title):
                    plan.headings_changed += 1
                continue
            if (
                item.deadline is None
                and default_deadline is None
                and before.deadline_text == item.deadline_text
            ):
                # neither version names a date: the deadline it was given stays (the import's
                # fallback, perhaps from its own --default-deadline)
                deadlines[index] = before.planned
            fields = diff_item(before, item, deadlines[index], names)
            if fields:
                plan.changed.append(Changed(before, index, fields))
            else:
                plan.unchanged += 1
        if kind == "task":
            plan.added = [new_index[j] for j in match.added]
            plan.removed = [old[i] for i in match.removed]
            plan.warnings = match.warnings
        else:
            plan.removed_headings = [old[i].id for i in match.removed]
            plan.headings_changed += len(match.added) + len(match.removed)
    plan.changed.sort(key=lambda c: c.index)
    return plan


# --- writing ----------------------------------------------------------------------------------------


def _value(value: Any) -> str | None:
    """A field's value as an event stores it."""
    if value is None:
        return None
    if isinstance(value, list):
        return "、".join(value) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def apply_revision(session: Session, plan: RevisionPlan, *, actor: str) -> None:
    """Write `plan` in the session's transaction (the caller commits, or rolls back on an error).

    Does nothing when the new version changes no task and no heading.
    """
    if not plan.changes and not plan.headings_changed:
        return
    document = session.execute(
        select(Document).where(Document.id == plan.document_id).with_for_update()
    ).scalar_one()
    if document.revision + 1 != plan.revision:
        raise InputError(f"document {plan.key} was revised meanwhile; run the revision again")
    writer = _Writer(session, plan, actor)
    writer.place_items()
    writer.take_out_the_rest()
    document.revision = plan.revision
    document.title = plan.parsed.title
    document.period_start = plan.parsed.period_start
    document.period_end = plan.parsed.period_end
    document.period_text = plan.parsed.period_text
    session.add(
        DocumentRevision(
            document_id=plan.document_id,
            number=plan.revision,
            source_name=plan.source_name,
            content_hash=plan.content_hash,
            added=len(plan.added),
            removed=len(plan.removed),
            changed=len(plan.changed),
            applied_at=writer.now,
            applied_by=actor,
        )
    )
    session.flush()


class _Writer:
    """The writes of one revision: items placed in the new order, changes and their events."""

    def __init__(self, session: Session, plan: RevisionPlan, actor: str) -> None:
        self.session, self.plan, self.actor = session, plan, actor
        self.now = now_utc()
        self.note_of = f"revision of {plan.source_name}"
        # every item steps out of the way (negative positions), then takes its place in the new
        # order; the items no longer in the plan go after the others
        session.execute(
            text("UPDATE tasks SET position = -1 - position WHERE document_id = :d"),
            {"d": plan.document_id},
        )
        self.rows = {
            task.id: task
            for task in session.scalars(
                select(Task)
                .where(Task.document_id == plan.document_id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
        }
        items = plan.parsed.items
        self.unit_ids, _ = resolve_units(
            session,
            (
                name
                for index in [*plan.added, *(c.index for c in plan.changed)]
                for role in ROLES
                for name in getattr(items[index], role)
            ),
        )
        #: new item index → task id
        self.ids: dict[int, int] = {}

    def event(self, task: Task, kind: str, old: str | None, new: str | None, note: str) -> None:
        """One event on `task`, and its version one up."""
        task.version += 1
        task.updated_at = self.now
        self.session.add(
            Event(
                task_id=task.id,
                document_id=self.plan.document_id,
                kind=kind,
                old_value=old,
                new_value=new,
                note=note,
                actor=self.actor,
                created_at=self.now,
            )
        )

    def place_items(self) -> None:
        """The new version's items in its order: matched ones moved and changed, new ones added."""
        plan = self.plan
        changed = {c.stored.id: c for c in plan.changed}
        for index, item in enumerate(plan.parsed.items):
            parent_id = None if item.parent is None else self.ids[item.parent]
            stored_id = plan.matched.get(index)
            if stored_id is None:
                self.ids[index] = self.add(index, item, parent_id)
                continue
            self.ids[index] = stored_id
            task = self.rows[stored_id]
            task.position = index
            task.parent_id = parent_id
            change = changed.get(stored_id)
            if item.kind == "heading" or change is not None:
                task.number, task.level, task.title = item.number, item.level, item.title
                task.full_text, task.source_line = item.full_text, item.line
                task.deadline_text, task.attributes = item.deadline_text, _attributes(item)
            if change is not None:
                self.change(task, item, change)

    def add(self, index: int, item: ItemDraft, parent_id: int | None) -> int:
        """A new item, as the import writes it (a task with its links and an `import` event)."""
        planned = self.plan.deadlines[index]
        task = Task(
            document_id=self.plan.document_id,
            parent_id=parent_id,
            kind=item.kind,
            number=item.number,
            level=item.level,
            title=item.title,
            full_text=item.full_text,
            position=index,
            source_line=item.line,
            deadline=planned,
            deadline_text=item.deadline_text,
            attributes=_attributes(item),
            original_deadline=planned,
            status="assigned",
            version=0 if item.kind == "task" else 1,
            created_at=self.now,
            updated_at=self.now,
        )
        self.session.add(task)
        self.session.flush()
        if item.kind == "task":
            _link(self.session, task.id, item, self.unit_ids)
            note = f"{self.plan.source_name}:{item.line} (revision {self.plan.revision})"
            self.event(task, "import", None, "assigned", note)
        return task.id

    def change(self, task: Task, item: ItemDraft, change: Changed) -> None:
        """One `revised` event per changed field; the links rewritten when units or persons
        changed. A new planned deadline of an extended task leaves the extension in force."""
        for name in FIELDS:
            if name not in change.fields:
                continue
            old, new = change.fields[name]
            note = f"{name} ({self.note_of})"
            if name == "deadline":
                extended = task.deadline != (task.original_deadline or task.deadline)
                task.original_deadline = new
                if extended:
                    note += f"; the extension to {_value(task.deadline)} is kept"
                else:
                    task.deadline = new
            self.event(task, "revised", _value(old), _value(new), note)
        session = self.session
        if any(role in change.fields for role in ROLES) or _labels_differ(session, task.id, item):
            session.execute(text("DELETE FROM task_units WHERE task_id = :t"), {"t": task.id})
            _link(session, task.id, item, self.unit_ids, persons=False)
        if "persons" in change.fields:
            session.execute(text("DELETE FROM task_persons WHERE task_id = :t"), {"t": task.id})
            _link_persons(session, task.id, item.persons)

    def take_out_the_rest(self) -> None:
        """The items not in the new version after the others: those out of the plan since
        earlier revisions first, then the ones this revision takes out (an open task cancelled,
        a finished one keeps its status; either way an event with the note 撤销)."""
        plan = self.plan
        removed = {s.id for s in plan.removed} | set(plan.removed_headings)
        placed = set(self.ids.values())
        leftover = sorted(
            (task for task in self.rows.values() if task.id not in placed),
            key=lambda task: (task.id in removed, -1 - task.position),
        )
        for position, task in enumerate(leftover, len(plan.parsed.items)):
            task.position = position
            if task.id not in removed:
                continue
            task.removed_in = plan.revision
            if task.kind != "task":
                continue
            note = f"撤销 ({self.note_of})"
            if "cancelled" in lifecycle.TRANSITIONS.get(task.status, ()):
                old = task.status
                task.status = "cancelled"
                self.event(task, "status", old, "cancelled", note)
            else:
                self.event(task, "revised", task.number, None, note)


def _attributes(item: ItemDraft) -> str | None:
    """The item's other labelled details as the tasks table stores them (JSON text)."""
    return json.dumps(item.attributes, ensure_ascii=False) if item.attributes else None


def _labels_differ(session: Session, task_id: int, item: ItemDraft) -> bool:
    """Whether the labels that named the task's units changed (the units themselves did not)."""
    stored = sorted(
        label
        for (label,) in session.execute(
            select(TaskUnit.label).where(TaskUnit.task_id == task_id, TaskUnit.label.isnot(None))
        )
    )
    wanted = sorted(
        item.unit_labels[name]
        for role in ROLES
        for name in dict.fromkeys(getattr(item, role))
        if name in item.unit_labels
    )
    return stored != wanted


def _link(
    session: Session,
    task_id: int,
    item: ItemDraft,
    unit_ids: dict[str, int],
    *,
    persons: bool = True,
) -> None:
    """The task's unit links (and persons), as the import writes them."""
    seen: set[tuple[int, str]] = set()
    for role in ROLES:
        for order, name in enumerate(getattr(item, role)):
            unit_id = unit_ids[name]
            if (unit_id, role) in seen:
                continue
            seen.add((unit_id, role))
            session.add(
                TaskUnit(
                    task_id=task_id,
                    unit_id=unit_id,
                    role=role,
                    position=order,
                    label=item.unit_labels.get(name),
                )
            )
    if persons:
        _link_persons(session, task_id, item.persons)
    session.flush()


def _link_persons(session: Session, task_id: int, names: Sequence[str]) -> None:
    for order, name in enumerate(dict.fromkeys(names)):
        person_id = session.scalar(select(Person.id).where(Person.name == name))
        if person_id is None:
            person = Person(name=name)
            session.add(person)
            session.flush()
            person_id = person.id
        session.add(TaskPerson(task_id=task_id, person_id=person_id, position=order))
    session.flush()
