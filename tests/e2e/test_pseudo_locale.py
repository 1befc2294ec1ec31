"""Every command and view in a pseudo-locale (tests/pseudo.py): no word left in English.

en-XA is added as a new language is, its words and its trees' texts made from English's
with accented letters.  Each command is run in it, in every format, with its errors and
usage errors, and the interactive session is stepped through; a word of medbal's that
comes out in plain ASCII letters did not come from the words of the language asked for
(a string written into the code, or a language named in code), and fails here.  What
may stay ASCII is data: ids, answer values, the command's own words, file names.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from medbal.commands.app import cli
from medbal.core import langs
from medbal.core.engine import all_paths
from medbal.core.kinds.date import PLACEHOLDER
from medbal.files.readtree import load_file
from medbal.i18n.typeset import html_lang
from medbal.present.webpage import DEFAULT_TREES

from pseudo import (  # noqa: F401  (fixtures)
    PSEUDO,
    data_fixture,
    html_texts,
    json_texts,
    pseudo_fixture,
    untransformed,
)
from support import TREES, a_tree

APP = cli()
# The shipped trees, read before the pseudo-locale is installed: their paths and ids.
_TREES = {name: a_tree(load_file(TREES / f"{name}.yaml")) for name in DEFAULT_TREES}


@pytest.fixture(scope="module")
def medbal(pseudo, tmp_path_factory):
    """Run medbal in the pseudo-locale: (exit code, stdout, stderr)."""
    env = {"MEDBAL_LANG": PSEUDO, "MEDBAL_CACHE": "0", "COLUMNS": "80"}

    def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
        result = CliRunner().invoke(APP, list(args), input=input, env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        return result.exit_code, result.stdout, result.stderr

    return invoke


def shown(text: str, fmt: str) -> str:
    if fmt == "json":
        return "\n".join(json_texts(json.loads(text)))
    if fmt == "html":
        return html_texts(text)
    return text


def english_in(text: str, data: set[str], fmt: str = "text") -> list[str]:
    return untransformed(shown(text, fmt), data)


# --- the commands ---------------------------------------------------------------------------


def _fullest(outcome) -> tuple[int, ...]:
    """How much an outcome shows: its checklists, caveat, pooled fund, sources."""
    o = outcome
    return (len(o.checklists), bool(o.caveat), bool(o.pooled_fund), len(o.sources))


def _answers(tree_name: str, day: datetime.date | None = None) -> list[str]:
    """The answers of the path of a tree to its outcome that shows the most; a date
    question answered with `day` (default: two days ago, so a deadline is still to come)."""
    day = day or datetime.date.today() - datetime.timedelta(days=2)
    path, _ = max(all_paths(_TREES[tree_name]), key=lambda po: _fullest(po[1]))
    given = {PLACEHOLDER: day.isoformat()}
    return [f"-a{a.question.id}={given.get(a.option.value, a.option.value)}" for a in path]


# Each tree's fullest outcome (for the claim finder: one that names two categories).
CASES = {
    "diagnose": lambda: ["diagnose", *_answers("zero-balance")],
    "claim": lambda: ["claim", *_answers("which-category")],
    "claim, its deadline passed": lambda: [
        "claim",
        *_answers("which-category", datetime.date(2020, 1, 15)),
    ],
    "balance-dropped": lambda: ["diagnose", "balance-dropped", *_answers("balance-dropped")],
    "card": lambda: ["diagnose", "card", *_answers("card")],
}
FORMATS = ("text", "json", "markdown", "html")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_outcome_in_every_format(medbal, data, case, fmt):
    code, out, err = medbal(*CASES[case](), "--format", fmt)
    assert code == 0, err
    assert english_in(out, data, fmt) == [] and err == ""


def _off_the_path() -> tuple[list[str], str]:
    """The answers of a zero-balance path, and one to a question it does not pass."""
    tree = _TREES["zero-balance"]
    path, _ = next(iter(all_paths(tree)))
    passed = {a.question.id for a in path}
    other = next(q for q in tree.questions.values() if q.id not in passed)
    answers = [f"-a{a.question.id}={a.option.value}" for a in path]
    return answers, f"-a{other.id}={other.options[0].value}"


@pytest.mark.parametrize("fmt", ("text", "json"))
def test_a_question_still_to_answer_and_answers_not_needed(medbal, data, fmt):
    code, out, err = medbal("diagnose", "--format", fmt)
    assert code == 3 and english_in(out, data, fmt) == [] and english_in(err, data) == []
    answers, off = _off_the_path()
    code, out, err = medbal("diagnose", "--format", fmt, *answers, off)
    assert code == 0 and english_in(out, data, fmt) == [] and err == ""
    code, out, err = medbal("diagnose", "--format", fmt, answers[0], off)
    assert code == 3 and english_in(out, data, fmt) == [] and english_in(err, data) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("which", [(), ("3",), ("--all",)], ids=["overview", "one", "all"])
def test_docs(medbal, data, which, fmt):
    code, out, err = medbal("docs", *which, "--format", fmt)
    assert code == 0, err
    assert english_in(out, data, fmt) == [] and err == ""


@pytest.mark.parametrize("fmt", ("text", "json"))
@pytest.mark.parametrize(
    "args",
    [("8000",), ("8000", "-t", "500"), ("8000", "-t", "500", "--item", "class-b=1200")],
    ids=["no-threshold", "threshold", "items"],
)
def test_estimate(medbal, data, args, fmt):
    code, out, err = medbal("estimate", *args, "--format", fmt)
    assert code == 0, err
    assert english_in(out, data, fmt) == [] and err == ""


@pytest.mark.parametrize(
    "args",
    [
        ("tree", "list"),
        ("tree", "list", "--format", "json"),
        ("tree", "show", "zero-balance"),
        ("tree", "paths", "card"),
        ("tree", "paths", "card", "--format", "json"),
        ("tree", "paths", "card", "--format", "csv"),
        ("tree", "export", "card", "--format", "json"),
        ("tree", "export", "card", "--format", "mermaid"),
        ("tree", "export", "card", "--format", "dot"),
    ],
    ids=" ".join,
)
def test_tree_commands(medbal, data, args):
    code, out, err = medbal(*args)
    assert code == 0, err
    fmt = "json" if "json" in args else "text"
    if "csv" in args:  # the columns' names, as JSON's keys, are for the programs that read it
        out = out.partition("\n")[2]
    # The diagrams' own syntax (flowchart, digraph, rankdir ...) is Mermaid's and DOT's.
    syntax = {"flowchart", "TD", "digraph", "rankdir", "TB", "node", "shape", "box", "style"}
    syntax |= {"rounded", "fontname", "Noto", "Sans", "CJK", "SC", "ellipse", "label"}
    assert english_in(out, data | syntax, fmt) == [] and err == ""


def test_tree_validate(medbal, data, pseudo):
    code, out, err = medbal("tree", "validate", *map(str, sorted(pseudo.glob("*.yaml"))))
    assert code == 0, err
    assert english_in(out, data) == [] and err == ""


# What medbal is asked in error: the words given, which it shows back (escaped), are data;
# and the form a date is written in.
GIVEN = {"nope", "yearl", "nowhere", "zero-balanse", "nonexistent", "answers.yaml", "nothing"}
GIVEN |= {"short-trp", "file.html", "folder", "lots", "soon", "x.yaml", "answr", "pdf"}
GIVEN |= {"diagnoze", "YYYY-MM-DD"}
# The system's reason a file cannot be read or written (strerror) is the system's words.
SYSTEM = {w for e in (errno.ENOENT, errno.ENOTDIR) for w in re.findall(r"\w+", os.strerror(e))}

ERRORS = [
    ("diagnose", "-a", "nope=x"),
    ("diagnose", "-a", "scheme=nope"),
    ("diagnose", "-a", "scheme=yearl"),
    ("diagnose", "-a", "scheme"),
    ("diagnose", "nowhere"),
    ("diagnose", "zero-balanse"),
    ("diagnose", "-a", "scheme=yearly", "-a", "scheme=employer"),
    ("diagnose", "--answers-file", "/nonexistent/answers.yaml"),
    ("docs", "99"),
    ("docs", "short-trp"),
    ("docs", "3", "--all"),
    ("docs", "3", "--output", "/nonexistent/folder/file.html", "--format", "html"),
    ("estimate", "-5"),
    ("estimate", "lots"),
    ("estimate", "8000", "-t", "9000"),
    ("estimate", "8000", "--item", "nothing=5"),
    ("estimate", "8000", "--region", "nowhere"),
    ("tree", "paths", "nowhere"),
]
NO_FORMAT = [
    ("page", "nowhere"),
    ("tree", "show", "nowhere"),
    ("tree", "validate", "--as-of", "soon", "x.yaml"),
]


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
@pytest.mark.parametrize("fmt", ("text", "json"))
def test_errors(medbal, data, args, fmt):
    extra = ("--format", "json") if fmt == "json" and "--format" not in args else ()
    code, out, err = medbal(*args, *extra)
    assert code in (1, 2) and err.startswith("medbal: "), (code, err)
    assert english_in(err, data | GIVEN | SYSTEM) == []
    if extra:
        assert english_in(out, data | GIVEN | SYSTEM, "json") == []


@pytest.mark.parametrize("args", NO_FORMAT, ids=" ".join)
def test_errors_of_commands_without_a_format(medbal, data, args):
    code, out, err = medbal(*args)
    assert code in (1, 2) and err.startswith("medbal: ") and out == "", (code, err)
    assert english_in(err, data | GIVEN) == []


# Click's usage errors are rebuilt from their parts by the entry point: run as a program.
USAGE = [
    ("diagnose", "--nope"),
    ("diagnose", "--answr", "x=y"),
    ("diagnose", "--format"),
    ("diagnose", "--format", "pdf"),
    ("diagnoze",),
    ("docs", "1", "2"),
]


@pytest.fixture(scope="module")
def program(pseudo):
    """medbal from its entry point, in a process of its own, in the pseudo-locale."""
    env = {**os.environ, "PSEUDO_TREES": str(pseudo), "MEDBAL_LANG": PSEUDO, "MEDBAL_CACHE": "0"}
    script = Path(__file__).parent.parent / "pseudo.py"

    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, str(script), *args], capture_output=True, text=True, env=env
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.mark.parametrize("args", USAGE, ids=" ".join)
@pytest.mark.parametrize("fmt", ("text", "json"))
def test_usage_errors(program, data, args, fmt):
    extra = ("--format", "json") if fmt == "json" and "--format" not in args else ()
    code, out, err = program(*args, *extra)
    assert code == 2 and err.startswith("medbal: "), (code, err)
    assert english_in(err, data | GIVEN) == []
    if extra and out:
        assert english_in(out, data | GIVEN, "json") == []


def test_the_batch(medbal, data):
    lines = [
        {"id": 1, "answers": {"scheme": "yearly"}},
        {"id": 2, "answers": {"scheme": "nope"}},
        {"id": 3, "tree": "nowhere"},
        {"id": 4, "answers": {}},
        {"id": 5, "lang": "fr"},
    ]
    given = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n"
    code, out, err = medbal("diagnose", "--batch", "-", input=given)
    assert code in (0, 1, 2)
    texts = [t for line in out.splitlines() for t in json_texts(json.loads(line))]
    assert untransformed("\n".join(texts), data | {"nope", "nowhere", "fr"}) == []


def test_the_page(medbal, data, tmp_path):
    page = tmp_path / "medbal.html"
    code, out, err = medbal("page", "--output", str(page))
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    embedded = re.search(r'id="medbal-data">(.*?)</script>', html, re.S)
    assert embedded is not None
    page_data = json.loads(embedded.group(1))
    # The page's own words, as the script gets them (their {fields} it fills in), and
    # every tree's texts in en-XA.
    words = [re.sub(r"\{\w+\}", "", w[PSEUDO]) for w in page_data["words"].values()]
    for tree in page_data["trees"]:
        words.append(tree["title"][PSEUDO])
        for question in tree["questions"].values():
            words += json_texts(question[PSEUDO])
        for outcome in tree["outcomes"].values():
            words.append(html_texts(outcome[PSEUDO]["html"]))
    for sheet in page_data["checklists"].values():
        words.append(html_texts(sheet[PSEUDO]["html"]))
    # The page's static part: what shows without the script, each language's words (the
    # switch's names, the note for a browser without scripts) marked with its tag.
    others = "|".join(re.escape(html_lang(la)) for la in langs.LANGS if la != PSEUDO)
    static = re.sub(
        rf'<(\w+)[^>]*\slang="(?:{others})"[^>]*>.*?</\1>', " ", html.split("<body>")[1]
    )
    # The switch is named in every language's word for it, the pseudo-locale's among them.
    switch = re.search(r'class="switch" role="group" aria-label="([^"]*)"', static)
    assert switch is not None and page_data["words"]["language"][PSEUDO] in switch.group(1)
    static = static.replace(switch.group(0), "")
    assert untransformed("\n".join(words), data) == []
    assert untransformed(html_texts(static), data) == []
    assert f'lang="{PSEUDO}"' in static  # the pseudo-locale's own button and note


# --- the interactive session -----------------------------------------------------------------


def test_the_interactive_session(pseudo, data):
    from medbal.api import Session
    from medbal.present import session
    from medbal.present.dialogue import draw
    from medbal.present.layout import paint

    talk = Session("which-category", lang=PSEUDO, trees=str(pseudo))
    state, events = session.start(talk, {})
    shown = []
    # help, a wrong key, a number too high, back at the first, an answer, back, then
    # every first option to the outcome, its checklist, a change, restart, quit
    # (0 goes on past a date question without a date, and is no option of a choice)
    keys = ["?", "x", "99", "b", "1", "b", *["1", "0", "2026-13-01"] * 8, "d", "9", "1", "r", "q"]
    for key in keys:
        for event in events:
            shown.append(paint(draw(event, 80), False, "utf-8"))
            if isinstance(event, session.Prompt):
                shown.append(event.text)
        if isinstance(events[-1], session.Quit):
            break
        state, events = session.step(talk, state, key)
    for event in events:
        shown.append(paint(draw(event, 80), False, "utf-8"))
    assert untransformed("\n".join(shown), data) == []


# --- help ---------------------------------------------------------------------------------


def test_the_help_says_its_words_in_every_language_the_pseudo_locale_too(medbal):
    """The top-level help's headings, exit codes and environment are the catalogue's help
    words, shown in every language medbal speaks.  (A command's and an option's own
    description is its docstring and help text in the code, in English and Chinese.)"""
    from medbal.i18n import words
    from medbal.i18n.typeset import listing

    code, out, err = medbal("--help")
    assert code == 0 and err == ""
    flat = " ".join(out.split())
    for key, text in words.of(PSEUDO).HELP.items():
        text = text.replace("{langs}", listing(langs.LANGS, PSEUDO))  # en, zh, en-XA
        assert " ".join(text.split()) in flat, key


# --- medbal serve: the HTTP API ---------------------------------------------------------------


@pytest.fixture(scope="module")
def served(pseudo):
    """medbal serve's application over the pseudo-locale's trees, answering in en-XA where
    a request names no language (its checks of a body's `lang` are made at its import),
    called in process through httpx's ASGI transport: request(method, path, **kw)."""
    pytest.importorskip("starlette")
    import asyncio

    import httpx

    from medbal.serve.app import create_app
    from medbal.serve.engine import Served

    app = create_app(Served.load(None), PSEUDO)

    def request(method: str, path: str, **kw: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://medbal") as c:
                return await c.request(method, path, **kw)

        return asyncio.run(call())

    return request


SERVE = [
    ("POST", "/v1/diagnose", {"answers": {"scheme": "yearly"}}),
    ("POST", "/v1/diagnose", {"tree": "which-category"}),
    ("POST", "/v1/batch", [{"answers": {"scheme": "yearly"}}, {"tree": "nowhere"}, 7]),
    ("POST", "/v1/estimate", {"bill": 8000, "threshold": 500, "items": {"class-b": 1200}}),
    ("GET", "/v1/trees", None),
    ("GET", "/v1/trees/card", None),
    ("GET", "/v1/docs/3", None),
    # errors: the body, its keys and types, a path, a method
    ("POST", "/v1/diagnose", {"answers": {"scheme": "nope"}}),
    ("POST", "/v1/diagnose", {"tree": "nowhere"}),
    ("POST", "/v1/diagnose", {"answer": {}}),
    ("POST", "/v1/diagnose", {"answers": "scheme"}),
    ("POST", "/v1/estimate", {"bill": "lots"}),
    ("POST", "/v1/estimate", {}),
    ("POST", "/v1/batch", {}),
    ("GET", "/v1/docs/99", None),
    ("GET", "/v1/nothing", None),
    ("GET", "/v1/diagnose", None),
    ("GET", "/v1/trees?nope=1", None),
]


@pytest.mark.parametrize("method, path, body", SERVE, ids=[f"{m} {p}" for m, p, _ in SERVE])
def test_serve(served, data, method, path, body):
    response = served(method, path, json=body)
    words = data | GIVEN | {"answer", "answers", "scheme", "bill", "lots", "nothing", "items"}
    words |= {"GET", "POST", "v1"}  # a path and its methods
    assert untransformed("\n".join(json_texts(response.json())), words) == [], response.text


def test_serve_a_body_that_is_not_json(served, data):
    json_body = {"content-type": "application/json"}
    response = served("POST", "/v1/diagnose", content=b"{nope", headers=json_body)
    assert response.status_code == 400
    assert untransformed("\n".join(json_texts(response.json())), data) == [], response.text
