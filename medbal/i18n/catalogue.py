"""The words of the interface itself, in both languages.

The content (questions, outcomes, categories, documents) lives in trees/; these
are only headings, prompts and hints that every tree shares.
"""

from __future__ import annotations

from medbal.core import sources

MESSAGES: dict[str, tuple[str, str]] = {
    # headings shared by outcome and checklist renderers
    "pooled_fund": ("The pooled fund", "统筹基金"),
    "next_steps": ("What to do next", "下一步怎么做"),
    "where_to_check": ("Where to check", "去哪里查"),
    "caveat": ("Keep in mind", "请留意"),
    "sources": ("Sources", "依据"),
    "answers": ("Your answers", "您的回答"),
    "dropped": ("Answers not needed for this result:", "得出这个结果没有用到的回答："),
    "reproduce": ("The same result as one command:", "用一条命令得到同样结果："),
    "question_n": ("Question {n}", "第 {n} 题"),
    "needs_answer": ("An answer is needed to go on:", "需要回答下面的问题才能继续："),
    "answer_with": ("Answer with: {hint}", "回答方式：{hint}"),
    "help": ("How to find out", "怎样查到答案"),
    # interactive prompts
    "keys": ("Type a number, or ? help, b back, r restart, q quit",
             "输入序号，或 ? 帮助、b 返回、r 重来、q 退出"),
    "keys_end": ("Type an answer's number to change it, r to restart, or q to quit",
                 "输入回答前的序号可修改该回答，r 重来，q 退出"),
    "default": ("Enter keeps: {value}", "直接回车保留：{value}"),
    "not_an_option": ("'{entry}' is not one of the options; type 1 to {n}.",
                      "“{entry}”不是选项，请输入 1 到 {n}。"),
    "type_a_number": ("Type a number from 1 to {n}, or ? for help.",
                      "请输入 1 到 {n} 的序号，或输入 ? 查看帮助。"),
    "no_help": ("This question has no extra help.", "这道题没有补充说明。"),
    "first_question": ("This is the first question.", "这已经是第一题。"),
    "no_such_answer": ("There is no answer {entry}; type 1 to {n}.",
                       "没有第 {entry} 个回答，请输入 1 到 {n}。"),
    "bye": ("Stopped. Nothing was saved.", "已退出，未保存任何内容。"),
    # checklists
    "category": ("Category", "类别"),
    "no": ("No.", "序号"),
    "slug": ("Short name", "简称"),
    "title": ("Situation", "情形"),
    "deadline": ("Deadline", "时限"),
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
    "region_line": ("These are the rules of {region}. {note}", "以上为{region}的规定。{note}"),
    "applicant_name": ("Applicant's name", "申请人姓名"),
    "id_number": ("ID number", "身份证号"),
    "date": ("Date", "日期"),
    "staff": ("Staff member", "经办人"),
    "checklist_command": ("The documents to bring: medbal docs {n}",
                          "要带的材料：medbal docs {n}"),
    "checklist_next_page": ("The documents to bring are on the next page.",
                            "要带的材料见下一页。"),
    "printed_on": ("Printed on {date} by medbal. This is guidance, not a decision of the agency.",
                   "medbal 于 {date} 打印。本页仅供参考，不代表经办机构的决定。"),
    "show_checklist": ("; d shows the documents to bring", "；输入 d 查看要带的材料"),
    # estimate
    "est_title": ("Estimate for a bill of {bill} yuan: {region}",
                  "{region}：{bill} 元住院费用的估算"),
    "est_title_items": ("Estimate for a bill of {total} yuan ({bill} in the bands, {items} "
                        "in separately rated items): {region}",
                        "{region}：{total} 元住院费用的估算"
                        "（分段计算 {bill} 元，单列项目 {items} 元）"),
    "est_band": ("Band (yuan)", "分段（元）"),
    "est_amount": ("Amount", "金额"),
    "est_rate": ("Rate", "比例"),
    "est_paid": ("Paid", "支付"),
    "est_total": ("The pooled fund pays about", "统筹基金约支付"),
    "est_own": ("You pay about", "个人约负担"),
    "est_no_threshold": ("The source gives no threshold figure and none was given with "
                         "--threshold, so nothing was deducted: the real payment is lower.",
                         "资料没有给出起付线金额，也没有用 --threshold 指定，因此未扣除起付线："
                         "实际报销会更少。"),
    "est_threshold": ("Threshold deducted: {threshold} yuan.", "已扣除起付线：{threshold} 元。"),
    "est_no_cap": ("The source gives no payment cap, so none was applied.",
                   "资料没有给出最高支付限额，因此未设上限。"),
    "est_cap": ("The payment cap of {cap} yuan applies (before the cap: {before}).",
                "已按最高支付限额 {cap} 元封顶（封顶前：{before}）。"),
    "est_cap_known": ("Payment cap: {cap} yuan, not reached.", "最高支付限额：{cap} 元，未达到。"),
    "est_reading": ("How the rates are read", "比例的理解方式"),
    "est_notice": ("This is an estimate, not a decision: the agency decides what is paid.",
                   "这只是估算，不是决定：实际报销金额以经办机构审核为准。"),
    "est_applies": ("For: {what}", "适用于：{what}"),
    "more": ("For one checklist: medbal docs NUMBER", "查看某一类的清单：medbal docs 序号"),
}

