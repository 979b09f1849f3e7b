"""Every vocabulary taskctl reads documents and user input with, in one place.

Each vocabulary is a plain constant: adding a synonym is a one-line change. Text is matched after repair
(Unicode NFKC), so write half-width punctuation here: `(` `)` `:` `,` `;` — never `（` `：`.
"""

from __future__ import annotations

import re

# --- Responsibility annotations -------------------------------------------------------------------

# Roles an annotation can give a unit (or a person).
LEAD = "lead"
SUPPORT = "support"
RESPONSIBLE = "responsible"
PERSONS = "persons"
# A role that depends on the rest of the annotation: support when a lead is named, else responsible.
SHARED = "shared"
# Not a unit role: the value of a deadline label (`完成时限:2024年6月底前`) is the task's deadline phrase.
DEADLINE = "deadline"

# Labels (followed by ':' in the text) of a unit role are composed: a role word and a holder word
# (`牵头` + `单位` → 牵头单位, `协同` + `部门` → 协同部门, `实施` + `主体` → 实施主体), so that every
# pairing a department writes is known. Seen: provincial plans (牵头单位/配合单位), city and county
# plans (责任单位, 主责部门/协同部门, 主办单位/协办单位, 包保单位), bureaus' own plans (牵头处室, 责任科室),
# 民生实事 tables (实施主体, 责任主体单位), a county bureau's target table (责任股室(单位): its 股),
# inspection groups (组长单位 heads a group, 副组长单位 seconds it).
LABEL_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    LEAD: (
        "牵头", "主办", "主责", "牵头责任", "牵头负责", "主要责任", "主责任", "主要负责", "牵头主办",
        "组长",
        # the lead named by what it does first (`牵头实施单位`, `牵头落实部门`), or as the one who
        # drives the work (`主抓单位`, a county's 重点工作 list), or starts it (`发起部门` beside
        # `配合部门`, a city's joint inspection list, 2025)
        "牵头实施", "牵头落实", "牵头推进", "主抓", "发起",
    ),
    SUPPORT: (
        "配合", "参加", "参与", "协作", "支持", "协办", "协同", "协助", "配合责任", "协同责任",
        "协作责任", "配合参与", "参与配合", "协同配合", "配合负责", "配合落实", "副组长",
        # the bodies whose figures a target is counted from (`数据提供单位:市统计局`, 成都 2019)
        "数据提供", "信息提供", "资料提供",
        # the departments a consultation is held with (`承办部门:市政协提案委` / `协商部门:…`, 威海
        # 2023)
        "协商",
    ),
    RESPONSIBLE: (
        "责任", "负责", "承办", "实施", "承担", "落实", "执行", "具体责任", "共同责任", "具体负责",
        "具体实施", "具体承办", "具体落实", "责任主体", "主体责任", "工作责任", "任务责任", "推进",
        "完成",
        # the body in charge of the field (`主管部门:市林业局`), the one a task is assigned to
        # (`包保单位`, `包联单位`, `挂点单位`: county and township plans), its 职能部门
        "主管", "包保", "包联", "挂点", "挂联", "职能",
        # the body a patch of the town is given to (`由包片单位县幼儿园负责…`, a county's 创建 bulletin)
        "包片",
        # a working group's members (`(一)监督工作组` / `组 长:X` / `成员单位:纪委办、组织办`)
        "成员",
    ),
}  # fmt: skip
LABEL_HOLDER_WORDS: tuple[str, ...] = (
    "单位", "部门", "处室", "科室", "处", "科", "机构", "主体", "科室单位", "处室单位", "部门单位",
    "单位部门", "主体单位", "主体部门", "股室",
    # a ministry's departments (`牵头负责司局`, 工业和信息化部's indicator table, 2018), a province's
    # or a city's (`责任厅局`, `牵头委办局`)
    "司局", "厅局", "委办局", "局办",
    # a county's or a district's own offices (`责任股室`, `责任站所`, `责任局室`)
    "站所", "局室", "科股",
    # a company's or a group's departments (`牵头部室`, `配合部室`), a task force (`责任专班`)
    "部室", "专班",
)  # fmt: skip
# The holder named again in brackets before the colon (`责任科室(单位):`, `牵头处(室):`, `责任单位(人):`):
# the label is read without the bracket.
BRACKETED_HOLDER_WORDS: tuple[str, ...] = (
    "单位", "部门", "处室", "科室", "室", "股", "股室", "所", "站所", "人", "个人", "责任人",
)  # fmt: skip
# A level before a label (`市级牵头单位:`, `县级责任部门:`) changes nothing of its role; written
# without 级 too (`省牵头单位:省农业农村厅`, a city table of provincial tasks naming the province's lead).
LABEL_LEVELS: tuple[str, ...] = (
    "省级", "市级", "县级", "区级", "乡级", "镇级", "州级", "盟级", "省", "市", "县", "区",
    # a bureau's table of the city's units beside its own (`市里落实单位` | `局内负责处室`)
    "市里", "县里", "区里", "局内", "局里", "厅内", "委内",
)  # fmt: skip
# What a label may name its work by before it (`问题整改责任单位:`, `项目责任单位:`, `整改责任人:`, an
# inspection's rectification list, 2021): it changes nothing of the label's role.
LABEL_TOPICS: tuple[str, ...] = (
    "问题整改",
    "整改",
    "问题",
    "项目",
    "工作",
    "任务",
    "督办",
    "创建",
    "事项",
)
# A degree before a composed label (`主要协作单位:`, a county bureau's 政府工作报告 division, 2021)
# changes nothing of its role (`主要责任单位` is a lead word of its own, above).
LABEL_DEGREES: tuple[str, ...] = ("主要", "次要", "其他", "其它")
# Role words written alone as a label (`牵头:市发改委;配合:市财政局`).
BARE_ROLE_LABELS: dict[str, str] = {
    "牵头": LEAD, "主办": LEAD, "主责": LEAD,
    "配合": SUPPORT, "协办": SUPPORT, "协同": SUPPORT, "参与": SUPPORT,
}  # fmt: skip

