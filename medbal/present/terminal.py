"""Each view drawn for a terminal: lines laid out at its width (medbal.present.layout).

Each renderer in medbal.present.formats.RENDERERS takes a view, the width, and whether
the terminal's encoding has box-drawing characters (`utf`; taken by all alike, used
where a mark has an ASCII form), and returns lines; medbal.present.formats shows
them, in colour at a terminal and without it in `render()`; medbal.present.dialogue
draws the interactive session from the same functions.  Colours are chosen to read on
dark and light backgrounds alike (no blue, no yellow), and never carry meaning alone;
dim is kept for fine print (sources, notes), which some themes show faintly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medbal.i18n.catalogue import label, msg
from medbal.i18n.typeset import cells, listing
from medbal.present import kinds, layout
from medbal.present.estimates import EstimateView, yuan
from medbal.present.layout import NARROW, Column, Line, command, hang, indent, panel, wrap
from medbal.present.pages import (
    Page,
    Section,
    answers_lines,
    checklist_pages,
    outcome_page,
    overview_notes,
    overview_table,
    shows_slug,
    source_paragraphs,
)
from medbal.present.plain import estimate_head, estimate_rows, estimate_title
from medbal.present.views import ChecklistsView, DiagnoseView, QuestionView

if TYPE_CHECKING:
    from medbal.present.authoring import OutlineView


# --- a page: a checklist or an outcome ----------------------------------------------


def page_lines(page: Page, width: int, utf: bool = True) -> list[Line]:
    lang = page.lang
    out = wrap(page.kicker, width, lang, "cyan") if page.kicker else []
    out += wrap(page.title, width, lang, "bold")
    for s in page.sections:
        out.append([])
        if s.style in ("deadline", "note"):
            out += _boxed(s, width, lang, utf)
            continue
        if s.heading:
            out += wrap(s.heading, width, lang, "bold cyan")
        step = 2 if s.heading else 0
        out += indent(_body(s, width - step, lang, utf), step)
    return out


def _boxed(s: Section, width: int, lang: str, utf: bool) -> list[Line]:
    """A deadline (magenta) or a note (green) in a box, its heading in the top edge."""
    color = "magenta" if s.style == "deadline" else "green"
    return panel(_body(s, width - 4, lang, utf), width, color, lang, s.heading)


def _body(s: Section, width: int, lang: str, utf: bool) -> list[Line]:
    out = wrap(s.intro, width, lang, "italic") if s.intro else []
    if s.style in ("checks", "steps", "bullets"):
        return out + _marked(s.style, s.items, width, lang, utf)
    style = "dim" if s.style == "small" else ""
    return out + [line for item in s.items for line in wrap(item, width, lang, style)]


def _marked(
    kind: str, items: list[str], width: int, lang: str, utf: bool = True, mark_style: str = "bold"
) -> list[Line]:
    """A list with a hanging indent: the box, bullet or number (aligned right) beside
    its wrapped text."""
    box = "☐" if utf else "[ ]"
    marks = [
        {"checks": box, "steps": f"{i}.", "bullets": "•"}[kind] for i, _ in enumerate(items, 1)
    ]
    room = max((cells(m) for m in marks), default=0)
    return [
        line
        for mark, item in zip(marks, items, strict=True)
        for line in hang(mark.rjust(room), item, width, lang, mark_style=mark_style)
    ]


# --- docs ---------------------------------------------------------------------------


def checklists_lines(view: ChecklistsView, width: int = 80, utf: bool = True) -> list[Line]:
    out: list[Line] = []
    for i, page in enumerate(checklist_pages(view)):
        if i:
            out += layout.rule(width)
        out += page_lines(page, width, utf)
    return out


def overview_lines(view: ChecklistsView, width: int = 80, utf: bool = True) -> list[Line]:
    """The categories: a table where it fits whole, else a list; either way every
    short name whole (it is what a person types next)."""
    lang = view["lang"]
    head, rows = overview_table(view)
    named = 2 if shows_slug(lang) else 1  # the columns before the situation
    columns = [
        Column(head[0], right=True),
        *(Column(h, style="cyan") for h in head[1:named]),
        *(Column(h, wraps=True, style="magenta" if i else "") for i, h in enumerate(head[named:])),
    ]
    grid = layout.table(columns, rows, width, lang) if width >= NARROW else None
    out = wrap(view["title"], width, lang, "bold")
    if grid is not None:
        out += grid
    else:
        for r in rows:
            number, slug, title, deadline = r[0], r[1:named], r[named], r[named + 1 :]
            if slug:  # the short name on the number's line, the situation under it
                out.append([(f"{number:>2}. ", "bold"), (slug[0], "cyan")])
                out += indent(wrap(title, width - 4, lang), 4)
            else:
                out += hang(f"{number:>2}.", title, width, lang, mark_style="bold")
            for d in deadline:
                out += indent(wrap(label("deadline", lang) + d, width - 4, lang, "magenta"), 4)
    return out + [line for n in overview_notes(view) for line in wrap(n, width, lang, "dim")]


# --- diagnose -----------------------------------------------------------------------


def diagnose_lines(view: DiagnoseView, width: int = 80, utf: bool = True) -> list[Line]:
    """An outcome in a box, the answers with a hanging indent, the command."""
    if view["status"] == "needs-answer":
        return needs_answer_lines(view, width)
    lang = view["lang"]
    out = panel(page_lines(outcome_page(view), width - 4, utf), width, "cyan", lang)
    out += wrap(msg("answers", lang), width, lang, "bold cyan")
    out += indent(_marked("steps", answers_lines(view), width - 2, lang, mark_style=""), 2)
    if view["dropped"]:
        out += wrap(
            msg("dropped", lang)
            + " "
            + listing((f"{d['question']}={d['value']}" for d in view["dropped"]), lang),
            width,
            lang,
            "bold magenta",
        )
    out += wrap(msg("reproduce", lang), width, lang, "bold cyan")
    return out + command(view["command"], width)


def needs_answer_lines(view: DiagnoseView, width: int = 80) -> list[Line]:
    """The open question with, under each option, the exact `--answer` that picks it
    on a line of its own, then the command so far to add it to."""
    q, lang = view["question"], view["lang"]
    out = wrap(msg("needs_answer", lang), width, lang, "bold magenta")
    out += wrap(msg("question_n", lang, n=len(view["answers"]) + 1), width, lang, "dim")
    out += wrap(q["text"], width, lang, "bold")
    out += kinds.of(q).needs(q, lang, width)
    if q["help"]:
        out += wrap(label("help", lang) + q["help"], width, lang)
    out += wrap(msg("answer_add", lang), width, lang, "bold cyan")
    return out + command(view["command"], width)


def question_lines(
    q: QuestionView, lang: str, number: int, default: str | None, width: int
) -> list[Line]:
    """A question of the interactive session, then how to answer it (its kind's: the
    options, ` *` marking the one Enter keeps; the form of a date)."""
    out = wrap(msg("question_n", lang, n=number), width, lang, "dim")
    out += wrap(q["text"], width, lang, "bold")
    return out + kinds.of(q).ask(q, lang, default, width)


# --- estimate -----------------------------------------------------------------------


def estimate_lines(view: EstimateView, width: int = 80, utf: bool = True) -> list[Line]:
    """The title and what the rates apply to as paragraphs, then the bands as a table
    where it fits whole (every figure unbroken), else as lines."""
    lang = view["lang"]
    head = estimate_head(lang)
    columns = [Column(head[0], wraps=True), *(Column(h, right=True) for h in head[1:])]
    rows: list[list[layout.Cell]] = [list(r) for r in estimate_rows(view)]
    totals: list[list[layout.Cell]] = [
        [(msg("est_total", lang), "bold"), "", "", (yuan(view["total_paid"]), "bold green")],
        [msg("est_own", lang), "", "", yuan(view["own_share"])],
    ]
    grid = (
        layout.table(columns, rows + totals, width, lang, sections=[len(rows)])
        if width >= NARROW
        else None
    )
    out = wrap(estimate_title(view), width, lang, "bold")
    out += wrap(msg("est_applies", lang, what=view["applies_to"]), width, lang)
    out += grid if grid is not None else _estimate_stacked(view, width)
    for note in view["notes"]:
        out += wrap(note, width, lang, "bold magenta")
    out += wrap(label("est_reading", lang) + view["reading"], width, lang)
    for paragraphs in source_paragraphs(view["sources"], lang):
        for text in paragraphs:
            out += wrap(text, width, lang, "dim")
    return out + panel(wrap(view["notice"], width - 4, lang, "bold"), width, "red", lang)


def _estimate_stacked(view: EstimateView, width: int) -> list[Line]:
    """The estimate as lines for a narrow terminal: every figure whole, never cut."""
    lang = view["lang"]
    out: list[Line] = []
    for band, amount, rate, paid in estimate_rows(view):
        out += wrap(band, width, lang, "cyan")
        paid = msg("est_money", lang, amount=paid)
        out += indent(wrap(f"{amount} × {rate} = {paid}", width - 2, lang), 2)
    out.append([])
    for key, figure, style, figure_style in (
        ("est_total", view["total_paid"], "bold", "bold green"),
        ("est_own", view["own_share"], "", ""),
    ):
        words, money = label(key, lang), msg("est_money", lang, amount=yuan(figure))
        if cells(words + money) <= width:
            out.append([(words, style), (money, figure_style)])
        else:  # the figure on a line of its own, whole
            out += wrap(words, width, lang, style) + [[("  " + money, figure_style)]]
    return out


# --- tree show ----------------------------------------------------------------------


def outline_lines(view: OutlineView, width: int = 80, utf: bool = True) -> list[Line]:
    """The tree with guide lines: questions bold, options cyan, outcomes green."""
    styles = {"question": "bold", "option": "cyan", "outcome": "bold green", "seen": "dim"}
    root_text = msg("outline_root", view["lang"], id=view["tree"], title=view["title"])
    root = wrap(root_text, width, view["lang"], "bold magenta")
    rows = [(depth, line, styles[kind]) for depth, kind, line in view["rows"]]
    return layout.tree(root, rows, width, view["lang"])
