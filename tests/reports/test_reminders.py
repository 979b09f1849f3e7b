"""Which units get a 督办函 about which tasks, and the working-day reply deadline (queries only)."""

from __future__ import annotations

from datetime import date

import pytest

from taskctl.errors import InvalidValueError, NotFoundError
from taskctl.reports.reminders import add_working_days, letter_date, reminder_letters
from taskctl.store.engine import resolve_url
from taskctl.store.reader import open_reader
from tests.conftest import Runner


def test_working_days_skip_the_weekend() -> None:
    assert add_working_days(date(2026, 12, 3), 3) == date(2026, 12, 8)  # Thu → Tue
    assert add_working_days(date(2026, 12, 5), 1) == date(2026, 12, 7)  # Sat → Mon
    assert letter_date('{"date": "2026-01-02"}', None) == date(2026, 1, 2)
    assert letter_date("not json", date(2026, 1, 1)) == date(2026, 1, 1)


def test_letters_by_unit_role_order_and_groups_left_out(zj: Runner) -> None:
    zj.ok("status", "zj2012:二.2", "done")
    with open_reader(resolve_url(zj.db)) as db:
        letters = reminder_letters(db, as_of=date(2013, 1, 15))
        by_unit = {letter.unit: letter for letter in letters}
        assert "有关处室" not in by_unit  # a group placeholder only when named
        assert len(by_unit["高新处"].rows) == 6  # 7 led, one finished
        roles = [r["role"] for r in by_unit["计划处"].rows]
        assert roles == sorted(roles, key=["lead", "responsible", "support"].index)
        assert all(r["days_overdue"] == 15 for r in by_unit["高新处"].rows)
        soon = reminder_letters(db, as_of=date(2012, 12, 25), units=["高新"], within_days=7)
        assert [x.unit for x in soon] == ["高新处"] and soon[0].rows[0]["days_overdue"] == 0
        with pytest.raises(InvalidValueError, match="has no overdue tasks"):
            reminder_letters(db, as_of=date(2012, 12, 25), units=["高新"])
        with pytest.raises(NotFoundError, match="no unit has overdue tasks"):
            reminder_letters(db, as_of=date(2012, 12, 25))
        with pytest.raises(NotFoundError, match="unknown unit"):
            reminder_letters(db, as_of=date(2013, 1, 15), units=["不存在"])
