"""Roles enforced by PostgreSQL (migrations 0005 and 0006, `taskctl access`): each role's allowed
and refused operations, and what each role sees, through the CLI and through plain SQL as that
role; row-level security on the per-unit tables, the actor recorded as the role; on SQLite the
access commands refuse."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.conftest import PG_ENV, PG_SKIP, Runner, _pg_schema_url, seed

PASSWORD = "clerk-pw"


def test_access_needs_the_shared_server(sqlite_db: str) -> None:
    run = Runner(sqlite_db)
    for args in (("access", "list"), ("access", "grant", "zhangsan", "--unit", "高新处")):
        result = run.fails(*args)
        assert "access control needs the shared PostgreSQL server" in result.stderr
    assert not os.path.exists(sqlite_db)
    zh = run("--lang", "zh", "access", "list")
    assert zh.exit_code != 0 and "权限控制需要共享的 PostgreSQL 服务器" in zh.stderr


class Server:
    """A fresh schema holding zj2012, the admin's Runner on it, and login roles made for the test
    (unique names, dropped afterwards: roles belong to the whole cluster)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin = Runner(url)
        self.suffix = uuid.uuid4().hex[:8]
        self.roles: list[str] = []

    def role(self, name: str) -> str:
        role = f"t16_{name}_{self.suffix}"
        self.roles.append(role)
        return role

    def url_as(self, role: str) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.url).set(username=role, password=PASSWORD)
        return url.render_as_string(hide_password=False)

    def cli_as(self, role: str) -> Runner:
        return Runner(self.url_as(role))

    def sql_as(self, role: str):  # type: ignore[no-untyped-def]
        """A psycopg connection as `role` (autocommit off), search_path on the test schema."""
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.url_as(role))
        return psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            dbname=url.database,
            user=role,
            password=PASSWORD,
            options=url.query["options"],
        )

    def scalar(self, sql: str, params: tuple = ()):  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), dict(enumerate(params))).scalar()
        finally:
            engine.dispose()

    def task_id(self, ref: str) -> int:
        number = ref.split(":")[1]
        return int(self.scalar(f"SELECT id FROM tasks WHERE number = '{number}'"))


@pytest.fixture
def server() -> Iterator[Server]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    for url in _pg_schema_url(base):
        srv = Server(url)
        srv.admin.ok("import", seed("zj2012"), "--key", "zj2012")
        try:
            yield srv
        finally:
            import psycopg
            from sqlalchemy.engine import make_url

            u = make_url(base)
            with psycopg.connect(
                host=u.host, port=u.port or 5432, dbname=u.database, user=u.username,
                password=u.password, autocommit=True,
            ) as conn:  # fmt: skip
                for role in srv.roles:
                    conn.execute(f'DROP ROLE IF EXISTS "{role}"')


OWN = "zj2012:三.1"  # 高新处 leads it
OTHER = "zj2012:八.1"  # 计划处 and 省知识产权局 lead it; 高新处 has no part in it
#: The tasks of zj2012 高新处 is linked to (lead, support or responsible).
GAOXIN = ("二.2", "二.3", "三.1", "三.2", "三.3", "三.4", "四.3")


def _grant(server: Server, name: str, *flags: str) -> str:
    role = server.role(name)
    out = server.admin.ok("--lang", "en", "access", "grant", role, *flags, "--password", PASSWORD)
    assert out.startswith(f"granted {role}: ")
    return role


def test_grant_list_revoke(server: Server) -> None:
    clerk = _grant(server, "clerk", "--unit", "高新", "--unit", "计划处")
    office = _grant(server, "office", "--office")
    reader = _grant(server, "reader", "--reader")
    listed = server.admin.ok("--lang", "en", "access", "list")
    assert f"{clerk}: unit (高新处、计划处)" in listed
    assert f"{office}: office" in listed
    assert f"{reader}: reader" in listed
    zh = server.admin.ok("--lang", "zh", "access", "list")
    assert f"{clerk}：单位联络员 (高新处、计划处)" in zh
    out = server.admin.ok("--lang", "en", "access", "revoke", clerk, "--unit", "计划处")
    assert out.strip() == f"revoked, now {clerk}: unit (高新处)"
    out = server.admin.ok("--lang", "en", "access", "revoke", clerk)
    assert out.strip() == f"revoked, now {clerk}: no access"
    assert clerk not in server.admin.ok("access", "list")
    # bad input: one line each
    assert (
        "exactly one of"
        in server.admin.fails("access", "grant", "x1", "--office", "--reader").stderr
    )
    assert (
        "bad user name" in server.admin.fails("access", "grant", "taskctl_unit", "--office").stderr
    )
    assert (
        "no database role"
        in server.admin.fails("access", "revoke", f"nobody_{server.suffix}").stderr
    )
    assert (
        "unknown unit"
        in server.admin.fails("access", "grant", "x2", "--unit", "不存在处").stderr.lower()
    )


