"""taskctl benchmarks: whole processes, timed and measured, against the issue's targets and Taskwarrior.

Every row runs a real process (`taskctl …`, output drained from a pipe): one warm-up, then the median
of `--repeats` runs, and the child's peak resident memory (`os.wait4`). The taskctl measured is this
checkout installed as a clerk installs it, `pip install .` into `benchmarks/.venv` (`--in-place`
measures the current environment's instead). Rows:

- `taskctl --help`, and each report on an empty (initialised) database;
- `taskctl import` of a whole corpus into a fresh database (tasks per second);
- `list`, `overdue`, `due`, `workload`, `unit-report <the busiest department>`, `history <the task
  with most events>` and `weekly` at each size (plain text, as a pipe gets them);
- the streamed reports (`list`, `overdue`, `due`, `unit-report`, `history`) in json, csv and md too:
  their peak memory must not grow with the rows (issue 13: < 100 MB at 1M in every format);
- with `--pg URL`, the same reports on PostgreSQL (the size's database copied there first with
  `taskctl db copy --to URL --replace`), rows labelled "(PostgreSQL)";
- the same tasks in Taskwarrior 2.6 (`task overdue`, `task summary`), with the ratios, if `task` is
  installed (nothing is installed; a private TASKRC/TASKDATA in a temporary folder is used).

\b
    python benchmarks/generate.py                  # the corpora first (benchmarks/data/, reused)
    python benchmarks/run.py                       # 1k, 10k, 100k; 5 repeats
    python benchmarks/run.py --sizes 1k,10k --repeats 7 --json /tmp/bench.json
    python benchmarks/run.py --sizes 1m            # after generate.py --sizes 1m
    python benchmarks/run.py --markdown            # the table as Markdown (README's Performance)
    python benchmarks/run.py --sizes 100k --no-import --pg postgresql+psycopg://taskctl:taskctl@127.0.0.1/bench

Deadlines are measured on `--as-of` (the corpora's reference day); Taskwarrior, which has no such
option, gets every date shifted by (today − as-of) so that the same tasks are overdue. Times are
milliseconds of wall time; memory is the peak RSS of the child in MB. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from generate import (
    AS_OF,
    DATA,
    DEFAULT_SIZES,
    ROOT,
    bench_env,
    parse_sizes,
    taskctl_command,
)

RESULTS = ROOT / "benchmarks" / "results.json"
#: Where taskctl is installed for measuring, as a clerk installs it (see `install`).
VENV = ROOT / "benchmarks" / ".venv"
REPORTS = ("list", "overdue", "due", "workload", "unit-report", "history", "weekly")
#: Reports whose peak memory must not grow with the rows they print, in plain text (the rows above)
#: and in these formats (issue 13: < 100 MB at 1M).
STREAMED = ("list", "overdue", "due", "unit-report", "history")
STREAMED_FORMATS = ("json", "csv", "md")
#: Sizes at which the write commands and the one-seed imports are timed (issue 13 states them at 1k).
WRITE_SIZES = ("1k",)
EMPTY_REPORTS = ("list", "overdue", "due", "workload", "weekly", "units", "documents")
#: How far ahead `due` looks: 27 weeks from 1 July hold the year end (31 December: a sixth of the tasks).
DUE_WITHIN = "27w"


# --- one measured process -------------------------------------------------------------------------


@dataclass
class Sample:
    ms: float
    peak_mb: float
    out_bytes: int


TIME = Path("/usr/bin/time")


def run_once(cmd: list[str], env: dict[str, str]) -> Sample:
    """Run `cmd` with stdout drained from a pipe (stderr to a file): wall time and peak RSS.

    The peak is GNU time's `%M` for the command: `os.wait4` on our own child would report at least
    this Python's size, since Linux counts a child's memory from before its exec (fork or vfork). Without
    /usr/bin/time, wait4's figure is given, an upper bound. A non-zero exit stops the benchmark."""
    with tempfile.NamedTemporaryFile() as err, tempfile.NamedTemporaryFile("r") as mem:
        wrapped = [str(TIME), "-f", "%M", "-o", mem.name, *cmd] if TIME.exists() else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.PIPE, stderr=err, env=env)
        assert proc.stdout is not None
        size = 0
        while chunk := proc.stdout.read(1 << 16):
            size += len(chunk)
        _pid, status, usage = os.wait4(proc.pid, 0)
        ms = (time.perf_counter() - start) * 1000
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode(errors="replace")[-1500:]
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{message}")
        kb = usage.ru_maxrss
        if TIME.exists():
            kb = int(mem.read().split()[-1])
    return Sample(ms, kb / 1024, size)


