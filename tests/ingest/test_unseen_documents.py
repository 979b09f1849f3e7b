"""The text parser on realistic documents it was not built on: other provinces, cities and ministries,
other labels, layouts and rules. Each document is small but written as real ones are; each test asserts
the exact tasks (numbers, titles), units and roles, persons and deadlines.

Decisions these tests pin down (see the docstrings of `taskctl.ingest.structure` and `.annotations`):
- sub-points `(1)`/`①` are their item's text unless they carry their own annotations;
- prose never gives units (`由省科技厅牵头组织实施`, `会同省财政厅制定`): only annotations do;
- an attachment's task table is not read from plain text (a warning says so);
- a deadline label of ongoing or recurring work (`持续推进`, `长期坚持`) gives no date, only its phrase.
"""

from __future__ import annotations

from datetime import date

import pytest

from taskctl.ingest import parse_text
from taskctl.ingest.annotations import read_annotation, split_units
from taskctl.ingest.drafts import ItemDraft, ParsedDocument

# --- The documents --------------------------------------------------------------------------------

STATE_COUNCIL = """\
国务院关于落实《政府工作报告》重点工作分工的意见
国发〔2024〕6号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为做好《政府工作报告》确定的重点工作，现就任务分工提出如下意见：
一、大力推进现代化产业体系建设，加快发展新质生产力
（一）推动产业链供应链优化升级。实施制造业重点产业链高质量发展行动，着力补齐短板、拉长长板。（工业和信息化部、国家发展改革委牵头，科技部、财政部等按职责分工负责）
（二）积极培育新兴产业和未来产业。2024年底前出台支持政策。（国家发展改革委、工业和信息化部按职责分工负责）
（三）深入推进数字经济创新发展。制定支持数字经济高质量发展政策。（国家发展改革委牵头，中央网信办、工业和信息化部配合）推进数据要素市场化配置改革。（国家数据局负责）
二、深入实施科教兴国战略，强化高质量发展的基础支撑
（四）加快建设高质量教育体系。实施义务教育薄弱环节改善与能力提升工程。（教育部、人力资源社会保障部负责）
（五）扎实推进高水平科技自立自强。充分发挥新型举国体制优势，全面提升自主创新能力。（科技部牵头，国家发展改革委、教育部、中国科学院等按职责分工负责）
三、着力扩大国内需求，推动经济实现良性循环
（六）稳步推进城市更新。加快完善老旧小区配套设施，持续推进。（各省级人民政府负责，住房城乡建设部指导）
（七）稳定和扩大就业。落实好就业优先政策，每季度开展就业形势分析。（人力资源社会保障部牵头，教育部、财政部按职责分工负责）
各地区、各部门要把落实《政府工作报告》作为重要政治任务，于3月底前制定落实方案。
国务院
2024年3月20日
"""

CITY_PLAN = """\
XX市人民政府办公室关于印发XX市促进民营经济高质量发展实施方案的通知
X府办发〔2024〕15号
各区（市）县人民政府，市级各部门：
《XX市促进民营经济高质量发展实施方案》已经市政府同意，现印发给你们，请认真组织实施。
XX市人民政府办公室
2024年4月8日
XX市促进民营经济高质量发展实施方案（2024—2026年）
为深入贯彻落实党中央、国务院决策部署，制定本方案。
一、总体要求
以习近平新时代中国特色社会主义思想为指导。到2026年，民营经济增加值占比达到55%以上。
二、重点任务
（一）优化民营经济发展环境
1.持续破除市场准入壁垒。全面落实市场准入负面清单制度，清理妨碍统一市场的规定。
责任单位：市发展改革委、市市场监管局
2.强化公平竞争审查。2024年底前完成存量政策措施清理。
责任单位：市市场监管局（牵头）、市司法局，各区（市）县政府
（二）加大对民营经济政策支持力度
3.完善融资支持政策。
（1）开展“银企对接”专项行动，每季度组织一次对接活动。
（2）扩大普惠小微贷款投放，2025年6月底前实现增长10%以上。
责任单位：市地方金融管理局、中国人民银行XX市分行、国家金融监督管理总局XX监管分局
4.完善拖欠账款常态化预防和清理机制。
（1）建立拖欠账款定期披露制度。
责任单位：市经济和信息化局
（2）开展清理拖欠企业账款专项行动。
责任单位：市国资委、市财政局
三、保障措施
（一）加强组织领导。建立市促进民营经济发展工作联席会议制度。
责任单位：市发展改革委
完成时限：长期坚持
（二）强化督导评估。每年开展一次评估。
责任单位：市政府督查室、市发展改革委
"""

