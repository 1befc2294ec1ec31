"""`medbal diagnose` as scripts call it (one-shot) and as a person walks it (patched prompt)."""

import json

import pytest

import medbal.present.tty

from small_trees import VALID


def test_one_shot_json_outcome(run):
    result = run("diagnose", "--answer", "scheme=yearly", "--format", "json", "--lang", "zh")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["status"] == "outcome" and data["tree"] == "zero-balance" and data["lang"] == "zh"
    assert data["outcome"]["id"] == "residents-scheme"
    assert data["outcome"]["title"] == "居民医保本来就没有个人账户"
    assert [(a["question"], a["value"]) for a in data["answers"]] == [("scheme", "yearly")]
    assert {
        "id": "seed-000",
        "label": "一篇讲余额为 0 的原因和厦门十一类报销的网络文章",
    } in data["outcome"]["sources"]


def test_needs_answer_exits_3_with_the_question(run):
    result = run("diagnose", "-a", "scheme=employer", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["status"] == "needs-answer"
    assert data["question"]["id"] == "where-looked"
    assert "bank" in [o["value"] for o in data["question"]["options"]]


def test_needs_answer_in_text_says_how_to_answer(run):
    result = run("diagnose")
    assert result.exit_code == 3  # stdin is not a terminal: never a prompt
    assert "How is your medical insurance paid?" in result.stdout
    assert "\n     --answer scheme=employer\n" in result.stdout  # under its option
    assert "medbal diagnose zero-balance --lang en" in result.stdout  # the command to add it to


def test_needs_answer_in_chinese_shows_no_english_value_beside_a_label(run):
    result = run("diagnose", "--lang", "zh")
    assert result.exit_code == 3
    labels = [line for line in result.stdout.splitlines() if line.startswith("  1. ")]
    assert labels == ["  1. 单位缴纳，工资里也扣一部分"]
    assert "[employer]" not in result.stdout and "VALUE" not in result.stdout


def test_text_outcome_shows_the_reproducing_command(run):
    result = run("diagnose", "-a", "scheme=employer", "-a", "where-looked=bank")
    assert result.exit_code == 0
    assert "You were looking at the card's bank account" in result.stdout
    assert (
        "medbal diagnose zero-balance --lang en --answer scheme=employer --answer where-looked=bank"
    ) in result.stdout


def test_unknown_question_is_a_usage_error_naming_the_ids(run):
    result = run("diagnose", "-a", "colour=blue")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no question 'colour'" in result.stderr and "scheme" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_value_is_a_usage_error_naming_the_values(run):
    result = run("diagnose", "-a", "scheme=perhaps", "--format", "json")
    assert result.exit_code == 2
    assert "'perhaps' is not an answer to 'scheme'" in result.stderr
    assert (
        "employer, retired, self-employed, yearly, left-job, retired-short, not-sure"
        in result.stderr
    )


def test_malformed_answer_option(run):
    result = run("diagnose", "-a", "scheme")
    assert result.exit_code == 2 and "should look like QUESTION=VALUE" in result.stderr


def test_dropped_answers_are_reported(run):
    result = run("diagnose", "-a", "scheme=yearly", "-a", "record=paid", "--format", "json")
    assert json.loads(result.stdout)["dropped"] == [{"question": "record", "value": "paid"}]


def test_answers_file_yaml_and_json(run, write):
    y = write("a.yaml", "scheme: not-sure\npaid-yearly: yes\n")
    assert (
        json.loads(run("diagnose", "--answers-file", str(y), "-f", "json").stdout)["outcome"]["id"]
        == "residents-scheme"
    )
    j = write("a.json", '{"scheme": "self-employed", "flexible-choice": "stopped"}')
    result = run("diagnose", "--answers-file", str(j), "-f", "json")
    assert json.loads(result.stdout)["outcome"]["id"] == "contributions-stopped"


def test_answer_option_overrides_the_file(run, write):
    y = write("a.yaml", "scheme: employer\n")
    result = run("diagnose", "--answers-file", str(y), "-a", "scheme=yearly", "-f", "json")
    assert json.loads(result.stdout)["outcome"]["id"] == "residents-scheme"


def test_bad_answers_file(run, write):
    dup = write("d.yaml", "scheme: employer\nscheme: yearly\n")
    result = run("diagnose", "--answers-file", str(dup))
    assert result.exit_code == 2 and f"{dup}:2:1: 'scheme' is answered twice" in result.stderr
    result = run("diagnose", "--answers-file", "/nonexistent.yaml")
    assert result.exit_code == 2 and "cannot be read" in result.stderr


def test_broken_tree_file_exits_1_with_its_problems(run, write):
    path = write("trees/broken.yaml", VALID.replace("{en: Third?, zh: 第三？}", "{en: Third?}"))
    result = run("diagnose", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:")
    assert "is missing 'zh'" in result.stderr
    assert "Traceback" not in result.stderr


def test_trees_folder_from_option_and_environment(run, write, tmp_path):
    write("region/small.yaml", VALID)
    region = str(tmp_path / "region")
    for args, env in ((["--trees", region], None), ([], {"MEDBAL_TREES": region})):
        result = run("diagnose", "small", "-a", "first=no", "-f", "json", *args, env=env)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["outcome"]["id"] == "done-no"
    # The shipped trees are still found under an overlay.
    result = run("diagnose", "-a", "scheme=yearly", "--trees", region, "-f", "json")
    assert result.exit_code == 0


def test_missing_trees_folder_is_a_clear_error(run):
    result = run("diagnose", "--trees", "/no/such/folder")
    assert result.exit_code == 2
    assert "--trees names '/no/such/folder', which is not a folder" in result.stderr
    result = run("diagnose", env={"MEDBAL_TREES": "/no/such/folder"})
    assert result.exit_code == 2 and "MEDBAL_TREES" in result.stderr


def test_unknown_tree_lists_the_known_ones(run):
    result = run("diagnose", "nosuch")
    assert result.exit_code == 2
    assert "no tree named 'nosuch'; known trees:" in result.stderr
    assert "zero-balance" in result.stderr


def test_checklists_are_not_a_decision_tree(run):
    result = run("diagnose", "reimbursement")
    assert result.exit_code == 2 and "use 'medbal docs'" in result.stderr


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"MEDBAL_LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"MEDBAL_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_language_comes_from_environment_then_locale(run, env, expected):
    result = run("diagnose", "-a", "scheme=yearly", "-f", "json", env=env)
    assert json.loads(result.stdout)["lang"] == expected


def test_bad_medbal_lang(run):
    result = run("diagnose", env={"MEDBAL_LANG": "fr"})
    assert result.exit_code == 2 and "MEDBAL_LANG is 'fr'" in result.stderr


# --- the interactive loop, driven through CliRunner by patching the one decision -----


@pytest.fixture
def prompt(monkeypatch, run):
    monkeypatch.setattr(medbal.present.tty, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)

    def walk(*keys: str, args: tuple[str, ...] = ()):
        return run("diagnose", *args, input="".join(k + "\n" for k in keys), env={"COLUMNS": "200"})

    return walk


def test_interactive_walk_to_an_outcome(prompt):
    result = prompt("7", "2", "2", "1", "q")  # not sure, monthly, medical, recent
    assert result.exit_code == 0
    assert "Question 4" in result.stdout
    assert "The money has not been put into the account yet" in result.stdout
    assert "--answer how-new=recent" in result.stdout


def test_interactive_accepts_values_and_hints_on_a_wrong_entry(prompt):
    result = prompt("maybe", "yearly", "q")
    assert "'maybe' is not one of the options; type 1 to 7." in result.stdout
    assert "Residents' insurance has no personal account" in result.stdout


def test_interactive_back_offers_the_previous_answer(prompt):
    # employer, then back at question 2: question 1 again with its answer as default.
    result = prompt("1", "b", "", "1", "q")
    out = result.stdout
    assert "Enter keeps: My employer pays it" in out
    assert "You were looking at the card's bank account" in out  # where-looked=bank


def test_interactive_back_at_the_first_question(prompt):
    result = prompt("b", "", "q")
    assert "This is the first question." in result.stdout
    assert "Type a number from 1 to 7, or ? for help." in result.stdout
    assert result.stdout.count("Question 1") == 1  # a hint does not repeat the question


def test_interactive_restart_and_help(prompt):
    result = prompt("1", "?", "r", "4", "q")
    assert "Bank machines and bank apps show the bank account" in result.stdout  # where-looked
    assert result.stdout.count("Question 1") == 2
    assert "Residents' insurance has no personal account" in result.stdout


def test_interactive_change_an_answer_by_its_number(prompt):
    # self-employed -> stopped; then change answer 2 to pension-only.
    result = prompt("3", "4", "2", "1", "q")
    out = result.stdout
    assert "Contributions stopped, so nothing new is put into the account" in out
    assert out.index("Contributions stopped") < out.index("Only pension insurance is being paid")


def test_interactive_in_chinese(prompt):
    result = prompt("4", "q", args=("--lang", "zh"))
    assert "第 1 题" in result.stdout and "居民医保本来就没有个人账户" in result.stdout


def test_interactive_end_of_input_exits_1(prompt):
    result = prompt("1")
    assert result.exit_code == 1
    assert "end of input before an answer" in result.stderr


def test_interactive_quit_says_nothing_was_saved(prompt):
    result = prompt("q")
    assert result.exit_code == 0 and "Nothing was saved" in result.stdout


def test_no_input_never_prompts_even_at_a_terminal(prompt):
    result = prompt("1", args=("--no-input",))
    assert result.exit_code == 3 and "Question 1" in result.stdout


def test_version_and_module_entry(run):
    import subprocess
    import sys

    from medbal import __version__

    assert run("--version").stdout == f"medbal {__version__}\n"
    out = subprocess.run(
        [sys.executable, "-m", "medbal", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"medbal {__version__}"


def test_errors_speak_the_chosen_language(run):
    result = run("diagnose", "-a", "scheme=perhaps", "--lang", "zh")
    assert result.exit_code == 2
    # each value to type with what it means: the values are English words
    assert result.stderr.startswith(
        "medbal: “perhaps”不是问题“您的医保是怎么缴费的？”（scheme）的答案；可选：employer（单位"
        "缴纳，工资里也扣一部分）、"
    )
    assert result.stderr.strip().endswith("、not-sure（不确定）")
    assert len(result.stderr.splitlines()) == 1
    result = run("docs", "99", env={"MEDBAL_LANG": "zh"})
    assert result.exit_code == 2 and "没有“99”这一类" in result.stderr
    result = run("estimate", "abc", "--lang", "zh")
    assert "金额“abc”写法不对" in result.stderr
