"""The annotation grammar, class by class, on text written for these tests (issue 12's classes)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskctl.ingest import parse_text
from taskctl.ingest.annotations import read_annotation
from taskctl.vocab import ANNOTATION_LABELS, NOT_IN_UNIT_NAMES


def roles(text: str) -> tuple[list[str], list[str], list[str]]:
    annotation = read_annotation("完善制度。" + text)
    assert annotation is not None, text
    return annotation.lead, annotation.support, annotation.responsible


# 1. unknown labels are attributes, never units
@pytest.mark.parametrize(
    ("text", "responsible", "attributes"),
    [
        (
            "(负责单位:省商务厅、省财政厅;实施范围:各自贸片区)",
            ["省商务厅", "省财政厅"],
            {"实施范围": "各自贸片区"},
        ),
        ("(责任单位:市城管局;备注:与上年衔接)", ["市城管局"], {"备注": "与上年衔接"}),
        ("(联系电话:12345;责任单位:县财政局)", ["县财政局"], {"联系电话": "12345"}),
    ],
)
def test_unknown_labels_are_attributes(text: str, responsible: list[str], attributes: dict) -> None:
    annotation = read_annotation("完善制度。" + text)
    assert annotation is not None
    assert annotation.responsible == responsible
    assert annotation.attributes == attributes


# 3. responsibility as prose
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(省发展改革委、省科技厅按职责分工负责)", ([], [], ["省发展改革委", "省科技厅"])),
        ("(由省教育厅牵头,省人社厅、省财政厅配合)", (["省教育厅"], ["省人社厅", "省财政厅"], [])),
        ("(省卫健委会同省医保局负责)", (["省卫健委"], ["省医保局"], [])),
        ("(省文旅厅负责,各市州政府落实)", ([], [], ["省文旅厅", "各市州政府"])),
        ("(各县区政府、市直有关部门按职责负责)", ([], [], ["各县区政府", "市直有关部门"])),
        ("(民政部牵头,卫生健康委参与)", (["民政部"], ["卫生健康委"], [])),
        ("(省发展改革委、省财政厅分别牵头)", (["省发展改革委", "省财政厅"], [], [])),
        ("(各省级人民政府负责,住房城乡建设部指导)", ([], [], ["各省级人民政府", "住房城乡建设部"])),
        ("(市教育局牵头,市财政局负责)", (["市教育局"], ["市财政局"], [])),
        ("(市商务委、市地税局等按照职责分工负责)", ([], [], ["市商务委", "市地税局"])),
        ("(区民政局、区财政局按各自职责负责)", ([], [], ["区民政局", "区财政局"])),
        # a manner phrase before any role verb (`按职责配合`, `依职责抓好落实`)
        (
            "(市场监管局牵头;公安局、农业农村局按职责配合)",
            (["市场监管局"], ["公安局", "农业农村局"], []),
        ),
        ("(各乡镇、县直有关单位依职责抓好落实)", ([], [], ["各乡镇", "县直有关单位"])),
        ("(市发展改革委、市财政局按职能职责分别负责)", ([], [], ["市发展改革委", "市财政局"])),
        ("(市农业农村局会同市乡村振兴局推进)", (["市农业农村局"], ["市乡村振兴局"], [])),
        ("(市文广旅局为主,各区县配合)", (["市文广旅局"], ["各区县"], [])),
        ("(市卫健委主抓,市医保局协同)", (["市卫健委"], ["市医保局"], [])),
        ("(市政府办公室统筹,各部门各负其责)", ([], [], ["市政府办公室", "各部门"])),
        ("(以市文广旅局为主,各区县配合)", (["市文广旅局"], ["各区县"], [])),
        ("(市发改委负责牵头,市财政局做好配合)", (["市发改委"], ["市财政局"], [])),
        ("(市发改委为牵头单位,市财政局为配合单位)", (["市发改委"], ["市财政局"], [])),
        ("(市发改委牵头,市财政局、市税务局支持)", (["市发改委"], ["市财政局", "市税务局"], [])),
        # a bare list whose first unit is noted as the lead
        ("(市发改委(牵头)、市财政局、市审计局)", (["市发改委"], ["市财政局", "市审计局"], [])),
    ],
)
def test_prose_roles(text: str, expected: tuple) -> None:
    assert roles(text) == expected


# 4. 等 and group tails
@pytest.mark.parametrize(
    ("text", "responsible"),
    [
        ("(省人社厅等有关部门负责)", ["省人社厅", "有关部门"]),
        ("(省财政厅等部门负责)", ["省财政厅"]),
        ("(市商务局及相关单位负责)", ["市商务局", "相关单位"]),
        ("(责任单位:县农业农村局和有关方面)", ["县农业农村局", "有关方面"]),
        ("(责任单位:市住建局等政府各有关部门)", ["市住建局", "政府各有关部门"]),
        ("(责任单位:行政执法局和共建单位)", ["行政执法局", "共建单位"]),
        # the bodies counted are one group (`13个街道、镇`), as `各街道、镇` is
        ("(责任单位:区民政局等相关部门,13个街道、镇)", ["区民政局", "相关部门", "13个街道、镇"]),
        ("(责任单位:区教育局、各街道、镇)", ["区教育局", "各街道、镇"]),
        ("(责任单位:各街道、市执法局)", ["各街道", "市执法局"]),
        ("(责任单位:市民政局、各乡、镇人民政府)", ["市民政局", "各乡、镇人民政府"]),
        ("(责任单位:拆违控违办、各村、社区)", ["拆违控违办", "各村、社区"]),
        # a region word may carry its bracket of others (`市(县)`); a level named again starts a unit
        ("(责任单位:市发改委、各市(县)、区政府)", ["市发改委", "各市(县)、区政府"]),
        ("(责任单位:各市(县)、市发改委)", ["各市(县)", "市发改委"]),
        # a group cut before its noun (a table cell where a copy ends): the unit before 等 stays,
        # the cut group is refused
        ("(责任单位:市住建局等政府各有关)", ["市住建局"]),
        ("(责任单位:市教育局、区县相关)", ["市教育局"]),
    ],
)
def test_group_tails(text: str, responsible: list[str]) -> None:
    assert roles(text)[2] == responsible


def test_a_group_cut_before_its_noun_is_refused_with_a_warning() -> None:
    doc = parse_text("2024年工作要点\n1.完善制度。(责任单位:市住建局等政府各有关)")
    assert doc.tasks[0].responsible == ["市住建局"]
    assert [w.message for w in doc.warnings if "政府各有关" in w.message] == [
        "not a unit (a group cut before its noun, not a name): 政府各有关"
    ]


# 5. 责任单位 next to a lead supports it and keeps its label
def test_responsible_next_to_a_lead_supports() -> None:
    annotation = read_annotation("完善制度。(牵头单位:市发改委;责任单位:市财政局、各区政府)")
    assert annotation is not None
    assert (annotation.lead, annotation.support, annotation.responsible) == (
        ["市发改委"],
        ["市财政局", "各区政府"],
        [],
    )
    assert annotation.labels == {"市财政局": "责任单位", "各区政府": "责任单位"}


# 2. document-wide rules, wherever they are
@pytest.mark.parametrize(
    "text",
    [
        "2024年工作要点\n(列第一位的为牵头单位)\n1.完善制度。(市发改委、市财政局负责)\n2.加强监管。(市市场监管局、市公安局负责)\n",
        "2024年工作要点\n1.完善制度。(市发改委、市财政局负责,排在首位的部门为牵头部门,下同)\n2.加强监管。(市市场监管局、市公安局负责)\n",
        "2024年工作要点\n1.完善制度。(市发改委、市财政局负责)\n2.加强监管。(市市场监管局、市公安局负责)\n注:第一个单位为牵头单位,其他为配合单位。\n",
    ],
)
def test_first_listed_leads_rule(text: str) -> None:
    tasks = parse_text(text).tasks
    assert [(t.lead, t.support, t.responsible) for t in tasks] == [
        (["市发改委"], ["市财政局"], []),
        (["市市场监管局"], ["市公安局"], []),
    ]
    assert not any("牵头" in unit for t in tasks for unit in t.support)


def test_default_lead_rule() -> None:
    text = "2024年工作要点\n以下各项均由市科技局牵头。\n1.完善制度。(市财政局负责)\n2.加强监管。\n"
    tasks = parse_text(text).tasks
    assert tasks[0].lead == ["市科技局"] and tasks[0].support == ["市财政局"]
    assert tasks[1].lead == ["市科技局"]


# 6. tables pasted as text
TABLE_ROWS = [
    ("序号", "重点任务", "牵头单位", "配合单位", "责任领导", "完成时限"),
    ("1", "推进数字政府建设", "市大数据局", "市财政局", "张三", "2024年12月底前"),
    ("2", "优化企业开办服务", "市市场监管局", "市税务局", "李四", "2024年6月底前"),
]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join("\t".join(row) for row in TABLE_ROWS),
        "\n".join("| " + " | ".join(row) + " |" for row in TABLE_ROWS[:1])
        + "\n|---|---|---|---|---|---|\n"
        + "\n".join("| " + " | ".join(row) + " |" for row in TABLE_ROWS[1:]),
        "\n".join(" | ".join(row) for row in TABLE_ROWS),
        "\n".join("    ".join(row) for row in TABLE_ROWS),
        "\n".join(cell for row in TABLE_ROWS for cell in row),
        "\n".join(cell + " |" for row in TABLE_ROWS for cell in row),
        # as a web page copies it: a blank line between cells
        "\n\n".join(cell for row in TABLE_ROWS for cell in row),
        # without its 序号 column: rows follow one another, each ending after its last column
        "\n".join(cell for row in TABLE_ROWS for cell in row[1:]),
        "\n".join("\t".join(row[1:]) for row in TABLE_ROWS),
        # a PDF copy: cells split by single spaces
        "\n".join(" ".join(row) for row in TABLE_ROWS),
    ],
    ids=[
        "tabs",
        "markdown",
        "pipes",
        "spaces",
        "cell-per-line",
        "cell-per-line-bars",
        "cell-per-line-blank-lines",
        "cell-per-line-no-number",
        "tabs-no-number",
        "single-spaces",
    ],
)
def test_tables_pasted_as_text(text: str) -> None:
    tasks = parse_text("XX市2024年重点任务分工\n" + text).tasks
    assert [(t.title, t.lead, t.support, t.persons) for t in tasks] == [
        ("推进数字政府建设", ["市大数据局"], ["市财政局"], ["张三"]),
        ("优化企业开办服务", ["市市场监管局"], ["市税务局"], ["李四"]),
    ]
    assert str(tasks[1].deadline) == "2024-06-30"


# 8. several annotations in one paragraph
def test_several_annotated_runs_are_child_tasks() -> None:
    doc = parse_text(
        "2024年工作要点\n一、民生保障\n(二)加强养老服务。建设社区养老服务网络。(民政部牵头,卫生健康委参与)"
        "完善养老护理员培训制度。(人力资源社会保障部负责)\n"
    )
    heading = next(item for item in doc.items if item.number == "一.(二)")
    assert (heading.kind, heading.title) == ("heading", "加强养老服务")
    assert [(t.number, t.title, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ("一.(二)-1", "建设社区养老服务网络", ["民政部"], ["卫生健康委"], []),
        ("一.(二)-2", "完善养老护理员培训制度", [], [], ["人力资源社会保障部"]),
    ]


@pytest.mark.parametrize("text", ["(含技工院校)", "(试行)", "(由市政府统一实施)", "(2024年版)"])
def test_a_bracket_of_task_text_stays_text(text: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.制定办法{text},加强监管。\n").tasks
    assert not (task.lead or task.support or task.responsible)


# the unit guard: label text and verb phrases are rejected with a warning, never stored
def test_rejected_candidates_are_warnings() -> None:
    doc = parse_text(
        "2024年工作要点\n1.完善制度。(牵头单位:市发改委;配合单位:加强统筹协调的各部门)\n"
    )
    (task,) = doc.tasks
    assert task.lead == ["市发改委"] and task.support == []
    assert any("加强统筹协调的各部门" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("相关工作", False),
        ("各项任务", False),
        ("各班级", True),
        ("有关方面", True),
        ("相关规划制定部门", True),  # a department named for what it does in the task
    ],
)
def test_a_group_prefix_before_task_text_is_no_group(name: str, unit: bool) -> None:
    from taskctl.ingest.units import unit_problem

    assert (unit_problem(name) is None) == unit


# properties: no unit holds a label colon, a label word or a role verb; order of parts is irrelevant
PARTS = [
    "牵头单位:省科技厅",
    "配合单位:省财政厅、省教育厅",
    "责任单位:各市州政府",
    "实施范围:各自贸片区",
    "完成时限:2024年底前",
    "责任人:张三",
]
LABEL_WORDS = [label for label in ANNOTATION_LABELS if len(label) >= 3]
VERBS = ("负责", "牵头", "配合", "参与", "会同")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PARTS, "省科技厅牵头", "X等有关部门负责", "备注:无"]),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([";", ",", ";"]),
)
def test_units_are_never_labels_or_verbs(parts: list[str], separator: str) -> None:
    annotation = read_annotation("完善制度。(" + separator.join(parts) + ")")
    if annotation is None:
        return
    for unit in (*annotation.lead, *annotation.support, *annotation.responsible):
        assert ":" not in unit and "：" not in unit
        assert not any(word in unit for word in LABEL_WORDS)
        assert not any(verb in unit for verb in VERBS)
        assert not any(word in unit for word in NOT_IN_UNIT_NAMES)


def test_reordering_the_parts_keeps_the_roles() -> None:
    seen = set()
    for order in itertools.permutations(PARTS):
        annotation = read_annotation("完善制度。(" + ";".join(order) + ")")
        assert annotation is not None
        seen.add(
            (
                tuple(sorted(annotation.lead)),
                tuple(sorted(annotation.support)),
                tuple(sorted(annotation.responsible)),
                tuple(sorted(annotation.persons)),
            )
        )
    assert seen == {(("省科技厅",), ("各市州政府", "省教育厅", "省财政厅"), (), ("张三",))}


# 9. leaders and persons: a heading that puts a leader in charge gives its tasks that person
def test_a_leader_heading_gives_its_tasks_a_person() -> None:
    doc = parse_text(
        "2022年重点工作责任分解\n一、王丹县长牵头重点工作\n1.稳定经济增长。\n责任单位:县发改局\n"
        "二、曹惠明常务副县长牵头重点工作\n1.推进依法行政。\n责任单位:县司法局\n责任人:李四\n"
    )
    assert [(t.persons, t.responsible) for t in doc.tasks] == [
        (["王丹"], ["县发改局"]),
        (["李四"], ["县司法局"]),  # a task's own person wins
    ]
    assert not any("王丹" in unit for t in doc.tasks for unit in t.responsible)


def test_a_leader_heading_naming_a_party_group_member() -> None:
    (task,) = parse_text(
        "2023年重点工作\n二、张盈军区政府党组成员牵头重点工作\n1.推进招商。\n责任单位:区商务局\n"
    ).tasks
    assert (task.persons, task.responsible) == (["张盈军"], ["区商务局"])


def test_a_leader_heading_may_name_the_post_first() -> None:
    # `区长陈兴立牵头重点工作` over a table one cell a line: the rows take the leader
    doc = parse_text(
        "2024年目标任务分解清单\n一、区长陈兴立牵头重点工作\n序号\n目标任务\n牵头单位\n配合单位\n"
        "1\n一般公共预算收入增速与经济增长同步\n区财政局\n区税务局\n"
        "二、常务副区长姚珂军牵头重点工作\n序号\n目标任务\n牵头单位\n配合单位\n"
        "1\n地区生产总值增长6%左右\n区发改局\n各镇(街道)\n"
    )
    assert [(t.persons, t.lead) for t in doc.tasks] == [
        (["陈兴立"], ["区财政局"]),
        (["姚珂军"], ["区发改局"]),
    ]
    # a post alone names no one
    doc = parse_text("2024年重点工作\n一、县长牵头重点工作\n1.稳定经济增长。\n责任单位:县发改局\n")
    assert doc.tasks[0].persons == []


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("主抓单位", "lead"),
        ("牵头实施单位", "lead"),
        ("牵头处(室)", "lead"),
        ("牵头单位(部门)", "lead"),
        ("配合科(股)", "support"),
        ("责任处(室)", "responsible"),
        ("责任单位(人)", "responsible"),
        ("完成单位", "responsible"),
        ("责任站所", "responsible"),
        ("责任局室", "responsible"),
        ("责任乡镇", "responsible"),
        ("责任街道", "responsible"),
        ("责任地区", "responsible"),
        ("数据提供单位", "support"),
        ("协商部门", "support"),
        # a company's departments (`牵头部室`), a task force (`责任专班`)
        ("牵头部室", "lead"),
        ("配合部室", "support"),
        ("责任专班", "responsible"),
    ],
)
def test_label_forms_give_their_role(label: str, role: str) -> None:
    """Labels a department composes otherwise, or whose holder it names again in brackets."""
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。({label}:市发改委、市财政局)\n").tasks
    roles = {"lead": task.lead, "support": task.support, "responsible": task.responsible}
    assert roles == {name: ["市发改委", "市财政局"] if name == role else [] for name in roles}
    assert task.attributes == {}


@pytest.mark.parametrize("label", ["包抓领导", "挂点领导", "督导领导", "分管负责人"])
def test_leaders_by_their_duty_are_persons(label: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。({label}:王明;牵头单位:市发改委)\n").tasks
    assert task.persons == ["王明"] and task.lead == ["市发改委"]


@pytest.mark.parametrize("label", ["责任领导", "分管领导", "牵头领导", "责任人", "联系人"])
def test_person_labels_never_give_units(label: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。({label}:王明;牵头单位:市发改委)\n").tasks
    assert task.persons == ["王明"] and task.lead == ["市发改委"]


# 7. numbers that are not item numbers
def test_numbers_in_text_are_not_items() -> None:
    doc = parse_text(
        "2024年工作要点\n一、人才\n9.引进人才。\n10.实施人才工程,重点抓好\n"
        "121.人才工程的三个层次。\n3个专项行动同步推进。\n2025年目标全部实现。\n11.完善评价。\n"
    )
    assert [t.number for t in doc.tasks] == ["一.9", "一.10", "一.11"]
    assert "121.人才工程的三个层次" in doc.tasks[1].full_text
    assert "3个专项行动" in doc.tasks[1].full_text
    assert any(w.line == 5 and "121" in w.message for w in doc.warnings)


def test_a_skipped_number_is_an_item_with_a_warning() -> None:
    doc = parse_text("2024年工作要点\n1.甲任务。\n2.乙任务。\n4.丁任务。\n")
    assert [t.number for t in doc.tasks] == ["1", "2", "4"]
    assert any("out of sequence" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("value", "persons"),
    [
        ("副市长 张三", ["张三"]),
        ("张三副市长、李四同志", ["张三", "李四"]),
        ("王 五", ["王五"]),
        # a leader named by the surname and the post: the person as written, not a name cut from it
        ("王副市长、李局长", ["王副市长", "李局长"]),
    ],
)
def test_leader_titles_are_not_persons(value: str, persons: list[str]) -> None:
    (task,) = parse_text(
        f"2024年工作要点\n1.完善制度。(责任领导:{value};牵头单位:市发改委)\n"
    ).tasks
    assert task.persons == persons


@pytest.mark.parametrize(
    "text",
    [
        "2024年工作要点\n1.完善制度。\n【牵头单位】市发改委\n【配合单位】市财政局\n",
        "2024年工作要点\n1.完善制度。[牵头单位]市发改委 [配合单位]市财政局\n",
        "2024年工作要点\n1.完善制度。\n〔牵头单位〕市发改委\n〔配合单位〕:市财政局\n",
        "2024年工作要点\n1.完善制度。(牵头责任部门:市发改委;参加部门:市财政局)\n",
        "2024年工作要点\n1.完善制度。(市发改委牵头抓总,市财政局密切配合)\n",
        # the body in charge of the field, beside a lead, works with it
        "2024年工作要点\n1.完善制度。(牵头单位:市发改委;主管部门:市财政局)\n",
        "2024年工作要点\n1.完善制度。(牵头单位:市发改委;包保单位:市财政局)\n",
    ],
)
def test_other_ways_of_writing_labels_and_verbs(text: str) -> None:
    (task,) = parse_text(text).tasks
    assert (task.lead, task.support) == (["市发改委"], ["市财政局"])


def test_role_clauses_opening_a_paragraph() -> None:
    doc = parse_text(
        "2008年重点工作\n1、设立综合配套改革试验区\n由杨志武副市长负责,市发改委牵头,相关部门配合,"
        "尽快完成实施方案。\n2、推进城市轨道交通\n市发改委牵头制定方案,报市政府审定。\n"
    )
    first, second = doc.tasks
    assert (first.title, first.lead, first.support, first.persons) == (
        "设立综合配套改革试验区",
        ["市发改委"],
        ["相关部门"],
        ["杨志武"],
    )
    assert not (second.lead or second.support or second.responsible)  # prose, not a note


def test_role_clauses_opening_sentences_make_runs() -> None:
    doc = parse_text(
        "2007年工作方案\n一、治理畜牧业产品污染\n(一)由省经贸委负责,省农业厅、省环保局配合,加快无公害"
        "基地建设。省农业厅做好基地认定工作。省检验检疫局负责,省农业厅配合,强化出口备案管理。\n"
    )
    # (each title is its run's sentence as written, its opening clauses included)
    assert [(t.number, t.title, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        (
            "一.(一)-1",
            "由省经贸委负责,省农业厅、省环保局配合,加快无公害基地建设",
            [],
            ["省农业厅", "省环保局"],
            ["省经贸委"],
        ),
        (
            "一.(一)-2",
            "省检验检疫局负责,省农业厅配合,强化出口备案管理",
            [],
            ["省农业厅"],
            ["省检验检疫局"],
        ),
    ]
    # the sentence between the runs names a unit without a role word: text of the first run
    assert "省农业厅做好基地认定工作" in doc.tasks[0].full_text


@pytest.mark.parametrize(
    "text",
    [
        "1.实施基础研究行动。由省科技厅牵头组织实施,会同省财政厅制定配套政策。\n",
        "1.实施基础研究行动。省科技厅负责制定办法,省财政厅配合做好保障。\n",
    ],
)
def test_prose_inside_a_line_needs_two_role_clauses(text: str) -> None:
    (task,) = parse_text("2024年工作要点\n" + text).tasks
    assert not (task.lead or task.support or task.responsible)


def test_names_before_a_comma_share_the_verb_after_it() -> None:
    annotation = read_annotation(
        "稳定粮食生产。(广东省农业农村厅,农业农村部计划财务司、种植业管理司牵头;广东省发展改革委、"
        "自然资源厅,广东银保监局等按职责分工负责;广东省各地级以上市人民政府落实,以下各项工作均需"
        "市人民政府落实,不再列出。以下分工中,广东省、农业农村部分别简称省、部)"
    )
    assert annotation is not None
    assert annotation.lead == ["广东省农业农村厅", "农业农村部计划财务司", "种植业管理司"]
    # 按职责分工负责 and 落实 beside a lead support; the note after them names nothing
    assert annotation.support == [
        "广东省发展改革委",
        "自然资源厅",
        "广东银保监局",
        "广东省各地级以上市人民政府",
    ]
    assert annotation.rejected == []


def test_a_marked_unit_in_a_labelled_list_leads() -> None:
    annotation = read_annotation("完善制度。(责任单位:▲市发改局、市财政局、各镇乡(街道))")
    assert annotation is not None
    assert (annotation.lead, annotation.support) == (["市发改局"], ["市财政局", "各镇乡(街道)"])


def test_names_joined_by_he_before_a_group_tail_are_split() -> None:
    annotation = read_annotation(
        "建设能源基地。(自治区能源开发局牵头,自治区发展改革委、经济和信息化委、环保厅和"
        "内蒙古电力监管办及相关盟市配合)"
    )
    assert annotation is not None
    assert annotation.support == [
        "自治区发展改革委",
        "经济和信息化委",
        "环保厅",
        "内蒙古电力监管办",
        "相关盟市",
    ]


def test_a_department_names_its_own_leaders_and_sections_after_the_note() -> None:
    doc = parse_text(
        "2010年任务分工\n1、继续抓好水土流失治理工程。推进农村环境综合治理(牵头单位:区环保厅)。"
        "由鲁国会、郑忠安副厅长分别负责,环境监测处、环境影响评价处和农村环境监督管理处分别落实。\n"
        "2、降低能耗(牵头单位:区经济和信息化委、环保厅)。由金国兴总工负责,总量控制处落实。\n"
    )
    first, second = doc.tasks  # the prose after the note is the same task's, not a run of its own
    assert (first.lead, first.support, first.persons) == (
        ["区环保厅"],
        ["环境监测处", "环境影响评价处", "农村环境监督管理处"],
        ["鲁国会", "郑忠安"],
    )
    assert (second.lead, second.support, second.persons) == (
        ["区经济和信息化委", "环保厅"],
        ["总量控制处"],
        ["金国兴"],
    )


def test_a_run_the_copy_cuts_before_its_note_is_a_task() -> None:
    doc = parse_text(
        "2018年工作要点\n一、加强重点工作信息公开\n(一)做好信息公开。制定发布规划信息。(市规划委负责落实)"
        "推进区域合作信息公开。(市发展改革委、市教委分别负责落实)协调发布金融领域政策措施,及时公开"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.(一)-1", "制定发布规划信息", ["市规划委"]),
        ("一.(一)-2", "推进区域合作信息公开", ["市发展改革委", "市教委"]),
        ("一.(一)-3", "协调发布金融领域政策措施,及时公开", []),
    ]


def test_bare_lists_after_each_sentence_of_a_paragraph_a_bare_list_closes() -> None:
    # a ministry's own plan: each run closed by its departments' short names, no role word; the
    # paragraph's closing list makes the others notes too; `水司` stands beside whole names and
    # a page's `&&` is no part of a name
    doc = parse_text(
        "2020年政务公开工作安排\n一、强化重点信息公开\n(一)生态环境质量信息\n"
        "公布环境空气质量最好、最差的20个城市名单。(监测司、大气司) 公开近岸海域水质信息。"
        "(监测司、海洋司)及时公布医疗废水处置情况。(应急中心、固体司、水司)加强专项行动信息公开。"
        "(执法局&&)\n(二)许可信息\n公开建设项目环评审批信息(2020年)。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一.(一)-1", ["监测司", "大气司"]),
        ("一.(一)-2", ["监测司", "海洋司"]),
        ("一.(一)-3", ["应急中心", "固体司", "水司"]),
        ("一.(一)-4", ["执法局"]),
        ("一.(二)", []),
    ]
    # the heading stands on a line of its own: the first run's title is its first sentence
    assert doc.tasks[0].title == "公布环境空气质量最好、最差的20个城市名单"
    # a bracket inside a sentence of a paragraph no list closes is text
    (task,) = parse_text("2020年工作安排\n1.发布信息。(监测司、大气司) 公开水质信息。\n").tasks
    assert task.responsible == []


def test_a_bare_list_with_persons_in_brackets() -> None:
    annotation = read_annotation("加快数字政府建设。(市大数据局(张伟)、市政务服务局(李娜))")
    assert annotation is not None
    assert (annotation.responsible, annotation.persons) == (
        ["市大数据局", "市政务服务局"],
        ["张伟", "李娜"],
    )


def test_a_degree_before_a_label_keeps_its_role() -> None:
    doc = parse_text(
        "2021年任务分解\n1.创建国家卫生县城。\n牵头责任单位:县卫健委\n"
        "主要协作单位:各乡镇人民政府、县政府有关部门\n直接责任人:张明\n"
    )
    (task,) = doc.tasks
    assert (task.lead, task.support, task.persons) == (
        ["县卫健委"],
        ["各乡镇人民政府", "县政府有关部门"],
        ["张明"],
    )


@pytest.mark.parametrize(
    "name",
    ["业主单位", "建设单位", "责任单位", "牵头部门", "3.省庄花园小区配套幼儿园", "(2)市财政局"],
)
def test_the_guard_refuses_labels_role_nouns_and_numbered_items(name: str) -> None:
    from taskctl.ingest.units import unit_problem

    assert unit_problem(name) is not None
    assert unit_problem("区城投公司") is None


def test_a_leader_label_holding_only_a_post_names_that_post() -> None:
    doc = parse_text(
        "2023年任务分工\n1.推进城市更新。\n牵头领导:常务副区长\n主要责任单位:区住建委\n"
    )
    (task,) = doc.tasks
    assert (task.persons, task.lead) == (["常务副区长"], ["区住建委"])


def test_prose_assignments_whose_names_before_a_comma_share_the_verb() -> None:
    doc = parse_text(
        "20*年重点工作分解\n一、主要目标\n生产总值增长13%。\n由市人民政府各相关部门,各县(市)、区人民政府负责落实。\n"
        "二、为民办好十件实事\n(一)实施种粮补贴,确保总金额高于上年。由市财政局、农业局,各县(市)、区人民政府负责落实。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一", ["市人民政府各相关部门", "各县(市)、区人民政府"]),
        ("二.(一)", ["市财政局", "农业局", "各县(市)、区人民政府"]),
    ]


def test_a_sentence_assigning_the_task_it_closes() -> None:
    doc = parse_text(
        "2011年食品安全工作要点\n6、开展食品安全信息发布工作。完善信息发布制度。"
        "此项工作由市食安办、市农业局负责。\n7、加强宣传。市农业局要开展宣传。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("6", ["市食安办", "市农业局"]),
        ("7", []),  # a unit as a sentence's subject without a role word: no assignment
    ]


def test_role_clauses_end_at_the_sentence() -> None:
    annotation = read_annotation(
        "由省经贸委承办,省农业厅、省卫生厅协办。治理目标:抽检合格率达95%以上。"
    )
    assert annotation is not None
    assert (annotation.lead, annotation.support) == (["省经贸委"], ["省农业厅", "省卫生厅"])


def test_a_note_keeps_its_units_when_one_name_is_refused() -> None:
    doc = parse_text(
        "2027年工作要点\n1.深化社会信用体系建设。(省教育厅牵头,西南财经大学、加强协调的各方、"
        "省发展改革委配合)\n"
    )
    (task,) = doc.tasks
    assert task.lead == ["省教育厅"]
    assert task.support == ["西南财经大学", "省发展改革委"]
    assert any("加强协调的各方" in w.message for w in doc.warnings)


def test_units_with_notes_in_lenticular_brackets() -> None:
    lead, support, responsible = roles("(区府办〔区大数据局〕牵头,各镇〔街道〕、区级各部门配合)")
    assert (lead, support, responsible) == (
        ["区府办〔区大数据局〕"],
        ["各镇〔街道〕", "区级各部门"],
        [],
    )


@pytest.mark.parametrize(
    ("ending", "lead", "support"),
    [
        (
            "(县府办牵头,县级各部门、各乡镇人民政府、各功能区管委",
            ["县府办"],
            ["县级各部门", "各乡镇人民政府"],
        ),
        ("(牵头单位:县发改局;配合单位:县财政局、县自然资", ["县发改局"], ["县财政局"]),
        ("(县发改局牵头,县财政局配合", ["县发改局"], ["县财政局"]),
        # the names before 及 are whole, and so is a last name that ends like a unit
        (
            "(县发改局牵头,县林业局、县财政局及相关乡镇",
            ["县发改局"],
            ["县林业局", "县财政局", "相关乡镇"],
        ),
        # a last name ending in a stem of a longer ending (管委 of 管委会) may be cut: dropped
        ("(县发改局牵头,县林业局、各功能区管委", ["县发改局"], ["县林业局"]),
        # a whole last name after its label is kept
        ("(牵头单位:县行政审批局;配合单位:各街办事处", ["县行政审批局"], ["各街办事处"]),
    ],
)
def test_a_note_cut_off_at_the_end_keeps_its_whole_names(
    ending: str, lead: list[str], support: list[str]
) -> None:
    doc = parse_text("2027年工作要点\n1.推进政务公开。\n2.夯实主动公开基础。" + ending)
    first, second = doc.tasks
    assert not (first.lead or first.support)
    assert (second.title, second.lead, second.support) == ("夯实主动公开基础", lead, support)
    assert any("没有闭合" in w.message or "never closed" in w.message for w in doc.warnings)


def test_a_bracket_never_closed_is_read_up_to_its_last_whole_name() -> None:
    doc = parse_text(
        "2027年工作要点\n1.推进政务公开(县府办牵头,县财政局配合\n"
        "2.优化营商环境(责任单位:县发改局、县市场监管局\n3.深化改革。\n"
    )
    first, second, third = doc.tasks
    assert (first.lead, first.support) == (["县府办"], ["县财政局"])
    # the last name ends like a whole unit: kept, with a warning that the bracket is never closed
    assert second.responsible == ["县发改局", "县市场监管局"]
    assert not (third.lead or third.support or third.responsible)
    assert sum("没有闭合" in w.message or "never closed" in w.message for w in doc.warnings) == 2


def test_an_annotation_opening_the_item_leaves_the_title_to_its_text() -> None:
    doc = parse_text(
        "2024年重点工作任务清单\n1.牵头单位:市发改委;配合单位:市财政局。推进重大项目建设。\n"
        "2.责任单位:市卫健委 完成时限:2024年6月底前\n提升基层医疗服务能力。\n"
    )
    first, second = doc.tasks
    assert (first.title, first.lead, first.support) == (
        "推进重大项目建设",
        ["市发改委"],
        ["市财政局"],
    )
    assert first.annotation_text.count("配合单位") == 1
    assert (second.title, second.responsible) == ("提升基层医疗服务能力", ["市卫健委"])
    assert second.attributes == {"完成时限": "2024年6月底前"}


@pytest.mark.parametrize(
    ("text", "lead", "support", "responsible"),
    [
        (
            "牵头:市发改委;配合:市财政局、市自然资源和规划局。",
            ["市发改委"],
            ["市财政局", "市自然资源和规划局"],
            [],
        ),
        ("(主责部门:市营商环境局;协同部门:市市场监管局)", ["市营商环境局"], ["市市场监管局"], []),
        (
            "(市级牵头单位:市交通运输局;县级责任单位:各县人民政府)",
            ["市交通运输局"],
            ["各县人民政府"],
            [],
        ),
        ("(具体承办处室:规划处;协作责任单位:省财政厅)", [], ["省财政厅"], ["规划处"]),
        # a level without 级
        ("(省牵头单位:省商务厅;市责任单位:市商务局)", ["省商务厅"], ["市商务局"], []),
        ("(责任股室:旅游股)", [], [], ["旅游股"]),
        ("(主要负责部门:省公安厅;参与配合单位:省司法厅)", ["省公安厅"], ["省司法厅"], []),
    ],
)
def test_labels_composed_of_a_role_word_and_a_holder(
    text: str, lead: list[str], support: list[str], responsible: list[str]
) -> None:
    assert roles(text) == (lead, support, responsible)


def test_table_columns_named_by_any_annotation_label() -> None:
    doc = parse_text(
        "2025年重点任务清单\n序号\t重点任务\t主责部门\t协同部门\t督办领导\t时间节点\n"
        "1\t推进城市更新行动\t市住建局\t市自然资源局、市财政局\t王强\t2025年12月底前\n"
    )
    (task,) = doc.tasks
    assert (task.title, task.lead, task.support, task.persons) == (
        "推进城市更新行动",
        ["市住建局"],
        ["市自然资源局", "市财政局"],
        ["王强"],
    )
    assert task.deadline is not None and task.deadline.isoformat() == "2025-12-31"


def test_articles_are_items() -> None:
    doc = parse_text(
        "关于促进就业的若干措施\n一、民生保障\n第一条 扩大就业。(市人社局牵头,各区政府配合)\n"
        "第二条 完善社保。(市人社局、市医保局按职责分工负责)\n第十二条 稳定岗位。(市人社局负责)\n"
    )
    assert [(t.number, t.title) for t in doc.tasks] == [
        ("一.第一条", "扩大就业"),
        ("一.第二条", "完善社保"),
        ("一.第十二条", "稳定岗位"),
    ]
    assert doc.tasks[0].support == ["各区政府"]


@pytest.mark.parametrize(
    ("line", "responsible"),
    [
        ("责任单位:市发改委 市财政局 市商务局", ["市发改委", "市财政局", "市商务局"]),
        ("(责任单位:县发改局 各乡镇人民政府)", ["县发改局", "各乡镇人民政府"]),
        # spaces a PDF put inside a name are not separators
        ("责任单位:市人民政府 办公室", ["市人民政府办公室"]),
        ("责任单位:市自然资 源局", ["市自然资源局"]),
    ],
)
def test_units_separated_by_spaces(line: str, responsible: list[str]) -> None:
    (task,) = parse_text("2025年工作要点\n1.优化服务。" + line + "\n").tasks
    assert task.responsible == responsible


def test_a_plan_in_traditional_characters_is_read_in_simplified() -> None:
    doc = parse_text(
        "2022年工作要點\n一、深化改革\n1.全面實施行政許可事項清單管理。(市政府辦公室牽頭,市級各有關部門"
        "按職責分工負責)\n2.優化營商環境。(責任單位:市發展和改革委員會、各縣區政府)\n"
    )
    first, second = doc.tasks
    assert (first.title, first.lead, first.support) == (
        "全面实施行政许可事项清单管理",
        ["市政府办公室"],
        ["市级各有关部门"],
    )
    assert second.responsible == ["市发展和改革委员会", "各县区政府"]


def test_a_simplified_plan_naming_a_traditional_word_stays_as_written() -> None:
    (task,) = parse_text("2025年工作要点\n1.加强与臺灣地区交流。(市台办牵头)\n").tasks
    assert task.title == "加强与臺灣地区交流"


def test_an_item_number_glued_to_a_number_of_its_text() -> None:
    lines = [f"{n}.项目{n}。(市人社局牵头)" for n in range(1, 11)]
    doc = parse_text(
        "2012年人才工程实施意见\n" + "\n".join(lines) + "\n11.121人才梯队项目。(市科协牵头)\n"
        "12.博士后培养项目。(市人社局牵头)\n"
    )
    assert [t.number for t in doc.tasks][-3:] == ["10", "11", "12"]
    assert (doc.tasks[10].title, doc.tasks[10].lead) == ("121人才梯队项目", ["市科协"])
    # not the expected number: a decimal in the text, not an item
    doc = parse_text("2012年要点\n1.提高收入。(市人社局牵头)\n3.5万人次培训。\n")
    assert [t.number for t in doc.tasks] == ["1"]


def test_a_unit_name_cut_by_a_line_break() -> None:
    doc = parse_text(
        "2019年任务分解方案\n1.完善街道党工委领导体制机制。\n牵头单位:区委组织部\n"
        "协办单位:区委编办、区民政局(区委社会工委)、园区党工\n委、各街道党工委\n2.构建党建工作体系。\n"
    )
    first = doc.tasks[0]
    assert first.support == ["区委编办", "区民政局(区委社会工委)", "园区党工委", "各街道党工委"]


@pytest.mark.parametrize(
    ("text", "lead", "persons"),
    [
        (
            "(分管副省长、协管副秘书长负责,省发展改革委牵头,省统计局配合)",
            ["省发展改革委"],
            ["分管副省长", "协管副秘书长"],
        ),
        ("(联系市领导负责,市商务局牵头)", ["市商务局"], ["联系市领导"]),
    ],
)
def test_leaders_named_by_their_posts_are_persons(
    text: str, lead: list[str], persons: list[str]
) -> None:
    annotation = read_annotation("完善制度。" + text)
    assert annotation is not None
    assert (annotation.lead, annotation.persons, annotation.responsible) == (lead, persons, [])


@pytest.mark.parametrize(
    ("text", "lead", "responsible", "persons"),
    [
        (
            "(责任单位及责任人:市发改委(张三)、市财政局(李四))",
            [],
            ["市发改委", "市财政局"],
            ["张三", "李四"],
        ),
        ("(牵头单位:市发改委(张三);配合单位:市财政局)", ["市发改委"], [], ["张三"]),
        # under a label of units and persons, a person after a space, or glued to the unit
        ("(责任单位及责任人:县教育局 张三)", [], ["县教育局"], ["张三"]),
        (
            "(责任单位及责任人:县教育局张三、县财政局欧阳明)",
            [],
            ["县教育局", "县财政局"],
            ["张三", "欧阳明"],
        ),
        # a bracket that is a unit's other name, or a note, stays part of the name
        (
            "(责任单位:区民政局(区委社会工委)、市科协(筹))",
            [],
            ["区民政局(区委社会工委)", "市科协(筹)"],
            [],
        ),
    ],
)
def test_units_with_their_persons_in_brackets(
    text: str, lead: list[str], responsible: list[str], persons: list[str]
) -> None:
    annotation = read_annotation("完善制度。" + text)
    assert annotation is not None
    assert (annotation.lead, annotation.responsible, annotation.persons) == (
        lead,
        responsible,
        persons,
    )


def test_a_table_column_of_units_and_persons() -> None:
    doc = parse_text(
        "2025年任务清单\n序号\t重点任务\t牵头单位及责任人\t完成时限\n1\t推进城市更新\t市住建局(张三)\t2025年底\n"
        "2\t建设数字政府\t市大数据局(李四)、市委网信办(王五)\t2025年6月\n"
    )
    first, second = doc.tasks
    assert (first.lead, first.persons) == (["市住建局"], ["张三"])
    assert (second.lead, second.persons) == (["市大数据局", "市委网信办"], ["李四", "王五"])


@pytest.mark.parametrize(
    ("text", "lead", "support", "responsible"),
    [
        ("(责任单位:市人社局[牵头]、市财政局)", ["市人社局"], ["市财政局"], []),
        ("(市金融办负总责,各县区政府抓落实)", [], [], ["市金融办", "各县区政府"]),
    ],
)
def test_more_ways_of_marking_roles(
    text: str, lead: list[str], support: list[str], responsible: list[str]
) -> None:
    assert roles(text) == (lead, support, responsible)


@pytest.mark.parametrize(
    ("text", "responsible"),
    [
        ("(责任单位:州委编办及州直相关单位)", ["州委编办", "州直相关单位"]),
        (
            "(责任单位:区商务局等数字经济工作领导小组成员单位)",
            ["区商务局", "数字经济工作领导小组成员单位"],
        ),
        # 和 inside a name, and a head noun two names share, do not split
        (
            "(责任单位:市人力资源和社会保障局、各县(市、区)党委和人民政府)",
            ["市人力资源和社会保障局", "各县(市、区)党委和人民政府"],
        ),
    ],
)
def test_two_names_joined_by_a_word(text: str, responsible: list[str]) -> None:
    assert roles(text)[2] == responsible


def test_pinyin_glosses_are_not_text() -> None:
    (task,) = parse_text(
        "2020年工作计划\n1.加大简政放权力度。(牵头单位:州行政审批服务局;责任单位:湘西经(jīng)开区(qū)管委会,"
        "6月底完成)\n"
    ).tasks
    assert (task.lead, task.support) == (["州行政审批服务局"], ["湘西经开区管委会"])
    assert task.deadline is not None and (task.deadline.month, task.deadline.day) == (6, 30)


def test_a_first_listed_leads_rule_glued_to_the_last_unit() -> None:
    doc = parse_text(
        "2020年重点工作责任分解\n1.支持企业发展。\n责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或"
        "汇总单位,下同)\n2.扩大有效投资。\n责任单位:市发展改革委、市自然资源规划局\n"
    )
    first, second = doc.tasks
    assert (first.lead, first.support) == (["市经信局"], ["市财政局", "市税务局"])
    assert (second.lead, second.support) == (["市发展改革委"], ["市自然资源规划局"])
    assert first.annotation_text.count("列第一位") == 1


@pytest.mark.parametrize("exception", ["除标注“分别牵头”外,", "除标注外,"])
def test_a_rule_with_its_exception_in_a_bracket_glued_to_the_last_unit(exception: str) -> None:
    first, second = parse_text(
        "2023年重点工作分工\n1.推进项目建设。\n责任单位:市发改委、市经信局、市卫生健康委"
        f"({exception}列第一位为牵头或汇总单位,下同)\n2.加快改革。\n责任单位:市财政局、市科技局\n"
    ).tasks
    assert (first.lead, first.support) == (["市发改委"], ["市经信局", "市卫生健康委"])
    assert (second.lead, second.support) == (["市财政局"], ["市科技局"])


def test_assignments_in_running_prose() -> None:
    doc = parse_text(
        "国务院办公厅关于落实重点工作部门分工的意见\n一、工作分工\n"
        "(一)关于“确保谷物基本自给”的问题,由发展改革委会同农业部、财政部等部门研究提出落实意见。\n"
        "(二)关于“划定永久基本农田”的问题,由国土资源部会同农业部等部门负责落实。\n"
        "(三)关于“加强市场监管”的问题,由市政府授权市市场监管局统一实施。\n"
    )
    first, second, third = doc.tasks
    assert (first.title, first.lead, first.support) == (
        "关于“确保谷物基本自给”的问题",
        ["发展改革委"],
        ["农业部", "财政部"],
    )
    assert (second.lead, second.support) == (["国土资源部"], ["农业部"])
    assert not (third.lead or third.support or third.responsible)  # prose naming no role


@pytest.mark.parametrize(
    ("text", "lead", "support", "responsible"),
    [
        ("(由省经贸委承办,省农业厅、省卫生厅协办)", ["省经贸委"], ["省农业厅", "省卫生厅"], []),
        ("(承办单位:市商务局;协办单位:市财政局)", ["市商务局"], ["市财政局"], []),
        ("(承办单位:市商务局)", [], [], ["市商务局"]),
    ],
)
def test_undertaking_beside_assisting_units_leads(
    text: str, lead: list[str], support: list[str], responsible: list[str]
) -> None:
    assert roles(text) == (lead, support, responsible)


def test_a_post_held_in_every_district_is_kept_as_written() -> None:
    annotation = read_annotation("完善制度。(牵头领导:各区区长、张三副市长;责任单位:市民政局)")
    assert annotation is not None
    assert annotation.persons == ["各区区长", "张三"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各区县市、市直各单位", ["各区县市", "市直各单位"]),
        ("市直各单位、各区县市", ["市直各单位", "各区县市"]),
        ("各市、县级有关部门", ["各市", "县级有关部门"]),
        ("各市、县科技局", ["各市、县科技局"]),
        ("各区、县级市", ["各区、县级市"]),
    ],
)
def test_region_groups_and_level_groups(text: str, names: list[str]) -> None:
    from taskctl.ingest.units import split_units

    assert split_units(text) == names


def test_a_level_and_one_character_names_no_unit() -> None:
    from taskctl.ingest.units import unit_problem

    assert unit_problem("市协") is not None  # a copy cut inside 市科协
    assert unit_problem("市委") is None and unit_problem("县府") is None


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "(责任单位:区国资中心、区城投公司等部门、单位,大碶街道)",
            ["区国资中心", "区城投公司", "大碶街道"],
        ),
        ("(责任单位:市直有关部门、单位)", ["市直有关部门"]),
    ],
)
def test_a_bare_holder_word_is_no_unit(text: str, units: list[str]) -> None:
    annotation = read_annotation("完善制度。" + text)
    assert annotation is not None
    assert annotation.responsible == units


@pytest.mark.parametrize(
    "note",
    [
        "牵头单位 市发改委;配合单位 市财政局",  # a PDF copy that lost its colons
        "(牵头单位——市发改委;配合单位——市财政局)",
        "牵头单位为市发改委,配合单位为市财政局。",
        "(市发改委主责,市财政局协同)",
        "(市发改委牵头,市财政局协同推进)",
        "(市发改委协同市财政局负责)",
    ],
)
def test_labels_without_their_colon_and_more_role_verbs(note: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.推进改革。{note}\n").tasks
    assert (task.lead, task.support, task.responsible) == (["市发改委"], ["市财政局"], [])


def test_a_label_word_inside_a_sentence_or_a_header_keeps_its_text() -> None:
    (task,) = parse_text("2024年工作要点\n1.明确牵头单位为市发改委。\n").tasks
    assert (task.lead, task.responsible) == ([], [])
    doc = parse_text(
        "2024年工作要点\n序号 重点任务 牵头单位 配合单位\n1 推进改革 市发改委 市财政局\n"
    )
    assert [(t.title, t.lead, t.support) for t in doc.tasks] == [
        ("推进改革", ["市发改委"], ["市财政局"])
    ]


def test_a_rectification_measure_opening_with_the_unit_that_answers_for_it() -> None:
    # `整改措施:由X督促…` / `由X负责整治`: the unit before the verb, a describing word before its
    # name dropped (`包片单位`), a `联合` inside a unit's name no verb
    doc = parse_text(
        "市容环境整治情况通报\n1、广伟商城户外宣传广告破损。\n整改措施:由县住建局督促商户更换。\n"
        "2、人行道多处水果摊贩流动经营。\n整改措施:由市容环境综合整治联合执法工作组负责整治。\n"
        "3、有住户在行道树晾晒衣物。\n整改措施:由包片单位县文广局督促住户移走晾晒的衣物,并加强教育引导。\n"
        "4、由于各部门配合不够,进度滞后。\n"
    )
    assert [t.responsible for t in doc.tasks] == [
        ["县住建局"],
        ["市容环境综合整治联合执法工作组"],
        ["县文广局"],
        [],
    ]


def test_a_unit_label_glued_to_a_units_name_is_no_unit() -> None:
    (task,) = parse_text("2024年工作要点\n1.推进改革。(责任单位市发改委)\n").tasks
    assert task.responsible == ["市发改委"]
    (task,) = parse_text("2024年工作要点\n1.推进改革。\n牵头市领导:汤飞帆\n").tasks
    assert (task.persons, task.lead) == (["汤飞帆"], [])


def test_a_contact_label_after_a_persons_name_is_no_part_of_it() -> None:
    (task,) = parse_text(
        "2024年工作要点\n1.推进改革。(责任部门:市发改委 责任人:张三 联系电话:13812345678)\n"
    ).tasks
    assert (task.responsible, task.persons, task.attributes) == (
        ["市发改委"],
        ["张三"],
        {"联系电话": "13812345678"},
    )


def test_names_opening_an_item_in_brackets_or_closing_it_after_a_dash() -> None:
    doc = parse_text(
        "2024年工作要点\n1.【市发改委】推进放管服改革。\n2.优化营商环境——市营商办、市财政局\n"
        "3.(一期)建设污水管网。\n4.完成三年行动——年底前\n"
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("推进放管服改革", ["市发改委"]),
        ("优化营商环境", ["市营商办", "市财政局"]),
        ("(一期)建设污水管网", []),
        ("完成三年行动——年底前", []),
    ]


def test_the_division_by_duties_names_the_units_whatever_verb_follows() -> None:
    # `按职责分工卖力`: a reworded copy's 负责; the division says who answers for the task
    (task,) = parse_text(
        "2023年实施方案\n1.推行市场化运作。(省发展改革委、水利厅等省有关部门按职责分工卖力)\n"
    ).tasks
    assert task.responsible == ["省发展改革委", "水利厅", "省有关部门"]


def test_a_unit_label_glued_to_the_end_of_the_title() -> None:
    doc = parse_text(
        "2022年为民办实事事项进展情况通报\n一、进展情况\n"
        "(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会\n截至4月底已完成接种1800剂次。\n"
        "(二)老年人认知障碍筛查试点牵头责任部门:县卫生健康委员会\n已印发实施方案。\n"
    )
    assert [(t.title, t.lead) for t in doc.tasks] == [
        ("适龄女生HPV疫苗接种", ["县卫生健康委员会"]),
        ("老年人认知障碍筛查试点", ["县卫生健康委员会"]),
    ]


def test_label_lines_of_a_form_with_spaces_between_names_and_inside_a_label() -> None:
    doc = parse_text(
        "重点工作分解落实意见\n一、重点项目建设\n1.落实重点项目建设责任制,加快项目进度。\n"
        "  责任领导:吉炳伟\n  责任单位:市发改委 五县五区政府 开发区管委会\n"
        "  责 任 人:安洪海 五县县长 李兵纪\n  工作要求:由市发改委牵头,并负责报进度。\n"
    )
    (task,) = doc.tasks
    assert (task.lead, task.support, task.persons) == (
        ["市发改委"],
        ["五县五区政府", "开发区管委会"],
        ["吉炳伟", "安洪海", "五县县长", "李兵纪"],
    )
    assert task.attributes == {"工作要求": "由市发改委牵头,并负责报进度"}


def test_units_convened_to_organise_the_work_support_its_lead() -> None:
    (task,) = parse_text(
        "目标任务分解方案\n1.万元生产总值综合能耗下降16%以上。(市经委会同有关部门和各县区组织落实)\n"
    ).tasks
    assert (task.lead, task.support) == (["市经委"], ["有关部门", "各县区"])


def test_a_list_of_names_closing_an_item_glued_to_its_last_words() -> None:
    doc = parse_text(
        "分解落实政府工作报告的通知\n一、主要工作目标\n1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府)。\n"
        "2、建设成都市民中心(市民中心)。\n3、完善技术转移网络,在成都(市、区)设立分中心。\n"
    )
    assert [t.responsible for t in doc.tasks] == [
        ["市发改委", "市政府相关部门", "各县市区政府"],
        [],  # one name glued to the words before it is a remark
        [],
    ]


def test_a_first_listed_leads_rule_in_a_sentence_of_its_own_inside_the_first_note() -> None:
    doc = parse_text(
        "分办意见\n一、主要预期目标\n1、全市GDP增长10%以上(由市发展改革委、经委、统计局负责。"
        "一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同)。\n"
        "2、全社会固定资产投资增长20%以上(由市发展改革委、统计局负责)。\n"
    )
    assert [(t.lead, t.support) for t in doc.tasks] == [
        (["市发展改革委"], ["经委", "统计局"]),
        (["市发展改革委"], ["统计局"]),
    ]


def test_a_thing_that_ends_like_a_unit_before_a_colon_is_no_unit() -> None:
    doc = parse_text(
        "2021年工作计划\n1.主题班会:我的志愿者经历;主题黑板报:学雷锋活动。\n2.市卫生局:负责医疗机构的监管。\n"
    )
    assert [t.responsible for t in doc.tasks] == [[], ["市卫生局"]]


def test_a_body_named_by_its_field_before_a_colon_is_the_unit() -> None:
    doc = parse_text(
        "五、职责分工\n(一)农业部门:要采取有效措施,推广秸秆综合利用。\n"
        "(二)公安部门:对蓄意焚烧的行为人,要依法打击。\n"
    )
    assert [t.responsible for t in doc.tasks] == [["农业部门"], ["公安部门"]]
    assert [t.title for t in doc.tasks] == [
        "要采取有效措施,推广秸秆综合利用",
        "对蓄意焚烧的行为人,要依法打击",
    ]


def test_an_office_named_for_the_work_it_drives_is_a_unit() -> None:
    (task,) = parse_text("2022年工作要点\n1.召开工作调度会议。(健康中国行动推进办负责)\n").tasks
    assert task.responsible == ["健康中国行动推进办"]
    (task,) = parse_text("2022年工作要点\n1.召开工作调度会议。(加强统筹协调)\n").tasks
    assert task.responsible == []


def test_the_units_that_carry_the_work_out_in_detail_support_its_lead() -> None:
    (task,) = parse_text(
        "2024年政务公开工作要点\n1.做好政务服务事项公开。(办公室牵头,各科室、局属各单位具体落实)\n"
    ).tasks
    assert (task.lead, task.support) == (["办公室"], ["各科室", "局属各单位"])


def test_runs_whose_notes_carry_the_documents_own_notes_and_rules() -> None:
    doc = parse_text(
        "部门分工意见\n一、保持经济平稳发展\n(一)增强创新驱动发展能力。推进示范区建设,构建政策体系"
        "(分管副省长负责,省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)。"
        "实施关键技术攻关项目,落实研发费用加计扣除政策(省科技厅、省财政厅、省税务局等负责。"
        "列第一位的为牵头部门,其他部门和单位按职责分工负责,下同),建设一批众创空间(省科技厅牵头)。\n"
    )
    assert [(t.number, t.title[:6], t.lead, t.support) for t in doc.tasks] == [
        ("一.(一)-1", "推进示范区建", ["省科技厅"], []),
        ("一.(一)-2", "实施关键技术", ["省科技厅"], ["省财政厅", "省税务局"]),
        ("一.(一)-3", "建设一批众创", ["省科技厅"], []),
    ]


def test_a_unit_and_the_bodies_under_it_are_two_units() -> None:
    (task,) = parse_text(
        "2021年政务公开工作分工方案\n1.主动公开规划纲要。(办公室牵头,其他股室及属下单位配合)\n"
    ).tasks
    assert (task.lead, task.support) == (["办公室"], ["其他股室", "属下单位"])


def test_a_word_of_two_characters_names_a_unit_only_when_it_ends_like_one() -> None:
    doc = parse_text(
        "督查情况汇总\n1.小区草坪上存在晾晒物品现象(现场督促物业已整改)。\n2.完善制度。(团委、海关负责)\n"
        "3.规范登记。(牵头科室:登记科;责任科室:局机关科室、中心、执法支队)\n"
    )
    assert [t.responsible for t in doc.tasks] == [[], ["团委", "海关"], []]
    # a bureau's own centre beside its offices
    assert doc.tasks[2].support == ["局机关科室", "中心", "执法支队"]


def test_a_head_noun_alone_after_a_group_shares_its_each() -> None:
    (task,) = parse_text(
        "2025年工作要点\n一、落实责任\n(一)统筹发展和安全。纳入党委宣传工作重点。"
        "(市委组织部、市委宣传部,各县区党委、政府,兰州高新区管委会,各有关部门分工负责;"
        "以下各项工作均需各县区具体落实,不再注明)\n"
    ).tasks
    assert task.responsible == [
        "市委组织部",
        "市委宣传部",
        "各县区党委、政府",
        "兰州高新区管委会",
        "各有关部门",
    ]


def test_a_label_naming_its_work_first_and_a_second_label_after_a_space() -> None:
    doc = parse_text(
        "督查问题整改清单\n1. 市图书馆\n(1)电动车未按指定区域停放;\n(2)灭火器过期未更换;\n"
        "问题整改责任单位:市文旅局 整改时限:3天\n2. 市第二医院\n(1)禁烟标识不达标;\n"
        "整改责任单位:市卫健委 市医保局 整改时限:5天\n"
    )
    assert [(t.title, t.responsible, t.attributes) for t in doc.tasks] == [
        ("市图书馆", ["市文旅局"], {"整改时限": "3天"}),
        ("市第二医院", ["市卫健委", "市医保局"], {"整改时限": "5天"}),
    ]


def test_a_label_written_with_shi_instead_of_its_colon() -> None:
    doc = parse_text(
        "2023年工作要点\n1.推进项目建设。(责任单位是市发改委)\n"
        "2.加快改革。(牵头单位是市财政局,配合单位是市税务局)\n"
    )
    assert [_task_roles(t) for t in doc.tasks] == [
        ([], [], ["市发改委"]),
        (["市财政局"], ["市税务局"], []),
    ]


def _task_roles(task) -> tuple[list[str], list[str], list[str]]:  # type: ignore[no-untyped-def]
    return task.lead, task.support, task.responsible


@pytest.mark.parametrize("name", ["责任单位是市发改委", "牵头单位市发改委"])
def test_a_name_holding_a_label_before_more_words_is_no_unit(name: str) -> None:
    from taskctl.ingest.units import unit_problem

    assert unit_problem(name) == "holds a label"
    assert unit_problem("各责任单位") is None  # a group ends with a label's words


def test_unnumbered_target_lines_each_closed_by_a_label_written_with_wei() -> None:
    doc = parse_text(
        "一、考核指标设置情况\n人均地区生产总值:增长6%左右(依据区人代会目标设置),责任单位为区发改委;\n"
        "固定资产投资:增长7%(依据区人代会目标设置),责任单位为区发改委;技改投资占固定资产投资比重"
        "16.5%(依据区人代会技改投资目标设置),责任单位为区经信局;\n"
        "社会消费品零售总额占比:人均社会消费品零售总额3.84万元(依据区人代会\n"
    )
    assert [(t.number, t.title[:6], t.responsible) for t in doc.tasks] == [
        ("一-1", "人均地区生产", ["区发改委"]),
        ("一-2", "固定资产投资", ["区发改委"]),
        ("一-3", "技改投资占固", ["区经信局"]),
        ("一-4", "社会消费品零", []),
    ]


def test_a_note_the_copy_cuts_inside_the_verb_after_its_last_unit() -> None:
    (task,) = parse_text(
        "2018年重点工作分工\n1.推进统计改革。(省发改委牵头,省统计局、国家统计局湖南调查总队等按职责分"
    ).tasks
    assert (task.lead, task.support) == (["省发改委"], ["省统计局", "国家统计局湖南调查总队"])


def test_a_working_group_with_its_leader_and_member_units() -> None:
    doc = parse_text(
        "关于调整创文工作组的通知\n二、工作机构\n(一)监督工作组\n组 长:曾丽洁\n成员单位:纪委办、组织办\n"
        "工作职责:对创文工作进行督促。\n(二)宣传工作组\n组 长:钟志聪\n副组长:李明\n成员单位:宣传办、各村委会\n"
        "工作职责:做好创文宣传。\n"
    )
    assert [(t.number, t.responsible, t.persons) for t in doc.tasks] == [
        ("二.(一)", ["纪委办", "组织办"], ["曾丽洁"]),
        ("二.(二)", ["宣传办", "各村委会"], ["钟志聪", "李明"]),
    ]


def test_bodies_each_given_a_duty_in_the_clauses_of_one_sentence() -> None:
    first, second = parse_text(
        "镇长办公会会议纪要\n三、会议强调\n1、成立滑坡治理领导小组,党政办负责外围环境,社会管理办公室负责质量"
        "监督,财政所负责资金兑付。\n2、做好前期工作,本周完成方案评审。\n"
    ).tasks
    assert (first.title, first.responsible) == (
        "成立滑坡治理领导小组",
        ["党政办", "社会管理办公室", "财政所"],
    )
    assert second.responsible == []


def test_a_clause_with_you_closing_its_sentence_says_who_does_the_task() -> None:
    doc = parse_text(
        "2006年目标管理方案\n(一)保证目标,基本分值为20分。由市纪委、市直机关工委负责考核。\n"
        "(二)招商引资目标,基本分值为10分,由市商务局与市政府目标办负责考核。\n"
        "(三)政务公开目标。由市政府办公室负责。\n(四)由于天气原因,考核由此推迟。\n"
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("保证目标,基本分值为20分", ["市纪委", "市直机关工委"]),
        ("招商引资目标,基本分值为10分", ["市商务局", "市政府目标办"]),
        ("政务公开目标", ["市政府办公室"]),
        ("由于天气原因,考核由此推迟", []),
    ]


def test_a_working_group_s_units_named_by_their_roles_in_a_clause() -> None:
    """`宣传报道组:市委宣传部为组长单位,市文旅局等有关单位参与。` (a contingency plan's groups)."""
    doc = parse_text(
        "三、工作组\n(1)宣传报道组:市委宣传部为组长单位,市文旅局等有关单位参与。主要职责是组织报道。\n"
        "(2)医疗救治组:市卫健委为牵头单位,市医保局为成员单位。主要职责是救治伤员。\n"
    )
    assert [(t.title, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ("宣传报道组", ["市委宣传部"], ["市文旅局", "有关单位"], []),
        ("医疗救治组", ["市卫健委"], ["市医保局"], []),
    ]


def test_a_rule_ranking_the_first_unit_the_lead_and_angle_brackets_in_a_name() -> None:
    """`(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)`: the rule covers this and
    the later items; a name's qualifier in angle brackets is the name's, written with round ones."""
    doc = parse_text(
        "行动计划\n(一)健全管理体制。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n"
        "(二)建立联席会议制度。(市财政局、市教育局)\n"
    )
    assert [(t.lead, t.support) for t in doc.tasks] == [
        (["市教育局"], ["市委农办", "各县(市、区)人民政府"]),
        (["市财政局"], ["市教育局"]),
    ]


def test_bodies_named_all_as_responsible_in_a_cut_note_are_never_one_unit() -> None:
    """`(X牵头,Y按职责分工负责。各市州、县市区人民政府均为责任单位` cut by the copy's end: the bodies
    named by their role support the lead; the clause is never stored as a unit's name."""
    (task,) = parse_text(
        "2022年工作要点\n1.推进业务系统对接。(省政务局牵头,省直相关单位按职责分工负责。"
        "各市州、县市区人民政府均为责任单位"
    ).tasks
    assert (task.lead, task.support) == (["省政务局"], ["省直相关单位", "各市州、县市区人民政府"])
    from taskctl.ingest.units import unit_problem

    assert unit_problem("各市州人民政府均为责任单位") == "a role clause, not a name"


def test_unnumbered_paragraphs_each_opening_with_a_ministry_s_duty() -> None:
    """`财政部负责…` / `国家发展改革委负责…`: paragraphs each a body's duties are its tasks; cadres
    (`村干部负责…`) are no body."""
    doc = parse_text(
        "专项资金管理办法\n财政部负责专项资金的预算管理和资金拨付。\n"
        "国家发展改革委负责确定专项资金的年度支持方向。\n"
    )
    assert [t.responsible for t in doc.tasks] == [["财政部"], ["国家发展改革委"]]
    from taskctl.ingest.units import is_body_name

    assert not is_body_name("村干部")


def test_a_leader_named_after_the_post_is_a_person() -> None:
    doc = parse_text(
        "项目推进计划\n1.推进临空产业项目。(由区委常委徐贻功包保)\n2.推进物流项目。(由副市长张三负责)\n"
    )
    assert [(t.persons, t.responsible) for t in doc.tasks] == [(["徐贻功"], []), (["张三"], [])]


def test_a_project_given_to_a_body_by_baobao() -> None:
    (task,) = parse_text("项目推进计划\n1.推进重点项目建设。(由市城管局包保)\n").tasks
    assert task.responsible == ["市城管局"]


def test_yi_x_wei_zhu_makes_x_the_lead() -> None:
    """`…整治以乡综治办、治安派出所为主,土地文化部门配合`: the names between 以 and 为主 lead, the
    topic before 以 is no part of them (never a unit `…整治以乡综治办`)."""
    (task,) = parse_text(
        "整治方案\n1.开展治安排查。(周边治安交通秩序整治以乡综治办、治安派出所为主,土地文化部门配合)\n"
    ).tasks
    assert (task.lead, task.support) == (["乡综治办", "治安派出所"], ["土地文化部门"])


def test_a_clause_opening_with_huitong_names_the_supporting_units() -> None:
    (task,) = parse_text(
        "2024年工作要点\n1.加快建设。(由省教育厅牵头,会同省财政厅、省公安厅)\n"
    ).tasks
    assert (task.lead, task.support) == (["省教育厅"], ["省财政厅", "省公安厅"])


def test_a_closing_sentence_gives_the_work_above_to_its_units() -> None:
    """`以上工作由X牵头,会同Y负责。` after the last item: each item above is theirs."""
    doc = parse_text(
        "民生工作安排\n4.加快中等职业学校建设。2011年3月底前完成部署。\n5.提升普通高中办学水平。\n"
        "以上工作由省教育厅、省人社厅牵头,会同省财政厅负责。\n"
    )
    assert [(t.lead, t.support) for t in doc.tasks] == [
        (["省教育厅", "省人社厅"], ["省财政厅"]),
        (["省教育厅", "省人社厅"], ["省财政厅"]),
    ]


def test_rectification_measures_name_their_bodies_in_by_clauses() -> None:
    """A bulletin's measures: `由包片单位城关小学…负责规范` (the unit the patch is given to, named
    after its label), a measure's points `(1)由X负责更换破损垃圾桶。` with an object of a few words."""
    doc = parse_text(
        "督查通报\n1、幼儿园片区:民主巷垃圾箱破损严重。\n整改措施:(1)由县环卫站负责更换破损垃圾桶。\n"
        "2、城关小学片区:商户占路经营。\n整改措施:由包片单位城关小学和市容整治联合执法工作组负责规范。\n"
    )
    assert [t.responsible for t in doc.tasks] == [
        ["县环卫站"],
        ["城关小学", "市容整治联合执法工作组"],
    ]


def test_a_measure_s_by_clause_before_a_comma_names_who_does_it() -> None:
    """`整改要求:按照…的要求,由沿线包片单位X、Y负责对…开展劝阻教育,…`: the 由-clause of a measure
    names its bodies whatever the object, the place and label before them no part of the names."""
    (task,) = parse_text(
        "督查通报\n1、陈家坝沿线商户出店经营。\n整改要求:按照先劝阻、再处罚的要求,由陈家坝沿线包片单位"
        "县职教中心、县消防大队负责对各自片区出店商户开展经常性劝阻教育,在本月底以前将门店报县住建局。\n"
    ).tasks
    assert task.responsible == ["县职教中心", "县消防大队"]


def test_a_leader_named_with_the_post_opening_an_item_answers_for_it() -> None:
    doc = parse_text(
        "局领导联系重点企业分工\n一、联系分工\n1.游膺局长负责联系昆山市,重点联系江苏金螳螂装饰有限公司。\n"
        "2.邱晓翔副局长负责联系张家港市。\n"
    )
    assert [(t.title, t.persons, t.responsible) for t in doc.tasks] == [
        ("游膺局长负责联系昆山市,重点联系江苏金螳螂装饰有限公司", ["游膺"], []),
        ("邱晓翔副局长负责联系张家港市", ["邱晓翔"], []),
    ]


def test_a_groups_members_glued_after_its_leader_are_no_persons_of_the_leader() -> None:
    (task,) = parse_text(
        "网格分工\n1.负责区域:新世纪北头、府学街。负责人:曹局长成员:高琰、朱海涛\n"
    ).tasks
    assert task.persons == ["曹局长"]
    assert task.attributes["成员"] == "高琰、朱海涛"


def test_a_clause_naming_its_unit_and_its_time_glued_together() -> None:
    (task,) = parse_text("2023年工作要点\n1.推进项目建设。(市发改委负责2023年底前)\n").tasks
    assert (task.responsible, task.deadline_text) == (["市发改委"], "2023年底前")
    (task,) = parse_text("2023年工作要点\n1.推进项目建设。(市发改委负责,持续推进)\n").tasks
    assert (task.responsible, task.deadline_text) == (["市发改委"], "持续推进")


def test_an_item_opening_with_its_unit_as_a_sentence_of_its_own() -> None:
    doc = parse_text(
        "平安市场创建方案\n四、职责分工\n6、区质量技监局。负责规范市场计量行为。\n7、区城管执法大队。负责查处无照经营。\n"
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("区质量技监局", ["区质量技监局"]),
        ("区城管执法大队", ["区城管执法大队"]),
    ]


def test_a_verb_whose_object_opens_like_a_names_ending() -> None:
    (task,) = parse_text(
        "环境整治通知\n四、责任分工\n1.由保洁公司负责组织各村保洁人员,按区域开展整治工作。\n"
    ).tasks
    assert task.responsible == ["保洁公司"]


@pytest.mark.parametrize(
    ("item", "responsible"),
    [
        ("乡村振兴办公室做好组织协调工作,对各村整治情况进行检查。", ["乡村振兴办公室"]),
        ("市应急局抓好督导检查。", ["市应急局"]),
        ("切实做好防汛工作。", []),  # no body opens it
    ],
)
def test_a_body_opening_an_item_as_the_subject_of_its_work(item: str, responsible: list) -> None:
    (task,) = parse_text("环境整治通知\n四、责任分工\n1." + item + "\n").tasks
    assert task.responsible == responsible


def test_a_first_listed_rule_naming_the_lead_department_or_unit_and_the_others() -> None:
    first, second = parse_text(
        "教育规划纲要任务分工\n1.推进素质教育。(市教委、市财政局、市发展改革委。列在首位的为牵头部门或单位,"
        "有关部门和单位按照职责分工负责,下同)\n2.加强教师队伍建设。(市教委、市人力社保局)\n"
    ).tasks
    assert (first.lead, first.support) == (["市教委"], ["市财政局", "市发展改革委"])
    assert (second.lead, second.support) == (["市教委"], ["市人力社保局"])


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # a bare list cut by the copy's end: its whole names are read, the cut one is dropped
        ("(市发改委、市财政局、市商", ([], [], ["市发改委", "市财政局"])),
        ("(市发改委、市财政局", ([], [], ["市发改委", "市财政局"])),
        # a 由-clause on its own line, cut before its verb
        (
            "\n由市交通运输局、市公路局,西华县人民政府,市经济",
            ([], [], ["市交通运输局", "市公路局", "西华县人民政府"]),
        ),
        # a note with its roles is read as it is
        ("(市发改委牵头,市财政局、市商", (["市发改委"], ["市财政局"], [])),
        # a qualifying bracket after a whole name, cut
        (
            "(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、",
            (["市发改委"], ["各区人民政府"], []),
        ),
        # a bracket of text stays text
        ("(依据区人代会", ([], [], [])),
        ("(2024年", ([], [], [])),
    ],
)
def test_a_note_cut_by_the_copys_end(tail: str, expected: tuple) -> None:
    task = parse_text(
        "2024年工作要点\n1.加强统筹。(市统计局负责)\n2.完善制度,加强监管。" + tail
    ).tasks[-1]
    assert (task.lead, task.support, task.responsible) == expected


