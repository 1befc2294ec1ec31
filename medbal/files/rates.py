"""The regional rates file (`kind: rates`) behind `medbal estimate`."""

from __future__ import annotations

from yaml.nodes import Node

from medbal.core.model import Band, RateItem, Rates, Region
from medbal.files.fields import complete, dates, get, of, read_values, review
from medbal.files.spec import names
from medbal.files.yamlread import Reader


def rates(r: Reader, f: dict[str, Node]) -> Rates | None:
    v = read_values(r, f, "rates", "")
    regions: dict[str, Region] = {}
    for node in r.items(f["regions"], "regions") if "regions" in f else ():
        region = _region(r, node)
        if region is None:
            continue
        if region.id in regions:
            r.at(node, f"region '{region.id}' appears twice, region ids must be unique")
        regions[region.id] = region
    default = v.get("default_region")
    if default is not None and regions and default not in regions:
        r.at(
            f["default_region"],
            f"'default_region' names '{default}', which is not one of "
            f"the regions: {', '.join(regions)}",
        )
    file_review = review(r, f, f"{r.path}:1:1")
    if r.problems or not complete(v, "rates") or "regions" not in f:
        return None
    return of(Rates, v, regions=regions, path=r.path, review=file_review)


def _region(r: Reader, node: Node) -> Region | None:
    # Every field is read (so one bad field hides no other problem), then the region is
    # built only if each required one came out whole: the decision-tree loader's style.
    f = r.mapping(node, "a region", *names("region"))
    if f is None:
        return None
    rid = get(f, "id", lambda n: r.ident(n, "a region id"))  # names it in other messages
    what = f"region '{rid}'" if rid else "a region"
    v = read_values(r, {k: n for k, n in f.items() if k != "id"}, "region", what)
    bands = _bands(r, f["bands"], what) if "bands" in f else ()
    items = _items(r, f["items"], what) if "items" in f else ()
    if rid is None or not complete(v, "region", given=("id",)) or "bands" not in f:
        return None
    return of(Region, v, id=rid, bands=bands, items=items, dates=dates(r, v, node))


def _bands(r: Reader, node: Node, what: str) -> tuple[Band, ...]:
    bands: list[Band] = []
    items = r.items(node, f"the bands of {what}")
    for i, item in enumerate(items):
        f = r.mapping(item, f"a band of {what}", *names("band"))
        if f is None or "rate" not in f:
            continue
        last = i == len(items) - 1
        v = read_values(r, f, "band", f"a band of {what}")
        up_to = v.get("up_to")
        if last and up_to is not None:
            r.at(f["up_to"], f"the last band of {what} should have no 'up_to': it runs to the cap")
        elif not last and up_to is None:
            r.at(item, f"a band of {what} other than the last needs 'up_to'")
        elif (
            up_to is not None and bands and bands[-1].up_to is not None and up_to <= bands[-1].up_to
        ):
            r.at(
                f["up_to"],
                f"'up_to' of a band of {what} should be above the band before "
                f"it ({bands[-1].up_to})",
            )
        if "rate" in v:
            bands.append(of(Band, v, up_to=up_to))
    return tuple(bands)


def _items(r: Reader, node: Node, what: str) -> tuple[RateItem, ...]:
    """A region's items, each id once: the estimate looks an item up by its id."""
    out: dict[str, RateItem] = {}
    for n in r.items(node, f"the items of {what}"):
        item = _item(r, n, what)
        if item is not None and item.id in out:
            r.at(n, f"item '{item.id}' appears twice in {what}, item ids must be unique")
        elif item is not None:
            out[item.id] = item
    return tuple(out.values())


def _item(r: Reader, node: Node, what: str) -> RateItem | None:
    f = r.mapping(node, f"an item of {what}", *names("item"))
    if f is None:
        return None
    v = read_values(r, f, "item", f"an item of {what}")
    return of(RateItem, v) if complete(v, "item") else None
