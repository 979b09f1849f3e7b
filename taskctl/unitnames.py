"""Unit names as stored and looked up: normalisation, group placeholders, optional prefixes (省).

Plain text functions (no database), shared by the importer, the write side and the lookups.
"""

from __future__ import annotations

import re
import unicodedata

from taskctl.vocab import GROUP_UNIT_PATTERN, OPTIONAL_UNIT_PREFIXES

_SPACE = re.compile(r"\s+")
_TRAILING_DENG = re.compile(r"等$")
_GROUP = re.compile(GROUP_UNIT_PATTERN)


def normalize_unit_name(name: str) -> str:
    """NFKC, no white space, no trailing 等: the form units are stored and looked up in."""
    name = _SPACE.sub("", unicodedata.normalize("NFKC", name))
    return _TRAILING_DENG.sub("", name)


def unit_kind(name: str) -> str:
    """'group' for placeholders such as 各有关处室 or 有关市、县科技局, else 'department'."""
    return "group" if _GROUP.search(name) else "department"


def prefix_variants(name: str) -> list[str]:
    """The same name with each optional prefix (省…) taken off, or put on when it has none."""
    out = []
    for prefix in OPTIONAL_UNIT_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            out.append(name[len(prefix) :])
        else:
            out.append(prefix + name)
    return out
