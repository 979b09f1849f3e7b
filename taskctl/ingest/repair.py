"""Text repair: undo what copying a document out of a PDF, a web page or a word processor did to it.

Characters: Unicode NFKC (full-width digits, letters and punctuation become half-width: `１` → `1`,
`（` → `(`, `：` → `:`), PDF font artifacts (`ꎬ` → `,`, `ꎮ` → `。`, the private-use '.' U+1001B0),
odd and zero-width spaces, `{C}` residue, pinyin glosses (`经(jīng)`), control characters. Spaces a PDF puts between Chinese
characters and digits (`到 ２０２０ 年`) are removed.

Lines: blank lines are dropped; lines a PDF wrapped at a fixed width, and lines cut inside a bracket,
are joined back into one line. Every repaired line keeps the 1-based number of the source line it
starts on, so warnings can cite the source. Everything here is linear in the size of the text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from taskctl.ingest.patterns import lazy
from taskctl.ingest.structure import (
    SECTION_STYLES,
    STYLE_RANK,
    match_marker,
    may_be_glued_marker,
    next_items,
)
from taskctl.ingest.units import is_unit_name
from taskctl.vocab import (
    ANNOTATION_LABEL_PATTERN,
    ANNOTATION_LABELS,
    BARE_ROLE_LABELS,
    BRACKETED_HOLDER_WORDS,
    CIRCLED_NUMBERS,
    COMPOSED_LABEL_PATTERN,
    LIST_NAME_STARTS,
    NOTICE_WORDS,
    PERSONS,
    PLAN_TITLE_WORDS,
    ROLE_VERBS,
    TIME_PHRASE_STARTS,
    UNIT_NAME_ENDINGS,
    VIEWER_COPY_MARKERS,
    chinese_number,
    label_role,
)


@dataclass(frozen=True)
class Line:
    """One repaired line and the 1-based number of the source line it starts on."""

    text: str
    number: int


# PDF text whose font maps GB2312 row 3 (full-width ASCII) to Yi syllables U+A3xx: only the
# punctuation positions are mapped, so real Yi text is left alone.
_YI_PUNCTUATION = {0xA3AE: "。"}
for _code in (*range(0xA3A1, 0xA3B0), *range(0xA3BA, 0xA3C1), *range(0xA3DB, 0xA3E1)):
    _YI_PUNCTUATION.setdefault(_code, unicodedata.normalize("NFKC", chr(0xFF01 + _code - 0xA3A1)))
for _code in range(0xA3FB, 0xA3FF):
    _YI_PUNCTUATION[_code] = unicodedata.normalize("NFKC", chr(0xFF01 + _code - 0xA3A1))

# Private-use glyphs of PDF fonts whose meaning is known; other private-use characters are dropped.
_PRIVATE_USE_GLYPHS = {0x1001B0: "."}

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_EDGE_SPACES = " " + _ODD_SPACES

_TRANSLATE: dict[int, str | None] = {code: text for code, text in _YI_PUNCTUATION.items()}
_TRANSLATE.update({ord(ch): None for ch in _ZERO_WIDTH})
_TRANSLATE.update({ord(ch): " " for ch in _ODD_SPACES})

_CIRCLED = lazy("[\u2460-\u2473]")
_RESIDUE = lazy(r"\{C\}")
# Runs of `@` a mirror site inserts after words against copying (`(一@@)打造@@1小时…`): removed
# when the text holds many of them (an e-mail address holds one `@`).
_AT_NOISE = lazy(r"@{2,}")
_NOISE_MIN = 5
# Question marks a copy put for the full-width spaces it could not encode, beside a space between
# Chinese characters (`胡小波 ?杨 ?剑`, `综合办? ? ?`); a name masked as `???镇长` has no space.
_SPACE_MARKS = lazy(
    r"(?<=[\u4e00-\u9fff])(?:[ \t]+\?|\?+[ \t])[ \t?]*(?=[\u4e00-\u9fff]|$)", re.MULTILINE
)
# A page number a flattened PDF copy left inside the text, even inside a word (`县农作第2页共4页物秸秆`).
_GLUED_PAGE_NUMBER = lazy(r"第 ?[0-9]{1,4} ?页 ?[,/]? ?共 ?[0-9]{1,4} ?页")
# Pinyin a page glosses characters with (`经(jīng)开区(qū)`): a bracket of Latin letters, one of them
# with a tone mark, right after a Chinese character.
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# (its opening bracket sometimes lost to a `?` in the copy: `項目?jī)?nèi)容`)
_PINYIN = lazy(rf"(?<=[\u4e00-\u9fff])[(（?](?=[a-zü]*[{_TONES}])[a-zü{_TONES}]{{1,7}}[)）]")
_TONE_MARK = lazy(f"[{_TONES}]")


def without_glosses(text: str) -> str:
    """A text without the pinyin a page glosses its characters with (`实(shí)事`), so that every
    reader, the table readers too, sees its words whole; other texts are returned as they are."""
    return _PINYIN.sub("", text) if _TONE_MARK.search(text) else text


_SPACES = lazy(r"\s+")
_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\U00020000-\U0003ffff"
# A space between two Chinese characters, or between a Chinese character and a digit.
_CJK_GAP = lazy(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9])|(?<=[0-9])\s+(?=[{_CJK}])")
_SENTENCE_END = "。!?;:…"
_CLOSING_QUOTES = "”’\"'」』》»"
_TITLE_BREAKERS = set(",。;:、!?")


def _drop_unprintable(text: str) -> str:
    """Drop control, surrogate and unknown private-use characters; map known PDF glyphs."""
    if text.isprintable():
        return text
    kept: list[str] = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            kept.append(ch)
            continue
        code = ord(ch)
        if code in _PRIVATE_USE_GLYPHS:
            kept.append(_PRIVATE_USE_GLYPHS[code])
        # anything else unprintable (controls, surrogates, private use) is dropped
    return "".join(kept)


# Characters that may have an NFKC mapping: all but ASCII, the CJK unified ideographs and common
# Chinese punctuation that has none (、。〈〉《》「」『』【】—‘’“”). Only speed depends on this set.
_MAYBE_MAPPED = lazy(
    "[^\x00-\x7f\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u2014\u2018\u2019\u201c\u201d]"
)
# Each character seen that NFKC changes (circled numbers aside) → its NFKC form.
_NFKC_OF: dict[str, str] = {}


def _nfkc(text: str) -> str:
    """NFKC, except circled numbers (①), which NFKC would turn into plain digits.

    Fast path: each character NFKC changes (full-width punctuation, mostly) is first replaced by its
    own NFKC form with `str.replace`, then the text is checked with `unicodedata.is_normalized`.
    Replacing a character by its NFKC form never changes the NFKC of a text (NFKD(NFKC(c)) = NFKD(c),
    and canonical reordering is a stable sort), so the result is NFKC's; a text still not
    normalised (circled numbers, combining marks) takes the general path."""
    for ch in set(_MAYBE_MAPPED.findall(text)):
        mapped = _NFKC_OF.get(ch)
        if mapped is None:
            mapped = _NFKC_OF[ch] = ch if _CIRCLED.match(ch) else unicodedata.normalize("NFKC", ch)
        if mapped != ch:
            text = text.replace(ch, mapped)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _nfkc_general(text)


def _nfkc_general(text: str) -> str:
    """NFKC, except circled numbers (①), which NFKC would turn into plain digits."""
    if not _CIRCLED.search(text):
        return unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    start = 0
    for match in _CIRCLED.finditer(text):
        parts.append(unicodedata.normalize("NFKC", text[start : match.start()]))
        parts.append(match.group())
        start = match.end()
    parts.append(unicodedata.normalize("NFKC", text[start:]))
    return "".join(parts)


def repair_chars(text: str) -> str:
    """Repair the characters of one line (no line breaks expected) and trim it."""
    text = _PINYIN.sub("", _RESIDUE.sub("", text.translate(_TRANSLATE)))
    text = _nfkc(_drop_unprintable(text))
    # NFKC can produce new odd spaces (U+3000 → ' ') and private-use glyphs survive it unchanged
    text = _SPACES.sub(" ", text.translate(_TRANSLATE)).strip()
    if _LABEL_WITHOUT_COLON_HINT.search(text):
        text = _LABEL_WITHOUT_COLON.sub(_label_colon, text)
    if " " in text and ":" in text:
        text = _UNIT_LIST_VALUE.sub(_separate_units, _unspaced_labels(text))
    if " " in text and "(" in text:
        text = _SPACED_NOTE.sub(_separate_note_units, text)
    text = _CJK_GAP.sub("", text)
    return _label_and_line_marks(text)


def _without_anti_copy_noise(text: str) -> str:
    """Text without the noise a forum scatters through posts against copying (`马厂七期…(三水街道
    牵头)' l1 J8 n9 Y9 x`): runs of four or more one-to-three-character ASCII tokens holding a
    letter and a sign (never a row of figures such as `5 10 15 20`)."""

    def drop(match: re.Match[str]) -> str:
        run = match.group()
        start = match.start()
        if start and "!" <= text[start - 1] <= "~":
            return run  # the end of a longer token (`2024 5 6 7`)
        if not (_NOISE_LETTER.search(run) and _NOISE_SIGN.search(run)):
            return run
        return run[0] if run[0] in ")]" else ""  # `(三水街道牵头)9 @! _2…`: the bracket stays

    return _NOISE_RUN.sub(drop, text)


# (it opens with a character class, which the matcher looks for quickly)
_NOISE_RUN = lazy(r"[!-~]{1,3}(?:[ \t]+[!-~]{1,3}){3,}(?![!-~])")
_NOISE_LETTER = lazy(r"[A-Za-z]")
_NOISE_SIGN = lazy(r"[!-/:-@\[-`{-~]")
# A post's table-cell marks: a line of bars alone, a bar closing a line of text (found by the
# bar at a line's end first).
_BARS_ONLY = lazy(r"^[ \t|]+$", re.MULTILINE)
_BAR_AT_LINE_END = lazy(r"\|[ \t]*(?:\n|$)")
_LONE_BAR = lazy(r"^([^|\n]*?)[ \t]*\|[ \t]*$", re.MULTILINE)


def _label_and_line_marks(text: str) -> str:
    """Labels written otherwise in the colon form (`【牵头单位】X`, `责任主体。X`) and line starts
    without marks that are no text (`??1.`, `# 标题`); one line or a whole text."""
    if "【" in text or "[" in text or "〔" in text:
        text = _BRACKETED_LABEL.sub(lambda m: (m.group(1) or m.group(2)) + ":", text)
    if "为" in text:
        text = _COUNTED_ASSIGNMENT.sub(r"\1,\2:", text)
    if "?" in text or "\ufffd" in text:
        text = _LOST_INDENT.sub("", text)
    if "。" in text:
        text = _LINE_LABEL_STOP.sub(r"\1:", _LABEL_STOP.sub(r"。\1:", text))
    if "#" in text:
        text = _MARKDOWN_HEADING.sub("", text)
    if "):" in text:
        text = _BRACKETED_HOLDER.sub("", text)
    if ")" in text and _LABEL_BRACKETED_VALUE_HINT.search(text):
        text = _LABEL_BRACKETED_VALUE.sub(r"\1:\2", text)
    if " " in text:
        text = _without_anti_copy_noise(text)
    if "|" in text and _BAR_AT_LINE_END.search(text):
        # a line of table bars alone, or one bar closing a line of text: a post's cell marks
        text = _LONE_BAR.sub(r"\1", _BARS_ONLY.sub("", text))
    return text


# The value of a unit label up to its line's end or the next separator (`责任单位:市发改委 市财政局`).
# (up to a space before the next short label: `牵头单位:市发改委 配合单位:市财政局 市统计局`)
_UNIT_LIST_VALUE = lazy(
    f"(?:{ANNOTATION_LABEL_PATTERN})"
    + r"[ \t]*:[^\n;。:]*?(?:[ \t]+(?=[\u4e00-\u9fff]{2,12}[ \t]*:)|(?=[\n;。:]|$))"
)
_UNIT_GAP = lazy(r"[ \t]+")


# A label a form letter-spaced (`责 任 人:`, `责 任 单 位:`): read without its spaces.
_SPACED_LABEL = lazy(r"(?:^|(?<=[\s(;。,]))((?:[\u4e00-\u9fff] +){1,5}[\u4e00-\u9fff])[ \t]*:$")


def _unspaced_labels(text: str) -> str:
    """`text` with its letter-spaced labels written without their spaces; only the few characters
    before each colon are searched (a whole-text pattern would be tried at every character)."""
    out: list[str] = []
    done = 0
    colon = text.find(":")
    while colon >= 0:
        start = max(done, colon - 12)
        match = _SPACED_LABEL.search(text, start, colon + 1)
        if match is not None and label_role(match.group(1).replace(" ", "")) is not None:
            out.append(text[done : match.start()])
            out.append(match.group(1).replace(" ", "") + ":")
            done = colon + 1
        colon = text.find(":", colon + 1)
    return "".join(out) + text[done:] if out else text


def _separate_units(match: re.Match[str]) -> str:
    """A labelled value whose units are separated by spaces (`市发改委 市财政局`) with `、` between
    them instead: a gap between two names that each end like a unit, the second starting like one,
    is a separator, not a space a PDF put inside a word (`工作机 制`, `市人民政府 办公室` stay)."""
    value = match.group()
    if " " not in value and "\t" not in value:
        return value
    if value[-1] in " \t":
        # `责任单位:市科技馆 整改时限:3天`: another label after the gap starts a part of its own
        inner = _UNIT_LIST_VALUE.match(value.rstrip())
        return (_separate_units(inner) if inner else value.rstrip()) + ";"
    pieces = _UNIT_GAP.split(value)
    out = [pieces[0]]
    persons = label_role(value.split(":", 1)[0].replace(" ", "")) == PERSONS
    for position, (left, right) in enumerate(itertools.pairwise(pieces), start=1):
        before = re.split(r"[、,(:]", left)[-1]
        after = re.split(r"[、,()]", right)[0].rstrip("。")
        if persons:
            # `责任人:安洪海 五县县长 李兵纪`: names of two characters or more (not `俞 悦`, one
            # name a clerk padded, but before one: `胡小波 杨 剑`)
            padded_next = (
                len(after) == 1
                and position + 1 < len(pieces)
                and len(re.split(r"[、,()]", pieces[position + 1])[0]) == 1
            )
            whole = len(before) >= 2 and (len(after) >= 2 or padded_next)
            out.append(("、" if whole else " ") + right)
            continue
        if is_unit_name(before) and _flattened_table(pieces[position:]):
            # a table flattened onto the line after the list (`各区政府 鄞州 海曙 江东 … 合计 2 5`):
            # the list ends at the gap
            out.append("。" + " ".join(pieces[position:]))
            break
        # (a whole name after the gap, not the tail of a name the PDF split: `市人民政府 办公室`)
        whole = after.startswith(LIST_NAME_STARTS) or len(after) >= 5
        gap = "、" if is_unit_name(before) and is_unit_name(after) and whole else " "
        out.append(gap + right)
    return "".join(out)


def _separate_note_units(match: re.Match[str]) -> str:
    """A note of role clauses whose names are separated by spaces (`(市发改委牵头 市财政局 市统计局
    配合)`): `、` between two names, `,` after a role verb before a name; other gaps stay."""
    note = match.group()
    pieces = _UNIT_GAP.split(note)
    out = [pieces[0]]
    for left, right in itertools.pairwise(pieces):
        before = re.split(r"[、,;(]", left)[-1]
        after = re.split(r"[、,;)]", right)[0]
        name = _TRAILING_VERB.sub("", after)
        # a whole name after the gap, not the tail of one a PDF split (`市人民政府 办公室`)
        whole = is_unit_name(name) and (name.startswith(LIST_NAME_STARTS) or len(name) >= 5)
        verb_before = _TRAILING_VERB.search(before) and is_unit_name(_TRAILING_VERB.sub("", before))
        if whole and is_unit_name(before):
            out.append("、" + right)
        elif verb_before and (whole or after[:1].isdigit() or after.startswith(TIME_PHRASE_STARTS)):
            out.append("," + right)  # `市发改委牵头 市财政局配合`, `市发改委负责 2023年底前`
        else:
            out.append(" " + right)
    return "".join(out)


# A note in brackets with a space inside (`(市发改委牵头 市财政局 市统计局配合)`, `(市发改委 市财政局)`).
_SPACED_NOTE = lazy(r"\([^()\n]* [^()\n]*\)")
_ROLE_VERB_ALTERNATION = "|".join(sorted(map(re.escape, ROLE_VERBS), key=len, reverse=True))
_TRAILING_VERB = lazy(f"(?:{_ROLE_VERB_ALTERNATION})$")


def _flattened_table(pieces: list[str]) -> bool:
    """Whether the space-separated pieces after a unit list are a table's cells run together on
    one line: at least four, short (place names, figures, `合计`), few of them shaped like units."""
    if len(pieces) < 4 or any(len(piece) > 10 for piece in pieces[:4]):
        return False
    names = [name for piece in pieces for name in re.split(r"[、,]", piece) if name]
    return 3 * sum(is_unit_name(name) for name in names) <= len(names)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSING_QUOTES)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


_PARENS = lazy(r"[()]")


def _bracket_depth(text: str, depth: int = 0) -> int:
    """The number of '(' still open at the end of `text`, starting from `depth` open ones."""
    for match in _PARENS.finditer(text):
        if match.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _is_title_like(text: str) -> bool:
    return (
        len(text) <= 40
        and not (_TITLE_BREAKERS & set(text))
        and any(word in text for word in PLAN_TITLE_WORDS + NOTICE_WORDS)
    )


_LABEL_ONLY = lazy(f"^(?:{ANNOTATION_LABEL_PATTERN})" + r"\s*:$")


# Wide characters (East Asian width W or F): CJK, kana, hangul, full-width forms, ideograph extensions.
_WIDE_RANGES = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
_NARROW_RUNS = lazy(f"[^{_WIDE_RANGES}]+")


def _display_width(text: str) -> int:
    """Columns the text takes on a page: wide (CJK, full-width) characters count two."""
    return 2 * len(text) - sum(map(len, _NARROW_RUNS.findall(text)))


_STARTS_WITH_LABEL = lazy(f"(?:{ANNOTATION_LABEL_PATTERN})" + r"\s*:")


def _is_wrapped(lines: list[Line], widths: list[int]) -> bool:
    """True when the text was wrapped at a fixed page width (PDF text): most lines that do not end a
    sentence fill the line, and no line is much wider than that."""
    if len(lines) < 8:
        return False
    page = sorted(widths)[int(0.9 * (len(widths) - 1))]
    if not 30 <= page <= 120:
        return False
    open_widths = [
        width for line, width in zip(lines, widths, strict=True) if not _ends_sentence(line.text)
    ]
    full = sum(1 for width in open_widths if width >= 0.8 * page)
    too_wide = sum(1 for width in widths if width > 1.2 * page)
    return full >= 8 and full >= 0.6 * len(open_widths) and too_wide <= 0.05 * len(widths)


def _needs_space(left: str, right: str) -> bool:
    """Two words in Latin letters or digits keep a space between them when their line is joined."""
    return (
        bool(left and right)
        and (left[-1].isascii() and left[-1].isalnum())
        and (right[0].isascii() and right[0].isalnum())
    )


class _Joiner:
    """Accumulates the source lines of one repaired line, tracking what the join rules need."""

    def __init__(self, line: Line) -> None:
        self.parts = [line.text]
        self.number = line.number
        self.length = len(line.text)
        self.depth = _bracket_depth(line.text)
        self.bracket_joins = 0

    @property
    def last(self) -> str:
        return self.parts[-1]

    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str) -> None:
        if _needs_space(self.last, text):
            text = " " + text
        self.bracket_joins = self.bracket_joins + 1 if self.depth > 0 else 0
        self.parts.append(text)
        self.length += len(text)
        self.depth = _bracket_depth(text, self.depth)

    def is_bracketed(self) -> bool:
        return self.parts[0].startswith("(") and self.last.endswith(")") and self.depth == 0

    def is_title_like(self) -> bool:
        return self.length <= 40 and _is_title_like(self.text())


def _ends_unclosed_note(text: str) -> bool:
    """Whether a line ends inside a labelled note whose value ends with a whole unit's name."""
    opening = text.rfind("(")
    if opening < 0 or ")" in text[opening:]:
        return False
    label, colon, value = text[opening + 1 :].partition(":")
    last = re.split(r"[、,;]", value)[-1].strip()
    return bool(colon) and _LABEL_ONLY.match(label + ":") is not None and is_unit_name(last)


