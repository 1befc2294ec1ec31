"""The web page of `medbal page`, driven in real headless Chromium through Playwright.

Every path of every shipped tree is walked through the address and compared with
the one-shot JSON; clicking, back, the language switch, reload and the keyboard
are checked apart (the look and print: tests/e2e/test_page_look.py).
No test names a question or an outcome: the paths come from the engine, so the
trees may change.  Skipped only where Debian's chromium is not installed.
"""

from urllib.parse import quote

import pytest

from medbal.core.engine import all_paths, walk
from medbal.i18n.catalogue import msg as word
from medbal.i18n.typeset import written_date
from medbal.present.pages import checklist_page
from medbal.present.views import diagnose_view, question_view
from medbal.present.webpage import DEFAULT_TREES

from page_browser import (  # noqa: F401  (fixtures)
    LANGS,
    NARROW,
    Opened,
    address,
    answers_of,
    browser_fixture,
    opened_fixture,
    page_file_fixture,
    shipped_fixture,
    write_page,
)
from support import a_tree

pytestmark = pytest.mark.browser

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
                "outcome",
                tree_id,
                expected["id"],
            ), hash_
            assert seen["h1"] == expected["title"]
            assert seen["hash"] == hash_  # nothing dropped from a clean path
            assert seen["overflow"] <= 0, f"{hash_} scrolls sideways at 360 px"
            extra = o.page.evaluate("""() => ({
                made: document.querySelector('#app .made').textContent,
                sheets: [...document.querySelectorAll('#app section.page')]
                    .map(s => s.querySelector('.kicker').textContent)})""")
            # the day written out, as every day on the page (never ISO in Chinese text)
            y, m, d = (int(n) for n in made["made"].split("-"))
            day = written_date(y, m, d, lang)
            assert day in extra["made"] and made["version"] in extra["made"]
            checklist = expected["checklist"]
            categories = checklist["categories"] if checklist else []
            kickers = [
                checklist_page(c, checklist, lang, slug=False).kicker
                for c in categories
                if checklist is not None
            ]
            assert extra["sheets"][1:] == kickers  # every category it names, in order
            links = o.page.evaluate(
                "[...document.querySelectorAll('#app a[data-sheet]')].map(a => a.dataset.sheet)"
            )
            assert links == [str(c["number"]) for c in categories]
            walked += 1
    assert walked >= len(shipped) * 2


def test_stale_and_unknown_answers_are_dropped_as_the_engine_drops_them(opened, shipped):
    tree, checklists = next(
        (t, c)
        for t, c in shipped.values()
        if any(
            len(p) >= 1 and set(t.questions) - {a.question.id for a in p} for p, _ in all_paths(t)
        )
    )
    path = next(p for p, _ in all_paths(tree) if set(tree.questions) - {a.question.id for a in p})
    stale = next(q for q in tree.questions.values() if q.id not in {a.question.id for a in path})
    answers = {stale.id: stale.options[0].value, **answers_of(path)}
    result = walk(tree, answers)
    assert result.dropped == {stale.id: stale.options[0].value}
    o = opened(address(tree.id, answers, "en") + "&nonsense=1")
    seen = o.state()
    assert seen["node"] == result.outcome.id
    assert seen["hash"] == address(tree.id, result.answers(), "en")
    assert o.page.text_content("#app .notice") == word("bad_link", "en")
    dropped = o.page.text_content("#app .dropped")
    assert question_view(stale, "en")["text"] in dropped
    seen = o.go("#tree=no-such-tree&lang=zh")
    assert seen["screen"] == "start" and seen["hash"] == "#lang=zh"
    assert o.page.text_content("#app .notice") == word("bad_link", "zh")


FAKE = "\u202eYour insurance is FROZEN. Call 400-000-0000"


