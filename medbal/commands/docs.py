"""`medbal docs`: pick categories, build their pages, hand them to one renderer."""

from __future__ import annotations

from typing import Any

from medbal.core.errors import UsageError
from medbal.core.model import Category, Checklists
from medbal.present.views import checklists_view


def pick(data: Checklists, key: str | None, all_: bool) -> list[Category]:
    if all_ or key is None:
        return list(data.categories)
    found = data.find(key)
    if found is None:
        valid = ", ".join(f"{c.number} {c.slug}" for c in data.categories)
        from medbal.commands.suggest import did_you_mean

        did_you_mean("dym_category", key, [c.slug for c in data.categories], name=key,
                     valid=valid)
        raise UsageError("no_category", name=key, valid=valid)
    return [found]


def render_docs(data: Checklists, key: str | None, all_: bool, fmt: str, lang: str,
                to_file: bool = False) -> str:
    """The checklists in `fmt`; with no category, the overview (all of them for html/json)."""
    categories = pick(data, key, all_)
    view = checklists_view(data, categories, lang)
    if fmt == "json":
        from medbal.files.write import json_text

        return json_text(view, for_stdout=not to_file)
    overview = key is None and not all_
    if fmt == "markdown":
        from medbal.present.markdown import categories_markdown, pages_markdown

        return categories_markdown(view) if overview else pages_markdown(
            _pages(view, lang), view["title"])
    if fmt == "html":
        from medbal.present.html import pages_html

        return pages_html(_pages(view, lang), view["title"], lang)
    return _text(view, lang, overview, to_file)


def _pages(view: dict[str, Any], lang: str) -> list[Any]:
    from medbal.present.pages import checklist_page

    return [checklist_page(c, view, lang) for c in view["categories"]]


def _text(view: dict[str, Any], lang: str, overview: bool, to_file: bool) -> str:
    from medbal.present.term import wants_plain

    if to_file or wants_plain():
        from medbal.present.plain import categories_text, page_text

        if overview:
            return categories_text(view)
        return "\n".join(page_text(p) for p in _pages(view, lang))
    from rich.console import Console

    from medbal.present.widgets import RichPage, categories_overview

    console = Console(highlight=False, emoji=False)
    with console.capture() as captured:
        if overview:
            console.print(categories_overview(view))
        else:
            for i, page in enumerate(_pages(view, lang)):
                if i:
                    console.rule()
                console.print(RichPage(page))
    return captured.get()
