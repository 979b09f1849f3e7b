"""Several clerks at once: separate OS processes, each with its own connection, updating the same tasks.

Workers are `python -c WORKER` subprocesses that call the tracking library in-process (one process
start each, not one per update) and take orders as JSON lines on stdin, so the parent can release them
all at the same moment. Runs on SQLite (WAL + busy timeout) and on PostgreSQL (db_url fixture).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from taskctl.ingest.drafts import ItemDraft, ParsedDocument
from taskctl.store.engine import open_store
from taskctl.store.imports import save_document
from taskctl.store.models import Event, ProgressReport, Task

WORKERS = 4
UPDATES = 200
SHARED_TASKS = 6  # every worker updates all of them: heavy overlap

WORKER = r"""
import json, random, sys
from taskctl.store.engine import open_store
from taskctl.store.tracking import add_progress, set_status

store = open_store(sys.argv[1])
wid = int(sys.argv[2])
print(json.dumps({"ready": wid}), flush=True)
for line in sys.stdin:
    order = json.loads(line)
    if order["op"] == "quit":
        break
    if order["op"] == "updates":
        rng = random.Random(order["seed"])
        log, errors = [], []
        for i in range(order["n"]):
            tid = rng.choice(order["tasks"])
            try:
                with store.writing() as session:
                    if i % 2:
                        change = add_progress(session, tid, f"worker {wid} report {i}",
                                              actor=f"w{wid}", percent=rng.randint(0, 100))
                    else:
                        change = set_status(session, tid, rng.choice(["in_progress", "suspended"]),
                                            actor=f"w{wid}")
                log.append([tid, change.kind, change.changed, change.version])
            except Exception as exc:  # report every failure, whatever it is
                errors.append(f"{type(exc).__name__}: {exc}")
        print(json.dumps({"log": log, "errors": errors}), flush=True)
    elif order["op"] == "stale":
        try:
            with store.writing() as session:
                change = add_progress(session, order["task"], f"worker {wid} wins",
                                      actor=f"w{wid}", expect_version=order["expect"])
            print(json.dumps({"ok": True, "version": change.version}), flush=True)
        except Exception as exc:
            print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