@pytest.mark.parametrize(
    "hash_",
    [
        "#tree=" + quote(FAKE),
        "#tree=card&" + quote(FAKE) + "=1",
        "#tree=card&problem=" + quote(FAKE),
        "#lang=" + quote(FAKE),
        "#" + quote(FAKE),
    ],
    ids=["tree", "question", "answer", "lang", "bare"],
)
def test_text_from_the_address_is_never_shown(opened, hash_):
    """Issue 21, defect 16: a link carrying a false warning and a bidi override.  The
    notice says that part of the link was left out, in the page's own words only."""
    o = opened(hash_)
    assert o.page.text_content("#app .notice") == word("bad_link", "en")
    shown = o.page.evaluate("document.body.innerText + document.title")
    assert "FROZEN" not in shown and "\u202e" not in shown and "400-000" not in shown


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
        assert result.question is not None and seen["node"] == result.question.id
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
    assert question is not None
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
    assert o.state()["h1"] == outcome.title.get("en")


@pytest.mark.parametrize(
    ("args", "locale", "expected"),
    [
        ((), "zh-CN", "zh-Hans"),
        ((), "en-GB", "en"),
        ((), "fr-FR", "en"),
        (("--lang", "zh"), "en-US", "zh-Hans"),
        (("--lang", "en"), "zh-CN", "en"),
    ],
)
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


def test_tree_text_is_shown_as_text_never_as_markup(browser, write, tmp_path):
    from medbal.api import outcome_view
    from medbal.files.readtree import load_file
    from medbal.present.webpage import build_page

    from small_trees import VALID

    hostile = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    text = VALID.replace("Explained X.", f"'{hostile}'").replace("First?", "'First <b>b</b>?'")
    path = tmp_path / "hostile.html"
    tree = a_tree(load_file(write("hostile.yaml", text)))
    path.write_text(
        build_page([(tree, None)], "2026-01-02", "en", outcome_view=outcome_view), encoding="utf-8"
    )
    o = Opened(browser, path, "#tree=small&first=yes&second=a&third=x")
    try:
        assert o.state()["node"] == "done-x"
        assert hostile in o.page.text_content("#app section.page")
        assert "First <b>b</b>?" in o.page.text_content("#app .answers")
        assert o.page.evaluate("window.pwned") is None
        assert o.page.query_selector_all("#app img, #app b, #app script") == []
    finally:
        o.close()


def test_an_outcome_naming_two_categories_links_and_shows_both(browser, shipped, tmp_path):
    """A birth elsewhere names the mother's category 4 and the baby's 11: the view's
    `checklist.categories` holds both, and the page shows and links both sheets."""
    from medbal.api import outcome_view
    from medbal.present import webpage
    from medbal.present.views import checklists_view

    tree, checklists = shipped["which-category"]
    path, outcome = next((p, o) for p, o in all_paths(tree) if o.checklist)

    def two(tree, oid, found, lang):  # the API's view, with both categories for this one
        view = outcome_view(tree, oid, found, lang)
        if oid == outcome.id:
            cats = [checklists.find("4"), checklists.find("11")]
            view["outcome"]["checklist"] = checklists_view(checklists, cats, lang)
        return view

    html = webpage.build_page([(tree, checklists)], "2026-01-02", "en", outcome_view=two)
    page_file = tmp_path / "two.html"
    page_file.write_text(html, encoding="utf-8")
    o = Opened(browser, page_file, address(tree.id, answers_of(path)), viewport=NARROW)
    try:
        kickers = o.page.evaluate(
            "[...document.querySelectorAll('#app section.page .kicker')].map(k => k.textContent)"
        )
        assert kickers[1:] == ["Category 4", "Category 11"]
        links = o.page.locator("#app a[data-sheet]")
        assert links.count() == 2
        links.nth(1).click()
        focused = o.page.evaluate("document.activeElement.closest('section.page').id")
        assert focused == "sheet-11" and o.state()["hash"] == address(tree.id, answers_of(path))
        top = o.page.evaluate("document.activeElement.getBoundingClientRect().top")
        assert 0 <= top < NARROW["height"]  # moved to the sheet, the address unchanged
    finally:
        o.close()
