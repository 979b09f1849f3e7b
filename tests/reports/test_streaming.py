"""`list`, `overdue`, `due`, `unit-report` and `history` stream in json, csv, md and plain text: the
rows come off the cursor a batch at a time and go to the output. The text equals the one built from
all rows at once, on both engines, in both languages, with the filters; the rows are written before
the cursor is done; and the memory a listing takes does not grow with its length."""

from __future__ import annotations

import json
import sqlite3
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import taskctl.reports.history as history
import taskctl.reports.spool as spool
import taskctl.reports.tasks as tasks
from taskctl.render import text as textfmt
from taskctl.reports.history import history_report
from taskctl.reports.lights import SEVERITY
from taskctl.reports.overdue import due_report, overdue_report
from taskctl.reports.report import Report
from taskctl.reports.tasks import list_report
from taskctl.reports.unit_report import ROLE_ORDER, unit_report
from taskctl.store.engine import Store

from ..conftest import Runner, seed

#: The day the lights are measured on: the plan (2012) is five months old, every task due 2012-12-31.
AS_OF = date(2012, 6, 1)
DAY = AS_OF.isoformat()
FORMATS = ("json", "csv", "md", "table")

Build = Callable[[Any, str], Report]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four rows per batch off the cursor, two rows per spooled piece of `unit-report`'s lights,
    and every spool on disk after its first piece: 26 tasks take seven batches."""
    monkeypatch.setattr(tasks, "STREAM_BATCH", 4)
    monkeypatch.setattr(history, "STREAM_BATCH", 4)
    monkeypatch.setattr(spool, "PIECE", 2)
    monkeypatch.setattr(spool, "IN_MEMORY", 1)


@pytest.fixture
def tracked(zj: Runner, tmp_path: Path) -> Runner:
    """zj2012 with a record that lights every colour and fills every column: progress ahead of and
    behind the pace, deadlines moved into this week and into the past, finished and suspended
    tasks, and 督办函 sent (the `reminded` events, counted by overdue and unit-report)."""
    zj.ok("progress", "zj2012:一.1", "已完成招标，入选企业 12 家", "--percent", "60")
    zj.ok("progress", "zj2012:三.1", "园区转型方案起草中", "--percent", "5")  # behind the pace
    zj.ok("progress", "zj2012:三.1", "方案已报省政府|待审", "--percent", "10")
    zj.ok("deadline", "zj2012:三.2", DAY.replace("-01", "-05"), "--note", "提前")  # due this week
    zj.ok("deadline", "zj2012:三.3", "2012-03-31", "--note", "提前")  # overdue on AS_OF
    zj.ok("deadline", "zj2012:四.3", "2012-05-15", "--note", "提前")
    zj.ok("deadline", "zj2012:二.3", "2012-04-30", "--note", "提前")
    zj.ok("status", "zj2012:三.4", "已办结")
    zj.ok("status", "zj2012:五.1", "暂缓")
    zj.ok("remind", "--as-of", DAY, "--format", "md", "-o", str(tmp_path / "督办函.md"))
    return zj


def busiest_task(store: Store) -> int:
    with store.query() as db:
        return db.scalar(
            "SELECT task_id FROM events WHERE task_id IS NOT NULL"
            " GROUP BY task_id ORDER BY COUNT(*) DESC, task_id LIMIT 1"
        )


def cases(store: Store) -> list[tuple[list[str], Build]]:
    """Each command line and the library call that builds the same report whole."""
    busy = busiest_task(store)
    return [
        (["list", "--as-of", DAY], lambda db, lang: list_report(db, as_of=AS_OF)),
        (
            ["list", "--as-of", DAY, "--unit", "高新", "--status", "待签收"],
            lambda db, lang: list_report(db, as_of=AS_OF, unit="高新", status=("待签收",)),
        ),
        (["overdue", "--as-of", DAY], lambda db, lang: overdue_report(db, as_of=AS_OF, lang=lang)),
        (
            ["overdue", "--as-of", "2013-01-15", "--unit", "有关处室"],
            lambda db, lang: overdue_report(
                db, as_of=date(2013, 1, 15), lang=lang, unit="有关处室"
            ),
        ),
        (
            ["due", "--as-of", DAY, "--within", "30w"],
            lambda db, lang: due_report(db, as_of=AS_OF, within_days=210, lang=lang),
        ),
        (
            ["unit-report", "高新处", "--as-of", DAY],
            lambda db, lang: unit_report(db, "高新处", as_of=AS_OF, lang=lang),
        ),
        (
            ["unit-report", "计划处", "--as-of", DAY, "--open-only"],
            lambda db, lang: unit_report(db, "计划处", as_of=AS_OF, lang=lang, open_only=True),
        ),
        (
            ["unit-report", "有关处室", "--as-of", DAY],
            lambda db, lang: unit_report(db, "有关处室", as_of=AS_OF, lang=lang),
        ),
        (["history", str(busy)], lambda db, lang: history_report(db, busy, lang)),
    ]


def whole_text(store: Store, build: Build, fmt: str, lang: str, limit: int | None = None) -> str:
    """The report's text made from all its rows at once (`materialize`d), as before streaming."""
    with store.query() as db:
        report = build(db, lang)
        assert report.batches is None and report.rows
        if fmt == "json":
            return textfmt.to_json(report)
        if fmt == "csv":
            return textfmt.to_csv(report, lang).replace("\r\n", "\n")  # as CliRunner reads it
        if fmt == "md":
            return textfmt.to_markdown(report, lang)
        return "".join(textfmt.plain_chunks(report, lang, limit=limit))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_reports_equal_the_whole(
    tracked: Runner, store: Store, small_batches: None, fmt: str, lang: str
) -> None:
    for args, build in cases(store):
        streamed = tracked("--lang", lang, *args, "--format", fmt)
        assert streamed.exit_code == 0, (args, streamed.output)
        assert streamed.stdout == whole_text(store, build, fmt, lang), args


