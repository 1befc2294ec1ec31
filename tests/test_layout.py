"""The terminal's shapes (medbal.present.layout) and pages drawn with them: widths, CJK,
ASCII boxes for a narrow encoding, and data that looks like markup or holds control codes."""

import pytest

from medbal.core.model import Document, Text, replace
from medbal.i18n.typeset import cells as display_width
from medbal.present import layout
from medbal.present.pages import checklist_page
from medbal.present.terminal import overview_lines, page_lines
from medbal.present.views import category_view, checklists_view


def render(lines, utf: bool = True) -> str:
    """What a terminal shows, without colour."""
    return layout.paint(lines, colour=False, utf=utf)


def page(checklists, number: int, lang: str, docs=None):
    cat = checklists.find(str(number))
    if docs:
        cat = replace(cat, documents=docs)
    data = replace(checklists, categories=(cat,))
    view = checklists_view(data, [cat], lang)
    return checklist_page(category_view(cat, lang), view, lang)


@pytest.mark.parametrize("width", [40, 120])
def test_checklist_fits_the_width_in_chinese(checklists, width):
    out = render(page_lines(page(checklists, 11, "zh"), width))
    assert "☐ 出生医学证明" in out
    assert max(display_width(line) for line in out.splitlines()) <= width
    assert "三个月" in out.replace("\n", "").replace(" ", "").replace("│", "")


def test_markup_in_data_prints_literally(checklists):
    odd = (Document("odd", Text("Bring [copy] of ID [/b] [bold]x[/bold] <script>", "带[复印件]")),)
    out = render(page_lines(page(checklists, 1, "en", odd), 120))
    assert "Bring [copy] of ID [/b] [bold]x[/bold] <script>" in out
    assert "带[复印件]" in render(page_lines(page(checklists, 1, "zh", odd), 120))


def test_narrow_encoding_uses_ascii_boxes(checklists):
    out = render(page_lines(page(checklists, 1, "en"), 60, utf=False), utf=False)
    assert "☐" not in out and "[ ] Proof of the referral filing" in out
    assert "+-" in out and "| " in out  # an ASCII box
    assert not set(out) & set("─│╭╮╰╯┏┓━┃•")


def test_categories_table_aligns_chinese(checklists):
    view = checklists_view(checklists, list(checklists.categories), "zh")
    out = render(overview_lines(view, 100))
    rows = [line for line in out.splitlines() if "│" in line and "newborn" in line]
    header = [line for line in out.splitlines() if "简称" in line]
    assert rows and header
    assert display_width(rows[0]) == display_width(header[0])  # columns line up
