"""`medbal estimate` as a typed view (medbal.present.views has the others): the bill
slice by slice, what the fund pays, the caveats, with the rates' region named.

Apart from the views of diagnose and docs, so that a one-shot call that is neither does
not declare the estimate's TypedDicts.
"""

# No `from __future__ import annotations`: as in medbal.present.views, a TypedDict's
# string annotations would each become a ForwardRef to compile.

from typing import TYPE_CHECKING, TypedDict

from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import tidy
from medbal.present.tags import tagged, text_in
from medbal.present.views import SourceView, sources_view

if TYPE_CHECKING:
    from decimal import Decimal

    from medbal.core.estimate import Estimate
    from medbal.core.model import Place


class RegionView(TypedDict):
    id: str
    name: str


# "from" is a Python keyword, so this one is declared in the functional form.
SliceView = TypedDict(
    "SliceView", {"from": float, "to": float, "amount": float, "rate": float, "paid": float}
)


class ItemView(TypedDict):
    id: str
    label: str
    amount: float
    rate: float
    paid: float


class EstimateView(TypedDict):
    """`medbal estimate`: the bill slice by slice, what the fund pays, and the caveats."""

    region: RegionView
    lang: str
    applies_to: str
    bill: float
    threshold: float
    threshold_given: bool
    slices: list[SliceView]
    items: list[ItemView]
    total_paid: float
    own_share: float
    cap: float | None
    cap_applied: bool
    notes: list[str]
    reading: str
    notice: str
    sources: list[SourceView]


def yuan(value: float | None) -> str:
    """An amount as people write it: 6,760.00."""
    return "" if value is None else f"{value:,.2f}"


def _float(value: "Decimal") -> float:
    return float(value)  # JSON has no decimals: an amount is a number


def _rates_place(e: "Estimate") -> "Place":
    """The region of the rates: its `region:`, else its own name (rates are regional)."""
    r = e.region
    if r.region is not None:
        return r.region
    from medbal.core.model import Place

    return Place(r.name.words, r.id)


def estimate_view(e: "Estimate", lang: str) -> EstimateView:
    r = e.region
    notes = [
        msg("est_threshold", lang, threshold=yuan(_float(e.threshold)))
        if e.threshold_given
        else msg("est_no_threshold", lang)
    ]
    if r.cap is None:
        notes.append(msg("est_no_cap", lang))
    elif e.cap_applied:
        notes.append(
            msg("est_cap", lang, cap=yuan(_float(r.cap)), before=yuan(_float(e.before_cap)))
        )
    else:
        notes.append(msg("est_cap_known", lang, cap=yuan(_float(r.cap))))
    labels = {i.id: text_in(i.label, lang) for i in r.items}
    return {
        "region": {"id": r.id, "name": text_in(r.name, lang)},
        "lang": lang,
        "applies_to": tidy(tagged(text_in(r.applies_to, lang), _rates_place(e), None, lang), lang),
        "bill": _float(e.bill),
        "threshold": _float(e.threshold),
        "threshold_given": e.threshold_given,
        "slices": [
            {
                "from": _float(s.low),
                "to": _float(s.high),
                "amount": _float(s.amount),
                "rate": _float(s.rate),
                "paid": _float(s.paid),
            }
            for s in e.slices
        ],
        "items": [
            {
                "id": i.id,
                "label": labels[i.id],
                "amount": _float(i.amount),
                "rate": _float(i.rate),
                "paid": _float(i.paid),
            }
            for i in e.items
        ],
        "total_paid": _float(e.paid),
        "own_share": _float(e.own_share),
        "cap": None if r.cap is None else _float(r.cap),
        "cap_applied": e.cap_applied,
        "notes": notes,
        "reading": text_in(r.reading, lang),
        "notice": msg("est_notice", lang),
        "sources": sources_view(r.sources, lang),
    }
