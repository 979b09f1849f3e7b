"""Task tables pasted as text (`taskctl.ingest.pasted`), shape by shape, on tables written for these
tests: a table's shape is found from its header and the shape of its cells, never from a document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.pasted import OTHER, header_kind


def _roles(task) -> tuple[list[str], list[str], list[str]]:  # type: ignore[no-untyped-def]
    return task.lead, task.support, task.responsible


def _table(title: str, rows: list[list[str]], separator: str) -> str:
    """A table as a clerk pastes it: its title, then one row a line, cells split by `separator`."""
    return title + "\n" + "".join(separator.join(row) + "\n" for row in rows)


# --- the header ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("序号", "number"),
        ("目  标  任  务", "task"),  # letter-spaced
        ("工作内容与要求", "task"),
        ("牵头责任单位", "lead"),
        ("计划完成时间", "deadline"),
        ("责任分工", "responsible"),
        ("进展情况", OTHER),
        ("是否达到序时进度", OTHER),
        ("执行措施、实施步骤", OTHER),
        ("监督方式", OTHER),
        ("备注", OTHER),
        ("附件", None),
        ("效力状态", None),
        ("建设地点", OTHER),
        ("年度投资金额 (万元)", OTHER),
        ("2024年建设内容", OTHER),
        ("2024年重点任务", None),  # a title
        ("2024年重点工作", None),  # a title
        ("完成情况:良好", None),  # a label with its value
        ("一、主要经济社会发展指标", None),
    ],
)
def test_header_cells(cell: str, kind: str | None) -> None:
    assert header_kind(cell) == kind


# --- one cell a line ------------------------------------------------------------------------------

PROGRESS_TABLE = """\
XX市人民政府
> 政务公开 > 工作报告
XX市2024年重点工作一季度进展情况表

发布日期:2024-04-15

序号

工作内容与要求

进展情况

责任单位

1

推进城市更新三年行动,完成老旧小区改造30个。

一季度已开工12个,完成投资2.1亿元。

市住建局

2

加快建设智慧交通平台。

完成平台招标,进入开发阶段。

市交通运输局、市大数据局

3

深化“一网通办”改革。

上线高频事项120项。

市政务服务"""


def test_a_progress_table_one_cell_a_line_with_blank_lines() -> None:
    doc = parse_text(PROGRESS_TABLE)
    assert doc.title == "XX市2024年重点工作一季度进展情况表"
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1", "推进城市更新三年行动,完成老旧小区改造30个", ["市住建局"]),
        ("2", "加快建设智慧交通平台", ["市交通运输局", "市大数据局"]),
        ("3", "深化“一网通办”改革", []),  # the copy ends inside its unit cell
    ]
    # a column of another kind is kept on each task, never read for units
    assert doc.tasks[0].attributes == {"进展情况": "一季度已开工12个,完成投资2.1亿元。"}
    assert doc.tasks[2].attributes["进展情况"].startswith("上线高频事项120项")


TOWNSHIP_TABLE = """\
XX镇2024年重点任务推进情况
目标任务

执行措施、实施步骤

工作进展

责任分工

监督方式

新建村级养老服务站3处,实现养老服务全覆盖。

完成选址,落实建设资金。

已开工2处,完成主体工程。

镇民政办

0530-1234567

完成农村道路硬化10公里。

制定实施方案,分段推进。

完成招标。

镇建设办

0530-7654321
"""


def test_a_table_without_numbers_has_its_rows_one_after_the_other() -> None:
    tasks = parse_text(TOWNSHIP_TABLE).tasks
    assert [(t.title, t.responsible) for t in tasks] == [
        ("新建村级养老服务站3处,实现养老服务全覆盖", ["镇民政办"]),
        ("完成农村道路硬化10公里", ["镇建设办"]),
    ]
    assert tasks[1].attributes == {
        "执行措施、实施步骤": "制定实施方案,分段推进。",
        "工作进展": "完成招标。",
        "监督方式": "0530-7654321",  # a telephone number is never a unit
    }


def test_without_numbers_an_empty_cell_before_the_unit_column_moves_nothing() -> None:
    # the 工作进展 cell of the first row is empty: no line; a telephone number is never a task
    text = TOWNSHIP_TABLE.replace("已开工2处,完成主体工程。\n\n", "")
    tasks = parse_text(text).tasks
    assert [(t.title, t.responsible, t.attributes.get("监督方式")) for t in tasks] == [
        ("新建村级养老服务站3处,实现养老服务全覆盖", ["镇民政办"], "0530-1234567"),
        ("完成农村道路硬化10公里", ["镇建设办"], "0530-7654321"),
    ]


SECTION_TABLE = """\
XX县人民政府关于分解落实2023年政府工作目标任务的通知
各乡镇人民政府,县政府各部门:
现将2023年县政府工作目标任务分解下达给你们,请认真组织落实。
附件
2023年县政府工作目标任务落实责任分解表
序号
重  点  任  务
牵头单位
责任单位
责任人
一、经济发展(牵头领导:王明、李华)
1
★地区生产总值增长7%。
县发改局
县统计局
张强
2
规模以上工业增加值增长8%。
县经信局
二、社会民生(牵头领导:赵刚)
3
新增城镇就业2000人。
县人社局
"""


def test_section_rows_and_their_leaders() -> None:
    doc = parse_text(SECTION_TABLE)
    assert [(i.kind, i.number, i.title) for i in doc.items if i.kind == "heading"] == [
        ("heading", "一", "经济发展"),
        ("heading", "二", "社会民生"),
    ]
    assert [(t.number, t.title, *_roles(t), t.persons) for t in doc.tasks] == [
        # a task's own person wins; 责任单位 beside a lead support it
        ("一.1", "★地区生产总值增长7%", ["县发改局"], ["县统计局"], [], ["张强"]),
        ("一.2", "规模以上工业增加值增长8%", ["县经信局"], [], [], ["王明", "李华"]),
        ("二.3", "新增城镇就业2000人", ["县人社局"], [], [], ["赵刚"]),
    ]


def test_a_table_of_one_section_and_one_row_is_read_as_the_table() -> None:
    # the numbered outline would take the section row for the only task: the table names units
    text = SECTION_TABLE.split("2\n规模")[0]
    (task,) = parse_text(text).tasks
    assert (task.number, task.lead, task.persons) == ("一.1", ["县发改局"], ["张强"])


BUREAU_TABLE = """\
农业农村局2024年承担政府重点工作完成情况
序号
目标任务
牵头责任单位
计划完成时间
目前完成情况
是否达到序时进度
12
建成高标准农田5万亩。
农田建设股
3
2024年底
已完成3.2万亩,整体进度64%。
是
40
推进农村改厕1000户。
农村社会事业股
乡村建设股
2024年10月
\u00a0
完成改厕820户。
41
开展农产品质量安全抽检。
农产品质量安全站
"""


def test_rows_numbered_out_of_sequence_with_a_stray_cell() -> None:
    tasks = parse_text(BUREAU_TABLE).tasks
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("12", "建成高标准农田5万亩", ["农田建设股"]),
        ("40", "推进农村改厕1000户", ["农村社会事业股", "乡村建设股"]),  # a cell of two lines
        ("41", "开展农产品质量安全抽检", ["农产品质量安全站"]),
    ]
    # the stray `3` is no row, no unit and no attribute
    assert tasks[0].attributes == {
        "目前完成情况": "已完成3.2万亩,整体进度64%。",
        "是否达到序时进度": "是",
    }
    assert str(tasks[0].deadline) == "2024-12-31"


SUB_ROW_TABLE = """\
2024年民生实事目标任务分解表
序号
民生实事
责任单位
完成时限
1
新建公办幼儿园2所。
县教育局
8月底前
2
改造城区供水管网15公里。
县水务局
县住建局
11月底前
新建城区排水泵站1座。
12月底前
3
建成县级综合养老服务中心。
县民政局
9月投入使用
"""


def test_two_sub_rows_share_a_number_and_its_unit_cell() -> None:
    tasks = parse_text(SUB_ROW_TABLE).tasks
    assert [(t.number, t.title, t.responsible, t.deadline_text) for t in tasks] == [
        ("1", "新建公办幼儿园2所", ["县教育局"], "8月底前"),
        ("2", "改造城区供水管网15公里", ["县水务局", "县住建局"], "11月底前"),
        ("2", "新建城区排水泵站1座", ["县水务局", "县住建局"], "12月底前"),
        ("3", "建成县级综合养老服务中心", ["县民政局"], "9月"),  # a deadline, not a row
    ]


GROUPED_CELLS = """\
工作任务
具体要求
责任科室
时限要求
规范政策文件公开
1
全面清理行政规范性文件并公布目录。
办公室
年底前
2
规范政府信息公开保密审查。
各科室
持续推进
加强政策解读
3
做好重大政策解读工作。
办公室牵头,各科室配合
持续推进
"""


def test_group_cells_before_the_number_under_a_header_without_one() -> None:
    doc = parse_text(GROUPED_CELLS)
    assert [(i.kind, i.title) for i in doc.items] == [
        ("heading", "规范政策文件公开"),
        ("task", "全面清理行政规范性文件并公布目录"),
        ("task", "规范政府信息公开保密审查"),
        ("heading", "加强政策解读"),
        ("task", "做好重大政策解读工作"),
    ]
    assert _roles(doc.tasks[2]) == (["办公室"], ["各科室"], [])


MERGED_CELLS = """\
XX县教育局2024年目标任务分解表
序号
类别
工作任务
完成时限
责任领导
责任股室
(单位)
备注
1
学前教育
新建公办幼儿园2所。
11月底前
刘明
基教股
资助中心
体卫艺股
2
开展幼儿园办园行为督导。
资助中心体卫艺股
3
组织幼儿教师全员培训。
4
义务教育
改扩建农村学校3所。
计财股
5
落实“双减”课后服务。
12月底前
张 红
基教股
6
完成中小学教师招聘。
7
校园安全
开展校园安全隐患排查整治。
各股室、局属学校
8
完善校园安全"""


def test_merged_cells_one_cell_a_line_are_shared_by_the_rows_below() -> None:
    # a merged cell shows on its first row only; a row naming no unit shares the unit cell above,
    # a person or deadline column filled on few rows is merged over the others
    doc = parse_text(MERGED_CELLS)
    assert [(i.kind, i.title) for i in doc.items if i.kind == "heading"] == [
        ("heading", "学前教育"),  # a rowspanned 类别 column groups the rows
        ("heading", "义务教育"),
        ("heading", "校园安全"),
    ]
    assert [(t.label, t.title, t.responsible, t.persons, t.deadline_text) for t in doc.tasks] == [
        ("1", "新建公办幼儿园2所", ["基教股", "资助中心", "体卫艺股"], ["刘明"], "11月底前"),
        # two names run together where another row names them apart: read as the two units
        ("2", "开展幼儿园办园行为督导", ["资助中心", "体卫艺股"], ["刘明"], "11月底前"),
        ("3", "组织幼儿教师全员培训", ["资助中心", "体卫艺股"], ["刘明"], "11月底前"),
        ("4", "改扩建农村学校3所", ["计财股"], ["刘明"], "11月底前"),
        ("5", "落实“双减”课后服务", ["基教股"], ["张红"], "12月底前"),
        ("6", "完成中小学教师招聘", ["基教股"], ["张红"], "12月底前"),
        ("7", "开展校园安全隐患排查整治", ["各股室", "局属学校"], ["张红"], "12月底前"),
        # the copy ends inside the last row's task: what followed it is unknown, nothing shared
        ("8", "完善校园安全", [], [], None),
    ]
    messages = [warning.message for warning in doc.warnings]
    assert "rows 3, 6 without a unit cell share the one above (a merged cell): check them" in (
        messages
    )
    assert "unit names run together read apart: 资助中心体卫艺股" in messages


def test_names_run_together_stay_one_unit_unless_a_row_names_them_apart() -> None:
    text = MERGED_CELLS.replace("资助中心体卫艺股", "资助中心体卫艺股\n各股室").replace(
        "开展校园安全隐患排查整治。\n各股室、局属学校", "开展校园安全隐患排查整治。\n局属学校"
    )
    tasks = parse_text(text.replace("基教股\n资助中心\n体卫艺股", "基教股\n资助中心")).tasks
    # no row names 资助中心 and 体卫艺股 side by side: the cell is read as written
    assert tasks[1].responsible == ["资助中心体卫艺股", "各股室"]


TWO_TABLES = """\
XX市2024年省政府工作报告涉X任务责任分解
一、省政府工作报告重点工作涉X任务
序号
重点工作任务(本市3项配合工作)
责任单位
(一)李强副市长牵头重点工作
1
推进高标准农田建设。
市农业农村局、市财政局
省牵头单位:省农业农村厅
2*
稳定生猪生产。
市农业农村局
序号
重点工作任务(本市3项配合工作)
责任单位
3
建设城乡冷链物流网络。
市商务局
省牵头单位:省商务厅
二、市政府工作报告重点工作
序号
重点工作任务(本市2项牵头工作)
责任单位
(一)王芳常务副市长牵头重点工作
1*
推进科创走廊建设。
市科技局,市发改委
2
建设人才公寓2000套。
市住建局"""


def test_two_tables_each_under_its_section_with_leader_rows() -> None:
    doc = parse_text(TWO_TABLES)
    assert [(i.number, i.title, i.persons) for i in doc.items if i.kind == "heading"] == [
        ("一", "省政府工作报告重点工作涉X任务", []),
        ("一.(一)", "李强副市长牵头重点工作", ["李强"]),
        ("二", "市政府工作报告重点工作", []),
        ("二.(一)", "王芳常务副市长牵头重点工作", ["王芳"]),
    ]
    assert [(t.number, t.title, *_roles(t), t.persons) for t in doc.tasks] == [
        # a cell `省牵头单位:X` names the lead: the city's 责任单位 beside it support it
        (
            "一.(一).1",
            "推进高标准农田建设",
            ["省农业农村厅"],
            ["市农业农村局", "市财政局"],
            [],
            ["李强"],
        ),
        ("一.(一).2*", "稳定生猪生产", [], [], ["市农业农村局"], ["李强"]),
        # the header printed again on a new page goes on with the same table
        ("一.(一).3", "建设城乡冷链物流网络", ["省商务厅"], ["市商务局"], [], ["李强"]),
        ("二.(一).1*", "推进科创走廊建设", [], [], ["市科技局", "市发改委"], ["王芳"]),
        ("二.(一).2", "建设人才公寓2000套", [], [], ["市住建局"], ["王芳"]),
    ]


FIGURES_TABLE = """\
XX市2024年民生工程项目实施进度表

