"""Markdown: a heading per page, `- [ ]` tick boxes; tree text escaped, never markup."""

from __future__ import annotations

import re

from medbal.i18n.catalogue import msg
from medbal.present.pages import (
    Page,
    checklist_pages,
    deadline_column,
    legal_lines,
    overview_table,
    region_line,
    shows_slug,
    takehome_pages,
)
from medbal.present.views import ChecklistsView, DiagnoseView

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def page_markdown(page: Page, title: str | None = None) -> str:
    """A page; its kicker left out where it only repeats the document's `title`."""
    kicker = page.kicker if page.kicker != title else None
    out = [f"*{escape(kicker)}*", ""] if kicker else []
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
            lines.append(
                {
                    "checks": f"- [ ] {text}",
                    "steps": f"{i}. {text}",
                    "bullets": f"- {text}",
                    "deadline": f"- **{text}**",
                }.get(s.style, text)
            )
            if s.style in ("para", "small") and i < len(s.items):
                lines.append("")  # each its own paragraph: one newline would join them
        if quoted:  # one blockquote, blank lines included
            lines = [f"> {line}" if line else ">" for line in lines]
        out += [*lines, ""]
    return "\n".join(out)


def pages_markdown(pages: list[Page], title: str | None = None) -> str:
    head = f"# {escape(title)}\n\n" if title else ""
    return head + "\n---\n\n".join(page_markdown(p, title) for p in pages)


def diagnose_markdown(view: DiagnoseView, today: str) -> str:
    """The page to take home: the outcome, the answers, the date, and the checklist."""
    return pages_markdown(takehome_pages(view, today), view["tree_title"])


def checklists_markdown(view: ChecklistsView) -> str:
    return pages_markdown(checklist_pages(view), view["title"])


def categories_markdown(view: ChecklistsView) -> str:
    lang = view["lang"]
    head, table = overview_table(view)
    rows = ["| " + " | ".join(head) + " |", "|---:|" + "---|" * (len(head) - 1)]
    for number, *texts in table:
        slug = [f"`{texts.pop(0)}`"] if shows_slug(lang) else []
        rows.append("| " + " | ".join([number, *slug, *map(escape, texts)]) + " |")
    note = "" if deadline_column(view) else escape(msg("no_claim_deadlines", lang)) + "\n\n"
    lines = [*region_line(view), *legal_lines(view)]
    region = "".join(escape(line) + "\n\n" for line in lines)
    return (f"# {escape(view['title'])}\n\n" + "\n".join(rows) + "\n\n" + note + region).rstrip(
        "\n"
    ) + "\n"
