"""Regional and national rules, apart: reading `region:` and refusing a rule that is neither.

A rule that comes from one region says so with `region: ID` (an id of
medbal.i18n.sources.REGIONS, or a name written inline `{en: ..., zh: ...}` by an
overlay); a file's or a group's region is the default of what it holds, and
`region: national` says that an entry is not regional where it would otherwise inherit
a region.  A national rule cites a national document (a law article or a document of
kind `national` in the catalogue).  `unmarked` lists every category, deadline and
guidance item of a checklists file that is neither, at its FILE:LINE:COL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node

from medbal.core.model import Category, Checklists, Deadline, Place, Text
from medbal.i18n import sources
from medbal.i18n.suggest import closest

if TYPE_CHECKING:
    from medbal.files.yamlread import Reader

INLINE_ID = "local"  # the id of a region named inline without an `id`


def region(r: Reader, node: Node, what: str) -> Place | None:
    """`region: ID`, `region: national` or `region: {en: ..., zh: ..., id: ...}`."""
    if isinstance(node, MappingNode):
        return _inline(r, node, what)
    value = r.ident(node, f"the region of {what}")
    if value is None:
        return None
    if value == sources.NATIONAL:
        return Place("national", "全国", sources.NATIONAL)
    words = sources.region_words(value)
    if words is None:
        known = sorted([*sources.REGIONS, sources.NATIONAL])
        best = closest(value, known)
        hint = f"did you mean '{best}'? " if best else ""
        r.at(
            node,
            f"the region of {what} is '{value}', which medbal does not know; {hint}"
            f"expected one of: {', '.join(known)}, or a region named inline as "
            "{en: ..., zh: ...}",
        )
        return None
    (name_en, rule_en), (name_zh, rule_zh) = words
    return Place(name_en, name_zh, value, Text(rule_en, rule_zh))


def _inline(r: Reader, node: Node, what: str) -> Place | None:
    """A region an overlay names itself: its name in both languages, and an optional id."""
    f = r.mapping(node, f"the region of {what}", ("en", "zh"), ("id",))
    if f is None:
        return None
    en = r.string(f["en"], f"the region of {what} (en)") if "en" in f else None
    zh = r.string(f["zh"], f"the region of {what} (zh)") if "zh" in f else None
    rid = r.ident(f["id"], f"the region id of {what}") if "id" in f else INLINE_ID
    if rid == sources.NATIONAL:
        r.at(f["id"], f"the region of {what} is named inline: its id cannot be 'national'")
        return None
    if en is None or zh is None or rid is None:
        return None
    return Place(en, zh, rid)


# --- the check: regional or national, never neither --------------------------------


def unmarked(data: Checklists) -> list[str]:
    """Every category, deadline and guidance item of `data` that has no region (its own,
    or one it inherits) and cites no national document, as FILE:LINE:COL: message."""
    problems: list[str] = []
    for cat in data.categories:
        place = cat.region or data.region
        what = f"category {cat.number} '{cat.slug}'"
        problems += _judge(cat.dates.where, what, place, cat.sources)
        for d in cat.deadlines:
            problems += _deadline(d, cat, place, what)
    for group in data.guidance:
        wheres = group.item_where or (f"{data.path}:1:1",) * len(group.items)
        for i, (item, where) in enumerate(zip(group.items, wheres, strict=True), 1):
            place = getattr(item.text, "region", None) or group.region or data.region
            what = f"item {i} of guidance '{group.id}'"
            problems += _judge(where, what, place, item.sources)
    return problems


def _deadline(d: Deadline, cat: Category, place: Place | None, what: str) -> list[str]:
    if d.kind == "not-stated":  # "the sources give no deadline": not a rule
        return []
    return _judge(
        d.where or cat.dates.where,
        f"a deadline of {what} ({d.kind})",
        d.region or place,
        d.sources or cat.sources,
    )


def _judge(where: str, what: str, place: Place | None, refs: tuple[str, ...]) -> list[str]:
    if place is not None and place.regional or any(sources.is_national(s) for s in refs):
        return []
    why = (
        "it is marked 'region: national' (its own or inherited) but cites no national document"
        if place is not None
        else "it has no region and cites no national document"
    )
    return [
        f"{where}: {what} is neither regional nor national: {why}; give it (or its file) "
        "'region: ID' (one of "
        f"{', '.join(sorted(sources.REGIONS))}, or a name {{en: ..., zh: ...}}), or cite a "
        "national document among its sources (law-art-N, or an id of kind 'national' in "
        "medbal/i18n/sources.py such as nhsa-2022-22)"
    ]