# The rest of a cut name at a line's start: a few characters up to a separator or the line's end.
_LIST_PIECE = lazy(r"[^、,;。()\s]{1,4}(?=[、,;。]|$)")


def _cuts_a_unit_list(current: _Joiner, text: str) -> bool:
    """True when `current` is a labelled unit list whose last name the line break cut (it does not
    end like a unit: `园区党工`) and `text` goes on with the list (`委、各街道党工委`)."""
    if len(current.parts) != 1 or not _STARTS_WITH_LABEL.match(current.last):
        return False
    last = current.last.rstrip()
    if not last or last[-1] in _TITLE_BREAKERS or last.endswith(UNIT_NAME_ENDINGS):
        return False
    rest = _LIST_PIECE.match(text)
    return rest is not None and rest.group().endswith(UNIT_NAME_ENDINGS)


def join_lines(lines: list[Line], widths: list[int] | None = None) -> list[Line]:
    """Join lines cut by fixed-width wrapping, inside a bracket, or after a bare annotation label.

    `widths` are the display widths of the source lines (default: of the repaired lines); they decide
    whether the text was wrapped at a fixed width."""
    if widths is None:
        widths = [_display_width(line.text) for line in lines]
    wrapped = _is_wrapped(lines, widths)
    result: list[Line] = []
    seen_marker = False
    current: _Joiner | None = None
    for line in lines:
        text = line.text
        is_marker = match_marker(text) is not None or may_be_glued_marker(text)
        if current is not None and not is_marker:
            if current.depth > 0 and current.bracket_joins < 4:
                # a bracket cut by a line break, unless a note its writer never closed ends the
                # line and a sentence follows (`(责任单位:县教育局` / `已制定资金…。`)
                join = not (
                    _ends_unclosed_note(current.text())
                    and _ends_sentence(text)
                    and _bracket_depth(text, current.depth) > 0
                )
            elif _STARTS_WITH_LABEL.match(text):
                join = False  # an annotation on its own line
            elif len(current.parts) == 1 and _LABEL_ONLY.match(current.last):
                join = True  # `牵头单位:` with its units on the next line
            elif _cuts_a_unit_list(current, text):
                join = (
                    True  # `协办单位:区委编办、园区党工` + `委、各街道党工委`: a name cut by a wrap
                )
            elif wrapped and not _ends_sentence(current.last) and not current.is_bracketed():
                join = seen_marker or not (current.is_title_like() or _is_title_like(text))
            else:
                join = False
            if join:
                current.add(text)
                continue
        if current is not None:
            result.append(Line(current.text(), current.number))
        seen_marker = seen_marker or is_marker
        current = _Joiner(line)
    if current is not None:
        result.append(Line(current.text(), current.number))
    return result


