"""Every format written to a real file and read back: xlsx, docx, csv (BOM), json, md, ics."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from taskctl.render.output import emit
from taskctl.reports.report import Report, column

EVIL = '=HYPERLINK("http://x","点我")'


def _report() -> Report:
    cols = [
        column("id", "int"),
        column("number"),
        column("title", wrap=True),
        column("lead", "list"),
        column("deadline", "date"),
        column("days_overdue", "int"),
        column("light", "light"),
        column("status", "status"),
    ]
    rows = [
        {
            "id": 1,
            "number": "三.1",
            "title": "加快高新技术产业开发区（园区）转型升级",
            "lead": ["高新处"],
            "deadline": date(2012, 12, 31),
            "days_overdue": 15,
            "light": "red",
            "status": "assigned",
        },
        {
            "id": 2,
            "number": "三.2",
            "title": EVIL,
            "lead": ["+成果处", "@人事处"],
            "deadline": date(2013, 1, 20),
            "days_overdue": -5,
            "light": "yellow",
            "status": "in_progress",
        },
        {
            "id": 3,
            "number": "三.3",
            "title": "-1+1",
            "lead": [],
            "deadline": None,
            "days_overdue": None,
            "light": "green",
            "status": "accepted",
        },
    ]
    return Report(
        title="逾期任务", columns=cols, rows=rows, summary="逾期任务 1 项", subtitle="2013-01-15"
    )


def _sectioned() -> Report:
    main = _report()
    extra = Report(title="下周到期", columns=main.columns, rows=main.rows[:1], key="due")
    return Report(
        title="工作周报 2013-W03",
        columns=[column("metric"), column("value", "int")],
        rows=[{"metric": "未办结", "value": 3}],
        subtitle="2013-01-14 至 2013-01-20",
        summary="未办结 3 项",
        sections=[main, extra],
        key="weekly",
    )


def test_xlsx_header_freeze_widths_fills_and_neutralised_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    emit(_report(), fmt=None, output=str(path), lang="zh")
    ws = load_workbook(path).active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[0][0] == "逾期任务"
    header_row = next(i for i, r in enumerate(cells, 1) if r[0] == "编号")
    assert cells[header_row - 1] == [
        "编号",
        "序号",
        "任务",
        "牵头单位",
        "完成时限",
        "逾期天数",
        "灯",
        "状态",
    ]
    assert ws.freeze_panes == f"A{header_row + 1}"
    first, second, third = cells[header_row : header_row + 3]
    assert first[0] == 1 and first[5] == 15  # numbers stay numbers
    assert first[4].date() == date(2012, 12, 31)
    assert ws.cell(header_row + 1, 5).number_format == "yyyy-mm-dd"
    assert first[6] == "红灯" and first[7] == "待签收"
    assert second[2] == "'" + EVIL
    assert second[3] == "'+成果处、@人事处"
    assert second[5] == -5  # a negative number is a number, not a formula
    assert third[2] == "'-1+1"
    fills = [ws.cell(header_row + i, 7).fill.fgColor.rgb[-6:] for i in (1, 2, 3)]
    assert fills == ["FFC7CE", "FFEB9C", "C6EFCE"]
    # the title column is wide enough for 19 Chinese characters (38 cells), capped for wrapping
    assert ws.column_dimensions["C"].width >= 40
    assert ws.column_dimensions["A"].width < 10


def test_xlsx_one_sheet_per_section(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "weekly.xlsx"
    emit(_sectioned(), fmt="xlsx", output=str(path), lang="zh")
    wb = load_workbook(path)
    assert wb.sheetnames == ["工作周报 2013-W03", "逾期任务", "下周到期"]
    assert [c.value for c in wb["下周到期"][3]][:2] == ["编号", "序号"]


def test_docx_title_range_summary_and_real_tables(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "weekly.docx"
    emit(_sectioned(), fmt=None, output=str(path), lang="zh")
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["工作周报 2013-W03", "2013-01-14 至 2013-01-20", "未办结 3 项"]
    assert "逾期任务" in texts and "下周到期" in texts
    assert len(doc.tables) == 3
    head = [c.text for c in doc.tables[1].rows[0].cells]
    assert head[:3] == ["编号", "序号", "任务"]
    assert [c.text for c in doc.tables[1].rows[1].cells][
        2
    ] == "加快高新技术产业开发区（园区）转型升级"
    assert [c.text for c in doc.tables[1].rows[2].cells][2] == EVIL  # Word does not run formulas
    assert [c.text for c in doc.tables[0].rows[1].cells] == ["未办结", "3"]


def test_csv_has_bom_header_and_neutralised_formulas(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    emit(_report(), fmt=None, output=str(path), lang="en")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["ID", "No.", "Task", "Lead", "Deadline", "Days overdue", "Light", "Status"]
    assert rows[1] == [
        "1",
        "三.1",
        "加快高新技术产业开发区（园区）转型升级",
        "高新处",
        "2012-12-31",
        "15",
        "red",
        "assigned",
    ]
    assert rows[2][2] == "'" + EVIL and rows[2][3] == "'+成果处、@人事处"
    assert rows[2][5] == "-5"
    assert rows[3][2] == "'-1+1"


def test_json_keys_english_dates_iso_and_sections_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    emit(_report(), fmt=None, output=str(path), lang="zh")
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert list(rows[0]) == [
        "id",
        "number",
        "title",
        "lead",
        "deadline",
        "days_overdue",
        "light",
        "status",
    ]
    assert rows[0]["deadline"] == "2012-12-31" and rows[0]["light"] == "red"
    assert rows[1]["title"] == EVIL  # JSON is data, not a spreadsheet
    path = tmp_path / "weekly.json"
    emit(_sectioned(), fmt="json", output=str(path), lang="zh")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [s["key"] for s in doc["sections"]] == [None, "due"]
    assert doc["rows"] == [{"metric": "未办结", "value": 3}]
    assert len(doc["sections"][0]["rows"]) == 3


def test_markdown_has_every_table(tmp_path: Path) -> None:
    path = tmp_path / "weekly.md"
    emit(_sectioned(), fmt=None, output=str(path), lang="zh")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 工作周报 2013-W03\n")
    assert "## 逾期任务" in text and "## 下周到期" in text
    assert (
        "| 1 | 三.1 | 加快高新技术产业开发区（园区）转型升级 | 高新处 | 2012-12-31 | 15 | 红灯 |"
        in text
    )


def test_binary_formats_need_a_file() -> None:
    from taskctl.errors import InvalidValueError

    with pytest.raises(InvalidValueError):
        emit(_report(), fmt="xlsx", output=None, lang="zh")


def test_ics_events_read_back(tmp_path: Path) -> None:
    from icalendar import Calendar

    from taskctl.render.ics import write_ics

    entries = [
        {
            "id": 7,
            "document": "zj2012",
            "number": "三.1",
            "title": "加快高新技术产业开发区转型升级",
            "lead": ["高新处"],
            "support": ["有关处室"],
            "responsible": [],
            "persons": ["邱飞章"],
            "deadline": date(2012, 12, 31),
            "deadline_text": "年底前",
            "status": "assigned",
            "full_text": "全文",
        },
    ]
    path = tmp_path / "d.ics"
    write_ics(entries, path, "zh", name="时限", warn_days=3)
    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    ev = events[0]
    assert str(ev["summary"]) == "【高新处】三.1 加快高新技术产业开发区转型升级"
    assert ev.decoded("dtstart") == date(2012, 12, 31)
    assert ev.decoded("dtend") == date(2013, 1, 1)
    assert str(ev["uid"]) == "taskctl-zj2012-7@taskctl"
    assert "配合单位: 有关处室" in str(ev["description"])
    alarm = next(iter(ev.walk("VALARM")))
    assert alarm.decoded("trigger").days == -3


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_a_long_listing_is_written_in_pieces_that_make_the_one_piece_text(
    tmp_path: Path, fmt: str
) -> None:
    """Over `BATCH` rows, json, csv and the plain table are encoded a batch at a time; the file must
    be exactly what encoding everything at once gives, and hold every row once."""
    from taskctl.render import text as textfmt
    from taskctl.reports.report import BATCH

    base = _report()
    rows = [dict(base.rows[i % 3], id=i) for i in range(2 * BATCH + 7)]
    report = Report(title="逾期任务", columns=base.columns, rows=rows, summary="many")
    out = tmp_path / f"long.{fmt}"
    emit(report, fmt=fmt, output=str(out), lang="zh")
    text = out.read_text(encoding="utf-8-sig")
    if fmt == "json":
        data = json.loads(text)
        assert [r["id"] for r in data] == list(range(len(rows)))
        expected = json.dumps(textfmt._json_rows(report), ensure_ascii=False, indent=2) + "\n"
        assert text == expected
    elif fmt == "csv":
        parsed = list(csv.reader(text.splitlines()))
        assert len(parsed) == len(rows) + 1
        assert [int(r[0]) for r in parsed[1:]] == list(range(len(rows)))
    else:
        lines = text.splitlines()
        assert lines[:2] == ["逾期任务", "many"]
        assert len(lines) == 2 + 2 + len(rows)  # title, summary, header, rule, rows
        # the id column is padded to one width across batches: the numbers start in one place
        assert {line.index("三.") for line in lines[4:]} == {len(str(len(rows) - 1)) + 2}
    assert text.count("加快高新技术产业开发区") == len(range(0, len(rows), 3))


def test_an_empty_listing_is_an_empty_json_array(tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    emit(
        Report(title="", columns=_report().columns, rows=[]), fmt="json", output=str(out), lang="zh"
    )
    assert out.read_text(encoding="utf-8") == "[]\n"
