"""Regional patches: a checklists file with `extends: ID` holds only what changes.

Reading a patch checks it alone (fields, types, both languages); laying it over
the file it extends (medbal.files.patching.apply_patch) checks every id it names
against that file, and reports what does not exist at the patch's own FILE:LINE:COL.

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

from medbal.core.model import CategoryPatch, ChecklistsPatch
from medbal.files.checklists import (
    _document_list,
    _steps,
    categories,
    category_fields,
    common_documents,
    guidance,
)
from medbal.files.fields import Fields, get, read_values, review
from medbal.files.spec import names
from medbal.files.yamlread import Reader


def patch(r: Reader, f: Fields) -> ChecklistsPatch | None:
    # The value fields it replaces, by the table; what has structure, below.
    located = ("remove_common_documents",)  # read with their positions, below
    values = read_values(
        r, {k: n for k, n in f.items() if k not in located}, "checklists-patch", ""
    )
    extends = values.pop("extends", None)
    changes: dict[str, Any] = values
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
