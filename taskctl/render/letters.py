"""督办函 layout: the words of a letter (`letter_text`), then a .docx page, Markdown or JSON of it.

python-docx is imported only by `write_letters_docx`. A .docx holds one letter per page: title, number,
addressee (主送), body, the task table (header row repeated on every page), the reply deadline, the
issuing office and the date, right-aligned as official letters are, in the fonts, sizes and margins of
GB/T 9704 (a machine without 方正小标宋 or 仿宋_GB2312 shows its own substitutes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taskctl.labels import label

if TYPE_CHECKING:
    from taskctl.store.reminders import Letter

#: The table of a letter: key, Chinese and English header.
LETTER_COLUMNS = (
    ("number", "序号", "No."),
    ("title", "任务", "Task"),
    ("role", "角色", "Role"),
    ("deadline", "完成时限", "Deadline"),
    ("days_overdue", "逾期天数", "Days overdue"),
    ("latest_progress", "最新进展", "Latest progress"),
)


@dataclass
class LetterText:
    """Everything a letter says, in one language, ready for any layout."""

    title: str
    number: str
    unit: str
    addressee: str
    body: str
    headers: list[str]
    rows: list[list[str]]
    reply: str
    issuer: str
    date: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def long_date(day: date, lang: str) -> str:
    """2026年11月25日 / 25 November 2026."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def default_title(lang: str, *, due_soon: bool) -> str:
    if lang == "zh":
        return "关于督促办理逾期及临期任务的通知" if due_soon else "关于督促办理逾期任务的通知"
    return "Notice on overdue and due tasks" if due_soon else "Notice on overdue tasks"


def letter_text(
    letter: Letter,
    *,
    lang: str,
    title: str,
    day: date,
    reply_by: date,
    issuer: str,
) -> LetterText:
    """The words of one letter in `lang`."""
    zh = lang == "zh"
    number = letter.number or (f"〔{day.year}〕N号")
    rows = []
    for i, r in enumerate(letter.rows, 1):
        task = f"{r['number']} {r['title']}".strip()
        overdue = r["days_overdue"]
        if overdue:
            days = str(overdue)
        else:
            left = (r["deadline"] - day).days
            days = f"{left}天后到期" if zh else f"due in {left} days"
        progress = r.get("latest_progress") or ("暂无" if zh else "none")
        rows.append(
            [
                str(i),
                task,
                label(f"role.{r['role']}", lang),
                r["deadline"].isoformat(),
                days,
                progress,
            ]
        )
    n = len(letter.rows)
    when = long_date(day, lang)
    reply = long_date(reply_by, lang)
    soon = any(not r["days_overdue"] for r in letter.rows)
    if zh:
        state = "已超过完成时限或即将到期" if soon else "已超过完成时限"
        body = (
            f"截至{when}，你单位承担的以下{n}项任务{state}，尚未办结。"
            "请高度重视，明确责任人，抓紧推进落实。"
        )
        reply_line = f"请于{reply}前将办理进展及下一步措施书面反馈{issuer}。"
        addressee = f"{letter.unit}："
    else:
        body = (
            f"As of {when}, the {n} tasks below, for which your unit is responsible, are "
            f"{'past their deadline or due soon' if soon else 'past their deadline'} and not yet "
            "finished. Please give them priority, name the person in charge and move them forward."
        )
        reply_line = f"Please report progress and next steps to {issuer} by {reply}."
        addressee = f"To: {letter.unit}"
    return LetterText(
        title=title,
        number=f"督办{number}" if zh else f"Reminder {number}",
        unit=letter.unit,
        addressee=addressee,
        body=body,
        headers=[zh_h if zh else en_h for _, zh_h, en_h in LETTER_COLUMNS],
        rows=rows,
        reply=reply_line,
        issuer=issuer,
        date=when,
    )


def letters_markdown(texts: list[LetterText]) -> str:
    """All letters as one Markdown document, a horizontal rule between them."""
    parts = []
    for t in texts:
        lines = [f"# {t.title}", "", t.number, "", t.addressee, "", t.body, ""]
        lines.append("| " + " | ".join(t.headers) + " |")
        lines.append("|" + "|".join("---" for _ in t.headers) + "|")
        for row in t.rows:
            lines.append(
                "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |"
            )
        lines += ["", t.reply, "", t.issuer, "", t.date]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts) + "\n"


def letters_json(texts: list[LetterText]) -> str:
    import json

    return json.dumps([t.as_dict() for t in texts], ensure_ascii=False, indent=2) + "\n"


#: GB/T 9704 (党政机关公文格式): title in 小标宋 二号, text in 仿宋 三号, margins 37/35/28/26 mm.
TITLE_FONT, TEXT_FONT = "方正小标宋简体", "仿宋_GB2312"
TITLE_PT, TEXT_PT, TABLE_PT = 22, 16, 12


def _fonts(run: Any, east_asia: str, size: float, *, bold: bool = False) -> None:
    """Set a run's Chinese (East Asian) and Latin font and its size."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "Times New Roman"
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def write_letters_docx(texts: list[LetterText], path: Path | str) -> None:
    """One .docx, one letter per page, laid out as an official letter (GB/T 9704)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from taskctl.render.docx import _repeat_header

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    def para(
        text: str,
        *,
        align: Any = None,
        font: str = TEXT_FONT,
        size: float = TEXT_PT,
        indent: bool = False,
    ) -> Any:
        p = doc.add_paragraph()
        _fonts(p.add_run(text), font, size)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(2 * size)  # two characters
        return p

    for i, t in enumerate(texts):
        if i:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        para(t.title, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=TITLE_PT)
        para(t.number, align=WD_ALIGN_PARAGRAPH.CENTER)
        para(t.addressee)
        para(t.body, indent=True)
        table = doc.add_table(rows=len(t.rows) + 1, cols=len(t.headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _repeat_header(table.rows[0])
        for cell, header in zip(table.rows[0].cells, t.headers, strict=True):
            _fonts(cell.paragraphs[0].add_run(header), TEXT_FONT, TABLE_PT, bold=True)
        for tr, row in zip(table.rows[1:], t.rows, strict=True):
            for cell, value in zip(tr.cells, row, strict=True):
                _fonts(cell.paragraphs[0].add_run(value), TEXT_FONT, TABLE_PT)
        para(t.reply, indent=True)
        para(t.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT)
        para(t.date, align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.core_properties.title = texts[0].title if texts else ""
    doc.core_properties.author = "taskctl"
    doc.save(str(path))
