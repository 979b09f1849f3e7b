"""`list`, `overdue` and `due` in json and csv (`list` in md too) are streamed off the cursor a batch at a time; the
text equals the one built from all rows at once, on both engines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import taskctl.reports.tasks as tasks
from taskctl.render import text as textfmt
from taskctl.reports.overdue import due_report, overdue_report
from taskctl.reports.tasks import list_report
from taskctl.store.engine import Store

from ..conftest import Runner

AS_OF = date(2013, 1, 15)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four rows per batch, so that 26 tasks take seven batches."""
    monkeypatch.setattr(tasks, "STREAM_BATCH", 4)


def whole(store: Store, build, fmt: str) -> str:  # type: ignore[no-untyped-def]
    """The report's text built from all its rows at once (the way before streaming)."""
    with store.query() as db:
        report = build(db)
        assert report.batches is None
        if fmt == "md":
            return textfmt.to_markdown(report, "zh")
        return "".join(
            textfmt.json_chunks(report) if fmt == "json" else textfmt.csv_chunks(report, "zh")
        )


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_streamed_reports_equal_the_whole(
    zj: Runner, store: Store, small_batches: None, fmt: str
) -> None:
    zj.ok("progress", "zj2012:一.1", "已完成招标", "--percent", "30")
    day = AS_OF.isoformat()
    cases = [
        (["list"], lambda db: list_report(db, as_of=AS_OF)),
        (["overdue", "--as-of", day], lambda db: overdue_report(db, as_of=AS_OF, lang="zh")),
        (
            ["due", "--as-of", "2012-12-01", "--within", "60d"],
            lambda db: due_report(db, as_of=date(2012, 12, 1), within_days=60, lang="zh"),
        ),
    ]
    for args, build in cases if fmt != "md" else cases[:1]:  # md streams the list (no summary)
        streamed = zj(*args, "--format", fmt)
        assert streamed.exit_code == 0, streamed.output
        assert streamed.stdout == whole(store, build, fmt).replace("\r\n", "\n")  # CliRunner
    rows = json.loads(zj.ok("list", "--format", "json"))
    assert len(rows) == 26 and len({r["id"] for r in rows}) == 26


def test_streamed_report_to_a_file_counts_its_rows(
    zj: Runner, small_batches: None, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.csv"
    result = zj("--lang", "en", "list", "-o", str(path))
    assert result.exit_code == 0
    assert f"written to {path} (26 rows)" in result.stderr
    assert path.read_text(encoding="utf-8-sig").count("\n") == 27


def test_streamed_empty_listing(run: Runner) -> None:
    assert run.ok("list", "--format", "json") == "[]\n"
    assert json.loads(run.ok("overdue", "--format", "json")) == []
    result = run("--lang", "en", "list", "--format", "csv")
    assert "No tasks yet" in result.stderr
