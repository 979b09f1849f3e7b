"""Unit and person names in an annotation's lists, and the guard every unit name passes.

`split_units` cuts a list as documents write it (`省科技厅、省财政厅`, `各市、县(市、区)科技局`,
`省人社厅等有关部门`); `split_persons` does the same for persons; `unit_problem` is the last guard before a
name is stored as a unit: a name is a short noun phrase ending like a unit (厅, 局, 委, 中心, 政府 …) or
a group word (有关部门, 各县区), never a label, a verb phrase or a number. Every word list comes from
`taskctl.vocab`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from taskctl.ingest.patterns import lazy
from taskctl.vocab import (
    CHINESE_NUMERAL_CHARS,
    COMPOSED_LABEL_PATTERN,
    GROUP_NOUNS,
    GROUP_PREFIX_NOT_BODIES,
    GROUP_TAIL_JOINS,
    GROUP_TAIL_STARTS,
    GROUP_UNIT_PREFIXES,
    LABEL_HOLDER_WORDS,
    LEAD_UNIT_MARKS,
    LEADER_POST_PATTERN,
    LEADER_TITLES,
    LEVEL_PHRASES,
    LIST_NAME_STARTS,
    LOWEST_REGION_WORDS,
    NOT_BODY_ENDINGS,
    NOT_IN_UNIT_NAMES,
    NOT_UNIT_ENDINGS,
    NOT_UNIT_STARTS,
    NUMBER_WITH_UNIT_PATTERN,
    OFFICE_WORDS,
    REGION_WORDS,
    ROLE_NOUNS,
    SHARED_HEAD_NOUNS,
    SHORT_UNIT_ENDINGS,
    SURNAMES,
    UNIT_LINE_ENDINGS,
    UNIT_NAME_ENDINGS,
    UNIT_NAME_MAX,
    UNIT_SEPARATORS,
    UNIT_TRAILING_ETC,
    label_role,
)

if TYPE_CHECKING:
    from taskctl.ingest.drafts import ParsedDocument

OPENERS = "([【〔"
CLOSERS = ")]】〕"
# (`&`: what a page left of a mangled separator, `(执法局&&)`)
EDGE_PUNCTUATION = " \t\n,;:、，；：。&"
_SPACE = lazy(r"\s+")
# A note after a person's name: `张三(办公室主任)`.
_PERSON_NOTE = lazy(r"\([^()]*\)$")
# Characters that end a unit name: a space after one of them separates two names (`省科技厅 省财政厅`);
# a space after anything else is an artifact inside one name (`中国人民银 行成都分行`).
_UNIT_END_CHARS = "厅局委部处室办院会行所站组队校馆社府团科署台司心室"
_NUMBER_WITH_UNIT = lazy(NUMBER_WITH_UNIT_PATTERN)
# a note closing a name, in round, square or lenticular brackets (`市府办〔市大数据局〕`)
_ETC_PAIR = lazy(
    r"等(?:有关|相关)?(?:部门|单位)[、和及与](?:有关|相关)?(?:部门|单位)(?=$|[,;，；\s])"
    # `市发改委等7个部门`: the count of the bodies the 等 stands for
    r"|等[0-9一二三四五六七八九十]{1,3}个(?:有关|相关)?(?:部门|单位|处室|科室)(?=$|[,;，；\s])"
)
_ITEM_MARKER = lazy(r"[0-9]{1,3}[.、](?![0-9])|\([0-9一二三四五六七八九十]{1,3}\)")
_TRAILING_NOTE = lazy(r"(?:\([^()]*\)|〔[^〔〕]*〕|\[[^\[\]]*\])$")
_GROUP_TAIL = lazy(
    "^(?P<unit>.{2,}?)(?:"
    + "|".join(map(re.escape, sorted(GROUP_TAIL_JOINS, key=len, reverse=True)))
    + ")(?P<group>(?:"
    + "|".join(map(re.escape, GROUP_TAIL_STARTS))
    + ").+)$"
)


@functools.cache
def _split_pattern(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(OPENERS + CLOSERS + separators) + "]")


@functools.cache
def _split_capturing(separators: str) -> re.Pattern[str]:
    return re.compile("([" + re.escape(OPENERS + CLOSERS + separators) + "])")


def split_top_level(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at separators outside brackets: (fragment, separator that ended it) pairs."""
    parts = _split_capturing(separators).split(text)
    if len(parts) == 1:
        return [(text, "")]
    delimiters = parts[1::2]
    if not any(ch in OPENERS or ch in CLOSERS for ch in delimiters):
        # no bracket: every delimiter is a separator at the top level
        delimiters.append("")
        return list(zip(parts[0::2], delimiters, strict=True))
    pieces: list[tuple[str, str]] = []
    depth = 0
    start = 0
    for match in _split_pattern(separators).finditer(text):
        index, ch = match.start(), match.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            pieces.append((text[start:index], ch))
            start = index + 1
    pieces.append((text[start:], ""))
    return pieces


