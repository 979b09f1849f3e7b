"""Write a parsed document to the database: one transaction, all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from taskctl.errors import InputError
from taskctl.ingest.drafts import ItemDraft, ParsedDocument, ParseWarning
from taskctl.store.models import (
    ROLES,
    Document,
    Event,
    Person,
    Task,
    TaskPerson,
    TaskUnit,
    Unit,
    now_utc,
)
from taskctl.store.units import get_or_create_unit

_KEY_CHARS = re.compile(r"[^\w.-]+")


@dataclass
class ImportResult:
    """What one import did (or, with `skipped`, why it did nothing)."""

    key: str
    title: str
    source_name: str
    tasks: int = 0
    headings: int = 0
    units: int = 0
    new_units: int = 0
    persons: int = 0
    unassigned: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)
    skipped: bool = False
    document_id: int | None = None


def default_key(source_name: str) -> str:
    """A short document key from a file name: `seeds/zj2012.txt` → `zj2012`."""
    stem = re.split(r"[\\/]", source_name)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    key = _KEY_CHARS.sub("-", stem).strip("-").lower()
    return key[:48] or "doc"


def validate_key(key: str) -> str:
    if not key or ":" in key or len(key) > 64 or key.strip() != key:
        raise InputError(f"bad document key {key!r}: use letters, digits, '-', '_' or '.', no ':'")
    return key


def find_existing(session: Session, content_hash: str) -> Document | None:
    return session.scalar(select(Document).where(Document.content_hash == content_hash))


def _unique_key(session: Session, key: str) -> str:
    taken = set(
        session.scalars(select(Document.key).where(Document.key.startswith(key, autoescape=True)))
    )
    if key not in taken:
        return key
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"


def save_document(
    session: Session,
    parsed: ParsedDocument,
    *,
    source_name: str,
    content_hash: str,
    actor: str,
    key: str | None = None,
    default_deadline: date | None = None,
) -> ImportResult:
    """Insert the document, its items, units, persons and one `import` event per task.

    Re-importing identical content is a no-op (`skipped`). An explicit `key` that is taken is an error;
    a derived one gets a numeric suffix.
    """
    existing = find_existing(session, content_hash)
    if existing is not None:
        return ImportResult(
            key=existing.key,
            title=existing.title,
            source_name=source_name,
            skipped=True,
            document_id=existing.id,
        )
    if key is not None:
        validate_key(key)
        if session.scalar(select(Document.id).where(Document.key == key)) is not None:
            raise InputError(f"document key {key!r} is already used; choose another with --key")
    else:
        key = _unique_key(session, default_key(source_name))

    now = now_utc()
    doc = Document(
        key=key,
        title=parsed.title,
        source_name=source_name,
        content_hash=content_hash,
        period_start=parsed.period_start,
        period_end=parsed.period_end,
        period_text=parsed.period_text,
        imported_at=now,
        imported_by=actor,
    )
    session.add(doc)
    session.flush()

    result = ImportResult(
        key=key,
        title=parsed.title,
        source_name=source_name,
        warnings=list(parsed.warnings),
        document_id=doc.id,
    )
    units_before = session.scalar(select(func.count(Unit.id))) or 0
    fallback = default_deadline or parsed.period_end
    # One multi-row INSERT per table (ids come back in order), not a round trip per task: a
    # 20,000-task plan imports in seconds.
    task_ids = list(
        session.scalars(
            insert(Task).returning(Task.id, sort_by_parameter_order=True),
            [
                _task_values(doc.id, position, item, fallback, now)
                for position, item in enumerate(parsed.items)
            ],
        )
    )
    parents = [
        {"id": task_ids[i], "parent_id": task_ids[item.parent]}
        for i, item in enumerate(parsed.items)
        if item.parent is not None
    ]
    if parents:
        session.execute(update(Task), parents)

    unit_cache: dict[str, Unit] = {}
    person_ids: dict[str, int] = {}
    unit_links: list[dict] = []
    person_links: list[dict] = []
    events: list[dict] = []
    doc_units: set[int] = set()
    for task_id, item in zip(task_ids, parsed.items, strict=True):
        if item.kind != "task":
            result.headings += 1
            continue
        result.tasks += 1
        seen: set[tuple[int, str]] = set()
        for role in ROLES:
            for order, name in enumerate(getattr(item, role)):
                unit = get_or_create_unit(session, name, unit_cache)
                if (unit.id, role) not in seen:
                    seen.add((unit.id, role))
                    unit_links.append(
                        {"task_id": task_id, "unit_id": unit.id, "role": role, "position": order}
                    )
                    doc_units.add(unit.id)
        if not seen:
            result.unassigned += 1
        for order, name in enumerate(dict.fromkeys(item.persons)):
            if name not in person_ids:
                person_ids[name] = _person_id(session, name)
            person_links.append(
                {"task_id": task_id, "person_id": person_ids[name], "position": order}
            )
        events.append(
            {
                "task_id": task_id,
                "document_id": doc.id,
                "kind": "import",
                "new_value": "assigned",
                "note": f"{source_name}:{item.line}",
                "actor": actor,
                "created_at": now,
            }
        )
    for model, values in ((TaskUnit, unit_links), (TaskPerson, person_links), (Event, events)):
        if values:
            session.execute(insert(model), values)
    session.flush()
    result.units = len(doc_units)
    result.persons = len(person_ids)
    result.new_units = (session.scalar(select(func.count(Unit.id))) or 0) - units_before
    return result


def _task_values(
    document_id: int, position: int, item: ItemDraft, fallback: date | None, now: datetime
) -> dict:
    """The row of one heading or task; a task without a deadline phrase gets `fallback`."""
    deadline = item.deadline or (fallback if item.kind == "task" else None)
    return {
        "document_id": document_id,
        "kind": item.kind,
        "number": item.number,
        "level": item.level,
        "title": item.title,
        "full_text": item.full_text,
        "position": position,
        "source_line": item.line,
        "deadline": deadline,
        "deadline_text": item.deadline_text,
        "original_deadline": deadline,
        "status": "assigned",
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def _person_id(session: Session, name: str) -> int:
    person_id = session.scalar(select(Person.id).where(Person.name == name))
    if person_id is None:
        person = Person(name=name)
        session.add(person)
        session.flush()
        person_id = person.id
    return person_id
