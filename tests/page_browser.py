"""Shared by the page's browser tests: Chromium through Playwright, the page, its address.

Imported by tests/e2e/test_page.py and tests/e2e/test_page_look.py; the whole module is
skipped where Debian's chromium is not installed.
"""

import os
import re
from urllib.parse import urlencode

import pytest

from medbal.core.engine import all_paths
from medbal.files.registry import checklists_for, load_tree
from medbal.present.webpage import DEFAULT_TREES

from support import replay

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
NARROW, WIDE = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
LANGS = ("en", "zh")


@pytest.fixture(scope="module", name="browser")
def browser_fixture():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module", name="shipped")
def shipped_fixture():
    trees = {n: load_tree(n, None) for n in DEFAULT_TREES}
    return {n: (t, checklists_for(t, None)) for n, t in trees.items()}


def write_page(folder, *args):
    from typer.testing import CliRunner

    from medbal.commands.app import cli

    app = cli()

    path = folder / "medbal.html"
    result = CliRunner().invoke(app, ["page", *args, "--output", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module", name="page_file")
def page_file_fixture(tmp_path_factory):
    return write_page(tmp_path_factory.mktemp("page"))


class Opened:
    """A page in its own browser context; every request but the file itself is refused."""

    def __init__(
        self, browser, path, hash_="", viewport=WIDE, locale="en-US", scheme="light", now=None
    ):
        # `now`: the page's clock, fixed (a date question's today), in China's time zone.
        zone = {"timezone_id": "Asia/Shanghai"} if now is not None else {}
        self.context = browser.new_context(
            viewport=viewport, locale=locale, color_scheme=scheme, **zone
        )
        self.url = path.as_uri()
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        if now is not None:
            self.page.clock.set_fixed_time(now)
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
        self.page.evaluate(
            """h => new Promise((done, fail) => {
            if (location.hash === h) { done(); return; }  // no change: no hashchange either
            document.addEventListener('medbal:render', () => done(), {once: true});
            setTimeout(() => fail(new Error('the page did not draw ' + h)), 10000);
            location.hash = h;
        })""",
            hash_,
        )
        return self.state()

    def close(self):
        self.context.close()
        assert self.refused == [], f"the page asked for {self.refused}"
        assert self.errors == []


@pytest.fixture(name="opened")
def opened_fixture(browser, page_file):
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
    return replay(path)


# Every control a person can click or tab to, as the page draws it.
CONTROLS = "button, a[href], input, select, textarea, summary"

TARGETS = """sel => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility())
  .map(e => { const r = e.getBoundingClientRect();
    return {what: e.outerHTML.slice(0, 80), width: r.width, height: r.height}; })"""


def button_names(page):
    """Every button's accessible name, as the accessibility tree gives it to a screen reader."""
    snapshot = page.locator("body").aria_snapshot()
    return [n.replace('\\"', '"') for n in re.findall(r'button "((?:[^"\\]|\\.)*)"', snapshot)]


def small_targets(page, least=44):
    """Controls smaller than `least` CSS pixels either way (WCAG 2.5.5's 44 x 44)."""
    return [t for t in page.evaluate(TARGETS, CONTROLS) if min(t["width"], t["height"]) < least]


def screens(shipped, lang):
    """The start, a question with help, an outcome with a checklist: their addresses."""
    helped = next(
        (tid, q) for tid, (t, _) in shipped.items() for q in t.questions.values() if q.help
    )
    tree = shipped[helped[0]][0]
    path = next(p for p, _ in all_paths(tree) if helped[1].id in [a.question.id for a in p])
    before = answers_of(path[: [a.question.id for a in path].index(helped[1].id)])
    return [f"#lang={lang}", address(helped[0], before, lang), with_checklist(shipped, lang)]


def with_checklist(shipped, lang):
    """The address of the first outcome, of any tree, that has a checklist."""
    tree_id, path = next(
        (tid, p) for tid, (t, _) in shipped.items() for p, o in all_paths(t) if o.checklist
    )
    return address(tree_id, answers_of(path), lang)
