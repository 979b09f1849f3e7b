"""The lifecycle tables, exhaustively: every allowed move succeeds and every refused one fails — in the
table functions and through `taskctl status` on both engines."""

from __future__ import annotations

import json
from collections import deque
from itertools import product

import pytest

from taskctl.errors import InvalidValueError, TransitionError
from taskctl.labels import label
from taskctl.lifecycle import (
    NOTE_REQUIRED_FROM,
    STATUS_ALIASES,
    STATUSES,
    TRANSITIONS,
    check_transition,
    needs_note,
    parse_status,
)
from tests.conftest import Runner, seed

PAIRS = [(a, b) for a, b in product(STATUSES, STATUSES) if a != b]


def path_to(status: str) -> list[str]:
    """The shortest chain of moves from `assigned` to `status`."""
    queue: deque[list[str]] = deque([["assigned"]])
    while queue:
        chain = queue.popleft()
        if chain[-1] == status:
            return chain[1:]
        for nxt in TRANSITIONS[chain[-1]]:
            if nxt not in chain:
                queue.append([*chain, nxt])
    raise AssertionError(f"{status} is unreachable")


def test_tables_are_consistent() -> None:
    assert set(TRANSITIONS) == set(STATUSES)
    for source, targets in TRANSITIONS.items():
        assert source not in targets
        assert set(targets) <= set(STATUSES)
    assert set(NOTE_REQUIRED_FROM) <= set(STATUSES)
    assert set(STATUS_ALIASES.values()) <= set(STATUSES)
    for status in STATUSES:
        assert path_to(status) is not None


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_check_transition_follows_the_table(old: str, new: str) -> None:
    if new in TRANSITIONS[old]:
        check_transition(old, new, note="因为")
        if needs_note(old, new):
            with pytest.raises(TransitionError, match="--note"):
                check_transition(old, new)
        else:
            check_transition(old, new)
    else:
        with pytest.raises(TransitionError) as err:
            check_transition(old, new, note="因为")
        assert f"allowed from {old}" in str(err.value)
        for allowed in TRANSITIONS[old]:
            assert allowed in str(err.value)


def test_reopening_is_what_needs_a_note() -> None:
    assert needs_note("done", "in_progress")
    assert needs_note("closed", "in_progress")
    assert needs_note("cancelled", "assigned")
    assert not needs_note("done", "closed")
    assert not needs_note("assigned", "done")


@pytest.mark.parametrize("status", STATUSES)
def test_every_label_and_key_parses(status: str) -> None:
    assert parse_status(status) == status
    assert parse_status(label(f"status.{status}", "zh")) == status
    assert parse_status(label(f"status.{status}", "en")) == status
    assert parse_status(f"  {status.upper()} ") == status


def test_aliases_parse_and_unknown_words_are_refused() -> None:
    for word, status in STATUS_ALIASES.items():
        assert parse_status(word) == status
    with pytest.raises(InvalidValueError, match="valid statuses"):
        parse_status("finished?")


def _status(run: Runner, task: str) -> tuple[str, int]:
    shown = json.loads(run.ok("show", task, "--format", "json"))
    return shown["status"], shown["version"]


@pytest.mark.parametrize("old", STATUSES)
def test_every_move_through_the_cli(run: Runner, old: str) -> None:
    """From `old`, try every other status on its own task: allowed moves succeed (reopening only with
    --note), refused ones fail with one line and change nothing."""
    run.ok("import", seed("sc2012"), "--key", "sc")
    ids = [str(t["id"]) for t in json.loads(run.ok("list", "--format", "json"))]
    targets = [s for s in STATUSES if s != old]
    assert len(ids) >= len(targets), "one task per target status"
    for task, new in zip(ids, targets, strict=False):
        for step in path_to(old):
            run.ok("status", task, step, "--note", "准备")
        before = _status(run, task)
        assert before[0] == old
        if new in TRANSITIONS[old]:
            if needs_note(old, new):
                result = run.fails("--lang", "en", "status", task, new)
                assert "--note" in result.stderr
                assert _status(run, task) == before
                out = run.ok("status", task, new, "--note", "重新办理")
            else:
                out = run.ok("status", task, new)
            assert label(f"status.{new}", "zh") in out
            assert _status(run, task) == (new, before[1] + 1)
        else:
            result = run.fails("--lang", "en", "status", task, new)
            assert f"allowed from {old}" in result.stderr
            assert _status(run, task) == before
