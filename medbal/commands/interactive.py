"""The prompt loop of `medbal diagnose` at a terminal: draw, read a key, step.

What a key does is decided by the pure machine in medbal.present.session over the
conversation medbal.api.Session keeps; its events are drawn, and the next key read,
by medbal.present.dialogue (`draw`, `read`).  Whether medbal may prompt at all is
decided in medbal.present.tty.
"""

from __future__ import annotations

from medbal.api import Session
from medbal.core.errors import EndOfInput
from medbal.present import output, session
from medbal.present.dialogue import draw, read
from medbal.present.layout import paint
from medbal.present.tty import screen


def line_editing() -> None:
    """Line editing at the prompt where the platform has readline (the arrows, Ctrl-A,
    Ctrl-E, ...), and ↑ and ↓ through the answers typed in this session: without it a
    left arrow reaches the answer as the characters `^[[D`.  Imported here, for the
    interactive session only: a one-shot call never pays for it."""
    try:
        import readline
    except ImportError:  # Windows, and Pythons built without it: plain input()
        return
    readline.clear_history()  # this session's answers only


def run_session(talk: Session) -> None:
    """Ask until the person quits.  Answers given beforehand are checked first."""
    state, events = session.start(talk, talk.answers)  # AnswerError before anything is drawn
    line_editing()
    while True:
        on = screen()  # read again for each screen: the window may have been resized
        lines = [line for event in events for line in draw(event, on.width, on.utf)]
        if lines:
            output.write_screen(paint(lines, on.colour, on.encoding))
        last = events[-1]
        if isinstance(last, session.Quit):
            return
        assert isinstance(last, session.Prompt)
        try:
            key = read(last, on)
        except EndOfInput:
            if session.outcome_shown(state):
                return  # Ctrl-D after the result: done, as `q` would be
            raise
        state, events = session.step(talk, state, key)
