"""The interactive session as a pure machine: every key and edge, with no terminal.

The small tree (tests/small_trees.py):
    first --yes--> second --a--> third --x--> done-x
      |              |             '--on--> done-b
      '--no--> done-no '--bee--> done-b
"""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medbal.present.tty
from medbal.api import Session
from medbal.core.engine import AnswerError, walk
from medbal.core.kinds import kind_of
from medbal.files.loader import load_bytes
from medbal.files.readtree import load_file
from medbal.present.session import (
    AskQuestion,
    Hint,
    Prompt,
    Quit,
    ShowChecklist,
    ShowHelp,
    ShowOutcome,
    ShowTitle,
    State,
    normalize_key,
    start,
    step,
)
from medbal.present.views import diagnose_view

from dated_trees import FOLDER
from fuzzing import examples
from small_trees import VALID
from support import ROOT, TREES, a_tree

KEYS = "Type a number, or ? help, b back, r restart, q quit"
KEYS_END = "Type an answer's number to change it, r to restart, or q to quit"
D_SHOWS = "; d shows the documents to bring"


@pytest.fixture(scope="module")
def small():
    return Session(a_tree(load_bytes(VALID.encode(), "small.yaml")), lang="en", ref="small.yaml")


@pytest.fixture(scope="module")
def which(checklists):
    talk = Session(
        a_tree(load_file(TREES / "which-category.yaml")), lang="en", ref="which-category"
    )
    assert talk.checklists == checklists  # the shipped checklists, found as the CLI finds them
    return talk


def keys(ctx, *typed, answers=None):
    """Start, then type each key: the last state and the events of the last key."""
    state, events = start(ctx, answers)
    for key in typed:
        state, events = step(ctx, state, key)
    return state, events


def kinds(events):
    return [type(e).__name__ for e in events]


# --- the start ------------------------------------------------------------------------


def test_start_shows_the_title_and_asks_the_first_question(small):
    state, events = start(small, {})
    assert kinds(events) == ["ShowTitle", "AskQuestion", "Prompt"]
    title, ask, prompt = events
    assert title == ShowTitle("Small", None, "en")
    assert ask.view["id"] == "first" and ask.number == 1 and ask.default is None
    assert prompt == Prompt(KEYS + "\n> ")
    assert state == State(answers={}, remembered={}, shown="first")


def test_start_shows_the_description_when_the_tree_has_one(zero_tree):
    _, events = start(Session(zero_tree, lang="zh"), {})
    assert events[0].title == zero_tree.title.get("zh")
    assert events[0].description == zero_tree.description.get("zh")


def test_start_with_answers_goes_on_from_them(small):
    state, events = start(small, {"first": "yes"})
    assert kinds(events) == ["ShowTitle", "AskQuestion", "Prompt"]
    assert events[1].view["id"] == "second" and events[1].number == 2


def test_start_with_answers_to_an_outcome_shows_it(small):
    state, events = start(small, {"first": "no"})
    assert kinds(events) == ["ShowTitle", "ShowOutcome", "Prompt"]
    assert isinstance(events[1], ShowOutcome) and events[1].view["outcome"]["id"] == "done-no"
    assert events[1].view == diagnose_view(
        walk(small.tree, {"first": "no"}), "en", None, "small.yaml"
    )
    assert events[2] == Prompt(KEYS_END + "\n> ")  # no checklist: no "d"
    assert state.shown == "=first=no"


def test_start_refuses_a_bad_answer(small):
    with pytest.raises(AnswerError, match="no question 'nope'"):
        start(small, {"nope": "yes"})


# --- at a question --------------------------------------------------------------------


@pytest.mark.parametrize("key", ["1", "yes", "YES", " 1 ", "１", "\u30001\u3000", "ｙｅｓ"])
def test_a_number_or_a_value_answers_and_asks_the_next(small, key):
    state, events = keys(small, key)
    assert state.answers == {"first": "yes"}
    assert kinds(events) == ["AskQuestion", "Prompt"]
    assert events[0].view["id"] == "second" and events[0].number == 2
    assert state.shown == "second"


@pytest.mark.parametrize(
    "key, shown",
    [("maybe", "maybe"), ("Maybe", "Maybe"), ("3", "3"), ("0", "0"), ("d", "d"), ("ｘ", "x")],
)
def test_an_unknown_entry_hints_without_repeating_the_question(small, key, shown):
    state, events = keys(small, key)
    assert events == [
        Hint(
            "not_an_option",
            {"entry": shown, "n": 2},
            f"'{shown}' is not one of the options; type 1 to 2.",
        ),
        Prompt(KEYS + "\n> "),
    ]
    assert state.answers == {} and state.shown == "first"


