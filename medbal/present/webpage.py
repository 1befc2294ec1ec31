"""`medbal page`: one self-contained HTML file that walks the trees in a browser.

For people who will never open a terminal: counter staff write the file once and
hand it over (a chat, a phone, a kiosk).  No server, no network: the trees' data
is embedded once as JSON, built by the same views as `--format json`; outcomes
and checklists are embedded as the take-home page of `--format html` writes
them (medbal/present/html.py, which escapes every text), so screen, paper and
terminal say the same.  A small script (page_assets/page.js) replays the answers
from the start as medbal/core/engine.py does; the print style is html.py's A4 CSS.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from html import escape
from importlib import resources
from typing import Any

from medbal import __version__
from medbal.core.engine import children_first
from medbal.core.errors import UsageError
from medbal.core.kinds import edges
from medbal.core.model import LANGS, Checklists, Outcome, Question, Tree
from medbal.i18n import typeset
from medbal.i18n.catalogue import msg, section
from medbal.i18n.typeset import marks
from medbal.present.deadlines import due_rule
from medbal.present.html import CSS as PRINT_CSS
from medbal.present.html import page_html, section_html
from medbal.present.pages import Page, checklist_page, due_section, outcome_page
from medbal.present.views import DiagnoseView, question_view

# The trees for citizens, in the order of the start screen.
DEFAULT_TREES = ("zero-balance", "which-category", "balance-dropped", "card")
# Keys of the address besides the answers: no question may use them as its id.
RESERVED = ("tree", "lang")
# Words of the catalogue that the page shows as they are.
SHARED = ("answers", "dropped")
# How an outcome becomes a view (tree, outcome id, checklists, language): medbal.api's
# outcome_view, handed down by the caller, so that views are made in the API alone.
OutcomeViews = Callable[[Tree, str, Checklists | None, str], DiagnoseView]


def _asset(name: str) -> str:
    return (resources.files("medbal.present") / "page_assets" / name).read_text(encoding="utf-8")


def _sheet(page: Page, oid: str | None = None) -> dict[str, Any]:
    """A page as `--format html` writes it (its texts escaped there), with its title."""
    data: dict[str, Any] = {"title": page.title, "html": page_html(page)}
    if oid is not None:
        data["id"] = oid
    return data


def most_questions(tree: Tree) -> dict[str, int]:
    """For each question, the most questions a person may still meet, itself included."""
    most: dict[str, int] = dict.fromkeys(tree.outcomes, 0)
    for node in children_first(tree):  # iterative: a chain of thousands is fine
        most[node] = 1 + max(most[o.next] for o in edges(tree.questions[node]))
    return {qid: most[qid] for qid in tree.questions}


def _question(q: Question, most: int) -> dict[str, Any]:
    """Where each answer leads (a date question's one way on is under `<date>`), and the
    question's view in each language; page.js's KINDS reads each kind's."""
    data: dict[str, Any] = {
        "kind": q.kind,
        "next": {o.value: o.next for o in edges(q)},
        "most": most,
    }
    for lang in LANGS:
        data[lang] = question_view(q, lang)
    return data


def _due(o: Outcome, checklists: Checklists | None) -> dict[str, Any] | None:
    """What page.js needs to count an outcome's date as the CLI does: the question, the
    deadline's amount and unit, and in each language the box to show, as html.py draws
    it, with `{date}` where the day goes (before the day and once it has passed)."""
    out: dict[str, Any] = {}
    for lang in LANGS:
        rule = due_rule(o, checklists, lang)
        if rule is None:
            return None
        out |= {"question": rule["question"], "amount": rule["amount"], "unit": rule["unit"]}
        late = {"by": None, "passed": rule["late"]}
        out[lang] = {
            state: section_html(
                due_section(rule["box_" + state], rule["rule"], late[state], lang)
            ).replace(escape(rule["day"]), "{date}")  # spaced as a real day, then replaced
            for state in ("by", "passed")
        }
    return out


def _outcome_page(
    tree: Tree,
    oid: str,
    checklists: Checklists | None,
    lang: str,
    sheets: dict[str, Any],
    outcome_view: OutcomeViews,
) -> tuple[dict[str, Any], list[int]]:
    """The outcome as the take-home page lays it out, from the CLI's JSON view, and the
    numbers of the categories it names; their sheets are added to `sheets`."""
    view = outcome_view(tree, oid, checklists, lang)
    page = outcome_page(view)
    envelope = view["outcome"]["checklist"]
    categories = envelope["categories"] if envelope else []
    # On the page the checklists follow, each linked from here (page.js): no command to type.
    below = msg("checklists_below" if len(categories) > 1 else "checklist_below", lang)
    page.sections = [
        s._replace(items=[below]) if s.key == "checklists" else s for s in page.sections
    ]
    for cat in categories:
        assert envelope is not None
        sheet = sheets.setdefault(str(cat["number"]), {})
        if lang not in sheet:
            sheet[lang] = _sheet(checklist_page(cat, envelope, lang, slug=False))
    return _sheet(page, oid), [cat["number"] for cat in categories]


def tree_data(
    tree: Tree,
    checklists: Checklists | None,
    outcome_view: OutcomeViews,
    sheets: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A tree for the script; the checklists its outcomes name are added to `sheets`."""
    clash = [r for r in RESERVED if r in tree.questions]
    if clash:
        raise UsageError("reserved_question", tree=tree.id, name=clash[0])
    most = most_questions(tree)
    sheets = {} if sheets is None else sheets
    outcomes: dict[str, Any] = {}
    for oid in tree.outcomes:
        outcome: dict[str, Any] = {}
        for lang in LANGS:
            outcome[lang], outcome["checklists"] = _outcome_page(
                tree, oid, checklists, lang, sheets, outcome_view
            )
        outcome["due"] = _due(tree.outcomes[oid], checklists)
        outcomes[oid] = outcome
    return {
        "id": tree.id,
        "start": tree.start,
        "title": {lang: tree.title.get(lang) for lang in LANGS},
        "description": (
            {lang: tree.description.get(lang) for lang in LANGS} if tree.description else None
        ),
        "questions": {qid: _question(q, most[qid]) for qid, q in tree.questions.items()},
        "outcomes": outcomes,
    }


def page_data(
    trees: list[tuple[Tree, Checklists | None]],
    made: str,
    lang: str | None,
    *,
    outcome_view: OutcomeViews,
) -> dict[str, Any]:
    """Everything the script needs, each text once per language."""
    sheets: dict[str, dict[str, Any]] = {}  # category number -> language -> sheet
    data = [tree_data(t, c, outcome_view, sheets) for t, c in trees]
    # The page's words as templates: page.js puts in their {fields} itself.
    pages = {la: section("page", la) for la in LANGS}
    words = {key: {la: pages[la][key] for la in LANGS} for key in pages[LANGS[0]]}
    for key in SHARED:
        words[key] = {la: msg(key, la) for la in LANGS}
    return {
        "version": __version__,
        "made": made,
        "lang": lang,
        # Every language, in the declared order: its code, HTML tag and layout.
        "langs": [
            {"code": la, "tag": typeset.html_lang(la), "han": typeset.han_layout(la)}
            for la in LANGS
        ],
        "words": words,
        # A day written out (medbal.i18n.typeset.written_date), as page.js writes one.
        "calendar": {la: {"date": marks(la).date, "months": marks(la).months} for la in LANGS},
        "trees": data,
        "checklists": sheets,
    }


def embed_json(data: Any) -> str:
    """JSON that cannot end the script element holding it: every < as a \\u escape.

    In a script element's text only "<" begins anything ("</script", "<!--": the HTML
    standard's script data states); > and & are plain text there, and escaping them
    too cost the page 70 KB (every tag of the outcomes' HTML has a >).  U+2028 and
    U+2029 are escaped for any reader that takes the text as JavaScript."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def build_page(
    trees: list[tuple[Tree, Checklists | None]],
    made: str,
    lang: str | None = None,
    *,
    outcome_view: OutcomeViews,
) -> str:
    """The whole HTML file.  `lang` None: the browser's language decides."""
    ids = [t.id for t, _ in trees]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError("tree_twice", tree=twice[0])
    script = "\n" + _asset("page.js")
    style = "\n" + _asset("page.css") + "\n@media print {\n" + PRINT_CSS + "\n}\n"
    for text, end in ((script, "</script"), (style, "</style")):
        assert end not in text.lower(), f"an asset contains {end}"
    # No request of any kind may leave the page: only its own inline script and style run.
    policy = (
        f"default-src 'none'; script-src '{_sha256(script)}'; "
        f"style-src '{_sha256(style)}'; img-src data:; form-action 'none'; "
        "base-uri 'none'"
    )
    data = embed_json(page_data(trees, made, lang, outcome_view=outcome_view))
    first = lang or LANGS[0]
    title = " / ".join(dict.fromkeys(msg("app_title", la) for la in (first, *LANGS)))
    return (
        f'<!DOCTYPE html>\n<html lang="{typeset.html_lang(first)}">\n<head>\n'
        f'<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f'<meta name="generator" content="medbal {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"{_switch()}"
        f'<main id="app" tabindex="-1"><noscript>{_in_every_language("noscript")}'
        f"</noscript></main>\n"
        f'<script type="application/json" id="medbal-data">{data}'
        f"</script>\n<script>{script}</script>\n</body>\n</html>\n"
    )


def _switch() -> str:
    """The language switch: a button for each language, named in its own words."""
    label = " / ".join(dict.fromkeys(msg("language", la) for la in LANGS))
    buttons = '<span aria-hidden="true">/</span>'.join(
        f'<button type="button" data-lang="{escape(la)}" lang="{typeset.html_lang(la)}">'
        f"{escape(typeset.marks(la).name)}</button>"
        for la in _switch_order()
    )
    return (
        f'<header class="bar screen-only"><div class="switch" role="group" '
        f'aria-label="{escape(label)}">{buttons}</div></header>\n'
    )


def _switch_order() -> list[str]:
    """Chinese first, as the page's readers mostly read it, then the rest as declared."""
    return sorted(LANGS, key=lambda la: not typeset.han_layout(la))


def _in_every_language(key: str) -> str:
    """A paragraph of the page's words in each language, each marked with its own."""
    return "".join(
        f'<p lang="{typeset.html_lang(la)}">{escape(msg(key, la))}</p>' for la in _switch_order()
    )
