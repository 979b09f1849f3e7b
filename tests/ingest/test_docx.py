"""The .docx reader: body order, Word's automatic numbering replayed, heading styles, tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.docx import chinese_numeral, docx_text, format_number
from taskctl.ingest.readers import read_document
from tests.conftest import seed
from tests.fixtures.office import (
    DIVISION_TEXT,
    add_numbering,
    division_docx,
    docx_from_text,
    number_paragraph,
)


def outline(parsed) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [
        (
            i.kind,
            i.number,
            i.level,
            i.parent,
            i.title,
            i.full_text,
            i.lead,
            i.support,
            i.responsible,
            i.persons,
            i.deadline,
        )
        for i in parsed.items
    ]


def read(path: Path):  # type: ignore[no-untyped-def]
    return read_document(path.read_bytes(), source=str(path))


@pytest.mark.parametrize("auto_numbering", [False, True], ids=["typed", "word-numbering"])
@pytest.mark.parametrize("name", ["zj2012", "sc2012"])
def test_docx_of_a_seed_parses_like_its_text(
    tmp_path: Path, name: str, auto_numbering: bool
) -> None:
    text = Path(seed(name)).read_text(encoding="utf-8")
    path = docx_from_text(text, tmp_path / f"{name}.docx", auto_numbering=auto_numbering)
    from_docx = read(path)
    from_text = parse_text(text, source=f"{name}.txt")
    assert from_docx.title == from_text.title
    assert (from_docx.period_start, from_docx.period_end) == (
        from_text.period_start,
        from_text.period_end,
    )
    assert outline(from_docx) == outline(from_text)


def test_word_numbering_markers_are_written_back(tmp_path: Path) -> None:
    text = "工作要点\n一、第一部分\n1.甲任务。\n2.乙任务。\n二、第二部分\n(一)小节\n1.丙任务。\n"
    path = docx_from_text(text, tmp_path / "n.docx", auto_numbering=True)
    lines, tables = docx_text(path.read_bytes(), source="n.docx")
    assert lines == [
        "工作要点",
        "一、第一部分",
        "1.甲任务。",
        "2.乙任务。",
        "二、第二部分",
        "（一）小节",
        "1.丙任务。",
    ]
    assert tables == []


def test_start_override_restarts_a_list_and_bullets_have_no_marker(tmp_path: Path) -> None:
    document = Document()
    first = add_numbering(document)
    bullets = (
        '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    )
    bullet_list = add_numbering(document, bullets, 91)
    for text in ("甲", "乙"):
        number_paragraph(document.add_paragraph(text), first, 2)
    number_paragraph(document.add_paragraph("说明"), bullet_list, 0)
    # a second list instance of the same definition that restarts at 5
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="977"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        )
    )
    number_paragraph(document.add_paragraph("丙"), 977, 2)
    number_paragraph(document.add_paragraph("丁"), 977, 2)
    path = tmp_path / "o.docx"
    document.save(path)
    lines, _ = docx_text(path.read_bytes(), source="o.docx")
    assert lines == ["1.甲", "2.乙", "说明", "5.丙", "6.丁"]


def test_heading_styles_without_numbering_get_markers_by_level(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("某省2024年科技工作要点", level=1)
    document.add_heading("强化创新平台", level=2)
    document.add_heading("建设实验室", level=3)
    document.add_paragraph("推进实验室建设。(牵头单位:科技厅)")
    document.add_heading("培育企业", level=3)
    document.add_paragraph("培育科技型企业。(牵头单位:工信厅)")
    document.add_heading("深化改革", level=2)
    document.add_heading("改革评价", level=3)
    document.add_paragraph("改革科技评价。(牵头单位:科技厅)")
    path = tmp_path / "h.docx"
    document.save(path)
    lines, _ = docx_text(path.read_bytes(), source="h.docx")
    assert lines[:3] == ["某省2024年科技工作要点", "一、强化创新平台", "(一)建设实验室"]
    parsed = read(path)
    assert parsed.title == "某省2024年科技工作要点"
    assert [t.number for t in parsed.tasks] == ["一.(一)", "一.(二)", "二.(一)"]
    assert [t.lead for t in parsed.tasks] == [["科技厅"], ["工信厅"], ["科技厅"]]


def test_division_table_in_word_gives_the_tasks_of_the_same_plan_as_text(tmp_path: Path) -> None:
    path = division_docx(tmp_path / "分工.docx", preamble="2023年全省科技工作重点任务分工表")
    parsed = read(path)
    text = parse_text(DIVISION_TEXT)
    assert parsed.title == text.title
    assert (parsed.period_start, parsed.period_end) == (text.period_start, text.period_end)

    def key(p):  # type: ignore[no-untyped-def]
        return [(i.kind, i.number, i.title, i.lead, i.support, i.deadline) for i in p.items]

    assert key(parsed) == key(text)


def test_other_tables_are_read_as_text(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("2024年工作要点")
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "一、总体安排"
    table.cell(1, 0).text = "1.做好甲工作。(责任单位:办公室)"
    path = tmp_path / "layout.docx"
    document.save(path)
    parsed = read(path)
    assert [(t.number, t.responsible) for t in parsed.tasks] == [("一.1", ["办公室"])]


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "chineseCounting", "三"),
        (12, "chineseCountingThousand", "十二"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (4, "decimalEnclosedCircle", "④"),
        (2, "ideographTraditional", "乙"),
        (28, "upperLetter", "BB"),
        (9, "lowerRoman", "ix"),
        (7, "decimalZero", "07"),
        (7, "somethingNew", "7"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_chinese_numerals_round_trip() -> None:
    from taskctl.vocab import chinese_number

    for n in range(1, 200):
        assert chinese_number(chinese_numeral(n)) == n


def test_corrupt_docx_is_one_line_error(tmp_path: Path) -> None:
    path = docx_from_text("一、甲\n1.乙。\n", tmp_path / "ok.docx")
    import io
    import zipfile

    broken = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(InputError, match=r"bad\.docx: corrupt \.docx file"):
        read_document(broken.getvalue(), source="bad.docx")
    data = path.read_bytes()
    with pytest.raises(InputError, match="corrupt file"):
        read_document(data[: len(data) // 2], source="truncated.docx")


def test_docx_without_text_or_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(path)
    with pytest.raises(InputError, match="empty document"):
        read(path)