@pytest.mark.parametrize("names", ["各相关部门、镇街(园区)", "仁兴街、北二路街道"])
def test_streets_and_towns_as_bodies(names: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。(责任单位:{names})\n").tasks
    assert task.responsible == names.split("、")


@pytest.mark.parametrize(
    "note",
    [
        "(分管副市长,市发改委牵头)",
        "(分管副市长负责,市发改委牵头)",
        "(分管副市长、市发改委牵头)",
        "(市发改委牵头,分管副市长)",
        "(责任领导:分管副市长;牵头单位:市发改委)",
    ],
)
def test_a_leader_named_by_the_post_is_a_person_as_written(note: str) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。{note}\n").tasks
    assert (task.lead, task.persons) == (["市发改委"], ["分管副市长"])


def test_a_closing_by_clause_naming_its_body_before_a_verb_of_its_own() -> None:
    first, second = parse_text(
        "目标考核办法\n(四)政务工作目标,基本分值为4分,由市政府办公室下达目标任务并负责考核。\n"
        "(五)信访维稳目标,基本分值为3分,由市政府目标办下达目标任务并负责考核。\n"
    ).tasks
    assert (first.responsible, second.responsible) == (["市政府办公室"], ["市政府目标办"])


@pytest.mark.parametrize(
    "sentence",
    [
        "由区工商分局牵头组织区相关部门对辖区市场开展创建活动进行评估验收。",
        "由区工商分局会同区相关部门研究提出落实意见。",
        "由区工商分局牵头,会同区相关部门开展评估。",
    ],
)
def test_a_by_sentence_naming_who_leads_and_whom_it_brings_in(sentence: str) -> None:
    (task,) = parse_text(
        f"工作方案\n(三)检查验收阶段(9-10月)。{sentence}严格对照标准检查。\n"
    ).tasks
    assert (task.lead, task.support) == (["区工商分局"], ["区相关部门"])


def test_an_item_opening_with_its_bodies_as_a_sentence() -> None:
    doc = parse_text(
        "工作方案\n6、区质量技监局。负责规范市场计量行为。\n7、区城管执法大队、莘庄工业区。负责查处违法行为。\n"
    )
    assert [t.responsible for t in doc.tasks] == [
        ["区质量技监局"],
        ["区城管执法大队", "莘庄工业区"],
    ]


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        ("镇派出所负责强化执法力度,严厉查处违法行为。", ([], [], ["镇派出所"])),
        ("镇应急办牵头,组织各村(居)委会开展敲门行动。", (["镇应急办"], ["各村(居)委会"], [])),
        ("市发改委会同市财政局研究制定办法。", (["市发改委"], ["市财政局"], [])),
        ("市教育局组织各学校开展安全教育。", ([], [], [])),  # prose: who organises is no assignment
    ],
)
def test_bodies_opening_the_text_under_an_items_heading_line(body: str, roles: tuple) -> None:
    first, _second = parse_text(
        f"工作方案\n三、责任分工\n(一)消防安全领域\n{body}\n(二)其他领域\n镇政府办负责统筹。\n"
    ).tasks
    assert (first.lead, first.support, first.responsible) == roles