# The whole-text forms of repair_chars' line patterns: white space other than the line breaks.
_BLANKS = lazy(r"[^\S\n]+")
_CJK_GAP_LINES = lazy(rf"(?<=[{_CJK}])[^\S\n]+(?=[{_CJK}0-9])|(?<=[0-9])[^\S\n]+(?=[{_CJK}])")
_TRANSLATED = lazy("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")


# Angle brackets a copy wrote for a name's round ones (`各县<市、区>人民政府`, a city's plan, 2019):
# short Chinese inside, right after a Chinese character.
_ANGLED_QUALIFIER = lazy(r"(?<=[\u4e00-\u9fff])<([\u4e00-\u9fff、]{1,10})>")


def repair_lines(lines: list[str]) -> list[str]:
    """`[repair_chars(line) for line in lines]`, done on the whole text at once (lines hold no
    line breaks): one pass of each step over the document instead of one per line."""
    if not lines:
        return []
    text = "\n".join(lines)
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    text = _RESIDUE.sub("", text)
    if text.count("@@") >= _NOISE_MIN:
        text = _AT_NOISE.sub("", text)  # a mirror's anti-copy noise: `一@@、`, `四@@市人民政府`
    if " ?" in text or "? " in text:
        text = _SPACE_MARKS.sub(" ", text)  # `杨 ?剑`: a wide space the copy lost as `?`
    if "(" in text or "（" in text or "?" in text:
        text = _PINYIN.sub("", text)
    if not text.replace("\n", " ").isprintable():
        text = "\n".join(_drop_unprintable(line) for line in text.split("\n"))
    text = _nfkc(text)
    if "<" in text:
        text = _ANGLED_QUALIFIER.sub(r"(\1)", text)  # `各县<市、区>人民政府`: a name's brackets
    if "页" in text:
        text = _GLUED_PAGE_NUMBER.sub("", text)
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    # every white space character but ' ' and '\n' is unprintable: a printable text with no double
    # space has nothing for _BLANKS to change, and without a space no gap to close
    if "  " in text or not text.replace("\n", " ").isprintable():
        text = _BLANKS.sub(" ", text)
    if _LABEL_WITHOUT_COLON_HINT.search(text):
        text = _LABEL_WITHOUT_COLON.sub(_label_colon, text)
    if " " in text:
        if ":" in text:
            text = _UNIT_LIST_VALUE.sub(_separate_units, _unspaced_labels(text))
        if "(" in text:
            text = _SPACED_NOTE.sub(_separate_note_units, text)
        text = _CJK_GAP_LINES.sub("", text)
    return [line.strip() for line in _label_and_line_marks(text).split("\n")]


