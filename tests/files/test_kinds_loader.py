"""A question's kind in the files: the fields each kind has, where a date question
leads, an outcome's `due` (its date question on every path, a deadline of its category
by id), deadline ids, the cache and the schema."""

from __future__ import annotations

import pytest

from medbal.core.errors import TreeError
from medbal.core.model import Due, Question, Text, replace
from medbal.files import crossfile, invariants
from medbal.files.loader import load_bytes
from medbal.files.readtree import load_file
from medbal.files.registry import checklists_for, load_tree
from medbal.files.schema import json_schema

from dated_trees import DATED, FOLDER, PATCH
from support import a_tree


def problems(text: str, name: str = "t.yaml") -> list[str]:
    with pytest.raises(TreeError) as info:
        load_bytes(text.encode(), name)
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_the_dated_tree_loads_with_its_kinds_and_dues():
    tree = a_tree(load_bytes(DATED.encode(), "dated.yaml"))
    born = tree.questions["born"]
    assert (born.kind, born.next, born.options) == ("date", "newborn", ())
    assert born.label == Text({"en": "the baby's date of birth", "zh": "孩子的出生日期"})
    assert tree.questions["who"].kind == "choice" and tree.questions["moved"].label is None
    due = tree.outcomes["newborn"].due
    assert (due.question, due.deadline) == ("born", "enrol")
    assert due.late.get("en").startswith("Enrol the baby now") and due.where.endswith(
        f":{line_of(DATED, '    due:') + 1}:7"
    )
    assert tree.outcomes["mother"].due is None
    assert invariants.problems(tree) == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "    next: newborn\n",
            "    next: newborn\n    options: [{value: a, label: {en: A, zh: 甲}, next: mother}]\n",
            "question 'born' is a date question, which has no 'options' (its own: next, label, "
            "skip)",
        ),
        (
            "    kind: date\n    text: {en: When was the baby born?",
            "    kind: dates\n    text: {en: When was the baby born?",
            "the kind of question 'born' should be one of choice, date, got 'dates'",
        ),
        ("    next: newborn\n", "", "question 'born' is a date question and is missing 'next'"),
        (
            "    skip: {en: I do not know the date, zh: 不清楚日期}\n",
            "",
            "question 'born' is a date question and is missing 'skip'",
        ),
        (
            "  who:\n    text: {en: Whose bills?, zh: 谁的费用？}\n",
            "  who:\n    text: {en: Whose bills?, zh: 谁的费用？}\n    skip: {en: No, zh: 不}\n",
            "question 'who' is a choice question, which has no 'skip' (its own: options)",
        ),
        (
            "    next: newborn\n",
            "    next: nowhere\n",
            "'next' of question 'born' names 'nowhere', which is not a question or outcome",
        ),
        (
            "  who:\n    text: {en: Whose bills?, zh: 谁的费用？}\n",
            "  who:\n    text: {en: Whose bills?, zh: 谁的费用？}\n    next: mother\n",
            "question 'who' is a choice question, which has no 'next' (its own: options)",
        ),
    ],
)
def test_a_question_has_its_kinds_fields_and_no_others(old, new, expected):
    assert old in DATED
    found = problems(DATED.replace(old, new, 1))
    assert any(expected in p for p in found), found


def test_a_choice_question_without_options_is_named_as_a_choice():
    text = DATED.replace(
        "    options:\n      - {value: baby, label: {en: The baby's, zh: 孩子的}, next: born}\n"
        "      - {value: mother, label: {en: The mother's, zh: 母亲的}, next: mother}\n"
        "      - {value: referred, label: {en: I was referred, zh: 我是转诊的}, next: moved}\n",
        "",
    )
    found = problems(text)
    assert any(
        p.startswith(
            f"t.yaml:{line_of(text, '  who:') + 1}:5: question 'who' is a choice "
            "question and is missing 'options'"
        )
        for p in found
    ), found


def test_a_due_counts_from_a_date_question():
    text = DATED.replace("      question: born\n", "      question: who\n")
    (problem,) = problems(text)
    assert problem == (
        f"t.yaml:{line_of(text, '      question: who')}:7: the 'due' of outcome 'newborn' "
        "counts from 'who', which is not a date question of this tree; its date questions: "
        "born, moved"
    )


def test_a_due_counts_from_a_date_asked_on_every_path_to_it():
    # A new answer ends at "newborn" without asking the date of birth.
    text = DATED.replace(
        "{value: mother, label: {en: The mother's, zh: 母亲的}, next: mother}",
        "{value: mother, label: {en: The mother's, zh: 母亲的}, next: mother}\n"
        "      - {value: other, label: {en: Other, zh: 其他}, next: newborn}",
    )
    found = problems(text)
    assert any(
        "the 'due' of outcome 'newborn' counts from 'born', but a path to the outcome does "
        "not ask it" in p
        for p in found
    ), found


def test_a_due_needs_the_outcomes_checklist():
    text = DATED.replace("    checklist: 11\n", "")
    (problem,) = problems(text)
    assert "names deadline 'enrol' of a category, but the outcome names no 'checklist'" in problem


def test_a_due_is_whole():
    text = DATED.replace("      deadline: enrol\n", "")
    found = problems(text)
    assert any("'due' of outcome 'newborn' is missing 'deadline'" in p for p in found), found