_LABEL_INSIDE = lazy(COMPOSED_LABEL_PATTERN)
# A clause naming bodies by their role, at a candidate's end (`…均为责任单位`, `…是牵头单位`).
_NAMED_AS_END = lazy(f"(?:为|是)(?:{COMPOSED_LABEL_PATTERN})$")
_COUNTED = lazy(r"^[0-9]{1,3}个(?=[\u4e00-\u9fff])")


def _is_bare_region(fragment: str) -> bool:
    """True for a fragment that is only region words, like '各市', '县', '有关市、县(市、区)'."""
    rest = _COUNTED.sub("", fragment, count=1)  # `13个街道、镇`: the bodies counted, a group
    for prefix in GROUP_UNIT_PREFIXES if rest == fragment else ():
        if rest.startswith(prefix):
            rest = rest[len(prefix) :]
            break
    if not rest:
        return False
    while rest:
        for word in REGION_WORDS:
            if rest.startswith(word):
                rest = _REGION_NOTE.sub("", rest[len(word) :], count=1).lstrip("、")
                break
        else:
            return False
    return True


# A bracket of region words after a region word (`市(县)`, `县(区)`): part of the region.
_REGION_NOTE = lazy(r"^\((?:[市县区州旗盟乡镇]、?)+\)")


def _split_on_spaces(fragment: str) -> list[str]:
    """Split a fragment at spaces that separate whole names; remove spaces inside a name."""
    words = fragment.split()
    if len(words) <= 1:
        return words
    names = [words[0]]
    for word in words[1:]:
        if names[-1][-1] in _UNIT_END_CHARS and len(word) >= 2:
            names.append(word)
        else:
            names[-1] += word
    return names


def strip_etc(name: str) -> str:
    """`财政部等` → `财政部`; `省直有关部门等单位` → `省直有关部门`."""
    if not name.endswith(UNIT_TRAILING_ETC):
        return name
    for suffix in UNIT_TRAILING_ETC:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _group_tail(name: str) -> tuple[str, ...]:
    """`省人社厅等有关部门` → (省人社厅, 有关部门); `省财政厅及相关单位` → (省财政厅, 相关单位); two
    whole names joined by 及/和/与/等 are two units (`州委编办及州直相关单位`, `区商务局等数字经济
    工作领导小组成员单位`), but never a name with 和 inside (`市人力资源和社会保障局`: `市人力资源`
    is no unit's name)."""
    match = _GROUP_TAIL.match(name)
    if match is not None:
        unit, group = match.group("unit"), strip_etc(match.group("group"))
        if unit.endswith(UNIT_NAME_ENDINGS) and len(group) >= 2:
            return (*_group_tail(unit), group)  # `环保厅和内蒙古电力监管办及相关盟市`
    if len(name) < 6:
        return (name,)
    for join in _JOINS:
        index = name.find(join, 2)
        while index > 0:
            left, right = name[:index], strip_etc(name[index + len(join) :])
            # after 和/及/与 the second name starts like one (`州直…`), not with a head noun the two
            # share (`各县(市、区)党委和人民政府`); after 等 it names the group the first one is in
            starts = (
                join == "等"
                or right.startswith(LIST_NAME_STARTS)
                # `环境影响评价处和农村环境监督管理处`: a whole name of its own after the join
                or (len(right) >= 5 and not right.startswith(SHARED_HEAD_NOUNS))
                # `行政执法局和共建单位`: a kind of units named by what they do
                or right.endswith(GROUP_NOUNS)
            )
            # after 等 a group cut where a copy ends (`市住建局等政府各有关`) is the guard's to refuse
            cut_group = join == "等" and any(word in right for word in GROUP_TAIL_STARTS)
            whole = is_unit_name(right) or cut_group
            if starts and is_unit_name(left) and whole:
                return (left, *_group_tail(right))
            index = name.find(join, index + 1)
    return (name,)


_JOINS = tuple(sorted(GROUP_TAIL_JOINS, key=len, reverse=True))


