"""Structure: markers, nesting found from the document, non-task sections, attachments, warnings."""

from __future__ import annotations

import pytest

from taskctl.errors import InputError
from taskctl.ingest import parse_text
from taskctl.ingest.structure import lead_phrase, match_marker


@pytest.mark.parametrize(
    ("text", "style", "value", "label", "rest"),
    [
        ("一、重点任务", "一、", 1, "一", "重点任务"),
        ("十二、其他", "一、", 12, "十二", "其他"),
        ("(三)加强领导", "(一)", 3, "(三)", "加强领导"),
        ("1.加强", "1.", 1, "1", "加强"),
        ("1、加强", "1.", 1, "1", "加强"),
        ("4 .科技干部", "1.", 4, "4", "科技干部"),
        ("12. 做好", "1.", 12, "12", "做好"),
        ("(2)简化审批", "(1)", 2, "(2)", "简化审批"),
        ("3)简化审批", "1)", 3, "3", "简化审批"),
        ("③加强", "①", 3, "③", "加强"),
    ],
)
def test_match_marker(text: str, style: str, value: int, label: str, rest: str) -> None:
    marker = match_marker(text)
    assert marker is not None
    assert (marker.style, marker.value, marker.label, marker.rest) == (style, value, label, rest)


@pytest.mark.parametrize(
    "text",
    [
        "2012年是关键之年",
        "2.45万亿元",
        "(工程)实验室",
        "二○一二年一月十八日",
        "1000 家",
        "十十、",
        "",
        "一是加强",
    ],
)
def test_not_a_marker(text: str) -> None:
    assert match_marker(text) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("加强应用基础研究。要瞄准世界科技前沿。", "加强应用基础研究"),
        ("围绕产业转型升级,大力发展高新技术产业", "围绕产业转型升级,大力发展高新技术产业"),
        ("推进工作:" + "很长的说明" * 30, "推进工作"),
        ("加强领导。\n第二段。", "加强领导"),
    ],
)
def test_lead_phrase(text: str, title: str) -> None:
    assert lead_phrase(text) == title


def test_provincial_style_with_sub_items() -> None:
    """Sub-points `(1)` without their own annotations are part of their item's text."""
    doc = parse_text(
        "XX省2024年科技工作要点\n"
        "一、总体要求\n"
        "(一)指导思想。坚持创新驱动。\n"
        "(二)主要目标。研发投入增长10%。\n"
        "1.高新技术企业达到1000家。\n"
        "二、重点任务\n"
        "（一）强化基础研究\n"
        "1.实施基础研究计划。\n"
        "（1）布局重点实验室。\n"
        "（2）支持青年科学家。\n"
        "2.设立自然科学基金。\n"
        "（二）推动成果转化\n"
        "1.建设中试平台。\n"
    )
    assert [(i.kind, i.number, i.level) for i in doc.items] == [
        ("heading", "一", 1),
        ("heading", "二", 1),
        ("heading", "二.(一)", 2),
        ("task", "二.(一).1", 3),
        ("task", "二.(一).2", 3),
        ("heading", "二.(二)", 2),
        ("task", "二.(二).1", 3),
    ]
    assert [i.parent for i in doc.items] == [None, None, 1, 2, 2, 1, 5]
    assert doc.tasks[0].title == "实施基础研究计划"
    assert doc.tasks[0].full_text == "实施基础研究计划。\n(1)布局重点实验室。\n(2)支持青年科学家。"
    assert doc.warnings == []


def test_sub_items_with_their_own_annotations_are_tasks() -> None:
    doc = parse_text(
        "XX市2024年工作要点\n"
        "1.完善拖欠账款预防和清理机制。\n"
        "（1）建立定期披露制度。（责任单位：市经济和信息化局）\n"
        "（2）开展专项清理行动。（责任单位：市国资委）\n"
        "2.优化营商环境。\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1.(1)", "建立定期披露制度", ["市经济和信息化局"]),
        ("1.(2)", "开展专项清理行动", ["市国资委"]),
        ("2", "优化营商环境", []),
    ]


def test_unnumbered_goal_label_makes_a_non_task_zone() -> None:
    doc = parse_text(
        "2024年工作要点\n主要目标:\n1.研发投入增长10%。\n2.新增高企500家。\n"
        "重点任务:\n1.实施基础研究计划。\n2.建设中试平台。\n"
    )
    assert [t.title for t in doc.tasks] == ["实施基础研究计划", "建设中试平台"]
    assert [t.number for t in doc.tasks] == ["1", "2"]


def test_attachment_list_is_not_tasks() -> None:
    doc = parse_text(
        "2022年全省科技创新工作要点\n1.加快协同创新。\n2.加快平台建设。\n"
        "附件:1 .重大会议及活动清单\n2.重要文件清单\n3.重点任务清单\n"
    )
    assert [t.title for t in doc.tasks] == ["加快协同创新", "加快平台建设"]
    assert doc.warnings == []


def test_signature_and_date_end_the_document() -> None:
    doc = parse_text(
        "2022年工作要点\n1.加快协同创新。\n2.加快平台建设。\n第二段。\n四川省科学技术厅\n2022年1月10日\n"
    )
    assert doc.tasks[-1].full_text == "加快平台建设。\n第二段。"


