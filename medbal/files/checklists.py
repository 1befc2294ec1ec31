"""The reimbursement checklists file (`kind: checklists`): categories and documents.

One style of building, the decision-tree loader's: every field that is there is
read (so one missing field hides no other problem), a missing one is reported
by `Reader.mapping`, and an object is built only when all it needs was read.
Nothing is indexed that may be missing, so no mutation of a file can crash here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from yaml.nodes import Node, SequenceNode

from medbal.core.model import (
    Category,
    Checklists,
    Deadline,
    Document,
    Guidance,
    Place,
    Step,
    Text,
    Variant,
    replace,
)
from medbal.files.fields import DATED, Fields, complete, dates, get, of, read_values, review
from medbal.files.regions import unmarked
from medbal.files.spec import bounds, names
from medbal.files.yamlread import Reader


def checklists(r: Reader, f: Fields) -> Checklists | None:
    v = read_values(r, f, "checklists", "")
    cats = categories(r, f["categories"]) if "categories" in f else ()
    common = get(f, "common_documents", lambda n: common_documents(r, n, "the common documents"))
    guide = get(f, "guidance", lambda n: guidance(r, n)) or ()
    steps = get(f, "claim_steps", lambda n: _steps(r, n, "a claim step"))
    legal = get(f, "legal_basis", lambda n: _steps(r, n, "the legal basis"))
    file_review = review(r, f, f"{r.path}:1:1")
    if not complete(v, "checklists") or common is None or steps is None or legal is None:
        return None
    result = of(
        Checklists,
        v,
        categories=tuple(c for c, _ in cats),
        common_documents=tuple(d for d, _ in common),
        claim_steps=steps,
        legal_basis=legal,
        path=r.path,
        review=file_review,
        guidance=tuple(g for g, _ in guide),
    )
    if not r.problems:  # a category that failed to load would look missing
        check_whole(r, result, cats, common, guide)
        r.problems += unmarked(result)
    return None if r.problems else result


def check_whole(
    r: Reader,
    data: Checklists,
    cats: tuple[tuple[Category, Node], ...],
    common: tuple[tuple[Document, Node], ...],
    guide: tuple[tuple[Guidance, Node], ...],
) -> None:
    """What only the whole file can tell: slugs named exist, every sheet lists documents."""
    slugs = {c.slug for c in data.categories}
    for what, entries in (("common document", common), ("guidance", guide)):
        for entry, node in entries:
            for slug in entry.categories:
                if slug not in slugs:
                    r.at(
                        node,
                        f"{what} '{entry.id}' names category '{slug}', which does not "
                        f"exist; expected one of: {', '.join(sorted(slugs))}",
                    )
    for cat, node in cats:
        if not (cat.documents or any(v.documents for v in cat.variants) or data.common_for(cat)):
            r.at(
                node,
                f"category {cat.number} lists no documents, in 'documents', in its "
                "variants or as a common document",
            )


def categories(r: Reader, node: Node) -> tuple[tuple[Category, Node], ...]:
    """The categories with their nodes; numbers and slugs unique."""
    out: list[tuple[Category, Node]] = []
    numbers: dict[int, Node] = {}
    slugs: dict[str, Node] = {}
    for item in r.items(node, "categories"):
        cat = category(r, item)
        if cat is None:
            continue
        if cat.number in numbers:
            r.at(
                item,
                f"category number {cat.number} is used twice (line "
                f"{r.line_of(numbers[cat.number])}), numbers must be unique",
            )
        if cat.slug in slugs:
            r.at(
                item,
                f"category slug '{cat.slug}' is used twice (line "
                f"{r.line_of(slugs[cat.slug])}), slugs must be unique",
            )
        numbers.setdefault(cat.number, item)
        slugs.setdefault(cat.slug, item)
        out.append((cat, item))
    return tuple(sorted(out, key=lambda pair: pair[0].number))


def category(r: Reader, node: Node) -> Category | None:
    f = r.mapping(node, "a category", *names("category"))
    if f is None:
        return None
    low, high = bounds("category", "number")  # the number names it in other messages
    number = get(f, "number", lambda n: r.integer(n, "the category number", low, high))
    what = f"category {number if number is not None else '?'}"
    fields = category_fields(r, f, node, what)
    if number is None or fields is None or "slug" not in fields:
        return None
    return Category(number=number, **fields)


def category_fields(
    r: Reader, f: Fields, node: Node, what: str, required: bool = True
) -> dict[str, Any] | None:
    """The fields of a category other than its number (a patch reads the same ones).

    With `required`, None when a required field is missing or wrong; without, only
    the fields present are returned (a patch replaces those)."""
    v = read_values(r, {k: n for k, n in f.items() if k != "number"}, "category", what)
    structured: dict[str, Callable[[Node], Any]] = {
        "documents": lambda n: documents(r, n, f"the documents of {what}"),
        "deadlines": lambda n: deadlines(r, n, what),
        "variants": lambda n: variants(r, n, what),
    }
    for key, read in structured.items():
        if key in f:
            v[key] = read(f[key])
    if required and not complete(v, "category", "documents", given=("number",)):
        return None
    if required or any(k in f for k in DATED):
        v["dates"] = dates(r, v, node)
    return {k: x for k, x in v.items() if k not in DATED}


def variants(r: Reader, node: Node, what: str) -> tuple[Variant, ...]:
    out: list[Variant] = []
    seen: set[str] = set()
    for item in r.items(node, f"the variants of {what}"):
        v = _variant(r, item, what)
        if v is None:
            continue
        if v.id in seen:
            r.at(item, f"variant id '{v.id}' appears twice in {what}")
        seen.add(v.id)
        out.append(v)
    return tuple(out)


def deadlines(r: Reader, node: Node, what: str) -> tuple[Deadline, ...]:
    """A category's deadlines; an id (which an outcome's `due` names) given once."""
    out: list[Deadline] = []
    seen: set[str] = set()
    for item in r.items(node, f"the deadlines of {what}"):
        d = deadline(r, item, what)
        if d is not None and d.id is not None and d.id in seen:
            r.at(item, f"deadline id '{d.id}' appears twice in {what}")
        elif d is not None:
            seen.add(d.id or "")
            out.append(d)
    return tuple(out)


def deadline(r: Reader, node: Node, what: str) -> Deadline | None:
    f = r.mapping(node, f"a deadline of {what}", *names("deadline"))
    if f is None:
        return None
    if ("amount" in f) != ("unit" in f):
        r.at(node, f"a deadline of {what} needs 'amount' and 'unit' together, or neither")
    v = read_values(r, f, "deadline", f"a deadline of {what}")
    if not complete(v, "deadline"):
        return None
    if "amount" not in v or "unit" not in v:  # one without the other means neither
        v.pop("amount", None)
        v.pop("unit", None)
    return of(Deadline, v, where=r.where(node))


def _variant(r: Reader, node: Node, what: str) -> Variant | None:
    f = r.mapping(node, f"a variant of {what}", *names("variant"))
    if f is None:
        return None
    v = read_values(r, f, "variant", f"a variant of {what}")
    docs = get(f, "documents", lambda n: documents(r, n, f"the documents of a variant of {what}"))
    if not complete(v, "variant") or docs is None:
        return None
    return of(Variant, v, documents=docs)


def documents(r: Reader, node: Node, what: str) -> tuple[Document, ...]:
    """A category's or a variant's documents (the list may be empty)."""
    return tuple(d for d, _ in _document_list(r, node, what, "document", True))


def common_documents(r: Reader, node: Node, what: str) -> tuple[tuple[Document, Node], ...]:
    return _document_list(r, node, what, "common_document", False)


def _document_list(
    r: Reader, node: Node, what: str, obj: str, allow_empty: bool
) -> tuple[tuple[Document, Node], ...]:
    return _unique(
        r, node, what, lambda item: _document(r, item, what, obj), "document", allow_empty
    )


E = TypeVar("E", Document, Guidance)


def _unique(
    r: Reader,
    node: Node,
    what: str,
    build: Callable[[Node], E | None],
    kind: str,
    allow_empty: bool = False,
) -> tuple[tuple[E, Node], ...]:
    """The entries of a list, each with its node (for positions), ids checked unique."""
    out: list[tuple[E, Node]] = []
    seen: set[str] = set()
    for item in r.items(node, what, allow_empty):
        entry = build(item)
        if entry is None:
            continue
        if entry.id in seen:
            r.at(item, f"{kind} id '{entry.id}' appears twice in {what}")
        seen.add(entry.id)
        out.append((entry, item))
    return tuple(out)


def _document(r: Reader, node: Node, what: str, obj: str) -> Document | None:
    f = r.mapping(node, f"a document in {what}", *names(obj))
    if f is None:
        return None
    v = read_values(r, f, obj, f"a document in {what}")
    return of(Document, v) if complete(v, obj) else None


def guidance(r: Reader, node: Node) -> tuple[tuple[Guidance, Node], ...]:
    return _unique(r, node, "the guidance", lambda item: _guidance(r, item), "guidance")


def _guidance(r: Reader, node: Node) -> Guidance | None:
    f = r.mapping(node, "a guidance group", *names("guidance"))
    if f is None:
        return None
    gid = get(f, "id", lambda n: r.ident(n, "a guidance id"))  # names it in other messages
    what = f"guidance '{gid}'"
    v = read_values(r, {k: n for k, n in f.items() if k != "id"}, "guidance", what)
    items = get(f, "items", lambda n: _steps(r, n, f"an item of {what}"))
    if gid is None or not complete(v, "guidance", given=("id",)) or items is None:
        return None
    # Each item's place, for the region check (when every item was read: else the file
    # has problems already and is not checked).
    nodes = f["items"].value if isinstance(f["items"], SequenceNode) else []
    where = tuple(r.where(n) for n in nodes) if len(nodes) == len(items) else ()
    return of(Guidance, v, id=gid, items=items, item_where=where)


def _steps(r: Reader, node: Node, what: str) -> tuple[Step, ...]:
    out: list[Step] = []
    for item in r.items(node, what):
        f = r.mapping(item, what, *names("step"))
        if f is None:
            continue
        v = read_values(r, f, "step", what)
        if "region" in v and "text" in v:
            v["text"] = _step_region(r, f["region"], v["text"], v.pop("region"), what)
        if complete(v, "step"):
            out.append(of(Step, v))
    return tuple(out)


def _step_region(r: Reader, node: Node, text: Text, place: Place, what: str) -> Text:
    """`region:` on a step (a guidance item, a claim step) is its text's region."""
    if text.region is not None:
        r.at(node, f"{what} names its region twice, on the step and on its text; keep one")
        return text
    return replace(text, region=place)