def measure(cmd: list[str], env: dict[str, str], repeats: int, warmup: bool = True) -> list[Sample]:
    if warmup:
        run_once(cmd, env)
    return [run_once(cmd, env) for _ in range(repeats)]


def measure_each(cmds: list[list[str]], env: dict[str, str], prepare: Any = None) -> list[Sample]:
    """The first command as a warm-up, the others timed (each after `prepare(index)`, untimed)."""
    samples = []
    for index, cmd in enumerate(cmds):
        if prepare is not None:
            prepare(index)
        sample = run_once(cmd, env)
        if index:
            samples.append(sample)
    return samples


# --- rows and targets -----------------------------------------------------------------------------


@dataclass
class Target:
    """A limit from the issue: at most `ms` milliseconds and `mb` MB, at least `rate` tasks/s, or at
    most `ratio` of Taskwarrior's time."""

    ms: float | None = None
    mb: float | None = None
    rate: float | None = None
    ratio: float | None = None
    #: at most this many times `taskctl --help`
    help_ratio: float | None = None

    def text(self) -> str:
        parts = []
        if self.ms is not None:
            parts.append(f"≤ {self.ms:,.0f} ms")
        if self.mb is not None:
            parts.append(f"< {self.mb:,.0f} MB")
        if self.rate is not None:
            parts.append(f"≥ {self.rate:,.0f}/s")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× task")
        if self.help_ratio is not None:
            parts.append(f"≤ {self.help_ratio:g}× --help")
        return ", ".join(parts)


@dataclass
class Row:
    name: str
    size: str
    median_ms: float | None = None
    min_ms: float | None = None
    max_ms: float | None = None
    runs: int = 0
    peak_mb: float | None = None
    rate: float | None = None
    ratio: float | None = None
    out_bytes: int | None = None
    target: str = ""
    status: str = ""
    note: str = ""
    samples_ms: list[float] = field(default_factory=list)


def make_row(
    name: str, size: str, samples: list[Sample], target: Target | None = None, note: str = ""
) -> Row:
    times = [s.ms for s in samples]
    row = Row(
        name=name,
        size=size,
        median_ms=statistics.median(times),
        min_ms=min(times),
        max_ms=max(times),
        runs=len(times),
        peak_mb=max(s.peak_mb for s in samples),
        out_bytes=samples[-1].out_bytes,
        note=note,
        samples_ms=[round(t, 1) for t in times],
    )
    judge(row, target)
    return row


def judge(row: Row, target: Target | None) -> None:
    """Fill in the row's target column and PASS/MISS."""
    if target is None:
        return
    checks = []
    if target.ms is not None and row.median_ms is not None:
        checks.append(row.median_ms <= target.ms)
    if target.mb is not None and row.peak_mb is not None:
        checks.append(row.peak_mb < target.mb)
    if target.rate is not None and row.rate is not None:
        checks.append(row.rate >= target.rate)
    if target.ratio is not None and row.ratio is not None:
        checks.append(row.ratio <= target.ratio)
    if target.help_ratio is not None and row.ratio is not None:
        checks.append(row.ratio <= target.help_ratio)
    row.target = target.text()
    row.status = ("PASS" if all(checks) else "MISS") if checks else ""


def report_target(command: str, size: str) -> Target | None:
    """The issue's targets for a report at a size."""
    if size == "100k" and command in ("overdue", "workload"):
        return Target(ms=300, mb=100)
    if size == "1m" and command == "workload":
        return Target(ms=2000)
    if size == "1m" and command in STREAMED:
        return Target(mb=100)
    return None