# A label naming its holder twice, the second in brackets (`责任科室(单位):就业科…`, a city bureau's
# plan, 2022): the label without the bracket.
_BRACKETED_HOLDER = lazy(rf"(?<=[\u4e00-\u9fff])\((?:{'|'.join(BRACKETED_HOLDER_WORDS)})\)(?=:)")


# A label whose value stands in brackets closing its line (`第一组:组长单位(县政府办)`, a county's
# inspection groups, c. 2008): the colon form. At a line's start or after a colon only, so that a
# sentence naming a label (`明确牵头单位(部门)职责`) stays text.
_LABEL_BRACKETED_VALUE_HINT = lazy(
    "["
    + "".join(sorted({label[-1] for label in ANNOTATION_LABELS}))
    + r"][ \t]*\([^()\n]+\)[。;]?[ \t]*$",
    re.MULTILINE,
)
_LABEL_BRACKETED_VALUE = lazy(
    f"(?:^|(?<=:))[ \t]*({ANNOTATION_LABEL_PATTERN})[ \t]*\\(([^()\n]+)\\)[。;]?[ \t]*$",
    re.MULTILINE,
)


# A label at a line's or a note's start written with a dash, `为` or a space instead of its colon
# (`(牵头单位——市发改委;配合单位——市财政局)`, `牵头单位为市发改委`, `责任单位是市发改委`,
# `牵头单位 市发改委` from a PDF
# whose colon was lost), or with nothing before a unit's level (`(责任单位市发改委)`): the colon
# form. Not before another label (`牵头单位 配合单位`: a header).
_LABEL_WITHOUT_COLON = lazy(
    f"(?:^|(?<=[(;。,]))[ \\t]*({ANNOTATION_LABEL_PATTERN})"
    r"(?:[ \t]*[—–-]{1,2}[ \t]*|[ \t]+|(?:均|都)?(?:为|是)|;)(?=[\u4e00-\u9fff])"
    # a unit label (role word and holder) glued to a unit's name that opens with its level
    f"|(?:^|(?<=[(;。,]))({COMPOSED_LABEL_PATTERN})(?=[省市县区州盟旗乡镇][\u4e00-\u9fff])",
    re.MULTILINE,
)
_LABEL_AT = lazy(ANNOTATION_LABEL_PATTERN)
# the quick test: a label's last characters before a space, a dash or `为`
_LABEL_WITHOUT_COLON_HINT = lazy(
    "["
    + "".join(sorted({label[-1] for label in ANNOTATION_LABELS}))
    + r"](?:[ \t—–;-]|均|都|为|是)"
    r"|[位门室科股](?=[省市县区州盟旗乡镇])"
)


