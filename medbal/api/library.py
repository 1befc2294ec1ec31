"""`api.Library`: the Python API over one folder of trees, each file read once.

Every function of medbal.api is a method of a library: `api.diagnose(...)` is
`api.Library(trees).diagnose(...)`, a library made for the one call, which reads only
what the call needs.  A program that answers many calls makes one library and keeps
it: `api.Library.everything(trees)` reads and checks every file at once, then never
reads a file again (medbal serve holds one per process).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from medbal.api import checks
from medbal.api.session import Session, outcome_view
from medbal.api.shelf import Shelf
from medbal.core.errors import Localized, MedbalError, Phrase, UsageError
from medbal.core.model import Category, Checklists, Tree
from medbal.present.views import ChecklistsView, DiagnoseView, checklists_view

if TYPE_CHECKING:
    from medbal.present.authoring import InventoryView  # the drawings: imported when drawn
    from medbal.present.estimates import EstimateView

# How an estimate's messages name its inputs: as the command's options (`--threshold`,
# `--item class-b`), or as the keys of a JSON body (`threshold`, `items.class-b`).
NAMES = {"options": ("--threshold", "--item {}"), "keys": ("threshold", "items.{}")}
EXPORTS = ("mermaid", "dot", "json")  # the formats of `medbal tree export`


class Library(Shelf):
    """The trees, checklists and rates of a folder laid over the shipped ones (`trees`,
    else MEDBAL_TREES), read once, and the API's views of them.

        library = api.Library.everything()        # every file read and checked now
        library.diagnose("card", {"problem": "lost"}, lang="en")
        library.docs("short-trip", lang="zh")

    `Library(trees)` reads a file when a call first needs it; `Library.everything(trees)`
    reads every file at once (TreeError with every problem of every file) and after that
    reads none: a tree it does not hold is unknown, whatever its name (a path too).  With
    `paths=False` no message or listing names a file of this machine.  A library is a
    `Shelf`: `api.Session(..., trees=library)` and `tree`, `checklists`, `rates` use what
    it holds.  Its views may be read by many threads at once; nothing in it changes
    after `everything`.
    """

    def session(
        self,
        tree: checks.Name | Tree,
        answers: Mapping[str, str] | None = None,
        lang: str | None = None,
        ref: str | None = None,
        today: str | datetime.date | None = None,
    ) -> Session:
        """One conversation over a tree of this library (api.Session)."""
        return Session(tree, answers, lang, self, ref, today)

    def diagnose(
        self,
        tree: checks.Name | Tree,
        answers: Mapping[str, str] | None = None,
        lang: str | None = None,
        ref: str | None = None,
        today: str | datetime.date | None = None,
    ) -> DiagnoseView:
        """Walk a tree with these answers: an outcome, or the question still to answer.

        `lang` is "en" or "zh" (default: MEDBAL_LANG, then the locale).  Raises UsageError
        for an unknown tree (naming the known ones, and the nearest), question or value
        (AnswerError), a date answer (YYYY-MM-DD) that is malformed, does not exist or
        comes after `today` (default: the clock's, against which a deadline counted from
        it, the outcome's "due", is judged), or a bad argument; TreeError for a broken
        tree file.  `ref` is how the repeat command names the tree (default: the id, or
        the name given).
        """
        return self.session(tree, answers, lang, ref, today).view()

    def diagnose_many(
        self,
        cases: Iterable[Mapping[str, Any] | str | bytes | MedbalError],
        tree: str = "zero-balance",
        lang: str | None = None,
        today: str | datetime.date | None = None,
    ) -> Iterator[dict[str, Any]]:
        """An envelope for each case, in order, by the rules of `--batch`
        (medbal.api.batch): a bad case gets an error envelope in its place.  `today` is
        the latest day a date answer may be (default: the clock's, read once).  Raises
        UsageError (or TreeError) at once for a bad `tree`, `lang`, `today` or `cases`."""
        from medbal.api import batch  # the rules of a JSON line: only for a call with cases

        return batch.diagnose_many(cases, tree, lang, self, checks.today(today))

    def docs(self, category: str | int | None = None, lang: str | None = None) -> ChecklistsView:
        """The checklist of one category (a number 1-11 or a short name), or of all
        eleven.  Raises UsageError for an unknown category (naming the nearest)."""
        language, key = checks.lang(lang), checks.category(category)
        data = self.checklists()
        return checklists_view(data, pick(data, key), language)

    def estimate(
        self,
        amount: checks.Amount,
        threshold: checks.Amount | None = None,
        items: Mapping[str, checks.Amount] | Sequence[str] | None = None,
        region: str | None = None,
        lang: str | None = None,
        *,
        names: str = "options",
    ) -> EstimateView:
        """What the pooled fund may pay back on an inpatient bill, slice by slice.

        `items` are separately rated amounts (`{"class-b": 1200}`, or `["class-b=1200"]`
        as typed after --item); `region` a region of the rates file (default: its
        default).  Amounts are read as a person types them ("8,000", "8000.50").  Raises
        UsageError for a bad amount (naming it as `names` says: "options", the command's
        `--threshold`, or "keys", a JSON body's `threshold`), an unknown region or item,
        or a threshold above the bill.
        """
        # The arithmetic's module (three records of its own): imported by an estimate only.
        from medbal.core.estimate import estimate as compute
        from medbal.core.estimate import money

        language = checks.lang(lang)
        threshold_name, item_name = _names(names)
        bill_text = checks.amount(amount, "amount")
        limit_text = None if threshold is None else checks.amount(threshold, threshold_name)
        pairs, region = checks.items(items, item_name), checks.optional_text(region, "region")
        rates = self.rates()
        if region is not None and not region.strip() and names == "options":
            raise UsageError("region_empty", regions=tuple(rates.regions))  # --region ""
        region_id = region.strip() if region is not None else rates.default_region
        if region_id not in rates.regions:
            regions = tuple(rates.regions)
            if self.paths:
                raise UsageError("no_region", region=region_id, path=rates.path, regions=regions)
            raise UsageError("no_region_in_rates", region=region_id, regions=regions)
        bill = money(bill_text, Phrase("the_amount"))
        limit = None if limit_text is None else money(limit_text, threshold_name)
        amounts: dict[str, Decimal] = {}
        for item_id, text in pairs:  # an item given twice is added up
            amounts[item_id] = amounts.get(item_id, Decimal(0)) + money(
                text, item_name.format(item_id)
            )
        from medbal.present.estimates import estimate_view

        return estimate_view(compute(rates.regions[region_id], bill, limit, amounts), language)

    def tree_list(self, lang: str | None = None) -> InventoryView:
        """Every file the folders hold, overlay first (`medbal tree list`): id, file,
        origin, kind, title and size; a broken file as kind "invalid" with its problems
        (it raises nothing for one)."""
        language = checks.lang(lang)
        return {"trees": self.rows(language), "lang": language}

    def export(
        self, tree: checks.Name | Tree, fmt: str = "mermaid", lang: str | None = None
    ) -> str:
        """A tree as a graph (`medbal tree export`): Mermaid, Graphviz DOT or JSON text.
        Raises UsageError for an unknown tree or format."""
        from medbal.present import authoring  # the drawings: only for a call that draws

        language, fmt = checks.lang(lang), checks.text(fmt, "fmt")
        if fmt not in EXPORTS:
            raise UsageError("no_format", kind="tree-export", fmt=fmt, formats=EXPORTS)
        loaded = tree if isinstance(tree, Tree) else self.tree(tree)
        draw = {"mermaid": authoring.mermaid, "dot": authoring.dot, "json": authoring.graph_json}
        return draw[fmt](loaded, language)

    def page(
        self,
        names: Sequence[checks.Name | Tree] = (),
        lang: str | None = None,
        made: str | None = None,
    ) -> str:
        """The self-contained web page of `medbal page` as HTML text: the trees named (ids,
        files or Tree objects; default the four for citizens), starting in `lang` (None:
        the browser's), dated `made` (YYYY-MM-DD, default today).  Raises UsageError for
        an unknown tree or one named twice."""
        from medbal.present.webpage import DEFAULT_TREES, build_page

        if isinstance(names, (str, bytes)) or not isinstance(names, Sequence):
            raise checks.wrong("names", Phrase("arg_names"), names)
        start = None if lang is None else checks.lang(lang)
        day = checks.day(made, "made") or datetime.date.today().isoformat()
        loaded = []
        for name in names or DEFAULT_TREES:
            tree = name if isinstance(name, Tree) else self.tree(name)
            loaded.append((tree, self.checklists_for(tree)))
        return build_page(loaded, day, start, outcome_view=outcome_view)

    def __repr__(self) -> str:
        return f"Library({'everything' if self.complete else 'as needed'})"


def _names(names: object) -> tuple[str, str]:
    if not isinstance(names, str) or names not in NAMES:
        raise checks.wrong("names", Phrase("arg_naming"), names)
    return NAMES[names]


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
            c.slug: Phrase("category_named", n=c.number, title=Localized(c.title.words))
            for c in data.categories
        }
        raise UsageError(
            "no_category", name=key, valid=valid, slugs=slugs, numbers=numbers, shown_as=shown_as
        )
    return [found]