# --- machine --------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    rev = _git("rev-parse", "--short", "HEAD")
    if _git("status", "--porcelain", "--untracked-files=no", "--", "taskctl", "migrations"):
        rev += " (taskctl/ has uncommitted changes)"
    version = subprocess.run(
        [*taskctl_command(), "--version"], capture_output=True, text=True
    ).stdout.strip()
    task = shutil.which("task")
    task_version = (
        subprocess.run([task, "--version"], capture_output=True, text=True).stdout.strip()
        if task
        else "not installed"
    )
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "taskctl": f"{version} @ {rev}",
        "taskwarrior": task_version,
        "installed": (
            "in place"
            if Path(sys.executable) == generate.PYTHON
            else "pip install . in a fresh venv"
        ),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def code_fingerprint() -> str:
    """The commit and the uncommitted changes of taskctl/ and migrations/: to notice the code under
    test changing while the benchmark runs (others work in the same tree)."""
    import hashlib

    diff = _git("diff", "HEAD", "--", "taskctl", "migrations")
    return _git("rev-parse", "HEAD") + hashlib.sha1(diff.encode()).hexdigest()


def _git(*args: str) -> str:
    proc = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return proc.stdout.strip()


# --- the copy under test ------------------------------------------------------------------------


def install(venv: Path, extras: str = "") -> Path:
    """Install this checkout into `venv` as a clerk installs it (`pip install .`: a built wheel in a
    fresh virtual environment) and return that environment's Python.

    Measuring the development environment instead measures its extras: an editable install's import
    finder, and whatever `.pth` files the machine's site-packages carry (this sandbox's imports
    certifi at every interpreter start-up). Together 30–35 ms per process that a clerk never pays.
    `extras` (`postgres`) adds an optional dependency's packages.
    """
    python = venv / "bin" / "python"
    spec = f"{ROOT}[{extras}]" if extras else str(ROOT)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", spec], check=True)
    else:  # dependencies are in place; the code under test is reinstalled every run
        if extras:  # the extra's packages, when this environment lacks them
            subprocess.run([str(python), "-m", "pip", "install", "-q", spec], check=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--force-reinstall",
                str(ROOT),
            ],
            check=True,
        )
    return python


# --- taskctl rows ---------------------------------------------------------------------------------


def report_args(command: str, as_of: date, unit: str, task: int | None = None) -> list[str]:
    """The command line of one report, deadlines measured on `as_of`."""
    day = as_of.isoformat()
    if command == "weekly":
        return ["weekly", "--since", (as_of - timedelta(days=6)).isoformat(), "--until", day]
    if command == "unit-report":
        return ["unit-report", unit, "--as-of", day]
    if command == "history":
        return ["history", str(task or 1)]
    if command == "due":  # past the year end: the corpora's deadlines bunch at month ends
        return ["due", "--as-of", day, "--within", DUE_WITHIN]
    if command in ("units", "documents"):
        return [command]
    return [command, "--as-of", day]


def startup_rows(env: dict[str, str], repeats: int, tmp: Path, as_of: date) -> list[Row]:
    taskctl = taskctl_command()
    rows = [
        make_row(
            "taskctl --help", "-", measure([*taskctl, "--help"], env, repeats), Target(ms=100)
        ),
        make_row(
            "python -c pass (reference)",
            "-",
            measure([str(generate.PYTHON), "-c", "pass"], env, 5),
        ),
    ]
    empty = tmp / "empty.db"
    run_once([*taskctl, "--db", str(empty), "documents"], env)  # create the schema
    for command in EMPTY_REPORTS:
        cmd = [*taskctl, "--db", str(empty), *report_args(command, as_of, "")]
        rows.append(make_row(command, "empty", measure(cmd, env, repeats), Target(ms=200)))
        _progress(rows[-1])
    return rows


