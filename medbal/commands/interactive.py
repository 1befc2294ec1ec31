"""The prompt loop of `medbal diagnose` at a terminal: draw, read a key, step.

What a key does is decided by the pure machine in medbal.present.session; this
module only draws its events with the shared renderers (all in `draw`) and reads
the next key.  Whether medbal may prompt at all is decided in medbal.present.term.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from medbal.core.errors import EndOfInput
from medbal.core.model import Checklists, Tree
from medbal.present import session
from medbal.present.pages import checklist_page
from medbal.present.tty import (
    RichPage,
    diagnose_parts,
    make_console,
    para,
    print_parts,
    question_panel,
)


def run_session(tree: Tree, lang: str, answers: Mapping[str, str],
                checklists: Checklists | None, tree_ref: str | None) -> None:
    """Ask until the person quits.  Answers given beforehand are checked first."""
    ctx = session.Context(tree, lang, checklists, tree_ref)
    state, events = session.start(ctx, answers)  # AnswerError before anything is drawn
    console = make_console()
    while True:
        for event in events:
            draw(console, event)
        last = events[-1]
        if isinstance(last, session.Quit):
            return
        assert isinstance(last, session.Prompt)
        state, events = session.step(ctx, state, read(console, last))


def read(console: Console, prompt: session.Prompt) -> str:
    """One line as typed; the machine translates full-width keys and trims it.  The
    prompt's lines are laid out like every other text (a Chinese line never ends
    between a key and its word); the cursor waits after the last."""
    *lines, last = prompt.text.split("\n")
    for line in lines:
        console.print(para(line, prompt.lang, "bold"))
    try:
        return console.input(Text(last, style="bold"))
    except EOFError:
        raise EndOfInput("end_of_input") from None


def draw(console: Console, event: session.Event) -> None:
    """One event on the terminal: the one place that knows the renderers."""
    if isinstance(event, session.ShowTitle):
        console.print(para(event.title, event.lang, "bold magenta"))
        if event.description:
            console.print(para(event.description, event.lang, "dim"))
    elif isinstance(event, session.AskQuestion):
        console.print()
        console.print(question_panel(event.view, event.lang, event.number, event.default))
    elif isinstance(event, session.ShowOutcome):
        console.print()
        print_parts(console, diagnose_parts(event.view))
    elif isinstance(event, session.ShowChecklist):
        envelope = event.envelope
        console.print()
        console.print(RichPage(checklist_page(envelope["categories"][0], envelope,
                                              envelope["lang"])))
    elif isinstance(event, session.ShowHelp):
        console.print(Panel(para(event.text, event.lang), title=Text(event.title),
                            title_align="left", border_style="magenta"))
    elif isinstance(event, session.Hint):
        console.print(para(event.text, event.lang, "bold magenta"))
    elif isinstance(event, session.Quit):
        if event.bye:
            console.print(para(event.bye, event.lang, "dim"))
    # A Prompt is drawn by `read`, which shows it before the cursor.
