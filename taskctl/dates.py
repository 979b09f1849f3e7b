"""Dates typed on the command line, the clock, and the pieces the deadline grammar is built of.

`parse_when` reads what a user types (`下周五`, `+2w`, `2026-12-31`, `3月15日`); deadlines inside plan
text are read by `taskctl.ingest.deadlines`, from the same building blocks (`YEAR`, `MONTH`, `DAY`,
`BEFORE`, `PERIOD_WORDS`, `number_value`, `month_end`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta

from taskctl.clock import local_time as local_time
from taskctl.clock import now_utc as now_utc
from taskctl.errors import InvalidValueError
from taskctl.vocab import (
    MONTH_NAMES_EN,
    OFFSET_UNITS,
    PERIOD_ENDS,
    RELATIVE_DAYS,
    WEEKDAY_PREFIXES,
    WEEKDAYS,
    chinese_number,
)

YEAR = r"((?:19|20|21)[0-9]{2})"
MONTH = r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
DAY = r"([0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
BEFORE = r"(?:前|之前|以前)"
PERIOD_WORDS = "|".join(sorted(PERIOD_ENDS, key=len, reverse=True))


def number_value(text: str) -> int:
    """A month or day number written in digits or Chinese (十二 → 12); -1 when it is neither."""
    if text.isdigit():
        return int(text)
    value = chinese_number(text)
    return -1 if value is None else value


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


# --- Dates typed by a user ------------------------------------------------------------------------

_OFFSET = re.compile(r"([+-])\s*([0-9]{1,4})\s*([dwmy])", re.IGNORECASE)
_ISO = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_NUMERIC = re.compile(r"([0-9]{1,4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,4})")
_CN_DATE = re.compile(rf"(?:{YEAR}年)?{MONTH}月{DAY}[日号]{BEFORE}?")
_CN_MONTH_END = re.compile(rf"(?:{YEAR}年)?{MONTH}月(?:(?:底|末){BEFORE}?|{BEFORE})")
_CN_WEEKDAY = re.compile(
    "(本|这|下个|下)?(?:" + "|".join(WEEKDAY_PREFIXES) + ")([" + "".join(WEEKDAYS) + "])"
)
_CN_THIS_MONTH_END = re.compile(rf"(本月|这个月|下个?月)?(?:月底|月末|底|末){BEFORE}?")
_CN_PERIOD = re.compile(rf"(今年|明年)?({PERIOD_WORDS}){BEFORE}?")


def _check_day(year: int | None, month: int, day: int, text: str) -> None:
    """Raise InvalidValueError naming the reason when month/day (in `year`, if given) is impossible."""
    if not 1 <= month <= 12:
        raise InvalidValueError(f"{text}: there is no month {month}")
    name = MONTH_NAMES_EN[month - 1]
    if year is None:
        if day < 1 or day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
            raise InvalidValueError(f"{text}: {name} has no day {day}")
        return
    if day < 1 or day > calendar.monthrange(year, month)[1]:
        where = f"{name} {year}" if month == 2 and day == 29 else name
        raise InvalidValueError(f"{text}: {where} has no day {day}")


def _next_on_or_after(today: date, month: int, day: int) -> date:
    """The first date with this month and day on or after today (Feb 29 waits for a leap year)."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise InvalidValueError(f"{month}月{day}日: no such date")  # unreachable for checked days


def _add_offset(today: date, sign: str, amount: int, unit: str) -> date:
    from dateutil.relativedelta import relativedelta

    delta = relativedelta(**{OFFSET_UNITS[unit.lower()]: amount})
    try:
        return today + delta if sign == "+" else today - delta
    except (OverflowError, ValueError) as error:
        raise InvalidValueError(f"{sign}{amount}{unit}: out of range") from error