_COMPOSED_LABELS: dict[str, str] = {
    role_word + holder: role
    for role, role_words in LABEL_ROLE_WORDS.items()
    for role_word in role_words
    for holder in LABEL_HOLDER_WORDS
}
# Label (followed by ':' in the text) → role: the composed unit labels, then the others.
ANNOTATION_LABELS: dict[str, str] = {
    **_COMPOSED_LABELS,
    **BARE_ROLE_LABELS,
    # `部门分工:省发展改革委牵头,各地、各部门配合。`: role verbs in the value give the roles
    "部门分工": RESPONSIBLE,
    # the townships a county's task falls to (`责任乡镇:`, `责任街道:`); not composed, so that a
    # township's bare name stays a name
    "责任乡镇": RESPONSIBLE,
    "责任街道": RESPONSIBLE,
    "责任镇街": RESPONSIBLE,
    # the places' governments a task falls to (`责任地区:各区市县政府、先导区管委会`, 大连 2025);
    # not composed: `负责区域:府学后街…` (a grid's streets) names places, no bodies
    "责任地区": RESPONSIBLE,
    "责任分工": RESPONSIBLE,
    "牵头领导": PERSONS,
    "牵头负责领导": PERSONS,
    # a working group's leaders (`组 长:曾丽洁`)
    "组长": PERSONS,
    "副组长": PERSONS,
    "分管省领导": PERSONS,
    "分管市领导": PERSONS,
    "分管县领导": PERSONS,
    "分管区领导": PERSONS,
    "牵头省领导": PERSONS,
    "牵头市领导": PERSONS,
    "牵头县领导": PERSONS,
    "牵头区领导": PERSONS,
    "责任领导": PERSONS,
    "分管领导": PERSONS,
    "负责领导": PERSONS,
    "责任人": PERSONS,
    "负责人": PERSONS,
    "联系人": PERSONS,
    "联系领导": PERSONS,
    "联系市领导": PERSONS,
    "联系县领导": PERSONS,
    "分管副市长": PERSONS,
    "分管副县长": PERSONS,
    "分管副区长": PERSONS,
    "督办领导": PERSONS,
    "包保领导": PERSONS,
    "挂帅领导": PERSONS,
    "包联领导": PERSONS,
    "包抓领导": PERSONS,
    "包案领导": PERSONS,
    "挂点领导": PERSONS,
    "挂钩领导": PERSONS,
    "督导领导": PERSONS,
    "协管领导": PERSONS,
    "配合领导": PERSONS,
    "分管负责人": PERSONS,
    # a city's 实事 list (`主管领导:刘东`, `主要责任人:毛杰`, 郑州 2012)
    "主管领导": PERSONS,
    "主要责任人": PERSONS,
    "任务责任人": PERSONS,
    "主要负责人": PERSONS,
    "责任领导人": PERSONS,
    "领衔领导": PERSONS,
    "责任市领导": PERSONS,
    "责任县领导": PERSONS,
    "责任区领导": PERSONS,
    "牵头负责人": PERSONS,
    "项目责任人": PERSONS,
    "具体责任人": PERSONS,
    "直接责任人": PERSONS,
    "第一责任人": PERSONS,
    "完成时限": DEADLINE,
    "完成时间": DEADLINE,
    "完成期限": DEADLINE,
    "办结时限": DEADLINE,
    "时间节点": DEADLINE,
    "时限要求": DEADLINE,
    "时间要求": DEADLINE,
    "进度安排": DEADLINE,
    "办结时间": DEADLINE,
    "完成时限要求": DEADLINE,
    # rectification lists and exposure pages (`整改时限:8月13日前`, `【整改期限】立行立改`)
    "整改时限": DEADLINE,
    "整改期限": DEADLINE,
    "时限": DEADLINE,
    "期限": DEADLINE,
    "截止时间": DEADLINE,
    "完成日期": DEADLINE,
    "办结期限": DEADLINE,
}


def _alternation(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


def _first_characters(words: object) -> str:
    """A lookahead for the first characters of `words`: most positions of a text fail there, cheaply."""
    return "(?=[" + "".join(sorted({word[0] for word in words})) + "])"  # type: ignore[attr-defined]


# A composed unit label after its optional level: degree, role word, holder (`主要协作单位`).
_COMPOSED_CORE = (
    f"(?:{_alternation(LABEL_DEGREES)})?"
    f"(?:{_alternation({w for words in LABEL_ROLE_WORDS.values() for w in words})})"
    f"(?:{_alternation(LABEL_HOLDER_WORDS)})"
)
# A regular expression (no capture group) for every annotation label, levels included: written by
# its parts, not as one alternative per label, so that it stays small and compiles fast.
ANNOTATION_LABEL_PATTERN = (
    _first_characters((*LABEL_TOPICS, *LABEL_LEVELS, *LABEL_DEGREES, *ANNOTATION_LABELS))
    + f"(?:{_alternation(LABEL_TOPICS)})?"
    + f"(?:{_alternation(LABEL_LEVELS)})?"
    + f"(?:{_COMPOSED_CORE}|{_alternation(set(ANNOTATION_LABELS) - set(_COMPOSED_LABELS))})"
)
# The composed unit labels alone (`主责部门`, `市级协同单位`): words that name a table's unit column.
COMPOSED_LABEL_PATTERN = (
    _first_characters((*LABEL_TOPICS, *LABEL_LEVELS, *LABEL_DEGREES, *_COMPOSED_LABELS))
    + f"(?:{_alternation(LABEL_TOPICS)})?"
    + f"(?:{_alternation(LABEL_LEVELS)})?"
    + _COMPOSED_CORE
)


def label_role(label: str) -> str | None:
    """The role an annotation label gives (`市级牵头单位` → lead, `问题整改责任单位` → responsible),
    or None for another label."""
    role = _label_role(label)
    if role is None and label.startswith(LABEL_TOPICS):
        for topic in LABEL_TOPICS:
            if label.startswith(topic) and len(label) > len(topic) + 1:
                role = _label_role(label[len(topic) :])  # the label after the work it names
                if role is not None:
                    break
    return role


def _label_role(label: str) -> str | None:
    """`label_role` of a label without a topic."""
    role = ANNOTATION_LABELS.get(label)
    for level in LABEL_LEVELS:
        if role is not None:
            break
        if label.startswith(level):
            role = ANNOTATION_LABELS.get(label[len(level) :])
    for degree in LABEL_DEGREES:
        if role is not None:
            break
        if label.startswith(degree):  # `主要协作单位`: a composed label after its degree
            role = _COMPOSED_LABELS.get(label[len(degree) :])
    return role


# A note after a unit in a list that makes it the lead: `责任单位:市发展改革委(牵头)、市财政局`.
LEAD_UNIT_NOTES: tuple[str, ...] = (
    "(牵头)", "(牵头单位)", "(主责)", "[牵头]", "【牵头】", "(牵头部门)", "(主办)", "〔牵头〕", "〈牵头〉",
    "牵头",
)  # fmt: skip
# A mark before a unit in a list that makes it the lead: `▲发改局,各部门,各镇乡(街道)` (a city's
# 责任清单 table, 2023: `带▲的为牵头单位`; `*` in a district's Word table, 2023). The mark is never part
# of the name.
LEAD_UNIT_MARKS = "▲△★☆●◆※*"

# Common family names (the hundred most frequent, 2020 census): a bracket after a unit that starts
# with one and holds two to four characters names the unit's responsible person (`市住建局(张三)`,
# in `责任单位及责任人` columns and labels), not part of the unit's name.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝"
)

# --- Document conventions -------------------------------------------------------------------------
# Sentences that state, once, how the document's unit lists are to be read. Each is a regular
# expression matched against repaired text; the rule applies to the whole document when it sits in
# the preamble or a closing note, and from its task on when it says 下同 (`列第一位的为牵头单位,下同`).

