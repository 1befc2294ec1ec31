"""From diagnosis to claim: the category finder, the take-home page, the two new trees."""

import datetime
import json

import pytest

from medbal.core.engine import all_paths, walk
from medbal.files.readtree import load_file

from support import TREES, a_tree, complete, has_han, replay


@pytest.fixture(scope="module")
def finder():
    return load_file(TREES / "which-category.yaml")


def test_the_finder_reaches_all_eleven_categories(finder, checklists):
    reached = {n for _, o in all_paths(finder) for n in o.checklists}
    assert reached == {c.number for c in checklists.categories}


def test_finder_outcomes_name_their_category_in_the_title(finder, checklists):
    for outcome in finder.outcomes.values():
        if len(outcome.checklists) == 1:
            assert outcome.title.get("en").startswith(f"Category {outcome.checklist}:")
            assert outcome.title.get("zh").startswith(f"第 {outcome.checklist} 类")
            slug = checklists.find(str(outcome.checklist)).slug
            # One outcome per category, named by its short name; a second route to the
            # same category says how it differs (transfer-filed: filed before going).
            assert outcome.id == slug or outcome.id.startswith(slug + "-"), outcome.id
        elif outcome.checklists:  # a birth elsewhere: the mother's and the baby's claims
            first, second = outcome.checklists
            assert outcome.title.get("en").startswith(f"Categories {first} and {second}:")
            assert outcome.title.get("zh").startswith(f"第 {first} 类和第 {second} 类")


# One row per answer, as for the zero-balance tree.
AWAY = {"where": "elsewhere", "settled-there": "paid-in-full"}
HOME = {"where": "home"}
FINDER_ROUTES = [
    ({**AWAY, "why-elsewhere": "referred", "urgent": "filed-first"}, 1),
    ({**AWAY, "why-elsewhere": "referred", "urgent": "urgent", "transferred": "2026-11-20"}, 1),
    ({**AWAY, "why-elsewhere": "referred", "urgent": "not-sure", "transferred": "not-sure"}, 1),
    ({**AWAY, "why-elsewhere": "live-or-work"}, 2),
    ({**AWAY, "why-elsewhere": "short-trip"}, 3),
    ({**AWAY, "why-elsewhere": "birth", "birth-bills": "mother"}, 4),
    ({**AWAY, "why-elsewhere": "birth", "birth-bills": "baby", "born": "2026-11-20"}, 11),
    ({**HOME, "settle-problem": "system-down", "can-go-back": "no"}, 5),
    ({**HOME, "settle-problem": "card-lost"}, 6),
    ({**HOME, "settle-problem": "card-worked", "other-situations": "many-visits"}, 7),
    ({**HOME, "settle-problem": "not-sure", "other-situations": "many-visits"}, 7),
    ({**HOME, "settle-problem": "emergency"}, 8),
    ({**HOME, "settle-problem": "not-sure", "other-situations": "retired-cadre"}, 9),
    ({**HOME, "settle-problem": "status-change"}, 10),
    ({**HOME, "settle-problem": "newborn", "born": "not-sure"}, 11),
    # outcomes of their own, with no category
    ({**HOME, "settle-problem": "system-down", "can-go-back": "yes"}, None),
    ({**HOME, "settle-problem": "injury", "injury-cause": "at-work"}, None),
    ({**HOME, "settle-problem": "card-worked", "other-situations": "none"}, None),
    ({"where": "elsewhere", "settled-there": "settled"}, None),
    ({**AWAY, "why-elsewhere": "own-choice"}, None),
    (
        {
            "where": "not-sure",
            "settled-there": "not-sure",
            "why-elsewhere": "other",
            "settle-problem": "not-sure",
            "other-situations": "not-sure",
        },
        None,
    ),
]


@pytest.mark.parametrize("answers, category", FINDER_ROUTES)
def test_a_story_leads_to_its_category(finder, answers, category):
    assert walk(finder, answers).outcome.checklist == category


@pytest.mark.parametrize(
    "name, outcomes", [("which-category", 24), ("balance-dropped", 10), ("card", 13)]
)
def test_every_path_of_each_new_tree_ends_complete_in_both_languages(name, outcomes):
    tree = a_tree(load_file(TREES / f"{name}.yaml"))
    paths = all_paths(tree)
    assert {o.id for _, o in paths} == set(tree.outcomes) and len(tree.outcomes) == outcomes
    for path, outcome in paths:
        assert walk(tree, replay(path)).outcome is outcome
        for text in (
            outcome.title,
            outcome.explanation,
            *outcome.next_steps,
            *outcome.where_to_check,
        ):
            assert complete(text) and has_han(text.get("zh")), (name, outcome.id)
        assert any(s.startswith("seed-") for s in outcome.sources), (name, outcome.id)


