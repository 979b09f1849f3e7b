"""Date phrases: deadlines in plan text, and dates typed by a user (fixed `today`)."""

from __future__ import annotations

from datetime import date

import pytest

from taskctl.dates import parse_when
from taskctl.errors import InvalidValueError
from taskctl.ingest.deadlines import find_deadline, is_time_phrase, ongoing_phrase

Y2012 = (date(2012, 1, 1), date(2012, 12, 31))
Y2017_2020 = (date(2017, 1, 1), date(2020, 12, 31))


@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        ("2023年6月底前完成制度修订。", Y2012, (date(2023, 6, 30), "2023年6月底前")),
        ("6月底前完成。", Y2012, (date(2012, 6, 30), "6月底前")),
        ("6月底完成。", Y2012, (date(2012, 6, 30), "6月底")),
        ("6月前出台办法。", Y2012, (date(2012, 6, 30), "6月前")),
        ("年底前完成验收。", Y2012, (date(2012, 12, 31), "年底前")),
        ("年底完成验收。", Y2012, (date(2012, 12, 31), "年底")),
        ("年内建成。", Y2012, (date(2012, 12, 31), "年内")),
        ("上半年启动。", Y2012, (date(2012, 6, 30), "上半年")),
        ("下半年完成。", Y2012, (date(2012, 12, 31), "下半年")),
        ("第三季度完成。", Y2012, (date(2012, 9, 30), "第三季度")),
        ("三季度完成。", Y2012, (date(2012, 9, 30), "三季度")),
        ("一季度完成。", Y2012, (date(2012, 3, 31), "一季度")),
        ("力争到2020年,建成100家。", Y2017_2020, (date(2020, 12, 31), "到2020年")),
        ("2020年底前完成。", Y2017_2020, (date(2020, 12, 31), "2020年底前")),
        ("2020年前建成。", Y2017_2020, (date(2020, 12, 31), "2020年前")),
        ("2012年12月31日前完成。", Y2012, (date(2012, 12, 31), "2012年12月31日前")),
        ("2012年12月31日完成。", Y2012, (date(2012, 12, 31), "2012年12月31日")),
        ("3月15日前报送。", Y2012, (date(2012, 3, 15), "3月15日前")),
        ("６月底前完成。", Y2012, (date(2012, 6, 30), "6月底前")),
        ("六月底前完成。", Y2012, (date(2012, 6, 30), "六月底前")),
        # several phrases: the latest wins
        ("3月底前制定方案,9月底前完成。", Y2012, (date(2012, 9, 30), "9月底前")),
        # multi-year plan: a phrase without a year takes the last year
        ("6月底前完成。", Y2017_2020, (date(2020, 6, 30), "6月底前")),
        # a 前/底 phrase wins over a bare date
        ("3月15日召开会议,年底前完成。", Y2012, (date(2012, 12, 31), "年底前")),
    ],
)
def test_find_deadline(text: str, period: tuple[date, date], expected: tuple[date, str]) -> None:
    assert find_deadline(text, *period) == expected


@pytest.mark.parametrize(
    "text",
    [
        "力争2012年全社会科技投入增长15%以上。",
        "2012年是实施“十二五”科技规划承上启下重要的一年。",
        "全面落实《国家中长期科技人才发展规划(2010-2020年)》。",
        "编制《绵阳科技城“十四五”发展规划和2035年远景目标纲要》。",
        "开展年中通报、年终考评。",
        "力争通过5年的努力,三年内建成。",
        "每季度报送进展。",
        "实施“十二五”科技发展规划。",
        "",
    ],
)
def test_find_deadline_none(text: str) -> None:
    assert find_deadline(text, *Y2012) == (None, None)


def test_find_deadline_without_period() -> None:
    assert find_deadline("6月底前完成。", None, None) == (None, None)
    assert find_deadline("2020年底前完成。", None, None) == (date(2020, 12, 31), "2020年底前")


