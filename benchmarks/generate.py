"""Build the benchmark corpora: synthetic work plans at 1k, 10k, 100k and 1M tasks.

For each size it writes plain-text (UTF-8) work plans the way departments write them (a title, a
preamble, sections `一、`, sub-sections `（一）`, tasks `1.`/`1、`/`（一）`, the seeds' annotation styles,
deadlines as Chinese phrases), imports them with the real importer (`taskctl import`, one process),
checks that the database holds exactly the tasks written (and how many deadlines and lead units the
parser read as written), applies a history of status, progress and deadline events through the library
(`taskctl.store.tracking`, the code `taskctl status/progress/deadline` run), and exports the same tasks
in Taskwarrior's import format for the side-by-side in `run.py`.

\b
    python benchmarks/generate.py                       # 1k, 10k, 100k (reused if present)
    python benchmarks/generate.py --sizes 1m            # 1M tasks: several minutes
    python benchmarks/generate.py --sizes 1k --force    # rebuild

Output, per size, in `benchmarks/data/<size>/`: `docs/plan-NNNN.txt`, `taskctl.db`, `tasks.json`
(Taskwarrior) and `manifest.json` (seed, reference date, expected and found counts, a busy unit).
Everything follows from `--seed` and `--as-of`; `run.py --as-of` must be the same day.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
DEFAULT_SIZES = "1k,10k,100k"
AS_OF = date(2026, 7, 1)
SEED = 2026
MIN_DOC, MAX_DOC = 100, 1_000
ACTOR = "bench"

# --- units ----------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_PROVINCE = _words(
    "省发展改革委 省教育厅 省科技厅 省经济和信息化厅 省民族宗教委 省公安厅 省民政厅 省司法厅 省财政厅 "
    "省人力资源社会保障厅 省自然资源厅 省生态环境厅 省住房城乡建设厅 省交通运输厅 省水利厅 省农业农村厅 "
    "省商务厅 省文化和旅游厅 省卫生健康委 省退役军人事务厅 省应急管理厅 省审计厅 省外事办 省国资委 "
    "省市场监管局 省广电局 省体育局 省统计局 省医保局 省林草局 省粮食和储备局 省能源局 省机关事务管理局 "
    "省地方金融管理局 省大数据中心 省知识产权局 省药监局 省中医药管理局 省乡村振兴局 省信访局 省人防办 "
    "省政务服务和资源交易服务中心 省委宣传部 省委网信办 省委编办 省委军民融合办 省总工会 团省委 省妇联 "
    "省科协 省残联 省社科院 省农科院 省地质调查院 省高级人民法院 省检察院 省档案馆 省地震局 "
    "省测绘地理信息局 省监狱管理局 省文物局 省消防救援总队 省供销社 省贸促会 省侨联 省文联 省红十字会 "
    "省工商联 省直机关工委 省生产力促进中心 省技术转移中心 省科技馆 省科技交流中心 省科技资源共享服务中心 "
    "省农业机械研究设计院 省科学技术信息研究所 省标准化研究院 省计量测试研究院 省疾控中心 省人才发展中心 "
    "省公共资源交易中心 省住房公积金管理中心 省经济合作局"
)
_CENTRAL = _words(
    "人民银行四川省分行 国家金融监管总局四川监管局 四川证监局 省税务局 省通信管理局 省气象局 成都海关 "
    "省邮政管理局 国网四川省电力公司 中国铁路成都局集团"
)
_OFFICES = _words(
    "办公室 政策法规处 规划与区域发展处 基础研究处 高新技术发展及产业化处 农村科技处 社会发展科技处 "
    "成果转化与市场处 国际合作处 资源配置与管理处 监督评估与科研诚信处 人事处 机关党委 科技服务业处 "
    "创新体系建设处"
)
_CITIES = _words(
    "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 "
    "广安市 达州市 雅安市 巴中市 资阳市 阿坝州 甘孜州 凉山州"
)
_CITY_BUREAUS = (
    "人民政府", "科技局", "发展改革委", "财政局", "经济和信息化局", "教育局", "农业农村局", "生态环境局",
)  # fmt: skip
_OTHERS = _words(
    "四川大学 电子科技大学 西南交通大学 西南财经大学 四川农业大学 西南石油大学 成都理工大学 西南科技大学 "
    "中科院成都分院 中国工程物理研究院 中国核动力研究设计院 省投资集团 省能源投资集团 省交通投资集团 "
    "省铁路产业投资集团 省商业投资集团 省农业投资集团 长虹控股集团 东方电气集团 省机场集团 天府新区管委会 "
    "成都高新区管委会 绵阳科技城管委会 宜宾三江新区管委会"
)
#: Group placeholders, written as documents write them (full-width brackets).
GROUPS = (
    "各市（州）人民政府",
    "各县（市、区）人民政府",
    "省直有关部门",
    "各有关处室",
    "各市（州）科技局",
    "有关高校和科研院所",
)
N_UNITS = 300


def unit_names() -> list[str]:
    """300 unit names, busiest first (the order gives the Zipf weights)."""
    cities = [f"{city}{bureau}" for bureau in _CITY_BUREAUS for city in _CITIES]
    names = [*_PROVINCE[:12], *_CENTRAL[:3], *_PROVINCE[12:], *_OFFICES, *_CENTRAL[3:], *_OTHERS]
    names += cities
    names = list(dict.fromkeys(names))[: N_UNITS - len(GROUPS)]
    names += GROUPS
    if len(names) != N_UNITS:
        raise SystemExit(f"generate.py: {len(names)} unit names, expected {N_UNITS}")
    return names


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍建国红霞志强海燕文斌宏俊晓东晨阳"

# --- text pools -----------------------------------------------------------------------------------

_ISSUERS = ("四川省人民政府办公厅", "四川省科学技术厅", "四川省发展和改革委员会", "四川省财政厅")
_TOPICS = (
    "科技创新", "营商环境优化", "乡村振兴", "数字经济发展", "生态环境保护", "民生实事", "安全生产",
    "对外开放", "制造业高质量发展", "新型城镇化", "科技成果转化", "人才发展", "政务服务改革",
    "中小企业发展", "文化旅游融合", "交通强省建设", "现代农业园区建设", "医疗卫生服务体系建设",
)  # fmt: skip
_KINDS_ONE_YEAR = ("工作要点", "重点工作任务分工方案", "工作要点及责任分解", "重点任务清单")
_KINDS_MULTI = ("实施方案", "行动计划", "三年行动方案", "任务分工方案")
_VERBS = (
    "加快推进", "深入实施", "持续完善", "组织开展", "研究制定", "推动落实", "统筹推进", "健全完善",
    "大力发展", "积极培育", "着力提升", "全面加强", "稳步推进", "深化拓展", "加快构建", "扎实做好",
)  # fmt: skip
_OBJECTS = (
    "科技成果转移转化体系建设", "高新技术企业培育工作", "重大科技专项组织实施", "创新平台布局建设",
    "产学研协同创新机制", "科技金融结合试点", "知识产权保护体系", "中小企业公共服务平台建设",
    "农业科技园区提质增效", "县域科技创新能力", "数字政府建设", "政务服务一网通办",
    "工业互联网标识解析体系", "新型基础设施建设", "重点产业链供应链稳定", "外贸外资稳定增长",
    "城乡居民增收渠道", "公共就业服务能力", "基层医疗卫生服务能力", "养老服务体系建设",
    "学前教育普惠发展", "职业教育产教融合", "安全生产专项整治", "自然灾害防治能力",
    "生态保护修复工程", "大气污染防治攻坚", "河湖长制工作", "耕地保护和粮食安全",
    "高标准农田建设", "农村人居环境整治", "文化和旅游消费", "全民健身公共服务",
    "社会信用体系建设", "营商环境评价", "市场主体培育", "财政资金绩效管理",
    "政府债务风险防范", "重大项目前期工作", "开发区整合提升", "人才引进培养机制",
)  # fmt: skip
_DETAILS = (
    "建立健全工作机制，明确责任分工，强化督促检查",
    "研究出台配套政策措施，加大财政资金支持力度",
    "组织开展专项调研，形成问题清单和整改措施",
    "支持龙头企业牵引带动，培育一批专精特新企业",
    "完善考核评价办法，将任务完成情况纳入年度目标考核",
    "加强部门协同和省市联动，形成工作合力",
    "总结推广典型经验做法，打造一批示范标杆",
    "健全监测统计制度，定期通报工作进展",
    "推动数据共享和业务协同，提升服务便利化水平",
    "强化要素保障，及时协调解决重大问题",
    "开展政策宣传解读，提高政策知晓度",
    "建立项目库并实行动态管理，推动项目早开工早见效",
    "培育认定省级以上创新平台30家以上",
    "新增服务企业1000家以上，带动社会投资50亿元",
    "组织召开现场推进会，推动各地比学赶超",
)  # fmt: skip
_DEADLINE_ACTIONS = ("完成", "出台", "形成阶段性成果", "建成投用", "全面完成", "印发实施")
_SECTION_WORDS = (
    "强化创新驱动", "夯实发展基础", "深化改革攻坚", "扩大开放合作", "保障改善民生", "守牢安全底线",
    "推动绿色转型", "提升治理效能", "加强统筹协调", "壮大市场主体", "优化空间布局", "促进融合发展",
)  # fmt: skip
_PROGRESS = (
    "已召开专题会议研究部署，正在细化工作方案",
    "已完成前期调研，形成初步意见",
    "已印发实施方案，正在组织推进",
    "已完成年度任务的六成",
    "已组织专家评审，正在办理立项手续",
    "项目已开工建设，进展顺利",
    "已报省政府审定",
    "已全面完成，正在总结验收",
)  # fmt: skip
_PRE = "为深入贯彻落实省委、省政府决策部署，推动{topic}工作取得新成效，结合实际，制定本{kind}。"
_NUMERALS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..999 in Chinese numerals (一, 十二, 二十三, 一百零五)."""
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        tail = "" if rest == 0 else ("零" + cn_number(rest) if rest < 10 else cn_number(rest))
        if 10 <= rest < 20:
            tail = "一" + tail
        return _NUMERALS[hundreds] + "百" + tail
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _NUMERALS[tens]
    return head + "十" + (_NUMERALS[ones] if ones else "")