def import_row(
    name: str, folder: Path, tasks: int, env: dict[str, str], tmp: Path, repeats: int
) -> Row:
    """`taskctl import` of the whole corpus into a fresh database: once for 100k and more, else
    `repeats` times (no warm-up: each run is a first import)."""
    files = sorted(str(p) for p in (folder / "docs").glob("plan-*.txt"))
    runs = repeats if tasks < 100_000 else 1
    samples = []
    for n in range(runs):
        db = tmp / f"import-{name}-{n}.db"
        samples.append(run_once([*taskctl_command(), "--db", str(db), "import", *files], env))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    row = make_row(
        "import (tasks/s)",
        name,
        samples,
        note=f"{len(files)} documents" + ("" if runs > 1 else ", one run"),
    )
    row.rate = tasks / (row.median_ms / 1000)
    judge(row, Target(rate=20_000) if name == "100k" else None)
    return row


def busiest_task(db: Path) -> tuple[int, int]:
    """The task with the most events in the size's database, and how many it has."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        found = conn.execute(
            "SELECT task_id, COUNT(*) FROM events WHERE task_id IS NOT NULL"
            " GROUP BY task_id ORDER BY COUNT(*) DESC, task_id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return found or (1, 0)


def report_rows(
    name: str,
    manifest: dict,
    db: str,
    env: dict[str, str],
    repeats: int,
    as_of: date,
    task: tuple[int, int],
    label: str = "",
) -> list[Row]:
    """Each report in plain text, then the streamed ones in json, csv and md, on `db` (a SQLite
    file, or with `label` another database's URL)."""
    rows = []
    unit = manifest["busy_unit"]
    notes = {
        "due": f"--within {DUE_WITHIN}",
        "unit-report": f"{unit}, {manifest['busy_unit_tasks']} tasks",
        "history": f"task {task[0]}, {task[1]} events",
    }
    for command in REPORTS:
        cmd = [*taskctl_command(), "--db", db, *report_args(command, as_of, unit, task[0])]
        target = None if label else report_target(command, name)  # PostgreSQL: none yet
        note = notes.get(command, "")
        rows.append(make_row(command + label, name, measure(cmd, env, repeats), target, note))
        _progress(rows[-1])
    for command in STREAMED:
        for fmt in STREAMED_FORMATS:
            cmd = [*taskctl_command(), "--db", db, *report_args(command, as_of, unit, task[0])]
            cmd += ["--format", fmt]
            target = Target(mb=100) if name == "1m" and not label else None
            row_name = f"{command} --format {fmt}{label}"
            samples = measure(cmd, env, repeats)
            rows.append(make_row(row_name, name, samples, target, notes.get(command, "")))
            _progress(rows[-1])
    return rows


def load_pg(url: str, name: str, db: Path, env: dict[str, str]) -> None:
    """Copy the size's SQLite database into the PostgreSQL database at `url` (untimed), unless it
    already holds as many tasks and events."""

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    wanted = conn.execute("SELECT (SELECT COUNT(*) FROM tasks), (SELECT COUNT(*) FROM events)")
    expected = wanted.fetchone()
    conn.close()
    probe = (
        "from sqlalchemy import create_engine, text\n"
        "import sys\n"
        "e = create_engine(sys.argv[1])\n"
        "with e.connect() as c:\n"
        "    try:\n"
        "        print(*c.execute(text('SELECT (SELECT COUNT(*) FROM tasks),"
        " (SELECT COUNT(*) FROM events)')).one())\n"
        "    except Exception:\n"
        "        print(0, 0)\n"
    )
    found = subprocess.run(
        [str(generate.PYTHON), "-c", probe, url], capture_output=True, text=True, env=env
    ).stdout.split()
    if [int(x) for x in found or (0, 0)] == list(expected):
        print(f"{name}: PostgreSQL already holds this corpus", file=sys.stderr)
        return
    print(f"{name}: copying the corpus into PostgreSQL (untimed) …", file=sys.stderr)
    start = time.perf_counter()
    run_once([*taskctl_command(), "--db", str(db), "db", "copy", "--to", url, "--replace"], env)
    print(f"{name}: copied in {time.perf_counter() - start:.0f} s", file=sys.stderr)


#: The tracking commands a clerk types dozens of times a day, timed on a copy of the size's database.
WRITES = ("status", "progress", "deadline")
#: Issue 13: a write at most this many times `task N modify` on the same tasks.
WRITE_RATIO = 4.0


def write_args(command: str, task_id: int, run: int) -> list[str]:
    """One real change of an open task (a transition, a report, a new deadline)."""
    if command == "status":
        return ["status", str(task_id), "accepted", "--by", "张三"]
    if command == "progress":
        return ["progress", str(task_id), "已完成项目招标", "--percent", str(10 + run % 80)]
    day = date(2027, 1, 1) + timedelta(days=run)
    return ["deadline", str(task_id), day.isoformat(), "--note", "资金未到位"]


def write_rows(name: str, folder: Path, env: dict[str, str], repeats: int, tmp: Path) -> list[Row]:
    """`status`, `progress` and `deadline` on a copy of the size's database: each run changes a
    different task that is still assigned, so that every run writes."""
    db = tmp / f"writes-{name}.db"
    shutil.copyfile(folder / "taskctl.db", db)
    conn = sqlite3.connect(db)
    ids = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM tasks WHERE kind = 'task' AND status = 'assigned' ORDER BY id"
        )
    ]
    conn.close()
    pool = iter(ids)
    rows = []
    for command in WRITES:
        cmds = [
            [*taskctl_command(), "--db", str(db), *write_args(command, next(pool), run)]
            for run in range(repeats + 1)
        ]
        rows.append(
            make_row(command, name, measure_each(cmds, env), note="a different task each run")
        )
        _progress(rows[-1])
    return rows