def test_a_clerk_changes_its_own_units_tasks_only_cli(server: Server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clerk = _grant(server, "clerk", "--unit", "高新处")
    cli = server.cli_as(clerk)
    cli.ok("status", OWN, "已签收", "--by", "张三")
    cli.ok("progress", OWN, "已认定120家", "--percent", "40")
    cli.ok("deadline", OWN, "2013-03-31", "--note", "认定批次推迟")
    history = cli.json("history", OWN)
    assert [e["actor"] for e in history[-3:]] == [clerk, clerk, clerk]  # not the typed 张三
    assert (
        server.scalar(f"SELECT actor FROM progress_reports WHERE task_id = {server.task_id(OWN)}")
        == clerk
    )

    other = server.task_id(OTHER)
    before = server.scalar(f"SELECT count(*) FROM events WHERE task_id = {other}")
    for args in (
        ("status", OTHER, "已签收"),
        ("progress", OTHER, "抢报进展"),
        ("deadline", OTHER, "2013-06-30", "--note", "x"),
        ("status", OWN, OTHER, "已办结"),  # one refused task refuses the whole batch
    ):
        # the clerk does not see another unit's task (migration 0006): it is unknown to it
        result = cli.fails(*args)
        assert result.stderr.strip() == (
            f"taskctl: error: unknown task '{OTHER}' (give an id from `taskctl list` or KEY:NUMBER)"
        )
    result = cli.fails("status", str(other), "已签收")
    assert result.stderr.strip() == f"taskctl: error: unknown task '{other}' (see `taskctl list`)"
    assert server.scalar(f"SELECT count(*) FROM events WHERE task_id = {other}") == before
    assert server.scalar(f"SELECT status FROM tasks WHERE id = {other}") == "assigned"
    assert server.scalar(f"SELECT status FROM tasks WHERE id = {server.task_id(OWN)}") == "accepted"
    zh = cli("--lang", "zh", "status", OTHER, "已签收")
    assert zh.exit_code != 0 and f"未知任务 '{OTHER}'" in zh.stderr
    # what only the office does
    for args in (
        ("import", seed("gd2012"), "--key", "gd2012"),
        ("assign", OWN, "--support", "计划处"),
        ("unit", "alias", "高新处", "高新技术处"),
    ):
        result = cli.fails(*args)
        assert result.stderr.startswith(
            f"taskctl: error: the database role {clerk} may not do this ("
        )
        assert "permission denied" in result.stderr or "row-level security" in result.stderr
    zh = cli("--lang", "zh", "unit", "alias", "高新处", "高新技术处")
    assert f"数据库角色 {clerk} 无权这样做（permission denied for table unit_aliases）" in zh.stderr
    result = cli.fails("remind", "--as-of", "2013-01-15", "-o", str(tmp_path / "r.docx"))
    assert "row-level security" in result.stderr
    # reads are its own units' tasks only
    assert len(cli.json("list")) == len(GAOXIN)


def test_the_database_refuses_a_clerk_through_plain_sql(server: Server) -> None:
    import psycopg

    clerk = _grant(server, "clerk", "--unit", "高新处")
    own, other = server.task_id(OWN), server.task_id(OTHER)
    with server.sql_as(clerk) as conn:
        # an update of another unit's task matches no row: row-level security hides it
        cur = conn.execute("UPDATE tasks SET status = 'done' WHERE id = %s", (other,))
        assert cur.rowcount == 0
        cur = conn.execute("UPDATE tasks SET status = 'accepted' WHERE id = %s", (own,))
        assert cur.rowcount == 1
        # the trigger's copy of the status to the task's links went through too
        links = conn.execute(
            "SELECT DISTINCT status FROM task_units WHERE task_id = %s", (own,)
        ).fetchall()
        assert links == [("accepted",)]
        conn.execute(
            "INSERT INTO events (task_id, kind, actor, created_at) VALUES (%s, 'status', '张三', now())",
            (own,),
        )
        conn.commit()
    assert (
        server.scalar(f"SELECT actor FROM events WHERE task_id = {own} ORDER BY id DESC LIMIT 1")
        == clerk
    )
    refused = [
        ("INSERT INTO events (task_id, kind, actor, created_at) VALUES (%s, 'status', 'x', now())", (other,)),
        ("INSERT INTO events (task_id, kind, actor, created_at) VALUES (%s, 'assign', 'x', now())", (own,)),
        ("INSERT INTO progress_reports (task_id, text, actor, reported_at) VALUES (%s, 'x', 'x', now())", (other,)),
        ("UPDATE tasks SET title = 'x' WHERE id = %s", (own,)),
        ("INSERT INTO units (name, kind, created_at) VALUES ('新处', 'department', now())", ()),
        ("UPDATE units SET name = 'x' WHERE name = '高新处'", ()),
        ("DELETE FROM documents", ()),
        ("DELETE FROM tasks WHERE id = %s", (own,)),
        ("INSERT INTO task_units (task_id, unit_id, role, position) VALUES (%s, 1, 'support', 9)", (own,)),
        ("INSERT INTO access_units (role_name, unit_id) VALUES (current_user, 1)", ()),
        ("UPDATE task_units SET status = 'done' WHERE task_id = %s", (other,)),
    ]  # fmt: skip
    for sql, params in refused:
        with server.sql_as(clerk) as conn:
            try:
                cur = conn.execute(sql, params)
            except psycopg.errors.InsufficientPrivilege as exc:
                assert "permission denied" in str(exc) or "row-level security" in str(exc), sql
            else:
                assert cur.rowcount == 0, sql
    assert server.scalar(f"SELECT status FROM tasks WHERE id = {other}") == "assigned"
    assert server.scalar(f"SELECT count(*) FROM events WHERE task_id = {other}") == 1  # import
    assert server.scalar("SELECT count(*) FROM units WHERE name = '新处'") == 0


def test_a_reader_reads_and_changes_nothing(server: Server) -> None:
    import psycopg

    reader = _grant(server, "reader", "--reader")
    cli = server.cli_as(reader)
    assert len(cli.json("list")) == 26
    cli.ok("overdue", "--as-of", "2013-01-15")
    result = cli.fails("status", OWN, "已签收")
    assert (
        result.stderr.strip()
        == f"taskctl: error: {reader} may only read this database (taskctl_reader)"
    )
    assert "permission denied" in cli.fails("import", seed("gd2012"), "--key", "gd2012").stderr
    for sql in ("UPDATE tasks SET status = 'done'", "INSERT INTO events (kind, actor, created_at) VALUES ('x', 'x', now())", "DELETE FROM units"):  # fmt: skip
        with server.sql_as(reader) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql)
    with server.sql_as(reader) as conn:
        assert conn.execute("SELECT count(*) FROM tasks WHERE kind = 'task'").fetchone() == (26,)


