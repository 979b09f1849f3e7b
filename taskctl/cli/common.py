"""What every command shares: the app context (database, language, actor) and the output options."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

import click

if TYPE_CHECKING:
    from taskctl.reports.report import Report
    from taskctl.store.engine import Store
    from taskctl.store.reader import Reader
    from taskctl.store.writer import SqliteWriter, Writer


class App:
    """Per-invocation state: opens the database only when a command needs it."""

    def __init__(self, db: str | None, lang: str | None, actor: str | None) -> None:
        from taskctl.labels import detect_lang

        self.db = db
        self.lang = detect_lang(lang)
        self._actor = actor
        self._store: Store | None = None
        self._writer: SqliteWriter | None = None
        #: `taskctl --ascii …` (before the command) draws every table in ASCII, as `--ascii` after it
        self.ascii_only = False

    @property
    def store(self) -> Store:
        if self._store is None:
            from taskctl.store.engine import open_store

            self._store = open_store(self.db)
        return self._store

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """A Reader for report queries (on SQLite without loading SQLAlchemy at all)."""
        if self._store is not None:
            with self._store.query() as db:
                yield db
            return
        from taskctl.store.engine import resolve_url
        from taskctl.store.reader import open_reader

        with open_reader(resolve_url(self.db)) as db:
            yield db

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """A Writer in one transaction for a write command (on a current SQLite file without
        loading SQLAlchemy at all); committed if the block ends normally, else rolled back.

        On a SQLite file the connection stays open for the command's next transaction (an import
        writes one per document): opening and closing it each time would also checkpoint the
        log into the database each time, two more fsyncs per document."""
        if self._store is not None:
            with self._store.write() as db:
                yield db
            return
        if self._writer is None:
            from taskctl.store.engine import resolve_url
            from taskctl.store.reader import sqlite_path
            from taskctl.store.writer import sqlite_writer

            url = resolve_url(self.db)
            path = sqlite_path(url)
            if path is None:  # PostgreSQL: the store's engine, kept for the command
                with self.store.write() as db:
                    yield db
                return
            self._writer = sqlite_writer(path)
        with self._writer.transaction() as db:
            yield db

    def actor(self, override: str | None = None) -> str:
        """Who makes a change: `--by`, else `TASKCTL_USER`, else the OS user."""
        name = override or self._actor or os.environ.get("TASKCTL_USER")
        if not name:
            import getpass

            try:
                name = getpass.getuser()
            except Exception:  # noqa: BLE001 - no user database entry (containers)
                name = "unknown"
        return name

    def emit(self, report: Report, out: Output, *, limit: int | None = None) -> None:
        """Render `report` as the output options ask (`limit` overrides `--limit`)."""
        from taskctl.render.output import emit

        emit(
            report,
            fmt=out.fmt,
            output=out.path,
            lang=self.lang,
            ascii_only=out.ascii_only or self.ascii_only,
            limit=out.limit if limit is None else limit,
        )
        if out.path and out.path != "-":
            rows = report.row_count()
            click.echo(
                f"已写入 {out.path}（{rows} 行）"
                if self.lang == "zh"
                else f"written to {out.path} ({rows} rows)",
                err=True,
            )

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._store is not None:
            self._store.dispose()


pass_app = click.make_pass_decorator(App)


class Output(NamedTuple):
    """Where and how a command prints its rows (`--format`, `-o`, `--limit`, `--ascii`). A named
    tuple rather than a dataclass: every command builds one, and a dataclass costs each process a
    third of a millisecond to define."""

    fmt: str | None = None
    path: str | None = None
    limit: int | None = None
    ascii_only: bool = False


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--format`, `-o/--output`, `--limit` and `--ascii`, shared by every command that prints rows;
    the command receives them as one `out: Output`."""

    @click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv", "md", "html", "xlsx", "docx"]),
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
    def wrapper(
        *args: Any,
        fmt: str | None,
        output: str | None,
        limit: int | None,
        ascii_only: bool,
        **kwargs: Any,
    ) -> Any:
        return func(*args, out=Output(fmt, output, limit, ascii_only), **kwargs)

    return wrapper


def _as_of_callback(
    ctx: click.Context, param: click.Parameter, value: str | None, *, default_today: bool
) -> date | None:
    from taskctl.errors import InvalidValueError

    if value is None:
        return date.today() if default_today else None
    try:
        return parse_date_option(value)
    except InvalidValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def as_of_option(
    help: str = "Measure deadlines on this day instead of today (2013-01-15, 上周五, -7d …).",
    *,
    default_today: bool = True,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--as-of DATE` (any form `parse_when` reads), handed to the command as a date: today when not
    given, or None with `default_today=False` (the command then picks its own day)."""
    callback = functools.partial(_as_of_callback, default_today=default_today)
    return click.option("--as-of", metavar="DATE", callback=callback, help=help)


def light_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--warn-days` and `--lag-points`, handed to the command as one `rules: LightRules`."""
    from taskctl.reports.lights import DEFAULT_RULES, LightRules

    @click.option(
        "--warn-days",
        type=click.IntRange(min=0),
        default=DEFAULT_RULES.warn_days,
        show_default=True,
        help="Yellow light when a task is due within this many days.",
    )
    @click.option(
        "--lag-points",
        type=click.IntRange(min=0, max=100),
        default=DEFAULT_RULES.lag_points,
        show_default=True,
        help="Yellow light when reported percent trails the elapsed share of time (序时进度) "
        "by more than this.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, warn_days: int, lag_points: int, **kwargs: Any) -> Any:
        return func(*args, rules=LightRules(warn_days=warn_days, lag_points=lag_points), **kwargs)

    return wrapper


def unit_option(
    help: str = "Only tasks this unit has a role in (a unique part of its name).",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("-u", "--unit", help=help)


def document_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-d", "--document", help="Only this document (key or id).")(func)


def actor_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--by NAME`: who makes the change (else TASKCTL_USER, else the OS user)."""
    return click.option(
        "--by",
        "by",
        metavar="NAME",
        help="Who makes the change (default: $TASKCTL_USER or the OS user).",
    )(func)


#: What a clerk may type where a date is asked for (said when a date cannot be read).
DATE_FORMS = "write it as 2026-06-30, 6月30日, 6月底前, 年底, 下周五, 下月底 or +2w"


def parse_date_option(value: str | None, *, today: Any = None) -> Any:
    """A date given on the command line (ISO, dateutil, Chinese phrases, +2w), or None."""
    if value is None:
        return None
    from datetime import date

    if len(value) == 10 and value[4] == value[7] == "-" and value.isascii():
        # ISO, what scripts and most clerks type: no need to load the phrase grammar
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    from taskctl.dates import parse_when
    from taskctl.errors import InvalidValueError

    try:
        return parse_when(value, today or date.today())
    except InvalidValueError as exc:
        if "not a date I can read" not in str(exc):
            raise
        raise InvalidValueError(f"{exc}; {DATE_FORMS}") from None


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that say how to read a plan (`--encoding`, `--first-lead`, `--default-deadline`),
    shared by `import` and `revise`."""
    for option in reversed(
        (
            click.option(
                "--encoding",
                help="Force the text encoding (default: detected; e.g. gb18030, utf-16).",
            ),
            click.option(
                "--first-lead",
                is_flag=True,
                help="Where only 责任单位 is given, make the first unit the lead and the rest support.",
            ),
            click.option(
                "--default-deadline",
                metavar="DATE",
                help="Deadline of tasks that name none (default: the end of the plan period).",
            ),
        )
    ):
        command = option(command)
    return command
