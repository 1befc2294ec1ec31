"""The Python API: what the command line does, as functions that return typed views.

The CLI is a thin layer over these functions (medbal.commands); a program, a
notebook or a web service calls them directly and renders the views it gets in
any format, exactly as the CLI would:

    from medbal import api

    view = api.diagnose("zero-balance", {"scheme": "yearly"}, lang="en")
    if view["status"] == "outcome":
        print(view["outcome"]["title"])
    print(api.render("diagnose", view, "markdown", today="2026-11-24"))

Errors are medbal.core.errors exceptions: `UsageError` for a bad name, answer or
amount (`exc.text("zh")` gives the Chinese), `TreeError` for a broken tree file,
with every problem as FILE:LINE:COL.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from medbal.core.engine import walk
from medbal.core.errors import Phrase, UsageError
from medbal.core.estimate import estimate as compute
from medbal.core.estimate import money
from medbal.core.model import Category, Checklists, Rates, Tree
from medbal.files import registry
from medbal.i18n.lang import choose_lang
from medbal.i18n.suggest import did_you_mean
from medbal.present.present import render
from medbal.present.views import (
    ChecklistsView,
    DiagnoseView,
    EstimateView,
    checklists_view,
    diagnose_view,
    estimate_view,
)

__all__ = ["load_tree", "load_checklists", "load_rates", "diagnose", "docs", "estimate", "render"]

Folder = str | Path | None


def _overlay(trees: Folder) -> Path | None:
    return registry.overlay_dir(str(trees) if trees is not None else None)


def load_tree(name: str, trees: Folder = None) -> Tree:
    """A decision tree by id (`zero-balance`, `which-category`, `balance-dropped`, `card`)
    or by the path of a YAML file; `trees` is a folder laid over the shipped ones."""
    return registry.load_tree(name, _overlay(trees))


def load_checklists(trees: Folder = None) -> Checklists:
    return registry.load_checklists(_overlay(trees))


def load_rates(trees: Folder = None) -> Rates:
    return registry.load_rates(_overlay(trees))


def diagnose(
    tree: str | Tree,
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
    language, overlay = choose_lang(lang), _overlay(trees)
    ref = ref or (tree if isinstance(tree, str) else tree.id)
    loaded = load_tree(tree, trees) if isinstance(tree, str) else tree
    return diagnose_view(
        walk(loaded, dict(answers or {})), language, registry.checklists_for(loaded, overlay), ref
    )


def docs(
    category: str | int | None = None, lang: str | None = None, trees: Folder = None
) -> ChecklistsView:
    """The checklist of one category (a number 1-11 or a short name), or of all eleven."""
    language = choose_lang(lang)
    data = load_checklists(trees)
    return checklists_view(data, pick(data, None if category is None else str(category)), language)


def pick(data: Checklists, key: str | None) -> list[Category]:
    """The category a number or short name names (UsageError, with the nearest name, if
    none does); every category for None."""
    if key is None:
        return list(data.categories)
    found = data.find(key)
    if found is None:
        # The short names are English: the Chinese message offers the numbers alone.
        valid = tuple(f"{c.number} {c.slug}" for c in data.categories)
        numbers = tuple(str(c.number) for c in data.categories)
        slugs = [c.slug for c in data.categories]
        did_you_mean("dym_category", key, slugs, name=key, valid=valid, numbers=numbers)
        raise UsageError("no_category", name=key, valid=valid, numbers=numbers)
    return [found]


Amount = str | int | Decimal


def estimate(
    amount: Amount,
    threshold: Amount | None = None,
    items: Mapping[str, Amount] | list[str] | None = None,
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
    language = choose_lang(lang)
    rates = load_rates(trees)
    if region is not None and not region.strip():
        raise UsageError("region_empty", regions=tuple(rates.regions))
    region_id = region.strip() if region is not None else rates.default_region
    if region_id not in rates.regions:
        raise UsageError(
            "no_region", region=region_id, path=rates.path, regions=tuple(rates.regions)
        )
    pairs = (
        [f"{k}={v}" for k, v in items.items()] if isinstance(items, Mapping) else list(items or [])
    )
    bill = money(str(amount), Phrase("the_amount"))
    limit = money(str(threshold), "--threshold") if threshold is not None else None
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
