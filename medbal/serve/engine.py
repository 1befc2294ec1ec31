"""What a server process loads once at start, and the one adapter to the Python API.

Everything here is read and checked when the process starts (a broken file stops the
start with its FILE:LINE:COL problems) and never changes after: requests only read it,
so nothing passes from one request to the next and any process can answer any request.

This module is the one place where `medbal serve` reaches past `medbal.api`; when
`api.Session` and `api.diagnose_many` land, the integrator switches it and nothing else:

- `Served.answer` is the `--batch` rules for one case (unknown keys, tree by id never a
  path, lang, id echoed, errors as envelopes): today `medbal.commands.batch.Batch.case`
  on the case as one JSON line, with the trees served here in place of files; then
  `api.diagnose_many`.
- `Served.load` keeps the trees, their checklists and the rates in memory (today
  `medbal.files.registry.checklists_for`); then an `api.Session`.
- `Served.estimate` is `api.estimate` over the rates loaded at start, naming the
  request's keys in its messages rather than the command's options; then `Session.estimate`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from medbal import api
from medbal.commands.batch import Batch
from medbal.core.errors import Phrase, TreeError, UsageError
from medbal.core.estimate import estimate as compute
from medbal.core.estimate import money
from medbal.core.langs import LANGS
from medbal.core.model import Checklists, Rates, Tree
from medbal.files.registry import checklists_for, overlay_dir
from medbal.i18n.suggest import did_you_mean
from medbal.present.authoring import graph_json, inventory
from medbal.present.views import ChecklistsView, EstimateView, checklists_view, estimate_view
from medbal.present.webpage import DEFAULT_TREES, build_page

DEFAULT_TREE = "zero-balance"
Loaded = tuple[Tree, Checklists | None]
Amount = str | int | float


def unknown_tree(name: str, known: Iterable[str]) -> UsageError:
    """The error for a tree id that is not served: the nearest id, if one is close."""
    ids = tuple(sorted(known))
    try:
        did_you_mean("dym_tree", name, ids, name=name, known=ids)
    except UsageError as exc:
        return exc
    return UsageError("no_tree", name=name, known=ids)


class _Cases(Batch):
    """The `--batch` per-case logic over the trees loaded at start: a case names a tree
    by id among them; no file is read while serving, and no unknown name is kept."""

    def __init__(self, trees: Mapping[str, Loaded], lang: str):
        super().__init__(DEFAULT_TREE, lang, None)
        self._served = trees

    def tree(self, name: str) -> Loaded:
        found = self._served.get(name)
        if found is None:
            raise unknown_tree(name, self._served)
        return found


@dataclass(frozen=True)
class Served:
    """The trees, checklists, rates and prepared texts of one server process."""

    trees: dict[str, Loaded]
    checklists: Checklists
    rates: Rates
    listing: dict[str, list[dict[str, Any]]]  # GET /v1/trees, by language
    exports: dict[tuple[str, str], str]  # GET /v1/trees/{id}: (id, lang) -> JSON text
    pages: dict[str | None, str]  # GET /: the page by starting language (None: the browser's)

    @classmethod
    def load(cls, trees_dir: str | None) -> Served:
        """Read and check every file medbal sees (the folder laid over the shipped ones);
        TreeError with every problem of every broken file at once."""
        overlay = overlay_dir(trees_dir)
        rows = {lang: inventory(overlay, lang) for lang in LANGS}
        problems = [p for row in rows["en"] for p in row.get("problems", [])]
        trees: dict[str, Loaded] = {}
        for row in rows["en"]:
            if row["kind"] == "decision-tree" and not row["replaced"]:
                try:
                    tree = api.load_tree(row["id"], overlay)
                    trees[tree.id] = (tree, checklists_for(tree, overlay))
                except TreeError as exc:
                    problems += exc.problems
        if problems:
            raise TreeError(problems)
        made = datetime.date.today().isoformat()
        citizen = [trees[t] for t in DEFAULT_TREES if t in trees]
        return cls(
            trees=dict(sorted(trees.items())),
            checklists=api.load_checklists(overlay),
            rates=api.load_rates(overlay),
            # A path of the server's files is never shown: each row without its `file`.
            listing={
                la: [{k: v for k, v in r.items() if k != "file"} for r in rows[la]] for la in LANGS
            },
            exports={(t, la): graph_json(tr, la) for t, (tr, _) in trees.items() for la in LANGS},
            pages={la: build_page(citizen, made, la) for la in (None, *LANGS)},
        )

    def answer(self, case: object, lang: str) -> dict[str, Any]:
        """One case by the `--batch` rules: the one-shot envelope with the case's `id`, or
        an error envelope; `lang` is the language when the case names none."""
        envelope = _Cases(self.trees, lang).case(json.dumps(case).encode("utf-8"))
        assert envelope is not None  # a JSON text is never a blank line
        return envelope

    def docs(self, category: str | None, lang: str) -> ChecklistsView:
        """`medbal docs [CATEGORY] --format json`; UsageError for an unknown category."""
        data = self.checklists
        return checklists_view(data, api.pick(data, category), lang)

    def export(self, tree: str, lang: str) -> str:
        """`medbal tree export TREE --format json`, as its JSON text."""
        if tree not in self.trees:
            raise unknown_tree(tree, self.trees)
        return self.exports[(tree, lang)]

    def estimate(
        self,
        bill: Amount,
        threshold: Amount | None,
        items: Mapping[str, Amount],
        region: str | None,
        lang: str,
    ) -> EstimateView:
        """`medbal estimate --format json` with the rates loaded at start."""
        rates = self.rates
        region_id = rates.default_region if region is None else region.strip()
        if region_id not in rates.regions:
            regions = tuple(rates.regions)
            raise UsageError("serve_no_region", region=region_id, regions=regions)
        amounts: dict[str, Decimal] = {}
        for item, value in items.items():
            amounts[item.strip()] = amounts.get(item.strip(), Decimal(0)) + money(
                amount_text(value), f"items.{item.strip()}"
            )
        limit = None if threshold is None else money(amount_text(threshold), "threshold")
        result = compute(
            rates.regions[region_id], money(amount_text(bill), Phrase("the_amount")), limit, amounts
        )
        return estimate_view(result, lang)


def amount_text(value: Amount) -> str:
    """An amount as a person would type it: a JSON number in plain digits (1e20 as
    100000000000000000000, so that it is too large rather than not an amount)."""
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)
