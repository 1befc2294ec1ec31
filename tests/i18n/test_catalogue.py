"""One catalogue for every word medbal says, and language typography in one place.

The catalogue (medbal.i18n.catalogue: interface, errors, page) is checked as data:
both languages, the same fields, every key used and every use a key, the Chinese
set as the project sets it.  A few real errors are pinned end to end through the
CLI in both languages, so moving a sentence into the catalogue changed no word.
"""

from __future__ import annotations

import ast
import json
import re
import string

import pytest

from medbal.core.errors import EndOfInput, OutputError, Phrase, UsageError
from medbal.core.langs import LANGS
from medbal.files.registry import shipped_dir
from medbal.i18n import typeset, words
from medbal.i18n.catalogue import SECTIONS, entries, in_lang, label, msg, section
from medbal.i18n.typeset import space_zh

from support import ROOT

PACKAGE = ROOT / "medbal"
# Each language's words: data, one module a language.
DATA_MODULES = {
    f"i18n/words/{p.name}" for p in (ROOT / "medbal" / "i18n" / "words").glob("[!_]*.py")
}
# The catalogue in both languages side by side: key -> (en, zh).
CATALOGUE = {key: (text, entries("zh")[key]) for key, text in entries("en").items()}
HAN = re.compile("[\u4e00-\u9fff]")

