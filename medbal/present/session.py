"""The interactive session of `medbal diagnose` as a pure state machine.

`start` gives the first state and what to show; `step` takes one typed key and
gives the next state and what to show next.  Nothing here reads a key, prints or
draws: the events say WHAT to show (carrying the views the renderers
take), and medbal.commands.interactive draws them and reads the next key.  So
every key and edge is tested without a terminal (tests/present/test_session.py).

Every decision is the engine's; the machine only keeps the answers, the earlier
answers offered again as defaults, and what is on screen (a hint does not repeat
the question, and the outcome is not shown again after a hint or the checklist).
The events of one call always end with a `Prompt` (read a key, then `step`) or a
`Quit` (stop).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from medbal.core.engine import Result, back, is_number, match_option, walk
from medbal.core.model import Checklists, Question, Tree
from medbal.i18n.catalogue import msg
from medbal.present.views import (
    ChecklistsView,
    DiagnoseView,
    QuestionView,
    diagnose_view,
    question_view,
)

# Full-width ASCII forms (U+FF01-FF5E) and the ideographic space, as their ASCII selves:
# a Chinese keyboard types "１", "？" and "ｂ" for 1, ? and b.
_FULLWIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


def normalize_key(key: str) -> str:
    """What a person typed, as the machine reads it: full-width forms as ASCII, no
    surrounding space."""
    return key.translate(_FULLWIDTH).strip()


@dataclass(frozen=True)
class Context:
    """What stays the same for a whole session."""

    tree: Tree
    lang: str
    checklists: Checklists | None = None
    tree_ref: str | None = None  # how the person named the tree, for the repeat command


@dataclass(frozen=True)
class State:
    """Where a session is.  `step` never changes a state; it returns a new one."""

    answers: Mapping[str, str] = field(default_factory=dict)
    remembered: Mapping[str, str] = field(default_factory=dict)  # earlier answers, as defaults
    shown: str | None = None  # what is on screen: a question id, or "=" + the outcome's path
    ended: bool = False


# --- events: what to show ------------------------------------------------------------


@dataclass(frozen=True)
class ShowTitle:
    title: str
    description: str | None
    lang: str


@dataclass(frozen=True)
class AskQuestion:
    """The question panel; `default` is the value Enter keeps (marked among the options)."""

    view: QuestionView
    number: int
    default: str | None
    lang: str


@dataclass(frozen=True)
class ShowOutcome:
    view: DiagnoseView  # the outcome, the answers, the repeat command


@dataclass(frozen=True)
class ShowHelp:
    title: str
    text: str
    lang: str


@dataclass(frozen=True)
class ShowChecklist:
    envelope: ChecklistsView  # diagnose_view(...)["outcome"]["checklist"]


@dataclass(frozen=True)
class Hint:
    key: str
    values: dict[str, object]
    text: str
    lang: str = "en"


@dataclass(frozen=True)
class Prompt:
    """Read a key after this text (its last line is where the cursor waits)."""

    text: str
    lang: str = "en"


@dataclass(frozen=True)
class Quit:
    """The session is over; `done` when it ended at an outcome.  `bye` is the line to
    show, when there is one (quitting before an outcome saves nothing)."""

    done: bool
    bye: str | None
    lang: str = "en"


Event = ShowTitle | AskQuestion | ShowOutcome | ShowHelp | ShowChecklist | Hint | Prompt | Quit


# --- the machine ---------------------------------------------------------------------


def start(ctx: Context, answers: Mapping[str, str] | None = None) -> tuple[State, list[Event]]:
    """The first state and screen.  Answers given beforehand are checked (AnswerError)."""
    tree = ctx.tree
    state = State(answers=dict(answers or {}))
    description = tree.description.get(ctx.lang) if tree.description else None
    title = ShowTitle(tree.title.get(ctx.lang), description, ctx.lang)
    state, events = _screen(ctx, state, walk(tree, state.answers))
    return state, [title, *events]


def step(ctx: Context, state: State, key: str) -> tuple[State, list[Event]]:
    """One typed key: the next state and what to show until the next key or the end."""
    if state.ended:
        return state, [Quit(done=walk(ctx.tree, state.answers).done, bye=None)]
    entry = normalize_key(key)
    result = walk(ctx.tree, state.answers)
    if result.done:
        state, events = _at_outcome(ctx, state, result, entry)
    else:
        state, events = _at_question(ctx, state, result, entry)
    if state.ended:
        return state, events
    state, more = _screen(ctx, state, walk(ctx.tree, state.answers))
    return state, events + more


def _screen(ctx: Context, state: State, result: Result) -> tuple[State, list[Event]]:
    """What is shown before the next key: the question or outcome (unless already on
    screen), then the prompt."""
    if not result.done:
        q = result.question
        assert q is not None
        default = state.remembered.get(q.id)
        events: list[Event] = []
        if state.shown != q.id:
            events.append(
                AskQuestion(question_view(q, ctx.lang), len(result.path) + 1, default, ctx.lang)
            )
            state = replace(state, shown=q.id)
        prompt = msg("keys", ctx.lang)
        if default:
            option = q.option(default)
            assert option is not None  # a remembered value was once an answer to q
            prompt += "\n" + msg("default", ctx.lang, value=option.label.get(ctx.lang))
        return state, [*events, Prompt(prompt + "\n> ", ctx.lang)]
    view = diagnose_view(result, ctx.lang, ctx.checklists, ctx.tree_ref)
    events = []
    key = _outcome_key(result)
    if state.shown != key:  # not again after a hint or the checklist
        events.append(ShowOutcome(view))
        state = replace(state, shown=key)
    prompt = msg("keys_end", ctx.lang)
    if view["outcome"]["checklist"] is not None:
        prompt += msg("show_checklist", ctx.lang)
    return state, [*events, Prompt(prompt + "\n> ", ctx.lang)]


def outcome_shown(state: State) -> bool:
    """Whether the last screen was an outcome: end of input then ends a finished session."""
    return state.shown is not None and state.shown.startswith("=")


def _outcome_key(result: Result) -> str:
    return "=" + ",".join(f"{a.question.id}={a.option.value}" for a in result.path)


def _hint(ctx: Context, key: str, **values: object) -> Hint:
    return Hint(key, values, msg(key, ctx.lang, **values), ctx.lang)


def _quit(ctx: Context, state: State, done: bool) -> tuple[State, list[Event]]:
    bye = None if done else msg("bye", ctx.lang)
    return replace(state, ended=True), [Quit(done, bye, ctx.lang)]


def _at_question(
    ctx: Context, state: State, result: Result, entry: str
) -> tuple[State, list[Event]]:
    q = result.question
    assert q is not None
    default = state.remembered.get(q.id)
    lowered = entry.lower()
    if lowered == "q":
        return _quit(ctx, state, done=False)
    moves_on = (
        lowered == "r"
        or (lowered == "b" and result.path)
        or (entry == "" and default)
        or match_option(q, entry)
    )
    if moves_on:
        state = replace(state, shown=None)  # the next question is shown in full
    answers, remembered = dict(state.answers), dict(state.remembered)
    events: list[Event] = []
    if lowered == "r":
        answers, remembered = {}, {}
    elif lowered == "b":
        if not result.path:
            events.append(_hint(ctx, "first_question"))
        else:
            answers, previous = back(answers, result)
            assert previous is not None
            remembered[result.path[-1].question.id] = previous
    elif entry == "?":
        events.append(ShowHelp(msg("help", ctx.lang), _help_text(q, ctx.lang), ctx.lang))
    elif entry == "" and default:
        answers[q.id] = default
    elif (option := match_option(q, entry)) is not None:
        answers[q.id] = option.value
        remembered.pop(q.id, None)
    elif entry == "":
        events.append(_hint(ctx, "type_a_number", n=len(q.options)))
    else:
        events.append(_hint(ctx, "not_an_option", entry=entry, n=len(q.options)))
    return replace(state, answers=answers, remembered=remembered), events


def _help_text(q: Question, lang: str) -> str:
    return q.help.get(lang) if q.help else msg("no_help", lang)


def _at_outcome(
    ctx: Context, state: State, result: Result, entry: str
) -> tuple[State, list[Event]]:
    entry = entry.lower()
    if entry in ("", "q"):
        return _quit(ctx, state, done=True)
    answers, remembered = dict(state.answers), dict(state.remembered)
    if entry == "d":
        envelope = diagnose_view(result, ctx.lang, ctx.checklists, ctx.tree_ref)["outcome"][
            "checklist"
        ]
        if envelope is not None:
            return state, [ShowChecklist(envelope)]
    if entry == "r":
        answers, remembered = {}, {}
    elif entry == "b" and result.path:
        answers, previous = back(answers, result)
        assert previous is not None
        remembered[result.path[-1].question.id] = previous
    elif is_number(entry) and 1 <= int(entry) <= len(result.path):
        qid = result.path[int(entry) - 1].question.id
        # Ask this one again; the answers after it stay and are reused where the new
        # path still passes their questions.
        remembered[qid] = answers.pop(qid)
    else:
        return state, [_hint(ctx, "no_such_answer", entry=entry, n=len(result.path))]
    return replace(state, answers=answers, remembered=remembered), []
