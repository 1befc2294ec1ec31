"""Regional patches: a checklists file with `extends: ID` holds only what changes.

Reading a patch checks it alone (fields, types, both languages); laying it over
the file it extends (`apply_patch`) checks every id it names against that file,
and reports what does not exist at the patch's own FILE:LINE:COL.

What a patch can do, keyed by ids:
- replace a top-level field (title, region, region_note, no_deadline, sources,
  claim_steps, legal_basis, guidance); the patch's `region` is the overlay's own, the
  default of every entry that names none;
- add common documents, remove common documents by id;
- under `categories`, by slug: replace any field of a category, add documents
  (`add_documents`), remove documents by id (`remove_documents`);
- add whole new categories (`add_categories`).
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node

from medbal.core.errors import TreeError
from medbal.core.model import (
    Category,
    CategoryPatch,
    Checklists,
    ChecklistsPatch,
    Document,
    Variant,
    replace,
)
from medbal.files.checklists import (
    _document_list,
    _steps,
    categories,
    category_fields,
    common_documents,
    get,
    guidance,
)
from medbal.files.loader import review
from medbal.files.regions import region, unmarked
from medbal.files.spec import names
from medbal.files.yamlread import Reader

Fields = dict[str, Node]


def patch(r: Reader, f: Fields) -> ChecklistsPatch | None:
    extends = get(f, "extends", lambda n: r.ident(n, "'extends'"))
    changes: dict[str, Any] = {}
    for key in ("title", "region_note", "no_deadline"):
        if key in f and (value := r.text(f[key], f"'{key}'")) is not None:
            changes[key] = value
    if "region" in f and (place := region(r, f["region"], "the patch")) is not None:
        changes["region"] = place  # the overlay's region: the default of every entry
    if "sources" in f:
        changes["sources"] = r.sources(f["sources"], "the checklists")
    for key, what in (("claim_steps", "a claim step"), ("legal_basis", "the legal basis")):
        if key in f:
            changes[key] = _steps(r, f[key], what)
    groups = get(f, "guidance", lambda n: guidance(r, n))
    if groups is not None:
        changes["guidance"] = tuple(g for g, _ in groups)
    add_common = (
        get(f, "add_common_documents", lambda n: common_documents(r, n, "'add_common_documents'"))
        or ()
    )
    remove_common = (
        get(f, "remove_common_documents", lambda n: _located_ids(r, n, "'remove_common_documents'"))
        or ()
    )
    cat_patches = get(f, "categories", lambda n: _category_patches(r, n)) or ()
    added = get(f, "add_categories", lambda n: categories(r, n)) or ()
    has_review = "reviewed" in f or "review_months" in f
    file_review = review(r, f, f"{r.path}:1:1") if has_review else None
    if extends is None:
        return None
    return ChecklistsPatch(
        extends=extends,
        where=r.where(f["extends"]),
        path=r.path,
        changes=changes,
        add_common=tuple((d, r.where(n)) for d, n in add_common),
        guidance_where=tuple((g.id, r.where(n)) for g, n in groups or ()),
        remove_common=remove_common,
        categories=cat_patches,
        add_categories=tuple((c, r.where(n)) for c, n in added),
        review=file_review,
    )


def _located_ids(r: Reader, node: Node, what: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in r.items(node, what):
        value = r.ident(item, f"an id in {what}")
        if value is not None:
            out.append((value, r.where(item)))
    return tuple(out)


def _category_patches(r: Reader, node: Node) -> tuple[CategoryPatch, ...]:
    found = (
        _category_patch(r, key, value) for key, value in r.keyed(node, "the categories to change")
    )
    return tuple(cp for cp in found if cp is not None)


def _category_patch(r: Reader, key: Node, value: Node) -> CategoryPatch | None:
    slug = key.value
    what = f"the changes to category '{slug}'"
    f = r.mapping(value, what, *names("category_patch"))
    if f is None:
        return None
    if not f:
        r.at(
            value,
            f"{what} change nothing; give the fields to replace, "
            "'add_documents' or 'remove_documents'",
        )
    changes = category_fields(r, f, value, what, required=False) or {}
    adds = (
        get(
            f,
            "add_documents",
            lambda n: _document_list(r, n, f"'add_documents' of '{slug}'", "document", False),
        )
        or ()
    )
    removes = (
        get(f, "remove_documents", lambda n: _located_ids(r, n, f"'remove_documents' of '{slug}'"))
        or ()
    )
    return CategoryPatch(
        slug, r.where(key), changes, tuple((d, r.where(n)) for d, n in adds), removes
    )


# --- laying a patch over its base -------------------------------------------------


def apply_patch(base: Checklists, p: ChecklistsPatch) -> Checklists:
    """The base with the patch laid over it; TreeError lists every id that does not fit."""
    problems: list[str] = []
    base = _regions_kept(base, p)
    cats: dict[str, Category] = {c.slug: c for c in base.categories}
    touched: dict[str, str] = {}  # slug -> where, for problems of the result
    for cp in p.categories:
        cat = cats.get(cp.slug)
        if cat is None:
            problems.append(
                f"{cp.where}: category '{cp.slug}' is not in '{base.id}' "
                f"({base.path}); expected one of: {', '.join(cats)}"
            )
            continue
        cats[cp.slug] = _patch_category(replace(cat, **cp.changes), cp, problems)
        touched[cp.slug] = cp.where
    numbers = {c.number: c.slug for c in cats.values()}
    for new, where in p.add_categories:
        if new.slug in cats or new.number in numbers:
            problems.append(
                f"{where}: category {new.number} '{new.slug}' is already in "
                f"'{base.id}'; change it under 'categories: {new.slug}:' instead"
                if new.slug in cats
                else f"{where}: category number {new.number} is already used by "
                f"'{numbers[new.number]}' in '{base.id}'; choose another"
            )
            continue
        cats[new.slug] = new
        numbers[new.number] = new.slug
        touched[new.slug] = where
    common = _patch_common(base, p, problems)
    for doc, where in p.add_common:
        for slug in doc.categories:
            if slug not in cats:
                problems.append(
                    f"{where}: common document '{doc.id}' names category "
                    f"'{slug}', which is not in '{base.id}'"
                )
    groups = {g.id: g for g in p.changes.get("guidance", ())}
    for gid, where in p.guidance_where:
        for slug in groups[gid].categories:
            if slug not in cats:
                problems.append(
                    f"{where}: guidance '{gid}' names category '{slug}', which "
                    f"is not in '{base.id}'"
                )
    changes: dict[str, Any] = dict(p.changes)
    result = replace(
        base,
        **changes,
        categories=tuple(sorted(cats.values(), key=lambda c: c.number)),
        common_documents=common,
        path=p.path,
        extends=base.id,
        review=p.review or base.review,
    )
    for cat in result.categories:
        if not (cat.documents or any(v.documents for v in cat.variants) or result.common_for(cat)):
            where = touched.get(cat.slug, p.where)
            problems.append(
                f"{where}: after this patch category {cat.number} lists no "
                "documents; keep or add at least one"
            )
    problems += unmarked(result)  # with the patch's region, if it names one
    if problems:
        raise TreeError(_in_file_order(problems, p.path))
    return result


def _regions_kept(base: Checklists, p: ChecklistsPatch) -> Checklists:
    """Where the patch names its own region, the base's categories and guidance groups
    keep the base's: what the overlay keeps from the shipped file is still that region's
    rule.  What the patch adds or replaces whole takes the patch's region."""
    if "region" not in p.changes or base.region is None:
        return base
    return replace(
        base,
        categories=tuple(replace(c, region=c.region or base.region) for c in base.categories),
        guidance=tuple(replace(g, region=g.region or base.region) for g in base.guidance),
    )


