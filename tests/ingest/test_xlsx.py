"""Task-division tables in .xlsx and .csv: title rows, two-row headers, merged cells, section and
spacer rows, header synonyms, ledgers, and the refusals."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.readers import read_document
from taskctl.ingest.tables import find_header, header_field
from tests.fixtures.office import DIVISION_TEXT, DIVISION_TITLE, division_xlsx


def read(path: Path, **kw):  # type: ignore[no-untyped-def]
    return read_document(path.read_bytes(), source=str(path), **kw)


def key(parsed):  # type: ignore[no-untyped-def]
    return [
        (i.kind, i.number, i.level, i.parent, i.title, i.lead, i.support, i.responsible, i.deadline)
        for i in parsed.items
    ]


def test_division_sheet_gives_the_same_tasks_as_the_text(tmp_path: Path) -> None:
    parsed = read(division_xlsx(tmp_path / "分工.xlsx"))
    text = parse_text(DIVISION_TEXT)
    assert parsed.title == DIVISION_TITLE == text.title
    assert (parsed.period_start, parsed.period_end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert key(parsed) == key(text)
    # the merged lead cell covers both rows; 长期坚持 is kept as written, with no date
    assert parsed.tasks[1].lead == ["省科技厅"]
    assert (parsed.tasks[-1].deadline, parsed.tasks[-1].deadline_text) == (None, "长期坚持")
    assert parsed.tasks[0].line == 5  # sheet row of the first task
    assert parsed.warnings == []


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter=",") -> Path:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("gb18030", ","), ("utf-8-sig", ";"), ("utf-16", "\t")],
)
def test_csv_in_any_encoding_and_delimiter(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [
        ["2022年重点工作任务清单"],
        ["序号", "工作任务", "责任单位", "时间节点"],
        ["1", "制定实施方案。", "省科技厅、省财政厅", "3月底前"],
        ["", "", "", ""],
        ["2", "开展督查。(牵头单位:办公室)", "", "2022年11月30日"],
    ]
    path = write_csv(tmp_path / "清单.csv", rows, encoding=encoding, delimiter=delimiter)
    parsed = read(path)
    assert parsed.title == "2022年重点工作任务清单"
    assert [(t.number, t.responsible, t.lead, t.deadline) for t in parsed.tasks] == [
        ("1", ["省科技厅", "省财政厅"], [], date(2022, 3, 31)),
        ("2", [], ["办公室"], date(2022, 11, 30)),
    ]
    first_lead = read(path, first_lead=True)
    assert (first_lead.tasks[0].lead, first_lead.tasks[0].support) == (["省科技厅"], ["省财政厅"])


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_csv_table_saved_as_text_is_read_as_csv(tmp_path: Path, encoding: str) -> None:
    """A CSV export saved (or pasted) as .txt: its cells split by commas, not its text by markers."""
    rows = [
        ["2022年重点工作任务清单"],
        ["序号", "工作任务", "牵头单位", "配合单位"],
        ["1", "制定实施方案,明确分工。", "省科技厅", "省财政厅、省教育厅"],
        ["2", "开展督查。", "省政府办公厅", ""],
    ]
    parsed = read(write_csv(tmp_path / "清单.txt", rows, encoding=encoding))
    assert [(t.number, t.title, t.lead, t.support) for t in parsed.tasks] == [
        ("1", "制定实施方案,明确分工", ["省科技厅"], ["省财政厅", "省教育厅"]),
        ("2", "开展督查", ["省政府办公厅"], []),
    ]


def test_prose_with_commas_saved_as_text_is_not_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "要点.txt"
    path.write_text("2024年工作要点\n1.完善制度,健全机制。(牵头单位:市发改委,配合单位:市财政局)\n")
    (task,) = read(path).tasks
    assert (task.lead, task.support) == (["市发改委"], ["市财政局"])


def test_group_column_becomes_headings_and_dates_are_deadlines(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "重点任务", "具体任务", "牵头单位", "参与单位", "责任人", "完成时间"])
    sheet.append(
        [1, "平台建设", "建设实验室", "科技厅", "财政厅 教育厅", "张三", date(2024, 6, 30)]
    )
    sheet.append([2, None, "建设中试基地", "工信厅", "科技厅牵头,财政厅配合", None, None])
    sheet.merge_cells("B2:B3")
    sheet.append([3, "人才引进", "引进团队", "人社厅", None, "李四、王五", "2024年底"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    parsed = read(path)
    assert [(i.kind, i.number, i.title) for i in parsed.items] == [
        ("heading", "一", "平台建设"),
        ("task", "一.1", "建设实验室"),
        ("task", "一.2", "建设中试基地"),
        ("heading", "二", "人才引进"),
        ("task", "二.3", "引进团队"),
    ]
    first, second, third = parsed.tasks
    assert (first.lead, first.support, first.persons) == (
        ["科技厅"],
        ["财政厅", "教育厅"],
        ["张三"],
    )
    assert first.deadline == date(2024, 6, 30)
    # a unit cell with role verbs gives its own roles
    assert (second.lead, second.support) == (["工信厅", "科技厅"], ["财政厅"])
    assert third.persons == ["李四", "王五"]
    assert third.deadline == date(2024, 12, 31)
    assert parsed.title == "t"  # no title row: the file name


def test_every_sheet_with_a_header_is_read(tmp_path: Path) -> None:
    book = Workbook()
    for name, unit in (("科技", "科技厅"), ("财政", "财政厅")):
        sheet = book.create_sheet(name)
        sheet.append(["序号", "任务内容", "牵头单位"])
        sheet.append([1, f"{unit}的任务", unit])
    book.remove(book.worksheets[0])
    path = tmp_path / "two.xlsx"
    book.save(path)
    parsed = read(path)
    assert [(i.kind, i.number, i.title) for i in parsed.items] == [
        ("heading", "一", "科技"),
        ("task", "一.1", "科技厅的任务"),
        ("heading", "二", "财政"),
        ("task", "二.1", "财政厅的任务"),
    ]


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("牵头单位", "lead"),
        ("牵 头 单 位", "lead"),
        ("完成时限(年月)", "deadline"),
        ("协办单位", "support"),
        ("责任单位", "responsible"),
        ("主要工作任务", "task"),
        ("序号", "number"),
        ("加快推进产业技术创新战略联盟建设和完善工作任务体系", None),
        ("", None),
    ],
)
def test_header_synonyms(cell: str, name: str | None) -> None:
    assert header_field(cell) == name


def test_no_recognisable_header_is_refused(tmp_path: Path) -> None:
    assert find_header([["姓名", "电话"], ["张三", "123"]]) is None
    path = write_csv(tmp_path / "phones.csv", [["姓名", "电话"], ["张三", "123"]])
    with pytest.raises(InputError, match=r"phones\.csv: no task table found"):
        read(path)


def test_empty_and_corrupt_workbooks_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match=r"empty\.xlsx: empty workbook"):
        read(path)
    data = path.read_bytes()
    with pytest.raises(InputError, match="corrupt file"):
        read_document(data[:200], source="cut.xlsx")


def test_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [["序号", "工作任务", "牵头单位"], ["", "", ""]])
    with pytest.raises(InputError, match="header but no task rows"):
        read(path)


def test_ledger_csv_names_its_unit_after_the_file(tmp_path: Path) -> None:
    rows = [
        ["编号", "序号", "任务", "角色", "完成时限", "状态"],
        ["4", "一.1", "加快培育创新型企业", "牵头", "2012-12-31", "待签收"],
        ["9", "二.3", "加快组织实施重大专项", "配合", "", "进行中"],
    ]
    parsed = read(write_csv(tmp_path / "法规处台账.csv", rows))
    assert parsed.title == "法规处 台账"
    assert [(t.number, t.title, t.lead, t.support, t.deadline) for t in parsed.tasks] == [
        ("一.1", "加快培育创新型企业", ["法规处"], [], date(2012, 12, 31)),
        ("二.3", "加快组织实施重大专项", [], ["法规处"], None),
    ]


def test_a_sheet_in_traditional_characters_is_read_in_simplified(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["2022年重點工作任務分解表"])
    sheet.append(["序號", "重點任務", "牽頭單位", "配合單位", "完成時限"])
    sheet.append([1, "優化營商環境", "市發展和改革委員會", "市財政局、各縣區政府", "2022年6月底前"])
    sheet.append([2, "推進數字政府建設", "市大數據局", "市級各有關部門", "2022年12月底前"])
    path = tmp_path / "分解表.xlsx"
    book.save(path)
    first, second = read(path).tasks
    assert (first.title, first.lead, first.support) == (
        "优化营商环境",
        ["市发展和改革委员会"],
        ["市财政局", "各县区政府"],
    )
    assert (second.lead, second.deadline) == (["市大数据局"], date(2022, 12, 31))


def test_columns_of_other_kinds_are_attributes(tmp_path: Path) -> None:
    rows = [
        ["序号", "重点任务", "牵头单位", "完成时限", "进展情况", "备注"],
        ["1", "建成区域医疗中心。", "市卫健委", "2024年底", "主体完工", ""],
        ["2", "新增普惠托位500个。", "市卫健委", "2024年9月", "", "含社区托育点"],
    ]
    first, second = read(write_csv(tmp_path / "进展.csv", rows)).tasks
    assert first.attributes == {"进展情况": "主体完工"}
    assert second.attributes == {"备注": "含社区托育点"}
    assert (first.lead, first.deadline) == (["市卫健委"], date(2024, 12, 31))


def test_section_rows_nest_by_marker_and_their_notes_go_to_their_tasks(tmp_path: Path) -> None:
    rows = [
        ["序号", "重点任务", "牵头单位", "责任领导"],
        ["一、经济发展(牵头领导:王明)"] * 4,
        ["(一)项目建设(牵头单位:市发改委)"] * 4,
        ["1", "推进重大项目开工。", "", ""],
        ["2", "加快园区建设。", "市工信局", "李华"],
        ["二、民生保障"] * 4,
        ["3", "新增就业1万人。", "市人社局", ""],
    ]
    parsed = read(write_csv(tmp_path / "分解.csv", rows))
    assert [(i.number, i.title) for i in parsed.items if i.kind == "heading"] == [
        ("一", "经济发展"),
        ("一.(一)", "项目建设"),
        ("二", "民生保障"),
    ]
    assert [(t.number, t.lead, t.persons) for t in parsed.tasks] == [
        ("一.(一).1", ["市发改委"], ["王明"]),  # both from the section rows above it
        ("一.(一).2", ["市工信局"], ["李华"]),  # its own
        ("二.3", ["市人社局"], []),
    ]


def test_a_unit_cell_stating_roles_is_read_under_its_column_label(tmp_path: Path) -> None:
    rows = [
        ["序号", "重点任务", "责任单位"],
        ["1", "开设惠企政策专栏。", "市营商环境局牵头,市发展改革委、市财政局"],
        ["2", "公开重大项目信息。", "市发展改革委牵头,市住建局等政府各有关"],
    ]
    parsed = read(write_csv(tmp_path / "分工.csv", rows))
    assert [(t.lead, t.support) for t in parsed.tasks] == [
        (["市营商环境局"], ["市发展改革委", "市财政局"]),  # listed without a verb after a lead
        (["市发展改革委"], ["市住建局"]),
    ]
    assert [w.message for w in parsed.warnings] == [
        "not a unit (a group cut before its noun, not a name): 政府各有关"
    ]


def test_a_table_whose_title_names_no_plan_takes_its_dated_line(tmp_path: Path) -> None:
    rows = [
        ["XX县人民政府"],
        ["> 政务公开 > 工作报告"],
        ["XX县2024年重点工作一季度进展情况表"],
        ["2024年4月10日"],
        ["序号", "重点任务", "责任单位", "进展情况"],
        ["1", "建成区域医疗中心。", "县卫健局", "主体完工"],
    ]
    parsed = read(write_csv(tmp_path / "进展.csv", rows))
    assert parsed.title == "XX县2024年重点工作一季度进展情况表"
    assert (parsed.period_start, parsed.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_cells_decide_what_a_column_is(tmp_path: Path) -> None:
    # a merged 类别 cell (its text in every row it covers) before the only task column groups the
    # rows; names run together in one cell are read apart where another row names them apart
    grouped = [
        ["序号", "类别", "工作任务", "责任股室"],
        ["1", "公共文化", "开展文化下乡演出100场。", "文化股、文化馆"],
        ["2", "公共文化", "推进总分馆制建设。", "文化股文化馆"],
        ["3", "文物保护", "完成石刻修缮方案设计。", "文物股"],
    ]
    parsed = read(write_csv(tmp_path / "grouped.csv", grouped))
    assert [(i.kind, i.title) for i in parsed.items] == [
        ("heading", "公共文化"),
        ("task", "开展文化下乡演出100场"),
        ("task", "推进总分馆制建设"),
        ("heading", "文物保护"),
        ("task", "完成石刻修缮方案设计"),
    ]
    assert parsed.tasks[1].responsible == ["文化股", "文化馆"]
    # a second task column of figures holds attributes; a first one with a cell of its own in
    # every row names the row's task
    named = [
        ["序号", "任务名称", "项目内容", "目标任务", "牵头单位"],
        ["1", "城镇就业", "城镇新增就业(人)", "26000", "市人社局"],
        ["2", "技能培训", "开展职业技能培训(人次)", "3000", "市人社局"],
    ]
    parsed = read(write_csv(tmp_path / "named.csv", named))
    assert [(t.title, t.full_text, t.lead, t.attributes) for t in parsed.tasks] == [
        ("城镇就业", "城镇就业\n城镇新增就业(人)", ["市人社局"], {"目标任务": "26000"}),
        ("技能培训", "技能培训\n开展职业技能培训(人次)", ["市人社局"], {"目标任务": "3000"}),
    ]