工程

名称

序号

项 目 内 容

目标任务

县级牵头

责任单位

进度

完成率

(%)

备注

教育提升工程

教育提升工程

1

改善办学条件

新建幼儿园(所)

12

县教育和体育

局

9

75

达到时间进度

2

改造薄弱校舍(栋)

20

15

75

达到时间进度

3

招聘教师(人)

300

310

103

超额完成

4*

开展教师培训并建立培训档案

应训尽训

县教育和体育局、县人社局、

县财政局

已培训1200人次。

达到时间进度

5*

资助困难学生(人)

95

县民政局

95

100

已完成
"""


def test_a_progress_table_with_figure_columns_and_wrapped_cells() -> None:
    # header cells wrapped over two lines (`工程`/`名称`, `县级牵头`/`责任单位` one lead column,
    # `完成率`/`(%)`), a 序号 with a mark, figures in cells that are no row numbers (`12`, `95`), a
    # second task column holding figures (目标任务: an attribute), a unit's name wrapped in its
    # narrow column, a merged lead cell, a group title row said again by the group cell
    doc = parse_text(FIGURES_TABLE)
    assert [(i.number, i.title) for i in doc.items if i.kind == "heading"] == [
        ("一", "教育提升工程"),
        ("一.一", "改善办学条件"),
    ]
    assert [(t.label, t.title, t.lead) for t in doc.tasks] == [
        ("1", "新建幼儿园(所)", ["县教育和体育局"]),
        ("2", "改造薄弱校舍(栋)", ["县教育和体育局"]),
        ("3", "招聘教师(人)", ["县教育和体育局"]),
        ("4*", "开展教师培训并建立培训档案", ["县教育和体育局", "县人社局", "县财政局"]),
        ("5*", "资助困难学生(人)", ["县民政局"]),
    ]
    assert doc.tasks[0].attributes == {
        "目标任务": "12",
        "进度": "9",
        "完成率(%)": "75",
        "备注": "达到时间进度",
    }
    assert doc.tasks[4].attributes["目标任务"] == "95"
    assert "a unit's name read over two lines: 县教育和体育/局" in [w.message for w in doc.warnings]


def test_rows_out_of_sequence_with_short_task_texts() -> None:
    tasks = parse_text(
        "XX县2024年重点工作\n序号\n重点工作\n责任单位\n完成时限\n6\n推进改厕\n县农业农村局\n"
        "年底前\n52\n建设公厕\n县住建局\n6月底前\n53\n污水治理\n县生态环境分局\n年底前\n"
    ).tasks
    assert [(t.label, t.title, t.responsible) for t in tasks] == [
        ("6", "推进改厕", ["县农业农村局"]),
        ("52", "建设公厕", ["县住建局"]),
        ("53", "污水治理", ["县生态环境分局"]),
    ]


def test_names_one_a_line_holding_a_verb_stay_apart() -> None:
    # 督导 is a role verb, but `教育督导室` and `督导中心` are names, one a line
    (task, _second) = parse_text(
        "XX县2024年重点工作\n序号\n重点任务\n责任单位\n1\n推进教育评价改革\n教育督导室\n督导中心\n"
        "2\n完善机制\n办公室\n"
    ).tasks
    assert task.responsible == ["教育督导室", "督导中心"]


def test_a_short_task_text_is_not_joined_to_the_unit_after_it() -> None:
    # `市区道路改造` / `城管局` could be a name wrapped in its column; as a row's first cell it is
    # the task's text
    tasks = parse_text(
        "XX县2024年重点工作\n序号\n重点工作\n责任单位\n1\n市区道路改造\n城管局\n"
        "2\n县城绿化提升\n园林所\n"
    ).tasks
    assert [(t.title, t.responsible) for t in tasks] == [
        ("市区道路改造", ["城管局"]),
        ("县城绿化提升", ["园林所"]),
    ]


# --- rows marked by bars --------------------------------------------------------------------------

BARRED_ROWS = """\
XX市2024年重点工作责任分解表
牵头单位
| 工 作 任 务
| 配 合 单 位
|
市
财
政
局
| 完善预算绩效管理制度
| 市直各单位、各区县市
|
推进国库集中支付改革
| 人民银行市中心支行
|
市交
通运
输局
| 推进城乡公交一体化
| 市发改委和市公安局
|
新增公交线路10条
|
力争全年完成交通投资50亿"""


def test_bar_marked_rows_with_a_vertical_merged_lead_cell() -> None:
    # cells open with `| ` on their line, a lone bar ends a row; the 牵头单位 cell comes first,
    # merged over the rows below and written a few characters a line in its narrow column
    doc = parse_text(BARRED_ROWS)
    assert [(t.number, t.title, t.lead, t.support) for t in doc.tasks] == [
        ("1", "完善预算绩效管理制度", ["市财政局"], ["市直各单位", "各区县市"]),
        ("2", "推进国库集中支付改革", ["市财政局"], ["人民银行市中心支行"]),
        ("3", "推进城乡公交一体化", ["市交通运输局"], ["市发改委", "市公安局"]),
        ("4", "新增公交线路10条", ["市交通运输局"], ["市发改委", "市公安局"]),
        # cut inside its task: the lead before it is shared, what came after is unknown
        ("5", "力争全年完成交通投资50亿", ["市交通运输局"], []),
    ]
    units = {name for t in doc.tasks for name in (*t.lead, *t.support)}
    assert not units & {"市", "财", "局", "市交", "通运", "输局"}  # never a fragment
    assert any("rows 2, 4-5 without a unit cell" in w.message for w in doc.warnings)


def test_bar_marked_rows_with_an_empty_cell() -> None:
    # an empty cell is a bar alone followed by the row's next cell, not the end of the row
    text = BARRED_ROWS.replace(
        "| 完善预算绩效管理制度\n| 市直各单位、各区县市", "| 完善预算绩效管理制度\n|\n| 市直各单位"
    )
    text = text.replace("| 配 合 单 位\n", "| 完成时限\n| 配 合 单 位\n")
    tasks = parse_text(text).tasks
    assert [(t.title, t.lead, t.support) for t in tasks[:2]] == [
        ("完善预算绩效管理制度", ["市财政局"], ["市直各单位"]),
        ("推进国库集中支付改革", ["市财政局"], ["人民银行市中心支行"]),
    ]


def test_a_unit_cell_of_short_names_one_a_line_is_not_read_as_one_name() -> None:
    text = BARRED_ROWS.replace("市\n财\n政\n局", "市委\n市政府")
    assert parse_text(text).tasks[0].lead == ["市委", "市政府"]


# --- one row a line -------------------------------------------------------------------------------

PIPE_SECTIONS = """\
XX市2024年政务公开任务分解表
工作任务 | 具体要求 | 责任单位 | 时限要求 | ||
一、以公开促进发展。 | (一)加强市场主体政策公开。 | 1 | 集中公开涉企政策文件并做好解读。 | 市司法局牵头,市政府各有关部门负责落实 | 持续推进 |
2 | 开设惠企政策专栏。 | 市营商环境局牵头,市发展改革委等有关部门配合 | 6月底前 | ||
(二)加强重大项目信息公开。 | 3 | 公开重大建设项目批准和实施信息。 | 市发展改革委、市住建局按职责分工负责 | 持续推进 | ||
4 | 公开重点民生项目进展。 | 市发展改革委牵头,市住建局等政府各有关"""


def test_pipe_rows_with_rowspanned_section_cells_and_roles_in_the_unit_cell() -> None:
    doc = parse_text(PIPE_SECTIONS)
    assert [(i.number, i.title) for i in doc.items if i.kind == "heading"] == [
        ("一", "以公开促进发展"),
        ("一.(一)", "加强市场主体政策公开"),
        ("一.(二)", "加强重大项目信息公开"),
    ]
    assert [(t.number, t.title, *_roles(t)) for t in doc.tasks] == [
        ("一.(一).1", "集中公开涉企政策文件并做好解读", ["市司法局"], ["市政府各有关部门"], []),
        ("一.(一).2", "开设惠企政策专栏", ["市营商环境局"], ["市发展改革委", "有关部门"], []),
        ("一.(二).3", "公开重大建设项目批准和实施信息", [], [], ["市发展改革委", "市住建局"]),
        # cut inside its unit cell: the unit before the cut group supports, the cut is refused
        ("一.(二).4", "公开重点民生项目进展", ["市发展改革委"], ["市住建局"], []),
    ]
    assert any("政府各有关" in warning.message for warning in doc.warnings)
    assert doc.tasks[1].deadline_text == "6月底前"


GROUP_COLUMN_PIPES = """\
XX区2025年政务公开工作任务分解表
主要工作任务 | 任务内容 | 完成时限 | 责任单位 |
一、提升重点领域公开质量 | (一)加大政策公开力度 | 1.做好惠企政策集中发布和解读。 | 全年 | 区发改局、区级其他有关部门,各街道办事处 |
2.推进预算信息公开。 | 12月底前 | 区财政局 |
(二)加大监管信息公开力度 | 3.公开行政执法结果。 | 三季度前 | 区市场监管局、区司法局 |
4.公开双随机抽查结果。 | 全年 | 区市场监管局 |
(三)加大民生信息公开力度 | 5.完善民生实事征集机制,提高"""


def test_pipe_rows_under_a_group_column_with_numbered_task_cells() -> None:
    doc = parse_text(GROUP_COLUMN_PIPES)
    assert [(i.number, i.title) for i in doc.items if i.kind == "heading"] == [
        ("一", "提升重点领域公开质量"),
        ("一.(一)", "加大政策公开力度"),
        ("一.(二)", "加大监管信息公开力度"),
        ("一.(三)", "加大民生信息公开力度"),
    ]
    assert [(t.number, t.title, t.responsible, t.deadline_text) for t in doc.tasks] == [
        (
            "一.(一).1",
            "做好惠企政策集中发布和解读",
            ["区发改局", "区级其他有关部门", "各街道办事处"],
            "全年",
        ),
        ("一.(一).2", "推进预算信息公开", ["区财政局"], "12月底前"),
        ("一.(二).3", "公开行政执法结果", ["区市场监管局", "区司法局"], "三季度前"),
        ("一.(二).4", "公开双随机抽查结果", ["区市场监管局"], "全年"),
        # the copy ends inside the last row's task cell: the row is still a task
        ("一.(三).5", "完善民生实事征集机制,提高", [], None),
    ]


MARKED_LEADS = """\
XX市2023年主要目标任务分解清单

