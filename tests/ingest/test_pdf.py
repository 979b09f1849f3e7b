"""The PDF reader: page numbers, running headers and footers, wrapped lines, scans and bad files.

The fixtures under tests/fixtures/ are written by tests/fixtures/make_pdf.py (a hand-written PDF with a
CJK text layer: no PDF library with CJK fonts is available to make one).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.pdf import clean_pages, is_page_number
from taskctl.ingest.readers import read_document
from tests.fixtures.make_pdf import PLAN_PAGES, text_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    "line", ["- 3 -", "－ ３ －", "—12—", "第3页", "第 3 页 共 9 页", "3/9", "Page 3", "7", " 12 "]
)
def test_page_numbers(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2012年", "1.加快培育", "(一)指导思想", "第三章", "- 3 - 附件"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


def test_clean_pages_drops_numbers_and_running_headers_keeps_body() -> None:
    pages = [
        "科技厅文件\n一、总体要求\n正文第一页\n- 1 -",
        "科技厅文件\n正文第二页\n第2页",
        "科技厅文件\n正文第三页\n3",
    ]
    assert clean_pages(pages) == "一、总体要求\n正文第一页\n正文第二页\n正文第三页"


def test_a_single_page_keeps_its_first_line() -> None:
    assert clean_pages(["科技厅文件\n正文\n- 1 -"]) == "科技厅文件\n正文"


def test_pdf_parses_like_the_text_it_shows() -> None:
    data = (FIXTURES / "plan.pdf").read_bytes()
    assert data == text_pdf(PLAN_PAGES)  # the committed fixture is what the script writes
    parsed = read_document(data, source="plan.pdf")
    text = parse_text("\n".join(line for page in PLAN_PAGES for line in page), source="plan.txt")
    assert parsed.title == text.title == "四川省技术创新工程实施方案"

    def key(p):  # type: ignore[no-untyped-def]
        return [(i.kind, i.number, i.title, i.responsible, i.deadline) for i in p.items]

    assert key(parsed) == key(text)
    assert [(t.number, t.responsible) for t in parsed.tasks] == [
        ("一.(一)", ["科技厅", "经济和信息化委"]),
        ("一.(二)", ["科技厅", "发展改革委"]),
        ("一.(三)", ["科技厅", "教育厅"]),
    ]
    # the item cut by the page break is whole again, its deadline read
    assert parsed.tasks[1].deadline == date(2018, 12, 31)


def test_scanned_pdf_is_refused() -> None:
    data = (FIXTURES / "scanned.pdf").read_bytes()
    with pytest.raises(InputError, match=r"scan\.pdf: scanned PDF without a text layer; OCR"):
        read_document(data, source="scan.pdf")


def test_corrupt_pdf_is_refused() -> None:
    with pytest.raises(InputError, match=r"bad\.pdf: corrupt PDF"):
        read_document(b"%PDF-1.4\n garbage without objects", source="bad.pdf")


def test_missing_pdfplumber_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(InputError, match=r"install taskctl\[pdf\]"):
        read_document((FIXTURES / "plan.pdf").read_bytes(), source="plan.pdf")