WORK_POINTS = """\
XX省教育厅2024年工作要点
2024年全省教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，加快建设教育强省。
一、全面加强党的建设
1.深入学习贯彻党的二十大精神。一是健全理论学习制度，二是开展主题教育“回头看”，三是加强意识形态阵地管理。（牵头处室：机关党委；配合处室：办公室、人事处）
2.推进全面从严治党。一是压实“两个责任”；二是加强廉政风险防控。（牵头处室：机关纪委）
二、推动基础教育优质均衡
3.扩大普惠性学前教育资源。新增公办幼儿园学位2万个，9月底前完成。（牵头处室：基础教育处；配合处室：发展规划处、财务处）
4.推进县域义务教育优质均衡发展。一是实施强校工程；
二是深化集团化办学。
（牵头处室：基础教育处）
三、深化教育评价改革
5.落实《深化新时代教育评价改革总体方案》，第三季度召开推进会。（牵头处室：教育督导室）
"""

DIVISION = """\
XX市科学技术局2024年重点工作任务分解
一、科技创新平台建设
1.争创国家级创新平台。全力争取国家技术创新中心落地。
牵头领导：王建国
责任科室：平台建设科
责任人：张三（平台建设科科长）
完成时限：2024年12月底前
2.建设概念验证中心。新建概念验证中心3家。
责任领导：李明
责任科室：成果转化科、高新技术科
责任人：李四、王五
时间节点：6月底前出台管理办法，10月底前完成认定。
二、科技人才引育
3.实施青年科技人才培育计划。
分管领导：赵红
主办单位：人才科
协办单位：办公室、财务科
完成时限：持续推进
"""

BRACKETS = """\
XX区2024年优化营商环境工作要点
一、提升政务服务效能
1．深化“一网通办”改革，推动高频事项“掌上办”。【责任单位：区政务服务局、区大数据中心】
2．推行“证照分离”改革全覆盖。[责任单位:区市场监管局、区司法局]
二、加强要素保障
3．强化用地保障，年底前完成批而未供土地处置。【牵头单位：区自然资源局；配合单位：各镇（街道）】
4．加大金融支持。
【责任单位：区财政局、中国人民银行成都分行、国家开发银行四川省分行】
"""

WEB_PAGE = """\
首页 > 政务公开 > 政策文件
XX市农业农村局2024年工作要点
发布时间：2024-02-26 10:30    来源：市农业农村局    浏览次数：1024
【字体：大 中 小】  【打印】  【关闭】
一、稳定粮食生产
1. 落实粮食安全党政同责。全年粮食播种面积稳定在300万亩以上。
2. 推进高标准农田建设。新建高标准农田10万亩，10月底前完成。
二、推进乡村建设
3. 实施农村人居环境整治提升行动。
4. 推进数字乡村建设。
上一篇：XX市农业农村局2023年工作总结
下一篇：关于开展2024年春季农业生产的通知
分享到：
扫一扫在手机打开当前页
主办：XX市人民政府办公室  承办：XX市大数据中心
网站标识码：5101000001  蜀ICP备05003305号
"""

PARTS = """\
XX省数字经济发展三年行动计划（2023—2025年）
第一部分 总体要求
一、指导思想
坚持以数字化转型整体驱动生产方式变革。
二、发展目标
到2025年，数字经济核心产业增加值占地区生产总值比重达到10%。
第二部分 重点任务
一、加快数字基础设施建设
（一）建设高速泛在的网络设施。（省通信管理局牵头，省经济和信息化厅配合）
（二）布局算力基础设施。（省发展改革委牵头）
二、推进数字产业化
（三）做强电子信息制造业。（省经济和信息化厅负责）
（四）做优软件和信息服务业。（省经济和信息化厅负责）
（五）培育人工智能产业。（省科技厅、省经济和信息化厅负责）
（六）发展区块链产业。（省委网信办负责）
（七）壮大数据产业。（省大数据局负责）
（八）发展卫星互联网产业。（省国防科工办负责）
（九）培育元宇宙产业。（省经济和信息化厅负责）
（十）发展网络安全产业。（省委网信办、省公安厅负责）
（十一）做大数字创意产业。（省委宣传部、省文化和旅游厅负责）
第三部分 保障措施
一、加强组织领导。建立省数字经济发展领导小组工作机制。（省发展改革委负责）
二、加大资金支持。（省财政厅负责）
"""

