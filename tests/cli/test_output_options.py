"""The output options every listing shares (cli/common.py, render/output.py) through the CLI:
--limit (and 0 for all), --ascii on a terminal and when piped, and -f csv/md/json to standard output."""

from __future__ import annotations

import csv
import json

import pytest

import taskctl.render.output as output
from tests.conftest import Runner

AS_OF = ("--as-of", "2013-01-15")
BOX = {chr(c) for c in range(0x2500, 0x2580)}  # box-drawing characters


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI believe standard output is a terminal (rich tables, default row limit)."""
    monkeypatch.setattr(output, "_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")


def data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "2012-12-31" in line]


def test_piped_output_has_every_row_unless_limited(zj: Runner) -> None:
    assert len(data_lines(zj.ok("overdue", *AS_OF))) == 26
    assert len(data_lines(zj.ok("overdue", *AS_OF, "--limit", "0"))) == 26
    limited = zj.ok("overdue", *AS_OF, "--limit", "4")
    assert len(data_lines(limited)) == 4
    assert limited.splitlines()[-1] == "… 另有 22 行 (--limit 0 显示全部)"


def test_ascii_more_line_when_piped(zj: Runner) -> None:
    out = zj.ok("--lang", "en", "overdue", *AS_OF, "--limit", "4", "--ascii")
    assert out.splitlines()[-1].startswith("... 22 more rows")
    assert "…" not in out


@pytest.mark.usefixtures("terminal")
def test_terminal_table_box_characters_or_ascii(zj: Runner) -> None:
    boxed = zj.ok("list", *AS_OF)
    assert BOX & set(boxed), "a terminal gets a drawn table"
    plain = zj.ok("list", *AS_OF, "--ascii")
    assert not BOX & set(plain), "--ascii draws with ASCII characters only"
    assert plain.count("红灯") == boxed.count("红灯") == 26


@pytest.mark.usefixtures("terminal")
def test_terminal_default_limit_and_limit_zero(run: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A terminal shows 200 rows by default and says how many it left out; --limit 0 shows all."""
    lines = ["测试工作要点", "一、重点工作"]
    lines += [f"{n}.第{n}项任务。(牵头单位:法规处)" for n in range(1, 251)]
    doc = tmp_path / "big.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run.ok("import", str(doc), "--key", "big")
    out = run.ok("--lang", "en", "list")
    assert "第200项任务" in out and "第201项任务" not in out
    assert "50 more rows" in out
    everything = run.ok("--lang", "en", "list", "--limit", "0")
    assert "第250项任务" in everything and "more rows" not in everything


def test_csv_md_json_to_standard_output(zj: Runner) -> None:
    rows = list(
        csv.DictReader(zj.ok("--lang", "en", "list", "--unit", "高新", "-f", "csv").splitlines())
    )
    assert [r["No."] for r in rows] == ["二.2", "二.3", "三.1", "三.2", "三.3", "三.4", "四.3"]
    md = zj.ok("list", "--unit", "高新", "-f", "md")
    assert md.count("\n| ") >= 7 and "| 二.2 |" in md
    assert [r["number"] for r in json.loads(zj.ok("list", "--unit", "高新", "-f", "json"))] == [
        r["No."] for r in rows
    ]
