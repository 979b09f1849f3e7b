"""Values that reach SQL are bound parameters: hostile unit names, keys and texts are stored verbatim
and leave every table in place (import, assign, list --unit, progress, --key; both engines)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from taskctl.store.engine import resolve_url
from taskctl.store.models import Base
from taskctl.store.units import normalize_unit_name
from tests.conftest import Runner

HOSTILE = [
    "'; DROP TABLE tasks;--",
    "Robert'); DROP TABLE units;--",
    '" OR ""="',
    "1' OR '1'='1",
    "x%' AND 1=1 --",
    "甲处\\'; DELETE FROM events; --",
    "处室_%",
]

# The parser ends an annotation at ')' and splits units at ';' and ',', and its unit guard wants a
# name that ends like a unit (处, 办) and holds no symbol (`=`, `%`, `*` …): the document carries
# hostile names shaped so (quotes, SQL words, a comment, a LIKE wildcard `_`); assign and list get
# the full set.
DOCUMENT = """注入测试工作要点
一、重点工作
1.完成第一项任务。(牵头单位:甲' OR '1'处,配合单位:DROP TABLE tasks--办)
2.完成第二项任务。(牵头单位:乙处\" OR \"\"处,配合单位:_' --办)
"""
DOCUMENT_UNITS = ["甲' OR '1'处", "DROP TABLE tasks--办", '乙处" OR ""处', "_' --办"]


def tables(db_url: str) -> dict[str, int]:
    engine = create_engine(resolve_url(db_url))
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            return {n: conn.execute(text(f"SELECT count(*) FROM {n}")).scalar() for n in names}
    finally:
        engine.dispose()


def unit_names(run: Runner) -> set[str]:
    return {row["unit"] for row in json.loads(run.ok("units", "--format", "json"))}


def assert_intact(db_url: str) -> dict[str, int]:
    found = tables(db_url)
    assert {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"} <= set(found)
    return found


def test_hostile_unit_names_in_a_document(run: Runner, db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "inject.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    run.ok("import", str(doc), "--key", "inject")
    counts = assert_intact(db_url)
    assert counts["tasks"] == 3
    names = unit_names(run)
    for name in DOCUMENT_UNITS:
        assert normalize_unit_name(name) in names
    out = json.loads(run.ok("list", "--unit", "甲' OR '1'处", "--format", "json"))
    assert len(out) == 1, "the quote matches one unit, not every row"
    out = json.loads(run.ok("list", "--unit", "_' --办", "--format", "json"))
    assert len(out) == 1, "the wildcard matches one unit, not every row"


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_through_assign_and_list(
    run: Runner, db_url: str, tmp_path, name: str
) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "plain.txt"
    doc.write_text("测试工作要点\n一、工作\n1.第一项任务。(牵头单位:法规处)\n", encoding="utf-8")
    run.ok("import", str(doc), "--key", "plain")
    before = assert_intact(db_url)

    # an unknown hostile name is just an unknown unit
    assert "unknown unit" in run.fails("list", "--unit", name).stderr
    run.ok("assign", "plain:一.1", "--lead", name, "--new", "--note", name)
    after = assert_intact(db_url)
    assert after["tasks"] == before["tasks"]
    assert after["units"] == before["units"] + 1
    assert after["events"] == before["events"] + 1
    assert normalize_unit_name(name) in unit_names(run), "stored verbatim (after normalising)"

    rows = json.loads(run.ok("list", "--unit", name, "--format", "json"))
    assert len(rows) == 1
    # free text is stored exactly as typed
    run.ok("progress", "plain:一.1", name)
    history = run.ok("history", "plain:一.1")
    assert name in history
    assert_intact(db_url)


def test_hostile_document_key(run: Runner, db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "k.txt"
    doc.write_text("测试工作要点\n一、工作\n1.第一项任务。(牵头单位:法规处)\n", encoding="utf-8")
    key = "x'; DROP TABLE documents;--"
    run.ok("import", str(doc), "--key", key)
    assert_intact(db_url)
    docs = json.loads(run.ok("documents", "--format", "json"))
    assert [d["key"] for d in docs] == [key]
    assert len(json.loads(run.ok("list", "--document", key, "--format", "json"))) == 1


def test_like_wildcards_in_a_document_reference(run: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "w.txt"
    doc.write_text("测试工作要点\n一、工作\n1.第一项任务。(牵头单位:法规处)\n", encoding="utf-8")
    run.ok("import", str(doc), "--key", "plan2026")
    for ref in ("%", "_lan2026", "plan%"):
        assert "unknown document" in run.fails("list", "--document", ref).stderr
    assert len(json.loads(run.ok("list", "--document", "plan", "--format", "json"))) == 1
