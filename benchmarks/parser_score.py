"""Score the parser on real documents with hand-checked expectations (tests/data/real/*.json).

    python benchmarks/parser_score.py [NAME ...]
    python benchmarks/parser_score.py DIR/NAME.json ...   # a collection not (yet) under tests/data/real
    python benchmarks/parser_score.py --diff NAME          # and, task by task, what differs

For each document: expected and parsed task counts, F1 on units and on (unit, role) pairs (micro,
tasks paired by their titles in document order), and the units the parser stored that no expected task has
(invented). Totals at the end. The exact checks live in tests/ingest/test_real_plans.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from taskctl.ingest import parse_text  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
ROLES = ("lead", "support", "responsible")


def _key(title: str) -> str:
    return title.replace("。", "")[:8]


def align(expected: list[dict], tasks: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """(expected index, parsed index) pairs of the same task: titles matched in document order
    (difflib on their first characters), so a task missed or split does not shift the others."""
    from difflib import SequenceMatcher

    left = [_key(task["title"]) for task in expected]
    right = [_key(task.title) for task in tasks]
    pairs: list[tuple[int, int]] = []
    for block in SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
        pairs.extend((block.a + k, block.b + k) for k in range(block.size))
    # titles that differ (a rewording, a cut) between matched neighbours pair up by position
    matched_a = {a for a, _b in pairs}
    matched_b = {b for _a, b in pairs}
    free_a = [a for a in range(len(left)) if a not in matched_a]
    free_b = [b for b in range(len(right)) if b not in matched_b]
    for a in free_a:
        before = max((b for a2, b in pairs if a2 < a), default=-1)
        after = min((b for a2, b in pairs if a2 > a), default=len(right))
        for b in free_b:
            if before < b < after:
                pairs.append((a, b))
                free_b.remove(b)
                break
    return sorted(pairs)


def f1(expected: set, got: set) -> float:
    if not expected and not got:
        return 1.0
    hit = len(expected & got)
    return 0.0 if hit == 0 else 2 * hit / (len(expected) + len(got))


def score(name: str) -> dict:
    """Counts, F1 on units and on (unit, role) pairs, and invented units of one document (a name
    under tests/data/real, or the path of a NAME.json with its NAME.txt beside it)."""
    path = Path(name) if name.endswith(".json") else REAL / f"{name}.json"
    name = path.stem
    spec = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    try:
        tasks = parse_text(text, source=f"{name}.txt").tasks
    except Exception as error:  # noqa: BLE001 - a refusal scores zero
        tasks, failure = [], str(error)
    else:
        failure = ""
    expected = spec["tasks"]
    pair_of = dict((b, a) for a, b in align(expected, tasks))
    exp_roles = {(i, n, r) for i, t in enumerate(expected) for r in ROLES for n in t[r]}
    got_roles = {
        (pair_of.get(i, f"extra{i}"), n, r)
        for i, t in enumerate(tasks)
        for r in ROLES
        for n in getattr(t, r)
    }
    exp_units = {(i, n) for i, n, _r in exp_roles}
    got_units = {(i, n) for i, n, _r in got_roles}
    all_expected = {n for _i, n in exp_units}
    return {
        "name": name,
        "expected": len(expected),
        "parsed": len(tasks),
        "units_f1": f1(exp_units, got_units),
        "roles_f1": f1(exp_roles, got_roles),
        "invented": sorted({n for _i, n in got_units} - all_expected),
        "failure": failure,
        "sets": (exp_units, got_units, exp_roles, got_roles),
    }


def show_diff(result: dict) -> None:
    """Print, per expected task, the (unit, role) pairs missed and those the parser added."""
    _eu, _gu, exp_roles, got_roles = result["sets"]
    for index in sorted({i for i, _n, _r in exp_roles ^ got_roles}, key=str):
        missed = sorted(f"{n}/{r}" for i, n, r in exp_roles - got_roles if i == index)
        extra = sorted(f"{n}/{r}" for i, n, r in got_roles - exp_roles if i == index)
        print(
            f"    task {index}: missed {', '.join(missed) or '-'}; extra {', '.join(extra) or '-'}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="NAME under tests/data/real, or DIR/NAME.json")
    parser.add_argument("--diff", action="store_true", help="list what differs, task by task")
    args = parser.parse_args(argv)
    names = args.names or sorted(path.stem for path in REAL.glob("*.json"))
    totals = [set(), set(), set(), set()]
    print(f"{'document':<16} {'tasks':>9} {'units F1':>9} {'roles F1':>9}  invented")
    for name in names:
        result = score(name)
        name = result["name"]
        for index, part in enumerate(result["sets"]):
            totals[index] |= {(name, *item) for item in part}
        counts = f"{result['parsed']}/{result['expected']}"
        print(
            f"{name:<16} {counts:>9} {result['units_f1']:>9.3f} {result['roles_f1']:>9.3f}  "
            f"{', '.join(result['invented']) or '-'} {result['failure']}"
        )
        if args.diff:
            show_diff(result)
    print(f"{'all':<16} {'':>9} {f1(totals[0], totals[1]):>9.3f} {f1(totals[2], totals[3]):>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
