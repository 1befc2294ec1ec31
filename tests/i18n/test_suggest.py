"""Did you mean: a mistyped category, tree, question or answer value names the closest one first."""

import json

import pytest

from medbal.files.registry import load_tree
from medbal.i18n.suggest import closest


def typo(word: str) -> str:
    """Two different neighbouring letters near the middle swapped, as fingers do."""
    i = next(i for i in range(len(word) // 2, len(word)) if word[i - 1] != word[i])
    wrong = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    assert wrong != word
    return wrong


def first_question():
    tree = load_tree("zero-balance", None)
    return tree.questions[tree.start]


def test_closest_picks_the_likely_one_and_nothing_when_far():
    assert closest("short-tirp", ["transfer", "short-trip", "status-change"]) == "short-trip"
    assert closest("EMPLOYER", ["employer", "yearly"]) == "employer"
    assert closest("zzzz", ["employer", "yearly"]) is None
    assert closest("", ["employer"]) is None


@pytest.mark.parametrize(
    "lang, head",
    [
        ("en", "no category '{bad}'; did you mean '{good}'? Choose a number or short name: 1 "),
        (
            "zh",
            # the suggestion by its number and situation: the short name is English
            "没有“{bad}”这一类，您是不是要找第 7 类（单月门诊超过 20 次）？"
            "请输入类别的序号：1、2、",
        ),
    ],
)
def test_category(run, checklists, lang, head):
    slug = max((c.slug for c in checklists.categories), key=len)
    result = run("docs", typo(slug), "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("medbal: " + head.format(bad=typo(slug), good=slug))
    # every category offered: by short name in English, by number in Chinese (the short
    # names are English words)
    offered = [
        f"{c.number} {c.slug}" if lang == "en" else f"{c.number}" for c in checklists.categories
    ]
    assert all(o in result.stderr for o in offered)
    assert len(result.stderr.splitlines()) == 1


def test_category_far_from_all_lists_them_without_a_guess(run):
    result = run("docs", "qqqqqq")
    assert result.exit_code == 2 and "did you mean" not in result.stderr
    assert "choose a number or short name: 1 " in result.stderr


@pytest.mark.parametrize("command", [["diagnose", "zero-balnce"], ["tree", "show", "zero-blance"]])
def test_tree(run, command):
    result = run(*command, "--lang", "zh")
    assert result.exit_code == 2
    assert "您是不是要找“zero-balance”？现有：" in result.stderr
    result = run(*command, "--lang", "en")
    assert "did you mean 'zero-balance'? Known trees: " in result.stderr
    assert "which-category" in result.stderr


def test_question(run):
    q = first_question()
    bad = typo(q.id)
    result = run("diagnose", "-a", f"{bad}={q.options[0].value}", "-f", "json")
    assert result.exit_code == 2
    assert f"has no question '{bad}'; did you mean '{q.id}'? Its questions are: " in result.stderr
    result = run("diagnose", "-a", f"{bad}={q.options[0].value}", "-l", "zh")
    # the tree by its title and the question by its words, before the ids a Chinese
    # reader cannot place
    title, words = load_tree("zero-balance", None).title.words["zh"], q.text.words["zh"]
    assert result.stderr.startswith(f"medbal: “{title}”（zero-balance）里没有编号为“{bad}”的问题，")
    assert (
        f"您是不是要找问题“{words}”（{q.id}）？可以回答的问题：{q.id}（{words}）、" in result.stderr
    )


def test_answer_value_in_both_languages_and_in_a_batch(run):
    q = first_question()
    value = max((o.value for o in q.options), key=len)
    bad = typo(value)
    values = ", ".join(o.value for o in q.options)
    result = run("diagnose", "-a", f"{q.id}={bad}")
    assert result.exit_code == 2
    assert result.stderr == (
        f"medbal: '{bad}' is not an answer to '{q.id}'; did you mean "
        f"'{value}'? Choose one of: {values}\n"
    )
    result = run(
        "claim",
        "--batch",
        "-",
        input=json.dumps({"tree": "zero-balance", "answers": {q.id: bad}, "lang": "zh", "id": 1})
        + "\n",
    )
    message = json.loads(result.stdout)["error"]["message"]
    # a Chinese list is set with 、, each value with its label (the values are English)
    zh_values = "、".join(f"{o.value}（{o.label.get('zh')}）" for o in q.options)
    asked = f"问题“{q.text.get('zh')}”（{q.id}）"  # the question's words, and its id to type
    assert message == f"“{bad}”不是{asked}的答案，您是不是要选“{value}”？可选：{zh_values}"