#: Issue 13: one seed imported into an existing database, and into a new file, against `--help`.
SEED = ROOT / "seeds" / "zj2012.txt"
SEED_RATIOS = {"existing": 3.0, "new": 5.0}


def seed_import_rows(
    name: str, folder: Path, env: dict[str, str], repeats: int, tmp: Path, help_ms: float | None
) -> list[Row]:
    """`taskctl import seeds/zj2012.txt` into a copy of the size's database (copied before each run,
    untimed), and into a new file; the ratio is over `taskctl --help`."""
    rows = []
    for kind in ("existing", "new"):
        paths = [tmp / f"seed-{kind}-{name}-{n}.db" for n in range(repeats + 1)]

        def prepare(index: int, kind: str = kind, paths: list[Path] = paths) -> None:
            if kind == "existing":
                shutil.copyfile(folder / "taskctl.db", paths[index])

        cmds = [[*taskctl_command(), "--db", str(path), "import", str(SEED)] for path in paths]
        samples = measure_each(cmds, env, prepare)
        for path in paths:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        row = make_row(
            f"import one seed ({kind} db)",
            name if kind == "existing" else "-",
            samples,
            note="zj2012.txt, 26 tasks; ratio: ÷ taskctl --help",
        )
        if help_ms:
            row.ratio = row.median_ms / help_ms if row.median_ms else None
        judge(row, Target(help_ratio=SEED_RATIOS[kind]))
        rows.append(row)
        _progress(row)
    return rows


def task_modify_row(
    name: str, task: str, env: dict[str, str], repeats: int, ours: dict[str, Row]
) -> Row:
    """`task N modify due:…` on a different pending task each run; taskctl's write rows get their
    ratio over it (issue 13: at most 4×)."""
    cmds = [
        [task, str(n), "modify", f"due:{(date(2027, 1, 1) + timedelta(days=n)).isoformat()}"]
        for n in range(1, repeats + 2)
    ]
    row = make_row("task N modify due:…", name, measure_each(cmds, env))
    _progress(row)
    for command in WRITES:
        mine = ours.get(command)
        if mine is not None and mine.median_ms and row.median_ms:
            mine.ratio = mine.median_ms / row.median_ms
            mine.note = f"a different task each run; ratio: ÷ task N modify ({name})"
            judge(mine, Target(ratio=WRITE_RATIO))
    return row


