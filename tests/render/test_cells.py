"""`display_width` measures as rich does, code point by code point and in real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from taskctl.render import cells
from taskctl.render.cells import display_width, per_character_width

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_code_point_measures_as_rich_does() -> None:
    wrong = [
        hex(cp)
        for cp in range(0xA0, 0x30000)
        if not 0xD800 <= cp <= 0xDFFF and display_width(chr(cp)) != cell_len(chr(cp))
    ]
    assert wrong == []


def test_character_by_character_measures_as_rich_does() -> None:
    """The first texts of a process are measured character by character (no class compiled)."""
    wrong = [
        hex(cp)
        for cp in range(0xA0, 0x10000)
        if not 0xD800 <= cp <= 0xDFFF and per_character_width(chr(cp)) != cell_len(chr(cp))
    ]
    assert wrong == []


@pytest.mark.parametrize("left", [cells.PER_CHARACTER_TEXTS, 0])
def test_both_ways_measure_real_text_alike(monkeypatch: pytest.MonkeyPatch, left: int) -> None:
    monkeypatch.setattr(cells, "_per_character_left", left)
    lines = [
        "加快高新技术产业开发区(园区)转型升级，“两头突破”—…·",
        "省发展改革委  部门  24  ██░░░░░░░░",
        "e\u0301\u200b表格\ufe0f",
        "𠀀 rare ideograph and 🙂",
    ]
    assert [display_width(line) for line in lines] == [cell_len(line) for line in lines]


@pytest.mark.parametrize(
    "text",
    [
        "加快高新技术产业开发区(园区)转型升级，“两头突破”—…·",
        "（牵头单位：省科技厅；配合单位：省财政厅、省教育厅）",
        "ｱｲｳ한국어",
        "e\u0301\u200b表格\ufe0f",
        "𠀀 rare ideograph and 🙂",
        "plain ascii",
        "",
    ],
)
def test_texts_measure_as_rich_does(text: str) -> None:
    assert display_width(text) == cell_len(text)


def test_every_seed_line_measures_as_rich_does() -> None:
    lines = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 500
    assert [display_width(line) for line in lines] == [cell_len(line) for line in lines]
