"""Whatever the input, parsing returns a ParsedDocument or raises InputError, in bounded time."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taskctl.dates import parse_when
from taskctl.errors import InputError, InvalidValueError
from taskctl.ingest import decode_bytes, parse_text
from taskctl.ingest.annotations import split_units
from taskctl.ingest.deadlines import find_deadline
from taskctl.ingest.drafts import ParsedDocument

FRAGMENTS = [
    "一、",
    "二、",
    "十、",
    "(一)",
    "（三）",
    "1.",
    "1、",
    "１．",
    "7 .",
    "(1)",
    "（2）",
    "①",
    "(",
    ")",
    "（",
    "）",
    "牵头单位:",
    "配合单位：",
    "责任单位:",
    "责任人:",
    "(牵头单位:",
    "牵头",
    "配合",
    "负责",
    "按职责分工负责",
    "、",
    ",",
    "。",
    ";",
    "\n",
    "\n\n",
    "附件:",
    "主要目标:",
    "重点任务:",
    "2012年",
    "6月底前",
    "到2020年",
    "ꎬ",
    "ꎮ",
    "\U001001b0",
    "{C}",
    "\u00a0",
    "首页 >",
    "省科技厅",
    "各市、县科技局",
    "工作要点",
    "加强",
]
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def check(text: str, first_lead: bool = False) -> None:
    try:
        doc = parse_text(text, source="prop", first_lead=first_lead)
    except InputError:
        return
    assert isinstance(doc, ParsedDocument)
    for index, item in enumerate(doc.items):
        assert item.kind in ("heading", "task")
        assert item.parent is None or 0 <= item.parent < index
        for name in item.lead + item.support + item.responsible + item.persons:
            assert name and not name.isspace()


@SETTINGS
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=60), st.booleans())
def test_document_like_fragments(parts: list[str], first_lead: bool) -> None:
    check("".join(parts), first_lead)


@SETTINGS
@given(st.lists(st.sampled_from(["1.", "2.", "5.", "(一)", "一、", "(3)", "①", "⑳"]), max_size=200))
def test_deep_and_skipped_numbering(markers: list[str]) -> None:
    check("\n".join(marker + "任务。" for marker in markers))


@settings(max_examples=5, deadline=5000)
@given(st.sampled_from(["加", "(", "1.", "牵头单位:", "、", "ꎬ", "2012年底前", " "]))
def test_long_lines(piece: str) -> None:
    check("1." + piece * 100_000)
    check("一、任务\n" + (piece * 20 + "\n") * 5_000)


@SETTINGS
@given(st.text())
def test_split_units_never_fails(text: str) -> None:
    for name in split_units(text):
        assert name


@SETTINGS
@given(st.text(), st.dates(), st.dates())
def test_find_deadline_never_fails(text: str, start: date, end: date) -> None:
    found, phrase = find_deadline(text, start, end)
    assert (found is None) == (phrase is None)


@SETTINGS
@given(st.text(max_size=30), st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 1, 1)))
def test_parse_when_only_raises_invalid_value(text: str, today: date) -> None:
    with contextlib.suppress(InvalidValueError):
        assert isinstance(parse_when(text, today), date)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_bytes_only_raises_input_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        assert isinstance(decode_bytes(data, source="prop"), str)


# Characters the line repair treats specially: odd and zero-width spaces, PDF glyphs, controls,
# circled numbers, full-width forms, combining marks, CJK next to digits.
REPAIR_CHARS = "\u00a0\u3000\u200b\ufeff\t\x0b\x0c\x1c\x85\u2028 ꎬꎮ\U001001b0\ue000\x00\x7f①⑳（１）：中国年\u0301a1 {C}"


@SETTINGS
@given(st.lists(st.text(alphabet=st.sampled_from(REPAIR_CHARS) | st.characters(), max_size=40)))
def test_whole_text_repair_is_the_line_repair(lines: list[str]) -> None:
    from taskctl.ingest.repair import repair_chars, repair_lines

    lines = [piece for line in lines for piece in line.splitlines()]  # lines hold no breaks
    assert repair_lines(lines) == [repair_chars(line) for line in lines]


@SETTINGS
@given(st.text(alphabet=st.sampled_from(REPAIR_CHARS + "\n\r\t\x01\x1f~") | st.characters()))
def test_decode_checks_count_as_the_character_loops(text: str) -> None:
    from taskctl.ingest import _looks_like_text, _text_score

    bad = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    assert _looks_like_text(text) == (bad <= len(text) // 200)
    typical = "\n\r\t“”‘’—…·、"
    good = sum(
        1
        for ch in text
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or " " <= ch <= "~"
        or ch in typical
    )
    assert _text_score(text) == (good / len(text) if text else 0.0)


DEADLINE_PIECES = [
    "2026年",
    "年",
    "月",
    "6月",
    "底前",
    "季度",
    "上半年",
    "一季度",
    "15日",
    "前",
    "到",
    "每",
]


@SETTINGS
@given(
    st.lists(st.sampled_from(DEADLINE_PIECES) | st.text(max_size=3), max_size=12),
    st.dates(),
    st.booleans(),
)
def test_deadline_patterns_skipped_for_missing_characters_change_nothing(
    parts: list[str], end: date, labelled: bool
) -> None:
    import taskctl.ingest.deadlines as deadlines

    text = "".join(parts)
    scanned = deadlines._scan(text, None, end, labelled=labelled)
    saved = deadlines._NEEDS
    deadlines._NEEDS = ("",) * len(saved)
    try:
        assert deadlines._scan(text, None, end, labelled=labelled) == scanned
    finally:
        deadlines._NEEDS = saved
