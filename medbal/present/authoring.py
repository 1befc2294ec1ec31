"""What the people who keep trees/ need: an inventory, the path table, diagrams.

Pure functions from loaded trees to data or text; `medbal tree ...` prints them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypedDict, cast

from medbal.core.engine import COUNT_CAP, count_paths, iter_paths
from medbal.core.errors import Phrase, UsageError
from medbal.core.kinds import edges
from medbal.core.langs import shown
from medbal.core.model import Checklists, Rates, Tree
from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import colon, counted, listing
from medbal.present.output import json_text
from medbal.present.plain import table_lines
from medbal.present.views import shell_word


def summary(loaded: Tree | Checklists | Rates, lang: str) -> dict[str, Any]:
    """A `tree list` row's kind, title and size (medbal.commands.tree reads the files)."""
    if isinstance(loaded, Tree):
        return {
            "kind": "decision-tree",
            "title": loaded.title.get(lang),
            "questions": len(loaded.questions),
            "outcomes": len(loaded.outcomes),
        }
    if isinstance(loaded, Rates):
        return {"kind": "rates", "title": loaded.title.get(lang), "regions": len(loaded.regions)}
    return {
        "kind": "checklists",
        "title": loaded.title.get(lang),
        "categories": len(loaded.categories),
    }


class TreeRow(TypedDict, total=False):
    """A file medbal sees, as `medbal tree list` shows it: where it is and what it
    replaces, then its kind, title and size (the keys of its kind), or its problems.
    medbal serve's rows have no `file` (it names no file of the server) and are never
    invalid (a server starts only on valid files)."""

    id: str
    file: str
    origin: Literal["shipped", "overlay"]
    extends: str | None
    replaced: bool
    patched: bool
    replaces: bool
    kind: Literal["decision-tree", "checklists", "rates", "invalid"]
    title: str
    questions: int
    outcomes: int
    categories: int
    regions: int
    problems: list[str]


class InventoryView(TypedDict):
    """`medbal tree list`: one row per file medbal sees, and the language of its words."""

    trees: list[TreeRow]
    lang: str


# A file's size, counted in the unit words of the catalogue ("7 questions" / "7 个问题").
_SIZES = {
    "decision-tree": (("questions", "unit_question"), ("outcomes", "unit_outcome")),
    "checklists": (("categories", "unit_checklist"),),
    "rates": (("regions", "unit_region"),),
}


def _size(row: dict[str, Any], lang: str) -> str:
    if row["kind"] == "invalid":
        problems = counted(len(row["problems"]), msg("unit_problem", lang), lang)
        return f"{problems}{colon(lang)}medbal tree validate {shell_word(row['file'])}"
    sizes = (counted(row[n], msg(unit, lang), lang) for n, unit in _SIZES[row["kind"]])
    return listing(sizes, lang)


def _origin(row: dict[str, Any], lang: str) -> str:
    """Where a file comes from, and what it does to the shipped one: 'overlay, replaces
    shipped' / '覆盖文件夹、替换内置文件'."""
    said = [msg(_ORIGINS[row["origin"]], lang)]
    if row["replaces"]:
        said.append(msg("origin_patches" if row.get("extends") else "origin_replaces", lang))
    if row["patched"] or row["replaced"]:
        said.append(msg("origin_patched" if row["patched"] else "origin_replaced", lang))
    if row.get("extends") and not row["replaces"]:
        said.append(msg("origin_patch_of", lang, id=row["extends"]))
    return listing(said, lang)


_ORIGINS = {"overlay": "origin_overlay", "shipped": "origin_shipped"}
_HEADS = ("list_id", "list_kind", "list_title", "list_size", "list_from", "list_file")


def inventory_text(view: InventoryView) -> str:
    lang = view["lang"]
    table = []
    for row in view["trees"]:
        # A file's name (and so its id) is data from outside: shown escaped, on its row.
        file_name, file_id = shown(row["file"]), shown(row["id"])
        kind = msg("kind_invalid", lang) if row["kind"] == "invalid" else row["kind"]
        said = cast("dict[str, Any]", row)  # read by the names of its kind's sizes
        table.append(
            (file_id, kind, row["title"], _size(said, lang), _origin(said, lang), file_name)
        )
    head = tuple(msg(key, lang) for key in _HEADS)
    return "".join(line + "\n" for line in table_lines([head, *table], [False] * 6))


