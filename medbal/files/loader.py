"""YAML files in, checked model out.

A file's top-level `kind` says what it holds: `decision-tree` (questions and
outcomes, walked by the engine), `checklists` (the reimbursement categories) or
`rates` (regional reimbursement rates for `medbal estimate`).
Every problem found is reported at once as `FILE:LINE:COL: message`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, ScalarNode

from medbal.core.engine import always_asked
from medbal.core.errors import TreeError, one_line
from medbal.core.kinds import DEFAULT, OWN_FIELDS
from medbal.core.kinds import KINDS as QUESTION_KINDS
from medbal.core.kinds import date as date_kind
from medbal.core.model import Loaded, Option, Outcome, Question, Tree
from medbal.files.bounded import collector_paused
from medbal.files.fields import complete, dates, of, read_values, review
from medbal.files.invariants import graph, value_clashes
from medbal.files.spec import names
from medbal.files.yamlread import Reader

if TYPE_CHECKING:
    from medbal.core.kinds import Kind

KINDS = ("decision-tree", "checklists", "rates")


class PartialTree(TreeError):
    """A file's problems, with what could be built of it: a regional patch's readable
    parts are still laid over its base, so every problem is reported at once."""

    def __init__(self, problems: list[str], partial: Loaded | None):
        super().__init__(problems)
        self.partial = partial


def load_bytes(data: bytes, path: str = "<tree>") -> Loaded:
    with collector_paused():
        return _load(data, path)


def _load(data: bytes, path: str) -> Loaded:
    r = Reader(path)
    root = r.compose(data)
    if root is None:
        raise TreeError(r.sorted_problems())
    kind = _kind(r, root)
    result: Loaded | None = None
    if kind is not None:
        spec = _spec(kind, root)
        fields = r.mapping(root, f"a {spec} file", *names(spec))
        if fields is not None:
            result = _builder(spec)(r, fields)
    if r.problems or result is None:
        raise PartialTree(r.sorted_problems(), result)
    return result


def _builder(spec: str) -> Any:
    """The function that builds a file of this kind (imported only when one is read)."""
    if spec == "checklists-patch":
        from medbal.files.patch import patch

        return patch
    if spec == "checklists":
        from medbal.files.checklists import checklists

        return checklists
    if spec == "rates":
        from medbal.files.rates import rates

        return rates
    return _tree


def _spec(kind: str, root: Node) -> str:
    """The field table for the file: a checklists file with `extends` is a regional patch."""
    if kind == "checklists" and any(
        isinstance(k, ScalarNode) and k.value == "extends" for k, _ in root.value
    ):
        return "checklists-patch"
    return kind


def _kind(r: Reader, root: Node) -> str | None:
    if not isinstance(root, MappingNode):
        r.at(root, "the file should be a mapping with 'kind', 'id' and the rest")
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "kind":
            return r.choice(value, "'kind'", KINDS)
    r.at(root, f"the file has no 'kind', expected one of: {', '.join(KINDS)}")
    return None


# --- decision trees ---------------------------------------------------------


def _tree(r: Reader, f: dict[str, Node]) -> Tree | None:
    v = read_values(r, f, "decision-tree", "")
    q_entries = r.keyed(f["questions"], "questions") if "questions" in f else []
    o_entries = r.keyed(f["outcomes"], "outcomes") if "outcomes" in f else []

    where: dict[str, Node] = {}  # node id -> its key, for positions
    for key_node, _ in q_entries + o_entries:
        if key_node.value in where:
            r.at(
                key_node,
                f"'{key_node.value}' is both a question and an outcome "
                f"(line {r.line_of(where[key_node.value])}), ids must be unique",
            )
        where.setdefault(key_node.value, key_node)

    questions = {k.value: q for k, v in q_entries if (q := _question(r, k.value, v, where))}
    outcomes = {k.value: o for k, v in o_entries if (o := _outcome(r, k.value, v))}
    start = v.get("start")
    if start is not None and start not in where:
        r.at(f["start"], f"'start' names '{start}', which is not a question or outcome")
        start = None
    if start is not None and not r.problems:
        for nid, message in graph(start, questions, where):
            r.at(where[nid], message)
    file_review = review(r, f, f"{r.path}:1:1")
    if r.problems or not complete(v, "decision-tree") or start is None:
        return None
    tree = of(Tree, v, questions=questions, outcomes=outcomes, path=r.path, review=file_review)
    for o in outcomes.values():
        if o.due is not None:
            r.problems += [f"{o.due.where}: {one_line(p)}" for p in _due_problems(tree, o)]
    return None if r.problems else tree


def _due_problems(tree: Tree, o: Outcome) -> list[str]:
    """An outcome's `due` counts from a date question asked on every path to it, and
    names a deadline of a category it leads to (that one is checked against the
    checklists: medbal.files.crossfile)."""
    assert o.due is not None
    qid, what = o.due.question, f"the 'due' of outcome '{o.id}'"
    question = tree.questions.get(qid)
    if question is None or question.kind != date_kind.NAME:
        dated = [q.id for q in tree.questions.values() if q.kind == date_kind.NAME]
        return [
            f"{what} counts from '{qid}', which is not a date question of this tree; "
            f"its date questions: {', '.join(dated) or 'none'}"
        ]
    out = []
    if qid not in always_asked(tree, date_kind.NAME).get(o.id, frozenset()):
        out.append(
            f"{what} counts from '{qid}', but a path to the outcome does not ask it: "
            "ask it on every path here, or give the outcome no 'due'"
        )
    if not o.checklists:
        out.append(
            f"{what} names deadline '{o.due.deadline}' of a category, but the outcome "
            "names no 'checklist'"
        )
    return out


def _question(r: Reader, qid: str, node: Node, where: dict[str, Node]) -> Question | None:
    what = f"question '{qid}'"
    f = r.mapping(node, what, *names("question"))
    if f is None:
        return None
    v = read_values(r, f, "question", what)
    kind = QUESTION_KINDS.get(v.get("kind", DEFAULT)) if "kind" in v or "kind" not in f else None
    if kind is not None and not _kind_fields(r, node, f, kind, what):
        kind = None
    if "next" in v and v["next"] not in where:
        r.at(
            f["next"],
            f"'next' of {what} names '{v['next']}', which is not a question or outcome "
            "of this tree",
        )
        del v["next"]
    options = _options(r, f, what, where) if "options" in f else []
    if kind is None or not complete(v, "question"):
        return None
    if kind.NAME == DEFAULT:
        return of(Question, v, id=qid, options=tuple(options)) if options else None
    # Another kind's own fields are values of the table, read above.
    whole = all(n in v for n, required in kind.FIELDS.items() if required)
    return of(Question, v, id=qid) if whole else None


def _kind_fields(r: Reader, node: Node, f: dict[str, Node], kind: Kind, what: str) -> bool:
    """A question has its kind's own fields, and no other kind's; False if not."""
    ok = True
    for name in OWN_FIELDS:
        if name in f and name not in kind.FIELDS:
            r.at(
                f[name],
                f"{what} is a {kind.NAME} question, which has no '{name}' "
                f"(its own: {', '.join(kind.FIELDS)})",
            )
            ok = False
    missing = [n for n, required in kind.FIELDS.items() if required and n not in f]
    if missing:
        fields = ", ".join(repr(n) for n in missing)
        r.at(node, f"{what} is a {kind.NAME} question and is missing {fields}")
        ok = False
    return ok


def _options(r: Reader, f: dict[str, Node], what: str, where: dict[str, Node]) -> list[Option]:
    """A choice question's options, each value once, at least two."""
    options: list[Option] = []
    seen: dict[str, Node] = {}
    for item in r.items(f["options"], f"the options of {what}"):
        value_node, opt = _option(r, what, item, where)
        if value_node is None:
            continue
        if value_node.value in seen:
            r.at(
                value_node,
                f"option value '{value_node.value}' appears twice in {what} (line "
                f"{r.line_of(seen[value_node.value])}), values must be unique",
            )
            continue
        seen[value_node.value] = value_node
        if opt is not None:
            options.append(opt)
    if len(f["options"].value or ()) == 1:
        r.at(f["options"], f"{what} has one option, a question needs at least two")
    return options


