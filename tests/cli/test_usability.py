"""Usability regressions found walking through a clerk's week: what the commands say, in which
language, and whether it tells the clerk what to do next."""

from __future__ import annotations

import io
import sys

import pytest

from tests.conftest import Runner


def test_import_lines_land_above_the_progress_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """With several files on a terminal, rich swaps a proxy in for sys.stdout while the bar runs; the
    result lines must go through it (they used to be glued to the bar: `… 0/5seeds/gd2012.txt → …`)."""
    from taskctl.cli import importing

    written: list[str] = []

    class Proxy(io.StringIO):
        def write(self, s: str) -> int:
            written.append(s)
            return len(s)

    result = type(
        "R",
        (),
        {
            "skipped": False,
            "warnings": [],
            "source_name": "a.txt",
            "key": "a",
            "title": "T",
            "tasks": 1,
            "units": 0,
            "new_units": 0,
            "persons": 0,
            "unassigned": 1,
        },
    )()
    monkeypatch.setattr(sys, "stdout", Proxy())
    importing._print_result(result, "zh")
    assert any("a.txt → a「T」" in s for s in written)


def test_ascii_before_the_command_works_like_after_it(zj: Runner) -> None:
    before = zj.ok("--ascii", "list", "--limit", "2")
    after = zj.ok("list", "--limit", "2", "--ascii")
    assert before == after
    assert "…" not in before and "... " in before  # the "more rows" line too
