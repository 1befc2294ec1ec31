"""`medbal page` without a browser: the command, the embedded data, escaping and size.

The browser tests are in tests/e2e/test_page.py.
"""

import json
import re
from html import escape

import pytest

from medbal import __version__
from medbal.api import outcome_view
from medbal.core.engine import walk
from medbal.core.kinds import edges
from medbal.core.model import LANGS
from medbal.files.registry import checklists_for, load_tree
from medbal.present.webpage import DEFAULT_TREES, build_page, embed_json, most_questions, page_data

from small_trees import VALID
from support import a_tree, replay

DATA = re.compile(r'<script type="application/json" id="medbal-data">(.*?)</script>', re.S)


def embedded(html: str) -> dict:
    (text,) = DATA.findall(html)
    return json.loads(text)


@pytest.fixture(scope="module")
def shipped():
    return [(t, checklists_for(t, None)) for t in (load_tree(n, None) for n in DEFAULT_TREES)]


def test_page_writes_one_file_under_600_kb(run, tmp_path):
    out = tmp_path / "medbal.html"
    result = run("page", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert len(html.encode()) < 600_000
    assert [t["id"] for t in embedded(html)["trees"]] == list(DEFAULT_TREES)
    # Nothing outside the file: no external script, style, font or image.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", html)
    assert "@import" not in html and "url(" not in html


def test_page_goes_to_stdout_unless_stdout_is_a_terminal(run, monkeypatch):
    piped = run("page", "card")  # `medbal page > f.html`: stdout is a file
    assert piped.exit_code == 0 and piped.stdout.startswith("<!DOCTYPE html>")
    assert run("page", "card", "-o", "-").stdout == piped.stdout
    import medbal.present.tty

    monkeypatch.setattr(medbal.present.tty, "stdout_is_terminal", lambda: True)
    result = run("page", "card")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        "medbal: the page is HTML for a browser, not for this terminal: give the file to "
        "write with --output FILE (for example --output medbal.html), or redirect: "
        "medbal page > medbal.html"
    )
    assert run("page", "card", "-o", "-").stdout.startswith("<!DOCTYPE html>")  # asked for


