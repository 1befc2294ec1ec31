"""Plain text for pipes, files and NO_COLOR: no colour, no boxes, no hard wrapping.

Lines are never wrapped here: a script or a pager sees each item whole.  Every
function takes a view (medbal.present.views) alone and returns the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from medbal.i18n.catalogue import label, msg
from medbal.i18n.typeset import cells, colon, listing
from medbal.present import kinds
from medbal.present.pages import (
    Page,
    answers_lines,
    checklist_pages,
    outcome_page,
    overview_notes,
    overview_table,
    source_groups,
    source_line,
)
from medbal.present.views import ChecklistsView, DiagnoseView, EstimateView, QuestionView, yuan


def page_text(page: Page) -> str:
    out: list[str] = []
    if page.kicker:
        out.append(page.kicker)
    out += [page.title, "=" * min(cells(page.title), 60)]
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


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def table_lines(rows: Sequence[Sequence[str]], right: Sequence[bool]) -> list[str]:
    """Columns padded by display width (`right`: aligned right); a last column aligned
    left is left ragged."""
    widths = [max(cells(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        padded = [
            (" " * (w - cells(c)) + c) if right[i] else pad(c, w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        if not right[-1]:
            padded[-1] = r[-1]
        lines.append("  ".join(padded).rstrip())
    return lines


# --- docs -------------------------------------------------------------------------


def categories_text(view: ChecklistsView) -> str:
    """The overview: number, short name and situation of every category, and the deadline
    to claim where the file gives one."""
    head, rows = overview_table(view)
    lines = [view["title"], ""] + table_lines([head, *rows], [False] * len(head))
    lines += ["", *overview_notes(view)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def checklists_text(view: ChecklistsView) -> str:
    return "\n".join(page_text(p) for p in checklist_pages(view))


# --- diagnose -----------------------------------------------------------------------


def question_text(q: QuestionView, lang: str, number: int | None = None) -> str:
    """The question, and how to answer it: each option with the `--answer` that picks it
    on a line of its own (the option's value is an English word: it stands in the
    command, not by the label), or a date's form with its `--answer`."""
    lines = [msg("question_n", lang, n=number)] if number else []
    lines.append(q["text"])
    lines += kinds.of(q).plain(q, lang)  # how to answer it, as its kind asks
    if q["help"]:
        lines.append(label("help", lang) + q["help"])
    return "\n".join(lines) + "\n"


def _answer_rows(view: DiagnoseView) -> list[str]:
    return [f"  {i}. {line}" for i, line in enumerate(answers_lines(view), 1)]


def diagnose_text(view: DiagnoseView) -> str:
    """An outcome with the answers and the command that repeats it; or the open question
    with the `--answer` that answers it."""
    lang = view["lang"]
    if view["status"] == "needs-answer":
        q = view["question"]
        done = _answer_rows(view)
        head = [msg("answers", lang), *done, ""] if done else []
        return (
            "\n".join([*head, msg("needs_answer", lang), ""])
            + "\n"
            + question_text(q, lang, len(view["answers"]) + 1)
            + msg("answer_add", lang)
            + f"\n  {view['command']}\n"
        )
    out = [page_text(outcome_page(view)), msg("answers", lang), *_answer_rows(view)]
    if view["dropped"]:
        out.append(
            msg("dropped", lang)
            + " "
            + listing((f"{d['question']}={d['value']}" for d in view["dropped"]), lang)
        )
    out += ["", msg("reproduce", lang), f"  {view['command']}"]
    return "\n".join(out) + "\n"


# --- estimate -----------------------------------------------------------------------


def estimate_rows(view: EstimateView) -> list[tuple[str, str, str, str]]:
    """Band or item, amount, rate, paid: the rows of every estimate layout."""
    rows = [
        (
            msg("est_range", view["lang"], start=yuan(s["from"]), end=yuan(s["to"])),
            yuan(s["amount"]),
            f"{s['rate']:g}%",
            yuan(s["paid"]),
        )
        for s in view["slices"]
    ]
    rows += [
        (i["label"], yuan(i["amount"]), f"{i['rate']:g}%", yuan(i["paid"])) for i in view["items"]
    ]
    return rows


def estimate_title(view: EstimateView) -> str:
    """The bill the estimate is for: with separately rated items, their sum is part of it
    (the amount argument is the bill without them), so the title gives the whole."""
    lang, region = view["lang"], view["region"]["name"]
    items = sum(i["amount"] for i in view["items"])
    if not items:
        return msg("est_title", lang, bill=yuan(view["bill"]), region=region)
    return msg(
        "est_title_items",
        lang,
        total=yuan(view["bill"] + items),
        bill=yuan(view["bill"]),
        items=yuan(items),
        region=region,
    )


def estimate_head(lang: str) -> tuple[str, str, str, str]:
    return (
        msg("est_band", lang),
        msg("est_amount", lang),
        msg("est_rate", lang),
        msg("est_paid", lang),
    )


def estimate_text(view: EstimateView) -> str:
    lang = view["lang"]
    out = [estimate_title(view), msg("est_applies", lang, what=view["applies_to"]), ""]
    out += table_lines([estimate_head(lang), *estimate_rows(view)], (False, True, True, True))
    out += [
        "",
        label("est_total", lang) + msg("est_money", lang, amount=yuan(view["total_paid"])),
        label("est_own", lang) + msg("est_money", lang, amount=yuan(view["own_share"])),
        "",
    ]
    out += view["notes"]
    out += [
        "",
        label("est_reading", lang) + view["reading"],
        "",
        *(
            line
            for heading, group in source_groups(view["sources"], lang)
            for line in (heading + colon(lang) + source_line(group, lang), "")
        ),
        view["notice"],
    ]
    return "\n".join(out) + "\n"
