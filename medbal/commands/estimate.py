"""`medbal estimate`: parse amounts, pick the region, compute, render."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from medbal.commands.common import EstimateFormat
from medbal.core.errors import Phrase, UsageError

if TYPE_CHECKING:
    from medbal.core.model import Rates
    from medbal.present.views import EstimateView


def parse_items(pairs: list[str]) -> dict[str, Decimal]:
    from medbal.core.estimate import money

    items: dict[str, Decimal] = {}
    for pair in pairs:
        item_id, sep, value = pair.partition("=")
        if not sep or not item_id.strip():
            raise UsageError("item_form", pair=pair)
        items[item_id.strip()] = items.get(item_id.strip(), Decimal(0)) + \
            money(value, f"--item {item_id.strip()}")
    return items


def run_estimate(amount: str, threshold: str | None, pairs: list[str], region: str | None,
                 fmt: EstimateFormat, lang: Any, trees: str | None) -> None:
    from medbal import api
    from medbal.present.present import present

    present("estimate", api.estimate(amount, threshold, pairs, region,
                                     lang.value if lang else None, trees), fmt.value)


def estimate_of(rates: Rates, amount: str, threshold: str | None, pairs: list[str],
                region: str | None, language: str) -> EstimateView:
    """The estimate's view from the words a person typed: amounts, ITEM=AMOUNT, a region."""
    from medbal.core.estimate import estimate, money
    from medbal.present.views import estimate_view

    if region is not None and not region.strip():
        raise UsageError("region_empty", regions=", ".join(rates.regions))
    region_id = region.strip() if region is not None else rates.default_region
    if region_id not in rates.regions:
        regions = ", ".join(rates.regions)
        raise UsageError("no_region", region=region_id, path=rates.path, regions=regions)
    bill = money(amount, Phrase("the_amount"))
    limit = money(threshold, "--threshold") if threshold is not None else None
    result = estimate(rates.regions[region_id], bill, limit, parse_items(pairs))
    return estimate_view(result, language)
