"""What every command shares: error handling, option types, output helpers."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from medbal.errors import INTERRUPTED, MedbalError

F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(func: F) -> F:
    """Turn the library's exceptions into one line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from medbal.yamlread import TreeError

        try:
            return func(*args, **kwargs)
        except TreeError as exc:
            for problem in exc.problems:
                typer.echo(problem, err=True)
            raise typer.Exit(1) from None
        except MedbalError as exc:
            typer.echo(f"medbal: {exc.text(_lang(kwargs))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            message = "已中断。" if _lang(kwargs) == "zh" else "interrupted."
            typer.echo(f"\nmedbal: {message}", err=True)
            raise typer.Exit(INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def _lang(kwargs: dict[str, Any]) -> str:
    """The language of the command being run, for its error messages; English if unsure."""
    from medbal.lang import choose_lang

    option = kwargs.get("lang")
    try:
        return choose_lang(option.value if option is not None else None)
    except MedbalError:
        return "en"


class Lang(str, Enum):
    en = "en"
    zh = "zh"


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


LangOpt = Annotated[Lang | None, typer.Option(
    "--lang", "-l", help="Language: en or zh. Default: MEDBAL_LANG, then the locale.",
    show_default=False)]
TreesOpt = Annotated[str | None, typer.Option(
    "--trees", help="A folder of trees laid over the shipped ones (or MEDBAL_TREES).",
    show_default=False)]


def emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def emit_json(data: dict[str, Any]) -> None:
    from medbal.output import json_text

    emit(json_text(data, for_stdout=True))
