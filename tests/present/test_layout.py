"""The terminal's shapes (medbal.present.layout) and pages drawn with them: widths, CJK,
ASCII boxes for a narrow encoding, and data that looks like markup or holds control codes."""

import re
import shlex

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medbal.core.model import Document, Text, replace
from medbal.i18n.typeset import cells as display_width
from medbal.present import layout
from medbal.present.layout import Column, command, command_lines, hang, panel, table, tree, wrap
from medbal.present.pages import checklist_page
from medbal.present.terminal import overview_lines, page_lines
from medbal.present.views import category_view, checklists_view


def render(lines, encoding: str = "utf-8") -> str:
    """What a terminal of this encoding shows, without colour."""
    return layout.paint(lines, colour=False, encoding=encoding)


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
    odd = (
        Document(
            "odd",
            Text({"en": "Bring [copy] of ID [/b] [bold]x[/bold] <script>", "zh": "带[复印件]"}),
        ),
    )
    out = render(page_lines(page(checklists, 1, "en", odd), 120))
    assert "Bring [copy] of ID [/b] [bold]x[/bold] <script>" in out
    assert "带[复印件]" in render(page_lines(page(checklists, 1, "zh", odd), 120))


def test_narrow_encoding_uses_ascii_boxes(checklists):
    out = render(page_lines(page(checklists, 1, "en"), 60, utf=False), "ascii")
    assert "☐" not in out and "[ ] Proof of the referral filing" in out
    assert "+-" in out and "| " in out  # an ASCII box
    assert not set(out) & set("─│╭╮╰╯┏┓━┃•")


def test_categories_table_aligns_chinese(checklists):
    view = checklists_view(checklists, list(checklists.categories), "zh")
    out = render(overview_lines(view, 100))
    rows = [line for line in out.splitlines() if "│" in line and "新生儿" in line]
    header = [line for line in out.splitlines() if "情形" in line]
    assert rows and header
    assert display_width(rows[0]) == display_width(header[0])  # columns line up


# --- the shapes, one by one ------------------------------------------------------------

SGR = re.compile(r"\x1b\[[0-9;]*m")
WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789,.-", min_size=1, max_size=30),
    max_size=30,
)


def plain(lines) -> list[str]:
    return render(lines).splitlines()


@given(WORDS, st.integers(4, 100))
def test_english_wraps_at_spaces_and_keeps_every_word(words, width):
    lines = plain(wrap(" ".join(words), width, "en"))
    assert all(display_width(line) <= width for line in lines)
    short = [w for w in words if len(w) <= width]  # a longer word is folded, still whole
    assert all(w in line.split() for w in short for line in [" ".join(lines)])
    assert "".join(lines).replace(" ", "") == "".join(words)


def test_a_hanging_list_keeps_its_text_under_itself():
    lines = plain(hang("10.", "one two three four five six seven eight nine", 16, "en"))
    assert lines[0].startswith("10. one")
    assert len(lines) > 1 and all(line.startswith("    ") and line[4] != " " for line in lines[1:])


def test_a_panel_is_exactly_as_wide_as_asked_with_its_title_in_the_edge():
    lines = plain(panel(wrap("text " * 12, 16, "en"), 20, "green", "en", "Heading"))
    assert lines[0].startswith("╭─ Heading ─") and lines[0].endswith("╮")
    assert all(display_width(line) == 20 for line in lines)
    assert lines[-1] == "╰" + "─" * 18 + "╯"
    long = plain(panel([], 20, "green", "en", "A heading too long for the edge"))
    assert long[1].startswith("│ A heading too") and {display_width(x) for x in long} == {20}


COLUMNS = [Column("No.", right=True), Column("Name"), Column("Situation", wraps=True)]
ROWS = [
    ["1", "frequent-outpatient", "more than twenty outpatient visits in a month"],
    ["10", "x", "short"],
]


@pytest.mark.parametrize("width", [40, 50, 80, 120])
def test_a_table_fits_whole_or_not_at_all(width):
    lines = table(COLUMNS, ROWS, width, "en")
    least = len("frequent-outpatient") + len("No.") + len("outpatient") + 3 * 3 + 1
    if width < least:
        assert lines is None  # the caller shows a list instead: a name is never cut
        return
    assert lines is not None
    shown = plain(lines)
    assert len({display_width(line) for line in shown}) == 1  # every border lines up
    assert display_width(shown[0]) <= width
    assert any("│   1 │ frequent-outpatient │" in line for line in shown)  # whole, right-aligned
    assert any("│  10 │ x" in line for line in shown)
    words = " ".join(line.strip("│ ") for line in shown)
    assert all(w in words for w in ROWS[0][2].split())


def test_a_table_puts_a_rule_above_a_section():
    shown = plain(table(COLUMNS, ROWS, 80, "en", sections=[1]) or [])
    assert shown[3].startswith("│   1 ") and shown[4].startswith("├") and "┼" in shown[4]


def test_an_outline_carries_its_guides_past_a_wrapped_line():
    rows = [
        (0, "first question with a long text that wraps the line", "bold"),
        (1, "an option", ""),
        (0, "second", ""),
    ]
    shown = plain(tree([[("tree", "")]], rows, 30, "en"))
    assert shown[1].startswith("├── first")
    assert shown[2].startswith("│   ")  # the first row's text continues beside the guide
    assert any(line.startswith("│   └── an option") for line in shown)
    assert shown[-1].startswith("└── second")
    narrow = plain(tree([[("tree", "")]], [(d, f"level {d}", "") for d in range(8)], 40, "en"))
    assert narrow[-1] == "  " * 7 + "└─level 7"  # two cells a level where four would crowd