# --- paths --------------------------------------------------------------------

# `tree paths` lists at most this many paths (and answers over all of them): the
# shipped trees have a few dozen; a tree past this is reviewed as a graph instead.
MAX_PATHS = 100_000
MAX_PATH_STEPS = 2_000_000


def path_rows(tree: Tree, lang: str) -> tuple[int, Iterator[dict[str, Any]]]:
    """(how many paths, the rows one at a time); UsageError when there are too many."""
    count, steps = count_paths(tree)
    if count > MAX_PATHS or steps > MAX_PATH_STEPS:
        paths = Phrase("paths_beyond") if count >= COUNT_CAP else Phrase("paths_count", count=count)
        raise UsageError(
            "too_many_paths",
            tree=tree.id,
            paths=paths,
            answers=min(steps, COUNT_CAP),
            max_paths=MAX_PATHS,
            max_answers=MAX_PATH_STEPS,
        )
    rows = (
        {
            "answers": [{"question": a.question.id, "value": a.option.value} for a in path],
            "outcome": outcome.id,
            "title": outcome.title.get(lang),
        }
        for path, outcome in iter_paths(tree)
    )
    return count, rows


def _answers(row: dict[str, Any]) -> str:
    return " ".join(f"{a['question']}={a['value']}" for a in row["answers"])


