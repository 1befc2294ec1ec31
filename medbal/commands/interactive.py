"""The prompt loop of `medbal diagnose` at a terminal: draw, read a key, step.

What a key does is decided by the pure machine in medbal.present.session; its
events are drawn, and the next key read, by medbal.present.dialogue (`draw`, `read`).
Whether medbal may prompt at all is decided in medbal.present.term.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from medbal.core.errors import EndOfInput
from medbal.core.model import Checklists, Tree
from medbal.present import session
from medbal.present.dialogue import draw, read
from medbal.present.layout import paint
from medbal.present.term import screen


def run_session(
    tree: Tree,
    lang: str,
    answers: Mapping[str, str],
    checklists: Checklists | None,
    tree_ref: str | None,
) -> None:
    """Ask until the person quits.  Answers given beforehand are checked first."""
    ctx = session.Context(tree, lang, checklists, tree_ref)
    state, events = session.start(ctx, answers)  # AnswerError before anything is drawn
    while True:
        on = screen()  # read again for each screen: the window may have been resized
        for event in events:
            lines = draw(event, on.width, on.utf)
            if lines:
                sys.stdout.write(paint(lines, on.colour, on.encoding))
        sys.stdout.flush()
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
        state, events = session.step(ctx, state, key)
