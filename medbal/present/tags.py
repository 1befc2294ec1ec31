"""A tree text as a view shows it: in one language, spaced by the one rule, and with its
region named after it where that is not the region already named around it.

A rule of one region must never read as if it held everywhere (issue 19): the views
(medbal.present.views) put each text through `text_in`, with the region of what is
shown around it (an outcome's, a sheet's) as the context; a deadline always says whose
it is.  The words are the catalogue's (`region_tag`, `national_tag`, `region_rule_of`)
and each region's own (medbal.i18n.sources.REGIONS, or a name an overlay writes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import aside, tidy

if TYPE_CHECKING:  # annotations only, as in medbal.present.views
    from medbal.core.model import Place, Text


class PlaceView(TypedDict):
    """The region whose rule an entry is: an id of REGIONS (or one an overlay names) and
    its name; null in the JSON where the rule is not regional."""

    id: str
    name: str


def text_in(text: Text, lang: str, context: Place | None = None) -> str:
    """A tree text in `lang`, spaced by the one rule (medbal.i18n.typeset.tidy), with the
    tag of its region where that is not the region already named around it."""
    if text.region is None:
        return tidy(text.get(lang), lang)
    return tidy(tagged(text.get(lang), text.region, context, lang), lang)


def rule_text(text: Text, lang: str, at: Place | None) -> str:
    """A line of a box of rules (a sheet's deadlines and conditions) says whose rule it
    is even on its own region's sheet, as a deadline does (medbal.present.deadlines): its
    region's tag (its own, else the sheet's), or "national rule" on one region's sheet."""
    place = text.region or at
    context = None if place is not None and place.regional else at
    return tidy(tagged(text.get(lang), place, context, lang), lang)


def text_or_none(text: Text | None, lang: str, context: Place | None = None) -> str | None:
    return text_in(text, lang, context) if text is not None else None


def place_view(place: Place | None, lang: str) -> PlaceView | None:
    """A region as the JSON gives it; None where the rule is not regional."""
    if place is None or not place.regional:
        return None
    return {"id": place.id, "name": tidy(place.get(lang), lang)}


def _region_id(place: Place | None) -> str | None:
    return place.id if place is not None and place.regional else None


def region_tag(place: Place, lang: str) -> str:
    """The words after a regional text: "Xiamen rule; confirm locally" (or "national rule",
    for a national rule among one region's)."""
    if not place.regional:
        return msg("national_tag", lang)
    name = place.get(lang)
    # spaced by the one rule: "广东省广州市的规定" but "Guangzhou 的规定"
    rule = (
        place.rule.get(lang) if place.rule else tidy(msg("region_rule_of", lang, name=name), lang)
    )
    return msg("region_tag", lang, rule=rule)


def tagged(text: str, place: Place | None, context: Place | None, lang: str) -> str:
    """`text` with its region's tag after it, unless `context` (what is shown around it, a
    sheet's or an outcome's region) is the same region already."""
    if place is None or _region_id(place) == _region_id(context):
        return text
    return aside(text, region_tag(place, lang), lang)
