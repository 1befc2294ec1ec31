"""A deadline as every view shows it, and the day one counted from a date falls on.

A checklist's deadline says whose rule it is (`deadline_view`); an outcome whose `due`
counts a deadline from a date the person gave says the day (`due_view`), with the
deadline's words as its checklist has them, so that a page can show that deadline once;
the web page gets the same words with a stand-in day to count itself (`due_rule`).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, TypedDict

from medbal.i18n.catalogue import msg
from medbal.i18n.typeset import tidy, written_date
from medbal.present.tags import PlaceView, place_view, tagged
from medbal.present.tags import text_in as _s
from medbal.present.tags import text_or_none as _t

if TYPE_CHECKING:
    from medbal.core.engine import Result
    from medbal.core.model import Checklists, Deadline, Outcome, Place


class DeadlineView(TypedDict):
    kind: str
    text: str
    amount: int | None
    unit: str | None
    event: str | None
    region: PlaceView | None


def deadline_view(d: Deadline, lang: str, at: Place | None) -> DeadlineView:
    """A deadline says whose it is: its region's tag always (the sheet's region or not),
    "national rule" on one region's sheet.  "Not stated" is no rule: no region of its own."""
    place = d.region if d.kind == "not-stated" else d.region or at
    context = None if place is not None and place.regional else at
    return {
        "kind": d.kind,
        "text": tidy(tagged(_s(d.text, lang, place), place, context, lang), lang),
        "amount": d.amount,
        "unit": d.unit,
        "event": _t(d.event, lang, place),
        "region": place_view(place, lang),
    }


class DueView(TypedDict):
    """The keys of an outcome about a deadline counted from an answer (OutcomeView)."""

    due: str | None
    due_passed: bool | None
    due_text: str | None
    due_rule: str | None
    due_late: str | None


NO_DUE: DueView = {
    "due": None,
    "due_passed": None,
    "due_text": None,
    "due_rule": None,
    "due_late": None,
}


def _counted(o: Outcome, checklists: Checklists | None) -> tuple[Deadline, Place | None] | None:
    """The deadline an outcome's `due` counts, and whose rule it is (its own region, else
    its category's, else the file's); None where there is none."""
    if o.due is None or checklists is None:
        return None
    found = checklists.named_deadline(o.checklists, o.due.deadline)
    if found is None or found[1].amount is None or found[1].unit is None:
        return None  # medbal tree validate says so: the loaded trees have none such
    cat, d = found
    return d, d.region or cat.region or checklists.region


def due_view(
    result: Result, checklists: Checklists | None, today: datetime.date | None, lang: str
) -> DueView:
    """The day an outcome's deadline falls on, counted from the date answered (its `due`:
    medbal.core.kinds.date.due), said with the deadline's region; whether it has passed
    on `today`, and then what is still possible.  NO_DUE where there is none."""
    o = result.outcome
    counted = _counted(o, checklists) if o is not None else None
    if o is None or o.due is None or counted is None:
        return NO_DUE
    from medbal.core.kinds import date as date_kind  # only where a due date is counted

    d, place = counted
    start = date_kind.parse(result.answers().get(o.due.question, ""))
    if start is None or d.amount is None or d.unit is None:
        return NO_DUE  # no answer: an outcome shown on its own (the web page's)
    day = date_kind.due(start, d.amount, d.unit)
    passed = today is not None and day < today
    written = written_date(day.year, day.month, day.day, lang)
    return {
        "due": day.isoformat(),
        "due_passed": passed,
        "due_text": due_words(written, passed, place, o.region, lang),
        "due_rule": _rule(d, place, lang),
        "due_late": _s(o.due.late, lang, o.region) if passed else None,
    }


# A day no due date is: its written form stands for the day in due_rule's words, which
# are formatted and spaced as a real day's are (a front end writes the day in its place).
STAND_IN = datetime.date(1900, 1, 1)


def due_rule(o: Outcome, checklists: Checklists | None, lang: str) -> dict[str, Any] | None:
    """An outcome's `due` for a front end that counts the day itself (the web page): the
    date question, the deadline's amount and unit, and its words in `lang` with STAND_IN
    written (`day`) where the day goes, before the day (`by`) and once it has passed
    (`passed`, `late`).  None where the outcome has no due."""
    counted = _counted(o, checklists)
    if o.due is None or counted is None:
        return None
    d, place = counted
    day = written_date(STAND_IN.year, STAND_IN.month, STAND_IN.day, lang)
    return {
        "question": o.due.question,
        "amount": d.amount,
        "unit": d.unit,
        "day": day,
        "rule": _rule(d, place, lang),
        "by": due_words(day, False, place, o.region, lang),
        "passed": due_words(day, True, place, o.region, lang),
        "box_by": due_words(day, False, None, None, lang),
        "box_passed": due_words(day, True, None, None, lang),
        "late": _s(o.due.late, lang, o.region),
    }


def _rule(d: Deadline, place: Place | None, lang: str) -> str:
    """The deadline counted, with whose rule it is, word for word as its checklist says
    it: a regional number is never shown without its region, and an outcome's page shows
    this deadline once, in its box (medbal.present.pages.outcome_page)."""
    return deadline_view(d, lang, place)["text"]


def box_words(due: str, passed: bool, lang: str) -> str:
    """The day in an outcome's box, under the rule it counts: the rule names its region
    right above, so the day does not say it again (due_text, shown on its own, does)."""
    day = datetime.date.fromisoformat(due)
    return due_words(written_date(day.year, day.month, day.day, lang), passed, None, None, lang)


def due_words(written: str, passed: bool, place: Place | None, at: Place | None, lang: str) -> str:
    """ "By 13 December 2026 (Xiamen rule; confirm locally)", or that the day has passed;
    the tag where the rule's region is not the outcome's (`at`)."""
    if passed:
        return tidy(msg("due_passed", lang, date=tagged(written, place, at, lang)), lang)
    return tidy(tagged(msg("due_by", lang, date=written), place, at, lang), lang)
