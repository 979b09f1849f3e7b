"""What taskctl says to a person, in Chinese: help texts, errors, warnings and click's own words.

English is the source language, written where the message is made (docstrings, `help=`, the text of an
exception), the way gettext keys its catalogues by the English text. This module is the Chinese table:

- `COMMAND_HELP_ZH`: command path → (summary, description); a command's examples are taken from its
  English docstring, so they are written once.
- `OPTION_HELP_ZH`: an option's English help → Chinese.
- `CLICK_ZH`: the words click itself prints (Usage, Options, default …).
- `MESSAGES`: (id, English template, Chinese template) for every error, warning and notice; the
  English template matches the message as raised (`{name}` stands for any text), the Chinese one
  says it again with the same values. A field called `{msg}` (or `{msg2}`) holds another message and
  is translated in turn; `{rows}` holds "row N: message" items separated by "; ".

`translate(text, "zh")` turns an English message into Chinese (or returns it unchanged if no template
fits); tests/test_messages.py holds the table complete: every command, option and message has both.
Nothing here imports more than `re`, so `taskctl --help` stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taskctl.vocab import MONTH_NAMES_EN

#: Command path (as typed after `taskctl`; "" is taskctl itself) → (summary, description).
COMMAND_HELP_ZH: dict[str, tuple[str, str]] = {
    "": ("taskctl：任务分工台账——导入工作要点，跟踪任务，生成报表。", ""),
    "assign": (
        "为任务指定牵头、配合单位，或取消单位分工。",
        "单位名称写出能唯一确定的一部分即可（高新 → 高新处）；有歧义时列出候选单位。",
    ),
    "backup": (
        "把数据库一致地复制到 FILE，其他人正在写入时也可以。",
        "副本是完整的 taskctl 数据库，可用 `--db FILE` 打开。仅适用于 SQLite 文件；"
        "PostgreSQL 数据库请用 `pg_dump`（见 docs/postgresql.md）。",
    ),
    "calendar": (
        "把未办结任务的完成时限导出为 iCalendar 文件，供 Outlook 或手机日历使用。",
        "每项任务是其完成时限当天的全天事件；导入更新后的文件会更新已有条目。",
    ),
    "access": (
        "谁可以改什么（共享 PostgreSQL 服务器）：单位联络员、督办室、只读的领导。",
        "由数据库本身执行（组角色、表权限和行级安全）：单位联络员只能看到本单位的任务，只能修改其状态、进展和时限。"
        "需要有 CREATEROLE 权限的角色（督办室的管理员角色）；SQLite 文件无需权限控制。",
    ),
    "access grant": (
        "给 USER（数据库登录角色，不存在时创建）一种权限。",
        "",
    ),
    "access list": (
        "列出拥有 taskctl 权限的每个数据库角色、其权限种类和单位。",
        "",
    ),
    "access revoke": (
        "收回 USER 的权限（全部，或只收回 --unit 指定的单位）；登录角色本身保留。",
        "",
    ),
    "db": (
        "数据库结构：查看版本，升级，复制到另一个数据库。",
        "每个命令都会自动升级旧数据库；这些命令让升级显式进行。",
    ),
    "db copy": (
        "把每个文件、任务、单位、别名、关联、人员和记录连同编号、时间和版本复制到另一个数据库"
        "（SQLite 或 PostgreSQL），在一个事务中完成，并核对每张表的行数和校验和。",
        "目标库会升级到当前结构版本，且必须为空，除非给出 --replace。在 PostgreSQL 上请以表的所有者运行。"
        "权限（`taskctl access`）不复制。",
    ),
    "db upgrade": (
        "把数据库结构升级到本 taskctl 所知的最新版本。",
        "请先备份（`taskctl backup FILE`，PostgreSQL 用 `pg_dump`）。"
        "由更新版本 taskctl 创建的数据库会被拒绝，保持原样。",
    ),
    "db version": (
        "显示数据库的结构版本和本 taskctl 所知的最新版本。",
        "如果数据库由更新版本的 taskctl 创建，退出状态为 1。",
    ),
    "deadline": (
        "修改任务的完成时限（延期）；原定时限会保留。",
        "WHEN 可以是 ISO 日期、python-dateutil 能识别的日期、中文说法（6月底前、年底、下周五、"
        "3月15日）或偏移量（+2w、+10d），相对日期以 --as-of 为准。",
    ),
    "documents": ("列出已导入的文件及其代号（用于 代号:序号）、计划期和任务数。", ""),
    "due": ("即将到期的未办结任务（从今天或 --as-of 起 WITHIN 天内），最早到期的在前。", ""),
    "history": (
        "按时间顺序显示任务的每一次变更（本地时间）。",
        "`--format json` 给出对象列表，字段为 time、actor、kind、old、new 和 note。",
    ),
    "revise": (
        "把文件 KEY 的新版本（FILE：import 能读的任意格式）应用到已有任务。",
        "先按序号、再按标题匹配任务。有变化的任务保留编号、状态、进展和留痕（每处变化记一条修订事件）；"
        "新任务被添加；不再在计划中的任务被取消，从不删除。经办人记录的延期、状态和进展都保留。"
        "全部在一个事务中完成，要么全部生效，要么都不生效。请给出导入时用过的读取选项"
        "（--first-lead、--encoding）；--default-deadline 为新版本中没有时限的任务设定时限。",
    ),
    "import": (
        "导入工作要点文件（任意编码的 .txt、.docx、.xlsx/.csv、.pdf；- 表示标准输入）。",
        "每个文件要么整体导入，要么完全不导入；重复导入同一文件不会产生变化。",
    ),
    "ledger": ("把单位的任务导出为 Excel 台账，填好后再导入。", ""),
    "ledger export": (
        "导出单位台账：任务的编号、序号、标题、角色、完成时限、状态、进度和最新进展，"
        "并留出新状态、新进度、本期进展、新时限和说明等空列。",
        "任务版本保存在隐藏列中，导入时可以发现已过期的行。",
    ),
    "ledger import": (
        "在一个事务中应用填好的台账（.xlsx 或 .csv）。",
        "先逐行检查（未知任务、未知状态或不允许的变更、进度有误、日期有误、导出后任务已被修改）；"
        "只要有一行有误就不应用任何内容，除非用 --skip-bad 只应用正确的行。空行或未改动的行不起作用。",
    ),
    "list": ("按文件顺序列出任务，终端上显示每项任务的预警灯。", ""),
    "overdue": ("已超过完成时限的未办结任务，逾期最久的在前，附最新进展。", ""),
    "progress": ("记录一次带日期的进展，用单位自己的话。", ""),
    "remind": (
        "生成督办函：每个有逾期（加 --within 时含即将到期）任务的单位一份。",
        "每份督办函有编号〔年份〕N号（接着当年最后一份编号），主送该单位，列出其任务、反馈时限、"
        "发文单位和日期。写出的每份督办函（-o 文件、--split 目录，或 --format md|json 输出到标准输出）"
        "都记录在其中每项任务上（见 `taskctl history`）。三者都不给，或加 --dry-run 时，只列出督办函，"
        "不作任何记录。",
    ),
    "show": (
        "显示一项任务的全部信息：内容、单位、责任人、完成时限、状态、进展。",
        "TASK 是 `taskctl list` 中的编号，或 文件代号:序号。",
    ),
    "status": (
        "把任务改为状态 STATUS（中英文均可：accepted / 已签收，done / 已办结，…）。",
        "流程：待签收 assigned → 已签收 accepted → 办理中 in_progress → 已办结 done → "
        "已销号 closed；另有 暂缓 suspended 和 已取消 cancelled。TASK 是编号或 文件代号:序号。",
    ),
    "unit": ("维护单位：别名、更名与合并（每次都有记录）。", ""),
    "unit alias": ("让 ALIAS 也指代单位 NAME。", ""),
    "unit merge": (
        "把单位 A 并入单位 B：A 的任务、进展和别名转到 B，A 的名称成为 B 的别名，"
        "每项受影响的任务都在历史中记录这次合并。",
        "",
    ),
    "unit rename": ("把单位 OLD 更名为 NEW；旧名称保留为别名。", ""),
    "unit-report": (
        "一个单位承担的全部任务：先是牵头的，再是负责的，最后是配合的，"
        "每项附预警灯、完成时限、状态和最新进展。",
        "UNIT 是单位名称、别名，或能唯一确定其一的一部分。",
    ),
    "units": ("列出单位及各自牵头、配合、负责的任务数。", ""),
    "weekly": (
        "周报：主要数字、本周办结的任务、报送的进展（按单位）、状态变更与延期、新增逾期任务、"
        "下周到期的任务，以及工作量表。",
        "逾期以 --as-of 为准，默认是统计期的最后一天。",
    ),
    "workload": (
        "每个单位一行：牵头任务（总数、未结、办结、逾期）、配合与负责的任务，以及办结率"
        "（终端上附小进度条）。",
        "",
    ),
}

#: An option's English help → Chinese.
OPTION_HELP_ZH: dict[str, str] = {
    "Apply many updates in one transaction: a CSV with columns id (or KEY:NUMBER), status,"
    " percent, note.": "在一个事务中应用多条更新：CSV 文件，列为 id（或 文件代号:序号）、status、percent、note。",
    "Show what would change; write nothing.": "显示将会发生的变化，不写入任何内容。",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示此帮助并退出。",
    "Database file or SQLAlchemy URL (env TASKCTL_DB; default: taskctl.db in the user data "
    "directory).": "数据库文件或 SQLAlchemy URL（环境变量 TASKCTL_DB；默认：用户数据目录中的 taskctl.db）。",
    "Language of labels (env TASKCTL_LANG; default: from the locale, else zh).": (
        "界面语言（环境变量 TASKCTL_LANG；默认：按系统区域设置，否则为中文 zh）。"
    ),
    "Who makes changes (env TASKCTL_USER; default: the OS user).": (
        "操作人（环境变量 TASKCTL_USER；默认：操作系统用户）。"
    ),
    "Draw every table with ASCII characters only (env TASKCTL_ASCII).": (
        "所有表格只用 ASCII 字符绘制（环境变量 TASKCTL_ASCII）。"
    ),
    "Make UNIT a lead unit (repeatable).": "把 UNIT 设为牵头单位（可重复）。",
    "Make UNIT a support unit (repeatable).": "把 UNIT 设为配合单位（可重复）。",
    "Take UNIT off the task (repeatable).": "从任务中去掉 UNIT（可重复）。",
    "Create units whose names match none.": "名称与现有单位都不匹配时新建单位。",
    "Why the assignment changes.": "调整分工的原因。",
    "Refuse the change unless the task is still at version N (as you last read it).": (
        "只有任务仍是版本 N（你上次读取时的版本）时才修改。"
    ),
    "Who makes the change (default: $TASKCTL_USER or the OS user).": (
        "操作人（默认：$TASKCTL_USER 或操作系统用户）。"
    ),
    "Overwrite FILE if it exists.": "FILE 已存在时覆盖它。",
    "A unit the clerk reports for (repeatable).": "联络员所代表的单位（可重复）。",
    "Supervision office: import, assign, revise, remind, units.": (
        "督办室：导入、分工、修订、督办、单位维护。"
    ),
    "Read everything, change nothing (leaders).": "可读全部，不可修改（领导）。",
    "Set the login role's password (else set it in psql with \\password).": (
        "设置登录角色的密码（否则在 psql 中用 \\password 设置）。"
    ),
    "Take only this unit away (repeatable).": "只收回此单位（可重复）。",
    "Copy this database into URL (an empty taskctl database).": (
        "把本数据库复制到 URL（一个空的 taskctl 数据库）。"
    ),
    "Copy URL into this database (which must be empty).": "把 URL 复制到本数据库（本库须为空）。",
    "Overwrite a target that already holds tasks.": "覆盖已有任务的目标库。",
    "The .ics file to write (- for standard output).": "要写入的 .ics 文件（- 表示标准输出）。",
    "Only tasks this unit has a role in (a unique part of its name).": (
        "只看该单位承担的任务（名称中能唯一确定的一部分即可）。"
    ),
    "Only this document (key or id).": "只看该文件（代号或编号）。",
    "Include finished and paused tasks.": "包括已办结和暂缓的任务。",
    "A reminder this many days before each deadline (0: none).": "在每个完成时限前这么多天提醒（0：不提醒）。",
    "The reason for the change (延期理由; required).": "变更原因（延期理由；必填）。",
    "Resolve relative dates (下周五, +2w, 6月底前) against this day (default: today).": (
        "相对日期（下周五、+2w、6月底前）以这一天为准（默认：今天）。"
    ),
    "Output format (default: table, or from the -o file's extension).": (
        "输出格式（默认：表格，或按 -o 文件的扩展名）。"
    ),
    "Write to FILE instead of standard output.": "写入 FILE，而不是标准输出。",
    "Show at most N rows on a terminal (0: all; default 200).": "终端上最多显示 N 行（0：全部；默认 200）。",
    "Draw tables with ASCII characters only.": "表格只用 ASCII 字符绘制。",
    "How far ahead to look (days, or weeks with w).": "向后看多远（天数，或加 w 表示周数）。",
    "Measure deadlines on this day instead of today (2013-01-15, 上周五, -7d …).": (
        "以这一天而不是今天衡量完成时限（2013-01-15、上周五、-7d …）。"
    ),
    "Yellow light when a task is due within this many days.": "任务在这么多天内到期时亮黄灯。",
    "Yellow light when reported percent trails the elapsed share of time (序时进度) by more than "
    "this.": "报送进度落后序时进度超过这么多个百分点时亮黄灯。",
    "Short document key for KEY:NUMBER references (one file only; default: the file name).": (
        "文件代号，用于 代号:序号 引用（只能用于一个文件；默认：文件名）。"
    ),
    "Force the text encoding (default: detected; e.g. gb18030, utf-16).": (
        "指定文本编码（默认：自动识别；如 gb18030、utf-16）。"
    ),
    "Where only 责任单位 is given, make the first unit the lead and the rest support.": (
        "只写了责任单位时，把第一个单位作为牵头单位，其余作为配合单位。"
    ),
    "Deadline of tasks that name none (default: the end of the plan period).": (
        "未写明时限的任务的完成时限（默认：计划期末）。"
    ),
    "Show the parsed tree; write nothing.": "显示解析出的结构；不写入任何内容。",
    "The unit whose tasks (lead, support, responsible) go in the ledger; a unique part of its name "
    "is enough.": "其任务（牵头、配合、负责）写入台账的单位；名称中能唯一确定的一部分即可。",
    "The .xlsx file to write.": "要写入的 .xlsx 文件。",
    "Apply the good rows and list the bad ones.": "应用正确的行，并列出有误的行。",
    "Resolve relative dates in the new-deadline column against this day (default: today).": (
        "新时限列中的相对日期以这一天为准（默认：今天）。"
    ),
    "Only tasks in this status (repeatable).": "只看该状态的任务（可重复）。",
    "How far along, 0 to 100.": "完成进度，0 到 100。",
    "Write to this unit only (repeat for several; default: every department that owes).": (
        "只发给该单位（可重复；默认：每个有逾期任务的部门）。"
    ),
    "Count overdue days on this day; it is also the letter's date (default: today).": (
        "以这一天计算逾期天数，也是督办函的日期（默认：今天）。"
    ),
    "Also chase tasks due within this many days (7d, 2w).": "同时督办这么多天内到期的任务（7d、2w）。",
    "The letter's title (default: 关于督促办理逾期任务的通知).": (
        "督办函标题（默认：关于督促办理逾期任务的通知）。"
    ),
    "Reply deadline (default: 3 working days after the letter's date).": (
        "反馈时限（默认：发文日期后 3 个工作日）。"
    ),
    "The issuing office (env TASKCTL_OFFICE; default: 市政府督查室).": (
        "发文单位（环境变量 TASKCTL_OFFICE；默认：市政府督查室）。"
    ),
    "One file per unit in DIR instead of one file with a page per unit.": (
        "在 DIR 中每个单位一个文件，而不是一个文件每个单位一页。"
    ),
    "List the letters that would be sent; write and record nothing.": (
        "列出将要发出的督办函；不写文件，不作任何记录。"
    ),
    "docx, md or json (default: from the -o file's extension, else md).": (
        "docx、md 或 json（默认：按 -o 文件的扩展名，否则为 md）。"
    ),
    "Write the letters to FILE.": "把督办函写入 FILE。",
    "Output format.": "输出格式。",
    "Why (required when reopening a done, closed or cancelled task).": (
        "原因（重新打开已办结、已销号或已取消的任务时必填）。"
    ),
    "Leave out finished and cancelled tasks.": "不列出已办结和已取消的任务。",
    "Hide group placeholders such as 有关处室.": "不显示“有关处室”之类的泛指单位。",
    "An ISO week, e.g. 2026-W48 (default: this week).": "ISO 周，如 2026-W48（默认：本周）。",
    "First day of the period (instead of --week).": "统计期第一天（代替 --week）。",
    "Last day of the period (default: --as-of or today).": "统计期最后一天（默认：--as-of 或今天）。",
    "Measure deadlines on this day (default: the last day of the period).": (
        "以这一天衡量完成时限（默认：统计期最后一天）。"
    ),
    "Headings in this language (default: Chinese for Chinese documents).": (
        "标题使用的语言（默认：中文文件用中文）。"
    ),
    "Order of the units (departments first, group placeholders after them).": (
        "单位的排序（先部门，后泛指单位）。"
    ),
}

#: The words click prints around the help texts and in its own errors.
CLICK_ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Example:": "示例：",
    "default": "默认",
    "required": "必填",
    "env var": "环境变量",
}

#: (id, English template, Chinese template): every error, warning and notice.
MESSAGES: list[tuple[str, str, str]] = [
    # --- batch updates, revisions, the unit guard
    (
        "expect_version_one",
        "--expect-version takes one task; give the tasks one at a time",
        "--expect-version 只能用于一项任务；请逐项给出任务",
    ),
    (
        "from_file_alone",
        "--from-file takes no TASK, TEXT, --percent or --expect-version",
        "--from-file 不能与 TASK、TEXT、--percent 或 --expect-version 同用",
    ),
    (
        "progress_args",
        "give a TASK and a TEXT (or --from-file CSV)",
        "请给出 TASK 和 TEXT（或 --from-file CSV）",
    ),
    ("w_not_unit", "not a unit ({reason}): {name}", "不是单位（{reason}）：{name}"),
    (
        "stream_once",
        "a streamed report's rows can be taken only once",
        "逐批读取的报表只能输出一次",
    ),
    (
        "w_number_text",
        "{label} read as text, not as an item (expected {expected})",
        "{label} 按正文读取，不是条目（应为 {expected}）",
    ),
    (
        "updates_empty",
        "empty file: expected a header row (id, status, percent, note)",
        "空文件：应有表头行（id、status、percent、note）",
    ),
    (
        "updates_no_id",
        "no id column in the header row (id, status, percent, note)",
        "表头行中没有 id 列（id、status、percent、note）",
    ),
    (
        "updates_column",
        "unknown column {column} (use id, status, percent, note)",
        "未知的列 {column}（请用 id、status、percent、note）",
    ),
    (
        "revise_no_tasks",
        "no tasks found; not a new version of a work plan",
        "没有找到任务；不是工作计划的新版本",
    ),
    (
        "revise_meanwhile",
        "document {key} was revised meanwhile; run the revision again",
        "文件 {key} 在此期间已被修订；请重新执行修订",
    ),
    ("nothing_to_record", "nothing to record for task {ref}", "任务 {ref} 没有可记录的内容"),
    # --- lookups
    (
        "unknown_task_list",
        "unknown task {ref} (see `taskctl list`)",
        "未知任务 {ref}（见 `taskctl list`）",
    ),
    (
        "unknown_task",
        "unknown task {ref} (give an id from `taskctl list` or KEY:NUMBER)",
        "未知任务 {ref}（请给出 `taskctl list` 中的编号或 文件代号:序号）",
    ),
    # after the two above: its {ref} would take their hints in as part of the name
    ("unknown_task_plain", "unknown task {ref}", "未知任务 {ref}"),
    ("ambiguous_task", "task {ref} is ambiguous: ids {ids}", "任务 {ref} 有歧义：编号 {ids}"),
    (
        "unknown_document",
        "unknown document {ref} (see `taskctl documents`)",
        "未知文件 {ref}（见 `taskctl documents`）",
    ),
    ("ambiguous_document", "document {ref} is ambiguous: {keys}", "文件 {ref} 有歧义：{keys}"),
    ("empty_unit", "empty unit name", "单位名称为空"),
    (
        "unknown_unit_new",
        "unknown unit {name} (see `taskctl units`; add --new to create it)",
        "未知单位 {name}（见 `taskctl units`；加 --new 可新建）",
    ),
    (
        "unknown_unit",
        "unknown unit {name} (see `taskctl units`)",
        "未知单位 {name}（见 `taskctl units`）",
    ),
    ("ambiguous_unit", "unit {name} is ambiguous: {names}", "单位 {name} 有歧义：{names}"),
    # --- tracking
    (
        "version_ahead",
        "task {id} is at version {v}, not {want}",
        "任务 {id} 的版本是 {v}，不是 {want}",
    ),
    (
        "version_stale",
        "task {id} changed since version {v} (now {now}): {changes}",
        "任务 {id} 自版本 {v} 以来已被修改（现为 {now}）：{changes}",
    ),
    (
        "bad_percent",
        "bad percent {value}: give a whole number from 0 to 100",
        "进度 {value} 有误：请给出 0 到 100 的整数",
    ),
    ("progress_empty", "a progress report needs a text or a percent", "进展需要文字或进度"),
    (
        "deadline_note",
        "a deadline change needs a reason (--note)",
        "修改完成时限需要写明理由（--note）",
    ),
    ("bad_deadline", "bad deadline {value}", "完成时限 {value} 有误"),
    (
        "assign_nothing",
        "nothing to assign: give --lead, --support or --remove",
        "没有要调整的分工：请给出 --lead、--support 或 --remove",
    ),
    ("assign_both", "{names}: both assigned and removed", "{names}：既被指定又被去掉"),
    ("not_assigned", "unit {name} is not assigned to task {id}", "单位 {name} 未承担任务 {id}"),
    ("empty_alias", "empty alias", "别名为空"),
    (
        "alias_taken",
        "{alias} already names unit {name}; merge them with `taskctl unit merge`",
        "{alias} 已是单位 {name} 的名称；请用 `taskctl unit merge` 合并",
    ),
    (
        "unit_exists",
        "unit {name} already exists; use `taskctl unit merge {a} {b}`",
        "单位 {name} 已存在；请用 `taskctl unit merge {a} {b}`",
    ),
    ("same_unit", "{a} and {b} are the same unit ({name})", "{a} 和 {b} 是同一个单位（{name}）"),
    (
        "transition",
        "cannot move {what} from {old} to {new}; allowed from {state}: {moves}",
        "{what} 不能从 {old} 改为 {new}；{state} 只能改为：{moves}",
    ),
    (
        "reopen_note",
        "moving {what} from {old} to {new} reopens it: give the reason with --note",
        "把 {what} 从 {old} 改为 {new} 会重新打开它：请用 --note 写明原因",
    ),
    (
        "unknown_status",
        "unknown status {value}; valid statuses: {valid}",
        "未知状态 {value}；可用状态：{valid}",
    ),
    # --- dates and options
    ("no_month", "{text}: there is no month {month}", "{text}：没有 {month} 月"),
    ("no_day", "{text}: {month} has no day {day}", "{text}：{month}没有 {day} 日"),
    ("no_such_date", "{text}: no such date", "{text}：没有这一天"),
    ("out_of_range", "{text}: out of range", "{text}：超出范围"),
    (
        "ambiguous_date_dm",
        "{text}: ambiguous date (day/month or month/day?), write it as YYYY-MM-DD",
        "{text}：日期有歧义（日/月还是月/日？），请写成 YYYY-MM-DD",
    ),
    (
        "ambiguous_date",
        "{text}: ambiguous date, write it as YYYY-MM-DD",
        "{text}：日期有歧义，请写成 YYYY-MM-DD",
    ),
    ("not_real_date", "{text}: not a real date", "{text}：不是真实存在的日期"),
    (
        "unreadable_date_forms",
        "{text}: not a date I can read; write it as 2026-06-30, 6月30日, 6月底前, 年底, 下周五, 下月底 "
        "or +2w",
        "{text}：无法识别的日期；请写成 2026-06-30、6月30日、6月底前、年底、下周五、下月底或 +2w",
    ),
    ("unreadable_date", "{text}: not a date I can read", "{text}：无法识别的日期"),
    ("day_and_month", "{text}: give a day and a month", "{text}：请给出月和日"),
    ("empty_date", "empty date", "日期为空"),
    (
        "within",
        "--within: {value} is not a number of days or weeks (7d, 2w)",
        "--within：{value} 不是天数或周数（7d、2w）",
    ),
    (
        "week_bad",
        "--week: {value} is not an ISO week such as 2026-W48",
        "--week：{value} 不是 ISO 周（如 2026-W48）",
    ),
    ("week_none", "--week: {value} has no such week", "--week：{value} 没有这一周"),
    (
        "week_or_since",
        "give either --week or --since/--until, not both",
        "请给出 --week 或 --since/--until，不要同时给出",
    ),
    ("since_after", "--since {a} is after --until {b}", "--since {a} 晚于 --until {b}"),
    (
        "unknown_format",
        "unknown format {fmt}; choose one of {choices}",
        "未知格式 {fmt}；可选：{choices}",
    ),
    (
        "binary_needs_file",
        "--format {fmt} needs -o FILE (it is a binary file)",
        "--format {fmt} 需要 -o FILE（这是二进制文件）",
    ),
    (
        "key_one_file",
        "--key names one document; import the files one at a time",
        "--key 只能指定一个文件；请逐个导入",
    ),
    (
        "ledger_xlsx",
        "{path}: a ledger is written as an .xlsx file",
        "{path}：台账只能写成 .xlsx 文件",
    ),
    (
        "ledger_bad_rows",
        "{file}: {n} bad rows, nothing applied (--skip-bad applies the good ones): {rows}",
        "{file}：{n} 行有误，未应用任何内容（--skip-bad 可只应用正确的行）：{rows}",
    ),
    ("bad_value", "bad {what} {value}", "{what} {value} 有误"),
    ("no_task_id", "no task id", "没有任务编号"),
    ("task_twice", "task {id} appears more than once", "任务 {id} 出现了不止一次"),
    (
        "changed_since_export_why",
        "task {id} changed since export (version {a} → {b}): {changes}",
        "任务 {id} 在导出后已被修改（版本 {a} → {b}）：{changes}",
    ),
    (
        "changed_since_export",
        "task {id} changed since export (version {a} → {b})",
        "任务 {id} 在导出后已被修改（版本 {a} → {b}）",
    ),
    (
        "reopen_note_ledger",
        "moving {what} from {old} to {new} reopens it: give the reason with the 说明 (note) column",
        "把 {what} 从 {old} 改为 {new} 会重新打开它：请在“说明”列写明原因",
    ),
    (
        "deadline_note_ledger",
        "a deadline change needs a reason (the 说明 (note) column)",
        "修改完成时限需要在“说明”列写明理由",
    ),
    ("ledger_row", "row {n}: {msg}", "第 {n} 行：{msg}"),
    (
        "ledger_note",
        "a new deadline needs its reason in the 说明 (note) column",
        "新时限需要在“说明”列写明理由",
    ),
    # --- remind
    (
        "letter_ext",
        "{path}: a letter is written as .docx, .md or .json",
        "{path}：督办函只能写成 .docx、.md 或 .json",
    ),
    (
        "letter_docx",
        "--format docx needs -o FILE or --split DIR",
        "--format docx 需要 -o FILE 或 --split DIR",
    ),
    (
        "reply_before",
        "--reply-by {a} is before the letter's date {b}",
        "--reply-by {a} 早于督办函日期 {b}",
    ),
    (
        "unit_nothing_soon",
        "unit {name} has no overdue or due-soon tasks on {day}",
        "单位 {name} 在 {day} 没有逾期或即将到期的任务",
    ),
    (
        "unit_nothing",
        "unit {name} has no overdue tasks on {day}",
        "单位 {name} 在 {day} 没有逾期任务",
    ),
    (
        "nothing_soon",
        "no unit has overdue or due-soon tasks on {day}; no letter written",
        "{day} 没有单位有逾期或即将到期的任务；未生成督办函",
    ),
    (
        "nothing",
        "no unit has overdue tasks on {day}; no letter written",
        "{day} 没有单位有逾期任务；未生成督办函",
    ),
    # --- files (after "FILE: ")
    ("no_file", "no such file", "文件不存在"),
    ("no_dir", "no such directory", "目录不存在"),
    ("is_dir_doc", "is a directory, not a document", "是目录，不是文件"),
    ("is_dir_name", "is a directory; give a file name", "是目录；请给出文件名"),
    (
        "is_dir_backup",
        "is a directory; give a file name for the backup",
        "是目录；请给出备份文件名",
    ),
    ("not_dir", "is not a directory", "不是目录"),
    ("permission", "permission denied", "没有权限"),
    ("cannot_read", "cannot read file ({reason})", "无法读取文件（{reason}）"),
    ("cannot_write_backup", "cannot write backup ({reason})", "无法写入备份（{reason}）"),
    ("cannot_write", "cannot write ({reason})", "无法写入（{reason}）"),
    ("too_large", "input is larger than {n} MB", "输入超过 {n} MB"),
    (
        "encrypted_office",
        "password-protected (encrypted) Office file; open it, remove the password (File → Info → Protect) and save it again",
        "有密码保护（加密）的 Office 文件；请打开它，去掉密码（文件 → 信息 → 保护）后重新保存",
    ),
    ("zip_damaged", "corrupt file (a damaged zip archive)", "文件已损坏（zip 压缩包损坏）"),
    (
        "zip_other",
        "a zip archive that is neither .docx nor .xlsx",
        "既不是 .docx 也不是 .xlsx 的 zip 压缩包",
    ),
    ("unsupported", "reading {kind} files is not supported", "不支持读取 {kind} 文件"),
    ("no_docx_lib", "python-docx is not installed", "未安装 python-docx"),
    ("corrupt_docx", "corrupt .docx file ({detail})", "损坏的 .docx 文件（{detail}）"),
    (
        "empty_docx",
        "empty document (no text and no task table)",
        "空文件（没有文字，也没有任务表）",
    ),
    ("corrupt_xlsx", "corrupt .xlsx file ({detail})", "损坏的 .xlsx 文件（{detail}）"),
    ("empty_xlsx", "empty workbook (no cell holds any text)", "空工作簿（没有任何单元格有文字）"),
    ("bad_csv", "malformed CSV ({detail})", "CSV 格式有误（{detail}）"),
    (
        "pdf_lib",
        "reading PDF needs pdfplumber: install taskctl[pdf] (pip install 'taskctl[pdf]')",
        "读取 PDF 需要 pdfplumber：请安装 taskctl[pdf]（pip install 'taskctl[pdf]'）",
    ),
    (
        "pdf_password",
        "password-protected PDF; save a copy without the password",
        "有密码保护的 PDF；请另存一份无密码的副本",
    ),
    ("pdf_corrupt", "corrupt PDF ({detail})", "损坏的 PDF（{detail}）"),
    ("pdf_empty", "PDF without pages", "没有页面的 PDF"),
    (
        "pdf_scanned",
        "scanned PDF without a text layer; OCR is not supported (run OCR first, or import the original .docx)",
        "没有文字层的扫描版 PDF；不支持 OCR（请先做文字识别，或导入原始 .docx）",
    ),
    ("not_text", "not a text document", "不是文本文件"),
    ("empty_doc", "empty document", "空文件"),
    ("unknown_encoding", "unknown encoding {enc}", "未知编码 {enc}"),
    ("cannot_decode", "cannot decode as {enc} (byte {n})", "无法按 {enc} 解码（第 {n} 字节）"),
    ("expected_text", "expected decoded text", "需要已解码的文本"),
    (
        "no_table",
        "no task table found: no header row naming a task column ({names} …) and a unit or "
        "deadline column ({units}, {deadline} …)",
        "没有找到任务表：没有含任务列（{names} …）和单位或时限列（{units}、{deadline} …）的表头行",
    ),
    (
        "w_table_text",
        "tasks read from the division table; {n} numbered paragraphs outside it were not "
        "imported as tasks",
        "任务取自分工表；表外 {n} 个编号段落未作为任务导入",
    ),
    ("no_items", "no numbered items found", "没有找到编号条目"),
    ("table_no_rows", "the task table has a header but no task rows", "任务表有表头但没有任务行"),
    ("ledger_no_rows", "the ledger has a header but no task rows", "台账有表头但没有任务行"),
    ("ledger_kind", "a ledger is an .xlsx or .csv file", "台账是 .xlsx 或 .csv 文件"),
    (
        "ledger_header",
        "no ledger header row (编号 … 新状态 / 新进度% / 本期进展) found",
        "没有找到台账表头（编号 … 新状态 / 新进度% / 本期进展）",
    ),
    (
        "ledger_version",
        "the version column (版本) is missing; export the ledger again",
        "缺少“版本”列；请重新导出台账",
    ),
    ("workbook", "cannot read the workbook: {detail}", "无法读取工作簿：{detail}"),
    (
        "csv_decode",
        "cannot decode the CSV file (UTF-8 or GB18030)",
        "无法解码 CSV 文件（UTF-8 或 GB18030）",
    ),
    (
        "doc_binary",
        "{msg} cannot be read; open it in Word, WPS or Excel and save it as .docx or .xlsx (or run `libreoffice --headless --convert-to docx FILE`)",
        "{msg} 无法读取；请在 Word、WPS 或 Excel 中打开并另存为 .docx 或 .xlsx"
        "（或运行 `libreoffice --headless --convert-to docx FILE`）",
    ),
    ("doc_word", "a Word 97-2003 .doc", "Word 97-2003 .doc 文件"),
    ("doc_wps", "a WPS .wps", "WPS .wps 文件"),
    ("doc_xls", "an Excel 97-2003 .xls", "Excel 97-2003 .xls 文件"),
    ("doc_ole", "an old binary Office (OLE) file", "旧的二进制 Office（OLE）文件"),
    (
        "bad_key",
        "bad document key {key}: use letters, digits, '-', '_' or '.', no ':'",
        "文件代号 {key} 有误：请用字母、数字、'-'、'_' 或 '.'，不能有 ':'",
    ),
    (
        "key_used",
        "document key {key} is already used; choose another with --key",
        "文件代号 {key} 已被使用；请用 --key 另选一个",
    ),
    ("file_too_large", "file is larger than {n} MB", "文件超过 {n} MB"),
    # --- import warnings
    (
        "w_attachment",
        "the attachment's task table is not read from plain text; import it as .xlsx, .csv or .docx",
        "纯文本中的附件任务表不会被读取；请以 .xlsx、.csv 或 .docx 导入",
    ),
    (
        "w_sequence",
        "item {label} is out of sequence (expected {expected})",
        "条目 {label} 编号不连续（应为 {expected}）",
    ),
    ("w_row_no_text", "row without task text skipped", "没有任务内容的行已跳过"),
    (
        "w_glued_units",
        "unit names run together read apart: {name}",
        "连写在一起的单位名称已拆开读取：{name}",
    ),
    (
        "w_wrapped_unit",
        "a unit's name read over two lines: {names}",
        "单位名称跨两行读取：{names}",
    ),
    (
        "w_rowspan",
        "rows {numbers} without a unit cell share the one above (a merged cell): check them",
        "第 {numbers} 行没有单位单元格，按与上一行合并读取（跨行合并单元格）：请核对",
    ),
    ("w_ledger_row", "ledger row without a task title skipped", "没有任务标题的台账行已跳过"),
    ("w_role", "unknown role {role}; unit left off", "未知角色 {role}；未记录该单位"),
    ("w_bracket", "annotation bracket is never closed", "分工括号没有闭合"),
    ("w_label", "annotation label without any unit", "分工标注后没有单位"),
    (
        "w_cut_note",
        "annotation bracket is never closed (text cut off?): read up to its last whole name",
        "分工括号没有闭合（正文被截断？）：只读取到最后一个完整的名称",
    ),
    (
        "w_open_note",
        "annotation bracket is never closed: read to its line's end",
        "分工括号没有闭合：读取到该行末尾",
    ),
    # --- databases
    (
        "access_sqlite",
        "access control needs the shared PostgreSQL server; a SQLite file is one person's "
        "database (see docs/postgresql.md)",
        "权限控制需要共享的 PostgreSQL 服务器；SQLite 文件是一个人的数据库（见 docs/postgresql.md）",
    ),
    (
        "access_bad_user",
        "bad user name {name}: letters, digits, _ . - (at most 63, not starting with a digit)",
        "用户名 {name} 无效：只能用字母、数字、_ . -（最多 63 个，不能以数字开头）",
    ),
    (
        "access_kept_user",
        "bad user name {name}: a name taskctl or PostgreSQL keeps",
        "用户名 {name} 无效：这是 taskctl 或 PostgreSQL 保留的名称",
    ),
    (
        "access_one_kind",
        "give exactly one of --unit NAME, --office, --reader",
        "请只给出 --unit NAME、--office、--reader 中的一种",
    ),
    (
        "access_denied",
        "the database role {user} may not do this ({detail})",
        "数据库角色 {user} 无权这样做（{detail}）",
    ),
    ("access_no_role", "no database role {name}", "没有数据库角色 {name}"),
    (
        "access_reader",
        "{user} may only read this database (taskctl_reader)",
        "{user} 对本数据库只有读权限（taskctl_reader）",
    ),
    (
        "access_clerk",
        "{units}'s clerk may not change task {id}, which belongs to {owners}",
        "{units}的联络员无权修改任务 {id}，该任务属于{owners}",
    ),
    ("copy_one_way", "give one of --to URL, --from URL", "请给出 --to URL 或 --from URL 之一"),
    (
        "copy_same",
        "{path}: source and target are the same database",
        "{path}：源库和目标库是同一个数据库",
    ),
    (
        "copy_not_empty",
        "{path}: not empty ({n} rows in {table}); give --replace to overwrite it",
        "{path}：不是空库（{table} 中有 {n} 行）；要覆盖请加 --replace",
    ),
    (
        "copy_differs",
        "{path}: {table} differs after the copy ({n} rows, {m} expected); nothing was copied",
        "{path}：复制后 {table} 不一致（{n} 行，应为 {m} 行）；未复制任何内容",
    ),
    ("db_is_dir", "{path}: is a directory, not a database file", "{path}：是目录，不是数据库文件"),
    ("db_cannot_open", "cannot open database {url}: {detail}", "无法打开数据库 {url}：{detail}"),
    (
        "db_foreign",
        "{path}: not a taskctl database (it holds other tables)",
        "{path}：不是 taskctl 数据库（其中有其他表）",
    ),
    (
        "db_not_db",
        "{path}: not a taskctl database (file is not a database)",
        "{path}：不是 taskctl 数据库（文件不是数据库）",
    ),
    (
        "db_newer",
        "{path}: schema revision {rev} is newer than this taskctl; upgrade taskctl",
        "{path}：数据库结构版本 {rev} 比本 taskctl 新；请升级 taskctl",
    ),
    (
        "db_newer_here",
        "schema revision {rev} is newer than this taskctl; upgrade taskctl",
        "数据库结构版本 {rev} 比本 taskctl 新；请升级 taskctl",
    ),
    (
        "db_readonly",
        "{path}: attempt to write a readonly database",
        "{path}：数据库是只读的，无法写入",
    ),
    (
        "db_readonly_pg",
        "{path}: cannot execute {what} in a read-only transaction",
        "{path}：只读事务中不能执行 {what}",
    ),
    ("db_locked", "{path}: database is locked", "{path}：数据库被锁定"),
    (
        "db_missing",
        "{path}: no database file (it is created on first use)",
        "{path}：没有数据库文件（首次使用时创建）",
    ),
    (
        "backup_sqlite",
        "{url}: backup copies SQLite database files only",
        "{url}：备份只能复制 SQLite 数据库文件",
    ),
    ("backup_none", "{path}: no database file to back up", "{path}：没有可备份的数据库文件"),
    ("backup_exists", "already exists; use --force to overwrite it", "已存在；用 --force 覆盖"),
    ("backup_self", "is the database itself; choose another file", "就是数据库本身；请另选文件"),
    ("backup_failed", "{path}: backup failed: {detail}", "{path}：备份失败：{detail}"),
    (
        "backup_check",
        "{path}: the copy failed its integrity check: {detail}",
        "{path}：副本未通过完整性检查：{detail}",
    ),
    (
        "pg_dump",
        "backup copies SQLite database files only; back up a PostgreSQL database with pg_dump: {cmd} (restore with {restore})",
        "备份只能复制 SQLite 数据库文件；PostgreSQL 数据库请用 pg_dump 备份：{cmd}（恢复用 {restore}）",
    ),
    # --- click's own errors
    ("c_missing_arg", "Missing argument {name}.", "缺少参数 {name}。"),
    ("c_missing_opt", "Missing option {name}.", "缺少选项 {name}。"),
    (
        "c_no_option_guess",
        "No such option {name}. Did you mean {other}?",
        "没有选项 {name}。你是不是想用 {other}？",
    ),
    (
        "c_no_option_guesses",
        "No such option {name}. (Did you mean one of: {others}?)",
        "没有选项 {name}。（你是不是想用其中之一：{others}？）",
    ),
    ("c_no_option", "No such option {name}.", "没有选项 {name}。"),
    ("c_no_command", "No such command {name}.", "没有命令 {name}。"),
    ("c_needs_value", "Option {name} requires an argument.", "选项 {name} 需要一个值。"),
    ("c_takes_no_value", "Option {name} does not take a value.", "选项 {name} 不接受值。"),
    ("c_takes_values", "Argument {name} takes {n} values.", "参数 {name} 需要 {n} 个值。"),
    ("c_extra_arg", "Got unexpected extra argument ({args})", "多余的参数（{args}）"),
    ("c_extra_args", "Got unexpected extra arguments ({args})", "多余的参数（{args}）"),
    ("c_missing_command", "Missing command.", "缺少命令。"),
    ("c_invalid", "Invalid value for {name}: {msg}", "{name} 的值无效：{msg}"),
    ("c_invalid_plain", "Invalid value: {msg}", "值无效：{msg}"),
    ("c_choices", "{value} is not one of {choices}.", "{value} 不是以下之一：{choices}。"),
    ("c_range", "{value} is not in the range {range}.", "{value} 不在范围 {range} 内。"),
    ("c_int", "{value} is not a valid integer.", "{value} 不是有效的整数。"),
    ("c_int_range", "{value} is not a valid integer range.", "{value} 不是有效的整数。"),
    ("c_float", "{value} is not a valid float.", "{value} 不是有效的数字。"),
    ("c_float_range", "{value} is not a valid float range.", "{value} 不是有效的数字。"),
    (
        "c_bool",
        "{value} is not a valid boolean. Recognized values: {choices}",
        "{value} 不是有效的布尔值。可用的值：{choices}",
    ),
    ("c_path_missing", "{kind} {path} does not exist.", "{kind} {path} 不存在。"),
    ("c_path_is_file", "{kind} {path} is a file.", "{kind} {path} 是文件。"),
    ("c_path_is_dir", "{kind} {path} is a directory.", "{kind} {path} 是目录。"),
    ("c_path_unreadable", "{kind} {path} is not readable.", "{kind} {path} 不可读。"),
    ("c_path_unwritable", "{kind} {path} is not writable.", "{kind} {path} 不可写。"),
    ("c_open", "Could not open file {path}: {detail}", "无法打开文件 {path}：{detail}"),
    ("c_choice", "{value} is not {choices}.", "{value} 不是 {choices}。"),
    # --- the command line itself
    ("aborted", "aborted", "已中止"),
    ("interrupted", "interrupted", "已中断"),
    (
        "internal",
        "internal error: {kind}: {detail} (set TASKCTL_DEBUG=1 for details)",
        "内部错误：{kind}：{detail}（设置 TASKCTL_DEBUG=1 查看详情）",
    ),
    ("error_prefix", "taskctl: error: {msg}", "taskctl: 错误：{msg}"),
    ("warning_line", "{where}: warning: {msg}", "{where}：警告：{msg}"),
    # --- wrappers: an option or file name before another message (tried last)
    ("option_msg", "{option}: {msg}", "{option}：{msg}"),
    ("list_msg", "{msg}; {msg2}", "{msg}；{msg2}"),
]

_FIELD = re.compile(r"\{(\w+)\}")
#: Fields that hold free text (another message, a list, a driver's words) and may contain ": ";
#: every other field is a name, a value or a date and stops before one.
_FREE = (
    "rows",
    "msg",
    "detail",
    "changes",
    "names",
    "keys",
    "moves",
    "valid",
    "choices",
    "others",
    "args",
    "cmd",
    "restore",
    "ids",
    "reason",
)
#: click's names of path kinds ({kind} in its file errors).
#: Why the unit guard refused a name (`ingest.units.unit_problem`).
_REASONS_ZH = {
    "holds a label": "含有标签",
    "too long for a unit name": "作为单位名称过长",
    "too short for a unit name": "作为单位名称过短",
    "a sentence, not a name": "是句子而非名称",
    "a rank, not a name": "是名次而非名称",
    "holds a number": "含有数量",
    "holds a symbol": "含有符号",
    "a note, not a name": "是说明而非名称",
    "a role clause, not a name": "是角色说明而非名称",
    "a verb phrase, not a name": "是动宾短语而非名称",
    "task text, not a group of bodies": "是任务用语而非单位统称",
    "not shaped like a unit name": "不像单位名称",
    "a group cut before its noun, not a name": "是残缺的群体称谓而非名称",
    "not a unit list": "不是单位列表",
    "cut inside its brackets": "括号不完整（名称被截断）",
    "a label or a party's part, not a name": "是标签或项目角色而非名称",
    "an item's number, not a name": "是条目编号而非名称",
}
_PATH_KINDS = {"File": "文件", "Directory": "目录", "Path": "路径"}
#: A `{rows}` field: "row 3: …; row 5: …", one ledger row's message after another.
_ROWS = re.compile(r"; (?=row \d+: )")
_MONTHS = MONTH_NAMES_EN


def _field_ok(name: str, value: str) -> bool:
    return bool(value) and (name.startswith(_FREE) or ": " not in value)


def _month(value: str) -> str:
    """February → 2月, February 2025 → 2025年2月."""
    name, _, year = value.partition(" ")
    if name not in _MONTHS:
        return value
    month = f"{_MONTHS.index(name) + 1}月"
    return f"{year}年{month}" if year.isdigit() else month


def _fill(
    parts: list[str], text: str, pos: int, values: dict[str, str]
) -> Iterator[dict[str, str]]:
    """Every way `text[pos:]` fits `parts` (literal, field, literal, … from `_FIELD.split`), the
    shortest values first, each field's value translated as it is taken."""
    literal = parts[0]
    if not text.startswith(literal, pos):
        return
    pos += len(literal)
    if len(parts) == 1:
        if pos == len(text):
            yield values
        return
    name, rest = parts[1], parts[2:]
    follow = rest[0]
    ends = [len(text)] if len(rest) == 1 and not follow else []
    if not ends:
        at = text.find(follow, pos + 1) if follow else -1
        while at != -1:
            ends.append(at)
            at = text.find(follow, at + 1)
        if len(rest) == 1:
            ends = [e for e in ends if e + len(follow) == len(text)]
    for end in ends:
        value = text[pos:end]
        if not _field_ok(name, value):
            continue
        if name.startswith("msg"):
            inner = translate_message(value)
            if inner is None:
                continue
            value = inner
        elif name == "rows":
            items = [translate_message(item) for item in _ROWS.split(value)]
            if None in items:
                continue
            value = "；".join(items)  # type: ignore[arg-type]
        elif name == "month":
            value = _month(value)
        elif name == "what" and value.startswith("task "):
            value = "任务 " + value[5:]
        elif name == "kind":
            value = _PATH_KINDS.get(value, value)
        elif name == "reason":
            value = _REASONS_ZH.get(value, value)
        yield from _fill(rest, text, end, {**values, name: value})


def translate_message(text: str) -> str | None:
    """The Chinese of an English message, or None when no template fits it."""
    for _id, en, zh in MESSAGES:
        for values in _fill(_FIELD.split(en), text, 0, {}):
            return zh.format(**values)
    return None


def translate(text: str, lang: str) -> str:
    """`text` in `lang`: English as it is, Chinese from the table (unchanged if it has no entry)."""
    if lang != "zh":
        return text
    found = translate_message(text)
    return text if found is None else found


def option_help(text: str, lang: str) -> str:
    return OPTION_HELP_ZH.get(text, text) if lang == "zh" else text
