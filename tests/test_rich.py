"""Rich renderings into a Console(file=StringIO()): widths, CJK, and data that looks like markup."""

import io
from dataclasses import replace

import pytest
from rich.console import Console

from medbal.core.model import Document, Text
from medbal.i18n.typeset import cells as display_width
from medbal.present.pages import checklist_page
from medbal.present.tty import RichPage, categories_table
from medbal.present.views import category_view, checklists_view


def render(renderable, width: int, encoding: str = "utf-8") -> str:
    """What a terminal of this width and encoding shows (Rich reads the encoding off the file)."""
    buffer = io.StringIO()
    console = Console(file=_Encoded(buffer, encoding), width=width, force_terminal=True,
                      color_system=None, highlight=False)
    console.print(renderable)
    return buffer.getvalue()


class _Encoded(io.TextIOBase):
    """A text stream that reports a narrow encoding, as a GBK or ASCII terminal would."""

    def __init__(self, target: io.StringIO, encoding: str):
        self.target, self._encoding = target, encoding

    @property
    def encoding(self) -> str:
        return self._encoding

    def write(self, s: str) -> int:
        return self.target.write(s)

    def isatty(self) -> bool:
        return True


def page(checklists, number: int, lang: str, docs=None):
    cat = checklists.find(str(number))
    if docs:
        cat = replace(cat, documents=docs)
    data = replace(checklists, categories=(cat,))
    view = checklists_view(data, [cat], lang)
    return RichPage(checklist_page(category_view(cat, lang), view, lang))


@pytest.mark.parametrize("width", [40, 120])
def test_checklist_fits_the_width_in_chinese(checklists, width):
    out = render(page(checklists, 11, "zh"), width)
    assert "☐ 出生医学证明" in out
    assert max(display_width(line) for line in out.splitlines()) <= width
    assert "三个月" in out.replace("\n", "").replace(" ", "").replace("│", "")


def test_markup_in_data_prints_literally(checklists):
    odd = (Document("odd", Text("Bring [copy] of ID [/b] [bold]x[/bold] <script>", "带[复印件]")),)
    out = render(page(checklists, 1, "en", odd), 120)
    assert "Bring [copy] of ID [/b] [bold]x[/bold] <script>" in out
    assert "带[复印件]" in render(page(checklists, 1, "zh", odd), 120)


def test_narrow_encoding_uses_ascii_boxes(checklists):
    out = render(page(checklists, 1, "en"), 60, encoding="ascii")
    assert "☐" not in out and "[ ] Proof of the referral filing" in out
    assert "╭" not in out and "+" in out  # Rich's ASCII panel


def test_categories_table_aligns_chinese(checklists):
    view = checklists_view(checklists, list(checklists.categories), "zh")
    out = render(categories_table(view), 100)
    rows = [line for line in out.splitlines() if "│" in line and "newborn" in line]
    header = [line for line in out.splitlines() if "简称" in line]
    assert rows and header
    assert display_width(rows[0]) == display_width(header[0])  # columns line up