def _patch_category(cat: Category, cp: CategoryPatch, problems: list[str]) -> Category:
    docs = list(cat.documents)
    variants = list(cat.variants)
    for doc_id, where in cp.remove_documents:
        if any(d.id == doc_id for d in docs):
            docs = [d for d in docs if d.id != doc_id]
            continue
        found = [i for i, v in enumerate(variants) if any(d.id == doc_id for d in v.documents)]
        if not found:
            have = [d.id for d in docs] + [d.id for v in variants for d in v.documents]
            problems.append(
                f"{where}: category '{cat.slug}' has no document '{doc_id}' to "
                f"remove; it has: {', '.join(have) or 'none'}"
            )
        for i in found:
            variants[i] = _without(variants[i], doc_id)
    have_ids = {d.id for d in docs} | {d.id for v in variants for d in v.documents}
    for doc, where in cp.add_documents:
        if doc.id in have_ids:
            problems.append(
                f"{where}: category '{cat.slug}' already has a document "
                f"'{doc.id}'; remove it first or choose another id"
            )
            continue
        docs.append(doc)
        have_ids.add(doc.id)
    return replace(cat, documents=tuple(docs), variants=tuple(variants))


def _without(v: Variant, doc_id: str) -> Variant:
    return replace(v, documents=tuple(d for d in v.documents if d.id != doc_id))


def _patch_common(
    base: Checklists, p: ChecklistsPatch, problems: list[str]
) -> tuple[Document, ...]:
    docs = list(base.common_documents)
    for doc_id, where in p.remove_common:
        if not any(d.id == doc_id for d in docs):
            problems.append(
                f"{where}: '{base.id}' has no common document '{doc_id}' to "
                f"remove; it has: {', '.join(d.id for d in docs) or 'none'}"
            )
        docs = [d for d in docs if d.id != doc_id]
    for doc, where in p.add_common:
        if any(d.id == doc.id for d in docs):
            problems.append(
                f"{where}: '{base.id}' already has a common document "
                f"'{doc.id}'; remove it first or choose another id"
            )
            continue
        docs.append(doc)
    return tuple(docs)


def _in_file_order(problems: list[str], path: str) -> list[str]:
    def key(problem: str) -> tuple[int, int]:
        rest = problem[len(path) :].split(":", 3) if problem.startswith(path) else []
        try:
            return int(rest[1]), int(rest[2])
        except (IndexError, ValueError):
            return 0, 0

    return sorted(dict.fromkeys(problems), key=key)
