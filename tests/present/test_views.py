"""Every command's view in every format, from the view alone; golden text at 40, 80 and
120 columns in both languages; and every Chinese rendering scanned for typesetting.

Regenerate the goldens with `MEDBAL_UPDATE_GOLDEN=1 uv run pytest tests/present/test_views.py`,
then review them as a diff: they are what a person sees.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from medbal import api
from medbal.core.engine import all_paths
from medbal.present.formats import RENDERERS, render

from dated_trees import FOLDER
from support import replay

GOLDEN = Path(__file__).parent / "golden"
TODAY = "2026-11-24"  # the take-home page is dated: a fixed day keeps the goldens still
WIDTHS = (40, 80, 120)
LANGS = ("en", "zh")
STARTS_BAD = "、。，；：？！）》」』】”’"
ENDS_BAD = "（《「『【“‘"
BORDERS = "│┃║╭╮╰╯┏┓┗┛┡┩└┘┌┐├┤┼╇╋━─═ "


def _claim_answers() -> dict[str, str]:
    """The first path of the category finder that ends at a checklist."""
    tree = api.load_tree("which-category")
    for path, outcome in all_paths(tree):
        if outcome.checklist:
            return replay(path)
    raise AssertionError("no outcome of which-category has a checklist")


def _dated(answers: dict[str, str], lang: str) -> Any:
    """The dated tree (tests/dated) on TODAY: a due date to come, passed, or a date asked."""
    return api.diagnose("dated", answers, lang, trees=FOLDER, today=TODAY)


def _views(lang: str) -> dict[str, tuple[str, Any]]:
    return {
        "diagnose-due": ("diagnose", _dated({"who": "baby", "born": "2026-11-20"}, lang)),
        "diagnose-due-passed": (
            "diagnose",
            _dated({"who": "referred", "moved": "2026-11-02"}, lang),
        ),
        "diagnose-date-question": ("diagnose", _dated({"who": "baby"}, lang)),
        "diagnose-outcome": ("diagnose", api.diagnose("zero-balance", {"scheme": "yearly"}, lang)),
        "diagnose-checklist": (
            "diagnose",
            api.diagnose("which-category", _claim_answers(), lang, today=TODAY),
        ),
        "diagnose-question": ("diagnose", api.diagnose("zero-balance", {}, lang)),
        "docs-3": ("docs", api.docs(3, lang)),
        "docs-overview": ("docs-overview", api.docs(None, lang)),
        "estimate": ("estimate", api.estimate(8000, 500, {"class-b": 1200}, lang=lang)),
    }


def _formats(name: str, kind: str) -> list[tuple[str, int]]:
    """(format, width) for a view: terminal at three widths, the rest once."""
    # The overview's JSON and HTML are every category's, as docs-3's are one category's:
    # the same renderers, so no second golden.
    out = [("json", 0)] if name != "docs-overview" else []
    out += [
        (fmt, 0)
        for fmt in ("plain", "markdown", "html")
        if (kind, fmt) in RENDERERS
        and not (name.endswith("question") and fmt in ("markdown", "html"))
        and not (name == "docs-overview" and fmt == "html")
    ]
    return out + [("terminal", w) for w in WIDTHS]


CASES = [
    (name, lang, kind, fmt, width)
    for lang in LANGS
    for name, (kind, _) in _views("en").items()
    for fmt, width in _formats(name, kind)
]
_CACHE: dict[str, dict[str, tuple[str, Any]]] = {}


def view_of(name: str, lang: str) -> tuple[str, Any]:
    if lang not in _CACHE:
        _CACHE[lang] = _views(lang)
    return _CACHE[lang][name]


def _file(name: str, lang: str, fmt: str, width: int) -> Path:
    suffix = {"json": "json", "markdown": "md", "html": "html"}.get(fmt, "txt")
    return GOLDEN / f"{name}.{lang}.{fmt}{f'.{width}' if width else ''}.{suffix}"


@pytest.mark.parametrize(
    "name, lang, kind, fmt, width", CASES, ids=[f"{c[0]}-{c[1]}-{c[3]}{c[4] or ''}" for c in CASES]
)
def test_golden(name: str, lang: str, kind: str, fmt: str, width: int) -> None:
    _, view = view_of(name, lang)
    out = render(kind, view, fmt, width=width or 80, today=TODAY)
    path = _file(name, lang, fmt, width)
    if os.environ.get("MEDBAL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"no golden {path.name}: run with MEDBAL_UPDATE_GOLDEN=1, review"
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(_views("en")))
@pytest.mark.parametrize("lang", LANGS)
def test_renderers_need_the_view_alone(name: str, lang: str) -> None:
    """A view that went through JSON (plain data, no model object left) renders the same
    in every format: renderers are functions of the view alone."""
    kind, view = view_of(name, lang)
    again = json.loads(json.dumps(view))
    for fmt, width in _formats(name, kind):
        assert render(kind, again, fmt, width=width or 80, today=TODAY) == render(
            kind, view, fmt, width=width or 80, today=TODAY
        ), fmt


CELL_EDGES = re.compile("[│┃║]")


@pytest.mark.parametrize("name", list(_views("zh")))
@pytest.mark.parametrize("width", WIDTHS)
def test_chinese_screens_keep_the_typesetting_rules(name: str, width: int) -> None:
    """Every line, and every cell of a table, judged on its own."""
    kind, view = view_of(name, "zh")
    text = render(kind, view, "terminal", width=width)
    for line in text.splitlines():
        assert cell_len(line) <= width, f"wider than {width}: {line!r}"
        for cell in CELL_EDGES.split(line):
            inner = cell.strip(BORDERS)
            # A command is one thing to copy, broken only at spaces: judged elsewhere.
            if inner.startswith(("medbal ", "--")):
                continue
            assert not inner[:1] or inner[0] not in STARTS_BAD, f"starts with {inner[0]}: {line!r}"
            assert not inner[-1:] or inner[-1] not in ENDS_BAD, f"ends with {inner[-1]}: {line!r}"


@pytest.mark.parametrize("name", list(_views("en")))
@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_cut_at_any_width(name: str, lang: str) -> None:
    """From 40 to 130 columns no text is cut short ("…"), and in tables every short name,
    figure and English word stays whole."""
    kind, view = view_of(name, lang)
    # what a person types next: the short name in English, the number in Chinese
    typed = "slug" if lang == "en" else "number"
    whole = [str(c[typed]) for c in view.get("categories", ())] if kind == "docs-overview" else []
    if kind == "docs-overview" and lang == "en":
        whole += [w for c in view["categories"] for w in c["title"].split()]
    if kind == "diagnose" and view.get("outcome", {}).get("checklist"):
        number = view["outcome"]["checklist"]["categories"][0]["number"]
        whole.append(f"medbal docs {number}")  # the command a person types next
    for width in range(40, 131, 3):
        shown = render(kind, view, "terminal", width=width)
        assert "…" not in shown or "…" in json.dumps(view, ensure_ascii=False), width
        for word in whole:
            assert word in shown, (width, word)


@pytest.mark.parametrize("lang", LANGS)
def test_a_narrow_terminal_shows_every_figure_and_short_name_whole(lang: str) -> None:
    est = view_of("estimate", lang)[1]
    shown = render("estimate", est, "terminal", width=40)
    figures = [
        f"{v:,.2f}" for s in est["slices"] for v in (s["from"], s["to"], s["amount"], s["paid"])
    ]
    items = sum(i["amount"] for i in est["items"])
    for figure in [
        *figures,
        f"{est['total_paid']:,.2f}",
        f"{est['own_share']:,.2f}",
        f"{items:,.2f}",
        f"{est['bill'] + items:,.2f}",
    ]:
        assert figure in shown, figure
    overview = render("docs-overview", view_of("docs-overview", lang)[1], "terminal", width=40)
    for category in view_of("docs-overview", lang)[1]["categories"]:
        assert (category["slug"] if lang == "en" else category["title"][:4]) in overview


BOX_ROW = re.compile("^[│┃╭╰┏┡├└]")


@pytest.mark.parametrize("name", list(_views("en")))
@pytest.mark.parametrize("lang", LANGS)
def test_every_terminal_line_fits_and_every_box_lines_up_from_24_columns(name, lang):
    """Below 24 columns only a short name may stick out (" 7. frequent-outpatient")."""
    kind, view = view_of(name, lang)
    for width in range(24, 121):
        lines = render(kind, view, "terminal", width=width).splitlines()
        assert all(cell_len(line) <= width for line in lines), (width, max(lines, key=cell_len))
        for start in range(len(lines)):  # a box's rows are as wide as its top edge
            if lines[start].lstrip().startswith(("╭", "┏")):
                top, edge = lines[start], cell_len(lines[start])
                rows = [r for r in lines[start + 1 :] if BOX_ROW.match(r.lstrip())]
                end = next(i for i, r in enumerate(rows) if r.lstrip()[0] in "╰└")
                assert {cell_len(r) for r in rows[: end + 1]} <= {edge}, (width, top)


@pytest.mark.parametrize("tree_id", ["zero-balance", "which-category", "balance-dropped", "card"])
@pytest.mark.parametrize("lang", LANGS)
def test_an_outline_fits_any_terminal_from_24_columns(tree_id, lang):
    """`tree show`: ten levels deep, it still fits (two-cell guides, then "…" for the
    outer levels), and Chinese keeps its line-break rules."""
    from medbal.present.authoring import outline_view

    view = outline_view(api.load_tree(tree_id), lang)
    for width in (24, 30, 40, 60, 80, 120):
        for line in render("tree-outline", view, "terminal", width=width).splitlines():
            assert cell_len(line) <= width, (width, line)
            body = line.lstrip(" │├└─…")
            assert not body or body[0] not in STARTS_BAD, (width, line)


# --- regional rules named beside them; an outcome that leads to two categories (issue 19) --

FORMATS = ("json", "plain", "markdown", "html", "terminal")
XIAMEN = {"en": "(Xiamen rule; confirm locally)", "zh": "（厦门的规定，请向当地确认）"}
HEAD = {
    "en": "This checklist follows the rules of Xiamen, Fujian.",
    "zh": "本清单按福建省厦门市的规定编写。",
}


def _shown(kind: str, view: Any, fmt: str) -> str:
    # Wide enough that no tag is broken over two lines; JSON as a reader sees it.
    out = render(kind, view, fmt, width=400, today=TODAY)
    return json.dumps(json.loads(out), ensure_ascii=False) if fmt == "json" else out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_regional_deadline_and_sheet_name_their_region_in_every_format(lang, fmt):
    """Category 1's filing deadlines are Xiamen's: each says so, and the sheet names
    Xiamen at its head, before the documents (not only at its foot)."""
    view = api.docs(1, lang)
    out = _shown("docs", view, fmt)
    assert out.count(XIAMEN[lang]) == 2, out  # the two filing deadlines, not "not stated"
    if fmt != "json":
        assert HEAD[lang] in out
        assert out.index(HEAD[lang]) < out.index(view["categories"][0]["documents"][0]["text"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_json_names_each_rule_s_region(lang):
    cat = api.docs(1, lang)["categories"][0]
    xiamen = {"id": "xiamen", "name": {"en": "Xiamen, Fujian", "zh": "福建省厦门市"}[lang]}
    assert cat["region"] == xiamen
    within, not_stated = cat["deadlines"][1], cat["deadlines"][-1]
    assert within["region"] == xiamen and within["text"].endswith(XIAMEN[lang])
    assert not_stated["kind"] == "not-stated" and not_stated["region"] is None
    # the guidance: the national rules first (no region, tagged "national rule"), then
    # the older rules of one unnamed place
    items = [i for g in cat["guidance"] for i in g["items"]]
    assert [i["region"] and i["region"]["id"] for i in items] == [None] * 3 + ["older-local"] * 2
    national = {"en": "(national rule)", "zh": "（国家规定）"}[lang]
    assert all(i["text"].endswith(national) for i in items[:3])
    est = api.estimate(8000, lang=lang)
    assert est["applies_to"].endswith(
        {"en": "(Zigui County rule; confirm locally)", "zh": "（秭归县的规定，请向当地确认）"}[lang]
    )


REGIONAL_TREE = """\
kind: decision-tree
id: birth
title: {en: A birth elsewhere, zh: 异地分娩}
start: done
questions: {}
outcomes:
  done:
    title: {en: Claim for mother and baby, zh: 母亲和新生儿分别报销}
    explanation: {en: Two claims., zh: 两项报销。}
    region: zigui
    next_steps:
      - {en: File within 7 days., zh: 7 天内备案。, region: xiamen}
      - {en: Claim both., zh: 两项都申请。}
      - {en: Settlement is possible before discharge., zh: 出院前可以直接结算。, region: national}
    where_to_check: [{en: The agency, zh: 经办机构}]
    checklist: [4, 11]
    sources: [seed-000]