store.dispose()
"""


def make_plan(n_tasks: int, *, title: str = "并发测试工作要点") -> ParsedDocument:
    """A document of one heading and `n_tasks` tasks under it, each with a lead and a support unit."""
    items = [ItemDraft("heading", "一", "一", 0, "重点工作", "一、重点工作", 1)]
    for i in range(1, n_tasks + 1):
        items.append(
            ItemDraft(
                "task",
                f"一.{i}",
                str(i),
                1,
                f"第{i}项任务",
                f"{i}.第{i}项任务。",
                i + 1,
                parent=0,
                lead=[f"牵头{i % 3}处"],
                support=["配合处"],
                deadline=date(2026, 12, 31),
            )
        )
    return ParsedDocument(title, date(2026, 1, 1), date(2026, 12, 31), "2026年", items)


def seed_tasks(db: str, n_tasks: int) -> list[int]:
    store = open_store(db)
    try:
        with store.writing() as session:
            save_document(
                session, make_plan(n_tasks), source_name="plan.txt", content_hash="c0", actor="t"
            )
        with store.reading() as session:
            ids = list(
                session.scalars(select(Task.id).where(Task.kind == "task").order_by(Task.id))
            )
            versions = set(session.scalars(select(Task.version).where(Task.kind == "task")))
        assert versions == {1}, "an import leaves every task at version 1"
        return ids
    finally:
        store.dispose()


class Pool:
    """`n` worker processes on one database, each with its own connection."""

    def __init__(self, db: str, n: int) -> None:
        self.procs = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, db, str(wid)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for wid in range(n)
        ]
        for wid, proc in enumerate(self.procs):
            assert self._read(proc) == {"ready": wid}

    def _read(self, proc: subprocess.Popen) -> dict:
        line = proc.stdout.readline()
        if not line:
            proc.wait(timeout=30)
            pytest.fail(f"worker died (exit {proc.returncode}): {proc.stderr.read()[-2000:]}")
        return json.loads(line)

    def all(self, orders: list[dict]) -> list[dict]:
        """Send one order to each worker (all released at once), then collect the answers."""
        for proc, order in zip(self.procs, orders, strict=True):
            proc.stdin.write(json.dumps(order) + "\n")
        for proc in self.procs:
            proc.stdin.flush()
        return [self._read(proc) for proc in self.procs]

    def close(self) -> None:
        for proc in self.procs:
            try:
                proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
                proc.stdin.close()
                proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()


@pytest.fixture
def pool_factory():  # type: ignore[no-untyped-def]
    pools: list[Pool] = []

    def make(db: str, n: int = WORKERS) -> Pool:
        pool = Pool(db, n)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.close()


def test_concurrent_updates_are_all_kept(db_url: str, pool_factory) -> None:  # type: ignore[no-untyped-def]
    task_ids = seed_tasks(db_url, SHARED_TASKS + 2)
    shared = task_ids[:SHARED_TASKS]
    pool = pool_factory(db_url)
    answers = pool.all(
        [{"op": "updates", "tasks": shared, "n": UPDATES, "seed": wid} for wid in range(WORKERS)]
    )

    errors = [e for a in answers for e in a["errors"]]
    assert errors == [], f"{len(errors)} failed updates, e.g. {errors[:3]}"
    log = [entry for a in answers for entry in a["log"]]
    assert len(log) == WORKERS * UPDATES

    # a status update to the status a task already has is a no-op (no event, same version)
    changed = Counter(tid for tid, _kind, did_change, _v in log if did_change)
    progress = Counter(tid for tid, kind, _c, _v in log if kind == "progress")
    assert sum(progress.values()) == WORKERS * UPDATES // 2
    assert sum(changed.values()) > WORKERS * UPDATES // 2, "status changes happened too"

    store = open_store(db_url)
    try:
        with store.reading() as session:
            for tid in task_ids:
                task = session.get(Task, tid)
                events = session.scalars(select(Event.kind).where(Event.task_id == tid)).all()
                reports = session.scalar(
                    select(func.count(ProgressReport.id)).where(ProgressReport.task_id == tid)
                )
                assert Counter(events)["import"] == 1
                assert len(events) == 1 + changed[tid], f"task {tid}: every update is in history"
                assert task.version == 1 + changed[tid], f"task {tid}: one version per update"
                assert reports == progress[tid]
            # each successful update saw a distinct version of its task: no two wrote the same one
            seen = Counter((tid, v) for tid, _k, did_change, v in log if did_change)
            assert max(seen.values()) == 1
            total = session.scalar(select(func.count(Event.id)).where(Event.kind != "import"))
            assert total == sum(changed.values())
            # the workers really ran at the same time: their events interleave (one after another
            # would switch actor WORKERS - 1 times; SQLite hands its lock over unfairly, in bursts)
            actors = session.scalars(
                select(Event.actor).where(Event.kind != "import").order_by(Event.id)
            ).all()
            switches = sum(a != b for a, b in itertools.pairwise(actors))
            assert switches >= WORKERS, f"workers ran one after another ({switches} switches)"
        if store.is_sqlite:
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.dispose()


def test_stale_updates_are_refused_under_concurrency(db_url: str, pool_factory) -> None:  # type: ignore[no-untyped-def]
    """All workers read version v, then race to update with --expect-version v: exactly one wins."""
    rounds = 5
    task_ids = seed_tasks(db_url, 2)
    pool = pool_factory(db_url)
    version = {tid: 1 for tid in task_ids}
    for r in range(rounds):
        tid = task_ids[r % 2]
        answers = pool.all(
            [{"op": "stale", "task": tid, "expect": version[tid]} for _ in range(WORKERS)]
        )
        winners = [a for a in answers if a["ok"]]
        losers = [a for a in answers if not a["ok"]]
        assert len(winners) == 1, answers
        assert winners[0]["version"] == version[tid] + 1
        for loser in losers:
            assert loser["error"].startswith("StaleVersionError: "), loser
            assert f"changed since version {version[tid]}" in loser["error"]
        version[tid] += 1

    store = open_store(db_url)
    try:
        with store.reading() as session:
            for tid in task_ids:
                assert session.get(Task, tid).version == version[tid]
                n = session.scalar(
                    select(func.count(Event.id)).where(
                        Event.task_id == tid, Event.kind == "progress"
                    )
                )
                assert n == version[tid] - 1, "losers wrote nothing"
    finally:
        store.dispose()


def test_stale_updates_through_the_cli(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The same race with real `python -m taskctl progress … --expect-version 1` processes."""
    import os

    (tid,) = seed_tasks(db_url, 1)
    env = {**os.environ, "TASKCTL_LANG": "en"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "taskctl", "--db", db_url, "--by", f"clerk{i}", "progress",
             str(tid), f"clerk {i} report", "--expect-version", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(3)
    ]  # fmt: skip
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert sorted(code for code, _o, _e in results) == [0, 1, 1], results
    for code, _out, err in results:
        if code:
            assert len(err.strip().splitlines()) == 1, err
            assert "changed since version 1" in err
            assert "Traceback" not in err
    (winner,) = [i for i, (code, _o, _e) in enumerate(results) if code == 0]
    store = open_store(db_url)
    try:
        with store.reading() as session:
            texts = session.scalars(
                select(ProgressReport.text).where(ProgressReport.task_id == tid)
            ).all()
            assert session.get(Task, tid).version == 2
    finally:
        store.dispose()
    assert texts == [f"clerk {winner} report"], "the winner's report only; the losers wrote nothing"
    assert results[winner][1] == f"task {tid}: progress recorded (version 2)\n"
