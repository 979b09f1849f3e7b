"""`taskctl remind`: 督办函 read back from .docx, numbers per year, events per task, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from tests.cli.test_bad_input import dump
from tests.conftest import Runner

AFTER = "2013-01-15"  # every zj2012 task is due 2012-12-31
BEFORE = "2012-06-01"  # nothing is overdue yet


def letters_of(path: Path) -> list[dict]:
    """Each letter of a .docx: title, number, addressee, task rows (without the header)."""
    doc = Document(str(path))
    paras = [p.text for p in doc.paragraphs]
    out = []
    tables = iter(doc.tables)
    for i, text in enumerate(paras):
        if text.startswith("关于督促办理"):
            table = next(tables)
            out.append(
                {
                    "title": text,
                    "number": paras[i + 1],
                    "addressee": paras[i + 2],
                    "header": [c.text for c in table.rows[0].cells],
                    "rows": [[c.text for c in r.cells] for r in table.rows[1:]],
                }
            )
    return out


def test_one_letter_per_unit_read_back(zj: Runner, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "督办函.docx"
    result = zj("remind", "--as-of", AFTER, "-u", "高新处", "-u", "法规处", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "督办函 2 份（〔2013〕1号—〔2013〕2号）" in result.stderr
    letters = letters_of(out)
    assert [lt["addressee"] for lt in letters] == ["高新处：", "法规处："]
    assert [lt["number"] for lt in letters] == ["督办〔2013〕1号", "督办〔2013〕2号"]
    assert letters[0]["title"] == "关于督促办理逾期任务的通知"
    assert letters[0]["header"] == ["序号", "任务", "角色", "完成时限", "逾期天数", "最新进展"]
    assert len(letters[0]["rows"]) == 7  # 高新处 leads 7 tasks
    assert {r[2] for r in letters[0]["rows"]} == {"牵头"}
    assert letters[0]["rows"][0][3:5] == ["2012-12-31", "15"]
    doc = Document(str(out))
    title = doc.paragraphs[0].runs[0]
    assert title.font.size.pt == 22 and 'w:eastAsia="方正小标宋简体"' in title._element.xml
    assert doc.paragraphs[3].runs[0].font.size.pt == 16  # the body, 仿宋 三号
    assert round(doc.sections[0].top_margin.mm) == 37  # GB/T 9704 margins
    breaks = doc.element.body.xml.count('w:type="page"')
    assert breaks == len(letters) - 1  # a page per unit
    texts = [p.text for p in doc.paragraphs]
    assert "请于2013年1月18日前将办理进展及下一步措施书面反馈市政府督查室。" in texts
    assert texts[-1] == "2013年1月15日"
    # one event per task of each letter, with the number, the date and the actor
    data = zj.json("history", "zj2012:二.2")
    chased = [e for e in data if e["kind"] == "reminded"]
    assert [e["new"] for e in chased] == ["〔2013〕1号"]
    assert chased[0]["actor"] == "tester"
    assert json.loads(chased[0]["note"])["date"] == AFTER
    shown = zj.ok("history", "zj2012:二.2")
    assert "督办" in shown and "督办函致高新处" in shown


def test_numbers_count_on_within_a_year_and_restart(zj: Runner, tmp_path: Path) -> None:
    def numbers(as_of: str) -> list[str]:
        out = tmp_path / f"{as_of}.docx"
        zj.ok("remind", "--as-of", as_of, "-u", "高新处", "-u", "人事处", "-o", str(out))
        return [lt["number"] for lt in letters_of(out)]

    assert numbers("2013-01-15") == ["督办〔2013〕1号", "督办〔2013〕2号"]
    assert numbers("2013-02-01") == ["督办〔2013〕3号", "督办〔2013〕4号"]
    assert numbers("2014-01-06") == ["督办〔2014〕1号", "督办〔2014〕2号"]
    assert numbers("2013-03-01") == ["督办〔2013〕5号", "督办〔2013〕6号"]
    rows = zj.json("overdue", "--as-of", "2014-02-01", "--unit", "高新处")
    assert {r["reminded"] for r in rows} == {4}
    assert {r["last_reminded"] for r in rows} == {"2014-01-06"}
    report = zj.json("unit-report", "人事处", "--as-of", "2014-02-01")
    assert {r["reminded"] for r in report} >= {4}


def test_every_department_and_split(zj: Runner, tmp_path: Path, db_url: str) -> None:
    before = dump(db_url)
    plan = zj.ok("remind", "--as-of", AFTER, "--dry-run")
    assert "〔2013〕1号" in plan and "高新处" in plan and "未记录" in plan
    assert dump(db_url) == before  # --dry-run records nothing
    bare = zj("remind", "--as-of", AFTER)  # nowhere to write: the same preview, and a hint
    assert bare.exit_code == 0 and bare.stdout == plan
    assert "仅预览，未写入、未登记" in bare.stderr
    assert dump(db_url) == before
    assert not list(tmp_path.glob("*.docx"))
    folder = tmp_path / "letters"
    zj.ok("remind", "--as-of", AFTER, "--split", str(folder))
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 15
    assert any(name.endswith("-高新处.docx") for name in files)
    assert all(len(letters_of(folder / name)) == 1 for name in files)


def test_within_adds_tasks_due_soon_and_md_json(zj: Runner) -> None:
    with pytest.raises(AssertionError):
        zj.ok("remind", "--as-of", "2012-12-20", "-u", "高新处")
    md = zj.ok("remind", "--as-of", "2012-12-20", "--within", "2w", "-u", "高新处", "-f", "md")
    assert "# 关于督促办理逾期及临期任务的通知" in md
    assert "11天后到期" in md and "〔2012〕1号" in md
    data = zj.json(
        "remind", "--as-of", "2013-01-15", "-u", "高新处", "--title", "关于加快推进重点工作的通知"
    )
    assert data[0]["title"] == "关于加快推进重点工作的通知"
    assert data[0]["number"] == "督办〔2013〕1号"
    assert len(data[0]["rows"]) == 7
    en = zj.ok(
        "--lang",
        "en",
        "remind",
        "--as-of",
        "2013-01-16",
        "-u",
        "高新处",
        "--from",
        "DO",
        "-f",
        "md",
    )
    assert "Reminder 〔2013〕2号" in en and "Please report progress and next steps to DO" in en


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["-u", "不存在的单位", "-o", "{tmp}/a.docx"], "不存在的单位"),
        (["-u", "高新处", "--as-of", BEFORE, "-o", "{tmp}/a.docx"], "高新处"),
        (["--as-of", BEFORE, "-o", "{tmp}/a.docx"], BEFORE),
        (["-u", "高新处", "-o", "{tmp}/file.txt/a.docx"], "file.txt"),
        (["-u", "高新处", "-o", "{tmp}"], "directory"),
        (["-u", "高新处", "-o", "{tmp}/a.pdf"], "a.pdf"),
        (["-u", "高新处", "--format", "docx"], "-o"),
        (["-u", "高新处", "--reply-by", "2012-01-01"], "--reply-by"),
    ],
    ids=[
        "unknown unit",
        "nothing overdue",
        "nothing anywhere",
        "unwritable",
        "dir",
        "ext",
        "docx to stdout",
        "reply before",
    ],
)
def test_bad_input_records_nothing(
    zj: Runner, tmp_path: Path, db_url: str, args: list[str], expect: str
) -> None:
    (tmp_path / "file.txt").write_text("x")
    args = [a.format(tmp=tmp_path) for a in args]
    if "--as-of" not in args:
        args += ["--as-of", AFTER]
    before = dump(db_url)
    result = zj.fails("remind", *args)
    assert result.stderr.startswith("taskctl: error: ")
    assert expect in result.stderr
    assert dump(db_url) == before
    assert not (tmp_path / "a.docx").exists()


def test_clerks_writing_letters_at_once_get_distinct_numbers(zj: Runner) -> None:
    import os
    import subprocess
    import sys

    units = ["高新处", "法规处", "人事处", "农村处"]
    env = {**os.environ, "TASKCTL_LANG": "zh"}
    args = ["--as-of", AFTER, "--format", "json"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "taskctl", "--db", zj.db, "remind", "-u", unit, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for unit in units
    ]
    numbers = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        numbers += [letter["number"] for letter in json.loads(out)]
    assert sorted(numbers) == [f"督办〔2013〕{n}号" for n in (1, 2, 3, 4)]
