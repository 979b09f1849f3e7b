"""Batch updates end to end, both engines: `taskctl status T1 T2 … STATUS` and
`taskctl progress --from-file updates.csv`; one transaction, one event per change, all or nothing."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_track import db_task
from tests.conftest import Runner

A, B, C = "zj2012:一.1", "zj2012:一.2", "zj2012:二.3"


def _state(run: Runner, ref: str) -> tuple:
    row = db_task(run, ref)
    return row["status"], row["percent"], row["version"], row["events"], row["progress"]


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_status_of_several_tasks(zj: Runner) -> None:
    ids = [db_task(zj, ref)["id"] for ref in (A, B, C)]
    out = zj.ok("status", A, str(ids[1]), C, "已签收", "--by", "张三")
    assert out.splitlines() == [f"任务 {i}: 状态 待签收 → 已签收 (版本 2)" for i in ids]
    for ref in (A, B, C):
        row = db_task(zj, ref)
        assert (row["status"], row["version"]) == ("accepted", 2)
        assert row["events"][1:] == [("status", "assigned", "accepted", None, "张三")]


def test_status_batch_is_all_or_nothing(zj: Runner) -> None:
    zj.ok("status", B, "done")
    before = [_state(zj, ref) for ref in (A, B, C)]
    result = zj.fails("--lang", "en", "status", A, B, C, "in_progress")
    assert "reopens it" in result.stderr and str(db_task(zj, B)["id"]) in result.stderr
    assert [_state(zj, ref) for ref in (A, B, C)] == before
    result = zj.fails("status", A, "zj2012:九.9", "accepted")
    assert "zj2012:九.9" in result.stderr
    assert [_state(zj, ref) for ref in (A, B, C)] == before


def test_status_batch_refuses_expect_version(zj: Runner) -> None:
    result = zj.fails("status", A, B, "accepted", "--expect-version", "1")
    assert "--expect-version takes one task" in result.stderr
    assert db_task(zj, A)["version"] == 1


def test_progress_from_file(zj: Runner, tmp_path: Path) -> None:
    ids = [db_task(zj, ref)["id"] for ref in (A, B, C)]
    path = _write(
        tmp_path / "updates.csv",
        "id,status,percent,note\n"
        f"{ids[0]},已签收,,\n"
        f"{B},,40,完成招标\n"
        "\n"
        f"{C},办理中,60%,起草方案\n"
        f"{A},,,补充材料\n",
    )
    out = zj.ok("--lang", "en", "progress", "--from-file", path, "--by", "李四")
    assert out.splitlines() == [
        f"task {ids[0]}: status assigned → accepted (version 2)",
        f"task {ids[1]}: progress recorded ∅ → 40% (version 2)",
        f"task {ids[2]}: status assigned → in progress (version 2)",
        f"task {ids[2]}: progress recorded ∅ → 60% (version 3)",
        f"task {ids[0]}: progress recorded (version 3)",
    ]
    a, b, c = (db_task(zj, ref) for ref in (A, B, C))
    assert (a["status"], a["percent"], a["version"]) == ("accepted", None, 3)
    assert a["events"][1:] == [
        ("status", "assigned", "accepted", None, "李四"),
        ("progress", None, None, "补充材料", "李四"),
    ]
    assert a["progress"] == [("补充材料", None, "李四")]
    assert (b["status"], b["percent"], b["version"]) == ("assigned", 40, 2)
    assert b["progress"] == [("完成招标", 40, "李四")]
    assert (c["status"], c["percent"], c["version"]) == ("in_progress", 60, 3)
    assert c["events"][1:] == [
        ("status", "assigned", "in_progress", "起草方案", "李四"),
        ("progress", None, "60%", "起草方案", "李四"),
    ]


def test_progress_from_file_names_the_bad_row_and_writes_nothing(
    zj: Runner, tmp_path: Path
) -> None:
    before = [_state(zj, ref) for ref in (A, B, C)]
    path = _write(
        tmp_path / "updates.csv",
        f"task,status,percent,note\n{A},accepted,,\n{B},,30,招标\n{C},,150,太多\n",
    )
    result = zj.fails("progress", "--from-file", path)
    assert f"{path}, row 4: bad percent '150'" in result.stderr
    assert "nothing written" in result.stderr
    assert [_state(zj, ref) for ref in (A, B, C)] == before
    unknown = _write(tmp_path / "unknown.csv", f"id,status\n{A},accepted\n999999,accepted\n")
    result = zj.fails("progress", "--from-file", unknown)
    assert f"{unknown}, row 3: unknown task '999999'" in result.stderr
    assert [_state(zj, ref) for ref in (A, B, C)] == before


def test_progress_from_file_bad_files(zj: Runner, tmp_path: Path) -> None:
    result = zj.fails("progress", "--from-file", str(tmp_path / "missing.csv"))
    assert "missing.csv" in result.stderr
    bad = _write(tmp_path / "bad.csv", "id,colour\n1,red\n")
    assert "unknown column 'colour'" in zj.fails("progress", "--from-file", bad).stderr
    none = _write(tmp_path / "none.csv", "status,percent\naccepted,10\n")
    assert "no id column" in zj.fails("progress", "--from-file", none).stderr
    empty = _write(tmp_path / "empty.csv", f"id,status,percent,note\n{A},,,\n")
    assert "row 2: nothing to record" in zj.fails("progress", "--from-file", empty).stderr
    result = zj.fails("progress", A, "text", "--from-file", empty)
    assert "--from-file takes no TASK" in result.stderr
    assert "give a TASK and a TEXT" in zj.fails("progress", A).stderr
    assert db_task(zj, A)["version"] == 1
