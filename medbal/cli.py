"""The command line: thin Typer commands over the library.

Each command parses options, calls the loader/engine/views, hands the result to
one renderer and maps errors to the documented exit codes.  Rich, PyYAML and
the renderers are imported inside the commands that need them, so `--help` and
a JSON call pay only for what they use.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from medbal import __version__
from medbal.cli_common import (
    DiagnoseFormat,
    DocsFormat,
    LangOpt,
    TreesOpt,
    emit,
    emit_json,
    handles_errors,
)
from medbal.cli_tree import tree_app
from medbal.errors import NEEDS_ANSWER, UsageError

app = typer.Typer(
    name="medbal",
    help="Why does my medical-insurance personal account show 0, and what do I bring to "
    "claim costs back? / 医保个人账户为什么是 0，报销要带哪些材料？",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain Click help: Rich formatting costs more than the rest of a `--help` call.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 done, 1 broken tree file or failed write, 2 bad input, "
    "3 an answer is still needed, 130 interrupted. / 退出码：0 完成，1 树文件有误或写入失败，"
    "2 输入有误，3 还需回答问题，130 被中断。",
)
app.add_typer(tree_app, name="tree")

def _version(value: bool) -> None:
    if value:
        typer.echo(f"medbal {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """medbal: a bilingual guide to a zero personal-account balance and to claiming costs back."""


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, emoji=False)


# --- diagnose -----------------------------------------------------------------

def parse_answers(pairs: list[str], answers_file: str | None) -> dict[str, str]:
    answers: dict[str, str] = {}
    if answers_file:
        from medbal.answers import read_answers_file

        answers.update(read_answers_file(answers_file))
    for pair in pairs:
        qid, sep, value = pair.partition("=")
        if not sep or not qid.strip() or not value.strip():
            raise UsageError(f"--answer '{pair}' should look like QUESTION=VALUE, "
                             "for example --answer scheme=employer")
        answers[qid.strip()] = value.strip()
    return answers


@app.command(short_help="Why the personal account shows 0. / 个人账户为什么是 0。")
@handles_errors
def diagnose(
    tree: Annotated[str, typer.Argument(help="Tree id or YAML file.")] = "zero-balance",
    answer: Annotated[list[str] | None, typer.Option(
        "--answer", "-a", help="An answer as QUESTION=VALUE; repeat for more.",
        show_default=False)] = None,
    answers_file: Annotated[str | None, typer.Option(
        "--answers-file", help="A YAML or JSON mapping of QUESTION: VALUE.",
        show_default=False)] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never prompt (the default when stdin is not a terminal).")] = False,
    fmt: Annotated[DiagnoseFormat, typer.Option("--format", "-f", help="text or json.")]
    = DiagnoseFormat.text,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """Find out why the personal account shows 0, one question at a time.

    At a terminal it asks; with --answer, --no-input, --format json or a pipe it
    answers at once: exit 0 with the outcome, or exit 3 naming the next question.

    Example: medbal diagnose --answer scheme=yearly --format json
    """
    from medbal.engine import walk
    from medbal.lang import choose_lang
    from medbal.registry import load_tree, overlay_dir
    from medbal.term import may_prompt
    from medbal.views import diagnose_view

    language = choose_lang(lang.value if lang else None)
    loaded = load_tree(tree, overlay_dir(trees))
    answers = parse_answers(answer or [], answers_file)
    if fmt is DiagnoseFormat.text and may_prompt(no_input):
        _interactive(loaded, language, answers)
        return
    result = walk(loaded, answers)
    view = diagnose_view(result, language)
    if fmt is DiagnoseFormat.json:
        emit_json(view)
    else:
        _show_diagnosis(result, view, language)
    if not result.done:
        raise typer.Exit(NEEDS_ANSWER)


def _show_diagnosis(result: Any, view: dict[str, Any], lang: str) -> None:
    from medbal.render.text import diagnose_plain, diagnose_rich
    from medbal.term import wants_plain

    if wants_plain():
        emit(diagnose_plain(result, view, lang))
    else:
        _print_parts(_console(), diagnose_rich(result, view, lang))


def _print_parts(console: Any, parts: list[Any]) -> None:
    from rich.text import Text

    for part in parts:
        # Lines of text are left to the terminal to wrap, so that the one-shot
        # command stays one line when copied; panels are laid out by Rich.
        console.print(part, soft_wrap=isinstance(part, Text))


def _interactive(tree: Any, lang: str, answers: dict[str, str]) -> None:
    from rich.text import Text

    from medbal.engine import check_answers
    from medbal.interactive import Session
    from medbal.messages import msg
    from medbal.render.text import diagnose_rich
    from medbal.views import diagnose_view

    check_answers(tree, answers)
    console = _console()
    console.print(Text(tree.title.get(lang), style="bold magenta"))
    if tree.description:
        console.print(Text(tree.description.get(lang), style="dim"))

    def show(result: Any) -> None:
        console.print()
        _print_parts(console, diagnose_rich(result, diagnose_view(result, lang), lang))

    if Session(tree, lang, console, show, answers).run() is None:
        console.print(Text(msg("bye", lang), style="dim"))


# --- docs ---------------------------------------------------------------------

def _complete_category(incomplete: str) -> list[str]:
    from medbal.registry import load_checklists, overlay_dir

    try:
        data = load_checklists(overlay_dir(None))
    except Exception:  # completion must never print a traceback into a shell
        return []
    keys = [c.slug for c in data.categories] + [str(c.number) for c in data.categories]
    return [k for k in keys if k.startswith(incomplete)]


@app.command(short_help="Documents to bring for a claim. / 报销需要带的材料。")
@handles_errors
def docs(
    category: Annotated[str | None, typer.Argument(
        help="A category number (1-11) or short name; none lists them all.",
        autocompletion=_complete_category, show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every category's checklist.")] = False,
    fmt: Annotated[DocsFormat, typer.Option(
        "--format", "-f", help="text, markdown, html (A4, for printing) or json.")]
    = DocsFormat.text,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.",
        show_default=False)] = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """The documents to bring for each of the eleven ways to claim costs back.

    Example: medbal docs short-trip --lang zh --format html --output claim.html
    """
    from medbal.docs import render_docs
    from medbal.lang import choose_lang
    from medbal.registry import load_checklists, overlay_dir

    language = choose_lang(lang.value if lang else None)
    data = load_checklists(overlay_dir(trees))
    if category and all_:
        raise UsageError("give a category or --all, not both")
    text = render_docs(data, category, all_, fmt.value, language, plain=output is not None)
    if output:
        from medbal.output import write_atomic

        write_atomic(output, text)
    elif text:
        emit(text)


def main() -> None:
    # Text that a terminal's encoding cannot show becomes '?' rather than a crash.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        app()
    except BrokenPipeError:
        # `medbal docs --all | head -1`: the reader left; leave quietly.
        sys.stderr.close()
        sys.exit(0)
