"""Warnings for rules that may be out of date: past their review window or validity.

Warnings never fail validation: they tell the people who keep trees/ what to
re-check, at FILE:LINE:COL of the entry.
"""

from __future__ import annotations

import datetime

from medbal.core.model import Checklists, Rates, Tree


def add_months(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    # The 31st plus one month is the last day of the shorter month.
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def warnings(loaded: Tree | Checklists | Rates, as_of: datetime.date) -> list[str]:
    if isinstance(loaded, Tree):
        entries = [(f"outcome '{o.id}'", o.dates) for o in loaded.outcomes.values()]
    elif isinstance(loaded, Rates):
        entries = [(f"region '{r.id}'", r.dates) for r in loaded.regions.values()]
    else:
        entries = [(f"category {c.number} ({c.slug})", c.dates) for c in loaded.categories]
    file = loaded.review
    out: list[str] = []
    # Entries without a date of their own rest on the file's: one warning for them all.
    relying = [what for what, d in entries if d.reviewed is None]
    if relying and _stale(file.reviewed, file.months, as_of):
        out.append(
            f"{file.where}: warning: this file was last reviewed on {file.reviewed}, "
            f"more than {file.months} months before {as_of}; check its "
            f"{len(relying)} entries against the current rules"
        )
    for what, d in entries:
        if _stale(d.reviewed, file.months, as_of):
            out.append(
                f"{d.where}: warning: {what} was last reviewed on {d.reviewed}, more "
                f"than {file.months} months before {as_of}; check it against the "
                "current rules"
            )
        if d.valid_until is not None and d.valid_until < as_of:
            out.append(
                f"{d.where}: warning: {what} was valid until {d.valid_until}, before "
                f"{as_of}; update or remove it"
            )
        if d.valid_from is not None and d.valid_from > as_of:
            out.append(
                f"{d.where}: warning: {what} applies only from {d.valid_from}, after {as_of}"
            )
    return out


def _stale(reviewed: datetime.date | None, months: int, as_of: datetime.date) -> bool:
    return reviewed is not None and add_months(reviewed, months) < as_of
