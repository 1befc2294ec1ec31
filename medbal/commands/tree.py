"""`medbal tree ...`: for the people who write and review trees."""

# No `from __future__ import annotations`: Typer reads these signatures on every call,
# and real annotations spare it an eval of each.

import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from medbal.commands.common import (
    STDIN,
    Command,
    Group,
    Lang,
    LangOpt,
    OutputOpt,
    TreesOpt,
    handles_errors,
    tree_arg,
)
from medbal.commands.complete import complete_tree
from medbal.core.errors import UsageError
from medbal.core.langs import shown

if TYPE_CHECKING:
    from medbal.core.model import Tree
    from medbal.files.readtree import Cacheable

tree_app = typer.Typer(
    cls=Group,
    help="List, show, check and export trees. / 查看、检查和导出树文件。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class PathsFormat(str, Enum):
    text = "text"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"
    json = "json"


class SchemaKind(str, Enum):
    decision_tree = "decision-tree"
    checklists = "checklists"
    checklists_patch = "checklists-patch"
    rates = "rates"


TreeArg = Annotated[
    str,
    typer.Argument(
        metavar="TREE",
        help="Tree id, YAML file, or - to read one from stdin.",
        autocompletion=complete_tree,
    ),
]


def _setup(lang: Lang | None, trees: str | None) -> tuple[str, Path | None]:
    from medbal.files.registry import overlay_dir
    from medbal.i18n.lang import resolve

    return resolve(lang.value if lang else None), overlay_dir(trees)


def _tree(name: str, overlay: Path | None) -> "Tree":
    from medbal.files.registry import load_tree

    loaded = tree_arg(name)  # `-`: the tree on standard input
    return loaded if not isinstance(loaded, str) else load_tree(loaded, overlay)


@tree_app.command("list", cls=Command, short_help="Every tree medbal sees. / 列出所有树文件。")
@handles_errors
def tree_list(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """Every tree and data file medbal sees: id, kind, title, size, shipped or overlay, file.

    Exit 1 when a file is invalid (it is listed with its number of problems).

    Example: medbal tree list --trees examples/overlay
    """
    from medbal import api
    from medbal.present.formats import show

    view = api.tree_list(lang.value if lang else None, trees)
    show("tree-list", view, fmt.value, output)
    if any(r["kind"] == "invalid" for r in view["trees"]):
        raise typer.Exit(1)


@tree_app.command("show", cls=Command, short_help="A tree whole. / 显示整棵树。")
@handles_errors
def tree_show(
    tree: TreeArg, output: OutputOpt = None, lang: LangOpt = None, trees: TreesOpt = None
) -> None:
    """The whole tree: each question, its options and where each leads; outcomes marked '='.

    A question reached again is shown once and referred to after that.

    Example: medbal tree show zero-balance --lang zh
    """
    from medbal.present.authoring import outline_view
    from medbal.present.formats import show

    language, overlay = _setup(lang, trees)
    show("tree-outline", outline_view(_tree(tree, overlay), language), "text", output)


@tree_app.command("paths", cls=Command, short_help="Every path, one row each. / 列出每条路径。")
@handles_errors
def tree_paths(
    tree: TreeArg,
    fmt: Annotated[PathsFormat, typer.Option("--format", "-f")] = PathsFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """Every path from the start to an outcome: the answers in order, the outcome, its title.

    This is the table a reviewer signs off; docs/paths/ keeps a copy for each shipped
    tree, so a change of routing shows up as a diff.

    Example: medbal tree paths zero-balance --format csv --lang en
    """
    from medbal.present import output as write
    from medbal.present.authoring import path_rows, paths_csv, paths_text

    language, overlay = _setup(lang, trees)
    count, rows = path_rows(_tree(tree, overlay), language)
    if fmt is PathsFormat.json:
        write.write_json({"tree": tree, "lang": language, "paths": list(rows)}, output)
        return
    lines = paths_csv(rows) if fmt is PathsFormat.csv else paths_text(count, rows)
    write.write_lines(lines, output)  # streamed: the first rows at once, whatever the count


@tree_app.command(
    "export", cls=Command, short_help="The graph as Mermaid, DOT or JSON. / 导出流程图。"
)
@handles_errors
def tree_export(
    tree: TreeArg,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.mermaid,
    output: OutputOpt = None,
    lang: LangOpt = None,
    trees: TreesOpt = None,
) -> None:
    """The tree as a graph: Mermaid (GitHub renders it in Markdown), Graphviz DOT, or JSON.

    Example: medbal tree export zero-balance --format mermaid --lang en
    """
    from medbal import api
    from medbal.present.output import write_document

    # `-`: the tree on standard input, read and checked here; an id or a file: the API's
    drawn = api.export(tree_arg(tree), fmt.value, lang.value if lang else None, trees)
    write_document(drawn, output)


@tree_app.command(
    "schema", cls=Command, short_help="JSON Schema of the file format. / 文件格式的 JSON Schema。"
)
@handles_errors
def tree_schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            metavar="KIND", help="decision-tree, checklists, checklists-patch or rates."
        ),
    ],
    output: OutputOpt = None,
) -> None:
    """The JSON Schema (Draft 7) of a tree file, made from medbal's own format table.

    trees/schema/ holds a copy of each for editors (yaml-language-server).

    Example: medbal tree schema rates -o rates.schema.json
    """
    from medbal.files.schema import json_schema
    from medbal.present.output import write_json

    write_json(json_schema(kind.value), output)


