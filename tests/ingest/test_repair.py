"""Text repair: characters, PDF artifacts, line joining and the source line map."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from taskctl.errors import InputError
from taskctl.ingest import decode_bytes, parse_text
from taskctl.ingest.repair import Line, join_viewer_chunks, repair_chars, repair_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("１、加强建设：", "1、加强建设:"),
        ("（一）实施工程", "(一)实施工程"),
        ("科技厅ꎬ教育厅ꎮ", "科技厅,教育厅。"),
        ("国家级高新区达 ９ 家ꎻ新增", "国家级高新区达9家;新增"),
        ("１\U001001b0 加强应用基础研究ꎮ", "1. 加强应用基础研究。"),
        ("\u00a0\u00a0\u00a0 1. 做好工作。", "1. 做好工作。"),
        ("创新平台{C}{C}{C}", "创新平台"),
        ("科技\u200b厅\ufeff", "科技厅"),
        ("到 ２０２０ 年ꎬ", "到2020年,"),
        ("中国人民银 行成都分行", "中国人民银行成都分行"),
        ("LED 产业 and EMC", "LED 产业 and EMC"),
        ("①加强", "①加强"),
        # a labelled unit list with a table flattened after it: the list ends at the gap
        (
            "配合单位:市公安局、各区政府 东区 西区、南区 北区 合计 2 3 1 6",
            "配合单位:市公安局、各区政府。东区西区、南区北区合计2 3 1 6",
        ),
        ("配合单位:市公安局 市城管局", "配合单位:市公安局、市城管局"),
        ("责任单位:市人民政府 办公室", "责任单位:市人民政府办公室"),
        ("a\x00b\x07c", "abc"),
        ("   ", ""),
    ],
)
def test_repair_chars(raw: str, repaired: str) -> None:
    assert repair_chars(raw) == repaired


def test_blank_lines_dropped_and_numbers_kept() -> None:
    lines = repair_text("一、重点任务\n\n\n1.加强工作。\r\n\u3000\n2.完善机制。")
    assert lines == [Line("一、重点任务", 1), Line("1.加强工作。", 4), Line("2.完善机制。", 6)]


def test_sc2017_wrapped_lines_are_joined() -> None:
    lines = repair_text((SEEDS / "sc2017.txt").read_text(encoding="utf-8"))
    texts = [line.text for line in lines]
    assert (
        "(责任单位:科技厅、省发展改革委、省经济和信息化委、教育厅、农业厅、中科院成都分院)" in texts
    )
    heading = next(line for line in lines if line.text.startswith("(二)发展创新型企业群体"))
    assert heading.text == "(二)发展创新型企业群体和产业聚集区,引领企业创新能力提升和产业转型升级。"
    assert heading.number == 219
    last = next(line for line in lines if line.number == 730)
    assert last.text.endswith("中科院成都分院、中国人民银行成都分行、国家开发银行四川省分行)")
    # the title and its period line stay apart from the preamble
    assert Line("四川省技术创新工程实施方案", 8) in lines
    assert Line("(2017—2020年)", 10) in lines
    assert not any("ꎬ" in text or "ꎮ" in text or "\U001001b0" in text for text in texts)


def test_unwrapped_document_is_not_joined() -> None:
    lines = repair_text((SEEDS / "sc2012.txt").read_text(encoding="utf-8"))
    assert Line("(一)实施重大科技成果转化工程", 15) in lines
    assert lines[-1].number == 114


def test_bracket_cut_by_a_line_break_is_joined() -> None:
    lines = repair_text("1.加强领导。(牵头单位:省科技厅,\n配合单位:省财政厅)\n2.完善机制。")
    assert lines[0] == Line("1.加强领导。(牵头单位:省科技厅,配合单位:省财政厅)", 1)
    assert lines[1] == Line("2.完善机制。", 3)


def test_long_line_is_fast() -> None:
    text = "加强" * 50_000 + "\n" + "(" * 100_000 + "\n" + "1." * 50_000
    start = time.perf_counter()
    repair_text(text)
    assert time.perf_counter() - start < 2


def test_decode_utf8_variants() -> None:
    text = "一、重点任务\n1.加强工作。"
    assert decode_bytes(text.encode("utf-8"), source="a") == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), source="a") == text
    assert decode_bytes(text.encode("utf-16"), source="a") == text
    assert decode_bytes(b"\xfe\xff" + text.encode("utf-16-be"), source="a") == text
    assert decode_bytes(text.encode("utf-16-le"), source="a") == text
    assert decode_bytes(text.encode("utf-16-be"), source="a") == text


@pytest.mark.parametrize("name", ["sc2012", "zj2012", "gd2012"])
def test_decode_gbk_seeds(name: str) -> None:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030"), source=name) == text
    assert decode_bytes(text.encode("utf-16-le"), source=name) == text


def test_decode_forced_encoding() -> None:
    assert decode_bytes("科技".encode("gbk"), source="a", encoding="gbk") == "科技"
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"abc", source="a", encoding="no-such-codec")
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode_bytes("科技".encode("gbk"), source="a", encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a: empty document"),
        (b" \n\t\r\n", "a: empty document"),
        ("\u3000\n".encode(), "a: empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "a: not a text document"),
        (bytes(range(256)) * 4, "a: not a text document"),
    ],
)
def test_decode_rejects(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        decode_bytes(data, source="a")
    assert str(error.value) == message


def test_an_indent_lost_to_question_marks_is_dropped() -> None:
    lines = repair_text("??一、让企业办事更省心\n??1.加强系统集成。(责任单位:区府办)\n是否可行?\n")
    assert [line.text for line in lines] == [
        "一、让企业办事更省心",
        "1.加强系统集成。(责任单位:区府办)",
        "是否可行?",
    ]


def test_a_run_on_page_breaks_after_a_square_bracket_note() -> None:
    text = (
        "江门市实施方案 "
        + "说明文字" * 60
        + "。一、工作措施。1.严格执行税额标准。[责任单位:市财政局、"
        "市税务局,排在首位为牵头单位,下同]2.执行印花税核定征收办法。[责任单位:市税务局]"
    )
    lines = [line.text for line in repair_text(text)]
    assert lines[-1] == "2.执行印花税核定征收办法。[责任单位:市税务局]"


VIEWER_COPY = (
    "《2022年降成本实施方案.doc》由会员分享,可在线阅读,更多相关《2022年降成本实施方案.doc(23页珍藏版)》"
    "请在文档网站上搜索。\n"
    "1、降成本实施方案为深入贯彻会议精神,结合实际,推进降本增效,减轻实体经济企业负担,"
    + "促进经济持续健康较快发展,"
    * 8
    + "特制定以下实施方案。一、降低制度性交易成本1.全面推进商事制度落实。责任主体。市工商质监局。"
    "执行对象。除个体工商户外其他市场主体。\n"
    "2、工作流程。窗口受理登记,经审查后予以发证。"
    + "执行时间。长期有效。"
    * 16
    + "2.推进公共服务和中介服\n"
    "3、务清理规范试点。责任主体。市编办。\n"
)


def test_a_viewer_copy_has_its_chunks_joined_and_its_items_read() -> None:
    from taskctl.ingest import parse_text

    doc = parse_text(VIEWER_COPY)
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.1", "全面推进商事制度落实", ["市工商质监局"]),
        ("一.2", "推进公共服务和中介服务清理规范试点", ["市编办"]),
    ]


@pytest.mark.parametrize("spacing", ["\n\n", "\n\u3000\u3000"])
def test_a_viewer_copy_with_blank_lines_between_its_chunks(spacing: str) -> None:
    """A page that spaces or indents its paragraphs: the viewer's chunks are joined all the same."""
    from taskctl.ingest import parse_text

    doc = parse_text(VIEWER_COPY.replace("\n", spacing))
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.1", "全面推进商事制度落实", ["市工商质监局"]),
        ("一.2", "推进公共服务和中介服务清理规范试点", ["市编办"]),
    ]


