"""`medbal estimate`: parse amounts, pick the region, compute, render."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from medbal.commands.common import EstimateFormat, emit, emit_json
from medbal.core.errors import Phrase, UsageError


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
    from medbal.core.estimate import estimate, money
    from medbal.files.registry import load_rates, overlay_dir
    from medbal.i18n.lang import choose_lang
    from medbal.present.estimate_text import estimate_plain, estimate_view

    language = choose_lang(lang.value if lang else None)
    rates = load_rates(overlay_dir(trees))
    if region is not None and not region.strip():
        raise UsageError("region_empty", regions=", ".join(rates.regions))
    region_id = region.strip() if region is not None else rates.default_region
    if region_id not in rates.regions:
        regions = ", ".join(rates.regions)
        raise UsageError("no_region", region=region_id, path=rates.path, regions=regions)
    bill = money(amount, Phrase("the_amount"))
    limit = money(threshold, "--threshold") if threshold is not None else None
    result = estimate(rates.regions[region_id], bill, limit, parse_items(pairs))
    view = estimate_view(result, language)
    if fmt is EstimateFormat.json:
        emit_json(view)
        return
    from medbal.present.term import wants_plain

    if wants_plain():
        emit(estimate_plain(view))
        return
    from rich.console import Console
    from rich.text import Text

    from medbal.present.estimate_text import estimate_rich

    console = Console(highlight=False, emoji=False)
    for part in estimate_rich(view):
        console.print(part, soft_wrap=isinstance(part, Text))