_KIND_WORDS = {"Tree": "kind_tree", "Checklists": "kind_checklists", "Rates": "kind_rates"}


def _as_of(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError("as_of_form", value=value) from None


@tree_app.command("validate", cls=Command, short_help="Check tree files. / 检查树文件。")
@handles_errors
def tree_validate(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Tree files to check; - reads one from stdin."),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Check review dates and validity on this day (YYYY-MM-DD), not today.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check tree files: YAML, fields, types, both languages, sources and the graph.

    Prints every problem as FILE:LINE:COL: message; exit 0 when all are valid, 1 if not.
    A file is checked with the files beside it, as `--trees` its folder would use it
    (MEDBAL_TREES instead, if set): a tree's `checklist: N` and `due` against the
    checklists there, the checklists against the shipped trees used with them.
    Rules past their review window or validity are warnings: they do not fail.

    Example: medbal tree validate trees/*.yaml --as-of 2027-06-01
    """
    from medbal.core.errors import TreeError
    from medbal.core.model import Checklists
    from medbal.core.review import warnings
    from medbal.files.registry import overlay_dir
    from medbal.i18n.catalogue import msg
    from medbal.i18n.lang import resolve
    from medbal.present import output

    lang = resolve(None, strict=False)  # the problems are the authors' English; this line not
    day = _as_of(as_of)
    overlay = overlay_dir(None)
    if paths.count(STDIN) > 1:
        raise UsageError("tree_twice", tree=STDIN)  # standard input is read once
    bad = 0
    told: set[str] = set()  # a broken file beside several trees is told once, not per tree
    for path in paths:
        try:  # the file itself, never a stored entry; a patch laid over what it extends
            loaded, name = _checked(path, overlay)
        except TreeError as exc:
            bad += 1
            output.report_problems([p for p in exc.problems if p not in told], 1)
            told.update(exc.problems)
            continue
        patched = loaded.extends if isinstance(loaded, Checklists) else None
        output.warn(warnings(loaded, day))
        kind = msg(_KIND_WORDS[type(loaded).__name__], lang)
        # The file's name as given, escaped: a newline or an escape sequence in it is shown.
        said = msg(
            "file_valid_patch" if patched else "file_valid",
            lang,
            kind=kind,
            id=loaded.id,
            base=patched,
        )
        output.write_text(f"{shown(name)}{said}\n")
    if bad:
        raise typer.Exit(1)


def _checked(path: str, overlay: Path | None) -> tuple["Cacheable", str]:
    """One file of `tree validate`, checked as medbal would use it, and its name as shown;
    TreeError with its problems.  `-` is standard input, named <stdin>."""
    from medbal.core.errors import TreeError
    from medbal.core.model import Checklists, Tree
    from medbal.files.bounded import STDIN as NAMED
    from medbal.files.crossfile import named_as_its_id
    from medbal.files.readtree import stdin_bytes
    from medbal.files.registry import checklists_for, load_resolved, shipped_misfits

    data = stdin_bytes() if path == STDIN else None
    file = Path(NAMED if data is not None else path)
    # With the files beside it, as `--trees` its folder would use it (MEDBAL_TREES if set).
    here = overlay or (file.parent if data is None else None)
    loaded = load_resolved(file, here, cached=False, data=data)
    if problems := named_as_its_id(loaded, file):  # found by its name
        raise TreeError(problems)
    if isinstance(loaded, Tree):  # its `checklist: N` must name a real category
        checklists_for(loaded, here)
    elif isinstance(loaded, Checklists):  # and the shipped trees' `due` must still fit
        if problems := shipped_misfits(loaded, here):
            raise TreeError(problems)
    return loaded, str(file) if data is not None else path
