"""Responsibility annotations in every form the documents use, on small realistic documents."""

from __future__ import annotations

import pytest

from taskctl.ingest import parse_text
from taskctl.ingest.annotations import read_annotation, split_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各市、县科技局", ["各市、县科技局"]),
        ("有关市、县科技局", ["有关市、县科技局"]),
        ("各市、县(市、区)科技局", ["各市、县(市、区)科技局"]),
        ("各有关处室,各市、县科技局", ["各有关处室", "各市、县科技局"]),
        ("市、县、区科技局;省教育厅", ["市、县、区科技局", "省教育厅"]),
        ("省科技厅、省财政厅等", ["省科技厅", "省财政厅"]),
        ("财政部等部门", ["财政部"]),
        ("省直有关部门等单位", ["省直有关部门"]),
        ("中国人民银 行成都分行", ["中国人民银行成都分行"]),
        ("省科技厅 省财政厅", ["省科技厅", "省财政厅"]),
        ("省科技厅，省财政厅；省教育厅", ["省科技厅", "省财政厅", "省教育厅"]),
        ("科技厅、教育厅、科技厅", ["科技厅", "教育厅"]),
        ("、,;  ", []),
        ("", []),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_read_labelled_annotation() -> None:
    text = "加快培育企业。(责任人:寿剑刚,牵头单位:法规处,配合单位:各有关处室,各市、县科技局)"
    annotation = read_annotation(text)
    assert annotation is not None
    assert annotation.persons == ["寿剑刚"]
    assert annotation.lead == ["法规处"]
    assert annotation.support == ["各有关处室", "各市、县科技局"]
    assert annotation.responsible == []
    assert annotation.spans == [(text.index("("), len(text))]


def test_read_annotation_none() -> None:
    assert read_annotation("组织召开全省科技奖励大会(简称“奖励大会”)。") is None
    assert read_annotation("") is None


def parse_one(text: str, **options: bool):
    return parse_text(text, **options).tasks


def test_bracketed_responsible_units() -> None:
    tasks = parse_one(
        "某省2018年工作要点\n一、重点任务\n1.加强应用基础研究。\n要瞄准世界科技前沿。\n"
        "(责任单位:科技厅、教育厅、农业厅、中科院成都分院)\n"
        "2.加强攻关。\n(责任单位:科技厅、省发展改革委等)\n"
    )
    assert tasks[0].responsible == ["科技厅", "教育厅", "农业厅", "中科院成都分院"]
    assert tasks[0].title == "加强应用基础研究"
    assert tasks[1].responsible == ["科技厅", "省发展改革委"]
    assert tasks[0].lead == tasks[0].support == []


def test_first_lead_option() -> None:
    text = "某省2018年工作要点\n1.加强应用基础研究。(责任单位:科技厅、教育厅、农业厅)\n"
    (task,) = parse_one(text, first_lead=True)
    assert (task.lead, task.support, task.responsible) == (["科技厅"], ["教育厅", "农业厅"], [])


def test_national_style_inline_verbs() -> None:
    tasks = parse_one(
        "关于推进技术创新的实施意见\n"
        "一、重点任务\n"
        "(一)完善创新体系。加快建设国家实验室。（国家发展改革委牵头，财政部等按职责分工负责）\n"
        "(二)强化企业主体。（科技部牵头，工业和信息化部、财政部配合）\n"
        "(三)做好宣传。（中央宣传部负责）\n"
        "(四)优化服务。(科技部、教育部负责)\n"
    )
    assert [(t.lead, t.support, t.responsible) for t in tasks] == [
        (["国家发展改革委"], ["财政部"], []),
        (["科技部"], ["工业和信息化部", "财政部"], []),
        ([], [], ["中央宣传部"]),
        ([], [], ["科技部", "教育部"]),
    ]
    assert [t.title for t in tasks] == ["完善创新体系", "强化企业主体", "做好宣传", "优化服务"]


def test_labels_on_their_own_line() -> None:
    tasks = parse_one(
        "某省2023年工作要点\n"
        "（一）加强组织领导\n"
        "1.建立工作机制。明确分工。\n"
        "牵头单位：省科技厅；配合单位：省财政厅、省教育厅\n"
        "2．完善考核办法。\n"
        "责任单位：省科技厅，省财政厅\n"
    )
    assert (tasks[0].lead, tasks[0].support) == (["省科技厅"], ["省财政厅", "省教育厅"])
    assert tasks[1].responsible == ["省科技厅", "省财政厅"]
    assert tasks[0].title == "建立工作机制"
    assert "牵头单位" not in tasks[1].title