def _numeric_date(text: str, first: str, second: str, third: str) -> date:
    """`31/12/2026` or `12/31/2026`: accepted only when exactly one reading is a real date."""
    if len(third) != 4:
        raise InvalidValueError(f"{text}: ambiguous date, write it as YYYY-MM-DD")
    year = int(third)
    readings: set[date] = set()
    for month, day in ((int(first), int(second)), (int(second), int(first))):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    if len(readings) == 1:
        return readings.pop()
    if not readings:
        raise InvalidValueError(f"{text}: not a real date")
    raise InvalidValueError(
        f"{text}: ambiguous date (day/month or month/day?), write it as YYYY-MM-DD"
    )


def _dateutil_date(text: str, today: date) -> date:
    """Dates with month names (`Dec 31 2026`, `31 December`): day and month must be given."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime(2000, 1, 1))
        second = parser.parse(text, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError) as error:
        raise InvalidValueError(f"{text}: not a date I can read") from error
    if (first.month, first.day) != (second.month, second.day):
        raise InvalidValueError(f"{text}: give a day and a month")
    if first.year == second.year:
        return first.date()
    return _next_on_or_after(today, first.month, first.day)


def parse_when(text: str, today: date) -> date:
    """A date typed by a user, relative to `today`.

    Accepts ISO and other unambiguous dates (`2026-12-31`, `2026/12/31`, `Dec 31 2026`), relative offsets
    (`+2w`, `+10d`, `+1m`, `-3d`, `+1y`), and Chinese phrases: `明天`, `周五` (the next Friday on or after
    today), `本周五` (this week's, weeks start on Monday), `下周五` (next week's), `月底`, `下月底`, `年底`,
    `上半年`, `3月15日`, `2027年3月15日`, `6月底`, `6月底前`. A month and day without a year mean the next
    such date on or after today (`3月15日` typed on 2026-03-16 is 2027-03-15). Impossible or ambiguous
    dates raise InvalidValueError with the reason.
    """
    raw = text
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        raise InvalidValueError("empty date")
    if match := _OFFSET.fullmatch(text):
        return _add_offset(today, match.group(1), int(match.group(2)), match.group(3))
    if text in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[text])
    if match := _ISO.fullmatch(text) or _COMPACT.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        _check_day(year, month, day, raw)
        return date(year, month, day)
    if match := _NUMERIC.fullmatch(text):
        return _numeric_date(raw, *match.groups())
    if match := _CN_DATE.fullmatch(text):
        year = int(match.group(1)) if match.group(1) else None
        month, day = number_value(match.group(2)), number_value(match.group(3))
        _check_day(year, month, day, raw)
        return date(year, month, day) if year else _next_on_or_after(today, month, day)
    if match := _CN_MONTH_END.fullmatch(text):
        month = number_value(match.group(2))
        _check_day(None, month, 1, raw)
        if match.group(1):
            return month_end(int(match.group(1)), month)
        end = month_end(today.year, month)
        return end if end >= today else month_end(today.year + 1, month)
    if match := _CN_WEEKDAY.fullmatch(text):
        weekday = WEEKDAYS[match.group(2)]
        monday = today - timedelta(days=today.weekday())
        if match.group(1) in ("本", "这"):
            return monday + timedelta(days=weekday)
        if match.group(1):
            return monday + timedelta(days=7 + weekday)
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    if match := _CN_THIS_MONTH_END.fullmatch(text):
        if text.startswith(("底", "末")):
            raise InvalidValueError(f"{raw}: not a date I can read")
        first = today.replace(day=1)
        if match.group(1) and match.group(1).startswith("下"):
            first = month_end(today.year, today.month) + timedelta(days=1)
        return month_end(first.year, first.month)
    if match := _CN_PERIOD.fullmatch(text):
        month, day = PERIOD_ENDS[match.group(2)]
        if match.group(1) == "明年":
            return date(today.year + 1, month, day)
        if match.group(1) == "今年":
            return date(today.year, month, day)
        return _next_on_or_after(today, month, day)
    if any(ch.isalpha() and ch.isascii() for ch in text):
        return _dateutil_date(text, today)
    raise InvalidValueError(f"{raw}: not a date I can read")
