"""A checklist or an outcome as a page of sections, in one language.

Plain text, the terminal, Markdown and HTML all format these pages, so what is shown
and in which order is decided once, here; the renderers only choose the look.
"""

from __future__ import annotations

from typing import NamedTuple

from medbal.core.errors import Day
from medbal.i18n.catalogue import label, msg
from medbal.i18n.sources import is_article, is_channel, law_article, law_label
from medbal.i18n.typeset import aside, clauses, colon, counted, han_layout, sentences, space_zh
from medbal.present.deadlines import DeadlineView, box_words
from medbal.present.views import (
    CategoryView,
    ChecklistsView,
    DiagnoseView,
    OutcomeView,
    SourceView,
)

# Section styles: para (running text), note (stands out), deadline (boxed),
# checks (tick boxes), steps (numbered), bullets, small (fine print: each item a
# paragraph, the sources joined into one).


class Section(NamedTuple):  # not a dataclass: every one-shot text call builds pages, and
    # making a dataclass compiles its methods at import
    style: str
    items: list[str]
    heading: str | None = None
    intro: str | None = None
    key: str | None = None  # names a section a front end fills in (the page's links)


class Page:
    def __init__(self, title: str, lang: str, kicker: str | None = None, form: bool = False):
        zh = han_layout(lang)
        self.title = space_zh(title) if zh else title
        self.lang = lang
        self.kicker = space_zh(kicker) if zh and kicker else kicker  # "Category 3 · short-trip"
        self.sections: list[Section] = []
        self.form = form  # a printed checklist gets lines for name, ID, date, staff

    def add(
        self,
        style: str,
        items: list[str],
        heading: str | None = None,
        intro: str | None = None,
        key: str | None = None,
    ) -> None:
        if han_layout(self.lang):  # one spacing rule for every format drawn from a page
            items = [space_zh(i) for i in items]
            heading = space_zh(heading) if heading else heading
            intro = space_zh(intro) if intro else intro
        if items or intro:
            self.sections.append(Section(style, items, heading, intro, key))


def source_line(sources: list[SourceView], lang: str) -> str:
    """The sources as one line; the articles of the Social Insurance Law named once, where
    the first of them stands ("…第四条、第二十七条", "…Arts. 4 and 27")."""
    articles = [n for s in sources if (n := law_article(s["id"])) is not None]
    labels: list[str] = []
    for s in sources:
        if law_article(s["id"]) is None:
            labels.append(s["label"])
        elif articles:
            labels.append(law_label(sorted(articles), lang))
            articles = []
    return clauses(labels, lang)


def source_paragraphs(sources: list[SourceView], lang: str) -> list[list[str]]:
    """The sources as run-in paragraphs, a list for each heading: "依据：…", then any
    note under it (medbal estimate's terminal and plain views)."""
    out = []
    for heading, group in source_groups(sources, lang):
        line, *notes = source_texts(group, lang)
        out.append([heading + colon(lang) + line, *notes])
    return out


def source_texts(group: list[SourceView], lang: str) -> list[str]:
    """A group's line, and under the web articles what they are worth: background only,
    the local agency's answer decides (said once, not after each article)."""
    lines = [source_line(group, lang)] if group else []
    if group and all(is_article(s["id"]) for s in group):
        lines.append(msg("reading_note", lang))
    return lines


def source_groups(sources: list[SourceView], lang: str) -> list[tuple[str, list[SourceView]]]:
    """The sources under three headings: laws and official documents (依据), the official
    channels (the national app and hotline: no document), then the web articles read as
    background (参考资料); a heading with nothing under it is left out."""
    rules = [s for s in sources if not is_article(s["id"]) and not is_channel(s["id"])]
    channels = [s for s in sources if is_channel(s["id"])]
    articles = [s for s in sources if is_article(s["id"])]
    groups = [
        (msg("sources", lang), rules),
        (msg("channels", lang), channels),
        (msg("reading", lang), articles),
    ]
    return [(heading, group) for heading, group in groups if group]