def test_a_closing_sections_text_opening_with_a_body_is_no_task() -> None:
    doc = parse_text(
        "工作方案\n一、任务\n1.开展专项整治。(责任单位:镇安监站)\n三、监督及考核\n"
        "镇安委会办公室负责监督各有关责任单位组织开展的专项整治。\n"
    )
    assert [t.number for t in doc.tasks] == ["一.1"]


@pytest.mark.parametrize(
    ("item", "roles"),
    [
        ("完善制度。(市发改委将负责)", ([], [], ["市发改委"])),
        ("完善制度。(市发改委要牵头,市财政局要配合)", (["市发改委"], ["市财政局"], [])),
        ("完善制度。(成都市政府负责)", ([], [], ["成都市政府"])),  # 都 of a name is no adverb
        ("发展改革委、财政部将负责支持建设都市经济圈。", ([], [], ["发展改革委", "财政部"])),
    ],
)
def test_an_adverb_between_the_bodies_and_their_verb(item: str, roles: tuple) -> None:
    task = parse_text(f"2024年工作要点\n1.{item}\n2.其他工作。(市统计局负责)\n").tasks[0]
    assert (task.lead, task.support, task.responsible) == roles


def test_the_names_after_a_lead_clause_in_a_unit_list_support_it() -> None:
    (task,) = parse_text(
        "2024年工作要点\n1.完善制度。\n责任单位:经济投资局和航空口岸局分别牵头、区发改局\n"
    ).tasks
    assert (task.lead, task.support) == (["经济投资局", "航空口岸局"], ["区发改局"])


