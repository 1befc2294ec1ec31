"""Question kinds (medbal.core.kinds): the registry, the date kind's reading and checking
of an answer and its arithmetic of a deadline, and the engine walking date questions."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medbal.core import kinds
from medbal.core.engine import AnswerError, all_paths, always_asked, back, count_paths, walk
from medbal.core.kinds import date
from medbal.core.model import Question, Text
from medbal.files.loader import load_bytes

from dated_trees import DATED

D = datetime.date
TODAY = D(2026, 11, 24)


@pytest.fixture(scope="module")
def tree():
    return load_bytes(DATED.encode(), "dated.yaml")


BORN = Question("born", Text({"en": "Born?", "zh": "出生？"}), kind="date", next="out")


# --- the registry -----------------------------------------------------------------


def test_every_kind_is_a_module_registered_under_its_name():
    assert list(kinds.KINDS) == ["choice", "date"]
    for name, kind in kinds.KINDS.items():
        assert kind.NAME == name and callable(kind.answer) and callable(kind.edges)
        assert all(isinstance(required, bool) for required in kind.FIELDS.values())
    assert kinds.DEFAULT == "choice" and kinds.OWN_FIELDS == ("options", "next", "label", "skip")


def test_a_question_is_a_choice_unless_it_says_otherwise():
    q = Question("q", Text({"en": "Q?", "zh": "问？"}), ())
    assert q.kind == "choice" and kinds.kind_of(q) is kinds.KINDS["choice"]


def test_a_date_question_has_one_edge_whatever_the_day_and_one_without_a_day():
    edge, skipped = kinds.edges(BORN)
    assert (edge.value, edge.next, edge.label) == ("<date>", "out", BORN.text)
    assert (skipped.value, skipped.next) == ("not-sure", "out")
    labelled = Question(
        "b",
        Text({"en": "B?", "zh": "乙？"}),
        kind="date",
        next="x",
        label=Text({"en": "l", "zh": "标"}),
        skip=Text({"en": "s", "zh": "不"}),
    )
    assert [e.label for e in kinds.edges(labelled)] == [
        Text({"en": "l", "zh": "标"}),
        Text({"en": "s", "zh": "不"}),
    ]


def test_no_date_is_an_answer_that_leads_on_to_the_same_place():
    q = Question(
        "b",
        Text({"en": "B?", "zh": "乙？"}),
        kind="date",
        next="x",
        skip=Text({"en": "s", "zh": "不"}),
    )
    option = date.answer(q, "not-sure", TODAY)
    assert (option.value, option.next, option.label) == (
        "not-sure",
        "x",
        Text({"en": "s", "zh": "不"}),
    )
    with pytest.raises(AnswerError, match="or not-sure if you do not know it"):
        date.answer(q, "unknown", TODAY)


# --- reading a date ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ("2026-11-20", D(2026, 11, 20)),
        ("2024-02-29", D(2024, 2, 29)),  # a leap year
        ("2000-02-29", D(2000, 2, 29)),  # divisible by 400: a leap year
        ("1900-01-01", D(1900, 1, 1)),
    ],
)
def test_a_day_that_exists_is_read(text, day):
    assert date.parse(text) == day and date.well_formed(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2025-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-11-00",
    ],
)
def test_a_day_that_does_not_exist_is_none_though_well_formed(text):
    assert date.parse(text) is None and date.well_formed(text)


@pytest.mark.parametrize(
    "text",
    [
        "20261120",
        "2026/11/20",
        "2026-1-5",
        " 2026-11-20",
        "2026-11-20 ",
        "26-11-20",
        "２０２６-１１-２０",
        "2026-11-2x",
        "",
        "2026-11-20T00:00",
        "+2026-11-20",
    ],
)
def test_a_malformed_date_is_none(text):
    assert date.parse(text) is None and not date.well_formed(text)


def test_an_answer_is_the_day_in_iso_form_leading_on():
    option = date.answer(BORN, "2026-11-20", TODAY)
    assert (option.value, option.next) == ("2026-11-20", "out")


@pytest.mark.parametrize(
    "value, key",
    [
        ("2026/11/20", "date_form"),
        ("2026-02-30", "date_no_such_day"),
        ("2026-11-25", "date_future"),  # the day after TODAY
        ("1899-12-31", "date_range"),
    ],
)
def test_a_date_refused_names_the_form_in_both_languages(value, key):
    with pytest.raises(AnswerError) as caught:
        date.answer(BORN, value, TODAY)
    assert caught.value.phrase.key == key and caught.value.exit_code == 2
    # the form in the reader's words: Chinese says 年-月-日, not the letters YYYY-MM-DD
    for lang, form in (("en", "YYYY-MM-DD"), ("zh", "“年-月-日”")):
        assert form in caught.value.text(lang) and value in caught.value.text(lang)
    assert caught.value.text("en").isascii() and not caught.value.text("zh").isascii()


def test_today_itself_is_taken_and_without_a_today_only_the_far_future_is_refused():
    assert date.answer(BORN, "2026-11-24", TODAY).value == "2026-11-24"
    assert date.answer(BORN, "2199-12-31", None).value == "2199-12-31"
    with pytest.raises(AnswerError, match="after today"):
        date.answer(BORN, "2200-01-01", None)


def test_the_messages_say_the_day_refused_and_today():
    with pytest.raises(AnswerError) as caught:
        date.answer(BORN, "2027-01-01", TODAY)
    assert caught.value.text("en") == (
        "'2027-01-01' is after today (24 November 2026): 'born' needs today's date or an "
        "earlier one, written YYYY-MM-DD"
    )
    # a reader of Chinese is shown the question's words, and a day as Chinese writes one
    assert caught.value.text("zh") == (
        "“2027-01-01”晚于今天（2026 年 11 月 24 日）：问题“出生？”（born）请填写今天或更早的"
        "日期，格式为“年-月-日”"
    )


# --- the day a deadline falls on ------------------------------------------------------


@pytest.mark.parametrize(
    "start, amount, unit, due",
    [
        # The example: within 7 days of a transfer on 6 December.
        (D(2026, 12, 6), 7, "day", D(2026, 12, 13)),
        (D(2026, 12, 28), 7, "day", D(2027, 1, 4)),  # over the year's end
        (D(2024, 2, 25), 7, "day", D(2024, 3, 3)),  # through a leap day
        (D(2025, 2, 25), 7, "day", D(2025, 3, 4)),
        (D(2026, 11, 20), 90, "day", D(2027, 2, 18)),  # "many regions: 90 days"
        # Three months of birth: the same day three months on ...
        (D(2026, 11, 20), 3, "month", D(2027, 2, 20)),
        # ... or the month's last day where it has no such day.
        (D(2026, 11, 30), 3, "month", D(2027, 2, 28)),
        (D(2027, 11, 30), 3, "month", D(2028, 2, 29)),  # a leap year's February
        (D(2026, 1, 31), 1, "month", D(2026, 2, 28)),
        (D(2024, 1, 31), 1, "month", D(2024, 2, 29)),
        (D(2026, 8, 31), 1, "month", D(2026, 9, 30)),
        (D(2026, 10, 31), 2, "month", D(2026, 12, 31)),
        (D(2026, 12, 15), 1, "month", D(2027, 1, 15)),
        (D(2026, 3, 15), 12, "month", D(2027, 3, 15)),
        (D(2024, 2, 29), 1, "year", D(2025, 2, 28)),
        (D(2024, 2, 29), 4, "year", D(2028, 2, 29)),
        (D(2026, 11, 20), 1, "year", D(2027, 11, 20)),
    ],
)
def test_a_period_is_counted_as_the_civil_code_counts_one(start, amount, unit, due):
    assert date.due(start, amount, unit) == due


@given(st.dates(date.FIRST, date.LAST), st.integers(1, 1000), st.sampled_from(["month", "year"]))
def test_months_end_on_the_same_day_or_the_months_last(start, amount, unit):
    due = date.due(start, amount, unit)
    months = amount * (12 if unit == "year" else 1)
    assert (due.year - start.year) * 12 + due.month - start.month == months
    last = calendar.monthrange(due.year, due.month)[1]
    assert due.day == min(start.day, last)


@given(st.dates(date.FIRST, date.LAST), st.integers(1, 1000))
def test_days_are_added_and_more_never_ends_sooner(start, amount):
    assert date.due(start, amount, "day") == start + datetime.timedelta(days=amount)
    assert date.due(start, amount, "month") <= date.due(start, amount + 1, "month")


@given(st.integers(1900, 3200), st.integers(1, 12))
def test_the_days_of_a_month_are_the_calendars(year, month):
    assert date.days_in(year, month) == calendar.monthrange(year, month)[1]


# --- the engine with date questions -----------------------------------------------------


def test_a_date_answer_leads_on_and_is_kept_as_given(tree):
    result = walk(tree, {"who": "baby", "born": "2026-11-20"}, TODAY)
    assert result.outcome.id == "newborn"
    assert result.answers() == {"who": "baby", "born": "2026-11-20"}
    assert [a.option.value for a in result.path] == ["baby", "2026-11-20"]


def test_the_engine_stops_at_an_open_date_question(tree):
    result = walk(tree, {"who": "referred"}, TODAY)
    assert result.question.id == "moved" and result.question.kind == "date"


def test_a_bad_date_is_refused_before_anything_is_walked(tree):
    with pytest.raises(AnswerError, match="2026-02-30"):
        walk(tree, {"who": "mother", "born": "2026-02-30"}, TODAY)  # even off the path
    with pytest.raises(AnswerError, match="after today"):
        walk(tree, {"who": "baby", "born": "2026-12-01"}, TODAY)
    assert walk(tree, {"who": "baby", "born": "2026-12-01"}).done  # no today: no such check


def test_a_date_off_the_path_is_dropped_and_back_undoes_a_date(tree):
    result = walk(tree, {"who": "mother", "born": "2026-11-20"}, TODAY)
    assert result.outcome.id == "mother" and result.dropped == {"born": "2026-11-20"}
    answers = {"who": "baby", "born": "2026-11-20"}
    assert back(answers, walk(tree, answers, TODAY)) == ({"who": "baby"}, "2026-11-20")


def test_paths_through_a_date_question_show_it_once_as_a_placeholder(tree):
    paths = [([f"{a.question.id}={a.option.value}" for a in p], o.id) for p, o in all_paths(tree)]
    assert paths == [
        (["who=baby", "born=<date>"], "newborn"),
        (["who=baby", "born=not-sure"], "newborn"),
        (["who=mother"], "mother"),
        (["who=referred", "moved=<date>"], "transfer"),
        (["who=referred", "moved=not-sure"], "transfer"),
    ]
    assert count_paths(tree) == (5, 9)


def test_the_date_questions_asked_on_every_path(tree):
    asked = always_asked(tree, "date")
    assert asked["newborn"] == {"born"} and asked["transfer"] == {"moved"}
    assert asked["mother"] == frozenset() and asked["who"] == frozenset()
