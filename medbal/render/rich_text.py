"""Rich renderables for a terminal.

All tree text goes in as `rich.text.Text`, never as markup, so a document named
"Bring [copy] of ID" prints exactly so.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from medbal.messages import label, msg
from medbal.model import CJK
from medbal.render.sections import Page, table_deadline

_SPACE_BY_CJK = re.compile(f"(?<=[{CJK}]) +| +(?=[{CJK}])")


def para(text: str, lang: str, style: str = "") -> Text:
    """Tree text as a Rich Text that wraps well in its language.

    Rich wraps at spaces, so a Chinese sentence with a space before "12333" or
    "App" leaves a half-empty line; without the spaces next to Han characters it
    fills each line, folding where the width ends, as Chinese text does.
    """
    shown = _SPACE_BY_CJK.sub("", text) if lang == "zh" else text
    return Text(shown, style=style, overflow="fold")


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
                color = "yellow" if s.style == "deadline" else "green"
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


def categories_table(view: dict[str, Any]) -> Table:
    lang = view["lang"]
    # Title and caption are data: as Text they are never read as markup.
    table = Table(title=Text(view["title"]), caption=Text(
        label('region', lang) + view['region'] + "\n" + msg('more', lang)),
        caption_justify="left")
    table.add_column(msg("no", lang), justify="right")
    table.add_column(msg("slug", lang), style="cyan")
    table.add_column(msg("title", lang))
    table.add_column(msg("deadline", lang), style="yellow")
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