def test_the_office_imports_assigns_and_keeps_units(server: Server) -> None:
    office = _grant(server, "office", "--office")
    cli = server.cli_as(office)
    cli.ok("import", seed("sc2012"), "--key", "sc2012")
    assert server.scalar("SELECT imported_by FROM documents WHERE key = 'sc2012'") is not None
    cli.ok("assign", OTHER, "--support", "高新处", "--by", "张三")
    cli.ok("status", OTHER, "已签收")
    cli.ok("unit", "alias", "高新处", "高新技术处")
    history = cli.json("history", OTHER)
    assert {e["actor"] for e in history[-2:]} == {office}
    with server.sql_as(office) as conn:
        conn.execute(
            "INSERT INTO units (name, kind, created_at) VALUES ('新处', 'department', now())"
        )
        conn.commit()
    assert server.scalar("SELECT count(*) FROM units WHERE name = '新处'") == 1
    # now that 高新处 supports 八.1, its clerk may report on it
    clerk = _grant(server, "clerk", "--unit", "高新处")
    server.cli_as(clerk).ok("progress", OTHER, "配合完成")


def test_the_owner_keeps_the_typed_name(server: Server) -> None:
    server.admin.ok("status", OWN, "已签收", "--by", "张三")
    assert server.admin.json("history", OWN)[-1]["actor"] == "张三"


def test_a_merged_units_clerk_reports_for_the_merged_unit(server: Server) -> None:
    clerk = _grant(server, "clerk", "--unit", "计划处")
    server.admin.ok("unit", "merge", "计划处", "高新处")
    assert f"{clerk}: unit (高新处)" in server.admin.ok("--lang", "en", "access", "list")
    server.cli_as(clerk).ok("status", OWN, "已签收")


def test_a_password_is_a_literal_not_sql(server: Server) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    role = server.role("quote")
    odd = "it's 100%: x\"; DROP TABLE tasks; --"
    server.admin.ok("access", "grant", role, "--reader", "--password", odd)
    u = make_url(server.url)
    with psycopg.connect(
        host=u.host, port=u.port or 5432, dbname=u.database, user=role, password=odd,
        options=u.query["options"],
    ) as conn:  # fmt: skip
        assert conn.execute("SELECT count(*) FROM tasks WHERE kind = 'task'").fetchone() == (26,)