def test_plain_text_cut_by_limit_counts_the_rest(
    tracked: Runner, store: Store, small_batches: None
) -> None:
    cut = 0
    for args, build in cases(store):
        streamed = tracked.ok(*args, "--limit", "3")
        assert streamed == whole_text(store, build, "table", "zh", limit=3), args
        with store.query() as db:
            more = len(build(db, "zh").rows) - 3
        if more > 0:
            assert streamed.splitlines()[-1] == f"… 另有 {more} 行 (--limit 0 显示全部)"
            cut += 1
    assert cut >= 5


def test_the_streamed_text_holds_what_the_clerk_wrote(tracked: Runner, small_batches: None) -> None:
    """Chinese text, a `|` and the worst-first order come through every format."""
    rows = tracked.json("overdue", "--as-of", DAY)
    assert [r["number"] for r in rows] == ["三.3", "二.3", "四.3"]  # most overdue first
    assert [r["reminded"] for r in rows] == [3, 4, 1]  # a letter to each unit leading it
    md = tracked.ok("unit-report", "高新处", "--as-of", DAY, "--format", "md")
    assert "方案已报省政府\\|待审" in md and "起草中" not in md  # the newest report, escaped
    assert "截至 2012-06-01，高新处：牵头 7；红灯 3、黄灯 2、绿灯 1。" in md
    plain = tracked.ok("unit-report", "高新处", "--as-of", DAY)
    assert plain.index("红灯") < plain.index("黄灯") < plain.index("绿灯")


def test_unit_report_orders_role_light_deadline(
    tracked: Runner, store: Store, small_batches: None
) -> None:
    """The database orders by role and deadline, the spools by light: the rows come out as sorting
    them all at once would put them."""
    roles, lights = set(), set()
    for unit in ("高新处", "计划处", "有关处室", "条件处"):
        with store.query() as db:
            rows = unit_report(db, unit, as_of=AS_OF, lang="zh").rows
        roles.add(len({r["role"] for r in rows}))
        lights.add(len({r["light"] for r in rows}))
        expected = sorted(
            rows,
            key=lambda r: (
                ROLE_ORDER.index(r["role"]),
                SEVERITY[r["light"]],
                r["deadline"] or date.max,
                r["id"],
            ),
        )
        assert [(r["id"], r["role"]) for r in rows] == [(r["id"], r["role"]) for r in expected]
    assert max(roles) == 2 and max(lights) == 4  # a unit in two roles, one with every light


