"""The Python API: what the command line does, as functions that return typed views.

The one place where answers become a view: the CLI (medbal.commands), the batch, the
interactive session and the web page all get their views here, and so can a program,
a notebook or a web service, rendering them in any format exactly as the CLI would:

    from medbal import api

    view = api.diagnose("zero-balance", {"scheme": "yearly"}, lang="en")
    if view["status"] == "outcome":
        print(view["outcome"]["title"])
    print(api.render("diagnose", view, "markdown", today="2026-11-24"))

Errors are medbal.core.errors exceptions: `UsageError` for a bad name, answer, amount
or argument (`exc.text("zh")` gives the Chinese), `TreeError` for a broken tree file,
with every problem as FILE:LINE:COL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from medbal.api import checks
from medbal.api.checks import Amount, Folder, Name
from medbal.api.session import Session, view_of
from medbal.core.engine import Result
from medbal.core.errors import MedbalError, Phrase, UsageError
from medbal.core.estimate import estimate as compute
from medbal.core.estimate import money
from medbal.core.model import Category, Checklists, Rates, Tree
from medbal.files import registry
from medbal.present import formats
from medbal.present.views import (
    ChecklistsView,
    DiagnoseView,
    EstimateView,
    checklists_view,
    estimate_view,
)

__all__ = [
    "Session",
    "diagnose",
    "diagnose_many",
    "docs",
    "estimate",
    "load_checklists",
    "load_rates",
    "load_tree",
    "outcome_view",
    "page",
    "render",
]


def load_tree(name: Name, trees: Folder = None) -> Tree:
    """A decision tree by id (`zero-balance`, `which-category`, `balance-dropped`, `card`)
    or by the path of a YAML file (a str, or a Path); `trees` is a folder laid over the
    shipped ones."""
    return registry.load_tree(checks.tree_name(name), checks.folder(trees))


def load_checklists(trees: Folder = None) -> Checklists:
    return registry.load_checklists(checks.folder(trees))


def load_rates(trees: Folder = None) -> Rates:
    return registry.load_rates(checks.folder(trees))


def diagnose(
    tree: Name | Tree,
    answers: Mapping[str, str] | None = None,
    lang: str | None = None,
    trees: Folder = None,
    ref: str | None = None,
) -> DiagnoseView:
    """Walk a tree with these answers: an outcome, or the question still to answer.

    `lang` is "en" or "zh" (default: MEDBAL_LANG, then the locale).  An answer to
    an unknown question or with an unknown value raises UsageError.  `ref` is how
    the repeat command names the tree (default: the id, or the name given).
    """
    return Session(tree, answers, lang, trees, ref).view()


def diagnose_many(
    cases: Iterable[Mapping[str, Any] | str | bytes | MedbalError],
    tree: str = "zero-balance",
    lang: str | None = None,
    trees: Folder = None,
) -> Iterator[dict[str, Any]]:
    """An envelope for each case (a mapping, or a line of JSON text), as each is read:
    the one-shot JSON envelope with the case's "id", or an error envelope in its place
    (medbal.api.batch.diagnose_many says every rule)."""
    # Imported here: the batch's module and the json module it reads lines with are a
    # tenth of what a one-shot call imports, and only a batch uses them.
    from medbal.api import batch

    return batch.diagnose_many(cases, tree, lang, trees)


def outcome_view(
    tree: Tree, outcome: str, checklists: Checklists | None, lang: str
) -> DiagnoseView:
    """An outcome of a tree as a view of its own, with no answers (the web page shows
    each outcome so, and takes the answers from the address)."""
    if not isinstance(tree, Tree) or outcome not in tree.outcomes:
        raise checks.wrong("outcome", Phrase("arg_outcome"), outcome)
    result = Result(tree, (), outcome=tree.outcomes[outcome])
    return view_of(result, checks.lang(lang), checklists, tree.id)


def docs(
    category: str | int | None = None, lang: str | None = None, trees: Folder = None
) -> ChecklistsView:
    """The checklist of one category (a number 1-11 or a short name), or of all eleven."""
    language = checks.lang(lang)
    key = checks.category(category)
    data = load_checklists(trees)
    return checklists_view(data, pick(data, key), language)


def pick(data: Checklists, key: str | None) -> list[Category]:
    """The category a number or short name names (UsageError, with the nearest name, if
    none does); every category for None."""
    if key is None:
        return list(data.categories)
    found = data.find(key)
    if found is None:
        # The short names are English: the Chinese message offers the numbers alone.
        valid = tuple(f"{c.number} {c.slug}" for c in data.categories)
        slugs = tuple(c.slug for c in data.categories)
        numbers = tuple(str(c.number) for c in data.categories)
        # a short name suggested is shown in Chinese as its number and situation
        shown_as = {
            c.slug: Phrase("category_named", n=c.number, title=c.title.zh) for c in data.categories
        }
        raise UsageError(
            "no_category", name=key, valid=valid, slugs=slugs, numbers=numbers, shown_as=shown_as
        )
    return [found]


def estimate(
    amount: Amount,
    threshold: Amount | None = None,
    items: Mapping[str, Amount] | Sequence[str] | None = None,
    region: str | None = None,
    lang: str | None = None,
    trees: Folder = None,
) -> EstimateView:
    """What the pooled fund may pay back on an inpatient bill, slice by slice.

    `items` are separately rated amounts (`{"class-b": 1200}`, or `["class-b=1200"]` as
    typed after --item); `region` a region of the rates file (default: its default).
    Amounts are read as a person types them ("8,000", "8000.50"); a bad one raises
    UsageError naming it.
    """
    language = checks.lang(lang)
    bill_text = checks.amount(amount, "amount")
    limit_text = checks.amount(threshold, "--threshold") if threshold is not None else None
    pairs, region = checks.items(items), checks.optional_text(region, "region")
    rates = load_rates(trees)
    if region is not None and not region.strip():
        raise UsageError("region_empty", regions=tuple(rates.regions))
    region_id = region.strip() if region is not None else rates.default_region
    if region_id not in rates.regions:
        raise UsageError(
            "no_region", region=region_id, path=rates.path, regions=tuple(rates.regions)
        )
    bill = money(bill_text, Phrase("the_amount"))
    limit = money(limit_text, "--threshold") if limit_text is not None else None
    result = compute(rates.regions[region_id], bill, limit, _items(pairs))
    return estimate_view(result, language)


def _items(pairs: list[str]) -> dict[str, Decimal]:
    """ITEM=AMOUNT pairs as amounts by item; an item given twice is added up."""
    items: dict[str, Decimal] = {}
    for pair in pairs:
        item_id, sep, value = pair.partition("=")
        if not sep or not item_id.strip():
            raise UsageError("item_form", pair=pair)
        items[item_id.strip()] = items.get(item_id.strip(), Decimal(0)) + money(
            value, f"--item {item_id.strip()}"
        )
    return items


# The views each kind of view must at least have (medbal.present.views).
_SHAPES: dict[str, Any] = {
    "diagnose": DiagnoseView,
    "docs": ChecklistsView,
    "docs-overview": ChecklistsView,
    "estimate": EstimateView,
}


def render(
    kind: str, view: Mapping[str, Any], fmt: str, *, width: int = 80, today: str | None = None
) -> str:
    """A view as text: `kind` diagnose, docs, docs-overview, estimate, tree-list or
    tree-outline; `fmt` json, plain (text), terminal (rich), markdown or html, where the
    kind has it.  `width` is bounded as at a terminal (20 to 100 columns); `today`
    (YYYY-MM-DD) dates a take-home page."""
    kind, fmt = checks.text(kind, "kind"), checks.text(fmt, "fmt")
    checked = checks.view(view)
    width, day = checks.whole(width, "width"), checks.day(today)
    shape = _SHAPES.get(kind)
    missing = sorted(shape.__required_keys__ - set(checked)) if shape else []
    if missing:
        raise UsageError("view_mismatch", kind=kind, why=", ".join(missing[:5]))
    try:
        return formats.render(kind, checked, fmt, width=formats.bounded(width), today=day)
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        # The renderers take the views this API returns: another mapping has not their shape.
        why = f"{type(exc).__name__}: {exc}"[:200]
        raise UsageError("view_mismatch", kind=kind, why=why) from None


def page(
    names: Sequence[Name | Tree] = (),
    lang: str | None = None,
    trees: Folder = None,
    made: str | None = None,
) -> str:
    """The self-contained web page of `medbal page` as HTML text: the trees named (ids,
    files or Tree objects; default the four for citizens), starting in `lang` (None: the
    browser's language), dated `made` (YYYY-MM-DD, default today)."""
    import datetime

    from medbal.present.webpage import DEFAULT_TREES, build_page

    if isinstance(names, (str, bytes)) or not isinstance(names, Sequence):
        raise checks.wrong("names", Phrase("arg_names"), names)
    start = None if lang is None else checks.lang(lang)
    overlay = checks.folder(trees)
    day = checks.day(made, "made") or datetime.date.today().isoformat()
    loaded = []
    for name in names or DEFAULT_TREES:
        tree = (
            name if isinstance(name, Tree) else registry.load_tree(checks.tree_name(name), overlay)
        )
        loaded.append((tree, registry.checklists_for(tree, overlay)))
    return build_page(loaded, day, start, outcome_view=outcome_view)
