"""`taskctl import` end to end on the real seeds: counts, JSON keys, encodings, re-import, dry run,
all-or-nothing, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, Runner, seed

SEED_COUNTS = {"sc2012": 35, "sc2022": 33, "zj2012": 26, "gd2012": 27, "sc2017": 26}
TASK_KEYS = [
    "id",
    "document",
    "number",
    "title",
    "lead",
    "support",
    "responsible",
    "persons",
    "deadline",
    "deadline_text",
    "status",
    "attributes",
]


def tasks(run: Runner, *args: str) -> list[dict]:
    return json.loads(run.ok("list", "--format", "json", *args))


def documents(run: Runner) -> list[dict]:
    return json.loads(run.ok("documents", "--format", "json"))


def test_import_all_seeds_gives_exact_counts(run: Runner) -> None:
    out = run.ok("--lang", "en", "import", *(seed(k) for k in SEED_COUNTS))
    for key, n in SEED_COUNTS.items():
        assert f"→ {key} " in out
        assert len(tasks(run, "--document", key)) == n, key
    assert len(tasks(run)) == sum(SEED_COUNTS.values())


def test_list_json_has_exactly_the_documented_keys_in_document_order(run: Runner) -> None:
    run.ok("import", seed("zj2012"))
    rows = tasks(run)
    assert all(list(r) == TASK_KEYS for r in rows)
    assert [r["number"] for r in rows[:3]] == ["一.1", "一.2", "一.3"]
    assert {r["deadline"] for r in rows} == {"2012-12-31"}
    assert {r["status"] for r in rows} == {"assigned"}
    assert all(r["document"] == "zj2012" for r in rows)


def test_sc2017_units_and_period_end_deadlines(run: Runner) -> None:
    run.ok("import", seed("sc2017"))
    rows = tasks(run)
    names = {u for r in rows for u in r["lead"] + r["support"] + r["responsible"]}
    assert len(names) == 15
    assert all("等" not in n for n in names)
    assert {r["deadline"] for r in rows if r["deadline_text"] is None} == {"2020-12-31"}
    units = json.loads(run.ok("units", "--format", "json"))
    assert len(units) == 15


def test_first_lead_splits_responsible_units(run: Runner) -> None:
    run.ok("import", "--first-lead", seed("sc2017"))
    rows = tasks(run)
    assert all(r["responsible"] == [] for r in rows)
    assert all(len(r["lead"]) == 1 for r in rows)


def test_reimport_is_a_noop_that_says_so(run: Runner) -> None:
    run.ok("import", seed("zj2012"))
    before = tasks(run)
    out = run.ok("--lang", "en", "import", seed("zj2012"))
    assert "already imported as zj2012" in out
    assert tasks(run) == before
    assert len(documents(run)) == 1


def test_dry_run_shows_the_tree_and_writes_nothing(run: Runner) -> None:
    out = run.ok("--lang", "en", "import", "--dry-run", seed("zj2012"))
    assert out.splitlines()[0] == (
        f"{seed('zj2012')}: “省科技厅2012年工作要点及责任分解” period 2012-01-01—2012-12-31, "
        "26 tasks (dry run, nothing written)"
    )
    # 三.1 as the document gives it: 高新处 leads, 有关处室 support, 邱飞章 responsible
    line = next(line for line in out.splitlines() if "三.1 " in line)
    assert line.strip() == (
        "三.1 加快高新技术产业开发区(园区)转型升级 [lead: 高新处] [support: 有关处室] "
        "[persons: 邱飞章]"
    )
    assert documents(run) == []
    assert run.json("units") == []


def test_key_option_and_document_colon_number_reference(run: Runner) -> None:
    run.ok("import", "--key", "zj", seed("zj2012"))
    detail = json.loads(run.ok("show", "zj:二.3", "--format", "json"))
    assert detail["number"] == "二.3"
    assert detail["document"] == "zj"
    assert (
        json.loads(run.ok("show", str(detail["id"]), "--format", "json"))["title"]
        == detail["title"]
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_encodings_are_detected(run: Runner, tmp_path: Path, encoding: str) -> None:
    text = (SEEDS / "zj2012.txt").read_text(encoding="utf-8")
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    args = ["--encoding", encoding] if encoding == "utf-16-le" else []
    run.ok("import", *args, str(path), "--key", "zj2012")
    assert without_ids(tasks(run)) == without_ids(tasks_of_utf8(tmp_path))


def without_ids(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


def tasks_of_utf8(tmp_path: Path) -> list[dict]:
    other = Runner(str(tmp_path / "utf8.db"))
    other.ok("import", seed("zj2012"))
    return tasks(other)


def test_default_deadline_applies_to_tasks_without_one(run: Runner, tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "2026年工作要点\n一、重点工作\n1.完成第一项任务,6月底前完成。(牵头单位:法规处)\n"
        "2.完成第二项任务。(牵头单位:计划处)\n",
        encoding="utf-8",
    )
    run.ok("import", str(doc), "--default-deadline", "2026-09-30")
    rows = tasks(run)
    assert [(r["number"], r["deadline"], r["deadline_text"]) for r in rows] == [
        ("一.1", "2026-06-30", "6月底前"),  # the document's own deadline wins
        ("一.2", "2026-09-30", None),
    ]
    other = Runner(str(tmp_path / "period.db"))
    other.ok("import", str(doc))
    assert [r["deadline"] for r in tasks(other)] == ["2026-06-30", "2026-12-31"]
    bad = run.fails("import", str(doc), "--key", "x", "--default-deadline", "2月30日")
    assert "February has no day 30" in bad.stderr


def test_standard_input(run: Runner) -> None:
    data = (SEEDS / "gd2012.txt").read_bytes()
    run.ok("import", "--key", "gd", "-", input=data)
    assert len(tasks(run, "--document", "gd")) == 27


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: str(p), "is a directory"),
        (lambda p: _write(p / "bin.txt", bytes(range(256)) * 40), "not a text document"),
        (lambda p: _write(p / "empty.txt", b""), "empty"),
        (lambda p: _write(p / "blank.txt", b"  \n\n \r\n"), "empty"),
    ],
)
def test_bad_files_fail_with_one_line_and_write_nothing(
    run: Runner, tmp_path: Path, make, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run.fails("import", path)
    assert message in result.stderr
    assert documents(run) == []


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_a_crash_midway_leaves_nothing_behind(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    import taskctl.store.imports as imports

    real = imports.resolve_units

    def failing(*args, **kw):  # type: ignore[no-untyped-def]
        real(*args, **kw)  # the document, its items and its units are written by now
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(imports, "resolve_units", failing)
    result = run("import", seed("zj2012"))
    assert result.exit_code != 0
    monkeypatch.setattr(imports, "resolve_units", real)
    assert documents(run) == []
    assert json.loads(run.ok("units", "--format", "json")) == []


def test_unknown_document_filter_is_one_line(run: Runner) -> None:
    result = run.fails("list", "--document", "nope")
    assert "unknown document" in result.stderr


def test_a_number_quoted_without_its_brackets_finds_the_task(run: Runner) -> None:
    run.ok("import", seed("sc2012"))
    exact = json.loads(run.ok("show", "sc2012:(二).1", "--format", "json"))
    assert json.loads(run.ok("show", "sc2012:二.1", "--format", "json"))["id"] == exact["id"]
    assert "unknown task" in run.fails("show", "sc2012:二.99").stderr
