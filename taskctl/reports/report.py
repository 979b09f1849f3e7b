"""What every report query returns: a title, columns with headers in both languages, and plain rows.

Reports build these; `taskctl.render` turns them into a terminal table, json, csv, md, xlsx or docx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

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


class Tally(Protocol):
    """A summary line made while the rows pass: `add` sees every batch, `text` says it after the last."""

    def add(self, rows: list[dict[str, Any]]) -> None: ...

    def text(self) -> str: ...


@dataclass
class Report:
    """What a report query returns and every renderer takes.

    A listing is built as `batches` (a streamed report, rows straight off the database cursor);
    `materialize` turns it into `rows` for the renderers that need them all at once (html, xlsx, docx,
    and library callers). Its summary line, which needs every row, is kept by `tally` and set once
    the last batch has passed.
    """

    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    summary: str | None = None
    subtitle: str | None = None
    sections: list[Report] = field(default_factory=list)
    #: A stable English name (JSON key of a section, xlsx sheet fallback); optional.
    key: str | None = None
    #: A streamed report's rows, batch by batch off the database cursor (then `rows` stays empty
    #: and the reader must stay open until the report is written). They can be taken once.
    batches: Callable[[], Iterator[list[dict[str, Any]]]] | None = None
    #: Rows handed out by `row_batches` so far.
    streamed: int = 0
    #: What makes `summary` from the rows as they pass (a streamed report's summary is None until then).
    tally: Tally | None = None
    #: Rows counted but not held (a terminal table shows the first ones and says how many more).
    omitted: int = 0
    #: Whether a streamed report's rows have been asked for (the cursor runs once).
    taken: bool = field(default=False, repr=False)

    def row_batches(self) -> Iterator[list[dict[str, Any]]]:
        """The rows in batches of at most `BATCH`: off the cursor for a streamed report, whose
        summary is set when the last batch has been taken."""
        if self.batches is None:
            for start in range(0, len(self.rows), BATCH):
                yield self.rows[start : start + BATCH]
            return
        if self.taken:
            raise RuntimeError("a streamed report's rows can be taken only once")
        self.taken = True
        batches, tally = self.batches(), self.tally
        for batch in batches:
            self.streamed += len(batch)
            if tally is not None:
                tally.add(batch)
            yield batch
        if tally is not None:
            self.summary = tally.text()

    @property
    def summary_pending(self) -> bool:
        """Whether the summary line waits for the rows (a streamed report not yet written)."""
        return self.tally is not None and self.batches is not None and self.summary is None

    def materialize(self) -> Report:
        """Take a streamed report's rows into `rows` (and its summary); a no-op on any other."""
        if self.batches is not None:
            rows = [row for batch in self.row_batches() for row in batch]
            self.rows, self.batches = rows, None
        return self

    def keep_first(self, limit: int | None) -> Report:
        """Hold at most the first `limit` rows (all with None) and count the rest in `omitted`: what a
        terminal table needs of a streamed report, however long."""
        if self.batches is None:
            return self
        kept: list[dict[str, Any]] = []
        for batch in self.row_batches():
            if limit is None:
                kept.extend(batch)
            elif len(kept) < limit:
                kept.extend(batch[: limit - len(kept)])
        self.omitted = self.streamed - len(kept)
        self.rows, self.batches = kept, None
        return self

    def row_count(self) -> int:
        """How many rows the report has (a streamed one: how many it has written)."""
        if self.batches is not None:
            return self.streamed
        return len(self.rows) + self.omitted


def column(key: str, kind: str = "text", **kw: Any) -> Column:
    """A column whose headers come from `taskctl.labels`."""
    from taskctl.labels import LABELS

    zh, en = LABELS.get(key, (key, key))
    return Column(key=key, zh=zh, en=en, kind=kind, **kw)
