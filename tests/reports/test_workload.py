"""`workload`: one row per unit, aggregated by the database, on the real zj2012 seed."""

from __future__ import annotations

from tests.conftest import Runner, seed

REQUIRED_KEYS = {
    "unit",
    "lead_total",
    "lead_open",
    "lead_done",
    "lead_overdue",
    "support_total",
    "support_open",
    "support_overdue",
}
# Deliberate extras (see taskctl/reports/workload.py): unit kind, responsible counts, completion rate.
EXTRA_KEYS = {
    "kind",
    "responsible_total",
    "responsible_open",
    "responsible_overdue",
    "completion_rate",
}


def _workload(run: Runner, *args: str) -> list[dict]:
    return run.json("workload", "--as-of", "2013-01-15", *args)


def test_gaoxinchu_leads_7_tasks_all_overdue(zj: Runner) -> None:
    rows = _workload(zj)
    assert set(rows[0]) == REQUIRED_KEYS | EXTRA_KEYS
    by_unit = {r["unit"]: r for r in rows}
    gx = by_unit["高新处"]
    assert (gx["lead_total"], gx["lead_open"], gx["lead_done"], gx["lead_overdue"]) == (7, 7, 0, 7)
    assert gx["support_total"] == 0
    assert gx["completion_rate"] == 0
    assert rows[0]["unit"] == "高新处"  # the most overdue lead work comes first
    # 2.1 names 成果处、人事处 as leads; every lead link of the seed is counted once
    assert sum(r["lead_total"] for r in rows) == 47
    assert sum(r["lead_overdue"] for r in rows) == 47


def test_done_and_open_counts_follow_status_changes(zj: Runner) -> None:
    zj.ok("status", "zj2012:三.1", "done")
    zj.ok("status", "zj2012:三.2", "done")
    zj.ok("status", "zj2012:四.3", "cancelled")
    gx = {r["unit"]: r for r in _workload(zj)}["高新处"]
    assert (gx["lead_total"], gx["lead_open"], gx["lead_done"], gx["lead_overdue"]) == (7, 4, 2, 4)
    assert gx["completion_rate"] == 33  # 2 of the 6 not cancelled
    before = {r["unit"]: r for r in _workload(zj, "--as-of", "2012-12-31")}["高新处"]
    assert before["lead_overdue"] == 0


def test_groups_listed_after_departments_or_hidden(zj: Runner) -> None:
    rows = _workload(zj)
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds)  # department < group
    groups = {r["unit"] for r in rows if r["kind"] == "group"}
    assert "有关处室" in groups
    assert {r["unit"]: r for r in rows}["有关处室"]["support_total"] == 21
    only = _workload(zj, "--departments-only")
    assert {r["kind"] for r in only} == {"department"}
    assert len(only) == len(rows) - len(groups)


def test_sort_orders(zj: Runner) -> None:
    by_name = [r["unit"] for r in _workload(zj, "--sort", "name", "--departments-only")]
    assert by_name == sorted(by_name)
    by_lead = [r["lead_total"] for r in _workload(zj, "--sort", "lead", "--departments-only")]
    assert by_lead == sorted(by_lead, reverse=True)
    by_support = _workload(zj, "--sort", "support")
    departments = [r["support_total"] for r in by_support if r["kind"] == "department"]
    assert departments == sorted(departments, reverse=True)


def test_document_filter_and_bar_on_the_terminal(zj: Runner) -> None:
    zj.ok("import", seed("sc2012"))  # no units: adds nothing
    assert _workload(zj, "--document", "zj2012") == _workload(zj)
    assert _workload(zj, "--document", "sc2012") == []
    zj.ok("status", "zj2012:三.1", "done")
    out = zj.ok("workload", "--as-of", "2013-01-15", "--departments-only")
    line = next(line for line in out.splitlines() if line.startswith("高新处"))
    assert "█" in line and "░" in line