@pytest.mark.parametrize("key", ["", "   ", "\u3000"])
def test_an_empty_entry_without_a_default_asks_for_a_number(small, key):
    state, events = keys(small, key)
    assert kinds(events) == ["Hint", "Prompt"]
    assert events[0].key == "type_a_number" and events[0].values == {"n": 2}
    assert events[0].text == "Type a number from 1 to 2, or ? for help."
    assert state.answers == {}


@pytest.mark.parametrize("back_key", ["b", "B", "ｂ", "Ｂ"])
def test_back_asks_the_previous_question_with_its_answer_as_default(small, back_key):
    state, events = keys(small, "1", "1", back_key)
    assert state.answers == {"first": "yes"} and state.remembered == {"second": "a"}
    ask, prompt = events
    assert ask.view["id"] == "second" and ask.number == 2 and ask.default == "a"
    assert prompt == Prompt(KEYS + "\nEnter keeps: A\n> ")


def test_enter_keeps_the_default(small):
    state, events = keys(small, "1", "b", "")
    assert state.answers == {"first": "yes"}
    # As before the machine: the remembered value stays, so back offers it again.
    assert state.remembered == {"first": "yes"}
    assert events[0].view["id"] == "second"


def test_a_new_answer_replaces_the_default_and_forgets_it(small):
    state, events = keys(small, "1", "b", "2")
    assert state.answers == {"first": "no"} and state.remembered == {}
    assert kinds(events) == ["ShowOutcome", "Prompt"]
    assert events[0].view["outcome"]["id"] == "done-no"


def test_a_wrong_entry_keeps_the_default_on_offer(small):
    state, events = keys(small, "1", "b", "7")
    assert state.remembered == {"first": "yes"} and state.answers == {}
    assert events[-1] == Prompt(KEYS + "\nEnter keeps: Yes\n> ")


@pytest.mark.parametrize("key", ["b", "ｂ"])
def test_back_at_the_first_question_says_so(small, key):
    state, events = keys(small, key)
    assert events == [
        Hint("first_question", {}, "This is the first question."),
        Prompt(KEYS + "\n> "),
    ]
    assert state.answers == {} and state.shown == "first"


@pytest.mark.parametrize("key", ["?", "？"])
def test_help_shows_the_question_help(small, key):
    state, events = keys(small, key)
    assert events == [ShowHelp("How to find out", "Look at the card.", "en"), Prompt(KEYS + "\n> ")]
    assert state.shown == "first"


def test_help_of_a_question_without_help(small):
    _, events = keys(small, "1", "?")
    assert events[0] == ShowHelp("How to find out", "This question has no extra help.", "en")


def test_help_in_chinese(small):
    zh = Session(small.tree, lang="zh")
    _, events = keys(zh, "？")
    assert events[0] == ShowHelp("怎样查到答案", "看卡。", "zh")


def test_restart_forgets_everything_and_asks_again(small):
    state, events = keys(small, "1", "1", "b", "r")
    assert state.answers == {} and state.remembered == {}
    assert events[0].view["id"] == "first" and events[0].number == 1
    assert events[0].default is None


def test_restart_at_the_first_question_shows_it_again(small):
    _, events = keys(small, "r")
    assert kinds(events) == ["AskQuestion", "Prompt"]


@pytest.mark.parametrize("key", ["q", "Q", "ｑ", " q "])
def test_quit_at_a_question_says_nothing_was_saved(small, key):
    state, events = keys(small, "1", key)
    assert events == [Quit(done=False, bye="Stopped. Nothing was saved.")]
    assert state.ended and state.answers == {"first": "yes"}


def test_a_key_after_the_end_only_says_it_is_over(small):
    state, _ = keys(small, "q")
    assert step(small, state, "1") == (state, [Quit(done=False, bye=None)])


# --- at the outcome -------------------------------------------------------------------


def test_the_outcome_with_the_answers_and_the_command(small):
    state, events = keys(small, "1", "1", "1")
    assert kinds(events) == ["ShowOutcome", "Prompt"]
    view = events[0].view
    assert view["outcome"]["id"] == "done-x" and events[0].view["outcome"]["id"] == "done-x"
    assert view["command"] == (
        "medbal diagnose small.yaml --lang en --answer first=yes --answer second=a --answer third=x"
    )
    assert state.shown == "=first=yes,second=a,third=x"


