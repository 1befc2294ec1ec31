"""Plain text for pipes, files and NO_COLOR: no colour, no boxes, no hard wrapping.

Lines are never wrapped here: a script or a pager sees each item whole.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from medbal.i18n.catalogue import label, msg
from medbal.present.pages import Page, table_deadline


def page_text(page: Page) -> str:
    out: list[str] = []
    if page.kicker:
        out.append(page.kicker)
    out += [page.title, "=" * min(display_width(page.title), 60)]
    for s in page.sections:
        out.append("")
        if s.heading:
            out.append(s.heading)
        if s.intro:
            out.append(s.intro)
        for i, item in enumerate(s.items, 1):
            out.append(_item(s.style, i, item))
    return "\n".join(out) + "\n"


def _item(style: str, i: int, item: str) -> str:
    return {
        "checks": f"  [ ] {item}",
        "steps": f"  {i}. {item}",
        "bullets": f"  - {item}",
        "deadline": f"  ! {item}",
        "small": f"  {item}",
    }.get(style, item)


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def categories_text(view: dict[str, Any]) -> str:
    lang = view["lang"]
    rows = [(str(c["number"]), c["slug"], c["title"], table_deadline(c, lang))
            for c in view["categories"]]
    head = (msg("no", lang), msg("slug", lang), msg("title", lang), msg("deadline", lang))
    widths = [max(display_width(r[i]) for r in [head, *rows]) for i in range(3)]
    lines = []
    for r in [head, *rows]:
        cells = [pad(cell, w) for cell, w in zip(r[:3], widths, strict=True)]
        lines.append("  ".join([*cells, r[3]]))
    lines += ["", label('region', lang) + view['region'], msg("more", lang)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def question_text(q: dict[str, Any], lang: str, number: int | None = None) -> str:
    lines = [msg("question_n", lang, n=number)] if number else []
    lines.append(q["text"])
    for i, o in enumerate(q["options"], 1):
        lines.append(f"  {i}. {o['label']}  [{o['value']}]")
    if q["help"]:
        lines.append(label('help', lang) + q['help'])
    return "\n".join(lines) + "\n"
