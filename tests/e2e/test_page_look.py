"""How the page looks: text size, contrast and `lang` on narrow and wide screens, light and
dark; targets and names for thumbs and screen readers; ticks that stay, print and show in
forced colours; and print.  Printing an outcome gives the take-home sheets of
`diagnose --format html`.  The axe-core audit: tests/e2e/test_page_axe.py.
"""

import re
import shutil
import subprocess

import pytest

from medbal.core.engine import all_paths, walk
from medbal.i18n.catalogue import msg as word
from medbal.i18n.typeset import written_date
from medbal.present.pages import checklist_page
from medbal.present.views import checklists_view, diagnose_view, question_view

from page_browser import (  # noqa: F401  (fixtures)
    LANGS,
    NARROW,
    WIDE,
    Opened,
    address,
    answers_of,
    browser_fixture,
    button_names,
    opened_fixture,
    page_file_fixture,
    screens,
    shipped_fixture,
    small_targets,
    with_checklist,
)

pytestmark = pytest.mark.browser

# What a screen must meet: text >= 16 px, WCAG AA contrast, the right `lang`.
AUDIT = """() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
      const a = c.match(/[\\d.]+/g); if (a && (a.length < 4 || Number(a[3]) > 0)) return c; }
    return 'rgb(255, 255, 255)'; };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim(); const e = n.parentElement;
    if (!text || !e.checkVisibility() || e.closest('script, style, noscript')) continue;
    const s = getComputedStyle(e); const size = parseFloat(s.fontSize);
    const [l1, l2] = [lum(s.color), lum(bg(e))];
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    out.push({text, size, ratio, large, lang: e.closest('[lang]').getAttribute('lang')});
  }
  return out;
}"""
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
def test_text_size_contrast_and_lang(opened, shipped, lang, viewport, scheme):
    o = opened(viewport=viewport, scheme=scheme)
    for hash_ in screens(shipped, lang):
        o.go(hash_)
        o.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert o.state()["overflow"] <= 0, hash_
        texts = o.page.evaluate(AUDIT)
        assert len(texts) > 5
        for t in texts:
            assert t["size"] >= 16, t
            assert t["ratio"] >= (3 if t["large"] else 4.5), t
            if HAN.search(t["text"]) and (lang == "en" or not LATIN_WORD.search(t["text"])):
                assert t["lang"] == "zh-Hans", t  # Chinese names in English text too
            if LATIN_WORD.search(t["text"]) and not HAN.search(t["text"]):
                assert t["lang"] == "en", t