def test_page_chrome_is_dropped() -> None:
    doc = parse_text(
        "您的位置:首页 > 动态新闻\n2012年工作要点\n一、重点工作\n1.加强建设。\n打印 关闭窗口\n"
        "版权所有:某某厅\n转自:科技厅\n"
    )
    assert doc.tasks[0].full_text == "加强建设。"


def test_an_images_file_name_is_no_item() -> None:
    doc = parse_text(
        "2025年目标任务分解清单\n640.webp.jpg\n一、市长牵头重点工作\n1.收入增长2%。\n牵头单位:市财政局\n"
    )
    assert [(t.number, t.lead) for t in doc.tasks] == [("一.1", ["市财政局"])]


def test_out_of_sequence_warns_with_line() -> None:
    doc = parse_text("2023年工作要点\n一、任务\n1.甲。\n3.丙。\n三、其他\n(二)乙。\n")
    assert [(w.line, w.message) for w in doc.warnings] == [
        (4, "item 3 is out of sequence (expected 2)"),
        (5, "item 三 is out of sequence (expected 2)"),
        (6, "item (二) is out of sequence (expected 1)"),
    ]
    assert len(doc.tasks) == 3


def test_title_from_notice_when_no_title_line() -> None:
    doc = parse_text("关于印发《2023年全省科技工作要点》的通知\n1.加强领导。\n")
    assert doc.title == "2023年全省科技工作要点"
    assert doc.period_text == "2023年"


def test_item_deadline_text() -> None:
    doc = parse_text("2023年工作要点\n1.修订办法,6月底前完成。\n2.开展评估。\n")
    assert (doc.tasks[0].deadline.isoformat(), doc.tasks[0].deadline_text) == (
        "2023-06-30",
        "6月底前",
    )
    assert (doc.tasks[1].deadline, doc.tasks[1].deadline_text) == (None, None)


@pytest.mark.parametrize("text", ["", "  \n\u3000\n", "只有一段文字,没有编号。"])
def test_unparseable_input(text: str) -> None:
    with pytest.raises(InputError):
        parse_text(text, source="x.txt")


def test_a_line_naming_a_file_is_not_an_item() -> None:
    from taskctl.ingest import parse_text

    doc = parse_text(
        "17.内蒙古自治区2023年政策清单.docx\n2023年政策清单\n1.加大财政支持。(牵头单位:自治区财政厅)\n"
    )
    assert [(t.number, t.title) for t in doc.tasks] == [("1", "加大财政支持")]


def test_a_copy_starting_inside_a_section_keeps_higher_markers_above() -> None:
    doc = parse_text(
        "(四)编制年度报告。此项工作由省府办公厅负责。\n"
        "二、深入推进权力公开\n"
        "(五)开展网上公开试点。此项工作由省法制办负责,省府办公厅配合。\n"
        "18、整治市容市貌。(责任单位:县建设局)\n"
        "五、组织领导\n"
        "成立活动领导小组,办公室设在县文明办。\n"
    )
    # (五) names its own units over item 18: a task too; `五、组织领导` over a paragraph is how the
    # work is organised: a heading, not a task, and not a sub-item of 18
    assert [(i.number, i.kind) for i in doc.items] == [
        ("(四)", "task"),
        ("二", "heading"),
        ("二.(五)", "task"),
        ("二.(五).18", "task"),
        ("五", "heading"),
    ]
    assert any("18" in w.message for w in doc.warnings)


def test_a_rule_beside_the_units_of_a_note_and_an_overall_lead() -> None:
    doc = parse_text(
        "2014年分工方案\n一、加快调整能源结构(省发改委总牵头)\n"
        "1.制订煤炭消费总量控制方案。(省经信委、省发改委(省能源局)。列第一位者为牵头部门,下同)\n"
        "2.淘汰落后产能。(省经信委、省环保厅)\n"
    )
    assert [(t.number, t.lead, t.support) for t in doc.tasks] == [
        ("一", ["省发改委"], []),
        ("一.1", ["省经信委"], ["省发改委(省能源局)"]),
        ("一.2", ["省经信委"], ["省环保厅"]),
    ]


def test_a_line_numbering_short_entries_is_a_list_not_a_task() -> None:
    doc = parse_text(
        "六安市1至9月份民生工程实施进度通报\n一、各县区民生工程实施进度综合排名\n"
        "1、金寨县;2、裕安区;3、霍山县;4、金安区。\n二、部分项目进展情况\n"
        "1、技能培训提升,牵头单位:市退役军人局。\n2、养老服务,牵头单位:市民政局。\n"
    )
    assert [(t.number, t.lead) for t in doc.tasks] == [
        ("二.1", ["市退役军人局"]),
        ("二.2", ["市民政局"]),
    ]


def test_unnumbered_lines_each_closed_by_a_note_are_items() -> None:
    doc = parse_text(
        "|\n下面是民生实事里面提到的部分:\n"
        ", I% H9 r: m2 |* {对7个老旧小区进行基础性改造(住建局牵头) x& L1 ]8 N) l6 J( k\n"
        "马厂七期396套安置房完成主体工程(三水街道牵头)9 @! _2 C* M0 C% r+ U' q\n"
        "兴梁公寓312套安置房主体工程完成正负零(梁徐街道牵头) |\n|\n"
    )
    assert [(t.number, t.title, t.lead) for t in doc.tasks] == [
        ("1", "对7个老旧小区进行基础性改造", ["住建局"]),
        ("2", "马厂七期396套安置房完成主体工程", ["三水街道"]),
        ("3", "兴梁公寓312套安置房主体工程完成正负零", ["梁徐街道"]),
    ]


