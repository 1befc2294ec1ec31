"""`medbal estimate` as JSON-ready data, plain text and a Rich table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from medbal.core.estimate import Estimate
from medbal.i18n.catalogue import label, msg
from medbal.present.pages import source_line
from medbal.present.views import sources_view


def _n(value: Decimal) -> float:
    return float(value)


def _yuan(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def estimate_view(e: Estimate, lang: str) -> dict[str, Any]:
    r = e.region
    notes = [msg("est_threshold", lang, threshold=_yuan(_n(e.threshold))) if e.threshold_given
             else msg("est_no_threshold", lang)]
    if r.cap is None:
        notes.append(msg("est_no_cap", lang))
    elif e.cap_applied:
        notes.append(msg("est_cap", lang, cap=_yuan(_n(r.cap)), before=_yuan(_n(e.before_cap))))
    else:
        notes.append(msg("est_cap_known", lang, cap=_yuan(_n(r.cap))))
    labels = {i.id: i.label.get(lang) for i in r.items}
    return {
        "region": {"id": r.id, "name": r.name.get(lang)},
        "lang": lang,
        "applies_to": r.applies_to.get(lang),
        "bill": _n(e.bill),
        "threshold": _n(e.threshold),
        "threshold_given": e.threshold_given,
        "slices": [{"from": _n(s.low), "to": _n(s.high), "amount": _n(s.amount),
                    "rate": _n(s.rate), "paid": _n(s.paid)} for s in e.slices],
        "items": [{"id": i.id, "label": labels[i.id], "amount": _n(i.amount),
                   "rate": _n(i.rate), "paid": _n(i.paid)} for i in e.items],
        "total_paid": _n(e.paid),
        "own_share": _n(e.own_share),
        "cap": None if r.cap is None else _n(r.cap),
        "cap_applied": e.cap_applied,
        "notes": notes,
        "reading": r.reading.get(lang),
        "notice": msg("est_notice", lang),
        "sources": sources_view(r.sources, lang),
    }


def _rows(view: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows = [(f"{_yuan(s['from'])} - {_yuan(s['to'])}", _yuan(s["amount"]),
             f"{s['rate']:g}%", _yuan(s["paid"])) for s in view["slices"]]
    rows += [(i["label"], _yuan(i["amount"]), f"{i['rate']:g}%", _yuan(i["paid"]))
             for i in view["items"]]
    return rows


def _title(view: dict[str, Any], lang: str) -> str:
    """The bill the estimate is for: with separately rated items, their sum is part of it
    (the amount argument is the bill without them), so the title gives the whole."""
    region = view["region"]["name"]
    items = sum(i["amount"] for i in view["items"])
    if not items:
        return msg("est_title", lang, bill=_yuan(view["bill"]), region=region)
    return msg("est_title_items", lang, total=_yuan(view["bill"] + items),
               bill=_yuan(view["bill"]), items=_yuan(items), region=region)


def _head(lang: str) -> tuple[str, str, str, str]:
    return (msg("est_band", lang), msg("est_amount", lang), msg("est_rate", lang),
            msg("est_paid", lang))


def estimate_plain(view: dict[str, Any]) -> str:
    from medbal.present.plain import display_width, pad

    lang = view["lang"]
    rows = [_head(lang), *_rows(view)]
    widths = [max(display_width(r[i]) for r in rows) for i in range(4)]

    def line(r: tuple[str, ...]) -> str:
        cells = [pad(r[0], widths[0])] + [" " * (w - display_width(c)) + c
                                          for c, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join(cells).rstrip()

    out = [_title(view, lang),
           msg("est_applies", lang, what=view["applies_to"]), ""]
    out += [line(r) for r in rows]
    out += ["", label("est_total", lang) + _yuan(view["total_paid"]),
            label("est_own", lang) + _yuan(view["own_share"]), ""]
    out += view["notes"]
    out += ["", label("est_reading", lang) + view["reading"], "",
            label("sources", lang) + source_line(view["sources"], lang), "", view["notice"]]
    return "\n".join(out) + "\n"


def estimate_rich(view: dict[str, Any]) -> list[Any]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from medbal.present.widgets import ByWidth, para

    lang = view["lang"]
    # Title and caption as Text, never markup: a region named "[bold]" is shown as written.
    table = Table(title=Text(_title(view, lang)),
                  caption=Text(msg("est_applies", lang, what=view["applies_to"])))
    head = _head(lang)
    table.add_column(head[0])
    for name in head[1:]:
        table.add_column(name, justify="right")
    for row in _rows(view):
        table.add_row(*(Text(c) for c in row))
    table.add_section()
    table.add_row(Text(msg("est_total", lang), style="bold"), "", "",
                  Text(_yuan(view["total_paid"]), style="bold green"))
    table.add_row(Text(msg("est_own", lang)), "", "", Text(_yuan(view["own_share"])))
    parts: list[Any] = [ByWidth(table, _stacked(view, lang))]
    parts += [para(note, lang, "bold magenta") for note in view["notes"]]
    parts.append(para(label('est_reading', lang) + view['reading'], lang, "dim"))
    parts.append(para(label("sources", lang) + source_line(view["sources"], lang), lang, "dim"))
    parts.append(Panel(para(view["notice"], lang, "bold"), border_style="red"))
    return parts


def _stacked(view: dict[str, Any], lang: str) -> Any:
    """The estimate as lines for a narrow terminal: every figure whole, never cut."""
    from rich.console import Group
    from rich.text import Text

    from medbal.present.widgets import para

    lines: list[Any] = [para(_title(view, lang), lang, "bold"),
                        para(msg("est_applies", lang, what=view["applies_to"]), lang, "dim")]
    for band, amount, rate, paid in _rows(view):
        lines.append(Text(band, style="cyan"))
        lines.append(Text(f"  {amount} × {rate} = {paid}"))
    total = Text(label("est_total", lang), style="bold")
    total.append(_yuan(view["total_paid"]), style="bold green")
    own = Text(label("est_own", lang))
    own.append(_yuan(view["own_share"]))
    return Group(*lines, Text(""), total, own)
