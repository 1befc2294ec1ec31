"""Regional and national rules, apart: what `region:` reads to, and the rule that every
rule of the checklists is one or the other.

A rule that comes from one region says so with `region: ID` (an id of
medbal.i18n.sources.REGIONS, or a name written inline `{en: ..., zh: ...}`, in every
language, by an overlay); a file's or a group's region is the default of what it holds, and
`region: national` says that an entry is not regional where it would otherwise inherit
a region.  A national rule cites a national document (a law article or a document of
kind `national` in the catalogue).

`region` is the field table's reader of the type `region` (medbal.files.fields.READERS)
and of a text's own `region:` (Reader.text).  `unmarked` (regional or national, never
neither) and `known_place` hold for every checked file, loaded, laid as a patch
(medbal.files.crossfile) or cached (medbal.files.invariants): this module imports no
YAML, so a cached file is checked without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from medbal.core.model import LANGS, Category, Checklists, Deadline, Place, Text
from medbal.files.limits import ID_PATTERN
from medbal.i18n import sources, words
from medbal.i18n.suggest import closest

if TYPE_CHECKING:  # a cached file's check needs no YAML: PyYAML only where a file is read
    from yaml.nodes import Node


class Reader(Protocol):
    """What reading a region needs of medbal.files.yamlread.Reader, which calls this module
    for a text's `region:`: named here by its shape, so neither module imports the other."""

    def at(self, node: Node | None, message: str, line: int = 1, col: int = 1) -> None: ...

    def mapping(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Node] | None: ...

    def string(self, node: Node, what: str) -> str | None: ...

    def ident(self, node: Node, what: str) -> str | None: ...


INLINE_ID = "local"  # the id of a region named inline without an `id`
# How a region is named inline, in every language: "{en: ..., zh: ...}".
NAMED_INLINE = "{" + ", ".join(f"{la}: ..." for la in LANGS) + "}"
_ID = re.compile(ID_PATTERN)


def region(r: Reader, node: Node, what: str) -> Place | None:
    """`region: ID`, `region: national` or `region: {en: ..., zh: ..., id: ...}` (a name in
    every language)."""
    from yaml.nodes import MappingNode  # imported already: a file is being read

    if isinstance(node, MappingNode):
        return _inline(r, node, what)
    value = r.ident(node, f"the region of {what}")
    if value is None:
        return None
    place = catalogue_place(value)
    if place is None:
        known = sorted([*sources.REGIONS, sources.NATIONAL])
        best = closest(value, known)
        hint = f"did you mean '{best}'? " if best else ""
        r.at(
            node,
            f"the region of {what} is '{value}', which medbal does not know; {hint}"
            f"expected one of: {', '.join(known)}, or a region named inline as "
            f"{NAMED_INLINE}",
        )
    return place


def _inline(r: Reader, node: Node, what: str) -> Place | None:
    """A region an overlay names itself: its name in every language, and an optional id."""
    f = r.mapping(node, f"the region of {what}", LANGS, ("id",))
    if f is None:
        return None
    names = {la: r.string(f[la], f"the region of {what} ({la})") for la in LANGS if la in f}
    rid = r.ident(f["id"], f"the region id of {what}") if "id" in f else INLINE_ID
    if rid == sources.NATIONAL:
        r.at(f["id"], f"the region of {what} is named inline: its id cannot be 'national'")
        return None
    named = {la: name for la, name in names.items() if name is not None}
    if len(named) < len(LANGS) or rid is None:
        return None
    return Place(named, rid)


# --- what `region:` reads to -----------------------------------------------------------


@functools.cache
def catalogue_place(region_id: str) -> Place | None:
    """The Place `region: ID` reads to: national, or a region of the catalogue, named in
    every language by its words (medbal.i18n.words: REGIONS; national_name)."""
    if region_id == sources.NATIONAL:
        return Place({la: words.of(la).INTERFACE["national_name"] for la in LANGS}, region_id)
    if region_id not in sources.REGIONS:
        return None
    said = {la: words.of(la).REGIONS[region_id] for la in LANGS}
    names = {la: name for la, (name, _) in said.items()}
    return Place(names, region_id, Text({la: rule for la, (_, rule) in said.items()}))


def known_place(place: Place) -> bool:
    """Whether `region:` reads to this: national or the catalogue's own region, or one
    named inline (no rule of the catalogue's, and an id that is not 'national'); for a
    cached entry, which medbal.files.invariants checks as it checks a loaded file."""
    if place == catalogue_place(place.id):
        return True
    return place.rule is None and place.id != sources.NATIONAL and bool(_ID.fullmatch(place.id))


def places_of(c: Checklists) -> list[Place | None]:
    """The regions of a checklists file's entries (those the region rule reads)."""
    out: list[Place | None] = [c.region]
    for cat in c.categories:
        out += [cat.region, *(d.region for d in cat.deadlines)]
    for group in c.guidance:
        out += [group.region, *(item.text.region for item in group.items)]
    return out


# --- the rule: regional or national, never neither ---------------------------------


def unmarked(data: Checklists) -> list[str]:
    """Every category, deadline and guidance item of `data` that has no region (its own,
    or one it inherits) and cites no national document, as FILE:LINE:COL: message: a
    rule of every checklists file, loaded (medbal.files.checklists, a patch laid over its
    base in medbal.files.crossfile) or cached."""
    problems: list[str] = []
    for cat in data.categories:
        place = cat.region or data.region
        what = f"category {cat.number} '{cat.slug}'"
        problems += _judge(cat.dates.where, what, place, cat.sources)
        for d in cat.deadlines:
            problems += _deadline(d, cat, place, what)
    for group in data.guidance:
        wheres = group.item_where
        if len(wheres) != len(group.items):  # not recorded (a group made in code)
            wheres = (f"{data.path}:1:1",) * len(group.items)
        for i, (item, where) in enumerate(zip(group.items, wheres, strict=True), 1):
            place = item.text.region or group.region or data.region
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
        f"{', '.join(sorted(sources.REGIONS))}, or a name {NAMED_INLINE}), or cite a "
        "national document among its sources (law-art-N, or an id of kind 'national' in "
        "medbal/i18n/sources.py such as nhsa-2022-22)"
    ]