def test_a_row_of_figures_is_no_forum_noise() -> None:
    from taskctl.ingest.repair import repair_text

    (line,) = repair_text("完成情况 5 10 15 20 %\n")
    assert line.text.endswith("5 10 15 20 %")


def test_a_closing_section_without_items_or_units_is_no_task() -> None:
    doc = parse_text(
        "[接上页]\n(十九)探索省直管县体制改革(省编委办牵头)。\n(二十)分类推进事业单位改革(省财政厅负责)。\n"
        "三、加强领导\n省各有关部门要按照确定的改革任务,加强组织领导,抓好贯彻落实。\n"
    )
    assert [(t.number, t.lead, t.responsible) for t in doc.tasks] == [
        ("(十九)", ["省编委办"], []),
        ("(二十)", [], ["省财政厅"]),
    ]


def test_a_list_of_units_duties_gives_each_item_its_unit() -> None:
    doc = parse_text(
        "XX市生态建设规划纲要任务分工\n15、市卫生局:负责医疗废物收集处置中的疾病防治。\n"
        "16、市物价局:负责组织价格听证会;会同财政、环保等有关部门贯彻价格政策。\n"
        "17、加强宣传:开展生态文明宣传活动。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("15", ["市卫生局"]),
        ("16", ["市物价局"]),
        ("17", []),
    ]


def test_items_numbered_with_an_ideographic_full_stop() -> None:
    doc = parse_text(
        "关于落实政府工作报告重点工作的任务分工\n  1。完成年度城镇新增就业目标任务。(市人社局负责)\n"
        "  2。推进老旧小区改造。(市住建委牵头,各区政府配合)\n"
    )
    assert [(t.number, t.lead, t.support, t.responsible) for t in doc.tasks] == [
        ("1", [], [], ["市人社局"]),
        ("2", ["市住建委"], ["各区政府"], []),
    ]


def test_a_heading_naming_its_lead_unit_gives_it_to_its_items() -> None:
    doc = parse_text(
        "2008年省人民政府工作目标责任分解\n一、孟学农省长负责的工作\n全面负责省人民政府工作任务的落实。\n"
        "(一)省监察厅牵头的工作\n加强行政监察工作。\n(二)省编办牵头的工作\n"
        "1.深化行政管理体制改革。\n2.推进乡镇机构改革。\n协同单位:省财政厅、省人事厅。\n"
        "(三)重点改革工作\n1.推进国资改革。\n"
    )
    assert [(t.number, t.title, t.lead, t.support, t.persons) for t in doc.tasks] == [
        ("一.(一)", "省监察厅牵头的工作", ["省监察厅"], [], ["孟学农"]),
        ("一.(二).1", "深化行政管理体制改革", ["省编办"], [], ["孟学农"]),
        ("一.(二).2", "推进乡镇机构改革", ["省编办"], ["省财政厅", "省人事厅"], ["孟学农"]),
        # a heading naming work, not a unit, names no one
        ("一.(三).1", "推进国资改革", [], [], ["孟学农"]),
    ]


def test_an_item_opening_with_figures_after_its_marker() -> None:
    doc = parse_text(
        "2024年工作要点\n1、2024年底前完成老旧小区改造。(市住建局负责)\n"
        "2、365个行政村实现通客车。(市交通局负责)\n"
    )
    assert [(t.number, t.title) for t in doc.tasks] == [
        ("1", "2024年底前完成老旧小区改造"),
        ("2", "365个行政村实现通客车"),
    ]
    # a decimal is no marker: `1.5` opens no item
    assert match_marker("1.5万亩高标准农田") is None


def test_a_name_its_note_then_a_colon_is_titled_by_the_name() -> None:
    doc = parse_text(
        "督查通报\n1、联盛快乐城(责任单位:县商务局):前期通报该点位存在没有明确的行业规范等问题已整改。\n"
        "2、西海燕码头(责任单位:县文广新旅局):无文明引导员。\n"
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("联盛快乐城", ["县商务局"]),
        ("西海燕码头", ["县文广新旅局"]),
    ]


def test_a_closing_section_of_instructions_over_items_is_no_work() -> None:
    doc = parse_text(
        "关于开展专项督查的通知\n一、重点督办事项\n1.加快推进垃圾收运一体化。(责任单位:城管执法大队、各乡镇场)\n"
        "2.实施改厨改厕工程。(责任单位;住建局、畜牧局)\n二、几点要求\n"
        "1.各乡镇要主动认领,于7月17日前报市政府督查室。\n2.报告要做到内容翔实。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一.1", ["城管执法大队", "各乡镇场"]),
        ("一.2", ["住建局", "畜牧局"]),
    ]
    # a requirements section whose items name units holds work
    doc = parse_text(
        "2024年工作要点\n一、重点任务\n1.推进改革。(市发改委负责)\n二、工作要求\n1.加强督查。(市督查室负责)\n"
    )
    assert [t.number for t in doc.tasks] == ["一.1", "二.1"]


def test_photo_captions_of_an_inspection_report_number_their_items() -> None:
    doc = parse_text(
        "县组织文明城市创建点位专项督查\n检查中发现了一些问题(如图)。\n"
        "图①:九龙大道两侧公交车站台没有创建公益广告。责任单位:县交通局。\n"
        "图②:东方广场内乱停车。责任单位:县住建局。\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("①", "九龙大道两侧公交车站台没有创建公益广告", ["县交通局"]),
        ("②", "东方广场内乱停车", ["县住建局"]),
    ]


