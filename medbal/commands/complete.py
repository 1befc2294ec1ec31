"""Shell completion that knows the trees: tree ids, `--answer QUESTION=VALUE`, `--item`,
`--region`.

Runs inside the shell's Tab key, so it imports only what it reads (never a renderer), looks
at the options already on the line (`--trees`, the tree, `--region`, earlier answers),
and never lets an error out: a broken file or folder completes to nothing.
"""

# No `from __future__ import annotations`: Typer reads the signature of each completion
# function on every call (inspect.signature with eval_str, then get_type_hints), and an
# annotation that is a string is compiled each time it is read.

import functools
from collections.abc import Callable, Mapping
from typing import Any

import typer

from medbal.core.errors import UsageError
from medbal.core.langs import shown

DEFAULT_TREE = "zero-balance"
CLAIM_TREE = "which-category"
COMPLETE_VAR = "_MEDBAL_COMPLETE"  # set by the script a shell sources for completion


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def check_environment(environ: Mapping[str, str]) -> None:
    """The completion request as a shell makes it: `source_SHELL` or `complete_SHELL`
    (Typer's form), and for bash, COMP_WORDS and a number in COMP_CWORD.  Anything else
    is a usage error in medbal's words, never a traceback in a shell."""
    instruction = environ.get(COMPLETE_VAR, "")
    action, _, shell = instruction.partition("_")
    if action not in ("source", "complete") or shell not in SHELLS:
        raise UsageError("complete_instruction", value=instruction, shells=SHELLS)
    cword = environ.get("COMP_CWORD", "")
    if instruction == "complete_bash" and (
        "COMP_WORDS" not in environ or not (cword.isascii() and cword.isdigit())
    ):
        raise UsageError("complete_environment", value=cword)


def _quiet(func: Callable[..., list[str]]) -> Callable[..., list[str]]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> list[str]:
        try:
            found = func(*args, **kwargs)
        except Exception:  # completion must never print a traceback into a shell
            return []
        # A name with a control character in it (a file's, in an overlay) is never
        # offered: the shell would type it, or show it raw in its list.
        return [word for word in found if shown(word) == word]

    return wrapper


def _params(ctx: typer.Context) -> dict[str, Any]:
    """The options and arguments already on the line.

    Click stops parsing at the option whose value is being completed (`--answer` with
    no value yet) and leaves the arguments before it (the TREE) unparsed in ctx.args:
    parse those again and add what they give.
    """
    params = dict(ctx.params)
    if ctx.args and ctx.info_name:
        try:
            with ctx.command.make_context(
                ctx.info_name, list(ctx.args), parent=ctx.parent, resilient_parsing=True
            ) as again:
                for key, value in again.params.items():
                    source = again.get_parameter_source(key)
                    if source is not None and source.name == "COMMANDLINE":
                        params[key] = value
        except Exception:
            pass
    return params


def _overlay(params: dict[str, Any]) -> Any:
    from medbal.files.registry import overlay_dir

    return overlay_dir(params.get("trees"))


def _tree_ids(overlay: Any) -> list[str]:
    from medbal.files.registry import CHECKLISTS_ID, RATES_ID, available_ids

    return [t for t in available_ids(overlay) if t not in (CHECKLISTS_ID, RATES_ID)]


@_quiet
def complete_tree(ctx: typer.Context, incomplete: str) -> list[str]:
    """Tree ids, shipped and from the overlay; a path is left to the shell's file names."""
    if "/" in incomplete:
        return []
    return [t for t in _tree_ids(_overlay(_params(ctx))) if t.startswith(incomplete)]


@_quiet
def complete_answer(ctx: typer.Context, incomplete: str) -> list[str]:
    """`QUESTION=` for the questions not yet answered, then `QUESTION=VALUE`."""
    from medbal.files.registry import load_tree

    params = _params(ctx)
    name = CLAIM_TREE if ctx.command.name == "claim" else params.get("tree") or DEFAULT_TREE
    tree = load_tree(name, _overlay(params))
    qid, sep, partial = incomplete.partition("=")
    if sep:
        question = tree.questions.get(qid)
        if question is None:
            return []
        from medbal.core.kinds import edges

        # Every value it takes: a choice's options; a date's not-sure (a day is typed,
        # and its `<date>` stands for any day, no value to type).
        values = [o.value for o in edges(question) if not o.value.startswith("<")]
        return [f"{qid}={v}" for v in values if v.startswith(partial)]
    given = {pair.partition("=")[0] for pair in params.get("answer") or ()}
    return [f"{q}=" for q in tree.questions if q.startswith(qid) and q not in given]


def _region(ctx: typer.Context) -> Any:
    from medbal.files.registry import load_rates

    params = _params(ctx)
    rates = load_rates(_overlay(params))
    return rates, rates.regions.get(params.get("region") or rates.default_region)


@_quiet
def complete_region(ctx: typer.Context, incomplete: str) -> list[str]:
    rates, _ = _region(ctx)
    return [r for r in rates.regions if r.startswith(incomplete)]


@_quiet
def complete_item(ctx: typer.Context, incomplete: str) -> list[str]:
    """`ITEM=` for the separately rated items of the region on the line (or the default)."""
    if "=" in incomplete:
        return []  # the amount is the person's own
    _, region = _region(ctx)
    return [f"{i.id}=" for i in region.items if i.id.startswith(incomplete)] if region else []
