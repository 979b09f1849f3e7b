"""`list`, `units` and `documents` (reports/tasks.py) on the real seeds: the counts come from the
documents themselves (the by-eye table of zj2012 in tests/ingest/test_seeds.py), not from the output."""

from __future__ import annotations

from collections import Counter

from tests.conftest import CLOCK_START, Runner, seed
from tests.ingest.test_seeds import ZJ2012

GROUPS = {"各有关处室", "有关处室", "各市、县科技局", "有关市、县科技局"}


def test_units_count_every_role_the_document_gives(zj: Runner) -> None:
    leads = Counter(unit for _n, _p, lead, _s in ZJ2012 for unit in lead)
    supports = Counter(unit for _n, _p, _l, support in ZJ2012 for unit in support)
    rows = zj.json("units")
    assert {r["unit"] for r in rows} == set(leads) | set(supports)
    for r in rows:
        assert (r["lead_count"], r["support_count"], r["responsible_count"]) == (
            leads[r["unit"]],
            supports[r["unit"]],
            0,
        ), r["unit"]
        assert r["kind"] == ("group" if r["unit"] in GROUPS else "department"), r["unit"]
        assert r["aliases"] == []


def test_units_departments_only_hides_exactly_the_group_placeholders(zj: Runner) -> None:
    every = zj.json("units")
    departments = zj.json("units", "--departments-only")
    assert departments == [r for r in every if r["unit"] not in GROUPS]
    assert {r["unit"] for r in every} - {r["unit"] for r in departments} == GROUPS


def test_documents_lists_keys_titles_periods_and_task_counts(run: Runner, clock) -> None:  # type: ignore[no-untyped-def]
    assert run.json("documents") == []
    run.ok("import", seed("zj2012"), seed("sc2012"))
    docs = run.json("documents")
    assert [(d["key"], d["title"], d["period"], d["tasks"], d["source"]) for d in docs] == [
        ("zj2012", "省科技厅2012年工作要点及责任分解", "2012年", 26, seed("zj2012")),
        ("sc2012", "四川省2012年科技工作要点", "2012年", 35, seed("sc2012")),
    ]
    assert {d["imported_at"][:10] for d in docs} == {CLOCK_START.date().isoformat()}
    table = run.ok("--lang", "en", "documents")
    assert "zj2012" in table and "sc2012" in table and "省科技厅2012年工作要点及责任分解" in table


def test_list_status_filter_is_repeatable(zj: Runner) -> None:
    zj.ok("status", "zj2012:一.1", "accepted")
    zj.ok("status", "zj2012:二.1", "done")
    zj.ok("status", "zj2012:三.1", "in_progress")
    assert [r["number"] for r in zj.json("list", "--status", "accepted")] == ["一.1"]
    both = zj.json("list", "-s", "done", "-s", "in_progress")
    assert [(r["number"], r["status"]) for r in both] == [("二.1", "done"), ("三.1", "in_progress")]
    assigned = zj.json("list", "--status", "assigned")
    assert len(assigned) == 26 - 3
    assert {r["status"] for r in assigned} == {"assigned"}


def test_list_unit_and_status_filters_combine(zj: Runner) -> None:
    gx = [n for n, _p, lead, support in ZJ2012 if "高新处" in lead + support]
    assert [r["number"] for r in zj.json("list", "--unit", "高新")] == gx
    zj.ok("status", f"zj2012:{gx[0]}", "done")
    assert [r["number"] for r in zj.json("list", "--unit", "高新", "--status", "done")] == [gx[0]]
    assert [r["number"] for r in zj.json("list", "--unit", "高新", "-s", "assigned")] == gx[1:]


def test_list_status_reads_labels_and_refuses_unknown_words(zj: Runner) -> None:
    zj.ok("status", "zj2012:二.1", "done")
    zj.ok("status", "zj2012:三.1", "in_progress")
    assert [r["number"] for r in zj.json("list", "--status", "已办结")] == ["二.1"]
    assert [r["number"] for r in zj.json("list", "--status", "in progress")] == ["三.1"]
    assert "unknown status 'bogus'" in zj.fails("list", "--status", "bogus").stderr
