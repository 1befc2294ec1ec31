"""The interactive session on screen: each event of medbal.present.session drawn with
the terminal's shapes (medbal.present.terminal), and the prompt read.

medbal.commands.interactive runs the loop: draw, read, step.
"""

from __future__ import annotations

from medbal.core.errors import EndOfInput
from medbal.present import layout, output, session
from medbal.present.layout import Line, panel, wrap
from medbal.present.terminal import checklists_lines, diagnose_lines, question_lines
from medbal.present.tty import Screen


def draw(event: session.Event, width: int, utf: bool = True) -> list[Line]:
    """What one event of the interactive session shows."""
    if isinstance(event, session.ShowTitle):
        out = wrap(event.title, width, event.lang, "bold magenta")
        return out + (wrap(event.description, width, event.lang) if event.description else [])
    if isinstance(event, session.AskQuestion):
        return [[], *question_lines(event.view, event.lang, event.number, event.default, width)]
    if isinstance(event, session.ShowOutcome):
        return [[], *diagnose_lines(event.view, width, utf)]
    if isinstance(event, session.ShowChecklist):  # every category the outcome leads to
        return [[], *checklists_lines(event.envelope, width, utf)]
    if isinstance(event, session.ShowHelp):
        return panel(
            wrap(event.text, width - 4, event.lang), width, "magenta", event.lang, event.title
        )
    if isinstance(event, session.Hint):
        return wrap(event.text, width, event.lang, "bold magenta")
    if isinstance(event, session.Quit) and event.bye:
        return wrap(event.bye, width, event.lang, "dim")
    return []  # a Prompt is shown by `read`, before the cursor


def read(prompt: session.Prompt, on: Screen) -> str:
    """One line as typed (the machine translates full-width keys and trims it).  The
    prompt's lines are laid out like every other text; the cursor waits after the last."""
    *lines, last = prompt.text.split("\n")
    shown = [line for text in lines for line in wrap(text, on.width, prompt.lang, "bold")]
    shown.append(layout.text_line(last, "bold"))
    text = layout.paint(shown, on.colour, on.encoding).rstrip("\n")
    # Painting trims a line's end; the cursor keeps its space.
    try:
        return output.read_line(text + " " if last.endswith(" ") else text)
    except EOFError:
        output.write_screen("\n")  # the message that follows starts a line of its own
        raise EndOfInput("end_of_input") from None