def test_a_grids_area_label_names_places_not_units() -> None:
    (task,) = parse_text(
        "网格化管理任务分配\n1、负责区域:府学后街、府学西街、沿河巷\n负责人:曹局长\n"
        "2、负责区域:山拖小区、乔家街\n负责人:蒲国华\n"
    ).tasks[:1]
    assert not (task.lead or task.support or task.responsible)


@pytest.mark.parametrize(
    ("note", "roles"),
    [
        ("(市发改委〔牵头〕、市财政局)", (["市发改委"], ["市财政局"], [])),
        ("(责任单位:*市发改委、市财政局)", (["市发改委"], ["市财政局"], [])),  # `*` marks the lead
        ("(责任单位:市发改委*)", ([], [], ["市发改委"])),  # a footnote's mark
    ],
)
def test_marks_beside_a_units_name_are_no_part_of_it(note: str, roles: tuple) -> None:
    (task,) = parse_text(f"2024年工作要点\n1.完善制度。{note}\n").tasks
    assert (task.lead, task.support, task.responsible) == roles


@pytest.mark.parametrize("name", ["*市发改委", "市@发改委", "市发改委#"])
def test_a_name_holding_a_symbol_is_no_unit(name: str) -> None:
    from taskctl.ingest.units import unit_problem

    assert unit_problem(name) == "holds a symbol"


