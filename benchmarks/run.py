"""taskctl benchmarks: start-up, seed imports, reports on 10,000 tasks, status updates.

A script, not a test: it prints a table of median timings and asserts nothing.

\b
Run it from the repository root (SQLite in a temporary directory; nothing of yours is touched):

    python benchmarks/run.py                 # 5 repeats, 10,000 generated tasks
    python benchmarks/run.py --repeats 9
    python benchmarks/run.py --tasks 2000 --repeats 3      # quicker
    python benchmarks/run.py --db postgresql+psycopg://taskctl:…@host/taskctl_bench  # reports on PG

CLI start-up is timed with real processes (`python -m taskctl --help`); everything else runs in-process
through the real click commands (CliRunner, output to a pipe, not a terminal) or the library.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
AS_OF = "2026-07-01"


def timed(
    fn: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None
) -> list[float]:
    """Milliseconds of `repeats` calls of fn (setup, if given, runs untimed before each)."""
    out = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def cli(db: str, *args: str) -> str:
    from click.testing import CliRunner

    from taskctl.cli import cli as group

    result = CliRunner().invoke(group, ["--db", db, *args], catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"taskctl {' '.join(args)} failed: {result.output}")
    return result.stdout


def generated_plan(n_tasks: int, seed: int = 2026):  # type: ignore[no-untyped-def]
    """A plan of `n_tasks` tasks under 50 headings, 40 units, deadlines spread over 2026."""
    from taskctl.ingest.drafts import ItemDraft, ParsedDocument

    rng = random.Random(seed)
    units = [f"第{i}处" for i in range(1, 31)] + [f"{c}市科技局" for c in "甲乙丙丁戊己庚辛壬癸"]
    items: list[ItemDraft] = []
    per_heading = max(1, n_tasks // 50)
    made = 0
    while made < n_tasks:
        h = len([i for i in items if i.kind == "heading"]) + 1
        items.append(ItemDraft("heading", str(h), str(h), 0, f"第{h}方面", f"{h}、第{h}方面", 0))
        parent = len(items) - 1
        for t in range(1, per_heading + 1):
            if made == n_tasks:
                break
            lead = rng.sample(units, rng.choice([1, 1, 2]))
            support = [u for u in rng.sample(units, rng.choice([0, 1, 3])) if u not in lead]
            deadline = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
            items.append(
                ItemDraft(
                    "task",
                    f"{h}.{t}",
                    str(t),
                    1,
                    f"推进第{h}方面第{t}项工作",
                    f"{t}.推进第{h}方面第{t}项工作，确保按期完成。",
                    0,
                    parent=parent,
                    lead=lead,
                    support=support,
                    deadline=deadline,
                )
            )
            made += 1
    return ParsedDocument("基准测试工作要点", date(2026, 1, 1), date(2026, 12, 31), "2026年", items)


def build_database(db: str, n_tasks: int) -> float:
    """Save a generated plan (seconds taken) and move a third of the tasks along the lifecycle."""
    from sqlalchemy import select

    from taskctl.store.engine import open_store
    from taskctl.store.imports import save_document
    from taskctl.store.models import Task

    store = open_store(db)
    start = time.perf_counter()
    with store.writing() as session:
        save_document(
            session,
            generated_plan(n_tasks),
            source_name="bench.txt",
            content_hash="bench",
            actor="b",
        )
    took = time.perf_counter() - start
    with store.writing() as session:
        for i, task in enumerate(session.scalars(select(Task).where(Task.kind == "task"))):
            if i % 3 == 0:
                task.status = "in_progress"
            elif i % 7 == 0:
                task.status = "done"
    store.dispose()
    return took


def status_updates(db: str, n: int) -> Callable[[], None]:
    """n updates (status and progress, alternating) each in its own transaction, like n commands."""
    from sqlalchemy import select

    from taskctl.store.engine import open_store
    from taskctl.store.models import Task
    from taskctl.store.tracking import add_progress, set_status

    store = open_store(db)
    with store.reading() as session:
        ids = list(session.scalars(select(Task.id).where(Task.kind == "task").limit(50)))
    state = {"i": 0}

    def run() -> None:
        for _ in range(n):
            i = state["i"]
            state["i"] += 1
            tid = ids[i % len(ids)]
            with store.writing() as session:
                if i % 2:
                    add_progress(session, tid, f"第{i}次进展", actor="bench", percent=i % 101)
                else:
                    set_status(session, tid, "suspended" if i % 4 else "in_progress", actor="b")

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per row (median shown)")
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks in the generated database")
    parser.add_argument("--updates", type=int, default=200, help="status/progress updates per run")
    parser.add_argument(
        "--db", help="database for the report rows (default: a temporary SQLite file)"
    )
    opts = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="taskctl-bench-"))
    os.environ["TASKCTL_HOME"] = str(tmp / "home")
    os.environ["TASKCTL_USER"] = "bench"
    os.environ.setdefault("TASKCTL_LANG", "zh")
    rows: list[tuple[str, list[float], str]] = []

    def row(name: str, samples: list[float], note: str = "") -> None:
        rows.append((name, samples, note))
        print(f"  {name}: {statistics.median(samples):.1f} ms", file=sys.stderr, flush=True)

    print(f"taskctl benchmarks in {tmp} ({opts.repeats} repeats)", file=sys.stderr)

    # 1. start-up: a fresh interpreter each time, as a clerk's shell would start it
    cmd = [sys.executable, "-m", "taskctl", "--help"]
    subprocess.run(cmd, capture_output=True, check=True)  # warm the OS file cache
    row(
        "start-up: taskctl --help",
        timed(lambda: subprocess.run(cmd, capture_output=True, check=True), opts.repeats),
        "subprocess",
    )
    baseline = [sys.executable, "-c", "pass"]
    row(
        "  (python -c pass, for reference)",
        timed(lambda: subprocess.run(baseline, check=True), opts.repeats),
        "subprocess",
    )

    # 2. importing each seed into an empty database (CLI in-process, a new file each time)
    counter = {"n": 0}

    def fresh_db() -> str:
        counter["n"] += 1
        return str(tmp / f"seed{counter['n']}.db")

    for path in SEEDS:
        holder: dict[str, str] = {}

        def setup(holder: dict[str, str] = holder) -> None:
            holder["db"] = fresh_db()
            cli(holder["db"], "documents")  # create the schema outside the timing

        def do_import(path: Path = path, holder: dict[str, str] = holder) -> None:
            cli(holder["db"], "import", str(path))

        row(
            f"import {path.name}",
            timed(do_import, opts.repeats, setup),
            f"{path.stat().st_size // 1024} KB",
        )

    # 3. reports on a generated database
    db = opts.db or str(tmp / "bench.db")
    print(f"  generating {opts.tasks} tasks …", file=sys.stderr, flush=True)
    took = build_database(db, opts.tasks)
    rows.append(
        (f"save {opts.tasks} generated tasks (once)", [took * 1000], "library, one transaction")
    )
    reports = [
        ("list", ["list", "--limit", "0"]),
        ("overdue", ["overdue", "--as-of", AS_OF]),
        ("workload", ["workload", "--as-of", AS_OF]),
    ]
    for name, args in reports:
        cli(db, *args)  # warm-up (imports, caches)
        row(
            f"{name} → pipe (table)",
            timed(lambda args=args: cli(db, *args), opts.repeats),
            f"{opts.tasks} tasks",
        )
        row(
            f"{name} → json",
            timed(lambda args=args: cli(db, *args, "--format", "json"), opts.repeats),
            f"{opts.tasks} tasks",
        )

    # 4. status/progress updates, each its own transaction
    updates = status_updates(db, opts.updates)
    samples = timed(updates, opts.repeats)
    row(
        f"{opts.updates} status/progress updates",
        samples,
        f"{statistics.median(samples) / opts.updates:.2f} ms each",
    )

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'benchmark'.ljust(width)}  {'median ms':>10}  {'min ms':>9}  {'runs':>4}  note")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 9}  {'-' * 4}  ----")
    for name, samples, note in rows:
        print(
            f"{name.ljust(width)}  {statistics.median(samples):>10.1f}  {min(samples):>9.1f}  "
            f"{len(samples):>4}  {note}"
        )


if __name__ == "__main__":
    main()