# Calls whose first argument is a catalogue key (`say(lang, KEY, ...)` takes it second).
KEYED = {
    "msg",
    "label",
    "Phrase",
    "MedbalError",
    "UsageError",
    "OutputError",
    "EndOfInput",
    "InputError",
    "AnswerError",
    "Unreadable",
    "_bad",
    "did_you_mean",
    "error",
}
# The zh entry leaves out a field on purpose: the short names are English, so the
# Chinese kicker shows the category's number only.
ZH_LEAVES_OUT = {
    "category": {"slug"},
    # `tree show`: the ids are English, a Chinese outline goes by the texts alone
    "outline_root": {"id"},
    "outline_question": {"id"},
    "outline_option": {"value"},
    "outline_outcome": {"id"},
    # a date's form in Chinese words (“年-月-日”), not the letters YYYY-MM-DD
    **{key: {"form"} for key in ("date_form", "date_no_such_day", "date_future", "date_range")},
}
# Fields the Chinese fills with another value: the categories by number alone, as the short
# names are English words.
ZH_INSTEAD = {
    "no_category": ({"valid"}, {"numbers"}),
    # the suggestion as its number and situation ("第 1 类（转外就医）")
    "dym_category": ({"valid", "best"}, {"numbers", "best_shown"}),
    # a value to type, and what it means (the English value alone is a word to type)
    "named_value": (set(), {"label"}),
    "category_named": (set(), {"title"}),
    "not_an_answer": ({"values"}, {"named"}),
    "dym_value": ({"values"}, {"named"}),
    "no_item": ({"items"}, {"named"}),
    "outline_seen": ({"id"}, {"text"}),
    "outline_option": (set(), {"n"}),
    # a question by its words as well as its id (the id alone is an English word)
    "asked": (set(), {"text"}),
    # the tree by its title too, and the question suggested by its words
    "no_question": ({"ids"}, {"title", "named"}),
    "dym_question": ({"best", "ids"}, {"title", "best_shown", "named"}),
}
# Entries with no Chinese words to translate (an option and a value).
NO_HAN = {
    "answers_stdin_unreadable",
    "answers_file_unreadable",
    "outline_root",
    "outline_question",
    "outline_option",
    "est_range",  # a band's bounds: two figures and a full-width tilde
    "named_value",  # a value and its label, both data
}
# A JSON example must keep JSON's own quotation marks.
ASCII_QUOTES_OK = {"batch_not_object"}
# What a person types, written out in a sentence (`--item 项目=金额`, `--output 文件名`,
# a JSON line), keeps its own spaces: it is a command, not running text.
WRITTEN_OUT = {"answer_form", "item_form", "page_needs_output", "batch_not_object", "end_of_input"}


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(p.relative_to(PACKAGE)), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(PACKAGE.rglob("*.py"))
    ]


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _strings(node: ast.AST | None) -> list[str]:
    """The key a call names: a string, or either string of `A if cond else B`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def keyed_calls() -> list[tuple[str, int, str, list[str]]]:
    """(module, line, function, the keys it names) for every keyed call in medbal/."""
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            position = 1 if name == "say" else 0
            legacy = len(node.args) >= 2 and all(_strings(a) for a in node.args[:2])
            if (name in KEYED or name == "say") and len(node.args) > position and not legacy:
                keys = _strings(node.args[position])
                if keys:
                    found.append((path, node.lineno, name, keys))
    return found


def fields(template: str) -> set[str]:
    return {
        re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(template) if name
    }


# --- the catalogue as data ------------------------------------------------------------


def test_every_key_is_in_one_section_only():
    for lang in LANGS:
        assert sum(len(section(s, lang)) for s in SECTIONS) == len(entries(lang))
    assert SECTIONS == ("interface", "errors", "page", "help")


def test_every_language_has_the_same_keys():
    first, *others = (words.of(lang) for lang in LANGS)
    for other in others:
        for name in ("INTERFACE", "ERRORS", "PAGE", "HELP", "SOURCES", "REGIONS"):
            assert list(getattr(first, name)) == list(getattr(other, name)), (other, name)
        assert len(other.MARKS.months) in (0, 12), other  # a name for each month, or numbers


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_and_the_same_fields(key):
    entry = CATALOGUE[key]
    assert isinstance(entry, tuple) and len(entry) == 2, key
    en, zh = entry
    assert en.strip() and zh.strip(), key
    assert not HAN.search(en), (key, en)
    assert HAN.search(zh) or key in NO_HAN, (key, zh)
    dropped, added = ZH_INSTEAD.get(key, (set(), set()))
    expected = fields(en) - ZH_LEAVES_OUT.get(key, set()) - dropped | added
    assert fields(zh) == expected, (key, en, zh)


def test_the_page_words_use_only_what_the_page_script_fills_in():
    # page.js replaces "{name}" itself: no conversions, no format specs, no braces doubled.
    for key in section("page", "en"):
        for text in CATALOGUE[key]:
            for _, _field, spec, conversion in string.Formatter().parse(text):
                assert not spec and not conversion, (key, text)
            assert "{{" not in text, (key, text)


def test_every_key_named_in_the_code_exists():
    missing = [
        (path, line, keys)
        for path, line, _, keys in keyed_calls()
        if any(k not in CATALOGUE for k in keys)
    ]
    assert missing == []


def test_errors_are_raised_by_key():
    """No error is raised with its texts written in place: `UsageError("key", ...)`."""
    legacy = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node).endswith(("Error", "EndOfInput"))
                and len(node.args) >= 2
                and all(_strings(a) for a in node.args[:2])
            ):
                legacy.append(path)
    assert legacy == []


def _used_words() -> set[str]:
    """Every key a keyed call names, and every string in a module that looks words up
    (a tuple of keys such as the form's fields, `key = A if ... else B`)."""
    used = {k for *_, keys in keyed_calls() for k in keys}
    for path, tree in modules():
        if path in DATA_MODULES:
            continue
        source = ast.unparse(tree)
        if "medbal.i18n.catalogue" in source or "words.of(" in source:
            used |= {
                n.value
                for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
    script = (PACKAGE / "present" / "page_assets" / "page.js").read_text(encoding="utf-8")
    used |= set(re.findall(r'say\("([a-z_]+)"', script))
    used |= set(re.findall(r"words\.([a-z_]+)", script))
    return used


def test_no_entry_is_unused():
    assert sorted(set(CATALOGUE) - _used_words()) == []


# --- Chinese typesetting of the entries ------------------------------------------------

# What a field holds, as it is filled in when the message is shown: most are ids,
# numbers, paths or option names (Latin); these hold Chinese text or carry their
# own spacing, and are filled with such a sample.
CHINESE_FIELDS = {
    ("dym_category", "best_shown"): "第 1 类（转外就医）",
    ("dym_question", "best_shown"): "问题“您的医保是怎么缴费的？”（scheme）",
    ("dym_question", "title"): "为什么我的医保个人账户余额是 0？",
    ("no_question", "title"): "为什么我的医保个人账户余额是 0？",
    ("named_value", "label"): "单位缴纳",
    ("category_named", "title"): "转外就医",
    ("region_line", "region"): "秭归县",
    ("region_line", "note"): "请咨询当地医保经办机构。",
    ("est_title", "region"): "秭归县",
    ("est_title_items", "region"): "秭归县",
    ("est_applies", "what"): "住院费用",
    ("variant", "title"): "门诊慢特病",
    ("date_asked_of", "what"): "孩子的出生日期",
    ("due_by", "date"): "2027 年 2 月 20 日",
    # a day a message names is written out (medbal.core.errors.Day), a question by its words
    ("made", "date"): "2026 年 12 月 6 日",
    ("printed_on", "date"): "2026 年 12 月 6 日",
    ("date_future", "today"): "2026 年 12 月 6 日",
    ("date_range", "first"): "1900 年 1 月 1 日",
    ("date_form", "asked"): "问题“孩子是哪天出生的？”（born）",
    ("date_no_such_day", "asked"): "问题“孩子是哪天出生的？”（born）",
    ("date_future", "asked"): "问题“孩子是哪天出生的？”（born）",
    ("date_range", "asked"): "问题“孩子是哪天出生的？”（born）",
    ("not_an_answer", "asked"): "问题“您是在哪里看病的？”（where）",
    ("dym_value", "asked"): "问题“您是在哪里看病的？”（where）",
    ("asked", "text"): "孩子是哪天出生的？",
    ("due_passed", "date"): "2027 年 2 月 20 日（厦门的规定，请向当地确认）",
    ("date_give_of", "what"): "孩子的出生日期",
    ("default", "value"): "是",
    ("deadline_within", "count"): "3 个月",
    ("deadline_at_least", "count"): "3 个月",
    ("paths_count", "count"): 12345,
    ("file_too_large", "size"): 12345,
    ("file_too_large", "limit"): 10,
    ("file_grew_too_large", "limit"): 10,
    ("too_many_paths", "answers"): 2,
    ("too_many_paths", "max_paths"): 3,
    ("too_many_paths", "max_answers"): 4,
    ("too_many_paths", "paths"): "12 条",
    ("answers_file_unreadable", "why"): "无法读取（x）",
    ("answers_stdin_unreadable", "why"): "太大（超过 10 字节）",
    ("batch_unreadable", "why"): "没有标准输入",
    ("amount_negative", "what"): "金额",
    ("amount_invalid", "what"): "金额",
    ("amount_too_large", "what"): "金额",
    ("no_tree", "known"): "无",
    ("api_argument", "expected"): "文本（str）",
    ("batch_not_json", "why"): "此处应为逗号",
    ("view_mismatch", "why"): "缺少 outcome",
    ("law_article", "n"): "二十八",
    ("law_one", "article"): "第二十八条",
    ("law_many", "articles"): "第四条",
    ("law_many", "last"): "第七十四条",
    ("serve_wrong_type", "expected"): "文本",
    ("serve_started", "workers"): "2 个工作进程",
}


_OPTION_LIKE = re.compile(r"(?<!\S)[-.?][^\s，。：；？！、（）“”]*")


def _filled(key: str, lang: str) -> str:
    en, zh = CATALOGUE[key]
    values = {f: CHINESE_FIELDS.get((key, f), "x1") for f in fields(en) | fields(zh)}
    return msg(key, lang, **values)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_chinese_entries_follow_the_typesetting_rules(key):
    en, zh = CATALOGUE[key]
    # Data is quoted by {field!q}, in the marks of medbal.i18n.typeset, never by hand.
    for text in (en, zh):
        assert not re.search(r"[“'\"]\{[^}]*\}", text), (key, text)
    if key not in ASCII_QUOTES_OK:
        assert "'" not in zh and '"' not in zh, (key, zh)  # Chinese quotation marks only
    # One space between Han and Latin or digits, none next to Chinese punctuation: the
    # rule of space_zh.  It reads a word that begins with ASCII punctuation (--all, .yaml,
    # a lone ? or -) as not Latin, so such words stand in as a Latin word here.
    shown = _OPTION_LIKE.sub("X", _filled(key, "zh"))
    assert space_zh(shown) == shown or key in WRITTEN_OUT, (key, shown)
    # Chinese punctuation next to Chinese words, never ASCII's.
    assert not re.search(f"{HAN.pattern}[,;:?!()]|[,;:?!()]{HAN.pattern}", zh), (key, zh)


def test_quoted_data_takes_each_languages_marks():
    assert msg("no_tree_file", "en", name="a.yaml") == "no tree file at 'a.yaml'"
    assert msg("no_tree_file", "zh", name="a.yaml") == "没有树文件“a.yaml”"
    assert msg("not_an_option", "zh", entry="9", n=3) == "“9”不是选项，请输入 1 到 3。"


# --- typography in one place -----------------------------------------------------------


def test_the_language_marks():
    assert (label("sources", "en"), label("sources", "zh")) == (
        "Based on: ",
        "依据：",
    )
    assert typeset.clauses(["a", "b"], "en") == "a; b"
    assert typeset.clauses(["甲", "乙"], "zh") == "甲；乙"
    assert typeset.sentences(["A.", "B."], "en") == "A. B."
    assert typeset.sentences(["甲。", "乙。"], "zh") == "甲。乙。"
    assert (typeset.quote("x", "en"), typeset.quote("x", "zh")) == ("'x'", "“x”")
    assert typeset.aside("T", "o", "en") == "T (o)"
    assert typeset.aside("题", "源", "zh") == "题（源）"
    assert (typeset.html_lang("en"), typeset.html_lang("zh")) == ("en", "zh-Hans")
    assert typeset.han_layout("zh") and not typeset.han_layout("en")
    assert typeset.marks("fr") == typeset.marks("en")  # an unknown language reads as English


def test_the_plural_rule_and_the_deadline_words():
    from medbal.present.pages import deadline_summary

    def summary(kind, amount, unit, lang):
        return deadline_summary({"kind": kind, "amount": amount, "unit": unit, "text": "t"}, lang)

    assert typeset.counted(1, "day", "en") == "1 day"
    assert typeset.counted(7, "day", "en") == "7 days"
    assert typeset.counted(7, "天", "zh") == "7 天"
    assert summary("within", 1, "year", "en") == "within 1 year"
    assert summary("claim", 3, "month", "en") == "within 3 months"
    assert summary("within", 3, "month", "zh") == "3 个月内"
    assert summary("at-least", 6, "month", "en") == "at least 6 months"
    assert summary("at-least", 6, "month", "zh") == "至少 6 个月"
    assert summary("not-stated", None, None, "en") == "not stated: ask"
    assert summary("not-stated", None, None, "zh") == "未写明，请询问"
    assert summary("within", None, None, "zh") == "t"


def test_the_checklist_kicker_names_the_short_name_in_english_only(checklists):
    from medbal.present.pages import checklist_page
    from medbal.present.views import checklists_view

    cat = checklists.find("3")
    pages = {
        lang: checklist_page(
            checklists_view(checklists, [cat], lang)["categories"][0],
            checklists_view(checklists, [cat], lang),
            lang,
        )
        for lang in ("en", "zh")
    }
    assert pages["en"].kicker == "Category 3 · short-trip"
    assert pages["zh"].kicker == "第 3 类"


# Where a language is named in code: its one declaration, and its own words module.
# Anywhere else, naming one ("zh", "en", "zh-Hans") would make a new language more than
# its data and one line; the first language, where one is needed, is LANGS[0].
LANGUAGE_PLACES = {"core/langs.py", *DATA_MODULES}


def test_no_code_names_a_language_but_its_declaration_and_its_words():
    from medbal.core.langs import LANGS
    from medbal.i18n.typeset import html_lang

    codes = {*LANGS, *(html_lang(lang) for lang in LANGS)}
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(PACKAGE))
        if rel in LANGUAGE_PLACES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in codes:
                found.add((rel, node.lineno, node.value))
    script = (PACKAGE / "present" / "page_assets" / "page.js").read_text(encoding="utf-8")
    found |= {("page.js", 0, m) for m in re.findall(r"""["']([\w-]+)["']""", script) if m in codes}
    assert not found, sorted(found)


# --- errors by key ---------------------------------------------------------------------


def test_an_error_is_its_english_text_and_shows_in_either_language():
    exc = UsageError("no_region", region="nowhere", path="rates.yaml", regions="zigui")
    assert str(exc) == "no region 'nowhere' in rates.yaml; its regions are: zigui"
    assert exc.text("en") == str(exc)
    assert exc.text("zh") == "rates.yaml 中没有地区“nowhere”；可选地区：zigui"
    assert exc.exit_code == 2 and OutputError("output_is_folder", target="d").exit_code == 1


def test_values_in_words_are_shown_in_the_messages_language():
    exc = UsageError(
        "answers_file_unreadable",
        path="a.yaml",
        why=Phrase("file_unreadable", reason="Permission denied"),
    )
    assert str(exc) == "--answers-file 'a.yaml' cannot be read (Permission denied)"
    assert exc.text("zh") == "--answers-file“a.yaml”无法读取（Permission denied）"
    problems = UsageError("answers_file_problems", problems=["a:1:1: x", "a:2:1: y"])
    assert str(problems) == "a:1:1: x; a:2:1: y"
    assert problems.text("zh") == "回答文件有误：a:1:1: x；a:2:1: y"
    assert in_lang(Phrase("none_listed"), "zh") == "无" and in_lang(3, "zh") == "3"


def test_end_of_input_at_a_prompt_is_one_keyed_message():
    exc = EndOfInput("end_of_input")
    assert str(exc).startswith("end of input before an answer")
    assert exc.text("zh").startswith("还没回答就结束了输入")


PINNED = [
    (
        ["docs", "99"],
        2,
        "no category '99'; choose a number or short name: 1 transfer, 2 resettlement",
        "没有“99”这一类；请输入类别的序号：1、2、3",
    ),
    (
        ["diagnose", "--answer", "scheme=a", "--answer", "scheme=b"],
        2,
        "--answer 'scheme' is given twice ('a' and 'b'); give each question one answer",
        "--answer“scheme”给了两次（“a”和“b”）；每个问题只能有一个回答",
    ),
    (
        ["estimate", "8000", "--threshold", "x"],
        2,
        "--threshold 'x' is not an amount; write it in yuan, for example 8000, 8,000 or 8000.50",
        "--threshold“x”写法不对，请以元为单位填写数字，例如 8000、8,000 或 8000.50",
    ),
    (["estimate", "abc"], 2, "the amount 'abc' is not an amount;", "金额“abc”写法不对，"),
    (
        ["diagnose", "zero-balanse"],
        2,
        "no tree named 'zero-balanse'; did you mean 'zero-balance'? Known trees: ",
        "没有名为“zero-balanse”的问答树，您是不是要找“zero-balance”？现有：",
    ),
    (
        ["docs", "1", "--all"],
        2,
        "give a category or --all, not both",
        "请指定一个类别或 --all，不能同时使用",
    ),
]


@pytest.mark.parametrize("args,code,en,zh", PINNED)
def test_errors_read_as_before_through_the_cli(run, args, code, en, zh):
    for lang, expected in (("en", en), ("zh", zh)):
        result = run(*args, "--lang", lang)
        assert result.exit_code == code
        assert result.stderr.startswith(f"medbal: {expected}"), result.stderr
        assert result.stderr.count("\n") == 1


def test_a_region_error_names_the_file_in_both_languages(run):
    rates = shipped_dir() / "rates.yaml"
    result = run("estimate", "8000", "--region", "nowhere", "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr == f"medbal: {rates} 中没有地区“nowhere”；可选地区：zigui\n"
    result = run("estimate", "8000", "--region", "nowhere", "--lang", "en")
    assert result.stderr == f"medbal: no region 'nowhere' in {rates}; its regions are: zigui\n"


def test_a_write_error_in_both_languages(run, tmp_path):
    target = tmp_path / "gone" / "x.html"
    result = run("docs", "1", "--format", "html", "--output", str(target), "--lang", "zh")
    assert result.exit_code == 1
    assert result.stderr == f"medbal: 无法写入“{target}”：文件夹“{target.parent}”不存在\n"


def test_click_errors_and_their_hint_in_both_languages(capsys):
    from medbal.process import run as launch

    assert launch(["bogus", "--lang", "zh"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("medbal: 没有“bogus”这个命令；可用的命令：claim、diagnose")
    assert err[1] == "可运行“medbal -h”查看用法。"
    assert launch(["docs", "--format", "pdf", "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "medbal: --format 'pdf' is not one of: text, markdown, html, json",
        "Try 'medbal docs -h' for help.",
    ]


def test_a_batch_line_error_is_in_the_lines_language(run):
    lines = (
        "\n".join(
            [
                json.dumps({"answers": {"scheme": "perhaps"}, "lang": "zh"}),
                json.dumps({"answers": {"scheme": "perhaps"}, "lang": "en"}),
                json.dumps({"bogus": 1, "lang": "zh"}),
            ]
        )
        + "\n"
    )
    result = run("diagnose", "--batch", "-", input=lines)
    got = [json.loads(line)["error"]["message"] for line in result.stdout.splitlines()]
    assert got[0].startswith(
        "“perhaps”不是问题“您的医保是怎么缴费的？”（scheme）的答案；可选：employer"
    )
    assert got[1].startswith("'perhaps' is not an answer to 'scheme'; choose one of: employer")
    assert got[2] == "这一行有无法识别的键“bogus”；可用的键：answers、tree、lang、id"
