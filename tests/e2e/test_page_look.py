"""How the page looks: text size, contrast and `lang` on narrow and wide screens, and print.

Printing an outcome gives the take-home sheets of `diagnose --format html`.
"""

import re
import shutil
import subprocess

import pytest

from medbal.core.engine import all_paths, walk
from medbal.i18n.catalogue import msg as word
from medbal.present.pages import checklist_page
from medbal.present.views import diagnose_view

from page_browser import (  # noqa: F401  (fixtures)
    LANGS,
    NARROW,
    WIDE,
    address,
    answers_of,
    browser_fixture,
    opened_fixture,
    page_file_fixture,
    shipped_fixture,
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


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
def test_text_size_contrast_and_lang(opened, shipped, lang, viewport):
    tree_id, (tree, checklists) = next(
        (i, tc) for i, tc in shipped.items() if any(o.checklist for o in tc[0].outcomes.values())
    )
    with_sheet = next(p for p, out in all_paths(tree) if out.checklist)
    helped = next(
        (tid, q) for tid, (t, _) in shipped.items() for q in t.questions.values() if q.help
    )
    helped_path = next(
        p for p, _ in all_paths(shipped[helped[0]][0]) if helped[1].id in [a.question.id for a in p]
    )
    before = answers_of(helped_path[: [a.question.id for a in helped_path].index(helped[1].id)])
    o = opened(viewport=viewport)
    screens = [
        f"#lang={lang}",
        address(helped[0], before, lang),
        address(tree_id, answers_of(with_sheet), lang),
    ]
    for hash_ in screens:
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
            # the sheet's heading (its kicker over its title) is not on the outcome's page
            sheet_head = kicker + envelope["categories"][0]["title"]
            assert sheet_head.replace(" ", "") not in flat[0].replace(" ", "")
            assert word("checklist_below", lang).replace(" ", "") in flat[0].replace(" ", "")