def _label_colon(match: re.Match[str]) -> str:
    """The colon form of a `_LABEL_WITHOUT_COLON` match, or the match as it is."""
    if _LABEL_AT.match(match.string, match.end()):
        return match.group()
    if match.group(1) is None:  # glued: `(责任单位市发改委)`
        return match.group() + ":"
    before = match.string[match.start() - 1 : match.start()]
    if match.group().endswith(";") and before not in ("(", ";"):
        return match.group()  # only `(责任单位;住建局)`: a semicolon opening a note's value
    return match.group()[: match.end(1) - match.start()] + ":"


# A sentence on a line of its own assigning the items above it (`4项目标的责任单位均为市发展改革委。`,
# `该目标责任单位为市经委。`, a city's target plan, 2007): the label form, after its count.
_COUNTED_ASSIGNMENT = lazy(
    r"^[ \t]*((?:以上|上述)?(?:该|本|此|[0-9一二三四五六七八九十两]{1,3})项?"
    r"(?:目标|任务|工作|指标|事项)?的?)"
    f"({ANNOTATION_LABEL_PATTERN})" + r"(?:均|都)?为",
    re.MULTILINE,
)


# A Markdown heading's marks (`# XX县2025年政务公开重点任务清单`): the line is its text.
_MARKDOWN_HEADING = lazy(r"^[ \t]*#{1,6}[ \t]+(?=\S)", re.MULTILINE)


# A responsibility label closed by a full stop instead of a colon, as a converted .doc writes it
# (`…激发活力。责任主体。市工商质监局。执行对象。…`): the colon form.
# (two patterns, each opening with a literal or an anchor the matcher can look for quickly)
_LABEL_STOP = lazy(f"。[ \t]*({ANNOTATION_LABEL_PATTERN})。")
_LINE_LABEL_STOP = lazy(f"^[ \t]*({ANNOTATION_LABEL_PATTERN})。", re.MULTILINE)


# An indent of ideographic spaces saved in an encoding without them (`　　1.` → `??1.`): a line
# opening with question marks or replacement characters opens with what follows them.
_LOST_INDENT = lazy(r"^[ \t]*[?\ufffd]{1,4}(?=[^?\ufffd\s])", re.MULTILINE)


# A label written in lenticular brackets instead of before a colon (`【牵头单位】市发改委`), or in square
# or tortoise-shell ones (`[责任单位]市发改委`, `〔牵头单位〕`; a role word alone in those marks a
# unit before it: `市发改委〔牵头〕`): the colon form every other reader knows.
_BRACKETED_LABEL = lazy(
    f"【({ANNOTATION_LABEL_PATTERN})】:?"
    f"|[\\[〔](?!(?:{'|'.join(BARE_ROLE_LABELS)})[\\]〕])({ANNOTATION_LABEL_PATTERN})[\\]〕]:?"
)


# A web page copied as one run of text (its line breaks turned into spaces): item markers and labels
# after a space or a sentence's end start lines of their own again.
_RUN_ON_LINE = 240
# (and a sentence giving the work above to its units after a space, `此项工作由市农业局负责…`: the
# closing note of an item's points, a line of its own)
_RUN_ON_BREAK = lazy(
    r"(?<=[\s\u3000。;；:：)）\]】〕])"
    r"(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|[(（][0-9]{1,2}[)）]"
    r"|[0-9０-９]{1,3}[.、．](?![0-9０-９])|[\u4e00-\u9fff]{2,8}[:：])[\u4e00-\u9fff“\"《(（]"
    r"|(?<=\s)(?:此项|该项|本项|以上|上述)(?:工作|任务)由"
    # a decimal item number after a space (`… 2.2 省防总办公室 …`, a plan flattened onto one line)
    r"|(?<=\s)[0-9]{1,2}(?:\.[0-9]{1,2}){1,2}[ \t]+[\u4e00-\u9fff])"
)


# A section heading with its first item glued to it (`一、降低制度性交易成本1.全面推进…`,
# `二、工作措施(一)降低企业税收负担`): the item starts a line of its own.
_GLUED_FIRST_ITEM = lazy(
    r"[一二三四五六七八九十]{1,3}、([\u4e00-\u9fff“”]{2,30}?)[ \t]*"
    r"(?=(?:1[.、]|\(一\))[\u4e00-\u9fff“])"
)
# What stands before such a heading: the line's start, a space or a sentence's end.
_BEFORE_HEADING = " \t\u3000。;:)"


def split_run_on(raw_lines: list[str]) -> list[str]:
    """Lines of a document whose long lines run several items together, cut before each marker or
    label that follows a space or a sentence's end. Lines that hold at most one marker stay."""
    out: list[str] = []
    for raw in raw_lines:
        if len(raw) < _RUN_ON_LINE or _is_bar_row(raw):
            glued = _GLUED_FIRST_ITEM.match(raw) if len(raw) > 6 and raw[1:2] == "、" else None
            if glued is not None and not _is_bar_row(raw):
                # `一、持续推进学习 1.推动…`: a section heading, its first item glued on
                out.extend([raw[: glued.end(1)], raw[glued.end(1) :].lstrip()])
            else:
                out.append(raw)
            continue
        starts = sorted(
            {match.end() for match in _RUN_ON_BREAK.finditer(raw)}
            | {
                match.end(1)
                for match in _GLUED_FIRST_ITEM.finditer(raw)
                if match.start() == 0 or raw[match.start() - 1] in _BEFORE_HEADING
            }
        )
        starts = sorted({*starts, *_glued_markers(raw, starts)})
        # (a label right after a marker, `(10)省民政厅:…`, is the item's text, not a line of its own)
        starts = [
            start
            for before, start in zip([0, *starts], starts, strict=False)
            if not _BARE_MARKER.fullmatch(raw[before:start].strip())
        ]
        if len(starts) < 2:
            out.append(raw)
            continue
        previous = 0
        for start in starts:
            out.append(raw[previous:start].rstrip())
            previous = start
        out.append(raw[previous:])
    return out


_BARE_MARKER = lazy(r"[(（]?[0-9一二三四五六七八九十]{1,3}[)）.、．]")


def _is_bar_row(raw: str) -> bool:
    """A table row written with bars (`2 | 新建驿站7家。 | 1.…:3月底前… 2.…:6月底前… | 卫健局 |`):
    the numbered steps of its cells are no items of the document."""
    stripped = raw.strip()
    return stripped.count("|") >= 3 and (stripped.endswith("|") or stripped.startswith("|"))


# An item marker glued to the text before it in a run-on line (`…特制定本方案。一、指导思想…(一)主要
# 目标。…三、整治内容(一)XX县区环境卫生整治1、XX县区道路…`).
_GLUED_MARKER = lazy(
    r"(?<=[\u4e00-\u9fff。;:)”])(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)"
    r"|[0-9]{1,2}、)[\u4e00-\u9fff“(A-Za-z])"
)


