"""Word documents (python-docx, imported only here): what a clerk sends to leaders.

A title, the date range (the report's subtitle), the summary, then real Word tables (style Table Grid,
bold header row repeated on every page): one for the report's own rows and one per section, each under a
heading. Chinese text is set in 宋体 (the East Asian font slot), light cells are shaded red/yellow/green,
and a wide table turns the page to landscape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taskctl.labels import label
from taskctl.render import Report, cell_text, export_columns

LIGHT_SHADES = {"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE"}
EAST_ASIA_FONT = "宋体"
LANDSCAPE_FROM = 7  # columns


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _set_east_asia_font(style: Any) -> None:
    from docx.oxml import OxmlElement

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(_qn("w:eastAsia"), EAST_ASIA_FONT)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement

    shd = OxmlElement("w:shd")
    shd.set(_qn("w:val"), "clear")
    shd.set(_qn("w:color"), "auto")
    shd.set(_qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(_qn("w:val"), "true")
    trpr.append(el)


def _add_table(doc: Any, report: Report, lang: str) -> None:
    from docx.shared import Pt

    cols = export_columns(report, for_people=True)
    if not report.rows:
        doc.add_paragraph(label("none", lang))
        return
    table = doc.add_table(rows=len(report.rows) + 1, cols=len(cols))
    table.style = "Table Grid"
    rows = table.rows
    header = rows[0]
    _repeat_header(header)
    for cell, c in zip(header.cells, cols, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(c.header(lang))
        run.bold = True
        run.font.size = Pt(9)
    for tr, row in zip(rows[1:], report.rows, strict=True):
        for cell, c in zip(tr.cells, cols, strict=True):
            value = row.get(c.key)
            run = cell.paragraphs[0].add_run(cell_text(value, c.kind, lang))
            run.font.size = Pt(9)
            if c.kind == "light" and value in LIGHT_SHADES:
                _shade(cell, LIGHT_SHADES[value])


def _landscape(doc: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = doc.sections[-1]
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))


def write_docx(report: Report, path: Path | str, lang: str) -> None:
    """Write `report` (title, date range, summary, a table per part) to a .docx file."""
    from docx import Document

    doc = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        _set_east_asia_font(doc.styles[name])
    widest = max(
        [len(export_columns(report, for_people=True))]
        + [len(export_columns(s, for_people=True)) for s in report.sections]
    )
    if widest >= LANDSCAPE_FROM:
        _landscape(doc)
    doc.add_heading(report.title or label("title", lang), level=0)
    if report.subtitle:
        doc.add_paragraph(report.subtitle)
    if report.summary:
        doc.add_paragraph(report.summary)
    _add_table(doc, report, lang)
    for section in report.sections:
        doc.add_heading(section.title, level=1)
        if section.summary:
            doc.add_paragraph(section.summary)
        _add_table(doc, section, lang)
    doc.core_properties.title = report.title or ""
    doc.core_properties.subject = report.subtitle or ""
    doc.core_properties.author = "taskctl"
    doc.save(str(path))
