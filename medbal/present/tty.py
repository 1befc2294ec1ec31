"""Everything Rich: the console, the renderables, and each view drawn for a terminal.

This is the one module that imports Rich; medbal.present.present loads it only when
the text goes to a terminal, so JSON, plain text and documents never pay for it.
All tree text goes in as `rich.text.Text`, never as markup, so a document named
"Bring [copy] of ID" prints exactly so.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from rich.tree import Tree as RichTree

from medbal.core.errors import EndOfInput
from medbal.i18n.catalogue import label, msg
from medbal.i18n.typeset import break_lines, cells, han_layout, space_zh
from medbal.present import session
from medbal.present.pages import (
    Page,
    answers_lines,
    checklist_page,
    checklist_pages,
    deadline_column,
    outcome_page,
    source_line,
)
from medbal.present.plain import estimate_head, estimate_rows, estimate_title
from medbal.present.views import ChecklistsView, DiagnoseView, EstimateView, QuestionView, yuan

if TYPE_CHECKING:
    from medbal.present.authoring import OutlineView


def make_console(**options: Any) -> Console:
    """The one way medbal makes a console: no highlighting of numbers, no :emoji: codes."""
    return Console(highlight=False, emoji=False, **options)


def print_parts(console: Console, parts: Iterable[RenderableType]) -> None:
    for part in parts:
        console.print(part)


class Command:
    """A command to copy: one line where it fits, else broken at spaces with the shell's
    continuation ` \\`, an option kept with its value, so that what is copied still runs.
    The terminal never cuts it mid-word."""

    def __init__(self, command: str, indent: int = 2, style: str = "green"):
        self.command, self.indent, self.style = command, indent, style

    def words(self) -> list[str]:
        tokens, words = shlex.split(self.command), []
        while tokens:
            word = tokens.pop(0)
            if word.startswith("-") and tokens and not tokens[0].startswith("-"):
                word = shlex.join([word, tokens.pop(0)])
            else:
                word = shlex.quote(word)
            words.append(word)
        return words

    def lines(self, width: int) -> list[str]:
        """Every line but the last ends in ` \\`; the lines after the first share one
        indent, two more than the first where the longest piece allows, less where it
        must.  An option whose value fits on no line beside it is continued between the
        two, which the shell reads the same."""
        words: list[str] = []
        pieces = self.words()
        for i, word in enumerate(pieces):
            option, space, value = word.partition(" ")
            tail = 0 if i == len(pieces) - 1 else 2
            words += [option, value] if space and cells(word) + tail > width else [word]
        tail = 0 if len(words) == 1 else 2
        first = max(0, min(self.indent, width - cells(words[0]) - tail))
        longest = max((cells(w) for w in words[1:]), default=0)
        more = max(0, min(first + 2, width - longest - 2))
        lines, line = [], " " * first + words[0]
        for i, word in enumerate(words[1:], 1):
            tail_text = "" if i == len(words) - 1 else " \\"
            if cells(f"{line} {word}{tail_text}") > width:
                lines.append(line + " \\")  # always: without it the copy would not run
                line = " " * more + word
            else:
                line = f"{line} {word}"
        return [*lines, line]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            # Folded only if one word is wider than the whole terminal: shown whole.
            yield Text(line, style=self.style, overflow="fold")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(max(cells(w) for w in self.words()) + self.indent,
                               options.max_width),
                           min(cells(self.command) + self.indent, options.max_width))


def para(text: str, lang: str, style: str = "") -> Text | ZhPara:
    """Tree text as a renderable that wraps well in its language: English by Rich at
    spaces; Chinese by medbal.i18n.typeset, with its spacing and line-break rules."""
    if han_layout(lang):
        return ZhPara(text, style)
    return Text(text, style=style, overflow="fold")


class ZhPara:
    """A Chinese paragraph laid out by medbal.i18n.typeset at the width it is given."""

    def __init__(self, text: str, style: str = ""):
        self.text, self.style = space_zh(text), style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in break_lines(self.text, options.max_width):
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = [cells(w) for w in self.text.split()] or [0]
        longest = max(min(w, 12) for w in words)  # a long word folds rather than widen a column
        return Measurement(min(longest, options.max_width),
                           min(cells(self.text), options.max_width))


def _box(console: Console) -> str:
    return "☐" if console.encoding.lower().startswith("utf") else "[ ]"


class RichPage:
    def __init__(self, page: Page):
        self.page = page

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        page, lang = self.page, self.page.lang
        if page.kicker:
            yield para(page.kicker, lang, "dim")
        yield para(page.title, lang, "bold")
        for s in page.sections:
            body: list[RenderableType] = [para(s.intro, lang, "italic")] if s.intro else []
            if s.style == "small":
                body += [para(item, lang, "dim") for item in s.items]
            elif s.style in ("checks", "steps", "bullets"):
                body.append(self._items(console, s.style, s.items))
            else:
                body += [para(item, lang) for item in s.items]
            yield Text("")
            if s.style in ("deadline", "note"):
                # Readable on dark and light backgrounds alike (no yellow, no blue).
                color = "magenta" if s.style == "deadline" else "green"
                title = Text(s.heading, style=f"bold {color}") if s.heading else None
                yield Panel(Group(*body), title=title, title_align="left", border_style=color)
                continue
            if s.heading:
                yield para(s.heading, lang, "bold cyan")
            yield Padding(Group(*body), (0, 0, 0, 2 if s.heading else 0))

    def _items(self, console: Console, style: str, items: list[str]) -> Table:
        """A list with a hanging indent: the box or number stays beside its wrapped text."""
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for i, item in enumerate(items, 1):
            mark = {"checks": _box(console), "steps": f"{i}.", "bullets": "•"}[style]
            grid.add_row(mark, para(item, self.page.lang))
        return grid


NARROW = 60  # below this many columns a table always becomes a stacked list


class ByWidth:
    """A table where it fits whole, else a stacked list: below NARROW columns, or wherever
    the table's narrowest layout (every figure and short name unbroken) is wider than the
    terminal, so money and names are never cut."""

    def __init__(self, wide: RenderableType, narrow: RenderableType):
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        tight = Measurement.get(console, options, self.wide).minimum > options.max_width
        yield self.narrow if tight or options.max_width < NARROW else self.wide


def overview_parts(view: ChecklistsView) -> list[RenderableType]:
    """The eleven categories: a table, or where it does not fit whole a list with each
    short name whole (it is what a person types next)."""
    lang = view["lang"]
    deadlines = deadline_column(view)
    rows: list[RenderableType] = [Text(view["title"], style="bold")]
    for i, c in enumerate(view["categories"]):
        head = Text(f"{c['number']:>2}. ", style="bold")
        head.append(c["slug"], style="cyan")
        lines: list[RenderableType] = [para(c["title"], lang)]
        if deadlines:
            lines.append(para(label("deadline", lang) + deadlines[i], lang, "magenta"))
        rows += [head, Padding(Group(*lines), (0, 0, 0, 4))]
    rows += _overview_notes(view, deadlines is None)
    return [ByWidth(Group(categories_table(view), *_overview_notes(view, deadlines is None)),
                    Group(*rows))]


def _overview_notes(view: ChecklistsView, no_deadlines: bool) -> list[RenderableType]:
    lang = view["lang"]
    notes = [msg("no_claim_deadlines", lang)] if no_deadlines else []
    notes += [label("region", lang) + view["region"], msg("more", lang)]
    return [para(n, lang, "dim") for n in notes]


def categories_table(view: ChecklistsView) -> Table:
    lang = view["lang"]
    deadlines = deadline_column(view)
    # Title as Text, never markup: a region named "[bold]" is shown as written.
    table = Table(title=Text(view["title"]))
    # The number and the short name are what a person types next: never wrapped or cut.
    table.add_column(msg("no", lang), justify="right", no_wrap=True)
    table.add_column(msg("slug", lang), style="cyan", no_wrap=True)
    # The longest word of a situation sets its column's least width: Rich would rather
    # fold a word than squeeze the other columns.
    longest = max(cells(w) for c in view["categories"] for w in c["title"].split())
    table.add_column(msg("title", lang), min_width=min(longest, 20))
    if deadlines:
        table.add_column(msg("deadline", lang), style="magenta")
    for i, c in enumerate(view["categories"]):
        table.add_row(str(c["number"]), Text(c["slug"]), para(c["title"], lang),
                      *([para(deadlines[i], lang)] if deadlines else []))
    return table


def question_panel(q: QuestionView, lang: str, number: int, default: str | None) -> Group:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(ratio=1)
    for i, o in enumerate(q["options"], 1):
        grid.add_row(f"{i}.", para(o["label"] + (" *" if o["value"] == default else ""), lang))
    return Group(Text(msg("question_n", lang, n=number), style="dim"),
                 para(q["text"], lang, "bold"), Padding(grid, (0, 0, 0, 2)))


# --- docs ---------------------------------------------------------------------------


def checklists_parts(view: ChecklistsView) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for i, page in enumerate(checklist_pages(view)):
        if i:
            parts.append(Rule())
        parts.append(RichPage(page))
    return parts


# --- diagnose -----------------------------------------------------------------------


def diagnose_parts(view: DiagnoseView) -> list[RenderableType]:
    """An outcome in a panel, the answers with a hanging indent, the command."""
    if view["status"] == "needs-answer":
        return needs_answer_parts(view)
    lang = view["lang"]
    parts: list[RenderableType] = [Panel(RichPage(outcome_page(view)), border_style="cyan")]
    parts.append(Text(msg("answers", lang), style="bold cyan"))
    # A hanging indent: a long answer wraps under its own text, never mid-word.
    rows = Table.grid(padding=(0, 1, 0, 0))
    rows.add_column(no_wrap=True, justify="right")
    rows.add_column(ratio=1)
    for i, line in enumerate(answers_lines(view), 1):
        rows.add_row(f"{i}.", para(line, lang))
    parts.append(Padding(rows, (0, 0, 0, 2)))
    if view["dropped"]:
        parts.append(para(msg("dropped", lang) + " " + ", ".join(
            f"{d['question']}={d['value']}" for d in view["dropped"]), lang, "bold magenta"))
    parts += [para(msg("reproduce", lang), lang, "bold cyan"), Command(view["command"])]
    return parts


def needs_answer_parts(view: DiagnoseView) -> list[RenderableType]:
    """The open question with, under each option, the exact `--answer` that picks it,
    then the command so far to add it to.

    Each `--answer` is a line of its own that Rich never folds (the terminal wraps it
    if it must), so it is copied whole.
    """
    q, lang = view["question"], view["lang"]
    parts: list[RenderableType] = [
        para(msg("needs_answer", lang), lang, "bold magenta"),
        Text(msg("question_n", lang, n=len(view["answers"]) + 1), style="dim"),
        para(q["text"], lang, "bold")]
    for i, o in enumerate(q["options"], 1):
        row = Table.grid(padding=(0, 1, 0, 0))
        row.add_column(no_wrap=True, style="bold cyan")
        row.add_column(ratio=1)
        row.add_row(f"{i}.", para(o["label"], lang))
        parts += [Padding(row, (0, 0, 0, 2)),
                  Command(f"--answer {q['id']}={o['value']}", indent=5)]
    if q["help"]:
        parts.append(para(label("help", lang) + q["help"], lang, "dim"))
    parts += [para(msg("answer_add", lang), lang, "bold cyan"), Command(view["command"])]
    return parts


# --- estimate -----------------------------------------------------------------------


def estimate_parts(view: EstimateView) -> list[RenderableType]:
    lang = view["lang"]
    # The title and what the rates apply to are paragraphs above the table, laid out by
    # the language's rules (a table's centred title would break a Chinese line anywhere).
    table = Table()
    head = estimate_head(lang)
    table.add_column(head[0])
    for name in head[1:]:  # figures: never wrapped or cut
        table.add_column(name, justify="right", no_wrap=True)
    for row in estimate_rows(view):
        table.add_row(*(Text(c) for c in row))
    table.add_section()
    table.add_row(Text(msg("est_total", lang), style="bold"), "", "",
                  Text(yuan(view["total_paid"]), style="bold green"))
    table.add_row(Text(msg("est_own", lang)), "", "", Text(yuan(view["own_share"])))
    above = [para(estimate_title(view), lang, "bold"),
             para(msg("est_applies", lang, what=view["applies_to"]), lang, "dim")]
    parts: list[RenderableType] = [ByWidth(Group(*above, table), _estimate_stacked(view))]
    parts += [para(note, lang, "bold magenta") for note in view["notes"]]
    parts.append(para(label("est_reading", lang) + view["reading"], lang, "dim"))
    parts.append(para(label("sources", lang) + source_line(view["sources"], lang), lang, "dim"))
    parts.append(Panel(para(view["notice"], lang, "bold"), border_style="red"))
    return parts


def _estimate_stacked(view: EstimateView) -> Group:
    """The estimate as lines for a narrow terminal: every figure whole, never cut."""
    lang = view["lang"]
    lines: list[RenderableType] = [
        para(estimate_title(view), lang, "bold"),
        para(msg("est_applies", lang, what=view["applies_to"]), lang, "dim")]
    for band, amount, rate, paid in estimate_rows(view):
        lines.append(Text(band, style="cyan"))
        lines.append(Text(f"  {amount} × {rate} = {paid}"))
    total = Text(label("est_total", lang), style="bold")
    total.append(yuan(view["total_paid"]), style="bold green")
    own = Text(label("est_own", lang))
    own.append(yuan(view["own_share"]))
    return Group(*lines, Text(""), total, own)


# --- tree show ----------------------------------------------------------------------


def outline_parts(view: OutlineView) -> list[RenderableType]:
    """The tree as Rich draws trees: questions bold, options cyan, outcomes green."""
    styles = {"question": "bold", "option": "cyan", "outcome": "bold green", "seen": "dim"}
    root = RichTree(Text(f"{view['tree']}: {view['title']}", style="bold magenta"))
    parents = {-1: root}
    for depth, kind, line in view["rows"]:
        parents[depth] = parents[depth - 1].add(Text(line, style=styles[kind]))
    return [root]


# --- the interactive session (medbal.commands.interactive runs the loop) -------------


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
    """One event of the interactive session on the terminal."""
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