def test_a_number_repeated_by_a_slip_starts_an_item() -> None:
    doc = parse_text(
        "督查通报\n一、主次干道\n3、沿河路乱搭乱建\n(责任单位:城市管理执法局)\n"
        "3、通羊大道线缆垮塌存在安全隐患\n(责任单位:视讯公司)\n4、九宫大道路面坑洼不平\n(责任单位:住建局)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.3", "沿河路乱搭乱建", ["城市管理执法局"]),
        ("一.3", "通羊大道线缆垮塌存在安全隐患", ["视讯公司"]),
        ("一.4", "九宫大道路面坑洼不平", ["住建局"]),
    ]


def test_an_assignment_after_a_run_of_items_covers_as_many_as_it_counts() -> None:
    doc = parse_text(
        "2007年目标管理工作方案\n一、目标体系\n(一)发展目标。\n1.地区生产总值增长15%;\n"
        "2.第三产业增加值达到1000亿元;\n3.城镇固定资产投资新增200亿元;\n"
        "3项目标的责任单位均为市发展改革委。\n4.规模以上工业销售收入达到3000亿元;\n"
        "该目标责任单位为市经委。\n5.地方财政收入净增50亿元;\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一.(一).1", ["市发展改革委"]),
        ("一.(一).2", ["市发展改革委"]),
        ("一.(一).3", ["市发展改革委"]),
        ("一.(一).4", ["市经委"]),
        ("一.(一).5", []),
    ]


def test_a_group_marker_after_items_whose_first_group_the_copy_lost() -> None:
    # `(二)` after item 3 of a `(一)` the copy garbled: a group under `一、`, not a sub-item of 3
    doc = parse_text(
        "工作方案\n一、目标体系\n?ㄒ唬┛缭绞目標。\n1.地区生产总值增长15%。(市发改委负责)\n"
        "2.财政收入增长8%。(市财政局负责)\n(二)节能降耗目标。\n1.能耗下降5%。(市发改委负责)\n"
    )
    assert [t.number for t in doc.tasks] == ["一.1", "一.2", "一.(二).1"]


def test_the_principles_of_a_division_are_no_tasks() -> None:
    doc = parse_text(
        "关于分解落实规划纲要的通知\n一、分工原则\n(一)明确政府职责和市场功能。对政府履行职责的目标进行分解。\n"
        "(二)落实责任主体。依据各部门的职责分工分解落实。\n二、责任主体及工作分工\n"
        "1.常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)\n"
    )
    assert [(t.number, t.lead) for t in doc.tasks] == [("二.1", ["市人口计生委", "市公安局"])]


def test_a_body_named_on_a_line_of_its_own_answers_for_the_items_below_it() -> None:
    doc = parse_text(
        "县区政府及市政府各部门2006年主要工作考核目标\n凤台县政府\n1.地区生产总值75亿元。(分值:5分)\n"
        "2.财政收入10亿元。(分值:10分)\n大通区政府\n1.地区生产总值20.8亿元。(分值:5分)\n"
        "二、其他事项\n1.做好统计工作。\n"
    )
    assert [(t.number, t.responsible, t.attributes.get("分值")) for t in doc.tasks] == [
        ("1", ["凤台县政府"], "5分"),
        ("2", ["凤台县政府"], "10分"),
        ("1", ["大通区政府"], "5分"),
        ("二.1", [], None),  # a section of another style ends the body's items
    ]
    # an inspected place over its findings names no one
    doc = parse_text("督查通报\n儋州村社区\n1.显著位置设置公益广告。\n2.导视图缺失。\n")
    assert [t.responsible for t in doc.tasks] == [[], []]
    # the body's list may have its own title and a paragraph introducing its items
    doc = parse_text(
        "2024年度食品安全工作责任清单\n区级人民政府\n2024年度食品安全工作责任清单\n"
        "2024年,区政府要全面落实食品安全法,主要承担以下工作:\n1.完成重点工作指标任务。\n"
        "2.落实属地管理责任。\n"
    )
    assert [t.responsible for t in doc.tasks] == [["区级人民政府"], ["区级人民政府"]]


def test_a_division_of_duties_each_paragraph_opening_with_its_body() -> None:
    doc = parse_text(
        "现将各单位在村庄环境整治工作中的任务作如下明确:\n"
        "区住建局负责全区村庄环境整治总协调工作,指导督查康居乡村的创建。\n"
        "区委农办要结合全区建设任务,负责指导督查新社区建设。\n"
        "区环保局要加强工业污染源的环境管理,确保达标排放,负责督查工业废弃物加工点的取缔。\n"
        "由于各部门配合不够,进度滞后。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("1", ["区住建局"]),
        ("2", ["区委农办"]),
        ("3", ["区环保局"]),
    ]


def test_label_lines_after_the_last_item_assign_the_section_when_no_item_has_its_own() -> None:
    doc = parse_text(
        "关于开展社区环境整治的通知\n二、整治内容及责任分工\n(一)环境卫生整治\n1、清理卫生死角。\n"
        "2、规范环卫设施。\n责任单位:各街道、市执法局\n配合单位:市住建局\n(二)车辆停放整治\n"
        "1、取缔无证摊点。\n2、纠正占道经营。\n责任单位:市公安局\n"
    )
    assert [(t.number, t.kind, t.responsible, t.support) for t in doc.tasks] == [
        ("二.(一)", "task", ["各街道", "市执法局"], ["市住建局"]),
        ("二.(一).1", "task", [], []),
        ("二.(一).2", "task", [], []),
        ("二.(二)", "task", ["市公安局"], []),
        ("二.(二).1", "task", [], []),
        ("二.(二).2", "task", [], []),
    ]


