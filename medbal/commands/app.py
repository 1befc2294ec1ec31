"""The command line: thin Typer commands over the Python API (medbal.api).

Each command parses options, gets its view from medbal.api, hands it to one step
that shows it (medbal.present.formats.show) and maps errors to the documented exit
codes through the one reporter.  PyYAML and
the renderers are imported inside the commands that need them, so `--help` and
a JSON call pay only for what they use.
"""

# No `from __future__ import annotations`: Typer reads these signatures on every call,
# and real annotations spare it an eval of each.

import copy
from collections.abc import Callable
from typing import Annotated, Any

import typer

from medbal import __version__
from medbal.commands.common import (
    LANG_CHOICES,
    AnswerOpt,
    AnswersFileOpt,
    BatchOpt,
    Command,
    DiagnoseFormat,
    DiagnoseFormatOpt,
    DocsFormat,
    EstimateFormat,
    Group,
    Lang,
    LangOpt,
    NoInputOpt,
    OutputOpt,
    SignedAmountCommand,
    TreesOpt,
    handles_errors,
)
from medbal.commands.complete import complete_item, complete_region, complete_tree
from medbal.core.errors import UsageError

app = typer.Typer(
    name="medbal",
    cls=Group,  # help laid out by medbal (medbal.commands.helptext), loaded only for help
    help="Why does my medical-insurance personal account show 0, and what do I bring to "
    "claim costs back? / 医保个人账户为什么是 0，报销要带哪些材料？",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain Click help: Rich formatting costs more than the rest of a `--help` call.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# The commands a call can name without reaching `tree` or `serve`: for these, the six
# `tree` commands and `serve` (which Typer would build on every call) are not imported.
LEAVES = frozenset({"diagnose", "claim", "docs", "estimate", "page", "serve"})


# `serve` as the list of commands shows it: a call that only lists them (`medbal`,
# `medbal --help`) gets a stand-in with these words, not the command's seven options,
# which Typer would build on the call (1.3% of `--help`).
SERVE_HELP = "Answer over HTTP: a JSON API and the page. / 以 HTTP 接口提供服务。"
HELP_ONLY = frozenset({"-h", "--help"})


def cli(argv: list[str] | None = None) -> typer.Typer:
    """The app for this call: with the `tree` group and `serve` unless `argv` names
    another command.  This is the command dispatch's one lazy step; no argv (help,
    completion, tests) gives every command."""
    first = argv[0] if argv else None
    if argv is not None and (not argv or first in HELP_ONLY):
        _with_serve(_serve_listed)
    elif first not in LEAVES or first == "serve":
        from medbal.commands.serve import serve

        _with_serve(serve)
    if first in LEAVES:
        return _only(first)
    if not app.registered_groups:
        from medbal.commands.tree import tree_app

        app.add_typer(
            tree_app,
            name="tree",
            short_help="Check, list and export trees. / 检查、查看和导出树文件。",
        )
    return app


def _serve_listed() -> None:
    """Listed by `medbal --help`; never run: a call naming `serve` gets the command."""


def _with_serve(callback: Callable[..., Any]) -> None:
    """`app` with `serve` as `callback`: the command, or its stand-in in the list."""
    commands = app.registered_commands
    if any(command.callback is callback for command in commands):
        return
    app.registered_commands = [c for c in commands if _name(c) != "serve"]
    app.command("serve", cls=Command, short_help=SERVE_HELP)(callback)


def _only(name: str) -> typer.Typer:
    """`app` with the one command `name`: Typer builds every command it holds on every
    call (reading each signature), two thirds of the commands' cost in a one-shot call.
    A call that names its command reaches no other, and no option of the group but
    --version: Typer's --install-completion and --show-completion, built by reading the
    signatures of its completion functions, are left out too (they must come before a
    command's name, where a call that names one of LEAVES has none)."""
    one = copy.copy(app)
    one.registered_commands = [info for info in app.registered_commands if _name(info) == name]
    one._add_completion = False
    return one


def _name(info: typer.models.CommandInfo) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__)  # type: ignore[union-attr]


