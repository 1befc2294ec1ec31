"""The one catalogue of the words medbal itself says, in both languages, and its lookup.

The content (questions, outcomes, categories, documents) lives in trees/; these
are the headings, prompts and hints that every tree shares (here), the error
messages (words_errors.py) and the web page's own words (page_words.py), all
found by key through `msg`.  How each language punctuates what is put together
(colons, separators, quotation marks) is medbal.i18n.typeset's.
"""

from __future__ import annotations

import re
from collections import ChainMap

from medbal.core.errors import MedbalError, Phrase, use_wording
from medbal.core.langs import LANGS
from medbal.i18n import sources
from medbal.i18n.page_words import WORDS as PAGE_WORDS
from medbal.i18n.suggest import nearest
from medbal.i18n.typeset import clauses, colon, listing, quote
from medbal.i18n.words_errors import ERRORS
from medbal.i18n.words_help import HELP

MESSAGES: dict[str, tuple[str, str]] = {
    # headings shared by outcome and checklist renderers
    "pooled_fund": ("The pooled fund", "统筹基金"),
    "next_steps": ("What to do next", "下一步怎么做"),
    "where_to_check": ("Where to check", "去哪里查"),
    "caveat": ("Keep in mind", "请留意"),
    # Laws and official documents, then the web articles read as background.
    "sources": ("Based on", "依据"),
    "reading": ("Background reading", "参考资料"),
    "answers": ("Your answers", "您的回答"),
    "dropped": ("Answers not needed for this result:", "得出这个结果没有用到的回答："),
    "reproduce": ("The same result as one command:", "用一条命令得到同样结果："),
    "question_n": ("Question {n}", "第 {n} 题"),
    "needs_answer": ("An answer is needed to go on:", "需要回答下面的问题才能继续："),
    "help": ("How to find out", "怎样查到答案"),
    # interactive prompts
    "keys": (
        "Type a number, or ? help, b back, r restart, q quit",
        "输入序号，或 ? 帮助、b 返回、r 重来、q 退出",
    ),
    "keys_end": (
        "Type an answer's number to change it, r to restart, or q to quit",
        "输入回答前的序号可修改该回答，r 重来，q 退出",
    ),
    "default": ("Enter keeps: {value}", "直接回车保留：{value}"),
    "not_an_option": (
        "{entry!q} is not one of the options; type 1 to {n}.",
        "{entry!q}不是选项，请输入 1 到 {n}。",
    ),
    "type_a_number": (
        "Type a number from 1 to {n}, or ? for help.",
        "请输入 1 到 {n} 的序号，或输入 ? 查看帮助。",
    ),
    "no_help": ("This question has no extra help.", "这道题没有补充说明。"),
    "first_question": ("This is the first question.", "这已经是第一题。"),
    "no_such_answer": (
        "There is no answer {entry}; type 1 to {n}.",
        "没有第 {entry} 个回答，请输入 1 到 {n}。",
    ),
    "bye": ("Stopped. Nothing was saved.", "已退出，未保存任何内容。"),
    # checklists
    # The short name is English: a Chinese heading and table show the number only.
    "category": ("Category {n} · {slug}", "第 {n} 类"),
    "no": ("No.", "序号"),
    "slug": ("Short name", "简称"),
    "title": ("Situation", "情形"),
    "deadline": ("Deadline to claim", "报销时限"),
    "no_claim_deadlines": (
        "No deadline to claim is given here for these: ask the agency, "
        "and claim soon. Each sheet lists its own time limits.",
        "这里没有写明这些报销的申请期限：请向医保经办机构询问，尽早办理。"
        "各类的时限和条件见各自的清单。",
    ),
    "deadlines": ("Deadlines and conditions", "时限和条件"),
    "applies_when": ("When this applies", "适用情形"),
    "conditions": ("Conditions", "条件"),
    "documents": ("Documents for this situation", "本情形所需材料"),
    "variant": ("If: {title}", "如属于：{title}"),
    "common_documents": ("Also bring", "另需携带"),
    "claim_steps": ("How the claim goes", "报销流程"),
    "notes": ("Notes", "注意事项"),
    "legal_basis": ("Legal basis", "法律依据"),
    "region": ("Rules of", "适用地区"),
    "region_line": (
        "This checklist follows the rules of {region}. {note}",
        "本清单按{region}的规定编写。{note}",
    ),
    "applicant_name": ("Applicant's name", "申请人姓名"),
    "id_number": ("ID number", "身份证号"),
    "date": ("Date", "日期"),
    "staff": ("Staff member", "经办人"),
    # The command first: at any width it starts a line, so it is never split.
    "checklist_command": (
        "medbal docs {n} lists the documents to bring.",
        "要带的材料：medbal docs {n}",
    ),
    "checklist_next_page": ("The documents to bring are on the next page.", "要带的材料见下一页。"),
    "printed_on": (
        "Printed on {date} by medbal. This is guidance, not a decision of the agency.",
        "medbal 于 {date} 打印。本页仅供参考，不代表经办机构的决定。",
    ),
    # `medbal tree show`: ids for the authors in English, the texts alone in Chinese
    "outline_question": ("{id}: {text}", "{text}"),
    "outline_root": ("{id}: {title}", "{title}"),
    "outline_option": ("[{value}] {label}", "（{n}）{label}"),
    "outline_outcome": ("= {id}: {title}", "结果：{title}"),
    "outline_seen": ("-> {id} (above)", "→ 见上文：{text}"),
    "show_checklist": ("; d shows the documents to bring", "；输入 d 查看要带的材料"),
    # estimate
    # Only costs within the policy scope (政策范围内) count: the title says so, and every
    # figure carries its unit (in a table, the column's head).
    "est_title": (
        "Estimate for {bill} yuan of inpatient costs within the policy scope: {region}",
        "{region}：政策范围内住院费用 {bill} 元的估算",
    ),
    "est_title_items": (
        "Estimate for {total} yuan of inpatient costs within the policy scope ({bill} yuan "
        "in the bands, {items} yuan in separately rated items): {region}",
        "{region}：政策范围内住院费用 {total} 元的估算（分段计算 {bill} 元，单列项目 {items} 元）",
    ),
    "est_band": ("Band (yuan)", "分段（元）"),
    # A band's bounds: a spaced hyphen in English, a full-width tilde in Chinese.
    "est_range": ("{start} - {end}", "{start}～{end}"),
    "est_amount": ("Amount (yuan)", "金额（元）"),
    "est_rate": ("Rate", "比例"),
    "est_paid": ("Paid (yuan)", "支付（元）"),
    "est_money": ("{amount} yuan", "{amount} 元"),
    "est_total": ("The pooled fund pays about", "统筹基金约支付"),
    "est_own": ("You pay about", "个人约负担"),
    "est_no_threshold": (
        "This example gives no threshold figure and none was given with "
        "--threshold, so nothing was deducted: the real payment is lower.",
        "这个例子没有给出起付线金额，也没有用 --threshold 指定，因此未扣除起付线：实际报销会更少。",
    ),
    "est_threshold": ("Threshold deducted: {threshold} yuan.", "已扣除起付线：{threshold} 元。"),
    "est_no_cap": (
        "This example gives no payment cap, so none was applied.",
        "这个例子没有给出最高支付限额，因此未设上限。",
    ),
    "est_cap": (
        "The payment cap of {cap} yuan applies (before the cap: {before}).",
        "已按最高支付限额 {cap} 元封顶（封顶前：{before}）。",
    ),
    "est_cap_known": ("Payment cap: {cap} yuan, not reached.", "最高支付限额：{cap} 元，未达到。"),
    "est_reading": ("How the rates are read", "比例的理解方式"),
    "est_notice": (
        "This is an estimate, not a decision. Only costs within the policy scope (the "
        "drug catalogue, the listed treatments and the service standards) are paid at "
        "these rates; items outside it are yours to pay. The agency decides what is paid.",
        "这只是估算，不是决定。只有政策范围内的费用（药品目录、诊疗项目和医疗服务设施标准以内的）"
        "才按这些比例支付，范围以外的由个人负担；实际报销金额以医保经办机构审核为准。",
    ),
    "est_applies": ("For: {what}", "适用于：{what}"),
    "more": ("For one checklist: medbal docs NUMBER", "查看某一类的清单：medbal docs 序号"),
}