def test_long_numbered_items_are_no_viewer_chunks() -> None:
    item = "加强统筹协调,完善工作机制," * 12
    lines = [f"1、{item}。(牵头单位:市发改委)", f"2、{item}。(牵头单位:市财政局)", "3、做好总结。"]
    assert join_viewer_chunks(lines) == lines


@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "\xa0 "])
def test_a_page_showing_one_task_as_a_label_value_form(indent: str) -> None:
    """Read the same whether the page indents its lines (`\u3000\u3000`, no-break spaces) or not."""
    from taskctl.ingest import parse_text

    lines = [
        "",
        "重点工作: | 135.统筹违法建设治理与城市更新。 |",
        "牵头单位: | 市城市管理综合执法局 |",
        "年度阶段性工作目标: | 完成工作任务的90%以上。 |",
        "进展情况、存在问题 及下一步工作建议: |",
        "已完成。 |",
    ]
    doc = parse_text("\n".join(indent + line for line in lines))
    (task,) = doc.tasks
    assert (task.number, task.title, task.lead) == (
        "135",
        "统筹违法建设治理与城市更新",
        ["市城市管理综合执法局"],
    )
    assert task.attributes["进展情况、存在问题及下一步工作建议"] == "已完成"


def test_a_label_naming_its_holder_twice() -> None:
    from taskctl.ingest import parse_text

    (task,) = parse_text(
        "2022年攻坚方案\n1.开展就业服务专项行动。责任科室(单位):就业科、人才中心\n"
    ).tasks
    assert task.responsible == ["就业科", "人才中心"]


