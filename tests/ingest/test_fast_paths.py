"""The parser's fast paths give exactly what the plain computations they stand in for give."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import taskctl.ingest.annotations as ann
import taskctl.ingest.units as units_module
from taskctl.ingest import _NOT_TYPICAL, _clearly_atypical, _text_score
from taskctl.ingest.deadlines import _SCAN_ALL, _scan, find_deadline
from taskctl.ingest.repair import _nfkc, _nfkc_general
from taskctl.vocab import UNIT_SEPARATORS

DATE_PIECES = [
    "2026年",
    "2027 年",
    "到",
    "至",
    "于",
    "年",
    "月",
    "日",
    "季",
    "6月",
    "十二月",
    "9月15日",
    "三十一日",
    "底",
    "末",
    "份",
    "内",
    "前",
    "之前",
    "以前",
    "后",
    "每",
    "上半年",
    "下半年",
    "一季度",
    "第四季度",
    "年底",
    "年末",
    "年内",
    "《规划(2010-2020年)》",
    "«",
    "»",
    "《",
    "》",
    "1",
    "2",
    "0",
    "①",
    "２",
    "\n",
    " ",
    "。",
    "完成",
    "持续推进",
]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(DATE_PIECES) | st.text(max_size=3), max_size=25),
    st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.booleans(),
)
def test_find_deadline_is_the_reference(
    parts: list[str], start: date | None, end: date | None, labelled: bool
) -> None:
    text = "".join(parts)
    expected = _scan(text, start, end, labelled=labelled)
    assert find_deadline(text, start, end, labelled=labelled) == expected


def test_find_deadline_uses_the_fast_path() -> None:
    assert not _SCAN_ALL


NFKC_CHARS = "（）：；，１２Ａａ　①②⑳ﬁ㈠㍿⁵½…\u0301\u0308\u0338e(A中。、「」—“”\uff61\u3099か"


@given(st.text(alphabet=st.sampled_from(NFKC_CHARS) | st.characters(), max_size=40))
def test_nfkc_is_the_general_nfkc(text: str) -> None:
    assert _nfkc(text) == _nfkc_general(text)


@given(st.text(alphabet=st.sampled_from(NFKC_CHARS), max_size=40))
def test_nfkc_without_circled_numbers_is_nfkc(text: str) -> None:
    text = "".join(ch for ch in text if not "\u2460" <= ch <= "\u2473")
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


@given(
    st.text(alphabet=st.sampled_from("中文\n1a。\ue000\u0400€") | st.characters(), max_size=9000)
)
def test_clearly_atypical_only_for_low_scores(text: str) -> None:
    if _clearly_atypical(text):
        assert _text_score(text) < 0.95
    chunked = sum(
        len(_NOT_TYPICAL.findall(text, start, start + 2000)) for start in range(0, len(text), 2000)
    )
    assert chunked == len(_NOT_TYPICAL.findall(text))


ANNOTATION_PIECES = [
    "(",
    ")",
    "[",
    "]",
    "【",
    "】",
    "牵头单位:",
    "配合单位: ",
    "责任单位:",
    "责任人:",
    "完成时限:",
    "省科技厅",
    "省财政厅(牵头)",
    "市大数据局",
    "各市、县(市、区)科技局",
    "有关市、县",
    "牵头",
    "配合",
    "按职责分工负责",
    "2024年底前完成",
    "、",
    ",",
    ";",
    "。",
    "\n",
    " ",
    "\t",
    "等",
    "由",
    "张三",
    "俞 悦",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(ANNOTATION_PIECES) | st.text(max_size=3), max_size=30))
def test_line_label_ends_are_the_pattern_matches(parts: list[str]) -> None:
    text = "".join(parts)
    expected = [match.end() for match in ann._LINE_LABEL.finditer(text)]
    assert ann._line_label_ends(text) == expected


@given(st.lists(st.sampled_from(ANNOTATION_PIECES) | st.text(max_size=3), max_size=20))
def test_split_top_level_is_the_bracket_scan(parts: list[str]) -> None:
    text = "".join(parts)
    for separators in (UNIT_SEPARATORS, ",;，；", " "):
        assert units_module.split_top_level(text, separators) == _split_top_level_reference(
            text, separators
        )


def _split_top_level_reference(text: str, separators: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    depth = 0
    start = 0
    for index, ch in enumerate(text):
        if ch in units_module.OPENERS:
            depth += 1
        elif ch in units_module.CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            pieces.append((text[start:index], ch))
            start = index + 1
    pieces.append((text[start:], ""))
    return pieces


@settings(max_examples=300)
@given(st.lists(st.sampled_from(ANNOTATION_PIECES) | st.text(max_size=3), max_size=30))
def test_an_annotation_merged_into_an_empty_one_is_itself(parts: list[str]) -> None:
    # _make_draft takes a lone annotation as the merge of it
    for annotation in ann.find_annotations("".join(parts))[0]:
        merged = ann.Annotation()
        merged.merge(annotation)
        assert merged == annotation
