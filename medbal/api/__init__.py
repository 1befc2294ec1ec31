"""The Python API: what the command line does, as functions that return typed views.

The one place where answers become a view: the CLI (medbal.commands), the batch, the
interactive session and the web page all get their views here, and so can a program,
a notebook or a web service, rendering them in any format exactly as the CLI would:

    from medbal import api

    view = api.diagnose("zero-balance", {"scheme": "yearly"}, lang="en")
    if view["status"] == "outcome":
        print(view["outcome"]["title"])
    print(api.render("diagnose", view, "markdown", today="2026-11-24"))

Each function is the method of the same name of an `api.Library`, made for the one
call; a program that makes many calls keeps one library, which reads each file once
(`api.Library.everything()` reads and checks every file at once, as medbal serve does).

Errors are medbal.core.errors exceptions: `UsageError` for a bad name, answer, amount
or argument (`exc.text("zh")` gives the Chinese), `TreeError` for a broken tree file,
with every problem as FILE:LINE:COL.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from medbal.api import checks
from medbal.api.checks import Amount, Folder, Name
from medbal.api.library import Library, pick
from medbal.api.session import Session, outcome_view
from medbal.core.errors import MedbalError, UsageError
from medbal.core.model import Checklists, Rates, Tree
from medbal.present import formats
from medbal.present.views import ChecklistsView, DiagnoseView

if TYPE_CHECKING:
    from medbal.present.authoring import InventoryView
    from medbal.present.estimates import EstimateView

__all__ = [
    "Library",
    "Session",
    "diagnose",
    "diagnose_many",
    "docs",
    "estimate",
    "export",
    "load_checklists",
    "load_rates",
    "load_tree",
    "outcome_view",
    "page",
    "pick",
    "render",
    "tree_list",
]

# Each function below is the method of the same name of a Library made for the one call
# (medbal.api.library): it reads only what the call needs, as the commands always have.


def load_tree(name: Name, trees: Folder = None) -> Tree:
    """A decision tree by id (`zero-balance`, `which-category`, `balance-dropped`, `card`)
    or by the path of a YAML file (a str, or a Path); `trees` is a folder laid over the
    shipped ones.  Raises UsageError for an unknown id or a file that is no tree,
    TreeError for a broken file."""
    return Library(trees).tree(name)


def load_checklists(trees: Folder = None) -> Checklists:
    """The checklists of the eleven categories (TreeError for a broken file)."""
    return Library(trees).checklists()


def load_rates(trees: Folder = None) -> Rates:
    """The rates of the estimate (TreeError for a broken file)."""
    return Library(trees).rates()


def diagnose(
    tree: Name | Tree,
    answers: Mapping[str, str] | None = None,
    lang: str | None = None,
    trees: Folder = None,
    ref: str | None = None,
    today: str | datetime.date | None = None,
) -> DiagnoseView:
    """Walk a tree with these answers: an outcome, or the question still to answer.

    `lang` is "en" or "zh" (default: MEDBAL_LANG, then the locale).  Raises UsageError
    for an unknown tree, question or value (AnswerError), a date answer (YYYY-MM-DD)
    that is malformed, does not exist or comes after `today` (default: the clock's,
    against which a deadline counted from it, the outcome's "due", is judged), or a bad
    argument; TreeError for a broken tree file.  `ref` is how the repeat command names
    the tree (default: the id, or the name given).
    """
    return Library(trees).diagnose(tree, answers, lang, ref, today)


def diagnose_many(
    cases: Iterable[Mapping[str, Any] | str | bytes | MedbalError],
    tree: str = "zero-balance",
    lang: str | None = None,
    trees: Folder = None,
    today: str | datetime.date | None = None,
) -> Iterator[dict[str, Any]]:
    """An envelope for each case, as each is read, by the rules of `--batch`
    (medbal.api.batch): mappings, or lines of JSON text.  `tree` is the tree of cases
    that name none; `today` the latest day a date answer may be (default: the clock's).
    Raises UsageError (or TreeError) at once for a bad `tree`, `lang`, `trees`, `today`
    or `cases`; a bad case gets an error envelope in its place."""
    return Library(trees).diagnose_many(cases, tree, lang, today)


def docs(
    category: str | int | None = None, lang: str | None = None, trees: Folder = None
) -> ChecklistsView:
    """The checklist of one category (a number 1-11 or a short name), or of all eleven.
    Raises UsageError for an unknown category."""
    return Library(trees).docs(category, lang)


def estimate(
    amount: Amount,
    threshold: Amount | None = None,
    items: Mapping[str, Amount] | Sequence[str] | None = None,
    region: str | None = None,
    lang: str | None = None,
    trees: Folder = None,
    *,
    names: str = "options",
) -> EstimateView:
    """What the pooled fund may pay back on an inpatient bill, slice by slice.

    `items` are separately rated amounts (`{"class-b": 1200}`, or `["class-b=1200"]` as
    typed after --item); `region` a region of the rates file (default: its default).
    Amounts are read as a person types them ("8,000", "8000.50").  Raises UsageError
    for a bad amount (named as the command's options, or with `names="keys"` as a JSON
    body's keys), an unknown region or item, or a threshold above the bill.
    """
    return Library(trees).estimate(amount, threshold, items, region, lang, names=names)


def tree_list(lang: str | None = None, trees: Folder = None) -> InventoryView:
    """Every file medbal sees, overlay first (`medbal tree list --format json`); a broken
    file is a row of kind "invalid" with its problems, not an error."""
    return Library(trees).tree_list(lang)


def export(
    tree: Name | Tree, fmt: str = "mermaid", lang: str | None = None, trees: Folder = None
) -> str:
    """A tree as Mermaid, DOT or JSON text (`medbal tree export`).  Raises UsageError for
    an unknown tree or format."""
    return Library(trees).export(tree, fmt, lang)


# The views each kind of view must at least have (medbal.present.views).
_SHAPES: dict[str, Any] = {
    "diagnose": DiagnoseView,
    "docs": ChecklistsView,
    "docs-overview": ChecklistsView,
}


def _shape(kind: str) -> Any:
    if kind == "estimate":  # declared where an estimate is made or shown
        from medbal.present.estimates import EstimateView

        return EstimateView
    return _SHAPES.get(kind)


def render(
    kind: str, view: Mapping[str, Any], fmt: str, *, width: int = 80, today: str | None = None
) -> str:
    """A view as text: `kind` diagnose, docs, docs-overview, estimate, tree-list or
    tree-outline; `fmt` json, plain (text), terminal (rich), markdown or html, where the
    kind has it.  `width` is bounded as at a terminal (20 to 100 columns); `today`
    (YYYY-MM-DD) dates a take-home page.  Raises UsageError for an unknown kind or
    format, or a mapping without the shape of the view."""
    kind, fmt = checks.text(kind, "kind"), checks.text(fmt, "fmt")
    checked = checks.view(view)
    width, day = checks.whole(width, "width"), checks.day(today)
    shape = _shape(kind)
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
    browser's language), dated `made` (YYYY-MM-DD, default today).  Raises UsageError
    for an unknown tree or one named twice."""
    return Library(trees).page(names, lang, made)