def test_label_lines_after_each_item_stay_the_items_own() -> None:
    doc = parse_text(
        "2008年工作目标责任分解\n一、省编办牵头的工作\n1.深化机构改革。\n协同单位:省财政厅。\n"
        "2.推进乡镇机构改革。\n协同单位:省人事厅。\n二、省审计厅牵头的工作\n1.加强审计。\n"
        "2.推进审计全覆盖。\n协同单位:省直各部门。\n"
    )
    assert [(t.number, t.support) for t in doc.tasks] == [
        ("一.1", ["省财政厅"]),
        ("一.2", ["省人事厅"]),
        ("二.1", []),
        ("二.2", ["省直各部门"]),
    ]


def test_a_guiding_ideas_heading_with_its_text_glued_on_is_no_task() -> None:
    doc = parse_text(
        "秸秆禁烧工作实施方案\n一、指导思想以科学发展观为指导,以保护大气环境质量、保护人民身体健康为目标,"
        "坚持以疏为主、疏堵结合的工作原则,积极推进秸秆综合利用工作。\n二、加强巡查。\n三、加强宣传。\n"
    )
    assert [t.number for t in doc.tasks] == ["二", "三"]


def test_a_bulleted_list_of_annotated_lines_numbers_its_items_without_the_bullets() -> None:
    doc = parse_text(
        "2023年工作要点\n● 推进项目建设。(市发改委负责)\n● 加快改革步伐。(市财政局负责)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1", "推进项目建设", ["市发改委"]),
        ("2", "加快改革步伐", ["市财政局"]),
    ]


@pytest.mark.parametrize(
    "duties",
    [
        "县环保局:负责全县秸秆禁烧的统一监督。\n县交通局、公路局:负责国道两侧的巡查。\n",
        "县环保局。负责全县秸秆禁烧的统一监督。\n县交通局、公路局。负责国道两侧的巡查。\n",
        "县环保局负责全县秸秆禁烧的统一监督。县交通局、公路局负责国道两侧的巡查。\n",
        # a flattened copy: the duties on the heading's own line, after the words announcing them
        "各成员单位职责如下:县环保局。负责全县秸秆禁烧的统一监督。县交通局、公路局。负责国道两侧的巡查。\n",
    ],
)
def test_a_division_of_duties_under_a_heading_each_line_or_sentence_opening_with_its_bodies(
    duties: str,
) -> None:
    doc = parse_text(
        "秸秆禁烧工作方案\n三、职责分工\n" + duties + "四、工作要求\n各单位要高度重视。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("三-1", ["县环保局"]),
        ("三-2", ["县交通局", "公路局"]),
    ]


def test_label_lines_after_a_run_numbered_from_one_again_assign_each_item_of_the_run() -> None:
    doc = parse_text(
        "督查通报\n1.市场内卫生间堆放杂物;\n整改责任单位:县市场监督管理局 整改时限:8月13日前\n"
        "1.员工食堂杂物乱堆放;\n2.临时厨房垃圾乱堆放。\n整改责任单位:县污水处理厂 整改时限:8月13日前\n"
        "1.住户门前积水;\n2.垃圾桶未加盖。\n责任单位:县住房和城乡建设局\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("1", ["县市场监督管理局"]),
        ("1", ["县污水处理厂"]),
        ("2", ["县污水处理厂"]),
        ("1", ["县住房和城乡建设局"]),
        ("2", ["县住房和城乡建设局"]),
    ]


# copies cut by their end (a page's stored text stops mid-paragraph)


def test_one_unnumbered_paragraph_closed_by_a_note_of_roles_and_the_cut_one_after_it() -> None:
    doc = parse_text(
        "德州市实施方案\n为加快跨越发展,结合我市实际,制定本实施方案。\n"
        "加强科技创新主体培育。实施科技型中小企业创新能力提升工程,落实研发费用加计扣除政策。"
        "(市科技局牵头负责,市财政局配合)\n"
        "强化科技平台载体赋能。高水平建设重大产业创新平台,积极争创省技术创新中心;鼓励开展"
    )
    assert [(t.number, t.title[:6], t.lead, t.support) for t in doc.tasks] == [
        ("1", "加强科技创新", ["市科技局"], ["市财政局"]),
        ("2", "强化科技平台", [], []),
    ]


def test_a_cut_paragraph_after_an_annotated_one_under_a_heading_line_is_the_next_run() -> None:
    doc = parse_text(
        "实施意见\n一、深化区域经济合作\n(一)优化区域经济发展格局\n"
        "携手珠三角各市以及港澳共同打造粤港澳大湾区城市群,推进大珠三角世界级城市群建设。"
        "(牵头单位:市发改局;各相关部门按职责分工负责)\n"
        "积极参与建设珠江-西江经济带,打造内陆主要货源地节点。协助推进深茂铁路前期工作,做好穗莞深"
    )
    assert [(t.number, t.title[:6], t.lead, t.support) for t in doc.tasks] == [
        ("一.(一)-1", "携手珠三角各", ["市发改局"], ["各相关部门"]),
        ("一.(一)-2", "积极参与建设", [], []),
    ]