@functools.lru_cache(maxsize=1 << 14)
def _is_bare_region_fragment(fragment: str) -> bool:
    return _is_bare_region(_SPACE.sub("", fragment))


@functools.lru_cache(maxsize=1 << 14)
def _fragment_names(fragment: str) -> tuple[str, ...]:
    """The names in one fragment of a unit list (most fragments are one unit's name)."""
    names: list[str] = []
    for word in _split_on_spaces(fragment):
        for name in _group_tail(word.strip(EDGE_PUNCTUATION)):
            # (a footnote's mark after a name, `市发改委*`, is no part of it)
            name = strip_etc(_without_cut_bracket(name.strip(EDGE_PUNCTUATION).rstrip("*")))
            if name:
                names.append(name)
    return tuple(names)


# A bracket opened after a name and never closed (`各区人民政府〈含开发区`, where a copy ends).
_CUT_BRACKET = lazy(r"^(.+?)[(〔〈\[【][^)〕〉\]】]*$")


def _without_cut_bracket(name: str) -> str:
    """A unit's name without the qualifying bracket a copy's end cut (`各区人民政府〈含开发区` →
    `各区人民政府`): the name before it is whole; other names stay as they are."""
    if not name or name[-1] in ")〕〉]】":
        return name
    cut = _CUT_BRACKET.match(name)
    if cut is None or not is_unit_name(cut.group(1)):
        return name
    qualifier = name[len(cut.group(1)) + 1 :]
    # a qualifier (`〈含开发区`) leaves the name whole; a name cut inside its own bracket (`各镇乡(`,
    # `各镇乡(街`) stays cut, for the guard to refuse
    return cut.group(1) if qualifier.startswith(NOT_UNIT_STARTS) else name


# Groups named by a level (`市直各单位`, `县级各部门`): never the rest of a compound region name.
_LEVEL_GROUPS = tuple(
    level + word
    for level in "省市州县区"
    for word in ("直", "属", "级各", "级有关", "级相关", "级部门", "级单位", "级机关")
)


def split_units(text: str) -> list[str]:
    """The unit names in a list as a document writes it, in order, without duplicates.

    Splits on `、` `,` `;` (full- or half-width) outside brackets, and on spaces between whole names;
    never on 和 inside a name (`省经济和信息化委`); keeps compound names whole (`各市、县(市、区)科技局`:
    a fragment made only of region words joins the next one when that one starts with a region word);
    a group after 等/及/和 is a unit of its own (`省人社厅等有关部门` → 省人社厅, 有关部门); drops a
    trailing 等/等单位/等部门 and empty pieces; removes spaces inside a name.
    """
    if "等" in text:
        text = _ETC_PAIR.sub("", text)  # `X等部门、单位`: the pair of generic words is the 等 tail
    fragments: list[str] = []
    joining = shared = False
    for piece, separator in split_top_level(text, UNIT_SEPARATORS):
        piece = piece.strip(EDGE_PUNCTUATION)
        if (
            joining
            and fragments
            and piece.startswith(REGION_WORDS)
            and not piece.startswith(_LEVEL_GROUPS)  # `各区县、市直各单位`: two groups
            # a level named again (`各市(县)、市发改委`), or a higher one after the lowest
            # (`各街道、市执法局`), starts a unit of its own; `各县、市、区政府`, `各乡、镇人民政府`,
            # `各村、社区` go on
            and piece[0] not in fragments[-1]
            and (
                not fragments[-1].endswith(LOWEST_REGION_WORDS)
                or piece.startswith(LOWEST_REGION_WORDS)
            )
        ) or (shared and piece in SHARED_HEAD_NOUNS):
            # `各县区党委、政府`: a head noun alone, the 各 before it reaching it too
            fragments[-1] += "、" + piece
        elif piece:
            fragments.append(piece)
        else:
            joining = False
            continue
        joining = separator == "、" and _is_bare_region_fragment(fragments[-1])
        shared = separator == "、" and fragments[-1].startswith("各")
    names: list[str] = []
    for fragment in fragments:
        for name in _fragment_names(fragment):
            if name not in names:
                names.append(name)
    return names


# A two-character name padded to three characters' width (`俞 悦`), or a name written plainly.
_PADDED_OR_PLAIN_NAME = lazy(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4}")


