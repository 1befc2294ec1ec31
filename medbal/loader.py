"""YAML files in, checked model out.

A file's top-level `kind` says what it holds: `decision-tree` (questions and
outcomes, walked by the engine) or `checklists` (the reimbursement categories).
Every problem found is reported at once as `FILE:LINE:COL: message`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from yaml.nodes import Node

from medbal.model import (
    Category,
    Checklists,
    Deadline,
    Document,
    Option,
    Outcome,
    Question,
    Step,
    Text,
    Tree,
    Variant,
)
from medbal.yamlread import Reader, TreeError

KINDS = ("decision-tree", "checklists")
DEADLINE_KINDS = ("within", "at-least", "in-advance", "after")
UNITS = ("day", "month", "year")

Loaded = Tree | Checklists


def load_file(path: str | Path) -> Loaded:
    """Read and check one file; raise TreeError listing every problem."""
    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise TreeError([f"{shown}:1:1: is a folder, expected a .yaml file"]) from None
    except OSError as exc:
        raise TreeError([f"{shown}:1:1: cannot be read ({exc.strerror or exc})"]) from None
    return load_bytes(data, shown)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Composing creates a node object per scalar and collection; the cyclic garbage
    # collector's repeated passes over them made a 5,000-question file take 5x
    # longer than linear.  Nothing built here is garbage until the load ends.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_bytes(data: bytes, path: str = "<tree>") -> Loaded:
    with _collector_paused():
        return _load(data, path)


def _load(data: bytes, path: str) -> Loaded:
    r = Reader(path)
    root = r.compose(data)
    if root is None:
        raise TreeError(r.sorted_problems())
    head = r.mapping(root, "the file", required=("kind",),
                     optional=_TREE_FIELDS + _CHECKLIST_FIELDS)
    result: Loaded | None = None
    if head is not None and "kind" in head:
        kind = r.choice(head["kind"], "'kind'", KINDS)
        fields_of = _TREE_FIELDS if kind == "decision-tree" else _CHECKLIST_FIELDS
        for key_node, _ in root.value:
            if kind and key_node.value not in fields_of + ("kind",):
                r.at(key_node, f"unknown field '{key_node.value}' for kind '{kind}', expected "
                               f"one of: {', '.join(sorted(fields_of))}")
        if kind == "decision-tree":
            result = _tree(r, head, root)
        elif kind == "checklists":
            result = _checklists(r, head, root)
    if r.problems or result is None:
        raise TreeError(r.sorted_problems())
    return result


# --- decision trees ---------------------------------------------------------

_TREE_FIELDS = ("id", "title", "description", "start", "questions", "outcomes")


def _tree(r: Reader, f: dict[str, Node], root: Node) -> Tree | None:
    for key in ("id", "title", "start", "questions", "outcomes"):
        if key not in f:
            r.at(root, f"a decision tree needs '{key}'")
    tree_id = r.ident(f["id"], "the tree id") if "id" in f else None
    title = r.text(f["title"], "the tree title") if "title" in f else None
    description = r.text(f["description"], "the tree description") if "description" in f else None
    q_entries = r.keyed(f["questions"], "questions") if "questions" in f else []
    o_entries = r.keyed(f["outcomes"], "outcomes") if "outcomes" in f else []

    where: dict[str, Node] = {}  # node id -> its key, for positions
    for key_node, _ in q_entries + o_entries:
        if key_node.value in where:
            r.at(key_node, f"'{key_node.value}' is both a question and an outcome "
                           f"(line {r.line_of(where[key_node.value])}), ids must be unique")
        where.setdefault(key_node.value, key_node)

    questions = {k.value: q for k, v in q_entries if (q := _question(r, k.value, v, where))}
    outcomes = {k.value: o for k, v in o_entries if (o := _outcome(r, k.value, v))}
    start = None
    if "start" in f:
        start = r.ident(f["start"], "'start'")
        if start is not None and start not in where:
            r.at(f["start"], f"'start' names '{start}', which is not a question or outcome")
            start = None
    if start is not None and not r.problems:
        _check_graph(r, start, questions, where)
    if r.problems or tree_id is None or title is None or start is None:
        return None
    return Tree(tree_id, title, start, questions, outcomes, r.path, description)


def _question(r: Reader, qid: str, node: Node, where: dict[str, Node]) -> Question | None:
    what = f"question '{qid}'"
    f = r.mapping(node, what, required=("text", "options"), optional=("help",))
    if f is None:
        return None
    text = r.text(f["text"], f"the text of {what}") if "text" in f else None
    help_ = r.text(f["help"], f"the help of {what}") if "help" in f else None
    options: list[Option] = []
    seen: dict[str, Node] = {}
    for item in r.items(f["options"], f"the options of {what}") if "options" in f else []:
        value_node, opt = _option(r, what, item, where)
        if value_node is None:
            continue
        if value_node.value in seen:
            r.at(value_node, f"option value '{value_node.value}' appears twice in {what} (line "
                             f"{r.line_of(seen[value_node.value])}), values must be unique")
            continue
        seen[value_node.value] = value_node
        if opt is not None:
            options.append(opt)
    if "options" in f and len(f["options"].value or ()) == 1:
        r.at(f["options"], f"{what} has one option, a question needs at least two")
    if text is None or not options:
        return None
    return Question(qid, text, tuple(options), help_)


def _option(r: Reader, what: str, node: Node,
            where: dict[str, Node]) -> tuple[Node | None, Option | None]:
    """(the value's node, the option); the option is None when any part is wrong."""
    f = r.mapping(node, f"an option of {what}", required=("value", "label", "next"))
    if f is None:
        return None, None
    value = r.ident(f["value"], f"an option value of {what}") if "value" in f else None
    label = r.text(f["label"], f"an option label of {what}") if "label" in f else None
    target = r.ident(f["next"], f"'next' of an option of {what}") if "next" in f else None
    if target is not None and target not in where:
        r.at(f["next"], f"'next' of an option of {what} names '{target}', which is not a "
                        "question or outcome of this tree")
        target = None
    if value is None or label is None or target is None:
        return (f["value"] if value is not None else None), None
    return f["value"], Option(value, label, target)


_OUTCOME_FIELDS = ("title", "explanation", "next_steps", "where_to_check", "sources")


def _outcome(r: Reader, oid: str, node: Node) -> Outcome | None:
    what = f"outcome '{oid}'"
    f = r.mapping(node, what, required=_OUTCOME_FIELDS,
                  optional=("pooled_fund", "caveat", "checklist"))
    if f is None:
        return None
    # Read every field that is there, so one missing field hides no other problem.
    title = r.text(f["title"], f"the title of {what}") if "title" in f else None
    explanation = (r.text(f["explanation"], f"the explanation of {what}")
                   if "explanation" in f else None)
    steps = r.texts(f["next_steps"], f"a next step of {what}") if "next_steps" in f else ()
    check = (r.texts(f["where_to_check"], f"a 'where to check' of {what}")
             if "where_to_check" in f else ())
    sources = r.sources(f["sources"], what) if "sources" in f else ()
    pooled = r.text(f["pooled_fund"], f"'pooled_fund' of {what}") if "pooled_fund" in f else None
    caveat = r.text(f["caveat"], f"the caveat of {what}") if "caveat" in f else None
    checklist = (r.integer(f["checklist"], f"'checklist' of {what}", 1, 99)
                 if "checklist" in f else None)
    if title is None or explanation is None:
        return None
    return Outcome(oid, title, explanation, steps, check, sources, pooled, caveat, checklist)


def _check_graph(r: Reader, start: str, questions: dict[str, Question],
                 where: dict[str, Node]) -> None:
    """No cycles, everything reachable: one iterative depth-first pass, linear in size.

    With every reference resolved and every question offering options, a graph
    without cycles guarantees that every path ends in an outcome.
    """
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[tuple[str, int]] = [(start, 0)]
    state[start] = 1
    while stack:
        nid, i = stack.pop()
        q = questions.get(nid)
        if q is None or i >= len(q.options):
            state[nid] = 2
            continue
        stack.append((nid, i + 1))
        nxt = q.options[i].next
        if state.get(nxt) == 1:
            r.at(where[nid], f"question '{nid}' leads back to '{nxt}' (option "
                             f"'{q.options[i].value}'), a tree must not loop")
        elif nxt not in state:
            state[nxt] = 1
            stack.append((nxt, 0))
    for nid, key_node in where.items():
        if nid not in state:
            r.at(key_node, f"'{nid}' cannot be reached from the start '{start}', "
                           "link it from an option or remove it")


# --- checklists --------------------------------------------------------------

_CHECKLIST_FIELDS = ("id", "title", "region", "region_note", "sources", "common_documents",
                     "claim_steps", "legal_basis", "categories")


def _checklists(r: Reader, f: dict[str, Node], root: Node) -> Checklists | None:
    for key in _CHECKLIST_FIELDS:
        if key not in f:
            r.at(root, f"a checklists file needs '{key}'")
    if r.problems:
        return None
    cats: list[Category] = []
    numbers: dict[int, Node] = {}
    slugs: dict[str, Node] = {}
    for node in r.items(f["categories"], "categories"):
        cat = _category(r, node)
        if cat is None:
            continue
        if cat.number in numbers:
            r.at(node, f"category number {cat.number} is used twice (line "
                       f"{r.line_of(numbers[cat.number])}), numbers must be unique")
        if cat.slug in slugs:
            r.at(node, f"category slug '{cat.slug}' is used twice (line "
                       f"{r.line_of(slugs[cat.slug])}), slugs must be unique")
        numbers.setdefault(cat.number, node)
        slugs.setdefault(cat.slug, node)
        cats.append(cat)
    result = Checklists(
        id=r.ident(f["id"], "the id"),
        title=r.text(f["title"], "the title"),
        region=r.text(f["region"], "'region'"),
        region_note=r.text(f["region_note"], "'region_note'"),
        categories=tuple(sorted(cats, key=lambda c: c.number)),
        common_documents=_documents(r, f["common_documents"], "the common documents"),
        claim_steps=_steps(r, f["claim_steps"], "a claim step"),
        legal_basis=_steps(r, f["legal_basis"], "the legal basis"),
        sources=r.sources(f["sources"], "the checklists"),
        path=r.path,
        by_slug={c.slug: c for c in cats},
    )
    return None if r.problems else result


def _category(r: Reader, node: Node) -> Category | None:
    f = r.mapping(node, "a category",
                  required=("number", "slug", "title", "applies_when", "documents", "sources"),
                  optional=("deadlines", "conditions", "variants", "notes"))
    if f is None or "number" not in f or "slug" not in f:
        return None
    number = r.integer(f["number"], "the category number", 1, 99)
    slug = r.ident(f["slug"], "the category slug")
    what = f"category {number}"
    if any(k not in f for k in ("title", "applies_when", "documents", "sources")):
        return None
    cat = Category(
        number=number,
        slug=slug,
        title=r.text(f["title"], f"the title of {what}"),
        applies_when=r.text(f["applies_when"], f"'applies_when' of {what}"),
        documents=_documents(r, f["documents"], f"the documents of {what}", allow_empty=True),
        sources=r.sources(f["sources"], what),
        deadlines=tuple(d for n in r.items(f["deadlines"], f"the deadlines of {what}")
                        if (d := _deadline(r, n, what))) if "deadlines" in f else (),
        conditions=r.texts(f["conditions"], f"a condition of {what}")
        if "conditions" in f else (),
        variants=tuple(v for n in r.items(f["variants"], f"the variants of {what}")
                       if (v := _variant(r, n, what))) if "variants" in f else (),
        notes=r.texts(f["notes"], f"a note of {what}") if "notes" in f else (),
    )
    if not cat.documents and not any(v.documents for v in cat.variants):
        r.at(f["documents"], f"{what} lists no documents, in 'documents' or in its variants")
    return cat if number is not None and slug is not None else None


def _deadline(r: Reader, node: Node, what: str) -> Deadline | None:
    f = r.mapping(node, f"a deadline of {what}", required=("kind", "text"),
                  optional=("amount", "unit", "event"))
    if f is None or "kind" not in f or "text" not in f:
        return None
    if ("amount" in f) != ("unit" in f):
        r.at(node, f"a deadline of {what} needs 'amount' and 'unit' together, or neither")
    return Deadline(
        kind=r.choice(f["kind"], f"the kind of a deadline of {what}", DEADLINE_KINDS),
        text=r.text(f["text"], f"a deadline of {what}"),
        amount=r.integer(f["amount"], f"the amount of a deadline of {what}", 1, 1000)
        if "amount" in f else None,
        unit=r.choice(f["unit"], f"the unit of a deadline of {what}", UNITS)
        if "unit" in f else None,
        event=r.text(f["event"], f"the event of a deadline of {what}") if "event" in f else None,
    )


def _variant(r: Reader, node: Node, what: str) -> Variant | None:
    f = r.mapping(node, f"a variant of {what}",
                  required=("id", "title", "applies_when", "documents"), optional=("conditions",))
    if f is None or len(f) < 4:
        return None
    return Variant(
        id=r.ident(f["id"], f"a variant id of {what}"),
        title=r.text(f["title"], f"a variant title of {what}"),
        applies_when=r.text(f["applies_when"], f"'applies_when' of a variant of {what}"),
        documents=_documents(r, f["documents"], f"the documents of a variant of {what}"),
        conditions=r.texts(f["conditions"], f"a condition of a variant of {what}")
        if "conditions" in f else (),
    )


def _documents(r: Reader, node: Node, what: str,
               allow_empty: bool = False) -> tuple[Document, ...]:
    out: list[Document] = []
    seen: set[str] = set()
    for item in r.items(node, what, allow_empty):
        f = r.mapping(item, f"a document in {what}", required=("id", "text"),
                      optional=("sources",))
        if f is None or "id" not in f or "text" not in f:
            continue
        doc_id = r.ident(f["id"], f"a document id in {what}")
        if doc_id in seen:
            r.at(f["id"], f"document id '{doc_id}' appears twice in {what}")
        seen.add(doc_id)
        text = r.text(f["text"], f"a document in {what}")
        sources = r.sources(f["sources"], f"document '{doc_id}'") if "sources" in f else ()
        if doc_id and text:
            out.append(Document(doc_id, text, sources))
    return tuple(out)


def _steps(r: Reader, node: Node, what: str) -> tuple[Step, ...]:
    out: list[Step] = []
    for item in r.items(node, what):
        f = r.mapping(item, what, required=("text", "sources"))
        if f is None or "text" not in f or "sources" not in f:
            continue
        text: Text | None = r.text(f["text"], what)
        sources = r.sources(f["sources"], what)
        if text:
            out.append(Step(text, sources))
    return tuple(out)