def test_a_section_assigned_on_its_own_is_a_task_over_its_items() -> None:
    doc = parse_text(
        "某省2023年工作要点\n"
        "（一）强化保障\n"
        "牵头单位：省发展改革委\n"
        "1．加大投入。\n"
        "2．优化环境。(牵头单位:省科技厅)\n"
        "（二）其他工作\n"
        "1．做好统计。\n"
    )
    # the section's note is the section's: its items are not given units the text does not give them
    assert [(t.number, t.lead) for t in doc.tasks] == [
        ("(一)", ["省发展改革委"]),
        ("(一).1", []),
        ("(一).2", ["省科技厅"]),
        ("(二).1", []),
    ]
    assert doc.tasks[1].parent == 0


def test_a_section_naming_only_its_leader_stays_a_heading() -> None:
    doc = parse_text(
        "某县2023年重点工作\n（一）产业发展(牵头领导:王明)\n1．加大投入。(责任单位:县发改局)\n"
    )
    assert [(t.number, t.persons, t.responsible) for t in doc.tasks] == [
        ("(一).1", ["王明"], ["县发改局"])
    ]


def test_label_alone_then_units_on_next_line() -> None:
    (task,) = parse_one("某省2023年工作要点\n1.加大投入。\n牵头单位：\n省发展改革委、省财政厅\n")
    assert task.lead == ["省发展改革委", "省财政厅"]


def test_unclosed_annotation_warns_and_keeps_text() -> None:
    doc = parse_text("2023年工作要点\n1. 加强领导(牵头单位:省科技厅\n2. 完善机制。\n")
    first = doc.tasks[0]
    assert first.lead == []
    assert first.title == "加强领导"
    assert "(牵头单位:省科技厅" in first.full_text
    assert [(w.line, w.message) for w in doc.warnings] == [
        (2, "annotation bracket is never closed")
    ]


def test_no_unit_is_invented() -> None:
    # the bodies the task's text speaks of are no units; the clause closing it says who does it
    (task,) = parse_one("2023年工作要点\n1.加强科技厅与教育厅合作,由各地负责落实。\n")
    assert task.lead == task.support == task.persons == []
    assert task.responsible == ["各地"]
    (task,) = parse_one("2023年工作要点\n1.加强科技厅与教育厅合作,共同推进落实。\n")
    assert task.lead == task.support == task.responsible == task.persons == []


def test_labelled_deadline_with_a_bare_month_and_semicolon_separated_labels() -> None:
    from datetime import date

    from taskctl.ingest import parse_text

    doc = parse_text(
        "2026年工作要点\n一、总体\n"
        "1.任务甲。(牵头单位:甲处,配合单位:乙处;完成时限:2026年6月30日前)\n"
        "2.任务丙。牵头单位：甲处；配合单位：乙处；完成时限：2026年9月\n"
    )
    got = [(t.lead, t.support, t.deadline, t.deadline_text) for t in doc.tasks]
    assert got == [
        (["甲处"], ["乙处"], date(2026, 6, 30), "2026年6月30日前"),
        (["甲处"], ["乙处"], date(2026, 9, 30), "2026年9月"),
    ]


def test_a_note_never_closed_on_its_line_is_read_to_the_lines_end() -> None:
    doc = parse_text(
        "为民办实事事项进展情况通报\n一、进展情况\n1.支持普惠性民办幼儿园建设(责任单位:县教育局\n"
        "已确定普惠性民办幼儿园19所,资金已发放。\n2.安装AED自动除颤仪设备(责任单位:\n\n县教育局\n\n"
        "设备已安装完成。\n3.加强基层新生儿科能力建设(责任单位:县卫生健康委员会\n"
        "一是印发实施方案(琼中卫〔2020〕122号),并配备教具。\n4.养老服务护理人员培训(责任单位:县民政局)\n",
        source="bulletin.txt",
    )
    assert [(t.title, t.responsible) for t in doc.tasks] == [
        ("支持普惠性民办幼儿园建设", ["县教育局"]),
        ("安装AED自动除颤仪设备", ["县教育局"]),
        ("加强基层新生儿科能力建设", ["县卫生健康委员会"]),
        ("养老服务护理人员培训", ["县民政局"]),
    ]
    assert {w.message for w in doc.warnings} == {
        "annotation bracket is never closed: read to its line's end"
    }