序号

主要工作

责任单位

1

生产总值增长7.5%左右

▲发改局,各部门,各镇乡(街道)

2

制造业投资增长10%

经信局,相关部门

3

实际利用外资2.25亿美元

▲招商中心,各部门,各镇乡("""


def test_a_marked_unit_leads_and_a_cut_group_is_dropped() -> None:
    doc = parse_text(MARKED_LEADS)
    assert [(t.number, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ("1", ["发改局"], ["各部门", "各镇乡(街道)"], []),
        ("2", [], [], ["经信局", "相关部门"]),  # no mark: the cell names no lead
        ("3", ["招商中心"], ["各部门"], []),
    ]


WRAPPED_PROGRESS = """\
XX镇2024年度重点工作计划二季度执行情况

序号

重点工作

责任

领导

责任

科室

攻坚目标

任务

工作任务安排

第二季度

完成情况

1

白仙山水库工程

张明

水库工程工作领导小组

完成政策处理,推进大坝建设。

推进迁移工作。

迁移进度达60%。

2

现代化美丽城镇

李华

乡村振兴办

成功创建省级美丽城镇。

按时间节点开展项目建设。

完成投资3000万元。"""


def test_wrapped_headers_and_task_word_columns_after_the_task_column() -> None:
    doc = parse_text(WRAPPED_PROGRESS)
    assert [(t.number, t.title, t.responsible, t.persons) for t in doc.tasks] == [
        ("1", "白仙山水库工程", ["水库工程工作领导小组"], ["张明"]),
        ("2", "现代化美丽城镇", ["乡村振兴办"], ["李华"]),  # the target's sentence is no unit
    ]
    assert doc.tasks[1].attributes == {
        "攻坚目标任务": "成功创建省级美丽城镇。",
        "工作任务安排": "按时间节点开展项目建设。",
        "第二季度完成情况": "完成投资3000万元。",
    }


PROGRESS_BARS = """\
2023年区政府重点民生实事项目推进情况(1-11月)
序号 |
主要任务 |
全年目标任务 |
分管 领导 |
牵头 单位 |
责任主体与协同单位 |
1-10月推进情况 |
1-11月推进情况 |
是否达序 |
说明 |
24 |
优化提升50条背街后巷交通组织。 |
徐国江 |
城管局 |
市政局、相关街道 |
已进场施工,完成30%。 |
已进场施工,完成60%。 |
是 |
||
25 |
新增达标小区210个。 |
徐国江 |
城管局 |
环卫处、各街道 |
正在推进点位选址。 |
建成38个厢房。 |
否 |
合同签订滞后2个月。 |
|"""


def test_bar_closed_cells_with_a_merged_group_column_left_out() -> None:
    doc = parse_text(PROGRESS_BARS)
    assert [(t.number, t.title, t.lead, t.support, t.persons) for t in doc.tasks] == [
        ("24", "优化提升50条背街后巷交通组织", ["城管局"], ["市政局", "相关街道"], ["徐国江"]),
        ("25", "新增达标小区210个", ["城管局"], ["环卫处", "各街道"], ["徐国江"]),
    ]
    assert doc.tasks[0].attributes == {
        "1-10月推进情况": "已进场施工,完成30%。",
        "1-11月推进情况": "已进场施工,完成60%。",
        "是否达序": "是",
    }
    assert doc.tasks[1].attributes["说明"] == "合同签订滞后2个月。"


SUB_ROW_OVER_BLANKS = """\
2023年度民生实事一季度进展情况
序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 |
1 | 新改扩建公办中小学校1所 | 教体局 | 室内装修 | 完成80%。 |
新增学位810个 | ||||
2 | 完成结对帮扶学校2所 | 教体局 | 互派人员到位 | 已完成。 |
"""


def test_a_task_cell_over_empty_cells_is_a_sub_row_of_the_row_above() -> None:
    doc = parse_text(SUB_ROW_OVER_BLANKS)
    assert [(t.number, t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        (
            "1",
            "新改扩建公办中小学校1所",
            ["教体局"],
            {"一季度目标": "室内装修", "进展情况": "完成80%。"},
        ),
        ("1", "新增学位810个", ["教体局"], {"一季度目标": "室内装修", "进展情况": "完成80%。"}),
        (
            "2",
            "完成结对帮扶学校2所",
            ["教体局"],
            {"一季度目标": "互派人员到位", "进展情况": "已完成。"},
        ),
    ]


def test_a_project_column_names_the_task_but_not_inside_a_longer_cell() -> None:
    doc = parse_text(
        "2024年民生工程目标任务分解表\n项目 | 责任单位 | 项目业主 |\n"
        "城镇新增就业 | 区人社局 | 区就业中心 |\n农村公路建设 | 区交通局 | 区交投公司 |\n"
    )
    assert [(t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        ("城镇新增就业", ["区人社局"], {"项目业主": "区就业中心"}),
        ("农村公路建设", ["区交通局"], {"项目业主": "区交投公司"}),
    ]


MARKDOWN_WITH_EMPTY_CELL = """\
# XX县2025年政务公开重点任务清单

| 序号 | 重点任务 | 责任股室 | 配合单位 | 时间要求 |
|---|---|---|---|---|
| 1 | 做好政策解读工作 | 办公室 | 各乡镇 | 全年 |
| 2 | 办好政府网站 | 信息中心 |  | 持续推进 |
"""


def test_a_markdown_table_keeps_an_empty_cell_in_its_column() -> None:
    doc = parse_text(MARKDOWN_WITH_EMPTY_CELL)
    assert doc.title == "XX县2025年政务公开重点任务清单"
    assert [(t.title, t.responsible, t.support, t.deadline_text) for t in doc.tasks] == [
        ("做好政策解读工作", ["办公室"], ["各乡镇"], "全年"),
        ("办好政府网站", ["信息中心"], [], "持续推进"),
    ]


SECTIONS_WITHOUT_ROWS = """\
XX区教育局2025年重点工作任务分解表

序号

重点工作任务

主要责任单位

协同配合单位

一、主要预期目标

3

固定资产投资增长7.5%左右。

区发改委

区工信局、区教育局,各乡镇人民政府。

二、全力以赴扩投资

三、全力以赴惠民生

68

持续推进学前教育普及普惠。

区教育局

区投资促进中心。
"""


def test_section_rows_without_rows_of_their_own_stay_the_tables() -> None:
    doc = parse_text(SECTIONS_WITHOUT_ROWS)
    assert [(t.number, t.lead, t.support) for t in doc.tasks] == [
        ("一.3", ["区发改委"], ["区工信局", "区教育局", "各乡镇人民政府"]),
        ("三.68", ["区教育局"], ["区投资促进中心"]),
    ]


ASSESSMENT_LIST = """\
2021年XX县乡村振兴任务清单

考核项目

序号

考核指标

考核内容

单位

年度目标

责任部门

评分部门

农业高质高效

1

确保粮食有效供给

农林牧渔业增加值增幅

%

≥2%

县海洋与渔业局

县农业农村局

市农业农村局

2

农业劳动生产率

万元/人

全市统筹

县农业农村局

市农业农村局

3

粮食播种面积

万亩

0.07

县农业农村局

市农业农村局
"""


def test_an_assessment_list_with_measure_and_scoring_columns() -> None:
    doc = parse_text(ASSESSMENT_LIST)
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.1", "农林牧渔业增加值增幅", ["县海洋与渔业局", "县农业农村局"]),
        ("一.2", "农业劳动生产率", ["县农业农村局"]),
        ("一.3", "粮食播种面积", ["县农业农村局"]),
    ]
    # the unit of measure, the target (`全市统筹` is no unit) and who scores the task are attributes
    assert doc.tasks[1].attributes == {
        "单位": "万元/人",
        "年度目标": "全市统筹",
        "评分部门": "市农业农村局",
    }
    assert doc.tasks[2].attributes["单位"] == "万亩"


FLATTENED = (
    "购物车\n我的足迹\n2022上半年重点工作进展情况统计表\n"
    "上半年重点工作进展情况统计表 序号 承担的重点工作 完成状态 工作进展情况 牵头责任单位 "
    "一、努力完成全年主要预期目标 1 全市生产总值增长6%。 序时推进 逐月召开经济运行分析调度会。"
    " 市发展改革委 2 社会消费品零售总额增长8%以上。 序时推进 消费市场持续稳定恢复,同比增长5%。"
    " 市商务局 3 进出口总额增长5%以上。 序时推进 全市累计实现进出口总额9亿美元,同比增长12%。"
    " 市商务局 4 居民消费价格涨幅3%左右。 序时推进 CPI指数累计上涨"
)


def test_a_table_flattened_onto_one_line_is_cut_into_its_rows() -> None:
    doc = parse_text(FLATTENED)
    assert doc.title == "2022上半年重点工作进展情况统计表"
    assert [(t.number, t.title, t.lead) for t in doc.tasks] == [
        ("一.1", "全市生产总值增长6%", ["市发展改革委"]),
        ("一.2", "社会消费品零售总额增长8%以上", ["市商务局"]),
        ("一.3", "进出口总额增长5%以上", ["市商务局"]),
        ("一.4", "居民消费价格涨幅3%左右", []),
    ]
    assert doc.tasks[0].attributes["完成状态"] == "序时推进"


LIVELIHOOD_MATTERS = """\
类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 监督电话 |
四、教育文化 | 14.改扩建泉山学校 | 完成一期教学楼建设。 | 教育体育局 | 刘福利 | 完成主体施工。 | 0535-8246306 |
15.推进学校塑胶运动场地建设 | 完成13处场地建设。 | 教育体育局 | 刘福利 | 完成基础施工30%。 | 0535-8246306 | |
索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |
"""


def test_a_livelihood_report_numbered_inside_its_name_cell() -> None:
    doc = parse_text(LIVELIHOOD_MATTERS)
    assert [(t.number, t.title, t.responsible, t.persons) for t in doc.tasks] == [
        ("四.14", "改扩建泉山学校", ["教育体育局"], ["刘福利"]),
        ("四.15", "推进学校塑胶运动场地建设", ["教育体育局"], ["刘福利"]),
    ]
    assert doc.tasks[0].attributes["2022年度任务目标"] == "完成一期教学楼建设。"


SUB_ROWS_WITH_PROGRESS = """\
2022年区政府民生实事项目进展情况表
序号 | 项目内容 | 进展情况 | 责任单位 |
2 | 新建成婴幼儿照护驿站7家。 | 新建13家。 | 卫生健康局 |
新增照护服务托位500个。 | 新增托位600个。 | ||
3 | 实施农村公路大中修100公里。 | 完成50公里。 | 交通运输局 |
"""


def test_a_sub_row_with_its_own_progress_keeps_the_unit_above() -> None:
    doc = parse_text(SUB_ROWS_WITH_PROGRESS)
    assert [(t.number, t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        ("2", "新建成婴幼儿照护驿站7家", ["卫生健康局"], {"进展情况": "新建13家。"}),
        ("2", "新增照护服务托位500个", ["卫生健康局"], {"进展情况": "新增托位600个。"}),
        ("3", "实施农村公路大中修100公里", ["交通运输局"], {"进展情况": "完成50公里。"}),
    ]


PDF_SPACES = """\
XX市河湖长制重点任务分解表
序号 类别 主要任务 细化措施 牵头单位 配合单位 责任单位
1 加强水资源保 护 落实最严格水资源管理制度 严格用水总量控制,建立取水许可台账。 市水利局 市发展改革委、市自然资源局等 各县(市、区)人民政府
2  严格用水 效率控制 推进工业、农业和城镇节水,创建节水型单位。 市水利局 市工业和信息化局、市农业农村局 各县(市、区)人民政府
3   开展河湖清四乱专项行动,清理违法占用河道问题。 市水利局、市河长办 市公安局 各县(市、区)人民政府
"""


def test_a_pdf_table_split_by_single_spaces() -> None:
    # a run of n spaces leaves n-1 empty (rowspanned) cells; a cell the PDF wrapped keeps a space
    doc = parse_text(PDF_SPACES)
    assert [(i.title, i.kind) for i in doc.items] == [
        ("落实最严格水资源管理制度", "heading"),
        ("严格用水总量控制,建立取水许可台账", "task"),
        ("严格用水效率控制", "heading"),
        ("推进工业、农业和城镇节水,创建节水型单位", "task"),
        ("开展河湖清四乱专项行动,清理违法占用河道问题", "task"),
    ]
    counties = "各县(市、区)人民政府"
    assert [_roles(t) for t in doc.tasks] == [
        (["市水利局"], ["市发展改革委", "市自然资源局", counties], []),
        (["市水利局"], ["市工业和信息化局", "市农业农村局", counties], []),
        (["市水利局", "市河长办"], ["市公安局", counties], []),
    ]
    assert doc.tasks[0].attributes == {"类别": "加强水资源保护"}


TABLE_IN_A_TEXT = """\
XX局2024年政务公开工作要点
一、工作要点
1.做好政策解读。对本局起草的政策文件进行全面解读。
2.加强信息发布。及时发布各类应主动公开的信息。
二、重点工作任务分解
重点任务 | 工作内容 | 负责科室 |
政策解读 | 对本局起草的政策文件进行全面解读,丰富解读形式。 | 办公室、法规科 |
信息发布 | 及时发布各类应主动公开的信息。 | 各业务科室 |
三、保障措施
加强组织领导,明确责任分工。
"""


def test_a_table_under_a_heading_of_a_numbered_text() -> None:
    # the text's items stay; the table's rows are the tasks of the heading it sits under, each
    # titled by its own short 重点任务 cell (a name, not a group: every row has its own)
    doc = parse_text(TABLE_IN_A_TEXT)
    assert [(i.kind, i.number, i.title) for i in doc.items] == [
        ("heading", "一", "工作要点"),
        ("task", "一.1", "做好政策解读"),
        ("task", "一.2", "加强信息发布"),
        ("heading", "二", "重点工作任务分解"),
        ("task", "二.1", "政策解读"),
        ("task", "二.2", "信息发布"),
        ("heading", "三", "保障措施"),
    ]
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一.1", []),
        ("一.2", []),
        ("二.1", ["办公室", "法规科"]),
        ("二.2", ["各业务科室"]),
    ]
    assert doc.tasks[2].full_text.startswith("政策解读\n对本局起草的政策文件")
    assert [doc.items[t.parent].title for t in doc.tasks[2:]] == ["重点工作任务分解"] * 2


def test_a_name_column_repeated_over_rows_is_a_group() -> None:
    text = TABLE_IN_A_TEXT.replace("信息发布 | 及时", "政策解读 | 及时")
    titles = [(i.kind, i.title) for i in parse_text(text).items if i.number.startswith("二")]
    assert titles == [
        ("heading", "重点工作任务分解"),
        ("heading", "政策解读"),
        ("task", "对本局起草的政策文件进行全面解读,丰富解读形式"),
        ("task", "及时发布各类应主动公开的信息"),
    ]


def test_no_table_no_task_from_a_numbered_text() -> None:
    # a plan whose text names header words is read as a text plan
    doc = parse_text(
        "XX市2024年工作要点\n一、重点任务\n1.推进改革。(牵头单位:市发改委;配合单位:市财政局)\n"
    )
    assert [(t.number, *_roles(t)) for t in doc.tasks] == [("一.1", ["市发改委"], ["市财政局"], [])]


# --- cells and headers broken over lines ----------------------------------------------------------

TWO_TASKS = [
    ("1", "推进数字政府建设,完善政务云平台", ["市大数据局"], ["市财政局", "市政务服务局"]),
    ("2", "优化营商环境", ["市发改委"], ["市市场监管局"]),
]


@pytest.mark.parametrize(
    "text",
    [
        # Excel quotes a cell holding a line break when it copies it
        "序号\t重点任务\t牵头单位\t配合单位\n"
        '1\t"推进数字政府建设,\n完善政务云平台"\t市大数据局\t"市财政局\n市政务服务局"\n'
        "2\t优化营商环境\t市发改委\t市市场监管局\n",
        # the same under a covering notice
        "XX市人民政府办公室关于印发重点任务分工的通知\n各区人民政府:\n现将分工印发给你们。\n附件\n"
        "序号\t重点任务\t牵头单位\t配合单位\n"
        '1\t"推进数字政府建设,\n完善政务云平台"\t市大数据局\t"市财政局\n市政务服务局"\n'
        "2\t优化营商环境\t市发改委\t市市场监管局\n",
        # a row's cells wrapped into a row of their own, its 序号 cell empty
        "序号 | 重点任务 | 牵头单位 | 配合单位\n"
        "1 | 推进数字政府建设, | 市大数据局 | 市财政局\n"
        " | 完善政务云平台 | | 市政务服务局\n"
        "2 | 优化营商环境 | 市发改委 | 市市场监管局\n",
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 推进数字政府建设, | 市大数据局 | 市财政局 |\n"
        "| | 完善政务云平台 | | 市政务服务局 |\n"
        "| 2 | 优化营商环境 | 市发改委 | 市市场监管局 |\n",
        "1\t推进数字政府建设,\t市大数据局\t市财政局\n\t完善政务云平台\t\t市政务服务局\n"
        "2\t优化营商环境\t市发改委\t市市场监管局\n",
        # a Markdown cell with a line break in it
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 推进数字政府建设,完善政务云平台 | 市大数据局 | 市财政局<br>市政务服务局 |\n"
        "| 2 | 优化营商环境 | 市发改委 | 市市场监管局 |\n",
        # header cells broken over two lines: one cell a line, or rows of `|`
        "序号\n重点\n任务\n牵头\n单位\n配合\n单位\n1\n推进数字政府建设,完善政务云平台\n市大数据局\n"
        "市财政局\n市政务服务局\n2\n优化营商环境\n市发改委\n市市场监管局\n",
        "序号 | 重点 | 牵头 | 配合\n | 任务 | 单位 | 单位\n"
        "1 | 推进数字政府建设,完善政务云平台 | 市大数据局 | 市财政局、市政务服务局\n"
        "2 | 优化营商环境 | 市发改委 | 市市场监管局\n",
    ],
    ids=[
        "excel-quoted",
        "excel-quoted-under-a-notice",
        "bars-wrapped-row",
        "markdown-wrapped-row",
        "tabs-wrapped-row",
        "markdown-br",
        "header-cells-over-two-lines",
        "header-row-over-two-lines",
    ],
)
def test_cells_and_headers_broken_over_lines(text: str) -> None:
    if text.startswith("1\t"):
        text = "序号\t重点任务\t牵头单位\t配合单位\n" + text
    tasks = parse_text("XX市2024年重点任务分工\n" + text).tasks
    assert [(t.number, t.title, t.lead, t.support) for t in tasks] == TWO_TASKS


def test_a_row_without_its_number_after_a_finished_sentence_is_a_sub_row() -> None:
    tasks = parse_text(
        "XX县2024年民生实事\n序号 | 民生实事 | 牵头单位 | 完成时限\n"
        "1 | 新建公办幼儿园2所。 | 县教育局 | 8月底前\n"
        " | 改扩建小学3所。 | | 12月底前\n"
        "2 | 改造城区供水管网。 | 县水务局 | 11月底前\n"
    ).tasks
    assert [(t.number, t.title, t.lead, t.deadline_text) for t in tasks] == [
        ("1", "新建公办幼儿园2所", ["县教育局"], "8月底前"),
        ("1", "改扩建小学3所", ["县教育局"], "12月底前"),
        ("2", "改造城区供水管网", ["县水务局"], "11月底前"),
    ]


def test_a_lead_cell_holds_one_unit_when_the_lines_could_go_either_way() -> None:
    # one cell a line: three unit lines for the 牵头单位 and 配合单位 cells
    (task,) = parse_text(
        "XX县2024年重点工作\n序号\n重点工作\n牵头单位\n配合单位\n1\n推进县域商业体系建设\n"
        "县商务局\n县财政局\n县市场监管局\n"
    ).tasks
    assert (task.lead, task.support) == (["县商务局"], ["县财政局", "县市场监管局"])


# --- property: whatever the shape, a row's units are its cells' and no other ---------------------

TASKS = [
    "推进数字政府建设",
    "优化营商环境,压减审批时限",
    "新建公办幼儿园2所。",
    "实施城乡供水一体化工程",
    "开展农产品质量安全抽检,抽检500批次。",
]
LEADS = ["市大数据局", "市发改委", "县教育局", "农业执法大队", "市政务服务中心"]
SUPPORTS = [["市财政局"], ["市市场监管局", "市税务局"], ["各县(市、区)人民政府"], ["县住建局"]]
DEADLINES = ["2024年6月底前", "年底前", "持续推进", "9月底前"]
PROGRESS = ["已完成招标,进入施工阶段。", "完成投资1.2亿元。", "一季度开工3个。"]
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"]
SHAPES = (
    "tabs", "bars", "markdown", "gaps", "cells", "cells-blank-lines", "cells-bars", "cells-no-number",
    "bar-marked-rows",
)  # fmt: skip


def _render(rows: list[list[str]], shape: str) -> str:
    table = [HEADER, *rows]
    if shape == "tabs":
        return "\n".join("\t".join(row) for row in table)
    if shape == "bars":
        return "\n".join(" | ".join(row) + " |" for row in table)
    if shape == "markdown":
        lines = ["| " + " | ".join(row) + " |" for row in table]
        return "\n".join([lines[0], "|" + "---|" * len(HEADER), *lines[1:]])
    if shape == "gaps":
        return "\n".join("    ".join(row) for row in table)
    if shape == "cells":
        return "\n".join(cell for row in table for cell in row)
    if shape == "cells-blank-lines":
        return "\n\n".join(cell for row in table for cell in row)
    if shape == "cells-bars":
        return "\n".join(f"{cell} |" for row in table for cell in row)
    if shape == "bar-marked-rows":  # cells opened by `| `, a lone bar ending each row
        return "\n".join("\n| ".join(row) + "\n|" for row in table)
    assert shape == "cells-no-number"
    return "\n".join(cell for row in table for cell in row[1:])


def _parse_rows(rows: list[tuple], shape: str) -> list:  # type: ignore[type-arg]
    """The tasks read from `rows` (task, lead, supports, deadline, progress) written in `shape`."""
    table = [
        [str(number), task, lead, "、".join(support), deadline, progress]
        for number, (task, lead, support, deadline, progress) in enumerate(rows, start=1)
    ]
    return parse_text("XX市2024年重点任务分工表\n" + _render(table, shape)).tasks


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(TASKS),
            st.sampled_from(LEADS),
            st.sampled_from(SUPPORTS),
            st.sampled_from(DEADLINES),
            st.sampled_from(PROGRESS),
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(SHAPES),
)
def test_any_shape_gives_each_row_its_own_units(rows: list[tuple], shape: str) -> None:  # type: ignore[type-arg]
    tasks = _parse_rows(rows, shape)
    assert [(t.lead, t.support, t.responsible) for t in tasks] == [
        ([lead], list(support), []) for _task, lead, support, _deadline, _progress in rows
    ]
    assert [t.attributes for t in tasks] == [{"进展情况": row[4]} for row in rows]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(TASKS),
            st.sampled_from(LEADS),
            st.sampled_from([*SUPPORTS, []]),
            st.sampled_from([*DEADLINES, ""]),
            st.sampled_from([*PROGRESS, ""]),
        ),
        min_size=1,
        max_size=5,
    ),
    # (a row of bar-marked cells writes an empty cell as a lone bar, which ends a row)
    st.sampled_from(
        [shape for shape in SHAPES if shape not in ("cells-no-number", "bar-marked-rows")]
    ),
)
def test_empty_cells_move_no_unit_to_another_row(rows: list[tuple], shape: str) -> None:  # type: ignore[type-arg]
    # one cell a line, an empty cell leaves no line at all: the cells' shapes place the rest
    tasks = _parse_rows(rows, shape)
    assert [(t.lead, t.support, t.responsible) for t in tasks] == [
        ([lead], list(support), []) for _task, lead, support, _deadline, _progress in rows
    ]


def test_task_cells_numbering_themselves_start_rows_of_a_table_without_serial_numbers() -> None:
    # one cell a line, blank lines between cells, no 序号 column: the task cells' own `1.` `2.` start
    # the rows, and the leader cell standing once before row 1 is merged over the rows below it
    text = (
        "2022年县政府重点工作责任分工方案\n\n牵头领导\n\n重点工作\n\n牵头单位\n\n配合单位\n\n备注\n\n"
        "李明副县长\n\n1.抓好粮食生产。全年粮食播种面积稳定在30万亩以上,落实耕地保护责任。\n\n"
        "县农业农村局\n\n县自然资源局\n\n"
        "2.推进农村人居环境整治。完成10个村的污水治理工程,建立长效管护机制。\n\n"
        "县住建局\n\n县生态环境分局\n\n各乡镇\n\n3.提升农村公路管养水平。完成县道大中修20公里"
    )
    doc = parse_text(text)
    # the third row is cut before its unit cells: still a row of the table
    assert [(t.number, t.title, t.lead, t.support, t.persons) for t in doc.tasks] == [
        ("1", "抓好粮食生产", ["县农业农村局"], ["县自然资源局"], ["李明"]),
        ("2", "推进农村人居环境整治", ["县住建局"], ["县生态环境分局", "各乡镇"], ["李明"]),
        ("3", "提升农村公路管养水平", [], [], ["李明"]),
    ]


def test_a_sub_row_cut_by_the_copys_end_before_its_bars_is_a_sub_row() -> None:
    head = (
        "2022年民生实事项目进展表\n序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建公办幼儿园5所。 | 已完成3所。 | 教育局 |\n"
        "新增托位500个。 | 新增托位600个。 | ||\n"
    )
    doc = parse_text(head + "开展胃肠癌筛查1万例以上。 | 已筛查8000")
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1", "新建公办幼儿园5所", ["教育局"]),
        ("1", "新增托位500个", ["教育局"]),
        ("1", "开展胃肠癌筛查1万例以上", ["教育局"]),
    ]
    # a note closing the copy is no sub-row
    doc = parse_text(head + "注:进展截至6月底")
    assert [t.title for t in doc.tasks] == ["新建公办幼儿园5所", "新增托位500个"]


def test_a_header_naming_no_task_column_has_its_task_text_before_the_units() -> None:
    # `序号 | 预期目标 | 责任单位 | 进展情况`: the column between 序号 and the units holds the
    # tasks; the last cell, cut where the copy ends before its bar, is still the row's unit cell
    text = (
        "附件1\n2021年预期目标任务进展情况表\n序号 |\n预期目标 |\n责任单位 |\n进展情况 |\n"
        "1 |\n地区生产总值增长6%以上 |\n区发展改革委 |\n预计增长20%左右。 |\n"
        "2 |\n工业增加值增长8% |\n区经济信息委 "
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        ("1", "地区生产总值增长6%以上", ["区发展改革委"], {"进展情况": "预计增长20%左右。"}),
        ("2", "工业增加值增长8%", ["区经济信息委"], {}),
    ]


def test_a_second_tables_attachment_line_and_title_are_not_rows_of_the_first() -> None:
    text = (
        "附件1\n\n2022年预期目标任务分解表\n\n序号\n\n2022年预期目标\n\n责任单位\n\n"
        "1\n\n地区生产总值增长5.5%左右\n\n区发展改革委\n\n2\n\n工业增加值增长7%左右\n\n"
        "区经济信息委\n\n附件2\n\n2022年重点工作任务分解表\n\n序号\n\n工作任务\n\n牵头单位\n\n"
        "配合单位\n\n1\n\n推动实验室落地,引进研发机构8家。\n\n区科技局\n\n区财政局\n"
    )
    doc = parse_text(text)
    assert [(t.title, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ("地区生产总值增长5.5%左右", [], [], ["区发展改革委"]),
        ("工业增加值增长7%左右", [], [], ["区经济信息委"]),
        ("推动实验室落地,引进研发机构8家", ["区科技局"], ["区财政局"], []),
    ]


def test_a_unit_cell_written_a_name_a_line_in_a_table_of_space_separated_rows() -> None:
    # rows of cells split by spaces; a row's several units stand a line each and its progress
    # cell follows them; section rows run on through the table (`二、重点工作` after row 2)
    text = (
        "2025年目标任务上半年推进情况汇总表\n序号 目标任务 责任单位 上半年推进情况\n"
        "一、主要预期目标\n1 地区生产总值增长6%以上。 区发展改革委 同比增长2.9%。\n"
        "2 第一产业增加值增长5%。 区农业农村委\n区林业局\n区供销联社\n同比增长3.4%。\n"
        "二、重点工作\n3 实施创新平台建设行动,启动创建科技企业孵化器。 区科技局 全面启动创建工作。\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.responsible, t.attributes) for t in doc.tasks] == [
        ("一.1", ["区发展改革委"], {"上半年推进情况": "同比增长2.9%。"}),
        ("一.2", ["区农业农村委", "区林业局", "区供销联社"], {"上半年推进情况": "同比增长3.4%。"}),
        ("二.3", ["区科技局"], {"上半年推进情况": "全面启动创建工作。"}),
    ]


def test_a_few_characters_the_copys_end_left_of_a_cell_are_no_sub_row() -> None:
    text = (
        "2024年任务分解清单\n序号\n目标任务\n牵头单位\n配合单位\n1\n地区生产总值增长6%左右\n"
        "区发改局\n各镇(街道)\n2\n城乡居民人均可支配收入增速与经济增长同步\n区发改局\n区"
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.lead) for t in doc.tasks] == [
        ("1", "地区生产总值增长6%左右", ["区发改局"]),
        ("2", "城乡居民人均可支配收入增速与经济增长同步", ["区发改局"]),
    ]


def test_every_column_of_persons_gives_its_names_leader_first() -> None:
    text = (
        "2024年任务清单\n序号 | 工作任务 | 责任领导 | 责任单位 | 责任人 | 完成时限 |\n"
        "1 | 推进放管服改革 | 王明副市长 | 市发改委 | 李四 | 6月底 |\n"
        "2 | 优化营商环境 | 王明副市长 | 市营商办 | 张三、赵六 | 12月底 |\n"
    )
    doc = parse_text(text)
    assert [(t.responsible, t.persons) for t in doc.tasks] == [
        (["市发改委"], ["王明", "李四"]),
        (["市营商办"], ["王明", "张三", "赵六"]),
    ]


def test_a_rectification_list_titles_its_rows_by_the_problem() -> None:
    text = (
        "整改清单\n序号 | 存在问题 | 整改措施 | 责任领导 | 责任单位 | 整改时限 |\n"
        "1 | 项目推进慢 | 加快推进项目建设 | 王明 | 市发改委 | 2024年6月底 |\n"
        "2 | 服务不优 | 优化营商环境 | 张三 | 市营商办 | 立行立改、长期坚持 |\n"
    )
    doc = parse_text(text)
    assert [
        (t.title, t.responsible, t.persons, t.deadline_text, t.attributes) for t in doc.tasks
    ] == [
        ("项目推进慢", ["市发改委"], ["王明"], "2024年6月底", {"整改措施": "加快推进项目建设"}),
        ("服务不优", ["市营商办"], ["张三"], "立行立改、长期坚持", {"整改措施": "优化营商环境"}),
    ]


def test_a_place_written_again_on_each_row_is_an_attribute_not_a_group() -> None:
    text = (
        "卫生城市测评路段问题汇总表\n序号 |\n路段名称 |\n问题描述 |\n责任单位 |\n备注 |\n"
        "1 |\n湘北大道 |\n沿线街道车辆违停严重 |\n停车办 |\n|\n2 |\n湘北大道 |\n垃圾站旁杂草丛生 |\n"
        "市环卫中心 |\n|\n3 |\n赶山西路 |\n路面积水严重 |\n市政维护管理处 |\n|\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        ("1", "沿线街道车辆违停严重", ["停车办"], {"路段名称": "湘北大道"}),
        ("2", "垃圾站旁杂草丛生", ["市环卫中心"], {"路段名称": "湘北大道"}),
        ("3", "路面积水严重", ["市政维护管理处"], {"路段名称": "赶山西路"}),
    ]


def test_a_ranking_cell_is_no_unit() -> None:
    text = (
        "民生实事项目半年度进度表\n\n序号\n\n项目内容\n\n完成率(%)\n\n是否统一进度(名次)\n\n牵头单位\n\n"
        "1\n\n为全县60岁以上老年人免费接种流感疫苗。\n\n20%\n\n是,全省统一进度\n\n县卫健局\n\n"
        "2\n\n全面推行长期护理保险制度。\n\n100%\n\n全省第1\n\n县医疗保障局\n"
    )
    doc = parse_text(text)
    assert [t.lead for t in doc.tasks] == [["县卫健局"], ["县医疗保障局"]]


def test_a_bar_table_ends_where_the_texts_next_section_starts() -> None:
    text = (
        "2017年度安全生产专项整治工作计划\n一、专项整治安排表\n专项整治行业名称 | 时间安排 | 责任单位 |\n"
        "烟花爆竹 | 1月份 | 安监站 安监所 |\n林产品加工 | 11月份 | 林站 |\n交通运输 | 12月份 | 超限站 公路站 |\n"
        "二、工作要求\n(一)各有关责任单位要按照时间安排,制定专项整治方案。\n"
    )
    doc = parse_text(text)
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("烟花爆竹", ["安监站", "安监所"]),
        ("林产品加工", ["林站"]),
        ("交通运输", ["超限站", "公路站"]),
    ]


def test_a_table_of_the_citys_units_beside_the_bureaus_own_offices() -> None:
    text = (
        "2021年政务公开工作分工方案\n工作任务 | 具体要求 | 市里落实单位 | 局内负责处室 |\n"
        "(一)做好规划公开。 | 1.主动公开规划纲要。 | 市政府各部门;各区政府 | 各处室 |\n"
        "(二)做好财政信息公开。 | 2.推进预算公开。 | 市财政局牵头,市直各单位落实 | 财审处牵头,局属各单位落实 |\n"
    )
    doc = parse_text(text)
    assert [(t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ([], [], ["市政府各部门", "各区政府", "各处室"]),
        (["市财政局", "财审处"], ["市直各单位", "局属各单位"], []),
    ]


def test_an_indicator_table_has_its_tasks_in_the_last_indicator_column() -> None:
    text = (
        "2021年度政务公开重点工作任务分解\n\n一级指标\n\n二级指标\n\n三级指标\n\n责任科室、单位\n\n"
        "主动公开\n\n养老服务\n\n是否及时公开老年人补贴相关政策(0.25\n\n中医科\n\n"
        "是否按月度公开各项老年人补贴发放总金额(0.5\n\n中医科\n\n"
        "医疗卫生\n\n是否公开基层政务公开事项标准目录(0.5\n\n办公室\n"
    )
    doc = parse_text(text)
    assert [t.responsible for t in doc.tasks] == [["中医科"], ["中医科"], ["办公室"]]
    assert doc.tasks[0].title.startswith("是否及时公开")


@pytest.mark.parametrize("separator", ["\t", " | ", "    "])
def test_the_unit_that_takes_the_work_on_beside_its_helpers_leads(separator: str) -> None:
    rows = [
        ["序号", "督办事项", "承办单位", "协办单位", "办结时限"],
        ["1", "推进政务服务一网通办", "市政务服务局", "市大数据局、市财政局", "2023年6月"],
        ["2", "优化营商环境", "市发改委", "各区县", "2023年底"],
    ]
    doc = parse_text(_table("督办事项清单", rows, separator))
    assert [_roles(task) for task in doc.tasks] == [
        (["市政务服务局"], ["市大数据局", "市财政局"], []),
        (["市发改委"], ["各区县"], []),
    ]


def test_a_bar_row_whose_cell_numbers_its_own_steps_stays_one_row() -> None:
    doc = parse_text(
        "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
        "1 | 新建幼儿园7所。 | 1.4月底前主体完工。 2.8月底前竣工交付。 | 教育局 | 住建局、财政局 |\n"
        "2 | 新建成长驿站7家。 | 1.成长驿站:3月底前新建成2家;9月底前完成7家。 "
        "2.托位:6月底前新增200个;9月底前完成500个。 3.筛查:11月底前完成筛查工作。 | "
        "卫生健康局 | 财政局、民政局、妇联,各镇(街道) |\n"
    )
    assert [(t.number, _roles(t)) for t in doc.tasks] == [
        ("1", ([], ["住建局", "财政局"], ["教育局"])),
        ("2", ([], ["财政局", "民政局", "妇联", "各镇(街道)"], ["卫生健康局"])),
    ]


def test_a_unit_name_the_copy_cut_at_its_end_is_no_sub_row() -> None:
    doc = parse_text(
        "2024年民生实事项目\n序号\n事项名称\n牵头单位\n协同单位\n1\n新建中小学校5家\n区教体局\n"
        "孝顺镇\n区发改局\n2\n新建托育机构1家\n区卫健局\n区住建局\n区机关事务\n"
    )
    assert [(t.number, t.title, t.lead, t.support) for t in doc.tasks] == [
        ("1", "新建中小学校5家", ["区教体局"], ["孝顺镇", "区发改局"]),
        ("2", "新建托育机构1家", ["区卫健局"], ["区住建局"]),
    ]


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_a_unit_column_that_names_each_units_person_too(separator: str) -> None:
    rows = [
        ["序号", "工作任务", "分管领导", "牵头单位及主要负责人", "完成时限"],
        ["1", "推进某项工作", "陈明", "县教育局 张三", "6月底"],
        ["2", "另一项工作", "陈明", "县财政局李四、县统计局欧阳明", "年底"],
    ]
    doc = parse_text(_table("2023年重点任务分解表", rows, separator))
    assert [(t.title, t.lead, t.persons) for t in doc.tasks] == [
        ("推进某项工作", ["县教育局"], ["陈明", "张三"]),
        ("另一项工作", ["县财政局", "县统计局"], ["陈明", "李四", "欧阳明"]),
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "具体工作", "责任单位", "完成时间"],
        ["序号", "建设内容", "主体单位", "完成时限"],
        ["序号", "任务清单", "责任科室", "完成时限"],
        ["序号", "重点项目", "责任单位", "时间节点"],
        ["序号", "考核指标", "责任单位", "完成时限"],
    ],
)
def test_task_columns_named_by_the_kind_of_work_they_hold(header: list[str]) -> None:
    rows = [
        header,
        ["1", "推进一网通办", "市政务服务局", "6月底"],
        ["2", "优化营商环境", "市发改委", "年底"],
    ]
    doc = parse_text(_table("2023年重点工作清单", rows, "\t"))
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("推进一网通办", ["市政务服务局"]),
        ("优化营商环境", ["市发改委"]),
    ]


def test_in_a_rectification_list_the_problem_is_the_task_not_its_measure() -> None:
    rows = [
        ["序号", "问题", "整改措施", "责任单位", "整改时限"],
        ["1", "门前乱堆乱放", "立即清理", "城管局", "立行立改"],
        ["2", "路面破损", "修复路面", "住建局", "6月底前"],
    ]
    doc = parse_text(_table("问题整改清单", rows, " | "))
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("门前乱堆乱放", ["城管局"]),
        ("路面破损", ["住建局"]),
    ]


def test_a_ministrys_indicator_table_one_cell_a_line_closed_by_bars() -> None:
    cells = [
        "序号", "指标名称", "预期效果", "完成时限", "指标 属性", "牵头负责司局", "备注",
        "1", "创建国家级示范区", "确定首批名单", "6月", "预期性", "规划司", "",
        "2", "钢铁去产能规模", "3000万吨左右", "12月", "约束性", "原材料工业司", "",
    ]  # fmt: skip
    doc = parse_text("工业和信息化部2018年关键业绩指标\n" + "".join(f"{c} |\n" for c in cells))
    assert [(t.title, t.lead, t.deadline_text) for t in doc.tasks] == [
        ("创建国家级示范区", ["规划司"], "6月"),
        ("钢铁去产能规模", ["原材料工业司"], "12月"),
    ]


def _barred_cells(*rows: list[str]) -> str:
    """A table copied one cell a line, each cell closed by a bar on the line below, a row that
    merged cells above leave short closed by one bar for each cell it lacks."""
    lines: list[str] = []
    for cells, missing in rows:
        for cell in cells:
            lines += [cell, "|"]
        if missing:
            lines.append("|" * missing)
    return "\n".join(lines)


def test_a_table_one_cell_a_line_whose_short_rows_end_with_a_bar_for_each_merged_cell() -> None:
    text = "2024年重点工作目标任务分解落实方案\n" + _barred_cells(
        (["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位"], 0),
        (["一、主要预期目标"], 4),
        (["1", "经济指标", "1.地区生产总值增长5%以上。", "钱 宇", "★区发改委、统计局"], 0),
        # the group cells and the leader cell merged from the row above
        (["2.一般公共预算收入增长6%以上。", "★区财政局、税务局"], 3),
        # the group cells merged; an empty leader cell of its own
        (["3.规上工业总产值增长5%左右。", "", "★区工信局、统计局"], 2),
    )
    doc = parse_text(text)
    assert [(t.title, t.lead, t.support, t.persons) for t in doc.tasks] == [
        ("地区生产总值增长5%以上", ["区发改委"], ["统计局"], ["钱宇"]),
        ("一般公共预算收入增长6%以上", ["区财政局"], ["税务局"], ["钱宇"]),
        ("规上工业总产值增长5%左右", ["区工信局"], ["统计局"], []),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "| 序号 | 重点任务 | 责任单位 | | 完成时限 |\n| | | 牵头单位 | 配合单位 | |\n",
        "| 序号 | 重点任务 | 责任单位 | | 完成时限 |\n|---|---|---|---|---|\n| | | 牵头单位 | 配合单位 | |\n",
        "序号 | 重点任务 | 责任单位 | 完成时限 |\n牵头单位 | 配合单位 |\n",
        "序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n",
        "序号\t重点任务\t责任单位\t完成时限\n牵头单位\t配合单位\n",
        "序号\n重点任务\n责任单位\n完成时限\n牵头单位\n配合单位\n",
    ],
)
def test_a_unit_column_spelled_out_by_a_second_header_row(header: str) -> None:
    """`责任单位` over `牵头单位 | 配合单位`: the most common two-row header of a division table."""
    if "|" in header:
        rows = "| 1 | 完善制度 | 市发改委 | 市财政局 | 2024年6月 |\n| 2 | 加强监管 | 市市场监管局 | 市公安局 | 2024年12月 |\n"
    elif "\t" in header:
        rows = "1\t完善制度\t市发改委\t市财政局\t2024年6月\n2\t加强监管\t市市场监管局\t市公安局\t2024年12月\n"
    else:
        rows = "1\n完善制度\n市发改委\n市财政局\n2024年6月\n2\n加强监管\n市市场监管局\n市公安局\n2024年12月\n"
    doc = parse_text("2024年任务分解表\n" + header + rows)
    assert [(t.title, t.lead, t.support, t.deadline_text) for t in doc.tasks] == [
        ("完善制度", ["市发改委"], ["市财政局"], "2024年6月"),
        ("加强监管", ["市市场监管局"], ["市公安局"], "2024年12月"),
    ]


def test_a_second_header_row_under_a_group_cell_naming_no_field() -> None:
    """`信息更新` spans `责任部门 | 生成时间`, the lower row's cells written from its start."""
    doc = parse_text(
        "信息公开目录\n序号 | 类别 | 公开事项 | 信息更新 | |\n责任部门 | 生成时间 | |||\n"
        "1 | 基本信息 | 学校章程及各项规章制度 | 党办校办 | 变动即更 |\n"
        "2 | 招生信息 | 招生章程及招生计划 | 招生办公室 | 每年5月 |\n"
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("学校章程及各项规章制度", ["党办校办"]),
        ("招生章程及招生计划", ["招生办公室"]),
    ]


def test_the_last_rows_unit_cell_cut_by_the_copys_end_stays_a_unit_cell() -> None:
    doc = parse_text(
        "2017年政务公开工作要点实施方案\n目标\n任务\n主要内容\n责任单位\n一、以政务公开助力稳增长\n"
        "(一)加强预期引导\n围绕我市经济社会发展形势,及时宣传解读。\n市发改委牵头落实\n"
        "加强财政政策信息公开,按月公开全市财政收支情况。\n市财政局牵头落实\n"
        "加强市内外舆情收集研判,及时发布权威消息。\n市发改委、市财政局、市人社局、人民银"
    )
    last = doc.tasks[-1]
    assert (last.title, last.responsible) == (
        "加强市内外舆情收集研判,及时发布权威消息",
        ["市发改委", "市财政局", "市人社局"],
    )


def test_columns_aligned_with_ideographic_spaces() -> None:
    """A table aligned with ideographic spaces (`　`, as wide as two spaces): one between two cells
    is a gap, so the lead and the supporting unit after it stay apart."""
    text = (
        "序号　工作任务　　　　　　牵头单位　　配合单位\n"
        "１　　推进数字政府建设　　市大数据局　市发改委\n"
        "２　　优化营商环境　　　　市发改委　　市市场监管局、市税务局\n"
    )
    assert [(t.number, t.title, t.lead, t.support) for t in parse_text(text).tasks] == [
        ("1", "推进数字政府建设", ["市大数据局"], ["市发改委"]),
        ("2", "优化营商环境", ["市发改委"], ["市市场监管局", "市税务局"]),
    ]


def test_columns_of_points_by_level_with_section_cells_and_two_items_in_a_cell() -> None:
    """`工作要求 | 一级要点 | 二级要点 | 责任科室`: the task column is the one before the units; the
    cells opening with section markers are headings (printed on a group's first row only), and a
    task cell holding the next item too is a task each, sharing the row's unit cell."""
    text = (
        "市统计局2023年政务公开工作分工\n"
        "工作要求 | 一级要点 | 二级要点 | 责任科室 |\n"
        "一、夯实工作基础 | (一)规范文件公开。 | 1.清理规范性文件,确保文本最新。 | 法规科牵头,办公室配合 |\n"
        "2.健全动态更新机制。 | 办公室牵头,各科室按职责分工落实 | ||\n"
        "(二)推进标准化建设。 | 3.更新主动公开目录。 4.规范依申请公开办理。 | 办公室 | |\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.number, t.title, t.lead, t.support, t.responsible) for t in tasks] == [
        ("一.(一).1", "清理规范性文件,确保文本最新", ["法规科"], ["办公室"], []),
        ("一.(一).2", "健全动态更新机制", ["办公室"], ["各科室"], []),
        ("一.(二).3", "更新主动公开目录", [], [], ["办公室"]),
        ("一.(二).4", "规范依申请公开办理", [], [], ["办公室"]),
    ]
    assert all(t.attributes == {} for t in tasks)


def test_masked_names_and_a_deadline_of_two_time_phrases() -> None:
    """Unit names a site masked (`****分局`, `县**局`) are the document's units as written, a run of
    stars no lead mark; `2025年11月底前,并长期坚持` is a deadline cell, so the cells stay in place
    in rows that the section cells above leave short."""
    text = (
        "| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
        "| 一、治理突出问题 | (一)强化源头治理 | 1.加强土壤污染源头防控。 | ****分局牵头,各有关部门按照职责分工负责 "
        "| 2025年11月底前,并长期坚持 |\n"
        "| 2.开展农药减量行动。 | 县农业农村局 | 2025年11月底前,并长期坚持 | ||\n"
        "| (二)整治校园食品安全 | 3.深化校园餐专项整治。 | ****体育局、县**局 | 2025年11月底前,并长期坚持 | |\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.number, t.title, t.lead, t.support, t.responsible) for t in tasks] == [
        ("一.(一).1", "加强土壤污染源头防控", ["****分局"], ["各有关部门"], []),
        ("一.(一).2", "开展农药减量行动", [], [], ["县农业农村局"]),
        ("一.(二).3", "深化校园餐专项整治", [], [], ["****体育局", "县**局"]),
    ]
    assert (str(tasks[0].deadline), tasks[0].deadline_text) == ("2025-11-30", "2025年11月底前")


def test_a_table_numbering_its_groups_and_its_rows_one_cell_a_line() -> None:
    """`序号 | 类别 | 公开事项 | 序号 | 评分指标 | 分值 | 责任部门`, one cell a line, each closed by a bar:
    the rows are numbered by the second 序号, their text the column after it; the group cells
    before (`(2)…`, standing once over their rows) are headings; a merged unit cell is shared."""
    text = (
        "2020年信息公开工作安排\n序号 |\n类别 |\n公开事项 |\n序号 |\n评分指标 |\n分值 |\n责任部门 |\n"
        "一 |\n基本信息 |\n(1)办学基本情况 |\n1 |\n总体情况介绍 |\n0.8 |\n党政办 |\n"
        "2 |\n领导班子分工 |\n0.8 |\n(2)学校规章制度 |\n3 |\n学校章程 |\n0.8 |\n法规科 |\n"
        "4 |\n各项规章制度 |\n0.8 |\n人事处、计财处 |\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.responsible, t.attributes.get("分值")) for t in doc.tasks] == [
        ("(1).1", "总体情况介绍", ["党政办"], "0.8"),
        ("(1).2", "领导班子分工", ["党政办"], "0.8"),
        ("(2).3", "学校章程", ["法规科"], "0.8"),
        ("(2).4", "各项规章制度", ["人事处", "计财处"], "0.8"),
    ]


def test_a_header_naming_its_task_column_only_by_the_work_it_holds() -> None:
    """`抽查领域 | 抽查事项 | 检查对象 | 发起部门 | 配合部门`: no task word names a column, so the task's
    text is the last column named for work before the units (`抽查事项`, not `检查对象`); the body
    that starts a joint inspection (`发起部门`) leads it."""
    text = (
        "序号 | 抽查领域 | 抽查事项 | 检查对象 | 发起部门 | 配合部门 | 抽查层级 | 备注 |\n"
        "1 | 旅馆抽查 | 旅馆取得许可证情况 | 各类旅馆 | 卫生健康部门 | 市场监管部门 | 市级 | 重点抽查 |\n"
        "2 | 学校抽查 | 学校配备卫生技术人员情况 | 市直各类学校 | 市卫生健康委员会 | 市教育局 | 市级 | 一般抽查 |\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.title, t.lead, t.support) for t in tasks] == [
        ("旅馆取得许可证情况", ["卫生健康部门"], ["市场监管部门"]),
        ("学校配备卫生技术人员情况", ["市卫生健康委员会"], ["市教育局"]),
    ]
    assert tasks[0].attributes["检查对象"] == "各类旅馆"


def test_a_table_one_cell_a_line_then_a_section_of_numbered_items() -> None:
    """A monthly list: a table one cell a line whose task cells number themselves (no 序号), then
    a section of numbered items naming no unit: the table's rows name their units, the section's
    items are tasks of their own."""
    text = (
        "市体育局4月份重点工作\n工作安排\n工作完成情况\n牵头单位\n"
        "1.持续推进公共服务工程。\n积极推进各项任务,完成率40%。\n市府办\n口内有关部门\n"
        "2.评选年度体育品牌赛事。\n完成赛事评选,共有19项赛事入选。\n市体育局\n"
        "二、清单之外其他重要工作\n1、下发试点工作方案。\n2、启动气排球公开赛筹备工作。\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.lead) for t in doc.tasks] == [
        ("1", "持续推进公共服务工程", ["市府办", "口内有关部门"]),
        ("2", "评选年度体育品牌赛事", ["市体育局"]),
        ("二.1", "下发试点工作方案", []),
        ("二.2", "启动气排球公开赛筹备工作", []),
    ]


def test_a_table_whose_words_a_page_glosses_with_pinyin() -> None:
    """A mirror in traditional characters glossing some with pinyin (`項(xiàng)目內容`, the gloss's
    opening bracket lost to a `?` at times: `單?dān)位`): the readers see the words whole."""
    text = (
        "2023年民生實(shí)事項(xiàng)目實(shí)施計劃\n"
        "序號(hào) | 項(xiàng)目內容 | 牽頭(tóu)單?dān)位 |\n"
        "1 | 完成學(xué)校結(jié)對。 | 縣教育局 |\n"
        "2 | 保障隨遷子女入學(xué)。 | 縣教育局、縣公安局 |\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.title, t.lead) for t in tasks] == [
        ("完成学校结对", ["县教育局"]),
        ("保障随迁子女入学", ["县教育局", "县公安局"]),
    ]


def test_a_table_whose_separators_a_copy_lost() -> None:
    """A yearbook's table with every separator lost: the header's cells glued (`序号项目名称责任单位`),
    each row's 序号 glued to its text and its unit cell glued after the text's full stop, further
    units one a line below; a glued header of two unit columns is not read so (no unit invented)."""
    text = (
        "2009年为民办实事项目\n序号项目名称责任单位\n"
        "1解决低收入家庭住房困难,年内新开工保障住房60万平方米。市房管局\n"
        "2对城北小区进行重点整治。市房管局\n市建设局\n亭湖区政府\n"
        "3推进新型农村合作医疗工作。市卫生局\n"
    )
    doc = parse_text(text)
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1", "解决低收入家庭住房困难,年内新开工保障住房60万平方米", ["市房管局"]),
        ("2", "对城北小区进行重点整治", ["市房管局", "市建设局", "亭湖区政府"]),
        ("3", "推进新型农村合作医疗工作", ["市卫生局"]),
    ]
    two = text.replace("序号项目名称责任单位", "序号项目名称第一责任单位主要责任单位")
    with pytest.raises(InputError):
        parse_text(two)


