"""The history report: events in order, UTC stored and local shown, stable JSON keys, labels on screen."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from taskctl.render.text import plain_table, to_json
from taskctl.reports.history import HISTORY_KEYS, history_report
from taskctl.store import tracking
from taskctl.store.engine import Store
from taskctl.store.models import Event
from tests.store.test_tracking import seed_plan


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_history_in_order_with_local_time(store: Store, db_url: str, shanghai: None) -> None:
    ids = seed_plan(db_url)
    with store.writing() as s:
        tracking.set_status(s, ids[0], "accepted", actor="张三")
        tracking.add_progress(s, ids[0], "完成招标", actor="李四", percent=30)
        tracking.change_deadline(s, ids[0], date(2026, 9, 30), actor="王五", note="延期")
    with store.reading() as s:
        stored = list(s.scalars(select(Event).where(Event.task_id == ids[0]).order_by(Event.id)))
    with store.query() as db:
        report = history_report(db, ids[0], "zh")
    assert [r["kind"] for r in report.rows] == ["import", "status", "progress", "deadline"]
    for row, event in zip(report.rows, stored, strict=True):
        assert row["time"].utcoffset() == timedelta(hours=8)
        assert row["time"].replace(tzinfo=None) == event.created_at + timedelta(hours=8)
    data = json.loads(to_json(report))
    assert [tuple(d) for d in data] == [HISTORY_KEYS] * 4
    assert data[1] == {
        "time": data[1]["time"],
        "actor": "张三",
        "kind": "status",
        "old": "assigned",
        "new": "accepted",
        "note": None,
    }
    assert data[1]["time"].endswith("+08:00")
    assert data[2]["new"] == "30%" and data[2]["note"] == "完成招标"
    assert data[3]["old"] == "2026-06-30" and data[3]["new"] == "2026-09-30"
    text = plain_table(report, "zh")
    assert "待签收" in text and "已签收" in text and "进展" in text
    assert "版本 4，共 4 条记录" in text
    assert "assigned" not in text
    english = plain_table(history_report_en(store, ids[0]), "en")
    assert "accepted" in english and "deadline" in english


def history_report_en(store: Store, task_id: int):  # type: ignore[no-untyped-def]
    with store.query() as db:
        return history_report(db, task_id, "en")


def test_history_by_key_number_and_unknown_task(store: Store, db_url: str) -> None:
    from taskctl.errors import NotFoundError

    seed_plan(db_url)
    with store.query() as db:
        report = history_report(db, "p:一.2")
        assert report.title.startswith("p:一.2 ")
        assert len(report.rows) == 1
        with pytest.raises(NotFoundError):
            history_report(db, "p:九.9")
