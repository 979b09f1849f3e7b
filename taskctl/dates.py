"""Chinese date phrases: deadlines inside plan text, and dates typed on the command line.

`find_deadline` reads a task's text against its plan period (`6月底前` in a 2012 plan is 2012-06-30);
`parse_when` reads what a user types (`下周五`, `+2w`, `2026-12-31`, `3月15日`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta

from taskctl.errors import InvalidValueError
from taskctl.vocab import (
    MONTH_NAMES_EN,
    OFFSET_UNITS,
    ONGOING_PHRASES,
    PERIOD_ENDS,
    RELATIVE_DAYS,
    WEEKDAY_PREFIXES,
    WEEKDAYS,
    chinese_number,
)

_YEAR = r"((?:19|20|21)[0-9]{2})"
_MONTH = r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"([0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_BEFORE = r"(?:前|之前|以前)"
_PERIOD_WORDS = "|".join(sorted(PERIOD_ENDS, key=len, reverse=True))
# Book titles name plans (`《国家中长期科技人才发展规划(2010-2020年)》`): never a deadline.
_BOOK_TITLE = re.compile(r"《[^《》\n]{0,200}》|«[^«»\n]{0,200}»")

# (pattern, kind, strong): kind tells `_resolve` which groups the pattern has.
_DEADLINE_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), kind, strong)
    for pattern, kind, strong in (
        (rf"(?:到|至|于)?{_YEAR}年{_MONTH}月{_DAY}日{_BEFORE}", "ymd", True),
        (rf"(?:到|至|于)?{_YEAR}年{_MONTH}月{_DAY}日", "ymd", False),
        (rf"(?:到|至|于)?{_YEAR}年{_MONTH}月(?:底|末|份)?{_BEFORE}", "ym", True),
        (rf"(?:到|至|于)?{_YEAR}年{_MONTH}月(?:底|末)", "ym", True),
        (rf"{_YEAR}年(?:底|末|内){_BEFORE}?", "y", True),
        (rf"{_YEAR}年({_PERIOD_WORDS}){_BEFORE}?", "yp", True),
        (rf"{_YEAR}年{_BEFORE}(?!后)", "y", True),
        (rf"(?:到|至)\s?{_YEAR}\s?年", "y", True),
        (rf"(?<![0-9年]){_MONTH}月{_DAY}日{_BEFORE}", "md", True),
        (rf"(?<![0-9年]){_MONTH}月{_DAY}日", "md", False),
        (rf"(?<![0-9年]){_MONTH}月(?:底|末|份)?{_BEFORE}", "m", True),
        (rf"(?<![0-9年]){_MONTH}月(?:底|末)", "m", True),
        (rf"(?<![0-9一二三四五六七八九十两几每全])({_PERIOD_WORDS}){_BEFORE}?", "p", True),
    )
)


# In a deadline field (`完成时限：2026年9月`, a table's 完成时间 cell) a bare month or year is a deadline
# too: the end of that month or year. In running text it is not (`2026年9月召开大会`).
_LABELLED_PATTERNS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern), kind, False)
    for pattern, kind in (
        (rf"{_YEAR}年{_MONTH}月(?!\s*[0-9一二三四五六七八九十]+日)", "ym"),
        (rf"(?<![0-9年]){_MONTH}月(?!\s*[0-9一二三四五六七八九十]+日)", "m"),
        (rf"{_YEAR}年?(?!\s*[0-9一二三四五六七八九十]+月)", "y"),
    )
)


# A character each running-text pattern needs (one of them): 年 in dated phrases, 月 in month
# phrases, 年 or 季 in period words (上半年, 一季度); the labelled patterns need none.
_NEEDS: tuple[str, ...] = tuple(
    {"ymd": "年", "ym": "年", "y": "年", "yp": "年", "md": "月", "m": "月", "p": "年季"}[kind]
    for _pattern, kind, _strong in _DEADLINE_PATTERNS
) + ("",) * len(_LABELLED_PATTERNS)


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    value = chinese_number(text)
    return -1 if value is None else value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _resolve(kind: str, groups: tuple[str, ...], plan_year: int | None) -> date | None:
    """The date a deadline match means, or None when it is impossible or needs an unknown year."""
    try:
        if kind in ("ymd", "ym", "yp", "y"):
            year = int(groups[0])
            rest = groups[1:]
        elif plan_year is None:
            return None
        else:
            year = plan_year
            rest = groups
        if kind in ("ymd", "md"):
            return date(year, _number(rest[0]), _number(rest[1]))
        if kind in ("ym", "m"):
            return _month_end(year, _number(rest[0]))
        if kind in ("yp", "p"):
            month, day = PERIOD_ENDS[rest[0]]
            return date(year, month, day)
        return date(year, 12, 31)
    except ValueError:
        return None


def find_deadline(
    text: str, period_start: date | None, period_end: date | None, *, labelled: bool = False
) -> tuple[date | None, str | None]:
    """The deadline a task's text sets, resolved against the plan period: (date, phrase as written).

    Phrases with 前/底/末 (and `到2020年`) win over bare dates (`3月15日`); among the winners the latest
    date is taken. A phrase without a year takes the last year of the plan period, and is ignored when
    the period is unknown. Years in book titles (`《…(2010-2020年)》`) and plain years in prose
    (`2012年全社会科技投入增长15%`) are not deadlines. With `labelled` (the text is a deadline field),
    a bare month or year (`2026年9月`, `9月`, `2026年`) counts too. Returns (None, None) when there is
    no deadline.
    """
    text = _BOOK_TITLE.sub(
        lambda match: " " * len(match.group()), unicodedata.normalize("NFKC", text)
    )
    plan_year = period_end.year if period_end else (period_start.year if period_start else None)
    taken = bytearray(len(text))
    found: dict[bool, list[tuple[date, str]]] = {True: [], False: []}
    patterns = _DEADLINE_PATTERNS + _LABELLED_PATTERNS if labelled else _DEADLINE_PATTERNS
    present = {ch for ch in "年月季" if ch in text}
    for (pattern, kind, strong), needs in zip(patterns, _NEEDS, strict=False):
        if needs and not present.intersection(needs):
            continue  # it cannot match: skipping it changes nothing
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or (start > 0 and text[start - 1] == "每"):
                continue
            taken[start:end] = b"\x01" * (end - start)
            resolved = _resolve(kind, match.groups(), plan_year)
            if resolved is not None:
                found[strong].append((resolved, match.group().strip()))
    candidates = found[True] or found[False]
    if not candidates:
        return None, None
    best = max(candidates, key=lambda item: item[0])
    return best


_ONGOING = sorted(ONGOING_PHRASES, key=len, reverse=True)
_TIME_PHRASE_MAX = 30


def ongoing_phrase(text: str) -> str | None:
    """The first phrase of ongoing or recurring work in `text` (`持续推进`, `长期坚持`, `每季度`)."""
    found = [(text.find(phrase), phrase) for phrase in _ONGOING if phrase in text]
    return min(found, key=lambda item: (item[0], -len(item[1])))[1] if found else None


def is_time_phrase(text: str) -> bool:
    """True for a short clause that only says when (`2024年底前完成`, `6月底前`, `持续推进`, `每季度`),
    as written beside the units in an annotation (`(财政部牵头,2024年底前完成)`)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or len(text) > _TIME_PHRASE_MAX:
        return False
    if ongoing_phrase(text) is not None:
        return True
    return any(pattern.search(text) for pattern, _kind, strong in _DEADLINE_PATTERNS if strong)