# The first unit of each list leads, the others support. Seen: 国办 division plans
# (`列第一位者为牵头单位`), provincial plans (`排在首位的部门为牵头部门`), county plans
# (`首位单位为牵头单位,下同`), city plans (`第一个单位为牵头单位,其他为配合单位`).
FIRST_LISTED_LEADS_PATTERNS: tuple[str, ...] = (
    r"(?:列|排|位|放)(?:在|于)?(?:第一位|首位|第一|最前面?|前面)(?:的|者)?(?:单位|部门|处室)?"
    r"(?:为|是)(?:工作|任务)?(?:牵头|主办|主责)(?:单位|部门|处室)?"
    # 湖州 plans: `列第一位者为工作牵头单位或汇总单位`; 天津 2010: `列在首位的为牵头部门或单位`
    r"(?:或(?:汇总|召集|主办)?(?:单位|部门))?",
    r"(?:第一|首个|首位|第1)(?:个|家)?(?:责任)?(?:单位|部门|处室)(?:为|是)(?:牵头|主办|主责)"
    r"(?:单位|部门|处室)?",
    r"(?:排名|排序)(?:第一位?|首位|在前)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)?",
    # 黄冈 2007: `一项任务涉及多个部门的,原则上由排名首位的部门牵头负责`
    r"由(?:排名|排序|排在|列在|列)(?:第一位?|首位|最前)(?:的|者)?(?:单位|部门|处室)(?:牵头|主办)",
)
FIRST_LISTED_LEADS_PATTERN = "|".join(f"(?:{pattern})" for pattern in FIRST_LISTED_LEADS_PATTERNS)
# What may follow such a rule in the same clause: `,其他为配合单位`, `,其余为责任单位`,
# `,有关部门和单位按照职责分工负责`.
RULE_TAIL_PATTERN = (
    r"(?:[,;]?(?:其他|其余|其它|余下|有关|相关)(?:的)?(?:单位|部门)?(?:和|及|、)?(?:单位|部门)?"
    r"(?:为|是|按职责分工|按照职责分工|按职责)(?:配合|协办|责任|参与|负责)(?:单位|部门)?)?"
)
# Words that extend a rule to everything after it: `下同` (the same below).
RULE_SCOPE_WORDS: tuple[str, ...] = ("以下同", "下同", "后同", "以下均同")
# A clause of an annotation opening with one of these is a note about the document, not units:
# `(…;广东省各地级以上市人民政府落实,以下各项工作均需市人民政府落实,不再列出。以下分工中,广东省、
# 农业农村部分别简称省、部)` (a joint ministry-province plan, 2022). It and the rest of the
# annotation are skipped (`DEFAULT_LEAD_PATTERN` reads the one form that assigns).
ANNOTATION_NOTE_OPENERS: tuple[str, ...] = ("以下", "上述", "不再列出", "不再一一列出")
# A default lead for what follows: `以下各项均由省发展改革委牵头`, `以下任务由市科技局牵头负责`.
DEFAULT_LEAD_PATTERN = r"以下(?:各项|各条|任务|工作|事项)?(?:工作|任务)?(?:均|都|统一)?由(?P<units>[^,;。()]{2,60}?)牵头"

# --- Annotation grammar ---------------------------------------------------------------------------

# Role verbs of prose annotations, with the role they give the units written BEFORE them:
# `(由省教育厅牵头,省人社厅、省财政厅配合)`, `(省文旅厅负责,各市州政府落实)`. A responsible unit of a
# task that also names a lead supports it (the task-level rule, see `ingest.annotations`); so 负责,
# 落实 and the supervising verbs (指导, 督促, 统筹: they make a unit responsible, never lead) all say
# RESPONSIBLE. Longer verbs are matched before the shorter ones they contain.
ROLE_VERBS: dict[str, str] = {
    # lead: 国发/国办发 division opinions, provincial plans
    "牵头负责": LEAD,
    "牵头落实": LEAD,
    "牵头实施": LEAD,
    "牵头推进": LEAD,
    "牵头抓总": LEAD,
    "牵头组织": LEAD,
    "共同牵头": LEAD,
    "分别牵头": LEAD,  # every unit listed leads
    "总牵头": LEAD,  # a section's overall lead (`一、加快调整能源结构(省发改委总牵头)`, 浙江 2014)
    "牵头": LEAD,
    "主办": LEAD,
    "主责": LEAD,  # `(市发改委主责,市财政局协同)`
    # support
    "负责牵头": LEAD,  # `(市发改委负责牵头,市财政局做好配合)`
    "配合落实": SUPPORT,
    "予以配合": SUPPORT,
    "给予配合": SUPPORT,
    "做好配合": SUPPORT,
    "全力配合": SUPPORT,
    "协助配合": SUPPORT,
    "密切配合": SUPPORT,
    "积极配合": SUPPORT,
    "协同配合": SUPPORT,
    "共同参与": SUPPORT,
    "配合": SUPPORT,
    "协助": SUPPORT,
    "协办": SUPPORT,
    "参与": SUPPORT,
    "参加": SUPPORT,
    "协作": SUPPORT,  # city food-safety plans (`市食安委各有关成员单位协作`)
    "协同": SUPPORT,  # closing a clause only; between two lists it joins them (CONNECTIVE_VERBS)
    "协同推进": SUPPORT,
    "协同落实": SUPPORT,
    "积极参与": SUPPORT,
    "支持": SUPPORT,  # `(市发改委牵头,市财政局、市税务局支持)`
    "大力支持": SUPPORT,
    "给予支持": SUPPORT,
    # responsible: 国发〔2020〕6号 (`按职责分工负责`: `MANNER_PATTERN` + 负责), 民政部 plans (`落实`)
    # the division alone, whatever verb follows it (`按职责分工卖力`: a reworded copy's 负责)
    "按职责分工": RESPONSIBLE,
    "分工负责": RESPONSIBLE,
    "分别负责": RESPONSIBLE,
    "分别落实": RESPONSIBLE,  # a department's sections (`…处和…处分别落实`, 宁夏 2010)
    # a leader or body a project is given to (`由徐贻功常委包保协调推进`, a zone's project plan, 2020)
    "包保": RESPONSIBLE,
    "包联": RESPONSIBLE,
    "共同负责": RESPONSIBLE,
    "具体负责": RESPONSIBLE,
    "具体实施": RESPONSIBLE,
    "具体落实": RESPONSIBLE,  # `办公室牵头,各科室、局属各单位具体落实`
    "共同推进": RESPONSIBLE,
    "组织实施": RESPONSIBLE,
    "组织推进": RESPONSIBLE,  # `(市发展改革委会同有关部门和各县区组织推进)`
    "组织落实": RESPONSIBLE,
    "负总责": RESPONSIBLE,
    # county plans (`各县区政府抓落实`, `各乡镇抓好落实`)
    "抓好落实": RESPONSIBLE,
    "抓落实": RESPONSIBLE,
    "负责": RESPONSIBLE,
    "落实": RESPONSIBLE,
    "承办": RESPONSIBLE,
    "实施": RESPONSIBLE,
    "指导": RESPONSIBLE,
    "督促": RESPONSIBLE,
    "督导": RESPONSIBLE,
    "统筹": RESPONSIBLE,
    "负责指导": RESPONSIBLE,
    "具体承办": RESPONSIBLE,
    "各负其责": RESPONSIBLE,  # `(市政府办公室统筹,各部门各负其责)`
    "各司其职": RESPONSIBLE,
    "推进": RESPONSIBLE,  # `(市农业农村局会同市乡村振兴局推进)`
    "推动": RESPONSIBLE,
    # supervising the ones who do it, like 统筹 (`(各州、市人民政府负责;省旅游发展委协调推动)`,
    # a provincial office's tourism plan, 2018); 协调 alone is too common in task text
    "协调推动": RESPONSIBLE,
    "协调推进": RESPONSIBLE,
    "统筹推进": RESPONSIBLE,
    "督促指导": RESPONSIBLE,
    "指导督促": RESPONSIBLE,
    "为主": LEAD,  # `(市文广旅局为主,各区县配合)`, `以乡综治办为主` (a township's plan, 2012)
    "主抓": LEAD,  # `(市卫健委主抓,市医保局协同)`
}
# How a unit does its part, written before the role verb; it changes nothing of the verb's role:
# `按职责分工负责` (国发〔2020〕6号), `按照职责分工负责` (沪府发〔2017〕76号), `按各自职责负责`,
# `根据职责分工落实`, `按职责配合`, `按职能职责分别负责`, `依职责抓好落实`.
MANNER_PATTERN = (
    r"(?:按照|按|根据|依据|依照|依)(?:各自|自身)?的?(?:职能职责|职责分工|职能分工|职责|职能)"
)


