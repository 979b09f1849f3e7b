"""`show` (reports/detail.py, render/detail.py): everything about one task, checked against the line
of zj2012 it comes from, and how it changes with tracking."""

from __future__ import annotations

from tests.conftest import SEEDS, Runner

SEED_LINES = (SEEDS / "zj2012.txt").read_text(encoding="utf-8").splitlines()
LINE = 33  # 1.加快高新技术产业开发区(园区)转型升级。… under 三、围绕产业转型升级,…


def test_show_json_is_the_document_line(zj: Runner) -> None:
    source = SEED_LINES[LINE - 1].strip()
    heading = SEED_LINES[LINE - 3].strip()
    assert source.startswith("1.") and heading.startswith("三、")
    shown = zj.json("show", "zj2012:三.1", "--as-of", "2013-01-15")
    assert shown["full_text"] == source.removeprefix("1.")
    assert shown["title"] == "加快高新技术产业开发区(园区)转型升级"
    assert source.startswith("1." + shown["title"] + "。")
    assert shown["headings"] == ["三 " + heading.removeprefix("三、").rstrip("。")]
    assert shown["source_line"] == LINE
    assert (shown["lead"], shown["support"], shown["responsible"], shown["persons"]) == (
        ["高新处"],
        ["有关处室"],
        [],
        ["邱飞章"],
    )
    assert (shown["deadline"], shown["original_deadline"], shown["status"], shown["version"]) == (
        "2012-12-31",
        "2012-12-31",
        "assigned",
        1,
    )
    assert (shown["light"], shown["document"], shown["progress"]) == ("red", "zj2012", [])
    assert shown["document_title"] == "省科技厅2012年工作要点及责任分解"


def test_show_table_labels_and_tracking(zj: Runner) -> None:
    zj.ok("progress", "zj2012:三.1", "已起草指导意见", "--percent", "40")
    zj.ok("deadline", "zj2012:三.1", "2013-03-31", "--note", "等待审批")
    out = zj.ok("show", "zj2012:三.1", "--as-of", "2013-01-15")
    fields = {}
    for line in out.splitlines():
        key, _, value = line.partition("  ")
        if key.strip():
            fields[key.strip()] = value.strip()
    assert fields["序号"] == "三.1"
    assert fields["牵头单位"] == "高新处" and fields["配合单位"] == "有关处室"
    assert fields["责任人"] == "邱飞章"
    assert fields["状态"] == "待签收"
    assert "2013-03-31" in fields["完成时限"] and "2012-12-31" in out  # the original is kept
    assert "已起草指导意见" in out and "40" in out
    assert fields["版本"] == "3"
    shown = zj.json("show", "zj2012:三.1", "--as-of", "2013-01-15")
    assert (shown["deadline"], shown["original_deadline"], shown["percent"]) == (
        "2013-03-31",
        "2012-12-31",
        40,
    )
    assert [p["text"] for p in shown["progress"]] == ["已起草指导意见"]
    # no longer overdue (2013-03-31 is 75 days after --as-of, outside the 7-day warning window), but
    # behind pace: 380 of the 455 days from the plan's start (2012-01-01) have passed, 84% > 40% + 20
    assert shown["light"] == "yellow"
    due = zj.json("due", "--within", "90d", "--as-of", "2013-01-15", "--format", "json")
    assert [r["light"] for r in due if r["id"] == shown["id"]] == ["yellow"]  # as every report
    assert zj.json("show", "zj2012:三.1", "--as-of", "2012-02-01")["light"] == "green"


def test_show_refuses_unknown_tasks_and_csv(zj: Runner) -> None:
    assert "unknown task" in zj.fails("show", "zj2012:九.9").stderr
    assert "'csv' is not one of" in zj.fails("show", "zj2012:三.1", "--format", "csv").stderr
