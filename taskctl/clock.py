"""The clock every stored timestamp comes from (UTC, naive) and how one is shown (local time).

Its own module so that a write command gets the time without loading the date-phrase grammar of
`taskctl.dates`, which re-exports both.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now_utc() -> datetime:
    """The current time in UTC, naive (how every timestamp is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(utc_naive: datetime) -> datetime:
    """A stored (UTC, naive) timestamp as an aware datetime in the local time zone."""
    return utc_naive.replace(tzinfo=UTC).astimezone()
