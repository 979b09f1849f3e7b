"""Usability regressions found walking through a clerk's week: what the commands say, in which
language, and whether it tells the clerk what to do next."""

from __future__ import annotations

import io
import sys

import pytest

from tests.conftest import Runner, seed


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


def test_assign_speaks_the_language_of_the_output(zj: Runner) -> None:
    """`分工 ∅ → lead: 高新处; support: 计划处` mixed English role names into Chinese output."""
    zj.ok("import", seed("sc2012"), "--key", "sc2012")
    said = zj.ok("assign", "sc2012:(一).1", "--lead", "高新处", "--support", "计划处")
    assert "牵头: 高新处；配合: 计划处" in said and "lead" not in said
    again = zj.ok("assign", "sc2012:(一).1", "--lead", "高新处")
    assert "已是" in again and "lead" not in again
    history = zj.ok("history", "sc2012:(一).1")
    assert "牵头: 高新处；配合: 计划处" in history and "support" not in history
    english = zj.ok("--lang", "en", "history", "sc2012:(一).1")
    assert "lead: 高新处; support: 计划处" in english
    stored = zj.json("history", "sc2012:(一).1")
    assert stored[-1]["new"] == "lead: 高新处; support: 计划处"  # JSON keeps the stored value


def test_deadline_change_says_how_far_it_moved(zj: Runner) -> None:
    later = zj.ok("deadline", "zj2012:三.2", "2013-01-31", "--note", "认定批次推迟")
    assert "延后 31 天" in later
    earlier = zj.ok(
        "--lang",
        "en",
        "deadline",
        "zj2012:三.2",
        "下周五",
        "--note",
        "提前",
        "--as-of",
        "2012-06-20",
    )
    assert "days earlier" in earlier


def test_unreadable_date_says_how_to_write_one(zj: Runner) -> None:
    result = zj.fails("deadline", "zj2012:三.2", "明年", "--note", "x")
    assert "6月底前" in result.stderr and "+2w" in result.stderr
    result = zj.fails("overdue", "--as-of", "2月30日")
    assert "February has no day 30" in result.stderr


def test_documents_title_column_is_not_called_task(zj: Runner) -> None:
    assert zj.ok("documents").splitlines()[0].split()[:2] == ["代号", "标题"]
    assert zj.ok("--lang", "en", "documents").splitlines()[0].split()[:2] == ["Key", "Title"]


def test_unit_report_gives_days_left_instead_of_negative_overdue(zj: Runner) -> None:
    rows = zj.json("unit-report", "高新处", "--as-of", "2012-06-01")
    assert all(r["days_overdue"] is None and r["days_left"] == 213 for r in rows)
    late = zj.json("unit-report", "高新处", "--as-of", "2013-01-15")
    assert all(r["days_overdue"] == 15 and r["days_left"] is None for r in late)
    shown = zj.ok("unit-report", "高新处", "--as-of", "2012-06-01")
    assert "-213" not in shown and "剩余天数" in shown


def test_import_says_how_to_assign_units_to_a_plan_naming_none(run: Runner) -> None:
    said = run.ok("import", seed("sc2012"), "--key", "sc2012")
    assert "未明确单位的任务 35 项" in said
    assert "taskctl assign sc2012:" in said


def test_weekly_documents_leave_out_the_machine_keys(zj: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import docx
    import openpyxl

    xlsx, word = tmp_path / "w.xlsx", tmp_path / "w.docx"
    zj.ok("weekly", "--as-of", "2012-12-28", "-o", str(xlsx))
    zj.ok("weekly", "--as-of", "2012-12-28", "-o", str(word))
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    values = [v for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert "指标" in values and "代码" not in values and "open" not in values
    table = docx.Document(str(word)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["指标", "数值"]
    assert "done_this_week" not in zj.ok("weekly", "--as-of", "2012-12-28", "--format", "md")
    assert zj.json("weekly", "--as-of", "2012-12-28")["rows"][0]["key"] == "open"


def test_ledger_fill_in_columns_have_room_to_type(zj: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    path = tmp_path / "l.xlsx"
    zj.ok("ledger", "export", "--unit", "高新", "-o", str(path))
    sheet = openpyxl.load_workbook(path).active
    width = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    assert width["本期进展"] >= 40 and width["新时限"] >= 12 and width["说明"] >= 20


def test_list_on_an_empty_database_says_how_to_start(run: Runner) -> None:
    result = run("--lang", "en", "list")
    assert result.exit_code == 0
    assert "import a work plan first with `taskctl import FILE`" in result.stderr
    run.ok("import", seed("gd2012"))
    assert "import a work plan first" not in run("list").stderr


def test_writing_a_report_file_says_where_and_how_many_rows(run: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run.ok("import", seed("zj2012"))
    path = tmp_path / "overdue.csv"
    result = run("--lang", "en", "overdue", "--as-of", "2013-01-15", "-o", str(path))
    assert result.exit_code == 0
    assert result.stderr.strip() == f"written to {path} (26 rows)"
    assert path.read_text(encoding="utf-8-sig").count("\n") == 27  # header + 26 tasks