FLAT_23 = """\
XX县2024年为民办实事工作安排
一、实施第1项民生工程。
二、实施第2项民生工程。
三、实施第3项民生工程。
四、实施第4项民生工程。
五、实施第5项民生工程。
六、实施第6项民生工程。
七、实施第7项民生工程。
八、实施第8项民生工程。
九、实施第9项民生工程。
十、实施第10项民生工程。
十一、实施第11项民生工程。
十二、实施第12项民生工程。
十三、实施第13项民生工程。
十四、实施第14项民生工程。
十五、实施第15项民生工程。
十六、实施第16项民生工程。
十七、实施第17项民生工程。
十八、实施第18项民生工程。
十九、实施第19项民生工程。
二十、实施第20项民生工程。
二十一、实施第21项民生工程。
二十二、实施第22项民生工程。
二十三、实施第23项民生工程。
"""

MIXED = """\
XX县2024年乡村振兴重点工作安排
一、巩固拓展脱贫攻坚成果
（一)健全防止返贫动态监测。
①每月开展一次集中排查；②对监测对象落实帮扶措施。
(责任单位：县乡村振兴局、各乡镇人民政府)
(二）强化产业帮扶。
１．扶持壮大特色产业。（责任单位：县农业农村局）
２．加强联农带农。（责任单位：县农业农村局、县供销社）
"""

NO_UNITS = """\
XX省2024年科技工作要点
一、强化科技创新策源能力
1.实施基础研究十年行动。由省科技厅牵头组织实施，会同省财政厅制定配套政策。
2.推进实验室体系建设。支持省实验室与国家实验室开展合作，省发展改革委、省教育厅要加大支持（具体办法另行制定）。
二、推动科技成果转化
3.完善成果转化激励政策，上半年出台实施细则。
(1)修订促进科技成果转化条例；
(2)开展职务科技成果赋权改革试点。
4.建设技术转移机构。
"""

ATTACHMENT_TABLE = """\
XX市2024年生态环境保护工作要点
一、深入打好蓝天保卫战
1.推进重点行业超低排放改造。
2.加强移动源污染防治。
二、深入打好碧水保卫战
3.推进城市黑臭水体治理。
附件
2024年生态环境保护重点任务分工表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t推进重点行业超低排放改造\t市生态环境局\t市经济和信息化局\t2024年12月底前
2\t加强移动源污染防治\t市生态环境局\t市公安局、市交通运输局\t持续推进
"""

FIRST_LISTED = """\
XX市2024年数字政府建设工作要点
（各项任务的责任单位中，列第一位的为牵头单位）
一、夯实数字底座
（一）建设城市大数据平台。2024年9月底前完成一期建设。（市大数据局、市财政局、市委网信办）
（二）完善电子政务外网。（市大数据局）
二、提升服务能力
（三）推进“一件事一次办”。责任单位：市政务服务局、市大数据局，各区县人民政府。
"""


# --- Helpers --------------------------------------------------------------------------------------


def units(task: ItemDraft) -> tuple[list[str], list[str], list[str]]:
    return task.lead, task.support, task.responsible


def deadline(task: ItemDraft) -> tuple[str | None, str | None]:
    return (task.deadline.isoformat() if task.deadline else None), task.deadline_text