def _padded_names(text: str) -> list[str] | None:
    """`陆 明俞 悦` (two padded names run together, as a table cell of two lines copies) → ['陆明',
    '俞悦']; None unless the text is only such names and spaces, one of them padded."""
    names = _PADDED_OR_PLAIN_NAME.findall(text)
    if not any(" " in name for name in names):
        return None
    if "".join(names).replace(" ", "") != text.replace(" ", ""):
        return None
    return [name.replace(" ", "") for name in names]


def split_persons(text: str) -> list[str]:
    """Person names in order; a note after a name (`张三(办公室主任)`) is not part of it; a two-character
    name padded with a space (`俞 悦`) is one name."""
    names: list[str] = []
    pieces: list[str] = []
    bracketed = _NAMES_IN_BRACKETS.fullmatch(text.strip(EDGE_PUNCTUATION))
    if bracketed is not None:
        # `按《市委工作要点》分工(蒋永根、俞福才、金跃民)`: a phrase saying who, the names after it
        text = bracketed.group("names")
    for piece, _separator in split_top_level(text, "、,;，；"):
        piece = piece.strip(EDGE_PUNCTUATION)
        padded = _padded_names(piece)
        if padded is not None:
            pieces.extend(padded)
        else:
            pieces.extend(part for part, _sep in split_top_level(piece, " "))
    bares = [
        strip_etc(
            _PERSON_NOTE.sub("", piece.strip(EDGE_PUNCTUATION)).strip().strip(EDGE_PUNCTUATION)
        )
        for piece in pieces
    ]
    # posts written alone (`牵头领导:常务副区长`, `市长、副市长`) are the persons, as leaders named
    # by post are; a post beside a name (`张三 副市长`) is not a person of its own
    only_posts = all(bare and not _without_title(bare) for bare in bares)
    for bare in bares:
        name = bare if only_posts else _without_title(bare)
        # (`**`, `XXX`: a name a site masked names no one)
        if name and name not in names and any(ch.isalpha() and ch not in "xX" for ch in name):
            names.append(name)
    return names


_TITLES = tuple(sorted(LEADER_TITLES, key=len, reverse=True))
_LEADER_POST = lazy(LEADER_POST_PATTERN)


def is_leader_post(name: str) -> bool:
    """Whether a name is a leader's post alone (`分管副市长`, `联系市领导`): a person as written."""
    return _LEADER_POST.fullmatch(name) is not None


# A phrase (a rule, a reference: no name) and the names it stands for in brackets.
_NAMES_IN_BRACKETS = lazy(
    r"(?P<phrase>[^()]{5,40})\((?P<names>[\u4e00-\u9fff]{2,3}(?:[、,][\u4e00-\u9fff]{2,3})+)\)"
)


def _without_title(name: str) -> str:
    """`副市长张三`, `张三同志` → 张三; a title alone (`副市长` written apart from the name) → ''."""
    name = name.removesuffix("同志")
    if is_leader_post(name):
        return name  # `分管副市长`: a leader named by the post, no name to take from it
    for title in _TITLES:
        if name == title:
            return ""
        rest = name.removeprefix(title) if name.startswith(title) else name.removesuffix(title)
        if rest != name and 2 <= len(rest) <= 4:
            # `各区区长`, `各县县长`, `五县县长`: a post held in every district, kept as written
            group = rest.startswith(GROUP_UNIT_PREFIXES) or rest[0] in CHINESE_NUMERAL_CHARS
            return name if group else rest
        if rest != name and len(rest) == 1:
            return name  # `王副市长`: the surname and the post, the person as written (not `王副`)
    return name


def has_lead_mark(name: str) -> bool:
    """Whether a name opens with a mark making it the lead (`▲发改局`, `*市发改委`); a run of marks
    is a site's mask of the name's first characters (`****体育局`), no mark."""
    return name[:1] in LEAD_UNIT_MARKS and name[1:2] != name[:1] and len(name) > 2


