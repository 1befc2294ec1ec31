"""One self-contained HTML file laid out for A4 paper.

No external CSS, fonts or scripts: counter PCs are often offline.  Tick boxes
are drawn with CSS because the ☐ character is missing from GBK fonts; Chinese
pages are marked zh-Hans so Han glyphs take their simplified forms.

Sized for older eyes: body text 10.5 pt, nothing under 9 pt.  A sheet that does not
fit one page runs on to the next with its header repeated (a table's head is the one
thing Chromium repeats on every printed page), rather than shrinking the type.
"""

from __future__ import annotations

from html import escape

from medbal.i18n import typeset
from medbal.i18n.catalogue import msg
from medbal.present.pages import Page, Section, checklist_pages, takehome_pages
from medbal.present.views import ChecklistsView, DiagnoseView

# The A4 look: the whole of a saved file, and the print look of `medbal page`.  Sizes
# in rem of the 10.5 pt body, so that the saved file's screen look scales them at once.
CSS = """
@page { size: A4; margin: 10mm 16mm 10mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", "SimHei", "SimSun", "Noto Sans", Arial,
  sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; }
body { margin: 0; }
section.page { break-after: page; page-break-after: always; }
section.page:last-of-type { break-after: auto; page-break-after: auto; }
table.sheet { width: 100%; border-collapse: collapse; }
table.sheet td { padding: 0; vertical-align: top; }
table.sheet td > :last-child, table.sheet td > :last-child > :last-child { margin-bottom: 0; }
.kicker { font-size: 1rem; color: #333; margin: 0; }
h1 { font-size: 1.62rem; line-height: 1.25; margin: 0.5mm 0 2.5mm; }
h2 { font-size: 1.19rem; margin: 2.4mm 0 1mm; border-bottom: 0.3mm solid #999;
  break-after: avoid; page-break-after: avoid; }
p, li { overflow-wrap: anywhere; margin: 0.8mm 0; }
/* No line holds a single character or a short word alone (上。): the browser balances
   the last lines instead (Chromium, Safari; elsewhere lines break as usual). */
p, li, h1, h2 { text-wrap: pretty; }
ul, ol { margin: 0; padding-left: 7mm; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks.long { columns: 2; column-gap: 8mm; }
ul.checks li { display: flex; align-items: flex-start; margin: 0.8mm 0; break-inside: avoid; }
.box { flex: none; width: 5.5mm; height: 5.5mm; border: 0.5mm solid #000;
  margin: 0.2mm 3mm 0 0; border-radius: 0.6mm; }
.deadline { border: 0.8mm solid #000; padding: 1.5mm 4mm; margin: 2.5mm 0; break-inside: avoid; }
.deadline h2, .note h2 { border: 0; margin-top: 0; }
.deadline li { font-weight: bold; }
.note { border-left: 1.2mm solid #666; padding: 0.5mm 4mm; margin: 2.5mm 0; break-inside: avoid; }
.small { font-size: 0.86rem; line-height: 1.3; color: #222; break-inside: avoid; }
/* Fine print under a heading (the sources): the heading runs in, "依据：《…》", so that
   three groups of sources take three lines of a sheet, not six. */
.fine h2 { display: inline; font-size: 0.86rem; line-height: 1.3; border: 0; margin: 0; }
.fine h2::after { content: ": "; }
:lang(zh) .fine h2::after { content: "："; }
.fine h2 + .small { display: inline; }
.fine { margin: 1.2mm 0; }
/* The answers on a take-home sheet are a record of what was said, not what to do: fine
   print (the web page's outcome and the saved file's alike). */
.answers li, [data-part="answers"] li { font-size: 0.86rem; line-height: 1.3; margin: 0.4mm 0; }
.form { display: grid; grid-template-columns: 2fr 2fr 1fr 1fr; gap: 1.5mm 6mm;
  margin: 0 0 2mm; break-inside: avoid; }
.form div { border-bottom: 0.3mm solid #000; padding-top: 5mm; font-size: 0.9rem; }
""".strip()

# A saved file opened on a screen (a phone in a chat): the reader's own text size, room
# at the edges.  Print keeps the A4 look above.
SCREEN_CSS = """
@media screen {
  html { font-size: 112.5%; line-height: 1.5; }
  body { max-width: 46rem; margin: 0 auto; padding: 1rem; }
  .small { font-size: 0.9rem; }
  .box { width: 1.4rem; height: 1.4rem; border-width: 2px; margin: 0.1rem 0.75rem 0 0; }
  ul.checks.long { columns: 1; }
  section.page + section.page { border-top: 2px solid #000; margin-top: 1.5rem;
    padding-top: 1rem; }
  .form { display: none; }
}
""".strip()


def _item_list(style: str, items: list[str]) -> str:
    if style == "checks":
        lis = "".join(f'<li><span class="box"></span><span>{escape(i)}</span></li>' for i in items)
        # A long list goes in two columns, so that fewer sheets run on to a second page.
        cls = "checks long" if len(items) > 6 else "checks"
        return f'<ul class="{cls}">{lis}</ul>'
    if style == "steps":
        return "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>"
    if style in ("bullets", "deadline"):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
    if style == "small":
        return "".join(f'<p class="small">{escape(i)}</p>' for i in items)
    return "".join(f"<p>{escape(i)}</p>" for i in items)


def section_html(s: Section) -> str:
    """One section of a page (the web page draws a due date's box with it too)."""
    cls = s.style if s.style in ("deadline", "note") else "part"
    if s.style == "small" and s.heading:
        cls = "part fine"  # the heading runs in (CSS)
    key = f' data-part="{escape(s.key)}"' if s.key else ""
    parts = [f'<div class="{cls}"{key}>']
    if s.heading:
        parts.append(f"<h2>{escape(s.heading)}</h2>")
    if s.intro:
        parts.append(f"<p><em>{escape(s.intro)}</em></p>")
    parts.append(_item_list(s.style, s.items))
    parts.append("</div>")
    return "\n".join(parts)


def page_html(page: Page) -> str:
    """One sheet.  Its kicker and title are the head of a layout table, so that a sheet
    that runs on to a second page repeats them there."""
    head = [f'<p class="kicker">{escape(page.kicker)}</p>'] if page.kicker else []
    head.append(f"<h1>{escape(page.title)}</h1>")
    body = [section_html(s) for s in page.sections]
    if page.form:  # under the title, as on a counter's forms: whose list this is
        fields = ("applicant_name", "id_number", "date", "staff")
        body.insert(
            0,
            '<div class="form">'
            + "".join(f"<div>{escape(msg(f, page.lang))}</div>" for f in fields)
            + "</div>",
        )
    return "\n".join(
        [
            '<section class="page">',
            '<table class="sheet" role="presentation"><thead><tr><td>',
            *head,
            "</td></tr></thead><tbody><tr><td>",
            *body,
            "</td></tr></tbody></table>",
            "</section>",
        ]
    )


def pages_html(pages: list[Page], title: str, lang: str) -> str:
    html_lang = typeset.html_lang(lang)
    body = "\n".join(page_html(p) for p in pages)
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{CSS}\n{SCREEN_CSS}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def diagnose_html(view: DiagnoseView, today: str) -> str:
    """The page to take home, on A4: the outcome, then each category's checklist."""
    pages = takehome_pages(view, today, slug=False)
    return pages_html(pages, view["tree_title"], view["lang"])


def checklists_html(view: ChecklistsView) -> str:
    """One A4 sheet per category, for the counter."""
    return pages_html(checklist_pages(view, slug=False), view["title"], view["lang"])