def numbers_and_titles(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [(task.number, task.title) for task in doc.tasks]


# --- National: 国务院 重点工作分工 ------------------------------------------------------------------


def test_state_council_division_of_work() -> None:
    doc = parse_text(STATE_COUNCIL)
    assert doc.title == "国务院关于落实《政府工作报告》重点工作分工的意见"
    assert doc.period_text is None
    assert doc.warnings == []
    assert numbers_and_titles(doc) == [
        ("一.(一)", "推动产业链供应链优化升级"),
        ("一.(二)", "积极培育新兴产业和未来产业"),
        # two annotated runs in one paragraph: each is a task under the paragraph (class 8)
        ("一.(三)-1", "制定支持数字经济高质量发展政策"),
        ("一.(三)-2", "推进数据要素市场化配置改革"),
        ("二.(四)", "加快建设高质量教育体系"),
        ("二.(五)", "扎实推进高水平科技自立自强"),
        ("三.(六)", "稳步推进城市更新"),
        ("三.(七)", "稳定和扩大就业"),
    ]
    assert [units(task) for task in doc.tasks] == [
        (["工业和信息化部", "国家发展改革委"], ["科技部", "财政部"], []),
        ([], [], ["国家发展改革委", "工业和信息化部"]),
        (["国家发展改革委"], ["中央网信办", "工业和信息化部"], []),
        ([], [], ["国家数据局"]),
        ([], [], ["教育部", "人力资源社会保障部"]),
        (["科技部"], ["国家发展改革委", "教育部", "中国科学院"], []),
        ([], [], ["各省级人民政府", "住房城乡建设部"]),  # 指导 supervises: responsible, not lead
        (["人力资源社会保障部"], ["教育部", "财政部"], []),
    ]
    # a year in the text resolves without a plan period; `持续推进`, `每季度` in prose are no deadline
    assert [deadline(task) for task in doc.tasks] == [
        (None, None),
        ("2024-12-31", "2024年底前"),
        *[(None, None)] * 6,
    ]
    paragraph = next(item for item in doc.items if item.number == "一.(三)")
    assert (paragraph.kind, paragraph.title) == ("heading", "深入推进数字经济创新发展")
    assert [doc.items[task.parent].number for task in doc.tasks[2:4]] == ["一.(三)", "一.(三)"]
    # the closing paragraph and the signature are not part of the last task
    assert doc.tasks[-1].full_text == (
        "稳定和扩大就业。落实好就业优先政策,每季度开展就业形势分析。"
        "(人力资源社会保障部牵头,教育部、财政部按职责分工负责)"
    )


def test_state_council_time_clause_inside_the_annotation() -> None:
    doc = parse_text(
        "2024年重点工作分工方案\n"
        "一、重点任务\n"
        "（一）出台促进民间投资的政策措施。（国家发展改革委牵头，2024年6月底前完成）\n"
        "（二）完善社会信用体系。（国家发展改革委、中国人民银行按职责分工负责，持续推进）\n"
    )
    first, second = doc.tasks
    assert units(first) == (["国家发展改革委"], [], [])
    assert deadline(first) == ("2024-06-30", "2024年6月底前")
    assert units(second) == ([], [], ["国家发展改革委", "中国人民银行"])
    assert deadline(second) == (None, "持续推进")
    assert first.title == "出台促进民间投资的政策措施"


# --- City 实施方案: 一、/(一)/1./(1), 责任单位 on its own line ---------------------------------------


def test_city_implementation_plan() -> None:
    doc = parse_text(CITY_PLAN)
    assert doc.title == "XX市促进民营经济高质量发展实施方案(2024—2026年)"
    assert (doc.period_start, doc.period_end) == (date(2024, 1, 1), date(2026, 12, 31))
    # numbering that runs on across sections ((一) 1. 2. (二) 3. 4.) is in sequence
    assert doc.warnings == []
    assert numbers_and_titles(doc) == [
        ("二.(一).1", "持续破除市场准入壁垒"),
        ("二.(一).2", "强化公平竞争审查"),
        ("二.(二).3", "完善融资支持政策"),
        ("二.(二).4.(1)", "建立拖欠账款定期披露制度"),
        ("二.(二).4.(2)", "开展清理拖欠企业账款专项行动"),
        ("三.(一)", "加强组织领导"),
        ("三.(二)", "强化督导评估"),
    ]
    assert [units(task) for task in doc.tasks] == [
        ([], [], ["市发展改革委", "市市场监管局"]),
        # `(牵头)` after a unit of a 责任单位 list: it leads, the others support
        (["市市场监管局"], ["市司法局", "各区(市)县政府"], []),
        (
            [],
            [],
            ["市地方金融管理局", "中国人民银行XX市分行", "国家金融监督管理总局XX监管分局"],
        ),
        ([], [], ["市经济和信息化局"]),
        ([], [], ["市国资委", "市财政局"]),
        ([], [], ["市发展改革委"]),
        ([], [], ["市政府督查室", "市发展改革委"]),
    ]
    assert [deadline(task) for task in doc.tasks] == [
        (None, None),
        ("2024-12-31", "2024年底前"),
        ("2025-06-30", "2025年6月底前"),
        (None, None),
        (None, None),
        (None, "长期坚持"),
        (None, None),
    ]
    # (1)(2) under 3. carry no annotation of their own: they are 3.'s text, and the 责任单位 line
    # after (2) closes 3.
    assert doc.tasks[2].full_text.splitlines()[1:3] == [
        "(1)开展“银企对接”专项行动,每季度组织一次对接活动。",
        "(2)扩大普惠小微贷款投放,2025年6月底前实现增长10%以上。",
    ]
    headings = [item.number for item in doc.items if item.kind == "heading"]
    assert headings == ["一", "二", "二.(一)", "二.(二)", "二.(二).4", "三"]


# --- 工作要点 with 一是…二是… inside items, 牵头处室/配合处室 ---------------------------------------------


def test_work_points_with_enumerations_inside_items() -> None:
    doc = parse_text(WORK_POINTS)
    assert doc.warnings == []
    assert numbers_and_titles(doc) == [
        ("一.1", "深入学习贯彻党的二十大精神"),
        ("一.2", "推进全面从严治党"),
        ("二.3", "扩大普惠性学前教育资源"),
        ("二.4", "推进县域义务教育优质均衡发展"),
        ("三.5", "落实《深化新时代教育评价改革总体方案》,第三季度召开推进会"),
    ]
    assert [units(task) for task in doc.tasks] == [
        (["机关党委"], ["办公室", "人事处"], []),
        (["机关纪委"], [], []),
        (["基础教育处"], ["发展规划处", "财务处"], []),
        (["基础教育处"], [], []),
        (["教育督导室"], [], []),
    ]
    assert "二是深化集团化办学。" in doc.tasks[3].full_text
    assert [deadline(task) for task in doc.tasks] == [
        (None, None),
        (None, None),
        ("2024-09-30", "9月底前"),
        (None, None),
        ("2024-09-30", "第三季度"),
    ]


# --- Division list naming persons, 主办/协办, deadline labels ---------------------------------------


def test_division_list_with_leaders_persons_and_deadline_labels() -> None:
    doc = parse_text(DIVISION)
    assert doc.warnings == []
    assert numbers_and_titles(doc) == [
        ("一.1", "争创国家级创新平台"),
        ("一.2", "建设概念验证中心"),
        ("二.3", "实施青年科技人才培育计划"),
    ]
    assert [units(task) for task in doc.tasks] == [
        ([], [], ["平台建设科"]),
        ([], [], ["成果转化科", "高新技术科"]),
        (["人才科"], ["办公室", "财务科"], []),
    ]
    # leaders and responsible persons, without the note after a name
    assert [task.persons for task in doc.tasks] == [
        ["王建国", "张三"],
        ["李明", "李四", "王五"],
        ["赵红"],
    ]
    assert [deadline(task) for task in doc.tasks] == [
        ("2024-12-31", "2024年12月底前"),
        ("2024-10-31", "10月底前"),  # the last of the 时间节点
        (None, "持续推进"),
    ]
    for task in doc.tasks:
        assert "完成时限" not in task.title and "责任人" not in task.title


def test_units_and_deadline_label_on_one_line() -> None:
    (task,) = parse_text(
        "XX市2024年工作要点\n1.建设智慧停车平台。\n责任单位：市城管委 完成时限：2024年6月底前\n"
    ).tasks
    assert units(task) == ([], [], ["市城管委"])
    assert deadline(task) == ("2024-06-30", "2024年6月底前")


# --- Lenticular and square brackets ---------------------------------------------------------------


def test_lenticular_and_square_bracket_annotations() -> None:
    doc = parse_text(BRACKETS)
    assert numbers_and_titles(doc) == [
        ("一.1", "深化“一网通办”改革,推动高频事项“掌上办”"),
        ("一.2", "推行“证照分离”改革全覆盖"),
        ("二.3", "强化用地保障,年底前完成批而未供土地处置"),
        ("二.4", "加大金融支持"),
    ]
    assert [units(task) for task in doc.tasks] == [
        ([], [], ["区政务服务局", "区大数据中心"]),
        ([], [], ["区市场监管局", "区司法局"]),
        (["区自然资源局"], ["各镇(街道)"], []),
        ([], [], ["区财政局", "中国人民银行成都分行", "国家开发银行四川省分行"]),
    ]
    assert deadline(doc.tasks[2]) == ("2024-12-31", "年底前")


# --- Web page with chrome above and below ---------------------------------------------------------


def test_web_page_chrome_is_not_text() -> None:
    doc = parse_text(WEB_PAGE)
    assert doc.title == "XX市农业农村局2024年工作要点"
    assert numbers_and_titles(doc) == [
        ("一.1", "落实粮食安全党政同责"),
        ("一.2", "推进高标准农田建设"),
        ("二.3", "实施农村人居环境整治提升行动"),
        ("二.4", "推进数字乡村建设"),
    ]
    assert doc.tasks[-1].full_text == "推进数字乡村建设。"
    assert all(units(task) == ([], [], []) for task in doc.tasks)
    assert deadline(doc.tasks[1]) == ("2024-10-31", "10月底前")


# --- 第一部分 / 第二部分 parts, (十一), inline verbs ---------------------------------------------------


def test_parts_above_sections() -> None:
    doc = parse_text(PARTS)
    assert doc.warnings == []
    assert doc.period_text == "2023—2025年"
    tasks = numbers_and_titles(doc)
    assert len(tasks) == 13
    assert tasks[:3] == [
        ("第二部分.一.(一)", "建设高速泛在的网络设施"),
        ("第二部分.一.(二)", "布局算力基础设施"),
        ("第二部分.二.(三)", "做强电子信息制造业"),
    ]
    assert tasks[-3:] == [
        ("第二部分.二.(十一)", "做大数字创意产业"),
        ("第三部分.一", "加强组织领导"),
        ("第三部分.二", "加大资金支持"),
    ]
    assert units(doc.tasks[0]) == (["省通信管理局"], ["省经济和信息化厅"], [])
    assert units(doc.tasks[10]) == ([], [], ["省委宣传部", "省文化和旅游厅"])
    # 第一部分 总体要求 is not a work part: its items are neither tasks nor kept
    assert [item.number for item in doc.items[:2]] == ["第一部分", "第二部分"]


def test_chapter_heading_alone_on_its_line() -> None:
    doc = parse_text(
        "XX市2024年工作安排\n第一章\n总体要求\n一、坚持稳中求进。\n第二章\n重点任务\n一、扩大有效投资。\n"
    )
    assert [(item.kind, item.number, item.title) for item in doc.items] == [
        ("heading", "第一章", "总体要求"),
        ("heading", "第二章", "重点任务"),
        ("task", "第二章.一", "扩大有效投资"),
    ]


def test_flat_list_up_to_twenty_three() -> None:
    doc = parse_text(FLAT_23)
    assert doc.warnings == []
    assert len(doc.tasks) == 23
    assert numbers_and_titles(doc)[-3:] == [
        ("二十一", "实施第21项民生工程"),
        ("二十二", "实施第22项民生工程"),
        ("二十三", "实施第23项民生工程"),
    ]


# --- Mixed full-width/half-width brackets, １．, ①② -------------------------------------------------


def test_mixed_brackets_full_width_digits_and_circled_points() -> None:
    doc = parse_text(MIXED)
    assert doc.warnings == []
    assert numbers_and_titles(doc) == [
        ("一.(一)", "健全防止返贫动态监测"),
        ("一.(二).1", "扶持壮大特色产业"),
        ("一.(二).2", "加强联农带农"),
    ]
    # ①② are the text of (一); the 责任单位 line after them is (一)'s
    assert units(doc.tasks[0]) == ([], [], ["县乡村振兴局", "各乡镇人民政府"])
    assert "①每月开展一次集中排查;②对监测对象落实帮扶措施。" in doc.tasks[0].full_text
    assert units(doc.tasks[2]) == ([], [], ["县农业农村局", "县供销社"])


# --- Nothing invented ----------------------------------------------------------------------------


def test_document_without_annotations_has_no_units() -> None:
    doc = parse_text(NO_UNITS)
    assert numbers_and_titles(doc) == [
        ("一.1", "实施基础研究十年行动"),
        ("一.2", "推进实验室体系建设"),
        ("二.3", "完善成果转化激励政策,上半年出台实施细则"),
        ("二.4", "建设技术转移机构"),
    ]
    for task in doc.tasks:
        assert (task.lead, task.support, task.responsible, task.persons) == ([], [], [], [])
    assert deadline(doc.tasks[2]) == ("2024-06-30", "上半年")
    assert "(2)开展职务科技成果赋权改革试点。" in doc.tasks[2].full_text


@pytest.mark.parametrize(
    "sentence",
    [
        "由省科技厅牵头组织实施,会同省财政厅制定配套政策。",
        "省发展改革委、省教育厅要加大支持(具体办法另行制定)。",
        "各地要结合实际抓好落实(试行)。",
        "加强与省财政厅的协调(省科技厅)配合。",
        "推动建设一批创新平台(中心)。",
    ],
)
def test_prose_naming_departments_gives_no_unit(sentence: str) -> None:
    (task,) = parse_text(f"XX省2024年工作要点\n1.推进改革。{sentence}\n").tasks
    assert units(task) == ([], [], [])


# --- Attachments ----------------------------------------------------------------------------------


def test_attachment_task_table_is_reported_not_read() -> None:
    doc = parse_text(ATTACHMENT_TABLE)
    assert numbers_and_titles(doc) == [
        ("一.1", "推进重点行业超低排放改造"),
        ("一.2", "加强移动源污染防治"),
        ("二.3", "推进城市黑臭水体治理"),
    ]
    assert doc.tasks[-1].full_text == "推进城市黑臭水体治理。"
    assert [(w.line, w.message) for w in doc.warnings] == [
        (
            9,
            "the attachment's task table is not read from plain text; import it as .xlsx, .csv or .docx",
        )
    ]


def test_plan_attached_to_a_notice_is_read() -> None:
    doc = parse_text(
        "XX市人民政府办公室关于印发XX市2024年稳就业工作方案的通知\n"
        "各区人民政府，市政府各部门：\n"
        "现将《XX市2024年稳就业工作方案》印发给你们，请认真贯彻执行。\n"
        "附件：XX市2024年稳就业工作方案\n"
        "XX市人民政府办公室\n"
        "2024年2月1日\n"
        "XX市2024年稳就业工作方案\n"
        "一、稳定重点群体就业\n"
        "（一）做好高校毕业生就业工作。（牵头单位：市人力资源社会保障局；配合单位：市教育局）\n"
        "（二）做好退役军人就业工作。（责任单位：市退役军人事务局）\n"
    )
    assert doc.title == "XX市2024年稳就业工作方案"
    assert numbers_and_titles(doc) == [
        ("一.(一)", "做好高校毕业生就业工作"),
        ("一.(二)", "做好退役军人就业工作"),
    ]
    assert units(doc.tasks[0]) == (["市人力资源社会保障局"], ["市教育局"], [])


# --- A document stating that the first-listed unit leads ------------------------------------------


def test_document_stating_first_listed_unit_leads() -> None:
    doc = parse_text(FIRST_LISTED)
    assert numbers_and_titles(doc) == [
        ("一.(一)", "建设城市大数据平台"),
        ("一.(二)", "完善电子政务外网"),
        ("二.(三)", "推进“一件事一次办”"),
    ]
    assert [units(task) for task in doc.tasks] == [
        (["市大数据局"], ["市财政局", "市委网信办"], []),
        (["市大数据局"], [], []),
        (["市政务服务局"], ["市大数据局", "各区县人民政府"], []),
    ]
    assert deadline(doc.tasks[0]) == ("2024-09-30", "2024年9月底前")


def test_bare_unit_list_without_the_convention_is_responsible() -> None:
    (task,) = parse_text("XX市2024年工作要点\n1.完善电子政务外网。（市大数据局、市财政局）\n").tasks
    assert units(task) == ([], [], ["市大数据局", "市财政局"])


# --- Unit lists: the hard real cases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("省委组织部、省委宣传部，省发展改革委", ["省委组织部", "省委宣传部", "省发展改革委"]),
        ("市、县（区）政府", ["市、县(区)政府"]),
        ("各市（州）人民政府", ["各市(州)人民政府"]),
        ("省级有关部门", ["省级有关部门"]),
        ("省教育厅等部门", ["省教育厅"]),
        (
            "中国人民银行成都分行、国家开发银行四川省分行",
            ["中国人民银行成都分行", "国家开发银行四川省分行"],
        ),
        ("省经济和信息化委、人力资源和社会保障厅", ["省经济和信息化委", "人力资源和社会保障厅"]),
        ("省科技厅（省知识产权局）、省财政厅", ["省科技厅(省知识产权局)", "省财政厅"]),
        ("各市（州）、县（市、区）", ["各市(州)、县(市、区)"]),
        ("各市（州）、县（市、区），省直有关部门", ["各市(州)、县(市、区)", "省直有关部门"]),
        ("各市（州）、省科技厅", ["各市(州)", "省科技厅"]),
        ("市、县、区科技局", ["市、县、区科技局"]),
    ],
)
def test_split_hard_unit_lists(text: str, names: list[str]) -> None:
    from taskctl.ingest.repair import repair_chars

    assert split_units(repair_chars(text)) == names


