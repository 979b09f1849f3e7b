"""`taskctl revise` end to end (SQLite and PostgreSQL): a revised copy of the zj2012 seed as .txt,
.docx and .xlsx, applied to the tasks a clerk already tracks; the diff in every format; the
all-or-nothing guarantee; and clean refusals of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Runner, seed
from tests.fixtures.office import docx_from_text
from tests.fixtures.revised import ADDED_TITLE, CHANGED, REMOVED_TITLE, plan_xlsx, revise_zj2012


def write_versions(tmp_path: Path, fmt: str) -> tuple[str, str]:
    """The seed (version 1) and its revised copy (version 2) as `fmt` files."""
    original = Path(seed("zj2012")).read_text(encoding="utf-8")
    revised = revise_zj2012(original)
    paths = []
    for name, text in (("zj2012", original), ("zj2012-调整", revised)):
        path = tmp_path / f"{name}.{fmt}"
        if fmt == "txt":
            path.write_text(text, encoding="utf-8")
        elif fmt == "docx":
            docx_from_text(text, path)
        else:
            plan_xlsx(text, path)
        paths.append(str(path))
    return paths[0], paths[1]


def tasks(run: Runner) -> list[dict]:
    return run.json("list", "--document", "zj2012")


def by_title(rows: list[dict]) -> dict[str, dict]:
    return {row["title"]: row for row in rows}


def state(run: Runner) -> tuple:
    """What a revision may change, as the user sees it."""
    return (
        tasks(run),
        run.json("documents"),
        run.json("history", "zj2012:一.1"),
        run.json("show", "zj2012:三.2"),
    )


def track(run: Runner) -> None:
    """A clerk's facts on version 1: a status and an extension on 一.1, progress on 七.1, 五.1 done."""
    run.ok("status", "zj2012:一.1", "已签收")
    run.ok("deadline", "zj2012:一.1", "2013-03-31", "--note", "批次推迟")
    run.ok("progress", "zj2012:七.1", "已完成评议办法初稿", "--percent", "50")
    run.ok("status", "zj2012:五.1", "已办结")


