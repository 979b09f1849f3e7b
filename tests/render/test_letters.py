"""The words and layouts of a 督办函: Chinese and English text, Markdown, JSON."""

from __future__ import annotations

import json
from datetime import date

from taskctl.render.letters import letter_text, letters_json, letters_markdown, long_date
from taskctl.store.reminders import Letter

ROW = {
    "id": 7,
    "number": "二.2",
    "title": "大力实施“十大科技成果转化工程”",
    "role": "lead",
    "deadline": date(2012, 12, 31),
    "days_overdue": 15,
    "latest_progress": None,
}
SOON = dict(ROW, id=8, number="二.3", role="support", deadline=date(2013, 1, 20), days_overdue=0)


def test_chinese_and_english_letters() -> None:
    letter = Letter(1, "高新处", [ROW, SOON], number="〔2013〕4号")
    zh = letter_text(
        letter,
        lang="zh",
        title="关于督促办理逾期任务的通知",
        day=date(2013, 1, 15),
        reply_by=date(2013, 1, 18),
        issuer="督查室",
    )
    assert zh.number == "督办〔2013〕4号" and zh.addressee == "高新处："
    assert "以下2项任务已超过完成时限或即将到期" in zh.body
    assert zh.rows == [
        ["1", "二.2 大力实施“十大科技成果转化工程”", "牵头", "2012-12-31", "15", "暂无"],
        ["2", "二.3 大力实施“十大科技成果转化工程”", "配合", "2013-01-20", "5天后到期", "暂无"],
    ]
    assert zh.reply == "请于2013年1月18日前将办理进展及下一步措施书面反馈督查室。"
    assert zh.date == long_date(date(2013, 1, 15), "zh") == "2013年1月15日"
    en = letter_text(
        Letter(1, "高新处", [ROW]),
        lang="en",
        title="Notice",
        day=date(2013, 1, 15),
        reply_by=date(2013, 1, 18),
        issuer="DO",
    )
    assert en.number == "Reminder 〔2013〕N号"  # not numbered yet (a dry run)
    assert "are past their deadline and not yet finished" in en.body
    assert en.rows[0][2] == "lead" and en.rows[0][5] == "none"
    md = letters_markdown([zh, en])
    assert (
        md.count("\n---\n") == 1 and "| 序号 | 任务 | 角色 | 完成时限 | 逾期天数 | 最新进展 |" in md
    )
    assert json.loads(letters_json([zh]))[0]["unit"] == "高新处"