def _add_sources(page: Page, entry: OutcomeView | CategoryView, sources: list[SourceView]) -> None:
    """The source lines, the official reference the entry rests on (if it names one)
    with the laws and documents."""
    reference, lang = entry["reference"], page.lang
    groups = source_groups(sources, lang)
    if reference and not any(heading == msg("sources", lang) for heading, _ in groups):
        groups.insert(0, (msg("sources", lang), []))
    for heading, group in groups:
        lines = source_texts(group, lang)
        if reference and heading == msg("sources", lang):
            lines.append(reference)
        page.add("small", lines, heading)


UNITS = {"day": "unit_day", "month": "unit_month", "year": "unit_year"}  # catalogue keys


def deadline_summary(d: DeadlineView, lang: str) -> str:
    """A short form of a deadline for tables: 'within 7 days', '3 个月内'."""
    if d["kind"] == "not-stated":
        return msg("deadline_not_stated", lang)
    amount, unit = d["amount"], d["unit"]
    if amount is None or unit is None:  # the loader gives a unit with every amount
        return d["text"]
    count = counted(amount, msg(UNITS[unit], lang), lang)
    key = "deadline_within" if d["kind"] in ("within", "claim") else "deadline_at_least"
    return msg(key, lang, count=count)


def _other_region(d: DeadlineView, view: ChecklistsView) -> str:
    """A deadline's short form, with its region's name where that is not the file's."""
    short, region = deadline_summary(d, view["lang"]), d.get("region")
    if region is None or region["name"] == view["region"]:
        return short
    return aside(short, region["name"], view["lang"])


def deadline_column(view: ChecklistsView) -> list[str] | None:
    """The overview's column of deadlines to claim, one per category; None when no
    category's file gives one with a number (then the overview says so in one line
    rather than a column of "not stated").  Other time limits (filing, enrolment, a
    stay of half a year) are conditions of a category, shown on its own sheet."""
    lang = view["lang"]
    found = [
        next(
            (
                _other_region(d, view)
                for d in c["deadlines"]
                if d["kind"] == "claim" and d["amount"] is not None
            ),
            None,
        )
        for c in view["categories"]
    ]
    if not any(found):
        return None
    return [f or msg("deadline_not_stated", lang) for f in found]


def shows_slug(lang: str) -> bool:
    """Whether the overview has a column of short names: they are English words, so a
    Chinese table goes by number alone (`medbal docs 3` works in every language)."""
    return not han_layout(lang)


def overview_table(view: ChecklistsView) -> tuple[list[str], list[list[str]]]:
    """The overview's head and rows: number, short name (shows_slug) and situation of each
    category, and its deadline to claim where any file gives one (deadline_column)."""
    lang, deadlines = view["lang"], deadline_column(view)
    head = [msg("no", lang), msg("slug", lang), msg("title", lang)]
    rows = [[str(c["number"]), c["slug"], _title(c, view)] for c in view["categories"]]
    if not shows_slug(lang):
        head, rows = [head[0], head[2]], [[r[0], r[2]] for r in rows]
    if deadlines:
        head.append(msg("deadline", lang))
        rows = [[*r, d] for r, d in zip(rows, deadlines, strict=True)]
    return head, rows


def region_line(view: ChecklistsView) -> list[str]:
    """Whose rules these are (none for national rules), and the reminder that rules
    differ between regions: a reader elsewhere sees it under the overview as on a sheet."""
    region = view["region"]
    where = [label("region", view["lang"]) + region] if region else []
    return [*where, view["region_note"]]


def _title(cat: CategoryView, view: ChecklistsView) -> str:
    """A category's title in the overview, with its region where that is not the file's
    (named under the table)."""
    region = cat.get("region")
    if region is None or region["name"] == view["region"]:
        return cat["title"]
    return aside(cat["title"], region["name"], view["lang"])


