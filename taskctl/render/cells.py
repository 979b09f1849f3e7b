"""How many terminal cells text takes: two for CJK characters, none for combining marks.

The same widths as rich's table (tests compare every code point). The first few thousand texts
of a process are summed character by character (each character measured once, by bisecting the
classes below); after that, texts are measured in C by compiled character classes of the Basic
Multilingual Plane, which take milliseconds to compile but measure a long listing faster. The rare
text beyond the plane (emoji, rare ideographs) is measured by rich.
"""

from __future__ import annotations

import re
from functools import cache

#: BMP code points two cells wide (East Asian Wide and Fullwidth), as rich measures them.
WIDE = (
    "\u1100-\u115f\u231a-\u231b\u2329-\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd-\u25fe"
    "\u2614-\u2615\u2630-\u2637\u2648-\u2653\u267f\u268a-\u268f\u2693\u26a1\u26aa-\u26ab"
    "\u26bd-\u26be\u26c4-\u26c5\u26ce\u26d4\u26ea\u26f2-\u26f3\u26f5\u26fa\u26fd\u2705"
    "\u270a-\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf"
    "\u2b1b-\u2b1c\u2b50\u2b55\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u3029"
    "\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3105-\u312f\u3131-\u3163\u3165-\u318e"
    "\u3190-\u31e5\u31ef-\u321e\u3220-\u3247\u3250-\ua48c\ua490-\ua4c6\ua960-\ua97c"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe52\ufe54-\ufe66\ufe68-\ufe6b"
    "\uff01-\uff60\uffe0-\uffe6"
)
#: BMP code points (from U+00A0) that take no cell: combining marks, joiners, variation selectors.
ZERO = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8"
    "\u06ea-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819"
    "\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0897-\u089f\u08ca-\u08e1"
    "\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc"
    "\u09be-\u09c4\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c"
    "\u0a3e-\u0a42\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc"
    "\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c"
    "\u0b3e-\u0b44\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2"
    "\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48"
    "\u0c4a-\u0c4d\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8"
    "\u0cca-\u0ccd\u0cd5-\u0cd6\u0ce2-\u0ce3\u0cf3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44"
    "\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6"
    "\u0dd8-\u0ddf\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc"
    "\u0ec8-\u0ece\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87"
    "\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064"
    "\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u1160-\u11ff\u135d-\u135f"
    "\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180f"
    "\u1885-\u1886\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c"
    "\u1a7f\u1ab0-\u1add\u1ae0-\u1aeb\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82"
    "\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4"
    "\u1cf7-\u1cf9\u1dc0-\u1dff\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20f0"
    "\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\u3164\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ud7b0-\ud7ff\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uffa0\ufff0-\ufffb"
)


#: The wide characters of ordinary Chinese text: CJK punctuation, kana, the unified ideographs and
#: the fullwidth forms (all inside WIDE, all three bytes of UTF-8). A small class compiles in a
#: fraction of the time WIDE takes, which a short report would feel.
COMMON_WIDE = "\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u4e00-\u9fff\uff01-\uff60"


#: Common one-cell characters outside ASCII, all three bytes of UTF-8 too: dashes and quotes,
#: arrows, mathematical signs, box drawing and the block elements of `workload`'s bars (█░).
COMMON_NARROW = "\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff\u2500-\u259f"


@cache
def _uncommon() -> re.Pattern[str]:
    return re.compile(f"[^\x00-\x7f{COMMON_WIDE}]")


@cache
def _unusual() -> re.Pattern[str]:
    return re.compile(f"[^\x00-\x7f{COMMON_WIDE}{COMMON_NARROW}]")


@cache
def _narrow() -> re.Pattern[str]:
    return re.compile(f"[{COMMON_NARROW}]")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # runs of what is *not* wide: Chinese text has few of them, so the C loop rarely stops
    return re.compile(f"[^{WIDE}]+"), re.compile(f"[{ZERO}]")


#: Texts measured character by character before the classes above are compiled. Compiling a class
#: of thousands of characters takes milliseconds (the regular expression compiler sets them one by
#: one), longer than measuring a short report's texts; a long listing then measures faster in C.
PER_CHARACTER_TEXTS = 4096
_per_character_left = PER_CHARACTER_TEXTS

#: Cells of each character measured so far (characters below U+00A0 take one).
_WIDTHS = {chr(cp): 1 for cp in range(0xA0)}


@cache
def _bounds() -> tuple[list[int], list[int]]:
    """WIDE and ZERO as sorted range bounds (first, last + 1, first, last + 1, …) for bisect."""

    def bounds(ranges: str) -> list[int]:
        out: list[int] = []
        i = 0
        while i < len(ranges):
            is_range = ranges[i + 1 : i + 2] == "-"
            last = ranges[i + 2] if is_range else ranges[i]
            out += [ord(ranges[i]), ord(last) + 1]
            i += 3 if is_range else 1
        return out

    return bounds(WIDE), bounds(ZERO)


def _char_width(ch: str) -> int:
    """Cells of one BMP character from U+00A0 on, by the same classes as `display_width`."""
    from bisect import bisect_right

    wide, zero = _bounds()
    cp = ord(ch)
    if bisect_right(wide, cp) % 2:
        return 2
    return 0 if bisect_right(zero, cp) % 2 else 1


def per_character_width(text: str) -> int:
    """`display_width` of a BMP text, summed character by character (each measured once)."""
    try:
        return sum(map(_WIDTHS.__getitem__, text))
    except KeyError:
        for ch in set(text).difference(_WIDTHS):
            _WIDTHS[ch] = _char_width(ch)
        return sum(map(_WIDTHS.__getitem__, text))


def display_width(text: str) -> int:
    """Terminal cells `text` takes on one line (control characters below U+00A0 count as one)."""
    global _per_character_left
    if text.isascii():
        return len(text)
    if _per_character_left:
        _per_character_left -= 1
        if max(text) <= "\uffff":
            return per_character_width(text)
    elif _uncommon().search(text) is None:
        # ASCII and common wide characters only: each wide one is three bytes of UTF-8 and two
        # cells, each other one byte and one cell
        n = len(text)
        return n + (len(text.encode()) - n) // 2
    elif _unusual().search(text) is None:
        # common narrow characters too: three bytes and one cell each (the full classes below
        # take longer still to compile)
        n = len(text)
        return n + (len(text.encode()) - n) // 2 - len(_narrow().findall(text))
    if max(text) > "\uffff":
        from rich.cells import cell_len

        return cell_len(text)
    not_wide, zero = _patterns()
    width = 2 * len(text) - sum(map(len, not_wide.findall(text)))
    if zero.search(text):
        width -= len(zero.findall(text))
    return width