@given(
    st.lists(
        st.sampled_from(
            [
                "medbal",
                "diagnose",
                "zero-balance",
                "--lang",
                "zh",
                "--answer",
                "scheme=self-employed",
                "-a",
                "record=stopped",
                "a b",
                "x'y",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(20, 100),
)
def test_a_command_broken_at_spaces_still_runs_the_same(words, width):
    text = shlex.join(words)
    lines = command_lines(text, width)
    assert all(line.endswith(" \\") for line in lines[:-1])
    assert shlex.split(" ".join(line.removesuffix(" \\") for line in lines)) == words
    assert all(display_width(line) <= width for line in plain(command(text, width)))


def test_colour_adds_codes_and_nothing_else_and_no_control_code_gets_through():
    lines = [
        [("Heading", "bold cyan")],
        [("a ", ""), ("warn\x1b[2J\x07\u202eing", "bold magenta")],
        [("trailing   ", "")],
    ]
    coloured = layout.paint(lines, colour=True)
    assert "\x1b[1;36mHeading\x1b[0m" in coloured
    assert SGR.sub("", coloured) == layout.paint(lines, colour=False)
    # Shown escaped by the one escaping function (medbal.core.langs.shown), never obeyed.
    painted = layout.paint(lines, colour=False)
    assert painted == "Heading\na warn\\x1b[2J\\x07\\u202eing\ntrailing\n"
    assert not any(c < " " and c != "\n" or "\x7f" <= c <= "\x9f" or c == "\u202e" for c in painted)


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "latin-1"])
def test_a_character_the_encoding_lacks_keeps_its_cells(checklists, encoding):
    """On a GBK terminal Chinese shows; on ASCII each Han character is '??' (it took two
    cells), so every border of a box still lines up; → and × have one-cell stand-ins."""
    lines = page_lines(page(checklists, 3, "zh"), 50, utf=False)
    lines += panel([[("金额 2,500.00 × 88% → 2,200.00", "")]], 50, "red", "zh")
    out = render(lines, encoding).splitlines()
    boxed = [line for line in out if line.startswith(("|", "+"))]
    assert boxed and {display_width(line) for line in boxed} == {50}
    "\n".join(out).encode(encoding)  # raises if a character could not be shown
    assert ("金额" in out[-2]) == (encoding == "gbk")
    if encoding in ("ascii", "gbk"):  # GBK has them, but shows them two cells wide
        assert "2,500.00 x 88% > 2,200.00" in out[-2]


@pytest.mark.parametrize("width", [12, 16, 24])
def test_a_piece_wider_than_the_line_is_cut_so_the_shell_joins_it_again(width):
    import subprocess

    words = ["medbal", "diagnose", "--answer", "flexible-choice=lower-tier", "-a", "x=y"]
    shown = render(command(shlex.join(words), width))
    assert all(display_width(line) <= width for line in shown.splitlines())
    echoed = subprocess.run(
        ["bash", "-c", 'printf "%s|" ' + shown.removeprefix("  medbal")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert echoed == "|".join(words[1:]) + "|"


def _continues_by_scan(rows, n, level):
    """The definition, scanned row by row (what layout.tree did, cubic in a chain)."""
    for depth, *_ in rows[n + 1 :]:
        if depth < level:
            return False
        if depth == level:
            return True
    return False


@given(
    st.lists(st.integers(min_value=0, max_value=30), max_size=40),
    st.integers(min_value=8, max_value=120),
)
def test_an_outline_draws_each_guide_where_the_definition_says(depths, width):
    from medbal.present.layout import _guides

    rows = [(d, "x", "") for d in depths]
    step = 4 if width - 4 * (max(depths, default=0) + 1) >= 20 else 2
    room = width - step - 13
    for n, (carried, more) in enumerate(_guides(rows, room, step)):
        depth = rows[n][0]
        assert more == _continues_by_scan(rows, n, depth)
        low = depth - len(carried)
        assert carried == [_continues_by_scan(rows, n, level) for level in range(low, depth)]


def test_a_deep_chain_is_laid_out_within_the_width_and_printed_with_bounded_indents():
    """Issue 21, defect 8: a chain of 3,000 questions; every line within the width at a
    terminal, and piped, no line indented past MAX_INDENT levels (it was 72 MB)."""
    from medbal.files.loader import load_bytes
    from medbal.present.authoring import MAX_INDENT, outline_text, outline_view

    from support import a_tree, generated_tree

    view = outline_view(a_tree(load_bytes(generated_tree(3000).encode(), "big.yaml")), "en")
    assert max(depth for depth, _, _ in view["rows"]) > 5000
    shown = plain(tree([[("big", "")]], [(d, t, "") for d, _, t in view["rows"]], 60, "en"))
    assert max(display_width(line) for line in shown) <= 60
    text = outline_text(view)
    longest = max(len(line) for line in text.splitlines())
    assert longest <= 2 * MAX_INDENT + len("…12000 ") + len("q2999: Question 2999?")
    assert len(text) < 100 * len(view["rows"])  # linear in the rows
