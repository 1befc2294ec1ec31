"""The catalogue's page section: the words of the web page's own interface (`medbal page`).

Looked up by medbal.i18n.catalogue.msg like every entry; kept in a section of their
own because the page build hands exactly these to the page's script (page.js fills
their {fields} itself, so they use plain fields only).  Headings of the outcome and
checklist come from the interface section through the page sections.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "app_title": (
        "medbal: your medical-insurance account and claiming costs back",
        "medbal：医保个人账户与报销指南",
    ),
    "start_heading": (
        "Why does my personal account show 0, and what do I bring to claim costs back?",
        "医保个人账户为什么是 0，报销要带哪些材料？",
    ),
    "start_intro": (
        "Choose a topic, then answer one question at a time. Your answers stay "
        "in this page: nothing is sent anywhere.",
        "请先选择要了解的事项，再逐题回答。您的回答只留在本页面里，不会发送到任何地方。",
    ),
    "topics": ("Topics", "可以了解的事项"),
    "help_toggle": ("How do I find out?", "怎样查到答案？"),
    "progress": ("Question {n} of at most {total}", "第 {n} 题，最多共 {total} 题"),
    "earlier": ("your earlier answer", "您之前的选择"),
    "back": ("Back", "上一步"),
    "restart": ("Start again", "重新开始"),
    "home": ("Other topics", "其他事项"),
    "change": ("Change", "修改"),
    # A "Change" button's name for a screen reader: which answer it changes.
    "change_named": ("Change: {question}", "修改：{question}"),
    "print": ("Print", "打印"),
    "made": (
        "This page was made on {date} with medbal {version}. It is guidance, not a "
        "decision of the medical-insurance agency.",
        "本页由 medbal {version} 于 {date} 生成，仅供参考，不代表医保经办机构的决定。",
    ),
    "printed": ("Printed on {date}.", "打印日期：{date}"),
    "checklist_below": (
        "The documents to bring are listed below; printed, they start on the next sheet.",
        "要带的材料列在下方；打印时从下一页开始。",
    ),
    # Nothing of the address is shown: a link can carry any text (a false warning, a
    # phone number, a bidi override), and only the page's own words are trusted.
    "bad_link": (
        "Part of this link does not fit these questions and was left out.",
        "链接中有部分内容与这些问题不符，已略去。",
    ),
    "sheet_link": ("Category {n}: {title}", "第 {n} 类：{title}"),
    # Shared with the printed sheets (medbal/present/pages.py): the heading of an outcome's
    # explanation, which follows what to do; a sheet's kicker without the short name.
    "why": ("Why this answer", "为什么是这个结果"),
    "category_n": ("Category {n}", "第 {n} 类"),
    # A date question (medbal/present/page_assets/page.js drawDate): the field, and why
    # a date is refused, as the engine refuses it (medbal.core.kinds.date).
    "date_give": ("Give the date", "请填写日期"),
    "date_give_of": ("Give {what}", "请填写{what}"),
    "date_next": ("Next", "下一步"),
    "date_field_bad": (
        "This is not a date. Give a day that exists, written YYYY-MM-DD, for example 2026-11-20.",
        "这不是有效的日期。请填写实际存在的日期，格式为 YYYY-MM-DD，例如 2026-11-20。",
    ),
    "date_field_future": (
        "This day has not come yet. Give a day up to today, written YYYY-MM-DD.",
        "这一天还没到。请填写今天或更早的日期，格式为 YYYY-MM-DD。",
    ),
    "date_field_early": (
        "Give a date from 1900-01-01 on, written YYYY-MM-DD.",
        "请填写 1900-01-01 以后的日期，格式为 YYYY-MM-DD。",
    ),
    "noscript": (
        "This page needs JavaScript. Open it in a browser with JavaScript turned on.",
        "本页面需要 JavaScript，请用开启了 JavaScript 的浏览器打开。",
    ),
}