def test_labelled_list_with_role_verbs_inside() -> None:
    annotation = read_annotation("(责任单位:市发展改革委牵头,市财政局、市商务局配合)")
    assert annotation is not None
    assert (annotation.lead, annotation.support, annotation.responsible) == (
        ["市发展改革委"],
        ["市财政局", "市商务局"],
        [],
    )


def test_person_notes_are_not_names() -> None:
    annotation = read_annotation("(责任人:张三(办公室主任)、李四 (科长))")
    assert annotation is not None
    assert annotation.persons == ["张三", "李四"]


CITY_DIVISION = """\
XX市人民政府办公室关于印发XX市2024年优化营商环境重点任务分工方案的通知
各区县人民政府，市政府各部门：
现将《XX市2024年优化营商环境重点任务分工方案》印发给你们，请认真贯彻落实。
XX市人民政府办公室
2024年3月1日
XX市2024年优化营商环境重点任务分工方案
为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，制定本方案。
一、提升政务服务效能
1.推进“一网通办”。深化政务服务“一网通办”改革，2024年6月底前实现高频事项全程网办。（牵头单位：市政务服务数据管理局；责任单位：各区县人民政府，市直有关部门）
2.压减审批时限。工程建设项目审批时间压减至60个工作日以内。（市住房城乡建设局、市自然资源和规划局按职责分工负责，2024年底前完成）
二、优化市场环境
3.深化商事制度改革。推行经营主体登记确认制。
牵头单位：市市场监管局
配合单位：市税务局、人民银行XX市分行
完成时限：2024年9月
4.加强公平竞争审查。（市市场监管局牵头，市发展改革委、市司法局配合；持续推进）
三、保障措施
各区县、各部门要高度重视，加强组织领导，确保各项任务落到实处。
"""


