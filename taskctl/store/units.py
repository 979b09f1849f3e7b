"""Units as documents name them: found or created (with aliases for an optional prefix such as 省).

Name normalisation lives in `taskctl.unitnames`; finding a unit from what a clerk types, in
`taskctl.store.lookup`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from taskctl.store.engine import in_chunks
from taskctl.store.lookup import exact_unit
from taskctl.store.models import Unit, UnitAlias, now_utc
from taskctl.store.reader import SqlaReader
from taskctl.unitnames import normalize_unit_name, prefix_variants, unit_kind

__all__ = ["get_or_create_unit", "lookup_unit", "normalize_unit_name", "resolve_units", "unit_kind"]

#: normalize_unit_name once per distinct name in a process (an import names the same units again
#: and again, in every document)
_normalized = functools.lru_cache(maxsize=65536)(normalize_unit_name)


@functools.lru_cache(maxsize=65536)
def _lookup_keys(name: str) -> tuple[str, ...]:
    """The keys a normalised name is looked up by: itself and its prefix variants, normalised."""
    return tuple(_normalized(key) for key in (name, *prefix_variants(name)))


def lookup_unit(session: Session, name: str) -> Unit | None:
    """The unit with this canonical name or alias (exact match after normalisation), or None."""
    found = exact_unit(SqlaReader(session), normalize_unit_name(name))
    return None if found is None else session.get(Unit, found[0])


def get_or_create_unit(session: Session, name: str, cache: dict[str, Unit] | None = None) -> Unit:
    """The unit a document names: an existing name or alias, the same name with or without an optional
    prefix such as 省 (recorded as an alias), or a new unit."""
    name = normalize_unit_name(name)
    if cache is not None and name in cache:
        return cache[name]
    unit = lookup_unit(session, name)
    if unit is None:
        for variant in prefix_variants(name):
            unit = lookup_unit(session, variant)
            if unit is not None:
                session.add(UnitAlias(unit=unit, alias=name))
                break
    if unit is None:
        unit = Unit(name=name, kind=unit_kind(name), created_at=now_utc())
        session.add(unit)
        session.flush()
    if cache is not None:
        cache[name] = unit
    return unit


def rows_in(conn: Connection, query: str, values: list[str]) -> list[tuple[Any, ...]]:
    """The rows of `query` + ` IN (values…)`, in slices of `in_chunks`, as plain driver SQL: a
    SQLAlchemy `in_(list)` handles a long list value by value."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    rows: list[tuple[Any, ...]] = []
    for chunk in in_chunks(values):
        sql = f"{query} IN ({', '.join([mark] * len(chunk))})"
        rows.extend(tuple(row) for row in conn.exec_driver_sql(sql, tuple(chunk)))
    return rows


def resolve_units(session: Session, names: Iterable[str]) -> tuple[dict[str, int], int]:
    """The unit ids of the names a document writes, found or created as `get_or_create_unit` would
    (in the order given), with two indexed look-ups for all of them instead of queries per name.

    Returns ({name as given: unit id}, number of units created).
    """
    conn = session.connection()
    raw_names = list(dict.fromkeys(names))
    normal = {raw: _normalized(raw) for raw in raw_names}
    order = list(dict.fromkeys(normal.values()))
    # each name is looked up normalised once more, as lookup_unit does
    keys: set[str] = set()
    for name in order:
        keys.update(_lookup_keys(name))
    by_name: dict[str, int] = {}
    by_alias: dict[str, int] = {}
    wanted = sorted(keys)
    by_name.update(rows_in(conn, "SELECT name, id FROM units WHERE name", wanted))
    by_alias.update(rows_in(conn, "SELECT alias, unit_id FROM unit_aliases WHERE alias", wanted))

    def lookup(name: str) -> int | None:
        key = _normalized(name)
        found = by_name.get(key)
        return found if found is not None else by_alias.get(key)

    ids: dict[str, int] = {}
    created = 0
    for name in order:
        unit_id = lookup(name)
        if unit_id is None:
            for variant in prefix_variants(name):
                unit_id = lookup(variant)
                if unit_id is not None:
                    conn.execute(insert(UnitAlias.__table__).values(unit_id=unit_id, alias=name))
                    by_alias[name] = unit_id
                    break
        if unit_id is None:
            unit_id = conn.execute(
                insert(Unit.__table__).values(name=name, kind=unit_kind(name), created_at=now_utc())
            ).inserted_primary_key[0]
            by_name[name] = unit_id
            created += 1
        ids[name] = unit_id
    return {raw: ids[normal[raw]] for raw in raw_names}, created
