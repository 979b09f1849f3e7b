"""`calendar` (reports/calendar.py, render/ics.py) through the CLI: which tasks become events (open
only unless --all, --unit, --document), the reminder (--remind), and `-o -` for standard output."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.conftest import Runner, seed
from tests.ingest.test_seeds import ZJ2012


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def summaries(data: bytes) -> list[str]:
    return [str(e["summary"]) for e in events(data)]


def test_open_tasks_only_unless_all(zj: Runner, tmp_path: Path) -> None:
    zj.ok("status", "zj2012:一.1", "done")
    zj.ok("status", "zj2012:一.2", "suspended")
    zj.ok("status", "zj2012:一.3", "cancelled")
    path = tmp_path / "open.ics"
    result = zj("--lang", "en", "calendar", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"23 deadlines written to {path}\n"
    numbers = {s.split()[0].split("】")[-1] for s in summaries(path.read_bytes())}
    assert numbers == {n for n, *_ in ZJ2012} - {"一.1", "一.2", "一.3"}
    zj.ok("calendar", "-o", str(path), "--all")
    assert len(events(path.read_bytes())) == 26


def test_remind_sets_the_alarm_and_zero_leaves_it_out(zj: Runner, tmp_path: Path) -> None:
    path = tmp_path / "d.ics"
    zj.ok("calendar", "-o", str(path), "--remind", "3")
    found = events(path.read_bytes())
    assert len(found) == 26
    for event in found:
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(days=-3)
        assert event.decoded("dtstart") == date(2012, 12, 31)
    zj.ok("calendar", "-o", str(path), "--remind", "0")
    assert all(list(e.walk("VALARM")) == [] for e in events(path.read_bytes()))
    default = tmp_path / "default.ics"
    zj.ok("calendar", "-o", str(default))
    (alarm,) = events(default.read_bytes())[0].walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-7)


def test_dash_writes_the_calendar_to_standard_output(zj: Runner) -> None:
    result = zj("calendar", "-o", "-", "--unit", "法规处")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    fg = [n for n, _p, lead, support in ZJ2012 if "法规处" in lead + support]
    assert sorted(s.split()[0].split("】")[-1] for s in summaries(data)) == sorted(fg)
    assert "taskctl 完成时限 · 法规处" in Calendar.from_ical(data)["x-wr-calname"]


def test_document_filter(zj: Runner, tmp_path: Path) -> None:
    zj.ok("import", seed("gd2012"))
    path = tmp_path / "zj.ics"
    zj.ok("calendar", "-o", str(path), "--document", "zj2012")
    uids = {str(e["uid"]) for e in events(path.read_bytes())}
    assert len(uids) == 26
    assert all(uid.startswith("taskctl-zj2012-") for uid in uids)
    zj.ok("calendar", "-o", str(path))
    assert len(events(path.read_bytes())) == 26 + 27
    assert "unknown document" in zj.fails("calendar", "-o", str(path), "-d", "nosuch").stderr
