"""Warning lights: red past the deadline, yellow near it or behind the elapsed share, else green."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from taskctl.reports.lights import LightRules, days_overdue, expected_percent, light

START = date(2012, 1, 1)
DEADLINE = date(2012, 12, 31)


def _light(status="assigned", deadline=DEADLINE, percent=None, start=START, as_of=None, **kw):
    return light(status=status, deadline=deadline, percent=percent, start=start, as_of=as_of, **kw)


def test_red_the_day_after_the_deadline_not_on_it() -> None:
    assert _light(as_of=date(2013, 1, 1)) == "red"
    assert _light(as_of=date(2012, 12, 31)) == "yellow"


def test_yellow_inside_the_warning_window_and_green_before_it() -> None:
    assert _light(as_of=date(2012, 12, 24)) == "yellow"  # 7 days left
    assert _light(as_of=date(2012, 12, 23)) == "green"  # 8 days left
    wide = LightRules(warn_days=30)
    assert _light(as_of=date(2012, 12, 1), rules=wide) == "yellow"


def test_yellow_when_reported_percent_trails_the_elapsed_share() -> None:
    mid = date(2012, 7, 1)  # about half of the year has passed
    assert round(expected_percent(START, DEADLINE, mid)) == 50
    assert _light(as_of=mid, percent=29) == "yellow"  # 21 points behind
    assert _light(as_of=mid, percent=31) == "green"  # 19 points behind
    assert _light(as_of=mid, percent=29, rules=LightRules(lag_points=25)) == "green"


def test_no_percent_reported_is_judged_on_the_deadline_only() -> None:
    assert _light(as_of=date(2012, 11, 1), percent=None) == "green"


def test_start_may_be_a_creation_timestamp_and_missing_spans_are_ignored() -> None:
    assert _light(start=datetime(2012, 1, 1, 9, 30), as_of=date(2012, 7, 1), percent=0) == "yellow"
    assert expected_percent(None, DEADLINE, date(2012, 7, 1)) is None
    assert expected_percent(DEADLINE, DEADLINE, date(2012, 7, 1)) is None
    assert _light(deadline=None, as_of=date(2030, 1, 1), percent=0) == "green"


@pytest.mark.parametrize("status", ["done", "closed", "suspended", "cancelled"])
def test_finished_and_inactive_tasks_get_no_light(status: str) -> None:
    assert _light(status=status, as_of=date(2013, 6, 1)) is None


@pytest.mark.parametrize("status", ["assigned", "accepted", "in_progress"])
def test_every_active_status_can_be_red(status: str) -> None:
    assert _light(status=status, as_of=date(2013, 6, 1)) == "red"


def test_days_overdue() -> None:
    assert days_overdue(DEADLINE, date(2013, 1, 15)) == 15
    assert days_overdue(DEADLINE, date(2012, 12, 30)) == -1
    assert days_overdue(None, date(2013, 1, 15)) is None