def test_a_wrapped_count_header_and_a_trailing_lead_mark() -> None:
    """One cell a line: a header cell wrapped over two lines (`区本级` / `任务数`, a count), and a
    lead marked by a star after its name (`区政府办公室*、区财政局`); a star on a cell's only name is
    a footnote's mark, no lead's."""
    text = (
        "二、重点工作\n序号\n重点工作\n区本级\n任务数\n责任单位\n"
        "1\n地区生产总值增长6.5%。\n\n区发改局\n"
        "2\n力争全年兑现惠企资金20亿元。\n9亿元\n区政府办公室*、区财政局\n"
        "3\n争取专项资金13亿元以上。\n12亿元\n区财政局*\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.number, t.lead, t.support, t.responsible) for t in tasks] == [
        ("1", [], [], ["区发改局"]),
        ("2", ["区政府办公室"], ["区财政局"], []),
        ("3", [], [], ["区财政局"]),
    ]
    assert tasks[1].attributes == {"区本级任务数": "9亿元"}


def test_a_dash_alone_stands_for_an_empty_cell() -> None:
    text = (
        "任务分解表\n工作任务\n牵头单位\n责任单位\n"
        "1.公开发展规划纲要。\n改革发展局\n——\n"
        "2.公开重点专项规划。\n改革发展局\n建设局、生态环境局\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.title, t.lead, t.support) for t in tasks] == [
        ("公开发展规划纲要", ["改革发展局"], []),
        ("公开重点专项规划", ["改革发展局"], ["建设局", "生态环境局"]),
    ]


def test_a_report_column_named_with_a_task_word_is_no_task_column() -> None:
    """`序号 | 工作任务 | 进展情况 | 存在问题和下步计划 | 责任单位`: the column after 进展情况 only holds a
    task word inside its name, a report on the task; a row cut by the copy's end keeps its text
    in the task column."""
    text = (
        "序号 | 工作任务 | 进展情况 | 存在问题和下步计划 | 责任单位 |\n"
        "71 | 提高公共文化服务水平。 | 1.完成建设13个项目。 | 下步计划:查漏补缺。 | 牵头单位:市文广旅游局 |\n"
        "72 | 加大文物保护力度。 | 1.完成申遗文本评审稿。2.报送申请表;"
    )
    tasks = parse_text(text).tasks
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("71", "提高公共文化服务水平", ["市文广旅游局"]),
        ("72", "加大文物保护力度", []),
    ]