def paths_text(count: int, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    width = len(str(count))
    for i, r in enumerate(rows, 1):
        yield f"{i:>{width}}  {_answers(r)}  ->  {r['outcome']}  ({r['title']})\n"


def paths_csv(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["path", "answers", "outcome", "title"])
    for i, r in enumerate(rows, 1):
        writer.writerow([i, _answers(r), r["outcome"], r["title"]])
        yield out.getvalue()
        out.seek(0)
        out.truncate()


# --- diagrams -----------------------------------------------------------------


def _mermaid_id(node_id: str, tree: Tree) -> str:
    # Mermaid ids: no dashes (they read as arrows); a prefix keeps questions and
    # outcomes apart.
    prefix = "q_" if node_id in tree.questions else "o_"
    return prefix + node_id.replace("-", "_")


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;")


def mermaid(tree: Tree, lang: str) -> str:
    lines = ["flowchart TD"]
    for q in tree.questions.values():
        lines.append(f'    {_mermaid_id(q.id, tree)}["{_mermaid_label(q.text.get(lang))}"]')
    for o in tree.outcomes.values():
        lines.append(f'    {_mermaid_id(o.id, tree)}(["{_mermaid_label(o.title.get(lang))}"])')
    for q in tree.questions.values():
        for opt in edges(q):
            # A date's `<date>` as entity codes: an edge label is HTML to Mermaid.
            value = opt.value.replace("<", "#lt;").replace(">", "#gt;")
            lines.append(
                f"    {_mermaid_id(q.id, tree)} -->|{value}| {_mermaid_id(opt.next, tree)}"
            )
    return "\n".join(lines) + "\n"


def _dot_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(tree: Tree, lang: str) -> str:
    lines = [
        f"digraph {_dot_quoted(tree.id)} {{",
        "    rankdir=TB;",
        '    node [shape=box, style=rounded, fontname="Noto Sans CJK SC"];',
    ]
    for q in tree.questions.values():
        lines.append(f"    {_dot_quoted(q.id)} [label={_dot_quoted(q.text.get(lang))}];")
    for o in tree.outcomes.values():
        lines.append(
            f"    {_dot_quoted(o.id)} [shape=ellipse, label={_dot_quoted(o.title.get(lang))}];"
        )
    for q in tree.questions.values():
        for opt in edges(q):
            arrow = f"{_dot_quoted(q.id)} -> {_dot_quoted(opt.next)}"
            lines.append(f"    {arrow} [label={_dot_quoted(opt.value)}];")
    return "\n".join(lines) + "\n}\n"


class GraphNode(TypedDict):
    id: str
    kind: Literal["question", "outcome"]
    text: str


# "from" is a Python keyword: the functional form.
GraphEdge = TypedDict("GraphEdge", {"from": str, "to": str, "value": str, "label": str})


class GraphView(TypedDict):
    """A tree as a graph (`medbal tree export TREE --format json`): each question and
    outcome a node, each option an edge."""

    id: str
    title: str
    start: str
    lang: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def graph_view(tree: Tree, lang: str) -> GraphView:
    questions: list[GraphNode] = [
        {"id": q.id, "kind": "question", "text": q.text.get(lang)} for q in tree.questions.values()
    ]
    outcomes: list[GraphNode] = [
        {"id": o.id, "kind": "outcome", "text": o.title.get(lang)} for o in tree.outcomes.values()
    ]
    arrows: list[GraphEdge] = [  # a date question's: a day (`<date>`), or none
        {"from": q.id, "to": opt.next, "value": opt.value, "label": opt.label.get(lang)}
        for q in tree.questions.values()
        for opt in edges(q)
    ]
    return {
        "id": tree.id,
        "title": tree.title.get(lang),
        "start": tree.start,
        "lang": lang,
        "nodes": questions + outcomes,
        "edges": arrows,
    }


def graph_json(tree: Tree, lang: str) -> str:
    return json_text(graph_view(tree, lang))


# --- show -----------------------------------------------------------------------


def outline(tree: Tree, lang: str) -> list[tuple[int, str, str]]:
    """The tree as (depth, kind, line) rows; a question met again is referred to, not repeated.
    A date question has one way on: `[<date>]` and what the date is.

    kind is `question`, `option`, `outcome` or `seen`.
    """
    rows: list[tuple[int, str, str]] = []
    shown: set[str] = set()
    # The catalogue's forms: the ids are English, so a Chinese outline names questions,
    # options and outcomes by their text and number alone.
    # An explicit stack, not recursion: a long tree must not hit Python's limit.
    stack: list[tuple[str, int]] = [(tree.start, 0)]
    while stack:
        node_id, depth = stack.pop()
        if node_id.startswith("\0"):  # an option's row, queued before its subtree
            rows.append((depth, "option", node_id[1:]))
        elif node_id in tree.outcomes:
            o = tree.outcomes[node_id]
            rows.append(
                (depth, "outcome", msg("outline_outcome", lang, id=o.id, title=o.title.get(lang)))
            )
        elif node_id in shown:
            text = tree.questions[node_id].text.get(lang)
            rows.append((depth, "seen", msg("outline_seen", lang, id=node_id, text=text)))
        else:
            shown.add(node_id)
            q = tree.questions[node_id]
            rows.append(
                (depth, "question", msg("outline_question", lang, id=q.id, text=q.text.get(lang)))
            )
            for n, opt in reversed(list(enumerate(edges(q), 1))):
                stack.append((opt.next, depth + 2))
                row = msg("outline_option", lang, n=n, value=opt.value, label=opt.label.get(lang))
                stack.append(("\0" + row, depth + 1))
    return rows


class OutlineView(TypedDict):
    """`medbal tree show`: the tree's title and its outline rows (depth, kind, line)."""

    tree: str
    title: str
    lang: str
    rows: list[tuple[int, str, str]]


def outline_view(tree: Tree, lang: str) -> OutlineView:
    return {
        "tree": tree.id,
        "title": tree.title.get(lang),
        "lang": lang,
        "rows": outline(tree, lang),
    }


# Past this many levels a row is indented no further and says its depth (…312): a chain
# of 3,000 questions printed 72 MB, mostly spaces (issue 21, defect 8).
MAX_INDENT = 40


def _indent(depth: int) -> str:
    return "  " * depth if depth <= MAX_INDENT else "  " * MAX_INDENT + f"…{depth} "


def outline_text(view: OutlineView) -> str:
    return "".join(_indent(depth) + line + "\n" for depth, _, line in view["rows"])
