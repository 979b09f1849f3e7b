"""Regular expressions compiled when first used, not when their module is imported.

The parser holds about a hundred patterns, many over Chinese character ranges that Python's regex
compiler fills one character at a time (about a millisecond each). A document uses only the patterns
of the readers its shape calls for (a pasted table, a web page, a notice), so each pattern is compiled
on its first use: importing the parser costs a one-seed import no compile time it does not need.
"""

from __future__ import annotations

import re
from typing import cast

__all__ = ["lazy"]


class _LazyPattern:
    """A stand-in for `re.compile(pattern, flags)` that compiles on its first attribute access and
    keeps each attribute it hands out (`match`, `sub` …), so later uses cost a plain lookup."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled on first use (typed as the compiled pattern)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