def _glued_markers(raw: str, breaks: list[int]) -> list[int]:
    """Where markers glued to the text before them start, in a run-on line: only markers that go on
    the numbering of the markers found before them (the next number of their style, or a first
    item under an item of a higher style), so that `统一、规范` is no item."""
    found: list[int] = []
    last: dict[str, int] = {}
    open_rank = -1
    known = {*breaks, 0}  # line starts already: they set the numbering, whatever it is
    for position in sorted({*known, *(m.start() for m in _GLUED_MARKER.finditer(raw))}):
        marker = match_marker(raw[position : position + 12])
        if marker is None:
            continue
        rank = STYLE_RANK.get(marker.style, 9)
        if position not in known:
            follows = marker.value == last.get(marker.style, 0) + 1
            starts_list = marker.value == 1 and open_rank >= 0 and rank > open_rank
            if not (follows and (marker.value > 1 or starts_list)):
                continue
            found.append(position)
        last[marker.style] = marker.value
        for style, style_rank in STYLE_RANK.items():
            if style_rank > rank:
                last.pop(style, None)  # a new item closes the lists below it
        open_rank = rank
    return found


# A document viewer's chunk number (`2、`) at a line start.
_CHUNK = lazy(r"[ \t]*([0-9]{1,3})、")
# The shortest chunk a viewer cuts (a page's worth of text, not an item's line).
_CHUNK_MIN = 150
_SENTENCE_END = tuple('。;；!！?？:：)）]】〕”"')


def join_viewer_chunks(raw_lines: list[str]) -> list[str]:
    """The lines of a document viewer's copy (a sharing site's text of a .doc) with its chunks joined
    again: the viewer cuts the text into long chunks numbered `1、` `2、` `3、` at line starts, each
    cut mid-sentence or mid-word (`…中介服` / `3、务清理…`). They are told from items by their run:
    consecutive lines numbered 1, 2, 3…, each before the last long and, unless the viewer's own
    words stand above them (`VIEWER_COPY_MARKERS`), ending mid-sentence."""
    first = next((i for i, line in enumerate(raw_lines) if line.lstrip().startswith("1、")), None)
    if first is None:
        return raw_lines
    numbered: list[str] = []  # the chunks in order; blank lines between them (a page's
    end = first  # paragraph spacing) are skipped
    while end < len(raw_lines):
        if not raw_lines[end].strip():
            end += 1
            continue
        match = _CHUNK.match(raw_lines[end])
        if match is None or int(match.group(1)) != len(numbered) + 1:
            break
        numbered.append(raw_lines[end])
        end += 1
    while end > first and not raw_lines[end - 1].strip():
        end -= 1
    chunks = numbered[:-1]
    if len(numbered) < 2 or any(len(line) < _CHUNK_MIN for line in chunks):
        return raw_lines
    viewer = any(marker in line for line in raw_lines[:first] for marker in VIEWER_COPY_MARKERS)
    if not viewer and any(line.rstrip().endswith(_SENTENCE_END) for line in chunks):
        return raw_lines  # long items, each a whole sentence: no viewer's chunks
    joined = "".join(_CHUNK.sub("", line, count=1) for line in numbered)
    blanks = [""] * (end - first - 1)  # the lines after keep their numbers
    return [*raw_lines[:first], joined, *blanks, *raw_lines[end:]]


# A row of a label:value form (`牵头单位: | 市城市管理综合执法局 |`), its value cell possibly empty
# with the value on the next row (`进展情况、存在问题 及下一步工作建议: |` / `已完成。… |`).
_FORM_ROW = lazy(r"^[ \t]*([\u4e00-\u9fff、 ]{2,24})[:：][ \t]*\|[ \t]*(.*?)[ \t]*\|?[ \t]*$")


def join_form_rows(raw_lines: list[str]) -> list[str]:
    """The lines of a page that shows one task as a label:value form, one `|` row a line, as the
    label lines a numbered text writes: `牵头单位:市城管局`; the task's own label is dropped, so
    its value opens the line with its number (`重点工作: | 135.统筹… |` → `135.统筹…`). Other
    texts are returned as they are."""
    rows = [_FORM_ROW.match(line) for line in raw_lines]
    if sum(row is not None for row in rows) < 2 or not any(
        row is not None and label_role(row.group(1).replace(" ", "")) is not None for row in rows
    ):
        return raw_lines
    from taskctl.ingest.tables import header_field

    out: list[str] = []
    waiting = ""
    for line, row in zip(raw_lines, rows, strict=True):
        if row is None:
            if waiting and line.rstrip().endswith("|"):
                out.append(f"{waiting}:{line.rstrip().rstrip('|').strip()}")
                waiting = ""
            else:
                out.append(line)
            continue
        label, value = row.group(1).replace(" ", ""), row.group(2).strip()
        if not value:
            waiting = label
            out.append("")  # the line keeps its number
        elif header_field(label) == "task":
            out.append(value)
        else:
            out.append(f"{label}:{value}")
    return out


def join_label_lines(raw_lines: list[str]) -> list[str]:
    """The lines of a page that shows one task as a form of label lines, each label (a table's
    header word, no colon) on a line of its own over its value (`具体任务` / text, `责任单位` /
    `卫健局、文旅局`, `完成时限` / …, a county's 任务分解 page, 2023), as a numbered item and its
    label lines: `1.<text>`, `责任单位:卫健局、文旅局`. Other texts are returned as they are."""
    from taskctl.ingest.tables import exact_header_field

    if len(raw_lines) > 120:
        return raw_lines  # (a form is short: the quick test of every longer text)
    filled = [(index, line.strip()) for index, line in enumerate(raw_lines) if line.strip()]
    if not 4 <= len(filled) <= 40 or exact_header_field(filled[0][1]) != "task":
        return raw_lines
    labels = filled[0::2]
    values = filled[1::2]
    fields = [exact_header_field(label) for _index, label in labels]
    if (
        len(labels) != len(values)
        or None in fields
        or not set(fields) & {"lead", "support", "responsible"}
        or any(exact_header_field(value) for _index, value in values)
        or any(match_marker(line) for _index, line in filled)
    ):
        return raw_lines
    out = list(raw_lines)
    for (at, label), (value_at, value), name in zip(labels, values, fields, strict=True):
        out[at] = f"1.{value}" if name == "task" else f"{label}:{value}"
        out[value_at] = ""
    return out


# A label line of a record (`工作任务:完善…`, `【主管单位】市城管局`), its value possibly on the next
# line (`【存在问题】` / `此路段道路积尘严重…`).
_RECORD_LABEL = lazy(
    r"^[ \t]*(?:【([\u4e00-\u9fff、()]{2,12})】|([\u4e00-\u9fff、()]{2,12})[ \t]*[:：])[ \t]*(.*)$"
)
# A heading in brackets over a record (`【1月21日 问题一】`, an exposure page's problem).
_RECORD_HEADING = lazy(r"^[ \t]*【[^】]{1,30}】[ \t]*$")


