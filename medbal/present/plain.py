"""Plain text for pipes and files: no boxes, no hard wrapping, and no colour unless forced.

Lines are never wrapped here: a script or a pager sees each item whole.  Every
function takes a view (medbal.present.views) alone and returns the text, a `Plain`:
a str that also knows the style of each of its lines, so that FORCE_COLOR colours it
through a pipe without changing a character of its layout (medbal.present.formats).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from medbal.i18n.catalogue import label, msg
from medbal.i18n.typeset import cells, listing
from medbal.present import kinds
from medbal.present.estimates import EstimateView, yuan
from medbal.present.pages import (
    Page,
    answers_lines,
    checklist_pages,
    outcome_page,
    overview_notes,
    overview_table,
    source_paragraphs,
)
from medbal.present.views import ChecklistsView, DiagnoseView, QuestionView


class Plain(str):
    """Plain text with the style of each of its lines (`styles`, one per line of
    `text.split("\n")`): the words of a terminal's style, as medbal.present.layout
    paints them, "" for none."""

    styles: tuple[str, ...] = ()

    def lines(self) -> list[tuple[str, str]]:
        """Each line with its style."""
        rows = self.split("\n")
        return list(zip(rows, self.styles or ("",) * len(rows), strict=True))


Part = str | tuple[str, str]  # a line, or a line and its style, or a Plain of many


def _plain(parts: Iterable[Part]) -> Plain:
    """The lines (a Plain's as they are, without its last newline), one a line, ending in
    a newline."""
    rows: list[tuple[str, str]] = []
    for part in parts:
        if isinstance(part, Plain):
            rows += part.lines()[:-1] if part.endswith("\n") else part.lines()
        elif isinstance(part, tuple):
            rows.append(part)
        else:
            rows += [(row, "") for row in part.split("\n")]
    rows.append(("", ""))  # the final newline
    text = Plain("\n".join(row for row, _ in rows))
    text.styles = tuple(style for _, style in rows)
    return text


_MARK_STYLE = {"deadline": "magenta", "small": "dim"}


def page_text(page: Page) -> Plain:
    out: list[Part] = []
    if page.kicker:
        out.append((page.kicker, "cyan"))
    out += [(page.title, "bold"), ("=" * min(cells(page.title), 60), "bold")]
    for s in page.sections:
        out.append("")
        if s.heading:
            out.append((s.heading, "bold cyan"))
        if s.intro:
            out.append(s.intro)
        for i, item in enumerate(s.items, 1):
            out.append((_item(s.style, i, item), _MARK_STYLE.get(s.style, "")))
    return _plain(out)


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


def categories_text(view: ChecklistsView) -> Plain:
    """The overview: number, short name and situation of every category, and the deadline
    to claim where the file gives one."""
    head, rows = overview_table(view)
    table = table_lines([head, *rows], [False] * len(head))
    lines: list[tuple[str, str]] = [(view["title"], "bold"), ("", ""), (table[0], "bold cyan")]
    lines += [(row, "") for row in table[1:]] + [("", "")]
    lines += [(note, "dim") for note in overview_notes(view)]
    return _plain((line.rstrip(), style) for line, style in lines)


def checklists_text(view: ChecklistsView) -> Plain:
    out: list[Part] = []
    for i, sheet in enumerate(checklist_pages(view)):
        out += [""] if i else []  # the pages apart by one blank line
        out.append(page_text(sheet))
    return _plain(out)


# --- diagnose -----------------------------------------------------------------------


def question_text(q: QuestionView, lang: str, number: int | None = None) -> Plain:
    """The question, and how to answer it: each option with the `--answer` that picks it
    on a line of its own (the option's value is an English word: it stands in the
    command, not by the label), or a date's form with its `--answer`."""
    lines: list[Part] = [(msg("question_n", lang, n=number), "dim")] if number else []
    lines.append((q["text"], "bold"))
    lines += kinds.of(q).plain(q, lang)  # how to answer it, as its kind asks
    if q["help"]:
        lines.append(label("help", lang) + q["help"])
    return _plain(lines)


def _answer_rows(view: DiagnoseView) -> list[Part]:
    return [f"  {i}. {line}" for i, line in enumerate(answers_lines(view), 1)]


def diagnose_text(view: DiagnoseView) -> Plain:
    """An outcome with the answers and the command that repeats it; or the open question
    with the `--answer` that answers it."""
    lang = view["lang"]
    if view["status"] == "needs-answer":
        q = view["question"]
        done = _answer_rows(view)
        head: list[Part] = [(msg("answers", lang), "bold cyan"), *done, ""] if done else []
        return _plain(
            [
                *head,
                (msg("needs_answer", lang), "bold magenta"),
                "",
                question_text(q, lang, len(view["answers"]) + 1),
                msg("answer_add", lang),
                f"  {view['command']}",
            ]
        )
    out: list[Part] = [page_text(outcome_page(view)), "", (msg("answers", lang), "bold cyan")]
    out += _answer_rows(view)
    if view["dropped"]:
        out.append(
            msg("dropped", lang)
            + " "
            + listing((f"{d['question']}={d['value']}" for d in view["dropped"]), lang)
        )
    out += ["", (msg("reproduce", lang), "bold cyan"), (f"  {view['command']}", "green")]
    return _plain(out)


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


def estimate_text(view: EstimateView) -> Plain:
    lang = view["lang"]
    out: list[Part] = [(estimate_title(view), "bold")]
    out += [msg("est_applies", lang, what=view["applies_to"]), ""]
    table = table_lines([estimate_head(lang), *estimate_rows(view)], (False, True, True, True))
    out += [(table[0], "bold cyan"), *table[1:]]
    out += [
        "",
        (
            label("est_total", lang) + msg("est_money", lang, amount=yuan(view["total_paid"])),
            "bold green",
        ),
        label("est_own", lang) + msg("est_money", lang, amount=yuan(view["own_share"])),
        "",
    ]
    out += [(note, "bold magenta") for note in view["notes"]]
    out += [
        "",
        label("est_reading", lang) + view["reading"],
        "",
    ]
    for paragraphs in source_paragraphs(view["sources"], lang):
        out += [*((text, "dim") for text in paragraphs), ""]
    out.append((view["notice"], "bold red"))
    return _plain(out)