LUMINANCE = """() => { const c = getComputedStyle(document.documentElement).backgroundColor;
  const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dark_mode_is_dark(opened, shipped, scheme):
    o = opened(viewport=NARROW, scheme=scheme)
    for hash_ in screens(shipped, "en"):
        o.go(hash_)
        light = o.page.evaluate(LUMINANCE)
        assert (light < 0.05) if scheme == "dark" else (light > 0.9), (hash_, light)
        boxes = o.page.evaluate("""() => [...document.querySelectorAll('button, .topic, .option')]
            .filter(e => e.checkVisibility()).map(e => getComputedStyle(e).backgroundColor)""")
        if scheme == "dark":  # no white button left on the dark page
            assert "rgb(255, 255, 255)" not in boxes, hash_


# --- phones and older readers --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
def test_every_control_is_44_px_and_every_button_has_its_own_name(opened, shipped, lang, viewport):
    o = opened(viewport=viewport)
    for hash_ in screens(shipped, lang):
        o.go(hash_)
        o.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert small_targets(o.page) == [], hash_
        names = button_names(o.page)
        assert len(names) >= 4 and len(names) == len(set(names)), (hash_, names)


@pytest.mark.parametrize("lang", LANGS)
def test_change_buttons_are_named_by_their_question(opened, shipped, lang):
    o = opened(with_checklist(shipped, lang), viewport=NARROW)
    tree = shipped[o.state()["tree"]][0]
    changes = o.page.locator("#app button.change")
    assert changes.count() >= 2
    for i in range(changes.count()):
        question = tree.questions[changes.nth(i).get_attribute("data-question")]
        name = word("change_named", lang, question=question_view(question, lang)["text"])
        assert changes.nth(i).get_attribute("aria-label") == name
        assert changes.nth(i).inner_text() == word("change", lang)  # the name starts with it


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_screen_of_the_longest_outcome_says_what_to_do(opened, shipped, lang):
    """At 360 x 740 the first next step and Print, Back and Start again are on the first
    screen of the tallest zero-balance outcome."""
    tree = shipped["zero-balance"][0]
    o = opened(viewport=NARROW)
    heights = {}
    firsts = {o.id: p for p, o in reversed(all_paths(tree))}  # one path to each outcome
    for path in firsts.values():
        hash_ = address(tree.id, answers_of(path), lang)
        o.go(hash_)
        heights[hash_] = o.page.evaluate("document.documentElement.scrollHeight")
    tallest = max(heights, key=heights.__getitem__)
    assert heights[tallest] > 2 * NARROW["height"]  # a long page: the point of the test
    o.go(tallest)
    o.page.evaluate("window.scrollTo(0, 0)")
    steps = word("next_steps", lang)
    first = o.page.evaluate(
        """h => { const head = [...document.querySelectorAll('#app h2')]
            .find(e => e.textContent === h);
          return head.parentElement.querySelector('ol > li').getBoundingClientRect().bottom; }""",
        steps,
    )
    assert first <= NARROW["height"], (tallest, first)
    for action in ("print", "back", "restart"):
        box = o.page.locator(f'#app button[data-action="{action}"]').bounding_box()
        assert box and box["y"] + box["height"] <= NARROW["height"], action


@pytest.mark.parametrize("lang", LANGS)
def test_the_region_is_stated_above_the_first_tick_box(opened, shipped, lang):
    o = opened(with_checklist(shipped, lang), viewport=NARROW)
    tree, checklists = shipped[o.state()["tree"]]
    region = checklists_view(checklists, [], lang)["region"]
    tops = o.page.evaluate(
        """region => ({
          region: Math.min(...[...document.querySelectorAll('#app .note')]
            .filter(e => e.textContent.includes(region)).map(e => e.getBoundingClientRect().top)),
          box: document.querySelector('#app input.box').getBoundingClientRect().top})""",
        region,
    )
    assert tops["region"] < tops["box"], tops


def ticks(o):
    return o.page.evaluate("[...document.querySelectorAll('#app input.box')].map(b => b.checked)")


@pytest.mark.parametrize("lang", LANGS)
def test_a_tick_is_kept_across_a_language_switch_and_a_reload(opened, shipped, lang):
    o = opened(with_checklist(shipped, lang), viewport=NARROW)
    labels = o.page.locator("#app li.tick label")
    assert labels.count() >= 3
    # The whole row is the target: a click at the far end of the label ticks the box.
    labels.nth(0).scroll_into_view_if_needed()
    box = labels.nth(0).bounding_box()
    o.page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    labels.nth(2).click()
    expected = [i in (0, 2) for i in range(labels.count())]
    assert ticks(o) == expected
    other = "en" if lang == "zh" else "zh"
    o.page.click(f'.switch button[data-lang="{other}"]')
    assert o.state()["lang"] == ("zh-Hans" if other == "zh" else "en")
    assert ticks(o) == expected
    o.page.reload()
    assert ticks(o) == expected
    labels.nth(0).click()  # untick
    o.page.reload()
    assert ticks(o) == [i == 2 for i in range(labels.count())]
    # Start again forgets them: the next person at the kiosk starts with empty boxes.
    here = o.state()["hash"]
    o.page.click('#app button[data-action="restart"]')
    o.go(here)
    assert ticks(o) == [False] * labels.count()


def test_a_tick_shows_in_forced_colours(opened, shipped):
    o = opened(with_checklist(shipped, "en"), viewport=NARROW)
    o.page.emulate_media(forced_colors="active")
    assert o.page.evaluate("matchMedia('(forced-colors: active)').matches")
    o.page.locator("#app li.tick label").first.click()
    marks = o.page.evaluate("""() => [...document.querySelectorAll('#app li.tick label')]
        .slice(0, 2).map(l => { const s = getComputedStyle(l, '::after');
          return {opacity: s.opacity, color: s.borderBottomColor, width: s.borderBottomWidth,
                  text: getComputedStyle(l).color}; })""")
    ticked, empty = marks
    assert ticked["opacity"] == "1" and empty["opacity"] == "0"
    assert ticked["color"] == ticked["text"] and float(ticked["width"].rstrip("px")) >= 3


def test_the_css_asks_for_exact_print_colours_and_the_readers_text_size(browser, page_file):
    html = page_file.read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert re.search(r"(?<![-\w])print-color-adjust:\s*exact", style)
    for rule in re.findall(r"(?:^|[\s}])(?:html|:root)\s*\{([^}]*)\}", style):
        assert not re.search(r"font-size:\s*[\d.]+px", rule), rule
    # A reader who set 32 px in the browser gets larger text, not a fixed 18 px.
    o = Opened(browser, page_file, viewport=NARROW)
    try:
        cdp = o.context.new_cdp_session(o.page)
        cdp.send("Page.enable")
        sizes = []
        for standard in (16, 32):
            cdp.send("Page.setFontSizes", {"fontSizes": {"standard": standard}})
            o.page.reload()
            sizes.append(o.page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
        assert sizes[0] >= 16 and sizes[1] == 2 * sizes[0], sizes
    finally:
        o.close()


PRINTED_BUTTONS = """() => [...document.querySelectorAll('#app button')]
  .filter(b => b.checkVisibility()).map(b => { const s = getComputedStyle(b);
    return {text: b.textContent.trim().slice(0, 30), background: s.backgroundColor,
            border: s.borderTopStyle, color: s.color, size: s.fontSize,
            body: getComputedStyle(document.body).fontSize}; })"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_and_question_screens_print_tidily(opened, shipped, lang, tmp_path):
    o = opened()
    for hash_ in screens(shipped, lang)[:2]:
        o.go(hash_)
        o.page.emulate_media(media="print")
        printed = o.page.evaluate(PRINTED_BUTTONS)
        assert len(printed) >= 2, hash_  # the topics, the options: on paper too
        for b in printed:  # boxed text in the sheet's type, no grey default button
            assert b["background"] == "rgba(0, 0, 0, 0)" and b["border"] == "solid", b
            assert b["color"] == "rgb(0, 0, 0)" and b["size"] >= b["body"], b
        assert o.page.locator(".switch, #app .controls").evaluate_all(
            "es => es.every(e => !e.checkVisibility())"
        )
        o.page.emulate_media(media="screen")
    # The question's help is printed open, then closed again on screen.
    help_text = o.page.text_content("#app details.help p")
    pdf = tmp_path / "question.pdf"
    o.page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    flat = re.sub(r"\s+", "", "".join(pdf_text(pdf)))
    assert re.sub(r"\s+", "", help_text)[:30] in flat
    assert not o.page.evaluate("document.querySelector('#app details.help').open")


