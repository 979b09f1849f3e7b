"""Recording 督办函: numbers per year from the stored events, one event per task, versions kept."""

from __future__ import annotations

from datetime import date

from taskctl.store.reader import SqlaReader
from taskctl.store.reminders import (
    Letter,
    format_number,
    next_sequence,
    number_letters,
    parse_number,
    record_letters,
)
from tests.conftest import Runner


def test_numbers_parse_and_format() -> None:
    assert format_number(2026, 3) == "〔2026〕3号"
    assert parse_number("〔2026〕12号") == (2026, 12)
    assert parse_number("〔2026〕号") is None and parse_number(None) is None


def test_numbering_counts_on_per_year_and_records_one_event_per_task(zj: Runner, store) -> None:  # type: ignore[no-untyped-def]
    ids = [t["id"] for t in zj.json("list")][:3]
    before = {i: zj.json("show", str(i))["version"] for i in ids}
    with store.writing() as session:
        letters = [
            Letter(1, "甲单位", [{"id": ids[0]}, {"id": ids[1]}]),
            Letter(2, "乙单位", [{"id": ids[1]}, {"id": ids[2]}]),
        ]
        number_letters(session, letters, date(2026, 5, 1))
        assert [x.number for x in letters] == ["〔2026〕1号", "〔2026〕2号"]
        written = record_letters(
            session,
            letters,
            day=date(2026, 5, 1),
            reply_by=date(2026, 5, 6),
            issuer="督查室",
            actor="王五",
        )
        assert written == 4
        assert next_sequence(SqlaReader(session), 2026) == 3
        assert next_sequence(SqlaReader(session), 2027) == 1
    after = {i: zj.json("show", str(i))["version"] for i in ids}
    assert after == {
        ids[0]: before[ids[0]] + 1,
        ids[1]: before[ids[1]] + 2,
        ids[2]: before[ids[2]] + 1,
    }
    chased = [e for e in zj.json("history", str(ids[1])) if e["kind"] == "reminded"]
    assert [(e["new"], e["actor"]) for e in chased] == [
        ("〔2026〕1号", "王五"),
        ("〔2026〕2号", "王五"),
    ]
    # a stale update names the reminder as what happened in between
    result = zj.fails("status", str(ids[1]), "accepted", "--expect-version", str(before[ids[1]]))
    assert "reminded ∅→〔2026〕1号" in result.stderr
