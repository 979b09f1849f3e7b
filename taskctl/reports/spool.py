"""Holding a long listing's pieces on disk, so that memory stays flat at any number of rows.

Some output cannot be written as the rows come off the cursor: aligned plain text needs every
column's width before its first line, a summary line above a Markdown table needs every row, and
`unit-report` orders each role's tasks by light, which is known only once a row is built. Those
pieces wait in a `Spool`: in memory up to a few megabytes, then in a temporary file (deleted when
closed), read back in the order they were added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: Bytes a spool keeps in memory before it moves to a temporary file.
IN_MEMORY = 1024 * 1024
#: Rows `ranked` gathers per rank before they go to its spool.
PIECE = 500


class Spool:
    """Pieces (any picklable values) added one by one and read back once, in order; the first is
    kept as it is, so a listing of one batch is never pickled (and a short report loads neither
    pickle nor tempfile, 2-3 ms of imports)."""

    def __init__(self) -> None:
        self._first: Any = None
        self._count = 0
        self._file: Any = None

    def add(self, piece: Any) -> None:
        if self._count == 0:
            self._first = piece
        else:
            import pickle

            if self._file is None:
                from tempfile import SpooledTemporaryFile

                self._file = SpooledTemporaryFile(max_size=IN_MEMORY)  # noqa: SIM115 - closed in __iter__
            pickle.dump(piece, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        """The pieces in the order they were added; the spool is empty afterwards."""
        count, first, file = self._count, self._first, self._file
        self._count, self._first, self._file = 0, None, None
        if count:
            yield first
        if file is None:
            return
        import pickle

        try:
            file.seek(0)
            for _ in range(count - 1):
                yield pickle.load(file)  # one unpickler per piece: each was pickled on its own
        finally:
            file.close()


def ranked(
    batches: Iterable[list[dict[str, Any]]],
    group: Callable[[dict[str, Any]], Any],
    rank: Callable[[dict[str, Any]], int],
) -> Iterator[list[dict[str, Any]]]:
    """Rows that come ordered by their `group` (and within it as they should stay) reordered by
    (group, rank, arrival): a stable sort on a small rank within each group, in flat memory.

    Rank 0 rows pass straight on; the others wait in a spool per rank until their group ends.
    """
    current: Any = object()
    waiting: dict[int, tuple[list[dict[str, Any]], Spool]] = {}

    def flush() -> Iterator[list[dict[str, Any]]]:
        for key in sorted(waiting):
            pending, spool = waiting[key]
            yield from spool
            if pending:
                yield pending
        waiting.clear()

    for batch in batches:
        out: list[dict[str, Any]] = []
        for row in batch:
            g = group(row)
            if g != current:
                if out:
                    yield out
                    out = []
                yield from flush()
                current = g
            r = rank(row)
            if r == 0:
                out.append(row)
                continue
            pending, spool = waiting.setdefault(r, ([], Spool()))
            pending.append(row)
            if len(pending) >= PIECE:
                spool.add(pending)
                waiting[r] = ([], spool)
        if out:
            yield out
    yield from flush()
