"""What every command shares: error handling and option types."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from medbal.commands.complete import complete_answer
from medbal.core.errors import MedbalError, UsageError
from medbal.core.langs import LANGS

if TYPE_CHECKING:
    from medbal.core.model import Tree

F = TypeVar("F", bound=Callable[..., Any])
STDIN = "-"  # in place of a file to read: standard input; of a file to write: stdout


def handles_errors(func: F) -> F:
    """Turn the library's exceptions into the one reporter's line (and, with --format
    json, the error envelope on stdout) and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from medbal.core.errors import TreeError

        try:
            return func(*args, **kwargs)
        except TreeError as exc:
            from medbal.present.output import report_problems

            raise typer.Exit(report_problems(exc.problems, 1, as_json=_json(kwargs))) from None
        except MedbalError as exc:
            from medbal.present.output import report

            code = report(exc, _lang(kwargs), exc.exit_code, as_json=_json(kwargs))
            raise typer.Exit(code) from None
        # Ctrl-C is not caught here: anywhere in a command, Typer turns it into exit 130,
        # and medbal.process says the one line for every 130 alike.

    return wrapper  # type: ignore[return-value]


def _lang(kwargs: dict[str, Any]) -> str:
    """The language of the command being run, for its error messages, by the one rule
    (medbal.i18n.lang.resolve); a value that names no language is passed over."""
    from medbal.i18n.lang import resolve

    option = kwargs.get("lang")
    return resolve(getattr(option, "value", option), strict=False)


def _json(kwargs: dict[str, Any]) -> bool:
    """Whether the command was asked for JSON: its errors then come as JSON too."""
    fmt = kwargs.get("fmt")
    return getattr(fmt, "value", fmt) == "json"


if TYPE_CHECKING:

    class Lang(str, Enum):  # the languages below, one member each, named by its code
        pass

else:  # one choice for each language medbal declares
    Lang = Enum("Lang", {lang: lang for lang in LANGS}, type=str)
# "en or zh", as the options' help names the choices
LANG_CHOICES = " or ".join(LANGS)


class DiagnoseFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class EstimateFormat(str, Enum):
    text = "text"
    json = "json"


class DocsFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        "-l",
        help=f"Language: {LANG_CHOICES}. Default: MEDBAL_LANG, then the locale.",
        show_default=False,
    ),
]
TreesOpt = Annotated[
    str | None,
    typer.Option(
        "--trees",
        metavar="FOLDER",
        help="A folder of trees laid over the shipped ones (or MEDBAL_TREES).",
        show_default=False,
    ),
]


OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically) instead of stdout; - is stdout.",
        show_default=False,
    ),
]


# --- the options of diagnose and claim ---------------------------------------------

AnswerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--answer",
        "-a",
        metavar="QUESTION=VALUE",
        help="An answer; repeat for more.",
        show_default=False,
        autocompletion=complete_answer,
    ),
]
AnswersFileOpt = Annotated[
    str | None,
    typer.Option(
        "--answers-file",
        metavar="FILE",
        help="A YAML or JSON mapping of QUESTION: VALUE.",
        show_default=False,
    ),
]
NoInputOpt = Annotated[
    bool,
    typer.Option("--no-input", help="Never prompt (the default when stdin is not a terminal)."),
]
DiagnoseFormatOpt = Annotated[
    DiagnoseFormat,
    typer.Option("--format", "-f", help="text or json; markdown or html for a page to take home."),
]
BatchOpt = Annotated[
    str | None,
    typer.Option(
        "--batch",
        metavar="FILE",
        help="Answer many cases: one JSON object per line of FILE "
        "(- for stdin), one JSON envelope per line on stdout, flushed at once (see the README).",
        show_default=False,
    ),
]


# --- `-`: standard input in place of a file ---------------------------------------------


def tree_arg(name: str) -> str | Tree:
    """A TREE argument as medbal.api takes it: `-` is the tree on standard input, read and
    checked here (its problems named <stdin>:LINE:COL); an id or a file is passed on."""
    if name != STDIN:
        return name
    from medbal.core.model import Tree
    from medbal.files.bounded import STDIN as NAMED
    from medbal.files.readtree import load_file, stdin_bytes

    loaded = load_file(NAMED, cached=False, data=stdin_bytes())
    if not isinstance(loaded, Tree):
        other = "medbal estimate" if type(loaded).__name__ == "Rates" else "medbal docs"
        raise UsageError("not_a_tree", name=STDIN, path=NAMED, other=other)
    return loaded


def stdin_once(*uses: tuple[str, bool]) -> None:
    """Standard input is read once: refuse `-` given to two of these (name, given as -)."""
    named = [name for name, given in uses if given]
    if len(named) > 1:
        raise UsageError("stdin_twice", first=named[0], second=named[1])


# A signed amount: compiled on first use (by re's cache), only by a call of `estimate`.
_SIGNED = r"^-(\d|\.\d|inf|nan)"


# --- help -------------------------------------------------------------------------------


class CellHelp:
    """--help laid out by medbal.commands.helptext (display cells, no word broken at a
    hyphen, both languages) and written through the output boundary.  That module is
    imported only when help is shown: a command that runs never loads it."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from medbal.commands.helptext import render

        formatter.write(render(self, ctx))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = _show_help
        return option


def _show_help(ctx: Any, param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from medbal.present.output import write_text

        write_text(ctx.get_help() + "\n")
        ctx.exit()


class Command(CellHelp, TyperCommand):
    """Every medbal command (`@app.command(cls=Command)`)."""


class Group(CellHelp, TyperGroup):
    """medbal and `medbal tree` (`typer.Typer(cls=Group)`)."""


class SignedAmountCommand(Command):
    """A command whose argument is an amount: `-5` or `-inf` is that amount, not an option.

    Click reads every word that starts with `-` as an option (`-inf` as `-i nf`).
    A word that looks like a signed number and is not an option's value is moved
    behind `--`, so it reaches the amount check and its clear message.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        takes_value = {
            name
            for p in self.params
            if not getattr(p, "is_flag", True)
            for name in p.opts
            if name.startswith("-")
        }
        kept: list[str] = []
        moved: list[str] = []
        words = iter(args)
        for word in words:
            if word == "--":
                moved.extend(words)
                break
            if re.match(_SIGNED, word, re.IGNORECASE):
                moved.append(word)
                continue
            kept.append(word)
            value = next(words, None) if word in takes_value else None
            if value is not None:
                kept.append(value)
        result: list[str] = super().parse_args(ctx, kept + (["--", *moved] if moved else []))
        return result
