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
from medbal.core.model import Checklists, Rates, Tree
from medbal.files import registry
from medbal.i18n.lang import choose_lang
from medbal.present.present import render
from medbal.present.views import ChecklistsView, DiagnoseView, EstimateView, diagnose_view

__all__ = ["load_tree", "load_checklists", "load_rates", "diagnose", "docs", "estimate",
           "render"]

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


def diagnose(tree: str | Tree, answers: Mapping[str, str] | None = None,
             lang: str | None = None, trees: Folder = None) -> DiagnoseView:
    """Walk a tree with these answers: an outcome, or the question still to answer.

    `lang` is "en" or "zh" (default: MEDBAL_LANG, then the locale).  An answer to
    an unknown question or with an unknown value raises UsageError.
    """
    language, overlay = choose_lang(lang), _overlay(trees)
    ref = tree if isinstance(tree, str) else tree.id
    loaded = load_tree(tree, trees) if isinstance(tree, str) else tree
    return diagnose_view(walk(loaded, dict(answers or {})), language,
                         registry.checklists_for(loaded, overlay), ref)


def docs(category: str | int | None = None, lang: str | None = None,
         trees: Folder = None) -> ChecklistsView:
    """The checklist of one category (a number 1-11 or a short name), or of all eleven."""
    from medbal.commands.docs import docs_view

    language = choose_lang(lang)
    key = None if category is None else str(category)
    return docs_view(load_checklists(trees), key, key is None, language)


def estimate(amount: str | int | Decimal, threshold: str | int | Decimal | None = None,
             items: Mapping[str, str | int | Decimal] | list[str] | None = None,
             region: str | None = None,
             lang: str | None = None, trees: Folder = None) -> EstimateView:
    """What the pooled fund may pay back on an inpatient bill, slice by slice.

    `items` are separately rated amounts (`{"class-b": 1200}`, or `["class-b=1200"]` as
    typed after --item); `region` a region of the rates file (default: its default).
    """
    from medbal.commands.estimate import estimate_of

    language = choose_lang(lang)
    pairs = [f"{k}={v}" for k, v in items.items()] if isinstance(items, Mapping) \
        else list(items or [])
    return estimate_of(load_rates(trees), str(amount),
                       None if threshold is None else str(threshold), pairs, region, language)