def test_card_tree_links_to_category_six(run):
    data = json.loads(run("diagnose", "card", "-a", "problem=lost", "-f", "json").stdout)
    assert data["outcome"]["id"] == "report-lost"
    assert data["outcome"]["checklist"]["categories"][0]["number"] == 6


def test_balance_dropped_to_report_loss(run):
    data = json.loads(
        run(
            "diagnose",
            "balance-dropped",
            "-a",
            "what=lower",
            "-a",
            "recent-use=no",
            "-a",
            "family=no",
            "-a",
            "card-whereabouts=missing",
            "-f",
            "json",
            "--lang",
            "zh",
        ).stdout
    )
    assert data["outcome"]["title"] == "请立即挂失社保卡"


def test_claim_json_embeds_the_checklist_exactly_as_docs_gives_it(run):
    claim = run(
        "claim", "-a", "where=home", "-a", "settle-problem=emergency", "-f", "json", "--lang", "zh"
    )
    assert claim.exit_code == 0
    data = json.loads(claim.stdout)
    assert data["tree"] == "which-category" and data["outcome"]["id"] == "emergency-no-card"
    docs = json.loads(run("docs", "8", "--format", "json", "--lang", "zh").stdout)
    assert data["outcome"]["checklist"] == docs


def test_claim_is_diagnose_which_category(run):
    args = [
        "-a",
        "where=elsewhere",
        "-a",
        "settled-there=paid-in-full",
        "-a",
        "why-elsewhere=birth",
        "-a",
        "birth-bills=mother",
        "-f",
        "json",
    ]
    assert run("claim", *args).stdout == run("diagnose", "which-category", *args).stdout


def test_outcomes_without_a_category_carry_no_checklist(run):
    data = json.loads(
        run(
            "claim",
            "-a",
            "where=home",
            "-a",
            "settle-problem=card-worked",
            "-a",
            "other-situations=none",
            "-f",
            "json",
        ).stdout
    )
    assert data["outcome"]["id"] == "ask-agency" and data["outcome"]["checklist"] is None


def test_text_outcome_shows_the_deadline_and_offers_the_checklist(run):
    out = run(
        "claim",
        "-a",
        "where=elsewhere",
        "-a",
        "settled-there=not-sure",
        "-a",
        "why-elsewhere=referred",
        "-a",
        "urgent=not-sure",
        "-a",
        "transferred=not-sure",
    ).stdout
    assert "In an urgent case, complete the filing within 7 days" in out
    assert "medbal docs 1 lists the documents to bring." in out


def test_checklist_number_must_exist(run, write, tmp_path):
    from small_trees import VALID

    bad = VALID.replace(
        "    sources: [seed-001]\n", "    checklist: 12\n    sources: [seed-001]\n", 1
    )
    path = write("region/small.yaml", bad)
    for args in (["diagnose", str(path), "-a", "first=no"], ["tree", "validate", str(path)]):
        result = run(*args)
        assert result.exit_code == 1
        assert "outcome 'done-no' names checklist 12, which" in result.stderr
        assert result.stderr.startswith(f"{path}:")


# --- the page to take home ---------------------------------------------------------


def test_take_home_html_has_outcome_answers_date_and_checklist(run, tmp_path):
    target = tmp_path / "page.html"
    result = run(
        "claim",
        "--lang",
        "zh",
        "-a",
        "where=home",
        "-a",
        "settle-problem=card-lost",
        "--format",
        "html",
        "--output",
        str(target),
    )
    assert result.exit_code == 0 and result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and page.count('<section class="page">') == 2
    assert "第 6 类：社保卡挂失、损坏或未及时发卡" in page  # the outcome
    assert "您是在哪里看病的？ → 就在参保地" in page  # the answers given
    today = datetime.date.today()
    assert f"{today.year} 年 {today.month} 月 {today.day} 日打印" in page  # the date, written out
    assert "背面加盖社保卡管理部门印章的发票" in page  # the checklist
    assert "要带的材料见下一页。" in page


def test_take_home_markdown_for_an_outcome_without_a_category(run):
    out = run("diagnose", "-a", "scheme=yearly", "--format", "markdown").stdout
    assert out.startswith("# Why does my personal account show 0?")
    assert "## Residents' insurance has no personal account" in out
    assert "### Your answers" in out and "### What to do next" in out
    assert out.count("\n## ") == 1  # no checklist page


def test_take_home_needs_an_outcome(run, tmp_path):
    target = tmp_path / "page.html"
    result = run("diagnose", "--format", "html", "--output", str(target))
    assert result.exit_code == 3 and not target.exists()
    assert "--answer scheme=employer" in result.stderr
