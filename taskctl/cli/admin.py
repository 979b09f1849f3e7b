"""Looking after the database: `backup`, `db version`, `db upgrade`, `db copy`."""

from __future__ import annotations

import click

from taskctl.cli.common import App, pass_app


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=True, file_okay=True))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@pass_app
def backup_cmd(app: App, file: str, force: bool) -> None:
    """Copy the database to FILE, consistently, even while others are writing to it.

    The copy is a complete taskctl database: open it with `--db FILE`. Works on SQLite files; for a
    PostgreSQL database use `pg_dump` (see docs/postgresql.md).

    \b
    Example:
      taskctl backup backups/taskctl-2026-06-30.db
      taskctl --db backups/taskctl-2026-06-30.db list
    """
    from taskctl.store.backup import backup_database
    from taskctl.store.engine import resolve_url

    result = backup_database(resolve_url(app.db), file, force=force)
    if app.lang == "zh":
        click.echo(
            f"已备份到 {result.path} ({_size(result.size)}): 文件 {result.documents} 个, "
            f"条目 {result.tasks} 条, 记录 {result.events} 条"
        )
    else:
        click.echo(
            f"backed up to {result.path} ({_size(result.size)}): {result.documents} documents, "
            f"{result.tasks} items, {result.events} events"
        )


@click.group("db")
def db_group() -> None:
    """Database schema: show its revision, upgrade it, copy it to another database.

    Every command upgrades an older database by itself; these commands make it explicit.

    \b
    Example:
      taskctl db version
      taskctl --db postgresql+psycopg://taskctl@dbserver/taskctl db upgrade
    """


@db_group.command("version")
@pass_app
def db_version_cmd(app: App) -> None:
    """Show the schema revision of the database and the newest this taskctl knows.

    Exits with status 1 if the database was made by a newer taskctl.

    \b
    Example:
      taskctl db version
    """
    from taskctl.errors import DatabaseError
    from taskctl.store.backup import schema_state

    store = _open(app)
    try:
        state = schema_state(store)
    finally:
        store.dispose()
    zh = app.lang == "zh"
    current = state.current or "-"
    if zh:
        click.echo(f"数据库：{_display(state.url)}")
        click.echo(f"结构版本：{current}（本 taskctl：{state.head}）")
    else:
        click.echo(f"database: {_display(state.url)}")
        click.echo(f"schema revision: {current} (this taskctl: {state.head})")
    if state.status == "newer":
        raise DatabaseError(
            f"schema revision {state.current} is newer than this taskctl; upgrade taskctl"
        )
    hints = {
        "empty": (
            "还没有 taskctl 的表；首次使用时创建",
            "no taskctl tables yet; they are created on first use",
        ),
        "current": ("已是最新", "up to date"),
        "older": (
            "较旧；运行 `taskctl db upgrade`（或任意命令）即可升级",
            "older; run `taskctl db upgrade` (or any command) to upgrade it",
        ),
    }
    click.echo(hints[state.status][0 if zh else 1])


@db_group.command("upgrade")
@pass_app
def db_upgrade_cmd(app: App) -> None:
    """Upgrade the database schema to the newest revision this taskctl knows.

    Back up first (`taskctl backup FILE`, or `pg_dump` on PostgreSQL). A database made by a newer
    taskctl is refused and left as it is.

    \b
    Example:
      taskctl backup before-upgrade.db && taskctl db upgrade
    """
    from taskctl.store.backup import upgrade_schema

    store = _open(app, create=True)
    try:
        before, after = upgrade_schema(store)
    finally:
        store.dispose()
    zh = app.lang == "zh"
    if before == after:
        click.echo(f"结构版本 {after}：已是最新" if zh else f"schema revision {after}: up to date")
    elif zh:
        click.echo(f"结构已升级：{before or '（空）'} → {after}")
    else:
        click.echo(f"schema upgraded: {before or '(empty)'} → {after}")


@db_group.command("copy")
@click.option(
    "--to",
    "to_url",
    metavar="URL|PATH",
    help="Copy this database into URL (an empty taskctl database).",
)
@click.option(
    "--from",
    "from_url",
    metavar="URL|PATH",
    help="Copy URL into this database (which must be empty).",
)
@click.option("--replace", is_flag=True, help="Overwrite a target that already holds tasks.")
@pass_app
def db_copy_cmd(app: App, to_url: str | None, from_url: str | None, replace: bool) -> None:
    """Copy every document, task, unit, alias, link, person and event, with their ids, times and
    versions, into another database (SQLite or PostgreSQL), in one transaction, and verify each
    table's row count and checksum.

    The target is brought to the current schema revision and must be empty unless --replace. Run
    it as the tables' owner on PostgreSQL. Who may change what (`taskctl access`) is not copied.

    \b
    Example:
      taskctl --db taskctl.db db copy --to postgresql+psycopg://taskctl@dbserver/taskctl
      taskctl --db postgresql+psycopg://taskctl@dbserver/taskctl db copy --to local.db
    """
    from taskctl.errors import InvalidValueError
    from taskctl.store.copy import copy_database
    from taskctl.store.engine import resolve_url

    if bool(to_url) == bool(from_url):
        raise InvalidValueError("give one of --to URL, --from URL")
    here = resolve_url(app.db)
    source, target = (here, resolve_url(to_url)) if to_url else (resolve_url(from_url), here)
    copied = copy_database(source, target, replace=replace)
    zh = app.lang == "zh"
    for table in copied:
        click.echo(f"{table.table:<20} {table.rows:>9}  {table.checksum[:16]}")
    total = sum(t.rows for t in copied)
    if zh:
        click.echo(f"已复制到 {_display(target)}：{len(copied)} 张表，{total} 行，行数与校验和一致")
    else:
        click.echo(
            f"copied to {_display(target)}: {len(copied)} tables, {total} rows, "
            "counts and checksums verified"
        )


def _open(app: App, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The database without the automatic upgrade (a missing SQLite file is made only if `create`)."""
    from taskctl.errors import DatabaseError
    from taskctl.store.backup import sqlite_file
    from taskctl.store.engine import Store, resolve_url

    url = resolve_url(app.db)
    path = sqlite_file(url) if url.startswith("sqlite") else None
    if path is not None and not create and not path.exists():
        raise DatabaseError(f"{path}: no database file (it is created on first use)")
    return Store(url, migrate=False)


def _display(url: str) -> str:
    from taskctl.store.engine import _display as display

    return display(url)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


COMMANDS = [backup_cmd, db_group]
