"""`medbal diagnose` and `medbal claim`: one engine, four front ends.

Interactive at a terminal; otherwise one-shot, rendered as text, JSON, or a
page to take home (Markdown or A4 HTML).
"""

from __future__ import annotations

import typer

from medbal import api
from medbal.commands.common import STDIN, DiagnoseFormat, Lang, stdin_once, tree_arg
from medbal.core.errors import NEEDS_ANSWER, UsageError
from medbal.present.formats import show
from medbal.present.tty import may_prompt


def parse_answers(pairs: list[str], answers_file: str | None) -> dict[str, str]:
    answers: dict[str, str] = {}
    if answers_file:
        from medbal.files.answers import read_answers_file  # YAML: only for a file

        answers.update(read_answers_file(answers_file))
    given: dict[str, str] = {}
    for pair in pairs:
        qid, sep, value = pair.partition("=")
        if not sep or not qid.strip() or not value.strip():
            raise UsageError("answer_form", pair=pair)
        if qid.strip() in given:
            # The answers file refuses a question answered twice; so do the options.
            raise UsageError(
                "answer_twice", qid=qid.strip(), first=given[qid.strip()], second=value.strip()
            )
        given[qid.strip()] = answers[qid.strip()] = value.strip()
    return answers


def run_diagnose(
    tree: str,
    pairs: list[str],
    answers_file: str | None,
    no_input: bool,
    fmt: DiagnoseFormat,
    output: str | None,
    lang: Lang | None,
    trees: str | None,
) -> None:
    stdin_once(("TREE -", tree == STDIN), ("--answers-file -", answers_file == STDIN))
    no_input = no_input or STDIN in (tree, answers_file)  # stdin holds a file, not a person
    talk = api.Session(tree_arg(tree), None, lang.value if lang else None, trees, ref=tree)
    # A broken tree is reported (above) before the answers are read and checked.
    talk = talk.at(parse_answers(pairs, answers_file))
    if fmt is DiagnoseFormat.text and output in (None, "-") and may_prompt(no_input):
        from medbal.commands.interactive import run_session  # the prompt loop: only at a terminal

        run_session(talk)
        return
    view = talk.view()
    done = view["status"] == "outcome"
    if not done and fmt in (DiagnoseFormat.markdown, DiagnoseFormat.html):
        # A page to take home needs an outcome: say which answer is missing instead.
        show("diagnose", view, "text", err=True)
    else:
        show("diagnose", view, fmt.value, output)
    if not done:
        raise typer.Exit(NEEDS_ANSWER)