def test_page_errors_are_one_line_with_exit_codes(run, tmp_path):
    result = run("page", "no-such-tree", "-o", str(tmp_path / "x.html"), "--lang", "zh")
    assert result.exit_code == 2 and result.stderr.startswith("medbal: 没有名为“no-such-tree”")
    result = run("page", "card", "card", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "given twice" in result.stderr
    result = run("page", "-o", str(tmp_path / "missing" / "x.html"))
    assert result.exit_code == 1 and result.stderr.startswith("medbal: cannot write")
    assert not (tmp_path / "x.html").exists()


def test_a_question_may_not_use_a_key_of_the_address(run, write, tmp_path):
    path = write(
        "lang.yaml", VALID.replace("  third:", "  lang:").replace("next: third", "next: lang")
    )
    result = run("page", str(path), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2
    assert "has a question named 'lang'" in result.stderr


def test_start_language_and_made_date(run, tmp_path):
    out = tmp_path / "zh.html"
    assert run("page", "card", "-o", str(out), "--lang", "zh").exit_code == 0
    html = out.read_text(encoding="utf-8")
    data = embedded(html)
    assert data["lang"] == "zh" and '<html lang="zh-Hans">' in html
    assert data["version"] == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["made"])
    assert embedded(build_page([], "2026-01-02", outcome_view=outcome_view))["lang"] is None


def test_data_is_the_cli_views(shipped):
    from medbal.present.views import diagnose_view, question_view

    data = page_data(shipped, "2026-01-02", None, outcome_view=outcome_view)
    for (tree, _), entry in zip(shipped, data["trees"], strict=True):
        assert entry["start"] == tree.start
        for qid, q in tree.questions.items():
            for lang in LANGS:
                assert entry["questions"][qid][lang] == question_view(q, lang)
            assert entry["questions"][qid]["next"] == {o.value: o.next for o in edges(q)}
        for oid, o in tree.outcomes.items():
            for lang in LANGS:
                page = entry["outcomes"][oid][lang]
                assert page["id"] == oid and page["title"] == o.title.get(lang)
                assert escape(o.explanation.get(lang)) in page["html"]
    # Through the CLI's JSON view: the checklists the page embeds for an outcome are the
    # categories `diagnose --format json` names, in its order (one, or several).
    from medbal.core.engine import all_paths

    for (tree, checklists), entry in zip(shipped, data["trees"], strict=True):
        for path, o in {o.id: (p, o) for p, o in all_paths(tree)}.values():
            answers = replay(path)
            view = diagnose_view(walk(tree, answers), "zh", checklists)
            envelope = view["outcome"]["checklist"]
            categories = envelope["categories"] if envelope else []
            assert entry["outcomes"][o.id]["checklists"] == [c["number"] for c in categories]
            for cat in categories:
                assert data["checklists"][str(cat["number"])]["zh"]["title"] == cat["title"]


def test_a_date_question_and_a_due_date_in_the_page_data():
    """The dated tree (tests/dated): a date question's one way on, and for an outcome with
    a due date what page.js counts it from and the box it shows, with {date} to fill in."""
    from dated_trees import FOLDER

    tree = load_tree("dated", FOLDER)
    data = page_data(
        [(tree, checklists_for(tree, FOLDER))], "2026-01-02", None, outcome_view=outcome_view
    )
    (entry,) = data["trees"]
    born = entry["questions"]["born"]
    ways = {"<date>": "newborn", "not-sure": "newborn"}  # a day, or none: on to the same place
    assert (born["kind"], born["next"], born["most"]) == ("date", ways, 1)
    assert born["en"]["skip"] == {"value": "not-sure", "label": "I do not know the date"}
    assert "options" not in born["en"] and born["zh"]["label"] == "孩子的出生日期"
    assert entry["questions"]["who"]["kind"] == "choice"
    due = entry["outcomes"]["newborn"]["due"]
    assert (due["question"], due["amount"], due["unit"]) == ("born", 3, "month")
    # The rule names its region once, above the day (the day does not say it again).
    assert "三个月内办理参保并缴费。（厦门的规定，请向当地确认）</em>" in due["zh"]["by"]
    assert "<li>最晚在 {date}办好。</li>" in due["zh"]["by"] and due["zh"]["by"].count("厦门") == 1
    assert "The deadline, {date}, has passed." in due["en"]["passed"]
    assert due["en"]["passed"].count("Xiamen rule") == 1
    assert "Enrol the baby now all the same" in due["en"]["passed"]
    assert "Enrol the baby now" not in due["en"]["by"]  # what is still possible: once passed
    assert due["en"]["by"].startswith('<div class="deadline" data-part="due">')
    assert entry["outcomes"]["mother"]["due"] is None
    assert data["calendar"]["zh"] == {"date": "{year} 年 {number} 月 {day} 日", "months": ()}
    assert data["calendar"]["en"]["months"][10] == "November"


def test_most_questions_is_the_longest_way_on(zero_tree):
    from medbal.core.engine import all_paths

    most = most_questions(zero_tree)
    for path, _ in all_paths(zero_tree):
        for i, step in enumerate(path):
            assert most[step.question.id] >= len(path) - i
    assert most[zero_tree.start] == max(len(p) for p, _ in all_paths(zero_tree))


def test_embedded_json_cannot_end_the_script():
    data = {"t": "</script><script>alert(1)</script> & <!-- \u2028"}
    text = embed_json(data)
    assert not set("<\u2028") & set(text)  # no "</script", no "<!--": nothing else ends it
    assert json.loads(text) == data


def test_tree_text_cannot_break_out_of_the_page(write):
    from medbal.files.readtree import load_file

    hostile = "</script><script>window.pwned=1</script><b>"
    path = write("hostile.yaml", VALID.replace("First?", f"'First {hostile}?'"))
    html = build_page([(a_tree(load_file(path)), None)], "2026-01-02", outcome_view=outcome_view)
    assert hostile not in html and html.count("</script>") == 2
    assert embedded(html)["trees"][0]["questions"]["first"]["en"]["text"] == (f"First {hostile}?")


def test_trees_folder_and_tree_files(run, write, tmp_path):
    write("overlay/small.yaml", VALID)
    out = tmp_path / "small.html"
    result = run("page", "small", "card", "--trees", str(tmp_path / "overlay"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = embedded(out.read_text(encoding="utf-8"))
    assert [t["id"] for t in data["trees"]] == ["small", "card"]
    small = data["trees"][0]
    assert small["questions"]["first"]["next"] == {"yes": "second", "no": "done-no"}
    assert small["questions"]["first"]["most"] == 3
    assert small["outcomes"]["done-x"]["zh"]["title"] == "结果 X"  # the spacing rule, as drawn


def test_the_page_words_follow_the_chinese_typesetting_rules():
    from medbal.i18n.catalogue import msg as word
    from medbal.i18n.catalogue import section

    han, latin = "[\u4e00-\u9fff]", "[A-Za-z0-9]"
    values = {"n": 2, "total": 5, "version": "0.1.0"}
    # a day as page.js writes it in each language (written), as the Python side does
    dates = {"zh": {"date": "2026 年 1 月 2 日"}, "en": {"date": "2 January 2026"}}
    values |= {"question": "Q", "title": "T"}  # data: a question, a category's title
    what = {"zh": {"what": "孩子的出生日期"}, "en": {"what": "the date of birth"}}  # a label
    for key in section("page", "en"):
        zh = word(key, "zh", **values, **what["zh"], **dates["zh"])
        en = word(key, "en", **values, **what["en"], **dates["en"])
        assert re.search(han, zh) and en.isascii(), key
        assert not re.search(f"{han}{latin}|{latin}{han}", zh), (key, zh)  # one space between
        assert not re.search(f"{han} [，。：；？！、]|[，。：；？！、] {han}", zh), (key, zh)
        assert '"' not in zh and "'" not in zh, key  # Chinese quotation marks only