# --- Dates typed by a user ------------------------------------------------------------------------

_OFFSET = re.compile(r"([+-])\s*([0-9]{1,4})\s*([dwmy])", re.IGNORECASE)
_ISO = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_NUMERIC = re.compile(r"([0-9]{1,4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,4})")
_CN_DATE = re.compile(rf"(?:{_YEAR}年)?{_MONTH}月{_DAY}[日号]{_BEFORE}?")
_CN_MONTH_END = re.compile(rf"(?:{_YEAR}年)?{_MONTH}月(?:(?:底|末){_BEFORE}?|{_BEFORE})")
_CN_WEEKDAY = re.compile(
    "(本|这|下个|下)?(?:" + "|".join(WEEKDAY_PREFIXES) + ")([" + "".join(WEEKDAYS) + "])"
)
_CN_THIS_MONTH_END = re.compile(rf"(本月|这个月|下个?月)?(?:月底|月末|底|末){_BEFORE}?")
_CN_PERIOD = re.compile(rf"(今年|明年)?({_PERIOD_WORDS}){_BEFORE}?")


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
        month, day = _number(match.group(2)), _number(match.group(3))
        _check_day(year, month, day, raw)
        return date(year, month, day) if year else _next_on_or_after(today, month, day)
    if match := _CN_MONTH_END.fullmatch(text):
        month = _number(match.group(2))
        _check_day(None, month, 1, raw)
        if match.group(1):
            return _month_end(int(match.group(1)), month)
        end = _month_end(today.year, month)
        return end if end >= today else _month_end(today.year + 1, month)
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
            first = _month_end(today.year, today.month) + timedelta(days=1)
        return _month_end(first.year, first.month)
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


def now_utc() -> datetime:
    """The current time in UTC, naive (how every timestamp is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(utc_naive: datetime) -> datetime:
    """A stored (UTC, naive) timestamp as an aware datetime in the local time zone."""
    return utc_naive.replace(tzinfo=UTC).astimezone()