@pytest.mark.parametrize(
    "after",
    [
        # the item's body after a note on its title line
        "\n根据工作安排,截至目前已完成筛查1036人,筛查率100%确诊阳性3人,发病率0.32",
        # a closing paragraph, whole
        "\n经指挥部研究,决定对上述单位予以通报批评,督促其于7月7日前整改到位,并报告处理结果。",
    ],
)
def test_text_after_a_note_on_the_item_line_is_no_run(after: str) -> None:
    (task,) = parse_text(
        "工作要点\n一、民生实事\n(四)新生儿先天性心脏病筛查与诊治(牵头责任单位:县卫生健康委员会)"
        + after
    ).tasks
    assert task.lead == ["县卫生健康委员会"]


def test_a_heading_naming_a_leader_by_name_and_posts_gives_the_items_their_person() -> None:
    (task,) = parse_text(
        "承诺事项进展情况\n一、市委领导\n(一)卢志军 市委副书记、市委政法委书记\n"
        "1.深入开展“零上访零事故零案件”创建活动。\n推进情况:全市达标占比90%。\n"
    ).tasks
    assert (task.number, task.persons) == ("一.(一).1", ["卢志军"])


def test_an_item_opening_with_a_year_is_numbered() -> None:
    doc = parse_text(
        "2024年工作要点\n1.2024年6月底前完成制度修订。(市发改委负责)\n2.加强监管。(市财政局负责)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("1", "2024年6月底前完成制度修订", ["市发改委"]),
        ("2", "加强监管", ["市财政局"]),
    ]


def test_unnumbered_items_each_over_its_label_lines() -> None:
    doc = parse_text(
        "2012年十大实事\n关键词 教育\n市区新增中小学招生学位2.36万个。\n主管领导:刘东\n责任单位:市教育局\n"
        "主要责任人:毛杰\n进度安排:12月底前全部落实。\n新建、改扩建中小学校30所。\n主管领导:刘东\n"
        "责任单位:市教育局、市财政局\n进度安排:12月底前全部开工。\n新建、改扩建幼儿园84所,"
    )
    assert [(t.number, t.title, t.responsible, t.persons) for t in doc.tasks] == [
        ("1", "市区新增中小学招生学位2.36万个", ["市教育局"], ["刘东", "毛杰"]),
        ("2", "新建、改扩建中小学校30所", ["市教育局", "市财政局"], ["刘东"]),
        ("3", "新建、改扩建幼儿园84所", [], []),
    ]
    assert doc.tasks[0].attributes == {"进度安排": "12月底前全部落实"}


def test_a_notice_listing_its_attachments_then_the_first_attachment_holding_the_plan() -> None:
    doc = parse_text(
        "县直各有关单位:\n现将任务分解印发给你们,请认真贯彻落实。\n一、责任到人,闭环管理。各单位要细化职责。\n"
        "二、节点管控,动态调度。各单位要紧盯目标任务。\n附件:1.2025年县政府工作报告任务清单\n"
        "2.2025年民生实事任务分解\n沁县人民政府办公室\n2025年5月18日\n(此件公开发布)\n附件1\n"
        "2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(2项)\n1.建设养殖基地。\n"
        "2.打造生产基地。\n"
    )
    assert [(t.number, t.title, t.lead) for t in doc.tasks] == [
        ("一.1", "建设养殖基地", ["县示范区管委会"]),
        ("一.2", "打造生产基地", ["县示范区管委会"]),
    ]


def test_a_part_named_for_its_unit_gives_it_only_to_the_items_right_under_it() -> None:
    doc = parse_text(
        "任务分工\n第一部分 区政府主责任务(3项)\n一、生态环境\n(一)主要指标\n1.森林覆盖率达到36.5%。\n"
        "牵头单位:区园林绿化局\n2.人均体育场地面积达到2.4平方米。\n牵头单位:\n"
        "二、县示范区管委会牵头工作(1项)\n1.建设养殖基地。\n"
    )
    assert [(t.title, t.lead) for t in doc.tasks] == [
        ("森林覆盖率达到36.5%", ["区园林绿化局"]),
        ("人均体育场地面积达到2.4平方米", []),  # its label cut empty: no unit of the part's
        ("建设养殖基地", ["县示范区管委会"]),
    ]


def test_label_lines_numbered_like_sub_items_label_the_item_above() -> None:
    """`(一)责任领导:` `(二)责任单位:` … under an item are its label lines, not its items; lines
    numbered otherwise under a label whose value stands below it are that value."""
    doc = parse_text(
        "2009年十件实事任务分解\n"
        "(五)完成时限:2009年内\n"
        "一、新建乡镇卫生院10所\n"
        "(一)责任领导:王刚\n(二)责任单位:市卫生局\n(三)协办单位:市财政局,各县区政府\n"
        "(四)任务分解:\n1、新建5所。\n2、改建5所。\n(五)完成时限:2009年底\n"
        "二、改造农村公路300公里\n(一)责任领导:李强\n(二)责任单位:市交通局\n"
    )
    tasks = doc.tasks
    assert [(t.number, t.title, t.responsible, t.support, t.persons) for t in tasks] == [
        ("一", "新建乡镇卫生院10所", ["市卫生局"], ["市财政局", "各县区政府"], ["王刚"]),
        ("二", "改造农村公路300公里", ["市交通局"], [], ["李强"]),
    ]
    assert tasks[0].attributes["任务分解"].startswith("1、新建5所。")


