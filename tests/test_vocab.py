"""Vocabularies: numerals, group placeholders, consistent role tables."""

from __future__ import annotations

import re

import pytest

from taskctl import vocab


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105)],
)
def test_chinese_number(text: str, value: int) -> None:
    assert vocab.chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十十", "二二", "甲", "百百"])
def test_not_a_chinese_number(text: str) -> None:
    assert vocab.chinese_number(text) is None


@pytest.mark.parametrize(
    ("name", "is_group"),
    [
        ("各有关处室", True),
        ("有关市、县科技局", True),
        ("各市、县科技局", True),
        ("厅机关各处室", True),
        ("相关部门", True),
        ("法规处", False),
        ("省科技厅", False),
        ("中国人民银行成都分行", False),
    ],
)
def test_group_unit_pattern(name: str, is_group: bool) -> None:
    assert bool(re.search(vocab.GROUP_UNIT_PATTERN, name)) is is_group


def test_role_tables_use_known_roles() -> None:
    roles = {vocab.LEAD, vocab.SUPPORT, vocab.RESPONSIBLE, vocab.PERSONS}
    assert set(vocab.ANNOTATION_LABELS.values()) <= roles | {vocab.DEADLINE}
    assert {role for _verb, role in vocab.INLINE_ROLE_VERBS} <= roles | {vocab.SHARED}
    for index, (verb, _role) in enumerate(vocab.INLINE_ROLE_VERBS):
        for longer, _other in vocab.INLINE_ROLE_VERBS[index + 1 :]:
            assert not longer.endswith(verb), f"{longer} must come before {verb}"


def test_vocabularies_are_half_width() -> None:
    words = [
        *vocab.ANNOTATION_LABELS,
        *vocab.PAGE_CHROME_MARKERS,
        *vocab.PAGE_CHROME_LINE_STARTS,
        *vocab.REGION_WORDS,
        *vocab.LEAD_UNIT_NOTES,
    ]
    assert not any(ch in word for word in words for ch in "（）：，；")
