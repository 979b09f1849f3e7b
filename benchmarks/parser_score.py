"""Score the parser on real documents with hand-checked expectations (tests/data/real/*.json).

    python benchmarks/parser_score.py [NAME ...]

For each document: expected and parsed task counts, F1 on units and on (unit, role) pairs (micro,
tasks paired in document order), and the units the parser stored that no expected task has
(invented). Totals at the end. The exact checks live in tests/ingest/test_real_plans.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from taskctl.ingest import parse_text  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
ROLES = ("lead", "support", "responsible")


def pairs(task: dict | object, index: int) -> tuple[set, set]:
    get = task.get if isinstance(task, dict) else lambda role: getattr(task, role)
    units = {(index, name) for role in ROLES for name in get(role)}
    roles = {(index, name, role) for role in ROLES for name in get(role)}
    return units, roles


def f1(expected: set, got: set) -> float:
    if not expected and not got:
        return 1.0
    hit = len(expected & got)
    precision = hit / len(got) if got else 0.0
    recall = hit / len(expected) if expected else 0.0
    return 0.0 if hit == 0 else 2 * precision * recall / (precision + recall)


def score(name: str) -> dict:
    spec = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    try:
        tasks = parse_text(text, source=f"{name}.txt").tasks
    except Exception as error:  # noqa: BLE001 - a refusal scores zero
        tasks, failure = [], str(error)
    else:
        failure = ""
    expected = spec["tasks"]
    exp_units, exp_roles, got_units, got_roles = set(), set(), set(), set()
    for index, task in enumerate(expected):
        units, roles = pairs(task, index)
        exp_units |= units
        exp_roles |= roles
    for index, task in enumerate(tasks):
        units, roles = pairs(task, index)
        got_units |= units
        got_roles |= roles
    all_expected = {name for _index, name in exp_units}
    invented = sorted({name for _index, name in got_units} - all_expected)
    return {
        "name": name,
        "expected": len(expected),
        "parsed": len(tasks),
        "units_f1": f1(exp_units, got_units),
        "roles_f1": f1(exp_roles, got_roles),
        "invented": invented,
        "failure": failure,
        "sets": (exp_units, got_units, exp_roles, got_roles),
    }


def main(names: list[str]) -> int:
    names = names or sorted(path.stem for path in REAL.glob("*.json"))
    totals = [set(), set(), set(), set()]
    print(f"{'document':<16} {'tasks':>9} {'units F1':>9} {'roles F1':>9}  invented")
    for name in names:
        result = score(name)
        for index, part in enumerate(result["sets"]):
            totals[index] |= {(name, *item) for item in part}
        counts = f"{result['parsed']}/{result['expected']}"
        print(
            f"{name:<16} {counts:>9} {result['units_f1']:>9.3f} {result['roles_f1']:>9.3f}  "
            f"{', '.join(result['invented']) or '-'} {result['failure']}"
        )
    print(f"{'all':<16} {'':>9} {f1(totals[0], totals[1]):>9.3f} {f1(totals[2], totals[3]):>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
