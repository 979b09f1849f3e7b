"""The parser on the five real seed documents: counts, titles, periods, units, deadlines."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from taskctl.ingest import parse_text
from taskctl.ingest.drafts import ParsedDocument

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COUNTS = {"sc2012": 35, "sc2022": 33, "zj2012": 26, "gd2012": 27, "sc2017": 26}
ANNOTATION_WORDS = ("牵头单位", "配合单位", "责任单位", "责任人")


def parse_seed(name: str) -> ParsedDocument:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    return parse_text(text, source=name)


@pytest.mark.parametrize(("name", "count"), sorted(COUNTS.items()))
def test_task_count(name: str, count: int) -> None:
    assert len(parse_seed(name).tasks) == count


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_are_clean(name: str) -> None:
    for item in parse_seed(name).items:
        assert item.title, item
        for word in ANNOTATION_WORDS:
            assert word not in item.title, item.title
        for glyph in ("ꎬ", "ꎮ", "ꎻ", "{C}", "\u00a0"):
            assert glyph not in item.title, item.title
        assert all(ord(ch) < 0x100000 for ch in item.title), item.title


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_parents_point_to_headings_before_the_item(name: str) -> None:
    items = parse_seed(name).items
    for index, item in enumerate(items):
        if item.parent is not None:
            assert item.parent < index
            assert items[item.parent].kind == "heading"
            assert item.number.startswith(items[item.parent].number + ".")


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_parse_is_fast(name: str) -> None:
    """A seed (10-30 KB) parses in a few milliseconds; the bound is loose enough for a loaded CI
    machine (best of three runs) and still catches runaway backtracking, which takes seconds."""
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        parse_text(text)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5, timings


def test_document_titles_and_periods() -> None:
    expected = {
        "sc2012": ("四川省2012年科技工作要点", date(2012, 1, 1), date(2012, 12, 31), "2012年"),
        "sc2022": ("2022年全省科技创新工作要点", date(2022, 1, 1), date(2022, 12, 31), "2022年"),
        "zj2012": (
            "省科技厅2012年工作要点及责任分解",
            date(2012, 1, 1),
            date(2012, 12, 31),
            "2012年",
        ),
        "gd2012": ("广东省2012年科技工作要点", date(2012, 1, 1), date(2012, 12, 31), "2012年"),
        "sc2017": (
            "四川省技术创新工程实施方案(2017—2020年)",
            date(2017, 1, 1),
            date(2020, 12, 31),
            "2017—2020年",
        ),
    }
    for name, (title, start, end, text) in expected.items():
        doc = parse_seed(name)
        assert (doc.title, doc.period_start, doc.period_end, doc.period_text) == (
            title,
            start,
            end,
            text,
        )


def test_seeds_parse_without_warnings() -> None:
    for name in COUNTS:
        assert parse_seed(name).warnings == [], name


def test_sc2012_numbers_and_titles() -> None:
    doc = parse_seed("sc2012")
    numbers = [task.number for task in doc.tasks]
    assert numbers[:4] == ["(一).1", "(一).2", "(一).3", "(二).1"]
    assert numbers[-1] == "(九).3"
    task = next(task for task in doc.tasks if task.number == "(二).1")
    assert task.title == "培育、充实战略性新兴产品"
    assert task.line == 29
    assert (
        next(item.title for item in doc.items if item.kind == "heading")
        == "实施重大科技成果转化工程"
    )
    # 主要目标 and 基本思路 come before the first numbered item and are not tasks
    assert not any("1.64%" in task.full_text for task in doc.tasks)
    assert all(task.lead == task.support == task.responsible == [] for task in doc.tasks)


def test_sc2022_flat_items_and_no_attachment_list() -> None:
    doc = parse_seed("sc2022")
    assert [task.number for task in doc.tasks] == [str(n) for n in range(1, 34)]
    assert all(task.parent is None and task.level == 1 for task in doc.tasks)
    titles = [task.title for task in doc.tasks]
    assert titles[0] == "加快成渝地区协同创新"
    assert titles[-1] == "切实加强党的建设"
    assert not any("清单" in title for title in titles)
    assert not any("重大会议及活动清单" in task.full_text for task in doc.tasks)
    assert "{C}" not in doc.tasks[28].full_text
    assert doc.tasks[28].full_text.endswith("共建重点实验室、工程技术研究中心等创新平台")


def test_gd2012_drops_page_chrome() -> None:
    doc = parse_seed("gd2012")
    last = doc.tasks[-1]
    assert last.number == "八.2"
    assert last.title == "狠抓地市“一把手”科技创新工程"
    assert "打印" not in last.full_text and "版权所有" not in last.full_text
    assert doc.tasks[0].number == "一.1"
    assert doc.tasks[0].title == "做好战略性新兴产业核心技术攻关专项组织工作"


# zj2012: (number, persons, lead, support) of every task, read from the document by eye.
ZJ2012 = [
    ("一.1", ["寿剑刚"], ["法规处"], ["各有关处室", "各市、县科技局"]),
    ("一.2", ["寿剑刚"], ["法规处"], ["各有关处室", "各市、县科技局"]),
    ("一.3", ["寿剑刚"], ["法规处"], ["各有关处室", "各市、县科技局"]),
    ("二.1", ["王宏理", "曹新安"], ["成果处", "人事处"], ["各有关处室"]),
    (
        "二.2",
        ["王宏理", "寿剑刚", "邱飞章", "丁康生"],
        ["成果处", "计划处", "高新处", "农村处", "社发处"],
        ["有关处室"],
    ),
    (
        "二.3",
        ["寿剑刚", "邱飞章", "丁康生"],
        ["计划处", "高新处", "农村处", "社发处"],
        ["有关处室"],
    ),
    ("三.1", ["邱飞章"], ["高新处"], ["有关处室"]),
    ("三.2", ["邱飞章"], ["高新处"], ["有关处室"]),
    ("三.3", ["邱飞章", "丁康生"], ["高新处", "农村处", "社发处"], ["有关处室"]),
    ("三.4", ["邱飞章", "王宏理"], ["高新处", "成果处"], ["有关处室"]),
    (
        "四.1",
        ["丁康生", "王宏理", "蔡秀军"],
        ["条件处", "成果处", "合作处"],
        ["有关处室", "有关市、县科技局"],
    ),
    ("四.2", ["丁康生"], ["条件处"], ["有关处室"]),
    ("四.3", ["邱飞章"], ["高新处"], ["有关处室"]),
    ("五.1", ["邱飞章"], ["农村处"], ["有关处室"]),
    ("五.2", ["丁康生"], ["社发处"], ["有关处室"]),
    ("六.1", ["曹新安", "蔡秀军"], ["人事处", "合作处"], ["各有关处室"]),
    ("六.2", ["蔡秀军"], ["合作处"], ["有关处室"]),
    ("六.3", ["王宏理"], ["成果处"], ["有关处室"]),
    ("七.1", ["洪积庆"], ["省知识产权局"], ["法规处", "计划处", "条件处", "有关处室"]),
    ("七.2", ["洪积庆"], ["省知识产权局"], ["有关处室"]),
    ("七.3", ["洪积庆"], ["省知识产权局"], ["有关处室", "各市、县科技局"]),
    ("七.4", ["洪积庆"], ["省知识产权局", "专利代办处"], ["有关处室"]),
    ("八.1", ["寿剑刚", "洪积庆"], ["计划处", "省知识产权局"], ["有关处室"]),
    ("八.2", ["寿剑刚", "宋志恒"], ["法规处", "计划处", "监察室"], ["有关处室"]),
    ("八.3", ["周益民"], ["战略研究院"], ["有关处室"]),
    (
        "八.4",
        ["曹新安", "宋志恒"],
        ["人事处", "机关党委", "监察室", "省科技干部培训中心"],
        ["有关处室"],
    ),
]


def test_zj2012_every_task_units_and_persons() -> None:
    doc = parse_seed("zj2012")
    actual = [(task.number, task.persons, task.lead, task.support) for task in doc.tasks]
    assert actual == ZJ2012
    assert all(task.responsible == [] for task in doc.tasks)


def test_zj2012_titles() -> None:
    doc = parse_seed("zj2012")
    assert doc.tasks[0].title == "加快培育创新型试点示范企业"
    assert doc.tasks[-1].title == "科技干部队伍和党风廉政建设"
    assert doc.tasks[-1].label == "4"
    assert doc.items[0].kind == "heading"
    assert doc.items[0].title == "围绕国家技术创新工程试点省,加快创新型企业和创新型城市建设"
    assert "(责任人:寿剑刚,牵头单位:法规处" in doc.tasks[0].full_text


def test_zj2012_deadlines_left_to_the_store() -> None:
    doc = parse_seed("zj2012")
    assert doc.period_end == date(2012, 12, 31)
    assert all(task.deadline is None and task.deadline_text is None for task in doc.tasks)


SC2017_UNITS = {
    "财政厅",
    "科技厅",
    "省发展改革委",
    "省经济和信息化委",
    "教育厅",
    "人力资源社会保障厅",
    "农业厅",
    "省国资委",
    "省国税局",
    "省地税局",
    "省总工会",
    "省工商业联合会",
    "中科院成都分院",
    "中国人民银行成都分行",
    "国家开发银行四川省分行",
}


def test_sc2017_units() -> None:
    doc = parse_seed("sc2017")
    units = {unit for task in doc.tasks for unit in task.lead + task.support + task.responsible}
    assert units == SC2017_UNITS
    assert all(task.responsible for task in doc.tasks)
    assert all(not task.lead and not task.support for task in doc.tasks)


def test_sc2017_structure() -> None:
    doc = parse_seed("sc2017")
    numbers = [task.number for task in doc.tasks]
    assert numbers[0] == "二.(一).1"
    assert "二.(二).5" in numbers
    assert numbers[-4:] == ["三.(一)", "三.(二)", "三.(三)", "三.(四)"]
    first = doc.tasks[0]
    assert first.title == "加强应用基础研究"
    assert first.responsible == ["科技厅", "教育厅", "农业厅", "中科院成都分院"]
    assert first.line == 126
    # 一、指导思想和目标 is kept as a heading, its (一)/(二) blocks are not items
    assert [item.number for item in doc.items[:2]] == ["一", "二"]
    assert doc.items[0].kind == "heading"
    heading = next(item for item in doc.items if item.number == "二.(二)")
    assert heading.title == "发展创新型企业群体和产业聚集区,引领企业创新能力提升和产业转型升级"


def test_sc2017_guarantee_block_lists_finance_first() -> None:
    doc = parse_seed("sc2017")
    task = next(task for task in doc.tasks if task.number == "三.(二)")
    assert task.title == "发挥财政科技投入的引导作用"
    assert task.responsible[0] == "财政厅"
    assert task.responsible[-1] == "国家开发银行四川省分行"
    assert len(task.responsible) == 10


def test_sc2017_first_lead() -> None:
    text = (SEEDS / "sc2017.txt").read_text(encoding="utf-8")
    doc = parse_text(text, first_lead=True)
    task = next(task for task in doc.tasks if task.number == "三.(二)")
    assert task.lead == ["财政厅"]
    assert task.support[0] == "科技厅"
    assert task.responsible == []


def test_sc2017_deadlines() -> None:
    doc = parse_seed("sc2017")
    task = next(task for task in doc.tasks if task.number == "二.(二).1")
    assert (task.deadline, task.deadline_text) == (date(2020, 12, 31), "到2020年")
    assert next(t for t in doc.tasks if t.number == "二.(一).1").deadline is None
