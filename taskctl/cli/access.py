"""`taskctl access grant|revoke|list`: who may change what on the shared PostgreSQL server."""

from __future__ import annotations

import click

from taskctl.cli.common import App, pass_app

_KIND_ZH = {"office": "督办室", "unit": "单位联络员", "reader": "只读"}


def _server_only(app: App) -> None:
    """Refuse before opening (and so creating) a SQLite file."""
    from taskctl.store.access import require_server
    from taskctl.store.engine import resolve_url

    if resolve_url(app.db).startswith("sqlite"):
        require_server("sqlite")


def _describe(app: App, access) -> str:  # type: ignore[no-untyped-def]
    zh = app.lang == "zh"
    if not access.kinds:
        return f"{access.user}：无权限" if zh else f"{access.user}: no access"
    kinds = [_KIND_ZH[k] if zh else k for k in access.kinds]
    text = f"{access.user}: {', '.join(kinds)}"
    if access.units:
        text += f" ({'、'.join(access.units)})"
    return text.replace(": ", "：", 1) if zh else text


@click.group("access")
def access_group() -> None:
    """Who may change what on the shared PostgreSQL server: unit clerks, the office, readers.

    The database itself enforces it (group roles, GRANTs and row-level security): a unit's clerk
    sees its own units' tasks only and changes only their status, progress and deadline. Needs a role with
    CREATEROLE (the office's admin role); on a SQLite file there is nothing to control.

    \b
    Example:
      taskctl access grant zhangsan --unit 高新处
      taskctl access grant liuke --office
      taskctl access grant leader1 --reader
      taskctl access list
    """


@access_group.command("grant")
@click.argument("user")
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="A unit the clerk reports for (repeatable).",
)
@click.option(
    "--office", is_flag=True, help="Supervision office: import, assign, revise, remind, units."
)
@click.option("--reader", is_flag=True, help="Read everything, change nothing (leaders).")
@click.option(
    "--password",
    metavar="TEXT",
    help="Set the login role's password (else set it in psql with \\password).",
)
@pass_app
def access_grant_cmd(
    app: App, user: str, units: tuple[str, ...], office: bool, reader: bool, password: str | None
) -> None:
    """Give USER (a database login role, created if missing) one kind of access.

    \b
    Example:
      taskctl access grant zhangsan --unit 高新处 --unit 高新技术处
      taskctl access grant liuke --office
    """
    from taskctl.store.access import grant

    _server_only(app)
    with app.writing() as db:
        access = grant(db, user, units=list(units), office=office, reader=reader, password=password)
    prefix = "已授权 " if app.lang == "zh" else "granted "
    click.echo(prefix + _describe(app, access))


@access_group.command("revoke")
@click.argument("user")
@click.option(
    "--unit", "units", multiple=True, metavar="NAME", help="Take only this unit away (repeatable)."
)
@pass_app
def access_revoke_cmd(app: App, user: str, units: tuple[str, ...]) -> None:
    """Take USER's access away (all of it, or only --unit); the login role itself stays.

    \b
    Example:
      taskctl access revoke zhangsan
      taskctl access revoke zhangsan --unit 高新技术处
    """
    from taskctl.store.access import revoke

    _server_only(app)
    with app.writing() as db:
        access = revoke(db, user, units=list(units))
    prefix = "已收回，现为 " if app.lang == "zh" else "revoked, now "
    click.echo(prefix + _describe(app, access))


@access_group.command("list")
@pass_app
def access_list_cmd(app: App) -> None:
    """List every database role with taskctl access, its kind and its units.

    \b
    Example:
      taskctl access list
    """
    from taskctl.store.access import list_access

    _server_only(app)
    with app.reading() as db:
        found = list_access(db)
    for access in found:
        click.echo(_describe(app, access))
    if not found:
        click.echo("（无）" if app.lang == "zh" else "(nobody)")


COMMANDS = [access_group]
