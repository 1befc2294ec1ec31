"""`medbal diagnose` and `medbal claim`: one engine, four front ends.

Interactive at a terminal; otherwise one-shot, rendered as text, JSON, or a
page to take home (Markdown or A4 HTML).
"""

from __future__ import annotations

import datetime
from typing import Any

import typer

from medbal.commands.common import DiagnoseFormat, deliver
from medbal.core.errors import NEEDS_ANSWER, UsageError


def parse_answers(pairs: list[str], answers_file: str | None) -> dict[str, str]:
    answers: dict[str, str] = {}
    if answers_file:
        from medbal.files.answers import read_answers_file

        answers.update(read_answers_file(answers_file))
    given: dict[str, str] = {}
    for pair in pairs:
        qid, sep, value = pair.partition("=")
        if not sep or not qid.strip() or not value.strip():
            raise UsageError("answer_form", pair=pair)
        if qid.strip() in given:
            # The answers file refuses a question answered twice; so do the options.
            raise UsageError("answer_twice", qid=qid.strip(), first=given[qid.strip()],
                             second=value.strip())
        given[qid.strip()] = answers[qid.strip()] = value.strip()
    return answers


def run_diagnose(tree: str, pairs: list[str], answers_file: str | None, no_input: bool,
                 fmt: DiagnoseFormat, output: str | None, lang: Any,
                 trees: str | None) -> None:
    from medbal.core.engine import walk
    from medbal.files.registry import checklists_for, load_tree, overlay_dir
    from medbal.i18n.lang import choose_lang
    from medbal.present.term import may_prompt
    from medbal.present.views import diagnose_view

    language = choose_lang(lang.value if lang else None)
    no_input = no_input or answers_file == "-"  # stdin holds the answers, not a person
    overlay = overlay_dir(trees)
    loaded = load_tree(tree, overlay)
    checklists = checklists_for(loaded, overlay)
    answers = parse_answers(pairs, answers_file)
    if fmt is DiagnoseFormat.text and output in (None, "-") and may_prompt(no_input):
        _interactive(loaded, language, answers, checklists, tree)
        return
    result = walk(loaded, answers)
    view = diagnose_view(result, language, checklists, tree)
    text = _render(result, view, fmt, language, to_file=output not in (None, "-"))
    if text is not None:
        deliver(text, output, document=fmt in (DiagnoseFormat.markdown, DiagnoseFormat.html))
    if not result.done:
        raise typer.Exit(NEEDS_ANSWER)


def _render(result: Any, view: dict[str, Any], fmt: DiagnoseFormat, lang: str,
            to_file: bool) -> str | None:
    """The output as text; None when it was printed to the terminal with Rich."""
    from medbal.files.write import json_text

    if fmt is DiagnoseFormat.json:
        return json_text(view, for_stdout=not to_file)
    from medbal.present.diagnose_text import diagnose_plain
    from medbal.present.term import wants_plain

    if fmt is DiagnoseFormat.text:
        if to_file or wants_plain():
            return diagnose_plain(result, view, lang)
        from medbal.present.diagnose_text import diagnose_rich

        _print_parts(_console(), diagnose_rich(result, view, lang))
        return None
    if not result.done:
        # A page to take home needs an outcome: say which answer is missing instead.
        typer.echo(diagnose_plain(result, view, lang), err=True, nl=False)
        return None
    from medbal.present.pages import takehome_pages

    pages = takehome_pages(result, view, lang, datetime.date.today().isoformat())
    title = result.tree.title.get(lang)
    if fmt is DiagnoseFormat.markdown:
        from medbal.present.markdown import pages_markdown

        return pages_markdown(pages, title)
    from medbal.present.html import pages_html

    return pages_html(pages, title, lang)


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def _print_parts(console: Any, parts: list[Any]) -> None:
    from rich.text import Text

    for part in parts:
        # Lines of text are left to the terminal to wrap, so that the one-shot
        # command stays one line when copied; panels are laid out by Rich.
        console.print(part, soft_wrap=isinstance(part, Text))


def _interactive(tree: Any, lang: str, answers: dict[str, str], checklists: Any,
                 tree_ref: str) -> None:
    from rich.text import Text

    from medbal.commands.interactive import Session
    from medbal.core.engine import check_answers
    from medbal.i18n.catalogue import msg
    from medbal.present.diagnose_text import diagnose_rich
    from medbal.present.pages import checklist_page
    from medbal.present.views import diagnose_view
    from medbal.present.widgets import RichPage, para

    check_answers(tree, answers)
    console = _console()
    console.print(Text(tree.title.get(lang), style="bold magenta"))
    if tree.description:
        console.print(para(tree.description.get(lang), lang, "dim"))

    def show(result: Any) -> None:
        console.print()
        view = diagnose_view(result, lang, checklists, tree_ref)
        _print_parts(console, diagnose_rich(result, view, lang))

    def show_checklist(result: Any) -> None:
        envelope = diagnose_view(result, lang, checklists, tree_ref)["outcome"]["checklist"]
        console.print()
        console.print(RichPage(checklist_page(envelope["categories"][0], envelope, lang)))

    session = Session(tree, lang, console, show, answers, show_checklist)
    if session.run() is None:
        console.print(Text(msg("bye", lang), style="dim"))
