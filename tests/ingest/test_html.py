"""Web pages: a plan saved from a site as .html, or a page's source pasted as text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from taskctl.cli import cli
from taskctl.ingest import parse_text
from taskctl.ingest.html import looks_like_html, page_blocks

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>市政府门户网站</title>
<style>p { margin: 0 }</style><script>var x = "<p>1.不是任务。</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<h1>2025年优化营商环境工作要点</h1>
<p>一、深化&ldquo;放管服&rdquo;改革</p>
<p>1.推进政务服务标准化。全面梳理
   政务服务事项清单。（牵头单位：市政务服务中心；配合单位：市级各有关部门）</p>
<p>2.优化审批流程。<br>（市行政审批局牵头，各县区政府配合）</p>
<p>二、强化要素保障</p>
<p>3.加强用地保障。（责任单位：市自然资源局）</p>
<div class="footer">主办：市人民政府办公室 <span>联系电话：12345</span></div>
</body></html>
"""

TABLE_PAGE = """<html><body><h2>2025年重点工作任务分解表</h2>
<table border="1">
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
<tr><td>1</td><td>推进城市更新</td><td rowspan="2">市住建局</td><td>市自然资源局</td>
<td rowspan="2">2025年12月底前</td></tr>
<tr><td>2</td><td>改造老旧小区</td><td>各区政府</td></tr>
<tr><td>3</td><td colspan="1">建设数字政府</td><td>市大数据局</td><td>市委网信办、市财政局</td>
<td>2025年6月底前</td></tr>
</table>
<table><tr><td>网站标识码</td><td>123456</td></tr></table>
</body></html>
"""


def test_a_saved_page_reads_like_its_text() -> None:
    doc = parse_text(PAGE)
    assert doc.title == "2025年优化营商环境工作要点"
    assert [(t.number, t.title) for t in doc.tasks] == [
        ("一.1", "推进政务服务标准化"),
        ("一.2", "优化审批流程"),
        ("二.3", "加强用地保障"),
    ]
    first, second, third = doc.tasks
    assert (first.lead, first.support) == (["市政务服务中心"], ["市级各有关部门"])
    assert (second.lead, second.support) == (["市行政审批局"], ["各县区政府"])
    assert third.responsible == ["市自然资源局"]
    # the script's text, the navigation and the footer are not tasks
    assert all("不是任务" not in t.title for t in doc.tasks)


def test_a_task_table_with_merged_cells() -> None:
    doc = parse_text(TABLE_PAGE)
    assert [(t.title, t.lead, t.support) for t in doc.tasks] == [
        ("推进城市更新", ["市住建局"], ["市自然资源局"]),
        ("改造老旧小区", ["市住建局"], ["各区政府"]),
        ("建设数字政府", ["市大数据局"], ["市委网信办", "市财政局"]),
    ]
    assert [t.deadline.isoformat() for t in doc.tasks if t.deadline] == [
        "2025-12-31",
        "2025-12-31",
        "2025-06-30",
    ]


def test_grids_repeat_spanning_cells() -> None:
    (_title, grid, layout) = page_blocks(TABLE_PAGE)
    assert grid[2] == ["2", "改造老旧小区", "市住建局", "各区政府", "2025年12月底前"]
    assert layout == [["网站标识码", "123456"]]


def test_what_is_a_page() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>一、总体要求</p><p>1.推进</p><p>2.落实</p>")
    # a plan whose text holds a comparison sign is not a page
    assert not looks_like_html("2025年工作要点\n1.增速<5%的县区加强督导。(市统计局负责)\n")


def test_import_a_saved_page(tmp_path: Path) -> None:
    page = tmp_path / "要点.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(page)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        query = "SELECT title FROM tasks WHERE kind = 'task' ORDER BY position"
        titles = [row[0] for row in conn.execute(query)]
    assert titles == ["推进政务服务标准化", "优化审批流程", "加强用地保障"]
