"""Who may change what on the shared PostgreSQL server (`taskctl access`).

The database enforces it (migrations 0005 and 0006): login roles are members of the group roles
`taskctl_office` (every write), `taskctl_unit` (a unit's clerk: reads the tasks its units are
linked to and the headings above them, and changes their status, progress and deadline;
`access_units` says which units) and `taskctl_reader` (reads only); row-level security hides
another unit's task from a clerk and refuses a write to it. This module manages the
memberships and explains a refusal in one line before the database has to (`check_task`).
A SQLite file is one person's database: there is no one to keep out, and these functions refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from taskctl.errors import AccessError, InvalidValueError, NotFoundError

#: The access kinds and their group roles (created by migration 0005).
GROUPS = {"office": "taskctl_office", "unit": "taskctl_unit", "reader": "taskctl_reader"}
#: A role name taskctl creates: letters, digits, `_`, `.` and `-`, as a clerk types it in ~/.pgpass.
ROLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,62}")
_ROLE_ORDER = "CASE tu.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 ELSE 2 END"


@dataclass
class Access:
    """One login role's access: its kinds (office, unit, reader) and, for a clerk, its units."""

    user: str
    kinds: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


def require_server(dialect: str) -> None:
    """Refuse on SQLite: access control needs the shared server."""
    if dialect != "postgresql":
        raise AccessError(
            "access control needs the shared PostgreSQL server; a SQLite file is one person's "
            "database (see docs/postgresql.md)"
        )


def _role_name(user: str) -> str:
    if not ROLE_NAME.fullmatch(user or ""):
        raise InvalidValueError(
            f"bad user name {user!r}: letters, digits, _ . - (at most 63, not starting with a digit)"
        )
    if user.startswith(("taskctl_", "pg_")) or user in ("public", "taskctl"):
        raise InvalidValueError(f"bad user name {user!r}: a name taskctl or PostgreSQL keeps")
    return user


def _ddl(db: Any, template: str, *args: Any) -> None:
    """A role statement (no bind parameters in DDL): identifiers `{}` and values composed by psycopg,
    run in the writer's transaction."""
    from psycopg import sql

    parts = [sql.Identifier(a) if isinstance(a, str) else sql.Literal(a[0]) for a in args]
    raw = db.bind.connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute(sql.SQL(template).format(*parts))


def _role_exists(db: Any, user: str) -> bool:
    return db.one("SELECT 1 FROM pg_roles WHERE rolname = :user", {"user": user}) is not None


def _unit_ids(db: Any, names: list[str]) -> list[tuple[int, str]]:
    from taskctl.store import lookup

    return [lookup.find_unit_id(db, name) for name in names]


def grant(
    db: Any,
    user: str,
    *,
    units: list[str] = (),  # type: ignore[assignment]
    office: bool = False,
    reader: bool = False,
    password: str | None = None,
) -> Access:
    """Give `user` (a login role, created if missing) office, unit-clerk or reader access."""
    require_server(db.dialect)
    user = _role_name(user)
    if sum([bool(units), office, reader]) != 1:
        raise InvalidValueError("give exactly one of --unit NAME, --office, --reader")
    found = _unit_ids(db, list(units))
    if not _role_exists(db, user):
        if password:
            _ddl(db, "CREATE ROLE {} LOGIN PASSWORD {}", user, (password,))
        else:
            _ddl(db, "CREATE ROLE {} LOGIN", user)
    elif password:
        _ddl(db, "ALTER ROLE {} PASSWORD {}", user, (password,))
    kind = "unit" if units else "office" if office else "reader"
    _ddl(db, "GRANT {} TO {}", GROUPS[kind], user)
    have = {
        r[0] for r in db.rows("SELECT unit_id FROM access_units WHERE role_name = :u", {"u": user})
    }
    for unit_id, _ in found:
        if unit_id not in have:
            db.execute(
                "INSERT INTO access_units (role_name, unit_id) VALUES (:user, :unit)",
                {"user": user, "unit": unit_id},
            )
    return access_of(db, user)


