"""The layout of a page of sections (medbal.present.pages) as Markdown and HTML: the
order a person reads, an outcome that names several categories, the title once.

The goldens (tests/present/test_views.py) show whole documents; these say what in them
must hold whatever the trees say.  Printing is tested in tests/e2e/test_print.py.
"""

from __future__ import annotations

import re

import pytest

from medbal import api
from medbal.core.engine import all_paths
from medbal.i18n.catalogue import msg
from medbal.present.html import diagnose_html
from medbal.present.markdown import checklists_markdown, diagnose_markdown
from medbal.present.pages import checklist_page, outcome_page, takehome_pages
from medbal.present.views import checklists_view

from support import replay

LANGS = ("en", "zh")
TODAY = "2026-11-24"


def _with_checklist(lang: str):
    tree = api.load_tree("which-category")
    path = next(p for p, o in all_paths(tree) if o.checklist)
    return api.diagnose(tree.id, replay(path), lang)


def _two_categories(checklists, lang: str):
    """An outcome that names the mother's category 4 and the baby's 11 (a birth elsewhere):
    its view holds both, as `checklist.categories` does for an outcome naming a list."""
    view = _with_checklist(lang)
    cats = [checklists.find("4"), checklists.find("11")]
    view["outcome"]["checklist"] = checklists_view(checklists, cats, lang)
    return view


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_gives_the_title_once(lang):
    view = _with_checklist(lang)
    text = diagnose_markdown(view, TODAY)
    assert text.startswith(f"# {view['tree_title']}\n")
    assert text.count(view["tree_title"]) == 1
    docs = api.docs(3, lang)
    assert checklists_markdown(docs).count(docs["title"]) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_an_outcome_says_what_to_do_before_why(lang):
    view = _with_checklist(lang)
    page = outcome_page(view)
    headings = [s.heading for s in page.sections]
    assert headings.index(msg("next_steps", lang)) < headings.index(msg("why", lang))
    why = page.sections[headings.index(msg("why", lang))]
    assert why.style == "para" and why.items == [view["outcome"]["explanation"]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_region_comes_before_the_first_tick_box(checklists, lang):
    view = checklists_view(checklists, list(checklists.categories), lang)
    for cat in view["categories"]:
        page = checklist_page(cat, view, lang)
        styles = [s.style for s in page.sections]
        named = view["region"]
        assert named is not None
        region = next(i for i, s in enumerate(page.sections) if named in " ".join(s.items))
        assert region < styles.index("checks"), cat["number"]


@pytest.mark.parametrize("lang", LANGS)
def test_an_outcome_naming_two_categories_gives_both_checklists(checklists, lang):
    view = _two_categories(checklists, lang)
    pages = takehome_pages(view, TODAY, slug=False)
    assert [p.title for p in pages[1:]] == [
        c["title"] for c in view["outcome"]["checklist"]["categories"]
    ]
    outcome = pages[0]
    boxes = [s for s in outcome.sections if s.style == "deadline" and s.key != "due"]
    cats = view["outcome"]["checklist"]["categories"]
    texts = [[d["text"] for d in c["deadlines"]] for c in cats]
    both = [t for t in texts[0] if t in texts[1]]
    # a line both categories hold is said once, under a heading for both; a box for each
    # category with lines of its own, named by it: whose deadlines.  A box of open
    # questions only (no limit known: "ask the agency") follows the steps.
    heading = msg("deadlines_shared", lang)
    shared = [b for b in boxes if b.heading == heading]
    assert [b.items for b in shared] == ([both] if both else [])
    boxes = [b for b in boxes if b.heading != heading]
    if shared:
        after = outcome.sections.index(shared[0])
        steps = [i for i, s in enumerate(outcome.sections) if s.style == "steps"]
        assert steps and steps[0] < after
    own = [c for c, t in zip(cats, texts, strict=True) if any(x not in both for x in t)]
    assert len(boxes) == len(own) >= 1
    for box, cat in zip(boxes, own, strict=True):
        assert box.heading and cat["title"].replace(" ", "") in box.heading.replace(" ", "")
        assert not set(box.items) & set(both)
    html = diagnose_html(view, TODAY)
    assert html.count('<section class="page">') == 3


@pytest.mark.parametrize("lang", LANGS)
def test_html_sheets_show_no_short_name_and_fit_a_phone(checklists, lang):
    html = diagnose_html(_with_checklist(lang), TODAY)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    for cat in checklists.categories:
        assert not re.search(rf"[·>]\s*{re.escape(cat.slug)}\b", html), cat.slug
    # The sheet's head is a table head: printed, it repeats on every page of the sheet.
    assert html.count("<thead>") == html.count('<section class="page">') == 2