@pytest.mark.parametrize("key", ["", "q", "Q", "ｑ", "\u3000"])
def test_enter_or_q_at_the_outcome_ends_without_the_bye_line(small, key):
    state, events = keys(small, "2", key)
    assert events == [Quit(done=True, bye=None)] and state.ended


@pytest.mark.parametrize("key", ["b", "B", "ｂ"])
def test_back_at_the_outcome_asks_the_last_question_again(small, key):
    state, events = keys(small, "1", "2", key)
    assert state.answers == {"first": "yes"} and state.remembered == {"second": "bee"}
    assert events[0].view["id"] == "second" and events[0].default == "bee"


@pytest.mark.parametrize("key", ["2", "２"])
def test_a_number_at_the_outcome_asks_that_answer_again(small, key):
    state, events = keys(small, "1", "1", "1", key)
    assert state.answers == {"first": "yes", "third": "x"}
    assert state.remembered == {"second": "a"}
    assert events[0].view["id"] == "second" and events[0].number == 2
    assert events[0].default == "a"


def test_a_changed_answer_keeps_later_ones_where_the_path_still_passes(small):
    # Keep "a": third=x is still on the path, so the same outcome comes straight back.
    state, events = keys(small, "1", "1", "1", "2", "")
    assert events[0].view["outcome"]["id"] == "done-x"
    assert [a["value"] for a in events[0].view["answers"]] == ["yes", "a", "x"]
    # Choose "b": third is no longer asked, and its answer is reported as not needed.
    state, events = keys(small, "1", "1", "1", "2", "2")
    assert events[0].view["outcome"]["id"] == "done-b"
    assert events[0].view["dropped"] == [{"question": "third", "value": "x"}]


@pytest.mark.parametrize(
    "key, shown",
    [
        ("4", "4"),
        ("0", "0"),
        ("x", "x"),
        ("X", "x"),
        ("？", "?"),
        ("1234567", "1234567"),
        ("-1", "-1"),
    ],
)
def test_an_out_of_range_number_hints_without_repeating_the_outcome(small, key, shown):
    state, events = keys(small, "1", "1", "1", key)
    assert events == [
        Hint(
            "no_such_answer", {"entry": shown, "n": 3}, f"There is no answer {shown}; type 1 to 3."
        ),
        Prompt(KEYS_END + "\n> "),
    ]
    assert state.answers == {"first": "yes", "second": "a", "third": "x"}


def test_d_without_a_checklist_is_not_a_key(small):
    _, events = keys(small, "2", "d")
    assert events[0] == Hint(
        "no_such_answer", {"entry": "d", "n": 1}, "There is no answer d; type 1 to 1."
    )
    assert events[1] == Prompt(KEYS_END + "\n> ")


def test_d_shows_the_checklist_of_the_outcome(which):
    answers = {
        "where": "elsewhere",
        "settled-there": "paid-in-full",
        "why-elsewhere": "referred",
        "urgent": "urgent",
        "transferred": "2026-11-20",
    }
    state, events = start(which, answers)
    assert events[-1] == Prompt(KEYS_END + D_SHOWS + "\n> ")
    for key in ("d", "D", "ｄ"):
        after, events = step(which, state, key)
        envelope = diagnose_view(
            walk(which.tree, answers), "en", which.checklists, "which-category"
        )["outcome"]["checklist"]
        assert envelope is not None
        assert events == [ShowChecklist(envelope), Prompt(KEYS_END + D_SHOWS + "\n> ")]
        assert envelope["categories"][0]["number"] == 1
        assert after == state  # the outcome is not shown again


def test_the_outcome_is_shown_again_after_a_restart_and_the_same_answers(which):
    answers = ["1", "2", "1", "2", "2026-11-20"]  # away, paid in full, referred, urgent, a day
    state, events = keys(which, *answers, "r", *answers)
    assert kinds(events) == ["ShowOutcome", "Prompt"]


def test_a_step_never_changes_the_state_it_was_given(small):
    state, _ = keys(small, "1", "1", "b")
    before = (dict(state.answers), dict(state.remembered), state.shown)
    for key in ("", "1", "2", "b", "r", "q", "?"):
        step(small, state, key)
    assert (dict(state.answers), dict(state.remembered), state.shown) == before


def test_full_width_keys_are_read_as_ascii():
    assert normalize_key("\u3000１２\u3000") == "12"
    assert normalize_key("ｂ") == "b" and normalize_key("？") == "?"
    assert normalize_key("ＡＢＣ～") == "ABC~"