def overview_notes(view: ChecklistsView) -> list[str]:
    """The lines under the overview: no deadline to claim (when there is no column of
    them), the region, and how to see one category.  (Each sheet names its region at
    its head; a deadline in the column names its own where it is not the file's.)"""
    lang = view["lang"]
    notes = [] if deadline_column(view) else [msg("no_claim_deadlines", lang)]
    return [*notes, *region_line(view), *legal_lines(view), msg("more", lang)]


def legal_lines(view: ChecklistsView) -> list[str]:
    """The law the claims rest on, under the overview (each sheet cites its own articles
    under its sources; the provisions in words are said once, here)."""
    lang, items = view["lang"], view["legal_basis"]
    return [label("sources", lang).rstrip(), *items] if items else []


def _sheet_sources(cat: CategoryView, data: ChecklistsView) -> list[SourceView]:
    """Everything a sheet rests on: the category's sources, then those of the common
    documents, the guidance and the claim steps it shows."""
    found = [
        *cat["sources"],
        *(s for d in cat["common_documents"] for s in d["sources"]),
        *(s for g in cat["guidance"] for i in g["items"] for s in i["sources"]),
        *data["claim_steps_sources"],
    ]
    return list({s["id"]: s for s in found}.values())


def checklist_page(cat: CategoryView, data: ChecklistsView, lang: str, slug: bool = True) -> Page:
    """A category's sheet.  The region's warning comes before the first tick box: it
    qualifies every document listed.  `slug`: the kicker names the English short name,
    which a command accepts (medbal docs short-trip); a page for people leaves it out."""
    # The slug is an English short name: the Chinese heading shows the number only.
    key = "category" if slug else "category_n"
    kicker = msg(key, lang, n=cat["number"], slug=cat["slug"])
    page = Page(title=cat["title"], lang=lang, form=True, kicker=kicker)
    # Whose rules these are, at the head of the sheet, before anything a person acts on.
    region = cat["region"]["name"] if cat["region"] else None
    head = (
        msg("region_line", lang, region=region, note=data["region_note"])
        if region
        else data["region_note"]
    )
    page.add("note", [head])
    page.add("para", [cat["applies_when"]], msg("applies_when", lang))
    page.add(
        "deadline",
        # the known limits, the conditions, then "ask whether there is a deadline"
        [d["text"] for d in cat["deadlines"] if d["kind"] != "not-stated"]
        + cat["conditions"]
        + [d["text"] for d in cat["deadlines"] if d["kind"] == "not-stated"],
        msg("deadlines", lang),
    )
    page.add("checks", [d["text"] for d in cat["documents"]], msg("documents", lang))
    for v in cat["variants"]:
        intro = sentences([v["applies_when"], *v["conditions"]], lang)
        page.add(
            "checks",
            [d["text"] for d in v["documents"]],
            msg("variant", lang, title=v["title"]),
            intro,
        )
    page.add("checks", [d["text"] for d in cat["common_documents"]], msg("common_documents", lang))
    for g in cat["guidance"]:
        page.add("bullets", [i["text"] for i in g["items"]], g["title"])
    page.add("steps", data["claim_steps"], msg("claim_steps", lang))
    page.add("bullets", cat["notes"], msg("notes", lang))
    _add_sources(page, cat, _sheet_sources(cat, data))
    return page