def verb_role(verb: str) -> str:
    """The role a role verb gives, after its manner phrase if any (`按职责配合` → support), or the
    role of the label a unit is said to be (`为牵头单位` → lead)."""
    role = ROLE_VERBS.get(verb)
    if role is None and verb.startswith("为"):
        return label_role(verb[1:]) or RESPONSIBLE  # `为牵头单位`: the label's role
    if role is None:
        manner = re.match(MANNER_PATTERN, verb)
        role = ROLE_VERBS[verb[manner.end() :] if manner else verb]
    return role


# Verbs joining two unit lists: the units before lead, the units after support
# (`省卫健委会同省医保局负责`, `市商务局联合市场监管局`).
CONNECTIVE_VERBS: tuple[str, ...] = ("会同", "联合", "协同")
# A heading that names the leader in charge of its tasks (`一、王丹县长牵头重点工作`, county plans
# that group tasks by leader): the name is each task's person unless the task names its own.
LEADER_TITLES: tuple[str, ...] = (
    "常务副省长", "副省长", "省长", "常务副市长", "副市长", "市长", "常务副县长", "副县长", "县长",
    "常务副区长", "副区长", "区长", "副书记", "书记", "副主任", "主任", "副局长", "局长", "副厅长",
    "厅长", "秘书长", "副秘书长",
    # a department's own leaders (`由金国兴总工负责`, a 环保厅's internal division, 2010)
    "总工程师", "总工", "总经济师", "副巡视员", "巡视员", "副处长", "处长", "副镇长", "镇长",
    "副乡长", "乡长", "副州长", "州长",
    # a government's party-group members in charge of a share (`二、张盈军区政府党组成员牵头重点工作`,
    # 宁波 海曙区 2023)
    "区政府党组成员", "市政府党组成员", "县政府党组成员", "党组成员", "党组副书记", "党组书记",
)  # fmt: skip
# A leader named with the title (`杨志武副市长`, `王丹县长`).
LEADER_PATTERN = (
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?:同志)?(?:"
    + "|".join(sorted(LEADER_TITLES, key=len, reverse=True))
    + r")(?:同志)?"
)
# A leader named after the post (`区委常委徐贻功`, `副市长张三`: a district's project plan, 2020); the
# name is checked for a family name where it is used.
LEADER_AFTER_POST_PATTERN = (
    r"(?:[省市县区]委)?(?:"
    + "|".join(sorted((*LEADER_TITLES, "常委"), key=len, reverse=True))
    + r")(?P<name>[\u4e00-\u9fff]{2,3})"
)
# A leader named by the post that answers for a task, without a name (`分管副省长`, `协管副秘书长`,
# `联系市领导`): a person as written, never a unit. Seen: 湘政发 division opinions, 宁波 progress notes.
LEADER_POST_PATTERN = (
    r"(?:分管|协管|联系|主管|牵头|包联|挂点)(?:省|市|县|区)?(?:"
    + "|".join(sorted((*LEADER_TITLES, "领导"), key=len, reverse=True))
    + ")"
)
# A heading naming its leader before or after the post (`王丹县长牵头重点工作`, `区长陈兴立牵头重点工作`).
_TITLES = "|".join(sorted(LEADER_TITLES, key=len, reverse=True))
# What a heading naming its lead unit calls the work under it (`(一)省监察厅牵头的工作`).
UNIT_HEADING_WORDS: tuple[str, ...] = ("工作", "重点工作", "工作任务", "任务", "事项")
# How a sentence giving all the items above it to their units opens (`以上工作由省教育厅、人力资源社会
# 保障厅牵头,会同省财政厅…`, a province's 民生 plan, 2011): its units are each item's.
WORK_ABOVE_OPENERS: tuple[str, ...] = (
    "以上工作", "上述工作", "以上各项工作", "上述各项工作", "以上任务", "上述任务", "以上各项任务",
)  # fmt: skip
# How a sentence announcing the list below it ends (`…设置以下工作小组:`, `主要任务如下:`): its points
# are the items it announces, not parts of its own text.
LIST_ANNOUNCING_ENDS: tuple[str, ...] = (
    "以下工作小组:", "以下工作组:", "以下小组:", "如下:", "以下任务:", "以下工作:", "以下职责:",
)  # fmt: skip
# What a heading naming a body calls the duties under it (`第七条 区科委工作职责:`, a district's
# division of work-safety duties; `(三)县应急局主要职责`).
DUTY_HEADING_WORDS: tuple[str, ...] = (
    "职责", "工作职责", "主要职责", "具体职责", "安全生产职责", "职责任务", "职责分工",
)  # fmt: skip
LEADER_HEADING_PATTERN = (
    rf"^(?:(?P<post>{_TITLES}))?(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?(?(post)|(?:{_TITLES}))"
    r"(?:同志)?(?:牵头|负责|分管|主抓|领衔)"
)
# A heading that is a leader's name and posts, nothing else (`(一)卢志军 市委副书记、市委政法委书记`,
# a city's progress report on its leaders' pledges, 2022): each post opens with its level.
LEADER_POSTS_HEADING_PATTERN = (
    r"^(?P<name>[\u4e00-\u9fff]{2,3}?)\s*(?:(?:省|市|县|区|州|镇|乡)[\u4e00-\u9fff]{0,8}?"
    rf"(?:{_TITLES})(?:、|,|$))+$"
)
# Responsible verbs and labels that lead when supporting units are named beside them
# (`由省经贸委承办,省农业厅协办`, `承办单位 | 协办单位`), as 主办 does.
LEADING_WITH_SUPPORT: tuple[str, ...] = ("承办",)
# Verbs whose subject, opening an item, is the body doing it (`区住建局负责…`, `乡村振兴办公室做好…`).
DUTY_VERBS: tuple[str, ...] = ("负责", "做好", "抓好", "承担")
# How an object after a closing role verb starts that says no more than "the work" (`由X负责做好
# 相关工作。`, a people's congress's supervision plans, 2017, 2020): the clause is a note.
VACUOUS_OBJECT_STARTS: tuple[str, ...] = (
    "做好相关",
    "做好有关",
    "相关工作",
    "有关工作",
    "具体工作",
)
# Adverbs between a body and its role verb (`发展改革委、财政部将负责…`, a 新华社 report of a 国办
# division, 2010; `市发改委要牵头`): no part of the body's name.
VERB_ADVERBS: tuple[str, ...] = (
    "还将",
    "也将",
    "将",
    "也要",
    "均要",
    "都要",
    "要",
    "应当",
    "应",
    "须",
    # `各市州、县市区人民政府均为责任单位` (a province's plan, 2022)
    "均",
    "都",
)
# Words after a role verb that open what it does, though their first character may end a name (组,
# 办): `由保洁公司负责组织各村保洁人员`.
VERB_OBJECTS: tuple[str, ...] = ("组织", "办理")
# Kept for the table reader's quick test of a cell (`X牵头,Y配合`).
INLINE_ROLE_VERBS: tuple[tuple[str, str], ...] = tuple(
    sorted(ROLE_VERBS.items(), key=lambda item: len(item[0]), reverse=True)
)