def test_a_clerk_sees_only_its_units_tasks_cli(server: Server) -> None:
    clerk = _grant(server, "clerk", "--unit", "高新处")
    cli = server.cli_as(clerk)
    listed = cli.json("list")
    assert sorted(t["number"] for t in listed) == sorted(GAOXIN)
    # the other units linked to a visible task are still named on it
    assert {u for t in listed for u in t["lead"]} > {"高新处"}
    overdue = cli.ok("--lang", "en", "overdue", "--as-of", "2013-01-15")
    assert f"{len(GAOXIN)} overdue tasks as of 2013-01-15" in overdue
    assert "八.1" not in overdue and "三.1" in overdue
    workload = {u["unit"]: u for u in cli.json("workload", "--as-of", "2013-01-15")}
    assert workload["高新处"]["lead_total"] == len(GAOXIN)
    assert workload["计划处"]["lead_total"] == 2  # 二.2 and 二.3, which 高新处 leads too
    report = cli.ok("--lang", "en", "unit-report", "计划处", "--as-of", "2013-01-15")
    assert "计划处 as of 2013-01-15: lead 2; red 2" in report and "八.1" not in report
    for ref in (OTHER, str(server.task_id(OTHER))):
        result = cli.fails("show", ref)
        assert result.stderr.startswith(f"taskctl: error: unknown task '{ref}'"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "三.1" in cli.ok("show", OWN)
    other = server.task_id(OTHER)
    zh = cli("--lang", "zh", "show", str(other))
    assert zh.exit_code != 0
    assert zh.stderr.strip() == f"taskctl: 错误：未知任务 '{other}'（见 `taskctl list`）"
    # a reader and the office still see everything
    for role in (_grant(server, "reader", "--reader"), _grant(server, "office", "--office")):
        assert len(server.cli_as(role).json("list")) == 26
        assert "八.1" in server.cli_as(role).ok("show", OTHER)


def test_a_clerk_reads_only_its_units_rows_through_plain_sql(server: Server) -> None:
    clerk = _grant(server, "clerk", "--unit", "高新处")
    reader = _grant(server, "reader", "--reader")
    office = _grant(server, "office", "--office")
    server.admin.ok("progress", OWN, "进展")
    server.admin.ok("progress", OTHER, "进展")
    mine = sorted(server.task_id(f"zj2012:{n}") for n in GAOXIN)
    other = server.task_id(OTHER)
    with server.sql_as(clerk) as conn:
        tasks = conn.execute("SELECT id FROM tasks WHERE kind = 'task' ORDER BY id").fetchall()
        assert [r[0] for r in tasks] == mine
        # the headings above them, and no other heading
        headings = {r[0] for r in conn.execute("SELECT id FROM tasks WHERE kind <> 'task'")}
        parents = {
            r[0] for r in conn.execute("SELECT parent_id FROM tasks WHERE parent_id IS NOT NULL")
        }
        assert headings and headings == parents
        for table in ("task_units", "events", "progress_reports", "task_persons"):
            seen = {r[0] for r in conn.execute(f"SELECT DISTINCT task_id FROM {table}")}
            assert seen and seen <= set(mine) | headings, table
            assert conn.execute(
                f"SELECT count(*) FROM {table} WHERE task_id = %s", (other,)
            ).fetchone() == (0,), table
        # names stay readable
        for table in ("documents", "units", "unit_aliases", "persons"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == server.scalar(
                f"SELECT count(*) FROM {table}"
            ), table
    total = {
        table: server.scalar(f"SELECT count(*) FROM {table}")
        for table in ("tasks", "task_units", "events", "progress_reports", "task_persons")
    }
    for role in (reader, office):
        with server.sql_as(role) as conn:
            for table, count in total.items():
                assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,), table


def test_downgrade_to_0005_lets_a_clerk_read_everything_again(server: Server) -> None:
    from alembic import command

    from taskctl.store.engine import open_store
    from taskctl.store.schema import alembic_config

    clerk = _grant(server, "clerk", "--unit", "高新处")

    def count() -> int:
        with server.sql_as(clerk) as conn:
            return conn.execute("SELECT count(*) FROM tasks WHERE kind = 'task'").fetchone()[0]

    assert count() == len(GAOXIN)
    store = open_store(server.url)
    try:
        cfg = alembic_config(store)
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        assert count() == 26
        with server.sql_as(clerk) as conn:  # writes are still its own units' only
            cur = conn.execute(
                "UPDATE tasks SET status = 'done' WHERE id = %s", (server.task_id(OTHER),)
            )
            assert cur.rowcount == 0
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        store.dispose()
    assert count() == len(GAOXIN)
