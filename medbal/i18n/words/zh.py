"""中文: the words medbal itself says in Chinese (the sections are described in __init__.py).

Set as the project sets Chinese: one space between Han and Latin letters or digits, “”
quotes, Chinese punctuation (tests/i18n/test_catalogue.py checks).
"""

from medbal.i18n.words import Marks

MARKS = Marks(
    name="中文",
    colon="：",
    clauses="；",
    items="、",
    sentences="",
    quotes=("“", "”"),
    aside="{}（{}）",
    plural="",
    html="zh-Hans",
    han=True,
    numerals="han",
    date="{year} 年 {number} 月 {day} 日",
)

INTERFACE: dict[str, str] = {
    # headings shared by outcome and checklist renderers
    "pooled_fund": "统筹基金",
    "next_steps": "下一步怎么做",
    "where_to_check": "去哪里查",
    "caveat": "请留意",
    # Laws and official documents, then the web articles read as background.
    "sources": "依据",
    "channels": "官方渠道",
    "reading": "参考资料",
    "reading_note": "以上仅供参考，请以当地医保经办机构的答复为准。",
    "answers": "您的回答",
    "dropped": "得出这个结果没有用到的回答：",
    "reproduce": "用一条命令得到同样结果：",
    "question_n": "第 {n} 题",
    "needs_answer": "需要回答下面的问题才能继续：",
    "help": "怎样查到答案",
    # interactive prompts
    "keys": "输入序号，或 ? 帮助、b 返回、r 重来、q 退出",
    "keys_end": "输入回答前的序号可修改该回答，r 重来，q 退出",
    "default": "直接回车保留：{value}",
    "not_an_option": "{entry!q}不是选项，请输入 1 到 {n}。",
    "type_a_number": "请输入 1 到 {n} 的序号，或输入 ? 查看帮助。",
    "no_help": "这道题没有补充说明。",
    "first_question": "这已经是第一题。",
    "no_such_answer": "没有第 {entry} 个回答，请输入 1 到 {n}。",
    "bye": "已退出，未保存任何内容。",
    # checklists
    # The short name is English: a Chinese heading and table show the number only.
    "category": "第 {n} 类",
    "no": "序号",
    "slug": "简称",
    "title": "情形",
    "deadline": "报销时限",
    "no_claim_deadlines": (
        "申请这些报销有没有期限、期限多长，请向医保经办机构问清，尽早办理。"
        "各类的时限和条件见各自的清单。"
    ),
    "deadlines": "时限和条件",
    "deadlines_shared": "时限和条件：两类报销都适用",
    "deadlines_of": "时限和条件：{title}",
    "applies_when": "适用情形",
    "conditions": "条件",
    "documents": "本情形所需材料",
    "variant": "如属于：{title}",
    "common_documents": "另需携带",
    "claim_steps": "报销流程",
    "notes": "注意事项",
    "legal_basis": "法律依据",
    "region": "适用地区",
    "region_line": "本清单按{region}的规定编写。{note}",
    "applicant_name": "申请人姓名",
    "id_number": "身份证号",
    "date": "日期",
    "staff": "经办人",
    # The command first: at any width it starts a line, so it is never split.
    "checklist_command": "要带的材料：medbal docs {n}",
    "checklist_next_page": "要带的材料见下一页。",
    "printed_on": "medbal 于 {date}打印。本页仅供参考，不代表医保经办机构的决定。",
    # `medbal tree show`: ids for the authors in English, the texts alone in Chinese
    "outline_question": "{text}",
    "outline_root": "{title}",
    "outline_option": "（{n}）{label}",
    "outline_outcome": "结果：{title}",
    "outline_seen": "→ 见上文：{text}",
    "show_checklist": "；输入 d 查看要带的材料",
    # estimate
    # Only costs within the policy scope (政策范围内) count: the title says so, and every
    # figure carries its unit (in a table, the column's head).
    "est_title": "{region}：政策范围内住院费用 {bill} 元的估算",
    "est_title_items": (
        "{region}：政策范围内住院费用 {total} 元的估算（分段计算 {bill} 元，单列项目 {items} 元）"
    ),
    "est_band": "分段（元）",
    # A band's bounds: a spaced hyphen in English, a full-width tilde in Chinese.
    "est_range": "{start}～{end}",
    "est_amount": "金额（元）",
    "est_rate": "比例",
    "est_paid": "支付（元）",
    "est_money": "{amount} 元",
    "est_total": "统筹基金约支付",
    "est_own": "个人约负担",
    "est_no_threshold": (
        "这个例子没有给出起付线金额，也没有用 --threshold 指定，因此未扣除起付线：实际报销会更少。"
    ),
    "est_threshold": "已扣除起付线：{threshold} 元。",
    "est_no_cap": "这个例子没有给出最高支付限额，因此未设上限。",
    "est_cap": "已按最高支付限额 {cap} 元封顶（封顶前：{before}）。",
    "est_cap_known": "最高支付限额：{cap} 元，未达到。",
    "est_reading": "比例的理解方式",
    "est_notice": (
        "这只是估算，不是决定。只有政策范围内的费用（药品目录、诊疗项目和医疗服务设施标准以内的）"
        "才按这些比例支付，范围以外的由个人负担；实际报销金额以医保经办机构审核为准。"
    ),
    "est_applies": "适用于：{what}",
    "more": "查看某一类的清单：medbal docs 序号",
    "answer_add": "把符合您情况的那一项 --answer 加到下面的命令后面，再运行一次：",
    # Regional rules, named beside the rule (medbal.present.views.region_tag); the regions'
    # own words are medbal.i18n.sources.REGIONS.  An outcome that leads to two categories.
    "region_tag": "{rule}，请向当地确认",
    "region_rule_of": "{name} 的规定",
    "national_tag": "国家规定",
    "national_name": "全国",  # the name of `region: national` (medbal.files.regions)
    "checklists_below": "要带的材料列在下方，每一类一页；打印时在本页之后。",
    "checklist_command_of": "medbal docs {n} 列出第 {n} 类要带的材料。",
    "checklist_next_pages": "要带的材料见后面几页，每一类一页。",
    # Deadlines in a table (medbal.present.pages.deadline_summary); the plural rule is
    # medbal.i18n.typeset.counted.
    "unit_day": "天",
    "unit_month": "个月",
    "unit_year": "年",
    "deadline_within": "{count}内",
    "deadline_at_least": "至少 {count}",
    "deadline_not_stated": "未写明，请询问",
    # A question that asks for a date (medbal.present.kinds.date), and the day a deadline
    # counted from it falls on (medbal.present.views: the region's tag is added after).
    "keys_date": "按“年-月-日”的格式输入日期，不填日期输入 0，或 ? 帮助、b 返回、r 重来、q 退出",
    "type_a_date": (
        "请按“年-月-日”的格式输入日期，例如 2026-11-20；不填日期请输入 0；输入 ? 可查看帮助。"
    ),
    "date_asked": "填一个日期，格式为“年-月-日”（例如 2026-11-20）",
    "date_asked_of": "请填写{what}，格式为“年-月-日”（例如 2026-11-20）",
    "due_heading": "推算的办理期限",
    "due_by": "最晚在 {date}办好。",
    "due_passed": "办理期限 {date}已过。",
    # Articles of the Social Insurance Law (medbal.i18n.sources.law_label), numbered in
    # Chinese numerals (MARKS.numerals).
    "law_article": "第{n}条",
    "law_one": "《中华人民共和国社会保险法》{article}",
    "law_many": "《中华人民共和国社会保险法》{articles}、{last}",
    # `medbal tree list` (medbal.present.authoring): its columns, a file's size in units
    # (counted as medbal.i18n.typeset.counted: "7 questions"), where it comes from
    "list_id": "标识",
    "list_kind": "类型",
    "list_title": "标题",
    "list_size": "规模",
    "list_from": "位置",
    "list_file": "文件",
    "unit_question": "个问题",
    "unit_outcome": "个结果",
    "unit_checklist": "类",
    "unit_region": "个地区",
    "unit_problem": "处问题",
    "kind_invalid": "无效",
    "origin_overlay": "覆盖文件夹",
    "origin_shipped": "内置",
    "origin_replaces": "替换内置文件",
    "origin_patches": "修补内置文件",
    "origin_replaced": "已被覆盖文件夹替换",
    "origin_patched": "已被覆盖文件夹修补",
    "origin_patch_of": "{id} 的补丁",
    # `medbal tree validate`, after the file's name (its problems are the loaders' own)
    "kind_tree": "问答树",
    "kind_checklists": "材料清单",
    "kind_rates": "报销比例表",
    "file_valid": "：有效（{kind}{id!q}）",
    "file_valid_patch": "：有效（{kind}{id!q}，{base} 的补丁）",
}