def test_a_label_with_its_value_in_brackets_on_a_line_of_its_own() -> None:
    from taskctl.ingest import parse_text

    doc = parse_text(
        "督查方案\n(三)专项督查阶段。具体分2个督查组:\n第一组:组长单位(县政府办)\n"
        "副组长单位(县监察局)\n督查单位:南溪镇、桥头乡。\n第二组:组长单位 (县审计局)\n"
        "副组长单位(县发改局)\n(四)总结阶段。明确牵头单位(部门)职责。\n"
    )
    groups = [t for t in doc.tasks if t.number.endswith("组")]
    assert [(t.number, t.title, t.lead, t.support) for t in groups] == [
        ("(三).第一组", "第一组", ["县政府办"], ["县监察局"]),
        ("(三).第二组", "第二组", ["县审计局"], ["县发改局"]),
    ]
    # a sentence naming a label with a bracket is text, not an annotation
    (last,) = [t for t in doc.tasks if t.number == "(四)"]
    assert (last.lead, last.responsible) == ([], [])


def test_items_glued_to_the_note_closing_the_item_before() -> None:
    from taskctl.ingest import parse_text

    doc = parse_text(
        "2013年重点工作责任分工\n一、主要目标\n"
        "(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。"
        "(省财政厅主办,省国税局协办)\n二、产业项目\n"
        "1.抓好600个重点产业项目。(省发改委主办,省工信委协办)2.抓好燃气项目(一期)建设。(省住建厅负责)\n"
    )
    assert [(t.number, t.title, t.lead, t.responsible) for t in doc.tasks] == [
        ("一.(一)", "地区生产总值增长11%左右", [], ["省发改委"]),
        ("一.(二)", "公共财政收入增长13%左右", ["省财政厅"], []),
        ("二.1", "抓好600个重点产业项目", ["省发改委"], []),
        ("二.2", "抓好燃气项目(一期)建设", [], ["省住建厅"]),
    ]


def test_a_page_showing_one_task_as_label_lines_over_their_values() -> None:
    from taskctl.ingest import parse_text

    (task,) = parse_text(
        "具体任务\n全面完成老年人群疫苗接种,守好疫情防线;改扩建社区卫生服务中心。\n"
        "责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n完成时限\n12月底前\n"
    ).tasks
    assert (task.number, task.responsible, task.support, task.attributes) == (
        "1",
        ["卫健局", "文旅局"],
        ["各乡镇"],
        {"完成时限": "12月底前"},
    )
    assert task.title.startswith("全面完成老年人群疫苗接种")


def test_markers_glued_to_the_text_of_a_run_on_line_that_go_on_its_numbering() -> None:
    from taskctl.ingest import parse_text

    text = (
        "环境卫生综合整治实施方案为进一步加强城市管理,创造清洁、优美的人居环境,特制定本方案。"
        "一、指导思想坚持统一、规范、高效的原则,以点带面、集中整治与建立长效联动管理机制相结合,"
        "大力整治县城环境脏、乱、差等问题,全面改善县城市容环境。二、整治内容(一)道路环境卫生整治"
        "1、道路实行部门和单位分包清理,做到路面整洁。(责任单位:城管局、各分包单位,完成时限:6月15日)"
        "2、对县城周边道路进行清理整治,做到路面无渣土。(责任单位:交通局)(二)河道整治1、清理河道垃圾"
        "和漂浮物。(责任单位:水利局)"
    )
    doc = parse_text(text)
    assert [(t.number, t.responsible) for t in doc.tasks] == [
        ("二.(一).1", ["城管局", "各分包单位"]),
        ("二.(一).2", ["交通局"]),
        ("二.(二).1", ["水利局"]),
    ]


