"""Markdown: a heading per page, `- [ ]` tick boxes; tree text escaped, never markup."""

from __future__ import annotations

import re

from medbal.present.pages import Page

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def page_markdown(page: Page) -> str:
    out = [f"*{escape(page.kicker)}*", ""] if page.kicker else []
    out += [f"## {escape(page.title)}", ""]
    for s in page.sections:
        quoted = s.style in ("deadline", "note")
        lines: list[str] = []
        if s.heading:
            lines += [f"**{escape(s.heading)}**" if quoted else f"### {escape(s.heading)}", ""]
        if s.intro:
            lines += [escape(s.intro), ""]
        for i, item in enumerate(s.items, 1):
            text = escape(item)
            lines.append({
                "checks": f"- [ ] {text}",
                "steps": f"{i}. {text}",
                "bullets": f"- {text}",
                "deadline": f"- **{text}**",
            }.get(s.style, text))
        if quoted:  # one blockquote, blank lines included
            lines = [f"> {line}" if line else ">" for line in lines]
        out += [*lines, ""]
    return "\n".join(out)


def pages_markdown(pages: list[Page], title: str | None = None) -> str:
    head = f"# {escape(title)}\n\n" if title else ""
    return head + "\n---\n\n".join(page_markdown(p) for p in pages)


def categories_markdown(view: dict) -> str:
    from medbal.i18n.catalogue import label, msg
    from medbal.present.pages import table_deadline

    lang = view["lang"]
    head = [msg("no", lang), msg("slug", lang), msg("title", lang), msg("deadline", lang)]
    rows = ["| " + " | ".join(head) + " |", "|---:|---|---|---|"]
    for c in view["categories"]:
        cells = [str(c["number"]), f"`{c['slug']}`", escape(c["title"]),
                 escape(table_deadline(c, lang))]
        rows.append("| " + " | ".join(cells) + " |")
    return (f"# {escape(view['title'])}\n\n" + "\n".join(rows) +
            "\n\n" + label('region', lang) + escape(view['region']) + "\n")
