"""Advice a person can trust (issue 12): the routes of real situations, the national rules
of domain.md section 7, sources shown by their titles, and one Chinese vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from medbal.core.engine import all_paths
from medbal.core.kinds import edges
from medbal.files.readtree import load_file
from medbal.i18n import sources
from medbal.present.webpage import DEFAULT_TREES

from small_trees import VALID
from support import TREES

DECISION_TREES = ("zero-balance", "which-category", "card", "balance-dropped")


def outcome(run, tree: str, answers: dict[str, str], lang: str = "en") -> dict[str, Any]:
    """Walk a tree one-shot, as a script would, and return the outcome."""
    args = ["diagnose", tree, "--format", "json", "--lang", lang]
    for question, value in answers.items():
        args += ["--answer", f"{question}={value}"]
    result = run(*args)
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["dropped"] == [], data["dropped"]  # every answer was on the path
    return data["outcome"]


def text_of(found: dict[str, Any]) -> str:
    return json.dumps(found, ensure_ascii=False)


def cited(found: dict[str, Any]) -> set[str]:
    return {s["id"] for s in found["sources"]}


# --- zero-balance: one row per situation the issue names -----------------------------

EMPLOYEE = {"scheme": "employer", "where-looked": "medical", "how-new": "earlier"}
RETIREE = {"scheme": "retired", "where-looked": "medical", "how-new": "earlier"}

ZERO_ROUTES = [
    # the card works only in hospital: reached from what the person saw, not from the record
    ({**EMPLOYEE, "pharmacy": "hospital-only"}, "inpatient-only"),
    # retirees: a smaller crediting is the 2021 reform, not "contributions stopped"
    (
        {**RETIREE, "pharmacy": "used-to", "what-changed": "less-credited", "when-less": "reform"},
        "policy-change",
    ),
    ({**RETIREE, "pharmacy": "used-to", "what-changed": "spent"}, "used-up"),
    ({**RETIREE, "pharmacy": "never", "record": "paid"}, "account-abnormal"),
    # a retiree short of the minimum years (art. 27), from the first question or the record
    ({"scheme": "retired-short"}, "retiree-short-years"),
    ({**RETIREE, "pharmacy": "never", "record": "retired-short"}, "retiree-short-years"),
    # a self-employed person who stopped paying
    ({"scheme": "self-employed", "flexible-choice": "stopped"}, "contributions-stopped"),
    # "I left my job" at the first question: unemployment benefit (art. 48), or a gap
    ({"scheme": "left-job", "after-job": "benefit"}, "unemployment-benefit"),
    ({"scheme": "left-job", "after-job": "nobody"}, "contributions-stopped"),
    ({"scheme": "left-job", "after-job": "not-sure", "record": "stopped"}, "contributions-stopped"),
    # not knowing, all the way: the neutral outcome
    (
        {
            "scheme": "not-sure",
            "paid-yearly": "not-sure",
            "where-looked": "not-sure",
            "how-new": "not-sure",
            "pharmacy": "not-sure",
            "what-changed": "not-sure",
        },
        "get-record",
    ),
    ({**EMPLOYEE, "pharmacy": "used-to", "what-changed": "not-sure"}, "get-record"),
    # spent and "the card still pays" are answers to different questions now
    ({**EMPLOYEE, "pharmacy": "used-to", "what-changed": "spent"}, "used-up"),
    ({**EMPLOYEE, "pharmacy": "still-pays", "balances": "one"}, "display-incomplete"),
    # the causes that were missing
    ({**EMPLOYEE, "pharmacy": "used-to", "what-changed": "moved"}, "account-transferred"),
    ({**EMPLOYEE, "pharmacy": "still-pays", "balances": "two"}, "two-balances"),
    ({**EMPLOYEE, "pharmacy": "not-sure", "what-changed": "two-balances"}, "two-balances"),
    ({**EMPLOYEE, "pharmacy": "used-to", "what-changed": "family"}, "family-mutual-aid"),
    ({**EMPLOYEE, "pharmacy": "used-to", "what-changed": "job-ended"}, "contributions-stopped"),
    # students recognise themselves in the residents' option
    ({"scheme": "yearly"}, "residents-scheme"),
    ({"scheme": "employer", "where-looked": "bank"}, "wrong-account"),
]


@pytest.mark.parametrize("answers, expected", ZERO_ROUTES)
def test_zero_balance_situation_reaches_its_outcome(run, answers, expected):
    assert outcome(run, "zero-balance", answers)["id"] == expected


def test_students_find_themselves_in_the_residents_option(zero_tree):
    label = zero_tree.questions["scheme"].option("yearly").label
    assert "students" in label.get("en") and "学生" in label.get("zh")


def test_a_retiree_is_never_told_to_restore_contributions_for_a_smaller_crediting(run):
    found = outcome(
        run,
        "zero-balance",
        {**RETIREE, "pharmacy": "used-to", "what-changed": "less-credited", "when-less": "reform"},
        lang="zh",
    )
    assert "gov-2021-14" in cited(found) and "退休人员" in found["explanation"]
    assert "国办发〔2021〕14号" in text_of(found)


def test_spent_and_still_pays_are_never_options_of_one_question(zero_tree):
    """Someone who just used the card fits both; they belong to different questions."""
    for q in zero_tree.questions.values():
        assert not {"used-up", "display-incomplete"} <= {o.next for o in q.options}, q.id


def test_inpatient_only_comes_before_any_record_question(zero_tree):
    paths = [p for p, o in all_paths(zero_tree) if o.id == "inpatient-only"]
    assert any("record" not in [a.question.id for a in p] for p in paths)


def test_not_knowing_never_ends_at_a_stated_cause(zero_tree):
    """A 'not sure' answer leads to another question or to a neutral outcome."""
    # display-incomplete: the card pays; check-contributions: read the record first
    neutral = {"get-record", "display-incomplete", "check-contributions"}
    for q in zero_tree.questions.values():
        for option in q.options:
            if option.value == "not-sure" and option.next in zero_tree.outcomes:
                assert option.next in neutral, (q.id, option.next)


def test_get_record_says_where_and_what_to_look_for(run):
    found = outcome(
        run, "zero-balance", {**EMPLOYEE, "pharmacy": "used-to", "what-changed": "not-sure"}
    )
    text = text_of(found)
    for where in ("National Medical Insurance Service Platform", "12393", "agency counter"):
        assert where in text
    for look_for in (
        "residents' insurance",
        "a gap",
        "2021 reform",
        "family mutual aid",
        "moving city",
        "past years",
    ):
        assert look_for in text, look_for


def test_every_zero_balance_outcome_names_12393_and_12333_only_for_the_card(zero_tree):
    for o in zero_tree.outcomes.values():
        texts = [o.explanation, *o.next_steps, *o.where_to_check]
        assert any("12393" in t.get("en") and "12393" in t.get("zh") for t in texts), o.id
        assert "nhsa-12393" in o.sources, o.id
        for t in texts:  # 12333 for the card, and for pension records (not medical ones)
            if "12333" in t.get("en"):
                card = "card" in t.get("en") and "社保卡" in t.get("zh")
                pension = "pension" in t.get("en") and "养老保险" in t.get("zh")
                assert card or pension, (o.id, t.get("en"))


# --- which-category, card, balance-dropped ------------------------------------------

AWAY = {"where": "elsewhere", "settled-there": "paid-in-full"}

HOME = {"where": "home"}

OTHER_ROUTES = [
    # treated elsewhere without referral or filing, paid in full: file afterwards and claim
    ("which-category", {**AWAY, "why-elsewhere": "own-choice"}, "file-afterwards"),
    ("which-category", {"where": "elsewhere", "settled-there": "settled"}, "no-claim"),
    # birth elsewhere: the mother's bills (4), the baby's own (11), or both
    ("which-category", {**AWAY, "why-elsewhere": "birth", "birth-bills": "mother"}, "delivery"),
    (
        "which-category",
        {**AWAY, "why-elsewhere": "birth", "birth-bills": "baby", "born": "2026-11-20"},
        "newborn",
    ),
    (
        "which-category",
        {**AWAY, "why-elsewhere": "birth", "birth-bills": "both", "born-both": "not-sure"},
        "delivery-and-newborn",
    ),
    # a referral: filed before going (settle again first), or urgent: the day of the
    # transfer, or none
    (
        "which-category",
        {**AWAY, "why-elsewhere": "referred", "urgent": "filed-first"},
        "transfer-filed",
    ),
    (
        "which-category",
        {**AWAY, "why-elsewhere": "referred", "urgent": "urgent", "transferred": "2026-11-20"},
        "transfer",
    ),
    (
        "which-category",
        {**AWAY, "why-elsewhere": "referred", "urgent": "not-sure", "transferred": "not-sure"},
        "transfer",
    ),
    # not sure why: filing first, whatever the reason (the review of issue 19, defect 5)
    ("which-category", {**AWAY, "why-elsewhere": "not-sure"}, "file-and-ask"),
    ("which-category", {**AWAY, "why-elsewhere": "short-trip"}, "short-trip"),
    # lost card, at the counter and in the card tree
    ("which-category", {**HOME, "settle-problem": "card-lost"}, "card-problem"),
    # a failed system: settle again first, category 5 when the hospital no longer can
    (
        "which-category",
        {**HOME, "settle-problem": "system-down", "can-go-back": "yes"},
        "settle-again",
    ),
    (
        "which-category",
        {**HOME, "settle-problem": "system-down", "can-go-back": "no"},
        "system-failure",
    ),
    # injuries (art. 30): at work, or caused by someone else or nobody
    (
        "which-category",
        {**HOME, "settle-problem": "injury", "injury-cause": "at-work"},
        "work-injury",
    ),
    ("which-category", {**HOME, "settle-problem": "injury", "injury-cause": "other"}, "injury"),
    ("which-category", {**HOME, "settle-problem": "not-designated"}, "not-designated"),
    # more than 20 visits without saying the card worked
    (
        "which-category",
        {**HOME, "settle-problem": "not-sure", "other-situations": "many-visits"},
        "frequent-outpatient",
    ),
    (
        "which-category",
        {**HOME, "settle-problem": "not-sure", "other-situations": "chronic"},
        "chronic-disease",
    ),
    (
        "which-category",
        {**HOME, "settle-problem": "not-sure", "other-situations": "maternity"},
        "maternity",
    ),
    (
        "which-category",
        {**HOME, "settle-problem": "card-worked", "other-situations": "large-share"},
        "serious-illness",
    ),
    # paid in full and none of these: never "no claim is needed"
    (
        "which-category",
        {**HOME, "settle-problem": "card-worked", "other-situations": "none"},
        "ask-agency",
    ),
    ("card", {"problem": "lost"}, "report-lost"),
    ("card", {"problem": "never-had"}, "apply-card"),
    ("card", {"problem": "not-sure"}, "ask-agency"),
    ("card", {"problem": "cash"}, "cash-out"),
    ("card", {"problem": "does-not-pay", "why-not-paying": "elsewhere"}, "elsewhere-filing"),
    ("card", {"problem": "does-not-pay", "why-not-paying": "not-designated"}, "not-designated"),
    ("card", {"problem": "does-not-pay", "why-not-paying": "injury"}, "injury-check"),
    # balance-dropped reaches the 2021 reform, premiums and money taken back
    ("balance-dropped", {"what": "less-credited", "when-less": "reform"}, "smaller-crediting"),
    # a drop that did not come with the reform, or a stop: the contribution record first
    ("balance-dropped", {"what": "less-credited", "when-less": "recent"}, "check-contributions"),
    ("balance-dropped", {"what": "less-credited", "when-less": "stopped"}, "check-contributions"),
    (
        "zero-balance",
        {
            **EMPLOYEE,
            "pharmacy": "used-to",
            "what-changed": "less-credited",
            "when-less": "not-sure",
        },
        "check-contributions",
    ),
    # a card left at home outside an emergency: settle the bill again (退费重结)
    ("which-category", {**HOME, "settle-problem": "forgot-card"}, "settle-again"),
    ("card", {"problem": "does-not-pay", "why-not-paying": "balance-zero"}, "balance-zero"),
    (
        "card",
        {"problem": "does-not-pay", "why-not-paying": "activate-or-password"},
        "activate-or-reset",
    ),
    ("balance-dropped", {"what": "lower", "recent-use": "no", "family": "yes"}, "family-use"),
    (
        "balance-dropped",
        {"what": "lower", "recent-use": "no", "family": "insurance"},
        "insurance-premium",
    ),
    ("balance-dropped", {"what": "negative", "taken-back": "yes"}, "reversal"),
    (
        "balance-dropped",
        {"what": "negative", "taken-back": "not-sure", "early-in-month": "not-sure"},
        "system-delay",
    ),
    (
        "balance-dropped",
        {"what": "lower", "recent-use": "no", "family": "not-sure", "card-whereabouts": "not-sure"},
        "unexplained",
    ),
]


@pytest.mark.parametrize("tree, answers, expected", OTHER_ROUTES)
def test_situation_reaches_its_outcome(run, tree, answers, expected):
    assert outcome(run, tree, answers)["id"] == expected


def test_treated_elsewhere_without_filing_is_a_manual_claim_with_caveats(run):
    found = outcome(run, "which-category", {**AWAY, "why-elsewhere": "own-choice"}, "zh")
    assert "nhsa-2022-22" in cited(found) and "医保发〔2022〕22号" in text_of(found)
    assert "补办" in found["explanation"] and "比例可能会低" in found["explanation"]
    assert "请向当地医保经办机构确认" in found["caveat"]
    assert found["checklist"] is None  # none of the eleven fits exactly: no invented category


def test_birth_elsewhere_points_to_the_babys_own_claim(run):
    found = outcome(
        run, "which-category", {**AWAY, "why-elsewhere": "birth", "birth-bills": "mother"}
    )
    assert found["checklist"]["categories"][0]["number"] == 4
    assert "(category 11)" in text_of(found)
    baby = outcome(
        run,
        "which-category",
        {**AWAY, "why-elsewhere": "birth", "birth-bills": "baby", "born": "not-sure"},
    )
    assert baby["checklist"]["categories"][0]["number"] == 11


def test_lost_card_gives_both_routes_and_the_e_voucher(run):
    for tree, answers in (
        ("card", {"problem": "lost"}),
        ("which-category", {"where": "home", "settle-problem": "card-lost"}),
    ):
        found = outcome(run, tree, answers, lang="zh")
        text = text_of(found)
        assert "背面盖章" in text and "挂失证明" in text and "原就诊的定点医院" in text, tree
        assert "医保电子凭证（医保码）" in text and "人社部门" in text, tree
        assert {"nhsa-app", "reform-2018"} <= cited(found), tree
        assert found["checklist"]["categories"][0]["number"] == 6


def test_the_reform_outcome_of_balance_dropped_cites_it(run):
    found = outcome(run, "balance-dropped", {"what": "less-credited", "when-less": "reform"})
    assert "gov-2021-14" in cited(found) and "retiree" in found["explanation"]
    assert "confirm them locally" in found["caveat"]


@pytest.mark.parametrize(
    "tree, question",
    [(name, qid) for name in DECISION_TREES for qid in load_file(TREES / f"{name}.yaml").questions],
)
def test_a_person_who_may_not_know_can_say_so(tree, question):
    q = load_file(TREES / f"{tree}.yaml").questions[question]
    assert "not-sure" in [o.value for o in edges(q)]  # a date question's: no date


# --- national facts and their sources ------------------------------------------------


def shipped_outcomes():
    for name in DECISION_TREES:
        for o in load_file(TREES / f"{name}.yaml").outcomes.values():
            yield name, o


# A fact in the text, and the section-7 source it must cite.
FACT_SOURCES = [
    ("12393", "nhsa-12393"),
    ("National Medical Insurance Service Platform", "nhsa-app"),
    ("e-voucher", "nhsa-app"),
    ("2021 reform", "gov-2021-14"),
    ("family mutual aid", None),  # seed 003 names it; the reform widened it
    ("waiting period", "gov-2024-38"),
    ("human-resources and social-security", "reform-2018"),
    ("tax authorities", "reform-2018"),
    ("close relatives", "gov-2024-38"),
    ("unemployment benefit", "law-art-48"),
    ("years of contributions", "law-art-27"),
    ("work-injury insurance", "law-art-30"),
    ("third party", "law-art-30"),
    ("maternity allowance", "gov-2019-10"),
    ("policy scope", "scope-in-policy"),
    ("carries over", "gov-1998-44"),
    ("enrol its employees", "law-art-58"),
]


@pytest.mark.parametrize("fact, source", [f for f in FACT_SOURCES if f[1]])
def test_every_national_fact_cites_its_source(fact, source):
    for name, o in shipped_outcomes():
        texts = [o.explanation, o.pooled_fund, o.caveat, *o.next_steps, *o.where_to_check]
        if any(t is not None and fact in t.get("en") for t in texts):
            assert source in o.sources, (name, o.id, fact)


def test_confirm_locally_where_domain_md_marks_it():
    for name, o in shipped_outcomes():
        if {"gov-2024-38", "nhsa-2022-22"} & set(o.sources) and o.id != "no-claim":
            assert o.caveat is not None, (name, o.id)
            assert "locally" in o.caveat.get("en") and "当地" in o.caveat.get("zh"), (name, o.id)


def test_no_obsolete_local_tax_office_in_the_advice():
    for name in DECISION_TREES:
        assert "地税" not in (TREES / f"{name}.yaml").read_text(encoding="utf-8"), name


# --- sources by their own titles -----------------------------------------------------


def every_cited_id() -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("sources"), list):
                found.update(node["sources"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in TREES.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_cited_source_resolves_to_a_title_in_both_languages():
    ids = every_cited_id()
    assert {
        "seed-000",
        "gov-2021-14",
        "nhsa-12393",
        "nhsa-app",
        "nhsa-2022-22",
        "reform-2018",
        "gov-2024-38",
    } <= ids
    for ref in ids:
        assert sources.known(ref), ref
        en, zh = sources.label(ref, "en"), sources.label(ref, "zh")
        assert "source article" not in en and "来源文章" not in zh, ref
        assert re.search(r"\d{3}$", en) is None, ref  # never a bare number


def test_laws_and_policies_carry_their_name_and_number():
    assert sources.label("gov-2021-14", "zh") == (
        "《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号）"
    )
    assert "Yi Bao Fa [2022] No. 22" in sources.label("nhsa-2022-22", "en")
    assert sources.label("law-art-29", "zh") == "《中华人民共和国社会保险法》第二十九条"
    assert sources.label("law-art-58", "zh") == "《中华人民共和国社会保险法》第五十八条"
    assert sources.label("law-art-10", "zh").endswith("第十条")
    assert sources.label("law-art-29", "en") == "Social Insurance Law of the PRC, Art. 29"
    # a web article is described, and only a Chinese article's own title is in 《》
    assert sources.label("seed-003", "zh").startswith("网络文章《医保余额无故减少》")
    for seed in ("seed-000", "seed-001", "seed-002", "seed-004"):
        assert "《" not in sources.label(seed, "zh") and "英译本" not in sources.label(seed, "zh")


def test_json_sources_keep_id_and_label(run):
    found = outcome(run, "zero-balance", {"scheme": "yearly"}, lang="zh")
    entry = next(s for s in found["sources"] if s["id"] == "gov-2024-38")
    assert entry == {"id": "gov-2024-38", "label": sources.label("gov-2024-38", "zh")}


@pytest.mark.parametrize(
    "ref", ["seed-099", "gov-2021-99", "nhsa-fax", "reform-2017", "law-art-120"]
)
def test_an_uncatalogued_source_is_refused_at_file_line_col(run, write, ref):
    path = write(
        "bad.yaml",
        VALID.replace("    sources: [seed-001]\n", f"    sources: [seed-001, {ref}]\n", 1),
    )
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if ref in text)
    assert re.search(
        rf"^{re.escape(str(path))}:{line}:\d+: source '{ref}' ", result.stderr, re.M
    ), result.stderr
    assert "medbal/i18n/sources.py" in result.stderr


# --- Chinese: one vocabulary, Chinese punctuation ------------------------------------


def zh_texts(path: Path) -> list[tuple[str, str]]:
    """(the key the text sits under, the Chinese text) for every bilingual text in a file."""
    out: list[tuple[str, str]] = []

    def walk(node: Any, key: str) -> None:
        if isinstance(node, dict):
            if set(node) == {"en", "zh"} and isinstance(node["zh"], str):
                out.append((key, node["zh"]))
                return
            for k, value in node.items():
                walk(value, str(k))
        elif isinstance(node, list):
            for value in node:
                walk(value, key)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")), "")
    return out


PAYING_FIRST_AS_ZIFU = re.compile(r"先(?:自己)?自付|自付[^。；！？]*(?:报销|垫付)")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def chinese_defects(path: Path) -> list[str]:
    problems = []
    for key, zh in zh_texts(path):
        if '"' in zh or "'" in zh:
            problems.append(f"straight quotes: {zh}")
        if PAYING_FIRST_AS_ZIFU.search(zh):
            problems.append(f"自付 for paying first (write 先全额垫付): {zh}")
        if "来源文章" in zh:
            problems.append(f"来源文章 placeholder: {zh}")
        if key == "title" and [w for w in LATIN_WORD.findall(zh) if w != "App"]:
            problems.append(f"English in a Chinese heading: {zh}")
    return problems


def _tree_files() -> list[Any]:
    return [pytest.param(path, id=path.name) for path in sorted(TREES.glob("*.yaml"))]


@pytest.mark.parametrize("path", _tree_files())
def test_no_chinese_defects(path):
    assert chinese_defects(path) == []


@pytest.mark.parametrize(
    "bad, defect",
    [
        ('{en: "a", zh: "看“余额”"}', None),
        ("{en: a, zh: '资料中\"次月中旬\"只是大概'}", "straight quotes"),
        ("{en: a, zh: 新卡办好之前，先自付，之后再报销。}", "自付 for paying first"),
        ("{en: a, zh: 期间自付的费用按第 6 类报销。}", "自付 for paying first"),
        ("{en: a, zh: 住院时个人自付的部分从个人账户里扣。}", None),
        ("{en: a, zh: 见来源文章 003}", "来源文章"),
    ],
)
def test_the_chinese_check_itself(tmp_path, bad, defect):
    path = tmp_path / "t.yaml"
    path.write_text(f"note: {bad}\n", encoding="utf-8")
    found = chinese_defects(path)
    assert (defect is None and found == []) or (defect and defect in found[0])


def test_the_heading_check_catches_a_slug(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "title: {en: Short trip, zh: 第 3 类 short-trip}\n"
        "other: {en: x, zh: 国家医保服务平台 App}\n",
        encoding="utf-8",
    )
    assert chinese_defects(path) == ["English in a Chinese heading: 第 3 类 short-trip"]


# The words of domain.md section 8 that stand for another: not in the files of this branch.
NOT_OURS = ["reimbursement.yaml"]
WRONG_TERMS = ["医保中心", "社保中心", "交费", "交一次", "官方 App", "医保 App", "地税"]


@pytest.mark.parametrize("name", [f"{n}.yaml" for n in DECISION_TREES] + ["rates.yaml"])
def test_one_term_per_concept(name):
    for _, zh in zh_texts(TREES / name):
        for wrong in WRONG_TERMS:
            assert wrong not in zh, (name, wrong, zh)
        assert "医保卡" not in zh or "社保卡（医保卡）" in zh, (name, zh)
        assert "服务网点" not in zh.replace("社保卡服务网点", ""), (name, zh)


@pytest.mark.parametrize("name", DEFAULT_TREES)
def test_every_topic_of_the_page_says_what_it_asks_about(name):
    # The page's start screen and `tree show` introduce a topic by its description; a
    # topic without one (the card tree had none) is a bare title to a person choosing.
    tree = load_file(Path("trees") / f"{name}.yaml")
    assert tree.description is not None
    for lang in ("en", "zh"):
        assert len(tree.description.get(lang)) > 40