def revoke(db: Any, user: str, *, units: list[str] = ()) -> Access:  # type: ignore[assignment]
    """Take `user`'s access away: all of it, or only the clerk's `units` (the login role stays)."""
    require_server(db.dialect)
    user = _role_name(user)
    if not _role_exists(db, user):
        raise NotFoundError(f"no database role {user!r}")
    if units:
        for unit_id, _ in _unit_ids(db, list(units)):
            db.execute(
                "DELETE FROM access_units WHERE role_name = :user AND unit_id = :unit",
                {"user": user, "unit": unit_id},
            )
        left = db.one("SELECT count(*) FROM access_units WHERE role_name = :u", {"u": user})[0]
        if not left:
            _ddl(db, "REVOKE {} FROM {}", GROUPS["unit"], user)
    else:
        db.execute("DELETE FROM access_units WHERE role_name = :user", {"user": user})
        for group in GROUPS.values():
            _ddl(db, "REVOKE {} FROM {}", group, user)
    return access_of(db, user)


_MEMBERS = (
    "SELECT u.rolname, g.rolname FROM pg_auth_members m"
    " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
    " WHERE g.rolname IN ('taskctl_office', 'taskctl_unit', 'taskctl_reader')"
)
_KINDS = {group: kind for kind, group in GROUPS.items()}


def list_access(db: Any, user: str | None = None) -> list[Access]:
    """Every role with taskctl access (or only `user`), by name, with its kinds and units."""
    require_server(db.dialect)
    where = " AND u.rolname = :user" if user else ""
    found: dict[str, Access] = {}
    for name, group in db.rows(_MEMBERS + where + " ORDER BY 1, 2", {"user": user}):
        found.setdefault(name, Access(name)).kinds.append(_KINDS[group])
    for name, unit in db.rows(
        "SELECT a.role_name, u.name FROM access_units a JOIN units u ON u.id = a.unit_id"
        + (" WHERE a.role_name = :user" if user else "")
        + " ORDER BY a.role_name, a.id",
        {"user": user},
    ):
        found.setdefault(name, Access(name)).units.append(unit)
    for access in found.values():
        access.kinds.sort(key=list(GROUPS).index)
    return [found[name] for name in sorted(found)]


def access_of(db: Any, user: str) -> Access:
    found = list_access(db, user)
    return found[0] if found else Access(user)


@dataclass
class _Me:
    user: str
    kinds: set[str]
    units: dict[int, str]


def _me(db: Any) -> _Me:
    """The connected role's access, read once per writer."""
    me = getattr(db, "_taskctl_access", None)
    if me is None:
        user = db.one("SELECT current_user")[0]
        kinds = {_KINDS[g] for _, g in db.rows(_MEMBERS + " AND u.rolname = :u", {"u": user})}
        units = dict(
            db.rows(
                "SELECT u.id, u.name FROM access_units a JOIN units u ON u.id = a.unit_id"
                " WHERE a.role_name = :u ORDER BY a.id",
                {"u": user},
            )
        )
        me = _Me(user, kinds, units)
        db._taskctl_access = me
    return me


def check_task(db: Any, task_id: int) -> None:
    """Refuse, in one line, a change the database would refuse to this role: a reader's, or a
    clerk's to a task none of its units is linked to. Nothing to check on SQLite or for the owner
    and the office."""
    if db.dialect != "postgresql":
        return
    me = _me(db)
    if not me.kinds or "office" in me.kinds:
        return
    if "unit" not in me.kinds:
        raise AccessError(f"{me.user} may only read this database (taskctl_reader)")
    linked = db.rows(
        "SELECT tu.unit_id, u.name, tu.role FROM task_units tu JOIN units u ON u.id = tu.unit_id"
        f" WHERE tu.task_id = :id ORDER BY {_ROLE_ORDER}, tu.position",
        {"id": task_id},
    )
    if any(unit_id in me.units for unit_id, _, _ in linked):
        return
    mine = "、".join(me.units.values()) or me.user
    leads = [name for _, name, role in linked if role == "lead"] or [n for _, n, _ in linked]
    owners = "、".join(dict.fromkeys(leads)) or "no unit"
    raise AccessError(f"{mine}'s clerk may not change task {task_id}, which belongs to {owners}")
