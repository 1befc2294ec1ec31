"""The `date` kind: a question that asks for a day (the baby's date of birth, the day
of a transfer) and leads on to `next`.  An answer is an ISO date, `--answer
born=2026-11-20`: a day that exists, from FIRST to today.  An outcome counts its
deadline from it (`due`, below).

A person who does not know the day, or would rather not give it, answers SKIP
(`--answer born=not-sure`, worded by the question's `skip`) and goes on to the same
place: the outcome then says its deadline in words, with no day counted.  Nobody is
stopped at a date.
"""

from __future__ import annotations

import datetime

from medbal.core.errors import Day, refused
from medbal.core.model import Option, Question

NAME = "date"
FIELDS = {"next": True, "label": False, "skip": True}
FORMAT = "YYYY-MM-DD"  # named in every message about a date
EXAMPLE = "2026-11-20"
# How a path through a date question shows its answer (`tree paths`: born=<date>).
PLACEHOLDER = "<date>"
# The answer that gives no date ("I do not know the date, or would rather not say"): the
# value every tree's "not sure" options have, so a script writes what it writes elsewhere.
SKIP = "not-sure"
# The earliest day an answer may be: a birth or a transfer, never before it; the latest
# is today (a deadline counts from something that has happened), else LAST.
FIRST = datetime.date(1900, 1, 1)
LAST = datetime.date(2199, 12, 31)


def edges(q: Question) -> tuple[Option, ...]:
    """Two edges to the same place: a day (the placeholder, labelled with what the date
    is), and no day (SKIP, labelled with the question's `skip`)."""
    return (Option(PLACEHOLDER, q.label or q.text, q.next or ""), _skipped(q))


def _skipped(q: Question) -> Option:
    return Option(SKIP, q.skip or q.text, q.next or "")


def parse(text: str) -> datetime.date | None:
    """`YYYY-MM-DD` as a day, or None: four, two and two ASCII digits ("２０２６" and
    "20261120" are not read) that name a day that exists (2026-02-30 does not)."""
    if not well_formed(text):
        return None
    try:
        return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        return None


def well_formed(text: str) -> bool:
    """Whether `text` has the shape of a date, a day that exists or not."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text.isascii() and text[4] == text[7] == "-" and digits.isdigit()


def answer(q: Question, value: str, today: datetime.date | None) -> Option:
    """The day as the option it takes: its ISO form, leading to `next`; SKIP, no day.
    Refused with the format named: a malformed date, a day that does not exist, one
    before FIRST, and one after `today` (after LAST when no day is given)."""
    if value == SKIP:
        return _skipped(q)
    day = parse(value)
    if day is None and well_formed(value):
        raise refused("date_no_such_day", q, value, form=FORMAT, example=EXAMPLE)
    if day is None:  # not even a date's shape: perhaps a person without the date
        raise refused("date_form", q, value, form=FORMAT, example=EXAMPLE, skip=SKIP)
    latest = LAST if today is None else today
    if day > latest:
        raise refused("date_future", q, value, today=Day(latest.isoformat()), form=FORMAT)
    if day < FIRST:
        raise refused("date_range", q, value, first=Day(FIRST.isoformat()), form=FORMAT)
    return Option(day.isoformat(), q.label or q.text, q.next or "")


# --- a deadline counted from a date ------------------------------------------------


def due(start: datetime.date, amount: int, unit: str) -> datetime.date:
    """The last day of a period of `amount` units (day, month or year) from `start`,
    counted as Chinese law counts one (民法典 第二百零一条、第二百零二条):

    - the day of the event itself is not counted: 7 days from a transfer on 6 December
      end on 13 December;
    - months and years are calendar ones: the period ends on the day with the same number
      (3 months from 20 November: 20 February), or, where that month has no such day,
      on its last day (3 months from 30 November: 28 February, or 29 in a leap year;
      a year from 29 February: 28 February).

    A last day that falls on a public holiday moves to the next working day (第二百零三条):
    not counted here, so an outcome's date always says to confirm locally.
    """
    if unit == "day":
        return start + datetime.timedelta(days=amount)
    months = amount * 12 if unit == "year" else amount
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return datetime.date(year, month, min(start.day, days_in(year, month)))


def days_in(year: int, month: int) -> int:
    """The days of a month (the calendar module would cost an import for one number)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
