"""The reimbursement checklists file (`kind: checklists`): categories and documents.

One style of building, the decision-tree loader's: every field that is there is
read (so one missing field hides no other problem), a missing one is reported
by `Reader.mapping`, and an object is built only when all it needs was read.
Nothing is indexed that may be missing, so no mutation of a file can crash here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from yaml.nodes import Node

from medbal.core.model import (
    Category,
    Checklists,
    Deadline,
    Document,
    Guidance,
    Step,
    Text,
    Variant,
)
from medbal.files.fields import Fields, dates, get, review
from medbal.files.spec import bounds, names
from medbal.files.yamlread import Reader

DEADLINE_KINDS = ("within", "at-least", "in-advance", "after", "claim", "not-stated")
UNITS = ("day", "month", "year")


def checklists(r: Reader, f: Fields) -> Checklists | None:
    cats = categories(r, f["categories"]) if "categories" in f else ()
    common = get(f, "common_documents", lambda n: common_documents(r, n, "the common documents"))
    guide = get(f, "guidance", lambda n: guidance(r, n)) or ()
    file_id = get(f, "id", lambda n: r.ident(n, "the id"))
    title = get(f, "title", lambda n: r.text(n, "the title"))
    region = get(f, "region", lambda n: r.text(n, "'region'"))
    region_note = get(f, "region_note", lambda n: r.text(n, "'region_note'"))
    no_deadline = get(f, "no_deadline", lambda n: r.text(n, "'no_deadline'"))
    steps = get(f, "claim_steps", lambda n: _steps(r, n, "a claim step"))
    legal = get(f, "legal_basis", lambda n: _steps(r, n, "the legal basis"))
    sources = get(f, "sources", lambda n: r.sources(n, "the checklists")) or ()
    file_review = review(r, f, f"{r.path}:1:1")
    if (
        file_id is None
        or title is None
        or region is None
        or region_note is None
        or no_deadline is None
        or common is None
        or steps is None
        or legal is None
    ):
        return None
    result = Checklists(
        id=file_id,
        title=title,
        region=region,
        region_note=region_note,
        categories=tuple(c for c, _ in cats),
        common_documents=tuple(d for d, _ in common),
        claim_steps=steps,
        legal_basis=legal,
        sources=sources,
        path=r.path,
        review=file_review,
        no_deadline=no_deadline,
        guidance=tuple(g for g, _ in guide),
    )
    if not r.problems:  # a category that failed to load would look missing
        check_whole(r, result, cats, common, guide)
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
    number = get(
        f, "number", lambda n: r.integer(n, "the category number", *bounds("category", "number"))
    )
    slug = get(f, "slug", lambda n: r.ident(n, "the category slug"))
    what = f"category {number if number is not None else '?'}"
    fields = category_fields(r, f, node, what)
    if number is None or slug is None or fields is None:
        return None
    return Category(number=number, slug=slug, **fields)


def category_fields(
    r: Reader, f: Fields, node: Node, what: str, required: bool = True
) -> dict[str, Any] | None:
    """The fields of a category other than number and slug (a patch reads the same ones).

    With `required`, None when title, applies_when, documents or sources is missing
    or wrong; without, only the fields present are returned.
    """
    out: dict[str, Any] = {}
    readers: dict[str, Callable[[Node], Any]] = {
        "title": lambda n: r.text(n, f"the title of {what}"),
        "applies_when": lambda n: r.text(n, f"'applies_when' of {what}"),
        "documents": lambda n: documents(r, n, f"the documents of {what}"),
        "sources": lambda n: r.sources(n, what),
        "deadlines": lambda n: tuple(
            d for i in r.items(n, f"the deadlines of {what}") if (d := deadline(r, i, what))
        ),
        "conditions": lambda n: r.texts(n, f"a condition of {what}"),
        "variants": lambda n: variants(r, n, what),
        "notes": lambda n: r.texts(n, f"a note of {what}"),
    }
    for key, read in readers.items():
        if key in f:
            out[key] = read(f[key])
    if required and any(
        out.get(k) is None for k in ("title", "applies_when", "documents", "sources")
    ):
        return None
    if any(k in f for k in ("reference", "reviewed", "valid_from", "valid_until")) or required:
        out["dates"] = dates(r, f, node, what)
    return {k: v for k, v in out.items() if v is not None}


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


def deadline(r: Reader, node: Node, what: str) -> Deadline | None:
    f = r.mapping(node, f"a deadline of {what}", *names("deadline"))
    if f is None:
        return None
    if ("amount" in f) != ("unit" in f):
        r.at(node, f"a deadline of {what} needs 'amount' and 'unit' together, or neither")
    kind = get(
        f, "kind", lambda n: r.choice(n, f"the kind of a deadline of {what}", DEADLINE_KINDS)
    )
    text = get(f, "text", lambda n: r.text(n, f"a deadline of {what}"))
    amount = get(
        f,
        "amount",
        lambda n: r.integer(
            n, f"the amount of a deadline of {what}", *bounds("deadline", "amount")
        ),
    )
    unit = get(f, "unit", lambda n: r.choice(n, f"the unit of a deadline of {what}", UNITS))
    event = get(f, "event", lambda n: r.text(n, f"the event of a deadline of {what}"))
    if kind is None or text is None:
        return None
    return Deadline(
        kind=kind,
        text=text,
        amount=amount if unit else None,
        unit=unit if amount else None,
        event=event,
    )


def _variant(r: Reader, node: Node, what: str) -> Variant | None:
    f = r.mapping(node, f"a variant of {what}", *names("variant"))
    if f is None:
        return None
    vid = get(f, "id", lambda n: r.ident(n, f"a variant id of {what}"))
    title = get(f, "title", lambda n: r.text(n, f"a variant title of {what}"))
    applies = get(f, "applies_when", lambda n: r.text(n, f"'applies_when' of a variant of {what}"))
    docs = get(f, "documents", lambda n: documents(r, n, f"the documents of a variant of {what}"))
    conditions = (
        get(f, "conditions", lambda n: r.texts(n, f"a condition of a variant of {what}")) or ()
    )
    if vid is None or title is None or applies is None or docs is None:
        return None
    return Variant(id=vid, title=title, applies_when=applies, documents=docs, conditions=conditions)


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
    doc_id = get(f, "id", lambda n: r.ident(n, f"a document id in {what}"))
    text = get(f, "text", lambda n: r.text(n, f"a document in {what}"))
    sources = get(f, "sources", lambda n: r.sources(n, f"document '{doc_id}'")) or ()
    cats = get(f, "categories", lambda n: ids(r, n, f"the categories of '{doc_id}'")) or ()
    if doc_id is None or text is None:
        return None
    return Document(doc_id, text, sources, cats)


def ids(r: Reader, node: Node, what: str) -> tuple[str, ...]:
    """A list of ids, each once."""
    out: list[str] = []
    for item in r.items(node, what):
        value = r.ident(item, f"an id in {what}")
        if value is not None and value in out:
            r.at(item, f"'{value}' appears twice in {what}")
        elif value is not None:
            out.append(value)
    return tuple(out)


def guidance(r: Reader, node: Node) -> tuple[tuple[Guidance, Node], ...]:
    return _unique(r, node, "the guidance", lambda item: _guidance(r, item), "guidance")


def _guidance(r: Reader, node: Node) -> Guidance | None:
    f = r.mapping(node, "a guidance group", *names("guidance"))
    if f is None:
        return None
    gid = get(f, "id", lambda n: r.ident(n, "a guidance id"))
    what = f"guidance '{gid}'"
    title = get(f, "title", lambda n: r.text(n, f"the title of {what}"))
    cats = get(f, "categories", lambda n: ids(r, n, f"the categories of {what}")) or ()
    items = get(f, "items", lambda n: _steps(r, n, f"an item of {what}"))
    if gid is None or title is None or items is None:
        return None
    return Guidance(gid, title, items, cats)


def _steps(r: Reader, node: Node, what: str) -> tuple[Step, ...]:
    out: list[Step] = []
    for item in r.items(node, what):
        f = r.mapping(item, what, *names("step"))
        if f is None:
            continue
        text: Text | None = get(f, "text", lambda n: r.text(n, what))
        sources = get(f, "sources", lambda n: r.sources(n, what))
        if text is not None and sources is not None:
            out.append(Step(text, sources))
    return tuple(out)