def _option(
    r: Reader, what: str, node: Node, where: dict[str, Node]
) -> tuple[Node | None, Option | None]:
    """(the value's node, the option); the option is None when any part is wrong."""
    f = r.mapping(node, f"an option of {what}", *names("option"))
    if f is None:
        return None, None
    v = read_values(r, f, "option", f"an option of {what}")
    if "value" in v and value_clashes(v["value"]):
        r.at(
            f["value"],
            f"option value '{v['value']}' of {what} would read as a key of the interactive "
            "session (an option's number, or q, r, b); choose a word",
        )
        del v["value"]
    if "next" in v and v["next"] not in where:
        r.at(
            f["next"],
            f"'next' of an option of {what} names '{v['next']}', which is not a "
            "question or outcome of this tree",
        )
        del v["next"]
    value_node = f["value"] if "value" in v else None
    return value_node, (of(Option, v) if complete(v, "option") else None)


def _outcome(r: Reader, oid: str, node: Node) -> Outcome | None:
    what = f"outcome '{oid}'"
    f = r.mapping(node, what, *names("outcome"))
    if f is None:
        return None
    # Every field that is there is read, so one missing field hides no other problem.
    v = read_values(r, f, "outcome", what)
    if not complete(v, "outcome"):
        return None
    # `checklist:` (one number or a list) fills the model's `checklists`, a tuple.
    numbers = v.get("checklist", ())
    return of(Outcome, v, id=oid, checklists=numbers, dates=dates(r, v, node))
