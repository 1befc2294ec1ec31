"""What the builders of every file kind share: a field read only when it is there, and
the dates a rule carries (medbal.core.review warns when they pass).

Kept apart from medbal.files.loader so that the builders (checklists, patch, rates)
import it rather than the loader, and the loader imports them: no cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from yaml.nodes import Node

from medbal.core.model import Dates, Review
from medbal.files.spec import bounds
from medbal.files.yamlread import Reader

T = TypeVar("T")
Fields = dict[str, Node]


def get(f: Fields, key: str, read: Callable[[Node], T]) -> T | None:
    """`read(node)` of a field that is there, else None (its absence is reported elsewhere)."""
    return read(f[key]) if key in f else None


def review(r: Reader, f: Fields, root_where: str) -> Review:
    """A file's own review date and window (see medbal.core.review)."""
    return Review(
        where=r.where(f["reviewed"]) if "reviewed" in f else root_where,
        reviewed=r.date(f["reviewed"], "'reviewed'") if "reviewed" in f else None,
        months=r.integer(f["review_months"], "'review_months'", *bounds("rates", "review_months"))
        or 12
        if "review_months" in f
        else 12,
    )


def dates(r: Reader, f: Fields, node: Node, what: str) -> Dates:
    """The optional reference and dates of an outcome or a category."""
    return Dates(
        where=r.where(node),
        reference=r.text(f["reference"], f"the reference of {what}") if "reference" in f else None,
        reviewed=r.date(f["reviewed"], f"'reviewed' of {what}") if "reviewed" in f else None,
        valid_from=r.date(f["valid_from"], f"'valid_from' of {what}")
        if "valid_from" in f
        else None,
        valid_until=r.date(f["valid_until"], f"'valid_until' of {what}")
        if "valid_until" in f
        else None,
    )