# Endings of a unit's name (the unit guard's first test, and what makes a bracketed bare list a
# list of units: `(市大数据局、市财政局)`). Seen across ministries (部, 委, 署, 总局), provinces and
# cities (厅, 局, 办, 中心), counties (街道, 乡镇, 专班), banks and state companies (分行, 集团, 公司).
UNIT_NAME_ENDINGS: tuple[str, ...] = (
    "厅", "局", "委", "部", "办", "院", "会", "署", "处", "室", "科", "所", "站", "馆", "校", "社",
    "团", "队", "组", "行", "府", "司", "台", "关", "联", "协", "庭", "网", "军", "区", "县", "市",
    "州", "镇", "乡", "村", "中心", "政府", "街道", "乡镇", "单位", "部门", "机构", "方面", "专班",
    "集团", "公司", "银行", "分行", "支行", "总局", "分局", "法院", "检察院", "党委", "党组",
    "企业", "国企", "高校", "医院", "学校", "电信", "移动", "联通", "铁塔", "邮政", "税务", "人行",
    "运营商", "电力", "供电", "方面", "地", "学", "园", "场", "港", "狱", "库",
    # a county bureau's own sections (农业股, 财务股, 农田建设管理股: 怀远县农业农村局's progress table)
    "股",
    # a county's works (`县污水处理厂`, `自来水厂`: an inspection's rectification notice, 2021)
    "厂",
    # a street office written without 道 (`仁兴街`, a 沈阳 district, 2019), towns and streets as one
    # group (`镇街(园区)`, 广东 cities)
    "街",
    # a market or a new town run as a body (`五金城`, 永康 2008; `科技城`, `商城`)
    "城",
    # the party's central bodies (`共青团中央`, a national committee's plan, 2023)
    "中央",
)  # fmt: skip
# Endings of a unit's name of two characters (`团委`, `农办`, `工会`, `海关`, `人行`): the only two-character
# names the unit guard takes, and what a ministry's short names for its departments (`(应急中心、固体
# 司、水司)`, 生态环境部, 2020) or a township's stations (`林站`, 徐庄镇, 2017) end with.
SHORT_UNIT_ENDINGS: tuple[str, ...] = (
    "司", "局", "委", "厅", "办", "处", "科", "站", "所", "队", "会", "院", "部", "府", "关", "行",
    # the federations and associations (`妇联`, `残联`, `侨联`, `科协`, `政协`)
    "联", "协",
    # a bureau's own centre, a school (`责任科室:局机关科室、中心、执法支队`, a city bureau, 2020)
    "中心", "校",
)  # fmt: skip
# The office words a body named for the work it drives ends with (`健康中国行动推进办`,
# `城乡环境整治办公室`): the verb before one is part of the name.
OFFICE_WORDS: tuple[str, ...] = (
    "办公室", "办", "领导小组", "小组", "指挥部", "中心", "委员会",
    # departments named for what they do in the task (`相关规划制定部门`, 海关总署 2021)
    "部门",
)  # fmt: skip
# Endings of a government body's name that may stand alone on a line over the items it answers for
# (`凤台县政府` / `1.…`, a city's assessment targets by county and department, 2006); not places an
# inspection lists (`儋州村社区`, `文明实践站`).
UNIT_LINE_ENDINGS: tuple[str, ...] = (
    "政府", "局", "委", "办", "厅", "委员会", "办公室", "管委会", "公司", "集团",
    # a body named by its field (`(一)农业部门:要采取…`, a township's division of duties)
    "部门",
    # a news agency's branch, a co-operative (`(16)新华社山西分社:第一时间获知…`, a drought plan)
    "社",
    # a ministry or a party department (`财政部负责专项资金的预算管理…`, a fund's rules)
    "部",
)  # fmt: skip
# Words ending like a body that name none: cadres, parts and regions (`村干部负责…`, `西部`).
NOT_BODY_ENDINGS: tuple[str, ...] = (
    "干部", "内部", "全部", "局部", "外部", "东部", "西部", "南部", "北部", "中部", "上部", "下部",
)  # fmt: skip
# Longest text a unit name has; longer candidates are sentences, not names.
UNIT_NAME_MAX = 20
# Words no unit name holds: the role verbs above and common action words of task text. A candidate
# holding one is a verb phrase (`加强统筹协调`), not a unit. (Not 组织, 建设 or 工作: 组织部,
# 住房城乡建设部, 招商工作部.)
NOT_IN_UNIT_NAMES: tuple[str, ...] = (
    "负责", "牵头", "配合", "参与", "会同", "协助", "落实", "加强", "推进", "推动", "完成", "开展",
    "确保", "做好", "加快", "提升", "完善", "实现", "制定", "建立", "健全", "按照", "根据", "要求",
    "任务", "涉及", "不再", "年底", "月底", "以前", "之前", "以上", "的", "以下", "均需", "开工",
    "启动", "新建", "建成", "提高", "扩大", "依据", "依照",
)  # fmt: skip
# Level phrases some group names hold, with a word of `NOT_IN_UNIT_NAMES` inside: `各地级以上市人民政府`
# (every Guangdong plan), `县级以上人民政府`. The guard reads a name without them.
LEVEL_PHRASES: tuple[str, ...] = ("地级以上", "县级以上", "市级以上", "省级以上", "县级及以上")
# Nouns for a party's part in a project, never the name of a body (`业主单位`, a column of a district's
# 民生实事 progress table, 2024): a candidate equal to one (or to a label) is not a unit.
ROLE_NOUNS: tuple[str, ...] = (
    "业主单位", "建设单位", "施工单位", "监理单位", "设计单位", "代建单位", "用人单位", "项目单位",
)  # fmt: skip
# How a bracket of task text starts that holds no unit (`(含技工院校)`, `(包括各开发区)`).
NOT_UNIT_STARTS: tuple[str, ...] = (
    "含",
    "包括",
    "不含",
    "除",
    "如",
    "即",
    "详见",
    "见",
    "其中",
    "或",
)
# A number with a counting word (`3个`, `100万元`, `20%`): never in a unit's name.
NUMBER_WITH_UNIT_PATTERN = (
    r"[0-9]+(?:\.[0-9]+)?\s*(?:个|项|家|万|亿|千|百|%|人|次|元|亩|所|条|件|年|月|日|天)"
)

# Connecting words before a group: `省人社厅等有关部门` is 省人社厅 and the group 有关部门;
# `省财政厅及相关单位`, `市商务局和有关方面` likewise.
GROUP_TAIL_JOINS: tuple[str, ...] = ("等", "及", "以及", "和", "与")
# How such a group starts (`有关部门`, `相关单位`, `各县区`, `其他成员单位`).
GROUP_TAIL_STARTS: tuple[str, ...] = (
    "各有关", "各相关", "有关", "相关", "其他", "其它", "各", "属下", "下属", "所属",
)  # fmt: skip
# Endings no unit name has: a group cut before its noun (`政府各有关` where a copy of 荆州市's
# 政务公开 table ends).
NOT_UNIT_ENDINGS: tuple[str, ...] = ("有关", "相关")

# Deadline phrases without a date (ongoing or recurring work): a deadline label or bracket clause
# saying one of these gives the task this phrase as its deadline text and no deadline date.
ONGOING_PHRASES: tuple[str, ...] = (
    "长期坚持",
    "长期推进",
    "长期实施",
    "持续推进",
    "持续实施",
    "持续开展",
    "常态化推进",
    "常态化开展",
    "每季度",
    "每半年",
    "每月",
    "每年",
    "全年",  # a 完成时限 cell of a yearly plan's table (a district 政务公开 table, 2022)
    "长期",
    "持续",
    "常态化",
)

