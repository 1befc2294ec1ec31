"""The catalogue's errors section: every message of a MedbalError, and the start-up words.

Looked up like every other entry, by medbal.i18n.catalogue.msg.  `{name!q}` quotes a
value in the language's quotation marks ('x' / “x”, medbal.i18n.typeset); a value
that is a Phrase or an error is shown in the same language; a list is joined as
clauses ("a; b" / "a；b").
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # medbal.process: the program as a whole
    "interrupted": ("interrupted.", "已中断。"),
    "terminated": ("terminated.", "已终止。"),
    "bug": (
        "internal error ({what}); please report it, and run again with MEDBAL_DEBUG=1 "
        "for the details",
        "内部错误（{what}）；请报告此问题，设置 MEDBAL_DEBUG=1 后重新运行可看到详情",
    ),
    "lossy": (
        "this terminal's encoding ({encoding}) cannot show some characters; they "
        "appear as '?'. Use a UTF-8 locale (for example LANG=C.UTF-8) to see them",
        "此终端的编码（{encoding}）无法显示部分字符，已显示为“?”；请使用 UTF-8 "
        "编码（例如 LANG=C.UTF-8）",
    ),
    "stdout_failed": ("cannot write to standard output: {reason}", "无法写入标准输出：{reason}"),
    # medbal.commands.click_errors: Click's usage errors, rebuilt from their parts
    "click_no_option": ("there is no option {name}", "没有 {name} 这个选项"),
    "click_no_option_dym": (
        "there is no option {name}; did you mean {best}?",
        "没有 {name} 这个选项；您是不是要输入 {best}？",
    ),
    "click_missing": ("{name} is missing", "缺少 {name}"),
    "click_needs_value": ("{name} needs a value", "{name} 后面需要给出一个值"),
    "click_takes_no_value": ("{name} takes no value", "{name} 不接受取值"),
    "click_bad_usage": ("{name}: {message}", "{name} 的用法有误（{message}）"),
    "click_no_command": (
        "there is no command {word!q}; the commands are: {names}",
        "没有{word!q}这个命令；可用的命令：{names}",
    ),
    "click_extra": ("unexpected extra words: {words}", "多出了无法识别的内容：{words}"),
    "click_not_one_of": (
        "{name} {given!q} is not one of: {allowed}",
        "{name} 的值{given!q}无效；可选：{allowed}",
    ),
    "click_bad_value": ("{name}: {message}", "{name} 的值有误（{message}）"),
    "click_help_hint": ("Try {command!q} for help.", "可运行{command!q}查看用法。"),
    # options and their values
    "lang_invalid": (
        "{where} is {value!q}; choose one of: {langs}",
        "{where} 为{value!q}；可选：{langs}",
    ),
    "answer_form": (
        "--answer {pair!q} should look like QUESTION=VALUE, for example --answer scheme=employer",
        "--answer{pair!q}的格式应为 问题=答案，例如 --answer scheme=employer",
    ),
    "answer_twice": (
        "--answer {qid!q} is given twice ({first!q} and {second!q}); give each question one answer",
        "--answer{qid!q}给了两次（{first!q}和{second!q}）；每个问题只能有一个回答",
    ),
    "item_form": (
        "--item {pair!q} should look like ITEM=AMOUNT, for example --item class-b=1200",
        "--item{pair!q}的格式应为 项目=金额，例如 --item class-b=1200",
    ),
    "region_empty": (
        "--region is empty; its regions are: {regions}",
        "--region 为空；可选地区：{regions}",
    ),
    "no_region": (
        "no region {region!q} in {path}; its regions are: {regions}",
        "{path} 中没有地区{region!q}；可选地区：{regions}",
    ),
    "no_region_in_rates": (  # the same, where no file of the machine is named (medbal serve)
        "no region {region!q} in the rates file; its regions are: {regions}",
        "费率文件中没有地区{region!q}；可选地区：{regions}",
    ),
    "as_of_form": (
        "--as-of {value!q} should be a date written YYYY-MM-DD",
        "--as-of{value!q}应为 YYYY-MM-DD 格式的日期",
    ),
    "category_and_all": (
        "give a category or --all, not both",
        "请指定一个类别或 --all，不能同时使用",
    ),
    "page_needs_output": (
        "the page is HTML for a browser, not for this terminal: give the file to write "
        "with --output FILE (for example --output medbal.html), or redirect: "
        "medbal page > medbal.html",
        "网页是给浏览器看的 HTML，不在终端里显示：请用 --output 文件名 指定要写入的文件"
        "（例如 --output medbal.html），或重定向：medbal page > medbal.html",
    ),
    # `-`: standard input in place of a file (medbal.commands.common)
    "stdin_twice": (
        "standard input can be read only once: give - to one of {first} and {second}, "
        "and a saved file to the other",
        "标准输入只能读取一次：{first} 和 {second} 只能有一个用 -，另一个请给已保存的文件",
    ),
    "batch_stdin_tree": (
        "with --batch, TREE is a tree id or a saved file, not - (standard input)",
        "使用 --batch 时，TREE 应为树的名称或已保存的文件，不能是 -（标准输入）",
    ),
    "none_listed": ("none", "无"),  # in place of an empty list of ids
    # a value a person types, with what it means where the value is an English word
    "named_value": ("{value}", "{value}（{label}）"),
    "category_named": ("{n}", "第 {n} 类（{title}）"),
    # amounts (medbal.core.estimate)
    "the_amount": ("the amount", "金额"),
    "amount_negative": (
        "{what} {text!q} is negative; amounts are 0 or more",
        "{what}{text!q}是负数；金额须为 0 或以上",
    ),
    "amount_invalid": (
        "{what} {text!q} is not an amount; write it in yuan, for example 8000, 8,000 or 8000.50",
        "{what}{text!q}写法不对，请以元为单位填写数字，例如 8000、8,000 或 8000.50",
    ),
    "amount_too_large": (
        "{what} {text!q} is more than any bill (at most 100,000,000 yuan)",
        "{what}{text!q}超出了任何账单的金额（最多 100,000,000 元）",
    ),
    "threshold_above_bill": (
        "the threshold ({start} yuan) is above the bill ({bill} yuan): the pooled "
        "fund pays nothing below the threshold, so there is nothing to "
        "estimate",
        "起付线（{start} 元）高于账单金额（{bill} 元）：起付线以下统筹基金不支付，无需估算",
    ),
    "no_item": (
        "region {region!q} has no item {item!q}; its items are: {items}",
        "地区{region!q}没有项目{item!q}；可选项目：{named}",
    ),
    # trees, categories and answers
    "no_category": (
        "no category {name!q}; choose a number or short name: {valid}",
        "没有{name!q}这一类；请输入类别的序号：{numbers}",
    ),
    "no_question": (
        "tree {tree!q} has no question {qid!q}; its questions are: {ids}",
        "{tree!q}中没有问题{qid!q}；可用的问题：{ids}",
    ),
    "not_an_answer": (
        "{value!q} is not an answer to {qid!q}; choose one of: {values}",
        "{value!q}不是问题{qid!q}的答案；可选：{named}",
    ),
    "no_tree": (
        "no tree named {name!q}; known trees: {known}",
        "没有名为{name!q}的问答树；现有：{known}",
    ),
    "no_tree_file": ("no tree file at {name!q}", "没有树文件{name!q}"),
    "tree_name_unusable": (
        "{name!q} cannot be used as a tree name or file ({reason})",
        "{name!q}无法用作树的名称或文件（{reason}）",
    ),
    "no_home": ("no such home folder", "没有这个主文件夹"),
    "name_nul": ("it holds a null character", "其中含有空字符"),
    "not_a_tree": (
        "{name!q} ({path}) is not a decision tree; use {other!q} for it",
        "{name!q}（{path}）不是问答树，请用{other!q}",
    ),
    "wrong_kind": ("{path} should hold kind: {kind}", "{path} 应为 kind: {kind} 文件"),
    "trees_not_folder": (
        "{where} names {raw!q}, which is not a folder; give a folder that holds .yaml tree files",
        "{where} 指定的{raw!q}不是文件夹；请给出存放 .yaml 树文件的文件夹",
    ),
    "trees_unreadable": (
        "{where} names {raw!q}, which cannot be read ({reason})",
        "{where} 指定的{raw!q}无法读取（{reason}）",
    ),
    "too_many_paths": (
        "tree {tree!q} has {paths} ({answers:,} answers in all); 'tree paths' "
        "lists at most {max_paths:,} paths and {max_answers:,} answers. Review "
        "it as a graph: medbal tree export",
        "树{tree!q}的路径太多（{paths}，共 {answers:,} 个回答）：“tree paths”"
        "最多列出 {max_paths:,} 条路径、{max_answers:,} 个回答；"
        "请用 medbal tree export 查看流程图",
    ),
    "paths_count": ("{count:,} paths", "{count:,} 条"),
    "paths_beyond": ("more than 10**18 paths", "超过 10**18 条"),
    "reserved_question": (
        "tree {tree!q} has a question named {name!q}, which the page keeps "
        "for itself; rename the question",
        "{tree!q}中有名为{name!q}的问题，网页要用这个名字；请给问题改名",
    ),
    "tree_twice": ("tree {tree!q} is given twice", "树{tree!q}重复给出"),
    # files a person names (medbal.files.bounded: said after the file's name)
    "file_unreadable": ("cannot be read ({reason})", "无法读取（{reason}）"),
    "file_is_folder": ("is a folder, expected a .yaml file", "是文件夹，应为 .yaml 文件"),
    "file_not_regular": (
        "is not a saved file (a pipe, device or socket): give - and pass it on standard "
        "input instead, or save it to a file first",
        "不是已保存的文件（而是管道、设备或套接字）：请改用 -，从标准输入传入，或先保存为文件",
    ),
    "file_too_large": (
        "is too large ({size:,} bytes; at most {limit:,})",
        "太大（{size:,} 字节；最多 {limit:,} 字节）",
    ),
    "file_grew_too_large": (
        "is too large (more than {limit:,} bytes)",
        "太大（超过 {limit:,} 字节）",
    ),
    "answers_file_unreadable": ("--answers-file {path!q} {why}", "--answers-file{path!q}{why}"),
    "answers_stdin_unreadable": ("--answers-file - {why}", "--answers-file - {why}"),
    "answers_file_problems": ("{problems}", "回答文件有误：{problems}"),
    # --output (medbal.files.write)
    "output_empty": (
        "--output needs a file name (or - for standard output)",
        "--output 后面需要文件名（输出到标准输出请用 -）",
    ),
    "output_is_folder": (
        "--output {target!q} is a folder; give a file name",
        "--output{target!q}是文件夹，请给出文件名",
    ),
    "output_not_regular": (
        "--output {target!q} is not a regular file (a device or a pipe); "
        "use --output - for standard output",
        "--output{target!q}不是普通文件（而是设备或管道）；输出到标准输出请用 --output -",
    ),
    "output_no_folder": (
        "cannot write {target!q}: the folder {folder!q} does not exist",
        "无法写入{target!q}：文件夹{folder!q}不存在",
    ),
    "output_failed": ("cannot write {target!q}: {reason}", "无法写入{target!q}：{reason}"),
    # --batch (medbal.commands.batch, medbal.api.batch): the input, and each line's errors
    "batch_unreadable": (
        "--batch {source!q} cannot be read ({why})",
        "无法读取 --batch{source!q}（{why}）",
    ),
    "batch_no_stdin": ("no stdin", "没有标准输入"),
    "batch_device": ("a device, not a file or a pipe", "这是设备，不是文件或管道"),
    "batch_no_line_break": ("no line break in 64 MiB", "64 MiB 内没有换行"),
    "batch_conflict": (
        "--batch takes the answers from each line and writes to stdout; leave out {option}",
        "--batch 从每一行读取回答并写到标准输出，请去掉 {option}",
    ),
    "batch_format": (
        "--batch always writes JSON lines; leave out --format or give --format json",
        "--batch 总是输出 JSON 行；请去掉 --format，或改用 --format json",
    ),
    "batch_encoding": ("the line is not UTF-8 text", "这一行不是 UTF-8 编码的文本"),
    "batch_not_json": (
        "the line is not JSON (column {column}: {why})",
        "这一行不是有效的 JSON（第 {column} 列：{why}）",
    ),
    # json's own complaints, in the person's language (medbal.api.batch)
    "json_expecting_value": ("a value is expected", "此处应为一个值"),
    "json_expecting_comma": ("a comma is expected", "此处应为逗号"),
    "json_expecting_colon": ("a colon is expected", "此处应为冒号"),
    "json_expecting_name": ("a key in double quotes is expected", "此处应为带双引号的键"),
    "json_unterminated": ("a string is not closed", "字符串没有结束"),
    "json_control": ("a control character inside a string", "字符串中有控制字符"),
    "json_escape": ("a backslash escape is not valid", "反斜杠转义无效"),
    "json_extra": ("more text after the object", "对象后面还有多余的内容"),
    "json_invalid": ("not valid here", "此处无效"),
    "batch_too_deep": (
        "the line nests arrays and objects more than {limit} levels deep",
        "这一行的数组和对象嵌套超过了 {limit} 层",
    ),
    "batch_lone_surrogate": (
        "the line holds {value}, half of a character (a lone surrogate), which no text can hold",
        "这一行含有 {value}，这是半个字符（孤立的代理项），任何文本都无法包含它",
    ),
    "batch_key_twice": (
        "the key {name!q} is given twice in the line; give each key once",
        "这一行中键{name!q}出现了两次；每个键只能给一次",
    ),
    "batch_number_as_written": (
        "the number {value} would come back as {written}; write it as {written}, or as a string",
        "数值 {value} 会被写回为 {written}；请写成 {written}，或写成字符串",
    ),
    "batch_not_a_number": (
        "the line is not JSON ({value} is not a JSON number)",
        "这一行不是有效的 JSON（{value} 不是 JSON 数值）",
    ),
    "batch_too_large": (
        "the line is not JSON ({value} is too large for a JSON number)",
        "这一行不是有效的 JSON（{value} 超出了 JSON 数值的范围）",
    ),
    "batch_not_object": (
        "the line should be a JSON object, for example "
        '{{"answers": {{"scheme": "employer"}}, "id": 1}}',
        '这一行应为 JSON 对象，例如 {{"answers": {{"scheme": "employer"}}, "id": 1}}',
    ),
    "batch_unknown_key": (
        "the line has an unknown key {name!q}; a line may have: {keys}",
        "这一行有无法识别的键{name!q}；可用的键：{keys}",
    ),
    "batch_unknown_key_dym": (
        "the line has an unknown key {name!q}; did you mean {best!q}? A line may have: {keys}",
        "这一行有无法识别的键{name!q}，您是不是要写{best!q}？可用的键：{keys}",
    ),
    "batch_tree": (
        "'tree' should be the id of a tree (a file is named on the command line)",
        "“tree”应为树的名称（树文件只能在命令行里指定）",
    ),
    "batch_lang": (
        "'lang' is {value}; choose one of: {langs}",
        "“lang”的值 {value} 无效；可选：{langs}",
    ),
    "batch_answers": (
        "'answers' should be an object of QUESTION: VALUE, both text",
        "“answers”应为对象，以问题为键、答案为值，两者都须是文本",
    ),
    "batch_internal": (
        "this line could not be answered ({why}); please report it",
        "这一行无法处理（{why}），请报告此问题",
    ),
    "batch_too_long": (
        "the line is longer than {limit} bytes and was skipped",
        "这一行超过 {limit} 字节，已跳过",
    ),
    # did you mean (medbal.i18n.suggest)
    "dym_category": (
        "no category {name!q}; did you mean {best!q}? Choose a number or short name: {valid}",
        "没有{name!q}这一类，您是不是要找{best_shown}？请输入类别的序号：{numbers}",
    ),
    "dym_tree": (
        "no tree named {name!q}; did you mean {best!q}? Known trees: {known}",
        "没有名为{name!q}的问答树，您是不是要找{best!q}？现有：{known}",
    ),
    "dym_question": (
        "tree {tree!q} has no question {qid!q}; did you mean {best!q}? Its questions are: {ids}",
        "{tree!q}中没有问题{qid!q}，您是不是要找{best!q}？可用的问题：{ids}",
    ),
    "dym_value": (
        "{value!q} is not an answer to {qid!q}; did you mean {best!q}? Choose one of: {values}",
        "{value!q}不是问题{qid!q}的答案，您是不是要选{best!q}？可选：{named}",
    ),
    "end_of_input": (
        "end of input before an answer; run again, or use --answer ID=VALUE "
        "to answer without prompts",
        "还没回答就结束了输入；请重新运行，或用 --answer 问题=答案 直接给出回答",
    ),
    "no_format": (
        "the {kind!q} view has no format {fmt!q}; its formats are: {formats}",
        "{kind!q}视图没有{fmt!q}格式；可用的格式：{formats}",
    ),
    "no_view_kind": (
        "there is no view {kind!q}; the views are: {kinds}",
        "没有{kind!q}这种视图；可用的视图：{kinds}",
    ),
    "view_mismatch": (
        "the view does not have the shape of a {kind!q} view ({why})",
        "这个视图不是{kind!q}视图的结构（{why}）",
    ),
    "document_needs_outcome": (
        "a page to take home needs an outcome: answer the open question first",
        "要带回家的页面需要一个结果：请先回答还没回答的问题",
    ),
    # the Python API's arguments (medbal.api.checks): what each should be
    "api_argument": (
        "{name} should be {expected}, not {given}",
        "{name} 应为{expected}，不能是 {given}",
    ),
    "arg_text": ("text (a str)", "文本（str）"),
    "arg_lang": ("a language, en or zh (a str), or None", "语言 en 或 zh（str），或 None"),
    "arg_folder": (
        "a folder's path (a str or a Path), or None",
        "文件夹路径（str 或 Path），或 None",
    ),
    "arg_tree": (
        "a tree's id or a YAML file's path (a str or a Path), or a Tree",
        "树的名称或 YAML 文件的路径（str 或 Path），或 Tree",
    ),
    "arg_answers": (
        "a mapping of question ids to answer values, both text",
        "以问题为键、答案为值的映射，两者都须是文本",
    ),
    "arg_amount": (
        "an amount in yuan (a str, an int or a Decimal)",
        "以元为单位的金额（str、int 或 Decimal）",
    ),
    "arg_items": (
        "a list of ITEM=AMOUNT texts, or a mapping of item ids to amounts",
        "“项目=金额”形式的文本列表，或以项目为键、金额为值的映射",
    ),
    "arg_category": (
        "a category's number or short name (an int or a str), or None",
        "类别的序号或简称（int 或 str），或 None",
    ),
    "arg_whole": ("a whole number (an int)", "整数（int）"),
    "arg_date": (
        "a date written YYYY-MM-DD (a str or a datetime.date), or None",
        "YYYY-MM-DD 格式的日期（str 或 datetime.date），或 None",
    ),
    "arg_view": (
        "a view (a mapping, as medbal.api returns it)",
        "视图（映射，即 medbal.api 返回的结果）",
    ),
    "arg_cases": (
        "an iterable of cases (mappings, or lines of JSON)",
        "由案例组成的可迭代对象（映射或 JSON 行）",
    ),
    "arg_names": (
        "a list of tree ids, YAML files' paths or Trees",
        "由树的名称、YAML 文件路径或 Tree 组成的列表",
    ),
    "arg_outcome": ("an outcome of the tree", "这棵树中的一个结果"),
    "arg_flag": ("True or False (a bool)", "True 或 False（bool）"),
    "arg_naming": (
        "options (--threshold) or keys (threshold)",
        "options（--threshold）或 keys（threshold）",
    ),
    # api.Session (medbal.api.session)
    "session_done": (
        "the conversation has reached an outcome: there is no question to answer; "
        "change an answer or restart",
        "对话已经得出结果，没有要回答的问题；请修改回答或重新开始",
    ),
    "not_answered": (
        "{qid!q} has no answer to change; the answers are to: {answered}",
        "{qid!q}还没有回答，无法修改；已回答的问题：{answered}",
    ),
    # shell completion (medbal.commands.complete)
    "complete_instruction": (
        "_MEDBAL_COMPLETE is {value!q}; it should be source_SHELL or complete_SHELL, "
        "SHELL one of: {shells}",
        "_MEDBAL_COMPLETE 为{value!q}；应为 source_SHELL 或 complete_SHELL，SHELL 可选：{shells}",
    ),
    "complete_environment": (
        "shell completion needs COMP_WORDS and a number in COMP_CWORD (it is {value!q})",
        "命令补全需要 COMP_WORDS，且 COMP_CWORD 应为数字（现为{value!q}）",
    ),
}

# medbal serve: the command, and the errors of the HTTP API (medbal.serve)
ERRORS.update(
    {
        "serve_needs_extra": (
            "medbal serve needs its extra 'serve': in the clone, run {command} "
            "(or {checkout}, to run it with uv run)",
            "medbal serve 需要额外安装 serve 组件：在源码目录中运行 {command}"
            "（或运行 {checkout}，再用 uv run 启动）",
        ),
        "serve_cannot_listen": (
            "cannot listen on {address}: {reason}",
            "无法在 {address} 上监听：{reason}",
        ),
        "serve_encoding": ("the request body is not UTF-8 text", "请求正文不是 UTF-8 编码的文本"),
        "serve_lone_surrogate": (
            "the request body holds {value}, half of a character (a lone surrogate), "
            "which no text can hold",
            "请求正文含有 {value}，这是半个字符（孤立的代理项），任何文本都无法包含它",
        ),
        "serve_not_json": (
            "the request body is not JSON ({why})",
            "请求正文不是有效的 JSON（{why}）",
        ),
        "serve_too_deep": ("nested too deeply", "嵌套层数过多"),
        "serve_not_a_number": ("{value} is not a JSON number", "{value} 不是 JSON 数值"),
        "serve_number_too_large": (
            "{value} is too large for a JSON number",
            "{value} 超出了 JSON 数值的范围",
        ),
        "serve_not_object": (
            "the request body should be a JSON object",
            "请求正文应为 JSON 对象",
        ),
        "serve_not_array": (
            "the request body should be a JSON array of cases",
            "请求正文应为由案例组成的 JSON 数组",
        ),
        "serve_too_many_cases": (
            "a batch has at most {limit} cases; this one has {count}",
            "一次最多提交 {limit} 个案例，这次有 {count} 个",
        ),
        "serve_unknown_key": (
            "the request body has an unknown key {name!q}; it may have: {keys}",
            "请求正文中有无法识别的键{name!q}；可用的键：{keys}",
        ),
        "serve_unknown_key_dym": (
            "the request body has an unknown key {name!q}; did you mean {best!q}? "
            "It may have: {keys}",
            "请求正文中有无法识别的键{name!q}，您是不是要写{best!q}？可用的键：{keys}",
        ),
        "serve_missing_key": ("the request body needs {name!q}", "请求正文缺少{name!q}"),
        "serve_wrong_type": ("{where!q} should be {expected}", "{where!q}应为{expected}"),
        "serve_a_text": ("text", "文本"),
        "serve_a_number": ("a number", "数值"),
        "serve_an_object": ("an object", "对象"),
        "serve_an_amount": (
            'an amount in yuan, a number or text such as "8,000"',
            "以元为单位的金额（数值，或“8,000”这样的文本）",
        ),
        "serve_not_one_of": (
            "{where!q} is {value}; choose one of: {values}",
            "{where!q}的值 {value} 无效；可选：{values}",
        ),
        "serve_unknown_query": (
            "there is no query parameter {name!q}; a query may have: {names}",
            "没有查询参数{name!q}；可用的参数：{names}",
        ),
        "serve_not_found": (
            "there is nothing at {path!q}; GET /openapi.json describes every endpoint",
            "{path!q}不存在；GET /openapi.json 列出了所有接口",
        ),
        "serve_method": (
            "{path!q} does not take {method}; it takes: {allowed}",
            "{path!q}不接受 {method} 请求；可用：{allowed}",
        ),
        "serve_too_large": (
            "the request body is larger than {limit} bytes",
            "请求正文超过了 {limit} 字节",
        ),
        "serve_media_type": (
            "the request body should be JSON, sent with Content-Type: application/json",
            "请求正文应为 JSON，并带上 Content-Type: application/json",
        ),
        "serve_slow": (
            "the request body did not arrive within {seconds} seconds",
            "请求正文没有在 {seconds} 秒内传完",
        ),
        "serve_internal": (
            "internal error ({what}); please report it",
            "内部错误（{what}），请报告此问题",
        ),
        "serve_started": (
            "serving {trees} at {url} with {workers}; Ctrl-C stops it",
            "已在 {url} 用 {workers}提供服务：{trees}；按 Ctrl-C 停止",
        ),
        "serve_worker": ("worker", "个工作进程"),
        "serve_workers_failed": (
            "the worker processes stopped on their own; the lines above say why",
            "工作进程自行停止了，原因见上面几行",
        ),
    }
)
