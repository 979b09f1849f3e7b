"""Find documents, tasks and units from what a clerk types: an id, `KEY:NUMBER`, a document key, a
unit's name, alias or a unique part of one.

The finders run plain SQL on a `Reader` (reports use them without loading the ORM); `resolve_task`
and `resolve_unit` hand the write side its ORM objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from taskctl.errors import AmbiguousError, NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from taskctl.store.models import Task, Unit
    from taskctl.store.reader import Reader


class DocumentRef(NamedTuple):
    id: int
    key: str
    title: str


def like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_document(db: Reader, ref: str) -> DocumentRef:
    """A document by key (exact, else unique prefix) or numeric id."""
    sql = "SELECT id, key, title FROM documents WHERE "
    row = db.one(sql + "key = :ref", {"ref": ref})
    if row is None and ref.isdigit():
        row = db.one(sql + "id = :id", {"id": int(ref)})
    if row is None:
        found = db.rows(
            sql + "key LIKE :prefix ESCAPE '\\' ORDER BY key", {"prefix": like_prefix(ref)}
        )
        if len(found) > 1:
            keys = ", ".join(r[1] for r in found)
            raise AmbiguousError(f"document {ref!r} is ambiguous: {keys}")
        row = found[0] if found else None
    if row is None:
        raise NotFoundError(f"unknown document {ref!r} (see `taskctl documents`)")
    return DocumentRef(*row)


def normalize_number(number: str) -> str:
    """The number path as stored: full-width brackets and dots made half-width, no spaces."""
    import unicodedata

    text = unicodedata.normalize("NFKC", number).replace(" ", "")
    return text.replace("、", ".").replace("．", ".").strip(".")


def _bare(number: str) -> str:
    return number.replace("(", "").replace(")", "")


def find_task_id(db: Reader, ref: str | int) -> int:
    """The id of a task given by id (`12`, `#12`) or by `DOCUMENT:NUMBER` (`zj2012:二.3`)."""
    text = str(ref).strip()
    if text.startswith("#"):
        text = text[1:]
    if text.isdigit():
        found = db.scalar(
            "SELECT id FROM tasks WHERE id = :id AND kind = 'task'", {"id": int(text)}
        )
        if found is None:
            raise NotFoundError(f"unknown task {ref!r} (see `taskctl list`)")
        return int(found)
    if ":" in text:
        key, number = text.split(":", 1)
        doc = find_document(db, key)
        wanted = normalize_number(number)
        in_doc = (
            "SELECT id, number, removed_in FROM tasks WHERE document_id = :doc AND kind = 'task'"
        )
        found = db.rows(in_doc + " AND number = :n", {"doc": doc.id, "n": wanted})
        if not found:
            # `一.1` for `(一).1`: the brackets are easy to leave out when quoting a number
            bare = _bare(wanted)
            found = [r for r in db.rows(in_doc, {"doc": doc.id}) if _bare(r[1]) == bare]
        if len(found) > 1:
            # a task a revision took out of the plan gives its number up to the one in the plan
            found = [r for r in found if r[2] is None] or found
        ids = [r[0] for r in found]
        if len(ids) == 1:
            return int(ids[0])
        if len(ids) > 1:
            raise AmbiguousError(f"task {ref!r} is ambiguous: ids {', '.join(map(str, ids))}")
    raise NotFoundError(f"unknown task {ref!r} (give an id from `taskctl list` or KEY:NUMBER)")


def exact_unit(db: Reader, name: str) -> tuple[int, str] | None:
    """The id and name of the unit whose name or alias is exactly `name` (normalised), or None."""
    row = db.one("SELECT id, name FROM units WHERE name = :n", {"n": name})
    if row is None:
        row = db.one(
            "SELECT u.id, u.name FROM units u JOIN unit_aliases a ON a.unit_id = u.id "
            "WHERE a.alias = :n",
            {"n": name},
        )
    return (int(row[0]), row[1]) if row else None


def find_unit_id(db: Reader, query: str) -> tuple[int, str]:
    """The id and canonical name of the unit a clerk means: exact name or alias (with or without an
    optional prefix such as 省), else a unique prefix, else a unique substring.

    An ambiguous query is refused with the candidates listed.
    """
    from taskctl.unitnames import normalize_unit_name, prefix_variants  # names, not task ids

    q = normalize_unit_name(query)
    if not q:
        raise NotFoundError("empty unit name")
    for name in (q, *prefix_variants(q)):  # 省科技厅 finds 科技厅 and the other way round
        found = exact_unit(db, name)
        if found is not None:
            return found
    names = {int(i): n for i, n in db.rows("SELECT id, name FROM units")}
    pairs = [(n, i) for i, n in names.items()]
    pairs += [(a, int(i)) for a, i in db.rows("SELECT alias, unit_id FROM unit_aliases")]
    for match in (lambda n: n.startswith(q), lambda n: q in n):
        ids = {uid for n, uid in pairs if match(n)}
        if len(ids) == 1:
            uid = ids.pop()
            return uid, names[uid]
        if len(ids) > 1:
            found = sorted(names[i] for i in ids)
            shown = "、".join(found[:10]) + (" …" if len(found) > 10 else "")
            raise AmbiguousError(f"unit {query!r} is ambiguous: {shown}")
    raise NotFoundError(f"unknown unit {query!r} (see `taskctl units`)")


def resolve_task(session: Session, ref: str | int) -> Task:
    """The Task (ORM object, for changing it) a clerk means, as `find_task_id` finds it."""
    from taskctl.store.models import Task
    from taskctl.store.reader import SqlaReader

    return session.get(Task, find_task_id(SqlaReader(session), ref))  # type: ignore[return-value]


def resolve_unit(session: Session, query: str) -> Unit:
    """The Unit (ORM object, for changing it) a clerk means, as `find_unit_id` finds it."""
    from taskctl.store.models import Unit
    from taskctl.store.reader import SqlaReader

    unit_id, _ = find_unit_id(SqlaReader(session), query)
    return session.get(Unit, unit_id)  # type: ignore[return-value]


def revised_document(db: Reader, content_hash: str) -> tuple[str, str] | None:
    """(key, title) of the document a revision with this content was applied to, or None: importing
    that file again is then a no-op, as importing the first version again is. Plain SQL on any
    Reader (the import's Writer included)."""
    row = db.one(
        "SELECT d.key, d.title FROM documents d"
        " JOIN document_revisions r ON r.document_id = d.id"
        " WHERE r.content_hash = :hash LIMIT 1",
        {"hash": content_hash},
    )
    return None if row is None else (row[0], row[1])
