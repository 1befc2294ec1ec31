"""Rich renderables for a terminal.

All tree text goes in as `rich.text.Text`, never as markup, so a document named
"Bring [copy] of ID" prints exactly so.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from medbal.i18n.catalogue import label, msg
from medbal.i18n.typeset import break_lines, cells, space_zh
from medbal.present.pages import Page, table_deadline


def para(text: str, lang: str, style: str = "") -> Text | ZhPara:
    """Tree text as a renderable that wraps well in its language: English by Rich at
    spaces; Chinese by medbal.i18n.typeset, with its spacing and line-break rules."""
    if lang == "zh":
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
            body: list[Any] = [para(s.intro, lang, "italic")] if s.intro else []
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


NARROW = 60  # below this many columns a table becomes a stacked list


class ByWidth:
    """One renderable for a wide terminal, another below NARROW columns: a table whose
    columns would cut money or short names becomes a list where nothing is cut."""

    def __init__(self, wide: Any, narrow: Any):
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.narrow if options.max_width < NARROW else self.wide


def categories_overview(view: dict[str, Any]) -> ByWidth:
    """The eleven categories: a table, or below NARROW columns a list with each short
    name whole (it is what a person types next)."""
    lang = view["lang"]
    rows: list[Any] = [Text(view["title"], style="bold")]
    for c in view["categories"]:
        head = Text(f"{c['number']:>2}. ", style="bold")
        head.append(c["slug"], style="cyan")
        deadline = label("deadline", lang) + table_deadline(c, lang)
        rows += [head, Padding(Group(para(c["title"], lang), para(deadline, lang, "magenta")),
                               (0, 0, 0, 4))]
    rows += [para(label("region", lang) + view["region"], lang, "dim"),
             para(msg("more", lang), lang, "dim")]
    return ByWidth(categories_table(view), Group(*rows))


def categories_table(view: dict[str, Any]) -> Table:
    lang = view["lang"]
    # Title and caption as Text, never markup: a region named "[bold]" is shown as written.
    table = Table(title=Text(view["title"]), caption=Text(
        label('region', lang) + view['region'] + "\n" + msg('more', lang)),
        caption_justify="left")
    table.add_column(msg("no", lang), justify="right")
    table.add_column(msg("slug", lang), style="cyan")
    table.add_column(msg("title", lang))
    table.add_column(msg("deadline", lang), style="magenta")
    for c in view["categories"]:
        table.add_row(str(c["number"]), Text(c["slug"]), Text(c["title"]),
                      Text(table_deadline(c, lang)))
    return table


def question_panel(q: dict[str, Any], lang: str, number: int, default: str | None) -> Group:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(ratio=1)
    for i, o in enumerate(q["options"], 1):
        grid.add_row(f"{i}.", para(o["label"] + (" *" if o["value"] == default else ""), lang))
    return Group(Text(msg("question_n", lang, n=number), style="dim"),
                 para(q["text"], lang, "bold"), Padding(grid, (0, 0, 0, 2)))
