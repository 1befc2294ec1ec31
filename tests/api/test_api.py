"""The Python API as the README shows it, and the code map it describes (the layers:
tests/api/test_layers.py)."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from typing import Any

import pytest

from support import ROOT, TREES

README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "medbal"


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_the_readme_example_runs_and_says_what_it_claims():
    code = re.search(r"```python\n(.*?)```", _section("Python API"), re.S)
    assert code is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    printed = out.getvalue()
    from medbal import api

    title = api.diagnose("zero-balance", {"scheme": "yearly"}, "en")["outcome"]["title"]
    assert printed.startswith(title + "\n")
    assert "您的医保是怎么缴费的？" in printed and "yearly" in printed
    assert "- [ ]" in printed  # the Markdown checklist
    paid = api.estimate(8000, threshold=500, items={"class-b": 1200})["total_paid"]
    assert f"{paid} " in printed and paid > 0


def test_api_views_are_the_cli_envelopes(run):
    import json

    from medbal import api

    assert json.loads(
        run("diagnose", "-a", "scheme=yearly", "-f", "json", "--lang", "zh").stdout
    ) == api.diagnose("zero-balance", {"scheme": "yearly"}, "zh")
    assert json.loads(run("docs", "3", "-f", "json", "--lang", "en").stdout) == api.docs(3, "en")
    assert json.loads(
        run("estimate", "8000", "-t", "500", "-f", "json", "--lang", "en").stdout
    ) == api.estimate("8000", "500", lang="en")


def test_api_errors_are_the_cli_errors():
    import pytest

    from medbal import api
    from medbal.core.errors import UsageError

    with pytest.raises(UsageError) as caught:
        api.docs("nowhere", "en")
    assert "nowhere" in str(caught.value) and "nowhere" in caught.value.text("zh")


def _modules() -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}


def test_the_code_map_names_every_module_and_only_real_ones():
    start = README.index("| package |", README.index("The code, by what it does"))
    table = README[start : README.index("\n\n", start)]
    named = set()
    for row in table.splitlines()[2:]:
        package = re.match(r"\| `((?:\w+/)+)?", row)
        assert package is not None, row
        folder = "" if package.group(1) == "medbal/" else package.group(1) or ""
        named |= {folder + m for m in re.findall(r"`(\w+\.py)`", row)}
    assert named == _modules()


def test_answers_become_a_view_only_in_the_api():
    """The batch, the interactive session and the web page get their views from medbal.api:
    the view of the engine's result is made in one place."""
    made = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "diagnose_view"
    }
    assert made == {"api/session.py"}
    walked = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "walk"
    }
    # The engine walks answers for the API; the session and the batch through it.
    assert walked == {"api/session.py", "api/batch.py"}


def test_render_names_the_formats_a_view_has():
    import pytest

    from medbal import api
    from medbal.core.errors import UsageError

    view = api.estimate(8000, 500, lang="en")
    with pytest.raises(UsageError) as caught:
        api.render("estimate", view, "markdown")
    assert "json, plain, terminal" in str(caught.value) and "markdown" in str(caught.value)
    asked = api.diagnose("zero-balance", {}, "en")
    with pytest.raises(UsageError, match="needs an outcome"):
        api.render("diagnose", asked, "html")


def test_the_terminal_format_by_its_old_name_too():
    """`rich` was the terminal format's name while Rich drew it; scripts using it still work."""
    from medbal import api
    from medbal.i18n.typeset import cells

    view = api.estimate(8000, 500, lang="zh")
    shown = api.render("estimate", view, "terminal", width=60)
    assert api.render("estimate", view, "rich", width=60) == shown
    assert "\x1b[" not in shown and "┏" in shown and max(map(cells, shown.splitlines())) <= 60


# --- arguments, checked (issue 21's 32, 33, 10, 24) -----------------------------------