def join_record_lines(raw_lines: list[str]) -> list[str]:
    """The lines of a text that writes each task as a record of label lines, the task's own label
    among them (`工作任务:…` / `牵头单位:…` / `完成时限:…`, again for the next; an exposure page's
    `【点位名称】…` / `【主管单位】…` / `【存在问题】` over its text), as numbered items and their
    label lines: the task label's value opens the record as `N.` (N from its `序号` line if any).
    A record ends where its label lines do, or where one of its labels comes again. Texts that
    number their items, or whose records name no unit, are returned as they are."""
    from taskctl.ingest.tables import exact_header_field

    labelled: dict[int, tuple[str, str, str | None]] = {}  # index → (label, value, field)
    for index, line in enumerate(raw_lines):
        match = _RECORD_LABEL.match(line) if ("【" in line or ":" in line or "：" in line) else None
        if match is not None:
            label = match.group(1) or match.group(2)
            labelled[index] = (label, match.group(3).strip(), exact_header_field(label))
    fields = [field for _label, _value, field in labelled.values()]
    if "task" not in fields or not {"lead", "support", "responsible"} & set(fields):
        return raw_lines
    records: list[list[int]] = []
    seen: set[str] = set()
    # (blank lines, a page's paragraph spacing, are no part of the records)
    filled = [index for index, line in enumerate(raw_lines) if line.strip()]
    place = {index: position for position, index in enumerate(filled)}
    position = 0
    while position < len(filled):
        index = filled[position]
        if index not in labelled:
            position += 1
            continue
        label, value, _field = labelled[index]
        if not records or label in seen or position - place[records[-1][-1]] > 2:
            records.append([])
            seen = set()
        records[-1].append(index)
        seen.add(label)
        # a label alone on its line: its value is the next line, when that is no label
        if not value and position + 1 < len(filled) and filled[position + 1] not in labelled:
            following = filled[position + 1]
            labelled[index] = (label, raw_lines[following].strip(), labelled[index][2])
            records[-1].append(following)
            position += 1
        position += 1
    tasks = [r for r in records if any(i in labelled and labelled[i][2] == "task" for i in r)]
    if not tasks or any(
        match_marker(line.strip()) for i, line in enumerate(raw_lines) if i not in labelled
    ):
        return raw_lines
    out = list(raw_lines)
    for position, record in enumerate(tasks, start=1):
        number = str(position)
        task_at = -1
        for i in record:
            if i not in labelled:
                out[i] = ""  # a label's value, moved to its label's line
                continue
            label, value, field = labelled[i]
            if field == "number":
                number = value if value.isdigit() else number
                out[i] = ""
            elif field == "task":
                task_at = i
            else:
                out[i] = f"{label}:{value}"
        # the task's text opens the record; what stood on its first line takes the task label's
        out[task_at] = out[record[0]] if task_at != record[0] else ""
        out[record[0]] = f"{number}.{labelled[task_at][1]}"
        above = filled[place[record[0]] - 1] if place[record[0]] else -1
        if above >= 0 and above not in labelled and _RECORD_HEADING.match(raw_lines[above]):
            out[above] = ""  # `【1月21日 问题一】` over the record: its heading, no task's text
    return out


# A numbered line's text that is a label and its value (`责任单位:市教育局`, `项目内容及任务分解:`).
_LABEL_AND_VALUE = lazy(r"([\u4e00-\u9fff、]{2,10})[ \t]*[:：][ \t]*(.*)")
# The roles of labels that make a run of numbered label lines an item's label lines.
_ITEM_LABEL_ROLES = ("lead", "support", "responsible", PERSONS, "deadline")


def unnumber_label_lines(raw_lines: list[str]) -> list[str]:
    """Label lines numbered like sub-items (`三、实施…` / `(一)责任领导:高勤` / `(二)责任单位:市教育局`
    / `(三)协办单位:…` / `(四)项目内容及任务分解:` / `(五)资金筹措:…`, a city's 实事 list): numbered
    lines in one style whose numbers rise by one, each a label and its value, one of them a unit's,
    a person's or a deadline's label, are the label lines of the item above, not items. Lines
    numbered otherwise under a label whose value stands below it (`1、新建…` / `2、将…`) are that
    value. Texts without such runs are returned as they are."""
    found: list[tuple[int, str, int, str | None, str]] = []  # index, style, value, role, rest
    for index, line in enumerate(raw_lines):
        if ":" not in line and "：" not in line:
            continue
        marker = match_marker(line.strip())
        label = _LABEL_AND_VALUE.fullmatch(marker.rest) if marker is not None else None
        if marker is not None and label is not None:
            found.append(
                (index, marker.style, marker.value, label_role(label.group(1)), marker.rest)
            )
    if not found:
        return raw_lines
    runs: list[list[tuple[int, str, int, str | None, str]]] = []
    for entry in found:
        last = runs[-1][-1] if runs else None
        if last is not None and entry[1] == last[1] and entry[2] == last[2] + 1:
            between = raw_lines[last[0] + 1 : entry[0]]
            marked = [match_marker(line.strip()) for line in between if line.strip()]
            if not any(m is not None and m.style == entry[1] for m in marked):
                runs[-1].append(entry)
                continue
        runs.append([entry])
    out = list(raw_lines)
    for run in runs:
        if run[0][1] in SECTION_STYLES or not any(
            role in _ITEM_LABEL_ROLES for *_rest, role, _text in run
        ):
            continue  # `一、责任单位:住建局` over its items, `四、责任分工:`: sections, not labels
        # the item they label: the nearest numbered line above, in another style (a copy starting
        # inside a run, `(六)完成时限:…`, has lost it)
        marker = next(
            (m for line in reversed(raw_lines[: run[0][0]]) if (m := match_marker(line.strip()))),
            None,
        )
        if (marker is None or marker.style == run[0][1]) and run[0][2] == 1:
            continue  # label lines under no item: the text's own items
        end = len(raw_lines)
        for position, (index, _style, _value, _role, rest) in enumerate(run):
            out[index] = rest
            following = run[position + 1][0] if position + 1 < len(run) else end
            if rest.rstrip().endswith((":", "：")):
                # the label's value below it, numbered in its own way: one line of the label's
                values = []
                for below in range(index + 1, following):
                    text = raw_lines[below].strip()
                    if not text:
                        continue
                    if match_marker(text) is None and not values:
                        break
                    values.append(text)
                    out[below] = ""
                out[index] = rest.rstrip() + " ".join(values)
    return out


# A `(一)` marker whose closing bracket a copy lost (`(一加强涉及…`, `(二加强…`).
_UNCLOSED_MARKER = lazy(r"^[ \t]*[(（]([一二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])(?![是届])")


def closed_markers(raw_lines: list[str]) -> list[str]:
    """Lines opening with `(一` `(二` … whose closing bracket the copy lost, their brackets closed,
    when two at least number one after the other from the first (a number in brackets, `(一定…`,
    comes alone); other texts are returned as they are."""
    found = [
        (index, match)
        for index, line in enumerate(raw_lines)
        if (match := _UNCLOSED_MARKER.match(line)) is not None
    ]
    values = [chinese_number(match.group(1)) for _index, match in found]
    if len(found) < 2 or values != list(range(values[0], values[0] + len(values))):
        return raw_lines
    out = list(raw_lines)
    for index, match in found:
        out[index] = f"{out[index][: match.end()]}){out[index][match.end() :]}"
    return out


# A table of contents' heading (`目录`, `目錄/提綱:……`, a site's outline of the page).
_CONTENTS = lazy(r"^(?:目录|目錄|提纲|提綱)(?:[/／](?:提纲|提綱))?[:：]?[ \t…\.·]*$")


