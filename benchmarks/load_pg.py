"""Many clerks at once on the shared PostgreSQL server: a load test with role-enforced access.

Builds a fresh schema on the server (`--url`, default `TASKCTL_TEST_PG`), imports generated work
plans of `--tasks` tasks led by 8 units (each task supported by the next unit, so two clerks
share it), grants one clerk role per unit (`taskctl access grant`), then runs `--clerks` processes
for `--seconds`, each as its own database role through taskctl's CLI (in-process: every command
opens its own engine and connection, as a clerk's command does), with a mix of

  status (with --expect-version from a read just before), progress, deadline (with
  --expect-version), overdue and unit-report,

a third of the writes going to a few "hot" tasks both clerks of a task report on. It prints the
throughput, p50/p95 latency per command, the `--expect-version` refusals, and proves no update was
lost: events per clerk and kind in the database equal the successes the clients counted, progress
reports likewise, and every task's version equals its number of events. Exit status 1 if not.

    python benchmarks/load_pg.py                          # 8 clerks, 5,000 tasks, 60 s
    python benchmarks/load_pg.py --tasks 100000 --seconds 60

The schema and the clerk roles are dropped afterwards (`--keep` keeps the schema).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

UNITS = ("高新处", "计划处", "农村处", "社发处", "成果处", "人事处", "条件处", "合作处")
#: The next status a clerk moves a task to (a reopening carries the note every change has).
NEXT = {
    "assigned": "in_progress",
    "accepted": "in_progress",
    "in_progress": "suspended",
    "suspended": "in_progress",
    "done": "in_progress",
    "closed": "in_progress",
    "cancelled": "assigned",
}
MIX = {"status": 35, "progress": 30, "deadline": 10, "overdue": 15, "unit-report": 10}
PASSWORD = "load-test-pw"
NUMERALS = "一二三四五六七八九十"
PER_DOC = 500


def plan_text(doc: int, first: int, count: int) -> str:
    """A work plan of `count` tasks in sections of 100; task k (global) is led by UNITS[k % 8]."""
    lines = [f"全省负载测试第{doc + 1}号工作要点", ""]
    for k in range(count):
        if k % 100 == 0:
            lines.append(f"{NUMERALS[k // 100]}、第{k // 100 + 1}部分重点工作")
        g = first + k
        month = g % 12 + 1
        lead, support = UNITS[g % 8], UNITS[(g + 1) % 8]
        lines.append(
            f"{k % 100 + 1}.推进第{g + 1}项重点工作，2026年{month}月底前完成。"
            f"（牵头单位：{lead}；配合单位：{support}）"
        )
    return "\n".join(lines) + "\n"


def schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def as_role(url: str, role: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


def invoke(url: str, *args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from taskctl.cli import cli

    result = CliRunner().invoke(cli, ["--db", url, "--lang", "en", *args])
    return result.exit_code, result.stderr if result.exit_code else result.stdout


def clerk(job: dict) -> dict:
    """One clerk process: run the mix until the deadline; return what it did and how long it took."""
    import psycopg
    from sqlalchemy.engine import make_url

    url, unit, tasks, hot = job["url"], job["unit"], job["tasks"], job["hot"]
    rng = random.Random(job["seed"])
    u = make_url(url)
    read = psycopg.connect(
        host=u.host,
        port=u.port or 5432,
        dbname=u.database,
        user=u.username,
        password=PASSWORD,
        options=u.query["options"],
        autocommit=True,
    )
    latency: dict[str, list[float]] = defaultdict(list)
    done: Counter = Counter()
    refused = 0
    errors: list[str] = []
    kinds, weights = list(MIX), list(MIX.values())
    time.sleep(max(0.0, job["start"] - time.time()))
    end = job["start"] + job["seconds"]
    while time.time() < end:
        op = rng.choices(kinds, weights)[0]
        task = rng.choice(hot) if rng.random() < 0.33 else rng.choice(tasks)
        args: tuple[str, ...]
        if op in ("status", "deadline"):
            status, version, deadline = read.execute(
                "SELECT status, version, deadline FROM tasks WHERE id = %s", (task,)
            ).fetchone()
            if op == "status":
                args = ("status", str(task), NEXT[status], "--note", "负载测试")
            else:
                new = date(2026, 1, 1) + timedelta(days=rng.randrange(540))
                if new == deadline:
                    new += timedelta(days=1)
                args = ("deadline", str(task), new.isoformat(), "--note", "负载测试")
            args += ("--expect-version", str(version))
        elif op == "progress":
            args = ("progress", str(task), f"第{rng.randrange(1000)}次进展", "--percent", "50")
        elif op == "overdue":
            args = ("overdue", "--as-of", "2026-12-01")
        else:
            args = ("unit-report", unit, "--as-of", "2026-12-01")
        t0 = time.perf_counter()
        code, text = invoke(url, *args)
        latency[op].append(time.perf_counter() - t0)
        if code == 0:
            done[op] += 1
        elif "changed since version" in text:
            refused += 1
        else:
            errors.append(f"{' '.join(args)}: {text.strip()}")
    read.close()
    return {
        "role": job["role"],
        "latency": dict(latency),
        "done": dict(done),
        "refused": refused,
        "errors": errors,
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("TASKCTL_TEST_PG"), help="admin URL")
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--clerks", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="keep the schema afterwards")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    opts = parser.parse_args()
    if not opts.url:
        parser.error("give --url postgresql+psycopg://USER:PASSWORD@HOST/DB (or TASKCTL_TEST_PG)")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from sqlalchemy import create_engine, text

    schema = "load_" + uuid.uuid4().hex[:10]
    suffix = schema[5:]
    admin_engine = create_engine(opts.url)
    with admin_engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = schema_url(opts.url, schema)
    roles = [f"load_clerk{i}_{suffix}" for i in range(opts.clerks)]
    try:
        return run(opts, url, roles)
    finally:
        with admin_engine.begin() as conn:
            if not opts.keep:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            for role in roles:
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin_engine.dispose()


def run(opts: argparse.Namespace, url: str, roles: list[str]) -> int:
    from sqlalchemy import create_engine, text

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for doc, first in enumerate(range(0, opts.tasks, PER_DOC)):
            path = Path(tmp) / f"load-{doc:04d}.txt"
            path.write_text(plan_text(doc, first, min(PER_DOC, opts.tasks - first)), "utf-8")
            files.append(str(path))
        code, out = invoke(url, "import", *files)
        if code:
            print(f"import failed: {out}", file=sys.stderr)
            return 1
    setup = time.perf_counter() - t0
    engine = create_engine(url)
    with engine.connect() as conn:
        n_tasks = conn.execute(text("SELECT count(*) FROM tasks WHERE kind = 'task'")).scalar()
        by_unit: dict[str, list[int]] = defaultdict(list)
        for task_id, unit in conn.execute(
            text(
                "SELECT tu.task_id, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
                " WHERE tu.role IN ('lead', 'support') ORDER BY tu.task_id"
            )
        ):
            by_unit[unit].append(task_id)
    jobs = []
    start = time.time() + 3 + 0.5 * opts.clerks
    for i, role in enumerate(roles):
        unit = UNITS[i % len(UNITS)]
        code, out = invoke(url, "access", "grant", role, "--unit", unit, "--password", PASSWORD)
        if code:
            print(f"grant failed: {out}", file=sys.stderr)
            return 1
        tasks = by_unit[unit]
        hot = [t for t in tasks if t <= min(by_unit[UNITS[0]]) + 40] or tasks[:8]
        jobs.append(
            {
                "url": as_role(url, role),
                "role": role,
                "unit": unit,
                "tasks": tasks,
                "hot": hot,
                "seed": opts.seed + i,
                "start": start,
                "seconds": opts.seconds,
            }
        )
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = pool.map(clerk, jobs)

    latency: dict[str, list[float]] = defaultdict(list)
    done: Counter = Counter()
    refused = 0
    errors = []
    for r in results:
        for op, values in r["latency"].items():
            latency[op] += values
        done.update(r["done"])
        refused += r["refused"]
        errors += r["errors"]
    total = sum(len(v) for v in latency.values())
    writes = sum(done[k] for k in ("status", "progress", "deadline"))

    # no update lost: what the database holds against what the clients counted
    problems = []
    with engine.connect() as conn:
        held = Counter()
        for actor, kind, n in conn.execute(
            text(
                "SELECT actor, kind, count(*) FROM events"
                " WHERE kind IN ('status', 'progress', 'deadline') GROUP BY actor, kind"
            )
        ):
            held[(actor, kind)] = n
        reports = dict(
            conn.execute(text("SELECT actor, count(*) FROM progress_reports GROUP BY actor")).all()
        )
        off_version = conn.execute(
            text(
                "SELECT count(*) FROM tasks t WHERE t.kind = 'task' AND t.version <>"
                " (SELECT count(*) FROM events e WHERE e.task_id = t.id)"
            )
        ).scalar()
    engine.dispose()
    for r in results:
        for kind in ("status", "progress", "deadline"):
            if held[(r["role"], kind)] != r["done"].get(kind, 0):
                problems.append(
                    f"{r['role']} {kind}: database {held[(r['role'], kind)]}, "
                    f"client {r['done'].get(kind, 0)}"
                )
        if reports.get(r["role"], 0) != r["done"].get("progress", 0):
            problems.append(f"{r['role']} progress reports: {reports.get(r['role'], 0)}")
    if off_version:
        problems.append(f"{off_version} tasks whose version is not their number of events")
    if sum(n for (a, _), n in held.items() if a not in roles):
        problems.append("events by someone other than the clerks")

    print(
        f"load test: {opts.clerks} clerk processes, {n_tasks} tasks, {opts.seconds:.0f} s "
        f"(setup {setup:.1f} s); PostgreSQL, each clerk its own role under row-level security"
    )
    print(f"{'command':<12} {'runs':>6} {'ok':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for op in MIX:
        values = latency.get(op, [])
        print(
            f"{op:<12} {len(values):>6} {done.get(op, 0):>6} "
            f"{pct(values, 0.5):>8.1f} {pct(values, 0.95):>8.1f}"
        )
    all_values = [v for values in latency.values() for v in values]
    print(
        f"throughput: {total / opts.seconds:.1f} commands/s, {writes / opts.seconds:.1f} writes/s; "
        f"p50 {pct(all_values, 0.5):.1f} ms, p95 {pct(all_values, 0.95):.1f} ms"
    )
    print(f"--expect-version refusals: {refused}; other errors: {len(errors)}")
    for line in errors[:5]:
        print(f"  {line}")
    verdict = "no update lost" if not problems else "UPDATES LOST OR MISCOUNTED"
    print(
        f"{verdict}: {writes} writes counted by the clients = "
        f"{sum(n for (a, _), n in held.items() if a in roles)} events by the clerks' roles; "
        f"every task's version = its events"
        if not problems
        else verdict
    )
    for line in problems:
        print(f"  {line}")
    if opts.json:
        summary = {
            "clerks": opts.clerks,
            "tasks": n_tasks,
            "seconds": opts.seconds,
            "commands": total,
            "writes": writes,
            "refused": refused,
            "errors": len(errors),
            "p50_ms": {op: pct(v, 0.5) for op, v in latency.items()},
            "p95_ms": {op: pct(v, 0.95) for op, v in latency.items()},
            "problems": problems,
        }
        Path(opts.json).write_text(json.dumps(summary, indent=2), "utf-8")
    return 1 if problems or errors else 0


if __name__ == "__main__":
    sys.exit(main())