# --- printing -------------------------------------------------------------------

A4_CONTENT_PX = (297 - 28) / 25.4 * 96  # the height inside html.py's @page margins
# A day after every deadline counted from a replayed path's date (support.DAY): each due
# box at its longest, passed, with what is still possible.
LATE = "2027-12-01T12:00:00+08:00"


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_fits_one_printed_sheet(opened, shipped, lang):
    o = opened(viewport={"width": round((210 - 32) / 25.4 * 96), "height": 1000}, now=LATE)
    o.page.emulate_media(media="print")
    for tree_id, (tree, _) in shipped.items():
        seen_outcomes = set()
        for path, outcome in all_paths(tree):
            if outcome.id in seen_outcomes:
                continue
            seen_outcomes.add(outcome.id)
            o.go(address(tree_id, answers_of(path), lang))
            height = o.page.evaluate(
                "document.querySelector('#app section.page').getBoundingClientRect().height"
            )
            assert height < A4_CONTENT_PX, (tree_id, outcome.id, height)


def pdf_text(pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def takehome_pages(browser, tree_id, answers, lang, folder):
    from typer.testing import CliRunner

    from medbal.commands.app import cli

    app = cli()

    html, pdf = folder / f"take-home-{tree_id}.html", folder / f"take-home-{tree_id}.pdf"
    args = ["diagnose", tree_id, "--lang", lang, "--format", "html", "--output", str(html)]
    for qid, value in answers.items():
        args += ["--answer", f"{qid}={value}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    page = browser.new_page()
    page.goto(html.as_uri())
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    page.close()
    return pdf_text(pdf)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_printing_an_outcome_gives_a4_take_home_sheets(browser, opened, shipped, lang, tmp_path):
    o = opened()
    for want_sheet in (True, False):
        # The first outcome with a checklist sheet, and the first without, of any tree.
        found = next(
            (
                (tree_id, p)
                for tree_id, (t, _) in shipped.items()
                for p, out in all_paths(t)
                if bool(out.checklist) == want_sheet
            ),
            None,
        )
        if found is None:
            continue
        tree_id, path = found
        tree, checklists = shipped[tree_id]
        answers = answers_of(path)
        result = walk(tree, answers)
        view = diagnose_view(result, lang, checklists)["outcome"]
        o.go(address(tree_id, answers, lang))
        pdf = tmp_path / f"{tree_id}-{want_sheet}-{lang}.pdf"
        o.page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        info = subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "(A4)" in info
        pages = pdf_text(pdf)
        flat = [re.sub(r"\s+", "" if lang == "zh" else " ", p) for p in pages]
        # As many sheets as the take-home page of `diagnose --format html` for these answers:
        # the outcome on one, the checklist from the next on.
        assert len(pages) == len(takehome_pages(browser, tree_id, answers, lang, tmp_path))
        assert len(pages) >= 2 if want_sheet else len(pages) == 1, (tree_id, answers)
        title = re.sub(r"\s+", "" if lang == "zh" else " ", view["title"])
        assert title in flat[0]
        heading = "您的回答" if lang == "zh" else "Your answers"
        made = o.page.evaluate(
            "JSON.parse(document.getElementById('medbal-data').textContent).made"
        )
        y, m, d = (int(n) for n in made.split("-"))
        day = re.sub(r"\s+", "" if lang == "zh" else " ", written_date(y, m, d, lang))
        assert heading in flat[0] and "medbal" in flat[0] and day in flat[0]
        for a in diagnose_view(result, lang, checklists)["answers"]:  # the answers, as labels
            assert re.sub(r"\s+", "" if lang == "zh" else " ", a["label"]) in flat[0]
        for key in ("restart", "home", "help_toggle"):  # no screen controls on paper
            assert word(key, lang).replace(" ", "") not in "".join(flat).replace(" ", "")
        if want_sheet:
            envelope = view["checklist"]
            assert envelope is not None
            kicker = checklist_page(envelope["categories"][0], envelope, lang, slug=False).kicker
            assert flat[1].replace(" ", "").startswith(kicker.replace(" ", "")), flat[1][:40]
            form = word("applicant_name", lang).replace(" ", "")  # on a checklist's sheet only
            assert form not in flat[0].replace(" ", "") and form in flat[1].replace(" ", "")
            assert word("checklist_below", lang).replace(" ", "") in flat[0].replace(" ", "")


def dark_pixels(pdf, page):
    """How many pixels of one printed page are dark (pdftoppm's grey PGM, read by hand)."""
    out = subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    magic, width, height, depth, pixels = out.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    return sum(1 for v in pixels[: int(width) * int(height)] if v < 128)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_a_ticked_box_prints_ticked(opened, shipped, tmp_path):
    o = opened(with_checklist(shipped, "en"))
    o.page.pdf(path=str(tmp_path / "empty.pdf"), format="A4", prefer_css_page_size=True)
    labels = o.page.locator("#app li.tick label")
    for i in range(labels.count()):
        labels.nth(i).click()
    o.page.pdf(path=str(tmp_path / "ticked.pdf"), format="A4", prefer_css_page_size=True)
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_info(tmp_path / "ticked.pdf")).group(1))
    empty, ticked = (
        sum(dark_pixels(tmp_path / f"{name}.pdf", n) for n in range(2, pages + 1))
        for name in ("empty", "ticked")
    )
    assert ticked > empty + 20 * labels.count(), (empty, ticked)  # a visible mark per box


def pdf_info(pdf):
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