def test_numbered_sections_opening_with_a_label_stay_sections() -> None:
    doc = parse_text(
        "环境卫生整治方案\n一、整治时间:2021年6月23日\n二、整治任务:\n1.清理村庄垃圾;\n2.清除杂草;\n"
        "三、责任分工:\n1.保洁公司负责组织清运工作;\n2.乡村振兴办公室做好组织协调工作。\n"
    )
    assert [t.number for t in doc.tasks][-4:] == ["二.1", "二.2", "三.1", "三.2"]


def test_departments_as_headings_over_their_duties_run_together_on_one_line() -> None:
    """A zone's departments as headings (a body's name and, in brackets, the offices it also is),
    each over a list heading closed by a colon and its duties `①…;②…` on one line: each duty is a
    task of that department."""
    doc = parse_text(
        "工业园区部室职责\n(一)综合办公室(党群工作部、财务室)\n(1)年度主要任务:\n"
        "①完成上稿8篇;②理顺园区体制机制;③做好后勤管理。\n"
        "(二)招商合作局\n(1)年度主要任务:\n①引进工业项目6个;②落实行政审批。\n"
    )
    office = "综合办公室(党群工作部、财务室)"
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("(一).(1).①", "完成上稿8篇", [office]),
        ("(一).(1).②", "理顺园区体制机制", [office]),
        ("(一).(1).③", "做好后勤管理", [office]),
        ("(二).(1).①", "引进工业项目6个", ["招商合作局"]),
        ("(二).(1).②", "落实行政审批", ["招商合作局"]),
    ]


def test_a_heading_shaped_like_a_body_gives_no_unit_where_items_name_theirs() -> None:
    """`七、市直综合服务中心` over works that name their units is a project, not the works' unit."""
    doc = parse_text(
        "重点项目建设任务\n七、市直综合服务中心\n1.电线迁改工程,3月完成。\n责任单位:市供电公司。\n"
        "2.基坑开挖工程,6月完工。\n"
    )
    assert [t.responsible for t in doc.tasks] == [["市供电公司"], []]


def test_decimal_numbering() -> None:
    """Items numbered `1.1`, `1.2`, `1.2.1` under parts numbered alone (`1 经济发展`); decimal figures
    opening a line's text (`2.5亿元`) are no numbers of items."""
    doc = parse_text(
        "2024年工作要点\n1 经济发展\n1.1 推进项目建设。(牵头单位:市发改委)\n"
        "1.2 加强队伍建设。\n1.2.1 细化方案。(牵头单位:市人社局)\n1.2.2 组织实施。(牵头单位:市财政局)\n"
        "2 民生保障\n2.1 办好教育。(牵头单位:市教育局)\n2.2 增加收入。\n2.5亿元用于补助。\n"
    )
    assert [(i.kind, i.number, i.title, i.lead) for i in doc.items] == [
        ("heading", "1", "经济发展", []),
        ("task", "1.1", "推进项目建设", ["市发改委"]),
        ("heading", "1.2", "加强队伍建设", []),
        ("task", "1.2.1", "细化方案", ["市人社局"]),
        ("task", "1.2.2", "组织实施", ["市财政局"]),
        ("heading", "2", "民生保障", []),
        ("task", "2.1", "办好教育", ["市教育局"]),
        ("task", "2.2", "增加收入", []),
    ]
    assert "2.5亿元用于补助" in doc.tasks[-1].full_text
    assert doc.warnings == []


def test_decimal_items_without_part_headings_restart_at_each_part() -> None:
    doc = parse_text(
        "工作计划\n一、重点任务\n1.1 推进项目建设。(责任部门:企划部)\n1.2 加强队伍建设。(责任部门:人资部)\n"
        "2.1 办好培训。(责任部门:人资部)\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("一.1.1", ["企划部"]),
        ("一.1.2", ["人资部"]),
        ("一.2.1", ["人资部"]),
    ]
    assert doc.warnings == []


def test_a_table_of_contents_names_no_task() -> None:
    """A site's outline of the page (`目录/提纲:` over the plan's headings) is no list of tasks; a
    leader's name masked by the site (`**`) names no one."""
    doc = parse_text(
        "目录/提纲:……\n一、指导思想\n二、组织架构及职责\n(一)办公室\n(二)宣传组\n……\n"
        "某局防控工作方案\n一、指导思想\n以习近平新时代中国特色社会主义思想为指引。\n"
        "二、组织架构及职责\n(一)办公室\n组长:**\n主责部门:办公室、人事科\n(二)宣传组\n组长:王刚\n主责部门:宣传科\n"
    )
    assert [(t.number, t.title, t.lead, t.persons) for t in doc.tasks] == [
        ("二.(一)", "办公室", ["办公室", "人事科"], []),
        ("二.(二)", "宣传组", ["宣传科"], ["王刚"]),
    ]