@pytest.mark.parametrize("fmt", ["txt", "docx", "xlsx"])
def test_revision_applies_the_four_outcomes(run: Runner, tmp_path: Path, fmt: str) -> None:
    first, second = write_versions(tmp_path, fmt)
    run.ok("import", first, "--key", "zj2012")
    track(run)
    before = by_title(tasks(run))
    assert len(before) == 26

    # the diff, without writing
    unchanged_state = state(run)
    diff = run.json("revise", "zj2012", second, "--dry-run")
    assert state(run) == unchanged_state
    assert diff["unchanged"] == 15
    assert [t["title"] for t in diff["added"]] == [ADDED_TITLE]
    assert diff["added"][0]["id"] is None
    assert diff["added"][0]["number"] == "二.4"
    assert diff["added"][0]["lead"] == ["成果处"]
    assert diff["added"][0]["deadline"] == "2012-10-31"
    assert diff["removed"] == [before[REMOVED_TITLE]]  # the object `list --format json` prints
    changed = {c["task"]["number"]: (c["task"]["title"], c["fields"]) for c in diff["changed"]}
    assert changed == CHANGED
    for entry in diff["changed"]:
        assert entry["task"] == before[entry["task"]["title"]]

    result = run("--lang", "en", "revise", "zj2012", second)
    assert result.exit_code == 0, result.stderr
    assert "revision 2 applied" in result.stderr
    assert "1 added, 1 removed, 10 changed" in result.stderr
    after = by_title(tasks(run))
    assert len(after) == 27

    # matched: same id, the clerk's facts kept
    reworded = {"加快推进产业技术创新战略联盟建设": "加快推进产业技术创新战略联盟的建设"}
    for title, row in before.items():
        assert after[reworded.get(title, title)]["id"] == row["id"], title
    renumbered = after["强化科技创新的知识产权导向"]
    assert renumbered["number"] == "六.1"
    assert run.json("show", str(renumbered["id"]))["percent"] == 50
    assert after["大力培育高新技术企业"]["lead"] == ["计划处"]
    assert (
        after["加快推进产业技术创新战略联盟的建设"]["id"]
        == before["加快推进产业技术创新战略联盟建设"]["id"]
    )
    assert after["努力推进农业农村科技进步"]["status"] == "done"

    # the extended task: the extension stays in force, the plan's new deadline is kept beside it
    first_task = after["加快培育创新型试点示范企业"]
    assert first_task["status"] == "accepted"
    assert first_task["deadline"] == "2013-03-31"
    detail = run.json("show", "zj2012:一.1")
    assert detail["original_deadline"] == "2012-06-30"
    assert detail["plan_revised"]["old"] == "2012-12-31"
    assert detail["plan_revised"]["new"] == "2012-06-30"
    shown = "".join(run.ok("--lang", "en", "show", "zj2012:一.1").split())  # unwrapped
    assert "Planrevisedplanneddeadline2012-12-31→2012-06-30;theextensionto2013-03-31iskept" in shown
    history = run.json("history", "zj2012:一.1")
    assert [e["kind"] for e in history] == ["import", "status", "deadline", "revised"]
    assert history[-1]["old"] == "2012-12-31" and history[-1]["new"] == "2012-06-30"
    assert Path(second).name in history[-1]["note"]
    assert history[-1]["note"].startswith("deadline (revision of ")

    # each change an event; the version counts them
    moved = run.json("history", "zj2012:三.2")
    assert moved[-1]["kind"] == "revised"
    assert (moved[-1]["old"], moved[-1]["new"]) == ("高新处", "计划处")
    assert run.json("show", "zj2012:三.2")["version"] == len(moved) == 2

    # added: as an import makes them
    added = after[ADDED_TITLE]
    assert added["number"] == "二.4" and added["status"] == "assigned"
    assert added["lead"] == ["成果处"] and added["persons"] == ["王宏理"]
    assert [e["kind"] for e in run.json("history", str(added["id"]))] == ["import"]

    # removed: cancelled, never deleted, with the note and an event
    removed = after[REMOVED_TITLE]
    assert removed["id"] == before[REMOVED_TITLE]["id"]
    assert removed["status"] == "cancelled"
    last = run.json("history", str(removed["id"]))[-1]
    assert (last["kind"], last["old"], last["new"]) == ("status", "assigned", "cancelled")
    assert last["note"] == f"撤销 (revision of {second})"
    assert run.json("show", "zj2012:八.3")["id"] == removed["id"]
    shown = "".join(run.ok("--lang", "en", "show", "zj2012:八.3").split())
    assert "Removedfromtheplanbyrevision2" in shown

    # the document keeps its revisions
    (document,) = run.json("documents")
    assert document["revision"] == 2
    assert document["revision_sources"] == [second]
    assert document["source"] == first

    # the same file again: 0 changes, nothing written; importing either version is a no-op
    revised_state = state(run)
    again = run("--lang", "en", "revise", "zj2012", second)
    assert again.exit_code == 0
    assert "0 changes" in again.stderr
    assert state(run) == revised_state
    for path in (first, second):
        assert "nothing changed" in run.ok("--lang", "en", "import", path)
    assert state(run) == revised_state


def test_identical_file_reports_zero_changes(zj: Runner) -> None:
    result = zj("--lang", "en", "revise", "zj2012", seed("zj2012"))
    assert result.exit_code == 0
    assert "0 changes" in result.stderr
    assert zj.json("revise", "zj2012", seed("zj2012"), "--dry-run") == {
        "added": [],
        "removed": [],
        "changed": [],
        "unchanged": 26,
    }
    assert zj.json("documents")[0]["revision"] == 1