def test_rows_are_written_before_the_cursor_is_done(
    tracked: Runner, store: Store, small_batches: None
) -> None:
    """The first rows of json, csv and md are out while the cursor has handed over one batch."""
    with store.query() as db:
        for fmt in ("json", "csv", "md"):
            report = list_report(db, as_of=AS_OF, stream=True)
            if fmt == "json":
                chunks = textfmt.json_chunks(report)
            elif fmt == "csv":
                chunks = textfmt.csv_chunks(report, "zh")
            else:
                chunks = textfmt.md_chunks(report, "zh")
            text = ""
            while "加快培育创新型试点示范企业" not in text:  # the first task
                text += next(chunks)
            assert report.streamed == 4  # of 26: one batch taken
            rest = "".join(chunks)
            assert report.streamed == 26 and "科技干部队伍和党风廉政建设" in rest
        overdue = overdue_report(db, as_of=AS_OF, lang="zh", stream=True)
        assert overdue.summary is None  # tallied as the rows pass
        chunks = textfmt.json_chunks(overdue)
        assert next(chunks) == "[\n" and overdue.streamed == 3 and overdue.summary is None
        assert len(json.loads("[\n" + "".join(chunks))) == 3
        assert overdue.summary is not None and "逾期任务 3 项" in overdue.summary


def test_a_streamed_report_is_taken_once(zj: Runner, store: Store) -> None:
    with store.query() as db:
        report = list_report(db, as_of=AS_OF, stream=True)
        assert len(textfmt.to_json(report)) > 100
        with pytest.raises(RuntimeError):
            textfmt.to_json(report)


def test_streamed_report_to_a_file_counts_its_rows(
    zj: Runner, small_batches: None, tmp_path: Path
) -> None:
    for fmt in FORMATS:
        path = tmp_path / f"tasks.{'txt' if fmt == 'table' else fmt}"
        result = zj("--lang", "en", "list", "-o", str(path))
        assert result.exit_code == 0
        assert f"written to {path} (26 rows)" in result.stderr
    assert (tmp_path / "tasks.csv").read_text(encoding="utf-8-sig").count("\n") == 27


def test_streamed_empty_listing(run: Runner) -> None:
    assert run.ok("list", "--format", "json") == "[]\n"
    assert json.loads(run.ok("overdue", "--format", "json")) == []
    assert "无逾期任务" in run.ok("overdue", "--format", "md")
    assert "无逾期任务" in run.ok("overdue")
    result = run("--lang", "en", "list", "--format", "csv")
    assert "No tasks yet" in result.stderr


# --- memory