def _version(value: bool) -> None:
    if value:
        from medbal.present.output import write_text

        write_text(f"medbal {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """medbal: a bilingual guide to a zero personal-account balance and to claiming costs back."""


# --- diagnose and claim ---------------------------------------------------------


def _batch(
    ctx: typer.Context, source: str, tree: str, lang: Lang | None, trees: str | None
) -> None:
    from medbal.commands.batch import refuse_conflicts, run_batch
    from medbal.commands.common import STDIN

    refuse_conflicts(ctx)
    if tree == STDIN:  # the lines name trees by id; the default is one too, or a saved file
        raise UsageError("batch_stdin_tree")
    run_batch(source, tree, lang.value if lang else None, trees)


@app.command(cls=Command, short_help="Why the personal account shows 0. / 个人账户为什么是 0。")
@handles_errors
def diagnose(
    ctx: typer.Context,
    tree: Annotated[
        str,
        typer.Argument(
            metavar="[TREE]",
            help="Tree id (zero-balance, which-category, balance-dropped, card), "
            "a YAML file, or - to read one from stdin.",
            autocompletion=complete_tree,
        ),
    ] = "zero-balance",
    answer: AnswerOpt = None,
    answers_file: AnswersFileOpt = None,
    no_input: NoInputOpt = False,
    fmt: DiagnoseFormatOpt = DiagnoseFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
    batch: BatchOpt = None,
) -> None:
    """Find out why the personal account shows 0, one question at a time.

    At a terminal it asks (answers given with --answer are taken, and it asks the
    rest). With --no-input, --format json/markdown/html, or stdin or stdout not a
    terminal, it answers at once: exit 0 with the outcome, or exit 3 naming the next
    question.
    Other trees: which-category (which claim is mine), balance-dropped, card.

    Example: medbal diagnose --answer scheme=yearly --format json
    """
    if batch is not None:
        return _batch(ctx, batch, tree, lang, trees)
    from medbal.commands.diagnose import run_diagnose

    run_diagnose(tree, answer or [], answers_file, no_input, fmt, output, lang, trees)


@app.command(cls=Command, short_help="Which of the eleven claims is mine. / 我属于哪一类报销。")
@handles_errors
def claim(
    ctx: typer.Context,
    answer: AnswerOpt = None,
    answers_file: AnswersFileOpt = None,
    no_input: NoInputOpt = False,
    fmt: DiagnoseFormatOpt = DiagnoseFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
    batch: BatchOpt = None,
) -> None:
    """From what happened to the kind of claim and its checklist (medbal diagnose which-category).

    Example: medbal claim --lang zh --answer where=home --answer settle-problem=emergency
    """
    if batch is not None:
        return _batch(ctx, batch, "which-category", lang, trees)
    from medbal.commands.diagnose import run_diagnose

    run_diagnose("which-category", answer or [], answers_file, no_input, fmt, output, lang, trees)


# --- estimate -------------------------------------------------------------------


# SignedAmountCommand lets "-5" and "-inf" reach the amount check instead of reading as
# options, while an unknown option is still named as one.
@app.command(
    short_help="What the pooled fund may pay back. / 估算统筹基金报销金额。",
    cls=SignedAmountCommand,
)
@handles_errors
def estimate(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="The inpatient bill in yuan, without the separate items below.",
            show_default=False,
        ),
    ],
    threshold: Annotated[
        str | None,
        typer.Option(
            "--threshold",
            "-t",
            metavar="AMOUNT",
            help="The deductible threshold in yuan "
            "(default: the region's, if its source gives one).",
            show_default=False,
        ),
    ] = None,
    item: Annotated[
        list[str] | None,
        typer.Option(
            "--item",
            "-i",
            metavar="ITEM=AMOUNT",
            help="A separately rated amount, e.g. class-b=1200; repeat for more.",
            show_default=False,
            autocompletion=complete_item,
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            help="A region of the rates file (default: its default).",
            show_default=False,
            autocompletion=complete_region,
        ),
    ] = None,
    fmt: Annotated[
        EstimateFormat, typer.Option("--format", "-f", help="text or json.")
    ] = EstimateFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """Estimate what the pooled fund pays back on an inpatient bill, slice by slice.

    Rates are regional data (trees/rates.yaml); the reading of the source's rates
    is stated with every estimate. An estimate, not a decision.

    Example: medbal estimate 8000 --threshold 500 --item class-b=1200
    """
    from medbal import api
    from medbal.present.formats import show

    view = api.estimate(amount, threshold, item or [], region, lang.value if lang else None, trees)
    show("estimate", view, fmt.value, output)


# --- docs ---------------------------------------------------------------------


def _complete_category(incomplete: str) -> list[str]:
    from medbal.files.registry import load_checklists, overlay_dir

    try:
        data = load_checklists(overlay_dir(None))
    except Exception:  # completion must never print a traceback into a shell
        return []
    keys = [c.slug for c in data.categories] + [str(c.number) for c in data.categories]
    return [k for k in keys if k.startswith(incomplete)]


@app.command(cls=Command, short_help="Documents to bring for a claim. / 报销需要带的材料。")
@handles_errors
def docs(
    category: Annotated[
        str | None,
        typer.Argument(
            metavar="[CATEGORY]",
            help="A category number (1-11) or short name; none lists them all.",
            autocompletion=_complete_category,
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every category's checklist.")] = False,
    fmt: Annotated[
        DocsFormat,
        typer.Option("--format", "-f", help="text, markdown, html (A4, for printing) or json."),
    ] = DocsFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """The documents to bring for each of the eleven ways to claim costs back.

    Example: medbal docs short-trip --lang zh --format html --output claim.html
    """
    from medbal import api
    from medbal.present.formats import show

    if category and all_:
        raise UsageError("category_and_all")
    view = api.docs(category, lang.value if lang else None, trees)
    # With no category, text and Markdown show the overview table; HTML and JSON give
    # every sheet, as --all does.
    show("docs-overview" if category is None and not all_ else "docs", view, fmt.value, output)


# --- page ---------------------------------------------------------------------


@app.command(cls=Command, short_help="One web page that walks the trees. / 生成可离线使用的网页。")
@handles_errors
def page(
    tree: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TREE]...",
            help="Tree ids or YAML files (- reads one from stdin; default: zero-balance, "
            "which-category, balance-dropped, card).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The HTML file to write (atomically); - or none is stdout, "
            "unless stdout is a terminal.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            "-l",
            help=f"The language the page starts in: {LANG_CHOICES}. Default: the browser's.",
            show_default=False,
        ),
    ] = None,
    trees: TreesOpt = None,
) -> None:
    """Write one self-contained HTML file that walks the trees in a browser, offline.

    Both languages are in the file; --lang sets the starting one (default: the
    browser's). Send it in a chat, open it on a phone, or leave it on a kiosk.

    Example: medbal page --output medbal.html --lang zh
    """
    from medbal import api
    from medbal.commands.common import STDIN, tree_arg
    from medbal.present.output import write_document
    from medbal.present.tty import stdout_is_terminal

    if output is None and stdout_is_terminal():
        raise UsageError("page_needs_output")  # HTML is for a browser, not for this screen
    names = tree or []
    if names.count(STDIN) > 1:
        raise UsageError("tree_twice", tree=STDIN)  # standard input is read once
    loaded = [tree_arg(name) for name in names]
    write_document(api.page(loaded, lang.value if lang else None, trees), output)