# Labels of a note's other parts that may follow a value without a separator once repair has closed
# the space before them (`责任人:张三 联系电话:138…` → `责任人:张三联系电话:138…`): found anywhere.
NOTE_LABELS: tuple[str, ...] = (
    "联系电话", "办公电话", "联系方式", "电话", "手机", "备注",
    # a group's members after its leader (`负责人:曹局长成员:高琰、朱海涛`)
    "成员",
)  # fmt: skip
# Words that may open an inline clause and are not part of the unit name: `(由省科技厅负责)`.
INLINE_CLAUSE_PREFIXES: tuple[str, ...] = ("分别由", "均由", "并由", "主要由", "由", "请", "以")
# Words that open a sentence assigning the task it closes (`…发布工作。此项工作由市食安办、市农业局负责。`,
# a city's food-safety plan, 2011): one role clause after them is an annotation anywhere in a paragraph.
ASSIGNMENT_OPENERS: tuple[str, ...] = (
    "此项工作由", "该项工作由", "此项任务由", "该项任务由", "以上工作由", "上述工作由", "本项工作由",
)  # fmt: skip

# Separators between units in an annotation value. `、` is the usual one; the others appear in
# web copies (`,`) and in lists of labels.
UNIT_SEPARATORS = "、,;，；/"

# Trailing words that close an incomplete list (`财政部等`, `省直有关部门等单位`): dropped from a name.
UNIT_TRAILING_ETC: tuple[str, ...] = ("等单位", "等部门", "等处室", "等")

# Region words: a fragment made only of these (after an optional group prefix) is part of a compound
# unit name cut by `、`, as in `各市、县科技局` or `有关市、县(市、区)科技局`.
REGION_WORDS: tuple[str, ...] = (
    "市(州)",
    "县(市、区)",
    "县(市)",
    "市",
    "县",
    "区",
    "州",
    "乡",
    "镇",
    "街道",
    "乡镇",
    "村",
    "社区",
)
# The lowest levels: after one only a level of the same rank goes on a group (`各乡、镇人民政府`,
# `各村、社区`; `各街道、市执法局` is two units).
LOWEST_REGION_WORDS: tuple[str, ...] = ("街道", "乡镇", "镇", "乡", "村", "社区")
# What a kind of units named by what they do ends with, after 和/及 (`行政执法局和共建单位`).
GROUP_NOUNS: tuple[str, ...] = ("单位", "部门")
# Words of a unit column's header that say its cells name persons too (`牵头单位及主要负责人`).
PERSON_HEADER_WORDS: tuple[str, ...] = ("责任人", "负责人", "领导", "联系人")
# How a time phrase may open right after a role verb in a note (`市发改委负责 年底前`).
TIME_PHRASE_STARTS: tuple[str, ...] = (
    "年底",
    "年内",
    "月底",
    "长期",
    "持续",
    "每年",
    "每月",
    "每季度",
)

# Group placeholders: units that stand for a group, not one organisation. Prefixes and suffixes.
GROUP_UNIT_PREFIXES: tuple[str, ...] = (
    "各有关",
    "各相关",
    "各",
    "有关",
    "相关",
    "全省",
    "省直有关",
)
# What follows a group prefix in task text, never a group of bodies (`相关工作`, `有关要求`, `各项任务`).
GROUP_PREFIX_NOT_BODIES: tuple[str, ...] = (
    "工作", "要求", "情况", "事项", "任务", "规定", "政策", "内容", "问题", "资金", "项目", "措施",
    "文件", "精神", "项", "类", "级", "种", "方案", "制度", "标准",
)  # fmt: skip
# One regular expression for all of the above (used by the store to tell groups from departments).
GROUP_UNIT_PATTERN = (
    r"^(?:各|有关|相关|全省|省直有关)|各(?:有关|相关)?(?:处室|单位|部门)|等(?:单位|部门)?$"
)

# How a unit's name starts when it names its level (`市人力资源社会保障局`, `县教育局`): a table's
# narrow column wraps such a name (`市人力资源` / `社会保障局`: 眉山市's 民生工程 progress table), and a
# line starting so but ending like no unit goes on in the next one that starts like none.
UNIT_NAME_STARTS: tuple[str, ...] = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "国家")

# The provincial-level divisions, as names of their bodies start (`内蒙古电力监管办`, `广东银保监局`).
PROVINCE_NAMES: tuple[str, ...] = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "自治区",
)  # fmt: skip

# How the next name of a unit list starts (`州委编办及州直相关单位`, `市发改委 市财政局`): a level, or a
# group word; a piece that starts otherwise (`人民政府`, `办公室`) is the rest of the name before it.
LIST_NAME_STARTS: tuple[str, ...] = (
    *UNIT_NAME_STARTS,
    *PROVINCE_NAMES,
    "村",
    "中",
    "全",
    "各",
    "有关",
    "相关",
    "其他",
)

# Head nouns two names may share after 和/及 (`各县(市、区)党委和人民政府`): a piece after a join that
# starts with one is the rest of the name before it, not a name of its own.
SHARED_HEAD_NOUNS: tuple[str, ...] = (
    "人民政府", "政府", "党委", "党工委", "管委会", "办公室", "人大", "政协", "纪委",
)  # fmt: skip

# Endings of a name cut short where a copy ends, though they end like a unit (`各功能区管委` of 管委会,
# `区人大常委` of 常委会): a note the text ends inside drops such a last name and keeps a whole one
# (`各街办事处`, `市税务局`).
CUT_NAME_STEMS: tuple[str, ...] = ("管委", "常委", "委员", "办事", "人民", "工作领导", "各部")

# Prefixes a document may write or leave out of the same unit's name (`省科技厅` = `科技厅`).
OPTIONAL_UNIT_PREFIXES: tuple[str, ...] = ("省", "市", "国家")

# --- Numbering ------------------------------------------------------------------------------------

CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS: dict[str, int] = {"十": 10, "百": 100}
# The characters a Chinese item numeral may use (the numeral itself is checked by `chinese_number`).
CHINESE_NUMERAL_CHARS = "零〇一二三四五六七八九十百"

CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Part and chapter headings above the `一、` level: `第一部分 总体要求`, `第二章 重点任务`.
PART_WORDS: tuple[str, ...] = ("部分", "章", "篇")
# Words of numbered articles, items of their own level (`第一条 扩大就业。`, seen in 若干措施 and
# 实施细则 documents that number their measures as articles).
ARTICLE_WORDS: tuple[str, ...] = ("条", "项", "组")

# Marker styles of sub-points (`(1)`, `1)`, `①`). Sub-points under an item are part of that item's
# text unless they carry their own responsibility annotations (then they are tasks themselves).
SUB_ITEM_STYLES: tuple[str, ...] = ("(1)", "1)", "①")

# --- Document structure ---------------------------------------------------------------------------

# Section headings whose items are not tasks (goals, guiding ideas, principles). A heading is a
# non-task section when its text starts with one of these.
NON_TASK_HEADINGS: tuple[str, ...] = (
    "主要目标",
    "总体目标",
    "发展目标",
    "工作目标",
    "目标任务和指标",
    "目标任务",
    "具体指标",
    "主要指标",
    "预期目标",
    "总体要求",
    "指导思想",
    "基本原则",
    "工作原则",
    "分工原则",
    "分解原则",
    "基本思路",
    "总体思路",
    "工作思路",
)