MESSAGES.update(
    {
        "answer_add": (
            "Add the --answer that fits to this command and run it again:",
            "把符合您情况的那一项 --answer 加到下面的命令后面，再运行一次：",
        ),
    }
)

# Regional rules, named beside the rule (medbal.present.views.region_tag); the regions'
# own words are medbal.i18n.sources.REGIONS.  An outcome that leads to two categories.
MESSAGES.update(
    {
        "region_tag": ("{rule}; confirm locally", "{rule}，请向当地确认"),
        "region_rule_of": ("rule of {name}", "{name} 的规定"),
        "national_tag": ("national rule", "国家规定"),
        "checklists_below": (
            "The documents to bring are listed below, a sheet for each category; printed, "
            "they follow this page.",
            "要带的材料列在下方，每一类一页；打印时在本页之后。",
        ),
        "checklist_command_of": (
            "medbal docs {n} lists the documents to bring for category {n}.",
            "medbal docs {n} 列出第 {n} 类要带的材料。",
        ),
        "checklist_next_pages": (
            "The documents to bring are on the next pages, one sheet for each category.",
            "要带的材料见后面几页，每一类一页。",
        ),
    }
)

# Deadlines in a table (medbal.present.pages.deadline_summary); the plural rule is
# medbal.i18n.typeset.counted.
MESSAGES.update(
    {
        "unit_day": ("day", "天"),
        "unit_month": ("month", "个月"),
        "unit_year": ("year", "年"),
        "deadline_within": ("within {count}", "{count}内"),
        "deadline_at_least": ("at least {count}", "至少 {count}"),
        "deadline_not_stated": ("not stated: ask", "未写明，请询问"),
    }
)

