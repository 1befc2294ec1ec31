"""A regional patch laid over the file it extends: every id it names checked against that
file, every problem at the patch's own FILE:LINE:COL, all at once.  Imported only where a
patch is read (medbal.files.registry.load_resolved): a call without one never loads it.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path
from typing import Any

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
from medbal.files.crossfile import Loaded, listed


def base_problems(patch: ChecklistsPatch, base_path: Path, base: Loaded) -> list[str]:
    """What is wrong with the file a patch is laid over, at the patch's `extends`."""
    if isinstance(base, ChecklistsPatch):
        return [
            f"{patch.where}: 'extends' names '{patch.extends}', and "
            f"{base_path} is itself a patch; extend the full file instead"
        ]
    if not isinstance(base, Checklists):
        return [
            f"{patch.where}: 'extends' names '{patch.extends}' ({base_path}), "
            "which is not a checklists file"
        ]
    return []


def no_base(patch: ChecklistsPatch) -> TreeError:
    return TreeError(
        [
            f"{patch.where}: 'extends' names '{patch.extends}', but no tree folder "
            f"has another file {patch.extends}.yaml to lay this patch over"
        ]
    )


def apply_patch(base: Checklists, p: ChecklistsPatch) -> Checklists:
    """The base with the patch laid over it; TreeError lists every id that does not fit.

    Linear in the base and the patch: each id is looked up in a map, never in a list
    (a patch adding 20,000 common documents took 20 s)."""
    problems: list[str] = []
    base = _regions_kept(base, p)
    cats: dict[str, Category] = {c.slug: c for c in base.categories}
    touched: dict[str, str] = {}  # slug -> where, for problems of the result
    for cp in p.categories:
        cat = cats.get(cp.slug)
        if cat is None:
            problems.append(
                f"{cp.where}: category '{cp.slug}' is not in '{base.id}' "
                f"({base.path}); expected one of: {listed(cats)}"
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
        problems += [
            f"{where}: common document '{doc.id}' names category '{slug}', which is not "
            f"in '{base.id}'"
            for slug in doc.categories
            if slug not in cats
        ]
    groups = {g.id: g for g in p.changes.get("guidance", ())}
    for gid, where in p.guidance_where:
        problems += [
            f"{where}: guidance '{gid}' names category '{slug}', which is not in '{base.id}'"
            for slug in groups[gid].categories
            if slug not in cats
        ]
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
    everywhere = any(not d.categories for d in result.common_documents)
    named = {slug for d in result.common_documents for slug in d.categories}
    for cat in result.categories:
        if not (cat.documents or any(v.documents for v in cat.variants)) and not (
            everywhere or cat.slug in named
        ):
            where = touched.get(cat.slug, p.where)
            problems.append(
                f"{where}: after this patch category {cat.number} lists no "
                "documents; keep or add at least one"
            )
    from medbal.files.regions import unmarked  # a patch is laid when it is read, not cached

    # With the patch's region, if it names one; what it broke, at its own FILE:LINE:COL.
    problems += unmarked(_located_in_patch(result, p, touched))
    if problems:
        raise TreeError(in_file_order(problems, p.path))
    return result


def _located_in_patch(
    result: Checklists, p: ChecklistsPatch, touched: dict[str, str]
) -> Checklists:
    """`result` for the region rule's check only: each place of an entry kept from the
    base moved to where the patch changed it (the category's entry, else `extends`).  A
    rule the patch broke (a category it marked national) is the patch's to fix, at its own
    FILE:LINE:COL, never at a line of the shipped file, which no one edits (found by the
    fuzz profile)."""
    own = f"{p.path}:"

    def moved(where: str, to: str) -> str:
        return where if where.startswith(own) else to

    cats = []
    for cat in result.categories:
        at = moved(cat.dates.where, touched.get(cat.slug, p.where))
        deadlines = tuple(replace(d, where=moved(d.where or at, at)) for d in cat.deadlines)
        cats.append(replace(cat, dates=replace(cat.dates, where=at), deadlines=deadlines))
    groups = tuple(
        replace(g, item_where=tuple(moved(w, p.where) for w in g.item_where))
        for g in result.guidance
    )
    return replace(result, categories=tuple(cats), guidance=groups)


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
    docs = {d.id: d for d in cat.documents}
    # Where each document of a variant is: removed from every variant that lists it.
    in_variants: dict[str, list[int]] = {}
    for i, v in enumerate(cat.variants):
        for d in v.documents:
            in_variants.setdefault(d.id, []).append(i)
    gone: dict[int, set[str]] = {}
    for doc_id, where in cp.remove_documents:
        if doc_id in docs:
            del docs[doc_id]
            continue
        found = in_variants.pop(doc_id, [])
        if not found:
            have = [*docs, *in_variants]
            problems.append(
                f"{where}: category '{cat.slug}' has no document '{doc_id}' to "
                f"remove; it has: {listed(have)}"
            )
        for i in found:
            gone.setdefault(i, set()).add(doc_id)
    variants = tuple(_without(v, gone[i]) if i in gone else v for i, v in enumerate(cat.variants))
    already = f"category '{cat.slug}' already has a document"
    _add_each(docs, cp.add_documents, in_variants, already, problems)
    return replace(cat, documents=tuple(docs.values()), variants=variants)


def _without(v: Variant, doc_ids: set[str]) -> Variant:
    return replace(v, documents=tuple(d for d in v.documents if d.id not in doc_ids))


def _patch_common(
    base: Checklists, p: ChecklistsPatch, problems: list[str]
) -> tuple[Document, ...]:
    docs = {d.id: d for d in base.common_documents}
    for doc_id, where in p.remove_common:
        if doc_id not in docs:
            problems.append(
                f"{where}: '{base.id}' has no common document '{doc_id}' to "
                f"remove; it has: {listed(docs)}"
            )
        docs.pop(doc_id, None)
    already = f"'{base.id}' already has a common document"
    _add_each(docs, p.add_common, (), already, problems)
    return tuple(docs.values())


def _add_each(
    docs: dict[str, Document],
    adds: tuple[tuple[Document, str], ...],
    elsewhere: Container[str],
    already: str,
    problems: list[str],
) -> None:
    """Documents added by id, in order; an id in `docs` or `elsewhere` (a variant's) already
    is a problem at its place.  Membership in what is there, never a copy of it: a set of
    20,000 ids made for the check was a third more memory at the peak."""
    for doc, where in adds:
        if doc.id in docs or doc.id in elsewhere:
            problems.append(f"{where}: {already} '{doc.id}'; remove it first or choose another id")
            continue
        docs[doc.id] = doc


def in_file_order(problems: list[str], path: str) -> list[str]:
    """Problems by line and column within `path`, each once; others first, as found."""

    def key(problem: str) -> tuple[int, int]:
        rest = problem[len(path) :].split(":", 3) if problem.startswith(path) else []
        try:
            return int(rest[1]), int(rest[2])
        except (IndexError, ValueError):
            return 0, 0

    return sorted(dict.fromkeys(problems), key=key)
