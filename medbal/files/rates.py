"""The regional rates file (`kind: rates`) behind `medbal estimate`."""

from __future__ import annotations

from decimal import Decimal

from yaml.nodes import Node

from medbal.core.model import Band, RateItem, Rates, Region
from medbal.files.fields import dates, review
from medbal.files.spec import names
from medbal.files.yamlread import Reader

HUNDRED = Decimal(100)


def rates(r: Reader, f: dict[str, Node]) -> Rates | None:
    required, _ = names("rates")
    if any(k not in f for k in required):
        return None  # reported by Reader.mapping
    regions: dict[str, Region] = {}
    for node in r.items(f["regions"], "regions"):
        region = _region(r, node)
        if region is None:
            continue
        if region.id in regions:
            r.at(node, f"region '{region.id}' appears twice, region ids must be unique")
        regions[region.id] = region
    default = r.ident(f["default_region"], "'default_region'")
    if default is not None and regions and default not in regions:
        r.at(
            f["default_region"],
            f"'default_region' names '{default}', which is not one of "
            f"the regions: {', '.join(regions)}",
        )
    rates_id = r.ident(f["id"], "the id")
    title = r.text(f["title"], "the title")
    file_review = review(r, f, f"{r.path}:1:1")
    if r.problems or rates_id is None or title is None or default is None:
        return None
    return Rates(
        id=rates_id,
        title=title,
        default_region=default,
        regions=regions,
        path=r.path,
        review=file_review,
    )


def _region(r: Reader, node: Node) -> Region | None:
    # Every field is read (so one bad field hides no other problem), then the region is
    # built only if each required one came out whole: the decision-tree loader's style.
    f = r.mapping(node, "a region", *names("region"))
    required, _ = names("region")
    if f is None or any(k not in f for k in required):
        return None
    rid = r.ident(f["id"], "a region id")
    what = f"region '{rid}'" if rid else "a region"
    name = r.text(f["name"], f"the name of {what}")
    applies_to = r.text(f["applies_to"], f"'applies_to' of {what}")
    bands = _bands(r, f["bands"], what)
    reading = r.text(f["reading"], f"the reading of {what}")
    sources = r.sources(f["sources"], what)
    threshold = r.decimal(f["threshold"], f"the threshold of {what}") if "threshold" in f else None
    cap = r.decimal(f["cap"], f"the cap of {what}") if "cap" in f else None
    items = _items(r, f["items"], what) if "items" in f else ()
    region_dates = dates(r, f, node, what)
    if rid is None or name is None or applies_to is None or reading is None:
        return None
    return Region(
        id=rid,
        name=name,
        applies_to=applies_to,
        bands=bands,
        reading=reading,
        sources=sources,
        threshold=threshold,
        cap=cap,
        items=items,
        dates=region_dates,
    )


def _bands(r: Reader, node: Node, what: str) -> tuple[Band, ...]:
    bands: list[Band] = []
    items = r.items(node, f"the bands of {what}")
    for i, item in enumerate(items):
        f = r.mapping(item, f"a band of {what}", *names("band"))
        if f is None or "rate" not in f:
            continue
        last = i == len(items) - 1
        up_to = r.decimal(f["up_to"], f"'up_to' of a band of {what}") if "up_to" in f else None
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
        rate = r.decimal(f["rate"], f"the rate of a band of {what}", HUNDRED)
        if rate is not None:
            bands.append(Band(up_to, rate))
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
    if f is None or len(f) < 3:
        return None
    item_id = r.ident(f["id"], f"an item id of {what}")
    label = r.text(f["label"], f"an item label of {what}")
    rate = r.decimal(f["rate"], f"the rate of an item of {what}", HUNDRED)
    return RateItem(item_id, label, rate) if item_id and label and rate is not None else None