"""
ZIGUI = {"en": "(Zigui County rule; confirm locally)", "zh": "（秭归县的规定，请向当地确认）"}
NATIONAL = {"en": "(national rule)", "zh": "（国家规定）"}


@pytest.fixture(scope="module")
def birth(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("trees") / "birth.yaml"
    path.write_text(REGIONAL_TREE, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_outcome_names_its_region_and_shows_both_of_its_categories(birth, lang, fmt):
    view = api.diagnose(str(birth), {}, lang)
    out = _shown("diagnose", view, fmt)
    title = {"en": "Claim for mother and baby", "zh": "母亲和新生儿分别报销"}[lang]
    titled = f"{title} {ZIGUI[lang]}" if lang == "en" else f"{title}{ZIGUI[lang]}"
    assert titled in out, out
    assert XIAMEN[lang] in out and NATIONAL[lang] in out  # the steps of other regions
    assert out.count(ZIGUI[lang]) == 1  # the outcome's own texts are not tagged again
    sheets = {"en": ("Category 4", "Category 11"), "zh": ("第 4 类", "第 11 类")}[lang]
    if fmt == "json":
        numbers = [c["number"] for c in view["outcome"]["checklist"]["categories"]]
        assert numbers == [4, 11] and view["outcome"]["region"]["id"] == "zigui"
    elif fmt in ("markdown", "html"):  # the take-home pages: a sheet for each
        assert all(s in out for s in sheets), out
    else:  # the commands to type, one for each
        assert "medbal docs 4" in out and "medbal docs 11" in out
    if fmt != "json":  # a box for each category with lines of its own, saying whose
        boxes = {"en": ": deadlines and conditions", "zh": "时限和条件："}[lang]
        cats = view["outcome"]["checklist"]["categories"]
        lines = [[d["text"] for d in c["deadlines"]] for c in cats]
        both = [t for t in lines[0] if t in lines[1]]
        assert both, "the two sheets share the line on the claim deadline"
        own = sum(1 for texts in lines if any(t not in both for t in texts))
        # each category's own box, and one for the line both hold (said once, for both)
        assert out.count(boxes) == own + 1, out
        shared = {"en": "Both claims: deadlines and conditions", "zh": "时限和条件：两类报销都适用"}
        steps = {"en": "What to do next", "zh": "下一步怎么做"}[lang]
        # the claim's open question (no limit known) comes after the steps, a known
        # limit before them
        assert out.index(steps) < out.index(shared[lang]), out
        assert out.index(boxes) < out.index(steps), out
        # a line both categories hold is said once, for both (the terminal wraps it)
        first = both[0].split()[0] if lang == "en" else both[0][:8]
        outcome = out[: out.index(sheets[0])] if fmt in ("markdown", "html") else out
        assert outcome.count(first) == 1, outcome


def test_the_interactive_d_key_shows_every_checklist(birth):
    from medbal.present.dialogue import draw
    from medbal.present.layout import paint
    from medbal.present.session import ShowChecklist

    envelope = api.diagnose(str(birth), {}, "en")["outcome"]["checklist"]
    assert envelope is not None
    shown = paint(draw(ShowChecklist(envelope), 100), colour=False)
    assert "Category 4 · delivery" in shown and "Category 11 · newborn" in shown


def test_the_page_embeds_and_shows_every_checklist_of_an_outcome(birth):
    from medbal.core.model import Tree
    from medbal.files.readtree import load_file
    from medbal.files.registry import checklists_for
    from medbal.present.webpage import page_data

    tree = load_file(birth)
    assert isinstance(tree, Tree)
    data = page_data(
        [(tree, checklists_for(tree, None))], "2026-11-24", None, outcome_view=api.outcome_view
    )
    (outcome,) = data["trees"][0]["outcomes"].values()
    assert outcome["checklists"] == [4, 11] and {"4", "11"} <= set(data["checklists"])
    # One line says the checklists follow (no command to type on a page), not two.
    assert outcome["en"]["html"].count("The documents to bring are listed below") == 1
    assert "a sheet for each category" in outcome["en"]["html"]
    assert "medbal docs" not in outcome["en"]["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_both_commands_stay_whole_at_any_width(birth, lang):
    view = api.diagnose(str(birth), {}, lang)
    for width in range(40, 131, 3):
        shown = render("diagnose", view, "terminal", width=width)
        assert "medbal docs 4" in shown and "medbal docs 11" in shown, width


# Words a shell would read: ASCII with the characters shlex treats apart, then any text.
_SHELL_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from("aZ09_@%+=:,./-'\" $\\*é中")),
    st.text(),
)


@given(_SHELL_TEXT)
def test_a_word_is_quoted_as_shlex_quotes_it(word):
    """medbal quotes without importing shlex (start-up): the same rule, word for word,
    wherever no character needs bash's $'...'."""
    import shlex

    from medbal.core.langs import shown
    from medbal.present.views import shell_word

    if shown(word) == word:
        assert shell_word(word) == shlex.quote(word)
