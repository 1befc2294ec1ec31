"""A date question and a due date in the web page (tests/dated), in headless Chromium
with the page's clock fixed: the date field, the engine's date rules replayed by
page.js, and the due box that says what the CLI's outcome says."""

from __future__ import annotations

import datetime

import pytest

from medbal import api
from medbal.core.kinds import date
from medbal.i18n.catalogue import msg as word
from medbal.present.deadlines import box_words

from dated_trees import FOLDER
from page_browser import (  # noqa: F401  (fixtures)
    LANGS,
    NARROW,
    Opened,
    address,
    browser_fixture,
    write_page,
)

pytestmark = pytest.mark.browser

TODAY = datetime.date(2026, 11, 24)
NOW = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture(scope="module", name="dated_page")
def dated_page_fixture(tmp_path_factory):
    return write_page(tmp_path_factory.mktemp("dated"), "dated", "--trees", str(FOLDER))


@pytest.fixture(name="opened")
def opened_fixture(browser, dated_page):
    pages = []

    def open_(hash_="", **kw):
        o = Opened(browser, dated_page, hash_, now=NOW, **kw)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


def cli_view(answers, lang):
    return api.diagnose("dated", answers, lang, trees=FOLDER, today=TODAY)


def due_box(o):
    box = o.page.locator("[data-due]")
    return {
        "due": box.get_attribute("data-due"),
        "passed": box.get_attribute("data-passed") == "true",
        "text": box.inner_text(),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_date_field_answers_and_the_box_says_what_the_cli_says(opened, lang):
    o = opened(address("dated", {"who": "baby"}, lang), viewport=NARROW)
    assert o.state()["node"] == "born"
    o.page.fill("#date", "2026-11-20")
    o.page.click("button[data-action=date]")
    o.page.wait_for_selector("[data-due]")
    state = o.state()
    assert state["screen"] == "outcome" and "born=2026-11-20" in state["hash"]
    outcome = cli_view({"who": "baby", "born": "2026-11-20"}, lang)["outcome"]
    box = due_box(o)
    assert box["due"] == outcome["due"] == "2027-02-20" and box["passed"] is False
    said = box_words(outcome["due"], outcome["due_passed"], lang)  # the CLI's box: its day
    assert said in box["text"] and outcome["due_rule"] in box["text"]
    assert box["text"].count({"en": "Xiamen", "zh": "厦门"}[lang]) == 1  # the rule's tag, once
    assert word("due_heading", lang) in box["text"]
    label = cli_view({"who": "baby", "born": "2026-11-20"}, lang)["answers"][1]["label"]
    assert label in o.page.locator(".answers li").all_inner_texts()[1]  # written out
    assert state["overflow"] <= 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_passed_due_date_says_so_and_what_is_still_possible(opened, lang):
    answers = {"who": "referred", "moved": "2026-11-06"}
    o = opened(address("dated", answers, lang))
    outcome = cli_view(answers, lang)["outcome"]
    box = due_box(o)
    assert box["due"] == outcome["due"] == "2026-11-13" and box["passed"] is True
    said = box_words(outcome["due"], outcome["due_passed"], lang)
    assert said in box["text"] and outcome["due_late"] in box["text"]


CASES = [  # (question, a date, the rule's amount and unit): month ends, leap years, today
    ("born", "2023-11-30", 3, "month"),  # 29 February 2024
    ("born", "2024-11-30", 3, "month"),  # 28 February 2025
    ("born", "2025-12-31", 3, "month"),
    ("born", "2026-08-31", 3, "month"),  # 30 November: passed on the 24th? not yet
    ("born", "2026-11-24", 3, "month"),  # today itself
    ("born", "1900-01-01", 3, "month"),
    ("moved", "2024-02-25", 7, "day"),  # through a leap day
    ("moved", "2025-12-28", 7, "day"),  # over a year's end
    ("moved", "2026-11-17", 7, "day"),  # due today: not passed
    ("moved", "2026-11-16", 7, "day"),  # due yesterday: passed
]


def test_the_page_counts_a_due_date_as_the_engine_does(opened):
    o = opened()
    for qid, start, amount, unit in CASES:
        who = "baby" if qid == "born" else "referred"
        o.go(address("dated", {"who": who, qid: start}, "en"))
        expected = date.due(datetime.date.fromisoformat(start), amount, unit)
        box = due_box(o)
        assert box["due"] == expected.isoformat(), start
        assert box["passed"] is (expected < TODAY), start
        view = cli_view({"who": who, qid: start}, "en")["outcome"]
        said = box_words(view["due"], view["due_passed"], "en")
        assert view["due"] == box["due"] and said in box["text"], start


@pytest.mark.parametrize(
    "typed, word_key",
    [("2026-11-25", "date_field_future"), ("1899-12-31", "date_field_early")],
)
def test_a_date_the_engine_refuses_is_said_at_once_and_not_taken(opened, typed, word_key):
    o = opened(address("dated", {"who": "baby"}, "zh"))
    o.page.fill("#date", typed)
    o.page.click("button[data-action=date]")
    error = o.page.locator("#date-error")
    assert error.inner_text() == word(word_key, "zh") and "“年-月-日”" in error.inner_text()
    assert o.page.get_attribute("#date", "aria-invalid") == "true"
    assert o.state()["node"] == "born" and "born=" not in o.state()["hash"]
    o.page.fill("#date", "")
    o.page.click("button[data-action=date]")
    assert error.inner_text() == word("date_field_bad", "zh")


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-11-25", "20261120", "2026-1-5", "1899-12-31"])
def test_a_date_in_the_address_the_engine_refuses_is_left_out(opened, bad):
    o = opened()
    state = o.go(address("dated", {"who": "baby", "born": bad}, "en"))
    assert state["node"] == "born" and "born" not in state["hash"]
    assert o.page.locator(".notice").inner_text() == word("bad_link", "en")
    assert bad not in o.page.locator("#app").inner_text()  # never shown


def test_back_offers_the_date_again_and_the_field_has_its_bounds(opened):
    o = opened(address("dated", {"who": "baby", "born": "2026-11-20"}, "en"))
    o.page.click("[data-action=back]")
    o.page.wait_for_selector("#date")
    field = o.page.locator("#date")
    assert field.input_value() == "2026-11-20"
    assert (field.get_attribute("min"), field.get_attribute("max")) == ("1900-01-01", "2026-11-24")
    label = o.page.locator("label[for=date]").inner_text()
    assert label == "Give the baby's date of birth"
    field.press("Enter")  # Enter in the field sends it, as the Next button does
    o.page.wait_for_selector("[data-due]")
    assert "born=2026-11-20" in o.state()["hash"]


def test_a_date_question_without_a_label_and_its_progress(opened):
    o = opened(address("dated", {"who": "referred"}, "zh"))
    assert o.page.locator("label[for=date]").inner_text() == word("date_give", "zh")
    assert o.page.locator(".progress").inner_text() == "第 2 题，最多共 2 题"


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_at_a_date_question_or_a_due_box(opened, lang):
    """As tests/e2e/test_page_axe.py audits the shipped trees' screens (its RUN and TAGS)."""
    from pathlib import Path

    axe = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
    run = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations']}).then(r => r.violations.map(v => v.id + ': ' + v.help))"""
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    o = opened(viewport=NARROW)
    o.page.evaluate(axe.read_text(encoding="utf-8"))
    for answers in ({"who": "baby"}, {"who": "referred", "moved": "2026-11-06"}):
        o.go(address("dated", answers, lang))
        assert o.page.evaluate(run, tags) == [], answers
    o.go(address("dated", {"who": "baby"}, lang))
    o.page.fill("#date", "2026-11-25")
    o.page.click("button[data-action=date]")  # the error said
    assert o.page.evaluate(run, tags) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_date_goes_on_to_the_outcome_without_a_due_box(opened, lang):
    """A person who does not know the date, or would rather not give it: the button under
    the field, as `--answer born=not-sure`; the deadline is then said in words only."""
    o = opened(address("dated", {"who": "baby"}, lang), viewport=NARROW)
    skip = o.page.locator("button.skip")
    view = cli_view({"who": "baby"}, lang)["question"]
    assert skip.inner_text() == view["skip"]["label"]
    skip.click()
    o.page.wait_for_selector(".answers")
    state = o.state()
    assert state["screen"] == "outcome" and "born=not-sure" in state["hash"]
    assert o.page.locator("[data-due]").count() == 0
    outcome = cli_view({"who": "baby", "born": "not-sure"}, lang)
    assert outcome["outcome"]["due"] is None
    rule = outcome["outcome"]["checklist"]["categories"][0]["deadlines"][0]["text"]
    assert rule in o.page.locator(".deadline").first.inner_text()  # the rule, in words
    assert outcome["answers"][1]["label"] in o.page.locator(".answers li").all_inner_texts()[1]
    o.page.click("[data-action=back]")  # offered again: the button marked, the field empty
    o.page.wait_for_selector("#date")
    assert o.page.locator("#date").input_value() == ""
    assert "earlier-answer" in (o.page.locator("button.skip").get_attribute("class") or "")


def test_the_counted_deadline_is_said_once_in_its_box(opened):
    o = opened(address("dated", {"who": "baby", "born": "2026-11-20"}, "en"))
    rule = cli_view({"who": "baby", "born": "2026-11-20"}, "en")["outcome"]["due_rule"]
    sheet = o.page.locator("#sheet-outcome").inner_text()
    assert sheet.count(rule) == 1 and rule in due_box(o)["text"]