def test_city_division_plan_with_a_closing_section_that_assigns_nothing() -> None:
    doc = parse_text(CITY_DIVISION)
    assert doc.title == "XX市2024年优化营商环境重点任务分工方案"
    got = [
        (t.number, t.title, t.lead, t.support, t.responsible, t.deadline, t.deadline_text)
        for t in doc.tasks
    ]
    assert got == [
        (
            "一.1",
            "推进“一网通办”",
            ["市政务服务数据管理局"],
            ["各区县人民政府", "市直有关部门"],  # 责任单位 next to a lead: support (class 5)
            [],
            date(2024, 6, 30),
            "2024年6月底前",
        ),
        (
            "一.2",
            "压减审批时限",
            [],
            [],
            ["市住房城乡建设局", "市自然资源和规划局"],
            date(2024, 12, 31),
            "2024年底前",
        ),
        (
            "二.3",
            "深化商事制度改革",
            ["市市场监管局"],
            ["市税务局", "人民银行XX市分行"],
            [],
            date(2024, 9, 30),
            "2024年9月",
        ),
        (
            "二.4",
            "加强公平竞争审查",
            ["市市场监管局"],
            ["市发展改革委", "市司法局"],
            [],
            None,
            "持续推进",
        ),
    ]
    assert doc.tasks[0].unit_labels == {"各区县人民政府": "责任单位", "市直有关部门": "责任单位"}
    # 三、保障措施 stays in the tree as a heading, not as work to assign
    assert [(i.number, i.kind) for i in doc.items if i.number == "三"] == [("三", "heading")]


