"""What the pooled fund may pay back on an inpatient bill: pure arithmetic on regional data.

Money is Decimal throughout, each slice rounded to the fen (0.01 yuan, half up).
The reading of the rates (cumulative bands, separate items) is the region's
data and is shown with every estimate.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from medbal.core.errors import Phrase, UsageError
from medbal.core.model import Record, Region

FEN = Decimal("0.01")
HUNDRED = Decimal(100)


class Slice(Record, frozen=True):
    low: Decimal
    high: Decimal
    amount: Decimal
    rate: Decimal
    paid: Decimal


class ItemLine(Record, frozen=True):
    id: str
    amount: Decimal
    rate: Decimal
    paid: Decimal


class Estimate(Record, frozen=True):
    region: Region
    bill: Decimal
    threshold: Decimal
    threshold_given: bool  # False: neither the data nor the person gave a figure
    slices: tuple[Slice, ...]
    items: tuple[ItemLine, ...]
    before_cap: Decimal
    paid: Decimal
    cap_applied: bool

    @property
    def total_bill(self) -> Decimal:
        return self.bill + sum((i.amount for i in self.items), Decimal(0))

    @property
    def own_share(self) -> Decimal:
        return self.total_bill - self.paid


# Plain figures only: "8000", "8,000", "8000.50".  An exponent ("1e26"), a sign, or a
# decimal comma ("8000,50", which would silently read as 800,050) is refused.  Any number
# of digits is a figure: one too large is said to be too large, however it is written.
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,6})?"  # compiled when first used
# No single medical bill comes near a hundred million yuan; beyond it is a typing slip.
MAX_AMOUNT = Decimal(100_000_000)


def money(text: str, what: str | Phrase) -> Decimal:
    """A person's amount in yuan: digits, optional thousands commas, rounded to the fen.
    `what` names it in a message: an option ("--threshold") or words (Phrase("the_amount"))."""
    cleaned = text.strip().replace("，", ",")
    negative = cleaned.startswith("-")
    figure = cleaned[1:] if negative else cleaned
    if len(figure) > 64 or not re.fullmatch(_AMOUNT, figure):  # 64: no digits of it are read
        raise UsageError(
            "amount_too_large" if figure.isdigit() else "amount_invalid", what=what, text=text
        )
    value = Decimal(figure.replace(",", ""))
    if negative and value:  # "-0" is 0
        raise UsageError("amount_negative", what=what, text=text)
    if value > MAX_AMOUNT:
        raise UsageError("amount_too_large", what=what, text=text)
    return value.quantize(FEN, ROUND_HALF_UP)


def _pay(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * rate / HUNDRED).quantize(FEN, ROUND_HALF_UP)


def estimate(
    region: Region,
    bill: Decimal,
    threshold: Decimal | None = None,
    items: dict[str, Decimal] | None = None,
) -> Estimate:
    given = threshold is not None or region.threshold is not None
    start = threshold if threshold is not None else (region.threshold or Decimal(0))
    if start > bill:
        raise UsageError("threshold_above_bill", start=start, bill=bill)
    slices: list[Slice] = []
    low = Decimal(0)
    for band in region.bands:
        high = band.up_to if band.up_to is not None else bill
        lo, hi = max(low, start), min(high, bill)
        if hi > lo:
            amount = hi - lo
            slices.append(Slice(lo, hi, amount, band.rate, _pay(amount, band.rate)))
        low = high
    lines = []
    known = {i.id: i for i in region.items}
    for item_id, amount in (items or {}).items():
        if item_id not in known:
            names = tuple(known) or Phrase("none_listed")
            named = tuple(
                Phrase("named_value", value=i.id, label=i.label.zh) for i in region.items
            ) or Phrase("none_listed")
            raise UsageError("no_item", region=region.id, item=item_id, items=names, named=named)
        rate = known[item_id].rate
        lines.append(ItemLine(item_id, amount, rate, _pay(amount, rate)))
    before_cap = sum((s.paid for s in slices), Decimal(0)) + sum(
        (i.paid for i in lines), Decimal(0)
    )
    capped = region.cap is not None and before_cap > region.cap
    paid = region.cap if capped else before_cap
    assert paid is not None  # region.cap when capped, which is then set
    return Estimate(
        region, bill, start, given, tuple(slices), tuple(lines), before_cap, paid, capped
    )
