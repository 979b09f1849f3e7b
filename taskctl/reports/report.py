"""What every report query returns: a title, columns with headers in both languages, and plain rows.

Reports build these; `taskctl.render` turns them into a terminal table, json, csv, md, xlsx or docx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

#: Rows per batch of a streamed report (and per piece of a long listing's text).
BATCH = 2000


# Plain classes rather than dataclasses: every report process defines them, and a dataclass costs
# it a quarter of a millisecond to define.

_COLUMN_FIELDS = ("key", "zh", "en", "kind", "wrap", "table", "export", "for_people")


class Column:
    """One column: its JSON key, its header in both languages, how to show its values.

    kind: text | int | date | list | status | light | percent | role | unit_kind | bar (a percentage
    drawn as a small bar; terminal only).
    `table`: shown on the terminal; `export`: written by json, csv, md, xlsx and docx;
    `for_people`: False for a machine key (`open`, `done_this_week`) that json and csv carry but the
    documents a clerk sends on (md, xlsx, docx) leave out.
    """

    __slots__ = _COLUMN_FIELDS

    def __init__(
        self,
        key: str,
        zh: str,
        en: str,
        kind: str = "text",
        wrap: bool = False,
        table: bool = True,
        export: bool = True,
        for_people: bool = True,
    ) -> None:
        self.key = key
        self.zh = zh
        self.en = en
        self.kind = kind
        self.wrap = wrap
        self.table = table
        self.export = export
        self.for_people = for_people

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _COLUMN_FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Column) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _COLUMN_FIELDS)
        return f"Column({fields})"


if TYPE_CHECKING:
    from typing import Protocol

    class Tally(Protocol):
        """A summary line made while the rows pass: `add` sees every batch, `text` says it after the last."""

        def add(self, rows: list[dict[str, Any]]) -> None: ...

        def text(self) -> str: ...


class Report:
    """What a report query returns and every renderer takes.

    A listing is built as `batches` (a streamed report, rows straight off the database cursor);
    `materialize` turns it into `rows` for the renderers that need them all at once (html, xlsx, docx,
    and library callers). Its summary line, which needs every row, is kept by `tally` and set once
    the last batch has passed.

    `key`: a stable English name (JSON key of a section, xlsx sheet fallback); optional.
    `batches`: a streamed report's rows, batch by batch off the database cursor (then `rows` stays
    empty and the reader must stay open until the report is written). They can be taken once.
    `streamed`: rows handed out by `row_batches` so far.
    `tally`: what makes `summary` from the rows as they pass (a streamed report's summary is None
    until then).
    `omitted`: rows counted but not held (a terminal table shows the first ones and says how many
    more).
    `taken`: whether a streamed report's rows have been asked for (the cursor runs once).
    """

    def __init__(
        self,
        title: str,
        columns: list[Column],
        rows: list[dict[str, Any]],
        summary: str | None = None,
        subtitle: str | None = None,
        sections: list[Report] | None = None,
        key: str | None = None,
        batches: Callable[[], Iterator[list[dict[str, Any]]]] | None = None,
        streamed: int = 0,
        tally: Tally | None = None,
        omitted: int = 0,
        taken: bool = False,
    ) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows
        self.summary = summary
        self.subtitle = subtitle
        self.sections: list[Report] = [] if sections is None else sections
        self.key = key
        self.batches = batches
        self.streamed = streamed
        self.tally = tally
        self.omitted = omitted
        self.taken = taken

    def __repr__(self) -> str:
        return f"Report(title={self.title!r}, {len(self.columns)} columns, {len(self.rows)} rows)"

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