def test_a_task_table_pasted_from_a_spreadsheet_with_tabs() -> None:
    doc = parse_text(
        "XX市2024年数字政府建设任务分工\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进数字政府建设\t市大数据局\t市发展改革委、市财政局\t2024年12月\n"
        "2\t优化企业开办服务\t市市场监管局\t市税务局\t2024年6月底前\n"
    )
    assert doc.title == "XX市2024年数字政府建设任务分工"
    assert [(t.title, t.lead, t.support, t.deadline) for t in doc.tasks] == [
        ("推进数字政府建设", ["市大数据局"], ["市发展改革委", "市财政局"], date(2024, 12, 31)),
        ("优化企业开办服务", ["市市场监管局"], ["市税务局"], date(2024, 6, 30)),
    ]


@pytest.mark.parametrize("text", ["\t\t", "\t\t\n\n"])
def test_blank_tabs_are_neither_a_table_nor_a_document(text: str) -> None:
    from taskctl.errors import InputError
    from taskctl.ingest.tables import tab_table_rows

    assert tab_table_rows(text) is None
    with pytest.raises(InputError, match="empty document"):
        parse_text(text)


def test_a_tab_indented_item_is_not_a_table() -> None:
    from taskctl.ingest.tables import tab_table_rows

    text = "2024年工作要点\n\t1.\t完善制度。\t（责任单位：办公室）\n"
    assert tab_table_rows(text) is None
    assert [(t.title, t.responsible) for t in parse_text(text).tasks] == [("完善制度", ["办公室"])]
