"""Warning lights (红黄绿灯) as supervision offices use them, computed against a day, never stored.

- red: an active task (待签收 / 已签收 / 办理中) past its deadline;
- yellow: an active task due within `warn_days`, or whose reported percent is behind the elapsed share
  of its time (序时进度) by more than `lag_points`;
- green: any other active task (including one without a deadline);
- no light (None): finished (已办结 / 已销号) and inactive (暂缓 / 已取消) tasks. They are no longer owed,
  so a light would only add noise; every renderer shows an empty cell for them.

The elapsed share runs from the task's start — the plan period's start (`documents.period_start`), else
the day the task was created — to its deadline. A task without a reported percent is not judged on pace
(nobody has said how far it is), only on its deadline.

Only `as_of` moves: statuses and percents are the ones recorded now.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from taskctl.lifecycle import ACTIVE

LIGHTS = ("red", "yellow", "green")
#: Order for sorting: the worst first.
SEVERITY = {"red": 0, "yellow": 1, "green": 2, None: 3}


class LightRules(NamedTuple):
    """The thresholds, in one place: the warning window in days and the allowed lag in points."""

    warn_days: int = 7
    lag_points: int = 20


DEFAULT_RULES = LightRules()


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def expected_percent(
    start: date | datetime | None, deadline: date | None, as_of: date
) -> float | None:
    """The elapsed share of the task's time (序时进度) on `as_of`, 0–100; None without a usable span."""
    start = _as_date(start)
    if start is None or deadline is None or deadline <= start:
        return None
    share = (as_of - start).days / (deadline - start).days * 100
    return max(0.0, min(100.0, share))


def light(
    *,
    status: str,
    deadline: date | None,
    percent: int | None,
    start: date | datetime | None,
    as_of: date,
    rules: LightRules = DEFAULT_RULES,
) -> str | None:
    """The light of one task on `as_of`: 'red', 'yellow', 'green', or None when it is not owed."""
    return _light(status, deadline, percent, start, as_of, rules)


def _light(
    status: str,
    deadline: date | None,
    percent: int | None,
    start: date | datetime | None,
    as_of: date,
    rules: LightRules,
) -> str | None:
    if status not in ACTIVE:
        return None
    if deadline is not None:
        days_left = (deadline - as_of).days
        if days_left < 0:
            return "red"
        if days_left <= rules.warn_days:
            return "yellow"
    if percent is not None:
        expected = expected_percent(start, deadline, as_of)
        if expected is not None and expected - percent > rules.lag_points:
            return "yellow"
    return "green"


def days_overdue(deadline: date | None, as_of: date) -> int | None:
    """Whole days past the deadline on `as_of` (0 on the deadline day itself), None without one."""
    if deadline is None:
        return None
    return (as_of - deadline).days


def attach_lights(rows: list[dict], as_of: date, rules: LightRules = DEFAULT_RULES) -> None:
    """Set `light` on task rows (which carry status, deadline, percent and start)."""
    for r in rows:
        r["light"] = _light(
            r["status"], r["deadline"], r.get("percent"), r.get("start"), as_of, rules
        )
