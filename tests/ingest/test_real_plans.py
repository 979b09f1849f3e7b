"""Real public plans the parser was not designed on (tests/data/real, see its README.md).

Each `NAME.json` holds the hand-checked tasks of `NAME.txt`. Documents the parser reads exactly are
checked task by task (number, title start, lead, support, responsible, persons); the others are
held to the score they reach today and to never storing a unit no expected task has
(`benchmarks/parser_score.py` prints the scores).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taskctl.ingest import parse_text

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
EXACT = (
    "anhui2021",
    "anhui2022",
    "anhuijtt2025",
    "ankang2017",
    "anquan2021",
    "anquanzhize",
    "baoshan2008",
    "baotou2011",
    "beijing2018",
    "beijinggongkai2016",
    "beilun2024",
    "caidian2023",
    "cangnan2022",
    "changsha2012",
    "changsha2021",
    "chaoyang2022",
    "chaozhou2019",
    "chengdu2015",
    "chengdu2019",
    "chizhou",
    "chizhouysh2017",
    "chongchuan2023",
    "chuangwenxuexiao2021",
    "chuzhou2020",
    "cixi2021",
    "cqgaoxin2021",
    "dalian2022",
    "dalian2025",
    "daolujiaotong2013",
    "daxing2023",
    "dazhou2021",
    "dazhu2016",
    "dezhou2023",
    "dongguan2017",
    "dongguan2021",
    "ezhourd2020",
    "fangxian2023",
    "fangyiju2020",
    "fazhizhengfu2022",
    "fengxian2025",
    "fujianhbt2013",
    "fuyu",
    "gangcheng2021",
    "gansu2020",
    "ganzhou2020",
    "gongkai2022",
    "gongshu2018",
    "guandu2016",
    "guangdong2010",
    "guangdong2021",
    "guangdong2022",
    "guangdong2023",
    "guangxi2020",
    "guangzhou2007",
    "guangzhou2012",
    "guangzhou2019",
    "guangzhou2021",
    "guangzhou2023",
    "guangzhouhaiguan2021",
    "guichi2020",
    "gulou2024",
    "guoban2014",
    "guoban2016",
    "guobangongkai2016",
    "guofa2018",
    "guofa2020",
    "gzjtj2022",
    "haiguan2021",
    "haishu2023",
    "haiyan2022",
    "hangzhou2015",
    "hangzhou2021",
    "hangzhougongkai2021",
    "hanyang2019",
    "hbb2017",
    "hechi2024",
    "hefei2018",
    "heilongjiang2009",
    "heilongjiang2013",
    "henan2023",
    "heping2022",
    "heze2023",
    "honggutan2022",
    "huaian2022",
    "huaibei2009",
    "huainan2006",
    "huainan2025",
    "huaiyuan2023",
    "huaiyuanybj2025",
    "huanggang2007",
    "huarong2021",
    "hubei2018",
    "hunan2016",
    "hunan2018",
    "hunanjiuye2018",
    "hunanzwfw2022",
    "huoshan2025",
    "huzhou2020",
    "hyitxinxigongkai2020",
    "jiangchengben",
    "jiangmen",
    "jiangmen2018",
    "jiangxi2016",
    "jiangxi2017",
    "jiangyan",
    "jiankangzhongguo2022",
    "jiankangzhongguo2023",
    "jiaoyuju2022",
    "jiaxing2023",
    "jiayu2021",
    "jieganjinshao",
    "jinan2019",
    "jinanlinyi2023",
    "jindong2024",
    "jingmen2021",
    "jingtai",
    "jingzhou2009",
    "jingzhou2022",
    "jingzhouchuangwen",
    "jinhua2018",
    "jinhua2023",
    "jining2015",
    "jinxiang2021",
    "jinxiang2025",
    "jinzhou2019",
    "jinzhouxian2020",
    "jishui",
    "jtb2015",
    "kaifeng2005",
    "kaifeng2022",
    "keqiao2023",
    "kexie2025",
    "kexuesuzhi2016",
    "kexuesuzhi2020",
    "lanzhou",
    "lanzhou2025",
    "laoxialu2024",
    "liandu2023",
    "lianyungang2011",
    "liaoning2012",
    "liaoning2015",
    "liaozhong2024",
    "linan2022",
    "linanshishi2022",
    "lingbi2021",
    "lishan2023",
    "lishui2023",
    "liuan2017",
    "liuan2021",
    "liupanshui",
    "liupanshuiscj2020",
    "lueyang2019",
    "luohu2022",
    "meishan2017",
    "meishan2017b",
    "mianyang2023",
    "miit2018",
    "muli2024",
    "mzb2021",
    "mzb2022",
    "nandan2018",
    "nanjing2021",
    "nanling2024",
    "neijiang",
    "neimenggu2013",
    "neimenggu2023",
    "neimenggu2024",
    "ningbo2006",
    "ningbo2007",
    "ningbo2014",
    "ningxia2010",
    "nongyebu2018",
    "pingdingshan2013",
    "pinghu2024",
    "pingli2015",
    "pinglidaqiao",
    "putuo2021",
    "puyang2015",
    "qiaocheng2025",
    "qingdao2019",
    "qingdao2023",
    "qingdao2023b",
    "qingtian2021",
    "qingzhou2023",
    "qinxian2025",
    "qiongzhong2020",
    "qiongzhong2021",
    "qiongzhong2022",
    "quanguorenda2017",
    "quzhou2021",
    "sanya",
    "shaanxi2015",
    "shaanxi2023",
    "shandong2022",
    "shandong2023",
    "shandong2024",
    "shandongczt2021",
    "shangcheng2019",
    "shanghai2017",
    "shanghai2024",
    "shanghaiscj2019",
    "shanghaizscq2021",
    "shanxi2008",
    "shanxi2017",
    "shaoguan2019",
    "shaoxing2020",
    "shaoxing2023",
    "shaoxing2024",
    "shapingba2021",
    "shejian2018",
    "shengfu",
    "shenggaige",
    "shenggaige2",
    "shengsi2023",
    "shenyang2021",
    "shenyang2022",
    "shenzhen",
    "shifenjie",
    "shijiazhuang",
    "shijingshan2019",
    "shipinanquan2025",
    "shiyan2008",
    "shiyan2023",
    "shiyiwu",
    "shuangpai2019",
    "sichuan2011",
    "sichuan2015",
    "sichuan2022",
    "sichuanxianyu2015",
    "sizhoutou2024",
    "sthjb2019",
    "sthjb2020",
    "suzhou2009",
    "suzhou2024",
    "suzhou2025",
    "taizhou2019",
    "tianjin2017",
    "tianjin2020",
    "tianjin2020b",
    "tianjin2021",
    "tianjinjiaoyu2010",
    "tiexi2019",
    "tonghua2015",
    "tongliang2025",
    "tongshan2022",
    "tongxiang2020",
    "tongxin2023",
    "tongzhou2021",
    "weihai2023",
    "wenqi2017",
    "wuchang2023",
    "wucheng2025",
    "wuhan2018",
    "wuhan2022",
    "wuhan2023",
    "wuhu2021",
    "wuhu2024",
    "wuhujy2025",
    "wujiang2024",
    "wuxi2011",
    "xialu2020",
    "xiamen2019",
    "xian2019",
    "xianan2023",
    "xianchengzhengzhi",
    "xiangcanzhuo2015",
    "xiangxi2020",
    "xianju",
    "xianyukaohe2021",
    "xiaoshan",
    "xicheng2017",
    "xicheng2022",
    "xining2017",
    "xinmi2021",
    "xinxiang2016",
    "xinyang2017",
    "xinyu",
    "xinzhan2022",
    "xiping2020",
    "xuchang2020",
    "xuhui",
    "xupu2018",
    "xuzhou2010",
    "xxzhenchuangwen2021",
    "yanan2018",
    "yancheng2009",
    "yangxian2024",
    "yantian2023",
    "yingkoursj2024",
    "yinzhou2024",
    "yiwushequ",
    "yongkang2008",
    "yueqing2022",
    "yueyang2019",
    "yuhang2018",
    "yuhuan2021",
    "yulin2011",
    "yuncheng2017",
    "yunnan2017",
    "yunnan2021",
    "yunnan2022",
    "yunyang2023",
    "yuzhong2023",
    "zhaoqing2020",
    "zhaoxian2023",
    "zhaoyuan2022",
    "zhejiang2014",
    "zhejiang2020",
    "zhejiangdaqi2020",
    "zhejianggongkai2020",
    "zhengzhou2007",
    "zhengzhou2012",
    "zhenhai2011",
    "zhenjiang",
    "zhongdian2022",
    "zhongshanybj2022",
    "zhoukou2013",
    "zhoushan2022",
    "zhuji2023",
    "zhuzhou",
    "ziranziyuan2024",
    "zongbaoqu2021",
)
# name → (units F1, (unit, role) F1) the parser reaches today: a floor, raised as it improves.
# The misses: pds2018's units are exact, but its row 3 title is the first sentence (`抓好工业节水`) where the
# answer takes 12 characters across it.
FLOORS = {
    # collection 7, as first seen (ce91547)
    # fujian2007: units exact; a run opened by its role clauses is titled by its text after them,
    # the answer's titles start at the clauses
    "fujian2007": (1.0, 1.0),
    # collections 4 to 6, as read now (see tests/data/real/README.md for each one's shape)
    # hunan2019: units exact; the title stops at 总体要求, the answer goes on past its colon
    "hunan2019": (1.0, 1.0),
    # foodsafety2022: tasks and units exact; run 1's title keeps the heading glued to it without a
    # full stop (`切实加强食品平安工作制定出台…`)
    "foodsafety2022": (1.0, 1.0),
    "pds2018": (1.0, 1.0),
    "yuanlin2010": (1.0, 1.0),  # units exact; titles come from 工作内容, the answer takes 标准
    # collection 8, as read now (first seen at f2ecfd8; see tests/data/real/README.md)
    "jtb2021": (1.0, 1.0),  # units exact; a title cut at the copy's end keeps no trailing 、
    # `哈尔滨、黑河、绥芬河市政府`: the first two names are refused (no unit ending), not completed
    "heilongjiang": (0.9, 0.9),
    # 1/3: a header of six cells over rows of eight and of three cells is read in part
    "zhaohua2017": (0.5, 0.5),
    # collection 9, as read now (first seen at 4c4a306 and b7813bd)
    # units exact; the masked name `***` of a section's 总负责 line is kept as a person
    "weisheng": (1.0, 1.0),
    # units exact; a garbled heading leaves one title empty
    "guangdong2013": (1.0, 1.0),
    # a two-row header over nested group cells (序号 一…四, projects, works): its rows are read
    # from the numbered cells as the outline's items (11/11), their rowspanned lead cells are not
    "xinjian2024": (0.0, 0.0),
    # collection 10, as read now (first seen at 17009aa)
    # units exact; a leader's name cut at the copy's end (`靳国`) is kept as a person
    "liaoning2024": (1.0, 1.0),
    # `责任单位:…,各区` ends the copy: `各区` is kept, the answer takes it for a cut `各区、县(市)政府`
    "shenyang2026": (0.94, 0.94),
    # 13/14: row 10 (no 单位 cell) is taken for part of row 9; row 14's cut target cell
    # `由市科技局统筹安排` is read as its unit cell
    "shengsi2021": (0.89, 0.89),
    # collection 11, as read now (first seen at f825b71)
    # collection 12, as read now (first seen at 32caefd and 11c09ec)
    "jiangsu2007": (1.0, 1.0),  # units exact; a run's title keeps its paragraph's heading
    "nanjing2011": (1.0, 1.0),  # units exact; NFKC writes the title's `国ⅳ` as `国iv`
    # `各县区、开发园区` is read as two groups, the answer keeps one
    "maanshan2021": (0.4, 0.4),
    # 8/17: rows of indicator lines under row 4 are read as its text (the answer's reading is one
    # of two its gatherer offered)
    "qimen": (0.25, 0.25),
    # units exact; an inspection group of label lines alone (`第一组:组长单位(县政府办)`) is
    # titled by its marker `第一组`, the answer's title is its label line
    "hekou": (1.0, 1.0),
    # collection 13, as read now (first seen at ebab72c and edd2172)
    # units exact but one: `宣传处会办公室` (会 for 会同, its gatherer reads) is kept as one name
    "guangdongwjw2021": (0.88, 0.88),
    # a unit list cut at the copy's end keeps its last group `各县(市、区)`; a title keeps its
    # heading `主要预期指标`
    "taizhou2018": (0.97, 0.97),
    # a site's summary with its markers glued to the text (`秩序1.开展…整治(2)创建目标:`)
    "weijian": (0.33, 0.33),
    # collection 14, as read now (first seen at 5c29e11)
    "shengtaishi": (1.0, 1.0),
    # collection 15, as read now (first seen at dd24e21 and 6b5edb4)
    # units exact; a category cell standing in the task column before the task's text
    # (`联动共建科学城`, the row cut before its units) is read into the title
    "shapingba2022": (1.0, 1.0),
    # collection 16, as read now (first seen at 688ca4b and 69bf3cc)
    # units exact; 6/5: an unnumbered item under an unnumbered group line (`整改未落实的点位`) is
    # read as a run of the item above
    "chuangwen2022": (1.0, 1.0),
    # 17/22: the answer makes each `一、属住建局职责范围:` section a task holding its unit and
    # leaves its items without one; the parser reads the phrase as no annotation
    "lianjiang2014": (0.0, 0.0),
    # units exact; a photo caption `图①:` numbers its item `①` (the answer: `1`, title `① …`)
    "jianhu2020": (1.0, 1.0),
    # collection 17, as read now (first seen at 08a4302 and 5010192)
    # units exact; the last note is cut before its role word (`(市建委、`): the parser reads it as a
    # bare list (responsible), the answer as lead like the notes before it
    "tianjin2006": (1.0, 0.87),
    # units exact; row 8, missing its ranking cell, takes its category cell (`*教育助学`) for its
    # title
    "wencheng2024": (1.0, 1.0),
    # collection 18, as read now (first seen at 681ee1d)
    # units exact; 2/3: the answer numbers each unmarked target line, the parser reads them as runs
    # of the heading's paragraph and the last line, cut before its note, as its text
    "changchun2012": (1.0, 1.0),
    # units exact; 28/29: a row a merged cell leaves without its unit cell is read into the row above
    "changshaliuzhong2021": (1.0, 1.0),
    # `各开发区、镇(街道)`, `各县(市)区人民政府、开发(度假)区管委会`: read as two groups each, the
    # answers keep one (one 各 over both kinds); other answers split such lists (huaian2022,
    # lishui2023, jingzhou2022), so the parser keeps splitting them
    "haicheng2023": (0.57, 0.57),
    "kunming2021": (0.85, 0.85),
    # units exact; 3/4: the copy opens mid-list at `(2)` under a `1` it lost, read as preamble
    "xiazhangquan2011": (1.0, 1.0),
    # `派出所工商质监所` (no separator) is kept as one name; the answer splits it
    "xuzhuang2017": (0.92, 0.92),
    # units exact; a paragraph opening with its body (`区住建局负责全区…`) is titled after it, the
    # answer's titles start with the body
    "cunzhuangzhengzhi": (1.0, 1.0),
    # units exact; row 1 takes the group cell merged over three rows (`推进政策公开`) for its title
    "qiaochengzhen": (1.0, 1.0),
    # collection 19, as read now (first seen at 48c91ec and ca05ff4)
    # 4/7: rows after a row whose unit cells a merge left out are not read
    "gzswj2021": (0.71, 0.71),
    # rows without their unit cell (merged with the row above, the answer reads) name no unit
    "taishan2021": (0.84, 0.84),
    # units exact; items whose markers the copy garbled are read as runs of the item before
    "guangzhou2006": (1.0, 1.0),
    # units exact; items numbered from the city plan (28, 34, 35 …) jump past what the outline
    # takes for an item: 34 is read as a run of 28
    "linyi2020": (1.0, 1.0),
    # units exact; a `(n)` heading line's title differs from the answer's (its paragraph's first words)
    "shandong2015": (1.0, 1.0),
    # units exact; one row's title is the end of the row above's text cell
    "zhoucun2021": (1.0, 1.0),
    # collection 20, as read now (first seen at ec124f1)
    # units exact; 1/2: one item's two annotated paragraphs are read as one task, the answer makes
    # its `1.控制用水总量。` a heading over two runs
    "jiamusi2018": (1.0, 1.0),
    # a flattened inspection table (cells split by spaces, `1、` problem lists inside a cell): not
    # read as a table; its `1、` lines are read as items, naming no units (17/8)
    "lucheng2013": (0.0, 0.0),
    # units exact; 3/4: the answer makes the first row's section cell `(一)` a task of its own
    "xianning2020": (1.0, 1.0),
    # units exact; `(二)`'s one paragraph, its note cut by the copy's end, is that heading's task;
    # the answer makes it a run `(二)-1` as `(一)`'s two paragraphs are
    "yongcheng2021": (1.0, 1.0),
    # collection 21, as read now (first seen at b6ef9c8 and c4ffb02)
    # units exact; 2/4: its sub-items `(1)(2)` without notes are read as item 5's text
    "shenzhen2011": (1.0, 1.0),
    # collection 22, as read now (first seen at 63eccc7)
    # units exact; both items' markers are garbled by a mis-decoding (`?。ㄒ唬┚o扣…`): read as runs
    # whose titles keep the garbled characters
    "shaoguan2023": (1.0, 1.0),
    # collection 23, as read now (first seen at 200f184 and e319a6e)
    # units exact; the person after a label the copy cut to `人:` is not read
    "haidong2020": (1.0, 1.0),
    # units exact; titles are read without the mirror's noise `@@` that the answer's keep
    "hubaoewu": (1.0, 1.0),
    # units exact; titles in simplified characters, the answer's in the copy's traditional ones
    "yinchuan2019": (1.0, 1.0),
    # 2/7: every digit of the copy is lost (markers `、`), and `由X考评` (who assesses) names no role
    "xiangzhenkaoping": (0.0, 0.0),
    # units exact; 6/8: two procedural sections are not tasks
    "zigong2006": (1.0, 1.0),
    # collection 24, as read now (first seen at 83e0f90)
    # units exact; 12/14: the leading group (people, no work) is read as a task, and one group's
    # duties numbered inline after `工作职责:` are not split
    "gaoguanzhen": (1.0, 1.0),
    # units exact; `(二)` cut after its heading sentence is titled by that sentence, the answer by
    # its cut run
    "hunan2014": (1.0, 1.0),
    # units exact; 5/6: the closing section `四、检查督导要求` (no unit) is not read as a task
    "lushi2021": (1.0, 1.0),
    # no units; 3/5: a glued label (`负责人:X成员:…`) runs one grid into the next, and a second
    # document's item `1.` after the first is not read
    "wanggefengong": (1.0, 1.0),
    # a table one cell a line with no header and no 序号: its cells are not read as units
    "guokeng": (0.0, 0.0),
    # the lead cells carry a copy's `? ? ?` and a unit named both lead and support in the answer
    "xueqianxi2025": (0.78, 0.51),
    # 5/8: masked names (`???镇政府`) and a report's items; `以争取资金、政府和信用社三方负责` not read
    "zhenzhangbangonghui": (0.6, 0.6),
    # collection 25, as read now (first seen at d8e9cad and c76c94f)
    # `人民大垸、荒湖管理区` (a shared suffix): `人民大垸` is no unit's name and is left out
    "jianli2022": (0.91, 0.91),
    # copies damaged by the way they were made (see tests/data/real/README.md):
    # `(附件DO责任单位:…` OCR noise glued to the label; the scope items are read as tasks
    "chengguan2023": (0.0, 0.0),
    # units exact; the leader a section heading names above the table (`二、李丹常委、常务副区长牵头
    # 重点工作`) is not given to the table's rows
    "longwan2023": (1.0, 1.0),
    # a page starting mid-list; `各镇、街道、莘庄工业区。负责…`: `各镇、街道` is read as one group
    # (as `各街道、镇` is), the answer splits it
    "minhang2012": (0.76, 0.76),
    # collection 26, as read now (first seen at c942baf)
    # units exact; cadres named by post as subjects (`各包村干部、村干部,负责…`) are not read as
    # persons
    "gaozhuang2021": (1.0, 1.0),
    # collection 27, as read now (first seen at ddb5432)
    # meeting decisions in prose (`由X牵头,由Y…参加`, a unit as the subject of `要…`) are not read
    "huanjingjiyao": (0.14, 0.14),
    # 7/12: the article flattened onto one line glues findings to the deadline before them
    # (`…8月13日前1.B3-03住户…`, `…前操作间存在鼠粪`), so five findings are not items
    "maguan2021": (0.5, 0.5),
    # a company as the responsible body (`华晨汽车固原昌隆4S店`) is refused for its figure
    "yuanzhou": (0.88, 0.88),
    # units exact; a section heading holding only its label (`一、责任单位:综合执法局`) has no title,
    # the answer's is the label line
    "zhongmu2016": (1.0, 1.0),
    # a copy whose one note is cut before its role word (`(市政府辦公室、市`): read as a bare list, the
    # answer (as heze's) records no unit for a note cut before its role
    "xianyang2022": (0.88, 0.88),
    # a site's summary that dropped most item markers: its four notes after (一) are read with the
    # one item left, (五)'s note with (一) too
    "putian2022": (0.95, 0.95),
    # collection 28, as read now (first seen at 38b1014)
    # units exact; `省旅游发展委协调推动` beside `各州、市人民政府负责`: a coordinating verb makes the
    # unit responsible (as 统筹, 指导 do), the answer reads support
    "yunnan2018": (1.0, 0.29),
    # collection 29, as read now (first seen at 69dbd79 and a9226b5)
    # bodies only as the subjects of prose sentences (`镇派出所强化执法力度…`, `联合交通部门检查…`)
    # and `各村(居)委会及网格员` (people after 及) are not read
    "junping2025": (0.0, 0.0),
    # 3/6: a notice whose inline runs `1.自查。各牵头单位…进行逐项自查` name their bodies only as
    # the subjects of prose sentences
    "ningzhengfa2008": (0.0, 0.0),
    # units exact; the person `@市城管局 何凡` (a chat's mention closing the page) is not read
    "wuhubaoguang": (1.0, 1.0),
    # units exact; the masked person `镇宣传委员x` inside a measure is not read
    "xunchazhenggai": (1.0, 1.0),
    # units exact; 3/2: a heading cut by the copy's end (`(二)…`) is counted as a task
    "xianyang2022b": (1.0, 1.0),
    # collection 30, as read now (first seen at d2f6671)
    # a note glued to the text without a stop or a bracket (`…办事条件等信息审批处牵头,各有关处室、
    # 民服中心配合`) is not read
    "liaoningmzt2020": (0.89, 0.89),
    # `政策牵头起草部门负责…` (a group named with 牵头 inside) and `办公室督促落实` are not read
    "zhishichanquan2019": (0.5, 0.5),
    # collection 31, as read now (first seen at 341c4da and e6b276e)
    # `各区县(市)政府、开发园区管委会`: read as two groups, the answer keeps one (as haicheng2023's);
    # other answers split such lists
    "ningbo2019": (0.6, 0.6),
    "ningbo2025": (0.77, 0.77),
    # a table whose cells are glued without separators (`1确保…96.5%。市发改委`): its glued rows'
    # numbered steps are read as items (3/2), no unit
    "shaoxing2021": (0.0, 0.0),
    # 14/16: two `(一)主要目标任务` headings with a target sentence are headings here, and a unit
    # line after a run of items (`市发改委(代建办)`) goes to the last item only
    "xuchang2011": (0.95, 0.95),
    # units exact; `省政府分管领导同志` is kept without its 同志
    "liaoning2023": (1.0, 1.0),
    # 2/3: a table one cell a line without a unit column, its units in the heading above it
    # (`一、各区、县(市)政府、市政府各部门负责落实的工作任务`), is not read as a table
    "shenyang2017": (0.5, 0.5),
    # collection 32, as read now (first seen at cc99c6d)
    # 12/4: a consultation plan whose topics' numbered parts (协商形式, 时间安排, 组织实施) the answer
    # reads as the topic's attributes, the parser as its tasks
    "nanhuzx2017": (0.0, 0.0),
    # 7/3: a table one cell a line whose rows hold numbered criteria; its 责任科室 cells are not read
    "qinglianjiguan": (0.0, 0.0),
    # units exact; 4/5: two items under `主要内容:` with no note are read as one
    "weihaizx2023": (1.0, 1.0),
    # 19/18: a `|` table with a two-row header and merged rows; the category row that lost its 序号
    # is read as a row
    "beidaxinxigongkai": (0.85, 0.85),
    # a library's plan in prose (`由龙松小组负责`, staff named with 同志) is not read
    "jingzhoutushuguan2017": (0.0, 0.0),
    # 8/4: a report's problems and measures both numbered `1、…4、` on one line; `学校要求总务处组织…`
    # (a body inside the measure's sentence) is not read
    "shangzhou2018": (0.0, 0.0),
    # units exact; 6/5: the last heading cut by the copy's end is counted as a task
    "xianxuexiao2012": (1.0, 1.0),
    # a unit cell holding two names glued (`党委组织部人事处`, read as one) and rows merged from above
    "xinxiangxuexiao": (0.8, 0.8),
    # section headings with their own note (`(责任部门:教导处、校长室)`) are read as tasks, as the
    # issue asks; the answer gives the note to the items under them
    "xuexiaoanquan": (0.47, 0.47),
    # collection 33, as read now (first seen at b386001 and 7ed76a8)
    # units exact; duties given to people by their roles in prose (`包片党政领导负责…`) are not read
    # as persons
    "changzhuyuan2021": (1.0, 1.0),
    # 2/6: a whole plan on one line, its labels glued (`牵头领导:阮斌副局长责任部门:建工科`)
    "jianshechuangwen": (0.54, 0.54),
    # units exact; a PDF viewer's page starting inside an item: that item's title drops the `;`
    # the answer's title keeps (`6条河流治理`)
    "baoan2017": (1.0, 1.0),
    # units exact; a table without 序号 whose 目标/任务 cells stand once over five rows: the first
    # row's title is its 目标 cell
    "weifang2017": (1.0, 1.0),
    # units exact; 5/6: the last item, a heading line followed only by the site's `(未完,全文共2014字,
    # 当前显示627字)`, is not counted
    "yixian2007": (1.0, 1.0),
    # 6/10: a company's rules numbered `3 职责 3.1 …` (3.1 glued to its part's heading line, not
    # read) over duties whose subjects are posts and departments ending in 部 (not read as bodies),
    # and a table flattened onto one line (not read)
    "jituanjihua": (0.0, 0.0),
    # collection 34, as read now (first seen at 627dde4 and bce2ce3)
    # units exact; a body named before its colon (`(一)农业部门:要采取…`) is read apart from the
    # task's title, the answer's titles start with it
    "jinshaozhen": (1.0, 1.0),
    # collection 35, as read now (first seen at 9384054 and 94b9b7c)
    # units exact; the title is the 抽查事项 cell (the work), the answer's the 抽查领域 cell
    "choucha2025": (1.0, 1.0),
    # units exact; `县住房城乡建设局:负责…` paragraphs titled after the body's name and colon, the
    # answer's titles start with them
    "fangxun2022": (1.0, 1.0),
    # a leader by post in prose (`X担任组长`) and a body's duties under a
    # glued heading (`工作职责 省防总在…负责`) are not read
    "guangdongsanfang": (0.6, 0.6),
    # a measure's second point closing with a comma (`(2)由包片单位县幼儿园负责…,更换…`) is not read
    "pingli2015b": (0.94, 0.94),
    # units exact; 13/14: a decimal section cut by the copy's end (`2.4 抗旱应急工作组 为确保`), one
    # decimal alone, is text of the last item
    "shanxikanghan": (1.0, 1.0),
    # 3/4: a section of common duties (`一、共同职责` and its text) beside a section of items is
    # read as a heading; the items' titles start after the body's name and colon
    "zhejiangfangzhi2019": (0.0, 0.0),
    # collection 36, as read now (first seen at e77cc24 and c425a64)
    # 1/5: a report's text wrapped every ~34 characters, its runs `关于X。县水务局牵头负责…` inside
    # one paragraph, are not cut into tasks
    "huanbaoducha": (0.0, 0.0),
    # a township's measures name the body only as the object of 安排 (`安排蓝山社区对…进行核查`)
    "wangyuan": (0.0, 0.0),
    # collection 37, as read now (first seen at 07e85c7 and d656f88)
    # units exact; item (一)'s title is its heading sentence, the answer's the sentence after it
    "fujian2011": (1.0, 1.0),
    # a name masked by the site (`xx广播电视台负责`) is not read
    "fushunchuangwen": (0.94, 0.94),
    # 4/7: a State Council plan's items whose roles stand in label sub-items (`(2)责任主体。X是责任
    # 主体。`), the copy starting inside a list
    "guofa2008": (0.0, 0.0),
    # the closing `以上工作由…牵头,会同省财政厅、公安` is cut by the copy's end: its support not read
    "jiaoyuminsheng2011": (0.8, 0.8),
    # 3/4: an item whose roles are spread over four prose clauses (`校内整治由学校负责`, `以…为主`,
    # `…以土地办负责`) is read in part
    "zhoubianzhian2012": (0.72, 0.54),
    # collection 38, as read now (first seen at d6fb57a and 969d055)
    # `各县<市、区>人民政府` is stored with round brackets, the answer keeps the angle ones; item
    # (二), cut before its note, names its units only in prose (`市教育局会同编制、…等单位`)
    "yunfu2019": (0.66, 0.66),
    # 5/9: a wide target table one cell a line, seven region columns and nested group cells
    "bazhong2014": (0.51, 0.51),
    # collection 39, as read now (first seen at 4f31e8a and 7afec3a)
    # units exact; a leader named by post before the name (`由区委常委徐贻功包保`) is not a person
    "dongxihu2020": (1.0, 1.0),
    # 5/6: a province's policy whose roles are prose (`具体…方案由省发展改革委牵头制订`), the copy
    # starting at `(三)`
    "guangdongyuanqu": (0.0, 0.0),
    # collection 40, as read now (first seen at 3a5bd5d and b2052d4)
    # units exact; 7/10: a ministry plan's eligibility criteria `(1)`…`(3)` are folded into their
    # item (sub-points of a task), the answer counts them as tasks
    "yibaomulu2020": (1.0, 1.0),
    # `会同财政部对申报的项目进行审核` inside a duty's sentence is not read as support
    "zhuanxiangzijin": (0.8, 0.8),
}
# Names the parser stores that the answer does not have, known and explained in FLOORS.
KNOWN_EXTRA_UNITS = {
    "yunfu2019": ["各县(市、区)人民政府"],
    "haicheng2023": ["各开发区", "镇(街道)"],
    "kunming2021": ["各县(市)区人民政府", "开发(度假)区管委会"],
    "xuzhuang2017": ["派出所工商质监所"],
    "shenyang2026": ["各区"],
    "shengsi2021": ["市科技局"],
    "maanshan2021": ["各县区", "开发园区"],
    "minhang2012": ["各镇、街道"],
    "ningbo2019": ["各区县(市)政府", "开发园区管委会"],
    "ningbo2025": ["各区(县、市)政府", "开发园区管委会"],
    "nanhuzx2017": ["区级有关部门(单位)", "镇、街道联络室"],
    "guangdongwjw2021": ["宣传处会办公室"],
    "taizhou2018": ["各县(市、区)"],
}
# Copies read to no item, refused with one clear error rather than read into invented cells: tables
# whose cells are glued without any separator (a viewer's copy of a .docx, a flattened page), and
# texts with no numbering the parser can find.
# Documents held to floors whose task count is off today (their comments in FLOORS say why): the
# count each gives now. Every other document held to a floor has the answer's task count.
COUNTS_OFF = {
    "yibaomulu2020": 7,
    "guangdongyuanqu": 5,
    "bazhong2014": 5,
    "guofa2008": 4,
    "zhoubianzhian2012": 3,
    "huanbaoducha": 1,
    "shanxikanghan": 13,
    "zhejiangfangzhi2019": 3,
    "jituanjihua": 6,
    "jiamusi2018": 1,
    "lucheng2013": 17,
    "xianning2020": 3,
    "gzswj2021": 4,
    "changchun2012": 2,
    "changshaliuzhong2021": 28,
    "xiazhangquan2011": 3,
    "chuangwen2022": 6,
    "lianjiang2014": 17,
    "qimen": 8,
    "shengsi2021": 13,
    "shenzhen2011": 2,
    "weijian": 1,
    "zhaohua2017": 1,
    "xiangzhenkaoping": 2,
    "zigong2006": 6,
    "gaoguanzhen": 12,
    "lushi2021": 5,
    "wanggefengong": 3,
    "guokeng": 2,
    "zhenzhangbangonghui": 5,
    "chengguan2023": 4,
    "minhang2012": 7,
    "maguan2021": 7,
    "putian2022": 1,
    "ningzhengfa2008": 3,
    "xianyang2022b": 3,
    "shaoxing2021": 3,
    "xuchang2011": 14,
    "shenyang2017": 2,
    "nanhuzx2017": 12,
    "qinglianjiguan": 7,
    "weihaizx2023": 4,
    "beidaxinxigongkai": 19,
    "jingzhoutushuguan2017": 3,
    "shangzhou2018": 8,
    "xianxuexiao2012": 6,
    "jianshechuangwen": 2,
    "yixian2007": 5,
}
REFUSED = (
    "fenguanlingdao",  # a box-drawn table whose columns rowspan at different rows
    "jiaoyuhuimin2020",
    "jiaxing2006",
    "longquanyi2009",
    "zhonglou2021",
    "jingyang2016",  # an assessment table one cell a line whose unit cells are glued (`区发改局区统计局`)
    "guangan2014",  # a news post whose one assignment is `承办单位为:X(主办)、A、B(会办)` in prose
    "wanjiang2010",  # a `| ` table naming no unit (its only body column is 数据来源): nothing to read
    "hezhangzhi2019",  # a viewer's page marker inside the note and a marker printed twice (`1 1 `)
    "shuiliju2008",  # paragraphs opening with months (`7月,`), no numbering, no units
    "shanghai2021",  # a leaders' division of work: name lines over `负责…`/`分管…` lines, no numbers
    "guobangansu2010",  # a news retelling: paragraphs whose subjects `X、Y将负责…`, no numbers
    "qingyang2023",  # a table flattened one row a line, its cells apart by single spaces
    "jieganzhen",  # `一是…五是` items in a forum copy with pinyin glosses and anti-copy noise
    "lintouzhen2021",  # unnumbered projects each naming its body inside (`由X负责的…`)
    "weiminbanshi2008",  # a table flattened with single spaces, leaders, departments and persons
    "meishan2019",  # a transposed table: regions as rows, the tasks as columns under a 5-row header
    "cangnan2023",  # a mirror whose pinyin glosses ate characters of the header (`项目?nèi)容`)
)
ROLES = ("lead", "support", "responsible")


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    doc = parse_text((REAL / f"{name}.txt").read_text(encoding="utf-8"), source=f"{name}.txt")
    return spec["tasks"], doc.tasks


@pytest.mark.parametrize("name", EXACT)
def test_read_exactly(name: str) -> None:
    expected, tasks = _load(name)
    assert len(tasks) == len(expected)
    for want, task in zip(expected, tasks, strict=True):
        # a title ends before its sentence's full stop; the answer's first characters may hold it
        # (spaces a PDF put in the answer's title are not compared)
        title = want["title"].split("。")[0].replace(" ", "")[:8]
        assert task.title.replace(" ", "").startswith(title), (task.number, task.title)
        got = {role: sorted(getattr(task, role)) for role in ROLES}
        assert got == {role: sorted(want[role]) for role in ROLES}, task.number
        assert task.persons == want["persons"], task.number


@pytest.mark.parametrize("name", REFUSED)
def test_glued_tables_are_refused(name: str) -> None:
    from taskctl.errors import InputError

    with pytest.raises(InputError, match="no numbered items"):
        parse_text((REAL / f"{name}.txt").read_text(encoding="utf-8"), source=f"{name}.txt")


@pytest.mark.parametrize("name", FLOORS)
def test_scores_hold_and_nothing_is_invented(name: str) -> None:
    from benchmarks.parser_score import score

    result = score(name)
    units_floor, roles_floor = FLOORS[name]
    assert result["units_f1"] >= units_floor
    assert result["roles_f1"] >= roles_floor
    assert result["invented"] == KNOWN_EXTRA_UNITS.get(name, [])
    assert result["parsed"] == COUNTS_OFF.get(name, result["expected"])


def test_every_real_plan_is_checked() -> None:
    names = {path.stem for path in REAL.glob("*.json")}
    assert names == set(EXACT) | set(FLOORS) | set(REFUSED)
    assert set(COUNTS_OFF) <= set(FLOORS)