ERRORS: dict[str, str] = {
    # medbal.process: the program as a whole
    "interrupted": "已中断。",
    "terminated": "已终止。",
    "bug": "内部错误（{what}）；请报告此问题，设置 MEDBAL_DEBUG=1 后重新运行可看到详情",
    "lossy": (
        "此终端的编码（{encoding}）无法显示部分字符，已显示为“?”；请使用 UTF-8 编码（例如 "
        "LANG=C.UTF-8）"
    ),
    "stdout_failed": "无法写入标准输出：{reason}",
    # medbal.commands.click_errors: Click's usage errors, rebuilt from their parts
    "click_no_option": "没有 {name} 这个选项",
    "click_no_option_dym": "没有 {name} 这个选项；您是不是要输入 {best}？",
    "click_missing": "缺少 {name}",
    "click_needs_value": "{name} 后面需要给出一个值",
    "click_takes_no_value": "{name} 不接受取值",
    "click_bad_usage": "{name} 的用法有误（{message}）",
    "click_no_command": "没有{word!q}这个命令；可用的命令：{names}",
    "click_no_command_dym": "没有{word!q}这个命令，您是不是要输入{best!q}？可用的命令：{names}",
    "click_extra": "多出了无法识别的内容：{words}",
    "click_not_one_of": "{name} 的值{given!q}无效；可选：{allowed}",
    "click_bad_value": "{name} 的值有误（{message}）",
    "click_help_hint": "可运行{command!q}查看用法。",
    # options and their values
    "lang_invalid": "{where} 为{value!q}；可选：{langs}",
    "answer_form": "--answer{pair!q}的格式应为 问题=答案，例如 --answer scheme=employer",
    # A date answer (medbal.core.kinds.date): each names the form to write it in.
    "date_form": (
        "{value!q}不是{asked}能用的日期，请按“年-月-日”的格式填写，例如 {example}；"
        "不清楚日期的，填 {skip}"
    ),
    "date_no_such_day": (
        "{value!q}这一天并不存在：{asked}请按“年-月-日”的格式填写实际日期，例如 {example}"
    ),
    "date_future": "{value!q}晚于今天（{today}）：{asked}请填写今天或更早的日期，格式为“年-月-日”",
    "date_range": "{value!q}早于 {first}：{asked}请填写 {first}以后的日期，格式为“年-月-日”",
    # a question named in a message: its words, and its id for the command line
    "asked": "问题{text!q}（{qid}）",
    "answer_twice": "--answer{qid!q}给了两次（{first!q}和{second!q}）；每个问题只能有一个回答",
    "item_form": "--item{pair!q}的格式应为 项目=金额，例如 --item class-b=1200",
    "region_empty": "--region 为空；可选地区：{regions}",
    "no_region": "{path} 中没有地区{region!q}；可选地区：{regions}",
    # the same, where no file of the machine is named (medbal serve)
    "no_region_in_rates": "费率文件中没有地区{region!q}；可选地区：{regions}",
    "as_of_form": "--as-of{value!q}应为 YYYY-MM-DD 格式的日期",
    "category_and_all": "请指定一个类别或 --all，不能同时使用",
    "page_needs_output": (
        "网页是给浏览器看的 HTML，不在终端里显示：请用 --output 文件名 指定要写入的文件（例如 "
        "--output medbal.html），或重定向：medbal page > medbal.html"
    ),
    # `-`: standard input in place of a file (medbal.commands.common)
    "stdin_twice": (
        "标准输入只能读取一次：{first} 和 {second} 只能有一个用 -，另一个请给已保存的文件"
    ),
    "batch_stdin_tree": "使用 --batch 时，TREE 应为树的名称或已保存的文件，不能是 -（标准输入）",
    "none_listed": "无",  # in place of an empty list of ids
    # a value a person types, with what it means where the value is an English word
    "named_value": "{value}（{label}）",
    "category_named": "第 {n} 类（{title}）",
    # amounts (medbal.core.estimate)
    "the_amount": "金额",
    "amount_negative": "{what}{text!q}是负数；金额须为 0 或以上",
    "amount_invalid": "{what}{text!q}写法不对，请以元为单位填写数字，例如 8000、8,000 或 8000.50",
    "amount_too_large": "{what}{text!q}超出了任何账单的金额（最多 100,000,000 元）",
    "threshold_above_bill": (
        "起付线（{start} 元）高于账单金额（{bill} 元）：起付线以下统筹基金不支付，无需估算"
    ),
    "no_item": "地区{region!q}没有项目{item!q}；可选项目：{named}",
    # trees, categories and answers
    "no_category": "没有{name!q}这一类；请输入类别的序号：{numbers}",
    "no_question": "{title!q}（{tree}）里没有编号为{qid!q}的问题；可以回答的问题：{named}",
    "not_an_answer": "{value!q}不是{asked}的答案；可选：{named}",
    "no_tree": "没有名为{name!q}的问答树；现有：{known}",
    "no_tree_file": "没有树文件{name!q}",
    "tree_name_unusable": "{name!q}无法用作树的名称或文件（{reason}）",
    "no_home": "没有这个主文件夹",
    "name_nul": "其中含有空字符",
    "not_a_tree": "{name!q}（{path}）不是问答树，请用{other!q}",
    "wrong_kind": "{path} 应为 kind: {kind} 文件",
    "trees_not_folder": "{where} 指定的{raw!q}不是文件夹；请给出存放 .yaml 树文件的文件夹",
    "trees_unreadable": "{where} 指定的{raw!q}无法读取（{reason}）",
    "too_many_paths": (
        "树{tree!q}的路径太多（{paths}，共 {answers:,} 个回答）：“tree paths”最多列出 "
        "{max_paths:,} 条路径、{max_answers:,} 个回答；请用 medbal tree export 查看流程图"
    ),
    "paths_count": "{count:,} 条",
    "paths_beyond": "超过 10**18 条",
    "reserved_question": "{tree!q}中有名为{name!q}的问题，网页要用这个名字；请给问题改名",
    "tree_twice": "树{tree!q}重复给出",
    # files a person names (medbal.files.bounded: said after the file's name)
    "file_unreadable": "无法读取（{reason}）",
    "file_is_folder": "是文件夹，应为 .yaml 文件",
    "file_not_regular": (
        "不是已保存的文件（而是管道、设备或套接字）：请改用 -，从标准输入传入，或先保存为文件"
    ),
    "file_too_large": "太大（{size:,} 字节；最多 {limit:,} 字节）",
    "file_grew_too_large": "太大（超过 {limit:,} 字节）",
    "answers_file_unreadable": "--answers-file{path!q}{why}",
    "answers_stdin_unreadable": "--answers-file - {why}",
    "answers_file_problems": "回答文件有误：{problems}",
    # --output (medbal.files.write)
    "output_empty": "--output 后面需要文件名（输出到标准输出请用 -）",
    "output_is_folder": "--output{target!q}是文件夹，请给出文件名",
    "output_not_regular": (
        "--output{target!q}不是普通文件（而是设备或管道）；输出到标准输出请用 --output -"
    ),
    "output_no_folder": "无法写入{target!q}：文件夹{folder!q}不存在",
    "output_failed": "无法写入{target!q}：{reason}",
    # --batch (medbal.commands.batch, medbal.api.batch): the input, and each line's errors
    "batch_unreadable": "无法读取 --batch{source!q}（{why}）",
    "batch_no_stdin": "没有标准输入",
    "batch_device": "这是设备，不是文件或管道",
    "batch_no_line_break": "64 MiB 内没有换行",
    "batch_conflict": "--batch 从每一行读取回答并写到标准输出，请去掉 {option}",
    "batch_format": "--batch 总是输出 JSON 行；请去掉 --format，或改用 --format json",
    "batch_encoding": "这一行不是 UTF-8 编码的文本",
    "batch_not_json": "这一行不是有效的 JSON（第 {column} 列：{why}）",
    # json's own complaints, in the person's language (medbal.api.batch)
    "json_expecting_value": "此处应为一个值",
    "json_expecting_comma": "此处应为逗号",
    "json_expecting_colon": "此处应为冒号",
    "json_expecting_name": "此处应为带双引号的键",
    "json_unterminated": "字符串没有结束",
    "json_control": "字符串中有控制字符",
    "json_escape": "反斜杠转义无效",
    "json_extra": "对象后面还有多余的内容",
    "json_invalid": "此处无效",
    "json_at": "第 {line} 行第 {column} 列：{why}",  # where, in a body of many lines
    "batch_too_deep": "这一行的数组和对象嵌套超过了 {limit} 层",
    "batch_lone_surrogate": (
        "这一行含有 {value}，这是半个字符（孤立的代理项），任何文本都无法包含它"
    ),
    "batch_key_twice": "这一行中键{name!q}出现了两次；每个键只能给一次",
    "batch_number_as_written": "数值 {value} 会被写回为 {written}；请写成 {written}，或写成字符串",
    "batch_not_a_number": "这一行不是有效的 JSON（{value} 不是 JSON 数值）",
    "batch_too_large": "这一行不是有效的 JSON（{value} 超出了 JSON 数值的范围）",
    "batch_not_object": (
        '这一行应为 JSON 对象，例如 {{"answers": {{"scheme": "employer"}}, "id": 1}}'
    ),
    "batch_unknown_key": "这一行有无法识别的键{name!q}；可用的键：{keys}",
    "batch_unknown_key_dym": "这一行有无法识别的键{name!q}，您是不是要写{best!q}？可用的键：{keys}",
    "batch_tree": "“tree”应为树的名称（树文件只能在命令行里指定）",
    "batch_lang": "“lang”的值 {value} 无效；可选：{langs}",
    "batch_answers": "“answers”应为对象，以问题为键、答案为值，两者都须是文本",
    "batch_internal": "这一行无法处理（{why}），请报告此问题",
    "batch_too_long": "这一行超过 {limit} 字节，已跳过",
    # did you mean (medbal.i18n.suggest)
    "dym_category": "没有{name!q}这一类，您是不是要找{best_shown}？请输入类别的序号：{numbers}",
    "dym_tree": "没有名为{name!q}的问答树，您是不是要找{best!q}？现有：{known}",
    "dym_question": (
        "{title!q}（{tree}）里没有编号为{qid!q}的问题，您是不是要找{best_shown}？"
        "可以回答的问题：{named}"
    ),
    "dym_value": "{value!q}不是{asked}的答案，您是不是要选{best!q}？可选：{named}",
    "end_of_input": "还没回答就结束了输入；请重新运行，或用 --answer 问题=答案 直接给出回答",
    "no_format": "{kind!q}视图没有{fmt!q}格式；可用的格式：{formats}",
    "no_view_kind": "没有{kind!q}这种视图；可用的视图：{kinds}",
    "view_mismatch": "这个视图不是{kind!q}视图的结构（{why}）",
    "document_needs_outcome": "要带回家的页面需要一个结果：请先回答还没回答的问题",
    # the Python API's arguments (medbal.api.checks): what each should be
    "api_argument": "{name} 应为{expected}，不能是 {given}",
    "arg_text": "文本（str）",
    "arg_lang": "语言（{langs} 之一；str），或 None",
    "arg_folder": "文件夹路径（str 或 Path），或 None",
    "arg_tree": "树的名称或 YAML 文件的路径（str 或 Path），或 Tree",
    "arg_answers": "以问题为键、答案为值的映射，两者都须是文本",
    "arg_amount": "以元为单位的金额（str、int 或 Decimal）",
    "arg_items": "“项目=金额”形式的文本列表，或以项目为键、金额为值的映射",
    "arg_category": "类别的序号或简称（int 或 str），或 None",
    "arg_whole": "整数（int）",
    "arg_date": "YYYY-MM-DD 格式的日期（str 或 datetime.date），或 None",
    "arg_view": "视图（映射，即 medbal.api 返回的结果）",
    "arg_cases": "由案例组成的可迭代对象（映射或 JSON 行）",
    "arg_names": "由树的名称、YAML 文件路径或 Tree 组成的列表",
    "arg_outcome": "这棵树中的一个结果",
    "arg_flag": "True 或 False（bool）",
    "arg_naming": "options（--threshold）或 keys（threshold）",
    # api.Session (medbal.api.session)
    "session_done": "对话已经得出结果，没有要回答的问题；请修改回答或重新开始",
    "not_answered": "{qid!q}还没有回答，无法修改；已回答的问题：{answered}",
    # shell completion (medbal.commands.complete)
    "complete_instruction": (
        "_MEDBAL_COMPLETE 为{value!q}；应为 source_SHELL 或 complete_SHELL，SHELL 可选：{shells}"
    ),
    "complete_environment": "命令补全需要 COMP_WORDS，且 COMP_CWORD 应为数字（现为{value!q}）",
    # medbal serve: the command, and the errors of the HTTP API (medbal.serve)
    "serve_needs_extra": (
        "medbal serve 需要额外安装 serve 组件：在源码目录中运行 {command}（或运行 {checkout}，"
        "再用 uv run 启动）"
    ),
    "serve_cannot_listen": "无法在 {address} 上监听：{reason}",
    "serve_encoding": "请求正文不是 UTF-8 编码的文本",
    "serve_lone_surrogate": (
        "请求正文含有 {value}，这是半个字符（孤立的代理项），任何文本都无法包含它"
    ),
    "serve_not_json": "请求正文不是有效的 JSON（{why}）",
    "serve_too_deep": "嵌套层数过多",
    "serve_not_a_number": "{value} 不是 JSON 数值",
    "serve_number_too_large": "{value} 超出了 JSON 数值的范围",
    "serve_not_object": "请求正文应为 JSON 对象",
    "serve_not_array": "请求正文应为由案例组成的 JSON 数组",
    "serve_too_many_cases": "一次最多提交 {limit} 个案例，这次有 {count} 个",
    "serve_unknown_key": "请求正文中有无法识别的键{name!q}；可用的键：{keys}",
    "serve_unknown_key_dym": (
        "请求正文中有无法识别的键{name!q}，您是不是要写{best!q}？可用的键：{keys}"
    ),
    "serve_missing_key": "请求正文缺少{name!q}",
    "serve_wrong_type": "{where!q}应为{expected}",
    "serve_a_text": "文本",
    "serve_a_number": "数值",
    "serve_an_object": "对象",
    "serve_an_amount": "以元为单位的金额（数值，或“8,000”这样的文本）",
    "serve_not_one_of": "{where!q}的值 {value} 无效；可选：{values}",
    "serve_unknown_query": "没有查询参数{name!q}；可用的参数：{names}",
    "serve_not_found": "{path!q}不存在；GET /openapi.json 列出了所有接口",
    "serve_method": "{path!q}不接受 {method} 请求；可用：{allowed}",
    "serve_too_large": "请求正文超过了 {limit} 字节",
    "serve_media_type": "请求正文应为 JSON，并带上 Content-Type: application/json",
    "serve_slow": "请求正文没有在 {seconds} 秒内传完",
    "serve_internal": "内部错误（{what}），请报告此问题",
    "serve_started": "已在 {url} 用 {workers}提供服务：{trees}；按 Ctrl-C 停止",
    "serve_worker": "个工作进程",
    "serve_workers_failed": "工作进程自行停止了，原因见上面几行",
}