def grow(path: str, times: int) -> int:
    """Copy every task of the SQLite file `times` more times (units, persons, deadlines, statuses
    and progress with it, a numbered title) and give the first task `times` more events; the task
    count."""
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(tasks)") if r[1] != "id"]
    shifted = {"position": "position + :off", "title": "title || '之' || :k"}
    picked = ", ".join(shifted.get(c, c) for c in cols)
    pairs = (
        "FROM tasks o JOIN tasks n ON n.document_id = o.document_id AND n.position = o.position + :off"
        " WHERE o.position < 1000"
    )
    with con:
        for k in range(1, times + 1):
            p = {"off": 1000 * k, "k": k}
            con.execute(
                f"INSERT INTO tasks ({', '.join(cols)}) SELECT {picked} FROM tasks"
                " WHERE kind = 'task' AND position < 1000",
                p,
            )
            con.execute(
                "INSERT INTO task_units (task_id, unit_id, role, position, label)"
                " SELECT n.id, tu.unit_id, tu.role, tu.position, tu.label FROM task_units tu"
                f" JOIN ({'SELECT o.id AS old, n.id AS id ' + pairs}) n ON n.old = tu.task_id",
                p,
            )
            con.execute(
                "INSERT INTO task_persons (task_id, person_id, position)"
                " SELECT n.id, tp.person_id, tp.position FROM task_persons tp"
                f" JOIN ({'SELECT o.id AS old, n.id AS id ' + pairs}) n ON n.old = tp.task_id",
                p,
            )
            con.execute(
                "INSERT INTO progress_reports (task_id, unit_id, text, percent, actor, reported_at)"
                " SELECT n.id, r.unit_id, r.text, r.percent, r.actor, r.reported_at"
                " FROM progress_reports r"
                f" JOIN ({'SELECT o.id AS old, n.id AS id ' + pairs}) n ON n.old = r.task_id",
                p,
            )
        first = con.execute("SELECT MIN(task_id) FROM events").fetchone()[0]
        con.execute(
            "INSERT INTO events (task_id, kind, old_value, new_value, note, actor, created_at)"
            " WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :times)"
            " SELECT :id, 'progress', NULL, n || '%', '第' || n || '次报送进展', '张三',"
            " created_at FROM k, (SELECT created_at FROM events WHERE task_id = :id LIMIT 1)",
            {"times": times, "id": first},
        )
        count = con.execute("SELECT COUNT(*) FROM tasks WHERE kind = 'task'").fetchone()[0]
    con.close()
    return count


def peak_bytes(run: Runner, args: list[str]) -> int:
    """The most Python memory `args` held at once (output to a file, so only the rows count)."""
    tracemalloc.start()
    try:
        result = run(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    return peak


def test_memory_does_not_grow_with_the_rows(
    sqlite_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same commands on 546 and on 4,186 tasks (and events) hold about as much at their peak;
    holding the rows would take 2–3 KB more for each of the 3,640 extra (about 10 MB)."""
    monkeypatch.setattr(tasks, "STREAM_BATCH", 200)
    monkeypatch.setattr(history, "STREAM_BATCH", 200)
    monkeypatch.setattr(spool, "PIECE", 50)
    monkeypatch.setattr(spool, "IN_MEMORY", 64 * 1024)
    small, large = tmp_path / "small.db", tmp_path / "large.db"
    run = Runner(sqlite_db)
    run.ok("import", seed("zj2012"), "--key", "zj2012")
    run.ok("progress", "zj2012:一.1", "已完成招标", "--percent", "30")
    run.ok("deadline", "zj2012:三.3", "2012-03-31", "--note", "提前")
    small.write_bytes(Path(sqlite_db).read_bytes())
    large.write_bytes(Path(sqlite_db).read_bytes())
    assert grow(str(small), 20) == 546 and grow(str(large), 160) == 4186
    first = str(sqlite3.connect(small).execute("SELECT MIN(task_id) FROM events").fetchone()[0])
    day = ["--as-of", DAY]
    commands = [  # every format once on the listing, then each command in one (they share them)
        *(["list", *day, "--format", fmt] for fmt in FORMATS),
        ["overdue", "--as-of", "2013-01-15", "--format", "md"],  # the summary waits above
        ["due", *day, "--within", "40w", "--format", "csv"],
        ["unit-report", "有关处室", *day, "--format", "table"],  # widths and lights wait
        ["history", first, "--format", "json"],
    ]
    out = str(tmp_path / "out")
    for args in commands:
        peak_bytes(Runner(str(small)), [*args, "-o", out])  # imports and caches first
        peaks = [peak_bytes(Runner(str(db)), [*args, "-o", out]) for db in (small, large)]
        assert peaks[1] - peaks[0] < 2_000_000, (args, peaks)
    # what the test would see if the rows were held: the whole listing costs that much more
    whole = ["list", "--as-of", DAY, "--format", "html", "-o", str(tmp_path / "out.html")]
    held = [peak_bytes(Runner(str(db)), whole) for db in (small, large)]
    assert held[1] - held[0] > 6_000_000, held
