"""Deadlines as an iCalendar file (icalendar, imported only here) for Outlook or a phone calendar.

One all-day event per task on its deadline, with a stable UID (`taskctl-<document>-<id>@taskctl`) so that
importing a newer file updates the entries instead of duplicating them, and a reminder `warn_days` before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from taskctl.labels import label


def ics_bytes(entries: list[dict[str, Any]], lang: str, *, name: str, warn_days: int = 7) -> bytes:
    """The calendar as bytes (CRLF lines, UTF-8)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//taskctl//deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = datetime.now(UTC)
    for e in entries:
        owners = e["lead"] or e["responsible"]
        event = Event()
        event.add("uid", f"taskctl-{e['document']}-{e['id']}@taskctl")
        event.add("dtstamp", stamp)
        event.add("dtstart", e["deadline"])
        event.add("dtend", e["deadline"] + timedelta(days=1))
        prefix = f"【{'、'.join(owners)}】" if owners else ""
        event.add("summary", f"{prefix}{e['number']} {e['title']}")
        lines = [
            f"{label('document', lang)}: {e['document']}:{e['number']} (#{e['id']})",
            f"{label('status', lang)}: {label('status.' + e['status'], lang)}",
        ]
        for key in ("lead", "support", "responsible", "persons"):
            if e.get(key):
                lines.append(f"{label(key, lang)}: {'、'.join(e[key])}")
        if e.get("deadline_text"):
            lines.append(f"{label('deadline_text', lang)}: {e['deadline_text']}")
        if e.get("full_text"):
            lines += ["", e["full_text"]]
        event.add("description", "\n".join(lines))
        event.add("categories", [label("deadline", lang)])
        event.add("transp", "TRANSPARENT")
        if warn_days > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event["summary"])
            alarm.add("trigger", timedelta(days=-warn_days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_ics(
    entries: list[dict[str, Any]], path: Path | str, lang: str, *, name: str, warn_days: int = 7
) -> None:
    """Write the calendar to `path` ('-' writes to standard output)."""
    data = ics_bytes(entries, lang, name=name, warn_days=warn_days)
    if str(path) == "-":
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    Path(path).write_bytes(data)