@functools.lru_cache(maxsize=1 << 14)
def unit_problem(name: str) -> str | None:
    """Why `name` cannot be a unit's name, or None when it can.

    A unit is a short noun phrase: at most `UNIT_NAME_MAX` characters, no label colon, no verb or
    action word, no number with a counting word, and it ends like a unit (`UNIT_NAME_ENDINGS`) or is a
    short name without any of those faults (`海关`, `人民银行`)."""
    if ":" in name or "：" in name:
        return "holds a label"
    if len(name) > UNIT_NAME_MAX and len(_INNER_BRACKETS.sub("", name)) > UNIT_NAME_MAX:
        # (a name's alias in brackets is not counted: `教育科学文化卫生(民族宗教侨务外事)委员会`)
        return "too long for a unit name"
    if len(name) < 2 or (len(name) == 2 and name[0] in "省市州县区" and name[1] not in "委府"):
        # `市协` (a copy cut inside 市科协): a level and one character names no unit but 市委, 市府
        return "too short for a unit name"
    if len(name) == 2 and not (name[0] == "各" or name.endswith(SHORT_UNIT_ENDINGS)):
        # `团委`, `经委`, `林站`, `各地` name bodies; `现场` (`现场督促物业`) names a place
        return "too short for a unit name"
    if any(ch in name for ch in "。!?\n"):
        return "a sentence, not a name"
    if "**" in name:
        # `****分局`, `县**局`: a name a site masked, the mask standing for its characters
        masked = _MASK.sub("某", name)
        if not _SYMBOL.search(masked):
            return unit_problem(masked)
    if _SYMBOL.search(name):
        return "holds a symbol"  # `*市发改委`, `市@发改委`: a mark or a copy's noise, no name's
    if name.count("(") != name.count(")") or name.count("〔") != name.count("〕"):
        return "cut inside its brackets"  # `各镇乡(` where a copy ends
    if _NUMBER_WITH_UNIT.search(name) and not (_COUNTED.match(name) and _is_bare_region(name)):
        return "holds a number"
    if name.startswith(NOT_UNIT_STARTS):
        return "a note, not a name"
    if name in ROLE_NOUNS or name in LABEL_HOLDER_WORDS or label_role(name) is not None:
        return "a label or a party's part, not a name"  # `业主单位`, `责任单位`
    label = _LABEL_INSIDE.search(name)
    if label is not None and label.end() < len(name):
        return "holds a label"  # `责任单位是市发改委` (a group ends with one: `各责任单位`)
    if label is not None and _NAMED_AS_END.search(name):
        return "a role clause, not a name"  # `各市州、县市区人民政府均为责任单位`
    if _ITEM_MARKER.match(name):
        return "an item's number, not a name"  # `3.省庄花园小区配套幼儿园`
    words = name
    if "以上" in name:
        for phrase in LEVEL_PHRASES:  # `各地级以上市人民政府`: a level, not a verb phrase
            words = words.replace(phrase, "")
    if any(word in words for word in NOT_IN_UNIT_NAMES):
        # an office named for the work it drives (`健康中国行动推进办`, `城乡环境整治办公室`) holds the
        # verb just before its office word
        office = _OFFICE_END.search(words)
        if office is None or any(word in words[: office.start()] for word in NOT_IN_UNIT_NAMES):
            return "a verb phrase, not a name"
    bare = _TRAILING_NOTE.sub("", name)  # `各县(市、区)` ends like 各县
    if _RANK_END.search(bare):
        return "a rank, not a name"  # `全省第1`, `全市第一` in a progress table's ranking column
    if bare.endswith(NOT_UNIT_ENDINGS):
        return "a group cut before its noun, not a name"
    if bare.endswith(UNIT_NAME_ENDINGS):
        return None
    for prefix in GROUP_UNIT_PREFIXES:
        if bare.startswith(prefix) and 0 < len(bare) - len(prefix) <= 4:
            if bare[len(prefix) :].startswith(GROUP_PREFIX_NOT_BODIES):
                return "task text, not a group of bodies"  # `相关工作`, `各项任务`
            return None  # a group: 各地, 有关方面, 各区县, 各班级
    return "not shaped like a unit name"


_INNER_BRACKETS = lazy(r"\([^()]{1,24}\)")
_MASK = lazy(r"\*{2,}")
_SYMBOL = lazy(r"[*#@&$%^~<>=+|\\]")
_OFFICE_END = lazy(
    "(?:"
    + "|".join(map(re.escape, sorted(NOT_IN_UNIT_NAMES, key=len, reverse=True)))
    + ")"
    + f"(?:{'|'.join(OFFICE_WORDS)})$"
)
_RANK_END = lazy(r"第[0-9一二三四五六七八九十]{1,3}[名位]?$")


def guard_units(parsed: ParsedDocument) -> ParsedDocument:
    """The last guard before a document's units are stored, whatever read them (annotations, table
    cells): a name `unit_problem` refuses is taken off its task with a warning naming the task's
    line and the text. Changes `parsed` in place and returns it."""
    from taskctl.ingest.drafts import ParseWarning

    for item in parsed.items:
        for role in ("lead", "support", "responsible"):
            names = getattr(item, role)
            kept = [name for name in names if unit_problem(name) is None]
            if len(kept) == len(names):
                continue
            for name in names:
                problem = unit_problem(name)
                if problem is not None:
                    parsed.warnings.append(
                        ParseWarning(item.line, f"not a unit ({problem}): {name}")
                    )
            setattr(item, role, kept)
    return parsed


