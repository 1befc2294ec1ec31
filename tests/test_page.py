"""The web page of `medbal page`, driven in real headless Chromium through Playwright.

Every path of every shipped tree is walked through the address and compared with
the one-shot JSON; clicking, back, the language switch, reload, the keyboard,
printing, the narrow screen, text size, contrast and `lang` are checked apart.
No test names a question or an outcome: the paths come from the engine, so the
trees may change.  Skipped only where Debian's chromium is not installed.
"""

import os
import re
import shutil
import subprocess
from urllib.parse import urlencode

import pytest

from medbal.engine import all_paths, walk
from medbal.page import DEFAULT_TREES
from medbal.page_words import word
from medbal.registry import checklists_for, load_tree
from medbal.render.sections import checklist_page
from medbal.views import diagnose_view, question_view

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
NARROW, WIDE = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shipped():
    trees = {n: load_tree(n, None) for n in DEFAULT_TREES}
    return {n: (t, checklists_for(t, None)) for n, t in trees.items()}


def write_page(folder, *args):
    from typer.testing import CliRunner

    from medbal.cli import app

    path = folder / "medbal.html"
    result = CliRunner().invoke(app, ["page", *args, "--output", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    return write_page(tmp_path_factory.mktemp("page"))


class Opened:
    """A page in its own browser context; every request but the file itself is refused."""

    def __init__(self, browser, path, hash_="", viewport=WIDE, locale="en-US"):
        self.context = browser.new_context(viewport=viewport, locale=locale)
        self.url = path.as_uri()
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.goto(self.url + hash_)

    def _route(self, route):
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def state(self):
        return self.page.evaluate("""() => {
            const app = document.getElementById('app');
            return {screen: app.dataset.screen, tree: app.dataset.tree, node: app.dataset.node,
                    h1: app.querySelector('h1').textContent, hash: location.hash,
                    lang: document.documentElement.lang,
                    overflow: document.documentElement.scrollWidth
                              - document.documentElement.clientWidth};
        }""")

    def go(self, hash_):
        """Set the address and wait for the page to draw it."""
        self.page.evaluate("""h => new Promise((done, fail) => {
            if (location.hash === h) { done(); return; }  // no change: no hashchange either
            document.addEventListener('medbal:render', () => done(), {once: true});
            setTimeout(() => fail(new Error('the page did not draw ' + h)), 10000);
            location.hash = h;
        })""", hash_)
        return self.state()

    def close(self):
        self.context.close()
        assert self.refused == [], f"the page asked for {self.refused}"
        assert self.errors == []


@pytest.fixture
def opened(browser, page_file):
    pages = []

    def open_(hash_="", **kw):
        o = Opened(browser, page_file, hash_, **kw)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


def address(tree_id, answers, lang=None):
    pairs = [("tree", tree_id), *answers.items()] + ([("lang", lang)] if lang else [])
    return "#" + urlencode(pairs)


def answers_of(path):
    return {a.question.id: a.option.value for a in path}


# --- the engine, replayed in the browser ---------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_path_reaches_the_one_shot_outcome(opened, shipped, lang):
    o = opened(viewport=NARROW)
    made = o.page.evaluate("JSON.parse(document.getElementById('medbal-data').textContent)")
    walked = 0
    for tree_id, (tree, checklists) in shipped.items():
        for path, _ in all_paths(tree):
            answers = answers_of(path)
            view = diagnose_view(walk(tree, answers), lang, checklists, tree_id)
            expected = view["outcome"]
            hash_ = address(tree_id, answers, lang)
            seen = o.go(hash_)
            assert (seen["screen"], seen["tree"], seen["node"]) == (
                "outcome", tree_id, expected["id"]), hash_
            assert seen["h1"] == expected["title"]
            assert seen["hash"] == hash_  # nothing dropped from a clean path
            assert seen["overflow"] <= 0, f"{hash_} scrolls sideways at 360 px"
            extra = o.page.evaluate("""() => ({
                made: document.querySelector('#app .made').textContent,
                sheets: [...document.querySelectorAll('#app section.page')]
                    .map(s => s.querySelector('.kicker').textContent)})""")
            assert made["made"] in extra["made"] and made["version"] in extra["made"]
            checklist = expected["checklist"]
            if checklist:
                sheet = checklist_page(checklist["categories"][0], checklist, lang)
                assert extra["sheets"][1:] == [sheet.kicker]
            else:
                assert len(extra["sheets"]) == 1
            walked += 1
    assert walked >= len(shipped) * 2


def test_stale_and_unknown_answers_are_dropped_as_the_engine_drops_them(opened, shipped):
    tree, checklists = next((t, c) for t, c in shipped.values()
                            if any(len(p) >= 1 and set(t.questions) - {a.question.id for a in p}
                                   for p, _ in all_paths(t)))
    path = next(p for p, _ in all_paths(tree)
                if set(tree.questions) - {a.question.id for a in p})
    stale = next(q for q in tree.questions.values()
                 if q.id not in {a.question.id for a in path})
    answers = {stale.id: stale.options[0].value, **answers_of(path)}
    result = walk(tree, answers)
    assert result.dropped == {stale.id: stale.options[0].value}
    o = opened(address(tree.id, answers, "en") + "&nonsense=1")
    seen = o.state()
    assert seen["node"] == result.outcome.id
    assert seen["hash"] == address(tree.id, result.answers(), "en")
    notice = o.page.text_content("#app .notice")
    assert "nonsense=1" in notice
    dropped = o.page.text_content("#app .dropped")
    assert question_view(stale, "en")["text"] in dropped
    seen = o.go("#tree=no-such-tree&lang=zh")
    assert seen["screen"] == "start" and seen["hash"] == "#lang=zh"
    assert "tree=no-such-tree" in o.page.text_content("#app .notice")


def test_clicking_back_change_and_restart(opened, shipped):
    o = opened(viewport=NARROW)
    assert o.state()["screen"] == "start"
    tree_id = DEFAULT_TREES[0]
    tree, _ = shipped[tree_id]
    o.page.click(f'button[data-tree="{tree_id}"]')
    answers: dict[str, str] = {}
    steps = 0
    while (seen := o.state())["screen"] == "question":
        result = walk(tree, answers)
        assert seen["node"] == result.question.id
        assert seen["h1"] == question_view(result.question, "en")["text"]
        assert seen["overflow"] <= 0
        progress = o.page.text_content("#app .progress")
        assert progress.startswith(f"Question {len(result.path) + 1} of at most ")
        # The last option, so that the walk differs from the address test's first paths.
        option = result.question.options[-1]
        o.page.click(f'#app button.option[data-value="{option.value}"]')
        answers[result.question.id] = option.value
        steps += 1
    assert seen["node"] == walk(tree, answers).outcome.id and seen["overflow"] <= 0
    # Back: the last question again, its answer offered and focused.
    o.page.click('#app button[data-action="back"]')
    last = walk(tree, answers).path[-1]
    seen = o.state()
    assert seen["node"] == last.question.id
    focused = o.page.evaluate("document.activeElement.dataset.value")
    assert focused == last.option.value
    o.page.keyboard.press("Enter")  # keeps the earlier answer
    assert o.state()["node"] == walk(tree, answers).outcome.id
    # Change the first answer: asked again, later answers kept in the address.
    first = walk(tree, answers).path[0]
    o.page.click(f'#app button.change[data-question="{first.question.id}"]')
    seen = o.state()
    assert seen["node"] == first.question.id
    rest = {q: v for q, v in answers.items() if q != first.question.id}
    assert seen["hash"] == address(tree_id, rest)
    # Browser history: back returns to the outcome.
    o.page.go_back()
    o.page.wait_for_function("document.getElementById('app').dataset.screen === 'outcome'")
    # Start again: the first question, no answers.
    o.page.click('#app button[data-action="restart"]')
    assert o.state()["node"] == tree.start and o.state()["hash"] == address(tree_id, {})
    o.page.click('#app button[data-action="home"]')
    assert o.state()["screen"] == "start" and o.state()["hash"] == ""


def test_language_switch_and_reload_keep_the_screen(opened, shipped):
    tree_id = DEFAULT_TREES[0]
    tree, checklists = shipped[tree_id]
    path, outcome = all_paths(tree)[-1]
    half = answers_of(path[:-1])
    o = opened(address(tree_id, half))
    question = walk(tree, half).question
    assert o.state()["h1"] == question_view(question, "en")["text"]
    assert o.state()["lang"] == "en"
    o.page.click('.switch button[data-lang="zh"]')
    seen = o.state()
    assert seen["h1"] == question_view(question, "zh")["text"]
    assert seen["lang"] == "zh-Hans" and seen["hash"] == address(tree_id, half, "zh")
    assert o.page.get_attribute('.switch button[data-lang="zh"]', "aria-pressed") == "true"
    o.page.reload()
    assert o.state() == seen
    o.page.click(f'#app button.option[data-value="{path[-1].option.value}"]')
    o.page.reload()
    seen = o.state()
    assert seen["node"] == outcome.id and seen["lang"] == "zh-Hans"
    title = diagnose_view(walk(tree, answers_of(path)), "zh", checklists)["outcome"]["title"]
    assert seen["h1"] == title
    o.page.click('.switch button[data-lang="en"]')
    assert o.state()["h1"] == outcome.title.en


@pytest.mark.parametrize(("args", "locale", "expected"), [
    ((), "zh-CN", "zh-Hans"), ((), "en-GB", "en"), ((), "fr-FR", "en"),
    (("--lang", "zh"), "en-US", "zh-Hans"), (("--lang", "en"), "zh-CN", "en")])
def test_starting_language(browser, tmp_path, args, locale, expected):
    o = Opened(browser, write_page(tmp_path, "card", *args), locale=locale)
    try:
        seen = o.state()
        assert seen["lang"] == expected and seen["screen"] == "question"  # one tree: no start
    finally:
        o.close()


def test_keyboard_alone_reaches_an_outcome_and_opens_help(opened, shipped):
    o = opened()
    kb = o.page.keyboard

    def tab_to(selector, limit=40):
        for _ in range(limit):
            kb.press("Tab")
            if o.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tree_id = DEFAULT_TREES[0]
    tab_to(f'button[data-tree="{tree_id}"]')
    kb.press("Enter")
    tree, _ = shipped[tree_id]
    while o.state()["screen"] == "question":
        if o.page.query_selector("#app details.help"):
            tab_to("#app details.help summary")
            kb.press("Enter")
            assert o.page.evaluate("document.querySelector('#app details.help').open")
        tab_to("#app button.option")
        kb.press("Enter")
    assert o.state()["screen"] == "outcome"
    tab_to("#app input.box, #app button.change")
    if o.page.evaluate("document.activeElement.matches('input.box')"):
        kb.press("Space")
        assert o.page.evaluate("document.activeElement.checked")
    tab_to('#app button[data-action="back"]')
    kb.press("Enter")
    assert o.state()["screen"] == "question"


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


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
def test_text_size_contrast_and_lang(opened, shipped, lang, viewport):
    tree_id, (tree, checklists) = next((i, tc) for i, tc in shipped.items()
                                       if any(o.checklist for o in tc[0].outcomes.values()))
    with_sheet = next(p for p, out in all_paths(tree) if out.checklist)
    helped = next((tid, q) for tid, (t, _) in shipped.items() for q in t.questions.values()
                  if q.help)
    helped_path = next(p for p, _ in all_paths(shipped[helped[0]][0])
                       if helped[1].id in [a.question.id for a in p])
    before = answers_of(helped_path[:[a.question.id for a in helped_path].index(helped[1].id)])
    o = opened(viewport=viewport)
    screens = [f"#lang={lang}", address(helped[0], before, lang),
               address(tree_id, answers_of(with_sheet), lang)]
    for hash_ in screens:
        o.go(hash_)
        o.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert o.state()["overflow"] <= 0, hash_
        texts = o.page.evaluate(AUDIT)
        assert len(texts) > 5
        for t in texts:
            assert t["size"] >= 16, t
            assert t["ratio"] >= (3 if t["large"] else 4.5), t
            if HAN.search(t["text"]) and not LATIN_WORD.search(t["text"]):
                assert t["lang"] == "zh-Hans", t
            if LATIN_WORD.search(t["text"]) and not HAN.search(t["text"]):
                assert t["lang"] == "en", t


# --- printing -------------------------------------------------------------------

A4_CONTENT_PX = (297 - 28) / 25.4 * 96  # the height inside html.py's @page margins


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_fits_one_printed_sheet(opened, shipped, lang):
    o = opened(viewport={"width": round((210 - 32) / 25.4 * 96), "height": 1000})
    o.page.emulate_media(media="print")
    for tree_id, (tree, _) in shipped.items():
        seen_outcomes = set()
        for path, outcome in all_paths(tree):
            if outcome.id in seen_outcomes:
                continue
            seen_outcomes.add(outcome.id)
            o.go(address(tree_id, answers_of(path), lang))
            height = o.page.evaluate(
                "document.querySelector('#app section.page').getBoundingClientRect().height")
            assert height < A4_CONTENT_PX, (tree_id, outcome.id, height)


def pdf_text(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def takehome_pages(browser, tree_id, answers, lang, folder):
    from typer.testing import CliRunner

    from medbal.cli import app

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
def test_printing_an_outcome_gives_a4_take_home_sheets(browser, opened, shipped, lang,
                                                       tmp_path):
    o = opened()
    for want_sheet in (True, False):
        # The first outcome with a checklist sheet, and the first without, of any tree.
        found = next(((tree_id, p) for tree_id, (t, _) in shipped.items()
                      for p, out in all_paths(t) if bool(out.checklist) == want_sheet), None)
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
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
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
            "JSON.parse(document.getElementById('medbal-data').textContent).made")
        assert heading in flat[0] and "medbal" in flat[0] and made in flat[0]
        for a in result.path:  # the answers given, as labels
            label = a.option.label.get(lang)
            assert re.sub(r"\s+", "" if lang == "zh" else " ", label) in flat[0]
        for key in ("restart", "home", "help_toggle"):  # no screen controls on paper
            assert word(key, lang).replace(" ", "") not in "".join(flat).replace(" ", "")
        if want_sheet:
            envelope = view["checklist"]
            kicker = checklist_page(envelope["categories"][0], envelope, lang).kicker
            assert flat[1].replace(" ", "").startswith(kicker.replace(" ", "")), flat[1][:40]
            assert kicker.replace(" ", "") not in flat[0].replace(" ", "")
            assert word("checklist_below", lang).replace(" ", "") in flat[0].replace(" ", "")