def test_dry_run_formats(zj: Runner, tmp_path: Path) -> None:
    second = tmp_path / "v2.txt"
    second.write_text(revise_zj2012(), encoding="utf-8")
    table = zj.ok("--lang", "en", "revise", "zj2012", str(second), "--dry-run")
    assert "revision 2" in table
    assert "15 unchanged" in table
    assert "高新处" in table and "计划处" in table
    md = zj.ok("revise", "zj2012", str(second), "--dry-run", "--format", "md")
    assert "| 变更 |" in md and ADDED_TITLE in md
    for suffix in ("xlsx", "docx"):
        out = tmp_path / f"diff.{suffix}"
        zj.ok("revise", "zj2012", str(second), "--dry-run", "-o", str(out))
        assert out.stat().st_size > 0
    from openpyxl import load_workbook

    cells = {
        c.value for row in load_workbook(tmp_path / "diff.xlsx").active.iter_rows() for c in row
    }
    assert {"计划处", "高新处", ADDED_TITLE, REMOVED_TITLE} <= cells
    out = tmp_path / "diff.json"
    zj.ok("revise", "zj2012", str(second), "--dry-run", "-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["unchanged"] == 15
    assert zj.json("documents")[0]["revision"] == 1


def test_a_revision_that_fails_halfway_leaves_version_one(
    zj: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import taskctl.store.revisions as revisions

    track(zj)
    second = tmp_path / "v2.txt"
    second.write_text(revise_zj2012(), encoding="utf-8")
    before = state(zj)
    events = [zj.json("history", str(t["id"])) for t in tasks(zj)]

    def broken(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    # the added task 二.4 comes after 一.1 and 一.2 have been changed, in document order
    monkeypatch.setattr(revisions, "_link", broken)
    result = zj("revise", "zj2012", str(second))
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
    monkeypatch.undo()
    assert state(zj) == before
    assert [zj.json("history", str(t["id"])) for t in tasks(zj)] == events
    # and it applies whole afterwards
    zj.ok("revise", "zj2012", str(second))
    assert zj.json("documents")[0]["revision"] == 2


def test_bad_input_gets_one_line(zj: Runner, tmp_path: Path) -> None:
    result = zj.fails("revise", "nosuch", seed("zj2012"))
    assert "unknown document 'nosuch'" in result.stderr
    result = zj.fails("revise", "zj2012", str(tmp_path / "missing.txt"))
    assert "no such file" in result.stderr
    prose = tmp_path / "说明.txt"
    prose.write_text("关于做好2012年工作的说明\n请各单位认真贯彻落实。\n", encoding="utf-8")
    result = zj.fails("revise", "zj2012", str(prose))
    assert "no numbered items found" in result.stderr
    unreadable = tmp_path / "old.doc"
    unreadable.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    zj.fails("revise", "zj2012", str(unreadable))
    assert zj.json("documents")[0]["revision"] == 1


def test_an_ambiguous_match_is_added_and_removed_with_a_warning(zj: Runner, tmp_path: Path) -> None:
    text = Path(seed("zj2012")).read_text(encoding="utf-8")
    lines = text.split("\n")
    (moved,) = [i for i, line in enumerate(lines) if "3.深入推进创新型城市" in line]
    body = lines.pop(moved).strip()[2:]  # without its `3.`
    for anchor, number in (("3.加快组织实施10个重大科技专项", 4), ("4.大力发展高技术服务业", 5)):
        at = next(i for i, line in enumerate(lines) if anchor in line)
        lines.insert(at + 1, f"        {number}.{body}")
    second = tmp_path / "v2.txt"
    second.write_text("\n".join(lines), encoding="utf-8")
    old_id = zj.json("show", "zj2012:一.3")["id"]
    result = zj("--lang", "en", "revise", "zj2012", str(second))
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2  # one per new task
    for warning, number in zip(warnings, ("二.4", "三.5"), strict=True):
        assert number in warning and "一.3" in warning and "taken as added" in warning
    assert "2 added, 1 removed, 0 changed" in result.stderr
    assert zj.json("show", str(old_id))["status"] == "cancelled"
    assert zj.json("show", "zj2012:二.4")["title"] == zj.json("show", "zj2012:三.5")["title"]


def test_a_fallback_deadline_of_the_import_is_kept(run: Runner, tmp_path: Path) -> None:
    run.ok("import", seed("zj2012"), "--key", "zj2012", "--default-deadline", "2012-11-30")
    assert {t["deadline"] for t in tasks(run)} == {"2012-11-30"}
    result = run("--lang", "en", "revise", "zj2012", seed("zj2012"))
    assert "0 changes" in result.stderr
    # a new task that names no date gets the plan's end, as an import without the option does
    second = tmp_path / "v2.txt"
    second.write_text(revise_zj2012().replace("2012年10月底前完成。", ""), encoding="utf-8")
    diff = run.json("revise", "zj2012", str(second), "--dry-run")
    assert diff["added"][0]["deadline"] == "2012-12-31"
    assert diff["unchanged"] == 15 and len(diff["changed"]) == 10
    added = run.json(
        "revise", "zj2012", str(second), "--dry-run", "--default-deadline", "2012-12-15"
    )
    assert added["added"][0]["deadline"] == "2012-12-15"
    assert len(added["changed"]) == 25  # every matched task: the undated ones take the new date
