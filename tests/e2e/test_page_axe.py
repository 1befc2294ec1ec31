"""The page audited with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA.

The start, a question and an outcome with its checklist, in both languages, at 360 and
1280 pixels, light and dark: no violation.  axe-core is vendored under
tests/vendor/axe-core (its README says why and how to update it) and run with
`page.evaluate`: the page's Content-Security-Policy refuses an added script tag, and
the page is audited as it ships, policy and all.
"""

import hashlib
from pathlib import Path

import pytest

from page_browser import (  # noqa: F401  (fixtures)
    LANGS,
    NARROW,
    WIDE,
    browser_fixture,
    opened_fixture,
    page_file_fixture,
    screens,
    shipped_fixture,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # 4.14.1
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                  resultTypes: ['violations']})
  .then(r => ({version: axe.version, rules: r.passes.length + r.incomplete.length,
               violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))"""


@pytest.fixture(scope="module")
def axe_source():
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "axe.min.js is not the one vetted"
    return source.decode("utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation(opened, shipped, axe_source, lang, viewport, scheme):
    o = opened(viewport=viewport, scheme=scheme)
    o.page.evaluate(axe_source)  # defines window.axe; kept across the address changes
    for hash_ in screens(shipped, lang):
        o.go(hash_)
        o.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        found = o.page.evaluate(RUN, TAGS)
        assert found["version"] == "4.14.1" and found["rules"] > 20, found
        assert found["violations"] == [], (hash_, found["violations"])
