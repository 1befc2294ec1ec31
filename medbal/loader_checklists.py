"""The reimbursement checklists file (`kind: checklists`): categories and documents."""

from __future__ import annotations

from yaml.nodes import Node

from medbal.loader import dates, review
from medbal.model import Category, Checklists, Deadline, Document, Step, Text, Variant
from medbal.spec import names
from medbal.yamlread import Reader

DEADLINE_KINDS = ("within", "at-least", "in-advance", "after")
UNITS = ("day", "month", "year")


def checklists(r: Reader, f: dict[str, Node]) -> Checklists | None:
    required, _ = names("checklists")
    if any(k not in f for k in required):
        return None  # reported by Reader.mapping
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
        review=review(r, f, f"{r.path}:1:1"),
    )
    return None if r.problems else result


def _category(r: Reader, node: Node) -> Category | None:
    f = r.mapping(node, "a category", *names("category"))
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
        dates=dates(r, f, node, what),
    )
    if not cat.documents and not any(v.documents for v in cat.variants):
        r.at(f["documents"], f"{what} lists no documents, in 'documents' or in its variants")
    return cat if number is not None and slug is not None else None


def _deadline(r: Reader, node: Node, what: str) -> Deadline | None:
    f = r.mapping(node, f"a deadline of {what}", *names("deadline"))
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
    f = r.mapping(node, f"a variant of {what}", *names("variant"))
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
        f = r.mapping(item, f"a document in {what}", *names("document"))
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
        f = r.mapping(item, what, *names("step"))
        if f is None or "text" not in f or "sources" not in f:
            continue
        text: Text | None = r.text(f["text"], what)
        sources = r.sources(f["sources"], what)
        if text:
            out.append(Step(text, sources))
    return tuple(out)