def without_contents(raw_lines: list[str]) -> list[str]:
    """A text without its table of contents (`目录` over numbered headings, the plan's own headings
    again), which names no task: the heading line and the numbered lines after it, up to the first
    line that is not numbered. Other texts are returned as they are."""
    for index, line in enumerate(raw_lines):
        if not _CONTENTS.match(line.strip()):
            continue
        end = index + 1
        while end < len(raw_lines) and (
            not raw_lines[end].strip() or match_marker(raw_lines[end].strip()) is not None
        ):
            end += 1
        if end - index > 2:
            return [*raw_lines[:index], *[""] * (end - index), *raw_lines[end:]]
    return raw_lines


def repair_text(text: str) -> list[Line]:
    """Repair a whole document: the non-blank lines, repaired and joined, with source line numbers.
    A document viewer's numbered chunks are joined again, then a long line that runs items together
    (a web page's text copied without its breaks) is cut, each piece numbered as its source line."""
    # a page's indents (`\u3000\u3000`, no-break spaces) go first: the passes below read line starts
    raw_lines = [line.strip(_EDGE_SPACES) for line in text.splitlines()]
    if "|" in text:
        raw_lines = join_form_rows(raw_lines)
    if "(" in text or "（" in text:
        raw_lines = closed_markers(raw_lines)
    raw_lines = unnumber_label_lines(join_record_lines(join_label_lines(raw_lines)))
    if "目" in text or "提" in text:
        raw_lines = without_contents(raw_lines)
    raw_lines = split_run_on(join_viewer_chunks(raw_lines))
    lines: list[Line] = []
    widths: list[int] = []
    for number, (raw, repaired) in enumerate(
        zip(raw_lines, repair_lines(raw_lines), strict=True), 1
    ):
        if repaired:
            for piece in _unglued_items(repaired):
                for item in _listed_items(piece):
                    lines.append(Line(item, number))
                    widths.append(_display_width(raw.strip()))
    return _close_cut_note(join_lines(lines, widths))


# A 由-clause cut by the copy's end before its verb (`由市交通运输局、市公路局、西华县人民政府`).
_CUT_BY_CLAUSE = lazy(r"^由([^。;:()]+?)[、,]?$")


def _close_cut_note(lines: list[Line]) -> list[Line]:
    """The lines with a note the copy's end cuts (`…(国务院审改办、人力`, `由市交通运输局、市公路局`
    on a line of its own) closed, so that it is read as a note: the names in it before the cut are
    whole; a cut last name is the unit guard's to refuse. A bracket of text (`(2024年`) stays text."""
    if not lines:
        return lines
    from taskctl.ingest.units import is_unit_name

    last = lines[-1]
    text = last.text
    if _bracket_depth(text) == 1:
        opened = text.rfind("(")
        inside = text[opened + 1 :]
        # a bare list only: a note with a label or a role verb is read cut as it is
        if inside and not any(mark in inside for mark in "。(:") and not _ROLE_WORD.search(inside):
            whole = _without_cut_name(inside)
            # (cut right after a separator, `…区财政局、区商务局、`, every name before it is whole)
            cut_after = inside.rstrip().endswith(("、", ",", ";"))
            if whole and (whole != inside.rstrip("、,;") or cut_after or is_unit_name(whole)):
                return [*lines[:-1], Line(f"{text[: opened + 1]}{whole})", last.number)]
    cut = _CUT_BY_CLAUSE.match(text)
    if cut is not None:
        whole = _without_cut_name(cut.group(1))
        pieces = _CUT_PIECE.split(whole)
        if len(pieces) >= 2 and is_unit_name(pieces[0]):
            return [*lines[:-1], Line(f"({whole})", last.number)]
    return lines


_ROLE_WORD = lazy(_ROLE_VERB_ALTERNATION)
# Where a list a copy's end cuts is cut into its names (what follows the last one is cut).
_CUT_PIECE = lazy(r"[、,;:]")


def _without_cut_name(text: str) -> str:
    """A list cut by the copy's end without its cut last piece: `市发改委、市财` → `市发改委`,
    `市发改委、` → `市发改委`; a last piece shaped like a whole name stays."""
    from taskctl.ingest.units import is_unit_name

    text = text.rstrip("、,;")
    pieces = _CUT_PIECE.split(text)
    if len(pieces) >= 2 and not is_unit_name(pieces[-1]):
        return text[: len(text) - len(pieces[-1])].rstrip("、,;:")
    return text


def _unglued_items(text: str) -> list[str]:
    """A line that opens with an item marker cut before each next item glued to the note closing
    the one before (`(一)…增长11%。(省发改委负责)(二)公共财政…`, `1.…(X主办,Y协办)2.重点抓好…`):
    the next marker of the same style, right after a closing bracket. Other lines stay whole."""
    if ")" not in text and "〕" not in text and "】" not in text:
        return [text]
    if text.startswith(("(", "〔", "【")):
        # `(责任单位:市城建局)2.完成…`, `〔牵头单位:…〕 二、压实…`: the note closing the item above,
        # the next item or section glued on
        close = _NOTE_CLOSE.search(text)
        note = text[1 : close.start()] if close else ""
        following = match_marker(text[close.end() :].lstrip()) if close else None
        if (
            close is not None
            and (":" in note or _ROLE_WORD.search(note))
            and following is not None
            and following.rest
            and _opens_text(following.rest)
        ):
            return [text[: close.end()], *_unglued_items(text[close.end() :].lstrip())]
    marker = match_marker(text)
    if marker is None or not marker.rest:
        return [text]
    pieces: list[str] = []
    start, value = 0, marker.value
    for close in _NOTE_CLOSE.finditer(text, len(text) - len(marker.rest)):
        after = text[close.end() :]
        following = match_marker(after.lstrip())
        if following is None or not following.rest or not _opens_text(following.rest):
            continue
        if following.style == marker.style and following.value == value + 1:
            pieces.append(text[start : close.end()])
            start, value = close.end(), following.value
        elif (
            following.style in SECTION_STYLES
            and following.style != marker.style
            and text[close.end() - 1] != ")"
            and _ROLE_WORD.search(text, start, close.end())
        ):
            # `…〔牵头单位:县司法局〕 二、压实…`: the next section after the item's note
            pieces.append(text[start : close.end()])
            start = close.end()
            break
    return [*pieces, text[start:].lstrip()] if pieces else [text]


# Where a note closes (and the spaces after it).
_NOTE_CLOSE = lazy(r"[)〕】]")


def _listed_items(text: str) -> list[str]:
    """A line that is a list of items run together, opening with the first (`①积极宣传…;②积极协调…;
    ③负责党建…`, a zone's duties by department), cut before each next one after a sentence's end.
    Other lines (a task whose text lists its points: `1.加强监管,重点做好:①…;②…`) stay whole."""
    if text[:1] not in CIRCLED_NUMBERS and not text.startswith("(1)"):
        return [text]
    marker = match_marker(text)
    if marker is None or marker.value != 1:
        return [text]
    return next_items(text, _AFTER_STOP)


# Where a next item of a list run together may open: after a sentence's end.
_AFTER_STOP = lazy(r"(?<=[。;；])\s*")


def _opens_text(rest: str) -> bool:
    return "\u4e00" <= rest[0] <= "\u9fff" or rest[0] in '“"《('
