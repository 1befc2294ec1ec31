"""One self-contained HTML file laid out for A4 paper.

No external CSS, fonts or scripts: counter PCs are often offline.  Tick boxes
are drawn with CSS because the ☐ character is missing from GBK fonts; Chinese
pages are marked zh-Hans so Han glyphs take their simplified forms.
"""

from __future__ import annotations

from html import escape

from medbal.i18n import typeset
from medbal.i18n.catalogue import msg
from medbal.present.pages import Page, checklist_pages, takehome_pages
from medbal.present.views import ChecklistsView, DiagnoseView

CSS = """
@page { size: A4; margin: 10mm 16mm 10mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", "SimHei", "SimSun", "Noto Sans", Arial,
  sans-serif; font-size: 9.5pt; line-height: 1.35; color: #000; }
body { margin: 0; }
section.page { break-after: page; page-break-after: always; }
section.page:last-of-type { break-after: auto; page-break-after: auto; }
.kicker { font-size: 9.5pt; color: #444; margin: 0; }
h1 { font-size: 16pt; margin: 0.5mm 0 2.5mm; }
h2 { font-size: 11.5pt; margin: 2.4mm 0 1mm; border-bottom: 0.3mm solid #999; }
p, li { overflow-wrap: anywhere; margin: 0.8mm 0; }
ul, ol { margin: 0; padding-left: 7mm; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks.long { columns: 2; column-gap: 8mm; }
ul.checks li { display: flex; align-items: flex-start; margin: 1mm 0; break-inside: avoid; }
.box { flex: none; width: 5.5mm; height: 5.5mm; border: 0.5mm solid #000;
  margin: 0.3mm 3mm 0 0; border-radius: 0.6mm; }
.deadline { border: 0.8mm solid #000; padding: 1.5mm 4mm; margin: 2.5mm 0; break-inside: avoid; }
.deadline h2, .note h2 { border: 0; margin-top: 0; }
.deadline li { font-weight: bold; }
.note { border-left: 1.2mm solid #666; padding: 0.5mm 4mm; margin: 2.5mm 0; }
.small { font-size: 8pt; line-height: 1.3; color: #333; }
ul.fine li { font-size: 8.5pt; line-height: 1.25; margin: 0.3mm 0; }
.form { display: grid; grid-template-columns: 2fr 2fr 1fr 1fr; gap: 1.5mm 6mm;
  margin-top: 3mm;
  break-inside: avoid; }
.form div { border-bottom: 0.3mm solid #000; padding-top: 4.5mm; font-size: 9pt; }
""".strip()


def _item_list(style: str, items: list[str]) -> str:
    if style == "checks":
        lis = "".join(f'<li><span class="box"></span><span>{escape(i)}</span></li>' for i in items)
        # A long list goes in two columns so that a category fits one sheet.
        cls = "checks long" if len(items) > 6 else "checks"
        return f'<ul class="{cls}">{lis}</ul>'
    if style == "steps":
        return "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>"
    if style in ("bullets", "deadline"):
        # Long notes (the rules for treatment elsewhere) in a smaller type, so that a
        # category still fits one sheet.
        ul = '<ul class="fine">' if style == "bullets" and len(items) > 4 else "<ul>"
        return ul + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
    if style == "small":
        return "".join(f'<p class="small">{escape(i)}</p>' for i in items)
    return "".join(f"<p>{escape(i)}</p>" for i in items)


def page_html(page: Page) -> str:
    parts = ['<section class="page">']
    if page.kicker:
        parts.append(f'<p class="kicker">{escape(page.kicker)}</p>')
    parts.append(f"<h1>{escape(page.title)}</h1>")
    for s in page.sections:
        cls = s.style if s.style in ("deadline", "note") else "part"
        parts.append(f'<div class="{cls}">')
        if s.heading:
            parts.append(f"<h2>{escape(s.heading)}</h2>")
        if s.intro:
            parts.append(f"<p><em>{escape(s.intro)}</em></p>")
        parts.append(_item_list(s.style, s.items))
        parts.append("</div>")
    if page.form:
        fields = ("applicant_name", "id_number", "date", "staff")
        parts.append(
            '<div class="form">'
            + "".join(f"<div>{escape(msg(f, page.lang))}</div>" for f in fields)
            + "</div>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def pages_html(pages: list[Page], title: str, lang: str) -> str:
    html_lang = typeset.html_lang(lang)
    body = "\n".join(page_html(p) for p in pages)
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def diagnose_html(view: DiagnoseView, today: str) -> str:
    """The page to take home, on A4: the outcome, then the category's checklist."""
    return pages_html(takehome_pages(view, today), view["tree_title"], view["lang"])


def checklists_html(view: ChecklistsView) -> str:
    """One A4 sheet per category, for the counter."""
    return pages_html(checklist_pages(view), view["title"], view["lang"])