# A question that asks for a date (medbal.present.kinds.date), and the day a deadline
# counted from it falls on (medbal.present.views: the region's tag is added after).
MESSAGES.update(
    {
        "keys_date": (
            "Type the date as YYYY-MM-DD, 0 without it, or ? help, b back, r restart, q quit",
            "按 YYYY-MM-DD 的格式输入日期，不填日期输入 0，或 ? 帮助、b 返回、r 重来、q 退出",
        ),
        "type_a_date": (
            "Type the date as YYYY-MM-DD (for example 2026-11-20), 0 to go on without it, "
            "or ? for help.",
            "请按 YYYY-MM-DD 的格式输入日期，例如 2026-11-20；不填日期请输入 0；"
            "输入 ? 可查看帮助。",
        ),
        "date_asked": (
            "A date, written YYYY-MM-DD (for example 2026-11-20)",
            "填一个日期，格式为 YYYY-MM-DD（例如 2026-11-20）",
        ),
        "date_asked_of": (
            "Give {what}, written YYYY-MM-DD (for example 2026-11-20)",
            "请填写{what}，格式为 YYYY-MM-DD（例如 2026-11-20）",
        ),
        "due_heading": ("Your deadline", "您的办理期限"),
        "due_by": ("By {date}", "请在 {date}前"),
        "due_passed": ("The deadline, {date}, has passed.", "办理期限 {date}已过。"),
    }
)

# The top-level --help's words (medbal.commands.helptext reads them from their module,
# without loading the rest of the catalogue).
MESSAGES.update(HELP)

# The one catalogue: every section, looked up by `msg`.  A key is in one section only
# (tests/i18n/test_catalogue.py checks it): the page's words are the ones page.js receives.
SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "interface": MESSAGES,
    "errors": ERRORS,
    "page": PAGE_WORDS,
}
# A view, not a copy: an entry added to a section after this line is found too.
CATALOGUE: ChainMap[str, tuple[str, str]] = ChainMap(*SECTIONS.values())
_LOCALIZED = (Phrase, MedbalError)
_COLUMN = {lang: i for i, lang in enumerate(LANGS)}  # an entry is (en, zh), as LANGS


def pick(pair: tuple[str, str], lang: str) -> str:
    """The one of an (en, zh) pair in `lang` (English for a language medbal does not have)."""
    return pair[_COLUMN.get(lang, 0)]


def msg(key: str, lang: str, **values: object) -> str:
    """The catalogue's entry `key` in `lang`, with `values` put in its {fields}.

    `{name!q}` quotes a value as the language quotes data ('x' / “x”); a value that
    is a Phrase or a MedbalError is shown in the same language; a list is joined as
    clauses ("a; b" / "a；b"), a tuple as a list of names ("a, b" / "a、b").
    """
    template = pick(CATALOGUE[key], lang)
    if "!q}" in template:
        template = re.sub(_QUOTED, lambda m: quote(f"{{{m[1]}}}", lang), template)
    if any(isinstance(v, (list, tuple, *_LOCALIZED)) for v in values.values()):
        values = {
            k: in_lang(v, lang) if isinstance(v, (list, tuple, *_LOCALIZED)) else v
            for k, v in values.items()
        }
    return template.format(**values)


_QUOTED = r"\{(\w+)!q\}"  # "{name!q}" becomes "“{name}”" in the language's marks


def in_lang(value: object, lang: str) -> str:
    """A value as a message shows it: a Phrase or MedbalError in `lang`, a list as
    clauses, a tuple as a list of names."""
    if isinstance(value, _LOCALIZED):
        return value.text(lang)
    if isinstance(value, list):
        return clauses((in_lang(v, lang) for v in value), lang)
    if isinstance(value, tuple):
        return listing((in_lang(v, lang) for v in value), lang)
    return str(value)


def label(key: str, lang: str) -> str:
    """A message as the label of what follows it: 'Sources: ' or '依据：'."""
    return msg(key, lang) + colon(lang)


def source_label(ref: str, lang: str) -> str:
    """'seed-001', 'law-art-28', 'gov-2021-14' or 'local:NAME' as a reader sees it."""
    return sources.label(ref, lang)


def phrase_text(phrase: Phrase, lang: str) -> str:
    """An error's data in words: its entry, or its "did you mean" entry where the word
    given is close to a valid one (medbal.i18n.suggest)."""
    phrase = nearest(phrase)
    return msg(phrase.key, lang, **phrase.values)


use_wording(phrase_text)  # medbal.core.errors shows every Phrase and error through this