# Words of a target's sentence (`成功创建首批浙江省美丽城镇。`, a township's progress table, 2024): a
# table cell holding one is text even when it ends like a unit's name.
TARGET_WORDS: tuple[str, ...] = (
    "创建",
    "成功",
    "达到",
    "打造",
    "争创",
    "确保",
    "完成",
    "实现",
    "建成",
)

# Headings of a plan's closing sections (how the work is organised, not work): such a section with
# no items and no units of its own is no task (`五、组织领导` then a paragraph on the leading group).
CLOSING_SECTION_HEADINGS: tuple[str, ...] = (
    "组织领导", "组织保障", "保障措施", "工作保障", "工作要求", "组织实施", "有关要求", "工作步骤",
    "实施步骤", "时间安排", "进度安排", "督促检查", "监督检查", "加强领导", "加强组织领导",
    "强化组织领导", "强化组织保障", "加强督查", "强化督查", "强化督导", "几点要求", "相关要求",
    # how the work is checked (`三、监督及考核`, a township's safety campaign, 2017)
    "监督及考核", "监督考核", "督查考核", "考核奖惩", "检查考核",
)  # fmt: skip

# How a document's closing paragraph starts (`各地区、各部门要…`, `本方案自印发之日起施行`): after the last
# item's annotation such a paragraph is not part of the task.
CLOSING_OPENERS: tuple[str, ...] = (
    "各地", "各级", "各部门", "各单位", "各有关", "各县", "各市", "各区", "各乡镇", "全市", "全省",
    "全县", "全区", "本方案", "本意见", "本要点", "本通知", "以上", "请各", "此件",
)  # fmt: skip

# Unnumbered label lines that open a work part of the document again after a non-task part.
TASK_SECTION_LABELS: tuple[str, ...] = (
    "重点工作",
    "重点任务",
    "主要任务",
    "工作任务",
    "工作重点",
    "任务分工",
    "具体任务",
    "保障措施",
)

# A line starting with one of these, after the first item, opens the attachments: a numbered run
# after it is a list of attachments, not tasks.
ATTACHMENT_MARKERS: tuple[str, ...] = ("附件", "附表")

# Web-page and print chrome: a line containing one of these is dropped.
PAGE_CHROME_MARKERS: tuple[str, ...] = (
    "首页 >",
    "首页>",
    "您的位置",
    "当前位置",
    "网站首页",
    "关闭窗口",
    "打印本页",
    "版权所有",
    "转自:",
    "字体:",
    "ICP备",
    "【打印】",
    "【关闭】",
    # a document-sharing site's buttons above its copy
    "购物车",
    "我的足迹",
    "立即下载",
    "免费下载",
)
# Words a document-sharing site's viewer prints above a copy of a .doc (`《….docx》由会员分享,可在线阅读,
# 更多相关《…(7页珍藏版)》请在…上搜索。`): such a copy numbers its page chunks `1、` `2、` at line starts.
VIEWER_COPY_MARKERS: tuple[str, ...] = ("由会员分享", "页珍藏版", "可在线阅读")
# A line starting with one of these is web-page chrome (article metadata, sharing, neighbours, footer).
PAGE_CHROME_LINE_STARTS: tuple[str, ...] = (
    # a government page's metadata block (`索引号: 1137…`, `成文日期: 2022-10-08`)
    "索引号",
    "成文日期",
    "发文日期",
    "发布机构",
    "发布时间",
    "发布日期",
    "来源:",
    "信息来源:",
    "浏览次数",
    "阅读次数",
    "点击数",
    "【字体",
    "字体:",
    "字号:",
    "上一篇",
    "下一篇",
    "分享到",
    "扫一扫",
    "主办:",
    "承办:",
    "网站标识码",
    "责任编辑",
    "【打印",
    "【关闭",
    "【返回",
)
# A line with at least this many ' | ' separators is a navigation bar.
PAGE_CHROME_BAR_COUNT = 2

# Words that make a line a plan title (`…工作要点`, `…实施方案`).
PLAN_TITLE_WORDS: tuple[str, ...] = (
    "要点",
    "方案",
    "计划",
    "规划",
    "分工",
    "任务分解",
    "责任分解",
    "安排",
    "清单",
    "意见",
    "措施",
)
# Words of the covering letter, whose line is not the plan title when a plan title line exists.
NOTICE_WORDS: tuple[str, ...] = ("通知", "印发", "关于")

# Issuer words: a short line ending with one of these just before a date line is a signature.
SIGNATURE_ENDINGS: tuple[str, ...] = (
    "厅",
    "局",
    "委",
    "委员会",
    "办公室",
    "办公厅",
    "政府",
    "部",
    "院",
)

# --- Table headers (for the table reader) ---------------------------------------------------------

TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号"),
    "task": (
        "工作任务",
        "重点任务",
        "任务内容",
        "主要任务",
        "工作内容",
        "具体任务",
        "工作事项",
        # a disclosure list's items (`公开事项`: a university's 信息公开目录 | 责任部门)
        "公开事项",
        "公开内容",
        "目标与任务",
        "目标任务",
        # county and development-zone tables (重点工作 | 责任领导 | 责任单位), 民生实事 lists
        "重点工作",
        "主要工作",
        "工作事项",
        "民生实事",
        "实事项目",
        "任务名称",
        "工作要点",
        # 民生工程 progress tables (工程名称 | 序号 | 项目内容 | 目标任务 | 市级牵头责任单位 | 进度)
        "项目内容",
        "项目名称",
        "工程名称",
        # a city's 民生事项 progress report (类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导)
        "民生事项名称",
        "事项名称",
        "民生事项",
        # a county's 考核 task list (考核项目 | 序号 | 考核指标 | 考核内容 | 单位 | 年度目标 | 责任部门)
        "考核内容",
        "考核项目",
        "项目",  # a county's 民生工程 table (项 目 | 目标 | 分解情况 | 责任领导 | 责任单位 | 责任人)
        # progress tables (序号 | 内容与要求 | 进展情况 | 责任单位: a city's quarterly progress table)
        "内容与要求",
        "内容及要求",
        "工作内容及要求",
        "目标要求",
        # inspection and rectification lists: the problem found is the task (序号 | 路段名称 |
        # 问题描述 | 责任单位, a city's 卫生城市 inspection sheet, 2019; 存在问题 | 整改措施 | 责任单位)
        "问题描述",
        "存在问题",
        "问题表现",
        "问题内容",
        "反馈问题",
        "问题清单",
        "整改任务",
        "整改事项",
        # the detailed column beside a rowspanned category column (工作任务 | 具体要求 | 责任部门)
        "具体要求",
        "细化措施",
        "具体措施",
        "工作措施",
        "主要措施",
        "推进措施",
        # a column named by the kind of work it holds (`序号 | 具体工作 | 责任单位`, `问题 | 整改措施 |
        # 责任单位`: the problem found is the task; not `任务`, the second half of a wrapped `攻坚目标`)
        "问题",
        "具体工作",
        "建设内容",
        "任务清单",
        "重点项目",
        "考核指标",
        "指标名称",
        "工作名称",
        # a bureau's monthly list (工作安排 | 工作完成情况(具体表述) | 牵头单位, a city bureau, 2024)
        "工作安排",
    ),
    "lead": (
        "牵头单位",
        "牵头部门",
        "牵头处室",
        "主办单位",
        "牵头责任单位",
        "牵头负责部门",  # 国办函 tables
        "牵头负责单位",
        "主责单位",
        "牵头科室",
    ),
    "support": (
        "配合单位",
        "协办单位",
        "参与单位",
        "配合部门",
        "协同责任单位",
        "配合科室",
        "协助单位",
    ),
    "responsible": (
        "责任单位",
        "责任部门",
        "负责单位",
        "负责部门",
        "责任处室",
        "承办单位",
        "责任科室",
        "责任主体",
        "实施单位",
        "主体单位",
        "实施主体",
    ),
    "persons": (
        "责任人",
        "负责人",
        "联系人",
        "责任领导",
        "牵头领导",
        "分管领导",
        "分管县领导",
        "分管市领导",
        "分管区领导",
        "分管省领导",
    ),
    "deadline": (
        "完成时限",
        "时间节点",
        "完成时间",
        "时限要求",
        "进度安排",
        "完成期限",
        "整改时限",
        "整改期限",
        "整改时间",
        "办结时限",
        "时间安排",
    ),
}