def test_leaders_named_in_brackets_after_a_phrase_saying_who() -> None:
    (task,) = parse_text(
        "2008年工作分解\n1.推进总部经济。\n责任领导:按《市委工作要点》分工(蒋永根、俞福才、金跃民);"
        "责任单位:总部办、五金城、科技局\n"
    ).tasks
    assert task.persons == ["蒋永根", "俞福才", "金跃民"]
    assert task.responsible == ["总部办", "五金城", "科技局"]  # a market run as a body


def test_a_closing_by_clause_whose_object_only_says_the_work() -> None:
    first, second = parse_text(
        "2020年监督工作计划\n一、听取报告\n(一)听取和审议法治建设情况的报告。报告拟安排在4月份的会议上审议。"
        "由监察和司法委员会负责做好相关工作。\n(二)听取和审议预算执行情况的报告。"
        "由财政经济委员会、预算工作委员会负责做好相关工作。\n"
    ).tasks
    assert (first.responsible, second.responsible) == (
        ["监察和司法委员会"],
        ["财政经济委员会", "预算工作委员会"],
    )
    assert first.title == "听取和审议法治建设情况的报告"


def test_a_long_name_with_its_alias_in_brackets_is_a_unit() -> None:
    from taskctl.ingest.units import unit_problem

    assert unit_problem("教育科学文化卫生(民族宗教侨务外事)委员会") is None
    assert unit_problem("教育科学文化卫生民族宗教侨务外事工作委员会") == "too long for a unit name"


def test_a_person_by_full_name_answering_for_a_section_gives_its_items_the_person() -> None:
    doc = parse_text(
        "2017年工作要点\n一、深化体制机制改革(李焕龙负责)\n1.推进法人治理结构改革。\n"
        "二、加强读者服务(全面负责)\n1.延长开放时间。\n"
    )
    assert [(t.title, t.persons) for t in doc.tasks] == [
        ("推进法人治理结构改革", ["李焕龙"]),
        ("延长开放时间", []),  # `全面` is a word, not a person
    ]
