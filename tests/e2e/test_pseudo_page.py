"""The web page in the pseudo-locale (tests/pseudo.py), as Chromium draws it: every screen's
text and every name a screen reader is given come in en-XA, none in English.

The page's script builds its screens from the words it is handed; a word written into
page.js, or a screen that picks a language by name, would show here in plain English.
"""

from __future__ import annotations

import datetime

import pytest

from medbal.core.engine import all_paths
from medbal.core.kinds.date import PLACEHOLDER
from medbal.files.registry import checklists_for, load_tree
from medbal.present.webpage import DEFAULT_TREES

from page_browser import (  # noqa: F401  (fixtures)
    Opened,
    address,
    answers_of,
    browser_fixture,
    screens,
    write_page,
)
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


def dated(shipped) -> list[str]:
    """A date question's address, and its outcome's with a recent day, an old one and
    one that is no day."""
    tree_id, path = next(
        (tid, p)
        for tid, (t, _) in shipped.items()
        for p, _ in all_paths(t)
        if any(a.option.value == PLACEHOLDER for a in p)
    )
    at = next(i for i, a in enumerate(path) if a.option.value == PLACEHOLDER)
    recent = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    days = (recent, "2020-01-15", "2026-13-01")
    ways = [{**answers_of(path), path[at].question.id: day} for day in days]
    return [
        address(tree_id, answers_of(path[:at]), PSEUDO),
        *(address(tree_id, w, PSEUDO) for w in ways),
    ]


def test_every_screen_is_in_the_pseudo_locale(browser, page_file, shipped, data):
    # The start, a question with its help open, an outcome with its checklists, a date
    # question and the outcome that counts a deadline from it (to come, and passed),
    # a date refused, and a link with parts that do not fit (the page says so in its
    # own words).
    addresses = [*screens(shipped, PSEUDO), *dated(shipped), f"#tree=nowhere&lang={PSEUDO}"]
    o = Opened(browser, page_file, addresses[0])
    try:
        for address in addresses:
            seen = o.go(address)
            assert seen["lang"] == PSEUDO, address
            o.page.evaluate(
                "() => document.querySelectorAll('details').forEach(d => d.open = true)"
            )
            read = o.page.evaluate(READ)
            # the form a date is typed in is a notation, the same in every language
            assert untransformed(read, data | {"YYYY-MM-DD"}) == [], address
    finally:
        o.close()