PAGE: dict[str, str] = {
    "language": "语言",  # the name of the language switch, said in every language
    "app_title": "medbal：医保个人账户与报销指南",
    "start_heading": "医保个人账户为什么是 0，报销要带哪些材料？",
    "start_intro": "请先选择要了解的事项，再逐题回答。您的回答只留在本页面里，不会发送到任何地方。",
    "topics": "可以了解的事项",
    "help_toggle": "怎样查到答案？",
    "progress": "第 {n} 题，最多共 {total} 题",
    "earlier": "您之前的选择",
    "back": "上一步",
    "restart": "重新开始",
    "home": "其他事项",
    "change": "修改",
    # A "Change" button's name for a screen reader: which answer it changes.
    "change_named": "修改：{question}",
    "print": "打印",
    "made": "本页由 medbal {version} 于 {date}生成，仅供参考，不代表医保经办机构的决定。",
    "printed": "打印日期：{date}",
    "checklist_below": "要带的材料列在下方；打印时从下一页开始。",
    # Nothing of the address is shown: a link can carry any text (a false warning, a
    # phone number, a bidi override), and only the page's own words are trusted.
    "bad_link": "链接中有部分内容与这些问题不符，已略去。",
    "sheet_link": "第 {n} 类：{title}",
    # Shared with the printed sheets (medbal/present/pages.py): the heading of an outcome's
    # explanation, which follows what to do; a sheet's kicker without the short name.
    "why": "为什么是这个结果",
    "category_n": "第 {n} 类",
    # A date question (medbal/present/page_assets/page.js drawDate): the field, and why
    # a date is refused, as the engine refuses it (medbal.core.kinds.date).
    "date_give": "请填写日期",
    "date_give_of": "请填写{what}",
    "date_next": "下一步",
    "date_field_bad": (
        "这不是有效的日期。请填写实际存在的日期，格式为“年-月-日”，例如 2026-11-20。"
    ),
    "date_field_future": (
        "这一天还没到。请填写今天或更早的日期，格式为“年-月-日”，例如 2026-11-20。"
    ),
    "date_field_early": "请填写 1900 年 1 月 1 日以后的日期，格式为“年-月-日”，例如 2026-11-20。",
    "noscript": "本页面需要 JavaScript，请用开启了 JavaScript 的浏览器打开。",
}