def is_unit_name(name: str) -> bool:
    """True when `name` ends like a unit (the test for a bracketed bare list `(市大数据局、市财政局)`)."""
    bare = _TRAILING_NOTE.sub("", name) if name.endswith((")", "〕", "]")) else name
    # `省发改委(省能源局)`: a unit with its alias ends like the unit
    return 3 <= len(name) <= 30 and bare.endswith(UNIT_NAME_ENDINGS) and unit_problem(name) is None


def is_short_unit_name(name: str) -> bool:
    """A unit's short name of two characters (`水司`, `林站`, `团委`): taken beside whole names in a
    bare list, or alone in a table's unit cell, where `is_unit_name` asks for three characters."""
    return len(name) == 2 and name.endswith(SHORT_UNIT_ENDINGS) and unit_problem(name) is None


def is_body_name(name: str) -> bool:
    """True for the name of a government body, group or level (`市卫生局`, `区委农办`, `各县区`): a
    unit's name that opens with a level or ends like a body (`UNIT_LINE_ENDINGS`), not a thing that
    only ends like one (`主题班会`). The test for a name the text opens with as its subject."""
    return (
        is_unit_name(name)
        and not name.endswith(NOT_BODY_ENDINGS)
        and (name.startswith((*LIST_NAME_STARTS, "各")) or name.endswith(UNIT_LINE_ENDINGS))
    )


# A body's name and, in brackets, the names it also goes by (`县发改局(粮食局)`, `综合办公室(党群工作部、
# 监察室)`).
_ALIASED = lazy(r"(?P<name>[^()]{2,20})\((?P<aliases>[^()]{2,40})\)")


def is_body_with_aliases(text: str) -> bool:
    """True for a body's name followed by the bodies it also is, in brackets (`招商合作局(行政审批局、
    政务服务中心)`): one unit's name, every name in it a body's, no verb or label among them."""
    match = _ALIASED.fullmatch(text)
    if match is None or unit_problem(text) is not None or not is_body_name(match.group("name")):
        return False
    aliases = split_units(match.group("aliases"))
    return bool(aliases) and all(is_unit_name(alias) for alias in aliases)


# A person's name in brackets after a unit (`市发改委(张三)`, `市财政局(李四、王五)`).
_UNIT_PERSON = lazy(
    r"^(?P<unit>.+?)\((?P<persons>[\u4e00-\u9fff]{2,4}(?:[、,][\u4e00-\u9fff]{2,4})*)\)$"
)


def split_person_notes(names: list[str]) -> tuple[list[str], list[str]]:
    """Units written with their responsible persons in brackets (`市住建局(张三)`): (the units, the
    persons). A bracket is a person's name only when each name in it starts with a family name
    (`SURNAMES`) and is not shaped like a unit (`区民政局(区委社会工委)` keeps its bracket)."""
    units: list[str] = []
    persons: list[str] = []
    for name in names:
        match = _UNIT_PERSON.match(name)
        inside = split_persons(match.group("persons")) if match is not None else []
        if inside and all(p[0] in SURNAMES and unit_problem(p) is not None for p in inside):
            units.append(match.group("unit"))  # type: ignore[union-attr]
            persons.extend(p for p in inside if p not in persons)
        else:
            units.append(name)
    return units, persons


def unit_and_person(name: str) -> tuple[str, str] | None:
    """A name the unit guard refuses, read in a list of units and persons: a person's (`张三` →
    ('', '张三')) or a unit's with a person's glued after it (`县教育局张三` → ('县教育局', '张三')); None
    when it is neither."""
    if is_person_name(name):
        return "", name
    for size in (3, 2):
        unit, person = name[:-size], name[-size:]
        if is_person_name(person) and unit_problem(unit) is None:
            return unit, person
    return None


def is_person_name(name: str) -> bool:
    """Whether a name is shaped like a person's (`张三`, `欧阳明`): two or three characters after a
    family name, and no unit's."""
    return (
        2 <= len(name) <= 3
        and name[0] in SURNAMES
        and _HANZI_ONLY.fullmatch(name) is not None
        and unit_problem(name) is not None
    )


_HANZI_ONLY = lazy(r"[\u4e00-\u9fff]+")
