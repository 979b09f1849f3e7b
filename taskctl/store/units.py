"""Units as documents name them: found or created (with aliases for an optional prefix such as 省).

Name normalisation lives in `taskctl.unitnames`; finding a unit from what a clerk types, in
`taskctl.store.lookup`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from taskctl.clock import now_utc
from taskctl.store.lookup import exact_unit
from taskctl.store.reader import SqlaReader
from taskctl.store.writer import Writer, as_writer
from taskctl.unitnames import normalize_unit_name, prefix_variants, unit_kind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from taskctl.store.models import Unit

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
    from taskctl.store.models import Unit

    found = exact_unit(SqlaReader(session), normalize_unit_name(name))
    return None if found is None else session.get(Unit, found[0])


def get_or_create_unit(session: Session, name: str, cache: dict[str, Unit] | None = None) -> Unit:
    """The unit a document names: an existing name or alias, the same name with or without an optional
    prefix such as 省 (recorded as an alias), or a new unit."""
    from taskctl.store.models import Unit, UnitAlias

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


def resolve_units(db: Writer | Any, names: Iterable[str]) -> tuple[dict[str, int], int]:
    """The unit ids of the names a document writes, found or created as `get_or_create_unit` would
    (in the order given), with two indexed look-ups for all of them instead of queries per name.

    Returns ({name as given: unit id}, number of units created).
    """
    db = as_writer(db)
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
    if wanted:
        params: dict[str, Any] = {}
        where = db.in_list("name", wanted, params, "names")
        by_name.update(db.rows(f"SELECT name, id FROM units WHERE {where}", params))
        params = {}
        where = db.in_list("alias", wanted, params, "names")
        by_alias.update(db.rows(f"SELECT alias, unit_id FROM unit_aliases WHERE {where}", params))

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
                    db.execute(
                        "INSERT INTO unit_aliases (unit_id, alias) VALUES (:unit_id, :alias)",
                        {"unit_id": unit_id, "alias": name},
                    )
                    by_alias[name] = unit_id
                    break
        if unit_id is None:
            unit_id = db.insert(
                "INSERT INTO units (name, kind, created_at) VALUES (:name, :kind, :created_at)",
                {"name": name, "kind": unit_kind(name), "created_at": now_utc()},
            )
            by_name[name] = unit_id
            created += 1
        ids[name] = unit_id
    return {raw: ids[normal[raw]] for raw in raw_names}, created