SOURCES: dict[str, tuple[str, str]] = {
    # The seed articles are web pages, not rules: a reader sees what each is about and
    # where it was found (no invented Chinese title for the English ones), under the
    # heading of background reading (参考资料), apart from the laws and documents; what
    # they are worth is said once under the list (reading_note).  No note of their own:
    # the description says where each was found.
    "seed-000": ("一篇讲余额为 0 的原因和厦门十一类报销的网络文章", ""),
    "seed-001": ("几则讲医保个人账户余额为 0 的网上问答", ""),
    "seed-002": ("招聘求职网站上一篇讲缴了医保余额却为 0 的文章", ""),
    "seed-003": ("网络文章《医保余额无故减少》", "2023 年 6 月 22 日"),
    "seed-004": ("招聘求职网站上一篇讲异地就医费用怎样报销的文章", ""),
    "gov-2021-14": (
        "《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》",
        "国办发〔2021〕14号",
    ),
    "gov-2024-38": (
        "《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》",
        "国办发〔2024〕38号",
    ),
    "gov-2019-10": (
        "《国务院办公厅关于全面推进生育保险和职工基本医疗保险合并实施的意见》",
        "国办发〔2019〕10号",
    ),
    "gov-1998-44": ("《国务院关于建立城镇职工基本医疗保险制度的决定》", "国发〔1998〕44号"),
    "scope-in-policy": (
        "《中华人民共和国社会保险法》第二十八条",
        "政策范围内费用：药品目录、诊疗项目和医疗服务设施标准",
    ),
    "nhsa-2022-22": (
        "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》",
        "医保发〔2022〕22号",
    ),
    "nhsa-12393": ("12393 医保服务热线", "国家医疗保障局"),
    "nhsa-app": ("国家医保服务平台 App 和医保电子凭证", "国家医疗保障局"),
    "reform-2018": (
        "2018 年国务院机构改革，以及 2019 年起社会保险费改由税务部门征收",
        "国务院，2018 年",
    ),
}

