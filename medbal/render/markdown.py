"""Markdown: a heading per page, `- [ ]` tick boxes; tree text escaped, never markup."""

from __future__ import annotations

import re

from medbal.render.sections import Page

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def page_markdown(page: Page) -> str:
    out = []
    if page.kicker:
        out.append(f"*{escape(page.kicker)}*\n")
    out.append(f"## {escape(page.title)}\n")
    for s in page.sections:
        if s.heading:
            prefix = "> " if s.style in ("deadline", "note") else ""
            out.append(f"{prefix}**{escape(s.heading)}**\n" if prefix
                       else f"### {escape(s.heading)}\n")
        if s.intro:
            out.append(f"{escape(s.intro)}\n")
        lines = []
        for i, item in enumerate(s.items, 1):
            text = escape(item)
            lines.append({
                "checks": f"- [ ] {text}",
                "steps": f"{i}. {text}",
                "bullets": f"- {text}",
                "deadline": f"> - **{text}**",
                "note": f"> {text}",
                "small": f"- {text}",
            }.get(s.style, text))
        if s.style in ("deadline", "note") and s.heading:
            lines.insert(0, ">")
        if lines:
            out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def pages_markdown(pages: list[Page], title: str | None = None) -> str:
    head = f"# {escape(title)}\n\n" if title else ""
    return head + "\n---\n\n".join(page_markdown(p) for p in pages)


def categories_markdown(view: dict) -> str:
    from medbal.messages import msg
    from medbal.render.sections import table_deadline

    lang = view["lang"]
    head = [msg("no", lang), msg("slug", lang), msg("title", lang), msg("deadline", lang)]
    rows = ["| " + " | ".join(head) + " |", "|---:|---|---|---|"]
    for c in view["categories"]:
        cells = [str(c["number"]), f"`{c['slug']}`", escape(c["title"]),
                 escape(table_deadline(c, lang))]
        rows.append("| " + " | ".join(cells) + " |")
    return (f"# {escape(view['title'])}\n\n" + "\n".join(rows) +
            f"\n\n{msg('region', lang)}: {escape(view['region'])}\n")