def test_articles_naming_a_body_s_duties_give_it_the_duties_below() -> None:
    """`第七条 区科委工作职责:` over `(一)` `(二)`: the body answers for each duty; a copy opening with
    the last duty of an article it lost keeps that duty without a unit, the next article on top."""
    doc = parse_text(
        "(五)负责学校校舍安全工程的监督检查。\n第七条 区科委工作职责:\n(一)推动安全生产科技进步。\n"
        "(二)负责安全生产科技攻关。\n第八条 区公安分局工作职责:\n(一)对消防工作实施监督管理。\n"
    )
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("(五)", []),
        ("第七条.(一)", ["区科委"]),
        ("第七条.(二)", ["区科委"]),
        ("第八条.(一)", ["区公安分局"]),
    ]


def test_a_flattened_duty_list_numbered_in_brackets_and_decimals() -> None:
    """A page flattened onto one line: `(10)省民政厅:…` items and decimal sections after spaces start
    lines of their own; a body ending in 社 is a body; a sentence announcing the groups below keeps
    them as items; a body's duty after `在…领导下` is its own."""
    line = (
        "[接上页] (10)省民政厅:核实全省干旱灾害的损失,组织安排救灾工作。 (11)新华社山西分社:第一时间获知"
        "抗旱信息,坚持正面报道为主。 (12)省气象局在省防指的统一领导下,负责提供降雨信息,做好气象预报"
        "工作,适时开展人工增雨作业。 2.2 省防总办公室 承担省防总日常工作。 "
        "2.3 省防总工作小组 在启动应急响应时,省防总设置以下工作小组: "
        "(1)综合协调组:由省应急厅牵头,省水利厅参与。主要职责是汇总灾情,协调处理抢险救灾相关事宜。 "
        "(2)宣传报道组:由省委宣传部牵头,有关单位参与。主要职责是组织协调有关新闻单位及时报道。"
    )
    doc = parse_text(line + "\n")
    assert [(t.number, t.responsible, t.lead, t.support) for t in doc.tasks] == [
        ("(10)", ["省民政厅"], [], []),
        ("(11)", ["新华社山西分社"], [], []),
        ("(12)", ["省气象局"], [], []),
        ("2.2", ["省防总办公室"], [], []),
        ("2.3.(1)", [], ["省应急厅"], ["省水利厅"]),
        ("2.3.(2)", [], ["省委宣传部"], ["有关单位"]),
    ]


def test_a_flattened_copy_glues_headings_items_and_notes_after_spaces() -> None:
    """A Word copy flattened by a document site: a section's first item after its heading on one
    line (`一、持续推进学习 1.推动…`), the next section or item after an item's note (`〔…〕 二、压实…`,
    `〔…〕 3.县政府…`), and a note cut by the copy's end inside `各部门` (no `县政府各部` stored)."""
    doc = parse_text(
        "2022年法治政府建设工作计划\n一、持续推进学习 1.推动学习宣传贯彻法治思想走深走实。\n"
        "〔牵头单位:县司法局;责任单位:县政府各部门〕 二、压实第一责任人职责\n"
        "2.将法治政府建设同部署同推进。〔牵头单位:县政府办公室〕 3.县政府常务会议定期研究法治工作。\n"
        "〔牵头单位:县政府办公室、县司法局;责任单位:县政府各部"
    )
    assert [(t.number, t.title, t.lead, t.support) for t in doc.tasks] == [
        ("一.1", "推动学习宣传贯彻法治思想走深走实", ["县司法局"], ["县政府各部门"]),
        ("二.2", "将法治政府建设同部署同推进", ["县政府办公室"], []),
        ("二.3", "县政府常务会议定期研究法治工作", ["县政府办公室", "县司法局"], []),
    ]


def test_a_copy_starting_inside_an_item_keeps_that_item_s_end() -> None:
    """A journal's page 7 starts inside item (三): its end, closed by a note naming units, is item
    (三), the page's running head joined before it (`Page 7 … 3`) no part of it."""
    doc = parse_text(
        "Page 7 - 药房杂志2023年1期\n2023 年 3 月 第 1 期    某委员会:2023年工作要点    3\n"
        "范意识和防护能力。(国家卫生健康委、共青团中央按职责分工负责)\n"
        "(四)持续推进宣讲员队伍建设。(健康中国行动推进办负责)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("(三)", "范意识和防护能力", ["国家卫生健康委", "共青团中央"]),
        ("(四)", "持续推进宣讲员队伍建设", ["健康中国行动推进办"]),
    ]


def test_a_preamble_before_a_first_item_is_no_item() -> None:
    doc = parse_text(
        "2024年工作要点\n为做好今年工作,制定本要点。\n(一)持续推进宣讲员队伍建设。(健康中国行动推进办负责)\n"
    )
    assert [t.number for t in doc.tasks] == ["(一)"]


def test_markers_whose_closing_bracket_the_copy_lost() -> None:
    doc = parse_text(
        "2022年政务公开工作要点\n一、聚焦经济领域\n(一加强营商环境信息公开。(区发展改革委负责落实)\n"
        "(二加强减税降费信息公开。(区税务局负责落实)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.(一)", "加强营商环境信息公开", ["区发展改革委"]),
        ("一.(二)", "加强减税降费信息公开", ["区税务局"]),
    ]


def test_a_note_cut_right_after_a_separator_names_its_whole_names() -> None:
    doc = parse_text(
        "要点\n1.做好信息公开。(区发改委、区市场监管局负责落实)\n"
        "2.持续做好产业政策信息公开工作,加强重点产业政策的发布、解读。(区发展改革委、区科信局、区财政局、区商务局、"
    )
    assert doc.tasks[1].responsible == ["区发展改革委", "区科信局", "区财政局", "区商务局"]
