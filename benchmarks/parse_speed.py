"""Parse speed of the document parser alone, in-process: microseconds per task on the seed documents
and on the real plans of tests/data/real (best of N runs after a warm-up; no database, no start-up).

    python benchmarks/parse_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from taskctl.errors import InputError  # noqa: E402
from taskctl.ingest import parse_text  # noqa: E402


def _tasks(texts: list[str]) -> int:
    count = 0
    for text in texts:
        with contextlib.suppress(InputError):
            count += len(parse_text(text).tasks)
    return count


def best_time(texts: list[str], runs: int) -> tuple[int, float]:
    """(tasks, best seconds) of parsing every text once, over `runs` runs after a warm-up."""
    tasks = _tasks(texts)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        _tasks(texts)
        best = min(best, time.perf_counter() - start)
    return tasks, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name, pattern in (("seeds", "seeds/*.txt"), ("real plans", "tests/data/real/*.txt")):
        texts = [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob(pattern))]
        tasks, seconds = best_time(texts, args.runs)
        print(
            f"{name:<11} {len(texts):>3} documents {tasks:>5} tasks  {seconds * 1e3:8.1f} ms  "
            f"{seconds * 1e6 / max(tasks, 1):7.1f} µs/task"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