# --- Taskwarrior ----------------------------------------------------------------------------------


def _shift(value: str, days: int) -> str:
    moved = datetime.strptime(value, "%Y%m%dT%H%M%SZ") + timedelta(days=days)
    return moved.strftime("%Y%m%dT%H%M%SZ")


def taskwarrior_env(folder: Path) -> dict[str, str]:
    """A private Taskwarrior: its own TASKRC and TASKDATA, no confirmations, hooks, colour or terminal
    detection."""
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    rc = folder / "taskrc"
    rc.write_text(
        "\n".join(
            [
                f"data.location={data}",
                "confirmation=off",
                "verbose=nothing",
                "hooks=off",
                "detection=off",
                "defaultwidth=160",
                "color=off",
                "gc=on",
                "news.version=2.6.0",
                "uda.unit.type=string",
                "uda.unit.label=Unit",
                "",
            ]
        )
    )
    env = dict(os.environ)
    env.update(TASKRC=str(rc), TASKDATA=str(data))
    return env


def taskwarrior_rows(
    name: str, folder: Path, tmp: Path, repeats: int, as_of: date, ours: dict[str, Row]
) -> list[Row]:
    """Import the size's tasks into a private Taskwarrior (dates shifted to today), then time `task
    overdue` and `task summary`; the overdue row carries taskctl's time over Taskwarrior's."""
    task = shutil.which("task")
    if task is None:
        return [Row("task (Taskwarrior)", name, note="skipped: `task` is not installed")]
    home = tmp / f"taskwarrior-{name}"
    env = taskwarrior_env(home)
    days = (date.today() - as_of).days
    items = json.loads((folder / "tasks.json").read_text())
    for item in items:
        for key in ("entry", "due", "end"):
            if key in item:
                item[key] = _shift(item[key], days)
    shifted = home / "tasks.json"
    shifted.write_text(json.dumps(items, ensure_ascii=False))
    start = time.perf_counter()
    run_once([task, "import", str(shifted)], env)
    seconds = time.perf_counter() - start
    imported = Row(
        "task import (tasks/s)",
        name,
        median_ms=seconds * 1000,
        runs=1,
        rate=len(items) / seconds,
        note="one run",
    )
    rows = [imported, task_modify_row(name, task, env, repeats, ours)]
    for report, mine in (("overdue", "overdue"), ("summary", "workload")):
        row = make_row(
            f"task {report}",
            name,
            measure([task, report], env, repeats),
            note=f"÷ task: taskctl {mine} ÷ task {report}",
        )
        if mine in ours and ours[mine].median_ms:
            row.ratio = ours[mine].median_ms / row.median_ms
        target = None
        if report == "overdue":
            target = {"10k": Target(ratio=0.5), "100k": Target(ratio=0.1)}.get(name)
        judge(row, target)
        rows.append(row)
        _progress(row)
    shutil.rmtree(home, ignore_errors=True)
    return rows


# --- output ---------------------------------------------------------------------------------------


def _progress(row: Row) -> None:
    print(
        f"  {row.size:>5} {row.name:<28} {row.median_ms or 0:>9.1f} ms"
        f" {row.peak_mb or 0:>7.1f} MB {row.status}",
        file=sys.stderr,
        flush=True,
    )


def _fmt(value: float | None, pattern: str) -> str:
    return "" if value is None else format(value, pattern)


COLUMNS = ("benchmark", "size", "median ms", "min ms", "runs", "peak MB", "rate/s", "ratio", "target", "", "note")  # fmt: skip


def table_cells(row: Row) -> list[str]:
    return [
        row.name,
        row.size,
        _fmt(row.median_ms, ",.1f"),
        _fmt(row.min_ms, ",.1f"),
        str(row.runs) if row.runs else "",
        _fmt(row.peak_mb, ".1f"),
        _fmt(row.rate, ",.0f"),
        _fmt(row.ratio, ".3f"),
        row.target,
        row.status,
        row.note,
    ]