# Endings of a header cell naming a column that is no task, unit, person or deadline column: its
# cells are kept on each task as attributes (`进展情况: …`). Seen: progress tables (进展情况,
# 目前完成情况, 是否达到序时进度, 工作进展、取得成效, 后续举措), a township's table (执行措施、实施步骤,
# 监督方式 holding a phone number), PDF tables (类别 beside 主要任务), 园林城市 tables (标准或要求),
# and the usual 备注 / 说明.
TABLE_OTHER_HEADER_ENDINGS: tuple[str, ...] = (
    "情况", "进展", "成效", "进度", "措施", "步骤", "举措", "方式", "备注", "说明", "类别", "类型",
    "分类", "指标", "标准", "要求", "依据", "目标", "领域", "问题", "结果", "评价", "形式", "方法",
    # figure columns of 民生工程 progress tables (完成率(%), 完成目标(%))
    "率",
    # a county's 民生实事 list (建设地点 | 建设时间 | 2024年建设内容 | 年度投资金额(万元))
    "地点", "时间", "内容", "金额",
    # an inspection sheet's place column (序号 | 路段名称 | 问题描述 | 责任单位)
    "名称", "路段", "点位",
    # a ministry's indicator table (指标名称 | 预期效果 | 完成时限 | 指标属性 | 牵头负责司局 | 备注)
    "效果", "属性",
    # a joint inspection list (抽查事项 | 检查对象 | 发起部门 | 配合部门 | 抽查层级, a city, 2025)
    "对象", "层级",
    # a count (`区本级任务数`, a district's division of its report's work, 2023; `项目数`)
    "任务数", "项目数", "指标数", "个数", "数量",
    # what a column of work is called where no task word names it (`督办事项`): the task column when
    # it stands before the units (not 任务 or 工作: a title line `2024年重点任务`, a wrapped `攻坚目标`
    # / `任务`)
    "事项",
    # a plan's points by level (`一级要点 | 二级要点 | 责任科室`, a city bureau's 政务公开 division, 2022)
    "要点",
)  # fmt: skip
# How a header naming the work of its rows ends (`抽查事项`, `工作内容`, `整改措施`): of the columns
# before the units that no task word names, the task's text is the last so named (not `检查对象`).
WORK_HEADER_ENDINGS: tuple[str, ...] = (
    "事项", "内容", "任务", "工作", "措施", "要求", "目标", "问题", "要点",
)  # fmt: skip
# Header words of a column grouping the rows (`类别`, `指标`): its cell written again on each row of a
# group is the group's heading, not an attribute of each task.
GROUP_HEADER_ENDINGS: tuple[str, ...] = (
    "类别", "类型", "分类", "领域", "指标", "方面", "板块", "项目", "工程", "行动",
)  # fmt: skip
# Whole header cells of other columns that end like no other kind: the unit of measure (`单位` beside
# `年度目标`) and who scores a task (`评分部门`), in a county's 考核 task list (2021).
TABLE_OTHER_HEADERS: tuple[str, ...] = (
    "单位", "计量单位", "评分部门", "考核部门", "评分单位", "监督电话", "联系电话",
    # a city's half-year progress table (完成状态: 序时推进); not a page's 效力状态
    "完成状态", "办理状态", "推进状态", "进展状态",
    # an assessment's scores (`评分指标 | 分值 | 责任部门`, a university's disclosure indicators, 2020)
    "分值", "分数", "得分", "权重", "赋分",
)  # fmt: skip

# The second half of a header cell wrapped in its narrow column when the first half is a header cell
# too: `攻坚目标` / `任务` (a township's 重点工作 progress table, 2024), `工作` / `内容`.
HEADER_CELL_TAILS: tuple[str, ...] = (
    "任务", "内容", "事项", "安排", "名称", "单位", "部门", "科室", "领导", "时限", "时间", "情况",
)  # fmt: skip

# --- Task status labels ---------------------------------------------------------------------------
# Added by the store layer (zh/en labels of each status); kept here with the other vocabularies.

# --- Date phrases ---------------------------------------------------------------------------------

# Chinese weekday characters after 周/星期/礼拜 → Monday-based weekday index.
WEEKDAYS: dict[str, int] = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
WEEKDAY_PREFIXES: tuple[str, ...] = ("星期", "礼拜", "周")

# Day words relative to today.
RELATIVE_DAYS: dict[str, int] = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3}

# Half-year and quarter words → (month, day) of the last day of that period.
PERIOD_ENDS: dict[str, tuple[int, int]] = {
    "上半年": (6, 30),
    "下半年": (12, 31),
    "第一季度": (3, 31),
    "一季度": (3, 31),
    "第二季度": (6, 30),
    "二季度": (6, 30),
    "第三季度": (9, 30),
    "三季度": (9, 30),
    "第四季度": (12, 31),
    "四季度": (12, 31),
    "年底": (12, 31),
    "年末": (12, 31),
    "年内": (12, 31),
}

# Relative offset units for `+2w`, `-3d`, `+1m`, `+1y`.
OFFSET_UNITS: dict[str, str] = {"d": "days", "w": "weeks", "m": "months", "y": "years"}

MONTH_NAMES_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_DIGIT_CHARS = {value: char for char, value in reversed(CHINESE_DIGITS.items())}


def chinese_numeral(n: int, digits: str | None = None) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (`digits` replaces 零…九, e.g. 壹贰)."""

    def digit(d: int) -> str:
        return digits[d] if digits else _DIGIT_CHARS[d]

    if n <= 0:
        return str(n)
    if n < 10:
        return digit(n)
    if n < 100:
        tens, ones = divmod(n, 10)
        ten = "拾" if digits else "十"
        head = "" if tens == 1 and not digits else digit(tens)
        return head + ten + (digit(ones) if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        hundred = "佰" if digits else "百"
        tail = ""
        if rest:
            tail = (digit(0) if rest < 10 else "") + chinese_numeral(rest, digits)
            if 10 <= rest < 20 and not digits:
                tail = digit(1) + tail
        return digit(hundreds) + hundred + tail
    return str(n)


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral such as '三', '十二', '二十', '一百零五' (None if it is not one)."""
    if not text or any(ch not in CHINESE_DIGITS and ch not in CHINESE_UNITS for ch in text):
        return None
    if all(ch in CHINESE_DIGITS for ch in text):
        if len(text) == 1:
            return CHINESE_DIGITS[text]
        return None
    total = 0
    pending: int | None = None
    last_unit = 1000
    for ch in text:
        if ch in CHINESE_DIGITS:
            if pending is not None and pending != 0:
                return None
            pending = CHINESE_DIGITS[ch]
        else:
            unit = CHINESE_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (pending if pending else 1) * unit
            pending = None
            last_unit = unit
    if pending:
        total += pending
    return total
