"""Find tasks and documents from what a clerk types: an id, `KEY:NUMBER`, or a document key."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from taskctl.errors import AmbiguousError, NotFoundError
from taskctl.store.models import Document, Task


def resolve_document(session: Session, ref: str) -> Document:
    """A document by key (exact, else unique prefix) or numeric id."""
    doc = session.scalar(select(Document).where(Document.key == ref))
    if doc is None and ref.isdigit():
        doc = session.get(Document, int(ref))
    if doc is None:
        found = list(
            session.scalars(select(Document).where(Document.key.startswith(ref, autoescape=True)))
        )
        if len(found) > 1:
            keys = ", ".join(sorted(d.key for d in found))
            raise AmbiguousError(f"document {ref!r} is ambiguous: {keys}")
        doc = found[0] if found else None
    if doc is None:
        raise NotFoundError(f"unknown document {ref!r} (see `taskctl documents`)")
    return doc


def normalize_number(number: str) -> str:
    """The number path as stored: full-width brackets and dots made half-width, no spaces."""
    import unicodedata

    text = unicodedata.normalize("NFKC", number).replace(" ", "")
    return text.replace("、", ".").replace("．", ".").strip(".")


def _bare(number: str) -> str:
    return number.replace("(", "").replace(")", "")


def resolve_task(session: Session, ref: str | int) -> Task:
    """A task by id (`12`, `#12`) or by `DOCUMENT:NUMBER` (`zj2012:二.3`)."""
    text = str(ref).strip()
    if text.startswith("#"):
        text = text[1:]
    if text.isdigit():
        task = session.get(Task, int(text))
        if task is None or task.kind != "task":
            raise NotFoundError(f"unknown task {ref!r} (see `taskctl list`)")
        return task
    if ":" in text:
        key, number = text.split(":", 1)
        doc = resolve_document(session, key)
        wanted = normalize_number(number)
        in_doc = select(Task).where(Task.document_id == doc.id, Task.kind == "task")
        tasks = list(session.scalars(in_doc.where(Task.number == wanted)))
        if not tasks:
            # `一.1` for `(一).1`: the brackets are easy to leave out when quoting a number
            bare = _bare(wanted)
            tasks = [t for t in session.scalars(in_doc) if _bare(t.number) == bare]
        if len(tasks) == 1:
            return tasks[0]
        if len(tasks) > 1:
            ids = ", ".join(str(t.id) for t in tasks)
            raise AmbiguousError(f"task {ref!r} is ambiguous: ids {ids}")
    raise NotFoundError(f"unknown task {ref!r} (give an id from `taskctl list` or KEY:NUMBER)")
