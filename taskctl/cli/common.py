"""What every command shares: the app context (database, language, actor) and the output options."""

from __future__ import annotations

import functools
import getpass
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from taskctl.render import Report
    from taskctl.store.engine import Store


class App:
    """Per-invocation state: opens the database only when a command needs it."""

    def __init__(self, db: str | None, lang: str | None, actor: str | None) -> None:
        from taskctl.labels import detect_lang

        self.db = db
        self.lang = detect_lang(lang)
        self._actor = actor
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from taskctl.store.engine import open_store

            self._store = open_store(self.db)
        return self._store

    def actor(self, override: str | None = None) -> str:
        """Who makes a change: `--by`, else `TASKCTL_USER`, else the OS user."""
        name = override or self._actor or os.environ.get("TASKCTL_USER")
        if not name:
            try:
                name = getpass.getuser()
            except Exception:  # noqa: BLE001 - no user database entry (containers)
                name = "unknown"
        return name

    def emit(
        self,
        report: Report,
        *,
        fmt: str | None,
        output: str | None,
        limit: int | None = None,
        ascii_only: bool = False,
    ) -> None:
        from taskctl.render.output import emit

        emit(report, fmt=fmt, output=output, lang=self.lang, ascii_only=ascii_only, limit=limit)

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()


pass_app = click.make_pass_decorator(App)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--format`, `-o/--output`, `--limit` and `--ascii`, shared by every command that prints rows."""

    @click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv", "md", "xlsx", "docx"]),
        help="Output format (default: table, or from the -o file's extension).",
    )
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True),
        help="Write to FILE instead of standard output.",
    )
    @click.option(
        "--limit",
        type=click.IntRange(min=0),
        help="Show at most N rows on a terminal (0: all; default 200).",
    )
    @click.option(
        "--ascii", "ascii_only", is_flag=True, help="Draw tables with ASCII characters only."
    )
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def actor_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--by NAME`: who makes the change (else TASKCTL_USER, else the OS user)."""
    return click.option(
        "--by",
        "by",
        metavar="NAME",
        help="Who makes the change (default: $TASKCTL_USER or the OS user).",
    )(func)


def parse_date_option(value: str | None, *, today: Any = None) -> Any:
    """A date given on the command line (ISO, dateutil, Chinese phrases, +2w), or None."""
    if value is None:
        return None
    from datetime import date

    from taskctl.dates import parse_when

    return parse_when(value, today or date.today())