def test_a_page_number_glued_inside_the_text_of_a_flattened_copy_is_removed() -> None:
    doc = parse_text(
        "第1页共4页2021年工作要点\n1.推进秸秆综合利用。(县农第2页共4页业农村局负责)\n"
        "2.加强执法检查。(县环保局负责)第 3 页 共 4 页\n"
    )
    assert [t.responsible for t in doc.tasks] == [["县农业农村局"], ["县环保局"]]


def test_a_mirrors_anti_copy_noise_is_removed() -> None:
    doc = parse_text(
        "一@@、增强基础设施@@\n(一@@)打造@@1小时铁路经济圈@@。(责任单位@@:自治区发展改革委@@@@、"
        "四@@市人民政府@@@@按职责分工负责@@)\n(二@@)完善@@公路网@@。(责任单位@@:交通运输厅@@)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("一.(一)", "打造1小时铁路经济圈", ["自治区发展改革委", "四市人民政府"]),
        ("一.(二)", "完善公路网", ["交通运输厅"]),
    ]


def test_question_marks_a_copy_put_for_wide_spaces_beside_spaces_are_removed() -> None:
    (task,) = parse_text(
        "安全生产检查方案\n(一)第一检查督导组\n责任领导:胡小波 ?杨 ?剑\n责任单位:政法办、派出所? ? ?\n"
    ).tasks
    assert (task.persons, task.responsible) == (["胡小波", "杨剑"], ["政法办", "派出所"])
    (task,) = parse_text(
        "会议纪要\n1.???镇长任组长,党政办负责外围环境,财政所负责资金兑付。\n"
    ).tasks
    assert task.full_text.startswith("???镇长")  # a masked name is no space


@pytest.mark.parametrize(
    ("note", "roles"),
    [
        ("(市发改委牵头 市财政局 市统计局配合)", (["市发改委"], ["市财政局", "市统计局"], [])),
        (
            "(牵头单位:市发改委 配合单位:市财政局 市统计局)",
            (["市发改委"], ["市财政局", "市统计局"], []),
        ),
        ("(市发改委 市财政局)", ([], [], ["市发改委", "市财政局"])),
        ("(市人民政府 办公室牵头)", (["市人民政府办公室"], [], [])),  # a name a PDF split
        ("(市发改委负责 2023年底前)", ([], [], ["市发改委"])),
        ("(责任单位:市发改委等7个部门)", ([], [], ["市发改委"])),
    ],
)
def test_names_in_a_note_separated_by_spaces_are_never_glued(note: str, roles: tuple) -> None:
    (task,) = parse_text("2023年工作要点\n1.推进某项工作。" + note + "\n").tasks
    assert (task.lead, task.support, task.responsible) == roles


@pytest.mark.parametrize(
    "text",
    [
        "2024年任务清单\n工作任务:完善制度体系\n牵头单位:市发改委\n完成时限:6月底\n"
        "工作任务:加强市场监管\n牵头单位:市财政局\n",
        # the number on a line of its own, the unit before the task
        "2024年任务清单\n序号:1\n牵头单位:市发改委\n工作任务:完善制度体系\n完成时限:6月底\n"
        "序号:2\n牵头单位:市财政局\n工作任务:加强市场监管\n",
        # an exposure page: bracketed labels, a heading over each record, a value on the next line
        "2024年问题曝光\n【1月21日 问题一】\n【主管单位】市发改委\n【存在问题】\n完善制度体系\n【整改期限】6月底\n"
        "【1月22日 问题二】\n【主管单位】市财政局\n【存在问题】\n加强市场监管\n",
    ],
)
@pytest.mark.parametrize("spacing", ["\n", "\n\n"])
def test_tasks_written_as_records_of_label_lines(text: str, spacing: str) -> None:
    doc = parse_text(text.replace("\n", spacing))
    assert [(t.number, t.title) for t in doc.tasks] == [
        ("1", "完善制度体系"),
        ("2", "加强市场监管"),
    ]
    assert [t.lead or t.responsible for t in doc.tasks] == [["市发改委"], ["市财政局"]]
    assert doc.tasks[0].deadline_text == "6月底"


def test_a_note_opening_a_line_with_the_next_item_glued_on() -> None:
    doc = parse_text(
        "2015年创卫实施方案\n二、主要任务\n1.改造城市棚户区100万平方米。\n"
        "(责任单位:市城建局)2.完成老旧燃气管网改造。\n(责任单位:市公用事业局)\n"
    )
    assert [(t.number, t.title, t.responsible) for t in doc.tasks] == [
        ("二.1", "改造城市棚户区100万平方米", ["市城建局"]),
        ("二.2", "完成老旧燃气管网改造", ["市公用事业局"]),
    ]