def _calls():
    from medbal import api as typed

    api: Any = typed  # arguments of the wrong type, on purpose: each call must refuse them

    estimate = api.estimate(8000, 500, lang="en")
    return {
        "diagnose(None)": lambda: api.diagnose(None),
        "answer not text": lambda: api.diagnose("zero-balance", {"scheme": 1}),
        "question not text": lambda: api.diagnose("card", {1: "lost"}),
        "answers a list": lambda: api.diagnose("card", ["problem=lost"]),
        "lang=1": lambda: api.diagnose("zero-balance", lang=1),
        "lang=fr": lambda: api.diagnose("zero-balance", lang="fr"),
        "ref=5": lambda: api.diagnose("zero-balance", ref=5),
        "trees=5": lambda: api.diagnose("zero-balance", trees=5),
        "region=5": lambda: api.estimate(8000, region=5),
        "items=[1]": lambda: api.estimate(8000, items=[1]),
        "items={1: 2}": lambda: api.estimate(8000, items={1: 2}),
        "items=7": lambda: api.estimate(8000, items=7),
        "amount 10**5000": lambda: api.estimate(10**5000),
        "amount -10**5000": lambda: api.estimate(-(10**5000)),
        "amount True": lambda: api.estimate(True),
        "amount None": lambda: api.estimate(None),
        "amount of 5,000 digits": lambda: api.estimate("9" * 5000),
        "threshold a list": lambda: api.estimate(8000, threshold=[1]),
        "category 1.5": lambda: api.docs(1.5),
        "category 10**5000": lambda: api.docs(10**5000),
        "render the wrong view": lambda: api.render("diagnose", estimate, "plain"),
        "render None": lambda: api.render("diagnose", None, "plain"),
        "render kind 5": lambda: api.render(5, estimate, "json"),
        "render fmt None": lambda: api.render("estimate", estimate, None),
        "render width '80'": lambda: api.render("estimate", estimate, "terminal", width="80"),
        "render today 'soon'": lambda: api.render("docs", api.docs(1), "html", today="soon"),
        "render a view of the wrong shape": lambda: api.render(
            "estimate", {**estimate, "slices": 5}, "plain"
        ),
        "load_tree(5)": lambda: api.load_tree(5),
        "load_checklists(trees=[])": lambda: api.load_checklists([]),
        "Session(5)": lambda: api.Session(5),
        "Session answer 5": lambda: api.Session("card").answer(5),
        "Session change unanswered": lambda: api.Session("card").change("problem"),
        "Session answer at an outcome": lambda: api.Session("card", {"problem": "lost"}).answer(
            "x"
        ),
        "diagnose_many(5)": lambda: api.diagnose_many(5),
        "diagnose_many(a line)": lambda: api.diagnose_many('{"id": 1}'),
        "diagnose_many(tree=5)": lambda: api.diagnose_many([], tree=5),
        "page('card')": lambda: api.page("card"),
        "page(lang=5)": lambda: api.page(["card"], lang=5),
        "outcome_view of no outcome": lambda: api.outcome_view(
            api.load_tree("card"), "x", None, "en"
        ),
    }


CALLS = list(_calls())


@pytest.mark.parametrize("name", CALLS)
def test_a_wrong_argument_is_a_usage_error_in_both_languages(name):
    """32: never an AttributeError, TypeError, KeyError or ValueError from deep inside."""
    from medbal.core.errors import UsageError

    with pytest.raises(UsageError) as caught:
        _calls()[name]()
    english, chinese = str(caught.value), caught.value.text("zh")
    assert english and "\n" not in english and len(english) < 400, english
    assert re.search("[\u4e00-\u9fff]", chinese) and english != chinese


def test_a_wrong_argument_names_the_argument_and_what_it_should_be():
    from medbal import api as typed

    api: Any = typed  # a wrong type, on purpose
    from medbal.core.errors import UsageError

    with pytest.raises(UsageError) as caught:
        api.diagnose("card", {"problem": 1})
    assert str(caught.value) == (
        "answers should be a mapping of question ids to answer values, both text, not dict"
    )
    assert (
        caught.value.text("zh")
        == "answers 应为以问题为键、答案为值的映射，两者都须是文本，不能是 dict"
    )


def test_load_tree_takes_a_path_as_its_docstring_says(tmp_path, monkeypatch):
    """33: a Path names a file, even one without a folder or a .yaml ending."""
    from pathlib import Path

    from medbal import api

    assert (
        api.load_tree(Path("trees/card.yaml") if Path("trees").is_dir() else TREES / "card.yaml").id
        == "card"
    )
    assert api.load_tree(TREES / "card.yaml").id == "card"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "card").write_bytes((TREES / "card.yaml").read_bytes())
    assert api.load_tree(Path("card")).id == "card"  # the file here, not the shipped id
    assert api.diagnose(Path("card"), {"problem": "lost"})["command"].startswith(
        "medbal diagnose ./card "
    )