def outcome_page(view: DiagnoseView, printed_on: str | None = None) -> Page:
    """An outcome; with `printed_on`, the take-home version with the answers and the date.

    What to do comes first (the deadlines, the checklists, the next steps), then why: on a
    phone's first screen and at the top of the sheet a person sees what to do next."""
    o, lang = view["outcome"], view["lang"]
    page = Page(title=o["title"], lang=lang, kicker=view["tree_title"])
    due = o.get("due")
    if due:  # first: the one date this person must keep
        day = box_words(due, bool(o["due_passed"]), lang)
        page.sections.append(due_section(day, o["due_rule"], o["due_late"], lang))
    checklist = o["checklist"]
    cats = checklist["categories"] if checklist else []
    boxes = deadline_boxes(cats, o.get("due_rule"), lang)
    # A box of open questions only (no limit is known: ask the agency) is not the first
    # thing to do, least where the claim is the fallback ("report the loss today" comes
    # first): it follows the next steps.  A known limit stays at the top.
    known = [any(d["kind"] != "not-stated" for d in lines) for lines, _ in boxes]
    for (lines, heading), first in zip(boxes, known, strict=True):
        if first:
            page.add("deadline", [d["text"] for d in lines], heading)
    if cats:
        if printed_on:
            key = "checklist_next_pages" if len(cats) > 1 else "checklist_next_page"
            notes = [msg(key, lang)]
        else:
            key = "checklist_command_of" if len(cats) > 1 else "checklist_command"
            notes = [msg(key, lang, n=c["number"]) for c in cats]
        page.add("note", notes, key="checklists")
    page.add("steps", o["next_steps"], msg("next_steps", lang))
    for (lines, heading), first in zip(boxes, known, strict=True):
        if not first:
            page.add("deadline", [d["text"] for d in lines], heading)
    page.add("para", [o["explanation"]], msg("why", lang))
    if o["pooled_fund"]:
        page.add("note", [o["pooled_fund"]], msg("pooled_fund", lang))
    page.add("bullets", o["where_to_check"], msg("where_to_check", lang))
    if o["caveat"]:
        page.add("para", [o["caveat"]], msg("caveat", lang))
    _add_sources(page, o, o["sources"])
    if printed_on:
        page.add("bullets", answers_lines(view), msg("answers", lang), key="answers")
        page.add("small", [msg("printed_on", lang, date=Day(printed_on))])
    return page


def deadline_boxes(
    cats: list[CategoryView], due_rule: str | None, lang: str
) -> list[tuple[list[DeadlineView], str]]:
    """The deadline boxes of an outcome's categories, each with its heading, none empty.

    The deadline counted to a day is in the due box, in the same words: not again here.
    With two categories, a line both would hold is said once, in a box for both, first;
    then each category's own lines, headed with whose they are (the mother's claim or
    the baby's)."""
    own = [[d for d in c["deadlines"] if d["text"] != due_rule] for c in cats]
    boxes: list[tuple[list[DeadlineView], str]] = []
    shared: set[str] = set()
    if len(cats) > 1:
        shared = {d["text"] for d in own[0]}.intersection(*({d["text"] for d in b} for b in own))
        boxes.append(([d for d in own[0] if d["text"] in shared], msg("deadlines_shared", lang)))
    for cat, lines in zip(cats, own, strict=True):
        # with two, whose: "时限和条件：新生儿出生起的医疗费", "A newborn's ...: deadlines ..."
        heading = (
            msg("deadlines_of", lang, title=cat["title"])
            if len(cats) > 1
            else msg("deadlines", lang)
        )
        boxes.append(([d for d in lines if d["text"] not in shared], heading))
    return [(lines, heading) for lines, heading in boxes if lines]


def due_section(text: str | None, rule: str | None, late: str | None, lang: str) -> Section:
    """The day a deadline counted from the person's date falls on, boxed: the rule it
    counts, the day with whose rule it is, and, once past, what is still possible."""
    page = Page("", lang)
    page.add("deadline", [t for t in (text, late) if t], msg("due_heading", lang), rule, "due")
    return page.sections[0]


def takehome_pages(view: DiagnoseView, printed_on: str, slug: bool = True) -> list[Page]:
    """The page to take home: the outcome, then the checklist of each category it names."""
    pages = [outcome_page(view, printed_on)]
    checklist = view["outcome"]["checklist"]
    if checklist:
        lang = view["lang"]
        pages += [checklist_page(c, checklist, lang, slug) for c in checklist["categories"]]
    return pages


def checklist_pages(view: ChecklistsView, slug: bool = True) -> list[Page]:
    """`medbal docs`: one sheet per category asked for."""
    return [checklist_page(c, view, view["lang"], slug) for c in view["categories"]]


def answers_lines(view: DiagnoseView) -> list[str]:
    """'Question text → chosen label', in the order asked."""
    return [f"{a['text']} → {a['label']}" for a in view["answers"]]