# --batch (medbal/batch.py) and "did you mean" (medbal/suggest.py): errors a person reads.
MESSAGES.update({
    "batch_unreadable": ("--batch '{source}' cannot be read ({why})",
                         "无法读取 --batch “{source}”（{why}）"),
    "batch_conflict": ("--batch takes the answers from each line and writes to stdout; "
                       "leave out {option}",
                       "--batch 从每一行读取回答并写到标准输出，请去掉 {option}"),
    "batch_format": ("--batch always writes JSON lines; leave out --format or give --format json",
                     "--batch 总是输出 JSON 行；请去掉 --format，或改用 --format json"),
    "batch_encoding": ("the line is not UTF-8 text", "这一行不是 UTF-8 编码的文本"),
    "batch_not_json": ("the line is not JSON ({why})", "这一行不是有效的 JSON"),
    "batch_not_object": ('the line should be a JSON object, for example '
                         '{{"answers": {{"scheme": "employer"}}, "id": 1}}',
                         '这一行应为 JSON 对象，例如 '
                         '{{"answers": {{"scheme": "employer"}}, "id": 1}}'),
    "batch_unknown_key": ("the line has an unknown key '{name}'; a line may have: {keys}",
                          "这一行有无法识别的键“{name}”；可用的键：{keys}"),
    "batch_unknown_key_dym": ("the line has an unknown key '{name}'; did you mean '{best}'? "
                              "A line may have: {keys}",
                              "这一行有无法识别的键“{name}”，您是不是要写“{best}”？"
                              "可用的键：{keys}"),
    "batch_tree": ("'tree' should be the id of a tree (a file is named on the command line)",
                   "“tree”应为树的名称（树文件只能在命令行里指定）"),
    "batch_lang": ("'lang' is {value}; choose one of: {langs}",
                   "“lang”的值 {value} 无效；可选：{langs}"),
    "batch_answers": ("'answers' should be an object of QUESTION: VALUE, both text",
                      "“answers”应为对象，以问题为键、答案为值，两者都须是文本"),
    "batch_internal": ("this line could not be answered ({why}); please report it",
                       "这一行无法处理（{why}），请报告此问题"),
    "batch_too_long": ("the line is longer than {limit} bytes and was skipped",
                       "这一行超过 {limit} 字节，已跳过"),
    "dym_category": ("no category '{name}'; did you mean '{best}'? "
                     "Choose a number or short name: {valid}",
                     "没有类别“{name}”，您是不是要找“{best}”？请输入序号或简称：{valid}"),
    "dym_tree": ("no tree named '{name}'; did you mean '{best}'? Known trees: {known}",
                 "没有名为“{name}”的树，您是不是要找“{best}”？现有：{known}"),
    "dym_question": ("tree '{tree}' has no question '{qid}'; did you mean '{best}'? "
                     "Its questions are: {ids}",
                     "“{tree}”中没有问题“{qid}”，您是不是要找“{best}”？可用的问题：{ids}"),
    "dym_value": ("'{value}' is not an answer to '{qid}'; did you mean '{best}'? "
                  "Choose one of: {values}",
                  "“{value}”不是问题“{qid}”的答案，您是不是要选“{best}”？可选：{values}"),
    "answer_add": ("Add the --answer that fits to this command and run it again:",
                   "把符合您情况的那一项 --answer 加到下面的命令后面，再运行一次："),
})


def msg(key: str, lang: str, **values: object) -> str:
    en, zh = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**values)


def label(key: str, lang: str) -> str:
    """A message as the label of what follows it: 'Sources: ' or '依据：'."""
    return msg(key, lang) + ("：" if lang == "zh" else ": ")


def source_label(ref: str, lang: str) -> str:
    """'seed-001', 'law-art-28', 'gov-2021-14' or 'local:NAME' as a reader sees it."""
    return sources.label(ref, lang)