# --- documents ------------------------------------------------------------------------------------


@dataclass
class Expected:
    """What the importer should read from one task: its deadline and its lead units."""

    deadline: date | None
    lead: tuple[str, ...]
    title: str


@dataclass
class Doc:
    """One generated plan: its text and what it should import as."""

    key: str
    text: str
    tasks: list[Expected] = field(default_factory=list)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class PlanWriter:
    """Writes one plan: chooses its period, structure and annotation styles, then its tasks."""

    def __init__(self, rng: random.Random, units: list[str], weights: list[float], as_of: date):
        self.rng = rng
        self.units = units
        self.weights = weights
        self.window = (as_of - timedelta(days=365), as_of + timedelta(days=365))
        self.persons = [a + b + c for a in _SURNAMES for b in _GIVEN[:12] for c in _GIVEN[12:24]]

    # units and persons ------------------------------------------------------------------------

    def _pick_units(self, k: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < k:
            name = self.rng.choices(self.units, self.weights)[0]
            if name not in chosen:
                chosen.append(name)
        return chosen

    def _roles(self) -> tuple[list[str], list[str]]:
        n_lead = self.rng.choices((1, 2), (85, 15))[0]
        n_support = self.rng.choices((0, 1, 2, 3, 4), (15, 25, 30, 20, 10))[0]
        names = self._pick_units(n_lead + n_support)
        return names[:n_lead], names[n_lead:]

    # deadlines ---------------------------------------------------------------------------------

    def _target(self, year_span: tuple[int, int]) -> date:
        lo = max(self.window[0], date(year_span[0], 1, 1))
        hi = min(self.window[1], date(year_span[1], 12, 31))
        return lo + timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def _deadline(self, year_span: tuple[int, int]) -> tuple[str, str, date | None]:
        """(where, phrase, date): where is 'text', 'label' (完成时限), 'inline' or 'none'."""
        end_year = year_span[1]
        d = self._target(year_span)
        style = self.rng.choices(
            ("ym", "ymd", "year_end", "month", "half", "label", "label_ongoing", "inline", "none"),
            (30, 8, 10, 10, 5, 20, 2, 8, 7),
        )[0]
        if style in ("year_end", "month") and d.year != end_year:
            style = "ym"
        if style == "ym":
            return "text", f"{d.year}年{d.month}月底前", _month_end(d.year, d.month)
        if style == "ymd":
            return "text", f"{d.year}年{d.month}月{d.day}日前", d
        if style == "year_end":
            return "text", "年底前", date(end_year, 12, 31)
        if style == "month":
            return "text", f"{d.month}月底前", _month_end(d.year, d.month)
        if style == "half":
            half, when = ("上半年", date(d.year, 6, 30)) if d.month <= 6 else ("下半年", None)
            return "text", f"{d.year}年{half}", when or date(d.year, 12, 31)
        if style == "label":
            return "label", f"{d.year}年{d.month}月", _month_end(d.year, d.month)
        if style == "label_ongoing":
            # no date; the importer gives such a task the end of the plan period
            return "label", self.rng.choice(("持续推进", "长期坚持")), date(end_year, 12, 31)
        if style == "inline":
            return "inline", f"{d.year}年底前完成", date(d.year, 12, 31)
        return "none", "", date(end_year, 12, 31)

    # one task ----------------------------------------------------------------------------------

    def _sentence_body(self) -> tuple[str, str]:
        title = self.rng.choice(_VERBS) + self.rng.choice(_OBJECTS)
        details = self.rng.sample(_DETAILS, self.rng.choice((1, 2, 2, 3)))
        return title, "。".join(details) + "。"

    def task(self, marker: str, style: str, year_span: tuple[int, int]) -> tuple[str, Expected]:
        """The text of one task (marker first; own-line annotations after a newline)."""
        title, body = self._sentence_body()
        where, phrase, deadline = self._deadline(year_span)
        if where == "inline" and style not in ("inline", "labelled", "zj"):
            where, phrase = "text", phrase.removesuffix("完成")
        if where == "label" and style not in ("labelled", "zj", "own_line"):
            ongoing = not phrase[0].isdigit()
            where, phrase = ("none", "") if ongoing else ("text", phrase + "底前")
        text = f"{marker}{title}。{body}"
        if where == "text":
            text += f"{phrase}{self.rng.choice(_DEADLINE_ACTIONS)}。"
        lead, support = self._roles()
        label = f"；完成时限：{phrase}" if where == "label" else ""
        if style == "labelled":
            sup = f"；配合单位：{'、'.join(support)}" if support else ""
            if where == "inline":
                where, label = "label", f"；完成时限：{phrase}"
            text += f"（牵头单位：{'、'.join(lead)}{sup}{label}）"
        elif style == "zj":
            person = self.rng.choice(self.persons)
            sup = f",配合单位:{'、'.join(support)}" if support else ""
            tail = label.replace("；", ",").replace("：", ":")
            if where == "inline":
                tail = f",完成时限:{phrase}"
            text += f"(责任人:{person},牵头单位:{'、'.join(lead)}{sup}{tail})"
        elif style == "responsible":
            # 责任单位 lists name no lead: every unit is responsible
            text += f"（责任单位：{'、'.join(lead + support)}）"
            lead = []
        elif style == "own_line":
            text += f"\n（责任单位：{'、'.join(lead + support)}）"
            if where == "label":
                text += f"\n完成时限：{phrase}"
            lead = []
        else:  # inline role verbs
            verb = self.rng.choice(("按职责分工负责", "配合"))
            sup = f"，{'、'.join(support)}{verb}" if support else ""
            when = f"，{phrase}" if where == "inline" else ""
            text += f"（{'、'.join(lead)}牵头{sup}{when}）"
        return text, Expected(deadline, tuple(lead), title)

    # one document ------------------------------------------------------------------------------

    def document(self, key: str, n_tasks: int) -> Doc:
        rng = self.rng
        topic = rng.choice(_TOPICS)
        if rng.random() < 0.6:
            year = rng.choices((2025, 2026, 2027), (1, 2, 1))[0]
            span = (year, year)
            kind = rng.choice(_KINDS_ONE_YEAR)
            title = f"{rng.choice(('四川省', '全省', '省'))}{year}年{topic}{kind}"
        else:
            span = rng.choice(((2025, 2027), (2026, 2027), (2025, 2026)))
            kind = rng.choice(_KINDS_MULTI)
            title = f"四川省{topic}{kind}\n（{span[0]}—{span[1]}年）"
        layout = rng.choice(("sections", "three_levels", "flat_sections", "block_tasks"))
        styles = {
            "sections": ("labelled", "zj", "inline"),
            "three_levels": ("labelled", "inline", "responsible"),
            "flat_sections": ("inline", "labelled"),
            "block_tasks": ("own_line",),
        }[layout]
        style = rng.choice(styles)
        lines: list[str] = []
        if rng.random() < 0.5:
            issuer = rng.choice(_ISSUERS)
            plain_title = title.replace("\n", "")
            lines += [
                f"{issuer}关于印发《{plain_title}》的通知",
                f"川办发〔{span[0]}〕{rng.randint(1, 60)}号",
                "各市（州）人民政府，省直各部门：",
                f"现将《{plain_title}》印发给你们，请结合实际认真贯彻落实。",
                issuer,
                f"{span[0]}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日",
                "",
            ]
        lines += [title, "", _PRE.format(topic=topic, kind=kind[-4:]), ""]
        doc = Doc(key=key, text="")
        counts = self._split(n_tasks, layout)
        sec_marker = "（{}）" if layout == "flat_sections" else "{}、"
        goals = layout in ("sections", "block_tasks") and rng.random() < 0.5
        offset = 1
        if goals:
            lines += [
                "一、总体要求",
                f"到{span[1]}年，{topic}工作取得明显成效，主要指标位居全国前列。",
                "",
            ]
            offset = 2
        for s, section in enumerate(counts):
            heading = rng.choice(_SECTION_WORDS) + "，" + rng.choice(_VERBS) + rng.choice(_OBJECTS)
            lines.append(sec_marker.format(cn_number(s + offset)) + heading)
            if layout == "flat_sections" and rng.random() < 0.5:
                lines.append(f"{rng.choice(_DETAILS)}，切实把各项任务抓好抓实。")
            for b, block in enumerate(section):
                if layout == "three_levels":
                    lines.append(
                        f"（{cn_number(b + 1)}）{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}"
                    )
                for t in range(block):
                    if layout == "block_tasks":
                        marker = f"（{cn_number(t + 1)}）"
                    elif layout == "flat_sections":
                        marker = f"{t + 1}、"
                    else:
                        marker = f"{t + 1}."
                    text, expected = self.task(marker, style, span)
                    lines.append(text)
                    doc.tasks.append(expected)
            lines.append("")
        if layout != "flat_sections":
            lines += [
                f"{cn_number(len(counts) + offset)}、保障措施",
                "各地各部门要提高政治站位，加强组织领导，细化工作措施，确保各项任务落到实处。",
            ]
        doc.text = "\n".join(lines) + "\n"
        return doc

    def _split(self, n: int, layout: str) -> list[list[int]]:
        """Tasks per section (and per sub-section for three levels): sections of a real plan's size,
        at most about 90 sections in a document."""
        rng = self.rng
        hi = 30 if layout == "block_tasks" else 12
        if layout != "three_levels":
            hi = max(hi, -(-2 * n // 90))
        blocks: list[int] = []
        left = n
        while left:
            take = min(left, rng.randint(2, hi))
            blocks.append(take)
            left -= take
        if layout != "three_levels":
            return [[block] for block in blocks]
        sections: list[list[int]] = []
        while blocks:
            take = rng.randint(2, 8)
            sections.append(blocks[:take])
            blocks = blocks[take:]
        return sections


def doc_sizes(rng: random.Random, total: int) -> list[int]:
    """Document sizes between MIN_DOC and MAX_DOC tasks adding up to exactly `total`."""
    sizes: list[int] = []
    left = total
    while left > 0:
        take = rng.randint(MIN_DOC, MAX_DOC)
        if take >= left or left < 2 * MIN_DOC:
            take = left
        elif left - take < MIN_DOC:
            take = left - MIN_DOC
        sizes.append(take)
        left -= take
    return sizes


def write_corpus(folder: Path, total: int, seed: int, as_of: date) -> list[Doc]:
    """Write the plans of one size into `folder` (plan-0001.txt …); returns what each should import."""
    rng = random.Random(f"{seed}:{total}")
    units = unit_names()
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(units))]
    writer = PlanWriter(rng, units, weights, as_of)
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[Doc] = []
    for index, size in enumerate(doc_sizes(rng, total), start=1):
        doc = writer.document(f"plan-{index:04d}", size)
        (folder / f"{doc.key}.txt").write_text(doc.text, encoding="utf-8")
        docs.append(doc)
    return docs


# --- import and verification ----------------------------------------------------------------------


#: The Python whose `taskctl` the benchmarks run (run.py points it at its own clean install).
PYTHON = Path(sys.executable)


def taskctl_command() -> list[str]:
    """The taskctl executable next to `PYTHON` (the installed entry point), else `-m taskctl`."""
    exe = PYTHON.with_name("taskctl")
    if Path(sys.executable) != PYTHON:
        return [str(exe)] if exe.exists() else [str(PYTHON), "-m", "taskctl"]
    found = shutil.which("taskctl")
    if exe.exists():
        return [str(exe)]
    return [found] if found else [sys.executable, "-m", "taskctl"]


def bench_env(home: Path) -> dict[str, str]:
    """The environment every benchmark process runs in: a private TASKCTL_HOME, fixed user and labels.

    Bytecode is cached as on a clerk's machine: with PYTHONDONTWRITEBYTECODE (set in some sandboxes
    and CI images) an editable install would compile taskctl from source in every process, 30–40 ms
    that no installed copy pays.
    """
    env = dict(os.environ)
    env.update(TASKCTL_HOME=str(home), TASKCTL_USER=ACTOR, TASKCTL_LANG="zh", NO_COLOR="1")
    env.pop("TASKCTL_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def import_corpus(db: Path, files: list[Path], env: dict[str, str]) -> float:
    """`taskctl --db DB import FILE…` as one process (the real importer); seconds taken."""
    start = time.perf_counter()
    proc = subprocess.run(
        [*taskctl_command(), "--db", str(db), "import", *map(str, files)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"taskctl import failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return took


def count_tasks(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        return con.execute("SELECT count(*) FROM tasks WHERE kind = 'task'").fetchone()[0]


def _norm(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", name)


def verify(db: Path, docs: list[Doc]) -> dict[str, object]:
    """Compare the database with what was written: task count (must match), deadlines, lead units."""
    found = count_tasks(db)
    expected = sum(len(doc.tasks) for doc in docs)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT d.key, t.id, t.deadline FROM tasks t JOIN documents d ON d.id = t.document_id"
            " WHERE t.kind = 'task' ORDER BY d.id, t.position"
        ).fetchall()
        leads: dict[int, set[str]] = {}
        for task_id, name in con.execute(
            "SELECT tu.task_id, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
            " WHERE tu.role = 'lead'"
        ):
            leads.setdefault(task_id, set()).add(name)
    by_doc: dict[str, list[tuple[int, str | None]]] = {}
    for key, task_id, deadline in rows:
        by_doc.setdefault(key, []).append((task_id, deadline))
    bad_docs: list[str] = []
    deadline_misses: list[str] = []
    lead_misses: list[str] = []
    for doc in docs:
        got = by_doc.get(doc.key, [])
        if len(got) != len(doc.tasks):
            bad_docs.append(f"{doc.key}: {len(got)} tasks, wrote {len(doc.tasks)}")
            continue
        for n, ((task_id, deadline), want) in enumerate(zip(got, doc.tasks, strict=True), 1):
            want_deadline = want.deadline.isoformat() if want.deadline else None
            if deadline != want_deadline:
                deadline_misses.append(f"{doc.key} task {n}: {deadline}, wrote {want_deadline}")
            if want.lead and leads.get(task_id, set()) != {_norm(u) for u in want.lead}:
                lead_misses.append(f"{doc.key} task {n}: {sorted(leads.get(task_id, ()))}")
    return {
        "expected_tasks": expected,
        "tasks": found,
        "documents_off": bad_docs[:20],
        "deadline_mismatches": len(deadline_misses),
        "deadline_mismatch_examples": deadline_misses[:10],
        "lead_mismatches": len(lead_misses),
        "lead_mismatch_examples": lead_misses[:10],
    }


# --- history --------------------------------------------------------------------------------------


@dataclass
class History:
    """How many tasks were moved along and how many events were written."""

    touched: int = 0
    done: int = 0
    closed: int = 0
    in_progress: int = 0
    suspended: int = 0
    extended: int = 0
    events: int = 0
    seconds: float = 0.0


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _steps(rng: random.Random, target: str | None, extend: date | None) -> list[tuple[str, Any]]:
    """The changes that take one task to `target` (and extend its deadline, if given), in order."""
    steps: list[tuple[str, Any]] = []
    if target is not None:
        if rng.random() < 0.6:
            steps.append(("status", "accepted"))
        steps.append(("status", "in_progress"))
        for pct in sorted(rng.sample(range(10, 95, 5), rng.choice((1, 1, 2)))):
            steps.append(("progress", pct))
    if extend is not None:
        steps.append(("deadline", extend + timedelta(days=rng.choice((30, 60, 90)))))
    if target in ("done", "closed"):
        steps += [("progress", 100), ("status", "done")]
    if target in ("closed", "suspended"):
        steps.append(("status", target))
    return steps


def apply_history(db: Path, seed: int, as_of: date, home: Path) -> History:
    """Move about a third of the tasks along (签收, 办理, 进展, 办结, 销号, 延期, 暂缓) through the library
    functions the CLI commands call, in transactions of 2,000 tasks, with a clock set to the days
    before `as_of` so that weekly reports over those weeks see them."""
    os.environ["TASKCTL_HOME"] = str(home)
    from sqlalchemy import select

    from taskctl.store import tracking
    from taskctl.store.engine import open_store
    from taskctl.store.models import Task

    rng = random.Random(f"{seed}:history")
    store = open_store(str(db))
    with store.reading() as session:
        rows = list(
            session.execute(
                select(Task.id, Task.deadline).where(Task.kind == "task").order_by(Task.id)
            )
        )
    clock = {"now": datetime(as_of.year, as_of.month, as_of.day)}
    if not hasattr(tracking, "now_utc"):
        print("  note: tracking.now_utc is gone; events carry today's time", file=sys.stderr)
    tracking.now_utc = lambda: clock["now"]  # type: ignore[attr-defined]
    start_of_day = datetime(as_of.year, as_of.month, as_of.day)
    result = History()
    start = time.perf_counter()

    def at(days_before: float) -> None:
        clock["now"] = start_of_day - timedelta(days=days_before) + timedelta(hours=1)

    for chunk in _chunks(rows, 2_000):
        with store.writing() as session:
            for task_id, deadline in chunk:
                past = deadline is not None and deadline < as_of
                r = rng.random()
                plan = (
                    ("done", 0.30), ("closed", 0.10), ("in_progress", 0.12), ("suspended", 0.01),
                ) if past else (
                    ("done", 0.06), ("closed", 0.01), ("in_progress", 0.17), ("suspended", 0.01),
                )  # fmt: skip
                target = None
                for status, share in plan:
                    if r < share:
                        target = status
                        break
                    r -= share
                extend = rng.random() < 0.03
                if target is None and not extend:
                    continue
                result.touched += 1
                day = rng.uniform(20, 200)
                steps = _steps(rng, target, deadline if extend else None)
                result.extended += any(kind == "deadline" for kind, _value in steps)
                gap = day / (len(steps) + 1)
                for n, (kind, value) in enumerate(steps):
                    at(day - gap * (n + 1))
                    if kind == "status":
                        note = "等待上级政策" if value == "suspended" else None
                        tracking.set_status(session, task_id, value, actor=ACTOR, note=note)
                    elif kind == "progress":
                        text = "已全面完成" if value == 100 else rng.choice(_PROGRESS)
                        tracking.add_progress(session, task_id, text, actor=ACTOR, percent=value)
                    else:
                        tracking.change_deadline(
                            session, task_id, value, actor=ACTOR, note="受客观因素影响，申请延期"
                        )
                    result.events += 1
                if target is not None:
                    setattr(result, target, getattr(result, target) + 1)
        print(f"    history: {result.touched} tasks, {result.events} events", file=sys.stderr)
    store.dispose()
    result.seconds = time.perf_counter() - start
    return result


# --- Taskwarrior export ---------------------------------------------------------------------------


def _tw_time(value: str | date | datetime) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value.strftime("%Y%m%dT%H%M%SZ")


def export_taskwarrior(db: Path, path: Path, as_of: date) -> int:
    """Every task of the database as Taskwarrior 2.6 import JSON: description, project (the document
    key), entry (a year before `as_of`), due (the end of the deadline's day), status, end, a `unit` UDA
    with the lead (or responsible) units, the taskctl status as a tag. 暂缓 (suspended) tasks wait
    until 2099, as Taskwarrior hides them; cancelled ones are deleted. Dates are as stored; `run.py`
    shifts them to its own today."""
    namespace = uuid.UUID("5a0c7e57-7a5c-4c71-b3c1-7a5c7c7a5c71")
    entry = _tw_time(as_of - timedelta(days=400))
    finished = ("done", "closed")
    n = 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con, path.open("w") as out:
        leads: dict[int, list[str]] = {}
        for task_id, name in con.execute(
            "SELECT tu.task_id, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
            " WHERE tu.role IN ('lead', 'responsible') ORDER BY tu.task_id, tu.role, tu.position"
        ):
            leads.setdefault(task_id, []).append(name)
        out.write("[\n")
        for task_id, key, title, deadline, status, updated in con.execute(
            "SELECT t.id, d.key, t.title, t.deadline, t.status, t.updated_at"
            " FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.kind = 'task'"
            " ORDER BY t.id"
        ):
            item: dict[str, object] = {
                "uuid": str(uuid.uuid5(namespace, str(task_id))),
                "description": title,
                "project": key,
                "entry": entry,
                "status": "completed" if status in finished else "pending",
            }
            if deadline:
                item["due"] = _tw_time(deadline).replace("T000000Z", "T235959Z")
            if status in finished:
                item["end"] = _tw_time(updated)
            elif status == "suspended":
                item["wait"] = "20991231T000000Z"
            elif status == "cancelled":
                item["status"] = "deleted"
                item["end"] = _tw_time(updated)
            if status != "assigned":
                item["tags"] = [status]
            if task_id in leads:
                item["unit"] = "、".join(leads[task_id])
            out.write(("," if n else "") + json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
        out.write("]\n")
    return n


def busiest_unit(db: Path, departments_only: bool = True) -> tuple[str, int]:
    """The department with the most tasks (any role): what `run.py` asks `unit-report` about."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        row = con.execute(
            "SELECT u.name, count(DISTINCT tu.task_id) AS n FROM task_units tu"
            " JOIN units u ON u.id = tu.unit_id WHERE u.kind = ?"
            " GROUP BY u.id ORDER BY n DESC, u.name LIMIT 1",
            ("department" if departments_only else "group",),
        ).fetchone()
    return row[0], row[1]


# --- main -----------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[tuple[str, int]]:
    """`1k,10k` → [('1k', 1000), ('10k', 10000)]; any whole number works too (`2500`)."""
    out: list[tuple[str, int]] = []
    for part in filter(None, (p.strip().lower() for p in text.split(","))):
        if part in SIZES:
            out.append((part, SIZES[part]))
        elif part.isdigit() and int(part) > 0:
            out.append((part, int(part)))
        else:
            raise SystemExit(f"unknown size {part!r}: use {', '.join(SIZES)} or a number")
    return out


def build(name: str, total: int, *, seed: int, as_of: date, force: bool, root: Path) -> dict:
    """Build (or reuse) one size: documents, database, history, Taskwarrior export, manifest."""
    folder = root / name
    manifest_path = folder / "manifest.json"
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("seed") == seed and manifest.get("as_of") == as_of.isoformat():
            print(f"{name}: reusing {folder} (--force rebuilds)", file=sys.stderr)
            return manifest
        print(f"{name}: built with another seed or --as-of; rebuilding", file=sys.stderr)
    if folder.exists():
        shutil.rmtree(folder)
    home = folder / "home"
    home.mkdir(parents=True)
    t0 = time.perf_counter()
    docs = write_corpus(folder / "docs", total, seed, as_of)
    files = sorted((folder / "docs").glob("plan-*.txt"))
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    print(
        f"{name}: wrote {len(files)} documents, {total} tasks, {size_mb:.1f} MB"
        f" ({time.perf_counter() - t0:.1f} s); importing …",
        file=sys.stderr,
    )
    db = folder / "taskctl.db"
    seconds = import_corpus(db, files, bench_env(home))
    print(f"{name}: imported in {seconds:.1f} s ({total / seconds:,.0f} tasks/s)", file=sys.stderr)
    check = verify(db, docs)
    if check["tasks"] != total or check["documents_off"]:
        raise SystemExit(f"{name}: the database does not hold the tasks written: {check}")
    if check["deadline_mismatches"] or check["lead_mismatches"]:
        print(
            f"{name}: parser read {check['deadline_mismatches']} deadlines and"
            f" {check['lead_mismatches']} lead lists otherwise than written (see manifest.json)",
            file=sys.stderr,
        )
    history = apply_history(db, seed, as_of, home)
    print(
        f"{name}: history {history.events} events on {history.touched} tasks"
        f" ({history.seconds:.1f} s)",
        file=sys.stderr,
    )
    exported = export_taskwarrior(db, folder / "tasks.json", as_of)
    unit, unit_tasks = busiest_unit(db)
    manifest = {
        "size": name,
        "tasks": total,
        "documents": len(files),
        "corpus_mb": round(size_mb, 2),
        "seed": seed,
        "as_of": as_of.isoformat(),
        "built": datetime.now().isoformat(timespec="seconds"),
        "import_seconds": round(seconds, 3),
        "verify": check,
        "history": history.__dict__,
        "statuses": dict(Counter(_statuses(db))),
        "taskwarrior_tasks": exported,
        "busy_unit": unit,
        "busy_unit_tasks": unit_tasks,
    }
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _statuses(db: Path) -> Iterator[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        for (status,) in con.execute("SELECT status FROM tasks WHERE kind = 'task'"):
            yield status


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="1k,10k,100k,1m or numbers")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=AS_OF,
        help=f"reference day: deadlines fall within a year either side (default {AS_OF})",
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    parser.add_argument(
        "--taskwarrior-only",
        action="store_true",
        help="only rewrite tasks.json from the existing databases",
    )
    parser.add_argument("--data", type=Path, default=DATA, help=f"output folder (default {DATA})")
    opts = parser.parse_args()
    for name, total in parse_sizes(opts.sizes):
        if opts.taskwarrior_only:
            folder = opts.data / name
            n = export_taskwarrior(folder / "taskctl.db", folder / "tasks.json", opts.as_of)
            print(f"{name}: {n} tasks written to {folder / 'tasks.json'}")
            continue
        manifest = build(
            name, total, seed=opts.seed, as_of=opts.as_of, force=opts.force, root=opts.data
        )
        print(
            f"{name}: {manifest['tasks']} tasks in {manifest['documents']} documents;"
            f" statuses {manifest['statuses']}; busy unit {manifest['busy_unit']}"
            f" ({manifest['busy_unit_tasks']} tasks)"
        )


if __name__ == "__main__":
    main()
