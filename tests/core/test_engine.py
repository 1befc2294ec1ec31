"""The pure engine on a small inline tree: routing, back, change, stale answers."""

import pytest

from medbal.core.engine import AnswerError, all_paths, back, match_option, walk
from medbal.files.loader import load_bytes

from small_trees import VALID
from support import replay


@pytest.fixture(scope="module")
def tree():
    return load_bytes(VALID.encode(), "small.yaml")


def test_no_answers_asks_the_start_question(tree):
    result = walk(tree, {})
    assert result.question.id == "first"
    assert result.outcome is None and result.path == ()


@pytest.mark.parametrize(
    "answers, outcome",
    [
        ({"first": "no"}, "done-no"),
        ({"first": "yes", "second": "bee"}, "done-b"),
        ({"first": "yes", "second": "a", "third": "x"}, "done-x"),
        ({"first": "yes", "second": "a", "third": "on"}, "done-b"),
    ],
)
def test_answers_lead_to_their_outcome(tree, answers, outcome):
    result = walk(tree, answers)
    assert result.done and result.outcome.id == outcome
    assert result.answers() == answers


def test_partial_answers_stop_at_the_next_open_question(tree):
    result = walk(tree, {"first": "yes"})
    assert result.question.id == "second"
    assert [a.question.id for a in result.path] == ["first"]


def test_answers_off_the_path_are_dropped_and_reported(tree):
    result = walk(tree, {"first": "no", "second": "a", "third": "x"})
    assert result.outcome.id == "done-no"
    assert result.dropped == {"second": "a", "third": "x"}
    assert result.answers() == {"first": "no"}


def test_changing_one_answer_keeps_the_rest_where_still_on_the_path(tree):
    answers = {"first": "yes", "second": "bee", "third": "x"}
    assert walk(tree, answers).outcome.id == "done-b"
    answers["second"] = "a"  # third is on the path again and is reused
    assert walk(tree, answers).outcome.id == "done-x"


def test_back_removes_the_last_answer_on_the_path_and_returns_it(tree):
    answers = {"first": "yes", "second": "a", "third": "x"}
    result = walk(tree, answers)
    kept, previous = back(answers, result)
    assert previous == "x" and kept == {"first": "yes", "second": "a"}
    assert walk(tree, kept).question.id == "third"


def test_back_at_the_first_question_changes_nothing(tree):
    result = walk(tree, {})
    assert back({}, result) == ({}, None)


def test_unknown_question_names_the_valid_ids(tree):
    with pytest.raises(AnswerError, match="no question 'fourth'.*first, second, third"):
        walk(tree, {"fourth": "a"})


def test_invalid_value_names_the_valid_values(tree):
    with pytest.raises(AnswerError, match="'maybe' is not an answer to 'first'.*yes, no"):
        walk(tree, {"first": "maybe"})


def test_yes_and_on_stay_strings(tree):
    assert [o.value for o in tree.questions["first"].options] == ["yes", "no"]
    assert tree.questions["third"].options[1].value == "on"


@pytest.mark.parametrize(
    "entry, value",
    [
        ("1", "yes"),
        ("2", "no"),
        ("no", "no"),
        (" YES ", "yes"),
        ("3", None),
        ("0", None),
        ("maybe", None),
    ],
)
def test_match_option_takes_a_number_or_a_value(tree, entry, value):
    option = match_option(tree.questions["first"], entry)
    assert (option.value if option else None) == value


def test_all_paths_lists_each_route_once(tree):
    routes = [([a.option.value for a in path], out.id) for path, out in all_paths(tree)]
    assert routes == [
        (["yes", "a", "x"], "done-x"),
        (["yes", "a", "on"], "done-b"),
        (["yes", "bee"], "done-b"),
        (["no"], "done-no"),
    ]
    for path, out in all_paths(tree):  # replaying any path gives its outcome
        answers = replay(path)
        assert walk(tree, answers).outcome == out
