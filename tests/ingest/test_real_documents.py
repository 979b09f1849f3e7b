"""Real public work plans the parser was not built on (tests/fixtures/real, see its README.md).

Each fixture is a page's text exactly as the search corpus stored it: the stored copy of a page is its
first 2,000 bytes, so most end mid-item. Counts and units below are read off the text by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taskctl.ingest import parse_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
ANNOTATION_WORDS = ("牵头", "负责", "责任单位", "配合", "责任领导", "分管", "|", "(", ")", ":")


def _parse(name: str):
    return parse_text((REAL / f"{name}.txt").read_text(encoding="utf-8"), source=f"{name}.txt")


def _tasks(name: str):
    return [item for item in _parse(name).items if item.kind == "task"]


def _task(name: str, number: str):
    return next(task for task in _tasks(name) if task.number == number)


def _units(tasks) -> set[str]:
    return {unit for task in tasks for unit in (*task.lead, *task.support, *task.responsible)}


COUNTS = {
    "lishan2023": 7,
    "anhui": 6,
    "nanling2024": 2,
    "xianan2023": 13,
    "guangdong2021": 2,
    "yuzhong2023": 4,
    "shaanxi2015": 4,
    "guofa2020": 2,
}


@pytest.mark.parametrize(("name", "count"), COUNTS.items())
def test_task_count(name: str, count: int) -> None:
    assert len(_tasks(name)) == count


@pytest.mark.parametrize("name", COUNTS)
def test_titles_carry_no_annotation(name: str) -> None:
    for task in _tasks(name):
        assert task.title
        assert not any(word in task.title for word in ANNOTATION_WORDS), task.title
        assert not task.title.endswith(("。", ",", ";"))


def test_lishan_lead_and_responsible_lines() -> None:
    # `牵头单位:` and `责任单位:` on lines of their own, blank lines between
    task = _task("lishan2023", "一.1")
    assert task.title == "努力实现地区生产总值增长6.2%左右"
    assert task.lead == ["区发改局"]
    # 责任单位 next to a lead support it; the link keeps the label
    assert task.support == ["立山经济开发区", "全区经济运行各专班"]
    assert task.responsible == []
    assert set(task.unit_labels.values()) == {"责任单位"}
    task = _task("lishan2023", "一.3")
    assert task.support == ["立山经济开发区", "各街道", "区直各部门"]
    last = _task("lishan2023", "一.7")  # the stored copy ends after this item's first line
    assert last.title == "其他主要经济指标不低于全市平均水平"
    assert not (last.lead or last.responsible)
    assert _units(_tasks("lishan2023")) == {
        "区发改局",
        "区工信局",
        "区商务局",
        "区财政局",
        "立山经济开发区",
        "全区经济运行各专班",
        "各街道",
        "区直各部门",
        "区市场局",
        "税务局",
        "各相关单位",
    }


def test_anhui_lead_person_and_cooperating_units() -> None:
    # `牵头负责领导:` / `牵头责任单位:` / `协同责任单位:…等。`, items numbered `1﹒`
    task = _task("anhui", "一.2")
    assert task.title == "固定资产投资力争增长10%以上,在实际工作中奋力完成得更快一些"
    assert task.persons == ["刘惠"]
    assert task.lead == ["省发展改革委"]
    assert task.support[-1] == "省林业局"  # 等 stripped
    assert len(task.support) == 8
    task = _task("anhui", "一.5")
    assert task.lead == ["省财政厅"]
    assert task.support == ["省发展改革委", "省税务局", "人行合肥中心支行"]
    last = _task("anhui", "一.6")  # cut off inside `牵头责任单位`
    assert last.persons == ["杨光荣"]
    assert not (last.lead or last.support or last.responsible)
    assert _units(_tasks("anhui")) == {
        "省发展改革委",
        "省政府各部门",
        "各直属机构",
        "省经济和信息化厅",
        "省财政厅",
        "省自然资源厅",
        "省住房城乡建设厅",
        "省交通运输厅",
        "省农业农村厅",
        "省水利厅",
        "省林业局",
        "省商务厅",
        "省农村农业厅",
        "省文化和旅游厅",
        "省市场监管局",
        "省税务局",
        "合肥海关",
        "省外汇管理局",
        "人行合肥中心支行",
    }


def test_nanling_table_copied_as_text() -> None:
    # `序号 |` `目标与任务 |` `分 管 县领导 |` … one cell a line; names padded (`俞 悦`)
    document = _parse("nanling2024")
    assert document.title == "2024年《政府工作报告》重点工作目标任务分解表"
    assert document.period_start.year == 2024
    task = _task("nanling2024", "81")
    assert task.title == (
        "保障芜职院现代物流智造学院秋季开学,支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径"
    )
    assert task.persons == ["陆明", "俞悦"]
    assert task.lead == ["县教育局"]
    assert task.support == ["县各有关单位"]
    assert _task("nanling2024", "80").persons == ["俞悦"]
    assert _units(_tasks("nanling2024")) == {"县教育局", "县各有关单位"}


def test_xianan_bracketed_leader_and_units() -> None:
    # `(责任领导:杜新国;牵头单位:区发改局)`, goals section `主要预期目标` assigned to units
    task = _task("xianan2023", "一.7")
    assert task.title == "城乡居民收入增长与经济增长基本同步"
    assert task.persons == ["杜新国", "丁玲"]
    assert task.lead == ["区发改局", "区农业农村局"]
    assert _task("xianan2023", "一.11").lead == ["市生态环境局咸安分局"]
    task = _task("xianan2023", "二.(一).12")
    assert task.persons == ["洪声耀"]
    assert task.lead == ["区交通运输局"]
    assert task.support == [
        "区发改局",
        "区自然资源和规划局",
        "区林业局",
        "区经发集团",
        "相关乡镇办",
    ]
    assert _units(_tasks("xianan2023")) == {
        "区发改局",
        "区科经局",
        "区商务局",
        "区财政局",
        "区税务局",
        "区农业农村局",
        "区人社局",
        "市生态环境局咸安分局",
        "区交通运输局",
        "区自然资源和规划局",
        "区林业局",
        "区经发集团",
        "相关乡镇办",
    }


def test_guangdong_leader_and_division_line() -> None:
    # `分管省领导:林克庆` / `部门分工:省发展改革委牵头,各地、各部门配合。`
    task = _task("guangdong2021", "一.1")
    assert task.title == "地区生产总值增长6%以上"
    assert task.persons == ["林克庆"]
    assert task.lead == ["省发展改革委"]
    assert task.support == ["各地", "各部门"]
    assert _task("guangdong2021", "一.2").lead == ["省财政厅"]
    assert _units(_tasks("guangdong2021")) == {"省发展改革委", "各地", "各部门", "省财政厅"}


def test_yuzhong_lead_and_responsible_lines() -> None:
    task = _task("yuzhong2023", "一.3")
    assert task.title == "固定资产投资总额增长5%以上"
    assert task.lead == ["区发改委"]
    assert task.support == [
        "区住建委",
        "区财政局",
        "区国资委",
        "区规资局",
        "各管委会",
        "区属各重点国企",
    ]
    assert _task("yuzhong2023", "一.2").support == ["区税务局", "区国资委"]
    # the stored copy ends inside task 4's lead unit (`牵头单位:区商`): only tasks 1-3 are whole
    assert _units(_tasks("yuzhong2023")[:3]) == {
        "区发改委",
        "各产业主管部门",
        "区财政局",
        "区税务局",
        "区国资委",
        "区住建委",
        "区规资局",
        "各管委会",
        "区属各重点国企",
    }


def test_shaanxi_inline_verbs() -> None:
    # `(省发改委、省工业和信息化厅等负责)`, `(省农业厅牵头)`, items `1、`
    assert _task("shaanxi2015", "1").responsible == ["省发改委", "省工业和信息化厅"]
    task = _task("shaanxi2015", "3")
    assert task.title == "继续实施“十百千万”工程,引导土地经营权有序流转,大力培育新型农业经营主体"
    assert task.lead == ["省农业厅"]
    assert _task("shaanxi2015", "4").responsible == ["省农业厅"]
    assert _units(_tasks("shaanxi2015")) == {
        "省发改委",
        "省工业和信息化厅",
        "省文化厅",
        "省农业厅",
    }


def test_guofa_goals_section_assigned_to_departments() -> None:
    # `(一)总体要求和主要预期目标。` holds items assigned `(国务院各部门分别负责,年内持续推进)`
    task = _task("guofa2020", "一.(一).1")
    assert task.responsible == ["国务院各部门"]
    assert task.deadline is None
    assert task.deadline_text == "持续推进"
    assert task.title.startswith("在以习近平同志为核心的党中央坚强领导下")
    second = _task("guofa2020", "一.(一).2")  # cut off before its annotation
    assert second.title.startswith("优先稳就业保民生,坚决打赢脱贫攻坚战")
    assert _units(_tasks("guofa2020")) == {"国务院各部门"}


def test_padded_person_names_split() -> None:
    from taskctl.ingest.annotations import split_persons

    assert split_persons("陆 明俞 悦") == ["陆明", "俞悦"]
    assert split_persons("俞 悦") == ["俞悦"]
    assert split_persons("张三 李四") == ["张三", "李四"]
    assert split_persons("杜新国、丁玲") == ["杜新国", "丁玲"]


def test_goal_items_without_units_stay_out() -> None:
    text = "2024年工作要点\n一、主要目标\n1.研发投入增长10%。\n二、重点任务\n1.建设实验室。(省科技厅负责)\n"
    tasks = [item for item in parse_text(text).items if item.kind == "task"]
    assert [task.number for task in tasks] == ["二.1"]


def test_a_goal_item_numbered_on_into_the_tasks_is_a_task() -> None:
    text = (
        "2012年实施意见\n一、总体目标\n1.目标。5年内引进高层次人才2000名。\n二、重点项目\n"
        "2.企业家培养项目。(牵头单位:市经贸委,配合单位:市人社局)\n"
        "3.技能人才项目。(牵头单位:市人社局)\n"
    )
    tasks = [item for item in parse_text(text).items if item.kind == "task"]
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("一.1", "目标", []),
        ("二.2", "企业家培养项目", ["市经贸委"]),
        ("二.3", "技能人才项目", ["市人社局"]),
    ]
