"""What every report query returns: a title, columns with headers in both languages, and plain rows.

Reports build these; `taskctl.render` turns them into a terminal table, json, csv, md, xlsx or docx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

#: Rows per batch of a streamed report (and per piece of a long listing's text).
BATCH = 2000


@dataclass
class Column:
    """One column: its JSON key, its header in both languages, how to show its values.

    kind: text | int | date | list | status | light | percent | role | unit_kind | bar (a percentage
    drawn as a small bar; terminal only).
    `table`: shown on the terminal; `export`: written by json, csv, md, xlsx and docx;
    `for_people`: False for a machine key (`open`, `done_this_week`) that json and csv carry but the
    documents a clerk sends on (md, xlsx, docx) leave out.
    """

    key: str
    zh: str
    en: str
    kind: str = "text"
    wrap: bool = False
    table: bool = True
    export: bool = True
    for_people: bool = True

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass
class Report:
    """What a report query returns and every renderer takes."""

    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    summary: str | None = None
    subtitle: str | None = None
    sections: list[Report] = field(default_factory=list)
    #: A stable English name (JSON key of a section, xlsx sheet fallback); optional.
    key: str | None = None
    #: A streamed report's rows, batch by batch off the database cursor (then `rows` stays empty
    #: and the reader must stay open until the report is written); json and csv take them so.
    batches: Callable[[], Iterator[list[dict[str, Any]]]] | None = None
    #: Rows handed out by `row_batches` so far.
    streamed: int = 0

    def row_batches(self) -> Iterator[list[dict[str, Any]]]:
        """The rows in batches of at most `BATCH`: off the cursor for a streamed report."""
        if self.batches is None:
            for start in range(0, len(self.rows), BATCH):
                yield self.rows[start : start + BATCH]
            return
        for batch in self.batches():
            self.streamed += len(batch)
            yield batch

    def row_count(self) -> int:
        """How many rows the report has (a streamed one: how many it has written)."""
        return self.streamed if self.batches is not None else len(self.rows)


def column(key: str, kind: str = "text", **kw: Any) -> Column:
    """A column whose headers come from `taskctl.labels`."""
    from taskctl.labels import LABELS

    zh, en = LABELS.get(key, (key, key))
    return Column(key=key, zh=zh, en=en, kind=kind, **kw)