def test_render_bounds_the_width_as_the_cli_does():
    """10: a width of 10**9 is laid out at 100 columns, as a terminal that wide would be."""
    from medbal import api
    from medbal.i18n.typeset import cells

    view = api.estimate(8000, 500, lang="zh")
    wide = api.render("estimate", view, "terminal", width=10**9)
    assert wide == api.render("estimate", view, "terminal", width=100)
    assert max(map(cells, wide.splitlines())) <= 100
    assert api.render("estimate", view, "terminal", width=1) == api.render(
        "estimate", view, "terminal", width=20
    )


def test_render_names_an_unknown_view_and_an_unknown_format_in_good_english():
    """24: "a 'estimate' view", and an unknown view said to have no format 'plain'."""
    from medbal import api
    from medbal.core.errors import UsageError

    view = api.estimate(8000, 500, lang="en")
    with pytest.raises(UsageError) as caught:
        api.render("nope", view, "plain")
    assert str(caught.value) == (
        "there is no view 'nope'; the views are: diagnose, docs, docs-overview, estimate, "
        "tree-list, tree-outline"
    )
    with pytest.raises(UsageError) as caught:
        api.render("estimate", view, "markdown")
    assert str(caught.value).startswith("the 'estimate' view has no format 'markdown'")


def test_the_tree_list_counts_in_good_english():
    """24: "1 problems", "1 regions"."""
    from medbal.present.authoring import inventory_text

    base = {"origin": "overlay", "replaces": False, "replaced": False, "patched": False}
    rows = [
        {**base, "id": "r", "file": "r.yaml", "kind": "rates", "title": "R", "regions": 1},
        {**base, "id": "b", "file": "b.yaml", "kind": "invalid", "title": "", "problems": ["x"]},
        {
            **base,
            "id": "t",
            "file": "t.yaml",
            "kind": "decision-tree",
            "title": "T",
            "questions": 1,
            "outcomes": 2,
        },
        {**base, "id": "c", "file": "c.yaml", "kind": "checklists", "title": "C", "categories": 2},
    ]
    text = inventory_text({"trees": rows, "lang": "en"})
    assert "1 region " in text and "1 problem:" in text and "1 question, 2 outcomes" in text
    assert "2 checklists" in text and "1 regions" not in text and "1 problems" not in text
    assert text.startswith("ID ") and "overlay" in text
    # and in Chinese, its headings and counts too
    text = inventory_text({"trees": rows, "lang": "zh"})
    assert "1 个地区" in text and "1 处问题：" in text and "1 个问题、2 个结果" in text
    assert text.startswith("标识 ") and "覆盖文件夹" in text


# --- api.Session: one conversation ---------------------------------------------------


def test_a_session_answers_goes_back_changes_and_restarts():
    from medbal import api

    talk = api.Session("zero-balance", lang="en")
    assert talk.view() == api.diagnose("zero-balance", {}, "en")
    talk.answer("employer")
    assert talk.answers == {"scheme": "employer"}
    second = talk.view()["question"]
    talk.answer(second["options"][0]["value"])
    assert talk.answers == {"scheme": "employer", second["id"]: second["options"][0]["value"]}
    assert talk.back() == second["options"][0]["value"]
    assert talk.answers == {"scheme": "employer"}
    assert talk.change("scheme", "yearly") == "employer"
    assert talk.view() == api.diagnose("zero-balance", {"scheme": "yearly"}, "en")
    assert talk.change("scheme") == "yearly"  # asked again
    assert talk.view()["question"]["id"] == "scheme" and talk.answers == {}
    talk.answer("yearly")
    talk.restart()
    assert talk.answers == {} and talk.back() is None


def test_a_session_keeps_answers_the_path_no_longer_passes():
    from medbal import api

    talk = api.Session("zero-balance", {"scheme": "yearly"}, lang="zh")
    talk.answer("stopped", question="record")  # a question this path does not ask
    view = talk.view()
    assert view["status"] == "outcome" and view["lang"] == "zh"
    assert view["dropped"] == [{"question": "record", "value": "stopped"}]
    assert view == api.diagnose("zero-balance", {"scheme": "yearly", "record": "stopped"}, "zh")
    other = talk.at({"scheme": "employer"})
    assert talk.answers == {"scheme": "yearly", "record": "stopped"}  # `at` makes a new one
    assert other.view()["answers"][0]["value"] == "employer"


def test_a_session_refuses_a_bad_answer_as_diagnose_does():
    from medbal import api
    from medbal.core.engine import AnswerError

    talk = api.Session("card", lang="en")
    with pytest.raises(AnswerError, match="did you mean 'lost'"):
        talk.answer("lsot")
    assert talk.answers == {}  # nothing changed