def test_the_machine_imports_no_terminal_library():
    code = (
        "import sys, medbal.present.session; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'typer', 'click'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.strip() == "[]"


# --- any keys at all ------------------------------------------------------------------

_KEY = st.one_of(
    st.sampled_from(
        [
            "",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "0",
            "10",
            "b",
            "B",
            "r",
            "q",
            "?",
            "d",
            "x",
            "yes",
            "no",
            "a",
            "on",
            "１",
            "２",
            "ｂ",
            "？",
            "ｄ",
            "\u3000",
            "elsewhere",
            "employer",
            "999999",
            "1234567",
            "-1",
            "²",
            "2026-11-20",  # dates: one to take, no day, one to come, full-width
            "2026-02-30",
            "2027-01-01",
            "２０２６－１１－０１",
        ]
    ),
    st.text(max_size=4),
)


@pytest.mark.parametrize("name", ["small", "which", "dated"])
@settings(max_examples=examples(60))  # the fuzz profile: 100,000
@given(typed=st.lists(_KEY, max_size=25))
def test_any_keys_keep_a_state_whose_answers_walk(request, name, typed):
    ctx = request.getfixturevalue(name)
    state, events = start(ctx, {})
    for key in typed:
        assert isinstance(events[-1], (Prompt, Quit))
        state, events = step(ctx, state, key)
        # Never raises: every answer is one its question takes (an option, a date to today).
        result = walk(ctx.tree, state.answers, ctx.today)
        for qid, value in state.remembered.items():
            question = ctx.tree.questions[qid]
            assert kind_of(question).answer(question, value, ctx.today).value == value
        if state.ended:
            assert isinstance(events[-1], Quit) and len(events) == 1
            continue
        assert isinstance(events[-1], Prompt)
        if result.done:
            assert state.shown == "=" + ",".join(f"{q}={v}" for q, v in result.answers().items())
        else:
            assert state.shown == result.question.id
            for event in events:
                if isinstance(event, AskQuestion):
                    assert event.view["id"] == result.question.id
                    assert event.number == len(result.path) + 1
                    assert event.default == state.remembered.get(result.question.id)


# --- a date question ------------------------------------------------------------------

KEYS_DATE = "Type the date as YYYY-MM-DD, 0 without it, or ? help, b back, r restart, q quit"


@pytest.fixture(scope="module")
def dated():
    """tests/dated on a pinned day: who --baby--> born (a date) --> newborn (due)."""
    return Session("dated", lang="en", trees=FOLDER, ref="dated", today="2026-11-24")


def test_a_date_question_asks_for_the_form_and_prompts_for_a_date(dated):
    state, events = keys(dated, "1")
    ask, prompt = events
    assert isinstance(ask, AskQuestion) and ask.view["kind"] == "date" and ask.number == 2
    assert "options" not in ask.view and ask.view["label"] == "the baby's date of birth"
    assert prompt == Prompt(KEYS_DATE + "\n> ")
    assert state.shown == "born"


@pytest.mark.parametrize("key", ["2026-11-20", " 2026-11-20 ", "２０２６－１１－２０"])
def test_a_date_typed_answers_and_the_outcome_says_its_due_date(dated, key):
    state, events = keys(dated, "1", key)
    assert state.answers == {"who": "baby", "born": "2026-11-20"}
    shown, _ = events
    assert isinstance(shown, ShowOutcome)
    assert shown.view["outcome"]["due_text"] == (
        "Do it by 20 February 2027 at the latest. (Xiamen rule; confirm locally)"
    )


@pytest.mark.parametrize(
    "key, hint_key, says",
    [
        ("2026-02-30", "date_field_bad", "Give a day that exists"),
        ("20.11.2026", "date_field_bad", "This is not a date"),
        ("2026-11-25", "date_field_future", "This day has not come yet"),
        ("1800-01-01", "date_field_early", "from 1900-01-01 on"),
        ("x", "date_field_bad", "written YYYY-MM-DD"),
    ],
)
def test_a_date_refused_is_a_hint_naming_the_form_and_the_question_stays(
    dated, key, hint_key, says
):
    """At the prompt the question is on the screen: the hint names the form, not the
    question's id (`born`) or the one-shot word for no date (`not-sure`)."""
    state, events = keys(dated, "1", key)
    hint, prompt = events
    assert isinstance(hint, Hint) and hint.key == hint_key and says in hint.text
    assert "YYYY-MM-DD" in hint.text and "born" not in hint.text
    assert "not-sure" not in hint.text
    assert prompt == Prompt(KEYS_DATE + "\n> ")
    assert state.answers == {"who": "baby"} and state.shown == "born"


def test_a_refused_date_is_said_in_chinese():
    talk = Session("dated", lang="zh", trees=FOLDER, today="2026-11-24")
    _, events = keys(talk, "1", "2026-02-30")
    assert events[0].text.startswith("这不是有效的日期")
    assert "born" not in events[0].text
    assert events[1].text.startswith("按“年-月-日”的格式输入日期")


def test_nothing_typed_at_a_date_question_asks_for_one(dated):
    _, events = keys(dated, "1", "")
    assert events[0] == Hint(
        "type_a_date",
        {},
        "Type the date as YYYY-MM-DD (for example 2026-11-20), 0 to go on without it, "
        "or ? for help.",
    )


@pytest.mark.parametrize("key", ["?", "b", "r", "q"])
def test_the_session_keys_still_work_at_a_date_question(dated, key):
    state, events = keys(dated, "1", key)
    expected = {"?": "ShowHelp", "b": "AskQuestion", "r": "AskQuestion", "q": "Quit"}[key]
    assert kinds(events)[0] == expected
    if key == "?":
        assert events[0].text == "It is on the birth certificate."


def test_0_at_a_date_question_goes_on_without_a_date_and_counts_no_day(dated):
    state, events = keys(dated, "1", "０")  # a full-width 0 too
    assert state.answers == {"who": "baby", "born": "not-sure"}
    shown, _ = events
    assert isinstance(shown, ShowOutcome) and shown.view["outcome"]["id"] == "newborn"
    assert shown.view["outcome"]["due"] is None and shown.view["outcome"]["due_text"] is None
    assert shown.view["answers"][-1]["label"] == "I do not know the date"
    state, events = step(dated, state, "b")  # offered again, by its words
    assert events[0].default == "not-sure"
    assert events[1] == Prompt(KEYS_DATE + "\nEnter keeps: I do not know the date\n> ")


def test_back_from_the_outcome_offers_the_date_again_written_out(dated):
    state, events = keys(dated, "1", "2026-11-20", "b")
    assert state.remembered == {"born": "2026-11-20"} and state.answers == {"who": "baby"}
    ask, prompt = events
    assert ask.default == "2026-11-20"
    assert prompt == Prompt(KEYS_DATE + "\nEnter keeps: 20 November 2026\n> ")
    state, events = step(dated, state, "")
    assert (
        state.answers == {"who": "baby", "born": "2026-11-20"} and kinds(events)[0] == "ShowOutcome"
    )


def test_changing_the_date_at_the_outcome_asks_it_again(dated):
    state, events = keys(dated, "1", "2026-11-20", "2")
    assert state.answers == {"who": "baby"} and events[0].view["id"] == "born"
    state, events = step(dated, state, "2026-10-31")
    assert events[0].view["outcome"]["due"] == "2027-01-31"


def test_the_loop_draws_a_date_question_and_its_refusal(prompt):
    result = prompt(
        "1", "2026-02-30", "2026-11-20", "q", args=("dated", "--trees", str(FOLDER), "--lang", "en")
    )
    out = result.stdout
    assert result.exit_code == 0, result.stderr
    assert "Give the baby's date of birth, written YYYY-MM-DD (for example 2026-11-20)" in out
    assert "This is not a date. Give a day that exists, written YYYY-MM-DD" in out
    assert "When was the baby born? → 20 November 2026" in out


# --- the loop that draws the events ---------------------------------------------------


@pytest.fixture
def prompt(monkeypatch, run):
    monkeypatch.setattr(medbal.present.tty, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)

    def walk_keys(*typed: str, args: tuple[str, ...] = ()):
        # TERM=dumb: laid out as on a terminal 120 wide, without colour codes to strip.
        return run(
            "diagnose",
            *args,
            input="".join(k + "\n" for k in typed),
            env={"COLUMNS": "120", "TERM": "dumb"},
        )

    return walk_keys


def test_the_loop_draws_the_checklist_once_asked(prompt):
    result = prompt("1", "2", "1", "2", "2026-11-20", "d", "q", args=("which-category",))
    out = result.stdout
    assert result.exit_code == 0
    assert out.count("d shows the documents to bring") == 2
    # The checklist page (its kicker names the category) comes after the first prompt.
    assert out.index(D_SHOWS) < out.index("Category 1 · transfer")
    assert out.count("Your answers") == 1  # the outcome is not drawn again
    assert "Nothing was saved" not in out


def test_the_loop_draws_help_and_hints_as_typed_text(prompt):
    result = prompt("？", "[bold]x", "q")
    out = result.stdout
    assert "How to find out" in out
    assert "'[bold]x' is not one of the options; type 1 to 7." in out
    assert out.rstrip().endswith("Stopped. Nothing was saved.")
