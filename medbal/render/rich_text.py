"""Rich renderables for a terminal.

All tree text goes in as `rich.text.Text`, never as markup, so a document named
"Bring [copy] of ID" prints exactly so.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from medbal.messages import msg
from medbal.render.sections import Page, table_deadline


def _box(console: Console) -> str:
    return "☐ " if console.encoding.lower().startswith("utf") else "[ ] "


class RichPage:
    def __init__(self, page: Page):
        self.page = page

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        page = self.page
        if page.kicker:
            yield Text(page.kicker, style="dim")
        yield Text(page.title, style="bold")
        for s in page.sections:
            body = [Text(s.intro, style="italic")] if s.intro else []
            if s.style == "small":  # sources: one line, not a list
                body.append(Text("; ".join(s.items), style="dim"))
            else:
                body += [self._item(console, s.style, i, item)
                         for i, item in enumerate(s.items, 1)]
            yield Text("")
            if s.style in ("deadline", "note"):
                color = "yellow" if s.style == "deadline" else "green"
                title = Text(s.heading, style=f"bold {color}") if s.heading else None
                yield Panel(Group(*body), title=title, title_align="left", border_style=color)
                continue
            if s.heading:
                yield Text(s.heading, style="bold cyan")
            yield Padding(Group(*body), (0, 0, 0, 2 if s.heading else 0))

    def _item(self, console: Console, style: str, i: int, item: str) -> Text:
        prefix = {"checks": _box(console), "steps": f"{i}. ", "bullets": "• "}.get(style, "")
        return Text(prefix, style="bold") + Text(item)


def categories_table(view: dict[str, Any]) -> Table:
    lang = view["lang"]
    table = Table(title=view["title"], caption=f"{msg('region', lang)}: {view['region']}\n"
                  f"{msg('more', lang)}", caption_justify="left")
    table.add_column(msg("no", lang), justify="right")
    table.add_column(msg("slug", lang), style="cyan")
    table.add_column(msg("title", lang))
    table.add_column(msg("deadline", lang), style="yellow")
    for c in view["categories"]:
        table.add_row(str(c["number"]), Text(c["slug"]), Text(c["title"]),
                      Text(table_deadline(c, lang)))
    return table


def question_panel(q: dict[str, Any], lang: str, number: int, default: str | None) -> Group:
    parts: list[Any] = [Text(msg("question_n", lang, n=number), style="dim"),
                        Text(q["text"], style="bold")]
    for i, o in enumerate(q["options"], 1):
        mark = " *" if o["value"] == default else ""
        parts.append(Text(f"  {i}. ", style="bold cyan") + Text(o["label"] + mark))
    return Group(*parts)