# --- against the checklists ---------------------------------------------------------


def test_the_deadline_a_due_names_is_one_of_its_categorys(checklists):
    tree = a_tree(load_bytes(DATED.encode(), "dated.yaml"))
    assert crossfile.checklist_problems(tree, checklists) == []  # the shipped ids: enrol, ...
    # Checklists whose deadlines have no ids: both dues name none.
    bare = replace(
        checklists,
        categories=tuple(
            replace(c, deadlines=tuple(replace(d, id=None) for d in c.deadlines))
            for c in checklists.categories
        ),
    )
    found = crossfile.checklist_problems(tree, bare)
    assert len(found) == 2 and all("its deadline ids: none" in p for p in found)
    assert found[0].startswith(tree.outcomes["newborn"].due.where)
    assert "names deadline 'enrol', which category 11 of" in found[0]
    patched = load_tree("dated", FOLDER)
    data = checklists_for(patched, FOLDER)
    assert data is not None and crossfile.checklist_problems(patched, data) == []


def test_a_due_names_a_deadline_that_counts_units_from_an_event():
    tree = load_tree("dated", FOLDER)
    data = checklists_for(tree, FOLDER)
    assert data is not None
    cat = data.find("1")
    assert cat is not None
    ruled = replace(cat, deadlines=tuple(replace(d, amount=None, unit=None) for d in cat.deadlines))
    bad = replace(data, categories=tuple(ruled if c is cat else c for c in data.categories))
    (problem,) = crossfile.checklist_problems(tree, bad)
    assert "names deadline 'urgent-filing', which counts no amount of days" in problem
    two = replace(tree.outcomes["transfer"], checklists=(1, 11))
    eleven = data.find("11")
    assert eleven is not None
    twice = replace(eleven, deadlines=(replace(eleven.deadlines[0], id="urgent-filing"),))
    both = replace(data, categories=tuple(twice if c is eleven else c for c in data.categories))
    tree2 = replace(tree, outcomes={**tree.outcomes, "transfer": two})
    assert any("found in two categories" in p for p in crossfile.checklist_problems(tree2, both))


def test_a_deadline_id_is_given_once_in_a_category(write):
    text = PATCH.replace("      - kind: after\n", "      - id: enrol\n        kind: after\n")
    path = write("reimbursement.yaml", text)
    with pytest.raises(TreeError) as info:
        load_bytes(path.read_bytes(), str(path))
    # A patch's own problems come from its builder; the category's deadlines are read there.
    (problem,) = info.value.problems
    assert problem == (
        f"{path}:{line_of(text, '        kind: after') - 1}:9: deadline id 'enrol' appears "
        "twice in the changes to category 'newborn'"
    )


def test_the_patch_gives_the_checklists_deadline_ids():
    data = checklists_for(load_tree("dated", FOLDER), FOLDER)
    found = data.named_deadline((11,), "enrol")
    assert found is not None and (found[1].amount, found[1].unit) == (3, "month")
    assert data.named_deadline((1,), "enrol") is None
    assert data.named_deadline((1, 11), "urgent-filing")[0].number == 1


# --- a checked model, however it was made ---------------------------------------------


def test_a_cached_tree_holds_the_rules_of_kinds():
    tree = a_tree(load_bytes(DATED.encode(), "dated.yaml"))
    born = tree.questions["born"]
    opts = tree.questions["who"].options
    for broken in (
        replace(born, options=opts),  # a date question with options
        replace(born, kind="dates"),  # a kind medbal lacks
        replace(born, next="nowhere"),  # leading out of the tree
        replace(tree.questions["who"], next="mother"),  # a choice with a date's field
    ):
        bad = replace(tree, questions={**tree.questions, broken.id: broken})
        assert invariants.problems(bad) != [], broken
    undated = replace(
        tree.outcomes["mother"], due=Due("born", "enrol", Text({"en": "a", "zh": "甲"}))
    )
    bad = replace(tree, outcomes={**tree.outcomes, "mother": undated})
    assert invariants.problems(bad) == [
        "outcome 'mother' counts its date from 'born', not asked on every path"
    ]


def test_the_dated_files_load_and_cache_as_any_other():
    first = load_file(FOLDER / "dated.yaml")
    again = load_file(FOLDER / "dated.yaml")  # from the cache
    assert first == again and again.questions["born"].kind == "date"


def test_the_schema_gives_each_kind_its_fields():
    question = json_schema("decision-tree")["definitions"]["question"]
    assert question["properties"]["kind"]["enum"] == ["choice", "date"]
    assert question["required"] == ["text"]
    choice, date = question["allOf"]
    assert choice["then"]["required"] == ["options"]
    assert date["if"]["properties"]["kind"] == {"const": "date"}
    assert date["then"] == {
        "required": ["next", "skip"],
        "not": {"anyOf": [{"required": ["options"]}]},
    }
    due = json_schema("decision-tree")["definitions"]["due"]
    assert due["required"] == ["question", "deadline", "late"]
    assert "id" in json_schema("checklists")["definitions"]["deadline"]["properties"]


def test_a_question_record_is_positional_as_before():
    q = Question("q", Text({"en": "Q?", "zh": "问？"}), ())
    assert (q.kind, q.next, q.label) == ("choice", None, None)
