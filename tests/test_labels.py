"""Labels (labels.py): every status, light and report column a clerk sees has a Chinese and an English
label, and the language is chosen flag, then TASKCTL_LANG, then the locale, else Chinese."""

from __future__ import annotations

import csv
import re

import pytest

from taskctl.labels import LABELS, detect_lang, label
from taskctl.lifecycle import STATUSES
from tests.conftest import Runner

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_status_and_light_has_two_distinct_labels() -> None:
    for prefix, keys in (("status", STATUSES), ("light", ("red", "yellow", "green"))):
        zh = [label(f"{prefix}.{k}", "zh") for k in keys]
        en = [label(f"{prefix}.{k}", "en") for k in keys]
        assert all(CJK.search(z) for z in zh), zh
        assert len(set(zh)) == len(zh) and len(set(en)) == len(en)
        assert not any(CJK.search(e) for e in en), en


def test_label_falls_back_to_the_key() -> None:
    assert label("no.such.key", "zh") == "no.such.key"
    assert all(len(pair) == 2 and all(pair) for pair in LABELS.values())


REPORTS = [
    ("list",),
    ("units",),
    ("documents",),
    ("overdue", "--as-of", "2013-01-15"),
    ("due", "--as-of", "2012-12-28"),
    ("workload", "--as-of", "2013-01-15"),
    ("unit-report", "高新处", "--as-of", "2013-01-15"),
    ("history", "zj2012:三.1"),
]


@pytest.mark.parametrize("args", REPORTS, ids=lambda a: a[0])
def test_every_column_header_is_labelled_in_both_languages(zj: Runner, args: tuple) -> None:  # type: ignore[type-arg]
    zh = next(csv.reader(zj.ok("--lang", "zh", *args, "-f", "csv").lstrip("\ufeff").splitlines()))
    en = next(csv.reader(zj.ok("--lang", "en", *args, "-f", "csv").lstrip("\ufeff").splitlines()))
    assert len(zh) == len(en) > 1
    assert all(CJK.search(h) for h in zh), zh
    assert not any(CJK.search(h) or "_" in h for h in en), en


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("en", {"TASKCTL_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"TASKCTL_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"TASKCTL_LANG": "fr", "LANG": "en_US.UTF-8"}, "en"),  # unknown: next source
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "zh_TW.UTF-8"}, "zh"),
        (None, {"LANG": "de_DE.UTF-8"}, "zh"),
    ],
)
def test_detect_lang(
    monkeypatch: pytest.MonkeyPatch, explicit: str | None, env: dict[str, str], expected: str
) -> None:
    for name in ("TASKCTL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert detect_lang(explicit) == expected