REGIONS: dict[str, tuple[str, str]] = {
    "xiamen": ("福建省厦门市", "厦门的规定"),
    "zigui": ("湖北省秭归县", "秭归县的规定"),
    # Seed 003's older rules (an approval valid one year, two or three hospitals): the
    # article does not say whose they were.
    "older-local": ("未注明的某地", "某地早年的规定"),
    # A practice the sources give as common, not as one place's nor as national (a
    # newborn's 90 days: domain.md section 9).
    "many-places": ("不少地方", "不少地方的做法"),
}

HELP: dict[str, str] = {
    # The top-level --help (medbal.commands.helptext): its headings, every exit code and
    # every environment variable
    "help_examples": "示例",
    "help_exit_codes": "退出码",
    "help_environment": "环境变量",
    "help_exit_0": "完成：得出结果、材料清单或文件有效；按 q 退出、读取方提前关闭管道也是 0",
    "help_exit_1": "树文件有误、写入失败、回答之前输入已结束，或内部错误",
    "help_exit_2": "输入有误：命令、选项、树、问题、回答或类别不存在，或取值格式不对",
    "help_exit_3": "一次性的 diagnose 停在一个还没有回答的问题上",
    "help_exit_130": "被中断（Ctrl-C）",
    "help_exit_143": "被终止（SIGTERM）；正在写入的文件会被删除",
    "help_env_lang": "未给 --lang 时的语言（{langs}）",
    "help_env_locale": "其次是区域设置：以第一个有值的为准（zh 开头为中文），否则为英文",
    "help_env_trees": "覆盖内置树文件的文件夹，同 --trees",
    "help_env_cache": "设为 0 时不使用已检查树文件的缓存",
    "help_env_xdg": "缓存存放处：其中的 medbal 文件夹，未设置时为主目录下的 .cache/medbal",
    "help_env_debug": "有值时，内部错误会显示完整的出错信息（traceback）",
    "help_env_no_color": "有值时不使用颜色，排版不变",
    "help_env_force_color": "有值时即使输出到管道也使用颜色（NO_COLOR 优先）",
    "help_env_term": "为 dumb 时不使用颜色，排版不变",
    "help_env_columns": "文字和帮助的排版宽度（默认为窗口宽度）",
}
