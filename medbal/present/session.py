"""The interactive session of `medbal diagnose` as a pure state machine.

`start` gives the first state and what to show; `step` takes one typed key and
gives the next state and what to show next.  Nothing here reads a key, prints or
draws: the events say WHAT to show (carrying the views the renderers
take), and medbal.commands.interactive draws them and reads the next key.  So
every key and edge is tested without a terminal (tests/present/test_session.py).

Every decision is the engine's and every view the API's: the machine works on a
conversation (medbal.api.Session, which answers, goes back, changes an answer,
restarts and gives the view), and keeps only what a screen needs besides: the
earlier answers offered again as defaults, and what is on screen (a hint does not
repeat the question, and the outcome is not shown again after a hint or the
checklist).  The events of one call always end with a `Prompt` (read a key, then
`step`) or a `Quit` (stop).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from medbal.core.engine import AnswerError, is_number
from medbal.core.langs import LANGS
from medbal.i18n.catalogue import msg
from medbal.present import kinds
from medbal.present.views import ChecklistsView, DiagnoseView, QuestionView

# Full-width ASCII forms (U+FF01-FF5E) and the ideographic space, as their ASCII selves:
# a Chinese keyboard types "１", "？" and "ｂ" for 1, ? and b.
_FULLWIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


def normalize_key(key: str) -> str:
    """What a person typed, as the machine reads it: full-width forms as ASCII, no
    surrounding space."""
    return key.translate(_FULLWIDTH).strip()


class Conversation(Protocol):
    """What the machine asks of a conversation: medbal.api.Session is one.  The machine
    never changes the one it is given; it takes a new one `at` the state's answers."""

    @property
    def lang(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def description(self) -> str | None: ...

    @property
    def answers(self) -> dict[str, str]: ...

    def at(self, answers: Mapping[str, str] | None) -> Conversation: ...

    def view(self) -> DiagnoseView: ...

    def answer(self, value: str, question: str | None = None) -> None: ...

    def back(self) -> str | None: ...

    def change(self, question: str, value: str | None = None) -> str: ...

    def restart(self) -> None: ...


Context = Conversation  # what stays the same for a whole session: the conversation at its start


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
    lang: str = LANGS[0]


@dataclass(frozen=True)
class Prompt:
    """Read a key after this text (its last line is where the cursor waits)."""

    text: str
    lang: str = LANGS[0]


@dataclass(frozen=True)
class Quit:
    """The session is over; `done` when it ended at an outcome.  `bye` is the line to
    show, when there is one (quitting before an outcome saves nothing)."""

    done: bool
    bye: str | None
    lang: str = LANGS[0]


Event = ShowTitle | AskQuestion | ShowOutcome | ShowHelp | ShowChecklist | Hint | Prompt | Quit


# --- the machine ---------------------------------------------------------------------


def start(ctx: Context, answers: Mapping[str, str] | None = None) -> tuple[State, list[Event]]:
    """The first state and screen.  Answers given beforehand are checked (AnswerError)."""
    talk = ctx.at(answers or {})
    state = State(answers=talk.answers)
    title = ShowTitle(ctx.title, ctx.description, ctx.lang)
    state, events = _screen(ctx, state, talk.view())
    return state, [title, *events]


def step(ctx: Context, state: State, key: str) -> tuple[State, list[Event]]:
    """One typed key: the next state and what to show until the next key or the end."""
    talk = ctx.at(state.answers)
    view = talk.view()
    if state.ended:
        return state, [Quit(done=_done(view), bye=None)]
    entry = normalize_key(key)
    if _done(view):
        state, events = _at_outcome(ctx, talk, state, view, entry)
    else:
        state, events = _at_question(ctx, talk, state, view, entry)
    if state.ended:
        return state, events
    state, more = _screen(ctx, state, ctx.at(state.answers).view())
    return state, events + more


def _done(view: DiagnoseView) -> bool:
    return view["status"] == "outcome"


def _screen(ctx: Context, state: State, view: DiagnoseView) -> tuple[State, list[Event]]:
    """What is shown before the next key: the question or outcome (unless already on
    screen), then the prompt."""
    if not _done(view):
        q = view["question"]
        default = state.remembered.get(q["id"])
        events: list[Event] = []
        if state.shown != q["id"]:
            events.append(AskQuestion(q, len(view["answers"]) + 1, default, ctx.lang))
            state = replace(state, shown=q["id"])
        kind = kinds.of(q)
        prompt = kind.keys(ctx.lang)
        if default:
            # A remembered value was once an answer to this question: it is one it takes.
            prompt += "\n" + msg("default", ctx.lang, value=kind.shown(q, default, ctx.lang))
        return state, [*events, Prompt(prompt + "\n> ", ctx.lang)]
    events = []
    key = _outcome_key(view)
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


def _outcome_key(view: DiagnoseView) -> str:
    return "=" + ",".join(f"{a['question']}={a['value']}" for a in view["answers"])


def _hint(ctx: Context, key: str, **values: object) -> Hint:
    return Hint(key, values, msg(key, ctx.lang, **values), ctx.lang)


def _quit(ctx: Context, state: State, done: bool) -> tuple[State, list[Event]]:
    bye = None if done else msg("bye", ctx.lang)
    return replace(state, ended=True), [Quit(done, bye, ctx.lang)]


def match_option(q: QuestionView, entry: str) -> str | None:
    """What a person typed, as a value to answer with (an option's, by its number or
    value; a date as typed): the question's kind reads it (medbal.present.kinds)."""
    return kinds.of(q).read(q, entry)


def _at_question(
    ctx: Context, talk: Conversation, state: State, view: DiagnoseView, entry: str
) -> tuple[State, list[Event]]:
    q = view["question"]
    default = state.remembered.get(q["id"])
    lowered = entry.lower()
    if lowered == "q":
        return _quit(ctx, state, done=False)
    path = view["answers"]
    keys = lowered in ("r", "b", "?")
    chosen = None if keys else match_option(q, entry)
    remembered = dict(state.remembered)
    events: list[Event] = []
    if lowered == "r":
        talk.restart()
        remembered = {}
    elif lowered == "b":
        if not path:
            events.append(_hint(ctx, "first_question"))
        else:
            previous = talk.back()
            assert previous is not None
            remembered[path[-1]["question"]] = previous
    elif entry == "?":
        events.append(ShowHelp(msg("help", ctx.lang), _help_text(q, ctx.lang), ctx.lang))
    elif entry == "" and default:
        talk.answer(default)
    elif chosen is not None:
        try:
            talk.answer(chosen)  # a date is checked here: a day that exists, not to come
            remembered.pop(q["id"], None)
        except AnswerError as exc:  # words that name the form to type it in
            key = kinds.of(q).refused(exc.phrase.key)
            words = msg(key, ctx.lang, **exc.phrase.values)
            events.append(Hint(key, exc.phrase.values, words, ctx.lang))
    else:
        key, values = kinds.of(q).hint(q, entry)
        events.append(_hint(ctx, key, **values))
    if talk.answers != state.answers or lowered == "r":
        state = replace(state, shown=None)  # the next question is shown in full
    return replace(state, answers=talk.answers, remembered=remembered), events


def _help_text(q: QuestionView, lang: str) -> str:
    return q["help"] or msg("no_help", lang)


def _at_outcome(
    ctx: Context, talk: Conversation, state: State, view: DiagnoseView, entry: str
) -> tuple[State, list[Event]]:
    entry = entry.lower()
    if entry in ("", "q"):
        return _quit(ctx, state, done=True)
    path = view["answers"]
    remembered = dict(state.remembered)
    if entry == "d" and view["outcome"]["checklist"] is not None:
        return state, [ShowChecklist(view["outcome"]["checklist"])]
    if entry == "r":
        talk.restart()
        remembered = {}
    elif entry == "b" and path:
        previous = talk.back()
        assert previous is not None
        remembered[path[-1]["question"]] = previous
    elif is_number(entry) and 1 <= int(entry) <= len(path):
        qid = path[int(entry) - 1]["question"]
        # Ask this one again; the answers after it stay and are reused where the new
        # path still passes their questions.
        remembered[qid] = talk.change(qid)
    else:
        return state, [_hint(ctx, "no_such_answer", entry=entry, n=len(path))]
    return replace(state, answers=talk.answers, remembered=remembered), []
