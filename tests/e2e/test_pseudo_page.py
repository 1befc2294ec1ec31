"""The web page in the pseudo-locale (tests/pseudo.py), as Chromium draws it: every screen's
text and every name a screen reader is given come in en-XA, none in English.

The page's script builds its screens from the words it is handed; a word written into
page.js, or a screen that picks a language by name, would show here in plain English.
"""

from __future__ import annotations

import pytest

from medbal.files.registry import checklists_for, load_tree
from medbal.present.webpage import DEFAULT_TREES

from page_browser import Opened, browser_fixture, screens, write_page  # noqa: F401  (fixtures)
from pseudo import PSEUDO, data_fixture, pseudo_fixture, untransformed  # noqa: F401

pytestmark = pytest.mark.browser

# What a person reads on the screen and what a screen reader says: the visible text, each
# control's accessible name and description, and the page's title.
READ = """() => {
  const app = document.getElementById('app');
  const named = [...app.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
    .map(e => ['aria-label', 'title', 'alt', 'placeholder'].map(a => e.getAttribute(a) || ''));
  return [document.title, app.innerText, ...named.flat()].join('\\n');
}"""


@pytest.fixture(scope="module")
def page_file(pseudo, tmp_path_factory):
    return write_page(tmp_path_factory.mktemp("page-en-XA"))


@pytest.fixture(scope="module")
def shipped(pseudo):
    trees = {n: load_tree(n, None) for n in DEFAULT_TREES}
    return {n: (t, checklists_for(t, None)) for n, t in trees.items()}


def test_every_screen_is_in_the_pseudo_locale(browser, page_file, shipped, data):
    # The start, a question with its help open, an outcome with its checklists, and a
    # link with parts that do not fit (the page says so in its own words).
    addresses = [*screens(shipped, PSEUDO), f"#tree=nowhere&lang={PSEUDO}"]
    o = Opened(browser, page_file, addresses[0])
    try:
        for address in addresses:
            seen = o.go(address)
            assert seen["lang"] == PSEUDO, address
            o.page.evaluate(
                "() => document.querySelectorAll('details').forEach(d => d.open = true)"
            )
            read = o.page.evaluate(READ)
            assert untransformed(read, data) == [], address
    finally:
        o.close()