def table_lines(rows: list[Row], markdown: bool) -> list[str]:
    """The rows as an aligned text table, or as a Markdown table."""
    cells = [table_cells(row) for row in rows]
    if markdown:
        lines = ["| " + " | ".join(COLUMNS) + " |"]
        lines.append(
            "|" + "|".join("---:" if 2 <= i <= 7 else "---" for i in range(len(COLUMNS))) + "|"
        )
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in line) + " |" for line in cells]
        return lines
    widths = [max(len(c[i]) for c in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    right = range(2, 8)

    def fmt(line: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()

    return [fmt(list(COLUMNS)), "  ".join("-" * w for w in widths), *map(fmt, cells)]


README = ROOT / "README.md"
SECTION = "## Performance"


def performance_section(
    info: dict[str, str], rows: list[Row], command: str, as_of: date, notes: list[str]
) -> str:
    """README's Performance section: how to run, the machine, the table, what missed."""
    missed = [f"{r.name} ({r.size})" for r in rows if r.status == "MISS"]
    prose = (
        "Whole processes, output to a pipe, median of the runs after one warm-up; peak memory is the "
        "process's maximum resident set. The corpora are synthetic work plans written like the seeds "
        "(`benchmarks/generate.py`, see [benchmarks/README.md](benchmarks/README.md)); Taskwarrior 2.6 "
        "gets the same tasks. `ratio` is taskctl's time divided by Taskwarrior's (or, for the "
        "one-seed imports, by `taskctl --help`'s). Targets are issues 7 and 13's; nothing in the test "
        "suite is timed."
    )
    machine_text = " ".join(
        [
            f"Last run {info['date']} (as of {as_of}) on {info['cpu']}, {info['cores']} cores,",
            f"{info['memory']}, {info['os']}, Python {info['python']}, SQLite {info['sqlite']},",
            f"{info['taskctl']} ({info.get('installed', 'in place')}), Taskwarrior"
            f" {info['taskwarrior']}; load average {info['load']}",
            "at the start (the machine may have been running other work too).",
            *notes,
        ]
    )
    return "\n".join(
        [
            SECTION,
            "",
            textwrap.fill(prose, width=112),
            "",
            "```sh",
            "python benchmarks/generate.py --sizes 1k,10k,100k,1m   # once: builds benchmarks/data/",
            command,
            "```",
            "",
            textwrap.fill(machine_text, width=112),
            "",
            *table_lines(rows, markdown=True),
            "",
            f"Targets missed: {', '.join(missed)}." if missed else "All targets met.",
            "",
        ]
    )


def update_readme(section: str) -> None:
    """Replace README's Performance section (up to the next `## ` heading) or append it."""
    text = README.read_text()
    start = text.find(f"\n{SECTION}\n")
    if start < 0:
        README.write_text(text.rstrip("\n") + "\n\n" + section)
        return
    end = text.find("\n## ", start + 1)
    rest = "" if end < 0 else "\n" + text[end + 1 :]
    README.write_text(text[: start + 1] + section + rest)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help="1k,10k,100k,1m (built by generate.py)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per row (median shown)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF, help="the corpora's day")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="where generate.py wrote the corpora"
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"results file ({RESULTS})")
    parser.add_argument("--no-import", action="store_true", help="skip the import rows")
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip Taskwarrior")
    parser.add_argument(
        "--no-writes",
        action="store_true",
        help="skip status/progress/deadline and one-seed imports",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        help="add the rows of an earlier results file for sizes this run does not measure",
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="measure the taskctl of this Python instead of a clean install in benchmarks/.venv",
    )
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="also run the reports on this PostgreSQL database (the size's corpus is copied there)",
    )
    parser.add_argument(
        "--pg-sizes", default="100k", help="the sizes measured on PostgreSQL too (with --pg)"
    )
    parser.add_argument(
        "--update-readme", action="store_true", help="write the table into README's Performance"
    )
    opts = parser.parse_args()
    if opts.repeats < 1:
        parser.error("--repeats must be at least 1")

    sizes = parse_sizes(opts.sizes)
    pg_sizes = {name for name, _ in parse_sizes(opts.pg_sizes)} if opts.pg else set()
    if not opts.in_place:
        generate.PYTHON = install(VENV, "postgres" if opts.pg else "")
    info = machine()
    fingerprint = code_fingerprint()
    print(" · ".join(f"{k}: {v}" for k, v in info.items()), file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="taskctl-bench-"))
    env = bench_env(tmp / "home")
    rows: list[Row] = []
    try:
        rows += startup_rows(env, opts.repeats, tmp, opts.as_of)
        for name, _tasks in sizes:
            folder = opts.data / name
            manifest_path = folder / "manifest.json"
            if not manifest_path.exists():
                raise SystemExit(
                    f"no corpus for {name} in {folder}: run python benchmarks/generate.py --sizes {name}"
                )
            manifest = json.loads(manifest_path.read_text())
            if manifest["as_of"] != opts.as_of.isoformat():
                raise SystemExit(
                    f"{name} was built for --as-of {manifest['as_of']}, not {opts.as_of}"
                )
            print(f"{name}: {manifest['tasks']} tasks", file=sys.stderr)
            if not opts.no_import:
                rows.append(import_row(name, folder, manifest["tasks"], env, tmp, opts.repeats))
                _progress(rows[-1])
            db = folder / "taskctl.db"
            task = busiest_task(db)
            ours = report_rows(name, manifest, str(db), env, opts.repeats, opts.as_of, task)
            rows += ours
            if name in pg_sizes:
                load_pg(opts.pg, name, db, env)
                label = " (PostgreSQL)"
                rows += report_rows(
                    name, manifest, opts.pg, env, opts.repeats, opts.as_of, task, label
                )
            if name in WRITE_SIZES and not opts.no_writes:
                ours += write_rows(name, folder, env, opts.repeats, tmp)
                rows += ours[-len(WRITES) :]
                help_ms = next(r.median_ms for r in rows if r.name == "taskctl --help")
                rows += seed_import_rows(name, folder, env, opts.repeats, tmp, help_ms)
            if not opts.no_taskwarrior:
                by_name = {row.name: row for row in ours}
                rows += taskwarrior_rows(name, folder, tmp, opts.repeats, opts.as_of, by_name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    measured = {row.size for row in rows}
    notes: list[str] = []
    if code_fingerprint() != fingerprint:
        notes.append("taskctl's code changed while this ran: rows mix versions.")
        print(f"warning: {notes[-1]}", file=sys.stderr)
    for path in opts.also:
        earlier = json.loads(path.read_text())
        added = [Row(**r) for r in earlier["rows"] if r["size"] not in measured]
        if not added:
            continue
        measured |= {row.size for row in added}  # a later file does not add the same sizes again
        rows += added
        sizes = ", ".join(dict.fromkeys(row.size for row in added))
        notes.append(
            f"The {sizes} rows are from an earlier run ({earlier['machine']['date']},"
            f" `{earlier['command']}`)."
        )
    command = " ".join(["python", "benchmarks/run.py", *sys.argv[1:]])

    print()
    print(" · ".join(f"{k}: {v}" for k, v in info.items()))
    print(f"as of {opts.as_of}, {opts.repeats} repeats after a warm-up, stdout to a pipe")
    print()
    print("\n".join(table_lines(rows, opts.markdown)))
    missed = [f"{r.name} ({r.size})" for r in rows if r.status == "MISS"]
    print()
    print(f"targets missed: {', '.join(missed)}" if missed else "all targets met")
    opts.json.parent.mkdir(parents=True, exist_ok=True)
    opts.json.write_text(
        json.dumps(
            {
                "machine": info,
                "as_of": opts.as_of.isoformat(),
                "repeats": opts.repeats,
                "command": command,
                "rows": [asdict(row) for row in rows],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {opts.json}", file=sys.stderr)
    if opts.update_readme:
        update_readme(performance_section(info, rows, command, opts.as_of, notes))
        print(f"updated the Performance section of {README}", file=sys.stderr)


if __name__ == "__main__":
    main()