TODAY = date(2026, 3, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        ("2026/12/31", date(2026, 12, 31)),
        ("2026.12.31", date(2026, 12, 31)),
        ("20261231", date(2026, 12, 31)),
        ("Dec 31 2026", date(2026, 12, 31)),
        ("31 December 2026", date(2026, 12, 31)),
        ("12/31/2026", date(2026, 12, 31)),
        ("６月底前", date(2026, 6, 30)),
        ("6月底", date(2026, 6, 30)),
        ("2月底", date(2027, 2, 28)),
        ("3月底", date(2026, 3, 31)),
        ("年底", date(2026, 12, 31)),
        ("年底前", date(2026, 12, 31)),
        ("上半年", date(2026, 6, 30)),
        ("下周五", date(2026, 3, 27)),
        ("本周五", date(2026, 3, 20)),
        ("周五", date(2026, 3, 20)),
        ("星期三", date(2026, 3, 18)),
        ("周一", date(2026, 3, 23)),
        ("3月15日", date(2027, 3, 15)),
        ("3月18日", date(2026, 3, 18)),
        ("4月1日前", date(2026, 4, 1)),
        ("2027年3月15日", date(2027, 3, 15)),
        ("2月29日", date(2028, 2, 29)),
        ("今天", date(2026, 3, 18)),
        ("明天", date(2026, 3, 19)),
        ("后天", date(2026, 3, 20)),
        ("月底", date(2026, 3, 31)),
        ("下月底", date(2026, 4, 30)),
        ("+2w", date(2026, 4, 1)),
        ("+10d", date(2026, 3, 28)),
        ("+1m", date(2026, 4, 18)),
        ("-3d", date(2026, 3, 15)),
        ("+1y", date(2027, 3, 18)),
        ("  2026-12-31  ", date(2026, 12, 31)),
    ],
)
def test_parse_when(text: str, expected: date) -> None:
    assert parse_when(text, TODAY) == expected


def test_parse_when_month_end_relative_to_january_31() -> None:
    assert parse_when("+1m", date(2026, 1, 31)) == date(2026, 2, 28)
    assert parse_when("下月底", date(2026, 12, 15)) == date(2027, 1, 31)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2月30日", "2月30日: February has no day 30"),
        ("13月1日", "13月1日: there is no month 13"),
        ("2026-02-30", "2026-02-30: February has no day 30"),
        ("2027年2月29日", "2027年2月29日: February 2027 has no day 29"),
        ("4月31日", "4月31日: April has no day 31"),
        ("01/02/03", "01/02/03: ambiguous date, write it as YYYY-MM-DD"),
        (
            "01/02/2026",
            "01/02/2026: ambiguous date (day/month or month/day?), write it as YYYY-MM-DD",
        ),
        ("2026-13-01", "2026-13-01: there is no month 13"),
        ("", "empty date"),
        ("someday", "someday: not a date I can read"),
        ("下下周", "下下周: not a date I can read"),
        ("Dec 2026", "Dec 2026: give a day and a month"),
    ],
)
def test_parse_when_errors(text: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as error:
        parse_when(text, TODAY)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年底前完成", True),
        ("6月底前", True),
        ("第三季度", True),
        ("持续推进", True),
        ("长期坚持", True),
        ("每季度", True),
        ("省科技厅", False),
        ("财政部等按职责分工负责", False),
        ("", False),
    ],
)
def test_is_time_phrase(text: str, expected: bool) -> None:
    assert is_time_phrase(text) is expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("持续推进", "持续推进"),
        ("长期坚持,每年评估", "长期坚持"),
        ("每季度报送", "每季度"),
        ("6月底前", None),
    ],
)
def test_ongoing_phrase(text: str, phrase: str | None) -> None:
    assert ongoing_phrase(text) == phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年9月", date(2026, 9, 30)),
        ("9月", date(2026, 9, 30)),
        ("2027年", date(2027, 12, 31)),
        ("2026年9月15日", date(2026, 9, 15)),
        ("2027年3月底前", date(2027, 3, 31)),
    ],
)
def test_a_deadline_field_takes_a_bare_month_or_year(text: str, expected: date) -> None:
    period = (date(2026, 1, 1), date(2026, 12, 31))
    assert find_deadline(text, *period, labelled=True) == (expected, text)


def test_a_bare_month_in_running_text_is_not_a_deadline() -> None:
    assert find_deadline("2026年9月召开全省科技大会", date(2026, 1, 1), date(2026, 12, 31)) == (
        None,
        None,
    )
