"""The weekly trend (open, done, overdue at each of the last 8 weeks' ends) against a history built
day by day: every Sunday the live `weekly` is recorded, and afterwards the trend of any past `--week`
must give back exactly what was seen on those Sundays. Also the charts of `weekly -o 周报.xlsx`, the
trend table of the .docx and the bar block on the terminal."""

from __future__ import annotations

import json
import time
import zipfile
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.conftest import Runner, seed

START = date(2026, 10, 5)  # a Monday, ISO week 2026-W41
DAYS = 56  # eight weeks


@pytest.fixture
def day_clock(monkeypatch: pytest.MonkeyPatch) -> dict[str, datetime]:
    """Every change is stamped at `clock["now"]` (UTC) plus a second per stamp; China's time zone,
    so that 04:00 UTC is midday of the same local day."""
    import taskctl.store.imports as imports
    import taskctl.store.reminders as reminders
    import taskctl.store.tracking as tracking
    import taskctl.store.units as units

    clock = {"now": datetime(2026, 1, 1)}

    def now() -> datetime:
        clock["now"] += timedelta(seconds=1)
        return clock["now"]

    for module in (imports, tracking, units, reminders):
        monkeypatch.setattr(module, "now_utc", now)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield clock
    monkeypatch.undo()
    time.tzset()


def week_name(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly(run: Runner, week: str) -> dict:
    return json.loads(run.ok("weekly", "--week", week, "--format", "json"))


def trend(doc: dict) -> list[dict]:
    return next(s["rows"] for s in doc["sections"] if s["key"] == "trend")


def build_history(run: Runner, clock: dict[str, datetime]) -> dict[str, dict]:
    """Eight weeks of changes, one day at a time; what `weekly --as-of` said on each Sunday, by
    week (on Wednesdays too: then the trend's last point is that day)."""
    seen: dict[str, dict] = {}
    ids: list[int] = []
    for d in range(DAYS):
        day = START + timedelta(days=d)
        clock["now"] = datetime.combine(day, datetime.min.time()) + timedelta(hours=4)
        if d == 0:
            run.ok("import", seed("zj2012"), "--key", "zj")
            ids = [t["id"] for t in run.json("list")]
            for k, task in enumerate(ids):
                when = (START + timedelta(days=2 * k + 3)).isoformat()
                run.ok("deadline", str(task), when, "--note", "排期")
        else:
            task = str(ids[d % len(ids)])
            status = run.json("show", task)["status"]
            if status == "assigned":
                run.ok("status", task, "accepted")
            elif status == "accepted":
                run.ok("status", task, "done")
            elif status == "done" and d % 3 == 0:
                run.ok("status", task, "in_progress", "--note", "复核未通过")
            if d % 5 == 0:
                other = str(ids[(d * 7) % len(ids)])
                later = (day + timedelta(days=14)).isoformat()
                run.ok("deadline", other, later, "--note", "延期")
        if day.weekday() in (2, 6):  # Wednesday: a week not over; Sunday: its end
            doc = json.loads(run.ok("weekly", "--as-of", day.isoformat(), "--format", "json"))
            headline = {r["key"]: r["value"] for r in doc["rows"]}
            done = len(run.json("list", "--status", "done", "--status", "closed"))
            now = {"open": headline["open"], "done": done, "overdue": headline["overdue"]}
            last = trend(doc)[-1]
            assert (last["week"], last["week_end"]) == (week_name(day), day.isoformat())
            assert {k: last[k] for k in now} == now, day
            if day.weekday() == 6:
                seen[week_name(day)] = now
    return seen


def test_the_trend_of_any_past_week_is_what_was_seen_then(
    run: Runner, day_clock: dict[str, datetime]
) -> None:
    seen = build_history(run, day_clock)
    assert len(seen) == 8
    assert len({tuple(v.values()) for v in seen.values()}) > 4  # the numbers do move
    weeks = sorted(seen)
    day_clock["now"] = datetime(2026, 12, 20, 4)  # weeks later: nothing changes any more
    for last in (weeks[-1], weeks[4], weeks[0]):
        rows = trend(weekly(run, last))
        assert len(rows) == 8
        assert rows[-1]["week"] == last
        for row in rows:
            expected = seen.get(row["week"], {"open": 0, "done": 0, "overdue": 0})
            assert {k: row[k] for k in ("open", "done", "overdue")} == expected, row["week"]
        ends = [date.fromisoformat(r["week_end"]) for r in rows]
        assert all(b - a == timedelta(days=7) for a, b in pairwise(ends))


def test_weekly_xlsx_has_native_charts_with_the_right_series(zj: Runner, tmp_path: Path) -> None:
    zj.ok("status", "zj2012:一.1", "done")
    out = tmp_path / "周报.xlsx"
    zj.ok("weekly", "--week", "2013-W03", "-o", str(out))
    wb = load_workbook(out)
    assert wb.sheetnames[-2:] == ["近 8 周趋势", "图表"]
    charts = wb["图表"]._charts
    assert [type(c).__name__ for c in charts] == ["BarChart", "LineChart"]
    workload = {r["unit"]: r for r in zj.json("workload", "--as-of", "2013-01-20")}
    leads = [u for u, r in workload.items() if r["lead_total"]]

    def length(ref: str) -> int:
        first, last = (int("".join(filter(str.isdigit, p))) for p in ref.split("!")[1].split(":"))
        return last - first + 1

    bar, line = charts
    assert len(bar.series) == 2 and len(line.series) == 3
    assert {length(s.val.numRef.f) for s in bar.series} == {len(leads)}
    assert {length(s.val.numRef.f) for s in line.series} == {8}
    ws = wb["图表"]
    assert ws["B1"].value == "办结" and ws["C1"].value == "逾期"
    names = [ws.cell(row=i, column=1).value for i in range(2, len(leads) + 2)]
    assert set(names) == set(leads)
    assert ws.cell(row=names.index("法规处") + 2, column=2).value == 1  # the one it finished
    xml = zipfile.ZipFile(out).read("xl/charts/chart1.xml").decode()
    assert "各牵头单位办结与逾期任务" in xml and "任务数" in xml
    assert '<delete val="0"/>' in xml
    en = tmp_path / "weekly.xlsx"
    zj.ok("--lang", "en", "weekly", "--week", "2013-W03", "--lang", "en", "-o", str(en))
    xml = zipfile.ZipFile(en).read("xl/charts/chart2.xml").decode()
    assert "Trend of the last 8 weeks" in xml and "Week" in xml


def test_weekly_docx_and_terminal_show_the_trend(
    clock: datetime, zj: Runner, tmp_path: Path
) -> None:
    """Imported on 2026-11-25 (the `clock`): the weeks before hold nothing yet."""
    out = tmp_path / "周报.docx"
    zj.ok("weekly", "--week", "2026-W48", "-o", str(out))
    doc = Document(str(out))
    table = next(
        t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["周次", "截至日期"]
    )
    assert len(table.rows) == 9
    assert [c.text for c in table.rows[0].cells] == ["周次", "截至日期", "未办结", "已办结", "逾期"]
    assert [c.text for c in table.rows[-1].cells] == ["2026-W48", "2026-11-29", "26", "0", "26"]
    assert [c.text for c in table.rows[-2].cells] == ["2026-W47", "2026-11-22", "0", "0", "0"]
    text = zj.ok("weekly", "--week", "2026-W48")
    block = text[text.index("近 8 周趋势") :]
    assert "2026-W48  2026-11-29  26      ██████████  0       ░░░░░░░░░░  26    ██████████" in block
    assert "2026-W41" in block
