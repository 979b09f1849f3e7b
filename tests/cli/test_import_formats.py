"""`taskctl import` of .docx, .xlsx, .csv, .pdf and ledgers end to end (SQLite and PostgreSQL): the same
tasks as the text import of the same content, the reader picked by content, and clean refusals."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from tests.conftest import Runner, seed
from tests.fixtures.office import DIVISION_TEXT, division_docx, division_xlsx, docx_from_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def tasks(run: Runner, *args: str) -> list[dict]:
    return json.loads(run.ok("list", "--format", "json", *args))


def comparable(rows: list[dict]) -> list[tuple]:
    return [
        (
            r["number"],
            r["title"],
            r["lead"],
            r["support"],
            r["responsible"],
            r["persons"],
            r["deadline"],
        )
        for r in rows
    ]


def assert_nothing_written(run: Runner) -> None:
    assert tasks(run) == []
    assert json.loads(run.ok("documents", "--format", "json")) == []


def test_docx_with_word_numbering_imports_like_the_text(run: Runner, tmp_path: Path) -> None:
    text = Path(seed("zj2012")).read_text(encoding="utf-8")
    path = docx_from_text(text, tmp_path / "zj2012.docx", auto_numbering=True)
    run.ok("import", seed("zj2012"), "--key", "txt")
    out = run.ok("--lang", "en", "import", str(path), "--key", "docx")
    assert "26 tasks" in out
    from_docx = tasks(run, "--document", "docx")
    assert comparable(from_docx) == comparable(tasks(run, "--document", "txt"))
    assert from_docx[0]["lead"] == ["法规处"]


@pytest.mark.parametrize("maker", [division_xlsx, division_docx], ids=["xlsx", "docx"])
def test_division_table_imports_like_the_text(run: Runner, tmp_path: Path, maker) -> None:  # type: ignore[no-untyped-def]
    text_path = tmp_path / "plan.txt"
    text_path.write_text(DIVISION_TEXT, encoding="utf-8")
    suffix = ".xlsx" if maker is division_xlsx else ".docx"
    table_path = maker(tmp_path / f"分工{suffix}")
    run.ok("import", str(text_path), "--key", "txt")
    run.ok("import", str(table_path), "--key", "table")
    from_table = tasks(run, "--document", "table")
    assert comparable(from_table) == comparable(tasks(run, "--document", "txt"))
    assert [r["deadline"] for r in from_table] == [
        "2023-06-30",
        "2023-12-31",
        "2023-09-30",
        "2023-10-31",
        "2023-12-31",  # 长期坚持: no date, the plan's end applies
    ]


def test_reader_is_picked_by_content_not_extension(run: Runner, tmp_path: Path) -> None:
    path = division_xlsx(tmp_path / "分工.xlsx")
    disguised = tmp_path / "分工.txt"
    disguised.write_bytes(path.read_bytes())
    out = run.ok("--lang", "en", "import", str(disguised))
    assert "5 tasks" in out


def test_csv_import(run: Runner, tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    path.write_text(
        "2022年重点工作任务清单\n序号,工作任务,牵头单位,配合单位,完成时限\n"
        "1,制定实施方案。,省科技厅,省财政厅、省教育厅,3月底前\n",
        encoding="gb18030",
    )
    run.ok("import", str(path))
    (row,) = tasks(run)
    assert (row["lead"], row["support"], row["deadline"]) == (
        ["省科技厅"],
        ["省财政厅", "省教育厅"],
        "2022-03-31",
    )


def test_pdf_import(run: Runner) -> None:
    run.ok("import", str(FIXTURES / "plan.pdf"))
    rows = tasks(run)
    assert [r["number"] for r in rows] == ["一.(一)", "一.(二)", "一.(三)"]
    assert rows[1]["responsible"] == ["科技厅", "发展改革委"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ledger_export_imports_as_tasks_into_an_empty_database(
    run: Runner, tmp_path: Path, lang: str
) -> None:
    run.ok("import", seed("zj2012"))
    ledger = tmp_path / "ledger.xlsx"
    run.ok("--lang", lang, "ledger", "export", "--unit", "法规处", "-o", str(ledger))
    original = [r for r in tasks(run) if "法规处" in r["lead"] + r["support"] + r["responsible"]]
    fresh = Runner(str(tmp_path / "fresh.db"))
    fresh.ok("import", str(ledger))
    imported = tasks(fresh)
    assert [(r["number"], r["title"], r["deadline"]) for r in imported] == [
        (r["number"], r["title"], r["deadline"]) for r in original
    ]
    for new, old in zip(imported, original, strict=True):
        for role in ("lead", "support", "responsible"):
            assert new[role] == (["法规处"] if "法规处" in old[role] else [])
    units = json.loads(fresh.ok("units", "--format", "json"))
    assert [u["unit"] for u in units] == ["法规处"]


def encrypted_office_file() -> bytes:
    """An OLE compound file holding the two streams of a password-protected .docx/.xlsx
    (EncryptionInfo, EncryptedPackage): header sector plus one directory sector."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray()
    for name, kind in (("Root Entry", 5), ("EncryptionInfo", 2), ("EncryptedPackage", 2)):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), kind)
        directory += entry
    return bytes(header) + bytes(directory.ljust(512, b"\x00"))


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = docx_from_text("一、甲\n1.乙。\n", tmp_path / "good.docx").read_bytes()
    files: dict[str, tuple[Path, str]] = {}

    def add(name: str, data: bytes, problem: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[name] = (path, problem)

    add("corrupt.docx", b"PK\x03\x04" + b"\x00" * 200, "corrupt file")
    add("truncated.docx", good[: len(good) // 2], "corrupt file")
    add("secret.docx", encrypted_office_file(), "password-protected")
    add(
        "old.doc",
        encrypted_office_file().replace("EncryptedPackage".encode("utf-16-le"), b"x" * 32),
        ".doc",
    )
    add("phones.csv", "姓名,电话\n张三,123\n".encode(), "no task table found")
    book = Workbook()
    empty = tmp_path / "empty.xlsx"
    book.save(empty)
    files["empty.xlsx"] = (empty, "empty workbook")
    add("scan.pdf", (FIXTURES / "scanned.pdf").read_bytes(), "scanned PDF without a text layer")
    document = Document()
    path = tmp_path / "blank.docx"
    document.save(path)
    files["blank.docx"] = (path, "empty document")
    return files


@pytest.mark.parametrize(
    "name",
    [
        "corrupt.docx",
        "truncated.docx",
        "secret.docx",
        "old.doc",
        "phones.csv",
        "empty.xlsx",
        "scan.pdf",
        "blank.docx",
    ],
)
def test_bad_files_fail_in_one_line_and_write_nothing(
    run: Runner, tmp_path: Path, name: str
) -> None:
    path, problem = bad_files(tmp_path)[name]
    result = run.fails("import", str(path))
    assert str(path) in result.stderr
    assert problem in result.stderr
    assert_nothing_written(run)


def test_a_bad_file_among_good_ones_leaves_the_earlier_imports(run: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "phones.csv"
    bad.write_text("姓名,电话\n张三,123\n", encoding="utf-8")
    result = run.fails("import", str(division_xlsx(tmp_path / "a.xlsx")), str(bad))
    assert "phones.csv" in result.stderr
    assert len(tasks(run)) == 5
