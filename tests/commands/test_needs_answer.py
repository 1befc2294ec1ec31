"""One-shot at a terminal: "needs an answer" shows each option's `--answer` to add."""

import os
import sys

import pexpect
import pytest

from medbal.core.engine import all_paths, walk
from medbal.files.registry import load_tree
from medbal.i18n.typeset import cells as display_width
from medbal.present.layout import paint
from medbal.present.terminal import diagnose_lines
from medbal.present.views import diagnose_view

from support import ROOT, replay


def open_questions(tree_id: str):
    """The answers before each distinct question of the tree, with the result there."""
    tree = load_tree(tree_id, None)
    seen: dict[str, dict[str, str]] = {}
    for path, _ in all_paths(tree):
        for k, step in enumerate(path):
            seen.setdefault(step.question.id, replay(path[:k]))
    return tree, seen


def shown(result, view, lang: str, width: int) -> tuple[str, list[str]]:
    """What a terminal of this width shows, and its lines."""
    out = paint(diagnose_lines(view, width), colour=False)
    return out, out.splitlines()


@pytest.mark.parametrize("tree_id", ["zero-balance", "which-category"])
@pytest.mark.parametrize("lang, width", [("en", 100), ("en", 40), ("zh", 40), ("zh", 120)])
def test_every_option_shows_its_answer(tree_id, lang, width):
    tree, before = open_questions(tree_id)
    for qid, answers in before.items():
        result = walk(tree, answers)
        assert result.question is not None and result.question.id == qid
        view = diagnose_view(result, lang, None, tree_id)
        out, laid_out = shown(result, view, lang, width)
        for option in result.question.options:
            assert f"--answer {qid}={option.value}" in out
        # A command wider than the terminal is broken at spaces with the shell's ` \`.
        assert view["command"] in " ".join(out.replace(" \\\n", " ").split())
        flat = " ".join(out.split()) if lang == "en" else "".join(out.split())
        assert ("Add the --answer that fits" if lang == "en" else "加到下面的命令后面") in flat
        assert "VALUE" not in out
        assert max(display_width(line) for line in laid_out) <= width


def test_labels_that_look_like_markup_print_literally():
    tree, before = open_questions("zero-balance")
    result = walk(tree, {})
    view = diagnose_view(result, "en", None, "zero-balance")
    view["question"]["options"][0]["label"] = "Pay [bold]now[/bold] [x]"
    out, _ = shown(result, view, "en", 80)
    assert "Pay [bold]now[/bold] [x]" in out


def test_one_shot_in_a_terminal_shows_the_answers_to_add():
    tree = load_tree("zero-balance", None)
    first = tree.questions[tree.start]
    option = next(o for o in first.options if o.next in tree.questions)
    second = tree.questions[option.next]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MEDBAL_", "NO_COLOR", "FORCE_COLOR"))
    }
    env.update({"COLUMNS": "80", "LINES": "50", "TERM": "xterm", "PYTHONIOENCODING": "utf-8"})
    child = pexpect.spawn(
        sys.executable,
        [
            "-m",
            "medbal",
            "diagnose",
            "--no-input",
            "--lang",
            "zh",
            "-a",
            f"{first.id}={option.value}",
        ],
        env=env,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 80),
    )
    child.expect("需要回答下面的问题才能继续")
    for o in second.options:
        child.expect_exact(f"--answer {second.id}={o.value}")
    child.expect_exact(f"--answer {first.id}={option.value}")  # the command to add to
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 3
